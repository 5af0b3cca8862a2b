"""What changed between two published versions of a catalog. Plain values in; no ORM.

Proposals are matched by the proposal they snapshot, not by code: moving a proposal to another
committee gives it a new code but it is still the same proposal, changed.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from raaderum.proposals import calculation


@dataclass(frozen=True)
class Entry:
    key: Hashable  # the proposal's id
    code: str
    title: str
    headroom: Mapping[int, int]
    fields: Mapping[str, object] = field(default_factory=dict)  # compared as they are


@dataclass(frozen=True)
class Change:
    before: Entry
    after: Entry
    fields: list[str]  # names of the fields that differ, in the order given
    headroom_changed: bool


@dataclass(frozen=True)
class Comparison:
    years: tuple[int, ...]
    added: list[Entry]
    removed: list[Entry]
    changed: list[Change]
    unchanged: int
    total_before: dict[int, int]
    total_after: dict[int, int]

    @property
    def total_difference(self) -> dict[int, int]:
        return {year: self.total_after[year] - self.total_before[year] for year in self.years}


def compare(before: Sequence[Entry], after: Sequence[Entry], years: Sequence[int]) -> Comparison:
    old = {entry.key: entry for entry in before}
    new = {entry.key: entry for entry in after}
    if len(old) != len(before) or len(new) != len(after):
        raise ValueError("a proposal appears twice in one version")
    changed = []
    unchanged = 0
    for key, entry in new.items():
        if key not in old:
            continue
        previous = old[key]
        names = [
            name
            for name in (*previous.fields, *(n for n in entry.fields if n not in previous.fields))
            if previous.fields.get(name) != entry.fields.get(name)
        ]
        before_headroom = calculation.sum_by_year([previous.headroom], years)
        after_headroom = calculation.sum_by_year([entry.headroom], years)
        headroom_changed = before_headroom != after_headroom
        if names or headroom_changed:
            changed.append(Change(previous, entry, names, headroom_changed))
        else:
            unchanged += 1
    return Comparison(
        years=tuple(years),
        added=[entry for key, entry in new.items() if key not in old],
        removed=[entry for key, entry in old.items() if key not in new],
        changed=changed,
        unchanged=unchanged,
        total_before=calculation.sum_by_year((e.headroom for e in before), years),
        total_after=calculation.sum_by_year((e.headroom for e in after), years),
    )
