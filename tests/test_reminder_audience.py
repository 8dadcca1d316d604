"""The Planning tab's doelgroep decides who a phase's reminders reach: everyone (the
announcement channel and every subscriber), the people with a current candidacy, or staff."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.candidacy import SUBMITTED, Candidate, Submission
from bot.models import build_snapshot
from bot.sheets import LocalWorkbook, load_seed
from bot.store import Store
from tests.fake_slack import FakeSlack
from tests.test_reminders import (
    ANNOUNCE,
    DAY_BEFORE,
    NETWORK_DAYS,
    channels,
    edit_phase,
    reminder_clock,
    subscribe,
)
from tests.test_slack import texts

STAFF_CHANNEL = "C0STAFF"
SUBMITTED_AT = datetime(2026, 6, 5, 10, tzinfo=UTC)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'g40.sqlite3'}")
    yield opened
    opened.close()


def stand(store: Store, user: str, platform: str = "slack") -> None:
    candidate = Candidate("voorzitter", "Anna", "anna@almere.nl", "Almere", "wethouder", "x" * 30)
    submission = Submission(
        f"k-2026-{user.lower():0>10}"[:17],
        platform,
        user,
        candidate,
        "nl",
        SUBMITTED,
        SUBMITTED_AT,
        SUBMITTED_AT,
    )
    store.candidacies.add(submission)


def test_candidates_only_reach_the_people_with_a_current_candidacy(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    edit_phase(workbook, NETWORK_DAYS, doelgroep="kandidaten")
    subscribe(sqlite_store, "UREADER")  # subscribed, no candidacy
    stand(sqlite_store, "UANNA")  # a candidate who never touched the switch
    stand(sqlite_store, "UBOB")  # a candidate who switched reminders off
    sqlite_store.subscriptions.set("slack", "UBOB", language="nl", subscribed=False)
    stand(sqlite_store, "UTEAMS", platform="teams")  # not a Slack user

    reminder_clock(workbook, sqlite_store, fake, candidacies=sqlite_store.candidacies).tick(
        DAY_BEFORE
    )

    assert channels(fake) == Counter({"UANNA": 1})
    [dm] = fake.delivered("chat.postMessage")
    why = texts(dm["blocks"])
    assert "omdat je kandidaat bent" in why and "herinneringen aan hebt" not in why


def test_staff_reminders_go_to_the_staff_channel_only(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    edit_phase(workbook, NETWORK_DAYS, doelgroep="Beheerders")
    subscribe(sqlite_store, "UREADER")

    reminder_clock(workbook, sqlite_store, fake, staff_channels={"slack": STAFF_CHANNEL}).tick(
        DAY_BEFORE
    )

    assert channels(fake) == Counter({STAFF_CHANNEL: 1})


def test_an_unknown_doelgroep_is_a_warning_and_reaches_everyone(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    edit_phase(workbook, NETWORK_DAYS, doelgroep="wethouders")
    subscribe(sqlite_store, "UREADER")
    tabs = load_seed() | {"Planning": workbook.read_tab("Planning")}

    [problem] = [p for p in build_snapshot(tabs).problems if p.column == "doelgroep"]
    reminder_clock(workbook, sqlite_store, fake).tick(DAY_BEFORE)

    assert problem.severity == "waarschuwing" and "wethouders" in problem.describe()
    assert channels(fake) == Counter({ANNOUNCE: 1, "UREADER": 1})
