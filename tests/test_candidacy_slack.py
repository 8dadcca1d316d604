"""Candidacies in Slack, black-box: the real Bolt app behind the real WSGI adapter, requests
signed as Slack signs them, Web API calls to the local fake Slack, and the Kandidaturen tab in
the fake Google Sheets API under real gspread. Time travels; nothing sleeps for real minutes."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
import requests
import responses
import time_machine

from bot.dates import AMSTERDAM
from bot.models import RawCell
from bot.platforms.slack.app import build_slack_service
from bot.settings import Settings
from bot.sheets import load_seed
from tests.fake_sheets import Cell, FakeSheets, service_account_key
from tests.fake_slack import BOT_USER_ID, running_fake_slack
from tests.test_slack import SECRET, Slack, buttons, serving, texts

# The kandidaatstelling phase runs 1 to 14 June 2026 (date-only end: through that whole day).
OPEN = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)
LAST_MINUTE = datetime(2026, 6, 14, 23, 59, tzinfo=AMSTERDAM)
CLOSED = datetime(2026, 6, 15, 0, 0, 30, tzinfo=AMSTERDAM)
STAFF_CHANNEL = "C0STAFF"
STAFF_BY_ID = "USTAFF01"
MOTIVATION = "Ik wil de G40 verbinden met het Rijk en de pijler Fysiek sterker maken."


def workbook_tabs() -> dict[str, list[list[RawCell]]]:
    tabs = load_seed()
    planning = tabs["Planning"]
    header = [str(cell) for cell in planning[0]]
    for row in planning[1:]:
        if row[0] == "kandidaatstelling":
            row[header.index("start")] = "2026-06-01"
            row[header.index("eind")] = "2026-06-14"
    staff = tabs["Beheerders"]
    staff.append(["Sam Staf", "", STAFF_BY_ID, ""])
    return tabs


@dataclass
class CandidacyApp(Slack):
    sheets: FakeSheets

    def modal_payload(self, view: dict[str, Any], user: str, view_id: str) -> str:
        payload = {
            "type": "view_submission",
            "team": {"id": "T0G40"},
            "user": {"id": user},
            "api_app_id": "A0G40",
            "trigger_id": "1337.42.view",
            "view": {**view, "id": view_id, "hash": "h1", "state": {"values": view["state"]}},
        }
        return urlencode({"payload": json.dumps(payload)})

    def submit(self, view: dict[str, Any], user: str, view_id: str) -> requests.Response:
        body = self.modal_payload(view, user, view_id)
        return self.post(body, "application/x-www-form-urlencoded")

    def click(self, action: dict[str, Any], user: str) -> requests.Response:
        return self.action(action, user=user)

    def rows(self) -> list[dict[str, Cell]]:
        tab = self.sheets.tabs["Kandidaturen"].trimmed()
        header = [str(cell) for cell in tab[0]]
        return [dict(zip(header, row, strict=False)) for row in tab[1:]]

    def row(self, submission_id: str) -> dict[str, Cell]:
        [found] = [r for r in self.rows() if r["inzending_id"] == submission_id]
        return found

    def opened_modal(self, user: str, command: str = "kandidaat") -> dict[str, Any]:
        """The candidate types the command; the modal Slack shows them (after the prefill)."""
        opened_before = len(self.fake.delivered("views.open"))
        updated_before = len(self.fake.delivered("views.update"))
        response = self.command(command, user=user)
        assert response.status_code == 200 and response.text == ""
        self.settle()
        [opened] = self.fake.delivered("views.open")[opened_before:]
        assert opened["trigger_id"] == "1337.42.abcd"
        updates = self.fake.delivered("views.update")[updated_before:]
        return updates[-1]["view"] if updates else opened["view"]


def fill(view: dict[str, Any], strict: bool = True, **answers: Any) -> dict[str, Any]:
    """The view with `state`, as Slack sends it when the user filled in `answers` (by block id;
    fields not answered keep their initial value). `strict`: a select's answer must be
    one of its options, as in the real Slack client."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        kind = element["type"]
        if kind in {"static_select", "radio_buttons"}:
            initial: Any = (element.get("initial_option") or {}).get("value")
        elif kind == "checkboxes":
            initial = bool(element.get("initial_options"))
        else:
            initial = element.get("initial_value")
        answer = answers.get(block_id, initial)
        if kind in {"static_select", "radio_buttons"}:
            offered = [option["value"] for option in element["options"]]
            assert not strict or answer is None or answer in offered, (answer, offered)
            state = {"selected_option": {"value": answer} if answer is not None else None}
        elif kind == "checkboxes":
            state = {"selected_options": [{"value": "yes"}] if answer else []}
        else:
            state = {"value": answer}
        values[block_id] = {element["action_id"]: {"type": kind, **state}}
    return {**view, "state": values}


def complete(view: dict[str, Any], **answers: Any) -> dict[str, Any]:
    defaults = {
        "role": "pijlervoorzitter-fysiek",
        "municipality": "Almere",
        "office": "wethouder",
        "motivation": MOTIVATION,
        "confirmed": True,
    }
    return fill(view, **{**defaults, **answers})


def dms_to(fake_calls: list[dict[str, Any]], user: str) -> list[dict[str, Any]]:
    return [call for call in fake_calls if call["channel"] == "D" + user]


@pytest.fixture(scope="module")
def slack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CandidacyApp]:
    tmp = tmp_path_factory.mktemp("candidacy")
    sheets = FakeSheets()
    sheets.load(workbook_tabs())
    key = service_account_key()
    with (
        responses.RequestsMock(assert_all_requests_are_fired=False) as mock,
        running_fake_slack() as fake,
    ):
        sheets.install(mock)
        mock.add_passthru("http://127.0.0.1")
        settings_values = {
            "G40_SPREADSHEET_ID": sheets.spreadsheet_id,
            "G40_GOOGLE_CREDENTIALS": key,
            "DATABASE_URL": f"sqlite:///{tmp / 'g40.db'}",
            "SLACK_API_URL": fake.api_url,
            "SLACK_BOT_TOKEN": "xoxb-test-token",
            "SLACK_SIGNING_SECRET": SECRET,
            "G40_STAFF_CHANNEL": STAFF_CHANNEL,
            "G40_OUTBOX_SECONDS": "0.1",
        }
        service = build_slack_service(Settings(_env_file=None, **settings_values))
        with serving(service.wsgi()) as url:
            yield CandidacyApp(fake, service, url, tmp, sheets)
        service.close()


@pytest.fixture
def app(slack: CandidacyApp) -> Iterator[CandidacyApp]:
    slack.fake.reset()
    slack.sheets.heal()
    yield slack
    slack.settle()


def wait_until_written(app: CandidacyApp, submission_id: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while app.service.store.candidacies.pending_writes(submission_id):
        assert time.monotonic() < deadline, "the outbox did not drain"
        time.sleep(0.05)


def wait_for_trail(app: CandidacyApp, submission_id: str, entries: int) -> None:
    """The outbox's drainer (every 0.1 s) has made its next attempt, whatever its outcome."""
    records = app.service.store.candidacies
    deadline = time.monotonic() + 10
    while len(records.audit_trail(submission_id)) < entries:
        assert time.monotonic() < deadline, records.audit_trail(submission_id)
        time.sleep(0.02)


def wait_for_dms(
    app: CandidacyApp, user: str, caplog: pytest.LogCaptureFixture, seconds: float = 10
) -> list[dict[str, Any]]:
    """The DMs to `user` once there is one; failing, what Slack was asked and what was logged
    instead (this wait once came back empty in a loaded full run)."""
    deadline = time.monotonic() + seconds
    while not (found := dms_to(app.fake.delivered("chat.postMessage"), user)):
        logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert time.monotonic() < deadline, (app.fake.calls, logged)
        time.sleep(0.02)
    app.settle()
    return found


def submission_id_in(dm: dict[str, Any]) -> str:
    [button] = [b for b in buttons(dm["blocks"]) if b["action_id"] == "g40_candidacy_withdraw"]
    return str(button["value"])


# --- the whole flow ---------------------------------------------------------------------------


def test_a_candidacy_goes_from_slash_command_to_sheet_receipt_and_staff(
    app: CandidacyApp, caplog: pytest.LogCaptureFixture
) -> None:
    app.fake.profiles["UANNA"] = {"real_name": "Anna de Vries", "email": "anna@almere.nl"}
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UANNA")
        roles = next(b for b in modal["blocks"] if b.get("block_id") == "role")["element"]
        offered = {option["text"]["text"] for option in roles["options"]}
        assert {"Voorzitter", "Pijlervoorzitter Fysiek", "Pijlervicevoorzitter Sociaal"} <= offered
        assert len(offered) == 9 and "Algemeen secretaris" not in offered
        municipalities = next(b for b in modal["blocks"] if b.get("block_id") == "municipality")
        assert len(municipalities["element"]["options"]) == 41
        assert "t/m zondag 14 juni 2026" in texts(modal["blocks"])

        response = app.submit(complete(modal), "UANNA", "VFLOW1")
        assert response.status_code == 200
        assert response.json() == {"response_action": "clear"}
        [dm] = wait_for_dms(app, "UANNA", caplog)

    submission_id = submission_id_in(dm)
    row = app.row(submission_id)
    assert (row["functie"], row["naam"], row["email"]) == (
        "pijlervoorzitter-fysiek",
        "Anna de Vries",
        "anna@almere.nl",
    )
    assert (row["gemeente"], row["huidige_functie"], row["status"]) == (
        "Almere",
        "wethouder",
        "ingediend",
    )
    assert (row["platform"], row["gebruiker_id"], row["motivatie"]) == (
        "slack",
        "UANNA",
        MOTIVATION,
    )

    receipt = texts(dm["blocks"])
    assert "Kandidatuur ontvangen" in receipt
    assert "Je kandidatuur staat in het overzicht van het secretariaat." in receipt
    assert "Pijlervoorzitter Fysiek" in receipt and submission_id in receipt
    [notice] = [c for c in app.fake.delivered("chat.postMessage") if c["channel"] == STAFF_CHANNEL]
    assert notice["text"].startswith(
        "Nieuwe kandidatuur voor Pijlervoorzitter Fysiek: Anna de Vries (Almere, wethouder)"
    )
    actions = [
        (e.action, e.actor, e.platform)
        for e in app.service.store.candidacies.audit_trail(submission_id)
    ]
    assert actions == [("ingediend", "UANNA", "slack"), ("sheet append", "g40bot", "sheet")]


def test_field_errors_come_back_in_the_modal_in_the_users_language(app: CandidacyApp) -> None:
    with time_machine.travel(OPEN, tick=True):
        english = app.opened_modal("UENGLISH", command="candidacy")
        response = app.submit(
            complete(english, name="", email="anna@", motivation="Too short.", confirmed=False),
            "UENGLISH",
            "VERR1",
        )
        dutch = app.opened_modal("UDUTCH")
        too_long = complete(dutch, name="A" * 101, email="anna@almere.nl", office=None)
        dutch_response = app.submit(too_long, "UDUTCH", "VERR2")
        outsider = app.submit(
            fill(dutch, strict=False, **{**_defaults(), "municipality": "Amsterdam"}),
            "UDUTCH",
            "VERR3",
        )

    assert english["title"]["text"] == "Stand as a candidate"
    body = response.json()
    assert body["response_action"] == "errors"
    assert body["errors"] == {
        "name": "Fill in your name.",
        "email": "'anna@' is not a valid e-mail address. Write it as name@municipality.nl.",
        "motivation": "Your motivation is 10 characters; please write at least 20.",
        "confirmed": "Confirm that you have read the function's tasks and time commitment.",
    }
    assert dutch_response.json()["errors"] == {
        "name": "Dit zijn 101 tekens; het mogen er hoogstens 100 zijn. Maak het korter.",
        "office": "Kies een van: burgemeester, wethouder, anders.",
    }
    assert outsider.json()["errors"]["municipality"].startswith("'Amsterdam' is geen G40-gemeente.")
    assert not [r for r in app.rows() if r["gebruiker_id"] in {"UENGLISH", "UDUTCH"}]


def _defaults() -> dict[str, Any]:
    return {
        "role": "voorzitter",
        "name": "Dirk Dubbel",
        "email": "d.dubbel@oss.nl",
        "municipality": "Oss",
        "office": "burgemeester",
        "motivation": MOTIVATION,
        "confirmed": True,
    }


def test_the_window_closes_after_the_last_day_and_names_the_contact(app: CandidacyApp) -> None:
    with time_machine.travel(LAST_MINUTE, tick=True):
        modal = app.opened_modal("ULATE")
    app.fake.reset()
    with time_machine.travel(CLOSED, tick=True):
        refused = app.command("kandidaat", user="ULATE")
        submitted = app.submit(fill(modal, **_defaults()), "ULATE", "VLATE1")
        app.settle()

    message = refused.json()["text"]
    assert message.startswith(
        "Kandidaat stellen\nDe kandidaatstelling is gesloten (de laatste dag was zondag 14 juni"
    )
    assert "Marc Jaarsma" in message and "secretaris@g40stedennetwerk.nl" in message
    assert app.fake.delivered("views.open") == []
    errors = submitted.json()["errors"]
    assert list(errors) == ["role"] and "gesloten" in errors["role"]
    assert not [r for r in app.rows() if r["gebruiker_id"] == "ULATE"]


def test_a_second_candidacy_for_the_same_function_replaces_the_first_only_when_confirmed(
    app: CandidacyApp,
) -> None:
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UDUP")
        assert app.submit(fill(modal, **_defaults()), "UDUP", "VDUP1").json() == {
            "response_action": "clear"
        }
        app.settle()
        again = fill(modal, **{**_defaults(), "motivation": MOTIVATION + " Nu met meer ervaring."})
        asked = app.submit(again, "UDUP", "VDUP2").json()
        assert asked["response_action"] == "update"
        confirm_view = asked["view"]
        assert "Je hebt al een kandidatuur voor Voorzitter" in texts(confirm_view["blocks"])
        kept = fill(confirm_view, replace=False)
        assert kept["state"]["motivation"]["value"]["value"].endswith("Nu met meer ervaring.")
        unticked = app.submit(kept, "UDUP", "VDUP2").json()
        confirmed = app.submit(fill(confirm_view, replace=True), "UDUP", "VDUP2").json()
        app.settle()

    assert unticked["response_action"] == "errors"
    assert "Vervang mijn eerdere kandidatuur" in unticked["errors"]["replace"]
    assert confirmed == {"response_action": "clear"}
    mine = [r for r in app.rows() if r["gebruiker_id"] == "UDUP"]
    assert [r["status"] for r in mine] == ["vervangen", "ingediend"]
    assert mine[1]["motivatie"].endswith("Nu met meer ervaring.")
    [active] = [s for s in app.service.store.candidacies.of_user("slack", "UDUP") if s.active]
    assert active.submission_id == mine[1]["inzending_id"]


def test_withdrawal_before_the_deadline_and_not_after(app: CandidacyApp) -> None:
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UWITH")
        app.submit(fill(modal, **{**_defaults(), "role": "tweede-vicevoorzitter"}), "UWITH", "VW1")
        app.settle()
        [dm] = dms_to(app.fake.delivered("chat.postMessage"), "UWITH")
        submission_id = submission_id_in(dm)

        listed = app.command("intrekken", user="UWITH").json()
        [button] = [b for b in buttons(listed["blocks"]) if b["value"] == submission_id]
        assert button["confirm"]["confirm"]["text"] == "Ja, trek in"
        app.click({"action_id": "g40_candidacy_withdraw", "value": submission_id}, "UWITH")
        app.settle()
        wait_until_written(app, submission_id)

    [told] = app.fake.delivered("response_url")
    assert (
        f"Je kandidatuur voor Tweede vicevoorzitter ({submission_id}) is ingetrokken."
        in told["text"]
    )
    assert app.row(submission_id)["status"] == "ingetrokken"
    notices = [
        c["text"] for c in app.fake.delivered("chat.postMessage") if c["channel"] == STAFF_CHANNEL
    ]
    assert any(n.startswith("Kandidatuur ingetrokken: Dirk Dubbel voor Tweede") for n in notices)

    app.fake.reset()
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("ULATER")
        app.submit(fill(modal, **_defaults()), "ULATER", "VW2")
        app.settle()
        [dm] = dms_to(app.fake.delivered("chat.postMessage"), "ULATER")
    late_id = submission_id_in(dm)
    app.fake.reset()
    with time_machine.travel(CLOSED, tick=True):
        app.click({"action_id": "g40_candidacy_withdraw", "value": late_id}, "ULATER")
        app.settle()
    [told] = app.fake.delivered("response_url")
    assert "gesloten" in told["text"]
    assert app.row(late_id)["status"] == "ingediend"


def test_a_sheet_outage_still_gets_a_receipt_and_exactly_one_row_later(
    app: CandidacyApp, caplog: pytest.LogCaptureFixture
) -> None:
    app.sheets.fail(503, times=None, operation="append")
    with time_machine.travel(OPEN, tick=True) as traveller:
        modal = app.opened_modal("UOUTAGE")
        response = app.submit(
            fill(modal, **{**_defaults(), "role": "pijlervicevoorzitter-sociaal"}),
            "UOUTAGE",
            "VOUT1",
        )
        assert response.json() == {"response_action": "clear"}
        [dm] = wait_for_dms(app, "UOUTAGE", caplog)
        submission_id = submission_id_in(dm)
        assert "Ontvangen, wordt verwerkt" in texts(dm["blocks"])
        assert not [r for r in app.rows() if r["inzending_id"] == submission_id]

        # Google is back, but the first append's answer is lost after it was applied. Each
        # minute the clock moves on, the outbox's next attempt is due (no real waiting).
        app.sheets.heal()
        app.sheets.time_out(after_applying=True, operation="append")
        for attempts in (2, 3):
            traveller.shift(timedelta(minutes=1))
            wait_for_trail(app, submission_id, attempts + 1)
        wait_until_written(app, submission_id)

    assert len([r for r in app.rows() if r["inzending_id"] == submission_id]) == 1
    trail = [(e.action, e.detail) for e in app.service.store.candidacies.audit_trail(submission_id)]
    assert [action for action, _ in trail] == [
        "ingediend",
        "sheet append mislukt",
        "sheet append mislukt",
        "sheet append",
    ]
    assert "503" in trail[1][1] or "Fake failure" in trail[1][1]
    assert trail[-1][1] == "rij stond er al; niet nogmaals toegevoegd"


def test_formula_looking_motivation_is_stored_inert(app: CandidacyApp) -> None:
    attack = '=HYPERLINK("http://evil.example","klik hier voor mijn motivatie")'
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UFORMULA")
        values = {**_defaults(), "role": "pijlervicevoorzitter-fysiek", "motivation": attack}
        app.submit(fill(modal, **values), "UFORMULA", "VFORM1")
        app.settle()
    [row] = [r for r in app.rows() if r["gebruiker_id"] == "UFORMULA"]
    assert row["motivatie"] == "'" + attack
    assert app.sheets.formulas == []


def test_the_overview_is_for_staff_only(app: CandidacyApp) -> None:
    app.fake.profiles["UMAILSTAFF"] = {"real_name": "Gerdien", "email": "G.Looman@enschede.nl"}
    app.fake.profiles["UNOSY"] = {"real_name": "Nieuwsgierig", "email": "nosy@almere.nl"}
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UOVERVIEW")
        values = {**_defaults(), "name": "Olga Overzicht", "role": "pijlervoorzitter-sociaal"}
        app.submit(fill(modal, **values), "UOVERVIEW", "VOVR1")
        app.settle()
        app.fake.reset()
        by_id = app.command("kandidaten pijlervoorzitter sociaal", user=STAFF_BY_ID).json()
        by_mail = app.command("candidates", user="UMAILSTAFF")
        refused = app.command("kandidaten", user="UNOSY")
        app.settle()

    assert "Olga Overzicht (Oss, burgemeester)" in texts(by_id["blocks"])
    assert "Kandidaturen voor Pijlervoorzitter Sociaal" in texts(by_id["blocks"])
    # Recognising staff by e-mail needs users.info: the answer follows via response_url.
    assert by_mail.text == "" and refused.text == ""
    late = [texts(call["blocks"]) for call in app.fake.delivered("response_url")]
    assert len(late) == 2
    # "candidates" is English: so is the answer.
    [staff_answer] = [text for text in late if "Olga Overzicht (Oss, mayor)" in text]
    assert staff_answer.startswith("Candidacies")
    [refusal] = [text for text in late if text is not staff_answer]
    assert "alleen voor het secretariaat" in refusal and "Olga" not in refusal


def test_my_candidacies_lists_only_my_own(app: CandidacyApp) -> None:
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UMINE")
        app.submit(
            fill(modal, **{**_defaults(), "role": "eerste-vicevoorzitter"}), "UMINE", "VMINE1"
        )
        app.settle()
        mine = app.command("mijn kandidaturen", user="UMINE").json()
        other = app.command("my candidacies", user="USOMEONE").json()
    shown = texts(mine["blocks"])
    assert "Eerste vicevoorzitter — ingediend op vrijdag 5 juni 2026" in shown
    assert [b["text"]["text"] for b in buttons(mine["blocks"])] == ["Trek in"]
    assert "You have not submitted any candidacies (yet)." in texts(other["blocks"])


def test_choosing_a_function_shows_its_time_commitment_and_home_opens_the_form(
    app: CandidacyApp,
) -> None:
    with time_machine.travel(OPEN, tick=True):
        app.click({"action_id": "g40_candidacy_open"}, "UHOME")
        app.settle()
        [opened] = app.fake.delivered("views.open")
        view = fill(opened["view"], role="pijlervicevoorzitter-fysiek", name="Half ingevuld")
        # Slack sends the action id the modal gave the select, with the block it is in.
        role = next(b for b in view["blocks"] if b.get("block_id") == "role")
        assert role["dispatch_action"] is True
        payload = {
            "type": "block_actions",
            "team": {"id": "T0G40"},
            "user": {"id": "UHOME"},
            "api_app_id": "A0G40",
            "trigger_id": "1337.42.role",
            "container": {"type": "view", "view_id": "VHOME"},
            "view": {**view, "id": "VHOME", "hash": "h1", "state": {"values": view["state"]}},
            "actions": [
                {
                    "type": "static_select",
                    "block_id": "role",
                    "action_id": role["element"]["action_id"],
                    "selected_option": {"value": "pijlervicevoorzitter-fysiek"},
                    "action_ts": "1",
                }
            ],
        }
        response = app.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )
        app.settle()

    assert opened["trigger_id"] == "1337.42.abcd"
    assert response.status_code == 200
    [updated] = app.fake.delivered("views.update")
    assert updated["view_id"] == "VHOME" and updated["hash"] == "h1"
    shown = texts(updated["view"]["blocks"])
    assert "Taken van de Pijlervicevoorzitter Fysiek:" in shown and "Tijdsbeslag:" in shown
    name = next(b for b in updated["view"]["blocks"] if b.get("block_id") == "name")
    assert name["element"]["initial_value"] == "Half ingevuld"


def test_a_repeated_delivery_of_the_same_form_stores_one_candidacy(app: CandidacyApp) -> None:
    """Slack may deliver one view_submission twice (a retry, a double click): one candidacy,
    one row, one receipt, and no question whether to replace the candidate's own submission."""
    app.fake.profiles["UTWICE"] = {"real_name": "Tom Tweemaal", "email": "tom@zwolle.nl"}
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UTWICE")
        form = complete(modal, role="tweede-vicevoorzitter")
        first = app.submit(form, "UTWICE", "VTWICE1")
        second = app.submit(form, "UTWICE", "VTWICE1")
        app.settle()

    assert first.json() == {"response_action": "clear"}
    assert second.json() == {"response_action": "clear"}
    receipts = dms_to(app.fake.delivered("chat.postMessage"), "UTWICE")
    assert len(receipts) == 1
    submission_id = submission_id_in(receipts[0])
    wait_until_written(app, submission_id)
    assert [r["inzending_id"] for r in app.rows()].count(submission_id) == 1


def test_the_form_asked_for_in_a_dm_opens_from_a_button_and_in_a_channel_is_refused(
    app: CandidacyApp,
) -> None:
    dm = {
        "type": "message",
        "channel_type": "im",
        "user": "UINDM",
        "text": "kandidaat",
        "ts": "1764250100.000100",
        "channel": "D0INDM",
    }
    mention = {
        "type": "app_mention",
        "user": "UINDM",
        "text": f"<@{BOT_USER_ID}> kandidaat",
        "ts": "1764250101.000100",
        "channel": "C0GENERAL",
    }
    with time_machine.travel(OPEN, tick=True):
        app.event(dm, "Ev0FORMDM")
        app.event(mention, "Ev0FORMMENTION")
        app.settle()
        posted = app.fake.delivered("chat.postMessage")
        [offer] = [p for p in posted if p["channel"] == "D0INDM"]
        [opener] = buttons(offer["blocks"])
        app.click({"action_id": opener["action_id"]}, "UINDM")
        app.settle()

    # A message has no trigger to open a modal with: it offers a button that has one.
    assert opener["text"]["text"] == "Kandidaat stellen"
    assert "t/m zondag 14 juni 2026" in texts(offer["blocks"])
    [opened] = app.fake.delivered("views.open")
    assert opened["view"]["title"]["text"] == "Kandidaat stellen"
    assert next(b for b in opened["view"]["blocks"] if b.get("block_id") == "role")
    # In a channel others would see it: the answer in the thread says where to do it.
    [refused] = [p for p in posted if p["channel"] == "C0GENERAL"]
    assert refused["thread_ts"] == "1764250101.000100"
    assert "persoonlijke chat" in refused["text"] and "`/g40 kandidaat`" in refused["text"]


def test_each_candidacy_has_its_own_withdraw_button_answering_in_the_lists_language(
    app: CandidacyApp,
) -> None:
    with time_machine.travel(OPEN, tick=True):
        modal = app.opened_modal("UTWO")
        for role, view_id in (("voorzitter", "VTWO1"), ("tweede-vicevoorzitter", "VTWO2")):
            values = {**_defaults(), "role": role}
            assert app.submit(fill(modal, **values), "UTWO", view_id).json() == {
                "response_action": "clear"
            }
        app.settle()
        listed = app.command("withdraw", user="UTWO").json()
        rows = [b for b in listed["blocks"] if "accessory" in b]
        second = rows[1]["accessory"]
        app.fake.reset()
        app.click({**second, "block_id": rows[1]["block_id"]}, "UTWO")
        app.settle()

    mine = {s.submission_id: s for s in app.service.store.candidacies.of_user("slack", "UTWO")}
    role = {"voorzitter": "Chair", "tweede-vicevoorzitter": "Second vice chair"}
    titles = {key: f"{role[s.candidate.role]} ({key})" for key, s in mine.items()}
    # Each button stands beside the candidacy it withdraws, listed once.
    assert [(r["text"]["text"], r["accessory"]["value"]) for r in rows] == [
        (titles[r["accessory"]["value"]], r["accessory"]["value"]) for r in rows
    ]
    assert len(rows) == 2 and texts(listed["blocks"]).count(titles[second["value"]]) == 1
    [told] = app.fake.delivered("response_url")
    statuses = {key: s.status for key, s in mine.items()}
    assert statuses[second["value"]] == "ingetrokken"
    assert sorted(statuses.values()) == ["ingediend", "ingetrokken"]
    withdrawn = titles[second["value"]]
    assert f"Your candidacy for {withdrawn} has been withdrawn." in told["text"]


def test_staff_known_by_email_get_the_overview_in_a_dm_every_time(app: CandidacyApp) -> None:
    app.fake.profiles["UDMSTAFF"] = {"real_name": "Gerdien", "email": "G.Looman@enschede.nl"}
    dm = {"type": "message", "channel_type": "im", "user": "UDMSTAFF", "channel": "D0DMSTAFF"}
    with time_machine.travel(OPEN, tick=True):
        for number in (1, 2):
            asked = {**dm, "text": "kandidaten", "ts": f"1764250200.00010{number}"}
            app.event(asked, f"Ev0STAFFDM{number}")
            app.settle()

    answers = [p for p in app.fake.delivered("chat.postMessage") if p["channel"] == "D0DMSTAFF"]
    assert len(answers) == 2
    for answer in answers:
        shown = texts(answer["blocks"])
        assert shown.startswith("Kandidaturen") and "alleen voor het secretariaat" not in shown
