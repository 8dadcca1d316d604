"""A local fake of the Bot Connector (the service behind an activity's `serviceUrl`).

It records every POST /v3/conversations/{id}/activities[/{replyToId}] and answers 201 with a
resource id, or the status a test queued for a conversation (403/404: the app was removed;
429 with Retry-After: 3). GET /v3/conversations/{id}/members/{userId} answers with the member a
test registered (`add_member`: their e-mail address, as Teams tells it), else 404; every
lookup is recorded.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Posted:
    conversation_id: str
    reply_to_id: str | None
    activity: dict[str, Any]
    authorization: str | None

    @property
    def card(self) -> dict[str, Any]:
        """The Adaptive Card the activity carries (fails the test when there is none)."""
        (attachment,) = self.activity["attachments"]
        assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
        return dict(attachment["content"])

    @property
    def card_text(self) -> str:
        """Every text a user sees on the card, one per line."""
        card = self.card
        texts = [shown_text(block) for block in card["body"]]
        texts += [action["title"] for action in card.get("actions", [])]
        return "\n".join(text for text in texts if text)


def shown_text(element: dict[str, Any]) -> str:
    """The text a card element shows: a TextBlock's, a RichTextBlock's runs joined, a FactSet's
    facts as "title: value" lines; "" for anything else."""
    if element.get("type") == "RichTextBlock":
        return "".join(
            run if isinstance(run, str) else str(run.get("text", ""))
            for run in element.get("inlines", [])
        )
    facts = [f"{fact['title']}: {fact['value']}" for fact in element.get("facts", [])]
    return "\n".join([str(element.get("text", "")), *facts]).strip("\n")


@dataclass(frozen=True)
class Lookup:
    conversation_id: str
    user_id: str


class FakeConnector:
    def __init__(self) -> None:
        self.posted: list[Posted] = []
        self.lookups: list[Lookup] = []
        self._members: dict[str, dict[str, Any]] = {}
        self._refusals: dict[str, list[int]] = defaultdict(list)
        self._lock = threading.Lock()
        connector = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = [unquote(part) for part in urlsplit(self.path).path.split("/") if part]
                if len(parts) != 5 or parts[:2] != ["v3", "conversations"] or parts[3] != "members":
                    self._answer(404, {"error": {"code": "NotFound"}})
                    return
                conversation_id, user_id = parts[2], parts[4]
                with connector._lock:
                    connector.lookups.append(Lookup(conversation_id, user_id))
                    member = connector._members.get(user_id)
                if member is None:
                    self._answer(404, {"error": {"code": "MemberNotFoundInConversation"}})
                    return
                self._answer(200, member)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                parts = [unquote(part) for part in urlsplit(self.path).path.split("/") if part]
                if len(parts) < 4 or parts[:2] != ["v3", "conversations"]:
                    self._answer(404, {"error": {"code": "NotFound"}})
                    return
                conversation_id = parts[2]
                reply_to = parts[4] if len(parts) > 4 else None
                status = connector._next_status(conversation_id)
                if status == 429:
                    self._answer(status, {"error": {"code": "Throttled"}}, {"Retry-After": "3"})
                    return
                if status >= 400:
                    self._answer(status, {"error": {"code": "Forbidden", "message": "removed"}})
                    return
                with connector._lock:
                    connector.posted.append(
                        Posted(conversation_id, reply_to, body, self.headers.get("Authorization"))
                    )
                self._answer(201, {"id": uuid.uuid4().hex})

            def _answer(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the tests read `posted`, not the access log."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # shutdown() waits for the loop to look up, every poll interval (0.5 s by default).
        serve = partial(self._server.serve_forever, poll_interval=0.01)
        self._thread = threading.Thread(target=serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def add_member(self, user: dict[str, str], email: str) -> None:
        """A member as GET …/members/{id} tells them: Teams id, Entra object id, name, e-mail."""
        member = {**user, "email": email, "userPrincipalName": email, "userRole": "user"}
        with self._lock:
            self._members[user["id"]] = member

    def refuse(self, conversation_id: str, status: int) -> None:
        """The next send to this conversation gets `status` (e.g. 403: the app was removed)."""
        with self._lock:
            self._refusals[conversation_id].append(status)

    def _next_status(self, conversation_id: str) -> int:
        with self._lock:
            queued = self._refusals.get(conversation_id)
            return queued.pop(0) if queued else 201

    def sent_to(self, conversation_id: str) -> list[Posted]:
        with self._lock:
            return [post for post in self.posted if post.conversation_id == conversation_id]

    def start(self) -> FakeConnector:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
