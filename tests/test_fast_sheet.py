"""The TimelineJS sheet's fast paths give exactly what the full paths give (issue 15), on generated input."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def _outcome(scan, text: str):
    from timeline.io import csvscan

    try:
        return scan(text)
    except csvscan.CsvSyntaxError as exc:
        return ("error", exc.message, exc.line, exc.column)


def _as_rows(rows):
    from timeline.io.csvscan import SplitRow

    return [row.row if isinstance(row, SplitRow) else row for row in rows] if isinstance(rows, list) else rows


_CSV_PIECES = ["a", "bc", ",", '"', '""', '"""', "\n", " ", "é", '"x,y"', '"multi\nline"', ",,", ',"', '",', "\n\n",
               '"a"b', '""x"', '"",', '"x,"",y"']


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_CSV_PIECES), max_size=30))
@example(['"x,"', '""', ',y"'])            # a quoted cell of three pieces, a pair at a comma
@example(['"a"', '"', ',b'])              # a closing quote paired by the next one: the cell runs on
@example(['"a"b,c'])                      # text after a closing quote: the full scan words the error
def test_split_rows_are_the_full_scans_rows(pieces):
    """Rows split at every comma, quoted cells joined again (values and columns kept, no cells made), are
    the rows, cells, positions and errors of the cell-by-cell scan."""
    from timeline.io import csvscan

    text = "".join(pieces)
    full = _outcome(lambda t: csvscan._scan(t, split_plain_rows=False), text)
    assert _as_rows(_outcome(csvscan.scan_csv_split, text)) == full
    assert _outcome(csvscan.scan_csv, text) == full


def test_quoted_cells_on_one_line_are_split_without_the_full_scan():
    """Quoted cells with commas and doubled quotes take the split path (the usual TimelineJS Text cell)."""
    from timeline.io.csvscan import SplitRow, scan_csv_split

    line = '1953,"Sources: A, B (1978), p. 1.","say ""hi"", then ""bye""",""""'
    (row,) = scan_csv_split(line)
    assert type(row) is SplitRow
    assert row.values == ["1953", "Sources: A, B (1978), p. 1.", 'say "hi", then "bye"', '"']
    assert row.columns == [1, line.index('"S') + 1, line.index('"say') + 1, len(line) - 3]


_SHEET_CELLS = {  # mostly the usual cells, with the quoting, blank rows and odd cells the general path reads
    "Year": ["1953", "1953", "-44", "", "x", " "], "Month": ["", "3", "13"], "Day": ["", "5", "31"],
    "Time": ["", "", "20:17"], "End Year": ["", "", "1954", "1900"], "End Month": ["", "4"], "End Day": ["", "9"],
    "Display Date": ["", "spring"], "Headline": ["", "A <b>title</b>", "Plain", "a, b", 'say "hi"', "two\nlines"],
    "Text": ["", "<p>t</p>", "x, y", '""', " "], "Media": ["", "https://example.org/a.png"], "Type": ["", "", "title", "era"],
    "Group": ["", "War", "War, peace"], "Background": ["", "#fff"], "": ["", "", "kept?"], "Colour": ["", "red"],
}


def _sheet(names: list[str], rows: list[tuple[str, ...]], extra: int, blank: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for i, row in enumerate(rows):
        writer.writerow([*row, *(["more"] if i < extra else [])])
        if blank:
            writer.writerow([""] * len(names))
    return out.getvalue()


def _read_both(text: str):
    from timeline.io import csvscan
    from timeline.io.timelinejs import read

    def load():
        result = read.read_timelinejs_csv_text(text, "x.csv")
        return result.timeline, [d.format() for d in result.diagnostics]

    fast = load()
    with pytest.MonkeyPatch.context() as monkeypatch:  # every row scanned cell by cell and read from its cells
        monkeypatch.setattr(read, "scan_csv_split", lambda t: csvscan._scan(t, split_plain_rows=False))
        full = load()
    return fast, full


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(_SHEET_CELLS)), min_size=1, max_size=9, unique=True).flatmap(
    lambda names: st.tuples(st.just(["Year", "Headline", *names] if "Year" not in names else names),
                            st.integers(0, 2), st.booleans())).flatmap(
    lambda spec: st.tuples(st.just(spec[0]), st.lists(st.tuples(*(st.sampled_from(_SHEET_CELLS.get(n, ["", "x"]))
                                                                  for n in spec[0])), min_size=1, max_size=5),
                           st.just(spec[1]), st.just(spec[2]))))
@example(sheet=(["Year", "Headline"], [("1953", "a")], 0, False))
@example(sheet=(["Year", "Headline", ""], [("1953", "a", "x")], 0, False))      # a cell under no header
@example(sheet=(["Year", "Headline"], [("1953", "a, b")], 1, True))              # a cell beyond the header
def test_a_sheet_read_from_split_rows_reads_as_from_cells(sheet):
    """The usual row read from its values and columns gives the timeline and diagnostics that reading every
    row from the cell-by-cell scan's cells gives."""
    names, rows, extra, blank = sheet
    fast, full = _read_both(_sheet(names, rows, extra, blank))
    assert fast == full


def test_the_generated_sheet_reads_as_from_cells():
    """The benchmark's sheet (quoted Text cells with commas, every row on one line) reads alike both ways."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    import timeline
    from timeline.io.timelinejs import timelinejs_csv

    sheet, _ = timelinejs_csv(timeline.loads(generate.to_toml(generate.generate(300))))
    fast, full = _read_both(sheet.replace("\r\n", "\n"))
    assert fast == full and fast[0] is not None and len(fast[0].events) == 300


@settings(max_examples=500)
@given(st.text(alphabet="aZ09 -_.:/~?%é\u0301Ё\t\x1c", max_size=70) | st.text(max_size=70))
@example("#8278 Decree, railway decree " * 3)    # cut at a word boundary
@example("1953-03-05/1953-04")
def test_slugs_by_byte_table_are_the_regex_slugs(text):
    """slugify and date_slug, which map bytes through a table and split, give what the regex substitutions give."""
    import re
    import unicodedata

    from timeline.io import slugs

    ascii_text = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 48:
        slug = slug[:48].rsplit("-", 1)[0] if "-" in slug[:48] else slug[:48]
    assert slugs.slugify(text, "event") == (slug or "event")
    assert slugs.date_slug(text) == re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-")


@settings(max_examples=300)
@given(st.text(alphabet="a \t\n\f.", max_size=20))
def test_tidy_without_a_newline_is_a_strip(text):
    """_tidy skips its two substitutions for text without a newline: what they and the strip give."""
    import re

    from timeline.io import markup

    assert markup._tidy(text) == re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]*\n[ \t]*", "\n", text)).strip()


@pytest.mark.parametrize("skip_invalid", [False, True])
@pytest.mark.parametrize("added", [(), ("warning",), ("error",), ("warning", "error")])
def test_an_item_that_added_nothing_closes_as_the_full_close_closes_it(added, skip_invalid):
    """Collector.item's block skips _close_item when the item added no diagnostic: the scope, the count of
    skipped items and the diagnostics are what closing it in full gives."""
    from timeline.io import common

    def run():
        collector = common.Collector(common.ReadOptions(skip_invalid=skip_invalid))
        collector.warning("before", "x.csv")
        with collector.item("row") as scope:
            for kind in added:
                getattr(collector, kind)(f"a {kind}", "x.csv", 2, 1)
        return scope, collector.skipped, collector.diagnostics

    with pytest.MonkeyPatch.context() as monkeypatch:
        closed = []
        real = common.Collector._close_item
        monkeypatch.setattr(common.Collector, "_close_item",
                            lambda self, *args: (closed.append(args), real(self, *args))[1])
        fast = run()
    assert (len(closed) == 1) == bool(added)

    def full_exit(self, exc_type, exc, tb):
        if exc_type is None:
            self.collector._close_item(self.what, self.start, self.scope)

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(common._Item, "__exit__", full_exit)
        full = run()
    assert fast == full


_MEDIA_FIELDS = ("media", "media_credit", "media_caption", "media_thumbnail", "alt_text", "headline")


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(_MEDIA_FIELDS), st.sampled_from(["", " ", "x", "https://a.org/i.png"])))
def test_a_slide_without_media_fields_skips_their_checks(cells):
    """_media returns at once for a slide holding none of the fields beside Media's URL: the media and the
    warnings of checking each of them."""
    from timeline.io.common import Collector
    from timeline.io.timelinejs import slides

    slide = slides.Slide({k: slides.Value(v, 2, i) for i, (k, v) in enumerate(cells.items(), 1)}, slides.Value("", 2, 1))

    def full(builder, slide):  # the loop before the shortcut
        if not slide.get("media"):
            for field in ("media_credit", "media_caption", "media_thumbnail", "alt_text"):
                if slide.get(field):
                    builder.warning(slide.at(field), f"{slides.NAME_OF[field]} is given without Media (a URL); "
                                                     f"it is not kept")
            return None
        return slides.SlideBuilder._media(builder, slide)

    fast_builder, full_builder = slides.SlideBuilder("x.csv", Collector()), slides.SlideBuilder("x.csv", Collector())
    assert fast_builder._media(slide) == full(full_builder, slide)
    assert fast_builder.c.diagnostics == full_builder.c.diagnostics


_LINKED = ["", "plain", "[a](https://a.org)", "[a](javascript:x)", "*[b](ftp://b)*", "x](y", "[c]( mailto:c )"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LINKED), st.sampled_from(_LINKED), st.sampled_from(["", "x" * 20_001])),
                min_size=1, max_size=6))
def test_validation_skips_texts_without_a_link_as_scanning_them_does(events):
    """The validation pass scans an event's text and note for links only when they hold "](", and checks
    tag lengths only for events with tags: the diagnostics of scanning and checking every one."""
    from timeline.dates import parse_date
    from timeline.io import validate
    from timeline.model.records import Event
    from timeline.model.timeline import Timeline

    tl = Timeline(title="t", events=tuple(
        Event(id=f"e{i}", title="T", when=parse_date("1953"), text=text, note=note, tags=(tag,) if tag else ())
        for i, (text, note, tag) in enumerate(events)))

    def run():
        return [d.format() for d in validate.validate(tl, lambda path: None, name="x.toml")]

    fast = run()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(validate, "_LINK", "")  # "" is in every text: each is scanned
        full = run()
    assert fast == full
    assert any("plain text" in d for d in full) or not any("javascript" in t or "ftp" in t for e in events for t in e)
    assert any("characters long" in d for d in fast) == any(tag for _, _, tag in events)  # a long tag is found


def test_prechecked_records_set_their_slots_as_init_does():
    """prechecked sets a slotted class's fields through their slots, and any other class's with
    object.__setattr__: the instance equals, hashes and shows as the one the class's __init__ makes."""
    import attrs

    from timeline._prechecked import prechecked
    from timeline.dates import parse_date
    from timeline.model.records import Citation, Event, Media

    @attrs.frozen(slots=False)
    class Loose:
        a: int
        b: str = "b"

    @attrs.frozen
    class Base:
        a: int

    @attrs.frozen
    class Derived(Base):  # a field whose slot is on the base class
        b: str = ""

    cases = [
        (Event, ("e-1", "Title", parse_date("1953/1954"), "text", ("t",), "lane", (Citation("s", "p. 1"),), (), "n",
                 Media(url="https://a.org/i.png"), "1953", 3)),
        (Citation, ("s", "p. 2", "quote")),
        (Loose, (1, "x")),
        (Derived, (2, "y")),
    ]
    for cls, values in cases:
        made, full = prechecked(cls)(*values), cls(*values)
        assert (made == full, hash(made) == hash(full), repr(made)) == (True, True, repr(full))
        assert attrs.asdict(made, recurse=False) == attrs.asdict(full, recurse=False)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(made, attrs.fields(cls)[0].name, None)
