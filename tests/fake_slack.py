"""A local fake of the Slack Web API (and of response_url webhooks) on 127.0.0.1.

It records every call, answers the methods g40bot uses, and can be told to answer a method
with 429 + Retry-After a number of times, or every Nth call. Like Slack, once it has answered
429 for a channel it keeps answering 429 for that channel until the Retry-After has passed,
and records such too-early calls in `early` (by `clock`, which tests may replace with a virtual
one).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER_ID = "UBOT0G40"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int


@dataclass
class FakeSlack:
    url: str = ""
    calls: list[Call] = field(default_factory=list)
    locales: dict[str, str] = field(default_factory=dict)
    # users.info profiles (real_name, email) by user id, as a workspace would have them.
    profiles: dict[str, dict[str, str]] = field(default_factory=dict)
    _failures: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    _lock: threading.Condition = field(default_factory=threading.Condition)
    clock: Callable[[], float] = time.monotonic
    early: list[Call] = field(default_factory=list)
    _every: dict[str, tuple[int, int]] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _blocked: dict[tuple[str, str], float] = field(default_factory=dict)
    _errors: dict[str, str] = field(default_factory=dict)

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        error: str = "ratelimited",
    ) -> None:
        """The next `times` calls of `method` fail: HTTP `status` (a 200 answers ok=false with
        `error`, as Slack does for e.g. not_in_channel)."""
        with self._lock:
            self._failures.setdefault(method, []).extend([(status, retry_after, error)] * times)

    def fail_every(self, method: str, every: int, *, retry_after: int = 1) -> None:
        """Every `every`-th call of `method` answers 429 with Retry-After: `retry_after`."""
        with self._lock:
            self._every[method] = (every, retry_after)

    def fail_channel(self, channel: str, error: str) -> None:
        """chat.postMessage to `channel` always answers ok=false with `error`."""
        with self._lock:
            self._errors[channel] = error

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._failures.clear()
            self.early.clear()
            self._every.clear()
            self._counts.clear()
            self._blocked.clear()
            self._errors.clear()

    def delivered(self, method: str) -> list[dict[str, Any]]:
        """Parameters of the successful calls of `method`, in order."""
        with self._lock:
            return [c.params for c in self.calls if c.method == method and c.status == 200]

    def attempts(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c.params for c in self.calls if c.method == method and c.status == 200]
                if len(found) >= count or time.monotonic() > deadline:
                    return found
                self._lock.wait(0.05)

    def _record(self, method: str, params: dict[str, Any]) -> tuple[int, int | None, str]:
        with self._lock:
            count = self._counts[method] = self._counts.get(method, 0) + 1
            channel = str(params.get("channel") or "")
            now = self.clock()
            blocked_until = self._blocked.get((method, channel), now)
            pending = self._failures.get(method)
            status: int
            retry_after: int | None
            error = ""
            if now < blocked_until:
                status, retry_after = 429, max(1, math.ceil(blocked_until - now))
                self.early.append(Call(method, params, status))
            elif pending:
                status, retry_after, error = pending.pop(0)
            elif method in self._every and count % self._every[method][0] == 0:
                status, retry_after = 429, self._every[method][1]
            elif method == "chat.postMessage" and channel in self._errors:
                status, retry_after, error = 200, None, self._errors[channel]
            else:
                status, retry_after = 200, None
            if status == 429 and retry_after is not None:
                self._blocked[(method, channel)] = now + retry_after
            # A 200 carrying an error is a failed call too: record it as such.
            self.calls.append(Call(method, params, 400 if error and status == 200 else status))
            self._lock.notify_all()
            return status, retry_after, error

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "user_id": BOT_USER_ID,
                "bot_id": "BBOT",
                "team_id": "T0G40",
                "user": "g40bot",
                "team": "G40",
                "url": "https://g40.slack.com/",
            }
        if method == "chat.postMessage":
            return {
                "ok": True,
                "channel": params.get("channel"),
                "ts": f"{time.time():.6f}",
                "message": {"text": params.get("text")},
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{time.time():.6f}"}
        if method in {"views.publish", "views.open", "views.update"}:
            view_id = str(params.get("view_id") or "V1")
            view = {"id": view_id, "hash": f"{time.time():.6f}.h", **(params.get("view") or {})}
            return {"ok": True, "view": view}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users"))}}
        if method == "users.info":
            user = str(params.get("user"))
            profile = self.profiles.get(user, {})
            return {
                "ok": True,
                "user": {
                    "id": user,
                    "locale": self.locales.get(user, "nl-NL"),
                    "real_name": profile.get("real_name", ""),
                    "profile": profile,
                },
            }
        return {"ok": False, "error": "unknown_method"}


def _params(handler: BaseHTTPRequestHandler) -> dict[str, Any]:
    query = dict(parse_qsl(urlsplit(handler.path).query))
    length = int(handler.headers.get("Content-Length") or 0)
    raw = handler.rfile.read(length).decode() if length else ""
    if not raw:
        return query
    if (handler.headers.get("Content-Type") or "").startswith("application/json"):
        return {**query, **json.loads(raw)}
    form: dict[str, Any] = dict(parse_qsl(raw))
    for key in ("blocks", "view"):
        if isinstance(form.get(key), str):
            form[key] = json.loads(form[key])
    return {**query, **form}


@contextmanager
def running_fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def _handle(self) -> None:
            path = urlsplit(self.path).path
            params = _params(self)
            if path.startswith("/response/"):
                method, body = "response_url", b"ok"
            else:
                method = path.removeprefix("/api/")
                body = b""
            status, retry_after, error = fake._record(method, params)
            if status == 200 and error:
                payload = json.dumps({"ok": False, "error": error}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            if status != 200:
                self.send_response(status)
                if retry_after is not None:
                    self.send_header("Retry-After", str(retry_after))
                self.send_header("Content-Type", "application/json")
                payload = json.dumps({"ok": False, "error": "ratelimited"}).encode()
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            if method != "response_url":
                body = json.dumps(fake.answer(method, params)).encode()
            self.send_response(200)
            self.send_header(
                "Content-Type", "application/json" if method != "response_url" else "text/plain"
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = _handle
        do_GET = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    # shutdown() waits for the loop to look up, every poll interval (0.5 s by default).
    thread = threading.Thread(target=partial(server.serve_forever, poll_interval=0.01), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
