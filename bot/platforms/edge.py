"""The edge: what a request to /slack/events or /api/messages passes before a chat SDK sees it.

Nothing unverified makes the bot act, and no body is read beyond MAX_REQUEST_BYTES.

- Slack (`SlackEdge`, WSGI): the body is read up to the limit and its signature checked here —
  a numeric timestamp at most five minutes off and a constant-time HMAC-SHA256 of
  `v0:{timestamp}:{raw body}` — before anything parses it. Bolt then checks it again. Slack's
  unsigned certificate check gets its 200 here and goes no further.
- Teams (`guard_teams`, aiohttp): the declared size and the shape of the Bearer token (a JWT
  signed with RS256 that names its key) are checked before the Agents SDK validates the token;
  only an authenticated request has its body read (up to the limit) and parsed.

A refused request costs exactly one log line — the platform, the client address, a fixed
reason and the status — and never anything from its headers or body.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import re
import sys
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, BinaryIO
from urllib.parse import parse_qs

import jwt
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

log = logging.getLogger(__name__)

# Slack's largest payloads (a modal submission with every field filled) and Bot Connector
# activities are tens of kilobytes; a larger body is refused (413) before it is read whole.
MAX_REQUEST_BYTES = 1024 * 1024
# Slack signs with a timestamp; an older (or later) request is a replay.
SLACK_MAX_CLOCK_SKEW_SECONDS = 5 * 60
_READ_CHUNK_BYTES = 64 * 1024
_SLACK_TIMESTAMP = re.compile(rb"[0-9]{1,12}")

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]
WebHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_REASONS = {
    200: "200 OK",
    400: "400 Bad Request",
    401: "401 Unauthorized",
    413: "413 Payload Too Large",
}


class Refused(Exception):
    """A request the edge answers itself: its status and a fixed reason for the log."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def log_refusal(platform: str, client: str, refused: Refused) -> None:
    log.warning(
        "%s: refused a request from %s: %s (%d)", platform, client, refused.reason, refused.status
    )


class OneLineForUnparsableRequests(logging.Filter):
    """aiohttp refuses (400) a request it cannot parse — a request line or header over 8 KiB, a
    Content-Length that is not a number, a broken chunk — and logs it as an ERROR with a
    traceback (and the first bytes of the line). Anyone on the internet can send those, so each
    becomes what any refusal costs: one WARNING line with a fixed reason, no traceback. Added
    to aiohttp's server logger by the app that serves on aiohttp (Teams)."""

    def __init__(self, platform: str) -> None:
        super().__init__()
        self.platform = platform

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError) and 400 <= (error.code or 0) < 500:
            client = record.args[0] if isinstance(record.args, tuple) and record.args else "?"
            reason = f"the request is not valid HTTP ({type(error).__name__})"
            record.msg = "%s: refused a request from %s: %s (%d)"
            record.args = (self.platform, client, reason, error.code)
            record.exc_info = record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def _too_large() -> Refused:
    return Refused(413, f"the body is larger than {MAX_REQUEST_BYTES} bytes")


# --- Slack ------------------------------------------------------------------------------------


def read_wsgi_body(environ: Environ, limit: int = MAX_REQUEST_BYTES) -> bytes:
    """The request body, at most `limit` bytes: a larger declared Content-Length is refused
    unread, and a body without one (chunked) is read no further than `limit` + 1 bytes."""
    declared = str(environ.get("CONTENT_LENGTH") or "").strip()
    if declared:
        if not (declared.isascii() and declared.isdigit()):
            raise Refused(400, "the Content-Length is not a number")
        wanted = int(declared)
        if wanted > limit:
            raise _too_large()
    elif environ.get("wsgi.input_terminated"):
        wanted = limit + 1
    else:
        return b""  # PEP 3333: without a length and an EOF-terminated input there is no body
    stream: BinaryIO | None = environ.get("wsgi.input")
    chunks: list[bytes] = []
    left = wanted
    while stream is not None and left > 0:
        chunk = stream.read(min(left, _READ_CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    body = b"".join(chunks)
    if len(body) > limit:
        raise _too_large()
    return body


def slack_signature_problem(
    secret: bytes, timestamp: str | None, signature: str | None, body: bytes, now: float
) -> str | None:
    """Why this is not a request Slack signed with `secret` just now; None when it is.
    `timestamp` and `signature` are the raw header values (WSGI gives them as latin-1)."""
    if not timestamp or not signature:
        return "no Slack signature"
    stamp = timestamp.encode("latin-1", "replace")
    if not _SLACK_TIMESTAMP.fullmatch(stamp):
        return "the signature timestamp is not a number"
    if abs(int(now) - int(stamp)) > SLACK_MAX_CLOCK_SKEW_SECONDS:
        return "the signature timestamp is more than 5 minutes off"
    digest = hmac.new(secret, b"v0:" + stamp + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(b"v0=" + digest.encode(), signature.encode("latin-1", "replace")):
        return "the signature does not match"
    return None


def is_slack_ssl_check(body: bytes) -> bool:
    """Slack's certificate check (`ssl_check=1&token=…`) is the one request it does not sign.
    It is answered 200, as Bolt would, and goes no further: nothing in it is used."""
    try:
        fields = parse_qs(body.decode("ascii"), strict_parsing=True, max_num_fields=4)
    except ValueError:  # not ASCII, not a form, or more fields than a check has
        return False
    return fields.get("ssl_check") == ["1"]


class SlackEdge:
    """WSGI middleware for Slack's POSTs to `path`: a bounded body with a valid signature goes on
    to `app` (Bolt's SlackRequestHandler) unchanged; anything else gets 401/413/400 here. Other
    requests (GET /healthz) pass through untouched."""

    def __init__(
        self,
        app: WsgiApp,
        signing_secret: str,
        *,
        path: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.path = path
        self._secret = signing_secret.encode()
        self._clock = clock

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != self.path:
            return self.app(environ, start_response)
        client = str(environ.get("REMOTE_ADDR") or "?")
        body = b""
        try:
            body = read_wsgi_body(environ)
            problem = slack_signature_problem(
                self._secret,
                environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
                environ.get("HTTP_X_SLACK_SIGNATURE"),
                body,
                self._clock(),
            )
            if problem is not None:
                raise Refused(401, problem)
        except Refused as refused:
            if refused.status == 401 and is_slack_ssl_check(body):
                return _answer(start_response, 200)
            log_refusal("Slack", client, refused)
            return _answer(start_response, refused.status)
        verified = {**environ, "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
        try:
            # Bolt's handler answers in full before it returns; what escapes it is its parsing
            # of a body Slack signed but Bolt cannot read (not UTF-8, broken JSON).
            return self.app(verified, start_response)
        except Exception as error:
            unreadable = Refused(400, f"a signed body Bolt cannot read ({type(error).__name__})")
            log_refusal("Slack", client, unreadable)
            return _answer(start_response, unreadable.status, exc_info=sys.exc_info())


def _answer(start_response: StartResponse, status: int, exc_info: Any = None) -> list[bytes]:
    text = _REASONS[status].encode() + b"\n"
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(text)))]
    start_response(_REASONS[status], headers, exc_info)
    return [text]


# --- Teams ------------------------------------------------------------------------------------


def bearer_token_problem(authorization: str | None, *, anonymous: bool) -> str | None:
    """Why this Authorization header can never carry a Bot Connector token; None when the SDK
    should validate it (or, in anonymous mode, when there is none). Connector and Entra tokens
    are JWTs signed with RS256 whose header names the signing key (`kid`), and the SDK accepts
    nothing else; checking that here keeps malformed tokens from raising inside the SDK and
    from costing a key lookup at Microsoft."""
    if authorization is None:
        return None if anonymous else "no Authorization header"
    parts = authorization.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return "the Authorization header is not a Bearer token"
    try:
        header = jwt.get_unverified_header(parts[1])
    except Exception:  # PyJWT's DecodeError, or whatever else a stranger's bytes provoke
        return "the Bearer token is not a JWT"
    if header.get("alg") != "RS256":
        return "the token is not signed with RS256"
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        return "the token names no signing key (kid)"
    return None


def _refusal(refused: Refused, client: str) -> web.Response:
    log_refusal("Teams", client, refused)
    return web.Response(status=refused.status, text=_REASONS[refused.status])


async def _read_json_object(request: web.Request) -> dict[str, Any]:
    """The body as a JSON object. aiohttp stops reading at the app's client_max_size (also for
    chunked or compressed bodies) and keeps what it read for the SDK."""
    try:
        document = await request.json()
    except web.HTTPRequestEntityTooLarge:
        raise _too_large() from None
    except ValueError:  # not JSON, or not in the declared charset
        raise Refused(400, "the body is not JSON") from None
    except Exception as error:  # a broken chunked or compressed stream, an unknown charset
        raise Refused(400, f"the body could not be read ({type(error).__name__})") from None
    if not isinstance(document, dict):
        raise Refused(400, "the body is not a JSON object")
    return document


def guard_teams(
    messages: WebHandler,
    authenticate: Callable[[WebHandler], WebHandler],
    activity_problem: Callable[[dict[str, Any]], str | None],
    *,
    anonymous: bool,
) -> WebHandler:
    """POST /api/messages: `messages` (the SDK's turn) behind the SDK's JWT check
    (`authenticate`) behind the checks above. With authentication on, whatever goes wrong
    before the SDK has accepted the token is a 401. After it, a body for which
    `activity_problem` names a problem is a 400; errors of the turn itself stay with the app's
    error handler."""
    authenticated = web.RequestKey("g40.authenticated", bool)

    async def after_authentication(request: web.Request) -> web.StreamResponse:
        request[authenticated] = True
        problem = activity_problem(await _read_json_object(request))
        if problem is not None:
            raise Refused(400, problem)
        return await messages(request)

    checked = authenticate(after_authentication)

    async def edge(request: web.Request) -> web.StreamResponse:
        client = request.remote or "?"
        try:
            if (request.content_length or 0) > MAX_REQUEST_BYTES:
                raise _too_large()
            problem = bearer_token_problem(
                request.headers.get("Authorization"), anonymous=anonymous
            )
            if problem is not None:
                raise Refused(401, problem)
            try:
                response = await checked(request)
            except Refused:
                raise
            except Exception as error:
                if request.get(authenticated):
                    raise
                raise Refused(401, f"the token was not accepted ({type(error).__name__})") from None
            if not request.get(authenticated):
                raise Refused(401, "the SDK did not accept the token")
            return response
        except Refused as refused:
            return _refusal(refused, client)

    return edge
