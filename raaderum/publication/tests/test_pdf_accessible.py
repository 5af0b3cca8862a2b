"""The catalog PDF is tagged for screen readers and shows each proposal's FTE and texts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from raaderum.proposals.models import ProposalStatus
from raaderum.publication.models import CatalogPdf, CatalogVersion, PdfStatus
from raaderum.publication.tasks import build_catalog_pdf
from raaderum.publication.tests.helpers import publish
from raaderum.publication.tests.test_pdf import figures_line
from raaderum.test import World, create_proposal

pytestmark = pytest.mark.django_db

DESCRIPTION = "Skolerne i Allingåbro og Vivild lægges sammen fra august 2027."
ASSUMPTIONS = "Elevtallet falder med 3 procent om året, som i befolkningsprognosen."


def publish_two(world: World) -> CatalogVersion:
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Sammenlægning af to skoler",
        summary="To små skoler bliver til én.",
        description=DESCRIPTION,
        consequences_service="Længere skolevej for 80 elever.",
        calculation_basis="Færre lærere og én bygning mindre.",
        assumptions=ASSUMPTIONS,
        effects={(world.schools, 2028): -2_400_000, (world.schools, 2029): -3_100_500},
        fte={2028: Decimal("-2.5"), 2029: Decimal("-4")},
        status=ProposalStatus.IN_CATALOG,
    )
    create_proposal(
        world.round,
        world.social,
        world.owner,
        title="Velfærdsteknologi i hjemmeplejen",
        summary="Flere skyllebadetoiletter.",
        effects={(world.elderly, 2027): 400_000, (world.elderly, 2029): -900_000},
        fte={2028: Decimal("1.25")},
        status=ProposalStatus.IN_CATALOG,
    )
    return publish(world)


def make_pdf(version: CatalogVersion) -> bytes:
    """As the worker makes it."""
    pdf = CatalogPdf.objects.create(version=version)
    build_catalog_pdf.call(pdf.pk)
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.DONE, pdf.error
    return bytes(pdf.content)


def poppler(tool: str, content: bytes, tmp_path: Path, *args: str) -> str:
    if not shutil.which(tool):
        pytest.skip(f"poppler-utils ({tool}) is not installed")
    path = tmp_path / "catalog.pdf"
    path.write_bytes(content)
    return subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
        [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def tagged_texts(structure: str) -> list[tuple[str, str]]:
    """(structure element, text) pairs from `pdfinfo -struct-text`, the element being the
    nearest one above the text that is not an inline Span."""
    found = []
    stack: list[tuple[int, str]] = []
    for line in structure.splitlines():
        indent = len(line) - len(line.lstrip())
        content = line.strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if content.startswith('"'):
            found.append((stack[-1][1] if stack else "", content.strip('"')))
        elif content and not content.startswith("/"):
            name = re.split(r"[\s:<(]", content, maxsplit=1)[0]
            if name != "Span":
                stack.append((indent, name))
    return found


def test_the_pdf_is_tagged_in_danish_with_a_title_and_an_outline_of_the_headings(
    world: World, tmp_path: Path
) -> None:
    content = make_pdf(publish_two(world))
    reader = PdfReader(io.BytesIO(content))
    root: Any = reader.trailer["/Root"]  # a DictionaryObject, typed as any PDF object
    assert root["/Lang"] == "da"
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert reader.metadata is not None
    assert reader.metadata.title == "Katalog – Budget 2027–2030 – version 1"
    # The bookmarks: contents, summary, then each committee with its proposals by code.
    outline = [
        [item.title for item in entry if not isinstance(item, list)]
        if isinstance(entry, list)
        else entry.title
        for entry in reader.outline
    ]
    assert outline == [
        "Indhold",
        "Oversigt pr. udvalg",
        "Børne- og Ungdomsudvalget",
        ["BU-01 Sammenlægning af to skoler"],
        "Social- og Sundhedsudvalget",
        ["SU-01 Velfærdsteknologi i hjemmeplejen"],
    ]

    structure = poppler("pdfinfo", content, tmp_path, "-struct-text")
    texts = tagged_texts(structure)
    assert ("H1", "Budget 2027–2030") in texts
    assert ("H2", "Børne- og Ungdomsudvalget") in texts
    assert ("H3", "Sammenlægning af to skoler") in texts
    assert ("H4", "Kort fortalt") in texts
    assert ("H4", "Forudsætninger") in texts
    assert ("Caption", "Råderum pr. fagområde og år, 1.000 kr.") in texts
    # Column and row headers are header cells, and the figures say which headers they have.
    assert ("TH", "2029") in texts
    assert ("TH", "Folkeskoler (BU)") in texts
    assert ("TH", "Ændring i personale (årsværk)") in texts
    assert ("TD", "3.101") in texts  # BU-01's råderum in 2029, 1,000 kr.
    assert re.search(r"TD:\s+/Headers \[\(\S+\) \(\S+\)\]", structure)
    assert "Tagged:          yes" in poppler("pdfinfo", content, tmp_path)


def test_each_proposal_shows_its_fte_description_and_assumptions_after_the_summary(
    world: World, tmp_path: Path
) -> None:
    content = make_pdf(publish_two(world))
    text = poppler("pdftotext", content, tmp_path, "-layout")
    flat = " ".join(text.split())
    # FTE per year with a decimal comma and a real minus, in the proposal's figures...
    assert figures_line(text, ["Ændring i personale (årsværk)", "0,00", "−2,50", "−4,00", "0,00"])
    assert figures_line(text, ["Ændring i personale (årsværk)", "0,00", "1,25", "0,00", "0,00"])
    # ... and summed over the catalog in the summary.
    assert figures_line(
        text, ["Ændring i personale i alle forslag (årsværk)", "0,00", "−1,25", "−4,00", "0,00"]
    )
    section = flat[flat.index("BU-01 · Børne- og Ungdomsudvalget") :]
    order = [
        "Kort fortalt To små skoler bliver til én.",
        f"Beskrivelse {DESCRIPTION}",
        "Konsekvenser for servicen Længere skolevej for 80 elever.",
        "Beregningsgrundlag Færre lærere og én bygning mindre.",
        f"Forudsætninger {ASSUMPTIONS}",
        "Forslagsejer:",
    ]
    positions = [section.index(part) for part in order]
    assert positions == sorted(positions)
    # The proposal without a description or assumptions shows no empty headings.
    other = flat[flat.index("SU-01 · Social- og Sundhedsudvalget") :]
    assert "Beskrivelse" not in other and "Forudsætninger" not in other
