"""Tests for timeline.cite: Chicago notes and bibliography entries."""

from __future__ import annotations

import pytest

from timeline.cite import KIND_LABELS, Run, bibliography_entry, note, plain
from timeline.model import Source, SourceKind

CHAPTER = Source(id="t", type="chapter", title="The End of the Gulag", author=("Aleksei Tikhonov",),
                 editor=("Paul R. Gregory", "Valery Lazarev"), container_title="The Economics of Forced Labor",
                 publisher="Hoover Institution Press", issued="2003")

NOTES = [
    (CHAPTER, "p. 67", "Aleksei Tikhonov, “The End of the Gulag,” in The Economics of Forced Labor, "
                       "ed. Paul R. Gregory and Valery Lazarev (Hoover Institution Press, 2003), p. 67."),
    (Source(id="w", type="webpage", title="Foo"), "", "“Foo.”"),
    (Source(id="w", type="webpage", title="Foo", url="https://x.org"), "", "“Foo,” https://x.org."),
    (Source(id="w", type="webpage", title="Foo?", url="https://x.org"), "", "“Foo?” https://x.org."),
    (Source(id="w", type="webpage", title="Foo"), "para. 3", "“Foo,” para. 3."),
    (Source(id="b", type="book", title="Why?", author=("A B",)), "", "A B, Why?"),
    (Source(id="b", type="book", title="Why?", author=("A B",)), "p. 3", "A B, Why?, p. 3."),
    (Source(id="b", type="book", title="T", issued="n.d."), "", "T (n.d.)."),
    (Source(id="m", type="manuscript", archive="HIA", archive_location="Fond 9414"), "d. 5", "HIA, Fond 9414, d. 5."),
    (Source(id="x"), "", "x"),
]


@pytest.mark.parametrize(("src", "locator", "expected"), NOTES)
def test_note(src: Source, locator: str, expected: str) -> None:
    """A note ends with exactly one full stop, inside closing quotation marks."""
    assert plain(note(src, locator)) == expected


BIBLIOGRAPHY = [
    (CHAPTER, "Tikhonov, Aleksei. “The End of the Gulag.” In The Economics of Forced Labor, edited by "
              "Paul R. Gregory and Valery Lazarev. Hoover Institution Press, 2003."),
    (Source(id="w", type="webpage", title="Foo", url="https://x.org"), "“Foo.” https://x.org."),
    (Source(id="b", type="book", title="Why?", author=("A B",)), "B, A. Why?"),
    (Source(id="b", type="book", title="T", issued="n.d."), "T. n.d."),
    (Source(id="x"), "x"),
]


@pytest.mark.parametrize(("src", "expected"), BIBLIOGRAPHY)
def test_bibliography_entry(src: Source, expected: str) -> None:
    """Bibliography parts are joined by single full stops, never doubled after ? or n.d."""
    assert plain(bibliography_entry(src)) == expected


def test_titles_of_whole_works_are_italic() -> None:
    """The container of a chapter and a book's title come as italic runs."""
    assert Run("The Economics of Forced Labor", italic=True) in note(CHAPTER, "p. 1")
    assert Run("Why?", italic=True) in bibliography_entry(Source(id="b", type="book", title="Why?"))


def test_kind_labels_cover_every_kind() -> None:
    """Every source kind has a bibliography heading."""
    assert set(KIND_LABELS) == set(SourceKind)
