"""The question table: what users ask, in Dutch and English, with typos and paraphrases, and the
facts each answer must (and must not) contain. Facts come from the seed document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import pytest

from bot.directory import Directory
from bot.reply import render_text
from tests.conftest import AFTER_RETURN, BEFORE_RETURN

NOT_FILLED = "nog niet in het overzicht"
LOOMAN = "g.looman@enschede.nl"
JAARSMA = "secretaris@g40stedennetwerk.nl"
LANGENDIJK = "mlangendijk@haarlem.nl"
KONINGEN = "mckoningen-miedema@almere.nl"
LEISTRA = "t.leistra@oss.nl"
VAN_NES = "lotus.van.nes@groningen.nl"
STAND_IN = "m.jaarsma@almelo.nl"


@dataclass(frozen=True)
class Case:
    question: str
    must: tuple[str, ...]
    must_not: tuple[str, ...] = ()
    today: date = AFTER_RETURN
    kind: Literal["answer", "clarify", "fallback"] = "answer"
    language: Literal["nl", "en"] | None = None

    def __str__(self) -> str:
        return self.question


EUROPA_NL = (
    "linking pin",
    "Europa",
    "eerste vicevoorzitter",
    NOT_FILLED,
    "eigen bestuurlijk voorzitter",
    "Gerdien Looman",
    LOOMAN,
)
EUROPA_EN = (
    "linking pin",
    "Europe",
    "first vice chair",
    "not in the overview yet",
    "own chair",
    "Gerdien Looman",
    LOOMAN,
)

CASES = [
    # --- who holds a portfolio / opgavegroep ---------------------------------------------------
    Case("wie heeft Europa?", EUROPA_NL, language="nl"),
    Case("who holds Europa?", EUROPA_EN, language="en"),
    Case("Wie heeft europa", EUROPA_NL),
    Case("wie heeft eurpoa?", EUROPA_NL),
    Case("WIE HEEFT EUROPA", EUROPA_NL),
    Case("wie is verantwoordelijk voor europese zaken?", ("Europa", "eerste vicevoorzitter")),
    Case("who is in charge of Europe?", EUROPA_EN, language="en"),
    Case(
        "wie heeft veiligheid in portefeuille?",
        ("Veiligheid", "tweede vicevoorzitter", "Adviseur CCV", LANGENDIJK),
    ),
    Case("wie heeft veiligheid", ("tweede vicevoorzitter",), ("eerste vicevoorzitter",)),
    Case("who holds safety?", ("second vice chair", "CCV"), language="en"),
    Case(
        "wie is de penningmeester?",
        ("Penningmeester", "eerste vicevoorzitter", "Plv. algemeen secretaris", "Gerdien Looman"),
    ),
    Case("wie is penningmeestr", ("Penningmeester", "eerste vicevoorzitter")),
    Case(
        "who is the treasurer?",
        ("Treasurer", "first vice chair", "Deputy Secretary General"),
        language="en",
    ),
    Case(
        "wie doet de lobbycoördinatie?",
        ("Lobbycoördinatie", "eerste vicevoorzitter", "Lobbycoördinator", "Bureau Wepublic"),
    ),
    Case("wie doet lobbycoordinatie", ("Lobbycoördinatie", "Bureau Wepublic")),
    Case(
        "wie heeft gemeentefinanciën?",
        (
            "tweede vicevoorzitter",
            "Gemeentefinanciën wordt voorgezeten door de tweede vicevoorzitter",
            "strategisch adviseur financiën",
        ),
    ),
    Case("wie heeft gemeentefinancien", ("tweede vicevoorzitter",)),
    Case(
        "wie is voorzitter van de opgavegroep financien",
        ("tweede vicevoorzitter", "Gemeentefinanciën"),
    ),
    Case(
        "wie heeft communicatie?",
        ("G40 communicatie", "tweede vicevoorzitter", "Strategisch adviseur communicatie"),
    ),
    Case("who handles communications?", ("G40 communications", "second vice chair"), language="en"),
    Case(
        "wie heeft interbestuurlijke samenwerking?",
        (
            "Interbestuurlijke samenwerking",
            "voorzitter",
            "Secretaris opgavegroep Interbestuurlijke samenwerking",
            JAARSMA,
        ),
    ),
    Case(
        "wie heeft pijler sociaal?",
        ("Pijlervoorzitter Sociaal", NOT_FILLED, "Pijlersecretaris Sociaal"),
    ),
    # --- who holds a role ---------------------------------------------------------------------
    Case(
        "wie is de voorzitter?",
        (
            "Voorzitter: nog niet in het overzicht",
            "Algemeen secretaris — Marc Jaarsma",
            JAARSMA,
        ),
    ),
    Case("wie is voorzitter van de G40", ("Voorzitter: nog niet in het overzicht",)),
    Case(
        "who is the chair?",
        ("Chair: not in the overview yet", "Secretary General — Marc Jaarsma"),
        language="en",
    ),
    Case("wie is de vorzitter", ("Voorzitter: nog niet in het overzicht",)),
    Case(
        "wie is de eerste vicevoorzitter",
        ("Eerste vicevoorzitter: nog niet in het overzicht", "Gerdien Looman"),
    ),
    Case(
        "wie is 2e vicevoorzitter?",
        ("Tweede vicevoorzitter: nog niet in het overzicht", LANGENDIJK),
    ),
    Case("wie is de algemeen secretaris?", ("Algemeen secretaris: Marc Jaarsma", JAARSMA)),
    Case(
        "who is the secretary general", ("Secretary General: Marc Jaarsma", JAARSMA), language="en"
    ),
    Case("wie is plv. algemeen secretaris", ("Plv. algemeen secretaris: Gerdien Looman", LOOMAN)),
    Case(
        "wie is de voorzitter van pijler fysiek?",
        ("Pijlervoorzitter Fysiek: nog niet in het overzicht", KONINGEN),
        ("Pijlervicevoorzitter",),
    ),
    Case(
        "wie is vicevoorzitter van pijler sociaal",
        ("Pijlervicevoorzitter Sociaal: nog niet in het overzicht",),
    ),
    Case(
        "who chairs the economy pillar?", ("Pillar chair Economy and Work", LEISTRA), language="en"
    ),
    Case(
        "wie is de secretaris van pijler fysiek",
        ("Pijlersecretaris Fysiek: nog niet in het overzicht", KONINGEN),
        ("Algemeen secretaris",),
    ),
    Case(
        "pijlersecretarissen",
        (
            "Pijlersecretaris Sociaal",
            "Pijlersecretaris Fysiek",
            "Pijlersecretaris Economie en Werk",
        ),
    ),
    # --- what a role does, competences, time, pay --------------------------------------------
    Case(
        "wat doet een pijlersecretaris?",
        (
            "Taken van de pijlersecretaris",
            "dagelijkse coördinatie van de pijler",
            "Ambtelijk Ondersteuningsteam",
        ),
    ),
    Case(
        "what does a pillar secretary do?",
        ("Tasks of the pillar secretary", "day-to-day coordination"),
        language="en",
    ),
    Case("wat doet de voorzitter", ("woordvoerder van de G40", "Interbestuurlijke samenwerking")),
    Case(
        "wat zijn de taken van de algemeen secretaris",
        ("Secretaris van het DB", "Ambtelijk Ondersteuningsteam"),
    ),
    Case("wat doet de pijlervicevoorzitter", ("sparringpartner",)),
    Case("wat doet de lobbycoordinator", ("lobbycoördinatie",)),
    Case(
        "welke competenties heeft een pijlervoorzitter nodig?",
        ("Competenties", "Verbinder", "Proces"),
    ),
    Case(
        "competences of the chair",
        ("Competences", "Connector", "Networker", "Media"),
        language="en",
    ),
    Case(
        "hoeveel tijd kost het voorzitterschap van de G40? tijdsbeslag voorzitter",
        ("twee tot vier uur per week",),
    ),
    Case("tijdsbeslag pijlersecretaris", ("0,75 fte",)),
    Case("how much time does the first vice chair take?", ("four hours per week",), language="en"),
    Case("tijdsbeslag tweede plv algemeen secretaris", ("0,3 fte",)),
    Case("is de voorzitter betaald?", ("onbezoldigd",)),
    Case("is the chair paid?", ("unpaid",), language="en"),
    Case("krijgt de algemeen secretaris een vergoeding?", ("financiële tegemoetkoming",)),
    Case("is de pijlervicevoorzitter sociaal bezoldigd", ("niet vermeld",)),
    # --- support, deputies, contacts ---------------------------------------------------------
    Case("wie ondersteunt de voorzitter?", ("Ondersteuning: Algemeen secretaris — Marc Jaarsma",)),
    Case(
        "wie ondersteunt de eerste vicevoorzitter", ("Plv. algemeen secretaris — Gerdien Looman",)
    ),
    Case(
        "who supports the second vice chair?", ("Second Deputy Secretary General",), language="en"
    ),
    Case("wie ondersteunt de pijlervoorzitter fysiek", ("Pijlersecretaris Fysiek",)),
    Case("wie vervangt de voorzitter?", ("1. Eerste vicevoorzitter", "2. Tweede vicevoorzitter")),
    Case("who replaces the chair", ("1. First vice chair", "2. Second vice chair"), language="en"),
    Case("wie vervangt de algemeen secretaris", ("1. Plv. algemeen secretaris — Gerdien Looman",)),
    Case("vervanger pijlervoorzitter economie en werk", ("Pijlervicevoorzitter Economie en Werk",)),
    Case("contact pijler Fysiek", ("Marjolein Koningen", KONINGEN)),
    Case("contact pijler economie en werk", ("Tjeerd Leistra", LEISTRA)),
    Case("contact pillar physical", ("Marjolein Koningen", KONINGEN), language="en"),
    Case("contact pijler Sociaal", (STAND_IN, "Lotus van Nes", "30 mei 2026"), today=BEFORE_RETURN),
    Case("contact pijler sociaal", (VAN_NES,), (STAND_IN,), today=AFTER_RETURN),
    Case(
        "contact pijler sociaal",
        (STAND_IN,),
        (f"Meer informatie: Lotus van Nes, {VAN_NES}",),
        today=date(2026, 5, 29),
    ),
    Case(
        "contact pijler sociaal",
        (f"Meer informatie: Lotus van Nes, {VAN_NES}",),
        today=date(2026, 5, 30),
    ),
    Case(
        "who do I contact about the social pillar?",
        (STAND_IN, "back on"),
        today=BEFORE_RETURN,
        language="en",
    ),
    Case("mailadres tweede vicevoorzitter", (LANGENDIJK,)),
    Case("wie is Marc Jaarsma?", ("Marc Jaarsma", JAARSMA, "algemeen secretaris")),
    Case("wie is gerdien looman", (LOOMAN, "plv. algemeen secretaris")),
    # --- board, planning, candidacy, members -------------------------------------------------
    Case(
        "wie zitten in het dagelijks bestuur?",
        (
            "Voorzitter",
            "Eerste vicevoorzitter",
            "Tweede vicevoorzitter",
            "Pijlervoorzitter Sociaal",
            "Pijlervoorzitter Fysiek",
            "Pijlervoorzitter Economie en Werk",
        ),
        ("Pijlervicevoorzitter", "Algemeen secretaris"),
    ),
    Case("wie zit er in het DB", ("Pijlervoorzitter Economie en Werk",)),
    Case(
        "who sits on the executive board?",
        ("First vice chair", "Pillar chair Social"),
        language="en",
    ),
    Case("wanneer zijn de netwerkdagen?", ("donderdag 10 en vrijdag 11 september 2026",)),
    Case(
        "when are the network days?", ("Thursday 10 and Friday 11 September 2026",), language="en"
    ),
    Case(
        "wanneer zijn de verkiezingen?",
        (
            "10 en vrijdag 11 september 2026",
            "Digitaal deel verkiezingen: datum nog niet bekend",
            "Kandidaatstelling: datum nog niet bekend",
        ),
    ),
    Case("wanneer is het digitale deel?", ("datum nog niet bekend", "zomer 2026")),
    Case("wanneer zijn de netwerkdagen", ("(geweest)",), today=date(2026, 11, 27)),
    Case(
        "hoe stel ik me kandidaat?",
        (
            "Verkiesbare functies",
            "Pijlervoorzitter Fysiek",
            "de data zijn nog niet bekend",
            JAARSMA,
        ),
        ("Algemeen secretaris,",),
    ),
    Case(
        "how do I apply as a candidate?",
        ("Functions up for election", "not known yet"),
        language="en",
    ),
    Case("is Amstelveen lid van de G40?", ("Ja, Amstelveen is lid van de G40.",)),
    Case("welke gemeenten zijn lid?", ("41 leden", "'s-Hertogenbosch", "Zwolle")),
    Case(
        "wie ondersteunt de pijlervoorzitter economie",
        ("Pijlersecretaris Economie en Werk",),
        ("Pijlersecretaris Sociaal", "Pijlersecretaris Fysiek"),
    ),
    Case("wat verdient de voorzitter?", ("onbezoldigd",)),
    Case("wat is de rol van de eerste vicevoorzitter?", ("technisch voorzitter van het DB",)),
    Case(
        "wie heeft de rol van voorzitter?",
        ("Voorzitter: nog niet in het overzicht",),
        ("Taken",),
    ),
    Case(
        "wie zitten in het AOT?",
        ("Ambtelijk Ondersteuningsteam", "Algemeen secretaris: Marc Jaarsma", "Lobbycoördinator"),
        ("41 leden", "Voorzitter:"),
    ),
    Case(
        "who is on the official support team?",
        ("Official Support Team", "Deputy Secretary General: Gerdien Looman"),
        language="en",
    ),
    Case(
        "wie doet financiën?",
        ("Tweede vicevoorzitter: nog niet in het overzicht",),
        ("Taken",),
    ),
    Case(
        "email marc jaarsma",
        ("secretaris@g40stedennetwerk.nl", "is algemeen secretaris"),
        language="nl",
    ),
    Case("who is the Secretary General?", ("Secretary General: Marc Jaarsma",), language="en"),
    Case("hoi", ("Wat kan g40bot?", "wie heeft Europa?"), language="nl"),
    Case("bedankt!", ("Graag gedaan!",), language="nl"),
    Case("thanks", ("You're welcome!",), language="en"),
    Case("who are you?", ("What can g40bot do?",), language="en"),
    # --- help, clarification, fallback -------------------------------------------------------
    Case("help", ("wie heeft Europa?", "contact pijler Fysiek")),
    Case("what can you do?", ("who holds Europa?",), language="en"),
    Case("wie heeft eurooopa", ("Bedoelde je 'Europa'?",), kind="clarify"),
    Case(
        "wat is het weer morgen?",
        ("Dat kan ik (nog) niet beantwoorden", "wie heeft Europa?"),
        kind="fallback",
    ),
    Case(
        "what's the weather tomorrow?",
        ("I can't answer that", "who holds Europa?"),
        kind="fallback",
        language="en",
    ),
]


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert {case.language for case in CASES} >= {"nl", "en"}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_answer_holds_the_facts(directory: Directory, case: Case) -> None:
    reply = directory.answer(case.question, today=case.today)
    text = render_text(reply)
    for fact in case.must:
        assert fact.casefold() in text.casefold(), f"{fact!r} missing from:\n{text}"
    for wrong in case.must_not:
        assert wrong.casefold() not in text.casefold(), f"{wrong!r} wrongly in:\n{text}"
    assert reply.kind == case.kind
    if case.language:
        assert reply.language == case.language


def test_language_override_wins(directory: Directory) -> None:
    reply = directory.answer("wie heeft Europa?", today=AFTER_RETURN, language="en")
    assert reply.language == "en"
    assert "linking pin for the Europe task group" in render_text(reply)


def test_answers_are_short(directory: Directory) -> None:
    """Holder answers fit on a phone screen: the holder first, then support and contact."""
    reply = directory.answer("wie heeft Europa?", today=AFTER_RETURN)
    assert len(reply.lines) <= 6
    holder_line = next(
        i for i, line in enumerate(reply.lines) if line.startswith("Eerste vicevoorzitter:")
    )
    support_line = next(i for i, line in enumerate(reply.lines) if line.startswith("Ondersteuning"))
    assert holder_line < support_line
