"""Slack's part of the election reminders: the notifier the clock delivers through, and
`/g40 herinneringen aan|uit` and `/g40 agenda`. Builds on bot/platforms/slack.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.handlers.reminders import DeliveryFailed, agenda_reply
from bot.i18n import say
from bot.platforms.slack import (
    MAX_BLOCKS,
    PLATFORM,
    SlackBot,
    SlashCall,
    SlashHandler,
    _context,
    build_web_client,
    escape,
    render_blocks,
    render_command,
)
from bot.reply import Language, Reply

# Slack errors saying this target can never receive the message; any other error is retried
# at the next tick (e.g. not_in_channel: someone can still /invite the bot).
_UNDELIVERABLE = frozenset(
    {"account_inactive", "user_not_found", "user_disabled", "cannot_dm_bot", "is_archived"}
    | {"channel_not_found"}
)


def fan_out_client(token: str, api_url: str) -> WebClient:
    """`build_web_client` without the rate-limit retry: a 429 comes straight back, so the
    reminder fan-out can park that target for its Retry-After and go on with the others
    instead of the whole fan-out sleeping."""
    client = build_web_client(token, api_url)
    client.retry_handlers = [
        handler
        for handler in client.retry_handlers
        if not isinstance(handler, RateLimitErrorRetryHandler)
    ]
    return client


def _delivery_failure(error: SlackApiError) -> DeliveryFailed:
    response = error.response
    code = str(response.get("error") or "unknown_error")
    if response.status_code == 429:
        waits = [str(v) for k, v in (response.headers or {}).items() if k.lower() == "retry-after"]
        try:
            retry_after = float(waits[0]) if waits else 1.0
        except ValueError:
            retry_after = 1.0
        return DeliveryFailed(f"rate limited ({code})", retry_after=retry_after)
    return DeliveryFailed(code, permanent=code in _UNDELIVERABLE)


@dataclass
class SlackNotifier:
    """Reminders into Slack: the announcement channel, and DMs (a user id as channel opens
    the app's DM with that user)."""

    client: WebClient
    platform: str = PLATFORM

    def post_to_channel(self, channel: str, reply: Reply) -> None:
        text, blocks = render_blocks(reply)
        self._post(channel, text, blocks)

    def send_direct(self, user_id: str, reply: Reply) -> None:
        text, blocks = render_blocks(reply)
        why = _context(say(reply.language, "slack_reminders_why_dm"))
        self._post(user_id, text, [*blocks[: MAX_BLOCKS - 1], why])

    def _post(self, channel: str, text: str, blocks: list[dict[str, Any]]) -> None:
        try:
            self.client.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False
            )
        except SlackApiError as error:
            raise _delivery_failure(error) from error
        except OSError as error:  # refused, reset or timed out (URLError is an OSError)
            raise DeliveryFailed(f"connection failed: {error}") from error


def _reminder_switch(subscribed: bool | None, language: Language) -> SlashHandler:
    """`/g40 herinneringen aan|uit` (`reminders on|off`); without a word: the current state."""

    def handle(bot: SlackBot, call: SlashCall) -> None:
        if call.rest:
            rest = escape(call.rest[:40])
            call.ack(
                response_type="ephemeral", text=say(language, "slack_reminders_usage", rest=rest)
            )
            return
        if subscribed is None:
            current = bot.subscriptions.get(PLATFORM, call.user_id)
            state = bool(current and current.subscribed)
        else:
            bot.subscriptions.set(PLATFORM, call.user_id, language=language, subscribed=subscribed)
            state = subscribed
        call.ack(
            response_type="ephemeral",
            text=say(language, "slack_reminders_now_on" if state else "slack_reminders_now_off"),
        )
        if subscribed is not None:
            # The App Home's switch shows the same stored state.
            client, user_id = call.client, call.user_id
            bot.later(lambda: bot.publish_home(client, user_id), call.command, client)

    return handle


def _agenda(language: Language | None) -> SlashHandler:
    """`/g40 agenda` (`schedule`): the coming phases with their next reminder."""

    def handle(bot: SlackBot, call: SlashCall) -> None:
        lang = language or call.language
        if call.rest:  # "/g40 agenda netwerkdagen" is a question about that phase
            question = str(call.command.get("text") or "")
            text, blocks = render_command(bot, question, lang)
            call.ack(response_type="ephemeral", text=text, blocks=blocks)
            return
        snapshot = bot.ask.directory().snapshot
        text, blocks = render_blocks(agenda_reply(snapshot, datetime.now(UTC), lang))
        current = bot.subscriptions.get(PLATFORM, call.user_id)
        state = "on" if current and current.subscribed else "off"
        blocks = [*blocks[: MAX_BLOCKS - 1], _context(say(lang, "slack_reminders_now_" + state))]
        call.ack(response_type="ephemeral", text=text, blocks=blocks)

    return handle


def register_reminders(bot: SlackBot) -> None:
    bot.add_subcommand(["herinneringen", "herinnering"], _reminder_switch(None, "nl"))
    bot.add_subcommand(["herinneringen aan", "herinnering aan"], _reminder_switch(True, "nl"))
    bot.add_subcommand(["herinneringen uit", "herinnering uit"], _reminder_switch(False, "nl"))
    bot.add_subcommand(["reminders", "reminder"], _reminder_switch(None, "en"))
    bot.add_subcommand(["reminders on", "reminder on"], _reminder_switch(True, "en"))
    bot.add_subcommand(["reminders off", "reminder off"], _reminder_switch(False, "en"))
    bot.add_subcommand(["agenda"], _agenda(None))
    bot.add_subcommand(["schedule"], _agenda("en"))
