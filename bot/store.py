"""Durable state that must survive restarts and be shared by every process: SQLite by default,
Postgres via DATABASE_URL.

One `MetaData` holds every table; each concern adds its table(s) and a few typed methods on
`Store` under its own heading below, so a feature's state is easy to find and `create_all`
picks it up at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    delete,
    event,
    select,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from bot.reply import Language

metadata = MetaData()

# --- processed events (idempotency of platform retries) ------------------------------------

processed_events = Table(
    "processed_events",
    metadata,
    Column("platform", String(32), nullable=False),
    Column("event_id", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("platform", "event_id", name="pk_processed_events"),
)

# --- reminder subscriptions (App Home toggle; delivery is the reminders feature's) ----------

reminder_subscriptions = Table(
    "reminder_subscriptions",
    metadata,
    Column("platform", String(32), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("language", String(2), nullable=False),
    Column("subscribed", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("platform", "user_id", name="pk_reminder_subscriptions"),
)


@dataclass(frozen=True)
class Subscription:
    platform: str
    user_id: str
    language: Language
    subscribed: bool


def engine_url(database_url: str) -> str:
    """Heroku-style `postgres://` and plain `postgresql://` URLs use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if database_url.startswith(prefix):
            return "postgresql+psycopg://" + database_url[len(prefix) :]
    return database_url


def _tune_sqlite(connection: Any, _record: object) -> None:
    # WAL lets readers and one writer work at once; busy_timeout makes a second process wait
    # for the lock instead of failing with "database is locked".
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The durable store. Thread-safe; several processes may share one database."""

    def __init__(self, database_url: str) -> None:
        url = make_url(engine_url(database_url))
        connect_args: dict[str, Any] = {}
        if url.get_backend_name() == "sqlite":
            connect_args["check_same_thread"] = False
            if url.database and url.database != ":memory:":
                Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
        if url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _tune_sqlite)
        metadata.create_all(self.engine)

    def _insert(self, table: Table) -> Any:
        """An INSERT with ON CONFLICT support, in this database's dialect."""
        if self.engine.dialect.name == "postgresql":
            return postgresql_insert(table)
        return sqlite_insert(table)

    def close(self) -> None:
        self.engine.dispose()

    # --- processed events -----------------------------------------------------------------

    def claim_event(self, platform: str, event_id: str) -> bool:
        """True for the first caller with this id, in any process; False for every repeat."""
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    processed_events.insert().values(
                        platform=platform, event_id=event_id, received_at=_now()
                    )
                )
        except IntegrityError:
            return False
        return True

    def forget_event(self, platform: str, event_id: str) -> None:
        """Undo a claim whose work failed, so a later delivery may try again."""
        with self.engine.begin() as connection:
            connection.execute(
                delete(processed_events).where(
                    processed_events.c.platform == platform,
                    processed_events.c.event_id == event_id,
                )
            )

    def forget_events_before(self, age: timedelta) -> int:
        """Drop claims older than `age` (platforms stop retrying within hours)."""
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(processed_events).where(processed_events.c.received_at < _now() - age)
            )
        return result.rowcount

    # --- reminder subscriptions -----------------------------------------------------------

    def subscription(self, platform: str, user_id: str) -> Subscription | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(reminder_subscriptions).where(
                    reminder_subscriptions.c.platform == platform,
                    reminder_subscriptions.c.user_id == user_id,
                )
            ).first()
        if row is None:
            return None
        language: Language = "en" if row.language == "en" else "nl"
        return Subscription(row.platform, row.user_id, language, bool(row.subscribed))

    def set_subscription(
        self, platform: str, user_id: str, *, language: Language, subscribed: bool
    ) -> Subscription:
        values = {"language": language, "subscribed": subscribed, "updated_at": _now()}
        upsert = self._insert(reminder_subscriptions).values(
            platform=platform, user_id=user_id, **values
        )
        with self.engine.begin() as connection:
            connection.execute(
                upsert.on_conflict_do_update(index_elements=["platform", "user_id"], set_=values)
            )
        return Subscription(platform, user_id, language, subscribed)

    def subscribers(self, platform: str) -> list[Subscription]:
        table = reminder_subscriptions
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(table).where(table.c.platform == platform, table.c.subscribed.is_(True))
            ).all()
        return [
            Subscription(row.platform, row.user_id, "en" if row.language == "en" else "nl", True)
            for row in rows
        ]
