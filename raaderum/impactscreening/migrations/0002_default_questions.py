"""The four default screening questions for every municipality that exists at the upgrade.

A municipality made later gets them from the questions page (one button) or the demo. The
texts are copied here rather than imported, as a migration must not change with the code.
"""

from django.db import migrations

DEFAULTS = [
    (
        "Klima",
        "Hvordan påvirker forslaget kommunens CO2-udledning og klimatilpasning?",
        "Tænk på energi, transport, indkøb og bygninger. Mere udledning er negativt, mindre er "
        "positivt.",
    ),
    (
        "Ligestilling",
        "Påvirker forslaget kvinder og mænd eller andre grupper af borgere forskelligt?",
        "Fx når en ydelse, som især én gruppe bruger, bliver mindre, eller når job, som især "
        "det ene køn har, forsvinder.",
    ),
    (
        "Udsatte borgere",
        "Hvordan påvirker forslaget udsatte borgere, fx mennesker med handicap, psykisk "
        "sygdom eller få penge?",
        "Tænk på, om de mister hjælp, de er afhængige af, eller om det bliver sværere at få.",
    ),
    (
        "Medarbejdere",
        "Hvordan påvirker forslaget medarbejderne: stillinger, arbejdsmiljø og opgaver?",
        "Færre stillinger eller mere travlhed er negativt. Skriv, om MED-udvalget skal høres.",
    ),
]


def create_defaults(apps, schema_editor):
    Municipality = apps.get_model("organisation", "Municipality")
    ImpactQuestion = apps.get_model("impactscreening", "ImpactQuestion")
    for municipality in Municipality.objects.all():
        if ImpactQuestion.objects.filter(municipality=municipality).exists():
            continue
        for position, (title, question, help_text) in enumerate(DEFAULTS, start=1):
            ImpactQuestion.objects.create(
                municipality=municipality,
                title=title,
                question=question,
                help_text=help_text,
                position=position,
            )


class Migration(migrations.Migration):
    dependencies = [("impactscreening", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
