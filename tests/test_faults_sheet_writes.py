"""Faults while g40bot writes candidacies to the sheet, through the outbox as the processes run
it (one attempt per drain, the outbox's own backoff between drains): Google's 429/500 and
timeouts (also after the change was applied, and during the read-back), a write answered 200
that the sheet does not hold, a local workbook locked by another writer, open in Excel, saved
over by staff, or not readable or writable for g40bot. Whatever happens: never a second row,
never a lost row, never "written" before the sheet shows it.
"""

from __future__ import annotations

import ctypes
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import time_machine
from openpyxl import load_workbook
from tenacity import wait_none

from bot.candidacy import SUBMITTED, WITHDRAWN, Candidate, Submission
from bot.handlers.candidacy import FIRST_RETRY, DrainReport, drain_outbox
from bot.models import RawCell
from bot.sheets import (
    GoogleWorkbook,
    LocalWorkbook,
    RetryPolicy,
    SheetWriter,
    WritableWorkbook,
    seed_workbook,
    service_account_credentials,
)
from bot.store import Store
from bot.store.candidacies import SheetWrite
from tests.fake_sheets import FakeSheets, service_account_key, serving_fake_sheets

MOMENT = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)
# One attempt per drain, as every process runs the outbox (bot.app.open_writer).
ONE_ATTEMPT = RetryPolicy(attempts=1, wait=wait_none(), sleep=lambda _: None)
G40BOT = Path(sys.executable).with_name("g40bot")
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def submission(number: int) -> Submission:
    candidate = Candidate(
        role="voorzitter",
        name=f"Kandidaat {number}",
        email=f"kandidaat{number}@almere.nl",
        municipality="Almere",
        office="wethouder",
        motivation="Ik wil graag bijdragen aan het G40-bestuur.",
    )
    return Submission(
        f"k-2026-{number:010d}", "slack", f"U{number}", candidate, "nl", SUBMITTED, MOMENT, MOMENT
    )


@dataclass
class Outbox:
    """The real store and outbox in front of one sheet, on a clock the test moves."""

    store: Store
    workbook: WritableWorkbook
    now: datetime = MOMENT
    fake: FakeSheets | None = None

    @property
    def sheets(self) -> FakeSheets:
        assert self.fake is not None, "a Google outbox"
        return self.fake

    def submit(self, number: int = 1) -> str:
        self.store.candidacies.add(submission(number))
        return submission(number).submission_id

    def drain(self) -> DrainReport:
        writer = SheetWriter(self.workbook, retry=ONE_ATTEMPT)
        return drain_outbox(self.store.candidacies, writer, now=lambda: self.now)

    def later(self, delta: timedelta) -> None:
        self.now += delta

    def pending(self) -> list[SheetWrite]:
        return self.store.candidacies.pending_writes()

    def rows(self, submission_id: str) -> list[list[RawCell]]:
        return [r for r in self.workbook.read_tab("Kandidaturen") if r and r[0] == submission_id]

    def status(self, submission_id: str) -> RawCell:
        header, *rows = self.workbook.read_tab("Kandidaturen")
        [row] = [r for r in rows if r and r[0] == submission_id]
        return row[[str(cell) for cell in header].index("status")]


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The store (not beside the workbook), on the outbox's clock: it stays at MOMENT."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('store') / 'g40.sqlite3'}")
    with time_machine.travel(MOMENT, tick=False):
        yield store
    store.close()


@cache
def key_json() -> str:
    return service_account_key()


@pytest.fixture
def google(seed: dict[str, list[list[RawCell]]], store: Store) -> Iterator[Outbox]:
    """The outbox in front of a fake Google spreadsheet holding the seed (`.sheets`)."""
    with serving_fake_sheets(seed) as fake:
        credentials = service_account_credentials(key_json=key_json())
        workbook = GoogleWorkbook.from_service_account(
            fake.spreadsheet_id, credentials, retry=ONE_ATTEMPT
        )
        yield Outbox(store, workbook, fake=fake)


@pytest.fixture
def local(workbook: LocalWorkbook, store: Store) -> Outbox:
    return Outbox(store, workbook)


# --- Google Sheets: rate limits, server errors, timeouts ---------------------------------------

FAULTS: dict[str, Callable[[FakeSheets, str], None]] = {
    "429": lambda fake, operation: fake.fail(429, operation=operation),
    "500": lambda fake, operation: fake.fail(500, operation=operation),
    "timeout-before-applying": lambda fake, operation: fake.time_out(
        after_applying=False, operation=operation
    ),
    "timeout-after-applying": lambda fake, operation: fake.time_out(
        after_applying=True, operation=operation
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_during_the_append_is_retried_with_backoff_and_lands_once(
    google: Outbox, fault: str
) -> None:
    submission_id = google.submit()
    FAULTS[fault](google.sheets, "append")

    first = google.drain()
    [pending] = google.pending()
    assert (first.done, first.failed) == (0, 1)
    assert pending.attempts == 1 and pending.next_attempt_at == MOMENT + FIRST_RETRY
    assert "Google Sheets" in pending.last_error

    google.later(FIRST_RETRY - timedelta(seconds=1))  # still backing off: nothing is sent
    appends = google.sheets.count("append")
    assert google.drain().waiting == 1
    assert google.sheets.count("append") == appends

    google.later(timedelta(seconds=1))
    assert google.drain().done == 1
    assert google.pending() == []
    assert len(google.rows(submission_id)) == 1


def test_a_drainer_that_read_a_write_as_due_does_not_retry_it_right_after_anothers_failure(
    google: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two drainers (the submit's head start and the periodic one) read the new row as due;
    the first one's attempt fails and sets the next in 15 s: the second must wait for it,
    not hammer the failing sheet at once."""
    google.submit()
    google.sheets.fail(503, times=None, operation="append")
    read_before = google.pending()
    assert google.drain().failed == 1
    appends = google.sheets.count("append")

    records = google.store.candidacies
    monkeypatch.setattr(records, "pending_writes", lambda submission_id=None: read_before)
    writer = SheetWriter(google.workbook, retry=ONE_ATTEMPT)
    late = drain_outbox(records, writer, now=lambda: google.now)

    assert (late.failed, late.waiting) == (0, 1)
    assert google.sheets.count("append") == appends


def test_an_append_answered_200_that_the_sheet_does_not_hold_is_not_marked_written(
    google: Outbox,
) -> None:
    submission_id = google.submit()
    google.sheets.lose("append")

    first = google.drain()
    assert (first.done, first.failed) == (0, 1)
    assert google.rows(submission_id) == []
    [pending] = google.pending()
    assert "staat na het toevoegen niet in" in pending.last_error

    google.later(FIRST_RETRY)
    assert google.drain().done == 1
    assert len(google.rows(submission_id)) == 1


def test_a_timeout_while_reading_the_row_back_keeps_the_write_pending_without_doubling_it(
    google: Outbox,
) -> None:
    submission_id = google.submit()
    # The first batchGet checks for the id; the second one, the read-back, times out.
    google.sheets.time_out(after_applying=False, operation="batchGet", after=1)

    assert google.drain().failed == 1
    assert len(google.rows(submission_id)) == 1  # it did land, but nobody saw it yet
    assert len(google.pending()) == 1

    google.later(FIRST_RETRY)
    assert google.drain().done == 1
    assert len(google.rows(submission_id)) == 1
    assert google.sheets.count("append") == 1


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_during_a_status_update_is_retried_and_changes_only_that_row(
    google: Outbox, fault: str
) -> None:
    kept, withdrawn = google.submit(1), google.submit(2)
    assert google.drain().done == 2
    google.store.candidacies.withdraw(withdrawn, actor="U2", platform="slack")
    FAULTS[fault](google.sheets, "valuesBatchUpdate")

    assert google.drain().failed == 1
    google.later(FIRST_RETRY)
    assert google.drain().done == 1

    assert google.pending() == []
    assert (google.status(kept), google.status(withdrawn)) == ("ingediend", WITHDRAWN)
    assert len(google.rows(withdrawn)) == 1 and google.sheets.count("append") == 2


def test_a_status_update_answered_200_that_the_sheet_does_not_hold_is_retried(
    google: Outbox,
) -> None:
    withdrawn = google.submit()
    assert google.drain().done == 1
    google.store.candidacies.withdraw(withdrawn, actor="U1", platform="slack")
    google.sheets.lose("valuesBatchUpdate")

    assert google.drain().failed == 1
    assert google.status(withdrawn) == "ingediend"
    [pending] = google.pending()
    assert "leest na het bijwerken niet terug" in pending.last_error

    google.later(FIRST_RETRY)
    assert google.drain().done == 1
    assert google.status(withdrawn) == WITHDRAWN


# --- the local workbook --------------------------------------------------------------------------


def leftovers(workbook: LocalWorkbook) -> list[str]:
    """Files beside the workbook other than itself and its (empty) lock file."""
    expected = {workbook.path.name, f".{workbook.path.name}.lock"}
    return sorted(name for name in os.listdir(workbook.path.parent) if name not in expected)


def when_the_new_workbook_moves_in(
    monkeypatch: pytest.MonkeyPatch,
    workbook: LocalWorkbook,
    instead: Callable[[Callable[[], None]], None],
) -> None:
    """When a save renames its new file over `workbook`, call `instead` with that rename: what
    the rest of the machine does at that moment (until monkeypatch.undo())."""
    replace = os.replace

    def replacing(source: Any, target: Any) -> None:
        if Path(target) == workbook.path:
            instead(lambda: replace(source, target))
        else:
            replace(source, target)

    monkeypatch.setattr(os, "replace", replacing)


def test_a_workbook_locked_by_another_writer_too_long_is_a_clear_retryable_error(
    local: Outbox, workbook: LocalWorkbook
) -> None:
    impatient = LocalWorkbook(workbook.path, lock_timeout=0)
    local.workbook = impatient
    submission_id = local.submit()

    with LocalWorkbook(workbook.path).writing():  # another writer holds the lock
        assert local.drain().failed == 1
    [pending] = local.pending()
    assert f"Werkboek {workbook.path} is bezet" in pending.last_error
    assert "later opnieuw geprobeerd" in pending.last_error

    local.later(FIRST_RETRY)
    assert local.drain().done == 1
    assert len(local.rows(submission_id)) == 1


def test_a_workbook_open_in_excel_is_a_clear_retryable_error_and_nothing_is_left_behind(
    local: Outbox, workbook: LocalWorkbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    submission_id = local.submit()

    def excel_holds_it(_move_in: Callable[[], None]) -> None:
        # What Windows answers while Excel has the file open.
        raise PermissionError(13, "The process cannot access the file", str(workbook.path))

    when_the_new_workbook_moves_in(monkeypatch, workbook, excel_holds_it)
    assert local.drain().failed == 1
    [pending] = local.pending()
    assert "geopend in Excel" in pending.last_error
    assert "g40bot probeert het later opnieuw" in pending.last_error
    assert local.rows(submission_id) == [] and leftovers(workbook) == []

    monkeypatch.undo()  # Excel closed
    local.later(FIRST_RETRY)
    assert local.drain().done == 1
    assert len(local.rows(submission_id)) == 1


def test_a_staff_save_over_the_new_row_is_not_counted_as_written(
    local: Outbox, workbook: LocalWorkbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    submission_id = local.submit()
    stale = workbook.path.read_bytes()  # the copy staff have open in their spreadsheet program

    def staff_save_right_after(move_in: Callable[[], None]) -> None:
        move_in()
        workbook.path.write_bytes(stale)

    when_the_new_workbook_moves_in(monkeypatch, workbook, staff_save_right_after)
    assert local.drain().failed == 1
    assert local.rows(submission_id) == []
    assert len(local.pending()) == 1

    monkeypatch.undo()
    local.later(FIRST_RETRY)
    assert local.drain().done == 1
    assert len(local.rows(submission_id)) == 1


def test_a_save_keeps_the_workbooks_permissions(local: Outbox, workbook: LocalWorkbook) -> None:
    workbook.path.chmod(0o664)  # shared with the staff group
    local.submit()
    assert local.drain().done == 1
    assert stat.S_IMODE(workbook.path.stat().st_mode) == 0o664
    load_workbook(workbook.path)  # still a workbook Excel opens


# --- a workbook g40bot may not read or write -----------------------------------------------------


def _without_file_override() -> None:
    """Root reads and writes any file; without these two capabilities it obeys file modes."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def g40bot_bound_by_file_modes(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`g40bot` on the workbook in `folder`, obeying its file modes also when the tests run as
    root (as in containers)."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "G40_"))}
    return subprocess.run(
        [str(G40BOT), *args],
        env=keep | {"HOME": str(folder), "G40_WORKBOOK": str(folder / "werkboek.xlsx")},
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_without_file_override if os.geteuid() == 0 else None,
    )


def test_an_unreadable_workbook_gets_advice_about_permissions(tmp_path: Path) -> None:
    path = tmp_path / "werkboek.xlsx"
    seed_workbook(LocalWorkbook(path))
    path.chmod(0o000)

    from_settings = g40bot_bound_by_file_modes(tmp_path, "ask", "wie heeft Europa?")
    from_option = g40bot_bound_by_file_modes(tmp_path, "--workbook", str(path), "check-sheet")

    for result in (from_settings, from_option):
        assert result.returncode == 2
        assert result.stderr.startswith(f"g40bot mag het bestand niet lezen: {path}.")
        assert "lees- en schrijfrechten" in result.stderr
        assert "Sla het op" not in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_an_unwritable_workbook_gets_advice_about_permissions(tmp_path: Path) -> None:
    path = tmp_path / "werkboek.xlsx"
    seed_workbook(LocalWorkbook(path))
    path.chmod(0o444)
    before = path.read_bytes()

    result = g40bot_bound_by_file_modes(tmp_path, "init-sheet", "--force")

    assert result.returncode == 2
    assert result.stderr.startswith(f"g40bot mag het bestand niet schrijven: {path}.")
    assert "schrijfrechten" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before
