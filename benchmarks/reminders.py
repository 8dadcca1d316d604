"""Reminder fan-out benchmark: 1,000 subscriber DMs under Slack rate limiting.

    .venv/bin/python benchmarks/reminders.py

One reminder tick delivers the day-before reminder of the seed's netwerkdagen to the
announcement channel and 1,000 subscribers, through the real Slack notifier, to the local fake
Slack Web API (tests/fake_slack.py), with the ledger in a SQLite file. Side by side in one run:

1. no rate limiting: the baseline;
2. every 50th chat.postMessage answers 429 with Retry-After: 1, g40bot's fan-out: a limited
   target waits its Retry-After in a queue while the others go on;
3. the same 429s, waited out inline by slack_sdk's RateLimitErrorRetryHandler (what a plain
   loop over `client.chat_postMessage` does): every wait stops the whole fan-out.

Each run checks that every target got the message exactly once and that no target was retried
before its Retry-After had passed. The "Retry-After floor" is the sum of the waits the 429s
asked for: what waiting them out one after another must cost at least.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.dates import AMSTERDAM
from bot.handlers.reminders import ReminderClock
from bot.platforms.slack.client import build_web_client, fan_out_client
from bot.platforms.slack.notifier import SlackNotifier
from bot.sheets import LocalWorkbook, SnapshotSource, seed_workbook
from bot.store import Store
from tests.fake_slack import FakeSlack, running_fake_slack

SUBSCRIBERS = 1_000
EVERY = 50
RETRY_AFTER = 1
ANNOUNCE = "C0ANNOUNCE"
DUE = datetime(2026, 9, 9, 9, 0, tzinfo=AMSTERDAM)


@dataclass
class Run:
    name: str
    seconds: float
    calls: int
    limited: int
    delivered: int
    duplicates: int
    early: int

    @property
    def floor(self) -> float:
        return float(self.limited * RETRY_AFTER)


def run(name: str, fake: FakeSlack, folder: Path, *, limited: bool, inline_waits: bool) -> Run:
    fake.reset()
    book = LocalWorkbook(folder / "werkboek.xlsx")
    if not book.exists():
        seed_workbook(book)
    store = Store(f"sqlite:///{folder / f'{name}.sqlite3'}")
    users = [f"U{number:05d}" for number in range(SUBSCRIBERS)]
    for user in users:
        store.subscriptions.set("slack", user, language="nl", subscribed=True)
    make_client = build_web_client if inline_waits else fan_out_client
    notifier = SlackNotifier(make_client("xoxb-bench", fake.api_url))
    clock = ReminderClock(
        SnapshotSource(book),
        store.deliveries,
        store.subscriptions,
        [notifier],
        announce_channel=ANNOUNCE,
    )
    clock.source.current()  # the sheet is read before the clock starts, as in the clock process
    if limited:
        fake.fail_every("chat.postMessage", EVERY, retry_after=RETRY_AFTER)

    started = time.perf_counter()
    report = clock.tick(DUE)
    seconds = time.perf_counter() - started
    store.close()

    counts = Counter(str(p["channel"]) for p in fake.delivered("chat.postMessage"))
    attempts = fake.attempts("chat.postMessage")
    expected = {ANNOUNCE, *users}
    assert set(counts) == expected, f"{name}: {len(expected - set(counts))} target(s) missing"
    assert report.sent == len(expected), report.summary()
    return Run(
        name=name,
        seconds=seconds,
        calls=len(attempts),
        limited=sum(call.status == 429 for call in attempts),
        delivered=len(counts),
        duplicates=sum(count - 1 for count in counts.values()),
        early=len(fake.early),
    )


def main() -> None:
    # The seed's week-before reminder is long past at DUE: its one "skipped" warning per run
    # is correct, and noise here.
    logging.getLogger("bot").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp, running_fake_slack() as fake:
        folder = Path(tmp)
        runs = [
            run("baseline", fake, folder, limited=False, inline_waits=False),
            run("g40bot", fake, folder, limited=True, inline_waits=False),
            run("inline", fake, folder, limited=True, inline_waits=True),
        ]
    baseline = runs[0]
    print(
        f"Fan-out of one reminder to {SUBSCRIBERS:,} subscriber DMs + 1 channel; "
        f"every {EVERY}th chat.postMessage answers 429, Retry-After: {RETRY_AFTER} s."
    )
    print()
    header = (
        f"{'run':<10} {'calls':>6} {'429s':>5} {'delivered':>9} {'dupes':>5} {'early':>5} "
        f"{'wall s':>7} {'floor s':>7} {'wall/floor':>10} {'over baseline s':>15}"
    )
    print(header)
    print("-" * len(header))
    for item in runs:
        ratio = f"{item.seconds / item.floor:.2f}" if item.floor else "-"
        extra = item.seconds - baseline.seconds
        print(
            f"{item.name:<10} {item.calls:>6} {item.limited:>5} {item.delivered:>9} "
            f"{item.duplicates:>5} {item.early:>5} {item.seconds:>7.2f} {item.floor:>7.1f} "
            f"{ratio:>10} {extra:>15.2f}"
        )
    print()
    print(
        "floor = sum of the Retry-After waits the 429s asked for (the least that waiting them "
        "out one after another costs); dupes = messages a target got more than once; early = "
        "retries before the Retry-After had passed."
    )
    ours, inline = runs[1], runs[2]
    print(
        f"g40bot's fan-out needed {ours.seconds - baseline.seconds:.2f} s more than without "
        f"rate limiting for {ours.limited} 429s ({ours.floor:.0f} s of Retry-After); waiting "
        f"inline needed {inline.seconds - baseline.seconds:.2f} s more "
        f"({inline.seconds / ours.seconds:.1f}x g40bot's wall time)."
    )


if __name__ == "__main__":
    main()
