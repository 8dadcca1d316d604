"""Whatever users type, they get a polite answer in their language, never a traceback; and no
answer names a person or e-mail address that the sheet does not hold."""

from __future__ import annotations

import copy
import re

import pytest

from bot.directory import Directory
from bot.models import RawCell, Snapshot, build_snapshot
from bot.reply import render_text
from tests.conftest import AFTER_RETURN, BEFORE_RETURN
from tests.test_questions import CASES

NASTY = [
    "",
    "   ",
    "?",
    "x" * 10_000,
    "wie heeft Europa? " * 600,
    "wie\x00heeft\x07Europa\x1b[31m?",
    "🙂🙂🙂",
    "wie heeft 🇪🇺 Europa 🙂?",
    '=HYPERLINK("http://evil","klik")',
    "+31612345678",
    "@voorzitter",
    "'; DROP TABLE kandidaturen; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "{{7*7}} ${7*7}",
    "\u202ewie heeft Europa",
    "wie heeft " + "ab " * 300,
]


@pytest.mark.parametrize("question", NASTY, ids=lambda q: repr(q[:30]))
def test_nasty_input_gets_a_polite_answer(directory: Directory, question: str) -> None:
    reply = directory.answer(question, today=AFTER_RETURN)
    text = render_text(reply)
    assert reply.title
    assert "Traceback" not in text
    assert len(text) < 4_000


def test_a_very_long_question_is_answered_from_its_start(directory: Directory) -> None:
    reply = directory.answer("wie heeft Europa? " + "bla " * 3_000, today=AFTER_RETURN)
    text = render_text(reply)
    assert "Eerste vicevoorzitter" in text
    assert "alleen het begin gelezen" in text


def test_control_characters_do_not_hide_the_question(directory: Directory) -> None:
    text = render_text(directory.answer("wie\x00heeft\x07Europa?", today=AFTER_RETURN))
    assert "linking pin" in text


SEED_PEOPLE = [
    "Marc Jaarsma",
    "Gerdien Looman",
    "Marleen Langendijk",
    "Lotus van Nes",
    "Marjolein Koningen",
    "Tjeerd Leistra",
]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def without_people(seed: dict[str, list[list[RawCell]]]) -> Snapshot:
    """The seed with the Personen tab emptied (header kept) and every reference to it cleared."""
    tabs = copy.deepcopy(seed)
    tabs["Personen"] = tabs["Personen"][:1]
    for tab, columns in {"Functies": ("houder", "meer_info"), "Planning": ("contact",)}.items():
        header = [str(c) for c in tabs[tab][0]]
        for row in tabs[tab][1:]:
            for column in columns:
                row[header.index(column)] = ""
    return build_snapshot(tabs)


@pytest.mark.parametrize("today", [BEFORE_RETURN, AFTER_RETURN])
def test_no_answer_names_a_person_the_sheet_does_not_hold(
    seed: dict[str, list[list[RawCell]]], today: object
) -> None:
    snapshot = without_people(seed)
    assert snapshot.problems == ()
    directory = Directory.of(snapshot)
    for case in CASES:
        text = render_text(directory.answer(case.question, today=case.today))
        for name in SEED_PEOPLE:
            assert name not in text, f"{case.question!r} names {name}"
        assert not EMAIL.findall(text), f"{case.question!r} gives {EMAIL.findall(text)}"


def test_every_email_in_an_answer_is_in_the_sheet(snapshot: Snapshot, directory: Directory) -> None:
    known = {p.email for p in snapshot.people.values()} | {
        p.stand_in for p in snapshot.people.values() if p.stand_in
    }
    for case in CASES:
        for address in EMAIL.findall(
            render_text(directory.answer(case.question, today=case.today))
        ):
            assert address in known, f"{case.question!r} invents {address}"
