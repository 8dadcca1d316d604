"""Dutch and English texts, and which of the two a question is in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TypeVar

from babel.dates import format_date, format_time

from bot.reply import Language
from bot.text import words

_Text = TypeVar("_Text", str, list[str])

# Words that only one of the two languages uses; a question's language is the majority.
_DUTCH = set(
    "wie wat waar wanneer hoe welke welk heeft hebben is zijn doet doen de het een van voor "
    "met bij en ik mijn je jij u uw kan kun kunnen mag wil graag over naar zit zitten dit "
    "dat deze die niet wel ook nog pijler voorzitter secretaris ondersteunt ondersteuning "
    "vervangt taken tijdsbeslag competenties betaald bezoldigd vergoeding bestuur dagelijks "
    "gemeente gemeenten kandidaat netwerkdagen verkiezingen datum mailen bereiken houder "
    "portefeuille opgavegroep hoeveel tijd uur welke lid leden hulp bedoel".split()
)
_ENGLISH = set(
    "who what where when how which holds hold has have does do the a an of for with at and "
    "i my you your can could may want please about to sits sit this that these those not "
    "also yet pillar chair secretary supports support deputy replaces tasks duties time "
    "commitment skills competences paid salary board daily municipality municipalities "
    "candidate candidacy elections election date email reach holder portfolio group much "
    "hours member members mean are".split()
)


def language_of(tokens: Iterable[str]) -> Language | None:
    """The language most of the marker words belong to; None on a tie (no clue either way)."""
    balance = 0
    for token in tokens:
        balance += (token in _ENGLISH) - (token in _DUTCH)
    if balance == 0:
        return None
    return "en" if balance > 0 else "nl"


def detect_language(text: str, default: Language = "nl") -> Language:
    return language_of(words(text)) or default


_TEXTS: dict[str, tuple[str, str]] = {
    # (Dutch, English)
    "not_filled": ("nog niet ingevuld", "not filled in yet"),
    "holder_line": ("{role}: {holder}", "{role}: {holder}"),
    "portfolio_holder": (
        "{portfolio} valt in het Dagelijks Bestuur onder de {role}.",
        "{portfolio} is held in the Executive Board by the {role}.",
    ),
    "portfolio_chair": (
        "De {role} is voorzitter van {portfolio}.",
        "The {role} chairs {portfolio}.",
    ),
    "portfolio_linking_pin": (
        "De {role} is in het Dagelijks Bestuur de linking pin voor de opgavegroep {portfolio}.",
        "The {role} is the Executive Board's linking pin for the {portfolio} task group.",
    ),
    "own_chair": (
        "De opgavegroep heeft een eigen bestuurlijk voorzitter: {holder}.",
        "The task group has its own chair: {holder}.",
    ),
    "support": ("Ondersteuning: {who}", "Supported by: {who}"),
    "no_support": (
        "Het sheet noemt geen ondersteuning voor {role}.",
        "The sheet names no support for the {role}.",
    ),
    "more_info": ("Meer informatie: {who}", "More information: {who}"),
    "contact_role": ("Contact {role}: {who}", "Contact for {role}: {who}"),
    "no_contact": (
        "Het sheet noemt geen contactpersoon voor {subject}.",
        "The sheet names no contact person for {subject}.",
    ),
    "stand_in_for": (
        "{stand_in} (vervangt {name}, die vanaf {back} weer bereikbaar is)",
        "{stand_in} (standing in for {name}, who is back on {back})",
    ),
    "stand_in_open": (
        "{stand_in} (vervangt {name}, die afwezig is)",
        "{stand_in} (standing in for {name}, who is away)",
    ),
    "away_until": (
        "{who} (afwezig, weer bereikbaar vanaf {back})",
        "{who} (away, back on {back})",
    ),
    "away": ("{who} (afwezig)", "{who} (away)"),
    "tasks": ("Taken van de {role}:", "Tasks of the {role}:"),
    "no_tasks": (
        "Het sheet beschrijft geen taken voor de {role}.",
        "The sheet lists no tasks for the {role}.",
    ),
    "competences": ("Competenties", "Competences"),
    "no_competences": (
        "Het sheet noemt geen competenties voor de {role}.",
        "The sheet names no competences for the {role}.",
    ),
    "time": ("Tijdsbeslag", "Time commitment"),
    "no_time": (
        "Het sheet noemt geen tijdsbeslag voor de {role}.",
        "The sheet gives no time commitment for the {role}.",
    ),
    "paid": ("Bezoldiging", "Pay"),
    "paid_yes": ("bezoldigd", "paid"),
    "paid_no": ("onbezoldigd", "unpaid"),
    "paid_unknown": ("niet vermeld", "not stated"),
    "deputies": ("Vervanging van de {role}, in volgorde:", "Stand-ins for the {role}, in order:"),
    "no_deputies": (
        "Het sheet noemt geen vervanger voor de {role}.",
        "The sheet names no stand-in for the {role}.",
    ),
    "db_title": ("Dagelijks Bestuur", "Executive Board (Dagelijks Bestuur)"),
    "db_none": ("Het sheet noemt geen DB-leden.", "The sheet names no board members."),
    "planning_title": ("Planning verkiezingen", "Election schedule"),
    "phase_unknown": ("{phase}: datum nog niet bekend.", "{phase}: date not known yet."),
    "phase_dates": ("{phase}: {dates}.", "{phase}: {dates}."),
    "phase_past": ("{phase}: {dates} (geweest).", "{phase}: {dates} (past)."),
    "no_phases": ("Het sheet bevat nog geen planning.", "The sheet holds no schedule yet."),
    "candidacy_title": ("Kandidaat stellen", "Standing as a candidate"),
    "candidacy_roles": (
        "Verkiesbare functies: {roles}.",
        "Functions up for election: {roles}.",
    ),
    "candidacy_phase": ("Kandidaatstelling: {dates}.", "Candidacy period: {dates}."),
    "candidacy_unknown": (
        "Kandidaatstelling: de data zijn nog niet bekend.",
        "Candidacy period: the dates are not known yet.",
    ),
    "candidacy_questions": (
        "Vragen over je kandidatuur: {who}",
        "Questions about your candidacy: {who}",
    ),
    "members_title": ("Leden van de G40", "G40 members"),
    "members_count": (
        "De G40 heeft {count} leden: {names}.",
        "The G40 has {count} member municipalities: {names}.",
    ),
    "member_yes": ("Ja, {name} is lid van de G40.", "Yes, {name} is a member of the G40."),
    "person_roles": ("{name} is {roles}.", "{name} is {roles}."),
    "person_contact_for": (
        "Aanspreekpunt voor meer informatie over: {roles}.",
        "Point of contact for more information on: {roles}.",
    ),
    "did_you_mean": ("Bedoelde je {options}?", "Did you mean {options}?"),
    "or": ("of", "or"),
    "and": ("en", "and"),
    "until": ("t/m", "to"),
    "fallback_title": ("Dat weet ik niet", "I don't know that"),
    "fallback_intro": (
        "Dat kan ik (nog) niet beantwoorden. Je kunt me bijvoorbeeld vragen:",
        "I can't answer that (yet). You can ask me, for example:",
    ),
    "empty_title": ("Stel een vraag", "Ask a question"),
    "empty_intro": ("Typ een vraag, bijvoorbeeld:", "Type a question, for example:"),
    "help_title": ("Wat kan g40bot?", "What can g40bot do?"),
    "help_intro": (
        "Ik beantwoord vragen over de functies, portefeuilles en contactpersonen van de G40, "
        "uit het sheet dat het secretariaat bijhoudt. Bijvoorbeeld:",
        "I answer questions about the G40's functions, portfolios and contacts, from the sheet "
        "the secretariat keeps. For example:",
    ),
    "long_question": (
        "(Je vraag was erg lang; ik heb alleen het begin gelezen.)",
        "(Your question was very long; I read only the beginning.)",
    ),
    "reminder_title": ("Herinnering: {phase}", "Reminder: {phase}"),
    "reminder_start": ("{phase} begint {count}: {date}.", "{phase} starts {count}: {date}."),
    "reminder_deadline": (
        "{phase} sluit {count}: {date}.",
        "{phase} closes {count}: {date}.",
    ),
    "tomorrow": ("morgen", "tomorrow"),
    "in_days": ("over {days} dagen", "in {days} days"),
    "in_hours": ("over {hours} uur", "in {hours} hours"),
    "reminder_how_to_submit": (
        "Stel je kandidaat via g40bot: typ 'kandidaat' (in Slack: /g40 kandidaat).",
        "Submit your candidacy through g40bot: type 'kandidaat' (in Slack: /g40 kandidaat).",
    ),
}

EXAMPLES: dict[Language, tuple[str, ...]] = {
    "nl": (
        "wie heeft Europa?",
        "wat doet een pijlersecretaris?",
        "contact pijler Fysiek",
        "wie zitten in het Dagelijks Bestuur?",
        "wanneer zijn de netwerkdagen?",
        "hoe stel ik me kandidaat?",
    ),
    "en": (
        "who holds Europa?",
        "what does a pillar secretary do?",
        "contact pillar Physical",
        "who sits on the Executive Board?",
        "when are the network days?",
        "how do I stand as a candidate?",
    ),
}


def pick(language: Language, dutch: _Text, english: _Text) -> _Text:
    """A sheet value in the reader's language: the English column when asked in English and
    staff filled it in, otherwise the Dutch one."""
    return english or dutch if language == "en" else dutch


def say(language: Language, key: str, **values: object) -> str:
    dutch, english = _TEXTS[key]
    return (dutch if language == "nl" else english).format(**values)


def _as_date(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def format_day(moment: date | datetime, language: Language) -> str:
    """'donderdag 10 september 2026' / 'Thursday, September 10, 2026', with the time if any."""
    text = format_date(_as_date(moment), "full", locale=language)
    if isinstance(moment, datetime):
        text += " " + format_time(
            moment, "HH:mm" if language == "nl" else "h:mm a", locale=language
        )
    return text


def format_span(start: date | datetime, end: date | datetime | None, language: Language) -> str:
    """A phase's dates: 'donderdag 10 en vrijdag 11 september 2026'."""
    if end is None or _as_date(end) == _as_date(start):
        return format_day(start, language)
    first, last = _as_date(start), _as_date(end)
    timed = isinstance(start, datetime) or isinstance(end, datetime)
    if not timed and (first.year, first.month) == (last.year, last.month):
        head = format_date(first, "EEEE d", locale=language)
        return (
            f"{head} {say(language, 'and')} {format_date(last, 'EEEE d MMMM y', locale=language)}"
        )
    return f"{format_day(start, language)} {say(language, 'until')} {format_day(end, language)}"
