"""The one writer (candidacy rows, status updates) on both backends: rows land under the right
header, user text stays inert, and a retried append never makes a second row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tenacity import wait_none

from bot.models import RawCell, build_snapshot
from bot.sheets import (
    GoogleWorkbook,
    LocalWorkbook,
    RetryPolicy,
    SheetUnavailable,
    SheetWriter,
    WorkbookError,
    service_account_credentials,
)
from bot.text import neutralise_formula
from tests.conftest import seeded_workbook
from tests.fake_sheets import FakeSheets, service_account_key, serving_fake_sheets

NOW = datetime(2026, 6, 1, 14, 30)
FAST = RetryPolicy(attempts=4, wait=wait_none(), sleep=lambda _: None)
ATTACKS = [
    '=HYPERLINK("http://evil.example","klik")',
    "+31 6 1234 5678",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def candidacy(submission_id: str = "sub-1", **values: RawCell) -> dict[str, RawCell]:
    row: dict[str, RawCell] = {
        "inzending_id": submission_id,
        "ingediend_op": NOW,
        "functie": "voorzitter",
        "naam": "Anna de Vries",
        "gemeente": "Almere",
        "email": "anna@almere.nl",
        "motivatie": "Ik wil graag bijdragen.",
        "platform": "slack",
        "gebruiker_id": "U123",
        "status": "ingediend",
    }
    return {**row, **values}


@pytest.fixture(scope="session")
def key_json() -> str:
    return service_account_key()


@pytest.fixture
def fake(seed: dict[str, list[list[RawCell]]]) -> Iterator[FakeSheets]:
    with serving_fake_sheets(seed) as sheets:
        yield sheets


@pytest.fixture
def google(fake: FakeSheets, key_json: str) -> GoogleWorkbook:
    credentials = service_account_credentials(key_json=key_json)
    return GoogleWorkbook.from_service_account(fake.spreadsheet_id, credentials, retry=FAST)


@pytest.fixture(params=["local", "google"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> LocalWorkbook | GoogleWorkbook:
    if request.param == "google":
        workbook: GoogleWorkbook = request.getfixturevalue("google")
        return workbook
    return seeded_workbook(tmp_path / "werkboek.xlsx")


def writer(workbook: LocalWorkbook | GoogleWorkbook) -> SheetWriter:
    return SheetWriter(workbook, retry=FAST, now=lambda: NOW)


def rows_with(workbook: LocalWorkbook | GoogleWorkbook, submission_id: str) -> list[list[RawCell]]:
    return [row for row in workbook.read_tab("Kandidaturen") if row and row[0] == submission_id]


def test_neutralise_formula_prefixes_only_formula_starts() -> None:
    for attack in ATTACKS:
        assert neutralise_formula(attack) == "'" + attack
    for harmless in ["Anna de Vries", "06-12345678", "anna@almere.nl", "", "'al tekst"]:
        assert neutralise_formula(harmless) == harmless


def test_a_candidacy_is_appended_once_and_read_back(
    backend: LocalWorkbook | GoogleWorkbook,
) -> None:
    sheet_writer = writer(backend)
    assert sheet_writer.append_candidacy(candidacy()) is True
    assert sheet_writer.append_candidacy(candidacy(naam="Anna (opnieuw)")) is False
    assert len(rows_with(backend, "sub-1")) == 1
    snapshot = build_snapshot(backend.read())
    [stored] = snapshot.candidacies
    assert (stored.name, stored.role, stored.submitted_at) == ("Anna de Vries", "voorzitter", NOW)
    assert not [p for p in snapshot.problems if p.tab == "Kandidaturen"]


def test_formula_looking_user_text_is_stored_inert(
    backend: LocalWorkbook | GoogleWorkbook,
) -> None:
    sheet_writer = writer(backend)
    for number, attack in enumerate(ATTACKS):
        sheet_writer.append_candidacy(
            candidacy(f"sub-{number}", naam=attack, motivatie=attack, huidige_functie=attack)
        )
    stored = {row.submission_id: row for row in build_snapshot(backend.read()).candidacies}
    for number, attack in enumerate(ATTACKS):
        row = stored[f"sub-{number}"]
        assert row.motivation == row.current_office
        # An .xlsx keeps a carriage return as a line feed; either way the apostrophe leads.
        assert row.motivation.replace("\r", "\n") == ("'" + attack).replace("\r", "\n")
    if isinstance(backend, LocalWorkbook):
        sheet = load_workbook(backend.path)["Kandidaturen"]
        assert "f" not in {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row}


def test_formula_text_never_becomes_a_formula_in_google(
    fake: FakeSheets, google: GoogleWorkbook
) -> None:
    writer(google).append_candidacy(candidacy(motivatie='=IMPORTXML("http://x","//a")'))
    assert fake.formulas == []
    assert fake.cell("Kandidaturen", "H2") == '\'=IMPORTXML("http://x","//a")'
    [(_, params, _)] = [call for call in fake.calls if call[0] == "append"]
    assert params["valueInputOption"] == ["RAW"] and params["insertDataOption"] == ["INSERT_ROWS"]


def test_columns_staff_moved_still_get_the_right_values(
    fake: FakeSheets, google: GoogleWorkbook
) -> None:
    header = fake.tabs["Kandidaturen"].rows[0]
    header[2], header[3] = header[3], header[2]  # naam before functie
    writer(google).append_candidacy(candidacy())
    assert fake.cell("Kandidaturen", "C2") == "Anna de Vries"
    assert fake.cell("Kandidaturen", "D2") == "voorzitter"
    assert fake.cell("Kandidaturen", "B2") == "2026-06-01 14:30"


def test_no_duplicate_row_after_a_timeout_once_the_append_arrived(
    fake: FakeSheets, google: GoogleWorkbook
) -> None:
    fake.time_out(after_applying=True, operation="append")
    assert writer(google).append_candidacy(candidacy()) is True
    # read ids, append (arrives, then times out), read ids again: found, so no second append
    assert fake.operations() == ["batchGet", "append", "batchGet"]
    assert len(rows_with(google, "sub-1")) == 1


def test_a_failure_before_the_append_arrived_is_retried(
    fake: FakeSheets, google: GoogleWorkbook
) -> None:
    fake.fail(503, times=1, operation="append")
    fake.time_out(after_applying=False, operation="append")
    assert writer(google).append_candidacy(candidacy()) is True
    assert len(rows_with(google, "sub-1")) == 1
    assert fake.count("append") == 3


def test_an_append_that_keeps_failing_gives_up_after_bounded_attempts(
    fake: FakeSheets, google: GoogleWorkbook
) -> None:
    fake.fail(500, times=None, operation="append")
    with pytest.raises(SheetUnavailable, match="4 pogingen"):
        writer(google).append_candidacy(candidacy())
    assert fake.count("append") == 4 and rows_with(google, "sub-1") == []


def test_status_update_changes_only_that_row(backend: LocalWorkbook | GoogleWorkbook) -> None:
    sheet_writer = writer(backend)
    sheet_writer.append_candidacy(candidacy("sub-1"))
    sheet_writer.append_candidacy(candidacy("sub-2", naam="Bert"))
    assert sheet_writer.update_status("sub-2", "ingetrokken") is True
    assert sheet_writer.update_status("bestaat-niet", "ingetrokken") is False
    stored = {row.submission_id: row for row in build_snapshot(backend.read()).candidacies}
    assert stored["sub-1"].status == "ingediend" and stored["sub-1"].updated_at is None
    assert stored["sub-2"].status == "ingetrokken" and stored["sub-2"].updated_at == NOW


def test_a_missing_id_column_is_a_clear_error(fake: FakeSheets, google: GoogleWorkbook) -> None:
    fake.tabs["Kandidaturen"].rows[0][0] = "nummer"
    with pytest.raises(WorkbookError, match="Kolom 'inzending_id' ontbreekt"):
        writer(google).append_candidacy(candidacy())
    assert fake.count("append") == 0
