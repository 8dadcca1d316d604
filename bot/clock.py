"""The clock process (`g40bot clock`, the Procfile's one `clock`): reminders on time.

The only module that imports APScheduler. Every minute, on the minute, a tick plans the
reminders from the current snapshot and delivers what is due (bot/handlers/reminders.py);
other jobs prune the reminder ledger at start and every night, rewrite the Onbeantwoord tab
every morning and give staff their weekly line about unanswered questions (Monday). The
process's runtime (bot/runtime.py) keeps the sheet fresh and drains the candidacy outbox on its
own threads, as in the web processes (a safety net beside theirs). `g40bot clock --once` runs
one tick, one drain and one prune and exits, for cron, operations and tests.

Reminders go to Slack when SLACK_BOT_TOKEN is set and to Teams when Teams is configured (its
credentials, or anonymous mode for local tests): Teams subscribers by DM to their stored
personal chat, announcements to G40_TEAMS_ANNOUNCE_CONVERSATION.

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

from bot.dates import AMSTERDAM
from bot.handlers.candidacy import DrainReport, drain_outbox
from bot.handlers.reminders import Audience, Notifier, ReminderClock, TickReport
from bot.handlers.staff import StaffChannel
from bot.runtime import Runtime
from bot.settings import TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID, Settings
from bot.sheets import SnapshotSource
from bot.store.candidacies import CandidacyRecords
from bot.store.subscriptions import Subscriptions
from bot.store.teams import TeamsConversations

log = logging.getLogger(__name__)

# The platforms reminders can be delivered on; `delivery_platforms` says which are configured.
DELIVERY_PLATFORMS = ("slack", "teams")
# A tick that starts this late (the process was busy or asleep) still runs; later, the next
# minute's tick takes over, and the ledger's grace window decides what is still sent.
MISFIRE_GRACE_SECONDS = 50


def grace(settings: Settings) -> timedelta:
    return timedelta(hours=settings.reminder_grace_hours)


def _teams_configured(settings: Settings) -> bool:
    from bot.platforms.teams.config import teams_configured

    return teams_configured(settings)


def delivery_platforms(settings: Settings) -> tuple[str, ...]:
    """The platforms this deployment delivers reminders on."""
    slack = bool(settings.slack_bot_token and settings.slack_bot_token.get_secret_value().strip())
    configured = {"slack": slack, "teams": _teams_configured(settings)}
    return tuple(platform for platform in DELIVERY_PLATFORMS if configured[platform])


# What a process needs to deliver on a platform, for the line that says it cannot.
_DELIVERY_SETTINGS = {
    "slack": "SLACK_BOT_TOKEN",
    "teams": f"{TEAMS_CLIENT_ID}, {TEAMS_CLIENT_SECRET} en {TEAMS_TENANT_ID}",
}
_PLATFORM_NAMES = {"slack": "Slack", "teams": "Teams"}


def unreached_subscribers(settings: Settings, subscriptions: Subscriptions) -> list[str]:
    """A line per platform whose subscribers this process cannot remind: people switched
    reminders on in its web process, but the clock was not given its settings."""
    reached = delivery_platforms(settings) or DELIVERY_PLATFORMS[:1]
    lines = []
    for platform in DELIVERY_PLATFORMS:
        count = 0 if platform in reached else len(subscriptions.subscribers(platform))
        if count:
            lines.append(
                f"{count} abonnee(s) op {_PLATFORM_NAMES[platform]} krijgen geen herinneringen "
                f"van dit proces: zet {_DELIVERY_SETTINGS[platform]}, zoals voor het "
                "webproces van dat platform."
            )
    return lines


def own_channels(settings: Settings) -> dict[str, str | None]:
    """Teams announces in its own conversation (the Planning tab's kanaal is Slack's)."""
    return {"teams": (settings.teams_announce_conversation or "").strip() or None}


def staff_addresses(settings: Settings) -> dict[str, str]:
    """Each platform's staff conversation (G40_STAFF_CHANNEL, G40_TEAMS_STAFF_CONVERSATION)."""
    found = {
        "slack": (settings.staff_channel or "").strip(),
        "teams": (settings.teams_staff_conversation or "").strip(),
    }
    return {platform: address for platform, address in found.items() if address}


def audience(
    settings: Settings, subscriptions: Subscriptions, candidacies: CandidacyRecords
) -> Audience:
    """For the dry run: the configured platforms (Slack's targets when none is)."""
    platforms = delivery_platforms(settings) or DELIVERY_PLATFORMS[:1]
    return Audience(
        subscriptions,
        platforms,
        settings.announce_channel,
        own_channels(settings),
        candidacies,
        staff_addresses(settings),
    )


def notifiers(settings: Settings, conversations: TeamsConversations) -> list[Notifier]:
    """A notifier per configured platform; raises MissingSetting naming a missing secret
    (SLACK_BOT_TOKEN when no platform is configured at all)."""
    platforms = delivery_platforms(settings)
    found: list[Notifier] = []
    if "slack" in platforms or not platforms:
        from bot.platforms.slack.client import fan_out_client
        from bot.platforms.slack.notifier import SlackNotifier

        client = fan_out_client(settings.secret("SLACK_BOT_TOKEN"), settings.slack_api_url)
        found.append(SlackNotifier(client))
    if "teams" in platforms:
        from bot.platforms.teams.notifier import build_teams_notifier

        found.append(build_teams_notifier(settings, conversations))
    return found


@dataclass
class ClockParts:
    runtime: Runtime
    reminders: ReminderClock

    @property
    def source(self) -> SnapshotSource:
        return self.runtime.source

    def drain(self) -> DrainReport:
        """Write the candidacies that wait in the outbox to the sheet."""
        return drain_outbox(self.runtime.store.candidacies, self.runtime.writer)

    def prune(self) -> int:
        """Forget the ledger rows of long-past reminders."""
        return self.reminders.prune_ledger(datetime.now(UTC))

    def close(self) -> None:
        self.runtime.close()


def staff_channels(settings: Settings, found: list[Notifier]) -> list[StaffChannel]:
    """Where staff hear about the sheet, for each platform this deployment delivers on."""
    addresses = staff_addresses(settings)
    return [
        StaffChannel(notifier, addresses[notifier.platform])
        for notifier in found
        if notifier.platform in addresses
    ]


def build(
    settings: Settings,
    announce: Callable[[str], None] | None = None,
    *,
    read_now: bool = True,
    serving: bool = False,
) -> ClockParts:
    """The store and the sheet, then a notifier per platform (a missing secret stops start-up
    with one line). Without `read_now` a sheet that cannot be read yet does not stop the
    clock: each tick tries again, and says (once) that reminders wait. `serving` (the
    long-running clock): the runtime keeps the sheet fresh and drains the candidacy outbox on
    its own threads."""
    runtime = Runtime(settings, serving=serving, read_now=read_now, announce=announce)
    try:
        platform_notifiers = notifiers(settings, runtime.store.teams)
        for line in unreached_subscribers(settings, runtime.store.subscriptions):
            log.warning(line)
        for channel in staff_channels(settings, platform_notifiers):
            runtime.add_staff_channel(channel.notifier, channel.address)
        if serving:
            # A safety net beside the web processes' own drainers: should none run, no
            # candidacy waits longer than G40_OUTBOX_SECONDS for its row.
            runtime.start_drainer()
    except BaseException:
        runtime.close()
        raise
    reminders = ReminderClock(
        runtime.source,
        runtime.store.deliveries,
        runtime.store.subscriptions,
        platform_notifiers,
        announce_channel=settings.announce_channel,
        own_channels=own_channels(settings),
        grace=grace(settings),
        staff=runtime.staff,
        candidacies=runtime.store.candidacies,
        staff_channels=staff_addresses(settings),
    )
    return ClockParts(runtime, reminders)


@dataclass(frozen=True)
class OnceReport:
    """What `g40bot clock --once` did: one reminder tick and one outbox drain."""

    tick: TickReport
    drain: DrainReport

    def summary(self) -> str:
        text = self.tick.summary()
        drain = self.drain
        if drain.done or drain.failed or drain.waiting:
            text += (
                f"\nKandidaturen naar het sheet: {drain.done} geschreven, {drain.failed} "
                f"mislukt (later opnieuw), {drain.waiting} wachtend."
            )
        return text


def run_once(settings: Settings, now: datetime | None = None) -> OnceReport:
    """One tick at `now` (default: the real time), one outbox drain and one ledger prune; for
    cron, operations and tests."""
    parts = build(settings)
    moment = now or datetime.now(UTC)
    try:
        tick = parts.reminders.tick(moment)
        report = OnceReport(tick, parts.drain())
        parts.reminders.prune_ledger(moment)
        return report
    finally:
        parts.close()


def _log_job_error(event: JobExecutionEvent) -> None:
    # APScheduler's executor is the clock's one error boundary: the job is logged with its
    # traceback and runs again at its next time.
    log.error("clock job %s failed; it runs again at its next time", event.job_id)


def run_forever(settings: Settings, announce: Callable[[str], None]) -> None:
    """`g40bot clock`: blocks until SIGTERM or Ctrl+C, then finishes the message in flight."""
    parts = build(settings, announce, read_now=False, serving=True)
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
    scheduler.add_job(
        parts.runtime.publish_unanswered,
        CronTrigger(hour=7, minute=0, timezone=AMSTERDAM),
        id="unanswered-tab",
        name="Onbeantwoord tab",
    )
    scheduler.add_job(
        parts.runtime.weekly_unanswered,
        CronTrigger(day_of_week="mon", hour=9, minute=5, timezone=AMSTERDAM),
        id="unanswered-weekly",
        name="weekly unanswered line for staff",
    )
    scheduler.add_job(
        parts.prune,
        CronTrigger(hour=4, minute=15, timezone=AMSTERDAM),
        id="ledger-prune",
        name="reminder ledger prune",
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
        # Also now, before the scheduler runs: a clock restarted daily (Heroku) may never see
        # 04:15.
        parts.prune()
        scheduler.start()
    finally:
        pool.shutdown(wait=True)  # the tick in flight ends after its current message
        parts.close()
