"""Dates as staff type them: real date cells, spreadsheet serial numbers, ISO or Dutch text."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Spreadsheet serial day 0 (Google Sheets and Excel since 1900-03-01 agree on it).
_SERIAL_EPOCH = datetime(1899, 12, 30)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_TIME = r"(?:[ T](?P<hour>\d{1,2})[:.](?P<minute>\d{2}))?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME + r"$")
_DUTCH = re.compile(r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})" + _TIME + r"$")
_WRITTEN = re.compile(r"(?P<day>\d{1,2}) (?P<month>[a-z]+)\.? (?P<year>\d{4})" + _TIME + r"$")


class DateFormatError(ValueError):
    """The cell holds something that is not a date we can read."""


def parse_date_cell(value: object) -> date | datetime | None:
    """A cell as a date (whole day) or a naive datetime (Europe/Amsterdam); None when empty.

    Accepts date/datetime objects, serial numbers (UNFORMATTED_VALUE), ISO `2026-09-10`,
    Dutch `10-09-2026` / `10/9/2026` and written `10 september 2026`, each with an optional
    time `09:00`.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value.replace(tzinfo=None)
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        moment = _SERIAL_EPOCH + timedelta(days=float(value))
        return moment.date() if moment.time() == time(0) else moment.replace(microsecond=0)
    text = " ".join(str(value).strip().casefold().split())
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return parse_date_cell(float(text))
    match = _ISO.match(text) or _DUTCH.match(text) or _WRITTEN.match(text)
    if not match:
        raise DateFormatError(text)
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    if month is None:
        raise DateFormatError(text)
    try:
        day = date(int(match["year"]), month, int(match["day"]))
    except ValueError as error:
        raise DateFormatError(text) from error
    if match["hour"] is None:
        return day
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise DateFormatError(text)
    return datetime.combine(day, time(hour, minute))


def day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def today_in_amsterdam() -> date:
    return datetime.now(AMSTERDAM).date()


def serial_number(value: date | datetime) -> float:
    """A date as a spreadsheet serial number (days since 1899-12-30; the time as a fraction)."""
    moment = value if isinstance(value, datetime) else datetime.combine(value, time(0))
    return (moment.replace(tzinfo=None) - _SERIAL_EPOCH) / timedelta(days=1)
