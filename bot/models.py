"""The sheet contract: one pydantic model per tab, and the Snapshot built from raw rows.

Field names are English for the code; aliases are the Dutch column names staff see. Building a
snapshot never raises: every bad cell becomes a located `Problem` and the bad row is skipped
(or, for a broken cross-tab reference, the reference is dropped and the row kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from bot.dates import DateFormatError, parse_date_cell
from bot.text import column_letter, fold, split_lines, split_list

# --- cell types -------------------------------------------------------------------------------

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _fail(reason: str, fix: str, column: str = "") -> PydanticCustomError:
    """A validation error staff can act on; `column` locates a whole-row rule."""
    return PydanticCustomError("g40", reason, {"fix": fix, "column": column})


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _optional_text(value: object) -> str | None:
    return _text(value) or None


def _yes_no(value: object) -> bool | None:
    text = fold(_text(value))
    if text in {"ja", "j", "yes", "y", "waar", "true", "1", "x"}:
        return True
    if text in {"nee", "n", "no", "onwaar", "false", "0"}:
        return False
    if text == "":
        return None
    raise _fail(f"'{_text(value)}' is geen ja of nee", "Vul 'ja' of 'nee' in.")


def _required_yes_no(value: object) -> bool:
    answer = _yes_no(value)
    if answer is None:
        raise _fail("deze cel is leeg", "Vul 'ja' of 'nee' in.")
    return answer


def _identifier(value: object) -> str:
    text = _text(value).casefold()
    if not _ID.fullmatch(text):
        raise _fail(
            "een id bestaat uit kleine letters, cijfers en streepjes",
            "Gebruik bijvoorbeeld 'eerste-vicevoorzitter' (geen spaties of leestekens).",
        )
    return text


def _optional_identifier(value: object) -> str | None:
    return _identifier(value) if _text(value) else None


def _identifiers(value: object) -> list[str]:
    return [_identifier(item) for item in split_list(_text(value))]


def _email(value: object) -> str | None:
    text = _text(value).replace(" ", "")
    if not text:
        return None
    if not _EMAIL.fullmatch(text):
        raise _fail(
            f"'{_text(value)}' is geen e-mailadres", "Vul een adres in als naam@gemeente.nl."
        )
    return text.casefold()


def _date(value: object) -> date | datetime | None:
    try:
        return parse_date_cell(value)
    except DateFormatError:
        raise _fail(
            f"'{_text(value)}' is geen datum",
            "Schrijf de datum als 2026-09-10 of 10-09-2026 (met tijd: 10-09-2026 09:00), "
            "of laat de cel leeg als de datum nog niet bekend is.",
        ) from None


def _whole_day(value: object) -> date | None:
    moment = _date(value)
    return moment.date() if isinstance(moment, datetime) else moment


_OFFSET = re.compile(r"(\d+)\s*([dhwu])")
_OFFSET_UNITS = {"d": "days", "w": "weeks", "h": "hours", "u": "hours"}


def _offsets(value: object) -> list[timedelta]:
    offsets = []
    for item in split_list(fold(_text(value))):
        match = _OFFSET.fullmatch(item.replace("dagen", "d").replace("dag", "d"))
        if not match:
            raise _fail(
                f"'{item}' is geen herinnering",
                "Schrijf het aantal dagen (d), weken (w) of uren (u) vóór de fase, "
                "bijvoorbeeld '14d, 7d, 1d'.",
            )
        offsets.append(timedelta(**{_OFFSET_UNITS[match[2]]: int(match[1])}))
    return sorted(set(offsets), reverse=True)


def _clock_time(value: object) -> time | None:
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    text = _text(value)
    if not text:
        return None
    if isinstance(value, float) and 0 <= value < 1:  # a time-of-day serial from Sheets
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60)
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::\d{2})?", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise _fail(f"'{text}' is geen tijd", "Schrijf een tijd als 09:00.")
    return time(int(match[1]), int(match[2]))


def _choice(*allowed: str) -> BeforeValidator:
    by_folded = {fold(option): option for option in allowed}

    def check(value: object) -> str:
        option = by_folded.get(fold(_text(value)))
        if option is None:
            raise _fail(
                f"'{_text(value)}' is geen toegestane waarde",
                "Kies een van: " + ", ".join(allowed) + ".",
            )
        return option

    return BeforeValidator(check)


# A list field's empty default is written `[]`: pydantic copies it for each row, and unlike
# default_factory=list it costs no signature parsing of a builtin when the class is built
# (every command that reads the sheet builds them; benchmarks/startup.py).
Text = Annotated[str, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
Lines = Annotated[list[str], BeforeValidator(lambda v: split_lines(_text(v)))]
Items = Annotated[list[str], BeforeValidator(lambda v: split_list(_text(v)))]
Identifier = Annotated[str, BeforeValidator(_identifier)]
OptionalIdentifier = Annotated[str | None, BeforeValidator(_optional_identifier)]
Identifiers = Annotated[list[str], BeforeValidator(_identifiers)]
YesNo = Annotated[bool, BeforeValidator(_required_yes_no)]
OptionalYesNo = Annotated[bool | None, BeforeValidator(_yes_no)]
Email = Annotated[str | None, BeforeValidator(_email)]
Moment = Annotated[date | datetime | None, BeforeValidator(_date)]
Day = Annotated[date | None, BeforeValidator(_whole_day)]
Offsets = Annotated[list[timedelta], BeforeValidator(_offsets)]
ClockTime = Annotated[time | None, BeforeValidator(_clock_time)]


class Row(BaseModel):
    """A validated sheet row. `tab` is the Dutch tab name; `key` names the id column."""

    model_config = ConfigDict(populate_by_name=True, frozen=True, extra="ignore")
    tab: ClassVar[str]
    key: ClassVar[str | None] = None
    example: ClassVar[dict[str, str]] = {}
    # Columns whose cells may be empty, but without which the tab is of no use (Planning
    # without start is no planning): a renamed header is as bad as a missing required one.
    needed: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def columns(cls) -> list[str]:
        return [info.alias or name for name, info in cls.model_fields.items()]

    @classmethod
    def required_columns(cls) -> list[str]:
        return [info.alias or name for name, info in cls.model_fields.items() if info.is_required()]

    @classmethod
    def structural_columns(cls) -> list[str]:
        """The columns a tab cannot be read without."""
        return [*cls.required_columns(), *cls.needed]


# --- tabs -------------------------------------------------------------------------------------

PILLARS = ("Sociaal", "Fysiek", "Economie en Werk")
# The Planning row whose start and end bound the period in which candidacies are accepted.
CANDIDACY_PHASE_ID = "kandidaatstelling"


class Role(Row):
    tab = "Functies"
    key = "id"

    id: Identifier
    title: RequiredText = Field(alias="titel")
    title_en: Text = Field("", alias="titel_en")
    body: Annotated[str, _choice("DB", "AOT", "pijler", "opgavegroep", "extern")] = Field(
        alias="orgaan"
    )
    pillar: Annotated[str | None, BeforeValidator(_optional_text)] = Field(None, alias="pijler")
    kind: Annotated[str, _choice("bestuurlijk", "ambtelijk")] = Field(alias="soort")
    elected: YesNo = Field(alias="gekozen")
    board_member: YesNo = Field(alias="db_lid")
    paid: OptionalYesNo = Field(None, alias="bezoldigd")
    allowance: Text = Field("", alias="vergoeding")
    allowance_en: Text = Field("", alias="vergoeding_en")
    tasks: Lines = Field([], alias="taken")
    tasks_en: Lines = Field([], alias="taken_en")
    competences: Lines = Field([], alias="competenties")
    competences_en: Lines = Field([], alias="competenties_en")
    time_commitment: Text = Field("", alias="tijdsbeslag")
    time_commitment_en: Text = Field("", alias="tijdsbeslag_en")
    deputies: Identifiers = Field([], alias="vervangers")
    supported_by: Identifiers = Field([], alias="ondersteund_door")
    holder: OptionalIdentifier = Field(None, alias="houder")
    more_info: OptionalIdentifier = Field(None, alias="meer_info")
    aliases: Items = Field([], alias="aliassen")

    @field_validator("pillar")
    @classmethod
    def _known_pillar(cls, value: str | None) -> str | None:
        if value is None:
            return None
        for pillar in PILLARS:
            if fold(pillar) == fold(value):
                return pillar
        raise _fail(f"'{value}' is geen pijler", "Kies een van: " + ", ".join(PILLARS) + ".")


class Portfolio(Row):
    tab = "Portefeuilles"
    key = "id"

    id: Identifier
    name: RequiredText = Field(alias="naam")
    name_en: Text = Field("", alias="naam_en")
    kind: Annotated[str, _choice("portefeuille", "opgavegroep", "pijler")] = Field(alias="soort")
    role: Identifier = Field(alias="functie")
    relation: Annotated[str, _choice("houder", "linking-pin", "voorzitter")] = Field(
        "houder", alias="rol"
    )
    own_chair: OptionalIdentifier = Field(None, alias="eigen_voorzitter")
    supported_by: Identifiers = Field([], alias="ondersteund_door")
    aliases: Items = Field([], alias="aliassen")
    notes: Text = Field("", alias="toelichting")
    notes_en: Text = Field("", alias="toelichting_en")


class Person(Row):
    tab = "Personen"
    key = "id"

    id: Identifier
    name: RequiredText = Field(alias="naam")
    organisation: Text = Field("", alias="organisatie")
    email: Email = Field(None, alias="email")
    phone: Text = Field("", alias="telefoon")
    slack_id: Text = Field("", alias="slack_id")
    teams_id: Text = Field("", alias="teams_id")
    absent_from: Day = Field(None, alias="afwezig_vanaf")
    back_on: Day = Field(None, alias="terug_op")
    stand_in: OptionalText = Field(None, alias="vervanger")

    @model_validator(mode="after")
    def _window_in_order(self) -> Person:
        if self.absent_from and self.back_on and self.back_on <= self.absent_from:
            raise _fail(
                "terug_op ligt niet na afwezig_vanaf",
                "Zet in terug_op de eerste dag dat de persoon weer bereikbaar is.",
                column="terug_op",
            )
        return self

    def is_absent(self, on: date) -> bool:
        if self.absent_from is None and self.back_on is None:
            return False
        started = self.absent_from is None or self.absent_from <= on
        ongoing = self.back_on is None or on < self.back_on
        return started and ongoing


class Phase(Row):
    tab = "Planning"
    key = "id"
    needed = ("start", "eind", "herinneringen")

    id: Identifier
    name: RequiredText = Field(alias="fase")
    name_en: Text = Field("", alias="fase_en")
    description: Text = Field("", alias="omschrijving")
    description_en: Text = Field("", alias="omschrijving_en")
    aliases: Items = Field([], alias="aliassen")
    start: Moment = Field(None, alias="start")
    end: Moment = Field(None, alias="eind")
    reminders: Offsets = Field([], alias="herinneringen")
    # Reminders count back from the start (an event) or from the end (a deadline).
    # An empty cell is the documented default, not an error that would drop the whole phase.
    # (Pydantic runs stacked before-validators last to first: the default is filled in first.)
    remind_before: Annotated[
        str, _choice("start", "eind"), BeforeValidator(lambda v: _text(v) or "start")
    ] = Field("start", alias="herinner_voor")
    send_time: ClockTime = Field(None, alias="tijd")
    channel: Text = Field("", alias="kanaal")
    # Who the reminders of this phase go to (AUDIENCES); the sheet's word, read leniently.
    audience: Text = Field("", alias="doelgroep")
    contact: OptionalIdentifier = Field(None, alias="contact")

    @model_validator(mode="after")
    def _end_after_start(self) -> Phase:
        if self.start and self.end and _as_datetime(self.end) < _as_datetime(self.start):
            raise _fail(
                "eind ligt vóór start", "Controleer de datums van deze fase.", column="eind"
            )
        return self


# doelgroep: everyone (the announcement channel and every subscriber), the people with a
# current candidacy (by DM), or staff (their staff conversation only).
EVERYONE, CANDIDATES, STAFF = "iedereen", "kandidaten", "beheerders"
AUDIENCE_WORDS = {
    "": EVERYONE,
    "iedereen": EVERYONE,
    "allen": EVERYONE,
    "everyone": EVERYONE,
    "kandidaten": CANDIDATES,
    "kandidaat": CANDIDATES,
    "candidates": CANDIDATES,
    "beheerders": STAFF,
    "secretariaat": STAFF,
    "staff": STAFF,
}


def _as_datetime(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time(0))


class Municipality(Row):
    tab = "Gemeenten"
    key = "gemeente"

    name: RequiredText = Field(alias="gemeente")


class StaffMember(Row):
    tab = "Beheerders"

    name: Text = Field("", alias="naam")
    email: Email = Field(None, alias="email")
    slack_id: Text = Field("", alias="slack_id")
    teams_id: Text = Field("", alias="teams_id")

    @model_validator(mode="after")
    def _identifiable(self) -> StaffMember:
        if not (self.email or self.slack_id or self.teams_id):
            raise _fail(
                "een beheerder zonder e-mail, Slack-id of Teams-id",
                "Vul ten minste één van email, slack_id of teams_id in.",
            )
        return self


class Candidacy(Row):
    tab = "Kandidaturen"
    key = "inzending_id"

    submission_id: RequiredText = Field(alias="inzending_id")
    submitted_at: Moment = Field(None, alias="ingediend_op")
    role: Identifier = Field(alias="functie")
    name: RequiredText = Field(alias="naam")
    municipality: Text = Field("", alias="gemeente")
    current_office: Text = Field("", alias="huidige_functie")
    email: Email = Field(None, alias="email")
    motivation: Text = Field("", alias="motivatie")
    platform: Text = Field("", alias="platform")
    user_id: Text = Field("", alias="gebruiker_id")
    status: Text = Field("", alias="status")
    updated_at: Moment = Field(None, alias="bijgewerkt_op")


class Body(Row):
    """A body of the network (Dagelijks Bestuur, AOT, a pillar, the netwerkdagen ...): what it
    is and does, who sits in it, how often it meets. Each line of a multi-line cell is one fact
    the bot can quote on its own."""

    tab = "Organen"
    key = "id"

    id: Identifier
    name: RequiredText = Field(alias="naam")
    name_en: Text = Field("", alias="naam_en")
    kind: Annotated[
        str, _choice("bestuur", "ambtelijk", "pijler", "opgavegroep", "bijeenkomst")
    ] = Field(alias="soort")
    aliases: Items = Field([], alias="aliassen")
    description: Lines = Field([], alias="omschrijving")
    description_en: Lines = Field([], alias="omschrijving_en")
    composition: Lines = Field([], alias="samenstelling")
    composition_en: Lines = Field([], alias="samenstelling_en")
    rhythm: Text = Field("", alias="ritme")
    rhythm_en: Text = Field("", alias="ritme_en")
    chair: OptionalIdentifier = Field(None, alias="voorzitter")
    members: Identifiers = Field([], alias="leden")
    source: Text = Field("", alias="bron")


class Fact(Row):
    """General knowledge and staff-written questions and answers: the question with its
    variants (one per line), the answer in Dutch and English, what it is about, where it
    comes from."""

    tab = "Kennis"
    key = "id"

    id: Identifier
    questions: Annotated[list[str], BeforeValidator(lambda v: split_lines(_text(v)))] = Field(
        alias="vragen", min_length=1
    )
    answer: RequiredText = Field(alias="antwoord")
    answer_en: Text = Field("", alias="antwoord_en")
    topics: Identifiers = Field([], alias="onderwerp")
    source: Text = Field("", alias="bron")


class Unanswered(Row):
    """A group of questions the bot could not answer, written by the bot (the loop with
    staff, bot/handlers/unanswered.py). Staff confirm the proposal — or write another id in
    `voorstel` — by typing ja in `akkoord`: the question and its variants then name that thing."""

    tab = "Onbeantwoord"

    question: RequiredText = Field(alias="vraag")
    variants: Lines = Field(default_factory=list, alias="varianten")
    times: Text = Field("", alias="aantal")
    picked: Text = Field("", alias="gekozen")
    first_asked: Moment = Field(None, alias="eerst_gezien")
    last_asked: Moment = Field(None, alias="laatst_gezien")
    # Several ids for a group read as one ('pijlervicevoorzitter-sociaal, ...-fysiek, ...').
    proposal: Identifiers = Field(default_factory=list, alias="voorstel")
    proposal_label: Text = Field("", alias="voorstel_naam")
    confirmed: OptionalYesNo = Field(None, alias="akkoord")


@dataclass(frozen=True)
class Target:
    """A thing of the sheet a question can be about: its kind ("role", "portfolio", "body",
    "phase", "fact"), its id in that tab (several, comma-separated, for a group read as one:
    the three pillars' vice chairs), and its name as people read it."""

    kind: str
    id: str
    label: str


@dataclass(frozen=True)
class Taught:
    """Phrases staff confirmed as naming one thing (a role, portfolio, body, phase or Kennis
    row, by id): the engine treats them as that thing's aliases."""

    phrases: tuple[str, ...]
    target: str


TAB_MODELS: tuple[type[Row], ...] = (
    Role,
    Portfolio,
    Person,
    Phase,
    Municipality,
    StaffMember,
    Body,
    Fact,
    Candidacy,
    Unanswered,
)
# Tabs the bot writes itself and creates when they are missing: their absence is no problem.
BOT_TABS = {Unanswered.tab}
# Tabs added after the first deployments. A sheet set up before them still answers from the
# other tabs, so their absence is a warning whose fix adds just them.
NEWER_TABS = {Body.tab, Fact.tab}


# --- problems ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the sheet, located so staff can go straight to the cell."""

    tab: str
    reason: str
    fix: str
    row: int | None = None
    column: str | None = None
    column_index: int | None = None
    value: str = ""
    severity: Literal["fout", "waarschuwing"] = "fout"

    @property
    def cell(self) -> str:
        if self.row is None:
            return self.tab
        if self.column_index is None:
            return f"{self.tab}!{self.row}:{self.row}"
        return f"{self.tab}!{column_letter(self.column_index)}{self.row}"

    def describe(self) -> str:
        where = self.cell + (f" ({self.column})" if self.column else "")
        shown = f" — waarde '{self.value}'" if self.value else ""
        return f"{self.severity.upper()} {where}{shown}: {self.reason}. {self.fix}"


# --- snapshot ---------------------------------------------------------------------------------

RawCell = str | int | float | bool | date | datetime | time | timedelta | None
RawTabs = Mapping[str, Sequence[Sequence[RawCell]]]


@dataclass(frozen=True)
class Snapshot:
    """Everything the bot knows, validated, immutable; swapped whole on every refresh."""

    roles: dict[str, Role] = field(default_factory=dict)
    portfolios: dict[str, Portfolio] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    phases: dict[str, Phase] = field(default_factory=dict)
    municipalities: tuple[str, ...] = ()
    staff: tuple[StaffMember, ...] = ()
    bodies: dict[str, Body] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    candidacies: tuple[Candidacy, ...] = ()
    # Onbeantwoord: what the bot could not answer (for staff), and what staff taught it.
    unanswered: tuple[Unanswered, ...] = ()
    taught: tuple[Taught, ...] = ()
    problems: tuple[Problem, ...] = ()
    # Tabs that could not be read (missing, renamed, no header, a required column gone):
    # served from their last good version, or empty when there was none.
    kept_tabs: tuple[str, ...] = ()
    unreadable_tabs: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "fout"]


@dataclass(frozen=True)
class SourceHealth:
    """The truth about reading the sheet, for /healthz, the reload command and staff notices."""

    location: str
    # When the workbook was last read successfully (the snapshot being served), if ever.
    read_at: datetime | None = None
    # Why the last read failed (staff's words, may name the file or spreadsheet); None when
    # it succeeded. `error_kind` says the same without names: sheet_unavailable (rate limit,
    # server error, timeout: it passes by itself) or sheet_unreadable (needs a person).
    error: str | None = None
    error_kind: str | None = None
    # The first failure of the current run of failed reads.
    failing_since: datetime | None = None
    # Tabs that could not be read: served from their last good version, or empty.
    kept_tabs: tuple[str, ...] = ()
    unreadable_tabs: tuple[str, ...] = ()

    @property
    def serving(self) -> bool:
        """A snapshot exists to answer from."""
        return self.read_at is not None

    @property
    def degraded(self) -> bool:
        return self.error is not None or bool(self.kept_tabs or self.unreadable_tabs)


@dataclass
class _Located:
    row: Row
    number: int
    header: dict[str, int]

    def problem(self, column: str, value: str, reason: str, fix: str) -> Problem:
        return Problem(
            tab=self.row.tab,
            row=self.number,
            column=column,
            column_index=self.header.get(column),
            value=value,
            reason=reason,
            fix=fix,
        )


def header_key(cell: RawCell) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(_text(cell))).strip("_")


def _validation_problems(
    model: type[Row],
    error: ValidationError,
    values: dict[str, RawCell],
    number: int,
    header: dict[str, int],
) -> Iterable[Problem]:
    for detail in error.errors():
        context = detail.get("ctx") or {}
        column = str(detail["loc"][0]) if detail["loc"] else (context.get("column") or None)
        if detail["type"] == "g40":
            reason, fix = detail["msg"], str(context.get("fix", ""))
        elif detail["type"] in {"missing", "string_too_short", "too_short"}:
            reason, fix = (
                "deze cel is leeg",
                "Vul deze verplichte cel in, of maak de hele rij leeg.",
            )
        else:
            reason, fix = f"ongeldige waarde ({detail['msg']})", "Controleer deze cel."
        yield Problem(
            tab=model.tab,
            row=number,
            column=column,
            column_index=header.get(column) if column else None,
            value=_text(values.get(column)) if column else "",
            reason=reason,
            fix=fix,
        )


def _header(rows: Sequence[Sequence[RawCell]]) -> dict[str, int]:
    return {header_key(cell): index for index, cell in enumerate(rows[0]) if _text(cell)}


def _missing_column(model: type[Row], column: str) -> Problem:
    return Problem(
        tab=model.tab,
        row=1,
        column=column,
        reason=f"kolom '{column}' ontbreekt",
        fix=f"Voeg in rij 1 een kolom '{column}' toe (zie docs/sheet.md).",
        severity="fout" if column in model.structural_columns() else "waarschuwing",
    )


def tab_structure_problems(
    model: type[Row], rows: Sequence[Sequence[RawCell]] | None
) -> list[Problem]:
    """Why no row of this tab can be read (the tab is missing, has no header row, or lacks a
    required column); empty when its rows can be validated one by one."""
    if rows is None and model.tab in BOT_TABS:
        return []
    # A newer tab that staff created but left empty is still to be added, like a missing one.
    if rows is None or (model.tab in NEWER_TABS and not any(map(any, rows))):
        return [_missing_tab(model.tab)]
    if not rows:
        return [
            Problem(
                tab=model.tab,
                reason="het tabblad is leeg (geen kopregel)",
                fix="Zet de kolomnamen in rij 1: " + ", ".join(model.columns()) + ".",
            )
        ]
    header = _header(rows)
    return [_missing_column(model, c) for c in model.structural_columns() if c not in header]


def contract_tabs(tabs: RawTabs) -> dict[str, Sequence[Sequence[RawCell]]]:
    """The contract's tabs by their own names, found as staff may have typed them (case and
    accents ignored); absent tabs left out."""
    folded = {fold(name).strip(): rows for name, rows in tabs.items()}
    found = {model.tab: folded.get(fold(model.tab)) for model in TAB_MODELS}
    return {tab: rows for tab, rows in found.items() if rows is not None}


KEPT_NOTE = "Tot dan gebruikt g40bot de laatst goed gelezen versie van dit tabblad."


def _read_tab(
    model: type[Row], rows: Sequence[Sequence[RawCell]], rejected: set[str]
) -> tuple[list[_Located], list[Problem]]:
    """Valid rows with their locations, and the problems; keys of invalid rows go to `rejected`
    so that references to them are not reported a second time. The tab's structure is sound
    (`tab_structure_problems` found nothing)."""
    header = _header(rows)
    problems = [
        _missing_column(model, column)
        for column in model.columns()
        if column not in header and column not in model.structural_columns()
    ]
    located: list[_Located] = []
    seen_keys: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        values = {column: cells[index] for column, index in header.items() if index < len(cells)}
        if not any(_text(value) for value in values.values()):
            continue
        try:
            row = model.model_validate(values)
        except ValidationError as error:
            problems.extend(_validation_problems(model, error, values, number, header))
            if model.key:
                rejected.add(fold(_text(values.get(model.key))))
            continue
        if model.key:
            key = fold(_text(values.get(model.key)))
            if key in seen_keys:
                problems.append(
                    Problem(
                        tab=model.tab,
                        row=number,
                        column=model.key,
                        column_index=header.get(model.key),
                        value=_text(values.get(model.key)),
                        reason=f"dubbel: staat ook in rij {seen_keys[key]}",
                        fix="Geef elke rij een eigen waarde, of verwijder een van beide rijen.",
                    )
                )
                continue
            seen_keys[key] = number
        located.append(_Located(row, number, header))
    return located, problems


def _phone_warnings(located: list[_Located], raw: Sequence[Sequence[RawCell]]) -> Iterable[Problem]:
    """A phone number stored as a number has lost its leading zero; say so."""
    for item in located:
        index = item.header.get("telefoon")
        cells = raw[item.number - 1]
        if index is not None and index < len(cells) and isinstance(cells[index], int | float):
            yield Problem(
                tab=Person.tab,
                row=item.number,
                column="telefoon",
                column_index=index,
                value=_text(cells[index]),
                reason="het telefoonnummer is als getal opgeslagen; de 0 vooraan is dan weg",
                fix="Maak de cel op als tekst en typ het nummer opnieuw, met de 0 vooraan.",
                severity="waarschuwing",
            )


def build_snapshot(tabs: RawTabs, last_good: RawTabs | None = None) -> Snapshot:
    """Validate every tab and cross-check references; never raises on sheet content.

    A tab whose structure is broken (see `tab_structure_problems`) is reported, and served
    from `last_good` (the rows of that tab in the last snapshot that could read it) when
    given: a deleted tab or a renamed header never empties what the bot knows."""
    problems: list[Problem] = []
    located: dict[str, list[_Located]] = {}
    rejected: dict[str, set[str]] = {model.tab: set() for model in TAB_MODELS}
    found = contract_tabs(tabs)
    kept: list[str] = []
    unreadable: list[str] = []
    for model in TAB_MODELS:
        rows = found.get(model.tab)
        broken = tab_structure_problems(model, rows)
        if broken:
            rows = (last_good or {}).get(model.tab)
            if rows is not None and not tab_structure_problems(model, rows):
                kept.append(model.tab)
                problems.extend(replace(p, fix=f"{p.fix} {KEPT_NOTE}") for p in broken)
            else:
                unreadable.append(model.tab)
                problems.extend(broken)
                located[model.tab] = []
                continue
        if rows is None:  # a tab the bot writes, not written yet
            located[model.tab] = []
            continue
        located[model.tab], tab_problems = _read_tab(model, rows, rejected[model.tab])
        problems.extend(tab_problems)
        if model is Person:
            problems.extend(_phone_warnings(located[model.tab], rows))

    people = {item.row.id: item.row for item in located[Person.tab] if isinstance(item.row, Person)}
    role_ids = {item.row.id for item in located[Role.tab] if isinstance(item.row, Role)}
    checks = _ReferenceChecks(
        role_ids=role_ids,
        person_ids=set(people),
        reported_roles=rejected[Role.tab],
        reported_people=rejected[Person.tab],
        problems=problems,
    )

    roles = {}
    for item in located[Role.tab]:
        role = item.row
        assert isinstance(role, Role)
        roles[role.id] = role.model_copy(
            update={
                "deputies": checks.roles(item, "vervangers", role.deputies),
                "supported_by": checks.roles(item, "ondersteund_door", role.supported_by),
                "holder": checks.person(item, "houder", role.holder),
                "more_info": checks.person(item, "meer_info", role.more_info),
            }
        )
    portfolios = {}
    for item in located[Portfolio.tab]:
        portfolio = item.row
        assert isinstance(portfolio, Portfolio)
        if not checks.roles(item, "functie", [portfolio.role]):
            continue
        portfolios[portfolio.id] = portfolio.model_copy(
            update={
                "supported_by": checks.roles(item, "ondersteund_door", portfolio.supported_by),
                "own_chair": checks.person(item, "eigen_voorzitter", portfolio.own_chair),
            }
        )
    for item in located[Person.tab]:
        person = item.row
        assert isinstance(person, Person)
        stand_in = person.stand_in
        if stand_in and not _EMAIL.fullmatch(stand_in) and stand_in.casefold() not in people:
            if stand_in.casefold() not in rejected[Person.tab]:
                problems.append(
                    item.problem(
                        "vervanger",
                        stand_in,
                        f"vervanger '{stand_in}' staat niet in Personen en is geen e-mailadres",
                        "Vul het id van een persoon uit Personen in, of een e-mailadres.",
                    )
                )
            people[person.id] = person.model_copy(update={"stand_in": None})
    phases = {}
    for item in located[Phase.tab]:
        phase = item.row
        assert isinstance(phase, Phase)
        audience = AUDIENCE_WORDS.get(fold(phase.audience).strip())
        if audience is None:
            problems.append(
                replace(
                    item.problem(
                        "doelgroep",
                        phase.audience,
                        f"doelgroep '{phase.audience}' ken ik niet; de herinneringen gaan naar "
                        "iedereen",
                        f"Kies {EVERYONE}, {CANDIDATES} of {STAFF} (of laat de cel leeg: "
                        "iedereen).",
                    ),
                    severity="waarschuwing",
                )
            )
        phases[phase.id] = phase.model_copy(
            update={
                "contact": checks.person(item, "contact", phase.contact),
                "audience": audience or EVERYONE,
            }
        )
    bodies = {}
    for item in located[Body.tab]:
        body = item.row
        assert isinstance(body, Body)
        chair = checks.roles(item, "voorzitter", [body.chair] if body.chair else [])
        bodies[body.id] = body.model_copy(
            update={
                "chair": chair[0] if chair else None,
                "members": checks.roles(item, "leden", body.members),
            }
        )
    topic_ids = role_ids | set(bodies) | set(portfolios) | set(phases)
    topic_tabs = (Role.tab, Body.tab, Portfolio.tab, Phase.tab)
    # A topic that may live in a missing tab or an invalid row is dropped without a second
    # report: the tab's or the row's own problem already says what to fix.
    topics_checkable = not set(unreadable).intersection(topic_tabs)
    reported_topics = set().union(*(rejected[tab] for tab in topic_tabs))
    facts = {}
    for item in located[Fact.tab]:
        fact = item.row
        assert isinstance(fact, Fact)
        known = [topic for topic in fact.topics if topic in topic_ids]
        unknown_topics = [
            topic
            for topic in fact.topics
            if topic not in topic_ids and topics_checkable and topic not in reported_topics
        ]
        for unknown in unknown_topics:
            problems.append(
                item.problem(
                    "onderwerp",
                    unknown,
                    f"onderwerp '{unknown}' is geen id uit Functies, Organen, Portefeuilles of "
                    "Planning",
                    "Gebruik het id van een functie, orgaan, portefeuille of fase, of laat de "
                    "cel leeg.",
                )
            )
        facts[fact.id] = fact.model_copy(update={"topics": known})
    candidacies = []
    for item in located[Candidacy.tab]:
        candidacy = item.row
        assert isinstance(candidacy, Candidacy)
        candidacies.append(candidacy)
    unanswered, taught = _taught(located[Unanswered.tab], topic_ids | set(facts), problems)

    return Snapshot(
        roles=roles,
        portfolios=portfolios,
        people=people,
        phases=phases,
        municipalities=tuple(
            item.row.name
            for item in located[Municipality.tab]
            if isinstance(item.row, Municipality)
        ),
        staff=tuple(
            item.row for item in located[StaffMember.tab] if isinstance(item.row, StaffMember)
        ),
        bodies=bodies,
        facts=facts,
        candidacies=tuple(candidacies),
        unanswered=unanswered,
        taught=taught,
        problems=tuple(problems),
        kept_tabs=tuple(kept),
        unreadable_tabs=tuple(unreadable),
    )


def _taught(
    located: list[_Located], known_ids: set[str], problems: list[Problem]
) -> tuple[tuple[Unanswered, ...], tuple[Taught, ...]]:
    """The Onbeantwoord rows, and the phrases of those staff confirmed (akkoord = ja) for a
    thing the sheet knows."""
    rows: list[Unanswered] = []
    taught: list[Taught] = []
    for item in located:
        row = item.row
        assert isinstance(row, Unanswered)
        rows.append(row)
        if not row.confirmed:
            continue
        unknown = [target for target in row.proposal if target not in known_ids]
        if row.proposal and not unknown:
            phrases = (row.question, *row.variants)
            taught += [Taught(phrases, target) for target in row.proposal]
            continue
        written = ", ".join(row.proposal)
        problems.append(
            replace(
                item.problem(
                    "voorstel",
                    written,
                    f"'{', '.join(unknown) or written}' is geen id uit Functies, Portefeuilles, "
                    "Organen, Planning of Kennis; deze vraag leert de bot dus nog niets",
                    "Zet in voorstel het id van wat de vraag bedoelt (of voeg een Kennis-rij "
                    "toe en zet akkoord leeg).",
                ),
                severity="waarschuwing",
            )
        )
    return tuple(rows), tuple(taught)


def _missing_tab(tab: str) -> Problem:
    if tab in NEWER_TABS:
        return Problem(
            tab=tab,
            reason=f"tabblad '{tab}' ontbreekt; de bot antwoordt intussen uit de andere tabbladen",
            fix="Draai 'g40bot init-sheet': dat voegt alleen de ontbrekende tabbladen toe, met "
            "de startgegevens, en laat de andere staan.",
            severity="waarschuwing",
        )
    return Problem(
        tab=tab,
        reason=f"tabblad '{tab}' ontbreekt",
        fix=f"Maak een tabblad '{tab}' met de kolommen uit docs/sheet.md "
        "(of draai 'g40bot init-sheet').",
    )


@dataclass
class _ReferenceChecks:
    """Drops references to ids that do not exist, reporting each once; a reference to a row
    that is itself invalid is dropped silently, since that row's own problem says why."""

    role_ids: set[str]
    person_ids: set[str]
    reported_roles: set[str]
    reported_people: set[str]
    problems: list[Problem]

    def roles(self, item: _Located, column: str, ids: list[str]) -> list[str]:
        unknown_ids = (i for i in ids if i not in self.role_ids and i not in self.reported_roles)
        for unknown in unknown_ids:
            self.problems.append(
                item.problem(
                    column,
                    unknown,
                    f"functie '{unknown}' staat niet in Functies",
                    "Gebruik ids uit de kolom id van het tabblad Functies, met komma's ertussen.",
                )
            )
        return [role_id for role_id in ids if role_id in self.role_ids]

    def person(self, item: _Located, column: str, person_id: str | None) -> str | None:
        if person_id is None or person_id in self.person_ids:
            return person_id
        if person_id in self.reported_people:
            return None
        self.problems.append(
            item.problem(
                column,
                person_id,
                f"persoon '{person_id}' staat niet in Personen",
                "Voeg de persoon toe aan Personen, of gebruik een bestaand id.",
            )
        )
        return None
