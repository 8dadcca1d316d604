"""One g40bot process that writes candidacies, for tests/test_multiprocess.py and
benchmarks/appends.py: `python -m tests.write_worker KIND …`, configured like every g40bot
process (G40_WORKBOOK, DATABASE_URL) and built by the same composition root. Each kind waits
for a line on stdin before it starts (after printing that it is ready), so processes started
one by one begin together, and prints what it did as its last JSON line.

    append PREFIX COUNT   store COUNT candidacies and deliver each to the sheet
    submit ID…            submit the same form under each id, as a platform does
    stall PREFIX          store one candidacy, then stop inside the save that writes it
"""

from __future__ import annotations

import json
import os
import sys
import threading
from datetime import UTC, datetime
from typing import Any

from bot.app import open_source, open_writer
from bot.candidacy import SUBMITTED, Candidate, Submission
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler, drain_outbox
from bot.settings import Settings
from bot.sheets import RetryPolicy
from bot.store import Store
from tests.test_candidacy import GOOD

# Inside the kandidaatstelling window that tests/test_candidacy_console.open_the_window sets.
OPEN = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)


def submission(submission_id: str, user_id: str) -> Submission:
    candidate = Candidate(
        "voorzitter", "Anna de Vries", "anna@almere.nl", "Almere", "wethouder", "Motivatie."
    )
    return Submission(submission_id, "slack", user_id, candidate, "nl", SUBMITTED, OPEN, OPEN)


def main(kind: str, *args: str) -> dict[str, Any]:
    settings = Settings()
    source = open_source(settings)
    # As every process runs the outbox: one attempt per drain (bot.app.open_writer).
    writer = open_writer(source, retry=RetryPolicy(attempts=1))
    store = Store(settings.database_url)
    handler = CandidacyHandler(AskHandler(source), store.candidacies, writer, now=lambda: OPEN)
    print(json.dumps({"ready": kind}), flush=True)
    sys.stdin.readline()  # "go"
    if kind == "append":
        prefix, count = args[0], int(args[1])
        ids = [f"{prefix}-{number:04d}" for number in range(count)]
        for submission_id in ids:
            store.candidacies.add(submission(submission_id, f"U-{submission_id}"))
            handler.deliver(submission_id)
        pending = {write.submission_id for write in store.candidacies.pending_writes()}
        return {"stored": len(ids), "written": len(set(ids) - pending)}
    if kind == "submit":
        outcomes: dict[str, str] = {}
        for number, submission_id in enumerate(args):
            outcome = handler.submit(
                GOOD,
                platform="slack",
                user_id=f"U{number}",
                language="nl",
                submission_id=submission_id,
            )
            if outcome.repeated:
                outcomes[submission_id] = "repeated"
            elif outcome.submission is not None:
                outcomes[submission_id] = "stored"
                handler.deliver(submission_id)
            elif outcome.review.needs_replace_confirmation:
                outcomes[submission_id] = "asked to replace"
            else:
                outcomes[submission_id] = f"refused: {outcome.review}"
        return outcomes
    if kind == "stall":
        submission_id = f"{args[0]}-stalled"
        store.candidacies.add(submission(submission_id, f"U-{submission_id}"))
        replace = os.replace

        def stall_before_replacing_the_workbook(source: Any, target: Any) -> None:
            if os.fspath(target) == str(settings.workbook):
                print(json.dumps({"saving": submission_id}), flush=True)
                threading.Event().wait()  # until kill -9
            replace(source, target)

        os.replace = stall_before_replacing_the_workbook
        drain_outbox(store.candidacies, writer)
        return {"finished": submission_id}  # never: the test kills this process first
    raise SystemExit(f"unknown kind {kind!r}")


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], *sys.argv[2:])), flush=True)
