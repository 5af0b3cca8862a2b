"""Every log entry about one person, for a request for access (GDPR art. 15).

Danish data-protection practice since 2024 expects that security and audit logs about a person
can be found and handed over. Råderum logs in five places, all read here:

- security: logins, logouts and failed logins (django-axes: AccessLog, AccessFailureLog,
  AccessAttempt), with the address they came from;
- audit: every change the person made to an audited record (django-simple-history, all
  registered models);
- workflow: the proposal steps the person took (Transition);
- activity: what the round's activity feed says the person did (Event);
- access: confidential or internal material the person viewed or downloaded (AccessRecord).

No log holds a password or a session key: axes masks the password field, the history tables hold
field values of budget records only, and the access log leaves out query strings.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import registered_models

from raaderum.communication.models import Event
from raaderum.confidentiality.models import AccessRecord
from raaderum.organisation.models import User
from raaderum.proposals.models import Transition


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # security / audit / workflow / activity, translated
    what: str
    address: str = ""


def _history_entries(user: User) -> list[Entry]:
    labels = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    entries = []
    seen = set()
    for model in registered_models.values():
        manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
        if manager_name is None:
            continue
        historical = getattr(model, manager_name).model
        if historical in seen:
            continue
        seen.add(historical)
        for record in historical.objects.filter(history_user=user).order_by("history_date"):
            entries.append(
                Entry(
                    record.history_date,
                    _("audit"),
                    f"{model._meta.verbose_name} {labels.get(record.history_type, '')}: "
                    f"{record.instance}",
                )
            )
    return entries


def entries_for(username: str) -> list[Entry]:
    """Every entry about the person with this user name, oldest first."""
    entries: list[Entry] = []
    for log in AccessLog.objects.filter(username=username):
        entries.append(Entry(log.attempt_time, _("security"), _("Logged in"), log.ip_address or ""))
        if log.logout_time:
            entries.append(
                Entry(log.logout_time, _("security"), _("Logged out"), log.ip_address or "")
            )
    for failure in AccessFailureLog.objects.filter(username=username):
        what = _("Failed login, locked out") if failure.locked_out else _("Failed login")
        entries.append(Entry(failure.attempt_time, _("security"), what, failure.ip_address or ""))
    for attempt in AccessAttempt.objects.filter(username=username):
        entries.append(
            Entry(
                attempt.attempt_time,
                _("security"),
                _("Failed logins not yet expired: %(count)s")
                % {"count": attempt.failures_since_start},
                attempt.ip_address or "",
            )
        )
    user = User.objects.filter(username=username).first()
    if user is not None:
        entries.extend(_history_entries(user))
        for step in Transition.objects.filter(user=user).select_related("proposal"):
            entries.append(
                Entry(
                    step.at,
                    _("workflow"),
                    f"{step.proposal}: {step.get_from_status_display()} → "
                    f"{step.get_to_status_display()}",
                )
            )
        for event in Event.objects.filter(actor=user):
            entries.append(Entry(event.at, _("activity"), event.text))
    # By user name: the access log keeps it when the user is deleted.
    for record in AccessRecord.objects.filter(username=username):
        entries.append(
            Entry(
                record.at,
                _("access"),
                f"{record.get_action_display()}: {record.get_kind_display()} – {record.label} "
                f"({record.get_level_display()})",
            )
        )
    return sorted(entries, key=lambda entry: entry.at)


def as_csv(username: str, entries: list[Entry]) -> str:
    """Semicolon-separated with a BOM, so Danish Excel opens it with æøå intact."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("user name"), _("time"), _("kind"), _("what"), _("address")])
    for entry in entries:
        at = timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S")
        writer.writerow([username, at, entry.kind, entry.what, entry.address])
    return out.getvalue()
