"""The implementation page: responsible person, milestones, decisions on the initiative."""

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from raaderum.followup.models import InitiativeDecision, InitiativeStatus, Milestone
from raaderum.followup.tests.helpers import adopt, initiative, url_args

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(world):
    adopt(world)
    return world


def edit_url(code="BU-01"):
    return reverse("followup_initiative_edit", args=url_args(code))


def detail_url(code="BU-01"):
    return reverse("followup_initiative", args=url_args(code))


def plan(version, milestones=(), **values):
    data = {
        "version": str(version),
        "responsible": "",
        "responsible_unit": "Skole og Dagtilbud",
        "milestones-TOTAL_FORMS": str(len(milestones) + 2),
        "milestones-INITIAL_FORMS": str(sum(1 for m in milestones if m.get("id"))),
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "1000",
    }
    rows = [*milestones, {}, {}]
    for index, row in enumerate(rows):
        for name in ("id", "title", "due", "status", "done_on", "note", "DELETE"):
            data[f"milestones-{index}-{name}"] = row.get(
                name, "planned" if name == "status" else ""
            )
    data.update(values)
    return data


def test_the_page_shows_expected_per_year_to_everyone(client, adopted):
    for user in adopted.personas().values():
        client.force_login(user)
        page = client.get(detail_url()).content.decode()
        assert "1.000.200" in page and "1.234.567" in page and "Færre vikarer" in page


def test_the_owner_adds_milestones_and_marks_one_done(client, adopted):
    client.force_login(adopted.owner)
    response = client.post(
        edit_url(),
        plan(
            1,
            [
                {"title": "Ny vikarordning aftalt", "due": "2027-02-01"},
                {
                    "title": "Første halvår evalueret",
                    "due": "2027-08-15",
                    "note": "Med MED-udvalget",
                },
            ],
        ),
    )
    assert response.status_code == 302, response.context and response.context["formset"].errors
    found = initiative("BU-01")
    assert found.responsible_unit == "Skole og Dagtilbud"
    assert found.version == 2
    assert [m.title for m in found.milestones.all()] == [
        "Ny vikarordning aftalt",
        "Første halvår evalueret",
    ]
    first = found.milestones.get(title="Ny vikarordning aftalt")
    response = client.post(
        reverse("followup_milestone_done", args=url_args("BU-01", first.public_id))
    )
    assert response["Location"] == detail_url() + "#milestones"
    first.refresh_from_db()
    today = timezone.localdate()
    assert (first.status, first.done_on) == ("done", today)
    assert initiative("BU-01").version == 3
    page = client.get(detail_url()).content.decode()
    assert f"Gennemført {formats.date_format(today, 'j. F Y')}" in page


def test_only_the_budget_office_changes_who_is_responsible(client, adopted):
    client.force_login(adopted.owner)
    client.post(edit_url(), plan(1, responsible=str(adopted.director.pk)))
    assert initiative("BU-01").responsible == adopted.owner
    client.force_login(adopted.budget_officer)
    client.post(edit_url(), plan(2, responsible=str(adopted.director.pk)))
    assert initiative("BU-01").responsible == adopted.director
    # The director is now responsible and may edit; the owner still may as the proposal's owner.
    client.force_login(adopted.director)
    assert client.get(edit_url()).status_code == 200


def test_two_people_never_overwrite_each_other(client, adopted):
    client.force_login(adopted.owner)
    client.post(edit_url(), plan(1, [{"title": "Aftale", "due": "2027-02-01"}]))
    client.force_login(adopted.budget_officer)
    # Started from version 1 too: refused, and told who saved first.
    response = client.post(edit_url(), plan(1, responsible_unit="Skoleafdelingen"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "En anden gemte, mens du redigerede" in page
    assert "Ole Testesen gemte en nyere udgave" in page
    assert 'value="Skoleafdelingen"' in page
    assert initiative("BU-01").responsible_unit == "Skole og Dagtilbud"
    assert Milestone.objects.count() == 1


def test_who_may_edit(client, adopted):
    for user in (adopted.politician, adopted.reader, adopted.contributor, adopted.director):
        client.force_login(user)
        assert client.get(edit_url()).status_code == 403, user
    client.force_login(adopted.outsider)
    assert client.get(edit_url()).status_code == 404
    assert client.get(detail_url()).status_code == 404


def test_a_bad_milestone_is_shown_at_the_field(client, adopted):
    client.force_login(adopted.owner)
    response = client.post(edit_url(), plan(1, [{"title": "", "due": "1. februar"}]))
    assert response.status_code == 422
    errors = response.context["formset"].forms[0].errors
    assert errors["title"] == ["Skriv, hvad milepælen er."]
    assert errors["due"] == ["Indtast en gyldig dato."]
    assert not Milestone.objects.exists()


def decide(client, kind, version=1, **amounts):
    found = initiative("SU-01")
    data = {
        "version": str(version),
        "kind": kind,
        "reason": "Robotterne leveres et år senere.",
        "reference": "Social- og Sundhedsudvalget 12. marts 2027, punkt 4",
    }
    for year, amount in found.expected_by_year().items():
        data[f"expected_{year}"] = amounts.get(f"y{year}", str(amount))
    return client.post(reverse("followup_initiative_decide", args=url_args("SU-01")), data)


def test_the_budget_office_adjusts_closes_and_reopens_with_history(client, adopted):
    client.force_login(adopted.owner)
    assert decide(client, "adjust", y2029="450.000").status_code == 403
    client.force_login(adopted.budget_officer)
    response = decide(client, "adjust")
    assert response.status_code == 422  # nothing changed
    assert "Ændr mindst ét forventet beløb for at justere." in response.content.decode()
    assert decide(client, "adjust", y2029="450.000", y2030="900.000").status_code == 302
    found = initiative("SU-01")
    assert found.expected == {"2027": -400_000, "2028": 0, "2029": 450_000, "2030": 900_000}
    assert decide(client, "close", version=2).status_code == 302
    assert initiative("SU-01").status == InitiativeStatus.CLOSED
    assert decide(client, "reopen", version=3).status_code == 302
    assert initiative("SU-01").status == InitiativeStatus.ACTIVE
    history = list(InitiativeDecision.objects.order_by("pk"))
    assert [d.kind for d in history] == ["adjust", "close", "reopen"]
    assert history[0].expected_before["2029"] == 900_000
    assert history[0].expected_after["2029"] == 450_000
    page = client.get(reverse("followup_initiative", args=url_args("SU-01"))).content.decode()
    assert "Robotterne leveres et år senere." in page
    assert "Social- og Sundhedsudvalget 12. marts 2027, punkt 4" in page
    assert "Forventede beløb justeret" in page and "Genåbnet" in page


def test_a_stale_decision_is_refused(client, adopted):
    client.force_login(adopted.budget_officer)
    decide(client, "close")
    response = decide(client, "adjust", version=1, y2029="1")
    assert response.status_code == 409
    assert initiative("SU-01").expected["2029"] == 900_000
