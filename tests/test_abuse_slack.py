"""Abuse suite for Slack: hostile requests against the real server `g40bot serve slack` runs
(waitress with its limits, the edge, Bolt's handler) on a loopback port, with Web API calls and
response_url POSTs going to the local fake Slack, which records them. Whatever is not signed
by Slack must get 401 (413 when too large), make no Web API call and no response_url POST, and
cost one short log line without the body's content or a traceback."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

import pytest
import time_machine
from slack_bolt import BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress.server import create_server

from bot.handlers.ask import AskHandler
from bot.platforms.edge import MAX_REQUEST_BYTES
from bot.platforms.slack.app import (
    SlackService,
    build_slack_service,
    create_slack_app,
    http_server,
)
from bot.runtime import Runtime
from tests.abuse import (
    MARKER,
    OVERSIZED_BYTES,
    Answer,
    assert_nothing_leaked,
    assert_one_short_line,
    chunks_of,
    request_path_records,
    send,
)
from tests.cli import Outcome, g40bot, only_settings
from tests.conftest import VirtualTime
from tests.fake_slack import BOT_USER_ID, FakeSlack, running_fake_slack
from tests.test_slack import SECRET, BrokenSheet, running, settings_for, write_workbook

EVENTS = "/slack/events"
VICTIM = "C0VICTIM"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


# --- harness ----------------------------------------------------------------------------------


def signature(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def now() -> str:
    return str(int(time.time()))


@dataclass
class Target:
    fake: FakeSlack
    service: SlackService
    url: str
    tmp: Path

    def post(self, body: bytes, headers: list[tuple[str, str]], url: str | None = None) -> Answer:
        return send(url or self.url, EVENTS, body, headers)

    def signed(self, body: bytes, content_type: str, url: str | None = None) -> Answer:
        stamp = now()
        return self.post(
            body,
            [
                ("Content-Type", content_type),
                ("X-Slack-Request-Timestamp", stamp),
                ("X-Slack-Signature", signature(body, stamp)),
            ],
            url,
        )

    def assert_untouched(self) -> None:
        """No Web API call, no response_url POST: nothing was acted on."""
        assert self.service.background.wait_idle(15)
        assert self.fake.calls == []

    # Hostile bodies: each names a channel to post in and a response_url to POST to.

    def mention(self) -> bytes:
        event = {
            "type": "app_mention",
            "user": "UATTACKER",
            "text": f"<@{BOT_USER_ID}> {MARKER}",
            "ts": "1764250000.000100",
            "channel": VICTIM,
        }
        body = {
            "type": "event_callback",
            "team_id": "T0G40",
            "event_id": "Ev0ABUSE",
            "event": event,
            "response_url": self.fake.response_url("victim"),
        }
        return json.dumps(body).encode()

    def command(self, text: str = MARKER, user: str = "UATTACKER") -> bytes:
        fields = {
            "command": "/g40",
            "text": text,
            "team_id": "T0G40",
            "channel_id": VICTIM,
            "user_id": user,
            "response_url": self.fake.response_url("victim"),
            "trigger_id": "1337.42.abcd",
        }
        return urlencode(fields).encode()

    def block_action(self) -> bytes:
        payload = {
            "type": "block_actions",
            "user": {"id": "UATTACKER"},
            "channel": {"id": VICTIM},
            "response_url": self.fake.response_url("victim"),
            "actions": [{"action_id": "g40_share", "value": json.dumps({"q": MARKER})}],
        }
        return urlencode({"payload": json.dumps(payload)}).encode()

    def view_submission(self) -> bytes:
        payload = {
            "type": "view_submission",
            "user": {"id": "UATTACKER"},
            "view": {"callback_id": "g40_candidacy", "private_metadata": MARKER},
            "response_urls": [{"response_url": self.fake.response_url("victim")}],
        }
        return urlencode({"payload": json.dumps(payload)}).encode()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    tmp = tmp_path_factory.mktemp("abuse-slack")
    write_workbook(tmp / "werkboek.xlsx")
    with running_fake_slack() as fake:
        service = build_slack_service(settings_for(fake, tmp / "werkboek.xlsx", tmp / "g40.db"))
        try:
            with running(http_server(service, "127.0.0.1", 0)) as url:
                yield Target(fake, service, url, tmp)
        finally:
            service.close()


@pytest.fixture
def slack(served: Target, caplog: pytest.LogCaptureFixture) -> Iterator[Target]:
    served.fake.reset()
    caplog.set_level(logging.INFO)
    yield served
    # A verified request's work after the ack (learning the user's locale) ends in its test.
    assert served.service.background.wait_idle(15)


# --- forged timestamps: the error handler must never act ---------------------------------------

BODIES = {
    "mention": ("mention", JSON),
    "command": ("command", FORM),
    "block_action": ("block_action", FORM),
    "view_submission": ("view_submission", FORM),
}


@pytest.mark.parametrize("kind", list(BODIES))
@pytest.mark.parametrize("stamp", ["abc", "1764250000.5", "", "0x10", "١٢٣"])
def test_an_unusable_timestamp_makes_the_bot_do_nothing(
    slack: Target, caplog: pytest.LogCaptureFixture, kind: str, stamp: str
) -> None:
    maker, content_type = BODIES[kind]
    body = getattr(slack, maker)()

    answer = slack.post(
        body,
        [
            ("Content-Type", content_type),
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", signature(body, stamp)),
        ],
    )

    assert answer.status == 401
    assert MARKER.encode() not in answer.body and b"Sorry" not in answer.body
    slack.assert_untouched()
    assert_one_short_line(caplog)


# --- forged, replayed and odd signatures --------------------------------------------------------


def forged_headers(body: bytes) -> dict[str, list[tuple[str, str]]]:
    stamp = now()
    old, future = str(int(time.time()) - 6 * 60), str(int(time.time()) + 6 * 60)
    right = signature(body, stamp)
    return {
        "no signature headers": [],
        "no signature": [("X-Slack-Request-Timestamp", stamp)],
        "no timestamp": [("X-Slack-Signature", right)],
        "wrong secret": [
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", signature(body, stamp, "not-the-signing-secret")),
        ],
        "signature of another body": [
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", signature(body + b"&x=1", stamp)),
        ],
        "v1 prefix": [
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", "v1=" + right.removeprefix("v0=")),
        ],
        "uppercase hex": [
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", right.upper()),
        ],
        "replayed after 6 minutes": [
            ("X-Slack-Request-Timestamp", old),
            ("X-Slack-Signature", signature(body, old)),
        ],
        "6 minutes in the future": [
            ("X-Slack-Request-Timestamp", future),
            ("X-Slack-Signature", signature(body, future)),
        ],
        "huge timestamp": [
            ("X-Slack-Request-Timestamp", "9" * 30),
            ("X-Slack-Signature", signature(body, "9" * 30)),
        ],
        "negative timestamp": [
            ("X-Slack-Request-Timestamp", "-" + stamp),
            ("X-Slack-Signature", signature(body, "-" + stamp)),
        ],
        "two timestamps": [
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", right),
        ],
        "two signatures": [
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", right),
            ("X-Slack-Signature", right),
        ],
    }


@pytest.mark.parametrize("case", list(forged_headers(b"")))
def test_forged_replayed_and_odd_signatures_are_refused(
    slack: Target, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    body = slack.command()

    answer = slack.post(body, [("Content-Type", FORM), *forged_headers(body)[case]])

    assert answer.status == 401
    slack.assert_untouched()
    assert_one_short_line(caplog)


def test_a_request_replayed_later_is_refused(
    slack: Target, caplog: pytest.LogCaptureFixture
) -> None:
    body = slack.command("wie heeft Europa?", user="UASKER")
    stamp = now()
    headers = [
        ("Content-Type", FORM),
        ("X-Slack-Request-Timestamp", stamp),
        ("X-Slack-Signature", signature(body, stamp)),
    ]
    assert slack.post(body, headers).status == 200
    caplog.clear()

    with time_machine.travel(time.time() + 5 * 60 + 2, tick=True):
        replayed = slack.post(body, headers)

    assert replayed.status == 401
    assert_one_short_line(caplog, marker="Europa")


def test_slacks_unsigned_certificate_check_is_answered_and_goes_no_further(
    slack: Target, caplog: pytest.LogCaptureFixture
) -> None:
    smuggled = urlencode({"ssl_check": "1", "payload": slack.mention().decode()}).encode()

    check = slack.post(b"ssl_check=1&token=legacy", [("Content-Type", FORM)])
    carrying = slack.post(smuggled, [("Content-Type", FORM)])
    other_value = slack.post(b"ssl_check=true&" + slack.command(), [("Content-Type", FORM)])

    assert (check.status, other_value.status) == (200, 401)
    assert carrying.status in (200, 401)  # a check, or a forgery: either way it goes no further
    slack.assert_untouched()
    assert_one_short_line(caplog)  # the refused one; a certificate check is not a refusal


# --- malformed bodies -------------------------------------------------------------------------

MALFORMED = {
    "broken JSON": (JSON, b'{"type": "event_callback", "event": {"text": "' + MARKER.encode()),
    "payload garbage": (FORM, b"payload=" + MARKER.encode() + b"%7B%7B"),
    "payload not an object": (FORM, b"payload=%5B%22" + MARKER.encode() + b"%22%5D"),
    "binary": (JSON, b"\xff\xfe\x00" + MARKER.encode() + b"\x80\x81"),
    "text/plain": ("text/plain", b'{"type": "url_verification", "challenge": "' + MARKER.encode()),
    "multipart": ("multipart/form-data; boundary=x", b"--x\r\n" + MARKER.encode() + b"\r\n--x--"),
    "no content type": ("", b"command=%2Fg40&text=" + MARKER.encode()),
    "empty": (JSON, b""),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_unsigned_bodies_are_refused(
    slack: Target, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    content_type, body = MALFORMED[case]
    headers = [("Content-Type", content_type)] if content_type else []
    stamp = now()

    answer = slack.post(
        body,
        [
            *headers,
            ("X-Slack-Request-Timestamp", stamp),
            ("X-Slack-Signature", signature(b"something else", stamp)),
        ],
    )

    assert answer.status == 401
    slack.assert_untouched()
    assert_one_short_line(caplog)


@pytest.mark.parametrize("case", ["broken JSON", "payload garbage", "binary"])
def test_a_signed_body_bolt_cannot_read_is_a_400_in_one_line(
    slack: Target, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    content_type, body = MALFORMED[case]

    answer = slack.signed(body, content_type)

    assert answer.status == 400
    slack.assert_untouched()
    assert_one_short_line(caplog)


# --- size -------------------------------------------------------------------------------------


def test_an_oversized_body_is_refused_by_the_server_before_it_is_read(
    slack: Target, caplog: pytest.LogCaptureFixture
) -> None:
    stamp = now()
    headers = [("Content-Type", FORM), ("X-Slack-Request-Timestamp", stamp)]
    big = b"text=" + MARKER.encode() * (OVERSIZED_BYTES // len(MARKER))

    declared = slack.post(big, [*headers, ("X-Slack-Signature", signature(big, stamp))])
    chunked = send(slack.url, EVENTS, chunks_of(OVERSIZED_BYTES, MARKER.encode()), headers)
    # A length no one sends: refused on the headers, the body is never awaited.
    absurd = send(slack.url, EVENTS, b"", [*headers, ("Content-Length", str(10**12))])

    assert (declared.status, chunked.status, absurd.status) == (413, 413, 413)
    slack.assert_untouched()
    assert_nothing_leaked(caplog)
    assert len(request_path_records(caplog)) <= 3


def test_the_edge_bounds_the_body_under_any_wsgi_server(
    slack: Target, caplog: pytest.LogCaptureFixture
) -> None:
    # A plain waitress without max_request_body_size stands in for another WSGI server.
    with running(create_server(slack.service.wsgi(), host="127.0.0.1", port=0)) as url:
        stamp = now()
        headers = [("Content-Type", FORM), ("X-Slack-Request-Timestamp", stamp)]
        big = b"text=" + MARKER.encode() * (OVERSIZED_BYTES // len(MARKER))
        answer = slack.post(big, [*headers, ("X-Slack-Signature", signature(big, stamp))], url)

    assert answer.status == 413
    slack.assert_untouched()
    assert "larger than" in assert_one_short_line(caplog)


def test_a_signed_request_up_to_the_limit_is_answered_and_one_byte_more_is_not(
    slack: Target,
) -> None:
    question = "wie heeft Europa? "
    padded = slack.command(question, user="UASKER")
    padded += b"&pad=" + b"x" * (MAX_REQUEST_BYTES - len(padded) - len(b"&pad="))
    assert len(padded) == MAX_REQUEST_BYTES

    answered = slack.signed(padded, FORM)
    refused = slack.signed(padded + b"x", FORM)

    assert answered.status == 200 and "Gerdien Looman" in answered.body.decode()
    assert refused.status == 413


# --- the error handler behind Bolt alone ------------------------------------------------------


def test_the_error_handler_ignores_an_unverified_request_even_without_the_edge(
    slack: Target, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(slack.fake, slack.tmp / "werkboek.xlsx", slack.tmp / "g40.db")
    runtime = Runtime(settings)
    app = create_slack_app(settings, runtime)
    slack.fake.reset()  # Bolt's auth.test at start
    try:
        with running(create_server(SlackRequestHandler(app), host="127.0.0.1", port=0)) as url:
            body = slack.mention()
            headers = [
                ("Content-Type", JSON),
                ("X-Slack-Request-Timestamp", "abc"),
                ("X-Slack-Signature", signature(body, "abc")),
            ]
            answer = slack.post(body, headers, url)
            assert runtime.background.wait_idle(15)
    finally:
        runtime.close()

    assert answer.status == 401
    slack.assert_untouched()
    assert_nothing_leaked(caplog)
    assert any("unverified" in r.getMessage() for r in request_path_records(caplog))


def test_socket_mode_requests_still_get_their_apology(slack: Target) -> None:
    """Socket Mode has no signature (the socket is authenticated): its failures are still
    answered, in the ack, as before."""
    settings = settings_for(slack.fake, slack.tmp / "werkboek.xlsx", slack.tmp / "g40.db")
    runtime = Runtime(settings)
    runtime.chat = replace(runtime.chat, ask=AskHandler(BrokenSheet()))
    app = create_slack_app(settings, runtime, socket_mode=True)
    command = {
        "command": "/g40",
        "text": "wie heeft Europa?",
        "team_id": "T0G40",
        "channel_id": "C0GENERAL",
        "user_id": "UASKER",
        "response_url": slack.fake.response_url("socket"),
        "trigger_id": "1337.42.abcd",
    }
    try:
        response = app.dispatch(BoltRequest(body=command, mode="socket_mode"))
    finally:
        runtime.close()

    assert response.status == 200
    assert json.loads(response.body)["text"].startswith("Sorry, daar ging iets mis")


# --- what already held: staff-only commands ---------------------------------------------------


@pytest.mark.parametrize("command", ["herladen", "kandidaten"])
def test_staff_only_commands_are_refused_to_others(slack: Target, command: str) -> None:
    slack.fake.profiles["UNOSY"] = {"real_name": "Nieuwsgierig", "email": "nosy@almere.nl"}

    answer = slack.signed(slack.command(command, user="UNOSY"), FORM)
    slack.service.background.wait_idle(15)

    assert answer.status == 200
    shown = answer.body.decode() + json.dumps(slack.fake.delivered("response_url"))
    assert "alleen voor het secretariaat" in shown
    assert "Sheet opnieuw gelezen" not in shown


def test_health_check_passes_the_edge_untouched(slack: Target) -> None:
    answer = send(slack.url, "/healthz", method="GET")

    assert answer.status == 200


# --- start-up against an unusable Slack -------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_slack(tmp_path: Path, api_url: str) -> Outcome:
    env = only_settings(
        G40_WORKBOOK=str(tmp_path / "wb.xlsx"),
        DATABASE_URL=f"sqlite:///{tmp_path}/db",
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=api_url,
        PORT=str(closed_port()),
    )
    return g40bot("serve", "slack", env=env, cwd=tmp_path)


def test_serve_slack_with_slack_unreachable_stops_with_one_line(
    tmp_path: Path, retry_clock: VirtualTime
) -> None:
    result = start_slack(tmp_path, f"http://127.0.0.1:{closed_port()}/api/")

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "SLACK_API_URL" in lines[0] and "niet bereikbaar" in lines[0]


def test_serve_slack_with_a_refused_token_stops_with_one_line(tmp_path: Path) -> None:
    with running_fake_slack() as fake:
        fake.fail_next("auth.test", status=200, error="invalid_auth")
        result = start_slack(tmp_path, fake.api_url)

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "SLACK_BOT_TOKEN" in lines[0] and "invalid_auth" in lines[0]
