"""The demo's ideas and conversations: a second round taking ideas, comments in the first.

Idempotent like raaderum.demo: ideas are found by (round, title), comments by (proposal, text).
"""

from __future__ import annotations

from collections.abc import Mapping

from raaderum.communication.actions import do_add_comment
from raaderum.communication.models import Comment
from raaderum.ideas.actions import (
    do_reject_idea,
    do_save_screening_rules,
    do_submit_idea,
    do_submit_public_idea,
)
from raaderum.ideas.models import Idea, ScreeningRules
from raaderum.organisation.models import Municipality, User
from raaderum.proposals.models import Origin, Proposal
from raaderum.rounds.models import BudgetRound, PhaseKind

NEXT_ROUND = {
    "name": "Budget 2028–2031",
    "budget_year": 2028,
    "price_level_year": 2028,
    "target_amount": 35_000_000,
    "full_effect_year": 2029,
    "description": "Næste års runde tager imod idéer fra medarbejdere, ledere, borgere og partier.",
}

# (title, description, origin, submitted by username or None for a citizen, party, reject reason)
IDEAS = [
    (
        "Fælles indkøb af kontorartikler med nabokommunerne",
        "Vi køber ind sammen med Syddjurs og får bedre priser.",
        Origin.EMPLOYEE,
        "ejer3",
        "",
        "",
    ),
    (
        "Solceller på alle skoletage",
        "Skolerne bruger mest strøm om dagen, når solen skinner.",
        Origin.MANAGER,
        "ejer",
        "",
        "",
    ),
    (
        "Gratis busser for pensionister uden for myldretiden",
        "Flere ældre kommer ud, og busserne er tomme om formiddagen.",
        Origin.PARTY,
        "politiker",
        "Socialdemokratiet",
        "",
    ),
    (
        "Lukke svømmehallen i juli",
        "Der kommer få gæster i sommerferien.",
        Origin.PARTY,
        "politiker2",
        "Venstre",
        "",
    ),
    (
        "Sluk gadelyset mellem kl. 1 og 5",
        "Der er næsten ingen på vejene om natten.",
        Origin.CITIZEN,
        None,
        "",
        "",
    ),
    (
        "Flere frivillige i biblioteket",
        "Frivillige kan hjælpe med lektiecafé og arrangementer.",
        Origin.CITIZEN,
        None,
        "",
        "",
    ),
    (
        "Ny rådhusfløj",
        "Et nyt rådhus samler alle medarbejdere.",
        Origin.EMPLOYEE,
        "ejer2",
        "",
        "Idéen koster mere, end den sparer i perioden, og kræver et anlægsbudget.",
    ),
]

COMMENTS = [
    (
        "Sammenlægning af to skoledistrikter",
        "ejer",
        "Skolebestyrelserne er orienteret. De vil gerne høres, før forslaget går videre.",
    ),
    (
        "Sammenlægning af to skoledistrikter",
        "oekonomi",
        "Husk at regne med befordring af elever i den nye beregning.",
    ),
    (
        "Energirenovering af kommunale bygninger",
        "direktoer2",
        "Jeg har talt med Ejendomsdrift: tidsplanen holder, hvis udbuddet går i gang i januar.",
    ),
]


def load_ideas(municipality: Municipality, users: Mapping[str, User]) -> BudgetRound:
    office = users["oekonomi"]
    budget_round, _created = BudgetRound.objects.get_or_create(
        municipality=municipality,
        name=NEXT_ROUND["name"],
        defaults={**NEXT_ROUND, "created_by": office, "current_phase": PhaseKind.IDEAS},
    )
    if not ScreeningRules.objects.filter(round=budget_round).exists():
        do_save_screening_rules(
            budget_round,
            min_amount=500_000,
            latest_full_effect_year=2030,
            criteria=[
                (None, "Kan forslaget gennemføres uden lovændring?", None),
                (None, "Er forslaget afklaret med de berørte medarbejdere?", None),
            ],
            deleted=[],
            user=office,
        )
    for title, description, origin, username, party, reject in IDEAS:
        if Idea.objects.filter(round=budget_round, title=title).exists():
            continue
        fields = {"title": title, "description": description}
        if username is None:
            idea = do_submit_public_idea(budget_round, fields)
        else:
            idea = do_submit_idea(
                budget_round,
                {**fields, "origin": origin, "party_name": party},
                user=users[username],
            )
        if reject:
            do_reject_idea(idea, reason=reject, user=office)
    return budget_round


def load_comments(budget_round: BudgetRound, users: Mapping[str, User]) -> None:
    for title, username, text in COMMENTS:
        proposal = Proposal.objects.filter(round=budget_round, title=title).first()
        if proposal and not Comment.objects.filter(proposal=proposal, text=text).exists():
            do_add_comment(proposal, author=users[username], text=text)
