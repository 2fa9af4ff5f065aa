"""Fuzzing: any input ends in a model or a located TimelineError, never another exception or a hang.

Covers the date parser, the TOML and JSON readers, the CSV/TimelineJS
readers (once they land) and the SVG/HTML renderers (once they land), with
Hypothesis and with the nasty files kept in ``tests/corpus/``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from conftest import count_steps
from timeline import DateError, TimelineError, parse_date
from timeline.io import FORMATS, read, read_text
from timeline.io.common import MAX_INPUT_BYTES
from timeline.model import Citation, Claim, Era, Event, Lane, Media, Quantity, Source, Timeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
#: The work one input may cost, in Python and C calls (count_steps), per input character plus a constant:
#: the seeds cost 1 to 5 a character; a super-linear path costs thousands.  Counting, not timing, so a slow
#: machine cannot fail it and a fast one cannot hide a hang.
STEPS_PER_CHAR = 100
STEPS_BASE = 200_000
#: ``path:line:col: error:``, ``path:$.json.pointer: error:`` or ``path: error:`` for whole-file problems.
DIAGNOSTIC_RE = re.compile(r"^\S[^\n]*?:(\d+:\d+|\d+|\$\S*|\d+:\d+:\$\S*)?:? (error|warning): \S", re.M)
LOCATED_ERROR_RE = re.compile(r"^\S[^\n]*?(:\d+:\d+|:\$\S*): error: \S", re.M)


def _module(name: str):
    """Import a module that may not have landed yet (None when absent; real import errors still fail)."""
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def renderers() -> dict:
    """The renderers present on this branch, by output name."""
    out = {}
    svg = _module("timeline.render.svg")
    html = _module("timeline.render.html")
    if svg is not None:
        out["svg"] = svg.render_svg
    if html is not None:
        out["html"] = lambda tl: html.render_html(tl, fragment=False)
        out["fragment"] = lambda tl: html.render_html(tl, fragment=True)
    return out


def corpus_files(*suffixes: str) -> list[Path]:
    """Corpus files with these suffixes, sorted."""
    return sorted(p for p in CORPUS.iterdir() if p.suffix in suffixes and p.is_file())


def _format_for(path: Path) -> str | None:
    """The reader format for a corpus file, or None when no reader takes its suffix."""
    for name, row in FORMATS.items():
        if row.can_read and path.suffix.lower() in row.suffixes:
            return name
    return None


def _assert_located(exc: TimelineError) -> None:
    errors = exc.errors or exc.diagnostics
    assert errors, f"TimelineError without diagnostics: {exc}"
    for diag in errors:
        assert diag.path and (diag.line or diag.pointer or "file is" in diag.message), diag.format()


def load_or_located_error(path: Path) -> Timeline | None:
    """Load a file within the step budget; a TimelineError must carry located diagnostics; any other exception fails."""
    def load() -> Timeline | TimelineError:
        try:
            return timeline.load(path)  # by suffix and content, as a user would
        except TimelineError as exc:
            return exc

    result, steps = count_steps(load)
    size = min(path.stat().st_size, MAX_INPUT_BYTES)
    assert steps <= STEPS_PER_CHAR * size + STEPS_BASE, f"{path.name}: {steps:,} steps for {size:,} bytes"
    if isinstance(result, TimelineError):
        _assert_located(result)
        return None
    return result


# -- the date parser -----------------------------------------------------------------------

DATE_ALPHABET = st.sampled_from(list("0123456789-/.~?%[]X{}, ") + [
    "March", "Mar", "spring", "winter", "early", "mid", "late", "c.", "circa", "by", "before", "after",
    "between", "and", "to", "from", "the", "s", "BC", "AD", "\u2013", "\u00a0", "Y", "E", "T", "Z", ":",
])
date_like = st.lists(DATE_ALPHABET, max_size=12).map("".join)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=80), date_like))
def test_parse_date_never_raises_anything_but_date_error(text):
    """parse_date returns a date or raises DateError (a located, explained refusal) for any text."""
    try:
        when = parse_date(text)
    except DateError as exc:
        assert exc.reason and 0 <= exc.column <= len(text) + 1
        return
    assert when.display() and when.edtf


@pytest.mark.parametrize("text", [
    "1" * 10_000, "1953-" * 2_000, "(" * 5_000 + "1953" + ")" * 5_000, "~" * 100_000, "between " * 1_000,
    "5 March 1953 " + "and " * 5_000, "\u0301" * 50_000, "19" + "\u200b" * 10_000 + "53",
])
def test_pathological_date_strings_fail_fast(text):
    """Huge or repetitive date strings are refused with a clear message before any parsing (a few steps)."""
    def refuse() -> DateError | None:
        try:
            parse_date(text)
        except DateError as exc:
            return exc
        return None

    refused, steps = count_steps(refuse)
    assert refused is not None and "too long" in str(refused)
    assert steps <= 1_000, f"{steps:,} steps to refuse {len(text):,} characters"


# -- the TOML and JSON readers ------------------------------------------------------------------

TOML_PIECES = st.sampled_from([
    "[[events]]\n", "[sources.s]\n", "[timeline]\n", "[[lanes]]\n", "[[eras]]\n", "[[events.claims]]\n",
    'id = "e1"\n', 'id = "e2"\n', 'title = "T"\n', 'when = "1953-03-05"\n', 'when = "1953-02-30"\n',
    'when = 5\n', 'citations = ["s"]\n', 'citations = [{ source = "x", locator = 1 }]\n', 'lane = "l"\n',
    'tags = ["a", 1]\n', 'range = "1950/1951"\n', 'quantity = { value = inf }\n', 'about = "n"\n',
    'media = { url = "javascript:alert(1)" }\n', 'title = """\n', "= x\n", "[\n", '"\n', "\r\n", "\ufeff",
    "a.b.c = 1\n", 'label = "\\u0000"\n', "x = [[[[[[1]]]]]]\n",
])


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=300), st.lists(TOML_PIECES, max_size=25).map("".join)))
def test_toml_reader_returns_diagnostics_for_any_text(text):
    """The TOML reader never raises: it returns a timeline or located diagnostics."""
    result = read_text(text)
    assert (result.timeline is None) == any(d.is_error for d in result.diagnostics)
    for diag in result.diagnostics:
        assert diag.line >= 1 or diag.path == "<string>", diag.format()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    | st.sampled_from(["1953", "1953-02-30", "e1", "s", "javascript:alert(1)", "\ud800"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from([
        "id", "title", "when", "edtf", "text", "tags", "lane", "media", "url", "citations", "claims", "source",
        "rank", "kind", "quantity", "value", "low", "events", "eras", "lanes", "sources", "timeline", "range",
        "author", "URL", "label",
    ]), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=300)
@given(json_values)
def test_json_reader_returns_diagnostics_for_any_document(value):
    """The JSON reader never raises for any JSON document, and what it accepts can be exported."""
    if isinstance(value, dict):
        value = {"format": "timeline", "version": 1, **value}
    result = read_text(json.dumps(value), format="json", name="x.json")
    assert (result.timeline is None) == any(d.is_error for d in result.diagnostics)
    if result.timeline is not None:
        timeline.dumps(result.timeline).encode("utf-8")


# -- every corpus file, every reader ---------------------------------------------------------------

@pytest.mark.parametrize("path", corpus_files(".toml", ".json", ".csv"), ids=lambda p: p.name)
def test_corpus_file_loads_or_fails_with_a_location(path):
    """Each nasty corpus file becomes a model (ok-*) or a located TimelineError (bad-*) within the budget."""
    if _format_for(path) is None:
        pytest.skip(f"no reader for {path.suffix} yet (interop branch)")
    tl = load_or_located_error(path)
    if path.name.startswith("ok-"):
        assert tl is not None, f"{path.name} should load"
        timeline.dumps(tl).encode("utf-8")
    else:
        assert tl is None, f"{path.name} should be refused"


def _extra_formats() -> list[str]:
    return sorted(name for name, row in FORMATS.items() if row.can_read and name not in ("toml", "json"))


@pytest.mark.parametrize("fmt", _extra_formats())
@settings(max_examples=150)
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_other_readers_return_diagnostics_for_any_bytes(tmp_path_factory, fmt, data):
    """The CSV/TimelineJS readers never raise for arbitrary bytes."""
    suffix = FORMATS[fmt].suffixes[0] if FORMATS[fmt].suffixes else ".txt"
    path = tmp_path_factory.mktemp("fz") / f"input{suffix}"
    path.write_bytes(data)
    result = read(path, format=fmt)
    assert (result.timeline is None) == any(d.is_error for d in result.diagnostics)


HEADER = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
          "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")
cells = st.one_of(st.sampled_from(["", "1953", "3", "13", "0", "-1", "abc", '"', '""', ",", "\n", "=1+1",
                                   "javascript:alert(1)", "<b>x</b>", "1" * 50]), st.text(max_size=10))


@settings(max_examples=150)
@given(st.lists(st.lists(cells, min_size=0, max_size=20), max_size=8))
def test_csv_sheets_with_random_cells_never_crash(tmp_path_factory, rows):
    """A TimelineJS-style CSV with arbitrary cells gives a timeline or diagnostics."""
    fmt = "timelinejs-csv"
    text = HEADER + "\n" + "\n".join(",".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in row) for row in rows)
    path = tmp_path_factory.mktemp("csv") / "sheet.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = read(path, format=fmt)
    assert (result.timeline is None) == any(d.is_error for d in result.diagnostics)


# -- size budgets ------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".toml", ".json", ".csv"])
def test_fifty_megabyte_file_is_refused_fast(tmp_path, suffix):
    """A 50 MB file is refused by size within seconds, with a clear message and no parsing."""
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    if _format_for(path) is None:
        pytest.skip(f"no reader for {suffix} yet (interop branch)")
    def load() -> TimelineError | None:
        try:
            timeline.load(path)
        except TimelineError as exc:
            return exc
        return None

    refused, steps = count_steps(load)
    assert refused is not None
    assert steps <= 100_000, f"{steps:,} steps to refuse a 50 MB file: it was parsed, not refused by its size"
    assert f"file is 52,428,800 bytes, over the {MAX_INPUT_BYTES:,}-byte limit for timeline input" in str(refused)


def test_big_file_of_errors_stays_linear(tmp_path):
    """Undefined-source citations cost the same steps each, 500 or 4,000 of them (this used to be quadratic)."""
    def cost(n: int) -> int:
        text = "".join(f'[[events]]\nid = "e{i}"\ntitle = "t"\nwhen = "1953"\ncitations = ["nope{i}"]\n'
                       for i in range(n))
        result, steps = count_steps(lambda: read_text(text))
        assert sum(d.is_error for d in result.diagnostics) == n
        return steps

    small, large = cost(500), cost(4000)
    assert large <= 8 * small * 1.25, f"8x the errors cost {large / small:.1f}x the steps"


def test_deeply_nested_toml_is_a_diagnostic():
    """tomllib's RecursionError on deep nesting becomes a located error."""
    result = read_text("x = " + "[" * 5000 + "]" * 5000)
    assert [d.format() for d in result.diagnostics] == [
        "<string>:1:1: error: TOML nests arrays or inline tables too deeply"]


def test_json_with_lone_surrogates_loads_with_warnings_and_exports():
    """Lone surrogates (legal JSON escapes) are replaced with U+FFFD and warned about, so output can be written."""
    doc = '{"format":"timeline","version":1,"events":[{"id":"e1","title":"a\\ud800b","when":"1953"}]}'
    result = read_text(doc, format="json", name="x.json")
    assert [d.format().splitlines()[0] for d in result.diagnostics] == [
        "x.json:1:44:$.events[0]: warning: event 'e1' has no citation",
        "x.json:1:63:$.events[0].title: warning: text holds a lone UTF-16 surrogate (a broken emoji or character); "
        "replaced with U+FFFD"]
    assert result.timeline.events[0].title == "a\ufffdb"


@pytest.mark.parametrize("quantity", ["1e999", "nan", "-inf"])
def test_non_finite_quantity_is_refused(quantity):
    """inf and nan quantities would become NaN coordinates and labels; they are refused at the value."""
    text = f'[[events]]\nid = "e"\ntitle = "t"\nwhen = "1953"\n[[events.claims]]\nabout = "n"\nquantity = {{ value = {quantity} }}\n'
    messages = [d.message for d in read_text(text).diagnostics]
    assert any(m.startswith("quantity 'value' must be a finite number") for m in messages), messages


# -- the renderers -------------------------------------------------------------------------------------

safe_text = st.text(max_size=40)
ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
dates = st.sampled_from(["1953-03-05", "1953", "1950s", "1953-03/1953-06", "[..1953]", "1953-03-05/..", "c. 1930",
                         "0001-01-01", "9999-12-31", "1953-21", "the late 1940s", "1930~/1956?"]).map(parse_date)


@st.composite
def timelines(draw):
    """Small random timelines whose every text field is arbitrary Unicode (controls, surrogates...)."""
    event_ids = draw(st.lists(ids, min_size=0, max_size=6, unique=True))
    sources = {"s": Source(id="s", title=draw(safe_text), author=(draw(safe_text),), url=draw(safe_text))}
    lanes = tuple(Lane(id=f"l{i}", label=draw(safe_text)) for i in range(draw(st.integers(0, 2))))
    events = []
    for eid in event_ids:
        claims = ()
        if draw(st.booleans()):
            cite = (Citation(source="s", locator=draw(safe_text), quote=draw(safe_text)),)
            claims = (Claim(when=draw(dates), citations=cite), Claim(when=draw(dates), citations=cite),
                      Claim(about="n", quantity=Quantity(value=draw(st.floats(-1e12, 1e12)), unit=draw(safe_text)),
                            citations=cite),
                      Claim(about="why", statement=draw(safe_text) or "s", by=draw(safe_text), citations=cite),
                      Claim(about="why", statement=draw(safe_text) or "t", citations=cite))
        events.append(Event(
            id=eid, title=draw(safe_text), when=draw(dates), text=draw(safe_text), tags=(draw(safe_text),),
            lane=draw(st.sampled_from([None, *[ln.id for ln in lanes]])), display_date=draw(safe_text),
            citations=(Citation(source="s", locator=draw(safe_text)),), claims=claims, note=draw(safe_text),
            media=Media(url=draw(safe_text), caption=draw(safe_text)) if draw(st.booleans()) else None,
        ))
    eras = tuple(Era(id=f"era{i}", label=draw(safe_text), when=draw(dates)) for i in range(draw(st.integers(0, 2))))
    return Timeline(title=draw(safe_text), subtitle=draw(safe_text), description=draw(safe_text),
                    events=tuple(events), eras=eras, lanes=lanes, sources=sources)


@pytest.mark.parametrize("output", ["svg", "html", "fragment"])
@settings(max_examples=40)
@given(tl=timelines())
def test_renderers_never_crash_and_emit_encodable_text(output, tl):
    """Any timeline renders (or raises RenderError) to text that encodes as UTF-8; SVG stays well-formed XML."""
    render = renderers().get(output)
    if render is None:
        pytest.skip(f"the {output} renderer has not landed yet")
    def attempt() -> str | TimelineError:
        try:
            return render(tl)
        except TimelineError as exc:
            return exc

    text, steps = count_steps(attempt)
    assert steps <= 50 * STEPS_BASE, f"{steps:,} steps to render {len(tl.events)} events"
    if isinstance(text, TimelineError):
        _assert_located(text) if text.diagnostics else None
        return
    text.encode("utf-8")
    if output == "svg":
        import xml.etree.ElementTree as ET

        ET.fromstring(text.encode("utf-8"))


@pytest.mark.parametrize("path", [p for p in corpus_files(".toml", ".json") if p.name.startswith("ok-")],
                         ids=lambda p: p.name)
def test_corpus_models_render(path):
    """Every corpus file that loads also renders with each renderer present."""
    found = renderers()
    if not found:
        pytest.skip("no renderer has landed yet")
    tl = timeline.load(path)
    for name, render in found.items():
        render(tl).encode("utf-8")


# -- the command line ----------------------------------------------------------------------------------

def run_cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """Run ``python -m timeline`` on this checkout in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=env, timeout=timeout, cwd=ROOT)


def test_cli_never_prints_a_traceback_for_the_corpus(tmp_path):
    """``timeline check`` and ``export`` over every bad corpus file: exit 1, located errors, no traceback."""
    bad = [p for p in corpus_files(".toml", ".json", ".csv") if p.name.startswith("bad-") and _format_for(p)]
    # One interpreter for all files keeps this fast; each call is still the real CLI entry point.
    script = (
        "import sys, contextlib, io, json\n"
        "from timeline.cli import main\n"
        "out = []\n"
        "for cmd, path in json.loads(sys.argv[1]):\n"
        "    err = io.StringIO()\n"
        "    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):\n"
        "        code = main([cmd, path])\n"
        "    out.append([cmd, path, code, err.getvalue()])\n"
        "print(json.dumps(out))\n"
    )
    jobs = [[cmd, str(p)] for p in bad for cmd in ("check", "export")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, json.dumps(jobs)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    for cmd, path, code, err in json.loads(done.stdout):
        assert code == 1, (cmd, path, code, err[:500])
        assert "Traceback" not in err, err
        assert LOCATED_ERROR_RE.search(err) or DIAGNOSTIC_RE.search(err), (cmd, path, err[:500])


@pytest.mark.parametrize("name", ["bad-binary.toml", "bad-deep.json", "bad-cp1251.toml"])
def test_cli_subprocess_reports_bad_input_as_located_errors(name):
    """A real ``timeline check`` subprocess prints ``path:line:col: error:`` and exits 1."""
    done = run_cli("check", str(CORPUS / name))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert LOCATED_ERROR_RE.search(done.stderr), done.stderr


def test_cli_misuse_exits_2_without_traceback(tmp_path):
    """A missing file or unknown suffix is misuse: exit 2, one line, no traceback."""
    for args in (("check", str(tmp_path / "missing.toml")), ("check", str(CORPUS))):
        done = run_cli(*args)
        assert "Traceback" not in done.stderr
        assert done.returncode in (1, 2), (args, done.returncode, done.stderr)
    odd = tmp_path / "events.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    done = run_cli("check", str(odd))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
