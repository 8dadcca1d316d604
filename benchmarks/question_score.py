"""Score of the answer engine on the question tables, by class and by language.

    .venv/bin/python benchmarks/question_score.py [--failures] [--only v2|extra|v1|seed]

Runs the public table (tests/question_table.py, "v2"), the table written fresh from the seed
document (tests/question_table_extra.py, "extra"), the first table
(tests/test_questions.py, "v1", scored as one class) and the seed-sentence questions
(tests/seed_coverage.py, "seed", classed by the tab that holds the sentence) against the
directory built from the seed,
and prints right/total per class and per language. --failures lists every wrong case with what
is wrong and the first lines of the answer.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.directory import Directory
from bot.models import build_snapshot
from bot.sheets import load_seed
from tests import test_questions
from tests.question_table import CASES, Case, ask, problems, shown
from tests.question_table_extra import EXTRA_CASES
from tests.seed_coverage import SEED


def first_table() -> list[Case]:
    """The v1 table in the v2 format: one class, Dutch unless marked English."""
    return [
        Case(
            old.question,
            old.must,
            old.must_not,
            cls="v1",
            language=old.language or "nl",
            kind=old.kind,
            today=old.today,
        )
        for old in test_questions.CASES
    ]


def seed_table() -> list[Case]:
    """The seed-sentence questions (tests/seed_coverage.py), classed by the tab that holds
    the sentence: every fact of the sentence must be in the answer."""
    return [
        Case(s.question, s.facts, cls=f"seed:{s.tab}", language=s.language, kind=None) for s in SEED
    ]


def score(
    directory: Directory, cases: Iterable[Case]
) -> tuple[list[tuple[Case, list[str], str]], dict[str, list[int]], dict[str, list[int]]]:
    failures = []
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        try:
            reply = ask(directory, case)
        except Exception as error:  # an engine without `context` fails that case, not the run
            wrong, answer = [f"{type(error).__name__}: {error}"], ""
        else:
            wrong, answer = problems(reply, case), shown(reply)
        for tally in (by_class[case.cls], by_language[case.language]):
            tally[1] += 1
            tally[0] += not wrong
        if wrong:
            failures.append((case, wrong, answer))
    return failures, by_class, by_language


def table(title: str, rows: dict[str, list[int]]) -> list[str]:
    right = sum(r for r, _ in rows.values())
    total = sum(t for _, t in rows.values())
    lines = [f"{title:<16} {'right':>5} / {'total':<5}  share"]
    for name, (r, t) in sorted(rows.items(), key=lambda item: item[1][0] / item[1][1]):
        lines.append(f"  {name:<14} {r:>5} / {t:<5}  {r / t:6.1%}")
    lines.append(f"  {'all':<14} {right:>5} / {total:<5}  {right / total:6.1%}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every wrong case")
    parser.add_argument("--only", choices=("v1", "v2", "extra", "seed"), help="score one table")
    options = parser.parse_args(argv)
    directory = Directory.of(build_snapshot(load_seed()))
    tables = {"v2": CASES, "extra": EXTRA_CASES, "v1": first_table(), "seed": seed_table()}
    for name, cases in tables.items():
        if options.only and name != options.only:
            continue
        failures, by_class, by_language = score(directory, cases)
        print(f"== table {name}: {len(cases)} cases")
        print("\n".join(table("class", by_class)))
        print("\n".join(table("language", by_language)))
        if options.failures:
            for case, wrong, answer in failures:
                print(f"\n✗ {case}\n  {'; '.join(wrong)}")
                print("  " + "\n  ".join(answer.splitlines()[:6]))
        print()


if __name__ == "__main__":
    main()
