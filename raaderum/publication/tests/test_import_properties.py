"""Property-based tests of the proposal import (the Excel template), through the page.

Generated workbooks have good rows (all proposals and effects must be created, to the krone, in
the unit and sign chosen), rows bad in a known way (nothing is created and that cell is named)
and wild rows (any cell values: all or nothing). Any other bytes, and real workbooks cut short or
overwritten, change nothing and get a Danish error. Each example runs in a savepoint that is
rolled back.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from raaderum.communication.models import Event
from raaderum.lib import money
from raaderum.lib.tests.danish import assert_danish
from raaderum.proposals.models import Effect, Proposal
from raaderum.publication import imports
from raaderum.test import World

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
YEARS = (2027, 2028, 2029, 2030)
# Area names as people write them -> the area (attribute of World) they mean.
AREA_NAMES = {
    "Folkeskoler": "schools",
    "BU: Folkeskoler": "schools",
    "dagtilbud ": "daycare",
    "Ældreområdet": "elderly",
    "su:  ældreområdet": "elderly",
}
COMMITTEES = {"BU": "children", "bu": "children", "SU": "social"}
OWNERS = ("ole", "OLE", "bente", "dorte")  # an owner, the budget office, a director
TYPES = {name: value for name, value in imports.TYPE_NAMES.items()} | {"Besparelse": "saving"}

words = st.text(
    # Not what XML cannot hold: control characters, surrogates, U+FFFE and U+FFFF.
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() != "")
cell_values = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)


@dataclass(frozen=True)
class Sheet:
    rows: tuple[tuple[object, ...], ...]
    kinds: tuple[str, ...]  # "good", "bad" or "wild", per row


@dataclass(frozen=True)
class Upload:
    proposals: Sheet
    effects: Sheet
    unit: str
    sign: str
    # What the good rows must become: (title, committee, type, owner) -> {(area, year): kr}.
    expected: tuple[tuple[tuple[str, str, str, str], tuple[tuple[str, int, int], ...]], ...]


@st.composite
def uploads(draw: st.DrawFn) -> Upload:
    unit = draw(st.sampled_from(list(money.UNITS)))
    sign = draw(st.sampled_from([imports.ACCOUNTS_SIGN, imports.CATALOG_SIGN]))
    mixed = draw(st.booleans())  # half the files are all good
    proposals: list[tuple[object, ...]] = []
    proposal_kinds: list[str] = []
    expected: dict[int, tuple[tuple[str, str, str, str], dict[tuple[str, int], int]]] = {}
    for key in range(1, draw(st.integers(1, 4)) + 1):
        title = draw(words)
        committee = draw(st.sampled_from(sorted(COMMITTEES)))
        type_name = draw(st.sampled_from(sorted(TYPES)))
        owner = draw(st.sampled_from(OWNERS))
        proposals.append(
            (draw(st.sampled_from([key, str(key)])), title, committee, type_name, owner)
        )
        proposal_kinds.append("good")
        described = (title.strip(), COMMITTEES[committee], TYPES[type_name], owner.lower())
        expected[key] = (described, {})
    good_keys = sorted(expected)
    effects: list[tuple[object, ...]] = []
    effect_kinds: list[str] = []
    cells = st.tuples(
        st.sampled_from(good_keys), st.sampled_from(sorted(AREA_NAMES)), st.sampled_from(YEARS)
    )
    for key, area_name, year in draw(
        st.lists(cells, max_size=8, unique_by=lambda c: (c[0], AREA_NAMES[c[1]], c[2]))
    ):
        value = draw(st.integers(-(10**9), 10**9))
        written: object = draw(st.sampled_from([value, money.format_number(value), str(value)]))
        effects.append((key, area_name, draw(st.sampled_from([year, str(year)])), written))
        effect_kinds.append("good")
        kroner = value * money.UNITS[unit] * (-1 if sign == imports.CATALOG_SIGN else 1)
        if kroner:
            expected[key][1][(AREA_NAMES[area_name], year)] = kroner
    if mixed:
        bad_proposals = [
            (90, "", "BU", "besparelse", "ole"),  # no title
            (91, "Titel", "XX", "besparelse", "ole"),  # no such committee
            (92, "Titel", "BU", "spareforslag", "ole"),  # no such type
            (93, "Titel", "BU", "besparelse", "pia"),  # a politician owns no proposal
            (good_keys[0], "Titel", "BU", "besparelse", "ole"),  # the number is taken
        ]
        bad_effects: list[tuple[object, ...]] = [
            (good_keys[0], "Folkeskoler", 2026, 1),  # outside the period
            (good_keys[0], "Svømmehaller", 2027, 1),  # no such area
            (999, "Folkeskoler", 2027, 1),  # no such proposal
            (good_keys[0], "Folkeskoler", 2027, "abc"),  # not an amount
            (good_keys[0], "Folkeskoler", 2027, 0.0005),  # half a krone in t.kr., less in kr.
        ]
        for bad in draw(st.lists(st.sampled_from(bad_proposals), max_size=2)):
            proposals.append(bad)
            proposal_kinds.append("bad")
        for bad_effect in draw(st.lists(st.sampled_from(bad_effects), max_size=2)):
            effects.append(bad_effect)
            effect_kinds.append("bad")
        for _ in range(draw(st.integers(0, 2))):
            proposals.append(draw(st.tuples(*[cell_values] * 6)))
            proposal_kinds.append("wild")
        for _ in range(draw(st.integers(0, 2))):
            effects.append(draw(st.tuples(*[cell_values] * 4)))
            effect_kinds.append("wild")
    return Upload(
        Sheet(tuple(proposals), tuple(proposal_kinds)),
        Sheet(tuple(effects), tuple(effect_kinds)),
        unit,
        sign,
        tuple(
            (described, tuple(sorted((a, y, kr) for (a, y), kr in amounts.items())))
            for described, amounts in expected.values()
        ),
    )


def workbook(upload: Upload) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = imports.PROPOSALS_SHEET
    sheet.append(list(imports.PROPOSAL_COLUMNS.values()))
    for row in upload.proposals.rows:
        sheet.append(list(row))
    other = book.create_sheet(imports.EFFECTS_SHEET)
    other.append(list(imports.EFFECT_COLUMNS.values()))
    for row in upload.effects.rows:
        other.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def url(world: World) -> str:
    return reverse("proposal_import", args=[world.round.public_id])


def snapshot() -> tuple[int, int, int]:
    return Proposal.objects.count(), Effect.objects.count(), Event.objects.count()


def created(world: World) -> Counter[tuple[tuple[str, str, str, str], tuple[object, ...]]]:
    areas = {getattr(world, name).pk: name for name in ("schools", "daycare", "elderly")}
    committees = {world.children.pk: "children", world.social.pk: "social"}
    result: Counter[tuple[tuple[str, str, str, str], tuple[object, ...]]] = Counter()
    for proposal in Proposal.objects.select_related("owner").prefetch_related("effects"):
        described = (
            proposal.title,
            committees[proposal.committee_id],
            proposal.type,
            proposal.owner.username,
        )
        effects = sorted(
            (areas[e.service_area_id], e.year, e.amount) for e in proposal.effects.all()
        )
        result[(described, tuple(effects))] += 1
    return result


def shown_errors(response) -> list[str]:
    form = response.context["form"]
    messages = [message for errors in form.errors.values() for message in errors]
    return messages + [error.message for error in response.context["errors"]]


@SETTINGS
@given(upload=uploads())
def test_a_workbook_is_imported_whole_to_the_krone_or_not_at_all(
    client, world: World, upload: Upload
) -> None:
    cells = [c for s in (upload.proposals, upload.effects) for row in s.rows for c in row]
    assume(not any(isinstance(c, str) and ILLEGAL_CHARACTERS_RE.search(c) for c in cells))
    # openpyxl writes text starting with "=" as a formula, whose value only Excel computes.
    good = [
        row
        for sheet in (upload.proposals, upload.effects)
        for row, kind in zip(sheet.rows, sheet.kinds, strict=True)
        if kind == "good"
    ]
    assume(not any(isinstance(c, str) and c.startswith("=") for row in good for c in row))
    client.force_login(world.budget_officer)
    kinds = set(upload.proposals.kinds) | set(upload.effects.kinds)
    with transaction.atomic():
        before = snapshot()
        file = SimpleUploadedFile("forslag.xlsx", workbook(upload))
        data = {"file": file, "unit": upload.unit, "sign": upload.sign}
        response = client.post(url(world), data)
        if response.status_code == 302:
            event("imported")
            assert kinds <= {"good", "wild"}
            if kinds == {"good"}:
                assert created(world) == Counter(upload.expected)
            assert Proposal.objects.count() > before[0]
            assert Effect.objects.count() >= before[1]
        else:
            event("refused")
            assert response.status_code == 422
            assert kinds != {"good"}, shown_errors(response)
            assert snapshot() == before  # not one proposal, effect or event
            assert_danish(shown_errors(response))
            named = {(error.sheet, error.row) for error in response.context["errors"]}
            for sheet, rows in (
                (imports.PROPOSALS_SHEET, upload.proposals),
                (imports.EFFECTS_SHEET, upload.effects),
            ):
                for number, kind in enumerate(rows.kinds, start=2):
                    if named and kind == "bad":
                        assert (sheet, number) in named
        transaction.set_rollback(True)


GOOD = workbook(
    Upload(
        Sheet(((1, "Færre vikarer", "BU", "besparelse", "ole"),), ("good",)),
        Sheet(((1, "Folkeskoler", 2027, 250),), ("good",)),
        "tkr",
        imports.CATALOG_SIGN,
        (),
    )
)


def with_member(workbook: bytes, member: str, content: bytes) -> bytes:
    """The workbook with one of its files replaced: a damage only a full reader notices."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, content if name == member else source.read(name))
    return out.getvalue()


@SETTINGS
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=3000).map(lambda tail: imports.XLSX_MAGIC + tail),
        st.integers(0, len(GOOD) - 1).map(lambda n: GOOD[:n]),
        st.tuples(st.integers(0, len(GOOD) - 1), st.binary(min_size=1, max_size=64)).map(
            lambda cut: GOOD[: cut[0]] + cut[1] + GOOD[cut[0] + len(cut[1]) :]
        ),
    )
)
@example(content=with_member(GOOD, "xl/worksheets/sheet1.xml", b"<<<"))
@example(content=with_member(GOOD, "xl/workbook.xml", b"<a/>"))
def test_any_bytes_uploaded_change_nothing_unless_they_are_a_good_workbook(
    client, world: World, content: bytes
) -> None:
    client.force_login(world.budget_officer)
    with transaction.atomic():
        before = snapshot()
        upload = SimpleUploadedFile("forslag.xlsx", content)
        response = client.post(url(world), {"file": upload, "unit": "tkr", "sign": "catalog"})
        if response.status_code == 302:  # an overwritten stretch the workbook did not need
            event("imported")
            assert Proposal.objects.get().title == "Færre vikarer"
            assert Effect.objects.get().amount == -250_000
        else:
            event("refused")
            assert response.status_code == 422
            assert snapshot() == before
            assert_danish(shown_errors(response))
        transaction.set_rollback(True)
