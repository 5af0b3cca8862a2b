"""The rules of decisions and carry-over, on plain values (no ORM).

Uprating to a new price level is the one place carried-over amounts are rounded. It goes one
price-level year at a time, each year with its own index (KL's P/L rates differ from year to
year): amount × index, rounded half away from zero to whole kroner, then the next year's index
on that. Rounding after every year means a proposal decided at 2027-P/L comes out the same in
2029-P/L whether it is carried over once (2027 → 2029) or twice (2027 → 2028 → 2029).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from raaderum.lib import money

ADOPTED = "adopted"
REJECTED = "rejected"
DEFERRED = "deferred"

MIN_INDEX = Decimal("0.5")
MAX_INDEX = Decimal("2.0")

# Why a proposal decided in an earlier round is or is not copied into a new one.
ALLOWED = "allowed"
COOLING_OFF = "cooling_off"  # rejected, allowed back but not yet
NOT_TO_RETURN = "not_to_return"  # rejected without "may be presented again"


def uprate(amount: int, index: Decimal) -> int:
    """Whole kroner at the new price level; ROUND_HALF_UP in `decimal` rounds away from zero."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"amounts are whole kroner as int, got {amount!r}")
    with localcontext() as context:
        context.prec = 60
        return int((Decimal(amount) * index).quantize(Decimal(1), ROUND_HALF_UP))


def price_steps(from_level: int, to_level: int) -> list[int]:
    """The price-level years an amount at `from_level` passes to reach `to_level`, each named by
    the year it ends in: 2027 → 2029 is [2028, 2029]; the same level is []."""
    if to_level < from_level:
        raise ValueError(f"cannot uprate from {from_level}-P/L back to {to_level}-P/L")
    return list(range(from_level + 1, to_level + 1))


def uprate_in_steps(amount: int, indices: Sequence[Decimal]) -> int:
    """Uprate by each year's index in turn, rounding to whole kroner after each (see above)."""
    for index in indices:
        amount = uprate(amount, index)
    return amount


def index_text(index: Decimal) -> str:
    """An index the Danish way with the decimals it was typed with, at least three: 1,032 or
    1,0325 (as entered, never rounded to fewer decimals)."""
    exponent = index.normalize().as_tuple().exponent
    decimals = max(3, -exponent if isinstance(exponent, int) else 0)
    return money.format_number(index, decimals)


def carry_over_status(
    outcome: str, may_return: bool, return_from_year: int | None, new_budget_year: int
) -> str | None:
    """ALLOWED, COOLING_OFF or NOT_TO_RETURN for a rejected or deferred proposal; else None."""
    if outcome == DEFERRED:
        return ALLOWED
    if outcome != REJECTED:
        return None
    if not may_return:
        return NOT_TO_RETURN
    if return_from_year is not None and return_from_year > new_budget_year:
        return COOLING_OFF
    return ALLOWED


def shift_date(day: date, years: int) -> date:
    """The same date `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Adjustment:
    """One line for the finance system: a proposal's change to one area's budget in one year."""

    committee: str
    area: str
    functions: str
    year: int
    amount: int  # signed as in the accounts: negative = lower spending / higher income
    code: str
    title: str


def adjustments(
    proposals: Iterable[tuple[str, str, Iterable[Mapping[str, object]]]],
    functions_by_area: Mapping[tuple[str, str], str],
    committee_names: Mapping[str, str],
) -> list[Adjustment]:
    """Lines from (code, title, effects) of adopted proposals, in committee/area/year order.

    `effects` are the published snapshot's {"area", "committee", "year", "amount"}; zero
    amounts are left out (the finance system has nothing to book).
    """
    rows = []
    for code, title, effects in proposals:
        for effect in effects:
            amount = effect["amount"]
            year = effect["year"]
            if not isinstance(amount, int) or not isinstance(year, int):
                raise TypeError(f"bad effect {effect!r}")
            if amount == 0:
                continue
            committee, area = str(effect["committee"]), str(effect["area"])
            rows.append(
                Adjustment(
                    committee=committee_names.get(committee, committee),
                    area=area,
                    functions=functions_by_area.get((committee, area), ""),
                    year=year,
                    amount=amount,
                    code=code,
                    title=title,
                )
            )
    return sorted(rows, key=lambda r: (r.committee, r.area, r.year, r.code))
