"""The CSV parser on the shipped files and on broken ones, and the HTTP client against a local
stand-in for the API (never the network)."""

import json
import socket

import pytest

from raaderum.benchmark import statbank
from raaderum.benchmark.kommuner import KOMMUNER
from raaderum.benchmark.statbank import (
    PopulationRow,
    SpendingRow,
    StatbankError,
    kontoplan_function,
    parse_csv,
)
from raaderum.benchmark.tests.stub_server import FILES, statbank_stub

KNOWN = set(KOMMUNER) | {999}  # the demo's made-up number is registered in the installation

REGK31_HEADER = "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD"
FOLK1A_HEADER = "OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD"


def csv_bytes(*lines: str) -> bytes:
    """As the API answers: UTF-8 with a byte order mark, CRLF line ends."""
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def errors_of(content: bytes) -> list[str]:
    with pytest.raises(StatbankError) as caught:
        parse_csv(content, KNOWN)
    return caught.value.messages


# The shipped sample files -------------------------------------------------------------------


def test_the_shipped_expenditure_file_parses_to_kroner() -> None:
    parsed = parse_csv(FILES["REGK31"].read_bytes(), KNOWN)
    assert parsed.table == "REGK31"
    assert len(parsed.spending) == 13 * 10 * 2
    assert parsed.years == [2023, 2024]
    assert parsed.kommuner == [306, 320, 360, 390, 420, 550, 706, 707, 787, 820, 846, 849, 999]
    assert parsed.functions == [
        "3.22.01",
        "3.22.05",
        "3.22.08",
        "3.32.50",
        "5.25.11",
        "5.25.14",
        "5.28.21",
        "5.30.26",
        "5.30.27",
        "6.45.51",
    ]
    # "999;32201;1;TOT;LOBM;2024;285000" is 285.000 (1.000 kr.) = 285.000.000 kr.
    assert SpendingRow(999, "3.22.01", 2024, 285_000_000) in parsed.spending
    assert SpendingRow(707, "6.45.51", 2023, 140_739_000) in parsed.spending


def test_the_shipped_population_file_parses_ages_and_totals() -> None:
    parsed = parse_csv(FILES["FOLK1A"].read_bytes(), KNOWN)
    assert parsed.table == "FOLK1A"
    assert len(parsed.population) == 13 * 2 * 127  # IALT and ages 0..125
    totals = {(r.kommune, r.year): r.count for r in parsed.population if r.age is None}
    assert totals[(999, 2023)] == 40_000
    for (kommune, year), total in totals.items():
        ages = [
            r.count
            for r in parsed.population
            if (r.kommune, r.year) == (kommune, year) and r.age is not None
        ]
        assert sum(ages) == total, (kommune, year)


# What is read and what is skipped -----------------------------------------------------------


def test_codes_with_text_and_dotted_functions_are_read() -> None:
    parsed = parse_csv(
        csv_bytes(
            REGK31_HEADER,
            "707 Norddjurs;32201 Folkeskoler;1 Driftskonti;TOT I alt;LOBM (1000 kr.);2024;1234",
            "706;3.22.01;1;TOT;LOBM;2024;12,5",
            "707;2820;1;TOT;LOBM;2024;-40",
        ),
        KNOWN,
    )
    assert parsed.spending == [
        SpendingRow(707, "3.22.01", 2024, 1_234_000),
        SpendingRow(706, "3.22.01", 2024, 12_500),
        SpendingRow(707, "0.28.20", 2024, -40_000),
    ]


def test_country_regions_christiansoe_other_units_and_missing_values_are_skipped() -> None:
    parsed = parse_csv(
        csv_bytes(
            REGK31_HEADER,
            "000;32201;1;TOT;LOBM;2024;5000000",
            "084;32201;1;TOT;LOBM;2024;900000",
            "411;32201;1;TOT;LOBM;2024;1",
            "707;32201;1;TOT;INDL;2024;8000",  # kr. per inhabitant: not summed with 1.000 kr.
            "707;32201;3;TOT;LOBM;2024;9000",  # capital, not operating
            "706;32201;1;TOT;LOBM;2024;..",
            "707;32201;1;TOT;LOBM;2024;250000",
        ),
        KNOWN,
    )
    assert parsed.spending == [SpendingRow(707, "3.22.01", 2024, 250_000_000)]
    assert parsed.skipped == {"areas": 3, "other_kind": 2, "missing": 1}


def test_population_keeps_both_sexes_the_first_quarter_and_every_age() -> None:
    parsed = parse_csv(
        csv_bytes(
            FOLK1A_HEADER,
            "707;TOT;IALT;TOT;2024K1;37700",
            "707;1;IALT;TOT;2024K1;18800",
            "707;TOT;0;TOT;2024K1;300",
            "707;TOT;0;TOT;2024K2;301",
            "707;TOT;5;G;2024K1;1",
            "707;TOT;125;TOT;2024K1;0",
        ),
        KNOWN,
    )
    assert parsed.population == [
        PopulationRow(707, 2024, None, 37_700),
        PopulationRow(707, 2024, 0, 300),
        PopulationRow(707, 2024, 125, 0),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("32201", "3.22.01"),
        ("2820", "0.28.20"),
        ("02820", "0.28.20"),
        ("64551 Sekretariat", "6.45.51"),
        ("3.22.01", "3.22.01"),
        ("92201", None),  # 9 is the balance sheet
        ("322", None),
        ("322011", None),
        ("Folkeskoler", None),
    ],
)
def test_kontoplan_function(value: str, expected: str | None) -> None:
    assert kontoplan_function(value) == expected


# Bad input: every problem in Danish, nothing returned ---------------------------------------


def test_every_unknown_kommune_and_function_is_listed() -> None:
    messages = errors_of(
        csv_bytes(
            REGK31_HEADER,
            "998;32201;1;TOT;LOBM;2024;1",
            "707;ABC;1;TOT;LOBM;2024;1",
            "Norddjurs;32201;1;TOT;LOBM;2024;1",
            "997;92201;1;TOT;LOBM;2024;1",
            "998;32205;1;TOT;LOBM;2024;1",
            "707;32201;1;TOT;LOBM;2024;1",
        )
    )
    assert messages == [
        "Ukendte kommunenumre: 997, 998, Norddjurs. Brug Danmarks Statistiks numre "
        "(valuePresentation »Code«).",
        "Ukendte funktioner i kontoplanen: 92201, ABC.",
    ]


def test_a_wrong_header_names_the_expected_columns() -> None:
    [message] = errors_of(csv_bytes("Kommune;År;Beløb", "707;2024;1"))
    assert message.startswith("Filen er ikke en tabel fra Statistikbanken i det forventede format.")
    assert "OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD (REGK31)" in message
    assert "KOMMUNE;ÅR;BELØB" in message


def test_broken_lines_are_listed_by_number() -> None:
    messages = errors_of(
        csv_bytes(
            REGK31_HEADER,
            "707;32201;1;TOT;LOBM;2024;12a",
            "707;32201;1;TOT;LOBM;2024",
            "707;32205;1;TOT;LOBM;24;1",
            "706;32201;1;TOT;LOBM;2024;1",
            "706;32201;1;TOT;LOBM;2024;2",
        )
    )
    assert messages == [
        "Linje 2: INDHOLD er ikke et tal: »12a«.",
        "Linje 3: 6 kolonner i stedet for 7.",
        "Linje 4: TID skal være et år som 2024, ikke »24«.",
        "Linje 6: det samme tal som i linje 5 en gang til.",
    ]


def test_many_broken_lines_are_counted_after_the_first_twenty() -> None:
    lines = [f"707;32201;1;TOT;LOBM;{2000 + i};x" for i in range(25)]
    messages = errors_of(csv_bytes(REGK31_HEADER, *lines))
    assert len(messages) == 21
    assert messages[-1] == "… og 5 linjer mere med fejl."


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [FOLK1A_HEADER, "707;TOT;IALT;TOT;2024K1;37700,5"],
            "Linje 2: et antal indbyggere skal være et helt tal, ikke »37700,5«.",
        ),
        (
            [FOLK1A_HEADER, "707;TOT;126;TOT;2024K1;1"],
            "Linje 2: ALDER skal være IALT eller en alder 0–125, ikke »126«.",
        ),
        (
            [FOLK1A_HEADER, "707;TOT;IALT;TOT;januar 2024;1"],
            "Linje 2: TID skal være et kvartal som 2024K1, ikke »januar 2024«.",
        ),
    ],
)
def test_population_errors(lines: list[str], expected: str) -> None:
    assert errors_of(csv_bytes(*lines)) == [expected]


def test_a_file_with_only_other_units_says_what_to_choose() -> None:
    [message] = errors_of(csv_bytes(REGK31_HEADER, "707;32201;1;TOT;INDL;2024;8000"))
    assert message.startswith("Filen indeholder ingen nettodriftsudgifter i 1.000 kr.")


def test_an_empty_file_is_refused() -> None:
    assert errors_of(b"") == ["Filen er tom."]


def test_a_file_saved_from_excel_in_windows_1252_is_read() -> None:
    content = (REGK31_HEADER + "\r\n707;32201;1;TOT;LOBM;2024;1\r\n").encode("cp1252")
    assert parse_csv(content, KNOWN).spending == [SpendingRow(707, "3.22.01", 2024, 1_000)]


# The HTTP client against a local stand-in --------------------------------------------------


def test_the_request_bodies_are_what_the_api_expects() -> None:
    body = statbank.spending_request(["3.22.01", "0.28.20", "3.22.01"], [2024, 2023])
    assert body == {
        "table": "REGK31",
        "format": "CSV",
        "lang": "da",
        "valuePresentation": "Code",
        "variables": [
            {"code": "OMRÅDE", "values": ["*"]},
            {"code": "FUNKTION", "values": ["2820", "32201"]},
            {"code": "DRANST", "values": ["1"]},
            {"code": "ART", "values": ["TOT"]},
            {"code": "PRISENHED", "values": ["LOBM"]},
            {"code": "Tid", "values": ["2023", "2024"]},
        ],
    }
    population = statbank.population_request([2024], kommuner=[707, 85])
    assert population["variables"] == [
        {"code": "OMRÅDE", "values": ["085", "707"]},
        {"code": "KØN", "values": ["TOT"]},
        {"code": "ALDER", "values": ["*"]},
        {"code": "CIVILSTAND", "values": ["TOT"]},
        {"code": "Tid", "values": ["2024K1"]},
    ]


def test_fetch_posts_json_and_returns_the_csv() -> None:
    with statbank_stub() as stub:
        body = statbank.spending_request(["3.22.01"], [2024])
        content = statbank.fetch(body, url=stub.url, timeout=5)
    assert content == FILES["REGK31"].read_bytes()
    assert stub.requests == [{"path": "/v1/data", "body": body}]


def test_fetch_explains_a_refused_request() -> None:
    with statbank_stub() as stub, pytest.raises(StatbankError) as caught:
        statbank.fetch({"table": "NOPE"}, url=stub.url, timeout=5)
    assert caught.value.messages == [
        "Danmarks Statistik afviste forespørgslen: Tabellen NOPE findes ikke"
    ]


def test_fetch_explains_a_server_error() -> None:
    with statbank_stub() as stub, pytest.raises(StatbankError) as caught:
        stub.answers["REGK31"] = (503, "text/html", b"<html>Service Unavailable</html>")
        statbank.fetch({"table": "REGK31"}, url=stub.url, timeout=5)
    assert caught.value.messages == ["Danmarks Statistik svarede med fejl 503. Prøv igen senere."]


def test_fetch_gives_up_after_the_timeout() -> None:
    with statbank_stub() as stub, pytest.raises(StatbankError) as caught:
        stub.delay = 2
        statbank.fetch({"table": "REGK31"}, url=stub.url, timeout=0.3)
    assert caught.value.messages == [
        "Danmarks Statistik svarede ikke inden for 0,3 sekunder. Prøv igen senere."
    ]


def test_fetch_explains_that_the_api_cannot_be_reached() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StatbankError) as caught:
        statbank.fetch({"table": "REGK31"}, url=f"http://127.0.0.1:{port}/v1/data", timeout=2)
    [message] = caught.value.messages
    assert message.startswith("Danmarks Statistik kunne ikke nås (")
    assert message.endswith("). Prøv igen senere.")


def test_an_html_answer_is_not_taken_for_data() -> None:
    with statbank_stub() as stub:
        stub.answers["REGK31"] = (200, "text/html", b"<html><body>Vedligeholdelse</body></html>")
        content = statbank.fetch({"table": "REGK31"}, url=stub.url, timeout=5)
    [message] = errors_of(content)
    assert message.startswith("Filen er ikke en tabel fra Statistikbanken")


def test_the_error_body_may_be_anything() -> None:
    with statbank_stub() as stub, pytest.raises(StatbankError) as caught:
        stub.answers["REGK31"] = (400, "application/json", json.dumps([1, 2]).encode())
        statbank.fetch({"table": "REGK31"}, url=stub.url, timeout=5)
    assert caught.value.messages == ["Danmarks Statistik svarede med fejl 400. Prøv igen senere."]
