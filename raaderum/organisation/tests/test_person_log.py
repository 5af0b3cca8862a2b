import logging

from django.urls import reverse

from raaderum.communication.actions import do_record_event
from raaderum.test import PASSWORD, create_proposal

SECRET = "Hemmelig-Kode-4711"


def _admin(django_user_model):
    return django_user_model.objects.create_superuser("it", password="x")


def test_only_installation_administrators_may_search(client, world, django_user_model):
    url = reverse("person_log")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(world.budget_officer)
    assert client.get(url, {"username": "ole"}).status_code == 403
    client.force_login(_admin(django_user_model))
    assert client.get(url, {"username": "ole"}).status_code == 200


def test_logins_failures_changes_and_steps_of_one_person(client, world, django_user_model):
    client.post(reverse("login"), {"username": "ole", "password": SECRET}, REMOTE_ADDR="192.0.2.7")
    client.post(
        reverse("login"), {"username": "ole", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7"
    )
    proposal = create_proposal(world.round, world.children, world.owner, title="Færre vikarer")
    proposal.title = "Færre vikarer i dagplejen"
    proposal._history_user = world.owner  # type: ignore[attr-defined]
    proposal.save()
    do_record_event(
        world.round, actor=world.owner, verb="commented", text="Ole kommenterede »Færre vikarer«"
    )
    # Someone else's entries must not show.
    client.post(
        reverse("login"), {"username": "bente", "password": "forkert"}, REMOTE_ADDR="192.0.2.8"
    )

    client.force_login(_admin(django_user_model))
    html = client.get(reverse("person_log"), {"username": "ole"}).content.decode()
    assert "Mislykket login" in html and "Logget ind" in html and "192.0.2.7" in html
    assert "Færre vikarer i dagplejen" in html  # the change, from the audit history
    assert "Ole kommenterede »Færre vikarer«" in html
    assert "192.0.2.8" not in html

    download = client.get(reverse("person_log"), {"username": "ole", "format": "csv"})
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="log-ole.csv"' in download["Content-Disposition"]
    text = download.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "brugernavn;tidspunkt;art;hvad;adresse"
    assert any(line.startswith("ole;") and "Mislykket login;192.0.2.7" in line for line in lines)


def test_no_log_holds_the_password(client, world, caplog, django_user_model):
    """Failed and successful logins: the password is in no table and no log line."""
    from django.apps import apps
    from django.db import connection

    caplog.set_level(logging.DEBUG)
    client.post(reverse("login"), {"username": "ole", "password": SECRET})
    client.post(reverse("login"), {"username": "ole", "password": SECRET}, REMOTE_ADDR="10.0.0.9")
    assert SECRET not in caplog.text
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from Django)
            for row in cursor.fetchall():
                assert not any(SECRET in str(value) for value in row), table
