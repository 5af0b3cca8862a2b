"""The open data files: the same rows in CSV and JSON, to the krone, with the documented fields."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from raaderum.transparency import opendata
from raaderum.transparency.tests.helpers import (
    APPROVED_ASSESSMENT,
    APPROVED_LEARNING,
    create_public,
)


@pytest.fixture
def public(world):
    return create_public(world)


def fetch(client, name, slug="norddjurs"):
    response = client.get(reverse(name, args=[slug]))
    assert response.status_code == 200
    return response


def json_rows(client, dataset):
    return json.loads(fetch(client, f"public_{dataset}_json").content)["rows"]


def csv_rows(client, dataset):
    content = fetch(client, f"public_{dataset}_csv").content
    assert content.startswith("\ufeff".encode())  # the BOM Danish Excel needs
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_the_initiatives_to_the_krone(client, public):
    rows = json_rows(client, "initiatives")
    assert [row["code"] for row in rows] == ["BU-01", "BU-02"]
    bu01, bu02 = rows
    assert bu01 == {
        "round_id": str(public.world.round.public_id),
        "round_name": "Budget 2027–2030",
        "budget_year": 2027,
        "price_level_year": 2027,
        "code": "BU-01",
        "title": "Færre vikarer",
        "decided_by": "Kommunalbestyrelsen",
        "agreement_date": "2026-10-08",
        "type": "saving",
        "type_label": "Besparelse",
        "committee_code": "BU",
        "committee_name": "Børne- og Ungdomsudvalget",
        "responsible_unit": "Skoleafdelingen",
        "summary": "Skolerne bruger færre vikarer.",
        "adopted_total": 2_234_767,
        "expected_total": 2_234_767,
        "realisation_shown": True,
        "assessed_expected": 1_000_200,
        "realised": 912_345,
        "realisation_rate_percent": 91,
        "status": "on_track",
        "status_label": "Som forventet",
        "url": "http://testserver"
        + reverse("public_proposal", args=["norddjurs", public.world.round.public_id, "BU-01"]),
    }
    assert (bu02["adopted_total"], bu02["expected_total"]) == (1_899_999, 1_399_999)
    assert (bu02["assessed_expected"], bu02["realised"]) == (0, 0)
    assert bu02["realisation_rate_percent"] is None
    assert (bu02["status"], bu02["status_label"]) == ("not_assessed", "Ikke vurderet endnu")
    assert bu02["responsible_unit"] == ""


def test_the_realisation_per_year_to_the_krone(client, public):
    rows = json_rows(client, "realisation")
    compact = [
        (
            r["code"],
            r["year"],
            r["adopted"],
            r["expected"],
            r["assessed"],
            r["realised"],
            r["status"],
        )
        for r in rows
    ]
    assert compact == [
        ("BU-01", 2027, 1_000_200, 1_000_200, True, 912_345, "on_track"),
        ("BU-01", 2028, 1_234_567, 1_234_567, False, None, None),  # submitted, not approved
        ("BU-01", 2029, 0, 0, False, None, None),
        ("BU-01", 2030, 0, 0, False, None, None),
        ("BU-02", 2027, 0, 0, False, None, None),
        ("BU-02", 2028, 2_000_000, 1_500_000, False, None, None),  # sent back: not public
        ("BU-02", 2029, 0, 0, False, None, None),
        ("BU-02", 2030, -100_001, -100_001, False, None, None),
    ]
    assert (rows[0]["assessment"], rows[0]["learning"]) == (APPROVED_ASSESSMENT, APPROVED_LEARNING)
    assert rows[0]["status_label"] == "Som forventet"
    assert rows[1]["assessment"] is None


@pytest.mark.parametrize("dataset", ["initiatives", "realisation"])
def test_csv_and_json_hold_exactly_the_same_rows(client, public, dataset):
    from_json = [
        {name: opendata.csv_value(value) for name, value in row.items()}
        for row in json_rows(client, dataset)
    ]
    from_csv = csv_rows(client, dataset)
    assert from_csv == from_json
    assert len(from_csv) == {"initiatives": 2, "realisation": 8}[dataset]


@pytest.mark.parametrize("dataset", ["initiatives", "realisation"])
def test_the_files_have_the_declared_fields_in_order(client, public, dataset):
    declared = [field.name for field in opendata.DATASETS[dataset].fields]
    document = json.loads(fetch(client, f"public_{dataset}_json").content)
    assert document["fields"] == declared
    assert all(list(row) == declared for row in document["rows"])
    header = fetch(client, f"public_{dataset}_csv").content.decode("utf-8-sig").split("\r\n")[0]
    assert header.split(";") == declared


def test_the_json_states_version_licence_and_municipality(client, public):
    document = json.loads(fetch(client, "public_initiatives_json").content)
    assert document["schema_version"] == "1.0"
    assert document["dataset"] == "initiatives"
    assert document["municipality"] == {
        "name": "Norddjurs Kommune",
        "code": 707,
        "slug": "norddjurs",
    }
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["licence"]["attribution"] == "Norddjurs Kommune"
    assert document["documentation"] == "http://testserver/public/norddjurs/data/"


def test_headers_of_the_files(client, public):
    response = fetch(client, "public_initiatives_csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="norddjurs-initiatives.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    response = fetch(client, "public_realisation_json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="norddjurs-realisation.json"'
    assert response["Access-Control-Allow-Origin"] == "*"


def test_csv_quotes_text_with_semicolons_and_line_breaks(client, public):
    public.bu01.responsible_unit = "Skoler; Center for Børn"
    public.bu01.save()
    decision = public.bu01.decision
    decision.published.summary = 'To linjer:\n"vikarer" og mere'
    decision.published.save()
    row = next(r for r in csv_rows(client, "initiatives") if r["code"] == "BU-01")
    assert row["responsible_unit"] == "Skoler; Center for Børn"
    assert row["summary"] == 'To linjer:\n"vikarer" og mere'


def test_an_empty_municipality_gives_files_with_only_the_header(client, world):
    assert json_rows(client, "initiatives") == []
    text = fetch(client, "public_realisation_csv").content.decode("utf-8-sig")
    assert text.count("\r\n") == 1 and text.startswith("round_id;")


def test_the_data_page_documents_every_field_and_links_the_files(client, public):
    html = fetch(client, "public_data").content.decode()
    for dataset in opendata.DATASETS.values():
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in html
    for name in ("initiatives.csv", "initiatives.json", "realisation.csv", "realisation.json"):
        assert f'href="/public/norddjurs/data/{name}"' in html
    assert "Creative Commons Attribution 4.0 International" in html
    assert "Adskilt med semikolon, UTF-8 med BOM" in html


def test_docs_open_data_md_describes_every_field():
    """docs/open-data.md is the schema's documentation: it lists each field with its type."""
    text = (Path(settings.BASE_DIR) / "docs" / "open-data.md").read_text(encoding="utf-8")
    assert f"Schema version: **{opendata.SCHEMA_VERSION}**" in text
    for dataset in opendata.DATASETS.values():
        for field in dataset.fields:
            assert f"| `{field.name}` | {field.type} |" in text, (dataset.name, field.name)
