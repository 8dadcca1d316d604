"""Drivers for the contract suite: one per platform, each using the platform the way a person
does — typing a line, pressing a button, filling in and submitting the candidacy form — and
reporting what that person then sees, in the same neutral terms on every platform.

- Console: the real console session (bot/platforms/console.py) on a real runtime, its prompts
  answered as a person would, reading what it printed.
- Slack: the real Bolt app behind its real HTTP adapter in a real waitress server, requests
  signed as Slack signs them, what the bot sends caught by the local fake Slack Web API.
- Teams: the real Agents SDK app on aiohttp (anonymous mode), activities posted as the Bot
  Connector posts them, replies caught by the local fake connector.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bot.forms import REPLACE_FIELD
from bot.handlers.chat import Person
from bot.i18n import say
from bot.models import RawCell
from bot.platforms.console import PLATFORM, ConsoleChat
from bot.reply import ActionKind
from bot.runtime import Runtime
from bot.settings import Settings
from bot.sheets import LocalWorkbook
from tests.fake_slack import FakeSlack

ANNA = "anna"
STAFF = "staff"  # listed in Beheerders by this platform's chat id
STAFF_EMAIL = "secretaris@g40stedennetwerk.nl"  # in the seed's Beheerders by e-mail


@dataclass
class Seen:
    """What the person sees after one step: all the text shown to them (messages, cards, the
    form's notices and errors), the buttons offered, and the form if one is open."""

    text: str = ""
    buttons: list[tuple[ActionKind | str, str]] = field(default_factory=list)
    form_fields: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def form_open(self) -> bool:
        return bool(self.form_fields)


class Driver(Protocol):
    name: str
    workbook: Path

    def say(self, text: str, *, user: str = ANNA) -> Seen:
        """The person types `text` (a question or a command) where they talk to the bot."""
        ...

    def submit(
        self, answers: dict[str, str | bool], *, user: str = ANNA, replace: bool | None = None
    ) -> Seen:
        """The person opens the candidacy form ("kandidaat"), fills in `answers` (by field
        name, choices by value) and submits; `replace` answers the question to replace an
        earlier candidacy if the form asks it. What they see after submitting."""
        ...

    def press(self, kind: ActionKind, *, user: str = ANNA, label: str = "") -> Seen:
        """The person presses the first button of this kind that the bot last showed them
        (confirming when asked); with `label`, the one showing that label. Where there are no
        buttons for questions (the console), they type what the text says instead."""
        ...


def rows(workbook: Path) -> list[dict[str, RawCell]]:
    header, *found = LocalWorkbook(workbook).read_tab("Kandidaturen")
    return [dict(zip([str(h) for h in header], row, strict=False)) for row in found]


# --- the console --------------------------------------------------------------------------------


@dataclass
class ConsoleDriver:
    runtime: Runtime
    workbook: Path
    name: str = "console"
    sessions: dict[str, ConsoleChat] = field(default_factory=dict)
    printed: list[str] = field(default_factory=list)
    answers: dict[str, str | bool] = field(default_factory=dict)
    replace: bool | None = None
    answered: int = 0  # how much of `printed` the person had read at their last answer
    started: int = 0  # where the current step's output begins

    def session(self, user: str) -> ConsoleChat:
        if user not in self.sessions:
            # Staff at a terminal are known by the e-mail address they set (G40_CONSOLE_USER).
            email = STAFF_EMAIL if user == STAFF else ""
            self.sessions[user] = ConsoleChat(
                self.runtime.chat, Person(PLATFORM, user, email=email), self.read, out=self.out
            )
        return self.sessions[user]

    def out(self, text: str) -> None:
        self.printed.append(text)

    def read(self) -> str | None:
        """Answer the prompt just printed, as the person would."""
        prompt = "\n".join(self.printed[self.answered :])
        self.answered = len(self.printed)
        chat = self.runtime.chat
        view = chat.candidacy.form("nl")
        if say("nl", "cand_console_submit") in prompt:
            return "ja"
        if view.replace is None and say("nl", "cand_console_replace") in prompt:
            return "ja" if self.replace else "nee"
        if prompt.endswith(say("nl", "yes_no")):  # a button's confirmation
            return "ja"
        for field_view in view.fields:
            if field_view.prompt in prompt:
                if self._refused(field_view.prompt):
                    return "stop"  # the person gives up after a refusal
                value = self.answers.get(field_view.name, "")
                if isinstance(value, bool):
                    return "ja" if value else "nee"
                return value
        return "stop"

    def _refused(self, prompt: str) -> bool:
        """The same field asked again: its answer was refused."""
        return sum(prompt in line for line in self.printed[self.started :]) > 1

    def _seen(self, before: int, user: str) -> Seen:
        shown = self.printed[before:]
        text = "\n".join(shown)
        errors = {}
        view = self.runtime.chat.candidacy.form("nl")
        fields = [f.name for f in view.fields if any(f.prompt in line for line in shown)]
        for field_view in view.fields:
            for index, line in enumerate(shown[:-1]):
                asked_again = field_view.prompt in line and any(
                    field_view.prompt in later for later in shown[index + 1 :]
                )
                if asked_again:
                    errors[field_view.name] = shown[index + 1]
                    break
        buttons = [(a.kind, a.label) for a in self.session(user).numbered]
        return Seen(text, buttons, fields if errors else [], errors)

    def say(self, text: str, *, user: str = ANNA) -> Seen:
        before = self.started = self.answered = len(self.printed)
        self.session(user).take(text)
        return self._seen(before, user)

    def submit(
        self, answers: dict[str, str | bool], *, user: str = ANNA, replace: bool | None = None
    ) -> Seen:
        self.answers, self.replace = answers, replace
        return self.say("kandidaat", user=user)

    def press(self, kind: ActionKind, *, user: str = ANNA, label: str = "") -> Seen:
        session = self.session(user)
        if kind == "ask" and label:
            # The text numbers the readings to choose from and says to type 'meer' for more.
            shown = "\n".join(self.printed[self.started :])
            typed = re.search(rf"^(\d+)\. {re.escape(label)}$", shown, re.MULTILINE)
            return self.say(typed[1] if typed else "meer", user=user)
        number = next(i for i, a in enumerate(session.numbered, start=1) if a.kind == kind)
        return self.say(str(number), user=user)


@contextmanager
def console_driver(settings: Settings) -> Iterator[ConsoleDriver]:
    with Runtime(settings) as runtime:
        yield ConsoleDriver(runtime, settings.workbook)


# --- Slack --------------------------------------------------------------------------------------


SLACK_USERS = {ANNA: "UANNA", STAFF: "USTAFF"}


@dataclass
class SlackDriver:
    app: Any  # tests.test_candidacy_slack.CandidacyApp-like: post(), command(), action()
    fake: FakeSlack
    workbook: Path
    name: str = "slack"
    last: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def _user(self, user: str) -> str:
        return SLACK_USERS.get(user, "U" + user.upper())

    def _messages_since(self, before: dict[str, int]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for method in ("chat.postMessage", "chat.postEphemeral", "response_url"):
            found += self.fake.delivered(method)[before.get(method, 0) :]
        return found

    def _counts(self) -> dict[str, int]:
        return {
            m: len(self.fake.delivered(m))
            for m in (
                "chat.postMessage",
                "chat.postEphemeral",
                "response_url",
                "views.open",
                "views.update",
            )
        }

    def _seen(
        self,
        user: str,
        payloads: list[dict[str, Any]],
        view: dict[str, Any] | None = None,
        errors: dict[str, str] | None = None,
    ) -> Seen:
        from tests.test_slack import buttons, texts

        blocks = [b for p in payloads for b in (p.get("blocks") or [])]
        text = "\n".join(
            [str(p.get("text") or "") for p in payloads]
            + [texts(blocks)]
            + ([texts(view.get("blocks") or [])] if view else [])
            + list((errors or {}).values())
        )
        offered = [
            (_slack_kind(str(b.get("action_id"))), str(b.get("value") or ""))
            for b in buttons(blocks)
        ]
        self.last[user] = [b for b in buttons(blocks)]
        fields = [b["block_id"] for b in (view or {}).get("blocks", []) if b.get("type") == "input"]
        return Seen(text, offered, fields, dict(errors or {}))

    def say(self, text: str, *, user: str = ANNA) -> Seen:
        before = self._counts()
        response = self.app.command(text, user=self._user(user))
        assert response.status_code == 200, response.text
        self.app.settle()
        payloads = [response.json()] if response.text else []
        payloads += self._messages_since(before)
        opened = self.fake.delivered("views.open")[before["views.open"] :]
        view = opened[-1]["view"] if opened else None
        return self._seen(user, payloads, view)

    def submit(
        self, answers: dict[str, str | bool], *, user: str = ANNA, replace: bool | None = None
    ) -> Seen:
        from tests.test_candidacy_slack import fill

        slack_user = self._user(user)
        modal = self.app.opened_modal(slack_user)
        view_id = f"V{slack_user}{len(self.fake.delivered('views.open'))}"
        before = self._counts()
        response = self.app.submit(fill(modal, strict=False, **answers), slack_user, view_id).json()
        if response.get("response_action") == "update" and replace is not None:
            asked = response["view"]
            response = self.app.submit(
                fill(asked, strict=False, **{**answers, REPLACE_FIELD: replace}),
                slack_user,
                view_id,
            ).json()
        self.app.settle()
        if response.get("response_action") == "errors":
            return self._seen(user, [], modal, response["errors"])
        if response.get("response_action") == "update":
            return self._seen(user, [], response["view"])
        return self._seen(user, self._messages_since(before))

    def press(self, kind: ActionKind, *, user: str = ANNA, label: str = "") -> Seen:
        [pressed] = [
            b
            for b in self.last.get(user, [])
            if _slack_kind(str(b["action_id"])) == kind and label in b["text"]["text"]
        ][:1]
        before = self._counts()
        response = self.app.action(
            {"action_id": pressed["action_id"], "value": pressed.get("value", "")},
            user=self._user(user),
        )
        assert response.status_code == 200, response.text
        self.app.settle()
        return self._seen(user, self._messages_since(before))


def _slack_kind(action_id: str) -> str:
    from bot.platforms.slack.blocks import ACTION_IDS

    base = action_id.split(":")[0]
    return next((kind for kind, known in ACTION_IDS.items() if known == base), base)


# --- Teams --------------------------------------------------------------------------------------


TEAMS_USERS = {
    ANNA: {"id": "29:anna", "aadObjectId": "aad-anna", "name": "Anna de Vries"},
    STAFF: {"id": "29:staff", "aadObjectId": "aad-staff", "name": "Sam Staf"},
}


@dataclass
class TeamsDriver:
    harness: Any  # tests.test_teams_candidacy.CandidacyHarness
    workbook: Path
    name: str = "teams"
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)
    steps: int = 0

    def _id(self) -> str:
        self.steps += 1
        return f"msg-contract-{self.steps}"

    def _seen(self, user: str, card: dict[str, Any]) -> Seen:
        from tests.test_teams_candidacy import actions, error_under, inputs, texts

        self.cards[user] = card
        offered = [(_teams_kind(a), str(a.get("title") or "")) for a in actions(card)]
        fields = [key for key in inputs(card) if key in _form_fields()]
        errors = {
            name: message for name in fields if (message := error_under(card, name)) is not None
        }
        return Seen(texts(card), offered, fields, errors)

    def say(self, text: str, *, user: str = ANNA) -> Seen:
        reply = self.harness.say(text, id=self._id(), **{"from": TEAMS_USERS[user]})
        return self._seen(user, reply.card)

    def submit(
        self, answers: dict[str, str | bool], *, user: str = ANNA, replace: bool | None = None
    ) -> Seen:
        from tests.test_teams_candidacy import inputs, submit_data

        form = self.say("kandidaat", user=user)
        card = self.cards[user]
        assert form.form_open, form.text
        values = {
            k: ("true" if v else "false") if isinstance(v, bool) else v for k, v in answers.items()
        }
        answered = self._invoke(user, SUBMIT, submit_data(card, **values))
        if REPLACE_FIELD in inputs(answered) and replace is not None:
            choice = "true" if replace else "false"
            data = submit_data(answered, **values, **{REPLACE_FIELD: choice})
            answered = self._invoke(user, SUBMIT, data)
        return self._seen(user, answered)

    def press(self, kind: ActionKind, *, user: str = ANNA, label: str = "") -> Seen:
        from tests.test_teams_candidacy import actions, confirmation

        card = self.cards[user]
        if kind == "withdraw":
            _, button = confirmation(card)
        else:
            [button] = [
                a for a in actions(card) if _teams_kind(a) == kind and label in a.get("title", "")
            ][:1]
        if button["type"] == "Action.Submit":  # Teams posts an "ask" button's data as a message
            posted = self.harness.say(
                None, id=self._id(), value=button["data"], **{"from": TEAMS_USERS[user]}
            )
            return self._seen(user, posted.card)
        return self._seen(user, self._invoke(user, button["verb"], button["data"]))

    def _invoke(self, user: str, verb: str, data: dict[str, Any]) -> dict[str, Any]:
        card = self.harness.invoke(verb, data, user=TEAMS_USERS[user])
        self.harness.service.runtime.background.wait_idle(10)
        return dict(card)


SUBMIT = "g40.form.submit"


def _teams_kind(action: dict[str, Any]) -> str:
    from bot.platforms.teams.cards import VERBS

    if action.get("type") == "Action.Submit":
        return "ask"
    verb = str(action.get("verb") or "")
    return next((kind for kind, known in VERBS.items() if known == verb), verb)


def _form_fields() -> set[str]:
    from bot.candidacy import CANDIDACY_FORM

    return {spec.name for spec in CANDIDACY_FORM.fields} | {REPLACE_FIELD}
