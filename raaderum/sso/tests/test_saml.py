"""SAML 2.0 end to end: login button → the test's own IdP (pysaml2's Server) → ACS → logged in."""

from axes.models import AccessAttempt
from django.urls import reverse

from raaderum.organisation.models import User
from raaderum.sso.models import SsoIdentity
from raaderum.sso.tests.providers import SamlProvider, write_key_and_certificate

ROLE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
UPN = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"
PERSON = {
    UPN: ["kaj@norddjurs.dk"],
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": ["Kaj"],
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname": ["Sørensen"],
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": ["kaj@norddjurs.dk"],
    ROLE: ["raaderum-politikere"],
}
NAME_ID = "ZmJhNjQ3YjItMmE0ZC00Yjc3"


def start(client, next_url=""):
    """Press "Log ind med KOMBIT": Råderum redirects to the IdP with a signed-off request."""
    response = client.get(reverse("sso_saml_login") + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302
    assert response["Location"].startswith("https://idp.test/saml/sso?SAMLRequest=")
    return response["Location"]


def finish(client, idp, redirect, **answer):
    form = idp.answer(
        redirect,
        name_id=answer.pop("name_id", NAME_ID),
        attributes=answer.pop("attributes", PERSON),
        **answer,
    )
    return client.post(reverse("sso_saml_acs"), form)


def log_in(client, idp, **answer):
    return finish(client, idp, start(client), **answer)


def test_the_metadata_names_the_acs_and_the_entity(client, saml_idp):
    xml = client.get(reverse("sso_saml_metadata")).content.decode()
    assert 'entityID="http://testserver/sso/saml/metadata/"' in xml
    assert 'Location="http://testserver/sso/saml/acs/"' in xml
    assert "HTTP-POST" in xml


def test_the_login_page_offers_the_provider(client, saml_idp):
    html = client.get(reverse("login")).content.decode()
    assert "Log ind med KOMBIT" in html
    assert 'href="/sso/saml/login/"' in html


def test_a_new_person_logs_in_with_the_role_their_group_gives(client, world, saml_idp):
    response = log_in(client, saml_idp)
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(username="kaj@norddjurs.dk")
    assert (user.first_name, user.last_name, user.email) == ("Kaj", "Sørensen", "kaj@norddjurs.dk")
    assert not user.has_usable_password()
    assert [(m.municipality.code, m.role) for m in user.memberships.all()] == [(707, "politician")]
    identity = SsoIdentity.objects.get(user=user)
    assert (identity.provider, identity.subject) == ("saml", NAME_ID)
    assert identity.issuer == "https://idp.test/saml/metadata"
    html = client.get("/").content.decode()
    assert "Kaj Sørensen" in html and "Budget 2027–2030" in html


def test_the_page_asked_for_is_shown_after_the_login(client, world, saml_idp):
    wanted = reverse("round_detail", args=[world.round.public_id])
    response = finish(client, saml_idp, start(client, wanted))
    assert response.status_code == 302
    assert response["Location"] == wanted


def test_a_next_address_on_another_site_is_ignored(client, world, saml_idp):
    response = finish(client, saml_idp, start(client, "https://evil.example/"))
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_unknown_group_gives_no_access_with_a_danish_message(client, world, saml_idp):
    response = log_in(client, saml_idp, attributes={**PERSON, ROLE: ["kantineudvalget"]})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Du har ikke fået adgang til Råderum" in html
    assert not User.objects.filter(username="kaj@norddjurs.dk").exists()
    assert client.get("/").status_code == 302  # still not logged in


def test_a_tampered_assertion_is_refused(client, world, saml_idp, caplog):
    # The person edits the signed assertion to make themselves budget office.
    response = log_in(client, saml_idp, tamper=(">raaderum-politikere<", ">raaderum-oekonomi<"))
    assert response.status_code == 400
    assert "Svaret fra identitetsudbyderen kunne ikke godkendes" in response.content.decode()
    assert "SignatureError('Failed to verify signature')" in caplog.text
    assert not User.objects.filter(username="kaj@norddjurs.dk").exists()
    assert client.get("/").status_code == 302


def test_an_assertion_signed_by_another_key_is_refused(client, world, saml_idp, tmp_path, caplog):
    other_key, _certificate = write_key_and_certificate(tmp_path, "impostor")
    response = log_in(client, saml_idp, signing_key=other_key)
    assert response.status_code == 400
    assert "SignatureError('Failed to verify signature')" in caplog.text
    assert not User.objects.filter(username="kaj@norddjurs.dk").exists()


def test_an_assertion_for_another_service_is_refused(client, world, saml_idp, caplog):
    response = log_in(client, saml_idp, audience="https://other-service.example/metadata")
    assert response.status_code == 400
    assert "AudienceRestrictions conditions not satisfied" in caplog.text
    assert not User.objects.filter(username="kaj@norddjurs.dk").exists()


def test_an_answer_nobody_asked_for_is_refused(client, world, saml_idp, caplog):
    redirect = start(client)
    other_browser = client.__class__()
    form = saml_idp.answer(redirect, name_id=NAME_ID, attributes=PERSON)
    response = other_browser.post(reverse("sso_saml_acs"), form)
    assert response.status_code == 400
    assert "UnsolicitedResponse" in caplog.text
    assert not User.objects.filter(username="kaj@norddjurs.dk").exists()


def test_an_answer_is_used_once(client, world, saml_idp):
    redirect = start(client)
    form = saml_idp.answer(redirect, name_id=NAME_ID, attributes=PERSON)
    assert client.post(reverse("sso_saml_acs"), form).status_code == 302
    client.post(reverse("logout"))
    assert client.post(reverse("sso_saml_acs"), form).status_code == 400


def test_a_role_change_at_the_provider_is_applied_at_the_next_login(client, world, saml_idp):
    log_in(client, saml_idp)
    client.post(reverse("logout"))
    groups = ["raaderum-oekonomi", "CN=Syddjurs Direktion,OU=Grupper,DC=syddjurs,DC=dk"]
    assert log_in(client, saml_idp, attributes={**PERSON, ROLE: groups}).status_code == 302
    user = User.objects.get(username="kaj@norddjurs.dk")
    assert sorted((m.municipality.code, m.role) for m in user.memberships.all()) == [
        (706, "director"),
        (707, "budget_office"),
    ]
    assert SsoIdentity.objects.count() == 1


def test_kombit_privileges_are_read_from_the_oiosaml_privilege_list(
    client, world, saml_idp, settings
):
    import base64

    privileges = (
        '<bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">'
        '<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189692">'
        "<Privilege>http://raaderum.dk/roles/oekonomi</Privilege></PrivilegeGroup>"
        "</bpp:PrivilegeList>"
    )
    settings.SAML_GROUPS_ATTRIBUTE = "dk:gov:saml:attribute:Privileges_intermediate"
    settings.SSO_ROLE_MAP = "http://raaderum.dk/roles/oekonomi@29189692=707:budget_office"
    attributes = {
        **PERSON,
        "dk:gov:saml:attribute:Privileges_intermediate": [
            base64.b64encode(privileges.encode()).decode()
        ],
    }
    assert log_in(client, saml_idp, attributes=attributes).status_code == 302
    user = User.objects.get(username="kaj@norddjurs.dk")
    assert [m.role for m in user.memberships.all()] == ["budget_office"]


def test_refused_answers_never_lock_the_address(client, world, saml_idp):
    for _ in range(6):
        log_in(client, saml_idp, attributes={**PERSON, ROLE: ["kantineudvalget"]})
        log_in(client, saml_idp, audience="https://other-service.example/metadata")
    assert AccessAttempt.objects.count() == 0
    assert log_in(client, saml_idp).status_code == 302


def test_a_provider_without_http_redirect_gets_a_form_without_script(
    client, db, settings, tmp_path
):
    idp = SamlProvider(tmp_path, binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")
    settings.SITE_URL = "http://testserver"
    settings.SAML_IDP_METADATA = str(idp.metadata_file)
    response = client.get(reverse("sso_saml_login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fortsæt til log ind" in html
    assert '<form method="post" action="https://idp.test/saml/sso">' in html
    assert 'name="SAMLRequest"' in html and "<script>" not in html
    assert "form-action 'self' https:" in response["Content-Security-Policy"]


def test_without_saml_the_addresses_do_not_exist(client, settings):
    settings.SAML_IDP_METADATA = ""
    assert client.get(reverse("sso_saml_login")).status_code == 404
    assert client.get(reverse("sso_saml_metadata")).status_code == 404
    assert client.post(reverse("sso_saml_acs"), {"SAMLResponse": "x"}).status_code == 404
