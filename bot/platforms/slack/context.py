"""What the Slack listeners share: the conversation core, the ways to show its answers after
an ack, the one error reporter, and two in-memory caches (users' locales, rendered answers).

Speed: the app runs with `process_before_response=True`, so Bolt calls each listener in the
request thread and answers Slack as soon as it returns (no 10 ms ack polling). Listeners
therefore do only in-memory and local-store work before they ack; whatever talks to a network
(Web API calls, users.info, response_url, the sheet) goes to `later`, which runs it on the
runtime's background pool and reports its failure like a listener's own. Retried Events API
deliveries are answered once via the store's event claims (`once`).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.background import Background
from bot.conversation import Command, Intent, resolve_language
from bot.forms import FormView
from bot.handlers.chat import Chat, Person, Response
from bot.i18n import say
from bot.platforms.slack import parse
from bot.platforms.slack.blocks import (
    PLATFORM,
    SLACK,
    Rendered,
    apology_modal,
    home_view,
    modal,
    render,
)
from bot.reply import Language, Reply
from bot.store.events import EventClaims

log = logging.getLogger(__name__)

Payload = Mapping[str, Any]


class SlackUsers:
    """What users.info says of people. Their locale is kept in memory, to be read without I/O
    on the ack path; name and e-mail address are looked up when needed (after the ack)."""

    def __init__(self) -> None:
        self._locales: dict[str, str | None] = {}

    def known(self, user_id: str) -> bool:
        return user_id in self._locales

    def person(self, user_id: str) -> Person:
        """Who this is as far as known without asking Slack."""
        return Person(PLATFORM, user_id, locale=self._locales.get(user_id))

    def look_up(self, client: WebClient, user_id: str) -> Person:
        """users.info: locale, name and e-mail (SlackApiError when Slack refuses)."""
        user = client.users_info(user=user_id, include_locale=True).get("user") or {}
        person = parse.person_of(user_id, user)
        self._locales[user_id] = person.locale
        return person

    def learn(self, client: WebClient, user_id: str) -> Person:
        """The person with their locale, asking Slack the first time only."""
        if self.known(user_id):
            return self.person(user_id)
        try:
            return self.look_up(client, user_id)
        except SlackApiError as error:
            log.warning("users.info for %s failed (%s); using the words' language", user_id, error)
            return self.person(user_id)


# An answer as shown, with the reply it was drawn from.
Answered = tuple[Rendered, Reply]


class RenderedAnswers:
    """Recently rendered answers of the current snapshot: a repeated question (the common case)
    costs a dictionary lookup. A new snapshot (a staff edit) empties it."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._owner: object = None
        self._answers: OrderedDict[Hashable, Answered] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, owner: object, key: Hashable, render: Callable[[], Answered]) -> Answered:
        with self._lock:
            if owner is not self._owner:
                self._owner, self._answers = owner, OrderedDict()
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                return found
        rendered = render()
        if self.size:
            with self._lock:
                if owner is self._owner:
                    self._answers[key] = rendered
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
        return rendered


def _json_response(payload: Mapping[str, Any]) -> BoltResponse:
    return BoltResponse(
        status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
    )


@dataclass
class ErrorReporter:
    """Logs the traceback with a reference id and tells the user, in their language, where
    Slack lets us: the ack response, the response_url, or a reply beside their message."""

    def report(
        self,
        error: Exception,
        body: Payload | None,
        client: WebClient | None,
        response: BoltResponse | None = None,
    ) -> BoltResponse | None:
        reference = uuid.uuid4().hex[:8]
        log.error("Slack: handling failed (reference %s)", reference, exc_info=error)
        if not body:
            return None
        # A modal's or the App Home's own language, else that of what the person typed.
        view_language = parse.view_language(body.get("view") or {})
        language = view_language or resolve_language(parse.question_in(body))
        apology = say(language, "apology", ref=reference)
        if response is not None and ("command" in body or body.get("type") == "block_actions"):
            # Still inside the request: the apology is the ack itself.
            return _json_response({"response_type": "ephemeral", "text": apology})
        if response is not None and body.get("type") == "view_submission":
            # A modal can only be answered through the ack: replace it with the apology.
            view = apology_modal(apology)
            return _json_response({"response_action": "update", "view": view})
        try:
            self._deliver(apology, body, client)
        except (SlackApiError, OSError) as delivery_error:
            log.error(
                "Slack: the apology (reference %s) could not be sent: %s", reference, delivery_error
            )
        return None

    def _deliver(self, apology: str, body: Payload, client: WebClient | None) -> None:
        response_url = body.get("response_url")
        event = body.get("event") or {}
        if response_url:
            WebhookClient(response_url).send(
                text=apology, response_type="ephemeral", replace_original=False
            )
        elif client is not None and event.get("type") == "app_mention":
            client.chat_postMessage(
                channel=event["channel"],
                thread_ts=event.get("thread_ts") or event["ts"],
                text=apology,
            )
        elif client is not None and event.get("type") == "message" and event.get("channel"):
            client.chat_postMessage(channel=event["channel"], text=apology)


@dataclass(frozen=True)
class SlashCall:
    """`/g40 <command>`: the listener's arguments, who typed it, and the command read from it
    (the core's table, bot/conversation.py)."""

    ack: Callable[..., None]
    payload: Payload
    client: WebClient
    person: Person
    text: str
    command: Command


@dataclass
class SlackContext:
    """What every listener works with: `chat` decides, the rest shows and schedules.

    `commands`: what a feature does on Slack with a `/g40` command beyond showing the core's
    answer in the ack (e.g. answer later, refresh the App Home). Slack has one `/g40`
    listener (questions.py), checked first: every listener Bolt checks before it costs each
    question time, so commands are routed here, by intent, not by more Bolt listeners."""

    chat: Chat
    events: EventClaims
    background: Background
    users: SlackUsers = field(default_factory=SlackUsers)
    errors: ErrorReporter = field(default_factory=ErrorReporter)
    rendered: RenderedAnswers = field(default_factory=RenderedAnswers)
    commands: dict[Intent, Callable[[SlashCall], None]] = field(default_factory=dict)

    # -- when -------------------------------------------------------------------------------

    def later(
        self, work: Callable[[], None], body: Payload | None, client: WebClient | None
    ) -> None:
        """Run `work` after the ack; a failure gets the same treatment as a listener's."""

        def report(error: Exception) -> None:
            self.errors.report(error, body, client)

        self.background.run(work, report)

    def once(self, body: Payload, client: WebClient, work: Callable[[], None]) -> None:
        """Run an Events API delivery's work once per event_id, whichever process gets it."""
        event_id = body.get("event_id")

        def first_delivery_only() -> None:
            if event_id and not self.events.claim(PLATFORM, str(event_id)):
                log.info("Slack: event %s was already handled; this is a retry", event_id)
                return
            work()

        self.later(first_delivery_only, body, client)

    def person_for(self, client: WebClient, user_id: str, text: str) -> Person:
        """Who typed `text`, with what the core needs to answer it: their locale, and their
        e-mail address when `text` is a staff-only command (users.info; never on the ack
        path)."""
        person = self.users.learn(client, user_id)
        if self.chat.needs_email(person, text):
            return self.users.look_up(client, user_id)
        return person

    def language(self, person: Person, shown_in: Language | None = None) -> Language:
        """The language of a press or a form: the one it was shown in, else the person's."""
        return resolve_language("", locale=person.locale, chosen=shown_in)

    # -- showing ----------------------------------------------------------------------------

    def ack_reply(self, ack: Callable[..., None], reply: Reply) -> None:
        text, blocks = render(reply)
        ack(response_type="ephemeral", text=text, blocks=blocks)

    def answer_in_ack(self, call: SlashCall) -> None:
        """The core's response to a command: a reply in the ack itself; a form opens right
        after the ack (with the command's trigger); then the response's slow work."""
        response = self.chat.turn(call.person, call.text, SLACK, personal=True)
        payload, client = call.payload, call.client
        if response.form is not None:
            call.ack()
            trigger_id, form = str(payload.get("trigger_id") or ""), response.form
            self.later(
                lambda: self.open_form(client, trigger_id, call.person, form), payload, client
            )
        elif response.reply is not None:
            self.ack_reply(call.ack, response.reply)
        if response.later is not None:
            self.later(response.later, payload, client)

    def respond(self, response_url: str, rendered: Rendered, *, in_channel: bool = False) -> None:
        """Through a command's or a button's response_url: for the person only, beside what
        they had; `in_channel`: for everyone in the channel, in place of the private copy."""
        text, blocks = rendered
        hook = WebhookClient(response_url)
        if in_channel:
            hook.send(text=text, blocks=blocks, response_type="in_channel", delete_original=True)
        else:
            hook.send(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)

    def post(
        self, client: WebClient, channel: str, reply: Reply, thread_ts: str | None = None
    ) -> None:
        text, blocks = render(reply)
        if thread_ts:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=blocks)
        else:
            client.chat_postMessage(channel=channel, text=text, blocks=blocks)

    def direct_message(self, client: WebClient, user_id: str, reply: Reply) -> None:
        channel = (client.conversations_open(users=user_id).get("channel") or {}).get("id")
        self.post(client, str(channel or user_id), reply)

    def open_form(self, client: WebClient, trigger_id: str, person: Person, view: FormView) -> None:
        """views.open first (the trigger expires in 3 s); then, when Slack's profile knows the
        person's name or e-mail address, the form again with them filled in."""
        opened = client.views_open(trigger_id=trigger_id, view=modal(view)).get("view") or {}
        if person.name or person.email:
            return
        try:
            known = self.users.look_up(client, person.user_id)
        except SlackApiError as error:
            log.warning(
                "users.info for %s failed (%s); the form stays empty", person.user_id, error
            )
            return
        if not (known.name or known.email):
            return
        filled = self.chat.open_form(known, view.language).form
        if filled is not None:
            client.views_update(
                view_id=opened.get("id"), hash=opened.get("hash"), view=modal(filled)
            )

    def publish_home(self, client: WebClient, user_id: str) -> None:
        person = self.users.learn(client, user_id)
        home = self.chat.home(person, self.language(person), SLACK)
        client.views_publish(user_id=user_id, view=home_view(home))

    def press(
        self, ack: Callable[..., None], body: Payload, action: Payload, client: WebClient
    ) -> None:
        """A button of a reply: the core's answer to it (local work only), shown after the ack
        in the language the button was shown in."""
        ack()
        pressed = parse.action_of(action)
        if pressed is None:
            return
        person = self.users.person(parse.user_of(body))
        lang = self.language(person, parse.pressed_language(body, action))
        thread = parse.thread_of_press(body)
        response = self.chat.press(person, pressed, SLACK, lang, thread=thread)
        self.later(lambda: self.answer_press(body, client, person, response), body, client)

    def answer_press(
        self, body: Payload, client: WebClient, person: Person, response: Response
    ) -> None:
        """A form opens in a modal, a reply goes where the button was (through response_url;
        from a view, as a DM); then the response's slow work."""
        if response.form is not None:
            self.open_form(client, str(body.get("trigger_id") or ""), person, response.form)
        elif response.reply is not None:
            response_url = str(body.get("response_url") or "")
            if response_url:
                self.respond(response_url, render(response.reply))
            else:
                self.direct_message(client, person.user_id, response.reply)
        if response.later is not None:
            response.later()
