"""Dutch and English texts, and which of the two a question is in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TypeVar

from bot.reply import Language
from bot.text import words

_Text = TypeVar("_Text", str, list[str])

# Words that only one of the two languages uses; a question's language is the majority.
_DUTCH = set(
    "wie wat waar wanneer hoe welke welk heeft hebben zijn doet doen de het een van voor "
    "met bij en ik mijn je jij u uw kan kun kunnen mag wil graag over naar zit zitten dit "
    "dat deze die niet wel ook nog pijler voorzitter secretaris ondersteunt ondersteuning "
    "vervangt taken tijdsbeslag competenties betaald bezoldigd vergoeding bestuur dagelijks "
    "gemeente gemeenten kandidaat netwerkdagen verkiezingen datum mailen bereiken houder "
    "portefeuille opgavegroep hoeveel tijd uur welke lid leden hulp bedoel hoi hallo dank bedankt "
    "dankjewel goedemorgen".split()
)
_ENGLISH = set(
    "who what where when how which holds hold has have does do the a an of for with at and "
    "i my you your can could may want please about to sits sit this that these those not "
    "also yet pillar chair secretary supports support deputy replaces tasks duties time "
    "commitment skills competences paid salary board daily municipality municipalities "
    "candidate candidacy elections election date reach holder portfolio group much "
    "hours member members mean are hello thanks thank morning address reachable available "
    "chairs pillars secretaries there whom".split()
)


def language_of(tokens: Iterable[str]) -> Language | None:
    """The language most of the marker words belong to; None on a tie (no clue either way)."""
    balance = 0
    for token in tokens:
        balance += (token in _ENGLISH) - (token in _DUTCH)
        # 'treasurership', 'voorzitterschap': the suffix tells.
        balance += token.endswith("ship") - token.endswith("schap")
    return _leaning(balance)


# Letter groups only one of the two languages spells often: the tie-break for words in
# neither list ('weather in spain'), used where no name of the sheet is among them.
_ENGLISH_SPELLING = ("th", "wh", "sh", "ea", "ay", "ck")
_DUTCH_SPELLING = ("ij", "oe", "ui", "aa", "uu", "sch")


def spelt_like(tokens: Iterable[str]) -> Language | None:
    """The language whose spelling the words follow more often; None on a tie."""
    balance = 0
    for token in tokens:
        balance += sum(group in token for group in _ENGLISH_SPELLING)
        balance -= sum(group in token for group in _DUTCH_SPELLING)
    return _leaning(balance)


def _leaning(balance: int) -> Language | None:
    """English for more English evidence than Dutch, Dutch for less; None on a tie."""
    if balance == 0:
        return None
    return "en" if balance > 0 else "nl"


def detect_language(text: str, default: Language = "nl") -> Language:
    return language_of(words(text)) or default


_TEXTS: dict[str, tuple[str, str]] = {
    # (Dutch, English)
    "not_filled": ("nog niet in het overzicht", "not in the overview yet"),
    "holder_line": ("{role}: {holder}", "{role}: {holder}"),
    "portfolio_holder": (
        "{portfolio} valt in het Dagelijks Bestuur onder de {role}.",
        "The {role} holds the {portfolio} portfolio in the Executive Board.",
    ),
    "portfolio_chair": (
        "{portfolio} wordt voorgezeten door de {role}.",
        "{portfolio} is chaired by the {role}.",
    ),
    "kind_opgavegroep": ("opgavegroep", "task group"),
    "kind_portefeuille": ("portefeuille", "portfolio"),
    "kind_pijler": ("pijler", "pillar"),
    "portfolio_linking_pin": (
        "De {role} is in het Dagelijks Bestuur de linking pin voor de opgavegroep {portfolio}.",
        "The {role} is the Executive Board's linking pin for the {portfolio} task group.",
    ),
    "own_chair": (
        "De opgavegroep heeft een eigen bestuurlijk voorzitter: {holder}.",
        "The task group has its own chair: {holder}.",
    ),
    "support": ("Ondersteuning: {who}", "Supported by: {who}"),
    "support_in": ("Ondersteuning bij {portfolio}: {who}", "Supported for {portfolio} by: {who}"),
    "no_support": (
        "In het overzicht staat niet wie de {role} ondersteunt.",
        "The overview does not say who supports the {role}.",
    ),
    # After 'no_support': the other direction, marked as such, never as the answer itself.
    "supports_instead": (
        "Andersom: de {role} ondersteunt zelf de {who}.",
        "The other way round: the {role} itself supports the {who}.",
    ),
    "more_info": ("Meer informatie: {who}", "More information: {who}"),
    "contact_role": ("Contact {role}: {who}", "Contact for {role}: {who}"),
    "no_contact": (
        "In het overzicht staat geen contactpersoon voor {subject}.",
        "The overview lists no contact person for {subject}.",
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
        "In het overzicht staan geen taken voor de {role}.",
        "The overview lists no tasks for the {role}.",
    ),
    "competences": ("Competenties", "Competences"),
    "no_competences": (
        "In het overzicht staan geen competenties voor de {role}.",
        "The overview lists no competences for the {role}.",
    ),
    "time": ("Tijdsbeslag", "Time commitment"),
    "no_time": (
        "In het overzicht staat geen tijdsbeslag voor de {role}.",
        "The overview gives no time commitment for the {role}.",
    ),
    "paid": ("Bezoldiging", "Pay"),
    "paid_yes": ("bezoldigd", "paid"),
    "paid_no": ("onbezoldigd", "unpaid"),
    "paid_unknown": ("niet vermeld", "not stated"),
    "deputies": ("Vervanging van de {role}, in volgorde:", "Stand-ins for the {role}, in order:"),
    "deputies_after": (
        "Vervanging van de {role} als ook de {absent} er niet is:",
        "Stand-ins for the {role} when the {absent} is away too:",
    ),
    "no_deputies_after": (
        "In het overzicht staat na de {absent} geen verdere vervanger voor de {role}.",
        "The overview lists no stand-in for the {role} after the {absent}.",
    ),
    "no_deputies": (
        "In het overzicht staat geen vervanger voor de {role}.",
        "The overview lists no stand-in for the {role}.",
    ),
    "card_lacks": (
        "In het overzicht staat voor de {role} geen {what}.",
        "The overview gives no {what} for the {role}.",
    ),
    "lacks_tasks": ("taken", "tasks"),
    "lacks_competences": ("competenties", "competences"),
    "lacks_time": ("tijdsbeslag", "time commitment"),
    "lacks_paid": ("bezoldiging", "pay"),
    "lacks_deputies": ("vervanger", "stand-in"),
    "lacks_support": ("ondersteuning", "support"),
    "db_title": ("Dagelijks Bestuur", "Executive Board (Dagelijks Bestuur)"),
    "aot_title": (
        "Ambtelijk Ondersteuningsteam (AOT)",
        "Official Support Team (Ambtelijk Ondersteuningsteam, AOT)",
    ),
    "body_none": (
        "In het overzicht staan hier geen functies bij.",
        "The overview lists no functions here.",
    ),
    "planning_title": ("Planning verkiezingen", "Election schedule"),
    "phase_unknown": ("{phase}: datum nog niet bekend.", "{phase}: date not known yet."),
    "phase_dates": ("{phase}: {dates}.", "{phase}: {dates}."),
    "phase_past": ("{phase}: {dates} (geweest).", "{phase}: {dates} (past)."),
    "no_phases": ("Er is nog geen planning bekend.", "No schedule is known yet."),
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
    "pillars_title": ("Pijlers", "Pillars"),
    "pillars_list": (
        "De G40 heeft {count} pijlers: {names}.",
        "The G40 has {count} pillars: {names}.",
    ),
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
    "you_are_welcome": (
        "Graag gedaan! Stel gerust nog een vraag.",
        "You're welcome! Feel free to ask another question.",
    ),
    "help_intro": (
        "Ik beantwoord vragen over de functies, portefeuilles en contactpersonen van de G40, "
        "uit het overzicht dat het secretariaat bijhoudt. Bijvoorbeeld:",
        "I answer questions about the G40's functions, portfolios and contacts, from the "
        "overview the secretariat keeps. For example:",
    ),
    "more_about": ("meer over de {subject}", "more about the {subject}"),
    "more_about_name": ("meer over {subject}", "more about {subject}"),
    "contact_short": ("contact: {who}", "contact: {who}"),
    "yes": ("Ja", "Yes"),
    "no": ("Nee", "No"),
    "is_paid": ("de {role} is bezoldigd.", "the {role} is paid."),
    "is_unpaid": ("de {role} is onbezoldigd.", "the {role} is unpaid."),
    "unpaid_no_allowance": (
        "de {role} is onbezoldigd; er staat geen vergoeding bij.",
        "the {role} is unpaid; no allowance is listed.",
    ),
    "kind_bestuurlijk": (
        "de {role} is een bestuurlijke functie (geen ambtelijke).",
        "the {role} is a post for an elected official (bestuurlijk), not a civil servant's.",
    ),
    "kind_ambtelijk": (
        "de {role} is een ambtelijke functie (geen bestuurlijke).",
        "the {role} is a civil servant's post (ambtelijk), not one for an elected official.",
    ),
    "cannot_reach": (
        "Ik kan zelf geen e-mail sturen of iemand bellen; neem zelf contact op:",
        "I cannot send e-mail or call anyone myself; please get in touch directly:",
    ),
    "elected_yes": (
        "de {role} is een functie waarvoor verkiezingen plaatsvinden.",
        "the {role} is one of the posts filled by election.",
    ),
    "elected_no": (
        "de {role} is geen functie waarvoor verkiezingen plaatsvinden.",
        "the {role} is not one of the posts filled by election.",
    ),
    "deputies_are": (
        "de {role} wordt vervangen door: {who}.",
        "the {role} is replaced by: {who}.",
    ),
    "deputy_rank": (
        "de {role} is vervanger nummer {rank} van de {target}.",
        "the {role} is stand-in number {rank} for the {target}.",
    ),
    "supported_by_are": (
        "de {role} wordt ondersteund door: {who}.",
        "the {role} is supported by: {who}.",
    ),
    "supports": ("de {role} ondersteunt de {target}.", "the {role} supports the {target}."),
    "portfolio_of": (
        "{portfolio} valt onder de {role}.",
        "{portfolio} is held by the {role}.",
    ),
    "chair_of": ("{body} wordt voorgezeten door de {role}.", "{body} is chaired by the {role}."),
    "chaired_by": ("Voorgezeten door de {role}.", "Chaired by the {role}."),
    "member_of": ("De {role} maakt deel uit van {body}.", "The {role} is part of {body}."),
    "not_member_of": (
        "De {role} maakt geen deel uit van {body}.",
        "The {role} is not part of {body}.",
    ),
    "rhythm": ("Ritme", "Rhythm"),
    "supports_list": ("De {role} ondersteunt: {who}.", "The {role} supports: {who}."),
    "supports_none": (
        "In het overzicht staat niemand die de {role} ondersteunt.",
        "The overview lists no one the {role} supports.",
    ),
    "portfolios_of": (
        "Portefeuilles van de {role}: {portfolios}.",
        "Portfolios of the {role}: {portfolios}.",
    ),
    "no_portfolios": (
        "In het overzicht staat geen portefeuille voor de {role}.",
        "The overview lists no portfolio for the {role}.",
    ),
    "body_paid": ("de functies van {body} zijn bezoldigd.", "the positions of {body} are paid."),
    "body_unpaid": (
        "de functies van {body} zijn onbezoldigd.",
        "the positions of {body} are unpaid.",
    ),
    "extern_role": (
        "{role} is geen functie van de G40 maar een externe partij.",
        "{role} is not a G40 post but an outside party.",
    ),
    "contact_title": ("Contact", "Contact"),
    "general_contact": (
        "Voor vragen over de G40: {who}",
        "For questions about the G40: {who}",
    ),
    "functions_title": ("Functies", "Functions"),
    "functions_other": ("Overige functies: {roles}.", "Other functions: {roles}."),
    "place_not_member": (
        "{name} staat niet in de lijst van de {count} G40-gemeenten.",
        "{name} is not on the list of the {count} G40 municipalities.",
    ),
    "phase_is_past": ("{phase} is al geweest.", "{phase} has already taken place."),
    "phase_not_past": ("{phase} is nog niet geweest.", "{phase} has not taken place yet."),
    "phase_dates_unknown": (
        "de data van {phase} zijn nog niet bekend.",
        "the dates of {phase} are not known yet.",
    ),
    "phase_dates_known": ("{phase}: {dates}.", "{phase}: {dates}."),
    "person_away": (
        "{name} is afwezig; weer bereikbaar vanaf {back}.",
        "{name} is away; back on {back}.",
    ),
    "person_away_open": ("{name} is afwezig.", "{name} is away."),
    "person_here": ("{name} is bereikbaar.", "{name} can be reached."),
    "competence_listed": (
        "{item} staat in het profiel van de {role}: {items}.",
        "{item} is in the profile of the {role}: {items}.",
    ),
    "same_competences": (
        "de {role} heeft dezelfde competenties als de {other}.",
        "the {role} has the same competences as the {other}.",
    ),
    "other_competences": (
        "de competenties van de {role} en de {other} verschillen.",
        "the {role} and the {other} have different competences.",
    ),
    "no_rhythm": (
        "In het overzicht staat niet hoe vaak {body} bijeenkomt.",
        "The overview does not say how often {body} meets.",
    ),
    "ask_instead": ("Vraag het aan {who}.", "Please ask {who}."),
    "deputies_title": ("Wie vervangt wie (in volgorde)", "Who stands in for whom (in order)"),
    "support_title": ("Wie ondersteunt wie", "Who supports whom"),
    "ask_role": ("wie is de {subject}?", "who is the {subject}?"),
    "ask_portfolio": ("wie heeft {subject}?", "who holds {subject}?"),
    "ask_phase": ("wanneer is {subject}?", "when is {subject}?"),
    "ask_body": ("wat is {subject}?", "what is {subject}?"),
    "ask_person": ("wie is {subject}?", "who is {subject}?"),
    "which_one": ("Wat bedoel je?", "What do you mean?"),
    "fallback_named": (
        "Dat staat niet in wat ik weet. Vraag het aan {who}.",
        "That is not in what I know. Please ask {who}.",
    ),
    "fallback_contact": (
        "Dat kan ik (nog) niet beantwoorden. Vraag het aan {who}. Of vraag me bijvoorbeeld:",
        "I can't answer that (yet). Please ask {who}. Or ask me, for example:",
    ),
    "truncated_answer": (
        "De rest staat in het overzicht van het secretariaat.",
        "The rest is in the secretariat's overview.",
    ),
    "apology": (
        "Sorry, daar ging iets mis aan mijn kant (referentie {ref}). Probeer het nog eens.",
        "Sorry, something went wrong on my side (reference {ref}). Please try again.",
    ),
    "long_question": (
        "(Je vraag was erg lang; ik heb alleen het begin gelezen.)",
        "(Your question was very long; I read only the beginning.)",
    ),
    "reminder_title": ("Herinnering: {phase}", "Reminder: {phase}"),
    # No verb, so a plural phase name ("netwerkdagen") reads as well as a singular one.
    "reminder_start": ("{phase}: {count}, op {date}.", "{phase}: {count}, on {date}."),
    "reminder_deadline": (
        "Deadline {phase}: {count}, op {date}.",
        "Deadline for {phase}: {count}, on {date}.",
    ),
    "tomorrow": ("morgen", "tomorrow"),
    "in_days": ("over {days} dagen", "in {days} days"),
    "in_hours": ("over {hours} uur", "in {hours} hours"),
    "reminder_how_to_submit": (
        "Stel je kandidaat via g40bot: typ 'kandidaat' (in Slack: /g40 kandidaat).",
        "Submit your candidacy through g40bot: type 'candidacy' (in Slack: /g40 candidacy).",
    ),
    "agenda_title": ("Agenda verkiezingen", "Election schedule"),
    "agenda_next_reminder": ("Herinnering: {when}.", "Reminder: {when}."),
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


_NUMBERS = {
    "nl": "nul een twee drie vier vijf zes zeven acht negen tien".split(),
    "en": "zero one two three four five six seven eight nine ten".split(),
}


def count_word(count: int, language: Language) -> str:
    """A small number as a word ('drie', 'three'); larger ones as digits."""
    words_ = _NUMBERS[language]
    return words_[count] if 0 <= count < len(words_) else str(count)


def join_names(names: list[str], language: Language, *, alternatives: bool = False) -> str:
    """'A, B en C', 'A, B and C'; with `alternatives`, 'A, B of C', 'A, B or C'."""
    if len(names) < 2:
        return "".join(names)
    last = say(language, "or" if alternatives else "and")
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def pick(language: Language, dutch: _Text, english: _Text) -> _Text:
    """A sheet value in the reader's language: the English column when asked in English and
    staff filled it in, otherwise the Dutch one."""
    return english or dutch if language == "en" else dutch


def say(language: Language, key: str, **values: object) -> str:
    dutch, english = _TEXTS[key]
    return (dutch if language == "nl" else english).format(**values)


def _as_date(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


# British English month names and 24-hour times: the order and clock Dutch readers expect.
_LOCALES: dict[Language, str] = {"nl": "nl_NL", "en": "en_GB"}
_DAY = "EEEE d MMMM y"  # 'donderdag 10 september 2026' / 'Thursday 10 September 2026'


def format_day(moment: date | datetime, language: Language) -> str:
    """'donderdag 10 september 2026' / 'Thursday 10 September 2026', with the time if any."""
    from babel.dates import format_date, format_time  # only where a date is shown

    text = format_date(_as_date(moment), _DAY, locale=_LOCALES[language])
    if isinstance(moment, datetime):
        text += " " + format_time(moment, "HH:mm", locale=_LOCALES[language])
    return text


def format_span(start: date | datetime, end: date | datetime | None, language: Language) -> str:
    """A phase's dates: 'donderdag 10 en vrijdag 11 september 2026' for two days,
    'maandag 1 t/m zondag 14 juni 2026' for a longer stretch."""
    if end is None or _as_date(end) == _as_date(start):
        return format_day(start, language)
    first, last = _as_date(start), _as_date(end)
    joiner = say(language, "and" if (last - first).days == 1 else "until")
    timed = isinstance(start, datetime) or isinstance(end, datetime)
    if not timed and (first.year, first.month) == (last.year, last.month):
        from babel.dates import format_date

        head = format_date(first, "EEEE d", locale=_LOCALES[language])
        last_day = format_date(last, _DAY, locale=_LOCALES[language])
        return f"{head} {joiner} {last_day}"
    return f"{format_day(start, language)} {joiner} {format_day(end, language)}"


# --- candidacies (bot/candidacy.py, bot/handlers/candidacy.py and their platforms) --------------

_CANDIDACY_TEXTS: dict[str, tuple[str, str]] = {
    "cand_err_confirm": (
        "Bevestig dat je de taken en het tijdsbeslag van de functie hebt gelezen.",
        "Confirm that you have read the function's tasks and time commitment.",
    ),
    "cand_err_role_missing": ("Kies een functie.", "Choose a function."),
    "cand_err_role": (
        "'{value}' is geen functie waarvoor je je kandidaat kunt stellen. Kies een van: {roles}.",
        "'{value}' is not a function you can stand for. Choose one of: {roles}.",
    ),
    "cand_err_name_missing": ("Vul je naam in.", "Fill in your name."),
    "cand_err_too_long": (
        "Dit zijn {length} tekens; het mogen er hoogstens {max} zijn. Maak het korter.",
        "This is {length} characters; at most {max} are allowed. Please shorten it.",
    ),
    "cand_err_email_missing": ("Vul je e-mailadres in.", "Fill in your e-mail address."),
    "cand_err_email": (
        "'{value}' is geen geldig e-mailadres. Schrijf het als naam@gemeente.nl.",
        "'{value}' is not a valid e-mail address. Write it as name@municipality.nl.",
    ),
    "cand_err_municipality_missing": ("Kies je gemeente.", "Choose your municipality."),
    "cand_err_municipality": (
        "'{value}' is geen G40-gemeente. Alleen de {count} lidgemeenten kunnen kandidaten "
        "voordragen; kies je gemeente uit de lijst.",
        "'{value}' is not a G40 municipality. Only the {count} member municipalities can put "
        "forward candidates; choose yours from the list.",
    ),
    "cand_err_office": ("Kies een van: {choices}.", "Choose one of: {choices}."),
    "cand_err_motivation_short": (
        "Je motivatie is {length} tekens; schrijf er minstens {min}.",
        "Your motivation is {length} characters; please write at least {min}.",
    ),
    "cand_err_replace": (
        "Je hebt al een kandidatuur voor {role} (ingediend {day}). Vink 'Vervang mijn eerdere "
        "kandidatuur' aan om die te vervangen, of annuleer.",
        "You already have a candidacy for {role} (submitted {day}). Tick 'Replace my earlier "
        "candidacy' to replace it, or cancel.",
    ),
    "cand_duplicate": (
        "Je hebt al een kandidatuur voor {role} (ingediend {day}). Een nieuwe vervangt die.",
        "You already have a candidacy for {role} (submitted {day}). A new one replaces it.",
    ),
    # Only when the sheet names no contact for the phase: no address the sheet does not hold.
    "cand_secretariat": ("het secretariaat van de G40", "the G40 secretariat"),
    "cand_window_unknown": (
        "Kandidaat stellen kan nu niet: de data van de kandidaatstelling zijn nog niet bekend. "
        "Vragen? Neem contact op met {who}.",
        "You cannot submit a candidacy now: the dates of the candidacy period are not known "
        "yet. Questions? Contact {who}.",
    ),
    "cand_window_not_yet": (
        "De kandidaatstelling begint {start}; daarvóór kun je je nog niet kandidaat stellen. "
        "Vragen? Neem contact op met {who}.",
        "The candidacy period starts {start}; you cannot submit before then. Questions? "
        "Contact {who}.",
    ),
    "cand_window_closed": (
        "De kandidaatstelling is gesloten (de laatste dag was {end}); er kan niets meer worden "
        "ingediend, ingetrokken of gewijzigd. Vragen? Neem contact op met {who}.",
        "The candidacy period has closed (the last day was {end}); nothing can be submitted, "
        "withdrawn or changed any more. Questions? Contact {who}.",
    ),
    "cand_window_open": (
        "Kandidaat stellen en intrekken kan t/m {end}.",
        "You can submit or withdraw until {end}.",
    ),
    "cand_status_ingediend": ("ingediend", "submitted"),
    "cand_status_vervangen": ("vervangen", "replaced"),
    "cand_status_ingetrokken": ("ingetrokken", "withdrawn"),
    "cand_label_role": ("Functie", "Function"),
    "cand_label_name": ("Naam", "Name"),
    "cand_label_email": ("E-mail", "E-mail"),
    "cand_label_municipality": ("Gemeente", "Municipality"),
    "cand_label_office": ("Huidige functie", "Current office"),
    "cand_label_motivation": ("Motivatie", "Motivation"),
    "cand_label_submission": ("Inzending", "Submission"),
    "cand_receipt_title": ("Kandidatuur ontvangen", "Candidacy received"),
    "cand_receipt_landed": (
        "Je kandidatuur staat in het overzicht van het secretariaat.",
        "Your candidacy is in the secretariat's overview.",
    ),
    "cand_receipt_pending": (
        "Ontvangen, wordt verwerkt: je kandidatuur is veilig opgeslagen en komt zo snel "
        "mogelijk in het overzicht van het secretariaat.",
        "Received, being processed: your candidacy is stored safely and reaches the "
        "secretariat's overview as soon as possible.",
    ),
    "cand_receipt_replaces": (
        "Deze kandidatuur vervangt je eerdere ({previous}).",
        "This candidacy replaces your earlier one ({previous}).",
    ),
    "cand_withdraw_how": (
        "Intrekken kan t/m {end}: {how}.",
        "You can withdraw until {end}: {how}.",
    ),
    "cand_mine_title": ("Jouw kandidaturen", "Your candidacies"),
    "cand_mine_none": (
        "Je hebt (nog) geen kandidaturen ingediend.",
        "You have not submitted any candidacies (yet).",
    ),
    "cand_mine_line_active": (
        "{role} — ingediend op {day} ({id})",
        "{role} — submitted on {day} ({id})",
    ),
    "cand_mine_line": (
        "{role} — {status} (ingediend op {day}; {id})",
        "{role} — {status} (submitted on {day}; {id})",
    ),
    "cand_withdrawn_title": ("Kandidatuur ingetrokken", "Candidacy withdrawn"),
    "cand_not_withdrawn_title": ("Niet ingetrokken", "Not withdrawn"),
    "cand_withdrawn": (
        "Je kandidatuur voor {role} ({id}) is ingetrokken.",
        "Your candidacy for {role} ({id}) has been withdrawn.",
    ),
    "cand_withdraw_none": (
        "Je hebt geen lopende kandidatuur om in te trekken.",
        "You have no current candidacy to withdraw.",
    ),
    "cand_withdraw_unknown": (
        "Die kandidatuur ken ik niet, of ze is niet van jou.",
        "I do not know that candidacy, or it is not yours.",
    ),
    "cand_withdraw_already": (
        "Die kandidatuur is al {status}.",
        "That candidacy has already been {status}.",
    ),
    "cand_withdraw_pick": (
        "Welke kandidatuur wil je intrekken?",
        "Which candidacy do you want to withdraw?",
    ),
    "cand_overview_title": ("Kandidaturen", "Candidacies"),
    "cand_overview_role_title": ("Kandidaturen voor {role}", "Candidacies for {role}"),
    "cand_overview_none": (
        "Er zijn (nog) geen lopende kandidaturen.",
        "There are no current candidacies (yet).",
    ),
    "cand_overview_count": ("{count} lopende kandidaturen.", "{count} current candidacies."),
    "cand_overview_count_one": ("1 lopende kandidatuur.", "1 current candidacy."),
    "cand_overview_line": (
        "{name} ({municipality}, {office}) — {email}, ingediend {day}",
        "{name} ({municipality}, {office}) — {email}, submitted {day}",
    ),
    "cand_overview_role_unknown": (
        "'{value}' is geen verkiesbare functie. Kies een van: {roles}.",
        "'{value}' is not a function up for election. Choose one of: {roles}.",
    ),
    "cand_staff_only": (
        "Sorry, het overzicht van alle kandidaturen is alleen voor het secretariaat (de "
        "beheerders van het overzicht). Je eigen kandidaturen: {how}.",
        "Sorry, the overview of all candidacies is for the secretariat only (the "
        "administrators of the overview). Your own candidacies: {how}.",
    ),
    "cand_notice_new": (
        "Nieuwe kandidatuur voor {role}: {name} ({municipality}, {office}), {email}. "
        "Inzending {id} via {platform}.",
        "New candidacy for {role}: {name} ({municipality}, {office}), {email}. "
        "Submission {id} via {platform}.",
    ),
    "cand_notice_replaces": ("Vervangt inzending {previous}.", "Replaces submission {previous}."),
    "cand_notice_withdrawn": (
        "Kandidatuur ingetrokken: {name} voor {role} (inzending {id}).",
        "Candidacy withdrawn: {name} for {role} (submission {id}).",
    ),
    "cand_how": (
        "Zo stel je je kandidaat: in Slack met /g40 kandidaat, in Teams met 'kandidaat' in je "
        "chat met g40bot, in de terminal met 'kandidaat' in g40bot chat. Intrekken kan tot de "
        "deadline met /g40 intrekken of 'intrekken'.",
        "To stand as a candidate: in Slack use /g40 candidacy, in Teams type 'candidacy' in "
        "your chat with g40bot, in the terminal type 'candidacy' in g40bot chat. You can "
        "withdraw until the deadline with /g40 withdraw or 'withdraw'.",
    ),
    # Slack modal (titles and buttons ≤ 24 characters, option texts ≤ 75).
    "cand_modal_title": ("Kandidaat stellen", "Stand as a candidate"),
    "cand_modal_submit": ("Indienen", "Submit"),
    "cand_modal_close": ("Annuleren", "Cancel"),
    "cand_modal_pick_role": (
        "Kies een functie; dan zie je hier de taken en het tijdsbeslag.",
        "Choose a function to see its tasks and time commitment here.",
    ),
    "cand_modal_motivation_hint": (
        "20 tot 2.000 tekens: waarom jij, voor deze functie?",
        "20 to 2,000 characters: why you, for this function?",
    ),
    "cand_modal_choose": ("Kies…", "Choose…"),
    "cand_show_details": ("Toon taken en tijdsbeslag", "Show tasks and time commitment"),
    "cand_confirm_block": ("Bevestiging", "Confirmation"),
    "cand_confirm_option": (
        "Ik heb de taken en het tijdsbeslag van deze functie gelezen",
        "I have read this function's tasks and time commitment",
    ),
    "cand_replace_block": ("Eerdere kandidatuur", "Earlier candidacy"),
    "cand_replace_option": ("Vervang mijn eerdere kandidatuur", "Replace my earlier candidacy"),
    "cand_withdraw_button": ("Trek in", "Withdraw"),
    "cand_withdraw_confirm_title": ("Intrekken?", "Withdraw?"),
    "cand_withdraw_confirm_text": (
        "Je kandidatuur voor {role} intrekken? Opnieuw indienen kan tot de deadline.",
        "Withdraw your candidacy for {role}? You can submit again until the deadline.",
    ),
    "cand_withdraw_confirm_yes": ("Ja, trek in", "Yes, withdraw"),
    "cand_no": ("Nee", "No"),
    "cand_home_button": ("Stel je kandidaat", "Stand as a candidate"),
    # Console dialogue.
    "cand_console_intro": (
        "Kandidaat stellen. Ik vraag je gegevens één voor één; typ 'stop' om te annuleren.",
        "Standing as a candidate. I ask for your details one at a time; type 'stop' to cancel.",
    ),
    "cand_console_role": (
        "Voor welke functie stel je je kandidaat? Typ het nummer of de naam:",
        "Which function do you stand for? Type the number or the name:",
    ),
    "cand_console_name": ("Je naam:", "Your name:"),
    "cand_console_email": ("Je e-mailadres:", "Your e-mail address:"),
    "cand_console_municipality": (
        "Je gemeente (het nummer of de naam):",
        "Your municipality (the number or the name):",
    ),
    "cand_console_office": ("Je huidige functie:", "Your current office:"),
    "cand_console_motivation": (
        "Je motivatie (20 tot 2.000 tekens, op één regel):",
        "Your motivation (20 to 2,000 characters, on one line):",
    ),
    "cand_console_confirm": (
        "Heb je de taken en het tijdsbeslag van de {role} gelezen? (ja/nee)",
        "Have you read the tasks and time commitment of the {role}? (yes/no)",
    ),
    "cand_console_confirmed": (
        "Heb je de taken en het tijdsbeslag van deze functie gelezen? (ja/nee)",
        "Have you read this function's tasks and time commitment? (yes/no)",
    ),
    "cand_console_replace": ("Vervangen? (ja/nee)", "Replace it? (yes/no)"),
    "cand_console_summary": (
        "Controleer je kandidatuur:",
        "Check your candidacy:",
    ),
    "cand_console_submit": (
        "Indienen? (ja/nee)",
        "Submit? (yes/no)",
    ),
    "cand_console_cancelled": (
        "Geannuleerd; er is niets ingediend.",
        "Cancelled; nothing was submitted.",
    ),
    "cand_console_yes_no": ("Typ 'ja' of 'nee'.", "Type 'yes' or 'no'."),
    "cand_console_number": (
        "Typ een nummer van 1 tot en met {count}, of 'stop'.",
        "Type a number from 1 to {count}, or 'stop'.",
    ),
    "cand_console_withdraw_confirm": (
        "Je kandidatuur voor {role} ({id}) intrekken? (ja/nee)",
        "Withdraw your candidacy for {role} ({id})? (yes/no)",
    ),
    "cand_console_not_withdrawn": ("Niets ingetrokken.", "Nothing was withdrawn."),
    "cand_mine_console": ("'mijn kandidaturen'", "'my candidacies'"),
}
_TEXTS.update(_CANDIDACY_TEXTS)


# --- Slack (bot/platforms/slack/), the App Home, staff and reload ------------------------------

_TEXTS.update(
    {
        # (Dutch, English)
        "slack_share": ("Deel in kanaal", "Share in channel"),
        "slack_shared_by": ("Gedeeld door <@{user}>", "Shared by <@{user}>"),
        "slack_try_also": ("Probeer ook", "Try also"),
        "or_did_you_mean": ("Of bedoel je:", "Or do you mean:"),
        "home_phases_title": ("Komende verkiezingsfases", "Upcoming election phases"),
        "home_no_upcoming": ("Er staan geen komende fases in de planning.", "No upcoming phases."),
        "home_reminders_on": (
            "*Herinneringen:* aan. Je krijgt een DM vóór elke deadline van de verkiezingen.",
            "*Reminders:* on. You get a DM before each election deadline.",
        ),
        "home_reminders_off": (
            "*Herinneringen:* uit. Zet ze aan om een DM te krijgen vóór elke deadline.",
            "*Reminders:* off. Turn them on to get a DM before each election deadline.",
        ),
        "home_turn_on": ("Zet aan", "Turn on"),
        "home_turn_off": ("Zet uit", "Turn off"),
        "staff_problems": (
            "Het sheet heeft {count} fout(en). g40bot slaat elke rij met een fout over en "
            "gebruikt de rest; zie ook `g40bot check-sheet`.",
            "The sheet has {count} error(s). g40bot skips each row with an error and uses the "
            "rest; see also `g40bot check-sheet`.",
        ),
        "staff_problems_title": ("Fouten in het sheet", "Errors in the sheet"),
        "staff_problems_more": (
            "… en nog {count}; `g40bot check-sheet` toont ze allemaal.",
            "… and {count} more; `g40bot check-sheet` shows them all.",
        ),
        # (Dutch, English)
        "reload_title": ("Sheet opnieuw gelezen", "Sheet read again"),
        "reload_failed_title": ("Sheet lezen mislukt", "Reading the sheet failed"),
        "reload_failed": (
            "Het sheet kon niet worden gelezen: {error}",
            "The sheet could not be read: {error}",
        ),
        "reload_serving": (
            "Sinds {since} gebruikt g40bot de laatste goede versie, gelezen op {read_at}:",
            "Since {since}, g40bot uses the last good version, read on {read_at}:",
        ),
        "reload_kept_tabs": (
            "Niet te lezen, dus de vorige versie gebruikt: {tabs}.",
            "Could not be read, so the previous version is used: {tabs}.",
        ),
        "reload_unreadable_tabs": (
            "Niet te lezen en er is geen vorige versie (leeg): {tabs}.",
            "Could not be read and there is no previous version (empty): {tabs}.",
        ),
        "reload_counts": (
            "{roles} functies, {portfolios} portefeuilles, {people} personen, {phases} fases; "
            "{errors} fout(en), {warnings} waarschuwing(en).",
            "{roles} functions, {portfolios} portfolios, {people} people, {phases} phases; "
            "{errors} error(s), {warnings} warning(s).",
        ),
        "staff_only": (
            "Sorry, dit is alleen voor het secretariaat (de beheerders van het overzicht).",
            "Sorry, this is for the secretariat only (the administrators of the overview).",
        ),
    }
)


# --- the conversation every platform shares (bot/handlers/chat.py) -------------------------------

_TEXTS.update(
    {
        # (Dutch, English)
        "type_command": ("typ '{command}'", "type '{command}'"),
        "cmd_help": ("hulp", "help"),
        "cmd_candidacy": ("kandidaat", "candidacy"),
        "cmd_mine": ("mijn kandidaturen", "my candidacies"),
        "cmd_withdraw": ("intrekken", "withdraw"),
        "cmd_reminders_on": ("herinneringen aan", "reminders on"),
        "cmd_reminders_off": ("herinneringen uit", "reminders off"),
        "cmd_on": ("aan", "on"),
        "cmd_off": ("uit", "off"),
        "personal_only": (
            "Dat doe je in een persoonlijke chat met mij, niet in een kanaal: open de chat met "
            "g40bot en {command}.",
            "Do that in a personal chat with me, not in a channel: open the chat with g40bot "
            "and {command}.",
        ),
        "reminders_now_on": (
            "Herinneringen staan aan: je krijgt een bericht vóór elke deadline van de "
            "verkiezingen. Uitzetten: {off}.",
            "Reminders are on: you get a message before each election deadline. "
            "Turn them off: {off}.",
        ),
        "reminders_now_off": (
            "Herinneringen staan uit. Aanzetten: {on}.",
            "Reminders are off. Turn them on: {on}.",
        ),
        "reminders_usage": (
            "'{rest}' ken ik niet na herinneringen. Aanzetten: {on}; uitzetten: {off}.",
            "I don't know '{rest}' after reminders. Turn them on: {on}; off: {off}.",
        ),
        "unanswered_title": ("Onbeantwoorde vragen", "Unanswered questions"),
        "nothing_to_pick": (
            "Er staat geen keuze open om een nummer bij te kiezen. Stel je vraag opnieuw, "
            "bijvoorbeeld '{example}'.",
            "There is no choice open to pick a number from. Please ask your question again, "
            "e.g. '{example}'.",
        ),
        "pick_first": (
            "Meer over welke? Kies eerst wat je bedoelt: typ het nummer (1 tot en met {count}).",
            "More about which one? First pick what you mean: type its number (1 to {count}).",
        ),
        "more_about_what": (
            "Meer waarover? Stel eerst je vraag, bijvoorbeeld '{example}'; het antwoord zegt "
            "dan hoe je meer krijgt.",
            "More about what? Ask your question first, e.g. '{example}'; the answer then says "
            "how to get more.",
        ),
        "unanswered_none": (
            "Er zijn (nog) geen vragen die g40bot niet kon beantwoorden.",
            "There are no questions g40bot could not answer (yet).",
        ),
        "unanswered_more": ("… en nog {count} groep(en).", "… and {count} more group(s)."),
        "unanswered_how": (
            "Klopt een voorstel, typ dan 'ja' in de kolom akkoord van het tabblad Onbeantwoord; "
            "of voeg een Kennis-rij toe. De volgende verversing beantwoordt de vraag.",
            "If a proposal is right, type 'ja' in the akkoord column of the Onbeantwoord tab; or "
            "add a Kennis row. The next refresh answers the question.",
        ),
        "reminders_why_dm_candidate": (
            "Je krijgt dit omdat je kandidaat bent. Liever geen herinneringen meer: {off}.",
            "You get this because you stand as a candidate. Rather not get reminders: {off}.",
        ),
        "reminders_why_dm_subscribed": (
            "Je krijgt dit omdat je herinneringen aan hebt. Uitzetten: {off}.",
            "You get this because your reminders are on. Turn them off: {off}.",
        ),
        "cand_withdraw_how_button": (
            "met de knop hieronder of {command}",
            "with the button below or {command}",
        ),
        "yes_no": ("(ja/nee)", "(yes/no)"),
        "cand_withdraw_how_number": (
            "met het nummer hieronder of {command}",
            "with the number below or {command}",
        ),
        "home_candidacy_line": (
            "{role} — {status}, ingediend {day}",
            "{role} — {status}, submitted {day}",
        ),
        "usage_slack": (
            "In Slack: `/g40 <vraag>` (alleen jij ziet het antwoord), `@g40bot <vraag>` in een "
            "kanaal (antwoord in de thread), of stuur me een direct bericht. Verder: "
            "`/g40 kandidaat`, `/g40 mijn kandidaturen`, `/g40 intrekken`, `/g40 agenda` en "
            "`/g40 herinneringen aan|uit`.",
            "In Slack: `/g40 <question>` (only you see the answer), `@g40bot <question>` in a "
            "channel (answer in the thread), or send me a direct message. Also: "
            "`/g40 candidacy`, `/g40 my candidacies`, `/g40 withdraw`, `/g40 schedule` and "
            "`/g40 reminders on|off`.",
        ),
        "usage_teams": (
            "In Teams: stel je vraag in een persoonlijke chat met mij, of noem @g40bot in een "
            "kanaal (ik antwoord in de thread). Verder: 'kandidaat', 'mijn kandidaturen', "
            "'intrekken', 'agenda' en 'herinneringen aan|uit'.",
            "In Teams: ask me in a personal chat, or mention @g40bot in a channel (I answer in "
            "the thread). Also: 'candidacy', 'my candidacies', 'withdraw', 'schedule' and "
            "'reminders on|off'.",
        ),
        "usage_console": (
            "Hier in de terminal: typ je vraag. Verder: 'kandidaat', 'mijn kandidaturen', "
            "'intrekken', 'agenda', 'herinneringen' en 'stop'.",
            "Here in the terminal: type your question. Also: 'candidacy', 'my candidacies', "
            "'withdraw', 'schedule', 'reminders' and 'stop'.",
        ),
    }
)


# --- staff notices about the sheet (bot/handlers/staff.py) ---------------------------------------

_TEXTS.update(
    {
        # (Dutch, English)
        "staff_sheet_title": ("g40bot en het sheet", "g40bot and the sheet"),
        "staff_sheet_failing": (
            "g40bot kan het sheet niet lezen: {error}",
            "g40bot cannot read the sheet: {error}",
        ),
        "staff_serving_since": (
            "Sinds {since} beantwoordt g40bot vragen met de laatste goede versie.",
            "Since {since}, g40bot answers questions from the last good version.",
        ),
        "staff_last_good": (
            "Die versie is gelezen op {read_at}. Je hoort het hier als het sheet weer te lezen is.",
            "That version was read on {read_at}. You will hear here when the sheet can be read "
            "again.",
        ),
        "staff_nothing_to_serve": (
            "Er is nog geen goede versie om vragen mee te beantwoorden.",
            "There is no good version yet to answer questions from.",
        ),
        "staff_sheet_recovered": (
            "Het sheet is weer te lezen; g40bot gebruikt weer de actuele versie.",
            "The sheet can be read again; g40bot uses the current version again.",
        ),
        "staff_planning_title": ("Herinneringen wachten", "Reminders are waiting"),
        "staff_planning_unreadable": (
            "Het tabblad Planning kan niet worden gelezen ({reason}). Zolang verstuurt g40bot "
            "geen herinneringen; wat binnen {hours} uur na het geplande moment valt, gaat "
            "alsnog uit zodra Planning weer te lezen is.",
            "The Planning tab cannot be read ({reason}). Until it can, g40bot sends no "
            "reminders; those less than {hours} hours past their time go out as soon as "
            "Planning can be read again.",
        ),
        "staff_planning_back": (
            "Het tabblad Planning is weer te lezen; de herinneringen gaan weer uit.",
            "The Planning tab can be read again; reminders go out again.",
        ),
        "staff_never": ("nog nooit", "never"),
    }
)
