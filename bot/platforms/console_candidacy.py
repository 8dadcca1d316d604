"""Candidacies in `g40bot chat`: a guided dialogue, one question at a time, with the same rules,
store, outbox and sheet writer as Slack. 'stop' cancels at any question."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from datetime import date, datetime, time

from bot.app import open_writer
from bot.candidacy import (
    OFFICES,
    Form,
    candidate_summary,
    check_field,
    electable_roles,
    office_title,
    role_details,
    role_title,
    title_of,
)
from bot.dates import AMSTERDAM
from bot.handlers.ask import AskHandler
from bot.handlers.candidacy import CandidacyHandler, submission_id_for, utc_now
from bot.i18n import say
from bot.reply import Language, Reply, render_text
from bot.settings import Settings
from bot.sheets import RetryPolicy, SnapshotSource
from bot.store.candidacies import CandidacyRecords
from bot.text import fold, words

PLATFORM = "console"
# Reads the next line the user typed; None when the input ended.
Read = Callable[[], str | None]
Action = Callable[[Read], None]

_YES = {"ja", "j", "yes", "y"}
_NO = {"nee", "n", "no"}
_STOP = {"stop", "stoppen", "annuleer", "annuleren", "cancel", "exit", "quit"}


class Cancelled(Exception):
    """The user typed 'stop' (or the input ended) in the middle of a dialogue."""


class ConsoleCandidacy:
    def __init__(
        self,
        handler: CandidacyHandler,
        user_id: str,
        language: Language | None = None,
        out: Callable[[str], None] = print,
    ) -> None:
        self.handler = handler
        self.user_id = user_id
        self.language = language
        self.out = out

    def actions(self) -> dict[str, Action]:
        """Chat phrases (as `words` of the line) -> what they start."""
        return {
            "kandidaat": lambda read: self.submit(read, self.language or "nl"),
            "kandidaat stellen": lambda read: self.submit(read, self.language or "nl"),
            "candidacy": lambda read: self.submit(read, self.language or "en"),
            "mijn kandidaturen": lambda read: self.mine(self.language or "nl"),
            "my candidacies": lambda read: self.mine(self.language or "en"),
            "intrekken": lambda read: self.withdraw(read, self.language or "nl"),
            "withdraw": lambda read: self.withdraw(read, self.language or "en"),
        }

    # -- submitting --------------------------------------------------------------------------

    def submit(self, read: Read, lang: Language) -> None:
        try:
            self._submit(read, lang)
        except Cancelled:
            self.out(say(lang, "cand_console_cancelled"))

    def _submit(self, read: Read, lang: Language) -> None:
        handler = self.handler
        self.out(say(lang, "cand_console_intro"))
        window = handler.window()
        self.out(handler.window_text(lang, window))
        if not window.open:
            return
        snapshot = handler.snapshot()
        roles = electable_roles(snapshot)
        role_id = self._choose(
            read, lang, "cand_console_role", "role", [(r.id, role_title(r, lang)) for r in roles]
        )
        role = snapshot.roles[role_id]
        self.out(role_details(role, lang))
        name = self._ask(read, lang, "cand_console_name", "name")
        email = self._ask(read, lang, "cand_console_email", "email")
        municipality = self._choose(
            read,
            lang,
            "cand_console_municipality",
            "municipality",
            [(m, m) for m in snapshot.municipalities],
            columns=3,
        )
        office = self._choose(
            read,
            lang,
            "cand_console_office",
            "office",
            [(o, office_title(o, lang)) for o in OFFICES],
        )
        motivation = self._ask(read, lang, "cand_console_motivation", "motivation")
        while not self._yes(
            read, lang, say(lang, "cand_console_confirm", role=role_title(role, lang))
        ):
            self.out(say(lang, "cand_err_confirm"))
        form = Form(role_id, name, email, municipality, office, motivation, confirmed=True)

        review = handler.review(
            form, platform=PLATFORM, user_id=self.user_id, language=lang, replace=False
        )
        replace = False
        if review.needs_replace_confirmation and review.earlier is not None:
            self.out(handler.duplicate_text(review.earlier, lang))
            if not self._yes(read, lang, say(lang, "cand_console_replace")):
                raise Cancelled
            replace = True
        if review.candidate is not None:
            facts = candidate_summary(review.candidate, snapshot, lang, motivation_chars=2000)
            self.out(
                render_text(Reply(say(lang, "cand_console_summary"), fields=facts, language=lang))
            )
        if not self._yes(read, lang, say(lang, "cand_console_submit")):
            raise Cancelled

        outcome = handler.submit(
            form,
            platform=PLATFORM,
            user_id=self.user_id,
            language=lang,
            submission_id=submission_id_for(handler.now()),
            replace=replace,
        )
        if outcome.submission is None:
            problems = outcome.review
            self.out(problems.closed or "\n".join(problems.errors.values()))
            if problems.earlier is not None and not problems.closed:
                self.out(handler.duplicate_text(problems.earlier, lang))
            return
        landed = handler.deliver(outcome.submission.submission_id)
        receipt = handler.receipt(
            outcome.submission,
            landed=landed,
            replaced=outcome.replaced,
            how_to_withdraw=say(lang, "cand_withdraw_console"),
        )
        self.out(render_text(receipt))

    # -- the candidate's own -----------------------------------------------------------------

    def mine(self, lang: Language) -> None:
        self.out(render_text(self.handler.mine(PLATFORM, self.user_id, lang)))

    def withdraw(self, read: Read, lang: Language) -> None:
        try:
            self._withdraw(read, lang)
        except Cancelled:
            self.out(say(lang, "cand_console_not_withdrawn"))

    def _withdraw(self, read: Read, lang: Language) -> None:
        handler = self.handler
        window = handler.window()
        if not window.before_deadline:
            self.out(handler.window_text(lang, window))
            return
        active = handler.withdrawable(PLATFORM, self.user_id)
        if not active:
            self.out(say(lang, "cand_withdraw_none"))
            return
        snapshot = handler.snapshot()
        chosen = self._choose(
            read,
            lang,
            "cand_withdraw_pick",
            None,
            [
                (
                    s.submission_id,
                    f"{title_of(snapshot, s.candidate.role, lang)} ({s.submission_id})",
                )
                for s in active
            ],
        )
        role = title_of(
            snapshot, next(s for s in active if s.submission_id == chosen).candidate.role, lang
        )
        if not self._yes(
            read, lang, say(lang, "cand_console_withdraw_confirm", role=role, id=chosen)
        ):
            raise Cancelled
        reply, withdrawn = handler.withdraw(PLATFORM, self.user_id, chosen, lang)
        if withdrawn is not None:
            handler.deliver(withdrawn.submission_id)
        self.out(render_text(reply))

    # -- asking ------------------------------------------------------------------------------

    def _line(self, read: Read) -> str:
        line = read()
        if line is None or fold(line.strip()) in _STOP:
            raise Cancelled
        return line.strip()

    def _ask(self, read: Read, lang: Language, question: str, field: str) -> str:
        snapshot = self.handler.snapshot()
        while True:
            self.out(say(lang, question))
            value, error = check_field(field, self._line(read), snapshot, lang)
            if error is None:
                return value
            self.out(error)

    def _choose(
        self,
        read: Read,
        lang: Language,
        question: str,
        field: str | None,
        options: Sequence[tuple[str, str]],
        *,
        columns: int = 1,
    ) -> str:
        """A numbered choice; the name (checked by the field's rule) is accepted as well."""
        snapshot = self.handler.snapshot()
        numbered = [f"{number:>2}. {label}" for number, (_, label) in enumerate(options, start=1)]
        width = max(len(item) for item in numbered) + 2
        listing = [
            "".join(item.ljust(width) for item in numbered[row : row + columns]).rstrip()
            for row in range(0, len(numbered), columns)
        ]
        while True:
            self.out(say(lang, question))
            self.out("\n".join(listing))
            answer = self._line(read)
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1][0]
            if field is not None and not answer.isdigit():
                value, error = check_field(field, answer, snapshot, lang)
                if error is None:
                    return value
                self.out(error)
            else:
                self.out(say(lang, "cand_console_number", count=len(options)))

    def _yes(self, read: Read, lang: Language, question: str) -> bool:
        while True:
            self.out(question)
            answer = " ".join(words(self._line(read)))
            if answer in _YES:
                return True
            if answer in _NO:
                return False
            self.out(say(lang, "cand_console_yes_no"))


def console_user(settings: Settings) -> str:
    """G40_CONSOLE_USER, else the operating-system user name."""
    if settings.console_user and settings.console_user.strip():
        return settings.console_user.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "console"


def open_console_candidacy(
    settings: Settings,
    ask: AskHandler,
    source: SnapshotSource,
    records: CandidacyRecords,
    *,
    language: Language | None,
    on: date | None,
) -> ConsoleCandidacy:
    """The dialogue on the given records and the configured sheet. `on` (chat --on) pretends it
    is noon of that day, so the candidacy window can be tried out."""
    now = (lambda: datetime.combine(on, time(12), tzinfo=AMSTERDAM)) if on is not None else utc_now
    handler = CandidacyHandler(
        ask,
        records,
        open_writer(source, retry=RetryPolicy(attempts=1)),
        now=now,
    )
    return ConsoleCandidacy(handler, console_user(settings), language)
