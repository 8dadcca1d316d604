"""Runs the public question table (tests/question_table.py) against the directory built from the
seed: each case is its own test, named class:language:question, so a failure says what kind of
question went wrong. A thread's earlier questions go in as `context`."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.directory import Directory
from tests.question_table import CASES, Case, ask, problems, shown


def test_the_table_covers_what_users_ask() -> None:
    """300+ cases, about 40% English, every case classed, ~20 follow-ups, unique ids."""
    assert len(CASES) >= 300
    languages = Counter(case.language for case in CASES)
    assert languages["en"] / len(CASES) >= 0.38
    classes = Counter(case.cls for case in CASES)
    assert classes["follow-up"] >= 20
    assert all(case.cls for case in CASES)
    assert len({str(case) for case in CASES}) == len(CASES), "two cases share an id"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_answer(directory: Directory, case: Case) -> None:
    reply = ask(directory, case)
    wrong = problems(reply, case)
    assert not wrong, "; ".join(wrong) + "\n--- answer ---\n" + shown(reply)


def test_the_table_names_only_addresses_from_the_seed() -> None:
    """A typo in an expected e-mail address would make a right answer fail."""
    seed = Path(__file__).resolve().parent.parent / "config" / "seed" / "Personen.csv"
    known = set(re.findall(r"[\w.-]+@[\w.-]+", seed.read_text(encoding="utf-8")))
    expected = {
        address
        for case in CASES
        for fact in (*case.must, *case.must_not, *case.order)
        for address in re.findall(r"[\w.-]+@[\w.-]+", fact)
    }
    assert expected <= known, expected - known
