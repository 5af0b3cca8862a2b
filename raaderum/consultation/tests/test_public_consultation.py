"""The citizens' page: no login, totals per year, and every refusal stores nothing."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from raaderum.consultation import tokens
from raaderum.consultation.models import Answer, AnswerChoice, Consultation
from raaderum.ideas import spam

pytestmark = pytest.mark.django_db


def url(consultation, slug=None):
    return reverse(
        "public_consultation",
        args=[slug or consultation.version.round.municipality.slug, consultation.public_id],
    )


def answer(consultation, chosen=(), comment="", **extra):
    return {
        "chosen": list(chosen),
        "comment": comment,
        "token": tokens.issue_token(consultation),
        "website": "",
        "action": "submit",
        **extra,
    }


def test_it_needs_no_login_and_shows_the_proposals_and_the_target(client, consultation):
    response = client.get(url(consultation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hjælp os med at prioritere" in html and "Vælg de forslag, du ville vælge." in html
    assert "BU-01 Større klasser" in html and "SU-02 Færre pladser" in html
    assert re.search(r'name="token" value="[^"]+"', html)
    assert "Du har valgt 0 forslag." in html
    assert "Dit valg når endnu ikke målet i alle år." in html


def test_calculating_shows_the_totals_per_year_and_stores_nothing(client, consultation):
    data = answer(consultation, ["BU-01", "SU-01"], comment="Min kommentar", action="calculate")
    response = client.post(url(consultation), data)
    assert response.status_code == 200
    selection = response.context["selection"]
    assert selection.total == {
        2027: 1_000_000,
        2028: 32_345_678,
        2029: 32_345_678,
        2030: 32_345_678,
    }
    assert selection.met
    html = response.content.decode()
    assert "Du har valgt 2 forslag." in html and "Dit valg når målet i alle år." in html
    assert "Min kommentar" in html  # kept for the citizen
    assert 'id="c-BU-01" name="chosen" value="BU-01" checked' in html
    assert not Answer.objects.exists()


def test_htmx_gets_only_the_totals(client, consultation):
    response = client.post(
        url(consultation), {"chosen": ["SU-01", "SU-02"]}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "Du har valgt 2 forslag." in html
    # SU-01 and SU-02 are alternatives: the citizen is told, as in the simulator.
    assert "er alternativer" in html
    assert not Answer.objects.exists()


def test_an_answer_is_stored_anonymously_and_the_browser_remembers(client, consultation):
    response = client.post(
        url(consultation),
        answer(consultation, ["BU-01", "SU-01"], comment="Luk hellere en skole."),
        REMOTE_ADDR="192.0.2.17",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "public_consultation_thanks",
        args=[consultation.version.round.municipality.slug, consultation.public_id],
    )
    stored = Answer.objects.get()
    assert stored.reached_target is True
    assert stored.comment == "Luk hellere en skole."
    assert stored.submitted_on == timezone.localdate()
    assert sorted(stored.chosen.values_list("code", flat=True)) == ["BU-01", "SU-01"]
    values = " ".join(str(v) for v in Answer.objects.values().get().values())
    assert "192.0.2" not in values
    cookie = response.cookies[f"answered_{consultation.public_id.hex[:12]}"]
    assert cookie["httponly"] and cookie["path"] == url(consultation)
    thanks = client.get(response["Location"])
    assert "Norddjurs Kommune har modtaget dit svar." in thanks.content.decode()


def test_an_answer_short_of_the_target_counts_too(client, consultation):
    client.post(url(consultation), answer(consultation, ["SU-01"]))
    assert Answer.objects.get().reached_target is False


def test_the_same_browser_cannot_answer_twice(client, consultation):
    client.post(url(consultation), answer(consultation, ["SU-01"]))
    page = client.get(url(consultation))
    assert "Vi har allerede modtaget et svar fra denne browser." in page.content.decode()
    response = client.post(url(consultation), answer(consultation, ["SU-02"]))
    assert response.status_code == 409
    assert "Dit svar er ikke gemt" in response.content.decode()
    assert Answer.objects.count() == 1


def test_the_same_form_sent_twice_counts_once(client, consultation):
    data = answer(consultation, ["SU-01"])
    client.post(url(consultation), data)
    client.cookies.clear()  # even without the cookie
    response = client.post(url(consultation), data)
    assert response.status_code == 409
    assert "Vi har allerede modtaget et svar fra denne browser." in response.content.decode()
    assert Answer.objects.count() == 1


def test_a_tampered_token_is_refused(client, consultation):
    data = answer(consultation, ["SU-01"])
    data["token"] = data["token"][:-3] + "abc"
    response = client.post(url(consultation), data)
    assert response.status_code == 422
    assert "Formularen har været åben for længe eller er blevet ændret." in (
        response.content.decode()
    )
    assert not Answer.objects.exists()


def test_an_answer_after_closing_is_refused(client, consultation):
    data = answer(consultation, ["SU-01"])
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    response = client.post(url(consultation), data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Dit svar er ikke gemt" in html and "Høringen lukkede den" in html
    assert not Answer.objects.exists()
    assert "Høringen lukkede den" in client.get(url(consultation)).content.decode()


def test_an_answer_before_opening_is_refused(client, consultation):
    data = answer(consultation, ["SU-01"])
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=timezone.localdate() + timedelta(days=1)
    )
    assert client.post(url(consultation), data).status_code == 409
    assert "Høringen åbner den" in client.get(url(consultation)).content.decode()
    assert not Answer.objects.exists()


def test_tampered_proposal_codes_are_refused(client, world, catalog, consultation):
    consultation.proposals.remove(catalog.version.proposals.get(code="SU-02"))
    for chosen in (["SU-01", "SU-02"], ["SU-01", "XX-99"], ["SU-01", "x" * 40]):
        response = client.post(url(consultation), answer(consultation, chosen))
        assert response.status_code == 422, chosen
        assert (
            "Et eller flere af de valgte forslag er ikke med i høringen. Dit svar er ikke gemt."
            in response.content.decode()
        )
    assert not Answer.objects.exists()
    assert not AnswerChoice.objects.exists()


def test_an_over_long_comment_is_refused_and_kept(client, consultation):
    response = client.post(url(consultation), answer(consultation, ["SU-01"], comment="ø" * 2001))
    assert response.status_code == 422
    html = response.content.decode()
    assert "Skriv højst 2.000 tegn. Dit svar er ikke gemt." in html
    assert "ø" * 2001 in html
    assert not Answer.objects.exists()


def test_a_filled_honeypot_stores_nothing_but_answers_the_same(client, consultation):
    response = client.post(url(consultation), answer(consultation, ["SU-01"], website="x"))
    assert response.status_code == 302
    assert not Answer.objects.exists()


def test_a_flood_from_one_address_is_stopped(client, consultation):
    for n in range(spam.PUBLIC_IDEA_LIMIT):
        client.cookies.clear()
        response = client.post(
            url(consultation), answer(consultation, ["SU-01"]), REMOTE_ADDR="192.0.2.17"
        )
        assert response.status_code == 302, n
    client.cookies.clear()
    response = client.post(
        url(consultation),
        answer(consultation, ["SU-01"], comment="Mit svar"),
        REMOTE_ADDR="192.0.2.17",
    )
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "For mange svar på kort tid" in html and "Mit svar" in html
    assert Answer.objects.count() == spam.PUBLIC_IDEA_LIMIT
    # Another address is not held back.
    client.cookies.clear()
    response = client.post(
        url(consultation), answer(consultation, ["SU-01"]), REMOTE_ADDR="192.0.2.18"
    )
    assert response.status_code == 302


def test_a_citizen_meeting_on_one_connection_gets_the_limit_the_budget_office_set(
    client, consultation
):
    consultation.answers_per_address = 8
    consultation.save()
    for n in range(8):
        client.cookies.clear()
        response = client.post(
            url(consultation), answer(consultation, ["SU-01"]), REMOTE_ADDR="192.0.2.40"
        )
        assert response.status_code == 302, n
    client.cookies.clear()
    response = client.post(
        url(consultation), answer(consultation, ["SU-01"]), REMOTE_ADDR="192.0.2.40"
    )
    assert response.status_code == 429
    assert Answer.objects.count() == 8


def test_each_public_form_counts_on_its_own(client, consultation):
    # Ideas sent from the same address do not use up the consultation's answers.
    for _ in range(spam.PUBLIC_IDEA_LIMIT + 1):
        spam.allow_public_post("192.0.2.41")
    response = client.post(
        url(consultation), answer(consultation, ["SU-01"]), REMOTE_ADDR="192.0.2.41"
    )
    assert response.status_code == 302
    assert Answer.objects.count() == 1


def test_calculating_is_not_counted_as_a_post(client, consultation):
    for _ in range(spam.PUBLIC_IDEA_LIMIT + 2):
        data = answer(consultation, ["SU-01"], action="calculate")
        assert client.post(url(consultation), data, REMOTE_ADDR="192.0.2.17").status_code == 200
    response = client.post(url(consultation), answer(consultation), REMOTE_ADDR="192.0.2.17")
    assert response.status_code == 302


def test_another_municipalitys_address_is_404(client, world, consultation):
    assert client.get(url(consultation, world.other_municipality.slug)).status_code == 404
    response = client.post(url(consultation, world.other_municipality.slug), answer(consultation))
    assert response.status_code == 404
    assert not Answer.objects.exists()


def test_the_public_list_shows_open_consultations(client, world, consultation):
    html = client.get(
        reverse("public_consultation_list", args=[world.municipality.slug])
    ).content.decode()
    assert "Hjælp os med at prioritere" in html
    html = client.get(
        reverse("public_consultation_list", args=[world.other_municipality.slug])
    ).content.decode()
    assert "Hjælp os med at prioritere" not in html
    assert "Der er ingen åben høring lige nu." in html
