"""Where the sheet lives: the Workbook interface, the local .xlsx backend, the seed, and the
SnapshotSource that keeps the last good snapshot in memory.

The only module that imports a spreadsheet library: calamine to read the local workbook,
openpyxl to write it, gspread and google-auth for Google Sheets. Both backends implement the
same `Workbook` protocol, and `SheetWriter` is the one writer for everything the bot puts in
the sheet. openpyxl, gspread, google-auth and tenacity are imported where they are used, so a
command that only reads the local workbook (`g40bot ask`) starts without them.
"""

from __future__ import annotations

import csv
import glob
import json
import logging
import os
import shutil
import tempfile
import threading
import time as clock
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from zipfile import BadZipFile

from python_calamine import CalamineError, CalamineWorkbook

from bot.dates import AMSTERDAM, parse_date_cell, serial_number
from bot.errors import OperatorError
from bot.models import (
    TAB_MODELS,
    Candidacy,
    RawCell,
    Snapshot,
    SourceHealth,
    build_snapshot,
    contract_tabs,
    header_key,
)
from bot.paths import SEED_DIR
from bot.text import column_letter, fold, neutralise_formula

if TYPE_CHECKING:
    import gspread
    from filelock import FileLock
    from google.oauth2.service_account import Credentials as ServiceAccountCredentials
    from gspread.exceptions import APIError
    from tenacity.wait import WaitBaseT

log = logging.getLogger(__name__)
_T = TypeVar("_T")

DATE_COLUMNS = {
    "start",
    "eind",
    "afwezig_vanaf",
    "terug_op",
    "ingediend_op",
    "bijgewerkt_op",
    "eerst_gezien",
    "laatst_gezien",
}
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
    "samenstelling",
    "samenstelling_en",
    "ritme",
    "ritme_en",
    "vragen",
    "antwoord",
    "antwoord_en",
    "varianten",
}


class WorkbookError(OperatorError):
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

    def occupied_tabs(self) -> list[str]:
        """Tabs that hold anything at all (a header row is enough); an empty tab is left out."""
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
    """An .xlsx file on disk: the embedded default, editable in Excel or LibreOffice.

    Several processes write it (the web process and the clock of the Procfile), so every
    read-modify-write holds an inter-process lock on a file beside the workbook
    (`.<name>.lock`): the OS releases it when its holder dies, even by kill -9, and the empty
    file may stay. Reading needs no lock: a save writes a temporary file beside the workbook
    and renames it over the old one, so a reader sees the old or the new workbook, never half.
    """

    def __init__(self, path: Path, *, lock_timeout: float = 30.0) -> None:
        self.path = path.expanduser()
        self.lock_timeout = lock_timeout
        self._file_lock: FileLock | None = None  # made on the first write: readers need none
        self._making_lock = threading.Lock()

    @property
    def location(self) -> str:
        return str(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def version(self) -> str | None:
        # The change time too: a file made unreadable (chmod) changes it, its mtime not.
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return "absent"  # a token too: a workbook that disappears is noticed
        except OSError as error:
            return f"unreadable:{error.errno}"
        return f"{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_size}"

    def read(self) -> dict[str, list[list[RawCell]]]:
        if not self.path.exists():
            raise WorkbookError(
                f"Werkboek niet gevonden: {self.path}. Controleer G40_WORKBOOK, of laat het "
                "weg: dan maakt g40bot een nieuw werkboek uit de seed."
            )
        try:
            # calamine (Rust) reads a 10,000-row workbook in ~0.1 s where openpyxl needs ~1.4 s.
            book = CalamineWorkbook.from_path(str(self.path))
            return {
                name: [list[RawCell](row) for row in book.get_sheet_by_name(name).to_python()]
                for name in book.sheet_names
            }
        except (CalamineError, OSError, ValueError) as error:
            if _denied(error) or not os.access(self.path, os.R_OK):
                raise self._no_permission("lezen") from None
            raise WorkbookError(
                f"Werkboek onleesbaar: {self.path} ({type(error).__name__}). Sla het op als "
                "Excel-werkmap (.xlsx), of verplaats het: dan maakt g40bot een nieuw uit de seed."
            ) from None

    def occupied_tabs(self) -> list[str]:
        if not self.exists():
            return []
        return [name for name, rows in self.read().items() if _has_content(rows)]

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the workbook's write lock: other writers, in any process, wait meanwhile.

        Raises SheetUnavailable when another writer holds it longer than `lock_timeout`."""
        from filelock import Timeout

        lock = self._write_lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except Timeout:
            raise SheetUnavailable(
                f"Werkboek {self.path} is bezet: een ander g40bot-proces schrijft er al langer "
                f"dan {self.lock_timeout:g} s in. De schrijfactie wordt later opnieuw geprobeerd."
            ) from None
        except PermissionError:
            raise self._no_permission("schrijven") from None
        try:
            yield
        finally:
            lock.release()

    def _write_lock(self) -> FileLock:
        """Thread-local holds: threads of one process exclude each other as processes do, and
        one thread may take it again inside its own hold (SheetWriter around append_row)."""
        with self._making_lock:
            if self._file_lock is None:
                from filelock import FileLock

                lock_file = self.path.with_name(f".{self.path.name}.lock")
                self._file_lock = FileLock(lock_file, timeout=self.lock_timeout)
            return self._file_lock

    def write_tabs(self, tabs: Mapping[str, Sequence[Sequence[RawCell]]]) -> None:
        with self.writing():
            if self.exists():
                book = self._load_for_edit()
            else:
                from openpyxl import Workbook as XlsxWorkbook

                book = XlsxWorkbook()
                book.remove(book.active)
            for name, rows in tabs.items():
                if name in book.sheetnames:
                    book.remove(book[name])
                _fill_sheet(book.create_sheet(name), rows)
            self._save(book)

    def read_tab(self, tab: str) -> list[list[RawCell]]:
        rows = _find_tab(self.read(), tab)
        if rows is None:
            raise WorkbookError(_missing_tab_message(tab, self.location))
        return rows

    def append_row(self, tab: str, values: Sequence[RawCell]) -> None:
        with self.writing():
            book = self._load_for_edit()
            sheet = _find_tab(dict(zip(book.sheetnames, book.worksheets, strict=True)), tab)
            if sheet is None:
                raise WorkbookError(_missing_tab_message(tab, self.location))
            sheet.append(list(values))
            for cell in sheet[sheet.max_row]:
                _format_cell(cell, _header_of(sheet, cell.column))
            self._save(book)

    def update_cells(self, tab: str, row: int, values: Mapping[int, RawCell]) -> None:
        with self.writing():
            book = self._load_for_edit()
            sheet = _find_tab(dict(zip(book.sheetnames, book.worksheets, strict=True)), tab)
            if sheet is None:
                raise WorkbookError(_missing_tab_message(tab, self.location))
            for index, value in values.items():
                cell = sheet.cell(row=row, column=index + 1)
                cell.value = value
                _format_cell(cell, _header_of(sheet, index + 1))
            self._save(book)

    def _load_for_edit(self) -> Any:
        from openpyxl import load_workbook

        try:
            return load_workbook(self.path)
        except (FileNotFoundError, BadZipFile, OSError, KeyError, ValueError):
            self.read()  # raises the WorkbookError that says what is wrong and what to do
            raise

    def _save(self, book: Any) -> None:
        """Write beside and rename; the caller holds the write lock."""
        folder = self.path.parent
        prefix = f".~{self.path.name}."
        if self.exists() and not os.access(self.path, os.W_OK):
            raise self._no_permission("schrijven")
        try:
            # Only a writer that died mid-save (kill -9, power loss) leaves one of these behind:
            # while we hold the lock, no other writer is using them.
            for abandoned in glob.glob(glob.escape(str(folder / prefix)) + "*.tmp"):
                os.unlink(abandoned)
            handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        except PermissionError:
            raise self._no_permission("schrijven") from None
        os.close(handle)
        try:
            if self.exists():
                shutil.copymode(self.path, temporary)  # not mkstemp's 0600: staff keep access
            book.save(temporary)
            os.replace(temporary, self.path)
        except PermissionError:
            # Windows refuses to replace a file that Excel has open; that passes when it closes.
            raise SheetUnavailable(
                f"Kan niet schrijven naar {self.path}: het bestand is geopend in Excel of een "
                "ander programma. Sluit het; g40bot probeert het later opnieuw."
            ) from None
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)

    def _no_permission(self, action: str) -> WorkbookError:
        return WorkbookError(
            f"g40bot mag het bestand niet {action}: {self.path}. Geef het account waaronder "
            "g40bot draait lees- en schrijfrechten op dit bestand en op de map erboven."
        )


def _denied(error: Exception) -> bool:
    """Access denied, also as calamine reports it: a bare OSError ending in "(os error 13)"
    (or 5 on Windows, where os.access does not see file permissions)."""
    text = str(error)
    return isinstance(error, PermissionError) or text.endswith(("(os error 13)", "(os error 5)"))


def _find_tab(tabs: Mapping[str, _T], tab: str) -> _T | None:
    """A tab by name as staff may have typed it (case and accents ignored)."""
    wanted = fold(tab).strip()
    return next((value for name, value in tabs.items() if fold(name).strip() == wanted), None)


def _missing_tab_message(tab: str, location: str) -> str:
    return (
        f"Tabblad '{tab}' ontbreekt in {location}. Maak het aan met de kolommen uit "
        "docs/sheet.md, of draai 'g40bot init-sheet'."
    )


def _header_of(sheet: Any, column: int) -> str:
    return header_key(sheet.cell(row=1, column=column).value)


def _format_cell(cell: Any, column: str) -> None:
    from openpyxl.styles import Alignment

    if column in DATE_COLUMNS and isinstance(cell.value, date | datetime):
        has_time = isinstance(cell.value, datetime)
        cell.number_format = "dd-mm-yyyy hh:mm" if has_time else "dd-mm-yyyy"
    else:
        # Text format keeps phone numbers and ids from becoming numbers in Excel.
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=column in WIDE_COLUMNS, vertical="top")


def _fill_sheet(sheet: Any, rows: Sequence[Sequence[RawCell]]) -> None:
    """`sheet` is an openpyxl worksheet (openpyxl ships no type information)."""
    from openpyxl.styles import Font

    header = [str(cell) for cell in rows[0]] if rows else []
    for values in rows:
        sheet.append(list(values))
    for index, column in enumerate(header, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.cell(row=1, column=index).font = Font(bold=True)
        dimension = sheet.column_dimensions[letter]
        dimension.width = 60 if column in WIDE_COLUMNS else max(14, len(column) + 4)
        for cell in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            _format_cell(cell[0], column)
    sheet.freeze_panes = "A2"


def _has_content(rows: Sequence[Sequence[RawCell]]) -> bool:
    return any(cell not in (None, "") for row in rows for cell in row)


def seed_workbook(
    workbook: Workbook, seed_dir: Path = SEED_DIR, *, force: bool = False
) -> list[str]:
    """Write the seed tabs the workbook lacks, or with `force` all of them; returns the tabs
    written. A tab that holds anything, even only its header row, is never touched unforced:
    an existing sheet gets a new tab of the contract without losing a single staff edit."""
    seed = load_seed(seed_dir)
    if not force:
        present = {fold(tab).strip() for tab in workbook.occupied_tabs()}
        seed = {tab: rows for tab, rows in seed.items() if fold(tab) not in present}
    if seed:
        workbook.write_tabs(seed)
    return list(seed)


# --- Google Sheets ----------------------------------------------------------------------------

SHEETS_SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
# Rate limits, server trouble and an expired token pass by themselves; anything else needs a
# person, so retrying it would only delay the message that says what to do.
_TRANSIENT_STATUS = frozenset({401, 408, 429, 500, 502, 503, 504})
# Unformatted values: dates arrive as serial numbers whatever the spreadsheet's locale, and a
# phone number typed as text stays the string "0612345678".
_READ_PARAMS = {
    "valueRenderOption": "UNFORMATTED_VALUE",
    "dateTimeRenderOption": "SERIAL_NUMBER",
    "majorDimension": "ROWS",
}
_STAMPED_COLUMNS = {"ingediend_op", "bijgewerkt_op"}


class SheetUnavailable(WorkbookError):
    """The sheet cannot be written or read this time, but may be soon: Google's rate limit,
    server errors and timeouts, a local workbook locked by another writer or open in Excel."""


class _RangeNotFound(WorkbookError):
    """A tab the request named does not exist (any more) in the spreadsheet."""


def _backoff() -> WaitBaseT:
    from tenacity import wait_exponential_jitter

    return wait_exponential_jitter(initial=1, max=20, jitter=2)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff and jitter, for SheetUnavailable only.

    gspread's own BackOffHTTPClient is not used: in 6.2.1 it never stops retrying a 429.
    """

    attempts: int = 5
    wait: WaitBaseT = field(default_factory=_backoff)
    sleep: Callable[[float], None] = clock.sleep

    def run(self, action: Callable[[], _T], what: str) -> _T:
        from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

        retrying = Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=self.wait,
            sleep=self.sleep,
            retry=retry_if_exception_type(SheetUnavailable),
            before_sleep=lambda state: log.warning(
                "%s: attempt %d failed (%s); retrying",
                what,
                state.attempt_number,
                state.outcome.exception() if state.outcome else "?",
            ),
            reraise=True,
        )
        try:
            return retrying(action)
        except SheetUnavailable as error:
            raise SheetUnavailable(f"{error} (opgegeven na {self.attempts} pogingen)") from None


def service_account_credentials(
    *, key_json: str | None = None, key_file: Path | None = None
) -> ServiceAccountCredentials:
    """The service account from its JSON key (text or file); WorkbookError names the setting."""
    from google.oauth2.service_account import Credentials as ServiceAccountCredentials

    # google-auth's constructors are untyped; these annotations state what they take and return.
    from_info: Callable[..., ServiceAccountCredentials] = (
        ServiceAccountCredentials.from_service_account_info
    )
    from_file: Callable[..., ServiceAccountCredentials] = (
        ServiceAccountCredentials.from_service_account_file
    )
    try:
        if key_json is not None:
            info = json.loads(key_json)
            if not isinstance(info, dict):
                raise ValueError("geen JSON-object")
            return from_info(info, scopes=SHEETS_SCOPES)
        if key_file is not None:
            return from_file(str(key_file.expanduser()), scopes=SHEETS_SCOPES)
    except FileNotFoundError:
        raise WorkbookError(
            f"GOOGLE_APPLICATION_CREDENTIALS wijst naar {key_file}, maar dat bestand bestaat "
            "niet. Zet daar het JSON-sleutelbestand van het serviceaccount neer."
        ) from None
    except (ValueError, KeyError, OSError) as error:
        setting = (
            "G40_GOOGLE_CREDENTIALS" if key_json is not None else ("GOOGLE_APPLICATION_CREDENTIALS")
        )
        raise WorkbookError(
            f"{setting} bevat geen bruikbare sleutel van een serviceaccount ({error}). Download "
            "een nieuwe JSON-sleutel in Google Cloud (zie docs/deploy.md)."
        ) from None
    raise WorkbookError(
        "G40_SPREADSHEET_ID is gezet, maar de sleutel van het serviceaccount ontbreekt: zet "
        "GOOGLE_APPLICATION_CREDENTIALS (pad naar het JSON-bestand) of G40_GOOGLE_CREDENTIALS "
        "(de JSON zelf)."
    )


def _a1(title: str) -> str:
    """A tab name as an A1 range: quoted, so spaces and digits in the name are safe."""
    return "'" + title.replace("'", "''") + "'"


def _to_sheets(value: RawCell) -> str | int | float | bool:
    """A cell for a RAW write: dates as serial numbers (the column's date format shows them)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return serial_number(value)
    if isinstance(value, time):
        return (value.hour * 60 + value.minute) / (24 * 60)
    if isinstance(value, timedelta):
        return value / timedelta(days=1)
    return value


class GoogleWorkbook:
    """A Google Sheet read with one values.batchGet per refresh, through real gspread.

    `version()` is None: only a full read can tell whether staff changed something, so the
    background refresh (not a question) calls `SnapshotSource.reload()`.

    Which contract tabs exist is assumed, not asked: the batchGet names them all. Only when
    it fails because a tab is missing or renamed is the spreadsheet's metadata read, and then
    again at most every `metadata_max_age` seconds while a tab is still missing, so a
    complete sheet costs exactly one request per refresh.
    """

    def __init__(
        self,
        spreadsheet_id: str,
        client: gspread.Client,
        *,
        client_email: str,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        metadata_max_age: float = 600.0,
        monotonic: Callable[[], float] = clock.monotonic,
    ) -> None:
        self.spreadsheet_id = spreadsheet_id
        self.client_email = client_email
        self.retry = retry or RetryPolicy()
        client.set_timeout(timeout)
        self._http = client.http_client
        self._metadata_max_age = metadata_max_age
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._titles = {model.tab: model.tab for model in TAB_MODELS}
        self._titles_checked_at: float | None = None

    @classmethod
    def from_service_account(
        cls, spreadsheet_id: str, credentials: ServiceAccountCredentials, **options: Any
    ) -> GoogleWorkbook:
        import gspread

        email = str(credentials.service_account_email)
        return cls(spreadsheet_id, gspread.Client(auth=credentials), client_email=email, **options)

    @property
    def location(self) -> str:
        return f"https://docs.google.com/spreadsheets/d/{self.spreadsheet_id}"

    def version(self) -> str | None:
        return None

    def read(self) -> dict[str, list[list[RawCell]]]:
        return self.retry.run(lambda: self._read_tabs([model.tab for model in TAB_MODELS]), "read")

    def occupied_tabs(self) -> list[str]:
        return [tab for tab, rows in self.read().items() if _has_content(rows)]

    def read_tab(self, tab: str) -> list[list[RawCell]]:
        rows = self.retry.run(lambda: self._read_tabs([tab]), f"read {tab}").get(tab)
        if rows is None:
            raise WorkbookError(_missing_tab_message(tab, self.location))
        return rows

    def writing(self) -> AbstractContextManager[None]:
        """No lock: Google applies each request whole, and the outbox leases each write to one
        drainer at a time; the writer's read-back tells whether a row landed."""
        return nullcontext()

    def append_row(self, tab: str, values: Sequence[RawCell]) -> None:
        """One attempt, never retried here: only the caller can tell whether a retry would
        duplicate the row (SheetWriter checks the submission id first)."""
        title = self._titles.get(tab, tab)
        self._call(
            lambda: self._http.values_append(
                self.spreadsheet_id,
                f"{_a1(title)}!A1",
                params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
                body={"majorDimension": "ROWS", "values": [[_written(v) for v in values]]},
            )
        )

    def update_cells(self, tab: str, row: int, values: Mapping[int, RawCell]) -> None:
        title = self._titles.get(tab, tab)
        data = [
            {"range": f"{_a1(title)}!{column_letter(index)}{row}", "values": [[_written(value)]]}
            for index, value in values.items()
        ]
        body = {"valueInputOption": "RAW", "data": data}
        self.retry.run(
            lambda: self._call(lambda: self._http.values_batch_update(self.spreadsheet_id, body)),
            f"update {tab}",
        )

    def write_tabs(self, tabs: Mapping[str, Sequence[Sequence[RawCell]]]) -> None:
        sheets = {sheet["properties"]["title"]: sheet for sheet in self._sheets()}
        targets = {tab: _find_tab(sheets, tab) for tab in tabs}
        missing = [tab for tab, sheet in targets.items() if sheet is None]
        if missing:
            added = self._batch_update(
                [{"addSheet": {"properties": {"title": tab}}} for tab in missing], "add tabs"
            )
            for tab, reply in zip(missing, added.get("replies", []), strict=True):
                targets[tab] = {"properties": reply["addSheet"]["properties"]}
        layout: list[dict[str, Any]] = []
        data = []
        for tab, rows in tabs.items():
            sheet = targets[tab]
            assert sheet is not None
            layout.extend(_layout_requests(tab, sheet, rows))
            data.append(
                {
                    "range": _a1(sheet["properties"]["title"]),
                    "values": [[_to_sheets(cell) for cell in row] for row in rows],
                }
            )
        self._batch_update(layout, "lay out tabs")
        body = {"valueInputOption": "RAW", "data": data}
        self.retry.run(
            lambda: self._call(lambda: self._http.values_batch_update(self.spreadsheet_id, body)),
            "write tabs",
        )
        with self._lock:
            self._titles = {model.tab: model.tab for model in TAB_MODELS}
            self._titles_checked_at = None

    # -- requests ------------------------------------------------------------------------------

    def _read_tabs(self, tabs: Sequence[str]) -> dict[str, list[list[RawCell]]]:
        """One batchGet for these contract tabs, keyed by contract name; absent tabs left out."""
        if self._missing_tabs_stale():
            self._load_titles()
        try:
            return self._batch_get(tabs)
        except _RangeNotFound:
            self._load_titles()
            return self._batch_get(tabs)

    def _batch_get(self, tabs: Sequence[str]) -> dict[str, list[list[RawCell]]]:
        with self._lock:
            present = [(tab, self._titles[tab]) for tab in tabs if tab in self._titles]
        if not present:
            return {}
        response = self._call(
            lambda: self._http.values_batch_get(
                self.spreadsheet_id,
                [_a1(title) for _, title in present],
                params=dict(_READ_PARAMS),
            )
        )
        ranges = response.get("valueRanges", [])
        if len(ranges) != len(present):
            raise SheetUnavailable(
                f"Google Sheets gaf {len(ranges)} tabbladen terug in plaats van {len(present)}"
            )
        return {
            tab: [list(row) for row in value_range.get("values", [])]
            for (tab, _), value_range in zip(present, ranges, strict=True)
        }

    def _missing_tabs_stale(self) -> bool:
        with self._lock:
            if len(self._titles) == len(TAB_MODELS) or self._titles_checked_at is None:
                return False
            return self._monotonic() - self._titles_checked_at > self._metadata_max_age

    def _load_titles(self) -> None:
        titles = {
            sheet["properties"]["title"]: sheet["properties"]["title"] for sheet in self._sheets()
        }
        found = {model.tab: _find_tab(titles, model.tab) for model in TAB_MODELS}
        with self._lock:
            self._titles = {tab: title for tab, title in found.items() if title is not None}
            self._titles_checked_at = self._monotonic()

    def _sheets(self) -> list[dict[str, Any]]:
        fields = "sheets(properties(sheetId,title,gridProperties),protectedRanges)"
        metadata = self._call(
            lambda: self._http.fetch_sheet_metadata(self.spreadsheet_id, params={"fields": fields})
        )
        return list(metadata.get("sheets", []))

    def _batch_update(self, requests_: list[dict[str, Any]], what: str) -> dict[str, Any]:
        body = {"requests": requests_}
        return self.retry.run(
            lambda: dict(self._call(lambda: self._http.batch_update(self.spreadsheet_id, body))),
            what,
        )

    def _call(self, request: Callable[[], _T]) -> _T:
        """One request; Google's failures become WorkbookErrors that say what to do."""
        import requests
        from google.auth.exceptions import GoogleAuthError
        from gspread.exceptions import APIError

        try:
            return request()
        except APIError as error:
            raise self._explain(error) from None
        except (requests.Timeout, requests.ConnectionError) as error:
            raise SheetUnavailable(
                f"Google Sheets antwoordde niet ({type(error).__name__})"
            ) from None
        except GoogleAuthError as error:
            raise SheetUnavailable(
                f"inloggen bij Google mislukte ({error}); blijft dit zo, maak dan een nieuwe "
                "sleutel voor het serviceaccount (zie docs/deploy.md)"
            ) from None

    def _explain(self, error: APIError) -> WorkbookError:
        status = error.response.status_code
        message = str(error.error.get("message", "")).replace("\n", " ")
        share = f"deel de spreadsheet als Bewerker met {self.client_email}"
        if status == 403 and ("has not been used" in message or "disabled" in message):
            return WorkbookError(
                f"De Google Sheets API staat uit voor het project van {self.client_email}: zet "
                "hem aan in Google Cloud (APIs & Services > Library > Google Sheets API)."
            )
        if status == 403:
            return WorkbookError(
                f"Geen toegang tot spreadsheet {self.spreadsheet_id}: {share} (Delen > Bewerker)."
            )
        if status == 404:
            return WorkbookError(
                f"Spreadsheet {self.spreadsheet_id} niet gevonden: controleer G40_SPREADSHEET_ID "
                f"en {share}."
            )
        if status in _TRANSIENT_STATUS:
            return SheetUnavailable(f"Google Sheets gaf {status} ({message})")
        if status == 400 and "parse range" in message:
            return _RangeNotFound(
                f"Een tabblad ontbreekt in {self.location} ({message}). Draai 'g40bot check-sheet'."
            )
        return WorkbookError(f"Google Sheets weigerde het verzoek ({status}: {message}).")


def _written(value: RawCell) -> str | int | float | bool:
    """A cell the bot writes: moments as ISO text, which every locale reads the same way."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return _to_sheets(value)


def _column_width(column: str) -> int:
    return 420 if column in WIDE_COLUMNS else max(110, 9 * len(column) + 40)


def _layout_requests(
    tab: str, sheet: Mapping[str, Any], rows: Sequence[Sequence[RawCell]]
) -> list[dict[str, Any]]:
    """Clear the tab, then give it the local workbook's layout: bold frozen header, sensible
    widths, text columns (a leading 0 survives) and date columns; protect the bot's tab."""
    properties = sheet["properties"]
    sheet_id = properties["sheetId"]
    grid = properties.get("gridProperties", {})
    header = [header_key(cell) for cell in rows[0]] if rows else []
    requests_: list[dict[str, Any]] = [
        {
            "updateSheetProperties": {
                "properties": {
                    "sheetId": sheet_id,
                    "gridProperties": {
                        "frozenRowCount": 1,
                        "rowCount": max(grid.get("rowCount", 1000), len(rows) + 100),
                        "columnCount": max(grid.get("columnCount", 26), len(header)),
                    },
                },
                "fields": "gridProperties(frozenRowCount,rowCount,columnCount)",
            }
        },
        {"updateCells": {"range": {"sheetId": sheet_id}, "fields": "userEnteredValue"}},
        {
            "repeatCell": {
                "range": {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": 1},
                "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
                "fields": "userEnteredFormat.textFormat.bold",
            }
        },
    ]
    for index, column in enumerate(header):
        columns = {"sheetId": sheet_id, "startColumnIndex": index, "endColumnIndex": index + 1}
        if column in DATE_COLUMNS:
            timed = column in _STAMPED_COLUMNS
            number_format = {
                "type": "DATE_TIME" if timed else "DATE",
                "pattern": "dd-mm-yyyy hh:mm" if timed else "dd-mm-yyyy",
            }
        else:
            number_format = {"type": "TEXT"}
        requests_.append(
            {
                "repeatCell": {
                    "range": {**columns, "startRowIndex": 1},
                    "cell": {
                        "userEnteredFormat": {
                            "numberFormat": number_format,
                            "wrapStrategy": "WRAP" if column in WIDE_COLUMNS else "OVERFLOW_CELL",
                            "verticalAlignment": "TOP",
                        }
                    },
                    "fields": "userEnteredFormat(numberFormat,wrapStrategy,verticalAlignment)",
                }
            }
        )
        requests_.append(
            {
                "updateDimensionProperties": {
                    "range": {
                        "sheetId": sheet_id,
                        "dimension": "COLUMNS",
                        "startIndex": index,
                        "endIndex": index + 1,
                    },
                    "properties": {"pixelSize": _column_width(column)},
                    "fields": "pixelSize",
                }
            }
        )
    already_protected = any(p.get("warningOnly") for p in sheet.get("protectedRanges", []))
    if fold(tab) == fold(Candidacy.tab) and not already_protected:
        requests_.append(
            {
                "addProtectedRange": {
                    "protectedRange": {
                        "range": {"sheetId": sheet_id},
                        "description": "Geschreven door g40bot: wijzig alleen de kolom status.",
                        "warningOnly": True,
                    }
                }
            }
        )
    return requests_


# --- the snapshot source ----------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(UTC)


HealthListener = Callable[[SourceHealth], None]


# How stale a server's view of a saved local workbook may be (see SnapshotSource).
VERSION_CHECK_SECONDS = 0.1


class SnapshotSource:
    """Holds the last good snapshot; questions read it, never the workbook.

    One reader at a time (single-flight): a question or command that finds a read under way
    waits for it instead of starting its own, and `reload()` joins a read that began after it
    was asked for. `current()` reads again only when the workbook's cheap version token
    changed (a local file's time and size); a workbook without one (Google Sheets) is read
    once and afterwards by `reload()`.

    In a server (`answer_while_reading`, with `start()` called), a change is read on the
    source's own thread while questions go on being answered from the current snapshot, and
    the version token is looked at no more than once per VERSION_CHECK_SECONDS: a local
    file's stat is a system call, and a busy server answering hundreds of questions a second
    would pay one (and the cold caches after it) on every question, for an edit that staff
    saved once. The console and one-shot commands read inline and look every time, so the
    next question sees a saved edit.

    A read that fails keeps the last good snapshot serving, and a tab that cannot be read
    (deleted, renamed, a required column renamed) keeps its last good rows while the other
    tabs take the fresh data. `health()` tells the truth about both; `on_health` hears each
    change between readable and failing (and the first read's outcome).
    """

    def __init__(
        self,
        workbook: Workbook,
        *,
        on_new_problems: Callable[[Snapshot], None] | None = None,
        on_health: HealthListener | None = None,
        answer_while_reading: bool = False,
        now: Callable[[], datetime] = _utc_now,
        monotonic: Callable[[], float] = clock.monotonic,
    ) -> None:
        self.workbook = workbook
        self._monotonic = monotonic
        self._version_checked_at = -VERSION_CHECK_SECONDS
        self._on_new_problems = on_new_problems
        self._on_health = on_health
        self._answer_while_reading = answer_while_reading
        self._now = now
        self._read_lock = threading.Lock()
        # Held from the end of a read until its listeners were told, so that two reads'
        # notices (failing, then recovered) never arrive out of order.
        self._notify_lock = threading.Lock()
        self._reads_started = 0
        self._snapshot: Snapshot | None = None
        self._version: str | None = None
        self._good_tabs: dict[str, Sequence[Sequence[RawCell]]] = {}
        self._health = SourceHealth(workbook.location)
        self._health_known = False
        self._last_error: WorkbookError | None = None
        self._reported: frozenset[str] = frozenset()
        self._last_notified: Snapshot | None = None
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    # -- reading -----------------------------------------------------------------------------

    @property
    def last_error(self) -> WorkbookError | None:
        """Why the last read failed; None when it succeeded."""
        return self._last_error

    def health(self) -> SourceHealth:
        return self._health

    def latest(self) -> Snapshot | None:
        """`current()`, or None when the sheet was never read (`health()` says why)."""
        try:
            return self.current()
        except WorkbookError:
            return None

    def current(self) -> Snapshot:
        snapshot = self._snapshot
        if snapshot is None:
            return self._read_if_changed()
        serving = self._answer_while_reading and self._running()
        if serving:
            moment = self._monotonic()
            if moment - self._version_checked_at < VERSION_CHECK_SECONDS:
                return snapshot
            self._version_checked_at = moment
        version = self.workbook.version()
        if version is None or version == self._version:
            return snapshot
        if serving:
            self._wake.set()
            return snapshot
        return self._read_if_changed()

    def reload(self) -> Snapshot:
        """Read the workbook now, or take the result of a read that began after this call.
        Raises WorkbookError only when nothing was ever read."""
        wanted = self._reads_started + 1
        self._read_lock.acquire()
        snapshot = self._snapshot
        if self._reads_started >= wanted and snapshot is not None:
            self._read_lock.release()
            return snapshot
        return self._read_then_tell()

    def _read_if_changed(self) -> Snapshot:
        self._read_lock.acquire()
        snapshot = self._snapshot
        if snapshot is not None:
            version = self.workbook.version()
            if version is None or version == self._version:
                self._read_lock.release()
                return snapshot  # another caller read this version meanwhile
        return self._read_then_tell()

    def _read_then_tell(self) -> Snapshot:
        """Called holding the read lock, which it releases before telling the listeners."""
        try:
            before, was_known = self._health, self._health_known
            snapshot: Snapshot | None = None
            error: WorkbookError | None = None
            try:
                snapshot = self._read()
            except WorkbookError as failure:
                error = failure
            self._notify_lock.acquire()
        finally:
            self._read_lock.release()
        try:
            self._tell(before, was_known, snapshot)
        finally:
            self._notify_lock.release()
        if error is not None:
            raise error
        assert snapshot is not None
        return snapshot

    def _read(self) -> Snapshot:
        self._reads_started += 1
        version = self.workbook.version()
        self._version_checked_at = self._monotonic()
        try:
            tabs = self.workbook.read()
        except WorkbookError as error:
            self._version = version
            self._failed(error)
            if self._snapshot is None:
                raise
            return self._snapshot
        snapshot = build_snapshot(tabs, self._good_tabs)
        fresh = contract_tabs(tabs)
        self._good_tabs = {
            tab: fresh[tab] if tab not in snapshot.kept_tabs else self._good_tabs[tab]
            for tab in (model.tab for model in TAB_MODELS)
            # A tab the bot writes itself may be missing without being unreadable.
            if tab not in snapshot.unreadable_tabs and (tab in fresh or tab in snapshot.kept_tabs)
        }
        self._snapshot, self._version = snapshot, version
        if self._health.error is not None:
            log.warning(
                "the sheet at %s is readable again (failing since %s)",
                self.workbook.location,
                self._health.failing_since,
            )
        self._health = SourceHealth(
            self.workbook.location,
            read_at=self._now(),
            kept_tabs=snapshot.kept_tabs,
            unreadable_tabs=snapshot.unreadable_tabs,
        )
        self._health_known, self._last_error = True, None
        return snapshot

    def _failed(self, error: WorkbookError) -> None:
        previous = self._health
        since = previous.failing_since or self._now()
        if self._snapshot is None:
            log.info("reading the sheet failed: %s", error)  # raised to the caller, who says it
        elif previous.error is None:
            log.warning("reading the sheet failed; serving the last good version: %s", error)
        else:
            log.info("reading the sheet still fails (since %s): %s", since.isoformat(), error)
        kind = "sheet_unavailable" if isinstance(error, SheetUnavailable) else "sheet_unreadable"
        self._health = replace(previous, error=str(error), error_kind=kind, failing_since=since)
        self._health_known, self._last_error = True, error

    def _tell(self, before: SourceHealth, was_known: bool, snapshot: Snapshot | None) -> None:
        after = self._health
        if self._on_health and (not was_known or (before.error is None) != (after.error is None)):
            try:
                self._on_health(after)
            except Exception:
                log.exception("telling about the sheet's health failed")
        if snapshot is not None and snapshot is not self._last_notified:
            self._notify(snapshot)

    def _notify(self, snapshot: Snapshot) -> None:
        self._last_notified = snapshot
        described = frozenset(problem.describe() for problem in snapshot.errors)
        is_new = bool(described) and described != self._reported
        self._reported = described
        if is_new and self._on_new_problems:
            self._on_new_problems(snapshot)

    # -- keeping fresh -----------------------------------------------------------------------

    def start(self, seconds: float) -> SnapshotSource:
        """Keep the snapshot fresh on the source's own thread until `close()`: every `seconds`
        (G40_REFRESH_SECONDS) a Google Sheet is read, a local workbook when its file changed
        or its last read failed; with `answer_while_reading`, a change `current()` notices is
        read there at once."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._keep_fresh, args=(seconds,), name="g40-sheet-refresh", daemon=True
            )
            self._thread.start()
        return self

    def close(self, timeout: float = 30.0) -> None:
        """Stop the refresh thread (a read under way finishes first)."""
        self._stopped.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def __enter__(self) -> SnapshotSource:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _running(self) -> bool:
        return self._thread is not None and not self._stopped.is_set()

    def _keep_fresh(self, seconds: float) -> None:
        while not self._stopped.is_set():
            woken = self._wake.wait(seconds)
            self._wake.clear()
            if self._stopped.is_set():
                return
            try:
                if woken or (self.workbook.version() is not None and not self.last_error):
                    self._read_if_changed()
                else:
                    self.reload()
            except Exception:
                # The thread's one error boundary: the next round tries again.
                log.exception("refreshing the sheet failed; trying again in %g s", seconds)


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


# --- the one writer -----------------------------------------------------------------------------


class WritableWorkbook(Workbook, Protocol):
    """A workbook the bot can add rows to and update cells in (both backends are)."""

    def read_tab(self, tab: str) -> list[list[RawCell]]:
        """One tab as rows of cells, header row first. Raises WorkbookError."""
        ...

    def writing(self) -> AbstractContextManager[None]:
        """Held around a read-check-write, so no other writer comes in between."""
        ...

    def append_row(self, tab: str, values: Sequence[RawCell]) -> None:
        """Add one row after the last row of the tab's table, in a single attempt."""
        ...

    def update_cells(self, tab: str, row: int, values: Mapping[int, RawCell]) -> None:
        """Set cells of one row (1-based row number, 0-based column index)."""
        ...


def _now_in_amsterdam() -> datetime:
    return datetime.now(AMSTERDAM).replace(tzinfo=None, second=0, microsecond=0)


class SheetWriter:
    """The one writer for what the bot puts in the sheet: candidacy rows and their status.

    Values go in as they are (RAW), user text neutralised against formula injection, placed by
    the tab's own header so a column staff moved still gets the right value. A write counts as
    done only when a fresh read shows it; otherwise it fails (SheetUnavailable) and is tried
    again. Each append attempt first reads the inzending_id column, so a retry after a timeout
    whose request did arrive never makes a second row; on the local workbook the check and
    the append happen under one inter-process lock.
    """

    def __init__(
        self,
        workbook: WritableWorkbook,
        *,
        retry: RetryPolicy | None = None,
        now: Callable[[], datetime] = _now_in_amsterdam,
    ) -> None:
        self.workbook = workbook
        self.retry = retry or RetryPolicy(attempts=4)
        self._now = now
        self._lock = threading.Lock()

    def append_candidacy(self, row: Mapping[str, RawCell]) -> bool:
        """Add the candidacy unless its inzending_id was already there before this call;
        True when this call added it (also when an attempt that timed out did arrive). Returns
        only once the row reads back."""
        unknown = set(row) - set(Candidacy.columns())
        if unknown:
            raise ValueError(f"not Kandidaturen columns: {sorted(unknown)}")
        submission_id = _cell_str(row.get(Candidacy.key))
        if not submission_id:
            raise ValueError("a candidacy row needs an inzending_id")

        sent = False

        def attempt() -> bool:
            nonlocal sent
            with self.workbook.writing():
                rows = self.workbook.read_tab(Candidacy.tab)
                columns = self._columns(rows, [column for column in row if _cell_str(row[column])])
                if _row_number(rows, columns, submission_id) is not None:
                    log.info(
                        "candidacy %s is already in the sheet; not appending again", submission_id
                    )
                    return sent
                values: list[RawCell] = [None] * (max(columns.values()) + 1)
                for column, value in row.items():
                    values[columns[column]] = _inert(value)
                sent = True
                self.workbook.append_row(Candidacy.tab, values)
                if self._find(submission_id) is None:
                    raise SheetUnavailable(
                        f"Kandidatuur {submission_id} staat na het toevoegen niet in "
                        f"{self.workbook.location}; de schrijfactie wordt opnieuw geprobeerd."
                    )
                return True

        with self._lock:
            return self.retry.run(attempt, f"append candidacy {submission_id}")

    def replace_tab(
        self,
        tab: str,
        rows_for: Callable[[list[list[RawCell]]], Sequence[Sequence[RawCell]]],
    ) -> None:
        """Rewrite a tab the bot owns (Onbeantwoord) from what it holds now: `rows_for` gets
        the tab's current rows (header first; none when it is missing) and returns the new
        ones, so staff edits made up to this moment are kept. Text is neutralised against
        formula injection; on the local workbook the read and the write are one locked step."""

        def attempt() -> None:
            with self.workbook.writing():
                try:
                    current = self.workbook.read_tab(tab)
                except SheetUnavailable:
                    raise  # not read now: rewriting would drop what staff decided
                except WorkbookError:
                    current = []  # the tab is not there yet
                rows = [[_inert(cell) for cell in row] for row in rows_for(current)]
                self.workbook.write_tabs({tab: rows})

        with self._lock:
            self.retry.run(attempt, f"rewrite {tab}")

    def update_status(self, submission_id: str, status: str) -> bool:
        """Set the status (and bijgewerkt_op) of a candidacy; False when the id is not there.
        Returns True only once the new status reads back."""

        def attempt() -> bool:
            with self.workbook.writing():
                rows = self.workbook.read_tab(Candidacy.tab)
                columns = self._columns(rows, ["status"])
                number = _row_number(rows, columns, submission_id)
                if number is None:
                    return False
                values: dict[int, RawCell] = {columns["status"]: _inert(status)}
                if "bijgewerkt_op" in columns:
                    values[columns["bijgewerkt_op"]] = self._now()
                self.workbook.update_cells(Candidacy.tab, number, values)
                found = self._find(submission_id)
                if found is None or _cell_str(found.get("status")) != _cell_str(_inert(status)):
                    raise SheetUnavailable(
                        f"De status van kandidatuur {submission_id} leest na het bijwerken niet "
                        f"terug als '{status}' in {self.workbook.location}; de schrijfactie wordt "
                        "opnieuw geprobeerd."
                    )
                return True

        with self._lock:
            return self.retry.run(attempt, f"update status of {submission_id}")

    def _find(self, submission_id: str) -> dict[str, RawCell] | None:
        """The candidacy's row as the sheet holds it now (a fresh read), by column name."""
        rows = self.workbook.read_tab(Candidacy.tab)
        columns = self._columns(rows, [])
        number = _row_number(rows, columns, submission_id)
        if number is None:
            return None
        cells = rows[number - 1]
        return {column: cells[index] for column, index in columns.items() if index < len(cells)}

    def _columns(self, rows: Sequence[Sequence[RawCell]], needed: Sequence[str]) -> dict[str, int]:
        header = {header_key(cell): index for index, cell in enumerate(rows[0] if rows else [])}
        header = {column: index for column, index in header.items() if column}
        for column in [Candidacy.key or "inzending_id", *needed]:
            if column not in header:
                raise WorkbookError(
                    f"Kolom '{column}' ontbreekt in rij 1 van {Candidacy.tab} "
                    f"({self.workbook.location}). Zet de kolom terug (zie docs/sheet.md)."
                )
        return header


def _cell_str(value: RawCell) -> str:
    return "" if value is None else str(value).strip()


def _inert(value: RawCell) -> RawCell:
    return neutralise_formula(value) if isinstance(value, str) else value


def _row_number(
    rows: Sequence[Sequence[RawCell]], columns: Mapping[str, int], submission_id: str
) -> int | None:
    index = columns[Candidacy.key or "inzending_id"]
    for number, cells in enumerate(rows[1:], start=2):
        if index < len(cells) and _cell_str(cells[index]) == submission_id:
            return number
    return None
