"""Every public URL, with real ids, while unpublished data of every kind is present.

The walk takes each URL pattern under /public/ (the transparency pages, the open data, the
public idea form and any public page added later) and fills its parameters with every slug, round
and proposal code the test world has – public or not, this municipality's or another's. None of
the answers (HTML, CSV or JSON) may contain anything that is not public.
"""

from __future__ import annotations

import itertools
import json
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter

from raaderum.transparency.tests.helpers import (
    OTHER_MUNICIPALITY,
    SECRETS,
    THIS_MUNICIPALITY,
    Public,
    create_public,
)


def public_patterns() -> list[tuple[str, dict[str, object]]]:
    """(url name, {parameter: converter}) of every named pattern whose route starts public/."""
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and pattern.name and route.startswith("public/"):
                found.append((pattern.name, dict(pattern.pattern.converters)))

    walk(get_resolver().url_patterns)
    return found


def values(public: Public) -> dict[str, list[str]]:
    world = public.world
    return {
        "municipality_slug": [world.municipality.slug, world.other_municipality.slug, "ukendt"],
        "round_id": [
            str(world.round.public_id),
            str(public.hidden_round.public_id),
            str(public.other_round.public_id),
        ],
        # adopted, rejected, deferred, only in version 2, and the other municipality's adopted
        "code": ["BU-01", "BU-02", "BU-03", "SU-01", "BU-04", "ØK-01"],
    }


def unknown_value(converter: object) -> str:
    """A well-formed id that names nothing, for parameters of other apps' public pages."""
    if isinstance(converter, UUIDConverter):
        return str(uuid.UUID(int=1))
    if isinstance(converter, IntConverter):
        return "999999"
    return "ukendt"


def every_url(public: Public) -> list[tuple[str, str]]:
    """Every public URL with every combination of real ids (made-up ones for other apps' ids:
    their public pages – e.g. a consultation – have their own publication rules and tests)."""
    known = values(public)
    urls = []
    for name, converters in public_patterns():
        choices = [known.get(p) or [unknown_value(c)] for p, c in converters.items()]
        for combination in itertools.product(*choices):
            kwargs = dict(zip(converters, combination, strict=True))
            urls.append((name, reverse(name, kwargs=kwargs)))
    return urls


@pytest.fixture
def public(world):
    return create_public(world)


def test_the_walk_covers_the_transparency_pages_and_the_open_data(public):
    names = {name for name, _parameters in public_patterns()}
    assert {
        "public_home",
        "public_round",
        "public_proposal",
        "public_data",
        "public_initiatives_json",
        "public_initiatives_csv",
        "public_realisation_json",
        "public_realisation_csv",
        "public_idea",
        "public_idea_thanks",
    } <= names


def test_no_public_url_shows_anything_unpublished(client, public):
    shown = 0
    for name, url in every_url(public):
        response = client.get(url)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        text = response.content.decode("utf-8-sig")
        other = THIS_MUNICIPALITY if "/public/syddjurs/" in url else OTHER_MUNICIPALITY
        for secret in [*SECRETS, *other]:
            assert secret not in text, (name, url, secret)
        if response.status_code == 200:
            shown += 1
    assert shown > 10  # the walk is not vacuous: public pages answered


def test_the_other_municipalitys_adopted_proposal_is_only_under_its_own_address(client, public):
    own = client.get(reverse("public_round", args=["syddjurs", public.other_round.public_id]))
    assert "Syddjurs-forslaget" in own.content.decode()
    for name in ("public_initiatives_json", "public_realisation_json"):
        rows = json.loads(client.get(reverse(name, args=["syddjurs"])).content)["rows"]
        assert {row["code"] for row in rows} == {"ØK-01"}


def test_what_is_public_is_there(client, public):
    """The other side of the walk: the adopted proposals and the approved year do show."""
    world = public.world
    html = client.get(
        reverse("public_proposal", args=[world.municipality.slug, world.round.public_id, "BU-01"])
    ).content.decode()
    assert "Færre vikarer" in html
    assert "Skolerne har brugt færre vikarer end før." in html
    assert "Skoleafdelingen" in html


@pytest.mark.parametrize(
    ("slug", "round_attr", "code", "why"),
    [
        ("ukendt", "round", "", "unknown municipality"),
        ("norddjurs", "other_round", "", "another municipality's round under this address"),
        ("syddjurs", "round", "", "this round under another municipality's address"),
        ("norddjurs", "hidden_round", "", "a round that is not public"),
        ("norddjurs", "round", "BU-03", "a rejected proposal"),
        ("norddjurs", "round", "SU-01", "a deferred proposal"),
        ("norddjurs", "round", "BU-04", "a proposal only in a later catalog version"),
        ("norddjurs", "round", "ØK-01", "another municipality's proposal"),
    ],
)
def test_not_public_answers_404(client, public, slug, round_attr, code, why):
    budget_round = getattr(public, round_attr) if round_attr != "round" else public.world.round
    if code:
        url = reverse("public_proposal", args=[slug, budget_round.public_id, code])
    else:
        url = reverse("public_round", args=[slug, budget_round.public_id])
    assert client.get(url).status_code == 404, why


def test_unknown_municipality_answers_404_everywhere(client, public):
    for name in (
        "public_home",
        "public_data",
        "public_initiatives_json",
        "public_initiatives_csv",
        "public_realisation_json",
        "public_realisation_csv",
    ):
        assert client.get(reverse(name, args=["ukendt"])).status_code == 404, name


def test_a_round_made_private_again_disappears(client, public):
    world = public.world
    world.round.publicity.public = False
    world.round.publicity.save()
    url = reverse("public_round", args=[world.municipality.slug, world.round.public_id])
    assert client.get(url).status_code == 404
    rows = json.loads(
        client.get(reverse("public_initiatives_json", args=[world.municipality.slug])).content
    )["rows"]
    assert rows == []
