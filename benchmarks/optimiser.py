"""The optimiser on a realistic catalog: 1,000 proposals over 4 years, solved with HiGHS.

    .venv/bin/python benchmarks/optimiser.py [--proposals 1000] [--seed 1] [--repeat 3]

Generates a seeded catalog: savings phased in over one to three years, some investments that cost
money first and pay back later, a few expansions that only cost; alternative groups of three
(a 5 %, 10 % and 15 % cut of the same service, at most one of each group: 100 excludes pairs),
50 "A requires B" dependencies, and impact scores that are either the budget office's own
(the full-year amount times a factor) or the default (the full-year amount). The target in each
year from the second on is ~30 % of that year's total positive råderum; the first year is free.

Prints the solve time (median of the repeats), the status, whether the optimum is proven, and
the optimum against the greedy heuristic's choice. No wall-clock limit is asserted anywhere
(goal in issue 5: proven optimal in ≤ 1 s on this machine).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from raaderum.prioritisation.optimiser import (  # noqa: E402
    Item,
    Problem,
    Solution,
    greedy,
    solve,
    violations,
)

YEARS = (2027, 2028, 2029, 2030)
GROUPS = 34  # alternative groups of three: 3 pairs each, 100 pairs with one extra pair
REQUIRES = 50
TARGET_SHARE = 0.30


def _phase_in(rng: random.Random, full: int) -> dict[int, int]:
    """A saving reaching its full-year effect after one to three years."""
    shares = rng.choice([(1, 1, 1, 1), (0.5, 1, 1, 1), (0.25, 0.75, 1, 1), (0.0, 0.5, 0.8, 1)])
    return {y: round(full * s) for y, s in zip(YEARS, shares, strict=True)}


def _investment(rng: random.Random, full: int) -> dict[int, int]:
    """Costs money up front, pays back from the second or third year."""
    outlay = round(full * rng.uniform(0.5, 2.5))
    if rng.random() < 0.5:
        return dict(zip(YEARS, (-outlay, round(full * 0.5), full, full), strict=True))
    return dict(zip(YEARS, (-outlay, -round(outlay * 0.3), round(full * 0.6), full), strict=True))


def _amount(rng: random.Random) -> int:
    """Full-year råderum: median ~1 mio. kr., from ~50,000 kr. to ~40 mio. kr."""
    return int(round(min(max(rng.lognormvariate(13.8, 1.1), 50_000), 40_000_000), -3))


def _impact(rng: random.Random, full: int) -> int:
    if rng.random() < 0.4:
        return abs(full)  # the default: the full-year amount
    return round(abs(full) * rng.uniform(0.2, 3.0))


def catalog(n: int, seed: int) -> Problem:
    rng = random.Random(seed)
    items: list[Item] = []
    excludes: list[tuple[str, str]] = []
    for g in range(GROUPS):
        base = _amount(rng)
        keys = [f"G{g}-{pct}" for pct in (5, 10, 15)]
        for step, key in enumerate(keys, start=1):
            full = base * step
            # Deeper cuts hurt more per krone.
            impact = round(abs(full) * rng.uniform(0.5, 1.5) * (1 + 0.3 * (step - 1)))
            items.append(Item(key, _phase_in(rng, full), impact))
        excludes += [(keys[0], keys[1]), (keys[0], keys[2]), (keys[1], keys[2])]
    excludes = excludes[: GROUPS * 3 - 2]  # 100 pairs: the last group has only one pair
    while len(items) < n:
        key = f"P{len(items)}"
        full = _amount(rng)
        kind = rng.random()
        if kind < 0.12:
            headroom = _investment(rng, full)
        elif kind < 0.17:  # an expansion: costs every year, never chosen for råderum
            headroom = {y: -full for y in YEARS}
        else:
            headroom = _phase_in(rng, full)
        items.append(Item(key, headroom, 0 if kind >= 0.12 and kind < 0.17 else _impact(rng, full)))
    singles = [str(item.key) for item in items if str(item.key).startswith("P")]
    requires: set[tuple[str, str]] = set()
    while len(requires) < REQUIRES:
        a, b = rng.sample(singles, 2)
        if (b, a) not in requires:
            requires.add((a, b))
    targets = {YEARS[0]: 0}
    for year in YEARS[1:]:
        positive = sum(max(item.headroom.get(year, 0), 0) for item in items)
        targets[year] = round(positive * TARGET_SHARE)
    return Problem(
        items=items,
        targets=targets,
        excludes=excludes,
        requires=sorted(requires),
    )


def _timed(fn: Callable[[Problem], Solution], problem: Problem) -> tuple[Solution, float]:
    start = time.perf_counter()
    solution = fn(problem)
    return solution, time.perf_counter() - start


def _kr(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " kr."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--proposals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()

    problem = catalog(args.proposals, args.seed)
    print(
        f"{len(problem.items)} proposals, {len(YEARS)} years, {len(problem.excludes)} excludes "
        f"pairs, {len(problem.requires)} requires; targets "
        + ", ".join(f"{y}: {_kr(t)}" for y, t in problem.targets.items() if t)
    )
    times: list[float] = []
    optimum: Solution | None = None
    for run in range(1, args.repeat + 1):
        optimum, seconds = _timed(lambda p: solve(p, time_limit=args.time_limit), problem)
        times.append(seconds)
        print(
            f"run {run}: {seconds * 1000:.0f} ms, status {optimum.status}, "
            f"proven optimal {optimum.proven_optimal}, method {optimum.method}, "
            f"{len(optimum.chosen)} chosen, impact {optimum.impact:,}"
        )
    assert optimum is not None
    assert not violations(problem, optimum.chosen) or optimum.status == "infeasible"

    heuristic, greedy_seconds = _timed(greedy, problem)
    print(f"solve median: {statistics.median(times) * 1000:.0f} ms (goal: proven optimal ≤ 1 s)")
    print(
        f"greedy: {greedy_seconds * 1000:.0f} ms, status {heuristic.status}, "
        f"{len(heuristic.chosen)} chosen, impact {heuristic.impact:,}"
    )
    if optimum.impact and heuristic.status != "infeasible":
        ratio = heuristic.impact / optimum.impact
        print(f"greedy impact / optimal impact: {ratio:.3f} ({(ratio - 1) * 100:+.1f} %)")
    for year in YEARS:
        target = problem.targets.get(year, 0)
        print(
            f"  {year}: target {_kr(target):>20}  optimum {_kr(optimum.reached[year]):>20}"
            f"  greedy {_kr(heuristic.reached[year]):>20}"
        )


if __name__ == "__main__":
    main()
