"""The round dashboard: how many proposals stand where, what is overdue, who must act next."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from raaderum import access
from raaderum.access import Action
from raaderum.ideas.reminders import ScreeningDue, screening_due
from raaderum.organisation.models import Role, User
from raaderum.proposals import workflow
from raaderum.proposals.catalog import Catalog, CatalogRow
from raaderum.proposals.models import STEP_LABELS, ProposalStatus
from raaderum.questions.access import visible_questions
from raaderum.questions.models import Question
from raaderum.rounds.models import BudgetRound


@dataclass
class Todo:
    row: CatalogRow
    step: str
    deadline: date | None
    overdue: bool

    @property
    def label(self) -> str:
        return str(STEP_LABELS[self.step])


@dataclass
class Dashboard:
    counts: list[tuple[str, str, int]]  # status, label, count
    overdue: list[Todo]
    mine: list[Todo]
    by_person: list[tuple[User, list[Todo]]] = field(default_factory=list)
    warnings: int = 0
    # Budget questions past their deadline that the user may see (raaderum.questions.access).
    overdue_questions: list[Question] = field(default_factory=list)
    # Ideas awaiting screening, for those who screen (None for the others).
    screening: ScreeningDue | None = None

    @property
    def nothing_overdue(self) -> bool:
        return not (
            self.overdue or self.overdue_questions or (self.screening and self.screening.overdue)
        )


def build_dashboard(
    budget_round: BudgetRound, catalog: Catalog, user: User, today: date
) -> Dashboard:
    rows = [row for group in catalog.groups for row in group.rows]
    by_status = Counter(row.proposal.status for row in rows)
    office = list(
        User.objects.filter(
            memberships__municipality_id=budget_round.municipality_id,
            memberships__role=Role.BUDGET_OFFICE,
        )
    )
    items = workflow.due_items(
        (
            (row, row.proposal.status, row.proposal.owner, row.proposal.director, row.cross_cutting)
            for row in rows
        ),
        office,
        budget_round.deadlines(),
        today,
    )
    per_person: dict[User, list[Todo]] = defaultdict(list)
    overdue: dict[int, Todo] = {}
    for item in items:
        todo = Todo(item.proposal, item.step, item.deadline, item.overdue)  # type: ignore[arg-type]
        per_person[item.who].append(todo)  # type: ignore[index]
        if item.overdue:
            overdue.setdefault(todo.row.proposal.pk, todo)
    return Dashboard(
        counts=[(value, str(label), by_status[value]) for value, label in ProposalStatus.choices],
        overdue=list(overdue.values()),
        mine=per_person.get(user, []),
        by_person=sorted(per_person.items(), key=lambda pair: str(pair[0])),
        warnings=sum(bool(row.warnings) for row in rows),
        overdue_questions=list(
            visible_questions(user, budget_round).overdue(today).for_list().order_by("number")
        ),
        screening=screening_due(budget_round, today)
        if access.role_may(access.role_in(user, budget_round.municipality_id), Action.SCREEN_IDEAS)
        else None,
    )
