import pytest
from django.urls import reverse

from raaderum.proposals.models import ProposalStatus, ProposalType
from raaderum.test import create_proposal


def url(world, **params):
    base = reverse("catalog", args=[world.round.public_id])
    if params:
        base += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return base


@pytest.fixture
def catalog_world(world):
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Sammenlægning af skoler",
        effects={
            (world.schools, 2027): -1_500_000,
            (world.schools, 2028): -3_000_000,
            (world.schools, 2029): -3_000_000,
            (world.schools, 2030): -3_000_000,
        },
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Vasketoiletter",
        type=ProposalType.INVESTMENT,
        director=world.director,
        status=ProposalStatus.IN_CATALOG,
        effects={
            (world.daycare, 2027): 2_000_000,
            (world.elderly, 2028): -1_250_500,
            (world.elderly, 2029): -2_500_400,
            (world.elderly, 2030): -2_500_400,
        },
    )
    create_proposal(
        world.round,
        world.social,
        world.owner,
        title="Flere hænder i hjemmeplejen",
        type=ProposalType.EXPANSION,
        effects={(world.elderly, year): 1_000_000 for year in range(2027, 2031)},
    )
    return world


def test_it_shows_totals_per_committee_and_year_to_the_krone(client, catalog_world):
    world = catalog_world
    client.force_login(world.budget_officer)
    response = client.get(url(world))
    assert response.status_code == 200
    catalog = response.context["catalog"]
    assert catalog.years == [2027, 2028, 2029, 2030]
    children, social = catalog.groups
    assert [row.proposal.code for row in children.rows] == ["BU-01", "BU-02"]
    assert children.subtotal == {2027: -500_000, 2028: 4_250_500, 2029: 5_500_400, 2030: 5_500_400}
    assert social.subtotal == {
        2027: -1_000_000,
        2028: -1_000_000,
        2029: -1_000_000,
        2030: -1_000_000,
    }
    assert catalog.total == {2027: -1_500_000, 2028: 3_250_500, 2029: 4_500_400, 2030: 4_500_400}
    assert catalog.target == {2027: 0, 2028: 30_000_000, 2029: 30_000_000, 2030: 30_000_000}
    assert [s.gap for s in catalog.status] == [1_500_000, 26_749_500, 25_499_600, 25_499_600]
    html = response.content.decode()
    # Shown in 1,000 kr. with Danish separators, a real minus, rounded once.
    assert "3.251" in html and "4.500" in html and "26.750" in html
    assert "\u22121.500" in html
    assert "Beløb i 1.000 kr." in html and "2027-priser" in html


def test_it_marks_the_gap_and_the_years_met(client, catalog_world):
    world = catalog_world
    world.round.target_amount = 4_000_000
    world.round.save()
    client.force_login(world.reader)
    response = client.get(url(world))
    met = [s.met for s in response.context["catalog"].status]
    assert met == [False, False, True, True]
    html = response.content.decode()
    assert html.count('class="amount gap-met"') == 2
    assert html.count('class="amount gap-missing"') == 2


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"committee": "SU"}, ["Flere hænder i hjemmeplejen"]),
        ({"type": "investment"}, ["Vasketoiletter"]),
        ({"status": "in_catalog"}, ["Vasketoiletter"]),
        # Full-year råderum: BU-01 Sammenlægning 3.000, BU-02 Vasketoiletter 2.500,
        # BU-03 Aftenskole 2.800 – so code, title and size orders all differ.
        ({"committee": "BU"}, ["Sammenlægning af skoler", "Vasketoiletter", "Aftenskole"]),
        (
            {"committee": "BU", "sort": "title"},
            ["Aftenskole", "Sammenlægning af skoler", "Vasketoiletter"],
        ),
        (
            {"sort": "headroom_desc", "committee": "BU"},
            ["Sammenlægning af skoler", "Aftenskole", "Vasketoiletter"],
        ),
        (
            {"sort": "headroom_asc", "committee": "BU"},
            ["Vasketoiletter", "Aftenskole", "Sammenlægning af skoler"],
        ),
        (
            {"committee": "XX"},
            [
                "Sammenlægning af skoler",
                "Vasketoiletter",
                "Aftenskole",
                "Flere hænder i hjemmeplejen",
            ],
        ),
    ],
)
def test_it_filters_and_sorts(client, catalog_world, params, titles):
    world = catalog_world
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Aftenskole",
        effects={(world.schools, 2030): -2_800_000},
    )
    client.force_login(catalog_world.owner)
    response = client.get(url(catalog_world, **params))
    shown = [row.proposal.title for g in response.context["catalog"].groups for row in g.rows]
    assert shown == titles


def test_filtered_totals_cover_only_the_shown_proposals(client, catalog_world):
    client.force_login(catalog_world.owner)
    response = client.get(url(catalog_world, type="expansion"))
    assert response.context["catalog"].total[2030] == -1_000_000
    assert "Viser 1 af 3 forslag" in response.content.decode()


def test_htmx_request_gets_only_the_result(client, catalog_world):
    client.force_login(catalog_world.owner)
    response = client.get(
        url(catalog_world, committee="SU"),
        headers={"HX-Request": "true", "HX-Target": "catalog-result"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="catalog-result"')
    assert "<html" not in html
    assert "Flere hænder i hjemmeplejen" in html


def test_it_answers_404_to_another_municipality(client, catalog_world):
    client.force_login(catalog_world.outsider)
    assert client.get(url(catalog_world)).status_code == 404


def test_politicians_do_not_see_drafts_in_the_internal_catalog(client, catalog_world):
    client.force_login(catalog_world.politician)
    assert client.get(url(catalog_world)).status_code == 403


def test_it_requires_login(client, catalog_world):
    response = client.get(url(catalog_world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _add(world, count):
    for i in range(count):
        create_proposal(
            world.round,
            world.children if i % 2 else world.social,
            world.owner,
            title=f"Forslag {i}",
            director=world.director,
            effects={
                (world.schools, 2027): -100_000 - i,
                (world.elderly, 2028): -200_000,
            },
        )


def test_query_count_is_the_same_at_10_and_100_proposals(client, world, django_assert_num_queries):
    client.force_login(world.budget_officer)
    _add(world, 10)
    client.get(url(world))  # warm the session and the membership
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ten:
        assert client.get(url(world)).status_code == 200
    _add(world, 90)
    with CaptureQueriesContext(connection) as hundred:
        response = client.get(url(world))
    assert response.context["catalog"].count == 100
    assert len(hundred) == len(ten)
    assert len(ten) <= 11  # one of them: earlier rounds' realisation rates (risk-adjusted row)
