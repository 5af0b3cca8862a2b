"""Make an initiative for every adopted decision that has none, e.g. those recorded before
follow-up existed. Safe to run again: existing initiatives are left as they are."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raaderum.followup.actions import do_backfill_initiatives
from raaderum.organisation.models import Municipality


class Command(BaseCommand):
    help = "Create the missing initiatives of adopted proposals (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", help="Only this municipality (its short name).")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError(
                    f"No municipality with the short name {options['municipality']}."
                )
        created = do_backfill_initiatives(municipality)
        if options["verbosity"] >= 1:
            self.stdout.write(f"{created} initiative(s) created.")
