"""Three-way merge of a stale save: what the user started from, what is saved now, what they typed.

Pure: values are plain, comparable values keyed by field name or grid cell.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def three_way(
    original: Mapping[K, V] | None,
    saved: Mapping[K, V],
    typed: Mapping[K, V],
    *,
    missing: V,
) -> tuple[dict[K, V], set[K]]:
    """(merged values, clashing keys).

    A key the user left as it was (typed == original) takes the saved, newer value; a key the
    user changed takes the typed value unless the saved value changed too (and differently):
    that is a clash, left for the user to decide. Without an original every difference between
    saved and typed is a clash. A key absent from a mapping has the value `missing`.
    """
    merged: dict[K, V] = {}
    clashes: set[K] = set()
    for key in {*saved, *typed, *(original or {})}:
        now = saved.get(key, missing)
        mine = typed.get(key, missing)
        if mine == now:
            merged[key] = now
        elif original is None:
            clashes.add(key)
        else:
            start = original.get(key, missing)
            if mine == start:
                merged[key] = now
            elif now == start:
                merged[key] = mine
            else:
                clashes.add(key)
    return merged, clashes
