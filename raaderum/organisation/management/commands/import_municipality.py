from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raaderum.organisation.recovery import RecoveryError, import_municipality


class Command(BaseCommand):
    help = "Load a file written by export_municipality into a database without that municipality."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            rows = import_municipality(file)
        except RecoveryError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{rows} rækker indlæst fra {file}.")
