"""Searching an idea bank of 200,000 ideas, on PostgreSQL and on the SQLite fallback.

    .venv/bin/python benchmarks/ideabank.py                      # both databases
    .venv/bin/python benchmarks/ideabank.py --database sqlite --ideas 20000

Creates its own database (PostgreSQL: a throw-away database `raaderum_benchmark_ideabank` on the
server DATABASE_URL or --postgres-url names; SQLite: a file in a temporary directory),
fills it with realistic Danish ideas with bulk_create, then runs 20 typical searches (words,
some with a filter) three times each and prints the medians of:
- the search as the page runs it: the count of matches and the first page of 20, best first;
- the whole idea bank page through Django's test client (login, filters, template).
The goal on PostgreSQL is a median search of at most 200 ms; docs/benchmarks.md has the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://raaderum:raaderum@127.0.0.1:5432/raaderum"
GIN_INDEX = "bank_idea_search_vector"  # raaderum/ideabank/migrations/0002

# (query, filters) the way budget offices search: one or two words, now and then a filter.
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("vikarer", {}),
    ("hjemmepleje", {}),
    ("skolebus", {}),
    ("energi bygninger", {}),
    ("digital post", {}),
    ("rehabilitering ældre", {}),
    ("dagpleje", {}),
    ("indkøb", {"type": "efficiency"}),
    ("gadelys", {}),
    ("plejefamilier", {}),
    ("jobcenter ledige", {}),
    ("svømmehal", {}),
    ("bibliotek", {"account": "3"}),
    ("robotter", {}),
    ("solceller", {"type": "investment"}),
    ("lokaletilskud foreninger", {}),
    ("velfærdsteknologi", {}),
    ("kørsel", {"account": "5"}),
    ("anbringelser", {}),
    ("licenser administration", {}),
]

FILLER = [
    "Forslaget kræver en forhandling med de faglige organisationer.",
    "Erfaringerne fra det første år viser, at gevinsten kommer langsommere end ventet.",
    "Ledelsen skal følge op hvert kvartal, og økonomi måler effekten i regnskabet.",
    "Der er brug for en engangsinvestering i it og uddannelse af medarbejderne.",
    "Borgerne mærker en mindre ændring i serviceniveauet.",
    "Idéen er afprøvet i to afdelinger og skal nu udbredes til resten af kommunen.",
    "Gevinsten er beregnet ud fra antal årsværk og den gennemsnitlige løn.",
    "Forslaget hænger sammen med kommunens klimaplan.",
    "Tværgående samarbejde mellem forvaltningerne er en forudsætning.",
    "Der kan være behov for en høring i de berørte brugerbestyrelser.",
    "Kommunen samarbejder med nabokommunerne om at dele udgiften.",
    "Effekten afhænger af, hvor hurtigt kontrakten kan genforhandles.",
    "Medarbejderne har selv foreslået ændringen på et personalemøde.",
    "Besparelsen er vurderet forsigtigt og kan blive større.",
    "Projektet evalueres efter et år, før det gøres permanent.",
    "Der følger en mindre anlægsudgift med i det første år.",
]
QUALIFIERS = [
    "",
    "– fase 2",
    "i hele kommunen",
    "på udvalgte matrikler",
    "med nabokommuner",
    "efter forsøg",
    "som pilotprojekt",
    "fra 2028",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=200_000)
    parser.add_argument("--database", choices=["both", "sqlite", "postgresql"], default="both")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("PG_URL") or DEFAULT_POSTGRES,
        help="an existing PostgreSQL database; a test database is created beside it",
    )
    args = parser.parse_args()
    if args.database == "both":
        for database in ("postgresql", "sqlite"):
            subprocess.run(  # noqa: S603 - this very script, with the arguments given
                [
                    sys.executable,
                    __file__,
                    "--database",
                    database,
                    "--ideas",
                    str(args.ideas),
                    "--postgres-url",
                    args.postgres_url,
                ],
                check=True,
            )
        return
    run(args.database, args.ideas, args.postgres_url)


def run(database: str, count: int, postgres_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["RAADERUM_VAR_DIR"] = tempfile.mkdtemp(prefix="raaderum-bench-")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raaderum.settings")
    if database == "postgresql":
        os.environ["DATABASE_URL"] = postgres_url
    else:
        os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()

    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    if database == "sqlite":  # a file, as in use, not the test runner's in-memory database
        connection.settings_dict["TEST"]["NAME"] = str(
            Path(os.environ["RAADERUM_VAR_DIR"]) / "bench.sqlite3"
        )
    else:  # its own name: never the test runner's test_raaderum, which a test run may be using
        connection.settings_dict["TEST"]["NAME"] = "raaderum_benchmark_ideabank"
    setup_test_environment()
    settings.AXES_ENABLED = False  # the test client's logins are not login attempts
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        measure(database, count)
    finally:
        connection.creation.destroy_test_db(settings.DATABASES["default"]["NAME"], verbosity=0)


def measure(database: str, count: int) -> None:
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from raaderum.ideabank.search import Filters, search_bank
    from raaderum.test import create_world

    world = create_world()
    started = time.perf_counter()
    if database == "postgresql":
        # A bulk load: build the GIN index once at the end rather than row by row.
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX {GIN_INDEX}")
    fill(world, count)
    if database == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE INDEX {GIN_INDEX} ON ideabank_bankidea USING gin (search_vector)"
            )
            cursor.execute("ANALYZE ideabank_bankidea")
    filled = time.perf_counter() - started

    def search(query: str, filters: dict[str, Any]) -> tuple[int, int]:
        page = Paginator(search_bank(query, Filters(**filters)), 20).get_page(1)
        return page.paginator.count, len(page.object_list)

    client = Client()
    client.force_login(world.reader)
    url = reverse("ideabank")
    for query, filters in QUERIES[:3]:  # warm up caches and connections
        search(query, filters)
        client.get(url, {"q": query, **filters})

    search_times: list[float] = []
    page_times: list[float] = []
    matches: list[int] = []
    for query, filters in QUERIES:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            found, _shown = search(query, filters)
            runs.append(time.perf_counter() - started)
        search_times.append(statistics.median(runs))
        matches.append(found)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            response = client.get(url, {"q": query, **filters})
            runs.append(time.perf_counter() - started)
            assert response.status_code == 200
        page_times.append(statistics.median(runs))

    name = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}[database]
    print(f"\n{name}: {count:,} ideas, filled in {filled:.0f} s")
    print(
        f"  matches per query: median {statistics.median(matches):,.0f}, "
        f"min {min(matches):,}, max {max(matches):,}"
    )
    print(
        f"  search (count + first 20), median of 20 queries: "
        f"{1000 * statistics.median(search_times):.0f} ms "
        f"(slowest {1000 * max(search_times):.0f} ms)"
    )
    print(
        f"  idea bank page, median of 20 queries: "
        f"{1000 * statistics.median(page_times):.0f} ms "
        f"(slowest {1000 * max(page_times):.0f} ms)"
    )
    if database == "postgresql":
        goal = 1000 * statistics.median(search_times) <= 200
        print(f"  goal ≤ 200 ms median search: {'met' if goal else 'NOT met'}")


def fill(world: Any, count: int) -> None:
    """Ideas built from the demo's 40 and varied: other municipalities, qualifiers, sentences."""
    from raaderum.demo_ideabank import IDEAS
    from raaderum.ideabank.models import BankIdea
    from raaderum.ideabank.search import update_search_vectors

    rng = random.Random(2026)
    sources = [f"Kommune nr. {code}" for code in range(101, 199)]
    batch: list[BankIdea] = []
    for n in range(count):
        (_id, title, area, code, kind, low, high, _source, tags, description) = IDEAS[
            n % len(IDEAS)
        ]
        scale = rng.choice([0.5, 0.8, 1, 1.2, 2])
        idea = BankIdea(
            municipality=world.municipality if n % 2 else world.other_municipality,
            title=f"{title} {rng.choice(QUALIFIERS)}".strip(),
            service_area=area,
            function_code=code,
            type=kind,
            description=" ".join([description, *rng.sample(FILLER, rng.randint(2, 5))]),
            effect_min=None if low is None else int(low * scale),
            effect_max=None if high is None else int(high * scale),
            source_name=rng.choice(sources),
            links=[],
            tags=rng.sample(tags, rng.randint(1, len(tags))),
            external_id=f"bench-{n}",
        )
        idea.refresh_search_fields()
        batch.append(idea)
        if len(batch) == 5000:
            BankIdea.objects.bulk_create(batch)
            batch = []
    if batch:
        BankIdea.objects.bulk_create(batch)
    # The PostgreSQL vectors in slices, as an import does after its bulk_create.
    ids = list(BankIdea.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 20_000):
        chunk = ids[start : start + 20_000]
        update_search_vectors(BankIdea.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1]))


if __name__ == "__main__":
    main()
