"""Who sees which published version and proposal, per role, with the date pinned."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.urls import reverse

from raaderum import access
from raaderum.confidentiality import rules
from raaderum.confidentiality.tests.helpers import (
    HIDDEN_FROM_POLITICIANS,
    NOW,
    RELEASE,
    VISIBLE,
    create_levels,
)
from raaderum.organisation.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pinned():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def levels(world):
    return create_levels(world)


def test_the_rules_name_the_same_administration_as_the_access_table():
    assert {str(role) for role in access._ADMINISTRATION} == rules.ADMINISTRATION
    assert rules.POLITICIAN == Role.POLITICIAN


@pytest.mark.parametrize(
    ("number", "politician", "administration"),
    [(1, 200, 200), (2, 404, 200), (3, 200, 200)],
)
def test_an_internal_version_is_404_for_politicians_everywhere(
    client, world, levels, number, politician, administration
):
    round_id = levels.round.public_id
    urls = [
        reverse(name, args=[round_id, number])
        for name in ("catalog_version", "catalog_excel", "catalog_pdf_status", "simulator")
    ]
    urls.append(reverse("published_proposal", args=[round_id, number, "BU-01"]))
    for user, expected in ((world.politician, politician), (world.reader, administration)):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == expected, (user, url)


def test_the_versions_list_leaves_out_what_the_politician_may_not_see(client, world, levels):
    client.force_login(world.politician)
    page = client.get(reverse("catalog_versions", args=[levels.round.public_id])).content.decode()
    assert "Version 1" in page and "Version 3" in page and "Version 2" not in page
    client.force_login(world.budget_officer)
    page = client.get(reverse("catalog_versions", args=[levels.round.public_id])).content.decode()
    assert "Version 2" in page
    assert "Intern i administrationen" in page
    assert "Fortrolig for politikerne" in page


def test_an_internal_proposal_is_left_out_of_the_politicians_catalog_and_its_totals(
    client, world, levels
):
    url = reverse("catalog_version", args=[levels.round.public_id, 3])
    client.force_login(world.politician)
    response = client.get(url)
    page = response.content.decode()
    for hidden in HIDDEN_FROM_POLITICIANS:
        assert hidden not in page, hidden
    assert "Fortroligt om plejecentre" in page  # confidential: politicians read it
    # A, C, D, E and F in 2028: 1.111.000 + 1.618.034 + 1.222.000 + 3.030.303 + 4.040.404 kr.
    assert response.context["catalog"].total[2028] == 11_021_741
    assert "skjult for politikerne" not in page
    client.force_login(world.budget_officer)
    response = client.get(url)
    assert response.context["catalog"].total[2028] == 11_021_741 + 2_357_111
    assert "1 forslag er internt og skjult for politikerne" in response.content.decode()


def test_a_politician_gets_404_for_an_internal_proposal_of_a_visible_version(client, world, levels):
    client.force_login(world.politician)
    code = levels.public.proposals.get(proposal=levels.b).code
    url = reverse("published_proposal", args=[levels.round.public_id, 1, code])
    assert client.get(url).status_code == 404
    client.force_login(world.director)
    assert client.get(url).status_code == 200


def test_the_simulator_never_counts_an_internal_proposal_for_a_politician(client, world, levels):
    client.force_login(world.politician)
    version = levels.public
    codes = {p.proposal_id: p.code for p in version.proposals.all()}
    page = client.get(reverse("simulator", args=[levels.round.public_id, 1])).content.decode()
    assert "Navngivne ledere fratræder" not in page
    toggle = reverse("simulator_totals", args=[levels.round.public_id, 1])
    response = client.post(
        toggle,
        {"chosen": f"{codes[levels.a.pk]}\n{codes[levels.b.pk]}"},
        headers={"HX-Request": "true"},
    )
    # Only A's 1.111 (1,000 kr.) counts in 2028; B's 2.357 is ignored.
    assert "1.111" in response.content.decode()
    assert "3.468" not in response.content.decode()
    client.force_login(world.budget_officer)
    response = client.post(
        toggle,
        {"chosen": f"{codes[levels.a.pk]}\n{codes[levels.b.pk]}"},
        headers={"HX-Request": "true"},
    )
    assert "3.468" in response.content.decode()


def test_a_scenario_saved_by_hand_cannot_hold_an_internal_proposal(client, world, levels):
    client.force_login(world.politician)
    codes = [p.code for p in levels.public.proposals.order_by("position")]
    client.post(
        reverse("scenario_save", args=[levels.round.public_id, 1]),
        {"chosen": codes, "name": "Alt"},
    )
    from raaderum.prioritisation.models import Scenario

    saved = Scenario.objects.get(name="Alt")
    assert {p.proposal_id for p in saved.proposals.all()} == {
        levels.a.pk,
        levels.c.pk,
        levels.d.pk,
    }


def test_a_politician_cannot_ask_about_an_internal_proposal(client, world, levels):
    from raaderum.questions.access import askable_proposals

    titles = {p.title for p in askable_proposals(world.politician, levels.public)}
    assert titles == {*VISIBLE, "Fortroligt om plejecentre"}
    assert not askable_proposals(world.politician, levels.internal).exists()


def test_the_question_form_offers_the_newest_version_the_politician_may_see(client, world, levels):
    from raaderum.publication.actions import do_publish_catalog

    do_publish_catalog(levels.round, user=world.budget_officer, visibility="internal")  # no. 4
    client.force_login(world.politician)
    response = client.get(reverse("question_ask", args=[levels.round.public_id]))
    assert response.status_code == 200
    offered = {str(p) for p in response.context["form"].fields["proposal"].queryset}
    # Version 3 (confidential), not the newer internal version 4, and never internal proposals.
    assert any("Fortroligt katalogforslag" in title for title in offered)
    assert not any("Navngivne ledere" in title for title in offered)
    response = client.get(reverse("question_ask", args=[levels.round.public_id]), {"version": "4"})
    assert response.context["form"].fields["proposal"].queryset.count() == 0


def test_the_decisions_page_leaves_out_a_held_back_proposal_for_politicians(client, world, levels):
    from raaderum.decisions.actions import do_record_decisions
    from raaderum.decisions.tests.helpers import AGREEMENT

    rows = {
        p.pk: {"outcome": "adopted", "note": "", "may_return": False, "return_from_year": None}
        for p in levels.public.proposals.all()
    }
    do_record_decisions(levels.round, levels.public, AGREEMENT, rows, user=world.budget_officer)
    url = reverse("decisions", args=[levels.round.public_id])
    client.force_login(world.politician)
    html = client.get(url).content.decode()
    assert "Åbent forslag om parkering" in html and "Fortroligt om plejecentre" in html
    assert "Navngivne ledere" not in html
    assert "2.357" not in html  # nor in the adopted totals
    client.force_login(world.budget_officer)
    assert "Navngivne ledere" in client.get(url).content.decode()


def test_follow_up_of_a_held_back_proposal_stays_with_the_administration(client, world, levels):
    from pypdf import PdfReader

    from raaderum.decisions.actions import do_record_decisions
    from raaderum.decisions.tests.helpers import AGREEMENT

    rows = {
        p.pk: {"outcome": "adopted", "note": "", "may_return": False, "return_from_year": None}
        for p in levels.public.proposals.all()
    }
    do_record_decisions(levels.round, levels.public, AGREEMENT, rows, user=world.budget_officer)
    held_back = levels.public.proposals.get(proposal=levels.b).code
    slug = world.municipality.slug
    initiative = reverse("followup_initiative", args=[levels.round.public_id, held_back])
    overview = reverse("followup_overview", args=[slug])
    client.force_login(world.politician)
    html = client.get(reverse("followup_initiatives", args=[slug])).content.decode()
    assert "Åbent forslag om parkering" in html and "Navngivne ledere" not in html
    assert len(client.get(overview).context["overview"].rows) == 3
    assert client.get(initiative).status_code == 404
    client.force_login(world.budget_officer)
    html = client.get(reverse("followup_initiatives", args=[slug])).content.decode()
    assert "Navngivne ledere" in html
    assert len(client.get(overview).context["overview"].rows) == 4
    assert client.get(initiative).status_code == 200
    # The political report leaves it out, whoever makes it.
    response = client.get(reverse("followup_report_pdf_file", args=[slug]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Åbent forslag om parkering" in text
    assert "Navngivne ledere" not in text


def test_compare_leaves_out_what_the_reader_may_not_see(client, world, levels):
    client.force_login(world.politician)
    url = reverse("catalog_compare", args=[levels.round.public_id]) + "?a=1&b=3"
    page = client.get(url).content.decode()
    assert "Fortroligt katalogforslag" in page
    for hidden in HIDDEN_FROM_POLITICIANS:
        assert hidden not in page, hidden
    # Version 2 is no choice for the politician.
    assert client.get(url.replace("b=3", "b=2")).status_code == 400


def test_banners_mark_confidential_and_internal_pages(client, world, levels):
    client.force_login(world.politician)
    page = client.get(reverse("catalog_version", args=[levels.round.public_id, 3])).content
    assert "FORTROLIGT – til byrådets medlemmer" in page.decode()
    code = levels.public.proposals.get(proposal=levels.c).code
    page = client.get(reverse("published_proposal", args=[levels.round.public_id, 1, code]))
    assert "FORTROLIGT – til byrådets medlemmer" in page.content.decode()
    assert f"Frigives {RELEASE.day}. oktober 2027." in page.content.decode()
    client.force_login(world.budget_officer)
    page = client.get(reverse("catalog_version", args=[levels.round.public_id, 2])).content
    assert "INTERNT – kun til administrationen" in page.decode()
    page = client.get(reverse("proposal_detail", args=[levels.b.public_id])).content
    assert "INTERNT – kun til administrationen" in page.decode()
    # A public proposal's page has no banner.
    code = levels.public.proposals.get(proposal=levels.a).code
    page = client.get(reverse("published_proposal", args=[levels.round.public_id, 1, code]))
    assert "marking-banner" not in page.content.decode()
