from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideas.models import ScreeningCriterion, ScreeningRules


def url(world):
    return reverse("screening_criteria", args=[world.round.public_id])


def management(total, initial):
    return {
        "criteria-TOTAL_FORMS": str(total),
        "criteria-INITIAL_FORMS": str(initial),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }


def test_the_budget_office_sets_the_rules_and_adds_criteria(client, world):
    client.force_login(world.budget_officer)
    assert client.get(url(world)).status_code == 200
    response = client.post(
        url(world),
        {
            "rules-min_amount": "500.000",
            "rules-latest_full_effect_year": "2028",
            **management(2, 0),
            "criteria-0-text": "Kan det gennemføres uden ny it?",
            "criteria-0-position": "",
            "criteria-1-text": "",
            "criteria-1-position": "",
        },
    )
    assert response.status_code == 302
    rules = ScreeningRules.objects.get(round=world.round)
    assert (rules.min_amount, rules.latest_full_effect_year) == (500_000, 2028)
    assert [c.text for c in world.round.screening_criteria.all()] == [
        "Kan det gennemføres uden ny it?"
    ]
    assert Event.objects.get(verb="screening_rules").text == (
        "Bente Testesen har ændret screeningskriterierne."
    )
    html = client.get(response["Location"]).content.decode()
    assert "Screeningskriterierne er gemt." in html
    assert 'value="500.000"' in html


def test_criteria_are_edited_and_deleted(client, world):
    first = ScreeningCriterion.objects.create(round=world.round, text="Gammel tekst", position=1)
    second = ScreeningCriterion.objects.create(round=world.round, text="Slet mig", position=2)
    client.force_login(world.budget_officer)
    response = client.post(
        url(world),
        {
            "rules-min_amount": "",
            "rules-latest_full_effect_year": "",
            **management(3, 2),
            "criteria-0-id": str(first.pk),
            "criteria-0-text": "Ny tekst",
            "criteria-0-position": "5",
            "criteria-1-id": str(second.pk),
            "criteria-1-text": "Slet mig",
            "criteria-1-position": "2",
            "criteria-1-DELETE": "delete",
            "criteria-2-text": "",
        },
    )
    assert response.status_code == 302
    assert list(world.round.screening_criteria.values_list("text", "position")) == [("Ny tekst", 5)]


def test_errors_are_danish_and_nothing_is_saved(client, world):
    client.force_login(world.budget_officer)
    response = client.post(
        url(world),
        {
            "rules-min_amount": "-5",
            "rules-latest_full_effect_year": "1999",
            **management(1, 0),
            "criteria-0-text": "x" * 301,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skriv minimum som et positivt beløb: det, en idé mindst skal frigøre." in html
    assert 'id="id_rules-latest_full_effect_year-error"' in html
    assert 'id="id_criteria-0-text-error"' in html
    assert not ScreeningRules.objects.exists()
    assert not ScreeningCriterion.objects.exists()


def test_a_criterion_of_another_round_cannot_be_edited(client, world):
    foreign = ScreeningCriterion.objects.create(round=world.other_round, text="Syddjurs")
    client.force_login(world.budget_officer)
    response = client.post(
        url(world),
        {
            **management(1, 1),
            "criteria-0-id": str(foreign.pk),
            "criteria-0-text": "Overtaget",
        },
    )
    assert response.status_code in (200, 302)
    foreign.refresh_from_db()
    assert (foreign.text, foreign.round) == ("Syddjurs", world.other_round)


def test_a_director_reads_the_criteria_but_may_not_change_them(client, world):
    ScreeningRules.objects.create(round=world.round, min_amount=2_000_000)
    ScreeningCriterion.objects.create(round=world.round, text="Kan det gennemføres uden ny it?")
    client.force_login(world.director)
    response = client.get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2.000.000 kr." in html and "Kan det gennemføres uden ny it?" in html
    assert "Kun økonomiafdelingen kan ændre kriterierne." in html
    assert 'name="rules-min_amount"' not in html
    response = client.post(url(world), {"rules-min_amount": "1", **management(0, 0)})
    assert response.status_code == 403
    assert ScreeningRules.objects.get().min_amount == 2_000_000


def test_roles_that_do_not_screen_get_403(client, world):
    for user in (world.owner, world.contributor, world.politician, world.reader):
        client.force_login(user)
        assert client.get(url(world)).status_code == 403


def test_another_municipality_gets_404(client, world):
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
    assert client.post(url(world), {}).status_code == 404
