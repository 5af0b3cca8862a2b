from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from openpyxl import Workbook, load_workbook

from raaderum.proposals.models import Effect, Proposal, ProposalStatus
from raaderum.test import World

pytestmark = pytest.mark.django_db

PROPOSAL_HEADINGS = [
    "Nr.",
    "Titel",
    "Udvalg (kode)",
    "Type",
    "Forslagsejer (brugernavn)",
    "Resumé i klart sprog",
]
EFFECT_HEADINGS = ["Nr.", "Fagområde", "År", "Beløb"]


def workbook(proposals: list[list[object]], effects: list[list[object]]) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Forslag"
    sheet.append(PROPOSAL_HEADINGS)
    for row in proposals:
        sheet.append(row)
    other = book.create_sheet("Effekter")
    other.append(EFFECT_HEADINGS)
    for row in effects:
        other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("forslag.xlsx", buffer.getvalue())


def url(world: World) -> str:
    return reverse("proposal_import", args=[world.round.public_id])


def test_a_valid_file_creates_draft_proposals_with_their_effects(client, world: World) -> None:
    upload = workbook(
        [
            [1, "Færre vikarer", "bu", "besparelse", "ole", "Vi bruger færre vikarer."],
            [2, "Velfærdsteknologi", "SU", "Investering", "dorte", ""],
        ],
        [
            [1, "Folkeskoler", 2027, 250],
            [1, "Folkeskoler", 2028, "1.500,5"],
            [2, "SU: Ældreområdet", 2027, -400],
            [2, "Ældreområdet", 2029, 600],
        ],
    )
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"file": upload, "unit": "tkr", "sign": "catalog"})
    assert response.status_code == 302, response.context["errors"]
    saving, investment = Proposal.objects.order_by("committee__position")
    assert saving.status == ProposalStatus.DRAFT
    assert saving.owner == world.owner
    assert saving.summary == "Vi bruger færre vikarer."
    assert investment.type == "investment"
    # Catalog sign in t.kr.: 250 t.kr. of råderum is an effect of −250.000 kr.
    assert {(e.year, e.amount) for e in saving.effects.all()} == {
        (2027, -250_000),
        (2028, -1_500_500),
    }
    assert {(e.year, e.amount) for e in investment.effects.all()} == {
        (2027, 400_000),
        (2029, -600_000),
    }


def test_accounts_sign_in_kroner_is_stored_as_it_is(client, world: World) -> None:
    upload = workbook(
        [[7, "Færre vikarer", "BU", "besparelse", "ole", ""]],
        [[7, "Dagtilbud", 2030, -12_345]],
    )
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"file": upload, "unit": "kr", "sign": "accounts"})
    assert response.status_code == 302
    assert Effect.objects.get().amount == -12_345


def test_any_bad_row_saves_nothing_and_every_error_is_listed(client, world: World) -> None:
    upload = workbook(
        [
            [1, "", "XX", "spareforslag", "pia", ""],
            [1, "God titel", "BU", "besparelse", "ole", ""],
            [3, "Også god", "SU", "effektivisering", "ole", ""],
        ],
        [
            [3, "Svømmehaller", 2026, "abc"],
            [9, "Folkeskoler", 2027, 1],
            [3, "Ældreområdet", 2027, 1.5],
            [3, "Ældreområdet", 2028, 2],
            [3, "ældreområdet ", 2028, 3],
        ],
    )
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"file": upload, "unit": "kr", "sign": "accounts"})
    assert response.status_code == 422
    errors = {(e.sheet, e.row, e.column.split(" ")[0]) for e in response.context["errors"]}
    assert errors == {
        ("Forslag", 2, "B"),  # empty title
        ("Forslag", 2, "C"),  # unknown committee
        ("Forslag", 2, "D"),  # unknown type
        ("Forslag", 2, "E"),  # a politician cannot own a proposal
        ("Forslag", 3, "A"),  # number used twice
        ("Effekter", 2, "B"),  # unknown area
        ("Effekter", 2, "C"),  # year outside the period
        ("Effekter", 2, "D"),  # not an amount
        ("Effekter", 3, "A"),  # no such proposal
        ("Effekter", 4, "D"),  # not whole kroner
        ("Effekter", 6, ""),  # same proposal, area and year twice
    }
    page = response.content.decode()
    for error in response.context["errors"]:
        assert escape(error.message) in page
    assert not Proposal.objects.exists()
    assert not Effect.objects.exists()


def test_the_file_must_be_xlsx_and_the_sign_and_unit_stated(client, world: World) -> None:
    client.force_login(world.budget_officer)
    response = client.post(
        url(world), {"file": SimpleUploadedFile("forslag.csv", b"Titel\nx"), "unit": "kr"}
    )
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"file", "sign"}
    fake = SimpleUploadedFile("forslag.xlsx", b"not a workbook")
    response = client.post(url(world), {"file": fake, "unit": "kr", "sign": "accounts"})
    assert response.status_code == 422
    assert "file" in response.context["form"].errors
    assert not Proposal.objects.exists()


def test_only_the_budget_office_imports(client, world: World) -> None:
    for user in (world.director, world.owner, world.politician):
        client.force_login(user)
        assert client.get(url(world)).status_code == 403
        template = reverse("proposal_import_template", args=[world.round.public_id])
        assert client.get(template).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404


def test_the_template_lists_what_may_be_written(client, world: World) -> None:
    client.force_login(world.budget_officer)
    response = client.get(reverse("proposal_import_template", args=[world.round.public_id]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Forslag", "Effekter", "Vejledning"]
    assert [c.value for c in book["Forslag"][1]][:6] == PROPOSAL_HEADINGS
    guide = [row[0] for row in book["Vejledning"].iter_rows(values_only=True)]
    assert "BU: Folkeskoler" in guide and 2030 in guide and "ole" in guide
