"""Faults around the store: the same submission stored by two processes at once (the primary
key decides; that is a repeat, not a second candidacy to "replace"), and a database that
cannot be reached (one line naming it, without its password, for every command)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bot.app import open_source, open_writer
from bot.candidacy import Form
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler
from bot.settings import Settings
from bot.sheets import LocalWorkbook
from bot.store import Store
from bot.store.candidacies import ActiveCandidacyExists
from tests.cli import g40bot, only_settings
from tests.test_candidacy import GOOD
from tests.test_candidacy_console import open_the_window
from tests.write_worker import OPEN

SUBMISSION = "k-2026-0123456789"


@pytest.fixture
def handlers(workbook: LocalWorkbook, database_url: str) -> Iterator[list[CandidacyHandler]]:
    """Two processes' candidacy handlers on one workbook and one database."""
    open_the_window(workbook.path)
    source = open_source(Settings(_env_file=None, G40_WORKBOOK=str(workbook.path)))
    stores = [Store(database_url), Store(database_url)]
    yield [
        CandidacyHandler(
            AskHandler(source), store.candidacies, open_writer(source), now=lambda: OPEN
        )
        for store in stores
    ]
    for store in stores:
        store.close()


def submit(handler: CandidacyHandler, form: Form = GOOD, submission_id: str = SUBMISSION) -> Any:
    return handler.submit(
        form, platform="slack", user_id="UANNA", language="nl", submission_id=submission_id
    )


# The moments at which the other process (Slack delivered the submission twice) may store it,
# after this process found the id unknown: while this one checks the rules (reading the
# person's candidacies), or just before this one's INSERT.
RACES = {
    "during the rules check": "candidacies.user_id = ",
    "before the insert": "INSERT INTO candidacies ",
}


@pytest.mark.parametrize("race", RACES)
def test_the_same_submission_stored_first_by_another_process_is_a_repeat_not_a_replace(
    handlers: list[CandidacyHandler], race: str
) -> None:
    this, other = handlers
    raced: list[Any] = []

    def other_process_stores_it_first(
        _connection: Any, _cursor: Any, statement: str, *_: Any
    ) -> None:
        if RACES[race] in statement and not raced:
            raced.append(submit(other))

    event.listen(this.records.engine, "before_cursor_execute", other_process_stores_it_first)
    outcome = submit(this)

    [first] = raced
    assert first.submission is not None and not first.repeated
    assert outcome.repeated
    assert not outcome.review.needs_replace_confirmation
    assert outcome.submission is not None and outcome.submission.submission_id == SUBMISSION
    assert [s.submission_id for s in this.records.of_user("slack", "UANNA")] == [SUBMISSION]
    assert len(this.records.pending_writes(SUBMISSION)) == 1  # one row will be written


def test_another_submission_for_the_same_function_still_needs_an_explicit_replace(
    handlers: list[CandidacyHandler],
) -> None:
    this, other = handlers
    assert submit(other).submission is not None
    stored = this.records.get(SUBMISSION)
    assert stored is not None

    with pytest.raises(ActiveCandidacyExists):
        this.records.add(replace(stored, submission_id="k-2026-other00000"))
    outcome = submit(this, submission_id="k-2026-other00000")
    assert outcome.submission is None and outcome.review.needs_replace_confirmation


# --- a database that cannot be reached ------------------------------------------------------------


def closed_port() -> int:
    """A port nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "command",
    [("clock", "--once"), ("serve", "slack")],
    ids=" ".join,
)
def test_a_command_whose_database_is_down_says_so_in_one_line(
    workbook: LocalWorkbook, tmp_path: Path, command: tuple[str, ...]
) -> None:
    port = closed_port()
    result = g40bot(
        *command,
        env=only_settings(
            HOME=str(tmp_path),
            G40_WORKBOOK=str(workbook.path),
            DATABASE_URL=f"postgresql://g40:geheim-wachtwoord@127.0.0.1:{port}/g40",
            SLACK_BOT_TOKEN="xoxb-test-token",
            SLACK_SIGNING_SECRET="secret",
            SLACK_API_URL=f"http://127.0.0.1:{closed_port()}/api/",
        ),
        cwd=tmp_path,
    )

    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("De database ") and f"127.0.0.1:{port}/g40 is niet bereikbaar" in line
    assert "Connection refused" in line and "DATABASE_URL" in line
    assert "geheim" not in line and "Traceback" not in line
    assert len(line.splitlines()) == 1
