"""Question -> answer, from the snapshot alone. Pure: no I/O, no platform, no clock.

A question is answered in three steps (docs: DESIGN.md, "Answering"):
1. Structured reading (bot.answers.reading): which thing it names — a role, portfolio, body,
   phase, person or municipality, by alias and typo-tolerant — and what it asks about it.
2. Search over all of the sheet's text (bot.answers.search): every task line, description
   and `Kennis` answer, ranked by BM25; each passage knows its owner, so the answer says who.
3. Confidence: a reading wins only when it explains the question's words; the main noun
   phrase outweighs side words ("technisch voorzitter" is a line of the eerste
   vicevoorzitter, not the voorzitter); when unsure, two or three readings to choose from;
   off-topic gets "dat weet ik niet" and the general contact.

Follow-ups ("en het tijdsbeslag?", "and their e-mail?") refer to what the earlier questions of
the same conversation were about: the caller passes them as `context`, most recent last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from bot.answers.builders import (
    Composer,
    Decision,
    People,
    phase_line,
    upcoming_phases,
)
from bot.answers.lexicon import (
    CANDIDACY_WORDS,
    GREETINGS,
    HELP_WORDS,
    MEMBER_WORDS,
    PLANNING_WORDS,
    SEARCH_STOPWORDS,
    THANKS,
)
from bot.answers.reading import (
    NOT_NAMES,
    NameIndex,
    Reading,
    build_name_index,
    name_tokens,
    read_question,
)
from bot.answers.search import (
    Entity,
    Hit,
    SearchIndex,
    snapshot_passages,
    snapshot_vocabulary,
)
from bot.i18n import say
from bot.models import Body, Snapshot
from bot.reply import Language, Reply
from bot.text import fold

__all__ = ["HELP_WORDS", "Directory", "phase_line", "upcoming_phases"]

# How many earlier questions a follow-up may reach back through.
MAX_CONTEXT = 4
# What an unknown word weighs when judging how much of a question a passage explains: about
# the weight of a word that occurs in a handful of passages.
UNKNOWN_WEIGHT = 2.5
# A chair word beside a body's name asks for that body's chair.
CHAIR_WORDS = frozenset(
    "voorzitter voorzit voorgezeten chair chairs chaired chairman chairperson leidt leads".split()
)
# Words that never make a question about something else: the network itself.
GENERIC = frozenset({"netwerk", "network", "stedennetwerk", "g40", "steden", "cities"})
# A passage answers a question on its own when it explains this share of its words.
SURE_SHARE = 0.55
# Below this share the passages are only offered as readings to choose from.
MAYBE_SHARE = 0.3


@dataclass(frozen=True)
class Directory:
    """Answers questions from one snapshot. Build once per snapshot (the indexes are the
    cost: a few milliseconds); answering is a lookup."""

    snapshot: Snapshot
    names: NameIndex
    search: SearchIndex
    people: People
    bodies: dict[str, Body]
    members_of: dict[str, list[str]]
    owned: dict[Entity, frozenset[int]]

    @classmethod
    def of(cls, snapshot: Snapshot) -> Directory:
        passages = snapshot_passages(snapshot)
        search = SearchIndex.build(passages, snapshot_vocabulary(snapshot, passages))
        bodies = _bodies(snapshot)
        names = build_name_index(replace(snapshot, bodies=bodies))
        owned: dict[Entity, set[int]] = {}
        for number, passage in enumerate(passages):
            for owner in passage.owners:
                owned.setdefault(owner, set()).add(number)
        return cls(
            snapshot=snapshot,
            names=names,
            search=search,
            people=People(snapshot),
            bodies=bodies,
            members_of={body.id: _members(snapshot, body) for body in bodies.values()},
            owned={owner: frozenset(numbers) for owner, numbers in owned.items()},
        )

    def answer(
        self,
        question: str,
        *,
        today: date,
        language: Language | None = None,
        context: Sequence[str] = (),
    ) -> Reply:
        """The answer to `question`; `context` holds the earlier questions of the same thread,
        DM or console session (most recent last), for follow-ups."""
        decision = self.understand(question, language, tuple(context)[-MAX_CONTEXT:])
        reply = Composer(
            snapshot=replace(self.snapshot, bodies=self.bodies),
            people=self.people,
            decision=decision,
            today=today,
            labels=self.names.display,
            members_of=self.members_of,
        ).build()
        if decision.reading.truncated:
            reply = replace(reply, lines=(*reply.lines, say(decision.language, "long_question")))
        return reply

    # --- understanding ----------------------------------------------------------------------

    def understand(
        self, question: str, language: Language | None, context: Sequence[str]
    ) -> Decision:
        reading = read_question(question, self.names, self.search.analyzer, language)
        previous: Decision | None = None
        if reading.choice is not None:
            if context:
                previous = self.understand(context[-1], language, context[:-1])
                offered = previous.choices
                if 1 <= reading.choice <= len(offered):
                    asked = _choice_question(self, offered[reading.choice - 1], previous.language)
                    return self.understand(asked, language or previous.language, ())
            return self.decide(replace(reading, choice=None), None)
        if context and _needs_context(reading):
            previous = self.understand(context[-1], language, context[:-1])
            reading = _merge(reading, previous)
        return self.decide(reading, previous)

    def decide(self, reading: Reading, previous: Decision | None) -> Decision:
        lang: Language = reading.language or (previous.language if previous else "nl")
        tokens = set(reading.tokens)
        entities = reading.entities
        kinds = {entity.kind for entity in entities}

        def decided(kind: str, **values: object) -> Decision:
            return Decision(kind, reading, lang, **values)  # type: ignore[arg-type]

        if reading.blank:
            return decided("blank")
        if tokens and tokens <= THANKS | NOT_NAMES | GREETINGS and tokens & THANKS:
            return decided("thanks")
        if _asks_capabilities(tokens) and not entities:
            return decided("help")
        if reading.asks_more and entities:
            return decided("entity", entities=entities, full=True)
        if tokens & CANDIDACY_WORDS and not (tokens & PLANNING_WORDS and kinds == {"phase"}):
            return decided("candidacy")
        if kinds == {"municipality"} and not (tokens & MEMBER_WORDS or not reading.unexplained):
            # A city named in a question about something else is no question about the city.
            reading = replace(reading, entities=(), also=())
            entities, kinds = (), set()
        if kinds == {"phase"} or (tokens & PLANNING_WORDS and not kinds - {"phase"}):
            hits = self._own_hits(reading, ()) if not kinds else ()
            return decided("planning", entities=entities, hits=hits)
        if kinds == {"municipality"} or (tokens & MEMBER_WORDS and not kinds - {"municipality"}):
            return decided("members", entities=entities)
        if kinds == {"person"} and not reading.also:
            return decided("person", entities=entities)
        if kinds == {"body"} and not reading.yes_no:
            reading = self._role_in_body(reading)
            entities = reading.entities
        if not entities:
            if reading.facets & {"deputies", "support"} and not reading.unexplained:
                return decided("relations")
            return self._search_only(reading, decided)
        return self._structured(reading, decided)

    def _structured(self, reading: Reading, decided: _Decided) -> Decision:
        """A question that names a thing: answer about it, unless another owner's line
        explains the question better ('technisch voorzitter' is a line of the eerste
        vicevoorzitter)."""
        entities = reading.entities
        if {e.kind for e in entities} == {"person"}:
            entities = reading.also or entities
        query = self._query(reading)
        own_hits = self.search.search(query, within=self._own_passages(entities), limit=3)
        named = set(reading.name_words) & set(query)
        own_cover = named | (own_hits[0].covered if own_hits else frozenset())
        related = self._related(entities)
        others = [
            h for h in self.search.search(query, limit=12) if not set(h.passage.owners) & related
        ]
        if others and not reading.facets and not reading.yes_no:
            best = max(others, key=lambda h: (self._weight(h.covered), h.score))
            if best.covered > own_cover and self._weight(best.covered - own_cover) >= 1.0:
                close = [h for h in others if h.covered == best.covered]
                return decided(
                    "passages",
                    hits=tuple(close),
                    groups=_distinct(self, _groups(close[:3]))[:2],
                    choices=(entities,),
                )
        specific = [w for w in reading.unexplained if w not in GENERIC and self.search.known(w)]
        hits: tuple[Hit, ...] = ()
        if own_hits and (specific or reading.yes_no or reading.facets & {"appointment"}):
            top = own_hits[0]
            if set(specific) & top.covered or reading.facets & {"appointment"}:
                hits = tuple(
                    h
                    for h in own_hits[:2]
                    if h.score >= 0.6 * top.score and h.covered & set(specific or query)
                )
        if reading.facets - {"appointment"} and not reading.yes_no:
            hits = ()
        if {e.kind for e in entities} == {"body"} and not reading.facets:
            hits = hits or tuple(own_hits[:1]) if specific else ()
        return decided("entity", entities=entities, hits=hits)

    def _role_in_body(self, reading: Reading) -> Reading:
        """'wie is de voorzitter van het AOT?', 'who chairs the Dagelijks Bestuur?': a role
        named with a body is a question about the role — and a chair word about the body's
        own chair."""
        roles = [e for e in reading.also if e.kind == "role"]
        if not roles:
            return reading
        body = self.bodies[reading.entities[0].id]
        if body.chair in self.snapshot.roles and set(reading.tokens) & CHAIR_WORDS:
            return replace(reading, entities=(Entity("role", body.chair),), also=reading.entities)
        return replace(reading, entities=tuple(roles), also=reading.entities)

    def _search_only(self, reading: Reading, decided: _Decided) -> Decision:
        """No name in the question: the passages that explain most of it, with their owners;
        the likeliest readings when none explains enough; else 'dat weet ik niet'."""
        query = self._query(reading)
        hits = self.search.search(query, limit=12) if query else []
        total = sum(self.search.weight(w) or UNKNOWN_WEIGHT for w in query)
        if hits and total:
            best = hits[0]
            share = self._weight(best.covered) / total
            if share >= SURE_SHARE and self._weight(best.covered - GENERIC) >= 1.0:
                close = [
                    h for h in hits if h.covered >= best.covered and h.score >= 0.75 * best.score
                ]
                groups = _distinct(self, _groups(close[:4]))[:3]
                return decided("passages", hits=tuple(hits), groups=groups)
            if share >= MAYBE_SHARE and not reading.unsure:
                return decided("clarify", choices=_groups(hits[:6])[:3])
        if reading.unsure:
            return decided("clarify", choices=tuple((e,) for e in reading.unsure))
        return decided("fallback")

    def _own_hits(self, reading: Reading, entities: tuple[Entity, ...]) -> tuple[Hit, ...]:
        query = self._query(reading)
        if not reading.unexplained or not query:
            return ()
        hits = self.search.search(query, limit=1)
        if hits and set(reading.unexplained) <= hits[0].covered:
            return tuple(hits)
        return ()

    def _query(self, reading: Reading) -> list[str]:
        return [t for t in reading.tokens if t not in SEARCH_STOPWORDS and len(t) > 1]

    def _weight(self, words: frozenset[str] | set[str]) -> float:
        return sum(self.search.weight(word) for word in words)

    def _related(self, entities: Sequence[Entity]) -> set[Entity]:
        """The things whose lines count as the named thing's own: a portfolio's holding role,
        a role's portfolios."""
        related = set(entities)
        for entity in entities:
            if entity.kind == "portfolio":
                portfolio = self.snapshot.portfolios[entity.id]
                related.add(Entity("role", portfolio.role))
            if entity.kind == "role":
                related |= {
                    Entity("portfolio", p.id)
                    for p in self.snapshot.portfolios.values()
                    if p.role == entity.id
                }
        return related

    def _own_passages(self, entities: Sequence[Entity]) -> frozenset[int]:
        numbers: set[int] = set()
        for entity in entities:
            numbers |= self.owned.get(entity, frozenset())
        return frozenset(numbers)


class _Decided(Protocol):
    """The decision constructor `decide` hands to its helpers."""

    def __call__(self, kind: str, **values: object) -> Decision: ...


def _groups(hits: Sequence[Hit]) -> tuple[tuple[Entity, ...], ...]:
    """Each hit's owners as one group (the three pillar secretaries share their lines), in
    order, without repeats."""
    groups: list[tuple[Entity, ...]] = []
    for hit in hits:
        owners = hit.passage.owners
        if owners not in groups:
            groups.append(owners)
    return tuple(groups)


def _distinct(
    directory: Directory, groups: Sequence[tuple[Entity, ...]]
) -> tuple[tuple[Entity, ...], ...]:
    """Groups without the portfolio whose holding role is already listed (the penningmeester's
    note says what the eerste vicevoorzitter's line says)."""
    roles = {e.id for group in groups for e in group if e.kind == "role"}
    kept = []
    for group in groups:
        portfolio = (
            directory.snapshot.portfolios.get(group[0].id) if group[0].kind == "portfolio" else None
        )
        if portfolio is not None and portfolio.role in roles:
            continue
        kept.append(group)
    return tuple(kept)


def _needs_context(reading: Reading) -> bool:
    """A follow-up: 'en het tijdsbeslag?', 'and their e-mail?', 'wie ondersteunt die?',
    'meer', or 'en de tweede vicevoorzitter?' (the same question about another thing)."""
    if reading.asks_more and not reading.entities:
        return True
    asks_something = bool(reading.facets) or reading.yes_no or reading.asks_who
    if not reading.entities:
        return (reading.follow_up or not reading.unexplained) and (
            asks_something or reading.follow_up
        )
    return reading.follow_up and not reading.facets and not reading.yes_no


def _merge(reading: Reading, previous: Decision) -> Reading:
    language = reading.language or previous.language
    if not reading.entities:
        return replace(
            reading,
            entities=previous.subject,
            language=language,
            unexplained=reading.unexplained,
        )
    return replace(reading, facets=previous.reading.facets, language=language)


def _choice_question(directory: Directory, group: tuple[Entity, ...], language: Language) -> str:
    composer = Composer(
        snapshot=directory.snapshot,
        people=directory.people,
        decision=Decision("clarify", Reading(language=language, tokens=()), language),
        today=date.min,
        labels=directory.names.display,
        members_of=directory.members_of,
    )
    return composer.choice_question(group)


def _asks_capabilities(tokens: set[str]) -> bool:
    if tokens & HELP_WORDS or (tokens and tokens <= GREETINGS | NOT_NAMES and tokens & GREETINGS):
        return True
    if {"wie", "ben"} <= tokens or {"who", "are", "you"} <= tokens:
        return True
    return (
        bool(tokens & {"wat", "what"})
        and bool(tokens & {"kun", "kan", "can"})
        and bool(tokens & {"je", "jij", "you"})
        and not tokens - NOT_NAMES
    )


# --- bodies -----------------------------------------------------------------------------------

# The bodies every role row can name in its `orgaan` column; when the Organen tab has no row
# for one of them, the bot still knows who sits in it from the roles.
_ROLE_BODIES = {
    "DB": ("Dagelijks Bestuur", "Executive Board", ("db", "bestuursleden", "board members")),
    "AOT": (
        "Ambtelijk Ondersteuningsteam (AOT)",
        "Official Support Team (AOT)",
        ("aot", "ambtelijk ondersteuningsteam", "ondersteuningsteam", "official support team"),
    ),
}


def _body_keys(body: Body) -> set[str]:
    return {
        "".join(name_tokens(name))
        for name in (body.id.replace("-", " "), body.name, body.name_en, *body.aliases)
    }


def _bodies(snapshot: Snapshot) -> dict[str, Body]:
    bodies = dict(snapshot.bodies)
    known = set().union(*(_body_keys(body) for body in bodies.values())) if bodies else set()
    for value, (name, name_en, aliases) in _ROLE_BODIES.items():
        if fold(value) in known or not any(r.body == value for r in snapshot.roles.values()):
            continue
        kind = "bestuur" if value == "DB" else "ambtelijk"
        bodies[fold(value)] = Body.model_validate(
            {
                "id": fold(value),
                "naam": name,
                "naam_en": name_en,
                "soort": kind,
                "aliassen": ", ".join(aliases),
            }
        )
    return bodies


def _members(snapshot: Snapshot, body: Body) -> list[str]:
    """The roles in a body: those its row names, and those whose `orgaan` is this body."""
    keys = _body_keys(body)
    members = [role_id for role_id in body.members if role_id in snapshot.roles]
    members += [r.id for r in snapshot.roles.values() if fold(r.body) in keys]
    return list(dict.fromkeys(members))
