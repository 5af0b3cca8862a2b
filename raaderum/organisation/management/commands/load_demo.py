"""`manage.py load_demo`: create or refresh "Demo Kommune" and print its logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from raaderum.demo import DemoLogin, load_demo

URL = "http://127.0.0.1:8000/"

ROLE_LABELS = {
    "budget_office": "budget office",
    "director": "director",
    "owner": "proposal owner",
    "contributor": "contributor",
    "politician": "politician",
    "reader": "reader",
}


class Command(BaseCommand):
    help = (
        'Create or refresh the demo municipality "Demo Kommune" (committees, service areas, '
        "a login per role, a budget round and ~60 proposals). Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even when DEBUG is off. The demo logins, including a superuser, all "
            "have the password 'demo': never use this on a server with real users.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "load_demo creates logins with the password 'demo', including a superuser. "
                "Run it with DEBUG=true (development), or pass --allow-without-debug."
            )
        result = load_demo(stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write("Demo logins (every password is the same):")
        self.stdout.write(login_table(result.logins))
        self.stdout.write("")
        self.stdout.write(f"Open {URL} and log in; the admin pages are at {URL}admin/.")


def login_table(logins: list[DemoLogin]) -> str:
    header = ("Username", "Password", "Role", "Name")
    rows = [header] + [
        (login.username, login.password, _role(login), _name(login)) for login in logins
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _role(login: DemoLogin) -> str:
    label = f"{login.role_name} ({ROLE_LABELS[login.role]})"
    return f"{label} + superuser" if login.superuser else label


def _name(login: DemoLogin) -> str:
    details = login.party or login.title
    return f"{login.name}, {details}" if details else login.name
