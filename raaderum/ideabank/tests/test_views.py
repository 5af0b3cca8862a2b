"""The idea bank's pages: searching, keeping entries, using one in a round, sharing an idea."""

import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideabank.models import BankIdea, BankIdeaUse
from raaderum.ideabank.tests.helpers import create_bank_idea
from raaderum.ideas.models import Idea
from raaderum.ideas.tests.helpers import create_idea
from raaderum.rounds.models import PhaseKind
from raaderum.test import create_round

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title": "Skærmbesøg i hjemmeplejen",
        "type": "efficiency",
        "service_area": "Ældreområdet",
        "function_code": "5.32.32",
        "description": "Påmindelser om medicin sker over skærm.",
        "effect_min": "600.000",
        "effect_max": "1.200.000",
        "source_name": "Norddjurs Kommune",
        "source_code": "707",
        "links": "https://example.dk/beslutning\nhttps://example.dk/evaluering",
        "tags": "velfærdsteknologi, skærmbesøg, Velfærdsteknologi",
    }
    data.update(overrides)
    return data


def test_every_municipality_reads_the_bank_in_danish(client, world):
    create_bank_idea(
        world.municipality, world.budget_officer, effect_min=800_000, effect_max=1_500_000
    )
    client.force_login(world.outsider)
    html = client.get(reverse("ideabank")).content.decode()
    assert "<h1>Idébanken</h1>" in html
    assert "Fælles vikarkorps for skolerne" in html
    assert "800.000–1.500.000 kr." in html
    assert "Idébanken har 1 idé." in html
    assert "Tilføj en idé" in html  # the other municipality's budget office adds its own


def test_readers_do_not_get_the_buttons_to_change_the_bank(client, world):
    client.force_login(world.reader)
    html = client.get(reverse("ideabank")).content.decode()
    assert "Tilføj en idé" not in html and "Importér idéer" not in html


def test_the_list_takes_the_same_number_of_queries_for_3_and_30_ideas(
    client, world, django_assert_num_queries, django_assert_max_num_queries
):
    for n in range(3):
        create_bank_idea(world.municipality, world.budget_officer, title=f"Idé {n}")
    client.force_login(world.reader)
    url = reverse("ideabank") + "?q=idé&type=efficiency"
    with django_assert_max_num_queries(6) as before:  # 5 on PostgreSQL
        client.get(url)
    for n in range(27):
        create_bank_idea(world.municipality, world.budget_officer, title=f"Idé {n + 3}")
    with django_assert_num_queries(len(before.captured_queries)):
        response = client.get(url)
    assert "30 idéer passer." in response.content.decode()
    assert 'aria-label="Side 2"' in response.content.decode()


def test_a_search_and_its_filters_survive_the_pages_and_the_export_links(client, world):
    for n in range(25):
        create_bank_idea(world.municipality, world.budget_officer, title=f"Vikarer {n}")
    client.force_login(world.reader)
    html = client.get(reverse("ideabank") + "?q=vikarer&type=efficiency").content.decode()
    assert "?q=vikarer&amp;type=efficiency&amp;page=2" in html
    assert reverse("ideabank_export", args=["csv"]) + "?q=vikarer&amp;type=efficiency" in html


def test_a_bad_filter_value_is_ignored_not_an_error(client, world):
    create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.reader)
    response = client.get(reverse("ideabank") + "?type=nonsense&effect_from=abc&page=99")
    assert response.status_code == 200
    assert "Fælles vikarkorps for skolerne" in response.content.decode()


def test_htmx_gets_only_the_result(client, world):
    create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.reader)
    html = client.get(
        reverse("ideabank") + "?q=vikarkorps",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="bank-result",
    ).content.decode()
    assert html.lstrip().startswith('<div id="bank-result"')
    assert "1 idé passer." in html


def test_the_budget_office_adds_an_idea_kept_by_its_municipality(client, world):
    client.force_login(world.budget_officer)
    response = client.post(reverse("bank_idea_create"), form_data())
    idea = BankIdea.objects.get()
    assert response["Location"] == reverse("bank_idea_detail", args=[idea.public_id])
    assert idea.municipality == world.municipality
    assert (idea.effect_min, idea.effect_max) == (600_000, 1_200_000)
    assert idea.links == ["https://example.dk/beslutning", "https://example.dk/evaluering"]
    assert idea.tags == ["velfærdsteknologi", "skærmbesøg"]
    assert idea.external_id == str(idea.public_id)
    assert idea.created_by == world.budget_officer
    html = client.get(response["Location"]).content.decode()
    assert "Idéen er lagt i idébanken." in html
    assert "600.000–1.200.000 kr." in html
    assert "Effektivisering på Ældreområdet, fra Norddjurs Kommune." in html


def test_errors_are_danish_next_to_the_fields_and_keep_what_was_typed(client, world):
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("bank_idea_create"),
        form_data(
            title="",
            function_code="53232",
            effect_min="500.000",
            effect_max="100.000",
            links="ikke en adresse",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skriv funktionen som i kontoplanen, fx 5.32.32." in html
    assert "Den højeste virkning skal være mindst lige så stor som den laveste." in html
    assert "Skriv webadresser, der begynder med https:// eller http://: ikke en adresse" in html
    assert 'value="Ældreområdet"' in html
    assert not BankIdea.objects.exists()


def test_only_the_keeping_municipality_changes_an_idea(client, world):
    idea = create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.outsider)
    assert (
        client.post(reverse("bank_idea_edit", args=[idea.public_id]), form_data()).status_code
        == 403
    )
    assert client.post(reverse("bank_idea_delete", args=[idea.public_id])).status_code == 403
    detail = client.get(reverse("bank_idea_detail", args=[idea.public_id])).content.decode()
    assert "Ret idéen" not in detail
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("bank_idea_edit", args=[idea.public_id]), form_data(title="Nyt navn")
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.title, idea.municipality) == ("Nyt navn", world.municipality)


def test_deleting_an_idea_leaves_the_rounds_that_used_it_their_idea(client, world):
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save()
    bank_idea = create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.budget_officer)
    client.post(reverse("bank_idea_use", args=[bank_idea.public_id]), {"round": world.round.pk})
    page = client.get(reverse("bank_idea_delete", args=[bank_idea.public_id])).content.decode()
    assert "Idéen er brugt i 1 runde." in page
    client.post(reverse("bank_idea_delete", args=[bank_idea.public_id]))
    assert not BankIdea.objects.exists()
    idea = Idea.objects.get()
    html = client.get(reverse("idea_detail", args=[idea.public_id])).content.decode()
    assert "(siden slettet fra idébanken)" in html


def test_using_an_idea_brings_it_into_the_round_as_an_idea_of_origin_idea_bank(client, world):
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save()
    bank_idea = create_bank_idea(
        world.other_municipality,
        world.outsider,
        description="Et fast korps i stedet for bureauer.",
        source_name="Syddjurs Kommune",
    )
    client.force_login(world.owner)
    response = client.post(
        reverse("bank_idea_use", args=[bank_idea.public_id]), {"round": world.round.pk}
    )
    idea = Idea.objects.get()
    assert response["Location"] == reverse("idea_detail", args=[idea.public_id])
    assert (idea.round, idea.origin, idea.submitted_by) == (world.round, "idea_bank", world.owner)
    assert (idea.title, idea.description) == (bank_idea.title, bank_idea.description)
    assert idea.estimated_amount is None  # another municipality's figures: the screening decides
    assert BankIdeaUse.objects.get().bank_idea == bank_idea
    html = client.get(response["Location"]).content.decode()
    assert "Idéen er kommet med blandt idéerne i Budget 2027–2030." in html
    assert "Fra idébanken, en idé fra Syddjurs Kommune:" in html
    assert reverse("bank_idea_detail", args=[bank_idea.public_id]) in html
    # Once is enough: the round is no longer offered.
    again = client.get(reverse("bank_idea_use", args=[bank_idea.public_id])).content.decode()
    assert "Idéen er allerede med i alle jeres runder, der tager imod idéer nu." in again


def test_the_detail_shows_the_use_only_to_the_using_municipality(client, world):
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save()
    bank_idea = create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.budget_officer)
    client.post(reverse("bank_idea_use", args=[bank_idea.public_id]), {"round": world.round.pk})
    used = reverse("idea_detail", args=[Idea.objects.get().public_id])
    url = reverse("bank_idea_detail", args=[bank_idea.public_id])
    assert used in client.get(url).content.decode()
    client.force_login(world.outsider)
    html = client.get(url).content.decode()
    assert "Jeres kommune har brugt idéen i:" not in html
    assert used not in html


def test_only_rounds_that_take_ideas_are_offered_except_to_the_budget_office(client, world):
    bank_idea = create_bank_idea(world.municipality, world.budget_officer)
    url = reverse("bank_idea_use", args=[bank_idea.public_id])
    client.force_login(world.owner)  # the round is not in its ideas phase
    assert "Ingen af jeres runder tager imod idéer lige nu." in client.get(url).content.decode()
    response = client.post(url, {"round": world.round.pk})
    assert response.status_code == 422  # the page says why; nothing is saved
    assert "Ingen af jeres runder tager imod idéer lige nu." in response.content.decode()
    assert not Idea.objects.exists()
    client.force_login(world.budget_officer)
    client.post(url, {"round": world.round.pk})
    assert Idea.objects.get().origin == "idea_bank"


def test_nobody_uses_an_idea_in_another_municipalitys_round(client, world):
    bank_idea = create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.outsider)
    response = client.post(
        reverse("bank_idea_use", args=[bank_idea.public_id]), {"round": world.round.pk}
    )
    assert response.status_code == 422
    assert "Vælg en af jeres egne runder, der tager imod idéer." in response.content.decode()
    assert not Idea.objects.exists()


def test_the_budget_office_shares_an_idea_of_its_round_once(client, world):
    idea = create_idea(world.round, world.owner, committee=world.children, estimated_amount=300_000)
    url = reverse("bank_idea_share", args=[idea.public_id])
    client.force_login(world.budget_officer)
    html = client.get(url).content.decode()
    assert 'value="Fælles indkøb af kontorartikler"' in html
    assert 'value="Børne- og Ungdomsudvalget"' in html
    assert 'value="300.000"' in html
    response = client.post(
        url,
        form_data(title="Fælles indkøb", effect_min="300.000", effect_max="", source_name="X"),
    )
    shared = BankIdea.objects.get()
    assert response["Location"] == reverse("bank_idea_detail", args=[shared.public_id])
    assert (shared.shared_from, shared.municipality) == (idea, world.municipality)
    assert Event.objects.filter(verb="idea_shared_to_bank").count() == 1
    detail = client.get(reverse("idea_detail", args=[idea.public_id])).content.decode()
    assert "Delt i idébanken:" in detail
    assert client.post(url, form_data()).status_code == 409
    assert BankIdea.objects.count() == 1
    # Another municipality reads the entry but not the idea it was shared from.
    client.force_login(world.outsider)
    page = client.get(response["Location"]).content.decode()
    assert reverse("idea_detail", args=[idea.public_id]) not in page


def test_sharing_is_for_the_budget_office(client, world):
    idea = create_idea(world.round, world.owner)
    client.force_login(world.owner)
    assert client.get(reverse("bank_idea_share", args=[idea.public_id])).status_code == 403
    detail = client.get(reverse("idea_detail", args=[idea.public_id])).content.decode()
    assert "Del idéen i idébanken" not in detail


def test_a_round_page_links_to_the_bank(client, world):
    client.force_login(world.reader)
    html = client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    assert reverse("ideabank") in html
    assert "Find idéer fra andre kommuner i idébanken" in html


def test_a_user_of_several_municipalities_chooses_which_keeps_the_idea(client, world):
    from raaderum.organisation.models import Membership

    Membership.objects.create(
        user=world.budget_officer, municipality=world.other_municipality, role="budget_office"
    )
    client.force_login(world.budget_officer)
    html = client.get(reverse("bank_idea_create")).content.decode()
    assert "Vedligeholdes af" in html and "Syddjurs Kommune" in html
    client.post(reverse("bank_idea_create"), form_data(municipality=world.other_municipality.pk))
    assert BankIdea.objects.get().municipality == world.other_municipality


def test_a_second_round_of_the_same_municipality_may_use_the_idea_too(client, world):
    later = create_round(
        world.municipality,
        name="Budget 2028–2031",
        budget_year=2028,
        full_effect_year=2029,
        current_phase=PhaseKind.IDEAS,
    )
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save()
    bank_idea = create_bank_idea(world.municipality, world.budget_officer)
    client.force_login(world.director)
    url = reverse("bank_idea_use", args=[bank_idea.public_id])
    client.post(url, {"round": world.round.pk})
    client.post(url, {"round": later.pk})
    assert sorted(Idea.objects.values_list("round__name", flat=True)) == [
        "Budget 2027–2030",
        "Budget 2028–2031",
    ]
