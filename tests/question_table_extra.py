"""A second public question table, written fresh from "Beschrijving functies G40" before the
engine was tuned for it: questions worded as a new user would, none a rewording of a case in
tests/question_table.py. It measures whether the engine generalises beyond the wordings it was
built on; tests/test_question_table.py runs it beside the first table.

Same rules as the first table: every expectation comes from the seed document and the seed tabs,
`must` holds the decisive facts, `must_not` the wrong facts a confused engine would state."""

from __future__ import annotations

from tests.question_table import (
    AFTER_RETURN,
    BEFORE_RETURN,
    INVENTED_MONTHS_EN,
    INVENTED_MONTHS_NL,
    JAARSMA,
    KONINGEN,
    LANGENDIJK,
    LEISTRA,
    LOOMAN,
    ROLE_FACTS,
    STAND_IN,
    VAN_NES,
    Case,
    _of,
    en,
    nl,
)

__all__ = ["AFTER_RETURN", "EXTRA_CASES"]

HOLDER = _of(
    "holder",
    [
        nl(
            "wie bekleedt op dit moment de functie van tweede vicevoorzitter?",
            (LANGENDIJK,),
            (LOOMAN,),
        ),
        en("who is in the role of second vice chair at the moment?", (LANGENDIJK,), (LOOMAN,)),
        nl("naam van de algemeen secretaris graag", ("Marc Jaarsma",), (LOOMAN,)),
        en(
            "name of the person in the job of pillar secretary Fysiek please",
            (KONINGEN,),
            (VAN_NES, LEISTRA),
        ),
        nl(
            "wie vervult momenteel de functie van pijlervoorzitter sociaal", (VAN_NES,), (KONINGEN,)
        ),
        en("who's in charge of the Economie en Werk pillar?", (LEISTRA,), (KONINGEN, VAN_NES)),
        en("whose job is the treasury of the network?", ("first vice chair", LOOMAN)),
    ],
)

TASKS_BY_TOPIC = _of(
    "tasks-by-topic",
    [
        nl("wie onderhoudt de contacten met het kabinet?", ("Dagelijks Bestuur",)),
        en("who talks to parliament on behalf of the G40?", ("House of Representatives",)),
        nl("wie legt contacten met hogescholen?", ("Dagelijks Bestuur",)),
        en("who do I send an invoice to?", (LOOMAN,)),
        nl("bij wie moet ik zijn voor de contributie?", (LOOMAN,)),
        en("who is in charge of contracting the parties that support the G40?", (JAARSMA,)),
        en(
            "who puts together the agenda for the pillar's civil servants meeting?",
            ("pillar secretary",),
        ),
        en("who handles the G40's financial administration?", (LOOMAN,)),
        nl("wie is primair aanspreekpunt van een pijler?", ("pijlersecretaris",)),
        en("who is responsible for the overall coordination of a pillar?", ("pillar chair",)),
        en("who looks after the lobby for the G40?", ("first vice chair",)),
    ],
)

TASKS = _of(
    "tasks",
    [
        en("what does the penningmeesterschap involve?", ("bookkeeping",)),
        nl("wat houdt de rol van lobbycoördinator in?", ("eerste vicevoorzitter",)),
        en("what is the job of the algemeen secretaris?", ("point of contact",)),
        nl("wat moet een pijlersecretaris allemaal doen?", ("dagelijkse coördinatie",)),
    ],
)

TIME = _of(
    "time",
    [
        en("how much of my week would the first vice chair role take?", ("four hours",), ("0.75",)),
        nl(
            "hoeveel uur per week moet ik rekenen voor de functie van pijlervicevoorzitter?",
            ("4 uur",),
            ("0,75", "maximaal"),
        ),
        nl("wat is de tijdsinvestering voor de algemeen secretaris", ("0,75",)),
        nl(
            "hoeveel tijd kost het voorzitterschap van een pijler?",
            ("extra belasting",),
            ("twee tot vier",),
        ),
        en("how many hours does a pillar secretary put in?", ("0.75",), ("two to four",)),
    ],
)

PAY = _of(
    "pay",
    [
        en("do the members of the executive board receive any pay?", ("unpaid",), starts="No"),
        nl("krijgt de pijlervoorzitter een onkostenvergoeding?", (), starts="Nee"),
        en("is the plv algemeen secretaris compensated?", ("allowance",), starts="Yes"),
        nl("wordt de tweede plv algemeen secretaris betaald?", ("tegemoetkoming",)),
    ],
)

COMPETENCES = _of(
    "competences",
    [
        nl("wat voor iemand zoeken jullie als voorzitter?", ("verbinder",)),
        en("what kind of person are you looking for as pillar chair?", ("process",)),
        nl("wat moet je kunnen als eerste vicevoorzitter?", ("mediavaardig",)),
        en("what qualities should the second vice chair have?", ("connector",)),
    ],
)

RELATION = _of(
    "relation",
    [
        en("who backs up the secretary general?", ("Gerdien Looman",)),
        nl(
            "wie neemt waar als de pijlervoorzitter fysiek er niet is?",
            ("pijlervicevoorzitter",),
            (VAN_NES, LEISTRA),
        ),
        en(
            "who takes over when the chair is away?",
            order=("first vice chair", "second vice chair"),
        ),
        nl(
            "door wie wordt de tweede vicevoorzitter ondersteund bij gemeentefinanciën?",
            ("strategisch adviseur financiën",),
        ),
        en("who assists the chair?", ("Secretary General",)),
        en("who does the first vice chair work with on Europe?", ("administrative chair",)),
    ],
)

HOW_OFTEN = _of(
    "how-often",
    [
        en("how frequently does the daily board get together?", ("three weeks",)),
        nl("hoe vaak komen de bestuurders van het DB bijeen?", ("drie weken",)),
        en(
            "how often does the AOT meet?",
            (),
            ("three weeks", "quarter", "prepares the network days"),
            kind=None,
        ),
        nl("hoe vaak moet de voorzitter naar de netwerkdagen?", ("drie keer per jaar",)),
    ],
)

HOW_APPOINTED = _of(
    "how-appointed",
    [
        en("how does one become pillar secretary?", ("own organisation",)),
        nl("wie kiest de pijlervoorzitter?", ("voordracht",)),
        nl("hoe wordt de eerste vicevoorzitter aangewezen?", ("verkiezingen",), ("voordracht",)),
    ],
)

MUST = _of(
    "must",
    [
        en("is attendance at the network days required for the chair?", (), starts="Yes"),
        nl("moet ik als pijlervoorzitter tijd vrijmaken naast mijn portefeuille?", (), starts="Ja"),
        en("is it required for the chair to be at DB meetings?", (), starts="Yes"),
        nl("moet de pijlersecretaris in het AOT zitten?", (), starts="Ja"),
    ],
)

WHAT_IF = _of(
    "what-if",
    [
        en(
            "what happens if the pillar chair of Sociaal can't make it?",
            ("pillar vice chair",),
            (KONINGEN, LEISTRA),
        ),
        en("if the secretary general is ill, who do I contact?", (LOOMAN,)),
        nl(
            "als de voorzitter op vakantie is, wie zit dan het DB voor?", ("eerste vicevoorzitter",)
        ),
    ],
)

YES_NO = _of(
    "yes-no",
    [
        nl("hoort de lobbycoördinator bij het AOT?", (), starts="Ja"),
        en("is the pillar secretary part of the AOT?", (), starts="Yes"),
        nl("zit de tweede vicevoorzitter in het DB?", (), starts="Ja"),
        en("does the second vice chair belong to the executive board?", (), starts="Yes"),
        en("does the first vice chair handle Safety?", (), starts="No"),
        nl("heeft de tweede vicevoorzitter communicatie in portefeuille?", (), starts="Ja"),
        en("does the chair also chair the general board?", (), starts="Yes"),
        nl("is de eerste vicevoorzitter de linking-pin voor Europa?", (), starts="Ja"),
    ],
)

BODY = _of(
    "body",
    [
        en(
            "who represents the Economie en Werk pillar in the daily board?",
            (LEISTRA,),
            (KONINGEN, VAN_NES),
        ),
        nl("wie vertegenwoordigt Fysiek in het DB?", (KONINGEN,), (VAN_NES, LEISTRA)),
        en("what does the DB discuss in its meetings?", ("lobbying strategy",)),
        nl("uit wie bestaat het AOT?", ("pijlersecretaris", "lobbycoördinator")),
        nl("wie leidt het ambtelijk ondersteuningsteam?", (JAARSMA,)),
        en("is the DB made up of mayors?", ("three mayors",), kind=None),
        nl("wat doet het DB met hoger onderwijs?", ("universiteiten",)),
    ],
)

PLANNING = _of(
    "planning",
    [
        nl("waar vind ik de precieze planning?", ("8 april",)),
        en(
            "is the closing date for candidacies known yet?",
            (),
            INVENTED_MONTHS_EN,
            starts="No",
        ),
        nl("wanneer is het fysieke deel van de verkiezingen?", ("10 en 11 september",)),
        nl(
            "is de deadline voor de kandidaatstelling al bekend?",
            (),
            INVENTED_MONTHS_NL,
            starts="Nee",
        ),
        en(
            "what's the timeline for the board election?",
            ("summer", "11 September"),
            INVENTED_MONTHS_EN,
        ),
    ],
)

MEMBERS = _of(
    "members",
    [
        en("is Leeuwarden part of the G40?", (), starts="Yes"),
        nl("hoort Delft bij de G40?", (), starts="Ja"),
        nl("hoeveel steden doen mee aan de G40?", ("41",)),
    ],
)

CONTACT = _of(
    "contact",
    [
        en("who do I contact about the pillar chair role for Fysiek?", (KONINGEN,), (VAN_NES,)),
        nl("mailadres van de tweede vicevoorzitter?", (LANGENDIJK,), (LOOMAN,)),
        en("I have a question about the treasurer role, who should I email?", (LOOMAN,)),
        nl("hoe kan ik de pijlersecretaris van economie en werk bereiken", (LEISTRA,), (KONINGEN,)),
        en("how can I get hold of the G40 office?", (JAARSMA,)),
        nl(
            "wie kan ik mailen over pijler sociaal?",
            (STAND_IN,),
            today=BEFORE_RETURN,
        ),
    ],
)

WORD_FORM = _of(
    "word-form",
    [
        nl("wat houdt het penningmeesterschap in?", ("boekhouding",)),
        en("pillar chairmanship, how much time?", ("extra burden",), ("two to four",)),
        nl("de pijlersecretarissen, wat doen die?", ("dagelijkse coördinatie",)),
    ],
)

SIDE_WORD = _of(
    "side-word",
    [
        nl(
            "wie is de technisch voorzitter van het dagelijks bestuur?",
            ("eerste vicevoorzitter", LOOMAN),
            ("woordvoerder",),
        ),
        en("who deals with the money of the network?", ("treasurer", LOOMAN)),
        nl("wie regelt het geld?", ("penningmeester", LOOMAN), ("Gemeentefinanciën",)),
        en("who is the vice chair of the Fysiek pillar?", (KONINGEN,), (LOOMAN,)),
        nl(
            "wat doet de secretaris van de pijler fysiek",
            ("dagelijkse coördinatie",),
            ("Marc Jaarsma",),
        ),
    ],
)

OFF_TOPIC = _of(
    "off-topic",
    [
        nl("wat is de begroting van de gemeente Zwolle?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("can you recommend a restaurant in Breda?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        en("how do I renew my driving licence?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        nl("wie wordt de nieuwe minister van BZK?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
    ],
)

CLARIFY = _of(
    "clarify",
    [
        nl("wat doet de adviseur?", ("communicatie", "financiën"), kind="clarify"),
        nl("tijdsbeslag vicevoorzitter", ("eerste", "tweede"), kind="clarify"),
    ],
)

KNOWLEDGE = _of(
    "knowledge",
    [
        en("when does the G40 pick a new board?", ("council",)),
        nl("wat waren de themagroepen?", ("opgavegroepen",)),
        en("who pays for the AOT?", ("G40 budget",)),
        nl("waarom krijgen de pijlers een andere naam?", ("opgavegericht",)),
        en("is the board made up of mayors or aldermen?", ("three mayors", "three aldermen")),
    ],
)

FOLLOW_UP = _of(
    "follow-up",
    [
        en(
            "and how many hours is that?",
            ("0.75",),
            context=("who is the pillar secretary for Fysiek?",),
        ),
        nl(
            "hoe wordt die benoemd?",
            ("voordracht",),
            context=("wie is de pijlervoorzitter fysiek?",),
        ),
        en("who chairs it?", (JAARSMA,), context=("what does the AOT do?",)),
        nl("en hoe vaak vergadert dat?", ("drie weken",), context=("wie zit het DB voor?",)),
        en("and lobbying?", ("first vice chair",), context=("who holds Europe?",)),
    ],
)

# --- round 3: the classes measured on a third unseen set (each written as a user would) -----

EXPECTED = _of(
    "tasks",
    [
        nl("wat verwacht men van een pijlervicevoorzitter?", ("sparringpartner",)),
        en("what's expected of a lobbycoördinator?", ("Wepublic",), ("spokesperson",)),
        nl("wat wordt van de voorzitter verwacht?", ("woordvoerder",)),
        en("what is expected of the second vice chair?", ("Second substitute",)),
        nl("wat verwachten jullie van de algemeen secretaris?", ("aanspreekpunt",)),
    ],
)

TREASURER = _of(
    "holder",
    [
        en(
            "who holds the role of treasurer these days?",
            ("first vice chair", LOOMAN),
            ("Pillar secretary",),
        ),
        en("who handles the bookkeeping these days?", ("first vice chair",), ("network days",)),
        en("who's responsible for the money?", ("First vice chair",), ("Pillar chair",)),
        en(
            "who currently holds the post of first vice chair?",
            (LOOMAN,),
            ("Elections are held",),
        ),
    ],
)

TREASURER_PAID = _of(
    "follow-up",
    [
        nl(
            "krijgt die daar iets voor?",
            ("boekhouding", "vergoeding"),
            context=("wie is de penningmeester?",),
        ),
        en("is that paid?", ("unpaid", "allowance"), context=("who's our treasurer nowadays?",)),
        nl("hoe bereik ik die?", (LOOMAN,), ("VNG",), context=("wie is de penningmeester?",)),
        en("how do I reach them?", (LOOMAN,), ("Represents",), context=("who is the treasurer?",)),
        nl(
            "en krijgt die daar iets voor?",
            ("onbezoldigd", "vergoeding"),
            context=("wie is de eerste vicevoorzitter?",),
            starts="Nee",
        ),
    ],
)

FILLED_HOW = _of(
    "how-appointed",
    [
        nl("waar komt de pijlersecretaris vandaan?", ("eigen organisatie",), kind="answer"),
        en("how does a pillar get its secretary?", ("own organisation",), ("Secretary General",)),
        en("where does the pillar secretary come from?", ("own organisation",)),
        nl("hoe komt een pijler aan een secretaris?", ("eigen organisatie",), ("tegemoetkoming",)),
    ],
)

TWO_FACETS = _of(
    "tasks",
    [
        nl(
            "wat doet de eerste vicevoorzitter en hoeveel uur kost het?",
            ("penningmeester", "lobbycoördinator", "twee tot maximaal vier uur"),
        ),
        en(
            "what does the second vice chair do and how much time does it take?",
            ("Second substitute", "strategic finance adviser", "Time commitment"),
        ),
        nl(
            "wat doet een pijlervoorzitter en wat voor iemand zoeken jullie?",
            ("Boegbeeld", "Procesgeoriënteerd"),
        ),
    ],
)

IN_THE_PROFILE = _of(
    "must",
    [
        en("does the first vice chair need governance experience?", ("profile",), starts="Yes"),
        nl("is mediavaardigheid vereist voor de pijlervoorzitter?", ("profiel",), starts="Ja"),
        nl(
            "is bestuurlijke ervaring een vereiste voor de tweede vicevoorzitter?",
            ("bestuurlijke ervaring",),
            starts="Ja",
        ),
        en("does the chair need to be good with the media?", ("Media-savvy",), starts="Yes"),
        nl("is netwerken belangrijk voor de pijlervoorzitter?", ("Netwerker",), starts="Ja"),
        nl("moet de pijlervoorzitter goed kunnen netwerken?", ("Netwerker",), starts="Ja"),
        en(
            "do the chair and the first vice chair have to be able to reach each other at odd "
            "hours?",
            ("irregular hours",),
            ("same competences",),
            starts="Yes",
        ),
        # A quality the chair's profile does not list: the profile, no Ja, no fallback.
        nl("moet de voorzitter procesgericht zijn?", ("Verbinder", "Mediavaardig"), ("Ja,",)),
        en("must the chair be process-oriented?", ("Connector", "Media-savvy"), ("Yes",)),
        nl(
            "moeten voorzitter en eerste vicevoorzitter ook buiten kantoortijden bereikbaar zijn?",
            ("ongeregelde tijden",),
            starts="Ja",
        ),
        en(
            "is it required that the chair and first vice chair can reach each other at "
            "irregular hours?",
            ("irregular hours",),
            starts="Yes",
        ),
    ],
)

CONSULT = _of(
    "how-often",
    [
        nl(
            "hoe vaak overleggen de pijlervoorzitter en de pijlersecretaris?",
            ("frequentie van afstemming",),
            ("extra belasting",),
        ),
        nl("hoe vaak spreekt de pijlersecretaris de pijlervoorzitter?", ("in overleg",)),
        nl(
            "hoe vaak overleggen de pijlervoorzitter en de pijlervicevoorzitter?",
            ("sparringpartner",),
        ),
        en(
            "how often do the pillar chair and the pillar vice chair consult?",
            ("sparring partner",),
            ("official support",),
        ),
        en(
            "how frequently do the pillar secretary and pillar chair coordinate?",
            ("agreed jointly",),
        ),
    ],
)

FOR_GOOD = _of(
    "what-if",
    [
        nl(
            "wat gebeurt er als de pijlervoorzitter Sociaal stopt?",
            ("Pijlervicevoorzitter Sociaal", "permanente vervanging", "instemming van de pijler"),
        ),
        en(
            "what happens if the pillar chair of Fysiek steps down?",
            ("Pillar vice chair Physical", "permanent replacement"),
        ),
        en("what if the pillar chair quits?", ("Pillar vice chair", "permanent replacement")),
        nl("wie volgt de pijlervoorzitter op als die stopt?", ("permanente vervanging",)),
    ],
)

WHAT_A_BODY_IS = _of(
    "body",
    [
        nl("wat is het AOT eigenlijk?", ("pijlersecretarissen", "5,0 fte")),
        en("what is the AOT exactly?", ("pillar secretaries", "5.0 FTE")),
    ],
)

WHO_IS_IN_A_PILLAR = _of(
    "body",
    [
        en(
            "who sits in pillar Sociaal?",
            ("Pillar chair Social", "Pillar vice chair Social", "Pillar secretary Social", VAN_NES),
            ("Pillar chair Physical", KONINGEN),
        ),
        nl(
            "wie zitten er in de pijler Economie en Werk?",
            ("Pijlervicevoorzitter Economie en Werk", "Pijlersecretaris Economie en Werk", LEISTRA),
            (KONINGEN, VAN_NES),
        ),
        en(
            "who are the members of the Fysiek pillar?",
            ("Pillar vice chair Physical", "Pillar secretary Physical", KONINGEN),
            (VAN_NES, LEISTRA),
        ),
    ],
)

WHY = _of(
    "knowledge",
    [
        nl(
            "waarom gaat de G40 opgavegericht werken?",
            ("beschikbare capaciteit",),
            ("Pijler Economie en Werk",),
        ),
        en("why the switch to task groups?", ("available capacity",), kind=None),
        nl(
            "waarom werkt de G40 voortaan met opgavegroepen?",
            ("beschikbare capaciteit",),
            kind=None,
        ),
        en(
            "why does the G40 work task-oriented?",
            ("available capacity",),
            ("Economy and Work pillar",),
        ),
    ],
)

ONE_PART_ONLY = _of(
    "planning",
    [
        nl(
            "gaan de verkiezingen volledig online?",
            ("digitaal", "10 en 11 september"),
            INVENTED_MONTHS_NL,
            starts="Nee",
        ),
        en(
            "are the elections entirely online?",
            ("online", "in person", "11 September"),
            INVENTED_MONTHS_EN,
            starts="No",
        ),
        nl("zijn de verkiezingen helemaal digitaal?", ("10 en 11 september",), starts="Nee"),
        en("is the election only online?", ("in person",), starts="No"),
        nl(
            "vinden de verkiezingen alleen op de netwerkdagen plaats?",
            ("digitaal", "netwerkdagen"),
            starts="Nee",
        ),
    ],
)

MORE_VARIANTS = [
    *_of(
        "tasks",
        [
            nl(
                "wat doet de algemeen secretaris en wat krijgt die ervoor?",
                ("Coördinatorenoverleg", "tegemoetkoming"),
            ),
        ],
    ),
    *_of(
        "must",
        [
            nl(
                "is ervaring als bestuurder nodig voor de voorzitter?",
                ("bestuurlijke ervaring",),
                starts="Ja",
            ),
        ],
    ),
    *_of(
        "what-if",
        [nl("wat als de voorzitter opstapt?", ("Eerste vicevoorzitter", "Tweede vicevoorzitter"))],
    ),
    *_of(
        "how-appointed",
        [nl("wie levert de pijlersecretaris?", ("eigen organisatie",))],
    ),
    *_of(
        "body",
        [
            en(
                "who is part of the Sociaal pillar?",
                ("Pillar vice chair Social", VAN_NES),
                (KONINGEN, LEISTRA),
            ),
            nl(
                "welke functies zijn er in de pijler fysiek?",
                ("Pijlervicevoorzitter Fysiek", "Pijlersecretaris Fysiek", KONINGEN),
            ),
            en("what is the pillar Sociaal?", ("Administrative leadership",)),
        ],
    ),
    *_of(
        "body",
        [
            en(
                "how many people sit on the executive board, are they all mayors?",
                ("six members", "three mayors and three aldermen"),
                starts=None,
            ),
            en("are they all mayors on the executive board?", ("three aldermen",), starts="No"),
            en(
                "who is in the Fysiek pillar?",
                ("Pillar vice chair Physical", "Pillar secretary Physical", KONINGEN),
                (VAN_NES, LEISTRA),
            ),
            en(
                "who are in the Economie en Werk pillar?",
                ("Pillar vice chair Economy and Work", LEISTRA),
                (KONINGEN, VAN_NES),
            ),
        ],
    ),
    *_of(
        "how-appointed",
        [
            en("who provides the pillar secretary?", ("own organisation",)),
            nl("hoe wordt iemand pijlersecretaris?", ("eigen organisatie",)),
            nl(
                "hoe wordt de tweede plv algemeen secretaris gekozen?",
                ("geen functie waarvoor verkiezingen",),
                ("tegemoetkoming",),
            ),
            en(
                "where does the secretary general come from?",
                ("not one of the posts filled by election",),
                ("allowance",),
            ),
        ],
    ),
    *_of(
        "planning",
        [
            en("are the elections fully in person?", ("online", "11 September"), starts="No"),
            nl(
                "is de verkiezing helemaal fysiek?", ("digitaal",), ("Pijler Fysiek",), starts="Nee"
            ),
            en("is the whole election digital?", ("in person",), starts="No"),
            en(
                "are the elections online or in person?",
                ("online", "in person", "11 September"),
                ("date not known yet",),
            ),
            nl("zijn de verkiezingen online of fysiek?", ("10 en 11 september",), ("Nee, het",)),
        ],
    ),
]

TYPO_IN_A_SIDE_WORD = _of(
    "word-form",
    [
        nl("wat is het aot eigelijk?", ("5,0 fte",), kind="answer"),
        en("what is the AOT exacty?", ("5.0 FTE",), kind="answer"),
    ],
)

# Note 4's own examples that the engine already answered before round 3: kept beside the
# new cases because the round-3 rules (follow-ups, yes/no clauses, pillar bodies) reach them.
ROUND3_GUARDS = [
    *_of(
        "holder",
        [
            nl("wie is de penningmeester?", ("eerste vicevoorzitter", LOOMAN)),
            en("who's our treasurer nowadays?", ("first vice chair", LOOMAN)),
            nl("wie doet de boekhouding van de G40?", ("eerste vicevoorzitter",)),
        ],
    ),
    *_of("how-appointed", [nl("hoe word je pijlersecretaris?", ("eigen organisatie",))]),
    *_of(
        "must",
        [nl("moet de voorzitter een netwerker zijn?", ("Netwerker",), starts="Ja")],
    ),
    *_of(
        "how-often",
        [
            nl("hoe vaak stemmen voorzitter en eerste vicevoorzitter af?", ("regelmatig",)),
            en(
                "how often does the pillar chair consult the pillar secretary?", ("agreed jointly",)
            ),
        ],
    ),
    *_of(
        "body",
        [
            nl(
                "hoeveel mensen zitten er in het DB, zijn het allemaal burgemeesters?",
                ("zes leden", "drie burgemeesters en drie wethouders"),
            ),
            en("how many members does the executive board have?", ("six members",)),
        ],
    ),
]

INFORMAL_TOPIC = _of(
    "tasks-by-topic",
    [
        nl("wie doet de PR?", ("tweede vicevoorzitter", "G40 communicatie")),
        en("who handles comms?", ("Second vice chair", "G40 communications")),
    ],
)

EARLIER_CLASSES = [
    *_of(
        "follow-up",
        [
            nl(
                "en de tweede plv?",
                ("0,3 fte",),
                context=("hoeveel tijd kost de plv algemeen secretaris",),
            ),
            en(
                "and the second deputy?",
                ("0.3 FTE",),
                context=("how much time does the deputy secretary general spend?",),
            ),
            nl(
                "en de tweede?",
                ("Tweede vervanger van de voorzitter",),
                context=("wat doet de eerste vicevoorzitter?",),
            ),
        ],
    ),
    *_of(
        "tasks-by-topic",
        [
            en(
                "who on the board takes care of lobby?",
                ("first vice chair",),
                ("keeps track",),
            )
        ],
    ),
]

# Note 5: wrong or poor answers testers saw, each class with nl and en variants.
ROUND4 = [
    # A full stop after an abbreviation ends no sentence: the line keeps its figure.
    *_of(
        "time",
        [
            # Several posts are no one card: no 'meer over de algemeen secretaris / ...'.
            nl(
                "welke functies kosten 0,75 fte?",
                ("tijdsbeslag is ca. 0,75 fte",),
                ("meer over de algemeen secretaris /",),
            ),
            en(
                "which roles take about 0.75 FTE?",
                ("commitment is approx. 0.75 FTE",),
                ("more about the Secretary General /",),
            ),
        ],
    ),
    # A role's facet with no role named, nor one discussed: which role? Then the facet of
    # the role picked.
    *_of(
        "clarify",
        [
            nl(
                "tijdsbeslag?",
                ("Voorzitter",),
                ("fte", "uur per week", "meer over"),
                kind="clarify",
            ),
            en(
                "how many hours?",
                ("Chair",),
                ("FTE", "hours per week", "more about"),
                kind="clarify",
            ),
            nl("wat verdien je?", ("Eerste vicevoorzitter",), ("onbezoldigd",), kind="clarify"),
        ],
    ),
    # Whom a role is supported by includes its supporters in the portfolios it holds.
    *_of(
        "relation",
        [
            nl(
                "wie ondersteunt de tweede vicevoorzitter?",
                ("strategisch adviseur financiën", "Adviseur CCV", "adviseur communicatie"),
            ),
            en(
                "who supports the second vice chair?",
                ("strategic finance adviser", "CCV adviser", "communications adviser"),
            ),
        ],
    ),
    # Standing as a candidate, however it is put: the how-to, not a role's card.
    *_of(
        "planning",
        [
            en("how can I stand for election?", ("/g40 candidacy",), ("network days",)),
            en("how do I run for the board?", ("/g40 candidacy",), ("day-to-day",)),
            en("how do I become chair?", ("/g40 candidacy",), ("VNG",)),
            nl("hoe word ik voorzitter?", ("/g40 kandidaat",), ("VNG",)),
            nl("hoe kan ik solliciteren op een functie?", ("/g40 kandidaat",)),
            # Asked right after something else, it is still about standing, not about that.
            en(
                "how do I become a candidate?",
                ("/g40 candidacy",),
                ("Tjeerd Leistra",),
                context=("contact pijler economie en werk",),
            ),
            nl(
                "hoe word ik kandidaat?",
                ("/g40 kandidaat",),
                ("Lotus van Nes",),
                context=("wie is de pijlersecretaris Sociaal?",),
            ),
        ],
    ),
    # A question about a role family names the family, not its first pillar's post.
    *_of(
        "pay",
        [
            nl(
                "krijg je als pijlervoorzitter een vergoeding?",
                ("de pijlervoorzitter is onbezoldigd",),
                ("pijlervoorzitter Sociaal is onbezoldigd",),
                starts="Nee",
            ),
            en(
                "do you get paid as a pillar chair?",
                ("the pillar chair is unpaid",),
                ("pillar chair Social is unpaid",),
                starts="No",
            ),
        ],
    ),
    # Pay: what the pay columns say (an allowance) first; no line that only holds a word
    # like it ('paying explicit attention').
    *_of(
        "pay",
        [
            nl(
                "Krijgt een pijlersecretaris betaald?",
                ("financiële tegemoetkoming",),
                ("werkprogramma", "niet vermeld"),
            ),
            en(
                "does a pillar secretary get paid?",
                ("financial allowance",),
                ("work programme", "not stated"),
            ),
            nl("Is de penningmeester onbezoldigd?", ("onbezoldigd", "vergoeding"), starts="Ja"),
            en("Is the treasurer unpaid?", ("unpaid", "allowance"), starts="Yes"),
        ],
    ),
    # Membership: a sentence with its articles, and no line about another board.
    *_of(
        "yes-no",
        [
            nl(
                "Is de voorzitter ook lid van het DB?",
                ("de voorzitter maakt deel uit van het Dagelijks Bestuur",),
                ("VNG",),
                starts="Ja",
            ),
            en(
                "is the chair also a member of the executive board?",
                ("the chair is part of the Executive Board",),
                ("VNG",),
                starts="Yes",
            ),
            nl(
                "zit de pijlervicevoorzitter in het DB?",
                ("de pijlervicevoorzitter maakt geen deel uit van het Dagelijks Bestuur",),
                starts="Nee",
            ),
        ],
    ),
    *_of(
        "holder",
        [
            en(
                "who is the treasurer?",
                ("The first vice chair holds the treasurer portfolio",),
                ("Treasurer is held",),
            ),
            en(
                "who holds lobby coordination?",
                ("The first vice chair holds the lobby coordination portfolio",),
            ),
        ],
    ),
    # "what is X?" where no line says what X is: whom to ask, not a line that uses the word.
    *_of(
        "knowledge",
        [
            nl("wat is een opgavetrekker?", (JAARSMA,), ("Stelt samen met",), kind="fallback"),
            en("what is a task lead?", (JAARSMA,), ("work programme",), kind="fallback"),
            nl("wat betekent opgavetrekker?", (JAARSMA,), ("Stelt samen met",), kind="fallback"),
            en("what are task leads?", (JAARSMA,), ("Tasks of the chair",), kind="fallback"),
            en("what does task lead mean?", (JAARSMA,), ("work programme",), kind="fallback"),
            nl("wat betekent AOT?", ("Ambtelijk Ondersteuningsteam", "5,0 fte")),
            nl("wat is een opgavegroep?", ("themagroepen",)),
            en("what is a task group?", ("theme groups",)),
        ],
    ),
    # "all" asked of a whole the sheet tells as counted parts: Nee; "all" of a line that
    # merely counts something else is no part.
    *_of(
        "yes-no",
        [
            nl(
                "zijn alle DB-leden burgemeester?",
                ("drie burgemeesters en drie wethouders",),
                starts="Nee",
            ),
            nl(
                "zijn de DB-leden allemaal wethouder?",
                ("drie burgemeesters en drie wethouders",),
                starts="Nee",
            ),
            en(
                "are all executive board members aldermen?",
                ("three mayors and three aldermen",),
                starts="No",
            ),
        ],
    ),
    *_of(
        "must",
        [
            nl("moet de voorzitter bij alle vergaderingen zijn?", ("noodzakelijk",), starts="Ja"),
            en("must the chair attend all meetings?", ("required",), starts="Yes"),
        ],
    ),
    # A profile asked with no role named: which role? ('nodig', 'needed' say nothing of what).
    *_of(
        "clarify",
        [
            nl(
                "wat voor vaardigheden zijn nodig?",
                ("Voorzitter",),
                ("opgavetrekkers",),
                kind="clarify",
            ),
            en("what skills are needed?", ("Chair",), ("Where needed",), kind="clarify"),
        ],
    ),
    # "speaks for" / "spreekt namens": who represents the G40.
    *_of(
        "tasks-by-topic",
        [
            en(
                "who speaks for the G40 in The Hague?",
                ("Chair", "Represents the G40"),
                ("Pillar secretary",),
            ),
            nl(
                "wie spreekt namens de G40 in Den Haag?",
                ("Voorzitter", "Vertegenwoordigt de G40"),
                ("Pijlersecretaris",),
            ),
        ],
    ),
    # A role family the sheet gives no profile: one line for the family, not one per pillar.
    *_of(
        "competences",
        [
            nl(
                "wat zijn de competenties van de pijlersecretaris?",
                ("geen competenties voor de pijlersecretaris.",),
                ("pijlersecretaris Sociaal.",),
            ),
            en(
                "what skills does a pillar secretary need?",
                ("no competences for the pillar secretary.",),
                ("Pillar secretary Social.",),
            ),
        ],
    ),
    # The place a membership question names, as typed, also when read as one term.
    *_of(
        "members",
        [
            nl(
                "is Den Haag ook lid van de G40?",
                ("Den Haag staat niet",),
                ("denhaag",),
                starts="Nee",
            ),
            en("is The Hague a member?", ("The Hague is not",), starts="No"),
        ],
    ),
    # Den Haag / The Hague: central government and parliament.
    *_of(
        "tasks-by-topic",
        [
            en("who represents the G40 in The Hague?", ("Chair", "House of Representatives")),
            nl("wie vertegenwoordigt de G40 in Den Haag?", ("Voorzitter", "Tweede Kamer")),
        ],
    ),
    *_of(
        "follow-up",
        [
            # A follow-up keeps the thread's subject, through a pronoun or none at all.
            nl(
                "hoeveel tijd kost dat?",
                ("twee tot vier uur per week",),
                ("0,75 fte", "Wat bedoel je"),
                context=("wie is de voorzitter?", "en wat doet die?"),
            ),
            en(
                "how much time does it take?",
                ("two to four hours",),
                ("0.75 FTE", "What do you mean"),
                context=("who is the chair?", "and what do they do?"),
            ),
            nl(
                "hoeveel tijd kost het?",
                ("twee tot vier uur per week",),
                ("Wat bedoel je",),
                context=("wie is de voorzitter?",),
            ),
            nl(
                "tijdsbeslag?",
                ("twee tot maximaal vier uur",),
                ("0,75 fte",),
                context=("wie is de penningmeester?", "krijgt die daar iets voor?"),
            ),
            # A follow-up that names its own subject asks its own facet of it.
            nl(
                "hoeveel tijd kost de pijlersecretaris?",
                ("0,75 fte",),
                ("Vervangt bij gelegenheid",),
                context=("wie is de voorzitter?",),
            ),
            en(
                "how much does a pillar secretary earn?",
                ("financial allowance",),
                ("two to four hours",),
                context=("who is the chair?",),
            ),
            # Another pillar named: the same post there.
            nl(
                "en van Fysiek?",
                ("Pijlersecretaris Fysiek", KONINGEN),
                ("Pijlervoorzitter Fysiek",),
                context=("wie is de secretaris van pijler Sociaal?",),
            ),
            en(
                "and for Physical?",
                ("Pillar secretary Physical", KONINGEN),
                ("Pillar chair Physical",),
                context=("who is the pillar secretary for Social?",),
            ),
            # The full card shows what the sheet holds, and one line for what it does not.
            nl(
                "meer",
                ("Taken van de pijlervicevoorzitter:", "op voordracht", "geen competenties"),
                ("staan geen competenties", "niet vermeld"),
                context=("wie is de pijlervicevoorzitter?",),
            ),
            en(
                "more",
                ("Tasks of the pillar vice chair:", "nomination of the pillar", "no competences"),
                ("lists no competences", "not stated"),
                context=("who is the pillar vice chair?",),
            ),
            nl("1", ("twee tot vier uur per week",), context=("tijdsbeslag?",)),
            en("2", ("two to at most four hours",), context=("time commitment?",)),
        ],
    ),
]

# Gaps testers found (issue 12), each by its class.
ROUND5 = [
    # Members do not know what "the sheet" is: what the overview does not hold is said plainly.
    *_of(
        "relation",
        [
            nl(
                "welke portefeuille heeft de pijlersecretaris fysiek?",
                ("geen portefeuille", KONINGEN),
                ("sheet",),
            ),
            en("who does the pillar chair support?", ("no one",), ("sheet",), kind=None),
        ],
    ),
    *_of(
        "pay",
        [
            en("does the voorzitter get an allowance?", ("unpaid",), ("sheet",), starts="No"),
            nl("krijgt de voorzitter een vergoeding?", ("onbezoldigd",), ("sheet",), starts="Nee"),
        ],
    ),
    # A contact question naming a pillar misspelt as it sounds ('pilar', 'fysical'): that
    # pillar's contact, never a line that shares a word with the question; a name missed by
    # more than a typo is offered, not replaced by such a line.
    *_of(
        "contact",
        [
            en(
                "who can i call about pilar fysical?",
                (KONINGEN,),
                (VAN_NES, LEISTRA, "new working title", "theme groups"),
            ),
            en("who do I phone about the fysical pilar?", (KONINGEN,), (VAN_NES, LEISTRA)),
            nl("wie kan ik bellen over de fysical pijler?", (KONINGEN,), (VAN_NES, LEISTRA)),
            en(
                "who can i call about piler fysicl?",
                ("Physical pillar",),
                ("new working title", "theme groups"),
                kind="clarify",
            ),
        ],
    ),
    # The network's own finances are its treasurer's, not the portfolio on the municipalities'
    # finances that the bare word also names.
    *_of(
        "side-word",
        [
            en("finances of the G40", ("treasurer", LOOMAN), ("Municipal finances",)),
            nl(
                "wie doet de financien van het netwerk?",
                ("penningmeester", LOOMAN),
                ("Gemeentefinanciën", LANGENDIJK),
            ),
            en("who looks after the network's finance?", ("treasurer",), ("Municipal finances",)),
            # The municipalities' finances stay the portfolio's.
            en("finances of the municipalities in the G40", ("Municipal finances",)),
        ],
    ),
    # Whether a post sits in a pillar: the pillar's members settle it, Ja or Nee first, also
    # when the pillar's name is the one the post's own name ends in.
    *_of(
        "yes-no",
        [
            nl(
                "is de pijlersecretaris lid van de pijler Sociaal?",
                ("maakt deel uit van de Pijler Sociaal",),
                starts="Ja",
            ),
            en(
                "is the pillar chair a member of the Physical pillar?",
                ("part of the Physical pillar",),
                starts="Yes",
            ),
            nl("zit de pijlervoorzitter sociaal in de pijler economie en werk?", (), starts="Nee"),
            en("is the pillar chair Social a member of the Physical pillar?", (), starts="No"),
        ],
    ),
    # A sentence built from the sheet's names reads as a person writes it: the thing chaired
    # named once, with its article.
    *_of(
        "holder",
        [
            en(
                "who holds pillar Sociaal?",
                ("The Social pillar is chaired by the pillar chair.", VAN_NES),
                ("chairs Social pillar",),
            ),
            en("who's got the economie pillar", ("is chaired by the pillar chair", LEISTRA)),
            nl(
                "wie heeft pijler fysiek",
                ("Pijler Fysiek wordt voorgezeten door de pijlervoorzitter.", KONINGEN),
            ),
        ],
    ),
    *_of(
        "yes-no",
        [
            en(
                "is the executive board chaired by the chair?",
                ("Yes, the Executive Board is chaired by the chair.",),
                starts="Yes",
            ),
            nl(
                "wordt het db voorgezeten door de voorzitter?",
                ("Ja, het Dagelijks Bestuur wordt voorgezeten door de voorzitter.",),
                starts="Ja",
            ),
            nl(
                "zijn de db functies betaald?",
                ("de functies van het Dagelijks Bestuur zijn onbezoldigd",),
                starts="Nee",
            ),
        ],
    ),
    # How often "it" meets, after a question on a body: that body's rhythm; the verbs of
    # meeting are no words a line must hold ('board meetings').
    *_of(
        "follow-up",
        [
            en(
                "how often does it meet?",
                ("does not say how often", JAARSMA),
                ("prepares the network days",),
                context=("what is the AOT?",),
            ),
            nl(
                "hoe vaak komt het bijeen?",
                ("staat niet hoe vaak het Ambtelijk Ondersteuningsteam", JAARSMA),
                context=("wat is het AOT?",),
            ),
            nl(
                "hoe vaak vergadert het?",
                ("staat niet hoe vaak",),
                ("netwerkdagen",),
                context=("wat doet het coordinatorenoverleg?",),
            ),
        ],
    ),
    *_of(
        "how-often",
        [
            en(
                "how often are there meetings of the AOT?",
                ("does not say how often",),
                ("prepares the network days",),
            ),
        ],
    ),
]

# Round 6 (issue 12, answer classes). A role named in full keeps its name beside a pillar: the
# pillar is the body asked about, not part of another role's name.
ROUND6 = [
    *_of(
        "yes-no",
        [
            nl(
                "is de algemeen secretaris lid van pijler sociaal?",
                ("algemeen secretaris",),
                ("pijlersecretaris Sociaal",),
                starts="Nee",
            ),
            nl(
                "hoort de tweede vicevoorzitter bij pijler fysiek?",
                ("tweede vicevoorzitter",),
                ("pijlervicevoorzitter Fysiek",),
                starts="Nee",
            ),
            en(
                "is the secretary general a member of the social pillar?",
                ("Secretary General",),
                ("pillar secretary",),
                starts="No",
            ),
            en(
                "is the first vice-chair part of the physcal pillar?",
                ("first vice chair",),
                ("pillar vice chair",),
                starts="No",
            ),
            # The Nee names the two things as asked, and no line about something else.
            nl(
                "hoort de pijlervoorzitter sociaal bij pijler economie en werk?",
                ("pijlervoorzitter Sociaal maakt geen deel uit van de Pijler Economie",),
                ("verkiezingen",),
                starts="Nee",
            ),
            en(
                "is the social pillar chair a member of the economy and work pillar?",
                ("pillar chair Social is not part of the Economy and Work pillar",),
                ("spokesperson",),
                starts="No",
            ),
            # A person named: whether the posts they hold sit there.
            nl(
                "zit Gerdien Looman in het dagelijks bestuur?",
                ("plv. algemeen secretaris",),
                starts="Nee",
            ),
            en("is Marc Jaarsma on the executive board?", ("Secretary General",), starts="No"),
        ],
    ),
    # 'die persoon', 'that person', 'zij': the post or person just discussed, asked about the
    # body the follow-up names, not the body alone.
    *_of(
        "follow-up",
        [
            nl(
                "zit die persoon in het dagelijks bestuur?",
                ("pijlervicevoorzitter maakt geen deel uit",),
                context=("wat doet de pijlervicevoorzitter?",),
                starts="Nee",
            ),
            en(
                "is that person on the executive board?",
                ("Secretary General is not part of the Executive Board",),
                context=("what does the secretary general do?",),
                starts="No",
            ),
            nl(
                "zit zij in het DB?",
                ("plv. algemeen secretaris",),
                context=("wie is Gerdien Looman?",),
                starts="Nee",
            ),
        ],
    ),
    # Asking the bot to do something: a task for a person, whatever word it shares with a line.
    *_of(
        "off-topic",
        [
            nl(
                "kun je een lunch bestellen voor de vergadering",
                (JAARSMA,),
                ("Ja,", "Nee,", *ROLE_FACTS),
                kind="fallback",
            ),
            nl(
                "kunt u een afspraak inplannen met de burgemeester?",
                (JAARSMA,),
                ROLE_FACTS,
                kind="fallback",
            ),
            en(
                "can you schedule a meeting with the mayor",
                (JAARSMA,),
                ("September", *ROLE_FACTS),
                kind="fallback",
            ),
            en(
                "could you book a room for the executive board meeting?",
                (JAARSMA,),
                ("once every three weeks", *ROLE_FACTS),
                kind="fallback",
            ),
        ],
    ),
    # A post's name joined with -functie, -rol, -post: the post itself.
    *_of(
        "word-form",
        [
            nl("hoeveel uur is de voorzittersrol", ("twee tot vier uur",), ("5,0 fte",)),
            nl("penningmeesterspost", ("eerste vicevoorzitter", LOOMAN)),
            nl(
                "wat houdt de penningmeestersfunctie in?",
                ("penningmeester", "eerste vicevoorzitter"),
                ("<secretaris@",),
            ),
        ],
    ),
    # One word several posts share, and nothing else: which post (the one it names first).
    *_of(
        "clarify",
        [
            nl("secretaris", ("Algemeen secretaris", "Pijlersecretaris"), kind="clarify"),
            en("the secretary?", ("Secretary General", "Pillar secretary"), kind="clarify"),
            nl(
                "2",
                ("Pijlersecretaris Fysiek", KONINGEN),
                (JAARSMA,),
                context=("Secretaris?",),
            ),
        ],
    ),
    # A body's name joined to 'functies' / 'posts' by a hyphen: the posts that sit in it.
    *_of(
        "body",
        [
            nl("welke db-functies zijn er", ("Tweede vicevoorzitter", "Pijlervoorzitter Fysiek")),
            en(
                "what are the db posts?",
                ("Second vice chair", "Pillar chair Physical"),
                ("unpaid",),
            ),
            nl("welke AOT-functies zijn er?", ("Lobbycoördinator", "Pijlersecretaris Sociaal")),
        ],
    ),
    # Off-topic words are real words, not typos of a name: no 'did you mean'.
    *_of(
        "off-topic",
        [
            en(
                "what's the capital of france",
                (JAARSMA,),
                ("Did you mean", "finances"),
                kind="fallback",
            ),
            nl(
                "wat is de hoofdstad van frankrijk",
                (JAARSMA,),
                ("Bedoelde je", "financiën"),
                kind="fallback",
            ),
        ],
    ),
    # What an office outside the network pays is not in the overview: no choice of the
    # network's own posts, no line about who sits in the DB.
    *_of(
        "pay",
        [
            nl("wat verdient een wethouder?", (JAARSMA,), ("drie wethouders",), kind="fallback"),
            en("salary of a mayor", (JAARSMA,), ("What do you mean",), kind="fallback"),
            en("what does an alderman earn?", (JAARSMA,), ROLE_FACTS, kind="fallback"),
        ],
    ),
    # 'meer over' a body names it with its article.
    *_of(
        "body",
        [
            nl("wat doet het DB eigenlijk?", ("meer over het Dagelijks Bestuur'",)),
            en("what does the executive board do?", ("more about the Executive Board'",)),
            nl(
                "zijn de db-functies betaald?",
                ("meer over het Dagelijks Bestuur'",),
                ("de dagelijks Bestuur",),
                starts="Nee",
            ),
        ],
    ),
]

# Issue 12, round 7: classes that answered about the wrong thing.
ROUND7 = [
    # Who supports X, where the sheet names no supporter of X: said plainly, never X's own
    # line about whom X supports ('Ondersteunt de eerste vicevoorzitter ...', 'partijen die
    # de G40 ondersteunen') as if it answered the question.
    *_of(
        "relation",
        [
            nl(
                "wie ondersteunt de plv. algemeen secretaris?",
                ("staat niet wie de plv. algemeen secretaris ondersteunt",),
                ("in al zijn taken",),
            ),
            en(
                "who supports Gerdien Looman?",
                ("does not say who supports the Deputy Secretary General",),
                ("in all their tasks",),
            ),
            nl(
                "wie ondersteunt de algemeen secretaris?",
                ("staat niet wie de algemeen secretaris ondersteunt",),
                ("partijen die de G40",),
            ),
            nl(
                "wie ondersteund de plv algemeen secretaris",
                ("staat niet wie", "ondersteunt zelf de eerste vicevoorzitter"),
                ("in al zijn taken",),
            ),
            en(
                "who gives support to the secretary-general?",
                ("does not say who supports", "itself supports the chair"),
                ("parties that support the G40",),
            ),
        ],
    ),
    # A pronoun for the stand-in just given, away as well: the next in the same order (or
    # none), not the stand-ins of someone else the answer happened to mention.
    *_of(
        "follow-up",
        [
            nl(
                "en als die ook weg is?",
                ("tweede vicevoorzitter",),
                (LOOMAN, "1. Eerste vicevoorzitter"),
                context=("wie vervangt de voorzitter?",),
            ),
            nl(
                "en als hij er ook niet is?",
                ("tweede vicevoorzitter",),
                ("1. Eerste vicevoorzitter",),
                context=("wie vervangt de voorzitter?",),
            ),
            en(
                "and if they are away too?",
                ("second vice chair",),
                (LOOMAN, "1. First vice chair"),
                context=("who stands in for the chair?",),
            ),
            en(
                "what if that person is also absent?",
                ("second vice chair",),
                ("1. First vice chair",),
                context=("who stands in for the chair?",),
            ),
            nl(
                "en als die ook ziek is?",
                ("geen verdere vervanger",),
                (LOOMAN,),
                context=("wie vervangt de voorzitter?", "en als de eerste vice ook afwezig is?"),
            ),
            en(
                "and if she is also away?",
                ("no stand-in for the Secretary General after",),
                context=("who deputises for the secretary general?",),
            ),
            en(
                "and if they are away?",
                ("first vice chair", "second vice chair"),
                (LOOMAN,),
                context=("who is the chair?",),
            ),
        ],
    ),
    # A place with a membership phrase: Yes/No on membership (Gemeenten tab), whatever the
    # phrase shares with a name ('part' of the election's 'digital part', 'onderdeel').
    *_of(
        "members",
        [
            en("is rotterdam part of the g40?", ("Rotterdam",), ("Digital part",), starts="No"),
            en("is rotterdam part of the network?", ("Rotterdam",), starts="No"),
            en("is eindhoven part of the network?", ("Eindhoven",), starts="Yes"),
            en("is Utrecht part of the G40", ("Utrecht",), starts="No"),
            nl(
                "is utrecht onderdeel van de g40?",
                ("Utrecht",),
                ("Pijlersecretaris",),
                starts="Nee",
            ),
            nl("hoort rotterdam bij het netwerk?", ("Rotterdam",), starts="Nee"),
            en("is leeuwarden part of the netwerk?", ("Leeuwarden",), starts="Yes"),
        ],
    ),
    # Other words for the time a post takes, and a slip of the key in a long one.
    *_of(
        "time",
        [
            nl("tijdsbesteding voorzitter", ("twee tot vier uur",)),
            nl("wat is de tijdsbesteding van een pijlersecretaris?", ("0,75",)),
            nl("hoe tijdrovend is de functie van voorzitter?", ("twee tot vier uur",)),
            nl("tijdsinvestring penningmeester", ("twee tot maximaal vier uur",)),
            nl("hoeveel uurtjes kost de plv algemeen secretaris?", ("0,75",)),
            en("how busy is the treasurer?", ("two to at most four hours",)),
            en("how demanding is the chair role timewise?", ("two to four hours",)),
        ],
    ),
    # Whether a date is known: Nee/No while the Planning tab has none, Ja/Yes with the dates.
    *_of(
        "planning",
        [
            nl(
                "is er al een datum voor het digitale deel?",
                (),
                INVENTED_MONTHS_NL,
                starts="Nee",
            ),
            nl(
                "weten we al wanneer de kandidaatstelling sluit?",
                (),
                INVENTED_MONTHS_NL,
                starts="Nee",
            ),
            nl("staat de datum van het digitale deel al vast?", (), starts="Nee"),
            nl(
                "is er al een datum voor de netwerkdagen?",
                ("10 en vrijdag 11 september",),
                starts="Ja",
            ),
            en("do we know when the online vote is?", (), INVENTED_MONTHS_EN, starts="No"),
            en("is there a date yet for the network days?", ("11 September",), starts="Yes"),
        ],
    ),
]

# A yes/no whose own line says the other side (online vs fysiek, in person) answers no: the
# line "drie keer per jaar fysiek" once opened with "Ja" to "zijn de netwerkdagen online?".
OPPOSITE_SIDE = _of(
    "yes-no",
    [
        nl("zijn de netwerkdagen online?", ("fysiek",), starts="Nee"),
        nl("zijn de netwerkdagn digitaal?", ("fysiek",), starts="Nee"),
        en("are the network days held online?", ("in person",), starts="No"),
        en("do the network days take place online?", ("person",), starts="No"),
        en("is the DB meeting always in person?", ("online",), starts="No"),
        nl("vergadert het db altijd digitaal?", ("fysiek",), starts="Nee"),
    ],
)

# Whether a post is bestuurlijk or ambtelijk (the Functies tab's 'soort'): a yes or a no from the
# sheet, not "dat weet ik niet".
KIND_OF_POST = _of(
    "yes-no",
    [
        nl("is de lobbycoördinator een bestuurder?", ("ambtelijke",), starts="Nee"),
        nl("is de penningmeester een ambtenaar?", ("bestuurlijke",), starts="Nee"),
        nl("is de pijlersecretaris ambtelijk?", ("ambtelijke",), starts="Ja"),
        nl("is de lobbycoordinatr een ambtenaar?", ("ambtelijke",), starts="Ja"),
        en("is the treasurer a politician?", ("elected official",), starts="Yes"),
        en("is the lobby coordinator a politician?", ("civil servant",), starts="No"),
    ],
)

# A contact question whose topic is a portfolio's name: its holder and contact, not a line that
# only uses the word ('communicating about the elections') with the portfolio offered beside it.
TOPIC_CONTACT = _of(
    "contact",
    [
        # The Dutch answer names the supporting adviser; the English one must as well.
        en(
            "who do I ask about communications?",
            (LANGENDIJK, "second vice chair", "Strategic communications adviser"),
        ),
        en("who do i ask abuot communication?", (LANGENDIJK, "second vice chair")),
    ],
)

# --- round 8: a post asked of the pillar or body just discussed ('daar', 'its') --------------
POST_THERE = _of(
    "follow-up",
    [
        nl(
            "en wie is daar de voorzitter van?",
            ("Pijlervoorzitter Sociaal",),
            ("Ondersteuning: Algemeen secretaris",),
            context=("wie kan ik mailen over de pijler sociaal?",),
        ),
        en(
            "and who is its secretary?",
            ("Pillar secretary Social",),
            ("Secretary General",),
            context=("wie kan ik mailen over de pijler sociaal?",),
        ),
        nl(
            "wie is daar de vice?",
            ("Pijlervicevoorzitter Sociaal",),
            ("Eerste vicevoorzitter",),
            context=("wie kan ik mailen over de pijler sociaal?",),
        ),
        nl(
            "wie is er de secretaris van?",
            ("Pijlersecretaris Economie en Werk",),
            context=("wat doet de pijler economie en werk?",),
        ),
        en(
            "who is their vice chair?",
            ("Pillar vice chair Physical",),
            ("First vice chair",),
            context=("what does the Physical pillar do?",),
        ),
        nl(
            "wie is daar de voorzitter van?",
            ("Algemeen secretaris", JAARSMA),
            ("Taken van de voorzitter",),
            context=("wat doet het AOT?",),
        ),
        nl(
            "wie is de voorzitter?",
            ("Ondersteuning: Algemeen secretaris",),
            ("Pijlervoorzitter",),
            context=("wie kan ik mailen over de pijler sociaal?",),
        ),
    ],
)


# --- round 8: yes/no on how a body meets, in any verb for meeting ----------------------------
HOW_A_BODY_MEETS = _of(
    "yes-no",
    [
        nl("komt het DB fysiek bij elkaar?", ("elk kwartaal fysiek",), starts="Ja"),
        nl("komt het db ook digitaal bij elkaar?", ("drie weken digitaal",), starts="Ja"),
        en(
            "does the executive board come together in person?",
            ("every quarter in person",),
            starts="Yes",
        ),
        nl(
            "komt het dagelijks bestuur ook live samen?",
            ("elk kwartaal fysiek",),
            ("nieuwe bestuursperiode",),
        ),
    ],
)


# --- round 8: a topic's informal short name, and whom to ask about a topic -------------------
TOPIC_SHORT_NAME = _of(
    "contact",
    [
        en(
            "who should I ask about comms?",
            ("mlangendijk@haarlem.nl", "Strategic communications adviser"),
            ("elections",),
        ),
        en("who shoud i ask about pr?", ("mlangendijk@haarlem.nl",), ("elections",)),
        nl(
            "wie kan ik benaderen over financien?",
            ("mlangendijk@haarlem.nl", "Gemeentefinanciën"),
            ("opgavegerichte",),
        ),
        nl(
            "wie kan ik benaderen over de lobby?",
            ("g.looman@enschede.nl", "Lobbycoördinator"),
        ),
    ],
)


# How a post of every pillar is filled: said of the post, with the sheet's own sentence, not a
# line that only shares a word ('Draagt zorg voor') nor the election line of its first pillar.
GENERIC_POST_APPOINTED = _of(
    "how-appointed",
    [
        nl(
            "hoe word je pijlervoorzitter, wie draagt je voor?",
            ("op voordracht van de pijler",),
            ("Draagt zorg", "pijlervoorzitter Sociaal is een"),
        ),
        nl(
            "hoe wordt de pijlervoorzitter benoemd?",
            ("op voordracht van de pijler",),
            ("pijlervoorzitter Sociaal is een",),
        ),
        en(
            "how is a pillar vice chair appointed?",
            ("nomination of the pillar",),
            ("pillar vice chair Social is",),
        ),
        nl(
            "wie draagt de pijler vicevoorzitter voor?",
            ("op voordracht van de pijler",),
            ("Sociaal is een",),
        ),
    ],
)


# An errand for the bot ('stuur ... een mailtje', 'bel ...'): it says it cannot, then whom to reach.
ERRAND = _of(
    "contact",
    [
        nl(
            "stuur marc even een mailtje dat ik later kom",
            ("kan zelf geen e-mail sturen", "secretaris@g40stedennetwerk.nl"),
        ),
        en("mail Gerdien for me", ("cannot send e-mail", "g.looman@enschede.nl")),
        nl("bel de voorzitter", ("kan zelf geen", "secretaris@g40stedennetwerk.nl"), ("bedoel",)),
        en("call the pillar chair of Fysiek pls", ("cannot", "mckoningen-miedema@almere.nl")),
    ],
)


EXTRA_CASES: list[Case] = [
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
    *EXPECTED,
    *TREASURER,
    *TREASURER_PAID,
    *FILLED_HOW,
    *TWO_FACETS,
    *IN_THE_PROFILE,
    *CONSULT,
    *FOR_GOOD,
    *WHAT_A_BODY_IS,
    *WHO_IS_IN_A_PILLAR,
    *WHY,
    *ONE_PART_ONLY,
    *MORE_VARIANTS,
    *TYPO_IN_A_SIDE_WORD,
    *ROUND3_GUARDS,
    *INFORMAL_TOPIC,
    *EARLIER_CLASSES,
    *ROUND4,
    *ROUND5,
    *ROUND6,
    *ROUND7,
    *OPPOSITE_SIDE,
    *KIND_OF_POST,
    *TOPIC_CONTACT,
    *POST_THERE,
    *HOW_A_BODY_MEETS,
    *TOPIC_SHORT_NAME,
    *GENERIC_POST_APPOINTED,
    *ERRAND,
]
