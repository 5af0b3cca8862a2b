"""The summary's refusals name what is wrong. Pure: no database."""

import pytest

from raaderum.consultation.summary import chosen_counts, share


def test_a_share_outside_the_total_is_named() -> None:
    with pytest.raises(ValueError, match=r"^a share of 4 in 3$"):
        share(4, 3)


def test_counts_for_proposals_outside_the_consultation_are_named() -> None:
    with pytest.raises(ValueError) as refused:
        chosen_counts(["A"], {"A": 1, "Z": 2, 7: 1}, 3)
    assert str(refused.value) == "counts for proposals outside the consultation: ['7', 'Z']"
