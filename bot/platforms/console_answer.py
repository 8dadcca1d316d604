"""One answer as plain text: `g40bot ask`, and the console chat's apology when something fails.

Apart from bot/platforms/console.py so that `g40bot ask` loads the directory only, not the chat
core, the candidacy handler and the store behind it.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date

from bot.handlers.ask import AskHandler
from bot.i18n import detect_language, say
from bot.reply import Language, render_text

log = logging.getLogger(__name__)


def answer_safely(
    handler: AskHandler, question: str, *, today: date | None, language: Language | None
) -> str:
    """`g40bot ask`'s one error boundary: a failure becomes an apology with a reference id."""
    try:
        return render_text(handler.ask(question, today=today, language=language))
    except Exception:
        return apology(language or detect_language(question))


def apology(language: Language) -> str:
    """The failure is logged with its traceback under a reference id; the user gets the id."""
    reference = uuid.uuid4().hex[:8]
    log.exception("the console failed (reference %s)", reference)
    return say(language, "apology", ref=reference)
