"""The contract: every feature works the same on every platform. Each scenario runs on the
console, Slack and Teams through their drivers (tests/contract/drivers.py) — a feature that
passes on one platform and not on another is a failing test here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from tests.contract.drivers import ANNA, STAFF, Driver, rows
from tests.contract.platforms import PLATFORMS, platform_driver
from tests.test_candidacy_console import open_the_window

OPEN = datetime(2026, 6, 5, 10, tzinfo=UTC)
MORE = "Meer hierover"  # the button under a narrow answer; the console says to type 'meer'

AFTER_THE_DEADLINE = datetime(2026, 6, 15, 10, tzinfo=UTC)
GOOD: dict[str, str | bool] = {
    "role": "pijlervoorzitter-fysiek",
    "name": "Anna de Vries",
    "email": "anna@almere.nl",
    "municipality": "Almere",
    "office": "wethouder",
    "motivation": "Ik wil de pijler Fysiek verder brengen met de steden samen.",
    "confirmed": True,
}


@pytest.fixture(params=PLATFORMS)
def closed(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Driver]:
    """A platform on the seed, whose candidacy dates are not known yet."""
    with platform_driver(request.param, tmp_path) as driver:
        yield driver


@pytest.fixture(params=PLATFORMS)
def driver(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Driver]:
    """A platform on the seed, the candidacy window open (1 to 14 June 2026), on 5 June."""
    with (
        time_machine.travel(OPEN, tick=True),
        platform_driver(request.param, tmp_path, prepare=open_the_window) as driver,
    ):
        yield driver


def mine(driver: Driver, user: str = ANNA) -> list[dict[str, object]]:
    return [row for row in rows(driver.workbook) if row["platform"] == driver.name]


def test_a_question_is_answered_from_the_sheet(closed: Driver) -> None:
    seen = closed.say("wie heeft Europa?")
    assert "eerste vicevoorzitter" in seen.text and "g.looman@enschede.nl" in seen.text


def test_an_unclear_question_offers_its_readings_and_answers_the_one_chosen(
    closed: Driver,
) -> None:
    offered = closed.say("vice")
    assert "Wat bedoel je?" in offered.text
    assert "mlangendijk@haarlem.nl" not in offered.text  # no reading is answered unasked
    chosen = closed.press("ask", label="Tweede vicevoorzitter")
    assert "Tweede vicevoorzitter" in chosen.text and "mlangendijk@haarlem.nl" in chosen.text
    assert "Wat bedoel je?" not in chosen.text


def test_a_narrow_answer_offers_the_full_card(closed: Driver) -> None:
    narrow = closed.say("wie is de voorzitter?")
    assert "Woordvoerder" not in narrow.text and "woordvoerder" not in narrow.text
    full = closed.press("ask", label=MORE)
    assert "woordvoerder van de G40" in full.text


def test_help_says_what_the_bot_does_and_offers_the_candidacy_form(closed: Driver) -> None:
    seen = closed.say("help")
    assert "Wat kan g40bot?" in seen.text
    assert "candidacy" in [kind for kind, _ in seen.buttons]


def test_a_closed_window_names_the_contact_and_opens_no_form(closed: Driver) -> None:
    seen = closed.say("kandidaat")
    assert "nog niet bekend" in seen.text and "Marc Jaarsma" in seen.text
    assert not seen.form_open


def test_a_candidacy_is_submitted_written_and_receipted(driver: Driver) -> None:
    seen = driver.submit(GOOD)
    assert "Kandidatuur ontvangen" in seen.text
    assert "withdraw" in [kind for kind, _ in seen.buttons]
    [row] = mine(driver)
    assert (row["functie"], row["naam"], row["status"]) == (
        "pijlervoorzitter-fysiek",
        "Anna de Vries",
        "ingediend",
    )


def test_a_wrong_field_is_refused_naming_what_to_fix_and_nothing_is_stored(
    driver: Driver,
) -> None:
    seen = driver.submit({**GOOD, "email": "anna@almere"})
    assert "'anna@almere' is geen geldig e-mailadres" in seen.errors.get("email", "")
    assert "Kandidatuur ontvangen" not in seen.text
    assert mine(driver) == []


def test_a_second_candidacy_replaces_the_first_only_when_confirmed(driver: Driver) -> None:
    driver.submit(GOOD)
    refused = driver.submit({**GOOD, "office": "burgemeester"}, replace=False)
    replaced = driver.submit({**GOOD, "office": "burgemeester"}, replace=True)

    assert "Je hebt al een kandidatuur voor Pijlervoorzitter Fysiek" in refused.text
    assert "Deze kandidatuur vervangt je eerdere" in replaced.text
    assert [(r["status"], r["huidige_functie"]) for r in mine(driver)] == [
        ("vervangen", "wethouder"),
        ("ingediend", "burgemeester"),
    ]


def test_a_candidacy_is_withdrawn_before_the_deadline(driver: Driver) -> None:
    driver.submit(GOOD)
    offered = driver.say("intrekken")
    withdrawn = driver.press("withdraw")

    assert "Pijlervoorzitter Fysiek" in offered.text
    assert "is ingetrokken" in withdrawn.text
    assert [r["status"] for r in mine(driver)] == ["ingetrokken"]


def test_a_withdraw_button_pressed_after_the_deadline_withdraws_nothing_and_says_so(
    driver: Driver,
) -> None:
    """The receipt's button is still there after the deadline; pressing it must not read as
    if the candidacy was withdrawn."""
    driver.submit(GOOD)
    with time_machine.travel(AFTER_THE_DEADLINE, tick=True):
        refused = driver.press("withdraw")

    assert "De kandidaatstelling is gesloten (de laatste dag was zondag 14 juni" in refused.text
    assert "Kandidatuur ingetrokken" not in refused.text
    assert [r["status"] for r in mine(driver)] == ["ingediend"]


def test_the_overview_of_all_candidacies_is_for_staff_only(driver: Driver) -> None:
    driver.submit(GOOD)
    refused = driver.say("kandidaten")
    shown = driver.say("kandidaten", user=STAFF)

    assert "alleen voor het secretariaat" in refused.text and "Anna de Vries" not in refused.text
    assert "Anna de Vries" in shown.text and "anna@almere.nl" in shown.text
    assert "1 lopende kandidatuur." in shown.text


def test_reminders_switch_on_and_off(closed: Driver) -> None:
    on = closed.say("herinneringen aan")
    off = closed.say("herinneringen uit")
    assert "Herinneringen staan aan" in on.text and "Herinneringen staan uit" in off.text


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("zet herinneringen aan", "Herinneringen staan aan"),
        ("herinneringen uitzetten", "Herinneringen staan uit"),
        ("herinneringen aanzetten", "Herinneringen staan aan"),
        ("turn reminders on", "Reminders are on"),
        ("switch reminders off", "Reminders are off"),
    ],
)
def test_reminders_switch_as_people_say_it(closed: Driver, said: str, shown: str) -> None:
    """The bot's own answer says "Aanzetten: …; uitzetten: …": people answer in those words."""
    assert shown in closed.say(said).text


def test_a_question_without_an_answer_counts_each_time_it_is_asked(closed: Driver) -> None:
    """Staff see the most asked unanswered questions first: every asking counts, on every
    platform (Slack answers a repeated /g40 question from a cache of rendered answers)."""
    for _ in range(3):
        closed.say("waar is de koffieautomaat?")
    shown = closed.say("onbeantwoord", user=STAFF)
    assert "3× 'waar is de koffieautomaat?'" in shown.text


def test_a_reading_picked_counts_for_staff(closed: Driver) -> None:
    """Which reading people pick is the strongest hint of a missing alias: staff see it, on
    every platform (the console types the number, Slack and Teams press the button)."""
    closed.say("vice")
    closed.press("ask", label="Tweede vicevoorzitter")
    shown = closed.say("onbeantwoord", user=STAFF)
    assert "1× 'vice'" in shown.text
    assert "1× een lezing gekozen" in shown.text
    assert "Tweede vicevoorzitter" in shown.text


@pytest.mark.parametrize(
    ("before", "typed", "shown"),
    [
        ("wie heeft Europa?", "2", "Er staat geen keuze open"),
        ("", "meer", "Meer waarover? Stel eerst je vraag"),
    ],
)
def test_a_number_or_more_with_nothing_before_it_says_how_to_ask(
    closed: Driver, before: str, typed: str, shown: str
) -> None:
    """Typed where nothing was offered (after an answer without choices; 'meer' as the first
    words): how to ask instead, not "dat weet ik niet"; and nothing on staff's list."""
    if before:
        closed.say(before)
    seen = closed.say(typed)
    assert shown in seen.text and "Dat weet ik niet" not in seen.text
    listed = closed.say("onbeantwoord", user=STAFF)
    assert f"'{typed}'" not in listed.text


def test_each_reading_is_offered_once(closed: Driver) -> None:
    """The readings of an unclear question are its buttons (numbered on the console); the
    same questions are not offered a second time as 'Probeer ook' or as more buttons."""
    seen = closed.say("vice")
    assert "Probeer ook" not in seen.text
    assert len([kind for kind, _ in seen.buttons if kind == "ask"]) <= 3


def test_help_lists_its_examples_once(closed: Driver) -> None:
    """The help's examples are its bullets; text does not repeat them under 'Probeer ook'."""
    seen = closed.say("help")
    assert "• wie heeft Europa?" in seen.text
    assert "Probeer ook" not in seen.text
