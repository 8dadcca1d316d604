"""Answer-path and snapshot-build benchmark.

    .venv/bin/python benchmarks/answer.py

1. Time per answer over the question table (tests/test_questions.py), mean and p99, against a
   baseline run side by side: only splitting the question into folded words (bot.text.words),
   the floor of any handling of free text.
2. Snapshot build time for a workbook with 10,000 candidacy rows, against the seed-sized
   workbook: from raw rows (what every refresh does) and from the .xlsx file on disk.
"""

from __future__ import annotations

import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.directory import Directory
from bot.models import Candidacy, RawCell, build_snapshot
from bot.sheets import LocalWorkbook, load_seed
from bot.text import words
from tests.test_questions import CASES

ROUNDS = 20


def per_call(function: Callable[[str], object], arguments: list[str]) -> list[float]:
    timings = []
    for _ in range(ROUNDS):
        for argument in arguments:
            start = time.perf_counter()
            function(argument)
            timings.append(time.perf_counter() - start)
    return timings


def describe(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.fmean(ordered) * 1e6, ordered[int(len(ordered) * 0.99)] * 1e6


Tabs = dict[str, list[list[RawCell]]]


def with_candidacies(tabs: Tabs, count: int) -> Tabs:
    grown = copy.deepcopy(tabs)
    header = Candidacy.columns()
    rows: list[list[RawCell]] = [header]
    for number in range(count):
        rows.append(
            [
                f"sub-{number:06d}",
                "2026-06-01 10:00",
                "voorzitter",
                f"Kandidaat {number}",
                "Almere",
                "wethouder",
                f"kandidaat{number}@almere.nl",
                "Ik wil graag bijdragen. " * 5,
                "slack",
                f"U{number:08d}",
                "ingediend",
                "2026-06-01 10:00",
            ]
        )
    grown["Kandidaturen"] = rows
    return grown


def best_of(repeats: int, function: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    seed = load_seed()
    directory = Directory.of(build_snapshot(seed))
    questions = [case.question for case in CASES]
    today = date(2026, 6, 1)

    answer_times = per_call(lambda q: directory.answer(q, today=today), questions)
    lookup_times = per_call(words, questions)
    mean, p99 = describe(answer_times)
    base_mean, base_p99 = describe(lookup_times)
    print(f"answers: {len(questions)} questions x {ROUNDS} rounds")
    print(f"  answer          mean {mean:8.1f} µs   p99 {p99:8.1f} µs")
    print(f"  words only      mean {base_mean:8.1f} µs   p99 {base_p99:8.1f} µs")
    print(
        f"  ratio           mean {mean / base_mean:8.0f}x    (absolute cost is what matters: "
        f"{mean / 1000:.2f} ms per answer)"
    )
    index_build = best_of(5, lambda: Directory.of(build_snapshot(seed)))
    print(f"  index + snapshot rebuild after a sheet change: {index_build * 1000:.1f} ms")

    big = with_candidacies(seed, 10_000)
    small_raw = best_of(5, lambda: build_snapshot(seed))
    big_raw = best_of(3, lambda: build_snapshot(big))
    print("snapshot build from raw rows (every refresh)")
    print(f"  seed workbook                 {small_raw * 1000:8.1f} ms")
    print(f"  + 10,000 candidacy rows       {big_raw * 1000:8.1f} ms   ", end="")
    print(f"({big_raw / small_raw:.1f}x)")

    with tempfile.TemporaryDirectory() as folder:
        small_book = LocalWorkbook(Path(folder) / "seed.xlsx")
        small_book.write_tabs(seed)
        big_book = LocalWorkbook(Path(folder) / "groot.xlsx")
        big_book.write_tabs(big)
        small_file = best_of(3, lambda: build_snapshot(small_book.read()))
        big_file = best_of(3, lambda: build_snapshot(big_book.read()))
    print("snapshot build from the .xlsx on disk (local backend, after an edit)")
    print(f"  seed workbook                 {small_file * 1000:8.1f} ms")
    verdict = "OK" if big_file < 1 else "OVER"
    print(f"  + 10,000 candidacy rows       {big_file * 1000:8.1f} ms   ", end="")
    print(f"({big_file / small_file:.1f}x)   budget 1000 ms: {verdict}")


if __name__ == "__main__":
    main()
