"""N processes appending candidacies to one local workbook at once, through the real store and
outbox (tests/write_worker.py, the worker the multiprocess tests use): rows sent (stored and
marked written), rows found in the workbook, found more than once, and the wall time.

    .venv/bin/python benchmarks/appends.py [--processes 1 2 4 6] [--rows 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.sheets import LocalWorkbook, seed_workbook
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent


def run(processes: int, rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        workbook = LocalWorkbook(Path(folder) / "werkboek.xlsx")
        seed_workbook(workbook)
        database = f"sqlite:///{Path(folder) / 'store' / 'g40.sqlite3'}"
        Store(database).close()  # tables first: the figures are about appends
        environment = os.environ | {"G40_WORKBOOK": str(workbook.path), "DATABASE_URL": database}
        workers = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.write_worker", "append", f"p{n}", str(rows)],
                cwd=ROOT,
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for n in range(processes)
        ]
        for worker in workers:
            assert worker.stdout is not None
            worker.stdout.readline()  # ready: started up, waiting for "go"
        started = time.perf_counter()
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        reports = [
            json.loads(worker.communicate()[0].strip().splitlines()[-1]) for worker in workers
        ]
        elapsed = time.perf_counter() - started
        store = Store(database)
        pending = len(store.candidacies.pending_writes())
        store.close()
        found = Counter(str(row[0]) for row in workbook.read_tab("Kandidaturen")[1:] if row)
        return {
            "sent": sum(report["stored"] for report in reports) - pending,
            "found": len(found),
            "doubled": sum(1 for count in found.values() if count > 1),
            "seconds": elapsed,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4, 6])
    parser.add_argument("--rows", type=int, default=10, help="candidacies per process")
    options = parser.parse_args()
    print(
        f"{'processes':>9} {'rows sent':>9} {'rows found':>10} {'doubled':>7} {'time':>7}  per row"
    )
    for processes in options.processes:
        figures = run(processes, options.rows)
        per_row = figures["seconds"] / max(figures["sent"], 1)
        print(
            f"{processes:>9} {figures['sent']:>9.0f} {figures['found']:>10.0f} "
            f"{figures['doubled']:>7.0f} {figures['seconds']:>6.1f}s  {per_row * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
