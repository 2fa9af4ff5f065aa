"""Each fast path gives exactly what the full path gives (issue 15), on the corpus and generated input."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import require
from timeline.io import toml as toml_reader

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def generate():
    """bench/generate.py as a module."""
    sys.path.insert(0, str(BENCH))
    try:
        import generate

        yield generate
    finally:
        sys.path.remove(str(BENCH))


def _toml_inputs() -> list[Path]:
    return sorted({*CORPUS.glob("*.toml"), *(ROOT / "tests").rglob("*.toml"), *(ROOT / "events").glob("*.toml")})


def _diagnostics_with(parser, monkeypatch, paths):
    monkeypatch.setattr(toml_reader, "_toml_parser", parser)
    out = {}
    for path in paths:
        result = toml_reader.read_toml(path)
        out[path.name] = ([d.format() for d in result.diagnostics], result.timeline)
    return out


def test_tomli_gives_tomllib_diagnostics_byte_for_byte(monkeypatch, tmp_path, generate):
    """With the "fast" extra's tomli, every corpus file gives the same diagnostics and timeline as tomllib."""
    require(importlib.util.find_spec("tomli") is not None, "tomli (the 'fast' extra) is not installed")
    import tomli

    generated = tmp_path / "generated.toml"
    generated.write_text(generate.to_toml(generate.generate(300)), encoding="utf-8")
    paths = [*_toml_inputs(), generated]
    assert any(p.name.startswith("bad-") for p in paths)
    slow = _diagnostics_with(tomllib, monkeypatch, paths)
    fast = _diagnostics_with(tomli, monkeypatch, paths)
    assert fast == slow


def test_the_reader_works_without_tomli(monkeypatch):
    """The stdlib parser is the fallback: a syntax error still reads like a compiler's."""
    monkeypatch.setattr(toml_reader, "_toml_parser", tomllib)
    result = toml_reader.read_toml(CORPUS / "bad-unterminated.toml")
    assert [d.format().splitlines()[0] for d in result.diagnostics] == [
        f"{CORPUS / 'bad-unterminated.toml'}:6:22: error: TOML syntax: illegal character '\\n'"]


def _json_variants(generate) -> list[str]:
    import timeline

    text = timeline.dumps(timeline.loads(generate.to_toml(generate.generate(200))))
    title = '"title": "#1'
    assert title in text
    return [
        text,
        text.replace(title, '"title": "\\ud83d#1', 1),               # a lone high surrogate escape
        text.replace(title, '"title": "\\uDE00#1', 1),               # a lone low one, upper case
        text.replace(title, '"title": "\\uD83D\\uDE00#1', 1),        # a valid pair: no warning
        text.replace(title, '"title": "\ud83d#1', 1),                # a raw lone surrogate (text from the API)
        text.replace(title, '"title": "\\\\ud83d#1', 1),             # an escaped backslash: plain text
        text.replace('"events": [', '"events\\udc00": [', 1),        # in a key
    ]


def test_json_surrogate_check_is_skipped_only_when_it_finds_nothing(monkeypatch, generate):
    """Skipping the surrogate walk for text without a surrogate gives what the full walk gives."""
    import re

    from timeline.io import jsonfmt, jsonpos

    variants = _json_variants(generate)
    fast = [jsonfmt.read_json_text(t, "x.json") for t in variants]
    monkeypatch.setattr(jsonpos, "_MAY_HOLD_SURROGATES", re.compile(""))  # always walk
    full = [jsonfmt.read_json_text(t, "x.json") for t in variants]
    assert fast == full
    assert any("surrogate" in d.message for r in full for d in r.diagnostics)


def _scan_outcome(text: str, split_plain_rows: bool):
    from timeline.io import csvscan

    try:
        return csvscan._scan(text, split_plain_rows)
    except csvscan.CsvSyntaxError as exc:
        return ("error", exc.message, exc.line, exc.column)


_CSV_PIECES = ["a", "bc", ",", '"', '""', "\n", " ", "é", '"x,y"', '"multi\nline"', ",,", "\n\n"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_CSV_PIECES), max_size=30))
def test_csv_line_split_matches_the_full_scan(pieces):
    """Rows split line by line give the same cells, positions and errors as the cell-by-cell scan."""
    text = "".join(pieces)
    assert _scan_outcome(text, True) == _scan_outcome(text, False)


def test_csv_line_split_matches_the_full_scan_on_a_generated_sheet(generate):
    """On a generated TimelineJS sheet (quoted Text cells with commas) both scans agree."""
    import timeline
    from timeline.io.timelinejs import timelinejs_csv

    sheet, _ = timelinejs_csv(timeline.loads(generate.to_toml(generate.generate(300))))
    sheet = sheet.replace("\r\n", "\n")
    fast, full = _scan_outcome(sheet, True), _scan_outcome(sheet, False)
    assert fast == full and len(fast) > 300


def test_sorted_once_and_numbered_once_give_what_a_fresh_pass_gives(generate):
    """The per-timeline memo of sorted events and footnotes equals a fresh sort and numbering."""
    import timeline
    from timeline.layout.notes import _number_timeline, timeline_footnotes

    tl = timeline.loads(generate.to_toml(generate.generate(300)))
    fresh = sorted(tl.events, key=lambda e: (e.when.sort_key, e.id))
    first = tl.sorted_events()
    first.reverse()  # a caller's list is its own
    assert tl.sorted_events() == fresh
    assert timeline_footnotes(tl) is timeline_footnotes(tl)
    assert timeline_footnotes(tl) == _number_timeline(tl)
    other = tl.in_lanes("gulag")  # a new timeline from the same events: its own sort and numbers
    assert other.sorted_events() == sorted(other.events, key=lambda e: (e.when.sort_key, e.id))
    assert timeline_footnotes(other) == _number_timeline(other) != timeline_footnotes(tl)


@pytest.mark.parametrize("fragment", [False, True])
def test_one_entry_block_writes_what_the_part_blocks_wrote(generate, fragment):
    """The event entry as one block gives the bytes the old per-part scoped blocks gave."""
    import timeline
    from browser.fixture import hostile, small
    from timeline.render.html import render_html

    folder = ROOT / "tests" / "data" / "html-part-blocks"
    for tl in (timeline.bundled(), small(), hostile(), timeline.loads(generate.to_toml(generate.generate(200)))):
        assert render_html(tl, fragment, templates=folder) == render_html(tl, fragment)


@settings(max_examples=300)
@given(st.text(alphabet="ab *[]()\\\n\t.:/é", max_size=30) | st.text(max_size=30))
def test_plain_text_skips_the_markup_scanner(text):
    """Text with no '\\\\', '*' or '[' is one plain token, exactly what the scanner finds."""
    from timeline.markup import Scanner, tokens

    assert tokens(text) == Scanner(text).tokens()


@pytest.mark.parametrize("seed", [1953, 7])
def test_paging_windows_only_what_reaches_each_page(monkeypatch, generate, seed):
    """Each page windows only the items whose extent reaches it, and gets what windowing the whole layer gives."""
    import timeline
    from timeline.layout import pagecut
    from timeline.layout.paginate import PAGE_SIZES, paginate

    indexed = pagecut.Layer.window
    seen = []

    def checked(self, page, top, bottom, dy):
        got = indexed(self, page, top, bottom, dy)
        assert got == pagecut.window(self.value, top, bottom, dy)
        seen.append(self.by_page is not None and len(self.by_page[page]) < len(self.value))
        return got

    monkeypatch.setattr(pagecut.Layer, "window", checked)
    tl = timeline.loads(generate.to_toml(generate.generate(150, seed)))
    for size in [*PAGE_SIZES, (680.0, 925.0)]:
        assert len(paginate(tl, size)) > 2
    assert any(seen)  # some page skipped items


_days = st.builds(lambda m, d: f"1953-{m:02d}-{d:02d}", st.integers(1, 4), st.integers(1, 28))
_events = st.lists(st.tuples(st.text(alphabet="abcdefgh MWi", min_size=1, max_size=40).map(str.strip).filter(bool),
                             _days, st.none() | _days, st.integers(0, 2)), min_size=1, max_size=50)


def _skip_if_compiled(module) -> None:
    """Patching a function of a module the optional mypyc build compiled changes nothing its callers see."""
    if not module.__file__.endswith(".py"):
        pytest.skip(f"{module.__name__} is compiled (the mypyc build): its internal calls cannot be patched")


def _layouts_with_and_without_full_lane_check(monkeypatch, tl, **options):
    from timeline.layout import layout, rows

    _skip_if_compiled(rows)
    fast = layout(tl, **options)
    with monkeypatch.context() as patched:
        patched.setattr(rows, "_full_at", lambda *args: False)  # every event tries every row
        full = layout(tl, **options)
    return fast, full


@settings(max_examples=60, deadline=None)
@given(_events, st.integers(1, 3), st.sampled_from([None, "slide"]))
def test_a_full_lane_sends_events_to_the_badges_as_trying_every_row_does(events, max_rows, size):
    """Sending an event to the badges when every row covers its mark gives the plan trying every row gives."""
    import timeline

    tl = timeline.Timeline(title="Dense")
    for i, (title, first, last, lane) in enumerate(events):
        when = f"{min(first, last)}/{max(first, last)}" if last and last != first else first
        tl = tl.add_event(f"e{i}", title, when, lane=("a", "b", "c")[lane])
    options = {"max_rows": max_rows} if size is None else {"size": size}
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, full = _layouts_with_and_without_full_lane_check(monkeypatch, tl, **options)
    assert fast == full


def test_a_full_lane_check_on_the_generated_timeline(monkeypatch, generate):
    """On 1,500 generated events the check skips most tries, and the scene is the one trying every row gives."""
    import timeline
    from timeline.layout import rows

    _skip_if_compiled(rows)
    tl = timeline.loads(generate.to_toml(generate.generate(1500)))
    checked = []
    real = rows._full_at
    monkeypatch.setattr(rows, "_full_at", lambda *args: checked.append(real(*args)) or checked[-1])
    fast, full = _layouts_with_and_without_full_lane_check(monkeypatch, tl)
    assert fast == full
    assert sum(checked) > 500


_runs = st.lists(st.tuples(st.text(alphabet="ab  .,Wiй\\n", max_size=14), st.booleans()), max_size=6)


@settings(max_examples=500)
@given(_runs, st.sampled_from([9.0, 11.5, 14.0]), st.floats(20, 400), st.integers(1, 4))
def test_a_one_line_note_is_wrapped_as_the_greedy_wrap_wraps_it(pieces, size, width, max_lines):
    """Runs that fit one line give the line the word-by-word wrap gives, in every style mix."""
    from timeline.cite import Run
    from timeline.layout import text

    runs = tuple(Run(t, italic) for t, italic in pieces)
    assert text.wrap_runs(runs, size, width, max_lines) == text._greedy(runs, size, width, max_lines)


def test_most_generated_notes_take_the_one_line_path(generate):
    """On the generated timeline's source list the one-line path answers, and gives the greedy wrap's lines."""
    import timeline
    from timeline.cite import note
    from timeline.layout import text

    tl = timeline.loads(generate.to_toml(generate.generate(300)))
    runs = [note(src, f"p. {k}") for k, src in enumerate(tl.sources.values())]
    fits = [text._one_line(r, 9.0, 700.0) for r in runs]
    assert sum(f is not None for f in fits) > len(runs) // 2
    assert [text.wrap_runs(r, 9.0, 700.0) for r in runs] == [text._greedy(r, 9.0, 700.0, 12) for r in runs]


@settings(max_examples=600)
@given(st.text(alphabet="0123456789+-. ٣²x", max_size=16), st.integers(1, 6))
def test_a_plain_digit_cell_reads_as_the_whole_number_pattern_reads_it(text, max_digits):
    """ASCII digits skip the regex and give its answer: the number, or "out of range" past max_digits."""
    from timeline.io import limits

    assert limits.whole_number(text, max_digits) == limits._whole_number_matched(text.strip(), max_digits)
