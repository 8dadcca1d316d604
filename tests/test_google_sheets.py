"""Google Sheets as the live source: real gspread and google-auth against a stateful fake of the
Sheets v4 API (tests/fake_sheets.py), counting every request."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from google.auth import _exponential_backoff
from tenacity import wait_none

from bot.app import open_source
from bot.cli import main
from bot.handlers.ask import AskHandler
from bot.models import RawCell, Snapshot
from bot.reply import render_text
from bot.settings import Settings
from bot.sheets import (
    GoogleWorkbook,
    RetryPolicy,
    SheetUnavailable,
    SnapshotSource,
    WorkbookError,
    service_account_credentials,
)
from tests.cli import g40bot
from tests.fake_sheets import FakeSheets, service_account_key, serving_fake_sheets
from tests.fake_slack import running_fake_slack
from tests.sheet_checks import assert_warns_that_the_new_tabs_are_missing

CLIENT_EMAIL = "g40bot@g40-test.iam.gserviceaccount.com"
# The fault tests run this often in one run: a thread left by an earlier test, hitting this
# test's fake, shows up as a failure instead of a rare flake.
FAULT_REPEAT = 3
DAY = date(2026, 6, 1)


class Waits(list[float]):
    """Stands in for time.sleep: records the backoff instead of sleeping it."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture(scope="session")
def key_json() -> str:
    return service_account_key(CLIENT_EMAIL)


@pytest.fixture
def fake(seed: dict[str, list[list[RawCell]]]) -> Iterator[FakeSheets]:
    with serving_fake_sheets(seed) as sheets:
        yield sheets


@pytest.fixture
def google_env(
    fake: FakeSheets, key_json: str, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> FakeSheets:
    """The environment an admin sets up per docs/deploy.md."""
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("G40_SPREADSHEET_ID", fake.spreadsheet_id)
    monkeypatch.setenv("G40_GOOGLE_CREDENTIALS", key_json)
    return fake


def google(fake: FakeSheets, key_json: str, waits: Waits | None = None) -> GoogleWorkbook:
    retry = RetryPolicy(attempts=5, wait=wait_none(), sleep=waits if waits is not None else Waits())
    credentials = service_account_credentials(key_json=key_json)
    return GoogleWorkbook.from_service_account(fake.spreadsheet_id, credentials, retry=retry)


def ask(source: SnapshotSource, question: str) -> str:
    return render_text(AskHandler(source).ask(question, today=DAY))


# --- reading: one request per refresh, none per question --------------------------------------


def test_one_batch_get_per_refresh_and_none_per_question(google_env: FakeSheets) -> None:
    source = open_source(Settings())
    assert isinstance(source.workbook, GoogleWorkbook)
    assert google_env.operations() == ["batchGet"]

    handler = AskHandler(source)
    answers = {render_text(handler.ask("wie heeft Europa?", today=DAY)) for _ in range(1000)}
    assert google_env.count() == 1
    assert len(answers) == 1 and "g.looman@enschede.nl" in answers.pop()

    for _ in range(3):
        source.reload()
    assert google_env.operations() == ["batchGet"] * 4
    assert google_env.token_requests == 1  # the access token is reused, not fetched per read


def test_staff_edit_shows_after_the_next_refresh_not_before(google_env: FakeSheets) -> None:
    source = open_source(Settings())
    google_env.edit("Personen", "gerdien-looman", "email", "gerdien@example.nl")
    assert "g.looman@enschede.nl" in ask(source, "wie heeft Europa?")
    source.reload()
    assert "gerdien@example.nl" in ask(source, "wie heeft Europa?")


@pytest.mark.repeat(FAULT_REPEAT)
def test_background_refresh_follows_edits_and_notifies_once_per_new_set(
    google_env: FakeSheets,
) -> None:
    notified: list[Snapshot] = []
    first_notice = threading.Event()

    def on_new_problems(snapshot: Snapshot) -> None:
        notified.append(snapshot)
        first_notice.set()

    source = open_source(Settings(), on_new_problems=on_new_problems)
    with source.start(0.01):
        bad_cell = google_env.edit("Personen", "marc-jaarsma", "email", "geen adres")
        assert first_notice.wait(5), "the refresh never reported the broken cell"
        reads_at_notice = google_env.count("batchGet")
        while google_env.count("batchGet") < reads_at_notice + 5:
            threading.Event().wait(0.01)
    assert len(notified) == 1
    assert [problem.cell for problem in notified[0].errors] == [bad_cell]
    assert google_env.operations() == ["batchGet"] * google_env.count()


def test_closing_the_slack_service_stops_its_sheet_refresh(
    google_env: FakeSheets, tmp_path: Path
) -> None:
    """A service that is closed reads the sheet no more: its refresh thread ends with it."""
    from bot.platforms.slack.app import build_slack_service

    with running_fake_slack() as slack:
        settings = Settings(
            _env_file=None,
            SLACK_API_URL=slack.api_url,
            SLACK_BOT_TOKEN="xoxb-test-token",
            SLACK_SIGNING_SECRET="geheim",
            DATABASE_URL=f"sqlite:///{tmp_path / 'g40.db'}",
        )
        service = build_slack_service(settings)
    refreshing = [t for t in threading.enumerate() if t.name == "g40-sheet-refresh"]
    assert len(refreshing) == 1 and refreshing[0].is_alive()
    service.close()
    assert not refreshing[0].is_alive()


def test_notification_fires_once_per_new_set_of_problems(fake: FakeSheets, key_json: str) -> None:
    notified: list[list[str]] = []
    source = SnapshotSource(
        google(fake, key_json),
        on_new_problems=lambda s: notified.append([p.cell for p in s.errors]),
    )
    source.current()
    first = fake.edit("Personen", "marc-jaarsma", "email", "geen adres")
    source.reload()
    source.reload()
    second = fake.edit("Functies", "voorzitter", "gekozen", "misschien")
    source.reload()
    source.reload()
    fake.edit("Personen", "marc-jaarsma", "email", "secretaris@g40stedennetwerk.nl")
    fake.edit("Functies", "voorzitter", "gekozen", "ja")
    source.reload()
    fake.edit("Personen", "marc-jaarsma", "email", "weer kapot")
    source.reload()
    assert notified == [[first], sorted([first, second]), [first]]


# --- failures: bounded retries, the last good snapshot keeps serving ---------------------------


@pytest.mark.repeat(FAULT_REPEAT)
def test_rate_limit_then_success(fake: FakeSheets, key_json: str) -> None:
    source = SnapshotSource(google(fake, key_json))
    good = source.current()
    fake.fail(429, times=2, operation="batchGet")
    fake.edit("Personen", "gerdien-looman", "naam", "Gerdien L.")
    fresh = source.reload()
    assert fresh is not good and fresh.people["gerdien-looman"].name == "Gerdien L."
    assert fake.operations() == ["batchGet"] * 4 and source.last_error is None


@pytest.mark.repeat(FAULT_REPEAT)
def test_server_error_forever_gives_up_and_keeps_the_last_good_snapshot(
    fake: FakeSheets, key_json: str
) -> None:
    waits = Waits()
    source = SnapshotSource(google(fake, key_json, waits))
    good = source.current()
    fake.fail(500, times=None)
    assert source.reload() is good
    assert fake.count("batchGet") == 1 + 5
    assert len(waits) == 4
    assert isinstance(source.last_error, SheetUnavailable)
    assert "500" in str(source.last_error) and "5 pogingen" in str(source.last_error)
    assert "g.looman@enschede.nl" in ask(source, "wie heeft Europa?")
    fake.heal()
    source.reload()
    assert source.last_error is None


def test_default_backoff_is_bounded_with_growing_jittered_waits(
    fake: FakeSheets, key_json: str
) -> None:
    waits = Waits()
    credentials = service_account_credentials(key_json=key_json)
    workbook = GoogleWorkbook.from_service_account(
        fake.spreadsheet_id, credentials, retry=RetryPolicy(sleep=waits)
    )
    fake.fail(503, times=None)
    with pytest.raises(SheetUnavailable):
        workbook.read()
    assert len(waits) == RetryPolicy().attempts - 1
    assert all(1 <= wait <= 22 for wait in waits) and waits[-1] > waits[0]
    assert sum(waits) < 40


@pytest.mark.repeat(FAULT_REPEAT)
def test_timeout_and_expired_token_are_survived(fake: FakeSheets, key_json: str) -> None:
    source = SnapshotSource(google(fake, key_json))
    source.current()
    fake.time_out(after_applying=False, operation="batchGet")
    fake.edit("Personen", "gerdien-looman", "naam", "Gerdien L.")
    assert source.reload().people["gerdien-looman"].name == "Gerdien L."
    fake.expire_token()
    fake.edit("Personen", "gerdien-looman", "naam", "Gerdien Looman")
    assert source.reload().people["gerdien-looman"].name == "Gerdien Looman"
    assert fake.token_requests == 2 and source.last_error is None


@pytest.fixture
def google_auth_waits(monkeypatch: pytest.MonkeyPatch) -> Waits:
    """google-auth retries a failing token endpoint itself, sleeping about 1 s and 2 s between
    its three tries (for real: 15 s over five attempts of ours); recorded here instead."""
    waits = Waits()
    monkeypatch.setattr(_exponential_backoff, "time", SimpleNamespace(sleep=waits))
    return waits


@pytest.mark.repeat(FAULT_REPEAT)
def test_token_endpoint_down_is_retried_then_reported(
    fake: FakeSheets, key_json: str, google_auth_waits: Waits
) -> None:
    source = SnapshotSource(google(fake, key_json))
    good = source.current()
    fake.token_service_down = True
    fake.expire_token()
    assert source.reload() is good
    assert "inloggen bij Google" in str(source.last_error)
    assert fake.count("batchGet") == 1 + 5  # each attempt: a 401, then a failed token fetch
    fake.token_service_down = False
    source.reload()
    assert source.last_error is None


# --- access and selection ---------------------------------------------------------------------


@pytest.mark.parametrize("status", [403, 404])
def test_no_access_names_the_service_account_and_the_spreadsheet(
    google_env: FakeSheets, status: int
) -> None:
    google_env.denied = status
    with pytest.raises(WorkbookError) as raised:
        open_source(Settings())
    message = str(raised.value)
    assert CLIENT_EMAIL in message and google_env.spreadsheet_id in message
    assert "\n" not in message and "Bewerker" in message
    assert google_env.count() == 1  # a permission problem is not retried


def test_no_access_is_one_line_from_the_cli(google_env: FakeSheets) -> None:
    google_env.denied = 403
    result = g40bot("check-sheet")
    err = result.stderr
    assert result.returncode == 2
    assert err.count("\n") == 1 and CLIENT_EMAIL in err and google_env.spreadsheet_id in err


def test_disabled_api_says_to_enable_it(google_env: FakeSheets) -> None:
    google_env.api_disabled = True
    with pytest.raises(WorkbookError, match="Google Sheets API staat uit"):
        open_source(Settings())


def test_key_from_a_file_selects_google_too(
    google_env: FakeSheets, key_json: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "sleutel.json"
    key_file.write_text(key_json)
    monkeypatch.delenv("G40_GOOGLE_CREDENTIALS")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    assert open_source(Settings()).workbook.location.endswith(google_env.spreadsheet_id)


def test_spreadsheet_without_key_or_with_a_broken_key_says_which_setting(
    google_env: FakeSheets, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("G40_GOOGLE_CREDENTIALS", "{niet: json")
    with pytest.raises(WorkbookError, match="G40_GOOGLE_CREDENTIALS bevat geen bruikbare"):
        open_source(Settings())
    monkeypatch.delenv("G40_GOOGLE_CREDENTIALS")
    with pytest.raises(WorkbookError, match="GOOGLE_APPLICATION_CREDENTIALS"):
        open_source(Settings())
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", "/nergens/sleutel.json")
    with pytest.raises(WorkbookError, match="bestaat niet"):
        open_source(Settings())
    assert google_env.count() == 0


def test_without_a_spreadsheet_id_the_local_workbook_serves(
    isolated_env: Path, key_json: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("G40_SPREADSHEET_ID", raising=False)
    monkeypatch.setenv("G40_GOOGLE_CREDENTIALS", key_json)
    source = open_source(Settings())
    assert source.workbook.location == str(isolated_env)


# --- validation of staff edits, located ---------------------------------------------------------

MALFORMED = [
    ("Personen", "marc-jaarsma", "email", "marc at g40", "geen e-mailadres"),
    ("Personen", "gerdien-looman", "naam", "", "deze cel is leeg"),
    ("Personen", "lotus-van-nes", "afwezig_vanaf", "morgen", "geen datum"),
    ("Personen", "marleen-langendijk", "vervanger", "niemand", "staat niet in Personen"),
    ("Functies", "voorzitter", "gekozen", "misschien", "geen ja of nee"),
    ("Functies", "voorzitter", "orgaan", "Raad", "geen toegestane waarde"),
    ("Functies", "voorzitter", "pijler", "Cultuur", "geen pijler"),
    ("Functies", "voorzitter", "houder", "onbekende-persoon", "staat niet in Personen"),
    ("Functies", "voorzitter", "vervangers", "geen-functie", "staat niet in Functies"),
    ("Functies", "tweede-vicevoorzitter", "id", "Tweede Vice", "kleine letters"),
    ("Functies", "tweede-vicevoorzitter", "id", "voorzitter", "dubbel"),
    ("Portefeuilles", "europa", "functie", "bestaat-niet", "staat niet in Functies"),
    ("Portefeuilles", "europa", "soort", "club", "geen toegestane waarde"),
    ("Planning", "netwerkdagen", "start", "31-02-2026", "geen datum"),
    ("Planning", "netwerkdagen", "herinneringen", "soms", "geen herinnering"),
    ("Planning", "netwerkdagen", "tijd", "25:00", "geen tijd"),
    ("Planning", "netwerkdagen", "contact", "iemand", "staat niet in Personen"),
]


@pytest.mark.parametrize(("tab", "key", "column", "value", "reason"), MALFORMED)
def test_each_malformed_staff_edit_is_located(
    fake: FakeSheets, key_json: str, tab: str, key: str, column: str, value: str, reason: str
) -> None:
    source = SnapshotSource(google(fake, key_json))
    assert source.current().problems == ()
    cell = fake.edit(tab, key, column, value)
    problems = [p for p in source.reload().errors if p.cell == cell]
    assert len(problems) == 1, [p.describe() for p in source.current().problems]
    assert reason in problems[0].reason and problems[0].column == column
    assert problems[0].describe().startswith(f"FOUT {cell} ({column})")


def test_problems_across_cells_point_at_the_cell_or_the_row(
    fake: FakeSheets, key_json: str
) -> None:
    source = SnapshotSource(google(fake, key_json))
    source.current()
    fake.edit("Planning", "netwerkdagen", "start", "10-09-2026")
    end = fake.edit("Planning", "netwerkdagen", "eind", "2026-09-01")
    staff = fake.tabs["Beheerders"]
    staff.rows.append(["Iemand zonder id", "", "", ""])
    cells = {p.cell: p.reason for p in source.reload().errors}
    assert cells == {
        end: "eind ligt vóór start",
        f"Beheerders!{len(staff.rows)}:{len(staff.rows)}": (
            "een beheerder zonder e-mail, Slack-id of Teams-id"
        ),
    }


def test_missing_column_and_missing_tab_are_reported_and_the_rest_serves(
    fake: FakeSheets, key_json: str
) -> None:
    source = SnapshotSource(google(fake, key_json))
    source.current()
    del fake.tabs["Gemeenten"]
    fake.tabs["Personen"].rows[0][1] = "volledige naam"
    snapshot = source.reload()
    described = [p.describe() for p in snapshot.errors]
    assert any("tabblad 'Gemeenten' ontbreekt" in line for line in described)
    assert any(line.startswith("FOUT Personen!1:1 (naam)") for line in described)
    # The deleted tab keeps its last good rows; the renamed header's tab too.
    assert snapshot.roles and snapshot.municipalities and snapshot.people
    assert snapshot.kept_tabs == ("Personen", "Gemeenten")
    # The missing tab cost one metadata read; later refreshes skip it with a single batchGet.
    assert fake.operations() == ["batchGet", "batchGet", "metadata", "batchGet"]
    source.reload()
    assert fake.operations()[-1:] == ["batchGet"] and fake.count("metadata") == 1


def test_a_tab_staff_renamed_in_lower_case_is_still_read(fake: FakeSheets, key_json: str) -> None:
    fake.tabs["functies"] = fake.tabs.pop("Functies")
    fake.tabs["functies"].title = "functies"
    snapshot = SnapshotSource(google(fake, key_json)).current()
    assert snapshot.problems == () and "voorzitter" in snapshot.roles


# --- dates, phone numbers and ids -----------------------------------------------------------------


def serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


def test_dates_as_serial_numbers_and_as_dutch_or_iso_text(fake: FakeSheets, key_json: str) -> None:
    source = SnapshotSource(google(fake, key_json))
    fake.edit("Planning", "netwerkdagen", "start", serial(date(2026, 9, 10)) + 0.375)
    fake.edit("Planning", "netwerkdagen", "eind", "11-09-2026")
    fake.edit("Planning", "kandidaatstelling", "start", serial(date(2026, 6, 15)))
    fake.edit("Planning", "kandidaatstelling", "eind", "2026-06-29 17:00")
    fake.edit("Personen", "lotus-van-nes", "terug_op", "30 mei 2026")
    snapshot = source.current()
    assert snapshot.problems == ()
    assert snapshot.phases["netwerkdagen"].start == datetime(2026, 9, 10, 9, 0)
    assert snapshot.phases["netwerkdagen"].end == date(2026, 9, 11)
    assert snapshot.phases["kandidaatstelling"].start == date(2026, 6, 15)
    assert snapshot.phases["kandidaatstelling"].end == datetime(2026, 6, 29, 17, 0)
    assert snapshot.people["lotus-van-nes"].back_on == date(2026, 5, 30)


def test_phone_numbers_and_ids_stay_text(fake: FakeSheets, key_json: str) -> None:
    source = SnapshotSource(google(fake, key_json))
    fake.edit("Personen", "marc-jaarsma", "telefoon", "0612345678")
    fake.edit("Personen", "marc-jaarsma", "teams_id", "00012345")
    numeric = fake.edit("Personen", "gerdien-looman", "telefoon", 612345678)
    snapshot = source.current()
    assert snapshot.people["marc-jaarsma"].phone == "0612345678"
    assert snapshot.people["marc-jaarsma"].teams_id == "00012345"
    assert [(p.cell, p.severity) for p in snapshot.problems] == [(numeric, "waarschuwing")]
    assert "0612345678" in ask(source, "contact Marc Jaarsma")


# --- check-sheet, init-sheet and reload on Google ----------------------------------------------


def test_init_sheet_fills_an_empty_spreadsheet_then_check_sheet_is_clean(
    google_env: FakeSheets, seed: dict[str, list[list[RawCell]]]
) -> None:
    google_env.tabs.clear()
    google_env.add_tab("Blad1")
    runner = CliRunner()
    result = runner.invoke(main, ["init-sheet"])
    assert result.exit_code == 0, result.output
    assert google_env.spreadsheet_id in result.output
    assert list(google_env.tabs) == ["Blad1", *seed]
    people = google_env.tabs["Personen"]
    assert people.frozen_rows == 1 and people.bold_header
    assert people.formats[people.rows[0].index("telefoon")] == "TEXT"
    assert people.formats[people.rows[0].index("terug_op")] == "DATE"
    roles = google_env.tabs["Functies"]
    assert roles.widths[roles.rows[0].index("taken")] > roles.widths[roles.rows[0].index("id")]
    candidacies = google_env.tabs["Kandidaturen"]
    assert [p["warningOnly"] for p in candidacies.protections] == [True]
    assert not any(
        tab.protections for name, tab in google_env.tabs.items() if name != "Kandidaturen"
    )
    assert google_env.formulas == []

    result = runner.invoke(main, ["check-sheet"])
    assert result.exit_code == 0 and "Geen problemen gevonden" in result.output


WRITES = {"batchUpdate", "valuesBatchUpdate", "append", "update"}


def test_init_sheet_overwrites_no_tab_with_content_unless_forced(google_env: FakeSheets) -> None:
    runner = CliRunner()
    google_env.edit("Personen", "marc-jaarsma", "naam", "Door staf gewijzigd")
    untouched = runner.invoke(main, ["init-sheet"])
    assert untouched.exit_code == 0, untouched.output
    assert "Niets toegevoegd" in untouched.output and "--force" in untouched.output
    assert google_env.cell("Personen", "B2") == "Door staf gewijzigd"
    assert not WRITES & set(google_env.operations())

    forced = runner.invoke(main, ["init-sheet", "--force"])
    assert forced.exit_code == 0, forced.output
    assert google_env.cell("Personen", "B2") == "Marc Jaarsma"
    forced_again = runner.invoke(main, ["init-sheet", "--force"])
    assert forced_again.exit_code == 0
    assert len(google_env.tabs["Kandidaturen"].protections) == 1


def test_a_sheet_from_before_the_new_tabs_gets_just_those_tabs(
    google_env: FakeSheets, seed: dict[str, list[list[RawCell]]]
) -> None:
    """An existing deployment: no Organen tab, an empty Kennis tab staff made by hand, and
    staff edits elsewhere. check-sheet warns and names the fix; init-sheet adds the two tabs
    and writes nothing else."""
    del google_env.tabs["Organen"]
    google_env.tabs["Kennis"].rows = []
    edited = google_env.edit("Personen", "marc-jaarsma", "naam", "Door staf gewijzigd")
    runner = CliRunner()

    checked = runner.invoke(main, ["check-sheet"])
    assert checked.exit_code == 0, checked.output
    assert_warns_that_the_new_tabs_are_missing(checked.output)
    source = open_source(Settings())
    assert "g.looman@enschede.nl" in ask(source, "wie heeft Europa?")

    existing_ids = {tab.sheet_id for title, tab in google_env.tabs.items() if title != "Kennis"}
    google_env.calls.clear()
    added = runner.invoke(main, ["init-sheet"])
    assert added.exit_code == 0, added.output
    assert "Organen, Kennis" in added.output and "niet aangeraakt" in added.output
    assert google_env.cell("Personen", edited.split("!")[1]) == "Door staf gewijzigd"
    for title in ("Organen", "Kennis"):
        tab = google_env.tabs[title]
        assert tab.rows == [
            [cell if cell is not None else "" for cell in row] for row in seed[title]
        ]
        assert tab.frozen_rows == 1 and tab.bold_header
    laid_out = {
        sheet_id
        for _, _, body in google_env.calls
        if body and "requests" in body
        for sheet_id in sheet_ids(body["requests"])
    }
    assert laid_out and not laid_out & existing_ids
    values = [body for _, _, body in google_env.calls if body and "data" in body]
    assert [item["range"] for body in values for item in body["data"]] == ["'Organen'", "'Kennis'"]

    again = runner.invoke(main, ["check-sheet"])
    assert again.exit_code == 0 and "Geen problemen gevonden" in again.output
    reloaded = runner.invoke(main, ["reload"])
    bodies, facts = len(seed["Organen"]) - 1, len(seed["Kennis"]) - 1
    assert f"{bodies} organen, {facts} kennisregels" in reloaded.output


def sheet_ids(value: object) -> set[int]:
    """Every sheetId a batchUpdate request names, however deep."""
    if isinstance(value, dict):
        found = {value["sheetId"]} if "sheetId" in value else set()
        return found.union(*(sheet_ids(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(sheet_ids(item) for item in value))
    return set()


def test_check_sheet_on_google_lists_located_problems(google_env: FakeSheets) -> None:
    cell = google_env.edit("Planning", "netwerkdagen", "herinneringen", "binnenkort")
    result = CliRunner().invoke(main, ["check-sheet"])
    assert result.exit_code == 1
    assert f"FOUT {cell} (herinneringen) — waarde 'binnenkort'" in result.output
    assert google_env.spreadsheet_id in result.output.splitlines()[-1]


def test_reload_reads_at_once_and_prints_what_the_bot_sees(google_env: FakeSheets) -> None:
    google_env.edit("Personen", "marc-jaarsma", "email", "kapot")
    result = CliRunner().invoke(main, ["reload"])
    assert result.exit_code == 0, result.output
    assert "20 functies" in result.output and "1 fout(en)" in result.output
    assert google_env.operations() == ["batchGet"]
