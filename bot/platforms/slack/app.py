"""The Slack app, wired like the Bolt starter template: each feature module registers its
listeners on one Bolt `App`, around one error handler; the service runs it over HTTP behind
the edge (bot/platforms/edge.py) or over Socket Mode, on the process's runtime.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.background import Background
from bot.health import health_report
from bot.platforms.edge import MAX_REQUEST_BYTES, SlackEdge
from bot.platforms.slack import candidacy, home, questions, staff
from bot.platforms.slack.client import build_web_client
from bot.platforms.slack.context import SlackContext
from bot.platforms.slack.notifier import SlackNotifier
from bot.runtime import Runtime
from bot.settings import MissingSetting, Settings, UnusableSetting
from bot.sheets import SnapshotSource
from bot.store import Store

log = logging.getLogger(__name__)


class _WithoutTokenUnused(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself and, given our client (made from
    that very token), warns at every start that the token "will be unused": noise that teaches
    operators to overlook warnings."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


logging.getLogger("slack_bolt").addFilter(_WithoutTokenUnused())

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
EVENT_CLAIMS_KEPT = timedelta(days=2)
# Set in a request's context by the last global middleware: Bolt runs its own signature check
# first, so a request that has it was verified (or came over the authenticated Socket Mode link).
VERIFIED = "g40_verified"
# Bolt checks listeners in the order they were registered: `/g40` (questions) first.
FEATURES = (questions, home, candidacy)


class MarkVerified(Middleware):
    """The last global middleware: a request that reaches it passed Bolt's signature check.
    A Middleware object, not a function: Bolt calls it directly, without building keyword
    arguments for it on every request."""

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        req.context[VERIFIED] = True
        return next()


def register_error_handler(app: App, ctx: SlackContext) -> None:
    app.use(MarkVerified())

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
        return ctx.errors.report(error, body, client, response)


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
    runtime: Runtime,
    *,
    client: WebClient | None = None,
    socket_mode: bool = False,
    process_before_response: bool = True,
    answer_cache_size: int = 512,
) -> App:
    """The Bolt app with every listener and the one error handler, on `runtime`'s
    conversation. `client` defaults to one for SLACK_BOT_TOKEN at SLACK_API_URL; in Socket
    Mode requests arrive unsigned over the socket."""
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
    ctx = SlackContext(runtime.chat, runtime.store.events, runtime.background)
    ctx.rendered.size = answer_cache_size
    register_error_handler(app, ctx)
    for feature in FEATURES:
        feature.register(app, ctx)
    staff.register(ctx)
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
        runtime.add_staff_channel(SlackNotifier(client), settings.staff_channel)
        app = create_slack_app(
            settings,
            runtime,
            client=client,
            socket_mode=socket_mode,
            process_before_response=process_before_response,
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
