"""The Danish normalisation the SQLite search matches on: no database needed."""

import pytest

from raaderum.ideabank import text


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("skole", "skol"),
        ("skoler", "skol"),
        ("skolen", "skol"),
        ("skolerne", "skol"),
        ("bus", "bus"),
        ("busser", "bus"),  # the doubled consonant goes: the same stem as "bus"
        ("bussen", "bus"),
        ("ældre", "ældr"),
        ("ældres", "ældr"),
        ("vikarer", "vikar"),
        ("hjemmeplejen", "hjemmeplej"),
        ("it", "it"),  # too short to cut
        ("energirenovering", "energirenovering"),
    ],
)
def test_it_cuts_the_commonest_danish_endings(word, stem):
    assert text.stem(word) == stem


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("Århus", "århus"),
        ("Aarhus", "århus"),  # the old spelling
        ("MÖBEL", "møbel"),
        ("Kälte", "kælte"),
        ("Café", "cafe"),
        ("Æblet ØSTER Åen", "æblet øster åen"),
    ],
)
def test_it_normalises_case_old_spelling_and_foreign_letters(typed, normal):
    assert text.normalise(typed) == normal


def test_common_words_and_punctuation_are_left_out():
    assert text.words("Færre vikarer i skolerne, og mere tid til eleverne!") == [
        "færre",
        "vikarer",
        "skolerne",
        "tid",
        "eleverne",
    ]


def test_the_stored_text_has_a_space_at_each_end_so_words_match_from_their_start():
    assert text.index_text("Færre vikarer", "Skolerne") == " fær vikar skol "
    assert text.index_text("og i på") == ""


def test_query_terms_are_unique_stems_in_the_order_typed_and_limited():
    assert text.query_terms("Skoler, skolen og vikarer") == ["skol", "vikar"]
    many = " ".join(f"ord{n}" for n in range(30))
    assert len(text.query_terms(many)) == text.MAX_QUERY_TERMS
    assert text.query_words("Skoler skoler BUS") == ["skoler", "bus"]
    # PostgreSQL's dictionary keeps accents: its words are only lower-cased.
    assert text.query_words("Idé til CAFÉ og Aarhus") == ["idé", "café", "aarhus"]
