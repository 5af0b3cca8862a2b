"""Key figures of "Demo Kommune": the shipped sample statistics, a comparison group, units per
area and the round's target spread across the committees.

The sample files (raaderum/benchmark/data/) are CONSTRUCTED figures in Statistikbanken's format,
not real statistics; the import note says so on every page that shows them. Idempotent: a file is
imported once (found by its checksum), the rest is found by its natural key, and a distribution
the budget office has saved since is left alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from raaderum.benchmark import targets
from raaderum.benchmark.actions import AreaChoice, do_import_statistics, do_save_distribution
from raaderum.benchmark.models import (
    AreaUnit,
    BenchmarkSettings,
    ComparisonGroup,
    Dataset,
    Method,
    Source,
    TargetDistribution,
    Unit,
)
from raaderum.organisation.models import Municipality, ServiceArea, User
from raaderum.rounds.models import BudgetRound

DATA = Path(__file__).resolve().parent / "benchmark" / "data"
FILES = ["constructed-sample-REGK31.csv", "constructed-sample-FOLK1A.csv"]
NOTE = "Konstruerede eksempeltal til demoen – ikke virkelige tal fra Danmarks Statistik."

GROUP_NAME = "Kommuner på Demo Kommunes størrelse"
GROUP = [306, 320, 360, 390, 420, 550, 706, 707, 787, 820, 846, 849]
# In a group of 12 the 10th cheapest is nearly the dearest: the demo compares with the 5th and,
# like Varde (300 mio. kr. found, 80 considered realistic), counts on about 30 % of it.
RANK = 5
REALISM_PERCENT = 30

# Units that differ from the default of the area's functions.
UNITS = {"Plejecentre": Unit.AGE_80_PLUS}

# Transfer payments are set by law: the demo exempts them from the target.
EXEMPT = {"Sygedagpenge og kontanthjælp", "Fleksjob og ressourceforløb"}


def load_benchmark(
    municipality: Municipality,
    areas: Mapping[str, ServiceArea],
    budget_round: BudgetRound,
    office: User,
) -> None:
    for name in FILES:
        content = (DATA / name).read_bytes()
        checksum = hashlib.sha256(content).hexdigest()
        if not Dataset.objects.filter(municipality=municipality, sha256=checksum).exists():
            do_import_statistics(
                municipality, content, source=Source.FILE, file_name=name, note=NOTE, user=office
            )
    group, _created = ComparisonGroup.objects.get_or_create(
        municipality=municipality,
        name=GROUP_NAME,
        defaults={"kommuner": ",".join(str(code) for code in GROUP)},
    )
    BenchmarkSettings.objects.get_or_create(
        municipality=municipality,
        defaults={
            "comparison_group": group,
            "rank": RANK,
            "realism_percent": REALISM_PERCENT,
        },
    )
    for name, unit in UNITS.items():
        AreaUnit.objects.get_or_create(service_area=areas[name], defaults={"unit": unit})
    if not TargetDistribution.objects.filter(round=budget_round).exists():
        _distribute(budget_round, list(areas.values()), office)


def _distribute(budget_round: BudgetRound, areas: list[ServiceArea], office: User) -> None:
    ordered = sorted(areas, key=lambda a: (a.committee.position, a.committee.name, a.position))
    exempt = {area.pk for area in ordered if area.name in EXEMPT}
    years = budget_round.years
    weights = targets.weights_for(
        Method.UNIFORM,
        years,
        budgets=targets.budgets_by_year(ordered, years),
        potentials={},
        manual={},
    )
    shares = targets.compute_shares(budget_round.target_by_year(), ordered, weights, exempt)
    do_save_distribution(
        budget_round,
        Method.UNIFORM,
        [AreaChoice(area, area.pk in exempt, None, None) for area in ordered],
        shares,
        user=office,
    )
