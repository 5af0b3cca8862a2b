from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from raaderum.lib.money import format_tkr
from raaderum.publication.catalog import build_published_catalog
from raaderum.publication.models import CatalogPdf, PdfStatus
from raaderum.publication.pdf import catalog_html
from raaderum.publication.tests.helpers import fill_catalog, publish, variant
from raaderum.test import World

pytestmark = pytest.mark.django_db


def figures_line(text: str, figures: list[str]) -> bool:
    """Some line of the text holds these figures in this order, separated by spaces only."""
    pattern = r"\s+".join(re.escape(figure) for figure in figures)
    return any(re.search(rf"(^|\s){pattern}(\s|$)", line) for line in text.splitlines())


def test_the_pdf_is_made_in_the_background_and_its_totals_equal_the_page(
    client, world: World, django_capture_on_commit_callbacks, tmp_path: Path
) -> None:
    fill_catalog(world, 4)
    version = publish(world)
    client.force_login(world.politician)
    page_url = reverse("catalog_version", args=[world.round.public_id, 1])
    assert client.get(page_url).context["pdf"] is None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("catalog_pdf_make", args=[world.round.public_id, 1]))
    assert response.status_code == 302
    pdf = CatalogPdf.objects.get(version=version)
    assert pdf.status == PdfStatus.DONE, pdf.error
    assert pdf.progress == 100
    # Cover, contents, summary, then the proposals flow committee by committee (each committee
    # starts a page) instead of taking a page or more each.
    assert pdf.pages and 4 <= pdf.pages < 3 + 4

    download = client.get(reverse("catalog_pdf", args=[world.round.public_id, 1]))
    assert download["Content-Type"] == "application/pdf"
    assert (
        download["Content-Disposition"] == 'attachment; filename="katalog-budget-2027-2030-v1.pdf"'
    )
    assert download.content.startswith(b"%PDF")

    page = client.get(page_url)
    catalog = page.context["catalog"]
    total = [format_tkr(catalog.total[year]) for year in catalog.years]
    subtotals = [[format_tkr(g.subtotal[y]) for y in catalog.years] for g in catalog.groups]
    html = page.content.decode()
    for figure in total:
        assert figure in html
    if shutil.which("pdftotext"):
        path = tmp_path / "catalog.pdf"
        path.write_bytes(download.content)
        text = subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
            ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    else:  # poppler-utils missing: compare the HTML the PDF is made from
        text = re.sub(r"<[^>]+>", " ", catalog_html(build_published_catalog(version)))
        text = "\n".join(" ".join(line.split()) for line in text.split("</tr>"))
    assert figures_line(text, total)
    for figures in subtotals:
        assert figures_line(text, figures)
    assert "\u2212" not in "".join(total) or "\u2212" in text


def test_the_page_polls_while_the_pdf_is_being_made(client, world: World) -> None:
    fill_catalog(world, 1)
    version = publish(world)
    CatalogPdf.objects.create(
        version=version, variant=variant(version), status=PdfStatus.RUNNING, progress=40
    )
    client.force_login(world.politician)
    response = client.get(reverse("catalog_version", args=[world.round.public_id, 1]))
    page = response.content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert 'value="40"' in page
    fragment = client.get(
        reverse("catalog_pdf_status", args=[world.round.public_id, 1]), HTTP_HX_REQUEST="true"
    )
    assert fragment.content.decode().lstrip().startswith('<div id="pdf-status"')
    download = reverse("catalog_pdf", args=[world.round.public_id, 1])
    assert f'href="{download}"' not in fragment.content.decode()
    # Not ready: the download link goes back to the page.
    assert client.get(reverse("catalog_pdf", args=[world.round.public_id, 1])).status_code == 302


def test_a_failed_pdf_can_be_asked_for_again(
    client, world: World, django_capture_on_commit_callbacks
) -> None:
    fill_catalog(world, 1)
    version = publish(world)
    CatalogPdf.objects.create(
        version=version, variant=variant(version), status=PdfStatus.FAILED, error="boom"
    )
    client.force_login(world.reader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("catalog_pdf_make", args=[world.round.public_id, 1]))
    assert CatalogPdf.objects.get().status == PdfStatus.DONE


def test_other_municipalities_get_404(client, world: World) -> None:
    fill_catalog(world, 1)
    publish(world)
    client.force_login(world.outsider)
    for name in ("catalog_pdf", "catalog_pdf_status", "catalog_excel"):
        assert client.get(reverse(name, args=[world.round.public_id, 1])).status_code == 404
    assert (
        client.post(reverse("catalog_pdf_make", args=[world.round.public_id, 1])).status_code == 404
    )
    assert not CatalogPdf.objects.exists()
