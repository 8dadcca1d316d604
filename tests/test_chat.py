"""The conversation core every platform renders (bot/handlers/chat.py), driven directly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from sqlalchemy.exc import OperationalError

from bot.forms import REPLACE_FIELD, Entered, FormView
from bot.handlers.chat import Person, Response, Submitted, Surface
from bot.reply import Reply, render_text
from bot.runtime import Runtime
from bot.settings import Settings
from bot.sheets import LocalWorkbook, seed_workbook
from tests.test_candidacy_console import open_the_window

SLACK = Surface("slack", prefix="/g40 ", code=True)
TEAMS = Surface("teams")
CONSOLE = Surface("console", buttons=False)
ANNA = Person("slack", "UANNA", name="Anna de Vries", email="anna@almere.nl")
STAFF = Person("slack", "USTAFF", email="secretaris@g40stedennetwerk.nl")
OPEN = datetime(2026, 6, 5, 10, tzinfo=UTC)
GOOD = {
    "role": "pijlervoorzitter-fysiek",
    "name": "Anna de Vries",
    "email": "anna@almere.nl",
    "municipality": "Almere",
    "office": "wethouder",
    "motivation": "Ik wil de pijler Fysiek verder brengen.",
    "confirmed": True,
}


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    workbook = LocalWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(workbook)
    open_the_window(workbook.path)
    settings = Settings(
        _env_file=None,
        G40_WORKBOOK=str(workbook.path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'g40.db'}",
    )
    with time_machine.travel(OPEN, tick=False), Runtime(settings) as made:
        yield made


def reply_of(response: Response) -> Reply:
    assert response.reply is not None
    return response.reply


def text_of(response: Response) -> str:
    return render_text(reply_of(response))


def test_a_question_is_answered_and_a_command_word_inside_it_is_not_a_command(
    runtime: Runtime,
) -> None:
    asked = runtime.chat.turn(ANNA, "wie is er kandidaat voor voorzitter?", SLACK)
    assert asked.form is None and "Verkiesbare functies" in text_of(asked)
    answer = text_of(runtime.chat.turn(ANNA, "wie heeft europa?", SLACK))
    assert "Europa" in answer and "eerste vicevoorzitter" in answer


def test_commands_say_how_to_type_them_on_each_platform(runtime: Runtime) -> None:
    on_slack = text_of(runtime.chat.turn(ANNA, "herinneringen aan", SLACK))
    on_teams = text_of(runtime.chat.turn(ANNA, "reminders off", TEAMS))
    assert "Herinneringen staan aan" in on_slack and "`/g40 herinneringen uit`" in on_slack
    assert "Reminders are off" in on_teams and "type 'reminders on'" in on_teams
    assert runtime.store.subscriptions.get("slack", "UANNA") is not None


def test_staff_only_commands_refuse_others_and_serve_staff(runtime: Runtime) -> None:
    refused = text_of(runtime.chat.turn(ANNA, "kandidaten", SLACK))
    assert "alleen voor het secretariaat" in refused and "`/g40 mijn kandidaturen`" in refused
    served = text_of(runtime.chat.turn(STAFF, "herladen", SLACK))
    assert "Sheet opnieuw gelezen" in served


def test_a_command_word_both_languages_use_answers_in_the_persons_language(
    runtime: Runtime,
) -> None:
    dutch = Person("slack", "UNL", locale="nl-NL")
    english = Person("slack", "UEN", locale="en-GB")
    assert reply_of(runtime.chat.turn(dutch, "help", SLACK)).title == "Wat kan g40bot?"
    assert reply_of(runtime.chat.turn(english, "help", SLACK)).title == "What can g40bot do?"
    assert reply_of(runtime.chat.turn(english, "agenda", SLACK)).language == "en"
    assert reply_of(runtime.chat.turn(english, "hulp", SLACK)).language == "nl"


def test_personal_commands_are_refused_in_a_shared_channel(runtime: Runtime) -> None:
    said = text_of(runtime.chat.turn(ANNA, "kandidaat", TEAMS, personal=False))
    assert "persoonlijke chat" in said and "typ 'kandidaat'" in said


def test_the_form_opens_filled_and_comes_back_with_each_error_under_its_field(
    runtime: Runtime,
) -> None:
    opened = runtime.chat.turn(ANNA, "kandidaat", SLACK).form
    assert opened is not None
    assert {f.name: f.value for f in opened.fields}["email"] == "anna@almere.nl"
    wrong = runtime.chat.submit(
        ANNA, Entered({**GOOD, "email": "geen-adres", "confirmed": False}), "nl", submission_id="k1"
    )
    assert isinstance(wrong, FormView)
    assert set(wrong.errors()) == {"email", "confirmed"}
    assert {f.name: f.value for f in wrong.fields}["motivation"] == GOOD["motivation"]


def test_a_candidacy_that_cannot_be_written_at_once_still_gets_its_receipt(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store busy at the moment of the immediate write (another process holds it): the
    candidacy is stored, the receipt says it is being processed, and the outbox writes it."""
    chat = runtime.chat
    stored = chat.submit(ANNA, Entered(GOOD), "nl", submission_id="k-2026-busy000000")
    assert isinstance(stored, Submitted)
    records = runtime.candidacy.records

    def busy(*_: object, **__: object) -> bool:
        raise OperationalError("UPDATE outbox", {}, Exception("database is locked"))

    with monkeypatch.context() as patched:
        patched.setattr(records, "claim_write", busy)
        landed = chat.deliver(stored.submission.submission_id)
    assert landed is False
    receipt = render_text(chat.receipt(stored, SLACK, landed=landed))
    assert "wordt verwerkt" in receipt
    assert chat.deliver(stored.submission.submission_id) is True  # the next attempt writes it


def test_submit_receipt_replace_and_withdraw(runtime: Runtime) -> None:
    chat = runtime.chat
    first = chat.submit(ANNA, Entered(GOOD), "nl", submission_id="k-2026-first00000")
    assert isinstance(first, Submitted) and not first.repeated
    landed = chat.deliver(first.submission.submission_id)
    receipt = chat.receipt(first, SLACK, landed=landed)
    assert landed and [a.kind for a in receipt.actions] == ["withdraw"]
    assert chat.receipt(first, CONSOLE, landed=landed).actions == ()

    again = chat.submit(ANNA, Entered(GOOD), "nl", submission_id="k-2026-again00000")
    assert isinstance(again, FormView) and again.replace is not None
    refused = chat.submit(
        ANNA, Entered(GOOD, replace=False), "nl", submission_id="k-2026-again00000"
    )
    assert isinstance(refused, FormView) and REPLACE_FIELD in refused.errors()
    replaced = chat.submit(
        ANNA, Entered(GOOD, replace=True), "nl", submission_id="k-2026-again00000"
    )
    assert isinstance(replaced, Submitted) and replaced.replaced == "k-2026-first00000"

    [button] = chat.mine(ANNA, SLACK, "nl").actions
    withdrawn = chat.press(ANNA, button, SLACK, "nl")
    assert "ingetrokken" in text_of(withdrawn) and withdrawn.later is not None
    withdrawn.later()
    assert not runtime.store.candidacies.pending_writes()


def test_staff_see_everyones_candidacies_only_where_nobody_else_reads_along(
    runtime: Runtime,
) -> None:
    in_channel = text_of(runtime.chat.turn(STAFF, "kandidaten", TEAMS, personal=False))
    in_private = text_of(runtime.chat.turn(STAFF, "kandidaten", TEAMS, personal=True))
    assert "persoonlijke chat" in in_channel
    assert "Kandidaturen" in in_private


def test_more_right_after_which_one_do_you_mean_asks_to_pick_first(runtime: Runtime) -> None:
    """In a thread, 'meer' after "Wat bedoel je?" has no one subject: the person is asked to
    pick (by number) instead of getting 'Dat weet ik niet', and staff's list stays clean."""
    chat = runtime.chat
    assert "Wat bedoel je?" in text_of(chat.turn(ANNA, "vice", TEAMS, thread="t"))

    more = text_of(chat.turn(ANNA, "meer", TEAMS, thread="t"))
    picked = text_of(chat.turn(ANNA, "2", TEAMS, thread="t"))

    assert "Kies eerst wat je bedoelt: typ het nummer (1 tot en met 3)" in more
    assert "Dat weet ik niet" not in more
    assert picked.startswith("Tweede vicevoorzitter")
    assert runtime.unanswered is not None
    asked = [group.question for group in runtime.unanswered.groups()]
    assert asked == ["vice"]
