"""Adaptive Cards for Teams, as plain dicts (pure: no Agents SDK, no I/O).

`render_card` turns the platform-neutral `Reply` into a card; the candidacy form and its
buttons (bot/platforms/teams_candidacy.py) build on the small element helpers here. Cards are
version 1.5, what Teams renders on desktop, web and mobile; Action.Execute (Universal Actions)
needs 1.4 or later.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.reply import Reply, render_text

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
# The data of the card buttons that ask a follow-up question (Action.Submit).
ASK_ACTION = "g40.ask"
# Teams shows at most six buttons on a card; three follow-ups and three links fit.
MAX_SUGGESTION_BUTTONS = 3
MAX_LINK_BUTTONS = 3
MAX_ACTIONS = 6
MAX_SUMMARY_CHARS = 200

Card = dict[str, Any]
Element = dict[str, Any]


# Text styles that belong to a TextRun; anything else (spacing, separator) to its block.
_RUN_STYLES = frozenset({"color", "fontType", "isSubtle", "italic", "size", "weight"})


def run(text: str, **style: Any) -> Element:
    """A TextRun: Teams shows its text as written, never as Markdown."""
    return {"type": "TextRun", "text": text, **style}


def text_block(text: str, **style: Any) -> Element:
    """`text` exactly as written. Every text on a card may hold what someone typed (a
    candidate's name or motivation, a sheet cell, a field error quoting the input); a TextBlock
    (and a FactSet) would read `[klik hier](https://…)` as a link and `**`, `- ` or `1. ` as
    markup, a RichTextBlock's TextRun does not."""
    runs = {key: value for key, value in style.items() if key in _RUN_STYLES}
    block = {key: value for key, value in style.items() if key not in _RUN_STYLES}
    return {"type": "RichTextBlock", "inlines": [run(text, **runs)], **block}


def heading(text: str) -> Element:
    return text_block(text, weight="Bolder", size="Medium")


def fact(label: str, value: str) -> Element:
    """A label and its value on one line, both literal (a FactSet's would be Markdown)."""
    return {"type": "RichTextBlock", "inlines": [run(f"{label}: ", weight="Bolder"), run(value)]}


def execute(title: str, verb: str, data: dict[str, Any], **style: Any) -> Element:
    """An Action.Execute button: Teams sends an `adaptiveCard/action` invoke with `verb` and
    `data` (plus the card's inputs) and shows the card the bot answers with."""
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data, **style}


def card(
    body: Sequence[Element],
    actions: Sequence[Element] = (),
    *,
    language: str,
    fallback: str,
) -> Card:
    built: Card = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "lang": language,
        "body": list(body),
        "fallbackText": fallback,
    }
    if actions:
        built["actions"] = list(actions)[:MAX_ACTIONS]
    return built


def reply_body(reply: Reply) -> list[Element]:
    """The reply's title, lines and facts as card elements."""
    body: list[Element] = [heading(reply.title)] if reply.title else []
    body += [text_block(line) for line in reply.lines]
    body += [fact(label, value) for label, value in reply.fields]
    return body


def render_card(
    reply: Reply,
    *,
    actions: Sequence[Element] = (),
    body_after: Sequence[Element] = (),
) -> Card:
    """The reply as an Adaptive Card: title, lines, facts; follow-up questions as Action.Submit
    buttons, links (mailto, web) as Action.OpenUrl; the plain text as fallbackText. `actions`
    come first (e.g. the candidacy button on the help card); `body_after` follows the facts."""
    buttons: list[Element] = list(actions)
    buttons += [
        {
            "type": "Action.Submit",
            "title": suggestion,
            "data": {"action": ASK_ACTION, "question": suggestion},
        }
        for suggestion in reply.suggestions[:MAX_SUGGESTION_BUTTONS]
    ]
    buttons += [
        {"type": "Action.OpenUrl", "title": link.label, "url": link.url}
        for link in reply.links[:MAX_LINK_BUTTONS]
    ]
    return card(
        [*reply_body(reply), *body_after],
        buttons,
        language=reply.language,
        fallback=render_text(reply),
    )


def summary_of(reply: Reply) -> str:
    """One line for notifications and screen readers: the title and the first line."""
    text = " — ".join(part for part in (reply.title, *reply.lines[:1]) if part)
    return text if len(text) <= MAX_SUMMARY_CHARS else text[: MAX_SUMMARY_CHARS - 1] + "…"
