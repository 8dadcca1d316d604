"""Shared by the abuse suites (tests/test_abuse_slack.py, tests/test_abuse_teams.py): raw HTTP
requests as an attacker sends them, and what the log may say about a refused one."""

from __future__ import annotations

import http.client
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

# In every hostile body: it must never show up in a log line, a reply or a Web API call.
MARKER = "ABUSE-MARKER-7f3c"
# Far above anything Slack or Teams sends, and above any sane limit.
OVERSIZED_BYTES = 2 * 1024 * 1024
# Loggers on a request's path; background work (a sheet refresh) may log elsewhere meanwhile.
# aiohttp's access log (one line per request, no body) is not a refusal line.
REQUEST_PATH_LOGGERS = (
    "bot.platforms",
    "slack_bolt",
    "slack_sdk",
    "waitress",
    "aiohttp.server",
    "aiohttp.web",
    "microsoft_agents",
)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


def send(
    url: str,
    path: str,
    body: bytes | Iterable[bytes] = b"",
    headers: Iterable[tuple[str, str]] = (),
    *,
    method: str = "POST",
) -> Answer:
    """One request exactly as given: repeated headers stay repeated; an iterable body goes out
    chunked. A server that answers before reading it all may close the connection meanwhile."""
    where = urlsplit(url)
    connection = http.client.HTTPConnection(where.hostname or "", where.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        chunked = not isinstance(body, bytes)
        sent = list(headers)
        for name, value in sent:
            # Beyond latin-1 (Arabic-Indic digits, say): the UTF-8 bytes, as a client sends them.
            connection.putheader(name, value.encode())
        if chunked:
            connection.putheader("Transfer-Encoding", "chunked")
        elif not any(name.lower() == "content-length" for name, _ in sent):
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        try:
            if isinstance(body, bytes):
                connection.send(body)
            else:
                for chunk in body:
                    connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                connection.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before the body was read: the answer is waiting
        response = connection.getresponse()
        return Answer(response.status, response.read())
    finally:
        connection.close()


def chunks_of(size: int, piece: bytes) -> Iterator[bytes]:
    """`size` bytes in 64 KiB chunks, each made of `piece`."""
    left = size
    while left > 0:
        length = min(left, 64 * 1024)
        yield (piece * (length // len(piece) + 1))[:length]
        left -= length


def request_path_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(REQUEST_PATH_LOGGERS)]


def assert_nothing_leaked(caplog: pytest.LogCaptureFixture, marker: str = MARKER) -> None:
    """No log line (of any logger) holds the body's content, and none carries a traceback."""
    for record in caplog.records:
        text = record.getMessage()
        assert marker not in text, f"body content logged by {record.name}: {text[:200]}"
        assert record.exc_info is None, f"traceback logged by {record.name}: {text[:200]}"
        assert "Traceback" not in text


def assert_one_short_line(caplog: pytest.LogCaptureFixture, marker: str = MARKER) -> str:
    """The refusal is exactly one short log line on the request's path, without the body."""
    assert_nothing_leaked(caplog, marker)
    lines = [record.getMessage() for record in request_path_records(caplog)]
    assert len(lines) == 1, lines
    [line] = lines
    assert "\n" not in line and len(line) < 200, line
    return line
