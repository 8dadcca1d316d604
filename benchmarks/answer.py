"""Answer-path and index-build benchmark.

    .venv/bin/python benchmarks/answer.py

1. Time per answer over every question table — the first table (tests/test_questions.py), the
   public table (tests/question_table.py, follow-ups with their thread), the table written fresh
   from the seed (tests/question_table_extra.py) and the seed-sentence questions
   (tests/seed_coverage.py) — each question asked once, on a directory that has never
   seen it: p50, p99 and the worst. Budget: p99 <= 1 ms. Then the same questions asked again
   (the steady state of a running bot), against a baseline run side by side: only splitting
   the question into folded words (bot.text.words), the floor of any handling of free text.
2. The rebuild after a sheet edit: snapshot and directory (name index, passages, BM25 index)
   from raw rows with one task line changed, as every refresh after an edit does.
3. Snapshot build time for a workbook with 10,000 candidacy rows, against the seed-sized
   workbook: from raw rows (what every refresh does) and from the .xlsx file on disk.
"""

from __future__ import annotations

import copy
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.directory import Directory
from bot.i18n import EXAMPLES
from bot.models import Candidacy, RawCell, build_snapshot
from bot.sheets import LocalWorkbook, load_seed
from bot.text import words
from tests import question_table, question_table_extra, test_questions
from tests.seed_coverage import SEED

ROUNDS = 20
BUDGET_P99_US = 1000.0
TODAY = date(2026, 6, 1)

Asked = tuple[str, tuple[str, ...]]


def all_questions() -> list[Asked]:
    asked: list[Asked] = [(case.question, ()) for case in test_questions.CASES]
    asked += [(case.question, case.context) for case in question_table.CASES]
    asked += [(case.question, case.context) for case in question_table_extra.EXTRA_CASES]
    asked += [(sentence.question, ()) for sentence in SEED]
    return asked


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def percentiles(timings: Sequence[float]) -> tuple[float, float, float]:
    ordered = sorted(timings)
    return (
        statistics.median(ordered) * 1e6,
        ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e6,
        ordered[-1] * 1e6,
    )


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


def edited(tabs: Tabs) -> Tabs:
    """The seed with one task line of the first role rewritten, as staff would."""
    changed = copy.deepcopy(tabs)
    header = [str(cell) for cell in changed["Functies"][0]]
    column = header.index("taken")
    changed["Functies"][1][column] = str(changed["Functies"][1][column]) + "\nNieuwe taak."
    return changed


def best_of(repeats: int, function: Callable[[], object]) -> float:
    return min(timed(function) for _ in range(repeats))


def main() -> None:
    seed = load_seed()
    asked = all_questions()

    # Each question once, on a fresh directory: none of them was asked before. The help
    # examples go first, so that lazy imports (babel's locale data) are not charged to a
    # table question.
    directory = Directory.of(build_snapshot(seed))
    for example in (*EXAMPLES["nl"], *EXAMPLES["en"]):
        directory.answer(example, today=TODAY)
    # What bot/handlers/ask.py does after each rebuild: the long-lived indexes out of the
    # cyclic collector's scans.
    gc.collect()
    gc.freeze()
    first = [timed(lambda q=q, c=c: directory.answer(q, today=TODAY, context=c)) for q, c in asked]
    p50, p99, worst = percentiles(first)
    verdict = "OK" if p99 <= BUDGET_P99_US else "OVER"
    print(f"answers: {len(asked)} questions from every table, each asked once (not asked before)")
    print(f"  answer          p50 {p50:7.0f} µs   p99 {p99:7.0f} µs   worst {worst:7.0f} µs")
    print(f"  budget p99 {BUDGET_P99_US:.0f} µs: {verdict}")

    again = [
        timed(lambda q=q, c=c: directory.answer(q, today=TODAY, context=c))
        for _ in range(ROUNDS)
        for q, c in asked
    ]
    floor = [timed(lambda q=q: words(q)) for _ in range(ROUNDS) for q, _ in asked]
    p50, p99, _ = percentiles(again)
    base50, base99, _ = percentiles(floor)
    print(f"  asked again ({ROUNDS} rounds, the steady state of a running bot)")
    print(f"  answer          p50 {p50:7.0f} µs   p99 {p99:7.0f} µs")
    print(f"  words only      p50 {base50:7.1f} µs   p99 {base99:7.1f} µs")
    # On a shared machine a time slice taken by another process lands on ~1% of the calls;
    # each question's fastest of its rounds is its own cost, without that noise.
    own = [min(again[n :: len(asked)]) for n in range(len(asked))]
    p50, p99, worst = percentiles(own)
    print(f"  each question's own cost (fastest of its {ROUNDS} rounds)")
    print(f"  answer          p50 {p50:7.0f} µs   p99 {p99:7.0f} µs   worst {worst:7.0f} µs")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    changed = edited(seed)
    rebuild = best_of(5, lambda: Directory.of(build_snapshot(changed)))
    index_only = build_snapshot(changed)
    index = best_of(5, lambda: Directory.of(index_only))
    print("rebuild after a sheet edit (one task line changed)")
    print(f"  snapshot + directory          {rebuild * 1000:8.1f} ms")
    print(f"  directory (indexes) alone     {index * 1000:8.1f} ms")

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
