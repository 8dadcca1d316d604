"""The Microsoft Teams adapter: personal chat and channel @mentions, on the Microsoft 365 Agents
SDK for Python (the Bot Framework SDK is archived).

The only module that imports the Agents SDK (`microsoft_agents.*`). Thin like the Slack adapter:
activity -> question -> `AskHandler` -> `Reply` -> Adaptive Card. The card is built by a pure
function (`render_card`), so it is testable without the SDK.

Authentication: every POST to /api/messages carries a JWT from the Bot Connector, validated by
the SDK, unless `CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED=true` is set for
local testing. In anonymous mode outgoing calls carry no token (the SDK's anonymous token
provider), so a local fake connector needs no Entra ID at all.

Proactive messages (reminders, notifications) need a conversation reference: every incoming
activity upserts one in the store, and `TeamsNotifier` sends a `Reply` to it later; a send the
connector refuses with 403/404 (the app was removed) drops the reference and records why.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import re
import uuid
import warnings
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, cast

from aiohttp import ClientError, ClientResponseError, web
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    load_configuration_from_env,
)
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import (
    CloudAdapter,
    jwt_authorization_decorator,
    start_agent_process,
)
from microsoft_agents.hosting.core import (
    AgentApplication,
    ApplicationOptions,
    ClaimsIdentity,
    MemoryStorage,
    TurnContext,
    TurnState,
)
from microsoft_agents.hosting.core.security import OutboundHostValidator

from bot.dates import today_in_amsterdam
from bot.directory import HELP_WORDS
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler
from bot.handlers.reminders import DeliveryFailed, DmReason
from bot.health import health_report
from bot.i18n import language_of, say
from bot.platforms.edge import MAX_REQUEST_BYTES, WebHandler, guard_teams
from bot.platforms.teams_candidacy import OPEN_ACTION, VERB_PREFIX, TeamsCandidacy, language_in
from bot.platforms.teams_cards import (
    ASK_ACTION,
    CARD_CONTENT_TYPE,
    Card,
    Element,
    render_card,
    summary_of,
)
from bot.reply import Language, Reply
from bot.runtime import Runtime
from bot.settings import (
    TEAMS_ANONYMOUS_ALLOWED,
    TEAMS_CLIENT_ID,
    TEAMS_CLIENT_SECRET,
    TEAMS_TENANT_ID,
    Settings,
)
from bot.sheets import SnapshotSource
from bot.store import Store
from bot.store.subscriptions import Subscriptions
from bot.store.teams import TeamsConversation, TeamsConversations
from bot.text import fold, words

log = logging.getLogger(__name__)

# The SDK's JWT middleware keeps the caller's claims under a plain string request key, which
# aiohttp warns about on every request; the SDK's to change, and not worth a warning per request.
warnings.filterwarnings(
    "ignore", category=web.NotAppKeyWarning, module=r"microsoft_agents\.hosting\.aiohttp"
)


class _WithoutActivityDumps(logging.Filter):
    """The SDK logs every invalid Activity with its input values and a traceback: from a
    request, that is a stranger's body (the edge answers 400 in one line instead); from our own
    code, the error still reaches the app's error handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Validation error for Activity")


logging.getLogger("microsoft_agents.activity.activity").addFilter(_WithoutActivityDumps())

PLATFORM = "teams"
MESSAGES_PATH = "/api/messages"
HEALTH_PATH = "/healthz"
DEFAULT_PORT = 3978
CHANNEL = "msteams"
# What the connector answers when the app was uninstalled or the bot removed from the team.
APP_REMOVED_STATUSES = frozenset({403, 404})

_TEXTS: dict[str, tuple[str, str]] = {
    # (Dutch, English)
    "apology": (
        "Sorry, daar ging iets mis aan mijn kant (referentie {ref}). Probeer het nog eens.",
        "Sorry, something went wrong on my side (reference {ref}). Please try again.",
    ),
    "usage": (
        "In Teams: stel je vraag in een persoonlijke chat met mij, of noem @g40bot in een "
        "kanaal (ik antwoord in de thread).",
        "In Teams: ask me in a personal chat, or mention @g40bot in a channel (I answer in "
        "the thread).",
    ),
}
_OTHER_MENTION = re.compile(r"</?at>")


def text_for(language: Language, key: str, **values: object) -> str:
    dutch, english = _TEXTS[key]
    return (dutch if language == "nl" else english).format(**values)


# --- language and questions -------------------------------------------------------------------


def locale_language(locale: str | None) -> Language | None:
    """nl-NL -> nl, en-US -> en; anything else gives no clue."""
    prefix = (locale or "").casefold()[:2]
    return "nl" if prefix == "nl" else "en" if prefix == "en" else None


def choose_language(question: str, locale: str | None) -> Language:
    """The question's language; the activity's locale only breaks a tie."""
    return language_of(words(question)) or locale_language(locale) or "nl"


def is_help(question: str) -> bool:
    return fold(question.strip(" ?!.")) in HELP_WORDS


def submitted_question(activity: Activity) -> str | None:
    """The follow-up question of a card button (Action.Submit: a message with `value`)."""
    value = activity.value
    if isinstance(value, Mapping) and value.get("action") == ASK_ACTION:
        return str(value.get("question") or "")
    return None


def question_of(activity: Activity) -> str:
    """The user's words: the button's question, or the message text. The SDK already removed
    the bot's own @mention; other people's mentions keep their name without the <at> tags."""
    submitted = submitted_question(activity)
    if submitted is not None:
        return submitted
    return html.unescape(_OTHER_MENTION.sub("", activity.text or "")).strip()


def card_activity(card: Card, *, language: Language, summary: str) -> Activity:
    return Activity(
        type=ActivityTypes.message,
        summary=summary,
        locale="en-US" if language == "en" else "nl-NL",
        attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=card)],
    )


def reply_activity(reply: Reply, actions: tuple[Element, ...] = ()) -> Activity:
    card = render_card(reply, actions=actions)
    return card_activity(card, language=reply.language, summary=summary_of(reply))


# --- chat commands ----------------------------------------------------------------------------

# What a personal-chat message may start with, and the language the words are in; everything
# else is a question. (The Slack equivalents are `/g40 <word>`.)
COMMANDS: dict[str, tuple[str, Language]] = {
    "kandidaat": ("candidacy", "nl"),
    "kandidaat stellen": ("candidacy", "nl"),
    "candidacy": ("candidacy", "en"),
    "stand as candidate": ("candidacy", "en"),
    "mijn kandidaturen": ("mine", "nl"),
    "mijn kandidatuur": ("mine", "nl"),
    "my candidacies": ("mine", "en"),
    "my candidacy": ("mine", "en"),
    "intrekken": ("withdraw", "nl"),
    "trek in": ("withdraw", "nl"),
    "withdraw": ("withdraw", "en"),
    "kandidaten": ("overview", "nl"),
    "candidates": ("overview", "en"),
    "herinneringen": ("reminders", "nl"),
    "herinnering": ("reminders", "nl"),
    "reminders": ("reminders", "en"),
    "reminder": ("reminders", "en"),
}
_REMINDER_WORDS = {"aan": True, "on": True, "uit": False, "off": False}


@dataclass(frozen=True)
class Command:
    name: str
    rest: str
    language: Language
    said: str


def command_of(question: str) -> Command | None:
    """The command the text starts with (longest phrase first), and what follows it."""
    tokens = question.strip(" ?!.").split()
    for length in range(min(3, len(tokens)), 0, -1):
        said = " ".join(fold(token) for token in tokens[:length])
        found = COMMANDS.get(said)
        if found is not None:
            name, language = found
            return Command(name, " ".join(tokens[length:]), language, said)
    return None


def user_key(activity: Activity) -> str:
    """Who a person is to the store (candidacies, subscriptions): their Entra object id,
    which stays the same across chats and tenants' Teams ids, else the Teams user id."""
    user = activity.from_property
    if user is None:
        return ""
    return user.aad_object_id or user.id or ""


# --- conversation references ------------------------------------------------------------------


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


def continuation_of(conversation: TeamsConversation) -> Activity:
    """The SDK's continue-conversation event for a stored reference. It carries no activity
    id, so the send is a new message (a new post in a channel), not a reply to some thread."""
    user = (
        ChannelAccount(
            id=conversation.user_id, aad_object_id=conversation.user_aad_object_id or None
        )
        if conversation.user_id
        else None
    )
    reference = ConversationReference(
        channel_id=CHANNEL,
        service_url=conversation.service_url,
        locale=conversation.locale or None,
        conversation=ConversationAccount(
            id=conversation.conversation_id,
            conversation_type=conversation.conversation_type,
            tenant_id=conversation.tenant_id or None,
            is_group=conversation.conversation_type != "personal",
        ),
        agent=ChannelAccount(id=conversation.bot_id or "bot"),
        user=user,
    )
    continuation = reference.get_continuation_activity()
    continuation.id = None
    return continuation


def _removes_bot(activity: Activity) -> bool:
    """The app was uninstalled, or the bot removed from the team or chat."""
    if activity.type == ActivityTypes.installation_update:
        return str(activity.action or "").startswith("remove")
    bot_id = activity.recipient.id if activity.recipient else None
    return activity.type == ActivityTypes.conversation_update and any(
        member.id == bot_id for member in activity.members_removed or []
    )


def _adds_bot(activity: Activity) -> bool:
    bot_id = activity.recipient.id if activity.recipient else None
    return activity.type == ActivityTypes.conversation_update and any(
        member.id == bot_id for member in activity.members_added or []
    )


class ConversationMemory:
    """Upserts each conversation's reference, but skips the write when this process already
    stored exactly this reference (the common case: the same chat asking again)."""

    def __init__(self, conversations: TeamsConversations) -> None:
        self.conversations = conversations
        self._stored: dict[str, TeamsConversation] = {}

    def remember(self, conversation: TeamsConversation) -> None:
        previous = self._stored.get(conversation.conversation_id)
        if previous is not None and not conversation.user_id and previous.user_id:
            # An install event without the user must not erase the user a message gave us.
            conversation = replace(
                conversation,
                user_id=previous.user_id,
                user_aad_object_id=previous.user_aad_object_id,
            )
        if previous == conversation:
            return
        self.conversations.save(conversation)
        self._stored[conversation.conversation_id] = conversation

    def forget(self, conversation_id: str, *, status: int) -> None:
        self._stored.pop(conversation_id, None)
        self.conversations.drop(conversation_id, status=status)


# --- the app ----------------------------------------------------------------------------------


@dataclass
class TeamsBot:
    """What the routes share."""

    ask: AskHandler
    memory: ConversationMemory
    subscriptions: Subscriptions
    today: Callable[[], date] = today_in_amsterdam
    candidacy: TeamsCandidacy | None = None
    # Sends the staff notices (a new or withdrawn candidacy) to G40_TEAMS_STAFF_CONVERSATION.
    notifier: TeamsNotifier | None = None
    staff_conversation: str | None = None
    # How long a submit waits for its sheet row before the receipt says "on its way".
    receipt_wait_seconds: float = 4.0
    _background: set[asyncio.Task[None]] = field(default_factory=set)

    def answer(self, question: str, locale: str | None) -> Reply:
        language = choose_language(question, locale)
        reply = self.ask.ask(question, today=self.today(), language=language)
        if is_help(question):
            reply = replace(reply, lines=(*reply.lines, text_for(language, "usage")))
        return reply

    def help_actions(self, question: str, language: Language) -> tuple[Element, ...]:
        """The help and welcome cards offer the candidacy form."""
        if self.candidacy is None or not is_help(question):
            return ()
        return (self.candidacy.open_button(language),)

    async def remember_conversation(self, context: TurnContext, _state: TurnState) -> bool:
        activity = context.activity
        conversation = conversation_of(activity)
        if conversation is None or activity.type == ActivityTypes.event:
            return True
        if _removes_bot(activity):
            # 410: nothing refused a send; the app told us itself that it was removed.
            self.memory.forget(conversation.conversation_id, status=410)
        else:
            self.memory.remember(conversation)
        return True

    async def on_question(self, context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        question = question_of(activity)
        command = command_of(question) if submitted_question(activity) is None else None
        if command is not None and (command.name == "reminders" or self.candidacy is not None):
            await self.on_command(context, command)
            return
        reply = self.answer(question, activity.locale)
        actions = self.help_actions(question, reply.language)
        await context.send_activity(reply_activity(reply, actions))

    async def on_command(self, context: TurnContext, command: Command) -> None:
        """Candidacies and reminder settings are personal: only in a personal chat."""
        activity = context.activity
        lang = command.language
        if (activity.conversation.conversation_type or "personal") != "personal":
            line = say(lang, "teams_personal_only", command=command.said)
            await context.send_activity(reply_activity(Reply("", (line,), language=lang)))
            return
        user = user_key(activity)
        if command.name == "reminders":
            await context.send_activity(reply_activity(self.reminder_switch(user, command)))
            return
        candidacy = self.candidacy
        assert candidacy is not None  # on_question routes candidacy commands only then
        if command.name == "candidacy":
            name = activity.from_property.name if activity.from_property else None
            card = candidacy.open_form(lang, name=name or "")
        elif command.name == "mine":
            card = candidacy.mine_card(user, lang)
        elif command.name == "withdraw":
            card = candidacy.withdraw_card(user, lang)
        else:
            card = candidacy.overview_card(command.rest, lang, staff=self.is_staff(activity))
        summary = say(lang, "cand_modal_title")
        await context.send_activity(card_activity(card, language=lang, summary=summary))

    def is_staff(self, activity: Activity) -> bool:
        """Listed in the Beheerders tab's teams_id column by Entra object id or Teams id."""
        user = activity.from_property
        if self.candidacy is None or user is None:
            return False
        handler = self.candidacy.handler
        return any(handler.is_staff(teams_id=key) for key in (user.aad_object_id, user.id) if key)

    def reminder_switch(self, user: str, command: Command) -> Reply:
        """`herinneringen aan|uit` (`reminders on|off`); without a word: the current state."""
        lang, word = command.language, fold(command.rest)
        if word and word not in _REMINDER_WORDS:
            line = say(lang, "teams_reminders_usage", rest=command.rest[:40])
            return Reply("", (line,), language=lang)
        if word:
            on = _REMINDER_WORDS[word]
            self.subscriptions.set(PLATFORM, user, language=lang, subscribed=on)
        else:
            current = self.subscriptions.get(PLATFORM, user)
            on = bool(current and current.subscribed)
        line = say(lang, "teams_reminders_on" if on else "teams_reminders_off")
        return Reply("", (line,), language=lang)

    async def on_open_form(self, context: TurnContext, _state: TurnState) -> None:
        """The help card's candidacy button (Action.Submit)."""
        activity = context.activity
        value = activity.value if isinstance(activity.value, Mapping) else {}
        lang = language_in(value, locale_language(activity.locale) or "nl")
        said = "kandidaat" if lang == "nl" else "candidacy"
        await self.on_command(context, Command("candidacy", "", lang, said))

    async def on_card_action(
        self, context: TurnContext, _state: TurnState, data: object
    ) -> AdaptiveCardInvokeResponse:
        """An Action.Execute on a candidacy card: the answer is the card that replaces it."""
        activity = context.activity
        value = activity.value if isinstance(activity.value, Mapping) else {}
        action = value.get("action")
        verb = str(action.get("verb") or "") if isinstance(action, Mapping) else ""
        fields = data if isinstance(data, Mapping) else {}
        candidacy = self.candidacy
        if candidacy is None:
            return _message_response("")
        executed = candidacy.execute(verb, fields, user_key(activity))
        handler = candidacy.handler
        if executed.submission is not None:
            submission = executed.submission
            landed = await self._deliver_briefly(submission.submission_id)
            card = candidacy.receipt_card(submission, landed=landed, replaced=executed.replaced)
            if not executed.repeated:
                notice = handler.staff_notice(submission, executed.replaced)
                self.in_background(self.notify_staff(notice))
            return _card_response(card)
        withdrawn = executed.withdrawn
        if withdrawn is not None:
            notice = handler.withdrawal_notice(withdrawn)
            self.in_background(self._after_withdrawal(withdrawn.submission_id, notice))
        if executed.card is None:
            return _message_response("")
        return _card_response(executed.card)

    async def _deliver_briefly(self, submission_id: str) -> bool:
        """Write the row now, so the receipt can say it is in the sheet; a slow sheet does not
        hold the card up (Teams waits only seconds): the write goes on, the receipt says so."""
        assert self.candidacy is not None
        writing = asyncio.ensure_future(
            asyncio.to_thread(self.candidacy.handler.deliver, submission_id)
        )
        try:
            return await asyncio.wait_for(asyncio.shield(writing), self.receipt_wait_seconds)
        except TimeoutError:
            writing.add_done_callback(_log_failure("the sheet write of " + submission_id))
            return False

    async def _after_withdrawal(self, submission_id: str, notice: str) -> None:
        assert self.candidacy is not None
        await asyncio.to_thread(self.candidacy.handler.deliver, submission_id)
        await self.notify_staff(notice)

    async def notify_staff(self, text: str) -> None:
        """Posts to G40_TEAMS_STAFF_CONVERSATION, when set (a stored conversation id)."""
        if not self.staff_conversation or self.notifier is None:
            log.info(
                "Teams: no G40_TEAMS_STAFF_CONVERSATION set; staff notice not posted: %s", text
            )
            return
        conversation = self.memory.conversations.get(self.staff_conversation)
        try:
            await self.notifier.deliver(
                conversation, Reply("", (text,)), address=self.staff_conversation
            )
        except DeliveryFailed as failure:
            log.error("Teams: the staff notice was not posted (%s): %s", failure.reason, text)

    async def finish_background(self, timeout: float) -> None:
        """Let the work started after a response end (a stopping server waits this long)."""
        if self._background:
            await asyncio.wait(set(self._background), timeout=timeout)

    def in_background(self, work: Awaitable[None]) -> None:
        """After the response: kept referenced until done; a failure goes to the log."""
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        task.add_done_callback(_log_failure("background work"))

    async def on_conversation_update(self, context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        personal = (activity.conversation.conversation_type or "personal") == "personal"
        if _adds_bot(activity) and personal:
            # Installed for a user: say what the bot can do, once, in their Teams language.
            language = locale_language(activity.locale) or "nl"
            question = "help" if language == "en" else "hulp"
            reply = self.answer(question, activity.locale)
            await context.send_activity(
                reply_activity(reply, self.help_actions(question, language))
            )

    async def on_installation_update(self, context: TurnContext, _state: TurnState) -> None:
        """The reference is stored (or dropped) before the turn; nothing else to do."""

    async def on_error(self, context: TurnContext, error: Exception) -> None:
        """The one error handler of the Teams app (routes and adapter alike): the traceback goes
        to the log with a reference id, the user gets a short apology in their language."""
        reference = uuid.uuid4().hex[:8]
        log.error("Teams: handling failed (reference %s)", reference, exc_info=error)
        activity = context.activity
        if activity is None or activity.type not in {ActivityTypes.message, ActivityTypes.invoke}:
            return
        language = choose_language(question_of(activity), activity.locale)
        try:
            await context.send_activity(text_for(language, "apology", ref=reference))
        except (ClientError, OSError) as delivery_error:
            log.error(
                "Teams: the apology (reference %s) could not be sent: %s",
                reference,
                delivery_error,
            )


def _log_failure(what: str) -> Callable[[asyncio.Future[Any]], None]:
    def check(task: asyncio.Future[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("Teams: %s failed", what, exc_info=task.exception())

    return check


def _card_response(card: Card) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(status_code=200, type=CARD_CONTENT_TYPE, value=card)


def _message_response(text: str) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(
        status_code=200, type="application/vnd.microsoft.activity.message", value=text
    )


def _is_question_button(context: TurnContext) -> bool:
    activity = context.activity
    return activity.type == ActivityTypes.message and submitted_question(activity) is not None


def _is_candidacy_button(context: TurnContext) -> bool:
    activity = context.activity
    value = activity.value
    return (
        activity.type == ActivityTypes.message
        and isinstance(value, Mapping)
        and value.get("action") == OPEN_ACTION
    )


def register_routes(agent: AgentApplication[TurnState], bot: TeamsBot) -> None:
    """Specific routes first: a card button arrives as a message without text, which the
    catch-all message route (registered last, ranked last) would otherwise take."""
    agent.before_turn(bot.remember_conversation)
    agent.add_route(_is_question_button, bot.on_question)
    agent.add_route(_is_candidacy_button, bot.on_open_form)
    agent.adaptive_card.action_execute(re.compile("^" + re.escape(VERB_PREFIX)))(bot.on_card_action)
    agent.activity(ActivityTypes.conversation_update)(bot.on_conversation_update)
    agent.activity(ActivityTypes.installation_update)(bot.on_installation_update)
    agent.message()(bot.on_question)
    agent.error(bot.on_error)


# --- configuration ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamsConfiguration:
    """The Agents SDK's configuration (CONNECTIONS__…), with our settings laid over it."""

    sdk: dict[str, Any]
    anonymous: bool
    client_id: str


def teams_configuration(
    settings: Settings, environ: Mapping[str, str] | None = None
) -> TeamsConfiguration:
    """Reads the SDK's own variables (AUTHTYPE, AUTHORITY, CONNECTIONSMAP, …) from the
    environment and the four we document from Settings (so .env works too). With
    authentication on, a missing client id, secret or tenant raises MissingSetting."""
    sdk = load_configuration_from_env(os.environ if environ is None else environ)
    connections = sdk.setdefault("CONNECTIONS", {})
    connection = connections.setdefault("SERVICE_CONNECTION", {}).setdefault("SETTINGS", {})
    anonymous = settings.teams_anonymous_allowed
    connection["ANONYMOUS_ALLOWED"] = anonymous
    if not anonymous:
        settings.secret(TEAMS_CLIENT_ID)
        auth_type = str(connection.get("AUTHTYPE") or "ClientSecret")
        if auth_type.casefold() == "clientsecret":
            settings.secret(TEAMS_CLIENT_SECRET)
        settings.secret(TEAMS_TENANT_ID)
    values = {
        "CLIENTID": settings.teams_client_id,
        "TENANTID": settings.teams_tenant_id,
        "CLIENTSECRET": (
            settings.teams_client_secret.get_secret_value()
            if settings.teams_client_secret
            else None
        ),
    }
    connection.update({key: value.strip() for key, value in values.items() if value})
    return TeamsConfiguration(
        sdk=sdk, anonymous=anonymous, client_id=str(connection.get("CLIENTID") or "")
    )


# --- proactive messages -----------------------------------------------------------------------


@dataclass
class TeamsNotifier:
    """Sends a `Reply` to a stored conversation reference, outside any incoming turn: the
    reminders' `Notifier` for Teams (bot/handlers/reminders.py). A channel is addressed by its
    conversation id (19:…@thread.tacv2), a user by Teams user id (29:…) or Entra object id.

    Failures raise DeliveryFailed: permanent when no reference is stored, or when the connector
    refuses with 403/404 (the app was removed) — that reference is then dropped and the
    refusal recorded in the store; with `retry_after` on a 429; retryable otherwise.

    `post_to_channel` / `send_direct` are synchronous, for the clock process (no event loop);
    inside the web app's loop, await `deliver`."""

    adapter: CloudAdapter
    memory: ConversationMemory
    configuration: TeamsConfiguration
    platform: str = PLATFORM

    def post_to_channel(self, channel: str, reply: Reply) -> None:
        conversation = self.memory.conversations.get(channel.split(";messageid=")[0])
        asyncio.run(self.deliver(conversation, reply, address=channel))

    def send_direct(self, user_id: str, reply: Reply, *, reason: DmReason = "subscribed") -> None:
        """A reminder DM, saying why they get it and how to stop it."""
        conversation = self.memory.conversations.personal(user_id)
        off = say(reply.language, "type_command", command=say(reply.language, "cmd_reminders_off"))
        why = say(reply.language, f"reminders_why_dm_{reason}", off=off)
        reply = replace(reply, lines=(*reply.lines, why))
        asyncio.run(self.deliver(conversation, reply, address=user_id))

    async def deliver(
        self, conversation: TeamsConversation | None, reply: Reply, *, address: str
    ) -> None:
        if conversation is None:
            raise DeliveryFailed(
                f"no Teams conversation with {address}: the app was never installed or used "
                "there, or it was removed",
                permanent=True,
            )
        failure: Exception | None = None

        async def send(context: TurnContext) -> None:
            nonlocal failure
            # The adapter would hand a failure to the turn error handler (which apologises to
            # users); a proactive send reports it to its caller instead.
            try:
                await context.send_activity(reply_activity(reply))
            except (ClientError, OSError) as error:
                failure = error

        claims = self._claims()
        await self.adapter.continue_conversation_with_claims(
            claims, continuation_of(conversation), send, claims.get_token_audience()
        )
        if failure is None:
            return
        status = failure.status if isinstance(failure, ClientResponseError) else None
        if status in APP_REMOVED_STATUSES:
            log.warning(
                "Teams: %s refused a message to %s (app removed); reference dropped",
                status,
                conversation.conversation_id,
            )
            self.memory.forget(conversation.conversation_id, status=status)
            raise DeliveryFailed(
                f"Teams answered {status} for {address}: the app was removed; reference dropped",
                permanent=True,
            ) from failure
        raise DeliveryFailed(
            f"Teams did not deliver to {address}: {failure}", retry_after=_retry_after(failure)
        ) from failure

    def _claims(self) -> ClaimsIdentity:
        if self.configuration.anonymous:
            # No claims at all is the SDK's anonymous identity: outgoing calls carry no token.
            return ClaimsIdentity()
        return self.adapter.create_claims_identity(self.configuration.client_id)


def _retry_after(failure: Exception) -> float | None:
    """The seconds a 429 asks to wait (Retry-After), if it says."""
    if not isinstance(failure, ClientResponseError) or failure.status != 429:
        return None
    value = failure.headers.get("Retry-After") if failure.headers else None
    try:
        return float(value) if value else None
    except ValueError:
        return None


# --- running it -------------------------------------------------------------------------------


def create_adapter(configuration: TeamsConfiguration) -> tuple[CloudAdapter, MsalConnectionManager]:
    """The SDK adapter and its connections (MSAL tokens for outgoing calls). With
    authentication on, incoming serviceUrls must be Microsoft's (the token names the host)."""
    connections = MsalConnectionManager(**configuration.sdk)
    adapter = CloudAdapter(
        connection_manager=connections,
        host_validator=OutboundHostValidator(enabled=not configuration.anonymous),
    )
    return adapter, connections


# A stopping server lets staff notices and sheet writes started after a response finish.
BACKGROUND_SHUTDOWN_SECONDS = 10.0


def activity_problem(document: dict[str, Any]) -> str | None:
    """Why a request body is not an activity the SDK can take in; None when it is."""
    try:
        activity = Activity.model_validate(document)
    except Exception as error:  # pydantic's ValidationError, or one of the SDK's own checks
        return f"the body is not a Bot Framework activity ({type(error).__name__})"
    if not activity.type or not activity.conversation or not activity.conversation.id:
        return "the activity has no type or conversation id"
    return None


@dataclass
class TeamsService:
    """The running parts of a Teams process, built from settings."""

    web_app: web.Application
    agent: AgentApplication[TurnState]
    adapter: CloudAdapter
    bot: TeamsBot
    notifier: TeamsNotifier
    store: Store
    source: SnapshotSource | None = None
    # The process's runtime, when the service was built from settings: it owns every thread.
    runtime: Runtime | None = None

    def close(self) -> None:
        """Stops every thread the service started, then closes the sheet source and store."""
        if self.runtime is not None:
            self.runtime.close()


def create_teams_service(
    configuration: TeamsConfiguration,
    ask_handler: AskHandler,
    store: Store,
    *,
    today: Callable[[], date] = today_in_amsterdam,
    candidacy: CandidacyHandler | None = None,
    staff_conversation: str | None = None,
    source: SnapshotSource | None = None,
) -> TeamsService:
    """The agent with its routes and one error handler, behind an aiohttp app that serves
    POST /api/messages (behind the edge, JWT-checked by the SDK) and GET /healthz. With a
    `candidacy` handler the chat offers the candidacy card; `staff_conversation` (a stored
    conversation id) receives a notice of each new or withdrawn candidacy."""
    adapter, connections = create_adapter(configuration)
    options = ApplicationOptions(
        storage=MemoryStorage(),
        bot_app_id=configuration.client_id,
        # Answers take under a millisecond: a typing indicator would only cost a request.
        start_typing_timer=False,
        remove_recipient_mention=True,
    )
    agent = AgentApplication[TurnState](
        options, connection_manager=connections, **configuration.sdk
    )
    memory = ConversationMemory(store.teams)
    notifier = TeamsNotifier(adapter, memory, configuration)
    bot = TeamsBot(
        ask=ask_handler,
        memory=memory,
        subscriptions=store.subscriptions,
        today=today,
        candidacy=TeamsCandidacy(candidacy) if candidacy is not None else None,
        notifier=notifier,
        staff_conversation=(staff_conversation or "").strip() or None,
    )
    register_routes(agent, bot)
    adapter.on_turn_error = bot.on_error

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await start_agent_process(request, agent, adapter)
        return response if response is not None else web.Response(status=202)

    async def health(_request: web.Request) -> web.StreamResponse:
        # The store check is a blocking database call: off the event loop.
        status, report = await asyncio.to_thread(health_report, service.source, store)
        return web.json_response(report, status=status, headers={"Cache-Control": "no-store"})

    # aiohttp stops reading a body (chunked or compressed too) past this size.
    web_app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    with warnings.catch_warnings():
        # The SDK's JWT middleware looks its configuration up by this plain string key.
        warnings.simplefilter("ignore", web.NotAppKeyWarning)
        web_app["agent_configuration"] = connections.get_default_connection_configuration()
    # The SDK's decorator is untyped; it takes and returns an aiohttp handler.
    authenticate = cast(Callable[[WebHandler], WebHandler], jwt_authorization_decorator)
    guarded = guard_teams(
        messages, authenticate, activity_problem, anonymous=configuration.anonymous
    )
    web_app.router.add_post(MESSAGES_PATH, guarded)
    web_app.router.add_get(HEALTH_PATH, health)

    async def finish_background(_app: web.Application) -> None:
        await bot.finish_background(timeout=BACKGROUND_SHUTDOWN_SECONDS)

    web_app.on_shutdown.append(finish_background)
    service = TeamsService(web_app, agent, adapter, bot, notifier, store, source)
    return service


def build_teams_service(settings: Settings) -> TeamsService:
    """Checks the credentials first (MissingSetting names the variable), then builds it all
    on one runtime."""
    configuration = teams_configuration(settings)
    runtime = Runtime(settings, serving=True, answer_while_reading=True)
    try:
        service = create_teams_service(
            configuration,
            runtime.ask,
            runtime.store,
            candidacy=runtime.candidacy,
            staff_conversation=settings.teams_staff_conversation,
            source=runtime.source,
        )
        service.runtime = runtime
        # From the refresh thread (no event loop there): the notifier's synchronous send.
        runtime.add_staff_channel(service.notifier, settings.teams_staff_conversation)
        runtime.start_drainer()
    except BaseException:
        runtime.close()
        raise
    return service


def teams_configured(settings: Settings) -> bool:
    """Whether this deployment uses Teams: credentials (even incomplete: then starting names
    what is missing) or anonymous mode."""
    return settings.teams_anonymous_allowed or any(
        (value or "").strip()
        for value in (
            settings.teams_client_id,
            settings.teams_tenant_id,
            settings.teams_client_secret.get_secret_value()
            if settings.teams_client_secret
            else None,
        )
    )


def build_teams_notifier(settings: Settings, conversations: TeamsConversations) -> TeamsNotifier:
    """The notifier alone, for a process that sends but does not serve (the clock)."""
    configuration = teams_configuration(settings)
    adapter, _connections = create_adapter(configuration)
    return TeamsNotifier(adapter, ConversationMemory(conversations), configuration)


def port_of(settings: Settings) -> int:
    """$PORT when set (Heroku, Azure), else the Bot Framework's customary 3978."""
    return settings.port if "port" in settings.model_fields_set else DEFAULT_PORT


def serve(settings: Settings, *, announce: Callable[[str], None]) -> None:
    """`g40bot serve teams`: blocks until stopped."""
    service = build_teams_service(settings)
    port = port_of(settings)
    if service.notifier.configuration.anonymous:
        announce(
            f"g40bot Teams: LET OP, anonieme modus ({TEAMS_ANONYMOUS_ALLOWED}=true): "
            "alleen voor lokaal testen, nooit in productie."
        )
    announce(f"g40bot Teams: luistert op http://0.0.0.0:{port}{MESSAGES_PATH}")
    try:
        web.run_app(service.web_app, host="0.0.0.0", port=port, print=None)
    finally:
        service.close()
