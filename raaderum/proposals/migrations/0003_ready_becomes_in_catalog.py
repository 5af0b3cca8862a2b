from django.db import migrations


def forwards(apps, schema_editor):
    # The foundation's "ready" meant "fit for the catalog"; the workflow names that in_catalog.
    Proposal = apps.get_model("proposals", "Proposal")
    Proposal.objects.filter(status="ready").update(status="in_catalog")


def backwards(apps, schema_editor):
    Proposal = apps.get_model("proposals", "Proposal")
    Proposal.objects.exclude(status="draft").update(status="ready")


class Migration(migrations.Migration):
    dependencies = [("proposals", "0002_workflow_origin_history")]
    operations = [migrations.RunPython(forwards, backwards)]
