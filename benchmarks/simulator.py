"""One toggle in the budget simulator against the floor of computing and rendering its totals.

    .venv/bin/python benchmarks/simulator.py [--proposals 500] [--chosen 250]

Publishes a catalog version of N proposals × 4 years × 2 service areas in a fresh SQLite
database under a temporary directory, then times, in one run:
- the toggle: the htmx POST the simulator sends when a checkbox changes (access checks, loading
  the chosen proposals and their relations, totals, rendering, middleware), and
- the floor: calculation.catalog_totals over the same proposals already in memory (the rows the
  toggle reads, simulation.chosen_rows, loaded before timing) and rendering the totals fragment
  alone, no database and no request.
It prints the medians, the ratio (goal ≤ 1.5) and the toggle's query count at N and at N/10
(goal: the same). No wall-clock limit is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["RAADERUM_VAR_DIR"] = tempfile.mkdtemp(prefix="raaderum-bench-")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raaderum.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)
from django.urls import reverse  # noqa: E402

from raaderum.prioritisation.simulation import chosen_rows, evaluate  # noqa: E402
from raaderum.proposals.models import Effect, Proposal  # noqa: E402
from raaderum.publication.actions import do_publish_catalog  # noqa: E402
from raaderum.publication.models import CatalogVersion  # noqa: E402
from raaderum.test import World, create_world  # noqa: E402


def add_proposals(world: World, count: int) -> None:
    start = Proposal.objects.filter(round=world.round).count()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            round=world.round,
            committee=world.children if i % 2 else world.social,
            number=i + 1,
            title=f"Forslag {i + 1}",
            type="saving",
            status="in_catalog",
            owner=world.owner,
            director=world.director,
            summary="Et forslag til benchmark.",
            consequences_service="Lidt mindre service.",
        )
        for i in range(start, start + count)
    )
    Effect.objects.bulk_create(
        Effect(proposal=p, service_area=area, year=year, amount=-(1_000 * (n + 1) + year))
        for n, p in enumerate(proposals)
        for area in (world.schools, world.elderly)
        for year in range(2027, 2031)
    )


def publish(world: World) -> CatalogVersion:
    return do_publish_catalog(world.round, user=world.budget_officer)


def codes_of(version: CatalogVersion, share: float) -> list[str]:
    codes = list(version.proposals.order_by("position").values_list("code", flat=True))
    return codes[: max(1, int(len(codes) * share))]


def time_toggle(
    client: Client, version: CatalogVersion, codes: list[str], repeat: int
) -> tuple[float, int]:
    url = reverse("simulator_totals", args=[version.round.public_id, version.number])
    headers = {"HX-Request": "true"}
    # Form-encoded, as htmx sends it (the test client would otherwise send multipart).
    body = urlencode([("chosen", code) for code in codes])
    form = "application/x-www-form-urlencoded"
    client.post(url, body, content_type=form, headers=headers)  # warm caches and templates
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.post(url, body, content_type=form, headers=headers)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings), len(queries)


def time_floor(version: CatalogVersion, codes: list[str], repeat: int) -> float:
    chosen = chosen_rows(version, codes)  # what the toggle renders, read once before timing
    assert len(chosen) == len(codes)
    target = version.target_by_year()
    context = {"round": version.round, "version": version, "oob": True}
    timings = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        selection = evaluate(version, chosen, [], target=target)
        render_to_string(
            "prioritisation/simulator.html#simulator-totals", {**context, "selection": selection}
        )
        timings.append(time.perf_counter() - started)
    return statistics.median(timings[1:])  # the first renders the template cold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=500)
    parser.add_argument("--chosen", type=float, default=0.5, help="share of proposals ticked")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    world = create_world()
    client = Client()
    client.force_login(world.politician)
    small_count = max(args.proposals // 10, 1)
    add_proposals(world, small_count)
    small = publish(world)
    _, small_queries = time_toggle(client, small, codes_of(small, args.chosen), 3)
    add_proposals(world, args.proposals - small_count)
    large = publish(world)
    codes = codes_of(large, args.chosen)
    toggle_time, toggle_queries = time_toggle(client, large, codes, args.repeat)
    floor_time = time_floor(large, codes, args.repeat)
    print(f"proposals: {args.proposals}, ticked: {len(codes)}, repeats: {args.repeat}")
    print(f"toggle (htmx POST) median:       {toggle_time * 1000:.1f} ms")
    print(f"floor (totals + fragment) median: {floor_time * 1000:.1f} ms")
    print(f"ratio toggle/floor: {toggle_time / floor_time:.2f} (goal ≤ 1.5)")
    print(
        f"queries per toggle at {small_count} proposals: {small_queries}; "
        f"at {args.proposals}: {toggle_queries}"
    )


if __name__ == "__main__":
    main()
