"""Small create_* helpers for the ideas tests; they go through the actions like the views do."""

from __future__ import annotations

from raaderum.ideas.actions import do_submit_idea, do_submit_public_idea
from raaderum.ideas.models import Idea
from raaderum.organisation.models import User
from raaderum.proposals.models import Origin
from raaderum.rounds.models import BudgetRound


def create_idea(
    budget_round: BudgetRound,
    user: User,
    *,
    title: str = "Fælles indkøb af kontorartikler",
    description: str = "Vi køber ind samlet for hele kommunen.",
    origin: str = Origin.EMPLOYEE,
    **fields: object,
) -> Idea:
    return do_submit_idea(
        budget_round,
        {"title": title, "description": description, "origin": origin, **fields},
        user=user,
    )


def create_citizen_idea(
    budget_round: BudgetRound,
    *,
    title: str = "Sluk gadelyset om natten",
    description: str = "Mellem kl. 1 og 5 er der ingen på vejene.",
    name: str = "Birthe Borger",
    email: str = "birthe@example.dk",
) -> Idea:
    return do_submit_public_idea(
        budget_round,
        {
            "title": title,
            "description": description,
            "submitter_name": name,
            "submitter_email": email,
        },
    )
