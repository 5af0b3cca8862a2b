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
    with pytest.raises(RuntimeError, match=r"^an unverified set reached the solution$"):
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


TIES = Problem(
    [
        Item("a", {2030: 1}, 1),
        Item("b", {2030: 1}, 1),
        Item("c", {2030: 1}, 1),
        Item("f", {2030: 1}, 1),
        Item("d", {2030: 2}, 2),
        Item("g", {2030: 2}, 2),
        Item("e", {2030: 4}, 5),  # one proposal, but more impact
    ],
    {2030: 4},
)


def test_the_fewest_proposals_among_the_sets_of_least_impact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[dict[str, Any]] = []

    def first_answer_is_four_small_ones(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["options"])
        if len(calls) == 1:
            return FakeResult(0, [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
        return scipy_milp(*args, **kwargs)

    monkeypatch.setattr(optimiser, "milp", first_answer_is_four_small_ones)
    solution = solve(TIES, time_limit=3.0)
    # Impact 4 either way; two proposals beat four, and "e" (impact 5) is never taken.
    assert (solution.status, solution.chosen, solution.impact) == (OPTIMAL, {"d", "g"}, 4)
    assert len(calls) == 2
    assert all(0 < options["time_limit"] <= 3.0 for options in calls)


def test_every_highs_run_keeps_within_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    limits: list[float] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        limits.append(kwargs["options"]["time_limit"])
        return scipy_milp(*args, **kwargs)

    monkeypatch.setattr(optimiser, "milp", spy)
    solve(TIES, time_limit=2.0)
    infeasible = solve(SHORT, time_limit=2.0)  # then one run per year explains it
    assert infeasible.max_reachable == {2030: 150}
    assert len(limits) >= 4
    assert all(0 < limit <= 2.0 for limit in limits)


def test_brute_force_takes_exactly_18_proposals() -> None:
    items = [Item(f"p{i}", {2030: i + 1}, i + 1) for i in range(18)]
    solution = brute_force(Problem(items, {2030: 40}))
    assert (solution.status, solution.impact, len(solution.chosen)) == (OPTIMAL, 40, 3)
    assert solution.reached == {2030: 40}


def test_brute_force_says_it_was_brute_force_when_infeasible() -> None:
    clash = Problem(
        [Item("a", {2030: 1}, 1)],
        {2030: 1},
        must_include=frozenset({"a"}),
        must_exclude=frozenset({"a"}),
    )
    for problem in (clash, SHORT):
        assert brute_force(problem).method == optimiser.BRUTE_FORCE
        assert brute_force(problem).status == INFEASIBLE


def test_unknown_keys_of_any_type_are_listed_in_a_stable_order() -> None:
    problem = Problem([Item("a", {2030: 1}, 1)], {})
    assert violations(problem, {"x", 3, ("t", 1)}) == [
        "unknown 'x'",
        "unknown ('t', 1)",
        "unknown 3",
    ]


# --- bad input names what is wrong ----------------------------------------------------------------

A = [Item("a", {2027: 1}, 1)]


@pytest.mark.parametrize(
    ("problem", "error", "message"),
    [
        (
            Problem(A, {}, must_include=frozenset({"nope"})),
            ValueError,
            "must_include names an unknown proposal 'nope'",
        ),
        (
            Problem(A, {}, must_exclude=frozenset({"nope"})),
            ValueError,
            "must_exclude names an unknown proposal 'nope'",
        ),
        (
            Problem(A, {}, excludes=[("nope", "a")]),
            ValueError,
            "excludes names an unknown proposal 'nope'",
        ),
        (
            Problem(A, {}, excludes=[("a", "nope")]),
            ValueError,
            "excludes names an unknown proposal 'nope'",
        ),
        (
            Problem(A, {}, requires=[("nope", "a")]),
            ValueError,
            "requires names an unknown proposal 'nope'",
        ),
        (
            Problem(A, {}, requires=[("a", "nope")]),
            ValueError,
            "requires names an unknown proposal 'nope'",
        ),
        (
            Problem([Item("a", {"2027": 1}, 1)], {}),  # type: ignore[dict-item]
            TypeError,
            "year of 'a' must be an int, got '2027'",
        ),
        (
            Problem([Item("a", {2027: 1.5}, 1)], {}),  # type: ignore[dict-item]
            TypeError,
            "headroom of 'a' in 2027 must be an int, got 1.5",
        ),
        (Problem([Item("a", {}, 1.0)], {}), TypeError, "impact of 'a' must be an int, got 1.0"),  # type: ignore[arg-type]
        (Problem(A, {"2027": 1}), TypeError, "target year must be an int, got '2027'"),  # type: ignore[dict-item]
        (Problem(A, {2027: 1.0}), TypeError, "target for 2027 must be an int, got 1.0"),  # type: ignore[dict-item]
        # Amounts and target of a year together must stay below 2**52 to be exact as floats.
        (
            Problem([Item("a", {2027: 2**51}, 1), Item("b", {2027: 2**51}, 1)], {2027: 0}),
            ValueError,
            "amounts in 2027 are too large to solve exactly",
        ),
        (
            Problem(A, {2027: -(2**52)}),
            ValueError,
            "amounts in 2027 are too large to solve exactly",
        ),
        (
            Problem([Item("a", {}, 2**51), Item("b", {}, 2**51)], {}),
            ValueError,
            "impact scores are too large to solve exactly",
        ),
    ],
)
def test_bad_input_is_named(problem: Problem, error: type[Exception], message: str) -> None:
    for method in (solve, greedy, brute_force):
        with pytest.raises(error) as refused:
            method(problem)
        assert str(refused.value) == message


def test_amounts_just_below_the_exact_limit_are_solved() -> None:
    problem = Problem([Item("a", {2027: 2**51}, 1), Item("b", {2027: 2**51 - 2}, 1)], {2027: 1})
    assert solve(problem).chosen in ({"a"}, {"b"})


# --- years without a figure count as 0 ----------------------------------------------------------


def test_a_year_a_proposal_has_no_figure_for_counts_as_zero() -> None:
    problem = Problem(
        [Item("a", {2030: 100}, 1), Item("b", {2029: 50, 2030: 10}, 5)], {2029: 0, 2030: 100}
    )
    solution = solve(problem)
    assert (solution.chosen, solution.reached) == ({"a"}, {2029: 0, 2030: 100})
    assert violations(Problem([Item("a", {2030: 1}, 1)], {2029: 1, 2030: 1}), {"a"}) == [
        "target 2029: 0 < 1"
    ]


# --- HiGHS's time and output ----------------------------------------------------------------------


class Clock:
    """time.monotonic for the optimiser: no time passes until `after` readings, then a lot."""

    def __init__(self, after: int) -> None:
        self.readings = 0
        self.after = after

    def monotonic(self) -> float:
        self.readings += 1
        return 0.0 if self.readings <= self.after else 1000.0


def spy_limits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    limits: list[float] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        limits.append(kwargs["options"]["time_limit"])
        return scipy_milp(*args, **kwargs)

    monkeypatch.setattr(optimiser, "milp", spy)
    return limits


def test_the_default_time_limit_is_ten_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = spy_limits(monkeypatch)
    monkeypatch.setattr(optimiser, "time", Clock(after=99))
    solve(TIES)
    assert limits == [10.0, 10.0]
    limits.clear()
    solve(TIES, time_limit=0.5)  # under a second is a time limit too
    assert limits == [0.5, 0.5]


def test_a_run_after_the_time_is_up_still_gets_a_tenth_of_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    limits = spy_limits(monkeypatch)
    monkeypatch.setattr(optimiser, "time", Clock(after=2))  # the first run takes all the time
    assert solve(TIES, time_limit=2.0).chosen == {"d", "g"}
    assert limits == [2.0, 0.2]


def test_highs_gets_at_least_a_hundredth_of_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = spy_limits(monkeypatch)
    monkeypatch.setattr(optimiser, "time", Clock(after=99))
    solve(TIES, time_limit=0.001)
    assert limits[0] == 0.01


def test_highs_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    solve(TIES)
    solve(SHORT)
    assert capfd.readouterr().out == ""


def test_a_value_of_exactly_one_half_is_not_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = Problem([Item("a", {2030: 100}, 5), Item("b", {2030: 100}, 1)], {2030: 100})
    monkeypatch.setattr(optimiser, "milp", lambda *a, **k: FakeResult(0, [0.5, 1.0]))
    assert solve(problem).chosen == {"b"}


def test_a_last_proposal_without_figures_in_the_target_years_is_still_a_column() -> None:
    problem = Problem([Item("a", {2030: 100}, 1), Item("z", {2027: 5}, 0)], {2030: 50})
    assert solve(problem).chosen == {"a"}


def test_a_rounded_set_is_repaired_three_times_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = Problem(
        [Item("a", {2030: 100_000_000_005}, 5), Item("b", {2030: 99_999_999_997}, 1)],
        {2030: 100_000_000_000},
    )
    calls: list[int] = []

    def always_short(*args: Any, **kwargs: Any) -> FakeResult:
        calls.append(1)
        return FakeResult(0, [0.0, 1.0])

    monkeypatch.setattr(optimiser, "milp", always_short)
    solution = solve(problem)
    assert len(calls) == 4  # the first run and three repairs, then the greedy heuristic
    assert (solution.method, solution.chosen) == (GREEDY, {"a"})


# --- propagation and the greedy heuristic ---------------------------------------------------------


def one(key: str) -> Item:
    return Item(key, {2030: 1}, 1)


@pytest.mark.parametrize(
    ("problem", "forced_in", "forced_out"),
    [
        (
            Problem(
                [one("a"), one("b"), one("c")],
                {},
                must_include=frozenset("a"),
                requires=[("a", "b"), ("b", "c")],
            ),
            "abc",
            "",
        ),
        (
            Problem([one("a"), one("b")], {}, must_include=frozenset("a"), excludes=[("a", "b")]),
            "a",
            "b",
        ),
        (
            Problem([one("a"), one("b")], {}, must_include=frozenset("a"), excludes=[("b", "a")]),
            "a",
            "b",
        ),
        (
            Problem([one("a"), one("b")], {}, must_exclude=frozenset("b"), requires=[("a", "b")]),
            "",
            "ab",
        ),
        (Problem([one("a")], {}, excludes=[("a", "a")]), "", "a"),
        (
            Problem(
                [one(k) for k in "abcde"],
                {},
                must_include=frozenset("ad"),
                requires=[("d", "b"), ("a", "e")],
                excludes=[("b", "c"), ("a", "c")],
            ),
            "abde",
            "c",
        ),
    ],
)
def test_what_the_constraints_force(problem: Problem, forced_in: str, forced_out: str) -> None:
    model = optimiser._Model.build(problem)
    forced = optimiser._propagate(model)
    assert forced is not None
    keys = [item.key for item in problem.items]
    assert ({keys[i] for i in forced[0]}, {keys[i] for i in forced[1]}) == (
        set(forced_in),
        set(forced_out),
    )


def test_contradictions_are_found_whichever_way_a_pair_is_written() -> None:
    for excludes in ([("a", "b")], [("b", "a")]):
        problem = Problem([one("a"), one("b")], {}, must_include=frozenset("ab"), excludes=excludes)
        for method in (solve, greedy):
            assert method(problem).problems == [optimiser.CONTRADICTORY_CONSTRAINTS]
    clash = Problem([one("a")], {}, must_include=frozenset("a"), excludes=[("a", "a")])
    assert (solve(clash).method, greedy(clash).method) == (optimiser.MILP, GREEDY)
    assert solve(clash).problems == [optimiser.CONTRADICTORY_CONSTRAINTS]


@pytest.mark.parametrize(
    ("problem", "chosen"),
    [
        # A requirement of a requirement comes along.
        (
            Problem(
                [Item("a", {2030: 100}, 1), Item("b", {2030: 0}, 1), Item("c", {2030: 0}, 1)],
                {2030: 100},
                requires=[("a", "b"), ("b", "c")],
            ),
            {"a", "b", "c"},
        ),
        # b is already in (with a) when its turn comes: the next proposals are still tried.
        (
            Problem(
                [Item("a", {2030: 60}, 1), Item("b", {2030: 30}, 1), Item("c", {2030: 20}, 5)],
                {2030: 110},
                requires=[("a", "b")],
            ),
            {"a", "b", "c"},
        ),
        # z adds only to a year already met: skipped, and y, for the other year, still tried.
        (
            Problem(
                [
                    Item("x", {2029: 0, 2030: 100}, 1),
                    Item("z", {2029: 0, 2030: 100}, 2),
                    Item("y", {2029: 100, 2030: 0}, 1),
                ],
                {2029: 50, 2030: 50},
            ),
            {"x", "y"},
        ),
        # Ranked by the last target year, the full year: p before q.
        (
            Problem(
                [Item("p", {2029: 0, 2030: 100}, 10), Item("q", {2029: 200, 2030: 100}, 11)],
                {2029: 0, 2030: 100},
            ),
            {"p"},
        ),
        # The two small ones are dropped once the large one is in, one after the other.
        (
            Problem(
                [Item("s1", {2030: 30}, 1), Item("s2", {2030: 30}, 1), Item("big", {2030: 100}, 4)],
                {2030: 100},
            ),
            {"big"},
        ),
        # c is in first; b excludes c and is skipped, whichever way the pair is written.
        (
            Problem(
                [Item("c", {2030: 50}, 1), Item("b", {2030: 60}, 2), Item("d", {2030: 60}, 5)],
                {2030: 100},
                excludes=[("b", "c")],
            ),
            {"c", "d"},
        ),
        # Once the target is met, what is not needed is dropped, the most impact first ...
        (
            Problem(
                [Item("e1", {2030: 40}, 1), Item("e2", {2030: 40}, 2), Item("l", {2030: 70}, 6)],
                {2030: 100},
            ),
            {"e1", "l"},
        ),
        # ... and of equal impact, the later proposal first.
        (
            Problem(
                [Item("e1", {2030: 40}, 1), Item("e2", {2030: 40}, 1), Item("l", {2030: 70}, 6)],
                {2030: 100},
            ),
            {"e1", "l"},
        ),
        # One krone is a gain: free and enough.
        (Problem([Item("one", {2030: 1}, 0), Item("big", {2030: 100}, 1)], {2030: 1}), {"one"}),
    ],
)
def test_greedy(problem: Problem, chosen: set[str]) -> None:
    solution = greedy(problem)
    assert (solution.status, solution.chosen) == (FEASIBLE, chosen)
    assert violations(problem, solution.chosen) == []


def test_without_proposals_the_answer_still_comes_from_the_milp_method() -> None:
    nothing_needed = solve(Problem([], {2030: 0}))
    assert (nothing_needed.status, nothing_needed.method) == (OPTIMAL, optimiser.MILP)
    unreachable = solve(Problem([], {2030: 1}))
    assert (unreachable.status, unreachable.method) == (INFEASIBLE, optimiser.MILP)
    assert unreachable.shortfall == {2030: 1}
