"""The figures of an evaluation's summary. No Django here: plain values in, plain values out.

Counts per value of a 1–5 scale, the mean with one decimal (halves rounded up, as the money
module rounds), and the response rate in whole per cent. Answers are shown only when at least
MIN_RESPONSES people have answered, so that nobody's answer can be picked out of a handful.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SCALE_VALUES = (1, 2, 3, 4, 5)
MIN_RESPONSES = 3


@dataclass(frozen=True)
class ScaleSummary:
    counts: dict[int, int]  # every value 1..5, also those nobody chose
    answered: int
    mean: Decimal | None  # one decimal; None when nobody answered

    def share(self, value: int) -> int:
        """Whole per cent of the answers that chose the value."""
        return percent(self.counts[value], self.answered) or 0


def scale_summary(values: Iterable[int]) -> ScaleSummary:
    counts = dict.fromkeys(SCALE_VALUES, 0)
    for value in values:
        if value not in counts:
            raise ValueError(f"not a value of the scale: {value}")
        counts[value] += 1
    answered = sum(counts.values())
    if not answered:
        return ScaleSummary(counts, 0, None)
    total = sum(value * count for value, count in counts.items())
    mean = (Decimal(total) / Decimal(answered)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return ScaleSummary(counts, answered, mean)


def percent(part: int, whole: int) -> int | None:
    """Whole per cent, halves up; None when there is no whole to take a share of."""
    if whole <= 0:
        return None
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP))


def may_show_answers(responses: int) -> bool:
    return responses >= MIN_RESPONSES
