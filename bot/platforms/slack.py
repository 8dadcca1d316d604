"""The Slack adapter: `/g40`, @mentions, DMs and the App Home, on Bolt.

The only module that imports slack_bolt / slack_sdk. Thin by design: Slack payload -> question
-> `AskHandler` -> `Reply` -> Block Kit.

Speed: the app runs with `process_before_response=True`, so Bolt calls each listener in the
request thread and answers Slack as soon as it returns (no 10 ms ack polling). Listeners
therefore do only in-memory work; anything that talks to a network (Web API calls, users.info,
response_url) is handed to `Background`, whose failures reach the same error handler as the
listeners' own. Retried Events API deliveries are answered once via the store's event claims.
"""

from __future__ import annotations

import html
import json
import logging
import re
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from http import HTTPStatus
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.webhook import WebhookClient

from bot.background import Background
from bot.candidacy import is_staff, title_of
from bot.dates import day_of, today_in_amsterdam
from bot.directory import phase_line, upcoming_phases
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler
from bot.handlers.staff import when
from bot.health import health_report
from bot.i18n import EXAMPLES, detect_language, format_day, language_of, say
from bot.models import Snapshot, SourceHealth
from bot.platforms.edge import MAX_REQUEST_BYTES, SlackEdge
from bot.reply import Language, Reply, render_text
from bot.runtime import Runtime
from bot.settings import MissingSetting, Settings, UnusableSetting
from bot.sheets import SnapshotSource
from bot.store import Store
from bot.store.events import EventClaims
from bot.store.subscriptions import Subscriptions
from bot.text import MAX_QUESTION_CHARS, fold, words

log = logging.getLogger(__name__)

PLATFORM = "slack"
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
SHARE_ACTION = "g40_share"
REMINDERS_ACTION = "g40_reminders"
CANDIDACY_OPEN_ACTION = "g40_candidacy_open"
# Block Kit limits (https://api.slack.com/reference/block-kit/blocks).
MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_FALLBACK_CHARS = 3000
# Waiting longer than this for a rate limit would outlast any user's patience; give up instead.
MAX_RETRY_AFTER_SECONDS = 30
EVENT_CLAIMS_KEPT = timedelta(days=2)
MAX_PROBLEMS_SHOWN = 10
# Set in a request's context by the last global middleware: Bolt runs its own signature check
# first, so a request that has it was verified (or came over the authenticated Socket Mode link).
VERIFIED = "g40_verified"

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


# --- the Web API client -----------------------------------------------------------------------


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Honours Retry-After, but gives up rather than wait longer than MAX_RETRY_AFTER_SECONDS."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        assert response is not None
        waits = [v for k, v in response.headers.items() if k.lower() == "retry-after"]
        try:
            return not waits or int(waits[0][0]) <= MAX_RETRY_AFTER_SECONDS
        except (ValueError, IndexError):
            return True


def build_web_client(token: str, api_url: str) -> WebClient:
    """Every Web API call of the app, in both modes, goes to `api_url` (GovSlack, tests)."""
    base_url = api_url if api_url.endswith("/") else api_url + "/"
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=10,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            BoundedRateLimitRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


# --- language ---------------------------------------------------------------------------------


def is_neutral(question: str) -> bool:
    """A question with no more Dutch than English words (or none): its language is a tie."""
    return language_of(words(question)) is None


def choose_language(question: str, locale: Language | None) -> Language:
    """The question's language; the user's Slack locale only breaks a tie."""
    return language_of(words(question)) or locale or "nl"


class SlackLocales:
    """Users' Slack locales (users.info), kept in memory; read without I/O on the ack path."""

    def __init__(self) -> None:
        self._known: dict[str, Language | None] = {}

    def cached(self, user_id: str) -> tuple[bool, Language | None]:
        return user_id in self._known, self._known.get(user_id)

    def learn(self, client: WebClient, user_id: str) -> Language | None:
        known, language = self.cached(user_id)
        if known:
            return language
        try:
            response = client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            log.warning(
                "users.info for %s failed (%s); using the question's language", user_id, error
            )
            return None
        locale = str((response.get("user") or {}).get("locale") or "").casefold()
        language = "en" if locale.startswith("en") else "nl" if locale.startswith("nl") else None
        self._known[user_id] = language
        return language


# --- Block Kit rendering ----------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack mrkdwn treats &, < and > as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chunks(lines: Iterable[str], limit: int = MAX_SECTION_CHARS) -> Iterator[str]:
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


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_SECTION_CHARS]}]}


def _header(text: str) -> dict[str, Any]:
    title = text if len(text) <= MAX_HEADER_CHARS else text[: MAX_HEADER_CHARS - 1] + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": title, "emoji": True}}


def share_value(question: str, language: Language) -> str:
    """The share button's value (≤ 2,000 chars): the question, cut just past what is read."""
    return json.dumps({"q": question[: MAX_QUESTION_CHARS + 1], "l": language}, ensure_ascii=False)


Rendered = tuple[str, list[dict[str, Any]]]


def render_blocks(
    reply: Reply, *, share: str | None = None, shared_by: str | None = None
) -> Rendered:
    """(fallback text, blocks) for a reply, within Block Kit's limits."""
    lang = reply.language
    tail: list[dict[str, Any]] = []
    if reply.links:
        links = " · ".join(f"<{link.url}|{escape(link.label)}>" for link in reply.links[:10])
        tail.append(_context(links))
    if reply.suggestions:
        suggestions = " | ".join(escape(s) for s in reply.suggestions)
        tail.append(_context(f"{say(lang, 'slack_try_also')}: {suggestions}"))
    if shared_by:
        tail.append(_context(say(lang, "slack_shared_by", user=shared_by)))
    if share:
        button = {
            "type": "button",
            "action_id": SHARE_ACTION,
            "text": {"type": "plain_text", "text": say(lang, "slack_share")},
            "value": share,
        }
        tail.append({"type": "actions", "elements": [button]})

    head = [_header(reply.title)] if reply.title else []
    body_lines = [escape(line) for line in reply.lines]
    body_lines += [f"*{escape(label)}:* {escape(value)}" for label, value in reply.fields]
    sections = [_section(text) for text in _chunks(body_lines)]
    room = MAX_BLOCKS - len(head) - len(tail)
    if len(sections) > room:
        sections = [*sections[: room - 1], _section(escape(say(lang, "truncated_answer")))]
    fallback = render_text(reply)
    if len(fallback) > MAX_FALLBACK_CHARS:
        fallback = fallback[: MAX_FALLBACK_CHARS - 1] + "…"
    return fallback, [*head, *sections, *tail]


class RenderedAnswers:
    """Recently rendered answers of the current snapshot: a repeated question (the common case)
    costs a dictionary lookup. A new snapshot (a staff edit) empties it."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._owner: object = None
        self._answers: OrderedDict[tuple[str, Language | None, date], Rendered] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self, owner: object, key: tuple[str, Language | None, date], render: Callable[[], Rendered]
    ) -> Rendered:
        with self._lock:
            if owner is not self._owner:
                self._owner, self._answers = owner, OrderedDict()
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                return found
        rendered = render()
        if self.size:
            with self._lock:
                if owner is self._owner:
                    self._answers[key] = rendered
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
        return rendered


# --- the App Home -----------------------------------------------------------------------------


def home_view(
    snapshot: Snapshot, user_id: str, language: Language, subscribed: bool, today: date
) -> dict[str, Any]:
    lang = language
    blocks: list[dict[str, Any]] = [_header(say(lang, "help_title"))]
    examples = "\n".join(f"• {escape(example)}" for example in EXAMPLES[lang])
    blocks.append(_section(f"{escape(say(lang, 'help_intro'))}\n{examples}"))
    blocks.append(_context(say(lang, "slack_usage")))
    blocks += [{"type": "divider"}, _header(say(lang, "slack_phases_title"))]
    phase_lines = [
        phase_line(phase, lang, today) for phase in upcoming_phases(snapshot.phases.values(), today)
    ]
    lines = [f"• {escape(line)}" for line in phase_lines] or [say(lang, "slack_no_upcoming")]
    blocks += [_section(text) for text in _chunks(lines)][:10]
    toggle = {
        "type": "button",
        "action_id": REMINDERS_ACTION,
        "text": {
            "type": "plain_text",
            "text": say(lang, "slack_turn_off" if subscribed else "slack_turn_on"),
        },
        "value": "off" if subscribed else "on",
    }
    if not subscribed:
        toggle["style"] = "primary"
    reminders = _section(say(lang, "slack_reminders_on" if subscribed else "slack_reminders_off"))
    reminders["accessory"] = toggle
    blocks += [{"type": "divider"}, reminders, {"type": "divider"}]
    blocks.append(_header(say(lang, "slack_candidacies_title")))
    own = [
        candidacy
        for candidacy in snapshot.candidacies
        if candidacy.user_id == user_id and fold(candidacy.platform) in {"", PLATFORM}
    ]
    candidacy_lines = []
    for candidacy in own:
        title = title_of(snapshot, candidacy.role, lang)
        status = candidacy.status or say(lang, "slack_submitted")
        if candidacy.submitted_at:
            day = format_day(day_of(candidacy.submitted_at), lang)
            line = say(lang, "slack_candidacy_line", role=title, status=status, day=day)
        else:
            line = say(lang, "slack_candidacy_line_undated", role=title, status=status)
        candidacy_lines.append(f"• {escape(line)}")
    blocks += [
        _section(text) for text in _chunks(candidacy_lines or [say(lang, "slack_no_candidacies")])
    ]
    stand = {
        "type": "button",
        "action_id": CANDIDACY_OPEN_ACTION,
        "text": {"type": "plain_text", "text": say(lang, "cand_home_button")},
        "style": "primary",
    }
    blocks = [*blocks[: MAX_HOME_BLOCKS - 1], {"type": "actions", "elements": [stand]}]
    return {"type": "home", "blocks": blocks}


# --- the one error handler --------------------------------------------------------------------


def _question_in(body: Mapping[str, Any]) -> str:
    """Whatever the user typed in this payload, to pick the apology's language."""
    if "command" in body:
        return str(body.get("text") or "")
    event = body.get("event") or {}
    if event:
        return str(event.get("text") or "")
    for action in body.get("actions") or []:
        try:
            return str(json.loads(action.get("value") or "{}").get("q") or "")
        except (json.JSONDecodeError, AttributeError):
            return ""
    return ""


def _modal_language(view: Mapping[str, Any]) -> Language:
    """Modals carry their language in private_metadata ({"l": "en"})."""
    try:
        metadata = json.loads(str(view.get("private_metadata") or "{}"))
    except json.JSONDecodeError:
        return "nl"
    return "en" if isinstance(metadata, dict) and metadata.get("l") == "en" else "nl"


@dataclass
class ErrorReporter:
    """Logs the traceback with a reference id and tells the user, in their language, where
    Slack lets us: the ack response, the response_url, or a reply beside their message."""

    def report(
        self,
        error: Exception,
        body: Mapping[str, Any] | None,
        client: WebClient | None,
        response: BoltResponse | None = None,
    ) -> BoltResponse | None:
        reference = uuid.uuid4().hex[:8]
        log.error("Slack: handling failed (reference %s)", reference, exc_info=error)
        if not body:
            return None
        apology = say(detect_language(_question_in(body)), "apology", ref=reference)
        if response is not None and ("command" in body or body.get("type") == "block_actions"):
            # Still inside the request: the apology is the ack itself.
            payload = {"response_type": "ephemeral", "text": apology}
            return BoltResponse(
                status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
            )
        if response is not None and body.get("type") == "view_submission":
            # A modal can only be answered through the ack: replace it with the apology.
            language = _modal_language(body.get("view") or {})
            view = {
                "type": "modal",
                "title": {"type": "plain_text", "text": "g40bot"},
                "close": {"type": "plain_text", "text": "OK"},
                "blocks": [_section(say(language, "apology", ref=reference))],
            }
            return BoltResponse(
                status=200,
                body=json.dumps({"response_action": "update", "view": view}),
                headers={"content-type": "application/json"},
            )
        try:
            self._deliver(apology, body, client)
        except (SlackApiError, OSError) as delivery_error:
            log.error(
                "Slack: the apology (reference %s) could not be sent: %s", reference, delivery_error
            )
        return None

    def _deliver(self, apology: str, body: Mapping[str, Any], client: WebClient | None) -> None:
        response_url = body.get("response_url")
        event = body.get("event") or {}
        if response_url:
            WebhookClient(response_url).send(
                text=apology, response_type="ephemeral", replace_original=False
            )
        elif client is not None and event.get("type") == "app_mention":
            client.chat_postMessage(
                channel=event["channel"],
                thread_ts=event.get("thread_ts") or event["ts"],
                text=apology,
            )
        elif client is not None and event.get("type") == "message" and event.get("channel"):
            client.chat_postMessage(channel=event["channel"], text=apology)


# --- the app ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlashCall:
    """A `/g40 <subcommand> …` invocation: the listener's arguments, plus the text after the
    subcommand's words and the language to answer in."""

    ack: Any
    command: Mapping[str, Any]
    client: WebClient
    user_id: str
    rest: str
    language: Language


SlashHandler = Callable[["SlackBot", SlashCall], None]


@dataclass
class SlackBot:
    """What the listeners share."""

    ask: AskHandler
    events: EventClaims
    subscriptions: Subscriptions
    background: Background
    locales: SlackLocales = field(default_factory=SlackLocales)
    errors: ErrorReporter = field(default_factory=ErrorReporter)
    rendered: RenderedAnswers = field(default_factory=RenderedAnswers)
    today: Callable[[], date] = today_in_amsterdam
    # `/g40 kandidaat`, `/g40 herinneringen aan`, …: folded phrase -> handler (which must ack).
    subcommands: dict[str, SlashHandler] = field(default_factory=dict)

    def add_subcommand(self, phrases: Iterable[str], handler: SlashHandler) -> None:
        for phrase in phrases:
            self.subcommands[" ".join(fold(phrase).split())] = handler

    def for_staff_only(
        self,
        call: SlashCall,
        work: Callable[[], Rendered],
        refusal: Callable[[], Rendered],
        *,
        quick: bool,
    ) -> None:
        """Staff (Beheerders: slack_id, or e-mail from the Slack profile) get `work()`'s answer,
        others `refusal()`. A `quick` answer for staff known by Slack id goes in the ack; the
        profile lookup and slow work run after the ack and answer through the response_url."""
        snapshot = self.ask.directory().snapshot
        known = is_staff(snapshot, slack_id=call.user_id)
        if known and quick:
            text, blocks = work()
            call.ack(response_type="ephemeral", text=text, blocks=blocks)
            return
        call.ack()
        response_url = str(call.command.get("response_url") or "")

        def check_then_answer() -> None:
            allowed = known
            if not allowed:
                user = call.client.users_info(user=call.user_id).get("user") or {}
                email = str((user.get("profile") or {}).get("email") or "")
                allowed = bool(email) and is_staff(snapshot, email=email)
            text, blocks = work() if allowed else refusal()
            WebhookClient(response_url).send(response_type="ephemeral", text=text, blocks=blocks)

        self.later(check_then_answer, call.command, call.client)

    def subcommand_for(self, text: str) -> tuple[SlashHandler, str] | None:
        """The handler whose phrase the text starts with (longest phrase first), and the rest."""
        tokens = text.split()
        for length in range(min(3, len(tokens)), 0, -1):
            handler = self.subcommands.get(" ".join(fold(t) for t in tokens[:length]))
            if handler is not None:
                return handler, " ".join(tokens[length:])
        return None

    def later(
        self, work: Callable[[], None], body: Mapping[str, Any] | None, client: WebClient | None
    ) -> None:
        """Run `work` after the ack; a failure gets the same treatment as a listener's."""

        def report(error: Exception) -> None:
            self.errors.report(error, body, client)

        self.background.run(work, report)

    def once(self, body: Mapping[str, Any], client: WebClient, work: Callable[[], None]) -> None:
        """Run an Events API delivery's work once per event_id, whichever process gets it."""
        event_id = body.get("event_id")

        def first_delivery_only() -> None:
            if event_id and not self.events.claim(PLATFORM, str(event_id)):
                log.info("Slack: event %s was already handled; this is a retry", event_id)
                return
            work()

        self.later(first_delivery_only, body, client)

    def answer(self, question: str, user_id: str, client: WebClient | None = None) -> Reply:
        """`client` given: may ask Slack for the user's locale (never on the ack path)."""
        known, locale = self.locales.cached(user_id)
        if not known and client is not None and is_neutral(question):
            locale = self.locales.learn(client, user_id)
        return self.ask.ask(
            question, today=self.today(), language=choose_language(question, locale)
        )

    def publish_home(self, client: WebClient, user_id: str) -> None:
        language = self.locales.learn(client, user_id) or "nl"
        subscription = self.subscriptions.get(PLATFORM, user_id)
        snapshot = self.ask.directory().snapshot
        view = home_view(
            snapshot,
            user_id,
            language,
            bool(subscription and subscription.subscribed),
            self.today(),
        )
        client.views_publish(user_id=user_id, view=view)


def _question_of(text: str) -> str:
    """A message's text without @-mentions, with Slack's &amp; &lt; &gt; undone."""
    return html.unescape(_MENTION.sub(" ", text)).strip()


def is_help(question: str) -> bool:
    return fold(question.strip(" ?!.")) in {"help", "hulp", "helpen"}


def _learn_locale(bot: SlackBot, client: WebClient, user_id: str) -> None:
    bot.locales.learn(client, user_id)


def register_command(app: App, bot: SlackBot) -> None:
    @app.command("/g40")
    def answer_command(ack: Any, command: dict[str, Any], client: WebClient) -> None:
        question, user_id = str(command.get("text") or ""), str(command.get("user_id") or "")
        locale = bot.locales.cached(user_id)[1]
        found = bot.subcommand_for(question)
        if found is not None:
            handler, rest = found
            language = choose_language(question, locale)
            handler(bot, SlashCall(ack, command, client, user_id, rest, language))
            return
        text, blocks = bot.rendered.get(
            bot.ask.directory(),
            (question, locale, bot.today()),
            lambda: render_command(bot, question, choose_language(question, locale)),
        )
        ack(response_type="ephemeral", text=text, blocks=blocks)
        if user_id and not bot.locales.cached(user_id)[0]:
            # Learn the locale for the next neutral question; no apology if this fails.
            bot.later(lambda: _learn_locale(bot, client, user_id), None, client)


def render_command(bot: SlackBot, question: str, language: Language) -> Rendered:
    reply = bot.ask.ask(question, today=bot.today(), language=language)
    if is_help(question):
        return render_blocks(replace(reply, lines=(*reply.lines, say(language, "slack_usage"))))
    return render_blocks(reply, share=share_value(question, language))


def register_events(app: App, bot: SlackBot) -> None:
    @app.event("app_mention")
    def answer_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        def reply_in_thread() -> None:
            reply = bot.answer(
                _question_of(str(event.get("text") or "")), str(event.get("user")), client
            )
            text, blocks = render_blocks(reply)
            client.chat_postMessage(
                channel=event["channel"],
                thread_ts=event.get("thread_ts") or event["ts"],
                text=text,
                blocks=blocks,
            )

        bot.once(body, client, reply_in_thread)

    @app.event("message")
    def answer_direct_message(
        body: dict[str, Any], event: dict[str, Any], client: WebClient
    ) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return

        def reply() -> None:
            answer = bot.answer(
                _question_of(str(event.get("text") or "")), str(event.get("user")), client
            )
            text, blocks = render_blocks(answer)
            client.chat_postMessage(channel=event["channel"], text=text, blocks=blocks)

        bot.once(body, client, reply)

    @app.event("app_home_opened")
    def show_home(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        bot.once(body, client, lambda: bot.publish_home(client, str(event["user"])))


def register_actions(app: App, bot: SlackBot) -> None:
    @app.action(SHARE_ACTION)
    def share_answer(
        ack: Any, body: dict[str, Any], action: dict[str, Any], respond: Any, client: WebClient
    ) -> None:
        ack()
        shared = json.loads(str(action.get("value") or "{}"))
        language: Language = "en" if shared.get("l") == "en" else "nl"
        user_id = str((body.get("user") or {}).get("id") or "")

        def post_in_channel() -> None:
            reply = bot.ask.ask(str(shared.get("q") or ""), today=bot.today(), language=language)
            text, blocks = render_blocks(reply, shared_by=user_id)
            # Via response_url the answer reaches any channel /g40 was used in, also ones the
            # bot is not a member of; the asker's private copy is removed.
            respond(response_type="in_channel", delete_original=True, text=text, blocks=blocks)

        bot.later(post_in_channel, body, client)

    @app.action(REMINDERS_ACTION)
    def toggle_reminders(
        ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        ack()
        user_id = str(body["user"]["id"])

        def save_and_refresh() -> None:
            language = bot.locales.learn(client, user_id) or "nl"
            bot.subscriptions.set(
                PLATFORM, user_id, language=language, subscribed=action.get("value") == "on"
            )
            bot.publish_home(client, user_id)

        bot.later(save_and_refresh, body, client)


RELOAD_PHRASES = ("herladen", "ververs", "reload", "refresh")


def reload_report(snapshot: Snapshot, health: SourceHealth, language: Language) -> Reply:
    """What a staff member sees after `/g40 herladen`: whether the read worked (and if not,
    why, and since when the bot serves the last good version), what it holds, what is wrong."""
    lines: list[str] = []
    title = say(language, "reload_title")
    if health.error is not None:
        title = say(language, "reload_failed_title")
        lines.append(say(language, "reload_failed", error=health.error))
        lines.append(
            say(
                language,
                "reload_serving",
                since=when(health.failing_since, language),
                read_at=when(health.read_at, language),
            )
        )
    errors = snapshot.errors
    lines.append(
        say(
            language,
            "reload_counts",
            roles=len(snapshot.roles),
            portfolios=len(snapshot.portfolios),
            people=len(snapshot.people),
            phases=len(snapshot.phases),
            errors=len(errors),
            warnings=len(snapshot.problems) - len(errors),
        )
    )
    if snapshot.kept_tabs:
        lines.append(say(language, "reload_kept_tabs", tabs=", ".join(snapshot.kept_tabs)))
    if snapshot.unreadable_tabs:
        tabs = ", ".join(snapshot.unreadable_tabs)
        lines.append(say(language, "reload_unreadable_tabs", tabs=tabs))
    lines += [problem.describe() for problem in snapshot.problems[:MAX_PROBLEMS_SHOWN]]
    if len(snapshot.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(say(language, "truncated_answer"))
    return Reply(title=title, lines=tuple(lines), language=language)


def register_reload(bot: SlackBot, source: SnapshotSource) -> None:
    """`/g40 herladen`: staff apply their sheet edits at once instead of within a minute."""

    def reload_command(bot: SlackBot, call: SlashCall) -> None:
        def reread() -> Rendered:
            snapshot = source.reload()
            return render_blocks(reload_report(snapshot, source.health(), call.language))

        def refuse() -> Rendered:
            return render_blocks(Reply(title="", lines=(say(call.language, "staff_only"),)))

        bot.for_staff_only(call, reread, refuse, quick=False)

    bot.add_subcommand(RELOAD_PHRASES, reload_command)


def register_error_handler(app: App, bot: SlackBot) -> None:
    @app.middleware
    def mark_verified(context: BoltContext, next: Callable[[], None]) -> None:
        context[VERIFIED] = True
        next()

    @app.error
    def handle_error(
        error: Exception,
        body: dict[str, Any],
        client: WebClient,
        response: BoltResponse | None,
        context: BoltContext,
    ) -> BoltResponse | None:
        if not context.get(VERIFIED):
            # Bolt also hands over what failed before or inside its signature check (slack_sdk
            # raises on a timestamp that is not a number): nothing in that body may be used.
            log.warning("Slack: refused an unverified request (%s) (401)", type(error).__name__)
            return BoltResponse(status=401, body="")
        return bot.errors.report(error, body, client, response)


def _token_refused(code: str) -> UnusableSetting:
    return UnusableSetting(
        f"Slack weigert SLACK_BOT_TOKEN ({code}): controleer het Bot User OAuth Token (xoxb-…) "
        "onder OAuth & Permissions van je Slack-app."
    )


def _unreachable(api_url: str, error: OSError) -> UnusableSetting:
    cause = getattr(error, "reason", None) or error
    return UnusableSetting(
        f"Slack is niet bereikbaar op SLACK_API_URL={api_url} ({cause}): controleer die "
        "instelling en de netwerkverbinding."
    )


def _check_token(client: WebClient, api_url: str) -> None:
    """auth.test, as Bolt does at start, on a copy of the client that logs nothing: an operator
    whose Slack is unreachable, or refuses the token, reads one line (UnusableSetting), not
    also the SDK's log of each attempt."""
    silent = logging.getLogger(__name__ + ".start")
    silent.propagate = False
    if not silent.handlers:
        silent.addHandler(logging.NullHandler())
    probe = WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=client.retry_handlers,
        logger=silent,
    )
    try:
        probe.auth_test()
    except SlackApiError as error:
        raise _token_refused(str(error.response.get("error") or "auth.test mislukte")) from None
    except OSError as error:
        raise _unreachable(api_url, error) from None


def create_slack_app(
    settings: Settings,
    ask_handler: AskHandler,
    store: Store,
    *,
    client: WebClient | None = None,
    background: Background,
    socket_mode: bool = False,
    process_before_response: bool = True,
    answer_cache_size: int = 512,
    candidacy: CandidacyHandler | None = None,
    reload: SnapshotSource | None = None,
) -> App:
    """The Bolt app with every listener and the one error handler. `client` defaults to one for
    SLACK_BOT_TOKEN at SLACK_API_URL; in Socket Mode requests arrive unsigned over the socket."""
    web_client = client or build_web_client(
        settings.secret("SLACK_BOT_TOKEN"), settings.slack_api_url
    )
    try:
        # Bolt checks the token with auth.test right here.
        app = App(
            client=web_client,
            signing_secret=None if socket_mode else settings.secret("SLACK_SIGNING_SECRET"),
            request_verification_enabled=not socket_mode,
            process_before_response=process_before_response,
            logger=logging.getLogger("slack_bolt"),
        )
    except BoltError:  # auth.test answered ok=false
        raise _token_refused("auth.test mislukte") from None
    except OSError as error:
        raise _unreachable(settings.slack_api_url, error) from None
    bot = SlackBot(
        ask=ask_handler,
        events=store.events,
        subscriptions=store.subscriptions,
        background=background,
        rendered=RenderedAnswers(answer_cache_size),
    )
    for register in (register_command, register_events, register_actions, register_error_handler):
        register(app, bot)
    # Imported here: the feature listeners build on this module.
    from bot.platforms.slack_reminders import register_reminders

    register_reminders(bot)
    if reload is not None:
        register_reload(bot, reload)
    if candidacy is not None:
        from bot.platforms.slack_candidacy import register_candidacy

        register_candidacy(app, bot, candidacy, settings.staff_channel)
    return app


# --- running it -------------------------------------------------------------------------------


@dataclass
class SlackService:
    """A Slack process: the Bolt app on the process's runtime, which owns every thread."""

    runtime: Runtime
    app: App
    # HTTP mode only: the edge checks every POST's signature with it before Bolt parses it.
    signing_secret: str = ""

    @property
    def store(self) -> Store:
        return self.runtime.store

    @property
    def source(self) -> SnapshotSource:
        return self.runtime.source

    @property
    def background(self) -> Background:
        return self.runtime.background

    def wsgi(self) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
        """POST /slack/events (commands, events, interactivity) behind the edge, and GET
        /healthz."""
        slack = SlackRequestHandler(self.app, path=EVENTS_PATH)

        def application(
            environ: dict[str, Any], start_response: Callable[..., Any]
        ) -> Iterable[bytes]:
            method = environ.get("REQUEST_METHOD")
            if environ.get("PATH_INFO") == HEALTH_PATH and method in {"GET", "HEAD"}:
                status, report = health_report(self.source, self.store)
                body = json.dumps(report).encode()
                headers = [("Content-Type", "application/json"), ("Cache-Control", "no-store")]
                start_response(f"{status} {HTTPStatus(status).phrase}", headers)
                return [b""] if method == "HEAD" else [body]
            return slack(environ, start_response)

        if not self.signing_secret:
            raise MissingSetting("SLACK_SIGNING_SECRET ontbreekt: nodig voor Slack over HTTP.")
        return SlackEdge(application, self.signing_secret, path=EVENTS_PATH)

    def close(self) -> None:
        """Stops every thread the service started, then closes the sheet source and store."""
        self.runtime.close()


def build_slack_service(
    settings: Settings, *, socket_mode: bool = False, process_before_response: bool = True
) -> SlackService:
    """Checks the secrets first (MissingSetting names the variable), then the store, the
    sheet and Slack itself; builds everything on one runtime."""
    token = settings.secret("SLACK_BOT_TOKEN")
    if socket_mode:
        settings.secret("SLACK_APP_TOKEN")
    else:
        settings.secret("SLACK_SIGNING_SECRET")
    client = build_web_client(token, settings.slack_api_url)
    runtime = Runtime(settings, serving=True, answer_while_reading=True)
    try:
        _check_token(client, settings.slack_api_url)
        runtime.store.events.forget_before(EVENT_CLAIMS_KEPT)
        from bot.platforms.slack_reminders import SlackNotifier

        runtime.add_staff_channel(SlackNotifier(client), settings.staff_channel)
        app = create_slack_app(
            settings,
            runtime.ask,
            runtime.store,
            client=client,
            background=runtime.background,
            socket_mode=socket_mode,
            process_before_response=process_before_response,
            candidacy=runtime.candidacy,
            reload=runtime.source,
        )
        runtime.start_drainer()
    except BaseException:
        runtime.close()
        raise
    return SlackService(
        runtime=runtime,
        app=app,
        signing_secret="" if socket_mode else settings.secret("SLACK_SIGNING_SECRET"),
    )


def http_server(service: SlackService, host: str, port: int) -> Any:
    """The waitress server `serve` runs (tests and benchmarks run the same). waitress itself
    refuses a body of MAX_REQUEST_BYTES + 1 or more (413) before it buffers it (chunked ones
    too); it counts `>=` as too large."""
    from waitress.server import create_server

    return create_server(
        service.wsgi(),
        host=host,
        port=port,
        threads=16,
        ident="g40bot",
        max_request_body_size=MAX_REQUEST_BYTES + 1,
    )


def serve(settings: Settings, *, socket_mode: bool, announce: Callable[[str], None]) -> None:
    """`g40bot serve slack [--socket]`: blocks until stopped."""
    service = build_slack_service(settings, socket_mode=socket_mode)
    try:
        if socket_mode:
            announce("g40bot Slack: Socket Mode verbonden; stop met Ctrl+C.")
            socket = SocketModeHandler(service.app, settings.secret("SLACK_APP_TOKEN"))
            socket.client.connect()
            threading.Event().wait()
        else:
            server = http_server(service, "0.0.0.0", settings.port)
            announce(f"g40bot Slack: luistert op http://0.0.0.0:{settings.port}{EVENTS_PATH}")
            server.run()
    finally:
        service.close()
