"""Abuse suite for Teams: hostile requests against the real aiohttp app and Agents SDK serving
/api/messages on a loopback port, with authentication on (as in production) and in anonymous
mode (local testing), replies going to the local fake Bot Connector, which records them. A
request that is not authenticated gets 401, a body that is not an activity 400, a body over the
limit 413; none is answered or remembered, and each costs one short log line without the
body's content or a traceback. Candidate text shows on cards exactly as typed."""

from __future__ import annotations

import base64
import gzip
import json
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.platforms.teams.app import MESSAGES_PATH, TeamsService, create_teams_service
from bot.platforms.teams.cards import SUBMIT_VERB
from bot.platforms.teams.config import teams_configuration as configure
from bot.runtime import Runtime
from bot.settings import TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID
from bot.store import Store
from tests.abuse import (
    MARKER,
    OVERSIZED_BYTES,
    Answer,
    assert_nothing_leaked,
    assert_one_short_line,
    chunks_of,
    send,
)
from tests.conftest import seeded_workbook
from tests.fake_teams_connector import FakeConnector
from tests.test_teams import CLIENT_ID, TENANT, TeamsHarness, running_teams, serving, settings_for
from tests.test_teams_candidacy import (
    STAFF,
    USER,
    CandidacyHarness,
    running_candidacy,
    submit_data,
    wait_for,
)

# --- harness ----------------------------------------------------------------------------------


@dataclass
class Endpoint:
    url: str
    connector: FakeConnector
    service: TeamsService
    store: Store

    def activity(self) -> dict[str, Any]:
        """A well-formed message whose text is the marker."""
        return TeamsHarness(self.url, self.connector, self.service, self.store).message(MARKER)

    def post(self, body: bytes | Any, headers: list[tuple[str, str]] | None = None) -> Answer:
        json_type = [("Content-Type", "application/json")]
        return send(self.url, MESSAGES_PATH, body, headers or json_type)

    def assert_untouched(self) -> None:
        assert self.connector.posted == []
        assert self.store.teams.all() == []


@pytest.fixture
def authenticated(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[Endpoint]:
    """Authentication on: what production runs."""
    settings = settings_for(
        tmp_path,
        **{TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_CLIENT_SECRET: "secret", TEAMS_TENANT_ID: TENANT},
    )
    seeded_workbook(settings.workbook)
    runtime = Runtime(settings)
    service = create_teams_service(configure(settings, environ={}), runtime)
    connector = FakeConnector().start()
    try:
        with serving(service.web_app) as url:
            caplog.set_level(logging.INFO)
            yield Endpoint(url, connector, service, runtime.store)
    finally:
        connector.stop()
        runtime.close()


@pytest.fixture
def anonymous(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[Endpoint]:
    """Anonymous mode: local testing only, but still no tracebacks and no oversized reads."""
    with running_teams(tmp_path) as harness:
        caplog.set_level(logging.INFO)
        yield Endpoint(harness.url, harness.connector, harness.service, harness.store)


def segment(document: Any) -> str:
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def token(header: Any, signature: str = "") -> str:
    claims = {
        "aud": CLIENT_ID,
        "iss": "https://api.botframework.com",
        "serviceurl": "http://127.0.0.1:9/",
        "note": MARKER,
        "exp": 4102444800,
    }
    return f"{segment(header)}.{segment(claims)}.{signature}"


FORGED = {
    "no Authorization header": None,
    "Basic credentials": "Basic " + base64.b64encode(MARKER.encode()).decode(),
    "empty Bearer": "Bearer ",
    "Bearer with two parts": f"Bearer {MARKER} {MARKER}",
    "not a JWT": f"Bearer {MARKER}",
    "header not JSON": "Bearer " + token(b"not json " + MARKER.encode()),
    "alg none without kid": "Bearer " + token({"alg": "none", "typ": "JWT"}),
    "alg none with kid": "Bearer " + token({"alg": "none", "typ": "JWT", "kid": "k1"}),
    "RS256 without kid": "Bearer " + token({"alg": "RS256", "typ": "JWT"}, "c2ln"),
    "RS256 with a kid that is not a string": "Bearer "
    + token({"alg": "RS256", "kid": {"x": MARKER}}, "c2ln"),
    "HS256 with kid": "Bearer " + token({"alg": "HS256", "typ": "JWT", "kid": "k1"}, "c2ln"),
}


# --- authentication on ------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(FORGED))
def test_a_forged_or_malformed_token_is_a_401_and_nothing_happens(
    authenticated: Endpoint, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    authorization = FORGED[case]
    headers = [("Content-Type", "application/json")]
    if authorization is not None:
        headers.append(("Authorization", authorization))

    answer = authenticated.post(json.dumps(authenticated.activity()).encode(), headers)

    assert answer.status == 401
    assert MARKER.encode() not in answer.body
    authenticated.assert_untouched()
    assert_one_short_line(caplog)


def test_an_oversized_body_is_refused_before_authentication_reads_it(
    authenticated: Endpoint, caplog: pytest.LogCaptureFixture
) -> None:
    big = MARKER.encode() * (OVERSIZED_BYTES // len(MARKER))

    answer = authenticated.post(big)

    assert answer.status == 413
    authenticated.assert_untouched()
    assert_one_short_line(caplog)


# --- anonymous mode ---------------------------------------------------------------------------

MALFORMED: dict[str, tuple[str, bytes]] = {
    "broken JSON": ("application/json", b'{"type": "message", "text": "' + MARKER.encode()),
    "a JSON array": ("application/json", json.dumps([MARKER]).encode()),
    "a JSON string": ("application/json", json.dumps(MARKER).encode()),
    "not an activity": (
        "application/json",
        json.dumps({"type": [MARKER], "conversation": MARKER, "from": 5}).encode(),
    ),
    "binary": ("application/json", b"\xff\xfe\x00" + MARKER.encode() + b"\x80"),
    "an unknown charset": ("application/json; charset=x-" + MARKER, b"{}"),
    "no conversation": ("application/json", json.dumps({"type": "message"}).encode()),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_body_that_is_not_an_activity_is_a_400_in_one_line(
    anonymous: Endpoint, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    content_type, body = MALFORMED[case]

    answer = anonymous.post(body, [("Content-Type", content_type)])

    assert answer.status == 400
    anonymous.assert_untouched()
    assert_one_short_line(caplog)


def test_oversized_bodies_are_refused_unread_or_read_no_further_than_the_limit(
    anonymous: Endpoint, caplog: pytest.LogCaptureFixture
) -> None:
    activity = json.dumps({**anonymous.activity(), "pad": "x" * OVERSIZED_BYTES}).encode()
    bomb = gzip.compress(b'{"text": "' + MARKER.encode() * (OVERSIZED_BYTES // 8) + b'"}')
    assert len(bomb) < 64 * 1024  # small on the wire, 2 MiB once unpacked
    json_type = ("Content-Type", "application/json")

    declared = anonymous.post(activity)
    chunked = anonymous.post(chunks_of(OVERSIZED_BYTES, b'{"a": 1}'), [json_type])
    unpacked = anonymous.post(bomb, [json_type, ("Content-Encoding", "gzip")])

    assert (declared.status, chunked.status, unpacked.status) == (413, 413, 413)
    anonymous.assert_untouched()
    assert_nothing_leaked(caplog)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("bot.platforms")]
    assert len(lines) == 3 and all("larger than" in line for line in lines)


NOT_HTTP = {
    "a request line over 8 KiB": b"GET /healthz?" + MARKER.encode() * 1200 + b" HTTP/1.1\r\n\r\n",
    "a header over 8 KiB": b"GET /healthz HTTP/1.1\r\nX-A: " + MARKER.encode() * 1200 + b"\r\n\r\n",
    "a Content-Length that is not a number": (
        b"POST /api/messages HTTP/1.1\r\nContent-Length: " + MARKER.encode() + b"\r\n\r\n"
    ),
    "a broken chunk": (
        b"POST /api/messages HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        + MARKER.encode()
        + b"\r\n"
    ),
}


@pytest.mark.parametrize("case", list(NOT_HTTP))
def test_a_request_that_is_not_valid_http_costs_one_line_without_a_traceback(
    anonymous: Endpoint, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    """aiohttp itself refuses these (400); anyone on the internet can send them, so each must
    cost one short line like any other refusal, not an ERROR with a traceback."""
    where = urlsplit(anonymous.url)
    with socket.create_connection((where.hostname or "", where.port or 80), timeout=10) as raw:
        raw.sendall(NOT_HTTP[case])
        answer = raw.recv(200)

    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400"), answer
    anonymous.assert_untouched()
    line = assert_one_short_line(caplog)
    assert line.startswith("Teams: refused a request from 127.0.0.1:") and line.endswith("(400)")


def test_a_well_formed_activity_is_still_answered(anonymous: Endpoint) -> None:
    activity = {**anonymous.activity(), "text": "wie heeft Europa?"}

    answer = anonymous.post(json.dumps(activity).encode())

    assert answer.status in (200, 202)
    (reply,) = anonymous.connector.posted
    assert "Gerdien Looman" in reply.card_text


# --- what users typed stays text on cards -----------------------------------------------------

HOSTILE_NAME = "[klik hier](https://evil.example)"
HOSTILE_MOTIVATION = (
    "**Vet** en _schuin_: [klik hier](https://evil.example) omdat ik de G40 wil verbinden.\n"
    "# Kop\n- een lijst\n1. genummerd"
)


def markdown_surfaces(node: Any) -> list[str]:
    """Every text on a card that Teams reads as Markdown: TextBlock texts and facts."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(str(node.get("text", "")))
        for fact in node.get("facts", []) if node.get("type") == "FactSet" else []:
            found += [str(fact.get("title", "")), str(fact.get("value", ""))]
        for value in node.values():
            found += markdown_surfaces(value)
    elif isinstance(node, list):
        for item in node:
            found += markdown_surfaces(item)
    return found


def literal_runs(node: Any) -> str:
    """The text of every TextRun on a card, which Teams shows as written."""
    if isinstance(node, dict):
        own = [str(node["text"])] if node.get("type") == "TextRun" else []
        return "".join(own + [literal_runs(value) for value in node.values()])
    if isinstance(node, list):
        return "".join(literal_runs(item) for item in node)
    return ""


@pytest.fixture
def candidacy(tmp_path: Path) -> Iterator[CandidacyHarness]:
    with running_candidacy(tmp_path, staff_teams_id=str(USER["aadObjectId"])) as harness:
        yield harness


def test_markdown_in_a_candidacy_stays_text_on_the_receipt_and_the_staff_notice(
    candidacy: CandidacyHarness,
) -> None:
    form = candidacy.say("kandidaat").card
    data = submit_data(form, name=HOSTILE_NAME, motivation=HOSTILE_MOTIVATION)

    receipt = candidacy.invoke(SUBMIT_VERB, data)
    wait_for(lambda: len(candidacy.connector.sent_to(STAFF)) >= 1)
    (notice,) = candidacy.connector.sent_to(STAFF)
    candidacy.post(candidacy.message("kandidaten", id="overview-1"))
    (overview,) = [p for p in candidacy.connector.posted if p.reply_to_id == "overview-1"]

    for card in (receipt, notice.card, overview.card):
        assert not any(
            "evil.example" in text or "**" in text for text in markdown_surfaces(card)
        ), card
    assert HOSTILE_NAME in literal_runs(receipt)
    assert "**Vet** en _schuin_" in literal_runs(receipt)
    assert HOSTILE_NAME in literal_runs(notice.card)
    assert HOSTILE_NAME in literal_runs(overview.card)


# --- a token the SDK accepts, an activity that names another service URL ------------------------

MICROSOFT_SERVICE_URL = "https://smba.trafficmanager.net/emea/"


@pytest.fixture
def signing_key(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A key the SDK trusts as the Bot Connector's: the JWKS lookup (the network edge) answers
    with its public half, so a token signed with it passes the SDK's signature check."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt import PyJWK
    from jwt.algorithms import RSAAlgorithm
    from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import (
        JwtTokenValidator,
    )

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(RSAAlgorithm.to_jwk(private.public_key()))

    async def trusted_key(_jwks_uri: str, _header: dict[str, Any]) -> PyJWK:
        return PyJWK({**public, "kid": "g40-test", "alg": "RS256", "use": "sig"})

    manager = JwtTokenValidator._jwk_client_manager
    monkeypatch.setattr(manager, "get_signing_key", trusted_key)
    return private


def connector_token(private: Any, service_url: str) -> str:
    import time

    import jwt

    now = int(time.time())
    claims = {
        "aud": CLIENT_ID,
        "iss": "https://api.botframework.com",
        "serviceurl": service_url,
        "nbf": now - 60,
        "exp": now + 600,
    }
    return jwt.encode(claims, private, algorithm="RS256", headers={"kid": "g40-test"})


@pytest.mark.parametrize(
    "claimed", [MICROSOFT_SERVICE_URL, "http://127.0.0.1:9/"], ids=["microsoft", "the same"]
)
def test_an_authenticated_activity_naming_a_service_url_not_microsofts_is_refused(
    authenticated: Endpoint, signing_key: Any, claimed: str
) -> None:
    """With authentication on, replies (and the member lookup that decides who is staff) go to
    the activity's serviceUrl: one that is not Microsoft's is refused, whatever the token says,
    so nobody can make the bot post or look people up elsewhere."""
    activity = {**authenticated.activity(), "text": "kandidaten"}
    claimed = claimed if claimed == MICROSOFT_SERVICE_URL else authenticated.connector.url
    token = connector_token(signing_key, claimed)
    headers = [("Content-Type", "application/json"), ("Authorization", f"Bearer {token}")]

    answer = authenticated.post(json.dumps(activity).encode(), headers)

    assert answer.status == 401
    authenticated.assert_untouched()
    assert authenticated.connector.lookups == []
