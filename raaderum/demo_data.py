"""The data of "Demo Kommune": a made-up municipality of 40,000 inhabitants and its råderum round.

Plain structures only; raaderum.demo loads them. Amounts are whole kroner at 2027 prices, signed as
in the accounts: negative frees money (mindreudgift), positive costs money (merudgift). Every
proposal's effects are given per service area as four amounts for 2027, 2028, 2029 and 2030.

Kontoplan functions are only given where they are certain; an area may have none.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from raaderum.proposals.calculation import EFFICIENCY, EXPANSION, INVESTMENT, SAVING

PASSWORD = "demo"  # noqa: S105 - the documented password of every demo login, never a real one

DRAFT = "draft"
READY = "ready"
WITHDRAW_REASON = "Forslaget overlapper med et tværgående forslag og er lagt ind i det."


class MunicipalityData(TypedDict):
    name: str
    code: int
    slug: str
    inhabitants: int
    accessibility_statement_url: str


MUNICIPALITY: MunicipalityData = {
    "name": "Demo Kommune",
    "code": 999,  # not a real kommune number (they run 101..860)
    "slug": "demo",
    "inhabitants": 40_000,
    "accessibility_statement_url": "https://www.was.digst.dk/",
}

# (code, name) in the order the catalog shows them.
COMMITTEES = [
    ("ØK", "Økonomiudvalget"),
    ("BU", "Børne- og Ungdomsudvalget"),
    ("SU", "Social- og Sundhedsudvalget"),
    ("TM", "Teknik- og Miljøudvalget"),
    ("KF", "Kultur- og Fritidsudvalget"),
    ("BE", "Beskæftigelsesudvalget"),
]


class AreaData(TypedDict):
    committee: str
    name: str
    function_codes: str
    budget_2027: int  # net operating budget, kr.
    growth_per_mille: int  # yearly demographic change at fixed prices, e.g. 25 = +2.5 % a year


BUDGET_BASE_YEAR = 2027
BUDGET_YEARS = range(2026, 2031)

SERVICE_AREAS: list[AreaData] = [
    {
        "committee": "ØK",
        "name": "Administration",
        "function_codes": "6.45.51",
        "budget_2027": 188_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "ØK",
        "name": "IT og digitalisering",
        "function_codes": "6.45.52",
        "budget_2027": 44_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "ØK",
        "name": "Politisk organisation",
        "function_codes": "6.42.41, 6.42.42",
        "budget_2027": 10_500_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "ØK",
        "name": "Administrationsbygninger",
        "function_codes": "6.45.50",
        "budget_2027": 13_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "BU",
        "name": "Folkeskoler og SFO",
        "function_codes": "3.22.01, 3.22.05",
        "budget_2027": 338_000_000,
        "growth_per_mille": -5,
    },
    {
        "committee": "BU",
        "name": "Specialundervisning",
        "function_codes": "3.22.08",
        "budget_2027": 78_000_000,
        "growth_per_mille": 10,
    },
    {
        "committee": "BU",
        "name": "Dagtilbud",
        "function_codes": "5.25.11, 5.25.14",
        "budget_2027": 234_000_000,
        "growth_per_mille": -10,
    },
    {
        "committee": "BU",
        "name": "Børn og familier",
        "function_codes": "5.28.21",
        "budget_2027": 136_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "SU",
        "name": "Hjemmepleje",
        "function_codes": "5.30.26",
        "budget_2027": 186_000_000,
        "growth_per_mille": 25,
    },
    {
        "committee": "SU",
        "name": "Plejecentre",
        "function_codes": "5.30.27",
        "budget_2027": 248_000_000,
        "growth_per_mille": 25,
    },
    {
        "committee": "SU",
        "name": "Sundhed og træning",
        "function_codes": "4.62.82, 4.62.88",
        "budget_2027": 64_000_000,
        "growth_per_mille": 10,
    },
    {
        "committee": "SU",
        "name": "Voksne med særlige behov",
        "function_codes": "5.38.50, 5.38.52, 5.38.58, 5.38.59",
        "budget_2027": 218_000_000,
        "growth_per_mille": 10,
    },
    {
        "committee": "TM",
        "name": "Veje og trafik",
        "function_codes": "2.28.11, 2.28.12, 2.28.14",
        "budget_2027": 62_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "TM",
        "name": "Kollektiv trafik",
        "function_codes": "2.32.31",
        "budget_2027": 31_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "TM",
        "name": "Natur og grønne områder",
        "function_codes": "0.28.20",
        "budget_2027": 17_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "TM",
        "name": "Ejendomsdrift",
        "function_codes": "",
        "budget_2027": 52_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "KF",
        "name": "Biblioteker",
        "function_codes": "3.32.50",
        "budget_2027": 27_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "KF",
        "name": "Kultur",
        "function_codes": "3.35.60, 3.35.63, 3.35.64",
        "budget_2027": 21_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "KF",
        "name": "Fritid og idræt",
        "function_codes": "3.38.72, 3.38.73, 3.38.74",
        "budget_2027": 38_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "BE",
        "name": "Jobcenter og beskæftigelsesindsats",
        "function_codes": "5.68.90, 6.45.53",
        "budget_2027": 80_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "BE",
        "name": "Sygedagpenge og kontanthjælp",
        "function_codes": "5.57.71, 5.57.73",
        "budget_2027": 292_000_000,
        "growth_per_mille": 0,
    },
    {
        "committee": "BE",
        "name": "Fleksjob og ressourceforløb",
        "function_codes": "5.58.81, 5.58.82",
        "budget_2027": 196_000_000,
        "growth_per_mille": 0,
    },
]


class PersonData(TypedDict):
    username: str
    first_name: str
    last_name: str
    role: str  # organisation.models.Role
    title: str
    party: str
    superuser: bool


# The Danish name of each role, for the table of logins.
ROLE_NAMES = {
    "budget_office": "økonomi",
    "director": "direktør",
    "owner": "forslagsejer",
    "contributor": "bidragyder",
    "politician": "politiker",
    "reader": "læser",
}

PEOPLE: list[PersonData] = [
    {
        "username": "admin",
        "first_name": "Anne",
        "last_name": "Brandt",
        "role": "budget_office",
        "title": "Systemadministrator",
        "party": "",
        "superuser": True,
    },
    {
        "username": "oekonomi",
        "first_name": "Birgitte",
        "last_name": "Holm",
        "role": "budget_office",
        "title": "Budgetchef",
        "party": "",
        "superuser": False,
    },
    {
        "username": "direktoer",
        "first_name": "Henrik",
        "last_name": "Mortensen",
        "role": "director",
        "title": "Direktør for Børn, Kultur og Arbejdsmarked",
        "party": "",
        "superuser": False,
    },
    {
        "username": "direktoer2",
        "first_name": "Lene",
        "last_name": "Kjær",
        "role": "director",
        "title": "Direktør for Social, Sundhed og Teknik",
        "party": "",
        "superuser": False,
    },
    {
        "username": "ejer",
        "first_name": "Mette",
        "last_name": "Rasmussen",
        "role": "owner",
        "title": "Chef for Skole og Dagtilbud",
        "party": "",
        "superuser": False,
    },
    {
        "username": "ejer2",
        "first_name": "Jens",
        "last_name": "Poulsen",
        "role": "owner",
        "title": "Chef for Ældre og Sundhed",
        "party": "",
        "superuser": False,
    },
    {
        "username": "ejer3",
        "first_name": "Karina",
        "last_name": "Lund",
        "role": "owner",
        "title": "Chef for Teknik og Digitalisering",
        "party": "",
        "superuser": False,
    },
    {
        "username": "bidragyder",
        "first_name": "Søren",
        "last_name": "Østergaard",
        "role": "contributor",
        "title": "Økonomikonsulent",
        "party": "",
        "superuser": False,
    },
    {
        "username": "politiker",
        "first_name": "Kirsten",
        "last_name": "Andersen",
        "role": "politician",
        "title": "Borgmester",
        "party": "Socialdemokratiet",
        "superuser": False,
    },
    {
        "username": "politiker2",
        "first_name": "Peter",
        "last_name": "Nielsen",
        "role": "politician",
        "title": "Medlem af kommunalbestyrelsen",
        "party": "Venstre",
        "superuser": False,
    },
    {
        "username": "laeser",
        "first_name": "Ida",
        "last_name": "Mikkelsen",
        "role": "reader",
        "title": "Kommunikationskonsulent",
        "party": "",
        "superuser": False,
    },
]


class RoundData(TypedDict):
    name: str
    budget_year: int
    price_level_year: int
    target_amount: int
    full_effect_year: int
    description: str


ROUND: RoundData = {
    "name": "Budget 2027–2030",
    "budget_year": 2027,
    "price_level_year": 2027,
    "target_amount": 30_000_000,
    "full_effect_year": 2028,
    "description": (
        "Kommunalbestyrelsen vil finde et råderum på 30 mio. kr. om året med fuld effekt fra "
        "2028. Forslagene er regnet i 2027-priser og skal være klar til budgetseminaret i juni."
    ),
}
ROUND_CREATED_BY = "oekonomi"


class ProposalData(TypedDict):
    committee: str
    title: str
    type: str
    status: str
    owner: str
    director: NotRequired[str]
    contributors: NotRequired[list[str]]
    summary: str
    description: str
    type_rationale: str
    consequences_service: str
    consequences_citizens: str
    consequences_staff: str
    risks: str
    calculation_basis: str
    assumptions: str
    effects: dict[str, tuple[int, int, int, int]]  # area name -> 2027..2030
    fte: NotRequired[tuple[float, float, float, float]]  # 2027..2030, negative = fewer


PROPOSALS: list[ProposalData] = [
    # ---------------------------------------------------------------- Økonomiudvalget
    {
        "committee": "ØK",
        "title": "Digital post til borgere",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "Flere breve fra kommunen skal sendes med Digital Post. Det sparer porto og print. "
            "Borgere uden Digital Post får stadig breve på papir."
        ),
        "description": (
            "Kommunen sender i dag ca. 160.000 breve om året på papir. Fagsystemerne sættes op, "
            "så de sender digitalt, når borgeren er tilmeldt."
        ),
        "type_rationale": "Effektivisering: borgerne får de samme breve, blot digitalt.",
        "consequences_service": "Ingen ændring i serviceniveauet.",
        "consequences_citizens": "Brevene kommer hurtigere. Fritagne borgere får fortsat papir.",
        "consequences_staff": "Mindre manuel pakning og udsendelse i posten.",
        "risks": "Enkelte fagsystemer kan ikke sende digitalt før en opdatering i 2028.",
        "calculation_basis": (
            "100.000 breve flyttes til Digital Post. Porto og print koster 8 kr. pr. brev: "
            "100.000 × 8 kr. = 800.000 kr. Halv effekt i 2027."
        ),
        "assumptions": "Portoen stiger ikke mere end priserne i øvrigt.",
        "effects": {"Administration": (-400_000, -800_000, -800_000, -800_000)},
    },
    {
        "committee": "ØK",
        "title": "Softwarerobotter til fakturahåndtering",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "En softwarerobot skal kontere og godkende enkle fakturaer. "
            "Medarbejderne bruger tiden på de svære sager. Robotten betaler sig hjem i 2029."
        ),
        "description": (
            "Kommunen modtager ca. 90.000 fakturaer om året. To tredjedele er enkle og kan "
            "behandles af en robot efter faste regler."
        ),
        "type_rationale": "Investering: robotten koster i 2027 og giver gevinst fra 2028.",
        "consequences_service": "Leverandørerne får deres penge hurtigere.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "2 årsværk i bogholderiet frigøres ved naturlig afgang.",
        "risks": "Gevinsten forudsætter, at leverandørerne sender fakturaer i fast format.",
        "calculation_basis": (
            "Indkøb og opsætning 600.000 kr. i 2027, licens 150.000 kr. om året. "
            "Gevinst 2 årsværk á 500.000 kr. fra 2029, 1,4 årsværk i 2028."
        ),
        "assumptions": "Robotten kører stabilt fra 1. januar 2028.",
        "effects": {
            "IT og digitalisering": (600_000, 150_000, 150_000, 150_000),
            "Administration": (0, -700_000, -1_000_000, -1_000_000),
        },
        "fte": (0, -1.4, -2, -2),
    },
    {
        "committee": "ØK",
        "title": "Samling af administrationen på rådhuset",
        "type": INVESTMENT,
        "status": DRAFT,
        "owner": "direktoer",
        "summary": (
            "Medarbejderne i det lejede kontorhus flytter ind på rådhuset. "
            "Lejemålet opsiges. Flytningen koster penge i 2027."
        ),
        "description": (
            "Rådhuset har ledige pladser efter flere års hjemmearbejde. Ombygning til "
            "fleksible kontorer gør plads til 70 medarbejdere fra lejemålet i Torvegade."
        ),
        "type_rationale": "Investering: ombygning og flytning i 2027, lavere husleje bagefter.",
        "consequences_service": "Borgerservice samles ét sted.",
        "consequences_citizens": "Borgerne skal kun finde én adresse.",
        "consequences_staff": "Flere deler skriveborde. Arbejdsmiljøet følges tæt.",
        "risks": "Lejemålet kan tidligst opsiges til 31. maj 2028.",
        "calculation_basis": (
            "Ombygning og flytning 1,0 mio. kr. i 2027. Husleje, varme og rengøring i "
            "Torvegade koster 2,0 mio. kr. om året; 7 måneder i 2028 giver 1,2 mio. kr."
        ),
        "assumptions": "Ombygningen kan holdes inden for driften.",
        "effects": {
            "Administrationsbygninger": (1_000_000, -1_200_000, -2_000_000, -2_000_000),
        },
    },
    {
        "committee": "ØK",
        "title": "Ét ledelseslag mindre i administrationen",
        "type": SAVING,
        "status": READY,
        "owner": "direktoer",
        "summary": (
            "Vi sparer to chefer på rådhuset. Lederne af de tre afdelinger får direktøren som "
            "chef. Så bliver vejen kort fra idé til beslutning."
        ),
        "description": "Organiseringen af Økonomi, HR og Digitalisering forenkles.",
        "type_rationale": "Besparelse: der bliver mindre ledelseskapacitet.",
        "consequences_service": "Direktørerne får flere ledere at følge op på.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "2 chefer fratræder. Andre ledere får større ansvar.",
        "risks": "Strategiske opgaver kan blive nedprioriteret.",
        "calculation_basis": (
            "2 stillinger á 800.000 kr. inkl. pension = 1,6 mio. kr. "
            "Stillingerne nedlægges 1. april 2027, derfor 1,2 mio. kr. i 2027."
        ),
        "assumptions": "Fratrædelsesløn afholdes inden for administrationens ramme.",
        "effects": {"Administration": (-1_200_000, -1_600_000, -1_600_000, -1_600_000)},
        "fte": (-1.5, -2, -2, -2),
    },
    {
        "committee": "ØK",
        "title": "Fælles indkøb og bedre aftaleoverholdelse",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "direktoer",
        "director": "direktoer",
        "summary": (
            "Mere af kommunens indkøb skal ske på de aftaler, der er udbudt. "
            "Varerne bliver billigere. Gevinsten lander i administrationen, på skolerne og på "
            "plejecentrene."
        ),
        "description": (
            "Indkøbsteamet følger hver måned op på køb uden for aftale. E-handel gøres til den "
            "nemme vej for institutionerne."
        ),
        "type_rationale": "Effektivisering: de samme varer til en lavere pris.",
        "consequences_service": "Institutionerne får færre leverandører at vælge mellem.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "Lederne skal følge op på indkøb uden for aftale.",
        "risks": "Gevinsten afhænger af, at lederne faktisk ændrer vaner.",
        "calculation_basis": (
            "Indkøb for 10,7 mio. kr. om året flyttes ind på aftaler, hvor priserne i gennemsnit "
            "er 15 % lavere: ca. 1,6 mio. kr. Fordelt efter forbrug: administration 0,6, skoler "
            "0,4 og plejecentre 0,6 mio. kr. Tre fjerdedele i 2027."
        ),
        "assumptions": "Aftalerne genudbydes uden prisstigninger ud over P/L.",
        "effects": {
            "Administration": (-450_000, -600_000, -600_000, -600_000),
            "Folkeskoler og SFO": (-300_000, -400_000, -400_000, -400_000),
            "Plejecentre": (-450_000, -600_000, -600_000, -600_000),
        },
    },
    {
        "committee": "ØK",
        "title": "Mindre pulje til § 17, stk. 4-udvalg",
        "type": SAVING,
        "status": DRAFT,
        "owner": "direktoer",
        "summary": (
            "Puljen til midlertidige politiske udvalg halveres. "
            "Kommunalbestyrelsen kan nedsætte færre udvalg med borgere og eksperter."
        ),
        "description": "Puljen dækker mødeudgifter, honorarer og sekretariatsbistand.",
        "type_rationale": "Besparelse: der bliver plads til færre udvalg.",
        "consequences_service": "Færre borgere kan inddrages i politiske udvalg.",
        "consequences_citizens": "Færre muligheder for at deltage i et § 17, stk. 4-udvalg.",
        "consequences_staff": "Mindre sekretariatsarbejde.",
        "risks": "Politisk ønske om nye udvalg kan kræve en tillægsbevilling.",
        "calculation_basis": (
            "Puljen er 600.000 kr. og halveres fra 2028. I 2027 er 150.000 kr. ikke disponeret."
        ),
        "assumptions": "Ingen nye udvalg nedsættes i 2027.",
        "effects": {"Politisk organisation": (-150_000, -300_000, -300_000, -300_000)},
    },
    {
        "committee": "ØK",
        "title": "Færre IT-licenser og ét system pr. opgave",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "Kommunen betaler for licenser, som ingen bruger. De opsiges. "
            "To systemer, der gør det samme som andre, lukkes."
        ),
        "description": (
            "IT har gennemgået alle licenser og fagsystemer. Ubrugte licenser opsiges ved "
            "næste fornyelse; dobbelte systemer udfases i 2027."
        ),
        "type_rationale": "Effektivisering: medarbejderne beholder de værktøjer, de bruger.",
        "consequences_service": "Ingen ændring i serviceniveauet.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "Nogle medarbejdere skal lære et andet system.",
        "risks": "Data skal flyttes fra de systemer, der lukker.",
        "calculation_basis": (
            "450 ubrugte licenser á 1.600 kr. = 720.000 kr. To dobbelte systemer koster "
            "480.000 kr. I alt 1,2 mio. kr.; 0,9 mio. kr. i 2027."
        ),
        "assumptions": "Licenspriserne følger P/L.",
        "effects": {"IT og digitalisering": (-900_000, -1_200_000, -1_200_000, -1_200_000)},
    },
    {
        "committee": "ØK",
        "title": "Færre eksterne konsulenter",
        "type": SAVING,
        "status": READY,
        "owner": "direktoer",
        "summary": (
            "Kommunen køber færre konsulentydelser. Flere analyser laves af egne medarbejdere. "
            "Nogle projekter tager længere tid."
        ),
        "description": "Konsulenter må kun købes efter godkendelse i direktionen.",
        "type_rationale": "Besparelse: der bliver mindre kapacitet til udviklingsprojekter.",
        "consequences_service": "Færre udviklingsprojekter kan gennemføres på samme tid.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "Egne medarbejdere får flere analyseopgaver.",
        "risks": "Særlig viden, fx om jura og byggeri, skal stadig købes.",
        "calculation_basis": (
            "Konsulentforbruget var 4,2 mio. kr. i regnskab 2025. Det sænkes med "
            "1,0 mio. kr. om året fra 2027."
        ),
        "assumptions": "Lovpligtige opgaver kræver ikke flere konsulenter end i dag.",
        "effects": {"Administration": (-1_000_000, -1_000_000, -1_000_000, -1_000_000)},
    },
    {
        "committee": "ØK",
        "title": "Fælles sekretariat for de tre forvaltninger",
        "type": EFFICIENCY,
        "status": DRAFT,
        "owner": "direktoer",
        "summary": (
            "Tre sekretariater bliver til ét. Det giver færre stillinger og mere ens sagsgange. "
            "Stillingerne nedlægges, når medarbejdere går af."
        ),
        "description": (
            "Dagsordener, ministersvar og klagesager håndteres ét sted med fælles skabeloner."
        ),
        "type_rationale": "Effektivisering: de samme opgaver løses med færre medarbejdere.",
        "consequences_service": "Politikerne får dagsordener i ens form.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "4 stillinger nedlægges ved naturlig afgang.",
        "risks": "Nærheden til fagområderne kan blive mindre.",
        "calculation_basis": (
            "4 stillinger á 500.000 kr. = 2,0 mio. kr. Tre af dem nedlægges i 2027: 1,5 mio. kr."
        ),
        "assumptions": "Der er naturlig afgang nok til at undgå afskedigelser.",
        "effects": {"Administration": (-1_500_000, -2_000_000, -2_000_000, -2_000_000)},
        "fte": (-3, -4, -4, -4),
    },
    {
        "committee": "ØK",
        "title": "Chatbot og bedre selvbetjening i Borgerservice",
        "type": INVESTMENT,
        "status": DRAFT,
        "owner": "ejer3",
        "summary": (
            "En chatbot på hjemmesiden svarer på de mest stillede spørgsmål, også om aftenen. "
            "Færre borgere skal ringe. Borgerservice får tid til dem, der har brug for hjælp."
        ),
        "description": (
            "Chatbotten trænes på de 40 mest stillede spørgsmål om pas, kørekort, affald og "
            "betaling. Selvbetjeningen på hjemmesiden gøres enklere."
        ),
        "type_rationale": "Investering: opsætning i 2027, færre opkald fra 2028.",
        "consequences_service": "Svar døgnet rundt på enkle spørgsmål.",
        "consequences_citizens": "Borgere kan altid ringe eller møde op, hvis de vil.",
        "consequences_staff": "2 årsværk færre i Borgerservice fra 2029.",
        "risks": "Borgerne skal have tillid til svarene, ellers ringer de alligevel.",
        "calculation_basis": (
            "Opsætning og træning 500.000 kr. i 2027, drift 200.000 kr. om året. "
            "20 % færre opkald svarer til 2 årsværk á 450.000 kr. = 900.000 kr."
        ),
        "assumptions": "Antallet af henvendelser er det samme som i 2025.",
        "effects": {
            "IT og digitalisering": (500_000, 200_000, 200_000, 200_000),
            "Administration": (0, -600_000, -900_000, -900_000),
        },
        "fte": (0, -1.3, -2, -2),
    },
    {
        "committee": "ØK",
        "title": "Sundhedsindsats mod sygefravær i velfærdsområderne",
        "type": INVESTMENT,
        "status": READY,
        "owner": "direktoer2",
        "director": "direktoer2",
        "summary": (
            "Et lille team hjælper arbejdspladser med højt sygefravær. Det koster i HR. "
            "Gevinsten kommer som færre vikarer i hjemmeplejen, på plejecentrene og i "
            "dagtilbuddene."
        ),
        "description": (
            "Teamet tilbyder tidlig samtale, træning og hjælp til at tilrettelægge arbejdet. "
            "Indsatsen starter på de 10 arbejdspladser med det højeste fravær."
        ),
        "type_rationale": (
            "Investering: udgiften ligger i HR, gevinsten i tre andre områder og kommer først "
            "efter et år."
        ),
        "consequences_service": "Borgerne møder oftere faste medarbejdere.",
        "consequences_citizens": "Mere kontinuitet i pleje og pasning.",
        "consequences_staff": "Tilbud om træning og hjælp ved sygdom.",
        "risks": "Sygefraværet svinger; gevinsten kan komme senere end regnet.",
        "calculation_basis": (
            "2 fysioterapeuter og 1 HR-konsulent: 1,2 mio. kr. i 2027 inkl. opstart, derefter "
            "0,8 mio. kr. Fraværet falder fra 7,1 % til 6,3 %. Et procentpoint koster 3,4 mio. kr. "
            "i vikarer: 0,8 × 3,4 ≈ 2,7 mio. kr. fra 2029."
        ),
        "assumptions": "Vikarbudgetterne reduceres i takt med faldet i fraværet.",
        "effects": {
            "Administration": (1_200_000, 800_000, 800_000, 800_000),
            "Hjemmepleje": (-200_000, -800_000, -1_000_000, -1_000_000),
            "Plejecentre": (-200_000, -800_000, -1_000_000, -1_000_000),
            "Dagtilbud": (-100_000, -500_000, -700_000, -700_000),
        },
        "fte": (3, 3, 3, 3),
    },
    # ---------------------------------------------------------------- Børne- og Ungdomsudvalget
    {
        "committee": "BU",
        "title": "Sammenlægning af to skoledistrikter",
        "type": SAVING,
        "status": READY,
        "owner": "ejer",
        "contributors": ["bidragyder"],
        "summary": (
            "Den mindste skole lukker. Eleverne flytter til en større skole 4 km væk. "
            "Det giver færre klasser og lavere udgifter til bygninger og ledelse."
        ),
        "description": (
            "Skolen i Nørreby har 118 elever og små klasser. Skoledistriktet lægges sammen med "
            "Østervang Skole fra skoleåret 2027/28."
        ),
        "type_rationale": "Besparelse: eleverne får længere til skole.",
        "consequences_service": "Større klasser og et bredere fagligt miljø.",
        "consequences_citizens": "Længere skolevej for 118 elever. Nogle får skolebus.",
        "consequences_staff": "6 årsværk færre: ledelse, lærere og service.",
        "risks": "Nogle forældre vælger friskole. Lokalsamfundet vil protestere.",
        "calculation_basis": (
            "Ledelse 1,1 mio. kr., bygningsdrift 1,2 mio. kr. og 2 færre klasser 1,2 mio. kr. "
            "= 3,5 mio. kr. Fra 1. august 2027: 5/12 i 2027, afrundet 1,5 mio. kr."
        ),
        "assumptions": "Højst 10 elever vælger friskole. Bygningen sælges eller bruges til andet.",
        "effects": {"Folkeskoler og SFO": (-1_500_000, -3_500_000, -3_500_000, -3_500_000)},
        "fte": (-2.5, -6, -6, -6),
    },
    {
        "committee": "BU",
        "title": "Større klasser i udskolingen",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "Når eleverne starter i 7. klasse, dannes klasserne med op til 26 elever. "
            "Det giver tre færre klasser i kommunen."
        ),
        "description": "Klassedannelsen sker på tværs af spor på de fire største skoler.",
        "type_rationale": "Besparelse: flere elever pr. lærer.",
        "consequences_service": "Større klasser i 7.–9. klasse.",
        "consequences_citizens": "Nogle elever skifter klassekammerater ved 7. klasse.",
        "consequences_staff": "3 lærerstillinger færre.",
        "risks": "Elever med behov for støtte kan få mindre hjælp i store klasser.",
        "calculation_basis": (
            "En klasse koster ca. 500.000 kr. i lærerløn. 3 klasser = 1,5 mio. kr. "
            "Fra 1. august 2027."
        ),
        "assumptions": "Elevtallet følger befolkningsprognosen.",
        "effects": {"Folkeskoler og SFO": (-600_000, -1_500_000, -1_500_000, -1_500_000)},
        "fte": (-1, -3, -3, -3),
    },
    {
        "committee": "BU",
        "title": "Lukning af morgen-SFO på små skoler",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "På fire små skoler kommer under ti børn i SFO om morgenen. "
            "Her lukker morgen-SFO. Børnene kan bruge SFO om eftermiddagen som før."
        ),
        "description": "Morgenåbningen kl. 6.30–8.00 lukkes på de fire skoler.",
        "type_rationale": "Besparelse: kortere åbningstid.",
        "consequences_service": "SFO åbner først kl. 8.00 på fire skoler.",
        "consequences_citizens": "Nogle familier skal finde en anden løsning om morgenen.",
        "consequences_staff": "Færre timer for pædagogmedhjælpere.",
        "risks": "Familier kan vælge en anden skole.",
        "calculation_basis": "4 skoler × 175.000 kr. = 700.000 kr. Fra 1. august 2027.",
        "assumptions": "Forældrebetalingen er uændret.",
        "effects": {"Folkeskoler og SFO": (-300_000, -700_000, -700_000, -700_000)},
    },
    {
        "committee": "BU",
        "title": "Flere børn i almenklasser med støtte",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Flere børn skal gå i deres lokale skole med støtte i stedet for i en specialskole. "
            "Skolerne får et støttekorps. Udgiften til specialskoler falder over fire år."
        ),
        "description": (
            "Et korps på 3 lærere med særlig viden om autisme og ADHD hjælper skolerne. "
            "Nye henvisninger til specialskole vurderes først af korpset."
        ),
        "type_rationale": (
            "Investering: korpset koster fra start; færre elever i specialskole giver gevinst "
            "senere."
        ),
        "consequences_service": "Flere børn får hjælp i deres egen klasse.",
        "consequences_citizens": "Kortere skolevej for børn, der ellers skulle køres.",
        "consequences_staff": "Lærerne får sparring og kurser.",
        "risks": "Nogle børn trives ikke i almenklassen og skal alligevel i specialtilbud.",
        "calculation_basis": (
            "En specialskoleplads koster ca. 450.000 kr. om året. 11 færre elever i 2030 = "
            "5,0 mio. kr. Korpset koster 1,5 mio. kr., fra 2029 1,0 mio. kr."
        ),
        "assumptions": "Antallet af børn med store behov er det samme som i dag.",
        "effects": {
            "Folkeskoler og SFO": (1_500_000, 1_500_000, 1_000_000, 1_000_000),
            "Specialundervisning": (-1_000_000, -3_000_000, -4_500_000, -5_000_000),
        },
        "fte": (3, 3, 2, 2),
    },
    {
        "committee": "BU",
        "title": "Omlægning af dagpleje til vuggestuepladser",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Der er ledige pladser i vuggestuerne. Derfor bliver der 20 færre pladser i "
            "dagplejen. Børnene får plads i en vuggestue tæt på."
        ),
        "description": "Dagplejere, der går på pension, erstattes ikke.",
        "type_rationale": "Effektivisering: børnene passes stadig, blot billigere.",
        "consequences_service": "Færre forældre kan vælge dagpleje.",
        "consequences_citizens": "Forældre får plads i vuggestue i stedet for dagpleje.",
        "consequences_staff": "2 årsværk færre i dagplejen ved naturlig afgang.",
        "risks": "Flere børn end ventet kan give mangel på vuggestuepladser.",
        "calculation_basis": (
            "En vuggestueplads koster 60.000 kr. mindre om året end en dagplejeplads. "
            "20 × 60.000 kr. = 1,2 mio. kr."
        ),
        "assumptions": "Der er mindst 20 ledige vuggestuepladser i 2027.",
        "effects": {"Dagtilbud": (-600_000, -1_200_000, -1_200_000, -1_200_000)},
        "fte": (-1, -2, -2, -2),
    },
    {
        "committee": "BU",
        "title": "Flere pædagoger i vuggestuerne",
        "type": EXPANSION,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Vuggestuerne får 6,5 flere pædagoger. Der bliver flere voksne om de mindste børn, "
            "især om eftermiddagen."
        ),
        "description": (
            "Stillingerne fordeles efter antallet af børn under 3 år i hver institution."
        ),
        "type_rationale": "Budgetudvidelse: mere service for flere penge.",
        "consequences_service": "Bedre normering i vuggestuerne.",
        "consequences_citizens": "Mere tid til hvert barn.",
        "consequences_staff": "6,5 nye stillinger. Det kan være svært at rekruttere.",
        "risks": "Mangel på uddannede pædagoger kan forsinke ansættelserne.",
        "calculation_basis": (
            "6,5 pædagoger á 460.000 kr. ≈ 3,0 mio. kr. Fra 1. august 2027: 1,25 mio. kr."
        ),
        "assumptions": "Stillingerne kan besættes med uddannede pædagoger.",
        "effects": {"Dagtilbud": (1_250_000, 3_000_000, 3_000_000, 3_000_000)},
        "fte": (2.7, 6.5, 6.5, 6.5),
    },
    {
        "committee": "BU",
        "title": "Fælles sommerferiepasning i dagtilbud",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "I tre uger i juli passes børnene i fire af de 14 institutioner. "
            "Der bruges færre vikarer. Forældrene får besked i god tid."
        ),
        "description": "De fire institutioner ligger, så ingen familie får over 6 km.",
        "type_rationale": "Effektivisering: alle børn får stadig pasning.",
        "consequences_service": "Børnene passes et andet sted i tre uger.",
        "consequences_citizens": "Nogle familier får længere vej i juli.",
        "consequences_staff": "Færre vikartimer. Personalet skal afholde ferie i juli.",
        "risks": "Små børn kan have svært ved skiftet.",
        "calculation_basis": (
            "Færre vikartimer og lavere drift i 10 institutioner: 600.000 kr. om året. "
            "Kun 2 uger i 2027: 300.000 kr."
        ),
        "assumptions": "Højst 30 % af børnene skal passes i juli.",
        "effects": {"Dagtilbud": (-300_000, -600_000, -600_000, -600_000)},
    },
    {
        "committee": "BU",
        "title": "Familiebehandling i stedet for anbringelse",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer",
        "contributors": ["bidragyder"],
        "summary": (
            "Et nyt team arbejder med familier, før det går så galt, at barnet skal anbringes. "
            "Flere børn kan blive hjemme. Teamet betaler sig hjem i 2029."
        ),
        "description": (
            "Teamet på 4 familiebehandlere arbejder i hjemmet flere gange om ugen i op til et år."
        ),
        "type_rationale": "Investering: teamet koster fra 2027, færre anbringelser kommer senere.",
        "consequences_service": "Tidligere og mere intensiv hjælp til familierne.",
        "consequences_citizens": "Færre børn skal bo uden for hjemmet.",
        "consequences_staff": "4 nye stillinger i familieafdelingen.",
        "risks": "En anbringelse må aldrig udskydes af økonomiske grunde.",
        "calculation_basis": (
            "Teamet koster 2,0 mio. kr. om året. En døgnanbringelse koster ca. 1,0 mio. kr. om "
            "året. Færre anbringelser: 0,5, 1,5, 4,5 og 6,0 helårsanbringelser i 2027–2030."
        ),
        "assumptions": "Antallet af underretninger er det samme som i 2025.",
        "effects": {"Børn og familier": (1_500_000, 500_000, -2_500_000, -4_000_000)},
        "fte": (4, 4, 4, 4),
    },
    {
        "committee": "BU",
        "title": "Trivselsteam i skolerne",
        "type": EXPANSION,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "Flere elever mistrives. Et team på tre medarbejdere hjælper klasser med "
            "konflikter og elever, der bliver væk fra skole."
        ),
        "description": "Teamet arbejder på alle skoler efter henvisning fra skolelederen.",
        "type_rationale": "Budgetudvidelse: en ny indsats, der koster penge.",
        "consequences_service": "Hurtigere hjælp til elever med højt fravær.",
        "consequences_citizens": "Forældre får en fast kontakt, når deres barn mistrives.",
        "consequences_staff": "3 nye stillinger. Lærerne får sparring.",
        "risks": "Effekten på fraværet er usikker.",
        "calculation_basis": "3 medarbejdere á 530.000 kr. ≈ 1,6 mio. kr. Fra 1. august 2027.",
        "assumptions": "Teamet kan ansættes fra august 2027.",
        "effects": {"Folkeskoler og SFO": (800_000, 1_600_000, 1_600_000, 1_600_000)},
        "fte": (1.5, 3, 3, 3),
    },
    {
        "committee": "BU",
        "title": "Specialklasser i egen kommune i stedet for købte pladser",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Kommunen køber i dag 12 pladser i andre kommuners specialklasser. "
            "Nu laver vi to klasser selv. Eleverne får kortere transport."
        ),
        "description": "De to klasser placeres på Østervang Skole, som har ledige lokaler.",
        "type_rationale": "Investering: indretning i 2027, lavere pladspris bagefter.",
        "consequences_service": "Eleverne går i skole i deres egen kommune.",
        "consequences_citizens": "Kortere transport for 12 elever.",
        "consequences_staff": "Nye stillinger i specialklasserne.",
        "risks": "Det kan være svært at rekruttere lærere med specialviden.",
        "calculation_basis": (
            "Indretning 0,8 mio. kr. i 2027. En købt plads koster 520.000 kr., en egen plads "
            "310.000 kr. 7 elever i 2028 × 210.000 kr. ≈ 1,5 mio. kr.; 12 elever fra 2029 ≈ "
            "2,5 mio. kr."
        ),
        "assumptions": "Forældrene ønsker, at deres barn flytter til den nye klasse.",
        "effects": {"Specialundervisning": (800_000, -1_500_000, -2_500_000, -2_500_000)},
    },
    {
        "committee": "BU",
        "title": "Ny tildelingsmodel for specialundervisning",
        "type": EFFICIENCY,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "Skolerne får et fast beløb pr. elev til specialundervisning. "
            "Så kan de selv vælge den bedste hjælp. Det giver færre dyre visitationer."
        ),
        "description": "Modellen erstatter betaling pr. visiteret elev fra 1. januar 2027.",
        "type_rationale": "Effektivisering: pengene bruges bedre på de samme elever.",
        "consequences_service": "Skolerne kan hjælpe tidligere.",
        "consequences_citizens": "Forældre får hjælp uden en lang visitation.",
        "consequences_staff": "Skolelederne får mere ansvar for økonomien.",
        "risks": "Skoler med mange elever med store behov kan komme i klemme.",
        "calculation_basis": (
            "Andre kommuner har fået 1–2 % lavere udgifter. 1,3 % af 78 mio. kr. ≈ 1,0 mio. kr. "
            "0,8 mio. kr. i 2027."
        ),
        "assumptions": "Der er en pulje til særligt dyre elever.",
        "effects": {"Specialundervisning": (-800_000, -1_000_000, -1_000_000, -1_000_000)},
    },
    {
        "committee": "BU",
        "title": "Netværksanbringelser frem for plejefamilier",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Når et barn skal anbringes, ser vi først efter familie og venner. "
            "Barnet bliver i sit netværk. Det er også billigere end en plejefamilie."
        ),
        "description": "Alle nye anbringelser starter med et netværksmøde.",
        "type_rationale": "Effektivisering: en god anbringelse til en lavere pris.",
        "consequences_service": "Flere børn anbringes hos familie eller venner.",
        "consequences_citizens": "Barnet bevarer kontakten til sit netværk.",
        "consequences_staff": "Rådgiverne skal holde flere netværksmøder.",
        "risks": "Netværket skal godkendes grundigt og støttes undervejs.",
        "calculation_basis": (
            "En netværksplejefamilie koster ca. 150.000 kr. om året, en almindelig plejefamilie "
            "ca. 450.000 kr. 5 flere netværksanbringelser × 300.000 kr. = 1,5 mio. kr."
        ),
        "assumptions": "5 egnede netværk findes inden 2029.",
        "effects": {"Børn og familier": (-800_000, -1_200_000, -1_500_000, -1_500_000)},
    },
    {
        "committee": "BU",
        "title": "Tidlig indsats for unge med psykisk sårbarhed",
        "type": INVESTMENT,
        "status": READY,
        "owner": "direktoer",
        "director": "direktoer",
        "summary": (
            "Unge med angst eller depression får hurtig hjælp fra en psykolog. "
            "Flere gennemfører en uddannelse. Senere skal færre have kontanthjælp eller bostøtte."
        ),
        "description": (
            "Et team med 2 psykologer og en ungerådgiver hjælper unge mellem 15 og 25 år uden "
            "ventetid."
        ),
        "type_rationale": (
            "Investering: udgiften ligger hos Børne- og Ungdomsudvalget, gevinsten hos "
            "Beskæftigelsesudvalget og Social- og Sundhedsudvalget."
        ),
        "consequences_service": "Hjælp inden for to uger.",
        "consequences_citizens": "Færre unge falder ud af uddannelse.",
        "consequences_staff": "3 nye stillinger.",
        "risks": "Gevinsten kommer sent og er svær at måle.",
        "calculation_basis": (
            "Teamet koster 1,0 mio. kr. om året; 0,6 mio. kr. i 2027 med start i august og "
            "opstart. 12 færre unge på kontanthjælp á 125.000 kr. = 1,5 mio. kr. fra 2030. "
            "Færre unge med bostøtte: 1,5 mio. kr."
        ),
        "assumptions": "Indsatsen følger modellen fra tre andre kommuner.",
        "effects": {
            "Børn og familier": (600_000, 1_000_000, 1_000_000, 1_000_000),
            "Sygedagpenge og kontanthjælp": (0, -500_000, -1_200_000, -1_500_000),
            "Voksne med særlige behov": (0, -500_000, -1_000_000, -1_500_000),
        },
        "fte": (1.3, 3, 3, 3),
    },
    # ---------------------------------------------------------------- Social- og Sundhedsudvalget
    {
        "committee": "SU",
        "title": "Velfærdsteknologi: vasketoiletter i plejeboliger",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Der sættes vasketoiletter op i 80 plejeboliger. Beboerne kan klare toiletbesøg "
            "mere selv. Personalet får mere tid til andre opgaver."
        ),
        "description": (
            "Et vasketoilet skyller og tørrer. Beboere, der i dag skal have hjælp til hvert "
            "toiletbesøg, får mere privatliv."
        ),
        "type_rationale": "Investering: toiletterne købes i 2027 og giver gevinst fra 2028.",
        "consequences_service": "Mere selvhjulpne beboere.",
        "consequences_citizens": "Mere værdighed og privatliv.",
        "consequences_staff": "3 årsværk færre fra 2029 ved naturlig afgang.",
        "risks": "Nogle beboere vil ikke bruge vasketoilettet.",
        "calculation_basis": (
            "80 toiletter á 15.000 kr. = 1,2 mio. kr. i 2027. Gevinst 3 årsværk á 400.000 kr. = "
            "1,2 mio. kr. fra 2029, halvdelen i 2028."
        ),
        "assumptions": "Mindst 60 af 80 beboere bruger toilettet.",
        "effects": {"Plejecentre": (1_200_000, -600_000, -1_200_000, -1_200_000)},
        "fte": (0, -1.5, -3, -3),
    },
    {
        "committee": "SU",
        "title": "Flere hænder i hjemmeplejen",
        "type": EXPANSION,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Hjemmeplejen får 9,5 flere medarbejdere. De ældre får mere tid og færre "
            "forskellige hjælpere. Der bliver flere ældre de næste år."
        ),
        "description": "De nye medarbejdere fordeles på de tre distrikter efter antal borgere.",
        "type_rationale": "Budgetudvidelse: mere service for flere penge.",
        "consequences_service": "Mere tid hos hver borger.",
        "consequences_citizens": "Færre forskellige hjælpere i hjemmet.",
        "consequences_staff": "9,5 nye stillinger. Mindre travlhed.",
        "risks": "Det er svært at rekruttere social- og sundhedshjælpere.",
        "calculation_basis": (
            "9,5 social- og sundhedshjælpere á 420.000 kr. ≈ 4,0 mio. kr. Fra 1. juli 2027."
        ),
        "assumptions": "Stillingerne kan besættes.",
        "effects": {"Hjemmepleje": (2_000_000, 4_000_000, 4_000_000, 4_000_000)},
        "fte": (4.75, 9.5, 9.5, 9.5),
    },
    {
        "committee": "SU",
        "title": "Hverdagsrehabilitering før hjemmehjælp",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer2",
        "contributors": ["bidragyder"],
        "summary": (
            "Borgere, der søger hjemmehjælp, får først et forløb med træning. "
            "Mange kan derefter klare mere selv. Det kræver flere terapeuter."
        ),
        "description": (
            "Forløbet varer op til 12 uger. Terapeut og hjemmehjælper sætter mål sammen med "
            "borgeren."
        ),
        "type_rationale": (
            "Investering: terapeuterne koster fra start; hjemmehjælpen falder gradvist."
        ),
        "consequences_service": "Mere træning, mindre kompenserende hjælp.",
        "consequences_citizens": "Flere klarer sig selv længere.",
        "consequences_staff": "3 nye terapeuter. Hjemmeplejen arbejder mere rehabiliterende.",
        "risks": "Borgere med demens har mindre gavn af forløbet.",
        "calculation_basis": (
            "2 ergoterapeuter og 1 fysioterapeut: 1,2 mio. kr. om året. 150 forløb om året; "
            "75 borgere får 1 time mindre hjælp om ugen: 75 × 52 × 450 kr. ≈ 1,75 mio. kr. pr. "
            "årgang. Efter 2 år 3,5 mio. kr."
        ),
        "assumptions": "Timeprisen i hjemmeplejen er 450 kr.",
        "effects": {
            "Sundhed og træning": (1_200_000, 1_200_000, 1_200_000, 1_200_000),
            "Hjemmepleje": (-500_000, -2_500_000, -3_500_000, -3_500_000),
        },
        "fte": (3, 3, 3, 3),
    },
    {
        "committee": "SU",
        "title": "Rengøring hver tredje uge",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer2",
        "summary": (
            "Borgere med hjemmehjælp får gjort rent hver tredje uge i stedet for hver anden. "
            "Det sparer mange timer. Borgere med særlige behov kan stadig få hyppigere rengøring."
        ),
        "description": "Kvalitetsstandarden for praktisk hjælp ændres fra 1. april 2027.",
        "type_rationale": "Besparelse: borgerne får mindre hjælp.",
        "consequences_service": "Lavere serviceniveau for rengøring.",
        "consequences_citizens": "1.100 borgere får rengøring sjældnere.",
        "consequences_staff": "4,5 årsværk færre i hjemmeplejen.",
        "risks": "Hygiejnen kan blive dårligere hos de svageste borgere.",
        "calculation_basis": (
            "Rengøring udgør 13.300 timer om året. Hver tredje uge giver 4.440 færre timer "
            "á 450 kr. ≈ 2,0 mio. kr. Fra 1. april 2027: 1,5 mio. kr."
        ),
        "assumptions": "10 % af borgerne får dispensation.",
        "effects": {"Hjemmepleje": (-1_500_000, -2_000_000, -2_000_000, -2_000_000)},
        "fte": (-3.4, -4.5, -4.5, -4.5),
    },
    {
        "committee": "SU",
        "title": "Ny aftale om madservice",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Madservice til ældre i eget hjem sendes i udbud. Vi forventer en lavere pris. "
            "Maden skal have samme kvalitet og valgmuligheder."
        ),
        "description": "Udbuddet vægter kvalitet og smag med 60 % og pris med 40 %.",
        "type_rationale": "Effektivisering: samme mad til en lavere pris.",
        "consequences_service": "Måske en ny leverandør.",
        "consequences_citizens": "De ældre kan få en ny menu.",
        "consequences_staff": "Ingen konsekvens for kommunens medarbejdere.",
        "risks": "Prisen i udbuddet kan blive højere end ventet.",
        "calculation_basis": (
            "150.000 måltider om året. Forventet prisfald 4 kr. pr. måltid = 600.000 kr. "
            "Ny kontrakt fra 1. juli 2027."
        ),
        "assumptions": "Antallet af måltider er stabilt.",
        "effects": {"Hjemmepleje": (-300_000, -600_000, -600_000, -600_000)},
    },
    {
        "committee": "SU",
        "title": "Digital vagtplanlægning i hjemmeplejen",
        "type": EFFICIENCY,
        "status": DRAFT,
        "owner": "ejer2",
        "summary": (
            "Et nyt planlægningssystem lægger ruterne i hjemmeplejen. "
            "Der spildes mindre tid i bilen. Der skal bruges færre vikarer."
        ),
        "description": "Systemet er en del af omsorgssystemet og kræver ingen ny licens.",
        "type_rationale": "Effektivisering: samme hjælp med færre vikartimer.",
        "consequences_service": "Mere stabile besøgstider.",
        "consequences_citizens": "Borgerne får besøg på mere faste tidspunkter.",
        "consequences_staff": "Planlæggerne skal lære et nyt værktøj.",
        "risks": "Gevinsten forudsætter, at ruterne faktisk følges.",
        "calculation_basis": "Vikarudgiften falder med 700.000 kr. om året; halvt i 2027.",
        "assumptions": "Systemet er i drift 1. juli 2027.",
        "effects": {"Hjemmepleje": (-300_000, -700_000, -700_000, -700_000)},
        "fte": (-0.5, -1.5, -1.5, -1.5),
    },
    {
        "committee": "SU",
        "title": "Fælles ledelse af to plejecentre",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Plejecentrene Solgården og Birkely får én fælles leder. "
            "Hvert center beholder en daglig leder blandt personalet."
        ),
        "description": "Den ene centerleder går på pension i sommeren 2027.",
        "type_rationale": "Effektivisering: samme pleje med færre ledere.",
        "consequences_service": "Ingen ændring for beboerne.",
        "consequences_citizens": "Pårørende får en ny kontaktperson i ledelsen.",
        "consequences_staff": "Én lederstilling nedlægges ved naturlig afgang.",
        "risks": "Lederen får et stort ledelsesspænd.",
        "calculation_basis": "1 centerleder á 800.000 kr. inkl. pension. Fra 1. juli 2027.",
        "assumptions": "Ingen fratrædelsesløn.",
        "effects": {"Plejecentre": (-400_000, -800_000, -800_000, -800_000)},
        "fte": (-0.5, -1, -1, -1),
    },
    {
        "committee": "SU",
        "title": "Færre midlertidige pladser",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer2",
        "summary": (
            "Kommunen har 24 midlertidige pladser til ældre, der kommer hjem fra sygehus. "
            "Fire af dem lukker, fordi de ofte står tomme."
        ),
        "description": "Pladserne på Birkely lukkes og bruges til almindelige plejeboliger.",
        "type_rationale": "Besparelse: færre pladser.",
        "consequences_service": "Længere ventetid i travle perioder.",
        "consequences_citizens": "Nogle ældre skal vente på sygehuset eller få hjælp hjemme.",
        "consequences_staff": "5 årsværk færre.",
        "risks": "Kommunen kan få regninger for færdigbehandlede patienter.",
        "calculation_basis": (
            "Belægningen var 78 % i 2025. 4 pladser á 600.000 kr. = 2,4 mio. kr. Fra 1. juli 2027."
        ),
        "assumptions": "Belægningen stiger ikke over 90 %.",
        "effects": {"Plejecentre": (-1_200_000, -2_400_000, -2_400_000, -2_400_000)},
        "fte": (-2.5, -5, -5, -5),
    },
    {
        "committee": "SU",
        "title": "Hjemtagning af borgere fra eksterne botilbud",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Otte borgere bor i botilbud i andre kommuner. De får tilbud om at flytte hjem "
            "til nye boliger. Det er billigere og tættere på familien."
        ),
        "description": (
            "Otte boliger på Engvej bygges om. Personalet ansættes af kommunens eget botilbud."
        ),
        "type_rationale": "Investering: ombygning i 2027, lavere udgift fra 2028.",
        "consequences_service": "Borgerne bor i egen kommune.",
        "consequences_citizens": "Kortere afstand til familie.",
        "consequences_staff": "Nye stillinger i kommunens botilbud.",
        "risks": "Borgerne skal selv ønske at flytte.",
        "calculation_basis": (
            "Ombygning 1,5 mio. kr. i 2027. En ekstern plads koster 1,1 mio. kr., en egen "
            "0,6 mio. kr. 2 borgere i 2028, 7 i 2029 og 8 fra 2030 × 0,5 mio. kr."
        ),
        "assumptions": "Otte borgere ønsker at flytte inden 2030.",
        "effects": {"Voksne med særlige behov": (1_500_000, -1_000_000, -3_500_000, -4_000_000)},
    },
    {
        "committee": "SU",
        "title": "Udgående team i socialpsykiatrien",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Flere borgere med psykisk sygdom får støtte i eget hjem i stedet for en plads "
            "i et botilbud. Et udgående team giver støtten."
        ),
        "description": "Teamet kan komme hver dag og også om aftenen.",
        "type_rationale": "Effektivisering: borgerne får den støtte, de har brug for, billigere.",
        "consequences_service": "Flere får støtte i eget hjem.",
        "consequences_citizens": "Borgerne bevarer deres egen bolig.",
        "consequences_staff": "Medarbejdere flyttes fra botilbuddet til teamet.",
        "risks": "Nogle borgere får det værre uden døgnstøtte.",
        "calculation_basis": (
            "Teamet på 5 medarbejdere koster 2,4 mio. kr. 10 af 24 midlertidige pladser "
            "lukkes: 4,9 mio. kr. Netto 2,5 mio. kr. fra 2029."
        ),
        "assumptions": "Der findes egnede boliger til borgerne.",
        "effects": {"Voksne med særlige behov": (-1_200_000, -2_000_000, -2_500_000, -2_500_000)},
    },
    {
        "committee": "SU",
        "title": "Samling af aktivitets- og samværstilbud",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer2",
        "summary": (
            "Tre væresteder for voksne med handicap samles på to adresser. "
            "Én bygning og én lederstilling spares."
        ),
        "description": "Tilbuddene i Vestby og Nørreby samles i Vestby.",
        "type_rationale": "Besparelse: borgerne får længere til tilbuddet.",
        "consequences_service": "Ét tilbud færre.",
        "consequences_citizens": "Længere transport for ca. 25 borgere.",
        "consequences_staff": "Én lederstilling nedlægges.",
        "risks": "Nogle borgere stopper med at komme.",
        "calculation_basis": (
            "Husleje og drift af én bygning 700.000 kr. og én leder 500.000 kr. = 1,2 mio. kr. "
            "0,9 mio. kr. i 2027."
        ),
        "assumptions": "Bygningen kan opsiges med 3 måneders varsel.",
        "effects": {"Voksne med særlige behov": (-900_000, -1_200_000, -1_200_000, -1_200_000)},
    },
    {
        "committee": "SU",
        "title": "Genoptræning via video",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer2",
        "summary": (
            "Nogle træningsforløb foregår via video. Borgeren træner hjemme med terapeuten på "
            "skærmen. Det sparer transport."
        ),
        "description": "Videotræning tilbydes, når terapeuten vurderer, at det er forsvarligt.",
        "type_rationale": "Effektivisering: samme træning, mindre transport.",
        "consequences_service": "Flere kan træne hjemme.",
        "consequences_citizens": "Ingen transport til træningscentret.",
        "consequences_staff": "Terapeuterne skal lære at træne via video.",
        "risks": "Ikke alle borgere kan bruge en tablet.",
        "calculation_basis": (
            "20 % af 6.000 seancer flyttes til video. 1.200 × 420 kr. ≈ 500.000 kr."
        ),
        "assumptions": "Kommunen udlåner tablets.",
        "effects": {"Sundhed og træning": (-200_000, -500_000, -500_000, -500_000)},
    },
    {
        "committee": "SU",
        "title": "Fælles platform til skærmbesøg",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer2",
        "director": "direktoer2",
        "summary": (
            "300 borgere får nogle af deres besøg via en skærm, fx påmindelse om medicin. "
            "Platformen betales af IT. Gevinsten lander i hjemmeplejen."
        ),
        "description": (
            "Skærmbesøg bruges kun, når borgeren selv ønsker det, og ikke til personlig pleje."
        ),
        "type_rationale": (
            "Investering: udgiften ligger hos Økonomiudvalget (IT), gevinsten hos Social- og "
            "Sundhedsudvalget."
        ),
        "consequences_service": "Korte besøg kan ske via skærm.",
        "consequences_citizens": "Borgerne får besøg på faste tider, uden at nogen kører ud.",
        "consequences_staff": "Mindre kørsel i hjemmeplejen.",
        "risks": "Nogle borgere føler sig mere alene.",
        "calculation_basis": (
            "Platform og skærme 1,0 mio. kr. i 2027, drift 0,5 mio. kr. om året. "
            "5.500 færre besøgstimer á 450 kr. ≈ 2,5 mio. kr. fra 2029."
        ),
        "assumptions": "300 borgere siger ja til skærmbesøg.",
        "effects": {
            "IT og digitalisering": (1_000_000, 500_000, 500_000, 500_000),
            "Hjemmepleje": (-200_000, -1_500_000, -2_500_000, -2_500_000),
        },
    },
    # ---------------------------------------------------------------- Teknik- og Miljøudvalget
    {
        "committee": "TM",
        "title": "Energirenovering af kommunale bygninger",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer3",
        "director": "direktoer2",
        "contributors": ["bidragyder"],
        "summary": (
            "14 kommunale bygninger energirenoveres. Det koster i Ejendomsdrift de første to år. "
            "Varmeregningen falder på skoler, plejecentre og rådhus."
        ),
        "description": (
            "Renoveringen omfatter efterisolering, nye vinduer og styring af ventilation. "
            "Selve byggeriet betales af anlægsbudgettet."
        ),
        "type_rationale": (
            "Investering: udgiften ligger i Ejendomsdrift, gevinsten hos tre andre udvalg."
        ),
        "consequences_service": "Bedre indeklima i skoler og plejecentre.",
        "consequences_citizens": "Lavere CO2-udledning.",
        "consequences_staff": "Byggeri i bygningerne i 2027 og 2028.",
        "risks": "Varmepriserne kan falde, så gevinsten bliver mindre.",
        "calculation_basis": (
            "Energiscreening og projektledelse: 2,0 mio. kr. i 2027 og 1,0 mio. kr. i 2028. "
            "Varmeforbruget falder 25 %: skoler 1,2 mio. kr., plejecentre 0,9 mio. kr. og "
            "rådhuset 0,3 mio. kr. om året."
        ),
        "assumptions": "Anlægsbudgettet afsætter 18 mio. kr. til selve renoveringen.",
        "effects": {
            "Ejendomsdrift": (2_000_000, 1_000_000, 0, 0),
            "Folkeskoler og SFO": (0, -800_000, -1_200_000, -1_200_000),
            "Plejecentre": (0, -600_000, -900_000, -900_000),
            "Administrationsbygninger": (0, -200_000, -300_000, -300_000),
        },
    },
    {
        "committee": "TM",
        "title": "LED i alle gadelamper",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "De sidste 4.200 gamle gadelamper skiftes til LED. Lyset bliver bedre. "
            "Elregningen falder med 60 %."
        ),
        "description": "Lamperne styres også centralt, så de kan dæmpes om natten.",
        "type_rationale": "Investering: projektering i 2027, lavere elregning fra 2028.",
        "consequences_service": "Bedre lys på vejene.",
        "consequences_citizens": "Mindre lysforurening om natten.",
        "consequences_staff": "Mindre vedligeholdelse.",
        "risks": "Leveringstiden på armaturer kan forsinke projektet.",
        "calculation_basis": (
            "Projektering og tilslutning 1,0 mio. kr. i 2027; armaturerne betales af anlæg. "
            "Besparelse 2,1 mio. kWh á 0,62 kr. ≈ 1,3 mio. kr. om året fra 2029."
        ),
        "assumptions": "Elprisen er 0,62 kr. pr. kWh i 2027-priser.",
        "effects": {"Veje og trafik": (1_000_000, -800_000, -1_300_000, -1_300_000)},
    },
    {
        "committee": "TM",
        "title": "Mere vild natur og mindre græsslåning",
        "type": SAVING,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "En del af parkerne og vejkanterne slås kun to gange om året. "
            "Det giver mere vild natur og færre timer med plæneklipperen."
        ),
        "description": "Legepladser og boldbaner slås som i dag.",
        "type_rationale": "Besparelse: mindre pleje af de grønne områder.",
        "consequences_service": "Højere græs i dele af parkerne.",
        "consequences_citizens": "Mere biodiversitet. Nogle vil synes, det ser rodet ud.",
        "consequences_staff": "Et årsværk færre ved naturlig afgang.",
        "risks": "Klager fra borgere.",
        "calculation_basis": (
            "35 ha slås 2 gange i stedet for 12 gange: løn og maskiner 800.000 kr. om året."
        ),
        "assumptions": "Ingen ekstra udgift til skiltning.",
        "effects": {"Natur og grønne områder": (-400_000, -800_000, -800_000, -800_000)},
        "fte": (-0.5, -1, -1, -1),
    },
    {
        "committee": "TM",
        "title": "Flextur i stedet for buslinjer i yderområder",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer3",
        "summary": (
            "To buslinjer med meget få passagerer nedlægges. Borgerne kan i stedet bestille "
            "en Flextur. Den koster det samme som en busbillet."
        ),
        "description": "Linje 214 og 216 nedlægges ved køreplanskiftet i juni 2027.",
        "type_rationale": "Besparelse: borgerne skal bestille turen på forhånd.",
        "consequences_service": "Ingen faste afgange i to landsbyer.",
        "consequences_citizens": "Turen skal bestilles to timer før.",
        "consequences_staff": "Ingen konsekvens for kommunens medarbejdere.",
        "risks": "Flere Flexture end ventet.",
        "calculation_basis": (
            "Linjerne koster 2,1 mio. kr. om året. Ekstra Flextur koster 0,6 mio. kr. "
            "Netto 1,5 mio. kr.; ca. 1,0 mio. kr. i 2027."
        ),
        "assumptions": "Under 3 passagerer pr. afgang, som i 2025.",
        "effects": {"Kollektiv trafik": (-1_000_000, -1_500_000, -1_500_000, -1_500_000)},
    },
    {
        "committee": "TM",
        "title": "Lavere serviceniveau for snerydning på villaveje",
        "type": SAVING,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "Villaveje ryddes først, når der er faldet mere end 10 cm sne. I dag er grænsen 5 cm. "
            "Hovedveje og cykelstier ryddes som før."
        ),
        "description": "Regulativet for vintervedligeholdelse ændres.",
        "type_rationale": "Besparelse: mindre snerydning.",
        "consequences_service": "Villaveje ryddes sjældnere.",
        "consequences_citizens": "Glattere veje i boligområder nogle dage om vinteren.",
        "consequences_staff": "Færre vagter for entreprenørerne.",
        "risks": "Flere faldulykker.",
        "calculation_basis": "Gennemsnit for de sidste 5 vintre: 700.000 kr. om året.",
        "assumptions": "Vintrene bliver som gennemsnittet.",
        "effects": {"Veje og trafik": (-300_000, -700_000, -700_000, -700_000)},
    },
    {
        "committee": "TM",
        "title": "Bedre vintertjeneste på cykelstier",
        "type": EXPANSION,
        "status": DRAFT,
        "owner": "ejer3",
        "summary": (
            "35 km cykelsti til skoler og stationer saltes før kl. 6. "
            "Så kan flere cykle sikkert om vinteren."
        ),
        "description": "Ruterne vælges efter antal cyklister og skoleveje.",
        "type_rationale": "Budgetudvidelse: mere service for flere penge.",
        "consequences_service": "Sikrere cykelstier om morgenen.",
        "consequences_citizens": "Børn kan cykle i skole om vinteren.",
        "consequences_staff": "En ekstra vagt om vinteren.",
        "risks": "Ingen væsentlige.",
        "calculation_basis": "Ekstra vagt og leasing af 1 saltspreder: 400.000 kr. om året.",
        "assumptions": "Gennemsnitlig vinter.",
        "effects": {"Veje og trafik": (400_000, 400_000, 400_000, 400_000)},
    },
    {
        "committee": "TM",
        "title": "Skolekørsel med åbne buslinjer",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer3",
        "director": "direktoer",
        "summary": (
            "Tre lukkede skolebusruter bliver til åbne buslinjer. Eleverne kører gratis som "
            "før. Andre borgere kan også tage bussen."
        ),
        "description": (
            "Trafikselskabet kører ruterne. Skolernes udgift falder mere, end trafikudgiften "
            "stiger."
        ),
        "type_rationale": "Effektivisering: eleverne får samme transport billigere.",
        "consequences_service": "Flere afgange i landdistrikterne.",
        "consequences_citizens": "Alle kan tage skolebussen.",
        "consequences_staff": "Ingen konsekvens for kommunens medarbejdere.",
        "risks": "Trafikselskabets pris kan stige.",
        "calculation_basis": (
            "Lukket skolekørsel koster 2,4 mio. kr. Skolerne sparer 0,9 mio. kr.; kollektiv "
            "trafik får 0,3 mio. kr. i merudgift. Fra august 2027."
        ),
        "assumptions": "Køreplanen kan tilpasses skolernes ringetider.",
        "effects": {
            "Kollektiv trafik": (150_000, 300_000, 300_000, 300_000),
            "Folkeskoler og SFO": (-400_000, -900_000, -900_000, -900_000),
        },
    },
    {
        # The teaching example: cross-cutting without a director, so the catalog warns.
        "committee": "TM",
        "title": "Samlet kørselskontor for al visiteret kørsel",
        "type": EFFICIENCY,
        "status": DRAFT,
        "owner": "ejer3",
        "summary": (
            "Kørsel til specialskoler og aktivitetstilbud planlægges ét sted. "
            "Flere kører sammen. Det giver lavere udgifter til taxa og bus."
        ),
        "description": (
            "Kørselskontoret ligger i Teknik og Miljø. Gevinsten lander hos to andre udvalg."
        ),
        "type_rationale": "Effektivisering: samme kørsel, bedre planlagt.",
        "consequences_service": "Lidt længere køretid for nogle.",
        "consequences_citizens": "Faste chauffører så vidt muligt.",
        "consequences_staff": "En ny koordinator i kørselskontoret.",
        "risks": "Forslaget går på tværs af tre udvalg, men har endnu ingen direktør som ejer.",
        "calculation_basis": (
            "Koordinator 400.000 kr. om året. Samkørsel giver 10 % lavere udgifter til kørsel "
            "til specialskoler (8 mio. kr.) og aktivitetstilbud (8 mio. kr.)."
        ),
        "assumptions": "Kontrakterne med vognmændene kan ændres fra 1. august 2027.",
        "effects": {
            "Kollektiv trafik": (400_000, 400_000, 400_000, 400_000),
            "Specialundervisning": (-300_000, -800_000, -800_000, -800_000),
            "Voksne med særlige behov": (-300_000, -800_000, -800_000, -800_000),
        },
        "fte": (1, 1, 1, 1),
    },
    {
        "committee": "TM",
        "title": "Udlejning af ledige kommunale lokaler",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "Tre kommunale bygninger står helt eller delvist tomme. "
            "De lejes ud til foreninger og virksomheder."
        ),
        "description": "Lejen fastsættes efter markedsleje.",
        "type_rationale": "Effektivisering: en merindtægt uden lavere service.",
        "consequences_service": "Ingen ændring i serviceniveauet.",
        "consequences_citizens": "Liv i bygninger, der står tomme.",
        "consequences_staff": "Ejendomsdrift får flere lejere at betjene.",
        "risks": "Det kan tage tid at finde lejere.",
        "calculation_basis": "1.900 m² á 520 kr. om året ≈ 1,0 mio. kr. Fra 2028 fuldt udlejet.",
        "assumptions": "Bygningerne kræver ikke renovering før udlejning.",
        "effects": {"Ejendomsdrift": (-300_000, -1_000_000, -1_000_000, -1_000_000)},
    },
    {
        "committee": "TM",
        "title": "Ny rengøringskontrakt for kommunale bygninger",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "ejer3",
        "summary": (
            "Rengøringen sendes i nyt udbud. Sensorer viser, hvilke lokaler der er brugt. "
            "Der gøres rent, hvor der er behov."
        ),
        "description": "Sensorerne sættes op i 40 % af lokalerne i administrationen og på skoler.",
        "type_rationale": "Effektivisering: samme renhed til en lavere pris.",
        "consequences_service": "Ubrugte lokaler gøres sjældnere rent.",
        "consequences_citizens": "Ingen direkte konsekvens for borgerne.",
        "consequences_staff": "Ny leverandør for rengøringen.",
        "risks": "Klager over renheden i overgangen.",
        "calculation_basis": (
            "Rengøring koster 16 mio. kr. om året. Nyt udbud og behovsstyring giver 7,5 % = "
            "1,2 mio. kr. 0,8 mio. kr. i 2027."
        ),
        "assumptions": "Ny kontrakt fra 1. april 2027.",
        "effects": {"Ejendomsdrift": (-800_000, -1_200_000, -1_200_000, -1_200_000)},
    },
    # ---------------------------------------------------------------- Kultur- og Fritidsudvalget
    {
        "committee": "KF",
        "title": "Reduceret åbningstid på biblioteker om sommeren",
        "type": SAVING,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Hovedbiblioteket har kortere betjent åbningstid i juni, juli og august. "
            "Borgerne kan stadig låne bøger i det selvbetjente bibliotek."
        ),
        "description": "Betjent åbningstid går fra 40 til 20 timer om ugen om sommeren.",
        "type_rationale": "Besparelse: kortere betjent åbningstid.",
        "consequences_service": "Færre timer med personale om sommeren.",
        "consequences_citizens": "Mindre hjælp til fx it og sommerlæsning.",
        "consequences_staff": "0,8 årsværk færre.",
        "risks": "Færre besøg.",
        "calculation_basis": "0,8 årsværk á 500.000 kr. = 400.000 kr. Halvt i 2027.",
        "assumptions": "Det selvbetjente bibliotek har åbent kl. 7–22.",
        "effects": {"Biblioteker": (-200_000, -400_000, -400_000, -400_000)},
        "fte": (-0.4, -0.8, -0.8, -0.8),
    },
    {
        "committee": "KF",
        "title": "Åbent bibliotek i lokalområderne",
        "type": INVESTMENT,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Tre filialer bliver selvbetjente med adgang via sundhedskort. "
            "Borgerne får længere åbningstid. Der er personale på faste tider."
        ),
        "description": "Adgangskontrol, kamera og selvbetjeningsautomater sættes op.",
        "type_rationale": "Investering: udstyr i 2027, mindre betjening bagefter.",
        "consequences_service": "Længere åbningstid, færre timer med personale.",
        "consequences_citizens": "Biblioteket er åbent kl. 7–22.",
        "consequences_staff": "1,6 årsværk færre.",
        "risks": "Hærværk i de ubemandede timer.",
        "calculation_basis": (
            "Udstyr 600.000 kr. i 2027. 1,6 årsværk á 500.000 kr. = 800.000 kr. fra 2029."
        ),
        "assumptions": "Udstyret holder i 8 år.",
        "effects": {"Biblioteker": (600_000, -500_000, -800_000, -800_000)},
        "fte": (0, -1, -1.6, -1.6),
    },
    {
        "committee": "KF",
        "title": "Lavere tilskud til foreninger og haller – 5 %",
        "type": SAVING,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Foreningerne og hallerne får 5 % mindre i tilskud. "
            "Forslaget findes i tre versioner: 5, 10 og 15 %. Der kan højst vælges én."
        ),
        "description": "Alle tilskud til foreninger og haller nedsættes med samme procent.",
        "type_rationale": "Besparelse: foreningerne får færre penge.",
        "consequences_service": "Foreningerne skal spare eller hæve kontingentet lidt.",
        "consequences_citizens": "Kontingentet kan stige 20–40 kr. om året.",
        "consequences_staff": "Ingen konsekvens for kommunens medarbejdere.",
        "risks": "Små foreninger kan få svært ved at fortsætte.",
        "calculation_basis": (
            "Tilskuddene er 20 mio. kr. om året. 5 % = 1,0 mio. kr. Halvt i 2027, fordi "
            "sæsonen 2026/27 er bevilget."
        ),
        "assumptions": "Kan ikke kombineres med 10 %- eller 15 %-versionen.",
        "effects": {"Fritid og idræt": (-500_000, -1_000_000, -1_000_000, -1_000_000)},
    },
    {
        "committee": "KF",
        "title": "Lavere tilskud til foreninger og haller – 10 %",
        "type": SAVING,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Foreningerne og hallerne får 10 % mindre i tilskud. "
            "Forslaget findes i tre versioner: 5, 10 og 15 %. Der kan højst vælges én."
        ),
        "description": "Alle tilskud til foreninger og haller nedsættes med samme procent.",
        "type_rationale": "Besparelse: foreningerne får færre penge.",
        "consequences_service": "Hallerne skal spare på åbningstid eller vedligehold.",
        "consequences_citizens": "Kontingentet kan stige 50–80 kr. om året.",
        "consequences_staff": "Ingen konsekvens for kommunens medarbejdere.",
        "risks": "Nogle foreninger lukker hold for børn.",
        "calculation_basis": (
            "Tilskuddene er 20 mio. kr. om året. 10 % = 2,0 mio. kr. Halvt i 2027, fordi "
            "sæsonen 2026/27 er bevilget."
        ),
        "assumptions": "Kan ikke kombineres med 5 %- eller 15 %-versionen.",
        "effects": {"Fritid og idræt": (-1_000_000, -2_000_000, -2_000_000, -2_000_000)},
    },
    {
        "committee": "KF",
        "title": "Lavere tilskud til foreninger og haller – 15 %",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "Foreningerne og hallerne får 15 % mindre i tilskud. "
            "Forslaget findes i tre versioner: 5, 10 og 15 %. Der kan højst vælges én."
        ),
        "description": "Alle tilskud til foreninger og haller nedsættes med samme procent.",
        "type_rationale": "Besparelse: foreningerne får færre penge.",
        "consequences_service": "En hal må holde lukket om sommeren.",
        "consequences_citizens": "Kontingentet kan stige 80–120 kr. om året.",
        "consequences_staff": "Ingen konsekvens for kommunens medarbejdere.",
        "risks": "Færre frivillige trænere og færre børn i foreningerne.",
        "calculation_basis": (
            "Tilskuddene er 20 mio. kr. om året. 15 % = 3,0 mio. kr. Halvt i 2027, fordi "
            "sæsonen 2026/27 er bevilget."
        ),
        "assumptions": "Kan ikke kombineres med 5 %- eller 10 %-versionen.",
        "effects": {"Fritid og idræt": (-1_500_000, -3_000_000, -3_000_000, -3_000_000)},
    },
    {
        "committee": "KF",
        "title": "Højere forældrebetaling i kulturskolen",
        "type": SAVING,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "Prisen for musik, billedkunst og teater i kulturskolen stiger 850 kr. om året. "
            "Familier med lav indkomst kan få friplads."
        ),
        "description": "Ny takst fra skoleåret 2027/28.",
        "type_rationale": "Besparelse: borgerne betaler mere.",
        "consequences_service": "Samme undervisning.",
        "consequences_citizens": "Højere pris for 600 elever.",
        "consequences_staff": "Måske færre elever og dermed færre timer.",
        "risks": "Færre elever melder sig.",
        "calculation_basis": "600 elever × 850 kr. ≈ 500.000 kr. Fra august 2027.",
        "assumptions": "Højst 5 % færre elever.",
        "effects": {"Kultur": (-200_000, -500_000, -500_000, -500_000)},
    },
    {
        "committee": "KF",
        "title": "Gratis svømning for børn under 12 år",
        "type": EXPANSION,
        "status": DRAFT,
        "owner": "ejer",
        "summary": (
            "Børn under 12 år kommer gratis i svømmehallen. "
            "Flere børn skal lære at svømme og bevæge sig."
        ),
        "description": "Gælder i offentlig åbningstid, når barnet er sammen med en voksen.",
        "type_rationale": "Budgetudvidelse: mere service for flere penge.",
        "consequences_service": "Flere besøg i svømmehallen.",
        "consequences_citizens": "Billigere for børnefamilier.",
        "consequences_staff": "Flere gæster at holde opsyn med.",
        "risks": "Mere trængsel i weekenderne.",
        "calculation_basis": (
            "Tabt entré: 40.000 besøg á 15 kr. = 600.000 kr. om året. Fra 1. juli 2027."
        ),
        "assumptions": "Antallet af besøg stiger ikke mere end 20 %.",
        "effects": {"Fritid og idræt": (300_000, 600_000, 600_000, 600_000)},
    },
    {
        "committee": "KF",
        "title": "Kulturnat og sommerkoncert hvert andet år",
        "type": SAVING,
        "status": READY,
        "owner": "ejer",
        "summary": (
            "Kulturnatten og den store sommerkoncert holdes skiftevis. "
            "Der bliver ét stort kommunalt arrangement om året i stedet for to."
        ),
        "description": "Kulturnatten holdes i lige år, sommerkoncerten i ulige år.",
        "type_rationale": "Besparelse: færre arrangementer.",
        "consequences_service": "Ét arrangement færre om året.",
        "consequences_citizens": "Færre gratis kulturtilbud.",
        "consequences_staff": "Mindre planlægning.",
        "risks": "Sponsorer kan trække sig.",
        "calculation_basis": (
            "De to arrangementer koster 300.000 kr. hver. Gennemsnitlig besparelse "
            "300.000 kr. om året; 150.000 kr. i 2027."
        ),
        "assumptions": "Sommerkoncerten 2027 er allerede aftalt.",
        "effects": {"Kultur": (-150_000, -300_000, -300_000, -300_000)},
    },
    # ---------------------------------------------------------------- Beskæftigelsesudvalget
    {
        "committee": "BE",
        "title": "Virksomhedsrettet indsats for sygemeldte",
        "type": INVESTMENT,
        "status": READY,
        "owner": "direktoer",
        "summary": (
            "To nye konsulenter ringer til arbejdsgiveren, når en borger bliver syg. Sammen "
            "finder de opgaver, som borgeren kan klare. Så kommer flere hurtigt tilbage på job."
        ),
        "description": (
            "Konsulenterne aftaler delvis raskmelding og tilpassede opgaver med arbejdsgiveren."
        ),
        "type_rationale": (
            "Investering: konsulenterne koster fra start; sygedagpengene falder med et års "
            "forsinkelse."
        ),
        "consequences_service": "Hurtigere kontakt til arbejdsgiveren.",
        "consequences_citizens": "Sygemeldte kommer hurtigere tilbage på arbejde.",
        "consequences_staff": "2 nye stillinger i jobcentret.",
        "risks": "Konjunkturen påvirker effekten.",
        "calculation_basis": (
            "2 konsulenter á 500.000 kr. = 1,0 mio. kr. 1.000 forløb om året bliver 2 uger "
            "kortere; kommunens nettoudgift ca. 1.500 kr. pr. uge = 3,0 mio. kr."
        ),
        "assumptions": "Refusionssatserne er uændrede.",
        "effects": {
            "Jobcenter og beskæftigelsesindsats": (1_000_000, 1_000_000, 1_000_000, 1_000_000),
            "Sygedagpenge og kontanthjælp": (-400_000, -2_500_000, -3_000_000, -3_000_000),
        },
        "fte": (2, 2, 2, 2),
    },
    {
        "committee": "BE",
        "title": "Flere i fleksjob med få timer",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "direktoer",
        "summary": (
            "Borgere i ressourceforløb får hjælp til et fleksjob på få timer. "
            "De kommer i arbejde. Kommunens udgift falder."
        ),
        "description": "Jobcentret opsøger virksomheder med små fleksjob.",
        "type_rationale": "Effektivisering: bedre resultat for borgeren til lavere udgift.",
        "consequences_service": "Mere fokus på små fleksjob.",
        "consequences_citizens": "8 borgere kommer i arbejde.",
        "consequences_staff": "Ingen nye stillinger.",
        "risks": "Der kan mangle virksomheder med passende job.",
        "calculation_basis": (
            "8 borgere × 125.000 kr. lavere nettoudgift = 1,0 mio. kr. 0,7 mio. kr. i 2027."
        ),
        "assumptions": "Refusionssatserne er uændrede.",
        "effects": {"Fleksjob og ressourceforløb": (-700_000, -1_000_000, -1_000_000, -1_000_000)},
    },
    {
        "committee": "BE",
        "title": "Hjemtagning af indsatser fra andre aktører",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "direktoer",
        "summary": (
            "Jobcentret køber i dag kurser og forløb for 3,5 mio. kr. om året. "
            "En del af dem kan vi lave selv billigere."
        ),
        "description": "Jobsøgningskurser og korte afklaringsforløb hjemtages.",
        "type_rationale": "Effektivisering: samme forløb til lavere pris.",
        "consequences_service": "Færre eksterne tilbud at vælge mellem.",
        "consequences_citizens": "Flere forløb foregår i jobcentret.",
        "consequences_staff": "2 nye stillinger i jobcentret.",
        "risks": "Kvaliteten skal følges.",
        "calculation_basis": (
            "Køb for 2,0 mio. kr. hjemtages. 2 medarbejdere koster 0,8 mio. kr. "
            "Netto 1,2 mio. kr.; 0,9 mio. kr. i 2027."
        ),
        "assumptions": "Kontrakterne kan opsiges med 3 måneders varsel.",
        "effects": {
            "Jobcenter og beskæftigelsesindsats": (-900_000, -1_200_000, -1_200_000, -1_200_000),
        },
        "fte": (2, 2, 2, 2),
    },
    {
        "committee": "BE",
        "title": "Tidligere afklaring i jobafklaringsforløb",
        "type": EFFICIENCY,
        "status": DRAFT,
        "owner": "direktoer",
        "summary": (
            "Borgere i jobafklaringsforløb får en plan fra første uge. "
            "Forløbene bliver kortere. Borgerne får hurtigere svar."
        ),
        "description": "Rehabiliteringsteamet mødes hver uge i stedet for hver anden.",
        "type_rationale": "Effektivisering: kortere ventetid, samme hjælp.",
        "consequences_service": "Hurtigere afklaring.",
        "consequences_citizens": "Mindre tid i usikkerhed.",
        "consequences_staff": "Flere møder i rehabiliteringsteamet.",
        "risks": "Lægeattester kan forsinke afklaringen.",
        "calculation_basis": (
            "100 forløb × 6 uger kortere × 2.500 kr. pr. uge = 1,5 mio. kr. fra 2029."
        ),
        "assumptions": "Antallet af forløb er stabilt.",
        "effects": {"Fleksjob og ressourceforløb": (-600_000, -1_000_000, -1_500_000, -1_500_000)},
    },
    {
        "committee": "BE",
        "title": "Mentorstøtte i eget regi",
        "type": EFFICIENCY,
        "status": READY,
        "owner": "direktoer",
        "summary": (
            "Jobcentret ansætter to mentorer i stedet for at købe mentorstøtte. "
            "Borgerne får samme hjælp."
        ),
        "description": "Mentorerne hjælper unge og sygemeldte i virksomhedspraktik.",
        "type_rationale": "Effektivisering: samme støtte billigere.",
        "consequences_service": "Samme mentorstøtte.",
        "consequences_citizens": "Fast mentor fra jobcentret.",
        "consequences_staff": "2 nye stillinger.",
        "risks": "Sårbar, hvis en mentor er syg længe.",
        "calculation_basis": (
            "Ekstern mentorstøtte koster 1,4 mio. kr. 2 mentorer koster 0,8 mio. kr. Netto "
            "600.000 kr.; halvt i 2027."
        ),
        "assumptions": "Behovet for mentorer er uændret.",
        "effects": {
            "Jobcenter og beskæftigelsesindsats": (-300_000, -600_000, -600_000, -600_000),
        },
        "fte": (2, 2, 2, 2),
    },
    {
        "committee": "BE",
        "title": "Selvbooking af samtaler i jobcentret",
        "type": EFFICIENCY,
        "status": DRAFT,
        "owner": "direktoer",
        "summary": (
            "Borgerne kan selv booke og flytte deres samtaler på nettet. "
            "Færre udebliver. Medarbejderne bruger mindre tid på at booke."
        ),
        "description": "Selvbooking kobles til jobcentrets kalender.",
        "type_rationale": "Effektivisering: samme samtaler med mindre administration.",
        "consequences_service": "Nemmere at flytte en samtale.",
        "consequences_citizens": "Borgerne vælger selv tidspunkt.",
        "consequences_staff": "0,8 årsværk færre ved naturlig afgang.",
        "risks": "Nogle borgere kan ikke bruge selvbetjening.",
        "calculation_basis": "0,8 årsværk á 500.000 kr. = 400.000 kr. Halvt i 2027.",
        "assumptions": "Løsningen er en del af den nuværende licens.",
        "effects": {
            "Jobcenter og beskæftigelsesindsats": (-200_000, -400_000, -400_000, -400_000),
        },
        "fte": (-0.4, -0.8, -0.8, -0.8),
    },
]
