"""Writing the idea bank: an entry by hand, a shared idea, an import, and using an entry in a round.
Views and commands call these; nothing else writes bank ideas raw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.ideabank.exchange import Entry, EntryError
from raaderum.ideabank.models import BankIdea, BankIdeaUse
from raaderum.ideabank.search import forget_source_names, update_search_vectors
from raaderum.ideas.actions import do_submit_idea
from raaderum.ideas.models import Idea
from raaderum.organisation.models import Municipality, User
from raaderum.proposals.models import Origin
from raaderum.rounds.models import BudgetRound


class ImportRefused(ValueError):
    """The entries had errors when checked again inside the transaction; nothing was saved."""

    def __init__(self, errors: list[EntryError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} entries with errors")


@transaction.atomic
def do_save_bank_idea(
    municipality: Municipality,
    fields: Mapping[str, Any],
    *,
    user: User,
    bank_idea: BankIdea | None = None,
    shared_from: Idea | None = None,
) -> BankIdea:
    """Add an entry to the bank for the municipality, or change one of its own."""
    if bank_idea is None:
        bank_idea = BankIdea(municipality=municipality, created_by=user, shared_from=shared_from)
    elif bank_idea.municipality_id != municipality.pk:
        raise ValueError("another municipality's entry")
    for name, value in fields.items():
        setattr(bank_idea, name, value)
    bank_idea.external_id = bank_idea.external_id or str(bank_idea.public_id)
    bank_idea.full_clean()
    bank_idea.save()
    forget_source_names()
    if shared_from is not None:
        do_record_event(
            shared_from.round,
            actor=user,
            verb="idea_shared_to_bank",
            text=_("%(user)s shared the idea “%(title)s” in the idea bank.")
            % {"user": user, "title": shared_from.title},
        )
    return bank_idea


@transaction.atomic
def do_delete_bank_idea(bank_idea: BankIdea) -> None:
    """Rounds that used the entry keep their ideas and the name of where they came from."""
    bank_idea.delete()
    forget_source_names()


def foreign_ids(municipality: Municipality, entries: Sequence[Entry]) -> dict[str, str]:
    """External ids in the entries that belong to another municipality's entries: id -> name."""
    ids = [entry.external_id for entry in entries if entry.external_id]
    return dict(
        BankIdea.objects.filter(external_id__in=ids)
        .exclude(municipality=municipality)
        .values_list("external_id", "municipality__name")
    )


def check_entries(municipality: Municipality, entries: Sequence[Entry]) -> list[EntryError]:
    """What the bank itself refuses: an id another municipality's entry has already."""
    taken = foreign_ids(municipality, entries)
    return [
        EntryError(
            entry.number,
            entry.title[:60],
            [
                (
                    "external_id",
                    _(
                        "The idea bank already has an idea with this id from %(municipality)s; "
                        "only that municipality can change it."
                    )
                    % {"municipality": taken[entry.external_id]},
                )
            ],
        )
        for entry in entries
        if entry.external_id in taken
    ]


@transaction.atomic
def do_import_bank_ideas(
    municipality: Municipality, entries: Sequence[Entry], *, user: User
) -> tuple[int, int]:
    """Entries from a file, all or none: an entry whose external id the municipality has already
    updates that idea, the others are added. Returns (added, updated).

    The caller has shown the user every problem (exchange.read_file, check_entries); the
    check is repeated here, inside the transaction, against ideas saved in the meantime.
    """
    errors = check_entries(municipality, entries)
    if errors:
        raise ImportRefused(errors)
    existing = {
        idea.external_id: idea
        for idea in BankIdea.objects.select_for_update().filter(
            municipality=municipality,
            external_id__in=[entry.external_id for entry in entries if entry.external_id],
        )
    }
    added: list[BankIdea] = []
    changed: list[BankIdea] = []
    for entry in entries:
        idea = existing.get(entry.external_id)
        if idea is None:
            idea = BankIdea(
                municipality=municipality, created_by=user, external_id=entry.external_id
            )
            added.append(idea)
        else:
            changed.append(idea)
        for name, value in entry.model_fields().items():
            setattr(idea, name, value)
        if not idea.external_id:
            idea.external_id = str(idea.public_id)
        idea.refresh_search_fields()
    BankIdea.objects.bulk_create(added)
    fields = [*Entry(0).model_fields(), "search_title", "search_keywords", "search_body"]
    for idea in changed:
        # save() rather than bulk_update: it sets updated_at, which tells readers what changed.
        idea.save(update_fields=[*fields, "updated_at"])
    update_search_vectors(
        BankIdea.objects.filter(
            municipality=municipality,
            external_id__in=[idea.external_id for idea in added],
        )
    )
    forget_source_names()
    return len(added), len(changed)


@transaction.atomic
def do_use_bank_idea(bank_idea: BankIdea, budget_round: BudgetRound, *, user: User) -> Idea:
    """The bank idea becomes an idea of the round with the origin "idea bank", to be screened
    like any other; its estimate is left to the screening (the bank's range is another
    municipality's)."""
    idea = do_submit_idea(
        budget_round,
        {
            "title": bank_idea.title,
            "description": bank_idea.description,
            "origin": Origin.IDEA_BANK,
        },
        user=user,
    )
    BankIdeaUse.objects.create(
        idea=idea,
        bank_idea=bank_idea,
        bank_title=bank_idea.title,
        source_name=bank_idea.source_name,
        used_by=user,
    )
    return idea
