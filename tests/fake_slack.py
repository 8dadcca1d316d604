"""A local fake of the Slack Web API (and of response_url webhooks) on 127.0.0.1.

It records every call, answers the methods g40bot uses, and can be told to answer a method
with 429 + Retry-After a number of times.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    _failures: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _lock: threading.Condition = field(default_factory=threading.Condition)

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def fail_next(
        self, method: str, *, status: int = 429, retry_after: int = 1, times: int = 1
    ) -> None:
        with self._lock:
            self._failures.setdefault(method, []).extend([(status, retry_after)] * times)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._failures.clear()

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

    def _record(self, method: str, params: dict[str, Any]) -> tuple[int, int | None]:
        with self._lock:
            pending = self._failures.get(method)
            status, retry_after = pending.pop(0) if pending else (200, None)
            self.calls.append(Call(method, params, status))
            self._lock.notify_all()
            return status, retry_after

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
        if method in {"views.publish", "views.open"}:
            return {"ok": True, "view": {"id": "V1", **(params.get("view") or {})}}
        if method == "users.info":
            user = str(params.get("user"))
            return {"ok": True, "user": {"id": user, "locale": self.locales.get(user, "nl-NL")}}
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
            status, retry_after = fake._record(method, params)
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
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
