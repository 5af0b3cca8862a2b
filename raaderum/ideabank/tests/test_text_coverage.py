"""Stems and normalisation at their edges. Pure: no database."""

import pytest

from raaderum.ideabank.text import normalise, stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("bilen", "bil"),  # three letters left is enough to cut an ending
        ("egg", "egg"),  # three letters are not shortened further
        ("stoppe", "stop"),  # a doubled consonant at the end of a longer stem is halved
        ("busser", "bus"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_a_character_of_another_script_keeps_all_its_parts() -> None:
    assert normalise("한") == "\u1112\u1161\u11ab"  # a Hangul syllable is three letters
    assert normalise("Åbenrå Café") == "åbenrå cafe"
