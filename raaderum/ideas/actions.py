"""State changes of ideas and their screening. Views and commands call these; nothing else
writes ideas raw. Each records an event in the round's activity feed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raaderum.communication.actions import (
    EMAIL_LANGUAGE,
    do_record_event,
    notify_users,
    recipients_in,
)
from raaderum.ideas.bulk import Row, check_rows
from raaderum.ideas.models import (
    Assessment,
    CriterionAnswer,
    Idea,
    IdeaStatus,
    ScreeningCriterion,
    ScreeningRules,
)
from raaderum.lib import concurrency
from raaderum.organisation.models import Committee, Membership, Role, User
from raaderum.proposals.actions import do_create_proposal
from raaderum.proposals.models import Origin, Proposal
from raaderum.rounds.models import BudgetRound


class IdeaAlreadyScreened(Exception):
    """The idea was passed, rejected or merged already; nothing was changed."""

    def __init__(self, idea: Idea) -> None:
        self.idea = idea
        super().__init__(idea.status)


class MergeTargetClosed(ValueError):
    """The idea to merge into was merged or rejected after the form was checked; nothing was
    changed."""

    def __init__(self, target: Idea) -> None:
        self.target = target
        super().__init__(target.status)


def _budget_office(budget_round: BudgetRound) -> list[User]:
    return list(
        User.objects.filter(
            memberships__municipality_id=budget_round.municipality_id,
            memberships__role=Role.BUDGET_OFFICE,
        )
    )


def _lock_open(idea: Idea) -> Idea:
    """The idea as stored now, locked; refuses an idea someone screened in the meantime."""
    current = Idea.objects.select_for_update().select_related("round").get(pk=idea.pk)
    if current.status != IdeaStatus.NEW:
        raise IdeaAlreadyScreened(current)
    return current


@transaction.atomic
def do_submit_idea(budget_round: BudgetRound, fields: Mapping[str, Any], *, user: User) -> Idea:
    """An idea or a party proposal from a member; `fields` says which by its origin."""
    idea = Idea.objects.create(round=budget_round, submitted_by=user, **fields)
    if idea.origin == Origin.PARTY:
        text = _("%(user)s (%(party)s) submitted the party proposal “%(title)s”.") % {
            "user": user,
            "party": idea.party_name,
            "title": idea.title,
        }
        notify = _budget_office(budget_round)
    else:
        text = _("%(user)s submitted the idea “%(title)s”.") % {"user": user, "title": idea.title}
        notify = []
    do_record_event(budget_round, actor=user, verb="idea_submitted", text=text, notify=notify)
    return idea


@transaction.atomic
def do_submit_public_idea(budget_round: BudgetRound, fields: Mapping[str, Any]) -> Idea:
    """A citizen's idea from the public form, waiting for the budget office to screen it."""
    idea = Idea.objects.create(
        round=budget_round, origin=Origin.CITIZEN, submitted_by=None, **fields
    )
    do_record_event(
        budget_round,
        actor=None,
        verb="idea_submitted",
        text=_("A citizen submitted the idea “%(title)s” through the public form.")
        % {"title": idea.title},
    )
    return idea


@transaction.atomic
def do_import_ideas(
    budget_round: BudgetRound, rows: Iterable[Row], *, origin: str, user: User
) -> list[Idea]:
    """Ideas entered in bulk, all or none. The caller has shown the user what is wrong with each
    row (bulk.check_rows); this refuses bad rows again as a last line of defence.

    One event for the whole batch: a workshop's 60 post-its are one thing that happened.
    """
    rows = list(rows)
    if check_rows(rows):
        raise ValueError("rows with errors")
    if origin == Origin.PARTY:
        raise ValueError("party proposals need a party name")
    ideas = Idea.objects.bulk_create(
        Idea(
            round=budget_round,
            origin=origin,
            title=row.title,
            description=row.description,
            submitter_name=row.name,
            submitter_email=row.email,
        )
        for row in rows
    )
    do_record_event(
        budget_round,
        actor=user,
        verb="ideas_imported",
        text=ngettext(
            "%(user)s entered %(count)s idea with the origin %(origin)s.",
            "%(user)s entered %(count)s ideas with the origin %(origin)s.",
            len(ideas),
        )
        % {"user": user, "count": len(ideas), "origin": Origin(origin).label},
    )
    return ideas


@transaction.atomic
def do_save_assessment(
    idea: Idea,
    fields: Mapping[str, Any],
    answers: Mapping[int, tuple[bool, str]],
    *,
    user: User,
) -> Assessment:
    """Record (or replace) the screening of an open idea; `answers`: criterion id -> (met, note).

    Answers to criteria of another round are ignored.
    """
    current = _lock_open(idea)
    assessment, _created = Assessment.objects.update_or_create(
        idea=current, defaults={**fields, "assessed_by": user, "assessed_at": timezone.now()}
    )
    criteria = set(
        ScreeningCriterion.objects.filter(
            round_id=current.round_id, pk__in=list(answers)
        ).values_list("pk", flat=True)
    )
    assessment.answers.all().delete()
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(assessment=assessment, criterion_id=pk, met=met, note=note)
        for pk, (met, note) in sorted(answers.items())
        if pk in criteria
    )
    do_record_event(
        current.round,
        actor=user,
        verb="idea_screened",
        text=_("%(user)s assessed the idea “%(title)s”.") % {"user": user, "title": current.title},
    )
    return assessment


def _tell_citizen(idea: Idea, body: str) -> None:
    """An e-mail to the address a citizen gave, once the decision is committed. It names no
    internal page: the citizen cannot log in."""
    address = idea.submitter_email
    if not address:
        return
    with translation.override(EMAIL_LANGUAGE):
        subject = _("Your idea for the budget in %(name)s") % {"name": idea.round.municipality.name}
        greeting = (
            _("Dear %(name)s,") % {"name": idea.submitter_name} if idea.submitter_name else ""
        )
        regards = _("Kind regards,\n%(name)s") % {"name": idea.round.municipality.name}
    text = "\n\n".join(part for part in (greeting, body, regards) if part)
    transaction.on_commit(
        partial(send_mail, subject, text, settings.DEFAULT_FROM_EMAIL, [address]), robust=True
    )


def _decided(idea: Idea, user: User, status: str) -> None:
    idea.status = status
    idea.decided_by = user
    idea.decided_at = timezone.now()


@transaction.atomic
def do_pass_idea(
    idea: Idea,
    *,
    type: str,
    committee: Committee,
    owner: User,
    director: User | None,
    user: User,
) -> Proposal:
    """The idea becomes a draft proposal with its origin, title and text; the owner costs it."""
    current = _lock_open(idea)
    municipality_id = current.round.municipality_id
    members = set(
        Membership.objects.filter(
            municipality_id=municipality_id, user__in=[p for p in (owner, director) if p]
        ).values_list("user_id", flat=True)
    )
    if (
        committee.municipality_id != municipality_id
        or not {p.pk for p in (owner, director) if p} <= members
    ):
        raise ValueError("committee or person of another municipality")
    proposal = do_create_proposal(
        current.round,
        {
            "committee": committee,
            "title": current.title,
            "type": type,
            "owner": owner,
            "director": director,
            "summary": current.description,
            "origin": current.origin,
            "party_name": current.party_name,
        },
        user=user,
    )
    _decided(current, user, IdeaStatus.PASSED)
    current.proposal = proposal
    current.save(update_fields=["status", "decided_by", "decided_at", "proposal"])
    do_record_event(
        current.round,
        actor=user,
        verb="idea_passed",
        text=_("%(user)s passed the idea “%(title)s” on as proposal %(code)s, owned by %(owner)s.")
        % {"user": user, "title": current.title, "code": proposal.code, "owner": owner},
        proposal=proposal,
        # No one to notify here: do_create_proposal tells the new owner and director.
    )
    with translation.override(EMAIL_LANGUAGE):
        body = _(
            "Your idea “%(title)s” goes on and will be costed as a proposal for the budget "
            "round %(round)s."
        ) % {"title": current.title, "round": current.round.name}
    _tell_citizen(current, body)
    return proposal


@transaction.atomic
def do_reject_idea(idea: Idea, *, reason: str, user: User) -> Idea:
    """Close the idea with a reason; whoever submitted it sees the reason on their list."""
    current = _lock_open(idea)
    _decided(current, user, IdeaStatus.REJECTED)
    current.rejection_reason = reason
    current.save(update_fields=["status", "decided_by", "decided_at", "rejection_reason"])
    submitter = current.submitted_by
    do_record_event(
        current.round,
        actor=user,
        verb="idea_rejected",
        text=_("%(user)s rejected the idea “%(title)s”.") % {"user": user, "title": current.title},
        notify=[submitter] if submitter is not None and submitter != user else [],
    )
    with translation.override(EMAIL_LANGUAGE):
        body = _(
            "Your idea “%(title)s” will not go on in the budget round %(round)s. "
            "The reason:\n\n%(reason)s"
        ) % {"title": current.title, "round": current.round.name, "reason": reason}
    _tell_citizen(current, body)
    return current


@transaction.atomic
def do_merge_idea(idea: Idea, *, into: Idea, user: User) -> Idea:
    """Close the idea as a duplicate of `into`, an open or passed idea of the same round.

    Both rows are locked in primary-key order, so that two screeners merging A into B and B
    into A wait for each other instead of deadlocking. Raises IdeaAlreadyScreened if the idea
    was screened meanwhile and MergeTargetClosed if `into` was merged or rejected meanwhile.
    """
    if into.pk == idea.pk:
        raise ValueError("an idea cannot be merged into itself")
    locked = {
        pk: Idea.objects.select_for_update().select_related("round").get(pk=pk)
        for pk in sorted((idea.pk, into.pk))
    }
    current, target = locked[idea.pk], locked[into.pk]
    if current.status != IdeaStatus.NEW:
        raise IdeaAlreadyScreened(current)
    if target.round_id != current.round_id:
        raise ValueError("an idea can only be merged into another open idea of its round")
    if target.status in (IdeaStatus.MERGED, IdeaStatus.REJECTED):
        raise MergeTargetClosed(target)
    _decided(current, user, IdeaStatus.MERGED)
    current.merged_into = target
    current.save(update_fields=["status", "decided_by", "decided_at", "merged_into"])
    # No proposal on the event: the target may have become a draft proposal that whoever
    # submitted this idea (a politician, say) may not see.
    event = do_record_event(
        current.round,
        actor=user,
        verb="idea_merged",
        text=_("%(user)s merged the idea “%(title)s” into “%(into)s”.")
        % {"user": user, "title": current.title, "into": target.title},
    )
    # The submitter is told without the other idea's title: it may be another party's.
    submitter = current.submitted_by
    recipients = recipients_in(
        current.round.municipality_id, [submitter] if submitter is not None else [], exclude=user
    )
    if recipients:
        with translation.override(EMAIL_LANGUAGE):
            text = _("Your idea “%(title)s” was merged with another idea.") % {
                "title": current.title
            }
            body = f"{text}\n\n" + _("Budget round: %(round)s") % {"round": current.round.name}
        notify_users(
            recipients,
            subject=text,
            body=body,
            url=reverse("idea_detail", args=[current.public_id]),
            event=event,
        )
    return current


@transaction.atomic
def screening_state(budget_round: BudgetRound) -> dict[str, object]:
    """The screening page's saved state, by the rules form's field names; the lock compares it."""
    rules = ScreeningRules.objects.filter(round=budget_round).first()
    return {
        "min_amount": rules.min_amount if rules else None,
        "latest_full_effect_year": rules.latest_full_effect_year if rules else None,
        "criteria": [
            [c.pk, c.text, c.position]
            for c in ScreeningCriterion.objects.filter(round=budget_round).order_by("pk")
        ],
    }


@transaction.atomic
def do_save_screening_rules(
    budget_round: BudgetRound,
    *,
    min_amount: int | None,
    latest_full_effect_year: int | None,
    criteria: Iterable[tuple[int | None, str, int | None]],
    deleted: Iterable[int],
    user: User,
    loaded: str | None = None,
) -> ScreeningRules:
    """The round's standard rules and its free criteria: (id or None for a new one, text,
    position or None for last). Deleting a criterion deletes the answers given to it.

    StaleState (nothing saved) when they changed after the form showing `loaded` was opened."""
    BudgetRound.objects.select_for_update().filter(pk=budget_round.pk).exists()
    concurrency.check(loaded, screening_state(budget_round))
    rules, _created = ScreeningRules.objects.update_or_create(
        round=budget_round,
        defaults={"min_amount": min_amount, "latest_full_effect_year": latest_full_effect_year},
    )
    own = budget_round.screening_criteria
    own.filter(pk__in=list(deleted)).delete()
    highest = own.aggregate(n=Max("position"))["n"] or 0
    for pk, text, position in criteria:
        if position is None:
            highest += 1
            position = highest
        if pk is None:
            ScreeningCriterion.objects.create(round=budget_round, text=text, position=position)
        else:
            own.filter(pk=pk).update(text=text, position=position)
    do_record_event(
        budget_round,
        actor=user,
        verb="screening_rules",
        text=_("%(user)s changed the screening criteria.") % {"user": user},
    )
    return rules
