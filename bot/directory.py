"""Question -> answer, from the snapshot alone. Pure: no I/O, no platform, no clock.

A question is read in three steps: which thing it names (a role, portfolio, phase, person or
municipality — by alias, typo-tolerant), what it asks about that thing (holder, tasks, time,
support, contact, ...), and in which language. Every name and date in an answer comes from the
snapshot; a role without a holder says so.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.dates import day_of
from bot.i18n import EXAMPLES, format_day, format_span, language_of, pick, say
from bot.models import CANDIDACY_PHASE_ID, Person, Phase, Portfolio, Role, Snapshot, Target
from bot.reply import Language, Link, Reply
from bot.text import MAX_QUESTION_CHARS, clean, fold, words

_T = TypeVar("_T")
EntityKind = Literal["role", "portfolio", "phase", "person", "municipality"]

STOPWORDS = frozenset(
    "de het een van der den the of a an en and g40 in op voor for bij at to naar over about "
    "met with s".split()
)
# Question words: never part of a name, so never fuzzy-matched against one.
QUESTION_WORDS = frozenset(
    "wie wat waar hoe welke welk is zijn heeft hebben who what which how are has have holds "
    "hold houder holder bekleedt vervult ik je jij u mijn my i you can could kan kun mag moet "
    "wil graag please tell me vertel zit zitten sits sit er dit dat deze die this that nu "
    "momenteel currently now huidige current iemand someone persoon person rol role functie "
    "function doe moeten should would does do doet doen".split()
)
FACETS: dict[str, frozenset[str]] = {
    "tasks": frozenset(
        "doet doen does do taken taak takenpakket taakomschrijving omschrijving "
        "functieomschrijving beschrijving verantwoordelijkheden verantwoordelijk tasks task "
        "duties duty responsibilities responsible description".split()
    ),
    "competences": frozenset(
        "competenties competentie vaardigheden eisen profiel kwaliteiten competences "
        "competencies competence skills requirements profile qualities".split()
    ),
    "time": frozenset(
        "tijdsbeslag tijd uur uren fte tijdsinvestering werkdruk time hours commitment "
        "workload".split()
    ),
    "paid": frozenset(
        "betaald bezoldigd onbezoldigd bezoldiging vergoeding salaris betaling geld verdient "
        "verdienen paid unpaid salary pay compensation allowance remuneration earn earns".split()
    ),
    "support": frozenset(
        "ondersteunt ondersteund ondersteuning ondersteunen ondersteuner helpt support "
        "supports supported supporting supporter assists assist".split()
    ),
    "deputies": frozenset(
        "vervangt vervanger vervangers vervanging vervangen waarnemer waarneming replaces "
        "replace substitute substitutes replacement standin".split()
    ),
    "contact": frozenset(
        "contact contacten contactpersoon contactgegevens mail email e mailadres emailadres "
        "mailen bereiken bellen telefoon telefoonnummer aanspreekpunt informatie info reach "
        "phone call whom contacting details".split()
    ),
}
WEAK_TASK_WORDS = frozenset({"doet", "doen", "does", "do"})
PLANNING_WORDS = frozenset(
    "wanneer when planning datum data dates date agenda schedule verkiezing verkiezingen "
    "election elections fase fases phase phases deadline deadlines tijdlijn timeline tijdpad "
    "kalender calendar".split()
)
CANDIDACY_WORDS = frozenset(
    "kandidaat kandideren kandidatuur kandidaatstelling kandidaten verkiesbaar aanmelden "
    "inschrijven candidacy candidate candidates candidature apply nominate nomination".split()
)
MEMBER_WORDS = frozenset(
    "gemeenten gemeente steden stad leden lid members member municipalities municipality "
    "cities city deelnemers aangesloten".split()
)
GREETINGS = frozenset(
    "hoi hallo hey hi hello goedemorgen goedemiddag goedenavond dag morning".split()
)
THANKS = frozenset("dank bedankt dankjewel dankuwel thanks thank thx merci top".split())
HELP_WORDS = frozenset("help hulp helpen menu commands commandos".split())
PILLAR_WORDS = frozenset({"pijler", "pijlers", "pillar", "pillars"})
_NOT_NAMES = QUESTION_WORDS | PLANNING_WORDS | CANDIDACY_WORDS | MEMBER_WORDS | HELP_WORDS
_NOT_NAMES = _NOT_NAMES.union(*FACETS.values())
_MAX_WINDOW = 6
_MAX_FUZZY = 4


def _key(tokens: Iterable[str]) -> str:
    return "".join(tokens)


def _name_tokens(text: str) -> list[str]:
    return [token for token in words(text) if token not in STOPWORDS]


def allowed_typos(key: str) -> int:
    """How many edits a name of this length may carry and still be recognised for sure."""
    if len(key) <= 4:
        return 0
    if len(key) <= 8:
        return 1
    return 2 if len(key) <= 14 else 3


@dataclass(frozen=True)
class Entity:
    kind: EntityKind
    id: str


@dataclass(frozen=True)
class Match:
    entities: tuple[Entity, ...]
    start: int
    end: int
    key: str
    distance: int
    window_first: str

    @property
    def sure(self) -> bool:
        """Within the typo budget, and a typo never in the first letter ('hobby' is no 'lobby')."""
        return self.distance <= allowed_typos(self.key) and (
            self.distance == 0 or self.window_first == self.key[0]
        )

    @property
    def weight(self) -> tuple[int, int, int]:
        return (len(self.key) - 3 * self.distance, -self.distance, self.end - self.start)


@dataclass
class Index:
    """Every way the snapshot's things can be named, folded and without stopwords."""

    # Each name's entities in sheet order (a dict is an ordered set), so groups list as staff do.
    names: dict[str, dict[Entity, None]] = field(default_factory=dict)
    display: dict[Entity, tuple[str, str]] = field(default_factory=dict)
    # For 'secretaris' + 'pijler Fysiek': each pillar role's aliases without the pillar's words.
    pillar_role_keys: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    portfolio_pillar: dict[str, str] = field(default_factory=dict)

    def add(self, entity: Entity, labels: tuple[str, str], names: Iterable[str]) -> None:
        self.display[entity] = labels
        for name in names:
            key = _key(_name_tokens(name))
            if key:
                self.names.setdefault(key, {})[entity] = None


def build_index(snapshot: Snapshot) -> Index:
    index = Index()
    for role in snapshot.roles.values():
        index.add(
            Entity("role", role.id),
            (role.title, role.title_en or role.title),
            [role.id.replace("-", " "), role.title, role.title_en, *role.aliases],
        )
    for portfolio in snapshot.portfolios.values():
        index.add(
            Entity("portfolio", portfolio.id),
            (portfolio.name, portfolio.name_en or portfolio.name),
            [portfolio.id.replace("-", " "), portfolio.name, portfolio.name_en, *portfolio.aliases],
        )
    for phase in snapshot.phases.values():
        index.add(
            Entity("phase", phase.id),
            (phase.name, phase.name_en or phase.name),
            [phase.id.replace("-", " "), phase.name, phase.name_en, *phase.aliases],
        )
    for person in snapshot.people.values():
        surname = _name_tokens(person.name)[-1:] if person.name else []
        index.add(
            Entity("person", person.id),
            (person.name, person.name),
            [person.name, *(s for s in surname if len(s) >= 5)],
        )
    for municipality in snapshot.municipalities:
        index.add(
            Entity("municipality", fold(municipality)), (municipality, municipality), [municipality]
        )

    # What staff taught in the Onbeantwoord tab names a thing just as its aliases do.
    by_id = {entity.id: entity for entity in index.display if entity.kind != "person"}
    for taught in snapshot.taught:
        entity = by_id.get(taught.target)
        if entity is not None:
            index.add(entity, index.display[entity], taught.phrases)

    for pillar_portfolio in (p for p in snapshot.portfolios.values() if p.kind == "pijler"):
        chair = snapshot.roles.get(pillar_portfolio.role)
        if chair is None or chair.pillar is None:
            continue
        index.portfolio_pillar[pillar_portfolio.id] = chair.pillar
        pillar_tokens = set(_name_tokens(chair.pillar)) | PILLAR_WORDS
        for name in [pillar_portfolio.name, pillar_portfolio.name_en, *pillar_portfolio.aliases]:
            pillar_tokens |= set(_name_tokens(name))
        keys = index.pillar_role_keys.setdefault(chair.pillar, {})
        for role in (r for r in snapshot.roles.values() if r.pillar == chair.pillar):
            for name in [role.title, role.title_en, *role.aliases]:
                stripped = _strip_pillar(_name_tokens(name), pillar_tokens)
                if stripped:
                    keys.setdefault(stripped, set()).add(role.id)
    return index


def _strip_pillar(tokens: list[str], pillar_tokens: set[str]) -> str:
    kept = [token for token in tokens if token not in pillar_tokens]
    joined = _key(kept)
    for prefix in ("pijler", "pillar"):
        if joined.startswith(prefix) and len(joined) > len(prefix) + 3:
            joined = joined[len(prefix) :]
    return joined


# --- reading a question -----------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What a question asks: the thing it names (if sure), its facets, and its language."""

    language: Language
    tokens: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    unsure: tuple[Entity, ...] = ()
    facets: frozenset[str] = frozenset()
    truncated: bool = False
    blank: bool = False


def read_question(text: str, index: Index, language: Language | None = None) -> Reading:
    cleaned = clean(text)
    truncated = len(cleaned) > MAX_QUESTION_CHARS
    tokens = words(cleaned[:MAX_QUESTION_CHARS])
    content = [token for token in tokens if token not in STOPWORDS]
    detected = language or language_of(tokens) or "nl"
    matches = _find_matches(content, index)
    sure = [m for m in matches if m.sure]
    best = max(sure, key=lambda m: m.weight) if sure else None
    entities: tuple[Entity, ...] = ()
    covered: set[int] = set()
    if best is not None:
        entities, covered = _resolve(best, sure, content, index)
    outside = frozenset(t for i, t in enumerate(content) if i not in covered)
    facets = frozenset(name for name, keywords in FACETS.items() if outside & keywords)
    strong_tasks = outside & (FACETS["tasks"] - WEAK_TASK_WORDS)
    if (facets - {"tasks"} or outside & {"wie", "who"}) and not strong_tasks:
        # "how much time does it take", "wie doet financiën?": 'does' is grammar here.
        facets -= {"tasks"}
    if not facets and outside & {"rol", "role"} and not outside & {"wie", "who"}:
        # "wat is de rol van de eerste vicevoorzitter?" asks what it does; "wie heeft die rol?"
        # asks who holds it.
        facets = frozenset({"tasks"})
    unsure: tuple[Entity, ...] = ()
    if not entities:
        ranked = sorted((m for m in matches if not m.sure), key=lambda m: m.weight, reverse=True)
        options: list[Entity] = []
        for match in ranked:
            for entity in match.entities:
                if entity not in options and entity.kind != "municipality":
                    options.append(entity)
        unsure = tuple(options[:3])
    return Reading(
        language=detected,
        tokens=tuple(content),
        entities=entities,
        unsure=unsure,
        facets=facets,
        truncated=truncated,
        blank=not tokens,
    )


def _find_matches(content: Sequence[str], index: Index) -> list[Match]:
    matches: list[Match] = []
    keys = list(index.names)
    for start in range(len(content)):
        for end in range(start + 1, min(start + _MAX_WINDOW, len(content)) + 1):
            window = content[start:end]
            key = _key(window)
            exact = index.names.get(key)
            if exact:
                matches.append(Match(tuple(exact), start, end, key, 0, key[0]))
                continue
            if any(token in _NOT_NAMES for token in window) or len(key) <= 4:
                continue
            for candidate, distance, _ in process.extract(
                key,
                keys,
                scorer=DamerauLevenshtein.distance,
                score_cutoff=min(_MAX_FUZZY, allowed_typos(key) + 1),
                limit=None,
            ):
                # One edit past the budget still earns a "did you mean", but only for longer names.
                if distance <= allowed_typos(candidate) or (
                    distance == allowed_typos(candidate) + 1 and len(candidate) >= 6
                ):
                    entities = tuple(index.names[candidate])
                    matches.append(Match(entities, start, end, candidate, int(distance), key[0]))
    return matches


def _resolve(
    best: Match, sure: list[Match], content: Sequence[str], index: Index
) -> tuple[tuple[Entity, ...], set[int]]:
    """The entities a question names; a pillar plus a role word names that pillar's role."""
    covered = set(range(best.start, best.end))
    pillar_match = next(
        (
            m
            for m in sorted(sure, key=lambda m: m.weight, reverse=True)
            if any(e.kind == "portfolio" and _pillar_of(e, index) for e in m.entities)
        ),
        None,
    )
    if pillar_match is not None:
        pillar = next(p for e in pillar_match.entities if (p := _pillar_of(e, index)))
        role_keys = index.pillar_role_keys.get(pillar, {})
        pillar_span = set(range(pillar_match.start, pillar_match.end))
        rest = [t for i, t in enumerate(content) if i not in pillar_span and t not in _NOT_NAMES]
        for length in range(min(3, len(rest)), 0, -1):
            for start in range(len(rest) - length + 1):
                # 'pijlervoorzitter' + 'economie' names the chair: compare without 'pijler'.
                key = _strip_pillar(rest[start : start + length], set(PILLAR_WORDS))
                found = (
                    process.extractOne(
                        key,
                        list(role_keys),
                        scorer=DamerauLevenshtein.distance,
                        score_cutoff=allowed_typos(key),
                    )
                    if role_keys and key
                    else None
                )
                if found:
                    role_ids = role_keys[found[0]]
                    if len(role_ids) == 1:
                        spanned = {
                            i for i, t in enumerate(content) if t in rest[start : start + length]
                        }
                        return (Entity("role", next(iter(role_ids))),), pillar_span | spanned
    pillar_entities = [e for e in best.entities if e.kind == "portfolio"]
    if len(best.entities) > 1 and any(e.kind == "role" for e in best.entities):
        # A word several roles share ('pijlersecretaris') and no pillar named: the whole group.
        return tuple(e for e in best.entities if e.kind == "role"), covered
    return tuple(pillar_entities or best.entities), covered


def _pillar_of(entity: Entity, index: Index) -> str | None:
    return index.portfolio_pillar.get(entity.id) if entity.kind == "portfolio" else None


# --- answering --------------------------------------------------------------------------------


def _asks_body(tokens: set[str]) -> Literal["DB", "AOT"] | None:
    """Who sits in the Dagelijks Bestuur, or in the Ambtelijk Ondersteuningsteam."""
    if (
        "db" in tokens
        or "dagelijksbestuur" in tokens
        or "bestuursleden" in tokens
        or {"dagelijks", "bestuur"} <= tokens
        or ("board" in tokens and tokens & {"daily", "executive", "members", "member"})
    ):
        return "DB"
    if "aot" in tokens or "ondersteuningsteam" in tokens or {"support", "team"} <= tokens:
        return "AOT"
    return None


def _asks_capabilities(tokens: set[str]) -> bool:
    if tokens & HELP_WORDS or (tokens and tokens <= GREETINGS | _NOT_NAMES and tokens & GREETINGS):
        return True
    if {"wie", "ben"} <= tokens or {"who", "are", "you"} <= tokens:
        return True
    return (
        bool(tokens & {"wat", "what"})
        and bool(tokens & {"kun", "kan", "can"})
        and bool(tokens & {"je", "jij", "you"})
        and not tokens - _NOT_NAMES
    )


def _lower_first(title: str, language: Language) -> str:
    """A title mid-sentence: 'de eerste vicevoorzitter', 'the first vice chair'; but
    'de AOT-secretaris' and an English title in title case ('the Secretary General') stay."""
    if len(title) > 1 and title[1].isupper():
        return title
    if language == "en" and any(word[:1].isupper() for word in title.split()[1:]):
        return title
    return title[:1].lower() + title[1:]


@dataclass(frozen=True)
class Directory:
    """Answers questions from one snapshot. Build once per snapshot (the index is the cost)."""

    snapshot: Snapshot
    index: Index

    @classmethod
    def of(cls, snapshot: Snapshot) -> Directory:
        return cls(snapshot, build_index(snapshot))

    def answer(self, question: str, *, today: date, language: Language | None = None) -> Reply:
        reading = read_question(question, self.index, language)
        if reading.blank:
            return self._examples(reading.language, "empty_title", "empty_intro", kind="fallback")
        reply = _Answer(self, reading, today).build()
        if reading.truncated:
            reply = Reply(
                **{
                    **reply.__dict__,
                    "lines": (*reply.lines, say(reading.language, "long_question")),
                }
            )
        return reply

    def readings(self, question: str, *, language: Language | None = None) -> list[Target]:
        """What the question most likely asks about (best first, at most three), even when
        the reading was not sure enough to answer: a role, portfolio or phase."""
        reading = read_question(question, self.index, language)
        found = []
        for entity in (*reading.entities, *reading.unsure):
            if entity.kind in ("role", "portfolio", "phase"):
                label = self.index.display[entity][0]
                target = Target(entity.kind, entity.id, label)
                if target not in found:
                    found.append(target)
        return found[:3]

    def _examples(
        self, lang: Language, title: str, intro: str, *, kind: Literal["answer", "fallback"]
    ) -> Reply:
        return Reply(
            title=say(lang, title),
            lines=(say(lang, intro), *(f"• {example}" for example in EXAMPLES[lang])),
            suggestions=EXAMPLES[lang][:3],
            language=lang,
            kind=kind,
        )

    # --- rendering people ---------------------------------------------------------------------

    def person_text(self, person: Person) -> str:
        parts = [person.name]
        if person.organisation:
            parts[0] += f" ({person.organisation})"
        parts += [value for value in (person.email, person.phone) if value]
        return ", ".join(parts)

    def holder_text(self, person_id: str | None, lang: Language, today: date) -> str:
        person = self.snapshot.people.get(person_id) if person_id else None
        if person is None:
            return say(lang, "not_filled")
        text = self.person_text(person)
        if person.is_absent(today):
            back = person.back_on
            text = (
                say(lang, "away_until", who=text, back=format_day(back, lang))
                if back
                else say(lang, "away", who=text)
            )
        return text

    def contact_text(self, person_id: str | None, lang: Language, today: date) -> str | None:
        """Whom to contact: the person, or on an absent day their stand-in."""
        person = self.snapshot.people.get(person_id) if person_id else None
        if person is None:
            return None
        if not person.is_absent(today) or not person.stand_in:
            return self.holder_text(person.id, lang, today)
        stand_in = self.snapshot.people.get(person.stand_in.casefold())
        stand_in_text = self.person_text(stand_in) if stand_in else person.stand_in
        if person.back_on:
            return say(
                lang,
                "stand_in_for",
                stand_in=stand_in_text,
                name=person.name,
                back=format_day(person.back_on, lang),
            )
        return say(lang, "stand_in_open", stand_in=stand_in_text, name=person.name)

    def contact_link(self, person_id: str | None, today: date) -> Link | None:
        person = self.snapshot.people.get(person_id) if person_id else None
        if person is None:
            return None
        if person.is_absent(today) and person.stand_in:
            stand_in = self.snapshot.people.get(person.stand_in.casefold())
            email = stand_in.email if stand_in else person.stand_in
            label = stand_in.name if stand_in else person.stand_in
        else:
            email, label = person.email, person.name
        return Link(label, f"mailto:{email}") if email and "@" in email else None


@dataclass
class _Answer:
    """One question's answer; a class only to keep the many small builders' arguments short."""

    directory: Directory
    reading: Reading
    today: date

    @property
    def lang(self) -> Language:
        return self.reading.language

    @property
    def snapshot(self) -> Snapshot:
        return self.directory.snapshot

    def mid(self, title: str) -> str:
        return _lower_first(title, self.lang)

    def title(self, role: Role) -> str:
        return pick(self.lang, role.title, role.title_en)

    def build(self) -> Reply:
        tokens = set(self.reading.tokens)
        entities = self.reading.entities
        kinds = {entity.kind for entity in entities}
        if tokens and tokens <= THANKS | _NOT_NAMES | GREETINGS and tokens & THANKS:
            return Reply(title=say(self.lang, "you_are_welcome"), language=self.lang)
        if _asks_capabilities(tokens) and not entities:
            return self.directory._examples(self.lang, "help_title", "help_intro", kind="answer")
        if tokens & CANDIDACY_WORDS and not (tokens & PLANNING_WORDS and kinds == {"phase"}):
            return self.candidacy()
        if kinds == {"phase"} or (tokens & PLANNING_WORDS and not kinds - {"phase"}):
            return self.planning([e.id for e in entities])
        body = _asks_body(tokens)
        if body and not kinds & {"role", "portfolio", "person"}:
            return self.body(body)
        if kinds == {"municipality"} or (tokens & MEMBER_WORDS and not kinds - {"municipality"}):
            return self.members([e.id for e in entities])
        if kinds == {"person"}:
            return self.person(self.snapshot.people[entities[0].id])
        if kinds == {"portfolio"}:
            return self.portfolio(self.snapshot.portfolios[entities[0].id])
        if kinds == {"role"}:
            return self.roles([self.snapshot.roles[e.id] for e in entities])
        if self.reading.unsure:
            return self.clarify()
        return self.directory._examples(
            self.lang, "fallback_title", "fallback_intro", kind="fallback"
        )

    # --- roles and portfolios -----------------------------------------------------------------

    def roles(self, roles: list[Role], *, facets: frozenset[str] | None = None) -> Reply:
        facets = facets if facets is not None else self.reading.facets
        group_title = _common_title([self.title(role) for role in roles])
        lines: list[str] = []
        fields: list[tuple[str, str]] = []
        if not facets:
            lines += self.holder_lines(roles)
            lines += self.support_lines(roles, [])
            lines += self.more_info_lines(roles)
        if "tasks" in facets:
            lines += self.tasks_lines(roles, group_title)
        for facet in ("competences", "time", "paid"):
            if facet in facets:
                fields += self.profile_fields(roles, facet, group_title)
        if "deputies" in facets:
            lines += self.deputy_lines(roles)
        if "support" in facets:
            lines += self.support_lines(roles, [], explain_missing=True)
        if "contact" in facets:
            lines += self.more_info_lines(roles, explain_missing=True)
        return Reply(
            title=group_title,
            lines=tuple(_unique(lines)),
            fields=tuple(fields),
            suggestions=self.role_suggestions(group_title, facets),
            links=self.links([role.more_info for role in roles]),
            language=self.lang,
        )

    def portfolio(self, portfolio: Portfolio) -> Reply:
        role = self.snapshot.roles[portfolio.role]
        facets = self.reading.facets
        name = pick(self.lang, portfolio.name, portfolio.name_en)
        if facets - {"support", "contact"}:
            return self.roles([role], facets=facets)
        relation_key = {
            "houder": "portfolio_holder",
            "voorzitter": "portfolio_chair",
            "linking-pin": "portfolio_linking_pin",
        }[portfolio.relation]
        lines: list[str] = []
        if not facets:
            lines.append(
                say(self.lang, relation_key, portfolio=name, role=self.mid(self.title(role)))
            )
            lines += self.holder_lines([role])
            if portfolio.relation == "linking-pin" or portfolio.own_chair:
                lines.append(
                    say(
                        self.lang,
                        "own_chair",
                        holder=self.directory.holder_text(
                            portfolio.own_chair, self.lang, self.today
                        ),
                    )
                )
        if not facets or "support" in facets:
            lines += self.support_lines(
                [role], portfolio.supported_by, explain_missing="support" in facets
            )
        if not facets or "contact" in facets:
            lines += self.more_info_lines([role], explain_missing="contact" in facets, subject=name)
        return Reply(
            title=name,
            lines=tuple(_unique(lines)),
            suggestions=self.role_suggestions(self.title(role), facets),
            links=self.links([role.more_info]),
            language=self.lang,
        )

    def holder_lines(self, roles: list[Role]) -> list[str]:
        return [
            say(
                self.lang,
                "holder_line",
                role=self.title(role),
                holder=self.directory.holder_text(role.holder, self.lang, self.today),
            )
            for role in roles
        ]

    def support_lines(
        self, roles: list[Role], override: list[str], *, explain_missing: bool = False
    ) -> list[str]:
        lines = []
        for role in roles:
            supporters = [
                self.snapshot.roles[i]
                for i in (override or role.supported_by)
                if i in self.snapshot.roles
            ]
            if not supporters and explain_missing:
                lines.append(say(self.lang, "no_support", role=self.mid(self.title(role))))
            for supporter in supporters:
                who = self.title(supporter)
                if supporter.holder or supporter.body != "extern":
                    who += " — " + self.directory.holder_text(
                        supporter.holder, self.lang, self.today
                    )
                lines.append(say(self.lang, "support", who=who))
        return lines

    def more_info_lines(
        self, roles: list[Role], *, explain_missing: bool = False, subject: str | None = None
    ) -> list[str]:
        lines = []
        for role in roles:
            who = self.directory.contact_text(role.more_info, self.lang, self.today)
            if who:
                if len(roles) > 1:
                    lines.append(say(self.lang, "contact_role", role=self.title(role), who=who))
                else:
                    lines.append(say(self.lang, "more_info", who=who))
            elif explain_missing:
                lines.append(
                    say(self.lang, "no_contact", subject=subject or self.mid(self.title(role)))
                )
        return lines

    def tasks_lines(self, roles: list[Role], group_title: str) -> list[str]:
        lines: list[str] = []
        tasks_by_role = [(role, pick(self.lang, role.tasks, role.tasks_en)) for role in roles]
        distinct = {tuple(tasks) for _, tasks in tasks_by_role}
        shown = (
            [(group_title, tasks_by_role[0][1])]
            if len(distinct) == 1
            else [(self.title(r), t) for r, t in tasks_by_role]
        )
        for title, tasks in shown:
            if not tasks:
                lines.append(say(self.lang, "no_tasks", role=self.mid(title)))
                continue
            lines.append(say(self.lang, "tasks", role=self.mid(title)))
            lines += [f"• {task}" for task in tasks]
        return lines

    def profile_fields(
        self, roles: list[Role], facet: str, group_title: str
    ) -> list[tuple[str, str]]:
        label = say(self.lang, facet)
        values = []
        for role in roles:
            values.append((self.title(role), self.profile_value(role, facet)))
        if len({value for _, value in values}) == 1:
            return [(label, values[0][1])]
        return [(f"{label} — {title}", value) for title, value in values]

    def profile_value(self, role: Role, facet: str) -> str:
        if facet == "competences":
            items = pick(self.lang, role.competences, role.competences_en)
            return ", ".join(items) or say(
                self.lang, "no_competences", role=self.mid(self.title(role))
            )
        if facet == "time":
            text = pick(self.lang, role.time_commitment, role.time_commitment_en)
            return " ".join(text.split("\n")) or say(
                self.lang, "no_time", role=self.mid(self.title(role))
            )
        status = {True: "paid_yes", False: "paid_no", None: "paid_unknown"}[role.paid]
        allowance = pick(self.lang, role.allowance, role.allowance_en)
        return say(self.lang, status) + (f". {allowance}" if allowance else "")

    def deputy_lines(self, roles: list[Role]) -> list[str]:
        lines = []
        for role in roles:
            deputies = [self.snapshot.roles[i] for i in role.deputies if i in self.snapshot.roles]
            if not deputies:
                lines.append(say(self.lang, "no_deputies", role=self.mid(self.title(role))))
                continue
            lines.append(say(self.lang, "deputies", role=self.mid(self.title(role))))
            for number, deputy in enumerate(deputies, start=1):
                holder = self.directory.holder_text(deputy.holder, self.lang, self.today)
                lines.append(f"{number}. {self.title(deputy)} — {holder}")
        return lines

    def role_suggestions(self, title: str, facets: frozenset[str]) -> tuple[str, ...]:
        mid = self.mid(title)
        options = {
            "nl": {
                "tasks": f"wat doet de {mid}?",
                "time": f"tijdsbeslag {mid}",
                "contact": f"contact {mid}",
            },
            "en": {
                "tasks": f"what does the {mid} do?",
                "time": f"time commitment {mid}",
                "contact": f"contact {mid}",
            },
        }[self.lang]
        return tuple(text for facet, text in options.items() if facet not in facets)[:2]

    def links(self, person_ids: Sequence[str | None]) -> tuple[Link, ...]:
        found = (self.directory.contact_link(pid, self.today) for pid in person_ids)
        return tuple(_unique(link for link in found if link))

    # --- other answers ------------------------------------------------------------------------

    def person(self, person: Person) -> Reply:
        held = [self.title(r) for r in self.snapshot.roles.values() if r.holder == person.id]
        informs = [self.title(r) for r in self.snapshot.roles.values() if r.more_info == person.id]
        lines = [self.directory.contact_text(person.id, self.lang, self.today) or person.name]
        if held:
            lines.append(
                say(
                    self.lang,
                    "person_roles",
                    name=person.name,
                    roles=", ".join(self.mid(t) for t in held),
                )
            )
        if informs:
            lines.append(say(self.lang, "person_contact_for", roles=", ".join(informs)))
        return Reply(
            title=person.name, lines=tuple(lines), links=self.links([person.id]), language=self.lang
        )

    def body(self, body: Literal["DB", "AOT"]) -> Reply:
        """The members of the Dagelijks Bestuur (db_lid) or of the AOT (orgaan AOT)."""
        roles = self.snapshot.roles.values()
        if body == "DB":
            members = [r for r in roles if r.board_member]
        else:
            members = [r for r in roles if r.body == "AOT"]
        lines = self.holder_lines(members) or [say(self.lang, "body_none")]
        title = say(self.lang, "db_title" if body == "DB" else "aot_title")
        return Reply(title=title, lines=tuple(lines), language=self.lang)

    def phase_line(self, phase: Phase) -> str:
        return phase_line(phase, self.lang, self.today)

    def planning(self, phase_ids: list[str]) -> Reply:
        phases = [self.snapshot.phases[i] for i in phase_ids] or list(self.snapshot.phases.values())
        phases.sort(key=lambda p: (p.start is None, _sortable(p.start)))
        lines = [self.phase_line(phase) for phase in phases] or [say(self.lang, "no_phases")]
        contacts: list[str | None] = []
        if len(phases) == 1:
            phase = phases[0]
            description = pick(self.lang, phase.description, phase.description_en)
            if description:
                lines.append(description)
            who = self.directory.contact_text(phase.contact, self.lang, self.today)
            if who:
                lines.append(say(self.lang, "more_info", who=who))
            contacts.append(phase.contact)
        return Reply(
            title=say(self.lang, "planning_title"),
            lines=tuple(lines),
            links=self.links(contacts),
            language=self.lang,
        )

    def candidacy(self) -> Reply:
        elected = [self.title(r) for r in self.snapshot.roles.values() if r.elected]
        lines = [say(self.lang, "candidacy_roles", roles=", ".join(elected))] if elected else []
        phase = self.snapshot.phases.get(CANDIDACY_PHASE_ID)
        contact = phase.contact if phase else None
        if phase is None or phase.start is None:
            lines.append(say(self.lang, "candidacy_unknown"))
        else:
            lines.append(
                say(
                    self.lang,
                    "candidacy_phase",
                    dates=format_span(phase.start, phase.end, self.lang),
                )
            )
        if phase is not None:
            description = pick(self.lang, phase.description, phase.description_en)
            if description:
                lines.append(description)
        lines.append(say(self.lang, "cand_how"))
        who = self.directory.contact_text(contact, self.lang, self.today)
        if who:
            lines.append(say(self.lang, "candidacy_questions", who=who))
        return Reply(
            title=say(self.lang, "candidacy_title"),
            lines=tuple(lines),
            links=self.links([contact]),
            language=self.lang,
        )

    def members(self, municipality_ids: list[str]) -> Reply:
        names = {fold(name): name for name in self.snapshot.municipalities}
        if municipality_ids:
            lines = [
                say(self.lang, "member_yes", name=names[i]) for i in municipality_ids if i in names
            ]
        else:
            lines = [
                say(self.lang, "members_count", count=len(names), names=", ".join(names.values()))
            ]
        return Reply(title=say(self.lang, "members_title"), lines=tuple(lines), language=self.lang)

    def clarify(self) -> Reply:
        labels = [
            self.directory.index.display[e][0 if self.lang == "nl" else 1]
            for e in self.reading.unsure
        ]
        options = f" {say(self.lang, 'or')} ".join(f"'{label}'" for label in labels)
        template = {"nl": "wie heeft {}?", "en": "who holds {}?"}[self.lang]
        return Reply(
            title=say(self.lang, "did_you_mean", options=options),
            suggestions=tuple(template.format(label) for label in labels),
            language=self.lang,
            kind="clarify",
        )


def phase_line(phase: Phase, language: Language, today: date) -> str:
    """'G40 netwerkdagen: donderdag 10 en vrijdag 11 september 2026.', '… (geweest).', or
    '…: datum nog niet bekend.' — never a date the sheet does not hold."""
    name = pick(language, phase.name, phase.name_en)
    if phase.start is None:
        return say(language, "phase_unknown", phase=name)
    dates = format_span(phase.start, phase.end, language)
    past = day_of(phase.end or phase.start) < today
    return say(language, "phase_past" if past else "phase_dates", phase=name, dates=dates)


def upcoming_phases(phases: Iterable[Phase], today: date) -> list[Phase]:
    """Phases not over yet, soonest first; those without dates last."""
    coming = [p for p in phases if p.start is None or day_of(p.end or p.start) >= today]
    return sorted(coming, key=lambda p: (p.start is None, day_of(p.start) if p.start else today))


def _sortable(moment: date | datetime | None) -> datetime:
    if moment is None:
        return datetime.max
    return moment if isinstance(moment, datetime) else datetime.combine(moment, datetime.min.time())


def _common_title(titles: list[str]) -> str:
    if len(titles) == 1:
        return titles[0]
    prefix = os.path.commonprefix(titles).strip()  # noqa: RUF071 - titles, not paths
    return prefix or " / ".join(titles)


def _unique(items: Iterable[_T]) -> list[_T]:
    seen: list[_T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
