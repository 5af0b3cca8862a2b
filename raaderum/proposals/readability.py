"""Readability of proposal texts: the LIX index and the technical terms politicians stumble on.

LIX = words / sentences + 100 × long words / words, rounded half up; a long word has more than
six letters. Like the usual Danish LIX calculators, a sentence ends at '.', ':', '!' or '?'
('; ' does not end one), and the line break after a list item or a heading ends one too.
Budget texts are full of full stops that end nothing, so these are not sentence ends:

- a known abbreviation (``bl.a.``, ``jf.``, ``pct.``, ``t.kr.`` …, see ``ABBREVIATIONS``). Only
  the few that often close a sentence (``kr.``, ``pct.``, ``osv.`` …) end one, and only when a
  capital letter follows: "… 2 mio. kr. Det svarer …";
- a full stop after a number (``1.000 kr.``, ``2.946,6``, ``17. maj``, ``den 3.``) unless a
  capital letter follows: "… fra 2027. Det …";
- a full stop with a letter or digit right after it (``www.ringsted.dk``).

Words are runs of letters with inner hyphens or apostrophes; an abbreviation is one word; numbers
are no words. A non-empty line starting with "- ", "* ", "• ", "– " or "1. " / "1) " (but not
"1. januar") is a list item and counts as at least one sentence of its own; so does a paragraph
ending without final punctuation before a blank line (a heading). Either makes the score
``approximate``, since headings and lists distort LIX.
"""

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

EASY_LIMIT = 40  # a summary for politicians should aim under this
BAND_NAMES_DA = {
    "very_easy": "Meget let",
    "easy": "Let",
    "medium": "Middel",
    "hard": "Svær",
    "very_hard": "Meget svær",
}
_BAND_MAXIMA = (("very_easy", 24), ("easy", 34), ("medium", 44), ("hard", 54))

# fmt: off
ABBREVIATIONS = (
    "ang.", "bl.a.", "ca.", "dvs.", "ekskl.", "etc.", "evt.", "f.eks.", "fx.", "hhv.", "ift.",
    "iht.", "inkl.", "jf.", "jvf.", "kl.", "kr.", "m.fl.", "m.m.", "mht.", "mia.", "mio.", "mv.",
    "nr.", "o.l.", "osv.", "p.t.", "pct.", "pga.", "pr.", "st.", "t.kr.", "tlf.", "vedr.", "vha.",
)
# Abbreviations that often close a sentence: their full stop ends one before a capital letter.
_SENTENCE_FINAL = frozenset(
    ("kr.", "t.kr.", "pct.", "mv.", "m.m.", "m.fl.", "osv.", "etc.", "o.l.")
)
# fmt: on

_LETTER = r"[^\W\d_]"
_ABBREVIATION = "|".join(
    re.escape(a.rstrip(".")) + r"\.?" for a in sorted(ABBREVIATIONS, key=len, reverse=True)
)
_TOKEN = re.compile(
    # the final dot is optional ("bl.a" is common); a following letter or "-x" makes it a word
    rf"(?<!{_LETTER})(?P<abbreviation>{_ABBREVIATION})(?!{_LETTER}|[-'’]{_LETTER})"
    r"|(?P<number>\d+(?:[.,:]\d+)*)"
    rf"|(?P<word>{_LETTER}+(?:[-'’]{_LETTER}+)*)"
    r"|(?P<end>[.:!?]+)",
    re.IGNORECASE,
)
_NEXT_LETTER = re.compile(r"[\"'”’»«)\]]*\s+[\"'“„»«(\[]*([^\W\d_])")
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_LIST_ITEM = re.compile(rf"\s*(?:[-*•–]\s|\d{{1,3}}[.)](?!\s+(?:{_MONTHS})\b)\s)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Lix:
    score: int
    words: int
    sentences: int
    long_words: int
    band: str  # a key of BAND_NAMES_DA
    approximate: bool  # list items or headings were counted as sentences


@dataclass(frozen=True)
class TermHit:
    term: str  # the key of the terms mapping, not the matched text
    plain: str
    start: int
    end: int


def lix_band(score: int) -> str:
    """The Danish band of a LIX score: very_easy ≤ 24 < easy ≤ 34 < medium ≤ 44 < hard ≤ 54."""
    for band, maximum in _BAND_MAXIMA:
        if score <= maximum:
            return band
    return "very_hard"


def _capital_follows(text: str, position: int) -> bool:
    match = _NEXT_LETTER.match(text, position)
    return match is not None and match.group(1).isupper()


def _units(text: str) -> tuple[list[str], bool]:
    """Split into runs of text whose end closes a sentence; say whether a list item was seen."""
    units: list[str] = []
    has_list = False
    for paragraph in _BLANK_LINE.split(text.replace("\r\n", "\n")):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            if _LIST_ITEM.match(line):
                has_list = True
                units.extend(["\n".join(lines), line])
                lines = []
            else:
                lines.append(line)
        units.append("\n".join(lines))
    return units, has_list


def _count(unit: str) -> tuple[int, int, int, bool]:
    """Words, long words and sentences of a unit; whether its last sentence lacked an end."""
    words = long_words = sentences = 0
    is_open = False
    previous = ""
    for match in _TOKEN.finditer(unit):
        kind, token = match.lastgroup, match.group()
        if kind == "end":
            if unit[match.end() : match.end() + 1].isalnum():
                closes = False  # www.ringsted.dk
            elif previous == "number" and token[0] == ".":
                closes = _capital_follows(unit, match.end())  # 17. maj, 1.000 kr.
            else:
                closes = True
            if is_open and closes:
                sentences += 1
                is_open = False
        elif kind != "number":
            words += 1
            long_words += sum(char.isalpha() for char in token) > 6
            is_open = True
            if (
                kind == "abbreviation"
                and token.lower() in _SENTENCE_FINAL
                and _capital_follows(unit, match.end())
            ):
                sentences += 1
                is_open = False
        previous = kind or ""
    return words, long_words, sentences + is_open, is_open


def lix(text: str) -> Lix | None:
    """The LIX of a text (see the module docstring for what counts), or None without words."""
    units, approximate = _units(text)
    words = long_words = sentences = 0
    counts = [count for count in map(_count, units) if count[0]]
    for index, (unit_words, unit_long, unit_sentences, is_open) in enumerate(counts):
        words += unit_words
        long_words += unit_long
        sentences += unit_sentences
        # a sentence closed by a line break rather than punctuation: a heading or list item
        approximate = approximate or (is_open and index < len(counts) - 1)
    if not words:
        return None
    value = Fraction(words, sentences) + Fraction(100 * long_words, words)
    score = math.floor(value + Fraction(1, 2))
    return Lix(score, words, sentences, long_words, lix_band(score), approximate)


def _term_pattern(term: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in term.split())
    if sum(char.isalpha() for char in term) >= 5 and term[-1].isalpha():
        body += f"{_LETTER}*"  # inflected forms: mindreudgiften, mindreudgifter
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def find_terms(text: str, terms: Mapping[str, str]) -> list[TermHit]:
    """Whole-word, case-insensitive hits of technical terms; the longest term wins an overlap."""
    candidates = [
        TermHit(term, plain, match.start(), match.end())
        for term, plain in terms.items()
        if term.strip()
        for match in _term_pattern(term).finditer(text)
    ]
    candidates.sort(key=lambda hit: (-len(hit.term), hit.start - hit.end, hit.start))
    chosen: list[TermHit] = []  # non-overlapping and sorted, so two neighbours tell an overlap
    starts: list[int] = []
    for hit in candidates:
        index = bisect.bisect_left(starts, hit.start)
        if (index and chosen[index - 1].end > hit.start) or (
            index < len(chosen) and chosen[index].start < hit.end
        ):
            continue
        chosen.insert(index, hit)
        starts.insert(index, hit.start)
    return chosen


def highlight(text: str, hits: Sequence[TermHit]) -> list[tuple[str, TermHit | None]]:
    """Split the text into plain and matched segments, in order, for a template to mark up."""
    segments: list[tuple[str, TermHit | None]] = []
    position = 0
    for hit in sorted(hits, key=lambda hit: hit.start):
        if hit.start < position or not hit.start < hit.end <= len(text):
            raise ValueError(f"hit {hit!r} overlaps another or lies outside the text")
        if hit.start > position:
            segments.append((text[position : hit.start], None))
        segments.append((text[hit.start : hit.end], hit))
        position = hit.end
    if position < len(text):
        segments.append((text[position:], None))
    return segments
