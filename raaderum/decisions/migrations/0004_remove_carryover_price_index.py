from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_fill_carry_over_price_steps"),
    ]

    operations = [
        migrations.RemoveField(model_name="carryover", name="price_index"),
    ]
