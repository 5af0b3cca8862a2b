"""One toggle in the budget simulator against the floor of computing and rendering its totals.

    .venv/bin/python benchmarks/simulator.py [--proposals 500] [--chosen 0.5] [--repeat 25]

On a machine shared with other work, run it under `chrt -f 5` (as root) so that it is not
preempted halfway through a toggle.

Publishes a catalog version of N proposals × 4 years × 2 service areas in a fresh SQLite
database under a temporary directory, then times, in one run:
- the toggle: the htmx POST the simulator sends when a checkbox changes, as raaderum.js sends it
  (session, user, the role, the ticked codes, totals, rendering, middleware), and
- the floor: calculation.catalog_totals over the same proposals already in memory (the rows the
  toggle reads, simulation.chosen_rows, loaded before timing) and rendering the totals fragment
  with its announcement and the impact screening's profile (views.totals_context) alone, no
  database and no request. Every proposal is assessed on the four default screening questions.
The toggle keeps a published version in the process (views.FrozenVersion): the medians are of
toggles after the first, which is printed on its own. Toggle and floor are timed in turn, so
that a shared machine's changing load weighs on both alike. It prints the medians, the ratio
(goal ≤ 1.5) and the toggle's query count at N and at N/10 (goal: the same), counted on a
toggle of its own. No wall-clock limit is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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

from raaderum.impactscreening.actions import do_create_default_questions  # noqa: E402
from raaderum.impactscreening.models import ImpactAssessment, ImpactQuestion  # noqa: E402
from raaderum.impactscreening.published import for_version  # noqa: E402
from raaderum.prioritisation.simulation import chosen_rows, evaluate  # noqa: E402
from raaderum.prioritisation.views import totals_context  # noqa: E402
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


def screen(world: World) -> None:
    """The four default screening questions answered for every proposal, so that the toggle
    renders the chosen ones' screening profile as it does in a real round."""
    questions = do_create_default_questions(world.municipality) or list(
        ImpactQuestion.objects.filter(municipality=world.municipality)
    )
    done = set(ImpactAssessment.objects.values_list("proposal_id", flat=True))
    steps = (-2, -1, 0, 1, 2, None)
    ImpactAssessment.objects.bulk_create(  # benchmark data only: no history needed
        ImpactAssessment(
            proposal=proposal,
            question=question,
            score=steps[(proposal.pk + q) % len(steps)],
            text="Begrundelse.",
        )
        for proposal in Proposal.objects.filter(round=world.round).exclude(pk__in=done)
        for q, question in enumerate(questions)
    )


def codes_of(version: CatalogVersion, share: float) -> list[str]:
    codes = list(version.proposals.order_by("position").values_list("code", flat=True))
    return codes[: max(1, int(len(codes) * share))]


def toggler(client: Client, version: CatalogVersion, codes: list[str]) -> Callable[[], None]:
    """One toggle of the version as htmx sends it."""
    url = reverse("simulator_totals", args=[version.round.public_id, version.number])
    headers = {"HX-Request": "true"}
    # As raaderum.js sends it: form-encoded, the ticked codes in one field, a code a line.
    body = urlencode([("chosen", "\n".join(codes))])
    form = "application/x-www-form-urlencoded"

    def toggle() -> None:
        response = client.post(url, body, content_type=form, headers=headers)
        assert response.status_code == 200, response.status_code

    return toggle


def queries_of(work: Callable[[], None]) -> int:
    """Counted apart from the timed runs: Django's query log formats each query (on SQLite with
    a query of its own), which production does not do."""
    with CaptureQueriesContext(connection) as queries:
        work()
    return len(queries)


def floor_of(version: CatalogVersion, codes: list[str]) -> Callable[[], None]:
    """The totals and the fragment alone, over the rows the toggle renders, read beforehand."""
    chosen = chosen_rows(version, codes)
    assert len(chosen) == len(codes)
    target = version.target_by_year()
    screening = for_version(version)  # frozen with the version, as the toggle keeps it

    def floor() -> None:
        selection = evaluate(version, chosen, [], target=target)
        render_to_string(
            "prioritisation/simulator.html#simulator-totals",
            totals_context(version, selection, screening),
        )

    return floor


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=500)
    parser.add_argument("--chosen", type=float, default=0.5, help="share of proposals ticked")
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    setup_test_environment()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    world = create_world()
    client = Client()
    client.force_login(world.politician)
    small_count = max(args.proposals // 10, 1)
    add_proposals(world, small_count)
    screen(world)
    small = publish(world)
    small_toggle = toggler(client, small, codes_of(small, args.chosen))
    small_toggle()  # the first toggle of a version reads it: two queries more, once
    small_queries = queries_of(small_toggle)
    add_proposals(world, args.proposals - small_count)
    screen(world)
    large = publish(world)
    codes = codes_of(large, args.chosen)
    toggle, floor = toggler(client, large, codes), floor_of(large, codes)
    first_time = timed(toggle)  # the version's rows are read on the first toggle only
    floor()  # the first render compiles the template
    # Interleaved, so that the load of a shared machine weighs on both alike.
    toggles, floors = [], []
    for _ in range(args.repeat):
        toggles.append(timed(toggle))
        floors.append(timed(floor))
    toggle_time, floor_time = statistics.median(toggles), statistics.median(floors)
    toggle_queries = queries_of(toggle)
    print(f"proposals: {args.proposals}, ticked: {len(codes)}, repeats: {args.repeat}")
    print(f"first toggle of the version:     {first_time * 1000:.1f} ms")
    print(f"toggle (htmx POST) median:       {toggle_time * 1000:.1f} ms")
    print(f"floor (totals + fragment) median: {floor_time * 1000:.1f} ms")
    print(f"ratio toggle/floor: {toggle_time / floor_time:.2f} (goal ≤ 1.5)")
    print(
        f"queries per toggle at {small_count} proposals: {small_queries}; "
        f"at {args.proposals}: {toggle_queries}"
    )


if __name__ == "__main__":
    main()
