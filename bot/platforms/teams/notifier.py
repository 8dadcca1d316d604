"""Proactive Teams messages: reminders (the clock) and staff notices (the web process), sent to
a conversation reference stored when the conversation last spoke to the bot.

Every incoming activity upserts its conversation's reference (`ConversationMemory`); a send
the connector refuses with 403/404 (the app was removed) drops it and records why.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace

from aiohttp import ClientError, ClientResponseError
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
)
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import ClaimsIdentity, TurnContext
from microsoft_agents.hosting.core.security import OutboundHostValidator

from bot.handlers.reminders import DeliveryFailed, DmReason
from bot.i18n import say
from bot.platforms.teams.cards import (
    CARD_CONTENT_TYPE,
    PLATFORM,
    SURFACE,
    Card,
    reply_card,
    summary_of,
)
from bot.platforms.teams.config import TeamsConfiguration, teams_configuration
from bot.reply import Reply
from bot.settings import Settings
from bot.store.teams import TeamsConversation, TeamsConversations

log = logging.getLogger(__name__)

CHANNEL = "msteams"
# What the connector answers when the app was uninstalled or the bot removed from the team.
APP_REMOVED_STATUSES = frozenset({403, 404})
# How long a send from another thread waits for the server's event loop to deliver it.
SEND_SECONDS = 30.0


def card_activity(card: Card, summary: str) -> Activity:
    """A message carrying the card, in the card's language."""
    return Activity(
        type=ActivityTypes.message,
        summary=summary,
        locale="en-US" if card.get("lang") == "en" else "nl-NL",
        attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=card)],
    )


def reply_activity(reply: Reply) -> Activity:
    return card_activity(reply_card(reply), summary_of(reply))


class ConversationMemory:
    """Upserts each conversation's reference, but skips the write when this process already
    stored exactly this reference (the common case: the same chat asking again)."""

    def __init__(self, conversations: TeamsConversations) -> None:
        self.conversations = conversations
        self._stored: dict[str, TeamsConversation] = {}

    def remember(self, conversation: TeamsConversation) -> None:
        previous = self._stored.get(conversation.conversation_id)
        if previous is not None and not conversation.user_id and previous.user_id:
            # An install event without the user must not erase the user a message gave us.
            conversation = replace(
                conversation,
                user_id=previous.user_id,
                user_aad_object_id=previous.user_aad_object_id,
            )
        if previous == conversation:
            return
        self.conversations.save(conversation)
        self._stored[conversation.conversation_id] = conversation

    def forget(self, conversation_id: str, *, status: int) -> None:
        self._stored.pop(conversation_id, None)
        self.conversations.drop(conversation_id, status=status)


def continuation_of(conversation: TeamsConversation) -> Activity:
    """The SDK's continue-conversation event for a stored reference. It carries no activity
    id, so the send is a new message (a new post in a channel), not a reply to some thread."""
    user = (
        ChannelAccount(
            id=conversation.user_id, aad_object_id=conversation.user_aad_object_id or None
        )
        if conversation.user_id
        else None
    )
    reference = ConversationReference(
        channel_id=CHANNEL,
        service_url=conversation.service_url,
        locale=conversation.locale or None,
        conversation=ConversationAccount(
            id=conversation.conversation_id,
            conversation_type=conversation.conversation_type,
            tenant_id=conversation.tenant_id or None,
            is_group=conversation.conversation_type != "personal",
        ),
        agent=ChannelAccount(id=conversation.bot_id or "bot"),
        user=user,
    )
    continuation = reference.get_continuation_activity()
    continuation.id = None
    return continuation


def create_adapter(configuration: TeamsConfiguration) -> tuple[CloudAdapter, MsalConnectionManager]:
    """The SDK adapter and its connections (MSAL tokens for outgoing calls). With
    authentication on, incoming serviceUrls must be Microsoft's (the token names the host)."""
    connections = MsalConnectionManager(**configuration.sdk)
    adapter = CloudAdapter(
        connection_manager=connections,
        host_validator=OutboundHostValidator(enabled=not configuration.anonymous),
    )
    return adapter, connections


@dataclass
class TeamsNotifier:
    """The reminders' `Notifier` for Teams (bot/handlers/reminders.py), and the staff
    conversation's. A channel is addressed by its conversation id (19:…@thread.tacv2), a user
    by Teams user id (29:…) or Entra object id.

    Failures raise DeliveryFailed: permanent when no reference is stored, or when the connector
    refuses with 403/404 (the app was removed) — that reference is then dropped and the
    refusal recorded in the store; with `retry_after` on a 429; retryable otherwise.

    `post_to_channel` / `send_direct` block until sent: on a serving process's event loop
    (`loop`, set while the web app runs) when called from another thread, else on a loop of
    their own (the clock). Inside the event loop, await `deliver`."""

    adapter: CloudAdapter
    memory: ConversationMemory
    configuration: TeamsConfiguration
    platform: str = PLATFORM
    loop: asyncio.AbstractEventLoop | None = None

    def post_to_channel(self, channel: str, reply: Reply) -> None:
        conversation = self.memory.conversations.get(channel.split(";messageid=")[0])
        self._send(conversation, reply, channel)

    def send_direct(self, user_id: str, reply: Reply, *, reason: DmReason = "subscribed") -> None:
        """A reminder DM, saying why they get it and how to stop it."""
        conversation = self.memory.conversations.personal(user_id)
        lang = reply.language
        off = SURFACE.command(say(lang, "cmd_reminders_off"), lang)
        why = say(lang, f"reminders_why_dm_{reason}", off=off)
        self._send(conversation, replace(reply, lines=(*reply.lines, why)), user_id)

    def _send(self, conversation: TeamsConversation | None, reply: Reply, address: str) -> None:
        loop = self.loop
        if loop is None or not loop.is_running():
            asyncio.run(self.deliver(conversation, reply, address=address))
            return
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:
            current = None
        if current is loop:
            raise RuntimeError("inside the event loop, await TeamsNotifier.deliver instead")
        sending = asyncio.run_coroutine_threadsafe(
            self.deliver(conversation, reply, address=address), loop
        )
        try:
            sending.result(SEND_SECONDS)
        except FutureTimeout:
            sending.cancel()
            raise DeliveryFailed(
                f"Teams did not answer within {SEND_SECONDS:g} s for {address}"
            ) from None

    async def deliver(
        self, conversation: TeamsConversation | None, reply: Reply, *, address: str
    ) -> None:
        if conversation is None:
            raise DeliveryFailed(
                f"no Teams conversation with {address}: the app was never installed or used "
                "there, or it was removed",
                permanent=True,
            )
        failure: Exception | None = None

        async def send(context: TurnContext) -> None:
            nonlocal failure
            # The adapter would hand a failure to the turn error handler (which apologises to
            # users); a proactive send reports it to its caller instead.
            try:
                await context.send_activity(reply_activity(reply))
            except (ClientError, OSError) as error:
                failure = error

        claims = self._claims()
        await self.adapter.continue_conversation_with_claims(
            claims, continuation_of(conversation), send, claims.get_token_audience()
        )
        if failure is None:
            return
        status = failure.status if isinstance(failure, ClientResponseError) else None
        if status in APP_REMOVED_STATUSES:
            log.warning(
                "Teams: %s refused a message to %s (app removed); reference dropped",
                status,
                conversation.conversation_id,
            )
            self.memory.forget(conversation.conversation_id, status=status)
            raise DeliveryFailed(
                f"Teams answered {status} for {address}: the app was removed; reference dropped",
                permanent=True,
            ) from failure
        raise DeliveryFailed(
            f"Teams did not deliver to {address}: {failure}", retry_after=_retry_after(failure)
        ) from failure

    def _claims(self) -> ClaimsIdentity:
        if self.configuration.anonymous:
            # No claims at all is the SDK's anonymous identity: outgoing calls carry no token.
            return ClaimsIdentity()
        return self.adapter.create_claims_identity(self.configuration.client_id)


def _retry_after(failure: Exception) -> float | None:
    """The seconds a 429 asks to wait (Retry-After), if it says."""
    if not isinstance(failure, ClientResponseError) or failure.status != 429:
        return None
    value = failure.headers.get("Retry-After") if failure.headers else None
    try:
        return float(value) if value else None
    except ValueError:
        return None


def build_teams_notifier(settings: Settings, conversations: TeamsConversations) -> TeamsNotifier:
    """The notifier alone, for a process that sends but does not serve (the clock)."""
    configuration = teams_configuration(settings)
    adapter, _connections = create_adapter(configuration)
    return TeamsNotifier(adapter, ConversationMemory(conversations), configuration)
