"""The words a question is read with: function words, question words, what a question asks
about a thing (its facets), and the few domain synonyms the sheet's own text cannot supply.

Everything here is about the language of questions, never about the content of the sheet: no
name, person, date or number of the network appears in this module.
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Never part of a name: removed before names are matched ("economie en werk" -> economie werk).
STOPWORDS = _set(
    "de het een van der den the of a an en and g40 in op voor for bij at to naar over about "
    "met with s"
)
# Question words: never part of a name, so never fuzzy-matched against one.
QUESTION_WORDS = _set(
    "wie wat waar hoe welke welk is zijn heeft hebben who what which how are has have holds "
    "hold houder holder bekleedt vervult ik je jij u mijn my i you can could kan kun mag moet "
    "wil graag please tell me vertel zit zitten sits sit er dit dat deze die this that nu "
    "momenteel currently now huidige current iemand someone persoon person rol role functie "
    "function doe moeten should would does do doet doen job jobs whose"
)
# Words a question may carry that say nothing about its subject: they are never the reason to
# prefer one passage over another, and never the sign of an unknown topic.
FILLER = _set(
    "beheert beheren regelt regelen verzorgt handles handle manages manage looks look after "
    "takes care runs deals charge maakt maken make makes made houdt houden zet zetten geeft "
    "legt leggen "
    "geven gives give vragen find vind vinden lees read howmany sinds kort recently hoelaat "
    "whattime komt komen come comes altijd always dezelfde zelfde same old oude "
    "eigenlijk precies even graag weten wil wilt willen zou zouden kunnen vertellen vraag "
    "vraagje benieuwd kun kunt jullie we wij ons onze our us weet know knows like would want "
    "wants need needs exactly actually again nog ook also too still alle all elke each every "
    "welk welke which waar where wanneer when waarom why hoeveel many much veel more meer "
    "heel erg very really just alleen only dan then als if when wordt worden is zijn was were "
    "be been being are am ben bent heeft hebben had has have having doet doen did does do done "
    "waren "
    "er there here hier iets something anything niets nothing wel geen niet not no yes ja nee "
    "hij zij ze hem haar hun zijn his her their they them he she it its deze dit die dat "
    "this that these those de het een the a an van of voor for in op on at bij by met with "
    "naar to over about uit from aan om door als zo so en and of or maar but dus so toch "
    "moet moeten must should mag mogen may might kan can could gaat gaan go goes going "
    "krijg krijgt krijgen get gets got staat staan stand stands ligt lies men one iemand "
    "someone somebody persoon person mensen people g40 g40s stedennetwerk cities network "
    "netwerk s t re ll ve d m nowadays tegenwoordig presently today vandaag thans "
    "betekent betekenen betekenis mean means meaning"
)
# Words that never make a question about something else: the network itself.
GENERIC = _set("netwerk network stedennetwerk g40 steden cities")
# "naam van de algemeen secretaris graag", "hoe heet de voorzitter?": the holder is asked.
# Public offices outside the network's own posts: what they earn is not in the overview.
OUTSIDE_POSTS = _set(
    "wethouder wethouders burgemeester burgemeesters raadslid raadsleden gemeenteraadslid "
    "minister ministers staatssecretaris kamerlid kamerleden gedeputeerde commissaris "
    "alderman aldermen mayor mayors councillor councillors councilor councilors mp mps"
)
# "kun je een lunch bestellen?", "can you schedule a meeting?": asking the bot to do
# something; these verbs ask it to say or find what it knows instead.
ASK_TO_DO = frozenset(
    {("kun", "je"), ("kan", "je"), ("kunt", "u"), ("kunt", "je"), ("wil", "je"), ("wilt", "u")}
    | {("can", "you"), ("could", "you"), ("would", "you"), ("will", "you")}
)
INFO_VERBS = _set(
    "vertellen vertel zeggen zeg uitleggen leg laten zien geven geef noemen noem vinden vind "
    "opzoeken zoeken zoek helpen help sturen stuur mailen delen "
    "tell say explain show give name find look search help send share list"
)
REQUEST_WORDS = _set("naam name heet heten called named graag please svp aub")
# Search's function words: what BM25 should not count at all.
SEARCH_STOPWORDS = (
    FILLER
    | QUESTION_WORDS
    | _set(
        "ca o a etc bv bijvoorbeeld e g eg i e ie wie wat hoe who what how ander andere other "
        "indien mits tenzij zodat omdat as "
        "others mede onder under between tussen per tot until up binnen within vanuit "
        "out into te"
    )
) - _set("netwerk network cities")

FACETS: dict[str, frozenset[str]] = {
    "tasks": _set(
        "doet doen does do taken taak takenpakket taakomschrijving omschrijving "
        "functieomschrijving beschrijving verantwoordelijkheden verantwoordelijk tasks task "
        "duties duty responsibilities responsible description inhoud involve involves "
        "entail entails"
    ),
    "competences": _set(
        "competenties competentie vaardigheden eisen profiel kwaliteiten competences "
        "competencies competence skills requirements profile qualities ervaring experience "
        "eigenschappen eigenschap capaciteiten traits characteristics capabilities skillset"
    ),
    "time": _set(
        "tijdsbeslag tijdsbelasting tijd uur uren fte tijdsinvestering werkdruk time hours "
        "commitment workload week weekly wekelijks tijdsbesteding tijdbesteding tijdbeslag "
        "tijdsinzet tijdrovend tijdsintensief uurtjes druk timewise busy demanding"
    ),
    "paid": _set(
        "betaald bezoldigd onbezoldigd bezoldiging vergoeding salaris betaling geld verdient "
        "verdien verdienen paid unpaid salary pay compensation allowance remuneration earn earns "
        "tegemoetkoming betaalt salaried betaalde bezoldigde onbetaald fee fees pays paying "
        "betalen gefinancierd funded compensated reimbursed remunerated vergoed beloond "
        "beloning"
    ),
    "support": _set(
        "ondersteunt ondersteund ondersteuning ondersteunen ondersteuner helpt support "
        "supports supported supporting supporter assists assist"
    ),
    "deputies": _set(
        "vervangt vervanger vervangers vervanging vervangen waarnemer waarneming replaces "
        "replace substitute substitutes replacement standin deputises deputizes invalt "
        "invaller standin waarnemen waarnemend backs backup"
    ),
    "contact": _set(
        "contact contacten contactpersoon contactgegevens mail email e mailadres emailadres "
        "mailen bereiken bereik bellen telefoon telefoonnummer aanspreekpunt informatie info reach "
        "phone call whom contacting details address adres ask terecht benaderen benader"
    ),
}
# "wat voor iemand zoeken jullie?", "what kind of person are you looking for?", "wat moet je
# kunnen?": the profile a role asks for, its competences.
KIND_OF = frozenset(
    {
        ("wat", "voor"),
        ("what", "kind"),
        ("what", "sort"),
        ("what", "type"),
        ("welk", "soort"),
        ("welke", "soort"),
        ("wat", "soort"),
        ("welk", "type"),
        ("which", "kind"),
    }
)
PERSON_WORDS = _set(
    "iemand persoon mensen kandidaat kandidaten bestuurder type profiel someone person people "
    "candidate candidates profile somebody"
)
SEEK_WORDS = _set(
    "zoeken zoekt gezocht zoek looking seek seeking sought wanted verwacht verwachten expect "
    "expected"
)
# "wat wordt van de voorzitter verwacht?", "what's expected of ...": its tasks, unless the
# question asks what kind of person is expected (its competences).
EXPECT_WORDS = _set(
    "verwacht verwachten verwachting verwachtingen expected expect expects expectations"
)
# "krijgt die daar iets voor?", "do they get anything for it?": whether a role is paid.
RECEIVE_WORDS = _set("krijg krijgt krijgen ontvangt ontvangen get gets receive receives")
SOMETHING_WORDS = _set("iets wat anything something daarvoor ervoor hiervoor")
ABILITY_WORDS = _set("kunnen beheersen able capable")
# Salary words ask whether a role is paid; allowance words whether there is an allowance.
ALLOWANCE_WORDS = _set(
    "vergoeding tegemoetkoming allowance compensation onkostenvergoeding fee fees compensated "
    "vergoed"
)
# A role's tasks are a "what does it do" question only with a strong word; 'doet' is grammar
# in "wie doet financiën?" and "how much time does it take".
WEAK_TASK_WORDS = _set("doet doen does do")
WHAT_DOES = frozenset({("wat", "doet"), ("wat", "doen"), ("what", "does"), ("what", "do")})
PLANNING_WORDS = _set(
    "wanneer when planning datum data dates date schedule verkiezing verkiezingen "
    "election elections fase fases phase phases deadline deadlines tijdlijn timeline tijdpad "
    "kalender calendar"
)
CANDIDACY_WORDS = _set(
    "kandidaat kandideren kandidatuur kandidaatstelling kandidaten verkiesbaar aanmelden "
    "inschrijven candidacy candidate candidates candidature apply nominate nomination "
    "candidacies kandidaturen nominations kandidaatstellingen solliciteren solliciteer "
    "solliciteert sollicitatie"
)
MEMBER_WORDS = _set(
    "gemeenten gemeente steden stad leden lid members member municipalities municipality "
    "cities city deelnemers aangesloten lidgemeenten deelnemen"
)
GREETINGS = _set("hoi hallo hey hi hello goedemorgen goedemiddag goedenavond dag morning")
THANKS = _set("dank bedankt dankjewel dankuwel thanks thank thx merci top")
HELP_WORDS = _set("help hulp helpen menu commands commandos")
PILLAR_WORDS = _set("pijler pijlers pillar pillars")
# "the treasurer post", "de secretaris functie": words for a post, said after its name.
POST_NOUNS = _set("post posts position positions role roles functie functies function job")
MORE_WORDS = _set("meer more uitgebreid uitgebreider volledig full details alles everything")
# "gaan de verkiezingen volledig online?": asked whether one part is all there is.
TOTALITY_WORDS = _set(
    "volledig volledige helemaal geheel hele alleen uitsluitend enkel puur allemaal alle allen "
    "entirely fully "
    "whole "
    "completely wholly only exclusively purely totally all"
)
# Numbers in words: "drie burgemeesters en drie wethouders" counts the parts of a whole.
COUNT_WORDS = _set(
    "twee drie vier vijf zes zeven acht negen tien two three four five six seven eight nine ten"
)
# "wie is de nummer twee per kring?", "who is the second man of a pillar?": a count or rank
# narrows a name; with no name it means nothing the overview can answer by itself, and a
# line that shares only it ('twee tot vier uur') is no answer.
RANK_WORDS = COUNT_WORDS | _set(
    "eerste tweede derde vierde 1e 2e 3e first second third fourth 1st 2nd 3rd nummer number nr"
)
# "hoe vaak", "how often": the rhythm of a body or a role's meetings.
OFTEN_WORDS = _set(
    "hoevaak frequentie frequency ritme rhythm regularly vaak often frequently frequent"
)
# "hoe vaak komt het DB bijeen?", "how often does it meet?": the verbs of meeting say what the
# rhythm is of, nothing a line must hold besides ('board meetings' is no rhythm).
MEETING_WORDS = _set(
    "bijeen vergadert vergaderen vergadering vergaderingen samen overleggen meet meets "
    "meeting meetings convene convenes gather gathers"
)
# "hoe wordt ... benoemd", "how is ... elected".
APPOINT_WORDS = _set(
    "benoemd benoemt benoemen benoeming gekozen kiest kiezen verkozen voordracht voorgedragen "
    "aangesteld aanstelling appointed appoint appoints appointment elected elect chosen choose "
    "selected nominated gekozen wordje become becomes aangewezen aanwijzen aangewezen picked "
    "designated vandaan afkomstig origin recruited recruit gerekruteerd geworven filled levert "
    "leveren geleverd supplies supplied provides provide provided"
)
# "stuur marc een mailtje", "mail Gerdien for me", "bel de voorzitter": the bot is asked to
# reach someone itself (an order, first word), which it cannot do.
CONTACT_ORDERS = _set(
    "stuur mail mailen mailtje bel bellen app appen sms whatsapp contacteer "
    "send email e-mail call phone ring text message contact"
)
# "wie draagt de pijlervoorzitter voor?": 'voordragen' split in two, unless it is 'draagt zorg'.
NOMINATE_VERBS = _set("draagt dragen draag droeg")
# "waar komt de pijlersecretaris vandaan?", "how does a pillar get its secretary?": how a
# post is filled (with 'hoe'/'how' for the verbs of getting).
OBTAIN_WORDS = _set(
    "krijgt krijgen get gets aan find finds vindt wordt word become becomes becoming"
)
# Words that may stand between a name's two words: "pillar ... its secretary".
NAME_GAP_WORDS = _set("its their his her zijn haar hun eigen own get gets krijgt krijgen aan")
COMPOSITION_WORDS = _set(
    "samenstelling bestaat bestaan zitten zit leden members member consists consist sits sit "
    "composition makeup composed groot big size omvang"
)
# The words for the network's members that only say what kind of thing a place is: "de
# begroting van de gemeente Zwolle" is no question about membership.
PLACE_KIND_WORDS = _set("gemeente gemeenten stad steden municipality municipalities city cities")
# Sitting in a body: "is de pijlervicevoorzitter lid van het DB?", "zit X in het AOT?"
MEMBERSHIP_WORDS = _set(
    "lid leden zit zitten member members part deel deelnemer onderdeel seat zetel on in "
    "maakt valt onder under belongs belong belonging hoort horen hoor behoort"
)
# 'the board', 'het bestuur': the board with members, in a question about sitting on it.
BOARD_WORDS = _set("board bestuur bestuurslid bestuursleden boardmember")
# The make-up of a body itself, not just who sits in it.
MAKEUP_WORDS = _set(
    "samenstelling bestaat bestaan composition makeup composed consists consist hoeveel howmany"
)
# "wie zit het CO voor?", "who chairs the AOT?": the chair of a body.
CHAIR_VERBS = _set("voorgezeten chairs chaired chairing leidt leads voorzit")
# "wie is de baas van de G40?", "who runs the G40?": the network's own chair.
LEADER_WORDS = _set("baas boss leider leader leiding head heads runs run leidt leads")
# "welke portefeuilles heeft die?": the portfolios a role holds.
PORTFOLIO_WORDS = _set("portefeuille portefeuilles portfolio portfolios portefeuile")
# "welke functies zijn er?", "board positions": the functions themselves.
FUNCTION_WORDS = _set(
    "functies bestuursfuncties posities bestuursposities posts positions functions roles "
    "rollen zetels seats post position positie"
)
# One post: "the post of first vice chair", "de functie van voorzitter" names the thing.
POST_WORDS = _set("post position positie functie rol role job seat zetel office ambt")
# "het secretariaat", "the G40 office": the network's general contact.
GENERAL_CONTACT_WORDS = _set("secretariaat secretariat office bureau")
# Whether a person can be reached now, or is away.
REACH_WORDS = _set(
    "bereikbaar bereiken reachable available beschikbaar afwezig away back terug weg"
)
# "en als die weg is?", "what if they are away?": a supposed absence asks who stands in, not
# whether the person is reachable now.
SUPPOSE_WORDS = _set("als indien stel if suppose")
# When-words: a question about a phase's dates.
WHEN_WORDS = _set(
    "wanneer when datum data dates date planning schedule tijdlijn timeline tijdpad "
    "kalender calendar deadline deadlines hoelaat whattime"
)
# "is de datum al bekend?", "weten we al wanneer ...?", "staat de datum al vast?": whether a
# phase's dates are known (a yes/no question with a date word asks the same).
DATES_KNOWN_WORDS = _set(
    "bekend known vastgesteld fixed set vast weten weet know knows gepland planned scheduled"
)
# "welke pijlers zijn er?", "how many pillars": a question asking for all things of a kind.
LISTING_WORDS = _set("welke welk which what wat hoeveel howmany alle all")
# "hoe laat ...?": a time of day, which only a named event has ("hoe laat is het?" is none).
CLOCK_WORDS = _set("hoelaat whattime")
# "waar staat ...", "where can I find ...": a question about where something is written.
WHERE_WORDS = _set("waar where")
# Words that only narrow a name ('tweede', 'algemeen'): on their own they name nothing.
MODIFIERS = _set(
    "eerste tweede derde 1e 2e first second third 1st 2nd algemeen algemene general plv "
    "deputy dagelijks daily executive strategisch strategic ambtelijk ambtelijke official "
    "bestuurlijk bestuurlijke nieuwe new g40 randvoorwaardelijke board bestuur team groep "
    "group overleg meeting"
)
# Abbreviations people type for a name's word ('vz', 'plv').
ABBREVIATIONS = {
    "vz": "voorzitter",
    "vvz": "vicevoorzitter",
    "secr": "secretaris",
    "sec": "secretaris",
    "penningm": "penningmeester",
    "plaatsvervangend": "plv",
    "chairman": "chair",
    # Informal short names of a topic ('who should I ask about comms?').
    "comms": "communications",
    "pr": "communicatie",
    "publiciteit": "communicatie",
    "publicity": "communications",
    "financiën": "financien",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chairmen": "chair",
    "chairmanship": "chair",
    "plaatsvervangende": "plv",
}
# Other names people use for a place: the member list spells it out.
PLACE_NAMES = {"den bosch": "'s-Hertogenbosch", "denbosch": "'s-Hertogenbosch"}
# A verb split around its subject: "komt het DB fysiek bij elkaar?", "komen de pijlers samen?"
# meet, as "vergadert" does; 'samen' alone ('samen met') does not.
COME_WORDS = frozenset("komt komen kom come comes".split())
GATHERING = frozenset("bijeen samen together".split())
# Two-word expressions read as one word before anything else ("stands in" is standing in).
PHRASES = {
    ("stands", "in"): "standin",
    ("stand", "in"): "standin",
    ("stepping", "in"): "standin",
    ("steps", "in"): "standin",
    ("fills", "in"): "standin",
    ("fill", "in"): "standin",
    ("takes", "over"): "standin",
    ("take", "over"): "standin",
    ("backs", "up"): "standin",
    ("back", "up"): "standin",
    ("covers", "for"): "standin",
    ("cover", "for"): "standin",
    ("covering", "for"): "standin",
    ("neemt", "over"): "vervangt",
    ("neemt", "waar"): "vervangt",
    ("gets", "together"): "vergadert",
    ("get", "together"): "vergadert",
    ("komen", "bijeen"): "vergadert",
    ("komt", "bijeen"): "vergadert",
    ("bij", "elkaar"): "bijeen",
    ("come", "together"): "vergadert",
    ("comes", "together"): "vergadert",
    ("how", "frequently"): "hoevaak",
    ("how", "regularly"): "hoevaak",
    ("hoe", "regelmatig"): "hoevaak",
    ("hoeveel", "keer"): "hoevaak",
    ("valt", "in"): "vervangt",
    ("houdt", "in"): "inhoud",
    ("hoe", "vaak"): "hoevaak",
    ("how", "often"): "hoevaak",
    ("how", "many"): "howmany",
    ("hoe", "laat"): "hoelaat",
    ("what", "time"): "whattime",
    ("word", "je"): "wordje",
    ("wordt", "je"): "wordje",
    ("steps", "down"): "stopt",
    ("step", "down"): "stopt",
    ("for", "good"): "definitief",
    ("e", "mail"): "email",
    ("come", "from"): "vandaan",
    ("comes", "from"): "vandaan",
    ("puts", "together"): "opstellen",
    ("put", "together"): "opstellen",
    ("draws", "up"): "opstellen",
    ("draw", "up"): "opstellen",
    ("doen", "mee"): "deelnemen",
    ("doet", "mee"): "deelnemen",
    ("this", "year"): "now",
    ("these", "days"): "now",
    ("right", "now"): "now",
    ("at", "present"): "now",
    ("dit", "moment"): "nu",
    ("the", "moment"): "now",
    ("tegenwoordig", "nog"): "nu",
    ("dit", "jaar"): "nu",
    ("next", "year"): "komend",
    ("volgend", "jaar"): "komend",
    ("can", "t"): "cannot",
    ("couldn", "t"): "cannot",
    ("make", "up"): "makeup",
    # "who speaks for the G40?", "wie spreekt namens de G40?": who represents it.
    ("speaks", "for"): "represents",
    ("speak", "for"): "represents",
    ("spreekt", "namens"): "vertegenwoordigt",
    ("spreken", "namens"): "vertegenwoordigt",
    # "how do I run for chair?": standing as a candidate.
    ("run", "for"): "candidate",
    ("running", "for"): "candidate",
    ("runs", "for"): "candidate",
    ("e", "mailadres"): "emailadres",
}
# Names of institutions and topics that take several words, in either language: read as one
# word in the sheet's text and in questions alike, so 'House of Representatives' is the
# 'Tweede Kamer' and neither is a 'tweede' (second) anything.
TERMS: dict[tuple[str, ...], str] = {
    ("tweede", "kamer"): "tweedekamer",
    ("house", "of", "representatives"): "tweedekamer",
    ("lower", "house"): "tweedekamer",
    ("central", "government"): "rijk",
    ("keep", "in", "touch"): "onderhoudt",
    ("keeps", "in", "touch"): "onderhoudt",
    ("stay", "in", "touch"): "onderhoudt",
    ("stays", "in", "touch"): "onderhoudt",
    ("lid", "worden"): "toetreden",
    ("become", "a", "member"): "toetreden",
    ("become", "a", "board", "member"): "toetreden",
    ("becomes", "a", "member"): "toetreden",
    ("becomes", "a", "board", "member"): "toetreden",
    ("civil", "service"): "ambtelijk",
    ("civil", "servants"): "ambtenaren",
    ("civil", "servant"): "ambtenaar",
    ("national", "government"): "rijk",
    ("den", "haag"): "denhaag",
    ("hoger", "onderwijs"): "hogeronderwijs",
    ("higher", "education"): "hogeronderwijs",
    ("universities", "of", "applied", "sciences"): "hogescholen",
    ("university", "of", "applied", "sciences"): "hogeschool",
    # "stand for election", "stand for chair" (not "what does AOT stand for?"): standing as a
    # candidate.
    **{
        (verb, "for", word): "candidate"
        for verb in ("stand", "stands", "standing")
        for word in ("election", "elections", "office", "the", "a", "chair", "re")
    },
    ("put", "myself", "forward"): "candidate",
    # The sheet's 'task leads' (opgavetrekkers) are no tasks and no leaders.
    ("task", "lead"): "tasklead",
    ("task", "leads"): "taskleads",
    ("put", "yourself", "forward"): "candidate",
}
# A two-word expression searched for by the words the sheet uses for it.
PHRASE_SEARCH = {"standin": ("stands", "vervangt"), "stopt": ("stopt",)}
# A yes/no question starts with a finite verb (after an optional 'en', 'maar', 'klopt het dat').
YES_NO_VERBS = _set(
    "krijg word heb is zijn ben bent heeft hebben krijgt krijgen moet moeten mag mogen kan "
    "kun kunnen wordt "
    "worden zit zitten vervangt ondersteunt doet doen gaat gaan valt vallen neemt nemen "
    "staat staan hoort horen vergadert vergaderen bestaat bestaan klopt maakt maken draagt "
    "vertegenwoordigt verdient verdienen ontvangt ontvangen vormt vormen heb zal zullen "
    "are does do did can could must should will would has have may was were isn aren doesn "
    "gets get sits sit chairs chair represents supports replaces receives earns werkt werken "
    "treedt treden brengt brengen bepaalt stemt stemmen onderhoudt verzorgt zorgt organiseert "
    "coordineert vertegenwoordigen neemt stelt stellen komt komen wisselt beslist "
    "join joins attend attends need needs cannot behoort behoren belongs"
)
LEADING_CONJUNCTIONS = _set("en and maar but dus so oh ok oke okay")
# "hoe vaak komen ze bij elkaar?", "how often do they get together?": meeting, said without a
# word for a meeting.
GATHER_WORDS = _set("elkaar samen bijeen together")
# "en als de eerste vice ook afwezig is?", "and if the first vice chair is away too?": a
# stand-in named after a question on stand-ins is away as well.
AWAY_WORDS = _set(
    "afwezig weg ziek verhinderd beschikbaar kan niet ook away absent unavailable available "
    "sick out off missing too also either cannot"
)
# "en als die ook weg is?", "what if that person is also absent?": a pronoun for someone just
# named who is away as well.
ALSO_WORDS = _set("ook eveneens too also either")
NEGATIVE_POLARITY = _set("onbezoldigd unpaid onbetaald")
ABSENCE_WORDS = _set(
    "afwezig afwezigheid ziek uitvalt uitvallen weg vakantie absent away ill sick unavailable "
    "verhinderd holiday vacation stopt stoppen vertrekt leaves quits resigns opvolger opvolgt "
    "opstapt opstappen aftreedt aftreden"
)
# A holder who leaves for good ("als de pijlervoorzitter stopt", "steps down"): permanent
# replacement, not a stand-in for a while.
LEAVING_WORDS = _set(
    "stopt stoppen vertrekt vertrekken opstapt opstappen aftreedt aftreden leaves leave quits "
    "quit resigns resign definitief permanent permanently opvolger opvolgt succeeds successor"
)
WHAT_IF_WORDS = _set("als indien wanneer if when stel gebeurt happens")
# A question that opens with a condition ("als ..., zit die dan ...?").
CONDITIONS = _set("als indien wanneer stel if when whenever once")
# "Is geen DB-lid, maar neemt in die situaties deel": what follows the contrast holds in the
# situation a conditional question asks about.
CONTRASTS = _set("maar but however echter")
# Words that hedge a sentence ("bij voorkeur", "in voorkomende gevallen"): a passage with one
# does not settle a yes/no question either way.
HEDGES = _set(
    "voorkomende incidenteel indien eventueel mogelijk possibly occasionally needed "
    "kunnen kan can may"
)
# "moet", "must": an obligation; a line that only prefers it answers no.
MUST_WORDS = _set(
    "moet moeten verplicht vereist vereiste noodzakelijk nodig must required mandatory necessary "
    "need "
    "needs needed have requirement"
)
PREFERENCE = _set("voorkeur preferably preferred")
# Words that only weigh a quality ("is netwerken belangrijk", "good with the media"): a
# question with them asks whether the quality is in a role's profile.
QUALIFIER_WORDS = _set(
    "belangrijk important essentieel essential vereiste vereisten eis voorwaarde goed good "
    "veel much lot strong sterk sterke echt really heel very zeer enige some beetje bit "
    "kunnen able capable zijn be being hebben have having een a"
)
# "kan de verdeling nog veranderen?": in a question of what is possible, the change asked
# about is what a line that allows it ('kunnen afspraken worden gemaakt over ...') allows.
CHANGE_WORDS = _set(
    "veranderen verandert wijzigen wijzigt aanpassen aangepast anders change changed changes "
    "different adjust adjusted"
)
# "waarom ...?", "waarop baseert ...?": a question for a reason; a line with one of these
# gives one.
REASON_QUESTION = _set("waarom waarop waardoor why")
REASONS = _set("omdat doordat want daarom blijkt reden because since therefore shows reason")
# "kan ...?", "can ...?": a question of what is possible; a line with one of these allows it.
MODALS = _set("kan kun kunnen mag mogen can could may")
NEGATIONS = _set("geen niet not no none never nooit")
# Pairs of opposite answers to a yes/no question: a line that says the other side ('drie keer
# per jaar fysiek') answers "zijn de netwerkdagen online?" with no, never with yes. Lines keep
# pillar names capitalised ('Fysiek', 'Physical'), so only a lower-case word counts as one side.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        _set(
            "online digitaal digitale digital digitally virtueel virtuele virtual remote remotely "
            "videobellen videocall teams zoom"
        ),
        _set("fysiek fysieke physical physically in_person persoonlijk live"),
    ),
    (
        _set(
            "verplicht verplichte noodzakelijk vereist moet moeten mandatory required compulsory "
            "obligatory must"
        ),
        _set("vrijwillig vrijwillige optioneel optionele voluntary optional"),
    ),
)
# "is de lobbycoördinator een bestuurder?", "is the treasurer a civil servant?": the kind of
# post (the Functies tab's 'soort'), by the words for its two kinds.
POST_KINDS: dict[str, frozenset[str]] = {
    # Nouns and the sheet's own words only: 'political network', 'official letter' describe
    # other things.
    "bestuurlijk": _set(
        "bestuurder bestuurders bestuurlijk bestuurlijke politicus politici politician "
        "politicians administrator administrators"
    ),
    "ambtelijk": _set("ambtenaar ambtenaren ambtelijk ambtelijke servant servants"),
}
POST_KIND_WORDS = frozenset().union(*POST_KINDS.values())
# "is the DB meeting always in person?": the whole of it, so a line with both sides says no.
ALWAYS_WORDS = _set("altijd steeds telkens always")
# Words of an election: "wordt de voorzitter gekozen?", "kan ik me kandidaat stellen als ...?"
ELECTION_WORDS = _set("gekozen verkozen kiezen verkiesbaar elected election elect")
# A small thesaurus of the network's own vocabulary, in both languages: a question may use one
# word of a group where the sheet uses another. Used to widen a search, never to name a thing.
SYNONYMS: tuple[frozenset[str], ...] = (
    # The network's money is the treasurer's; a 'financiële tegemoetkoming' is an allowance.
    _set("geld money penningmeester treasurer boekhouding bookkeeping books"),
    _set("financien finances finance penningmeester treasurer"),
    _set("financien financieel financiele finances finance financial"),
    _set("begroting budget jaarrekening accounts"),
    _set("notulen verslag verslaglegging minutes notes notuleren"),
    _set("vergadering vergaderingen overleg meeting meetings bijeenkomst bijeenkomsten"),
    _set("lobby lobbyen lobbying belangenbehartiging advocacy"),
    _set("ambtelijk ambtelijke official officials ambtenaren ambtenaar"),
    _set("aanspreekpunt accounthouder contactpersoon"),
    _set("onderhoudt onderhouden maintains maintain"),
    _set("indeling ingedeeld indelen herindeling"),
    _set("baseert gebaseerd baseren based basis input blijkt shows"),
    _set("opstellen opgesteld stelt draws drafts drafting prepares"),
    _set("toetreden treedt joins join joining become becomes"),
    _set(
        "financieren financiert gefinancierd fund funds funded funding pay pays paid betaalt "
        "betaald"
    ),
    _set("eerste primair primaire first primary"),
    _set("kiezen gekozen kiest verkiezen verkozen elect elected elects pick picks picked choose"),
    _set(
        "functies functie posities positie posts post positions position rollen roles "
        "bestuursfuncties"
    ),
    _set("verdeelt verdelen verdeling verdeeld taakverdeling split splits divide divides"),
    _set("woordvoerder spokesperson spreekbuis pers press media"),
    _set(
        "praat praten spreekt spreken talks talk speaks speak gesprekken gesprek contacten "
        "contacts relaties relations ties"
    ),
    _set(
        "afwezig ziek uitvalt uitvallen vakantie absent away ill sick unavailable verhinderd "
        "holiday vacation"
    ),
    _set("definitief permanent permanente permanently blijvend"),
    _set(
        "vervangt vervangen vervanger vervanging invalt invallen invaller waarnemen waarneemt "
        "standin stands standing substitute substitutes replaces replace deputises"
    ),
    _set("exact exacte precies precieze precise exactly"),
    _set("ongeregelde onregelmatige odd irregular kantoortijden kantooruren"),
    _set("bereikbaar bereiken reachable reach contactable"),
    _set("inkoop inkopen contractering procurement purchasing contracts contracting"),
    _set("tweedekamer kamer parlement parliament kamerleden mps"),
    _set("rijk kabinet ministeries government ministries cabinet minister ministers"),
    # "in Den Haag", "in The Hague": central government and parliament (two groups, so that
    # the Rijk does not become the Tweede Kamer).
    _set("denhaag hague rijk"),
    _set("denhaag hague tweedekamer"),
    _set(
        "hogeronderwijs hogescholen hogeschool universiteiten universiteit universities "
        "university onderwijs education"
    ),
    _set("declaraties declaratie facturen factuur expenses invoices claims"),
    _set("contributie lidmaatschapsbijdrage contribution fee fees dues"),
    _set("naam benaming name names rename hernoemd"),
    _set("communicatie communication communications comms pr publiciteit publicity"),
    _set(
        "switch overstap overgang verandering veranderingen wijziging wijzigingen change "
        "changes shift"
    ),
    _set("burgemeester burgemeesters mayor mayors"),
    _set("wethouder wethouders alderman aldermen"),
)

# "who is responsible for ...": the words that only say a 'who' question asks for a holder.
RESPONSIBLE = _set("verantwoordelijk verantwoordelijke responsible responsibility belast")
# A name that says its topic is the municipalities' ('Gemeentefinanciën', 'Municipal
# finances'), not the network's own.
MUNICIPAL_PREFIXES = ("gemeente", "municipal")
