"""The demo's key figures: the constructed sample files, its comparison group and the target per
committee – loaded once, unchanged by a second load."""

import pytest
from django.db.models import Sum

from raaderum.benchmark.keyfigures import build_overview, settings_for
from raaderum.benchmark.models import (
    AreaUnit,
    ComparisonGroup,
    Dataset,
    DistributionArea,
    PopulationFigure,
    SpendingFigure,
    TargetDistribution,
    TargetShare,
)
from raaderum.demo import load_demo

pytestmark = pytest.mark.django_db


def state() -> dict[str, object]:
    return {
        "datasets": sorted(Dataset.objects.values_list("pk", "table", "rows")),
        "spending": SpendingFigure.objects.count(),
        "population": PopulationFigure.objects.count(),
        "groups": sorted(ComparisonGroup.objects.values_list("pk", "kommuner")),
        "units": sorted(AreaUnit.objects.values_list("service_area__name", "unit")),
        "distribution": sorted(TargetDistribution.objects.values_list("pk", "saved_at")),
        "shares": sorted(TargetShare.objects.values_list("service_area", "year", "amount")),
    }


def test_the_demo_has_key_figures_and_a_distributed_target() -> None:
    result = load_demo()
    municipality = result.municipality
    datasets = Dataset.objects.filter(municipality=municipality)
    assert sorted(datasets.values_list("table", "rows")) == [("FOLK1A", 3302), ("REGK31", 260)]
    assert all("Konstruerede eksempeltal" in d.note for d in datasets)

    saved = settings_for(municipality)
    assert saved.comparison_group is not None
    assert (saved.comparison_group.name, saved.rank, saved.realism_percent) == (
        "Kommuner på Demo Kommunes størrelse",
        5,
        30,
    )
    overview = build_overview(
        municipality,
        year=None,
        group=saved.comparison_group,
        rank=saved.rank,
        realism_percent=saved.realism_percent,
    )
    assert overview.year == 2024
    assert len(overview.with_result) == 8
    assert (overview.total_raw, overview.total_realistic) == (123_225_241, 36_967_572)
    nursing_homes = next(r for r in overview.rows if r.area.name == "Plejecentre")
    assert nursing_homes.unit == "80+"
    assert nursing_homes.result is not None
    assert (nursing_homes.result.raw, nursing_homes.result.realistic) == (38_986_900, 11_696_070)

    budget_round = result.budget_round
    shares = TargetShare.objects.filter(distribution__round=budget_round)
    for year, target in budget_round.target_by_year().items():
        assert shares.filter(year=year).aggregate(total=Sum("amount"))["total"] == target
    exempt = DistributionArea.objects.filter(distribution__round=budget_round, exempt=True)
    assert sorted(exempt.values_list("service_area__name", flat=True)) == [
        "Fleksjob og ressourceforløb",
        "Sygedagpenge og kontanthjælp",
    ]
    assert not shares.filter(service_area__name="Fleksjob og ressourceforløb").exclude(amount=0)

    before = state()
    load_demo()
    assert state() == before
