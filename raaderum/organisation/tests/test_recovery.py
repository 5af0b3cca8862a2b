"""A municipality's whole data out to one file and back into an empty database, identically."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from raaderum.demo import load_demo
from raaderum.organisation.models import Municipality, User
from raaderum.organisation.recovery import collect
from raaderum.proposals.models import Effect, Proposal

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_round_trips_identically(tmp_path, world):
    load_demo()
    demo = Municipality.objects.get(slug="demo")
    proposals = Proposal.objects.filter(round__municipality=demo).count()
    effect_sum = sum(
        Effect.objects.filter(proposal__round__municipality=demo).values_list("amount", flat=True)
    )
    first = tmp_path / "demo.json"
    call_command("export_municipality", "demo", str(first))
    exported = json.loads(first.read_text())
    # Nothing of the other municipality (the test world's) is in the file.
    assert world.municipality.name not in first.read_text()
    assert world.owner.username not in {
        row["fields"].get("username")
        for row in exported["rows"]
        if row["model"] == "organisation.user"
    }
    models = {row["model"] for row in exported["rows"]}
    assert {"proposals.effect", "publication.publishedproposal", "ideas.idea"} <= models
    assert "proposals.historicalproposal" in models  # the audit trail travels too

    call_command("flush", "--noinput")
    assert not Proposal.objects.exists() and not User.objects.exists()
    call_command("import_municipality", str(first))

    demo = Municipality.objects.get(slug="demo")
    assert Proposal.objects.filter(round__municipality=demo).count() == proposals
    assert sum(Effect.objects.values_list("amount", flat=True)) == effect_sum
    second = tmp_path / "again.json"
    call_command("export_municipality", str(demo.code), str(second))
    assert second.read_text() == first.read_text()


def test_import_refuses_a_municipality_that_is_there_and_a_bad_file(tmp_path, world):
    file = tmp_path / "world.json"
    call_command("export_municipality", world.municipality.slug, str(file))
    with pytest.raises(CommandError, match="findes allerede"):
        call_command("import_municipality", str(file))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CommandError, match="kan ikke læses"):
        call_command("import_municipality", str(bad))
    with pytest.raises(CommandError, match="Ingen kommune"):
        call_command("export_municipality", "findes-ikke", str(tmp_path / "x.json"))


def test_only_the_municipalitys_own_rows_are_collected(world):
    owned = collect(world.municipality)
    assert owned[Municipality] == {world.municipality.pk}
    assert world.outsider.pk not in owned[User]
