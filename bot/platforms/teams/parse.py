"""What an incoming Teams activity says, for the conversation (pure: no I/O).

An activity becomes the words typed (`question_of`), who typed them (`person_of`), where
(`is_personal`, `thread_of`, `conversation_of` for proactive messages later); a card click
becomes the button pressed (`action_of`) or what was entered in a form (`entered_of`), read
back by the names cards.py gave them.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Mapping
from typing import Any, cast

from microsoft_agents.activity import Activity, ActivityTypes, ChannelAccount

from bot.conversation import locale_language
from bot.forms import REPLACE_FIELD, Entered
from bot.handlers.chat import Person
from bot.platforms.teams.cards import (
    ASK_ACTION,
    FORM_KEY,
    LANGUAGE_KEY,
    ON,
    PICKED_FROM_KEY,
    PLATFORM,
    QUESTION_KEY,
    VALUE_KEY,
    VERBS,
)
from bot.reply import Action, Language
from bot.store.teams import TeamsConversation

# A form id (a uuid's hex) and a button's value (a submission id, "on"/"off") are short.
MAX_FORM_ID = 64
MAX_VALUE = 200
# What a button's data carries that is not an input of the card.
_NOT_INPUTS = frozenset({FORM_KEY, LANGUAGE_KEY, VALUE_KEY, REPLACE_FIELD})
_KINDS = {verb: kind for kind, verb in VERBS.items()}
_OTHER_MENTION = re.compile(r"</?at>")


# --- words, people, places -----------------------------------------------------------------------


def question_of(activity: Activity) -> str:
    """The words typed. The SDK already removed the bot's own @mention; other people's
    mentions keep their name without the <at> tags."""
    return html.unescape(_OTHER_MENTION.sub("", activity.text or "")).strip()


def asked(data: object) -> Action | None:
    """The "ask" button pressed (an Action.Submit): its question, and the unclear question
    when it is a reading offered for one; None for other data."""
    if isinstance(data, Mapping) and data.get("action") == ASK_ACTION:
        # Data is whatever the client sent: what is not text is no question.
        question, picked_from = data.get(QUESTION_KEY), data.get(PICKED_FROM_KEY)
        return Action(
            "",
            "ask",
            question if isinstance(question, str) else "",
            picked_from=picked_from if isinstance(picked_from, str) else "",
        )
    return None


def person_of(activity: Activity) -> Person:
    """Who it is: known to the store by their Entra object id, which stays the same across
    chats, else by their Teams id; the Beheerders tab may list either."""
    user = activity.from_property
    aad = (user.aad_object_id or "") if user else ""
    teams_id = (user.id or "") if user else ""
    return Person(
        platform=PLATFORM,
        user_id=aad or teams_id,
        name=(user.name or "") if user else "",
        locale=activity.locale,
        ids=tuple(key for key in (aad, teams_id) if key),
    )


def is_personal(activity: Activity) -> bool:
    """A personal chat with the bot, where only this person reads the answer."""
    conversation = activity.conversation
    return (conversation.conversation_type if conversation else None) in (None, "personal")


def thread_of(activity: Activity) -> str:
    """Where follow-up questions belong together: the personal chat, or the channel thread
    (its conversation id names the thread's first message)."""
    conversation_id = activity.conversation.id if activity.conversation else ""
    conversation_type = activity.conversation.conversation_type if activity.conversation else ""
    if conversation_type == "channel" and ";messageid=" not in conversation_id:
        return f"{conversation_id};messageid={activity.id or ''}"
    return conversation_id or ""


def language_in(data: Mapping[str, Any], activity: Activity) -> Language:
    """The language a card was drawn in (it says so in its data), else the person's locale."""
    value = data.get(LANGUAGE_KEY)
    if value in ("nl", "en"):
        return cast(Language, value)
    return locale_language(activity.locale) or "nl"


# --- card clicks ---------------------------------------------------------------------------------


def action_of(verb: str, data: Mapping[str, Any]) -> Action | None:
    """The button an Action.Execute came from, or None for a verb no card of ours has."""
    kind = _KINDS.get(verb)
    if kind is None:
        return None
    return Action("", kind, str(data.get(VALUE_KEY) or "")[:MAX_VALUE])


def entered_of(data: Mapping[str, Any]) -> Entered:
    """What a form's submit (or refresh) sent: every input by its id, which is the field's
    name; the replace toggle only when the card showed it."""
    values = {
        key: value
        for key, value in data.items()
        if isinstance(value, str) and key not in _NOT_INPUTS
    }
    replace = data.get(REPLACE_FIELD) == ON if REPLACE_FIELD in data else None
    return Entered(values, replace)


def form_id_of(data: Mapping[str, Any]) -> str:
    """The id the form card was drawn with, so a repeated submit is known; a new one if not."""
    given = data.get(FORM_KEY)
    return given[:MAX_FORM_ID] if isinstance(given, str) and given else new_form_id()


def new_form_id() -> str:
    return uuid.uuid4().hex


def verb_of(activity: Activity) -> str:
    value = activity.value
    action = value.get("action") if isinstance(value, Mapping) else None
    return str(action.get("verb") or "") if isinstance(action, Mapping) else ""


def email_of(member: ChannelAccount) -> str:
    """The e-mail address of a conversation member, as the connector reports it."""
    extra = member.model_extra or {}
    return str(extra.get("email") or "").strip()


# --- conversation references ---------------------------------------------------------------------


def _channel_data(activity: Activity) -> Mapping[str, Any]:
    data = activity.channel_data
    if isinstance(data, Mapping):
        return data
    if data is not None and hasattr(data, "model_dump"):
        return cast(Mapping[str, Any], data.model_dump(by_alias=True))
    return {}


def _id_in(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return str(value.get("id") or "") if isinstance(value, Mapping) else ""


def conversation_of(activity: Activity) -> TeamsConversation | None:
    """Where a proactive message to this activity's conversation would go."""
    conversation = activity.conversation
    if conversation is None or not conversation.id or not activity.service_url:
        return None
    data = _channel_data(activity)
    kind = conversation.conversation_type or ("channel" if _id_in(data, "channel") else "personal")
    # A channel message's conversation id names its thread; proactive posts go to the channel.
    conversation_id = conversation.id.split(";messageid=")[0]
    # Only a personal chat belongs to one user; a channel reference is the channel's.
    user = activity.from_property if kind == "personal" else None
    if user is not None and activity.recipient is not None and user.id == activity.recipient.id:
        user = None  # an install event "from" the bot itself names no user
    return TeamsConversation(
        conversation_id=conversation_id,
        conversation_type=kind,
        service_url=activity.service_url,
        tenant_id=conversation.tenant_id or _id_in(data, "tenant"),
        user_id=(user.id or "") if user else "",
        user_aad_object_id=(user.aad_object_id or "") if user else "",
        team_id=_id_in(data, "team"),
        channel_id=_id_in(data, "channel"),
        bot_id=(activity.recipient.id or "") if activity.recipient else "",
        locale=activity.locale or "",
    )


def removes_bot(activity: Activity) -> bool:
    """The app was uninstalled, or the bot removed from the team or chat."""
    if activity.type == ActivityTypes.installation_update:
        return str(activity.action or "").startswith("remove")
    bot_id = activity.recipient.id if activity.recipient else None
    return activity.type == ActivityTypes.conversation_update and any(
        member.id == bot_id for member in activity.members_removed or []
    )


def adds_bot(activity: Activity) -> bool:
    bot_id = activity.recipient.id if activity.recipient else None
    return activity.type == ActivityTypes.conversation_update and any(
        member.id == bot_id for member in activity.members_added or []
    )
