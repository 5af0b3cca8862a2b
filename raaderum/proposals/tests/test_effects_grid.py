from decimal import Decimal

import pytest
from django.urls import reverse

from raaderum.proposals.models import Effect, ProposalStatus
from raaderum.test import create_proposal


@pytest.fixture
def proposal(world):
    return create_proposal(
        world.round,
        world.children,
        world.owner,
        effects={(world.schools, 2027): -100_000},
    )


def url(proposal):
    return reverse("proposal_effects", args=[proposal.public_id])


def grid_post(proposal, rows, unit="tkr", version=None, fte=None):
    """rows: list of (area or None or raw string, {year: text})."""
    data = {"unit": unit, "rows": str(len(rows)), "version": str(version or proposal.version)}
    for i, (area, values) in enumerate(rows):
        data[f"area-{i}"] = "" if area is None else str(getattr(area, "pk", area))
        for year in range(2027, 2031):
            data[f"amount-{i}-{year}"] = values.get(year, "")
    for year in range(2027, 2031):
        data[f"fte-{year}"] = (fte or {}).get(year, "")
    return data


def saved(proposal):
    return {
        (e.service_area.name, e.year): e.amount
        for e in Effect.objects.filter(proposal=proposal).select_related("service_area")
    }


def test_it_saves_a_grid_in_tkr_the_danish_way(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(
        proposal,
        [
            (world.schools, {2027: "−1.500", 2028: "-3.000,5", 2029: "-3000", 2030: " -3.000 "}),
            (world.elderly, {2027: "250", 2028: "", 2029: "0", 2030: "1.234,567"}),
            (None, {}),
        ],
        fte={2028: "-2,5", 2029: "−4"},
    )
    response = client.post(url(proposal), data)
    assert response.status_code == 302
    assert saved(proposal) == {
        ("Folkeskoler", 2027): -1_500_000,
        ("Folkeskoler", 2028): -3_000_500,
        ("Folkeskoler", 2029): -3_000_000,
        ("Folkeskoler", 2030): -3_000_000,
        ("Ældreområdet", 2027): 250_000,
        ("Ældreområdet", 2030): 1_234_567,
    }
    proposal.refresh_from_db()
    assert proposal.fte_by_year() == {2028: Decimal("-2.50"), 2029: Decimal("-4.00")}
    assert proposal.version == 3


def test_it_saves_in_kroner_when_chosen(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.daycare, {2029: "-1.234.567"})], unit="kr")
    assert client.post(url(proposal), data).status_code == 302
    assert saved(proposal) == {("Dagtilbud", 2029): -1_234_567}


def test_a_bad_cell_is_marked_and_nothing_is_saved(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(
        proposal,
        [
            (world.schools, {2027: "-1.500", 2028: "abc", 2029: "1.5"}),
            (world.daycare, {2030: "-0,0001"}),
        ],
    )
    response = client.post(url(proposal), data)
    assert response.status_code == 422
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000}
    html = response.content.decode()
    assert 'id="amount-0-2028-error"' in html
    assert "Skriv beløbet som et tal" in html
    assert 'id="amount-0-2029-error"' in html and "Brug komma som decimaltegn" in html
    assert 'id="amount-1-2030-error"' in html and "hele kroner" in html
    assert 'aria-describedby="area-0 amount-0-2028-error" aria-invalid="true"' in html
    # What was typed is kept, even the bad values.
    assert 'value="abc"' in html and 'value="-1.500"' in html


def test_it_refuses_a_service_area_of_another_municipality(client, world, proposal):
    client.force_login(world.owner)
    response = client.post(url(proposal), grid_post(proposal, [(world.other_area, {2027: "-5"})]))
    assert response.status_code == 422
    assert "Vælg et fagområde i denne kommune" in response.content.decode()
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000}


def test_it_refuses_a_year_outside_the_period(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2028: "-1"})])
    data["amount-0-2031"] = "-999"
    response = client.post(url(proposal), data)
    assert response.status_code == 422
    assert "2031 ligger uden for budgetrundens periode 2027–2030." in response.content.decode()
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000}


def test_the_grid_needs_the_csrf_token(world, proposal):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2028: "-1"})])
    assert client.post(url(proposal), data).status_code == 403
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000}


def test_amounts_without_an_area_and_duplicate_areas_are_errors(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(
        proposal,
        [(None, {2027: "-5"}), (world.schools, {2027: "-1"}), (world.schools, {2028: "-1"})],
    )
    html = client.post(url(proposal), data).content.decode()
    assert "Vælg det fagområde, beløbene hører til" in html
    assert "Fagområdet står allerede i tabellen" in html


def test_a_stale_grid_is_refused_and_keeps_what_was_typed(client, world, proposal):
    client.force_login(world.owner)
    stale = grid_post(proposal, [(world.schools, {2027: "-7"})])
    client.post(url(proposal), grid_post(proposal, [(world.schools, {2027: "-9"})]))
    response = client.post(url(proposal), stale)
    assert response.status_code == 409
    assert saved(proposal) == {("Folkeskoler", 2027): -9_000}
    html = response.content.decode()
    assert "gemt en nyere udgave" in html
    assert 'value="-7"' in html
    # Saving again after seeing the warning is a deliberate overwrite and works.
    proposal.refresh_from_db()
    again = grid_post(proposal, [(world.schools, {2027: "-7"})])
    assert client.post(url(proposal), again).status_code == 302
    assert saved(proposal) == {("Folkeskoler", 2027): -7_000}


def test_changing_an_amount_after_sign_off_voids_the_sign_off(client, world, proposal):
    from raaderum.proposals.models import Transition

    proposal.status = ProposalStatus.SIGNED_OFF
    proposal.signed_off_by = world.budget_officer
    proposal.save()
    client.force_login(world.owner)
    response = client.post(
        url(proposal), grid_post(proposal, [(world.schools, {2027: "-150"})]), follow=True
    )
    html = response.content.decode()
    assert "så godkendelsen er annulleret" in html
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.signed_off_by is None
    voided = Transition.objects.get(proposal=proposal)
    assert (voided.action, voided.from_status, voided.to_status) == (
        "void_sign_off",
        "signed_off",
        "submitted",
    )


def test_saving_the_same_amounts_after_sign_off_keeps_it(client, world, proposal):
    proposal.status = ProposalStatus.SIGNED_OFF
    proposal.save()
    client.force_login(world.owner)
    client.post(url(proposal), grid_post(proposal, [(world.schools, {2027: "-100"})]))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SIGNED_OFF  # -100 t.kr. is what was saved


def test_every_amount_change_is_in_the_history(client, world, proposal):
    client.force_login(world.owner)
    client.post(url(proposal), grid_post(proposal, [(world.schools, {2027: "-250", 2028: "-1"})]))
    history = Effect.history.filter(proposal_id=proposal.pk).order_by("history_date", "history_id")
    assert [(h.history_type, h.year, h.amount) for h in history] == [
        ("+", 2027, -100_000),
        ("~", 2027, -250_000),
        ("+", 2028, -1_000),
    ]
    assert history.last().history_user == world.owner


def test_add_row_without_javascript_keeps_the_typed_values(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2027: "-12"})])
    data["add_row"] = "1"
    response = client.post(url(proposal), data)
    assert response.status_code == 200
    assert len(response.context["grid"].rows) == 2
    assert 'value="-12"' in response.content.decode()
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000}


def test_add_row_with_htmx_returns_one_row(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2027: "-12"})])
    data["add_row"] = "1"
    response = client.post(url(proposal), data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.count('class="grid-row"') == 1
    assert 'name="area-1"' in html


@pytest.mark.parametrize("persona", ["politician", "reader", "contributor"])
def test_who_may_not_edit_gets_403(client, world, proposal, persona):
    client.force_login(getattr(world, persona))
    assert client.get(url(proposal)).status_code == 403


def test_a_contributor_added_to_the_proposal_may_edit(client, world, proposal):
    proposal.contributors.add(world.contributor)
    client.force_login(world.contributor)
    assert client.get(url(proposal)).status_code == 200


def test_another_municipality_gets_404(client, world, proposal):
    client.force_login(world.outsider)
    assert client.get(url(proposal)).status_code == 404
    assert client.post(url(proposal), grid_post(proposal, [])).status_code == 404


def test_rows_beyond_the_row_counter_are_never_dropped(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2027: "-1"}), (world.daycare, {2028: "-2"})])
    data["rows"] = "1"  # a stale counter from a page whose script did not run
    assert client.post(url(proposal), data).status_code == 302
    assert saved(proposal) == {("Folkeskoler", 2027): -1_000, ("Dagtilbud", 2028): -2_000}


def test_odd_digits_in_posted_keys_are_refused_not_a_crash(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2027: "-1"})])
    data["area-0"] = "²"
    response = client.post(url(proposal), data)
    assert response.status_code == 422
    assert "Vælg et fagområde på listen." in response.content.decode()


def test_the_unit_is_chosen_before_typing_and_shown_in_it(client, world, proposal):
    client.force_login(world.owner)
    page = client.get(url(proposal) + "?unit=kr")
    assert 'value="-100.000"' in page.content.decode()
    assert 'name="unit" value="kr"' in page.content.decode()
    # Saving the grid as shown keeps every amount: nothing is re-read in another unit.
    data = grid_post(proposal, [(world.schools, {2027: "-100.000", 2028: "-250"})], unit="kr")
    assert client.post(url(proposal), data).status_code == 302
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000, ("Folkeskoler", 2028): -250}


def test_a_pasted_unit_that_contradicts_the_grid_is_an_error(client, world, proposal):
    client.force_login(world.owner)
    data = grid_post(proposal, [(world.schools, {2027: "-250 t.kr."})], unit="kr")
    response = client.post(url(proposal), data)
    assert response.status_code == 422
    assert "skrevet i en anden enhed" in response.content.decode()
    assert saved(proposal) == {("Folkeskoler", 2027): -100_000}


def opened_grid(client, proposal):
    grid = client.get(url(proposal)).context["grid"]
    return grid.version, grid.started_from


def test_a_stale_grid_merges_changes_to_different_cells(client, world, proposal):
    client.force_login(world.owner)
    version, started_from = opened_grid(client, proposal)
    client.force_login(world.budget_officer)
    offices = grid_post(proposal, [(world.schools, {2027: "-100"}), (world.daycare, {2028: "-50"})])
    assert client.post(url(proposal), offices).status_code == 302
    client.force_login(world.owner)
    owners = grid_post(
        proposal, [(world.schools, {2027: "-100", 2028: "-20"})], version=version, fte={2027: "-1"}
    )
    owners["started_from"] = started_from
    response = client.post(url(proposal), owners, follow=True)
    assert response.redirect_chain
    assert saved(proposal) == {
        ("Folkeskoler", 2027): -100_000,
        ("Folkeskoler", 2028): -20_000,
        ("Dagtilbud", 2028): -50_000,
    }
    proposal.refresh_from_db()
    assert proposal.fte_by_year() == {2027: Decimal("-1")}
    assert "dine ændringer er flettet ind" in response.content.decode()


def test_a_stale_grid_changing_the_same_cell_is_a_clash(client, world, proposal):
    client.force_login(world.owner)
    version, started_from = opened_grid(client, proposal)
    client.force_login(world.budget_officer)
    offices = grid_post(proposal, [(world.schools, {2027: "-9"}), (world.daycare, {2028: "-50"})])
    assert client.post(url(proposal), offices).status_code == 302
    client.force_login(world.owner)
    owners = grid_post(proposal, [(world.schools, {2027: "-7"})], version=version)
    owners["started_from"] = started_from
    response = client.post(url(proposal), owners)
    assert response.status_code == 409
    assert saved(proposal) == {("Folkeskoler", 2027): -9_000, ("Dagtilbud", 2028): -50_000}
    assert response.context["differences"] == [
        ("Folkeskoler 2027", "\u22129.000 kr.", "\u22127.000 kr.")
    ]
    html = response.content.decode()
    assert 'value="-7"' in html  # the owner's clashing value is kept
    assert 'value="-50"' in html  # the office's other change is merged into the form
