"""The public question table (v2): what board members and civil servants ask about the G40
network, written as they type it, and what a right answer must and must not contain.

Every expectation comes from "Beschrijving functies G40" (24 April 2026) and the seed tabs in
config/seed/ — never from what the engine happens to say. `must` holds the decisive facts
(names, e-mail addresses, numbers, key phrases of the document); `must_not` the wrong facts a
confused engine would state (another role's contact, an invented date, the wrong figure).

The sheet names no holder for the elected posts yet; only the algemeen secretaris (Marc Jaarsma)
and the plv. algemeen secretaris (Gerdien Looman) are filled. Who to ask about the other posts
is in the sheet (column meer_info), so "who is X?" must give that contact.

Read with tests/test_question_table.py (runs the table), benchmarks/question_score.py (score by
class and language)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from bot.directory import Directory
from bot.reply import Reply, render_text

# A day inside the seed's absence window (Lotus van Nes is back on 30 May 2026), and one after.
# The same dates as tests/conftest.py; repeated here so the table imports without pytest.
BEFORE_RETURN = date(2026, 5, 1)
AFTER_RETURN = date(2026, 6, 1)
AFTER_NETWORK_DAYS = date(2026, 11, 27)

JAARSMA = "secretaris@g40stedennetwerk.nl"  # algemeen secretaris; the general contact
LOOMAN = "g.looman@enschede.nl"  # plv. algemeen secretaris; contact for the eerste vice
LANGENDIJK = "mlangendijk@haarlem.nl"  # contact for the tweede vice and the tweede plv.
VAN_NES = "lotus.van.nes@groningen.nl"  # contact Pijler Sociaal, away until 30 May 2026
STAND_IN = "m.jaarsma@almelo.nl"  # Lotus van Nes's stand-in until then
KONINGEN = "mckoningen-miedema@almere.nl"  # contact Pijler Fysiek
LEISTRA = "t.leistra@oss.nl"  # contact Pijler Economie en Werk

# The digital part of the election has no exact dates: an answer naming a summer month
# invented one.
INVENTED_MONTHS_NL = ("juni", "juli", "augustus")
INVENTED_MONTHS_EN = ("June", "July", "August")
# Everything an answer about nothing in the sheet must leave out: role facts and the contacts
# of people whose address happens to contain a city name.
ROLE_FACTS = (
    " fte",
    "uur per week",
    "hours per week",
    "is lid van de G40",
    "is a member of the G40",
    LOOMAN,
    LANGENDIJK,
    VAN_NES,
    STAND_IN,
    KONINGEN,
    LEISTRA,
)

Kind = Literal["answer", "clarify", "fallback"]


@dataclass(frozen=True)
class Case:
    """One question and what its answer must hold.

    `kind` None: either an answer or a choice of readings is fine. `starts`: the answer's first
    word (Ja/Nee, Yes/No) — the heading may come before it. `order`: facts that must appear in
    this order (stand-ins). `context`: earlier questions in the same thread, oldest first."""

    question: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    cls: str = ""
    language: Literal["nl", "en"] = "nl"
    kind: Kind | None = "answer"
    today: date = AFTER_RETURN
    context: tuple[str, ...] = ()
    starts: str | None = None
    order: tuple[str, ...] = ()
    # At least one of these (where either of two answers is right).
    any_of: tuple[str, ...] = ()

    def __str__(self) -> str:
        thread = " / ".join(self.context)
        asked = f"{thread} -> {self.question}" if thread else self.question
        when = "" if self.today == AFTER_RETURN else f" @{self.today.isoformat()}"
        return f"{self.cls}:{self.language}:{asked}{when}"


def ask(directory: Directory, case: Case) -> Reply:
    """The case's question, with its thread's earlier questions when it has any."""
    if case.context:
        return directory.answer(case.question, today=case.today, context=case.context)
    return directory.answer(case.question, today=case.today)


def shown(reply: Reply) -> str:
    """The answer as a failure message shows it."""
    return f"[{reply.kind}, {reply.language}]\n{render_text(reply)}"


def problems(reply: Reply, case: Case) -> list[str]:
    """What is wrong with `reply` as an answer to `case`; empty when it is right."""
    text = render_text(reply)
    folded = text.casefold()
    found = [f"{fact!r} missing" for fact in case.must if fact.casefold() not in folded]
    found += [f"{wrong!r} wrongly present" for wrong in case.must_not if wrong.casefold() in folded]
    if case.any_of and not any(fact.casefold() in folded for fact in case.any_of):
        found.append(f"none of {case.any_of!r} present")
    positions = [folded.find(fact.casefold()) for fact in case.order]
    if -1 in positions:
        found.append(f"not all of {case.order!r} present")
    elif positions != sorted(positions):
        found.append(f"{case.order!r} not in this order")
    if case.starts and not _starts_with(reply, case.starts):
        found.append(f"does not start with {case.starts!r}")
    if case.kind and reply.kind != case.kind:
        found.append(f"kind {reply.kind!r}, expected {case.kind!r}")
    if reply.language != case.language:
        found.append(f"language {reply.language!r}, expected {case.language!r}")
    return found


def _starts_with(reply: Reply, word: str) -> bool:
    """The first sentence under the heading (or the heading itself) opens with `word`."""
    pattern = re.compile(rf"^\W*{re.escape(word.casefold())}\b")
    openings = [reply.title, *reply.lines[:1]]
    return any(pattern.match(opening.casefold()) for opening in openings)


def nl(
    question: str,
    must: Iterable[str] = (),
    must_not: Iterable[str] = (),
    *,
    kind: Kind | None = "answer",
    today: date = AFTER_RETURN,
    context: tuple[str, ...] = (),
    starts: str | None = None,
    order: tuple[str, ...] = (),
    any_of: tuple[str, ...] = (),
) -> Case:
    return Case(
        question,
        tuple(must),
        tuple(must_not),
        language="nl",
        kind=kind,
        today=today,
        context=context,
        starts=starts,
        order=order,
        any_of=any_of,
    )


def en(
    question: str, must: Iterable[str] = (), must_not: Iterable[str] = (), **options: Any
) -> Case:
    """An English case: the same options as `nl`."""
    return replace(nl(question, must, must_not, **options), language="en")


def _of(cls: str, cases: list[Case]) -> list[Case]:
    return [replace(case, cls=cls) for case in cases]


# --- who holds a post or portfolio ----------------------------------------------------------
# Unfilled posts: the answer names the post's contact from the sheet, and does not make the
# contact the holder.
NOT_HOLDER_JAARSMA = ("Voorzitter: Marc Jaarsma", "Marc Jaarsma is voorzitter")

HOLDER = _of(
    "holder",
    [
        nl("wie is onze voorzitter", (JAARSMA,), NOT_HOLDER_JAARSMA),
        nl("Wie is momenteel de voorzitter van het G40 Stedennetwerk?", (JAARSMA,)),
        nl("wie is eerste vicevoorzitter", (LOOMAN,), (LANGENDIJK,)),
        nl("wie is de 2e vice", (LANGENDIJK,), (LOOMAN,)),
        nl("wie is pijlervoorzitter fysiek", (KONINGEN,), (VAN_NES, LEISTRA)),
        nl("wie is voorzitter van pijler economie en werk?", (LEISTRA,), (KONINGEN,)),
        nl("wie is de algemeen secretaris van de g40", ("Marc Jaarsma", JAARSMA)),
        nl("wie is de plv secretaris", ("Gerdien Looman", LOOMAN), (LANGENDIJK,)),
        nl("wie is de tweede plv. algemeen secretaris?", (LANGENDIJK,), ("Gerdien Looman",)),
        nl("wie is pijlersecretaris economie", (LEISTRA,), (KONINGEN, VAN_NES)),
        nl("wie heeft de portefeuille communicatie", ("tweede vicevoorzitter", LANGENDIJK)),
        nl("wie gaat over veiligheid bij de G40?", ("tweede vicevoorzitter",), (LOOMAN,)),
        nl("wie is linking pin voor europa", ("eerste vicevoorzitter", LOOMAN)),
        nl("wie heeft interbestuurlijke samenwerking in portefeuille", (JAARSMA,), (LOOMAN,)),
        nl("wie is de penningmeester van de g40", ("eerste vicevoorzitter", LOOMAN)),
        nl("wie is de lobbycoördinator?", ("AOT",), (LANGENDIJK,)),
        nl("wie is de pijlersecretaris van fysiek", (KONINGEN,), (JAARSMA,)),
        nl("wie zit er namens pijler sociaal in het db", (VAN_NES,), (LOOMAN,)),
        nl("wie zijn de pijlervoorzitters?", ("Sociaal", "Fysiek", "Economie"), kind=None),
        en("who's the chair of the G40", (JAARSMA,), NOT_HOLDER_JAARSMA),
        en("who is first vice chair", (LOOMAN,), (LANGENDIJK,)),
        en("who is the second vice-chair?", (LANGENDIJK,), (LOOMAN,)),
        en("who is the secretary-general", ("Marc Jaarsma",)),
        en("who is the deputy secretary general?", ("Gerdien Looman",), (LANGENDIJK,)),
        en("who chairs the Dagelijks Bestuur?", ("chair", JAARSMA)),
        en("who is the pillar chair for Fysiek?", (KONINGEN,), (VAN_NES, LEISTRA)),
        en("who chairs pijler Sociaal", (VAN_NES,), (KONINGEN, LEISTRA)),
        en("who holds the communications portfolio", ("second vice chair",)),
        en("who's the treasurer", ("first vice chair", LOOMAN)),
        en("who is the lobby coordinator", ("AOT",), (LANGENDIJK,)),
        en("who is the secretary of the Economie en Werk pillar", (LEISTRA,), (JAARSMA,)),
        en("who has Europa in their portfolio?", ("first vice chair", LOOMAN)),
        en("who chairs the finance task group", ("second vice chair",), (LOOMAN,)),
        en("who is the voorzitter?", (JAARSMA,), NOT_HOLDER_JAARSMA),
        en("who is pijlervoorzitter Economie en Werk", (LEISTRA,), (KONINGEN,)),
        en("who's our plv. secretaris", ("Gerdien Looman",)),
        en("who is the eerste vicevoorzitter right now", (LOOMAN,), (LANGENDIJK,)),
        nl("wie is de voorziter van de g40", (JAARSMA,), NOT_HOLDER_JAARSMA),
        nl("wie is de eerst vice voorzitter", (LOOMAN,), (LANGENDIJK,)),
        nl("pijlervoorziter fysiek?", (KONINGEN,), (VAN_NES, LEISTRA)),
        nl("wie is algemeen secreatris", ("Marc Jaarsma",)),
        nl(
            "Goedemorgen, ik ben sinds kort wethouder in Oss en vroeg me af wie op dit moment "
            "eigenlijk de voorzitter is van de pijler Economie en Werk, kunt u mij dat vertellen?",
            (LEISTRA,),
            (KONINGEN, "is lid van de G40"),
        ),
    ],
)

# --- who does a task, asked by its topic ----------------------------------------------------
TASKS_BY_TOPIC = _of(
    "tasks-by-topic",
    [
        nl("wie notuleert het ambtelijk overleg van de pijler?", ("pijlersecretaris",)),
        nl("wie maakt het verslag van het ambtelijk pijleroverleg", ("pijlersecretaris",)),
        nl("wie zit het ambtelijk overleg van een pijler voor", ("pijlersecretaris",)),
        nl("wie stelt de agenda op voor de vergadering van de pijler?", ("pijlervoorzitter",)),
        nl("wie vertegenwoordigt de G40 richting de Tweede Kamer", ("voorzitter", JAARSMA)),
        nl("wie verkent relaties met universiteiten?", ("Dagelijks Bestuur",)),
        nl("wie regelt de inkoop van ondersteunende functies", ("algemeen secretaris", JAARSMA)),
        nl("wie int de contributie van de steden?", (LOOMAN,)),
        nl("bij wie moet ik mijn declaratie indienen", (LOOMAN,)),
        nl("wie stelt de begroting op", (LOOMAN,)),
        nl("wie maakt de jaarrekening van de g40", (LOOMAN,)),
        nl("wie doet de boekhouding van de G40?", ("eerste vicevoorzitter", LOOMAN)),
        nl("wie coördineert de organisatie van de netwerkdagen", (LOOMAN,)),
        nl("wie is woordvoerder van de G40", ("voorzitter", JAARSMA)),
        nl("wie is het algemeen ambtelijk aanspreekpunt", ("Marc Jaarsma",)),
        nl("aanspreekpunt bedrijfsvoering", (LOOMAN,)),
        nl("wie is accounthouder voor Platform31", ("pijlersecretaris",)),
        nl("wie zorgt voor het convenant met platform 31", ("Dagelijks Bestuur",)),
        nl("wie bespreekt de lobbystrategie?", ("Dagelijks Bestuur", "lobbystrategie")),
        nl("wie regelt het websitebeheer van de g40", (JAARSMA,), ("CCV",)),
        nl("wie onderhoudt ambtelijke contacten met het rijk en de G4", (JAARSMA,)),
        nl("wie zit de vergaderingen van het algemeen bestuur voor", (JAARSMA,), (LOOMAN,)),
        nl("wie zit het coordinatorenoverleg voor", ("Marc Jaarsma",)),
        nl("wie is het boegbeeld van de pijler", ("pijlervoorzitter",)),
        nl("wie is sparringpartner van de pijlervoorzitter?", ("pijlervicevoorzitter",)),
        nl("wie zorgt voor verbinding tussen stedelijk en landelijk beleid", ("pijlervoorzitter",)),
        nl("wie stelt het werkprogramma voor de G40 op", ("pijlervoorzitter",)),
        nl(
            "wie neemt plaats in tijdelijke werkgroepen van het DB",
            ("eerste vicevoorzitter", LOOMAN),
        ),
        nl(
            "wie vertaalt de belangen van de steden naar een uitvoeringsagenda",
            ("Dagelijks Bestuur",),
        ),
        nl("wie initieert onderzoek en handreikingen?", ("Dagelijks Bestuur",)),
        nl("wie organiseert de netwerkdagen samen met een gaststad", ("Dagelijks Bestuur",)),
        nl("wie bereidt de bestuursvergaderingen voor", (JAARSMA,)),
        nl("wie is eerste aanspreekpunt voor partijen die de G40 ondersteunen", (JAARSMA,)),
        nl("wie houdt zicht op relevante beleidsontwikkelingen", ("Dagelijks Bestuur",)),
        nl("wie is ambtelijk woordvoerder van de pijler", ("pijlersecretaris",)),
        en("who keeps the minutes of the pillar's civil-service meeting?", ("pillar secretary",)),
        en("who represents the G40 to the Tweede Kamer?", ("chair", JAARSMA)),
        en("who handles procurement of support functions?", ("Secretary General", JAARSMA)),
        en("who explores ties with universities", ("Executive Board",)),
        en("who collects the membership fees", (LOOMAN,)),
        en("who do I send my expense claim to?", (LOOMAN,)),
        en("who draws up the budget and the annual accounts", (LOOMAN,)),
        en("who is the spokesperson of the G40?", ("chair", JAARSMA)),
        en("who is the account holder for Platform31", ("pillar secretary",)),
        en("who discusses the lobby strategy", ("Executive Board", "strategy")),
        en("who organises the network days with a host city?", ("Executive Board",)),
        en("who coordinates the pillar work programme", ("pillar secretary",)),
        en("who is the sparring partner for the pillar chair?", ("pillar vice chair",)),
        en("who looks after the website", (JAARSMA,)),
        en("who chairs the pillar meeting", ("pillar chair",)),
        en("who does the bookkeeping", ("first vice chair",)),
        en("who sits on temporary working groups set up by the board", ("vice chair",)),
        en("who chairs the ambtelijk overleg of a pillar?", ("pillar secretary",)),
        en("who is responsible for invoices charged to the G40 budget", (LOOMAN,)),
        en("who prepares the board meetings", (JAARSMA,)),
        en("who keeps an eye on relevant policy developments", ("Executive Board",)),
        en("who initiates research and guidance documents?", ("Executive Board",)),
        en("who coordinates the organisation of the network days", (LOOMAN,)),
        en("who connects urban and national policy", ("pillar chair",)),
        en("who chairs the coordinatorenoverleg", ("Marc Jaarsma",)),
        en("who maintains official contacts with the G4 and the ministries", (JAARSMA,)),
        nl("wie doet de notulen van het ambtelijk pijleroverleg", ("pijlersecretaris",)),
        nl("declaraties", (LOOMAN,)),
        nl("wie gaat over inkoop en contractering", (JAARSMA,)),
        nl("wie vertegenwoordigt ons richting het rijk", ("voorzitter", JAARSMA)),
        nl("wie moet ik hebben voor de begroting van de g40", (LOOMAN,)),
        nl("wie regelt de facturen", (LOOMAN,)),
        nl("wie is aanspreekpunt voor platform31", ("pijlersecretaris",)),
        nl(
            "wie is eerste aanspreekpunt voor externe contacten op het werkgebied van een pijler",
            ("pijler", "opgavegroep"),
        ),
        en("who helps determine the network's strategy?", ("vice chair",)),
        nl("wie is woordvoerder van een pijler", ("pijlervoorzitter",)),
        en(
            "who steers the link between the work programme and the task groups?", ("pillar chair",)
        ),
        nl(
            "wie is medeverantwoordelijk voor de kennisopbouw van de pijler?", ("pijlersecretaris",)
        ),
        en(
            "who maintains substantive contacts with central government for a pillar?",
            ("pillar secretary",),
        ),
        nl("wie is opdrachtgever van projecten van de pijler", ("pijlersecretaris",)),
    ],
)

# --- what a role does (narrow: the decisive task, not the whole card) ------------------------
TASKS = _of(
    "tasks",
    [
        nl("wat doet de pijlervicevoorzitter eigenlijk", ("sparringpartner",)),
        nl("taken eerste vicevoorzitter", ("technisch voorzitter", "penningmeester")),
        nl("wat doet de plv algemeen secretaris", ("begroting",)),
        nl("wat doet de tweede plv. algemeen secretaris?", ("penningmeester", "Financiën")),
        nl("wat doet de strategisch adviseur communicatie", ("tweede vicevoorzitter",)),
        nl("wat doet Wepublic?", ("lobby", "eerste vicevoorzitter")),
        nl("wat is CCV", ("Veiligheid", "tweede vicevoorzitter")),
        nl(
            "wat doet de secretaris van de opgavegroep interbestuurlijke samenwerking",
            ("voorzitter",),
        ),
        nl("wat doet een pijlervoorzitter", ("boegbeeld",)),
        en("what does the secretary general do?", ("point of contact",)),
        en("what does a pillar chair do", ("figurehead",)),
        en("what are the tasks of the second vice chair", ("Safety", "communications")),
        en("what does CCV do for the G40", ("Safety", "second vice chair")),
        en("what is the role of the pillar secretary", ("day-to-day coordination",)),
        en("what does Wepublic do", ("lobby", "first vice chair")),
        en("what does the tweede plv algemeen secretaris do", ("Finance task group",)),
        en("what does the lobbycoördinator do?", ("first vice chair",)),
        en("how do the pillar chair and vice chair split the work?", ("together",)),
    ],
)

# --- time commitment ---------------------------------------------------------------------------
TIME = _of(
    "time",
    [
        nl("tijdsbeslag vz?", ("twee tot vier uur",)),
        nl("hoeveel uur per week kost voorzitter zijn", ("twee tot vier uur",), ("0,75",)),
        nl("hoeveel tijd kost de eerste vicevoorzitter?", ("vier uur",), ("0,75",)),
        nl("tijdsinvestering tweede vice", ("vier uur",), ("0,3",)),
        nl(
            "hoeveel tijd ben je kwijt als pijlervoorzitter",
            ("extra belasting",),
            ("0,75", "4 uur per week", "twee tot vier uur"),
        ),
        nl("tijdsbeslag pijlervicevoorzitter", ("4 uur per week",), ("0,75", "maximaal")),
        nl("hoeveel fte is de algemeen secretaris", ("0,75 fte",)),
        nl("tijdsbelasting plv secretaris", ("0,75",), ("0,3",)),
        nl("hoeveel tijd kost de tweede plv algemeen secretaris", ("0,3",), ("0,75",)),
        nl("hoeveel uur is een pijlersecretaris kwijt?", ("0,75",)),
        nl("hoeveel fte heeft het AOT in totaal", ("5,0",)),
        nl("wisselt het tijdsbeslag van de voorzitter?", ("reistijd",), starts="Ja"),
        en("how much time does the chair role take per week?", ("two to four hours",)),
        en("time commitment pillar secretary", ("0.75",)),
        en("how many hours for the pillar vice chair", ("4 hours",), ("0.75",)),
        en(
            "how much time does being a pillar chair take?",
            ("extra burden",),
            ("0.75", "4 hours", "two to four"),
        ),
        en("workload second vice chair", ("four hours",), ("0.3",)),
        en("how much time does the secretary general spend on it", ("0.75",)),
        en("FTE of the second deputy secretary general", ("0.3",), ("0.75",)),
        en(
            "how much time does the lobby coordinator spend", (), ("0.75", "two to four"), kind=None
        ),
        en("what's the tijdsbeslag of the eerste vicevoorzitter?", ("four hours",), ("0.75",)),
        en("how many hours a week is the chair role?", ("two to four hours",)),
        en("how many FTE is the plv. algemeen secretaris", ("0.75",), ("0.3",)),
        nl("tijdsbeslag pijlersecr", ("0,75",)),
        nl("hoeveel tijd kost t om tweede vicevoorzitter te zijn", ("vier uur",), ("0,3",)),
        nl(
            "Ik overweeg me kandidaat te stellen als pijlervoorzitter maar heb als wethouder "
            "al een volle agenda; hoeveel tijd moet ik daar ongeveer voor vrijmaken?",
            ("extra belasting",),
            ("0,75", "twee tot vier"),
        ),
    ],
)

# --- pay (yes/no first) ------------------------------------------------------------------------
PAY = _of(
    "pay",
    [
        nl("Krijgt de voorzitter salaris?", ("onbezoldigd",), starts="Nee"),
        nl("wordt de eerste vicevoorzitter betaald", ("onbezoldigd",), starts="Nee"),
        nl("is de functie van pijlervoorzitter bezoldigd?", ("onbezoldigd",), starts="Nee"),
        nl("krijg je als tweede vicevoorzitter een salaris", ("onbezoldigd",), starts="Nee"),
        nl(
            "krijgt de penningmeester een vergoeding voor de boekhouding?",
            ("boekhouding",),
            starts="Ja",
        ),
        nl("krijgt de pijlersecretaris een vergoeding", ("tegemoetkoming",), starts="Ja"),
        nl("is er een vergoeding voor de plv secretaris", ("tegemoetkoming",), starts="Ja"),
        nl("wie betaalt de ambtelijke ondersteuning van een DB-lid?", ("G40-begroting",)),
        nl("verdient een wethouder extra als pijlervoorzitter?", ("onbezoldigd",), starts="Nee"),
        nl("zijn de DB-functies onbezoldigd?", (), starts="Ja"),
        en("is the chair paid?", ("unpaid",), starts="No"),
        en("do pillar chairs get paid", ("unpaid",), starts="No"),
        en("does the secretary general get an allowance", ("allowance",), starts="Yes"),
        en("is there a fee for the treasurer's bookkeeping?", ("bookkeeping",), starts="Yes"),
        en("are the executive board positions paid?", ("unpaid",), starts="No"),
        en("does the pillar secretary get any compensation", ("allowance",), starts="Yes"),
        en("who pays for the lobby coordinator", ("G40 budget",)),
        en("does the voorzitter get a salary?", ("unpaid",), starts="No"),
        en("is the second vice chair paid", ("unpaid",), starts="No"),
        en("who pays for the support staff of DB members?", ("G40 budget",)),
        en("does the plv. secretaris get an allowance?", (), starts="Yes"),
        nl("krijgt de vz betaald", ("onbezoldigd",), starts="Nee"),
        nl("is voorzitter een betaalde functie", ("onbezoldigd",), starts="Nee"),
    ],
)

# --- competences ---------------------------------------------------------------------------
COMPETENCES = _of(
    "competences",
    [
        nl("welke competenties moet de voorzitter hebben", ("verbinder", "mediavaardig")),
        nl("wat voor profiel zoeken jullie voor pijlervoorzitter", ("proces",)),
        nl("competenties eerste vice", ("verbinder", "bestuurlijke ervaring")),
        nl("moet de tweede vicevoorzitter mediavaardig zijn", ("mediavaardig",), starts="Ja"),
        nl(
            "welke competenties heeft een pijlersecretaris nodig?", (), ("mediavaardig",), kind=None
        ),
        en("what skills does the chair need?", ("connector", "media")),
        en("competencies pillar chair", ("process",)),
        en("what experience does a first vice chair need", ("extensive",)),
        en("which competences does a pijlervoorzitter need", ("process",)),
        en("does the first vice chair need the same skills as the chair?", (), starts="Yes"),
    ],
)

# --- relations: stand-ins (in order) and support --------------------------------------------
RELATION = _of(
    "relation",
    [
        nl(
            "wie vervangt de voorzitter bij afwezigheid",
            order=("eerste vicevoorzitter", "tweede vicevoorzitter"),
        ),
        en("who stands in for the chair", order=("first vice chair", "second vice chair")),
        nl("wie is de tweede vervanger van de voorzitter", ("tweede vicevoorzitter",)),
        nl("wie vervangt de algemeen secretaris", ("Gerdien Looman",)),
        en("who deputises for the secretary general?", ("Gerdien Looman",)),
        nl("wie vervangt pijlervoorzitter sociaal", ("pijlervicevoorzitter",)),
        en("who replaces the pillar chair?", ("pillar vice chair",)),
        nl("wie ondersteunt de voorzitter", ("algemeen secretaris", "Marc Jaarsma")),
        en("who supports the second vice chair?", ("Second Deputy Secretary General",)),
        nl("wie ondersteunt de tweede vicevoorzitter bij veiligheid", ("CCV",)),
        nl(
            "wie ondersteunt de tweede vice bij communicatie",
            ("strategisch adviseur communicatie",),
        ),
        nl("wie ondersteunt de eerste vicevoorzitter bij lobby", ("lobbycoördinator", "Wepublic")),
        nl("wie ondersteunt de pijlervoorzitter?", ("pijlersecretaris",)),
        nl("wie ondersteunt de pijlervicevoorzitter", ("eigen organisatie",)),
        en("who supports the pillar vice chair", ("own organisation",)),
        nl(
            "wie ondersteunt de voorzitter bij interbestuurlijke samenwerking",
            ("secretaris", "opgavegroep"),
        ),
        nl("wie ondersteunt de penningmeester", (LOOMAN,)),
        nl("wie helpt de eerste vice", ("plv", LOOMAN)),
        en("who does the pillar secretary support?", ("pillar chair",)),
        nl("met wie werkt de eerste vicevoorzitter samen bij Europa", ("bestuurlijke voorzitter",)),
        nl(
            "met wie stemt de voorzitter de voorbereiding van de netwerkdagen af",
            ("eerste vicevoorzitter",),
        ),
        nl("wie is de eerste vervanger van de algemeen secretaris", (LOOMAN,)),
        nl(
            "wie ondersteunt de pijlervoorzitter economie en werk",
            ("Pijlersecretaris Economie en Werk", LEISTRA),
            (KONINGEN, VAN_NES),
        ),
        en("who helps the first vice chair with lobbying?", ("lobby coordinator", "Wepublic")),
        en("who supports the chair on intergovernmental cooperation", ("secretary",)),
        en("who supports the voorzitter?", ("Secretary General", "Marc Jaarsma")),
        en("who replaces the pijlervoorzitter Fysiek", ("pillar vice chair",)),
        en("who supports the second vice chair on safety?", ("CCV",)),
        en("who supports the second vice chair with communications", ("communications adviser",)),
        nl("wie vervangt de vz", order=("eerste vicevoorzitter", "tweede vicevoorzitter")),
        nl("vervanger pijlervoorzitter fysiek", ("pijlervicevoorzitter",), (VAN_NES, LEISTRA)),
        nl("wie ondersteunt 2e vice", ("strategisch adviseur financiën",)),
        # A person named with a relation: the stand-ins of the post(s) that person holds.
        nl(
            "wie vervangt Gerdien Looman als ze er niet is?",
            ("Tweede plv. algemeen secretaris",),
        ),
        en("who stands in for Marc Jaarsma?", ("Deputy Secretary General", LOOMAN)),
        en("who deputises for gerdien looman?", ("Second Deputy Secretary General",)),
        nl("wie neemt het over van marc jaarsma als hij ziek is", ("Plv. algemeen secretaris",)),
    ],
)

# --- how often -----------------------------------------------------------------------------
HOW_OFTEN = _of(
    "how-often",
    [
        nl("hoe vaak vergadert het DB?", ("drie weken", "kwartaal")),
        en("how often does the executive board meet", ("three weeks", "quarter")),
        nl("hoe vaak zijn er netwerkdagen", ("drie keer per jaar",)),
        en("how many network days are there per year?", ("three",)),
        nl("hoe vaak komt het DB fysiek bij elkaar", ("kwartaal",)),
        nl("hoe vaak stemmen voorzitter en eerste vice met elkaar af", ("regelmatig",)),
        nl("hoe vaak overlegt de pijlersecretaris met de pijlervoorzitter?", ("in overleg",)),
        nl(
            "hoe vaak vergadert het algemeen bestuur?",
            (JAARSMA,),
            ("drie weken", "kwartaal"),
            kind=None,
        ),
        en("how often does the DB meet online", ("three weeks",)),
        nl("frequentie DB-overleg", ("drie weken",)),
        nl("hoe vaak wordt er een nieuw bestuur gekozen", ("raadsverkiezingen",)),
        en("how often are the netwerkdagen?", ("three times a year",)),
        en("how often do the chair and first vice chair consult each other", ("regularly",)),
        en("how often does the DB meet in person?", ("quarter",)),
        en("how often is a new board elected?", ("council",)),
        nl("hoe vaak db", ("drie weken",)),
        nl("hoe vaak netwerkdagen per jaar", ("drie keer per jaar",)),
    ],
)

# --- how appointed -------------------------------------------------------------------------
HOW_APPOINTED = _of(
    "how-appointed",
    [
        nl("hoe wordt een pijlervoorzitter benoemd?", ("op voordracht van de pijler",)),
        en("how is a pillar vice chair appointed", ("nomination",)),
        nl("hoe word je pijlervicevoorzitter", ("voordracht",)),
        nl("hoe wordt de voorzitter gekozen", ("verkiezing",), ("voordracht van de pijler",)),
        en("how is the chair chosen?", ("election",), ("nomination of the pillar",)),
        nl("hoe wordt de pijlersecretaris aangesteld", ("eigen organisatie",)),
        en("who appoints the pillar secretary", ("own organisation",)),
        nl("wordt de pijlervoorzitter gekozen of voorgedragen", ("voordracht",)),
        en("how does a pillar vice chair become a board member", ("permanent",)),
        nl("wordt de pijlervicevoorzitter door de pijler voorgedragen?", (), starts="Ja"),
        en("how does someone become pijlervoorzitter?", ("nomination",)),
        en("is the pillar chair elected or nominated?", ("nomination",)),
        nl("hoe wordt je pijlervoorzitter", ("voordracht",)),
    ],
)

# --- must / obligation ---------------------------------------------------------------------
MUST = _of(
    "must",
    [
        nl("moet de voorzitter VNG-bestuurslid zijn?", ("voorkeur",), starts="Nee"),
        en("must the chair be on the VNG board?", ("preferably",), starts="No"),
        nl("moet een pijlervoorzitter in VNG-commissies", ("VNG-commissies",)),
        nl("moet de voorzitter bij de netwerkdagen zijn", ("noodzakelijk",), starts="Ja"),
        nl(
            "moeten de voorzitter en eerste vice altijd bereikbaar zijn voor elkaar",
            ("ongeregelde tijden",),
            starts="Ja",
        ),
        en(
            "does the chair have to attend the network days?", ("three times a year",), starts="Yes"
        ),
        nl("moet de pijlersecretaris uit de eigen organisatie komen", ("eigen organisatie",)),
        en("must the pillar vice chair be on the executive board?", (), starts="No"),
        nl("is aanwezigheid bij DB-vergaderingen verplicht voor de voorzitter", (), starts="Ja"),
        en("does the treasurer have to do the bookkeeping personally?", ("own organisation",)),
        en(
            "do the chair and first vice chair need to be reachable at odd hours?",
            (),
            starts="Yes",
        ),
        en("does a pillar chair have to join VNG committees?", ("VNG committees",)),
        nl("moet de vz in het vng bestuur", ("voorkeur",), starts="Nee"),
        nl("moet de voorzitter ook naar hoorzittingen en werkbezoeken?", ("incidenteel",)),
    ],
)

# --- what if -------------------------------------------------------------------------------
WHAT_IF = _of(
    "what-if",
    [
        en("what happens if the chair is absent?", ("first vice chair",)),
        nl("wat als de voorzitter afwezig is", ("eerste vicevoorzitter",)),
        nl(
            "wat gebeurt er als de voorzitter en de eerste vicevoorzitter er allebei niet zijn",
            ("tweede vicevoorzitter",),
        ),
        nl("wat als de pijlervoorzitter een tijdje weg is", ("pijlervicevoorzitter",)),
        nl("wat als de pijlervoorzitter definitief stopt", ("instemming",)),
        en("what if the pillar chair steps down for good", ("consent",)),
        nl("wat als de algemeen secretaris ziek is", (LOOMAN,)),
        en("what if the secretary general is on holiday", (LOOMAN,)),
        nl(
            "wat als ik lotus van nes niet kan bereiken",
            (STAND_IN,),
            today=BEFORE_RETURN,
        ),
        nl("wat als de plv. algemeen secretaris afwezig is", ("tweede plv",)),
        nl(
            "als de pijlervicevoorzitter invalt, zit die dan in het DB?",
            (),
            starts="Ja",
        ),
        en("when the pillar vice chair stands in, do they join DB meetings?", (), starts="Yes"),
        en("what if both the chair and the first vice chair are away?", ("second vice chair",)),
        en("what if the pillar chair is ill for a few weeks", ("pillar vice chair",)),
        en("what if the deputy secretary general is away", ("Second Deputy",)),
        nl("vz ziek, wie neemt het over", ("eerste vicevoorzitter",)),
    ],
)

# --- yes/no and "does X also ..." ----------------------------------------------------------
YES_NO = _of(
    "yes-no",
    [
        nl("heeft de eerste vicevoorzitter ook Europa?", ("linking",), starts="Ja"),
        nl("doet de tweede vicevoorzitter ook de lobby?", (), starts="Nee"),
        nl("is de tweede vicevoorzitter ook penningmeester", (), starts="Nee"),
        nl("is de eerste vicevoorzitter ook penningmeester?", (), starts="Ja"),
        nl("is de pijlervicevoorzitter lid van het DB", (), starts="Nee"),
        nl("zit de pijlervoorzitter in het dagelijks bestuur", (), starts="Ja"),
        nl("is de algemeen secretaris voorzitter van het AOT?", (), starts="Ja"),
        nl("valt de pijlersecretaris onder het AOT", (), starts="Ja"),
        nl("is de algemeen secretaris DB-lid?", ("secretaris",), starts="Nee"),
        en("does the second vice chair also handle Europe", (), starts="No"),
        en("is the secretary general also the chair of the AOT", (), starts="Yes"),
        en("does the chair also have a portfolio", ("Intergovernmental",), starts="Yes"),
        nl(
            "heeft de voorzitter ook een portefeuille",
            ("Interbestuurlijke samenwerking",),
            starts="Ja",
        ),
        nl("is Wepublic een functie waarvoor ik me kan kandideren", ("bureau",), starts="Nee"),
        en("is CCV a position in the G40?", ("organisation",), starts="No"),
        en("does the pillar secretary also chair meetings?", ("officials",), starts="Yes"),
        nl(
            "werkt de eerste vicevoorzitter samen met de voorzitter van opgavegroep europa",
            (),
            starts="Ja",
        ),
        nl(
            "heeft de tweede vicevoorzitter dezelfde taken als de eerste",
            ("penningmeester", "Europa"),
        ),
        nl("is de voorzitter ook voorzitter van het algemeen bestuur", (), starts="Ja"),
        nl("is de algemeen secretaris een gekozen functie?", (), starts="Nee"),
        nl("kan ik me kandidaat stellen als pijlersecretaris?", (), starts="Nee"),
        en("is the pillar vice chair on the executive board", (), starts="No"),
        en("does the first vice chair also act as treasurer", (), starts="Yes"),
        en("is the tweede vicevoorzitter responsible for safety?", (), starts="Yes"),
        nl("worden de voorzitters van opgavegroepen ook gekozen?", (), starts="Ja"),
        en("does the first vice chair take part in DB meetings", (), starts="Yes"),
        en("is the algemeen secretaris a member of the DB?", (), starts="No"),
        en("does the pijlervoorzitter sit on the Dagelijks Bestuur?", (), starts="Yes"),
        en("is Wepublic a post I can run for?", ("agency",), starts="No"),
        en("are task group chairs elected too?", (), starts="Yes"),
        en("can I stand as a candidate for pillar secretary?", (), starts="No"),
        nl("is de 2e vice ook penningmeester", (), starts="Nee"),
        nl("heeft de voorzitter een portefeuile", ("Interbestuurlijke samenwerking",), starts="Ja"),
        nl("treden DB-leden ook op in de media?", (), starts="Ja"),
        nl("brengen DB-leden hun eigen politieke netwerk in?", (), starts="Ja"),
        nl("kan de portefeuilleverdeling binnen het DB nog veranderen?", (), starts="Ja"),
    ],
)

# --- bodies: DB, AB, AOT, CO, pillars, opgavegroepen, netwerkdagen --------------------------
BODY = _of(
    "body",
    [
        nl("wat doet het dagelijks bestuur", ("reilen en zeilen",)),
        nl("uit hoeveel leden bestaat het DB", ("zes",)),
        nl("hoeveel burgemeesters zitten er in het DB", ("drie burgemeesters",)),
        nl("hoeveel wethouders zitten in het dagelijks bestuur?", ("drie wethouders",)),
        en("what is the make-up of the DB", ("three mayors", "three aldermen")),
        en("who is in the AOT?", ("Secretary General", "pillar secretar", "lobby coordinator")),
        nl("wat is het AOT", ("Ambtelijk Ondersteuningsteam",)),
        en("how big is the official support team", ("5.0",)),
        nl("wat is het coördinatorenoverleg", ("algemeen secretaris",)),
        nl("wie zit het CO voor", (JAARSMA,)),
        nl("met wie onderhoudt het DB een netwerk", ("VNG", "Tweede Kamer")),
        en("what does the executive board do", ("day-to-day",)),
        nl("wat zijn opgavegroepen?", ("themagroepen",)),
        nl("welke pijlers zijn er", ("Sociaal", "Fysiek", "Economie en Werk")),
        en("what are the pillars of the G40", ("Social", "Physical", "Economy")),
        nl("hoeveel pijlers heeft de G40", ("drie",)),
        nl("wat zijn de netwerkdagen", ("11 september", "drie keer per jaar")),
        en("what is the coordinators' meeting", ("Secretary General",)),
        nl("wat doet het DB aan kennisdeling", ("convenant",)),
        en("who chairs the general board?", (JAARSMA,), (LOOMAN,)),
        nl("wie zitten er in het algemeen bestuur", (JAARSMA,), ("drie burgemeesters",), kind=None),
        en(
            "who are the members of the executive board",
            ("first vice chair", "second vice chair", "pillar chair"),
            ("pillar vice chair",),
        ),
        nl("wat doet de G40 met Platform31", ("convenant",)),
        en("how many members does the executive board have", ("six",)),
        en("how many mayors are on the DB?", ("three mayors",)),
        en("what is the AOT", ("Official Support Team",)),
        en("who does the executive board keep in touch with", ("VNG", "ministries")),
        en("what are opgavegroepen?", ("theme groups",)),
        en("how many pillars are there", ("three",)),
        en("what does the DB do for knowledge sharing", ("Platform",)),
        nl("samenstelling db", ("drie burgemeesters", "drie wethouders")),
        nl("hoeveel fte aot", ("5,0",)),
        nl("wie zit t coordinatorenoverleg voor", (JAARSMA,)),
        nl("wie is de chair van het AOT", ("algemeen secretaris", JAARSMA), ("twee tot vier uur",)),
    ],
)

# --- planning and the election --------------------------------------------------------------
PLANNING = _of(
    "planning",
    [
        nl("wanneer zijn de verkiezingen", ("11 september", "zomer"), INVENTED_MONTHS_NL),
        en("when are the elections?", ("11 September", "summer"), INVENTED_MONTHS_EN),
        nl("wanneer is het digitale deel van de verkiezing", ("zomer",), INVENTED_MONTHS_NL),
        en("when does the online voting take place", ("summer",), INVENTED_MONTHS_EN),
        nl("datum netwerkdagen", ("11 september",)),
        nl("waar staat de exacte procedure van de verkiezingen", ("8 april",)),
        en("where can I find the election procedure?", ("8 April",)),
        nl("wanneer sluit de kandidaatstelling", ("nog niet",), INVENTED_MONTHS_NL),
        en("when is the deadline for nominations", ("8 April",), INVENTED_MONTHS_EN),
        nl("tot wanneer kan ik me kandidaat stellen?", ("nog niet",), INVENTED_MONTHS_NL),
        nl("zijn de netwerkdagen al geweest?", (), starts="Ja", today=AFTER_NETWORK_DAYS),
        nl("zijn de netwerkdagen al geweest?", ("11 september",), starts="Nee"),
        nl("hoe laat beginnen de netwerkdagen", ("11 september",), ("09:00", "9:00", "10:00")),
        en("what happens at the network days in September?", ("election",)),
        nl("welke fases heeft de verkiezing", ("digita", "netwerkdagen"), INVENTED_MONTHS_NL),
        nl("wanneer is de brief aan het algemeen bestuur gestuurd", ("8 april",)),
        nl(
            "zijn de data van de digitale verkiezing al bekend?",
            (),
            INVENTED_MONTHS_NL,
            starts="Nee",
        ),
        en("are the dates for the online part known yet?", (), INVENTED_MONTHS_EN, starts="No"),
        nl("wanneer wordt er gestemd", ("11 september", "zomer"), INVENTED_MONTHS_NL),
        en(
            "which posts are up for election?",
            ("second vice chair", "pillar vice chair"),
            ("pillar secretary",),
        ),
        nl(
            "voor welke functies zijn er verkiezingen",
            ("tweede vicevoorzitter", "pijlervicevoorzitter"),
            ("0,75",),
        ),
        en("when are the netwerkdagen", ("11 September",)),
        en("when is the kandidaatstelling", ("8 April",), INVENTED_MONTHS_EN),
        en("what are the phases of the election", ("summer", "11 September"), INVENTED_MONTHS_EN),
        en("when was the letter to the general board sent?", ("8 April",)),
        en("have the network days already happened?", (), starts="Yes", today=AFTER_NETWORK_DAYS),
        en("what time do the network days start", ("11 September",), ("09:00", "9:00")),
        nl(
            "wanneer zijn de verkiezingen precies? ik wil het in mijn agenda zetten",
            ("11 september", "zomer"),
            INVENTED_MONTHS_NL,
        ),
        nl("netwerkdagen wanneer", ("11 september",)),
        nl("datum digitale stemming", ("zomer",), INVENTED_MONTHS_NL),
    ],
)

# --- member municipalities -----------------------------------------------------------------
MEMBERS = _of(
    "members",
    [
        nl("is Amstelveen lid?", ("Amstelveen",), starts="Ja"),
        nl("is amsterdam lid van de g40", (), ("Amsterdam is lid",), starts="Nee"),
        nl("hoeveel gemeenten zijn lid van de G40", ("41",)),
        en("how many cities are in the G40?", ("41",)),
        nl("is Den Bosch lid", (), starts="Ja"),
        nl("zit utrecht in de G40", (), starts="Nee"),
        nl("is Sittard lid?", ("Sittard-Geleen",), starts="Ja"),
        en("Is Hengelo a member?", (), starts="Yes"),
        en("is Rotterdam a member of the G40?", (), starts="No"),
        nl("is alphen lid", ("Alphen aan den Rijn",), starts="Ja"),
        nl("is Zeist lid van de g40", (), starts="Nee"),
        en("which municipalities are members?", ("Zwolle", "Alkmaar", "41")),
        en("is Den Bosch in the G40", (), starts="Yes"),
        en("is Utrecht a G40 city?", (), starts="No"),
        en("is Amstelveen a member", (), starts="Yes"),
        en("is Zeist in the G40?", (), starts="No"),
        nl("is hengelo lid", (), starts="Ja"),
        nl("is Heerlen lid van g40", (), starts="Ja"),
        nl("is Den Haag lid?", (), starts="Nee"),
        # The verb that asks of membership is no part of the place shown.
        nl("Hoort Utrecht bij de G40?", ("Utrecht staat niet",), ("Hoort Utrecht",), starts="Nee"),
        en("does Rotterdam belong to the G40?", ("Rotterdam is not",), ("Belong",), starts="No"),
        nl("behoort den haag tot de g40", ("Den Haag staat niet",), ("Behoort",), starts="Nee"),
    ],
)

# --- contacts ------------------------------------------------------------------------------
CONTACT = _of(
    "contact",
    [
        nl(
            "bij wie kan ik terecht met vragen over pijler sociaal?",
            (STAND_IN, "30 mei"),
            today=BEFORE_RETURN,
        ),
        nl("bij wie kan ik terecht met vragen over pijler sociaal?", (VAN_NES,), (STAND_IN,)),
        nl("email lotus van nes", (STAND_IN, "30 mei"), today=BEFORE_RETURN),
        nl("mailadres van lotus", (VAN_NES,), ("@ groningen", STAND_IN)),
        en("who can I email about the social pillar", (STAND_IN,), today=BEFORE_RETURN),
        en("who can I email about the social pillar", (VAN_NES,), (STAND_IN,)),
        nl("mailadres pijler fysiek", (KONINGEN,), (VAN_NES, LEISTRA)),
        nl("hoe bereik ik Tjeerd Leistra", (LEISTRA,)),
        nl("contactpersoon pijler economie en werk", ("Tjeerd Leistra", LEISTRA)),
        en("email of Gerdien Looman", (LOOMAN,)),
        nl("waar kan ik meer informatie krijgen over de functies", (JAARSMA,)),
        nl("met wie neem ik contact op over de functie van tweede vicevoorzitter", (LANGENDIJK,)),
        nl("wie kan me meer vertellen over de functie van plv secretaris", (LOOMAN,)),
        en("contact for questions about the first vice chair role", (LOOMAN,)),
        nl("wat is het mailadres van het G40 secretariaat", (JAARSMA,)),
        nl("telefoonnummer marc jaarsma", (JAARSMA,), kind=None),
        en(
            "who is m.jaarsma@almelo.nl?",
            ("Lotus van Nes",),
            (JAARSMA,),
            today=BEFORE_RETURN,
            kind=None,
        ),
        nl("is lotus van nes bereikbaar", ("30 mei",), starts="Nee", today=BEFORE_RETURN),
        nl("is lotus van nes bereikbaar", (VAN_NES,), starts="Ja"),
        nl("wanneer is Lotus van Nes terug?", ("30 mei",), today=BEFORE_RETURN),
        # Both words are neutral: Dutch on a tie.
        nl("contact g40", (JAARSMA,)),
        nl(
            "email marleen langendijk",
            (LANGENDIJK,),
            ("Marleen Langendijk is tweede vicevoorzitter", "Tweede vicevoorzitter: Marleen"),
        ),
        en(
            "who is Lotus van Nes?",
            ("social",),
            ("Lotus van Nes is the pillar secretary", "Pillar secretary Social: Lotus"),
        ),
        en(
            "who can tell me more about the pillar secretary role?",
            (VAN_NES, KONINGEN, LEISTRA),
            kind=None,
        ),
        en("what's the e-mail of the plv secretaris", (LOOMAN,)),
        en("email address pijler Fysiek", (KONINGEN,), (VAN_NES, LEISTRA)),
        en("is Lotus van Nes reachable?", ("30 May",), starts="No", today=BEFORE_RETURN),
        en("when is Lotus van Nes back", ("30 May",), today=BEFORE_RETURN),
        en("who can I ask about the elections?", (JAARSMA,)),
        en("how do I reach Marleen Langendijk", (LANGENDIJK,)),
        nl("mail tjeerd", (LEISTRA,)),
        nl("emailadres gerdien", (LOOMAN,)),
        nl("contact pijler soc", (STAND_IN,), today=BEFORE_RETURN),
        nl("bij wie kan ik terecht met vragen over de verkiezingen", (JAARSMA,)),
    ],
)

# --- word forms: -schap nouns, plurals, compounds --------------------------------------------
_PILLAR_CHAIRS = ("pijlervoorzitter", "pijlersecretaris")

WORD_FORM = _of(
    "word-form",
    [
        nl("wat houdt het voorzitterschap in", ("woordvoerder",)),
        nl("tijdsbeslag voorzitterschap", ("twee tot vier uur",), ("extra belasting",)),
        nl("wat houdt het secretarisschap van een pijler in?", ("dagelijkse coördinatie",)),
        nl("wie heeft het penningmeesterschap", ("eerste vicevoorzitter", LOOMAN)),
        nl("penningmeesterschap tijdsbeslag", ("vier uur",), ("0,75",)),
        nl("bestuursfuncties", ("eerste vicevoorzitter", "pijlervoorzitter"), kind=None),
        nl(
            "welke bestuursfuncties zijn er?",
            ("tweede vicevoorzitter", "pijlervicevoorzitter"),
            kind=None,
        ),
        # Ambiguous: the pillar's meeting (its chair) or its officials' meeting (its secretary).
        nl("wie zit het pijleroverleg voor", (), (JAARSMA,), kind=None, any_of=_PILLAR_CHAIRS),
        nl("vicevoorzitters", ("eerste", "tweede"), kind=None),
        nl("voorzitters van de pijlers", ("Sociaal", "Fysiek", "Economie"), kind=None),
        nl("tijdsbeslag pijlersecretarissen", ("0,75",)),
        nl("netwerkdag datum", ("11 september",)),
        nl("DB-leden", ("tweede vicevoorzitter", "pijlervoorzitter"), ("pijlervicevoorzitter",)),
        nl("penningmeestersrol", ("eerste vicevoorzitter",)),
        en("chairmanship time commitment", ("two to four hours",), ("extra burden",)),
        en("treasurership", ("first vice chair",)),
        en("pillar secretaries", ("Social", "Physical", "Economy"), kind=None),
        en("board positions", ("first vice chair", "pillar chair"), kind=None),
        en("vice-chairs", ("first", "second"), kind=None),
        en("what does the chairmanship involve", ("spokesperson",)),
        en("time commitment pillar secretaries", ("0.75",)),
        en("the pillar chairs", ("Social", "Physical", "Economy"), kind=None),
        nl("secretarisschap tijdsbeslag", ("0,75",)),
        nl("wat houdt het pijlervoorzitterschap in", ("boegbeeld",)),
        nl("vicevoorzitterschap pijler tijd", ("4 uur",), ("maximaal",)),
    ],
)

# --- side words that must not win over the main noun ----------------------------------------
SIDE_WORD = _of(
    "side-word",
    [
        nl("wie is de technisch voorzitter?", ("eerste vicevoorzitter", LOOMAN), ("woordvoerder",)),
        en(
            "who is the technical chair of the DB?", ("first vice chair", LOOMAN), ("spokesperson",)
        ),
        nl(
            "wat doet de vicevoorzitter van een pijler?",
            ("sparringpartner",),
            (LOOMAN, "penningmeester"),
        ),
        nl("wie is de vicevoorzitter van de pijler sociaal", (VAN_NES,), (LOOMAN,)),
        en("who handles the finances of the network?", ("treasurer", LOOMAN)),
        nl("wie gaat over de financiën van het netwerk?", ("penningmeester", LOOMAN)),
        nl("wie beheert het geld van de G40", ("penningmeester", LOOMAN)),
        nl(
            "wie is voorzitter van het AOT",
            (JAARSMA, "algemeen secretaris"),
            ("twee tot vier uur",),
        ),
        en(
            "who chairs the official support team",
            ("Secretary General", "AOT"),
            ("two to four hours",),
        ),
        nl("wie is secretaris van het DB", ("algemeen secretaris", JAARSMA)),
        nl("wie is de voorzitter van de opgavegroep Europa?", ("linking",)),
        en("who chairs the Europe task group", ("linking pin", "own")),
        nl(
            "wie ondersteunt de voorzitter van pijler fysiek",
            ("Pijlersecretaris Fysiek",),
            ("0,75",),
        ),
        nl("is de vicevoorzitter van pijler fysiek lid van het DB", (), (LOOMAN,), starts="Nee"),
        nl("hoeveel tijd kost de vicevoorzitter van een pijler", ("4 uur",), ("maximaal",)),
        nl("wie gaat over de beveiliging van de website?", (JAARSMA,), ("CCV",)),
        nl(
            "hoe vaak is er communicatie tussen pijlersecretaris en pijlervoorzitter?",
            ("in overleg",),
            ("adviseur communicatie",),
        ),
        nl("wie is de secretaris van pijler sociaal", (VAN_NES,), (JAARSMA,)),
        nl(
            "tijdsbeslag voorzitter pijler economie en werk",
            ("extra belasting",),
            ("twee tot vier",),
        ),
        en(
            "the chair of pillar Economie en Werk, how much time is that",
            ("extra burden",),
            ("two to four",),
        ),
        en(
            "who supports the chair of the finance task group", ("Second Deputy Secretary General",)
        ),
        en(
            "what does the vice chair of a pillar do?", ("sparring partner",), (LOOMAN, "treasurer")
        ),
        en("who manages the G40's money?", ("treasurer", LOOMAN)),
        en("who is the secretary of the DB", ("Secretary General", JAARSMA)),
        en("who supports the chair of pillar Fysiek", ("Pillar secretary",), ("0.75",)),
        en("who handles website security?", (JAARSMA,), ("CCV",)),
        en("is the vice chair of the social pillar on the DB?", (), (LOOMAN,), starts="No"),
        en("vice chair of a pillar time commitment", ("4 hours",), ("at most",)),
        nl("wie is vicevoorzitter pijler economie en werk", (LEISTRA,), (LOOMAN,)),
        nl("wie is technisch vz van het db", ("eerste vicevoorzitter", LOOMAN)),
    ],
)

# --- off-topic: "don't know" with the general contact, and no unrelated fact ------------------
OFF_TOPIC = _of(
    "off-topic",
    [
        nl("wat is het weer morgen?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("who won the football?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("hoe laat sluit het gemeentehuis van Almere?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("wat is de hoofdstad van frankrijk", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("kun je een pizza voor me bestellen", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("what's parking like in Enschede?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("hoeveel inwoners heeft Groningen", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("tell me a joke", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        # A rank or count shared with a line ('twee tot vier uur') is no answer.
        nl("wie is de nummer twee per kring?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl(
            "wie is de tweede man van een pijler?",
            (JAARSMA,),
            (*ROLE_FACTS, "Kandidaatstelling"),
            kind="fallback",
        ),
        en("who is the number two of the network?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        # No word either language marks: the spelling says English.
        en("weather in spain", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("weather forecast amsterdam", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl(
            "wie wint de gemeenteraadsverkiezingen in Haarlem?",
            (JAARSMA,),
            ROLE_FACTS,
            kind="fallback",
        ),
        nl(
            "hoe vraag ik een parkeervergunning aan in Almelo",
            (JAARSMA,),
            ROLE_FACTS,
            kind="fallback",
        ),
        en("what is the VAT rate in the Netherlands", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("wie is de burgemeester van Enschede", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("who is the mayor of Oss?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("wat kost een paspoort", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("how late is the Almere town hall open?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("what is the population of Groningen", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("book me a train to Zwolle", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("who is the mayor of Enschede?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("wat is de uitslag van ajax gisteren", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("kun je mijn wachtwoord resetten", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl(
            "hoe laat gaat de bibliotheek in Hilversum open",
            (JAARSMA,),
            ROLE_FACTS,
            kind="fallback",
        ),
    ],
)

# --- ambiguous: a choice when truly ambiguous, an answer when one reading is clearly main ------
CLARIFY = _of(
    "clarify",
    [
        nl("wie is de vicevoorzitter?", ("eerste", "tweede"), kind="clarify"),
        en("who is the vice chair?", ("first", "second"), kind="clarify"),
        nl("tijdsbeslag adviseur", ("communicatie", "financiën"), kind="clarify"),
        nl("wie is de secretaris?", ("Marc Jaarsma", JAARSMA)),
        en("who is the secretary?", ("Marc Jaarsma",)),
        nl("contact pijler", ("Sociaal", "Fysiek", "Economie"), kind=None),
        nl("voorzitter pijler", ("Sociaal", "Fysiek", "Economie"), kind=None),
        nl("wie is de plv", (LOOMAN,), kind=None),
        en("time commitment adviser", ("communications", "finance"), kind="clarify"),
        en("contact pillar", ("Social", "Physical", "Economy"), kind=None),
        # How often, with no body named: which of the bodies whose rhythm the overview knows.
        nl(
            "hoe vaak vergadert het?",
            ("Dagelijks Bestuur", "netwerkdagen"),
            ("Voorzitter", "uur per week"),
            kind="clarify",
        ),
        en(
            "how often do they meet?",
            ("Executive Board", "network days"),
            ("Chair", "hours per week"),
            kind="clarify",
        ),
        nl("hoe vaak komen ze bij elkaar", ("Dagelijks Bestuur",), ("Eerste",), kind="clarify"),
    ],
)

# --- knowledge from the introduction and the DB section ---------------------------------------
KNOWLEDGE = _of(
    "knowledge",
    [
        nl("wat is een themagroep", ("opgavegroep",)),
        en("what's the difference between a task group and a theme group?", ("theme group",)),
        nl("hoe gaan de pijlers straks heten?", ("opgavegericht",)),
        en("what will the pillars be called?", ("new name",)),
        nl("wat vraagt het DB komend jaar van de pijlers", ("verschil",)),
        nl("waarom een opgavegerichte aanpak?", ("capaciteit",)),
        nl("in welk jaar wordt er een nieuw G40-bestuur gekozen", ("raadsverkiezingen",)),
        nl("van wanneer is de beschrijving functies g40", ("24 april 2026",)),
        nl("wat staat er in de brief van 8 april", ("procedure",)),
        en("what was the letter of 8 April about?", ("procedure",)),
        nl(
            "welke functies worden uit de G40-begroting betaald",
            ("algemeen secretaris", "pijlersecretaris", "lobbycoördinator"),
        ),
        en("do the pillars get new names?", (), starts="Yes"),
        nl("hoe bereidt het DB de nieuwe bestuursperiode voor", ("krachtig netwerk",)),
        en("are the opgavegroepen the same as the old themagroepen?", (), starts="Yes"),
        en("what is a themagroep?", ("task group",)),
        en(
            "does a new G40 board get elected in the year of the municipal elections?",
            (),
            starts="Yes",
        ),
        en("why a more task-oriented approach?", ("capacity",)),
        en("what does the DB ask of the pillars next year", ("difference",)),
        en(
            "which posts are paid from the G40 budget?",
            ("Secretary General", "pillar secretar", "lobby coordinator"),
        ),
        en("what is the date of the Beschrijving functies document?", ("24 April 2026",)),
        nl("themagroepen, bestaan die nog?", ("opgavegroep",)),
        nl("krijgen de pijlers een nieuwe naam?", (), starts="Ja"),
        nl("waarop baseert het DB de nieuwe opgavegerichte werkwijze?", ("netwerkpartners",)),
        nl("komt er een nieuwe indeling van de opgavegroepen?", (), starts="Ja"),
    ],
)

# --- follow-ups: earlier questions in the same thread ----------------------------------------
FOLLOW_UP = _of(
    "follow-up",
    [
        nl("en het tijdsbeslag?", ("0,75",), context=("wat doet de pijlersecretaris?",)),
        en("and their e-mail?", (LOOMAN,), context=("who is the treasurer?",)),
        nl("wie ondersteunt die?", ("plv", LOOMAN), context=("wie heeft Europa?",)),
        nl(
            "en van de pijlersecretaris?",
            ("0,75",),
            ("twee tot vier",),
            context=("tijdsbeslag voorzitter",),
        ),
        nl(
            "en als die er ook niet is?",
            ("tweede vicevoorzitter",),
            context=("wie vervangt de voorzitter?",),
        ),
        nl("2", ("Drie keer per jaar",), ("uur per week",), context=("hoe vaak vergadert het?",)),
        en("1", ("three weeks",), ("hours per week",), context=("how often do they meet?",)),
        # A stand-in of the chair said to be away too: the next one in the chair's order.
        nl(
            "en als de eerste vice ook afwezig is?",
            ("tweede vicevoorzitter",),
            (LOOMAN, "geen vervanger voor de eerste"),
            context=("wie vervangt de voorzitter?",),
        ),
        en(
            "and if the first vice chair is away too?",
            ("second vice chair",),
            (LOOMAN, "no stand-in for the first"),
            context=("who stands in for the chair?",),
        ),
        nl(
            "en als de tweede vicevoorzitter ook ziek is?",
            ("geen verdere vervanger",),
            (LANGENDIJK,),
            context=("wie vervangt de voorzitter?", "en als de eerste vice ook afwezig is?"),
        ),
        en(
            "and the physical one?",
            (KONINGEN,),
            (VAN_NES,),
            context=("who chairs the social pillar?",),
        ),
        nl(
            "krijgt die betaald?",
            ("onbezoldigd",),
            starts="Nee",
            context=("wat doet de eerste vicevoorzitter?",),
        ),
        nl(
            "en wanneer is ze terug?",
            ("30 mei",),
            context=("contact pijler sociaal",),
            today=BEFORE_RETURN,
        ),
        nl("wie is zijn vervanger?", (LOOMAN,), context=("wie is de algemeen secretaris?",)),
        nl(
            "en wie zit erin?",
            ("eerste vicevoorzitter", "tweede vicevoorzitter", "pijlervoorzitter"),
            context=("hoe vaak vergadert het DB?",),
        ),
        en(
            "is that a board seat?",
            (),
            starts="No",
            context=("what does the pillar vice chair do?",),
        ),
        nl("en wie helpt daarbij?", ("CCV",), context=("wie doet veiligheid?",)),
        nl(
            "en het digitale deel?",
            ("zomer",),
            INVENTED_MONTHS_NL,
            context=("wanneer zijn de netwerkdagen?",),
        ),
        nl(
            "en de pijlervoorzitter?",
            ("proces",),
            context=("welke competenties heeft de voorzitter nodig",),
        ),
        nl(
            "welke portefeuilles heeft die?",
            ("Veiligheid", "Gemeentefinanciën", "communicatie"),
            context=("wie is de tweede vicevoorzitter?",),
        ),
        en("how much time does that take?", ("0.75",), context=("who is the secretary general?",)),
        nl(
            "en wie maakt het verslag?",
            ("pijlersecretaris",),
            context=("wie zit het ambtelijk overleg van de pijler voor?",),
        ),
        nl(
            "mailadres?",
            (KONINGEN,),
            (VAN_NES, LEISTRA),
            context=("wat doet de pijlervoorzitter fysiek?",),
        ),
        nl("en Amsterdam?", (), starts="Nee", context=("is Amstelveen lid?",)),
        nl("hoe groot is dat?", ("5,0",), context=("wat is het AOT?",)),
        en(
            "who helps with that?",
            ("lobby coordinator", "Wepublic"),
            context=("who handles lobbying?",),
        ),
        nl(
            "en de vicevoorzitter?",
            (LEISTRA,),
            (LOOMAN, "penningmeester"),
            context=("wie is de pijlervoorzitter economie en werk?",),
        ),
        en(
            "and who stands in for them?",
            ("pillar vice chair",),
            context=("who is the pillar chair for Fysiek?",),
        ),
        en("and in person?", ("quarter",), context=("how often does the DB meet online?",)),
        en(
            "is she reachable now?",
            (STAND_IN,),
            starts="No",
            context=("who is the contact for pijler Sociaal?",),
            today=BEFORE_RETURN,
        ),
        nl("en het mailadres?", (LOOMAN,), context=("wie is de penningmeester?",)),
        nl("en communicatie?", ("tweede vicevoorzitter",), context=("wie heeft veiligheid?",)),
    ],
)

CASES: list[Case] = [
    *HOLDER,
    *TASKS_BY_TOPIC,
    *TASKS,
    *TIME,
    *PAY,
    *COMPETENCES,
    *RELATION,
    *HOW_OFTEN,
    *HOW_APPOINTED,
    *MUST,
    *WHAT_IF,
    *YES_NO,
    *BODY,
    *PLANNING,
    *MEMBERS,
    *CONTACT,
    *WORD_FORM,
    *SIDE_WORD,
    *OFF_TOPIC,
    *CLARIFY,
    *KNOWLEDGE,
    *FOLLOW_UP,
]
