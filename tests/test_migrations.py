"""The store's schema under Alembic, on SQLite and PostgreSQL: a new database, one that
create_all made before migrations existed, several processes starting at once, the models and
the migrations agreeing, and `g40bot migrate` as an operator runs it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from bot.store import Store, StoreError
from bot.store.database import open_engine, ping
from bot.store.migrate import HEAD_REVISION, current_revision, initial_schema, scripts
from bot.store.schema import metadata
from bot.store.subscriptions import Subscription
from tests.cli import g40bot as run

ADDED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)


def differences(engine: Engine) -> list[object]:
    """What Alembic's autogenerate sees between the database and the models."""
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def made_by_create_all(database_url: str, *tables: str) -> None:
    """A database as g40bot made it before migrations (only `tables` of it, when given), with
    one subscriber in it."""
    schema = initial_schema()
    engine = open_engine(database_url)
    try:
        chosen = [schema.tables[name] for name in tables] or None
        schema.create_all(engine, tables=chosen)
        with engine.begin() as connection:
            connection.execute(
                schema.tables["reminder_subscriptions"]
                .insert()
                .values(
                    platform="slack",
                    user_id="UANNA",
                    language="en",
                    subscribed=True,
                    updated_at=ADDED,
                )
            )
    finally:
        engine.dispose()


def test_a_new_database_gets_exactly_the_tables_of_the_models(database_url: str) -> None:
    store = Store(database_url)
    try:
        assert revision_of(store.engine) == HEAD_REVISION
        assert differences(store.engine) == []
        store.subscriptions.set("slack", "UBOB", language="nl", subscribed=True)
        assert [s.user_id for s in store.subscriptions.subscribers("slack")] == ["UBOB"]
    finally:
        store.close()


def test_a_database_made_by_create_all_is_adopted_with_its_rows(database_url: str) -> None:
    made_by_create_all(database_url)

    store = Store(database_url)
    try:
        assert revision_of(store.engine) == HEAD_REVISION
        assert differences(store.engine) == []
        assert store.subscriptions.get("slack", "UANNA") == Subscription(
            "slack", "UANNA", "en", True
        )
    finally:
        store.close()


def test_an_early_database_with_some_of_the_tables_gets_the_others(database_url: str) -> None:
    # g40bot's first Slack release had these two tables only.
    made_by_create_all(database_url, "processed_events", "reminder_subscriptions")

    store = Store(database_url)
    try:
        assert revision_of(store.engine) == HEAD_REVISION
        assert differences(store.engine) == []
        assert store.subscriptions.get("slack", "UANNA") is not None
        assert store.teams.all() == [] and store.candidacies.active() == []
    finally:
        store.close()


STARTING_PROCESS = """
import sys
from bot.store.database import open_engine, ping
from bot.store.migrate import upgrade_to_head

engine = open_engine(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # every process is ready: start together
print(upgrade_to_head(engine).before, flush=True)
"""


def test_processes_starting_together_migrate_once_and_none_fails(database_url: str) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", STARTING_PROCESS, database_url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    try:
        for process in processes:
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = [process.communicate(timeout=60) for process in processes]
    finally:
        for process in processes:
            process.kill()
            process.wait()

    errors = [err[-600:] for _out, err in results]
    assert [process.returncode for process in processes] == [0, 0, 0], errors
    # One found the database empty and migrated it; the others waited and found it done.
    assert sorted(out.strip() for out, _err in results) == [HEAD_REVISION, HEAD_REVISION, "None"]
    engine = open_engine(database_url)
    try:
        assert revision_of(engine) == HEAD_REVISION
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_head_revision_is_the_newest_migration() -> None:
    assert scripts().get_current_head() == HEAD_REVISION


def test_a_database_newer_than_this_g40bot_is_refused_clearly(database_url: str) -> None:
    store = Store(database_url)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    store.close()

    with pytest.raises(StoreError, match="revisie 0099, die deze versie van g40bot niet kent"):
        Store(database_url)


def test_starting_on_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'g40.sqlite3'}"
    Store(url).close()
    probe = (
        "import sys; from bot.store import Store; Store(sys.argv[1]).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- g40bot migrate -------------------------------------------------------------------------


def g40bot(*args: str) -> tuple[int, str, str]:
    """The command in this process, through its real error boundary (tests/cli.py)."""
    result = run(*args)
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def sqlite_url(isolated_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'g40.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_migrate_brings_a_new_database_up_once(sqlite_url: str) -> None:
    first = g40bot("migrate")
    again = g40bot("migrate")

    assert first == (
        0,
        f"Database bijgewerkt van een lege database tot revisie {HEAD_REVISION}.\n",
        "",
    )
    assert again == (0, f"Database is al bij: revisie {HEAD_REVISION}.\n", "")


def test_migrate_dry_run_tells_and_changes_nothing(sqlite_url: str) -> None:
    made_by_create_all(sqlite_url)

    code, out, _err = g40bot("migrate", "--dry-run")

    assert code == 0
    assert "droogloop, er is niets veranderd" in out
    assert "tabellen van vóór de migraties gevonden (candidacies, candidacy_audit" in out
    assert "markeren als revisie 0001" in out
    engine = open_engine(sqlite_url)
    try:
        assert revision_of(engine) is None
        assert not inspect(engine).has_table("alembic_version")
    finally:
        engine.dispose()
    code, out, _err = g40bot("migrate")
    assert (code, out) == (
        0,
        "Database van vóór de migraties aangenomen (8 bestaande tabel(len) behouden) en "
        f"bijgewerkt tot revisie {HEAD_REVISION}.\n",
    )
    assert g40bot("migrate", "--dry-run")[1].endswith(
        f"is al bij (revisie {HEAD_REVISION}); niets te doen.\n"
    )


def test_migrate_sql_prints_the_script_without_connecting(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A host that cannot exist: --sql must not try to reach it.
    monkeypatch.setenv("DATABASE_URL", "postgres://g40bot:geheim@db.invalid:5432/g40bot")

    code, out, err = g40bot("migrate", "--sql")

    assert code == 0, err
    assert "CREATE TABLE candidacies (" in out
    assert "CREATE UNIQUE INDEX uq_candidacies_active ON candidacies" in out
    assert "WHERE status = 'ingediend'" in out
    assert "INSERT INTO alembic_version (version_num) VALUES ('0001')" in out
    assert "geheim" not in out


def test_migrate_on_an_unreachable_database_is_one_clear_line(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Port 1 on this machine: nothing listens, the connection is refused at once.
    monkeypatch.setenv("DATABASE_URL", "postgresql://g40bot:geheim@127.0.0.1:1/g40bot")

    code, out, err = g40bot("migrate")

    assert code == 2 and out == ""
    assert err.startswith("De database postgresql+psycopg://g40bot:***@127.0.0.1:1/g40bot is ")
    assert "niet bereikbaar" in err and "Controleer DATABASE_URL" in err
    assert len(err.splitlines()) == 1 and "geheim" not in err


def test_a_mistyped_database_url_is_one_line_without_the_password(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres//g40bot:geheim@db/g40bot")

    code, out, err = g40bot("migrate")

    assert (code, out) == (2, "")
    assert err.startswith("DATABASE_URL is geen database-URL. Gebruik bijv. postgresql://")
    assert len(err.splitlines()) == 1 and "geheim" not in err


def test_ping_answers_or_says_where_and_why_not(database_url: str) -> None:
    store = Store(database_url)
    try:
        assert store.ping() is None
    finally:
        store.close()
    unreachable = open_engine("postgresql://g40bot:geheim@127.0.0.1:1/g40bot")
    with pytest.raises(StoreError, match=r"g40bot:\*\*\*@127\.0\.0\.1:1/g40bot is niet bereikbaar"):
        ping(unreachable)
