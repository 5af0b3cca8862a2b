"""Turn a Statistikbanken population extract saved as »kommune;alder;antal« into the CSV that
Råderum imports (the API's answer to FOLK1A with OMRÅDE, ALDER and Tid selected), figures unchanged.

The input is the file pair DanskeData/DKfolketal2021_Statistikbanken_Del1.csv and _Del2.csv of the
public repository PandemiXcenter/PandemiX (commit 73f7a7ca785a34cbaeee72a90909536987b2dd54), or
the excerpt of them shipped in raaderum/benchmark/data/source/: lines such as

    "Norddjurs";"0 år";288

with no header, no quarter and no sex or marital status (both sexes, all marital statuses). The
extract names no quarter: its kommune totals equal Danmarks Statistik's population on 1 January
2021 (see raaderum/benchmark/data/README.md), so it is written as 2021K1 unless told otherwise.

    .venv/bin/python scripts/convert_folk1a_extract.py \\
        raaderum/benchmark/data/source/DKfolketal2021_Statistikbanken-excerpt.csv \\
        --out raaderum/benchmark/data/real-sample-FOLK1A-2021K1.csv

Kommune names become Danmarks Statistik's numbers (raaderum/benchmark/kommuner.py); the counts are
copied as they stand, character for character. Every chosen kommune must have each age 0–125
exactly once, or nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from raaderum.benchmark.kommuner import KOMMUNER  # noqa: E402

# The demo's comparison group (raaderum/demo_benchmark.py GROUP).
DEFAULT_KOMMUNER = [306, 320, 360, 390, 420, 550, 706, 707, 787, 820, 846, 849]
# Statistikbanken's long names that differ from the short ones in kommuner.py.
ALIASES = {"Vesthimmerlands": 820}
AGES = range(126)
_AGE = re.compile(r"^(\d{1,3}) år$")
_COUNT = re.compile(r"^\d+$")


def read_text(path: Path) -> str:
    """The original files are Windows-1252 (as statistikbanken.dk saves them); the excerpt UTF-8."""
    content = path.read_bytes()
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


def convert(sources: list[str], kommuner: list[int], quarter: str) -> str:
    codes = {name: code for code, name in KOMMUNER.items()} | ALIASES
    wanted = set(kommuner)
    rows: list[tuple[int, int, str]] = []
    problems: list[str] = []
    for text in sources:
        for number, line in enumerate(csv.reader(io.StringIO(text), delimiter=";"), start=1):
            if not line:
                continue
            if len(line) != 3:
                problems.append(f"line {number}: expected 3 columns, got {line!r}")
                continue
            name, age_text, count = (cell.strip() for cell in line)
            code = codes.get(name)
            if code is None:
                problems.append(f"line {number}: unknown kommune {name!r}")
                continue
            if code not in wanted:
                continue
            age = _AGE.match(age_text)
            if not age or int(age.group(1)) not in AGES:
                problems.append(f"line {number}: not an age 0–125: {age_text!r}")
                continue
            if not _COUNT.match(count):
                problems.append(f"line {number}: not a count: {count!r}")
                continue
            rows.append((code, int(age.group(1)), count))
    for code in kommuner:
        ages = sorted(age for kommune, age, _count in rows if kommune == code)
        if ages != list(AGES):
            problems.append(f"kommune {code}: ages are not 0–125 exactly once")
    if problems:
        raise SystemExit("\n".join(problems))
    lines = ["OMRÅDE;ALDER;TID;INDHOLD"]
    lines += [f"{code};{age};{quarter};{count}" for code, age, count in rows]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quarter", default="2021K1", help="Tid of every row, e.g. 2021K1")
    parser.add_argument(
        "--kommuner", type=int, nargs="+", default=DEFAULT_KOMMUNER, help="kommune numbers"
    )
    args = parser.parse_args(argv)
    if not re.fullmatch(r"\d{4}K[1-4]", args.quarter):
        parser.error("--quarter must look like 2021K1")
    result = convert([read_text(path) for path in args.sources], args.kommuner, args.quarter)
    args.out.write_bytes(result.encode("utf-8"))
    print(f"{args.out}: {result.count(chr(10)) - 1} figures, {len(args.kommuner)} kommuner")
    return 0


if __name__ == "__main__":
    sys.exit(main())
