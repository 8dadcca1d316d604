"""The App Home (what g40bot can do, the coming phases, the reminders switch, one's own
candidacies) and switching reminders on or off, by its button or by `/g40 herinneringen`."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.conversation import Intent
from bot.platforms.slack import parse
from bot.platforms.slack.blocks import SLACK, render
from bot.platforms.slack.context import SlackContext, SlashCall


def register(app: App, ctx: SlackContext) -> None:
    chat = ctx.chat

    @app.event("app_home_opened")
    def show_home(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        user_id = str(event["user"])
        ctx.once(body, client, lambda: ctx.publish_home(client, user_id))

    @app.action(parse.pressed_pattern("reminders"))
    def switch_reminders(
        ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        ack()
        pressed = parse.action_of(action)
        user_id = parse.user_of(body)
        response_url = str(body.get("response_url") or "")

        def switch_then_show() -> None:
            # Reminders come in the person's language: learn their locale before storing.
            person = ctx.users.learn(client, user_id)
            lang = ctx.language(person, parse.pressed_language(body, action))
            assert pressed is not None
            reply = chat.press(person, pressed, SLACK, lang).reply
            if response_url and reply is not None:  # pressed in a message: answered there
                ctx.respond(response_url, render(reply))
            ctx.publish_home(client, user_id)

        ctx.later(switch_then_show, body, client)

    def switch_by_command(call: SlashCall) -> None:
        ctx.answer_in_ack(call)
        # The App Home's switch shows the same stored state.
        client, user_id = call.client, call.person.user_id
        ctx.later(lambda: ctx.publish_home(client, user_id), call.payload, client)

    ctx.commands[Intent.REMINDERS] = switch_by_command
