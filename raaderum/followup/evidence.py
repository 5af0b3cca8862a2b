"""Which files may be attached as evidence: by extension AND by what the bytes actually are.

Pure: takes a name and the bytes. A file whose content does not match its extension is refused
(a renamed .exe or .html is never stored, so never served). The content type sent back when the
file is downloaded comes from this table, never from what the uploader's browser claimed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MAX_SIZE = 10 * 1024 * 1024  # 10 MB

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "csv": "text/csv",
}
ALLOWED = ("pdf", "docx", "xlsx", "png", "jpg", "csv")  # as told to the user

# Refusal codes; the form turns them into Danish messages.
EMPTY = "empty"
TOO_LARGE = "too_large"
TYPE_NOT_ALLOWED = "type_not_allowed"
CONTENT_MISMATCH = "content_mismatch"


@dataclass(frozen=True)
class Checked:
    extension: str
    content_type: str


class EvidenceRefused(ValueError):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def extension_of(name: str) -> str:
    _stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and _stem else ""


def _office_part(content: bytes, part: str) -> bool:
    """A .docx/.xlsx is a ZIP holding [Content_Types].xml and its main part."""
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return "[Content_Types].xml" in names and part in names


def _is_text(content: bytes) -> bool:
    """CSV: text in UTF-8 (with or without BOM) or Windows-1252, no control characters, and not
    markup a browser would render if it ever ignored the download header."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(ord(char) < 32 and char not in "\t\r\n" for char in text):
            return False
        return not text.lstrip().startswith("<")
    return False


def content_matches(extension: str, content: bytes) -> bool:
    if extension == "pdf":
        return content.startswith(b"%PDF-")
    if extension == "png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return content.startswith(b"\xff\xd8\xff")
    if extension == "docx":
        return _office_part(content, "word/document.xml")
    if extension == "xlsx":
        return _office_part(content, "xl/workbook.xml")
    if extension == "csv":
        return _is_text(content)
    return False


def check(name: str, content: bytes, *, max_size: int = MAX_SIZE) -> Checked:
    """The file's extension and the content type to serve it with, or EvidenceRefused."""
    if not content:
        raise EvidenceRefused(EMPTY)
    if len(content) > max_size:
        raise EvidenceRefused(TOO_LARGE)
    extension = extension_of(name)
    if extension not in CONTENT_TYPES:
        raise EvidenceRefused(TYPE_NOT_ALLOWED)
    if not content_matches(extension, content):
        raise EvidenceRefused(CONTENT_MISMATCH)
    return Checked(extension, CONTENT_TYPES[extension])
