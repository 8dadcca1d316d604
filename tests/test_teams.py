"""Teams: the real aiohttp app and Agents SDK serving /api/messages on a loopback port, with
activities whose serviceUrl points at a local fake Bot Connector that records the replies."""

from __future__ import annotations

import asyncio
import json
import logging
import struct
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests
from aiohttp import web

from bot.handlers.ask import AskHandler
from bot.handlers.reminders import DeliveryFailed
from bot.models import Snapshot
from bot.platforms.teams.app import MESSAGES_PATH, TeamsService, create_teams_service
from bot.platforms.teams.cards import ASK_ACTION, reply_card
from bot.platforms.teams.config import teams_configuration
from bot.platforms.teams.package import build_package
from bot.reply import Link, Reply
from bot.runtime import Runtime
from bot.settings import (
    TEAMS_ANONYMOUS_ALLOWED,
    TEAMS_CLIENT_ID,
    TEAMS_CLIENT_SECRET,
    TEAMS_TENANT_ID,
    MissingSetting,
    Settings,
)
from bot.store import Store
from bot.store.teams import TeamsConversation
from tests.cli import g40bot, only_settings
from tests.conftest import seeded_workbook
from tests.fake_teams_connector import FakeConnector

BOT = {"id": "28:g40bot-app", "name": "g40bot"}
USER = {"id": "29:user-gerdien", "aadObjectId": "aad-user-1", "name": "Gerdien"}
TENANT = "tenant-g40"
PERSONAL = "a:personal-chat-1"
CHANNEL = "19:general@thread.tacv2"
TEAM = "19:team-g40@thread.tacv2"
CLIENT_ID = "00000000-1111-2222-3333-444444444444"
TODAY = date(2026, 6, 1)


@contextmanager
def serving(web_app: web.Application) -> Iterator[str]:
    """The aiohttp app on a free loopback port, in its own thread and event loop."""
    loop = asyncio.new_event_loop()
    # Stopping waits this long for requests still open: one refused mid-body may linger (aiohttp
    # reads what the client still sends for up to 10 s), which no test waits for.
    runner = web.AppRunner(web_app, shutdown_timeout=1.0)
    ready = threading.Event()
    address: list[str] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        host, port = runner.addresses[0][:2]
        address.append(f"http://{host}:{port}")
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        # A handler still reading a refused body outlives the cleanup's timeout; closing the loop
        # under it would leave a pending task for the garbage collector to log in a later test.
        lingering = asyncio.all_tasks(loop)
        for task in lingering:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*lingering, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10), "the Teams app did not start"
    try:
        yield address[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def channel_reference(conversation_id: str, service_url: str) -> TeamsConversation:
    """A Teams channel g40bot was told about (as when it was @mentioned there once)."""
    return TeamsConversation(
        conversation_id=conversation_id,
        conversation_type="channel",
        service_url=service_url,
        tenant_id=TENANT,
        user_id="",
        user_aad_object_id="",
        team_id=TEAM,
        channel_id=conversation_id,
        bot_id=BOT["id"],
        locale="nl-NL",
    )


def settings_for(tmp_path: Path, **values: str) -> Settings:
    base = {
        "G40_WORKBOOK": str(tmp_path / "werkboek.xlsx"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'g40bot.sqlite3'}",
    }
    return Settings(_env_file=None, **{**base, **values})


@dataclass
class TeamsHarness:
    url: str
    connector: FakeConnector
    service: TeamsService
    store: Store

    def post(self, activity: dict[str, Any], **headers: str) -> requests.Response:
        return requests.post(self.url + MESSAGES_PATH, json=activity, headers=headers, timeout=10)

    def message(
        self,
        text: str | None,
        *,
        id: str = "msg-1",
        locale: str = "nl-NL",
        conversation: dict[str, Any] | None = None,
        value: dict[str, Any] | None = None,
        service_url: str | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        activity: dict[str, Any] = {
            "type": "message",
            "id": id,
            "channelId": "msteams",
            "serviceUrl": service_url or self.connector.url,
            "locale": locale,
            "from": USER,
            "recipient": BOT,
            "conversation": conversation
            or {"id": PERSONAL, "conversationType": "personal", "tenantId": TENANT},
            "channelData": {"tenant": {"id": TENANT}},
            **extra,
        }
        if text is not None:
            activity["text"] = text
        if value is not None:
            activity["value"] = value
        return activity

    def ask(self, text: str | None, **options: Any) -> Any:
        """Post a question; return the one reply the connector received for it."""
        before = len(self.connector.posted)
        response = self.post(self.message(text, **options))
        assert response.status_code in (200, 202), response.text
        replies = self.connector.posted[before:]
        assert len(replies) == 1, replies
        return replies[0]


@contextmanager
def running_teams(tmp_path: Path, ask_handler: AskHandler | None = None) -> Iterator[TeamsHarness]:
    settings = settings_for(tmp_path, **{TEAMS_ANONYMOUS_ALLOWED: "true"})
    seeded_workbook(settings.workbook)
    configuration = teams_configuration(settings, environ={})
    runtime = Runtime(settings)
    connector = FakeConnector().start()
    try:
        if ask_handler is not None:
            runtime.ask = ask_handler  # before the conversation is built on it
        runtime.chat.today = lambda: TODAY
        service = create_teams_service(configuration, runtime)
        with serving(service.web_app) as url:
            yield TeamsHarness(url, connector, service, runtime.store)
    finally:
        connector.stop()
        runtime.close()


@pytest.fixture
def teams(tmp_path: Path) -> Iterator[TeamsHarness]:
    with running_teams(tmp_path) as harness:
        yield harness


# --- answers ----------------------------------------------------------------------------------


def test_a_personal_question_is_answered_with_the_facts_as_an_adaptive_card(
    teams: TeamsHarness,
) -> None:
    reply = teams.ask("wie heeft Europa?", id="msg-europa")

    assert reply.conversation_id == PERSONAL
    assert reply.reply_to_id == "msg-europa"
    text = reply.card_text
    assert "eerste vicevoorzitter" in text.casefold()
    assert "Gerdien Looman" in text
    assert "g.looman@enschede.nl" in text
    card = reply.card
    assert card["version"] == "1.5" and card["lang"] == "nl"
    assert {
        "type": "Action.OpenUrl",
        "title": "Gerdien Looman",
        "url": "mailto:g.looman@enschede.nl",
    } in card["actions"]
    follow_ups = [a for a in card["actions"] if a["type"] == "Action.Submit"]
    assert follow_ups and all(a["data"]["action"] == ASK_ACTION for a in follow_ups)
    assert "Europa" in reply.activity["summary"]
    assert "Gerdien Looman" in card["fallbackText"]


def test_an_english_question_gets_an_english_answer_whatever_the_locale(
    teams: TeamsHarness,
) -> None:
    reply = teams.ask("who holds Europa?", locale="nl-NL")

    assert reply.card["lang"] == "en"
    assert "Executive Board" in reply.card_text
    assert "Dagelijks Bestuur" not in reply.card_text


def test_the_locale_decides_only_when_the_question_has_no_language(teams: TeamsHarness) -> None:
    english = teams.ask("Europa", locale="en-US", id="m-en")
    dutch = teams.ask("Europa", locale="nl-NL", id="m-nl")

    assert english.card["lang"] == "en" and "Executive Board" in english.card_text
    assert dutch.card["lang"] == "nl" and "Dagelijks Bestuur" in dutch.card_text


def test_a_channel_mention_is_answered_in_its_thread_without_the_mention(
    teams: TeamsHarness,
) -> None:
    thread = f"{CHANNEL};messageid=1700000000000"
    reply = teams.ask(
        "<at>g40bot</at> hulp",
        id="1700000000000",
        conversation={
            "id": thread,
            "conversationType": "channel",
            "tenantId": TENANT,
            "isGroup": True,
        },
        channelData={"tenant": {"id": TENANT}, "team": {"id": TEAM}, "channel": {"id": CHANNEL}},
        entities=[{"type": "mention", "text": "<at>g40bot</at>", "mentioned": BOT}],
    )

    assert reply.conversation_id == thread and reply.reply_to_id == "1700000000000"
    # Only the bare word "hulp" (the mention removed) is the help question with Teams usage.
    assert "Wat kan g40bot?" in reply.card_text
    assert "noem @g40bot in een kanaal" in reply.card_text
    stored = teams.store.teams.get(CHANNEL)
    assert stored is not None
    assert (stored.conversation_type, stored.team_id, stored.channel_id) == (
        "channel",
        TEAM,
        CHANNEL,
    )
    assert stored.tenant_id == TENANT and stored.user_id == ""


def test_a_card_button_question_is_answered_not_swallowed(teams: TeamsHarness) -> None:
    question = "wat doet de eerste vicevoorzitter?"
    reply = teams.ask(None, value={"action": ASK_ACTION, "question": question})

    assert "Taken van de eerste vicevoorzitter" in reply.card_text


@pytest.mark.parametrize("forged", [{"a": 1}, ["wie heeft Europa?"], 42, None])
def test_an_ask_button_whose_question_is_not_text_asks_for_a_question(
    teams: TeamsHarness, forged: object
) -> None:
    """Action.Submit data is whatever the client sends: a question that is not text is no
    question (it was answered as the text "{'a': 1}", in English, and put on staff's list)."""
    reply = teams.ask(None, value={"action": ASK_ACTION, "question": forged, "picked_from": [1]})

    assert "Stel een vraag" in reply.card_text
    runtime = teams.service.runtime
    assert runtime.unanswered is not None
    assert runtime.unanswered.groups() == []


def test_help_shows_what_the_bot_can_do(teams: TeamsHarness) -> None:
    reply = teams.ask("help", locale="en-US")

    assert "What can g40bot do?" in reply.card_text
    assert "who holds Europa?" in reply.card_text
    assert "mention @g40bot in a channel" in reply.card_text


def test_a_failing_answer_gets_an_apology_with_a_reference_and_the_log_the_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    class BrokenSheet:
        def current(self) -> Snapshot:
            raise RuntimeError("the sheet exploded")

    with running_teams(tmp_path, AskHandler(BrokenSheet())) as teams:
        caplog.set_level(logging.ERROR, logger="bot.platforms.teams")
        reply = teams.ask("who holds Europa?")

    text = reply.activity["text"]
    assert text.startswith("Sorry, something went wrong on my side (reference ")
    assert "exploded" not in text and "Traceback" not in text
    reference = text.split("reference ")[1][:8]
    logged = [r for r in caplog.records if reference in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert "the sheet exploded" in str(logged[0].exc_info[1])


# --- conversation references and proactive messages -------------------------------------------


def install_activity(teams: TeamsHarness, service_url: str | None = None) -> dict[str, Any]:
    activity = teams.message(None, id="install-1", service_url=service_url)
    activity.update(type="conversationUpdate", membersAdded=[BOT], **{"from": USER})
    return activity


def test_install_stores_the_reference_and_welcomes_the_user(teams: TeamsHarness) -> None:
    response = teams.post(install_activity(teams))

    assert response.status_code in (200, 202)
    stored = teams.store.teams.get(PERSONAL)
    assert stored is not None
    assert stored.service_url == teams.connector.url
    assert (stored.tenant_id, stored.bot_id) == (TENANT, BOT["id"])
    assert (stored.user_id, stored.user_aad_object_id) == (USER["id"], USER["aadObjectId"])
    (welcome,) = teams.connector.sent_to(PERSONAL)
    assert "Wat kan g40bot?" in welcome.card_text


def test_first_contact_stores_the_reference_and_the_latest_service_url_wins(
    teams: TeamsHarness,
) -> None:
    teams.ask("wie heeft Europa?")
    first = teams.store.teams.get(PERSONAL)
    assert first is not None and first.service_url == teams.connector.url

    moved = FakeConnector().start()
    try:
        teams.post(teams.message("wie heeft Europa?", id="msg-2", service_url=moved.url))
    finally:
        moved.stop()

    latest = teams.store.teams.get(PERSONAL)
    assert latest is not None and latest.service_url == moved.url
    assert len(teams.store.teams.all()) == 1


def test_a_proactive_message_reaches_a_stored_user_and_channel(teams: TeamsHarness) -> None:
    teams.post(install_activity(teams))
    channel_message = teams.message(
        "<at>g40bot</at> wie heeft Europa?",
        id="m-chan",
        conversation={
            "id": f"{CHANNEL};messageid=9",
            "conversationType": "channel",
            "tenantId": TENANT,
        },
        channelData={"tenant": {"id": TENANT}, "team": {"id": TEAM}, "channel": {"id": CHANNEL}},
        entities=[{"type": "mention", "text": "<at>g40bot</at>", "mentioned": BOT}],
    )
    teams.post(channel_message)
    before = len(teams.connector.posted)
    reminder = Reply(
        title="Herinnering: Kandidaatstelling", lines=("Kandidaatstelling sluit morgen.",)
    )

    teams.service.notifier.send_direct(USER["aadObjectId"], reminder)
    teams.service.notifier.post_to_channel(CHANNEL, reminder)

    to_user, to_channel = teams.connector.posted[before:]
    assert (to_user.conversation_id, to_user.reply_to_id) == (PERSONAL, None)
    assert to_user.activity["conversation"]["tenantId"] == TENANT
    assert "Kandidaatstelling sluit morgen." in to_user.card_text
    # A new post in the channel, not a reply in the thread the mention came from.
    assert (to_channel.conversation_id, to_channel.reply_to_id) == (CHANNEL, None)
    assert "Herinnering: Kandidaatstelling" in to_channel.card_text


def test_a_proactive_send_refused_with_403_drops_the_reference(teams: TeamsHarness) -> None:
    teams.ask("wie heeft Europa?")
    teams.connector.refuse(PERSONAL, 403)
    reminder = Reply(title="Herinnering", lines=("Morgen sluit de kandidaatstelling.",))

    with pytest.raises(DeliveryFailed) as refused:
        teams.service.notifier.send_direct(USER["id"], reminder)

    assert refused.value.permanent and "403" in refused.value.reason
    assert teams.store.teams.get(PERSONAL) is None
    (dropped,) = teams.store.teams.dropped()
    assert (dropped.conversation_id, dropped.user_id, dropped.status) == (PERSONAL, USER["id"], 403)
    with pytest.raises(DeliveryFailed) as unknown:
        teams.service.notifier.send_direct(USER["id"], reminder)
    assert unknown.value.permanent
    assert len(teams.connector.sent_to(PERSONAL)) == 1  # only the answer, never the reminder


def test_a_throttled_proactive_send_keeps_the_reference_and_says_when_to_retry(
    teams: TeamsHarness,
) -> None:
    teams.ask("wie heeft Europa?")
    teams.connector.refuse(PERSONAL, 429)
    reminder = Reply(title="Herinnering", lines=("Morgen sluit de kandidaatstelling.",))

    with pytest.raises(DeliveryFailed) as throttled:
        teams.service.notifier.send_direct(USER["id"], reminder)
    teams.service.notifier.send_direct(USER["id"], reminder)

    assert not throttled.value.permanent and throttled.value.retry_after == 3
    assert teams.store.teams.get(PERSONAL) is not None
    assert "Morgen sluit de kandidaatstelling." in teams.connector.sent_to(PERSONAL)[-1].card_text


def test_uninstalling_drops_the_reference(teams: TeamsHarness) -> None:
    teams.ask("wie heeft Europa?")
    removal = teams.message(None, id="uninstall-1")
    removal.update(type="installationUpdate", action="remove")

    assert teams.post(removal).status_code in (200, 202)

    assert teams.store.teams.get(PERSONAL) is None


# --- authentication and configuration ---------------------------------------------------------


def test_an_unauthenticated_request_is_refused_when_authentication_is_on(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        **{TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_CLIENT_SECRET: "secret", TEAMS_TENANT_ID: TENANT},
    )
    configuration = teams_configuration(settings, environ={})
    runtime = Runtime(settings)
    store = runtime.store
    service = create_teams_service(configuration, runtime)
    connector = FakeConnector().start()
    harness = TeamsHarness("", connector, service, store)
    try:
        with serving(service.web_app) as url:
            harness.url = url
            activity = harness.message("wie heeft Europa?")
            no_token = harness.post(activity)
            forged = harness.post(activity, Authorization="Bearer not-a-token")
            health = requests.get(url + "/healthz", timeout=10)
            never_contacted = store.teams.all()
    finally:
        connector.stop()
        runtime.close()

    assert no_token.status_code == 401
    assert forged.status_code == 401
    assert connector.posted == []
    assert never_contacted == []
    assert health.status_code == 200


def test_authentication_on_without_a_client_id_names_the_variable(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, **{TEAMS_CLIENT_SECRET: "secret", TEAMS_TENANT_ID: TENANT})

    with pytest.raises(MissingSetting, match=TEAMS_CLIENT_ID):
        teams_configuration(settings, environ={})


def test_serve_teams_without_credentials_stops_with_one_line(tmp_path: Path) -> None:
    env = only_settings(G40_WORKBOOK=str(tmp_path / "w.xlsx"), **{TEAMS_CLIENT_ID: CLIENT_ID})
    result = g40bot("serve", "teams", env=env, cwd=tmp_path)

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(TEAMS_CLIENT_SECRET + " ontbreekt")


# --- the card and the app package -------------------------------------------------------------


def test_the_card_keeps_to_teams_button_limit_and_carries_every_fact() -> None:
    reply = Reply(
        title="Voorzitter",
        lines=("Regel één.",),
        fields=(("Tijdsbeslag", "4 uur per week"),),
        suggestions=tuple(f"vraag {n}" for n in range(5)),
        links=tuple(Link(f"Persoon {n}", f"mailto:p{n}@example.nl") for n in range(5)),
    )

    card = reply_card(reply)

    kinds = [action["type"] for action in card["actions"]]
    assert kinds == ["Action.Submit"] * 3 + ["Action.OpenUrl"] * 3
    assert card["body"][-1]["inlines"] == [
        {"type": "TextRun", "text": "Tijdsbeslag: ", "weight": "Bolder"},
        {"type": "TextRun", "text": "4 uur per week"},
    ]
    assert "Tijdsbeslag: 4 uur per week" in card["fallbackText"]


def png_size(data: bytes) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


def test_the_teams_package_has_the_app_id_and_both_icons(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        **{TEAMS_CLIENT_ID: CLIENT_ID.upper(), "G40_TEAMS_DOMAIN": "https://g40bot.example.nl/"},
    )
    output = tmp_path / "pakket" / "g40bot.zip"

    build_package(settings, output)

    with zipfile.ZipFile(output) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        color, outline = package.read("color.png"), package.read("outline.png")
    assert "{{" not in json.dumps(manifest)
    assert manifest["id"] == CLIENT_ID and manifest["bots"][0]["botId"] == CLIENT_ID
    assert manifest["validDomains"] == ["g40bot.example.nl"]
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team", "groupChat"}
    commands = [c["title"] for c in manifest["bots"][0]["commandLists"][0]["commands"]]
    assert "help" in commands and "wie heeft Europa?" in commands
    assert png_size(color) == (192, 192, 6)
    assert png_size(outline) == (32, 32, 6)
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
