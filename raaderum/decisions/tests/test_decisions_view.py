from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.decisions.models import BudgetAgreement, CarryOver, Decision, DecisionSettings
from raaderum.decisions.tests.helpers import decide, publish, published
from raaderum.proposals import calculation
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion
from raaderum.rounds.models import RoundYearTarget
from raaderum.test import World

pytestmark = pytest.mark.django_db


def url(world: World) -> str:
    return reverse("decisions", args=[world.round.public_id])


def form_data(version: CatalogVersion, rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": version.number,
        "body": "Kommunalbestyrelsen",
        "date": "2026-10-08",
        "reference": "Budgetaftale 2027–2030 af 8. oktober 2026",
        "note": "",
    }
    for p in version.proposals.all():
        row = rows.get(p.code, {})
        prefix = f"p{p.position}"
        data[f"{prefix}_outcome"] = row.get("outcome", "")
        data[f"{prefix}_note"] = row.get("note", "")
        if row.get("may_return"):
            data[f"{prefix}_may_return"] = "on"
        data[f"{prefix}_return_from_year"] = row.get("return_from_year", "")
    return data


ALL_DECIDED: dict[str, dict[str, Any]] = {
    "BU-01": {"outcome": "adopted"},
    "BU-02": {"outcome": "adopted", "note": "Fra august"},
    "BU-03": {"outcome": "rejected", "may_return": True, "return_from_year": ""},
    "SU-01": {"outcome": "deferred"},
}


def test_it_records_the_agreement_and_every_decision(client: Client, world: World) -> None:
    version = publish(world)
    client.force_login(world.budget_officer)
    response = client.post(url(world), form_data(version, ALL_DECIDED))
    assert response.status_code == 302
    agreement = BudgetAgreement.objects.get(round=world.round)
    assert agreement.version == version
    assert agreement.reference == "Budgetaftale 2027–2030 af 8. oktober 2026"
    assert agreement.recorded_by == world.budget_officer
    by_code = {d.published.code: d for d in agreement.decisions.all()}
    assert {code: d.outcome for code, d in by_code.items()} == {
        "BU-01": "adopted",
        "BU-02": "adopted",
        "BU-03": "rejected",
        "SU-01": "deferred",
    }
    assert by_code["BU-02"].note == "Fra august"
    # Left empty: the default of the cooling-off period, budget 2027 + 1 + 1.
    assert by_code["BU-03"].may_return is True
    assert by_code["BU-03"].return_from_year == 2029
    # Not rejected: "may return" means nothing and is not stored.
    assert by_code["SU-01"].may_return is False
    assert by_code["SU-01"].return_from_year is None
    event = Event.objects.get(round=world.round, verb="decisions_recorded")
    assert "2 vedtaget, 1 fravalgt, 1 parkeret" in event.text


def test_it_saves_nothing_and_shows_every_error_at_its_field(client: Client, world: World) -> None:
    version = publish(world)
    client.force_login(world.budget_officer)
    rows = dict(ALL_DECIDED)
    rows["BU-02"] = {"outcome": ""}
    rows["BU-03"] = {"outcome": "rejected", "may_return": True, "return_from_year": "2027"}
    data = form_data(version, rows)
    data["date"] = ""
    response = client.post(url(world), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"date", "p2_outcome", "p3_return_from_year"}
    html = response.content.decode()
    assert 'id="id_p2_outcome-error"' in html
    assert 'id="id_p3_return_from_year-error"' in html
    assert 'id="id_date-error"' in html
    # What was typed is kept.
    assert form["p1_outcome"].value() == "adopted"
    assert not BudgetAgreement.objects.exists()
    assert not Decision.objects.exists()
    assert not Event.objects.filter(verb="decisions_recorded").exists()


def test_the_default_return_year_follows_the_municipalitys_cooling_off_period(
    client: Client, world: World
) -> None:
    DecisionSettings.objects.create(municipality=world.municipality, cooling_off_rounds=2)
    version = publish(world)
    client.force_login(world.budget_officer)
    response = client.get(url(world))
    assert response.context["form"]["p3_return_from_year"].value() == 2030
    client.post(url(world), form_data(version, ALL_DECIDED))
    assert Decision.objects.get(published__code="BU-03").return_from_year == 2030


def test_changing_decisions_updates_them(client: Client, world: World) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    client.force_login(world.budget_officer)
    rows = dict(ALL_DECIDED)
    rows["SU-01"] = {"outcome": "adopted"}
    assert client.post(url(world), form_data(version, rows)).status_code == 302
    assert Decision.objects.count() == 4
    assert Decision.objects.get(published__code="SU-01").outcome == "adopted"


def test_the_page_totals_the_adopted_proposals_against_the_target(
    client: Client, world: World
) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    client.force_login(world.politician)
    response = client.get(url(world))
    assert response.status_code == 200
    totals = response.context["totals"]
    # BU-01 and BU-02: råderum is minus the effects.
    assert totals["total"] == {
        2027: 1_000_200,
        2028: 1_234_567 + 2_000_000,
        2029: 333_333,
        2030: -100_001,
    }
    assert totals["target"] == world.round.target_by_year()
    assert response.context["form"] is None
    assert "Budgetaftale 2027–2030" in response.content.decode()


def test_every_role_may_read_the_decisions(client: Client, world: World) -> None:
    publish(world)
    for user in world.personas().values():
        client.force_login(user)
        assert client.get(url(world)).status_code == 200


def test_a_politician_may_not_record_decisions(client: Client, world: World) -> None:
    version = publish(world)
    client.force_login(world.politician)
    assert client.post(url(world), form_data(version, ALL_DECIDED)).status_code == 403
    assert not BudgetAgreement.objects.exists()


def test_it_hides_the_round_from_another_municipality(client: Client, world: World) -> None:
    version = publish(world)
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
    assert client.post(url(world), form_data(version, ALL_DECIDED)).status_code == 404


def test_it_refuses_a_version_of_another_round(client: Client, world: World) -> None:
    version = publish(world)
    client.force_login(world.budget_officer)
    data = form_data(version, ALL_DECIDED)
    data["version"] = 99
    response = client.post(url(world), data)
    assert response.status_code == 200
    assert "version" in response.context["form"].errors
    assert not BudgetAgreement.objects.exists()


def test_published_proposals_are_listed_once_per_row(client: Client, world: World) -> None:
    version = publish(world)
    client.force_login(world.budget_officer)
    response = client.get(url(world))
    assert [row.published.code for row in response.context["form"].rows] == list(published(version))


def test_the_page_needs_a_fixed_number_of_queries(
    client: Client, world: World, django_assert_max_num_queries: Any
) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    client.force_login(world.budget_officer)
    client.get(url(world))  # session and caches
    with django_assert_max_num_queries(11):
        assert client.get(url(world)).status_code == 200


def start_next_round(client: Client, world: World) -> None:
    """Budget 2028 from this round, carrying the deferred and allowed-back proposals over."""
    shown = ",".join(str(pk) for pk in Decision.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("next_round", args=[world.round.public_id]),
        {
            "blocked_shown": shown,
            "name": "Budget 2028–2031",
            "budget_year": "2028",
            "price_level_year": "2028",
            "target_amount": "30.000",
            "full_effect_year": "2029",
            "price_index": "1,000",
            "description": "",
            "max_lix": "",
        },
    )
    assert response.status_code == 302


def test_decisions_carried_over_cannot_move_to_another_version(
    client: Client, world: World
) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    client.force_login(world.budget_officer)
    start_next_round(client, world)
    assert CarryOver.objects.count() == 2
    newer = do_publish_catalog(world.round, user=world.budget_officer)
    before = list(Decision.objects.order_by("pk").values_list("pk", "published", "outcome"))
    events = Event.objects.filter(verb="decisions_recorded").count()

    response = client.post(url(world), form_data(newer, ALL_DECIDED))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Beslutningerne kan ikke flyttes til en anden version, fordi næste budgetrunde allerede "
        "har genfremsat forslag herfra."
    ]
    assert "næste budgetrunde allerede har genfremsat forslag herfra" in response.content.decode()
    # Nothing changed.
    assert BudgetAgreement.objects.get(round=world.round).version == version
    assert list(Decision.objects.order_by("pk").values_list("pk", "published", "outcome")) == before
    assert Event.objects.filter(verb="decisions_recorded").count() == events

    # On the version they were taken on, they can still be corrected.
    rows = dict(ALL_DECIDED)
    rows["BU-01"] = {"outcome": "rejected", "may_return": True, "return_from_year": "2029"}
    assert client.post(url(world), form_data(version, rows)).status_code == 302
    assert Decision.objects.get(published__code="BU-01", published__version=version).outcome == (
        "rejected"
    )


def test_decisions_without_carried_over_proposals_move_to_another_version(
    client: Client, world: World
) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    newer = do_publish_catalog(world.round, user=world.budget_officer)
    client.force_login(world.budget_officer)
    assert client.post(url(world), form_data(newer, ALL_DECIDED)).status_code == 302
    agreement = BudgetAgreement.objects.get(round=world.round)
    assert agreement.version == newer
    assert {d.published.version_id for d in agreement.decisions.all()} == {newer.pk}


def test_the_totals_keep_the_target_frozen_with_the_version(client: Client, world: World) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    frozen = world.round.target_by_year()
    assert version.target_by_year() == frozen
    client.force_login(world.politician)
    shown = client.get(url(world)).context["totals"]

    world.round.target_amount = 50_000_000
    world.round.save()
    RoundYearTarget.objects.create(round=world.round, year=2027, amount=5_000_000)
    assert world.round.target_by_year() != frozen

    totals = client.get(url(world)).context["totals"]
    assert totals["target"] == frozen
    assert totals["years"] == shown["years"]
    assert totals["status"] == shown["status"]
    assert totals["status"] == calculation.target_status(totals["total"], frozen)


@pytest.mark.parametrize("phase", ["", "ideas", "catalog", "negotiation"])
def test_recording_decisions_moves_the_round_to_adoption(
    client: Client, world: World, phase: str
) -> None:
    world.round.current_phase = phase
    world.round.save()
    version = publish(world)
    client.force_login(world.budget_officer)
    assert client.post(url(world), form_data(version, ALL_DECIDED)).status_code == 302
    world.round.refresh_from_db()
    assert world.round.current_phase == "adoption"
    event = Event.objects.get(round=world.round, verb="decisions_recorded")
    assert event.text.endswith("1 parkeret. Budgetrunden er flyttet til fasen Vedtagelse.")

    # Saved again in adoption: the phase is not news.
    assert client.post(url(world), form_data(version, ALL_DECIDED)).status_code == 302
    latest = Event.objects.filter(round=world.round, verb="decisions_recorded").latest("pk")
    assert "fasen" not in latest.text


@pytest.mark.parametrize("phase", ["adoption", "follow_up"])
def test_recording_decisions_never_moves_the_round_back(
    client: Client, world: World, phase: str
) -> None:
    world.round.current_phase = phase
    world.round.save()
    version = publish(world)
    client.force_login(world.budget_officer)
    assert client.post(url(world), form_data(version, ALL_DECIDED)).status_code == 302
    world.round.refresh_from_db()
    assert world.round.current_phase == phase
    assert "fasen" not in Event.objects.get(round=world.round, verb="decisions_recorded").text


def test_a_carried_over_decision_cannot_change_its_outcome(client: Client, world: World) -> None:
    version = publish(world)
    decide(world, version, {code: dict(row) for code, row in ALL_DECIDED.items()})
    client.force_login(world.budget_officer)
    start_next_round(client, world)
    rows = dict(ALL_DECIDED)
    rows["SU-01"] = {"outcome": "adopted"}  # deferred and already copied into budget 2028
    response = client.post(url(world), form_data(version, rows))
    assert response.status_code == 200
    su01 = version.proposals.get(code="SU-01")
    errors = response.context["form"].errors[f"p{su01.position}_outcome"]
    assert errors == [
        "SU-01 er allerede fremsat igen i næste budgetrunde; beslutningen kan ikke ændres."
    ]
    assert Decision.objects.get(published__code="SU-01").outcome == "deferred"
