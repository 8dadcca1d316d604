"""The clock and the look-ahead commands, black-box: the `g40bot` command (in-process; the
installed executable in real processes where the point is two clocks or a signal), its Slack
Web API calls going to the local fake, its state in a SQLite file."""

from __future__ import annotations

import os
import signal
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.sheets import LocalWorkbook
from bot.store import Store
from tests.cli import G40BOT, Outcome, only_settings
from tests.cli import g40bot as run
from tests.conftest import seeded_workbook
from tests.fake_slack import FakeSlack
from tests.test_reminders import edit_phase

ANNOUNCE = "C0ANNOUNCE"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeded_workbook(tmp_path / "werkboek.xlsx")
    monkeypatch.chdir(tmp_path)  # no .env of the developer's checkout
    return tmp_path


def environment(home: Path, fake: FakeSlack, **extra: str) -> dict[str, str | None]:
    settings = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "G40_WORKBOOK": str(home / "werkboek.xlsx"),
        "DATABASE_URL": f"sqlite:///{home / 'g40.sqlite3'}",
        "SLACK_API_URL": fake.api_url,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "G40_ANNOUNCE_CHANNEL": ANNOUNCE,
        "PYTHONUNBUFFERED": "1",
    }
    return only_settings(**(settings | extra))


def g40bot(home: Path, fake: FakeSlack, *args: str, **extra: str) -> Outcome:
    return run(*args, env=environment(home, fake, **extra))


def in_a_process(home: Path, fake: FakeSlack, *args: str) -> subprocess.Popen[str]:
    environ = {k: v for k, v in (os.environ | environment(home, fake)).items() if v is not None}
    return subprocess.Popen(
        [str(G40BOT), *args],
        env=environ,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def subscribe(home: Path, *users: str) -> None:
    store = Store(f"sqlite:///{home / 'g40.sqlite3'}")
    for user in users:
        store.subscriptions.set("slack", user, language="nl", subscribed=True)
    store.close()


def channels(fake: FakeSlack) -> Counter[str]:
    return Counter(str(p["channel"]) for p in fake.delivered("chat.postMessage"))


# --- g40bot clock -----------------------------------------------------------------------------


def test_clock_once_posts_the_due_reminder_and_a_second_run_posts_nothing(
    home: Path, fake: FakeSlack
) -> None:
    subscribe(home, "USUBSCRIBER")

    first = g40bot(home, fake, "clock", "--once", "--now", "2026-09-09T09:00")
    second = g40bot(home, fake, "clock", "--once", "--now", "2026-09-09T09:01")

    assert first.returncode == 0, first.stderr
    assert "2 bericht(en) verstuurd" in first.stdout
    # Said once: not also as a log line on stderr.
    assert (first.stdout + first.stderr).count("bericht(en) verstuurd") == 1, first.stderr
    assert channels(fake) == Counter({ANNOUNCE: 1, "USUBSCRIBER": 1})
    for message in fake.delivered("chat.postMessage"):
        assert "G40 netwerkdagen" in message["text"]
        assert ": morgen, op donderdag 10 september 2026" in message["text"]
    assert second.returncode == 0, second.stderr
    assert "0 bericht(en) verstuurd" in second.stdout
    assert len(fake.attempts("chat.postMessage")) == 2


def test_subscribers_on_a_platform_the_clock_cannot_reach_are_named_not_silently_skipped(
    home: Path, fake: FakeSlack
) -> None:
    """The web process for Teams has its credentials; a clock started without them would never
    remind Teams subscribers, and nothing would say so."""
    store = Store(f"sqlite:///{home / 'g40.sqlite3'}")
    store.subscriptions.set("teams", "aad-anna", language="nl", subscribed=True)
    store.subscriptions.set("teams", "aad-bert", language="en", subscribed=True)
    store.close()

    ticked = g40bot(home, fake, "clock", "--once", "--now", "2026-09-09T09:00")
    planned = g40bot(home, fake, "reminders", "--from", "2026-09-01")

    for outcome in (ticked, planned):
        assert outcome.returncode == 0, outcome.stderr
        [line] = [line for line in outcome.stderr.splitlines() if "Teams" in line]
        assert "2 abonnee(s)" in line and "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__" in line


def test_clock_once_prunes_the_ledger_a_month_after_a_reminder(home: Path, fake: FakeSlack) -> None:
    subscribe(home, "USUBSCRIBER")
    key = "netwerkdagen|1d|2026-09-10"

    sent = g40bot(home, fake, "clock", "--once", "--now", "2026-09-09T09:00")
    store = Store(f"sqlite:///{home / 'g40.sqlite3'}")
    try:
        kept = store.deliveries.states([key])[key]
        later = g40bot(home, fake, "clock", "--once", "--now", "2026-10-20T09:00")
        pruned = store.deliveries.states([key])[key]
    finally:
        store.close()

    assert sent.returncode == 0 and later.returncode == 0, sent.stderr + later.stderr
    assert set(kept.values()) == {"sent"} and len(kept) == 2
    assert pruned == {}
    assert "0 bericht(en) verstuurd" in later.stdout and "gemist" not in later.stdout


def test_two_clock_processes_at_once_send_each_message_once(home: Path, fake: FakeSlack) -> None:
    users = [f"U{number:04d}" for number in range(40)]
    subscribe(home, *users)
    processes = [
        in_a_process(home, fake, "clock", "--once", "--now", "2026-09-09T09:00+02:00")
        for _ in range(2)
    ]
    results = [process.communicate(timeout=120) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], results
    assert channels(fake) == Counter({ANNOUNCE: 1, **dict.fromkeys(users, 1)})


def test_a_bad_now_is_explained(home: Path, fake: FakeSlack) -> None:
    result = g40bot(home, fake, "clock", "--once", "--now", "9 september")

    assert result.returncode == 2
    assert "'9 september' is geen tijdstip" in result.stderr
    assert "2026-09-03T09:00" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_clock_without_a_slack_token_stops_with_one_line(home: Path, fake: FakeSlack) -> None:
    result = g40bot(home, fake, "clock", "--once", SLACK_BOT_TOKEN="")

    assert result.returncode == 2
    assert result.stderr.strip().startswith("SLACK_BOT_TOKEN ontbreekt")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_grace_setting_is_named(home: Path, fake: FakeSlack) -> None:
    result = g40bot(home, fake, "clock", "--once", G40_REMINDER_GRACE_HOURS="zes")

    assert result.returncode == 2
    assert result.stderr.startswith("Ongeldige instelling G40_REMINDER_GRACE_HOURS='zes'")
    assert "Traceback" not in result.stderr


def test_the_running_clock_stops_cleanly_on_sigterm(home: Path, fake: FakeSlack) -> None:
    process = in_a_process(home, fake, "clock")
    assert process.stdout is not None
    started = process.stdout.readline()
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)

    assert "g40bot klok: herinneringen elke minuut" in started
    assert process.returncode == 0, err
    assert "Traceback" not in err


# --- g40bot reminders (dry run) ---------------------------------------------------------------


def test_the_dry_run_lists_due_times_targets_and_whether_sent(home: Path, fake: FakeSlack) -> None:
    subscribe(home, "USUBSCRIBER")
    before = g40bot(home, fake, "reminders", "--from", "2026-09-01")
    sent_by_dry_run = fake.attempts("chat.postMessage")
    g40bot(home, fake, "clock", "--once", "--now", "2026-09-09T09:00")
    after = g40bot(home, fake, "reminders", "--from", "2026-09-01", "--to", "2026-09-30")

    assert before.returncode == 0, before.stderr
    lines = before.stdout.splitlines()
    assert lines[0] == "Herinneringen vanaf 2026-09-01 (tijden in Europe/Amsterdam):"
    assert lines[1].startswith("  donderdag 3 september 2026 09:00 — G40 netwerkdagen")
    assert lines[2].startswith("  woensdag 9 september 2026 09:00 — G40 netwerkdagen")
    assert "→ slack:channel:C0ANNOUNCE, 1 abonnee(s) (DM) [gepland]" in lines[2]
    assert "Nog zonder datum, dus nog geen herinneringen: Kandidaatstelling." in before.stdout
    assert sent_by_dry_run == []
    assert "[gemist (overgeslagen)]" in after.stdout.splitlines()[1]
    assert after.stdout.splitlines()[2].endswith("[verstuurd]")


def test_the_dry_run_rejects_an_end_before_the_start(home: Path, fake: FakeSlack) -> None:
    result = g40bot(home, fake, "reminders", "--from", "2026-09-10", "--to", "2026-09-01")

    assert result.returncode == 2
    assert "--to ligt vóór --from" in result.stderr


# --- g40bot calendar --------------------------------------------------------------------------


def test_the_calendar_has_all_day_and_timed_phases_with_stable_uids(
    home: Path, fake: FakeSlack
) -> None:
    edit_phase(
        LocalWorkbook(home / "werkboek.xlsx"),
        "kandidaatstelling",
        start="2026-06-01 09:00",
        eind="2026-06-30 17:00",
    )

    first = g40bot(home, fake, "calendar")
    second = g40bot(home, fake, "calendar", "--output", str(home / "g40.ics"))

    assert first.returncode == 0, first.stderr
    assert "Niet in de agenda (nog geen datum): Digitaal deel verkiezingen." in first.stderr
    calendar = Calendar.from_ical(first.stdout)
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    network_days = events["fase-netwerkdagen@g40bot.g40stedennetwerk.nl"]
    assert str(network_days["summary"]) == "G40 netwerkdagen (fysiek deel verkiezingen)"
    assert network_days.decoded("dtstart").isoformat() == "2026-09-10"
    assert network_days.decoded("dtend").isoformat() == "2026-09-12"  # exclusive: 11 Sep inclusive
    candidacy = events["fase-kandidaatstelling@g40bot.g40stedennetwerk.nl"]
    assert candidacy["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert candidacy.decoded("dtstart").isoformat() == "2026-06-01T09:00:00+02:00"
    assert candidacy.decoded("dtend").isoformat() == "2026-06-30T17:00:00+02:00"
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Amsterdam"
    assert len(events) == 2
    assert second.returncode == 0, second.stderr
    written = Calendar.from_ical((home / "g40.ics").read_bytes())
    assert sorted(str(e["uid"]) for e in written.walk("VEVENT")) == sorted(events)
    assert "Agenda met 2 fase(n) geschreven naar" in second.stderr
