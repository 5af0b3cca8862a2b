"""The demo's idea bank: 40 sample ideas from four made-up municipalities; and
(raaderum.demo_evaluation) the round's strategy and evaluation.

The source municipalities are invented ("… (eksempel)", without a municipality number), so no
real municipality is quoted for figures it never gave. Idempotent like raaderum.demo: ideas are
found by their exchange id and brought back to the declared state.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from raaderum.demo_evaluation import load_strategy_and_evaluation
from raaderum.ideabank.actions import do_save_bank_idea
from raaderum.ideabank.models import BankIdea
from raaderum.organisation.models import Municipality, User
from raaderum.proposals.models import ProposalType
from raaderum.rounds.models import BudgetRound

NORDBY = "Nordby Kommune (eksempel)"
SYDHAVN = "Sydhavn Kommune (eksempel)"
VESTLEV = "Vestlev Kommune (eksempel)"
OSTERAA = "Østerå Kommune (eksempel)"

S, E, INV, X = (
    ProposalType.SAVING,
    ProposalType.EFFICIENCY,
    ProposalType.INVESTMENT,
    ProposalType.EXPANSION,
)

# (id, title, service area, function code, type, effect from, effect to, source, keywords,
#  description). Effects in kr. a year at full effect; positive frees money.
IDEAS: list[tuple[str, str, str, str, str, int | None, int | None, str, list[str], str]] = [
    (
        "demo-bank-01",
        "Færre vikartimer gennem fælles vikarkorps",
        "Folkeskoler",
        "3.22.01",
        E,
        800_000,
        1_500_000,
        NORDBY,
        ["vikarer", "skoler", "sygefravær"],
        (
            "Skolerne deler et fast korps af vikarer i stedet for at købe timer hos bureauer. "
            "Vikarerne kender eleverne, og timeprisen falder."
        ),
    ),
    (
        "demo-bank-02",
        "Skolebus planlagt efter ringetider",
        "Befordring af elever",
        "3.22.14",
        E,
        300_000,
        600_000,
        SYDHAVN,
        ["skolebus", "kørsel", "skoler"],
        (
            "Ringetiderne på tre skoler forskydes ti minutter, så de samme busser kan køre "
            "flere ture"
            " om morgenen."
        ),
    ),
    (
        "demo-bank-03",
        "Samling af to små skoler under én ledelse",
        "Folkeskoler",
        "3.22.01",
        S,
        1_200_000,
        2_000_000,
        VESTLEV,
        ["skolestruktur", "ledelse"],
        (
            "To skoler med under 150 elever får fælles skoleleder og administration. "
            "Undervisningen "
            "fortsætter på begge matrikler."
        ),
    ),
    (
        "demo-bank-04",
        "Digital tilmelding og betaling i SFO",
        "Skolefritidsordninger",
        "3.22.05",
        E,
        150_000,
        250_000,
        OSTERAA,
        ["SFO", "selvbetjening", "digitalisering"],
        (
            "Forældre melder til og fra og betaler i samme løsning. Administrationen slipper for "
            "manuelle rettelser."
        ),
    ),
    (
        "demo-bank-05",
        "Energistyring af skolernes ventilation",
        "Ejendomme",
        "3.22.01",
        INV,
        400_000,
        900_000,
        NORDBY,
        ["energi", "ventilation", "bygninger"],
        (
            "Ventilationen styres efter CO₂-måling og skema i stedet for faste tider. "
            "Investeringen "
            "tjener sig hjem på 3-4 år."
        ),
    ),
    (
        "demo-bank-06",
        "Fælles køkken for daginstitutioner",
        "Dagtilbud",
        "5.25.14",
        E,
        500_000,
        1_100_000,
        SYDHAVN,
        ["madordning", "køkken", "daginstitutioner"],
        (
            "Maden til otte institutioner laves i ét køkken. Det frigør køkkentimer i "
            "institutionerne"
            " og giver bedre indkøbspriser."
        ),
    ),
    (
        "demo-bank-07",
        "Dagplejen samles i legestuer to dage om ugen",
        "Dagpleje",
        "5.25.11",
        E,
        200_000,
        400_000,
        VESTLEV,
        ["dagpleje", "gæstepleje"],
        (
            "Dagplejerne mødes i legestuer, hvor gæstepleje ved sygdom kan klares uden ekstra "
            "personale."
        ),
    ),
    (
        "demo-bank-08",
        "Lukkedage i dagtilbud mellem jul og nytår",
        "Dagtilbud",
        "5.25.14",
        S,
        300_000,
        500_000,
        OSTERAA,
        ["lukkedage", "åbningstid"],
        "Institutionerne holder lukket mellem jul og nytår med nødpasning ét sted i kommunen.",
    ),
    (
        "demo-bank-09",
        "Tidlig indsats for børn med sprogvanskeligheder",
        "Dagtilbud",
        "5.25.14",
        INV,
        -200_000,
        600_000,
        NORDBY,
        ["sprog", "tidlig indsats", "forebyggelse"],
        (
            "Sprogpædagoger i alle institutioner koster i de første år, men færre børn skal senere "
            "have specialundervisning."
        ),
    ),
    (
        "demo-bank-10",
        "Hverdagsrehabilitering før visitation til hjemmehjælp",
        "Ældreområdet",
        "5.32.32",
        E,
        2_000_000,
        4_000_000,
        SYDHAVN,
        ["rehabilitering", "hjemmepleje", "ældre"],
        (
            "Nye borgere får et forløb på 8-12 uger, hvor de træner at klare dagligdagen selv, før "
            "der visiteres til varig hjælp."
        ),
    ),
    (
        "demo-bank-11",
        "Skærmbesøg i hjemmeplejen",
        "Ældreområdet",
        "5.32.32",
        E,
        600_000,
        1_200_000,
        VESTLEV,
        ["velfærdsteknologi", "skærmbesøg", "hjemmepleje"],
        (
            "Påmindelser om medicin og korte tilsyn sker over skærm, når borgeren ønsker det. Det "
            "sparer kørsel."
        ),
    ),
    (
        "demo-bank-12",
        "Ruteplanlægning i hjemmeplejen",
        "Ældreområdet",
        "5.32.32",
        E,
        500_000,
        900_000,
        OSTERAA,
        ["ruteplanlægning", "kørsel", "hjemmepleje"],
        (
            "Et planlægningsværktøj lægger ruterne, så medarbejderne kører færre kilometer og får "
            "mere tid hos borgerne."
        ),
    ),
    (
        "demo-bank-13",
        "Vasketøj på plejecentre vaskes centralt",
        "Plejecentre",
        "5.32.30",
        E,
        300_000,
        500_000,
        NORDBY,
        ["vaskeri", "plejecentre"],
        (
            "Plejecentrenes egne vaskerier lukkes, og tøjet vaskes i et fælles vaskeri med bedre "
            "maskiner."
        ),
    ),
    (
        "demo-bank-14",
        "Loftlifte på alle plejeboliger",
        "Plejecentre",
        "5.32.30",
        INV,
        200_000,
        700_000,
        SYDHAVN,
        ["arbejdsmiljø", "hjælpemidler", "velfærdsteknologi"],
        (
            "Med loftlifte kan én medarbejder klare forflytninger, som i dag kræver to. Færre "
            "arbejdsskader."
        ),
    ),
    (
        "demo-bank-15",
        "Genbrug af hjælpemidler via fælles depot",
        "Hjælpemidler",
        "5.32.35",
        E,
        400_000,
        800_000,
        VESTLEV,
        ["hjælpemidler", "genbrug", "depot"],
        (
            "Kørestole, rollatorer og senge rengøres og udlånes igen fra ét depot i stedet for at "
            "blive kasseret."
        ),
    ),
    (
        "demo-bank-16",
        "Sygeplejeklinikker i stedet for hjemmebesøg",
        "Sygepleje",
        "4.62.81",
        E,
        700_000,
        1_300_000,
        OSTERAA,
        ["sygepleje", "klinik"],
        (
            "Borgere, der selv kan komme, får sårpleje og injektioner i en klinik. "
            "Sygeplejerskerne "
            "kører mindre."
        ),
    ),
    (
        "demo-bank-17",
        "Genoptræning på hold i stedet for alene",
        "Genoptræning",
        "4.62.82",
        E,
        250_000,
        500_000,
        NORDBY,
        ["genoptræning", "hold"],
        "Borgere med samme slags forløb træner på hold med én fysioterapeut.",
    ),
    (
        "demo-bank-18",
        "Forebyggende hjemmebesøg målrettet de 80-årige",
        "Sundhedsfremme",
        "4.62.88",
        S,
        200_000,
        300_000,
        SYDHAVN,
        ["forebyggelse", "ældre"],
        (
            "Besøgene tilbydes alle ved 80 år og derefter dem, der er i risiko, i stedet for alle "
            "over 75 hvert år."
        ),
    ),
    (
        "demo-bank-19",
        "Fælles visitation til botilbud på tværs af kommuner",
        "Socialområdet",
        "5.38.50",
        E,
        1_000_000,
        2_500_000,
        VESTLEV,
        ["botilbud", "handicap", "samarbejde"],
        (
            "Tre kommuner visiterer sammen og udnytter hinandens ledige pladser i stedet for at"
            " købe "
            "dyre pladser hos private."
        ),
    ),
    (
        "demo-bank-20",
        "Hjemtagelse af borgere fra eksterne botilbud",
        "Socialområdet",
        "5.38.50",
        INV,
        800_000,
        2_000_000,
        OSTERAA,
        ["botilbud", "hjemtagning", "handicap"],
        (
            "Kommunen bygger eget tilbud til en gruppe borgere, der i dag bor i dyre pladser langt "
            "væk."
        ),
    ),
    (
        "demo-bank-21",
        "Beskyttet beskæftigelse i kommunens egne værksteder",
        "Socialområdet",
        "5.38.58",
        S,
        300_000,
        600_000,
        NORDBY,
        ["beskæftigelse", "værksteder"],
        "Borgerne arbejder i kommunens egne værksteder i stedet for i købte pladser.",
    ),
    (
        "demo-bank-22",
        "Familiebehandling i eget hjem frem for anbringelse",
        "Børn og unge med særlige behov",
        "5.28.21",
        INV,
        500_000,
        3_000_000,
        SYDHAVN,
        ["forebyggelse", "anbringelser", "familier"],
        (
            "Flere familier får intensiv støtte hjemme, så færre børn skal anbringes. Kræver flere "
            "familiebehandlere de første år."
        ),
    ),
    (
        "demo-bank-23",
        "Flere netværksplejefamilier",
        "Børn og unge med særlige behov",
        "5.28.23",
        E,
        400_000,
        1_000_000,
        VESTLEV,
        ["plejefamilier", "netværk", "anbringelser"],
        (
            "Når et barn skal anbringes, undersøges familie og netværk først. Det er billigere og "
            "ofte bedre for barnet."
        ),
    ),
    (
        "demo-bank-24",
        "Virksomhedsrettet indsats for ledige på kontanthjælp",
        "Beskæftigelse",
        "5.68.90",
        INV,
        1_500_000,
        4_000_000,
        OSTERAA,
        ["jobcenter", "ledige", "virksomhedspraktik"],
        (
            "Flere ledige kommer hurtigt i praktik og løntilskud hos virksomheder. Færre på "
            "forsørgelse giver besparelsen."
        ),
    ),
    (
        "demo-bank-25",
        "Samtaler i grupper i jobcentret",
        "Beskæftigelse",
        "5.68.90",
        E,
        300_000,
        600_000,
        NORDBY,
        ["jobcenter", "samtaler"],
        "En del af de lovpligtige samtaler holdes i grupper, hvor det er fagligt forsvarligt.",
    ),
    (
        "demo-bank-26",
        "Fælles indkøb af kontorartikler og rengøringsmidler",
        "Indkøb",
        "6.45.51",
        E,
        400_000,
        700_000,
        SYDHAVN,
        ["indkøb", "udbud", "samarbejde"],
        "Kommunen går sammen med nabokommuner om ét udbud og får lavere priser.",
    ),
    (
        "demo-bank-27",
        "Digital post til alle borgere, der kan modtage den",
        "Administration",
        "6.45.51",
        E,
        300_000,
        800_000,
        VESTLEV,
        ["digital post", "porto", "digitalisering"],
        "Breve sendes digitalt som udgangspunkt. Porto og print falder.",
    ),
    (
        "demo-bank-28",
        "Robotter til ensartede sagsgange i økonomi",
        "Administration",
        "6.45.51",
        INV,
        250_000,
        600_000,
        OSTERAA,
        ["robotter", "automatisering", "økonomi"],
        (
            "Softwarerobotter bogfører og afstemmer de mest ensartede poster. Medarbejderne "
            "tager sig"
            " af undtagelserne."
        ),
    ),
    (
        "demo-bank-29",
        "Færre licenser gennem oprydning i it-systemer",
        "Administration",
        "6.45.51",
        S,
        200_000,
        500_000,
        NORDBY,
        ["it", "licenser"],
        "En gennemgang af licenserne viser systemer, der overlapper eller ikke bruges.",
    ),
    (
        "demo-bank-30",
        "Samling af administrationen på færre adresser",
        "Administrationsbygninger",
        "6.45.50",
        INV,
        1_000_000,
        2_000_000,
        SYDHAVN,
        ["bygninger", "kvadratmeter", "husleje"],
        (
            "To lejede adresser opsiges, og medarbejderne flytter ind på rådhuset, der bygges "
            "om til "
            "aktivitetsbaserede arbejdspladser."
        ),
    ),
    (
        "demo-bank-31",
        "Solceller på kommunale tage",
        "Ejendomme",
        "6.45.50",
        INV,
        300_000,
        800_000,
        VESTLEV,
        ["energi", "solceller", "klima"],
        "Solceller på de største tage dækker en del af bygningernes eget forbrug om dagen.",
    ),
    (
        "demo-bank-32",
        "LED og styring af gadelys",
        "Veje",
        "2.28.11",
        INV,
        500_000,
        1_200_000,
        OSTERAA,
        ["gadelys", "LED", "energi"],
        "Gadelyset skiftes til LED og dæmpes om natten, hvor der er få trafikanter.",
    ),
    (
        "demo-bank-33",
        "Slukket gadelys på landeveje om natten",
        "Veje",
        "2.28.11",
        S,
        100_000,
        250_000,
        NORDBY,
        ["gadelys", "nat"],
        (
            "Lyset slukkes mellem kl. 1 og 5 på veje uden for byerne, undtagen ved kryds og "
            "fodgængerovergange."
        ),
    ),
    (
        "demo-bank-34",
        "Vildere grønne områder med færre klipninger",
        "Parker og grønne områder",
        "0.28.20",
        S,
        200_000,
        400_000,
        SYDHAVN,
        ["græsslåning", "biodiversitet", "parker"],
        "Dele af parkerne slås én gang om året. Det giver mere natur og færre timer på maskinerne.",
    ),
    (
        "demo-bank-35",
        "Vintertjeneste efter behov frem for faste ruter",
        "Vintertjeneste",
        "2.28.14",
        E,
        150_000,
        400_000,
        VESTLEV,
        ["vintertjeneste", "saltning", "sensorer"],
        "Vejsensorer viser, hvor der er glat, så der saltes der, hvor det er nødvendigt.",
    ),
    (
        "demo-bank-36",
        "Selvbetjent bibliotek om aftenen",
        "Biblioteker",
        "3.32.50",
        E,
        300_000,
        500_000,
        OSTERAA,
        ["bibliotek", "åbent bibliotek", "selvbetjening"],
        (
            "Lokalbibliotekerne holder åbent uden personale om aftenen og bemandes kortere tid om "
            "dagen."
        ),
    ),
    (
        "demo-bank-37",
        "Fælles drift af svømmehal med nabokommune",
        "Idrætsanlæg",
        "0.32.31",
        E,
        400_000,
        900_000,
        NORDBY,
        ["svømmehal", "samarbejde", "idræt"],
        "Driften af to svømmehaller tæt på kommunegrænsen lægges under én ledelse.",
    ),
    (
        "demo-bank-38",
        "Lavere tilskud til foreningernes lokaler",
        "Fritid",
        "3.38.74",
        S,
        500_000,
        1_500_000,
        SYDHAVN,
        ["foreninger", "lokaletilskud"],
        (
            "Lokaletilskuddet sænkes, og foreningerne får adgang til skolernes lokaler om "
            "aftenen i "
            "stedet."
        ),
    ),
    (
        "demo-bank-39",
        "Samkørsel i den visiterede kørsel",
        "Kørsel",
        "5.32.32",
        E,
        600_000,
        1_200_000,
        VESTLEV,
        ["kørsel", "flextrafik", "samkørsel"],
        (
            "Al visiteret kørsel til læge, dagcenter og træning planlægges samlet, så flere kører "
            "sammen."
        ),
    ),
    (
        "demo-bank-40",
        "Flere timer til lektiehjælp i udsatte boligområder",
        "Folkeskoler",
        "3.22.01",
        X,
        -600_000,
        -400_000,
        OSTERAA,
        ["lektiehjælp", "boligområder", "udvidelse"],
        (
            "Et eksempel på en udvidelse: mere lektiehjælp koster penge, men kan indgå i kataloget "
            "som en politisk prioritering."
        ),
    ),
]


def load_idea_bank_and_evaluation(
    municipality: Municipality, budget_round: BudgetRound, users: Mapping[str, User]
) -> None:
    # No bank idea is used in the demo's next round: its ideas show one of each origin a
    # member types in (raaderum/organisation/tests/test_load_demo.py counts them).
    office = users["oekonomi"]
    for (
        external_id,
        title,
        area,
        code,
        kind,
        low,
        high,
        source,
        tags,
        description,
    ) in IDEAS:
        fields: dict[str, Any] = {
            "title": title,
            "service_area": area,
            "function_code": code,
            "type": kind,
            "description": description,
            "effect_min": low,
            "effect_max": high,
            "source_name": source,
            "source_code": None,
            "links": [],
            "tags": tags,
        }
        existing = BankIdea.objects.filter(external_id=external_id).first()
        if existing is None:
            do_save_bank_idea(municipality, {**fields, "external_id": external_id}, user=office)
        elif any(getattr(existing, name) != value for name, value in fields.items()):
            do_save_bank_idea(municipality, fields, user=office, bank_idea=existing)
    load_strategy_and_evaluation(budget_round, users)
