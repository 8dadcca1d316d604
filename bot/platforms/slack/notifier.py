"""Messages Slack is sent without being asked: election reminders (the clock) and staff
notices (any process), into a channel or as a DM."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.handlers.reminders import DeliveryFailed, DmReason
from bot.i18n import say
from bot.platforms.slack.blocks import MAX_BLOCKS, PLATFORM, SLACK, Block, context, render
from bot.reply import Reply

# Slack errors saying this target can never receive the message; any other error is retried
# at the next tick (e.g. not_in_channel: someone can still /invite the bot).
_UNDELIVERABLE = frozenset(
    {"account_inactive", "user_not_found", "user_disabled", "cannot_dm_bot", "is_archived"}
    | {"channel_not_found"}
)


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
    """Into a channel, or a DM (a user id as channel opens the app's DM with that user)."""

    client: WebClient
    platform: str = PLATFORM

    def post_to_channel(self, channel: str, reply: Reply) -> None:
        text, blocks = render(reply)
        self._post(channel, text, blocks)

    def send_direct(self, user_id: str, reply: Reply, *, reason: DmReason = "subscribed") -> None:
        """A reminder DM, saying why they get it and how to stop it."""
        text, blocks = render(reply)
        lang = reply.language
        off = SLACK.command(say(lang, "cmd_reminders_off"), lang)
        why = context(say(lang, f"reminders_why_dm_{reason}", off=off))
        self._post(user_id, text, [*blocks[: MAX_BLOCKS - 1], why])

    def _post(self, channel: str, text: str, blocks: list[Block]) -> None:
        try:
            self.client.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False
            )
        except SlackApiError as error:
            raise _delivery_failure(error) from error
        except OSError as error:  # refused, reset or timed out (URLError is an OSError)
            raise DeliveryFailed(f"connection failed: {error}") from error
