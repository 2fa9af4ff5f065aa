"""Each fast path gives exactly what the full path gives (issue 15), on the corpus and generated input."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import require, skip_if_compiled
from timeline.io import toml as toml_reader

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


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


def _rtoml_first():
    require(importlib.util.find_spec("tomli") is not None and importlib.util.find_spec("rtoml") is not None,
            "tomli and rtoml (the 'fast' extra) are not installed")
    import rtoml
    import tomli

    from timeline.io.tomlparse import RtomlFirst

    return RtomlFirst(rtoml, tomli), tomli


def test_rtoml_first_gives_tomli_diagnostics_byte_for_byte(monkeypatch, tmp_path, generate):
    """rtoml backed by tomli: every TOML file of the project gives tomli's diagnostics and timeline."""
    parser, tomli = _rtoml_first()
    generated = tmp_path / "generated.toml"
    generated.write_text(generate.to_toml(generate.generate(300)), encoding="utf-8")
    paths = [*_toml_inputs(), generated]
    assert any(p.name.startswith("bad-") for p in paths)
    assert _diagnostics_with(parser, monkeypatch, paths) == _diagnostics_with(tomli, monkeypatch, paths)


def _table_or_refusal(parser, text: str):
    """What a parser makes of text, in order: keys, values with their types, or the exception it raises."""
    import math

    def shape(v):
        if isinstance(v, dict):
            return ("table", [(k, shape(x)) for k, x in v.items()])
        if isinstance(v, list):
            return ("array", [shape(x) for x in v])
        if isinstance(v, float) and math.isnan(v):
            return ("nan", math.copysign(1.0, v))
        tz = getattr(v, "tzinfo", None)
        return (type(v).__name__, repr(v), type(tz).__name__)

    try:
        return shape(parser.loads(text))
    except Exception as exc:  # noqa: BLE001 - the refusal is compared, type and message
        return ("refused", type(exc).__name__, str(exc))


_TOML_PIECES = [
    "a = 1\n", "b = 'x'\n", 'c = "\\u00e9\\x41"\n', "d = [1, 2,]\n", "e = {x = 1, y = [2],}\n", "[t]\n",
    "[[arr]]\n", "a = 2\n", "f = 1e400\n", "g = 9223372036854775808\n", "h = nan\n", "i = -0.0\n",
    "j = 1979-05-27T07:32:00Z\n", "k = 1979-05-27 07:32:00+01:00\n", "l = 07:32\n", "m = 1979-05-27\n",
    "n = 0x1F\n", "o = '''\nmulti\n'''\n", 'p = """a\\\n  b"""\n', "q = [" * 3 + "]" * 3 + "\n",
    "\ufeff", "r = \n", "s = 'un", "=\n", "t.u = 1\n", "t = 3\n", "# note\n", "v = true\n", "\r\n", "\x7f",
    "w = 1_000\n", "x = +inf\n", "y = 01\n", 'z = "a\rb"\n',
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOML_PIECES), max_size=8).map("".join) | st.text(max_size=40))
@example("x = " + "[" * 2000 + "]" * 2000)
@example("\ufeffa = 1\n")
@example("a = 07:32:00Z\n")
def test_rtoml_first_reads_and_refuses_as_tomli(text):
    """Whatever the text, rtoml first gives tomli's table (keys in order, types, tzinfo) or tomli's exception."""
    parser, tomli = _rtoml_first()
    assert _table_or_refusal(parser, text) == _table_or_refusal(tomli, text)


def test_rtoml_first_leaves_deep_nesting_and_offsets_to_tomli():
    """A text rtoml would read otherwise (a byte-order mark, a time with an offset) never reaches it."""
    from timeline.io.tomlparse import RtomlFirst

    parser, tomli = _rtoml_first()

    class Answers:  # a refusal would fall through to tomli, so the stand-in answers what tomli never does
        def loads(self, text):
            return {"rtoml was asked": text}

    guarded = RtomlFirst(Answers(), tomli)
    for text in ["\ufeffa = 1\n", "a = 1979-05-27T07:32:00Z\n", "a = 07:32:00.5-05:00\n", "a = 07:32+01:00\n"]:
        assert _table_or_refusal(guarded, text) == _table_or_refusal(tomli, text)
    deep = "x = " + "[" * 2000 + "]" * 2000
    assert _table_or_refusal(parser, deep) == _table_or_refusal(tomli, deep)
    assert _table_or_refusal(parser, deep)[:2] == ("refused", "RecursionError")


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
def test_one_loop_writes_what_the_scoped_blocks_wrote(generate, fragment):
    """The list written in one loop, with the Python noterefs, gives the bytes that a scoped block per
    entry and per part, with the Jinja macro noterefs, gave."""
    import timeline
    from browser.fixture import hostile, small
    from timeline.render.html import make_environment, render_html

    folder = ROOT / "tests" / "data" / "html-part-blocks"
    old = make_environment(folder).get_template("timeline.html.j2")
    assert {"event", "event_claims"} <= set(old.blocks)  # the old way: a scoped block per entry and per part
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


def _layouts_with_and_without_full_lane_check(monkeypatch, tl, **options):
    from timeline.layout import layout, rows

    skip_if_compiled(rows)
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

    skip_if_compiled(rows)
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


_MONTH_WORDS = ["January", "February", "March", "June", "September", "December", "march", "Sept", "Febuary"]
_SIDE = st.one_of(
    st.builds("{} {}, {:04d}".format, st.sampled_from(_MONTH_WORDS), st.integers(0, 32), st.integers(0, 2000)),
    st.builds("{} {} {:04d}".format, st.integers(0, 32), st.sampled_from(_MONTH_WORDS), st.integers(0, 2000)),
    st.builds("{} {:04d}".format, st.sampled_from(_MONTH_WORDS), st.integers(0, 2000)),
    st.builds("c. {:04d}".format, st.integers(0, 2000)),
    st.sampled_from(["March 5", "5 March", "1953", "by 1953", "c.1949", "March 5,1953", "the 1940s", "5–9 March 1953"]),
)
_DASHES = st.sampled_from([" – ", "–", " —", "— ", " - ", "-", " to ", "  –  ", " – – ", "/", " ‒ ", "– "])


def _outcome(parse, text):
    from timeline.errors import DateError

    try:
        return parse(text)
    except DateError as exc:
        return ("DateError", str(exc), exc.column)


@settings(max_examples=1500)
@given(_SIDE, _DASHES, _SIDE, st.sampled_from(["", " ", "."]))
def test_an_english_range_reads_as_the_full_grammar_reads_it(left, dash, right, tail):
    """The English-range fast path (two common dates and a dash) gives what the full grammar gives, or declines."""
    from timeline.dates import parse

    text = f"{left}{dash}{right}{tail}"
    full = _outcome(lambda t: parse._parse_text(t, None, "gregorian"), text)
    fast = parse._fast_english_range(text)
    if fast is not None:
        assert fast == full
    parse._parse_cached.cache_clear()
    assert _outcome(parse.parse_date, text) == full


def test_the_generated_english_ranges_take_the_fast_path(generate):
    """Every English range the benchmark writes ("March 5, 1953 – April 6, 1954") is read by the fast path."""
    from timeline.dates import parse

    ranges = {ev["when"] for ev in generate.generate(2000)["events"] if " – " in ev["when"]}
    assert len(ranges) > 100
    assert all(parse._fast_english_range(t) == parse._parse_text(t, None, "gregorian") for t in ranges)


_KINDS = ["scholarly", "blog", "partisan", "forum", "other"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.builds("{}{}".format, st.sampled_from([1929, 1930, 1945, 1950, 1956, 1957]),
                                    st.sampled_from(["", "-01-01", "-12-31"])),
                          st.sampled_from(["", "/1929-12-31", "/1930-01-01", "/1956-12-31", "/1957-01-01", "/1960"]),
                          st.lists(st.sampled_from(["s0", "s1", "s2", "nowhere"]), max_size=3), st.booleans()),
                min_size=1, max_size=8),
       st.lists(st.sampled_from(_KINDS), min_size=3, max_size=3),
       st.sampled_from([None, "1930/1956", "../1950", "1940/..", "1945"]))
def test_the_range_and_weak_source_checks_report_what_the_full_checks_report(events, kinds, declared):
    """The validation pass's day-number range check and weak-source set give the checks of timeline.support
    and of the dates' earliest/latest, event by event."""
    import timeline
    from timeline.io.validate import validate
    from timeline.support import attribution_problem

    tl = timeline.Timeline(range=None if declared is None else timeline.parse_date(declared))
    for n, kind in enumerate(kinds):
        tl = tl.add_source(id=f"s{n}", kind=timeline.SourceKind(kind), title=f"S{n}")
    for i, (start, end, cited, context) in enumerate(events):
        when = f"{start}{end}" if end and end[1:] >= start else start
        tl = tl.add_event(f"e{i}", f"Event {i}", when,
                          citations=[{"source": s} for s in cited], tags=["context"] if context else [])
    got = [d.message for d in validate(tl, lambda path: None) if "declared range" in d.message or "as fact" in d.message]
    want = []
    rng = tl.range
    for ev in tl.events:
        lo, hi = (None, None) if rng is None else (rng.earliest, rng.latest)
        outside = (lo and ev.when.latest and ev.when.latest < lo) or (hi and ev.when.earliest and ev.when.earliest > hi)
        if rng is not None and not ev.is_context and outside:
            want.append(f"event '{ev.id}' ({ev.when.display()}) is outside the declared range {rng.display()}; "
                        f"fix the date or tag it 'context'")
        problem = attribution_problem(ev, tl.sources)
        if problem is not None:
            want.append(problem)
    assert got == want


_TOML_VALUES = st.one_of(
    st.sampled_from(["", "e1", "src1", "Event one", "bad id", "-x", "1953-03-05", "June 1951", "1953-13-40", "c. 1949",
                     "politics", "see [the source](https://example.org)"]),
    st.integers(-2, 2), st.booleans(),
    st.lists(st.sampled_from(["tag", "context", ""]), max_size=2),
)
_CITATION = st.one_of(
    st.sampled_from(["src1", "src2", "nowhere", "bad id", ""]),
    st.sampled_from([{"source": "src1", "locator": 2}, {"source": "src1", "quote": True}, {"source": "src1", "page": "3"},
                     {"source": "src2", "locator": "p. 3", "quote": "q"}, {"locator": "p. 3"}]),
    st.dictionaries(st.sampled_from(["source", "locator", "quote", "page"]),
                    st.sampled_from(["src1", "src2", "p. 3", "bad id", ""]) | st.integers(0, 3), max_size=3),
    st.integers(0, 1),
)
_EVENT_TABLE = st.dictionaries(
    st.sampled_from(["id", "title", "when", "lane", "text", "tags", "note", "display_date", "citations", "calendar",
                     "priority", "claims", "media", "titel"]),
    _TOML_VALUES | st.lists(_CITATION, max_size=3) | _CITATION, max_size=10,
)


def _toml_value(value) -> str:
    import json

    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _events_toml(tables) -> str:
    out = ['[timeline]\ntitle = "T"\n\n[[lanes]]\nid = "politics"\n',
           '[sources.src1]\ntitle = "One"\n', '[sources.src2]\ntitle = "Two"\nkind = "blog"\n']
    for table in tables:
        out.append("[[events]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in table.items()))
    return "\n".join(out)


def _read_both(monkeypatch, text):
    from timeline.io import toml, tomltables

    taken = []

    def counted(table, good_ids):
        plain = tomltables.plain_event.__wrapped__(table, good_ids)
        taken.append(plain is not None)
        return plain

    counted.__wrapped__ = tomltables.plain_event
    with monkeypatch.context() as m:
        m.setattr(tomltables, "plain_event", counted)
        fast = toml.read_toml_text(text, "x.toml")
    with monkeypatch.context() as m:
        m.setattr(tomltables, "plain_event", lambda table, good_ids: None)
        full = toml.read_toml_text(text, "x.toml")
    return fast, full, taken


_PLAIN_TABLE = {"id": "e1", "title": "A", "when": "1953", "lane": "politics", "text": "Some text", "tags": ["x"],
                "note": "", "display_date": "", "citations": [{"source": "src1", "locator": "p. 2"}, "src2"]}
#: One key set to a value the fast path must decline (or take, for the last few) as the full path would.
_NEAR_MISSES = [
    ("id", "bad id"), ("id", ""), ("id", 7), ("title", ""), ("title", 3), ("when", 1953), ("when", "1953-02-30"),
    ("when", "nonsense"), ("lane", ""), ("lane", 3), ("text", 2), ("note", True), ("display_date", 1),
    ("tags", "x"), ("tags", 3), ("tags", ["x", 2]), ("tags", []), ("citations", "src1"), ("citations", 3),
    ("citations", {"source": "src1"}), ("citations", [3]), ("citations", [""]), ("citations", ["bad id"]),
    ("citations", [{"source": "src1", "page": "3"}]), ("citations", [{"source": "src1", "locator": 2}]),
    ("citations", [{"source": "src1", "quote": False}]), ("citations", [{"locator": "p. 3"}]),
    ("citations", [{"source": 5}]), ("citations", [{"source": ["src1"]}]), ("citations", ["nowhere"]),
    ("citations", []), ("calendar", "julian"),
    ("priority", 3), ("media", "https://example.org/a.png"), ("claims", []), ("titel", "x"),
]
#: A plain table with up to two keys dropped and up to two set to other values.
_NEAR_PLAIN_TABLE = st.builds(
    lambda dropped, changes, more: {k: v for k, v in _PLAIN_TABLE.items() if k not in dropped} | dict(changes) | more,
    st.sets(st.sampled_from(sorted(_PLAIN_TABLE)), max_size=2),
    st.lists(st.sampled_from(_NEAR_MISSES), max_size=2),
    st.dictionaries(st.sampled_from([*_PLAIN_TABLE, "calendar", "priority", "media", "claims", "titel"]),
                    _TOML_VALUES | st.lists(_CITATION, max_size=3) | _CITATION, max_size=1),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_EVENT_TABLE | _NEAR_PLAIN_TABLE, min_size=1, max_size=4))
def test_a_plain_event_table_reads_as_the_full_reader_reads_it(tables):
    """The TOML reader's plain-table fast path gives the full path's timeline and every diagnostic, byte for byte."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, full, _taken = _read_both(monkeypatch, _events_toml(tables))
    assert [d.format() for d in fast.diagnostics] == [d.format() for d in full.diagnostics]
    assert fast.timeline == full.timeline


def test_the_generated_timeline_takes_the_plain_event_path(generate, monkeypatch):
    """Every event the benchmark writes is a plain table, and reads as the full reader reads it."""
    fast, full, taken = _read_both(monkeypatch, generate.to_toml(generate.generate(500)))
    assert len(taken) == 500 and all(taken)
    assert fast.diagnostics == full.diagnostics and fast.timeline == full.timeline
    assert [repr(e) for e in fast.timeline.events] == [repr(e) for e in full.timeline.events]


_YEARS = ["1953", "0953", "1", "9999", "10000", "0", "0000", "-44", "+1953", "1953.0", " 1953 ", "١٩٥٣", "１９５３", "abc", ""]
_MONTHS = ["", "1", "01", "001", "2", "12", "13", "0", "00", " 3 ", "x", "٣", "1.0"]
_DAYS = ["", "1", "07", "007", "28", "29", "30", "31", "32", "0", "x", " 5"]


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(_YEARS), st.sampled_from(_MONTHS), st.sampled_from(_DAYS), st.sampled_from(["", "20:17"]),
       st.sampled_from(["", "end_"]))
def test_plain_sheet_date_cells_read_as_the_full_cell_check_reads_them(year, month, day, time, prefix):
    """A TimelineJS row's plain year/month/day cells make the EDTF and diagnostics the cell-by-cell checks make."""
    from timeline.io.common import Collector
    from timeline.io.timelinejs import sheetdates, slides

    cells = dict(zip(("year", "month", "day", "time"), (year, month, day, time), strict=True))
    fields = {prefix + key: slides.Value(text, 2, column, "the row") for column, (key, text) in enumerate(cells.items(), 1)}

    def read() -> tuple:
        builder = slides.SlideBuilder("x.csv", Collector())
        got = builder.edtf(slides.Slide(fields, slides.Value("", 2, 1, "the row")), prefix)
        return got, [d.format() for d in builder.c.diagnostics]

    fast = read()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(sheetdates, "_plain_ymd", lambda *texts: None)
        full = read()
    assert fast == full


@settings(max_examples=600)
@given(st.lists(st.sampled_from(["<p>", "</p>", "a", "b c", "  ", "\t", "*", "[x]", "\\", "\n", "é", "<P>", "<br>",
                                 "&amp;", "<p class='x'>", ">", "< p>", "&"]), max_size=12))
def test_paragraph_html_reads_as_the_parser_reads_it(pieces):
    """TimelineJS text of plain paragraphs converts as html.parser converts it."""
    from timeline.io import markup

    text = "".join(pieces)
    full = markup._convert(text, plain=False) if markup._TAG_HINT.search(text) else markup.Converted(
        markup._escape_markup(text.strip()))
    assert markup.html_to_markup(text) == full


@settings(max_examples=500)
@given(st.text(alphabet="ab *[]()\\\n:/é&;#x.Ё", max_size=24) | st.text(max_size=24))
def test_text_shortcuts_give_what_the_full_paths_give(text):
    """Markup escaping by str.translate, slugs of ASCII text, texts without "](", entity-free text: as before."""
    import html
    import re
    import unicodedata

    from timeline import markup
    from timeline.io import markup as io_markup
    from timeline.io import slugs

    assert io_markup._escape_markup(text) == re.sub(r"([\\*\[\]])", r"\\\1", text)
    full_ascii = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    assert slugs.slugify(text) == (slugs.slugify(full_ascii) if not text.isascii() else slugs.slugify(text))
    if text.isascii():
        assert full_ascii == text  # the shortcut's premise: NFKD leaves ASCII as it is
    full_links = []
    for token in markup.tokens(text):  # what find_links walked before the "](" check (one level suffices here)
        if token.kind == "link":
            full_links += [(markup._unescape_marks(token.text), token.url.strip()), *markup.find_links(token.text)]
        elif token.kind in ("strong", "em"):
            full_links += list(markup.find_links(token.text))
    assert list(markup.find_links(text)) == full_links
    assert markup.unescape_html(text) == html.unescape(re.sub(r"&#(?:0*[1-9][0-9]{7,}|[xX]0*[1-9a-fA-F][0-9a-fA-F]{6,});?",
                                                              "\ufffd", text))


_SHEET_CELLS = {  # the date cells mostly empty, so rows without a Year or an end are common
    "Year": ["", "", "1953", "-44", "0", "x", " "], "Month": ["", "", "", "3", "13", " "], "Day": ["", "", "5", "31"],
    "Time": ["", "", "", "20:17", "25:00"], "End Year": ["", "", "", "1954", "1900", " "], "End Month": ["", "", "4"],
    "End Day": ["", "", "9"], "Display Date": ["", "spring"], "Headline": ["", "A <b>title</b>", "Plain"],
    "Text": ["", "<p>t</p>", "x"], "Media": ["", "https://example.org/a.png"], "Media Credit": ["", "me"],
    "Media Caption": ["", "cap"], "Type": ["", "", "title", "era", "slide"], "Group": ["", "War"],
    "Background": ["", "#fff"], "Alt Text": ["", "alt"],
}


@settings(max_examples=200, deadline=None)
@given(st.permutations(sorted(_SHEET_CELLS)).flatmap(
    lambda names: st.tuples(st.just(names), st.lists(st.tuples(*(st.sampled_from(_SHEET_CELLS[n]) for n in names)),
                                                     min_size=1, max_size=5))))
@example(sheet=(["Headline", "Year"], [("Plain", "")]))                                # no Year: at its cell
@example(sheet=(["Headline", "Year", "Type", "End Year"], [("Plain", "1953", "era", "")]))  # an era without an end
def test_a_sheet_read_without_its_empty_cells_reads_as_with_them(sheet):
    """Leaving empty cells out of a slide (but Year and End Year) gives the same timeline and diagnostics."""
    import csv
    import io

    from timeline.io.timelinejs import read, slides

    names, rows = sheet
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([names, *rows])

    def load():
        result = read.read_timelinejs_csv_text(out.getvalue(), "x.csv")
        return result.timeline, [d.format() for d in result.diagnostics]

    fast = load()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(slides.SlideBuilder, "PLACED_WHEN_EMPTY", frozenset(slides.NAME_OF))
        full = load()
    assert fast == full


@settings(max_examples=300)
@given(st.text(alphabet="aZ09_-.: é\u2028", max_size=12) | st.text(max_size=12))
def test_a_key_of_kept_characters_is_its_own_spelling(text):
    """dom_key returns an id of only kept characters as it is: what spelling it out gives."""
    from timeline.render.text import _spelled, dom_key

    assert dom_key(text) == _spelled(text)


def test_the_refused_characters_are_exactly_those_xml_does_not_allow():
    """clean_text's pattern of refused characters removes exactly what XML 1.0's Char production leaves out."""
    import re

    from timeline.render.text import clean_text

    every = "".join(map(chr, range(0x110000)))
    allowed = re.compile("[\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]+")
    assert clean_text(every) == "".join(allowed.findall(every))


def test_a_page_classifies_each_event_once_and_draws_what_classifying_per_chart_draws(monkeypatch, generate):
    """The page's charts share the lanes and event records (once per timeline, not per chart), and the
    page is byte-identical to one whose every chart classifies afresh; also filtered and windowed."""
    import timeline
    from timeline.layout import chart
    from timeline.render.html import render_html

    timelines = [timeline.bundled(), timeline.loads(generate.to_toml(generate.generate(300, 5)))]
    cases = [{}, {"include_context": False}, {"window": ("1940", "1950")}]
    shared = {}
    calls = []
    counted = chart.classify

    def counting(*args, **kwargs):
        calls.append(1)
        return counted(*args, **kwargs)

    monkeypatch.setattr(chart, "classify", counting)
    for k, tl in enumerate(timelines):
        for n, options in enumerate(cases):
            calls.clear()
            shared[k, n] = render_html(tl, **options)
            assert len(calls) <= len(tl.events)  # five charts, one classification of each event
    monkeypatch.setattr(chart, "memo", lambda _obj, _name, compute: compute())
    for k, n in shared:
        assert render_html(timelines[k], **cases[n]) == shared[k, n]


def test_the_precompiled_templates_are_what_jinja_generates_from_them_now():
    """templates/precompiled/ holds exactly the code this Jinja generates from each packaged template
    (TIMELINE_UPDATE_GOLDEN=1 rewrites it); a stale file would only be skipped, never used."""
    import os

    import jinja2

    from timeline.render.html import make_environment
    from timeline.render.html_precompiled import generate as precompile
    from timeline.resources import packaged_templates

    folder = packaged_templates()
    made = precompile(make_environment(None, "auto"), folder)
    target = folder / "precompiled"
    if os.environ.get("TIMELINE_UPDATE_GOLDEN") == "1":
        target.mkdir(exist_ok=True)
        for stale in target.glob("*.py"):
            stale.unlink()
        for name, text in made.items():
            (target / name).write_text(text, encoding="utf-8", newline="\n")
    shipped = {p.name: p.read_text(encoding="utf-8") for p in target.glob("*.py")}
    versions = {text.split(" ", 3)[2] for text in shipped.values()}
    if versions != {jinja2.__version__} and os.environ.get("TIMELINE_REQUIRE_ALL") != "1":
        pytest.skip(f"templates/precompiled/ was made by Jinja {versions}, this is {jinja2.__version__}: "
                    "TIMELINE_UPDATE_GOLDEN=1 rewrites it")
    assert shipped == made, "templates/precompiled/ is stale: TIMELINE_UPDATE_GOLDEN=1 rewrites it"


@pytest.mark.parametrize("fragment", [False, True])
def test_precompiled_templates_render_what_compiling_them_renders(monkeypatch, generate, fragment):
    """Page, fragment and plain fragment from the precompiled code are byte-identical to compiling the templates."""
    import jinja2

    import timeline
    from browser.fixture import hostile, small
    from timeline.render import html
    from timeline.render.html_precompiled import Precompiled

    picture = {"src": "t.png", "alt": "A chart", "width": 720, "height": 900}
    timelines = (timeline.bundled(), small(), hostile(), timeline.loads(generate.to_toml(generate.generate(120))))

    def pages():
        html._packaged_environment.cache_clear()
        return [html.render_html(tl, fragment, **extra) for tl in timelines for extra in ({}, {"plain_image": picture})]

    loaded = []
    real = Precompiled.load

    def counted(self, environment, name, globals=None):
        template = real(self, environment, name, globals)
        loaded.append(name)
        return template

    def not_here(self, environment, name, globals=None):
        raise jinja2.TemplateNotFound(name)

    monkeypatch.setattr(Precompiled, "load", counted)
    fast = pages()
    assert {"timeline.html.j2", "timeline.css", "plain.html.j2"} <= set(loaded)
    monkeypatch.setattr(Precompiled, "load", not_here)
    assert pages() == fast
    html._packaged_environment.cache_clear()


def test_a_precompiled_template_whose_source_changed_is_compiled_from_the_source(tmp_path):
    """An edited packaged template (no longer the source its code was made from) is left to the next loader."""
    import shutil

    import jinja2

    from timeline.render.html_precompiled import Precompiled

    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    assert jinja2.Environment(loader=Precompiled(folder)).get_template("page.css").render().startswith("/* Page-only")
    (folder / "page.css").write_text("/* edited */\n", encoding="utf-8")
    with pytest.raises(jinja2.TemplateNotFound):
        jinja2.Environment(loader=Precompiled(folder)).get_template("page.css")


_ISO_SIDES = st.builds(lambda y, m, d: f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else ""),
                       st.integers(0, 2100), st.integers(0, 12), st.integers(0, 31)) | st.sampled_from(
    ["-0043", "Y12345", "1953-21", "1953-03-05T20:17", "1953~"])


@settings(max_examples=600)
@given(_ISO_SIDES, _ISO_SIDES)
def test_a_sheet_range_joins_its_parsed_ends_as_parsing_the_interval_does(start, end):
    """A row's range made from its two parsed ends equals parse_date of "start/end" (or raises alike)."""
    from timeline.dates import parse_date
    from timeline.errors import DateError
    from timeline.io.timelinejs import sheetdates

    try:
        s, e = parse_date(start), parse_date(end)
    except DateError:
        return
    if not (s.first_day is not None and e.last_day is not None and e.last_day >= s.first_day):
        return  # the builder reports an end before the start itself
    assert _outcome(lambda _t: sheetdates._joined(start, s, end, e), None) == _outcome(parse_date, f"{start}/{end}")


@pytest.mark.parametrize("fragment", [False, True])
def test_a_page_joined_in_batches_is_the_page_jinja_renders(monkeypatch, fragment):
    """The page's pieces joined a batch at a time (any batch size) give what Template.render gives."""
    import timeline
    from browser.fixture import hostile
    from timeline.render import html

    for tl in (timeline.bundled(), hostile()):
        context = html._context(tl, prefix="tl", fragment=fragment, theme="auto", lang="en", charts=[])
        template = html._packaged_environment("auto").get_template("fragment.html.j2" if fragment else "page.html.j2")
        whole = template.render(context)
        for size in (1, 7, 65536):
            monkeypatch.setattr(html, "_BATCH", size)
            assert html._rendered(template, context) == whole


@settings(max_examples=300)
@given(st.text(alphabet="a<>/é\x00\x1f\ufffe\u202e\u2066\u2069\u200f\n", max_size=30) | st.text(max_size=30))
def test_a_clean_page_is_scanned_once_and_left_as_the_two_passes_leave_it(text):
    """clean_document is the two passes (clean_text, then isolate_text_nodes), scanning once when neither acts."""
    from timeline.render.text import clean_document, clean_text, isolate_text_nodes

    document = f"<p>{text}</p><script>{text}</script>"
    assert clean_document(document) == isolate_text_nodes(clean_text(document))
