"""Fill the new frozen fields of versions published before they existed, from the live data.

The best that can be done for those versions: the committees, the round and the relations as
they are when the migration runs (publishing has not copied them until now). From here on they
no longer change with the live data.
"""

from django.db import migrations
from django.db.models import Q


def fill(apps, schema_editor):
    CatalogVersion = apps.get_model("publication", "CatalogVersion")
    PublishedProposal = apps.get_model("publication", "PublishedProposal")
    ProposalRelation = apps.get_model("proposals", "ProposalRelation")
    for version in CatalogVersion.objects.select_related("round").iterator():
        live = set(
            PublishedProposal.objects.filter(version=version).values_list("proposal_id", flat=True)
        )
        relations = [
            {"kind": kind, "proposal": a, "other": b}
            for kind, a, b in ProposalRelation.objects.filter(
                Q(proposal__round_id=version.round_id) | Q(other__round_id=version.round_id)
            )
            .order_by("pk")
            .values_list("kind", "proposal_id", "other_id")
            if a in live or b in live
        ]
        version.round_name = version.round.name
        version.price_level = version.round.price_level_year
        version.relations = relations
        version.save(update_fields=["round_name", "price_level", "relations"])
    for published in PublishedProposal.objects.select_related("committee").iterator():
        published.committee_name = published.committee.name
        published.committee_code = published.committee.code
        published.committee_position = published.committee.position
        published.save(update_fields=["committee_name", "committee_code", "committee_position"])


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0003_frozen_round_committee_relations"),
        ("proposals", "0005_contributors_in_history"),
        ("rounds", "0002_process_plan_phases"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
