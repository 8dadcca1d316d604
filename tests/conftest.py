from __future__ import annotations

import functools
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
import slack_sdk.http_retry.builtin_handlers
import slack_sdk.http_retry.handler

from bot.directory import Directory
from bot.models import RawCell, Snapshot, build_snapshot
from bot.sheets import LocalWorkbook, load_seed, seed_workbook
from tests.fake_slack import FakeSlack, running_fake_slack

# The bot names every thread it starts g40-…; its owner stops it (close(), shutdown(), stop()).
BOT_THREAD = "g40-"
# How long a stopping thread may take to end after its owner let it go.
THREAD_STOP_SECONDS = 5.0


@pytest.fixture(autouse=True)
def no_bot_thread_outlives_its_test() -> Iterator[None]:
    """Fails a test that leaves a bot thread running: a refresh or drainer nobody stopped
    would go on reading a later test's fake sheet or store. Threads of a fixture that
    outlives the test (module-scoped services) were running before it and are not counted."""
    before = set(threading.enumerate())
    yield
    left = [
        thread
        for thread in threading.enumerate()
        if thread not in before and thread.name.startswith(BOT_THREAD)
    ]
    for thread in left:
        thread.join(THREAD_STOP_SECONDS)
    running = sorted(thread.name for thread in left if thread.is_alive())
    if running:
        pytest.fail(f"bot thread(s) still running after the test: {', '.join(running)}")


# A day inside the seed's absence window (Lotus van Nes is back on 30 May 2026).
BEFORE_RETURN = date(2026, 5, 1)
AFTER_RETURN = date(2026, 6, 1)


@pytest.fixture(scope="session")
def seed() -> dict[str, list[list[RawCell]]]:
    return load_seed()


@pytest.fixture(scope="session")
def snapshot(seed: dict[str, list[list[RawCell]]]) -> Snapshot:
    return build_snapshot(seed)


@pytest.fixture(scope="session")
def directory(snapshot: Snapshot) -> Directory:
    return Directory.of(snapshot)


@functools.cache
def _seeded_file() -> tuple[bytes, int]:
    """The workbook seed_workbook writes from config/seed (its bytes and file mode), made once
    per test run: openpyxl takes ~0.1 s to write it, and most tests start from it."""
    with tempfile.TemporaryDirectory() as folder:
        book = LocalWorkbook(Path(folder) / "werkboek.xlsx")
        seed_workbook(book)
        return book.path.read_bytes(), book.path.stat().st_mode


def seeded_workbook(path: Path) -> LocalWorkbook:
    """A new workbook at `path`, exactly as seed_workbook makes it. Tests of seeding itself
    (first use, init-sheet) call seed_workbook or the command."""
    content, mode = _seeded_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    path.chmod(mode)
    return LocalWorkbook(path)


@pytest.fixture
def workbook(tmp_path: Path) -> LocalWorkbook:
    return seeded_workbook(tmp_path / "werkboek.xlsx")


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user: workbook path in a temp dir, no .env, no real home directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    workbook = tmp_path / "data" / "werkboek.xlsx"
    monkeypatch.setenv("G40_WORKBOOK", str(workbook))
    return workbook


# --- databases: the store's tests run on SQLite and on PostgreSQL ---------------------------

POSTGRES_URL_VARIABLE = "G40_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database for a Store: a new SQLite file, or a schema of its own in the
    PostgreSQL that G40_TEST_POSTGRES_URL names (scripts/test starts one when the Debian
    packages are installed; .ci/run installs them)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'g40.sqlite3'}"
        return
    server = os.environ.get(POSTGRES_URL_VARIABLE)
    if not server:
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set: no PostgreSQL to test the store on")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


class VirtualTime:
    """A monotonic clock that moves only when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def retry_clock(monkeypatch: pytest.MonkeyPatch) -> VirtualTime:
    """slack_sdk's retry handlers (Retry-After, connection errors) wait on this virtual clock,
    not for real; a fake Slack that reads its `monotonic` sees each wait as passed."""
    virtual = VirtualTime()
    waiting = SimpleNamespace(sleep=virtual.sleep)
    monkeypatch.setattr(slack_sdk.http_retry.handler, "time", waiting)
    monkeypatch.setattr(slack_sdk.http_retry.builtin_handlers, "time", waiting)
    return virtual


@pytest.fixture(scope="module")
def fake_server() -> Iterator[FakeSlack]:
    """One local fake Slack Web API per test module."""
    with running_fake_slack() as fake:
        yield fake


@pytest.fixture
def fake(fake_server: FakeSlack) -> Iterator[FakeSlack]:
    """The module's fake Slack, emptied before and after each test, on the real clock again."""
    fake_server.reset()
    yield fake_server
    fake_server.clock = time.monotonic
    fake_server.reset()
