"""create_* helpers for the idea bank's tests; they go through the actions like the views do."""

from __future__ import annotations

from raaderum.ideabank.actions import do_save_bank_idea
from raaderum.ideabank.models import BankIdea
from raaderum.organisation.models import Municipality, User


def create_bank_idea(
    municipality: Municipality,
    user: User,
    *,
    title: str = "Fælles vikarkorps for skolerne",
    service_area: str = "Folkeskoler",
    type: str = "efficiency",
    source_name: str = "Norddjurs Kommune",
    **fields: object,
) -> BankIdea:
    return do_save_bank_idea(
        municipality,
        {
            "title": title,
            "service_area": service_area,
            "type": type,
            "source_name": source_name,
            **fields,
        },
        user=user,
    )
