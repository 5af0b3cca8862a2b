import pytest
from django.urls import reverse

from raaderum.ideas.actions import do_reject_idea
from raaderum.ideas.tests.helpers import create_citizen_idea, create_idea
from raaderum.proposals.models import Origin


def url(world, query=""):
    return reverse("idea_list", args=[world.round.public_id]) + query


@pytest.fixture
def ideas_world(open_world):
    world = open_world
    create_idea(world.round, world.owner, title="Færre printere", estimated_amount=120_000)
    create_idea(world.round, world.director, title="Fælles vikarkorps", origin=Origin.MANAGER)
    rejected = create_citizen_idea(world.round, title="Luk biblioteket")
    do_reject_idea(rejected, reason="Det er besluttet politisk.", user=world.budget_officer)
    create_idea(world.other_round, world.outsider, title="Syddjurs' idé")
    return world


def test_it_counts_ideas_per_status_and_lists_them(client, ideas_world):
    client.force_login(ideas_world.reader)
    response = client.get(url(ideas_world))
    assert response.status_code == 200
    counts = {value: count for value, _label, count in response.context["counts"]}
    assert counts == {"new": 2, "passed": 0, "rejected": 1, "merged": 0}
    assert response.context["total_count"] == 3
    html = response.content.decode()
    assert "Afventer screening" in html and "Afvist ved screeningen" in html
    assert "Færre printere" in html and "Luk biblioteket" in html
    assert "120.000" in html
    assert "Birthe Borger" in html  # the citizen's name, for the administration
    assert "birthe@example.dk" not in html  # e-mail only on the idea, for the budget office
    assert "Syddjurs' idé" not in html
    assert "3 idéer." in html


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("?status=rejected", {"Luk biblioteket"}),
        ("?origin=manager", {"Fælles vikarkorps"}),
        ("?status=new&origin=employee", {"Færre printere"}),
        ("?status=bogus&origin=", {"Færre printere", "Fælles vikarkorps", "Luk biblioteket"}),
    ],
)
def test_it_filters_by_status_and_origin(client, ideas_world, query, titles):
    client.force_login(ideas_world.budget_officer)
    response = client.get(url(ideas_world, query))
    assert {idea.title for idea in response.context["ideas"]} == titles


def test_filtered_counts_say_how_many_of_all(client, ideas_world):
    client.force_login(ideas_world.budget_officer)
    html = client.get(url(ideas_world, "?status=rejected")).content.decode()
    assert "Viser 1 af 3 idéer." in html


def test_htmx_gets_only_the_result(client, ideas_world):
    client.force_login(ideas_world.budget_officer)
    response = client.get(
        url(ideas_world, "?origin=citizen"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="idea-result"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="idea-result"')
    assert "Luk biblioteket" in html and "Færre printere" not in html


def test_the_number_of_queries_does_not_grow_with_the_ideas(
    client, ideas_world, django_assert_num_queries
):
    client.force_login(ideas_world.budget_officer)
    client.get(url(ideas_world))  # warm the session
    with django_assert_num_queries(6):
        client.get(url(ideas_world))
    for n in range(5):
        create_idea(
            ideas_world.round, ideas_world.owner, title=f"Idé {n}", committee=ideas_world.social
        )
    with django_assert_num_queries(6):
        client.get(url(ideas_world))


def test_links_depend_on_the_role(client, ideas_world):
    client.force_login(ideas_world.budget_officer)
    html = client.get(url(ideas_world)).content.decode()
    assert "Indtast mange idéer" in html and "Screeningskriterier" in html
    client.force_login(ideas_world.reader)
    html = client.get(url(ideas_world)).content.decode()
    assert "Indtast mange idéer" not in html and "Screeningskriterier" not in html


def test_a_politician_may_not_see_the_ideas(client, ideas_world):
    client.force_login(ideas_world.politician)
    assert client.get(url(ideas_world)).status_code == 403


def test_another_municipality_gets_404(client, ideas_world):
    client.force_login(ideas_world.outsider)
    assert client.get(url(ideas_world)).status_code == 404
