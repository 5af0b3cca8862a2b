"""The open exchange format: export, import all or nothing, re-import updates, and the
documentation in docs/idea-bank.md names the same fields as the code."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raaderum.ideabank import exchange
from raaderum.ideabank.models import BankIdea
from raaderum.ideabank.tests.helpers import create_bank_idea

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[3] / "docs" / "idea-bank.md"


def entry(**overrides):
    data = {
        "external_id": "kl-2026-001",
        "title": "Hverdagsrehabilitering",
        "service_area": "Ældreområdet",
        "function_code": "5.32.32",
        "type": "efficiency",
        "description": "Træning før visitation.",
        "effect_min_kr": 2_000_000,
        "effect_max_kr": 4_000_000,
        "source_municipality_name": "Norddjurs Kommune",
        "source_municipality_code": 707,
        "links": ["https://example.dk/evaluering"],
        "tags": ["rehabilitering", "ældre"],
    }
    data.update(overrides)
    return data


def json_file(*entries, version=1, name="idebank.json"):
    document = {"format": "raaderum-idea-bank", "format_version": version, "ideas": list(entries)}
    return SimpleUploadedFile(name, json.dumps(document).encode(), "application/json")


def upload(client, file, municipality=None):
    data = {"file": file}
    if municipality is not None:
        data["municipality"] = municipality.pk
    return client.post(reverse("ideabank_import"), data)


def test_an_import_adds_the_ideas_kept_by_the_importing_municipality(client, world):
    client.force_login(world.budget_officer)
    response = upload(client, json_file(entry(), entry(external_id="kl-2026-002", title="B")))
    assert response.status_code == 302
    ideas = BankIdea.objects.order_by("external_id")
    assert [(i.external_id, i.title, i.municipality) for i in ideas] == [
        ("kl-2026-001", "Hverdagsrehabilitering", world.municipality),
        ("kl-2026-002", "B", world.municipality),
    ]
    first = ideas[0]
    assert (first.effect_min, first.effect_max, first.source_code) == (2_000_000, 4_000_000, 707)
    assert first.tags == ["rehabilitering", "ældre"]
    html = client.get(response["Location"]).content.decode()
    assert "2 idéer er tilføjet, og 0 idéer er opdateret." in html
    # and they are found at once
    assert (
        "Hverdagsrehabilitering" in client.get(reverse("ideabank") + "?q=træning").content.decode()
    )


def test_importing_the_same_ids_again_updates_instead_of_adding_twice(client, world):
    client.force_login(world.budget_officer)
    upload(client, json_file(entry()))
    created = BankIdea.objects.get()
    response = upload(
        client,
        json_file(
            entry(title="Hverdagsrehabilitering, version 2"), entry(external_id="ny", title="Ny")
        ),
    )
    assert response.status_code == 302
    assert BankIdea.objects.count() == 2
    created.refresh_from_db()
    assert created.title == "Hverdagsrehabilitering, version 2"
    assert (
        "1 idé er tilføjet, og 1 idé er opdateret."
        in client.get(response["Location"]).content.decode()
    )


def test_a_file_with_bad_entries_saves_nothing_and_lists_every_entry_and_field(client, world):
    client.force_login(world.budget_officer)
    response = upload(
        client,
        json_file(
            entry(),
            entry(
                external_id="kl-2026-002",
                title="",
                type="spareforslag",
                effect_min_kr="250.000",
                effect_max_kr=100,
                function_code="53232",
                links=["ftp://example.dk"],
            ),
            entry(external_id="kl-2026-001", source_municipality_code=1000),
            "ikke et objekt",
        ),
    )
    assert response.status_code == 422
    assert not BankIdea.objects.exists()
    html = response.content.decode()
    assert "Ingen idéer er importeret: 3 idéer har fejl." in html
    for message in [
        "Feltet skal udfyldes.",
        "Ukendt type »spareforslag«. Brug saving, efficiency, investment eller expansion.",
        "Skriv hele kroner med cifre uden punktummer, fx 250000 eller -50000.",
        "Skriv funktionen som i kontoplanen, fx 5.32.32.",
        "»ftp://example.dk« er ikke en webadresse (http:// eller https://).",
        "Id&#x27;et bruges også af idé nr. 1 i filen.",
        "Et kommunenummer har tre cifre, 101–999.",
        "Idéen er ikke et objekt med felter.",
    ]:
        assert message in html, message
    for field in ["title", "type", "effect_min_kr", "function_code", "links", "external_id"]:
        assert f"<code>{field}</code>" in html, field


def test_an_id_another_municipality_keeps_is_refused(client, world):
    create_bank_idea(world.other_municipality, world.outsider, external_id="kl-2026-001")
    client.force_login(world.budget_officer)
    response = upload(client, json_file(entry(), entry(external_id="fri")))
    assert response.status_code == 422
    assert BankIdea.objects.count() == 1
    assert (
        "Idébanken har allerede en idé med dette id fra Syddjurs Kommune. Kun den kommune kan "
        "ændre den." in response.content.decode()
    )


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"{not json", "a.json", "Filen er ikke gyldig JSON (linje 1, kolonne 2)."),
        (b'{"ideas": []}', "a.json", "JSON-filen er ikke i idébankens format"),
        (
            json.dumps({"format": "raaderum-idea-bank", "format_version": 2, "ideas": []}).encode(),
            "a.json",
            "Filen er i version 2 af formatet. Denne installation læser version 1.",
        ),
        (
            json.dumps({"format": "raaderum-idea-bank", "format_version": 1, "ideas": []}).encode(),
            "a.json",
            "Filen indeholder ingen idéer.",
        ),
        (b"title,type\nA,saving\n", "a.csv", "CSV-filen mangler kolonnerne format_version"),
        ("æøå".encode("latin-1"), "a.csv", "Filen er ikke UTF-8-tekst."),
        (b"x", "a.xlsx", "Upload en .json- eller .csv-fil i idébankens format."),
    ],
)
def test_a_file_that_cannot_be_read_says_why(client, world, content, name, message):
    client.force_login(world.budget_officer)
    response = upload(client, SimpleUploadedFile(name, content))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not BankIdea.objects.exists()


def test_a_csv_from_danish_excel_with_semicolons_and_a_bom_imports(client, world):
    rows = [
        "format_version;external_id;title;service_area;type;source_municipality_name;tags;effect_min_kr",
        "1;x-1;Solceller på tage;Ejendomme;Investering;Vestlev Kommune;energi | klima;-200000",
        ";;;;;;;",
    ]
    file = SimpleUploadedFile("idéer.csv", ("\ufeff" + "\r\n".join(rows)).encode("utf-8"))
    client.force_login(world.budget_officer)
    assert upload(client, file).status_code == 302
    idea = BankIdea.objects.get()
    assert (idea.title, idea.type, idea.tags, idea.effect_min) == (
        "Solceller på tage",
        "investment",
        ["energi", "klima"],
        -200_000,
    )


def test_what_is_exported_imports_again_unchanged(client, world):
    original = create_bank_idea(
        world.municipality,
        world.budget_officer,
        title='Samkørsel, "flextrafik" og kørsel',
        description="Linje 1\nLinje 2; med semikolon",
        effect_min=600_000,
        effect_max=1_200_000,
        function_code="5.32.32",
        source_code=707,
        links=["https://example.dk/a", "https://example.dk/b"],
        tags=["kørsel", "flextrafik"],
    )
    client.force_login(world.reader)
    for kind in ("json", "csv"):
        response = client.get(reverse("ideabank_export", args=[kind]))
        assert response["Content-Disposition"] == f'attachment; filename="idebank.{kind}"'
        entries, errors = exchange.read_file(f"x.{kind}", response.content)
        assert errors == []
        assert [e.model_fields() for e in entries] == [
            {
                "title": original.title,
                "service_area": "Folkeskoler",
                "function_code": "5.32.32",
                "type": "efficiency",
                "description": "Linje 1\nLinje 2; med semikolon",
                "effect_min": 600_000,
                "effect_max": 1_200_000,
                "source_name": "Norddjurs Kommune",
                "source_code": 707,
                "links": ["https://example.dk/a", "https://example.dk/b"],
                "tags": ["kørsel", "flextrafik"],
            }
        ]
        assert entries[0].external_id == original.external_id
    # Importing its own export updates the same idea.
    client.force_login(world.budget_officer)
    export = client.get(reverse("ideabank_export", args=["json"])).content
    upload(client, SimpleUploadedFile("idebank.json", export))
    assert BankIdea.objects.count() == 1


def test_the_json_export_says_format_version_and_licence(client, world):
    create_bank_idea(world.municipality, world.budget_officer, effect_min=100)
    client.force_login(world.reader)
    document = json.loads(client.get(reverse("ideabank_export", args=["json"])).content)
    assert document["format"] == "raaderum-idea-bank"
    assert document["format_version"] == 1
    assert document["licence"] == "CC-BY-4.0"
    assert set(document["ideas"][0]) == set(exchange.FIELDS)
    assert document["ideas"][0]["effect_min_kr"] == 100


def test_the_csv_export_opens_in_excel_and_carries_the_version_on_each_row(client, world):
    create_bank_idea(world.municipality, world.budget_officer, title="Æbler og øl")
    client.force_login(world.reader)
    content = client.get(reverse("ideabank_export", args=["csv"])).content
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == list(exchange.CSV_FIELDS)
    assert rows[1][0] == "1" and rows[1][2] == "Æbler og øl"


def test_the_export_follows_the_search(client, world):
    create_bank_idea(world.municipality, world.budget_officer, title="Vikarer")
    create_bank_idea(world.municipality, world.budget_officer, title="Gadelys", type="saving")
    client.force_login(world.reader)
    document = json.loads(
        client.get(reverse("ideabank_export", args=["json"]) + "?type=saving").content
    )
    assert [idea["title"] for idea in document["ideas"]] == ["Gadelys"]
    assert client.get(reverse("ideabank_export", args=["xml"])).status_code == 404


def test_the_documentation_names_every_field_and_the_version():
    docs = DOCS.read_text(encoding="utf-8")
    for name in exchange.CSV_FIELDS:
        assert f"`{name}`" in docs, name
    assert f'"format_version": {exchange.FORMAT_VERSION}' in docs
    assert exchange.LICENCE in docs


def test_a_nul_character_is_refused_not_a_database_error(client, world):
    client.force_login(world.budget_officer)
    response = upload(client, json_file(entry(title="Nul\x00tegn", tags=["a\x00"])))
    assert response.status_code == 422
    html = response.content.decode()
    assert html.count("Feltet indeholder tegnet NUL, som ikke er tilladt.") == 2
    assert not BankIdea.objects.exists()
