"""The console: `g40bot chat` and `g40bot ask`. Plain text in, plain text out."""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.handlers.ask import AskHandler
from bot.i18n import detect_language, say
from bot.reply import Language, render_text
from bot.text import words

log = logging.getLogger(__name__)

STOP_WORDS = {"stop", "stoppen", "exit", "quit", "doei", "bye"}


def answer_safely(
    handler: AskHandler,
    question: str,
    *,
    today: date | None,
    language: Language | None,
    context: Sequence[str] = (),
) -> str:
    """The console's one error boundary: a failure becomes an apology with a reference id."""
    try:
        return render_text(handler.ask(question, today=today, language=language, context=context))
    except Exception:
        reference = uuid.uuid4().hex[:8]
        log.exception("answering failed (reference %s)", reference)
        lang = language or detect_language(question)
        return say(lang, "apology", ref=reference)


def run_safely(
    action: Callable[[Callable[[], str | None]], None],
    read: Callable[[], str | None],
    language: Language,
) -> None:
    """The same error boundary for a dialogue: an apology with a reference id, chat goes on."""
    try:
        action(read)
    except Exception:
        reference = uuid.uuid4().hex[:8]
        log.exception("a chat dialogue failed (reference %s)", reference)
        print(say(language, "apology", ref=reference))


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


def chat(
    handler: AskHandler,
    *,
    today: date | None,
    language: Language | None,
    banner: str,
    history: Path,
    stream: TextIO = sys.stdin,
    actions: Mapping[str, Callable[[Callable[[], str | None]], None]] | None = None,
) -> None:
    """`actions`: phrases (as `words` of a line, e.g. "mijn kandidaturen") that start a
    dialogue instead of a question; the dialogue reads its answers with the function given."""
    interactive = stream.isatty()
    save_history = _enable_line_editing(history) if interactive else (lambda: None)
    print(banner)
    lines = _lines(stream, "jij> " if interactive else "", interactive)

    def read() -> str | None:
        line = next(lines, None)
        if line is not None and not interactive:
            print(f"> {line.strip()}")
        return line

    # The session's earlier questions, so that "en het tijdsbeslag?", "meer" and a number
    # picking one of the offered readings refer to what was just discussed.
    earlier: list[str] = []
    for raw in lines:
        question = raw.strip()
        if question.casefold() in STOP_WORDS:
            break
        if not interactive:
            print(f"> {question}")
        action = (actions or {}).get(" ".join(words(question)))
        if action is not None:
            run_safely(action, read, language or detect_language(question))
        else:
            print(
                answer_safely(
                    handler, question, today=today, language=language, context=earlier[-4:]
                )
            )
            earlier.append(question)
        print()
    save_history()
    print("Tot ziens!" if (language or "nl") == "nl" else "Goodbye!")
