"""Durable state that must survive restarts and be shared by every process: SQLite by default,
PostgreSQL via DATABASE_URL.

One small repository per concern, each behind a Protocol: handlers and platform features take
the repository they use; only the code that wires a process together holds the `Store`.

- `events` (events.py, `EventClaims`): a platform's retried delivery is handled once;
- `subscriptions` (subscriptions.py, `Subscriptions`): who wants reminders by DM;
- `deliveries` (deliveries.py, `DeliveryLedger`): the clock's ledger, each reminder once per
  target;
- `teams` (teams.py, `TeamsConversations`): where proactive Teams messages can go;
- `candidacies` (candidacies.py, `CandidacyRecords`): candidacies, their sheet outbox, the
  audit log;
- `unanswered` (unanswered.py, `UnansweredLog`): questions the bot could not answer and the
  readings people picked, for staff to teach it.

schema.py holds the tables, database.py the engine; migrate.py brings a database to the
schema (Alembic, bot/store/migrations/) whenever a `Store` opens it.
"""

from __future__ import annotations

from bot.store.candidacies import SqlCandidacyRecords
from bot.store.database import StoreError, open_engine, ping
from bot.store.deliveries import SqlDeliveryLedger
from bot.store.events import SqlEventClaims
from bot.store.migrate import upgrade_to_head
from bot.store.subscriptions import SqlSubscriptions
from bot.store.teams import SqlTeamsConversations
from bot.store.unanswered import SqlUnansweredLog

__all__ = ["Store", "StoreError"]


class Store:
    """The database of one process: its repositories on one engine. Thread-safe; several
    processes may share one database. Opening it brings the schema up to date first."""

    def __init__(self, database_url: str) -> None:
        self.engine = open_engine(database_url)
        try:
            upgrade_to_head(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        self.events = SqlEventClaims(self.engine)
        self.subscriptions = SqlSubscriptions(self.engine)
        self.deliveries = SqlDeliveryLedger(self.engine)
        self.teams = SqlTeamsConversations(self.engine)
        self.candidacies = SqlCandidacyRecords(self.engine)
        self.unanswered = SqlUnansweredLog(self.engine)

    def ping(self) -> None:
        """Returns when the database answers; StoreError saying where and why otherwise."""
        ping(self.engine)

    def close(self) -> None:
        self.engine.dispose()
