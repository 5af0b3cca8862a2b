from django.urls import reverse

from raaderum.communication.models import NotificationMode, NotificationSetting

URL = reverse("notification_settings")


def test_it_offers_both_choices_as_radio_buttons_with_immediate_chosen(client, world, emails):
    client.force_login(world.owner)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<legend class="form-label">Hvordan vil du have e-mails fra Råderum?</legend>' in html
    assert (
        '<input type="radio" class="form-radio" id="id_mode_0" name="mode" value="immediate" '
        "checked>" in html
    )
    assert (
        '<label class="form-label" for="id_mode_0">Med det samme: én e-mail for hver besked</label>'
        in html
    )
    assert "Én gang om dagen: alle beskeder samlet i én e-mail" in html
    assert f"E-mails sendes til {emails['ole']}." in html


def test_choosing_the_digest_saves_it(client, world):
    client.force_login(world.owner)
    response = client.post(URL, {"mode": "daily_digest"}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Dit valg er gemt." in response.content.decode()
    assert NotificationSetting.objects.get(user=world.owner).mode == NotificationMode.DAILY_DIGEST
    assert 'value="daily_digest" checked' in response.content.decode()
    client.post(URL, {"mode": "immediate"})
    assert NotificationSetting.objects.get(user=world.owner).mode == NotificationMode.IMMEDIATE


def test_an_unknown_choice_is_refused_in_danish(client, world):
    client.force_login(world.owner)
    response = client.post(URL, {"mode": "hourly"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Vælg en af mulighederne." in html
    assert 'aria-describedby="mode-error"' in html
    assert not NotificationSetting.objects.exists()


def test_it_warns_a_user_without_an_email_address(client, world):
    client.force_login(world.reader)
    html = client.get(URL).content.decode()
    assert "Du har ingen e-mailadresse i Råderum, så du får ingen e-mails." in html


def test_any_logged_in_user_may_choose_but_only_for_themselves(client, world, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="x")
    client.force_login(stranger)
    assert client.get(URL).status_code == 200
    client.post(URL, {"mode": "daily_digest", "user": world.owner.pk})
    assert NotificationSetting.objects.get().user == stranger


def test_anonymous_users_are_sent_to_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
