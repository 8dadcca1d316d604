"""Runs the public question table (tests/question_table.py) against the directory built from the
seed: each case is its own test, named class:language:question, so a failure says what kind of
question went wrong. A thread's earlier questions go in as `context`."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from bot.directory import Directory
from bot.reply import render_text
from tests.question_table import CASES, Case, ask, problems, shown
from tests.question_table_extra import EXTRA_CASES


def test_the_table_covers_what_users_ask() -> None:
    """300+ cases, about 40% English, every case classed, ~20 follow-ups, unique ids."""
    assert len(CASES) >= 300
    languages = Counter(case.language for case in CASES)
    assert languages["en"] / len(CASES) >= 0.38
    classes = Counter(case.cls for case in CASES)
    assert classes["follow-up"] >= 20
    assert all(case.cls for case in CASES)
    assert len({str(case) for case in CASES}) == len(CASES), "two cases share an id"


def test_the_extra_table_covers_every_class() -> None:
    """The table written fresh from the seed document asks every kind of question the public
    table does, in both languages, each case once."""
    assert len(EXTRA_CASES) >= 80
    assert {case.cls for case in EXTRA_CASES} == {case.cls for case in CASES}
    assert Counter(case.language for case in EXTRA_CASES)["en"] / len(EXTRA_CASES) >= 0.38
    assert len({str(case) for case in EXTRA_CASES}) == len(EXTRA_CASES), "two cases share an id"


@pytest.mark.parametrize("case", [*CASES, *EXTRA_CASES], ids=str)
def test_answer(directory: Directory, case: Case) -> None:
    reply = ask(directory, case)
    wrong = problems(reply, case)
    assert not wrong, "; ".join(wrong) + "\n--- answer ---\n" + shown(reply)


STANDING_ALONE = [
    case
    for case in [*CASES, *EXTRA_CASES]
    if not case.context and case.kind == "answer" and case.cls != "follow-up"
]


@pytest.mark.parametrize(
    ("before", "case"),
    list(zip([STANDING_ALONE[-1], *STANDING_ALONE[:-1]], STANDING_ALONE, strict=True)),
    ids=lambda value: value.question if isinstance(value, Case) else "",
)
def test_a_question_that_stands_alone_keeps_its_answer_after_another(
    directory: Directory, before: Case, case: Case
) -> None:
    """In a DM, a thread or the console every question comes after another one. A question that
    names its own subject and asks its own thing is not a follow-up: asked right after a
    question about something else (the table's previous case), it gets the same right answer."""
    reply = ask(directory, replace(case, context=(before.question,)))
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


def test_no_answer_speaks_of_the_sheet(directory: Directory) -> None:
    """Members do not know what 'the sheet' is: an answer speaks of 'het overzicht' / 'the
    overview', or says it plainly, in every case of both tables and both languages."""
    jargon = re.compile(r"\bsheet\b", re.IGNORECASE)
    speaking = [
        f"{case}\n{shown(reply)}"
        for case in [*CASES, *EXTRA_CASES]
        for lang in ("nl", "en")
        if jargon.search(
            render_text(reply := directory.answer(case.question, today=case.today, language=lang))
        )
    ]
    assert not speaking, "\n\n".join(speaking[:3])
