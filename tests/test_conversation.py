"""The shared conversation layer: one command table and one language rule for every platform."""

from __future__ import annotations

import pytest

from bot.conversation import Intent, command_of, is_help, resolve_language


@pytest.mark.parametrize(
    ("text", "intent", "rest", "language"),
    [
        ("kandidaat", Intent.CANDIDACY, "", "nl"),
        ("Kandidaat stellen!", Intent.CANDIDACY, "", "nl"),
        ("stand as candidate", Intent.CANDIDACY, "", "en"),
        ("mijn kandidaturen", Intent.MINE, "", "nl"),
        ("My candidacies?", Intent.MINE, "", "en"),
        ("intrekken", Intent.WITHDRAW, "", "nl"),
        ("kandidaten tweede vicevoorzitter", Intent.OVERVIEW, "tweede vicevoorzitter", "nl"),
        ("herinneringen aan", Intent.REMINDERS, "aan", "nl"),
        ("reminders off", Intent.REMINDERS, "off", "en"),
        ("herladen", Intent.RELOAD, "", "nl"),
        ("HULP", Intent.HELP, "", "nl"),
        ("help", Intent.HELP, "", None),
    ],
)
def test_every_platform_reads_the_same_command_words(
    text: str, intent: Intent, rest: str, language: str | None
) -> None:
    command = command_of(text)
    assert command is not None
    assert (command.intent, command.rest, command.language) == (intent, rest, language)


@pytest.mark.parametrize(
    "question",
    ["wie is kandidaat voor voorzitter?", "wie heeft Europa?", "what are the reminders about", ""],
)
def test_a_command_word_inside_a_question_is_no_command(question: str) -> None:
    assert command_of(question) is None


def test_help_is_help_only_alone() -> None:
    assert is_help("help") and is_help("hulp?")
    assert not is_help("help me met de voorzitter")


def test_language_chosen_then_words_then_locale_then_dutch() -> None:
    assert resolve_language("wie heeft Europa?", locale="en-US") == "nl"
    assert resolve_language("who holds Europa?", locale="nl-NL") == "en"
    assert resolve_language("Europa", locale="en-GB") == "en"
    assert resolve_language("Europa") == "nl"
    assert resolve_language("who holds Europa?", chosen="nl") == "nl"
