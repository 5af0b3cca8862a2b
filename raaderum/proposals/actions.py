"""State changes of proposals. Views and commands call these; nothing else writes proposals raw.

Every change is atomic and checks the version the user started from, so two people editing the
same proposal never silently overwrite each other (optimistic locking).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raaderum import access
from raaderum.communication.actions import do_record_event
from raaderum.organisation.models import Committee, Role, ServiceArea, User
from raaderum.proposals import readability, workflow
from raaderum.proposals.models import (
    Effect,
    Proposal,
    ProposalStatus,
    StaffEffect,
    Transition,
)
from raaderum.rounds.models import BudgetRound

# The language of every event, transition comment and e-mail: the activity feed and the mails
# are shared by everyone, so they never follow one actor's choice of UI language.
PRODUCT_LANGUAGE = "da"


class StaleEdit(Exception):
    """The proposal changed after the user opened it; nothing was saved."""

    def __init__(self, proposal: Proposal) -> None:
        self.proposal = proposal
        super().__init__(_("The proposal was changed by someone else while you were editing."))


def next_number(budget_round: BudgetRound, committee: Committee) -> int:
    """The next free number in the committee; call inside a transaction.

    Locking the committee row serialises two people creating proposals under it at once
    (PostgreSQL), so they never both get BU-08.
    """
    Committee.objects.select_for_update().filter(pk=committee.pk).first()
    highest = Proposal.objects.filter(round=budget_round, committee=committee).aggregate(
        n=Max("number")
    )["n"]
    return (highest or 0) + 1


@transaction.atomic
def do_create_proposal(
    budget_round: BudgetRound,
    fields: Mapping[str, Any],
    *,
    user: User,
    creator_keeps_access: bool = False,
) -> Proposal:
    """Create a proposal; with `creator_keeps_access`, whoever writes it for someone else is
    made a contributor in the same transaction, so they can finish it."""
    data = dict(fields)
    contributors = list(data.pop("contributors", []))
    proposal = Proposal(round=budget_round, updated_by=user, **data)
    proposal.number = next_number(budget_round, proposal.committee)
    proposal._history_user = user  # type: ignore[attr-defined]
    proposal.save()
    if creator_keeps_access and user.pk not in (
        proposal.owner_id,
        proposal.director_id,
        *(person.pk for person in contributors),
    ):
        contributors.append(user)
    proposal.contributors.set(contributors)
    with translation.override(PRODUCT_LANGUAGE):
        text = _("%(user)s created %(code)s %(title)s with %(owner)s as owner.") % {
            "user": user,
            "code": proposal.code,
            "title": proposal.title,
            "owner": proposal.owner,
        }
    do_record_event(
        budget_round,
        actor=user,
        verb="created",
        text=text,
        proposal=proposal,
        notify=[proposal.owner, *([proposal.director] if proposal.director else [])],
    )
    return proposal


def _lock_current(proposal: Proposal, expected_version: int) -> Proposal:
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if current.version != expected_version:
        raise StaleEdit(current)
    return current


@transaction.atomic
def do_update_proposal(
    proposal: Proposal, fields: Mapping[str, Any], *, expected_version: int, user: User
) -> Proposal:
    current = _lock_current(proposal, expected_version)
    before = {"owner": current.owner_id, "director": current.director_id}
    approved_before = current.status in {ProposalStatus.APPROVED, ProposalStatus.IN_CATALOG}
    data = dict(fields)
    contributors = data.pop("contributors", None)
    committee_changed = "committee" in data and data["committee"].pk != current.committee_id
    for name, value in data.items():
        setattr(current, name, value)
    if committee_changed:
        # The code follows the committee (BU-07 becomes SU-12): a fresh number there.
        current.number = next_number(current.round, current.committee)
    director_changed = current.director_id != before["director"]
    if director_changed and approved_before:
        # The approval was the old director's: another director has not approved anything.
        _void_approval(current, user)
    current.version += 1
    current.updated_by = user
    current._history_user = user  # type: ignore[attr-defined]
    current.save()
    if contributors is not None:
        current.contributors.set(contributors)
    # Tell people who were just made responsible: nobody should learn it by chance.
    newly: list[User] = []
    if current.owner_id != before["owner"]:
        newly.append(current.owner)
    if current.director and current.director_id != before["director"]:
        newly.append(current.director)
    if newly:
        with translation.override(PRODUCT_LANGUAGE):
            text = _("%(user)s made %(people)s responsible for %(code)s.") % {
                "user": user,
                "people": ", ".join(map(str, newly)),
                "code": current.code,
            }
        do_record_event(
            current.round,
            actor=user,
            verb="assigned",
            text=text,
            proposal=current,
            notify=newly,
        )
    return current


@transaction.atomic
def do_save_effects(
    proposal: Proposal,
    amounts: Mapping[tuple[int, int], int],
    fte: Mapping[int, Decimal],
    *,
    expected_version: int,
    user: User,
) -> Proposal:
    """Replace the proposal's whole effects grid: (service area id, year) -> kroner.

    Zero cells are not stored. The caller has validated every cell; this refuses areas of another
    municipality and years outside the round's period as a last line of defence.
    """
    current = _lock_current(proposal, expected_version)
    years = set(current.round.years)
    area_ids = {area_id for area_id, _year in amounts}
    allowed = set(
        ServiceArea.objects.filter(
            pk__in=area_ids, committee__municipality_id=current.round.municipality_id
        ).values_list("pk", flat=True)
    )
    if area_ids - allowed:
        raise ValueError("service area of another municipality")
    if {year for _area, year in amounts} - years or set(fte) - years:
        raise ValueError("year outside the round's period")
    # Row by row, not bulk: the audit trail (simple-history) records every amount's before/after.
    wanted = {key: amount for key, amount in amounts.items() if amount != 0}
    amounts_changed = False
    for effect in current.effects.all():
        key = (effect.service_area_id, effect.year)
        effect._history_user = user  # type: ignore[attr-defined]  # also when no request
        if key not in wanted:
            effect.delete()
            amounts_changed = True
        elif wanted[key] != effect.amount:
            effect.amount = wanted[key]
            effect.save(update_fields=["amount"])
            amounts_changed = True
        wanted.pop(key, None)
    for (area_id, year), amount in sorted(wanted.items()):
        effect = Effect(proposal=current, service_area_id=area_id, year=year, amount=amount)
        effect._history_user = user  # type: ignore[attr-defined]
        effect.save()
        amounts_changed = True
    wanted_fte = {year: value for year, value in fte.items() if value != 0}
    for staff in current.staff_effects.all():
        staff._history_user = user  # type: ignore[attr-defined]
        if staff.year not in wanted_fte:
            staff.delete()
            amounts_changed = True
        elif wanted_fte[staff.year] != staff.fte:
            staff.fte = wanted_fte[staff.year]
            staff.save(update_fields=["fte"])
            amounts_changed = True
        wanted_fte.pop(staff.year, None)
    for year, value in sorted(wanted_fte.items()):
        staff = StaffEffect(proposal=current, year=year, fte=value)
        staff._history_user = user  # type: ignore[attr-defined]
        staff.save()
        amounts_changed = True
    current.version += 1
    current.updated_by = user
    current._history_user = user  # type: ignore[attr-defined]
    fields = ["version", "updated_by", "updated_at"]
    if amounts_changed and workflow.voided_by_amount_change(current.status):
        _void_sign_off(current, user)
        fields += ["status", "signed_off_by", "signed_off_at", "approved_by", "approved_at"]
    current.save(update_fields=fields)
    return current


def _void_sign_off(proposal: Proposal, user: User) -> None:
    """An amount or FTE changed after the budget office signed the calculation off: back to
    quality check."""
    with translation.override(PRODUCT_LANGUAGE):
        comment = _("An amount or FTE was changed after the calculation was signed off.")
        text = _(
            "%(user)s changed the amounts or FTE of %(code)s after sign-off; it needs a new check."
        ) % {"user": user, "code": proposal.code}
    Transition.objects.create(
        proposal=proposal,
        action="void_sign_off",
        from_status=proposal.status,
        to_status=ProposalStatus.SUBMITTED,
        user=user,
        comment=comment,
    )
    proposal.status = ProposalStatus.SUBMITTED
    proposal.signed_off_by = proposal.signed_off_at = None
    proposal.approved_by = proposal.approved_at = None
    do_record_event(
        proposal.round,
        actor=user,
        verb="sign_off_voided",
        text=text,
        proposal=proposal,
        notify=budget_office(proposal.round.municipality_id),
    )


def _void_approval(proposal: Proposal, user: User) -> None:
    """The director changed after approval: the approval is void, an approved proposal goes
    back to signed off for the new director to approve. The caller saves the proposal."""
    target = (
        ProposalStatus.SIGNED_OFF
        if proposal.status == ProposalStatus.APPROVED
        else ProposalStatus(proposal.status)
    )
    with translation.override(PRODUCT_LANGUAGE):
        comment = _("The director was changed after the proposal was approved.")
        text = _(
            "%(user)s changed the director of %(code)s; the approval is void and the new "
            "director must approve it."
        ) % {"user": user, "code": proposal.code}
    Transition.objects.create(
        proposal=proposal,
        action="void_approval",
        from_status=proposal.status,
        to_status=target,
        user=user,
        comment=comment,
    )
    proposal.status = target
    proposal.approved_by = proposal.approved_at = None
    do_record_event(
        proposal.round,
        actor=user,
        verb="approval_voided",
        text=text,
        proposal=proposal,
        notify=budget_office(proposal.round.municipality_id),
    )


def budget_office(municipality_id: int) -> list[User]:
    return list(
        User.objects.filter(
            memberships__municipality_id=municipality_id, memberships__role=Role.BUDGET_OFFICE
        )
    )


class TransitionRefused(Exception):
    """The step is not allowed now; `code` is one of workflow's refusal codes."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def situation(proposal: Proposal, user: User, role: str | None) -> workflow.Situation:
    """The rules' view of this person and proposal.

    A relation counts only while the person's current role allows it: an owner demoted to
    reader no longer acts as owner, and only a director acts as the proposal's director.
    """
    relations = set()
    authors = access.role_may(role, access.Action.EDIT_OWN_PROPOSAL)
    if authors and user.pk == proposal.owner_id:
        relations.add(workflow.OWNER)
    if role == Role.DIRECTOR and user.pk == proposal.director_id:
        relations.add(workflow.PROPOSAL_DIRECTOR)
    if authors and proposal.contributors.filter(pk=user.pk).exists():
        relations.add(workflow.CONTRIBUTOR)
    summary_lix = readability.lix(proposal.summary)
    return workflow.Situation(
        status=proposal.status,
        role=role,
        relations=frozenset(relations),
        cross_cutting=proposal.is_cross_cutting(),
        has_director=proposal.director_id is not None,
        has_effects=proposal.effects.exists(),
        summary_lix=summary_lix.score if summary_lix else None,
        max_lix=proposal.round.max_lix,
        missing_screening=tuple(_missing_screening(proposal)),
    )


def _missing_screening(proposal: Proposal) -> list[str]:
    # Lazily: the impact screening app builds on proposals.
    from raaderum.impactscreening.actions import missing_required

    return missing_required(proposal)


@transaction.atomic
def do_transition(
    proposal: Proposal,
    step: str,
    *,
    user: User,
    role: str | None,
    expected_version: int,
    comment: str = "",
) -> Proposal:
    """Move the proposal one step through the workflow, or refuse and change nothing."""
    current = _lock_current(proposal, expected_version)
    current = Proposal.objects.with_effects().get(pk=current.pk)
    refused = workflow.refusal(step, situation(current, user, role), comment)
    if refused:
        raise TransitionRefused(refused)
    target = workflow.STEPS[step].target
    Transition.objects.create(
        proposal=current,
        action=step,
        from_status=current.status,
        to_status=target,
        user=user,
        comment=comment.strip(),
    )
    now = timezone.now()
    if step == "sign_off":
        current.signed_off_by, current.signed_off_at = user, now
    elif step == "approve":
        current.approved_by, current.approved_at = user, now
    elif target == ProposalStatus.DRAFT:
        current.signed_off_by = current.signed_off_at = None
        current.approved_by = current.approved_at = None
    if step == "withdraw":
        current.withdrawn_reason = comment.strip()
    elif step == "reopen":
        current.withdrawn_reason = ""
    current.status = target
    current.version += 1
    current.updated_by = user
    current._history_user = user  # type: ignore[attr-defined]
    current.save()
    people = {current.owner, *([current.director] if current.director else [])}
    if step in {"submit", "approve"}:
        people.update(budget_office(current.round.municipality_id))
    if step == "sign_off" and current.is_cross_cutting() and current.director:
        people.add(current.director)
    with translation.override(PRODUCT_LANGUAGE):
        text = STEP_EVENTS[step] % {"user": user, "code": current.code}
    do_record_event(
        current.round,
        actor=user,
        verb=step,
        text=text,
        proposal=current,
        notify=people,
        url=reverse("proposal_detail", args=[current.public_id]),
    )
    return current


STEP_EVENTS = {
    "submit": gettext_lazy("%(user)s submitted %(code)s for quality check."),
    "sign_off": gettext_lazy("%(user)s signed off the calculation of %(code)s."),
    "approve": gettext_lazy("%(user)s approved %(code)s for the catalog."),
    "add_to_catalog": gettext_lazy("%(user)s added %(code)s to the catalog."),
    "send_back": gettext_lazy("%(user)s sent %(code)s back to the owner."),
    "withdraw": gettext_lazy("%(user)s withdrew %(code)s."),
    "reopen": gettext_lazy("%(user)s reopened %(code)s."),
}
