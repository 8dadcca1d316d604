"""One runtime per process: it builds every long-lived part from the settings and owns them.

The sheet source (and its refresh thread), the store, the sheet writer, the handlers, the
candidacy outbox drainer, the pool for work after an answer, and the staff notices are made
here, once, the same way for the console, the Slack and Teams servers and the clock. A
platform adds only what is its own (a Slack client, a Teams adapter, its staff conversation)
and hands the runtime anything it starts; `close()` stops it all, last started first, so no
thread outlives the process part that started it — tests use the same runtime.

Nothing here imports a chat SDK: platforms build on the runtime, not the other way round.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Self, TypeVar

from bot.background import Background
from bot.dates import AMSTERDAM
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler, OutboxDrainer
from bot.handlers.chat import Chat
from bot.handlers.reminders import Notifier
from bot.handlers.staff import StaffAlerts, StaffChannel
from bot.handlers.unanswered import Group, UnansweredQuestions, publish, weekly_line
from bot.settings import Settings
from bot.sheets import RetryPolicy, SheetWriter, SnapshotSource
from bot.store import Store

log = logging.getLogger(__name__)
_T = TypeVar("_T")


class Runtime:
    """`serving`: a long-running process (a server, the clock, the console chat): the sheet
    is kept fresh on the source's own thread, and pending candidacy writes are drained every
    G40_OUTBOX_SECONDS. `answer_while_reading` (the servers): a saved change is read while
    questions go on being answered from the current snapshot; the console reads it before
    its next answer."""

    def __init__(
        self,
        settings: Settings,
        *,
        serving: bool = False,
        answer_while_reading: bool = False,
        read_now: bool = True,
        announce: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.serving = serving
        self._stack = ExitStack()
        with ExitStack() as opening:  # until the runtime owns them, a failure closes them
            self.store = Store(settings.database_url)
            opening.callback(self.store.close)
            self.staff = StaffAlerts(self.store.events, [])
            from bot.app import open_source

            self.source: SnapshotSource = open_source(
                settings,
                on_new_problems=self.staff.sheet_problems,
                on_health=self.staff.sheet_health,
                announce=announce,
                read_now=read_now,
                keep_fresh=serving,
                answer_while_reading=answer_while_reading,
            )
            opening.callback(self.source.close)
            self._stack = opening.pop_all()
        self.ask = AskHandler(self.source)

    # -- parts made when first needed ------------------------------------------------------

    @cached_property
    def writer(self) -> SheetWriter:
        from bot.app import open_writer

        # The outbox retries with its own backoff; one attempt per drain (see open_writer).
        return open_writer(self.source, retry=RetryPolicy(attempts=1))

    @cached_property
    def candidacy(self) -> CandidacyHandler:
        return CandidacyHandler(self.ask, self.store.candidacies, self.writer)

    @cached_property
    def chat(self) -> Chat:
        """The conversation every platform renders (bot/handlers/chat.py)."""
        return Chat(
            self.ask,
            self.candidacy,
            self.store.subscriptions,
            self.source,
            self.staff,
            unanswered=self.unanswered,
        )

    @cached_property
    def unanswered(self) -> UnansweredQuestions:
        """What members asked that the bot could not answer, for staff (the Onbeantwoord loop)."""
        return UnansweredQuestions(self.store.unanswered, self.ask.readings)

    def publish_unanswered(self, groups: list[Group] | None = None) -> None:
        """Rewrite the Onbeantwoord tab with `groups` (all the unanswered questions when not
        given), keeping what staff decided on its rows: the clock's daily job and `g40bot
        unanswered --write`."""
        publish(self.writer, self.unanswered.groups() if groups is None else groups)

    def weekly_unanswered(self, now: datetime | None = None) -> None:
        """The staff conversation's weekly line about last week's unanswered questions (the
        clock's Monday job), once per week whatever number of clocks runs."""
        moment = now or datetime.now(UTC)
        line = weekly_line(self.unanswered.groups(moment - timedelta(days=7)))
        year, week, _ = moment.astimezone(AMSTERDAM).isocalendar()
        if line and self.store.events.claim("staff-weekly", f"{year}-W{week:02d}"):
            self.staff.notice(line)

    @cached_property
    def background(self) -> Background:
        return self.own(Background(), Background.shutdown)

    def start_drainer(self) -> None:
        """Drain pending candidacy writes every G40_OUTBOX_SECONDS until `close()`."""
        drainer = OutboxDrainer(self.store.candidacies, self.writer, self.settings.outbox_seconds)
        self.own(drainer.start(), OutboxDrainer.stop)

    # -- what platforms add ------------------------------------------------------------------

    def add_staff_channel(self, notifier: Notifier, address: str | None) -> None:
        """Staff hear about the sheet (cell errors, a source that fails and recovers, an
        unreadable Planning tab) in this conversation too; told at once of what is wrong now."""
        address = (address or "").strip()
        if not address:
            return
        self.staff.channels.append(StaffChannel(notifier, address))
        self.staff.sheet_health(self.source.health())
        snapshot = self.source.latest()
        if snapshot is not None:
            self.staff.sheet_problems(snapshot)

    def own(self, thing: _T, close: Callable[[_T], object]) -> _T:
        """Stop `thing` with `close(thing)` when the runtime closes (last owned, first closed)."""
        self._stack.callback(close, thing)
        return thing

    # -- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stops every thread and task the runtime or a platform handed it, then the sheet
        source and the store."""
        self._stack.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
