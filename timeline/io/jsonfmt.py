"""Our JSON format: the whole model, written deterministically and read back.

The schema is documented in ``docs/json.md``.  Export → import → export
gives identical bytes.  Import errors point at a JSON path such as
``$.events[3].when.edtf``.  One module a direction: jsonwrite.py writes,
jsonread.py reads (through :mod:`timeline.io.jsonpos` for the text's
positions), and jsonlocate.py takes the validation pass's model paths
back to JSON paths; this module holds what they share, and its names
are importable from here on first use (PEP 562), so writing loads no
reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline._lazy import lazy_attributes

if TYPE_CHECKING:
    from timeline.io.jsonread import _DATE_KEYS, _KNOWN_KEYS, _JsonReader, _not_ours, read_json, read_json_text
    from timeline.io.jsonwrite import (
        _citation,
        _claim,
        _date,
        _quantity,
        _source_value,
        _support,
        dumps,
        to_data,
        write_json,
    )

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "dumps", "read_json", "read_json_text", "to_data", "write_json"]

FORMAT_NAME = "timeline"
FORMAT_VERSION = 1

#: Each source attribute and its CSL-JSON key.
_SOURCE_FIELDS = (
    ("type", "type"), ("kind", "kind"), ("title", "title"), ("author", "author"), ("editor", "editor"),
    ("container_title", "container-title"), ("publisher", "publisher"), ("issued", "issued"), ("url", "URL"),
    ("archive", "archive"), ("archive_location", "archive_location"), ("note", "note"),
    ("reliability", "reliability"), ("file", "file"),
)

# The names jsonfmt.py held before it was split, in the writer and the reader now.
_LAZY = {
    **dict.fromkeys(("_citation", "_claim", "_date", "_quantity", "_source_value", "_support", "dumps", "to_data",
                     "write_json"), "timeline.io.jsonwrite"),
    **dict.fromkeys(("_DATE_KEYS", "_KNOWN_KEYS", "_JsonReader", "_not_ours", "read_json", "read_json_text"),
                    "timeline.io.jsonread"),
}

__getattr__, __dir__ = lazy_attributes("timeline.io.jsonfmt", _LAZY, globals())
