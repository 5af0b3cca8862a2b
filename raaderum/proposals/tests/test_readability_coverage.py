"""Technical terms: which hit wins an overlap, and what is a word. Pure: no database."""

import pytest

from raaderum.proposals.readability import Lix, TermHit, find_terms, highlight, lix


def hits(text: str, terms: list[str]) -> list[tuple[str, int, int]]:
    found = find_terms(text, {term: f"plain {term}" for term in terms})
    return [(hit.term, hit.start, hit.end) for hit in found]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        # Equally long terms: the longer match (an inflected form) wins, wherever it starts.
        (
            "aaaaa bbbbb cccccxxx",
            ["aaaaa bbbbb", "bbbbb ccccc"],
            [("bbbbb ccccc", 6, 20)],
        ),
        # A short term inside a longer hit is no hit, also with a hit further left.
        (
            "aaaaaaaaaa bbbbbbbbb ccc",
            ["bbbbbbbbb ccc", "aaaaaaaaaa", "ccc"],
            [("aaaaaaaaaa", 0, 10), ("bbbbbbbbb ccc", 11, 24)],
        ),
        # Hits that touch without overlapping are both kept, whichever is found first.
        ("stk.§ 17", ["stk.", "§ 17"], [("stk.", 0, 4), ("§ 17", 4, 8)]),
        ("stk.§ 117", ["stk.", "§ 117"], [("stk.", 0, 4), ("§ 117", 4, 9)]),
        # An abbreviation ending in a full stop is not inflected: no hit inside a longer word.
        ("mindreudg.er", ["mindreudg."], []),
        ("mindreudg. er", ["mindreudg."], [("mindreudg.", 0, 10)]),
    ],
)
def test_find_terms(text: str, terms: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert hits(text, terms) == expected


def test_an_empty_hit_cannot_be_highlighted() -> None:
    with pytest.raises(ValueError, match="overlaps another or lies outside the text"):
        highlight("Mindreudgift", [TermHit("x", "y", 3, 3)])
    assert highlight("Mindreudgift", [TermHit("x", "y", 3, 4)]) == [
        ("Min", None),
        ("d", TermHit("x", "y", 3, 4)),
        ("reudgift", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop with a letter right after it ends nothing, whatever follows that letter.
        ("Se side a.b i bilaget.", Lix(23, 6, 1, 1, "very_easy", False)),
        # After a word, a full stop ends the sentence even before a small letter.
        ("Det er godt. så er det sagt.", Lix(4, 7, 2, 0, "very_easy", False)),
        # "kr." before a capital ends the second of three sentences.
        ("Det er godt. Det koster 2 mio. kr. Det er meget.", Lix(3, 10, 3, 0, "very_easy", False)),
        # Windows line ends are line ends, not words.
        ("Første linje.\r\nAnden linje.", Lix(2, 4, 2, 0, "very_easy", False)),
        # The lines before a list item are one sentence; the item is one more.
        ("Linje et\r\nlinje to\n- punkt", Lix(3, 5, 2, 0, "very_easy", True)),
    ],
)
def test_lix_counts(text: str, expected: Lix) -> None:
    assert lix(text) == expected
