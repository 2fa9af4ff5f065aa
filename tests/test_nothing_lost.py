"""Nothing lost: every event of the input reaches the JSON, the SVG, the page and the fragment.

For every reader (TOML, our JSON, CSV/TimelineJS once they land) and every
writer, on the inputs that tempt a renderer to merge, clip or drop events.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

import timeline
from timeline.io import read, write_text

#: Fixed-width ids, so no id is a substring of another.
CASES = {
    "identical-dates": [(f"ev{i:04d}q", f"Event {i}", "1953-03-05", "text") for i in range(12)],
    "identical-titles": [(f"ev{i:04d}q", "The same title", f"1953-03-{i + 1:02d}", "") for i in range(12)],
    "empty-text": [(f"ev{i:04d}q", f"Event {i}", f"19{30 + i}", "") for i in range(5)],
    "long-titles": [(f"ev{i:04d}q", ("Ж" if i % 2 else "W") * 1000, f"1953-0{i + 1}", "x" * 5000) for i in range(4)],
    "scripts": [
        ("ev0001q", "עברית: אירוע היסטורי", "1953-03-05", "مرحبا بالعالم"),
        ("ev0002q", "Z\u0351\u0352\u0353\u0354a\u0301\u0301\u0301l\u0308go \u202eRTL override", "1953-03-05", ""),
        ("ev0003q", "👩‍👩‍👧‍👦 🇺🇦 🏳️‍🌈 emoji", "1953-03-06", "\u200b\u200d\u2060"),
        ("ev0004q", "Умер Сталин", "1953-03-05", "中文 日本語 한국어"),
    ],
    "range-ends": [
        ("ev0001q", "First day", "1930-01-01", ""), ("ev0002q", "Last day", "1956-12-31", ""),
        ("ev0003q", "Open end", "1956-12-31/..", ""), ("ev0004q", "Open start", "../1930-01-01", ""),
        ("ev0005q", "Bounded", "[..1930]", ""), ("ev0006q", "Middle", "1943", ""),
    ],
    "one-event": [("ev0001q", "Alone", "1953", "")],
}


def toml_text(rows) -> str:
    """A TOML event file for the rows, inside a declared 1930–1956 range."""
    out = ['[timeline]\ntitle = "T"\nrange = "1930/1956"\n\n[sources.s]\ntitle = "S"\n']
    for eid, title, when, text in rows:
        out.append(f"[[events]]\nid = {json.dumps(eid, ensure_ascii=False)}\ntitle = {json.dumps(title, ensure_ascii=False)}\n"
                   f"when = {json.dumps(when)}\ntext = {json.dumps(text, ensure_ascii=False)}\ncitations = [\"s\"]\n")
    return "\n".join(out)


def _module(name: str):
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def writers() -> dict:
    """Every writer present: JSON always, SVG and HTML once they land."""
    out = {"json": timeline.dumps}
    for fmt in ("toml", "json"):  # formats that carry our ids; the others have none to keep
        out[f"write-{fmt}"] = lambda tl, fmt=fmt: write_text(tl, fmt)[0]
    svg, html = _module("timeline.render.svg"), _module("timeline.render.html")
    if svg is not None:
        out["svg"] = svg.render_svg
    if html is not None:
        out["page"] = lambda tl: html.render_html(tl, fragment=False)
        out["fragment"] = lambda tl: html.render_html(tl, fragment=True)
    return out


def assert_all_present(tl, ids, name):
    """Each writer's output names every id."""
    for writer, write in writers().items():
        text = write(tl)
        missing = [i for i in ids if i not in text]
        assert not missing, f"{name}: {writer} lost {missing}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_toml_reader_and_every_writer_keep_every_event(tmp_path, name):
    """TOML in → JSON, SVG, page and fragment out: every event id is there."""
    rows = CASES[name]
    path = tmp_path / "events.toml"
    path.write_text(toml_text(rows), encoding="utf-8")
    tl = timeline.load(path)
    ids = [r[0] for r in rows]
    assert [e.id for e in tl.events] == ids
    assert_all_present(tl, ids, name)


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_round_trip_keeps_every_event(tmp_path, name):
    """Our JSON read back gives the same events, and every writer keeps them."""
    src = tmp_path / "events.toml"
    src.write_text(toml_text(CASES[name]), encoding="utf-8")
    exported = timeline.dumps(timeline.load(src))
    path = tmp_path / "events.json"
    path.write_text(exported, encoding="utf-8")
    again = timeline.load(path)
    assert timeline.dumps(again) == exported
    assert_all_present(again, [r[0] for r in CASES[name]], name)


def test_directory_of_files_keeps_every_event(tmp_path):
    """Events spread over many files of a directory all arrive."""
    everything = [row for rows in CASES.values() for row in rows]
    unique = {row[0] + f"-{i}": row for i, row in enumerate(everything)}
    for n, (eid, (_, title, when, text)) in enumerate(unique.items()):
        body = toml_text([(eid, title, when, text)])
        if n:  # the header and source may appear once only
            body = body.split("\n\n", 2)[-1]
        (tmp_path / f"{n:03d}.toml").write_text(body, encoding="utf-8")
    tl = timeline.load(tmp_path)
    assert sorted(e.id for e in tl.events) == sorted(unique)


SHEET = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
         "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")


@pytest.mark.parametrize("name", sorted(CASES))
def test_csv_reader_keeps_every_row(tmp_path, name):
    """A TimelineJS CSV sheet: one event per row, each of them in every output."""
    lines = [SHEET]
    for _, title, when, text in CASES[name]:
        core = when.strip("[].").split("/")[0] or when.strip("[].").split("/")[-1]
        parts = (core.split("-") + ["", ""])[:3]
        cells = [*parts, "", "", "", "", "", "", title, text, "", "", "", "", "", "", ""]
        lines.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read(path)  # a TimelineJS sheet, recognised by its header
    assert result.timeline is not None, [d.format() for d in result.diagnostics]
    events = result.timeline.events
    assert len(events) == len(CASES[name])
    assert len({e.id for e in events}) == len(events), "generated ids collide"
    assert_all_present(result.timeline, [e.id for e in events], name)
