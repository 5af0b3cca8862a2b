"""Per-module figures of the last `mutmut run` (mutants/), for docs/quality.md.

Prints killed / survived / timeout / other / total and the score per pure module, then the
surviving mutants by name (`mutmut show NAME` shows the change). With --fail-under N, exits 1
when a module that has been run scores below N % (killed and timeouts count as caught, as
mutmut itself counts them; mutants not yet run count against the score).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

# mutmut's exit codes (mutmut/stats.py): 1 and 3 are a failing test run, i.e. killed.
KILLED = {1, 3}
SURVIVED = {0}
TIMEOUT = {36, -24, 24, 152, 255}


def status(code: int | None) -> str:
    if code is None:
        return "not run"
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in TIMEOUT:
        return "timeout"
    return "other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fail-under", type=float, default=None)
    args = parser.parse_args()
    config = tomllib.loads(Path("pyproject.toml").read_text())["tool"]["mutmut"]
    rows: list[tuple[str, Counter[str], int]] = []
    survivors: list[str] = []
    for path in config["only_mutate"]:
        meta = Path("mutants") / (path + ".meta")
        if not meta.exists():
            rows.append((path, Counter(), 0))
            continue
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        counts = Counter(status(code) for code in codes.values())
        survivors += sorted(name for name, code in codes.items() if status(code) == "survived")
        rows.append((path, counts, len(codes)))
    print(
        f"{'module':42} {'killed':>7} {'surv.':>6} {'timeout':>8} {'other':>6} "
        f"{'not run':>8} {'total':>6} {'score':>7}"
    )
    failing = []
    totals: Counter[str] = Counter()
    for path, counts, total in rows:
        totals.update(counts)
        totals["total"] += total
        caught = counts["killed"] + counts["timeout"]
        score = 100 * caught / total if total else 0.0
        print(
            f"{path:42} {counts['killed']:7} {counts['survived']:6} {counts['timeout']:8} "
            f"{counts['other']:6} {counts['not run']:8} {total:6} {score:6.1f}%"
        )
        if args.fail_under is not None and (not total or score < args.fail_under):
            failing.append(path)
    caught = totals["killed"] + totals["timeout"]
    score = 100 * caught / totals["total"] if totals["total"] else 0.0
    print(
        f"{'all':42} {totals['killed']:7} {totals['survived']:6} {totals['timeout']:8} "
        f"{totals['other']:6} {totals['not run']:8} {totals['total']:6} {score:6.1f}%"
    )
    if survivors:
        print("\nsurvivors (mutmut show NAME):")
        for name in survivors:
            print(f"  {name}")
    if failing:
        print(f"\nbelow {args.fail_under} %: {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
