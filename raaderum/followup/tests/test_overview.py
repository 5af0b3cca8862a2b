"""The overview and the political report: the same figures, to the krone.

Assessed (approved): BU-01 2027 1.100.000 of 1.000.200 (exceeded), BU-01 2028 1.000.000 of
1.234.567, SU-01 2027 the outlay −400.000 as expected. BU-02 2028 is submitted, not approved:
it does not count. Expected over every year: 4.968.099; in the assessed years 1.834.767,
realised 1.700.000, a rate of 92,66 % shown as 93 %.
"""

import re
import shutil
import subprocess
from fractions import Fraction

import pytest
from django.urls import reverse

from raaderum.followup.realisation import Totals
from raaderum.followup.tests.helpers import adopt, assess
from raaderum.lib.money import format_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(world):
    adopt(world)
    assess(world, "BU-01", 2027, 1_100_000, status="exceeded", learning="Vikarpuljen virker.")
    assess(world, "BU-01", 2028, 1_000_000, status="at_risk")
    assess(world, "SU-01", 2027, -400_000)
    assess(world, "BU-02", 2028, 0, status="not_realised", approve=False)
    return world


def url(world, **query):
    base = reverse("followup_overview", args=[world.municipality.slug])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_overview_totals_by_year_type_committee_and_round(client, assessed):
    client.force_login(assessed.politician)
    response = client.get(url(assessed))
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview.total == Totals(
        4_968_099, 1_834_767, 1_700_000, Fraction(1_700_000, 1_834_767), 3
    )
    assert overview.percent == 93
    assert {
        year: (t.expected, t.assessed_expected, t.realised) for year, t in overview.by_year.items()
    } == {
        2027: (600_200, 600_200, 700_000),
        2028: (3_234_567, 1_234_567, 1_000_000),
        2029: (1_233_333, 0, 0),
        2030: (-100_001, 0, 0),
    }
    assert [(g.label, g.percent) for g in overview.by_type] == [
        ("Besparelse", 94),
        ("Investering", None),
    ]
    assert [(g.label, g.percent) for g in overview.by_committee] == [
        ("Børne- og Ungdomsudvalget", 94),
        ("Social- og Sundhedsudvalget", None),
    ]
    assert [(g.label, g.percent) for g in overview.by_round] == [("Budget 2027–2030", 93)]
    page = response.content.decode()
    for figure in ("4.968.099", "1.834.767", "1.700.000", "93 %", "117 %", "81 %", "94 %"):
        assert figure in page
    assert 'role="img"' in page and "<table" in page  # each chart carries its table
    assert "style=" not in page  # the CSP forbids style attributes


def test_the_committee_filter(client, assessed):
    client.force_login(assessed.reader)
    overview = client.get(url(assessed, committee="SU")).context["overview"]
    assert [row.initiative.published.code for row in overview.rows] == ["SU-01"]
    assert overview.total == Totals(500_000, -400_000, -400_000, None, 1)
    # An unknown committee is ignored, not an error.
    assert len(client.get(url(assessed, committee="XX")).context["overview"].rows) == 3


def test_the_query_count_does_not_grow_with_the_initiatives(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from raaderum.decisions.tests.helpers import decide

    two = {"BU-01": "adopted", "BU-02": "rejected", "BU-03": "rejected", "SU-01": "adopted"}
    agreement = adopt(world, {code: {"outcome": outcome} for code, outcome in two.items()})
    client.force_login(world.budget_officer)
    client.get(url(world))  # warm the session and the membership
    with CaptureQueriesContext(connection) as two_initiatives:
        assert client.get(url(world)).status_code == 200
    decide(world, agreement.version, {code: {"outcome": "adopted"} for code in two})
    assess(world, "BU-01", 2027, 1_100_000)
    assess(world, "BU-03", 2028, 700_000)
    assess(world, "SU-01", 2027, -400_000)
    with CaptureQueriesContext(connection) as four_initiatives:
        response = client.get(url(world))
    assert len(response.context["overview"].rows) == 4
    assert len(four_initiatives) == len(two_initiatives) <= 12


def pdf_text(tmp_path, content):
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        capture_output=True,
        check=True,
        text=True,
    ).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
@pytest.mark.parametrize("query", [{}, {"committee": "BU"}])
def test_the_report_has_the_overviews_totals_to_the_krone(client, assessed, tmp_path, query):
    client.force_login(assessed.politician)
    overview = client.get(url(assessed, **query)).context["overview"]
    response = client.get(
        reverse("followup_report_pdf_file", args=[assessed.municipality.slug])
        + ("?committee=BU" if query else "")
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="opfoelgning-')
    text = pdf_text(tmp_path, response.content)
    total = overview.total
    row = re.search(r"I alt\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+) %", text)
    assert row is not None, text
    assert row.groups() == (
        format_number(total.expected),
        format_number(total.assessed_expected),
        format_number(total.realised),
        str(overview.percent),
    )
    for year, totals in overview.by_year.items():
        assert re.search(rf"{year}\s+{re.escape(format_number(totals.expected))}\s", text)
    if query:
        assert "Børne- og Ungdomsudvalget" in text and "SU-01" not in text
        assert row.groups() == ("4.468.099", "2.234.767", "2.100.000", "94")
    else:
        assert row.groups() == ("4.968.099", "1.834.767", "1.700.000", "93")
        assert "Rapport til kommunalbestyrelsen" in text
    # Assessments and what was learned, of approved years only.
    assert "Vikarpuljen virker." in text
    assert "Vurdering af BU-02 2028." not in text
