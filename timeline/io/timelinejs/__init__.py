"""TimelineJS: the Google-Sheet template (as CSV), TimelineJS 3 JSON, and TimelineJS 2 JSON (read only).

``slides`` turns flattened slides into a timeline, ``read`` flattens the
sheet and the JSON, ``legacy`` flattens TimelineJS 2, and ``write`` goes
back.  HTML text becomes our inline markup in :mod:`timeline.io.markup`.
The sniffing rules here tell these files from our own CSV and JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from timeline._lazy import lazy_attributes
from timeline.io.common import header_key
from timeline.io.timelinejs.slides import CSV_COLUMNS, REQUIRED_COLUMNS

if TYPE_CHECKING:
    from timeline.io.timelinejs.read import (
        read_timelinejs_csv,
        read_timelinejs_csv_text,
        read_timelinejs_json,
        read_timelinejs_json_text,
    )
    from timeline.io.timelinejs.write import timelinejs_csv, timelinejs_data, timelinejs_json

__all__ = [
    "CSV_COLUMNS",
    "REQUIRED_COLUMNS",
    "is_timelinejs_data",
    "is_timelinejs_header",
    "read_timelinejs_csv",
    "read_timelinejs_csv_text",
    "read_timelinejs_json",
    "read_timelinejs_json_text",
    "sniff_csv",
    "sniff_json",
    "timelinejs_csv",
    "timelinejs_data",
    "timelinejs_json",
]


# The reader and the writer are imported on first use (PEP 562): reading a sheet loads no writer.
_LAZY = {
    **dict.fromkeys(("read_timelinejs_csv", "read_timelinejs_csv_text", "read_timelinejs_json",
                     "read_timelinejs_json_text"), "timeline.io.timelinejs.read"),
    **dict.fromkeys(("timelinejs_csv", "timelinejs_data", "timelinejs_json"), "timeline.io.timelinejs.write"),
}

__getattr__, __dir__ = lazy_attributes("timeline.io.timelinejs", _LAZY, globals())


def is_timelinejs_header(headers: Sequence[str]) -> bool:
    """True when a CSV header row looks like the TimelineJS sheet (Year, Headline, Display Date...)."""
    keys = {header_key(h) for h in headers}
    return bool(keys & {"year", "headline", "display date", "media credit", "end year"})


def is_timelinejs_data(data: Any) -> bool:
    """True for parsed JSON shaped like TimelineJS 3 (``events`` whose entries have ``start_date``)."""
    if not isinstance(data, dict) or data.get("format") == "timeline":
        return False
    events = data.get("events")
    if isinstance(events, list):
        return not events or any(isinstance(e, dict) and "start_date" in e for e in events)
    return isinstance(data.get("title"), dict)


def sniff_json(probe: Any) -> bool:
    """The registry's rule for TimelineJS 3 JSON."""
    return is_timelinejs_data(probe.json)


def sniff_csv(probe: Any) -> bool:
    """The registry's rule for a TimelineJS sheet: its header row."""
    return is_timelinejs_header(probe.lines[0].split(","))
