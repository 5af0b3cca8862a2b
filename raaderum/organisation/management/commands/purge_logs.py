"""Delete security log entries older than the retention period (SECURITY_LOG_RETENTION_DAYS).

Meant for cron once a day, e.g. `30 3 * * * manage.py purge_logs`. The security log is
django-axes' three tables: logins and logouts (AccessLog), failed logins (AccessFailureLog) and
the counters behind the login lockout (AccessAttempt). They hold user names and addresses, so
they are kept only as long as they serve security (docs/security.md, "Retention").

Never touched: the audit history of budget records (django-simple-history), the proposal steps
and the activity feed – they are the budget's record and kept with it.
"""

from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

# Each table with what it holds, for the printed counts; every entry is dated by attempt_time.
TABLES = [
    (AccessLog, "logins and logouts (AccessLog)"),
    (AccessFailureLog, "failed logins (AccessFailureLog)"),
    (AccessAttempt, "lockout counters (AccessAttempt)"),
]


class Command(BaseCommand):
    help = (
        "Delete security log entries (logins, failed logins, lockout counters) older than "
        "SECURITY_LOG_RETENTION_DAYS (default 180). The audit history is never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of SECURITY_LOG_RETENTION_DAYS.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = (
            options["days"] if options["days"] is not None else settings.SECURITY_LOG_RETENTION_DAYS
        )
        if days < 1:
            raise CommandError("The retention must be at least 1 day.")
        cutoff = timezone.now() - timedelta(days=days)
        verb = "would be deleted" if options["dry_run"] else "deleted"
        lines = []
        with transaction.atomic():
            for model, label in TABLES:
                old = model.objects.filter(attempt_time__lt=cutoff)
                if options["dry_run"]:
                    count = old.count()
                else:
                    # Counted per table: AccessAttempt's delete also removes its expiration rows.
                    count = old.delete()[1].get(model._meta.label, 0)
                lines.append(f"  {label}: {count} {verb}")
        if options["verbosity"] >= 1:
            when = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M")
            self.stdout.write(f"Security log entries older than {days} days (before {when}):")
            for line in lines:
                self.stdout.write(line)
