from datetime import timedelta

import time_machine
from django.urls import reverse

from raaderum.test import PASSWORD


def test_the_login_page_is_danish(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="da"' in html
    assert "Log ind på Råderum" in html and "Brugernavn" in html and "Adgangskode" in html


def test_a_wrong_password_gives_a_danish_message_and_keeps_the_username(client, world):
    response = client.post(reverse("login"), {"username": "bente", "password": "forkert"})
    html = response.content.decode()
    assert "Indtast venligst korrekt brugernavn og adgangskode" in html
    assert 'value="bente"' in html


def test_logging_in_leads_to_the_rounds(client, world):
    response = client.post(reverse("login"), {"username": "bente", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_logout_is_a_post(client, world):
    client.force_login(world.owner)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


def test_english_can_be_chosen(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en"' in html and "Log in to Råderum" in html


def test_pages_send_a_content_security_policy_without_inline_script(client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_danish_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("login"), headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="da"' in response.content.decode()
    assert response["Content-Language"] == "da"


def test_every_input_is_styled_by_the_design_system(client):
    html = client.get(reverse("login")).content.decode()
    assert (
        'type="password" name="password" autocomplete="current-password" class="form-input"' in html
    )


def _fail(client, username="bente", address="192.0.2.10", times=1):
    for _ in range(times):
        response = client.post(
            reverse("login"), {"username": username, "password": "forkert"}, REMOTE_ADDR=address
        )
    return response


def test_five_wrong_passwords_lock_the_user_name_from_that_address(client, world, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert _fail(client, times=4).status_code == 200  # the form again, with its message
    locked = _fail(client)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "For mange mislykkede login" in html and "15 minutter" in html
    # Even the right password is refused while locked ...
    right = client.post(
        reverse("login"), {"username": "bente", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert right.status_code == 429
    # ... but the same user from another address, and a colleague from this one, may log in.
    other_address = client.post(
        reverse("login"), {"username": "bente", "password": PASSWORD}, REMOTE_ADDR="192.0.2.99"
    )
    assert other_address.status_code == 302
    client.logout()
    colleague = client.post(
        reverse("login"), {"username": "ole", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert colleague.status_code == 302


def test_the_lock_ends_after_the_cool_off(client, world):
    with time_machine.travel("2026-11-23 10:00 +0100", tick=False) as traveller:
        _fail(client, times=5)
        traveller.shift(timedelta(minutes=14))
        assert _fail(client).status_code == 429
        traveller.shift(timedelta(minutes=16))
        right = client.post(
            reverse("login"),
            {"username": "bente", "password": PASSWORD},
            REMOTE_ADDR="192.0.2.10",
        )
        assert right.status_code == 302


def test_a_successful_login_resets_the_count(client, world):
    _fail(client, times=4)
    ok = client.post(
        reverse("login"), {"username": "bente", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert ok.status_code == 302
    client.logout()
    assert _fail(client, times=4).status_code == 200
