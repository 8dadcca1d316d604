"""Candidacies: the records, the sheet outbox and the audit log. Every change is one
transaction holding the record, its pending sheet write and its audit entry, so a candidacy is
never lost between the store and the sheet (bot/handlers/candidacy.py drains the outbox)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from bot.candidacy import REPLACED, SUBMITTED, WITHDRAWN, Candidate, Submission
from bot.candidacy import Status as CandidacyStatus
from bot.reply import Language
from bot.store.database import aware, now, utc
from bot.store.schema import candidacies, candidacy_audit, candidacy_outbox

APPEND_ROW, UPDATE_STATUS = "append", "status"
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


class CandidacyRecords(Protocol):
    def add(self, submission: Submission, *, replaces: str | None = None) -> bool:
        """Store a new candidacy (and mark `replaces` as vervangen). False when this submission
        id is stored already (a repeated delivery); ActiveCandidacyExists when the person has
        another active candidacy for the function that `replaces` does not name."""
        ...

    def withdraw(self, submission_id: str, *, actor: str, platform: str) -> bool:
        """Mark an active candidacy ingetrokken; False when it is not active (any more)."""
        ...

    def get(self, submission_id: str) -> Submission | None: ...

    def of_user(self, platform: str, user_id: str) -> list[Submission]:
        """The person's candidacies, newest first."""
        ...

    def active(self, role: str | None = None) -> list[Submission]:
        """The active candidacies (for one function), oldest first."""
        ...

    def pending_writes(self, submission_id: str | None = None) -> list[SheetWrite]:
        """Writes not yet done, oldest first (the order they must reach the sheet in)."""
        ...

    def claim_write(self, write_id: int, lease: timedelta, due_by: datetime) -> bool:
        """True for the one drainer (in any process) that may perform this write now: no one
        holds it, and its next attempt is due by `due_by` (a drainer that read it as due
        before another's failed attempt set a later one must not try it again at once)."""
        ...

    def write_done(self, write: SheetWrite, detail: str) -> None: ...

    def write_failed(self, write: SheetWrite, error: str, retry_at: datetime) -> None: ...

    def audit_trail(self, submission_id: str | None = None) -> list[AuditEntry]: ...


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
        submitted_at=aware(row.submitted_at),
        updated_at=aware(row.updated_at),
    )


class SqlCandidacyRecords:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, submission: Submission, *, replaces: str | None = None) -> bool:
        candidate = submission.candidate
        moment = now()
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
                        at=moment,
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
                        submitted_at=utc(submission.submitted_at),
                        updated_at=utc(submission.updated_at),
                    )
                )
                self._queue(
                    connection, submission.submission_id, APPEND_ROW, submission.status, moment
                )
                self._audit(
                    connection,
                    submission.submission_id,
                    actor=submission.user_id,
                    platform=submission.platform,
                    action=SUBMITTED,
                    detail=f"functie {candidate.role}"
                    + (f", vervangt {replaces}" if replaces else ""),
                    at=moment,
                )
        except IntegrityError as error:
            # Which constraint failed, told without parsing driver messages: the primary key
            # when this submission id is stored now (a repeated delivery, also one racing in
            # from another process), else uq_candidacies_active.
            if self.get(submission.submission_id) is not None:
                return False
            raise ActiveCandidacyExists(submission.submission_id) from error
        return True

    def withdraw(self, submission_id: str, *, actor: str, platform: str) -> bool:
        with self.engine.begin() as connection:
            return self._change_status(
                connection,
                submission_id,
                WITHDRAWN,
                actor=actor,
                platform=platform,
                detail="ingetrokken door de kandidaat",
                at=now(),
            )

    def get(self, submission_id: str) -> Submission | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(candidacies).where(candidacies.c.submission_id == submission_id)
            ).first()
        return _submission(row) if row is not None else None

    def of_user(self, platform: str, user_id: str) -> list[Submission]:
        query = (
            select(candidacies)
            .where(candidacies.c.platform == platform, candidacies.c.user_id == user_id)
            .order_by(candidacies.c.submitted_at.desc())
        )
        with self.engine.connect() as connection:
            return [_submission(row) for row in connection.execute(query)]

    def active(self, role: str | None = None) -> list[Submission]:
        query = select(candidacies).where(candidacies.c.status == SUBMITTED)
        if role is not None:
            query = query.where(candidacies.c.role == role)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(candidacies.c.submitted_at)).all()
        return [_submission(row) for row in rows]

    # -- the sheet outbox --------------------------------------------------------------------

    def pending_writes(self, submission_id: str | None = None) -> list[SheetWrite]:
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
                next_attempt_at=aware(row.next_attempt_at),
            )
            for row in rows
        ]

    def claim_write(self, write_id: int, lease: timedelta, due_by: datetime) -> bool:
        moment = now()
        table = candidacy_outbox
        with self.engine.begin() as connection:
            result = connection.execute(
                update(table)
                .where(
                    table.c.id == write_id,
                    table.c.done_at.is_(None),
                    table.c.next_attempt_at <= utc(due_by),
                    or_(table.c.claimed_until.is_(None), table.c.claimed_until < moment),
                )
                .values(claimed_until=moment + lease, attempts=table.c.attempts + 1)
            )
        return result.rowcount == 1

    def write_done(self, write: SheetWrite, detail: str) -> None:
        moment = now()
        with self.engine.begin() as connection:
            connection.execute(
                update(candidacy_outbox)
                .where(candidacy_outbox.c.id == write.id)
                .values(done_at=moment, claimed_until=None, last_error="")
            )
            self._audit(
                connection,
                write.submission_id,
                actor=BOT_ACTOR,
                platform="sheet",
                action=f"sheet {write.operation}",
                detail=detail,
                at=moment,
            )

    def write_failed(self, write: SheetWrite, error: str, retry_at: datetime) -> None:
        moment = now()
        with self.engine.begin() as connection:
            connection.execute(
                update(candidacy_outbox)
                .where(candidacy_outbox.c.id == write.id)
                .values(last_error=error[:500], next_attempt_at=utc(retry_at), claimed_until=None)
            )
            self._audit(
                connection,
                write.submission_id,
                actor=BOT_ACTOR,
                platform="sheet",
                action=f"sheet {write.operation} mislukt",
                detail=error,
                at=moment,
            )

    def audit_trail(self, submission_id: str | None = None) -> list[AuditEntry]:
        query = select(candidacy_audit).order_by(candidacy_audit.c.id)
        if submission_id is not None:
            query = query.where(candidacy_audit.c.submission_id == submission_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            AuditEntry(
                aware(row.at), row.platform, row.actor, row.submission_id, row.action, row.detail
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
        at: datetime,
    ) -> bool:
        changed = connection.execute(
            update(candidacies)
            .where(
                candidacies.c.submission_id == submission_id,
                candidacies.c.status == SUBMITTED,
            )
            .values(status=status, updated_at=at)
        )
        if changed.rowcount != 1:
            return False
        self._queue(connection, submission_id, UPDATE_STATUS, status, at)
        self._audit(
            connection,
            submission_id,
            actor=actor,
            platform=platform,
            action=status,
            detail=detail,
            at=at,
        )
        return True

    @staticmethod
    def _queue(
        connection: Connection, submission_id: str, operation: str, status: str, at: datetime
    ) -> None:
        connection.execute(
            candidacy_outbox.insert().values(
                submission_id=submission_id,
                operation=operation,
                status=status,
                attempts=0,
                last_error="",
                next_attempt_at=at,
                created_at=at,
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
        at: datetime,
    ) -> None:
        connection.execute(
            candidacy_audit.insert().values(
                at=at,
                platform=platform,
                actor=actor,
                submission_id=submission_id,
                action=action,
                detail=detail[:500],
            )
        )
