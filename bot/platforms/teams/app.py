"""The Teams app: personal chat and channel @mentions on the Microsoft 365 Agents SDK, served
by aiohttp at POST /api/messages (behind the edge), with GET /healthz.

Wiring only: an activity is parsed (parse.py) into a call on the conversation
(`runtime.chat`), and what comes back is drawn as a card (cards.py). A message is answered
with a new message; a card button (Action.Execute) with the card that replaces the one
clicked. Store and sheet calls run on the runtime's worker pool, never on the event loop, and
so does the work after an answer (a sheet write, a staff notice).

Authentication: every POST carries a JWT from the Bot Connector, validated by the SDK, unless
`CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED=true` is set for local testing.
In anonymous mode outgoing calls carry no token, so a local fake connector needs no Entra ID.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
import warnings
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar, cast

from aiohttp import ClientError, web
from microsoft_agents.activity import Activity, ActivityTypes, AdaptiveCardInvokeResponse
from microsoft_agents.hosting.aiohttp import (
    CloudAdapter,
    jwt_authorization_decorator,
    start_agent_process,
)
from microsoft_agents.hosting.core import (
    AgentApplication,
    ApplicationOptions,
    ConnectorClientBase,
    MemoryStorage,
    TurnContext,
    TurnState,
)

from bot.background import log_failure
from bot.conversation import locale_language, resolve_language
from bot.forms import FormView
from bot.handlers.chat import Chat, Person, Response
from bot.health import health_report
from bot.i18n import say
from bot.platforms.edge import (
    MAX_REQUEST_BYTES,
    OneLineForUnparsableRequests,
    WebHandler,
    guard_teams,
)
from bot.platforms.teams.cards import (
    ASK_ACTION,
    CARD_CONTENT_TYPE,
    REFRESH_VERB,
    SUBMIT_VERB,
    SURFACE,
    Card,
    form_card,
    reply_card,
    response_card,
)
from bot.platforms.teams.config import TeamsConfiguration, port_of, teams_configuration
from bot.platforms.teams.notifier import (
    ConversationMemory,
    TeamsNotifier,
    card_activity,
    create_adapter,
)
from bot.platforms.teams.parse import (
    action_of,
    adds_bot,
    asked,
    conversation_of,
    email_of,
    entered_of,
    form_id_of,
    is_personal,
    language_in,
    new_form_id,
    person_of,
    question_of,
    removes_bot,
    thread_of,
    verb_of,
)
from bot.reply import Action, Language
from bot.runtime import Runtime
from bot.settings import TEAMS_ANONYMOUS_ALLOWED, Settings

log = logging.getLogger(__name__)
_T = TypeVar("_T")

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
logging.getLogger("aiohttp.server").addFilter(OneLineForUnparsableRequests("Teams"))

MESSAGES_PATH = "/api/messages"
HEALTH_PATH = "/healthz"
# How long a submit waits for its sheet row before the receipt says "on its way": Teams shows
# a card's answer only if it comes within seconds.
RECEIPT_WAIT_SECONDS = 4.0
# How long a staff-only command waits for the connector to say who is asking.
EMAIL_LOOKUP_SECONDS = 5.0
# A stopping server lets the sheet writes and staff notices started after its answers finish.
BACKGROUND_SHUTDOWN_SECONDS = 10.0
_OUR_VERBS = re.compile(r"^g40\.")


@dataclass
class TeamsBot:
    """What the routes share: the runtime, and the conversation references of this process."""

    runtime: Runtime
    memory: ConversationMemory
    receipt_wait_seconds: float = RECEIPT_WAIT_SECONDS

    @property
    def chat(self) -> Chat:
        return self.runtime.chat

    async def blocking(self, work: Callable[[], _T]) -> _T:
        """A store or sheet call, on the runtime's pool: the event loop goes on serving."""
        return await asyncio.wrap_future(self.runtime.background.submit(work))

    def after(self, work: Callable[[], None], what: str) -> None:
        """Work after an answer, on the runtime's pool; its failure goes to the log."""
        self.runtime.background.run(work, log_failure(f"Teams: {what}"))

    # -- every turn ------------------------------------------------------------------------

    async def remember_conversation(self, context: TurnContext, _state: TurnState) -> bool:
        activity = context.activity
        conversation = conversation_of(activity)
        if conversation is None or activity.type == ActivityTypes.event:
            return True
        if removes_bot(activity):
            # 410: nothing refused a send; the app told us itself that it was removed.
            forget = partial(self.memory.forget, conversation.conversation_id, status=410)
            await self.blocking(forget)
        else:
            await self.blocking(partial(self.memory.remember, conversation))
        return True

    # -- messages ----------------------------------------------------------------------------

    async def on_message(self, context: TurnContext, _state: TurnState) -> None:
        """A personal-chat message or a channel @mention: a command or a question."""
        activity = context.activity
        text = question_of(activity)
        person = person_of(activity)
        if self.chat.needs_email(person, text):
            person = replace(person, email=await self.email_of(context))
        turn = partial(
            self.chat.turn,
            person,
            text,
            SURFACE,
            thread=thread_of(activity),
            personal=is_personal(activity),
        )
        await self.send(context, await self.blocking(turn))

    async def on_ask(self, context: TurnContext, _state: TurnState, data: object) -> None:
        """An "ask" button (Action.Submit): its question, answered in a new message."""
        pressed = asked(data) or Action("", "ask")
        lang = resolve_language(pressed.value, locale=context.activity.locale)
        await self.send(context, await self.pressed(context, pressed, lang))

    async def send(self, context: TurnContext, response: Response) -> None:
        card, summary = response_card(response, new_form_id())
        await context.send_activity(card_activity(card, summary))
        if response.later is not None:
            self.after(response.later, "work after an answer")

    async def email_of(self, context: TurnContext) -> str:
        """The person's e-mail address, from the connector's member record ("" when it
        cannot say): staff may be listed in the Beheerders tab by e-mail only."""
        activity = context.activity
        # The adapter's connector for this turn, registered under its (abstract) protocol.
        client = context.services.get(ConnectorClientBase)  # type: ignore[type-abstract]
        user = activity.from_property
        if client is None or user is None or not user.id or not activity.conversation:
            return ""
        looking_up = client.conversations.get_conversation_member(activity.conversation.id, user.id)
        try:
            member = await asyncio.wait_for(looking_up, EMAIL_LOOKUP_SECONDS)
        except (ClientError, OSError, TimeoutError, ValueError) as error:
            log.warning("Teams: no e-mail address for a member (%s)", type(error).__name__)
            return ""
        return email_of(member)

    # -- card buttons (Action.Execute) -------------------------------------------------------

    async def on_card_action(
        self, context: TurnContext, _state: TurnState, data: object
    ) -> AdaptiveCardInvokeResponse:
        """A card button: the answer is the card that replaces the one clicked."""
        activity = context.activity
        fields: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
        verb = verb_of(activity)
        person = person_of(activity)
        lang = language_in(fields, activity)
        if verb == SUBMIT_VERB:
            return _card_response(await self.submit(person, fields, lang))
        if verb == REFRESH_VERB:
            refresh = partial(self.chat.refresh_form, person, entered_of(fields), lang)
            return _card_response(form_card(await self.blocking(refresh), form_id_of(fields)))
        action = action_of(verb, fields)
        if action is None:  # a card drawn by an earlier version of the bot
            return _card_response(reply_card(self.chat.help(SURFACE, lang)))
        response = await self.pressed(context, action, lang)
        if response.later is not None:
            self.after(response.later, "work after an answer")
        card, _summary = response_card(response, new_form_id())
        return _card_response(card)

    async def pressed(self, context: TurnContext, action: Action, lang: Language) -> Response:
        activity = context.activity
        press = partial(
            self.chat.press,
            person_of(activity),
            action,
            SURFACE,
            lang,
            thread=thread_of(activity),
            personal=is_personal(activity),
        )
        return await self.blocking(press)

    async def submit(self, person: Person, fields: Mapping[str, Any], lang: Language) -> Card:
        """The form's submit: the form again saying what to change, or the receipt."""
        form_id = form_id_of(fields)
        # One form is one submission: a repeated delivery of its submit (a double click, a
        # retried invoke) gets the same id, and the receipt of what was stored.
        submission_id = self.chat.submission_id(person, form_id)
        entered = entered_of(fields)
        submit = partial(self.chat.submit, person, entered, lang, submission_id=submission_id)
        outcome = await self.blocking(submit)
        if isinstance(outcome, FormView):
            return form_card(outcome, form_id)
        landed = await self.landed(outcome.submission.submission_id)
        receipt = self.chat.receipt(outcome, SURFACE, landed=landed)
        self.after(partial(self.chat.announce, outcome), "the staff notice of a candidacy")
        return reply_card(receipt)

    async def landed(self, submission_id: str) -> bool:
        """Write the row now, so the receipt can say it is in the sheet. A slow sheet does not
        hold the card up: the write goes on (or the outbox takes it), the receipt says it is on
        its way. The candidacy is stored either way, so a failing write is no apology."""
        deliver = partial(self.chat.deliver, submission_id)
        writing: Future[bool] = self.runtime.background.submit(deliver)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(writing), self.receipt_wait_seconds)
        except TimeoutError:
            return False
        except Exception:
            log.exception("Teams: the sheet write of %s failed; the outbox retries", submission_id)
            return False

    # -- the app's life in a conversation ----------------------------------------------------

    async def on_conversation_update(self, context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        if adds_bot(activity) and is_personal(activity):
            # Installed for a user: say what the bot can do, once, in their Teams language.
            lang = locale_language(activity.locale) or "nl"
            await self.send(context, Response(self.chat.help(SURFACE, lang)))

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
        language = resolve_language(question_of(activity), locale=activity.locale)
        try:
            await context.send_activity(say(language, "apology", ref=reference))
        except (ClientError, OSError) as delivery_error:
            log.error(
                "Teams: the apology (reference %s) could not be sent: %s",
                reference,
                delivery_error,
            )

    async def finish_background(self, timeout: float) -> None:
        """Let the work started after answers end; the loop keeps serving the sends it makes."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.runtime.background.wait_idle(0) and loop.time() < deadline:
            await asyncio.sleep(0.05)


def _card_response(card: Card) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(status_code=200, type=CARD_CONTENT_TYPE, value=card)


def register_routes(agent: AgentApplication[TurnState], bot: TeamsBot) -> None:
    """A card's "ask" button arrives as a message without text, which the catch-all message
    route (ranked last) would otherwise take."""
    agent.before_turn(bot.remember_conversation)
    agent.adaptive_card.action_submit(ASK_ACTION, submit_filter="action")(bot.on_ask)
    agent.adaptive_card.action_execute(_OUR_VERBS)(bot.on_card_action)
    agent.activity(ActivityTypes.conversation_update)(bot.on_conversation_update)
    agent.activity(ActivityTypes.installation_update)(bot.on_installation_update)
    agent.message()(bot.on_message)
    agent.error(bot.on_error)


def activity_problem(document: dict[str, Any]) -> str | None:
    """Why a request body is not an activity the SDK can take in; None when it is."""
    try:
        activity = Activity.model_validate(document)
    except Exception as error:  # pydantic's ValidationError, or one of the SDK's own checks
        return f"the body is not a Bot Framework activity ({type(error).__name__})"
    if not activity.type or not activity.conversation or not activity.conversation.id:
        return "the activity has no type or conversation id"
    return None


# --- the service ------------------------------------------------------------------------------


@dataclass
class TeamsService:
    """The running parts of a Teams process, on one runtime."""

    web_app: web.Application
    agent: AgentApplication[TurnState]
    adapter: CloudAdapter
    bot: TeamsBot
    notifier: TeamsNotifier
    runtime: Runtime

    def close(self) -> None:
        """Stops every thread of the runtime, then closes the sheet source and store."""
        self.runtime.close()


def create_teams_service(
    configuration: TeamsConfiguration, runtime: Runtime, *, staff_conversation: str | None = None
) -> TeamsService:
    """The agent with its routes and one error handler, behind an aiohttp app that serves
    POST /api/messages (behind the edge, JWT-checked by the SDK) and GET /healthz.
    `staff_conversation` (a stored conversation id) hears of new and withdrawn candidacies and
    of the sheet's troubles."""
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
    memory = ConversationMemory(runtime.store.teams)
    notifier = TeamsNotifier(adapter, memory, configuration)
    bot = TeamsBot(runtime, memory)
    register_routes(agent, bot)
    adapter.on_turn_error = bot.on_error

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await start_agent_process(request, agent, adapter)
        return response if response is not None else web.Response(status=202)

    async def health(_request: web.Request) -> web.StreamResponse:
        status, report = await bot.blocking(partial(health_report, runtime.source, runtime.store))
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

    async def started(_app: web.Application) -> None:
        # Staff notices from other threads are sent on this loop while it runs.
        notifier.loop = asyncio.get_running_loop()

    async def stopping(_app: web.Application) -> None:
        await bot.finish_background(timeout=BACKGROUND_SHUTDOWN_SECONDS)

    async def stopped(_app: web.Application) -> None:
        notifier.loop = None

    web_app.on_startup.append(started)
    web_app.on_shutdown.append(stopping)
    web_app.on_cleanup.append(stopped)
    runtime.add_staff_channel(notifier, staff_conversation)
    return TeamsService(web_app, agent, adapter, bot, notifier, runtime)


def build_teams_service(settings: Settings) -> TeamsService:
    """Checks the credentials first (MissingSetting names the variable), then builds it all
    on one runtime that keeps the sheet fresh and drains the candidacy outbox."""
    configuration = teams_configuration(settings)
    runtime = Runtime(settings, serving=True, answer_while_reading=True)
    try:
        service = create_teams_service(
            configuration, runtime, staff_conversation=settings.teams_staff_conversation
        )
        runtime.start_drainer()
    except BaseException:
        runtime.close()
        raise
    return service


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
