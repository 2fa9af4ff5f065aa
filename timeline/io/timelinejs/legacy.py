"""Read TimelineJS 2 JSON (``{"timeline": {"headline", "text", "date": [...], "era": [...]}}``).

Each ``date[]`` entry is flattened into a slide and built by the same
:class:`~timeline.io.timelinejs.slides.SlideBuilder` as TimelineJS 3, so
dates, titles, HTML and ``--skip-invalid`` behave the same.  TimelineJS 2
writes dates as ``"1963,8,9"`` (year, month, day, and optionally hour,
minute, second), ``"8/9/1963"`` (month/day/year, as it reads them) or a
bare year; a part not written stays unwritten (``"1963,8"`` is August 1963).
``asset`` (media, credit, caption, thumbnail) becomes the media, ``tag``
the lane.  Reading only: we write TimelineJS 3, which TimelineJS 2 users
have moved to.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.io.common import ReadOptions, ReadResult
from timeline.io.jsonpos import open_json, with_lines
from timeline.io.timelinejs.read import json_type, note_unknown, warn_unknown
from timeline.io.timelinejs.slides import Slide, SlideBuilder, Value

__all__ = ["is_timelinejs2_data", "read_timelinejs2_text", "sniff"]

_COMMAS = re.compile(r"\s*(-?\d+)(?:\s*,\s*(\d+))?(?:\s*,\s*(\d+))?(?:\s*,\s*(\d+))?(?:\s*,\s*(\d+))?(?:\s*,\s*(\d+))?\s*",
                     re.ASCII)
_SLASHES = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(-?\d+)\s*", re.ASCII)


def is_timelinejs2_data(data: Any) -> bool:
    """True for parsed JSON shaped like TimelineJS 2 (``timeline`` holding a ``date`` array)."""
    return isinstance(data, dict) and isinstance(data.get("timeline"), dict) and \
        isinstance(data["timeline"].get("date"), list)


def sniff(probe: Any) -> bool:
    """The registry's rule for TimelineJS 2 JSON."""
    return is_timelinejs2_data(probe.json)


_ENTRY_KEYS = frozenset({"startDate", "endDate", "headline", "text", "tag", "asset"})
_HEAD_KEYS = frozenset({"headline", "text", "asset", "date", "era", "type"})
_ASSET_KEYS = frozenset({"media", "credit", "caption", "thumbnail"})


class _Legacy:
    def __init__(self, builder: SlideBuilder) -> None:
        self.b = builder
        self.unknown: dict[str, str] = {}  # key (as "asset.x" from its entry) -> the first pointer

    def extra(self, obj: dict[str, Any], known: frozenset[str], pointer: str, prefix: str = "") -> None:
        """Note keys the reader does not keep; one warning per file names them."""
        note_unknown(self.unknown, obj, known, pointer, prefix)

    def text(self, data: dict[str, Any], key: str, pointer: str) -> Value | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.b.error(Value("", pointer=f"{pointer}.{key}"), f"expected a string, got {json_type(value)}")
            return None
        return Value(str(value), pointer=f"{pointer}.{key}")

    def date(self, fields: dict[str, Value], value: Value | None, prefix: str) -> None:
        if value is None:
            return
        text = value.text
        commas, slashes = _COMMAS.fullmatch(text), _SLASHES.fullmatch(text)
        if commas:
            parts = dict(zip(("year", "month", "day", "hour", "minute", "second"), commas.groups(), strict=True))
        elif slashes:
            parts = {"month": slashes.group(1), "day": slashes.group(2), "year": slashes.group(3)}
        else:
            self.b.error(value, f"cannot read the TimelineJS 2 date {text!r}; expected 'YYYY,MM,DD' "
                                f"(or 'MM/DD/YYYY', or a year)")
            return
        for part in ("year", "month", "day"):
            if parts.get(part):
                fields[prefix + part] = value._replace(text=parts[part])
        if parts.get("hour"):
            clock = f"{parts['hour']}:{parts.get('minute') or '0':0>2}" + (
                f":{parts['second']:0>2}" if parts.get("second") else "")
            fields[prefix + "time"] = value._replace(text=clock)

    def add(self, item: Any, pointer: str, kind: str) -> None:
        with self.b.item():
            before = len(self.b.c.diagnostics)
            if not isinstance(item, dict):
                self.b.error(Value("", pointer=pointer), f"expected an object, got {json_type(item)}")
                return
            fields: dict[str, Value] = {}
            if kind != "title":
                self.extra(item, _ENTRY_KEYS, pointer)
            self.date(fields, self.text(item, "startDate", pointer), "")
            self.date(fields, self.text(item, "endDate", pointer), "end_")
            for key, field in (("headline", "headline"), ("text", "text"), ("tag", "group")):
                value = self.text(item, key, pointer)
                if value is not None:
                    fields[field] = value
            asset = item.get("asset")
            if isinstance(asset, dict):
                self.extra(asset, _ASSET_KEYS, f"{pointer}.asset", "asset.")
                for key, field in (("media", "media"), ("credit", "media_credit"), ("caption", "media_caption"),
                                   ("thumbnail", "media_thumbnail")):
                    value = self.text(asset, key, f"{pointer}.asset")
                    if value is not None:
                        fields[field] = value
            if any(d.is_error for d in self.b.c.diagnostics[before:]):
                return
            self.b.add(Slide(fields, Value("", pointer=pointer), kind))


def read_timelinejs2_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                          strict: bool = False) -> ReadResult:
    """Read TimelineJS 2 JSON; return the timeline (or None) and every diagnostic."""
    data, text, collector, strict, failed = open_json(text, name, options, strict)
    if failed is not None:
        return failed
    builder = SlideBuilder(name, collector, "slide", strict)
    if not is_timelinejs2_data(data):
        builder.error(Value("", pointer="$.timeline.date"),
                      "a TimelineJS 2 file is an object whose 'timeline' holds a 'date' array")
        return ReadResult(None, tuple(with_lines(collector.sorted(), text)))
    head = data["timeline"]
    legacy = _Legacy(builder)
    legacy.add({k: v for k, v in head.items() if k in ("headline", "text", "asset")}, "$.timeline", "title")
    for i, item in enumerate(head["date"]):
        legacy.add(item, f"$.timeline.date[{i}]", "event")
    eras = head.get("era")
    if eras is not None and not isinstance(eras, list):
        builder.error(Value("", pointer="$.timeline.era"), f"expected an array, got {json_type(eras)}")
    for i, item in enumerate(eras if isinstance(eras, list) else []):
        legacy.add(item, f"$.timeline.era[{i}]", "era")
    legacy.extra({k: v for k, v in head.items() if not (k == "type" and v == "default")}, _HEAD_KEYS,
                 "$.timeline")
    legacy.extra({k: v for k, v in data.items() if k != "timeline"}, frozenset(), "$")
    warn_unknown(builder, legacy.unknown)
    timeline = builder.finish()
    return ReadResult(timeline, tuple(with_lines(collector.sorted(), text)))
