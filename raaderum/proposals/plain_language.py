"""Plain Danish for politicians: readability (LIX) and the municipality's glossary of jargon.

The counting is in readability.py (pure); this module gives it labels and the glossary.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import GlossaryTerm, Municipality
from raaderum.proposals import readability

BAND_LABELS = {
    "very_easy": _("very easy"),
    "easy": _("easy"),
    "medium": _("medium, like a newspaper"),
    "hard": _("hard, like a report"),
    "very_hard": _("very hard, like a legal text"),
}


@dataclass
class Feedback:
    lix: readability.Lix | None
    band: str
    easy: bool
    hits: list[readability.TermHit]


def glossary_for(municipality: Municipality | int) -> dict[str, str]:
    return dict(GlossaryTerm.objects.filter(municipality=municipality).values_list("term", "plain"))


def feedback(text: str, glossary: dict[str, str]) -> Feedback:
    score = readability.lix(text)
    hits = readability.find_terms(text, glossary)
    unique = list({hit.term: hit for hit in hits}.values())
    return Feedback(
        lix=score,
        band=str(BAND_LABELS[score.band]) if score else "",
        easy=score is not None and score.score < readability.EASY_LIMIT,
        hits=unique,
    )


def with_terms(text: str, glossary: dict[str, str]) -> SafeString:
    """The text, escaped, with each glossary term marked and its plain word beside it."""
    if not text:
        return mark_safe("")
    parts = []
    for segment, hit in readability.highlight(text, readability.find_terms(text, glossary)):
        if hit is None:
            parts.append(conditional_escape(segment))
        else:
            parts.append(
                format_html(
                    '<mark class="term">{}</mark><span class="term-plain"> ({})</span>',
                    segment,
                    _("plain word: %(plain)s") % {"plain": hit.plain},
                )
            )
    html = "".join(str(part) for part in parts).replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - every segment was escaped above
