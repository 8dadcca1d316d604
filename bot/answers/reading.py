"""Reading a question: which thing it names (a role, portfolio, body, phase, person or
municipality — by alias, typo-tolerant), what it asks about that thing (holder, tasks, time,
support, yes/no, how often, ...), which of its words no name explains, and its language."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.answers.lexicon import (
    ABBREVIATIONS,
    ABILITY_WORDS,
    ABSENCE_WORDS,
    ALLOWANCE_WORDS,
    APPOINT_WORDS,
    CANDIDACY_WORDS,
    CHAIR_VERBS,
    COME_WORDS,
    COMPOSITION_WORDS,
    CONDITIONS,
    CONTACT_ORDERS,
    EXPECT_WORDS,
    FACETS,
    FILLER,
    GATHERING,
    GENERIC,
    HELP_WORDS,
    KIND_OF,
    LEADING_CONJUNCTIONS,
    MEETING_WORDS,
    MEMBER_WORDS,
    MODIFIERS,
    MORE_WORDS,
    MUST_WORDS,
    NAME_GAP_WORDS,
    NOMINATE_VERBS,
    OBTAIN_WORDS,
    OFTEN_WORDS,
    PERSON_WORDS,
    PHRASES,
    PILLAR_WORDS,
    PLACE_NAMES,
    PLANNING_WORDS,
    PORTFOLIO_WORDS,
    POST_NOUNS,
    QUESTION_WORDS,
    RECEIVE_WORDS,
    RESPONSIBLE,
    SEARCH_STOPWORDS,
    SEEK_WORDS,
    SOMETHING_WORDS,
    STOPWORDS,
    WEAK_TASK_WORDS,
    WHAT_DOES,
    YES_NO_VERBS,
)
from bot.answers.search import Analyzer, Entity, join_terms, named_things
from bot.i18n import language_of
from bot.models import Snapshot
from bot.reply import Language
from bot.text import MAX_QUESTION_CHARS, clean, fold, words

NOT_NAMES = QUESTION_WORDS | PLANNING_WORDS | CANDIDACY_WORDS | MEMBER_WORDS | HELP_WORDS
NOT_NAMES = NOT_NAMES.union(*FACETS.values())
# Words that shape what a question asks ('hoe vaak', 'benoemd', 'portefeuilles'), never what
# it is about.
SHAPE_WORDS = (
    OFTEN_WORDS
    | APPOINT_WORDS
    | COMPOSITION_WORDS
    | PORTFOLIO_WORDS
    | ALLOWANCE_WORDS
    | ABSENCE_WORDS
    | MORE_WORDS
    | CHAIR_VERBS
)
_MAX_WINDOW = 8
# At most this many words remembered per snapshot (a bound against a flood of made-up words).
_MEMO_SIZE = 100_000
# A window with one of these words is no misspelt name (they are the question's own words).
_NO_TYPO_WORDS = NOT_NAMES | FILLER | SEARCH_STOPWORDS | YES_NO_VERBS
_MAX_FUZZY = 4
# Names are typed with a typo in at most this many words; longer windows are matched exactly.
_MAX_FUZZY_WINDOW = 4
# "wie", "who": a question about a holder; a pronoun a follow-up uses for what was discussed.
WHO_WORDS = frozenset({"wie", "who", "whom", "whose"})
# "als de voorzitter er niet is", "if the chair can't make it": someone is absent.
# The words an open question starts with (not a yes/no question).
OPEN_QUESTION_WORDS = frozenset(
    "wie wat waar wanneer waarom hoe hoeveel howmany hoevaak welke welk who what whats where "
    "when why how which".split()
)
NOT_THERE = frozenset({"niet", "not", "cannot", "unable", "t"})
PRONOUNS = frozenset(
    "die deze dat dit hij zij ze hem haar hun diens dezelfde daar daarvan daarover "
    "they them their he she his her it its that this those these".split()
)


# A line that says its owner is supported ('wordt daarbij ondersteund door', 'is supported
# by'), as against one where the owner supports ('Ondersteunt de eerste vicevoorzitter',
# 'partijen die de G40 ondersteunen').
_SUPPORTED = re.compile(r"\b(?:ondersteund|supported)\b", re.IGNORECASE)


def says_supported(text: str) -> bool:
    """Whether a line says its owner is supported (by someone), not whom it supports."""
    return bool(_SUPPORTED.search(text))


def asks_whom_supported(reading: Reading) -> bool:
    """'who does the pillar secretary support?': the roles X supports, not X's support."""
    tokens = reading.tokens
    if "door" in tokens or "by" in tokens:
        return False
    return bool(tokens) and tokens[-1] in {"support", "assist", "help"} and "does" in tokens


def _key(tokens: Iterable[str]) -> str:
    return "".join(tokens)


def name_tokens(text: str) -> list[str]:
    return [token for token in words(text) if token not in STOPWORDS]


def allowed_typos(key: str) -> int:
    """How many edits a name of this length may carry and still be recognised for sure."""
    if len(key) <= 4:
        return 0
    if len(key) <= 8:
        return 1
    return 2 if len(key) <= 14 else 3


@dataclass(frozen=True)
class Match:
    entities: tuple[Entity, ...]
    positions: frozenset[int]
    key: str
    distance: int
    window_first: str
    # Part of a longer name ('vicevoorzitter' of 'eerste vicevoorzitter'): sure only when one
    # thing has that part.
    partial: bool = False

    @property
    def sure(self) -> bool:
        """Within the typo budget, and a typo never in the first letter ('hobby' is no 'lobby')."""
        if self.partial:
            return len(self.entities) == 1
        return self.distance <= allowed_typos(self.key) and (
            self.distance == 0 or self.window_first == self.key[0]
        )

    @property
    def weight(self) -> tuple[int, int, int]:
        return (len(self.key) - 3 * self.distance, -self.distance, len(self.positions))


@dataclass
class NameIndex:
    """Every way the snapshot's things can be named, folded and without stopwords."""

    # Each name's entities in sheet order (a dict is an ordered set), so groups list as staff do.
    names: dict[str, dict[Entity, None]] = field(default_factory=dict)
    display: dict[Entity, tuple[str, str]] = field(default_factory=dict)
    # For 'secretaris' + 'pijler Fysiek': each pillar role's aliases without the pillar's words.
    pillar_role_keys: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    portfolio_pillar: dict[str, str] = field(default_factory=dict)
    # Every word of every name: a plural or '-schap' form is read as the word it comes from.
    name_words: set[str] = field(default_factory=set)
    # The parts of longer names ('vice chair' of 'first vice chair'), and whose they are.
    partials: dict[tuple[str, ...], dict[Entity, None]] = field(default_factory=dict)
    # The first words of those parts: most of a question's words start none.
    partial_starts: frozenset[str] = frozenset()
    emails: dict[str, Entity] = field(default_factory=dict)
    # Every name of each thing as written (its title, English title and aliases).
    spellings: dict[Entity, list[str]] = field(default_factory=dict)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _sorted_words: list[str] = field(default_factory=list)
    _by_sound: dict[str, list[str]] = field(default_factory=dict)
    # Each word's normal form (_normalise) with the analyzer it was read with: every question
    # reads its words twice, and real questions share most of their words.
    _normal_forms: dict[str, str] = field(default_factory=dict)
    _normalised_with: Analyzer | None = None
    # Each thing's label words, for telling a question's language by the words around them.
    _label_words: dict[Entity, frozenset[str]] = field(default_factory=dict)

    def normal_form(self, token: str, analyzer: Analyzer) -> str:
        """`_normalise(token)`, remembered per word (one word, never a question)."""
        if analyzer is not self._normalised_with:
            self._normal_forms = {}
            self._normalised_with = analyzer
        known = self._normal_forms.get(token)
        if known is None:
            known = _normalise(token, self, analyzer)
            if len(self._normal_forms) < _MEMO_SIZE:
                self._normal_forms[token] = known
        return known

    def label_words(self, entity: Entity) -> frozenset[str]:
        """The folded words of a thing's Dutch and English labels."""
        known = self._label_words.get(entity)
        if known is None:
            labels = self.display.get(entity, ())
            known = self._label_words[entity] = frozenset(w for t in labels for w in words(t))
        return known

    def sounding_like(self, word: str) -> list[str]:
        """The names' words spelt the same way by ear ('pilar' ~ 'pillar', 'fysical' ~
        'physical'): a Dutch speaker writes an English word as it sounds."""
        if not self._by_sound:
            for known in sorted(self.name_words):
                if len(known) >= 4:
                    self._by_sound.setdefault(_sound(known), []).append(known)
        return self._by_sound.get(_sound(word), [])

    def keys_near(self, length: int, distance: int) -> list[str]:
        """The name keys an edit distance of `distance` can reach from a key this long: the
        fuzzy matcher compares against these only."""
        if not self._by_length:
            for key in self.names:
                self._by_length.setdefault(len(key), []).append(key)
        near: list[str] = []
        for size in range(length - distance, length + distance + 1):
            near += self._by_length.get(size, [])
        return near

    def words_starting(self, prefix: str) -> list[str]:
        """The names' words that start with `prefix` ('pijlersecr' -> 'pijlersecretaris', ...)."""
        if not self._sorted_words:
            self._sorted_words = sorted(self.name_words)
        words_ = self._sorted_words
        found = []
        for position in range(bisect.bisect_left(words_, prefix), len(words_)):
            if not words_[position].startswith(prefix):
                break
            found.append(words_[position])
        return found

    def add(self, entity: Entity, labels: tuple[str, str], names: Iterable[str]) -> None:
        self.display[entity] = labels
        for name in names:
            self.spellings.setdefault(entity, []).append(name)
            tokens = name_tokens(name)
            key = _key(tokens)
            # 'G40-bestuur' without 'G40' is 'bestuur': a word too common to name one thing.
            if not key or (len(tokens) == 1 and tokens[0] in MODIFIERS):
                continue
            self.names.setdefault(key, {})[entity] = None
            self.name_words.update(tokens)
            self.name_words.add(key)
            # A part of a role's name names it ('vice chair'); a part of a portfolio's name is
            # an ordinary word ('coordination' of 'lobby coordination').
            if entity.kind == "portfolio":
                continue
            for start in range(len(tokens)):
                for end in range(start + 1, min(start + 3, len(tokens)) + 1):
                    part = tuple(tokens[start:end])
                    if len(part) == len(tokens) or not _telling(part):
                        continue
                    self.partials.setdefault(part, {})[entity] = None


def _telling(part: tuple[str, ...]) -> bool:
    """Whether a part of a name says something on its own: not a pillar word, question word
    or a short word."""
    if all(
        t in PILLAR_WORDS or t in NOT_NAMES or t in STOPWORDS or t in MODIFIERS or t in GENERIC
        for t in part
    ):
        return False
    return len(part) > 1 or len(part[0]) >= 4


def build_name_index(snapshot: Snapshot) -> NameIndex:
    index = NameIndex()
    for entity, name, name_en, aliases in named_things(snapshot):
        index.add(
            entity,
            (name, name_en or name),
            [entity.id.replace("-", " "), name, name_en, *aliases],
        )
    for person in snapshot.people.values():
        surname = name_tokens(person.name)[-1:] if person.name else []
        index.add(
            Entity("person", person.id),
            (person.name, person.name),
            [person.name, *(s for s in surname if len(s) >= 5)],
        )
        if person.email:
            index.emails[person.email.casefold()] = Entity("person", person.id)
    # What staff taught in the Onbeantwoord tab names a thing just as its aliases do.
    by_id = {entity.id: entity for entity in index.display if entity.kind != "person"}
    for taught in snapshot.taught:
        named = by_id.get(taught.target)
        if named is not None:
            index.add(named, index.display[named], taught.phrases)
    for municipality in snapshot.municipalities:
        places = [municipality, *(k for k, v in PLACE_NAMES.items() if v == municipality)]
        index.add(Entity("municipality", fold(municipality)), (municipality, municipality), places)

    every_pillar_word: set[str] = set()
    for pillar_portfolio in (p for p in snapshot.portfolios.values() if p.kind == "pijler"):
        chair = snapshot.roles.get(pillar_portfolio.role)
        if chair is None or chair.pillar is None:
            continue
        index.portfolio_pillar[pillar_portfolio.id] = chair.pillar
        pillar_tokens = set(name_tokens(chair.pillar)) | PILLAR_WORDS
        for name in [pillar_portfolio.name, pillar_portfolio.name_en, *pillar_portfolio.aliases]:
            pillar_tokens |= set(name_tokens(name))
        keys = index.pillar_role_keys.setdefault(chair.pillar, {})
        for role in (r for r in snapshot.roles.values() if r.pillar == chair.pillar):
            for name in [role.title, role.title_en, *role.aliases]:
                stripped = _strip_pillar(name_tokens(name), pillar_tokens)
                if stripped:
                    keys.setdefault(stripped, set()).add(role.id)
        every_pillar_word |= pillar_tokens
    # 'work' of 'pillar chair economy and work' is no part that names the chair: a pillar's
    # words name the pillar (as a whole name) or nothing.
    for part in [p for p in index.partials if set(p) <= every_pillar_word]:
        del index.partials[part]
    index.partial_starts = frozenset(part[0] for part in index.partials)
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
    """What a question asks: the things it names (if sure), its facets and kind, the words no
    name explains, and its language (None when its words give no clue either way)."""

    language: Language | None
    tokens: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    # A second thing the question names, apart from the first ("vervangt de tweede
    # vicevoorzitter de voorzitter?").
    also: tuple[Entity, ...] = ()
    # Stand-ins the question says are away too ("en als de eerste vice ook afwezig is?" after
    # the voorzitter's stand-ins): the next one in the order is asked for.
    absent: tuple[Entity, ...] = ()
    unsure: tuple[Entity, ...] = ()
    # A part of several names and nothing else ('vicevoorzitter', 'adviseur'): which one?
    ambiguous: bool = False
    facets: frozenset[str] = frozenset()
    # Content words outside the names: what the search has to explain.
    unexplained: tuple[str, ...] = ()
    # Words of the matched names (they count for a passage that mentions them too).
    name_words: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    # The question as typed (for a place name the sheet does not know), and whether it names
    # the network itself ('in de G40', 'a G40 city').
    text: str = ""
    # Its words as typed, folded, stopwords and all, in order (for rules on word pairs).
    typed: tuple[str, ...] = ()
    names_network: bool = False
    yes_no: bool = False
    # "als de pijlervicevoorzitter invalt, zit die dan in het DB?": asked of a situation.
    conditional: bool = False
    asks_who: bool = False
    asks_more: bool = False
    asks_what: bool = False
    # "wie zit het CO voor?", "who chairs the AOT?"
    asks_chair: bool = False
    plural: bool = False
    follow_up: bool = False
    truncated: bool = False
    blank: bool = False
    choice: int | None = None
    # The search words worked out while this question is answered, by (tokens, asks_chair,
    # asks_who): one answer asks for them many times. It lives and dies with the question
    # (copies made by `replace` share it; the key keeps them apart), so a question asked
    # again costs what it cost the first time.
    search_words: dict[tuple[tuple[str, ...], bool, bool], list[str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def read_question(
    text: str, index: NameIndex, analyzer: Analyzer, language: Language | None = None
) -> Reading:
    cleaned = clean(text)
    truncated = len(cleaned) > MAX_QUESTION_CHARS
    asked = cleaned[:MAX_QUESTION_CHARS]
    emails = tuple(address.casefold() for address in _EMAIL.findall(asked))
    for address in _EMAIL.findall(asked):
        asked = asked.replace(address, " ")
    typed = words(asked)
    tokens = _phrases(join_terms(typed))
    if len(tokens) == 1 and tokens[0].isdigit() and len(tokens[0]) <= 2:
        return Reading(language=language, tokens=tuple(tokens), choice=int(tokens[0]))
    content: list[str] = []
    plural = False
    for token in tokens:
        if token in STOPWORDS:
            continue
        normal = index.normal_form(token, analyzer)
        plural = plural or (normal != token and token.endswith(("s", "en")))
        content.append(normal)
    matches = _find_matches(content, index, analyzer)
    sure = [m for m in matches if m.sure]
    # 'fysiek', 'sociaal' alone are adjectives as often as pillars ("komt het DB fysiek bij
    # elkaar?"): another name in the question goes first.
    strong = [m for m in sure if not _bare_pillar(m, content, index)]
    best = max(strong or sure, key=lambda m: m.weight) if sure else None
    # 'vice chair' is more than 'chair': a part of several names that covers the sure match.
    wider = [
        m
        for m in matches
        if m.partial and not m.sure and (best is None or m.positions > best.positions)
    ]
    ambiguous = max(wider, key=lambda m: len(m.positions)) if wider else None
    entities: tuple[Entity, ...] = ()
    also: tuple[Entity, ...] = ()
    covered: set[int] = set()
    if ambiguous is not None:
        covered = set(ambiguous.positions)
    elif best is not None:
        entities, covered = _resolve(best, sure, content, index)
        for match in sure:
            # The same thing named twice ('de tweede plv. algemeen secretaris en strategisch
            # adviseur financiën'): both names are explained.
            # A name that overlaps the first one and reaches past it ('secretaris db' beside
            # 'algemeen secretaris') is not the same name again: its extra word is its own.
            overlaps = match.positions & covered and not match.positions <= covered
            if set(match.entities) <= set(entities) and not match.distance and not overlaps:
                covered |= match.positions
        apart = [m for m in sure if not m.positions & covered and set(m.entities) - set(entities)]
        if apart:
            second = max(apart, key=lambda m: m.weight)
            also = second.entities
            covered |= second.positions
            # 'bij veiligheid en financiën': more portfolios beside the first.
            for match in sorted(apart, key=lambda m: m.weight, reverse=True):
                kinds = {e.kind for e in match.entities}
                if not match.positions & covered and kinds == {"portfolio"} == {
                    e.kind for e in also
                }:
                    also = (*also, *match.entities)
                    covered |= match.positions
    if any(_pillar_of(e, index) for e in (*entities, *also)):
        # "pillar Sociaal", "de Fysiek pillar": the pillar word beside a pillar's name is part
        # of that name, not a word the search must explain.
        covered |= {
            i
            for i, token in enumerate(content)
            if token in PILLAR_WORDS and {i - 1, i + 1} & covered
        }
    if entities:
        # "the treasurer post", "de voorzitter functie": a word for a post right after a
        # post's name is part of that name, not a topic ('post' is in an election line).
        covered |= {
            i for i, token in enumerate(content) if token in POST_NOUNS and i - 1 in covered
        }
    if emails:
        found = tuple(index.emails[a] for a in emails if a in index.emails)
        if found:
            entities, also = found, entities
    outside = [t for i, t in enumerate(content) if i not in covered]
    outside_set = frozenset(outside)
    facets = _facets(outside_set, tokens)
    head = [t for t in tokens if t not in LEADING_CONJUNCTIONS]
    if head[:3] == ["klopt", "het", "dat"] or head[:3] == ["is", "it", "true"]:
        head = head[3:]
    first = head[0] if head else ""
    # "als de pijlervicevoorzitter invalt, zit die dan in het DB?": the question after the comma.
    clauses = [words(part)[:1] for part in re.split(r"[,;]", asked)[1:]]
    # "hoeveel mensen zitten er in het DB, zijn het allemaal burgemeesters?" opens with its
    # question word: the count is asked, and the clause after the comma with it.
    asks_first = first in OPEN_QUESTION_WORDS and first not in CONDITIONS
    later_verb = not asks_first and any(clause and clause[0] in YES_NO_VERBS for clause in clauses)
    named = {t for i, t in enumerate(content) if i in covered}
    unexplained = tuple(
        t
        for t in outside
        if t not in SEARCH_STOPWORDS
        and t not in NOT_NAMES
        and t not in FILLER
        and t not in SHAPE_WORDS
        and len(t) > 1
        and not ("rhythm" in facets and t in MEETING_WORDS)
    )
    # The language of the words around the names: "who chairs the Dagelijks Bestuur?" is
    # English, "wie is pijlervoorzitter Economie en Werk" Dutch.
    labels: frozenset[str] = frozenset().union(*(index.label_words(e) for e in (*entities, *also)))
    around = [
        t
        for t in typed
        if t not in named and t not in labels and index.normal_form(t, analyzer) not in named
    ]
    detected = language or language_of(around) or language_of(typed)
    unsure: tuple[Entity, ...] = ()
    if ambiguous is not None:
        unsure = tuple(ambiguous.entities)
    elif not entities:
        ranked = sorted((m for m in matches if not m.sure), key=lambda m: m.weight, reverse=True)
        options: list[Entity] = []
        for match in ranked:
            for entity in match.entities:
                if entity not in options and entity.kind != "municipality":
                    options.append(entity)
        unsure = tuple(options[:3])
    yes_no = (
        first in YES_NO_VERBS or later_verb or _verb_first(first, asked, index)
    ) and first not in WHO_WORDS
    pronoun = bool(outside_set & PRONOUNS) or bool(tokens[:1] and tokens[0] in LEADING_CONJUNCTIONS)
    return Reading(
        language=detected,
        tokens=tuple(content),
        entities=entities,
        also=also,
        unsure=unsure,
        ambiguous=ambiguous is not None,
        facets=facets,
        unexplained=unexplained,
        name_words=tuple(sorted(named)),
        emails=emails,
        text=asked,
        typed=tuple(typed),
        names_network=bool({"g40", "stedennetwerk"} & set(tokens)),
        conditional=first in CONDITIONS and bool(clauses),
        yes_no=yes_no,
        asks_who=bool(outside_set & WHO_WORDS),
        # "gaan de verkiezingen volledig online?" asks whether, not for more.
        # "bij wie kan ik meer info krijgen over …?", "who can tell me more about …?" asks
        # for a person, not for the whole card.
        asks_more=bool(outside_set & MORE_WORDS)
        and not unexplained
        and not yes_no
        and not outside_set & WHO_WORDS,
        asks_what=first in {"wat", "what", "whats"} and not facets,
        asks_chair=bool(set(typed) & CHAIR_VERBS)
        or bool(re.search(r"\bzit(ten)?\b.*\bvoor\b", asked.casefold())),
        plural=plural,
        follow_up=pronoun,
        truncated=truncated,
        blank=not tokens and not emails,
    )


# Function words long enough to recognise with a typo.
_LONG_FILLER = sorted(w for w in FILLER | QUESTION_WORDS if len(w) >= 6)
# Long words that ask a facet ('tijdsinvestering', 'bezoldiging'): one slip of the key in one
# of them ('tijdsinvestring') still asks that facet.
_LONG_FACET_WORDS = sorted(w for keywords in FACETS.values() for w in keywords if len(w) >= 9)


def _verb_first(first: str, asked: str, index: NameIndex) -> bool:
    """'werkt de eerste vicevoorzitter samen ...?', 'treden DB-leden ook op ...?': a question
    that opens with a Dutch verb form is a yes/no question."""
    return (
        asked.rstrip().endswith("?")
        and len(first) >= 4
        and first.endswith(("t", "en"))
        and first not in index.name_words
        and first not in NOT_NAMES
        and first not in QUESTION_WORDS
    )


def _bare_pillar(match: Match, content: Sequence[str], index: NameIndex) -> bool:
    return (
        len(match.positions) == 1
        and all(_pillar_of(e, index) for e in match.entities)
        and not set(content) & PILLAR_WORDS
    )


def _phrases(tokens: list[str]) -> list[str]:
    """Two-word expressions as one word: 'stands in', 'hoe vaak', 'e mail'."""
    out: list[str] = []
    skip = False
    for number, token in enumerate(tokens):
        if skip:
            skip = False
            continue
        pair = (token, tokens[number + 1]) if number + 1 < len(tokens) else None
        if pair is not None and pair in PHRASES:
            out.append(PHRASES[pair])
            skip = True
        else:
            out.append(token)
    if set(out) & COME_WORDS:
        out = ["vergadert" if token in GATHERING else token for token in out]
    return out


def _normalise(token: str, index: NameIndex, analyzer: Analyzer) -> str:
    """A plural, '-schap', '-ship' or abbreviated form of a name's word read as that word:
    'voorzitters', 'voorzitterschap', 'chairmanship', 'vz', 'pijlersecr' -> 'voorzitter', ...,
    'chairman', 'voorzitter', 'pijlersecretaris'."""
    if token in ABBREVIATIONS:
        return ABBREVIATIONS[token]
    if token in index.name_words or len(token) < 5:
        return token
    post = _post_compound(token, index)
    if post:
        return post
    for suffix in ("schap", "ship", "sen", "en", "s"):
        base = token[: -len(suffix)]
        if token.endswith(suffix) and len(base) >= 4 and base in index.name_words:
            return base
    if not analyzer.known(token):
        heard = index.sounding_like(token)
        if len(heard) == 1:
            return heard[0]
    if len(token) >= 6 and not analyzer.known(token):
        longer = [w for w in index.words_starting(token) if w != token]
        # 'pijlersecr' -> 'pijlersecretaris' (and its longer keys, which start with it).
        if longer and all(w.startswith(min(longer, key=len)) for w in longer):
            return min(longer, key=len)
        # 'eigelijk', 'momenteeel': a misspelt word that says nothing is still nothing.
        near = process.extractOne(token, _LONG_FILLER, scorer=OSA.distance, score_cutoff=1)
        if near is None and len(token) >= 9:
            near = process.extractOne(token, _LONG_FACET_WORDS, scorer=OSA.distance, score_cutoff=1)
        if near is not None:
            return str(near[0])
    return token


# 'secretarisfunctie', 'voorzittersrol', 'penningmeesterspost': the post itself.
_POST_SUFFIXES = ("functies", "functie", "rollen", "rol", "posten", "post", "taak", "positie")


def _post_compound(token: str, index: NameIndex) -> str | None:
    """A role's name joined with 'functie', 'rol', 'post', ... (with or without the linking
    's') names the role: its name, not another line that holds the whole word."""
    for suffix in _POST_SUFFIXES:
        if not token.endswith(suffix):
            continue
        base = token[: -len(suffix)]
        for name in (base, base[:-1] if base.endswith("s") else ""):
            named = index.names.get(name, {})
            if len(name) >= 4 and any(e.kind in {"role", "portfolio"} for e in named):
                return name
    return None


# Spellings that sound alike: 'ph' and 'f', 'c' and 'k', 'y' and 'i'; a letter written twice
# once (a letter written three times is a slip of the key, not of the ear).
_SOUNDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1")


def _sound(word: str) -> str:
    for spelt, heard in _SOUNDS:
        word = word.replace(spelt, heard)
    return _DOUBLED.sub(r"\1", word)


def sounds_near(word: str, name_word: str) -> bool:
    """Whether `word` could be a misspelling of `name_word`, by ear or by a typo or two."""
    return OSA.distance(_sound(word), _sound(name_word)) <= allowed_typos(name_word)


def _asks_profile(outside: frozenset[str], tokens: Sequence[str]) -> bool:
    """'wat voor iemand zoeken jullie?', 'what kind of person are you looking for?', 'wat moet
    je kunnen?': a question about the kind of person a role needs."""
    pairs = set(itertools.pairwise(tokens))
    kind_of = bool(pairs & KIND_OF) or bool(outside & SEEK_WORDS)
    # "wat moet je kunnen?" asks for a profile; "have to be able to reach each other at odd
    # hours" asks whether they must do what follows.
    able = bool(outside & ABILITY_WORDS) and bool(outside & MUST_WORDS)
    rest = outside - ABILITY_WORDS - MUST_WORDS - FILLER - QUESTION_WORDS - STOPWORDS
    return (kind_of and bool(outside & PERSON_WORDS)) or (able and not rest - CONDITIONS)


_STRONG_TASK_WORDS = FACETS["tasks"] - WEAK_TASK_WORDS


def _facets(outside: frozenset[str], tokens: Sequence[str] = ()) -> frozenset[str]:
    facets = {name for name, keywords in FACETS.items() if outside & keywords}
    if _asks_profile(outside, tokens):
        facets.add("competences")
    strong_tasks = outside & _STRONG_TASK_WORDS
    if outside & WHO_WORDS:
        # "wie is verantwoordelijk voor de boekhouding?" asks who, not what someone does.
        strong_tasks -= RESPONSIBLE
    grammar = facets - {"tasks"} or outside & WHO_WORDS or not outside & {"wat", "what", "whats"}
    # "wat doet de eerste vicevoorzitter en hoeveel uur kost het?": 'wat doet' asks the tasks
    # beside whatever else the question asks.
    what_does = bool(set(itertools.pairwise(tokens)) & WHAT_DOES)
    if grammar and not strong_tasks and not what_does:
        # "how much time does it take", "wie doet financiën?", "does the chair belong to
        # ...?": 'does' is grammar here; only "what does ... do" asks for the tasks.
        facets -= {"tasks"}
    if outside & RECEIVE_WORDS and outside & SOMETHING_WORDS and not facets - {"tasks"}:
        # "wat doet de algemeen secretaris en wat krijgt die ervoor?": the tasks stay.
        facets = (facets & {"tasks"} if what_does else set()) | {"paid"}
    if outside & EXPECT_WORDS and not facets:
        facets = {"tasks"}
    if not facets and outside & {"rol", "role", "job"} and not outside & WHO_WORDS:
        # "wat is de rol van de eerste vicevoorzitter?" asks what it does; "wie heeft die rol?"
        # asks who holds it.
        facets = {"tasks"}
    if outside & OFTEN_WORDS:
        facets.add("rhythm")
    how = bool(set(tokens[:1]) & {"hoe", "how"})
    nominates = bool(set(tokens) & NOMINATE_VERBS) and "voor" in tokens and "zorg" not in tokens
    if outside & APPOINT_WORDS or nominates or (how and outside & OBTAIN_WORDS and not facets):
        facets.add("appointment")
    if outside & COMPOSITION_WORDS:
        facets.add("composition")
    if outside & PORTFOLIO_WORDS:
        facets.add("portfolios")
    if outside & ALLOWANCE_WORDS:
        facets.add("allowance")
    if outside & ABSENCE_WORDS or (
        outside & {"niet", "not", "cannot", "unable", "t"}
        and outside & {"gebeurt", "happens", "als", "if"}
    ):
        # "wat gebeurt er als de voorzitter er niet is?": who stands in.
        facets.add("deputies")
    return frozenset(facets)


def _find_matches(content: Sequence[str], index: NameIndex, analyzer: Analyzer) -> list[Match]:
    """Every name a window of the question's words spells, exactly or with a typo (optimal
    string alignment: an adjacent transposition is one edit, and it is 8x faster than full
    Damerau-Levenshtein), and every part of a longer name."""
    names = index.names
    matches: list[Match] = []
    # Each window grows by one word to the right: its key, and whether one of its words rules
    # out a typo, follow from the shorter window's (the loop runs for every question).
    for start in range(len(content)):
        key = ""
        no_typo = False
        for end in range(start + 1, min(start + _MAX_WINDOW, len(content)) + 1):
            without_last = key
            key += content[end - 1]
            no_typo = no_typo or content[end - 1] in _NO_TYPO_WORDS
            exact = names.get(key)
            if exact:
                matches.append(Match(tuple(exact), frozenset(range(start, end)), key, 0, key[0]))
                continue
            size = end - start
            if len(key) <= 4 or size > _MAX_FUZZY_WINDOW or no_typo:
                continue
            if size > 1 and (key[len(content[start]) :] in names or without_last in names):
                # 'tweede vicevoorzitter db' is a name and a word, not a misspelt name.
                continue
            window = content[start:end]
            # A typo is a word the sheet does not know: 'bestuursfuncties' is a real word,
            # not a misspelt name; 'eerst vice voorzitter' is a misspelt name, with one of its
            # words right.
            unknown = [token for token in window if not analyzer.known(token)]
            if not unknown and (size == 1 or not set(window) & index.name_words):
                continue
            budget = min(_MAX_FUZZY, allowed_typos(key) + 1)
            for candidate, distance, _ in process.extract(
                key,
                index.keys_near(len(key), budget),
                scorer=OSA.distance,
                score_cutoff=budget,
                limit=None,
            ):
                # One edit past the budget still earns a "did you mean", but only for longer names.
                if distance <= allowed_typos(candidate) or (
                    distance == allowed_typos(candidate) + 1 and len(candidate) >= 6
                ):
                    entities = tuple(names[candidate])
                    positions = frozenset(range(start, end))
                    matches.append(Match(entities, positions, candidate, int(distance), key[0]))
    # "voorzitter van de pijler", "vice chair of a pillar": the Dutch compound read backwards,
    # from words no name spelt forwards already uses.
    spelt = {p for m in matches if len(m.positions) > 1 and not m.distance for p in m.positions}
    for first in range(len(content)):
        if content[first] in NOT_NAMES:
            continue
        for length in (1, 2):
            if first + length > len(content):
                break
            tail = _key(content[first : first + length])
            for second in range(first + length, min(first + length + 3, len(content))):
                key = content[second] + tail
                exact = names.get(key)
                if exact:
                    positions = frozenset({*range(first, first + length), second})
                    if not positions & spelt:
                        matches.append(Match(tuple(exact), positions, key, 0, key[0]))
    # "how does a pillar get its secretary?": a name's two words with only a possessive or a
    # 'get' between them.
    for first in range(len(content)):
        if content[first] in NOT_NAMES:
            continue
        for second in range(first + 2, min(first + 4, len(content))):
            # The gap grows by one word each step: all of it must be such words.
            if content[second - 1] not in NAME_GAP_WORDS:
                break
            key = content[first] + content[second]
            exact = names.get(key)
            if exact:
                positions = frozenset({first, second})
                matches.append(Match(tuple(exact), positions, key, 0, key[0]))
    for start in range(len(content)):
        if content[start] not in index.partial_starts:
            continue
        for end in range(start + 1, min(start + 3, len(content)) + 1):
            owners = index.partials.get(tuple(content[start:end]))
            if owners:
                key = _key(content[start:end])
                positions = frozenset(range(start, end))
                matches.append(Match(tuple(owners), positions, key, 0, key[0], partial=True))
    return matches


def _resolve(
    best: Match, sure: list[Match], content: Sequence[str], index: NameIndex
) -> tuple[tuple[Entity, ...], set[int]]:
    """The entities a question names; a pillar plus a role word names that pillar's role."""
    best = _spelt_out(best, sure, index)
    covered = set(best.positions)
    pillar_match = next(
        (
            m
            for m in sorted(sure, key=lambda m: m.weight, reverse=True)
            if any(e.kind == "portfolio" and _pillar_of(e, index) for e in m.entities)
        ),
        None,
    )
    if pillar_match is not None and not _own_pillar_named(best, pillar_match, index):
        pillar = next(p for e in pillar_match.entities if (p := _pillar_of(e, index)))
        role_keys = index.pillar_role_keys.get(pillar, {})
        pillar_span = set(pillar_match.positions)
        rest = [t for i, t in enumerate(content) if i not in pillar_span and t not in NOT_NAMES]
        for length in range(min(3, len(rest)), 0, -1):
            for start in range(len(rest) - length + 1):
                window = rest[start : start + length]
                other = [e for t in window for e in index.names.get(t, {}) if e.kind != "role"]
                if length > 1 and other:
                    # 'vicevoorzitter db': a role word beside another name, not one name.
                    continue
                # 'pijlervoorzitter' + 'economie' names the chair: compare without 'pijler'.
                key = _strip_pillar(window, set(PILLAR_WORDS))
                found = (
                    process.extractOne(
                        key,
                        list(role_keys),
                        scorer=OSA.distance,
                        score_cutoff=allowed_typos(key),
                    )
                    if role_keys and key
                    else None
                )
                if found:
                    role_ids = role_keys[found[0]]
                    spanned = {
                        i for i, t in enumerate(content) if t in rest[start : start + length]
                    }
                    if len(role_ids) == 1 and not _named_in_full(spanned, sure, role_keys):
                        return (Entity("role", next(iter(role_ids))),), pillar_span | spanned
    pillar_entities = [e for e in best.entities if e.kind == "portfolio"]
    if len(best.entities) > 1 and any(e.kind == "role" for e in best.entities):
        # A word several roles share ('pijlersecretaris') and no pillar named: the whole group.
        return tuple(e for e in best.entities if e.kind == "role"), covered
    return tuple(pillar_entities or best.entities), covered


def _spelt_out(best: Match, sure: list[Match], index: NameIndex) -> Match:
    """'hoort de tweede vicevoorzitter bij pijler Fysiek?': 'vicevoorzitter pijler Fysiek' is a
    name, but its role word belongs to 'tweede vicevoorzitter', spelt out before it; the rest
    of it is the pillar the question asks about. The role spelt out is the one meant."""
    for match in sure:
        extra = best.positions - match.positions
        if (
            match.distance
            or not match.positions & best.positions
            or min(match.positions) >= min(best.positions)
            or not all(e.kind == "role" for e in match.entities)
        ):
            continue
        pillar = [
            m
            for m in sure
            if m.positions == extra and any(_pillar_of(e, index) for e in m.entities)
        ]
        if pillar:
            return match
    return best


def _own_pillar_named(best: Match, pillar_match: Match, index: NameIndex) -> bool:
    """'is the social pillar chair a member of the economy and work pillar?': the role was
    named with its own pillar; the other pillar is what it is asked about, not its pillar."""
    if len(best.entities) != 1 or best.distance or best.positions & pillar_match.positions:
        return False
    role = best.entities[0]
    return role.kind == "role" and any(
        role.id in ids for keys in index.pillar_role_keys.values() for ids in keys.values()
    )


def _named_in_full(spanned: set[int], sure: list[Match], role_keys: dict[str, set[str]]) -> bool:
    """'is de algemeen secretaris lid van pijler Sociaal?': the role word beside the pillar is
    part of a longer role name spelt in full, and that role is not one of the pillar's: the
    question asks about that role, not the pillar's secretaris."""
    pillar_roles = {role_id for ids in role_keys.values() for role_id in ids}
    return any(
        match.positions > spanned
        and not match.distance
        and all(e.kind == "role" and e.id not in pillar_roles for e in match.entities)
        for match in sure
    )


def _pillar_of(entity: Entity, index: NameIndex) -> str | None:
    return index.portfolio_pillar.get(entity.id) if entity.kind == "portfolio" else None


def orders_contact(reading: Reading) -> bool:
    """'stuur marc een mailtje dat ik later kom', 'mail Gerdien for me', 'bel de voorzitter':
    an order to reach someone, by its first word ('contact voorzitter' asks for the contact)."""
    first = reading.tokens[:1]
    if not first or first[0] not in CONTACT_ORDERS:
        return False
    # 'contact voorzitter', 'mail van de voorzitter' ask for an address, not an errand.
    return first[0] != "contact" and not set(reading.tokens[1:2]) & {
        "van",
        "of",
        "adres",
        "address",
    }
