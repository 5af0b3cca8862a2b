"""E-mail each user who chose the daily digest everything not yet sent, in one e-mail.

Meant for cron once a day, e.g. `15 6 * * * manage.py send_digests`. Running it twice sends
nothing the second time.
"""

from typing import Any

from django.core.management.base import BaseCommand

from raaderum.communication.actions import do_send_digests


class Command(BaseCommand):
    help = "E-mail the daily digest of notifications to the users who chose it."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = do_send_digests()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{sent} digest e-mail(s) sent.")
