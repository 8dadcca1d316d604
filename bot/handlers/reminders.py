"""Delivering election reminders: one tick of the clock, and the look-ahead views.

Platform-free: a platform takes part by implementing `Notifier` (post to a channel, DM a user).
Each tick plans from the *current* snapshot (bot/reminders.py), so a date that staff move
moves its reminders and a deleted phase has none left to send.

Exactly once per (reminder, target), across restarts and processes, rests on the store's
ledger: a target is claimed (an INSERT that only one process can win) *before* it is sent, and
marked afterwards. The crash window between the send and the mark is decided for
**at-most-once**: a claim that is never marked (the process died mid-send) is not sent again,
because Slack may well have delivered it and a chat API offers no way to ask; a duplicate
reminder in a mayor's DMs is the worse failure. The window is one HTTP call long: failures
Slack *answers* (an error, a 429) release the claim for a retry, and a stopping clock finishes
its in-flight send and claims nothing new. Claims left open that way are reported as
"uncertain" when the reminder's grace window closes, once, in the log.

The ledger keeps a reminder's rows for LEDGER_RETENTION after its grace window closed (for
`g40bot reminders` and the operators), then the clock prunes them, at start and once a day.
"""

from __future__ import annotations

import heapq
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal, Protocol

from bot.dates import AMSTERDAM, day_of
from bot.directory import phase_line, upcoming_phases
from bot.i18n import format_day, say
from bot.models import CANDIDATES, STAFF, Phase, Snapshot, SourceHealth
from bot.reminders import PlannedReminder, due, offset_label, plan, reminder_reply
from bot.reply import Language, Reply
from bot.store.candidacies import CandidacyRecords
from bot.store.deliveries import (
    CLAIMED,
    CLOSED,
    CLOSING_TARGET,
    FAILED,
    RETRY,
    SENT,
    SKIPPED,
    DeliveryLedger,
)
from bot.store.subscriptions import Subscriptions

log = logging.getLogger(__name__)

DEFAULT_GRACE = timedelta(hours=6)
# Within one tick a rate-limited target is retried after Retry-After, at most this many times
# and never after a longer wait than this; otherwise its claim is released for the next tick.
MAX_RETRY_AFTER_SECONDS = 30.0
MAX_ATTEMPTS_PER_TICK = 5
# How long a reminder's ledger rows outlive its grace window. A reminder missed longer ago is
# no longer closed either: its rows may be gone, and it would be closed (and logged as
# skipped) all over again.
LEDGER_RETENTION = timedelta(days=30)


class SnapshotProvider(Protocol):
    def latest(self) -> Snapshot | None: ...

    def health(self) -> SourceHealth: ...


class PlanningAlerts(Protocol):
    """Tells staff that reminders wait for an unreadable Planning tab (bot/handlers/staff.py)."""

    def planning_unreadable(self, reason: str, grace_hours: float) -> None: ...

    def planning_readable(self) -> None: ...


DmReason = Literal["subscribed", "candidate"]


class DeliveryFailed(Exception):
    """The platform answered that this message was not delivered.

    `retry_after`: the platform asked to wait this many seconds (a 429). `permanent`: this
    target can never receive it (e.g. a deactivated user); it is not retried."""

    def __init__(
        self, reason: str, *, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent


class Notifier(Protocol):
    """What a platform does for reminders. Both methods raise DeliveryFailed when the platform
    says the message did not arrive."""

    @property
    def platform(self) -> str: ...

    def post_to_channel(self, channel: str, reply: Reply) -> None: ...

    def send_direct(self, user_id: str, reply: Reply, *, reason: DmReason = "subscribed") -> None:
        """A reminder DM, saying why they get it (`reason`) and how to stop it."""
        ...


@dataclass(frozen=True)
class Target:
    platform: str
    kind: Literal["channel", "user"]
    address: str
    language: Language
    # Why a person gets a DM: they switched reminders on, or they stand as a candidate.
    reason: DmReason = "subscribed"

    @property
    def ledger_name(self) -> str:
        return f"{self.platform}:{self.kind}:{self.address}"


@dataclass
class TickReport:
    """What one tick did, for the log and `g40bot clock --once`."""

    now: datetime
    due: int = 0
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    missed: list[str] = field(default_factory=list)
    rate_limited: int = 0
    stopped: bool = False
    # Why the Planning tab could not be read: then nothing was planned, sent or skipped.
    planning_unreadable: str | None = None

    def summary(self) -> str:
        moment = self.now.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M %Z")
        if self.planning_unreadable is not None:
            return (
                f"{moment}: het tabblad Planning is niet te lezen ({self.planning_unreadable}); "
                "de herinneringen wachten tot het weer te lezen is."
            )
        text = (
            f"{moment}: {self.due} herinnering(en) aan de beurt; {self.sent} bericht(en) "
            f"verstuurd, {self.retry_later} opnieuw bij de volgende tik, {self.failed} mislukt"
        )
        if self.missed:
            text += f"; {len(self.missed)} gemist en overgeslagen (buiten de inhaaltermijn)"
        if self.stopped:
            text += "; gestopt voordat alles verstuurd was"
        return text + "."


@dataclass(order=True)
class _Retry:
    ready_at: float
    sequence: int
    job: _Job = field(compare=False)
    attempts: int = field(compare=False)


@dataclass(frozen=True)
class _Job:
    reminder: PlannedReminder
    target: Target
    notifier: Notifier
    reply: Reply


@dataclass(frozen=True)
class Audience:
    """Who receives a reminder on each platform, by the phase's doelgroep:

    - iedereen: the announcement channel (the row's kanaal, else G40_ANNOUNCE_CHANNEL) first,
      then every subscriber as a DM in their language;
    - kandidaten: a DM to each person with a current candidacy, unless they switched their
      reminders off;
    - beheerders: the staff conversation only (G40_STAFF_CHANNEL, G40_TEAMS_STAFF_CONVERSATION).

    A platform in `own_channels` announces in that one conversation instead, or nowhere when
    it maps to None: the Planning tab's kanaal names a Slack channel (Teams has its own
    G40_TEAMS_ANNOUNCE_CONVERSATION)."""

    subscriptions: Subscriptions
    platforms: tuple[str, ...]
    announce_channel: str | None = None
    own_channels: Mapping[str, str | None] = field(default_factory=dict)
    candidacies: CandidacyRecords | None = None
    staff_channels: Mapping[str, str] = field(default_factory=dict)

    def channel(self, platform: str, reminder: PlannedReminder) -> str | None:
        if platform in self.own_channels:
            return self.own_channels[platform]
        return reminder.channel.strip() or self.announce_channel

    def targets(self, reminder: PlannedReminder) -> list[Target]:
        found: list[Target] = []
        for platform in self.platforms:
            if reminder.audience == STAFF:
                staff = self.staff_channels.get(platform)
                found += [Target(platform, "channel", staff, "nl")] if staff else []
            elif reminder.audience == CANDIDATES:
                found += self._candidates(platform)
            else:
                channel = self.channel(platform, reminder)
                if channel:
                    found.append(Target(platform, "channel", channel, "nl"))
                found += [
                    Target(platform, "user", s.user_id, s.language)
                    for s in self.subscriptions.subscribers(platform)
                ]
        return found

    def _candidates(self, platform: str) -> list[Target]:
        if self.candidacies is None:
            return []
        people: dict[str, Language] = {}
        for submission in self.candidacies.active():
            if submission.platform == platform:
                people.setdefault(submission.user_id, submission.language)
        targets = []
        for user_id, language in people.items():
            choice = self.subscriptions.get(platform, user_id)
            if choice is None or choice.subscribed:
                spoken = choice.language if choice else language
                targets.append(Target(platform, "user", user_id, spoken, "candidate"))
        return targets


class ReminderClock:
    """Runs ticks: which reminders are due now, and their delivery to every target."""

    def __init__(
        self,
        source: SnapshotProvider,
        ledger: DeliveryLedger,
        subscriptions: Subscriptions,
        notifiers: Sequence[Notifier],
        *,
        announce_channel: str | None = None,
        own_channels: Mapping[str, str | None] | None = None,
        grace: timedelta = DEFAULT_GRACE,
        pause: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        staff: PlanningAlerts | None = None,
        candidacies: CandidacyRecords | None = None,
        staff_channels: Mapping[str, str] | None = None,
    ) -> None:
        self.source = source
        self.staff = staff
        # Why Planning could not be read at the last tick (None: it could), so that the log
        # and staff hear of a change once, not every minute.
        self._planning_trouble: str | None = None
        self._planning_kept = False
        self.ledger = ledger
        self.notifiers = {notifier.platform: notifier for notifier in notifiers}
        self.audience = Audience(
            subscriptions,
            tuple(self.notifiers),
            announce_channel or None,
            dict(own_channels or {}),
            candidacies,
            dict(staff_channels or {}),
        )
        self.grace = grace
        self.pause = pause
        self.monotonic = monotonic
        # Set by a stopping process: finish the message in flight, claim nothing new.
        self.stopping = threading.Event()
        # Identifies this process's claims in the ledger (for operators reading it).
        self.owner = uuid.uuid4().hex[:16]

    # --- the tick -------------------------------------------------------------------------

    def tick(self, now: datetime) -> TickReport:
        """Send what is due at `now` (aware), close what is past its grace window."""
        report = TickReport(now=now)
        snapshot = self._readable_planning(report)
        if snapshot is None:
            return report
        ready, missed = due(plan(snapshot), now, self.grace)
        report.due = len(ready)
        kept_since = self.kept_since(now)
        self._close_missed([r for r in missed if r.due.astimezone(UTC) >= kept_since], report)
        if ready:
            self._deliver(snapshot, ready, report)
        if report.sent or report.failed or report.retry_later or report.missed:
            log.info("reminder tick: %s", report.summary())
        return report

    def _readable_planning(self, report: TickReport) -> Snapshot | None:
        """The snapshot, or None while the Planning tab cannot be read (the sheet was never
        read, or the tab is missing or broken with no earlier version to fall back on). Then
        nothing is planned, so nothing is sent and nothing is closed as missed: a reminder
        goes out once Planning is back, if that is within its grace window. The log and
        staff hear when this begins and when it ends, not at every tick."""
        snapshot = self.source.latest()
        if snapshot is None:
            trouble: str | None = self.source.health().error or "het sheet is nooit gelezen"
        elif Phase.tab in snapshot.unreadable_tabs:
            reasons = dict.fromkeys(p.reason for p in snapshot.errors if p.tab == Phase.tab)
            trouble = "; ".join(reasons)
        else:
            trouble = None
        previous, self._planning_trouble = self._planning_trouble, trouble
        if trouble is None:
            if previous is not None:
                log.warning("reminders: the Planning tab can be read again; due ones go out now")
                if self.staff is not None:
                    self.staff.planning_readable()
            kept = snapshot is not None and Phase.tab in snapshot.kept_tabs
            if kept and not self._planning_kept:
                log.warning("reminders: Planning cannot be read; following its last good version")
            self._planning_kept = kept
            return snapshot
        report.planning_unreadable = trouble
        if trouble != previous:
            log.error(
                "reminders wait: the Planning tab cannot be read (%s); those due go out when it "
                "can, within %s of their time",
                trouble,
                self.grace,
            )
        if previous is None and self.staff is not None:
            self.staff.planning_unreadable(trouble, self.grace / timedelta(hours=1))
        return None

    def kept_since(self, now: datetime) -> datetime:
        """The due time of the oldest reminder whose ledger rows are still kept at `now`."""
        return now.astimezone(UTC) - self.grace - LEDGER_RETENTION

    def prune_ledger(self, now: datetime) -> int:
        """Forget the ledger rows of reminders whose grace window closed more than
        LEDGER_RETENTION before `now`."""
        pruned = self.ledger.prune(self.kept_since(now))
        if pruned:
            log.info("reminder ledger: %d row(s) of past reminders pruned", pruned)
        return pruned

    def _deliver(
        self, snapshot: Snapshot, ready: list[PlannedReminder], report: TickReport
    ) -> None:
        states = self.ledger.states(r.key for r in ready)
        replies: dict[tuple[str, Language], Reply] = {}
        jobs: list[_Job] = []
        for reminder in ready:
            done = states[reminder.key]
            for target in self.audience.targets(reminder):
                if done.get(target.ledger_name, RETRY) != RETRY:
                    continue  # sent, failed for good, or being sent by another process
                # Rendered before any claim, so a rendering fault cannot strand a claim.
                reply = replies.get((reminder.key, target.language))
                if reply is None:
                    reply = reminder_reply(reminder, snapshot, target.language)
                    replies[(reminder.key, target.language)] = reply
                jobs.append(_Job(reminder, target, self.notifiers[target.platform], reply))
        self._fan_out(jobs, report)

    def _fan_out(self, jobs: list[_Job], report: TickReport) -> None:
        """Sends every job once. A rate-limited target waits its Retry-After in a queue while
        the others go on; it is retried within this tick when the wait is short."""
        queue = iter(jobs)
        waiting: list[_Retry] = []
        sequence = 0
        pending = next(queue, None)
        while pending is not None or waiting:
            if self.stopping.is_set():
                report.stopped = True
                report.retry_later += len(waiting)
                return
            if waiting and waiting[0].ready_at <= self.monotonic():
                retry = heapq.heappop(waiting)
                job, attempts = retry.job, retry.attempts
            elif pending is not None:
                job, attempts = pending, 0
                pending = next(queue, None)
            else:
                self.pause(max(0.0, waiting[0].ready_at - self.monotonic()))
                continue
            wait = self._send_once(job, report)
            if wait is None:
                continue
            if wait <= MAX_RETRY_AFTER_SECONDS and attempts + 1 < MAX_ATTEMPTS_PER_TICK:
                sequence += 1
                ready_at = self.monotonic() + wait
                heapq.heappush(waiting, _Retry(ready_at, sequence, job, attempts + 1))
            else:
                report.retry_later += 1
                log.warning(
                    "reminder %s to %s: still rate limited (retry after %.0f s); "
                    "the next tick tries again",
                    job.reminder.key,
                    job.target.ledger_name,
                    wait,
                )

    def _send_once(self, job: _Job, report: TickReport) -> float | None:
        """Claim, send, record. Returns the Retry-After to wait when rate limited, else None."""
        key, target = job.reminder.key, job.target.ledger_name
        if not self.ledger.claim(key, target, owner=self.owner, due_at=job.reminder.due):
            return None  # another process has it, or sent it already
        try:
            if job.target.kind == "channel":
                job.notifier.post_to_channel(job.target.address, job.reply)
            else:
                job.notifier.send_direct(job.target.address, job.reply, reason=job.target.reason)
        except DeliveryFailed as failure:
            if failure.permanent:
                self.ledger.finish(
                    key, target, owner=self.owner, state=FAILED, detail=failure.reason
                )
                report.failed += 1
                log.error("reminder %s to %s failed for good: %s", key, target, failure.reason)
                return None
            # Released before waiting: were this process to stop now, nothing is stranded.
            self.ledger.finish(key, target, owner=self.owner, state=RETRY, detail=failure.reason)
            if failure.retry_after is not None:
                report.rate_limited += 1
                return failure.retry_after
            report.retry_later += 1
            log.warning(
                "reminder %s to %s not delivered (%s); the next tick tries again",
                key,
                target,
                failure.reason,
            )
            return None
        self.ledger.finish(key, target, owner=self.owner, state=SENT)
        report.sent += 1
        return None

    def _close_missed(self, missed: list[PlannedReminder], report: TickReport) -> None:
        """Reminders past their grace window are never sent; each is closed and logged once."""
        if not missed:
            return
        states = self.ledger.states(r.key for r in missed)
        for reminder in missed:
            done = states[reminder.key]
            if CLOSING_TARGET in done:
                continue
            names = [target.ledger_name for target in self.audience.targets(reminder)]
            sent = sum(done.get(name) == SENT for name in names)
            uncertain = sum(done.get(name) == CLAIMED for name in names)
            unreached = len(names) - sent - uncertain
            detail = f"sent {sent}, not sent {unreached}, uncertain {uncertain}"
            state = CLOSED if unreached == 0 and uncertain == 0 else SKIPPED
            if not self.ledger.close_reminder(
                reminder.key, state=state, detail=detail, due_at=reminder.due
            ):
                continue  # another process closed it first and logged it
            if uncertain:
                log.warning(
                    "reminder %s: %d delivery(ies) uncertain (a process stopped while "
                    "sending; not sent again)",
                    reminder.key,
                    uncertain,
                )
            if unreached:
                report.missed.append(reminder.key)
                log.warning(
                    "reminder %s (due %s) skipped for %d of %d target(s): more than %s late",
                    reminder.key,
                    reminder.due.isoformat(),
                    unreached,
                    len(names),
                    self.grace,
                )


# --- looking ahead ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedLine:
    """One planned reminder for `g40bot reminders`: when, what, to whom, and how far along."""

    reminder: PlannedReminder
    phase_name: str
    targets: tuple[str, ...]
    status: str


def planned_lines(
    snapshot: Snapshot,
    audience: Audience,
    ledger: DeliveryLedger,
    start: date | None = None,
    end: date | None = None,
) -> list[PlannedLine]:
    """The plan between two days (inclusive, Europe/Amsterdam), with its targets and what the
    ledger says about each reminder (a dry run: nothing is claimed or sent)."""
    chosen = [
        reminder
        for reminder in plan(snapshot)
        if (start is None or reminder.due.date() >= start)
        and (end is None or reminder.due.date() <= end)
    ]
    states = ledger.states(r.key for r in chosen)
    lines = []
    for reminder in chosen:
        targets = audience.targets(reminder)
        channels = [t.ledger_name for t in targets if t.kind == "channel"]
        users = [t.ledger_name for t in targets if t.kind == "user"]
        shown = [*channels] + ([f"{len(users)} abonnee(s) (DM)"] if users else [])
        done = states[reminder.key]
        lines.append(
            PlannedLine(
                reminder=reminder,
                phase_name=snapshot.phases[reminder.phase_id].name,
                targets=tuple(shown) or ("geen: zet G40_ANNOUNCE_CHANNEL of een kanaal",),
                status=_status([t.ledger_name for t in targets], done),
            )
        )
    return lines


def _status(names: list[str], done: dict[str, str]) -> str:
    closing = done.get(CLOSING_TARGET)
    sent = sum(done.get(name) == SENT for name in names)
    if closing == SKIPPED and sent == 0:
        return "gemist (overgeslagen)"
    if not done:
        return "gepland"
    if names and sent == len(names):
        return "verstuurd"
    counts = {
        label: sum(done.get(name) == state for name in names)
        for label, state in (
            ("verstuurd", SENT),
            ("bezig/onzeker", CLAIMED),
            ("opnieuw", RETRY),
            ("mislukt", FAILED),
        )
    }
    parts = [f"{count} {label}" for label, count in counts.items() if count]
    if closing is not None:
        parts.append("afgesloten")
    return f"deels: {', '.join(parts)} van {len(names)}"


def describe_line(line: PlannedLine) -> str:
    """'donderdag 3 september 2026 09:00 — G40 netwerkdagen (7d vóór start) → slack:…'"""
    reminder = line.reminder
    return (
        f"{format_day(reminder.due, 'nl')} — {line.phase_name} ({offset_label(reminder.offset)} "
        f"vóór {day_of(reminder.anchor).isoformat()}) → {', '.join(line.targets)} "
        f"[{line.status}]"
    )


def agenda_reply(snapshot: Snapshot, now: datetime, language: Language) -> Reply:
    """The coming phases (not over yet, or not dated yet) with each one's next reminder."""
    today = now.astimezone(AMSTERDAM).date()
    next_reminder: dict[str, datetime] = {}
    for reminder in plan(snapshot):
        if reminder.due.astimezone(UTC) > now.astimezone(UTC):
            next_reminder.setdefault(reminder.phase_id, reminder.due)
    lines = []
    for phase in upcoming_phases(snapshot.phases.values(), today):
        line = phase_line(phase, language, today)
        if phase.id in next_reminder:
            when = format_day(next_reminder[phase.id], language)
            line += " " + say(language, "agenda_next_reminder", when=when)
        lines.append(line)
    return Reply(
        title=say(language, "agenda_title"),
        lines=tuple(lines or [say(language, "no_phases")]),
        language=language,
    )
