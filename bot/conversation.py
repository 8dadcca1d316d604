"""The conversation layer every platform shares: which words start which command, and which
language a turn is answered in.

Slack (`/g40 <words>`), Teams (a personal-chat message) and the console (a line) all read the
same table, so a phrase added here works everywhere, in Dutch and in English. Pure: no I/O,
no platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.i18n import language_of
from bot.reply import Language
from bot.text import fold, words


class Intent(StrEnum):
    HELP = "help"
    CANDIDACY = "candidacy"
    MINE = "mine"
    WITHDRAW = "withdraw"
    OVERVIEW = "overview"  # staff: every current candidacy
    REMINDERS = "reminders"  # with "aan"/"uit" (on/off), or alone for the current state
    AGENDA = "agenda"
    RELOAD = "reload"  # staff: read the sheet now
    UNANSWERED = "unanswered"  # staff: questions the bot could not answer
    STOP = "stop"  # the console's way out


STAFF_ONLY = frozenset({Intent.OVERVIEW, Intent.RELOAD, Intent.UNANSWERED})
# Commands answered only where nobody else reads along (a DM, a personal chat, an ephemeral
# /g40 answer): a person's own affairs, and what staff see of everyone's candidacies (names,
# e-mail addresses) or of members' questions.
PERSONAL = frozenset(
    {
        Intent.CANDIDACY,
        Intent.MINE,
        Intent.WITHDRAW,
        Intent.REMINDERS,
        Intent.OVERVIEW,
        Intent.UNANSWERED,
    }
)
# Commands that may take seconds — reading the sheet, grouping a growing table of unanswered
# questions (~5 s for a thousand) —: a platform that must answer within seconds (Slack's 3 s
# ack) acknowledges first and answers when the work is done.
SLOW = frozenset({Intent.RELOAD, Intent.UNANSWERED})

# None: a word both languages use ("help", "agenda"), answered in the person's language.
_PHRASES: tuple[tuple[Intent, Language | None, tuple[str, ...]], ...] = (
    (Intent.HELP, "nl", ("hulp", "helpen")),
    (Intent.HELP, "en", ("commands",)),
    (Intent.HELP, None, ("help", "menu")),
    (Intent.CANDIDACY, "nl", ("kandidaat", "kandidaat stellen")),
    (Intent.CANDIDACY, "en", ("candidacy", "stand as candidate")),
    (Intent.MINE, "nl", ("mijn kandidaturen", "mijn kandidatuur")),
    (Intent.MINE, "en", ("my candidacies", "my candidacy")),
    (Intent.WITHDRAW, "nl", ("intrekken", "trek in")),
    (Intent.WITHDRAW, "en", ("withdraw",)),
    (Intent.OVERVIEW, "nl", ("kandidaten",)),
    (Intent.OVERVIEW, "en", ("candidates",)),
    # "zet herinneringen aan", "turn reminders off": the switch's word follows, as below.
    (Intent.REMINDERS, "nl", ("herinneringen", "herinnering", "zet herinneringen")),
    (Intent.REMINDERS, "en", ("reminders", "reminder", "turn reminders", "switch reminders")),
    (Intent.AGENDA, None, ("agenda",)),
    (Intent.AGENDA, "en", ("schedule",)),
    (Intent.RELOAD, "nl", ("herladen", "ververs")),
    (Intent.RELOAD, "en", ("reload", "refresh")),
    (Intent.UNANSWERED, "nl", ("onbeantwoord", "onbeantwoorde vragen")),
    (Intent.UNANSWERED, "en", ("unanswered", "unanswered questions")),
    (Intent.STOP, "nl", ("stop", "stoppen", "doei")),
    (Intent.STOP, "en", ("exit", "quit", "bye")),
)
COMMANDS: dict[str, tuple[Intent, Language | None]] = {
    " ".join(words(phrase)): (intent, language)
    for intent, language, phrases in _PHRASES
    for phrase in phrases
}
_LONGEST = max(len(phrase.split()) for phrase in COMMANDS)

# "herinneringen aan" / "reminders off": the switch's word, in either language; the bot's own
# answer says "Aanzetten: …; uitzetten: …", so people answer with those verbs too.
SWITCH_WORDS: dict[str, bool] = {
    "aan": True,
    "on": True,
    "aanzetten": True,
    "uit": False,
    "off": False,
    "uitzetten": False,
}


@dataclass(frozen=True)
class Command:
    """A turn that starts a command: what it asks for, the words after the command's own
    (e.g. the function in "kandidaten voorzitter"), and the language of the command word
    (None for a word both languages use)."""

    intent: Intent
    rest: str
    language: Language | None
    said: str


def command_of(text: str) -> Command | None:
    """The command the text starts with (the longest phrase wins), or None for a question.

    Only the start counts: "wie is kandidaat voor voorzitter?" is a question, not a command."""
    tokens = text.strip().strip("?!.").split()
    for length in range(min(_LONGEST, len(tokens)), 0, -1):
        said = " ".join(words(" ".join(tokens[:length])))
        found = COMMANDS.get(said)
        if found is not None:
            intent, language = found
            return Command(intent, " ".join(tokens[length:]), language, said)
    return None


def is_slow(text: str) -> bool:
    command = command_of(text)
    return command is not None and command.intent in SLOW


def is_help(text: str) -> bool:
    command = command_of(text)
    return command is not None and command.intent is Intent.HELP and not command.rest


def resolve_language(
    text: str, *, locale: str | None = None, chosen: Language | None = None
) -> Language:
    """The language to answer in: one the user chose (e.g. `--lang`), else the language of
    their words, else their platform's locale ("en-GB", "nl-NL"), else Dutch."""
    if chosen is not None:
        return chosen
    return language_of(words(text)) or locale_language(locale) or "nl"


def locale_language(locale: str | None) -> Language | None:
    """nl-NL -> nl, en-US -> en; anything else gives no clue."""
    prefix = fold(locale or "")[:2]
    return "nl" if prefix == "nl" else "en" if prefix == "en" else None
