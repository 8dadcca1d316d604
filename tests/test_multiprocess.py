"""Several g40bot processes on one workbook and one store, as the Procfile runs them (web
processes beside the clock): real subprocesses (tests/write_worker.py and `g40bot` itself).
No candidacy is lost or written twice, whatever runs in parallel or dies mid-write, and a
Slack retry that reaches another web process is still answered once.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
import requests
import time_machine
from openpyxl import load_workbook

from bot.app import open_source, open_writer
from bot.handlers.candidacy import WRITE_LEASE, drain_outbox
from bot.platforms.slack.app import SlackService
from bot.settings import Settings
from bot.sheets import LocalWorkbook, RetryPolicy
from bot.store import Store
from tests.fake_slack import BOT_USER_ID, FakeSlack
from tests.test_candidacy_console import open_the_window
from tests.test_faults_sheet_writes import leftovers
from tests.test_slack import SECRET, Slack

ROOT = Path(__file__).resolve().parent.parent
G40BOT = Path(sys.executable).with_name("g40bot")


def environment(**values: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "G40_"))}
    return keep | {"PYTHONUNBUFFERED": "1", **values}


def worker(workbook: LocalWorkbook, database_url: str, *args: str) -> subprocess.Popen[str]:
    """A tests/write_worker.py process; it starts working on the line `go`."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.write_worker", *args],
        cwd=workbook.path.parent,  # no .env of the developer's checkout
        env=environment(
            G40_WORKBOOK=str(workbook.path), DATABASE_URL=database_url, PYTHONPATH=str(ROOT)
        ),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def go(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()


def results(processes: list[subprocess.Popen[str]]) -> list[Any]:
    """Start every worker at once, wait for all; what each printed."""
    go(*processes)
    finished = [process.communicate(timeout=120) for process in processes]
    for process, (_out, err) in zip(processes, finished, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err, err
    return [json.loads(out.strip().splitlines()[-1]) for out, _ in finished]


def sheet_ids(workbook: LocalWorkbook) -> Counter[str]:
    load_workbook(workbook.path)  # the file is a whole workbook, as Excel opens it
    return Counter(str(row[0]) for row in workbook.read_tab("Kandidaturen")[1:] if row)


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'g40.sqlite3'}"


# --- N processes, one workbook ------------------------------------------------------------------

PROCESSES, EACH = 4, 3


def test_n_processes_appending_at_once_lose_no_candidacy_and_double_none(
    workbook: LocalWorkbook, tmp_path: Path
) -> None:
    database = sqlite_url(tmp_path)
    processes = [
        worker(workbook, database, "append", f"p{number}", str(EACH)) for number in range(PROCESSES)
    ]

    reports = results(processes)

    assert sum(report["stored"] for report in reports) == PROCESSES * EACH
    store = Store(database)
    try:
        assert store.candidacies.pending_writes() == []  # every write is marked written...
    finally:
        store.close()
    found = sheet_ids(workbook)  # ...and every one is in the workbook, once
    expected = {f"p{p}-{n:04d}" for p in range(PROCESSES) for n in range(EACH)}
    assert set(found) == expected
    assert set(found.values()) == {1}


# --- one submission, two processes --------------------------------------------------------------


def test_the_same_submission_to_two_processes_is_one_candidacy_one_row_and_no_replace_question(
    workbook: LocalWorkbook, database_url: str
) -> None:
    open_the_window(workbook.path)
    ids = [f"k-2026-same{number:06d}" for number in range(6)]
    processes = [worker(workbook, database_url, "submit", *ids) for _ in range(2)]

    first, second = results(processes)

    for submission_id in ids:
        assert sorted([first[submission_id], second[submission_id]]) == ["repeated", "stored"]
    store = Store(database_url)
    try:
        assert len(store.candidacies.active()) == len(ids)
        assert store.candidacies.pending_writes() == []
    finally:
        store.close()
    assert sheet_ids(workbook) == Counter(dict.fromkeys(ids, 1))


# --- kill -9 mid-write ----------------------------------------------------------------------------


def test_kill_9_while_saving_then_restart_writes_each_candidacy_once_and_leaves_no_debris(
    workbook: LocalWorkbook, tmp_path_factory: pytest.TempPathFactory
) -> None:
    database = sqlite_url(tmp_path_factory.mktemp("store"))
    stalled = worker(workbook, database, "stall", "a")
    go(stalled)
    assert stalled.stdout is not None
    stalled.stdout.readline()  # ready
    saving = json.loads(stalled.stdout.readline())  # holds the lock, its new workbook half-done
    other = worker(workbook, database, "append", "b", "1")
    go(other)  # it waits for the lock (or is still starting)

    stalled.send_signal(signal.SIGKILL)
    stalled.communicate(timeout=30)
    finished = other.communicate(timeout=120)  # the dead holder's lock is free at once

    assert other.returncode == 0, finished[1]
    assert json.loads(finished[0].splitlines()[-1]) == {"stored": 1, "written": 1}
    # The restart: the dead process's claim on its write lapses, and the next drain lands it.
    settings = Settings(_env_file=None, G40_WORKBOOK=str(workbook.path), DATABASE_URL=database)
    source = open_source(settings)
    store = Store(database)
    try:
        with time_machine.travel(datetime.now().astimezone() + WRITE_LEASE + timedelta(seconds=1)):
            assert (
                drain_outbox(
                    store.candidacies, open_writer(source, retry=RetryPolicy(attempts=1))
                ).done
                == 1
            )
        assert store.candidacies.pending_writes() == []
    finally:
        store.close()
    assert sheet_ids(workbook) == Counter({saving["saving"]: 1, "b-0000": 1})
    assert leftovers(workbook) == []


# --- two web processes and a clock on one PostgreSQL ----------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def g40bot(*args: str, env: dict[str, str], ready: str | None = None) -> Iterator[str]:
    """A long-running `g40bot` process; yields its URL once /healthz answers (web processes)
    or once it printed `ready`; stopped with Ctrl+C (SIGINT), which finishes work in flight."""
    process = subprocess.Popen(
        [str(G40BOT), *args],
        env=env,
        cwd=env["HOME"],  # no .env of the developer's checkout
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{env.get('PORT', '')}"
    try:
        if ready is not None:
            assert process.stdout is not None
            assert ready in process.stdout.readline()
        else:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None, process.communicate()[1]
                try:
                    if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    assert time.monotonic() < deadline, "the web process did not start"
                    time.sleep(0.1)  # polling another process's start-up, not waiting on time
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
        assert "Traceback" not in err, err


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_slack_retry_to_each_of_two_web_processes_beside_a_clock_is_answered_once(
    workbook: LocalWorkbook, database_url: str, fake: FakeSlack, tmp_path: Path
) -> None:
    shared = {
        "G40_WORKBOOK": str(workbook.path),
        "DATABASE_URL": database_url,
        "SLACK_API_URL": fake.api_url,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "HOME": str(tmp_path),
    }
    mention = {
        "type": "app_mention",
        "user": "UASKER",
        "text": f"<@{BOT_USER_ID}> wie heeft Europa?",
        "ts": "1764250030.000100",
        "channel": "C0GENERAL",
    }
    first_port, second_port = free_port(), free_port()
    with (
        g40bot("clock", env=environment(**shared), ready="g40bot klok"),
        g40bot("serve", "slack", env=environment(**shared, PORT=str(first_port))) as first,
        g40bot("serve", "slack", env=environment(**shared, PORT=str(second_port))) as second,
    ):
        slack = Slack(fake, service=cast(SlackService, None), url=first, tmp=tmp_path)
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        statuses: list[int] = []

        def deliver(**options: Any) -> None:
            statuses.append(slack.event(mention, "Ev0TWOWEB", **options).status_code)

        # The first delivery to one web process, Slack's retry to the other, at the same time.
        deliveries = [
            threading.Thread(target=deliver),
            threading.Thread(target=deliver, kwargs={"headers": retry, "url": second}),
        ]
        for delivery in deliveries:
            delivery.start()
        for delivery in deliveries:
            delivery.join()
        assert statuses == [200, 200]
        fake.wait_for("chat.postMessage", 1)
    # Both web processes have stopped, their work in flight finished: one answer in all.
    [answer] = fake.delivered("chat.postMessage")
    assert "Gerdien Looman" in answer["text"]
