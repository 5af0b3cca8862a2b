"""The shipped REAL population extract (Danmarks Statistik, 1 January 2021) and its conversion.

The expected totals are Danmarks Statistik's published populations on 1 January 2021, taken from
other sources than the file (see raaderum/benchmark/data/README.md); the age groups were added up
by hand from the source lines.
"""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from raaderum.benchmark.actions import do_import_statistics
from raaderum.benchmark.keyfigures import population_by_unit
from raaderum.benchmark.kommuner import KOMMUNER
from raaderum.benchmark.models import Unit
from raaderum.benchmark.statbank import PopulationRow, parse_csv
from raaderum.test import World

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "raaderum" / "benchmark" / "data"
REAL = DATA / "real-sample-FOLK1A-2021K1.csv"
EXCERPT = DATA / "source" / "DKfolketal2021_Statistikbanken-excerpt.csv"
GROUP = [306, 320, 360, 390, 420, 550, 706, 707, 787, 820, 846, 849]

# Population on 1 January 2021 as published elsewhere: Norddjurs and Jammerbugt (de.wikipedia,
# »Stand 1. Januar 2021«, from Statistikbanken), Thisted (urbistat, from Statistics Denmark),
# Vordingborg (Trap Danmark: »d. 1. januar 2021 var der 45.268 borgere«).
PUBLISHED_2021 = {707: 36_943, 849: 38_175, 787: 43_160, 390: 45_268}


def converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_folk1a_extract", ROOT / "scripts" / "convert_folk1a_extract.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_real_extract_is_folk1a_2021_for_the_demo_group() -> None:
    parsed = parse_csv(REAL.read_bytes(), set(KOMMUNER))
    assert parsed.table == "FOLK1A"
    assert parsed.years == [2021]
    assert parsed.kommuner == GROUP
    assert len(parsed.population) == 12 * 126  # ages 0–125, no IALT row
    # Lines of the source, e.g. "Norddjurs";"0 år";288 and "Vesthimmerlands";"6 år";424.
    assert PopulationRow(707, 2021, 0, 288) in parsed.population
    assert PopulationRow(820, 2021, 6, 424) in parsed.population
    assert PopulationRow(787, 2021, 80, 340) in parsed.population
    assert PopulationRow(550, 2021, 106, 1) in parsed.population


def test_its_kommune_totals_are_the_published_population_of_1_january_2021() -> None:
    parsed = parse_csv(REAL.read_bytes(), set(KOMMUNER))
    for kommune, published in PUBLISHED_2021.items():
        assert sum(r.count for r in parsed.population if r.kommune == kommune) == published


def test_the_script_turns_the_source_lines_into_the_shipped_file_unchanged() -> None:
    text = EXCERPT.read_text(encoding="utf-8")
    assert text.count("\n") == 12 * 126
    assert converter().convert([text], GROUP, "2021K1").encode("utf-8") == REAL.read_bytes()


def test_the_script_reads_the_original_windows_1252_file(tmp_path: Path) -> None:
    original = tmp_path / "Del2.csv"
    original.write_bytes('"Norddjurs";"0 år";288\r\n"Aarhus";"0 år";4559\r\n'.encode("cp1252"))
    module = converter()
    with pytest.raises(SystemExit, match="kommune 707: ages are not 0–125 exactly once"):
        module.convert([module.read_text(original)], [707], "2021K1")


@pytest.mark.django_db
def test_the_key_figure_units_of_the_real_extract(world: World) -> None:
    do_import_statistics(world.municipality, REAL.read_bytes(), file_name=REAL.name)
    units = population_by_unit(world.municipality, 2021)
    assert units[Unit.INHABITANTS][707] == 36_943
    # 288 + 271 + 319 + 309 + 313 + 336
    assert units[Unit.AGE_0_5][707] == 1_836
    # 80–89: 298 251 251 221 197 177 143 144 117 97; 90–99: 81 66 68 41 35 25 20 8 10 4;
    # 100–104: 2 1 1 0 1
    assert units[Unit.AGE_80_PLUS][707] == 1_896 + 358 + 5
