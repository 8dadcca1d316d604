"""Start-up benchmark: how long a `g40bot` command takes, as an operator feels it.

    .venv/bin/python benchmarks/startup.py [--rounds 30] [--imports]

Each command runs in a fresh process, `--rounds` times, interleaved (every round runs every
command once, in a new random order), so a busy machine slows all of them alike. The baseline is
`python -c "import pydantic"`: the floor of any g40bot command, which validates its settings and
sheet with pydantic. Printed: the median and p90 wall time of each command, the ratio of its
median to the baseline's, and the median of the per-round ratios (the steadiest figure on a
shared machine); budgets (docs: DESIGN.md, issue 11) are checked both ways and flagged.

`ask` and `check-sheet` run as a newcomer's would after the first one: HOME and XDG_DATA_HOME
point to a temporary directory, where the warm-up run creates the workbook from config/seed;
no G40_ or other g40bot setting of the user's is passed on.

`--imports` adds, per command, the packages that cost most to import (`python -X importtime`,
cumulative, one run), to see what a command loads that it does not need.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Command:
    name: str
    argv: list[str]
    seconds: float | None = None  # budget in seconds on the reference machine
    ratio: float | None = None  # budget as a multiple of the baseline


def g40bot() -> list[str]:
    """The installed console script next to this interpreter, as an operator runs it."""
    script = Path(sys.executable).with_name("g40bot")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from bot.cli import run; run()"]


def commands() -> list[Command]:
    bot = g40bot()
    return [
        Command("import pydantic", [sys.executable, "-c", "import pydantic"]),
        Command("g40bot --help", [*bot, "--help"], seconds=0.3, ratio=2.5),
        Command("g40bot ask", [*bot, "ask", "wie heeft Europa?"], seconds=0.6, ratio=4.5),
        Command("g40bot check-sheet", [*bot, "check-sheet"]),
    ]


def isolated_environment(folder: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("G40_", "SLACK_", "GOOGLE_", "CONNECTIONS__"))
        and key not in ("PORT", "DATABASE_URL")
    }
    env.update(HOME=str(folder), XDG_DATA_HOME=str(folder / "data"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as an installed g40bot has
    return env


def run_once(command: Command, env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command.argv, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    # check-sheet exits 1 when the sheet has errors; anything else is a broken command.
    allowed = (0, 1) if "check-sheet" in command.name else (0,)
    if done.returncode not in allowed:
        raise SystemExit(f"{command.name} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def import_costs(command: Command, env: dict[str, str], cwd: Path, top: int) -> None:
    """The packages whose own modules took longest to import (self time, -X importtime)."""
    argv = command.argv
    if not argv[0].endswith("python") and not argv[0].startswith(sys.executable):
        argv = [sys.executable, "-c", "from bot.cli import run; run()", *argv[1:]]
    done = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]], env=env, cwd=cwd, capture_output=True, text=True
    )
    costs: dict[str, int] = defaultdict(int)
    line = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)")
    for match in line.finditer(done.stderr):
        costs[match[2].split(".")[0]] += int(match[1])
    total = sum(costs.values())
    print(f"\n{command.name}: {total / 1000:.0f} ms of imports; the largest:")
    for module, micros in sorted(costs.items(), key=lambda item: -item[1])[:top]:
        print(f"  {micros / 1000:7.1f} ms  {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--imports", action="store_true", help="show import costs per command")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = isolated_environment(folder)
        runs = commands()
        baseline, measured = runs[0], runs[1:]
        for command in runs:  # warm-up: seeds the workbook, fills the OS file cache
            run_once(command, env, folder)
        times: dict[str, list[float]] = {command.name: [] for command in runs}
        for _ in range(options.rounds):
            order = random.sample(runs, len(runs))
            for command in order:
                times[command.name].append(run_once(command, env, folder))
        if options.imports:
            for command in runs:
                import_costs(command, env, folder, top=12)

    base = statistics.median(times[baseline.name])
    print(f"\nstart-up, {options.rounds} rounds interleaved, load {os.getloadavg()[0]:.1f}")
    print(f"  {'command':<20} {'median':>8} {'p90':>8} {'ratio':>7} {'per round':>10}  budget")
    print(f"  {baseline.name:<20} {base * 1000:6.0f}ms {p90(times[baseline.name]) * 1000:6.0f}ms")
    over = False
    for command in measured:
        own = times[command.name]
        median = statistics.median(own)
        ratio = median / base
        paired = statistics.median(
            mine / floor for mine, floor in zip(own, times[baseline.name], strict=True)
        )
        verdicts = []
        if command.seconds is not None:
            fits = median <= command.seconds
            verdicts.append(f"{command.seconds:.1f} s {'OK' if fits else 'OVER'}")
            over |= not fits
        if command.ratio is not None:
            fits = paired <= command.ratio
            verdicts.append(f"{command.ratio:.1f}x {'OK' if fits else 'OVER'}")
            over |= not fits
        print(
            f"  {command.name:<20} {median * 1000:6.0f}ms {p90(own) * 1000:6.0f}ms "
            f"{ratio:6.2f}x {paired:9.2f}x  {', '.join(verdicts) or '-'}"
        )
    if over:
        print("  OVER budget: see --imports for what the slow command loads.")


if __name__ == "__main__":
    main()
