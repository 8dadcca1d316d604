"""More abuse and fault probes, found by trying the running servers as an attacker, a candidate,
staff and an operator would (tests/test_abuse_slack.py and tests/test_abuse_teams.py hold the
request-level ones). Each names what a person would notice if it came back."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from bot.dates import AMSTERDAM
from bot.directory import Directory
from bot.models import CANDIDACY_PHASE_ID
from bot.platforms.slack.app import build_slack_service
from bot.reminders import PlannedReminder, reminder_reply
from bot.reply import Link, Reply, render_text
from bot.settings import Settings
from tests.conftest import seeded_workbook
from tests.fake_slack import running_fake_slack
from tests.test_candidacy_slack import (
    OPEN,
    STAFF_BY_ID,
    CandidacyApp,
    app,
    complete,
    dms_to,
    slack,
)
from tests.test_slack import SECRET

__all__ = ["app", "slack"]  # the Slack candidacy server, shared with tests/test_candidacy_slack.py


# --- candidacies ----------------------------------------------------------------------------------


def test_a_form_id_someone_else_submitted_is_still_a_candidacy_of_ones_own(
    app: CandidacyApp,
) -> None:
    """A submission's id is made from the form it came from (Slack's view id) so that a repeated
    delivery is stored once. Two people whose submissions name the same form must not be taken
    for one repeated delivery: the second person's candidacy would be acknowledged and lost."""
    with time_machine.travel(OPEN, tick=True):
        first = complete(
            app.opened_modal("UFIRST"), role="voorzitter", name="Fenna Eerst", email="f@ede.nl"
        )
        assert app.submit(first, "UFIRST", "VSHARED").json() == {"response_action": "clear"}
        second = complete(
            app.opened_modal("USECOND"), role="voorzitter", name="Sara Tweede", email="s@ede.nl"
        )
        answered = app.submit(second, "USECOND", "VSHARED")
        app.settle()

    assert answered.json() == {"response_action": "clear"}
    [stored] = app.service.store.candidacies.of_user("slack", "USECOND")
    assert (stored.candidate.name, stored.candidate.email) == ("Sara Tweede", "s@ede.nl")
    [receipt] = dms_to(app.fake.delivered("chat.postMessage"), "USECOND")
    assert "Sara Tweede" in receipt["text"] and "Fenna Eerst" not in receipt["text"]
    [theirs] = app.service.store.candidacies.of_user("slack", "UFIRST")
    assert theirs.candidate.name == "Fenna Eerst"


# --- users ----------------------------------------------------------------------------------------

# Commands an English answer must not tell people to type: each has an English word that works
# on every platform (bot/conversation.py), and a Dutch word in an English sentence reads as a typo.
DUTCH_COMMANDS = ("'kandidaat'", "/g40 kandidaat", "intrekken", "herinneringen")


def test_english_answers_about_standing_name_the_english_commands(directory: Directory) -> None:
    how = render_text(directory.answer("how do I become a candidate?", today=date(2026, 6, 5)))
    due = datetime(2026, 6, 7, 9, tzinfo=AMSTERDAM)
    reminder = PlannedReminder(CANDIDACY_PHASE_ID, timedelta(days=7), date(2026, 6, 14), due, "")
    reminded = render_text(reminder_reply(reminder, directory.snapshot, "en"))

    assert "'candidacy'" in how and "/g40 withdraw" in how
    assert "'candidacy'" in reminded
    for said in (how, reminded):
        assert not [word for word in DUTCH_COMMANDS if word in said], said


def test_a_contact_in_a_plain_text_answer_reads_as_an_address_not_a_link() -> None:
    """The console and `g40bot ask` print text: a mailto: link is markup there."""
    secretary = Link("Marc Jaarsma", "mailto:secretaris@g40stedennetwerk.nl")
    shown = render_text(Reply(title="Voorzitter", lines=("Tijdsbeslag: …",), links=(secretary,)))
    assert "Marc Jaarsma <secretaris@g40stedennetwerk.nl>" in shown
    assert "mailto:" not in shown


# --- operators ------------------------------------------------------------------------------------


def test_serve_slack_configured_from_the_environment_starts_without_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Operators set SLACK_BOT_TOKEN in the environment. A warning at every start teaches them
    to ignore warnings (Bolt's was that the token it reads there "will be unused")."""
    seeded_workbook(tmp_path / "werkboek.xlsx")
    with running_fake_slack() as fake:
        for name, value in {
            "G40_WORKBOOK": str(tmp_path / "werkboek.xlsx"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'g40.db'}",
            "SLACK_API_URL": fake.api_url,
            "SLACK_BOT_TOKEN": "xoxb-test-token",
            "SLACK_SIGNING_SECRET": SECRET,
        }.items():
            monkeypatch.setenv(name, value)
        caplog.set_level(logging.WARNING)
        build_slack_service(Settings(_env_file=None)).close()

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_staff_asking_for_the_unanswered_questions_get_an_ack_at_once_and_the_list_after(
    app: CandidacyApp,
) -> None:
    """Grouping the unanswered questions costs seconds once there are a thousand (4.8 s on the
    reference machine; Slack gives 3 s to acknowledge): like `herladen`, the command is
    acknowledged at once and answered through its response_url."""
    for number in range(3):
        app.service.runtime.unanswered.heard(
            f"waar staat de fietsenstalling {number}?",
            Reply("Dat weet ik niet", language="nl", kind="fallback"),
        )

    acked = app.command("onbeantwoord", user=STAFF_BY_ID)
    app.settle()

    assert acked.status_code == 200 and acked.text == ""
    [answer] = app.fake.delivered("response_url")
    assert "fietsenstalling" in answer["text"]
