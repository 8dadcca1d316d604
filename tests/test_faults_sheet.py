"""Faults on the read side of the sheet, against the running servers: Google Sheets answering
429/500 or timing out during a refresh, tabs and headers deleted or renamed (local workbook
and the Google fake), a local workbook that turns corrupt, disappears or cannot be opened, and
a Planning tab that cannot be read when a reminder is due. What must hold: the bot keeps
answering from the last good data; `/g40 herladen` and /healthz tell the truth; staff hear of
a failing sheet once and of its recovery once; a reminder is never dropped because Planning
could not be read. Time is travelled or injected; nothing sleeps for real.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import responses
import time_machine
from click.testing import CliRunner
from openpyxl import load_workbook
from tenacity import wait_none

from bot.app import open_source
from bot.cli import main
from bot.dates import AMSTERDAM
from bot.handlers.ask import AskHandler
from bot.handlers.reminders import ReminderClock
from bot.handlers.staff import StaffAlerts, StaffChannel
from bot.models import RawCell
from bot.platforms.slack.app import build_slack_service
from bot.platforms.slack.client import fan_out_client
from bot.platforms.slack.notifier import SlackNotifier
from bot.reply import render_text
from bot.settings import Settings
from bot.sheets import (
    VERSION_CHECK_SECONDS,
    LocalWorkbook,
    RetryPolicy,
    SnapshotSource,
    load_seed,
    seed_workbook,
)
from bot.store import Store
from tests.fake_sheets import FakeSheets, service_account_key
from tests.fake_slack import FakeSlack, running_fake_slack
from tests.test_slack import SECRET, Slack, serving, texts

STAFF = "USTAFF"
STAFF_CHANNEL = "C0STAFF"
ANNOUNCE = "C0ANNOUNCE"
EUROPA = "wie heeft Europa?"
HOLDER = "Gerdien Looman"
# The seed: netwerkdagen on 10 September 2026, a reminder the day before at 09:00.
DAY_BEFORE = datetime(2026, 9, 9, 9, 0, tzinfo=AMSTERDAM)
# Repeated within one run: a leftover thread or a shared fake shows up as a flaky failure.
REPEAT = 3


def seed_with_staff() -> dict[str, list[list[RawCell]]]:
    tabs = load_seed()
    tabs["Beheerders"].append(["Sam Staf", "", STAFF, ""])
    return tabs


@pytest.fixture(scope="module")
def key_json() -> str:
    return service_account_key()


def quick_retries(service: Any) -> None:
    """Three attempts without waiting, where production waits seconds between them."""
    service.source.workbook.retry = RetryPolicy(attempts=3, wait=wait_none(), sleep=lambda _s: None)


@contextmanager
def google_sheet() -> Iterator[FakeSheets]:
    sheets = FakeSheets()
    sheets.load(seed_with_staff())
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        sheets.install(mock)
        mock.add_passthru("http://127.0.0.1")
        yield sheets


def settings(tmp: Path, fake: FakeSlack, **values: str) -> Settings:
    return Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{tmp / 'g40.db'}",
        SLACK_API_URL=fake.api_url,
        SLACK_BOT_TOKEN="xoxb-test-token",
        SLACK_SIGNING_SECRET=SECRET,
        G40_STAFF_CHANNEL=STAFF_CHANNEL,
        # The refresh thread stays out of the way: each probe reads when it says so.
        G40_REFRESH_SECONDS="3600",
        **values,
    )


def google_settings(tmp: Path, fake: FakeSlack, sheets: FakeSheets, key_json: str) -> Settings:
    return settings(
        tmp, fake, G40_SPREADSHEET_ID=sheets.spreadsheet_id, G40_GOOGLE_CREDENTIALS=key_json
    )


@contextmanager
def slack_server(config: Settings, fake: FakeSlack, tmp: Path) -> Iterator[Slack]:
    service = build_slack_service(config)
    try:
        if service.source.workbook.version() is None:
            quick_retries(service)
        with serving(service.wsgi()) as url:
            yield Slack(fake, service, url, tmp)
            service.background.wait_idle(15)
    finally:
        service.close()


def reload_reply(slack: Slack) -> str:
    """`/g40 herladen` by a staff member; the answer comes by response_url after the ack."""
    before = len(slack.fake.delivered("response_url"))
    assert slack.command("herladen", user=STAFF).status_code == 200
    slack.settle()
    [reply] = slack.fake.delivered("response_url")[before:]
    return texts(reply["blocks"])


def answer(slack: Slack, question: str = EUROPA) -> str:
    response = slack.command(question)
    assert response.status_code == 200
    return texts(response.json()["blocks"])


def health(slack: Slack) -> tuple[int, dict[str, Any]]:
    response = requests.get(f"{slack.url}/healthz", timeout=10)
    return response.status_code, response.json()


def staff_texts(fake: FakeSlack) -> list[str]:
    return [
        texts(call.get("blocks") or []) or str(call.get("text"))
        for call in fake.delivered("chat.postMessage")
        if call["channel"] == STAFF_CHANNEL
    ]


# --- Google Sheets failing during a refresh -----------------------------------------------------

OUTAGES = {
    "429": lambda sheets: sheets.fail(429, times=None, operation="batchGet"),
    "500": lambda sheets: sheets.fail(500, times=None, operation="batchGet"),
    "timeout": lambda sheets: sheets.time_out(
        after_applying=False, operation="batchGet", times=1000
    ),
}
WHY = {"429": "Google Sheets gaf 429", "500": "Google Sheets gaf 500", "timeout": "antwoordde niet"}


@pytest.mark.repeat(REPEAT)
@pytest.mark.parametrize("outage", list(OUTAGES))
def test_a_google_outage_is_told_by_reload_and_healthz_while_answers_go_on(
    outage: str, tmp_path: Path, key_json: str
) -> None:
    with running_fake_slack() as fake, google_sheet() as sheets:
        config = google_settings(tmp_path, fake, sheets, key_json)
        with slack_server(config, fake, tmp_path) as slack:
            assert health(slack)[1]["status"] == "ok"
            failed_at = datetime.now(UTC)
            OUTAGES[outage](sheets)

            report = reload_reply(slack)
            assert "Sheet lezen mislukt" in report and "Sheet opnieuw gelezen" not in report
            assert WHY[outage] in report
            assert "gebruikt g40bot de laatste goede versie" in report
            assert HOLDER in answer(slack)

            status, body = health(slack)
            assert status == 200 and body["status"] == "degraded"
            error = body["last_refresh_error"]
            assert error["kind"] == "sheet_unavailable"
            assert datetime.fromisoformat(error["since"]) >= failed_at.replace(microsecond=0)
            assert sheets.spreadsheet_id not in str(body)  # /healthz is public: no ids

            sheets.heal()
            assert "Sheet opnieuw gelezen" in reload_reply(slack)
            status, body = health(slack)
            assert status == 200 and body["status"] == "ok"
            assert body["last_refresh_error"] is None


@pytest.mark.repeat(REPEAT)
def test_staff_hear_of_a_failing_sheet_once_and_of_its_recovery_once_across_processes(
    tmp_path: Path, key_json: str
) -> None:
    with running_fake_slack() as fake, google_sheet() as sheets:
        config = google_settings(tmp_path, fake, sheets, key_json)
        with slack_server(config, fake, tmp_path) as web, slack_server(config, fake, tmp_path):
            other = web.service  # the second process shares the store and the channel
            sheets.fail(500, times=None, operation="batchGet")
            for _refresh in range(3):
                web.service.runtime.source.reload()
                other.source.reload()
            reload_reply(web)
            sheets.heal()
            for _refresh in range(2):
                web.service.runtime.source.reload()
                other.source.reload()

    posted = staff_texts(fake)
    failing = [text for text in posted if "g40bot kan het sheet niet lezen" in text]
    recovered = [text for text in posted if "Het sheet is weer te lezen" in text]
    assert len(failing) == 1 and len(recovered) == 1, posted
    assert "Google Sheets gaf 500" in failing[0]
    assert "beantwoordt g40bot vragen met de laatste goede versie" in failing[0]
    assert posted.index(failing[0]) < posted.index(recovered[0])


# --- tabs and headers removed or renamed --------------------------------------------------------


def delete_tab(book: LocalWorkbook, tab: str) -> None:
    workbook = load_workbook(book.path)
    del workbook[tab]
    workbook.save(book.path)


def rename_header(book: LocalWorkbook, tab: str, column: str, new: str) -> None:
    workbook = load_workbook(book.path)
    sheet = workbook[tab]
    for cell in sheet[1]:
        if cell.value == column:
            cell.value = new
    workbook.save(book.path)


def set_cell(book: LocalWorkbook, tab: str, key: str, column: str, value: str) -> None:
    workbook = load_workbook(book.path)
    sheet = workbook[tab]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == key:
            row[header.index(column)].value = value
    workbook.save(book.path)


def test_a_deleted_tab_keeps_its_last_good_rows_and_the_other_tabs_take_fresh_data(
    workbook: LocalWorkbook,
) -> None:
    source = SnapshotSource(workbook)
    handler = AskHandler(source)
    assert HOLDER in render_text(handler.ask(EUROPA))
    delete_tab(workbook, "Personen")
    set_cell(workbook, "Portefeuilles", "europa", "naam", "Europa en Internationaal")

    snapshot = source.current()
    assert HOLDER in render_text(handler.ask(EUROPA))
    assert snapshot.portfolios["europa"].name == "Europa en Internationaal"
    assert snapshot.kept_tabs == ("Personen",)
    [problem] = [p.describe() for p in snapshot.errors]
    assert "tabblad 'Personen' ontbreekt" in problem and "laatst goed gelezen versie" in problem


def test_a_renamed_required_header_keeps_the_tab_and_the_notice_names_tab_and_header(
    workbook: LocalWorkbook,
) -> None:
    source = SnapshotSource(workbook)
    source.current()
    rename_header(workbook, "Personen", "naam", "volledige naam")

    snapshot = source.current()
    assert HOLDER in render_text(AskHandler(source).ask(EUROPA))
    [problem] = snapshot.errors
    assert (problem.tab, problem.column) == ("Personen", "naam")
    assert problem.describe().startswith("FOUT Personen!1:1 (naam): kolom 'naam' ontbreekt")
    assert "laatst goed gelezen versie van dit tabblad" in problem.describe()


def test_staff_hear_which_tab_and_header_in_a_running_slack_server(tmp_path: Path) -> None:
    book = LocalWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(book)
    book.write_tabs({"Beheerders": seed_with_staff()["Beheerders"]})
    with running_fake_slack() as fake:
        config = settings(tmp_path, fake, G40_WORKBOOK=str(book.path))
        with slack_server(config, fake, tmp_path) as slack:
            rename_header(book, "Functies", "titel", "functienaam")
            report = reload_reply(slack)
            assert "Niet te lezen, dus de vorige versie gebruikt: Functies." in report
            assert "FOUT Functies!1:1 (titel): kolom 'titel' ontbreekt" in report
            assert "eerste vicevoorzitter" in answer(slack).casefold()
            assert health(slack)[1]["snapshot"]["kept_tabs"] == ["Functies"]
            slack.settle()
    [notice] = staff_texts(fake)
    assert "Functies!1:1 (titel)" in notice and "laatst goed gelezen versie" in notice


@pytest.mark.repeat(REPEAT)
def test_a_renamed_tab_on_google_keeps_its_rows(tmp_path: Path, key_json: str) -> None:
    with running_fake_slack() as fake, google_sheet() as sheets:
        config = google_settings(tmp_path, fake, sheets, key_json)
        with slack_server(config, fake, tmp_path) as slack:
            tab = sheets.tabs.pop("Personen")
            tab.title = "Personen (oud)"
            sheets.tabs[tab.title] = tab
            sheets.edit("Functies", "voorzitter", "titel", "Voorzitter G40")
            report = reload_reply(slack)
            assert "tabblad 'Personen' ontbreekt" in report
            assert HOLDER in answer(slack)
            assert "Voorzitter G40" in answer(slack, "wat doet de voorzitter?")


def test_check_sheet_reports_a_deleted_kandidaturen_tab(
    isolated_env: Path, workbook: LocalWorkbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("G40_WORKBOOK", str(workbook.path))
    delete_tab(workbook, "Kandidaturen")
    result = CliRunner().invoke(main, ["check-sheet"])
    assert result.exit_code == 1
    assert "FOUT Kandidaturen: tabblad 'Kandidaturen' ontbreekt" in result.output


# --- a local workbook that breaks while the server runs ----------------------------------------


def corrupt(path: Path) -> None:
    path.write_bytes(b"half geschreven")


def remove(path: Path) -> None:
    path.unlink()


def unopenable(path: Path) -> None:
    # Root reads a chmod 000 file anyway; a directory in its place cannot be opened by anyone.
    path.unlink()
    path.mkdir()


BREAKS = {
    "corrupt": (corrupt, "Werkboek onleesbaar"),
    "missing": (remove, "Werkboek niet gevonden"),
    "unreadable": (unopenable, "Werkboek onleesbaar"),
}


@pytest.mark.parametrize("break_it", list(BREAKS))
def test_a_local_workbook_that_breaks_mid_run_is_told_and_the_last_good_version_serves(
    break_it: str, tmp_path: Path
) -> None:
    book = LocalWorkbook(tmp_path / "werkboek.xlsx")
    book.write_tabs(seed_with_staff())
    damage, why = BREAKS[break_it]
    with running_fake_slack() as fake:
        config = settings(tmp_path, fake, G40_WORKBOOK=str(book.path))
        with slack_server(config, fake, tmp_path) as slack:
            before = datetime.now(UTC)
            with time_machine.travel(before + timedelta(minutes=5), tick=False):
                damage(book.path)
                report = reload_reply(slack)
                status, body = health(slack)
                assert HOLDER in answer(slack)
            assert "Sheet lezen mislukt" in report and why in report
            assert "gebruikt g40bot de laatste goede versie" in report
            assert status == 200 and body["status"] == "degraded"
            assert body["last_refresh_error"]["kind"] == "sheet_unreadable"
            assert body["snapshot"]["age_seconds"] >= 5 * 60
            assert str(book.path) not in str(body)

            if book.path.is_dir():
                book.path.rmdir()
            book.path.unlink(missing_ok=True)
            book.write_tabs(seed_with_staff())  # staff put the good workbook back
            assert "Sheet opnieuw gelezen" in reload_reply(slack)
            assert health(slack)[1]["status"] == "ok"
    posted = staff_texts(fake)
    assert [why in text for text in posted] == [True, False]
    assert "Het sheet is weer te lezen" in posted[1]


def test_healthz_is_503_when_the_store_is_down(tmp_path: Path) -> None:
    book = LocalWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(book)
    with running_fake_slack() as fake:
        config = settings(tmp_path, fake, G40_WORKBOOK=str(book.path))
        with slack_server(config, fake, tmp_path) as slack:
            database = tmp_path / "g40.db"
            slack.service.store.engine.dispose()
            for path in tmp_path.glob("g40.db*"):
                path.unlink()
            database.mkdir()  # the disk the database was on is gone
            status, body = health(slack)
            database.rmdir()
    assert status == 503
    assert body["status"] == "unavailable" and body["store"] == {"reachable": False}


def test_healthz_is_503_without_a_snapshot_to_serve(tmp_path: Path) -> None:
    from bot.health import health_report

    broken = tmp_path / "kapot.xlsx"
    corrupt(broken)
    store = Store(f"sqlite:///{tmp_path / 'g40.db'}")
    source = SnapshotSource(LocalWorkbook(broken))
    try:
        assert source.latest() is None
        status, body = health_report(source, store)
    finally:
        store.close()
    assert status == 503 and body["status"] == "unavailable"
    assert body["snapshot"]["read_at"] is None
    assert body["last_refresh_error"]["kind"] == "sheet_unreadable"


# --- Planning unreadable when a reminder is due --------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'g40.sqlite3'}")
    yield opened
    opened.close()


def clock_for(source: SnapshotSource, store: Store, fake: FakeSlack) -> ReminderClock:
    notifier = SlackNotifier(fan_out_client("xoxb-test", fake.api_url))
    alerts = StaffAlerts(store.events, [StaffChannel(notifier, STAFF_CHANNEL)])
    return ReminderClock(
        source,
        store.deliveries,
        store.subscriptions,
        [notifier],
        announce_channel=ANNOUNCE,
        staff=alerts,
    )


def announced(fake: FakeSlack) -> list[str]:
    return [
        str(call["text"])
        for call in fake.delivered("chat.postMessage")
        if call["channel"] == ANNOUNCE
    ]


def test_planning_deleted_after_a_good_read_still_sends_the_due_reminder(
    workbook: LocalWorkbook, store: Store, fake: FakeSlack
) -> None:
    source = SnapshotSource(workbook)
    clock = clock_for(source, store, fake)
    assert clock.tick(DAY_BEFORE - timedelta(hours=1)).due == 0
    delete_tab(workbook, "Planning")

    report = clock.tick(DAY_BEFORE)
    assert report.sent == 1 and report.planning_unreadable is None
    [reminder] = announced(fake)
    assert "G40 netwerkdagen" in reminder


def test_planning_unreadable_at_the_due_time_waits_and_is_sent_once_when_back(
    workbook: LocalWorkbook,
    store: Store,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    rename_header(workbook, "Planning", "start", "begin")
    clock = clock_for(SnapshotSource(workbook), store, fake)
    caplog.set_level(logging.WARNING, logger="bot.handlers.reminders")

    with time_machine.travel(DAY_BEFORE, tick=False):
        waiting = clock.tick(DAY_BEFORE)
        clock.tick(DAY_BEFORE + timedelta(minutes=1))
    assert waiting.sent == 0 and "kolom 'start' ontbreekt" in (waiting.planning_unreadable or "")
    assert "het tabblad Planning is niet te lezen" in waiting.summary()
    assert announced(fake) == []
    logged = [r.getMessage() for r in caplog.records if "Planning tab cannot be read" in r.message]
    assert len(logged) == 1 and "kolom 'start' ontbreekt" in logged[0]

    rename_header(workbook, "Planning", "begin", "start")
    back = DAY_BEFORE + timedelta(hours=2)  # within the six hours' grace
    with time_machine.travel(back, tick=False):
        assert clock.tick(back).sent == 1
        assert clock.tick(back + timedelta(minutes=1)).sent == 0
    [reminder] = announced(fake)
    assert "G40 netwerkdagen" in reminder

    notices = staff_texts(fake)
    assert len(notices) == 2, notices
    assert "Het tabblad Planning kan niet worden gelezen (kolom 'start' ontbreekt)" in notices[0]
    assert "binnen 6 uur" in notices[0]
    assert "Planning is weer te lezen" in notices[1]


def test_a_sheet_never_read_makes_reminders_wait_not_crash(
    tmp_path: Path, store: Store, fake: FakeSlack
) -> None:
    broken = tmp_path / "kapot.xlsx"
    corrupt(broken)
    book = LocalWorkbook(broken)
    clock = clock_for(SnapshotSource(book), store, fake)

    waiting = clock.tick(DAY_BEFORE)
    assert waiting.sent == 0 and "Werkboek onleesbaar" in (waiting.planning_unreadable or "")
    broken.unlink()
    seed_workbook(book)
    assert clock.tick(DAY_BEFORE + timedelta(hours=1)).sent == 1


# --- a save under load: one reader, answers from the current snapshot ----------------------------


class GatedWorkbook(LocalWorkbook):
    """A workbook whose reads can be held up, and counted."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.reads = 0
        self.gate = threading.Event()
        self.gate.set()
        self.reading = threading.Event()

    def read(self) -> dict[str, list[list[RawCell]]]:
        self.reads += 1
        self.reading.set()
        assert self.gate.wait(30)
        return super().read()


def test_questions_after_a_save_are_answered_from_the_current_snapshot_by_one_reader(
    tmp_path: Path,
) -> None:
    book = GatedWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(book)
    moment = Moment()
    with SnapshotSource(book, answer_while_reading=True, monotonic=moment).start(3600) as source:
        handler = AskHandler(source)
        assert HOLDER in render_text(handler.ask(EUROPA))
        book.reading.clear()
        book.gate.clear()
        set_cell(book, "Personen", "gerdien-looman", "naam", "Gerdien L.")
        moment.now += VERSION_CHECK_SECONDS

        answers: list[str] = []
        askers = [
            threading.Thread(target=lambda: answers.append(render_text(handler.ask(EUROPA))))
            for _ in range(20)
        ]
        for asker in askers:
            asker.start()
        for asker in askers:
            asker.join(10)
        assert book.reading.wait(10), "the save was not read on the source's thread"
        held = len(answers)
        book.gate.set()
        source.reload()

        assert held == 20, "questions waited for the workbook instead of the snapshot"
        assert all(HOLDER in text for text in answers)
        assert book.reads == 3  # the first read, the one read of the save, the reload
        assert "Gerdien L." in render_text(handler.ask(EUROPA))


class Moment:
    """A monotonic clock that moves only when a test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountedWorkbook(LocalWorkbook):
    """A workbook that counts how often its version (a stat of the file) is looked at."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.looks = 0

    def version(self) -> str | None:
        self.looks += 1
        return super().version()


def test_a_server_looks_at_the_workbook_once_per_interval_and_sees_a_save_after_it(
    tmp_path: Path,
) -> None:
    """Hundreds of questions a second cost one stat of the file per interval, not one each;
    a save is still read at the first question after the interval."""
    book = CountedWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(book)
    moment = Moment()
    with SnapshotSource(book, answer_while_reading=True, monotonic=moment).start(3600) as source:
        handler = AskHandler(source)
        assert HOLDER in render_text(handler.ask(EUROPA))
        looks = book.looks
        set_cell(book, "Personen", "gerdien-looman", "naam", "Gerdien L.")
        for _ in range(200):
            assert HOLDER in render_text(handler.ask(EUROPA))
        assert book.looks == looks, "a question within the interval looked at the file"

        moment.now += VERSION_CHECK_SECONDS
        handler.ask(EUROPA)  # notices the save; the source's thread reads it
        source.reload()
        assert "Gerdien L." in render_text(handler.ask(EUROPA))


def test_the_console_sees_a_saved_edit_at_the_very_next_question(workbook: LocalWorkbook) -> None:
    handler = AskHandler(SnapshotSource(workbook))
    assert HOLDER in render_text(handler.ask(EUROPA))
    set_cell(workbook, "Personen", "gerdien-looman", "naam", "Gerdien L.")
    assert "Gerdien L." in render_text(handler.ask(EUROPA))


def test_a_kept_fresh_source_stops_its_thread_when_closed(isolated_env: Path) -> None:
    before = set(threading.enumerate())
    source = open_source(Settings(_env_file=None), keep_fresh=True, answer_while_reading=True)
    refresh = [t for t in set(threading.enumerate()) - before if t.name == "g40-sheet-refresh"]
    source.close()
    assert refresh and not any(thread.is_alive() for thread in refresh)


# --- Teams: the same truth on /healthz, the same notices in its staff conversation -----------

TEAMS_STAFF = "19:staff@thread.tacv2"


def test_teams_staff_hear_of_a_broken_workbook_once_and_healthz_tells_it(tmp_path: Path) -> None:
    from bot.platforms.teams.app import build_teams_service
    from bot.settings import TEAMS_ANONYMOUS_ALLOWED
    from tests.fake_teams_connector import FakeConnector
    from tests.test_teams import channel_reference
    from tests.test_teams import serving as serving_teams

    book = LocalWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(book)
    config = Settings(
        _env_file=None,
        G40_WORKBOOK=str(book.path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'g40.db'}",
        G40_REFRESH_SECONDS="3600",
        G40_TEAMS_STAFF_CONVERSATION=TEAMS_STAFF,
        **{TEAMS_ANONYMOUS_ALLOWED: "true"},
    )
    connector = FakeConnector().start()
    store = Store(config.database_url)
    store.teams.save(channel_reference(TEAMS_STAFF, connector.url))
    store.close()
    service = build_teams_service(config)
    try:
        with serving_teams(service.web_app) as url:
            corrupt(book.path)
            for _refresh in range(3):
                service.runtime.source.reload()
            degraded = requests.get(f"{url}/healthz", timeout=10)
            book.path.unlink()
            seed_workbook(book)
            service.runtime.source.reload()
            healthy = requests.get(f"{url}/healthz", timeout=10)
    finally:
        service.close()
        connector.stop()

    assert degraded.status_code == 200 and degraded.json()["status"] == "degraded"
    assert degraded.json()["last_refresh_error"]["kind"] == "sheet_unreadable"
    assert healthy.status_code == 200 and healthy.json()["status"] == "ok"
    notices = [str(posted.activity) for posted in connector.posted]
    assert len(notices) == 2, notices
    assert "Werkboek onleesbaar" in notices[0] and "Het sheet is weer te lezen" in notices[1]
    assert {posted.conversation_id for posted in connector.posted} == {TEAMS_STAFF}
