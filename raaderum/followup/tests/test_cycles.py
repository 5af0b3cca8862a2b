"""The yearly follow-up: opened by the budget office, its progress, overdue, and reminders."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from raaderum.communication.models import Notification, Reminder
from raaderum.followup.actions import do_open_cycle
from raaderum.followup.models import FollowUpCycle, Realisation
from raaderum.followup.reminders import do_send_realisation_reminders
from raaderum.followup.tests.helpers import adopt, assess

pytestmark = pytest.mark.django_db


def open_cycle(world, *, entry_days=10, review_days=30, year=2027):
    today = timezone.localdate()
    return do_open_cycle(
        world.municipality,
        {
            "accounts_year": year,
            "entry_deadline": today + timedelta(days=entry_days),
            "review_deadline": today + timedelta(days=review_days),
            "note": "Vedlæg udtræk fra økonomisystemet.",
        },
        user=world.budget_officer,
    )


def test_the_budget_office_opens_a_year_and_the_responsible_are_told(client, world, emails):
    adopt(world)
    Notification.objects.all().delete()
    client.force_login(world.budget_officer)
    url = reverse("followup_cycle_create", args=[world.municipality.slug])
    response = client.post(
        url,
        {
            "accounts_year": "2027",
            "entry_deadline": "2028-03-15",
            "review_deadline": "2028-03-01",
            "note": "",
        },
    )
    assert response.status_code == 422
    assert response.context["form"].errors["review_deadline"] == [
        "Fristen for gennemgang skal ligge samme dag som eller efter ejernes frist."
    ]
    response = client.post(
        url,
        {
            "accounts_year": "2027",
            "entry_deadline": "2028-03-15",
            "review_deadline": "2028-04-01",
            "note": "",
        },
    )
    assert response.status_code == 302
    cycle = FollowUpCycle.objects.get()
    assert (cycle.accounts_year, cycle.opened_by) == (2027, world.budget_officer)
    notification = Notification.objects.get()
    assert notification.user == world.owner
    assert notification.subject == "Opfølgningen på regnskab 2027 er begyndt"
    assert "senest 15. marts 2028" in notification.body
    # The same year cannot be opened twice.
    response = client.post(
        url,
        {"accounts_year": "2027", "entry_deadline": "2028-03-15", "review_deadline": "2028-04-01"},
    )
    assert response.context["form"].errors["accounts_year"] == [
        "Opfølgningen på regnskab 2027 er allerede åbnet."
    ]


def test_only_the_budget_office_opens_and_changes_cycles(client, world):
    cycle = open_cycle(world)
    for user in (world.owner, world.director, world.politician):
        client.force_login(user)
        assert client.get(reverse("followup_cycle_create", args=["norddjurs"])).status_code == 403
        assert (
            client.get(reverse("followup_cycle_edit", args=["norddjurs", 2027])).status_code == 403
        )
        assert client.get(reverse("followup_cycle", args=["norddjurs", 2027])).status_code == 200
    client.force_login(world.outsider)
    assert client.get(reverse("followup_cycle", args=["norddjurs", 2027])).status_code == 404
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("followup_cycle_edit", args=["norddjurs", 2027]),
        {
            "entry_deadline": "2028-03-20",
            "review_deadline": "2028-04-10",
            "note": "",
            "closed": "on",
        },
    )
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.entry_deadline == date(2028, 3, 20) and cycle.closed_at is not None


def test_the_dashboard_counts_progress_and_marks_what_is_overdue(client, world):
    """2027: BU-01 approved, SU-01 (investment, an outlay year) submitted, BU-02 nothing
    expected in 2027 but in its period, so due too and missing."""
    adopt(world)
    cycle = open_cycle(world, entry_days=-1, review_days=20)
    assess(world, "BU-01", 2027, 1_100_000, status="exceeded")
    assess(world, "SU-01", 2027, -412_345, approve=False)
    client.force_login(world.politician)
    response = client.get(reverse("followup_cycle", args=["norddjurs", 2027]))
    assert response.status_code == 200
    assert [(key, count) for key, _label, count in response.context["counts"]] == [
        ("missing", 1),
        ("entered", 0),
        ("submitted", 1),
        ("approved", 1),
    ]
    assert response.context["overdue"] == 1
    page = response.content.decode()
    assert "1 vurdering er ikke indsendt inden ejernes frist." in page
    assert "Fristen er overskredet" in page
    # Politicians see approved figures only; the submitted outlay stays hidden.
    assert "1.100.000" in page and "412.345" not in page
    assert Realisation.objects.get(initiative__decision__published__code="BU-01").cycle == cycle


def test_reminders_go_to_those_who_have_not_submitted_once_a_day(world, emails, settings):
    settings.SITE_URL = "https://raaderum.norddjurs.dk"
    adopt(world)
    open_cycle(world, entry_days=3)
    assess(world, "BU-01", 2027, 1_000_200)
    Notification.objects.all().delete()
    mail.outbox.clear()
    today = timezone.localdate()
    assert do_send_realisation_reminders(today, days=2) == 0  # not yet: 3 days away
    assert do_send_realisation_reminders(today, days=3) == 1
    assert do_send_realisation_reminders(today, days=3) == 0  # once a day
    notification = Notification.objects.get()
    assert notification.user == world.owner
    assert notification.subject == "Påmindelse: 2 vurderinger af regnskab 2027"
    assert "BU-02 Samling af dagtilbud" in notification.body
    assert "SU-01 Velfærdsteknologi" in notification.body
    assert "BU-01" not in notification.body  # submitted and approved
    assert "https://raaderum.norddjurs.dk/rounds/" in notification.body
    assert Reminder.objects.filter(step="realisation_2027", notification=notification).count() == 2
    # Tomorrow again, and the command runs them with the proposal reminders.
    assert do_send_realisation_reminders(today + timedelta(days=1), days=3) == 1


def test_no_reminders_for_a_finished_cycle_or_after_the_review_deadline(world, emails):
    adopt(world)
    cycle = open_cycle(world, entry_days=-20, review_days=-1)
    today = timezone.localdate()
    assert do_send_realisation_reminders(today, days=3) == 0
    cycle.review_deadline = today + timedelta(days=5)
    cycle.closed_at = timezone.now()
    cycle.save()
    assert do_send_realisation_reminders(today, days=3) == 0
    cycle.closed_at = None
    cycle.save()
    assert do_send_realisation_reminders(today, days=3) == 1


def test_the_send_reminders_command_includes_follow_up(world, emails, capsys):
    adopt(world)
    open_cycle(world, entry_days=1)
    call_command("send_reminders", "--days", "3")
    assert "1 reminder(s) made." in capsys.readouterr().out
