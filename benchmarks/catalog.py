"""The catalog page against a bare view rendering the same rows, measured in one run.

    make benchmark            # or: .venv/bin/python benchmarks/catalog.py [--proposals 300]

Builds a round with N proposals × 4 years × 2 service areas in a fresh SQLite database under a
temporary directory, then prints the median time of each page, the ratio (goal: ≤ 2) and the
query counts at N and at N/10 (goal: the same). No wall-clock limit is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
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

from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)
from django.urls import include, path, reverse  # noqa: E402

from raaderum.proposals.models import Effect, Proposal  # noqa: E402
from raaderum.test import World, create_world  # noqa: E402

BARE = engines["django"].from_string(
    "<table>{% for p in rows %}<tr><td>{{ p.0 }}</td><td>{{ p.1 }}</td>"
    "{% for amount in p.2 %}<td>{{ amount }}</td>{% endfor %}</tr>{% endfor %}</table>"
)


def bare_view(request: HttpRequest, round_id: str) -> HttpResponse:
    """The floor: one query for the effects, one loop, no grouping, totals or formatting."""
    titles: dict[int, str] = {}
    by_year: dict[int, dict[int, int]] = {}
    for pk, title, year, amount in Effect.objects.filter(
        proposal__round__public_id=round_id
    ).values_list("proposal_id", "proposal__title", "year", "amount"):
        titles[pk] = title
        cells = by_year.setdefault(pk, {})
        cells[year] = cells.get(year, 0) - amount
    table = [(pk, titles[pk], list(cells.values())) for pk, cells in by_year.items()]
    return HttpResponse(BARE.render({"rows": table}))


urlpatterns = [
    path("bare/<uuid:round_id>/", bare_view, name="bare"),
    path("", include("raaderum.urls")),
]


def build(count: int) -> World:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    world = create_world()
    add_proposals(world, count)
    return world


def add_proposals(world: World, count: int) -> None:
    start = Proposal.objects.filter(round=world.round).count()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            round=world.round,
            committee=world.children if i % 2 else world.social,
            number=i + 1,
            title=f"Forslag {i + 1}",
            type="saving",
            owner=world.owner,
            director=world.director,
        )
        for i in range(start, start + count)
    )
    Effect.objects.bulk_create(
        Effect(proposal=p, service_area=area, year=year, amount=-(1_000 * (n + 1) + year))
        for n, p in enumerate(proposals)
        for area in (world.schools, world.elderly)
        for year in range(2027, 2031)
    )


def measure(client: Client, url: str, repeat: int) -> tuple[float, int]:
    client.get(url)  # warm caches and templates
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    with override_settings(ROOT_URLCONF=__name__):
        small = max(args.proposals // 10, 1)
        world = build(small)
        client = Client()
        client.force_login(world.budget_officer)
        catalog_url = reverse("catalog", args=[world.round.public_id])
        bare_url = reverse("bare", args=[world.round.public_id])
        _, small_queries = measure(client, catalog_url, 3)
        add_proposals(world, args.proposals - small)
        catalog_time, catalog_queries = measure(client, catalog_url, args.repeat)
        bare_time, _ = measure(client, bare_url, args.repeat)
    effects = Effect.objects.count()
    print(f"proposals: {args.proposals}, effects: {effects}, repeats: {args.repeat}")
    print(f"catalog page median: {catalog_time * 1000:.1f} ms")
    print(f"bare view median:    {bare_time * 1000:.1f} ms")
    print(f"ratio catalog/bare:  {catalog_time / bare_time:.2f} (goal ≤ 2)")
    print(f"queries at {small} proposals: {small_queries}; at {args.proposals}: {catalog_queries}")


if __name__ == "__main__":
    main()
