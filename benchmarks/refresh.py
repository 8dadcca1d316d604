"""Questions right after a save: latency while the workbook is read again.

    .venv/bin/python benchmarks/refresh.py [--rows 10000] [--questions 20] [--rounds 5]

A local workbook with 10,000 candidacy rows is saved (its file time changes), then 20
questions arrive at once; per question the time to its answer, over several rounds, and how
many times the workbook was read per save. Two ways to read, side by side in one run:

- inline: the console and one-shot commands: the first question after a save reads the
  workbook (single-flight: the others wait for that one read), so it sees the saved edit;
- serving: the Slack and Teams servers: the source's own thread reads while every question
  is answered from the current snapshot.

`--modes inline` alone runs on a checkout from before single-flight reading too (each waiting
question then read the workbook itself), for the figure before the change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer import with_candidacies

from bot.handlers.ask import AskHandler
from bot.models import RawCell
from bot.sheets import LocalWorkbook, SnapshotSource, load_seed

QUESTION = "wie heeft Europa?"


class CountingWorkbook(LocalWorkbook):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.reads = 0

    def read(self) -> dict[str, list[list[RawCell]]]:
        self.reads += 1
        return super().read()


def source_for(book: LocalWorkbook, mode: str) -> SnapshotSource:
    if mode == "inline":
        return SnapshotSource(book)
    return SnapshotSource(book, answer_while_reading=True).start(3600)


def save(path: Path) -> None:
    """What a save looks like to the bot: a new file time (the content is read in full)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def one_round(book: CountingWorkbook, source: SnapshotSource, questions: int) -> list[float]:
    handler = AskHandler(source)
    handler.ask(QUESTION)
    before = source.current()
    book.reads = 0
    start = threading.Barrier(questions)
    latencies: list[float] = []
    lock = threading.Lock()

    def ask() -> None:
        start.wait()
        began = time.perf_counter()
        handler.ask(QUESTION)
        elapsed = time.perf_counter() - began
        with lock:
            latencies.append(elapsed)

    save(book.path)
    askers = [threading.Thread(target=ask) for _ in range(questions)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    # The read the save started is done (a new snapshot) before the next round.
    while source.current() is before:
        time.sleep(0.01)
    return latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--modes", default="inline,serving")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "werkboek.xlsx"
        LocalWorkbook(path).write_tabs(with_candidacies(load_seed(), options.rows))
        book = CountingWorkbook(path)
        started = time.perf_counter()
        book.read()
        read_seconds = time.perf_counter() - started
        print(
            f"{options.rows} candidacy rows; one read of the workbook takes {read_seconds:.2f} s. "
            f"{options.questions} questions at once right after each save, "
            f"{options.rounds} rounds.\n"
        )
        print(f"{'mode':<10}{'p50':>10}{'p99':>10}{'max':>10}{'reads per save':>17}")
        for mode in options.modes.split(","):
            source = source_for(book, mode)
            try:
                latencies: list[float] = []
                reads: list[int] = []
                for _ in range(options.rounds):
                    latencies += one_round(book, source, options.questions)
                    reads.append(book.reads)
            finally:
                close = getattr(source, "close", None)
                if close is not None:
                    close()
            print(
                f"{mode:<10}{statistics.median(latencies) * 1e3:>8.1f}ms"
                f"{percentile(latencies, 0.99) * 1e3:>8.1f}ms{max(latencies) * 1e3:>8.1f}ms"
                f"{statistics.fmean(reads):>17.1f}"
            )


if __name__ == "__main__":
    main()
