"""The evaluation summary's figures at their edges. Pure: no database."""

from decimal import Decimal

from raaderum.evaluation.summary import percent, scale_summary


def test_a_mean_of_a_half_rounds_up() -> None:
    assert scale_summary([1, 1, 1, 2]).mean == Decimal("1.3")  # 1.25
    assert scale_summary([1, 1, 1, 1, 1, 1, 1, 2]).mean == Decimal("1.1")  # 1.125


def test_one_of_one_is_all() -> None:
    assert percent(1, 1) == 100
    assert percent(0, 1) == 0
    assert percent(1, 0) is None
