"""The demo's impact screening: the four default questions and realistic answers.

Idempotent like raaderum.demo: the questions are created once per municipality, and an answer
is only written when it differs from the declared one (through do_save_assessments, so the
history shows the demo's budget officer). Called before the catalog is published, so that
version 1 carries the answers.
"""

from __future__ import annotations

from collections.abc import Mapping

from raaderum.impactscreening.actions import (
    NO_ANSWER,
    Answer,
    do_create_default_questions,
    do_save_assessments,
    saved_answers,
)
from raaderum.impactscreening.models import ImpactQuestion
from raaderum.organisation.models import Municipality, User
from raaderum.rounds.models import BudgetRound

CLIMATE, EQUALITY, VULNERABLE, STAFF = "Klima", "Ligestilling", "Udsatte borgere", "Medarbejdere"

# Per proposal title: the answers given (question title -> (score, explanation)). Proposals
# not named here are assessed for the climate only, as of no significance.
ANSWERS: dict[str, dict[str, Answer]] = {
    "Digital post til borgere": {
        CLIMATE: (1, "Mindre papir, tryk og porto."),
        VULNERABLE: (
            -1,
            "Borgere uden digital post skal stadig have brev; risiko for at de overses.",
        ),
        STAFF: (0, ""),
    },
    "Samling af administrationen på rådhuset": {
        CLIMATE: (2, "To bygninger lukkes: ca. 120 ton CO2 mindre om året til varme og el."),
        STAFF: (-1, "Længere transport for ca. 40 medarbejdere; MED-udvalget skal høres."),
    },
    "Ét ledelseslag mindre i administrationen": {
        EQUALITY: (0, ""),
        STAFF: (-2, "Seks lederstillinger nedlægges; flere medarbejdere pr. leder."),
    },
    "Sundhedsindsats mod sygefravær i velfærdsområderne": {
        EQUALITY: (1, "Indsatsen retter sig mod fag med mange kvinder og højt sygefravær."),
        STAFF: (2, "Færre sygedage og bedre arbejdsmiljø."),
    },
    "Sammenlægning af to skoledistrikter": {
        CLIMATE: (-1, "Længere skolevej: flere elever køres i bil eller bus."),
        VULNERABLE: (-1, "Børn med særlige behov skal skifte skole og miljø."),
        STAFF: (-1, "Ca. 6 årsværk færre; lærerne fordeles på færre skoler."),
    },
    "Større klasser i udskolingen": {
        VULNERABLE: (-1, "Mindre tid til elever, der har brug for støtte."),
        STAFF: (-1, "Flere elever pr. lærer."),
    },
    "Lukning af morgen-SFO på små skoler": {
        EQUALITY: (-1, "Rammer især forældre med tidligt arbejde, oftest kvinder i vagtfag."),
        STAFF: (-1, "Færre timer for pædagogmedhjælpere."),
    },
    "Flere børn i almenklasser med støtte": {
        VULNERABLE: (1, "Børnene går i skole tæt på hjemmet og med deres kammerater."),
    },
    "Omlægning af dagpleje til vuggestuepladser": {
        CLIMATE: (0, ""),
        EQUALITY: (-1, "Dagplejerne er næsten alle kvinder; mange mister deres job."),
        STAFF: (-2, "Ca. 18 dagplejere mister deres stilling; nogle tilbydes job i vuggestuer."),
    },
    "Flere pædagoger i vuggestuerne": {
        VULNERABLE: (1, "Mere tid til børn i udsatte familier."),
        STAFF: (2, "Bedre normering og arbejdsmiljø."),
    },
    "Familiebehandling i stedet for anbringelse": {
        VULNERABLE: (2, "Flere børn kan blive i familien med hjælp i hjemmet."),
    },
    "Tidlig indsats for unge med psykisk sårbarhed": {
        VULNERABLE: (2, "Unge får hjælp før problemerne vokser."),
    },
    "Velfærdsteknologi: vasketoiletter i plejeboliger": {
        CLIMATE: (-1, "Lidt mere el og vand til toiletterne."),
        VULNERABLE: (1, "Beboerne klarer sig selv og bevarer værdigheden."),
        STAFF: (1, "Færre tunge løft."),
    },
    "Rengøring hver tredje uge": {
        VULNERABLE: (-2, "Ældre, der ikke selv kan gøre rent, får et mindre rent hjem."),
        STAFF: (-1, "Færre timer i hjemmeplejen."),
    },
    "Hjemtagning af borgere fra eksterne botilbud": {
        CLIMATE: (1, "Kortere kørsel til botilbud i kommunen."),
        VULNERABLE: (0, ""),
    },
    "Genoptræning via video": {
        CLIMATE: (1, "Mindre kørsel for borgere og terapeuter."),
        VULNERABLE: (-1, "Passer ikke til borgere, der ikke kan bruge en skærm."),
    },
    "Energirenovering af kommunale bygninger": {
        CLIMATE: (2, "Ca. 450 ton CO2 mindre om året fra 2029."),
        STAFF: (1, "Bedre indeklima i skoler og plejecentre."),
    },
    "LED i alle gadelamper": {
        CLIMATE: (2, "Elforbruget til gadelys falder med ca. 60 %."),
    },
    "Mere vild natur og mindre græsslåning": {
        CLIMATE: (1, "Mindre kørsel med plæneklippere og mere biodiversitet."),
        STAFF: (-1, "Færre sæsonansatte i Vej og Park."),
    },
    "Flextur i stedet for buslinjer i yderområder": {
        CLIMATE: (1, "Færre tomme busser i yderområderne."),
        VULNERABLE: (-1, "Ældre uden bil skal bestille kørsel i forvejen."),
    },
    "Lavere serviceniveau for snerydning på villaveje": {
        CLIMATE: (1, "Mindre kørsel og saltning."),
        VULNERABLE: (-1, "Sværere at komme frem for ældre og gangbesværede."),
    },
    "Samlet kørselskontor for al visiteret kørsel": {
        CLIMATE: (1, "Bedre planlægning giver færre kørte kilometer."),
    },
    "Lavere tilskud til foreninger og haller – 15 %": {
        EQUALITY: (-1, "Kan ramme tilbud for piger og kvinder, der har færre medlemmer."),
    },
}


def load_impact_screening(
    municipality: Municipality, budget_round: BudgetRound, office: User
) -> None:
    do_create_default_questions(municipality)
    questions = list(ImpactQuestion.objects.filter(municipality=municipality, retired=False))
    # No question is made required here: the demo's later loaders take proposals through the
    # workflow, and a required question would stop them (tests cover the requirement).
    for proposal in budget_round.proposals.select_related("round"):
        declared: Mapping[str, Answer] = ANSWERS.get(proposal.title, {CLIMATE: (0, "")})
        if CLIMATE not in declared:
            declared = {CLIMATE: (0, ""), **declared}
        saved = saved_answers(proposal, questions)
        typed = {
            q.pk: declared.get(q.title, saved.get(q.pk, NO_ANSWER))
            for q in questions
            if q.title in declared or q.pk in saved
        }
        if any(typed[key] != saved.get(key, NO_ANSWER) for key in typed):
            do_save_assessments(proposal, typed, saved, user=office)
