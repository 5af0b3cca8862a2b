"""The search, on whichever database the suite runs on (SQLite and PostgreSQL in CI): the same
questions must get the same answers from the Danish full text and from the fallback."""

import pytest

from raaderum.ideabank import search
from raaderum.ideabank.search import Filters, search_bank, similar_bank_ideas
from raaderum.ideabank.tests.helpers import create_bank_idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(world):
    office = world.budget_officer
    ideas = {
        "title": create_bank_idea(
            world.municipality,
            office,
            title="Færre vikarer i skolerne",
            description="Et fast korps i stedet for bureauer.",
            effect_min=800_000,
            effect_max=1_500_000,
            function_code="3.22.01",
        ),
        "tags": create_bank_idea(
            world.municipality,
            office,
            title="Fast korps for sygefravær",
            tags=["vikarer", "sygefravær"],
            service_area="Dagtilbud",
            effect_min=200_000,
            effect_max=400_000,
            function_code="5.25.14",
        ),
        "description": create_bank_idea(
            world.municipality,
            office,
            title="Bedre planlægning af personale",
            description="Lederne bruger færre vikarer, når vagtplanen lægges tidligt.",
            type="saving",
            source_name="Syddjurs Kommune",
            effect_min=100_000,
        ),
        "bus": create_bank_idea(
            world.other_municipality,
            world.outsider,
            title="Skolebusser efter ringetider",
            service_area="Befordring af elever",
            type="investment",
            source_name="Syddjurs Kommune",
            effect_max=600_000,
        ),
        "none": create_bank_idea(
            world.municipality,
            office,
            title="Lys i parken",
            service_area="Veje og parker",
            type="saving",
        ),
    }
    return ideas


def titles(ideas):
    return [idea.title for idea in ideas]


def test_a_word_in_the_title_ranks_above_the_keywords_above_the_description(bank):
    assert titles(search_bank("vikarer")) == [
        "Færre vikarer i skolerne",
        "Fast korps for sygefravær",
        "Bedre planlægning af personale",
    ]


def test_other_forms_and_compounds_are_found_from_the_start_of_the_word(bank):
    # "skole" finds "skolerne" and "Skolebusser": Danish compounds are long.
    assert set(titles(search_bank("skole"))) == {
        "Færre vikarer i skolerne",
        "Skolebusser efter ringetider",
    }
    assert titles(search_bank("vikar")) == titles(search_bank("vikarer"))


def test_all_words_must_match_unless_any_is_asked_for(bank):
    assert titles(search_bank("vikarer skolerne")) == ["Færre vikarer i skolerne"]
    assert set(titles(search_bank("parken skolebusser", match="any"))) == {
        "Lys i parken",
        "Skolebusser efter ringetider",
    }
    assert titles(search_bank("parken skolebusser")) == []


def test_nothing_typed_lists_every_idea_newest_first(bank):
    results = search_bank("  og i  ")
    assert titles(results)[0] == "Lys i parken"
    assert len(results) == 5
    assert all(idea.rank is None for idea in results)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            Filters(area="folkeSKOLE"),
            {"Færre vikarer i skolerne", "Bedre planlægning af personale"},
        ),
        (Filters(account="5"), {"Fast korps for sygefravær"}),
        (Filters(type="investment"), {"Skolebusser efter ringetider"}),
        (
            Filters(source="Syddjurs Kommune"),
            {"Bedre planlægning af personale", "Skolebusser efter ringetider"},
        ),
        # Ranges that reach 1.000.000 kr.; one amount counts as a range of one.
        (Filters(effect_from=1_000_000), {"Færre vikarer i skolerne"}),
        # Ranges that start at 300.000 kr. or less: the idea without an effect is left out.
        (
            Filters(effect_to=300_000),
            {"Fast korps for sygefravær", "Bedre planlægning af personale"},
        ),
        (
            Filters(effect_from=300_000, effect_to=900_000),
            {
                "Færre vikarer i skolerne",
                "Fast korps for sygefravær",
                "Skolebusser efter ringetider",
            },
        ),
        (Filters(effect_from=500_000, effect_to=700_000), {"Skolebusser efter ringetider"}),
    ],
)
def test_filters(bank, filters, expected):
    assert set(titles(search_bank("", filters))) == expected


def test_filters_and_words_together(bank):
    assert titles(search_bank("vikarer", Filters(type="saving"))) == [
        "Bedre planlægning af personale"
    ]


def test_similar_ideas_share_any_word_and_prefer_the_same_type(bank):
    draft = "Vi vil bruge færre vikarer og planlægge vagterne tidligere"
    similar = similar_bank_ideas(draft, type="saving", limit=2)
    assert titles(similar)[0] == "Bedre planlægning af personale"
    assert len(similar) == 2
    assert similar_bank_ideas("og i på") == []


def test_an_edit_is_found_at_once(bank):
    idea = bank["none"]
    idea.title = "Slukket gadelys om natten"
    idea.save()
    assert titles(search_bank("gadelys")) == ["Slukket gadelys om natten"]
    assert titles(search_bank("lys")) == []


def test_the_postgresql_vector_is_kept_in_step(bank):
    if not search.is_postgresql():
        pytest.skip("the stored tsvector exists on PostgreSQL only")
    idea = bank["title"]
    idea.refresh_from_db()
    assert "vikar" in str(idea.search_vector)


def test_the_source_names_are_cached_and_forgotten_on_every_write(bank, django_assert_num_queries):
    assert search.source_names() == ["Norddjurs Kommune", "Syddjurs Kommune"]
    with django_assert_num_queries(0):
        search.source_names()
    create_bank_idea(bank["none"].municipality, bank["none"].created_by, source_name="Aarhus")
    assert search.source_names() == ["Aarhus", "Norddjurs Kommune", "Syddjurs Kommune"]


def test_accented_words_are_found_on_both_databases(world):
    create_bank_idea(world.municipality, world.budget_officer, title="Idé til en ny café")
    assert titles(search_bank("idé café")) == ["Idé til en ny café"]
    assert titles(search_bank("IDÉ")) == ["Idé til en ny café"]
