"""Setting the visibility (refusals in Danish, nothing saved), the marks in the PDF and Excel
files, and a cached PDF never outliving a release or a restriction."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from raaderum.communication.models import Event
from raaderum.confidentiality import rules, visibility
from raaderum.confidentiality.tests.helpers import NOW, RELEASE, create_levels
from raaderum.organisation.models import Membership
from raaderum.publication.models import CatalogPdf, CatalogVersion
from raaderum.publication.tests.helpers import fill_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pinned():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def levels(world):
    return create_levels(world)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"visibility": "confidential", "release_date": "2027-09-14"},
            "Frigivelsesdatoen skal ligge efter i dag. Vælg »Offentlig« for at frigive det nu.",
        ),
        (
            {"visibility": "internal", "release_date": "2027-10-01"},
            "Kun fortroligt materiale har en frigivelsesdato.",
        ),
        (
            {"visibility": "public", "release_date": "2027-10-01"},
            "Kun fortroligt materiale har en frigivelsesdato.",
        ),
        ({"visibility": "confidential", "release_date": "1. oktober"}, "Skriv datoen som"),
    ],
)
def test_a_bad_release_date_is_refused_next_to_the_field_and_nothing_is_saved(
    client, world, levels, data, message
):
    client.force_login(world.budget_officer)
    url = reverse("catalog_visibility", args=[levels.round.public_id, 3])
    response = client.post(url, data)
    assert response.status_code == 422
    page = response.content.decode()
    field = page.split('id="id_release_date-error"')[1]
    assert message in field.split("</span>", 2)[1] or message in field
    version = CatalogVersion.objects.get(pk=levels.confidential.pk)
    assert (version.visibility, version.release_date) == ("confidential", None)


def test_the_publish_form_refuses_a_past_release_date_and_publishes_nothing(client, world):
    fill_catalog(world, 1)
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("catalog_versions", args=[world.round.public_id]),
        {"note": "", "visibility": "confidential", "release_date": "2027-01-01"},
    )
    assert response.status_code == 422
    assert "Frigivelsesdatoen skal ligge efter i dag." in response.content.decode()
    assert not CatalogVersion.objects.exists()
    response = client.post(
        reverse("catalog_versions", args=[world.round.public_id]),
        {"note": "", "visibility": "confidential", "release_date": "2027-10-01"},
    )
    assert response.status_code == 302
    assert CatalogVersion.objects.get().release_date == RELEASE


def test_the_budget_office_releases_a_version_and_it_is_recorded(client, world, levels):
    client.force_login(world.budget_officer)
    url = reverse("catalog_visibility", args=[levels.round.public_id, 3])
    response = client.post(url, {"visibility": "confidential", "release_date": "2027-10-01"})
    assert response.status_code == 302
    version = CatalogVersion.objects.get(pk=levels.confidential.pk)
    assert (version.visibility, version.release_date) == ("confidential", RELEASE)
    assert Event.objects.filter(verb="visibility").latest("pk").text == (
        "Bente Testesen satte synligheden af version 3 af kataloget til "
        "»Fortrolig for politikerne« indtil 1. oktober 2027."
    )


def test_only_the_budget_office_sets_visibility(client, world, levels):
    client.force_login(world.director)
    url = reverse("catalog_visibility", args=[levels.round.public_id, 3])
    assert client.post(url, {"visibility": "public"}).status_code == 403
    url = reverse("proposal_visibility", args=[levels.a.public_id])
    assert client.post(url, {"visibility": "internal"}).status_code == 403
    assert CatalogVersion.objects.get(pk=levels.confidential.pk).visibility == "confidential"


def test_a_proposal_s_visibility_is_in_its_history(client, world, levels):
    client.force_login(world.budget_officer)
    url = reverse("proposal_visibility", args=[levels.a.public_id])
    assert client.post(url, {"visibility": "internal"}).status_code == 302
    latest = levels.a.history.first()
    assert (latest.visibility, latest.history_user) == ("internal", world.budget_officer)


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_pdf_is_marked_on_every_page_and_a_release_makes_a_new_one(
    client, world, levels, django_capture_on_commit_callbacks
):
    client.force_login(world.politician)
    round_id = levels.round.public_id
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("catalog_pdf_make", args=[round_id, 3]))
    pages = pdf_pages(client.get(reverse("catalog_pdf", args=[round_id, 3])).content)
    assert len(pages) >= 3
    for text in pages:
        assert "FORTROLIGT – til byrådets medlemmer." in text
    assert "Navngivne ledere fratræder" not in "".join(pages)  # internal: not for politicians
    # Released: the marked file is no longer served; a new, unmarked one is made.
    levels.confidential.round = levels.round
    from raaderum.confidentiality.actions import do_set_version_visibility

    do_set_version_visibility(
        levels.confidential, level="public", release_date=None, user=world.budget_officer
    )
    # The proposals C (confidential) is still in it for the politician: still marked.
    page = client.get(reverse("catalog_version", args=[round_id, 3]))
    assert page.context["pdf"] is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("catalog_pdf_make", args=[round_id, 3]))
    assert CatalogPdf.objects.filter(version=levels.confidential).count() == 2


def test_the_public_gets_an_unmarked_pdf_without_the_restricted_proposals(
    client, world, levels, django_capture_on_commit_callbacks
):
    url = reverse("public_catalog_pdf", args=[world.municipality.slug, levels.round.public_id, 1])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).status_code == 202  # being made
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = "".join(pdf_pages(response.content))
    assert "Åbent forslag om parkering" in text and "Frigivet forslag om lys" in text
    assert "FORTROLIGT" not in text and "INTERNT" not in text
    assert "Fortroligt om plejecentre" not in text and "Navngivne ledere" not in text


def test_the_excel_file_is_marked_in_its_first_rows_and_printed_header(client, world, levels):
    client.force_login(world.budget_officer)
    response = client.get(reverse("catalog_excel", args=[levels.round.public_id, 2]))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Katalog"]
    assert sheet["A3"].value == "INTERNT – kun til administrationen."
    assert sheet.oddHeader.center.text == "INTERNT – kun til administrationen."
    assert workbook["Effekter"].oddHeader.center.text == "INTERNT – kun til administrationen."
    client.force_login(world.politician)
    response = client.get(reverse("catalog_excel", args=[levels.round.public_id, 3]))
    sheet = load_workbook(io.BytesIO(response.content))["Katalog"]
    assert sheet["A3"].value == "FORTROLIGT – til byrådets medlemmer."
    codes = {sheet.cell(row, 1).value for row in range(5, sheet.max_row + 1)}
    b_code = levels.confidential.proposals.get(proposal=levels.b).code
    assert b_code not in codes


@pytest.mark.parametrize("role", ["budget_office", "politician", "reader"])
def test_the_toggle_query_answers_as_the_orm(world, levels, role):
    user = world.personas()[role]
    for version in (levels.public, levels.internal, levels.confidential):
        state = visibility.toggle_state(user.pk, world.municipality.pk, version.pk)
        assert state.role == Membership.objects.get(user=user).role
        assert state.version_level == visibility.version_level(version)
        restricted = version.proposals.exclude(proposal__visibility=rules.AS_CATALOG).exists()
        assert state.restricted is restricted
    state = visibility.toggle_state(world.outsider.pk, world.municipality.pk, levels.public.pk)
    assert state.role is None
