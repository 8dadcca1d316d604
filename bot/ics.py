"""The election phases as an iCalendar file (`g40bot calendar`), built with `icalendar`.

Date-only phases become all-day events (DTEND is the day after the last day, as RFC 5545
wants); timed ones carry TZID=Europe/Amsterdam with a generated VTIMEZONE. Each event's UID is
derived from the phase id, so importing a newer file updates the event instead of adding one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from bot.dates import AMSTERDAM
from bot.models import Phase, Snapshot

PRODUCT_ID = "-//G40 Stedennetwerk//g40bot//NL"
UID_DOMAIN = "g40bot.g40stedennetwerk.nl"


def phase_uid(phase: Phase) -> str:
    return f"fase-{phase.id}@{UID_DOMAIN}"


def _aware(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=AMSTERDAM)
    return datetime.combine(moment, time(0), tzinfo=AMSTERDAM)


def _event(phase: Phase, stamp: datetime) -> Event:
    assert phase.start is not None
    event = Event()
    event.add("uid", phase_uid(phase))
    event.add("dtstamp", stamp)
    event.add("summary", phase.name)
    if phase.description:
        event.add("description", phase.description)
    start, end = phase.start, phase.end
    if not isinstance(start, datetime) and not isinstance(end, datetime):
        event.add("dtstart", start)
        event.add("dtend", (end or start) + timedelta(days=1))
        return event
    event.add("dtstart", _aware(start))
    if isinstance(end, datetime):
        event.add("dtend", _aware(end))
    elif end is not None:
        # A timed start with a date-only end: the event lasts through that whole day.
        event.add("dtend", _aware(end + timedelta(days=1)))
    return event


def phases_calendar(snapshot: Snapshot, *, now: datetime | None = None) -> bytes:
    """An .ics of every phase with a start date; phases without one are left out."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "G40 verkiezingen")
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for phase in dated(snapshot.phases.values()):
        calendar.add_component(_event(phase, stamp))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def dated(phases: Iterable[Phase]) -> list[Phase]:
    return [phase for phase in phases if phase.start is not None]


def undated(phases: Iterable[Phase]) -> list[Phase]:
    return [phase for phase in phases if phase.start is None]
