"""The answer engine v2 by class of question: search over all of the sheet's text, yes/no,
relations, narrow answers with 'meer', readings to choose from, follow-ups, language — each a
behaviour a member notices. The question tables (tests/test_questions.py,
tests/question_table.py) measure the score; these tests pin each class's rule with questions of
their own."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from bot.answers.search import SearchIndex, snapshot_passages, snapshot_vocabulary
from bot.directory import Directory
from bot.models import RawCell, Snapshot, build_snapshot
from bot.reply import Choice, Reply, render_text
from tests.conftest import AFTER_RETURN
from tests.test_candidacy_console import chat as console_session
from tests.test_candidacy_console import console_env  # noqa: F401 - the fixture

JAARSMA = "secretaris@g40stedennetwerk.nl"
LOOMAN = "g.looman@enschede.nl"
Tabs = dict[str, list[list[RawCell]]]


def text_of(directory: Directory, question: str, *context: str) -> str:
    return render_text(directory.answer(question, today=AFTER_RETURN, context=context))


def first_line(reply: Reply) -> str:
    return reply.lines[0] if reply.lines else reply.title


# --- the search over all of the sheet's text --------------------------------------------------


@pytest.fixture(scope="module")
def index(snapshot: Snapshot) -> SearchIndex:
    passages = snapshot_passages(snapshot)
    return SearchIndex.build(passages, snapshot_vocabulary(snapshot, passages))


def test_dutch_compounds_and_schap_nouns_are_split_into_words_of_the_sheet(
    index: SearchIndex,
) -> None:
    parts = index.analyzer.parts
    assert {"pijler", "overleg"} <= set(parts("pijleroverleg"))
    assert {"bestuur", "functies"} <= set(parts("bestuursfuncties"))
    assert "voorzitter" in parts("voorzitterschap")
    assert "penningmeester" in parts("penningmeesterschap")


def test_a_line_is_found_by_its_topic_and_knows_its_owners(index: SearchIndex) -> None:
    best = index.search(["notulen", "ambtelijk", "pijleroverleg"])[0]
    assert {owner.id for owner in best.passage.owners} == {
        "pijlersecretaris-sociaal",
        "pijlersecretaris-fysiek",
        "pijlersecretaris-economie-en-werk",
    }
    assert "verslaglegging" in best.passage.text


def test_english_words_find_the_english_side_of_a_line(index: SearchIndex) -> None:
    best = index.search(["procurement", "contracting"])[0]
    assert [owner.id for owner in best.passage.owners] == ["algemeen-secretaris"]


# --- who does X, by any task ------------------------------------------------------------------


def test_who_does_a_task_names_the_role_with_its_line_holder_and_contact(
    directory: Directory,
) -> None:
    reply = directory.answer("wie int de contributie van de steden?", today=AFTER_RETURN)
    text = render_text(reply)
    assert reply.title == "Plv. algemeen secretaris"
    assert "contributie" in text and "Gerdien Looman" in text
    assert text.count(LOOMAN) == 1  # a contact is printed once


def test_who_does_a_task_in_english(directory: Directory) -> None:
    reply = directory.answer("who handles the website?", today=AFTER_RETURN)
    assert reply.language == "en"
    assert reply.title == "Secretary General" and JAARSMA in render_text(reply)


# --- the main noun phrase outweighs side words ------------------------------------------------


def test_a_side_word_that_only_another_roles_line_holds_moves_the_answer(
    directory: Directory,
) -> None:
    reply = directory.answer("wie is de technisch voorzitter?", today=AFTER_RETURN)
    assert reply.title == "Eerste vicevoorzitter"
    assert "technisch voorzitter" in render_text(reply)
    assert [choice.label for choice in reply.choices] == ["Voorzitter"]


def test_a_role_word_and_pillar_read_as_the_pillar_role(directory: Directory) -> None:
    text = text_of(directory, "hoeveel tijd kost het om vicevoorzitter van een pijler te zijn?")
    assert "4 uur per week" in text and LOOMAN not in text


def test_a_city_in_a_question_about_something_else_gets_dont_know_and_the_contact(
    directory: Directory,
) -> None:
    reply = directory.answer("wie is de wethouder van Deventer?", today=AFTER_RETURN)
    assert reply.kind == "fallback"
    assert JAARSMA in render_text(reply)
    assert "lid van de G40" not in render_text(reply)


def test_a_place_the_sheet_does_not_know_is_no_question_about_the_sheet(
    directory: Directory,
) -> None:
    reply = directory.answer("wie is de burgemeester van Zwolle-Zuid?", today=AFTER_RETURN)
    assert reply.kind == "fallback" and "burgemeesters" not in render_text(reply)


def test_an_english_title_mid_sentence_keeps_only_its_own_capitals(directory: Directory) -> None:
    """'the pillar vice chair Social' (the pillar's name keeps its capital), but 'the
    Secretary General' as staff write it."""
    social = directory.answer(
        "is the vice chair of the social pillar on the DB?", today=AFTER_RETURN
    )
    assert social.lines[0].startswith("No, the pillar vice chair Social is not part")
    general = directory.answer(
        "is the secretary general on the executive board?", today=AFTER_RETURN
    )
    assert general.lines[0].startswith("No, the Secretary General is not part")


def test_who_leads_a_pillar_is_its_chair(directory: Directory) -> None:
    reply = directory.answer("who leads the Physical pillar?", today=AFTER_RETURN)
    assert reply.lines[0] == "The Physical pillar is chaired by the pillar chair."
    assert "work programme" not in render_text(reply)  # the secretary's line


def test_the_fallback_contact_is_whoever_the_sheet_names(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    header = [str(cell) for cell in tabs["Functies"][0]]
    row = next(r for r in tabs["Functies"] if r[0] == "algemeen-secretaris")
    row[header.index("houder")] = "gerdien-looman"
    text = render_text(
        Directory.of(build_snapshot(tabs)).answer("wat kost een treinkaartje?", today=AFTER_RETURN)
    )
    assert LOOMAN in text and JAARSMA not in text


# --- yes or no --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Wordt de pijlervoorzitter betaald?", "Nee"),
        ("Is de algemeen secretaris een gekozen functie?", "Nee"),
        ("Heeft de eerste vicevoorzitter lobbycoördinatie in portefeuille?", "Ja"),
        ("Vervangt de eerste vicevoorzitter de voorzitter?", "Ja"),
        ("Does the second vice chair hold Europe?", "No"),
        ("Is the Secretary General supported by anyone?", None),
    ],
)
def test_yes_or_no_first_only_when_the_sheet_settles_it(
    directory: Directory, question: str, opening: str | None
) -> None:
    reply = directory.answer(question, today=AFTER_RETURN)
    line = first_line(reply)
    if opening is None:
        assert not re.match(r"(Ja|Nee|Yes|No)\b", line), line
    else:
        assert line.startswith(opening), render_text(reply)


def test_a_line_that_only_prefers_is_no_obligation(directory: Directory) -> None:
    reply = directory.answer("Moet de voorzitter lid zijn van het VNG-bestuur?", today=AFTER_RETURN)
    assert first_line(reply).startswith("Nee") and "voorkeur" in render_text(reply)


def test_a_place_not_on_the_member_list_is_no_member(directory: Directory) -> None:
    reply = directory.answer("is Zwijndrecht lid van de G40?", today=AFTER_RETURN)
    assert first_line(reply).startswith("Nee")
    assert "41" in render_text(reply)


# --- how often, how appointed, relations ------------------------------------------------------


def test_how_often_a_body_meets_comes_from_its_rhythm(directory: Directory) -> None:
    text = text_of(directory, "hoe vaak komt het dagelijks bestuur bijeen?")
    assert "drie weken" in text and "kwartaal" in text


def test_how_a_role_is_appointed_quotes_its_line(directory: Directory) -> None:
    text = text_of(directory, "hoe wordt de pijlervicevoorzitter benoemd?")
    assert "voordracht van de pijler" in text


def test_who_stands_in_for_whom_lists_every_row_in_order(directory: Directory) -> None:
    reply = directory.answer("wie vervangt wie?", today=AFTER_RETURN)
    line = next(line for line in reply.lines if line.startswith("Voorzitter:"))
    assert line.index("Eerste vicevoorzitter") < line.index("Tweede vicevoorzitter")


def test_what_the_sheet_does_not_say_is_said_with_whom_to_ask(directory: Directory) -> None:
    text = text_of(directory, "hoe vaak vergadert het coördinatorenoverleg?")
    assert "staat niet hoe vaak" in text and JAARSMA in text


# --- narrow answers, 'meer', choices ----------------------------------------------------------


def test_a_narrow_question_gets_the_lines_it_asks_for_and_a_way_to_the_full_card(
    directory: Directory,
) -> None:
    reply = directory.answer("tijdsbeslag van de algemeen secretaris", today=AFTER_RETURN)
    text = render_text(reply)
    assert "0,75 fte" in text and "•" not in text  # no task bullets
    assert text.count(JAARSMA) == 1
    assert reply.more == "meer over de algemeen secretaris"
    full = render_text(directory.answer(reply.more, today=AFTER_RETURN))
    assert "Taken van de algemeen secretaris" in full and "0,75 fte" in full


def test_an_unclear_name_offers_readings_that_each_answer(directory: Directory) -> None:
    reply = directory.answer("wat doet de adviseur?", today=AFTER_RETURN)
    assert reply.kind == "clarify" and 2 <= len(reply.choices) <= 3
    for choice in reply.choices:
        answer = directory.answer(choice.question, today=AFTER_RETURN)
        assert answer.kind == "answer" and answer.title == choice.label, choice


def test_plain_text_numbers_the_choices_and_says_how_to_get_more() -> None:
    reply = Reply(
        title="Wat bedoel je?",
        choices=(Choice("Voorzitter", "wie is de voorzitter?"), Choice("Penningmeester", "x")),
        kind="clarify",
        more="meer over de voorzitter",
    )
    text = render_text(reply)
    assert "1. Voorzitter\n2. Penningmeester" in text
    assert "Typ het nummer" in text and "'meer'" in text


# --- follow-ups -------------------------------------------------------------------------------


def test_a_follow_up_refers_to_what_was_just_discussed(directory: Directory) -> None:
    assert "vier uur per week" in text_of(
        directory, "en het tijdsbeslag?", "wie is de tweede vicevoorzitter?"
    )
    text = text_of(directory, "and their e-mail?", "who keeps the minutes of the pillar meeting?")
    assert "lotus.van.nes@groningen.nl" in text and JAARSMA not in text
    assert "Plv. algemeen secretaris" in text_of(
        directory, "wie ondersteunt die?", "wie is de eerste vicevoorzitter?"
    )


def test_a_number_picks_a_reading_and_meer_gives_the_full_card(directory: Directory) -> None:
    offered = directory.answer("wat doet de adviseur?", today=AFTER_RETURN)
    picked = directory.answer("2", today=AFTER_RETURN, context=("wat doet de adviseur?",))
    assert picked.title == offered.choices[1].label
    full = text_of(directory, "meer", "wie is de penningmeester?")
    assert "Taken van de eerste vicevoorzitter" in full


def test_without_context_a_follow_up_is_no_guess(directory: Directory) -> None:
    reply = directory.answer("en het tijdsbeslag?", today=AFTER_RETURN)
    assert "fte" not in render_text(reply) and "uur per week" not in render_text(reply)


@pytest.mark.usefixtures("console_env")
def test_the_console_keeps_the_session_for_follow_ups() -> None:
    """The installed `g40bot chat`: a number picks an offered reading, a follow-up refers to
    it."""
    out = console_session(
        "wie is de technisch voorzitter?", "1", "en het tijdsbeslag?", on="2026-06-01"
    )
    picked = out.split("> 1\n", 1)[1].split("> en het tijdsbeslag?", 1)[0]
    assert picked.startswith("Voorzitter\n")
    assert "twee tot vier uur per week" in out.split("> en het tijdsbeslag?", 1)[1]


# --- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["who chairs the Dagelijks Bestuur?", "what does the pijlersecretaris do?"],
)
def test_short_english_questions_with_dutch_names_get_english(
    directory: Directory, question: str
) -> None:
    assert directory.answer(question, today=AFTER_RETURN).language == "en"


def test_dutch_stays_the_default_on_a_tie(directory: Directory) -> None:
    assert directory.answer("Dagelijks Bestuur", today=AFTER_RETURN).language == "nl"


# --- the index follows the sheet ----------------------------------------------------------------


def test_a_new_line_in_the_sheet_is_found_after_the_next_refresh(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    header = [str(cell) for cell in tabs["Functies"][0]]
    row = next(r for r in tabs["Functies"] if r[0] == "lobbycoordinator")
    row[header.index("taken")] = str(row[header.index("taken")]) + "\nBeheert het archief."
    before = render_text(
        Directory.of(build_snapshot(seed)).answer(
            "wie beheert het archief?", today=date(2026, 6, 1)
        )
    )
    after = Directory.of(build_snapshot(tabs)).answer(
        "wie beheert het archief?", today=date(2026, 6, 1)
    )
    assert "archief" not in before
    assert after.title == "Lobbycoördinator" and "archief" in render_text(after)


def test_a_competence_added_to_the_sheet_settles_a_yes_no_question(seed: Tabs) -> None:
    """Staff add 'Teamspeler' to the chair's profile: "moet de voorzitter een teamspeler
    zijn?" starts with Ja after the next refresh, naming the new item; before, no Ja."""
    tabs = copy.deepcopy(seed)
    header = [str(cell) for cell in tabs["Functies"][0]]
    row = next(r for r in tabs["Functies"] if r[0] == "voorzitter")
    row[header.index("competenties")] = str(row[header.index("competenties")]) + "\nTeamspeler"
    question = "moet de voorzitter een teamspeler zijn?"
    before = render_text(Directory.of(build_snapshot(seed)).answer(question, today=AFTER_RETURN))
    after = Directory.of(build_snapshot(tabs)).answer(question, today=AFTER_RETURN)
    assert not before.startswith("Voorzitter\nJa")
    assert after.lines[0].startswith("Ja, teamspeler staat in het profiel van de voorzitter")


def test_a_definition_added_to_the_sheet_answers_what_a_term_is(seed: Tabs) -> None:
    """'wat is een opgavetrekker?': the sheet only uses the word, so the bot says whom to
    ask; once staff add a Kennis row that says what one is (under another question), that
    line answers after the next refresh, with no code change."""
    tabs = copy.deepcopy(seed)
    header = [str(cell) for cell in tabs["Kennis"][0]]
    row = [""] * len(header)
    row[header.index("id")] = "opgavetrekker"
    row[header.index("vragen")] = "Wie trekt een opgave?"
    row[header.index("antwoord")] = (
        "Een opgavetrekker is de bestuurder die een opgave van de G40 bestuurlijk trekt."
    )
    tabs["Kennis"].append(row)
    question = "wat is een opgavetrekker?"
    before = Directory.of(build_snapshot(seed)).answer(question, today=AFTER_RETURN)
    after = Directory.of(build_snapshot(tabs)).answer(question, today=AFTER_RETURN)
    assert before.kind == "fallback" and JAARSMA in render_text(before)
    assert "bestuurlijk trekt" in render_text(after), render_text(after)


def test_an_answer_naming_two_roles_is_titled_by_whole_words(directory: Directory) -> None:
    # 'comms' now names the communications portfolio itself; 'press' is in two roles' lines.
    reply = directory.answer("who handles press?", today=AFTER_RETURN)
    assert reply.title == "Chair / Pillar secretary"


# --- confidence: never an answer about the wrong thing -----------------------------------------


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("wat vindt de voorzitter van windmolens?", "Voorzitter"),
        ("is de voorzitter getrouwd?", "Voorzitter"),
        ("what is the chair's favourite football club?", "Chair"),
        ("mag de voorzitter ook wethouder zijn?", "Voorzitter"),
        ("wie is de voorzitter van de VNG?", "Voorzitter"),
        ("who is the chair of Platform31?", "Chair"),
    ],
)
def test_a_named_thing_asked_what_the_sheet_does_not_hold_is_offered_not_answered(
    directory: Directory, question: str, offered: str
) -> None:
    """The sheet names the thing, not what is asked of it: 'dat weet ik niet' with whom to ask,
    and the thing to choose — never its card, which would look like the answer."""
    reply = directory.answer(question, today=AFTER_RETURN)
    assert reply.kind == "fallback", render_text(reply)
    assert JAARSMA in render_text(reply)
    assert [choice.label for choice in reply.choices] == [offered]
    assert not re.search(
        r"nog niet in het overzicht|not in the overview|Taken van|Tasks of", render_text(reply)
    )


@pytest.mark.parametrize(
    "question",
    [
        "Blijven de namen van de pijlers hetzelfde?",
        "hoe gaan de pijlers straks heten?",
        "what will the pillars be called?",
    ],
)
def test_a_staff_answer_says_yes_or_no_only_to_its_own_kind_of_question(
    directory: Directory, question: str
) -> None:
    """A Kennis answer opens with 'Ja.' for 'Krijgen de pijlers een nieuwe naam?': asked in
    other words, or not as a yes/no question, that opener would state the wrong thing."""
    line = first_line(directory.answer(question, today=AFTER_RETURN))
    assert not re.match(r"(Ja|Yes)\b", line), line


def test_every_name_of_a_body_finds_its_lines(directory: Directory) -> None:
    """'DB' in a question finds a line that says 'Dagelijks Bestuur' (and 'Executive Board')."""
    reply = directory.answer(
        "is it required for the chair to be at DB meetings?", today=AFTER_RETURN
    )
    assert re.match(r"Yes\b", first_line(reply)), render_text(reply)
    assert "Executive Board meetings" in render_text(reply)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "door wie wordt de eerste vicevoorzitter ondersteund?",
            "Plv. algemeen secretaris: Ondersteunt de eerste vicevoorzitter",
        ),
        ("who supports the chair?", "Secretary General: Supports the chair"),
        (
            "wat gebeurt er als een pijlervoorzitter definitief stopt",
            "Pijlervicevoorzitter: Treedt bij permanente vervanging",
        ),
    ],
)
def test_another_posts_line_in_an_answer_names_that_post(
    directory: Directory, question: str, named: str
) -> None:
    """Under 'Eerste vicevoorzitter', a bare 'Ondersteunt de eerste vicevoorzitter …' reads as
    if the post supported itself: the line is the plv. algemeen secretaris's, and says so."""
    assert named in text_of(directory, question)


@pytest.mark.parametrize(
    ("question", "person"),
    [
        (
            "bij wie kan ik meer informatie krijgen over de functie van tweede vicevoorzitter",
            "Meer informatie: Marleen Langendijk",
        ),
        ("wie kan me meer vertellen over de eerste vicevoorzitter?", "g.looman@enschede.nl"),
        ("who can tell me more about the second vice chair role?", "Marleen Langendijk"),
    ],
)
def test_who_can_tell_more_about_a_post_is_answered_with_a_person_not_the_card(
    directory: Directory, question: str, person: str
) -> None:
    answer = text_of(directory, question)
    assert person in answer
    assert "Taken van" not in answer and "Tasks of" not in answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who can tell me more about the treasurer post?", "treasurer"),
        ("wie weet meer over de penningmeester functie?", "penningmeester"),
        ("is the chair position paid?", "No, the chair is unpaid"),
    ],
)
def test_a_word_for_a_post_after_its_name_is_part_of_the_name(
    directory: Directory, question: str, expected: str
) -> None:
    """'post' is also a word of an election line ('the description does not describe that
    post'): after a post's name it names that post, and no line about elections answers."""
    answer = text_of(directory, question)
    assert expected in answer
    assert "Elections are held" not in answer and "Er zijn verkiezingen" not in answer
