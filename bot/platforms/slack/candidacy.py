"""The candidacy form as a Slack modal: opening it (from a command or a button), refreshing it
when a choice changes what it explains, submitting it, and the withdraw buttons.

What the form asks, what is wrong with it and what a receipt says are the core's
(bot/handlers/chat.py); here the modal is opened, updated and answered. Before the ack only
in-memory rules and the local store run (storing before the ack is what makes a candidacy
never lost); the sheet write, the receipt DM and the staff notice run after it.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.handlers.chat import Submitted
from bot.platforms.slack import parse
from bot.platforms.slack.blocks import DETAILS_ACTION, FORM_CALLBACK, SLACK, inputs, modal
from bot.platforms.slack.context import SlackContext


def register(app: App, ctx: SlackContext) -> None:
    chat = ctx.chat

    @app.action(parse.pressed_pattern("candidacy"))
    def open_form(
        ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        ctx.press(ack, body, action, client)

    @app.action(parse.pressed_pattern("withdraw"))
    def withdraw(ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ctx.press(ack, body, action, client)

    @app.action(DETAILS_ACTION)
    def choice_changed(ack: Any, body: dict[str, Any], client: WebClient) -> None:
        """E.g. the function chosen: show its tasks and time commitment beside the form."""
        ack()
        view = body.get("view") or {}
        person = ctx.users.person(parse.user_of(body))
        lang = ctx.language(person, parse.view_language(view))
        refreshed = modal(chat.refresh_form(person, parse.entered_of(view), lang))

        def show() -> None:
            client.views_update(view_id=view.get("id"), hash=view.get("hash"), view=refreshed)

        ctx.later(show, body, client)

    @app.view(FORM_CALLBACK)
    def form_submitted(
        ack: Any, body: dict[str, Any], view: dict[str, Any], client: WebClient
    ) -> None:
        person = ctx.users.person(parse.user_of(body))
        lang = ctx.language(person, parse.view_language(view))
        # One view is one submission: a repeated delivery of it gets the same id.
        submission_id = chat.submission_id(person, str(view.get("id") or ""))
        outcome = chat.submit(person, parse.entered_of(view), lang, submission_id=submission_id)
        if not isinstance(outcome, Submitted):
            again = modal(outcome)
            if outcome.errors() and inputs(again) == inputs(view):
                ack(response_action="errors", errors=outcome.errors())
            else:  # it asks something new (whether to replace an earlier candidacy)
                ack(response_action="update", view=again)
            return
        ack(response_action="clear")
        if outcome.repeated:
            return
        ctx.later(lambda: deliver_then_tell(client, outcome), body, client)

    def deliver_then_tell(client: WebClient, submitted: Submitted) -> None:
        """Sheet first (so the receipt can say it landed), then the receipt, then staff."""
        landed = chat.deliver(submitted.submission.submission_id)
        receipt = chat.receipt(submitted, SLACK, landed=landed)
        ctx.direct_message(client, submitted.submission.user_id, receipt)
        chat.announce(submitted)
