"""The PDF of a published catalog with 200 proposals: time to build it and its page count.

    .venv/bin/python benchmarks/pdf.py [--proposals 200] [--out /tmp/katalog.pdf]

Builds a round with N proposals in the catalog (each with a summary, a description,
consequences, risks, calculation basis, assumptions, effects in two service areas and FTE in
three years) in a fresh SQLite database under a temporary directory, publishes it, and runs the
background task that makes the (tagged) PDF, as the worker would. Prints the time of each part
and the page count. No wall-clock limit is asserted anywhere (goal: ≤ 15 s at 200).

The rendering also prints this process's CPU time: on a machine shared with other work the wall
clock counts their time too, while a single-threaded render on an idle machine takes about its
CPU time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["RAADERUM_VAR_DIR"] = tempfile.mkdtemp(prefix="raaderum-bench-")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raaderum.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from benchmarks.simulator import screen  # noqa: E402
from raaderum.proposals.models import (  # noqa: E402
    Effect,
    Proposal,
    ProposalStatus,
    StaffEffect,
)
from raaderum.publication.actions import do_publish_catalog  # noqa: E402
from raaderum.publication.catalog import build_published_catalog  # noqa: E402
from raaderum.publication.models import CatalogPdf, PdfStatus  # noqa: E402
from raaderum.publication.pdf import catalog_html, render_pdf  # noqa: E402
from raaderum.publication.tasks import build_catalog_pdf  # noqa: E402
from raaderum.test import World, create_world  # noqa: E402

SUMMARY = (
    "Vi samler de administrative opgaver på færre hænder og bruger et fælles system. "
    "Borgerne mærker ingen forskel i servicen, men sagsbehandlingen flytter til rådhuset."
)
TEXT = (
    "Forslaget betyder, at medarbejdere skal lære nye arbejdsgange. Der er risiko for, at "
    "omstillingen tager længere tid end ventet, og at gevinsten derfor kommer et år senere. "
) * 3
ASSUMPTIONS = (
    "Beregningen forudsætter, at to stillinger ikke genbesættes ved naturlig afgang i 2028. "
    "Priserne er i det år, kataloget er opgjort i."
)


def build(count: int) -> World:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    world = create_world()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            round=world.round,
            committee=world.children if i % 2 else world.social,
            number=i + 1,
            title=f"Forslag {i + 1}: bedre udnyttelse af ressourcerne i området",
            type="saving" if i % 5 else "investment",
            status=ProposalStatus.IN_CATALOG,
            owner=world.owner,
            director=world.director,
            summary=SUMMARY,
            description=TEXT,
            consequences_service=TEXT,
            consequences_staff=TEXT,
            risks=TEXT,
            calculation_basis=TEXT,
            assumptions=ASSUMPTIONS,
        )
        for i in range(count)
    )
    Effect.objects.bulk_create(
        Effect(proposal=p, service_area=area, year=year, amount=-(1_000 * (n + 1) + year))
        for n, p in enumerate(proposals)
        for area in (world.schools, world.elderly)
        for year in range(2027, 2031)
    )
    StaffEffect.objects.bulk_create(
        StaffEffect(proposal=p, year=year, fte=Decimal("-1.5") * (year - 2027))
        for p in proposals
        for year in range(2028, 2031)
    )
    screen(world)  # each proposal assessed on the four default questions: a table in the PDF
    return world


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=200)
    parser.add_argument("--out", type=Path, help="also write the PDF here, to look at")
    args = parser.parse_args()
    world = build(args.proposals)
    started = time.perf_counter()
    version = do_publish_catalog(world.round, user=world.budget_officer)
    published = time.perf_counter() - started

    started = time.perf_counter()
    html = catalog_html(build_published_catalog(version))
    rendered_html = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    _content, floor_pages = render_pdf(html)
    weasyprint_only = time.perf_counter() - started
    weasyprint_cpu = time.process_time() - cpu

    pdf = CatalogPdf.objects.create(version=version)
    started, cpu = time.perf_counter(), time.process_time()
    build_catalog_pdf.call(pdf.pk)  # what the worker runs, progress updates included
    task_time = time.perf_counter() - started
    task_cpu = time.process_time() - cpu
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.DONE, pdf.error
    if args.out:
        args.out.write_bytes(bytes(pdf.content))
    print(f"proposals: {args.proposals}, effects: {Effect.objects.count()}")
    print(f"publish (snapshot):        {published * 1000:.0f} ms")
    print(f"HTML of the PDF:           {rendered_html * 1000:.0f} ms")
    print(f"WeasyPrint layout + write: {weasyprint_only:.2f} s (CPU {weasyprint_cpu:.2f} s)")
    print(f"whole task (as the worker):{task_time:.2f} s (CPU {task_cpu:.2f} s; goal ≤ 15 s)")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"pages: {pdf.pages} (floor run: {floor_pages}), size: {len(pdf.content) / 1024:.0f} kB")


if __name__ == "__main__":
    main()
