"""Election reminders: the plan from the Planning tab, the ledger, and delivery through the real
Slack notifier to the local fake Slack Web API. Time is injected (`tick(now)`, a virtual clock
for Retry-After waits) or travelled with time-machine; nothing waits for real."""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine

from bot.dates import AMSTERDAM
from bot.handlers.reminders import Audience, ReminderClock, planned_lines
from bot.models import build_snapshot
from bot.platforms.slack.app import build_slack_service
from bot.platforms.slack.client import fan_out_client
from bot.platforms.slack.notifier import SlackNotifier
from bot.reminders import PlannedReminder, due, plan, reminder_reply
from bot.reply import Language
from bot.sheets import LocalWorkbook, SnapshotSource, load_seed
from bot.store import Store
from bot.store.deliveries import CLAIMED, SENT
from tests.conftest import VirtualTime
from tests.fake_slack import FakeSlack
from tests.test_slack import Slack, serving, settings_for, texts

ANNOUNCE = "C0ANNOUNCE"
NETWORK_DAYS = "netwerkdagen"
# The seed: netwerkdagen on 10 September 2026, reminders 7 days and 1 day before, at 09:00.
WEEK_BEFORE = datetime(2026, 9, 3, 9, 0, tzinfo=AMSTERDAM)
DAY_BEFORE = datetime(2026, 9, 9, 9, 0, tzinfo=AMSTERDAM)


def at(text: str) -> datetime:
    """A moment in Dutch time, e.g. at('2026-09-09 09:00')."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'g40.sqlite3'}")
    yield opened
    opened.close()


def edit_phase(book: LocalWorkbook, phase_id: str, **cells: Any) -> None:
    """What staff do in the sheet: change cells of one Planning row."""
    rows = book.read_tab("Planning")
    header = [str(cell) for cell in rows[0]]
    for row in rows[1:]:
        if row[header.index("id")] == phase_id:
            for column, value in cells.items():
                row[header.index(column)] = value
    book.write_tabs({"Planning": rows})


def delete_phase(book: LocalWorkbook, phase_id: str) -> None:
    rows = book.read_tab("Planning")
    index = [str(cell) for cell in rows[0]].index("id")
    book.write_tabs({"Planning": [rows[0], *(r for r in rows[1:] if r[index] != phase_id)]})


def subscribe(store: Store, *users: str, language: Language = "nl") -> None:
    for user in users:
        store.subscriptions.set("slack", user, language=language, subscribed=True)


def reminder_clock(
    book: LocalWorkbook,
    store: Store,
    fake: FakeSlack,
    virtual: VirtualTime | None = None,
    **options: Any,
) -> ReminderClock:
    notifier = SlackNotifier(fan_out_client("xoxb-test", fake.api_url))
    if virtual is not None:
        fake.clock = virtual.monotonic
        options |= {"pause": virtual.sleep, "monotonic": virtual.monotonic}
    return ReminderClock(
        SnapshotSource(book),
        store.deliveries,
        store.subscriptions,
        [notifier],
        announce_channel=ANNOUNCE,
        **options,
    )


def posted(fake: FakeSlack) -> list[dict[str, Any]]:
    return fake.delivered("chat.postMessage")


def channels(fake: FakeSlack) -> Counter[str]:
    return Counter(str(p["channel"]) for p in posted(fake))


# --- the plan ---------------------------------------------------------------------------------


def test_the_seed_plans_two_reminders_before_the_network_days() -> None:
    planned = plan(build_snapshot(load_seed()))

    assert [(r.phase_id, r.due) for r in planned] == [
        (NETWORK_DAYS, WEEK_BEFORE),
        (NETWORK_DAYS, DAY_BEFORE),
    ]
    assert all("2026-09-10" in r.key for r in planned)


def test_hour_offsets_count_real_hours_across_the_clock_change() -> None:
    seed = load_seed()
    header = [str(c) for c in seed["Planning"][0]]
    row = dict.fromkeys(header, "")
    row |= {"id": "stemming", "fase": "Stemming", "start": "2026-10-25 10:00"}
    row |= {"herinneringen": "12u, 1u"}
    seed["Planning"].append([row[column] for column in header])

    snapshot = build_snapshot(seed)
    planned = [r for r in plan(snapshot) if r.phase_id == "stemming"]

    # 10:00 CET on the Sunday the clocks go back is 09:00 UTC; 12 real hours earlier is 21:00
    # UTC, which is 23:00 summer time on Saturday (wall-clock arithmetic would say 22:00).
    assert [r.due.astimezone(UTC) for r in planned] == [
        datetime(2026, 10, 24, 21, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 8, 0, tzinfo=UTC),
    ]
    assert planned[0].due.hour == 23
    # herinner_voor was left empty: that is the documented default (start), not an error.
    assert snapshot.problems == ()


def test_the_grace_window_compares_real_instants_during_the_repeated_hour() -> None:
    seed = load_seed()
    planned = plan(build_snapshot(seed))
    [day_before] = [r for r in planned if r.due == DAY_BEFORE]
    early = PlannedReminder(
        day_before.phase_id,
        day_before.offset,
        day_before.anchor,
        datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=AMSTERDAM),  # 00:30 UTC, summer time
        day_before.channel,
    )
    # 02:30 comes twice that night; the second one (winter time) is an hour later.
    second_half_past_two = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=AMSTERDAM)

    ready, missed = due([early], second_half_past_two, timedelta(minutes=30))

    assert (ready, missed) == ([], [early])


def test_the_reminder_text_names_the_phase_its_date_in_words_and_what_to_do() -> None:
    seed = load_seed()
    snapshot = build_snapshot(seed)
    [week_before, day_before] = plan(snapshot)

    dutch = reminder_reply(day_before, snapshot, "nl")
    english = reminder_reply(week_before, snapshot, "en")

    assert dutch.title == "Herinnering: G40 netwerkdagen (fysiek deel verkiezingen)"
    assert dutch.lines[0] == (
        "G40 netwerkdagen (fysiek deel verkiezingen): morgen, op donderdag 10 september 2026."
    )
    assert english.lines[0] == (
        "G40 network days (in-person part of the elections): in 7 days, on "
        "Thursday 10 September 2026."
    )


def test_a_candidacy_deadline_reminder_says_how_to_submit(workbook: LocalWorkbook) -> None:
    edit_phase(
        workbook, "kandidaatstelling", start="2026-06-01", eind="2026-06-30 17:00", tijd="10:00"
    )
    snapshot = SnapshotSource(workbook).current()
    [week_before, _day_before] = [r for r in plan(snapshot) if r.phase_id == "kandidaatstelling"]

    reply = reminder_reply(week_before, snapshot, "nl")

    assert week_before.due == at("2026-06-23 10:00")
    assert (
        reply.lines[0] == "Deadline Kandidaatstelling: over 7 dagen, op dinsdag 30 juni 2026 17:00."
    )
    assert "/g40 kandidaat" in " ".join(reply.lines)


# --- the ledger (on SQLite and PostgreSQL) ----------------------------------------------------


def test_a_delivery_is_claimed_once_released_on_failure_and_reclaimed(store: Store) -> None:
    key, target = "netwerkdagen|1d|2026-09-10", "slack:user:U1"

    assert store.deliveries.claim(key, target, owner="a", due_at=DAY_BEFORE)
    assert not store.deliveries.claim(key, target, owner="b", due_at=DAY_BEFORE)
    store.deliveries.finish(key, target, owner="a", state="retry", detail="ratelimited")
    assert store.deliveries.claim(key, target, owner="b", due_at=DAY_BEFORE)
    assert not store.deliveries.claim(key, target, owner="a", due_at=DAY_BEFORE)
    store.deliveries.finish(key, target, owner="a", state=SENT)  # not a's claim: no effect
    assert store.deliveries.states([key]) == {key: {target: CLAIMED}}
    store.deliveries.finish(key, target, owner="b", state=SENT)
    assert store.deliveries.states([key]) == {key: {target: SENT}}
    assert not store.deliveries.claim(key, target, owner="c", due_at=DAY_BEFORE)


def test_a_reminder_is_closed_once(store: Store) -> None:
    key = "netwerkdagen|7d|2026-09-10"

    first = store.deliveries.close_reminder(key, state="skipped", detail="late", due_at=WEEK_BEFORE)
    again = store.deliveries.close_reminder(key, state="skipped", detail="late", due_at=WEEK_BEFORE)

    assert (first, again) == (True, False)


def test_the_ledger_forgets_the_reminders_due_before_a_moment(store: Store) -> None:
    week, day = "netwerkdagen|7d|2026-09-10", "netwerkdagen|1d|2026-09-10"
    store.deliveries.claim(week, "slack:user:U1", owner="a", due_at=WEEK_BEFORE)
    store.deliveries.close_reminder(week, state="closed", detail="sent 1", due_at=WEEK_BEFORE)
    store.deliveries.claim(day, "slack:user:U1", owner="a", due_at=DAY_BEFORE)

    pruned = store.deliveries.prune(DAY_BEFORE)

    assert pruned == 2
    assert store.deliveries.states([week, day]) == {week: {}, day: {"slack:user:U1": CLAIMED}}


def test_subscriptions_on_and_off(store: Store) -> None:
    subscribe(store, "U1", "U2")
    store.subscriptions.set("slack", "U3", language="en", subscribed=True)
    store.subscriptions.set("slack", "U2", language="nl", subscribed=False)

    assert sorted((s.user_id, s.language) for s in store.subscriptions.subscribers("slack")) == [
        ("U1", "nl"),
        ("U3", "en"),
    ]


# --- delivery ---------------------------------------------------------------------------------


def test_a_due_reminder_goes_to_the_channel_and_each_subscriber_in_their_language(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    subscribe(sqlite_store, "UANNA")
    subscribe(sqlite_store, "UBOB", language="en")
    clock = reminder_clock(workbook, sqlite_store, fake)

    before = clock.tick(DAY_BEFORE - timedelta(minutes=1))
    report = clock.tick(DAY_BEFORE)

    assert before.sent == 0 and report.sent == 3
    by_channel = {p["channel"]: p for p in posted(fake)}
    assert set(by_channel) == {ANNOUNCE, "UANNA", "UBOB"}
    assert ": morgen, op donderdag 10 september 2026" in by_channel[ANNOUNCE]["text"]
    assert ": morgen, op donderdag 10 september 2026" in texts(by_channel["UANNA"]["blocks"])
    assert ": tomorrow, on Thursday 10 September 2026" in by_channel["UBOB"]["text"]
    assert "/g40 herinneringen uit" in texts(by_channel["UANNA"]["blocks"])
    assert "/g40 herinneringen uit" not in texts(by_channel[ANNOUNCE]["blocks"])


def test_the_rows_own_channel_wins_over_the_default(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    edit_phase(workbook, NETWORK_DAYS, kanaal="C0ELECTIONS")

    reminder_clock(workbook, sqlite_store, fake).tick(DAY_BEFORE)

    assert channels(fake) == Counter({"C0ELECTIONS": 1})


def test_exactly_once_across_a_restart(
    workbook: LocalWorkbook, database_url: str, fake: FakeSlack
) -> None:
    first = Store(database_url)
    subscribe(first, "UANNA", "UBOB")
    reminder_clock(workbook, first, fake).tick(DAY_BEFORE)
    first.close()

    restarted = Store(database_url)  # a new process on the same database
    try:
        again = reminder_clock(workbook, restarted, fake)
        reports = [again.tick(DAY_BEFORE + timedelta(minutes=m)) for m in (0, 1, 30)]
    finally:
        restarted.close()

    assert channels(fake) == Counter({ANNOUNCE: 1, "UANNA": 1, "UBOB": 1})
    assert [r.sent for r in reports] == [0, 0, 0]


def test_two_clocks_ticking_at_once_send_everything_once(
    workbook: LocalWorkbook, database_url: str, fake: FakeSlack
) -> None:
    users = [f"U{number:04d}" for number in range(60)]
    setup = Store(database_url)
    subscribe(setup, *users)
    setup.close()
    stores = [Store(database_url), Store(database_url)]
    clocks = [reminder_clock(workbook, store, fake) for store in stores]
    start = threading.Barrier(2)
    reports: list[Any] = [None, None]

    def run(index: int) -> None:
        start.wait()
        reports[index] = clocks[index].tick(DAY_BEFORE)

    threads = [threading.Thread(target=run, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for store in stores:
        store.close()

    assert channels(fake) == Counter({ANNOUNCE: 1, **dict.fromkeys(users, 1)})
    assert reports[0].sent + reports[1].sent == 61
    assert reports[0].sent > 0 and reports[1].sent > 0  # they really did race


def test_a_date_staff_move_moves_its_reminders(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    clock = reminder_clock(workbook, sqlite_store, fake)
    assert clock.tick(WEEK_BEFORE).sent == 1

    edit_phase(workbook, NETWORK_DAYS, start="2026-09-17", eind="2026-09-18")
    at_old_time = clock.tick(DAY_BEFORE)
    at_new_week = clock.tick(at("2026-09-10 09:00"))
    at_new_day = clock.tick(at("2026-09-16 09:00"))

    assert at_old_time.sent == 0
    assert (at_new_week.sent, at_new_day.sent) == (1, 1)
    texts_sent = [p["text"] for p in posted(fake)]
    assert "donderdag 10 september 2026" in texts_sent[0]
    assert ": over 7 dagen, op donderdag 17 september 2026" in texts_sent[1]
    assert ": morgen, op donderdag 17 september 2026" in texts_sent[2]


def test_a_deleted_phase_cancels_its_reminders(
    workbook: LocalWorkbook,
    sqlite_store: Store,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    subscribe(sqlite_store, "UANNA")
    clock = reminder_clock(workbook, sqlite_store, fake)
    clock.tick(WEEK_BEFORE)
    fake.reset()

    delete_phase(workbook, NETWORK_DAYS)
    caplog.set_level(logging.WARNING)
    reports = [clock.tick(DAY_BEFORE), clock.tick(DAY_BEFORE + timedelta(days=2))]

    assert posted(fake) == []
    assert [r.due for r in reports] == [0, 0]
    assert not [r for r in caplog.records if "skipped" in r.getMessage()]


def test_after_downtime_reminders_within_the_grace_window_are_caught_up(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    subscribe(sqlite_store, "UANNA")
    clock = reminder_clock(workbook, sqlite_store, fake, grace=timedelta(hours=6))

    report = clock.tick(DAY_BEFORE + timedelta(hours=5, minutes=59))

    assert report.sent == 2
    assert channels(fake) == Counter({ANNOUNCE: 1, "UANNA": 1})


def test_older_reminders_are_skipped_and_logged_once(
    workbook: LocalWorkbook,
    sqlite_store: Store,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    subscribe(sqlite_store, "UANNA")
    clock = reminder_clock(workbook, sqlite_store, fake, grace=timedelta(hours=6))
    caplog.set_level(logging.WARNING, logger="bot.handlers.reminders")

    first = clock.tick(DAY_BEFORE + timedelta(hours=6))
    later = [clock.tick(DAY_BEFORE + timedelta(hours=6, minutes=m)) for m in (1, 2, 60)]

    assert posted(fake) == []
    assert first.missed == [r.key for r in plan(SnapshotSource(workbook).current())]
    assert all(r.missed == [] for r in later)
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert len(skipped) == 2  # the week-before and the day-before reminder, each once
    assert all("more than 6:00:00 late" in line for line in skipped)


def test_a_reminders_ledger_is_pruned_a_month_after_its_window_and_not_reported_again(
    workbook: LocalWorkbook,
    sqlite_store: Store,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    subscribe(sqlite_store, "UANNA")
    clock = reminder_clock(workbook, sqlite_store, fake, grace=timedelta(hours=6))
    for moment in (WEEK_BEFORE, DAY_BEFORE, DAY_BEFORE + timedelta(hours=6)):
        clock.tick(moment)  # both sent to the channel and Anna, then both closed
    keys = [r.key for r in plan(SnapshotSource(workbook).current())]
    caplog.set_level(logging.INFO, logger="bot.handlers.reminders")

    # Kept for 30 days after the 6-hour window: the week-before reminder goes first.
    assert clock.prune_ledger(DAY_BEFORE + timedelta(days=30, hours=6)) == 3
    assert clock.prune_ledger(DAY_BEFORE + timedelta(days=30, hours=6, minutes=1)) == 3
    month_later = clock.tick(DAY_BEFORE + timedelta(days=31))

    assert sqlite_store.deliveries.states(keys) == {key: {} for key in keys}
    assert month_later.missed == [] and month_later.sent == 0
    assert len(posted(fake)) == 4
    assert not [r for r in caplog.records if "skipped" in r.getMessage()]
    assert [r.getMessage() for r in caplog.records if "pruned" in r.getMessage()] == [
        "reminder ledger: 3 row(s) of past reminders pruned"
    ] * 2


def test_a_reminder_on_the_sunday_the_clocks_go_back_is_at_nine_local(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    edit_phase(workbook, NETWORK_DAYS, start="2026-10-26", eind="2026-10-27", herinneringen="1d")
    clock = reminder_clock(workbook, sqlite_store, fake)

    # 09:00 in winter time (UTC+1) on 25 October 2026 is 08:00 UTC, not 07:00.
    with time_machine.travel(datetime(2026, 10, 25, 7, 59, tzinfo=UTC), tick=False):
        early = clock.tick(datetime.now(UTC))
    with time_machine.travel(datetime(2026, 10, 25, 8, 0, tzinfo=UTC), tick=False):
        on_time = clock.tick(datetime.now(UTC))

    assert (early.sent, on_time.sent) == (0, 1)
    assert ": morgen, op maandag 26 oktober 2026" in posted(fake)[0]["text"]


# --- rate limits and failures -----------------------------------------------------------------


def test_a_429_during_fan_out_waits_for_that_target_and_goes_on_with_the_others(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    users = [f"U{number:04d}" for number in range(100)]
    subscribe(sqlite_store, *users)
    virtual = VirtualTime()
    clock = reminder_clock(workbook, sqlite_store, fake, virtual)
    fake.fail_every("chat.postMessage", 10, retry_after=2)

    report = clock.tick(DAY_BEFORE)

    assert channels(fake) == Counter({ANNOUNCE: 1, **dict.fromkeys(users, 1)})
    limited = [c for c in fake.attempts("chat.postMessage") if c.status == 429]
    assert report.sent == 101 and report.rate_limited == len(limited) >= 10
    assert fake.early == []  # no target was retried before its Retry-After had passed
    attempts = fake.attempts("chat.postMessage")
    first_limited = next(i for i, call in enumerate(attempts) if call.status == 429)
    limited_channel = attempts[first_limited].params["channel"]
    assert attempts[first_limited + 1].params["channel"] != limited_channel
    assert 2 <= sum(virtual.slept) < 2 * len(limited)  # waits overlapped with other sends


def test_a_long_retry_after_leaves_that_target_for_the_next_tick(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    subscribe(sqlite_store, "UANNA", "UBOB")
    virtual = VirtualTime()
    clock = reminder_clock(workbook, sqlite_store, fake, virtual)
    fake.fail_next("chat.postMessage", retry_after=120)

    first = clock.tick(DAY_BEFORE)
    virtual.now += 61
    too_soon = clock.tick(DAY_BEFORE + timedelta(minutes=1))
    virtual.now += 60
    later = clock.tick(DAY_BEFORE + timedelta(minutes=2))

    assert (first.sent, first.retry_later) == (2, 1)
    assert (too_soon.sent, too_soon.retry_later) == (0, 1)  # Slack said 429 again: still early
    assert later.sent == 1
    assert channels(fake) == Counter({ANNOUNCE: 1, "UANNA": 1, "UBOB": 1})
    assert virtual.slept == []  # nothing in a tick waited two minutes


def test_a_failed_send_is_retried_at_the_next_tick_and_a_dead_account_is_not(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    subscribe(sqlite_store, "UGONE", "UANNA")
    clock = reminder_clock(workbook, sqlite_store, fake)
    fake.fail_channel(ANNOUNCE, "not_in_channel")
    fake.fail_channel("UGONE", "account_inactive")

    first = clock.tick(DAY_BEFORE)
    fake.reset()  # someone invites the bot to the channel
    second = clock.tick(DAY_BEFORE + timedelta(minutes=1))
    third = clock.tick(DAY_BEFORE + timedelta(minutes=2))

    assert (first.sent, first.retry_later, first.failed) == (1, 1, 1)
    assert (second.sent, second.retry_later, second.failed) == (1, 0, 0)
    assert third.sent == 0
    assert channels(fake) == Counter({ANNOUNCE: 1})


def test_a_claim_left_by_a_crashed_clock_is_not_sent_again(
    workbook: LocalWorkbook,
    sqlite_store: Store,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    subscribe(sqlite_store, "UANNA")
    [_week, day_before] = plan(SnapshotSource(workbook).current())
    # A clock claimed the DM, maybe sent it, and died before recording the outcome.
    sqlite_store.deliveries.claim(
        day_before.key, "slack:user:UANNA", owner="crashed", due_at=day_before.due
    )
    clock = reminder_clock(workbook, sqlite_store, fake)
    caplog.set_level(logging.WARNING, logger="bot.handlers.reminders")

    clock.tick(DAY_BEFORE)
    clock.tick(DAY_BEFORE + timedelta(hours=7))
    clock.tick(DAY_BEFORE + timedelta(hours=8))

    assert channels(fake) == Counter({ANNOUNCE: 1})  # at-most-once: the DM is not repeated
    uncertain = [r for r in caplog.records if "uncertain" in r.getMessage()]
    assert len(uncertain) == 1 and day_before.key in uncertain[0].getMessage()


def test_a_stopping_clock_claims_nothing_new(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    subscribe(sqlite_store, "UANNA", "UBOB")
    clock = reminder_clock(workbook, sqlite_store, fake)
    clock.stopping.set()

    stopped = clock.tick(DAY_BEFORE)
    restarted = reminder_clock(workbook, sqlite_store, fake).tick(DAY_BEFORE)

    assert stopped.stopped and stopped.sent == 0
    assert restarted.sent == 3


# --- looking ahead ----------------------------------------------------------------------------


def test_the_dry_run_lists_due_times_targets_and_what_was_sent(
    workbook: LocalWorkbook, sqlite_store: Store, fake: FakeSlack
) -> None:
    subscribe(sqlite_store, "UANNA", "UBOB")
    reminder_clock(workbook, sqlite_store, fake).tick(WEEK_BEFORE)
    audience = Audience(sqlite_store.subscriptions, ("slack",), ANNOUNCE)
    snapshot = SnapshotSource(workbook).current()

    lines = planned_lines(snapshot, audience, sqlite_store.deliveries)
    later = planned_lines(snapshot, audience, sqlite_store.deliveries, start=DAY_BEFORE.date())

    assert [(line.reminder.due, line.status) for line in lines] == [
        (WEEK_BEFORE, "verstuurd"),
        (DAY_BEFORE, "gepland"),
    ]
    assert lines[1].targets == (f"slack:channel:{ANNOUNCE}", "2 abonnee(s) (DM)")
    assert [line.reminder.due for line in later] == [DAY_BEFORE]


# --- Slack: /g40 herinneringen, /g40 agenda ---------------------------------------------------


@pytest.fixture
def slack_app(tmp_path: Path, workbook: LocalWorkbook, fake: FakeSlack) -> Iterator[Slack]:
    settings = settings_for(fake, workbook.path, tmp_path / "g40.sqlite3")
    service = build_slack_service(settings)
    with serving(service.wsgi()) as url:
        yield Slack(fake, service, url, tmp_path)
        assert service.background.wait_idle(15)
    service.close()


def test_subscribing_by_slash_command_brings_the_dms_and_unsubscribing_stops_them(
    slack_app: Slack, workbook: LocalWorkbook, fake: FakeSlack
) -> None:
    on = slack_app.command("herinneringen aan", user="UANNA").json()
    slack_app.settle()
    [home] = fake.delivered("views.publish")
    store = slack_app.service.store
    clock = reminder_clock(workbook, store, fake)
    clock.tick(WEEK_BEFORE)
    off = slack_app.command("reminders off", user="UANNA").json()
    slack_app.settle()
    clock.tick(DAY_BEFORE)

    assert on["response_type"] == "ephemeral"
    assert "Herinneringen staan aan" in on["text"]
    assert "Turn them on: `/g40 reminders on`" in off["text"]
    assert home["user_id"] == "UANNA" and "Zet uit" in texts(home["view"]["blocks"])
    dms = [p for p in posted(fake) if p["channel"] == "UANNA"]
    assert len(dms) == 1 and "over 7 dagen" in dms[0]["text"]
    subscription = store.subscriptions.get("slack", "UANNA")
    assert subscription is not None and not subscription.subscribed


def test_a_wrong_word_after_herinneringen_explains_the_two_options(
    slack_app: Slack,
) -> None:
    answer = slack_app.command("herinneringen misschien", user="UANNA").json()

    assert answer["text"].startswith("'misschien' ken ik niet na herinneringen.")
    assert (
        "Aanzetten: `/g40 herinneringen aan`; uitzetten: `/g40 herinneringen uit`."
        in answer["text"]
    )
    assert slack_app.service.store.subscriptions.get("slack", "UANNA") is None


def test_agenda_shows_the_coming_phases_with_their_next_reminder(slack_app: Slack) -> None:
    with time_machine.travel(datetime(2026, 9, 4, 12, tzinfo=UTC), tick=True):
        dutch = slack_app.command("agenda", user="UANNA").json()
        english = slack_app.command("schedule", user="UANNA").json()

    shown = texts(dutch["blocks"])
    assert "Agenda verkiezingen" in shown
    assert (
        "G40 netwerkdagen (fysiek deel verkiezingen): donderdag 10 en vrijdag 11 september 2026."
        in shown
    )
    assert "Herinnering: woensdag 9 september 2026 09:00." in shown
    assert "Kandidaatstelling: datum nog niet bekend." in shown
    assert "Herinneringen staan uit. Aanzetten: `/g40 herinneringen aan`." in shown
    assert "Reminder: Wednesday 9 September 2026 09:00" in texts(english["blocks"])
