from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.prioritisation.models import Scenario
from raaderum.prioritisation.tests.helpers import (
    client_for,
    politician,
    publish_catalog,
    set_party,
)

pytestmark = pytest.mark.django_db


def version_url(version, name):
    return reverse(name, args=[version.round.public_id, version.number])


def save(client, version, name, codes, shared=False):
    data = {"name": name, "chosen": codes}
    if shared:
        data["shared_with_party"] = "on"
    response = client.post(version_url(version, "scenario_save"), data)
    assert response.status_code == 302, response.status_code
    return Scenario.objects.get(name=name)


def test_it_saves_the_selection_as_a_named_scenario(world):
    catalog = publish_catalog(world)
    set_party(world, "A")
    client = client_for(world.politician)
    scenario = save(client, catalog.version, "Uden lukning", ["BU-01", "BU-02"], shared=True)
    assert sorted(p.code for p in scenario.proposals.all()) == ["BU-01", "BU-02"]
    assert scenario.owner == world.politician
    assert scenario.party == "A" and scenario.shared_with_party
    response = client.get(reverse("scenario_detail", args=[scenario.public_id]))
    assert response.status_code == 200
    assert response.context["may_change"]
    assert response.context["selection"].total[2028] == 17_345_679


def test_a_scenario_without_a_name_is_not_saved_and_nothing_ticked_is_lost(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).post(
        version_url(catalog.version, "scenario_save"), {"name": " ", "chosen": ["BU-01", "SU-02"]}
    )
    assert response.status_code == 422
    assert not Scenario.objects.exists()
    html = response.content.decode()
    # The simulator again, the error next to the name field, the same proposals ticked.
    assert "Giv scenariet et navn for at gemme det." in html
    assert 'aria-invalid="true"' in html
    assert 'value="BU-01" checked' in html and 'value="SU-02" checked' in html
    assert 'value="BU-02" checked' not in html
    assert response.context["selection"].total[2028] == 12_345_678 + 15_000_000


def test_sharing_needs_a_party_group(world):
    catalog = publish_catalog(world)
    scenario = save(client_for(world.budget_officer), catalog.version, "Økonomi", ["SU-01"], True)
    assert not scenario.shared_with_party


def test_a_private_scenario_is_invisible_to_another_politician(world):
    catalog = publish_catalog(world)
    set_party(world, "A")
    scenario = save(client_for(world.politician), catalog.version, "Privat", ["SU-01"])
    for other in (politician(world, "pernille", "A"), politician(world, "victor", "V")):
        client = client_for(other)
        listing = client.get(version_url(catalog.version, "scenario_list"))
        assert listing.context["scenarios"] == []
        assert client.get(reverse("scenario_detail", args=[scenario.public_id])).status_code == 404


def test_a_shared_scenario_is_visible_to_the_same_party_only(world):
    catalog = publish_catalog(world)
    set_party(world, "A")
    scenario = save(client_for(world.politician), catalog.version, "Fælles", ["SU-01"], True)
    same = client_for(politician(world, "pernille", "A"))
    listing = same.get(version_url(catalog.version, "scenario_list"))
    assert [s.name for s in listing.context["scenarios"]] == ["Fælles"]
    detail = same.get(reverse("scenario_detail", args=[scenario.public_id]))
    assert detail.status_code == 200 and not detail.context["may_change"]
    assert same.post(reverse("scenario_delete", args=[scenario.public_id])).status_code == 403
    other = client_for(politician(world, "victor", "V"))
    assert other.get(version_url(catalog.version, "scenario_list")).context["scenarios"] == []
    assert other.get(reverse("scenario_detail", args=[scenario.public_id])).status_code == 404


def test_the_share_link_gives_members_read_only_access(world):
    catalog = publish_catalog(world)
    scenario = save(client_for(world.politician), catalog.version, "Link", ["SU-01"])
    link = reverse("scenario_detail", args=[scenario.share_token])
    reader = client_for(world.reader)
    response = reader.get(link)
    assert response.status_code == 200 and not response.context["may_change"]
    assert "scenario_delete" not in response.content.decode()
    assert client_for(world.outsider).get(link).status_code == 404
    # The link opens no way to change it, even for someone who would guess the URL.
    assert reader.post(reverse("scenario_delete", args=[scenario.share_token])).status_code == 404


def test_the_owner_can_renew_the_link(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    scenario = save(client, catalog.version, "Link", ["SU-01"])
    old = scenario.share_token
    client.post(reverse("scenario_update", args=[scenario.public_id]), {"renew_link": "1"})
    scenario.refresh_from_db()
    assert scenario.share_token != old
    assert client_for(world.reader).get(reverse("scenario_detail", args=[old])).status_code == 404


def test_the_owner_renames_replaces_the_selection_and_deletes(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    scenario = save(client, catalog.version, "Første", ["SU-01"])
    update = reverse("scenario_update", args=[scenario.public_id])
    client.post(update, {"name": "Anden"})
    client.post(update, {"replace_selection": "1", "chosen": ["BU-02", "SU-02"]})
    scenario.refresh_from_db()
    assert scenario.name == "Anden"
    assert sorted(p.code for p in scenario.proposals.all()) == ["BU-02", "SU-02"]
    response = client.post(reverse("scenario_delete", args=[scenario.public_id]))
    assert response.status_code == 302
    assert not Scenario.objects.exists()


def test_the_simulator_opens_a_scenario_for_changes(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    scenario = save(client, catalog.version, "Første", ["SU-01"])
    detail = client.get(reverse("scenario_detail", args=[scenario.public_id]))
    # A short address, whatever the number of proposals in the scenario.
    assert detail.context["open_url"].endswith(f"simulator/?scenario={scenario.public_id}")
    page = client.get(detail.context["open_url"])
    assert page.context["scenario"] == scenario and page.context["may_change"]
    assert page.context["selection"].codes == ["SU-01"]
    html = page.content.decode()
    assert 'value="SU-01" checked' in html
    assert reverse("scenario_update", args=[scenario.public_id]) in html
    assert "Åbnet fra dit scenarie »Første«." in html


def test_a_shared_scenario_opens_as_a_copy_that_cannot_overwrite_it(world):
    catalog = publish_catalog(world)
    scenario = save(client_for(world.politician), catalog.version, "Pias", ["BU-02", "SU-01"])
    reader = client_for(world.reader)
    detail = reader.get(reverse("scenario_detail", args=[scenario.share_token]))
    assert detail.context["open_url"].endswith(f"simulator/?scenario={scenario.share_token}")
    page = reader.get(detail.context["open_url"])
    assert page.context["selection"].codes == ["BU-02", "SU-01"]
    assert not page.context["may_change"]
    html = page.content.decode()
    assert reverse("scenario_update", args=[scenario.public_id]) not in html
    assert "En kopi af scenariet »Pias«" in html
    # Someone who may not see the scenario gets an empty simulator, not its proposals.
    stranger = client_for(politician(world, "victor", "V"))
    page = stranger.get(version_url(catalog.version, "simulator"), {"scenario": scenario.public_id})
    assert page.status_code == 200
    assert page.context["scenario"] is None and page.context["selection"].count == 0


def test_a_party_member_opens_a_copy_without_learning_the_share_link(world):
    catalog = publish_catalog(world)
    set_party(world, "A")
    scenario = save(client_for(world.politician), catalog.version, "Fælles", ["SU-01"], True)
    member = client_for(politician(world, "pernille", "A"))
    detail = member.get(reverse("scenario_detail", args=[scenario.public_id]))
    assert str(scenario.share_token) not in detail.content.decode()
    assert detail.context["open_url"].endswith(f"?scenario={scenario.public_id}")
    page = member.get(detail.context["open_url"])
    assert page.context["selection"].codes == ["SU-01"] and not page.context["may_change"]
    assert str(scenario.share_token) not in page.content.decode()


def test_the_simulator_saves_the_ticked_proposals_into_the_scenario_it_came_from(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    scenario = save(client, catalog.version, "Første", ["SU-01"])
    # What the simulator's form posts with the button »Gem de valgte forslag i »Første««.
    response = client.post(
        reverse("scenario_update", args=[scenario.public_id]),
        {
            "scenario": str(scenario.public_id),
            "name": "",
            "replace_selection": "1",
            "chosen": ["BU-01", "BU-02"],
        },
    )
    assert response["Location"] == reverse("scenario_detail", args=[scenario.public_id])
    assert sorted(p.code for p in scenario.proposals.all()) == ["BU-01", "BU-02"]
    scenario.refresh_from_db()
    assert scenario.name == "Første"


def test_it_compares_scenarios_side_by_side(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    one = save(client, catalog.version, "Et", ["BU-01", "BU-02", "SU-01"])
    two = save(client, catalog.version, "To", ["BU-01", "BU-02", "SU-02"])
    response = client.get(
        version_url(catalog.version, "scenario_compare"), {"s": [one.public_id, two.public_id]}
    )
    assert response.status_code == 200
    totals = [c["selection"].total[2028] for c in response.context["columns"]]
    assert totals == [37_345_679, 32_345_679]
    assert [r["proposal"].code for r in response.context["rows"]] == ["SU-01", "SU-02"]
    assert [r["in"] for r in response.context["rows"]] == [[True, False], [False, True]]
    assert response.context["common_count"] == 2


def test_compare_needs_two_to_four_visible_scenarios(world):
    catalog = publish_catalog(world)
    mine = save(client_for(world.politician), catalog.version, "Mit", ["SU-01"])
    theirs = save(client_for(world.budget_officer), catalog.version, "Deres", ["SU-02"])
    response = client_for(world.politician).get(
        version_url(catalog.version, "scenario_compare"), {"s": [mine.public_id, theirs.public_id]}
    )
    assert response.status_code == 302  # the other user's private scenario does not count


def test_it_rejects_other_municipality(world):
    catalog = publish_catalog(world)
    scenario = save(client_for(world.politician), catalog.version, "Mit", ["SU-01"])
    client = client_for(world.outsider)
    assert client.get(version_url(catalog.version, "scenario_list")).status_code == 404
    assert client.get(version_url(catalog.version, "scenario_compare")).status_code == 404
    assert (
        client.post(version_url(catalog.version, "scenario_save"), {"name": "x"}).status_code == 404
    )
    for name in ("scenario_update", "scenario_delete"):
        assert client.post(reverse(name, args=[scenario.public_id])).status_code == 404
    assert client.get(reverse("scenario_detail", args=[scenario.public_id])).status_code == 404
