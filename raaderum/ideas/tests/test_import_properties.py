"""Property-based tests of entering ideas in bulk, through the page: pasted lines, CSV and Excel.

Generated rows are good (must all be entered), bad in a known way (the whole batch must be
refused and that row named) or wild (any text: either every row is entered or none). Whatever
the input, the page answers: never a crash, never some of the rows, and every error it shows is
Danish. Each example runs in a savepoint that is rolled back.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from raaderum.communication.models import Event
from raaderum.ideas import bulk
from raaderum.ideas.models import TITLE_MAX_LENGTH, Idea
from raaderum.lib.tests.danish import assert_danish
from raaderum.proposals.models import Origin
from raaderum.test import World

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text for one cell of one line: no tab and nothing str.splitlines() breaks a line at.
LINE_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
words = st.text(
    alphabet=st.characters(
        blacklist_characters=LINE_BREAKS, blacklist_categories=("Cs", "Cc", "Cn")
    ),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "")
wild_text = st.text(alphabet=st.characters(blacklist_characters=LINE_BREAKS), max_size=40)
emails = st.builds(
    "{}@{}.dk".format,
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12),
)
HEADER_NAMES = {"titel", "title", "overskrift"}


@dataclass(frozen=True)
class Row:
    cells: tuple[str, str, str, str]  # title, description, name, e-mail
    kind: str  # "good", "bad" or "wild"


good_rows = st.builds(
    lambda title, description, name, email: Row((title, description, name, email), "good"),
    words.filter(lambda t: t.strip().lower().replace(" ", "") not in HEADER_NAMES),
    st.one_of(st.just(""), words),
    st.one_of(st.just(""), words),
    st.one_of(st.just(""), emails),
)
bad_rows = st.one_of(
    # No title, but something else: not a blank line.
    st.builds(lambda d: Row(("", d, "", ""), "bad"), words),
    # A title longer than the 200 characters allowed.
    st.builds(
        lambda n: Row(("x" * n, "", "", ""), "bad"),
        st.integers(TITLE_MAX_LENGTH + 1, TITLE_MAX_LENGTH + 50),
    ),
    st.builds(
        lambda title, email: Row((title, "", "", email), "bad"),
        words.filter(lambda t: t.strip().lower() not in HEADER_NAMES),
        st.sampled_from(["ikke-en-mail", "bo@", "@kommune.dk", "a@b", "a b@kommune.dk"]),
    ),
)
wild_rows = st.builds(
    lambda cells: Row(cells, "wild"), st.tuples(wild_text, wild_text, wild_text, wild_text)
)
# Half the batches are all good, so that entering is tried as often as refusing.
rows = st.one_of(
    st.lists(good_rows, min_size=1, max_size=6),
    st.lists(st.one_of(good_rows, bad_rows, wild_rows), min_size=1, max_size=6),
)


def url(world: World) -> str:
    return reverse("idea_import", args=[world.round.public_id])


def snapshot() -> tuple[int, int]:
    return Idea.objects.count(), Event.objects.count()


def shown_errors(response) -> list[str]:
    form = response.context["form"]
    messages = [message for errors in form.errors.values() for message in errors]
    return messages + [m for row in form.row_errors for m in row.messages]


def check(response, before: tuple[int, int], generated: list[Row], numbers: list[int]) -> None:
    """The batch is entered whole or not at all; a refusal says why in Danish.

    numbers: the row number the user sees for each generated row.
    """
    kinds = {row.kind for row in generated}
    event("entered" if response.status_code == 302 else "refused")
    if response.status_code == 302:
        assert "bad" not in kinds
        entered = [row for row in generated if any(cell.strip() for cell in row.cells)]
        assert snapshot() == (before[0] + len(entered), before[1] + 1)
        titles = sorted(Idea.objects.values_list("title", flat=True))
        assert titles == sorted(row.cells[0].strip() for row in entered)
        return
    assert response.status_code == 200
    assert kinds != {"good"}, shown_errors(response)
    assert snapshot() == before  # not one idea, not the event
    assert_danish(shown_errors(response))
    bad = {n for row, n in zip(generated, numbers, strict=True) if row.kind == "bad"}
    good = {n for row, n in zip(generated, numbers, strict=True) if row.kind == "good"}
    named = {error.number for error in response.context["form"].row_errors}
    if named:  # the rows were read: every bad row, and no good one, is named
        assert bad <= named
        assert not (good & named)


@SETTINGS
@given(generated=rows, blank_lines=st.lists(st.booleans(), min_size=6, max_size=6))
@example(generated=[Row(("Færre printere", "", "", "\x00"), "wild")], blank_lines=[False] * 6)
def test_pasted_lines_are_entered_whole_or_not_at_all(
    client, world: World, generated: list[Row], blank_lines: list[bool]
) -> None:
    client.force_login(world.budget_officer)
    lines, numbers = [], []
    for row, blank_before in zip(generated, blank_lines, strict=False):
        if blank_before:
            lines.append("")
        lines.append("\t".join(row.cells))
        numbers.append(len(lines))
    first = next((row for row in generated if any(c.strip() for c in row.cells)), None)
    # A first line naming the columns is skipped: that is the format, not a lost row.
    assume(first is None or first.cells[0].strip().lower().replace(" ", "") not in HEADER_NAMES)
    with transaction.atomic():
        before = snapshot()
        data = {"origin": Origin.WORKSHOP, "lines": "\n".join(lines)}
        check(client.post(url(world), data), before, generated, numbers)
        transaction.set_rollback(True)


def csv_upload(generated: list[Row], separator: str, bom: bool) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(bulk.HEADER_ROW)
    for row in generated:
        writer.writerow(row.cells)
    text = ("\ufeff" if bom else "") + buffer.getvalue()
    return SimpleUploadedFile("idéer.csv", text.encode("utf-8"))


@SETTINGS
@given(generated=rows, separator=st.sampled_from([";", ","]), bom=st.booleans())
def test_a_csv_file_is_entered_whole_or_not_at_all(
    client, world: World, generated: list[Row], separator: str, bom: bool
) -> None:
    client.force_login(world.budget_officer)
    with transaction.atomic():
        before = snapshot()
        upload = csv_upload(generated, separator, bom)
        response = client.post(url(world), {"origin": Origin.WORKSHOP, "file": upload})
        # The column names are row 1; each record after it is a row, blank ones skipped.
        check(response, before, generated, list(range(2, len(generated) + 2)))
        transaction.set_rollback(True)


def xlsx_bytes(generated: list[Row]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(bulk.HEADER_ROW))
    for row in generated:
        sheet.append(list(row.cells))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@SETTINGS
@given(generated=rows)
def test_an_excel_file_is_entered_whole_or_not_at_all(
    client, world: World, generated: list[Row]
) -> None:
    # Excel cannot hold control characters (openpyxl refuses to write them), and openpyxl
    # writes text starting with "=" as a formula, whose value only Excel computes.
    cells = [cell for row in generated for cell in row.cells]
    assume(not any(ILLEGAL_CHARACTERS_RE.search(cell) for cell in cells))
    assume(
        not any(
            cell.startswith("=") for row in generated if row.kind == "good" for cell in row.cells
        )
    )
    client.force_login(world.budget_officer)
    with transaction.atomic():
        before = snapshot()
        upload = SimpleUploadedFile("idéer.xlsx", xlsx_bytes(generated))
        response = client.post(url(world), {"origin": Origin.WORKSHOP, "file": upload})
        check(response, before, generated, list(range(2, len(generated) + 2)))
        transaction.set_rollback(True)


GOOD_WORKBOOK = xlsx_bytes([Row(("Færre printere", "Én pr. etage", "Anna", ""), "good")])


def with_member(workbook: bytes, member: str, content: bytes) -> bytes:
    """The workbook with one of its files replaced: a damage only a full reader notices."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, content if name == member else source.read(name))
    return out.getvalue()


@SETTINGS
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=3000).map(lambda tail: bulk.XLSX_MAGIC + tail),
        # A real workbook cut short or with a stretch of it overwritten.
        st.integers(0, len(GOOD_WORKBOOK) - 1).map(lambda n: GOOD_WORKBOOK[:n]),
        st.tuples(st.integers(0, len(GOOD_WORKBOOK) - 1), st.binary(min_size=1, max_size=64)).map(
            lambda cut: GOOD_WORKBOOK[: cut[0]] + cut[1] + GOOD_WORKBOOK[cut[0] + len(cut[1]) :]
        ),
    ),
    name=st.sampled_from(["idéer.xlsx", "idéer.csv", "IDÉER.XLSX", "idéer.pdf", "idéer"]),
)
@example(content=b"", name="idéer.csv")
@example(content=with_member(GOOD_WORKBOOK, "xl/worksheets/sheet1.xml", b"<<<"), name="idéer.xlsx")
@example(content=with_member(GOOD_WORKBOOK, "xl/workbook.xml", b"<a/>"), name="idéer.xlsx")
@example(content=b"\xff\xfe\x00T\x00i", name="idéer.csv")
@example(content=b"Titel;Beskrivelse\n\x00;x", name="idéer.csv")
def test_any_bytes_uploaded_change_nothing_unless_they_are_a_good_file(
    client, world: World, content: bytes, name: str
) -> None:
    client.force_login(world.budget_officer)
    with transaction.atomic():
        before = snapshot()
        upload = SimpleUploadedFile(name, content)
        response = client.post(url(world), {"origin": Origin.WORKSHOP, "file": upload})
        if response.status_code == 302:  # an overwritten stretch the workbook did not need
            event("entered")
            assert content != GOOD_WORKBOOK[: len(content)] or len(content) == len(GOOD_WORKBOOK)
            assert snapshot() == (before[0] + 1, before[1] + 1)
            assert Idea.objects.get().title == "Færre printere"
        else:
            event("refused")
            assert response.status_code == 200
            assert snapshot() == before
            assert_danish(shown_errors(response))
        transaction.set_rollback(True)
