"""Candidacies in Teams: the Adaptive Card form (Action.Execute), the receipt with its withdraw
button, and the cards for `mijn kandidaturen`, `intrekken` and `kandidaten [functie]` (staff).

Pure cards and decisions, no Agents SDK: bot/platforms/teams.py routes the chat commands and the
`adaptiveCard/action` invokes here and sends what comes back. The rules, the store and the
outbox are bot/handlers/candidacy.py's, exactly as for Slack and the console.

Every card an Action.Execute answers replaces the card the person clicked on, so a form with
errors comes back with the values kept and each error under its field, and a submitted form
becomes its receipt (a second click on it cannot submit again). Each form carries an id of its
own: a repeated delivery of the same submit gets the same submission id, and is recognised.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.candidacy import (
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
from bot.platforms.teams_cards import (
    Card,
    Element,
    card,
    execute,
    heading,
    render_card,
    text_block,
)
from bot.reply import Language, Reply

PLATFORM = "teams"
VERB_PREFIX = "g40.candidacy."
SUBMIT_VERB = VERB_PREFIX + "submit"
ROLE_VERB = VERB_PREFIX + "role"
WITHDRAW_ASK_VERB = VERB_PREFIX + "withdraw-ask"
WITHDRAW_VERB = VERB_PREFIX + "withdraw"
KEEP_VERB = VERB_PREFIX + "keep"
# The help card's button (Action.Submit: a message with this value) that opens the form.
OPEN_ACTION = "g40.candidacy.open"
FORM_KEY = "form"
LANGUAGE_KEY = "lang"
SUBMISSION_KEY = "submission"
REPLACE_INPUT = "replace"
ON = "true"
OFF = "false"
MAX_FORM_ID = 64
MAX_LISTED = 20


def language_in(data: Mapping[str, Any], default: Language = "nl") -> Language:
    value = data.get(LANGUAGE_KEY)
    return "en" if value == "en" else "nl" if value == "nl" else default


def form_from_data(data: Mapping[str, Any]) -> tuple[Form, bool | None]:
    """(the form, the 'replace my earlier candidacy' toggle: None when the card had none) from
    an Action.Execute's data, which carries every input of the card by its id."""

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    form = Form(
        role=text("role"),
        name=text("name"),
        email=text("email"),
        municipality=text("municipality"),
        office=text("office"),
        motivation=text("motivation"),
        confirmed=text("confirmed") == ON,
    )
    replace = text(REPLACE_INPUT) == ON if REPLACE_INPUT in data else None
    return form, replace


def _choice(title: str, value: str) -> dict[str, str]:
    return {"title": title, "value": value}


def _error(message: str | None) -> list[Element]:
    if not message:
        return []
    return [text_block(message, color="Attention", size="Small", spacing="None")]


@dataclass(frozen=True)
class Executed:
    """What an Action.Execute led to: a card to show, or a stored candidacy (whose receipt the
    caller shows once its sheet write had a moment to land), or a withdrawal to pass on."""

    card: Card | None = None
    submission: Submission | None = None
    replaced: str | None = None
    repeated: bool = False
    withdrawn: Submission | None = None


@dataclass
class TeamsCandidacy:
    handler: CandidacyHandler

    # -- the form ----------------------------------------------------------------------------

    def open_form(self, language: Language, *, name: str = "") -> Card:
        """The empty form (the name prefilled from Teams), or why it cannot be used now."""
        window = self.handler.window()
        if not window.open:
            reply = Reply(
                say(language, "cand_modal_title"),
                (self.handler.window_text(language, window),),
                language=language,
            )
            return render_card(reply)
        return self.form_card(language, Form(name=name[:MAX_NAME]), form_id=uuid.uuid4().hex)

    def form_card(
        self,
        language: Language,
        form: Form | None = None,
        *,
        form_id: str,
        errors: Mapping[str, str] | None = None,
        earlier: Submission | None = None,
        replace: bool = False,
    ) -> Card:
        lang = language
        form = form or Form()
        errors = errors or {}
        snapshot = self.handler.snapshot()
        chosen = match_role(snapshot, form.role) if form.role else None
        data = {FORM_KEY: form_id, LANGUAGE_KEY: lang}

        role_input: Element = {
            "type": "Input.ChoiceSet",
            "id": "role",
            "label": say(lang, "cand_label_role"),
            "style": "compact",
            "placeholder": say(lang, "cand_modal_choose"),
            "choices": [_choice(role_title(r, lang), r.id) for r in electable_roles(snapshot)],
        }
        if chosen is not None:
            role_input["value"] = chosen.id
        details = role_details(chosen, lang) if chosen else say(lang, "cand_modal_pick_role")
        municipality_input: Element = {
            "type": "Input.ChoiceSet",
            "id": "municipality",
            "label": say(lang, "cand_label_municipality"),
            "style": "compact",
            "placeholder": say(lang, "cand_modal_choose"),
            "choices": [_choice(m, m) for m in snapshot.municipalities],
        }
        if form.municipality in snapshot.municipalities:
            municipality_input["value"] = form.municipality
        office_input: Element = {
            "type": "Input.ChoiceSet",
            "id": "office",
            "label": say(lang, "cand_label_office"),
            "style": "expanded",
            "choices": [_choice(office_title(o, lang), o) for o in OFFICES],
        }
        if form.office in OFFICES:
            office_input["value"] = form.office

        body: list[Element] = [
            heading(say(lang, "cand_modal_title")),
            text_block(self.handler.window_text(lang), isSubtle=True),
            role_input,
            *_error(errors.get("role")),
            {
                "type": "Container",
                "style": "emphasis",
                "items": [
                    text_block(details, size="Small"),
                    {
                        "type": "ActionSet",
                        "actions": [execute(say(lang, "teams_cand_show_role"), ROLE_VERB, data)],
                    },
                ],
            },
            _text_input("name", say(lang, "cand_label_name"), form.name, MAX_NAME),
            *_error(errors.get("name")),
            _text_input("email", say(lang, "cand_label_email"), form.email, MAX_EMAIL)
            | {"style": "Email"},
            *_error(errors.get("email")),
            municipality_input,
            *_error(errors.get("municipality")),
            office_input,
            *_error(errors.get("office")),
            _text_input(
                "motivation", say(lang, "cand_label_motivation"), form.motivation, MAX_MOTIVATION
            )
            | {"isMultiline": True, "placeholder": say(lang, "cand_modal_motivation_hint")},
            *_error(errors.get("motivation")),
            _toggle(
                "confirmed",
                say(lang, "cand_confirm_block"),
                say(lang, "cand_confirm_option"),
                form.confirmed,
            ),
            *_error(errors.get("confirmed")),
        ]
        if earlier is not None:
            body += [
                text_block(self.handler.duplicate_text(earlier, lang), color="Warning"),
                _toggle(
                    REPLACE_INPUT,
                    say(lang, "cand_replace_block"),
                    say(lang, "cand_replace_option"),
                    replace,
                ),
                *_error(errors.get(REPLACE_INPUT)),
            ]
        submit = execute(say(lang, "cand_modal_submit"), SUBMIT_VERB, data, style="positive")
        return card(body, [submit], language=lang, fallback=say(lang, "cand_modal_title"))

    # -- Action.Execute ----------------------------------------------------------------------

    def execute(self, verb: str, data: Mapping[str, Any], user_id: str) -> Executed:
        """The card's answer to a click; an unknown verb gets an empty Executed."""
        lang = language_in(data)
        if verb == SUBMIT_VERB:
            return self._submit(data, user_id, lang)
        if verb == ROLE_VERB:
            form, replace = form_from_data(data)
            earlier = self._earlier(form, user_id) if replace is not None else None
            form_id = self._form_id(data)
            card = self.form_card(
                lang, form, form_id=form_id, earlier=earlier, replace=bool(replace)
            )
            return Executed(card)
        if verb == WITHDRAW_ASK_VERB:
            return Executed(
                self._withdraw_question(str(data.get(SUBMISSION_KEY) or ""), user_id, lang)
            )
        if verb == WITHDRAW_VERB:
            submission_id = str(data.get(SUBMISSION_KEY) or "")
            reply, withdrawn = self.handler.withdraw(PLATFORM, user_id, submission_id, lang)
            return Executed(render_card(reply), withdrawn=withdrawn)
        if verb == KEEP_VERB:
            kept = Reply(
                say(lang, "cand_withdraw_confirm_title"),
                (say(lang, "cand_console_not_withdrawn"),),
                language=lang,
            )
            return Executed(render_card(kept))
        return Executed()

    def _form_id(self, data: Mapping[str, Any]) -> str:
        given = data.get(FORM_KEY)
        return given[:MAX_FORM_ID] if isinstance(given, str) and given else uuid.uuid4().hex

    def _earlier(self, form: Form, user_id: str) -> Submission | None:
        role = match_role(self.handler.snapshot(), form.role)
        if role is None:
            return None
        return next(
            (
                s
                for s in self.handler.records.of_user(PLATFORM, user_id)
                if s.active and s.candidate.role == role.id
            ),
            None,
        )

    def _submit(self, data: Mapping[str, Any], user_id: str, lang: Language) -> Executed:
        form, replace = form_from_data(data)
        form_id = self._form_id(data)
        # One form is one submission: a repeated delivery of its submit (a double click, a
        # retried invoke) gets the same id, and the receipt of what was stored.
        submission_id = submission_id_for(self.handler.now(), f"teams:{user_id}:{form_id}")
        outcome = self.handler.submit(
            form,
            platform=PLATFORM,
            user_id=user_id,
            language=lang,
            submission_id=submission_id,
            replace=bool(replace),
        )
        if outcome.submission is not None:
            return Executed(
                submission=outcome.submission,
                replaced=outcome.replaced,
                repeated=outcome.repeated,
            )
        return Executed(self._refused(outcome, form, form_id, replace, lang))

    def _refused(
        self, outcome: Outcome, form: Form, form_id: str, replace: bool | None, lang: Language
    ) -> Card:
        """The form again, values kept, with why (as on Slack: a closed window under the role,
        each field's error under it, an earlier candidacy to confirm replacing)."""
        review = outcome.review
        if review.closed:
            return self.form_card(lang, form, form_id=form_id, errors={"role": review.closed})
        if review.errors or review.earlier is None:
            return self.form_card(lang, form, form_id=form_id, errors=review.errors)
        errors: dict[str, str] = {}
        if replace is not None:  # the toggle was shown and left off
            earlier = review.earlier
            role = title_of(self.handler.snapshot(), earlier.candidate.role, lang)
            day = self.handler.day(earlier.submitted_at, lang)
            errors[REPLACE_INPUT] = say(lang, "cand_err_replace", role=role, day=day)
        return self.form_card(lang, form, form_id=form_id, errors=errors, earlier=review.earlier)

    # -- receipts and lists ------------------------------------------------------------------

    def receipt_card(self, submission: Submission, *, landed: bool, replaced: str | None) -> Card:
        lang = submission.language
        receipt = self.handler.receipt(
            submission,
            landed=landed,
            replaced=replaced,
            how_to_withdraw=say(lang, "teams_cand_withdraw_how"),
        )
        actions = []
        if self.handler.window().before_deadline:
            actions.append(self._withdraw_button(submission, lang))
        return render_card(receipt, actions=actions)

    def _withdraw_button(self, submission: Submission, lang: Language) -> Element:
        return execute(
            say(lang, "cand_withdraw_button"),
            WITHDRAW_ASK_VERB,
            {SUBMISSION_KEY: submission.submission_id, LANGUAGE_KEY: lang},
            style="destructive",
        )

    def _withdraw_rows(self, user_id: str, lang: Language) -> list[Element]:
        snapshot = self.handler.snapshot()
        rows: list[Element] = []
        for submission in self.handler.withdrawable(PLATFORM, user_id)[:MAX_LISTED]:
            role = title_of(snapshot, submission.candidate.role, lang)
            rows.append(
                {
                    "type": "Container",
                    "separator": True,
                    "items": [
                        text_block(f"{role} ({submission.submission_id})"),
                        {"type": "ActionSet", "actions": [self._withdraw_button(submission, lang)]},
                    ],
                }
            )
        return rows

    def _withdraw_question(self, submission_id: str, user_id: str, lang: Language) -> Card:
        submission = self.handler.records.get(submission_id)
        if submission is None or (submission.platform, submission.user_id) != (PLATFORM, user_id):
            unknown = Reply(
                say(lang, "cand_withdrawn_title"),
                (say(lang, "cand_withdraw_unknown"),),
                language=lang,
            )
            return render_card(unknown)
        role = title_of(self.handler.snapshot(), submission.candidate.role, lang)
        question = Reply(
            say(lang, "cand_withdraw_confirm_title"),
            (say(lang, "cand_withdraw_confirm_text", role=role),),
            language=lang,
        )
        data = {SUBMISSION_KEY: submission_id, LANGUAGE_KEY: lang}
        return render_card(
            question,
            actions=[
                execute(
                    say(lang, "cand_withdraw_confirm_yes"),
                    WITHDRAW_VERB,
                    data,
                    style="destructive",
                ),
                execute(say(lang, "cand_no"), KEEP_VERB, data),
            ],
        )

    def mine_card(self, user_id: str, lang: Language) -> Card:
        reply = self.handler.mine(PLATFORM, user_id, lang)
        return render_card(reply, body_after=self._withdraw_rows(user_id, lang))

    def withdraw_card(self, user_id: str, lang: Language) -> Card:
        window = self.handler.window()
        title = say(lang, "cand_withdrawn_title")
        if not window.before_deadline:
            reply = Reply(title, (self.handler.window_text(lang, window),), language=lang)
            return render_card(reply)
        rows = self._withdraw_rows(user_id, lang)
        if not rows:
            return render_card(Reply(title, (say(lang, "cand_withdraw_none"),), language=lang))
        return render_card(Reply(say(lang, "cand_withdraw_pick"), language=lang), body_after=rows)

    def overview_card(self, query: str, lang: Language, *, staff: bool) -> Card:
        """Every current candidacy (of one function); only for staff (the Beheerders tab)."""
        if staff:
            return render_card(self.handler.overview(query, lang))
        how = say(lang, "teams_cand_mine_how")
        refusal = Reply("", (say(lang, "cand_staff_only", how=how),), language=lang)
        return render_card(refusal)

    def open_button(self, lang: Language) -> Element:
        """For the help and welcome cards: opens the form in a new message."""
        return {
            "type": "Action.Submit",
            "title": say(lang, "cand_home_button"),
            "data": {"action": OPEN_ACTION, LANGUAGE_KEY: lang},
        }


def _text_input(input_id: str, label: str, value: str, max_length: int) -> Element:
    element: Element = {
        "type": "Input.Text",
        "id": input_id,
        "label": label,
        "maxLength": max_length,
    }
    if value:
        element["value"] = value[:max_length]
    return element


def _toggle(input_id: str, label: str, title: str, value: bool) -> Element:
    return {
        "type": "Input.Toggle",
        "id": input_id,
        "label": label,
        "title": title,
        "valueOn": ON,
        "valueOff": OFF,
        "value": ON if value else OFF,
        "wrap": True,
    }
