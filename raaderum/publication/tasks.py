"""Background work of the publication app, through django-tasks (inline in tests and dev)."""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

from raaderum.confidentiality.visibility import Marking
from raaderum.publication.catalog import build_published_catalog, published_proposals
from raaderum.publication.models import CatalogPdf, PdfStatus
from raaderum.publication.pdf import catalog_html, render_pdf

logger = logging.getLogger(__name__)


@task()
def build_catalog_pdf(pdf_id: int) -> None:
    pdf = CatalogPdf.objects.select_related(
        "version__round__municipality", "version__published_by"
    ).get(pk=pdf_id)

    def progress(percent: int) -> None:
        pdf.progress = percent
        pdf.save(update_fields=["progress"])

    pdf.status = PdfStatus.RUNNING
    pdf.progress = 5
    pdf.save(update_fields=["status", "progress"])
    try:
        # Exactly the variant asked for: its proposals and its mark, as they were when asked.
        proposals = published_proposals(
            pdf.version, pdf.version.proposals.exclude(pk__in=pdf.excluded).order_by("position")
        )
        catalog = build_published_catalog(pdf.version, proposals)
        progress(20)
        html = catalog_html(catalog, Marking(pdf.marking, pdf.release_date))
        progress(40)
        # The cover, the contents and the summary, then about a page per proposal.
        content, pages = render_pdf(html, progress, expected_pages=catalog.count + 4)
    except Exception as error:
        logger.exception("PDF of catalog version %s failed", pdf.version_id)
        pdf.status = PdfStatus.FAILED
        pdf.error = f"{type(error).__name__}: {error}"[:2000]
        pdf.finished_at = timezone.now()
        pdf.save(update_fields=["status", "error", "finished_at"])
        return
    pdf.content = content
    pdf.pages = pages
    pdf.status = PdfStatus.DONE
    pdf.progress = 100
    pdf.error = ""
    pdf.finished_at = timezone.now()
    pdf.save(update_fields=["content", "pages", "status", "progress", "error", "finished_at"])
