"""The loop with staff: what members asked that the bot could not answer.

Every question answered with "dat weet ik niet" (or only with readings to choose from) is
counted — its words and when, never who asked — and so is every reading a person picked,
the strongest hint of a missing alias. Staff see them grouped (near-identical wordings
together), each group with the likeliest thing it is about: in `g40bot unanswered`, in the
Onbeantwoord tab the clock writes, and in a weekly line in the staff conversation. Staff
confirm a proposal with one edit (`akkoord` = ja) or add a Kennis row; the next refresh
answers those questions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from rapidfuzz import fuzz

from bot.answers.lexicon import SEARCH_STOPWORDS
from bot.dates import AMSTERDAM
from bot.models import RawCell, Target, Unanswered, build_snapshot, header_key
from bot.reply import Language, Reply
from bot.store.unanswered import Asked, UnansweredLog
from bot.text import clean, words

# Wordings whose subjects are at least this alike (rapidfuzz's ratio) are one group.
SAME_QUESTION = 85
MAX_VARIANTS = 5


def question_key(question: str) -> str:
    """The question folded to its words: 'Wie is X?' and 'wie is x' count as one."""
    return " ".join(words(clean(question)))


Readings = Callable[[str], Sequence[Target]]


@dataclass
class Group:
    """Near-identical questions: the most asked wording, the others, how often and when, and
    the proposal staff confirm (from the readings people picked, else the engine's best)."""

    question: str
    language: Language
    variants: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    times: int = 0
    first_asked: datetime | None = None
    last_asked: datetime | None = None
    picked: int = 0
    proposal: Target | None = None


class UnansweredQuestions:
    """`readings`: what a question most likely asks about, to propose a target per group."""

    def __init__(
        self,
        log: UnansweredLog,
        readings: Readings,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.log = log
        self.readings = readings
        self.now = now

    def heard(self, question: str, reply: Reply) -> None:
        """Count a question the bot could not answer, or only by offering readings."""
        if reply.kind not in ("fallback", "clarify"):
            return  # answered: the common case, costs nothing more
        key = question_key(question)
        if key:
            self.log.record(key, clean(question), reply.language, reply.kind, self.now())

    def picked(self, question: str, chosen: str) -> None:
        """Someone picked `chosen` among the readings offered for `question`."""
        key = question_key(question)
        if key:
            self.log.record_pick(key, clean(chosen), self.now())

    def groups(self, since: datetime | None = None) -> list[Group]:
        """Near-identical questions together, most asked first, each with a proposal."""
        groups: list[Group] = []
        subjects: list[str] = []  # each group's first wording's subject
        for asked in self.log.asked(since):
            subject = _subject(asked.key)
            same = next(
                (
                    n
                    for n, known in enumerate(subjects)
                    if fuzz.ratio(known, subject) >= SAME_QUESTION
                ),
                None,
            )
            if same is None:
                group = Group(asked.question, asked.language)
                groups.append(group)
                subjects.append(subject)
            else:
                group = groups[same]
            _add(group, asked)
        picks: dict[str, dict[str, int]] = {}
        for pick in self.log.picks():
            picks.setdefault(pick.key, {})[pick.picked] = pick.times
        for group in groups:
            chosen: dict[str, int] = {}
            for key in group.keys:
                for picked, times in picks.get(key, {}).items():
                    chosen[picked] = chosen.get(picked, 0) + times
            group.picked = sum(chosen.values())
            source = max(chosen, key=lambda q: chosen[q]) if chosen else group.question
            found = self.readings(source)
            group.proposal = found[0] if found else None
        return sorted(groups, key=lambda g: (-g.times, -g.picked, g.question))


def _subject(key: str) -> str:
    """What a question is about: its words without question and filler words, sorted. Two
    questions that share only 'wie regelt de' are different questions; a confirmed group
    teaches all its wordings, so grouping them would teach a wrong answer."""
    content = sorted(word for word in key.split() if word not in SEARCH_STOPWORDS)
    return " ".join(content) or key


def _add(group: Group, asked: Asked) -> None:
    group.keys.append(asked.key)
    if asked.question != group.question and len(group.variants) < MAX_VARIANTS:
        group.variants.append(asked.question)
    group.times += asked.times
    group.first_asked = min(filter(None, (group.first_asked, asked.first_asked)))
    group.last_asked = max(filter(None, (group.last_asked, asked.last_asked)))


# --- the Onbeantwoord tab -----------------------------------------------------------------------


# What staff decide on a row, kept as they typed it by every rewrite.
_DECISIONS = ("voorstel", "voorstel_naam", "akkoord")


@dataclass(frozen=True)
class StaffEdits:
    """The tab as staff left it, by question key: their decisions as typed (also a value the
    bot cannot read, such as 'Ja!': check-sheet keeps pointing at it until it is fixed), the
    cells of columns they added (notes, an owner…), and which rows the bot could read."""

    headers: tuple[RawCell, ...] = ()
    rows: dict[str, dict[str, RawCell]] = field(default_factory=dict)
    extra: dict[str, list[RawCell]] = field(default_factory=dict)
    readable: dict[str, Unanswered] = field(default_factory=dict)

    @classmethod
    def of(cls, current: Sequence[Sequence[RawCell]]) -> StaffEdits:
        if not current:
            return cls()
        names = [header_key(cell) for cell in current[0]]
        if "vraag" not in names:
            return cls()
        ours = {header_key(column) for column in Unanswered.columns()}
        added = [n for n, name in enumerate(names) if name and name not in ours]
        rows: dict[str, dict[str, RawCell]] = {}
        extra: dict[str, list[RawCell]] = {}
        for row in current[1:]:
            padded = [*row, *[""] * (len(names) - len(row))]
            key = question_key(str(padded[names.index("vraag")] or ""))
            if not key:
                continue
            rows[key] = {name: padded[n] for n, name in enumerate(names) if name in ours}
            extra[key] = [padded[n] for n in added]
        readable = {
            question_key(row.question): row
            for row in build_snapshot({Unanswered.tab: current}).unanswered
        }
        return cls(tuple(current[0][n] for n in added), rows, extra, readable)

    def added(self, key: str) -> list[RawCell]:
        return self.extra.get(key, [""] * len(self.headers))


def _typed(cell: RawCell) -> str:
    return str(cell if cell is not None else "").strip()


def tab_rows(groups: Sequence[Group], staff: StaffEdits | None = None) -> list[list[RawCell]]:
    """The Onbeantwoord tab as the bot writes it: one row per group, header first. What staff
    decided on a row (its proposal, `akkoord`) is kept as they typed it for the same question,
    and so are the cells of columns staff added."""
    staff = staff or StaffEdits()
    earlier_rows = dict(staff.rows)
    header: list[RawCell] = list(Unanswered.columns())
    rows: list[list[RawCell]] = [[*header, *staff.headers]]
    for group in groups:
        key = question_key(group.question)
        earlier = earlier_rows.pop(key, {})
        proposal = group.proposal
        if _typed(earlier.get("voorstel")):
            decided = {name: earlier.get(name) for name in _DECISIONS}
        else:
            decided = {
                "voorstel": proposal.id if proposal else "",
                "voorstel_naam": proposal.label if proposal else "",
                "akkoord": earlier.get("akkoord"),
            }
        values: dict[str, RawCell] = {
            "vraag": group.question,
            "varianten": "\n".join(group.variants),
            "aantal": group.times,
            "gekozen": group.picked,
            "eerst_gezien": _day(group.first_asked),
            "laatst_gezien": _day(group.last_asked),
            **decided,
        }
        cells = [_or_empty(values.get(str(column))) for column in header]
        rows.append([*cells, *staff.added(key)])
    # Rows staff confirmed stay, also once nobody asks them any more: they teach the bot. So
    # do rows whose decision the bot cannot read, until staff fix it.
    for key, earlier in earlier_rows.items():
        readable = staff.readable.get(key)
        confirmed = (
            readable.confirmed if readable is not None else bool(_typed(earlier.get("akkoord")))
        )
        if confirmed:
            kept = ("vraag", "varianten", *_DECISIONS)
            cells = [_or_empty(earlier.get(str(c))) if c in kept else "" for c in header]
            rows.append([*cells, *staff.added(key)])
    return rows


def _or_empty(cell: RawCell) -> RawCell:
    return "" if cell is None else cell


class TabWriter(Protocol):
    def replace_tab(
        self,
        tab: str,
        rows_for: Callable[[list[list[RawCell]]], Sequence[Sequence[RawCell]]],
    ) -> None: ...


def publish(writer: TabWriter, groups: Sequence[Group]) -> None:
    """Rewrite the Onbeantwoord tab, keeping what staff decided on its rows."""

    def rows_for(current: list[list[RawCell]]) -> list[list[RawCell]]:
        return tab_rows(groups, StaffEdits.of(current))

    writer.replace_tab(Unanswered.tab, rows_for)


def _day(moment: datetime | None) -> date | None:
    return moment.astimezone(AMSTERDAM).date() if moment else None


def describe(group: Group, language: Language = "nl") -> str:
    """One group as `g40bot unanswered` prints it."""
    dutch = language == "nl"
    text = f"{group.times}× '{group.question}'"
    if group.variants:
        others = "; ".join(f"'{v}'" for v in group.variants)
        text += f" (ook: {others})" if dutch else f" (also: {others})"
    if group.picked:
        text += (
            f"; {group.picked}× een lezing gekozen"
            if dutch
            else f"; reading picked {group.picked}×"
        )
    if group.proposal is not None:
        proposal = f"{group.proposal.label} ({group.proposal.id})"
        text += f" → voorstel: {proposal}" if dutch else f" → proposal: {proposal}"
    return text


def weekly_line(groups: Sequence[Group], language: Language = "nl") -> str | None:
    """The staff conversation's weekly line: how many questions found no answer, the most
    asked, and where to see them all; None in a week without any."""
    if not groups:
        return None
    times = sum(g.times for g in groups)
    top = groups[0]
    if language == "nl":
        return (
            f"Deze week {times} vraag/vragen zonder (zeker) antwoord, {len(groups)} verschillende; "
            f"het meest: '{top.question}' ({top.times}×). Zet bij een goed voorstel 'ja' in "
            "de kolom akkoord van het tabblad Onbeantwoord, of voeg een Kennis-rij toe "
            "(ook: g40bot unanswered)."
        )
    return (
        f"This week {times} question(s) without a (sure) answer, {len(groups)} different; the "
        f"most asked: '{top.question}' ({top.times}×). Type 'ja' in the akkoord column of the "
        "Onbeantwoord tab for a good proposal, or add a Kennis row (also: g40bot unanswered)."
    )
