"""State changes of the follow-up. Views, commands and the decisions code call these.

Every change of an initiative or an assessment is atomic and checks the version the user started
from (optimistic locking), so two people never overwrite each other silently: the second gets
StaleFollowUp and sees the saved version beside what they typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raaderum.communication.actions import do_record_event, notify_users, recipients_in
from raaderum.decisions.models import BudgetAgreement, Outcome
from raaderum.followup.models import (
    DecisionKind,
    Evidence,
    FollowUpCycle,
    Initiative,
    InitiativeDecision,
    InitiativeStatus,
    Milestone,
    MilestoneStatus,
    Realisation,
    ReviewState,
)
from raaderum.lib.money import format_kr
from raaderum.organisation.models import Municipality, Role, User
from raaderum.publication.models import PublishedProposal

# The activity feed and the e-mails are shared by everyone: always in Danish.
PRODUCT_LANGUAGE = "da"

# An assessment the owner may still change; once submitted it waits for the budget office.
OPEN_STATES = frozenset({ReviewState.DRAFT, ReviewState.RETURNED})


class FollowUpInUse(PermissionDenied):
    """A decision with follow-up entered cannot stop being adopted; nothing was saved."""


class StaleFollowUp(Exception):
    """The initiative or assessment changed after the user opened it; nothing was saved."""

    def __init__(self, current: Initiative | Realisation | None) -> None:
        self.current = current
        super().__init__(_("It was changed by someone else while you were editing."))


class NotOpen(Exception):
    """The assessment is not in a state that allows this (e.g. already approved)."""


# Initiatives from decisions


def default_unit(published: PublishedProposal) -> str:
    """The service areas the adopted effects fall in: a unit, never a person's name."""
    areas: list[str] = []
    for effect in published.effects:
        if effect["area"] not in areas:
            areas.append(effect["area"])
    return ", ".join(areas)[:200]


def do_release_initiatives(
    agreement: BudgetAgreement, decisions: Mapping[int, Mapping[str, Any]]
) -> None:
    """Before an agreement's decisions are saved again (published proposal id -> fields).

    An initiative whose decision stops being adopted, or is replaced by a decision on another
    catalog version, is removed when nothing has been entered for it. If something has, the
    whole save is refused (FollowUpInUse): milestones, assessments and decisions are a record,
    and must not vanish because a decision was corrected.
    """
    refused = []
    for initiative in Initiative.objects.filter(decision__agreement=agreement).select_related(
        "decision__published"
    ):
        new = decisions.get(initiative.decision.published_id)
        if new is not None and new.get("outcome") == Outcome.ADOPTED:
            continue
        if initiative.has_entries():
            refused.append(initiative.decision.published.code)
        else:
            initiative.delete()
    if refused:
        raise FollowUpInUse(
            ngettext(
                "The decisions were not saved: %(codes)s is being followed up (milestones, "
                "assessments or decisions have been entered), so its decision can no longer "
                "change from adopted nor move to another catalog version. Close the initiative "
                "under Follow-up instead.",
                "The decisions were not saved: %(codes)s are being followed up (milestones, "
                "assessments or decisions have been entered), so their decisions can no longer "
                "change from adopted nor move to another catalog version. Close the initiatives "
                "under Follow-up instead.",
                len(refused),
            )
            % {"codes": ", ".join(refused)}
        )


def do_create_initiatives(agreement: BudgetAgreement, *, user: User | None = None) -> int:
    """An initiative for each adopted decision of the agreement that has none; idempotent.

    Expected = the adopted (published) snapshot's råderum per year; responsible = the
    proposal's owner; responsible unit = the service areas of its effects. Returns how many
    were created.
    """
    decisions = agreement.decisions.filter(
        outcome=Outcome.ADOPTED, initiative__isnull=True
    ).select_related("published__proposal", "agreement__round")
    created = 0
    for decision in decisions:
        published = decision.published
        initiative = Initiative(
            decision=decision,
            municipality_id=decision.agreement.round.municipality_id,
            responsible_id=published.proposal.owner_id,
            responsible_unit=default_unit(published),
            expected={str(year): int(amount) for year, amount in published.headroom.items()},
            updated_by=user,
        )
        initiative._history_user = user  # type: ignore[attr-defined]
        initiative.save()
        created += 1
    return created


def do_backfill_initiatives(municipality: Municipality | None = None) -> int:
    """Initiatives for the adopted decisions recorded before follow-up existed (idempotent)."""
    agreements = BudgetAgreement.objects.order_by("pk")
    if municipality is not None:
        agreements = agreements.filter(round__municipality=municipality)
    created = 0
    for agreement in agreements:
        with transaction.atomic():
            created += do_create_initiatives(agreement)
    return created


# The implementation page


def _lock_initiative(initiative: Initiative, expected_version: int) -> Initiative:
    current = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if current.version != expected_version:
        raise StaleFollowUp(current)
    return current


def _touch(initiative: Initiative, user: User, fields: Iterable[str] = ()) -> None:
    initiative.version += 1
    initiative.updated_by = user
    initiative._history_user = user  # type: ignore[attr-defined]
    initiative.save(update_fields=["version", "updated_by", "updated_at", *fields])


@transaction.atomic
def do_save_implementation(
    initiative: Initiative,
    *,
    responsible: User | None,
    responsible_unit: str,
    milestones: Sequence[Mapping[str, Any]],
    expected_version: int,
    user: User,
) -> Initiative:
    """Responsible person and unit, and the milestones, saved together.

    `milestones`: one mapping per row with the milestone (None for a new one), its fields and
    whether to delete it.
    """
    current = _lock_initiative(initiative, expected_version)
    current.responsible = responsible
    current.responsible_unit = responsible_unit.strip()
    for row in milestones:
        milestone: Milestone | None = row["milestone"]
        if row.get("delete"):
            if milestone is not None:
                milestone._history_user = user  # type: ignore[attr-defined]
                milestone.delete()
            continue
        if milestone is None:
            milestone = Milestone(initiative=current)
        for name in ("title", "due", "status", "done_on", "note"):
            setattr(milestone, name, row[name])
        if milestone.status == MilestoneStatus.DONE and milestone.done_on is None:
            milestone.done_on = timezone.localdate()
        if milestone.status != MilestoneStatus.DONE:
            milestone.done_on = None
        milestone._history_user = user  # type: ignore[attr-defined]
        milestone.save()
    _touch(current, user, ["responsible", "responsible_unit"])
    return current


@transaction.atomic
def do_mark_milestone_done(milestone: Milestone, *, user: User) -> Milestone:
    """One click: done today. Bumps the initiative's version, so an open edit of the milestones
    is told instead of silently undoing it."""
    initiative = Initiative.objects.select_for_update().get(pk=milestone.initiative_id)
    milestone.refresh_from_db()
    if milestone.status != MilestoneStatus.DONE:
        milestone.status = MilestoneStatus.DONE
        milestone.done_on = timezone.localdate()
        milestone._history_user = user  # type: ignore[attr-defined]
        milestone.save(update_fields=["status", "done_on"])
        _touch(initiative, user)
    return milestone


# Assessments per year


def cycle_for(municipality_id: int, year: int) -> FollowUpCycle | None:
    return FollowUpCycle.objects.filter(municipality_id=municipality_id, accounts_year=year).first()


def _office(municipality_id: int) -> list[User]:
    return list(
        User.objects.filter(
            memberships__municipality_id=municipality_id,
            memberships__role=Role.BUDGET_OFFICE,
        ).order_by("pk")
    )


def _realisation_url(initiative: Initiative, year: int) -> str:
    return reverse(
        "followup_realisation",
        args=[initiative.round.public_id, initiative.published.code, year],
    )


def _values(initiative: Initiative, year: int, user: User) -> dict[str, object]:
    published = initiative.published
    return {"user": user, "code": published.code, "title": published.title, "year": year}


@transaction.atomic
def do_save_realisation(
    initiative: Initiative,
    year: int,
    fields: Mapping[str, Any],
    *,
    submit: bool,
    expected_version: int,
    user: User,
) -> Realisation:
    """Save the owner's assessment of `year` (a draft), and with `submit` send it for review.

    `expected_version` is the assessment's version when the form was opened (0: there was none).
    """
    if year not in initiative.years:
        raise ValueError(f"{year} is outside the initiative's period {initiative.years}")
    Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
    current = (
        Realisation.objects.select_for_update().filter(initiative=initiative, year=year).first()
    )
    if (current.version if current else 0) != expected_version:
        raise StaleFollowUp(current)
    if current is None:
        current = Realisation(initiative=initiative, year=year, version=0)
    elif current.state not in OPEN_STATES:
        raise NotOpen(current.state)
    for name in ("realised", "status", "assessment", "learning"):
        setattr(current, name, fields[name])
    current.cycle = current.cycle or cycle_for(initiative.municipality_id, year)
    current.version += 1
    current.updated_by = user
    if submit:
        current.state = ReviewState.SUBMITTED
        current.submitted_by = user
        current.submitted_at = timezone.now()
    current._history_user = user  # type: ignore[attr-defined]
    current.save()
    if submit:
        with translation.override(PRODUCT_LANGUAGE):
            values = _values(initiative, year, user)
            values["amount"] = format_kr(current.realised or 0)
            text = (
                _(
                    "%(user)s submitted the assessment of %(code)s %(title)s for %(year)s: "
                    "%(amount)s realised."
                )
                % values
            )
        do_record_event(
            initiative.round,
            actor=user,
            verb="realisation_submitted",
            text=text,
            proposal=initiative.published.proposal,
            notify=_office(initiative.municipality_id),
            url=_realisation_url(initiative, year),
        )
    return current


@transaction.atomic
def do_review_realisation(
    realisation: Realisation, *, approve: bool, note: str, expected_version: int, user: User
) -> Realisation:
    """Approve a submitted assessment, or send it (submitted or approved) back with a note."""
    current = Realisation.objects.select_for_update().get(pk=realisation.pk)
    if current.version != expected_version:
        raise StaleFollowUp(current)
    allowed = {ReviewState.SUBMITTED} if approve else {ReviewState.SUBMITTED, ReviewState.APPROVED}
    if current.state not in allowed:
        raise NotOpen(current.state)
    current.state = ReviewState.APPROVED if approve else ReviewState.RETURNED
    current.reviewed_by = user
    current.reviewed_at = timezone.now()
    current.review_note = note.strip()
    current.version += 1
    current.updated_by = user
    current._history_user = user  # type: ignore[attr-defined]
    current.save()
    initiative = Initiative.objects.select_related(
        "decision__published__proposal", "decision__agreement__round"
    ).get(pk=current.initiative_id)
    with translation.override(PRODUCT_LANGUAGE):
        values = _values(initiative, current.year, user)
        values["note"] = current.review_note
        if approve:
            text = (
                _("%(user)s approved the assessment of %(code)s %(title)s for %(year)s.") % values
            )
        else:
            text = (
                _("%(user)s sent the assessment of %(code)s %(title)s for %(year)s back: %(note)s")
                % values
            )
    do_record_event(
        initiative.round,
        actor=user,
        verb="realisation_approved" if approve else "realisation_returned",
        text=text,
        proposal=initiative.published.proposal,
        notify=[person for person in (current.submitted_by, initiative.responsible) if person],
        url=_realisation_url(initiative, current.year),
    )
    return current


@transaction.atomic
def do_add_evidence(
    realisation: Realisation,
    *,
    name: str,
    content: bytes,
    content_type: str,
    description: str,
    user: User,
) -> Evidence:
    current = Realisation.objects.select_for_update().get(pk=realisation.pk)
    if current.state not in OPEN_STATES:
        raise NotOpen(current.state)
    return Evidence.objects.create(
        realisation=current,
        name=name[:200],
        content=content,
        content_type=content_type,
        size=len(content),
        description=description.strip()[:300],
        uploaded_by=user,
    )


@transaction.atomic
def do_delete_evidence(evidence: Evidence) -> None:
    current = Realisation.objects.select_for_update().get(pk=evidence.realisation_id)
    if current.state not in OPEN_STATES:
        raise NotOpen(current.state)
    evidence.delete()


# Decisions on an initiative


@transaction.atomic
def do_decide_initiative(
    initiative: Initiative,
    *,
    kind: str,
    reason: str,
    reference: str,
    expected: Mapping[int, int] | None,
    expected_version: int,
    user: User,
) -> InitiativeDecision:
    """Adjust the expected amounts, close or reopen: recorded with reason and reference.

    `expected` (every year of the period) replaces the expected amounts; None keeps them.
    """
    current = _lock_initiative(initiative, expected_version)
    before = dict(current.expected)
    if expected is not None:
        current.expected = {str(year): int(amount) for year, amount in sorted(expected.items())}
    if kind == DecisionKind.CLOSE:
        current.status = InitiativeStatus.CLOSED
    elif kind == DecisionKind.REOPEN:
        current.status = InitiativeStatus.ACTIVE
    decision = InitiativeDecision.objects.create(
        initiative=current,
        kind=kind,
        reason=reason.strip(),
        reference=reference.strip(),
        expected_before=before,
        expected_after=dict(current.expected),
        by=user,
    )
    _touch(current, user, ["expected", "status"])
    current.decision = initiative.decision  # keep the loaded relations for the event below
    with translation.override(PRODUCT_LANGUAGE):
        values = {
            "user": user,
            "code": current.published.code,
            "title": current.published.title,
            "what": decision.get_kind_display().lower(),
            "reason": decision.reason,
            "reference": decision.reference,
        }
        text = (
            _("%(user)s recorded for %(code)s %(title)s: %(what)s (%(reference)s). %(reason)s")
            % values
        )
    do_record_event(
        current.round,
        actor=user,
        verb=f"initiative_{kind}",
        text=text,
        proposal=current.published.proposal,
        notify=[current.responsible] if current.responsible else [],
        url=reverse("followup_initiative", args=[current.round.public_id, current.published.code]),
    )
    return decision


# Follow-up cycles


@transaction.atomic
def do_open_cycle(
    municipality: Municipality, fields: Mapping[str, Any], *, user: User
) -> FollowUpCycle:
    """Open the yearly follow-up of an accounts year and tell the responsible persons."""
    from raaderum.followup.progress import cycle_rows

    cycle = FollowUpCycle.objects.create(municipality=municipality, opened_by=user, **fields)
    # Assessments of the year entered before the cycle was opened belong to it too.
    Realisation.objects.filter(
        initiative__municipality=municipality, year=cycle.accounts_year, cycle__isnull=True
    ).update(cycle=cycle)
    people = {row.initiative.responsible_or_owner for row in cycle_rows(cycle)}
    recipients = recipients_in(municipality.pk, people, exclude=user)
    if recipients:
        with translation.override(PRODUCT_LANGUAGE):
            values = {
                "year": cycle.accounts_year,
                "date": formats.date_format(cycle.entry_deadline, "j. F Y"),
            }
            subject = _("Follow-up of the accounts %(year)s has started") % values
            body = (
                _(
                    "The budget office has opened the follow-up of the accounts %(year)s. "
                    "Enter the realised råderum, your assessment and what was learned for each "
                    "initiative you are responsible for, and submit it by %(date)s."
                )
                % values
            )
        notify_users(
            recipients,
            subject=subject,
            body=body,
            url=reverse("followup_cycle", args=[municipality.slug, cycle.accounts_year]),
        )
    return cycle


@transaction.atomic
def do_save_cycle(cycle: FollowUpCycle, fields: Mapping[str, Any], *, closed: bool) -> None:
    for name, value in fields.items():
        setattr(cycle, name, value)
    if closed and cycle.closed_at is None:
        cycle.closed_at = timezone.now()
    elif not closed:
        cycle.closed_at = None
    cycle.save()
