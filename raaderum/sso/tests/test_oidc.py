"""OpenID Connect end to end: login button → the test's own provider → callback → logged in.

The provider runs on 127.0.0.1 (raaderum/sso/tests/providers.py); Råderum talks to it for real
(discovery, token, JWKS, userinfo), the browser's part is played by the test client and requests.
"""

import time
from urllib.parse import urlsplit

import requests
from axes.models import AccessAttempt, AccessLog
from django.urls import reverse

from raaderum.organisation.models import Membership, User
from raaderum.sso.models import SsoIdentity
from raaderum.sso.tests.providers import new_key
from raaderum.test import PASSWORD, create_user


def start(client, next_url=""):
    """Press "Log ind med Keycloak": Råderum sends the browser to the provider."""
    response = client.get(reverse("sso_oidc_login") + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302
    return response["Location"]


def approve(oidc, location):
    """The provider's page: it approves the configured person at once and sends them back."""
    assert location.startswith(f"{oidc.issuer}/authorize?")
    answer = requests.get(location, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    assert back.path == reverse("sso_oidc_callback")
    return f"{back.path}?{back.query}"


def log_in(client, oidc, next_url=""):
    return client.get(approve(oidc, start(client, next_url)))


def memberships(username):
    return sorted(
        (m.municipality.code, m.role) for m in Membership.objects.filter(user__username=username)
    )


def test_the_login_page_offers_the_provider(client, oidc):
    html = client.get(reverse("login")).content.decode()
    assert 'href="/sso/oidc/login/">Log ind med Keycloak</a>' in html
    assert "Eller log ind med brugernavn og adgangskode" in html


def test_the_request_asks_for_a_code_with_pkce_and_a_nonce(client, db, oidc):
    query = urlsplit(start(client)).query
    assert "response_type=code" in query and "client_id=raaderum" in query
    assert "code_challenge_method=S256" in query and "nonce=" in query
    assert "redirect_uri=http%3A%2F%2Ftestserver%2Fsso%2Foidc%2Fcallback%2F" in query


def test_a_new_person_logs_in_with_the_role_their_group_gives(client, world, oidc):
    response = log_in(client, oidc)
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(username="birgitte")
    assert (user.first_name, user.last_name, user.email) == (
        "Birgitte",
        "Nielsen",
        "bini@norddjurs.dk",
    )
    assert not user.has_usable_password()
    assert memberships("birgitte") == [(707, "budget_office")]
    identity = SsoIdentity.objects.get(user=user)
    assert (identity.provider, identity.issuer) == ("oidc", oidc.issuer)
    assert identity.subject == "5f0c2a4e-1b7d-4c55-9d1e-8a2b3c4d5e6f"
    html = client.get("/").content.decode()
    assert "Birgitte Nielsen" in html and "Budget 2027–2030" in html


def test_the_page_asked_for_is_shown_after_the_login(client, world, oidc):
    wanted = reverse("round_detail", args=[world.round.public_id])
    assert log_in(client, oidc, wanted)["Location"] == wanted


def test_a_next_address_on_another_site_is_ignored(client, world, oidc):
    assert log_in(client, oidc, "https://evil.example/")["Location"] == "/"


def test_the_login_is_in_the_security_log_of_the_person(client, world, oidc):
    log_in(client, oidc)
    [entry] = AccessLog.objects.filter(username="birgitte")
    assert entry.path_info == "/sso/oidc/callback/"


def test_a_broken_role_map_refuses_without_touching_memberships(client, world, oidc, settings):
    log_in(client, oidc)
    client.post(reverse("logout"))
    settings.SSO_ROLE_MAP = "raaderum-oekonomi=707:oekonomi"
    response = log_in(client, oidc)
    assert response.status_code == 403
    assert "Single sign-on er ikke sat rigtigt op" in response.content.decode()
    assert memberships("birgitte") == [(707, "budget_office")]


def test_the_strongest_role_of_several_groups_wins(client, world, oidc):
    oidc.claims["groups"] = ["raaderum-laesere", "raaderum-oekonomi", "raaderum-politikere"]
    log_in(client, oidc)
    assert memberships("birgitte") == [(707, "budget_office")]


def test_an_unknown_group_gives_no_access_with_a_danish_message(client, world, oidc):
    oidc.claims["groups"] = ["kantineudvalget"]
    response = log_in(client, oidc)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Du har ikke fået adgang til Råderum" in html
    assert "Bed din kommunes it-support eller økonomiafdeling" in html
    assert not User.objects.filter(username="birgitte").exists()
    assert client.get("/").status_code == 302  # not logged in


def test_a_group_of_a_municipality_that_does_not_exist_gives_no_access(client, world, oidc):
    oidc.claims["groups"] = ["raaderum-aarhus"]  # 751 is in the map, not in the database
    assert log_in(client, oidc).status_code == 403


def test_a_role_change_at_the_provider_is_applied_at_the_next_login(client, world, oidc):
    log_in(client, oidc)
    client.post(reverse("logout"))
    oidc.claims["groups"] = [
        "raaderum-politikere",
        "cn=syddjurs direktion,ou=grupper,dc=syddjurs,dc=dk",  # the case does not matter
    ]
    assert log_in(client, oidc).status_code == 302
    assert memberships("birgitte") == [(706, "director"), (707, "politician")]
    client.post(reverse("logout"))
    # Out of every group: refused, and the memberships are gone.
    oidc.claims["groups"] = []
    assert log_in(client, oidc).status_code == 403
    assert memberships("birgitte") == []


def test_a_changed_name_at_the_provider_is_taken_over(client, world, oidc):
    log_in(client, oidc)
    client.post(reverse("logout"))
    oidc.claims.update(family_name="Nielsen Holm", preferred_username="bnh")
    log_in(client, oidc)
    user = User.objects.get(sso_identities__subject=oidc.claims["sub"])
    assert (user.username, user.last_name) == ("birgitte", "Nielsen Holm")  # same user


def test_an_existing_local_user_is_linked_by_user_name(client, world, oidc):
    oidc.claims.update(preferred_username="ole", groups=["raaderum-politikere"])
    assert log_in(client, oidc).status_code == 302
    assert int(client.session["_auth_user_id"]) == world.owner.pk
    # From now on the groups decide: the owner role she had by hand is replaced.
    assert memberships("ole") == [(707, "politician")]
    world.owner.refresh_from_db()
    assert world.owner.check_password(PASSWORD)  # local passwords stay possible


def test_an_administrator_is_never_taken_over(client, world, oidc):
    User.objects.create_superuser("admin", password=PASSWORD)
    oidc.claims["preferred_username"] = "admin"
    response = log_in(client, oidc)
    assert response.status_code == 403
    assert "tilhører en administrator af Råderum" in response.content.decode()
    assert not SsoIdentity.objects.exists()


def test_a_closed_user_is_refused(client, world, oidc):
    log_in(client, oidc)
    client.post(reverse("logout"))
    User.objects.filter(username="birgitte").update(is_active=False)
    response = log_in(client, oidc)
    assert response.status_code == 403
    assert "Din bruger i Råderum er lukket" in response.content.decode()


def test_an_id_token_for_another_application_is_refused(client, world, oidc, caplog):
    oidc.id_token_overrides = {"aud": "another-application"}
    response = log_in(client, oidc)
    assert response.status_code == 400
    assert "Svaret fra identitetsudbyderen kunne ikke godkendes" in response.content.decode()
    assert "Audience doesn't match" in caplog.text
    assert not User.objects.filter(username="birgitte").exists()
    assert client.get("/").status_code == 302


def test_an_id_token_signed_with_another_key_is_refused(client, world, oidc, caplog):
    oidc.signing_key = new_key()
    assert log_in(client, oidc).status_code == 400
    assert "Signature verification failed" in caplog.text
    assert not User.objects.filter(username="birgitte").exists()


def test_an_id_token_from_another_issuer_is_refused(client, world, oidc, caplog):
    oidc.id_token_overrides = {"iss": "https://login.example.com/other"}
    assert log_in(client, oidc).status_code == 400
    assert "Invalid issuer" in caplog.text


def test_an_expired_id_token_is_refused(client, world, oidc, caplog):
    now = int(time.time())
    oidc.id_token_overrides = {"iat": now - 3600, "exp": now - 600}
    assert log_in(client, oidc).status_code == 400
    assert "Signature has expired" in caplog.text


def test_a_tampered_id_token_is_refused(client, world, oidc, caplog):
    # The group is raised in the token's payload after signing.
    oidc.tamper_id_token = ("raaderum-laesere", "raaderum-oekonomi")
    oidc.claims["groups"] = ["raaderum-laesere"]
    assert log_in(client, oidc).status_code == 400
    assert "Signature verification failed" in caplog.text
    assert not User.objects.filter(username="birgitte").exists()


def test_userinfo_about_another_person_is_refused(client, world, oidc, caplog):
    oidc.userinfo_overrides = {"sub": "someone-else"}
    assert log_in(client, oidc).status_code == 400
    assert "userinfo is about another subject" in caplog.text


def test_a_callback_cannot_be_used_twice(client, world, oidc):
    callback = approve(oidc, start(client))
    assert client.get(callback).status_code == 302
    client.post(reverse("logout"))
    response = client.get(callback)
    assert response.status_code == 400
    assert "Login blev afbrudt" in response.content.decode()


def test_a_callback_with_a_forged_state_is_refused(client, world, oidc):
    start(client)  # a login is under way in this browser, with its own state
    response = client.get(reverse("sso_oidc_callback") + "?code=stolen&state=forged")
    assert response.status_code == 400
    assert oidc.token_requests == 0


def test_a_login_cancelled_at_the_provider_says_so(client, world, oidc):
    state = urlsplit(start(client)).query.split("state=")[1].split("&")[0]
    response = client.get(f"{reverse('sso_oidc_callback')}?error=access_denied&state={state}")
    assert response.status_code == 400
    assert "Login blev afbrudt" in response.content.decode()


def test_a_provider_that_does_not_answer_gives_a_danish_message(client, world, settings):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens there
    settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET = "raaderum", "x"
    response = client.get(reverse("sso_oidc_login"))
    assert response.status_code == 502
    assert "Identitetsudbyderen svarede ikke" in response.content.decode()


def test_refused_logins_never_lock_the_address(client, world, oidc):
    oidc.claims["groups"] = ["kantineudvalget"]
    for _ in range(6):
        assert log_in(client, oidc).status_code == 403
    assert AccessAttempt.objects.count() == 0
    oidc.claims["groups"] = ["raaderum-oekonomi"]
    assert log_in(client, oidc).status_code == 302


def test_passwords_are_still_throttled_with_sso_on(client, world, oidc):
    for _ in range(4):
        response = client.post(reverse("login"), {"username": "bente", "password": "forkert"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "bente", "password": "forkert"})
    assert response.status_code == 429
    assert oidc.token_requests == 0  # a password login never calls the provider


def test_local_login_can_be_switched_off(client, world, oidc, settings):
    settings.LOCAL_LOGIN = False
    settings.AUTHENTICATION_BACKENDS = [
        b for b in settings.AUTHENTICATION_BACKENDS if not b.endswith("ModelBackend")
    ]
    html = client.get(reverse("login")).content.decode()
    assert "Log ind med Keycloak" in html
    assert 'name="password"' not in html and "Eller log ind" not in html
    response = client.post(reverse("login"), {"username": "bente", "password": PASSWORD})
    assert response.status_code == 200  # not logged in
    assert client.get("/").status_code == 302
    assert log_in(client, oidc).status_code == 302


def test_without_oidc_the_addresses_do_not_exist(client, settings):
    settings.OIDC_ISSUER = ""
    assert client.get(reverse("sso_oidc_login")).status_code == 404
    assert client.get(reverse("sso_oidc_callback") + "?code=x&state=y").status_code == 404
    assert "Log ind med" not in client.get(reverse("login")).content.decode()


def test_a_local_user_still_logs_in_with_a_password_when_sso_is_on(client, world, oidc):
    create_user("lokal")
    response = client.post(reverse("login"), {"username": "lokal", "password": PASSWORD})
    assert response.status_code == 302
