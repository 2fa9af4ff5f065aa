"""Write a timeline as our TOML event format (docs/format.md), deterministically.

``tomllib`` only reads, so this is a small writer for exactly our schema:
fixed key order, sources sorted by id, events and eras in their order,
strings escaped per TOML 1.0 (multi-line text as ``\"\"\"`` strings).
Writing then reading gives back the same timeline; a date is written in
its original wording when that wording parses to the same EDTF, else as EDTF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from timeline.dates import HistoricalDate, Span, parse_date, portable_text
from timeline.errors import DateError, Diagnostic
from timeline.model.records import Citation, Claim, Event, Quantity, Source, SourceKind
from timeline.model.timeline import Timeline

__all__ = ["toml_text", "write_toml"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape_char(ch: str, multiline: bool) -> str:
    if multiline and ch in "\n\t":
        return ch
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ord(ch) < 0x20 or ord(ch) == 0x7F:
        return f"\\u{ord(ch):04X}"
    return ch


def string(text: str) -> str:
    """A TOML basic string (multi-line when the text has line breaks)."""
    multiline = "\n" in text
    body = "".join(_escape_char(ch, multiline) for ch in text)
    if multiline:
        return f'"""\n{body}"""'
    return f'"{body}"'


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else string(name)


def _number(value: float) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # exactly, however large (never through float)
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))


def _date(when: HistoricalDate | Span | None) -> str:
    assert when is not None
    if when.calendar != "gregorian":
        return string(portable_text(when))   # "25 October 1917 (O.S.)": no calendar key to lose
    wording = when.text
    if wording and wording != when.edtf:
        try:
            if parse_date(wording).edtf == when.edtf:
                return string(wording)
        except DateError:
            pass
    return string(when.edtf)


def _inline(pairs: Iterable[tuple[str, str]]) -> str:
    return "{ " + ", ".join(f"{_key(k)} = {v}" for k, v in pairs) + " }"


def _citation(c: Citation) -> str:
    pairs = [("source", string(c.source))]
    if c.locator:
        pairs.append(("locator", string(c.locator)))
    if c.quote:
        pairs.append(("quote", string(c.quote)))
    return _inline(pairs)


def _citations(citations: Sequence[Citation]) -> list[str]:
    if not citations:
        return []
    if len(citations) == 1:
        return [f"citations = [{_citation(citations[0])}]"]
    return ["citations = [", *(f"  {_citation(c)}," for c in citations), "]"]


def _quantity(q: Quantity) -> str:
    pairs = []
    for name in ("value", "low", "high"):
        v = getattr(q, name)
        if v is not None:
            pairs.append((name, _number(v)))
    if q.approximate:
        pairs.append(("approximate", "true"))
    if q.unit:
        pairs.append(("unit", string(q.unit)))
    return _inline(pairs)


def _text_fields(obj: Any, names: Sequence[str]) -> list[str]:
    return [f"{name} = {string(getattr(obj, name))}" for name in names if getattr(obj, name)]


def _source(src: Source) -> list[str]:
    lines = [f"[sources.{_key(src.id)}]"]
    if src.type != "document":
        lines.append(f"type = {string(src.type)}")
    if src.kind is not SourceKind.OTHER:
        lines.append(f"kind = {string(src.kind.value)}")
    lines += _text_fields(src, ("title",))
    for name in ("author", "editor"):
        names = getattr(src, name)
        if names:
            lines.append(f"{name} = [{', '.join(string(n) for n in names)}]")
    if src.container_title:
        lines.append(f"container-title = {string(src.container_title)}")
    lines += _text_fields(src, ("publisher", "issued", "url", "archive", "archive_location", "note",
                                "reliability", "file"))
    return lines


def _claim(claim: Claim) -> list[str]:
    lines = ["", "  [[events.claims]]", f"  about = {string(claim.about)}"]
    if claim.when is not None:
        lines.append(f"  when = {_date(claim.when)}")
    if claim.quantity is not None:
        lines.append(f"  quantity = {_quantity(claim.quantity)}")
    lines += ["  " + x for x in _text_fields(claim, ("statement", "by", "text"))]
    if claim.rank.value != "normal":
        lines.append(f"  rank = {string(claim.rank.value)}")
    lines += ["  " + x for x in _text_fields(claim, ("note",))]
    lines += ["  " + x for x in _citations(claim.citations)]
    return lines


def _event(ev: Event) -> list[str]:
    lines = ["", "[[events]]", f"id = {string(ev.id)}", f"title = {string(ev.title)}", f"when = {_date(ev.when)}"]
    if ev.display_date:
        lines.append(f"display_date = {string(ev.display_date)}")
    if ev.lane:
        lines.append(f"lane = {string(ev.lane)}")
    if ev.tags:
        lines.append(f"tags = [{', '.join(string(t) for t in ev.tags)}]")
    if ev.priority is not None:
        lines.append(f"priority = {ev.priority}")
    lines += _text_fields(ev, ("text", "note"))
    if ev.media is not None:
        pairs = [("url", string(ev.media.url))]
        pairs += [(k, string(getattr(ev.media, k))) for k in ("credit", "caption", "alt", "thumbnail")
                  if getattr(ev.media, k)]
        lines.append(f"media = {_inline(pairs)}")
    lines += _citations(ev.citations)
    for claim in ev.claims:
        lines += _claim(claim)
    return lines


def toml_text(tl: Timeline) -> str:
    """The timeline in our TOML format: deterministic text that reads back to the same timeline."""
    lines = ["[timeline]", f"title = {string(tl.title)}"]
    lines += _text_fields(tl, ("subtitle", "description"))
    if tl.range is not None:
        lines.append(f"range = {_date(tl.range)}")
    for lane in tl.lane_order() if _lanes_declared(tl) else ():
        lines += ["", "[[lanes]]", f"id = {string(lane.id)}"]
        lines += _text_fields(lane, ("label", "description"))
    for sid in sorted(tl.sources):
        lines += ["", *_source(tl.sources[sid])]
    for era in tl.eras:
        lines += ["", "[[eras]]", f"id = {string(era.id)}", f"label = {string(era.label)}", f"when = {_date(era.when)}"]
        lines += _text_fields(era, ("text",))
        lines += _citations(era.citations)
    for ev in tl.events:
        lines += _event(ev)
    return "\n".join(lines) + "\n"


def write_toml(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The registry's writer: our TOML carries everything, so there are no warnings."""
    return toml_text(tl), []


def _lanes_declared(tl: Timeline) -> bool:
    # Declared lanes are written, with any lane used but undeclared after them: the TOML
    # reader refuses events in undeclared lanes once any [[lanes]] table exists.
    return bool(tl.lanes)
