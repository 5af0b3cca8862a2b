"""Property-based tests of the statistics upload (REGK31 CSV), through the page.

Generated files hold good lines from the shipped sample (all must be stored, in kroner), lines
bad in a known way (nothing is stored, and the page says why) and wild lines (any text: all or
nothing). Any other bytes change nothing. Every message shown is Danish. Each example runs in a
savepoint that is rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from raaderum.benchmark.models import Dataset, PopulationFigure, SpendingFigure
from raaderum.benchmark.statbank import kontoplan_function
from raaderum.benchmark.tests.stub_server import FILES
from raaderum.lib.tests.danish import assert_danish
from raaderum.test import World

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER, *SAMPLE = FILES["REGK31"].read_text("utf-8-sig").splitlines()
BAD_LINES = (
    "996;32201;1;TOT;LOBM;2023;100",  # no such kommune
    "306;32201;1;TOT;LOBM;2023;mange",  # not a number
    "306;32201;1;TOT;LOBM;2023",  # a column short
    "306;32201;1;TOT;LOBM;23;100",  # not a year
)


@dataclass(frozen=True)
class Line:
    text: str
    kind: str  # "good", "bad" or "wild"


good = st.lists(st.sampled_from(SAMPLE), min_size=1, max_size=8, unique=True).map(
    lambda lines: [Line(text, "good") for text in lines]
)
wild = st.lists(st.text(max_size=12), min_size=1, max_size=8).map(lambda cells: ";".join(cells))
mixed = st.lists(
    st.one_of(
        st.sampled_from(SAMPLE).map(lambda text: Line(text, "good")),
        st.sampled_from(BAD_LINES).map(lambda text: Line(text, "bad")),
        wild.filter(lambda text: "\n" not in text and "\r" not in text).map(
            lambda text: Line(text, "wild")
        ),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda line: line.text,  # a line twice is a known error, tested by the example
)


def snapshot() -> tuple[int, int, int]:
    return Dataset.objects.count(), SpendingFigure.objects.count(), PopulationFigure.objects.count()


def url(world: World) -> str:
    return reverse("benchmark_data", args=[world.municipality.slug])


def shown_errors(response) -> list[str]:
    form = response.context["upload_form"]
    return [m for errors in form.errors.values() for m in errors] + response.context["problems"]


def expected_figures(lines: list[Line]) -> set[tuple[int, str, int, int]]:
    figures = set()
    for line in lines:
        kommune, function, _dranst, _art, _prices, year, value = line.text.split(";")
        code = kontoplan_function(function)
        assert code is not None
        figures.add((int(kommune), code, int(year), int(value) * 1000))  # 1.000 kr. → kr.
    return figures


@SETTINGS
@given(lines=st.one_of(good, mixed), bom=st.booleans())
@example(lines=[Line(SAMPLE[0], "good"), Line(SAMPLE[0], "bad")], bom=True)  # the same twice
def test_a_csv_file_is_stored_whole_in_kroner_or_not_at_all(
    client, world: World, lines: list[Line], bom: bool
) -> None:
    client.force_login(world.budget_officer)
    kinds = {line.kind for line in lines}
    content = ("\ufeff" if bom else "") + "\r\n".join([HEADER, *(line.text for line in lines)])
    with transaction.atomic():
        before = snapshot()
        upload = SimpleUploadedFile("REGK31.csv", content.encode("utf-8"), "text/csv")
        response = client.post(url(world), {"file": upload, "note": ""})
        if response.status_code == 302:
            event("stored")
            assert "bad" not in kinds
            assert snapshot()[0] == before[0] + 1
            if kinds == {"good"}:
                stored = set(
                    SpendingFigure.objects.values_list("kommune", "function", "year", "amount")
                )
                assert stored == expected_figures(lines)
        else:
            event("refused")
            assert response.status_code == 422
            assert kinds != {"good"}, shown_errors(response)
            assert snapshot() == before
            assert_danish(shown_errors(response))
        transaction.set_rollback(True)


@SETTINGS
@given(
    content=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=300).map(lambda text: text.encode("utf-8")),
        st.binary(max_size=300).map(lambda tail: HEADER.encode("utf-8") + b"\r\n" + tail),
    )
)
@example(content=b"")
@example(content=b"\xef\xbb\xbf")
@example(content="OMRÅDE;FUNKTION".encode("cp1252"))
def test_any_bytes_uploaded_store_nothing_unless_they_are_a_good_table(
    client, world: World, content: bytes
) -> None:
    client.force_login(world.budget_officer)
    with transaction.atomic():
        before = snapshot()
        upload = SimpleUploadedFile("statistik.csv", content, "text/csv")
        response = client.post(url(world), {"file": upload, "note": ""})
        if response.status_code == 302:
            event("stored")
            assert snapshot()[0] == before[0] + 1
        else:
            event("refused")
            assert response.status_code == 422
            assert snapshot() == before
            assert_danish(shown_errors(response))
        transaction.set_rollback(True)
