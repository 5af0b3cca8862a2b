from datetime import date
from decimal import Decimal

import pytest

from raaderum.decisions import rules


@pytest.mark.parametrize(
    ("amount", "index", "expected"),
    [
        (-1_000_200, "1.0325", -1_032_707),  # -1.032.706,5: half away from zero
        (1_000_200, "1.0325", 1_032_707),
        (-1_234_567, "1.0325", -1_274_690),  # -1.274.690,4275
        (200, "1.0325", 207),  # 206,5
        (-200, "1.0325", -207),
        (-1_500_000, "1.032", -1_548_000),
        (0, "1.5", 0),
        (10**12 + 1, "1.9999", 1_999_900_000_002),  # 1.999.900.000.001,9999: no float drift
    ],
)
def test_uprate_rounds_half_away_from_zero(amount: int, index: str, expected: int) -> None:
    assert rules.uprate(amount, Decimal(index)) == expected


def test_uprate_refuses_floats() -> None:
    with pytest.raises(TypeError):
        rules.uprate(1.5, Decimal("1.1"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("from_level", "to_level", "steps"),
    [(2027, 2028, [2028]), (2027, 2029, [2028, 2029]), (2028, 2028, [])],
)
def test_price_steps_are_one_per_year(from_level: int, to_level: int, steps: list[int]) -> None:
    assert rules.price_steps(from_level, to_level) == steps


def test_price_steps_never_go_back() -> None:
    with pytest.raises(ValueError, match="back"):
        rules.price_steps(2029, 2028)


@pytest.mark.parametrize(
    ("amount", "indices", "expected"),
    [
        # 2027 → 2028: −1.000.200 × 1,0325 = −1.032.706,5 → −1.032.707;
        # 2028 → 2029: −1.032.707 × 1,028 = −1.061.622,796 → −1.061.623.
        (-1_000_200, ["1.0325", "1.028"], -1_061_623),
        # Rounded after each year: 200 × 1,0325 = 206,5 → 207; 207 × 1,0325 = 213,7275 → 214,
        # where 200 × 1,0325² = 213,21 would give 213.
        (200, ["1.0325", "1.0325"], 214),
        (-700_000, [], -700_000),
    ],
)
def test_uprate_in_steps_rounds_after_every_year(
    amount: int, indices: list[str], expected: int
) -> None:
    assert rules.uprate_in_steps(amount, [Decimal(i) for i in indices]) == expected
    # The same as carrying it over one year at a time.
    step_by_step = amount
    for index in indices:
        step_by_step = rules.uprate(step_by_step, Decimal(index))
    assert step_by_step == expected


@pytest.mark.parametrize(
    ("outcome", "may_return", "year", "new_year", "expected"),
    [
        ("deferred", False, None, 2028, rules.ALLOWED),
        ("adopted", False, None, 2028, None),
        ("rejected", False, None, 2028, rules.NOT_TO_RETURN),
        ("rejected", True, 2029, 2028, rules.COOLING_OFF),
        ("rejected", True, 2029, 2029, rules.ALLOWED),
        ("rejected", True, 2028, 2028, rules.ALLOWED),
        ("rejected", True, None, 2028, rules.ALLOWED),
    ],
)
def test_carry_over_status(
    outcome: str, may_return: bool, year: int | None, new_year: int, expected: str | None
) -> None:
    assert rules.carry_over_status(outcome, may_return, year, new_year) == expected


def test_shift_date_moves_leap_day_to_28_february() -> None:
    assert rules.shift_date(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert rules.shift_date(date(2026, 10, 8), 1) == date(2027, 10, 8)


def test_adjustments_leave_out_zero_and_sort_by_committee_area_year() -> None:
    rows = rules.adjustments(
        [
            (
                "BU-02",
                "B",
                [
                    {"area": "Skoler", "committee": "BU", "year": 2028, "amount": -5},
                    {"area": "Skoler", "committee": "BU", "year": 2027, "amount": 0},
                ],
            ),
            ("BU-01", "A", [{"area": "Skoler", "committee": "BU", "year": 2028, "amount": 7}]),
        ],
        {("BU", "Skoler"): "3.22.01"},
        {"BU": "Børne- og Ungdomsudvalget"},
    )
    assert [(r.code, r.year, r.amount, r.functions) for r in rows] == [
        ("BU-01", 2028, 7, "3.22.01"),
        ("BU-02", 2028, -5, "3.22.01"),
    ]
    assert rows[0].committee == "Børne- og Ungdomsudvalget"


@pytest.mark.parametrize(
    ("index", "text"),
    [("1.032", "1,032"), ("1.0320", "1,032"), ("1.0325", "1,0325"), ("1", "1,000")],
)
def test_index_text_keeps_the_decimals_typed(index: str, text: str) -> None:
    assert rules.index_text(Decimal(index)) == text
