"""Similar proposals from earlier rounds, beside an idea or proposal being drafted.

The municipality's own proposals of rounds with an earlier budget year are compared with the
draft by their words: title, summary and description normalised and stemmed the way the idea
bank does it on SQLite (raaderum.ideabank.text), a shared word in both titles counting more
than one shared anywhere. A proposal of the same type, committee or service area ranks a little
higher, but only when it shares words at all. Each one found comes with what the council
decided, whether it may be presented again (raaderum.decisions.rules) and, if adopted, how much
of it was realised according to the approved assessments (raaderum.followup.realisation).

Queries are bounded whatever the history: one for the earlier proposals' texts, then one each
for the effects, proposals, decisions and realised years of the few that match.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from raaderum.decisions import rules
from raaderum.decisions.models import Decision, Outcome
from raaderum.followup import realisation as calc
from raaderum.followup.models import Realisation, ReviewState
from raaderum.ideabank import text
from raaderum.ideabank.search import similar_bank_ideas
from raaderum.ideas.models import Idea
from raaderum.proposals.models import Effect, Proposal
from raaderum.rounds.models import BudgetRound

if TYPE_CHECKING:
    from raaderum.ideabank.models import BankIdea

SHOWN = 5  # earlier proposals
BANK_SHOWN = 3  # idea-bank entries
TITLE_SCORE = 3  # a word in both titles (on top of the 1 for sharing it at all)
MIN_SCORE = 3  # one shared title word, or three shared words elsewhere
SAME_TYPE_BONUS = SAME_COMMITTEE_BONUS = SAME_AREA_BONUS = 1


@dataclass
class SimilarProposal:
    proposal: Proposal
    score: int
    outcome: str = ""  # an Outcome value; "" when no decision was recorded
    return_status: str | None = None  # rules.ALLOWED / COOLING_OFF / NOT_TO_RETURN
    return_from_year: int | None = None
    realisation_percent: int | None = None  # adopted and assessed: realised / expected

    @property
    def code(self) -> str:
        return self.proposal.code

    @property
    def title(self) -> str:
        return self.proposal.title

    @property
    def round_name(self) -> str:
        return self.proposal.round.name

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label) if self.outcome else _("Not decided")

    @property
    def cooling_off(self) -> str:
        """Whether the proposal may be presented again, in words; "" when adopted or undecided."""
        if self.return_status == rules.NOT_TO_RETURN:
            return _("May not be presented again")
        if self.return_status == rules.COOLING_OFF:
            return _("May be presented again from budget %(year)s") % {
                "year": self.return_from_year
            }
        if self.return_status == rules.ALLOWED:
            return _("May be presented again now")
        return ""


@dataclass
class Similar:
    proposals: list[SimilarProposal]
    bank_ideas: list[BankIdea]

    def __bool__(self) -> bool:
        return bool(self.proposals or self.bank_ideas)


def _terms(*texts: str) -> set[str]:
    return {text.stem(word) for value in texts for word in text.words(value)}


def similar_earlier(
    draft: Proposal | Idea, budget_round: BudgetRound | None = None, *, limit: int = SHOWN
) -> list[SimilarProposal]:
    """The municipality's proposals of earlier rounds most like the draft, best first."""
    budget_round = budget_round or draft.round
    committee_id: int | None = draft.committee_id
    if isinstance(draft, Proposal):
        body = f"{draft.summary} {draft.description}"
        draft_type = draft.type
        areas = (
            set(draft.effects.values_list("service_area__name", flat=True)) if draft.pk else set()
        )
    else:
        body, draft_type, areas = draft.description, "", set()
    title_terms = _terms(draft.title)
    all_terms = title_terms | _terms(body)
    if not all_terms:
        return []
    candidates = Proposal.objects.filter(
        round__municipality_id=budget_round.municipality_id,
        round__budget_year__lt=budget_round.budget_year,
    ).values_list("pk", "title", "summary", "description", "type", "committee_id")
    scores: dict[int, int] = {}
    for pk, title, summary, description, type, committee in candidates:
        if pk == draft.pk and isinstance(draft, Proposal):
            continue
        their_title = _terms(title)
        shared = all_terms & (their_title | _terms(summary, description))
        if not shared:
            continue
        score = len(shared) + TITLE_SCORE * len(title_terms & their_title)
        score += SAME_TYPE_BONUS if draft_type and type == draft_type else 0
        score += SAME_COMMITTEE_BONUS if committee_id and committee == committee_id else 0
        scores[pk] = score
    if areas and scores:
        with_area = set(
            Effect.objects.filter(proposal_id__in=list(scores), service_area__name__in=areas)
            .values_list("proposal_id", flat=True)
            .distinct()
        )
        for pk in with_area:
            scores[pk] += SAME_AREA_BONUS
    best = sorted(
        (pk for pk, score in scores.items() if score >= MIN_SCORE),
        key=lambda pk: -scores[pk],
    )[:limit]
    if not best:
        return []
    found = Proposal.objects.select_related("round", "committee").in_bulk(best)
    rows = {pk: SimilarProposal(found[pk], scores[pk]) for pk in best}
    _add_decisions(rows, budget_round.budget_year)
    # Most similar first; among equals the most recent round, then the code.
    return sorted(
        rows.values(),
        key=lambda row: (-row.score, -row.proposal.round.budget_year, row.code),
    )


def _add_decisions(rows: dict[int, SimilarProposal], budget_year: int) -> None:
    """The latest decision on each proposal, its cooling-off and its realisation rate."""
    decisions = Decision.objects.filter(published__proposal_id__in=list(rows)).values_list(
        "pk",
        "published__proposal_id",
        "outcome",
        "may_return",
        "return_from_year",
        "agreement__round__budget_year",
    )
    latest: dict[int, tuple[int, int]] = {}  # proposal -> (budget year, decision)
    for pk, proposal_id, outcome, may_return, return_from, decided_year in decisions:
        if proposal_id in latest and latest[proposal_id][0] > decided_year:
            continue
        latest[proposal_id] = (decided_year, pk)
        row = rows[proposal_id]
        row.outcome = outcome
        row.return_status = rules.carry_over_status(outcome, may_return, return_from, budget_year)
        row.return_from_year = return_from
    adopted = {
        decision: proposal_id
        for proposal_id, (_year, decision) in latest.items()
        if rows[proposal_id].outcome == Outcome.ADOPTED
    }
    lines: dict[int, list[calc.Line]] = defaultdict(list)
    for decision, year, realised, expected in Realisation.objects.filter(
        initiative__decision_id__in=list(adopted),
        state=ReviewState.APPROVED,
        realised__isnull=False,
    ).values_list("initiative__decision_id", "year", "realised", "initiative__expected"):
        lines[adopted[decision]].append(calc.Line(year, int(expected.get(str(year), 0)), realised))
    for proposal_id, found in lines.items():
        rows[proposal_id].realisation_percent = calc.percent(calc.totals(found).rate)


def similar_to(
    draft: Proposal | Idea,
    budget_round: BudgetRound | None = None,
    *,
    proposals: bool = True,
    bank: bool = True,
) -> Similar:
    """Earlier proposals and idea-bank entries like the draft (each only if asked for)."""
    budget_round = budget_round or draft.round
    words = f"{draft.title} {getattr(draft, 'summary', '')} {draft.description}"
    return Similar(
        proposals=similar_earlier(draft, budget_round) if proposals else [],
        bank_ideas=similar_bank_ideas(words, type=getattr(draft, "type", ""), limit=BANK_SHOWN)
        if bank and draft.title.strip()
        else [],
    )
