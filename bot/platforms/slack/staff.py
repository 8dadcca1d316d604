"""Staff-only commands (`/g40 kandidaten`, `/g40 herladen`) where they cannot be answered in
the ack: the person is not listed by Slack id, so their e-mail address (users.info) decides,
or the command waits on the sheet. Acknowledged at once, answered through the command's
response_url."""

from __future__ import annotations

from bot.conversation import STAFF_ONLY, is_slow
from bot.platforms.slack.blocks import SLACK, render
from bot.platforms.slack.context import SlackContext, SlashCall


def register(ctx: SlackContext) -> None:
    chat = ctx.chat

    def answer(call: SlashCall) -> None:
        if not (is_slow(call.text) or chat.needs_email(call.person, call.text)):
            ctx.answer_in_ack(call)
            return
        call.ack()
        response_url = str(call.payload.get("response_url") or "")

        def look_up_then_answer() -> None:
            person = ctx.person_for(call.client, call.person.user_id, call.text)
            response = chat.turn(person, call.text, SLACK, personal=True)
            if response.reply is not None:
                ctx.respond(response_url, render(response.reply))
            if response.later is not None:
                response.later()

        ctx.later(look_up_then_answer, call.payload, call.client)

    for intent in STAFF_ONLY:
        ctx.commands[intent] = answer
