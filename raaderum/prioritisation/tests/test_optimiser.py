"""The optimiser against brute force and hand-made cases. Pure: no database, no Django."""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from scipy.optimize import milp as scipy_milp

from raaderum.prioritisation import optimiser
from raaderum.prioritisation.optimiser import (
    BRUTE_FORCE,
    CONTRADICTORY_CONSTRAINTS,
    FEASIBLE,
    GREEDY,
    INFEASIBLE,
    MILP,
    NO_SOLUTION_FOUND,
    OPTIMAL,
    TARGET_UNREACHABLE,
    TARGETS_CONFLICT,
    Item,
    Problem,
    Solution,
    brute_force,
    greedy,
    solve,
    violations,
)
from raaderum.proposals.calculation import target_status

YEARS = (2027, 2028, 2029, 2030)


def item(key: str, *amounts: int, impact: int) -> Item:
    """Råderum per year from 2027; a single amount is the same every year."""
    if len(amounts) == 1:
        amounts = amounts * len(YEARS)
    return Item(key, dict(zip(YEARS, amounts, strict=True)), impact)


def full_year(target: int) -> dict[int, int]:
    return {2030: target}


def check_solution(problem: Problem, solution: Solution) -> None:
    """What every solution promises, checked independently in exact arithmetic."""
    keys = {it.key for it in problem.items}
    assert solution.chosen <= keys
    assert solution.proven_optimal == (solution.status == OPTIMAL)
    if solution.status == INFEASIBLE:
        assert solution.chosen == frozenset()
        assert solution.problems
        assert all(v == 0 for v in solution.reached.values())
        return
    assert violations(problem, solution.chosen) == []
    assert solution.problems == []
    assert solution.max_reachable == {} and solution.shortfall == {}
    chosen = [it for it in problem.items if it.key in solution.chosen]
    assert solution.impact == sum(it.impact for it in chosen)
    for year, reached in solution.reached.items():
        assert reached == sum(it.headroom.get(year, 0) for it in chosen)
    # Every year with a target, 0 included, is met as the simulator's target table says.
    in_target_years = {year: solution.reached.get(year, 0) for year in problem.targets}
    assert all(status.met for status in target_status(in_target_years, problem.targets))


def all_three(problem: Problem) -> tuple[Solution, Solution, Solution]:
    solutions = (solve(problem), greedy(problem), brute_force(problem))
    for solution in solutions:
        check_solution(problem, solution)
    return solutions


# --- hand-made cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    problem: Problem
    chosen: AbstractSet[Hashable]
    impact: int


KNAPSACK = [
    item("a", 60, impact=10),
    item("b", 50, impact=9),
    item("c", 50, impact=9),
    item("d", 100, impact=25),
]
ALTERNATIVES = [
    item("cut-5", 50, impact=10),
    item("cut-10", 100, impact=25),
    item("cut-15", 150, impact=45),
    item("other", 60, impact=30),
]
ALTERNATIVE_PAIRS = [("cut-5", "cut-10"), ("cut-5", "cut-15"), ("cut-10", "cut-15")]
CHAIN = [
    item("a", 100, impact=1),
    item("b", 0, impact=3),
    item("c", 0, impact=3),
    item("alone", 100, impact=8),
]

CASES = [
    Case("knapsack: two cheap beat one dear", Problem(KNAPSACK, full_year(100)), {"b", "c"}, 18),
    Case("knapsack: a small target", Problem(KNAPSACK, full_year(55)), {"a"}, 10),
    Case("knapsack: everything", Problem(KNAPSACK, full_year(260)), {"a", "b", "c", "d"}, 53),
    Case("no target: nothing", Problem(KNAPSACK, {}), set(), 0),
    Case("target 0: nothing needs nothing", Problem(KNAPSACK, {2030: 0, 2027: 0}), set(), 0),
    Case(
        "target 0 before the full effect: an investment's outlay must be covered that year",
        Problem(
            [
                item("invest", -80, 0, 150, 150, impact=5),
                item("saving", 100, 100, 100, 100, impact=40),
                item("early", 80, 0, 0, 0, impact=10),
            ],
            {2027: 0, 2028: 0, 2029: 150, 2030: 150},
        ),
        {"invest", "early"},
        15,
    ),
    Case("a negative target allows spending", Problem(KNAPSACK, {2030: -5}), set(), 0),
    Case(
        "must include counts towards the target",
        Problem(KNAPSACK, full_year(100), must_include=frozenset({"d"})),
        {"d"},
        25,
    ),
    Case(
        "must exclude",
        Problem(KNAPSACK, full_year(100), must_exclude=frozenset({"b"})),
        {"a", "c"},
        19,
    ),
    Case(
        "alternatives: one cut, the 10 % one",
        Problem(ALTERNATIVES, full_year(100), excludes=ALTERNATIVE_PAIRS),
        {"cut-10"},
        25,
    ),
    Case(
        "alternatives: the 15 % cut rather than the 10 % one and another",
        Problem(ALTERNATIVES, full_year(150), excludes=ALTERNATIVE_PAIRS),
        {"cut-15"},
        45,
    ),
    Case(
        "requires chain: a needs b needs c, still cheaper than alone",
        Problem(CHAIN, full_year(100), requires=[("a", "b"), ("b", "c")]),
        {"a", "b", "c"},
        7,
    ),
    Case(
        "requires chain: too dear, alone wins",
        Problem(
            [*CHAIN[:3], item("alone", 100, impact=6)],
            full_year(100),
            requires=[("a", "b"), ("b", "c")],
        ),
        {"alone"},
        6,
    ),
    Case(
        "requires into a must exclude rules the requirer out",
        Problem(CHAIN, full_year(100), requires=[("a", "b")], must_exclude=frozenset({"b"})),
        {"alone"},
        8,
    ),
    Case(
        "must include brings what it requires",
        Problem(
            CHAIN, full_year(50), requires=[("a", "b"), ("b", "c")], must_include=frozenset({"a"})
        ),
        {"a", "b", "c"},
        7,
    ),
    Case(
        "cyclic requires: both or neither",
        Problem(CHAIN, full_year(100), requires=[("a", "b"), ("b", "a")]),
        {"a", "b"},
        4,
    ),
    Case(
        "investment: costs early, pays later, so the early year needs a saving",
        Problem(
            [
                item("invest", -80, 0, 150, 150, impact=5),
                item("saving", 100, 100, 100, 100, impact=40),
                item("late", 0, 0, 0, 150, impact=20),
                item("small", 20, 20, 20, 20, impact=30),
            ],
            {2027: 10, 2030: 150},
        ),
        {"invest", "saving"},
        45,
    ),
    Case(
        "investment: alone when the early year is free",
        Problem(
            [
                item("invest", -80, 0, 150, 150, impact=5),
                item("saving", 100, 100, 100, 100, impact=40),
            ],
            {2029: 150, 2030: 150},
        ),
        {"invest"},
        5,
    ),
    Case(
        "years without headroom count as 0",
        Problem(
            [Item("only-2030", {2030: 100}, 1), item("every-year", 100, impact=50)],
            {2028: 50, 2030: 100},
        ),
        {"every-year"},
        50,
    ),
    Case(
        "an impact-0 proposal that costs money is never chosen for nothing",
        Problem([item("free", -10, impact=0), item("cut", 100, impact=3)], full_year(90)),
        {"cut"},
        3,
    ),
    Case(
        "tie-break: equal impact, fewer proposals (default impact = amount)",
        Problem(
            [
                item("small-1", 30, impact=30),
                item("small-2", 30, impact=30),
                item("small-3", 40, impact=40),
                item("big", 100, impact=100),
            ],
            full_year(100),
        ),
        {"big"},
        100,
    ),
    Case(
        "tie-break: an impact-0 proposal only when needed",
        Problem([item("free", 10, impact=0), item("cut", 100, impact=3)], full_year(100)),
        {"cut"},
        3,
    ),
    Case(
        "to the krone with amounts of 10^11",
        Problem(
            [
                item("x", 100_000_000_001, impact=7),
                item("y", 100_000_000_000, impact=5),
                item("z", 99_999_999_999, impact=1),
                item("w", 2, impact=1),
            ],
            full_year(200_000_000_001),
        ),
        {"y", "z", "w"},
        7,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hand_made_cases(case: Case) -> None:
    optimum, heuristic, exhaustive = all_three(case.problem)
    for solution in (optimum, exhaustive):
        assert solution.status == OPTIMAL
        assert solution.proven_optimal
        assert solution.chosen == frozenset(case.chosen)
        assert solution.impact == case.impact
    assert optimum.method == MILP
    assert exhaustive.method == BRUTE_FORCE
    assert heuristic.method == GREEDY
    assert not heuristic.proven_optimal
    if heuristic.status == FEASIBLE:
        assert heuristic.impact >= case.impact


def test_alternatives_at_most_one_chosen() -> None:
    problem = Problem(ALTERNATIVES, full_year(200), excludes=ALTERNATIVE_PAIRS)
    for solution in all_three(problem):  # (greedy finds nothing here: cut-10 first, then stuck)
        assert len(solution.chosen & {"cut-5", "cut-10", "cut-15"}) <= 1
    assert solve(problem).chosen == {"cut-15", "other"}


def test_reached_lists_every_year_exactly() -> None:
    problem = Problem([item("invest", -80, 0, 150, 150, impact=1)], {2030: 100})
    assert solve(problem).reached == {2027: -80, 2028: 0, 2029: 150, 2030: 150}


def test_keys_may_be_any_hashable() -> None:
    problem = Problem(
        [item("x", 5, impact=1), Item(42, {2030: 10}, 1), Item(("p", 7), {2030: 10}, 1)],
        full_year(20),
        excludes=[(42, "x")],
    )
    assert solve(problem).chosen == {42, ("p", 7)}


# --- infeasibility ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (
            "must include and must exclude the same",
            Problem(KNAPSACK, {}, must_include=frozenset({"a"}), must_exclude=frozenset({"a"})),
        ),
        (
            "both sides of an excludes pair must be included",
            Problem(KNAPSACK, {}, must_include=frozenset({"a", "b"}), excludes=[("b", "a")]),
        ),
        (
            "a must include requires a must exclude",
            Problem(
                KNAPSACK,
                {},
                must_include=frozenset({"a"}),
                must_exclude=frozenset({"c"}),
                requires=[("a", "c")],
            ),
        ),
        (
            "through a requires chain",
            Problem(
                KNAPSACK,
                full_year(10),
                must_include=frozenset({"a"}),
                must_exclude=frozenset({"d"}),
                requires=[("a", "b"), ("b", "c"), ("c", "d")],
            ),
        ),
        (
            "a must include requires both alternatives",
            Problem(
                KNAPSACK,
                {},
                must_include=frozenset({"a"}),
                requires=[("a", "b"), ("a", "c")],
                excludes=[("b", "c")],
            ),
        ),
        (
            "a must include excludes itself",
            Problem(KNAPSACK, {}, must_include=frozenset({"a"}), excludes=[("a", "a")]),
        ),
    ],
)
def test_contradictory_constraints(name: str, problem: Problem) -> None:
    for solution in all_three(problem):
        assert solution.status == INFEASIBLE, name
        assert solution.problems == [CONTRADICTORY_CONSTRAINTS]
        assert solution.max_reachable == {} and solution.shortfall == {}
        assert not solution.proven_optimal


def test_unreachable_target_reports_the_most_reachable_per_year_to_the_krone() -> None:
    problem = Problem(
        [
            item("big", 40_000_000_001, 60_000_000_000, 60_000_000_000, 60_000_000_000, impact=9),
            item("alt", 50_000_000_000, 50_000_000_000, 50_000_000_000, 50_000_000_000, impact=1),
            item("invest", -7_654_321, 0, 12_345_678, 12_345_678, impact=3),
            item("needs", 1_000, 1_000, 1_000, 1_000, impact=1),
            item("gone", 99_000_000_000, impact=1),
        ],
        {2027: 60_000_000_000, 2028: 60_000_001_000, 2029: 1, 2030: 60_012_346_679},
        excludes=[("big", "alt")],
        requires=[("needs", "gone")],
        must_exclude=frozenset({"gone"}),
    )
    optimum, heuristic, exhaustive = all_three(problem)
    expected_max = {
        2027: 50_000_000_000,
        2028: 60_000_000_000,
        2029: 60_012_345_678,
        2030: 60_012_345_678,
    }
    for solution in (optimum, exhaustive):
        assert solution.status == INFEASIBLE
        assert solution.problems == [TARGET_UNREACHABLE]
        assert solution.max_reachable == expected_max
        assert solution.shortfall == {2027: 10_000_000_000, 2028: 1_000, 2030: 1_001}
    assert optimum.method == MILP
    assert heuristic.status == INFEASIBLE
    assert heuristic.problems == [NO_SOLUTION_FOUND]


def test_targets_that_conflict_but_are_each_reachable() -> None:
    problem = Problem(
        [item("early", 100, 0, 0, 0, impact=1), item("late", 0, 0, 0, 100, impact=1)],
        {2027: 100, 2030: 100},
        excludes=[("early", "late")],
    )
    optimum, _, exhaustive = all_three(problem)
    for solution in (optimum, exhaustive):
        assert solution.status == INFEASIBLE
        assert solution.problems == [TARGETS_CONFLICT]
        assert solution.max_reachable == {2027: 100, 2030: 100}
        assert solution.shortfall == {}


def test_no_items() -> None:
    assert solve(Problem([], {})).status == OPTIMAL
    assert solve(Problem([], {2027: -1})).status == OPTIMAL
    for solution in all_three(Problem([], {2027: 5, 2028: -1})):
        assert solution.status == INFEASIBLE
    unreachable = solve(Problem([], {2027: 5, 2028: -1}))
    assert unreachable.problems == [TARGET_UNREACHABLE]
    assert unreachable.max_reachable == {2027: 0, 2028: 0}
    assert unreachable.shortfall == {2027: 5}


# --- greedy -------------------------------------------------------------------------------------


def test_greedy_takes_impact_per_krone_of_full_year_headroom_and_drops_what_is_not_needed() -> None:
    problem = Problem(
        [
            item("ratio-0.5", 10, impact=5),
            item("ratio-0.2", 50, impact=10),
            item("ratio-0.3", 100, impact=30),
            item("costs", -10, impact=0),
        ],
        full_year(140),
    )
    solution = greedy(problem)
    # Takes 0.2 (50), 0.3 (150, met), then drops nothing: 0.2 is needed (100 < 140).
    assert solution.chosen == {"ratio-0.2", "ratio-0.3"}
    assert solution.status == FEASIBLE and not solution.proven_optimal
    # With a target of 100 the cheap one becomes redundant once the big one is in.
    assert greedy(Problem(problem.items, full_year(100))).chosen == {"ratio-0.3"}


def test_greedy_can_fail_where_milp_finds_a_set() -> None:
    problem = Problem(
        [item("x", 60, impact=10), item("a", 100, impact=30), item("y", 30, impact=30)],
        full_year(100),
        excludes=[("x", "a")],
    )
    heuristic = greedy(problem)
    assert heuristic.status == INFEASIBLE
    assert heuristic.method == GREEDY
    assert heuristic.problems == [NO_SOLUTION_FOUND]
    assert solve(problem).chosen == {"a"}


def test_greedy_brings_requirements_and_respects_exclusions() -> None:
    problem = Problem(
        [
            item("a", 100, impact=1),
            item("b", 0, impact=1),
            item("c", 50, impact=1),
            item("d", 60, impact=100),
        ],
        full_year(150),
        requires=[("a", "b")],
        excludes=[("b", "c")],
    )
    solution = greedy(problem)
    assert solution.chosen == {"a", "b", "d"}


# --- the solver's results are checked, not trusted ----------------------------------------------


class FakeResult:
    def __init__(self, status: int, x: list[float] | None) -> None:
        self.status = status
        self.x = None if x is None else np.array(x)


ROUNDING = Problem(
    [item("a", 100_000_000_005, impact=5), item("b", 99_999_999_997, impact=1)],
    full_year(100_000_000_000),
)


def test_a_rounded_set_that_misses_by_a_few_kroner_is_repaired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = scipy_milp
    calls: list[Any] = []

    def fake(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["constraints"][0].lb.copy())
        if len(calls) == 1:  # HiGHS accepting "b" within its tolerance: 3 kr. short
            return FakeResult(0, [0.0000001, 0.9999999])
        return real(*args, **kwargs)

    monkeypatch.setattr(optimiser, "milp", fake)
    solution = solve(ROUNDING)
    assert solution.chosen == {"a"}
    assert solution.status == FEASIBLE  # repaired: not claimed proven
    assert solution.method == MILP
    assert calls[1][0] == 100_000_000_003  # the year asked for the 3 kr. more
    check_solution(ROUNDING, solution)


def test_a_set_that_cannot_be_repaired_falls_back_to_greedy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(optimiser, "milp", lambda *a, **k: FakeResult(0, [0.0, 1.0]))
    solution = solve(ROUNDING)
    assert (solution.method, solution.status, solution.chosen) == (GREEDY, FEASIBLE, {"a"})


@pytest.mark.parametrize("status", [1, 4])
def test_no_set_from_highs_falls_back_to_greedy(
    monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    monkeypatch.setattr(optimiser, "milp", lambda *a, **k: FakeResult(status, None))
    solution = solve(ROUNDING)
    assert (solution.method, solution.status, solution.chosen) == (GREEDY, FEASIBLE, {"a"})


def test_time_limit_with_a_set_is_feasible_not_proven(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optimiser, "milp", lambda *a, **k: FakeResult(1, [1.0, 1.0]))
    solution = solve(ROUNDING)
    assert (solution.method, solution.status, solution.proven_optimal) == (MILP, FEASIBLE, False)
    assert solution.chosen == {"a", "b"}


def test_highs_infeasible_is_overruled_by_a_verified_greedy_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(optimiser, "milp", lambda *a, **k: FakeResult(2, None))
    solution = solve(ROUNDING)
    assert (solution.method, solution.status, solution.chosen) == (GREEDY, FEASIBLE, {"a"})


def test_solve_passes_the_time_limit_and_an_exact_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    real = scipy_milp
    options: list[dict[str, Any]] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        options.append(kwargs["options"])
        return real(*args, **kwargs)

    monkeypatch.setattr(optimiser, "milp", spy)
    solve(Problem(KNAPSACK, full_year(100)), time_limit=2.5)
    assert options and all(o["mip_rel_gap"] == 0 for o in options)
    assert 0 < options[0]["time_limit"] <= 2.5


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "error", "match"),
    [
        (Problem([item("a", 1, impact=1)] * 2, {}), ValueError, "duplicate"),
        (Problem(KNAPSACK, {}, must_include=frozenset({"nope"})), ValueError, "unknown"),
        (Problem(KNAPSACK, {}, excludes=[("a", "nope")]), ValueError, "unknown"),
        (Problem(KNAPSACK, {}, requires=[("nope", "a")]), ValueError, "unknown"),
        (Problem([item("a", 1, impact=-1)], {}), ValueError, "negative"),
        (Problem([Item("a", {2027: 1.5}, 1)], {}), TypeError, "int"),  # type: ignore[dict-item]
        (Problem([Item("a", {2027: True}, 1)], {}), TypeError, "int"),
        (Problem(KNAPSACK, {2027: 10.0}), TypeError, "int"),  # type: ignore[dict-item]
        (Problem([item("a", 2**53, impact=1)], {2027: 1}), ValueError, "too large"),
    ],
)
def test_bad_input_is_refused(problem: Problem, error: type[Exception], match: str) -> None:
    for method in (solve, greedy, brute_force):
        with pytest.raises(error, match=match):
            method(problem)


@pytest.mark.parametrize("limit", [0, -1, float("nan"), float("inf")])
def test_time_limit_must_be_positive(limit: float) -> None:
    with pytest.raises(ValueError, match="time_limit"):
        solve(Problem(KNAPSACK, {}), time_limit=limit)


def test_brute_force_refuses_more_than_18_items() -> None:
    items = [item(f"p{i}", 1, impact=1) for i in range(19)]
    with pytest.raises(ValueError, match="18"):
        brute_force(Problem(items, {}))


def test_violations_lists_what_a_hand_picked_set_breaks() -> None:
    problem = Problem(
        CHAIN,
        full_year(150),
        must_include=frozenset({"alone"}),
        must_exclude=frozenset({"c"}),
        excludes=[("a", "alone")],
        requires=[("a", "b")],
    )
    assert violations(problem, {"a", "c"}) == [
        "must_include 'alone' missing",
        "must_exclude 'c' chosen",
        "'a' requires 'b'",
        "target 2030: 100 < 150",
    ]
    assert violations(problem, {"alone", "unknown"})[0] == "unknown 'unknown'"


# --- random instances against brute force -------------------------------------------------------


def random_problem(rng: random.Random, *, scale: int = 1) -> Problem:
    """Small catalogs with phase-in, investments, alternatives, dependencies and many ties."""
    n = rng.randint(6, 12)
    keys = [f"p{i}" for i in range(n)]
    items = []
    for key in keys:
        full = rng.randint(-20, 100) * scale + rng.randint(0, scale - 1)
        kind = rng.random()
        if kind < 0.2:  # investment
            amounts = (-rng.randint(0, 80) * scale, 0, full, full)
        elif kind < 0.6:  # phase-in
            amounts = (full // 2, full, full, full)
        else:
            amounts = (full,) * 4
        # Small impact scores or the default (the amount): plenty of ties on purpose.
        impact = abs(full) if rng.random() < 0.3 else rng.randint(0, 12)
        headroom = {y: a for y, a in zip(YEARS, amounts, strict=True) if a or rng.random() < 0.5}
        items.append(Item(key, headroom, impact))
    positive = {y: sum(max(it.headroom.get(y, 0), 0) for it in items) for y in YEARS}
    targets = {}
    for year in YEARS:
        roll = rng.random()
        if roll < 0.2:
            continue
        if roll < 0.3 and year < YEARS[-1]:
            targets[year] = 0  # before the full effect: only "not negative"
            continue
        share = rng.uniform(0.1, 0.6) if roll < 0.9 else rng.uniform(0.6, 1.1)
        targets[year] = round(positive[year] * share) if roll < 0.97 else -rng.randint(1, 50)
    pairs = list(itertools.combinations(keys, 2))
    excludes = rng.sample(pairs, rng.randint(0, 3))
    if rng.random() < 0.5:  # an alternative group of three
        group = rng.sample(keys, 3)
        excludes += list(itertools.combinations(group, 2))
    requires = [tuple(rng.sample(keys, 2)) for _ in range(rng.randint(0, 3))]
    must_include = frozenset(rng.sample(keys, rng.choice([0, 0, 0, 1, 2])))
    must_exclude = frozenset(rng.sample(keys, rng.choice([0, 0, 0, 1, 2])))
    return Problem(
        items,
        targets,
        must_include=must_include,
        must_exclude=must_exclude,
        excludes=excludes,
        requires=requires,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Reference:
    allowed: int  # sets that honour the constraints (ignoring the targets)
    max_reachable: dict[int, int]
    impact: int | None  # None: no allowed set reaches every target
    count: int | None
    optima: list[frozenset[Hashable]]


def reference(problem: Problem) -> Reference:
    """A third oracle in plain Python, built only on `violations()`: every subset."""
    keys = [it.key for it in problem.items]
    items = {it.key: it for it in problem.items}
    constrained = list(problem.targets)  # target 0 included: the simulator's rule
    allowed = 0
    reachable: dict[int, int] = {}
    best: tuple[int, int] | None = None
    optima: list[frozenset[Hashable]] = []
    for bits in itertools.product((False, True), repeat=len(keys)):
        chosen = frozenset(k for k, b in zip(keys, bits, strict=True) if b)
        broken = violations(problem, chosen)
        if any(not v.startswith("target ") for v in broken):
            continue
        allowed += 1
        for year in constrained:
            total = sum(items[k].headroom.get(year, 0) for k in chosen)
            reachable[year] = max(reachable.get(year, total), total)
        if broken:
            continue
        key = (sum(items[k].impact for k in chosen), len(chosen))
        if best is None or key < best:
            best, optima = key, [chosen]
        elif key == best:
            optima.append(chosen)
    return Reference(
        allowed,
        reachable,
        None if best is None else best[0],
        None if best is None else best[1],
        optima,
    )


def random_problems(seed: int, count: int, *, scale: int = 1) -> Iterator[Problem]:
    rng = random.Random(seed)
    for _ in range(count):
        yield random_problem(rng, scale=scale)


@pytest.mark.parametrize(("seed", "scale"), [(1, 1), (2, 1), (3, 1), (4, 1_000_000_000)])
def test_solve_matches_brute_force_on_random_instances(seed: int, scale: int) -> None:
    statuses: dict[str, int] = {}
    for problem in random_problems(seed, 60 if scale == 1 else 40, scale=scale):
        optimum, heuristic, exhaustive = all_three(problem)
        statuses[exhaustive.status] = statuses.get(exhaustive.status, 0) + 1
        assert optimum.status == exhaustive.status, problem
        assert optimum.problems == exhaustive.problems, problem
        assert optimum.max_reachable == exhaustive.max_reachable, problem
        assert optimum.shortfall == exhaustive.shortfall, problem
        if exhaustive.status == OPTIMAL:
            assert optimum.proven_optimal
            assert (optimum.impact, len(optimum.chosen)) == (
                exhaustive.impact,
                len(exhaustive.chosen),
            ), problem
            # Greedy never breaks a constraint (checked in all_three) and never beats the optimum.
            if heuristic.status == FEASIBLE:
                assert heuristic.impact >= optimum.impact
            else:
                assert heuristic.problems == [NO_SOLUTION_FOUND]
        else:
            assert heuristic.status == INFEASIBLE
            if exhaustive.problems == [CONTRADICTORY_CONSTRAINTS]:
                assert heuristic.problems == [CONTRADICTORY_CONSTRAINTS]
    # The generator must exercise both outcomes, or the comparison proves little.
    assert statuses.get(OPTIMAL, 0) >= 10 and statuses.get(INFEASIBLE, 0) >= 5, statuses


def test_random_instances_against_a_plain_python_oracle() -> None:
    """Brute force and solve attain the oracle's optimum, and when the optimal set is unique
    they return exactly it; infeasibility is explained as the oracle finds it."""
    unique = infeasible = 0
    for problem in random_problems(5, 60):
        if len(problem.items) > 9:
            continue
        ref = reference(problem)
        exhaustive = brute_force(problem)
        optimum = solve(problem)
        if ref.allowed == 0:
            assert exhaustive.problems == optimum.problems == [CONTRADICTORY_CONSTRAINTS]
            infeasible += 1
            continue
        if ref.impact is None:
            assert exhaustive.status == optimum.status == INFEASIBLE
            assert exhaustive.max_reachable == optimum.max_reachable == ref.max_reachable
            infeasible += 1
            continue
        assert (exhaustive.impact, len(exhaustive.chosen)) == (ref.impact, ref.count)
        assert exhaustive.chosen in ref.optima and optimum.chosen in ref.optima
        if len(ref.optima) == 1:
            unique += 1
            assert optimum.chosen == exhaustive.chosen == ref.optima[0]
    assert unique >= 5 and infeasible >= 3, (unique, infeasible)


def test_a_set_meets_the_targets_for_the_optimiser_exactly_when_the_simulator_says_so() -> None:
    """One rule: every subset of random instances (years with target 0 among them) is judged
    the same by the optimiser's check and by the target table's target_status, and a set the
    optimiser returns is never "missing" in the simulator."""
    zero_years = compared = 0
    for problem in random_problems(6, 40):
        if len(problem.items) > 9:
            continue
        zero_years += sum(1 for t in problem.targets.values() if t == 0)
        keys = [it.key for it in problem.items]
        items = {it.key: it for it in problem.items}
        for bits in itertools.product((False, True), repeat=len(keys)):
            chosen = frozenset(k for k, b in zip(keys, bits, strict=True) if b)
            headroom = {
                year: sum(items[k].headroom.get(year, 0) for k in chosen)
                for year in problem.targets
            }
            simulator_met = all(s.met for s in target_status(headroom, problem.targets))
            optimiser_met = not any(v.startswith("target ") for v in violations(problem, chosen))
            assert simulator_met == optimiser_met, (problem, chosen)
            compared += 1
        for solution in (solve(problem), brute_force(problem), greedy(problem)):
            if solution.status != INFEASIBLE:
                reached = {y: solution.reached.get(y, 0) for y in problem.targets}
                assert all(s.met for s in target_status(reached, problem.targets))
    assert zero_years >= 5 and compared > 1_000, (zero_years, compared)


def test_an_investment_before_the_full_effect_is_not_left_uncovered() -> None:
    """Target 0 in 2027–2028 (before the full effect): the investment alone frees the most for
    the least impact but costs 80 in 2027, which the simulator shows as missing."""
    problem = Problem(
        [item("invest", -80, 0, 150, 150, impact=5), item("early", 80, 0, 0, 0, impact=10)],
        {2027: 0, 2028: 0, 2029: 150, 2030: 150},
    )
    for solution in all_three(problem):
        assert "invest" not in solution.chosen or "early" in solution.chosen
    assert solve(problem).chosen == {"invest", "early"}
    alone = {2027: -80, 2028: 0, 2029: 150, 2030: 150}
    assert [s.met for s in target_status(alone, problem.targets)] == [False, True, True, True]
    assert violations(problem, {"invest"}) == ["target 2027: -80 < 0"]
