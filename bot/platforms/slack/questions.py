"""Questions and commands typed to g40bot: `/g40 <text>` (answered privately), an @mention in
a channel (answered in its thread), a direct message; the share button and question buttons.

The one `/g40` listener is here; a command that needs more than its answer in the ack is
handed to what a feature registered for it in `SlackContext.commands`.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.conversation import command_of
from bot.handlers.chat import Person, Response
from bot.platforms.slack import parse
from bot.platforms.slack.blocks import (
    COMMAND,
    SHARE_ACTION,
    SLACK,
    form_invitation,
    render,
    share_value,
)
from bot.platforms.slack.context import Answered, SlackContext, SlashCall
from bot.reply import Action


def register(app: App, ctx: SlackContext) -> None:
    chat = ctx.chat

    def answer(person: Person, question: str) -> Answered:
        reply = chat.question(person, question)
        # 'Wat bedoel je?' is no answer to show a channel.
        share = share_value(question, reply.language) if reply.kind != "clarify" else None
        return render(reply, share=share), reply

    @app.command(COMMAND)
    def answer_command(ack: Any, command: dict[str, Any], client: WebClient) -> None:
        text, user_id = str(command.get("text") or ""), str(command.get("user_id") or "")
        person = ctx.users.person(user_id)
        said = command_of(text)
        if said is None:
            # A question: a /g40 answer is private and stands alone (no thread), so everyone
            # who asks it today with the same locale gets the same answer, rendered once.
            key = (text, person.locale, chat.today())
            fresh: list[Answered] = []

            def answer_anew() -> Answered:
                fresh.append(answer(person, text))
                return fresh[0]

            (shown, blocks), reply = ctx.rendered.get(chat.snapshot(), key, answer_anew)
            ack(response_type="ephemeral", text=shown, blocks=blocks)
            if not fresh:
                chat.asked_again(text, reply)
        else:
            call = SlashCall(ack, command, client, person, text, said)
            ctx.commands.get(said.intent, ctx.answer_in_ack)(call)
        if user_id and not ctx.users.known(user_id):
            # Learn the locale for the next question without a language; no apology if this
            # fails.
            ctx.later(lambda: _learn(ctx, client, user_id), None, client)

    def post(client: WebClient, channel: str, response: Response, thread_ts: str = "") -> None:
        reply = response.reply
        if response.form is not None:  # a message has no trigger to open a modal with
            reply = form_invitation(response.form)
        if reply is not None:
            ctx.post(client, channel, reply, thread_ts or None)
        if response.later is not None:
            response.later()

    @app.event("app_mention")
    def answer_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        channel = str(event["channel"])
        thread_ts = str(event.get("thread_ts") or event["ts"])

        def reply_in_thread() -> None:
            question = parse.question_of(str(event.get("text") or ""))
            person = ctx.person_for(client, str(event.get("user")), question)
            thread = f"{channel}:{thread_ts}"
            post(
                client,
                channel,
                chat.turn(person, question, SLACK, thread=thread, personal=False),
                thread_ts,
            )

        ctx.once(body, client, reply_in_thread)

    @app.event("message")
    def answer_direct_message(
        body: dict[str, Any], event: dict[str, Any], client: WebClient
    ) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        channel = str(event["channel"])
        thread_ts = str(event.get("thread_ts") or "")

        def reply() -> None:
            question = parse.question_of(str(event.get("text") or ""))
            person = ctx.person_for(client, str(event.get("user")), question)
            thread = channel
            if thread_ts:
                # Answered in the thread it was asked in; the thread goes on from the DM.
                thread = f"{channel}:{thread_ts}"
                chat.history.branch(thread, channel)
            post(client, channel, chat.turn(person, question, SLACK, thread=thread), thread_ts)

        ctx.once(body, client, reply)

    @app.action(SHARE_ACTION)
    def share_answer(
        ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        ack()
        question, language = parse.shared(str(action.get("value") or ""))
        user_id = parse.user_of(body)
        response_url = str(body.get("response_url") or "")

        def post_in_channel() -> None:
            asked = Action("", "ask", question)
            reply = chat.press(ctx.users.person(user_id), asked, SLACK, language).reply
            assert reply is not None
            # Via response_url the answer reaches any channel /g40 was used in, also ones the
            # bot is not a member of; the asker's private copy is removed.
            ctx.respond(response_url, render(reply, shared_by=user_id), in_channel=True)

        ctx.later(post_in_channel, body, client)

    @app.action(parse.pressed_pattern("ask"))
    def ask_again(
        ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        ctx.press(ack, body, action, client)


def _learn(ctx: SlackContext, client: WebClient, user_id: str) -> None:
    ctx.users.learn(client, user_id)
