"""The engine behind every repository: URL handling, SQLite tuning, the dialect's upsert, and
the one error an operator sees when the database cannot be used."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.errors import OperatorError


class StoreError(OperatorError):
    """The database cannot be used; the message is one line for operators: what, and how to
    fix it."""


def engine_url(database_url: str) -> str:
    """Heroku-style `postgres://` and plain `postgresql://` URLs use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if database_url.startswith(prefix):
            return "postgresql+psycopg://" + database_url[len(prefix) :]
    return database_url


def parse_url(database_url: str) -> URL:
    try:
        return make_url(engine_url(database_url.strip()))
    except ArgumentError:
        # Not echoed: a mistyped URL may still hold a password.
        raise StoreError(
            "DATABASE_URL is geen database-URL. Gebruik bijv. "
            "postgresql://gebruiker:wachtwoord@host:5432/g40bot of sqlite:////pad/g40bot.sqlite3."
        ) from None


def shown(url: URL) -> str:
    """The URL for a message: without its password."""
    return url.render_as_string(hide_password=True)


def open_engine(database_url: str) -> Engine:
    """An engine for several threads (and, sharing the database, several processes)."""
    url = parse_url(database_url)
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        connect_args["check_same_thread"] = False
        if url.database and url.database != ":memory:":
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"DATABASE_URL {shown(url)} wordt niet ondersteund: {error}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def _tune_sqlite(connection: Any, _record: object) -> None:
    cursor = connection.cursor()
    # A second process waits for a lock instead of failing with "database is locked".
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # WAL lets readers and one writer work at once. It is a property of the file, so only a
    # new file needs the switch; processes switching one together may get "database is
    # locked" at once, busy_timeout or not (SQLite's deadlock guard), while another succeeds.
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        with suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def ping(engine: Engine) -> None:
    """One round trip; StoreError saying where and why when the database cannot be reached."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        raise unreachable(engine, error) from error


def unreachable(engine: Engine, error: SQLAlchemyError) -> StoreError:
    return StoreError(
        f"De database {shown(engine.url)} is niet bereikbaar ({reason(error)}). Controleer "
        "DATABASE_URL en of de database draait."
    )


def reason(error: SQLAlchemyError) -> str:
    """The driver's own words, first line only (no SQL, no parameters)."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def upsert(engine: Engine, table: Table) -> Any:
    """An INSERT with ON CONFLICT support, in this database's dialect."""
    if engine.dialect.name == "postgresql":
        return postgresql_insert(table)
    return sqlite_insert(table)


def utc(moment: datetime) -> datetime:
    """SQLite keeps a datetime's wall-clock time and drops its zone: store UTC only."""
    return moment.astimezone(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def now() -> datetime:
    return datetime.now(UTC)
