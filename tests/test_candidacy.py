"""The candidacy rules (bot/candidacy.py) and the outbox (bot/handlers/candidacy.py) on the real
store and the real local workbook."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.app import open_source, open_writer
from bot.candidacy import (
    SUBMITTED,
    Candidate,
    Form,
    Submission,
    candidacy_window,
    check_field,
    electable_roles,
    validate,
    window_message,
)
from bot.dates import AMSTERDAM
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler, drain_outbox, submission_id_for
from bot.models import RawCell, Snapshot, build_snapshot
from bot.settings import Settings
from bot.sheets import LocalWorkbook, RetryPolicy
from bot.store import Store
from bot.store.candidacies import APPEND_ROW


def with_phase(seed: dict[str, list[list[RawCell]]], start: RawCell, end: RawCell) -> Snapshot:
    planning = [list(row) for row in seed["Planning"]]
    header = [str(cell) for cell in planning[0]]
    for row in planning[1:]:
        if row[0] == "kandidaatstelling":
            row[header.index("start")], row[header.index("eind")] = start, end
    return build_snapshot({**seed, "Planning": planning})


def at(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=AMSTERDAM)


# --- who and when -----------------------------------------------------------------------------


def test_electable_functions_are_the_board_and_each_pillars_chair_and_vice_chair(
    snapshot: Snapshot,
) -> None:
    ids = [role.id for role in electable_roles(snapshot)]
    assert ids[:3] == ["voorzitter", "eerste-vicevoorzitter", "tweede-vicevoorzitter"]
    for pillar in ("sociaal", "fysiek", "economie-en-werk"):
        assert f"pijlervoorzitter-{pillar}" in ids and f"pijlervicevoorzitter-{pillar}" in ids
    assert len(ids) == 9 and "algemeen-secretaris" not in ids


def test_a_date_only_end_means_through_the_end_of_that_day_in_amsterdam(
    seed: dict[str, list[list[RawCell]]],
) -> None:
    snapshot = with_phase(seed, "2026-06-01", "14-06-2026")
    assert candidacy_window(snapshot, at(2026, 5, 31, 23, 59)).state == "not_yet"
    assert candidacy_window(snapshot, at(2026, 6, 1, 0, 0)).open
    assert candidacy_window(snapshot, at(2026, 6, 14, 23, 59, 59)).open
    closed = candidacy_window(snapshot, at(2026, 6, 15, 0, 0))
    assert closed.state == "closed" and not closed.before_deadline
    # 21:59 UTC on 14 June is 23:59 in Amsterdam (summer time): still open.
    assert candidacy_window(snapshot, datetime.fromisoformat("2026-06-14T21:59:00+00:00")).open


def test_a_timed_end_closes_at_that_minute(seed: dict[str, list[list[RawCell]]]) -> None:
    snapshot = with_phase(seed, "01-06-2026 09:00", "12-06-2026 17:00")
    assert candidacy_window(snapshot, at(2026, 6, 1, 8, 59)).state == "not_yet"
    assert candidacy_window(snapshot, at(2026, 6, 12, 16, 59)).open
    assert candidacy_window(snapshot, at(2026, 6, 12, 17, 0)).state == "closed"


def test_unknown_dates_mean_closed_with_whom_to_contact(snapshot: Snapshot) -> None:
    window = candidacy_window(snapshot, at(2026, 6, 5, 12, 0))
    assert window.state == "unknown" and not window.open and not window.before_deadline
    message = window_message(window, "nl", "Marc Jaarsma, secretaris@g40stedennetwerk.nl")
    assert message == (
        "Kandidaat stellen kan nu niet: de data van de kandidaatstelling zijn nog niet bekend. "
        "Vragen? Neem contact op met Marc Jaarsma, secretaris@g40stedennetwerk.nl."
    )


# --- field rules ------------------------------------------------------------------------------

GOOD = Form(
    role="Pijlervoorzitter Fysiek",
    name="  Anna   de Vries ",
    email="Anna@Almere.NL",
    municipality="ALMERE",
    office="Wethouder",
    motivation="Ik wil de pijler Fysiek verder brengen.",
    confirmed=True,
)


def test_a_good_form_is_made_canonical(snapshot: Snapshot) -> None:
    checked = validate(GOOD, snapshot, "nl")
    assert checked.errors == {}
    assert checked.candidate is not None
    assert (checked.candidate.role, checked.candidate.name) == (
        "pijlervoorzitter-fysiek",
        "Anna de Vries",
    )
    assert (checked.candidate.email, checked.candidate.municipality) == ("anna@almere.nl", "Almere")
    assert checked.candidate.office == "wethouder"


@pytest.mark.parametrize(
    ("typed", "member"),
    [
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("s-hertogenbosch", "'s-Hertogenbosch"),
        ("sittard geleen", "Sittard-Geleen"),
        ("ALPHEN AAN DEN RIJN", "Alphen aan den Rijn"),
    ],
)
def test_municipalities_match_whatever_the_case_or_punctuation(
    snapshot: Snapshot, typed: str, member: str
) -> None:
    assert check_field("municipality", typed, snapshot, "nl") == (member, None)


@pytest.mark.parametrize(
    ("field", "value", "language", "message"),
    [
        ("name", "A" * 101, "nl", "Dit zijn 101 tekens; het mogen er hoogstens 100 zijn."),
        ("email", "a@" + "b" * 250 + ".nl", "en", "This is 255 characters; at most 254"),
        ("email", "anna at almere.nl", "nl", "'annaatalmere.nl' is geen geldig e-mailadres."),
        ("motivation", "x" * 19, "nl", "Je motivatie is 19 tekens; schrijf er minstens 20."),
        ("motivation", "x" * 2001, "en", "This is 2001 characters; at most 2000 are allowed."),
        ("municipality", "Amsterdam", "nl", "'Amsterdam' is geen G40-gemeente."),
        ("municipality", "", "en", "Choose your municipality."),
        ("office", "raadslid", "nl", "Kies een van: burgemeester, wethouder, anders."),
        ("role", "algemeen-secretaris", "nl", "'algemeen-secretaris' is geen functie waarvoor"),
        ("role", "", "en", "Choose a function."),
        ("confirmed", False, "en", "Confirm that you have read the function's tasks"),
    ],
)
def test_each_rule_says_what_is_wrong_in_the_users_language(
    snapshot: Snapshot, field: str, value: str | bool, language: str, message: str
) -> None:
    _, error = check_field(field, value, snapshot, "en" if language == "en" else "nl")
    assert error is not None and error.startswith(message)


def test_the_bounds_themselves_are_allowed(snapshot: Snapshot) -> None:
    for field, value in (
        ("name", "A" * 100),
        ("email", "a@" + "b" * 249 + ".nl"),
        ("motivation", "x" * 20),
        ("motivation", "x" * 2000),
        ("office", "Mayor"),
        ("role", "Chair"),
    ):
        assert check_field(field, value, snapshot, "en")[1] is None, field


# --- the outbox -------------------------------------------------------------------------------


def test_two_drainers_at_once_write_each_candidacy_exactly_once(
    workbook: LocalWorkbook, tmp_path: Path
) -> None:
    settings = Settings(_env_file=None, G40_WORKBOOK=str(workbook.path))
    source = open_source(settings)
    store = Store(f"sqlite:///{tmp_path / 'g40.db'}")
    writer = open_writer(source, retry=RetryPolicy(attempts=1))
    moment = at(2026, 6, 5, 12, 0)
    handler = CandidacyHandler(AskHandler(source), store.candidacies, writer, now=lambda: moment)
    checked = validate(GOOD, source.current(), "nl")
    assert checked.candidate is not None
    for user in ("U1", "U2", "U3"):
        store.candidacies.add(
            Submission(
                submission_id_for(moment),
                "console",
                user,
                checked.candidate,
                "nl",
                SUBMITTED,
                moment,
                moment,
            )
        )
    drainers = [
        threading.Thread(target=drain_outbox, args=(store.candidacies, writer)) for _ in range(4)
    ]
    for drainer in drainers:
        drainer.start()
    for drainer in drainers:
        drainer.join()

    header, *rows = workbook.read_tab("Kandidaturen")
    user, submitted = header.index("gebruiker_id"), header.index("ingediend_op")
    assert sorted(str(row[user]) for row in rows) == ["U1", "U2", "U3"]
    assert store.candidacies.pending_writes() == []
    assert (
        handler.mine("console", "U1", "nl")
        .lines[0]
        .startswith("Pijlervoorzitter Fysiek — ingediend")
    )
    # Amsterdam wall-clock time in the sheet, whatever zone the store keeps.
    assert rows[0][submitted] == datetime(2026, 6, 5, 12, 0)


# --- the records ------------------------------------------------------------------------------


def test_one_submission_stored_by_two_processes_at_once_is_a_repeat(database_url: str) -> None:
    """A retried delivery handled by two processes: the one that loses the race for the
    submission id sees a repeated delivery, not somebody's other active candidacy."""
    moment = at(2026, 6, 5, 12, 0)
    candidate = Candidate(
        "voorzitter", "Anna de Vries", "anna@almere.nl", "Almere", "wethouder", ""
    )
    submission = Submission(
        "k-2026-race", "slack", "UANNA", candidate, "nl", SUBMITTED, moment, moment
    )
    ours, theirs = Store(database_url), Store(database_url)
    raced: list[str] = []

    def the_other_process_first(
        _connection: object, _cursor: object, statement: str, *_: object
    ) -> None:
        # Between our check for the id and our insert, the other process stores it.
        if statement.startswith("INSERT INTO candidacies ") and not raced:
            raced.append(statement)
            assert theirs.candidacies.add(submission)

    event.listen(ours.engine, "before_cursor_execute", the_other_process_first)
    try:
        assert ours.candidacies.add(submission) is False
        assert raced
        assert [w.operation for w in ours.candidacies.pending_writes()] == [APPEND_ROW]
        assert [s.submission_id for s in ours.candidacies.active()] == ["k-2026-race"]
    finally:
        ours.close()
        theirs.close()
