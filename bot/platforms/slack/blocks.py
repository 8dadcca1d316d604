"""Block Kit from the platform-neutral pieces: a `Reply` with its buttons, a `FormView` as a
modal, a `Home` as the App Home. Pure: values in, dictionaries out; no Slack SDK, no I/O.

What a reply says, which buttons it has and what a form asks are decided by the conversation
core (bot/handlers/chat.py); this module only lays them out, within Block Kit's limits
(https://api.slack.com/reference/block-kit/blocks). Every text a user or the sheet wrote is
escaped, so `<`, `>` and `&` in it cannot become a mention or a link.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.forms import FieldView, FormView, Option
from bot.handlers.chat import Home, Surface
from bot.i18n import say
from bot.reply import Action, ActionKind, Language, Reply, question_actions, render_text
from bot.text import MAX_QUESTION_CHARS

PLATFORM = "slack"
COMMAND = "/g40"
SLACK = Surface(PLATFORM, prefix=f"{COMMAND} ", code=True)

# The buttons of a reply, by what they do; the same kind twice in one block gets ":1", ":2"…
# (Slack wants action ids unique within a block).
ACTION_IDS: dict[ActionKind, str] = {
    "ask": "g40_ask",
    "candidacy": "g40_candidacy_open",
    "withdraw": "g40_candidacy_withdraw",
    "reminders": "g40_reminders",
}
SHARE_ACTION = "g40_share"
# An offered reading's button carries its question and the unclear question it was offered for
# as JSON ({"q": …, "o": …}); other "ask" buttons carry their question as it is.
PICKED_FROM = "o"
# The block of a message's buttons carries the message's language: a press answers in it.
ACTIONS_BLOCK = "g40_actions"
# A form's modal; its fields are input blocks whose block_id is the field's name. A field
# whose choice changes what the form explains dispatches DETAILS_ACTION when chosen.
FORM_CALLBACK = "g40_form"
DETAILS_ACTION = "g40_form_details"
VALUE_ACTION = "value"
TICKED = "yes"

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_FALLBACK_CHARS = 3000
MAX_BUTTON_CHARS = 75
MAX_BUTTON_VALUE = 2000
MAX_BUTTONS = 25
MAX_OPTIONS = 100
MAX_OPTION_CHARS = 75
MAX_MODAL_TITLE = 24
MAX_LABEL_CHARS = 2000
MAX_PHASES_SHOWN = 10

Block = dict[str, Any]
Rendered = tuple[str, list[Block]]


# --- pieces ----------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack mrkdwn treats &, < and > as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str, limit: int = MAX_LABEL_CHARS) -> dict[str, Any]:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return {"type": "plain_text", "text": shown, "emoji": True}


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION_CHARS]}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_SECTION_CHARS]}]}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, MAX_HEADER_CHARS)}


def chunks(lines: Iterable[str], limit: int = MAX_SECTION_CHARS) -> Iterator[str]:
    """Lines joined into texts of at most `limit` characters (a longer line is split)."""
    current = ""
    for line in lines:
        while len(line) > limit:
            if current:
                yield current
                current = ""
            yield line[:limit]
            line = line[limit:]
        if current and len(current) + 1 + len(line) > limit:
            yield current
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        yield current


def button(action: Action, action_id: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "action_id": action_id or ACTION_IDS[action.kind],
        "text": plain(action.label, MAX_BUTTON_CHARS),
    }
    if action.picked_from:
        element["value"] = json.dumps(
            {"q": action.value[:MAX_QUESTION_CHARS], PICKED_FROM: action.picked_from},
            ensure_ascii=False,
        )[:MAX_BUTTON_VALUE]
    elif action.value:
        element["value"] = action.value[:MAX_BUTTON_VALUE]
    if action.style != "default":
        element["style"] = action.style
    if action.confirm is not None:
        element["confirm"] = {
            "title": plain(action.confirm.title, 100),
            "text": plain(action.confirm.text, 300),
            "confirm": plain(action.confirm.yes, 30),
            "deny": plain(action.confirm.no, 30),
        }
    return element


def action_blocks(
    actions: Sequence[Action], language: Language, extra: Sequence[Block] = ()
) -> list[Block]:
    """Buttons: one about something (a candidacy) beside what it is about, the others and
    `extra` in one row at the end. Each block's id says the language to answer a press in."""
    seen: dict[str, int] = {}
    blocks, row = [], []
    for number, action in enumerate(actions[: MAX_BUTTONS - len(extra)]):
        base = ACTION_IDS[action.kind]
        count = seen[base] = seen.get(base, 0) + 1
        element = button(action, base if count == 1 else f"{base}:{count - 1}")
        if action.about:
            beside = section(escape(action.about))
            beside |= {"block_id": f"{ACTIONS_BLOCK}:{language}:{number}", "accessory": element}
            blocks.append(beside)
        else:
            row.append(element)
    row += extra
    if row:
        blocks.append(
            {"type": "actions", "block_id": f"{ACTIONS_BLOCK}:{language}", "elements": row}
        )
    return blocks


# --- replies ---------------------------------------------------------------------------------


def share_value(question: str, language: Language) -> str:
    """The share button's value (≤ 2,000 chars): the question, cut just past what is read."""
    return json.dumps({"q": question[: MAX_QUESTION_CHARS + 1], "l": language}, ensure_ascii=False)


def buttons(reply: Reply) -> tuple[Action, ...]:
    """A reply's buttons, in the order shown: its own, then the readings to choose from and
    "more" as "ask" buttons (a /g40 answer has no thread to type a number in)."""
    return (*reply.actions, *question_actions(reply))


def _body(reply: Reply) -> list[Block]:
    head = [header(reply.title)] if reply.title else []
    # A line a button shows beside it (a candidacy to withdraw) is not shown twice.
    beside = {action.about for action in buttons(reply)}
    lines = [escape(line) for line in reply.lines if line not in beside]
    lines += [f"*{escape(label)}:* {escape(value)}" for label, value in reply.fields]
    return [*head, *(section(text) for text in chunks(lines))]


def _notes(reply: Reply) -> list[Block]:
    """Links and suggested questions, under the answer."""
    notes = []
    if reply.links:
        links = " · ".join(f"<{link.url}|{escape(link.label)}>" for link in reply.links[:10])
        notes.append(context(links))
    suggested = reply.unlisted_suggestions()
    if suggested:
        suggestions = " | ".join(escape(s) for s in suggested)
        notes.append(context(f"{say(reply.language, 'slack_try_also')}: {suggestions}"))
    if reply.choices and reply.kind != "clarify":
        # An answer that also offers other readings says so above their buttons; a clarify
        # reply's title already asks which one.
        notes.append(context(say(reply.language, "or_did_you_mean")))
    return notes


def render(reply: Reply, *, share: str | None = None, shared_by: str | None = None) -> Rendered:
    """(fallback text, blocks) for a reply with its buttons, within Block Kit's limits.
    `share`: the share button's value; `shared_by`: the user who shared this answer."""
    lang = reply.language
    if shared_by:
        # Without its buttons: nothing in it may point at readings or a 'more' to press.
        reply = replace(reply, choices=(), more=None)
    tail = _notes(reply)
    if shared_by:
        tail.append(context(say(lang, "slack_shared_by", user=shared_by)))
    extra = [button(Action(say(lang, "slack_share"), "ask", share), SHARE_ACTION)] if share else []
    # A shared answer is read by the channel: a button there would answer whoever pressed it
    # in place of the message everyone sees.
    tail += action_blocks(() if shared_by else buttons(reply), lang, extra)
    body = _body(reply)
    room = MAX_BLOCKS - len(tail)
    if len(body) > room:
        body = [*body[: room - 1], section(escape(say(lang, "truncated_answer")))]
    # Slack reads the fallback as mrkdwn too, and phones notify from it: what someone typed
    # in it must not become an @channel, a mention or a link.
    fallback = escape(render_text(reply))
    if len(fallback) > MAX_FALLBACK_CHARS:
        fallback = fallback[: MAX_FALLBACK_CHARS - 1] + "…"
    return fallback, [*body, *tail]


# --- forms -----------------------------------------------------------------------------------


def _option(option: Option) -> dict[str, Any]:
    return {"text": plain(option.label, MAX_OPTION_CHARS), "value": option.value}


def _element(field: FieldView, choose: str) -> Block:
    widget = field.spec.widget
    action_id = DETAILS_ACTION if field.spec.details else VALUE_ACTION
    if widget in {"choice", "radio"}:
        element: Block = {
            "type": "static_select" if widget == "choice" else "radio_buttons",
            "action_id": action_id,
            "options": [_option(option) for option in field.options[:MAX_OPTIONS]],
        }
        if widget == "choice":
            element["placeholder"] = plain(choose, 150)
        chosen = field.chosen()
        if chosen is not None:
            element["initial_option"] = _option(chosen)
        return element
    if widget == "confirm":
        tick = {"text": plain(field.confirm or field.label, MAX_OPTION_CHARS), "value": TICKED}
        element = {"type": "checkboxes", "action_id": action_id, "options": [tick]}
        if field.ticked:
            element["initial_options"] = [tick]
        return element
    element = {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": widget == "long_text",
    }
    if field.spec.max_length:
        element["max_length"] = field.spec.max_length
    if field.text:
        element["initial_value"] = field.text[: field.spec.max_length or None]
    return element


def _input(field: FieldView, choose: str) -> list[Block]:
    block: Block = {
        "type": "input",
        "block_id": field.name,
        "label": plain(field.label),
        "element": _element(field, choose),
        "optional": field.spec.optional,
    }
    if field.spec.details:
        block["dispatch_action"] = True
    if field.hint:
        block["hint"] = plain(field.hint)
    # Shown in the view itself: a view that changes on submit cannot carry Slack's errors.
    error = [context(f"⚠️ {escape(field.error)}")] if field.error else []
    return [block, *error]


def modal(view: FormView) -> Block:
    """The form as a modal: its notice, each field by its widget (a `details` field followed
    by what the choice means), and the replace choice when it applies."""
    blocks = [context(escape(view.notice))] if view.notice else []
    for field in view.fields:
        blocks += _input(field, view.choose)
        if field.spec.details and view.details:
            blocks.append(section(escape(view.details)))
    if view.replace is not None:
        blocks.append(section(escape(view.replace_notice)))
        blocks += _input(view.replace, view.choose)
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "title": plain(view.title, MAX_MODAL_TITLE),
        "submit": plain(view.submit, MAX_MODAL_TITLE),
        "close": plain(view.close, MAX_MODAL_TITLE),
        "private_metadata": json.dumps({"l": view.language}),
        "blocks": blocks[:MAX_HOME_BLOCKS],
    }


def inputs(view: Mapping[str, Any]) -> list[str]:
    """The input blocks of a view: which fields it asks."""
    return [str(b.get("block_id")) for b in view.get("blocks") or [] if b.get("type") == "input"]


def form_invitation(view: FormView) -> Reply:
    """Where no modal can be opened (a message has no trigger): a button that opens it."""
    opener = Action(view.title, "candidacy", style="primary")
    lines = (view.notice,) if view.notice else ()
    return Reply(view.title, lines, language=view.language, actions=(opener,))


def apology_modal(text: str) -> Block:
    return {
        "type": "modal",
        "title": plain("g40bot"),
        "close": plain("OK"),
        "blocks": [section(escape(text))],
    }


# --- the App Home ----------------------------------------------------------------------------


def home_view(home: Home) -> Block:
    """The App Home: what g40bot can do, the coming phases, the reminders switch, and the
    person's own candidacies; its language is in private_metadata, for the buttons."""
    lang = home.language
    blocks = [*_body(home.help), *_notes(home.help)]
    blocks += [{"type": "divider"}, header(say(lang, "home_phases_title"))]
    phases = [f"• {escape(line)}" for line in home.phases] or [say(lang, "home_no_upcoming")]
    blocks += [section(text) for text in chunks(phases)][:MAX_PHASES_SHOWN]
    on = home.subscribed
    switch = Action(
        say(lang, "home_turn_off" if on else "home_turn_on"),
        "reminders",
        "off" if on else "on",
        style="default" if on else "primary",
    )
    reminders = section(say(lang, "home_reminders_on" if on else "home_reminders_off"))
    reminders["accessory"] = button(switch)
    blocks += [{"type": "divider"}, reminders, {"type": "divider"}]
    blocks.append(header(say(lang, "cand_mine_title")))
    own = [f"• {escape(line)}" for line in home.candidacies] or [say(lang, "cand_mine_none")]
    blocks += [section(text) for text in chunks(own)]
    actions = action_blocks(buttons(home.help), lang)
    blocks = [*blocks[: MAX_HOME_BLOCKS - len(actions)], *actions]
    return {"type": "home", "private_metadata": json.dumps({"l": lang}), "blocks": blocks}
