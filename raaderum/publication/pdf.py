"""The PDF of a published version (WeasyPrint): cover, contents, summary, one section per proposal.

Only local files are read: the HTML comes from a template, the fonts are the ones DKFDS ships
under static/ (with DejaVu as the system fallback), and the URL fetcher refuses anything else,
so a PDF never depends on the network nor fetches what a proposal's text might point to.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from raaderum.lib.money import format_tkr
from raaderum.publication.catalog import PublishedCatalog

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


def catalog_html(catalog: PublishedCatalog) -> str:
    version = catalog.version
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "publication/catalog_pdf.html",
            {
                "catalog": catalog,
                "version": version,
                "round": version.round,
                "municipality": version.round.municipality,
                "area_rows": {
                    row.proposal.pk: area_cells(row.proposal.effects, catalog.years)
                    for row in catalog.rows
                },
            },
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


def render_pdf(
    html: str, progress: Callable[[int], None] | None = None, *, expected_pages: int = 0
) -> tuple[bytes, int]:
    """(the PDF, its page count). Layout is most of the time; progress is told as it goes."""
    from weasyprint import HTML

    page = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=_local_fetcher())
    if progress:
        with _layout_progress(progress, expected_pages, 40, 90):
            document = page.render()
        progress(90)
    else:
        document = page.render()
    return document.write_pdf(), len(document.pages)
