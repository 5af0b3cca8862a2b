"""A GIN index on the stored Danish search vector, on PostgreSQL only.

Not in the model's Meta.indexes: SQLite has no GIN indexes (Django would write USING gin there
too), and the SQLite fallback search does not use the vector. Fills the vector of existing rows.
"""

from django.db import migrations

INDEX = "bank_idea_search_vector"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from raaderum.ideabank.search import search_vector_expression

    BankIdea = apps.get_model("ideabank", "BankIdea")
    BankIdea.objects.update(search_vector=search_vector_expression())
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON ideabank_bankidea USING gin (search_vector)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("ideabank", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
