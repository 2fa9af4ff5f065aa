"""A small Chicago notes-bibliography formatter for our CSL-JSON subset.

Output is a tuple of :class:`Run` (text plus an italic flag), so SVG and
HTML renderers can set titles of books and containers in italics without
this module knowing either format.  ``plain()`` joins runs as text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from timeline.model.records import Source, SourceKind

__all__ = ["KIND_LABELS", "Run", "bibliography_entry", "note", "plain"]

#: Headings for bibliography groups, in the order they are shown.
KIND_LABELS = {
    SourceKind.SCHOLARLY: "Scholarly works",
    SourceKind.PRIMARY: "Primary and archival sources",
    SourceKind.REFERENCE: "Reference works",
    SourceKind.JOURNALISM: "Journalism",
    SourceKind.PARTISAN: "Partisan and polemical texts",
    SourceKind.BLOG: "Blogs",
    SourceKind.FORUM: "Forums and Q&A",
    SourceKind.OTHER: "Other sources",
}

_CONTAINED = {"chapter", "article-journal", "article-magazine", "article-newspaper", "entry-encyclopedia",
              "paper-conference", "post-weblog", "post", "webpage", "entry"}


@attrs.frozen
class Run:
    """A piece of formatted text; ``italic`` for titles of whole works."""

    text: str
    italic: bool = False


def plain(runs: Sequence[Run]) -> str:
    """The runs as plain text."""
    return "".join(r.text for r in runs)


def _names(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _inverted(name: str) -> str:
    if "," in name or " " not in name.strip():
        return name
    given, family = name.rsplit(" ", 1)
    return f"{family}, {given}"


def _close(text: str, mark: str) -> str:
    """Add a mark unless the text already ends in punctuation."""
    return text if text.endswith((".", "?", "!")) else text + mark


def _separator(runs: Sequence[Run]) -> str:
    """The comma before the next part, unless a quoted title already closed with one (or ? or !)."""
    return "" if not runs or plain(runs).endswith((",”", "?”", "!”")) else ","


def _end_sentence(runs: list[Run]) -> None:
    """End with a full stop: inside closing quotation marks, and never after ? ! or another stop."""
    last = runs[-1]
    if last.text.endswith("”"):
        inner = last.text[:-1]
        if not inner.endswith((".", "?", "!")):
            runs[-1] = Run(inner.rstrip(",") + ".”", last.italic)
    elif not last.text.rstrip().endswith((".", "?", "!")):
        runs.append(Run("."))


def _title_runs(src: Source, closing: str) -> list[Run]:
    if not src.title:
        return []
    if src.type in _CONTAINED:
        # Chicago puts the comma inside the quotation marks, unless the title ends in ? or !.
        return [Run(f"“{src.title if src.title.endswith(('?', '!')) else src.title + closing}”")]
    return [Run(src.title, italic=True)]


def note(src: Source, locator: str = "") -> tuple[Run, ...]:
    """A full Chicago-style note for a source, ending with the locator."""
    head, separator = _note_head(src, bool(locator))
    runs = list(head)
    tail = []
    if src.archive and src.title:
        tail.append(src.archive)
    if src.archive_location:
        tail.append(src.archive_location)
    if locator:
        tail.append(locator)
    if tail:
        runs.append(Run(separator + " " + ", ".join(tail)))
    if src.url:
        runs.append(Run(f"{_separator(runs)} {src.url}"))
    text = plain(runs).strip()
    if not text:
        return (Run(src.id),)
    _end_sentence(runs)
    if runs[0].text.startswith(" "):
        runs[0] = Run(runs[0].text.lstrip(), runs[0].italic)
    return tuple(r for r in runs if r.text)


def _note_head(src: Source, has_locator: bool) -> tuple[tuple[Run, ...], str]:
    """The runs of a note before its locator part, and the separator that part takes: the same for every
    note of one source (a source list cites a few sources at many pages), so made once per source."""
    key = (src, has_locator)
    try:
        return _HEADS[key]
    except KeyError:
        pass
    except TypeError:  # a source holding an unhashable value (built by hand): made each time
        return _make_note_head(src, has_locator)
    if len(_HEADS) >= 4096:
        _HEADS.clear()
    made = _HEADS[key] = _make_note_head(src, has_locator)
    return made


_HEADS: dict[tuple[Source, bool], tuple[tuple[Run, ...], str]] = {}


def _make_note_head(src: Source, has_locator: bool) -> tuple[tuple[Run, ...], str]:
    runs: list[Run] = []
    if src.author:
        runs.append(Run(_names(src.author) + ", "))
    contained = src.type in _CONTAINED
    follows = (src.container_title and contained) or src.editor or src.publisher or src.issued or has_locator \
        or src.url or src.archive or src.archive_location
    runs += _title_runs(src, "," if follows else "")
    if contained and src.container_title:
        runs.append(Run(" in " if src.type == "chapter" else " "))
        runs.append(Run(src.container_title, italic=True))
    elif src.archive and not src.title:
        runs.append(Run(src.archive))
    if src.editor:
        runs.append(Run(f", ed. {_names(src.editor)}"))
    pub = ", ".join(x for x in (src.publisher, src.issued) if x)
    if pub:
        runs.append(Run(f" ({pub})"))
    return tuple(runs), _separator(runs)


def bibliography_entry(src: Source) -> tuple[Run, ...]:
    """A Chicago-style bibliography entry (first author inverted, parts joined by full stops)."""
    runs: list[Run] = []
    if src.author:
        names = [_inverted(src.author[0]), *src.author[1:]]
        runs.append(Run(_close(_names(names), ".") + " "))
    if src.title:
        if src.type in _CONTAINED:
            runs.append(Run(f"“{_close(src.title, '.')}”"))
        else:
            runs.append(Run(src.title, italic=True))
            if not src.title.endswith((".", "?", "!")):
                runs.append(Run("."))
    if src.type in _CONTAINED and src.container_title:
        runs.append(Run(" In " if src.type == "chapter" else " "))
        runs.append(Run(src.container_title, italic=True))
        if src.editor:
            runs.append(Run(f", edited by {_names(src.editor)}"))
        runs.append(Run("."))
    pub = ", ".join(x for x in (src.publisher, src.issued) if x)
    if pub:
        runs.append(Run(f" {_close(pub, '.')}"))
    place = ", ".join(x for x in (src.archive, src.archive_location) if x)
    if place:
        runs.append(Run(f" {_close(place, '.')}"))
    if src.url:
        runs.append(Run(f" {src.url}."))
    if not runs:
        return (Run(src.id),)
    first = runs[0]
    runs[0] = Run(first.text.lstrip(), first.italic)
    return tuple(runs)
