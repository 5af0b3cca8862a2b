"""A published version shows its committees, round and relations as they were published.

Publish, then rename and reorder a committee, rename the round, move its price level and change
the relations between proposals: the version's pages, its PDF and Excel, the simulator's totals
and the optimiser's input still show what was published.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.prioritisation import optimisation
from raaderum.prioritisation.simulation import chosen_rows, evaluate, relations_for
from raaderum.prioritisation.tests.helpers import Catalog, client_for, publish_catalog
from raaderum.proposals.models import ProposalRelation, RelationKind
from raaderum.publication.catalog import build_published_catalog, published_proposals
from raaderum.publication.pdf import catalog_html, render_pdf
from raaderum.test import World

pytestmark = pytest.mark.django_db

OLD_ROUND = "Budget 2027–2030"
NEW_ROUND = "Budget 2027–2030 efter omlægning"
OLD_COMMITTEE = "Børne- og Ungdomsudvalget"
NEW_COMMITTEE = "Skole- og Familieudvalget"


def change_everything_live(world: World, catalog: Catalog) -> None:
    """What the budget office may do after publishing, in the app or the admin."""
    world.children.name = NEW_COMMITTEE
    world.children.code = "SF"
    world.children.position = 9  # after the social committee now
    world.children.save()
    world.round.name = NEW_ROUND
    world.round.price_level_year = 2028  # the round form refuses this; the admin does not
    world.round.save()
    ProposalRelation.objects.filter(kind=RelationKind.EXCLUDES).delete()  # C and D no longer
    ProposalRelation.objects.filter(kind=RelationKind.REQUIRES).update(
        kind=RelationKind.EXCLUDES
    )  # A and B become alternatives instead of A requiring B
    ProposalRelation.objects.create(proposal=catalog.d, kind=RelationKind.REQUIRES, other=catalog.a)


def test_the_pages_show_the_committee_and_round_as_published(world: World) -> None:
    catalog = publish_catalog(world)
    change_everything_live(world, catalog)
    client = client_for(world.politician)

    page = client.get(reverse("catalog_version", args=[world.round.public_id, 1]))
    html = page.content.decode()
    assert f"<h1>Katalog – {OLD_ROUND}</h1>" in html
    assert NEW_COMMITTEE not in html
    assert f"I alt {OLD_COMMITTEE}" in html
    assert "Beløb i 1.000 kr., 2027-priser (P/L)" in html
    groups = page.context["catalog"].groups
    assert [(g.committee.name, g.committee.code) for g in groups] == [
        (OLD_COMMITTEE, "BU"),
        ("Social- og Sundhedsudvalget", "SU"),
    ]

    detail = client.get(reverse("published_proposal", args=[world.round.public_id, 1, "BU-01"]))
    html = detail.content.decode()
    assert f"BU-01 · {OLD_COMMITTEE} · Besparelse" in html
    assert NEW_COMMITTEE not in html
    assert "2027-priser" in html and "2028-priser" not in html


def test_the_excel_export_shows_them_as_published(world: World) -> None:
    publish_catalog_and_change = publish_catalog(world)
    change_everything_live(world, publish_catalog_and_change)
    response = client_for(world.politician).get(
        reverse("catalog_excel", args=[world.round.public_id, 1])
    )
    assert 'filename="katalog-budget-2027-2030-v1.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["Katalog"]
    assert sheet["A1"].value == f"Katalog – {OLD_ROUND} – version 1"
    assert "2027-priser" in sheet["A2"].value
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert f"I alt {OLD_COMMITTEE}" in values
    assert [
        row[2] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0] == "BU-01"
    ] == [OLD_COMMITTEE]
    assert not any(NEW_COMMITTEE in str(value) or NEW_ROUND in str(value) for value in values)


def test_the_pdf_shows_them_as_published(world: World, tmp_path: Path) -> None:
    catalog = publish_catalog(world)
    change_everything_live(world, catalog)
    html = catalog_html(build_published_catalog(catalog.version))
    assert NEW_COMMITTEE not in html and NEW_ROUND not in html and "2028-priser" not in html
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    content, _pages = render_pdf(html)
    path = tmp_path / "catalog.pdf"
    path.write_bytes(content)
    text = subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
        ["pdftotext", str(path), "-"],  # noqa: S607
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    assert OLD_ROUND in flat
    assert "2027-priser" in flat
    assert f"BU-01 · {OLD_COMMITTEE}" in flat
    assert "Skole- og" not in flat and "efter omlægning" not in flat


def test_the_simulator_and_the_optimiser_read_the_relations_as_published(world: World) -> None:
    catalog = publish_catalog(world)
    change_everything_live(world, catalog)
    version = catalog.version
    version.refresh_from_db()
    proposals = published_proposals(version)
    relations = relations_for(version, proposals, all_of_version=True)
    problem, notes = optimisation.build_problem(version, proposals, relations, {})
    assert problem.excludes == (("SU-01", "SU-02"),)
    assert problem.requires == (("BU-01", "BU-02"),)
    assert notes == []

    assert optimisation.describe_relations(relations) == [
        "SU-01 Lukning af plejecenter kan ikke vælges sammen med SU-02 Færre pladser",
        "BU-01 Større klasser forudsætter BU-02 Færre vikarer",
    ]
    # The optimum of the published catalog: C and D stay alternatives, A still needs B.
    outcome = optimisation.run(version, proposals, relations, {})
    assert outcome.solution.chosen == frozenset({"BU-01", "BU-02", "SU-02"})

    # The simulator's page and its toggle (plain rows) read the same frozen data.
    chosen = [p for p in proposals if p.code in {"BU-01", "SU-01", "SU-02"}]
    selection = evaluate(version, chosen, relations)
    assert selection.warnings == [
        "SU-01 Lukning af plejecenter og SU-02 Færre pladser er alternativer: de kan ikke "
        "vælges sammen.",
        "BU-01 Større klasser forudsætter BU-02 Færre vikarer, som ikke er valgt.",
    ]
    assert [g.committee.name for g in selection.groups] == [
        OLD_COMMITTEE,
        "Social- og Sundhedsudvalget",
    ]
    rows = chosen_rows(version, ["BU-01", "SU-01", "SU-02"])
    toggle = evaluate(version, rows, relations_for(version, rows))
    assert toggle.warnings == selection.warnings
    assert [(g.committee.name, g.committee.code) for g in toggle.groups] == [
        (OLD_COMMITTEE, "BU"),
        ("Social- og Sundhedsudvalget", "SU"),
    ]


def test_a_new_version_takes_the_changes_and_the_comparison_names_them(world: World) -> None:
    catalog = publish_catalog(world)
    change_everything_live(world, catalog)
    from raaderum.publication.actions import do_publish_catalog

    second = do_publish_catalog(world.round, user=world.budget_officer)
    assert (second.round_name, second.price_level) == (NEW_ROUND, 2028)
    first = catalog.version
    first.refresh_from_db()
    assert (first.round_name, first.price_level) == (OLD_ROUND, 2027)
    assert {(r["kind"], r["proposal"], r["other"]) for r in second.relations} == {
        ("excludes", catalog.a.pk, catalog.b.pk),
        ("requires", catalog.d.pk, catalog.a.pk),
    }
    response = client_for(world.politician).get(
        reverse("catalog_compare", args=[world.round.public_id]), {"a": "1", "b": "2"}
    )
    changed = response.context["comparison"].changed
    assert {c.after.code: c.fields for c in changed} == {
        # The effects name their area's committee by its abbreviation: BU then, SF now.
        "SF-01": ["committee", "effects"],
        "SF-02": ["committee", "effects"],
    }


def test_the_migration_fills_versions_published_before_from_the_live_data(world: World) -> None:
    import importlib

    from django.apps import apps

    from raaderum.publication.models import CatalogVersion, PublishedProposal

    migration = importlib.import_module(
        "raaderum.publication.migrations.0004_fill_frozen_from_live"
    )
    catalog = publish_catalog(world)
    # As a version published before the fields existed looks after the schema migration.
    CatalogVersion.objects.update(round_name="", price_level=0, relations=[])
    PublishedProposal.objects.update(committee_name="", committee_code="", committee_position=0)
    migration.fill(apps, None)
    version = CatalogVersion.objects.get()
    assert (version.round_name, version.price_level) == (OLD_ROUND, 2027)
    assert version.relation_rows() == [
        ("excludes", catalog.c.pk, catalog.d.pk),
        ("requires", catalog.a.pk, catalog.b.pk),
    ]
    assert sorted(
        PublishedProposal.objects.values_list(
            "code", "committee_name", "committee_code", "committee_position"
        )
    ) == [
        ("BU-01", OLD_COMMITTEE, "BU", 1),
        ("BU-02", OLD_COMMITTEE, "BU", 1),
        ("SU-01", "Social- og Sundhedsudvalget", "SU", 2),
        ("SU-02", "Social- og Sundhedsudvalget", "SU", 2),
    ]
