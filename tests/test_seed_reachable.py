"""Every sentence of "Beschrijving functies G40" can be reached by asking: the question that
tests/seed_coverage.py gives for each sentence, asked through the answer engine as a member
would, gets an answer that holds every fact of the sentence (tests/test_seed_home.py proves
the facts are in the sheet; this proves a member can get them out)."""

from __future__ import annotations

import pytest

from bot.directory import Directory
from bot.reply import render_text
from tests.conftest import AFTER_RETURN
from tests.seed_coverage import SEED, SeedSentence


@pytest.mark.parametrize("sentence", SEED, ids=lambda s: f"{s.tab}:{s.language}:{s.question}")
def test_the_sentence_is_reached_by_its_question(
    directory: Directory, sentence: SeedSentence
) -> None:
    reply = directory.answer(sentence.question, today=AFTER_RETURN)
    text = render_text(reply)
    missing = [fact for fact in sentence.facts if fact.casefold() not in text.casefold()]
    assert not missing, f"{missing} missing from the answer to {sentence.question!r}:\n{text}"
    assert reply.language == sentence.language, text
