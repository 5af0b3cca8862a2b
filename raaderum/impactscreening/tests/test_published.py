"""Published versions carry the screening frozen; the catalog and the simulator filter by it."""

import re
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raaderum.impactscreening.models import PublishedAssessment
from raaderum.impactscreening.tests.helpers import answer, screened_catalog
from raaderum.publication.catalog import build_published_catalog
from raaderum.publication.pdf import catalog_html, render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def screened(world):
    return screened_catalog(world)


def version_url(screened, **params):
    version = screened.version
    url = reverse("catalog_version", args=[version.round.public_id, version.number])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def codes_listed(html):
    return re.findall(r'<td class="nowrap">([A-Z]{2}-\d\d)</td>', html)


def test_every_active_question_is_frozen_for_every_published_proposal(screened):
    rows = PublishedAssessment.objects.filter(published__version=screened.version)
    assert rows.count() == 4 * 4
    climate = {
        row.published.code: (row.score, row.text)
        for row in rows.filter(question=screened.questions.climate).select_related("published")
    }
    assert climate == {
        "BU-01": (-2, "Flere kører eleverne i bil."),
        "BU-02": (2, "60 % mindre strøm."),
        "SU-01": (0, ""),
        "SU-02": (None, ""),
    }


def test_a_later_change_to_an_answer_or_a_question_does_not_change_the_version(
    client, world, screened
):
    answer(screened.negative, screened.questions.climate, 1, "Nu med elbusser.", world.owner)
    screened.questions.climate.title = "CO2"
    screened.questions.climate.save()
    client.force_login(world.politician)
    version = screened.version
    page = reverse("published_proposal", args=[version.round.public_id, version.number, "BU-01"])
    html = client.get(page).content.decode()
    assert "Flere kører eleverne i bil." in html and "Klart negativ" in html
    assert "Nu med elbusser." not in html and "CO2</strong>" not in html
    catalog = client.get(version_url(screened)).content.decode()
    assert "Klima: klart negativ" in catalog and "Klima: lidt positiv" not in catalog


def test_the_catalog_shows_a_labelled_marker_per_question(client, world, screened):
    client.force_login(world.politician)
    html = client.get(version_url(screened)).content.decode()
    assert (
        '<span class="impact-badge impact-negative"><span class="impact-sign" '
        'aria-hidden="true">−</span> Klima: klart negativ</span>' in html
    )
    assert "Medarbejdere: lidt negativ" in html
    assert "Klima: ikke vurderet" in html  # SU-02
    assert '<option value="' + str(screened.questions.climate.public_id) + ':negative">' in html


@pytest.mark.parametrize(
    ("band", "codes"),
    [
        ("negative", ["BU-01"]),
        ("positive", ["BU-02"]),
        ("none", ["SU-01"]),
        ("not_assessed", ["SU-02"]),
    ],
)
def test_the_catalog_filter_lists_exactly_the_matching_proposals(
    client, world, screened, band, codes
):
    client.force_login(world.politician)
    key = screened.questions.climate.public_id
    response = client.get(version_url(screened, screening=f"{key}:{band}"))
    html = response.content.decode()
    assert codes_listed(html) == codes
    assert "Viser 1 af 4 forslag: Klima: " in html


def test_the_filter_totals_are_for_the_proposals_shown(client, world, screened):
    client.force_login(world.politician)
    key = screened.questions.staff.public_id
    response = client.get(version_url(screened, screening=f"{key}:not_assessed"))
    assert codes_listed(response.content.decode()) == ["BU-02", "SU-01", "SU-02"]
    catalog = response.context["catalog"]
    assert catalog.total[2028] == 2_000_000 + 4_000_000 + 8_000_000


def test_an_unknown_filter_is_ignored(client, world, screened):
    client.force_login(world.politician)
    for value in ("nonsense", f"{screened.questions.climate.public_id}:awful", "x:negative"):
        html = client.get(version_url(screened, screening=value)).content.decode()
        assert codes_listed(html) == ["BU-01", "BU-02", "SU-01", "SU-02"]


def test_the_catalog_reads_the_screening_in_one_query(client, world, screened):
    client.force_login(world.politician)
    client.get(version_url(screened))
    with CaptureQueriesContext(connection) as queries:
        client.get(version_url(screened))
    screening = [q for q in queries if "impactscreening_publishedassessment" in q["sql"]]
    assert len(screening) == 1


def simulator_url(screened):
    version = screened.version
    return reverse("simulator", args=[version.round.public_id, version.number])


def test_the_simulator_filters_the_list_and_keeps_hidden_choices(client, world, screened):
    client.force_login(world.politician)
    key = screened.questions.climate.public_id
    response = client.post(
        simulator_url(screened), {"chosen": ["BU-01", "SU-01"], "screening": f"{key}:positive"}
    )
    html = response.content.decode()
    boxes = re.findall(r'<input type="checkbox" class="form-checkbox" id="c-([A-Z]{2}-\d\d)"', html)
    assert boxes == ["BU-02"]
    assert '<input type="hidden" name="chosen" value="BU-01">' in html
    assert '<input type="hidden" name="chosen" value="SU-01">' in html
    assert "Viser 1 forslag: Klima: positiv." in html
    # The selection is unchanged by the filter: still BU-01 and SU-01.
    assert response.context["selection"].codes == ["BU-01", "SU-01"]


def test_the_simulator_shows_the_screening_profile_of_the_chosen(client, world, screened):
    client.force_login(world.politician)
    version = screened.version
    toggle = reverse("simulator_totals", args=[version.round.public_id, version.number])
    response = client.post(
        toggle, {"chosen": "BU-01\nBU-02\nSU-02"}, headers={"HX-Request": "true"}
    )
    html = re.sub(r"\s+", " ", response.content.decode())
    assert "Konsekvensscreening af de valgte forslag (antal forslag)" in html
    # Negative, no significance, positive, not assessed.
    assert (
        '<tr><th scope="row">Klima</th><td class="amount">1</td><td class="amount">0</td>'
        '<td class="amount">1</td><td class="amount">1</td></tr>' in html
    )
    assert (
        '<tr><th scope="row">Medarbejdere</th><td class="amount">1</td><td class="amount">0</td>'
        '<td class="amount">0</td><td class="amount">2</td></tr>' in html
    )


def test_the_pdf_has_a_screening_table_per_proposal(world, screened, tmp_path):
    html = catalog_html(build_published_catalog(screened.version))
    assert html.count('<table class="screening">') == 4
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    content, _pages = render_pdf(html)
    path = tmp_path / "catalog.pdf"
    path.write_bytes(content)
    text = subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    assert flat.count("Spørgsmål Vurdering Begrundelse") == 4
    assert "Klima Klart negativ Flere kører eleverne i bil." in flat
    assert "Medarbejdere Lidt negativ Færre lærere." in flat
    assert "Klima Ikke vurderet –" in flat


def test_the_excel_export_has_a_screening_sheet(client, world, screened):
    import io

    from openpyxl import load_workbook

    client.force_login(world.politician)
    version = screened.version
    response = client.get(reverse("catalog_excel", args=[version.round.public_id, version.number]))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Konsekvensscreening"]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0] == ("Nummer", "Forslag", "Spørgsmål", "Vurdering", "Begrundelse")
    assert len(rows) == 1 + 4 * 4
    assert (
        "BU-01",
        "Større klasser",
        "Klima",
        "Klart negativ",
        "Flere kører eleverne i bil.",
    ) in rows
    assert ("SU-02", "Rengøring", "Klima", "Ikke vurderet", None) in rows
