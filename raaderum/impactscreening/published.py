"""The screening of a published version as its readers see it: read from the frozen copies only.

One query per page for the whole version (never one per proposal). What the catalog, the
simulator, the PDF and the Excel export need: the version's questions, each proposal's scores
and labelled markers, the filter by question and band, and the profile of a selection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from raaderum.impactscreening import scoring
from raaderum.impactscreening.models import BAND_LABELS, PublishedAssessment, score_label
from raaderum.publication.models import CatalogVersion, PublishedProposal

FILTER_PARAMETER = "screening"


@dataclass(frozen=True)
class FrozenQuestion:
    pk: int
    key: str  # the question's public id, for the filter's value
    title: str
    position: int


@dataclass(frozen=True)
class Marker:
    """One question's assessment of one proposal, as the catalog's badge shows it."""

    title: str
    label: str
    band: str


@dataclass(frozen=True)
class ProfileRow:
    title: str
    counts: list[int]  # in the order of scoring.BANDS


@dataclass
class VersionScreening:
    questions: list[FrozenQuestion]
    scores: dict[int, dict[int, int | None]]  # published proposal id -> question id -> score
    markers: dict[int, list[Marker]] = field(default_factory=dict)
    badges: dict[int, SafeString] = field(default_factory=dict)  # the markers as HTML
    _question_ids: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        self._question_ids = tuple(q.pk for q in self.questions)

    def __bool__(self) -> bool:
        return bool(self.questions)

    def filter_choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(question title, [(value, "Climate: negative"), ...]) for a select with groups."""
        bands = [(band, str(BAND_LABELS[band])) for band in scoring.BANDS]
        return [
            (
                q.title,
                [(f"{q.key}:{band}", f"{q.title}: {label.lower()}") for band, label in bands],
            )
            for q in self.questions
        ]

    def parse_filter(self, value: str) -> tuple[int, str] | None:
        """(question id, band) of a filter value; None for empty or unknown (a hand-edited
        address is ignored rather than refused)."""
        key, _sep, band = value.partition(":")
        if band not in scoring.BANDS:
            return None
        for question in self.questions:
            if question.key == key:
                return question.pk, band
        return None

    def matching(self, published_ids: Iterable[int], wanted: tuple[int, str]) -> set[int]:
        question, band = wanted
        empty: Mapping[int, int | None] = {}
        return {
            pk
            for pk in published_ids
            if scoring.matches(self.scores.get(pk, empty), question, band)
        }

    def profile(self, chosen: Iterable[int]) -> list[ProfileRow]:
        counts = scoring.profile(self._question_ids, self.scores, chosen)
        return [
            ProfileRow(q.title, [counts[q.pk][band] for band in scoring.BANDS])
            for q in self.questions
        ]


@dataclass
class CatalogScreening:
    """The published catalog's screening: markers per proposal, the filter and what it lists."""

    screening: VersionScreening
    chosen: str  # the filter's value as sent, "" when none (or unknown)
    listed: list[PublishedProposal]  # the proposals the page lists, the filter applied
    total: int  # the proposals before the filter
    label: str  # "Climate: negative" when filtering

    @property
    def filtered(self) -> bool:
        return bool(self.chosen)


def for_catalog(
    version: CatalogVersion, proposals: list[PublishedProposal], value: str
) -> CatalogScreening:
    """`proposals` (those the reader may see), filtered by `value` ("<question key>:<band>")."""
    screening = for_version(version, markers=True)
    wanted = screening.parse_filter(value)
    listed = proposals
    if wanted is not None:
        keep = screening.matching((p.pk for p in proposals), wanted)
        listed = [p for p in proposals if p.pk in keep]
    return CatalogScreening(
        screening=screening,
        chosen=value if wanted is not None else "",
        listed=listed,
        total=len(proposals),
        label=filter_label(screening, wanted),
    )


@dataclass
class SimulatorScreening:
    """The simulator page's screening: the filter over the list, and the chosen ones' profile."""

    screening: VersionScreening
    chosen: str  # the filter's value, "" when none
    listed: list[PublishedProposal]  # the proposals the list shows, the filter applied
    hidden_codes: list[str]  # ticked but filtered out of the list: kept as hidden fields
    label: str


def for_simulator(
    version: CatalogVersion,
    proposals: list[PublishedProposal],
    ticked: list[PublishedProposal],
    value: str,
) -> SimulatorScreening:
    screening = for_version(version, markers=True)
    wanted = screening.parse_filter(value)
    listed = proposals
    if wanted is not None:
        keep = screening.matching((p.pk for p in proposals), wanted)
        listed = [p for p in proposals if p.pk in keep]
    shown = {p.pk for p in listed}
    return SimulatorScreening(
        screening=screening,
        chosen=value if wanted is not None else "",
        listed=listed,
        hidden_codes=[p.code for p in ticked if p.pk not in shown],
        label=filter_label(screening, wanted),
    )


def band_headers() -> list[str]:
    return [str(BAND_LABELS[band]) for band in scoring.BANDS]


def for_version(version: CatalogVersion, *, markers: bool = False) -> VersionScreening:
    """The version's frozen screening in one query; with `markers`, the badges' labels too."""
    rows = (
        PublishedAssessment.objects.filter(published__version_id=version.pk)
        .order_by("position", "question_id")
        .values_list(
            "published_id",
            "question_id",
            "question__public_id",
            "position",
            "title",
            "scale",
            "score",
        )
    )
    questions: dict[int, FrozenQuestion] = {}
    scores: dict[int, dict[int, int | None]] = {}
    marks: dict[int, list[Marker]] = {}
    for published_id, question_id, key, position, title, scale, score in rows:
        if question_id not in questions:
            questions[question_id] = FrozenQuestion(question_id, str(key), title, position)
        scores.setdefault(published_id, {})[question_id] = score
        if markers:
            marks.setdefault(published_id, []).append(
                Marker(title, score_label(scale, score), scoring.band(score))
            )
    badges = {pk: badges_html(row) for pk, row in marks.items()} if markers else {}
    return VersionScreening(list(questions.values()), scores, marks, badges)


SIGNS = {scoring.NEGATIVE: "−", scoring.NONE: "0", scoring.POSITIVE: "+", scoring.NOT_ASSESSED: "?"}


def badge_html(marker: Marker) -> SafeString:
    """As templates/impactscreening/_badge.html: the words carry the meaning; the colour and the
    sign (hidden from screen readers) only help the eye."""
    return format_html(
        '<span class="impact-badge impact-{}"><span class="impact-sign" aria-hidden="true">{}'
        "</span> {}: {}</span>",
        marker.band,
        SIGNS[marker.band],
        marker.title,
        marker.label.lower(),
    )


def badges_html(markers: list[Marker]) -> SafeString:
    """A proposal's markers as one list, built in Python: a catalog of a few hundred proposals
    has four of them a row, too many for an include each."""
    items = format_html_join("", "<li>{}</li>", ((badge_html(m),) for m in markers))
    return format_html(
        '<p class="sr-only">{}</p><ul class="impact-markers">{}</ul>', _("Impact screening:"), items
    )


def assessments_of(published_id: int) -> list[PublishedAssessment]:
    """One published proposal's frozen assessments, in the questions' order."""
    return list(PublishedAssessment.objects.filter(published_id=published_id))


def by_published(version: CatalogVersion) -> dict[int, list[PublishedAssessment]]:
    """Every frozen assessment of the version by published proposal, in one query (the PDF)."""
    result: dict[int, list[PublishedAssessment]] = {}
    for row in PublishedAssessment.objects.filter(published__version_id=version.pk).order_by(
        "published_id", "position", "question_id"
    ):
        result.setdefault(row.published_id, []).append(row)
    return result


def filter_label(screening: VersionScreening, wanted: tuple[int, str] | None) -> str:
    if wanted is None:
        return ""
    question, band = wanted
    title = next(q.title for q in screening.questions if q.pk == question)
    return _("%(title)s: %(assessment)s") % {
        "title": title,
        "assessment": str(BAND_LABELS[band]).lower(),
    }
