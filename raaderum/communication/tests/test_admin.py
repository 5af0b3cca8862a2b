import pytest
from django.urls import reverse

from raaderum.communication.actions import do_add_comment, do_record_event
from raaderum.communication.models import NotificationSetting
from raaderum.test import create_proposal


@pytest.mark.parametrize(
    "model", ["event", "comment", "notification", "notificationsetting", "reminder"]
)
def test_each_model_has_an_admin_list(admin_client, world, emails, model):
    proposal = create_proposal(world.round, world.children, world.owner)
    do_add_comment(proposal, author=world.director, text="Set i admin.")
    do_record_event(world.round, actor=None, verb="x", text="Hændelse.", notify=[world.owner])
    NotificationSetting.objects.create(user=world.owner)
    response = admin_client.get(reverse(f"admin:communication_{model}_changelist"))
    assert response.status_code == 200


def test_the_activity_feed_cannot_be_rewritten_in_the_admin(admin_client, world):
    event = do_record_event(world.round, actor=None, verb="x", text="Hændelse.")
    response = admin_client.post(
        reverse("admin:communication_event_change", args=[event.pk]), {"text": "Omskrevet"}
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.text == "Hændelse."
