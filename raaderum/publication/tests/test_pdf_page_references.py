"""The cached page references give what pydyf computes, also as pages are added."""

from __future__ import annotations

import pydyf

from raaderum.publication.pdf import _cache_page_references


def pydyfs_own(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's definition: "N 0 R" for each page object in the page tree, in order."""
    return tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])


def test_the_references_follow_the_pages_as_they_are_added() -> None:
    _cache_page_references()
    _cache_page_references()  # a second call changes nothing
    assert pydyf.PDF.page_references.fget.cached is True
    pdf = pydyf.PDF()
    assert pdf.page_references == () == pydyfs_own(pdf)
    for count in range(1, 5):
        pdf.add_object(pydyf.Dictionary({"Type": "/Font"}))  # numbers need not be consecutive
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == pydyfs_own(pdf)
        assert len(pdf.page_references) == count
    other = pydyf.PDF()
    other.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert other.page_references == pydyfs_own(other) != pdf.page_references
