"""The PDF's progress for screen readers: one live region that stays while the poll swaps."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.publication.models import CatalogPdf, PdfStatus
from raaderum.publication.tests.helpers import fill_catalog, publish, variant
from raaderum.test import World

pytestmark = pytest.mark.django_db


def test_the_poll_updates_the_text_of_the_live_region_already_on_the_page(
    client, world: World
) -> None:
    fill_catalog(world, 1)
    version = publish(world)
    pdf = CatalogPdf.objects.create(
        version=version, variant=variant(version), status=PdfStatus.RUNNING, progress=40
    )
    client.force_login(world.politician)
    page = client.get(reverse("catalog_version", args=[world.round.public_id, 1])).content.decode()
    # The live region is outside the element the poll replaces, and the only one there is.
    assert page.count('role="status"') == 1
    polled = page.split('<div id="pdf-status"')[1].split("</div>")[0]
    assert 'role="status"' not in polled and 'hx-swap="outerHTML"' in polled
    assert (
        '<p id="pdf-status-live" class="sr-only" role="status">PDF\'en bliver lavet: 40 %</p>'
    ) in page

    status_url = reverse("catalog_pdf_status", args=[world.round.public_id, 1])
    pdf.progress = 70
    pdf.save()
    fragment = client.get(status_url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="pdf-status"')
    # Only the text goes into the region: innerHTML, out of band.
    assert (
        '<p id="pdf-status-live" class="sr-only" role="status" hx-swap-oob="innerHTML">'
        "PDF'en bliver lavet: 70 %</p>"
    ) in fragment

    pdf.status, pdf.pages = PdfStatus.DONE, 12
    pdf.save()
    fragment = client.get(status_url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' not in fragment  # polling stops
    assert 'hx-swap-oob="innerHTML">PDF\'en er klar (12 sider).</p>' in fragment
