"""Bringing a database to the schema this code expects, with Alembic (bot/store/migrations/).

Every process that opens the store calls `upgrade_to_head` first. A database already at the
head revision costs one query and no Alembic import. Otherwise the upgrade runs in one
transaction behind a lock, so that two web processes and a clock starting together migrate
once and the others then find it done: PostgreSQL's `pg_advisory_xact_lock` on a fixed key,
SQLite's `BEGIN IMMEDIATE` (its one write lock). Both roll DDL back with the transaction, so a
failed migration leaves the database as it was.

A database that `create_all` made before migrations existed has tables but no alembic_version:
it is adopted, never recreated. The tables of the first revision it lacks are created (an early
database has only some), the ones it has are kept with their rows, and it is stamped with the
first revision; later revisions then run as for any other database.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, MetaData, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from bot.store.database import StoreError, parse_url, reason, shown, unreachable

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
INITIAL_REVISION = "0001"
# The newest revision in migrations/versions/; tests/test_migrations.py keeps the two equal.
HEAD_REVISION = "0002"
VERSION_TABLE = "alembic_version"
# Any fixed number will do, as long as nothing else in the database locks on it.
ADVISORY_LOCK_KEY = 0x6734_3062  # "g40b"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """What an upgrade found and did."""

    before: str | None
    after: str | None
    adopted: tuple[str, ...] = ()

    def summary(self) -> str:
        if self.adopted:
            return (
                f"Database van vóór de migraties aangenomen ({len(self.adopted)} bestaande "
                f"tabel(len) behouden) en bijgewerkt tot revisie {self.after}."
            )
        if self.before == self.after:
            return f"Database is al bij: revisie {self.after}."
        start = f"revisie {self.before}" if self.before else "een lege database"
        return f"Database bijgewerkt van {start} tot revisie {self.after}."


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return str(revision) if revision is not None else None


@contextmanager
def _connected(engine: Engine) -> Iterator[Connection]:
    try:
        connection = engine.connect()
    except OperationalError as error:
        raise unreachable(engine, error) from error
    with connection:
        yield connection


def upgrade_to_head(engine: Engine) -> Migration:
    """What every process does on opening the store, and `g40bot migrate`: upgrade to head
    (adopting a create_all database first), serialised across processes."""
    with _connected(engine) as connection:
        if current_revision(connection) == HEAD_REVISION:
            return Migration(HEAD_REVISION, HEAD_REVISION)
    try:
        return _upgrade(engine)
    except SQLAlchemyError as error:
        raise StoreError(
            f"Het bijwerken van de database {shown(engine.url)} tot revisie {HEAD_REVISION} is "
            f"mislukt ({reason(error)}); er is niets veranderd."
        ) from error


def _upgrade(engine: Engine) -> Migration:
    from alembic import command

    with engine.begin() as connection:
        _lock(connection)
        before = current_revision(connection)
        config = _config(connection=connection)
        _refuse_unknown(before, engine)
        adopted: tuple[str, ...] = ()
        if before is None:
            adopted = _adopt(connection)
            if adopted:
                command.stamp(config, INITIAL_REVISION)
        command.upgrade(config, "head")
        migration = Migration(before, current_revision(connection), adopted)
    if migration.before != migration.after:
        # Debug: a process's start-up output stays its own (`g40bot migrate` prints this).
        log.debug("%s", migration.summary())
    return migration


def pending(engine: Engine) -> list[str]:
    """What `upgrade` would do, one line each, changing nothing (`g40bot migrate --dry-run`)."""
    with _connected(engine) as connection:
        before = current_revision(connection)
        _refuse_unknown(before, engine)
        lines = []
        if before is None:
            present = _initial_tables_present(connection)
            if present:
                lines.append(
                    f"tabellen van vóór de migraties gevonden ({', '.join(present)}): behouden, "
                    f"ontbrekende aanmaken en markeren als revisie {INITIAL_REVISION}"
                )
                before = INITIAL_REVISION
        for revision in reversed(list(scripts().iterate_revisions("head", before or "base"))):
            lines.append(f"revisie {revision.revision}: {revision.doc.splitlines()[0]}")
    return lines


def sql_script(database_url: str) -> str:
    """The SQL that brings an empty database to head, in DATABASE_URL's dialect (for a DBA
    who wants to read or run it by hand); connects to nothing."""
    from alembic import command

    output = io.StringIO()
    config = _config(url=shown(parse_url(database_url)), output=output)
    command.upgrade(config, "head", sql=True)
    return output.getvalue()


@cache
def scripts() -> ScriptDirectory:
    """The revisions in bot/store/migrations/versions/."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def initial_schema() -> MetaData:
    """The tables as create_all made them before migrations existed (the first revision's
    frozen copy)."""
    initial = scripts().get_revision(INITIAL_REVISION)
    assert initial is not None
    frozen: MetaData = initial.module.frozen
    return frozen


def _config(
    *,
    connection: Connection | None = None,
    url: str | None = None,
    output: io.StringIO | None = None,
) -> Config:
    """Alembic's configuration, built here instead of read from an alembic.ini."""
    from alembic.config import Config

    config = Config(output_buffer=output)
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    config.attributes["url"] = url
    return config


def _lock(connection: Connection) -> None:
    """Held until the transaction ends; another process starting now waits here."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _refuse_unknown(revision: str | None, engine: Engine) -> None:
    if revision is None:
        return
    if revision not in {script.revision for script in scripts().walk_revisions()}:
        raise StoreError(
            f"De database {shown(engine.url)} staat op revisie {revision}, die deze versie van "
            f"g40bot niet kent (nieuwste: {HEAD_REVISION}): draai de nieuwere versie van "
            "g40bot, die deze database heeft bijgewerkt."
        )


def _initial_tables_present(connection: Connection) -> list[str]:
    names = set(inspect(connection).get_table_names())
    return sorted(names & set(initial_schema().tables))


def _adopt(connection: Connection) -> tuple[str, ...]:
    """Create what a create_all database lacks of the first revision; the tables it had."""
    present = _initial_tables_present(connection)
    if not present:
        return ()
    frozen = initial_schema()
    inspector = inspect(connection)
    for name in present:
        have = {column["name"] for column in inspector.get_columns(name)}
        missing = [column.name for column in frozen.tables[name].columns if column.name not in have]
        if missing:
            raise StoreError(
                f"De tabel {name} in {shown(connection.engine.url)} mist kolom(men) "
                f"{', '.join(missing)}: deze database is niet door g40bot gemaakt. Gebruik een "
                "lege database of herstel de tabel."
            )
    frozen.create_all(connection, checkfirst=True)
    return tuple(present)
