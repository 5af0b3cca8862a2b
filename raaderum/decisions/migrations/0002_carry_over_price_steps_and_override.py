import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_decisions_and_carry_over"),
        ("proposals", "0005_contributors_in_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="carryover",
            name="from_price_level",
            field=models.PositiveSmallIntegerField(
                default=0, verbose_name="from price level (P/L year)"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="carryover",
            name="to_price_level",
            field=models.PositiveSmallIntegerField(
                default=0, verbose_name="to price level (P/L year)"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="carryover",
            name="price_steps",
            field=models.JSONField(
                blank=True, default=list, verbose_name="price indices, year by year"
            ),
        ),
        # Kept until the next migration has copied it into price_steps; nullable so that
        # going back can re-create it before the copy is undone.
        migrations.AlterField(
            model_name="carryover",
            name="price_index",
            field=models.DecimalField(
                decimal_places=4, max_digits=6, null=True, verbose_name="price index"
            ),
        ),
        migrations.CreateModel(
            name="CoolingOffOverride",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField(verbose_name="reason for the override")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="when")),
                (
                    "by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cooling_off_overrides",
                        to="decisions.decision",
                        verbose_name="decision",
                    ),
                ),
                (
                    "proposal",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cooling_off_override",
                        to="proposals.proposal",
                        verbose_name="proposal",
                    ),
                ),
            ],
            options={
                "verbose_name": "cooling-off period overridden",
                "verbose_name_plural": "cooling-off periods overridden",
                "ordering": ["at", "pk"],
            },
        ),
    ]
