"""Which election reminders exist and which are due: pure, from the snapshot and a given `now`.

A reminder is (phase, offset before its start or end, that date). The date is part of its key,
so when staff move a phase the old reminders simply stop existing and new ones appear; the
clock's ledger (bot/store/deliveries.py) makes each key go out once per target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot.dates import AMSTERDAM
from bot.i18n import format_day, pick, say
from bot.models import CANDIDACY_PHASE_ID, EVERYONE, Phase, Snapshot
from bot.reply import Language, Reply

DEFAULT_SEND_TIME = time(9, 0)


@dataclass(frozen=True)
class PlannedReminder:
    phase_id: str
    offset: timedelta
    anchor: date | datetime
    due: datetime
    channel: str
    # Who it goes to: bot.models.EVERYONE, CANDIDATES or STAFF (the phase's doelgroep).
    audience: str = EVERYONE

    @property
    def key(self) -> str:
        """Stable across restarts and processes; changes when staff move the date."""
        return f"{self.phase_id}|{offset_label(self.offset)}|{self.anchor.isoformat()}"


def offset_label(offset: timedelta) -> str:
    if offset % timedelta(days=1) == timedelta(0):
        return f"{offset.days}d"
    return f"{int(offset.total_seconds() // 3600)}u"


def _anchor(phase: Phase) -> date | datetime | None:
    if phase.remind_before == "eind":
        return phase.end or phase.start
    return phase.start


def _due(anchor: date | datetime, offset: timedelta, send_time: time) -> datetime:
    if offset % timedelta(days=1) == timedelta(0):
        # Whole days: the send time on that calendar day, whatever the DST change in between.
        day = (anchor.date() if isinstance(anchor, datetime) else anchor) - offset
        return datetime.combine(day, send_time, tzinfo=AMSTERDAM)
    moment = anchor if isinstance(anchor, datetime) else datetime.combine(anchor, time(0))
    # Hours: real elapsed time before the local moment. Arithmetic on a zoneinfo datetime is
    # wall-clock arithmetic, so subtract in UTC: 12u before 10:00 on the day the clocks go back
    # is 23:00 the evening before, not 22:00.
    instant = moment.replace(tzinfo=AMSTERDAM).astimezone(UTC)
    return (instant - offset).astimezone(AMSTERDAM)


def plan(snapshot: Snapshot) -> list[PlannedReminder]:
    """Every reminder the planning tab asks for, in due order; phases without a date have none."""
    planned = []
    for phase in snapshot.phases.values():
        anchor = _anchor(phase)
        if anchor is None:
            continue
        for offset in phase.reminders:
            due = _due(anchor, offset, phase.send_time or DEFAULT_SEND_TIME)
            planned.append(
                PlannedReminder(phase.id, offset, anchor, due, phase.channel, phase.audience)
            )
    return sorted(planned, key=lambda reminder: (reminder.due.astimezone(UTC), reminder.phase_id))


def due(
    planned: list[PlannedReminder], now: datetime, grace: timedelta
) -> tuple[list[PlannedReminder], list[PlannedReminder]]:
    """(due now, missed): due once its time has come, until `grace` later; after that, missed
    (skipped and logged — a reminder days late confuses more than it helps).

    Compared as UTC instants: two datetimes in the same zone compare (and add) by wall clock,
    which is an hour off around the night the clocks change."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    instant = now.astimezone(UTC)
    ready, missed = [], []
    for reminder in planned:
        due_at = reminder.due.astimezone(UTC)
        if due_at + grace <= instant:
            missed.append(reminder)
        elif due_at <= instant:
            ready.append(reminder)
    return ready, missed


def reminder_reply(reminder: PlannedReminder, snapshot: Snapshot, language: Language) -> Reply:
    """The message: which phase, its date in words, and what to do."""
    phase = snapshot.phases[reminder.phase_id]
    name = pick(language, phase.name, phase.name_en)
    when = format_day(reminder.anchor, language)
    days = (_day(reminder.anchor) - reminder.due.date()).days
    if reminder.offset % timedelta(days=1):
        count = say(language, "in_hours", hours=int(reminder.offset.total_seconds() // 3600))
    elif days == 1:
        count = say(language, "tomorrow")
    else:
        count = say(language, "in_days", days=days)
    key = "reminder_deadline" if phase.remind_before == "eind" else "reminder_start"
    lines = [say(language, key, phase=name, count=count, date=when)]
    description = pick(language, phase.description, phase.description_en)
    if description:
        lines.append(description)
    if phase.id == CANDIDACY_PHASE_ID:
        lines.append(say(language, "reminder_how_to_submit"))
    contact = snapshot.people.get(phase.contact) if phase.contact else None
    if contact is not None and contact.email:
        lines.append(say(language, "more_info", who=f"{contact.name}, {contact.email}"))
    title = say(language, "reminder_title", phase=name)
    return Reply(title=title, lines=tuple(lines), language=language)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment
