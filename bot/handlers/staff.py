"""Telling staff about the sheet itself: that it cannot be read, and when it can again; and,
from the clock, that reminders wait for an unreadable Planning tab.

Platform-free: a platform takes part with its reminders `Notifier` and the address of its
staff conversation (G40_STAFF_CHANNEL on Slack, G40_TEAMS_STAFF_CONVERSATION on Teams). Every
process that reads the sheet watches it, so each notice is claimed in the store first: the
first process to see a failure says so, and the first to see it pass says that, each once —
not on every failed refresh.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.dates import AMSTERDAM
from bot.handlers.reminders import DeliveryFailed, Notifier
from bot.i18n import format_day, say
from bot.models import Snapshot, SourceHealth
from bot.reply import Language, Reply
from bot.store.events import EventClaims

log = logging.getLogger(__name__)

# The store's event claims hold which notices are out: one row while the trouble lasts.
NOTICES = "staff-notice"
SHEET_FAILING = "sheet-failing"
# A set of cell errors is announced once (keyed by its digest), whichever process reads it.
PROBLEMS = "staff-problems"
MAX_PROBLEMS_POSTED = 20
PLANNING_UNREADABLE = "planning-unreadable"


@dataclass(frozen=True)
class StaffChannel:
    notifier: Notifier
    address: str


def when(moment: datetime | None, language: Language) -> str:
    """A moment as staff read it, in Dutch time: 'donderdag 3 september 2026 14:05'."""
    if moment is None:
        return say(language, "staff_never")
    return format_day(moment.astimezone(AMSTERDAM), language)


class StaffAlerts:
    """Posts the sheet's troubles to the staff conversations, once across processes."""

    def __init__(
        self, events: EventClaims, channels: Sequence[StaffChannel], language: Language = "nl"
    ) -> None:
        self.events = events
        self.channels = list(channels)
        self.language = language

    def sheet_health(self, health: SourceHealth) -> None:
        """A SnapshotSource's health listener: called when reading starts or stops failing."""
        lang = self.language
        if health.error is None:
            lines = [say(lang, "staff_sheet_recovered")]
            self._ended(SHEET_FAILING, say(lang, "staff_sheet_title"), lines)
            return
        lines = [
            say(lang, "staff_sheet_failing", error=health.error),
            say(lang, "staff_serving_since", since=when(health.failing_since, lang))
            if health.serving
            else say(lang, "staff_nothing_to_serve"),
            say(lang, "staff_last_good", read_at=when(health.read_at, lang))
            if health.serving
            else "",
        ]
        self._began(SHEET_FAILING, say(lang, "staff_sheet_title"), [line for line in lines if line])

    def sheet_problems(self, snapshot: Snapshot) -> None:
        """A SnapshotSource's problems listener: a new set of errors in the sheet, each with
        tab, row, column, value and fix, once across processes and restarts."""
        lines = sorted(problem.describe() for problem in snapshot.errors)
        if not lines or not self.channels:
            return
        digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
        if not self.events.claim(PROBLEMS, digest):
            return
        lang = self.language
        shown = [say(lang, "staff_problems", count=len(lines)), *lines[:MAX_PROBLEMS_POSTED]]
        if len(lines) > MAX_PROBLEMS_POSTED:
            shown.append(say(lang, "staff_problems_more", count=len(lines) - MAX_PROBLEMS_POSTED))
        if not self._post(say(lang, "staff_problems_title"), shown):
            self.events.forget(PROBLEMS, digest)

    def notice(self, text: str) -> None:
        """A notice for staff from one process (a new or withdrawn candidacy): posted to every
        staff conversation this process knows, or logged when there is none."""
        if not self.channels:
            # Not the text: it holds a candidate's name and e-mail address.
            log.info("no staff conversation set (G40_STAFF_CHANNEL, G40_TEAMS_STAFF_CONVERSATION)")
            return
        self._post("", [text])

    def planning_unreadable(self, reason: str, grace_hours: float) -> None:
        lang = self.language
        lines = [say(lang, "staff_planning_unreadable", reason=reason, hours=f"{grace_hours:g}")]
        self._began(PLANNING_UNREADABLE, say(lang, "staff_planning_title"), lines)

    def planning_readable(self) -> None:
        lang = self.language
        lines = [say(lang, "staff_planning_back")]
        self._ended(PLANNING_UNREADABLE, say(lang, "staff_planning_title"), lines)

    def _began(self, trouble: str, title: str, lines: list[str]) -> None:
        if not self.channels:
            log.info("no staff conversation set; staff notice not posted: %s", " ".join(lines))
            return
        if not self.events.claim(NOTICES, trouble):
            return  # another process (or this one, earlier) has told staff already
        if not self._post(title, lines):
            self.events.forget(NOTICES, trouble)

    def _ended(self, trouble: str, title: str, lines: list[str]) -> None:
        if self.channels and self.events.forget(NOTICES, trouble):
            self._post(title, lines)

    def _post(self, title: str, lines: list[str]) -> bool:
        reply = Reply(title=title, lines=tuple(lines), language=self.language)
        delivered = False
        for channel in self.channels:
            try:
                channel.notifier.post_to_channel(channel.address, reply)
                delivered = True
            except DeliveryFailed as failure:
                log.error(
                    "the staff notice to %s:%s was not posted (%s): %s",
                    channel.notifier.platform,
                    channel.address,
                    failure.reason,
                    " ".join(lines),
                )
        return delivered
