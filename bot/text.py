"""Text normalisation shared by matching, validation and rendering."""

from __future__ import annotations

import re
import unicodedata

# Questions longer than this are answered from their first part only: no role name is longer,
# and it keeps fuzzy matching cheap whatever a user pastes.
MAX_QUESTION_CHARS = 500

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def clean(text: str) -> str:
    """User text without control characters and surrounding whitespace."""
    return _CONTROL.sub(" ", text).strip()


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form: 'Coördinatie' -> 'coordinatie'."""
    if text.isascii():  # the common case, ten times cheaper than decomposing
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded word tokens; punctuation, emoji and symbols separate words."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def split_list(cell: str) -> list[str]:
    """A comma-, semicolon- or newline-separated cell as a list of trimmed items."""
    return [item.strip() for item in re.split(r"[,;\n]", cell) if item.strip()]


def split_lines(cell: str) -> list[str]:
    """A multi-line cell (one item per line) as items, bullets removed."""
    items = (line.strip().lstrip("-•*").strip() for line in cell.splitlines())
    return [item for item in items if item]


def column_letter(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# A spreadsheet (Sheets, Excel, LibreOffice) may read a cell starting with one of these as a
# formula: `=`, `+`, `-`, `@`, and tab or CR, which some importers strip before the `=`.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """User text made inert for any spreadsheet: a leading apostrophe before a formula start.

    Writing RAW already keeps the text a string inside Google Sheets, but a CSV or XLSX export
    opened in Excel or LibreOffice evaluates `=HYPERLINK(...)` again (OWASP "CSV injection").
    The apostrophe is the one prefix all three treat as "this is text", so the cell stays inert
    wherever it travels; staff see it as a visible apostrophe, which is honest about the input.
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
