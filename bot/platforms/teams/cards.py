"""Adaptive Cards from the conversation's neutral answers, as plain dicts (pure: no Agents
SDK, no I/O).

`reply_card` renders a `Reply` with its buttons, `form_card` a `FormView`: one input per field,
chosen by its widget, each error right under its field. Nothing here knows which form it
draws or what a button is for; parse.py reads what comes back by the same names.

Every text goes on a card as a TextRun: it may hold what someone typed (a candidate's name or
motivation, a sheet cell, a field error quoting the input), and a TextBlock or FactSet would
read `[klik hier](https://…)` as a link and `**`, `- ` or `1. ` as markup. Cards are version
1.5, what Teams renders on desktop, web and mobile, and what Action.Execute needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.forms import FieldView, FormView
from bot.handlers.chat import Response, Surface
from bot.i18n import say
from bot.reply import Action, ActionKind, Language, Reply, question_actions, render_text

PLATFORM = "teams"
# Commands are typed as they are ("typ 'herinneringen uit'"); cards have buttons.
SURFACE = Surface(PLATFORM)
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"

# An "ask" button is an Action.Submit: Teams posts its question as a message, so the answer
# comes as a new message under it and the card stays.
ASK_ACTION = "g40.ask"
QUESTION_KEY = "question"
# An offered reading's button: the unclear question it was offered for (the loop with staff).
PICKED_FROM_KEY = "picked_from"
# Every other button is an Action.Execute: the answer replaces the card that was clicked.
VERBS: dict[ActionKind, str] = {
    "candidacy": "g40.candidacy",
    "withdraw": "g40.withdraw",
    "reminders": "g40.reminders",
}
REFRESH_VERB = "g40.form.refresh"
SUBMIT_VERB = "g40.form.submit"
# What a button's data carries besides the card's inputs.
VALUE_KEY = "value"
LANGUAGE_KEY = "lang"
FORM_KEY = "form"
# What an Input.Toggle reports.
ON = "true"
OFF = "false"

# Teams shows at most six buttons on a card: the reply's own first, then up to three
# follow-up questions and three links.
MAX_ACTIONS = 6
MAX_SUGGESTION_BUTTONS = 3
MAX_LINK_BUTTONS = 3
MAX_SUMMARY_CHARS = 200
_STYLES = {"primary": "positive", "danger": "destructive"}

Card = dict[str, Any]
Element = dict[str, Any]


# --- text -------------------------------------------------------------------------------------

# Text styles that belong to a TextRun; anything else (spacing, separator) to its block.
_RUN_STYLES = frozenset({"color", "fontType", "isSubtle", "italic", "size", "weight"})


def run(text: str, **style: Any) -> Element:
    """A TextRun: Teams shows its text as written, never as Markdown."""
    return {"type": "TextRun", "text": text, **style}


def text_block(text: str, **style: Any) -> Element:
    """`text` exactly as written, in a RichTextBlock of one TextRun."""
    runs = {key: value for key, value in style.items() if key in _RUN_STYLES}
    block = {key: value for key, value in style.items() if key not in _RUN_STYLES}
    return {"type": "RichTextBlock", "inlines": [run(text, **runs)], **block}


def heading(text: str) -> Element:
    return text_block(text, weight="Bolder", size="Medium")


def fact(label: str, value: str) -> Element:
    """A label and its value on one line, both literal (a FactSet's would be Markdown)."""
    return {"type": "RichTextBlock", "inlines": [run(f"{label}: ", weight="Bolder"), run(value)]}


def card(
    body: Sequence[Element], actions: Sequence[Element] = (), *, language: str, fallback: str
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


# --- buttons ----------------------------------------------------------------------------------


def execute(title: str, verb: str, data: dict[str, Any], **style: Any) -> Element:
    """An Action.Execute: Teams sends an `adaptiveCard/action` invoke with `verb` and `data`
    (plus the card's inputs) and shows the card the bot answers with."""
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data, **style}


def button(action: Action, language: Language) -> Element:
    """The button that carries out `action` (its confirmation aside: see `buttons`)."""
    if action.kind == "ask":
        data = {"action": ASK_ACTION, QUESTION_KEY: action.value}
        if action.picked_from:
            data[PICKED_FROM_KEY] = action.picked_from
        return {"type": "Action.Submit", "title": action.label, "data": data}
    data = {VALUE_KEY: action.value, LANGUAGE_KEY: language}
    return execute(action.label, VERBS[action.kind], data, **_style(action))


def _style(action: Action) -> dict[str, str]:
    return {"style": _STYLES[action.style]} if action.style in _STYLES else {}


def buttons(actions: Sequence[Action], language: Language) -> tuple[list[Element], list[Element]]:
    """(the card's buttons, what they add to the body). A button that acts on something
    (`about`, e.g. one of several candidacies) stands in a row of the body beside what it acts
    on. A button with a confirmation first opens its question (see `confirming`)."""
    shown: list[Element] = []
    body: list[Element] = []
    for number, action in enumerate(actions):
        element = button(action, language)
        question: list[Element] = []
        if action.confirm is not None:
            element, question = confirming(action, f"g40-confirm-{number}", language)
        if action.about:
            row = [text_block(action.about), {"type": "ActionSet", "actions": [element]}]
            body.append({"type": "Container", "separator": True, "items": [*row, *question]})
        else:
            shown.append(element)
            body += question
    return shown, body


def confirming(action: Action, target: str, language: Language) -> tuple[Element, list[Element]]:
    """(the button, its question): the button shows the question, hidden on the card until
    then, with yes (the action itself) and no (hides it again): asked in place, without a
    round trip."""
    assert action.confirm is not None
    confirm = action.confirm
    toggle = {"type": "Action.ToggleVisibility", "targetElements": [target]}
    yes = button(replace(action, label=confirm.yes, confirm=None), language)
    no = toggle | {"title": confirm.no}
    question = {
        "type": "Container",
        "id": target,
        "isVisible": False,
        "style": "emphasis",
        "items": [
            text_block(confirm.title, weight="Bolder"),
            text_block(confirm.text),
            {"type": "ActionSet", "actions": [yes, no]},
        ],
    }
    return toggle | {"title": action.label, **_style(action)}, [question]


# --- replies ----------------------------------------------------------------------------------


def reply_card(reply: Reply) -> Card:
    """The reply as a card: title, lines, facts; its buttons, then its follow-up questions as
    "ask" buttons, then its links (mailto, web) as Action.OpenUrl; the plain text as
    fallbackText."""
    lang = reply.language
    # Every question a reply offers is an "ask" button (the answer engine's "meer" and its
    # readings to choose from belong here too).
    suggested = reply.further_suggestions()[:MAX_SUGGESTION_BUTTONS]
    asks = tuple(Action(s, "ask", s) for s in suggested)
    actions = (*reply.actions, *question_actions(reply), *asks)[:MAX_ACTIONS]
    shown, rows = buttons(actions, lang)
    links = [
        {"type": "Action.OpenUrl", "title": link.label, "url": link.url}
        for link in reply.links[:MAX_LINK_BUTTONS]
    ]
    body: list[Element] = [heading(reply.title)] if reply.title else []
    body += [text_block(line) for line in reply.lines]
    body += [fact(label, value) for label, value in reply.fields]
    if reply.choices and reply.kind != "clarify":
        body.append(text_block(say(lang, "or_did_you_mean"), isSubtle=True))
    return card([*body, *rows], [*shown, *links], language=lang, fallback=render_text(reply))


def summary_of(reply: Reply) -> str:
    """One line for notifications and screen readers: the title and the first line."""
    text = " — ".join(part for part in (reply.title, *reply.lines[:1]) if part)
    return text if len(text) <= MAX_SUMMARY_CHARS else text[: MAX_SUMMARY_CHARS - 1] + "…"


def response_card(response: Response, form_id: str) -> tuple[Card, str]:
    """The card for what the conversation answered, its form or its reply, with the line
    Teams shows for it in notifications. `form_id`: the id a new form is drawn with."""
    if response.form is not None:
        return form_card(response.form, form_id), response.form.title
    assert response.reply is not None
    return reply_card(response.reply), summary_of(response.reply)


# --- forms ------------------------------------------------------------------------------------


def form_card(view: FormView, form_id: str) -> Card:
    """The form as a card: the notice first, one input per field (id = the field's name) with
    its error right under it, what the current choice of a `details` field means with a button
    to show it again after another choice, the replace question when it applies, and the
    submit button. `form_id` comes back with every click, so a repeated submit is known."""
    data = {FORM_KEY: form_id, LANGUAGE_KEY: view.language}
    body: list[Element] = [heading(view.title)]
    if view.notice:
        body.append(text_block(view.notice, isSubtle=True))
    for field in view.fields:
        body += [field_input(field, view.choose), *error_under(field)]
        if field.spec.details:
            explained: list[Element] = [text_block(view.details, size="Small")]
            if view.refresh:
                refresh = execute(view.refresh, REFRESH_VERB, data)
                explained.append({"type": "ActionSet", "actions": [refresh]})
            body.append({"type": "Container", "style": "emphasis", "items": explained})
    if view.replace is not None:
        body.append(text_block(view.replace_notice, color="Warning"))
        body += [field_input(view.replace, view.choose), *error_under(view.replace)]
    submit = execute(view.submit, SUBMIT_VERB, data, style="positive")
    return card(body, [submit], language=view.language, fallback=view.title)


def field_input(field: FieldView, choose: str) -> Element:
    """The input for a field's widget, holding its current value."""
    widget = field.spec.widget
    element: Element = {"id": field.name, "label": field.label}
    if widget in ("choice", "radio"):
        element |= {
            "type": "Input.ChoiceSet",
            "style": "compact" if widget == "choice" else "expanded",
            "choices": [{"title": o.label, "value": o.value} for o in field.options],
        }
        if widget == "choice":
            element["placeholder"] = choose
        chosen = field.chosen()
        if chosen is not None:
            element["value"] = chosen.value
        return element
    if widget == "confirm":
        return element | {
            "type": "Input.Toggle",
            "title": field.confirm or field.label,
            "valueOn": ON,
            "valueOff": OFF,
            "value": ON if field.ticked else OFF,
            "wrap": True,
        }
    element["type"] = "Input.Text"
    limit = field.spec.max_length
    if limit is not None:
        element["maxLength"] = limit
    if widget == "email":
        element["style"] = "Email"
    if widget == "long_text":
        element["isMultiline"] = True
    if field.hint:
        element["placeholder"] = field.hint
    if field.text:
        element["value"] = field.text[:limit] if limit else field.text
    return element


def error_under(field: FieldView) -> list[Element]:
    if not field.error:
        return []
    return [text_block(field.error, color="Attention", size="Small", spacing="None")]
