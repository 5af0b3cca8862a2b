"""The owner's assessment of a year and the budget office's review: who may do what, bad input."""

import pytest
from django.urls import reverse

from raaderum.communication.models import Event, Notification
from raaderum.followup.actions import do_save_realisation
from raaderum.followup.models import Realisation, ReviewState
from raaderum.followup.tests.helpers import adopt, assess, initiative, url_args

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(world):
    adopt(world)
    return world


def url(code="BU-01", year=2027):
    return reverse("followup_realisation", args=url_args(code, year))


def review_url(code="BU-01", year=2027):
    return reverse("followup_realisation_review", args=url_args(code, year))


def entry(**values):
    data = {
        "version": "0",
        "realised": "1.000.200",
        "status": "on_track",
        "assessment": "Vikarudgifterne faldt som ventet.",
        "learning": "Tidlig dialog med skolelederne hjalp.",
    }
    data.update(values)
    return data


def test_the_owner_saves_a_draft_then_submits_it(client, adopted, emails):
    Event.objects.all().delete()
    Notification.objects.all().delete()
    client.force_login(adopted.owner)
    response = client.post(url(), entry(realised="900.000", status="", assessment=""))
    assert response.status_code == 302
    realisation = Realisation.objects.get()
    assert (realisation.realised, realisation.state, realisation.version) == (
        900_000,
        ReviewState.DRAFT,
        1,
    )
    assert not Event.objects.exists()  # a draft is not news

    response = client.post(url(), entry(version="1", submit="1"))
    assert response.status_code == 302
    realisation.refresh_from_db()
    assert (realisation.realised, realisation.state) == (1_000_200, ReviewState.SUBMITTED)
    assert realisation.submitted_by == adopted.owner
    assert realisation.learning == "Tidlig dialog med skolelederne hjalp."
    event = Event.objects.get()
    assert event.text == (
        "Ole Testesen indsendte vurderingen af BU-01 Færre vikarer for 2027: "
        "1.000.200 kr. realiseret."
    )
    assert list(Notification.objects.values_list("user__username", flat=True)) == ["bente"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1.000,200", "Beløbet skal være hele kroner."),
        ("1,000,200", "Skriv beløbet som et tal, fx 1.234 eller −250,5."),
        ("1000.5", "Brug komma som decimaltegn, fx 1,5."),
        ("en million", "Skriv beløbet som et tal, fx 1.234 eller −250,5."),
        ("250 t.kr.", "Skriv beløbet i hele kroner, fx 250.000."),
    ],
)
def test_a_bad_amount_is_shown_at_the_field_and_nothing_is_saved(client, adopted, typed, message):
    client.force_login(adopted.owner)
    response = client.post(url(), entry(realised=typed, submit="1"))
    assert response.status_code == 422
    assert response.context["form"].errors["realised"] == [message]
    page = response.content.decode()
    assert 'id="id_realised-error"' in page
    assert f'value="{typed}"' in page  # what was typed is kept
    assert not Realisation.objects.exists()


def test_danish_amounts_are_parsed(client, adopted):
    client.force_login(adopted.owner)
    client.post(url(), entry(realised="−1.234.567"))
    assert Realisation.objects.get().realised == -1_234_567


def test_submitting_needs_amount_status_and_reason(client, adopted):
    client.force_login(adopted.owner)
    response = client.post(url(), entry(realised="", status="", assessment=" ", submit="1"))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert errors["realised"] == ["Indtast det realiserede beløb, før du indsender."]
    assert errors["status"] == ["Vælg en status, før du indsender."]
    assert errors["assessment"] == ["Skriv hvorfor, før du indsender."]


def test_a_year_outside_the_proposals_period_is_refused(client, adopted):
    client.force_login(adopted.owner)
    response = client.post(url(year=2031), entry(submit="1"))
    assert response.status_code == 404
    assert (
        "BU-01 blev vedtaget for 2027–2030. Realiserede gevinster kan kun indtastes for de år, "
        "ikke for 2031."
    ) in response.content.decode()
    assert client.get(url(year=2026)).status_code == 404
    assert not Realisation.objects.exists()
    with pytest.raises(ValueError, match="outside"):
        do_save_realisation(
            initiative("BU-01"),
            2031,
            {"realised": 1, "status": "", "assessment": "", "learning": ""},
            submit=False,
            expected_version=0,
            user=adopted.owner,
        )


def test_a_stale_form_is_refused_with_a_clear_message(client, adopted):
    client.force_login(adopted.owner)
    client.post(url(), entry(realised="900.000"))
    # The director saves in between, from the same starting point the owner had.
    client.force_login(adopted.budget_officer)
    client.post(url(), entry(version="1", realised="950.000"))
    client.force_login(adopted.owner)
    response = client.post(url(), entry(version="1", realised="1.000.000"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "En anden gemte, mens du redigerede" in page
    assert "Bente Testesen gemte en nyere udgave" in page
    assert 'value="1.000.000"' in page  # the owner's input is kept
    assert Realisation.objects.get().realised == 950_000
    # Saving again from the form now based on the newer version works.
    response = client.post(url(), entry(version="2", realised="1.000.000"))
    assert response.status_code == 302
    assert Realisation.objects.get().realised == 1_000_000


def test_only_those_who_answer_for_it_may_enter(client, adopted):
    for user in (adopted.politician, adopted.reader, adopted.contributor, adopted.director):
        client.force_login(user)
        response = client.post(url(), entry(submit="1"))
        assert response.status_code == 403, user
    assert not Realisation.objects.exists()
    client.force_login(adopted.outsider)
    assert client.post(url(), entry()).status_code == 404
    assert client.get(url()).status_code == 404


def test_the_owner_cannot_approve_and_the_budget_office_can(client, adopted):
    assess(adopted, "BU-01", 2027, 1_000_200, approve=False)
    realisation = Realisation.objects.get()
    for user in (adopted.owner, adopted.director, adopted.politician):
        client.force_login(user)
        response = client.post(
            review_url(), {"version": realisation.version, "decision": "approve"}
        )
        assert response.status_code == 403, user
    client.force_login(adopted.outsider)
    assert client.post(review_url(), {"decision": "approve"}).status_code == 404
    realisation.refresh_from_db()
    assert realisation.state == ReviewState.SUBMITTED

    client.force_login(adopted.budget_officer)
    response = client.post(review_url(), {"version": realisation.version, "decision": "approve"})
    assert response.status_code == 302
    realisation.refresh_from_db()
    assert realisation.state == ReviewState.APPROVED
    assert realisation.reviewed_by == adopted.budget_officer


def test_sending_back_needs_a_note_and_reopens_the_entry(client, adopted):
    assess(adopted, "BU-01", 2027, 1_000_200, approve=False)
    realisation = Realisation.objects.get()
    client.force_login(adopted.budget_officer)
    response = client.post(review_url(), {"version": realisation.version, "decision": "return"})
    assert response.status_code == 422
    assert response.context["review_form"].errors["note"] == ["Skriv, hvad ejeren skal ændre."]
    response = client.post(
        review_url(),
        {"version": realisation.version, "decision": "return", "note": "Vedlæg regnskabsudtræk."},
    )
    assert response.status_code == 302
    realisation.refresh_from_db()
    assert (realisation.state, realisation.review_note) == (
        ReviewState.RETURNED,
        "Vedlæg regnskabsudtræk.",
    )
    client.force_login(adopted.owner)
    page = client.get(url()).content.decode()
    assert "Sendt retur af økonomiafdelingen" in page and "Vedlæg regnskabsudtræk." in page
    response = client.post(url(), entry(version=str(realisation.version), submit="1"))
    assert response.status_code == 302
    realisation.refresh_from_db()
    assert realisation.state == ReviewState.SUBMITTED


def test_a_submitted_assessment_cannot_be_changed_by_the_owner(client, adopted):
    assess(adopted, "BU-01", 2027, 1_000_200, approve=False)
    client.force_login(adopted.owner)
    response = client.post(url(), entry(version="1", realised="5"))
    assert response.status_code == 302
    assert Realisation.objects.get().realised == 1_000_200


def test_politicians_see_approved_assessments_only(client, adopted):
    assess(adopted, "BU-01", 2027, 987_654, approve=False)
    client.force_login(adopted.politician)
    page = client.get(url()).content.decode()
    assert "987.654" not in page
    assert "Økonomiafdelingen har endnu ikke godkendt ejerens vurdering." in page
    client.force_login(adopted.reader)
    assert "987.654 kr." in client.get(url()).content.decode()
    realisation = Realisation.objects.get()
    client.force_login(adopted.budget_officer)
    client.post(review_url(), {"version": realisation.version, "decision": "approve"})
    client.force_login(adopted.politician)
    assert "987.654 kr." in client.get(url()).content.decode()
