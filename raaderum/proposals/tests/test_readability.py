import pytest

from raaderum.proposals.readability import (
    BAND_NAMES_DA,
    EASY_LIMIT,
    Lix,
    TermHit,
    find_terms,
    highlight,
    lix,
    lix_band,
)

# Each case: text, then (score, words, sentences, long words, band, approximate), counted by hand.
# Long words (7+ letters) are listed in the comment; LIX = words/sentences + 100·long/words.
LIX_CASES = [
    pytest.param(
        # 10 words, 2 sentences, 3 long (Kommunen, Eleverne, flytter): 5 + 30 = 35
        "Kommunen lukker en skole. Eleverne flytter til en anden skole.",
        (35, 10, 2, 3, "medium", False),
        id="plain-two-sentences",
    ),
    pytest.param(
        # bl.a., jf. and pct. are one word each and end nothing; "2025." before a capital does.
        # 13 words, 2 sentences, 5 long (Forslaget, omfatter, rengøring, aftalen, Udgiften):
        # 6.5 + 38.46 = 44.96 -> 45
        "Forslaget omfatter bl.a. rengøring, jf. aftalen fra 2025. "
        "Udgiften falder med 5 pct. i alt.",
        (45, 13, 2, 5, "hard", False),
        id="abbreviations-mid-sentence",
    ),
    pytest.param(
        # numbers are no words; kr. and mio. are (2 and 3 letters) and end nothing here.
        # 11 words, 2 sentences, 2 long (Besparelsen, Budgettet): 5.5 + 18.18 = 23.68 -> 24
        "Besparelsen er 1.000 kr. om året. Budgettet er på 2.946,6 mio. kr. i 2027.",
        (24, 11, 2, 2, "very_easy", False),
        id="amounts",
    ),
    pytest.param(
        # "kr." followed by a capital letter closes the sentence.
        # 9 words, 2 sentences, 2 long (Forslaget, besparelse): 4.5 + 22.22 = 26.72 -> 27
        "Forslaget giver 30 mio. kr. Det er en stor besparelse.",
        (27, 9, 2, 2, "easy", False),
        id="sentence-ending-in-kr",
    ),
    pytest.param(
        # "1." and "17." are ordinals; "2027." before a capital ends the first sentence.
        # 13 words, 2 sentences, 3 long (Ordningen, erstatter, ordning): 6.5 + 23.08 = 29.58 -> 30
        "Ordningen træder i kraft den 1. januar 2027. Den erstatter den gamle ordning fra 17. maj.",
        (30, 13, 2, 3, "easy", False),
        id="dates",
    ),
    pytest.param(
        # a date at the start of a line is no numbered list item.
        # 5 words, 1 sentence, 1 long (ordningen): 5 + 20 = 25
        "1. januar 2027 træder ordningen i kraft.",
        (25, 5, 1, 1, "easy", False),
        id="date-at-line-start",
    ),
    pytest.param(
        # 5 words, 1 sentence, 1 long (måneden): 5 + 20 = 25
        "Mødet holdes den 3. i måneden.",
        (25, 5, 1, 1, "easy", False),
        id="day-of-month",
    ),
    pytest.param(
        # the colon ends a sentence; each list item is one.
        # 11 words, 4 sentences, 7 long (Forslaget, indeholder, Lukning, svømmehallen,
        # åbningstimer, biblioteket, gebyrer): 2.75 + 63.64 = 66.39 -> 66
        "Forslaget indeholder:\n"
        "- Lukning af svømmehallen\n"
        "- Færre åbningstimer på biblioteket\n"
        "- Nye gebyrer",
        (66, 11, 4, 7, "very_hard", True),
        id="bullet-list",
    ),
    pytest.param(
        # a list item with its own full stop is still one sentence; "1." is no sentence end.
        # 8 words, 3 sentences, 2 long (foreslår, bygningen): 2.67 + 25 = 27.67 -> 28
        "Vi foreslår to ting:\n1. Lukke caféen.\n2) Sælge bygningen.",
        (28, 8, 3, 2, "easy", True),
        id="numbered-list",
    ),
    pytest.param(
        # the heading before a blank line is a sentence of its own.
        # 9 words, 3 sentences, 3 long (Baggrund, Kommunen, lokaler): 3 + 33.33 = 36.33 -> 36
        "Baggrund\n\nKommunen har for mange lokaler. De koster penge.",
        (36, 9, 3, 3, "medium", True),
        id="heading",
    ),
    pytest.param(
        # a line break inside a paragraph ends nothing; trailing blank lines make no heading.
        # 4 words, 1 sentence, 2 long (eleverne, flytter): 4 + 50 = 54
        "Skolen lukker;\neleverne flytter\n\n",
        (54, 4, 1, 2, "hard", False),
        id="semicolon-and-wrapped-line",
    ),
    pytest.param(
        # 5 words, 2 sentences, 1 long (Hvorfor): 2.5 + 20 = 22.5 -> 23 (half up)
        "Hvorfor spare? Fordi vi skal!",
        (23, 5, 2, 1, "very_easy", False),
        id="question-and-exclamation-half-up",
    ),
    pytest.param(
        # 13 words, 2 sentences, 0 long: 6.5 -> 7 (half up, not to even)
        "Vi har en bil. Den er rød og ny og god i dag.",
        (7, 13, 2, 0, "very_easy", False),
        id="half-up-not-to-even",
    ),
    pytest.param(
        # hyphens are no letters: it-chef has 6. 3 words, 1 sentence, 0 long: 3
        "Vores it-chef svarer.",
        (3, 3, 1, 0, "very_easy", False),
        id="hyphen-is-no-letter",
    ),
    pytest.param(
        # "P" and "L-reguleringen" (13 letters); 7 words, 2 sentences, 1 long: 3.5 + 14.29 -> 18
        "Vi bruger P/L-reguleringen. Det er nemt.",
        (18, 7, 2, 1, "very_easy", False),
        id="slash-and-hyphenated-word",
    ),
    pytest.param(
        # a dot followed by a letter ends nothing: www, ringsted and dk are three words.
        # 7 words, 1 sentence, 1 long (ringsted): 7 + 14.29 = 21.29 -> 21
        "Læs mere på www.ringsted.dk nu.",
        (21, 7, 1, 1, "very_easy", False),
        id="web-address",
    ),
    pytest.param(
        # 16 words, 1 sentence, 9 long (Kommunalbestyrelsen, træffer, beslutning, nedlæggelse,
        # dagtilbuddet, forudgående, forældrebestyrelsen, dagtilbudslovens, bestemmelser):
        # 16 + 56.25 = 72.25 -> 72
        "Kommunalbestyrelsen træffer beslutning om nedlæggelse af dagtilbuddet efter "
        "forudgående høring af forældrebestyrelsen, jf. dagtilbudslovens bestemmelser herom.",
        (72, 16, 1, 9, "very_hard", False),
        id="legal-style",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIX_CASES)
def test_lix_counts_words_sentences_and_long_words(
    text: str, expected: tuple[int, int, int, int, str, bool]
) -> None:
    assert lix(text) == Lix(*expected)


@pytest.mark.parametrize("text", ["", "   \n\n ", "1.000", "2.946,6 - 17. 2027.", "!?."])
def test_lix_is_none_without_words(text: str) -> None:
    assert lix(text) is None


# fmt: off
ABBREVIATION_SAMPLES = [
    "bl.a.", "bl.a", "dvs.", "jf.", "pct.", "ca.", "fx.", "f.eks.", "mv.", "m.m.", "osv.", "evt.",
    "inkl.", "ekskl.", "nr.", "kr.", "mio.", "mia.", "t.kr.", "hhv.", "pga.", "vedr.", "iht.",
    "mht.", "st.", "kl.", "tlf.", "ang.", "o.l.", "etc.", "BL.A.", "Jf.",
]
# fmt: on


@pytest.mark.parametrize("abbreviation", ABBREVIATION_SAMPLES)
def test_abbreviation_is_one_word_and_no_sentence_end(abbreviation: str) -> None:
    result = lix(f"Det gælder {abbreviation} mest for skolen.")
    assert result is not None
    assert (result.words, result.sentences) == (6, 1)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "very_easy"),
        (24, "very_easy"),
        (25, "easy"),
        (34, "easy"),
        (35, "medium"),
        (44, "medium"),
        (45, "hard"),
        (54, "hard"),
        (55, "very_hard"),
        (120, "very_hard"),
    ],
)
def test_band_boundaries(score: int, band: str) -> None:
    assert lix_band(score) == band


def test_every_band_has_a_danish_name_and_easy_limit_is_medium() -> None:
    assert set(BAND_NAMES_DA) == {lix_band(score) for score in range(100)}
    assert BAND_NAMES_DA["hard"] == "Svær"
    assert lix_band(EASY_LIMIT) == "medium"


TERMS = {
    "mindreudgift": "besparelse",
    "varig mindreudgift": "varig besparelse",
    "P/L": "pris- og lønniveau",
    "P/L-regulering": "pristalsregulering",
    "helårsvirkning": "fuld effekt",
    "anlægsudgift": "byggeudgift",
    "drift": "løbende udgifter",
    "driftsudgift": "løbende udgift",
    "DUT": "statens kompensation",
    "mer": "mere",
    "t.kr.": "tusind kroner",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Forslaget giver en mindreudgift.", [("mindreudgift", "mindreudgift")]),
        pytest.param(
            "Mindreudgiften og mindreudgifter",
            [("mindreudgift", "Mindreudgiften"), ("mindreudgift", "mindreudgifter")],
            id="inflection-and-case",
        ),
        pytest.param("HELÅRSVIRKNINGEN", [("helårsvirkning", "HELÅRSVIRKNINGEN")], id="case"),
        pytest.param(
            "produktet, totalanlægsudgiften, DUTen og merudgift", [], id="inside-other-words"
        ),
        pytest.param("dut-sag", [("DUT", "dut")], id="short-term-before-hyphen"),
        pytest.param(
            "I 2027 P/L og P/L-reguleringen.",
            [("P/L", "P/L"), ("P/L-regulering", "P/L-reguleringen")],
            id="slash",
        ),
        pytest.param("PL og APL", [], id="slash-is-required"),
        pytest.param(
            "en varig\nmindreudgift",
            [("varig mindreudgift", "varig\nmindreudgift")],
            id="longest-term-wins-with-spaces",
        ),
        pytest.param(
            "driftsudgiften og driften",
            [("driftsudgift", "driftsudgiften"), ("drift", "driften")],
            id="longest-term-wins-same-span",
        ),
        pytest.param("1.234 t.kr. i alt", [("t.kr.", "t.kr.")], id="term-with-dots"),
    ],
)
def test_find_terms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(hit.term, text[hit.start : hit.end]) for hit in find_terms(text, TERMS)] == expected


def test_find_terms_gives_positions_and_plain_alternative_sorted_by_start() -> None:
    text = "DUT og anlægsudgifter"
    assert find_terms(text, TERMS) == [
        TermHit("DUT", "statens kompensation", 0, 3),
        TermHit("anlægsudgift", "byggeudgift", 7, 21),
    ]


def test_find_terms_ignores_empty_terms() -> None:
    assert find_terms("tekst", {"": "x", "  ": "y"}) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ingen fagord her.",
        "mindreudgift",
        "Helårsvirkningen af P/L-reguleringen er en mindreudgift på 3 t.kr.",
        "DUT, DUT og DUT",
    ],
)
def test_highlight_round_trips(text: str) -> None:
    hits = find_terms(text, TERMS)
    segments = highlight(text, hits)
    assert "".join(segment for segment, _ in segments) == text
    assert [hit for _, hit in segments if hit is not None] == hits
    assert all(segment for segment, _ in segments)


def test_highlight_splits_plain_and_matched_segments() -> None:
    text = "En mindreudgift på 2 mio. kr. i DUT"
    mindre = TermHit("mindreudgift", "besparelse", 3, 15)
    dut = TermHit("DUT", "statens kompensation", 32, 35)
    assert find_terms(text, TERMS) == [mindre, dut]
    assert highlight(text, [dut, mindre]) == [
        ("En ", None),
        ("mindreudgift", mindre),
        (" på 2 mio. kr. i ", None),
        ("DUT", dut),
    ]


def test_highlight_rejects_overlapping_hits() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        highlight("mindreudgift", [TermHit("a", "", 0, 6), TermHit("b", "", 4, 8)])
