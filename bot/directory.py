"""Question -> answer, from the snapshot alone. Pure: no I/O, no platform, no clock.

A question is answered in three steps (docs: DESIGN.md, "Answering"):
1. Structured reading (bot.answers.reading): which thing it names — a role, portfolio, body,
   phase, person or municipality, by alias and typo-tolerant — and what it asks about it.
2. Search over all of the sheet's text (bot.answers.search): every task line, description
   and `Kennis` answer, ranked by BM25; each passage knows its owner, so the answer says who.
3. Confidence: a reading wins only when it explains the question's words. A thing the
   question names dominates: another owner's line wins only when it names that thing too
   ("technisch voorzitter" is a line of the eerste vicevoorzitter, not the voorzitter) — a
   topic's name (a portfolio) is weaker. A question that repeats a `Kennis` question gets the
   staff's answer. A thing named but asked what the sheet does not hold of it ("wat vindt de
   voorzitter van windmolens?", "de voorzitter van de VNG") gets "dat weet ik niet", the
   general contact and the thing to choose — never its card; a yes/no question gets Ja or Nee
   only when a column or one of the thing's own lines settles it. When unsure, two or three
   readings to choose from; off-topic gets "dat weet ik niet" and the general contact.

Follow-ups ("en het tijdsbeslag?", "and their e-mail?") refer to what the earlier questions of
the same conversation were about: the caller passes them as `context`, most recent last.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from bot.answers.builders import (
    Composer,
    Decision,
    DecisionKind,
    People,
    common_title,
    phase_line,
    role_holds,
    upcoming_phases,
)
from bot.answers.lexicon import (
    ABILITY_WORDS,
    ALSO_WORDS,
    ASK_TO_DO,
    AWAY_WORDS,
    BOARD_WORDS,
    CANDIDACY_WORDS,
    CHAIR_VERBS,
    CHANGE_WORDS,
    CLOCK_WORDS,
    CONDITIONS,
    ELECTION_WORDS,
    FACETS,
    FILLER,
    FUNCTION_WORDS,
    GATHER_WORDS,
    GENERAL_CONTACT_WORDS,
    GENERIC,
    GREETINGS,
    HELP_WORDS,
    INFO_VERBS,
    LEADER_WORDS,
    LEADING_CONJUNCTIONS,
    LEAVING_WORDS,
    LISTING_WORDS,
    MEMBER_WORDS,
    MEMBERSHIP_WORDS,
    MODALS,
    MODIFIERS,
    MUNICIPAL_PREFIXES,
    MUST_WORDS,
    NEGATIONS,
    OFTEN_WORDS,
    OUTSIDE_POSTS,
    PHRASE_SEARCH,
    PILLAR_WORDS,
    PLACE_KIND_WORDS,
    PLANNING_WORDS,
    POST_KIND_WORDS,
    POST_WORDS,
    QUALIFIER_WORDS,
    RANK_WORDS,
    REACH_WORDS,
    REASON_QUESTION,
    REASONS,
    REQUEST_WORDS,
    RESPONSIBLE,
    SEARCH_STOPWORDS,
    SUPPOSE_WORDS,
    THANKS,
    TOTALITY_WORDS,
    WHEN_WORDS,
    WHERE_WORDS,
)
from bot.answers.reading import (
    NOT_NAMES,
    PRONOUNS,
    NameIndex,
    Reading,
    asks_whom_supported,
    build_name_index,
    name_tokens,
    orders_contact,
    read_question,
    says_supported,
    sounds_near,
)
from bot.answers.search import (
    NAME_TERM,
    Entity,
    Hit,
    Passage,
    SearchIndex,
    name_spans,
    snapshot_passages,
    snapshot_vocabulary,
)
from bot.i18n import say, spelt_like
from bot.models import CANDIDACY_PHASE_ID, Body, Snapshot, Target
from bot.reply import Language, Reply
from bot.text import fold, words

__all__ = ["HELP_WORDS", "Directory", "phase_line", "upcoming_phases"]

# The network itself, beside its name ('de financiën van het netwerk').
NETWORK_WORDS = frozenset({"netwerk", "network"})
# How many earlier questions a follow-up may reach back through.
MAX_CONTEXT = 4
# What an unknown word weighs when judging how much of a question a passage explains: about
# the weight of a word that occurs in a handful of passages.
UNKNOWN_WEIGHT = 1.5
# "zijn de netwerkdagen al geweest?", "are the dates known yet?": a phase's state.
PHASE_STATE_WORDS = frozenset(
    "geweest voorbij happened past over plaatsgevonden bekend known vastgesteld".split()
)
# A chair word beside a body's name asks for that body's chair.
CHAIR_WORDS = frozenset(
    "voorzitter voorzit voorgezeten chair chairs chaired chairman chairperson leidt leads".split()
)
# A name the question uses weighs at least this much against a line that only mentions it.
NAME_WEIGHT = 3.0
# Words to look for in a thing's own lines when a question asks how it is appointed, how
# often, or who supports it and the sheet's columns do not say.
FACET_SEARCH = {
    "appointment": (
        "benoemd voordracht gekozen aangesteld beschikbaar appointed nomination elected "
        "available".split()
    ),
    "rhythm": "keer regelmatig kwartaal frequentie times regularly quarter frequency".split(),
    "support": "ondersteund ondersteuning supported support".split(),
}
# The words a line says two roles consult each other with.
CONSULT_SEARCH = (
    "afstemming stemt afstemmen overleg overlegt consult consults consultation coordination "
    "agreed".split()
)
# The words a line says a role is replaced for good with.
PERMANENT_SEARCH = ("permanente", "permanent", "definitief", "definitieve", "blijvend")
# The words a line gives a reason with, to find it by.
REASON_SEARCH = ("omdat", "because", "reden", "reason")
# Every word that asks for a facet of a thing.
_FACET_KEYWORDS = frozenset().union(*FACETS.values())
# "wat is een X?", "what is a X?", "wat betekent X?": a question for what a term means.
DEFINE_WHAT = frozenset("wat what whats".split())
DEFINE_IS = frozenset("is zijn are betekent betekenen means mean".split())
# Words beside the term that do not belong to it ('wat is een X precies?', 'what does X mean?').
DEFINE_FILLER = frozenset("precies eigenlijk exactly actually does do mean means".split())
# The asker speaking of themselves: "hoe word ik ...", "how do I become ...".
SELF_WORDS = frozenset("ik me mij mezelf i myself".split())
# The columns of a role's row that answer each facet a question may ask with no role named.
# The facets a question can ask of a role with no role named (to offer roles that hold it).
_ROLE_FACETS = frozenset({"time", "paid", "competences", "tasks"})
# A reading is offered beside the best one when its line explains this share of as much.
_NEAR_READING = 0.6
# A line that explains this share of what the best line explains is nearly as good.
_NEARLY = 0.85
# A question repeats a Kennis question when this share of the words of each is in the other.
_REPEAT = 0.66
# Words that make a date question one about the election schedule.
ELECTION_TOPIC = (PLANNING_WORDS | CANDIDACY_WORDS) - WHEN_WORDS
# The words a line says who chairs something with.
_CHAIR_SEARCH = ("voorzitter", "voorzitterschap", "voorgezeten", "chair", "chairs", "chaired")
# The kinds of question, by their question words, most telling first.
_SHAPES = (
    ("how-often", OFTEN_WORDS),
    ("how-many", frozenset({"hoeveel", "howmany"})),
    ("when", WHEN_WORDS - PLANNING_WORDS | frozenset({"wanneer", "when"})),
    ("where", WHERE_WORDS),
    ("who", frozenset({"wie", "who", "whom", "whose"})),
    ("why", frozenset({"waarom", "why"})),
    ("how", frozenset({"hoe", "how"})),
    ("what", frozenset({"wat", "what", "whats", "welke", "welk", "which"})),
)
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
    # Each thing's own lines: its tasks, description, notes, answer.
    direct: dict[Entity, frozenset[int]]
    # The lines that name a thing by its name (its own lines aside): they may settle a yes/no
    # question about it; a Kennis row that is only about it may not.
    named_in: dict[Entity, frozenset[int]]
    # Each Kennis question variant (by passage number): the things it names and the words
    # it asks about them with, so that a question that repeats it gets its answer.
    variants: dict[int, tuple[frozenset[Entity], str, tuple[str, ...]]]
    # Which question words count for which Kennis words, as found (a cache).
    same_words: dict[tuple[str, str], bool]
    # The roles each line names ("de plv. algemeen secretaris coördineert ..."), so that an
    # answer from a body's or a fact's line can say who, with holder and contact.
    mentions: dict[Passage, tuple[Entity, ...]]
    # The words that name each thing itself (see _titles), made when first needed.
    titles: dict[Entity, frozenset[str]]

    @classmethod
    def of(cls, snapshot: Snapshot) -> Directory:
        bodies = _bodies(snapshot)
        names = build_name_index(replace(snapshot, bodies=bodies))
        passages = snapshot_passages(snapshot)
        search = SearchIndex.build(
            passages, snapshot_vocabulary(snapshot, passages), _body_names(names)
        )
        direct: dict[Entity, set[int]] = {}
        owned: dict[Entity, set[int]] = {}
        named_in: dict[Entity, set[int]] = {}
        mentions: dict[Passage, tuple[Entity, ...]] = {}
        for number, passage in enumerate(passages):
            tokens = name_tokens(passage.text)
            mentions[passage] = _mentioned(tokens, names, "role")
            bodies_named = _mentioned(tokens, names, "body")
            for owner in passage.owners:
                direct.setdefault(owner, set()).add(number)
            # A line that names a body ('Binnen het DB kunnen afspraken ...') is the body's too,
            # and a Kennis row is its topics' ('onderwerp').
            for about in (*passage.owners, *bodies_named, *_topics(snapshot, passage, names)):
                owned.setdefault(about, set()).add(number)
            for named in (*bodies_named, *mentions[passage]):
                named_in.setdefault(named, set()).add(number)
        directory = cls(
            snapshot=snapshot,
            names=names,
            search=search,
            people=People(snapshot),
            bodies=bodies,
            members_of={body.id: _members(snapshot, body) for body in bodies.values()},
            owned={owner: frozenset(numbers) for owner, numbers in owned.items()},
            direct={owner: frozenset(numbers) for owner, numbers in direct.items()},
            named_in={entity: frozenset(numbers) for entity, numbers in named_in.items()},
            mentions=mentions,
            variants={},
            same_words={},
            titles={},
        )
        for number, passage in enumerate(passages):
            if passage.aspect == "question":
                read = read_question(passage.text, names, search.analyzer)
                things = frozenset((*read.entities, *read.also))
                asks = tuple(directory._asked_words(read))
                directory.variants[number] = (things, _shape(read), asks)
        return directory

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
        if decision.kind == "fallback" and language is None and decision.reading.language is None:
            # "weather in spain": no word either language marks, nothing of the sheet named;
            # the spelling of the words says which language to say 'I don't know' in.
            spelt = spelt_like(decision.reading.unexplained)
            if spelt is not None and spelt != decision.language:
                decision = replace(decision, language=spelt)
        reply = self.composer(decision, today).build()
        if decision.reading.truncated:
            reply = replace(reply, lines=(*reply.lines, say(decision.language, "long_question")))
        return reply

    @cached_property
    def _quality_starts(self) -> frozenset[str]:
        """The first five letters of each word (of five or more) of the profiles in the sheet:
        a question's word that starts the same asks of a quality they speak of."""
        return frozenset(
            fold(w)[:5]
            for role in self.snapshot.roles.values()
            for item in (*role.competences, *role.competences_en)
            for w in words(item)
            if len(w) >= 5
        )

    @cached_property
    def answered_from(self) -> Snapshot:
        """The snapshot with the bodies its roles imply ('DB', 'AOT'): what answers quote.
        Made once, not on every answer."""
        return replace(self.snapshot, bodies=self.bodies)

    def composer(self, decision: Decision, today: date) -> Composer:
        """What turns a decision into the reply (or says whether the sheet settles it)."""
        return Composer(
            snapshot=self.answered_from,
            people=self.people,
            decision=decision,
            today=today,
            labels=self.names.display,
            members_of=self.members_of,
            mentions=self.mentions,
        )

    # --- understanding ----------------------------------------------------------------------

    def understand(
        self, question: str, language: Language | None, context: Sequence[str]
    ) -> Decision:
        reading = read_question(question, self.names, self.search.analyzer, language)
        previous: Decision | None = None
        earlier: list[Decision] = []

        def before() -> Decision:
            """The previous question, understood once however many rules ask for it."""
            if not earlier:
                earlier.append(self.understand(context[-1], language, context[:-1]))
            return earlier[0]

        if reading.choice is not None:
            if context:
                previous = before()
                offered = previous.choices
                if 1 <= reading.choice <= len(offered):
                    picked = offered[reading.choice - 1]
                    if previous.reading.facets and previous.kind == "clarify":
                        # "tijdsbeslag?" - "1": the time of the role picked, not who holds it.
                        return self.decide(
                            replace(previous.reading, entities=picked, unsure=(), ambiguous=False),
                            None,
                        )
                    asked = _choice_question(self, picked, previous.language)
                    return self.understand(asked, language or previous.language, ())
            return self.decide(replace(reading, choice=None), None)
        if context and reading.yes_no and _about_someone_before(reading):
            # "wat doet de pijlervicevoorzitter?" - "zit die persoon in het DB?": the person
            # or post just discussed, asked about the body now named.
            previous = before()
            held = self._posts_of(previous.subject)
            if held:
                language_now = reading.language or previous.language
                return self.decide(
                    replace(
                        reading,
                        entities=held,
                        also=reading.entities,
                        language=language_now,
                    ),
                    previous,
                )
        tokens = set(reading.tokens)
        if context and tokens & AWAY_WORDS and (reading.entities or tokens & ALSO_WORDS):
            previous = before()
            if not reading.entities and tokens & PRONOUNS:
                # "en als die ook weg is?" after the voorzitter's stand-ins: 'die' is the
                # first stand-in just given, away as well.
                reading = replace(reading, entities=self._stand_in_given(previous))
            chained = self._next_stand_in(reading, previous) if reading.entities else None
            if chained is not None:
                return chained
        if context and _points_back(reading) and (reading.entities or reading.unsure):
            # "wie kan ik mailen over de pijler sociaal?" - "en wie is daar de voorzitter van?":
            # the post of the pillar or body just discussed, not the network's own.
            previous = before()
            there = self._post_there(question, reading, previous, language)
            if there is not None:
                return there
        # "hoeveel tijd kost het?": a role's facet with no role named asks it of the thread's.
        if (
            context
            and not _stands_alone(reading)
            and (_needs_context(reading) or self._roles_with(reading))
        ):
            previous = before()
            pillar = self._pillar_of(previous.subject)
            if pillar and (reading.ambiguous or reading.entities) and pillar not in question:
                # "en de vicevoorzitter?" after a question on a pillar: that pillar's.
                again = read_question(
                    f"{question} {pillar}", self.names, self.search.analyzer, language
                )
                roles = [self.snapshot.roles.get(e.id) for e in again.entities]
                if roles and all(r is not None and r.pillar == pillar for r in roles):
                    return self.decide(replace(again, facets=again.facets), previous)
            moved = self._same_roles_in_pillar(reading, previous)
            if moved:
                # "wie is de secretaris van pijler Sociaal?" - "en van Fysiek?": the same
                # post in the pillar now named, not that pillar's chair.
                return self.decide(_merge(replace(reading, entities=moved), previous), previous)
            narrowed = self._narrowed(question, reading, previous, language)
            if narrowed is not None:
                return self.decide(_merge(narrowed, previous), previous)
            contact = self._contact(previous.subject)
            reach = tokens & REACH_WORDS and not tokens & SUPPOSE_WORDS
            if contact and not reading.entities and reach:
                # "is she reachable now?" after "who is the contact for pijler Sociaal?"
                person = (Entity("person", contact),)
                language_now = reading.language or previous.language
                return self.decide(
                    replace(reading, entities=person, language=language_now), previous
                )
            reading = _merge(reading, previous)
        return self.decide(reading, previous)

    def _next_stand_in(self, reading: Reading, previous: Decision) -> Decision | None:
        """'wie vervangt de voorzitter?' - 'en als de eerste vice ook afwezig is?': the stand-in
        named is away as well; the voorzitter's next stand-in in order, not the eerste vice's
        own stand-ins."""
        if "deputies" not in previous.reading.facets or not reading.facets <= {"deputies"}:
            return None
        if reading.also or reading.yes_no:
            # "heeft de eerste vicevoorzitter ook Europa?" asks something of its own.
            return None
        subject = previous.subject
        roles = [self.snapshot.roles.get(e.id) for e in subject if e.kind == "role"]
        if not roles or len(roles) != len(subject):
            return None
        deputies = {i for role in roles if role is not None for i in role.deputies}
        if any(e.kind != "role" or e.id not in deputies for e in reading.entities):
            return None
        away = tuple(dict.fromkeys((*previous.reading.absent, *reading.entities)))
        chained = replace(
            reading,
            entities=subject,
            also=(),
            absent=away,
            facets=frozenset({"deputies"}),
            language=reading.language or previous.language,
        )
        return self.decide(chained, previous)

    def _stand_in_given(self, previous: Decision) -> tuple[Entity, ...]:
        """The stand-in an answer on stand-ins gives first: of each post asked, the first in
        its order not already said to be away."""
        if "deputies" not in previous.reading.facets:
            return ()
        away = {e.id for e in previous.reading.absent}
        given: list[Entity] = []
        for entity in previous.subject:
            role = self.snapshot.roles.get(entity.id) if entity.kind == "role" else None
            if role is None:
                return ()
            present = [i for i in role.deputies if i not in away]
            given += [Entity("role", present[0])] if present else []
        return tuple(dict.fromkeys(given))

    def _posts_of(self, subject: Sequence[Entity]) -> tuple[Entity, ...]:
        """The posts a subject stands for: its roles, or the posts a person named holds."""
        if subject and all(e.kind == "role" for e in subject):
            return tuple(subject)
        people = {e.id for e in subject if e.kind == "person"}
        if not people or len(people) != len(subject):
            return ()
        return tuple(
            Entity("role", role.id)
            for role in self.snapshot.roles.values()
            if role.holder in people
        )

    def _same_roles_in_pillar(self, reading: Reading, previous: Decision) -> tuple[Entity, ...]:
        """The previous subject's pillar roles, in the one pillar a follow-up names instead."""
        pillars = {self.names.portfolio_pillar.get(e.id) for e in reading.entities}
        if len(pillars) != 1 or None in pillars or reading.also:
            return ()
        pillar = pillars.pop()
        roles = self.snapshot.roles
        asked = [roles.get(e.id) for e in previous.subject if e.kind == "role"]
        if not asked or len(asked) != len(previous.subject):
            return ()
        moved: list[Entity] = []
        for role in asked:
            if role is None or role.pillar is None or role.pillar == pillar:
                return ()
            moved += [
                Entity("role", other.id)
                for other in roles.values()
                if other.pillar == pillar and other.tasks == role.tasks
            ]
        return tuple(dict.fromkeys(moved))

    def _narrowed(
        self, question: str, reading: Reading, previous: Decision, language: Language | None
    ) -> Reading | None:
        """'en de tweede plv?' after 'hoeveel tijd kost de plv algemeen secretaris?': only
        words that narrow a name ('tweede', 'plv'), read with the rest of the previous
        subject's name, name another thing."""
        words_ = set(reading.unexplained)
        if reading.entities or not words_ or not words_ <= MODIFIERS or not previous.subject:
            return None
        labels = self.names.display.get(previous.subject[0], ("", ""))
        label = labels[1] if (reading.language or previous.language) == "en" else labels[0]
        rest = [w for w in name_tokens(label) if w not in reading.tokens]
        # 'en de tweede?' after the eerste vicevoorzitter: 'tweede' replaces 'eerste'.
        for added in ([w for w in rest if w not in MODIFIERS], rest):
            again = read_question(
                f"{question} {' '.join(added)}", self.names, self.search.analyzer, language
            )
            if again.entities and set(again.entities) != set(previous.subject):
                return replace(again, facets=reading.facets, unexplained=())
        return None

    def readings(self, question: str, *, language: Language | None = None) -> list[Target]:
        """What the question most likely asks about (best first, at most three), even when
        the engine was not sure enough to answer: for the loop with staff."""
        decision = self.understand(question, language, ())
        found: list[Target] = []
        groups = [decision.subject, *decision.choices]
        groups += [(entity,) for entity in decision.reading.unsure]
        for group in groups:
            # A group read as one ('Pijlervicevoorzitter': the three pillars' posts) is one
            # proposal naming all of them, never just the first.
            known = [e for e in group if e.kind in {"role", "portfolio", "body", "phase", "fact"}]
            if not known or len({e.kind for e in known}) > 1:
                continue
            target = Target(
                known[0].kind,
                ", ".join(e.id for e in known),
                common_title([self._label(e) for e in known]),
            )
            if target not in found:
                found.append(target)
        return found[:3]

    def _label(self, entity: Entity) -> str:
        if entity.kind == "fact":
            return self.snapshot.facts[entity.id].questions[0]
        return self.names.display.get(entity, (entity.id, entity.id))[0]

    def _contact(self, subject: Sequence[Entity]) -> str | None:
        """The person to reach about what was discussed: a role's holder, else its contact."""
        for entity in subject[:1]:
            if entity.kind == "person":
                return entity.id
            role_id = entity.id
            if entity.kind == "portfolio":
                role_id = self.snapshot.portfolios[entity.id].role
            role = self.snapshot.roles.get(role_id)
            if role is not None:
                return role.holder or role.more_info
        return None

    def _pillar_of(self, subject: Sequence[Entity]) -> str | None:
        pillars = {
            role.pillar
            for e in subject
            if e.kind == "role" and (role := self.snapshot.roles.get(e.id)) is not None
        }
        return pillars.pop() if len(pillars) == 1 else None

    def _pillar_named(self, subject: Sequence[Entity]) -> str | None:
        """The pillar a subject is: a pillar role, the pillar's portfolio or the pillar body."""
        if len(subject) != 1:
            return self._pillar_of(subject)
        entity = subject[0]
        lead: str | None = entity.id
        if entity.kind == "portfolio" and (portfolio := self.snapshot.portfolios.get(entity.id)):
            lead = portfolio.role if portfolio.kind == "pijler" else None
        elif entity.kind == "body" and (body := self.bodies.get(entity.id)):
            lead = body.chair if body.kind == "pijler" else None
        elif entity.kind != "role":
            lead = None
        return self._pillar_of((Entity("role", lead),)) if lead else None

    def _post_there(
        self, question: str, reading: Reading, previous: Decision, language: Language | None
    ) -> Decision | None:
        """A post asked of 'daar'/'its': the pillar's own post (pijlervoorzitter, its
        secretaris, its vice), or who chairs the body just discussed."""
        language_now = reading.language or previous.language
        pillar = self._pillar_named(previous.subject)
        if pillar is not None and fold(pillar) not in fold(question):
            again = read_question(
                f"{question} {pillar}", self.names, self.search.analyzer, language
            )
            # 'voorzitter' read with the pillar's name is its pijlervoorzitter; 'vice' names
            # several posts, one of them the pillar's.
            posts = [e for e in again.entities if self._in_pillar(e, pillar)] or [
                e for e in reading.unsure if self._in_pillar(e, pillar)
            ]
            if posts:
                return self.decide(
                    replace(
                        reading,
                        entities=tuple(posts),
                        unsure=(),
                        ambiguous=False,
                        language=language_now,
                    ),
                    previous,
                )
        bodies = [e for e in previous.subject if e.kind == "body"]
        chaired = self.bodies.get(bodies[0].id) if len(bodies) == 1 else None
        board = self._main_board()
        network_chair = self.bodies[board.id].chair if board is not None else None
        asks_chair = reading.asks_chair or any(
            e == Entity("role", network_chair) for e in reading.entities if network_chair
        )
        if chaired is not None and chaired.chair and asks_chair:
            return self.decide(
                replace(reading, entities=tuple(bodies), asks_chair=True, language=language_now),
                previous,
            )
        return None

    def _in_pillar(self, entity: Entity, pillar: str) -> bool:
        role = self.snapshot.roles.get(entity.id) if entity.kind == "role" else None
        return role is not None and role.pillar == pillar

    def decide(self, reading: Reading, previous: Decision | None) -> Decision:
        lang: Language = reading.language or (previous.language if previous else "nl")
        tokens = set(reading.tokens)
        entities = reading.entities
        kinds = {entity.kind for entity in entities}

        def decided(kind: DecisionKind, **values: Any) -> Decision:
            return Decision(kind, reading, lang, **values)

        if reading.blank:
            return decided("blank")
        # The cheap test first: the union of the word lists is made only for a 'thanks'.
        if tokens & THANKS and tokens <= THANKS | NOT_NAMES | GREETINGS:
            return decided("thanks")
        if _asks_capabilities(tokens) and not entities:
            return decided("help")
        if reading.facets & {"paid", "allowance"} and tokens & OUTSIDE_POSTS and not entities:
            # "wat verdient een wethouder?", "salary of a mayor": an office outside the
            # network; the overview says what its own posts pay, nothing of others.
            return decided("fallback")
        if kinds and kinds <= {"role", "person"} and orders_contact(reading):
            # "stuur marc een mailtje dat ik later kom", "bel de voorzitter": the bot cannot
            # run the errand; it says so, and whom to reach and how.
            if kinds == {"person"}:
                return decided("person", entities=entities[:1], errand=True)
            contact = replace(reading, facets=frozenset({"contact"}), unexplained=(), yes_no=False)
            return Decision("entity", contact, lang, entities=entities, errand=True)
        if not kinds & {"role", "person", "portfolio"} and self._asks_to_do(reading):
            # "kun je een lunch bestellen voor de vergadering?", "can you schedule a meeting
            # with the mayor?": a task for a person, not a question the overview answers,
            # whatever side word it shares with a line.
            return decided("fallback")
        # Staff wrote this very question in the Kennis tab: their answer.
        asked = self._asked_before(reading) if previous is None else None
        repeated = (asked,) if asked is not None else ()
        # "is rotterdam part of the network?", "hoort Utrecht bij de G40?": whether a place
        # belongs to the network; 'part' is not the election's 'digital part' here.
        membership = (
            reading.yes_no
            and bool(tokens & MEMBERSHIP_WORDS)
            and (reading.names_network or bool(tokens & NETWORK_WORDS))
            and kinds <= {"municipality"}
            and not tokens & (PLANNING_WORDS | ELECTION_WORDS)
        )
        if membership and reading.ambiguous and {e.kind for e in reading.unsure} == {"phase"}:
            reading = replace(reading, unsure=(), ambiguous=False)
        if reading.ambiguous:
            groups = self._choice_groups(reading.unsure)
            if reading.plural or len(groups) == 1:
                return decided("entity", entities=tuple(e for g in groups for e in g))
            return decided("clarify", choices=groups[:3])
        shared = self._shared_word(reading)
        if shared:
            # "secretaris", "the secretary?": a short name staff gave one post, but a word of
            # several posts' names: which one, the post it names first.
            return decided("clarify", choices=shared)
        if reading.asks_more and entities:
            return decided("entity", entities=entities, full=True)
        partial = reading.yes_no and bool(tokens & TOTALITY_WORDS)
        # "are the elections online or in person?": a choice between parts, not a yes or no.
        either = bool(re.search(r"\bor\b" if lang == "en" else r"\bof\b", reading.text))
        if "phase" in kinds and kinds <= {"phase", "body"} and (partial or either):
            # "gaan de verkiezingen volledig online?": one part is not the whole.
            named_phases = tuple(e for e in entities if e.kind == "phase")
            whole = self._all_parts(replace(reading, entities=named_phases))
            if whole:
                return decided(
                    "passages",
                    hits=whole,
                    groups=_groups(whole),
                    partial=partial,
                    unsettled=not partial,
                )
        elections = bool(tokens & (PLANNING_WORDS | ELECTION_WORDS))
        if partial and elections and not kinds & {"phase", "role", "person", "municipality"}:
            # "are the elections fully in person?", "is de verkiezing helemaal fysiek?" (not
            # the pillar): the line on every part of them.
            whole = self._all_parts(replace(reading, entities=()))
            if whole:
                return decided("passages", hits=whole, groups=_groups(whole), partial=True)
        if kinds == {"phase", "body"}:
            # One name for the netwerkdagen as a phase and as a body: dates, or what they are.
            keep = "phase" if tokens & (WHEN_WORDS | PHASE_STATE_WORDS) else "body"
            reading = replace(reading, entities=tuple(e for e in entities if e.kind == keep))
            entities, kinds = reading.entities, {keep}
        if (
            kinds <= {"phase", "body"}
            and reading.yes_no
            and {e.kind for e in reading.also} & {"role"}
        ):
            # "moet de voorzitter bij de netwerkdagen zijn?" is about the voorzitter.
            reading = replace(reading, entities=reading.also, also=entities)
            entities = reading.entities
            kinds = {entity.kind for entity in entities}
        if kinds == {"phase"} and {e.kind for e in reading.also} - {"phase"}:
            # "moet de voorzitter bij de netwerkdagen zijn?" is about the voorzitter.
            reading = replace(reading, entities=reading.also, also=entities)
            entities = reading.entities
            kinds = {entity.kind for entity in entities}
        if reading.emails and not entities:
            standing_in = tuple(
                Entity("person", p.id)
                for p in self.snapshot.people.values()
                if p.stand_in and p.stand_in.casefold() in reading.emails
            )
            if standing_in:
                return decided("person", entities=standing_in)
        rest = set(reading.unexplained)
        facets = set(reading.facets)
        if not entities and self._asks_general_contact(reading):
            return decided("contact")
        if not entities and tokens & FUNCTION_WORDS and not rest - FUNCTION_WORDS | facets:
            return decided("functions", hits=repeated, repeated=bool(repeated))
        if not entities and tokens & PILLAR_WORDS and not rest - PILLAR_WORDS | facets:
            listing = reading.plural or tokens & LISTING_WORDS
            if listing:
                # "welke pijlers zijn er?", "how many pillars are there?": all of them, with
                # the line the pillars' own notes share.
                return decided("pillars", hits=self._shared_pillar_line())
        if not entities and tokens & CANDIDACY_WORDS and tokens & (WHEN_WORDS | PHASE_STATE_WORDS):
            # "is the closing date for candidacies known yet?": the candidacy phase's dates.
            candidacy = self.snapshot.phases.get(CANDIDACY_PHASE_ID)
            if candidacy is not None:
                entities = (*reading.entities, Entity("phase", candidacy.id))
                reading = replace(reading, entities=entities)
                kinds = {"phase"}
        if kinds == {"phase"} and tokens & (WHEN_WORDS | PHASE_STATE_WORDS):
            return decided("planning", entities=entities)
        role_question = bool(kinds & {"role", "portfolio", "body"}) and bool(
            reading.facets or reading.yes_no
        )
        if tokens & CANDIDACY_WORDS and not role_question and kinds <= {"phase", "role"}:
            return decided("candidacy")
        if (
            reading.facets == {"appointment"}
            and tokens & SELF_WORDS
            and kinds == {"role"}
            and all(self.snapshot.roles[e.id].elected for e in entities)
        ):
            # "hoe word ik voorzitter?", "how do I become chair?": an elected post is reached
            # by standing as a candidate.
            return decided("candidacy")
        member_question = membership or bool(
            tokens & (MEMBER_WORDS - PLACE_KIND_WORDS) or reading.names_network
        )
        if "municipality" in kinds:
            if member_question or not rest:
                cities = tuple(e for e in entities if e.kind == "municipality")
                return decided("members", entities=cities)
            # A city named in a question about something else: the sheet knows nothing of it.
            return decided("fallback")
        place = rest - MEMBERSHIP_WORDS if membership else rest
        known = any(self.search.analyzer.known(word) for word in place)
        if not entities and member_question and reading.yes_no and place and not known:
            return decided("members", unknown_place=True)
        if "phase" in kinds and kinds <= {"phase"}:
            if rest and not tokens & (WHEN_WORDS | PHASE_STATE_WORDS):
                # "how does the election work, is it all online?": a line that says more.
                own = self.search.search(self._query(reading), within=self._own_passages(entities))
                elsewhere = self._elsewhere(reading, entities, own[:1], decided)
                if elsewhere is not None:
                    return elsewhere
            if tokens & WHEN_WORDS or not rest or reading.yes_no:
                return decided("planning", entities=entities)
            reading = replace(reading, entities=(), unexplained=reading.tokens)
            entities, kinds = (), set()
        if not entities and tokens & (PLANNING_WORDS | WHEN_WORDS) - CLOCK_WORDS:
            if not rest:
                return decided("planning", hits=repeated, repeated=bool(repeated))
            if asked is not None:
                return decided(
                    "passages", hits=repeated, groups=(asked.passage.owners,), repeated=True
                )
            if tokens & WHEN_WORDS:
                # "wanneer is de brief aan het AB gestuurd?": the schedule, and the line;
                # "waar vind ik de precieze planning?": the line that says where.
                hits = self.search.search(self._query(reading), limit=4)
                good = tuple(h for h in hits if set(rest) <= h.covered)[:1]
                phases = tokens & ELECTION_TOPIC or any(self._about_phases(h.passage) for h in good)
                if good and (tokens & WHERE_WORDS or not phases):
                    # The line that says where, or the date of something other than a phase
                    # of the elections ('van wanneer is de beschrijving?').
                    return decided("passages", hits=good, groups=_groups(good))
                return decided("planning", hits=good)
        if not entities and tokens & MEMBER_WORDS and not rest:
            return decided("members")
        people = tuple(e for e in (*entities, *reading.also) if e.kind == "person")
        if people and reading.yes_no and tokens & MEMBERSHIP_WORDS:
            # "zit Gerdien Looman in het DB?": whether the posts she holds sit there; a person
            # who holds none: her card.
            held = self._posts_of(people)
            rest_named = tuple(e for e in (*entities, *reading.also) if e.kind != "person")
            if held and rest_named:
                reading = replace(reading, entities=held, also=rest_named)
                entities, kinds = held, {"role"}
            elif rest_named:
                return decided("person", entities=people)
        if kinds == {"person"} and not reading.also and reading.facets & {"deputies", "support"}:
            # "wie vervangt Gerdien Looman?", "who supports Marc Jaarsma?": the stand-ins or
            # support of the posts the person holds, not the person's card.
            held = self._posts_of(entities)
            if held:
                reading = replace(reading, entities=held)
                entities, kinds = held, {"role"}
        if kinds == {"person"} and not reading.also:
            return decided("person", entities=entities)
        if kinds == {"body"} and tokens & WHEN_WORDS and not reading.also:
            # "wanneer zijn de netwerkdagen?" with no such phase in the Planning tab: the
            # schedule says what it knows, and the body's own line about it.
            query = self._query(reading)
            own = self.search.search(query, within=self._own_passages(entities), limit=1)
            return decided("planning", hits=tuple(own))
        members_asked = (
            "composition" in reading.facets
            or (reading.asks_who and bool(tokens & (MEMBERSHIP_WORDS | {"are", "zijn"})))
            or (
                # "who is in the Fysiek pillar?" ('in' is no token), not "who is in charge".
                reading.asks_who
                and bool(re.search(r"\b(?:in|bij)\b", reading.text.casefold()))
                and not tokens & (LEADER_WORDS | {"charge"})
            )
            or bool(tokens & FUNCTION_WORDS)
            or reading.asks_what
        )
        if kinds == {"portfolio"} and members_asked and not reading.also and not reading.yes_no:
            # "wie zitten er in de pijler Economie en Werk?": the pillar as a body, with its
            # member roles, not the pillar's chair alone.
            led = [self._body_led_by(e) for e in entities]
            if all(led):
                reading = replace(
                    reading,
                    entities=tuple(b for b in led if b is not None),
                    facets=reading.facets | ({"composition"} if not reading.asks_what else set()),
                    unexplained=tuple(
                        w for w in reading.unexplained if w not in MEMBERSHIP_WORDS | FUNCTION_WORDS
                    ),
                )
                entities, kinds = reading.entities, {"body"}
        if (
            kinds == {"body"}
            and tokens & FUNCTION_WORDS
            and not reading.yes_no
            and not reading.facets
            and not rest - FUNCTION_WORDS
        ):
            # "welke db-functies zijn er?", "what are the DB posts?": the posts that sit in it.
            reading = replace(
                reading,
                facets=frozenset({"composition"}),
                unexplained=tuple(w for w in reading.unexplained if w not in FUNCTION_WORDS),
            )
        if kinds == {"body"} and not reading.yes_no:
            reading = self._role_in_body(reading)
            entities = reading.entities
        if not entities and tokens & LEADER_WORDS and not rest - LEADER_WORDS:
            # "wie is de baas van de G40?": the chair of the board with members.
            board = self._main_board()
            chair = self.bodies[board.id].chair if board else None
            if chair in self.snapshot.roles:
                return decided("entity", entities=(Entity("role", str(chair)),))
        if not entities:
            if reading.facets & {"deputies", "support"} and not rest:
                return decided("relations")
            if tokens & PILLAR_WORDS and not rest:
                # "contact pijler": which pillar?
                pillars = [
                    (Entity("portfolio", p.id),)
                    for p in self.snapshot.portfolios.values()
                    if p.kind == "pijler"
                ]
                if pillars:
                    return decided("clarify", choices=tuple(pillars[:3]))
            if asked is not None:
                return decided(
                    "passages", hits=repeated, groups=(asked.passage.owners,), repeated=True
                )
            if reading.facets == {"rhythm"} and rest <= GATHER_WORDS and not reading.yes_no:
                # "hoe vaak vergadert het?", "how often do they meet?" with no body named (nor
                # one discussed just before): which body, of those whose rhythm is known.
                meeting = tuple(
                    (Entity("body", body.id),) for body in self.bodies.values() if body.rhythm
                )
                if meeting:
                    return decided("clarify", choices=meeting[:3])
            offered = self._roles_with(reading)
            if offered:
                # "tijdsbeslag?", "wat verdien je?": a role's facet with no role named (nor
                # one discussed just before): which role, not every role's line.
                return decided("clarify", choices=offered)
            found = self._search_only(reading, decided)
            if found.kind == "passages" and not self._defined(reading, found.hits):
                # "wat is een opgavetrekker?": lines that only use the word do not say what
                # it is; whom to ask.
                return decided("fallback")
            return found
        if asked is not None:
            return decided("passages", hits=repeated, groups=(asked.passage.owners,), repeated=True)
        if kinds == {"role"} and not reading.also and self._of_another(reading):
            # "wie is de voorzitter van de VNG?": another organisation's chair, not ours.
            return decided("fallback", choices=(entities,))
        own_topic = self._network_own(reading) if kinds == {"portfolio"} else ()
        if own_topic:
            return decided("passages", hits=own_topic, groups=_groups(own_topic))
        if (
            reading.yes_no
            and tokens & POST_KIND_WORDS
            and kinds in ({"role"}, {"portfolio"})
            and not reading.also
            and not reading.facets
        ):
            # "is de lobbycoördinator een bestuurder?": the kind of post, from the sheet.
            return decided("entity", entities=entities)
        if reading.yes_no and kinds == {"role"} and not reading.also:
            reading = self._pillar_meant(self._board_meant(reading))
        return self._structured(self._specific(reading), decided)

    def _asks_to_do(self, reading: Reading) -> bool:
        """'kun je een lunch bestellen?', 'can you schedule a meeting with the mayor?': asks
        the bot to do something the overview knows no word for (not to tell or find)."""
        if not set(itertools.pairwise(reading.typed)) & ASK_TO_DO:
            return False
        return any(
            len(word) >= 4
            and word not in _NOT_AN_ERRAND
            and word not in self.names.name_words
            and not self.search.analyzer.known(word)
            for word in reading.tokens
        )

    def _network_own(self, reading: Reading) -> tuple[Hit, ...]:
        """'finances of the G40', 'wie doet de financiën van het netwerk?': the network's own
        finances (its treasurer, its budget), not the portfolio about the municipalities'
        finances that the bare word also names. The line that says it of the network."""
        tokens = set(reading.tokens)
        if not (reading.names_network or tokens & NETWORK_WORDS) or tokens & PLACE_KIND_WORDS:
            return ()
        for entity in reading.entities:
            labels = self.names.display.get(entity, ("", ""))
            if not any(fold(w).startswith(MUNICIPAL_PREFIXES) for t in labels for w in words(t)):
                return ()
        query = self._query(reading)
        if not tokens & NETWORK_WORDS:
            query.append("netwerk")  # one word: the search counts 'network' as the same
        topic = {w for w in reading.name_words if not w.startswith(NAME_TERM)}
        for hit in self.search.search(query, limit=12):
            about = set(hit.passage.owners) & set(reading.entities)
            if not about and hit.covered & NETWORK_WORDS and hit.covered & topic:
                return (hit,)
        return ()

    def _profile_line(self, reading: Reading, entities: Sequence[Entity]) -> tuple[Hit, ...]:
        """The named role's competences line, when the question asks of a quality some
        profile in the sheet speaks of ('procesgericht' ~ 'Procesgeoriënteerd')."""
        asked = [w for w in reading.unexplained if w not in QUALIFIER_WORDS | MUST_WORDS]
        if not asked or not all(w[:5] in self._quality_starts for w in asked):
            return ()
        for number in self._direct_passages(entities):
            passage = self.search.passages[number]
            if passage.aspect == "competences":
                return (Hit(passage, 0.0, {}),)
        return ()

    def _not_pay(self, numbers: frozenset[int]) -> frozenset[int]:
        return frozenset(n for n in numbers if self.search.passages[n].aspect != "paid")

    def _all_parts(self, reading: Reading) -> tuple[Hit, ...]:
        """'gaan de verkiezingen volledig online?': the line about the named phase that is
        also about another phase (the whole process, in parts)."""
        phases = [Entity("phase", i) for i in self.snapshot.phases]
        if reading.entities:
            others = [e for e in phases if e not in reading.entities]
            within = self._own_passages(reading.entities) & self._own_passages(others)
        else:
            # No part named: a line about two parts or more.
            counts = Counter(n for e in phases for n in self._own_passages([e]))
            within = frozenset(n for n, count in counts.items() if count >= 2)
        found = self.search.search(self._query(reading), within=within, limit=1)
        return tuple(found)

    def _body_led_by(self, entity: Entity) -> Entity | None:
        """The body with members that a pillar portfolio's holder chairs (the pillar itself)."""
        portfolio = self.snapshot.portfolios.get(entity.id)
        if portfolio is None or portfolio.kind != "pijler":
            return None
        for body in self.bodies.values():
            if body.chair == portfolio.role and self.members_of.get(body.id):
                return Entity("body", body.id)
        return None

    def _asked_before(self, reading: Reading) -> Hit | None:
        """The Kennis question a question repeats in other words: it names the same things,
        and most of the words it asks about them with are the variant's, and the reverse."""
        named = frozenset((*reading.entities, *reading.also))
        asked = self._asked_words(reading)
        if not asked:
            return None
        within = frozenset(self.variants)
        for hit in self.search.search(self._query(reading), within=within, limit=3):
            number = self.search.number_of[hit.passage]
            variant = self.variants.get(number)
            if variant is None or variant[:2] != (named, _shape(reading)):
                continue
            theirs = variant[2]
            mine = {w for w in asked if any(self._same_word(w, v) for v in theirs)}
            found = {v for v in theirs if any(self._same_word(w, v) for w in asked)}
            if len(mine) >= _REPEAT * len(asked) and len(found) >= _REPEAT * len(theirs):
                return hit
        return None

    def _asked_words(self, reading: Reading) -> list[str]:
        """What a question asks about the things it names: its words beside their names."""
        return [
            w
            for w in self._query(reading)
            if w not in reading.name_words and w not in GENERIC and not w.startswith(NAME_TERM)
        ]

    def _same_word(self, mine: str, theirs: str) -> bool:
        """Whether search counts one word for the other (a form, part or synonym of it)."""
        known = self.same_words.get((mine, theirs))
        if known is None:
            # A word, its forms and synonyms; not a compound that merely shares a part with it.
            terms = {
                v.term
                for v in self.search.query_word(mine).variants
                if v.weight >= 0.6 and v.half < 0
            }
            known = bool(terms & set(self.search.analyzer.terms(theirs)))
            if len(self.same_words) < 100_000:
                self.same_words[mine, theirs] = known
        return known

    def _shared_pillar_line(self) -> tuple[Hit, ...]:
        """The first line of description every pillar body shares."""
        pillars = {Entity("body", b.id) for b in self.bodies.values() if b.kind == "pijler"}
        for passage in self.search.passages:
            if pillars and pillars <= set(passage.owners) and passage.aspect == "description":
                return (Hit(passage, 0.0, {}),)
        return ()

    def _asks_general_contact(self, reading: Reading) -> bool:
        """'contact g40', 'mailadres van het secretariaat', 'bij wie kan ik terecht met vragen
        over de verkiezingen?': whom to ask about the network or its elections."""
        tokens = set(reading.tokens)
        topics = FUNCTION_WORDS | PLANNING_WORDS | CANDIDACY_WORDS | GENERAL_CONTACT_WORDS
        if set(reading.unexplained) - topics:
            return False
        return bool(tokens & GENERAL_CONTACT_WORDS) or (
            "contact" in reading.facets and len(reading.facets) == 1
        )

    def _specific(self, reading: Reading) -> Reading:
        """A role named with one of its portfolios ('wie ondersteunt de tweede vicevoorzitter
        bij veiligheid?') is a question about the portfolio; two roles in a question about
        stand-ins ('wat als de voorzitter en de eerste vicevoorzitter er niet zijn?') ask for
        the stand-ins of the one the other stands in for."""
        if "deputies" in reading.facets and not reading.yes_no:
            named = [e for e in (*reading.entities, *reading.also) if e.kind == "role"]
            for entity in named:
                role = self.snapshot.roles[entity.id]
                if any(other.id in role.deputies for other in named if other != entity):
                    return replace(reading, entities=(entity,), also=())
        if reading.yes_no:
            return reading
        roles = {e.id for e in reading.entities if e.kind == "role"}
        held = tuple(
            entity
            for entity in reading.also
            if entity.kind == "portfolio"
            and (portfolio := self.snapshot.portfolios.get(entity.id)) is not None
            and portfolio.role in roles
        )
        if held:
            return replace(reading, entities=held, also=reading.entities)
        return reading

    def _structured(self, reading: Reading, decided: _Decided) -> Decision:
        """A question that names a thing: answer about it, unless another owner's line
        explains the question better ('technisch voorzitter' is a line of the eerste
        vicevoorzitter); the thing's own line when the question asks about one of them."""
        entities = reading.entities
        if {e.kind for e in entities} == {"person"} and not reading.yes_no:
            entities = reading.also or entities
        stand_in = self._while_replaced(reading, decided)
        if stand_in is not None:
            return stand_in
        query = self._query(reading)
        own = self._own_passages(entities)
        why = bool(set(reading.tokens) & REASON_QUESTION)
        own_hits = self._closest(entities, self.search.search(query, within=own, limit=6), why=why)[
            :3
        ]
        named = {w for w in query if w in reading.name_words or w.startswith(NAME_TERM)}
        if why and not reading.yes_no and not any(self._gives_reason(h) for h in own_hits):
            # "why the switch to task groups?": the thing's own lines give no reason; the line
            # that does, about what the question asks.
            asked = {w for w in query if w not in named and w not in GENERIC}
            reasons = [
                h
                for h in self.search.search([*query, *REASON_SEARCH], limit=8)
                if self._gives_reason(h)
                and (h.covered & asked or not asked)
                and h.covered & set(query)
            ]
            if reasons:
                return decided(
                    "passages",
                    entities=(),
                    hits=tuple(reasons[:1]),
                    groups=_distinct(self, reasons[:1]),
                    choices=(tuple(entities),),
                )
        kinds = {e.kind for e in entities}
        body_facets = {"rhythm", "composition", "tasks", "time"}
        # 'the contact for business operations and finance': a topic's name is a weak name;
        # whoever's line holds the rest of the question is the one to contact.
        plain = (
            not reading.facets
            or (kinds == {"body"} and not reading.facets <= body_facets)
            or (
                kinds == {"portfolio"}
                and reading.facets <= {"contact"}
                and all(self.snapshot.portfolios[e.id].kind != "pijler" for e in entities)
            )
        )
        if plain and not reading.yes_no:
            elsewhere = self._elsewhere(reading, entities, own_hits, decided)
            if elsewhere is not None:
                return elsewhere
        # "who currently holds the post of first vice chair?": 'post' names what the thing is,
        # not something asked of it.
        plain_words = GENERIC | REQUEST_WORDS | (POST_WORDS if kinds & {"role"} else frozenset())
        specific = [w for w in reading.unexplained if w not in plain_words and self.search.known(w)]
        hits: tuple[Hit, ...] = ()
        # A body's facets are no columns of its own: its lines answer them, by all the
        # question's words ('who pays for the support staff of DB members?').
        columns = {e.kind for e in entities} != {"body"}
        narrow = not reading.facets - {"appointment", "rhythm", "composition"} or not columns
        if not columns and reading.facets - {"rhythm", "composition"}:
            specific = [w for w in query if w not in named and w not in GENERIC]
        if own_hits and specific and narrow:
            top = own_hits[0]
            if set(specific) & top.covered:
                # A second line only if it is the thing's own, not one that mentions it.
                direct = self._direct_passages(entities)
                hits = tuple(
                    h
                    for h in own_hits[:2]
                    if h.score >= 0.6 * top.score
                    and h.covered & set(specific)
                    and (h is top or self.search.number_of[h.passage] in direct)
                )
        if "appointment" in reading.facets and not any(
            h.covered & set(FACET_SEARCH["appointment"]) for h in hits
        ):
            # "hoe word je pijlervoorzitter, wie draagt je voor?": a line that only shares a
            # word ('Draagt zorg voor ...') says nothing of how the post is filled.
            hits = ()
        if "rhythm" in reading.facets and not reading.yes_no:
            # "hoe vaak stemmen voorzitter en eerste vicevoorzitter af?": the line of one of
            # the two that names the other and says how they consult.
            hits = self._between(reading) or hits
        # "krijgt een pijlersecretaris betaald?": the pay columns answer it, not a line that
        # happens to hold a word like it ('paying explicit attention').
        by_columns = reading.facets == {"paid"} and self._facet_known(entities, reading.facets)
        if reading.yes_no and not by_columns:
            asks_must = set(reading.tokens) & MUST_WORDS
            must = [w for w in ("noodzakelijk", "verplicht", "required") if asks_must]
            modal = reading.tokens[:1] and reading.tokens[0] in MODALS
            # "zijn alle DB-leden burgemeester?": a body's 'leden' are what its composition
            # line is about, not a word that line must hold.
            composed = [w for w in query if kinds != {"body"} or w not in MEMBERSHIP_WORDS]
            hits = self._yes_no_hits(entities, [*composed, *must], own, modal=bool(modal))
        deputies = [
            Entity("role", i)
            for e in entities
            if e.kind == "role"
            for i in self.snapshot.roles[e.id].deputies
        ]
        if "deputies" in reading.facets and specific and not hits:
            found = self.search.search(
                [*specific, "vervanging", "vervangt"], within=self._own_passages(deputies), limit=1
            )
            hits = tuple(h for h in found if h.covered & set(specific))
        if "deputies" in reading.facets and set(reading.tokens) & LEAVING_WORDS and not hits:
            # "wat gebeurt er als de pijlervoorzitter stopt?": beside the order of stand-ins,
            # the stand-in's line about replacing for good.
            found = self.search.search(
                list(PERMANENT_SEARCH), within=self._direct_passages(deputies), limit=1
            )
            hits = tuple(h for h in found if h.covered & set(PERMANENT_SEARCH))
        if reading.asks_chair and not hits and not reading.yes_no:
            hits = self._chair_lines(reading)
        if "support" in reading.facets and not hits and not reading.yes_no and len(entities) == 1:
            # A portfolio's own note on its support ('..., ondersteund door de secretaris van
            # deze opgavegroep'), and the supporter's line about what it supports.
            notes = (
                self.direct.get(entities[0], frozenset())
                if entities[0].kind == "portfolio"
                else frozenset()
            )
            found = self.search.search(FACET_SEARCH["support"], within=notes, limit=1)
            hits = (*found, *self._supporter_line(entities))
        facet_words = [w for f in sorted(reading.facets) for w in FACET_SEARCH.get(f, ())]
        if facet_words and not hits and not self._facet_known(entities, reading.facets):
            # A line on pay ('een tegemoetkoming beschikbaar gesteld') says nothing of how a
            # post is filled or how often it meets.
            unpaid = own if "paid" in reading.facets else self._not_pay(own)
            found = self.search.search([*specific, *facet_words], within=unpaid, limit=2)
            if "support" in reading.facets and not asks_whom_supported(reading):
                # 'wie ondersteunt de plv. algemeen secretaris?': its own line 'Ondersteunt de
                # eerste vicevoorzitter' says whom it supports, the opposite of what is asked.
                found = [h for h in found if says_supported(h.passage.text)]
            hits = tuple(h for h in found[:1] if h.covered & {*facet_words, *specific})
            if reading.yes_no and not any(h.covered & set(specific) for h in hits):
                # A line with only a word of the facet ('partijen die de G40 ondersteunen')
                # shows what the sheet says; it does not settle whether the thing is supported.
                return decided("entity", entities=entities, hits=hits, unsettled=True)
        if reading.yes_no and not hits and own_hits and not by_columns:
            # A line about what is asked that cannot settle it (it does not hold every word):
            # shown, without a Ja or Nee — if it holds more than the thing's own title.
            titles = {w for e in entities for t in self.names.display.get(e, ()) for w in words(t)}
            shown = tuple(
                h
                for h in own_hits[:2]
                if h.covered - GENERIC - titles and h.covered >= own_hits[0].covered
            )
            if shown:
                return decided("entity", entities=entities, hits=shown, unsettled=True)
        profile = self._profile_line(reading, entities) if reading.yes_no and not hits else ()
        if profile:
            # "moet de voorzitter procesgericht zijn?": a quality the role's profile does not
            # list: the profile as the sheet has it, without a Ja or Nee.
            return decided("entity", entities=entities, hits=profile, unsettled=True)
        if not hits and self._weak(reading, own_hits) and not self._settled(reading, decided):
            # The thing is named, but what is asked of it the sheet does not say ('wat vindt de
            # voorzitter van windmolens?'): no card that looks like an answer; whom to ask,
            # and the thing to choose if that was meant.
            return decided("fallback", choices=(tuple(entities),))
        return decided("entity", entities=entities, hits=hits)

    def _settled(self, reading: Reading, decided: _Decided) -> bool:
        """Whether the sheet's columns settle a yes/no question about the named thing (how two
        named things relate, whether a role is elected, paid, ...)."""
        if not reading.yes_no:
            return False
        decision = replace(decided("entity"), reading=reading, entities=reading.entities)
        return self.composer(decision, date.min).verdict() is not None

    def _weak(self, reading: Reading, own_hits: Sequence[Hit]) -> bool:
        """Whether a question that names a thing asks something of it the sheet does not hold:
        no facet, no 'who', and words beside the name that no line of the thing holds."""
        if reading.facets or reading.asks_who or reading.asks_more:
            return False
        asked = {
            w
            for w in reading.unexplained
            if w not in GENERIC and w not in REQUEST_WORDS and not w.isdigit()
        }
        held = set().union(*(h.covered for h in own_hits))
        return bool(asked - held)

    def _while_replaced(self, reading: Reading, decided: _Decided) -> Decision | None:
        """'wie ondersteunt de penningmeester als de plv. secretaris vervangen moet worden?':
        the other role's stand-in, with its own line about the thing asked of."""
        if "deputies" not in reading.facets or not reading.facets - {"deputies"}:
            return None
        if not set(reading.tokens) & CONDITIONS:
            return None
        absent = [
            self.snapshot.roles[e.id]
            for e in reading.also
            if e.kind == "role" and self.snapshot.roles[e.id].deputies
        ]
        if not absent:
            return None
        stand_ins = [Entity("role", i) for i in absent[0].deputies if i in self.snapshot.roles]
        subject = self._titles(reading.entities) - GENERIC
        found = self.search.search(
            [*subject, *FACET_SEARCH.get("support", ())], within=self._direct_passages(stand_ins)
        )
        hits = tuple(h for h in found[:1] if h.covered & subject)
        if not hits:
            return None
        plain = replace(reading, entities=(hits[0].passage.owners[0],), facets=frozenset())
        return replace(decided("entity", entities=plain.entities, hits=hits), reading=plain)

    def _elsewhere(
        self,
        reading: Reading,
        entities: Sequence[Entity],
        own_hits: Sequence[Hit],
        decided: _Decided,
    ) -> Decision | None:
        """Another owner's line that explains the question better than the named thing's own
        ('technisch voorzitter' is a line of the eerste vicevoorzitter) — only when it names
        what the question names: a named thing dominates a line that merely shares a side
        word with the question."""
        query = self._query(reading)
        named = {w for w in query if w in reading.name_words or w.startswith(NAME_TERM)}
        if not named:
            # "how do I reach them?" after "who is the treasurer?": the thing comes from the
            # thread, and no line can name it better than the thread did.
            return None
        own_weight = self._cover(own_hits[0] if own_hits else None, named)
        related = self._related(entities)
        # A topic's name ('security' of Veiligheid) is weaker: a line that holds all else the
        # question asks ('website') and which the topic's own lines do not, may win too.
        topic = {e.kind for e in entities} == {"portfolio"} and all(
            self.snapshot.portfolios[e.id].kind != "pijler" for e in entities
        )
        if topic:
            # "who on the board takes care of lobby?": the board holds the topic; it is no
            # topic of its own.
            query = [w for w in query if w not in BOARD_WORDS]
        rest = {
            w
            for w in query
            if w not in named
            and w not in GENERIC
            and w not in _FACET_KEYWORDS
            and self.search.known(w)
        }
        if topic and not rest and reading.facets & {"contact"}:
            # "who do I ask about communications?": the topic's name is all the question
            # asks of; another line that uses the word ('communicating about the elections')
            # explains nothing more.
            return None
        own_rest = set().union(*(h.covered for h in own_hits)) & rest
        others = [
            h
            for h in self.search.search(query, limit=12)
            if not set(h.passage.owners) & related
            and (named <= h.covered or (topic and rest and not own_rest and rest <= h.covered))
        ]
        if not others:
            return None
        why = bool(set(reading.tokens) & REASON_QUESTION)
        best = max(
            others, key=lambda h: (why and self._gives_reason(h), self._cover(h, named), h.score)
        )
        if why and own_hits and self._gives_reason(own_hits[0]) and not self._gives_reason(best):
            # A question for a reason that the thing's own line gives.
            return None
        own_quality = dict.fromkeys(named, 1.0) | (own_hits[0].quality if own_hits else {})
        gained = [w for w, q in best.quality.items() if q > own_quality.get(w, 0.0) + 0.2]
        if not gained or self._cover(best, named) < own_weight + 1.0:
            return None
        close = sorted(
            (h for h in others if h.covered == best.covered),
            key=lambda h: h.passage.owners[0].kind != "role",
        )
        return decided(
            "passages",
            entities=(),
            hits=tuple(close),
            groups=_distinct(self, close[:3])[:2],
            choices=(tuple(entities),),
        )

    def _yes_no_hits(
        self,
        entities: Sequence[Entity],
        query: Sequence[str],
        own: frozenset[int],
        *,
        modal: bool = False,
    ) -> tuple[Hit, ...]:
        """The thing's own line that holds what the question asks about it (the words beside
        the thing's own title): most of their weight, and no word the sheet does not know —
        a line cannot settle what it does not mention."""
        titles = self._titles(entities)
        asked = {
            w
            for w in query
            if w not in titles
            and w not in GENERIC
            and w not in MUST_WORDS
            and w not in ABILITY_WORDS
            and w not in FILLER
            # 'allemaal', 'only': how much of it is asked; the line's verdict weighs that.
            and w not in TOTALITY_WORDS
        }
        if modal and asked - CHANGE_WORDS:
            asked -= CHANGE_WORDS
        if not asked or not all(self.search.known(w) for w in asked):
            return ()
        # Only the thing's own lines settle a question about it: a Kennis row or a body's
        # line that merely mentions it ('ieder DB-lid ...') says nothing of the thing itself.
        settling = frozenset().union(
            *(self.named_in.get(e, frozenset()) for e in entities),
            *(self.direct.get(e, frozenset()) for e in self._related(entities)),
        )
        found = self.search.search(list(query), within=own & settling, limit=6)
        if not found:
            return ()

        def held(hit: Hit) -> float:
            return sum(self.search.weight(w) * q for w, q in hit.quality.items() if w in asked)

        def enough(hit: Hit) -> bool:
            # "kan de portefeuilleverdeling nog veranderen?" - "Binnen het DB kunnen afspraken
            # worden gemaakt over ... portefeuilles": a line that allows what a 'kan' question
            # asks about need not hold its verb.
            text = self.search.words_of(hit.passage)
            share = 0.4 if modal and text & MODALS else 0.6
            return held(hit) >= share * self._weight(asked)

        direct = set(entities)
        settling_hits = [hit for hit in found if enough(hit)]
        if not settling_hits:
            return ()

        def plain(hit: Hit) -> bool:
            return not self.search.words_of(hit.passage) & NEGATIONS

        # Among equals: the thing's own line, then one that says it plainly (no 'geen ...,
        # maar ...').
        best = max(
            settling_hits,
            key=lambda hit: (
                round(held(hit), 1),
                bool(set(hit.passage.owners) & direct),
                plain(hit),
                hit.score,
            ),
        )
        return (best,)

    def _between(self, reading: Reading) -> tuple[Hit, ...]:
        """The line of one of two named roles that names the other and says how often or how
        they consult ('Stemt regelmatig af met de voorzitter', 'De frequentie van afstemming
        met de pijlervoorzitter ...')."""
        one = [e for e in reading.entities if e.kind == "role"]
        other = [e for e in reading.also if e.kind == "role"]
        if not one or not other:
            return ()
        pool: set[int] = set()
        for mine, theirs in ((one, other), (other, one)):
            for number in self._direct_passages(mine):
                passage = self.search.passages[number]
                if set(self.mentions.get(passage, ())) & set(theirs):
                    pool.add(number)
        words_ = [*FACET_SEARCH["rhythm"], *CONSULT_SEARCH]
        found = self.search.search(words_, within=frozenset(pool), limit=1)
        if not found:
            # No line says how often: the line on how the two work together.
            found = self.search.search(self._query(reading), within=frozenset(pool), limit=1)
        return tuple(found)

    def _supporter_line(self, entities: Sequence[Entity]) -> tuple[Hit, ...]:
        """'Ondersteunt de eerste vicevoorzitter/penningmeester ... in al zijn taken': the
        supporter's own line about what it supports, if it has one."""
        supporters: list[Entity] = []
        titles: list[str] = []
        for entity in entities:
            if entity.kind == "role":
                role = self.snapshot.roles[entity.id]
                supporters += [Entity("role", i) for i in role.supported_by]
            elif entity.kind == "portfolio":
                portfolio = self.snapshot.portfolios[entity.id]
                supporters += [Entity("role", i) for i in portfolio.supported_by]
            titles += list(self.names.display.get(entity, ()))
        subject = [w for title in titles for w in name_tokens(title)]
        if not supporters or not subject:
            return ()
        found = self.search.search(
            [*subject, "ondersteunt", "supports"], within=self._own_passages(supporters), limit=1
        )
        return tuple(h for h in found if h.covered & set(subject))

    def _facet_known(self, entities: Sequence[Entity], facets: frozenset[str]) -> bool:
        """Whether the sheet's columns answer the facet, so no line need be searched for it
        (a role's support or stand-ins in their own columns)."""
        roles = [self.snapshot.roles[e.id] for e in entities if e.kind == "role"]
        if not roles:
            return True
        for facet in ("support", "deputies", "paid"):
            if facet in facets:
                return any(role_holds(role, facet) for role in roles)
        return False

    def _cover(self, hit: Hit | None, named: set[str], only: set[str] | None = None) -> float:
        """How much of the question a reading explains: each word's weight times how well it
        is matched; a word of a name the question uses counts at least as a name does."""
        total = sum(max(self.search.weight(word), NAME_WEIGHT) for word in named)
        if hit is not None:
            total += sum(
                self.search.weight(word) * quality
                for word, quality in hit.quality.items()
                if word not in named and (only is None or word in only)
            )
        return total

    def _role_in_body(self, reading: Reading) -> Reading:
        """'wie is de voorzitter van het AOT?', 'who chairs the Dagelijks Bestuur?': a role
        named with a body is a question about the role — and a chair word about the body's
        own chair."""
        roles = [e for e in reading.also if e.kind == "role"]
        body = self.bodies[reading.entities[0].id]
        if reading.asks_chair and reading.asks_who and body.chair in self.snapshot.roles:
            return replace(reading, entities=(Entity("role", body.chair),), also=reading.entities)
        pillars = {
            self.names.portfolio_pillar[e.id]
            for e in reading.also
            if e.kind == "portfolio" and e.id in self.names.portfolio_pillar
        }
        if pillars and not roles and (reading.asks_who or not reading.facets):
            # "wie zit er namens Fysiek in het DB?": that pillar's member of the body.
            roles = [
                Entity("role", role_id)
                for role_id in self.members_of.get(body.id, [])
                if self.snapshot.roles[role_id].pillar in pillars
            ]
            if roles:
                return replace(
                    reading, entities=tuple(roles), also=reading.entities, unexplained=()
                )
        if not roles:
            return reading
        if body.chair in self.snapshot.roles and set(reading.tokens) & CHAIR_WORDS:
            return replace(
                reading,
                entities=(Entity("role", body.chair),),
                also=reading.entities,
                asks_chair=True,
            )
        return replace(reading, entities=tuple(roles), also=reading.entities)

    def _about_phases(self, passage: Passage) -> bool:
        """Whether a line belongs to the election phases: a phase's own, or a Kennis row about
        one."""
        for owner in passage.owners:
            fact = self.snapshot.facts.get(owner.id) if owner.kind == "fact" else None
            topics = set(fact.topics) if fact else set()
            if owner.kind == "phase" or topics & set(self.snapshot.phases):
                return True
        return False

    def _of_another(self, reading: Reading) -> bool:
        """'de voorzitter van de VNG', 'the chair of Platform31': a role word followed by 'van'
        or 'of' and a name (written with a capital) the sheet knows nothing by."""
        typed = reading.text.split()
        plain = [fold(t.strip("?!.,;:'\"()")) for t in typed]
        for number, word in enumerate(plain[:-1]):
            if (
                word not in {"van", "of"}
                or not number
                or plain[number - 1] not in self.names.name_words
            ):
                continue
            rest = [
                (w, t)
                for w, t in zip(plain[number + 1 :], typed[number + 1 :], strict=True)
                if w not in {"de", "het", "the", "een", "a"}
            ]
            if not rest:
                continue
            owner, as_typed = rest[0]
            if (
                as_typed[:1].isupper()
                and owner not in GENERIC
                and owner not in self.names.names
                and owner not in self.names.name_words
            ):
                return True
        return False

    def _board_meant(self, reading: Reading) -> Reading:
        """'is that a board seat?', 'zit die in het bestuur?': a membership question about
        'the board' means the one board with members (the Dagelijks Bestuur)."""
        tokens = set(reading.tokens)
        if not tokens & BOARD_WORDS or not tokens & MEMBERSHIP_WORDS:
            return reading
        if set(reading.unexplained) - BOARD_WORDS - MEMBERSHIP_WORDS:
            # 'the VNG board' is another board.
            return reading
        board = self._main_board()
        return replace(reading, also=(board,)) if board else reading

    def _pillar_meant(self, reading: Reading) -> Reading:
        """'is de pijlersecretaris lid van de pijler Sociaal?': the pillar's name went into the
        role's ('pijlersecretaris Sociaal'), but a membership question names the pillar as the
        body asked about."""
        if reading.also or not set(reading.tokens) & MEMBERSHIP_WORDS:
            return reading
        text = fold(reading.text)
        for body in self.bodies.values():
            entity = Entity("body", body.id)
            if body.kind != "pijler" or not self.members_of.get(body.id):
                continue
            spelt = [n for n in self.names.spellings.get(entity, ()) if len(name_tokens(n)) > 1]
            if any(re.search(rf"\b{re.escape(fold(n))}\b", text) for n in spelt):
                return replace(reading, also=(entity,))
        return reading

    def _main_board(self) -> Entity | None:
        """The one board with members (the Dagelijks Bestuur), if there is one."""
        boards = [
            Entity("body", body.id)
            for body in self.bodies.values()
            if body.kind == "bestuur" and self.members_of.get(body.id)
        ]
        return boards[0] if len(boards) == 1 else None

    def _chair_lines(self, reading: Reading) -> tuple[Hit, ...]:
        """'wie is voorzitter van het AOT?': the chair's own line that names the body, and the
        body's own line that names its chair — the sheet's words for who chairs it."""
        found: list[Hit] = []
        for entity in reading.entities:
            for body_entity in reading.also:
                body = self.bodies.get(body_entity.id) if body_entity.kind == "body" else None
                if body is None or body.chair != entity.id:
                    continue
                for own, named in ((entity, body_entity), (body_entity, entity)):
                    within = self.direct.get(own, frozenset()) & self.named_in.get(
                        named, frozenset()
                    )
                    hits = self.search.search(_CHAIR_SEARCH, within=within, limit=1)
                    found += [h for h in hits if h.passage not in {f.passage for f in found}]
        return tuple(found)

    def _defined(self, reading: Reading, hits: Sequence[Hit]) -> bool:
        """Whether the lines found say what the question's term is, when it asks no more
        than that ('wat is een X?', 'what is a X?'): a line that opens with the term or
        says 'X is', 'X zijn', 'X:'. True for any other question."""
        tokens = [t for t in reading.tokens if t not in DEFINE_FILLER]
        if len(tokens) >= 3 and tokens[1] in DEFINE_IS:
            named = tokens[2:]
        elif reading.tokens[-1:] and reading.tokens[-1] in {"mean", "means"}:
            named = tokens[1:]  # "what does X mean?"
        else:
            return True
        if not named or tokens[0] not in DEFINE_WHAT:
            return True
        term = r"[\s-]+".join(re.escape(t) for t in named)
        defining = re.compile(
            rf"^(?:(?:een|de|het|a|an|the)\s+)?{term}\w{{0,3}}\b"
            rf"|\b{term}\w{{0,3}}\s*(?::|\b(?:is|zijn|are|heet|heten|betekent|means)\b)"
        )
        return any(
            defining.search(fold(text))
            for hit in hits[:4]
            for text in (hit.passage.text, hit.passage.text_en)
            if text
        )

    def _roles_with(self, reading: Reading) -> tuple[tuple[Entity, ...], ...]:
        """The roles to choose from when a question asks only a facet of a role (its time,
        pay, profile or tasks) and names none: the first few whose sheet row holds it."""
        facets = reading.facets & _ROLE_FACETS
        if not facets or reading.facets - facets or reading.yes_no or reading.asks_who:
            return ()
        if reading.entities or reading.unsure or reading.also:
            return ()
        # 'nodig', 'required', 'important' say how much it matters, not of what.
        loose = _FACET_KEYWORDS | MUST_WORDS | QUALIFIER_WORDS
        rest = [w for w in reading.unexplained if w not in loose]
        if any(self.search.known(w) for w in rest):
            return ()
        holding = [
            Entity("role", role.id)
            for role in self.snapshot.roles.values()
            if any(role_holds(role, facet) for facet in facets)
        ]
        return self._choice_groups(holding)[:3]

    def _shared_word(self, reading: Reading) -> tuple[tuple[Entity, ...], ...]:
        """The readings of a question that is only one word of a post's title, a word that
        other posts' names share ('secretaris': the algemeen secretaris, the
        pijlersecretarissen, the plv.): that post first, then the largest groups. Asked more
        ('wie is de secretaris?', 'tijdsbeslag secretaris') the word names the post staff
        gave it to."""
        entities = reading.entities
        if len(entities) != 1 or entities[0].kind != "role" or len(reading.tokens) != 1:
            return ()
        word = reading.tokens[0]
        titles = self.names.display.get(entities[0], ())
        if any("".join(name_tokens(title)) == word for title in titles):
            return ()
        sharing = [e for e in self.names.partials.get((word,), {}) if e != entities[0]]
        others = sorted(self._choice_groups(sharing), key=len, reverse=True)
        if len(others) < 2:
            return ()
        return (entities, *others[:2])

    def _choice_groups(self, entities: Sequence[Entity]) -> tuple[tuple[Entity, ...], ...]:
        """Things to choose from, a pillar's roles that share their tasks as one group."""
        groups: list[list[Entity]] = []
        for entity in entities:
            role = self.snapshot.roles.get(entity.id) if entity.kind == "role" else None
            for group in groups:
                first = group[0]
                other = self.snapshot.roles.get(first.id) if first.kind == "role" else None
                if role and other and role.pillar and other.pillar and role.tasks == other.tasks:
                    group.append(entity)
                    break
            else:
                groups.append([entity])
        return tuple(tuple(group) for group in groups)

    def _about(self, hit: Hit, things: Sequence[Entity]) -> bool:
        """Whether a line is one of these things' own, or names one of them."""
        number = self.search.number_of[hit.passage]
        return any(
            number in self.direct.get(thing, ()) or number in self.named_in.get(thing, ())
            for thing in things
        )

    def _search_only(self, reading: Reading, decided: _Decided) -> Decision:
        """No name in the question: the passages that explain most of it, with their owners;
        the likeliest readings when none explains enough; else 'dat weet ik niet'."""
        query = self._query(reading)
        facet_words = [w for f in sorted(reading.facets) for w in FACET_SEARCH.get(f, ())]
        found = self.search.search([*query, *facet_words], limit=12) if query else []

        def rank(hit: Hit) -> tuple[float, bool, float]:
            # A role's own line says who by itself: first among equals for a 'who' question.
            # The facet's words only break ties: the question's own words rank. A line that
            # holds more of the question's words is the likelier answer ('contacten' and
            # 'hogescholen' beat a rare verb alone).
            # A facet's word ('contacten met het kabinet') says what is asked, the rest what it
            # is asked of: the rest ranks first.
            says_who = reading.asks_who and hit.passage.owners[0].kind == "role"
            held = len(set(query) & hit.covered) ** 0.5
            cover = sum(
                self.search.weight(w) * q * (0.5 if w in _FACET_KEYWORDS else 1.0)
                for w, q in hit.quality.items()
                if w in query
            )
            return (round(cover * held, 1), says_who, hit.score)

        hits = sorted(found, key=rank, reverse=True)
        why = bool(set(reading.tokens) & REASON_QUESTION)
        if hits and why:
            # "waarom gaat de G40 opgavegericht werken?": among the lines that explain the
            # question nearly as well, the one that gives a reason.
            top = rank(hits[0])[0]
            hits.sort(key=lambda h: not (self._gives_reason(h) and rank(h)[0] >= 0.6 * top))
        total = sum(self.search.weight(w) or UNKNOWN_WEIGHT for w in query)
        # A name the sheet does not know ('Amsterdam', 'Zeist') makes the question about
        # something else, unless a line explains the rest of it well.
        foreign = [w for w in query if not self.search.known(w) and _capitalised(w, reading.text)]
        if hits and total:
            best = hits[0]
            # A rank or count shared with a line explains nothing on its own.
            explained = self._cover(best, set(), only=set(query) - RANK_WORDS)
            share = explained / total
            if foreign and not reading.unsure:
                return decided("fallback")
            telling = self._weight(best.covered & set(query) - GENERIC - RANK_WORDS)
            # A line that holds several of the question's words, most of them, is no
            # coincidence even when a rare verb beside them ('legt', 'talks') is not in it.
            held = len(best.covered & set(query) - GENERIC - RANK_WORDS)
            together = share >= MAYBE_SHARE and held >= max(2, (len(query) + 1) // 2)
            # A near-miss of a name ('piler fysicl') means that thing more than a line that
            # shares a word with the question: the line answers only when it is about it.
            missed = bool(reading.unsure) and not self._about(best, reading.unsure)
            if (share >= SURE_SHARE or together) and telling >= 1.0 and not missed:
                # Lines nearly as good say who else does it ('het DB onderhoudt een netwerk met
                # het Kabinet' beside 'onderhoudt contacten met het Rijk').
                close = [
                    h
                    for h in hits
                    if (cover := self._cover(h, set(), only=set(query))) >= 0.8 * explained
                    and (h.covered >= best.covered or cover >= _NEARLY * explained)
                ]
                if why and close and self._gives_reason(close[0]):
                    # A reason asked, a reason given: the lines that give none are beside it.
                    close = [h for h in close if self._gives_reason(h)]
                groups = _distinct(self, close[:4])[:3]
                asked = {w for w in query if w not in GENERIC and self.search.known(w)}
                unsettled = not asked <= best.covered
                return decided("passages", hits=tuple(hits), groups=groups, unsettled=unsettled)
            if share >= MAYBE_SHARE and not reading.unsure:
                # Readings close to the best one only: each relevant to the words asked.
                near = [
                    h
                    for h in hits[:6]
                    if self._cover(h, set(), only=set(query)) >= _NEAR_READING * explained
                ]
                readings = _distinct(self, near)[:3]
                if len(readings) == 1:
                    # One likely reading is no choice: answer it.
                    return decided("passages", hits=tuple(hits), groups=readings)
                return decided("clarify", choices=readings)
        guessed = {
            w for e in reading.unsure for n in self.names.spellings.get(e, ()) for w in words(n)
        }
        strange = [
            w
            for w in reading.unexplained
            if len(w) >= 4
            and not self.search.known(w)
            and not any(sounds_near(w, g) for g in guessed)
        ]
        if reading.unsure and not strange:
            return decided("clarify", choices=_one_each(self._choice_groups(reading.unsure))[:3])
        # "what's the capital of france": more than one word the overview has never heard of
        # is a question about something else, not a typo of 'finances'.
        return decided("fallback")

    def _query(self, reading: Reading) -> list[str]:
        """The question's words as search counts them (a copy: callers extend it)."""
        # Every field of the reading that _query_words reads.
        key = (reading.tokens, reading.asks_chair, reading.asks_who)
        cached = reading.search_words.get(key)
        if cached is None:
            cached = reading.search_words[key] = self._query_words(reading)
        return list(cached)

    def _query_words(self, reading: Reading) -> list[str]:
        words: list[str] = []
        tokens = list(reading.tokens)
        spans = name_spans(tokens, self.search.analyzer.names)
        for start, end, term in reversed(list(spans)):
            # 'dagelijks bestuur' is one name, found however a line spells it ('DB').
            if end - start > 1:
                tokens[start:end] = [term]
        for number in range(len(tokens) - 1):
            joined = tokens[number] + tokens[number + 1]
            # 'platform 31' is 'Platform31' in the sheet.
            if tokens[number].isalpha() and joined in self.search.analyzer.vocabulary:
                tokens[number : number + 2] = [joined, ""]
        # "wie is verantwoordelijk voor de boekhouding?": 'verantwoordelijk' only says who;
        # the topic is what the line must hold.
        topic = [t for t in tokens if t and t not in SEARCH_STOPWORDS and t not in RESPONSIBLE]
        grammar = RESPONSIBLE if reading.asks_who and topic else frozenset()
        for token in filter(None, tokens):
            if token in grammar:
                continue
            if token in PHRASE_SEARCH:
                words += PHRASE_SEARCH[token]
            elif token in SEARCH_STOPWORDS or len(token) < 2:
                continue
            elif not (reading.asks_chair and token in CHAIR_VERBS):
                # 'leads' in "who leads the pillar?" asks for the chair; it is no topic.
                words.append(token)
        return words

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

    def _gives_reason(self, hit: Hit) -> bool:
        passage = hit.passage
        if passage.aspect == "question":
            fact = self.snapshot.facts[passage.owners[0].id]
            return bool(set(words(fact.answer)) & REASONS)
        return bool(self.search.words_of(passage) & REASONS)

    def _closest(
        self, entities: Sequence[Entity], hits: Sequence[Hit], *, why: bool = False
    ) -> list[Hit]:
        """Hits in the order they answer a question about `entities`: the one that holds more
        of what the question asks (beside the things' own names) first; among equals, the
        thing's own line before a line that only mentions it or a Kennis row about it. A
        question for a reason ('waarom', 'waarop baseert') gets a line that gives one first."""
        named = set(entities)
        titles = self._titles(entities)

        def rank(hit: Hit) -> tuple[bool, float, bool, float]:
            held = sum(self.search.weight(w) * q for w, q in hit.quality.items() if w not in titles)
            direct = bool(set(hit.passage.owners) & named)
            return (why and self._gives_reason(hit), round(held, 1), direct, hit.score)

        return sorted(hits, key=rank, reverse=True)

    def _titles(self, entities: Sequence[Entity]) -> set[str]:
        """The words that name these things themselves: their titles' words, their one-word
        names ('DB', 'AOT'), and the bodies a role belongs to ('pijler fysiek' of the
        'vicevoorzitter van pijler fysiek')."""
        titles: set[str] = set()
        for entity in entities:
            own = self.titles.get(entity)
            if own is None:
                own = self.titles[entity] = self._own_titles(entity)
            titles |= own
        return titles

    def _own_titles(self, entity: Entity) -> frozenset[str]:
        titles: set[str] = set()
        for label in self.names.display.get(entity, ()):
            titles.update(name_tokens(label))
        titles.update(
            spelling for spelling in self.names.spellings.get(entity, ()) if " " not in spelling
        )
        titles.update(
            NAME_TERM + body for body, members in self.members_of.items() if entity.id in members
        )
        return frozenset(titles)

    def _direct_passages(self, entities: Sequence[Entity]) -> frozenset[int]:
        return frozenset().union(*(self.direct.get(e, frozenset()) for e in entities))

    def _own_passages(self, entities: Sequence[Entity]) -> frozenset[int]:
        numbers: set[int] = set()
        for entity in entities:
            numbers |= self.owned.get(entity, frozenset())
        return frozenset(numbers)


class _Decided(Protocol):
    """The decision constructor `decide` hands to its helpers."""

    def __call__(self, kind: DecisionKind, **values: Any) -> Decision: ...


def _groups(hits: Sequence[Hit]) -> tuple[tuple[Entity, ...], ...]:
    """Each hit's owners as one group (the three pillar secretaries share their lines), in
    order, without repeats."""
    groups: list[tuple[Entity, ...]] = []
    for hit in hits:
        owners = hit.passage.owners
        if owners not in groups:
            groups.append(owners)
    return tuple(groups)


def _distinct(directory: Directory, hits: Sequence[Hit]) -> tuple[tuple[Entity, ...], ...]:
    """The hits' owner groups, without the portfolio whose holding role is already listed
    (the penningmeester's note says what the eerste vicevoorzitter's line says), nor a body's
    or fact's line that names a listed role."""
    groups = _groups(hits)
    roles = {e.id for group in groups for e in group if e.kind == "role"}
    kept: list[tuple[Entity, ...]] = []
    for group in groups:
        hit = next(h for h in hits if h.passage.owners == group)
        named = {e.id for e in directory.mentions.get(hit.passage, ())}
        if group[0].kind in {"body", "fact"} and named & roles:
            continue
        portfolio = (
            directory.snapshot.portfolios.get(group[0].id) if group[0].kind == "portfolio" else None
        )
        if portfolio is not None and portfolio.role in roles:
            continue
        if any(other[0].id == group[0].id for other in kept):
            # The netwerkdagen as a phase and as a body: one thing to offer, not two.
            continue
        kept.append(group)
    return tuple(kept)


def _one_each(groups: Sequence[tuple[Entity, ...]]) -> tuple[tuple[Entity, ...], ...]:
    """Groups to choose from, a thing known by two kinds (a phase and a body of one name)
    offered once."""
    kept: list[tuple[Entity, ...]] = []
    for group in groups:
        if not any(other[0].id == group[0].id for other in kept):
            kept.append(group)
    return tuple(kept)


# Words that give a question a subject of its own without naming a role, beside the network
# itself (`names_network`): 'who can I ask about the elections?' after a question on a person.
_ELECTION_WORDS = frozenset("verkiezing verkiezingen election elections".split())


# The words of an errand ('kun je een lunch bestellen?') that are not the errand itself.
_NOT_AN_ERRAND = INFO_VERBS | SEARCH_STOPWORDS | {word for pair in ASK_TO_DO for word in pair}


def _stands_alone(reading: Reading) -> bool:
    """A question that names the network, the elections or standing as a candidate, and does
    not open with 'en'/'and': not a follow-up, whatever it asks."""
    typed = set(reading.typed)
    opener = reading.text.split()[:1]
    continues = bool(opener) and opener[0].casefold() in LEADING_CONJUNCTIONS
    own = reading.names_network or bool(typed & (_ELECTION_WORDS | CANDIDACY_WORDS))
    return own and not continues


# Words that stand for a person or post just discussed ('zit die in het DB?', 'is she on the
# board?'); 'dat', 'het' also stand for a statement ('klopt het dat ...'), so they do not count.
_SOMEONE_WORDS = frozenset("die hij zij ze he she they".split())
_PERSON_WORDS = frozenset("persoon person functie post rol role".split())


def _about_someone_before(reading: Reading) -> bool:
    """'zit die persoon in het dagelijks bestuur?', 'is that person on the board?': a yes/no
    question about someone named only by a pronoun, and about a body it names."""
    if not reading.entities or {e.kind for e in reading.entities} - {"body"}:
        return False
    typed = reading.typed
    pairs = set(itertools.pairwise(typed))
    return bool(set(typed) & _SOMEONE_WORDS) or any(
        first in {"deze", "that", "this"} and second in _PERSON_WORDS for first, second in pairs
    )


# Words that point at the subject just discussed as the place of a post ('wie is daar de
# voorzitter?', 'who is its secretary?'); 'er' only with 'van' ('wie is er de voorzitter van?'),
# since 'wie zit er in het DB?' points nowhere.
_THERE_WORDS = frozenset("daar daarvan daarin ervan its their there".split())
_THAT_ONE = frozenset("die dat deze dit that this its".split())
_PLACE_WORDS = frozenset("pijler orgaan overleg groep pillar body group team".split())


def _points_back(reading: Reading) -> bool:
    typed = reading.typed
    words = set(typed)
    pairs = set(itertools.pairwise(typed))
    return (
        bool(words & _THERE_WORDS)
        or {"er", "van"} <= words
        or any(first in _THAT_ONE and second in _PLACE_WORDS for first, second in pairs)
    )


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
    """A follow-up read with what was just discussed: its subject and, when the follow-up
    asks nothing of its own ('en als die er ook niet is?'), the same question about it."""
    language = reading.language or previous.language
    if previous.kind == "members":
        return replace(
            reading, yes_no=reading.yes_no or previous.reading.yes_no, names_network=True
        )
    if not reading.entities:
        own_question = reading.facets or reading.yes_no or reading.unexplained
        subject = previous.subject
        named = (*previous.reading.entities, *previous.reading.also)
        bodies = tuple(e for e in named if e.kind == "body")
        if reading.facets and reading.facets <= {"rhythm", "composition"} and bodies:
            # "wie zit het DB voor?" - "en hoe vaak vergadert dat?": the body meets, not its
            # chair.
            subject = bodies[:1]
        return replace(
            reading,
            entities=subject,
            facets=reading.facets if own_question else previous.reading.facets,
            language=language,
        )
    return replace(reading, facets=previous.reading.facets, language=language)


def _choice_question(directory: Directory, group: tuple[Entity, ...], language: Language) -> str:
    decision = Decision("clarify", Reading(language=language, tokens=()), language)
    return directory.composer(decision, date.min).choice_question(group)


def _mentioned(tokens: Sequence[str], names: NameIndex, kind: str) -> tuple[Entity, ...]:
    """The roles (or bodies) a line (its name tokens) names by title or alias, in order."""
    found: dict[int, list[Entity]] = {}
    taken = [False] * len(tokens)
    for length in range(4, 0, -1):
        for start in range(len(tokens) - length + 1):
            if any(taken[start : start + length]):
                continue
            owners = names.names.get("".join(tokens[start : start + length]))
            if not owners:
                continue
            named = [e for e in owners if e.kind == kind]
            # One thing, or a group of roles by their common name ('de pijlersecretaris').
            if len(named) == 1 or (named and kind == "role" and len(named) == len(owners)):
                found[start] = named
                taken[start : start + length] = [True] * length
    return tuple(dict.fromkeys(e for start in sorted(found) for e in found[start]))


def _body_names(names: NameIndex) -> dict[tuple[str, ...], str]:
    """Every name of every body, as the words a line spells it with, to the one search term
    that stands for the body."""
    found: dict[tuple[str, ...], str] = {}
    for entity, spellings in names.spellings.items():
        if entity.kind != "body":
            continue
        for spelling in spellings:
            tokens = tuple(name_tokens(spelling))
            # 'G40-bestuur' without 'G40' is 'bestuur': a word too common to name one thing.
            if tokens and not (len(tokens) == 1 and (tokens[0] in MODIFIERS | GENERIC)):
                found.setdefault(tokens, NAME_TERM + entity.id)
    return found


def _topics(snapshot: Snapshot, passage: Passage, names: NameIndex) -> list[Entity]:
    """The things a Kennis row is about, by the ids in its `onderwerp` column."""
    found: list[Entity] = []
    for owner in passage.owners:
        fact = snapshot.facts.get(owner.id) if owner.kind == "fact" else None
        for topic in fact.topics if fact else ():
            found += [e for e in names.display if e.id == topic and e.kind != "person"]
    return found


def _shape(reading: Reading) -> str:
    """What kind of question it is: who, when, where, how often, ..., yes/no, or other."""
    if reading.yes_no:
        return "yes-no"
    tokens = set(reading.tokens)
    for shape, markers in _SHAPES:
        if tokens & markers:
            return shape
    return ""


def _capitalised(word: str, text: str) -> bool:
    """Whether the question writes `word` with a capital, not at its start: a name."""
    for number, typed in enumerate(text.split()):
        if number and fold(typed.strip("?!.,;:'\"()")) == word and typed[:1].isupper():
            return True
    return False


def _asks_capabilities(tokens: set[str]) -> bool:
    if tokens & HELP_WORDS or (tokens & GREETINGS and tokens <= GREETINGS | NOT_NAMES):
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
