"""How far a follow-up cycle has come: one row per initiative due in the accounts year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raaderum.followup.models import (
    FollowUpCycle,
    Initiative,
    InitiativeStatus,
    Realisation,
    ReviewState,
)

MISSING = "missing"
ENTERED = "entered"  # started or sent back, not submitted
SUBMITTED = "submitted"
APPROVED = "approved"

PROGRESS = {
    MISSING: _("Missing"),
    ENTERED: _("Started, not submitted"),
    SUBMITTED: _("Awaiting review"),
    APPROVED: _("Approved"),
}


@dataclass
class CycleRow:
    year: int
    initiative: Initiative
    realisation: Realisation | None
    progress: str
    overdue: bool  # the owner's deadline passed without a submitted assessment
    review_overdue: bool  # the budget office's deadline passed with it still waiting

    @property
    def progress_label(self) -> str:
        if self.realisation is not None and self.realisation.state == ReviewState.RETURNED:
            return str(_("Sent back"))
        return str(PROGRESS[self.progress])

    @property
    def expected(self) -> int:
        return self.initiative.expected_by_year().get(self.year, 0)


def progress_of(realisation: Realisation | None) -> str:
    if realisation is None:
        return MISSING
    if realisation.state == ReviewState.APPROVED:
        return APPROVED
    if realisation.state == ReviewState.SUBMITTED:
        return SUBMITTED
    if realisation.state == ReviewState.RETURNED or realisation.entered:
        return ENTERED
    return MISSING


def due_initiatives(municipality_id: int, year: int) -> list[Initiative]:
    """Initiatives to assess for the accounts year: the active ones whose period holds it, and
    closed ones that were assessed for it anyway."""
    return list(
        Initiative.objects.filter(municipality_id=municipality_id, expected__has_key=str(year))
        .filter(Q(status=InitiativeStatus.ACTIVE) | Q(realisations__year=year))
        .distinct()
        .select_related(
            "responsible",
            "decision__agreement__round",
            "decision__published__proposal__owner",
        )
        .order_by(
            "decision__agreement__round__budget_year",
            "decision__published__position",
        )
    )


def cycle_rows(cycle: FollowUpCycle, today: date | None = None) -> list[CycleRow]:
    initiatives = due_initiatives(cycle.municipality_id, cycle.accounts_year)
    realisations = {
        r.initiative_id: r
        for r in Realisation.objects.filter(
            initiative__in=initiatives, year=cycle.accounts_year
        ).select_related("submitted_by")
    }
    rows = []
    for initiative in initiatives:
        realisation = realisations.get(initiative.pk)
        progress = progress_of(realisation)
        rows.append(
            CycleRow(
                year=cycle.accounts_year,
                initiative=initiative,
                realisation=realisation,
                progress=progress,
                overdue=today is not None
                and today > cycle.entry_deadline
                and progress in (MISSING, ENTERED),
                review_overdue=today is not None
                and today > cycle.review_deadline
                and progress == SUBMITTED,
            )
        )
    return rows


def counts(rows: list[CycleRow]) -> list[tuple[str, str, int]]:
    """(progress, label, count) in the order of the workflow."""
    found = Counter(row.progress for row in rows)
    return [(key, str(label), found[key]) for key, label in PROGRESS.items()]
