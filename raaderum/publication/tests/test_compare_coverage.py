"""compare.compare on plain values: every branch, to the krone. Pure: no database."""

from __future__ import annotations

import pytest

from raaderum.publication.compare import Change, Comparison, Entry, compare

YEARS = [2027, 2028, 2029, 2030]


def entry(key: int, headroom: dict[int, int], **fields: object) -> Entry:
    return Entry(key, f"BU-{key:02}", f"Forslag {key}", headroom, fields)


def test_added_removed_changed_and_unchanged_are_told_apart_with_totals_to_the_krone() -> None:
    kept = entry(1, {2027: 100_000, 2030: 400_000}, title="Skolebus")
    renamed_before = entry(2, {2028: 250_500}, title="Færre vikarer", committee=7)
    renamed_after = entry(2, {2028: 250_500}, title="Færre timevikarer", committee=7)
    cut_before = entry(3, {2029: 1_000_000})
    cut_after = entry(3, {2029: 999_999})
    removed = entry(4, {2030: -75_000})
    added = entry(5, {2027: 12_345, 2030: 60_000})

    result = compare(
        [kept, renamed_before, cut_before, removed],
        [added, cut_after, renamed_after, kept],
        YEARS,
    )

    assert result.years == (2027, 2028, 2029, 2030)
    assert result.added == [added]
    assert result.removed == [removed]
    assert result.unchanged == 1
    # In the order of the later version, each with what differs.
    assert result.changed == [
        Change(cut_before, cut_after, [], True),
        Change(renamed_before, renamed_after, ["title"], False),
    ]
    assert result.total_before == {2027: 100_000, 2028: 250_500, 2029: 1_000_000, 2030: 325_000}
    assert result.total_after == {2027: 112_345, 2028: 250_500, 2029: 999_999, 2030: 460_000}
    assert result.total_difference == {2027: 12_345, 2028: 0, 2029: -1, 2030: 135_000}


@pytest.mark.parametrize(
    ("before", "after", "fields"),
    [
        # A field only in the later version, or only in the earlier one, is a difference.
        ({"title": "A"}, {"title": "A", "committee": 3}, ["committee"]),
        ({"title": "A", "committee": 3}, {"title": "A"}, ["committee"]),
        # The earlier version's order first, then the fields new in the later one.
        ({"b": 1, "a": 1}, {"c": 1, "a": 2, "b": 2}, ["b", "a", "c"]),
        # A field present on both sides with None is the same as a missing one.
        ({"note": None}, {}, []),
        ({}, {}, []),
    ],
)
def test_the_changed_fields_are_named_in_a_stable_order(
    before: dict[str, object], after: dict[str, object], fields: list[str]
) -> None:
    result = compare([entry(1, {2027: 5}, **before)], [entry(1, {2027: 5}, **after)], YEARS)
    if fields:
        assert [change.fields for change in result.changed] == [fields]
        assert result.unchanged == 0
    else:
        assert result.changed == []
        assert result.unchanged == 1


def test_a_headroom_written_differently_but_equal_over_the_years_is_unchanged() -> None:
    # An explicit 0 and a missing year are the same figure in every table.
    before = [entry(1, {2027: 5, 2028: 0}), entry(2, {}), entry(3, {2030: 1})]
    after = [entry(1, {2027: 5}), entry(2, {2029: 0}), entry(3, {2030: 1})]
    result = compare(before, after, YEARS)
    assert (result.changed, result.unchanged) == ([], 3)


def test_the_years_decide_which_headroom_is_compared() -> None:
    before, after = entry(1, {2027: 5, 2028: 0}), entry(1, {2027: 5, 2028: 1})
    assert compare([before], [after], [2027, 2028]).changed[0].headroom_changed is True
    with pytest.raises(ValueError, match="2028 is outside the period"):
        compare([before], [after], [2027])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ([entry(1, {}), entry(1, {2027: 1})], []),
        ([], [entry(1, {}), entry(1, {2027: 1})]),
    ],
)
def test_a_proposal_twice_in_one_version_is_refused(
    before: list[Entry], after: list[Entry]
) -> None:
    with pytest.raises(ValueError, match=r"^a proposal appears twice in one version$"):
        compare(before, after, YEARS)


def test_two_empty_versions_compare_to_zero_in_every_year() -> None:
    assert compare([], [], YEARS) == Comparison(
        years=(2027, 2028, 2029, 2030),
        added=[],
        removed=[],
        changed=[],
        unchanged=0,
        total_before={2027: 0, 2028: 0, 2029: 0, 2030: 0},
        total_after={2027: 0, 2028: 0, 2029: 0, 2030: 0},
    )
