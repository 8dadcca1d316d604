"""Google Sheets cost of the answer path and of a refresh, against the fake Sheets v4 API that
the tests use (real gspread + google-auth, HTTP intercepted in-process by `responses`).

Prints: Sheets requests per 1,000 questions and per hour at the default refresh interval, and
the refresh time of a sheet with 10,000 candidacy rows beside the seed-sized sheet, in one run.

    .venv/bin/python benchmarks/sheets.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import responses

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.handlers.ask import AskHandler
from bot.models import Candidacy, RawCell, build_snapshot
from bot.settings import Settings
from bot.sheets import (
    GoogleWorkbook,
    SnapshotSource,
    load_seed,
    service_account_credentials,
)
from tests.fake_sheets import FakeSheets, service_account_key

QUESTIONS = [
    "wie heeft Europa?",
    "who holds Europa?",
    "contact pijler Fysiek",
    "wat doet de voorzitter?",
]
DAY = date(2026, 6, 1)


def candidacy_rows(count: int) -> list[list[RawCell]]:
    start = datetime(2026, 6, 1, 9, 0)
    return [
        [
            f"sub-{number:05d}",
            start + timedelta(minutes=number),
            "voorzitter",
            f"Kandidaat {number}",
            "Almere",
            "wethouder",
            f"kandidaat{number}@almere.nl",
            "Ik wil graag bijdragen aan het G40-bestuur. " * 4,
            "slack",
            f"U{number:08d}",
            "ingediend",
            "",
        ]
        for number in range(count)
    ]


def refresh_seconds(candidacies: int, key_json: str, repeats: int = 5) -> tuple[float, int]:
    seed = load_seed()
    seed["Kandidaturen"] = [seed["Kandidaturen"][0], *candidacy_rows(candidacies)]
    fake = FakeSheets()
    fake.load(seed)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        fake.install(mock)
        workbook = GoogleWorkbook.from_service_account(
            fake.spreadsheet_id, service_account_credentials(key_json=key_json)
        )
        source = SnapshotSource(workbook)
        source.current()  # token fetch and first read out of the timing
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            snapshot = source.reload()
            timings.append(time.perf_counter() - started)
        assert len(snapshot.candidacies) == candidacies and not snapshot.errors
        return statistics.median(timings), fake.count("batchGet") // (repeats + 1)


def main() -> None:
    key_json = service_account_key()
    fake = FakeSheets()
    fake.load(load_seed())
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        fake.install(mock)
        workbook = GoogleWorkbook.from_service_account(
            fake.spreadsheet_id, service_account_credentials(key_json=key_json)
        )
        source = SnapshotSource(workbook)
        handler = AskHandler(source)
        source.current()
        before = fake.count()
        for number in range(1000):
            handler.ask(QUESTIONS[number % len(QUESTIONS)], today=DAY)
        per_thousand = fake.count() - before
        before = fake.count()
        source.reload()
        per_refresh = fake.count() - before

    interval = Settings.model_fields["refresh_seconds"].default
    per_hour = per_refresh * 3600 / interval
    print(f"Sheets requests per 1,000 questions:        {per_thousand}")
    print(f"Sheets requests per refresh:                {per_refresh} (values.batchGet)")
    print(
        f"Sheets requests per hour at {interval:.0f} s refresh:    {per_hour:.0f} "
        f"(quota: 60 reads/min per service account = 3,600/hour -> {per_hour / 36:.1f}%)"
    )

    seed_time, _ = refresh_seconds(0, key_json)
    big_time, requests_per_refresh = refresh_seconds(10_000, key_json)
    seed_parse = _build_only(0)
    big_parse = _build_only(10_000)
    print()
    print("refresh (median of 5): HTTP to the in-process fake + JSON + validation")
    print(f"  seed-sized sheet (0 candidacies):   {seed_time * 1000:7.1f} ms")
    print(
        f"  10,000 candidacy rows:              {big_time * 1000:7.1f} ms  "
        f"({big_time / seed_time:.1f}x the seed, {requests_per_refresh} request per refresh)"
    )
    print("  of which build_snapshot (validation) alone:")
    print(f"    seed {seed_parse * 1000:.1f} ms, 10,000 rows {big_parse * 1000:.1f} ms")


def _build_only(candidacies: int) -> float:
    seed = load_seed()
    seed["Kandidaturen"] = [Candidacy.columns(), *candidacy_rows(candidacies)]
    started = time.perf_counter()
    build_snapshot(seed)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
