"""The platform-neutral answer: the console renders it as text, Slack as Block Kit, Teams as
an Adaptive Card."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["nl", "en"]
# What a button does when pressed: ask a question (a follow-up, "meer", one of the readings
# offered), open the candidacy form, withdraw a candidacy, switch reminders on or off.
ActionKind = Literal["ask", "candidacy", "withdraw", "reminders"]


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Choice:
    """One reading of an unclear question: what to show, and the question that asks it."""

    label: str
    question: str


@dataclass(frozen=True)
class Confirm:
    """A question the platform asks before it carries out a button (e.g. "withdraw?"), and
    what to say when the person declines."""

    title: str
    text: str
    yes: str
    no: str
    declined: str = ""


@dataclass(frozen=True)
class Action:
    """A button, the same on every platform that has buttons: what it shows, and what it does
    when pressed (`kind`, with `value`: the question, the submission id, "on"/"off").
    `about`: what it acts on, shown beside it (e.g. the candidacy a withdraw button ends)."""

    label: str
    kind: ActionKind
    value: str = ""
    style: Literal["default", "primary", "danger"] = "default"
    confirm: Confirm | None = None
    about: str = ""
    # A reading offered for an unclear question: that question, so that pressing the reading
    # counts as picked for it (the loop with staff), also where no thread remembers it.
    picked_from: str = ""


@dataclass(frozen=True)
class Reply:
    """`title` is a heading; `lines` the answer, most important first; `fields` label/value
    facts; `suggestions` follow-up questions the user can ask next."""

    title: str
    lines: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    suggestions: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    language: Language = "nl"
    kind: Literal["answer", "clarify", "fallback", "error"] = "answer"
    actions: tuple[Action, ...] = ()
    # The question that gives the full card after a narrow answer ("meer over de voorzitter"),
    # and the two or three readings offered when the question is unclear: numbered in plain
    # text, where typing the number (or 'meer') in the same conversation asks it.
    more: str | None = None
    choices: tuple[Choice, ...] = ()
    # The question as asked, where the reply offers readings of it (their buttons carry it).
    asked: str = ""

    def further_suggestions(self) -> tuple[str, ...]:
        """The suggested questions that the reply does not already offer as a reading to
        choose or as its 'more': each way to ask is shown once."""
        offered = {choice.question for choice in self.choices} | {self.more}
        return tuple(s for s in self.suggestions if s not in offered)

    def unlisted_suggestions(self) -> tuple[str, ...]:
        """The further suggestions as a line of text shows them: without those the answer
        already lists as a bullet (the help's examples)."""
        listed = {line.removeprefix("• ") for line in self.lines}
        return tuple(s for s in self.further_suggestions() if s not in listed)


def question_actions(reply: Reply) -> tuple[Action, ...]:
    """The questions a reply offers as buttons, where a platform has them: the readings to
    choose from, then the full card after a narrow answer. Plain text numbers them instead."""
    picks = tuple(
        Action(choice.label, "ask", choice.question, picked_from=reply.asked)
        for choice in reply.choices
    )
    if reply.more is None:
        return picks
    label = "Meer hierover" if reply.language == "nl" else "More about this"
    return (*picks, Action(label, "ask", reply.more))


def render_text(reply: Reply) -> str:
    """Plain text for the console and `g40bot ask`."""
    out = [reply.title] if reply.title else []
    out += list(reply.lines)
    out += [f"{label}: {value}" for label, value in reply.fields]
    dutch = reply.language == "nl"
    if reply.choices and reply.kind != "clarify":
        out.append("Of bedoel je:" if dutch else "Or do you mean:")
    out += [f"{number}. {choice.label}" for number, choice in enumerate(reply.choices, start=1)]
    body = "\n".join(out)
    # A mailto link whose address the answer already shows adds nothing in plain text.
    links = [link for link in reply.links if link.url.removeprefix("mailto:") not in body]
    if links:
        # An e-mail address as mail programs show it; "mailto:" is markup in plain text.
        out.append(
            " · ".join(f"{link.label} <{link.url.removeprefix('mailto:')}>" for link in links)
        )
    if reply.choices:
        out.append("Typ het nummer." if dutch else "Type the number.")
    if reply.more:
        out.append(
            f"Meer weten? Typ 'meer' of vraag '{reply.more}'."
            if dutch
            else f"More? Type 'more' or ask '{reply.more}'."
        )
    suggestions = reply.unlisted_suggestions()
    if suggestions:
        heading = "Probeer ook" if dutch else "Try also"
        out.append(f"{heading}: " + " | ".join(suggestions))
    return "\n".join(out)
