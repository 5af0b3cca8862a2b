from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import CommandError, call_command

from raaderum.communication.actions import do_record_event
from raaderum.communication.models import Event
from raaderum.proposals.models import Proposal
from raaderum.test import create_proposal

# Winter time; the cut-offs fall in summer time, an hour later on the clock.
NOW = "2026-11-23 10:00 +0100"


def _entries_at(traveller, when: timedelta, username: str) -> None:
    """A login, a failed login and a lockout counter, dated `when` before NOW."""
    traveller.move_to(NOW)
    traveller.shift(-when)
    common = {"username": username, "ip_address": "192.0.2.7", "user_agent": "test"}
    AccessLog.objects.create(**common)
    AccessFailureLog.objects.create(**common)
    AccessAttempt.objects.create(**common, failures_since_start=1)
    traveller.move_to(NOW)


def _purge(*args: str) -> list[str]:
    out = StringIO()
    call_command("purge_logs", *args, stdout=out)
    return out.getvalue().splitlines()


def _usernames(model) -> set[str]:
    return set(model.objects.values_list("username", flat=True))


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.mark.django_db
def test_it_deletes_entries_older_than_180_days_and_keeps_the_rest(clock):
    _entries_at(clock, timedelta(days=180, minutes=1), "outside")
    _entries_at(clock, timedelta(days=179, hours=23, minutes=59), "inside")
    _entries_at(clock, timedelta(days=1), "yesterday")

    assert _purge() == [
        "Security log entries older than 180 days (before 2026-05-27 11:00):",
        "  logins and logouts (AccessLog): 1 deleted",
        "  failed logins (AccessFailureLog): 1 deleted",
        "  lockout counters (AccessAttempt): 1 deleted",
    ]
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        assert _usernames(model) == {"inside", "yesterday"}


@pytest.mark.django_db
def test_running_it_again_deletes_nothing(clock):
    _entries_at(clock, timedelta(days=200), "old")
    _purge()
    assert _purge()[1:] == [
        "  logins and logouts (AccessLog): 0 deleted",
        "  failed logins (AccessFailureLog): 0 deleted",
        "  lockout counters (AccessAttempt): 0 deleted",
    ]


@pytest.mark.django_db
def test_a_dry_run_counts_and_deletes_nothing(clock):
    _entries_at(clock, timedelta(days=200), "old")
    _entries_at(clock, timedelta(days=250), "older")
    assert _purge("--dry-run")[1:] == [
        "  logins and logouts (AccessLog): 2 would be deleted",
        "  failed logins (AccessFailureLog): 2 would be deleted",
        "  lockout counters (AccessAttempt): 2 would be deleted",
    ]
    assert AccessLog.objects.count() == AccessFailureLog.objects.count() == 2
    assert AccessAttempt.objects.count() == 2


@pytest.mark.django_db
def test_the_retention_comes_from_the_setting_or_the_option(clock, settings):
    _entries_at(clock, timedelta(days=40), "forty")
    _entries_at(clock, timedelta(days=20), "twenty")
    settings.SECURITY_LOG_RETENTION_DAYS = 30
    assert _purge()[:2] == [
        "Security log entries older than 30 days (before 2026-10-24 11:00):",
        "  logins and logouts (AccessLog): 1 deleted",
    ]
    assert _usernames(AccessLog) == {"twenty"}
    assert _purge("--days", "10")[1] == "  logins and logouts (AccessLog): 1 deleted"
    assert AccessLog.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_a_retention_under_one_day(clock):
    _entries_at(clock, timedelta(hours=1), "today")
    with pytest.raises(CommandError, match="at least 1 day"):
        _purge("--days", "0")
    assert AccessLog.objects.count() == 1


def test_the_audit_history_and_the_activity_feed_are_kept(clock, world):
    """Budget records are kept with their history, however old: only the security log goes."""
    clock.shift(-timedelta(days=400))
    proposal = create_proposal(world.round, world.children, world.owner, title="Færre vikarer")
    do_record_event(world.round, actor=world.owner, verb="commented", text="Ole kommenterede")
    AccessLog.objects.create(username="ole", ip_address="192.0.2.7", user_agent="test")
    clock.move_to(NOW)
    history = Proposal.history.filter(id=proposal.pk).count()
    assert history >= 1

    _purge()

    assert Proposal.history.filter(id=proposal.pk).count() == history
    assert Event.objects.filter(text="Ole kommenterede").count() == 1
    assert AccessLog.objects.count() == 0
