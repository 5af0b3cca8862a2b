"""The public transparency pages: what they show, in Danish, to the krone (in 1.000 kr.)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from raaderum.followup.models import Realisation, ReviewState
from raaderum.transparency.models import RoundPublicity
from raaderum.transparency.tests.helpers import (
    APPROVED_ASSESSMENT,
    APPROVED_LEARNING,
    create_public,
)


@pytest.fixture
def public(world):
    return create_public(world)


def get(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response, response.content.decode()


def text_of(html: str) -> str:
    """The page's text with tags removed and spaces collapsed (no-break spaces too)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ")).strip()


def round_url(public):
    return reverse("public_round", args=["norddjurs", public.world.round.public_id])


def test_the_municipality_page_lists_public_rounds_only(client, public):
    _response, html = get(client, "public_home", "norddjurs")
    text = text_of(html)
    assert "Budgetaftaler og opfølgning i Norddjurs Kommune" in text
    assert "Budget 2027–2030" in text
    assert "Budget 2026 (ikke offentlig)" not in text
    # 2 adopted; expected 2.234.767 + 1.399.999 = 3.634.766 kr.; realised 912.345 of 1.000.200
    assert re.search(
        r"Budget 2027–2030 Kommunalbestyrelsen, 8\. oktober 2026 2 3\.635 912 91 %", text
    ), text
    assert f'href="{round_url(public)}"' in html


def test_a_municipality_without_public_rounds_says_so(client, world):
    _response, html = get(client, "public_home", "norddjurs")
    assert "Der er ikke offentliggjort nogen budgetaftale her endnu." in html


def test_the_round_page_shows_the_adopted_proposals_with_expected_and_realised(client, public):
    _response, html = get(client, "public_round", "norddjurs", public.world.round.public_id)
    text = text_of(html)
    assert "Budgetaftalen vedtog 2 forslag" in text
    assert "Vedtaget af Kommunalbestyrelsen, 8. oktober 2026" in text
    assert "Budgetaftale 2027–2030 af 8. oktober 2026" in text
    assert "2027-priser (P/L)" in text
    # BU-01: expected 1.000.200 and 1.234.567; 2027 approved at 912.345 kr.
    assert "BU-01 Færre vikarer" in text
    assert "Børne- og Ungdomsudvalget · Besparelse · Ansvarlig: Skoleafdelingen" in text
    assert "Status: Som forventet. Realiseringsgrad: 91 %" in text
    assert "Skolerne bruger færre vikarer." in text
    assert "Forventet 1.000 1.235 0 0 Realiseret 912 – ikke vurderet endnu" in text
    # BU-02 was adjusted after the agreement: adopted and expected rows both shown.
    assert "Status: Ikke vurderet endnu" in text
    assert "Vedtaget 0 2.000 0 −100 Forventet 0 1.500 0 −100" in text
    # Totals per year over both.
    assert re.search(
        r"Vedtaget i budgetaftalen 1\.000 3\.235 0 −100 Forventet råderum 1\.000 2\.735 0 −100 "
        r"Forventet i de vurderede forslag 1\.000 – ikke vurderet endnu",
        text,
    ), text
    assert "Realiseringsgrad 91 % – ingen" in text
    link = reverse("public_proposal", args=["norddjurs", public.world.round.public_id, "BU-01"])
    assert f'href="{link}"' in html


def test_the_tables_are_accessible(client, public):
    _response, html = get(client, "public_round", "norddjurs", public.world.round.public_id)
    assert html.count("<caption>") == 3  # the totals and one per proposal
    assert '<th scope="col" class="amount">2027</th>' in html
    assert '<th scope="row">Realiseret råderum</th>' in html


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("", ["BU-01", "BU-02"]),
        ("?type=efficiency", ["BU-02"]),
        ("?status=on_track", ["BU-01"]),
        ("?status=not_assessed", ["BU-02"]),
        ("?committee=BU&type=saving", ["BU-01"]),
        ("?committee=SU", ["BU-01", "BU-02"]),  # no adopted SU proposal: ignored, as hand-edited
        ("?status=at_risk", []),
    ],
)
def test_filters_work_without_javascript(client, public, query, codes):
    response = client.get(round_url(public) + query)
    shown = re.findall(
        r'<h3 id="i-[^"]*"><a href="[^"]*">([A-ZÆØÅ]+-\d+) ', response.content.decode()
    )
    assert shown == codes


def test_the_filtered_totals_are_of_the_shown_proposals(client, public):
    html = client.get(round_url(public) + "?type=efficiency").content.decode()
    text = text_of(html)
    assert "1 af 2 forslag vises." in text
    assert "Råderum pr. år for de viste forslag" in text
    assert "Forventet råderum 0 1.500 0 −100" in text
    assert 'value="efficiency" selected' in html


def test_the_proposal_page_shows_the_approved_assessment_and_no_names(client, public):
    world = public.world
    _response, html = get(client, "public_proposal", "norddjurs", world.round.public_id, "BU-01")
    text = text_of(html)
    assert "BU-01 · Børne- og Ungdomsudvalget · Besparelse" in text
    assert "Vedtaget af Kommunalbestyrelsen den 8. oktober 2026" in text
    assert "2027 1.000 912 Som forventet" in text
    assert "2028 1.235 – ikke vurderet endnu Ikke vurderet endnu" in text
    assert "Alle år 2.235 912" in text
    assert "Realiseringsgrad: 91 % af det, de vurderede år skulle frigøre." in text
    assert "Forvaltningens vurdering" in text
    assert "Vurderingen er forvaltningens og er godkendt af økonomiafdelingen." in text
    assert f"Hvorfor: {APPROVED_ASSESSMENT}" in text
    assert f"Det har vi lært: {APPROVED_LEARNING}" in text
    assert "Ansvarlig enhed Skoleafdelingen" in text
    for person in ("Ole", "Bente", "Testesen", "@"):
        assert person not in text


def test_an_adjusted_proposal_says_why_its_expected_amounts_differ(client, public):
    world = public.world
    _response, html = get(client, "public_proposal", "norddjurs", world.round.public_id, "BU-02")
    text = text_of(html)
    assert "2028 2.000 1.500" in text
    assert "justeret ved en senere politisk beslutning" in text
    assert "Intet år er vurderet endnu." in text
    assert "Ansvarlig enhed" not in text  # none given: nothing, never a person


def test_without_realisation_only_the_adopted_proposals_show(client, world):
    public = create_public(world, show_realisation=False)
    html = client.get(round_url(public)).content.decode()
    text = text_of(html)
    assert "BU-01 Færre vikarer" in text
    assert "912" not in text
    assert "Realiseret" not in text
    assert 'name="status"' not in html
    proposal = client.get(
        reverse("public_proposal", args=["norddjurs", world.round.public_id, "BU-01"])
    ).content.decode()
    assert APPROVED_ASSESSMENT not in proposal
    assert "Forvaltningens vurdering" not in proposal
    home = text_of(client.get(reverse("public_home", args=["norddjurs"])).content.decode())
    assert "Offentliggøres ikke" in home


def test_an_approval_shows_and_a_return_hides_the_year(client, public):
    """Only the budget office's approval makes a year public, and it can be taken back."""
    submitted = Realisation.objects.get(initiative=public.bu01, year=2028)
    Realisation.objects.filter(pk=submitted.pk).update(state=ReviewState.APPROVED)
    text = text_of(client.get(round_url(public)).content.decode())
    assert "Realiseret 912 4.322" in text
    Realisation.objects.filter(pk=submitted.pk).update(state=ReviewState.RETURNED)
    text = text_of(client.get(round_url(public)).content.decode())
    assert "4.322" not in text


def test_public_pages_are_cacheable_and_carry_no_login_state(client, public):
    world = public.world
    client.force_login(world.budget_officer)  # a logged-in visitor gets the same public page
    response, html = get(client, "public_round", "norddjurs", world.round.public_id)
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Cookie" in response["Vary"]
    assert response["ETag"]
    assert "csrftoken" not in response.cookies
    assert "csrfmiddlewaretoken" not in html and "X-CSRFToken" not in html
    assert "bente" not in html.lower()
    assert "noindex" not in html and "X-Robots-Tag" not in response.headers
    again = client.get(
        reverse("public_round", args=["norddjurs", world.round.public_id]),
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304


def test_public_pages_answer_only_get_and_head(client, public):
    url = round_url(public)
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_the_round_page_takes_a_constant_number_of_queries(
    client, public, django_assert_num_queries
):
    with django_assert_num_queries(4):
        client.get(round_url(public))
    with django_assert_num_queries(4):
        client.get(reverse("public_initiatives_json", args=["norddjurs"]))


def test_a_round_without_agreement_is_never_public(client, world):
    RoundPublicity.objects.create(round=world.round, public=True, changed_by=world.budget_officer)
    assert (
        client.get(reverse("public_round", args=["norddjurs", world.round.public_id])).status_code
        == 404
    )
    home = client.get(reverse("public_home", args=["norddjurs"])).content.decode()
    assert "Budget 2027–2030" not in home


def test_the_public_idea_pages_link_to_the_public_page_once_it_has_content(client, world):
    closed = reverse("public_idea", args=["norddjurs", world.round.public_id])
    link = f'href="{reverse("public_home", args=["norddjurs"])}"'
    assert link not in client.get(closed).content.decode()
    create_public(world)
    html = client.get(closed).content.decode()
    assert link in html
    assert "Se, hvad Norddjurs Kommune har vedtaget i tidligere budgetaftaler" in html


def test_what_was_adopted_is_shown_as_published_not_as_renamed_later(client, public):
    world = public.world
    world.children.name = "Udvalget for Læring"
    world.children.save()
    world.round.name = "Omdøbt runde"
    world.round.save()
    text = text_of(client.get(round_url(public)).content.decode())
    assert "Børne- og Ungdomsudvalget · Besparelse" in text
    assert "Budget 2027–2030" in text
    assert "Udvalget for Læring" not in text and "Omdøbt runde" not in text
