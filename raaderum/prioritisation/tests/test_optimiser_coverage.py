"""The optimiser's defensive branches: what happens when HiGHS answers badly. Pure: no database.

HiGHS is replaced by a fake where its real answers cannot reach a branch (a rounded set that
breaks a constraint, no set at all in the per-year maximisation); every set that comes out is
still checked in exact integer arithmetic.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy.optimize import milp as scipy_milp

from raaderum.prioritisation import optimiser
from raaderum.prioritisation.optimiser import (
    FEASIBLE,
    GREEDY,
    INFEASIBLE,
    MILP,
    OPTIMAL,
    TARGET_UNREACHABLE,
    Item,
    Problem,
    brute_force,
    greedy,
    solve,
    violations,
)


class FakeResult:
    def __init__(self, status: int, x: list[float] | None) -> None:
        self.status = status
        self.x = None if x is None else np.array(x)


def test_impact_scores_too_large_for_exact_floats_are_refused() -> None:
    problem = Problem([Item("a", {2030: 1}, 2**51), Item("b", {2030: 1}, 2**51)], {2030: 1})
    for method in (solve, greedy, brute_force):
        with pytest.raises(ValueError, match="impact scores are too large to solve exactly"):
            method(problem)
    # Just below the limit is solved, exactly.
    fits = Problem([Item("a", {2030: 1}, 2**51), Item("b", {2030: 1}, 2**51 - 1)], {2030: 1})
    assert solve(fits).chosen == {"b"}
    assert solve(fits).impact == 2_251_799_813_685_247


def test_a_proposal_that_requires_itself_is_no_constraint() -> None:
    problem = Problem(
        [Item("a", {2030: 100}, 3), Item("b", {2030: 100}, 5)],
        {2030: 100},
        requires=[("a", "a")],
    )
    for solution in (solve(problem), greedy(problem), brute_force(problem)):
        assert solution.chosen == {"a"}
        assert solution.impact == 3
    assert solve(problem).status == OPTIMAL


def test_an_unverified_set_never_leaves_the_module() -> None:
    model = optimiser._Model.build(Problem([Item("a", {2030: 99}, 1)], {2030: 100}))
    with pytest.raises(RuntimeError, match="an unverified set reached the solution"):
        model.solution(FEASIBLE, {0}, MILP)
    # As an infeasible answer, the same set is reported as nothing chosen.
    assert model.infeasible(MILP, {2030: 99}).chosen == frozenset()


SHORT = Problem(
    [Item("a", {2030: 100}, 1), Item("b", {2030: 50}, 1), Item("c", {2030: 30}, 1)],
    {2030: 1_000},
    must_include=frozenset({"a"}),
    excludes=[("b", "c")],
)


@pytest.mark.parametrize(
    "answer",
    [
        FakeResult(1, None),  # time limit without a set
        FakeResult(0, [1.0, 1.0, 1.0]),  # "optimal" but breaks b excludes c
        FakeResult(0, [0.0, 1.0, 0.0]),  # "optimal" but leaves out the must-include a
    ],
)
def test_an_unusable_maximisation_falls_back_to_what_the_constraints_force_in(
    monkeypatch: pytest.MonkeyPatch, answer: FakeResult
) -> None:
    answers = iter([FakeResult(2, None)])  # the first run: infeasible, proven

    def fake(*args: Any, **kwargs: Any) -> FakeResult:
        return next(answers, answer)

    monkeypatch.setattr(optimiser, "milp", fake)
    solution = solve(SHORT)
    assert (solution.status, solution.method) == (INFEASIBLE, MILP)
    assert solution.problems == [TARGET_UNREACHABLE]
    # A lower bound: only a (100 kr.) is certain, so the shortfall is an upper bound.
    assert solution.max_reachable == {2030: 100}
    assert solution.shortfall == {2030: 900}


def test_the_real_maximisation_finds_the_most_reachable() -> None:
    solution = solve(SHORT)
    assert solution.max_reachable == {2030: 150}
    assert solution.shortfall == {2030: 850}


def test_a_rounded_set_that_breaks_a_constraint_is_not_repaired_but_falls_back_to_greedy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problem = Problem(
        [Item("a", {2030: 100}, 10), Item("b", {2030: 100}, 1)],
        {2030: 100},
        excludes=[("a", "b")],
    )
    calls: list[int] = []

    def fake(*args: Any, **kwargs: Any) -> FakeResult:
        calls.append(1)
        return FakeResult(0, [1.0, 1.0])

    monkeypatch.setattr(optimiser, "milp", fake)
    solution = solve(problem)
    assert calls == [1]  # no re-solve of a set that rounding cannot explain
    assert (solution.method, solution.status, solution.chosen) == (GREEDY, FEASIBLE, {"b"})
    assert violations(problem, solution.chosen) == []


def test_a_repair_raises_only_the_years_that_fell_short(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = Problem(
        [
            Item("a", {2029: 500, 2030: 100_000_000_005}, 5),
            Item("b", {2029: 500, 2030: 99_999_999_997}, 1),
        ],
        {2029: 400, 2030: 100_000_000_000},
    )
    bounds: list[list[float]] = []

    def fake(*args: Any, **kwargs: Any) -> Any:
        bounds.append(list(kwargs["constraints"][0].lb))
        if len(bounds) == 1:  # b within HiGHS's tolerance: 2030 is 3 kr. short, 2029 is met
            return FakeResult(0, [0.0, 1.0])
        return scipy_milp(*args, **kwargs)

    monkeypatch.setattr(optimiser, "milp", fake)
    solution = solve(problem)
    assert bounds[0] == [400, 100_000_000_000]
    assert bounds[1] == [400, 100_000_000_003]
    assert (solution.status, solution.chosen, solution.impact) == (FEASIBLE, {"a"}, 5)
    assert solution.reached == {2029: 500, 2030: 100_000_000_005}
