from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raaderum.organisation.models import Municipality
from raaderum.organisation.recovery import export_municipality


class Command(BaseCommand):
    help = "Write one municipality's whole data to one file (JSON), for recovery or moving."

    def add_arguments(self, parser):
        parser.add_argument("municipality", help="the municipality's slug or number, e.g. 707")
        parser.add_argument("file", type=Path)

    def handle(self, *args, municipality, file, **options):
        found = (
            Municipality.objects.filter(
                code=int(municipality) if municipality.isdigit() else -1
            ).first()
            or Municipality.objects.filter(slug=municipality).first()
        )
        if found is None:
            raise CommandError(f"Ingen kommune med nummer eller kortnavn »{municipality}«.")
        file.write_text(export_municipality(found), encoding="utf-8")
        file.chmod(0o600)  # it holds the users' password hashes
        self.stdout.write(f"{found.name} skrevet til {file}.")
