"""A stateful fake of the Google Sheets v4 REST API (and Google's token endpoint), served to
real gspread + google-auth through `responses`. Tests and benchmarks share it.

It keeps tabs as rows of JSON cells, answers the requests g40bot makes (spreadsheet metadata,
values.batchGet, values.append, values.update/batchUpdate, spreadsheets.batchUpdate with
addSheet and the layout requests), counts every request, and can be told to fail: a status
code a number of times or forever, a timeout before or after the change was applied, a
change answered 200 but not kept (as when staff overwrite it at once), an expired access
token, or no access at all; a fault may wait for the first `after` matching requests to pass.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import requests
import responses
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

Cell = str | int | float | bool
SHEETS = re.compile(r"https://sheets\.googleapis\.com/v4/spreadsheets/.*")
TOKEN_URI = "https://oauth2.googleapis.com/token"
_RANGE = re.compile(r"^(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^!]+))(?:!(?P<cells>.+))?$")
_CELL = re.compile(r"^(?P<column>[A-Z]+)(?P<row>\d+)$")
_STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


def service_account_key(client_email: str = "g40bot@g40-test.iam.gserviceaccount.com") -> str:
    """A service-account JSON key with a freshly made RSA key, as Google Cloud downloads it."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return json.dumps(
        {
            "type": "service_account",
            "project_id": "g40-test",
            "private_key_id": "fake-key-1",
            "private_key": pem,
            "client_email": client_email,
            "client_id": "1234567890",
            "token_uri": TOKEN_URI,
        }
    )


def _as_stored(value: Any) -> Cell:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (value - datetime(1899, 12, 30)) / timedelta(days=1)
    if isinstance(value, date):
        return (value - date(1899, 12, 30)).days
    return value


def column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


@dataclass
class Tab:
    sheet_id: int
    title: str
    rows: list[list[Cell]] = field(default_factory=list)
    frozen_rows: int = 0
    row_count: int = 1000
    column_count: int = 26
    widths: dict[int, int] = field(default_factory=dict)
    bold_header: bool = False
    formats: dict[int, str] = field(default_factory=dict)
    protections: list[dict[str, Any]] = field(default_factory=list)

    def trimmed(self) -> list[list[Cell]]:
        """Rows as the API returns them: trailing empty cells and rows left out."""
        rows = [list(row) for row in self.rows]
        for row in rows:
            while row and row[-1] == "":
                row.pop()
        while rows and not rows[-1]:
            rows.pop()
        return rows

    def put(self, row: int, column: int, value: Cell) -> None:
        while len(self.rows) <= row:
            self.rows.append([])
        cells = self.rows[row]
        while len(cells) <= column:
            cells.append("")
        cells[column] = value


@dataclass
class Fault:
    operation: str | None  # "batchGet", "append", "metadata", ... or None for any
    kind: str  # "status", "timeout_before", "timeout_after", "not_kept"
    status: int = 500
    remaining: int | None = 1  # None: forever
    after: int = 0  # matching requests that pass before this fault starts


class FakeSheets:
    """One spreadsheet behind the Sheets v4 API. `install(mock)` registers it with responses."""

    def __init__(self, spreadsheet_id: str = "1FakeSpreadsheetId") -> None:
        self.spreadsheet_id = spreadsheet_id
        self.tabs: dict[str, Tab] = {}
        self.calls: list[tuple[str, dict[str, list[str]], Any]] = []
        self.token_requests = 0
        self.formulas: list[tuple[str, str]] = []
        self.faults: list[Fault] = []
        self.denied: int | None = None
        self.api_disabled = False
        self.delay = 0.0
        self.token_service_down = False
        self._token = 0
        self._next_sheet_id = 100

    # -- wiring --------------------------------------------------------------------------------

    def install(self, mock: responses.RequestsMock) -> None:
        # One callback per method for the whole API: responses' first-match registry would
        # otherwise drop overlapping patterns after their first use.
        for method in ("GET", "POST", "PUT"):
            mock.add_callback(method, SHEETS, callback=self._handle)
        mock.add_callback("POST", TOKEN_URI, callback=self._issue_token)

    # -- state, as staff see it ----------------------------------------------------------------

    def add_tab(self, title: str, rows: list[list[Cell]] | None = None) -> Tab:
        tab = Tab(self._next_sheet_id, title, [list(row) for row in rows or []])
        self._next_sheet_id += 1
        self.tabs[title] = tab
        return tab

    def load(self, tabs: dict[str, list[list[Any]]]) -> None:
        """Tabs from `load_seed()`-style rows; dates become serial numbers as Sheets keeps them."""
        for title, rows in tabs.items():
            self.add_tab(title, [[_as_stored(cell) for cell in row] for row in rows])

    def cell(self, title: str, a1: str) -> Cell:
        match = _CELL.match(a1)
        assert match
        rows = self.tabs[title].rows
        row, column = int(match["row"]) - 1, column_index(match["column"])
        return rows[row][column] if row < len(rows) and column < len(rows[row]) else ""

    def edit(self, title: str, key: str, column: str, value: Cell) -> str:
        """Staff type `value` in `column` of the row whose first cell is `key`; returns the A1
        reference of the cell they edited."""
        tab = self.tabs[title]
        header = [str(cell) for cell in tab.rows[0]]
        row = next(index for index, cells in enumerate(tab.rows) if cells and cells[0] == key)
        tab.put(row, header.index(column), value)
        letter = chr(ord("A") + header.index(column))
        return f"{title}!{letter}{row + 1}"

    # -- counting ------------------------------------------------------------------------------

    def count(self, operation: str | None = None) -> int:
        return sum(1 for name, _, _ in self.calls if operation in (None, name))

    def operations(self) -> list[str]:
        return [name for name, _, _ in self.calls]

    # -- failures ------------------------------------------------------------------------------

    def fail(
        self, status: int, *, times: int | None = 1, operation: str | None = None, after: int = 0
    ) -> None:
        self.faults.append(Fault(operation, "status", status, times, after))

    def time_out(
        self, *, after_applying: bool, operation: str, times: int = 1, after: int = 0
    ) -> None:
        kind = "timeout_after" if after_applying else "timeout_before"
        self.faults.append(Fault(operation, kind, remaining=times, after=after))

    def lose(self, operation: str, *, times: int = 1) -> None:
        """Answer the next `operation` (a write) with 200 as if applied, but keep nothing."""
        self.faults.append(Fault(operation, "not_kept", remaining=times))

    def expire_token(self) -> None:
        """Google revokes the access token the client holds; the next call gets 401."""
        self._token += 1

    def heal(self) -> None:
        self.faults.clear()
        self.denied = None

    # -- the API -------------------------------------------------------------------------------

    def _issue_token(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        self.token_requests += 1
        if self.token_service_down:
            return 503, {"Content-Type": "application/json"}, '{"error": "temporarily_unavailable"}'
        self._token += 1
        body = {"access_token": f"token-{self._token}", "expires_in": 3600, "token_type": "Bearer"}
        return 200, {"Content-Type": "application/json"}, json.dumps(body)

    def _handle(self, request: requests.PreparedRequest) -> Any:
        url = urlsplit(request.url or "")
        params = parse_qs(url.query)
        path = unquote(url.path)[len("/v4/spreadsheets/") :]
        body = json.loads(request.body) if request.body else None
        operation, argument = self._route(request.method or "GET", path)
        self.calls.append((operation, params, body))
        if self.delay:
            time.sleep(self.delay)
        if request.headers.get("Authorization") != f"Bearer token-{self._token}":
            return _error(401, "Request had invalid authentication credentials.")
        if not path.startswith(self.spreadsheet_id) or self.denied == 404:
            return _error(404, "Requested entity was not found.")
        if self.api_disabled:
            return _error(
                403,
                "Google Sheets API has not been used in project 123 before or it is disabled.",
            )
        if self.denied == 403:
            return _error(403, "The caller does not have permission")
        fault = self._next_fault(operation)
        if fault and fault.kind == "status":
            return _error(fault.status, "Fake failure.")
        if fault and fault.kind == "timeout_before":
            return requests.exceptions.ReadTimeout("fake: timed out before the change")
        kept = {
            title: ([list(row) for row in tab.rows], tab.row_count)
            for title, tab in (self.tabs.items() if fault and fault.kind == "not_kept" else ())
        }
        try:
            result = getattr(self, f"_{operation}")(argument, params, body)
        except _ApiError as error:
            return _error(error.status, error.message)
        if fault and fault.kind == "not_kept":
            for title, (rows, row_count) in kept.items():
                self.tabs[title].rows, self.tabs[title].row_count = rows, row_count
        if fault and fault.kind == "timeout_after":
            return requests.exceptions.ReadTimeout("fake: timed out after the change")
        return 200, {"Content-Type": "application/json"}, json.dumps(result)

    def _route(self, method: str, path: str) -> tuple[str, str]:
        rest = path[len(self.spreadsheet_id) :] if path.startswith(self.spreadsheet_id) else ""
        if method == "GET" and rest == "":
            return "metadata", ""
        if method == "POST" and rest == ":batchUpdate":
            return "batchUpdate", ""
        if method == "GET" and rest == "/values:batchGet":
            return "batchGet", ""
        if method == "POST" and rest == "/values:batchUpdate":
            return "valuesBatchUpdate", ""
        if method == "POST" and rest.startswith("/values/") and rest.endswith(":append"):
            return "append", rest[len("/values/") : -len(":append")]
        if method == "PUT" and rest.startswith("/values/"):
            return "update", rest[len("/values/") :]
        return "unknown", f"{method} {path}"

    def _next_fault(self, operation: str) -> Fault | None:
        for fault in self.faults:
            if fault.operation in (None, operation) and fault.remaining != 0:
                if fault.after > 0:
                    fault.after -= 1
                    continue
                if fault.remaining is not None:
                    fault.remaining -= 1
                return fault
        return None

    def _tab(self, a1: str) -> tuple[Tab, str | None]:
        match = _RANGE.match(a1)
        if not match:
            raise _ApiError(400, f"Unable to parse range: {a1}")
        title = (match["quoted"] or "").replace("''", "'") or match["plain"]
        if title not in self.tabs:
            raise _ApiError(400, f"Unable to parse range: {a1}")
        return self.tabs[title], match["cells"]

    def _metadata(self, _: str, params: dict[str, list[str]], body: Any) -> dict[str, Any]:
        return {
            "spreadsheetId": self.spreadsheet_id,
            "sheets": [
                {
                    "properties": {
                        "sheetId": tab.sheet_id,
                        "title": tab.title,
                        "index": index,
                        "gridProperties": {
                            "rowCount": tab.row_count,
                            "columnCount": tab.column_count,
                            "frozenRowCount": tab.frozen_rows,
                        },
                    },
                    **({"protectedRanges": tab.protections} if tab.protections else {}),
                }
                for index, tab in enumerate(self.tabs.values())
            ],
        }

    def _batchGet(self, _: str, params: dict[str, list[str]], body: Any) -> dict[str, Any]:
        if params.get("valueRenderOption") != ["UNFORMATTED_VALUE"]:
            # Formatted values follow the spreadsheet's locale; this fake does not pretend to.
            raise _ApiError(400, "fake supports valueRenderOption=UNFORMATTED_VALUE only")
        ranges = params.get("ranges", [])
        tabs = [self._tab(a1) for a1 in ranges]
        value_ranges = []
        for a1, (tab, cells) in zip(ranges, tabs, strict=True):
            if cells is not None:
                raise _ApiError(400, f"fake reads whole tabs only, not {a1}")
            rows = tab.trimmed()
            value_ranges.append(
                {"range": a1, "majorDimension": "ROWS", **({"values": rows} if rows else {})}
            )
        return {"spreadsheetId": self.spreadsheet_id, "valueRanges": value_ranges}

    def _store(self, tab: Tab, row: int, column: int, value: Any, option: str) -> None:
        if value is None:
            return
        if option == "USER_ENTERED" and isinstance(value, str) and value.startswith(("=", "+")):
            self.formulas.append((tab.title, value))
        tab.put(row, column, value)

    def _append(self, a1: str, params: dict[str, list[str]], body: Any) -> dict[str, Any]:
        tab, _ = self._tab(a1)
        option = params.get("valueInputOption", [""])[0]
        if option not in {"RAW", "USER_ENTERED"}:
            raise _ApiError(400, "valueInputOption is required")
        start = len(tab.trimmed())
        for offset, values in enumerate(body["values"]):
            if params.get("insertDataOption") == ["INSERT_ROWS"]:
                tab.rows.insert(start + offset, [])
                tab.row_count += 1
            for column, value in enumerate(values):
                self._store(tab, start + offset, column, value, option)
        return {
            "spreadsheetId": self.spreadsheet_id,
            "updates": {"updatedRows": len(body["values"])},
        }

    def _write(self, a1: str, values: list[list[Any]], option: str) -> None:
        tab, cells = self._tab(a1)
        match = _CELL.match(cells or "A1")
        if not match:
            raise _ApiError(400, f"fake writes from a single top-left cell, not {a1}")
        top, left = int(match["row"]) - 1, column_index(match["column"])
        for row_offset, row in enumerate(values):
            for column_offset, value in enumerate(row):
                self._store(tab, top + row_offset, left + column_offset, value, option)

    def _update(self, a1: str, params: dict[str, list[str]], body: Any) -> dict[str, Any]:
        self._write(a1, body["values"], params.get("valueInputOption", [""])[0])
        return {"spreadsheetId": self.spreadsheet_id}

    def _valuesBatchUpdate(self, _: str, params: dict[str, list[str]], body: Any) -> Any:
        for item in body["data"]:
            self._write(item["range"], item["values"], body["valueInputOption"])
        return {"spreadsheetId": self.spreadsheet_id, "totalUpdatedCells": len(body["data"])}

    def _batchUpdate(self, _: str, params: dict[str, list[str]], body: Any) -> dict[str, Any]:
        by_id = {tab.sheet_id: tab for tab in self.tabs.values()}
        replies: list[dict[str, Any]] = []
        for item in body["requests"]:
            (kind, request), *_ = item.items()
            if kind == "addSheet":
                title = request["properties"]["title"]
                if title in self.tabs:
                    raise _ApiError(400, f'A sheet with the name "{title}" already exists.')
                tab = self.add_tab(title)
                by_id[tab.sheet_id] = tab
                properties = {"sheetId": tab.sheet_id, "title": title, "gridProperties": {}}
                replies.append({"addSheet": {"properties": properties}})
                continue
            replies.append({})
            located = request.get("protectedRange", request)
            target = by_id[(located.get("range") or located.get("properties") or {})["sheetId"]]
            if kind == "updateSheetProperties":
                grid = request["properties"]["gridProperties"]
                target.frozen_rows = grid.get("frozenRowCount", target.frozen_rows)
                target.row_count = grid.get("rowCount", target.row_count)
                target.column_count = grid.get("columnCount", target.column_count)
            elif kind == "updateCells":
                target.rows = []
            elif kind == "repeatCell":
                fmt = request["cell"]["userEnteredFormat"]
                if request["range"].get("endRowIndex") == 1:
                    target.bold_header = fmt["textFormat"]["bold"]
                else:
                    target.formats[request["range"]["startColumnIndex"]] = fmt["numberFormat"][
                        "type"
                    ]
            elif kind == "updateDimensionProperties":
                target.widths[request["range"]["startIndex"]] = request["properties"]["pixelSize"]
            elif kind == "addProtectedRange":
                target.protections.append(request["protectedRange"])
            else:
                raise _ApiError(400, f"fake does not know {kind}")
        return {"spreadsheetId": self.spreadsheet_id, "replies": replies}

    def _unknown(self, argument: str, params: dict[str, list[str]], body: Any) -> Any:
        raise _ApiError(404, f"fake has no route for {argument}")


class _ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _error(status: int, message: str) -> tuple[int, dict[str, str], str]:
    body = {"error": {"code": status, "message": message, "status": _STATUS_NAMES.get(status, "")}}
    return status, {"Content-Type": "application/json"}, json.dumps(body)


@contextmanager
def serving_fake_sheets(tabs: dict[str, list[list[Any]]]) -> Iterator[FakeSheets]:
    """A fake spreadsheet holding `tabs`, answering every Sheets and token request meanwhile."""
    sheets = FakeSheets()
    sheets.load(tabs)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        sheets.install(mock)
        yield sheets
