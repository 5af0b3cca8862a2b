"""Property-based tests of the effects grid, through the page: whatever is typed in any cell.

Each generated grid is posted as the owner would post it. Either every cell is read and the
whole grid is saved to the krone (302), or nothing at all changes and every wrong cell, and only
those, has its Danish error (422). Each example runs in a savepoint that is rolled back, so the
examples do not see each other's effects.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from raaderum.lib import money
from raaderum.lib.forms import amount_error_message
from raaderum.lib.tests.danish import assert_danish
from raaderum.proposals.models import Effect, StaffEffect
from raaderum.test import World, create_proposal

pytestmark = pytest.mark.django_db

YEARS = (2027, 2028, 2029, 2030)
UNITS = ("kr", "tkr")
# Which area a row names: one of the municipality's (by name), or something that is not one.
OWN_AREAS = ("schools", "daycare", "elderly")
BAD_AREAS = ("other_area", "missing", "text")
AREA_KINDS = (*OWN_AREAS, "blank", *BAD_AREAS)

typed = st.text(
    alphabet=st.sampled_from(list("0123456789.,-+ kKrRtT\u2212\u2013\u00a0\u202f²٣eE_'")),
    max_size=16,
)
anything = st.text(max_size=20)  # any Unicode but surrogates, NUL and control characters too
amounts = st.integers(min_value=-money.MAX_AMOUNT, max_value=money.MAX_AMOUNT)


@dataclass(frozen=True)
class Cell:
    text: str
    amount: int | None = None  # the kroner it must be saved as, when made from a number


def cells(unit: str, *, clean: bool) -> st.SearchStrategy[Cell]:
    printed = st.integers(-money.MAX_AMOUNT, money.MAX_AMOUNT).map(lambda n: n // money.UNITS[unit])
    numbers = st.one_of(
        st.just(Cell("")),
        amounts.map(lambda n: Cell(money.tkr_input_value(n, unit), n)),
        # As printed on the catalog page, with dots and a typographic minus.
        printed.map(lambda n: Cell(money.format_number(n), n * money.UNITS[unit])),
    )
    return numbers if clean else st.one_of(numbers, typed.map(Cell), anything.map(Cell))


def cells_of(*texts: str) -> tuple[Cell, ...]:
    """A row's cells typed as given, the rest of the years left blank."""
    return tuple(Cell(text) for text in texts) + (Cell(""),) * (len(YEARS) - len(texts))


@dataclass(frozen=True)
class Grid:
    unit: str
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (area kind, a cell per year)
    fte: tuple[str, ...]  # per year


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    # Half the grids are typed with care (numbers only), so that saving is tried as often as
    # refusing; the other half may have anything anywhere.
    clean = draw(st.booleans())
    unit = draw(st.sampled_from(UNITS))
    if clean:  # each of the municipality's areas at most once
        kinds = draw(st.lists(st.sampled_from(OWN_AREAS), min_size=1, max_size=3, unique=True))
    else:
        kinds = draw(st.lists(st.sampled_from(AREA_KINDS), min_size=1, max_size=4))
    row_cells = st.tuples(*[cells(unit, clean=clean)] * len(YEARS))
    fte = st.one_of(
        st.just(""),
        st.decimals(min_value=-1000, max_value=1000, places=2).map(
            lambda d: money.format_number(d, 2)
        ),
    )
    if not clean:
        fte = st.one_of(fte, typed, anything)
    return Grid(
        unit,
        tuple((kind, draw(row_cells)) for kind in kinds),
        tuple(draw(st.tuples(*[fte] * len(YEARS)))),
    )


@dataclass
class Expected:
    """What the grid must do, worked out cell by cell from the rules of the page."""

    amounts: dict[tuple[int, int], int]
    fte: dict[int, Decimal]
    cell_errors: dict[tuple[int, int], str]  # (row, year) -> message
    area_errors: set[int]  # rows
    fte_errors: set[int]  # years

    @property
    def valid(self) -> bool:
        return not (self.cell_errors or self.area_errors or self.fte_errors)


def area_value(world: World, kind: str) -> str:
    if kind in OWN_AREAS or kind == "other_area":
        return str(getattr(world, kind).pk)
    return {"blank": "", "missing": "987654321", "text": "Folkeskoler"}[kind]


def expected(world: World, grid: Grid) -> Expected:
    result = Expected({}, {}, {}, set(), set())
    seen: set[str] = set()
    for index, (kind, row_cells) in enumerate(grid.rows):
        if kind == "blank":
            if any(cell.text.strip() for cell in row_cells):
                result.area_errors.add(index)  # amounts without an area
            continue
        if kind in BAD_AREAS or kind in seen:
            result.area_errors.add(index)
            continue
        seen.add(kind)
        area = getattr(world, kind).pk
        for year, cell in zip(YEARS, row_cells, strict=True):
            try:
                amount = money.parse_amount(cell.text, grid.unit, allow_empty=True)
            except money.AmountError as error:
                with override("da"):
                    result.cell_errors[(index, year)] = amount_error_message(error)
                assert cell.amount is None, f"{cell.text!r} was made from {cell.amount}"
                continue
            if cell.amount is not None:
                assert amount == cell.amount  # what we print and put back is read exactly
            if amount:
                result.amounts[(area, year)] = amount
    for year, text in zip(YEARS, grid.fte, strict=True):
        try:
            value = money.parse_decimal(text, max_decimals=2)
        except money.AmountError:
            result.fte_errors.add(year)
            continue
        if value:
            result.fte[year] = value
    return result


def post_data(world: World, grid: Grid, version: int) -> dict[str, str]:
    data = {"unit": grid.unit, "rows": str(len(grid.rows)), "version": str(version)}
    for index, (kind, row_cells) in enumerate(grid.rows):
        data[f"area-{index}"] = area_value(world, kind)
        for year, cell in zip(YEARS, row_cells, strict=True):
            data[f"amount-{index}-{year}"] = cell.text
    for year, text in zip(YEARS, grid.fte, strict=True):
        data[f"fte-{year}"] = text
    return data


def saved(proposal_id: int) -> tuple[dict[tuple[int, int], int], dict[int, Decimal]]:
    effects = Effect.objects.filter(proposal_id=proposal_id)
    staff = StaffEffect.objects.filter(proposal_id=proposal_id)
    return (
        {(e.service_area_id, e.year): e.amount for e in effects},
        {s.year: s.fte for s in staff},
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(grid=grids())
@example(grid=Grid("tkr", (("schools", cells_of("-1.500", "abc")),), ("",) * 4))
@example(grid=Grid("kr", (("blank", cells_of("", " ")),), ("", "2,5", "", "")))
@example(grid=Grid("kr", (("schools", cells_of("\x00", "1")),), ("",) * 4))
def test_any_grid_is_saved_whole_to_the_krone_or_not_at_all_with_danish_errors_at_the_cells(
    client, world: World, grid: Grid
) -> None:
    client.force_login(world.owner)
    want = expected(world, grid)
    event("saved" if want.valid else "refused")
    with transaction.atomic():
        proposal = create_proposal(
            world.round,
            world.children,
            world.owner,
            effects={(world.schools, 2027): -100_000, (world.elderly, 2030): 5},
            fte={2028: Decimal("1.5")},
        )
        before = saved(proposal.pk)
        url = reverse("proposal_effects", args=[proposal.public_id])
        response = client.post(url, post_data(world, grid, proposal.version))
        if want.valid:
            assert response.status_code == 302
            assert saved(proposal.pk) == (want.amounts, want.fte)
        else:
            assert response.status_code == 422
            assert saved(proposal.pk) == before  # nothing, not even the good cells
            shown = response.context["grid"]
            errors = {
                (row.index, year): message
                for row in shown.rows
                for year, message in row.errors.items()
            }
            assert errors == want.cell_errors
            assert {row.index for row in shown.rows if row.area_error} == want.area_errors
            assert set(shown.fte_errors) == want.fte_errors
            html = response.content.decode()
            for (index, year), message in want.cell_errors.items():
                assert f'id="amount-{index}-{year}-error"' in html
                assert escape(message) in html
            area_errors = [row.area_error for row in shown.rows if row.area_error]
            assert_danish([*errors.values(), *area_errors, *shown.fte_errors.values()])
            # What was typed is kept in the page, even where it is wrong.
            assert [[row.values[year] for year in YEARS] for row in shown.rows] == [
                [cell.text for cell in row_cells] for _kind, row_cells in grid.rows
            ]
        transaction.set_rollback(True)
