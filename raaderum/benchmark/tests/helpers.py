from raaderum.benchmark.actions import do_import_statistics
from raaderum.benchmark.models import Dataset
from raaderum.benchmark.tests.stub_server import FILES
from raaderum.organisation.models import Municipality
from raaderum.test import World


def import_samples(municipality: Municipality) -> list[Dataset]:
    """The shipped (constructed) REGK31 and FOLK1A files, as the budget office would upload them."""
    return [
        do_import_statistics(municipality, FILES[table].read_bytes(), file_name=f"{table}.csv")
        for table in ("REGK31", "FOLK1A")
    ]


def with_functions(world: World) -> World:
    """Kontoplan functions on the world's areas (schools already has 3.22.01)."""
    world.daycare.function_codes = "5.25.11, 5.25.14"
    world.daycare.save()
    world.elderly.function_codes = "5.30.27"
    world.elderly.save()
    return world
