"""The console: `g40bot chat` and `g40bot ask`. Plain text in, plain text out.

A renderer and a parser for the shared conversation (bot/handlers/chat.py), like Slack's and
Teams': a reply is printed as text with its buttons as numbered options (type the number); a
form is asked field by field, each answer checked at once, the options numbered. What a command
means, what a form asks and what is wrong with an answer come from the chat core.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.forms import REPLACE_FIELD, Entered, FieldView, FormView
from bot.handlers.candidacy import submission_id_for
from bot.handlers.chat import Chat, Person, Response, Submitted, Surface
from bot.i18n import detect_language, say
from bot.platforms.console_answer import apology
from bot.reply import Action, Language, Reply, render_text
from bot.settings import Settings
from bot.text import fold, words

PLATFORM = "console"
CONSOLE = Surface(PLATFORM, buttons=True, numbered=True)
THREAD = "console"
# Reads the next line the user typed; None when the input ended.
Read = Callable[[], str | None]

_YES = {"ja", "j", "yes", "y"}
_NO = {"nee", "n", "no"}
_CANCEL = {"stop", "stoppen", "annuleer", "annuleren", "cancel", "exit", "quit"}
# More options than this are listed in columns (the 41 municipalities).
_ONE_COLUMN = 12


class Cancelled(Exception):
    """The user typed 'stop' (or the input ended) in the middle of a form."""


def console_person(settings: Settings) -> Person:
    """Who sits at the terminal: G40_CONSOLE_USER (an e-mail address there lets staff listed
    in Beheerders by e-mail run staff commands), else the operating-system user."""
    user = console_user(settings)
    return Person(PLATFORM, user, email=user.casefold() if "@" in user else "")


def console_user(settings: Settings) -> str:
    """G40_CONSOLE_USER, else the operating-system user name."""
    if settings.console_user and settings.console_user.strip():
        return settings.console_user.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "console"


@dataclass
class ConsoleChat:
    """One console session: lines in, text out. `numbered` holds the buttons of the last
    reply, so that typing their number presses them."""

    chat: Chat
    person: Person
    read: Read
    language: Language | None = None
    out: Callable[[str], None] = print
    numbered: list[Action] = field(default_factory=list)

    # -- a line ----------------------------------------------------------------------------

    def take(self, line: str) -> None:
        """One line typed at the prompt; the chat's one error boundary: a failure is an
        apology with a reference id, and the chat goes on."""
        lang = self.language or detect_language(line)
        try:
            chosen = self._numbered(line)
            if chosen is not None:
                self.press(chosen, lang)
            else:
                self.show(
                    self.chat.turn(
                        self.person, line, CONSOLE, thread=THREAD, language=self.language
                    ),
                    lang,
                )
        except Cancelled:
            self.out(say(lang, "cand_console_cancelled"))
        except Exception:
            self.out(apology(lang))

    def _numbered(self, line: str) -> Action | None:
        text = line.strip().rstrip(".")
        if text.isdigit() and 1 <= int(text) <= len(self.numbered):
            return self.numbered[int(text) - 1]
        return None

    def press(self, action: Action, lang: Language) -> None:
        confirm = action.confirm
        if confirm is not None and not self.yes(lang, f"{confirm.text} {say(lang, 'yes_no')}"):
            self.out(confirm.declined)
            return
        self.show(self.chat.press(self.person, action, CONSOLE, lang, thread=THREAD), lang)

    # -- rendering ---------------------------------------------------------------------------

    def show(self, response: Response, lang: Language) -> None:
        if response.form is not None:
            self.fill(response.form, lang)
        if response.reply is not None:
            self.print_reply(response.reply)
        if response.later is not None:
            response.later()  # one person at a terminal: the sheet write can be waited for

    def print_reply(self, reply: Reply) -> None:
        text = render_text(reply)
        self.numbered = list(reply.actions)
        options = [
            f"{number}. {action.label}" + (f" — {action.about}" if action.about else "")
            for number, action in enumerate(reply.actions, start=1)
        ]
        self.out("\n".join([text, *options]) if options else text)

    # -- a form, field by field ---------------------------------------------------------------

    def fill(self, view: FormView, lang: Language) -> None:
        """Ask each field in turn, each answer checked at once; then (if asked) whether to
        replace an earlier submission; a summary; and whether to submit."""
        self.out(say(lang, "cand_console_intro"))
        self.out(view.notice)
        values: dict[str, str | bool] = {}
        for field_view in view.fields:
            values[field_view.name] = self.ask_field(field_view, lang)
            if field_view.spec.details:
                self.out(self.chat.refresh_form(self.person, Entered(values), lang).details)
        entered = Entered(values)
        reviewed = self.chat.review(self.person, entered, lang)
        if reviewed is not None and reviewed.replace is not None:
            self.out(reviewed.replace_notice)
            if not self.yes(lang, reviewed.replace.prompt):
                raise Cancelled
            entered = Entered(values, replace=True)
            reviewed = self.chat.review(self.person, entered, lang)
        if reviewed is not None:  # the window closed meanwhile, or the sheet changed
            self.out("\n".join(reviewed.errors().values()))
            return
        self.out(self.summary(view, values, lang))
        if not self.yes(lang, say(lang, "cand_console_submit")):
            raise Cancelled
        submitted = self.chat.submit(
            self.person, entered, lang, submission_id=submission_id_for(self.chat.candidacy.now())
        )
        if isinstance(submitted, FormView):
            self.out("\n".join(submitted.errors().values()))
            return
        self.receipt(submitted)

    def receipt(self, submitted: Submitted) -> None:
        landed = self.chat.deliver(submitted.submission.submission_id)
        self.print_reply(self.chat.receipt(submitted, CONSOLE, landed=landed))
        self.chat.announce(submitted)

    def ask_field(self, view: FieldView, lang: Language) -> str | bool:
        while True:
            if view.spec.widget == "confirm":
                given: str | bool = self.yes(lang, view.prompt)
            else:
                self.out(view.prompt)
                if view.options:
                    self.out(_listing(view))
                given = self.line()
                chosen = _option_by_number(view, str(given))
                if chosen is not None:
                    return chosen
                if view.options and str(given).isdigit():
                    self.out(say(lang, "cand_console_number", count=len(view.options)))
                    continue
            value, error = self.chat.check(view.name, given, lang)
            if error is None:
                return given if isinstance(given, bool) else value
            self.out(error)

    def summary(self, view: FormView, values: dict[str, str | bool], lang: Language) -> str:
        """The answers as a person checks them before submitting: label and value (an
        option's label rather than its value)."""
        lines = [say(lang, "cand_console_summary")]
        for field_view in view.fields:
            if field_view.spec.widget == "confirm" or field_view.name == REPLACE_FIELD:
                continue
            value = values.get(field_view.name, "")
            shown = next((o.label for o in field_view.options if o.value == value), str(value))
            lines.append(f"{field_view.label}: {shown}")
        return "\n".join(lines)

    # -- reading -------------------------------------------------------------------------------

    def line(self) -> str:
        given = self.read()
        if given is None or fold(given.strip()) in _CANCEL:
            raise Cancelled
        return given.strip()

    def yes(self, lang: Language, question: str | None) -> bool:
        while True:
            if question:
                self.out(question)
            answer = " ".join(words(self.line()))
            if answer in _YES:
                return True
            if answer in _NO:
                return False
            self.out(say(lang, "cand_console_yes_no"))


def _option_by_number(view: FieldView, given: str) -> str | None:
    if view.options and given.isdigit() and 1 <= int(given) <= len(view.options):
        return view.options[int(given) - 1].value
    return None


def _listing(view: FieldView) -> str:
    numbered = [f"{number:>2}. {o.label}" for number, o in enumerate(view.options, start=1)]
    columns = 3 if len(numbered) > _ONE_COLUMN else 1
    width = max(len(item) for item in numbered) + 2
    return "\n".join(
        "".join(item.ljust(width) for item in numbered[row : row + columns]).rstrip()
        for row in range(0, len(numbered), columns)
    )


# --- the terminal --------------------------------------------------------------------------------


def _lines(stream: TextIO, prompt: str, interactive: bool) -> Iterator[str]:
    while True:
        try:
            yield input(prompt) if interactive else next(stream)
        except (EOFError, StopIteration):
            return
        except KeyboardInterrupt:
            print()
            return


def _enable_line_editing(history: Path) -> Callable[[], None]:
    """Arrow keys and history via readline where the platform has it (not on plain Windows)."""
    try:
        import readline
    except ImportError:
        return lambda: None
    with suppress(OSError):
        readline.read_history_file(history)
    readline.set_history_length(500)

    def save() -> None:
        with suppress(OSError):
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)

    return save


def run_chat(
    chat: Chat,
    person: Person,
    *,
    language: Language | None,
    banner: str,
    history: Path,
    stream: TextIO = sys.stdin,
) -> None:
    """`g40bot chat` until 'stop' or the end of the input. Piped input is echoed, so a
    transcript reads like the conversation it was."""
    interactive = stream.isatty()
    save_history = _enable_line_editing(history) if interactive else (lambda: None)
    print(banner)
    lines = _lines(stream, "jij> " if interactive else "", interactive)

    def read() -> str | None:
        line = next(lines, None)
        if line is not None and not interactive:
            print(f"> {line.strip()}")
        return line

    session = ConsoleChat(chat, person, read, language)
    for raw in lines:
        line = raw.strip()
        if not interactive:
            print(f"> {line}")
        if fold(line) in _CANCEL or fold(line) in {"doei", "bye"}:
            break
        session.take(line)
        print()
    save_history()
    print("Tot ziens!" if (language or "nl") == "nl" else "Goodbye!")
