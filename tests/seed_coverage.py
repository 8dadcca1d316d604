# ruff: noqa: E501 -- the document's sentences are quoted verbatim, one per line, so they grep.
"""Every sentence of "Beschrijving functies G40" (config/seed/beschrijving-functies-g40.txt), in
document order: where it lives in the sheet, and a question a member would ask to reach it.

Data only. tests/test_seed_home.py proves that each home holds the facts and that this table
covers the whole document. The answer engine's tests ask each `question` and expect every one of
its `facts` in the plain-text answer (case-insensitive).

- `sentence` quotes the document exactly, typos and the stray space in an e-mail address
  included; the home holds the corrected text.
- `tab`, `row`, `column`: the tab, the value of its id column, the column name. An English
  question's home is the English column (`..._en`) and its facts are English.
- In a column of ids (ondersteund_door, vervangers, meer_info, voorzitter, leden) the facts are
  what those ids stand for as an answer shows them: a role's title, a person's name and e-mail.
- A contact's facts hold on any day: while someone is away an answer names the stand-in, so
  only what is shown on every day (the name) is required.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SEED_DOCUMENT = (
    Path(__file__).resolve().parent.parent / "config" / "seed" / "beschrijving-functies-g40.txt"
)


@dataclass(frozen=True)
class SeedSentence:
    sentence: str
    tab: str
    row: str
    column: str
    question: str
    facts: tuple[str, ...]
    language: Literal["nl", "en"]


@dataclass(frozen=True)
class Skipped:
    """A line of the document that states no fact of its own, and why."""

    text: str
    reason: str


TITLE = "the document's title: it names the document, which every row cites in `bron`"
DATE = "the document's date: no fact about the network; every row cites it in `bron`"
HEADING = "a section heading: it names the role or body whose row holds the sentences below it"
POSTS = (
    "an item of the list of posts up for election: a name only; the lead sentence of the list "
    "has a Kennis row naming them all, and each post is a Functies row with gekozen = ja"
)


def _sentence(
    language: Literal["nl", "en"], sentence: str, home: str, question: str, facts: tuple[str, ...]
) -> SeedSentence:
    tab, row, column = home.split("/")
    return SeedSentence(sentence, tab, row, column, question, facts, language)


def nl(sentence: str, home: str, question: str, *facts: str) -> SeedSentence:
    """A sentence reached by a Dutch question; `home` is 'tab/row/column'."""
    return _sentence("nl", sentence, home, question, facts)


def en(sentence: str, home: str, question: str, *facts: str) -> SeedSentence:
    """A sentence reached by an English question; `home` is 'tab/row/column'."""
    return _sentence("en", sentence, home, question, facts)


SKIPPED: tuple[Skipped, ...] = (
    Skipped("BESCHRIJVING FUNCTIES G40", TITLE),
    Skipped("24 april 2026", DATE),
    Skipped("Inleiding", HEADING),
    Skipped("1. Voorzitter", POSTS),
    Skipped("2. Eerste vicevoorzitter", POSTS),
    Skipped("3. Tweede vicevoorzitter", POSTS),
    Skipped("Pijler Sociaal", POSTS),
    Skipped("Pijler Fysiek", POSTS),
    Skipped("Pijler Economie en Werk", POSTS),
    Skipped("Dagelijks bestuur", HEADING),
    Skipped("1. Voorzitter", HEADING),
    Skipped("Algemeen secretaris", HEADING),
    Skipped("2. Eerste vicevoorzitter", HEADING),
    Skipped("3. Tweede vicevoorzitter", HEADING),
    Skipped("4. Pijlervoorzitter", HEADING),
    Skipped("Pijlersecretaris", HEADING),
    Skipped("5. Pijler vicevoorzitter", HEADING),
)

SEED: tuple[SeedSentence, ...] = (
    nl(
        "Binnenkort zijn verkiezingen voor een nieuw G40-bestuur en voorzitters van G40 opgavegroepen (voorheen themagroepen).",
        "Kennis/verkiezingen/antwoord",
        "Wat voor verkiezingen komen er binnenkort bij de G40?",
        "nieuw G40-bestuur",
        "opgavegroepen",
    ),
    en(
        "Het verkiezingsproces is gefaseerd; een deel digitaal voor/in de zomer 2026 en een deel fysiek tijdens de G40 netwerkdagen op 10 en 11 september 2026.",
        "Kennis/verkiezingsproces/antwoord_en",
        "How does the G40 election work, is it all online?",
        "online",
        "summer 2026",
        "10 and 11 September 2026",
    ),
    nl(
        "De exacte procedure en planning staat beschreven in een brief aan het Algemeen Bestuur van 8 april jl. (zie bijlage).",
        "Kennis/procedure-verkiezingen/antwoord",
        "Waar kan ik de precieze verkiezingsprocedure nalezen?",
        "brief",
        "Algemeen Bestuur",
        "8 april",
    ),
    nl(
        "Op dit moment bereidt het Dagelijks Bestuur de nieuwe bestuursperiode voor door vooruit te kijken hoe G40 ook in de nieuwe periode een krachtig netwerk blijft, waar steden elkaar vinden in de stedelijke vraagstukken.",
        "Kennis/nieuwe-bestuursperiode/antwoord",
        "Wat doet het dagelijks bestuur op dit moment om de nieuwe periode voor te bereiden?",
        "nieuwe bestuursperiode",
        "krachtig netwerk",
    ),
    en(
        "Vraagstukken die vragen om een integraal opgavegerichte benadering werken en focus omdat we zien dat we slim moeten omgaan met de beschikbare capaciteit van onze steden.",
        "Kennis/opgavegerichte-werkwijze/antwoord_en",
        "Why does the G40 want a more task-oriented approach?",
        "task-oriented",
        "available capacity",
    ),
    nl(
        "Zo blijkt uit de input die we afgelopen periode hebben opgehaald bij onze steden en netwerkpartners.",
        "Kennis/opgavegerichte-werkwijze/antwoord",
        "Waar blijkt uit dat de steden slim met hun capaciteit moeten omgaan?",
        "input",
        "netwerkpartners",
    ),
    nl(
        "Het Dagelijks Bestuur houdt bij het communiceren over de G40 verkiezingen en in dit document rekening met deze uitkomsten;",
        "Kennis/uitkomsten-nieuwe-periode/antwoord",
        "Met welke uitkomsten houdt het DB rekening bij de verkiezingen?",
        "rekening met",
        "uitkomsten",
    ),
    en(
        "de pijlers krijgen een nieuwe benaming die de meer opgavegerichte werkwijze weergeeft",
        "Kennis/nieuwe-namen-pijlers/antwoord_en",
        "Are the pillars getting new names?",
        "new working title",
        "task-oriented way of working",
    ),
    nl(
        "de pijlers wordt gevraagd komend jaar gezamenlijk te werken aan een organisatie die verbindingen legt op stedelijke opgaven en focus op waar de G40 het verschil kan maken",
        "Kennis/samenwerking-pijlers/antwoord",
        "Moeten de pijlers komend jaar gaan samenwerken?",
        "gezamenlijk",
        "verbindingen",
        "het verschil",
    ),
    nl(
        "een nieuwe indeling van opgavegroepen (voorheen noemden we dit themagroepen).",
        "Organen/opgavegroepen/omschrijving",
        "Worden de opgavegroepen anders ingedeeld?",
        "nieuwe indeling",
        "themagroepen",
    ),
    en(
        "In dit document staan de functies beschreven waarvoor verkiezingen plaatsvinden:",
        "Kennis/verkiesbare-functies/antwoord_en",
        "Which positions are up for election this year?",
        "chair",
        "first vice chair",
        "second vice chair",
        "pillars",
    ),
    nl(
        "4. Voorzitter en vicevoorzitter van de pijlers (*krijgen nog een nieuwe werktitel*):",
        "Kennis/nieuwe-namen-pijlers/antwoord",
        "Komt er een nieuwe naam voor de pijlers?",
        "nieuwe werktitel",
        "nog niet",
    ),
    en(
        "De voorzitter en twee vicevoorzitters en de pijlervoorzitters vormen het Dagelijks Bestuur.",
        "Organen/dagelijks-bestuur/samenstelling_en",
        "Who sits on the Executive Board?",
        "chair",
        "vice chair",
        "pillar chairs",
    ),
    nl(
        "Deze functies zijn onbezoldigd.",
        "Kennis/onbezoldigd/antwoord",
        "Is het voorzitterschap van de G40 betaald?",
        "Nee",
        "onbezoldigd",
    ),
    nl(
        "In het jaar dat er raadsverkiezingen zijn, wordt ook een nieuw bestuur gekozen.",
        "Kennis/nieuw-bestuur-raadsverkiezingen/antwoord",
        "In welk jaar wordt er een nieuw G40-bestuur gekozen?",
        "raadsverkiezingen",
    ),
    en(
        "De zes leden van het DB zijn samen verantwoordelijk voor het dagelijkse reilen en zeilen van het netwerk en bestaat momenteel uit drie burgemeesters en drie wethouders.",
        "Organen/dagelijks-bestuur/samenstelling_en",
        "How many mayors and aldermen are on the Executive Board?",
        "three mayors",
        "three aldermen",
    ),
    nl(
        "Het DB onderhoudt een strategisch netwerk met o.a. de VNG, het Kabinet, de Tweede Kamer, ministeries, andere gemeentelijke netwerken en maatschappelijke (belangen)organisaties en vertaalt de belangen van de steden naar een uitvoeringsagenda.",
        "Organen/dagelijks-bestuur/omschrijving",
        "Met wie onderhoudt het dagelijks bestuur een strategisch netwerk?",
        "VNG",
        "Kabinet",
        "ministeries",
        "uitvoeringsagenda",
    ),
    nl(
        "Het houdt zicht op relevante beleidsontwikkelingen en bespreekt de lobbystrategie.",
        "Organen/dagelijks-bestuur/omschrijving",
        "Wie bespreekt de lobbystrategie van de G40?",
        "lobbystrategie",
        "beleidsontwikkelingen",
    ),
    en(
        "Indien nodig treden DB-leden via de media en andere optredens naar buiten om een boodschap van de G40 kracht bij te zetten.",
        "Organen/dagelijks-bestuur/omschrijving_en",
        "Do board members speak to the press?",
        "media",
        "Where needed",
    ),
    nl(
        "Ook zorgt het DB ervoor dat 'kennisdeling en -ontwikkeling' voldoende gefaciliteerd wordt.",
        "Organen/dagelijks-bestuur/omschrijving",
        "Wie zorgt ervoor dat kennisdeling binnen de G40 gefaciliteerd wordt?",
        "kennisdeling",
        "gefaciliteerd",
    ),
    en(
        "Onderdeel daarvan is de uitvoering van het convenant dat de G40 heeft met Platform 31, het samen met een gaststad organiseren van de netwerkdagen, verkennen van relaties met onder andere hoger onderwijs en universiteiten en het initiëren van onderzoek en handreikingen.",
        "Organen/dagelijks-bestuur/omschrijving_en",
        "Who explores ties with universities?",
        "Platform31",
        "host city",
        "universities",
        "research and guides",
    ),
    nl(
        "Ieder DB-lid zorgt, voor de eigen ambtelijke ondersteuning ten laste van de G40-begroting.",
        "Kennis/ondersteuning-db-leden/antwoord",
        "Uit welk budget wordt de ondersteuning van een DB-lid betaald?",
        "eigen ambtelijke ondersteuning",
        "G40-begroting",
    ),
    en(
        "In de G40-begroting wordt in ieder geval voorzien in het financieren van een algemeen secretaris, pijlersecretarissen, lobbycoördinator en enkele strategisch adviseurs (totaal +/- 5,0 fte).",
        "Kennis/g40-begroting/antwoord_en",
        "What staff does the G40 budget fund?",
        "Secretary General",
        "pillar secretaries",
        "lobby coordinator",
        "5.0 FTE",
    ),
    nl(
        "Bij elkaar vormen die het Ambtelijk Ondersteuningsteam dat onder voorzitterschap staat van de secretaris.",
        "Organen/aot/samenstelling",
        "Wie is voorzitter van het ambtelijk ondersteuningsteam?",
        "voorzitterschap",
        "algemeen secretaris",
    ),
    nl(
        "Algemeen bestuurlijk aanspreekpunt en woordvoerder van de G40.",
        "Functies/voorzitter/taken",
        "Wie is de woordvoerder van de G40?",
        "aanspreekpunt",
        "woordvoerder",
    ),
    en(
        "Voorzitter van het Algemeen Bestuur en het Dagelijks Bestuur.",
        "Functies/voorzitter/taken_en",
        "Who chairs the General Board?",
        "General Board",
        "Executive Board",
    ),
    nl(
        "Zit vergaderingen voor, in samenwerking met de vice voorzitter.",
        "Functies/voorzitter/taken",
        "Zit de voorzitter de vergaderingen alleen voor?",
        "vergaderingen voor",
        "vicevoorzitter",
    ),
    nl(
        "Vertegenwoordigt de G40 in externe contacten met het Rijk, Tweede Kamer en relevante partners (o.a. VNG, Platform31, brancheorganisaties etc.) in afstemming met de voorzitters van de drie pijlers en de opgavegroepen (voorheen themagroepen), die het eerste aanspreekpunt zijn voor externe contacten op hun werkgebied.",
        "Functies/voorzitter/taken",
        "Wie vertegenwoordigt de G40 bij het Rijk en de Tweede Kamer?",
        "Vertegenwoordigt de G40",
        "Tweede Kamer",
        "in afstemming met",
    ),
    en(
        'Ook heeft deze persoon het thema "Interbestuurlijke samenwerking" in portefeuille en wordt daarbij ondersteund door de secretaris van deze randvoorwaardelijke opgavegroep (voorheen themagroep).',
        "Portefeuilles/interbestuurlijke-samenwerking/toelichting_en",
        "Who supports the chair on intergovernmental cooperation?",
        "chair of the G40",
        "secretary of this task group",
    ),
    nl(
        "Competenties: verbinder, netwerker, uitgebreide bestuurlijke ervaring, mediavaardig.",
        "Functies/voorzitter/competenties",
        "Welke competenties moet de voorzitter hebben?",
        "verbinder",
        "netwerker",
        "uitgebreide bestuurlijke ervaring",
        "mediavaardig",
    ),
    en(
        "Tijdsbeslag: aanwezigheid is noodzakelijk op de netwerkdagen (drie keer per jaar fysiek) en vergaderingen Dagelijks Bestuur (een keer per drie weken digitaal, en elk kwartaal fysiek).",
        "Functies/voorzitter/tijdsbeslag_en",
        "How often does the chair have to attend meetings?",
        "three times a year",
        "once every three weeks",
        "every quarter",
    ),
    nl(
        "Incidenteel is inzet voorzien voor bestuurlijk overleg met het Rijk, deelname aan hoorzittingen/ ronde tafel bijeenkomsten, lobbygesprekken met de Tweede Kamer, presentaties, deelname aan panels of expertmeetings, werkbezoeken, media-optredens etc.",
        "Functies/voorzitter/tijdsbeslag",
        "Moet de voorzitter ook naar hoorzittingen en werkbezoeken?",
        "Incidenteel",
        "hoorzittingen",
        "werkbezoeken",
    ),
    nl(
        "Het tijdsbeslag wisselt daardoor sterk en is mede afhankelijk van de reistijd naar de verschillende overleggen en activiteiten en de voorbereiding van bijeenkomsten en vergaderingen.",
        "Functies/voorzitter/tijdsbeslag",
        "Waar hangt het tijdsbeslag van de voorzitter van af?",
        "wisselt",
        "reistijd",
        "voorbereiding",
    ),
    en(
        "Uitgangspunt is twee tot vier uur per week.",
        "Functies/voorzitter/tijdsbeslag_en",
        "How many hours a week does the chair spend on it?",
        "two to four hours per week",
    ),
    nl(
        "De voorzitter stemt de voorbereiding van de netwerkdagen, bestuursvergaderingen en overige voorkomende activiteiten af met de eerste vicevoorzitter en ambtelijk secretaris.",
        "Functies/voorzitter/taken",
        "Met wie stemt de voorzitter de voorbereiding van de netwerkdagen af?",
        "eerste vicevoorzitter",
        "ambtelijk secretaris",
    ),
    en(
        "De voorzitter is bij voorkeur bestuurslid van de VNG of bereid zich daarvoor te kandideren.",
        "Functies/voorzitter/taken_en",
        "Does the chair need to be on the VNG board?",
        "Preferably",
        "board member of the VNG",
    ),
    nl(
        "Wordt ondersteund door de algemeen secretaris.",
        "Functies/voorzitter/ondersteund_door",
        "Door wie wordt de voorzitter ondersteund?",
        "algemeen secretaris",
    ),
    nl(
        "Algemeen ambtelijk aanspreekpunt van de G40.",
        "Functies/algemeen-secretaris/taken",
        "Wie is het algemeen ambtelijk aanspreekpunt van de G40?",
        "ambtelijk aanspreekpunt",
    ),
    en(
        "Secretaris van het DB, voorzitter van het Ambtelijk Ondersteuningsteam (AOT) en het Coördinatorenoverleg (CO).",
        "Functies/algemeen-secretaris/taken_en",
        "Who chairs the Coordinators' Meeting?",
        "Secretary of the Executive Board",
        "Coordinators' Meeting (CO)",
    ),
    nl(
        "Ondersteunt de voorzitter van de G40 in al zijn taken en bereidt samen met het AOT de netwerkdagen en bestuursvergaderingen voor.",
        "Functies/algemeen-secretaris/taken",
        "Wie bereidt de bestuursvergaderingen voor?",
        "bestuursvergaderingen",
        "AOT",
    ),
    nl(
        "Eerste aanspreekpunt voor partijen die ondersteuning bieden aan de G40 op het gebied van lobby, kennisdeling, administratie, websitebeheer etc. en in voorkomende gevallen verantwoordelijk voor inkoop/ contractering van die functies.",
        "Functies/algemeen-secretaris/taken",
        "Wie regelt de inkoop van ondersteuning zoals websitebeheer?",
        "websitebeheer",
        "inkoop/contractering",
    ),
    en(
        "Onderhoudt samen met de andere leden van het AOT ambtelijke contacten met Rijk, VNG, G4, andere netwerken, etc.",
        "Functies/algemeen-secretaris/taken_en",
        "Who keeps the official contacts with the G4?",
        "G4",
        "other networks",
    ),
    en(
        "Formeel tijdsbeslag is ca 0,75 fte.",
        "Functies/algemeen-secretaris/tijdsbeslag_en",
        "How many FTE is the Secretary General post?",
        "0.75 FTE",
    ),
    nl(
        "Hiervoor wordt er vanuit de G40 een financiële tegemoetkoming beschikbaar gesteld.",
        "Functies/algemeen-secretaris/vergoeding",
        "Krijgt de algemeen secretaris een vergoeding?",
        "financiële tegemoetkoming",
    ),
    en(
        "Meer informatie over de genoemde functies is op te vragen bij de algemeen secretaris Marc Jaarsma, secretaris@g40stedennetwerk.nl",
        "Functies/voorzitter/meer_info",
        "Who can tell me more about the chair's role?",
        "Marc Jaarsma",
        "secretaris@g40stedennetwerk.nl",
    ),
    nl(
        "Vertegenwoordigt vanuit deze rol het G40-belang.",
        "Functies/eerste-vicevoorzitter/taken",
        "Wiens belang vertegenwoordigt de eerste vicevoorzitter?",
        "G40-belang",
    ),
    en(
        "Beschikt over dezelfde competenties als de voorzitter en bepaalt mede de strategie van het netwerk.",
        "Functies/eerste-vicevoorzitter/competenties_en",
        "What skills does the first vice chair need?",
        "Connector",
        "Networker",
        "Media-savvy",
    ),
    nl(
        "Deze persoon neemt deel aan de overleggen van het DB en is technisch voorzitter van het DB.",
        "Functies/eerste-vicevoorzitter/taken",
        "Wie is de technisch voorzitter van het DB?",
        "technisch voorzitter",
    ),
    nl(
        "Vervangt de voorzitter als deze afwezig is.",
        "Functies/voorzitter/vervangers",
        "Wie neemt het over als de voorzitter afwezig is?",
        "eerste vicevoorzitter",
    ),
    en(
        "Voorzitter en eerste vicevoorzitter stemmen regelmatig met elkaar af.",
        "Functies/eerste-vicevoorzitter/taken_en",
        "Do the chair and the first vice chair consult each other regularly?",
        "Consults regularly",
    ),
    nl(
        "Dit betekent ook dat zij makkelijk en op ongeregelde tijden bereikbaar moeten zijn voor elkaar.",
        "Functies/eerste-vicevoorzitter/taken",
        "Moet de eerste vicevoorzitter ook buiten kantoortijden bereikbaar zijn?",
        "ongeregelde tijden",
    ),
    nl(
        "In voorkomende gevallen neemt deze persoon plaats in tijdelijke, door het DB ingestelde werkgroepen en andere bestuurlijke gremia.",
        "Functies/eerste-vicevoorzitter/taken",
        "Zit de eerste vicevoorzitter ook in werkgroepen?",
        "tijdelijke",
        "werkgroepen",
    ),
    en(
        "Ook vervult deze persoon de rol van penningmeester van het netwerk en faciliteert dat vanuit de eigen organisatie door o.a. de administratie en boekhouding te verzorgen (voor dat laatste is een vergoeding beschikbaar).",
        "Portefeuilles/penningmeester/toelichting_en",
        "Who is the treasurer of the network?",
        "first vice chair",
        "treasurer",
        "bookkeeping",
        "allowance",
    ),
    nl(
        "Ook heeft deze persoon lobbycoördinatie in portefeuille en wordt daarbij ondersteund door de ambtelijke lobbycoördinator in het AOT in samenwerking met bureau Wepublic.",
        "Portefeuilles/lobbycoordinatie/toelichting",
        "Wie ondersteunt de eerste vicevoorzitter bij de lobby?",
        "lobbycoördinator",
        "Wepublic",
    ),
    nl(
        "Deze persoon is de linking-pin in het DB voor de opgavegroep (voorheen themagroep) Europa en werkt daarbij samen met de bestuurlijke voorzitter van deze opgavegroep.",
        "Portefeuilles/europa/toelichting",
        "Wie is de linking-pin voor de opgavegroep Europa?",
        "linking-pin",
        "bestuurlijke voorzitter",
    ),
    en(
        "Brengt, net als de andere leden van het DB, het eigen politieke netwerk in.",
        "Functies/eerste-vicevoorzitter/taken_en",
        "Does the first vice chair bring in their own political network?",
        "political network",
    ),
    nl(
        "Tijdsbeslag: afhankelijk van het aantal deelnames aan vergaderingen, netwerkdagen, werkgroepen en andere bestuurlijke gremia vraagt de functie een inzet van twee tot maximaal vier uur per week.",
        "Functies/eerste-vicevoorzitter/tijdsbeslag",
        "Hoeveel uur per week kost de functie van eerste vicevoorzitter?",
        "twee tot maximaal vier uur per week",
    ),
    en(
        "Verder tijdsbeslag is afhankelijk van de werkafspraken binnen het Dagelijks Bestuur.",
        "Functies/eerste-vicevoorzitter/tijdsbeslag_en",
        "What else decides how much time the first vice chair spends?",
        "working arrangements within the Executive Board",
    ),
    nl(
        "Ondersteuning eerste vicevoorzitter tevens plv. algemeen secretaris",
        "Functies/eerste-vicevoorzitter/ondersteund_door",
        "Wie ondersteunt de eerste vicevoorzitter?",
        "plv. algemeen secretaris",
    ),
    en(
        "Algemeen ambtelijk aanspreekpunt van de G40 voor bedrijfsvoering zaken met het zwaartepunt op financieel-administratieve zaken.",
        "Functies/plv-algemeen-secretaris/taken_en",
        "Who is the contact for business operations and finance?",
        "business operations",
        "financial and administrative",
    ),
    nl(
        "Ondersteunt de vicevoorzitter/penningmeester van de G40 in al zijn taken.",
        "Functies/plv-algemeen-secretaris/taken",
        "Wie ondersteunt de penningmeester?",
        "penningmeester",
        "in al zijn taken",
    ),
    nl(
        "Eerste vervanger van de algemeen secretaris.",
        "Functies/algemeen-secretaris/vervangers",
        "Wie vervangt de algemeen secretaris?",
        "plv. algemeen secretaris",
    ),
    en(
        "Stelt samen met het AOT de begroting en jaarrekening op.",
        "Functies/plv-algemeen-secretaris/taken_en",
        "Who draws up the G40 budget and annual accounts?",
        "budget",
        "annual accounts",
    ),
    nl(
        "Coördineert de organisatie van ambtelijke- en bestuurlijke netwerkdagen (de organisatie is in handen van een team met professionele ondersteuning).",
        "Functies/plv-algemeen-secretaris/taken",
        "Wie coördineert de organisatie van de netwerkdagen?",
        "Coördineert",
        "netwerkdagen",
        "professionele ondersteuning",
    ),
    nl(
        "Is verantwoordelijk voor de correcte afhandeling van declaraties en facturen ten laste van de G40 begroting evenals het innen van de contributie van deelnemende steden.",
        "Functies/plv-algemeen-secretaris/taken",
        "Wie int de contributie van de steden?",
        "declaraties",
        "contributie",
    ),
    en(
        "Binnen het AOT worden verdere afspraken gemaakt over de taakverdeling.",
        "Functies/plv-algemeen-secretaris/taken_en",
        "How are tasks divided within the AOT?",
        "Further arrangements",
        "within the AOT",
    ),
    nl(
        "Formeel tijdsbeslag is ca 0,75 fte.",
        "Functies/plv-algemeen-secretaris/tijdsbeslag",
        "Hoeveel tijd kost de functie van plv. algemeen secretaris?",
        "0,75 fte",
    ),
    nl(
        "Hiervoor wordt er vanuit de G40 een financiële tegemoetkoming beschikbaar gesteld.",
        "Functies/plv-algemeen-secretaris/vergoeding",
        "Is er een vergoeding voor de plaatsvervangend secretaris?",
        "financiële tegemoetkoming",
    ),
    en(
        "Meer informatie over de genoemde functies op te vragen bij de plv. secretaris Gerdien Looman, g.looman@enschede.nl.",
        "Functies/eerste-vicevoorzitter/meer_info",
        "Who can I ask about the first vice chair role?",
        "Gerdien Looman",
        "g.looman@enschede.nl",
    ),
    nl(
        "Tweede vervanger van de voorzitter.",
        "Functies/tweede-vicevoorzitter/taken",
        "Is de tweede vicevoorzitter ook vervanger van de voorzitter?",
        "Tweede vervanger van de voorzitter",
    ),
    en(
        "Verder de omschrijving zoals bij eerste vicevoorzitter met uitzondering van de portefeuilles 'penningmeester', 'lobbycoördinatie' en 'Europa'.",
        "Kennis/verschil-vicevoorzitters/antwoord_en",
        "How does the second vice chair differ from the first?",
        "treasurer",
        "lobby coordination",
        "Europe",
    ),
    nl(
        "De tweede vicevoorzitter heeft namelijk de opgaven 'Veiligheid' en 'Gemeentefinanciën' in portefeuille.",
        "Functies/tweede-vicevoorzitter/taken",
        "Welke portefeuilles heeft de tweede vicevoorzitter?",
        "Veiligheid",
        "Gemeentefinanciën",
    ),
    nl(
        "Deze persoon wordt daarbij ondersteund door respectievelijk een adviseur van de organisatie CCV (Veiligheid) en een strategisch adviseur financiën in het AOT.",
        "Functies/tweede-vicevoorzitter/taken",
        "Wie ondersteunt de tweede vicevoorzitter bij veiligheid en financiën?",
        "CCV",
        "strategisch adviseur financiën",
    ),
    en(
        "De tweede vicevoorzitter is in het DB ook verantwoordelijk voor de portefeuille 'G40 communicatie' en wordt daarbij ondersteund door een strategisch adviseur communicatie in het AOT.",
        "Portefeuilles/g40-communicatie/toelichting_en",
        "Who is responsible for G40 communications?",
        "second vice chair",
        "strategic communications adviser",
    ),
    nl(
        "Binnen het DB kunnen (nadere) afspraken worden gemaakt over de onderlinge taakverdeling en inhoudelijke portefeuilles.",
        "Functies/tweede-vicevoorzitter/taken",
        "Kan het DB de portefeuilles onderling anders verdelen?",
        "afspraken",
        "taakverdeling",
        "portefeuilles",
    ),
    en(
        "Ondersteuning tweede vicevoorzitter tevens tweede plv. algemeen secretaris en strategisch adviseur financiën",
        "Functies/tweede-vicevoorzitter/ondersteund_door",
        "Who supports the second vice chair?",
        "Second Deputy Secretary General",
        "strategic finance adviser",
    ),
    nl(
        "Ondersteunt bij vervanging de vicevoorzitter/ penningmeester van de G40 in al zijn taken",
        "Functies/tweede-plv-algemeen-secretaris/taken",
        "Wie ondersteunt de penningmeester als de plv. secretaris vervangen moet worden?",
        "bij vervanging",
        "penningmeester",
    ),
    nl(
        "Ondersteunt de tweede vicevoorzitter van de G40 als voorzitter van de Opgavegroep Financiën",
        "Functies/tweede-plv-algemeen-secretaris/taken",
        "Wie ondersteunt de voorzitter van de opgavegroep Financiën?",
        "Opgavegroep Financiën",
    ),
    en(
        "Binnen het AOT worden verdere afspraken gemaakt over de taakverdeling",
        "Functies/tweede-plv-algemeen-secretaris/taken_en",
        "Are the tasks of the second deputy secretary general fixed?",
        "Further arrangements",
        "within the AOT",
    ),
    en(
        "Formeel tijdsbeslag is ca 0,3 fte.",
        "Functies/tweede-plv-algemeen-secretaris/tijdsbeslag_en",
        "How much time does the second deputy secretary general spend?",
        "0.3 FTE",
    ),
    nl(
        "Hiervoor wordt er vanuit de G40 een financiële tegemoetkoming beschikbaar gesteld.",
        "Functies/tweede-plv-algemeen-secretaris/vergoeding",
        "Krijgt de strategisch adviseur financiën een tegemoetkoming?",
        "financiële tegemoetkoming",
    ),
    en(
        "Meer informatie over de genoemde functies op te vragen bij Marleen Langendijk, mlangendijk@haarlem.nl.",
        "Functies/tweede-vicevoorzitter/meer_info",
        "Who can tell me more about the second vice chair role?",
        "Marleen Langendijk",
        "mlangendijk@haarlem.nl",
    ),
    nl(
        "Wordt benoemd op voordracht van de pijler.",
        "Functies/pijlervoorzitter-sociaal/taken",
        "Hoe wordt de pijlervoorzitter Sociaal benoemd?",
        "voordracht van de pijler",
    ),
    en(
        "Boegbeeld van de pijler en is belast met de algehele coördinatie van de pijler.",
        "Functies/pijlervoorzitter-fysiek/taken_en",
        "What is the role of the Physical pillar chair?",
        "Figurehead",
        "overall coordination",
    ),
    nl(
        "Competenties: verbinder, netwerker, bestuurlijke ervaring, mediavaardig, proces georiënteerd.",
        "Functies/pijlervoorzitter-economie-en-werk/competenties",
        "Welke competenties vraagt de functie pijlervoorzitter Economie en Werk?",
        "Verbinder",
        "Procesgeoriënteerd",
    ),
    en(
        "Zorgt voor verbinding tussen stedelijk en landelijk beleid.",
        "Functies/pijlervoorzitter-sociaal/taken_en",
        "Who connects urban and national policy in a pillar?",
        "urban and national policy",
    ),
    nl(
        "Treedt op als vertegenwoordiger c.q. woordvoerder van de pijler en op specifieke thema's namens het G40-Stedennetwerk in zijn geheel (als Dagelijks Bestuurslid G40-Stedennetwerk).",
        "Functies/pijlervoorzitter-fysiek/taken",
        "Mag de pijlervoorzitter namens de hele G40 spreken?",
        "woordvoerder van de pijler",
        "in zijn geheel",
    ),
    nl(
        "Draagt zorg voor externe contacten met het Rijk, Tweede Kamer en relevante partners (o.a. VNG, Platform31, brancheorganisaties etc.).",
        "Functies/pijlervoorzitter-economie-en-werk/taken",
        "Onderhoudt de pijlervoorzitter contacten met de Tweede Kamer?",
        "externe contacten",
        "Tweede Kamer",
    ),
    en(
        "Wordt gevraagd zich ook beschikbaar te stellen voor VNG-commissies",
        "Functies/pijlervoorzitter-sociaal/taken_en",
        "Should a pillar chair sit on VNG committees?",
        "VNG committees",
    ),
    nl(
        "Verantwoordelijk voor het opstellen van de agenda en de voorbereiding van de vergadering van de pijler.",
        "Functies/pijlervoorzitter-fysiek/taken",
        "Wie stelt de agenda van de pijlervergadering op?",
        "agenda",
        "vergadering van de pijler",
    ),
    nl(
        "Deze persoon zit de vergadering van de pijler voor.",
        "Organen/pijler-economie-en-werk/voorzitter",
        "Wie zit de vergadering van pijler Economie en Werk voor?",
        "pijlervoorzitter",
    ),
    en(
        "Verdeelt met de vice voorzitter van de pijler de taken, voorzitter en vice voorzitter dekken gezamenlijk de opgaven van de pijler.",
        "Functies/pijlervoorzitter-sociaal/taken_en",
        "How do the pillar chair and vice chair split the work?",
        "Divides the tasks",
        "together",
    ),
    nl(
        "Stelt samen met opgavetrekkingen (en waar nodig met de andere pijlervoorzitters) een werkprogramma voor de G40 op en ziet toe op uitvoering.",
        "Functies/pijlervoorzitter-fysiek/taken",
        "Wie stelt het werkprogramma van de G40 op?",
        "werkprogramma",
        "opgavetrekkers",
    ),
    nl(
        "Stuurt op de verbinding tussen het programma en de activiteiten van de verschillende opgavegroepen.",
        "Functies/pijlervoorzitter-economie-en-werk/taken",
        "Wie zorgt voor de verbinding tussen het programma en de opgavegroepen?",
        "activiteiten van de verschillende opgavegroepen",
    ),
    en(
        "Tijdsbeslag: ervaring leert dat het voorzitterschap een extra belasting is voor de bestaande portefeuille van de bestuurder en dat er dus tijd vrij moet worden gemaakt om de rol als pijlervoorzitter op een goede manier invulling te kunnen geven.",
        "Functies/pijlervoorzitter-sociaal/tijdsbeslag_en",
        "How much time does being a pillar chair take?",
        "extra burden",
        "time must be freed up",
    ),
    nl(
        "Wordt ondersteund door de pijlersecretaris die in beginsel vanuit de eigen organisatie beschikbaar wordt gesteld.",
        "Functies/pijlersecretaris-fysiek/taken",
        "Uit welke organisatie komt de pijlersecretaris?",
        "eigen organisatie van de pijlervoorzitter",
    ),
    en(
        "Ondersteunt en begeleidt de voorzitter in al diens taken.",
        "Functies/pijlersecretaris-economie-en-werk/taken_en",
        "What does the pillar secretary do for the pillar chair?",
        "Supports and assists",
    ),
    nl(
        "Primair aanspreekpunt voor en belast met de dagelijkse coördinatie van de pijler.",
        "Functies/pijlersecretaris-sociaal/taken",
        "Wie is het eerste aanspreekpunt van een pijler?",
        "Primair aanspreekpunt",
        "dagelijkse coördinatie",
    ),
    nl(
        "Maakt onderdeel uit van het Ambtelijk Ondersteuningsteam (AOT).",
        "Organen/aot/leden",
        "Hoort de pijlersecretaris bij het AOT?",
        "pijlersecretaris",
    ),
    en(
        "Frequentie van afstemming met de voorzitter over de pijleractiviteiten en relevante ontwikkelingen wordt in overleg vastgesteld.",
        "Functies/pijlersecretaris-fysiek/taken_en",
        "How often does the pillar secretary consult the pillar chair?",
        "agreed jointly",
    ),
    nl(
        "Voorzitter van het ambtelijk overleg van de pijler en is verantwoordelijk voor de agenda en de zorg voor de verslaglegging van dit overleg.",
        "Functies/pijlersecretaris-economie-en-werk/taken",
        "Wie maakt het verslag van het ambtelijk overleg van de pijler?",
        "ambtelijk overleg",
        "verslaglegging",
    ),
    nl(
        "Coördineert het opstellen en uitvoering van het werkprogramma van de pijler, in nauw overleg met de bestuurlijk trekkers en hun ambtenaren, waarbij nadrukkelijk gelet wordt op de verbinding tussen de pijlers en opgavegroepen.",
        "Functies/pijlersecretaris-sociaal/taken",
        "Wie coördineert het werkprogramma van de pijler?",
        "werkprogramma van de pijler",
        "bestuurlijk trekkers",
    ),
    en(
        "Medeverantwoordelijk voor de (lange termijn) strategie belangenbehartiging en kennisopbouw van de pijler.",
        "Functies/pijlersecretaris-fysiek/taken_en",
        "Who shares responsibility for the pillar's advocacy strategy?",
        "advocacy",
        "knowledge building",
    ),
    nl(
        "Ambtelijk woordvoerder van de pijler en op specifieke thema's namens de G40 als geheel.",
        "Functies/pijlersecretaris-economie-en-werk/taken",
        "Wie is de ambtelijk woordvoerder van een pijler?",
        "Ambtelijk woordvoerder",
    ),
    nl(
        "Draagt zorg voor inhoudelijke contacten met het Rijk en relevante partners.",
        "Functies/pijlersecretaris-sociaal/taken",
        "Onderhoudt de pijlersecretaris contacten met het Rijk?",
        "inhoudelijke contacten met het Rijk",
    ),
    en(
        "Accounthouder richting convenantpartner Platform 31 en opdrachtgever projecten (in samenspraak met thematrekkers).",
        "Functies/pijlersecretaris-economie-en-werk/taken_en",
        "Who is the account holder for Platform31?",
        "Account holder",
        "Platform31",
    ),
    nl(
        "Formeel tijdsbeslag is ca 0,75 fte.",
        "Functies/pijlersecretaris-fysiek/tijdsbeslag",
        "Hoeveel tijd kost het werk van pijlersecretaris?",
        "0,75 fte",
    ),
    en(
        "Hiervoor wordt er vanuit de G40 een financiële tegemoetkoming beschikbaar gesteld.",
        "Functies/pijlersecretaris-sociaal/vergoeding_en",
        "Does the pillar secretary get an allowance?",
        "financial allowance",
    ),
    nl(
        "Meer informatie over genoemde functies op te vragen bij:",
        "Functies/pijlervoorzitter-economie-en-werk/meer_info",
        "Bij wie krijg ik meer informatie over de functie pijlervoorzitter Economie en Werk?",
        "Tjeerd Leistra",
    ),
    nl(
        "Pijler Sociaal: Lotus van Nes, lotus.van.nes@ groningen.nl (vanaf 30 mei weer bereikbaar tot die periode m.jaarsma@almelo.nl)",
        "Functies/pijlersecretaris-sociaal/meer_info",
        "Wie is de contactpersoon voor pijler Sociaal?",
        "Lotus van Nes",
    ),
    en(
        "Pijler Fysiek: Marjolein Koningen, mckoningen-miedema@almere.nl",
        "Functies/pijlersecretaris-fysiek/meer_info",
        "Who is the contact for the Physical pillar?",
        "Marjolein Koningen",
        "mckoningen-miedema@almere.nl",
    ),
    nl(
        "Pijler Economie en werk: Tjeerd Leistra, t.leistra@oss.nl",
        "Functies/pijlersecretaris-economie-en-werk/meer_info",
        "Wat is het mailadres van het contact voor pijler Economie en Werk?",
        "Tjeerd Leistra",
        "t.leistra@oss.nl",
    ),
    en(
        "Wordt benoemd op voordracht van de pijler.",
        "Functies/pijlervicevoorzitter-sociaal/taken_en",
        "How is the vice chair of a pillar appointed?",
        "nomination of the pillar",
    ),
    nl(
        "Is sparringpartner voor de pijlervoorzitter.",
        "Functies/pijlervicevoorzitter-fysiek/taken",
        "Wat is de rol van de pijlervicevoorzitter naast de pijlervoorzitter?",
        "sparringpartner",
    ),
    nl(
        "Verdeelt met de voorzitter van de pijler de taken, voorzitter en vice voorzitter dekken gezamenlijk de opgaven van de pijler.",
        "Functies/pijlervicevoorzitter-economie-en-werk/taken",
        "Hoe verdelen de voorzitter en vicevoorzitter van een pijler de taken?",
        "Verdeelt",
        "gezamenlijk",
    ),
    en(
        "Vervangt bij gelegenheid eenmalig of gedurende korte tijd de voorzitter van de pijler.",
        "Functies/pijlervicevoorzitter-fysiek/taken_en",
        "Does the pillar vice chair stand in for the pillar chair?",
        "stands in",
        "short period",
    ),
    en(
        "Is geen DB-lid, maar neemt in die situaties deel aan het DB.",
        "Functies/pijlervicevoorzitter-sociaal/taken_en",
        "Is the pillar vice chair a member of the Executive Board?",
        "not a member of the Executive Board",
        "takes part",
    ),
    nl(
        "Treedt bij permanente vervanging en met instemming van de pijler toe tot het DB.",
        "Functies/pijlervicevoorzitter-economie-en-werk/taken",
        "Wanneer treedt een pijlervicevoorzitter toe tot het DB?",
        "permanente vervanging",
        "instemming van de pijler",
    ),
    en(
        "Wordt ambtelijk ondersteund vanuit de eigen organisatie (gemiddeld tijdsbeslag 4 uur per week).",
        "Functies/pijlervicevoorzitter-fysiek/taken_en",
        "Does the pillar vice chair get official support?",
        "own organisation",
        "4 hours per week",
    ),
)
