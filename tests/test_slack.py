"""The Slack app, black-box: the real Bolt app behind the real WSGI adapter in a real waitress
server, requests signed as Slack signs them, Web API calls going to a local fake."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import requests
import time_machine
from slack_sdk.signature import SignatureVerifier
from waitress import wasyncore
from waitress.server import create_server

from bot.candidacy import Candidate, Submission
from bot.handlers.ask import AskHandler
from bot.models import Snapshot
from bot.platforms.slack.app import SlackService, build_slack_service, create_slack_app
from bot.platforms.slack.blocks import SHARE_ACTION
from bot.runtime import Runtime
from bot.settings import Settings
from bot.sheets import LocalWorkbook, load_seed, seed_workbook
from bot.store import Store
from tests.cli import g40bot, only_settings
from tests.conftest import VirtualTime
from tests.fake_slack import BOT_USER_ID, FakeSlack, running_fake_slack

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CANDIDATE = "UCANDIDATE"


# --- harness ----------------------------------------------------------------------------------


@contextmanager
def serving(wsgi: Any) -> Iterator[str]:
    with running(create_server(wsgi, host="127.0.0.1", port=0, threads=8)) as url:
        yield url


@contextmanager
def running(server: Any) -> Iterator[str]:
    """A waitress server (port 0) in a thread, stopped when the block ends."""
    stopping = threading.Event()

    def serve() -> None:
        try:
            server.run()
        except OSError:
            # Closing every socket of the loop races its last select(): a closed descriptor
            # then, and only then, is the stop we asked for.
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stopping.set()
        # The workers first, while the loop still runs: a worker finishing a response (a 413
        # sent while the body still arrives) wakes the loop through its trigger, which must
        # not be closed yet (a "Bad file descriptor" in that worker's thread, now and then).
        server.task_dispatcher.shutdown()
        # Closed from inside the server's own loop, so its select() never sees a closed socket.
        with suppress(OSError):  # the loop may have closed its trigger already
            server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(5)
        assert not thread.is_alive(), "the waitress server did not stop"


def settings_for(fake: FakeSlack, workbook: Path, database: Path, **extra: str) -> Settings:
    values = {
        "G40_WORKBOOK": str(workbook),
        "DATABASE_URL": f"sqlite:///{database}",
        "SLACK_API_URL": fake.api_url,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        **extra,
    }
    return Settings(_env_file=None, **values)


def write_workbook(path: Path, candidacy_user: str = CANDIDATE) -> None:
    book = LocalWorkbook(path)
    seed_workbook(book)
    seed = load_seed()
    header = seed["Kandidaturen"][0]
    row = {
        "inzending_id": "g40-0001",
        "ingediend_op": date(2026, 5, 20),
        "functie": "eerste-vicevoorzitter",
        "naam": "Kim Kandidaat",
        "gemeente": "Enschede",
        "email": "k.kandidaat@enschede.nl",
        "platform": "slack",
        "gebruiker_id": candidacy_user,
        "status": "ingediend",
    }
    book.write_tabs({"Kandidaturen": [header, [row.get(str(column), "") for column in header]]})


def store_candidacy(store: Store, user_id: str = CANDIDATE) -> None:
    """A candidacy submitted in Slack on 20 May 2026, as the candidacy flow stores it."""
    candidate = Candidate(
        role="eerste-vicevoorzitter",
        name="Kim Kandidaat",
        email="k.kandidaat@enschede.nl",
        municipality="Enschede",
        office="wethouder",
        motivation="Ik wil de G40 verbinden met Europa en de pijlers sterker maken.",
    )
    moment = datetime(2026, 5, 20, 10, tzinfo=UTC)
    submission = Submission(
        "k-2026-home000001", "slack", user_id, candidate, "nl", "ingediend", moment, moment
    )
    store.candidacies.add(submission)


@dataclass
class Slack:
    fake: FakeSlack
    service: SlackService
    url: str
    tmp: Path

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str = SECRET,
        headers: dict[str, str] | None = None,
        url: str | None = None,
    ) -> requests.Response:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        return requests.post(
            f"{url or self.url}/slack/events",
            data=body.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature,
                **(headers or {}),
            },
            timeout=10,
        )

    def command(self, text: str, user: str = "UASKER", **kwargs: Any) -> requests.Response:
        body = urlencode(
            {
                "token": "legacy",
                "team_id": "T0G40",
                "channel_id": "C0GENERAL",
                "user_id": user,
                "command": "/g40",
                "text": text,
                "response_url": self.fake.response_url("command"),
                "trigger_id": "1337.42.abcd",
            }
        )
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)

    def event(self, event: dict[str, Any], event_id: str, **kwargs: Any) -> requests.Response:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": "T0G40",
                "api_app_id": "A0G40",
                "type": "event_callback",
                "event_id": event_id,
                "event_time": int(time.time()),
                "event": event,
            }
        )
        return self.post(body, "application/json", **kwargs)

    def action(self, action: dict[str, Any], user: str = "UASKER") -> requests.Response:
        payload = {
            "type": "block_actions",
            "team": {"id": "T0G40"},
            "user": {"id": user},
            "api_app_id": "A0G40",
            "container": {"type": "message"},
            "channel": {"id": "C0GENERAL"},
            "trigger_id": "1337.42.abcd",
            "response_url": self.fake.response_url("action"),
            "actions": [{"type": "button", "block_id": "b1", "action_ts": "1", **action}],
        }
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )

    def settle(self) -> None:
        assert self.service.background.wait_idle(15)


def texts(value: Any) -> str:
    """Every `text` in a Block Kit structure (or a response), joined: what the user reads."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "text" and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(value)
    return "\n".join(found)


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    return found + [b["accessory"] for b in blocks if "accessory" in b]


@pytest.fixture(scope="module")
def slack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slack]:
    tmp = tmp_path_factory.mktemp("slack")
    write_workbook(tmp / "werkboek.xlsx")
    with running_fake_slack() as fake:
        service = build_slack_service(settings_for(fake, tmp / "werkboek.xlsx", tmp / "g40.db"))
        store_candidacy(service.store)
        with serving(service.wsgi()) as url:
            yield Slack(fake, service, url, tmp)
        service.close()


@pytest.fixture
def app(slack: Slack) -> Iterator[Slack]:
    slack.fake.reset()
    yield slack
    slack.settle()


# --- the slash command ------------------------------------------------------------------------


def test_slash_command_answers_privately_with_the_sheets_facts(app: Slack) -> None:
    response = app.command("wie heeft Europa?")

    assert response.status_code == 200
    answer = response.json()
    assert answer["response_type"] == "ephemeral"
    shown = texts(answer["blocks"])
    assert "eerste vicevoorzitter" in shown.casefold()
    assert "Gerdien Looman" in shown
    assert "mailto:g.looman@enschede.nl" in shown
    assert "Gerdien Looman" in answer["text"]  # the notification / screen-reader fallback
    assert [b["text"]["text"] for b in buttons(answer["blocks"])] == [
        "Meer hierover",
        "Deel in kanaal",
    ]


def test_english_question_gets_an_english_answer(app: Slack) -> None:
    answer = app.command("who holds Europa?").json()

    shown = texts(answer["blocks"])
    assert "first vice chair" in shown.casefold()
    assert "Gerdien Looman" in shown
    assert "eerste vicevoorzitter" not in shown.casefold()
    assert [b["text"]["text"] for b in buttons(answer["blocks"])] == [
        "More about this",
        "Share in channel",
    ]


def test_help_explains_the_slack_entry_points(app: Slack) -> None:
    answer = app.command("help").json()

    shown = texts(answer["blocks"])
    assert "Wat kan g40bot?" in shown
    assert "wie heeft Europa?" in shown
    assert "/g40" in shown and "@g40bot" in shown
    assert [b["text"]["text"] for b in buttons(answer["blocks"])] == ["Stel je kandidaat"]


def test_share_button_posts_the_answer_in_the_channel(app: Slack) -> None:
    asked = app.command("wie heeft Europa?").json()
    [share] = [b for b in buttons(asked["blocks"]) if b["action_id"] == SHARE_ACTION]

    response = app.action({"action_id": share["action_id"], "value": share["value"]})

    assert response.status_code == 200
    app.settle()
    [posted] = app.fake.delivered("response_url")
    assert posted["response_type"] == "in_channel"
    assert posted["delete_original"] is True
    shown = texts(posted["blocks"])
    assert "Gerdien Looman" in shown
    assert "Gedeeld door <@UASKER>" in shown
    assert buttons(posted["blocks"]) == []


def test_only_an_answer_can_be_shared_and_a_shared_one_points_at_no_missing_buttons(
    app: Slack,
) -> None:
    """'Wat bedoel je?' shared in a channel shows nobody anything to choose: it has no share
    button. A shared answer that also offered other readings carries no buttons, so it does
    not end with a dangling 'Of bedoel je:' either."""
    unclear = app.command("vice").json()
    assert SHARE_ACTION not in [b["action_id"] for b in buttons(unclear["blocks"])]

    answered = app.command("Moet de voorzitter burgemeester zijn?").json()
    assert "Of bedoel je:" in texts(answered["blocks"])
    [share] = [b for b in buttons(answered["blocks"]) if b["action_id"] == SHARE_ACTION]
    app.action({"action_id": share["action_id"], "value": share["value"]})
    app.settle()

    [posted] = app.fake.delivered("response_url")
    assert "Dat weet ik niet" in texts(posted["blocks"])
    assert "Of bedoel je" not in texts(posted["blocks"]) + posted["text"]
    assert "Typ het nummer" not in posted["text"]


def test_a_5000_character_question_gets_a_polite_answer_in_time(app: Slack) -> None:
    question = "wie heeft Europa? " + "bla " * 1246
    assert len(question) >= 5000

    started = time.monotonic()
    response = app.command(question)
    elapsed = time.monotonic() - started

    assert response.status_code == 200 and elapsed < 3
    answer = response.json()
    shown = texts(answer["blocks"])
    assert "Gerdien Looman" in shown
    assert "alleen het begin gelezen" in shown
    assert len(answer["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in answer["blocks"] if b["type"] == "section")
    assert all(len(b["value"]) <= 2000 for b in buttons(answer["blocks"]))


def test_a_forged_reading_button_neither_answers_oddly_nor_counts_as_a_pick(app: Slack) -> None:
    """Staff read picks as "people mean this": a pressed button only counts when the bot
    really offers that reading for that question; a broken value still gets an answer."""
    unclear = "waar staat de koffieautomaat?"
    app.command(unclear)
    forged = json.dumps({"q": "wie is de tweede vicevoorzitter?", "o": unclear})
    for value in (forged, forged, '{"q": 3, "o": [1]}', '{"q": "wie heeft Europa?"'):
        assert app.action({"action_id": "g40_ask", "value": value}).status_code == 200
    app.settle()

    shown = [texts(p["blocks"]) for p in app.fake.delivered("response_url")]
    assert "mlangendijk@haarlem.nl" in shown[0]  # the question pressed is answered
    assert len(shown) == 4 and not any("ging iets mis" in text for text in shown)
    [group] = [g for g in app.service.runtime.unanswered.groups() if g.question == unclear]
    assert group.picked == 0


# --- mentions and direct messages -------------------------------------------------------------


def test_mention_is_answered_in_the_thread(app: Slack) -> None:
    mention = {
        "type": "app_mention",
        "user": "UASKER",
        "text": f"<@{BOT_USER_ID}> wie heeft Europa?",
        "ts": "1764250000.000100",
        "channel": "C0GENERAL",
    }

    assert app.event(mention, "Ev0MENTION1").status_code == 200

    [posted] = app.fake.wait_for("chat.postMessage")
    assert posted["channel"] == "C0GENERAL"
    assert posted["thread_ts"] == "1764250000.000100"
    assert "Gerdien Looman" in texts(posted["blocks"])
    assert "eerste vicevoorzitter" in posted["text"].casefold()


def test_direct_message_is_answered_and_own_messages_are_ignored(app: Slack) -> None:
    dm = {
        "type": "message",
        "channel_type": "im",
        "user": "UASKER",
        "text": "contact pijler Fysiek",
        "ts": "1764250001.000200",
        "channel": "D0ASKER",
    }
    own = {**dm, "user": BOT_USER_ID, "bot_id": "BBOT", "ts": "1764250002.000300"}

    app.event(dm, "Ev0DM1")
    app.event(own, "Ev0DM2")
    app.settle()

    [posted] = app.fake.delivered("chat.postMessage")
    assert posted["channel"] == "D0ASKER"
    assert "thread_ts" not in posted
    assert "Fysiek" in texts(posted["blocks"])


def test_a_direct_message_in_a_thread_is_answered_in_that_thread_about_its_subject(
    app: Slack,
) -> None:
    """Someone who replies in a thread of their DM with the bot gets the answer there; the
    thread goes on from what the DM was about, and then keeps its own subject."""
    dm = {"type": "message", "channel_type": "im", "user": "UASKER", "channel": "D0THREAD"}
    app.event({**dm, "text": "wie is de voorzitter?", "ts": "1764250100.000100"}, "Ev0T1")
    app.settle()
    in_thread = {**dm, "thread_ts": "1764250100.000100"}
    app.event({**in_thread, "text": "en wat doet die?", "ts": "1764250101.000100"}, "Ev0T2")
    app.settle()
    app.event({**dm, "text": "wie heeft Europa?", "ts": "1764250102.000100"}, "Ev0T3")
    app.settle()
    app.event({**in_thread, "text": "en het tijdsbeslag?", "ts": "1764250103.000100"}, "Ev0T4")
    app.settle()

    _, in_the_thread, _, later = app.fake.delivered("chat.postMessage")
    assert in_the_thread.get("thread_ts") == later.get("thread_ts") == "1764250100.000100"
    assert "Taken van de voorzitter" in texts(in_the_thread["blocks"])
    assert "Tijdsbeslag" in texts(later["blocks"]) and "Voorzitter" in texts(later["blocks"])


def test_a_neutral_question_follows_the_users_slack_locale(app: Slack) -> None:
    app.fake.locales["UENGLISH"] = "en-GB"
    base = {"type": "message", "channel_type": "im", "channel": "D0EN", "user": "UENGLISH"}

    app.event({**base, "text": "Europa", "ts": "1764250003.000100"}, "Ev0NEUTRAL")
    app.event({**base, "text": "wie heeft Europa?", "ts": "1764250004.000100"}, "Ev0DUTCH")
    app.settle()

    answers = {p["text"].split("\n")[0]: p["text"] for p in app.fake.delivered("chat.postMessage")}
    assert "first vice chair" in answers["Europe"].casefold()
    assert "eerste vicevoorzitter" in answers["Europa"].casefold()


# --- App Home ---------------------------------------------------------------------------------


def test_app_home_shows_phases_the_toggle_and_own_candidacies(app: Slack) -> None:
    with time_machine.travel(datetime(2026, 6, 1, 10, tzinfo=UTC), tick=True):
        app.event({"type": "app_home_opened", "user": CANDIDATE, "tab": "home"}, "Ev0HOME1")
        app.settle()

    [published] = app.fake.delivered("views.publish")
    assert published["user_id"] == CANDIDATE
    view = published["view"]
    assert view["type"] == "home"
    shown = texts(view["blocks"])
    assert "G40 netwerkdagen" in shown and "10 en vrijdag 11 september 2026" in shown
    assert "Kandidaatstelling: datum nog niet bekend" in shown
    assert "Eerste vicevoorzitter — ingediend, ingediend woensdag 20 mei 2026" in shown
    [stand, toggle] = buttons(view["blocks"])
    assert (toggle["text"]["text"], toggle["value"]) == ("Zet aan", "on")
    assert stand["text"]["text"] == "Stel je kandidaat"
    assert stand["action_id"] == "g40_candidacy_open"


def test_app_home_of_someone_else_lists_no_candidacies(app: Slack) -> None:
    app.event({"type": "app_home_opened", "user": "UOTHER", "tab": "home"}, "Ev0HOME2")
    app.settle()

    [published] = app.fake.delivered("views.publish")
    shown = texts(published["view"]["blocks"])
    assert "geen kandidaturen" in shown
    assert "Kim Kandidaat" not in shown and "Eerste vicevoorzitter —" not in shown


def test_reminder_toggle_is_stored_and_the_home_tab_follows(app: Slack) -> None:
    store = app.service.store

    app.action({"action_id": "g40_reminders", "value": "on"}, user="UTOGGLE")
    app.settle()

    subscription = store.subscriptions.get("slack", "UTOGGLE")
    assert subscription is not None and subscription.subscribed
    [published] = app.fake.delivered("views.publish")
    [_stand, toggle] = buttons(published["view"]["blocks"])
    assert (toggle["text"]["text"], toggle["value"]) == ("Zet uit", "off")

    app.action({"action_id": "g40_reminders", "value": "off"}, user="UTOGGLE")
    app.settle()
    subscription = store.subscriptions.get("slack", "UTOGGLE")
    assert subscription is not None and not subscription.subscribed


# --- security, idempotency, resilience --------------------------------------------------------


def test_bad_signature_is_rejected(app: Slack) -> None:
    response = app.command("wie heeft Europa?", secret="not-the-signing-secret")

    assert response.status_code == 401
    assert "Gerdien" not in response.text


def test_stale_timestamp_is_rejected(app: Slack) -> None:
    response = app.command("wie heeft Europa?", timestamp=int(time.time()) - 6 * 60)

    assert response.status_code == 401
    assert "Gerdien" not in response.text


def test_a_retried_event_is_answered_once_also_by_another_process(app: Slack) -> None:
    other = build_slack_service(
        settings_for(app.fake, app.tmp / "werkboek.xlsx", app.tmp / "g40.db")
    )
    mention = {
        "type": "app_mention",
        "user": "UASKER",
        "text": f"<@{BOT_USER_ID}> wie heeft Europa?",
        "ts": "1764250010.000100",
        "channel": "C0GENERAL",
    }
    try:
        with serving(other.wsgi()) as other_url:
            assert app.event(mention, "Ev0RETRIED").status_code == 200
            for number, url in ((1, other_url), (2, app.url)):
                retry = {"X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": "http_timeout"}
                assert app.event(mention, "Ev0RETRIED", headers=retry, url=url).status_code == 200
            app.settle()
            assert other.background.wait_idle(15)
    finally:
        other.close()

    assert len(app.fake.delivered("chat.postMessage")) == 1


def test_rate_limited_reply_is_retried_after_retry_after(
    app: Slack, retry_clock: VirtualTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.fake, "clock", retry_clock.monotonic)
    app.fake.fail_next("chat.postMessage", status=429, retry_after=1)
    mention = {
        "type": "app_mention",
        "user": "UASKER",
        "text": f"<@{BOT_USER_ID}> wie heeft Europa?",
        "ts": "1764250020.000100",
        "channel": "C0GENERAL",
    }

    app.event(mention, "Ev0LIMITED")
    app.settle()

    attempts = app.fake.attempts("chat.postMessage")
    assert [a.status for a in attempts] == [429, 200]
    assert "Gerdien Looman" in attempts[1].params["text"]
    [waited] = retry_clock.slept
    assert 1 <= waited < 2 and app.fake.early == []


def test_health_check(app: Slack) -> None:
    response = requests.get(f"{app.url}/healthz", timeout=5)

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok" and report["store"] == {"reachable": True}
    assert report["last_refresh_error"] is None and report["snapshot"]["age_seconds"] >= 0


# --- the error handler ------------------------------------------------------------------------


class BrokenSheet:
    def current(self) -> Snapshot:
        raise RuntimeError("the snapshot exploded")


def test_failures_become_an_apology_with_a_reference(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fake.reset()
    settings = settings_for(slack.fake, slack.tmp / "werkboek.xlsx", slack.tmp / "g40.db")
    runtime = Runtime(settings)
    runtime.chat = replace(runtime.chat, ask=AskHandler(BrokenSheet()))
    broken = create_slack_app(settings, runtime)
    caplog.set_level(logging.ERROR, logger="bot.platforms.slack")
    mention = {
        "type": "app_mention",
        "user": "UASKER",
        "text": f"<@{BOT_USER_ID}> who holds Europa?",
        "ts": "1764250030.000100",
        "channel": "C0GENERAL",
    }
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    try:
        with serving(SlackRequestHandler(broken)) as url:
            command = slack.command("wie heeft Europa?", url=url)
            slack.event(mention, "Ev0BROKEN", url=url)
            assert runtime.background.wait_idle(15)
    finally:
        runtime.close()

    assert command.status_code == 200
    apology = command.json()
    assert apology["response_type"] == "ephemeral"
    assert apology["text"].startswith("Sorry, daar ging iets mis aan mijn kant (referentie ")
    [posted] = slack.fake.delivered("chat.postMessage")
    assert posted["thread_ts"] == "1764250030.000100"
    assert posted["text"].startswith("Sorry, something went wrong on my side (reference ")
    for shown in (apology["text"], posted["text"]):
        reference = shown.split("(")[1].split(")")[0].split()[-1]
        [logged] = [r for r in caplog.records if reference in r.getMessage()]
        assert logged.exc_info is not None and "snapshot exploded" in str(logged.exc_info[1])
        assert "Traceback" not in shown and "exploded" not in shown


# --- start-up and the staff channel -----------------------------------------------------------


def test_a_missing_secret_stops_start_up_with_one_line(tmp_path: Path) -> None:
    env = only_settings(
        G40_WORKBOOK=str(tmp_path / "wb.xlsx"), DATABASE_URL=f"sqlite:///{tmp_path}/db"
    )

    missing_token = g40bot("serve", "slack", env=env, cwd=tmp_path)
    env["SLACK_BOT_TOKEN"] = "xoxb-test"
    missing_secret = g40bot("serve", "slack", env=env, cwd=tmp_path)

    for result, variable in (
        (missing_token, "SLACK_BOT_TOKEN"),
        (missing_secret, "SLACK_SIGNING_SECRET"),
    ):
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{variable} ontbreekt")
        assert "Traceback" not in result.stderr


def test_sheet_errors_reach_the_staff_channel_once(tmp_path: Path) -> None:
    workbook = tmp_path / "werkboek.xlsx"
    book = LocalWorkbook(workbook)
    seed_workbook(book)
    people = load_seed()["Personen"]
    email = people[0].index("email")
    people[2][email] = "geen-adres"
    book.write_tabs({"Personen": people})

    with running_fake_slack() as fake:
        settings = settings_for(fake, workbook, tmp_path / "g40.db", G40_STAFF_CHANNEL="C0STAFF")
        for _process in range(2):
            service = build_slack_service(settings)
            assert service.background.wait_idle(15)
            service.close()

        [posted] = fake.delivered("chat.postMessage")
    assert posted["channel"] == "C0STAFF"
    assert "Het sheet heeft 1 fout(en)" in posted["text"]
    assert "FOUT Personen!D3 (email) — waarde 'geen-adres'" in posted["text"]


def test_staff_reload_rereads_the_sheet_and_reports_its_problems(tmp_path: Path) -> None:
    workbook = tmp_path / "werkboek.xlsx"
    book = LocalWorkbook(workbook)
    seed_workbook(book)
    with running_fake_slack() as fake:
        # Staff by e-mail (the seed's Beheerders have no Slack id): found via users.info.
        fake.profiles["USTAFF"] = {"real_name": "Marc", "email": "secretaris@g40stedennetwerk.nl"}
        fake.profiles["UNOSY"] = {"real_name": "Nieuwsgierig", "email": "nosy@almere.nl"}
        service = build_slack_service(settings_for(fake, workbook, tmp_path / "g40.db"))
        with serving(service.wsgi()) as url:
            slack = Slack(fake, service, url, tmp_path)
            people = load_seed()["Personen"]
            people[2][people[0].index("email")] = "geen-adres"
            book.write_tabs({"Personen": people})
            staff = slack.command("herladen", user="USTAFF")
            nosy = slack.command("reload", user="UNOSY")
            slack.settle()
        service.close()
        late = [texts(call["blocks"]) for call in fake.delivered("response_url")]

    assert staff.status_code == 200 and nosy.status_code == 200
    [report] = [text for text in late if "Sheet opnieuw gelezen" in text]
    assert "20 functies, 10 portefeuilles, 5 personen, 3 fases; 1 fout(en)" in report
    assert "FOUT Personen!D3 (email) — waarde 'geen-adres'" in report
    # "reload" is English: so is the refusal.
    [refusal] = [text for text in late if "for the secretariat only" in text]
    assert "Personen!D3" not in refusal
