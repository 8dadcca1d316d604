"""Candidacies in Slack: `/g40 kandidaat` (modal), `/g40 mijn kandidaturen`, `/g40 intrekken`,
`/g40 kandidaten [functie]` (staff), the App Home button and the receipt's withdraw button.

Part of the Slack adapter (bot/platforms/slack.py registers it); the rules, the store and the
outbox are bot/handlers/candidacy.py's. What the ack path does: in-memory rules and the local
store only (storing before the ack is what makes a candidacy never lost). Everything that
talks to Slack or the sheet (views.open, users.info, the sheet write, the receipt DM, the
staff notice) runs after the ack, through `SlackBot.later`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.candidacy import (
    FIELDS,
    MAX_EMAIL,
    MAX_MOTIVATION,
    MAX_NAME,
    OFFICES,
    Form,
    Submission,
    electable_roles,
    match_role,
    office_title,
    role_details,
    role_title,
    title_of,
)
from bot.handlers.candidacy import CandidacyHandler, Outcome, submission_id_for
from bot.i18n import say
from bot.platforms.slack import (
    CANDIDACY_OPEN_ACTION,
    PLATFORM,
    Rendered,
    SlackBot,
    SlashCall,
    escape,
    render_blocks,
)
from bot.reply import Language, Reply

log = logging.getLogger(__name__)

CALLBACK = "g40_candidacy"
ROLE_ACTION = "g40_candidacy_role"
WITHDRAW_ACTION = "g40_candidacy_withdraw"
VALUE = "value"
ROLE_INFO_BLOCK = "role_info"
REPLACE_BLOCK = "replace"
YES = "yes"
# Block Kit limits for a modal: section text ≤ 3,000 characters, option text ≤ 75.
MAX_OPTION_CHARS = 75

SUBMIT_PHRASES = ("kandidaat", "kandidaat stellen", "candidacy", "stand as candidate")
MINE_PHRASES = ("mijn kandidaturen", "my candidacies", "mijn kandidatuur", "my candidacy")
WITHDRAW_PHRASES = ("intrekken", "withdraw", "trek in")
OVERVIEW_PHRASES = ("kandidaten", "candidates")


def _language(value: object) -> Language:
    return "en" if value == "en" else "nl"


def _plain(text: str, limit: int = MAX_OPTION_CHARS) -> dict[str, Any]:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return {"type": "plain_text", "text": shown, "emoji": True}


def _option(value: str, text: str) -> dict[str, Any]:
    return {"text": _plain(text), "value": value}


def _input(
    block_id: str, label: str, element: dict[str, Any], *, optional: bool = False
) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label, 2000),
        "element": element,
        "optional": optional,
    }


# --- the modal --------------------------------------------------------------------------------


@dataclass
class Modal:
    """The candidacy modal; rebuilt with the entered values when it must change (role chosen,
    replacement to confirm), so nothing the candidate typed is lost."""

    handler: CandidacyHandler
    language: Language

    def view(
        self,
        form: Form | None = None,
        *,
        earlier: Submission | None = None,
        replace: bool = False,
    ) -> dict[str, Any]:
        lang = self.language
        form = form or Form()
        snapshot = self.handler.snapshot()
        roles = electable_roles(snapshot)
        chosen = match_role(snapshot, form.role) if form.role else None

        role_select: dict[str, Any] = {
            "type": "static_select",
            "action_id": ROLE_ACTION,
            "placeholder": _plain(say(lang, "cand_modal_choose")),
            "options": [_option(r.id, role_title(r, lang)) for r in roles][:100],
        }
        if chosen is not None:
            role_select["initial_option"] = _option(chosen.id, role_title(chosen, lang))
        role_block = _input("role", say(lang, "cand_label_role"), role_select)
        role_block["dispatch_action"] = True

        details = role_details(chosen, lang) if chosen else say(lang, "cand_modal_pick_role")
        municipality_select: dict[str, Any] = {
            "type": "static_select",
            "action_id": VALUE,
            "placeholder": _plain(say(lang, "cand_modal_choose")),
            "options": [_option(m, m) for m in snapshot.municipalities][:100],
        }
        if form.municipality in snapshot.municipalities:
            municipality_select["initial_option"] = _option(form.municipality, form.municipality)
        office_radio: dict[str, Any] = {
            "type": "radio_buttons",
            "action_id": VALUE,
            "options": [_option(o, office_title(o, lang)) for o in OFFICES],
        }
        if form.office in OFFICES:
            office_radio["initial_option"] = _option(form.office, office_title(form.office, lang))
        confirm_option = _option(YES, say(lang, "cand_confirm_option"))
        confirm: dict[str, Any] = {
            "type": "checkboxes",
            "action_id": VALUE,
            "options": [confirm_option],
        }
        if form.confirmed:
            confirm["initial_options"] = [confirm_option]

        blocks: list[dict[str, Any]] = [
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": escape(self.handler.window_text(lang))}],
            },
            role_block,
            {
                "type": "section",
                "block_id": ROLE_INFO_BLOCK,
                "text": {"type": "mrkdwn", "text": escape(details)},
            },
            _input("name", say(lang, "cand_label_name"), _text_input(form.name, MAX_NAME)),
            _input("email", say(lang, "cand_label_email"), _text_input(form.email, MAX_EMAIL)),
            _input("municipality", say(lang, "cand_label_municipality"), municipality_select),
            _input("office", say(lang, "cand_label_office"), office_radio),
            _input(
                "motivation",
                say(lang, "cand_label_motivation"),
                _text_input(form.motivation, MAX_MOTIVATION, multiline=True),
            )
            | {"hint": _plain(say(lang, "cand_modal_motivation_hint"), 2000)},
            _input("confirmed", say(lang, "cand_confirm_block"), confirm),
        ]
        if earlier is not None:
            replace_option = _option(YES, say(lang, "cand_replace_option"))
            replace_box: dict[str, Any] = {
                "type": "checkboxes",
                "action_id": VALUE,
                "options": [replace_option],
            }
            if replace:
                replace_box["initial_options"] = [replace_option]
            blocks += [
                {
                    "type": "section",
                    "text": {
                        "type": "mrkdwn",
                        "text": escape(self.handler.duplicate_text(earlier, lang)),
                    },
                },
                _input(REPLACE_BLOCK, say(lang, "cand_replace_block"), replace_box, optional=True),
            ]
        return {
            "type": "modal",
            "callback_id": CALLBACK,
            "title": _plain(say(lang, "cand_modal_title"), 24),
            "submit": _plain(say(lang, "cand_modal_submit"), 24),
            "close": _plain(say(lang, "cand_modal_close"), 24),
            "private_metadata": json.dumps({"l": lang}),
            "blocks": blocks,
        }


def _text_input(initial: str, max_length: int, *, multiline: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": VALUE,
        "max_length": max_length,
        "multiline": multiline,
    }
    if initial:
        element["initial_value"] = initial[:max_length]
    return element


def form_from_state(values: Mapping[str, Any]) -> tuple[Form, bool]:
    """(the form, whether 'replace my earlier candidacy' is ticked) from a view's state."""

    def element(block: str) -> Mapping[str, Any]:
        actions = values.get(block) or {}
        return next(iter(actions.values()), {}) if isinstance(actions, Mapping) else {}

    def text(block: str) -> str:
        found = element(block)
        selected = found.get("selected_option") or {}
        return str(selected.get("value") or found.get("value") or "")

    def ticked(block: str) -> bool:
        return any(o.get("value") == YES for o in element(block).get("selected_options") or [])

    form = Form(
        role=text("role"),
        name=text("name"),
        email=text("email"),
        municipality=text("municipality"),
        office=text("office"),
        motivation=text("motivation"),
        confirmed=ticked("confirmed"),
    )
    return form, ticked(REPLACE_BLOCK)


# --- lists with withdraw buttons --------------------------------------------------------------


def withdraw_button(submission: Submission, role: str, language: Language) -> dict[str, Any]:
    lang = language
    return {
        "type": "button",
        "action_id": WITHDRAW_ACTION,
        "style": "danger",
        "text": _plain(say(lang, "cand_withdraw_button")),
        "value": submission.submission_id,
        "confirm": {
            "title": _plain(say(lang, "cand_withdraw_confirm_title"), 100),
            "text": _plain(say(lang, "cand_withdraw_confirm_text", role=role), 300),
            "confirm": _plain(say(lang, "cand_withdraw_confirm_yes"), 30),
            "deny": _plain(say(lang, "cand_no"), 30),
        },
    }


def with_withdraw_buttons(
    rendered: Rendered, submissions: list[Submission], handler: CandidacyHandler, lang: Language
) -> Rendered:
    text, blocks = rendered
    snapshot = handler.snapshot()
    rows = []
    for submission in submissions[:20]:
        role = title_of(snapshot, submission.candidate.role, lang)
        rows.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"{escape(role)} ({submission.submission_id})"},
                "accessory": withdraw_button(submission, role, lang),
            }
        )
    return text, [*blocks, *rows][:50]


# --- listeners --------------------------------------------------------------------------------


@dataclass
class SlackCandidacy:
    bot: SlackBot
    handler: CandidacyHandler
    staff_channel: str | None

    # -- opening the modal -------------------------------------------------------------------

    def open_modal(self, client: WebClient, trigger_id: str, user_id: str, lang: Language) -> None:
        """views.open first (the trigger expires in 3 s), then prefill name and e-mail from the
        Slack profile with views.update."""
        modal = Modal(self.handler, lang)
        opened = client.views_open(trigger_id=trigger_id, view=modal.view())
        try:
            profile = (client.users_info(user=user_id).get("user") or {}).get("profile") or {}
        except SlackApiError as error:
            log.warning("users.info for %s failed (%s); the modal stays unfilled", user_id, error)
            return
        name = str(profile.get("real_name") or profile.get("display_name") or "")
        email = str(profile.get("email") or "")
        if not (name or email):
            return
        view = opened.get("view") or {}
        client.views_update(
            view_id=view.get("id"),
            hash=view.get("hash"),
            view=modal.view(Form(name=name, email=email)),
        )

    def submit_command(self, bot: SlackBot, call: SlashCall) -> None:
        window = self.handler.window()
        if not window.open:
            call.ack(
                response_type="ephemeral", text=self.handler.window_text(call.language, window)
            )
            return
        call.ack()
        trigger_id = str(call.command.get("trigger_id") or "")
        bot.later(
            lambda: self.open_modal(call.client, trigger_id, call.user_id, call.language),
            call.command,
            call.client,
        )

    def open_from_home(self, ack: Any, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user_id = str(body["user"]["id"])
        lang = self.bot.locales.cached(user_id)[1] or "nl"
        trigger_id = str(body.get("trigger_id") or "")
        self.bot.later(lambda: self.open_modal(client, trigger_id, user_id, lang), body, client)

    def role_chosen(self, ack: Any, body: dict[str, Any], client: WebClient) -> None:
        """Show the chosen role's tasks and time commitment beside the confirmation."""
        ack()
        view = body.get("view") or {}
        lang = _language(json.loads(view.get("private_metadata") or "{}").get("l"))
        form, replace = form_from_state((view.get("state") or {}).get("values") or {})
        has_replace = any(b.get("block_id") == REPLACE_BLOCK for b in view.get("blocks") or [])
        earlier = None
        if has_replace:
            role = match_role(self.handler.snapshot(), form.role)
            user_id = str((body.get("user") or {}).get("id") or "")
            earlier = next(
                (
                    s
                    for s in self.handler.records.of_user(PLATFORM, user_id)
                    if s.active and role is not None and s.candidate.role == role.id
                ),
                None,
            )
        updated = Modal(self.handler, lang).view(form, earlier=earlier, replace=replace)

        def show() -> None:
            client.views_update(view_id=view.get("id"), hash=view.get("hash"), view=updated)

        self.bot.later(show, body, client)

    # -- submitting --------------------------------------------------------------------------

    def view_submitted(
        self, ack: Any, body: dict[str, Any], view: dict[str, Any], client: WebClient
    ) -> None:
        user_id = str(body["user"]["id"])
        lang = _language(json.loads(view.get("private_metadata") or "{}").get("l"))
        form, replace = form_from_state((view.get("state") or {}).get("values") or {})
        outcome = self.handler.submit(
            form,
            platform=PLATFORM,
            user_id=user_id,
            language=lang,
            # One view is one submission: a repeated delivery of it gets the same id.
            submission_id=submission_id_for(self.handler.now(), f"slack:{view.get('id')}"),
            replace=replace,
        )
        if outcome.submission is None:
            self._refuse(ack, view, outcome, form, lang)
            return
        ack(response_action="clear")
        if outcome.repeated:
            return
        submission = outcome.submission
        self.bot.later(
            lambda: self.after_submission(client, submission, outcome.replaced), body, client
        )

    def _refuse(
        self, ack: Any, view: Mapping[str, Any], outcome: Outcome, form: Form, lang: Language
    ) -> None:
        review = outcome.review
        if review.closed:
            ack(response_action="errors", errors={"role": review.closed})
        elif review.errors:
            ack(
                response_action="errors",
                errors={field: review.errors[field] for field in FIELDS if field in review.errors},
            )
        elif review.earlier is not None:
            shown = any(b.get("block_id") == REPLACE_BLOCK for b in view.get("blocks") or [])
            if shown:
                role = title_of(self.handler.snapshot(), review.earlier.candidate.role, lang)
                day = self.handler.day(review.earlier.submitted_at, lang)
                message = say(lang, "cand_err_replace", role=role, day=day)
                ack(response_action="errors", errors={REPLACE_BLOCK: message})
            else:
                modal = Modal(self.handler, lang).view(form, earlier=review.earlier)
                ack(response_action="update", view=modal)

    def after_submission(
        self, client: WebClient, submission: Submission, replaced: str | None
    ) -> None:
        """Sheet first (so the receipt can say it landed), then the receipt, then staff."""
        landed = self.handler.deliver(submission.submission_id)
        lang = submission.language
        receipt = self.handler.receipt(
            submission,
            landed=landed,
            replaced=replaced,
            how_to_withdraw=say(lang, "cand_withdraw_slack"),
        )
        text, blocks = render_blocks(receipt)
        role = title_of(self.handler.snapshot(), submission.candidate.role, lang)
        if self.handler.window().before_deadline:
            button = withdraw_button(submission, role, lang)
            blocks = [*blocks, {"type": "actions", "elements": [button]}]
        self.direct_message(client, submission.user_id, text, blocks)
        self.notify_staff(client, self.handler.staff_notice(submission, replaced))

    def direct_message(
        self, client: WebClient, user_id: str, text: str, blocks: list[dict[str, Any]]
    ) -> None:
        channel = (client.conversations_open(users=user_id).get("channel") or {}).get("id")
        client.chat_postMessage(channel=channel or user_id, text=text, blocks=blocks)

    def notify_staff(self, client: WebClient, text: str) -> None:
        if self.staff_channel:
            client.chat_postMessage(channel=self.staff_channel, text=escape(text))

    # -- the candidate's own -----------------------------------------------------------------

    def mine_command(self, bot: SlackBot, call: SlashCall) -> None:
        reply = self.handler.mine(PLATFORM, call.user_id, call.language)
        rendered = render_blocks(reply)
        active = self.handler.withdrawable(PLATFORM, call.user_id)
        text, blocks = with_withdraw_buttons(rendered, active, self.handler, call.language)
        call.ack(response_type="ephemeral", text=text, blocks=blocks)

    def withdraw_command(self, bot: SlackBot, call: SlashCall) -> None:
        lang = call.language
        window = self.handler.window()
        if not window.before_deadline:
            call.ack(response_type="ephemeral", text=self.handler.window_text(lang, window))
            return
        active = self.handler.withdrawable(PLATFORM, call.user_id)
        if not active:
            call.ack(response_type="ephemeral", text=say(lang, "cand_withdraw_none"))
            return
        question = Reply(title=say(lang, "cand_withdraw_pick"), language=lang)
        text, blocks = with_withdraw_buttons(render_blocks(question), active, self.handler, lang)
        call.ack(response_type="ephemeral", text=text, blocks=blocks)

    def withdraw_clicked(
        self, ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient
    ) -> None:
        ack()
        user_id = str(body["user"]["id"])
        submission_id = str(action.get("value") or "")
        stored = self.handler.records.get(submission_id)
        lang = stored.language if stored else self.bot.locales.cached(user_id)[1] or "nl"
        reply, withdrawn = self.handler.withdraw(PLATFORM, user_id, submission_id, lang)
        response_url = str(body.get("response_url") or "")

        def deliver_and_tell() -> None:
            text, blocks = render_blocks(reply)
            if response_url:
                WebhookClient(response_url).send(
                    text=text, blocks=blocks, response_type="ephemeral", replace_original=False
                )
            else:
                self.direct_message(client, user_id, text, blocks)
            if withdrawn is not None:
                self.handler.deliver(withdrawn.submission_id)
                self.notify_staff(client, self.handler.withdrawal_notice(withdrawn))

        self.bot.later(deliver_and_tell, body, client)

    # -- staff -------------------------------------------------------------------------------

    def overview_command(self, bot: SlackBot, call: SlashCall) -> None:
        lang, query = call.language, call.rest

        def refuse() -> Rendered:
            how = say(lang, "cand_mine_slack")
            return render_blocks(Reply(title="", lines=(say(lang, "cand_staff_only", how=how),)))

        bot.for_staff_only(call, lambda: self.overview(query, lang), refuse, quick=True)

    def overview(self, query: str, lang: Language) -> Rendered:
        return render_blocks(self.handler.overview(query, lang))


def register_candidacy(
    app: Any, bot: SlackBot, handler: CandidacyHandler, staff_channel: str | None
) -> SlackCandidacy:
    """Adds the subcommands, the modal's listeners and the buttons to the Bolt `app`."""
    slack = SlackCandidacy(bot, handler, staff_channel)
    bot.add_subcommand(SUBMIT_PHRASES, slack.submit_command)
    bot.add_subcommand(MINE_PHRASES, slack.mine_command)
    bot.add_subcommand(WITHDRAW_PHRASES, slack.withdraw_command)
    bot.add_subcommand(OVERVIEW_PHRASES, slack.overview_command)
    app.view(CALLBACK)(slack.view_submitted)
    app.action(ROLE_ACTION)(slack.role_chosen)
    app.action(CANDIDACY_OPEN_ACTION)(slack.open_from_home)
    app.action(WITHDRAW_ACTION)(slack.withdraw_clicked)
    return slack
