"""Every URL × every role × own and other municipality: no leak, no surprise.

A new URL must be added to EXPECTED, or this test fails: nobody forgets to decide who may see it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from raaderum.ideas.actions import do_submit_public_idea
from raaderum.prioritisation.models import Scenario
from raaderum.publication.actions import do_publish_catalog
from raaderum.test import create_proposal

ALL = ["budget_office", "director", "owner", "contributor", "politician", "reader"]
ADMINISTRATION = ["budget_office", "director", "owner", "contributor", "reader"]

# url name -> roles that get 200 on GET in their own municipality (others: 403).
EXPECTED = {
    "home": ALL,
    "round_detail": ALL,
    "round_create": ["budget_office"],
    "round_edit": ["budget_office"],
    "round_plan": ["budget_office"],
    "catalog": ADMINISTRATION,
    "proposal_create": ["budget_office", "director", "owner"],
    "proposal_detail": ADMINISTRATION,
    # The proposal is owned by the owner persona with the director persona as director.
    "proposal_edit": ["budget_office", "director", "owner"],
    "proposal_effects": ["budget_office", "director", "owner"],
    "proposal_comments": ADMINISTRATION,
    "round_activity": ADMINISTRATION,
    "glossary": ["budget_office"],
    "idea_list": ADMINISTRATION,
    "my_ideas": ALL,
    "idea_create": ADMINISTRATION,
    "party_proposal_create": ["politician"],
    "screening_criteria": ["budget_office", "director"],
    "idea_import": ["budget_office"],
    "idea_import_template": ["budget_office"],
    # A citizen's idea, so no persona is its submitter.
    "idea_detail": ADMINISTRATION,
    # Published catalogs are for everyone in the municipality, politicians first of all.
    "catalog_versions": ALL,
    "catalog_compare": ALL,
    "catalog_version": ALL,
    "published_proposal": ALL,
    "catalog_pdf_status": ALL,
    "catalog_excel": ALL,
    "proposal_import": ["budget_office"],
    "proposal_import_template": ["budget_office"],
    "decisions": ALL,
    "decisions_adjustments_csv": ALL,
    "decisions_adjustments_xlsx": ALL,
    "next_round": ["budget_office"],
    "decision_settings": ["budget_office"],
    "simulator": ALL,
    "scenario_list": ALL,
    "optimiser": ["budget_office", "director", "politician"],
    "impact": ["budget_office"],
    # The share link: any member of the municipality may read it.
    "scenario_detail": ALL,
}
# Answer with a redirect, not a page: 302 for those allowed (to the version page until built).
REDIRECTING = {
    "catalog_pdf": ALL,
    "scenario_compare": ALL,  # to the list unless 2-4 scenarios are named
}
# Not tenant data: open to anyone or handled by Django itself.
OUTSIDE_THE_WALK = {
    "login",
    "logout",
    "set_language",
    "accessibility",
    "notification_settings",  # the user's own settings: no municipality's data
    "public_idea",  # public by design; raaderum/ideas/tests/test_public_idea.py
    "public_idea_thanks",
}
# POST-only actions: GET answers 405 for everyone; their POST permissions have their own tests.
POST_ONLY = {
    "proposal_transition",
    "readability",
    "catalog_pdf_make",
    "simulator_totals",
    "scenario_save",
    "scenario_update",
    "scenario_delete",
    "relation_add",
    "relation_delete",
}


def app_url_names():
    names = set()

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_is_in_the_walk():
    assert app_url_names() - OUTSIDE_THE_WALK == set(EXPECTED) | POST_ONLY | set(REDIRECTING)


def urls_for(world, proposal, idea, version, scenario):
    args = {
        "home": [],
        "round_detail": [world.round.public_id],
        "round_create": [world.municipality.slug],
        "round_edit": [world.round.public_id],
        "round_plan": [world.round.public_id],
        "catalog": [world.round.public_id],
        "proposal_create": [world.round.public_id],
        "proposal_detail": [proposal.public_id],
        "proposal_edit": [proposal.public_id],
        "proposal_effects": [proposal.public_id],
        "proposal_transition": [proposal.public_id],
        "proposal_comments": [proposal.public_id],
        "round_activity": [world.round.public_id],
        "glossary": [world.municipality.slug],
        "readability": [world.round.public_id],
        "idea_list": [world.round.public_id],
        "my_ideas": [world.round.public_id],
        "idea_create": [world.round.public_id],
        "party_proposal_create": [world.round.public_id],
        "screening_criteria": [world.round.public_id],
        "idea_import": [world.round.public_id],
        "idea_import_template": [world.round.public_id],
        "idea_detail": [idea.public_id],
        "catalog_versions": [world.round.public_id],
        "catalog_compare": [world.round.public_id],
        "catalog_version": [world.round.public_id, version.number],
        "published_proposal": [world.round.public_id, version.number, "SU-01"],
        "catalog_pdf_status": [world.round.public_id, version.number],
        "catalog_pdf": [world.round.public_id, version.number],
        "catalog_pdf_make": [world.round.public_id, version.number],
        "catalog_excel": [world.round.public_id, version.number],
        "proposal_import": [world.round.public_id],
        "proposal_import_template": [world.round.public_id],
        "decisions": [world.round.public_id],
        "decisions_adjustments_csv": [world.round.public_id],
        "decisions_adjustments_xlsx": [world.round.public_id],
        "next_round": [world.round.public_id],
        "decision_settings": [world.municipality.slug],
        "simulator": [world.round.public_id, version.number],
        "simulator_totals": [world.round.public_id, version.number],
        "scenario_list": [world.round.public_id, version.number],
        "scenario_compare": [world.round.public_id, version.number],
        "scenario_save": [world.round.public_id, version.number],
        "optimiser": [world.round.public_id, version.number],
        "impact": [world.round.public_id],
        "relation_add": [world.round.public_id],
        "relation_delete": [world.round.public_id],
        "scenario_detail": [scenario.share_token],
        "scenario_update": [scenario.public_id],
        "scenario_delete": [scenario.public_id],
    }
    return {name: reverse(name, args=value) for name, value in args.items()}


@pytest.fixture
def walk(world):
    proposal = create_proposal(
        world.round,
        world.children,
        world.owner,
        director=world.director,
        effects={(world.schools, 2027): -1_000},
    )
    world.round.current_phase = "ideas"  # the idea forms are open
    world.round.save()
    idea = do_submit_public_idea(
        world.round, {"title": "Lys i parken", "description": "Sluk om natten."}
    )
    create_proposal(
        world.round,
        world.social,
        world.owner,
        title="I kataloget",
        status="in_catalog",
        summary="Færre nattevagter.",
        effects={(world.elderly, 2028): -5_000},
    )
    version = do_publish_catalog(world.round, user=world.budget_officer)
    scenario = Scenario.objects.create(version=version, name="Pias forslag", owner=world.politician)
    return world, urls_for(world, proposal, idea, version, scenario)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_what_the_table_says(client, walk, name):
    world, urls = walk
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 200 if role in EXPECTED[name] else 403
        assert client.get(urls[name]).status_code == expected, (name, role)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_another_municipality_sees_nothing(client, walk, name):
    world, urls = walk
    client.force_login(world.outsider)
    response = client.get(urls[name])
    if name == "home":
        assert response.status_code == 200
        assert str(world.round.public_id) not in response.content.decode()
        assert world.municipality.name not in response.content.decode()
    else:
        assert response.status_code == 404, name
        assert client.post(urls[name], {}).status_code in (404, 405), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anonymous_users_are_sent_to_login(client, walk, name):
    _world, urls = walk
    response = client.get(urls[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_user_without_membership_sees_nothing(client, walk, django_user_model):
    _world, urls = walk
    stranger = django_user_model.objects.create_user("stranger", password="x")
    client.force_login(stranger)
    for name, url in urls.items():
        expected = 200 if name == "home" else 404
        fetch = client.post if name in POST_ONLY else client.get
        assert fetch(url).status_code == expected, name


@pytest.mark.parametrize("name", sorted(REDIRECTING))
def test_redirecting_urls(client, walk, name):
    world, urls = walk
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 302 if role in REDIRECTING[name] else 403
        assert client.get(urls[name]).status_code == expected, (name, role)
    client.force_login(world.outsider)
    assert client.get(urls[name]).status_code == 404


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_urls_refuse_get_and_other_municipalities(client, walk, name):
    world, urls = walk
    client.force_login(world.budget_officer)
    assert client.get(urls[name]).status_code == 405
    client.force_login(world.outsider)
    assert client.post(urls[name], {"step": "submit"}).status_code == 404
