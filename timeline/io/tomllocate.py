"""Where in the TOML files a part of the read timeline was written, for the validation pass's diagnostics.

The validation pass (:mod:`timeline.io.validate`) names what it refuses by
a model path such as ``("events", 2, "claims", 0, "citations", 1)``;
:func:`locate` turns it into a file, line and column through the
:class:`Origins` the table reader kept: the file and key path of each
object it built.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from timeline.io.tomlfile import KeyPath, Located, TomlFile
from timeline.io.validate import ModelPath, Where
from timeline.model.records import Citation
from timeline.model.timeline import Timeline

__all__ = ["Origins", "locate"]


class Origins(NamedTuple):
    """Where the reader found each part of the timeline, in the order the timeline holds them."""

    header: Mapping[str, Located]      # [timeline] keys
    sources: Mapping[str, Located]     # by source id
    lanes: Sequence[Located]
    eras: Sequence[Located]
    events: Sequence[Located]
    strays: Sequence[Located]          # citations of objects that could not be built


def locate(origins: Origins, tl: Timeline, path: ModelPath) -> Where | None:
    """Where a part of the model was written (see :mod:`timeline.io.validate`)."""
    if len(path) < 2:
        return None
    head, key, rest = path[0], path[1], path[2:]
    if head == "stray" and isinstance(key, int):
        loc = origins.strays[key]
        pos = loc.file.index.find_text(loc.path, f'"{loc.value.source}"')
        return Where(loc.file.name, pos.line, pos.column + 1, pos.text) if pos else None
    if head == "timeline":
        loc = origins.header.get(str(key))
        return _where(loc.file, loc.path, value=True) if loc else None
    if head == "sources":
        loc = origins.sources.get(str(key))
        if loc is None:
            return None
        return _where(loc.file, (*loc.path, str(rest[0]).replace("_", "-")) if rest else loc.path, bool(rest))
    items = {"events": origins.events, "eras": origins.eras, "lanes": origins.lanes}.get(str(head))
    if items is None or not isinstance(key, int) or key >= len(items):
        return None
    loc = items[key]
    base = loc.path
    if len(rest) >= 2 and rest[0] == "claims" and isinstance(rest[1], int) and rest[1] < len(loc.claim_paths):
        base, rest = loc.claim_paths[rest[1]], rest[2:]
    elif rest and rest[0] == "claims":
        return None
    if not rest:
        return _where(loc.file, base)
    if rest[0] == "media" and len(rest) >= 2:  # an inline table: find the value's text in it
        media = getattr(getattr(tl, str(head))[key], "media", None)
        value = getattr(media, str(rest[1]), "") if media is not None else ""
        pos = loc.file.index.find_text((*base, "media"), value) if value else None
        return Where(loc.file.name, pos.line, pos.column, pos.text) if pos else _where(loc.file, (*base, "media"))
    if rest[0] == "citations" and len(rest) >= 2:
        citation = _citation_at(tl, path)
        pos = loc.file.index.find_text((*base, "citations"), f'"{citation.source}"') if citation else None
        if pos is None:
            return _where(loc.file, (*base, "citations"))
        return Where(loc.file.name, pos.line, pos.column + 1, pos.text)
    return _where(loc.file, (*base, rest[0]), value=True)


def _where(f: TomlFile, path: KeyPath, value: bool = False) -> Where | None:
    pos = f.index.find_value(path) if value else f.index.find(path)
    if pos is None and value:
        pos = f.index.find(path)
    return Where(f.name, pos.line, pos.column, pos.text) if pos else None


def _citation_at(tl: Timeline, path: ModelPath) -> Citation | None:
    """The citation a model path such as ("events", 2, "claims", 0, "citations", 1) names."""
    try:
        owner: Any = getattr(tl, str(path[0]))[path[1]]
        if path[2] == "claims":
            owner = owner.claims[path[3]]
        return owner.citations[path[-1]]
    except (AttributeError, IndexError, TypeError):
        return None
