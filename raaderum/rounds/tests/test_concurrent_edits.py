"""Two people editing the round's settings, process plan or screening criteria at once: the
second save is refused (409), nothing of it is saved, what was typed stays on the page with the
values saved meanwhile, and saving again from that page keeps the second person's version."""

import re

from django.urls import reverse

from raaderum.ideas.models import ScreeningRules
from raaderum.lib import concurrency
from raaderum.rounds.models import Phase
from raaderum.rounds.tests.test_round_form import round_data

LOADED = re.compile(r'name="(?:rules-)?loaded_state" value="([0-9a-f]{32})"')


def loaded_state(client, url):
    found = LOADED.search(client.get(url).content.decode())
    assert found, "the form carries the state it was loaded from"
    return found.group(1)


def test_a_stale_round_form_saves_nothing_and_keeps_what_was_typed(client, world):
    client.force_login(world.budget_officer)
    url = reverse("round_edit", args=[world.round.public_id])
    name = world.round.name
    first, second = loaded_state(client, url), loaded_state(client, url)
    assert first == second  # nothing changed between the two loads
    saved = client.post(url, round_data(name=name, target_amount="28.000", loaded_state=first))
    assert saved.status_code == 302

    response = client.post(
        url, round_data(name=name, target_amount="31.500", description="Mit", loaded_state=second)
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "En anden har gemt siden, mens du redigerede. Intet af dit er gemt." in html
    assert "Mål (1.000 kr.)" in html and "gemt i mellemtiden: 28.000.000 kr." in html
    assert 'value="31.500"' in html and "Mit</textarea>" in html
    world.round.refresh_from_db()
    assert (world.round.target_amount, world.round.description) == (28_000_000, "")

    # The page now carries the state saved meanwhile: saving again keeps the second version.
    again = LOADED.search(html)[1]  # type: ignore[index]
    assert again != second
    response = client.post(
        url, round_data(name=name, target_amount="31.500", description="Mit", loaded_state=again)
    )
    assert response.status_code == 302
    world.round.refresh_from_db()
    assert (world.round.target_amount, world.round.description) == (31_500_000, "Mit")


def test_a_stale_process_plan_saves_nothing(client, world):
    client.force_login(world.budget_officer)
    url = reverse("round_plan", args=[world.round.public_id])
    stale = loaded_state(client, url)
    dates = {"ideas_starts_on": "2026-01-05", "ideas_deadline": "2026-02-01"}
    saved = client.post(url, {"current_phase": "ideas", **dates, "loaded_state": stale})
    assert saved.status_code == 302

    response = client.post(
        url,
        {
            "current_phase": "drafting",
            "ideas_starts_on": "2026-01-05",
            "ideas_deadline": "2026-02-20",
            "loaded_state": stale,
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "gemt i mellemtiden: 1. februar 2026" in html
    assert "gemt i mellemtiden: Idéer" in html
    assert 'value="2026-02-20"' in html
    world.round.refresh_from_db()
    assert world.round.current_phase == "ideas"
    assert Phase.objects.get(round=world.round, kind="ideas").deadline.isoformat() == "2026-02-01"


def test_a_stale_screening_page_saves_nothing(client, world):
    client.force_login(world.budget_officer)
    url = reverse("screening_criteria", args=[world.round.public_id])
    stale = loaded_state(client, url)
    management = {
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-position": "",
    }
    first = {
        "rules-min_amount": "500.000",
        "rules-latest_full_effect_year": "2028",
        "rules-loaded_state": stale,
        "criteria-0-text": "Kan det gennemføres uden ny it?",
        **management,
    }
    assert client.post(url, first).status_code == 302

    second = {**first, "rules-min_amount": "750.000", "criteria-0-text": "Kræver det en ny lov?"}
    response = client.post(url, second)
    assert response.status_code == 409
    html = response.content.decode()
    assert "gemt i mellemtiden: 500.000 kr." in html
    assert "gemt i mellemtiden: Kan det gennemføres uden ny it?" in html
    assert 'value="750.000"' in html and "Kræver det en ny lov?" in html
    assert ScreeningRules.objects.get(round=world.round).min_amount == 500_000
    assert [c.text for c in world.round.screening_criteria.all()] == [
        "Kan det gennemføres uden ny it?"
    ]


def test_a_form_without_a_fingerprint_is_not_checked():
    concurrency.check(None, {"anything": 1})
    concurrency.check("", {"anything": 1})


def test_the_fingerprint_follows_the_state():
    assert concurrency.fingerprint({"a": 1, "b": [1, 2]}) == concurrency.fingerprint(
        {"b": [1, 2], "a": 1}
    )
    assert concurrency.fingerprint({"a": 1}) != concurrency.fingerprint({"a": 2})
