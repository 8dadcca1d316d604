"""Search over all of the sheet's text: every task line, time commitment, competences and
allowance of each role; each portfolio's notes; each phase's and body's description,
composition and rhythm; each `Kennis` answer and its question variants.

Each passage knows its owner (the role, body, portfolio, phase or fact it belongs to) and what
it is about (its aspect), so an answer can say who. Passages are ranked by BM25 over Dutch and
English stems, with Dutch compounds split against the sheet's own vocabulary ("pijleroverleg"
-> pijler + overleg, "bestuursfuncties" -> bestuur + functies) and "-schap" nouns taken to their
base ("voorzitterschap" -> voorzitter).

Why BM25 by hand: the corpus is a few hundred short passages and a question a handful of
terms, so an inverted index in plain Python scores a question in tens of microseconds. The
BM25 libraries (bm25s, rank-bm25) score every passage through numpy arrays, bring numpy and
scipy into a bot that has no other use for them, and cannot give the per-term coverage that
confidence is built on here.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from bot.answers.lexicon import SEARCH_STOPWORDS, STOPWORDS, SYNONYMS, TERMS
from bot.models import Snapshot
from bot.text import fold, words

# BM25 with a light length normalisation: passages are one sentence or line each.
_K1 = 1.2
_B = 0.4
# Question variants a staff member wrote for a `Kennis` row are the strongest evidence there is.
_QUESTION_BOOST = 1.5
# A synonym or a word sharing a long prefix counts, but less than the word itself.
_SYNONYM_WEIGHT = 0.6
_PREFIX_WEIGHT = 0.8
# A part of a compound, or a compound of which the word is a part, counts a little less.
_PART_WEIGHT = 0.7
# A compound's two halves found apart in one line count nearly as the compound itself.
_BOTH_HALVES = 0.9
# A question's compound may end in the last this many letters of a word of the sheet.
_MIN_ENDING = 6
# A head word found only inside compounds is this long at least ('gemeente' is too common).
_MIN_HEAD = 9
_MIN_PREFIX = 5
_LINKS = ("", "s", "e", "en", "n")
# The term that stands for all names of one body starts with this (no word does).
NAME_TERM = "@"
# Another name of the same body counts nearly as the name itself.
_NAME_WEIGHT = 0.9

_DUTCH = Stemmer.Stemmer("dutch_porter")
_ENGLISH = Stemmer.Stemmer("english")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"(])")


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """A word's Dutch and English stems (one when they agree)."""
    dutch, english = _DUTCH.stemWord(word), _ENGLISH.stemWord(word)
    return (dutch,) if dutch == english else (dutch, english)


# A full stop after these ends an abbreviation, not a sentence: "ca. 0,75 fte", "o.a. VNG".
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:ca|o\.a|bijv|e\.g|i\.e|approx|etc|plv|nr|t\.b\.v|incl|resp|c\.q|m\.b\.t"
    r"|d\.w\.z|z\.s\.m|vs)\.$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """A cell's text as sentences, each a fact the bot can quote on its own."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """Split once per cell text: an answer quotes a portfolio's or phase's notes each time."""
    parts: list[str] = []
    for line in text.splitlines():
        joined: list[str] = []
        for piece in (part.strip() for part in _SENTENCE_END.split(line)):
            if joined and _ABBREVIATION_END.search(joined[-1]):
                joined[-1] = f"{joined[-1]} {piece}".strip()
            elif piece:
                joined.append(piece)
        parts += joined
    return tuple(parts)


@dataclass(frozen=True)
class Entity:
    """What a passage belongs to: a role, portfolio, phase, body or fact, by id."""

    kind: str
    id: str


@dataclass(frozen=True)
class Passage:
    """One quotable line, in Dutch and (where staff wrote it) English, and its owners: the
    same line of three pillar roles is one passage with three owners."""

    owners: tuple[Entity, ...]
    aspect: str
    text: str
    text_en: str = ""
    # Indexed but not shown: the owner's name, for a line that does not repeat it ("De exacte
    # procedure ..." of the phase "Digitaal deel verkiezingen").
    context: str = ""


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    # The question's words this passage contains (directly, by stem, prefix or synonym), and
    # how well: 1 for the word itself, less for a part, a similar word or a synonym.
    quality: dict[str, float]

    @property
    def covered(self) -> frozenset[str]:
        return frozenset(self.quality)


@dataclass(frozen=True)
class _Variant:
    term: str
    weight: float
    # For a compound's part: which half of the compound it stands for (0 head, 1 tail).
    half: int = -1


@dataclass
class Analyzer:
    """Words -> index terms: folded, '-schap' nouns to their base, compounds split against
    the vocabulary of the sheet, stemmed in Dutch and English."""

    vocabulary: frozenset[str]
    # Each name of a body (its words without stopwords) -> one term for the body.
    names: dict[tuple[str, ...], str] = field(default_factory=dict)
    _stem_vocabulary: frozenset[str] = frozenset()
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # A head word the sheet only uses inside compounds ('bedrijfsvoering' of
    # 'bedrijfsvoeringszaken') -> those compounds.
    heads: dict[str, set[str]] = field(default_factory=dict)
    # The ends of the sheet's words, for a question's compound (built when first needed).
    _endings: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._stem_vocabulary = frozenset(s for word in self.vocabulary for s in stems(word))
        for word in self.vocabulary:
            for cut in range(_MIN_HEAD, len(word) - 3):
                head = word[:cut]
                if head in self.vocabulary:
                    continue
                for link in _LINKS:
                    tail = word[cut + len(link) :]
                    if word.startswith(link, cut) and len(tail) >= 4 and tail in self.vocabulary:
                        self.heads.setdefault(head, set()).add(word)

    def known(self, word: str) -> bool:
        return word in self.vocabulary or any(s in self._stem_vocabulary for s in stems(word))

    def parts(self, word: str) -> tuple[str, ...]:
        """The word and, for a compound or '-schap' noun, the words it is made of."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = tuple(dict.fromkeys(self._parts(word, depth=2)))
        return cached

    def _parts(self, word: str, depth: int) -> Iterator[str]:
        yield word
        if word.endswith("schap") and len(word) > 8 and self.known(word[:-5]):
            yield word[:-5]
            return
        if depth == 0 or len(word) < 7:
            return
        split = self._split(word)
        if split:
            for part in split:
                yield from self._parts(part, depth - 1)

    def split(self, word: str) -> tuple[str, str] | None:
        """A compound's head and tail, if the word is one."""
        return self._split(word) if len(word) >= 7 else None

    def loose_split(self, word: str) -> tuple[str, str] | None:
        """A question's compound the sheet does not use, whose tail ends another compound of
        the sheet ('portefeuille' + 'verdeling', as in 'taakverdeling')."""
        if len(word) < 10:
            return None
        if not self._endings:
            self._endings = {
                w[cut:] for w in self.vocabulary for cut in range(3, len(w) - _MIN_ENDING + 1)
            }
        return self._split(word, self._endings)

    def _split(self, word: str, endings: set[str] | None = None) -> tuple[str, str] | None:
        """The split with the longest known head word ('pijler' + 'overleg'), if any; a
        linking 's', 'e' or 'en' between the parts is dropped ('bestuur-s-functies')."""
        for cut in range(len(word) - 4, 2, -1):
            head = word[:cut]
            if not (head in self.vocabulary and len(head) >= 3):
                continue
            for link in _LINKS:
                if not word.startswith(link, cut):
                    continue
                tail = word[cut + len(link) :]
                # A short tail only as a word of its own ('bestuurs-lid'), not a stem's form.
                whole = len(tail) == 3 and tail in self.vocabulary
                ends = endings is not None and len(tail) >= _MIN_ENDING and tail in endings
                if whole or ends or (len(tail) >= 4 and self.known(tail)):
                    return head, tail
        return None

    def content(self, text: str) -> list[str]:
        """The words of a text that search counts (its stopwords left out)."""
        return [w for w in join_terms(words(text)) if w not in SEARCH_STOPWORDS]

    def terms(self, text: str) -> list[str]:
        """The index terms of a passage's text."""
        out: list[str] = []
        tokens = join_terms(words(text))
        for word in tokens:
            if word in SEARCH_STOPWORDS:
                continue
            for part in self.parts(word):
                out += stems(part)
        content = [word for word in tokens if word not in STOPWORDS]
        return out + [term for _, _, term in name_spans(content, self.names)]


def name_spans(
    tokens: Sequence[str], names: dict[tuple[str, ...], str]
) -> Iterator[tuple[int, int, str]]:
    """Where the words spell one of `names` (longest first): start, end and its term."""
    if not names:
        return
    position = 0
    while position < len(tokens):
        for length in (4, 3, 2, 1):
            term = names.get(tuple(tokens[position : position + length]))
            if term is not None:
                yield position, position + length, term
                position += length
                break
        else:
            position += 1


_TERM_STARTS = frozenset(key[0] for key in TERMS)


def join_terms(tokens: Sequence[str]) -> list[str]:
    """Words with each many-word term ('house of representatives') read as its one word."""
    if not _TERM_STARTS.intersection(tokens):
        return list(tokens)
    out: list[str] = []
    position = 0
    while position < len(tokens):
        for length in (4, 3, 2):
            term = TERMS.get(tuple(tokens[position : position + length]))
            if term is not None:
                out.append(term)
                position += length
                break
        else:
            out.append(tokens[position])
            position += 1
    return out


@dataclass(frozen=True)
class QueryWord:
    """A question's word and every index term that counts for it, with a weight."""

    word: str
    variants: tuple[_Variant, ...]


@dataclass
class SearchIndex:
    passages: list[Passage]
    analyzer: Analyzer
    postings: dict[str, dict[int, int]]
    lengths: list[int]
    average_length: float
    idf: dict[str, float]
    by_prefix: dict[str, list[str]]
    synonyms: dict[str, frozenset[str]]
    boost: list[float]
    number_of: dict[Passage, int] = field(default_factory=dict)
    _synonyms_by_prefix: dict[str, list[str]] = field(default_factory=dict)
    _expansions: dict[str, QueryWord] = field(default_factory=dict)
    _word_gains: dict[str, tuple[dict[int, float], dict[int, float]]] = field(default_factory=dict)
    _weights: dict[str, float] = field(default_factory=dict)
    _passage_words: dict[Passage, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        passages: Sequence[Passage],
        vocabulary: Iterable[str],
        names: dict[tuple[str, ...], str] | None = None,
    ) -> SearchIndex:
        """The index of `passages`; `names` spell things whose every name is one term (a
        body's: 'DB', 'Dagelijks Bestuur', 'Executive Board')."""
        analyzer = Analyzer(
            frozenset(w for w in vocabulary if w not in SEARCH_STOPWORDS), dict(names or {})
        )
        postings: dict[str, dict[int, int]] = defaultdict(dict)
        lengths: list[int] = []
        for number, passage in enumerate(passages):
            terms = analyzer.terms(passage.text) + analyzer.terms(passage.text_en)
            terms += analyzer.terms(passage.context)
            lengths.append(len(terms))
            for term in terms:
                postings[term][number] = postings[term].get(number, 0) + 1
        count = max(len(passages), 1)
        idf = {
            term: math.log(1 + (count - len(docs) + 0.5) / (len(docs) + 0.5))
            for term, docs in postings.items()
        }
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for term in postings:
            if len(term) >= _MIN_PREFIX:
                by_prefix[term[:_MIN_PREFIX]].append(term)
        synonyms: dict[str, frozenset[str]] = {}
        for group in SYNONYMS:
            for word in group:
                synonyms[word] = synonyms.get(word, frozenset()) | (group - {word})
        return cls(
            passages=list(passages),
            analyzer=analyzer,
            postings=dict(postings),
            lengths=lengths,
            average_length=sum(lengths) / count or 1.0,
            idf=idf,
            by_prefix=dict(by_prefix),
            synonyms=synonyms,
            boost=[_QUESTION_BOOST if p.aspect == "question" else 1.0 for p in passages],
            number_of={passage: number for number, passage in enumerate(passages)},
        )

    # --- the question's side --------------------------------------------------------------

    def query_word(self, word: str) -> QueryWord:
        """Every term that counts for a question's word: its stems and its parts' stems, the
        index terms sharing a long prefix with them, and the stems of its synonyms."""
        cached = self._expansions.get(word)
        if cached is not None:
            return cached
        weights: dict[str, float] = {}
        halves: dict[str, int] = {}

        def add(term: str, weight: float, half: int = -1) -> None:
            if term in self.postings and weights.get(term, 0.0) < weight:
                weights[term] = weight
                halves[term] = half

        if word.startswith(NAME_TERM):
            add(word, 1.0)
            query = QueryWord(word, tuple(_Variant(t, w) for t, w in weights.items()))
            self._expansions[word] = query
            return query
        named = self.analyzer.names.get((word,))
        if named is not None:
            # 'DB' finds 'het Dagelijks Bestuur': a body's one name stands for all of them.
            add(named, _NAME_WEIGHT)

        split = self.analyzer.split(word)
        parts = self.analyzer.parts(word)
        if split is None and word not in self.analyzer.vocabulary and not self.analyzer.known(word):
            # 'portefeuilleverdeling': its halves, though the sheet only has 'taakverdeling'.
            split = self.analyzer.loose_split(word)
            parts = (word, *(split or ()))
        half_of = {
            sub: number
            for number, half in enumerate(split or ())
            for sub in self.analyzer.parts(half)
        }
        for part in parts:
            # A compound's own stem is the word itself; its parts each count a little less.
            own = 1.0 if part == word else _PART_WEIGHT
            half = -1 if part == word else half_of.get(part, -1)
            for stem in stems(part):
                add(stem, own, half)
                for similar in self.by_prefix.get(stem[:_MIN_PREFIX], ()):
                    if similar != stem and _shares_prefix(stem, similar):
                        add(similar, own * _PREFIX_WEIGHT, half)
        for compound in self.analyzer.heads.get(word, ()):
            # 'bedrijfsvoering' finds 'bedrijfsvoeringszaken'.
            for stem in stems(compound):
                add(stem, _PART_WEIGHT)
        for synonym in self._synonyms(word):
            for stem in stems(synonym):
                add(stem, _SYNONYM_WEIGHT)
        query = QueryWord(word, tuple(_Variant(t, w, halves[t]) for t, w in weights.items()))
        if len(self._expansions) < 100_000:
            self._expansions[word] = query
        return query

    def _synonyms(self, word: str) -> frozenset[str]:
        """The thesaurus group of a word or of a form of it ('notuleert' ~ 'notuleren')."""
        found = self.synonyms.get(word)
        if found is not None:
            return found
        if len(word) < 7:
            return frozenset()
        if not self._synonyms_by_prefix:
            for other in self.synonyms:
                self._synonyms_by_prefix.setdefault(other[:_MIN_PREFIX], []).append(other)
        for other in self._synonyms_by_prefix.get(word[:_MIN_PREFIX], ()):
            if _shares_prefix(word, other):
                return self.synonyms[other] | {other}
        return frozenset()

    def known(self, word: str) -> bool:
        """Whether the sheet's text holds this word, a form of it, or a synonym."""
        return bool(self.query_word(word).variants)

    # --- ranking ----------------------------------------------------------------------------

    def search(
        self,
        question_words: Iterable[str],
        *,
        within: Iterable[int] | None = None,
        limit: int = 8,
    ) -> list[Hit]:
        """The best passages for these words (already without stopwords), best first."""
        allowed = within if isinstance(within, frozenset | set) or within is None else set(within)
        asked = [(word, self._gains(word)) for word in dict.fromkeys(question_words)]
        scores: dict[int, float] = defaultdict(float)
        for _, (gain_in, _) in asked:
            if allowed is None:
                for number, gain in gain_in.items():
                    scores[number] += gain
            else:
                for number, gain in gain_in.items():
                    if number in allowed:
                        scores[number] += gain
        # What heapq.nlargest returns (ties in the order reached), sorted in C: 2-4x faster
        # for the few hundred passages a question's words reach.
        ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:limit]
        # Which words each passage holds, for the few passages returned only.
        return [
            Hit(
                self.passages[n],
                scores[n],
                {word: quality_in[n] for word, (_, quality_in) in asked if n in quality_in},
            )
            for n in ranked
        ]

    def _gains(self, word: str) -> tuple[dict[int, float], dict[int, float]]:
        """What a question's word adds to each passage's score, and how well it matches there
        (the best of its terms), in the order the passages are reached: computed once per
        word and index."""
        cached = self._word_gains.get(word)
        if cached is not None:
            return cached
        gains: dict[int, tuple[float, float]] = {}
        halves: dict[int, dict[int, float]] = defaultdict(dict)
        for variant in self.query_word(word).variants:
            idf = self.idf[variant.term]
            for number, frequency in self.postings[variant.term].items():
                norm = _K1 * (1 - _B + _B * self.lengths[number] / self.average_length)
                gain = variant.weight * idf * frequency * (_K1 + 1) / (frequency + norm)
                gain *= self.boost[number]
                if variant.half >= 0:
                    best = halves[number]
                    best[variant.half] = max(best.get(variant.half, 0.0), gain)
                if gain > gains.get(number, (0.0, 0.0))[0]:
                    quality = max(gains.get(number, (0.0, 0.0))[1], variant.weight)
                    gains[number] = (gain, quality)
        for number, best in halves.items():
            # 'pijleroverleg' in 'het overleg van de pijler': both halves, nearly the word.
            if len(best) == 2 and gains[number][1] < _BOTH_HALVES:
                gains[number] = (sum(best.values()), _BOTH_HALVES)
        split = ({n: g for n, (g, _) in gains.items()}, {n: q for n, (_, q) in gains.items()})
        if len(self._word_gains) < 100_000:
            self._word_gains[word] = split
        return split

    def weight(self, word: str) -> float:
        """How telling a question's word is: the idf of its best term (0 if unknown).
        Remembered per word: deciding on one answer asks it of the same words many times."""
        known = self._weights.get(word)
        if known is None:
            query = self.query_word(word)
            known = max((self.idf[v.term] * v.weight for v in query.variants), default=0.0)
            if len(self._weights) < 100_000:
                self._weights[word] = known
        return known

    def words_of(self, passage: Passage) -> frozenset[str]:
        """The folded words of a passage's Dutch and English text: split once per index, not
        on every answer that weighs the passage."""
        known = self._passage_words.get(passage)
        if known is None:
            known = self._passage_words[passage] = frozenset(words(passage.text)).union(
                words(passage.text_en)
            )
        return known


def _shares_prefix(a: str, b: str) -> bool:
    """'ondersteunt' ~ 'ondersteun', 'vergadert' ~ 'vergader', 'financ' ~ 'financi': a long
    common start covering most of both words."""
    longer = max(len(a), len(b))
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    # Against the longer word: 'netwerk' is no form of 'netwerkdagen'.
    return common >= _MIN_PREFIX and common >= 0.75 * longer


# --- the passages of a snapshot ---------------------------------------------------------------


def named_things(snapshot: Snapshot) -> Iterator[tuple[Entity, str, str, list[str]]]:
    """Every role, portfolio, body and phase with its Dutch and English name and aliases."""
    for role in snapshot.roles.values():
        yield Entity("role", role.id), role.title, role.title_en, role.aliases
    for portfolio in snapshot.portfolios.values():
        entity = Entity("portfolio", portfolio.id)
        yield entity, portfolio.name, portfolio.name_en, portfolio.aliases
    for body in snapshot.bodies.values():
        yield Entity("body", body.id), body.name, body.name_en, body.aliases
    for phase in snapshot.phases.values():
        yield Entity("phase", phase.id), phase.name, phase.name_en, phase.aliases


def _pairs(dutch: Sequence[str], english: Sequence[str]) -> Iterator[tuple[str, str]]:
    for number, text in enumerate(dutch):
        yield text, english[number] if number < len(english) else ""


def _sentence_pairs(dutch: str, english: str) -> Iterator[tuple[str, str]]:
    dutch_parts, english_parts = sentences(dutch), sentences(english)
    if len(dutch_parts) != len(english_parts):  # translations that do not line up: whole
        if dutch.strip():
            yield " ".join(dutch.split()), " ".join(english.split())
        return
    yield from zip(dutch_parts, english_parts, strict=True)


def snapshot_passages(snapshot: Snapshot) -> list[Passage]:
    """Every quotable line of the sheet with its owners; identical lines of several roles
    (the three pillar secretaries' tasks) become one passage with several owners."""
    grouped: dict[tuple[str, str, str], list[Entity]] = {}
    texts: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    # A role's lines are found by what they say; other things' lines by their name too.
    names = {
        entity: f"{name} {name_en}"
        for entity, name, name_en, _ in named_things(snapshot)
        if entity.kind != "role"
    }

    def add(owner: Entity, aspect: str, text: str, text_en: str = "") -> None:
        if not text.strip():
            return
        # The same line of several roles or bodies (each pillar's) is one passage.
        group = owner.kind if owner.kind in {"role", "body"} else f"{owner.kind}:{owner.id}"
        context = names.get(owner, "")
        if aspect == "source":
            # One line for every row that cites the document, found as one.
            group, context = aspect, _SOURCE_WORDS
        key = (group, aspect, fold(text))
        grouped.setdefault(key, []).append(owner)
        texts.setdefault(key, (text, text_en, context))

    for role in snapshot.roles.values():
        owner = Entity("role", role.id)
        for text, text_en in _pairs(role.tasks, role.tasks_en):
            add(owner, "tasks", text, text_en)
        for text, text_en in _sentence_pairs(role.time_commitment, role.time_commitment_en):
            add(owner, "time", text, text_en)
        if role.competences:
            add(owner, "competences", ", ".join(role.competences), ", ".join(role.competences_en))
        for text, text_en in _sentence_pairs(role.allowance, role.allowance_en):
            add(owner, "paid", text, text_en)
    for portfolio in snapshot.portfolios.values():
        owner = Entity("portfolio", portfolio.id)
        for text, text_en in _sentence_pairs(portfolio.notes, portfolio.notes_en):
            add(owner, "notes", text, text_en)
    for phase in snapshot.phases.values():
        owner = Entity("phase", phase.id)
        for text, text_en in _sentence_pairs(phase.description, phase.description_en):
            add(owner, "description", text, text_en)
    for body in snapshot.bodies.values():
        owner = Entity("body", body.id)
        for text, text_en in _pairs(body.description, body.description_en):
            add(owner, "description", text, text_en)
        for text, text_en in _pairs(body.composition, body.composition_en):
            add(owner, "composition", text, text_en)
        add(owner, "rhythm", body.rhythm, body.rhythm_en)
    for fact in snapshot.facts.values():
        owner = Entity("fact", fact.id)
        add(owner, "answer", fact.answer, fact.answer_en)
        for variant in fact.questions:
            add(owner, "question", variant)
    # Where the sheet's text comes from ('Beschrijving functies G40 (24 april 2026)'): one
    # line per document the rows cite, so that its date can be asked.
    cited = [(Entity("fact", f.id), f.source) for f in snapshot.facts.values()]
    cited += [(Entity("body", b.id), b.source) for b in snapshot.bodies.values()]
    for owner, source in cited:
        document = _document(source)
        if document:
            add(owner, "source", document, document)
    # A phrase staff taught for a Kennis row is one more way to ask it.
    for taught in snapshot.taught:
        if taught.target in snapshot.facts:
            for phrase in taught.phrases:
                add(Entity("fact", taught.target), "question", phrase)
    return [
        Passage(tuple(dict.fromkeys(owners)), key[1], *texts[key])
        for key, owners in grouped.items()
    ]


# A document a row cites is found by these words too.
_SOURCE_WORDS = "bron document documenten stuk source sources"


def _document(source: str) -> str:
    """The document a `bron` cell cites, without the sections after it: the text up to its
    first closing parenthesis ('Beschrijving functies G40 (24 april 2026)')."""
    head, bracket, _ = source.partition(")")
    return f"{head}{bracket}".strip() if bracket else ""


def snapshot_vocabulary(snapshot: Snapshot, passages: Iterable[Passage]) -> set[str]:
    """Every word of the sheet's text and names: what a compound may be split into."""
    vocabulary: set[str] = set()
    for passage in passages:
        vocabulary.update(join_terms(words(passage.text)))
        vocabulary.update(join_terms(words(passage.text_en)))
    for _, name, name_en, aliases in named_things(snapshot):
        for text in (name, name_en, *aliases):
            vocabulary.update(words(text))
    return vocabulary
