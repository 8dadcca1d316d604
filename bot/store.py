"""Durable state that must survive restarts and be shared by every process: SQLite by default,
Postgres via DATABASE_URL.

One `MetaData` holds every table; each concern adds its table(s) and a few typed methods on
`Store` under its own heading below, so a feature's state is easy to find and `create_all`
picks it up at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bot.candidacy import REPLACED, SUBMITTED, WITHDRAWN, Candidate, Submission
from bot.candidacy import Status as CandidacyStatus
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

# --- reminder deliveries (the clock's ledger: each reminder once per target) ----------------

reminder_deliveries = Table(
    "reminder_deliveries",
    metadata,
    # PlannedReminder.key (phase|offset|date): a moved date is a new key.
    Column("reminder_key", String(400), nullable=False),
    # "slack:channel:C0123", "slack:user:U0123"; "*" is the reminder's closing record.
    Column("target", String(250), nullable=False),
    Column("state", String(16), nullable=False),
    Column("owner", String(64), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("detail", String(500), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("reminder_key", "target", name="pk_reminder_deliveries"),
)
CLAIMED, SENT, RETRY, FAILED = "claimed", "sent", "retry", "failed"
CLOSED, SKIPPED = "closed", "skipped"
CLOSING_TARGET = "*"


@dataclass(frozen=True)
class Subscription:
    platform: str
    user_id: str
    language: Language
    subscribed: bool


# --- Teams conversation references (proactive messages need them) -------------------------

teams_conversations = Table(
    "teams_conversations",
    metadata,
    # A personal chat "a:1…", a channel "19:…@thread.tacv2" (without ";messageid=…"), a group chat.
    Column("conversation_id", String(512), nullable=False),
    Column("conversation_type", String(32), nullable=False),
    Column("service_url", String(500), nullable=False),
    Column("tenant_id", String(100), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("user_aad_object_id", String(100), nullable=False),
    Column("team_id", String(200), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("bot_id", String(200), nullable=False),
    Column("locale", String(20), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("conversation_id", name="pk_teams_conversations"),
)

# Sends the connector refused because the app was removed (403/404): the reference is dropped.
teams_dropped_conversations = Table(
    "teams_dropped_conversations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(512), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("status", Integer, nullable=False),
    Column("dropped_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class TeamsConversation:
    """Where a proactive Teams message can go; empty strings where Teams sent no value."""

    conversation_id: str
    conversation_type: str
    service_url: str
    tenant_id: str
    user_id: str = ""
    user_aad_object_id: str = ""
    team_id: str = ""
    channel_id: str = ""
    bot_id: str = ""
    locale: str = ""


_TEAMS_CONVERSATION_FIELDS = tuple(field.name for field in fields(TeamsConversation))


def _teams_conversation(row: Any) -> TeamsConversation:
    return TeamsConversation(**{name: getattr(row, name) for name in _TEAMS_CONVERSATION_FIELDS})


@dataclass(frozen=True)
class DroppedTeamsConversation:
    conversation_id: str
    user_id: str
    status: int
    dropped_at: datetime


# --- candidacies (bot/handlers/candidacy.py): records, the sheet outbox, the audit log --------

candidacies = Table(
    "candidacies",
    metadata,
    Column("submission_id", String(40), primary_key=True),
    Column("platform", String(32), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("role", String(100), nullable=False),
    Column("name", String(100), nullable=False),
    Column("email", String(254), nullable=False),
    Column("municipality", String(100), nullable=False),
    Column("office", String(20), nullable=False),
    Column("motivation", Text, nullable=False),
    Column("language", String(2), nullable=False),
    Column("status", String(16), nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# One active candidacy per person per function, whatever races between processes.
Index(
    "uq_candidacies_active",
    candidacies.c.platform,
    candidacies.c.user_id,
    candidacies.c.role,
    unique=True,
    sqlite_where=candidacies.c.status == "ingediend",
    postgresql_where=candidacies.c.status == "ingediend",
)

# Sheet writes not yet done: stored in the same transaction as the change they carry, so a
# candidacy is never lost between the store and the sheet; drained by handlers.candidacy.
candidacy_outbox = Table(
    "candidacy_outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("submission_id", String(40), nullable=False, index=True),
    Column("operation", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", String(500), nullable=False, default=""),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("claimed_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("done_at", DateTime(timezone=True), nullable=True),
)
APPEND_ROW, UPDATE_STATUS = "append", "status"

candidacy_audit = Table(
    "candidacy_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("platform", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("submission_id", String(40), nullable=False, index=True),
    Column("action", String(40), nullable=False),
    Column("detail", String(500), nullable=False),
)
# The actor of what the bot does by itself (sheet writes).
BOT_ACTOR = "g40bot"


class ActiveCandidacyExists(Exception):
    """The person already has an active candidacy for this function (replace it explicitly)."""


@dataclass(frozen=True)
class SheetWrite:
    """One pending write of the candidacy outbox."""

    id: int
    submission_id: str
    operation: str
    status: str
    attempts: int
    last_error: str
    next_attempt_at: datetime


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    platform: str
    actor: str
    submission_id: str
    action: str
    detail: str


def _utc(moment: datetime) -> datetime:
    """SQLite keeps a datetime's wall-clock time and drops its zone: store UTC only."""
    return moment.astimezone(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _submission(row: Any) -> Submission:
    language: Language = "en" if row.language == "en" else "nl"
    status: CandidacyStatus = row.status
    return Submission(
        submission_id=row.submission_id,
        platform=row.platform,
        user_id=row.user_id,
        candidate=Candidate(
            role=row.role,
            name=row.name,
            email=row.email,
            municipality=row.municipality,
            office=row.office,
            motivation=row.motivation,
        ),
        language=language,
        status=status,
        submitted_at=_aware(row.submitted_at),
        updated_at=_aware(row.updated_at),
    )


class CandidacyRecords:
    """The candidacy part of `Store`: every change is one transaction holding the record, its
    pending sheet write and its audit entry."""

    engine: Engine

    def add_candidacy(self, submission: Submission, *, replaces: str | None = None) -> bool:
        """Store a new candidacy (and mark `replaces` as vervangen). False when this submission
        id is stored already (a repeated delivery, also one racing in from another process);
        ActiveCandidacyExists when the person has another active candidacy for the function
        that `replaces` does not name."""
        candidate = submission.candidate
        now = _now()
        try:
            # Writes only, no read first: a SQLite transaction that read before writing cannot
            # wait for another process's write, it fails ("database is locked").
            with self.engine.begin() as connection:
                if replaces:
                    self._change_status(
                        connection,
                        replaces,
                        REPLACED,
                        actor=submission.user_id,
                        platform=submission.platform,
                        detail=f"vervangen door {submission.submission_id}",
                        now=now,
                    )
                connection.execute(
                    candidacies.insert().values(
                        submission_id=submission.submission_id,
                        platform=submission.platform,
                        user_id=submission.user_id,
                        role=candidate.role,
                        name=candidate.name,
                        email=candidate.email,
                        municipality=candidate.municipality,
                        office=candidate.office,
                        motivation=candidate.motivation,
                        language=submission.language,
                        status=submission.status,
                        submitted_at=_utc(submission.submitted_at),
                        updated_at=_utc(submission.updated_at),
                    )
                )
                self._queue(
                    connection, submission.submission_id, APPEND_ROW, submission.status, now
                )
                self._audit(
                    connection,
                    submission.submission_id,
                    actor=submission.user_id,
                    platform=submission.platform,
                    action=SUBMITTED,
                    detail=f"functie {candidate.role}"
                    + (f", vervangt {replaces}" if replaces else ""),
                    now=now,
                )
        except IntegrityError as error:
            # Which constraint failed, told without parsing driver messages: the primary key
            # when this submission id is stored now, else uq_candidacies_active.
            if self.candidacy(submission.submission_id) is not None:
                return False
            raise ActiveCandidacyExists(submission.submission_id) from error
        return True

    def withdraw_candidacy(self, submission_id: str, *, actor: str, platform: str) -> bool:
        """Mark an active candidacy ingetrokken; False when it is not active (any more)."""
        with self.engine.begin() as connection:
            return self._change_status(
                connection,
                submission_id,
                WITHDRAWN,
                actor=actor,
                platform=platform,
                detail="ingetrokken door de kandidaat",
                now=_now(),
            )

    def candidacy(self, submission_id: str) -> Submission | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(candidacies).where(candidacies.c.submission_id == submission_id)
            ).first()
        return _submission(row) if row is not None else None

    def candidacies_of(self, platform: str, user_id: str) -> list[Submission]:
        """The person's candidacies, newest first."""
        query = (
            select(candidacies)
            .where(candidacies.c.platform == platform, candidacies.c.user_id == user_id)
            .order_by(candidacies.c.submitted_at.desc())
        )
        with self.engine.connect() as connection:
            return [_submission(row) for row in connection.execute(query)]

    def active_candidacies(self, role: str | None = None) -> list[Submission]:
        query = select(candidacies).where(candidacies.c.status == SUBMITTED)
        if role is not None:
            query = query.where(candidacies.c.role == role)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(candidacies.c.submitted_at)).all()
        return [_submission(row) for row in rows]

    # -- the sheet outbox --------------------------------------------------------------------

    def pending_sheet_writes(self, submission_id: str | None = None) -> list[SheetWrite]:
        """Writes not yet done, oldest first (the order they must reach the sheet in)."""
        query = select(candidacy_outbox).where(candidacy_outbox.c.done_at.is_(None))
        if submission_id is not None:
            query = query.where(candidacy_outbox.c.submission_id == submission_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(candidacy_outbox.c.id)).all()
        return [
            SheetWrite(
                id=row.id,
                submission_id=row.submission_id,
                operation=row.operation,
                status=row.status,
                attempts=row.attempts,
                last_error=row.last_error,
                next_attempt_at=_aware(row.next_attempt_at),
            )
            for row in rows
        ]

    def claim_sheet_write(self, write_id: int, lease: timedelta) -> bool:
        """True for the one drainer (in any process) that may perform this write now."""
        now = _now()
        table = candidacy_outbox
        with self.engine.begin() as connection:
            result = connection.execute(
                update(table)
                .where(
                    table.c.id == write_id,
                    table.c.done_at.is_(None),
                    or_(table.c.claimed_until.is_(None), table.c.claimed_until < now),
                )
                .values(claimed_until=now + lease, attempts=table.c.attempts + 1)
            )
        return result.rowcount == 1

    def sheet_write_done(self, write: SheetWrite, detail: str) -> None:
        now = _now()
        with self.engine.begin() as connection:
            connection.execute(
                update(candidacy_outbox)
                .where(candidacy_outbox.c.id == write.id)
                .values(done_at=now, claimed_until=None, last_error="")
            )
            self._audit(
                connection,
                write.submission_id,
                actor=BOT_ACTOR,
                platform="sheet",
                action=f"sheet {write.operation}",
                detail=detail,
                now=now,
            )

    def sheet_write_failed(self, write: SheetWrite, error: str, retry_at: datetime) -> None:
        now = _now()
        with self.engine.begin() as connection:
            connection.execute(
                update(candidacy_outbox)
                .where(candidacy_outbox.c.id == write.id)
                .values(last_error=error[:500], next_attempt_at=_utc(retry_at), claimed_until=None)
            )
            self._audit(
                connection,
                write.submission_id,
                actor=BOT_ACTOR,
                platform="sheet",
                action=f"sheet {write.operation} mislukt",
                detail=error,
                now=now,
            )

    def audit_trail(self, submission_id: str | None = None) -> list[AuditEntry]:
        query = select(candidacy_audit).order_by(candidacy_audit.c.id)
        if submission_id is not None:
            query = query.where(candidacy_audit.c.submission_id == submission_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            AuditEntry(
                _aware(row.at), row.platform, row.actor, row.submission_id, row.action, row.detail
            )
            for row in rows
        ]

    # -- within a transaction ----------------------------------------------------------------

    def _change_status(
        self,
        connection: Connection,
        submission_id: str,
        status: CandidacyStatus,
        *,
        actor: str,
        platform: str,
        detail: str,
        now: datetime,
    ) -> bool:
        changed = connection.execute(
            update(candidacies)
            .where(
                candidacies.c.submission_id == submission_id,
                candidacies.c.status == SUBMITTED,
            )
            .values(status=status, updated_at=now)
        )
        if changed.rowcount != 1:
            return False
        self._queue(connection, submission_id, UPDATE_STATUS, status, now)
        self._audit(
            connection,
            submission_id,
            actor=actor,
            platform=platform,
            action=status,
            detail=detail,
            now=now,
        )
        return True

    @staticmethod
    def _queue(
        connection: Connection, submission_id: str, operation: str, status: str, now: datetime
    ) -> None:
        connection.execute(
            candidacy_outbox.insert().values(
                submission_id=submission_id,
                operation=operation,
                status=status,
                attempts=0,
                last_error="",
                next_attempt_at=now,
                created_at=now,
            )
        )

    @staticmethod
    def _audit(
        connection: Connection,
        submission_id: str,
        *,
        actor: str,
        platform: str,
        action: str,
        detail: str,
        now: datetime,
    ) -> None:
        connection.execute(
            candidacy_audit.insert().values(
                at=now,
                platform=platform,
                actor=actor,
                submission_id=submission_id,
                action=action,
                detail=detail[:500],
            )
        )


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


class StoreUnavailable(Exception):
    """The database cannot be reached or opened; the message is one line for operators."""


def _where(url: URL) -> str:
    """The database as an operator recognises it, without the password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite-bestand {url.database}"
    return (
        f"{url.get_backend_name()} op {url.host or 'localhost'}:{url.port or 5432}/{url.database}"
    )


def _cause(error: BaseException) -> str:
    """The driver's first line, e.g. 'connection refused' (psycopg names host and port)."""
    reason = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(reason).splitlines() if line.strip()]
    return (lines[0] if lines else type(reason).__name__)[:300]


class Store(CandidacyRecords):
    """The durable store. Thread-safe; several processes may share one database."""

    def __init__(self, database_url: str) -> None:
        url = make_url(engine_url(database_url))
        connect_args: dict[str, Any] = {}
        try:
            if url.get_backend_name() == "sqlite":
                connect_args["check_same_thread"] = False
                if url.database and url.database != ":memory:":
                    Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
            if url.get_backend_name() == "sqlite":
                event.listen(self.engine, "connect", _tune_sqlite)
            self._create_tables()
        except (OperationalError, OSError) as error:
            raise StoreUnavailable(
                f"De database is niet bereikbaar ({_where(url)}): {_cause(error)}. Controleer "
                "DATABASE_URL en of de database draait."
            ) from None

    def _create_tables(self) -> None:
        # Processes started together (web and clock) on a new database race table by table:
        # another one created a table between our check and our CREATE. Each such failure
        # means that process got further, so a try per table is always enough.
        for tries_left in reversed(range(len(metadata.tables))):
            try:
                metadata.create_all(self.engine)
                return
            except DBAPIError:
                if not tries_left:
                    raise

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

    def forget_event(self, platform: str, event_id: str) -> bool:
        """Undo a claim whose work failed, so a later delivery may try again; True for the
        one caller, in any process, that removed it."""
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(processed_events).where(
                    processed_events.c.platform == platform,
                    processed_events.c.event_id == event_id,
                )
            )
        return bool(result.rowcount == 1)

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

    # --- reminder deliveries --------------------------------------------------------------
    # States of a (reminder, target) row: "claimed" while one process sends it, then "sent";
    # "retry" when a send failed and the next tick may claim it again; "failed" when the
    # platform says this target can never receive it. The "*" row closes a reminder whose
    # grace window has passed: "closed" (every target reached) or "skipped" (some were not).

    def claim_delivery(self, key: str, target: str, *, owner: str, due_at: datetime) -> bool:
        """True for exactly one caller, in any process: the one that may send now. A new pair
        is claimed by INSERT (the primary key decides the race); a released one by an UPDATE
        that only matches while it is still released."""
        table = reminder_deliveries
        now = _now()
        claim = (
            self._insert(table)
            .values(
                reminder_key=key,
                target=target,
                state=CLAIMED,
                owner=owner,
                attempts=1,
                detail="",
                due_at=due_at,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=["reminder_key", "target"])
            # RETURNING, not rowcount: drivers report -1 for an INSERT's rowcount.
            .returning(table.c.reminder_key)
        )
        reclaim = (
            update(table)
            .where(table.c.reminder_key == key, table.c.target == target, table.c.state == RETRY)
            .values(state=CLAIMED, owner=owner, attempts=table.c.attempts + 1, updated_at=now)
        )
        with self.engine.begin() as connection:
            if connection.execute(claim).first() is not None:
                return True
            return bool(connection.execute(reclaim).rowcount == 1)

    def finish_delivery(
        self, key: str, target: str, *, owner: str, state: str, detail: str = ""
    ) -> None:
        """Record the outcome of `owner`'s claim: SENT, RETRY (released) or FAILED."""
        table = reminder_deliveries
        with self.engine.begin() as connection:
            connection.execute(
                update(table)
                .where(
                    table.c.reminder_key == key,
                    table.c.target == target,
                    table.c.owner == owner,
                    table.c.state == CLAIMED,
                )
                .values(state=state, detail=detail[:500], updated_at=_now())
            )

    def delivery_states(self, keys: Iterable[str]) -> dict[str, dict[str, str]]:
        """reminder key -> target -> state, for the given keys (closing rows included)."""
        wanted = sorted(set(keys))
        states: dict[str, dict[str, str]] = {key: {} for key in wanted}
        table = reminder_deliveries
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                rows = connection.execute(
                    select(table.c.reminder_key, table.c.target, table.c.state).where(
                        table.c.reminder_key.in_(wanted[start : start + 500])
                    )
                ).all()
                for row in rows:
                    states[row.reminder_key][row.target] = row.state
        return states

    def close_reminder(self, key: str, *, state: str, detail: str, due_at: datetime) -> bool:
        """Write the closing row of a reminder whose grace window passed; True for the one
        caller (in any process) that wrote it, so the outcome is logged once."""
        closing = (
            self._insert(reminder_deliveries)
            .values(
                reminder_key=key,
                target=CLOSING_TARGET,
                state=state,
                owner="",
                attempts=0,
                detail=detail[:500],
                due_at=due_at,
                updated_at=_now(),
            )
            .on_conflict_do_nothing(index_elements=["reminder_key", "target"])
            .returning(reminder_deliveries.c.reminder_key)
        )
        with self.engine.begin() as connection:
            return connection.execute(closing).first() is not None

    # --- Teams conversation references ----------------------------------------------------

    def save_teams_conversation(self, conversation: TeamsConversation) -> None:
        """Insert or replace: the latest service URL and ids win."""
        values = {**asdict(conversation), "updated_at": _now()}
        changes = {key: value for key, value in values.items() if key != "conversation_id"}
        upsert = self._insert(teams_conversations).values(**values)
        with self.engine.begin() as connection:
            connection.execute(
                upsert.on_conflict_do_update(index_elements=["conversation_id"], set_=changes)
            )

    def teams_conversation(self, conversation_id: str) -> TeamsConversation | None:
        table = teams_conversations
        with self.engine.connect() as connection:
            row = connection.execute(
                select(table).where(table.c.conversation_id == conversation_id)
            ).first()
        return _teams_conversation(row) if row is not None else None

    def teams_personal_conversation(self, user_key: str) -> TeamsConversation | None:
        """The personal chat with a user, by Teams user id (29:…) or Entra object id."""
        table = teams_conversations
        with self.engine.connect() as connection:
            row = connection.execute(
                select(table)
                .where(
                    table.c.conversation_type == "personal",
                    (table.c.user_id == user_key) | (table.c.user_aad_object_id == user_key),
                )
                .order_by(table.c.updated_at.desc())
            ).first()
        return _teams_conversation(row) if row is not None else None

    def teams_conversations(self) -> list[TeamsConversation]:
        table = teams_conversations
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).order_by(table.c.conversation_id)).all()
        return [_teams_conversation(row) for row in rows]

    def drop_teams_conversation(self, conversation_id: str, *, status: int) -> None:
        """Forget a reference Teams refused (app removed), and record why."""
        table = teams_conversations
        with self.engine.begin() as connection:
            row = connection.execute(
                select(table.c.user_id).where(table.c.conversation_id == conversation_id)
            ).first()
            connection.execute(delete(table).where(table.c.conversation_id == conversation_id))
            connection.execute(
                teams_dropped_conversations.insert().values(
                    conversation_id=conversation_id,
                    user_id=row.user_id if row is not None else "",
                    status=status,
                    dropped_at=_now(),
                )
            )

    def dropped_teams_conversations(self) -> list[DroppedTeamsConversation]:
        table = teams_dropped_conversations
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).order_by(table.c.id)).all()
        return [
            DroppedTeamsConversation(row.conversation_id, row.user_id, row.status, row.dropped_at)
            for row in rows
        ]
