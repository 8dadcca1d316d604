"""Slack payloads read into what the conversation core takes: the question typed, who is
talking (`Person`), what a form holds (`Entered`), which button was pressed (`Action`) and in
which language the message or view that had it was shown. Pure: no Slack SDK, no I/O.

Forms are read back generically: an input block's id is the field's name (blocks.py), and a
value is read by the element's type, so no field of any form is named here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from bot.forms import REPLACE_FIELD, Entered
from bot.handlers.chat import Person
from bot.platforms.slack.blocks import ACTION_IDS, ACTIONS_BLOCK, PICKED_FROM, PLATFORM, TICKED
from bot.reply import Action, ActionKind, Language

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_KINDS: dict[str, ActionKind] = {action_id: kind for kind, action_id in ACTION_IDS.items()}

Payload = Mapping[str, Any]


def question_of(text: str) -> str:
    """A message's text without @-mentions, with Slack's &amp; &lt; &gt; undone."""
    return html.unescape(_MENTION.sub(" ", text)).strip()


def user_of(body: Payload) -> str:
    """Who sent an interaction (a button, a form)."""
    return str((body.get("user") or {}).get("id") or "")


def person_of(user_id: str, user: Payload) -> Person:
    """A person from users.info's `user`: their locale, name and e-mail address."""
    profile = user.get("profile") or {}
    return Person(
        PLATFORM,
        user_id,
        name=str(profile.get("real_name") or profile.get("display_name") or ""),
        email=str(profile.get("email") or ""),
        locale=str(user.get("locale") or "") or None,
    )


def _language(value: object) -> Language | None:
    return "nl" if value == "nl" else "en" if value == "en" else None


def view_language(view: Payload) -> Language | None:
    """A modal or the App Home carries its language in private_metadata ({"l": "en"})."""
    try:
        metadata = json.loads(str(view.get("private_metadata") or "{}"))
    except json.JSONDecodeError:
        return None
    return _language(metadata.get("l")) if isinstance(metadata, dict) else None


def entered_of(view: Payload) -> Entered:
    """What the person entered in a form's modal, by field name; `replace` is None when the
    view did not ask it."""
    values: dict[str, str | bool] = {}
    state = (view.get("state") or {}).get("values") or {}
    for name, elements in state.items():
        element: Payload = (
            next(iter(elements.values()), {}) if isinstance(elements, Mapping) else {}
        )
        if element.get("type") == "checkboxes":
            ticked = element.get("selected_options") or []
            values[name] = any(option.get("value") == TICKED for option in ticked)
        else:
            selected = element.get("selected_option") or {}
            values[name] = str(selected.get("value") or element.get("value") or "")
    replace = values.pop(REPLACE_FIELD, None)
    return Entered(values, replace=replace if isinstance(replace, bool) else None)


def pressed_pattern(kind: ActionKind) -> re.Pattern[str]:
    """The action ids of one kind of button (blocks.actions_block numbers repeats)."""
    return re.compile(rf"^{re.escape(ACTION_IDS[kind])}(:\d+)?$")


def action_of(action: Payload) -> Action | None:
    """The button pressed (its kind by action id; a repeated kind's ":1" suffix dropped)."""
    kind = _KINDS.get(str(action.get("action_id") or "").split(":")[0])
    if kind is None:
        return None
    value = str(action.get("value") or "")
    if kind == "ask" and value.startswith("{"):
        try:
            found = json.loads(value)
        except json.JSONDecodeError:
            found = None
        if isinstance(found, dict) and isinstance(found.get("q"), str):
            picked_from = found.get(PICKED_FROM)
            origin = picked_from if isinstance(picked_from, str) else ""
            return Action("", kind, found["q"], picked_from=origin)
    return Action("", kind, value)


def pressed_language(body: Payload, action: Payload) -> Language | None:
    """The language of what the button was shown in: a view's metadata, or the block of a
    message's buttons (blocks.actions_block)."""
    view = body.get("view")
    if view:
        return view_language(view)
    prefix, _, rest = str(action.get("block_id") or "").partition(":")
    return _language(rest.split(":")[0]) if prefix == ACTIONS_BLOCK else None


def thread_of_press(body: Payload) -> str:
    """The conversation a button was pressed in: the message's thread, else its channel."""
    container = body.get("container") or {}
    channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
    thread = container.get("thread_ts")
    return f"{channel}:{thread}" if channel and thread else channel


def shared(value: str) -> tuple[str, Language]:
    """The share button's question and its language."""
    try:
        found = json.loads(value or "{}")
    except json.JSONDecodeError:
        found = {}
    if not isinstance(found, dict):
        found = {}
    return str(found.get("q") or ""), _language(found.get("l")) or "nl"


def question_in(body: Payload) -> str:
    """Whatever the user typed in this payload, to pick the apology's language."""
    if "command" in body:
        return str(body.get("text") or "")
    event = body.get("event") or {}
    if event:
        return str(event.get("text") or "")
    for action in body.get("actions") or []:
        return shared(str(action.get("value") or ""))[0] if isinstance(action, Mapping) else ""
    return ""
