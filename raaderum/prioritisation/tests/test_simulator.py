from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raaderum.prioritisation.simulation import (
    chosen_proposals,
    chosen_rows,
    evaluate,
    relations_for,
)
from raaderum.prioritisation.tests.helpers import client_for, in_catalog, publish_catalog
from raaderum.prioritisation.views import announcement, totals_context
from raaderum.publication.actions import do_publish_catalog

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def url(version, name="simulator"):
    return reverse(name, args=[version.round.public_id, version.number])


def test_it_shows_every_proposal_with_a_checkbox_grouped_by_committee(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).get(url(catalog.version))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-checkbox" id="c-BU-01" name="chosen" value="BU-01"' in html
    # The row's header holds the checkbox, labelled with the proposal's code and title.
    assert (
        '<th scope="row" class="proposal-title"><div class="form-group-checkbox">'
        '<input type="checkbox" class="form-checkbox" id="c-BU-01"'
    ) in html
    assert '<label class="form-label" for="c-BU-01">BU-01 Større klasser</label>' in html
    assert "Børne- og Ungdomsudvalget" in html and "Social- og Sundhedsudvalget" in html
    assert response.context["selection"].total == {2027: 0, 2028: 0, 2029: 0, 2030: 0}


def test_the_form_posts_and_the_addresses_stay_short(world):
    catalog = publish_catalog(world)
    html = client_for(world.politician).get(url(catalog.version)).content.decode()
    assert 'method="get"' not in html
    assert f'<form method="post" action="{url(catalog.version)}" id="simulator-form"' in html
    assert f'hx-post="{url(catalog.version, "simulator_totals")}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Sidens adresse" not in html  # the address no longer keeps the proposals


def test_only_a_short_status_line_is_live_for_screen_readers(world):
    catalog = publish_catalog(world)
    html = client_for(world.politician).get(url(catalog.version)).content.decode()
    assert '<p id="simulator-announcement" class="sr-only" role="status"></p>' in html
    assert html.count('role="status"') == 1
    assert "aria-live" not in html.split('<div id="simulator-totals">')[1].split("</form>")[0]


def test_it_totals_the_chosen_proposals_to_the_krone_without_javascript(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).post(
        url(catalog.version), {"chosen": ["BU-01", "BU-02", "SU-01"], "name": "Mit forsøg"}
    )
    assert response.status_code == 200
    selection = response.context["selection"]
    assert selection.total == {
        2027: 6_000_001,
        2028: 37_345_679,
        2029: 37_345_679,
        2030: 37_345_679,
    }
    assert [s.gap for s in selection.status] == [-6_000_001, -7_345_679, -7_345_679, -7_345_679]
    assert selection.fte == {
        2027: Decimal(0),
        2028: Decimal("-2.5"),
        2029: Decimal("-2.5"),
        2030: Decimal("-2.5"),
    }
    html = response.content.decode()
    assert "37.346" in html  # t.kr.
    assert 'value="SU-01" checked' in html and 'value="SU-02" checked' not in html
    assert "Forældre oplever større klasser." in html
    assert 'value="Mit forsøg"' in html  # what was typed into the save form is kept


def test_a_toggle_returns_only_the_totals_fragment_by_htmx(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).post(
        url(catalog.version, "simulator_totals"), {"chosen": ["BU-02", "SU-02"]}, headers=HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "form-checkbox" not in html
    selection = response.context["selection"]
    assert selection.total == {
        2027: 5_000_001,
        2028: 20_000_001,
        2029: 20_000_001,
        2030: 20_000_001,
    }
    gaps = {s.year: s.gap for s in selection.status}
    assert gaps == {2027: -5_000_001, 2028: 9_999_999, 2029: 9_999_999, 2030: 9_999_999}
    assert "gap-missing" in html
    assert "10.000" in html  # 9.999.999 kr. missing, shown in t.kr.
    # The short line for screen readers, swapped into the live region out of band.
    assert (
        '<p id="simulator-announcement" hx-swap-oob="innerHTML">2 forslag valgt. '
        "Råderum 2028: 20.000.001 kr., mangler 9.999.999 kr.</p>"
    ) in html
    assert "HX-Replace-Url" not in response and "HX-Push-Url" not in response


def test_the_announcement_names_the_first_year_missing_or_says_the_target_is_met(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    toggle = url(catalog.version, "simulator_totals")
    response = client.post(toggle, {"chosen": []}, headers=HTMX)
    assert response.context["announcement"] == (
        "0 forslag valgt. Råderum 2028: 0 kr., mangler 30.000.000 kr."
    )
    response = client.post(toggle, {"chosen": ["BU-01", "BU-02", "SU-01"]}, headers=HTMX)
    assert response.context["announcement"] == (
        "3 forslag valgt. Målet er nået i alle år; råderum 2028: 37.345.679 kr."
    )


def test_a_plain_post_to_the_toggle_address_answers_with_the_whole_page(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).post(
        url(catalog.version, "simulator_totals"), {"chosen": ["BU-02"]}
    )
    assert response.status_code == 200
    assert response.context["selection"].codes == ["BU-02"]
    assert "<html" in response.content.decode()


def test_it_warns_when_alternatives_are_chosen_together(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).post(
        url(catalog.version, "simulator_totals"), {"chosen": ["SU-01", "SU-02"]}, headers=HTMX
    )
    warnings = response.context["selection"].warnings
    assert len(warnings) == 1
    assert "SU-01" in warnings[0] and "SU-02" in warnings[0]
    assert "simulator-warnings" in response.content.decode()


def test_it_warns_when_a_required_proposal_is_not_chosen(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    response = client.post(url(catalog.version), {"chosen": ["BU-01"]})
    [warning] = response.context["selection"].warnings
    assert "BU-01 Større klasser" in warning and "BU-02 Færre vikarer" in warning
    response = client.post(url(catalog.version), {"chosen": ["BU-01", "BU-02"]})
    assert response.context["selection"].warnings == []


def test_unknown_codes_are_ignored(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).post(url(catalog.version), {"chosen": ["XX-99"]})
    assert response.status_code == 200
    assert response.context["selection"].count == 0


@pytest.mark.parametrize(
    "role", ["budget_officer", "director", "owner", "contributor", "politician", "reader"]
)
def test_every_role_may_simulate(world, role):
    catalog = publish_catalog(world)
    assert client_for(getattr(world, role)).get(url(catalog.version)).status_code == 200


def test_it_rejects_other_municipality(world):
    catalog = publish_catalog(world)
    client = client_for(world.outsider)
    assert client.get(url(catalog.version)).status_code == 404
    assert client.post(url(catalog.version), {"chosen": ["BU-01"]}).status_code == 404
    assert (
        client.post(url(catalog.version, "simulator_totals"), {}, headers=HTMX).status_code == 404
    )


def test_an_unknown_version_is_404(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).get(
        reverse("simulator", args=[catalog.version.round.public_id, 99])
    )
    assert response.status_code == 404


def _queries(client, version):
    codes = list(version.proposals.values_list("code", flat=True))
    with CaptureQueriesContext(connection) as page:
        assert client.post(url(version), {"chosen": codes}).status_code == 200
    with CaptureQueriesContext(connection) as toggle:
        response = client.post(url(version, "simulator_totals"), {"chosen": codes}, headers=HTMX)
        assert response.status_code == 200
    return len(page), len(toggle)


def test_query_count_is_the_same_for_10_and_100_proposals(world):
    for n in range(10):
        in_catalog(world, world.children, world.schools, f"Forslag {n}", {2028: 1000 + n})
    small = do_publish_catalog(world.round, user=world.budget_officer)
    for n in range(10, 100):
        in_catalog(world, world.social, world.elderly, f"Forslag {n}", {2029: 1000 + n})
    large = do_publish_catalog(world.round, user=world.budget_officer)
    client = client_for(world.politician)
    assert _queries(client, small) == _queries(client, large)


def test_a_toggle_renders_exactly_what_the_published_proposals_give(world):
    # The toggle reads plain rows; the figures, warnings and texts must be those of the models.
    catalog = publish_catalog(world)
    version = catalog.version
    codes = ["BU-01", "SU-01", "SU-02"]
    response = client_for(world.politician).post(
        url(version, "simulator_totals"), {"chosen": codes}, headers=HTMX
    )
    chosen = chosen_proposals(version, codes)
    selection = evaluate(version, chosen, relations_for(version, chosen))
    expected = render_to_string(
        "prioritisation/simulator.html#simulator-totals", totals_context(version, selection)
    )
    assert response.content.decode() == expected
    assert len(selection.warnings) == 2  # BU-01 requires BU-02; SU-01 and SU-02 exclude
    assert announcement(selection) == (
        "3 forslag valgt. Målet er nået i alle år; råderum 2028: 47.345.678 kr."
    )
    rows = chosen_rows(version, codes)
    assert [r.code for r in rows] == codes
    assert [r.headroom_by_year() for r in rows] == [p.headroom_by_year() for p in chosen]
    assert [r.fte for r in rows] == [p.fte for p in chosen]


def test_the_toggle_reads_a_version_once_per_process_and_only_that_version(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    toggle = url(catalog.version, "simulator_totals")
    client.post(toggle, {"chosen": ["BU-01"]}, headers=HTMX)
    # Session, user, and the version with its round and the user's role: nothing else.
    with CaptureQueriesContext(connection) as queries:
        response = client.post(toggle, {"chosen": ["BU-02", "SU-01"]}, headers=HTMX)
    assert len(queries) == 3, [q["sql"] for q in queries]
    assert response.context["selection"].total[2028] == 25_000_001
    # A second version of the same round is read on its own.
    in_catalog(world, world.social, world.elderly, "Ny", {2028: 7})
    second = do_publish_catalog(world.round, user=world.budget_officer)
    response = client.post(url(second, "simulator_totals"), {"chosen": ["SU-03"]}, headers=HTMX)
    assert response.context["selection"].total[2028] == 7
