"""The conversation, written once for every platform.

A platform parses what a person did — typed a line, pressed a button, submitted a form — into
a call here, and renders what comes back: a `Reply` (Block Kit, an Adaptive Card, text) or a
`FormView` (a Slack modal, a card with inputs, console prompts). What a command means, who may
run it, which language to answer in, what a form asks and what is wrong with it, what a
follow-up question refers to: all of that is decided here, so Slack, Teams and the console
cannot drift apart.

Slow work that talks to the network (a candidacy's sheet write, a staff notice) is handed
back as `later`, for the platform to run after it answered; nothing here waits on a network
but what the caller asked for explicitly (`deliver`, `announce`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Protocol

from bot.answers.lexicon import MORE_WORDS
from bot.candidacy import Submission, check_field, is_staff, title_of
from bot.conversation import (
    PERSONAL,
    STAFF_ONLY,
    SWITCH_WORDS,
    Command,
    Intent,
    command_of,
    resolve_language,
)
from bot.dates import day_of, today_in_amsterdam
from bot.directory import phase_line, upcoming_phases
from bot.forms import Entered, FormView
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler, Outcome, submission_id_for
from bot.handlers.reminders import agenda_reply
from bot.handlers.staff import StaffAlerts, when
from bot.handlers.unanswered import UnansweredQuestions, describe, question_key
from bot.i18n import EXAMPLES, format_day, say
from bot.models import Snapshot, SourceHealth
from bot.reply import Action, Confirm, Language, Reply
from bot.store.subscriptions import Subscriptions
from bot.text import MAX_QUESTION_CHARS, clean

MAX_PROBLEMS_SHOWN = 10


# --- who, where ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """Who is talking, as their platform knows them. `ids`: every id the Beheerders tab may
    list them by on this platform (Teams: the Entra object id and the Teams id). `email`: when
    the platform told us (a Slack profile, a Teams member); "" when not known (yet)."""

    platform: str
    user_id: str
    name: str = ""
    email: str = ""
    locale: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Surface:
    """How a platform presents the conversation: how a command is typed there (Slack: `/g40 …`,
    shown as code), whether it shows buttons, and whether they are numbered options to type
    (the console) rather than pressed."""

    platform: str
    prefix: str = ""
    code: bool = False
    buttons: bool = True
    numbered: bool = False

    def command(self, words: str, language: Language) -> str:
        """How to type a command, for a sentence that tells someone to ('typ …', `/g40 …`)."""
        if self.code:
            return f"`{self.prefix}{words}`"
        return say(language, "type_command", command=f"{self.prefix}{words}")


# --- follow-ups ---------------------------------------------------------------------------------


class History:
    """The last questions of each thread (a Slack thread or DM, a Teams chat, a console
    session), so that "en het tijdsbeslag?" refers to what was just discussed. Kept in memory,
    bounded in threads and in age: a follow-up is asked within minutes, not days."""

    def __init__(
        self,
        *,
        questions: int = 5,
        threads: int = 5000,
        seconds: float = 3600.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._questions = questions
        self._threads = threads
        self._seconds = seconds
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._kept: OrderedDict[str, _Thread] = OrderedDict()

    def of(self, thread: str) -> tuple[str, ...]:
        """The thread's earlier questions, oldest first."""
        found = self._current(thread)
        return tuple(found.asked) if found else ()

    def offered(self, thread: str) -> tuple[str, tuple[str, ...]]:
        """The thread's last question and the readings its answer offered to pick from."""
        found = self._current(thread)
        return (found.asked[-1], found.offered) if found and found.asked else ("", ())

    def unclear(self, thread: str) -> bool:
        """Whether the thread's last answer only asked which reading was meant."""
        found = self._current(thread)
        return bool(found and found.unclear)

    def add(
        self, thread: str, question: str, offered: tuple[str, ...] = (), *, unclear: bool = False
    ) -> None:
        if not thread:
            return
        with self._lock:
            now = self._monotonic()
            found = self._kept.pop(thread, None)
            if found is None or now - found.at > self._seconds:
                found = _Thread(now, deque(maxlen=self._questions))
            found.at, found.offered, found.unclear = now, offered, unclear
            found.asked.append(question)
            self._kept[thread] = found
            while len(self._kept) > self._threads:
                self._kept.popitem(last=False)

    def branch(self, thread: str, parent: str) -> None:
        """A new thread started from a conversation (a thread in a Slack DM) begins with what
        that conversation was just about."""
        found = self._current(parent)
        if found is None or self._current(thread) is not None:
            return
        with self._lock:
            copied = _Thread(found.at, deque(found.asked, maxlen=self._questions), found.offered)
            copied.unclear = found.unclear
            self._kept[thread] = copied

    def _current(self, thread: str) -> _Thread | None:
        with self._lock:
            found = self._kept.get(thread)
        if found is None or self._monotonic() - found.at > self._seconds:
            return None
        return found


@dataclass
class _Thread:
    at: float
    asked: deque[str]
    offered: tuple[str, ...] = ()
    unclear: bool = False


# --- what comes back ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    """What the platform shows: a reply, or a form; `later` is slow work (network) it runs
    after answering, in the background."""

    reply: Reply | None = None
    form: FormView | None = None
    later: Callable[[], None] | None = None


@dataclass(frozen=True)
class Submitted:
    """A candidacy just stored (or a repeated delivery of one): the platform writes it to the
    sheet (`Chat.deliver`), shows the receipt and tells staff (`Chat.announce`)."""

    submission: Submission
    replaced: str | None = None
    repeated: bool = False


@dataclass(frozen=True)
class Home:
    """A person's overview (Slack's App Home): what the bot can do, the coming phases,
    whether reminders are on, their own candidacies."""

    help: Reply
    phases: tuple[str, ...]
    subscribed: bool
    candidacies: tuple[str, ...]
    language: Language


class Reloadable(Protocol):
    def reload(self) -> Snapshot: ...

    def health(self) -> SourceHealth: ...


# --- the conversation ---------------------------------------------------------------------------


@dataclass
class Chat:
    ask: AskHandler
    candidacy: CandidacyHandler
    subscriptions: Subscriptions
    source: Reloadable
    staff: StaffAlerts
    history: History = field(default_factory=History)
    today: Callable[[], date] = today_in_amsterdam
    unanswered: UnansweredQuestions | None = None

    # -- a line typed -----------------------------------------------------------------------

    def turn(
        self,
        person: Person,
        text: str,
        surface: Surface,
        *,
        thread: str = "",
        language: Language | None = None,
        personal: bool = True,
    ) -> Response:
        """A line typed: a command (the shared table in bot/conversation.py), or a question.
        `personal`: said where only this person sees the answer (a DM, a personal chat, an
        ephemeral /g40 answer); commands about their own affairs are answered only there."""
        command = command_of(text)
        if command is None or command.intent is Intent.STOP:
            return Response(self.question(person, text, thread=thread, language=language))
        lang = language or command.language or resolve_language(text, locale=person.locale)
        if command.intent in PERSONAL and not personal:
            return Response(personal_only(surface.command(command.said, lang), lang))
        if command.intent in STAFF_ONLY and not self.is_staff(person):
            return Response(self.staff_only(command, surface, lang))
        return self._command(person, command, surface, lang)

    def _command(
        self, person: Person, command: Command, surface: Surface, lang: Language
    ) -> Response:
        intent = command.intent
        if intent is Intent.HELP:
            return Response(self.help(surface, lang))
        if intent is Intent.CANDIDACY:
            return self.open_form(person, lang)
        if intent is Intent.MINE:
            return Response(self.mine(person, surface, lang))
        if intent is Intent.WITHDRAW:
            return Response(self.withdraw_pick(person, surface, lang))
        if intent is Intent.OVERVIEW:
            return Response(self.candidacy.overview(command.rest, lang))
        if intent is Intent.REMINDERS:
            return Response(self.reminders(person, command.rest, surface, lang))
        if intent is Intent.AGENDA:
            if command.rest:  # "agenda netwerkdagen" asks about that phase
                return Response(self.answer(f"{command.said} {command.rest}", lang))
            agenda = agenda_reply(self.snapshot(), datetime.now(UTC), lang)
            # With the state of their reminders: the agenda is where one thinks of them.
            state = self.reminders(person, "", surface, lang)
            return Response(replace(agenda, lines=(*agenda.lines, *state.lines)))
        if intent is Intent.RELOAD:
            return Response(self.reload(lang))
        if intent is Intent.UNANSWERED:
            return Response(self.unanswered_report(lang))
        raise ValueError(f"no handling for {intent}")

    # -- who -------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        return self.ask.directory().snapshot

    def is_staff(self, person: Person) -> bool:
        """Listed in the Beheerders tab by one of their chat ids, or by e-mail address."""
        snapshot = self.snapshot()
        ids = (person.user_id, *person.ids)
        if person.platform == "slack":
            known = any(is_staff(snapshot, slack_id=i) for i in ids if i)
        elif person.platform == "teams":
            known = any(is_staff(snapshot, teams_id=i) for i in ids if i)
        else:
            known = False
        return known or bool(person.email and is_staff(snapshot, email=person.email))

    def needs_email(self, person: Person, text: str) -> bool:
        """A staff-only command from someone not listed by chat id, whose e-mail address the
        platform has not looked up yet: look it up (after the ack), then take the turn."""
        command = command_of(text)
        return (
            command is not None
            and command.intent in STAFF_ONLY
            and not person.email
            and not self.is_staff(person)
        )

    def staff_only(self, command: Command, surface: Surface, lang: Language) -> Reply:
        if command.intent is Intent.OVERVIEW:
            own = surface.command(say(lang, "cmd_mine"), lang)
            return Reply("", (say(lang, "cand_staff_only", how=own),), language=lang)
        return Reply("", (say(lang, "staff_only"),), language=lang)

    # -- questions -------------------------------------------------------------------------

    def question(
        self, person: Person, text: str, *, thread: str = "", language: Language | None = None
    ) -> Reply:
        """A line its platform already knows is no command (`turn` without looking again):
        answered in the language of its words, else of the person's locale."""
        lang = resolve_language(text, locale=person.locale, chosen=language)
        return self.answer(text, lang, thread=thread)

    def answer(
        self, question: str, language: Language, *, thread: str = "", picked_from: str = ""
    ) -> Reply:
        """An answer from the sheet; in a thread, earlier questions give a follow-up its
        subject. `picked_from`: the unclear question whose offered reading this is (a
        button's)."""
        context = self.history.of(thread)
        offered_before = self.history.offered(thread)[1]
        unclear = self.history.unclear(thread)
        pointless = _points_at_nothing(question, context, offered_before, unclear=unclear)
        if pointless:
            # A number or 'meer' with nothing (single) before it to refer to: how to ask
            # instead, and not a question for staff's list.
            example = EXAMPLES[language][0]
            line = say(language, pointless, example=example, count=len(offered_before))
            return Reply("", (line,), language=language)
        if self.unanswered is not None:
            self._count_pick(question, language, thread, picked_from)
        reply = self.ask.ask(question, today=self.today(), language=language, context=context)
        if self.unanswered is not None:
            self.unanswered.heard(question, reply)
        offered = offered_readings(reply)
        self.history.add(thread, question, offered, unclear=reply.kind == "clarify")
        return replace(reply, asked=clean(question)[:MAX_QUESTION_CHARS]) if offered else reply

    def _count_pick(self, question: str, language: Language, thread: str, picked_from: str) -> None:
        """A reading picked among those offered — by its button, or by typing its number in
        the same conversation — is counted for the question it was offered for."""
        assert self.unanswered is not None
        if picked_from:
            # A button's word only when the bot offers that reading for it now: a forged
            # button cannot make up staff's hints.
            offers = (
                offered_readings(self.ask.ask(picked_from, today=self.today(), language=lang))
                for lang in (language, None)
            )
            if any(question in offered for offered in offers):
                self.unanswered.picked(picked_from, question)
            return
        before, offered = self.history.offered(thread)
        if not before:
            return
        key = question_key(question)
        if key.isdigit() and 1 <= int(key) <= len(offered):
            self.unanswered.picked(before, offered[int(key) - 1])
        elif question in offered:
            self.unanswered.picked(before, question)

    def asked_again(self, question: str, reply: Reply) -> None:
        """A question a platform answered with `reply` from its own cache of rendered answers
        (same words, same snapshot, same day): it still counts as asked."""
        if self.unanswered is not None:
            self.unanswered.heard(question, reply)

    def help(self, surface: Surface, lang: Language) -> Reply:
        """What the bot can do, with examples, how to use it on this platform, and the button
        that opens the candidacy form."""
        reply = help_reply(lang)
        usage = say(lang, f"usage_{surface.platform}")
        actions = (Action(say(lang, "cand_home_button"), "candidacy", style="primary"),)
        return replace(
            reply, lines=(*reply.lines, usage), actions=actions if surface.buttons else ()
        )

    # -- reminders and the agenda ------------------------------------------------------------

    def reminders(self, person: Person, word: str, surface: Surface, lang: Language) -> Reply:
        """`herinneringen aan|uit` (`reminders on|off`); without a word: the current state."""
        on_words = surface.command(say(lang, "cmd_reminders_on"), lang)
        off_words = surface.command(say(lang, "cmd_reminders_off"), lang)
        folded = word.strip().casefold()
        if folded and folded not in SWITCH_WORDS:
            line = say(lang, "reminders_usage", rest=word.strip()[:40], on=on_words, off=off_words)
            return Reply("", (line,), language=lang)
        if folded:
            subscribed = SWITCH_WORDS[folded]
            self.subscriptions.set(
                person.platform, person.user_id, language=lang, subscribed=subscribed
            )
        else:
            current = self.subscriptions.get(person.platform, person.user_id)
            subscribed = bool(current and current.subscribed)
        if subscribed:
            line = say(lang, "reminders_now_on", off=off_words)
        else:
            line = say(lang, "reminders_now_off", on=on_words)
        return Reply("", (line,), language=lang)

    def subscribed(self, person: Person) -> bool:
        current = self.subscriptions.get(person.platform, person.user_id)
        return bool(current and current.subscribed)

    # -- staff -------------------------------------------------------------------------------

    def reload(self, lang: Language) -> Reply:
        """Read the sheet now and say what happened: whether the read worked (and if not, why,
        and since when the bot serves the last good version), what it holds, what is wrong."""
        snapshot = self.source.reload()
        return reload_report(snapshot, self.source.health(), lang)

    def unanswered_report(self, lang: Language) -> Reply:
        """What members asked that the bot could not answer: near-identical questions together,
        the most asked first, each with what staff can confirm in the Onbeantwoord tab."""
        groups = self.unanswered.groups() if self.unanswered else []
        title = say(lang, "unanswered_title")
        if not groups:
            return Reply(title, (say(lang, "unanswered_none"),), language=lang)
        lines = [f"• {describe(group, lang)}" for group in groups[:MAX_PROBLEMS_SHOWN]]
        if len(groups) > MAX_PROBLEMS_SHOWN:
            lines.append(say(lang, "unanswered_more", count=len(groups) - MAX_PROBLEMS_SHOWN))
        return Reply(title, (*lines, say(lang, "unanswered_how")), language=lang)

    # -- candidacies -------------------------------------------------------------------------

    def open_form(self, person: Person, lang: Language) -> Response:
        """The empty form (name and e-mail filled in where the platform knows them), or why
        candidacies cannot be submitted now."""
        window = self.candidacy.window()
        if not window.open:
            title = say(lang, "cand_modal_title")
            return Response(
                Reply(title, (self.candidacy.window_text(lang, window),), language=lang)
            )
        entered = Entered({"name": person.name, "email": person.email})
        return Response(form=self.candidacy.form(lang, entered))

    def refresh_form(self, person: Person, entered: Entered, lang: Language) -> FormView:
        return self.candidacy.refreshed_form(
            entered, platform=person.platform, user_id=person.user_id, language=lang
        )

    def submit(
        self, person: Person, entered: Entered, lang: Language, *, submission_id: str
    ) -> Submitted | FormView:
        """The form submitted: stored (or recognised as a repeat), or the form again saying
        what to change."""
        outcome = self.candidacy.submit_entered(
            entered,
            platform=person.platform,
            user_id=person.user_id,
            language=lang,
            submission_id=submission_id,
        )
        if isinstance(outcome, Outcome):
            assert outcome.submission is not None
            return Submitted(outcome.submission, outcome.replaced, outcome.repeated)
        return outcome

    def submission_id(self, person: Person, form: str) -> str:
        """The id for this person's submission of the form the platform knows as `form` (a
        Slack view id, a Teams card's form id): a repeated delivery of one submission gets the
        same id, and is stored once. The person is part of it: someone else's submission naming
        the same form is their own candidacy, not a repeat to be acknowledged and dropped."""
        return submission_id_for(self.candidacy.now(), f"{person.platform}:{person.user_id}:{form}")

    def check(self, field: str, value: str | bool, lang: Language) -> tuple[str | bool, str | None]:
        """One field's rule on its own (a platform that asks field by field): (the canonical
        value, None) or (the value as given, what to change)."""
        return check_field(field, value, self.snapshot(), lang)

    def review(self, person: Person, entered: Entered, lang: Language) -> FormView | None:
        """None when the form may be submitted as it is; else the form saying what to change
        or asking to confirm replacing an earlier candidacy. Stores nothing."""
        return self.candidacy.review_entered(
            entered, platform=person.platform, user_id=person.user_id, language=lang
        )

    def deliver(self, submission_id: str) -> bool:
        """Write what is due to the sheet now; True when this candidacy's row is in it."""
        return self.candidacy.deliver(submission_id)

    def receipt(self, submitted: Submitted, surface: Surface, *, landed: bool) -> Reply:
        submission = submitted.submission
        lang = submission.language
        how = self._withdraw_how(surface, lang)
        reply = self.candidacy.receipt(
            submission, landed=landed, replaced=submitted.replaced, how_to_withdraw=how
        )
        if not (surface.buttons and self.candidacy.window().before_deadline):
            return reply
        return replace(reply, actions=(self.withdraw_button(submission, lang),))

    def announce(self, submitted: Submitted) -> None:
        """Tell staff of a new candidacy (not of a repeated delivery)."""
        if not submitted.repeated:
            text = self.candidacy.staff_notice(submitted.submission, submitted.replaced)
            self.staff.notice(text)

    def mine(self, person: Person, surface: Surface, lang: Language) -> Reply:
        reply = self.candidacy.mine(person.platform, person.user_id, lang)
        return replace(reply, actions=self._withdraw_buttons(person, surface, lang))

    def withdraw_pick(self, person: Person, surface: Surface, lang: Language) -> Reply:
        """`intrekken`: which of the person's candidacies (buttons), or why none can be."""
        window = self.candidacy.window()
        if not window.before_deadline:
            return Reply("", (self.candidacy.window_text(lang, window),), language=lang)
        active = self.candidacy.withdrawable(person.platform, person.user_id)
        if not active:
            return Reply("", (say(lang, "cand_withdraw_none"),), language=lang)
        snapshot = self.snapshot()
        lines = [
            f"{title_of(snapshot, s.candidate.role, lang)} ({s.submission_id})" for s in active
        ]
        return Reply(
            say(lang, "cand_withdraw_pick"),
            tuple(lines),
            language=lang,
            actions=self._withdraw_buttons(person, surface, lang),
        )

    def withdraw(self, person: Person, submission_id: str, lang: Language) -> Response:
        """Withdraw one of the person's candidacies; the sheet write and the staff notice come
        `later`."""
        reply, withdrawn = self.candidacy.withdraw(
            person.platform, person.user_id, submission_id, lang
        )
        if withdrawn is None:
            return Response(reply)

        def write_and_tell() -> None:
            self.candidacy.deliver(withdrawn.submission_id)
            self.staff.notice(self.candidacy.withdrawal_notice(withdrawn))

        return Response(reply, later=write_and_tell)

    def withdraw_button(self, submission: Submission, lang: Language) -> Action:
        role = title_of(self.snapshot(), submission.candidate.role, lang)
        confirm = Confirm(
            title=say(lang, "cand_withdraw_confirm_title"),
            text=say(lang, "cand_withdraw_confirm_text", role=role),
            yes=say(lang, "cand_withdraw_confirm_yes"),
            no=say(lang, "cand_no"),
            declined=say(lang, "cand_console_not_withdrawn"),
        )
        label = say(lang, "cand_withdraw_button")
        about = f"{role} ({submission.submission_id})"
        return Action(label, "withdraw", submission.submission_id, "danger", confirm, about)

    def _withdraw_buttons(
        self, person: Person, surface: Surface, lang: Language
    ) -> tuple[Action, ...]:
        if not surface.buttons:
            return ()
        active = self.candidacy.withdrawable(person.platform, person.user_id)
        return tuple(self.withdraw_button(s, lang) for s in active[:20])

    def _withdraw_how(self, surface: Surface, lang: Language) -> str:
        typed = surface.command(say(lang, "cmd_withdraw"), lang)
        if not surface.buttons:
            return typed
        key = "cand_withdraw_how_number" if surface.numbered else "cand_withdraw_how_button"
        return say(lang, key, command=typed)

    # -- buttons -----------------------------------------------------------------------------

    def press(
        self,
        person: Person,
        action: Action,
        surface: Surface,
        lang: Language,
        *,
        thread: str = "",
        personal: bool = True,
    ) -> Response:
        """A button pressed: the same on every platform that shows it. `personal` as for
        `turn`: a button about the person's own affairs pressed where others see the answer
        (the help card in a channel) says where to do it instead."""
        if action.kind == "ask":
            answer = self.answer(action.value, lang, thread=thread, picked_from=action.picked_from)
            return Response(answer)
        if not personal:
            words = _BUTTON_COMMANDS.get(action.kind) or (
                "cmd_reminders_off" if action.value == "off" else "cmd_reminders_on"
            )
            return Response(personal_only(surface.command(say(lang, words), lang), lang))
        if action.kind == "candidacy":
            return self.open_form(person, lang)
        if action.kind == "withdraw":
            return self.withdraw(person, action.value, lang)
        word = say(lang, "cmd_on") if action.value == "on" else say(lang, "cmd_off")
        return Response(self.reminders(person, word, surface, lang))

    # -- the overview of one person ----------------------------------------------------------

    def home(self, person: Person, lang: Language, surface: Surface | None = None) -> Home:
        """`surface` given: the help says how to use the bot there, with its buttons."""
        today = self.today()
        snapshot = self.snapshot()
        phases = tuple(
            phase_line(phase, lang, today)
            for phase in upcoming_phases(snapshot.phases.values(), today)
        )
        candidacies = []
        for submission in self.candidacy.records.of_user(person.platform, person.user_id):
            role = title_of(snapshot, submission.candidate.role, lang)
            day = format_day(day_of(submission.submitted_at), lang)
            status = say(lang, f"cand_status_{submission.status}")
            candidacies.append(say(lang, "home_candidacy_line", role=role, status=status, day=day))
        guide = self.help(surface, lang) if surface else help_reply(lang)
        return Home(guide, phases, self.subscribed(person), tuple(candidacies), lang)


def _points_at_nothing(
    question: str, context: Sequence[str], offered: Sequence[str], *, unclear: bool
) -> str:
    """The text key for a number typed where no readings are offered, or 'meer' typed with
    nothing asked before it or right after 'which one do you mean?'; "" for anything else."""
    key = question_key(question)
    if key.isdigit() and len(key) <= 2:
        return "" if 1 <= int(key) <= len(offered) else "nothing_to_pick"
    if key and set(key.split()) <= MORE_WORDS:
        if not context:
            return "more_about_what"
        if unclear and offered:
            return "pick_first"
    return ""


def offered_readings(reply: Reply) -> tuple[str, ...]:
    """The questions an answer offered to pick from: its readings, or an unsure answer's
    suggestions."""
    if reply.choices:
        return tuple(choice.question for choice in reply.choices)
    return reply.suggestions if reply.kind == "clarify" else ()


# What to type instead of pressing a button, where the button's answer would not be private.
_BUTTON_COMMANDS = {"candidacy": "cmd_candidacy", "withdraw": "cmd_withdraw"}


def personal_only(command: str, lang: Language) -> Reply:
    return Reply("", (say(lang, "personal_only", command=command),), language=lang)


def help_reply(lang: Language) -> Reply:
    return Reply(
        say(lang, "help_title"),
        (say(lang, "help_intro"), *(f"• {example}" for example in EXAMPLES[lang])),
        suggestions=EXAMPLES[lang][:3],
        language=lang,
    )


def reload_report(snapshot: Snapshot, health: SourceHealth, language: Language) -> Reply:
    """What a staff member sees after "herladen": whether the read worked (and if not, why,
    and since when the bot serves the last good version), what it holds, what is wrong."""
    lines: list[str] = []
    title = say(language, "reload_title")
    if health.error is not None:
        title = say(language, "reload_failed_title")
        lines.append(say(language, "reload_failed", error=health.error))
        lines.append(
            say(
                language,
                "reload_serving",
                since=when(health.failing_since, language),
                read_at=when(health.read_at, language),
            )
        )
    errors = snapshot.errors
    lines.append(
        say(
            language,
            "reload_counts",
            roles=len(snapshot.roles),
            portfolios=len(snapshot.portfolios),
            people=len(snapshot.people),
            phases=len(snapshot.phases),
            errors=len(errors),
            warnings=len(snapshot.problems) - len(errors),
        )
    )
    if snapshot.kept_tabs:
        lines.append(say(language, "reload_kept_tabs", tabs=", ".join(snapshot.kept_tabs)))
    if snapshot.unreadable_tabs:
        tabs = ", ".join(snapshot.unreadable_tabs)
        lines.append(say(language, "reload_unreadable_tabs", tabs=tabs))
    lines += [problem.describe() for problem in snapshot.problems[:MAX_PROBLEMS_SHOWN]]
    if len(snapshot.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(say(language, "truncated_answer"))
    return Reply(title=title, lines=tuple(lines), language=language)
