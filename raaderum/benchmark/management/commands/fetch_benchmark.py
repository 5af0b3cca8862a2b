"""`manage.py fetch_benchmark --municipality demo --years 2023 2024`: from Statistikbanken's API."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raaderum.benchmark import statbank
from raaderum.benchmark.actions import do_fetch_statistics
from raaderum.benchmark.management.commands.import_benchmark import municipality_from


class Command(BaseCommand):
    help = (
        "Fetch net operating expenditure on the municipality's kontoplan functions (REGK31) and "
        "inhabitants by age (FOLK1A) for every kommune from Danmarks Statistik's API."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, help="The municipality's short name.")
        parser.add_argument("--years", nargs="+", type=int, required=True)
        parser.add_argument("--url", default=statbank.API_URL, help="The API's data address.")
        parser.add_argument("--timeout", type=float, default=statbank.TIMEOUT_SECONDS)

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = municipality_from(options["municipality"])
        try:
            datasets = do_fetch_statistics(
                municipality, options["years"], url=options["url"], timeout=options["timeout"]
            )
        except statbank.StatbankError as error:
            raise CommandError("\n".join(error.messages)) from error
        for dataset in datasets:
            self.stdout.write(
                f"{dataset.table} {dataset.period_label}: {dataset.rows} figures, "
                f"{dataset.kommuner} kommuner."
            )
