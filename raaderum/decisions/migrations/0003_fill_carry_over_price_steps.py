"""Record the price levels of earlier carry-overs, and their one index as one step.

Before, a carry-over was uprated with one index whatever the gap between the price levels; that
is recorded truthfully as one step over the whole gap (e.g. 2027 → 2029 with 1.0325).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations


def fill(apps, schema_editor):
    CarryOver = apps.get_model("decisions", "CarryOver")
    rows = CarryOver.objects.select_related(
        "decision__published__version", "proposal__round"
    ).iterator()
    for carry in rows:
        version = carry.decision.published.version
        carry.from_price_level = version.price_level or version.round.price_level_year
        carry.to_price_level = carry.proposal.round.price_level_year
        carry.price_steps = [
            {
                "from": carry.from_price_level,
                "to": carry.to_price_level,
                "index": str(carry.price_index),
            }
        ]
        carry.save(update_fields=["from_price_level", "to_price_level", "price_steps"])


def unfill(apps, schema_editor):
    CarryOver = apps.get_model("decisions", "CarryOver")
    for carry in CarryOver.objects.iterator():
        index = Decimal(1)
        for step in carry.price_steps:
            index *= Decimal(step["index"])
        carry.price_index = index.quantize(Decimal("0.0001"), ROUND_HALF_UP)
        carry.save(update_fields=["price_index"])


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0002_carry_over_price_steps_and_override"),
        ("publication", "0004_fill_frozen_from_live"),
    ]

    operations = [migrations.RunPython(fill, unfill)]
