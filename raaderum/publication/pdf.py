"""The PDF of a published version (WeasyPrint): cover, contents, summary, one section per proposal.

Only local files are read: the HTML comes from a template, the fonts are the ones DKFDS ships
under static/ (with DejaVu as the system fallback), and the URL fetcher refuses anything else,
so a PDF never depends on the network nor fetches what a proposal's text might point to.

The PDF is tagged (WeasyPrint's PDF/UA-1 variant): a structure tree with headings, paragraphs,
lists and tables whose header cells are marked, the document's title and language ("da") in its
metadata, and an outline (bookmarks) made from the headings, so a screen reader can read it.
WeasyPrint calls its PDF/UA support experimental: the tests check the tags, language, title and
outline, not full PDF/UA conformance (no validator such as veraPDF runs here).
"""

from __future__ import annotations

import gc
import logging
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from raaderum.confidentiality.visibility import Marking
from raaderum.impactscreening import published as impact_screening
from raaderum.lib.money import format_number, format_tkr
from raaderum.publication.catalog import PublishedCatalog
from raaderum.publication.models import PublishedProposal

STATIC_DIR = Path(settings.BASE_DIR) / "static"


def _local_fetcher() -> Any:
    from weasyprint import URLFetcher

    class LocalFetcher(URLFetcher):
        """file:// under static/ only."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not url.startswith("file://") or not path.is_relative_to(STATIC_DIR.resolve()):
                raise ValueError(f"not a local static file: {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file"})


# A proposal's texts in the order the published proposal's page shows them, after the summary
# and the figures; empty ones are left out.
SECTIONS = (
    ("description", gettext_lazy("Description")),
    ("consequences_service", gettext_lazy("Consequences for the service")),
    ("consequences_citizens", gettext_lazy("Consequences for citizens")),
    ("consequences_staff", gettext_lazy("Consequences for staff")),
    ("risks", gettext_lazy("Risks")),
    ("calculation_basis", gettext_lazy("Calculation basis")),
    ("assumptions", gettext_lazy("Assumptions")),
)


@dataclass
class ProposalDetails:
    """What a proposal's section shows besides the row: FTE per year and its texts."""

    fte: list[str] | None  # FTE per year with a decimal comma; None when the proposal has none
    sections: list[tuple[str, str]]  # (heading, text)


def catalog_html(catalog: PublishedCatalog, marking: Marking | None = None) -> str:
    """The PDF's HTML; `marking` puts a confidential or internal mark on the cover and in the
    running header of every page."""
    version = catalog.version
    with translation.override(settings.LANGUAGE_CODE):
        labels = [(name, str(label)) for name, label in SECTIONS]
        details = {
            row.proposal.pk: proposal_details(row.proposal, catalog.years, labels)
            for row in catalog.rows
        }
        fte_total = fte_by_year([row.proposal.fte for row in catalog.rows], catalog.years)
        return render_to_string(
            "publication/catalog_pdf.html",
            {
                "catalog": catalog,
                "marking": marking,
                "version": version,
                "round": version.round,
                "municipality": version.round.municipality,
                "area_rows": {
                    row.proposal.pk: area_cells(row.proposal.effects, catalog.years)
                    for row in catalog.rows
                },
                "details": details,
                # The frozen impact screening per proposal, one query for the whole version.
                "screening": impact_screening.by_published(version),
                "fte_total": (
                    [format_fte(fte_total[year]) for year in catalog.years]
                    if any(fte_total.values())
                    else None
                ),
            },
        )


def format_fte(value: Decimal) -> str:
    """FTE with two decimals and a decimal comma, as on the published proposal's page: −2,50."""
    return format_number(value, 2)


def fte_by_year(fte: list[dict[str, str]], years: list[int]) -> dict[int, Decimal]:
    """The sum of the snapshots' FTE ({"2028": "-2.50"}) per year of the period, exactly."""
    total = dict.fromkeys(years, Decimal(0))
    for by_year in fte:
        for year, value in by_year.items():
            if int(year) in total:
                total[int(year)] += Decimal(value)
    return total


def proposal_details(
    proposal: PublishedProposal, years: list[int], labels: list[tuple[str, str]]
) -> ProposalDetails:
    fte = fte_by_year([proposal.fte], years)
    return ProposalDetails(
        fte=[format_fte(fte[year]) for year in years] if any(fte.values()) else None,
        sections=[
            (label, text)
            for name, label in labels
            if (text := str(getattr(proposal, name)).strip())
        ],
    )


def area_rows(effects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A proposal's effects as råderum per service area and year, areas in the stored order."""
    rows: dict[tuple[str, str], dict[int, int]] = {}
    for effect in effects:
        cells = rows.setdefault((effect["committee"], effect["area"]), {})
        cells[int(effect["year"])] = cells.get(int(effect["year"]), 0) - int(effect["amount"])
    return [
        {"committee": committee, "area": area, "headroom": cells}
        for (committee, area), cells in rows.items()
    ]


def area_cells(effects: list[dict[str, Any]], years: list[int]) -> list[dict[str, Any]]:
    """area_rows with the råderum formatted once per year in 1,000 kr. (0 where none)."""
    return [
        {**row, "cells": [format_tkr(row["headroom"].get(year, 0)) for year in years]}
        for row in area_rows(effects)
    ]


_LAYOUT_PAGE = re.compile(r"Step 5 - Creating layout - Page (\d+)")


@contextmanager
def _layout_progress(
    progress: Callable[[int], None], expected_pages: int, start: int, end: int
) -> Iterator[None]:
    """Report layout progress from WeasyPrint's progress log, for this thread's render only."""
    thread = threading.get_ident()
    reported = [start]

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread != thread:
                return
            match = _LAYOUT_PAGE.match(record.getMessage())
            if not match:
                return
            done = min(int(match.group(1)) / max(expected_pages, 1), 1)
            percent = start + int((end - start) * done)
            if percent >= reported[0] + 5:  # a write every 5 %, not every page
                reported[0] = percent
                progress(percent)

    logger = logging.getLogger("weasyprint.progress")
    handler = Handler(level=logging.INFO)
    previous = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Hold Python's cyclic garbage collector off while WeasyPrint works.

    Layout builds millions of small objects that stay alive until the PDF is written, and the
    collector walks them again and again for nothing: about a third of the layout time of a
    200-proposal catalog (benchmarks/pdf.py). Reference counting still frees what it can, and
    the memory peak was measured the same either way. The collector is process-wide, so other
    threads run without it for those seconds too; it is switched back on (if it was on) however
    the rendering ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cache_page_references() -> None:
    """Make pydyf's `PDF.page_references` cheap to read more than once.

    pydyf (0.13) builds the tuple of every page's reference anew on each read, and WeasyPrint's
    tagging reads it once per structure element: quadratic in the pages, about a second of a
    230-page catalog (benchmarks/pdf.py). The tuple changes only when a page is added (pydyf
    only ever extends the list of pages), so it is kept until the list grows. Patched once per
    process; a pydyf whose attribute is no longer a plain property is left alone, and
    test_pdf_page_references checks the answers against pydyf's own.
    """
    import pydyf

    original = pydyf.PDF.page_references
    if not isinstance(original, property) or original.fget is None:
        return
    compute = original.fget
    if getattr(compute, "cached", False):
        return

    def page_references(pdf: Any) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        kept = pdf.__dict__.get("_page_references")
        if kept is None or kept[0] is not kids or kept[1] != len(kids):
            kept = (kids, len(kids), compute(pdf))
            pdf.__dict__["_page_references"] = kept
        references: tuple[bytes, ...] = kept[2]
        return references

    page_references.cached = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)


def render_pdf(
    html: str,
    progress: Callable[[int], None] | None = None,
    *,
    expected_pages: int = 0,
    tagged: bool = True,
) -> tuple[bytes, int]:
    """(the PDF, its page count). Layout is most of the time; progress is told as it goes.

    `tagged` makes an accessible PDF (WeasyPrint's PDF/UA-1 variant: structure tree, title and
    language in the metadata); the HTML must then have <html lang> and a <title>.
    """
    from weasyprint import HTML

    if tagged:
        _cache_page_references()
    page = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=_local_fetcher())
    with _without_cyclic_gc():
        if progress:
            # Drawing and writing the tagged PDF (its structure tree) is a third of the time.
            with _layout_progress(progress, expected_pages, 40, 70):
                document = page.render()
            progress(70)
        else:
            document = page.render()
        content = document.write_pdf(pdf_variant="pdf/ua-1" if tagged else None)
        pages = len(document.pages)
    # The layout is cyclic garbage now. Free it in one pass here rather than in whatever the
    # process does next, and before a next PDF would hold two layouts in memory.
    del document, page
    gc.collect()
    return content, pages
