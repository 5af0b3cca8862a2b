"""Evidence files are allowed by extension AND content; the served type comes from the table."""

import io
import zipfile

import pytest

from raaderum.followup import evidence


def office(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
    return buffer.getvalue()


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
DOCX = office("word/document.xml")
XLSX = office("xl/workbook.xml")
CSV = "År;Beløb\n2027;1.000.200\n".encode()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("regnskab.pdf", PDF, "application/pdf"),
        ("REGNSKAB.PDF", PDF, "application/pdf"),
        ("graf.png", PNG, "image/png"),
        ("foto.jpg", JPG, "image/jpeg"),
        ("foto.jpeg", JPG, "image/jpeg"),
        (
            "notat.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("tal.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("tal.csv", CSV, "text/csv"),
        ("tal.csv", "År;Beløb\n".encode("cp1252"), "text/csv"),
        ("tal.csv", "\ufeffÅr;Beløb\n".encode(), "text/csv"),
    ],
)
def test_it_accepts_allowed_files(name, content, content_type):
    assert evidence.check(name, content).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("tom.pdf", b"", evidence.EMPTY),
        ("program.exe", b"MZ\x90\x00", evidence.TYPE_NOT_ALLOWED),
        ("side.html", b"<html></html>", evidence.TYPE_NOT_ALLOWED),
        ("uden-endelse", PDF, evidence.TYPE_NOT_ALLOWED),
        (".pdf", PDF, evidence.TYPE_NOT_ALLOWED),
        ("forklædt.pdf", b"MZ\x90\x00 not a pdf", evidence.CONTENT_MISMATCH),
        ("forklædt.png", JPG, evidence.CONTENT_MISMATCH),
        ("forklædt.jpg", PNG, evidence.CONTENT_MISMATCH),
        ("notat.docx", XLSX, evidence.CONTENT_MISMATCH),  # a workbook named as a document
        ("tal.xlsx", b"PK\x03\x04 broken zip", evidence.CONTENT_MISMATCH),
        ("tal.csv", b"<script>alert(1)</script>", evidence.CONTENT_MISMATCH),
        ("tal.csv", b"a;b\x00c", evidence.CONTENT_MISMATCH),
        ("tal.csv", PNG, evidence.CONTENT_MISMATCH),
    ],
)
def test_it_refuses_by_extension_and_content(name, content, code):
    with pytest.raises(evidence.EvidenceRefused) as refused:
        evidence.check(name, content)
    assert refused.value.code == code


def test_it_refuses_a_file_over_the_limit():
    assert evidence.check("stor.pdf", PDF + b"x" * 100, max_size=200)
    with pytest.raises(evidence.EvidenceRefused) as refused:
        evidence.check("stor.pdf", PDF + b"x" * 200, max_size=200)
    assert refused.value.code == evidence.TOO_LARGE
    assert evidence.MAX_SIZE == 10 * 1024 * 1024
