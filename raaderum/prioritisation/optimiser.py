"""Choose the budget proposals that reach the råderum target with the least service impact.

Pure: plain ints, keys and tuples in, a `Solution` out; numpy and SciPy only, no Django. The view
layer turns proposals into `Item`s and a `Solution` into a scenario.

The problem
    minimise   Σ impact_i · x_i
    subject to Σ headroom_i[y] · x_i ≥ targets[y]   for every year y in `targets`
               x_a + x_b ≤ 1                       for every excludes pair (a, b)
               x_a ≤ x_b                           for every requires pair (a, b): a needs b
               x_i = 1 for must_include, x_i = 0 for must_exclude, x_i ∈ {0, 1}

"Reaches the target" is `raaderum.proposals.calculation.target_met`, the rule the simulator, the
catalog and the decisions pages use: a year with target 0 (before the full effect) is a
constraint too, so a set whose råderum is negative in such a year is never returned, because the
simulator would show that year as missing. Only a year absent from `targets` is free.

Tie-break (the same in `solve` and `brute_force`): among sets with the least total impact, the one
with the fewest proposals. Ties are common, not a corner case: the default impact score is the
full-year amount, so any two combinations of default-scored proposals with the same total tie,
and without the tie-break HiGHS returns whichever it meets first (often a hundred small
proposals where a few large ones do, or proposals with impact 0 that nothing needs). `solve`
does it in two HiGHS runs: the least total impact I*, then the fewest proposals among the sets
with impact I* (one more row, I* - 0.5 ≤ Σ impact·x ≤ I* + 0.5). One run with the weighted
objective (n + 1)·impact + count was tried and was up to 8 times slower on the benchmark
(0.4-4.1 s against 0.4-0.8 s): the objective grows n-fold and HiGHS can no longer prune nodes by
bound. Sets that tie on both are not ordered further: `brute_force` takes the first in its
enumeration, the MILP whichever HiGHS finds (deterministic for the same input when no time limit
is hit). `proven_optimal` is about the total impact; if the time limit cuts the second run short,
the set from the first run (or a better one found) is returned, still with the least total
impact, maybe not the fewest proposals.

Exactness: amounts are whole kroner. SciPy/HiGHS works in float64 with tolerances (an "integer"
x may be 0.999999), so every set it returns is rounded and then checked in exact integer
arithmetic here; if the check fails (HiGHS accepted a constraint violation within its tolerance),
the violated years' lower bounds are raised by the shortfall and the model solved again, and the
result is no longer claimed proven optimal. `reached`, `impact`, `max_reachable` and `shortfall`
are always computed from the chosen sets in Python ints, never taken from the solver.

Infeasibility is explained with codes in `Solution.problems`:
- CONTRADICTORY_CONSTRAINTS: include/exclude/excludes/requires cannot all hold whatever the
  targets (e.g. a proposal both must-include and must-exclude, both alternatives of a pair
  must-include, a must-include that requires a must-exclude). Found by unit propagation, which is
  complete here because every constraint has at most two proposals and setting every undecided
  proposal to "not chosen" satisfies all of them.
- TARGET_UNREACHABLE: at least one year cannot reach its target even on its own;
  `max_reachable` holds the most reachable per constrained year (honouring every constraint but
  the other years' targets) and `shortfall` the missing kroner of the years that fall short.
- TARGETS_CONFLICT: each year can reach its target alone but no single set reaches all of them
  (e.g. year 1 needs A and year 4 needs B, and A excludes B); `shortfall` is then empty.
- NO_SOLUTION_FOUND: only from the greedy heuristic (alone or as the fallback when HiGHS stopped
  without any set): it found no set, which proves nothing about whether one exists.

Status: "optimal" (proven; `proven_optimal` is True exactly then), "feasible" (a verified set
that is not proven optimal: time limit hit, a repaired rounding, or the greedy heuristic) or
"infeasible" (`chosen` empty, `reached` all zero).
"""

from __future__ import annotations

import math
import time
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from raaderum.proposals.calculation import target_met

OPTIMAL = "optimal"
FEASIBLE = "feasible"
INFEASIBLE = "infeasible"

MILP = "milp"
GREEDY = "greedy"
BRUTE_FORCE = "brute_force"

CONTRADICTORY_CONSTRAINTS = "contradictory_constraints"
TARGET_UNREACHABLE = "target_unreachable"
TARGETS_CONFLICT = "targets_conflict"
NO_SOLUTION_FOUND = "no_solution_found"

BRUTE_FORCE_MAX_ITEMS = 18

# Every amount and every sum the solver sees must be an exactly representable float64 integer.
_EXACT_FLOAT_LIMIT = 2**52
# HiGHS status codes as SciPy's milp reports them.
_HIGHS_OPTIMAL = 0
_HIGHS_LIMIT = 1
_HIGHS_INFEASIBLE = 2
# How often a rounded MILP set that fails the exact check is re-solved with raised bounds.
_REPAIR_ATTEMPTS = 3
_NO_SET = "no_set"  # HiGHS stopped without a usable set

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Item:
    """One proposal: its råderum per year (positive frees money) and its service impact."""

    key: Hashable
    headroom: Mapping[int, int]
    impact: int


@dataclass(frozen=True)
class Problem:
    """Targets per year in kroner (absent: unconstrained; 0: the råderum must not be negative;
    negative: may spend that much), met as `calculation.target_met` says.

    `excludes` pairs: at most one of the two (alternatives 5/10/15 % are three pairs);
    `requires` pairs (a, b): a only together with b. Every key must name an item.
    """

    items: Sequence[Item]
    targets: Mapping[int, int]
    must_include: frozenset[Hashable] = frozenset()
    must_exclude: frozenset[Hashable] = frozenset()
    excludes: Sequence[tuple[Hashable, Hashable]] = ()
    requires: Sequence[tuple[Hashable, Hashable]] = ()


@dataclass(frozen=True)
class Solution:
    """See the module docstring for status, method, the tie-break and the problem codes."""

    status: str
    chosen: frozenset[Hashable]
    impact: int
    reached: dict[int, int]
    proven_optimal: bool
    method: str
    max_reachable: dict[int, int] = field(default_factory=dict)
    shortfall: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


# --- the problem in index form ------------------------------------------------------------------


def _check_int(value: object, what: str) -> int:
    # A float or Decimal slipping in would silently break the exact checks.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int, got {value!r}")
    return value


@dataclass(frozen=True)
class _Model:
    """A validated `Problem` with proposals as indices 0..n-1 and constrained years as columns."""

    problem: Problem
    index: Mapping[Hashable, int]
    years: tuple[int, ...]  # every year with a target or a headroom figure, ascending
    constrained: tuple[int, ...]  # the years with a target (0 included), ascending
    targets: tuple[int, ...]  # aligned with `constrained`
    headroom: tuple[tuple[int, ...], ...]  # [item][column of a constrained year]
    impact: tuple[int, ...]
    must_in: frozenset[int]
    must_out: frozenset[int]
    excludes: tuple[tuple[int, int], ...]
    requires: tuple[tuple[int, int], ...]

    @property
    def n(self) -> int:
        return len(self.impact)

    @staticmethod
    def build(problem: Problem) -> _Model:
        index: dict[Hashable, int] = {}
        for i, item in enumerate(problem.items):
            if item.key in index:
                raise ValueError(f"duplicate proposal key {item.key!r}")
            index[item.key] = i
            if _check_int(item.impact, f"impact of {item.key!r}") < 0:
                raise ValueError(f"impact of {item.key!r} is negative: {item.impact}")
            for year, amount in item.headroom.items():
                _check_int(year, f"year of {item.key!r}")
                _check_int(amount, f"headroom of {item.key!r} in {year}")
        for year, target in problem.targets.items():
            _check_int(year, "target year")
            _check_int(target, f"target for {year}")

        def lookup(key: Hashable, what: str) -> int:
            try:
                return index[key]
            except KeyError:
                raise ValueError(f"{what} names an unknown proposal {key!r}") from None

        constrained = tuple(sorted(problem.targets))
        headroom = tuple(
            tuple(item.headroom.get(y, 0) for y in constrained) for item in problem.items
        )
        impact = tuple(item.impact for item in problem.items)
        for j, year in enumerate(constrained):
            if sum(abs(h[j]) for h in headroom) + abs(problem.targets[year]) >= _EXACT_FLOAT_LIMIT:
                raise ValueError(f"amounts in {year} are too large to solve exactly")
        if sum(impact) >= _EXACT_FLOAT_LIMIT:
            raise ValueError("impact scores are too large to solve exactly")
        years: set[int] = set(problem.targets)
        for item in problem.items:
            years.update(item.headroom)
        return _Model(
            problem=problem,
            index=index,
            years=tuple(sorted(years)),
            constrained=constrained,
            targets=tuple(problem.targets[y] for y in constrained),
            headroom=headroom,
            impact=impact,
            must_in=frozenset(lookup(k, "must_include") for k in problem.must_include),
            must_out=frozenset(lookup(k, "must_exclude") for k in problem.must_exclude),
            excludes=tuple(
                (lookup(a, "excludes"), lookup(b, "excludes")) for a, b in problem.excludes
            ),
            requires=tuple(
                (lookup(a, "requires"), lookup(b, "requires")) for a, b in problem.requires
            ),
        )

    def keys(self, indices: Iterable[int]) -> frozenset[Hashable]:
        items = self.problem.items
        return frozenset(items[i].key for i in indices)

    def sums(self, chosen: Iterable[int]) -> list[int]:
        """Råderum of a set per constrained year, exactly."""
        totals = [0] * len(self.constrained)
        for i in chosen:
            for j, amount in enumerate(self.headroom[i]):
                totals[j] += amount
        return totals

    def meets_targets(self, chosen: Iterable[int]) -> bool:
        return _all_met(self.sums(chosen), self.targets)

    def satisfies_constraints(self, chosen: set[int] | frozenset[int]) -> bool:
        return (
            self.must_in <= chosen
            and not (self.must_out & chosen)
            and not any(a in chosen and b in chosen for a, b in self.excludes)
            and all(b in chosen for a, b in self.requires if a in chosen)
        )

    def solution(
        self,
        status: str,
        chosen: Iterable[int],
        method: str,
        *,
        max_reachable: dict[int, int] | None = None,
        problems: Sequence[str] = (),
    ) -> Solution:
        indices = frozenset(chosen)
        # The last line of defence: nothing unverified leaves this module.
        verified = self.satisfies_constraints(indices) and self.meets_targets(indices)
        if status != INFEASIBLE and not verified:
            raise RuntimeError("an unverified set reached the solution")
        items = self.problem.items
        reached = {y: sum(items[i].headroom.get(y, 0) for i in indices) for y in self.years}
        max_reachable = max_reachable or {}
        shortfall = {
            y: self.problem.targets[y] - m
            for y, m in max_reachable.items()
            if not target_met(m, self.problem.targets[y])
        }
        return Solution(
            status=status,
            chosen=self.keys(indices),
            impact=sum(self.impact[i] for i in indices),
            reached=reached,
            proven_optimal=status == OPTIMAL,
            method=method,
            max_reachable=max_reachable,
            shortfall=shortfall,
            problems=list(problems),
        )

    def infeasible(
        self, method: str, max_reachable: dict[int, int] | None, *, code: str | None = None
    ) -> Solution:
        if code is None:
            unreachable = any(
                not target_met(m, self.problem.targets[y]) for y, m in (max_reachable or {}).items()
            )
            code = TARGET_UNREACHABLE if unreachable else TARGETS_CONFLICT
        return self.solution(INFEASIBLE, (), method, max_reachable=max_reachable, problems=[code])


def _all_met(sums: Sequence[int], targets: Sequence[int]) -> bool:
    """Every constrained year met, by the one rule the pages use."""
    return all(target_met(s, t) for s, t in zip(sums, targets, strict=True))


def _propagate(model: _Model) -> tuple[frozenset[int], frozenset[int]] | None:
    """The proposals forced in and forced out by the constraints alone, or None if they clash.

    Unit propagation: a chosen proposal brings what it requires and pushes out its excluded
    partners; a proposal left out pushes out everything that requires it.
    """
    requires_of: dict[int, list[int]] = {}
    required_by: dict[int, list[int]] = {}
    excluded_with: dict[int, list[int]] = {}
    for a, b in model.requires:
        requires_of.setdefault(a, []).append(b)
        required_by.setdefault(b, []).append(a)
    for a, b in model.excludes:
        excluded_with.setdefault(a, []).append(b)
        excluded_with.setdefault(b, []).append(a)
    value: dict[int, bool] = {}
    queue: list[tuple[int, bool]] = [(i, True) for i in sorted(model.must_in)]
    queue += [(i, False) for i in sorted(model.must_out)]
    queue += [(a, False) for a, b in model.excludes if a == b]  # "a excludes a": never a
    while queue:
        i, chosen = queue.pop()
        if i in value:
            if value[i] != chosen:
                return None
            continue
        value[i] = chosen
        if chosen:
            queue += [(b, True) for b in requires_of.get(i, ())]
            queue += [(b, False) for b in excluded_with.get(i, ())]
        else:
            queue += [(a, False) for a in required_by.get(i, ())]
    return (
        frozenset(i for i, v in value.items() if v),
        frozenset(i for i, v in value.items() if not v),
    )


# --- MILP -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    status: int
    chosen: frozenset[int] | None  # the rounded set, if HiGHS returned one


def _milp(
    model: _Model,
    forced: tuple[frozenset[int], frozenset[int]],
    cost: FloatArray,
    lower: Mapping[int, int],
    time_limit: float,
    impact_band: tuple[float, float] | None = None,
) -> _Run:
    """One HiGHS run: `lower` maps a constrained year's column to its row's lower bound;
    `impact_band` bounds the total impact."""
    n = model.n
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lo: list[float] = []
    hi: list[float] = []

    def row(entries: Iterable[tuple[int, float]], low: float, high: float) -> None:
        r = len(lo)
        for c, v in entries:
            rows.append(r)
            cols.append(c)
            vals.append(v)
        lo.append(low)
        hi.append(high)

    for j, bound in sorted(lower.items()):
        row(((i, float(h[j])) for i, h in enumerate(model.headroom) if h[j]), bound, np.inf)
    for a, b in model.excludes:
        row(((a, 1.0), (b, 1.0)) if a != b else ((a, 2.0),), -np.inf, 1.0)
    for a, b in model.requires:
        if a != b:
            row(((a, 1.0), (b, -1.0)), -np.inf, 0.0)
    if impact_band is not None:
        row(((i, float(v)) for i, v in enumerate(model.impact) if v), *impact_band)
    constraints = []
    if lo:
        matrix = coo_array((vals, (rows, cols)), shape=(len(lo), n)).tocsr()
        constraints.append(LinearConstraint(matrix, np.array(lo), np.array(hi)))
    forced_in, forced_out = forced
    res = milp(
        c=cost,
        integrality=np.ones(n),
        bounds=Bounds(
            np.array([1.0 if i in forced_in else 0.0 for i in range(n)]),
            np.array([0.0 if i in forced_out else 1.0 for i in range(n)]),
        ),
        constraints=constraints,
        # mip_rel_gap 0: HiGHS's default (1e-4) calls a set 0.01 % from the optimum "optimal".
        # HiGHS 1.12 (in SciPy 1.17) may print "HighsMipSolverData::
        # transformNewIntegerFeasibleSolution tmpSolver.run();" to stdout despite disp=False
        # (ERGO-Code/HiGHS#2783): noise from repairing a presolved solution, not an error.
        options={"time_limit": max(time_limit, 0.01), "mip_rel_gap": 0.0, "disp": False},
    )
    status = int(res.status)
    x: FloatArray | None = res.x
    if x is None:
        return _Run(status, None)
    return _Run(status, frozenset(i for i in range(n) if x[i] > 0.5))


def _max_reachable(
    model: _Model, forced: tuple[frozenset[int], frozenset[int]], deadline: float, floor: float
) -> dict[int, int]:
    """Per constrained year, the most råderum reachable in that year alone, under every
    constraint except the targets. Exact when HiGHS proves it within the time left; otherwise
    the best set it found (a lower bound, so the shortfall is then an upper bound)."""
    reachable: dict[int, int] = {}
    for j, year in enumerate(model.constrained):
        cost = np.array([-float(h[j]) for h in model.headroom])
        run = _milp(model, forced, cost, {}, max(deadline - time.monotonic(), floor))
        best = forced[0]
        if run.chosen is not None and model.satisfies_constraints(run.chosen):
            best = run.chosen
        reachable[year] = model.sums(best)[j]
    return reachable


def solve(problem: Problem, *, time_limit: float = 10.0) -> Solution:
    """The set with the least total impact (then the fewest proposals) that reaches every target.

    HiGHS through `scipy.optimize.milp` with a time limit (seconds, shared by the main solve and,
    when infeasible, the per-year maximisations that explain it). Falls back to `greedy` when
    HiGHS stops without a set. Raises ValueError/TypeError on malformed input (duplicate or
    unknown keys, negative impact, non-int amounts).
    """
    if not (time_limit > 0 and math.isfinite(time_limit)):
        raise ValueError(f"time_limit must be a positive number of seconds, got {time_limit!r}")
    deadline = time.monotonic() + time_limit
    floor = 0.1 * time_limit  # the least time any later HiGHS run gets
    model = _Model.build(problem)
    forced = _propagate(model)
    if forced is None:
        return model.infeasible(MILP, None, code=CONTRADICTORY_CONSTRAINTS)
    if model.n == 0:  # HiGHS refuses an empty model
        if model.meets_targets(()):
            return model.solution(OPTIMAL, (), MILP)
        return model.infeasible(MILP, {y: 0 for y in model.constrained})

    outcome, chosen = _least_impact(model, forced, deadline, floor)
    if outcome == INFEASIBLE:
        fallback = _greedy(model)
        if fallback.status == FEASIBLE:  # HiGHS misjudged within its tolerances
            return fallback
        return model.infeasible(MILP, _max_reachable(model, forced, deadline, floor))
    if chosen is None:
        return _greedy(model)
    if outcome == OPTIMAL:
        chosen = _fewest(model, forced, chosen, deadline, floor)
    return model.solution(outcome, chosen, MILP)


def _least_impact(
    model: _Model, forced: tuple[frozenset[int], frozenset[int]], deadline: float, floor: float
) -> tuple[str, frozenset[int] | None]:
    """First run: the least total impact. OPTIMAL or FEASIBLE with a verified set, INFEASIBLE
    (proven by HiGHS), or _NO_SET."""
    cost = np.array([float(v) for v in model.impact])
    lower = dict(enumerate(model.targets))
    repaired = False
    for _attempt in range(1 + _REPAIR_ATTEMPTS):
        run = _milp(model, forced, cost, lower, max(deadline - time.monotonic(), floor))
        if run.status == _HIGHS_INFEASIBLE and not repaired:
            return INFEASIBLE, None
        if run.chosen is None or run.status not in (_HIGHS_OPTIMAL, _HIGHS_LIMIT):
            break
        if not model.satisfies_constraints(run.chosen):
            break  # cannot come from rounding 0/1 coefficients; do not trust this run
        sums = model.sums(run.chosen)
        if _all_met(sums, model.targets):
            proven = run.status == _HIGHS_OPTIMAL and not repaired
            return (OPTIMAL if proven else FEASIBLE), run.chosen
        # Rounding lost a few kroner in some year: ask for that much more there and re-solve.
        repaired = True
        for j, (s, t) in enumerate(zip(sums, model.targets, strict=True)):
            if not target_met(s, t):
                lower[j] += t - s
    return _NO_SET, None


def _fewest(
    model: _Model,
    forced: tuple[frozenset[int], frozenset[int]],
    first: frozenset[int],
    deadline: float,
    floor: float,
) -> frozenset[int]:
    """Second run: the fewest proposals among the sets with the proven least impact of `first`.
    Falls back to `first` unless HiGHS returns a verified set that is at least as good."""
    if len(first) <= len(forced[0]):
        return first  # nothing but what the constraints force in: no set has fewer
    least = sum(model.impact[i] for i in first)
    run = _milp(
        model,
        forced,
        np.ones(model.n),
        dict(enumerate(model.targets)),
        max(deadline - time.monotonic(), floor),
        impact_band=(least - 0.5, least + 0.5),
    )
    found = run.chosen
    if (
        found is not None
        and len(found) < len(first)
        and sum(model.impact[i] for i in found) == least
        and model.satisfies_constraints(found)
        and model.meets_targets(found)
    ):
        return found
    return first


# --- greedy -----------------------------------------------------------------------------------


def greedy(problem: Problem) -> Solution:
    """A simple heuristic the budget office can explain, and the fallback of `solve`.

    Start with the must-include proposals and what they require. Then take the other proposals
    (each with what it requires) in ascending order of impact per krone of full-year råderum (the
    last year with a target; proposals that free nothing that year come last, by impact), skipping
    any that would break a constraint or add nothing to a year still short, until every target is
    met. Finally drop, most impact first, any chosen proposal the targets and the others do not
    need. Never breaks a constraint; may find nothing where `solve` finds a set (status
    "infeasible", problem NO_SOLUTION_FOUND), and is never claimed optimal.
    """
    return _greedy(_Model.build(problem))


def _closure(start: int, requires_of: Mapping[int, list[int]]) -> set[int]:
    seen = {start}
    stack = [start]
    while stack:
        for b in requires_of.get(stack.pop(), ()):
            if b not in seen:
                seen.add(b)
                stack.append(b)
    return seen


def _greedy(model: _Model) -> Solution:
    forced = _propagate(model)
    if forced is None:
        return model.infeasible(GREEDY, None, code=CONTRADICTORY_CONSTRAINTS)
    forced_in, forced_out = forced
    requires_of: dict[int, list[int]] = {}
    excluded_with: dict[int, set[int]] = {}
    for a, b in model.requires:
        requires_of.setdefault(a, []).append(b)
    for a, b in model.excludes:
        excluded_with.setdefault(a, set()).add(b)
        excluded_with.setdefault(b, set()).add(a)

    chosen = set(forced_in)
    sums = model.sums(chosen)
    targets = model.targets
    if model.constrained:
        full = len(model.constrained) - 1
        closures = {i: _closure(i, requires_of) for i in range(model.n) if i not in chosen}

        def rank(i: int) -> tuple[int, Fraction, int]:
            extra = closures[i] - forced_in
            gain = sum(model.headroom[k][full] for k in extra)
            cost = sum(model.impact[k] for k in extra)
            return (0, Fraction(cost, gain), i) if gain > 0 else (1, Fraction(cost), i)

        for i in sorted((i for i in closures if i not in forced_out), key=rank):
            if _all_met(sums, targets):
                break
            extra = closures[i] - chosen
            if not extra or extra & forced_out:
                continue
            together = chosen | extra
            if any(excluded_with.get(k, set()) & together for k in extra):
                continue
            gain = model.sums(extra)
            if not any(
                g > 0 and not target_met(s, t) for g, s, t in zip(gain, sums, targets, strict=True)
            ):
                continue
            chosen = together
            sums = [s + g for s, g in zip(sums, gain, strict=True)]

        if _all_met(sums, targets):
            for i in sorted(chosen - forced_in, key=lambda k: (-model.impact[k], -k)):
                needed = any(i in requires_of.get(k, ()) for k in chosen if k != i)
                after = [s - h for s, h in zip(sums, model.headroom[i], strict=True)]
                if not needed and _all_met(after, targets):
                    chosen.discard(i)
                    sums = after

    if model.meets_targets(chosen) and model.satisfies_constraints(chosen):
        return model.solution(FEASIBLE, chosen, GREEDY)
    return model.infeasible(GREEDY, None, code=NO_SOLUTION_FOUND)


# --- brute force ------------------------------------------------------------------------------


def brute_force(problem: Problem) -> Solution:
    """Every subset, for tests: at most BRUTE_FORCE_MAX_ITEMS proposals.

    Independent of `solve`: no propagation, no solver, every constraint checked on every subset
    in exact integer arithmetic (int64, or Python ints when the amounts could overflow it).
    Picks the least total impact, then the fewest proposals, then the first subset in binary
    order (item 0 is the lowest bit). When infeasible, `max_reachable` is the maximum per
    year over the subsets that satisfy the constraints.
    """
    model = _Model.build(problem)
    n = model.n
    if n > BRUTE_FORCE_MAX_ITEMS:
        raise ValueError(f"brute force is for at most {BRUTE_FORCE_MAX_ITEMS} items, got {n}")
    masks = np.arange(2**n, dtype=np.int64)
    bits = ((masks[:, None] >> np.arange(n, dtype=np.int64)) & 1).astype(bool)
    ok = np.ones(len(masks), dtype=bool)
    for i in model.must_in:
        ok &= bits[:, i]
    for i in model.must_out:
        ok &= ~bits[:, i]
    for a, b in model.excludes:
        ok &= ~(bits[:, a] & bits[:, b])
    for a, b in model.requires:
        ok &= ~bits[:, a] | bits[:, b]
    if not ok.any():
        return model.infeasible(BRUTE_FORCE, None, code=CONTRADICTORY_CONSTRAINTS)

    largest = max([abs(v) for h in model.headroom for v in h] + list(model.impact) + [0])
    dtype: type = np.int64 if largest * max(n, 1) < 2**62 else object
    chosen: npt.NDArray[Any] = bits.astype(dtype)
    counts = bits.sum(axis=1)
    impacts: npt.NDArray[Any] = chosen @ np.array(model.impact, dtype=dtype).reshape(n)
    meets = ok.copy()
    columns: list[npt.NDArray[Any]] = []
    for j, target in enumerate(model.targets):
        column: npt.NDArray[Any] = chosen @ np.array(
            [h[j] for h in model.headroom], dtype=dtype
        ).reshape(n)
        columns.append(column)
        meets &= column >= target  # target_met, vectorised: nothing missing
    if not meets.any():
        reachable = {year: int(max(columns[j][ok])) for j, year in enumerate(model.constrained)}
        return model.infeasible(BRUTE_FORCE, reachable)

    best: tuple[int, int, int] | None = None
    for m in np.flatnonzero(meets).tolist():
        key = (int(impacts[m]), int(counts[m]), m)
        if best is None or key < best:
            best = key
    assert best is not None
    return model.solution(OPTIMAL, (i for i in range(n) if best[2] >> i & 1), BRUTE_FORCE)


# --- checking any set -------------------------------------------------------------------------


def violations(problem: Problem, chosen: Iterable[Hashable]) -> list[str]:
    """Everything a set of keys breaks, in exact arithmetic: empty when the set is feasible.

    For tests and for checking a set a user ticked by hand against the same rules.
    """
    model = _Model.build(problem)
    keys = set(chosen)
    found: list[str] = []
    for key in sorted(keys - set(model.index), key=repr):
        found.append(f"unknown {key!r}")
    found += [f"must_include {k!r} missing" for k in problem.must_include if k not in keys]
    found += [f"must_exclude {k!r} chosen" for k in problem.must_exclude if k in keys]
    found += [f"excludes {a!r} and {b!r}" for a, b in problem.excludes if a in keys and b in keys]
    found += [f"{a!r} requires {b!r}" for a, b in problem.requires if a in keys and b not in keys]
    indices = [model.index[k] for k in keys if k in model.index]
    for year, s, t in zip(model.constrained, model.sums(indices), model.targets, strict=True):
        if not target_met(s, t):
            found.append(f"target {year}: {s} < {t}")
    return found
