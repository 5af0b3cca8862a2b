"""Every public URL, with real ids, while confidential and internal material is present.

The walk of raaderum/transparency/tests/test_nothing_unpublished.py, with the catalog versions
of every level (tests/helpers.py), a public budget answer about a confidential proposal, a
consultation whose version holds restricted proposals, and an adopted proposal held back by its
own level after the round was made public. No page, CSV or JSON may hold any of it.
"""

from __future__ import annotations

import itertools
import json

import pytest
import time_machine
from django.urls import reverse

from raaderum.confidentiality.actions import do_set_proposal_visibility
from raaderum.confidentiality.tests.helpers import (
    HIDDEN_FROM_THE_PUBLIC,
    NOW,
    VISIBLE,
    create_levels,
)
from raaderum.consultation.actions import Settings, do_open_consultation
from raaderum.questions.actions import do_approve_answer, do_ask_question, do_save_answer
from raaderum.transparency.tests.helpers import SECRETS, create_public
from raaderum.transparency.tests.test_nothing_unpublished import public_patterns, unknown_value

pytestmark = pytest.mark.django_db

HELD_BACK_ADOPTED = ["Samling af dagtilbud", "To dagtilbud bliver til et."]
QUESTION = "Hvor mange plejecentre lukker?"


@pytest.fixture
def scene(world):
    with time_machine.travel(NOW, tick=False):
        public = create_public(world)
        levels = create_levels(world)
        office = world.budget_officer
        # An adopted proposal of the public round, held back by its own level afterwards.
        bu02 = public.version.proposals.get(code="BU-02").proposal
        do_set_proposal_visibility(bu02, level="internal", release_date=None, user=office)
        # A public answer about a confidential proposal.
        question = do_ask_question(
            levels.round,
            user=world.politician,
            text=QUESTION,
            published=levels.public.proposals.get(proposal=levels.c),
        )
        question = do_save_answer(question, user=world.owner, text="Tre.", submit=True)
        do_approve_answer(question, user=office, public=True)
        consultation = do_open_consultation(
            levels.public,
            Settings(
                "Hjælp os med budgettet", "", NOW.date(), NOW.date(), levels.public.target_by_year()
            ),
            list(levels.public.proposals.filter(proposal__in=[levels.a, levels.d])),
            user=office,
        )
        yield public, levels, consultation


def every_url(public, levels, consultation):
    world = public.world
    known = {
        "municipality_slug": [world.municipality.slug, world.other_municipality.slug],
        "round_id": [str(world.round.public_id), str(levels.round.public_id)],
        "code": ["BU-01", "BU-02", "BU-05"],
        "number": ["1", "2", "3"],
        "consultation_id": [str(consultation.public_id)],
    }
    urls = []
    for name, converters in public_patterns():
        choices = [known.get(p) or [unknown_value(c)] for p, c in converters.items()]
        for combination in itertools.product(*choices):
            urls.append(
                (name, reverse(name, kwargs=dict(zip(converters, combination, strict=True))))
            )
    return urls


def test_no_public_url_shows_confidential_or_internal_material(client, scene):
    public, levels, consultation = scene
    shown = set()
    with time_machine.travel(NOW, tick=False):
        for name, url in every_url(public, levels, consultation):
            response = client.get(url)
            assert response.status_code in (200, 202, 404), (name, url, response.status_code)
            text = response.content.decode("utf-8-sig")
            for secret in [*HIDDEN_FROM_THE_PUBLIC, *HELD_BACK_ADOPTED, QUESTION, *SECRETS]:
                assert secret not in text, (name, url, secret)
            if response.status_code == 200:
                shown.add(name)
    # Not vacuous: the public version, the consultation and the open data answered.
    assert {"public_catalog", "public_consultation", "public_initiatives_json"} <= shown


def test_the_public_version_shows_its_public_proposals_and_the_others_are_404(client, scene):
    public, levels, _consultation = scene
    slug = public.world.municipality.slug
    with time_machine.travel(NOW, tick=False):
        page = client.get(reverse("public_catalog", args=[slug, levels.round.public_id, 1]))
        for title in VISIBLE:
            assert title in page.content.decode()
        # The released proposal's 1.222 and the public one's 1.111 in 2028, nothing else.
        assert "2.333" in page.content.decode()
        home = client.get(reverse("public_home", args=[slug])).content.decode()
        assert "Budget 2028–2031, version 1" in home
        assert "version 2" not in home and "version 3" not in home
        for number in (2, 3):
            url = reverse("public_catalog", args=[slug, levels.round.public_id, number])
            assert client.get(url).status_code == 404


def test_the_adopted_list_and_open_data_leave_out_a_proposal_held_back(client, scene):
    public, _levels, _consultation = scene
    slug = public.world.municipality.slug
    with time_machine.travel(NOW, tick=False):
        rows = json.loads(client.get(reverse("public_initiatives_json", args=[slug])).content)
    assert {row["code"] for row in rows["rows"]} == {"BU-01"}


def test_a_confidential_version_becomes_public_on_its_release_date(client, scene):
    public, levels, _consultation = scene
    from raaderum.confidentiality.actions import do_set_version_visibility

    with time_machine.travel(NOW, tick=False):
        levels.confidential.round = levels.round
        do_set_version_visibility(
            levels.confidential,
            level="confidential",
            release_date=NOW.date().replace(day=20),
            user=public.world.budget_officer,
        )
    url = reverse(
        "public_catalog", args=[public.world.municipality.slug, levels.round.public_id, 3]
    )
    with time_machine.travel("2027-09-19 23:00 +02:00", tick=False):
        assert client.get(url).status_code == 404
    with time_machine.travel("2027-09-20 08:00 +02:00", tick=False):
        page = client.get(url).content.decode()
    assert "Fortroligt katalogforslag" in page
    # Its proposals held back by their own level stay out.
    assert "Navngivne ledere fratræder" not in page
    assert "Fortroligt om plejecentre" not in page
