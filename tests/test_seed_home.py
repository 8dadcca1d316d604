"""Every sentence of "Beschrijving functies G40" has a home in the sheet.

tests/seed_coverage.py names, for each sentence of the seed document, the cell that holds it and
the facts a member must get back. These tests prove that the named cell of the seeded sheet holds
those facts, and that the table walks the whole document: a sentence added to the document, or
one dropped from the table, fails here. (Asking each question through the engine is the answer
engine's test; this file only needs the sheet.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pytest

from bot.models import Body, Fact, Person, Phase, Portfolio, Role, Row, Snapshot
from tests.seed_coverage import SEED, SEED_DOCUMENT, SKIPPED, SeedSentence

# A full stop followed by a capital ends a sentence, except after these abbreviations
# ("o.a. VNG" is one sentence; "media-optredens etc. Het tijdsbeslag" is two).
ABBREVIATIONS = ("o.a.", "c.q.", "jl.", "plv.", "ca.")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
BULLET = re.compile(r"^-\s+(?:o\s+)?")
NUMBERED = re.compile(r"^\d+\.\s")

ROWS: dict[str, Callable[[Snapshot], Mapping[str, Row]]] = {
    Role.tab: lambda snapshot: snapshot.roles,
    Portfolio.tab: lambda snapshot: snapshot.portfolios,
    Person.tab: lambda snapshot: snapshot.people,
    Phase.tab: lambda snapshot: snapshot.phases,
    Body.tab: lambda snapshot: snapshot.bodies,
    Fact.tab: lambda snapshot: snapshot.facts,
}
MODELS: dict[str, type[Row]] = {
    model.tab: model for model in (Role, Portfolio, Person, Phase, Body, Fact)
}
# Columns that hold ids; an answer shows what the ids stand for.
ID_COLUMNS = {
    "vervangers",
    "ondersteund_door",
    "houder",
    "meer_info",
    "eigen_voorzitter",
    "functie",
    "contact",
    "voorzitter",
    "leden",
    "onderwerp",
}


def document_sentences(text: str) -> list[str]:
    """The document as the table walks it: a line broken by a page break is joined again (its
    rest starts in lower case), bullets lose their marker, and a line is cut into sentences. A
    numbered line (a heading or an item of the list of posts) is one item."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if line and line[0].islower() and lines:
            lines[-1] += " " + line
        elif line:
            lines.append(line)
    sentences: list[str] = []
    for line in (BULLET.sub("", line) for line in lines):
        if NUMBERED.match(line):
            sentences.append(line)
            continue
        start = 0
        for boundary in SENTENCE_END.finditer(line):
            if not line[start : boundary.start()].endswith(ABBREVIATIONS):
                sentences.append(line[start : boundary.start()])
                start = boundary.end()
        sentences.append(line[start:])
    return sentences


def sentence_count(text: str) -> int:
    return len(SENTENCE_END.split(text))


def column_of(model: type[Row], column: str) -> str | None:
    return next(
        (name for name, info in model.model_fields.items() if (info.alias or name) == column),
        None,
    )


def shown_as(snapshot: Snapshot, identifier: str) -> list[str]:
    """What an answer shows for an id: a role's or body's name in both languages, a person's
    name, e-mail and stand-in."""
    if role := snapshot.roles.get(identifier):
        return [role.title, role.title_en]
    if person := snapshot.people.get(identifier):
        return [person.name, person.email or "", person.stand_in or ""]
    if body := snapshot.bodies.get(identifier):
        return [body.name, body.name_en]
    if portfolio := snapshot.portfolios.get(identifier):
        return [portfolio.name, portfolio.name_en]
    if phase := snapshot.phases.get(identifier):
        return [phase.name, phase.name_en]
    return []


def cell_text(snapshot: Snapshot, entry: SeedSentence) -> str:
    rows = ROWS[entry.tab](snapshot)
    assert entry.row in rows, f"{entry.tab} has no (valid) row with id '{entry.row}'"
    row = rows[entry.row]
    field = column_of(type(row), entry.column)
    assert field, f"{entry.tab} has no column '{entry.column}'"
    value = getattr(row, field)
    items = [str(item) for item in (value if isinstance(value, list) else [value]) if item]
    if entry.column in ID_COLUMNS:
        items += [shown for item in items for shown in shown_as(snapshot, item)]
    return "\n".join(items)


def test_the_table_walks_the_whole_document_in_order() -> None:
    sentences = document_sentences(SEED_DOCUMENT.read_text(encoding="utf-8"))
    homed, skipped = list(SEED), list(SKIPPED)
    for number, sentence in enumerate(sentences, start=1):
        if homed and homed[0].sentence == sentence:
            homed.pop(0)
        elif skipped and skipped[0].text == sentence:
            skipped.pop(0)
        else:
            expected = homed[0].sentence if homed else "(end of SEED)"
            pytest.fail(
                f"sentence {number} of the document has no row in tests/seed_coverage.py: "
                f"{sentence!r} (the table's next sentence is {expected!r})"
            )
    stale = [entry.sentence for entry in homed] + [entry.text for entry in skipped]
    assert not stale, f"the table quotes sentences the document does not have: {stale}"


@pytest.mark.parametrize(
    "entry", SEED, ids=[f"{n}-{e.tab}-{e.row}-{e.column}" for n, e in enumerate(SEED, start=1)]
)
def test_each_sentence_has_a_home_that_holds_its_facts(
    snapshot: Snapshot, entry: SeedSentence
) -> None:
    text = cell_text(snapshot, entry)
    missing = [fact for fact in entry.facts if fact.casefold() not in text.casefold()]
    assert not missing, f"{entry.tab}!{entry.row} ({entry.column}) lacks {missing}:\n{text}"


def test_each_row_asks_in_its_own_language_and_names_facts() -> None:
    wrong = []
    for entry in SEED:
        english_twin = column_of(MODELS[entry.tab], f"{entry.column}_en") is not None
        if entry.language == "en" and english_twin:
            wrong.append(f"{entry.question!r}: an English question's home is {entry.column}_en")
        if entry.language == "nl" and entry.column.endswith("_en"):
            wrong.append(f"{entry.question!r}: a Dutch question's home is a Dutch column")
        if not entry.facts or not entry.question.endswith("?"):
            wrong.append(f"{entry.sentence!r}: needs a question and at least one fact")
    assert not wrong, "\n".join(wrong)
    english = sum(entry.language == "en" for entry in SEED) / len(SEED)
    assert 0.35 <= english <= 0.45, f"{english:.0%} of the questions are English; aim for 40%"


BODIES = {
    "dagelijks-bestuur",
    "algemeen-bestuur",
    "aot",
    "coordinatorenoverleg",
    "pijler-sociaal",
    "pijler-fysiek",
    "pijler-economie-en-werk",
    "opgavegroepen",
    "netwerkdagen",
}


def test_every_body_and_fact_is_told_in_dutch_and_english(snapshot: Snapshot) -> None:
    """Every body of the network has its row, described; an English question gets an English
    answer, so each Dutch cell of Organen and Kennis has its English twin line for line; a
    Kennis answer is short (two sentences at most); every row names its source."""
    wrong = [f"Organen has no row '{body}'" for body in sorted(BODIES - set(snapshot.bodies))]
    wrong += [
        f"Organen!{b.id}: no omschrijving" for b in snapshot.bodies.values() if not b.description
    ]
    for row in [*snapshot.bodies.values(), *snapshot.facts.values()]:
        where = f"{row.tab}!{getattr(row, 'id', '?')}"
        for name, info in type(row).model_fields.items():
            column = info.alias or name
            twin = column_of(type(row), f"{column}_en")
            if twin is None:
                continue
            dutch, english = getattr(row, name), getattr(row, twin)
            if isinstance(dutch, list) and len(dutch) != len(english):
                wrong.append(f"{where} ({column}): {len(dutch)} lines, {len(english)} in English")
            elif bool(dutch) != bool(english):
                wrong.append(f"{where} ({column}): only one language filled in")
            elif isinstance(row, Fact) and max(map(sentence_count, (dutch, english))) > 2:
                wrong.append(f"{where} ({column}): more than two sentences")
        if not str(getattr(row, "source", "")).startswith("Beschrijving functies G40 (24 april"):
            wrong.append(f"{where}: bron does not name the document")
    assert not wrong, "\n".join(wrong)
