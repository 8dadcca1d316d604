"""Candidacy rules (pure: no platform, no database, no clock of its own).

Who may stand for what, when, with which fields; whether a submission replaces an earlier one;
what goes into the Kandidaturen tab. Every platform (Slack modal, console dialogue, Teams card)
asks these functions, so the rules are the same wherever a candidate submits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from bot.dates import AMSTERDAM
from bot.forms import FieldSpec, FormSpec, Option
from bot.i18n import format_day, pick, say
from bot.models import CANDIDACY_PHASE_ID, Candidacy, Phase, RawCell, Role, Snapshot
from bot.reply import Language
from bot.text import clean, fold

# --- the form ---------------------------------------------------------------------------------

FIELDS = ("role", "name", "email", "municipality", "office", "motivation", "confirmed")
OFFICES = ("burgemeester", "wethouder", "anders")
_OFFICE_WORDS = {
    "burgemeester": "burgemeester",
    "mayor": "burgemeester",
    "wethouder": "wethouder",
    "alderman": "wethouder",
    "alderwoman": "wethouder",
    "anders": "anders",
    "other": "anders",
    "overig": "anders",
}
OFFICE_TITLES: dict[str, tuple[str, str]] = {
    "burgemeester": ("Burgemeester", "Mayor"),
    "wethouder": ("Wethouder", "Alderman"),
    "anders": ("Anders", "Other"),
}

MAX_NAME = 100
MAX_EMAIL = 254
MIN_MOTIVATION = 20
MAX_MOTIVATION = 2000
# What a text field may hold before we even look at it: a pasted novel is refused, not parsed.
MAX_RAW_INPUT = 10_000

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)

Status = Literal["ingediend", "vervangen", "ingetrokken"]
SUBMITTED: Status = "ingediend"
REPLACED: Status = "vervangen"
WITHDRAWN: Status = "ingetrokken"


@dataclass(frozen=True)
class Form:
    """What the candidate entered, as entered (any platform)."""

    role: str = ""
    name: str = ""
    email: str = ""
    municipality: str = ""
    office: str = ""
    motivation: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class Candidate:
    """A form that passed every field rule, in canonical form (role id, the sheet's spelling of
    the municipality, a lower-case e-mail address)."""

    role: str
    name: str
    email: str
    municipality: str
    office: str
    motivation: str


@dataclass(frozen=True)
class Submission:
    """A stored candidacy. Moments are timezone-aware."""

    submission_id: str
    platform: str
    user_id: str
    candidate: Candidate
    language: Language
    status: Status
    submitted_at: datetime
    updated_at: datetime

    @property
    def active(self) -> bool:
        return self.status == SUBMITTED


# --- roles and municipalities -----------------------------------------------------------------


def electable_roles(snapshot: Snapshot) -> list[Role]:
    """The functions one can stand for, in the order of the Functies tab: every elected role
    (the board, and each pillar's chair and vice-chair as their own rows)."""
    return [role for role in snapshot.roles.values() if role.elected]


def role_title(role: Role, language: Language) -> str:
    return pick(language, role.title, role.title_en)


def title_of(snapshot: Snapshot, role_id: str, language: Language) -> str:
    role = snapshot.roles.get(role_id)
    return role_title(role, language) if role else role_id


def _key(text: str) -> str:
    """Matching key: case, accents, spaces and punctuation ignored ('s-Hertogenbosch')."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def match_role(snapshot: Snapshot, text: str) -> Role | None:
    """The electable role named by its id, Dutch or English title, or an alias."""
    wanted = _key(text)
    if not wanted:
        return None
    for role in electable_roles(snapshot):
        names = [role.id, role.title, role.title_en, *role.aliases]
        if any(_key(name) == wanted for name in names if name):
            return role
    return None


def match_municipality(snapshot: Snapshot, text: str) -> str | None:
    """The member municipality, as the sheet spells it."""
    wanted = _key(text)
    return next((m for m in snapshot.municipalities if _key(m) == wanted), None) if wanted else None


def match_office(text: str) -> str | None:
    return _OFFICE_WORDS.get(fold(text.strip()))


def office_title(office: str, language: Language) -> str:
    dutch, english = OFFICE_TITLES.get(office, (office, office))
    return dutch if language == "nl" else english


# --- the form, as every platform shows it -------------------------------------------------------


def role_options(snapshot: Snapshot, language: Language) -> tuple[Option, ...]:
    return tuple(Option(role.id, role_title(role, language)) for role in electable_roles(snapshot))


def municipality_options(snapshot: Snapshot, _language: Language) -> tuple[Option, ...]:
    return tuple(Option(name, name) for name in snapshot.municipalities)


def office_options(_snapshot: Snapshot, language: Language) -> tuple[Option, ...]:
    return tuple(Option(office, office_title(office, language)) for office in OFFICES)


CANDIDACY_FORM = FormSpec(
    name="candidacy",
    title="cand_modal_title",
    submit="cand_modal_submit",
    close="cand_modal_close",
    choose="cand_modal_choose",
    refresh="cand_show_details",
    fields=(
        FieldSpec(
            "role",
            "choice",
            "cand_label_role",
            "cand_console_role",
            options=role_options,
            details=True,
        ),
        FieldSpec("name", "text", "cand_label_name", "cand_console_name", max_length=MAX_NAME),
        FieldSpec("email", "email", "cand_label_email", "cand_console_email", max_length=MAX_EMAIL),
        FieldSpec(
            "municipality",
            "choice",
            "cand_label_municipality",
            "cand_console_municipality",
            options=municipality_options,
        ),
        FieldSpec(
            "office", "radio", "cand_label_office", "cand_console_office", options=office_options
        ),
        FieldSpec(
            "motivation",
            "long_text",
            "cand_label_motivation",
            "cand_console_motivation",
            max_length=MAX_MOTIVATION,
            hint="cand_modal_motivation_hint",
        ),
        FieldSpec(
            "confirmed",
            "confirm",
            "cand_confirm_block",
            "cand_console_confirmed",
            confirm="cand_confirm_option",
        ),
    ),
)
assert tuple(spec.name for spec in CANDIDACY_FORM.fields) == FIELDS


# --- field rules ------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(clean(text[:MAX_RAW_INPUT]).split())


def _paragraphs(text: str) -> str:
    lines = text[:MAX_RAW_INPUT].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(clean(line) for line in lines).strip()


def check_field(
    field: str, value: str | bool, snapshot: Snapshot, language: Language
) -> tuple[str, str | None]:
    """(the canonical value, None) or (the value as given, the message saying how to fix it)."""
    lang = language
    if field == "confirmed":
        return ("ja", None) if value is True else ("", say(lang, "cand_err_confirm"))
    text = value if isinstance(value, str) else ""
    if field == "role":
        role = match_role(snapshot, text)
        if role is not None:
            return role.id, None
        if not text.strip():
            return text, say(lang, "cand_err_role_missing")
        roles = ", ".join(role_title(r, lang) for r in electable_roles(snapshot))
        return text, say(lang, "cand_err_role", value=_one_line(text)[:60], roles=roles)
    if field == "name":
        name = _one_line(text)
        if not name:
            return name, say(lang, "cand_err_name_missing")
        if len(name) > MAX_NAME:
            return name, say(lang, "cand_err_too_long", length=len(name), max=MAX_NAME)
        return name, None
    if field == "email":
        email = _one_line(text).replace(" ", "")
        if not email:
            return email, say(lang, "cand_err_email_missing")
        if len(email) > MAX_EMAIL:
            return email, say(lang, "cand_err_too_long", length=len(email), max=MAX_EMAIL)
        if not _EMAIL.fullmatch(email):
            return email, say(lang, "cand_err_email", value=email[:60])
        return email.casefold(), None
    if field == "municipality":
        found = match_municipality(snapshot, text)
        if found is not None:
            return found, None
        if not text.strip():
            return text, say(lang, "cand_err_municipality_missing")
        return text, say(
            lang,
            "cand_err_municipality",
            value=_one_line(text)[:60],
            count=len(snapshot.municipalities),
        )
    if field == "office":
        office = match_office(text)
        if office is not None:
            return office, None
        choices = ", ".join(office_title(o, lang).casefold() for o in OFFICES)
        return text, say(lang, "cand_err_office", choices=choices)
    if field == "motivation":
        motivation = _paragraphs(text)
        if len(motivation) < MIN_MOTIVATION:
            return motivation, say(
                lang, "cand_err_motivation_short", length=len(motivation), min=MIN_MOTIVATION
            )
        if len(motivation) > MAX_MOTIVATION:
            return motivation, say(
                lang, "cand_err_too_long", length=len(motivation), max=MAX_MOTIVATION
            )
        return motivation, None
    raise ValueError(f"unknown candidacy field {field!r}")


@dataclass(frozen=True)
class Checked:
    candidate: Candidate | None
    errors: dict[str, str]


def validate(form: Form, snapshot: Snapshot, language: Language) -> Checked:
    """Every field rule at once; errors keyed by field name (see FIELDS)."""
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    for field in FIELDS:
        value, error = check_field(field, getattr(form, field), snapshot, language)
        values[field] = value
        if error:
            errors[field] = error
    if errors:
        return Checked(None, errors)
    values.pop("confirmed")
    return Checked(Candidate(**values), {})


def earlier_active(
    submissions: Iterable[Submission], platform: str, user_id: str, role: str
) -> Submission | None:
    """The person's active candidacy for this function, which a new one would replace (only
    after they confirm): one active candidacy per person per function."""
    return next(
        (
            s
            for s in submissions
            if s.active and s.platform == platform and s.user_id == user_id
            if s.candidate.role == role
        ),
        None,
    )


# --- the candidacy window ---------------------------------------------------------------------

WindowState = Literal["unknown", "not_yet", "open", "closed"]


@dataclass(frozen=True)
class Window:
    """The kandidaatstelling phase as it applies at one moment (aware datetimes)."""

    state: WindowState
    phase: Phase | None
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.state == "open"

    @property
    def before_deadline(self) -> bool:
        """Withdrawing is allowed until the deadline; after it (or without dates) nothing
        changes."""
        return self.state in ("not_yet", "open")


def _opening(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=AMSTERDAM)
    return datetime.combine(moment, time(0), tzinfo=AMSTERDAM)


def _closing(moment: date | datetime) -> datetime:
    """A date-only end means through the end of that day."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=AMSTERDAM)
    return datetime.combine(moment + timedelta(days=1), time(0), tzinfo=AMSTERDAM)


def candidacy_window(snapshot: Snapshot, now: datetime) -> Window:
    """Open only while `now` (aware) lies within the kandidaatstelling phase of the Planning
    tab, in Europe/Amsterdam; a phase without both dates is closed."""
    phase = snapshot.phases.get(CANDIDACY_PHASE_ID)
    if phase is None or phase.start is None or phase.end is None:
        return Window("unknown", phase)
    opens_at, closes_at = _opening(phase.start), _closing(phase.end)
    if now < opens_at:
        return Window("not_yet", phase, opens_at, closes_at)
    if now >= closes_at:
        return Window("closed", phase, opens_at, closes_at)
    return Window("open", phase, opens_at, closes_at)


def window_message(window: Window, language: Language, contact: str | None) -> str:
    """Why a candidacy cannot be submitted (or changed) now, and whom to ask."""
    lang = language
    who = contact or say(lang, "cand_secretariat")
    phase = window.phase
    if window.state == "unknown" or phase is None or phase.start is None or phase.end is None:
        return say(lang, "cand_window_unknown", who=who)
    if window.state == "not_yet":
        return say(lang, "cand_window_not_yet", start=format_day(phase.start, lang), who=who)
    if window.state == "closed":
        return say(lang, "cand_window_closed", end=format_day(phase.end, lang), who=who)
    return say(lang, "cand_window_open", end=format_day(phase.end, lang))


# --- what the sheet and the people see ----------------------------------------------------------


def sheet_row(submission: Submission) -> dict[str, RawCell]:
    """The Kandidaturen row (column name -> value); moments as Amsterdam wall-clock time."""
    candidate = submission.candidate
    row: dict[str, RawCell] = {
        "inzending_id": submission.submission_id,
        "ingediend_op": _wall_clock(submission.submitted_at),
        "functie": candidate.role,
        "naam": candidate.name,
        "gemeente": candidate.municipality,
        "huidige_functie": candidate.office,
        "email": candidate.email,
        "motivatie": candidate.motivation,
        "platform": submission.platform,
        "gebruiker_id": submission.user_id,
        "status": submission.status,
        "bijgewerkt_op": _wall_clock(submission.updated_at),
    }
    assert set(row) <= set(Candidacy.columns())
    return row


def _wall_clock(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM).replace(tzinfo=None, second=0, microsecond=0)


def status_title(status: str, language: Language) -> str:
    if status in (SUBMITTED, REPLACED, WITHDRAWN):
        return say(language, f"cand_status_{status}")
    return status


def candidate_summary(
    candidate: Candidate, snapshot: Snapshot, language: Language, *, motivation_chars: int = 300
) -> tuple[tuple[str, str], ...]:
    """Label/value facts of a candidacy, for confirmations and receipts."""
    lang = language
    motivation = candidate.motivation
    if len(motivation) > motivation_chars:
        motivation = motivation[: motivation_chars - 1] + "…"
    return (
        (say(lang, "cand_label_role"), title_of(snapshot, candidate.role, lang)),
        (say(lang, "cand_label_name"), candidate.name),
        (say(lang, "cand_label_email"), candidate.email),
        (say(lang, "cand_label_municipality"), candidate.municipality),
        (say(lang, "cand_label_office"), office_title(candidate.office, lang)),
        (say(lang, "cand_label_motivation"), motivation),
    )


def summary(
    submission: Submission, snapshot: Snapshot, language: Language
) -> tuple[tuple[str, str], ...]:
    return (
        *candidate_summary(submission.candidate, snapshot, language),
        (say(language, "cand_label_submission"), submission.submission_id),
    )


def role_details(role: Role, language: Language, *, limit: int = 2900) -> str:
    """The role's tasks and time commitment, as shown before the candidate confirms."""
    lang = language
    tasks = pick(lang, role.tasks, role.tasks_en)
    commitment = pick(lang, role.time_commitment, role.time_commitment_en)
    parts = [say(lang, "tasks", role=role_title(role, lang))]
    parts += [f"• {task}" for task in tasks] or [say(lang, "no_tasks", role=role_title(role, lang))]
    parts.append(f"{say(lang, 'time')}: {commitment or say(lang, 'no_time', role=role.title)}")
    text = "\n".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- staff ------------------------------------------------------------------------------------


def is_staff(
    snapshot: Snapshot,
    *,
    slack_id: str | None = None,
    teams_id: str | None = None,
    email: str | None = None,
) -> bool:
    """Listed in the Beheerders tab by chat id or e-mail address."""
    for member in snapshot.staff:
        if slack_id and member.slack_id and member.slack_id.strip() == slack_id:
            return True
        if teams_id and member.teams_id and member.teams_id.strip() == teams_id:
            return True
        if email and member.email and member.email == email.strip().casefold():
            return True
    return False


def group_by_role(
    submissions: Sequence[Submission], snapshot: Snapshot
) -> Mapping[str, list[Submission]]:
    """Submissions per role id, in the Functies order (unknown roles last)."""
    order = {role_id: index for index, role_id in enumerate(snapshot.roles)}
    grouped: dict[str, list[Submission]] = {}
    for submission in sorted(
        submissions, key=lambda s: (order.get(s.candidate.role, len(order)), s.submitted_at)
    ):
        grouped.setdefault(submission.candidate.role, []).append(submission)
    return grouped
