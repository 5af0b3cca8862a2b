from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0002_catalog_pdf_and_frozen_target"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogversion",
            name="round_name",
            field=models.CharField(default="", max_length=120, verbose_name="name of the round"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="catalogversion",
            name="price_level",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="price level (P/L year)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="catalogversion",
            name="relations",
            field=models.JSONField(
                blank=True, default=list, verbose_name="relations between proposals"
            ),
        ),
        migrations.AddField(
            model_name="publishedproposal",
            name="committee_name",
            field=models.CharField(default="", max_length=120, verbose_name="committee"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publishedproposal",
            name="committee_code",
            field=models.CharField(
                default="", max_length=4, verbose_name="committee abbreviation"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publishedproposal",
            name="committee_position",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="committee order"),
        ),
    ]
