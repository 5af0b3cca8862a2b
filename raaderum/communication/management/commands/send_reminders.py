"""Remind people of proposal steps whose deadline is near or has passed.

Meant for cron once a day, e.g. `0 6 * * * manage.py send_reminders --days 3`. Each person is
reminded of each step at most once a day, however often it runs.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from raaderum.communication.actions import do_send_reminders
from raaderum.followup.reminders import do_send_realisation_reminders
from raaderum.ideas.reminders import do_send_screening_reminders


class Command(BaseCommand):
    help = (
        "Remind owners, directors and the budget office of due and overdue proposal steps, "
        "responsible persons of follow-up assessments not yet submitted, and the budget "
        "office of ideas awaiting screening near or past the screening deadline."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=3,
            help="Remind of deadlines at most this many days away (default 3); overdue always.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0:
            raise CommandError("--days must be 0 or more.")
        made = do_send_reminders(timezone.localdate(), days=options["days"])
        # Assessments of the yearly follow-up, on the same Reminder and notification parts.
        made += do_send_realisation_reminders(timezone.localdate(), days=options["days"])
        # Ideas awaiting screening near or past the screening deadline, to the budget office.
        made += do_send_screening_reminders(timezone.localdate(), days=options["days"])
        if options["verbosity"] >= 1:
            self.stdout.write(f"{made} reminder(s) made.")
