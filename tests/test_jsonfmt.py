"""Our JSON export and import: schema, determinism, round trip, errors at JSON paths."""

from __future__ import annotations

import json
import re

import pytest

import timeline
from timeline.io.jsonfmt import dumps, read_json_text

TEXT = """\
[timeline]
title = "T"
range = "1930/1956"
[[lanes]]
id = "l"
label = "Lane"
[sources.a]
title = "A"
kind = "scholarly"
author = ["X Y"]
[[eras]]
id = "war"
label = "War"
when = "1941/1945"
[[events]]
id = "e"
title = "E"
when = "c. 1930"
lane = "l"
tags = ["x"]
text = "Some *text*."
media = { url = "https://example.org/a.jpg", credit = "C" }
citations = [{ source = "a", locator = "p. 1", quote = "q" }]
  [[events.claims]]
  about = "released"
  quantity = { low = 1, high = 2, unit = "u" }
  citations = [{ source = "a" }]
"""


def test_export_schema() -> None:
    """The export carries every part of the model, with dates spelled out."""
    data = json.loads(dumps(timeline.loads(TEXT)))
    assert data["format"] == "timeline" and data["version"] == 1
    ev = data["events"][0]
    assert ev["when"]["edtf"] == "1930~"
    assert ev["when"]["text"] == "c. 1930"
    assert ev["when"]["earliest"] == "1930-01-01" and ev["when"]["latest"] == "1930-12-31"
    assert ev["when"]["precision"] == "year" and ev["when"]["approximate"] is True
    assert ev["claims"][0]["quantity"]["display"] == "1–2 u"
    assert ev["media"]["url"] == "https://example.org/a.jpg"
    assert data["eras"][0]["when"]["precision"] == "range"
    assert data["lanes"] == [{"id": "l", "label": "Lane", "description": ""}]
    assert data["sources"]["a"]["author"] == ["X Y"]


def test_round_trip_identical() -> None:
    """export → import → export gives identical bytes and an equal model."""
    tl = timeline.loads(TEXT)
    first = dumps(tl)
    back = read_json_text(first)
    assert back.diagnostics == ()
    assert back.timeline == tl
    assert dumps(back.timeline) == first


def test_loads_json() -> None:
    """timeline.loads reads our JSON with format='json'."""
    tl = timeline.loads(dumps(timeline.loads(TEXT)), format="json")
    assert tl.events[0].id == "e"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["events"][0]["when"].update(edtf="1953-13"), "$.events[0].when.edtf"),
        (lambda d: d.update(format="other"), "$.format"),
        (lambda d: d["events"][0]["citations"][0].pop("source"), "$.events[0].citations[0].source"),
        (lambda d: d["events"][0]["claims"][0]["quantity"].update(low="x"), "$.events[0].claims[0].quantity.low"),
    ],
    ids=["bad-date", "not-ours", "citation-without-source", "quantity-not-number"],
)
def test_errors_point_at_json_paths(mutate, expected: str) -> None:
    """Import errors say where in the JSON the problem is."""
    data = json.loads(dumps(timeline.loads(TEXT)))
    mutate(data)
    result = read_json_text(json.dumps(data), name="t.json")
    assert result.timeline is None
    assert [d.pointer for d in result.diagnostics][:1] == [expected]
    assert re.match(rf"t\.json:1:\d+:{re.escape(expected)}: error: ", result.diagnostics[0].format())


def test_syntax_error_has_line_and_column() -> None:
    """Malformed JSON reports line and column."""
    result = read_json_text('{\n  "format": "timeline",\n  oops\n}', name="t.json")
    assert result.diagnostics[0].format().splitlines()[0] == (
        "t.json:3:3: error: JSON syntax: Expecting property name enclosed in double quotes"
    )
