"""Where the sheet lives: the Workbook interface, the local .xlsx backend, the seed, and the
SnapshotSource that keeps the last good snapshot in memory.

The only module that imports a spreadsheet library. The Google Sheets backend implements the
same `Workbook` protocol.
"""

from __future__ import annotations

import csv
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Protocol
from zipfile import BadZipFile

from openpyxl import Workbook as XlsxWorkbook
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font

from bot.dates import parse_date_cell
from bot.models import TAB_MODELS, RawCell, Snapshot, build_snapshot

log = logging.getLogger(__name__)

SEED_DIR = Path(__file__).resolve().parent.parent / "config" / "seed"
DATE_COLUMNS = {"start", "eind", "afwezig_vanaf", "terug_op", "ingediend_op", "bijgewerkt_op"}
WIDE_COLUMNS = {
    "taken",
    "taken_en",
    "competenties",
    "competenties_en",
    "tijdsbeslag",
    "tijdsbeslag_en",
    "omschrijving",
    "omschrijving_en",
    "toelichting",
    "toelichting_en",
    "motivatie",
    "aliassen",
    "vergoeding",
    "vergoeding_en",
}


class WorkbookError(Exception):
    """The workbook cannot be used at all; the message says where and what to do."""


class Workbook(Protocol):
    """A spreadsheet holding the tabs of the sheet contract."""

    @property
    def location(self) -> str:
        """Where it is, as staff would recognise it (a path or a spreadsheet URL)."""
        ...

    def version(self) -> str | None:
        """A cheap change token, or None when only a full read can tell."""
        ...

    def read(self) -> dict[str, list[list[RawCell]]]:
        """Every tab as rows of cells, header row first. Raises WorkbookError."""
        ...

    def filled_tabs(self) -> list[str]:
        """Tabs that hold more than a header row."""
        ...

    def write_tabs(self, tabs: Mapping[str, Sequence[Sequence[RawCell]]]) -> None:
        """Create or replace these tabs (header row first), leaving other tabs alone."""
        ...


# --- the seed ---------------------------------------------------------------------------------


def load_seed(seed_dir: Path = SEED_DIR) -> dict[str, list[list[RawCell]]]:
    """The seed CSVs (one per tab) as raw tabs; dates become real dates."""
    tabs: dict[str, list[list[RawCell]]] = {}
    for model in TAB_MODELS:
        path = seed_dir / f"{model.tab}.csv"
        if not path.exists():
            raise WorkbookError(f"Seed-bestand ontbreekt: {path}. Herstel de map config/seed.")
        with path.open(newline="", encoding="utf-8") as handle:
            rows: list[list[RawCell]] = [list(row) for row in csv.reader(handle)]
        header = rows[0] if rows else []
        for row in rows[1:]:
            for index, column in enumerate(header):
                if column in DATE_COLUMNS and index < len(row) and row[index]:
                    row[index] = parse_date_cell(row[index])
        tabs[model.tab] = rows
    return tabs


# --- the local workbook -----------------------------------------------------------------------


class LocalWorkbook:
    """An .xlsx file on disk: the embedded default, editable in Excel or LibreOffice."""

    def __init__(self, path: Path) -> None:
        self.path = path.expanduser()

    @property
    def location(self) -> str:
        return str(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def version(self) -> str | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return f"{stat.st_mtime_ns}:{stat.st_size}"

    def read(self) -> dict[str, list[list[RawCell]]]:
        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except FileNotFoundError:
            raise WorkbookError(
                f"Werkboek niet gevonden: {self.path}. Controleer G40_WORKBOOK, of laat het "
                "weg: dan maakt g40bot een nieuw werkboek uit de seed."
            ) from None
        except (BadZipFile, OSError, KeyError, ValueError) as error:
            raise WorkbookError(
                f"Werkboek onleesbaar: {self.path} ({type(error).__name__}). Sla het op als "
                "Excel-werkmap (.xlsx), of verplaats het: dan maakt g40bot een nieuw uit de seed."
            ) from None
        try:
            return {
                sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in book.worksheets
            }
        finally:
            book.close()

    def filled_tabs(self) -> list[str]:
        if not self.exists():
            return []
        return [name for name, rows in self.read().items() if len(rows) > 1]

    def write_tabs(self, tabs: Mapping[str, Sequence[Sequence[RawCell]]]) -> None:
        if self.exists():
            book = load_workbook(self.path)
        else:
            book = XlsxWorkbook()
            book.remove(book.active)
        for name, rows in tabs.items():
            if name in book.sheetnames:
                book.remove(book[name])
            _fill_sheet(book.create_sheet(name), rows)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside and rename: a reader never sees a half-written file.
        handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=self.path.parent)
        os.close(handle)
        try:
            book.save(temporary)
            os.replace(temporary, self.path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


def _fill_sheet(sheet: object, rows: Sequence[Sequence[RawCell]]) -> None:
    header = [str(cell) for cell in rows[0]] if rows else []
    for values in rows:
        sheet.append(list(values))  # type: ignore[attr-defined]
    for index, column in enumerate(header, start=1):
        letter = sheet.cell(row=1, column=index).column_letter  # type: ignore[attr-defined]
        sheet.cell(row=1, column=index).font = Font(bold=True)  # type: ignore[attr-defined]
        dimension = sheet.column_dimensions[letter]  # type: ignore[attr-defined]
        dimension.width = 60 if column in WIDE_COLUMNS else max(14, len(column) + 4)
        for cell in sheet.iter_rows(min_row=2, min_col=index, max_col=index):  # type: ignore[attr-defined]
            target = cell[0]
            if column in DATE_COLUMNS and isinstance(target.value, date | datetime):
                has_time = isinstance(target.value, datetime)
                target.number_format = "dd-mm-yyyy hh:mm" if has_time else "dd-mm-yyyy"
            else:
                # Text format keeps phone numbers and ids from becoming numbers in Excel.
                target.number_format = "@"
                target.alignment = Alignment(wrap_text=column in WIDE_COLUMNS, vertical="top")
    sheet.freeze_panes = "A2"  # type: ignore[attr-defined]


def seed_workbook(
    workbook: Workbook, seed_dir: Path = SEED_DIR, *, force: bool = False
) -> list[str]:
    """Write the seed tabs. Refuses tabs that already hold data unless forced; returns them."""
    seed = load_seed(seed_dir)
    if not force:
        occupied = [tab for tab in workbook.filled_tabs() if tab in seed]
        if occupied:
            return occupied
    workbook.write_tabs(seed)
    return []


# --- the snapshot source ----------------------------------------------------------------------


class SnapshotSource:
    """Holds the last good snapshot; questions read it, never the workbook.

    `current()` re-reads only when the workbook's cheap version token changed (a local file's
    mtime). A read that fails keeps the previous snapshot serving.
    """

    def __init__(
        self,
        workbook: Workbook,
        *,
        on_new_problems: Callable[[Snapshot], None] | None = None,
    ) -> None:
        self.workbook = workbook
        self._on_new_problems = on_new_problems
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._version: str | None = None
        self._reported: frozenset[str] = frozenset()
        self.last_error: WorkbookError | None = None

    def current(self) -> Snapshot:
        version = self.workbook.version()
        if self._snapshot is None or (version is not None and version != self._version):
            self.reload()
        assert self._snapshot is not None
        return self._snapshot

    def reload(self) -> Snapshot:
        """Read the workbook now. Raises WorkbookError only when nothing was ever read."""
        with self._lock:
            version = self.workbook.version()
            try:
                snapshot = build_snapshot(self.workbook.read())
            except WorkbookError as error:
                self.last_error = error
                log.warning("keeping the last good snapshot: %s", error)
                if self._snapshot is None:
                    raise
                self._version = version
                return self._snapshot
            self.last_error = None
            self._snapshot, self._version = snapshot, version
        self._notify(snapshot)
        return snapshot

    def _notify(self, snapshot: Snapshot) -> None:
        described = frozenset(problem.describe() for problem in snapshot.errors)
        if described and described != self._reported and self._on_new_problems:
            self._on_new_problems(snapshot)
        self._reported = described


def open_local_workbook(path: Path, seed_dir: Path = SEED_DIR) -> tuple[LocalWorkbook, bool]:
    """The workbook at `path`, created from the seed on first use; True when just created."""
    workbook = LocalWorkbook(path)
    if workbook.exists():
        return workbook, False
    try:
        seed_workbook(workbook, seed_dir)
    except OSError as error:
        raise WorkbookError(
            f"Kan het werkboek niet aanmaken op {workbook.path}: {error.strerror}. "
            "Kies met G40_WORKBOOK een map waarin je mag schrijven."
        ) from None
    return workbook, True
