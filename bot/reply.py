"""The platform-neutral answer: the console renders it as text, Slack as Block Kit, Teams as
an Adaptive Card."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["nl", "en"]


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
class Reply:
    """`title` is a heading; `lines` the answer, most important first; `fields` label/value
    facts; `suggestions` follow-up questions the user can ask next; `more` the question that
    gives the full card after a narrow answer ("meer over de voorzitter"); `choices` the two or
    three readings offered when the question is unclear (buttons in Slack and Teams, numbers in
    the console)."""

    title: str
    lines: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    suggestions: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    language: Language = "nl"
    kind: Literal["answer", "clarify", "fallback", "error"] = "answer"
    more: str | None = None
    choices: tuple[Choice, ...] = ()


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
        out.append(" · ".join(f"{link.label} <{link.url}>" for link in links))
    if reply.choices:
        out.append("Typ het nummer." if dutch else "Type the number.")
    if reply.more:
        out.append(
            f"Meer weten? Typ 'meer' of vraag '{reply.more}'."
            if dutch
            else f"More? Type 'more' or ask '{reply.more}'."
        )
    if reply.suggestions:
        heading = "Probeer ook" if dutch else "Try also"
        out.append(f"{heading}: " + " | ".join(reply.suggestions))
    return "\n".join(out)
