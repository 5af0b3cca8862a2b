"""Danish words for searching the idea bank without a full-text engine. No Django here.

PostgreSQL searches with its own Danish dictionary (search.py). SQLite has none, so the bank
stores each idea's text normalised by this module and matches the query's words, normalised the
same way, as the beginnings of stored words: "skole" finds "skoler", "skolen" and "skolebus".

The normalisation is deliberately light: lower case, the old spelling "aa" as "å", Swedish and
German letters as their Danish twins, accents dropped, a short list of common words ignored and
the commonest Danish endings cut (a small part of the Snowball stemmer's rules). It never has to
be linguistically right, only the same for the stored text and the query.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script; everything else separates words.
_WORD = re.compile(r"[^\W_]+")
_LETTERS = str.maketrans({"ä": "æ", "ö": "ø"})

# The commonest Danish function words: they say nothing about an idea and match everything.
# fmt: off
STOP_WORDS = frozenset(
    {
        "af", "alle", "alt", "at", "bare", "blev", "blive", "bliver", "da", "de", "dem", "den",
        "denne", "der", "deres", "det", "dette", "dig", "din", "dine", "disse", "du", "efter",
        "eller", "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "have",
        "hende",
        "her", "hos", "hun", "hvad", "hvem", "hver", "hvis", "hvor", "hvordan", "hvorfor", "i",
        "ikke", "ind", "jeg", "jer", "kan", "kun", "man", "mange", "med", "meget", "men", "mere",
        "mig", "min", "mine", "mod", "ned", "nej", "noget", "nogle", "nu", "når", "og", "også",
        "om",
        "op", "os", "over", "på", "sig", "sin", "sine", "skal", "skulle", "som", "så", "til", "ud",
        "under", "ved", "vi", "vil", "ville", "vores", "være", "været",
    }
)
# fmt: on

# Endings cut from a word, longest first, when at least MIN_STEM letters remain.
SUFFIXES = (
    "erendes",
    "erende",
    "hedens",
    "endes",
    "ernes",
    "erens",
    "erets",
    "heden",
    "heder",
    "ende",
    "erne",
    "eren",
    "erer",
    "eres",
    "eret",
    "enes",
    "heds",
    "ene",
    "ens",
    "ere",
    "ers",
    "ets",
    "hed",
    "en",
    "er",
    "es",
    "et",
    "e",
    "s",
)
MIN_STEM = 3
VOWELS = frozenset("aeiouyæøå")
MAX_QUERY_TERMS = 12  # a pasted paragraph should not become a query of a hundred patterns


def normalise(text: str) -> str:
    """Lower case, composed characters, Danish letters kept and foreign accents dropped."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_LETTERS).replace("aa", "å")
    kept = []
    for character in text:
        if character in "æøå":
            kept.append(character)
            continue
        decomposed = unicodedata.normalize("NFD", character)
        kept.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(kept)


def words(text: str) -> list[str]:
    """The text's words, normalised, without the common function words, in order."""
    return [word for word in _WORD.findall(normalise(text)) if word not in STOP_WORDS]


def stem(word: str) -> str:
    """The word without its commonest ending: skolerne, skolen and skoler all give "skol"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    # "busser" -> "buss" -> "bus", as the stem of "bus"
    if len(word) > MIN_STEM and word[-1] == word[-2] and word[-1] not in VOWELS:
        word = word[:-1]
    return word


def index_text(*texts: str) -> str:
    """What the bank stores for matching: stems separated by single spaces, with a space at each
    end so that a query word matches only at the start of a stored word ("% skol%")."""
    stems = [stem(word) for text in texts for word in words(text)]
    return f" {' '.join(stems)} " if stems else ""


def query_terms(text: str, limit: int = MAX_QUERY_TERMS) -> list[str]:
    """The stems a query looks for, each once, in the order typed, at most `limit`."""
    terms: list[str] = []
    for word in words(text):
        term = stem(word)
        if term not in terms:
            terms.append(term)
    return terms[:limit]


def query_words(text: str, limit: int = MAX_QUERY_TERMS) -> list[str]:
    """The query's words for PostgreSQL, each once: only lower-cased, since its own dictionary
    stems them and keeps accents and the old "aa" ("idé" is stored as "idé", not "ide")."""
    result: list[str] = []
    lowered = unicodedata.normalize("NFC", text).casefold()
    for word in _WORD.findall(lowered):
        if word in STOP_WORDS:
            continue
        if word not in result:
            result.append(word)
    return result[:limit]
