"""`manage.py import_benchmark --municipality demo FILE...`: CSV saved from Statistikbanken."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raaderum.benchmark import statbank
from raaderum.benchmark.actions import do_import_statistics
from raaderum.benchmark.models import Source
from raaderum.organisation.models import Municipality


def municipality_from(slug: str) -> Municipality:
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise CommandError(f"No municipality with the short name {slug!r}.")
    return municipality


class Command(BaseCommand):
    help = (
        "Import REGK31 (expenditure by function) or FOLK1A (inhabitants by age) CSV files as "
        "Statistikbanken answers them. Each file is imported whole or not at all."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--municipality", required=True, help="The municipality's short name.")
        parser.add_argument("--note", default="", help="Shown with the figures.")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = municipality_from(options["municipality"])
        for path in options["files"]:
            try:
                content = path.read_bytes()
            except OSError as error:
                raise CommandError(f"{path}: {error}") from error
            try:
                dataset = do_import_statistics(
                    municipality,
                    content,
                    source=Source.FILE,
                    file_name=path.name,
                    note=options["note"],
                )
            except statbank.StatbankError as error:
                raise CommandError(f"{path}:\n" + "\n".join(error.messages)) from error
            self.stdout.write(
                f"{path.name}: {dataset.table} {dataset.period_label}, {dataset.rows} figures, "
                f"{dataset.kommuner} kommuner."
            )
