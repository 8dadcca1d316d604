"""Candidacies and reminders in Teams, black-box: Activity JSON POSTed to the real
/api/messages (anonymous mode), the candidacy card's Action.Execute invokes answered in the
HTTP response, replies and proactive messages recorded by the local fake Bot Connector, rows
landing in the local workbook's Kandidaturen tab; the clock as the real `g40bot` executable."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.candidacy import Candidate, Submission
from bot.dates import AMSTERDAM
from bot.models import RawCell
from bot.platforms.teams.app import build_teams_service, create_teams_service
from bot.platforms.teams.cards import REFRESH_VERB, SUBMIT_VERB, VERBS
from bot.platforms.teams.config import teams_configuration
from bot.runtime import Runtime
from bot.settings import TEAMS_ANONYMOUS_ALLOWED
from bot.sheets import LocalWorkbook, seed_workbook
from bot.store import Store
from bot.store.deliveries import FAILED, SENT
from bot.store.teams import TeamsConversation
from tests.cli import Outcome, only_settings
from tests.cli import g40bot as run
from tests.conftest import seeded_workbook
from tests.fake_teams_connector import FakeConnector, Posted, shown_text
from tests.test_reminders import edit_phase
from tests.test_teams import (
    BOT,
    CHANNEL,
    PERSONAL,
    TEAM,
    TENANT,
    USER,
    TeamsHarness,
    channel_reference,
    serving,
    settings_for,
)

# The kandidaatstelling phase runs 1 to 14 June 2026 in these tests.
OPEN = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)
CLOSED = datetime(2026, 6, 15, 9, 0, tzinfo=AMSTERDAM)
STAFF = "19:staff@thread.tacv2"
MOTIVATION = "Ik wil de G40 verbinden met het Rijk en de pijler Fysiek sterker maken."
WITHDRAW_VERB = VERBS["withdraw"]


def prepare_workbook(path: Path, *, staff_teams_id: str = "") -> LocalWorkbook:
    book = seeded_workbook(path)
    edit_phase(book, "kandidaatstelling", start="2026-06-01", eind="2026-06-14")
    if staff_teams_id:
        rows = book.read_tab("Beheerders")
        rows.append(["Sam Staf", "", "", staff_teams_id])
        book.write_tabs({"Beheerders": rows})
    return book


def candidacy_rows(book: LocalWorkbook) -> list[dict[str, RawCell]]:
    rows = book.read_tab("Kandidaturen")
    header = [str(cell) for cell in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Background work (the staff notice, a withdrawal's sheet write) ends within seconds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.02)


@dataclass
class CandidacyHarness(TeamsHarness):
    book: LocalWorkbook
    clock: list[datetime]

    def say(self, text: str | None, *, id: str = "msg-1", **options: Any) -> Posted:
        """Post a message; the one reply to it (staff notices may arrive meanwhile)."""
        response = self.post(self.message(text, id=id, **options))
        assert response.status_code in (200, 202), response.text
        (reply,) = [post for post in self.connector.posted if post.reply_to_id == id]
        return reply

    def invoke(
        self,
        verb: str,
        data: dict[str, Any],
        *,
        user: dict[str, str] | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Click an Action.Execute button: the card Teams then shows (the invoke response)."""
        activity = self.message(None, id=f"invoke-{verb}-{len(self.connector.posted)}", **options)
        activity.update(
            type="invoke",
            name="adaptiveCard/action",
            value={"action": {"type": "Action.Execute", "verb": verb, "data": data}},
            **({"from": user} if user else {}),
        )
        response = self.post(activity)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["statusCode"] == 200
        assert body["type"] == "application/vnd.microsoft.card.adaptive", body
        return dict(body["value"])


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {element["id"]: element for element in walk(card) if "id" in element}


def walk(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every element of a card's body, containers opened, in order."""
    stack = list(reversed(card["body"]))
    while stack:
        element = stack.pop()
        yield element
        stack += reversed(element.get("items", []))


def error_under(card: dict[str, Any], input_id: str) -> str | None:
    """The error text shown right under an input (Attention-coloured text)."""
    elements = list(walk(card))
    for index, element in enumerate(elements):
        if element.get("id") == input_id and index + 1 < len(elements):
            after = elements[index + 1]
            colours = {after.get("color")} | {
                run.get("color") for run in after.get("inlines", []) if isinstance(run, dict)
            }
            if "Attention" in colours:
                return shown_text(after)
    return None


def texts(card: dict[str, Any]) -> str:
    found = [shown_text(element) for element in walk(card)]
    found += [action["title"] for action in card.get("actions", [])]
    return "\n".join(found)


def actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(card.get("actions", []))
    for element in walk(card):
        found += element.get("actions", []) if element.get("type") == "ActionSet" else []
    return found


def confirmation(card: dict[str, Any], label: str = "Trek in") -> tuple[str, dict[str, Any]]:
    """What a button with a confirmation acts on (the text beside it), the question it shows
    on the card (hidden until pressed), and the button in it that carries the action out."""
    (row,) = [
        element
        for element in walk(card)
        if element.get("type") == "Container"
        and any(a.get("title") == label for a in actions({"body": [element]}))
        and not element.get("id")
    ]
    (opener,) = [a for a in row["items"][1]["actions"] if a["title"] == label]
    assert opener["type"] == "Action.ToggleVisibility" and "verb" not in opener
    (target,) = opener["targetElements"]
    (question,) = [element for element in walk(card) if element.get("id") == target]
    assert question["isVisible"] is False
    inside = {"body": [question]}
    (yes,) = [a for a in actions(inside) if a.get("type") == "Action.Execute"]
    return f"{shown_text(row['items'][0])}\n{texts(inside)}", yes


def submit_data(form: dict[str, Any], **answers: str) -> dict[str, Any]:
    """What Teams sends for the form's submit button: its data plus every input's value."""
    (submit,) = [a for a in form["actions"] if a.get("verb") == SUBMIT_VERB]
    values = {
        key: str(element.get("value", element.get("valueOff", "")))
        for key, element in inputs(form).items()
    }
    filled = {
        "role": "pijlervoorzitter-fysiek",
        "municipality": "Almere",
        "office": "wethouder",
        "email": "gerdien@almere.nl",
        "motivation": MOTIVATION,
        "confirmed": "true",
    }
    return {**submit["data"], **values, **filled, **answers}


@contextmanager
def running_candidacy(tmp_path: Path, *, staff_teams_id: str = "") -> Iterator[CandidacyHarness]:
    settings = settings_for(tmp_path, **{TEAMS_ANONYMOUS_ALLOWED: "true"})
    book = prepare_workbook(settings.workbook, staff_teams_id=staff_teams_id)
    configuration = teams_configuration(settings, environ={})
    runtime = Runtime(settings)
    clock = [OPEN]
    # The candidacy window's clock, which a test moves past the deadline.
    runtime.candidacy.now = lambda: clock[0]
    connector = FakeConnector().start()
    try:
        service = create_teams_service(configuration, runtime, staff_conversation=STAFF)
        runtime.store.teams.save(channel_reference(STAFF, connector.url))
        with serving(service.web_app) as url:
            yield CandidacyHarness(url, connector, service, runtime.store, book, clock)
    finally:
        connector.stop()
        runtime.close()


@pytest.fixture
def teams(tmp_path: Path) -> Iterator[CandidacyHarness]:
    with running_candidacy(tmp_path, staff_teams_id=str(USER["aadObjectId"])) as harness:
        yield harness


# --- the form ---------------------------------------------------------------------------------


def test_kandidaat_sends_the_form_card_with_every_field_bounded(teams: CandidacyHarness) -> None:
    form = teams.say("kandidaat").card

    fields = inputs(form)
    role_choices = {c["value"] for c in fields["role"]["choices"]}
    assert {"voorzitter", "pijlervoorzitter-fysiek"} <= role_choices
    assert "pijlersecretaris-fysiek" not in role_choices  # not elected: nobody stands for it
    assert {"title": "Almere", "value": "Almere"} in fields["municipality"]["choices"]
    assert len(fields["municipality"]["choices"]) == 41
    assert fields["name"]["value"] == "Gerdien" and fields["name"]["maxLength"] == 100
    assert fields["email"]["maxLength"] == 254
    assert fields["motivation"]["maxLength"] == 2000 and fields["motivation"]["isMultiline"]
    assert [c["value"] for c in fields["office"]["choices"]] == [
        "burgemeester",
        "wethouder",
        "anders",
    ]
    assert fields["confirmed"]["type"] == "Input.Toggle"
    assert "Kandidaat stellen en intrekken kan t/m" in texts(form)
    assert [a["type"] for a in form["actions"]] == ["Action.Execute"]


def test_the_help_card_button_opens_the_form(teams: CandidacyHarness) -> None:
    help_card = teams.say("hulp").card
    (button,) = [a for a in help_card["actions"] if a["title"] == "Stel je kandidaat"]

    form = teams.invoke(button["verb"], button["data"])

    assert "role" in inputs(form) and inputs(form)["name"]["value"] == "Gerdien"


def test_the_help_card_button_in_a_channel_points_to_the_personal_chat(
    teams: CandidacyHarness,
) -> None:
    in_channel = {
        "conversation": {"id": f"{CHANNEL};messageid=7", "conversationType": "channel"},
        "channelData": {"tenant": {"id": TENANT}, "team": {"id": TEAM}, "channel": {"id": CHANNEL}},
    }
    mention = [{"type": "mention", "text": "<at>g40bot</at>", "mentioned": BOT}]
    help_card = teams.say("<at>g40bot</at> hulp", id="7", entities=mention, **in_channel).card
    (button,) = [a for a in help_card["actions"] if a["title"] == "Stel je kandidaat"]

    answer = teams.invoke(button["verb"], button["data"], **in_channel)

    assert "role" not in inputs(answer)
    assert "persoonlijke chat" in texts(answer) and "typ 'kandidaat'" in texts(answer)


def test_show_tasks_keeps_the_values_and_shows_the_roles_tasks(teams: CandidacyHarness) -> None:
    form = teams.say("kandidaat").card
    (show,) = [a for a in actions(form) if a.get("verb") == REFRESH_VERB]

    refreshed = teams.invoke(
        REFRESH_VERB, {**show["data"], "role": "voorzitter", "name": "Gerdien L."}
    )

    assert inputs(refreshed)["role"]["value"] == "voorzitter"
    assert inputs(refreshed)["name"]["value"] == "Gerdien L."
    assert "Taken van de Voorzitter:" in texts(refreshed)


# --- submitting -------------------------------------------------------------------------------


def test_field_errors_come_back_under_each_field_with_the_values_kept(
    teams: CandidacyHarness,
) -> None:
    form = teams.say("kandidaat").card

    answer = teams.invoke(
        SUBMIT_VERB,
        submit_data(
            form, email="gerdien-at-almere", motivation="Kort.", confirmed="false", office=""
        ),
    )

    assert (error_under(answer, "email") or "").startswith(
        "'gerdien-at-almere' is geen geldig e-mailadres."
    )
    assert "minstens 20" in (error_under(answer, "motivation") or "")
    assert error_under(answer, "confirmed") is not None
    assert error_under(answer, "office") is not None
    assert error_under(answer, "name") is None and error_under(answer, "role") is None
    kept = inputs(answer)
    assert kept["email"]["value"] == "gerdien-at-almere"
    assert kept["role"]["value"] == "pijlervoorzitter-fysiek"
    assert kept["municipality"]["value"] == "Almere"
    assert candidacy_rows(teams.book) == []
    assert teams.store.candidacies.of_user("teams", str(USER["aadObjectId"])) == []


def test_errors_are_in_english_on_an_english_form(teams: CandidacyHarness) -> None:
    form = teams.say("candidacy", locale="en-US").card

    answer = teams.invoke(SUBMIT_VERB, submit_data(form, municipality="Amsterdam"))

    assert "Amsterdam" in (error_under(answer, "municipality") or "")
    assert "is not a G40 municipality" in (error_under(answer, "municipality") or "")
    assert answer["lang"] == "en"


def test_a_valid_submit_writes_one_row_answers_with_the_receipt_and_tells_staff(
    teams: CandidacyHarness,
) -> None:
    form = teams.say("kandidaat").card
    data = submit_data(form)

    receipt = teams.invoke(SUBMIT_VERB, data)
    again = teams.invoke(SUBMIT_VERB, data)  # a repeated delivery of the same click

    (row,) = candidacy_rows(teams.book)
    assert row["functie"] == "pijlervoorzitter-fysiek" and row["gemeente"] == "Almere"
    assert row["naam"] == "Gerdien" and row["email"] == "gerdien@almere.nl"
    assert row["platform"] == "teams" and row["gebruiker_id"] == USER["aadObjectId"]
    assert row["status"] == "ingediend"
    shown = texts(receipt)
    assert "Kandidatuur ontvangen" in shown
    assert f"Inzending: {row['inzending_id']}" in shown
    assert "Je kandidatuur staat in het overzicht van het secretariaat." in shown
    _question, withdraw = confirmation(receipt)
    assert withdraw["verb"] == WITHDRAW_VERB and withdraw["data"]["value"] == row["inzending_id"]
    assert f"Inzending: {row['inzending_id']}" in texts(again)
    wait_for(lambda: len(teams.connector.sent_to(STAFF)) >= 1)
    (notice,) = teams.connector.sent_to(STAFF)
    assert "Nieuwe kandidatuur voor" in notice.card_text and "Gerdien" in notice.card_text


def test_a_second_candidacy_for_the_same_function_asks_to_replace(
    teams: CandidacyHarness,
) -> None:
    first = teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))
    assert "Kandidatuur ontvangen" in texts(first)
    form = teams.say("kandidaat", id="msg-2").card

    asked = teams.invoke(SUBMIT_VERB, submit_data(form, motivation=MOTIVATION + " Opnieuw."))
    left_off = teams.invoke(SUBMIT_VERB, submit_data(asked))
    replaced = teams.invoke(SUBMIT_VERB, submit_data(asked, replace="true"))

    assert "Je hebt al een kandidatuur voor" in texts(asked)
    assert inputs(asked)["replace"]["value"] == "false"
    assert inputs(asked)["motivation"]["value"] == MOTIVATION + " Opnieuw."
    assert error_under(left_off, "replace") is not None
    assert "Kandidatuur ontvangen" in texts(replaced)
    assert "Deze kandidatuur vervangt je eerdere" in texts(replaced)
    statuses = sorted(str(row["status"]) for row in candidacy_rows(teams.book))
    assert statuses == ["ingediend", "vervangen"]


def test_a_closed_window_is_explained_on_the_form_and_before_it(teams: CandidacyHarness) -> None:
    form = teams.say("kandidaat").card
    teams.clock[0] = CLOSED

    answer = teams.invoke(SUBMIT_VERB, submit_data(form))
    later = teams.say("kandidaat", id="msg-late").card

    assert "gesloten" in (error_under(answer, "role") or "")
    assert candidacy_rows(teams.book) == []
    assert "role" not in inputs(later)
    assert "gesloten" in texts(later)


# --- the candidate's own, withdrawing, staff ----------------------------------------------------


def test_withdrawing_from_the_receipt_asks_first_then_updates_the_sheet(
    teams: CandidacyHarness,
) -> None:
    receipt = teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))

    question, yes = confirmation(receipt)
    done = teams.invoke(yes["verb"], yes["data"])

    assert "Je kandidatuur voor Pijlervoorzitter Fysiek intrekken?" in question
    assert "Kandidatuur ingetrokken" in texts(done)
    wait_for(lambda: [r["status"] for r in candidacy_rows(teams.book)] == ["ingetrokken"])
    wait_for(lambda: len(teams.connector.sent_to(STAFF)) == 2)
    assert "Kandidatuur ingetrokken" in teams.connector.sent_to(STAFF)[1].card_text


def test_someone_else_cannot_withdraw_my_candidacy(teams: CandidacyHarness) -> None:
    receipt = teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))
    _question, yes = confirmation(receipt)
    stranger = {"id": "29:stranger", "aadObjectId": "aad-stranger", "name": "X"}

    answer = teams.invoke(yes["verb"], yes["data"], user=stranger)

    assert "Pijlervoorzitter Fysiek" not in texts(answer)
    assert [r["status"] for r in candidacy_rows(teams.book)] == ["ingediend"]


def test_my_candidacies_lists_them_with_a_withdraw_button(teams: CandidacyHarness) -> None:
    teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))

    mine = teams.say("mijn kandidaturen", id="msg-mine").card
    pick = teams.say("intrekken", id="msg-withdraw").card

    assert "Jouw kandidaturen" in texts(mine) and "Pijlervoorzitter Fysiek" in texts(mine)
    for card in (mine, pick):
        question, yes = confirmation(card)
        assert yes["verb"] == WITHDRAW_VERB
        assert "Pijlervoorzitter Fysiek" in question
        assert [a["verb"] for a in actions(card) if "verb" in a] == [WITHDRAW_VERB]


def test_the_overview_is_for_staff_only(tmp_path: Path) -> None:
    with running_candidacy(tmp_path, staff_teams_id="aad-someone-else") as teams:
        teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))
        refused = teams.say("kandidaten", id="msg-k1").card
    with running_candidacy(tmp_path / "staff", staff_teams_id=str(USER["aadObjectId"])) as teams:
        teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))
        overview = teams.say("kandidaten pijlervoorzitter fysiek", id="msg-k2").card

    assert "alleen voor het secretariaat" in texts(refused)
    assert "Je eigen kandidaturen: typ 'mijn kandidaturen'." in texts(refused)
    assert "Gerdien" not in texts(refused)
    assert "Gerdien" in texts(overview) and "1 lopende" in texts(overview)


def test_staff_listed_by_email_only_may_see_every_candidacy(teams: CandidacyHarness) -> None:
    teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))
    marc = {"id": "29:marc", "aadObjectId": "aad-marc", "name": "Marc Jaarsma"}
    teams.connector.add_member(marc, "Secretaris@G40stedennetwerk.nl")

    overview = teams.say("kandidaten", id="msg-marc", **{"from": marc}).card
    teams.say("wie heeft Europa?", id="msg-question", **{"from": marc})
    by_teams_id = teams.say("kandidaten", id="msg-gerdien").card

    assert "Gerdien" in texts(overview) and "1 lopende" in texts(overview)
    assert "Gerdien" in texts(by_teams_id)
    # Looked up once: for the staff command of someone not listed by a Teams id.
    assert [(lookup.conversation_id, lookup.user_id) for lookup in teams.connector.lookups] == [
        (PERSONAL, marc["id"])
    ]


def test_a_member_whose_email_is_not_listed_is_refused_the_overview(
    teams: CandidacyHarness,
) -> None:
    teams.invoke(SUBMIT_VERB, submit_data(teams.say("kandidaat").card))
    anna = {"id": "29:anna", "aadObjectId": "aad-anna", "name": "Anna"}
    teams.connector.add_member(anna, "anna@almere.nl")
    unknown = {"id": "29:guest", "aadObjectId": "aad-guest", "name": "Gast"}  # no member record

    refused = teams.say("kandidaten", id="msg-anna", **{"from": anna}).card
    not_found = teams.say("candidates", id="msg-guest", **{"from": unknown}).card

    assert "alleen voor het secretariaat" in texts(refused) and "Gerdien" not in texts(refused)
    assert "for the secretariat only" in texts(not_found) and "Gerdien" not in texts(not_found)
    assert [lookup.user_id for lookup in teams.connector.lookups] == [anna["id"], unknown["id"]]


def test_candidacy_commands_in_a_channel_point_to_the_personal_chat(
    teams: CandidacyHarness,
) -> None:
    reply = teams.say(
        "<at>g40bot</at> kandidaat",
        conversation={"id": f"{CHANNEL};messageid=5", "conversationType": "channel"},
        channelData={"tenant": {"id": TENANT}, "team": {"id": TEAM}, "channel": {"id": CHANNEL}},
        entities=[{"type": "mention", "text": "<at>g40bot</at>", "mentioned": BOT}],
    )

    assert "persoonlijke chat" in reply.card_text
    assert "role" not in inputs(reply.card)


# --- reminders --------------------------------------------------------------------------------


def test_reminders_on_and_off_in_the_chat(teams: CandidacyHarness) -> None:
    on = teams.say("herinneringen aan")
    subscribed = teams.store.subscriptions.get("teams", str(USER["aadObjectId"]))
    off = teams.say("reminders off", id="msg-off")
    unknown = teams.say("herinneringen misschien", id="msg-maybe")

    assert "Herinneringen staan aan" in on.card_text
    assert subscribed is not None and subscribed.subscribed and subscribed.language == "nl"
    assert "Reminders are off" in off.card_text
    after = teams.store.subscriptions.get("teams", str(USER["aadObjectId"]))
    assert after is not None and not after.subscribed and after.language == "en"
    assert (
        "'misschien' ken ik niet na herinneringen. Aanzetten: typ 'herinneringen aan'; "
        "uitzetten: typ 'herinneringen uit'." in unknown.card_text
    )


# --- the clock: reminders to stored references, and the outbox --------------------------------


def personal_reference(conversation_id: str, user_id: str, aad: str, url: str) -> TeamsConversation:
    return TeamsConversation(
        conversation_id=conversation_id,
        conversation_type="personal",
        service_url=url,
        tenant_id=TENANT,
        user_id=user_id,
        user_aad_object_id=aad,
        team_id="",
        channel_id="",
        bot_id=BOT["id"],
        locale="nl-NL",
    )


def g40bot(home: Path, *args: str, **extra: str) -> Outcome:
    settings = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "G40_WORKBOOK": str(home / "werkboek.xlsx"),
        "DATABASE_URL": f"sqlite:///{home / 'g40.sqlite3'}",
        TEAMS_ANONYMOUS_ALLOWED: "true",
    }
    env = only_settings(**(settings | extra))
    return run(*args, env=env, cwd=home)


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    fake = FakeConnector().start()
    yield fake
    fake.stop()


def test_the_clock_sends_a_teams_reminder_once_to_subscribers_and_the_channel(
    tmp_path: Path, connector: FakeConnector
) -> None:
    seed_workbook(LocalWorkbook(tmp_path / "werkboek.xlsx"))
    store = Store(f"sqlite:///{tmp_path / 'g40.sqlite3'}")
    store.teams.save(personal_reference(PERSONAL, USER["id"], "aad-1", connector.url))
    store.teams.save(personal_reference("a:gone", "29:gone", "aad-gone", connector.url))
    store.teams.save(
        TeamsConversation(CHANNEL, "channel", connector.url, TENANT, "", "", TEAM, CHANNEL, "b", "")
    )
    store.subscriptions.set("teams", "aad-1", language="en", subscribed=True)
    store.subscriptions.set("teams", "aad-gone", language="nl", subscribed=True)
    store.close()
    connector.refuse("a:gone", 403)  # the app was removed for this user

    first = g40bot(
        tmp_path,
        "clock",
        "--once",
        "--now",
        "2026-09-09T09:00",
        G40_TEAMS_ANNOUNCE_CONVERSATION=CHANNEL,
    )
    second = g40bot(
        tmp_path,
        "clock",
        "--once",
        "--now",
        "2026-09-09T09:01",
        G40_TEAMS_ANNOUNCE_CONVERSATION=CHANNEL,
    )

    assert first.returncode == 0, first.stderr
    assert "2 bericht(en) verstuurd" in first.stdout and "1 mislukt" in first.stdout
    (to_user,) = connector.sent_to(PERSONAL)
    assert to_user.card["lang"] == "en"
    assert "G40 network days" in to_user.card_text
    assert "Turn them off: type 'reminders off'." in to_user.card_text
    (to_channel,) = connector.sent_to(CHANNEL)
    assert "G40 netwerkdagen" in to_channel.card_text
    assert connector.sent_to("a:gone") == []
    store = Store(f"sqlite:///{tmp_path / 'g40.sqlite3'}")
    try:
        assert store.teams.get("a:gone") is None
        assert [d.status for d in store.teams.dropped()] == [403]
        key = "netwerkdagen|1d|2026-09-10"
        states = store.deliveries.states([key])[key]
    finally:
        store.close()
    assert second.returncode == 0, second.stderr
    assert "0 bericht(en) verstuurd" in second.stdout
    assert len(connector.posted) == 2
    assert states.get("teams:user:aad-gone") == FAILED
    assert states.get("teams:user:aad-1") == SENT


def test_clock_once_drains_the_candidacy_outbox(tmp_path: Path) -> None:
    book = prepare_workbook(tmp_path / "werkboek.xlsx")
    store = Store(f"sqlite:///{tmp_path / 'g40.sqlite3'}")
    moment = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)
    candidate = Candidate(
        "voorzitter", "Ada Kandidaat", "ada@almere.nl", "Almere", "burgemeester", MOTIVATION
    )
    submission = Submission(
        "k-2026-0123456789", "teams", "aad-ada", candidate, "nl", "ingediend", moment, moment
    )
    store.candidacies.add(submission)
    store.close()

    first = g40bot(tmp_path, "clock", "--once", "--now", "2026-06-05T12:00")
    second = g40bot(tmp_path, "clock", "--once", "--now", "2026-06-05T12:01")

    assert first.returncode == 0, first.stderr
    assert "Kandidaturen naar het sheet: 1 geschreven" in first.stdout
    (row,) = candidacy_rows(book)
    assert row["inzending_id"] == "k-2026-0123456789" and row["naam"] == "Ada Kandidaat"
    assert second.returncode == 0, second.stderr
    assert "Kandidaturen naar het sheet" not in second.stdout
    assert len(candidacy_rows(book)) == 1


def test_the_teams_service_drains_the_outbox_by_itself(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path, **{TEAMS_ANONYMOUS_ALLOWED: "true", "G40_OUTBOX_SECONDS": "0.05"}
    )
    book = prepare_workbook(settings.workbook)
    store = Store(settings.database_url)
    moment = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)
    candidate = Candidate(
        "voorzitter", "Bo Wachtend", "bo@almere.nl", "Almere", "wethouder", MOTIVATION
    )
    store.candidacies.add(
        Submission(
            "k-2026-aaaaaaaaaa", "teams", "aad-bo", candidate, "nl", "ingediend", moment, moment
        )
    )
    store.close()

    service = build_teams_service(settings)
    try:
        wait_for(lambda: [r["naam"] for r in candidacy_rows(book)] == ["Bo Wachtend"])
    finally:
        service.close()
