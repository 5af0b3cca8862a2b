"""The figures of a consultation's summary: how often each proposal was chosen, and shares.

Pure: plain values in, plain values out. A share is a percentage with one decimal, rounded half
up in one place, so the page, the Excel file and the CSV file show the same figure.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


def share(count: int, total: int) -> Decimal:
    """`count` of `total` in per cent with one decimal; 0.0 when there is nothing to share."""
    if count < 0 or total < 0 or count > total:
        raise ValueError(f"a share of {count} in {total}")
    if total == 0:
        return Decimal("0.0")
    return (Decimal(count * 100) / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Chosen(Generic[K]):
    key: K
    count: int
    share: Decimal


def chosen_counts(keys: Sequence[K], counts: Mapping[K, int], answers: int) -> list[Chosen[K]]:
    """Each proposal's count and share of the answers, most chosen first; ties in `keys` order.

    A count for a key not in `keys` is an error: it would be an answer outside the consultation.
    """
    if unknown := set(counts) - set(keys):
        raise ValueError(
            f"counts for proposals outside the consultation: {sorted(map(str, unknown))}"
        )
    rows = [Chosen(key, counts.get(key, 0), share(counts.get(key, 0), answers)) for key in keys]
    order = {key: index for index, key in enumerate(keys)}
    return sorted(rows, key=lambda row: (-row.count, order[row.key]))
