"""Our JSON format written: the whole model as plain data, sorted keys and a final newline (docs/json.md).

Besides what is read back, the export carries what other programs want and the reader
ignores: each date's display and bounds, an event's date label and its support.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from timeline.dates import HistoricalDate, Span
from timeline.errors import Diagnostic
from timeline.io.jsonfmt import _SOURCE_FIELDS, FORMAT_NAME, FORMAT_VERSION
from timeline.model.records import Citation, Claim, Event, Quantity, SourceKind
from timeline.model.timeline import Timeline
from timeline.support import support, weak_only

__all__ = ["dumps", "to_data", "write_json"]


def _date(when: HistoricalDate | Span | None) -> dict[str, Any] | None:
    if when is None:
        return None
    precision = when.precision.name.lower() if isinstance(when, HistoricalDate) else "range"
    extra = {"calendar": when.calendar} if when.calendar != "gregorian" else {}
    return {
        **extra,
        "edtf": when.edtf,
        "text": when.text,
        "display": when.display(),
        "earliest": when.earliest.isoformat() if when.earliest else None,
        "latest": when.latest.isoformat() if when.latest else None,
        "precision": precision,
        "approximate": bool(getattr(when, "approximate", False)),
        "uncertain": bool(getattr(when, "uncertain", False)),
    }


def _citation(c: Citation) -> dict[str, str]:
    return {"source": c.source, "locator": c.locator, "quote": c.quote}


def _quantity(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {"value": q.value, "low": q.low, "high": q.high, "approximate": q.approximate, "unit": q.unit,
            "display": q.display()}


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "about": c.about, "kind": c.kind, "when": _date(c.when), "quantity": _quantity(c.quantity),
        "statement": c.statement, "by": c.by, "text": c.text, "rank": c.rank.value, "note": c.note, "citations": [_citation(x) for x in c.citations],
    }


def to_data(tl: Timeline) -> dict[str, Any]:
    """The timeline as plain JSON-ready data (dicts, lists, strings, numbers)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "timeline": {"title": tl.title, "subtitle": tl.subtitle, "description": tl.description,
                     "range": _date(tl.range)},
        "lanes": [{"id": ln.id, "label": ln.label, "description": ln.description} for ln in tl.lanes],
        "eras": [{"id": e.id, "label": e.label, "when": _date(e.when), "text": e.text,
                  "citations": [_citation(c) for c in e.citations]} for e in tl.eras],
        "events": [
            {
                "id": ev.id, "title": ev.title, "when": _date(ev.when), "date_label": ev.date_label(),
                "text": ev.text, "tags": list(ev.tags), "lane": ev.lane, "note": ev.note,
                "display_date": ev.display_date, "priority": ev.priority,
                "media": attrs.asdict(ev.media) if ev.media else None,
                "citations": [_citation(c) for c in ev.citations],
                "claims": [_claim(c) for c in ev.claims],
                "support": _support(ev, tl),
                "weak_only": weak_only(ev, tl.sources),
                "disputes": list(ev.disputes),
            }
            for ev in tl.events
        ],
        "sources": {
            sid: {"id": sid, **{key: _source_value(getattr(src, attr)) for attr, key in _SOURCE_FIELDS}}
            for sid, src in sorted(tl.sources.items())
        },
    }


def _support(ev: Event, tl: Timeline) -> str | None:
    kind = support(ev, tl.sources)
    return kind.value if kind is not None else None


def _source_value(value: Any) -> Any:
    if isinstance(value, SourceKind):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def dumps(tl: Timeline) -> str:
    """Serialise a timeline to our JSON: sorted keys, two-space indent, UTF-8 text, final newline."""
    return json.dumps(to_data(tl), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_json(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The registry's writer: our JSON carries the whole model, so there are no warnings."""
    return dumps(tl), []
