"""Imports of statistics: from a file, from the API (a local stand-in), in the app and by command.

A malformed file or answer changes nothing; a newer import replaces the same figures.
"""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from raaderum.benchmark import statbank
from raaderum.benchmark.actions import do_fetch_statistics, do_import_statistics
from raaderum.benchmark.models import Dataset, PopulationFigure, Source, SpendingFigure
from raaderum.benchmark.tests.helpers import import_samples, with_functions
from raaderum.benchmark.tests.stub_server import FILES, statbank_stub
from raaderum.test import World

pytestmark = pytest.mark.django_db

HEADER = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD"


def csv_bytes(*lines: str) -> bytes:
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def snapshot() -> tuple[int, list[tuple[object, ...]], int]:
    return (
        Dataset.objects.count(),
        sorted(
            SpendingFigure.objects.values_list(
                "municipality", "kommune", "function", "year", "amount"
            )
        ),
        PopulationFigure.objects.count(),
    )


def test_the_sample_files_are_stored_with_their_import_record(world: World) -> None:
    spending, population = import_samples(world.municipality)
    assert (spending.table, spending.source, spending.file_name) == (
        "REGK31",
        Source.FILE,
        "REGK31.csv",
    )
    assert (spending.first_year, spending.last_year, spending.rows, spending.kommuner) == (
        2023,
        2024,
        260,
        13,
    )
    assert (population.table, population.rows) == ("FOLK1A", 3302)
    assert (
        SpendingFigure.objects.get(
            municipality=world.municipality, kommune=707, function="6.45.51", year=2023
        ).amount
        == 140_739_000
    )
    assert (
        PopulationFigure.objects.get(
            municipality=world.municipality, kommune=999, year=2023, age=None
        ).count
        == 40_000
    )
    # Each municipality keeps its own copy: the other one has nothing.
    assert not SpendingFigure.objects.filter(municipality=world.other_municipality).exists()


def test_a_newer_import_replaces_the_same_figures_and_keeps_the_rest(world: World) -> None:
    import_samples(world.municipality)
    newer = do_import_statistics(
        world.municipality,
        csv_bytes(HEADER, "707;64551;1;TOT;LOBM;2023;150000", "707;64551;1;TOT;LOBM;2025;1"),
    )
    figures = SpendingFigure.objects.filter(municipality=world.municipality, kommune=707)
    assert figures.get(function="6.45.51", year=2023).amount == 150_000_000
    assert figures.get(function="6.45.51", year=2023).dataset == newer
    assert figures.get(function="6.45.51", year=2025).amount == 1_000
    assert figures.get(function="3.22.01", year=2023).amount == 224_060_000  # untouched
    assert SpendingFigure.objects.filter(municipality=world.municipality).count() == 261


def test_a_malformed_file_changes_nothing(world: World) -> None:
    import_samples(world.municipality)
    before = snapshot()
    with pytest.raises(statbank.StatbankError) as caught:
        do_import_statistics(
            world.municipality,
            csv_bytes(HEADER, "707;64551;1;TOT;LOBM;2023;1", "998;64551;1;TOT;LOBM;2023;x"),
        )
    assert caught.value.messages == [
        "Ukendt kommunenummer: 998. Brug Danmarks Statistiks numre (valuePresentation »Code«).",
        "Linje 3: INDHOLD er ikke et tal: »x«.",
    ]
    assert snapshot() == before


def test_a_fetch_stores_both_tables_from_the_api(world: World) -> None:
    with_functions(world)
    with statbank_stub() as stub:
        datasets = do_fetch_statistics(world.municipality, [2024, 2023], url=stub.url, timeout=5)
    assert [(d.table, d.source, d.rows) for d in datasets] == [
        ("REGK31", Source.API, 260),
        ("FOLK1A", Source.API, 3302),
    ]
    [spending, population] = [request["body"] for request in stub.requests]
    assert spending["table"] == "REGK31"
    assert spending["variables"][1] == {
        "code": "FUNKTION",
        "values": ["32201", "52511", "52514", "53027"],
    }
    assert spending["variables"][-1] == {"code": "Tid", "values": ["2023", "2024"]}
    assert population["variables"][-1] == {"code": "Tid", "values": ["2023K1", "2024K1"]}


def test_a_malformed_answer_stores_neither_table(world: World) -> None:
    before = snapshot()
    with statbank_stub() as stub, pytest.raises(statbank.StatbankError) as caught:
        stub.answers["FOLK1A"] = (
            200,
            "text/csv",
            csv_bytes("OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD", "707;TOT;IALT;TOT;2024K1;mange"),
        )
        do_fetch_statistics(world.municipality, [2024], url=stub.url, timeout=5)
    assert caught.value.messages == [
        "Svaret fra Danmarks Statistik kunne ikke læses:",
        "Linje 2: INDHOLD er ikke et tal: »mange«.",
    ]
    assert snapshot() == before  # the REGK31 answer that came first is not stored either


def test_the_budget_office_uploads_a_file(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    url = reverse("benchmark_data", args=[world.municipality.slug])
    upload = SimpleUploadedFile("REGK31.csv", FILES["REGK31"].read_bytes(), "text/csv")
    response = client.post(url, {"file": upload, "note": "Fra Statistikbanken 3. maj"}, follow=True)
    page = response.content.decode()
    assert "Indlæst. REGK31 2023–2024: 260 tal for 13 kommuner." in page
    dataset = Dataset.objects.get()
    assert (dataset.imported_by, dataset.note) == (
        world.budget_officer,
        "Fra Statistikbanken 3. maj",
    )
    assert "Bente Testesen" in page


def test_an_upload_with_errors_lists_them_and_keeps_nothing(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    url = reverse("benchmark_data", args=[world.municipality.slug])
    content = csv_bytes(HEADER, "997;64551;1;TOT;LOBM;2023;1", "996;6455;1;TOT;LOBM;2023;1")
    response = client.post(url, {"file": SimpleUploadedFile("x.csv", content, "text/csv")})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Intet blev indlæst:" in page
    assert "Ukendte kommunenumre: 996, 997." in page
    assert not Dataset.objects.exists()


def test_the_fetch_button_reports_an_unreachable_api(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(body: object, **kwargs: object) -> bytes:
        raise statbank.StatbankError(
            ["Danmarks Statistik kunne ikke nås (test). Prøv igen senere."]
        )

    monkeypatch.setattr(statbank, "fetch", unreachable)
    client.force_login(world.budget_officer)
    url = reverse("benchmark_fetch", args=[world.municipality.slug])
    response = client.post(url, {"years": "2023, 2024"})
    assert response.status_code == 422
    assert "Danmarks Statistik kunne ikke nås (test)." in response.content.decode()
    assert client.post(url, {"years": "1999"}).status_code == 422
    assert not Dataset.objects.exists()


def test_the_fetch_button_fetches(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    with statbank_stub() as stub:
        monkeypatch.setattr(statbank, "API_URL", stub.url)
        client.force_login(world.budget_officer)
        response = client.post(
            reverse("benchmark_fetch", args=[world.municipality.slug]),
            {"years": "2024"},
            follow=True,
        )
    assert (
        "Indlæst. REGK31 2023–2024: 260 tal for 13 kommuner. "
        "FOLK1A 2023–2024: 3.302 tal for 13 kommuner."
    ) in response.content.decode()
    assert list(Dataset.objects.values_list("source", "imported_by")) == [
        (Source.API, world.budget_officer.pk),
        (Source.API, world.budget_officer.pk),
    ]


def test_others_may_not_import(client: Client, world: World) -> None:
    url = reverse("benchmark_data", args=[world.municipality.slug])
    client.force_login(world.politician)
    assert client.get(url).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url, {}).status_code == 404


def test_the_import_command(world: World) -> None:
    out = StringIO()
    call_command(
        "import_benchmark",
        str(FILES["REGK31"]),
        str(FILES["FOLK1A"]),
        municipality=world.municipality.slug,
        stdout=out,
    )
    assert out.getvalue().splitlines() == [
        "constructed-sample-REGK31.csv: REGK31 2023–2024, 260 figures, 13 kommuner.",
        "constructed-sample-FOLK1A.csv: FOLK1A 2023–2024, 3302 figures, 13 kommuner.",
    ]


def test_the_import_command_refuses_a_bad_file(world: World, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(HEADER, "998;64551;1;TOT;LOBM;2023;1"))
    with pytest.raises(CommandError, match="Ukendt kommunenummer: 998"):
        call_command("import_benchmark", str(bad), municipality=world.municipality.slug)
    with pytest.raises(CommandError, match="No municipality"):
        call_command("import_benchmark", str(bad), municipality="nowhere")
    assert not Dataset.objects.exists()


def test_the_fetch_command(world: World) -> None:
    out = StringIO()
    with statbank_stub() as stub:
        call_command(
            "fetch_benchmark",
            municipality=world.municipality.slug,
            years=[2024],
            url=stub.url,
            stdout=out,
        )
    assert out.getvalue().splitlines() == [
        "REGK31 2023–2024: 260 figures, 13 kommuner.",
        "FOLK1A 2023–2024: 3302 figures, 13 kommuner.",
    ]
