"""The clock process (`g40bot clock`, the Procfile's one `clock`): reminders on time.

The only module that imports APScheduler. Every minute, on the minute, a tick plans the
reminders from the current snapshot and delivers what is due (bot/handlers/reminders.py); for
a Google Sheet a second job re-reads the sheet every G40_REFRESH_SECONDS (a local workbook is
re-read by `SnapshotSource.current()` when its file changes). `g40bot clock --once` runs one
tick and exits, for cron, operations and tests.

Run one clock. Should two run by mistake, the store's ledger still sends everything once.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.events import EVENT_JOB_ERROR, EVENT_SCHEDULER_STARTED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import open_source
from bot.dates import AMSTERDAM
from bot.handlers.reminders import Audience, Notifier, ReminderClock, TickReport
from bot.settings import Settings
from bot.sheets import SnapshotSource
from bot.store import Store

log = logging.getLogger(__name__)

# The platforms reminders are delivered on (the Teams issue adds "teams").
DELIVERY_PLATFORMS = ("slack",)
# A tick that starts this late (the process was busy or asleep) still runs; later, the next
# minute's tick takes over, and the ledger's grace window decides what is still sent.
MISFIRE_GRACE_SECONDS = 50


def grace(settings: Settings) -> timedelta:
    return timedelta(hours=settings.reminder_grace_hours)


def audience(settings: Settings, store: Store) -> Audience:
    return Audience(store, DELIVERY_PLATFORMS, settings.announce_channel)


def notifiers(settings: Settings) -> list[Notifier]:
    """A notifier per platform; raises MissingSetting naming a missing token."""
    from bot.platforms.slack import SlackNotifier, fan_out_client

    client = fan_out_client(settings.secret("SLACK_BOT_TOKEN"), settings.slack_api_url)
    return [SlackNotifier(client)]


@dataclass
class ClockParts:
    source: SnapshotSource
    store: Store
    reminders: ReminderClock

    def close(self) -> None:
        self.store.close()


def build(settings: Settings, announce: Callable[[str], None] | None = None) -> ClockParts:
    """Secrets first (a missing one stops start-up with one line), then the sheet and store."""
    platform_notifiers = notifiers(settings)
    source = open_source(settings, announce=announce)
    store = Store(settings.database_url)
    reminders = ReminderClock(
        source,
        store,
        platform_notifiers,
        announce_channel=settings.announce_channel,
        grace=grace(settings),
    )
    return ClockParts(source, store, reminders)


def run_once(settings: Settings, now: datetime | None = None) -> TickReport:
    """One tick at `now` (default: the real time); for cron, operations and tests."""
    parts = build(settings)
    try:
        return parts.reminders.tick(now or datetime.now(UTC))
    finally:
        parts.close()


def _log_job_error(event: JobExecutionEvent) -> None:
    # APScheduler's executor is the clock's one error boundary: the job is logged with its
    # traceback and runs again at its next time.
    log.error("clock job %s failed; it runs again at its next time", event.job_id)


def run_forever(settings: Settings, announce: Callable[[str], None]) -> None:
    """`g40bot clock`: blocks until SIGTERM or Ctrl+C, then finishes the message in flight."""
    parts = build(settings, announce)
    pool = ThreadPoolExecutor(2)
    scheduler = BlockingScheduler(
        timezone=AMSTERDAM,
        executors={"default": pool},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": MISFIRE_GRACE_SECONDS,
        },
    )
    scheduler.add_job(
        lambda: parts.reminders.tick(datetime.now(UTC)),
        CronTrigger(second=0, timezone=AMSTERDAM),
        id="reminders",
        name="reminder tick",
    )
    if parts.source.workbook.version() is None:
        # A Google Sheet has no cheap change token: read it on a schedule instead.
        scheduler.add_job(
            parts.source.reload,
            IntervalTrigger(seconds=settings.refresh_seconds, timezone=AMSTERDAM),
            id="sheet-refresh",
            name="sheet refresh",
        )
    scheduler.add_listener(_log_job_error, EVENT_JOB_ERROR)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("clock: signal %d, stopping after the message in flight", signum)
        parts.reminders.stopping.set()
        if not scheduler.running:
            raise SystemExit(0)  # stopped before the scheduler started: nothing in flight
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    started = (
        f"g40bot klok: herinneringen elke minuut uit {parts.source.workbook.location} "
        f"(inhaaltermijn {settings.reminder_grace_hours:g} uur); stop met Ctrl+C."
    )
    scheduler.add_listener(lambda _event: announce(started), EVENT_SCHEDULER_STARTED)
    try:
        scheduler.start()
    finally:
        pool.shutdown(wait=True)  # the tick in flight ends after its current message
        parts.close()
