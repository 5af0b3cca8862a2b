"""The documents for a kommune's IT and the user guides stay true to the code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def test_every_picture_a_document_shows_exists():
    missing = [
        f"{document.relative_to(ROOT)}: {target}"
        for document in _documents()
        for target in IMAGE.findall(document.read_text())
        if not target.startswith("http") and not (document.parent / target).resolve().is_file()
    ]
    assert missing == []


def test_every_picture_of_the_guides_is_made_by_make_screenshots():
    """So that `make screenshots` refreshes every picture the guides show."""
    script = (ROOT / "scripts" / "screenshots.py").read_text()
    shown = {
        Path(target).stem
        for document in [ROOT / "README.md", *sorted((DOCS / "guide").glob("*.md"))]
        for target in IMAGE.findall(document.read_text())
    }
    assert shown, "the guides show no pictures"
    assert {name for name in shown if f'"{name}"' not in script} == set()


def test_every_role_has_a_guide_with_pictures():
    for guide in ("oekonomi", "direktoer", "forslagsejer", "bidragyder-og-laeser", "politiker"):
        text = (DOCS / "guide" / f"{guide}.md").read_text()
        assert IMAGE.search(text), guide
    for guide in ("borger", "it"):
        assert (DOCS / "guide" / f"{guide}.md").is_file()


def test_every_management_command_is_in_the_interface_description():
    commands = {
        path.stem
        for path in ROOT.glob("raaderum/*/management/commands/*.py")
        if not path.stem.startswith("_")
    }
    interfaces = (DOCS / "interfaces.md").read_text()
    assert {name for name in commands if f"`{name}" not in interfaces} == set()
