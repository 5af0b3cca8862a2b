"""The optimiser page's glue: a published version as an optimiser Problem, and the answer in Danish.

The optimiser itself (raaderum.prioritisation.optimiser) is pure and knows nothing of proposals;
here the keys are the proposals' codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from raaderum.lib.money import format_kr, format_tkr
from raaderum.prioritisation import optimiser
from raaderum.prioritisation.simulation import Relation
from raaderum.proposals.models import RelationKind
from raaderum.publication.models import CatalogVersion, PublishedProposal

TIME_LIMIT = 10.0


@dataclass
class Shortfall:
    year: int
    target: int
    most: int
    missing: int


@dataclass
class Outcome:
    solution: optimiser.Solution
    shortfalls: list[Shortfall] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)

    @property
    def infeasible(self) -> bool:
        return self.solution.status == "infeasible"


def build_problem(
    version: CatalogVersion,
    proposals: Sequence[PublishedProposal],
    relations: Iterable[Relation],
    rules: Mapping[str, str],
) -> tuple[optimiser.Problem, list[str]]:
    """The problem, and notes on relations that could not be mapped onto the version."""
    notes: list[str] = []
    must_exclude = {code for code, rule in rules.items() if rule == "exclude"}
    excludes: set[tuple[str, str]] = set()
    requires: set[tuple[str, str]] = set()
    for relation in relations:
        a, b = relation.proposal, relation.other
        if a is None:
            continue
        if relation.kind == RelationKind.EXCLUDES and b is not None:
            excludes.add((min(a.code, b.code), max(a.code, b.code)))
        elif relation.kind == RelationKind.REQUIRES:
            if b is None:
                must_exclude.add(a.code)
                notes.append(
                    _(
                        "%(a)s is left out: it requires a proposal that is not in this "
                        "version of the catalog."
                    )
                    % {"a": a.code}
                )
            else:
                requires.add((a.code, b.code))
    problem = optimiser.Problem(
        items=[
            optimiser.Item(key=p.code, headroom=p.headroom_by_year(), impact=p.impact_score)
            for p in proposals
        ],
        # Every year of the frozen target, those before the full effect (target 0) included:
        # the optimiser meets a year exactly when the simulator and the catalog call it met.
        targets=version.target_by_year(),
        must_include=frozenset(code for code, rule in rules.items() if rule == "include"),
        must_exclude=frozenset(must_exclude),
        excludes=tuple(sorted(excludes)),
        requires=tuple(sorted(requires)),
    )
    return problem, notes


def contradictions(problem: optimiser.Problem) -> list[str]:
    """The direct conflicts among the user's choices, named; deeper chains get a general line."""
    found = []
    include, exclude = problem.must_include, problem.must_exclude
    for key in sorted(include & exclude, key=str):
        found.append(_("%(a)s must be included but is also left out.") % {"a": key})
    for a, b in problem.excludes:
        if a in include and b in include:
            found.append(
                _("%(a)s and %(b)s must both be included, but they are alternatives.")
                % {"a": a, "b": b}
            )
    for a, b in problem.requires:
        if a in include and b in exclude:
            found.append(
                _("%(a)s must be included, but it requires %(b)s, which is left out.")
                % {"a": a, "b": b}
            )
    return found


def run(
    version: CatalogVersion,
    proposals: Sequence[PublishedProposal],
    relations: Iterable[Relation],
    rules: Mapping[str, str],
) -> Outcome:
    problem, notes = build_problem(version, proposals, relations, rules)
    solution = optimiser.solve(problem, time_limit=TIME_LIMIT)
    outcome = Outcome(solution=solution)
    explanations = list(notes)
    if "contradictory_constraints" in solution.problems:
        explanations.append(
            _("The choices contradict each other, so no selection can honour them all.")
        )
        explanations.extend(contradictions(problem))
    if "target_unreachable" in solution.problems:
        for year in sorted(solution.shortfall):
            missing = solution.shortfall[year]
            if missing <= 0:
                continue
            most = solution.max_reachable.get(year, 0)
            outcome.shortfalls.append(Shortfall(year, problem.targets.get(year, 0), most, missing))
            explanations.append(
                _(
                    "In %(year)s at most %(most)s t.kr. can be reached; the target is "
                    "%(target)s t.kr., so %(missing)s (%(missing_tkr)s t.kr.) is missing."
                )
                % {
                    "year": year,
                    "most": format_tkr(most),
                    "target": format_tkr(problem.targets.get(year, 0)),
                    "missing": format_kr(missing),
                    "missing_tkr": format_tkr(missing),
                }
            )
    if "targets_conflict" in solution.problems:
        explanations.append(
            _(
                "Each year's target can be reached on its own, but no single selection reaches "
                "them all: the proposals that reach one year rule out those another year needs."
            )
        )
    if "no_solution_found" in solution.problems:
        explanations.append(
            _(
                "The optimiser found no selection within the time limit. That does not prove "
                "that none exists; try again with fewer choices fixed."
            )
        )
    if solution.status == "feasible":
        explanations.append(
            _(
                "The optimiser stopped at its time limit of %(seconds)s seconds; a selection "
                "with less service impact may exist."
            )
            % {"seconds": int(TIME_LIMIT)}
        )
    outcome.explanations = explanations
    return outcome


def describe_relations(relations: Iterable[Relation]) -> list[str]:
    """ "A cannot be chosen with B" / "A requires B" for the version, each pair once."""
    lines: list[str] = []
    seen: set[tuple[str, frozenset[str]] | tuple[str, str, str]] = set()
    for relation in relations:
        a, b = relation.proposal, relation.other
        if a is None:
            continue
        if relation.kind == RelationKind.EXCLUDES:
            if b is None:
                continue
            key: tuple[str, frozenset[str]] | tuple[str, str, str] = (
                "x",
                frozenset({a.code, b.code}),
            )
            text = _("%(a)s cannot be chosen together with %(b)s") % {
                "a": f"{a.code} {a.title}",
                "b": f"{b.code} {b.title}",
            }
        else:
            key = ("r", a.code, b.code if b else "")
            if b is None:
                text = _("%(a)s requires a proposal that is not in this version") % {
                    "a": f"{a.code} {a.title}"
                }
            else:
                text = _("%(a)s requires %(b)s") % {
                    "a": f"{a.code} {a.title}",
                    "b": f"{b.code} {b.title}",
                }
        if key not in seen:
            seen.add(key)
            lines.append(text)
    return lines
