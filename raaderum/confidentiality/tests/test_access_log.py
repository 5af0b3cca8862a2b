"""The access log: one row per view or download of material that is not public, who/what/level,
none for public material; the budget office's page, filters and exports for aktindsigt."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.confidentiality.actions import do_set_proposal_visibility
from raaderum.confidentiality.models import AccessRecord
from raaderum.confidentiality.tests.helpers import NOW, create_levels
from raaderum.organisation import personal_log

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pinned():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def levels(world):
    return create_levels(world)


def rows():
    return list(
        AccessRecord.objects.order_by("pk").values_list(
            "username", "action", "kind", "label", "level", "path"
        )
    )


def test_a_view_of_a_confidential_version_is_logged_once_with_who_what_and_level(
    client, world, levels
):
    client.force_login(world.politician)
    url = reverse("catalog_version", args=[levels.round.public_id, 3])
    client.get(url + "?sort=code")
    assert rows() == [
        (
            "pia",
            "view",
            "catalog_version",
            "Budget 2028–2031, version 3",
            "confidential",
            url,  # the path without the query string
        )
    ]
    record = AccessRecord.objects.get()
    assert record.user == world.politician
    assert record.municipality == world.municipality
    assert record.at == NOW


def test_a_pdf_download_is_logged_with_its_mark(
    client, world, levels, django_capture_on_commit_callbacks
):
    client.force_login(world.politician)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("catalog_pdf_make", args=[levels.round.public_id, 3]))
    AccessRecord.objects.all().delete()
    response = client.get(reverse("catalog_pdf", args=[levels.round.public_id, 3]))
    assert response["Content-Type"] == "application/pdf"
    assert rows() == [
        (
            "pia",
            "download",
            "catalog_pdf",
            "Budget 2028–2031, version 3",
            "confidential",
            reverse("catalog_pdf", args=[levels.round.public_id, 3]),
        )
    ]


def test_public_material_is_not_logged(client, world, levels):
    client.force_login(world.politician)
    a_code = levels.public.proposals.get(proposal=levels.a).code
    client.get(reverse("published_proposal", args=[levels.round.public_id, 1, a_code]))
    assert rows() == []
    # Version 1 is public, but shows the politician C, confidential: logged.
    client.get(reverse("catalog_excel", args=[levels.round.public_id, 1]))
    assert [(r[2], r[4]) for r in rows()] == [("catalog_excel", "confidential")]
    AccessRecord.objects.all().delete()
    do_set_proposal_visibility(
        levels.c, level="catalog", release_date=None, user=world.budget_officer
    )
    client.get(reverse("catalog_excel", args=[levels.round.public_id, 1]))
    client.get(reverse("catalog_version", args=[levels.round.public_id, 1]))
    assert rows() == []
    # ... but version 1 with its confidential proposal C, read by the budget office, is.
    client.force_login(world.budget_officer)
    client.get(reverse("catalog_version", args=[levels.round.public_id, 1]))
    assert [row[4] for row in rows()] == ["internal"]  # B is internal and shown to the office


def test_the_excel_download_a_proposal_and_the_simulator_are_logged(client, world, levels):
    client.force_login(world.politician)
    c_code = levels.public.proposals.get(proposal=levels.c).code
    client.get(reverse("published_proposal", args=[levels.round.public_id, 1, c_code]))
    client.get(reverse("catalog_excel", args=[levels.round.public_id, 3]))
    client.get(reverse("simulator", args=[levels.round.public_id, 3]))
    assert [(r[1], r[2], r[4]) for r in rows()] == [
        ("view", "published_proposal", "confidential"),
        ("download", "catalog_excel", "confidential"),
        ("view", "simulator", "confidential"),
    ]
    assert rows()[0][3] == f"{c_code} Fortroligt om plejecentre (Budget 2028–2031, version 1)"


def test_a_live_proposal_held_back_is_logged_others_are_not(client, world, levels):
    client.force_login(world.reader)
    client.get(reverse("proposal_detail", args=[levels.a.public_id]))
    client.get(reverse("proposal_detail", args=[levels.b.public_id]))
    assert [(r[0], r[2], r[4]) for r in rows()] == [("lise", "proposal", "internal")]


def test_one_insert_per_view(client, world, levels, django_assert_num_queries):
    client.force_login(world.politician)
    url = reverse("catalog_version", args=[levels.round.public_id, 3])
    client.get(url)
    AccessRecord.objects.all().delete()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    inserts = [q["sql"] for q in queries if "confidentiality_accessrecord" in q["sql"]]
    assert len(inserts) == 1 and inserts[0].startswith("INSERT")


def test_the_budget_office_filters_and_exports_the_log(client, world, levels):
    client.force_login(world.politician)
    client.get(reverse("catalog_version", args=[levels.round.public_id, 3]))
    client.force_login(world.director)
    client.get(reverse("catalog_version", args=[levels.round.public_id, 2]))
    client.force_login(world.budget_officer)
    url = reverse("access_log", args=[world.municipality.slug])
    page = client.get(url).content.decode()
    assert "2 registreringer" in page
    assert "Pia Testesen (pia)" in page and "Dorte Testesen (dorte)" in page
    page = client.get(url, {"person": "pia"}).content.decode()
    assert "1 registrering" in page and "dorte" not in page.split("<table")[-1]
    page = client.get(url, {"item": "version 2"}).content.decode()
    assert "1 registrering" in page

    export = client.get(
        reverse("access_log_csv", args=[world.municipality.slug]), {"person": "pia"}
    )
    assert export["Content-Disposition"] == 'attachment; filename="adgangslog-norddjurs.csv"'
    lines = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert lines == [
        [
            "Tidspunkt",
            "Brugernavn",
            "Navn",
            "Handling",
            "Art",
            "Hvad",
            "Niveau på tidspunktet",
            "Adresse",
        ],
        [
            "2027-09-15 10:00:00",
            "pia",
            "Pia Testesen",
            "Set",
            "Offentliggjort katalog",
            "Budget 2028–2031, version 3",
            "Fortrolig for politikerne",
            reverse("catalog_version", args=[levels.round.public_id, 3]),
        ],
    ]
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("access_log_xlsx", args=[world.municipality.slug])).content)
    )
    sheet = workbook.active
    assert sheet["A1"].value == "Adgangslog for Norddjurs Kommune – til brug ved aktindsigt"
    assert sheet["A2"].value.startswith("Udvalgt: alt.")
    assert [c.value for c in sheet[4]][:2] == ["Tidspunkt", "Brugernavn"]
    assert {sheet.cell(row, 2).value for row in (5, 6)} == {"pia", "dorte"}
    assert sheet.max_row == 6


def test_bad_filters_are_refused_in_danish_next_to_the_field(client, world, levels):
    client.force_login(world.budget_officer)
    url = reverse("access_log", args=[world.municipality.slug])
    response = client.get(url, {"from_date": "2027-09-20", "to_date": "2027-09-01"})
    assert response.status_code == 422
    assert (
        "Slutdatoen skal være samme dag som eller efter startdatoen." in response.content.decode()
    )
    response = client.get(url, {"from_date": "i går"})
    assert "Skriv datoen som åååå-mm-dd, fx 2027-10-01." in response.content.decode()


def test_the_entries_reach_the_person_log(client, world, levels):
    client.force_login(world.politician)
    client.get(reverse("catalog_version", args=[levels.round.public_id, 3]))
    entries = [e for e in personal_log.entries_for("pia") if e.kind == "adgang"]
    assert [e.what for e in entries] == [
        "Set: Offentliggjort katalog – Budget 2028–2031, version 3 (Fortrolig for politikerne)"
    ]


def test_a_comparison_of_scenarios_is_marked_and_logged(client, world, levels):
    from raaderum.prioritisation.models import Scenario

    version = levels.confidential
    first, second = (
        Scenario.objects.create(version=version, name=name, owner=world.politician)
        for name in ("Plan A", "Plan B")
    )
    first.proposals.set(version.proposals.filter(proposal=levels.a))
    second.proposals.set(version.proposals.filter(proposal__in=[levels.a, levels.c]))
    client.force_login(world.politician)
    response = client.get(
        reverse("scenario_compare", args=[levels.round.public_id, 3]),
        {"s": [first.public_id, second.public_id]},
    )
    assert response.status_code == 200
    assert "FORTROLIGT – til byrådets medlemmer" in response.content.decode()
    [row] = rows()
    assert (row[0], row[1], row[2], row[4]) == ("pia", "view", "scenario", "confidential")
    assert row[3] == "Sammenligning af Plan A, Plan B (Budget 2028–2031, version 3)"
