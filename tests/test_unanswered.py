"""The loop with staff, end to end: questions the bot could not answer are counted (never who
asked), grouped, shown to staff with a proposal, written to the Onbeantwoord tab; staff confirm
with one edit and the next read answers them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from click.testing import CliRunner

from bot.cli import main
from bot.handlers.chat import Person
from bot.handlers.staff import StaffChannel
from bot.handlers.unanswered import weekly_line
from bot.models import Target, Unanswered
from bot.platforms.console import CONSOLE
from bot.platforms.slack.client import fan_out_client
from bot.platforms.slack.notifier import SlackNotifier
from bot.reply import render_text
from bot.runtime import Runtime
from bot.settings import Settings
from bot.sheets import LocalWorkbook, seed_workbook
from bot.store.schema import unanswered_questions
from tests.fake_slack import running_fake_slack

ANNA = Person("console", "anna")
MONDAY = datetime(2026, 11, 23, 8, tzinfo=UTC)
CATERING = "wie regelt de catering?"


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    workbook = LocalWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(workbook)
    values = {"G40_WORKBOOK": str(workbook.path), "DATABASE_URL": f"sqlite:///{tmp_path / 'g.db'}"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)  # for the CLI, which reads its settings itself
    monkeypatch.delenv("G40_SPREADSHEET_ID", raising=False)
    return Settings(_env_file=None, **values)


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    with time_machine.travel(MONDAY, tick=False), Runtime(settings) as made:
        yield made


def ask(runtime: Runtime, question: str, thread: str = "t1") -> str:
    reply = runtime.chat.turn(ANNA, question, CONSOLE, thread=thread).reply
    assert reply is not None
    return render_text(reply)


def tab(settings: Settings) -> list[dict[str, object]]:
    header, *rows = LocalWorkbook(settings.workbook).read_tab(Unanswered.tab)
    return [dict(zip([str(h) for h in header], row, strict=False)) for row in rows]


def test_questions_without_an_answer_are_counted_grouped_and_never_who_asked(
    runtime: Runtime,
) -> None:
    ask(runtime, "Wie regelt de catering?")
    ask(runtime, "wie regelt de catering", thread="t2")
    ask(runtime, "wie regelt de catering eigenlijk", thread="t3")
    ask(runtime, "wie heeft Europa?")  # answered: not counted

    [group] = runtime.unanswered.groups()

    assert group.times == 3
    assert {group.question, *group.variants} == {
        "wie regelt de catering",
        "wie regelt de catering eigenlijk",
    }
    with runtime.store.engine.connect() as connection:
        stored = connection.execute(unanswered_questions.select()).all()
    assert len(stored) == 2
    assert not any("anna" in str(value) for row in stored for value in row)


def test_a_picked_reading_outweighs_the_engines_guess(runtime: Runtime) -> None:
    ask(runtime, "wie regelt de kas?")
    runtime.unanswered.picked("wie regelt de kas?", "wie is de penningmeester?")

    [group] = runtime.unanswered.groups()

    assert group.picked == 1
    assert group.proposal == Target("portfolio", "penningmeester", "Penningmeester")


def test_staff_confirm_a_proposal_with_one_edit_and_the_next_read_answers(
    runtime: Runtime, settings: Settings
) -> None:
    assert "g.looman@enschede.nl" not in ask(runtime, CATERING)  # not answered: counted
    runtime.unanswered.picked(CATERING, "wie is de plv. algemeen secretaris?")

    result = CliRunner().invoke(main, ["unanswered", "--write"], catch_exceptions=False)

    assert result.exit_code == 0, result.output
    assert f"1× '{CATERING}'" in result.output
    assert "voorstel: Plv. algemeen secretaris (plv-algemeen-secretaris)" in result.output
    [row] = tab(settings)
    assert (row["vraag"], row["voorstel"], row["akkoord"] or "") == (
        CATERING,
        "plv-algemeen-secretaris",
        "",
    )
    book = LocalWorkbook(settings.workbook)
    header, *rows = book.read_tab(Unanswered.tab)
    rows[0][[str(h) for h in header].index("akkoord")] = "ja"  # the one edit staff make
    book.write_tabs({Unanswered.tab: [header, *rows]})

    after = ask(runtime, CATERING, thread="after")
    assert "Plv. algemeen secretaris" in after and "g.looman@enschede.nl" in after
    runtime.publish_unanswered()
    assert [r["akkoord"] for r in tab(settings)] == ["ja"]  # what staff decided stays


def test_a_picked_group_is_proposed_whole_and_confirming_it_answers_for_every_pillar(
    runtime: Runtime, settings: Settings
) -> None:
    """Someone picked 'Pijlervicevoorzitter' (the three pillars' vice chairs): staff are
    proposed all three, not the first pillar's, and one 'ja' teaches the bot all three."""
    question = "wie is de rechterhand van de pijlerbaas?"
    ask(runtime, question)
    runtime.unanswered.picked(question, "wie is de pijlervicevoorzitter?")

    [group] = runtime.unanswered.groups()
    ids = "pijlervicevoorzitter-sociaal, pijlervicevoorzitter-fysiek, "
    ids += "pijlervicevoorzitter-economie-en-werk"
    assert group.proposal == Target("role", ids, "Pijlervicevoorzitter")

    runtime.publish_unanswered()
    book = LocalWorkbook(settings.workbook)
    header, *rows = book.read_tab(Unanswered.tab)
    rows[0][[str(h) for h in header].index("akkoord")] = "ja"
    book.write_tabs({Unanswered.tab: [header, *rows]})

    after = ask(runtime, question, thread="after")
    for pillar in ("Sociaal", "Fysiek", "Economie en Werk"):
        assert f"Pijlervicevoorzitter {pillar}" in after


def test_a_proposal_naming_an_unknown_id_among_several_is_reported(
    runtime: Runtime, settings: Settings
) -> None:
    question = "wie is de rechterhand van de pijlerbaas?"
    ask(runtime, question)
    runtime.publish_unanswered()
    book = LocalWorkbook(settings.workbook)
    header, *rows = book.read_tab(Unanswered.tab)
    names = [str(h) for h in header]
    rows[0][names.index("voorstel")] = "pijlervicevoorzitter-sociaal, pijler-vice-noord"
    rows[0][names.index("akkoord")] = "ja"
    book.write_tabs({Unanswered.tab: [header, *rows]})

    result = CliRunner().invoke(main, ["check-sheet"], catch_exceptions=False)

    assert "'pijler-vice-noord' is geen id uit Functies" in result.output
    assert "Pijlervicevoorzitter Sociaal" not in ask(runtime, question, thread="after")


def test_confirming_one_question_teaches_nothing_about_a_different_one(
    runtime: Runtime, settings: Settings
) -> None:
    """Questions that only share their question words ('wie regelt de …') are different
    questions: staff confirming the proposal for one must not make the bot answer the other
    with the same person."""
    ask(runtime, CATERING)
    ask(runtime, CATERING, thread="t2")
    ask(runtime, "wie regelt de kas?", thread="t3")
    ask(runtime, "wie regelt de catering eigenlijk?", thread="t4")  # the same question
    runtime.unanswered.picked(CATERING, "wie is de plv. algemeen secretaris?")
    runtime.publish_unanswered()
    book = LocalWorkbook(settings.workbook)
    header, *rows = book.read_tab(Unanswered.tab)
    columns = [str(h) for h in header]
    for row in rows:
        if row[columns.index("vraag")] == CATERING:
            row[columns.index("akkoord")] = "ja"
    book.write_tabs({Unanswered.tab: [header, *rows]})

    assert "g.looman@enschede.nl" in ask(runtime, "wie regelt de catering eigenlijk?", "a1")
    assert "g.looman@enschede.nl" not in ask(runtime, "wie regelt de kas?", thread="a2")


def test_a_column_staff_added_to_the_tab_keeps_its_notes_when_the_bot_rewrites_it(
    runtime: Runtime, settings: Settings
) -> None:
    """Staff write notes beside a question ('opmerking'); the weekly rewrite must not drop
    them (nothing is lost), and they stay on the row of their question."""
    ask(runtime, CATERING)
    runtime.publish_unanswered()
    book = LocalWorkbook(settings.workbook)
    header, *rows = book.read_tab(Unanswered.tab)
    book.write_tabs({Unanswered.tab: [[*header, "Opmerking"], [*rows[0], "navragen bij Marc"]]})
    ask(runtime, "wie regelt de kas?", thread="t2")
    ask(runtime, "wie regelt de kas?", thread="t3")  # now the most asked: the first row

    runtime.publish_unanswered()

    notes = {row["vraag"]: row.get("Opmerking") or "" for row in tab(settings)}
    assert notes == {"wie regelt de kas?": "", CATERING: "navragen bij Marc"}


def test_a_decision_the_bot_cannot_read_survives_the_rewrite_and_stays_reported(
    runtime: Runtime, settings: Settings
) -> None:
    """Staff type 'Ja!' and their own proposal: the weekly rewrite must not silently wipe
    both (and with them the problem check-sheet names), but keep them until staff fix it."""
    ask(runtime, CATERING)
    ask(runtime, "wie regelt de kas?", thread="t2")
    runtime.publish_unanswered()
    book = LocalWorkbook(settings.workbook)
    header, *rows = book.read_tab(Unanswered.tab)
    columns = [str(h) for h in header]
    for row in rows:
        row[columns.index("voorstel")] = "plv-algemeen-secretaris"
        row[columns.index("akkoord")] = "Ja!"
    book.write_tabs({Unanswered.tab: [header, *rows]})
    ask(runtime, "waar is de koffieautomaat?", thread="t3")  # the rewrite changes the tab

    runtime.publish_unanswered()

    kept = {row["vraag"]: (row["voorstel"], row["akkoord"]) for row in tab(settings)}
    assert kept[CATERING] == ("plv-algemeen-secretaris", "Ja!")
    assert kept["wie regelt de kas?"] == ("plv-algemeen-secretaris", "Ja!")
    checked = CliRunner().invoke(main, ["check-sheet"])
    assert checked.output.count("(akkoord) — waarde 'Ja!'") == 2
    assert "Vul 'ja' of 'nee' in." in checked.output


def test_formulas_in_questions_stay_text_in_the_tab(runtime: Runtime, settings: Settings) -> None:
    ask(runtime, '=HYPERLINK("http://evil.example","klik")')

    runtime.publish_unanswered()

    [row] = tab(settings)
    assert str(row["vraag"]).startswith("'=HYPERLINK")


def test_the_weekly_line_counts_last_weeks_questions_once(runtime: Runtime) -> None:
    ask(runtime, CATERING)
    posted: list[str] = []
    runtime.staff.notice = posted.append  # type: ignore[method-assign]
    runtime.weekly_unanswered(MONDAY)
    runtime.weekly_unanswered(MONDAY + timedelta(hours=1))  # a second clock, the same week

    [line] = posted
    assert "Deze week 1 vraag/vragen zonder (zeker) antwoord" in line and CATERING in line
    assert weekly_line([]) is None


def test_a_question_with_slack_markup_reaches_the_staff_channel_as_plain_words(
    runtime: Runtime,
) -> None:
    """The weekly line quotes the most asked question; someone's '@channel' or link in it
    must not ping the whole staff channel or become a link, also not in the notification
    text Slack shows on phones."""
    ask(runtime, "<!channel> wie regelt de <https://evil.example|catering>? <@U0BOSS>")
    with running_fake_slack() as fake:
        notifier = SlackNotifier(fan_out_client("xoxb-test", fake.api_url))
        runtime.staff.channels.append(StaffChannel(notifier, "C0STAFF"))
        runtime.weekly_unanswered(MONDAY)
        [posted] = fake.delivered("chat.postMessage")

    shown = [str(posted["text"]), json.dumps(posted["blocks"])]
    assert all("catering" in text for text in shown)
    assert not any(m in text for text in shown for m in ("<!channel>", "<https:", "<@U0BOSS>"))


def test_staff_see_the_unanswered_questions_in_chat_and_others_do_not(runtime: Runtime) -> None:
    ask(runtime, CATERING)
    staff = Person("console", "marc", email="secretaris@g40stedennetwerk.nl")

    shown = runtime.chat.turn(staff, "onbeantwoord", CONSOLE).reply
    refused = runtime.chat.turn(ANNA, "onbeantwoord", CONSOLE).reply

    assert shown is not None and refused is not None
    assert f"1× '{CATERING}'" in render_text(shown) and "akkoord" in render_text(shown)
    assert "alleen voor het secretariaat" in render_text(refused)
    assert CATERING not in render_text(refused)
