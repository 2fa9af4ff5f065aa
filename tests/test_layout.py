"""Tests for timeline.layout: scale, ticks, text metrics, label placement on the Scene."""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from conftest import count_steps
from timeline.errors import UsageError
from timeline.layout import LayoutOptions, layout
from timeline.layout.scale import adaptive_scale, linear_scale
from timeline.layout.scene import Box, Shape
from timeline.layout.typography import Typography
from timeline.layout.text import measure, shorten, wrap, wrap_whole
from timeline.model import Timeline

ROOT = pathlib.Path(__file__).resolve().parent.parent


def small_timeline() -> Timeline:
    """A small inline fixture with each kind of date the layout draws."""
    tl = Timeline(title="Inline fixture", subtitle="Every kind of date")
    tl = tl.add_source(id="src", title="A Book", type="book", author=["A. Author"], publisher="Press", issued="2001")
    tl = tl.add_lane("a", "Lane A").add_lane("b", "Lane B")
    cite = [{"source": "src", "locator": "p. 1"}]
    tl = tl.add_event("exact", "An exact day", "1953-03-05", lane="a", citations=cite)
    tl = tl.add_event("month", "A month", "1953-04", lane="a", citations=cite)
    tl = tl.add_event("approx", "An approximate year", "1950~", lane="b", citations=[{"source": "src", "locator": "p. 2"}])
    tl = tl.add_event("range", "A range of years with a rather long title that must wrap", "1946/1953", lane="b")
    tl = tl.add_event("open", "An open-ended range", "1954/..", lane="a")
    tl = tl.add_event("before", "On or before", "[..1953-04-03]", lane="b")
    tl = tl.add_event("after", "On or after", "[1952-06..]", lane="a")
    tl = tl.add_era("era", "An era", "1950/1952")
    from timeline.model import Citation, Claim

    disputed = timeline.Event(
        id="disputed", title="Disputed date", when=timeline.parse_date("1953-03-26"), lane="a",
        claims=(Claim(when=timeline.parse_date("1953-03-26"), citations=(Citation("src", "p. 3"),)),
                Claim(when=timeline.parse_date("1953-03-23"), citations=(Citation("src", "p. 4"),))),
    )
    return timeline.Timeline(**{**{f: getattr(tl, f) for f in ("title", "subtitle", "eras", "lanes", "sources")},
                                "events": (*tl.events, disputed)})


def mark_box(shape: Shape) -> Box:
    """A mark's geometric extent: a circle's bounding square, a rect, the points' bounding box of a line or polygon."""
    c = shape.coords
    if shape.kind == "circle":
        return Box(c[0] - c[2], c[1] - c[2], 2 * c[2], 2 * c[2])
    if shape.kind == "rect":
        return Box(*c)
    xs, ys = c[0::2], c[1::2]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def assert_text_clear_of_marks(scene) -> None:
    """No text line lies over an event's mark, its own or another's.

    The rule: every text line (each line of each event label, its date line and footnote numbers,
    and every other text of :meth:`Scene.texts`: header, ticks, lanes, badges, notes) as its
    measured box (advance width, font ascent to descent) shares no interior area with the box of any
    shape in any ``EventMark.shapes`` (dots, bars, "sometime in" bands and caps, whiskers, arrows,
    brackets, the dashed rings of weak-only events) -- touching edges are allowed.  What the design
    means to meet a label is not a mark: its leader line (``Label.leader``), era bands, grid and lane
    rules are left out.
    """
    items = [(mark_box(s), f"mark:{e.event_id}:{s.cls}", True) for e in scene.events for s in e.shapes]
    items += [(t.box, f"event:{e.event_id}:{t.text}", False) for e in scene.events if e.label is not None
              for t in e.label.lines]
    items += [(t.box, f"{kind}:{t.text}", False) for kind, t in scene.texts()]
    active: list = []
    for box, name, is_mark in sorted(items, key=lambda it: it[0].x):
        active = [a for a in active if a[0].x1 > box.x]
        for other, other_name, other_is_mark in active:
            if is_mark != other_is_mark:
                assert not box.intersects(other), f"{name} {box} overlaps {other_name} {other}"
        active.append((box, name, is_mark))


def assert_scene_ok(scene, marks: bool = True) -> None:
    """No two label boxes intersect, no text lies over a mark (unless not ``marks``), and all lie inside the canvas."""
    if marks:
        assert_text_clear_of_marks(scene)
    boxes = scene.label_boxes()
    canvas = scene.canvas
    for name, box in boxes:
        assert box.inside(canvas), f"{name} {box} outside {canvas}"
    # Sweep by x: sort by left edge and compare only boxes whose x ranges overlap.
    ordered = sorted(boxes, key=lambda nb: nb[1].x)
    active: list = []
    for name, box in ordered:
        active = [(n, b) for n, b in active if b.x1 > box.x]
        for other_name, other in active:
            assert not box.intersects(other), f"{name} {box} overlaps {other_name} {other}"
        active.append((name, box))


def test_measure_uses_dejavu_advances():
    """Widths come from the DejaVu Sans table: 'M' is wider than 'i', Cyrillic is covered."""
    assert measure("M", 10) == pytest.approx(8.63, abs=0.01)
    assert measure("i", 10) < measure("M", 10)
    assert measure("Жизнь", 10) > 0
    assert measure("\u4e00", 10) == pytest.approx(6.2)


def test_wrap_two_lines_and_ellipsis():
    """Long titles wrap to two lines and the second ends in an ellipsis."""
    lines = wrap("one two three four five six seven eight nine ten eleven twelve", 12, 80)
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert all(measure(line, 12) <= 80 for line in lines)
    assert shorten("short", 12, 200) == "short"


@pytest.mark.parametrize(("text", "width", "lines", "expected"), [
    ("Amnesty decree", 200, 2, ("Amnesty decree",)),
    ("Amnesty decree", 60, 2, ("Amnesty", "decree")),
    ("Amnesty decree of 27 March", 60, 2, None),          # needs a third line: not cut
    ("Amnesty decree of 27 March", 60, 4, ("Amnesty", "decree of", "27 March")),
    ("Extraordinarily", 40, 3, None),                      # one word wider than the line
    ("", 40, 1, ("",)),
])
def test_wrap_whole_keeps_every_word_or_refuses(text, width, lines, expected):
    """wrap_whole breaks only at spaces and never shortens: the whole text in max_lines, or None."""
    assert wrap_whole(text, 12, width, max_lines=lines) == expected


def test_shorten_never_cuts_a_word_it_could_keep():
    """shorten() cuts after the last whole word that fits; only a first word too wide is cut."""
    assert shorten("Amnesty decree of 27 March", 12, 80) == "Amnesty…"
    assert shorten("Extraordinarily", 12, 40).endswith("…")


def test_adaptive_scale_gives_dense_periods_room():
    """A busy year gets more px per day than the empty years, which are marked compressed."""
    d0, d1 = dt.date(1930, 1, 1).toordinal(), dt.date(1957, 1, 1).toordinal()
    busy = dt.date(1953, 3, 1).toordinal()
    anchors = [(d0 + 10, d0 + 11)] + [(busy + k, busy + k + 1) for k in range(30)]
    scale = adaptive_scale(anchors, d0, d1, 0, 1000)
    assert scale.pos(busy + 30) - scale.pos(busy) > 30 * 1000 / (d1 - d0) * 2
    assert any(scale.compressed)
    xs = [scale.pos(d) for d in range(d0, d1, 97)]
    assert xs == sorted(xs)


def test_unknown_option_suggests_name():
    """A misspelt option raises UsageError with a did-you-mean."""
    with pytest.raises(UsageError, match="did you mean 'orientation'"):
        layout(small_timeline(), orientaton="vertical")


def test_bad_option_value():
    """A bad orientation is refused with what was expected."""
    with pytest.raises(UsageError, match="orientation must be one of"):
        LayoutOptions(orientation="diagonal")


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
@pytest.mark.parametrize("scale", ["linear", "adaptive", "auto"])
def test_inline_fixture_scene_is_clean(orientation, scale):
    """The inline fixture lays out with every event drawn and no overlapping or clipped label."""
    tl = small_timeline()
    scene = layout(tl, orientation=orientation, scale=scale)
    assert {e.event_id for e in scene.events} == {e.id for e in tl.events}
    assert_scene_ok(scene)


def test_classes_say_what_an_event_is():
    """Events carry point/range, approximate, bounded, disputed, open and lane classes."""
    scene = layout(small_timeline())
    classes = {e.event_id: set(e.classes) for e in scene.events}
    assert {"event", "point"} <= classes["exact"]
    assert "approximate" in classes["approx"]
    assert {"range", "open"} <= classes["open"]
    assert "bounded" in classes["before"] and "bounded" in classes["after"]
    assert "disputed" in classes["disputed"]
    assert "lane-0" in classes["exact"] and "lane-1" in classes["range"]


def test_disputed_label_and_footnotes():
    """A disputed date reads "23 or 26 Mar 1953" and carries the footnote of each claim."""
    scene = layout(small_timeline())
    ev = next(e for e in scene.events if e.event_id == "disputed")
    assert ev.date_label == "23 or 26 Mar 1953"
    assert len(ev.notes) == 2


def test_focus_option():
    """A focus period gets more room than the linear scale gives it."""
    tl = small_timeline()
    lin = layout(tl, scale="linear")
    foc = layout(tl, focus=[("1953-03", "1953-04")])
    assert foc.scale == "focus" and lin.scale == "linear"


def test_overflow_is_announced_not_dropped():
    """When rows run out, events get a "+N more" badge and a note, and keep their marks."""
    tl = Timeline(title="Crowded")
    for k in range(40):
        tl = tl.add_event(f"e{k:02d}", f"Event number {k}", "1953-03-05")
    scene = layout(tl, max_rows=5)
    assert {e.event_id for e in scene.events} == {e.id for e in tl.events}
    hidden = {i for b in scene.badges for i in b.event_ids}
    assert len(hidden) == 35
    assert scene.overflow_note
    assert_scene_ok(scene)


def test_other_century_and_single_event():
    """1815–1985 with a 170-year span, and a single event, lay out cleanly."""
    tl = Timeline(title="Another century")
    tl = tl.add_event("waterloo", "Battle of Waterloo", "1815-06-18").add_event("long", "A long span", "1815/1985")
    tl = tl.add_event("moon", "Moon landing", "1969-07-20").add_event("end", "The end", "1985")
    for orientation in ("horizontal", "vertical"):
        assert_scene_ok(layout(tl, orientation=orientation))
        one = Timeline(title="One").add_event("only", "Only event", "1900-01-01")
        assert_scene_ok(layout(one, orientation=orientation))


def test_layout_work_grows_about_linearly_with_events():
    """4x the events cost well under 16x the calls (first-fit rows, no pairwise checks); counted, not timed."""
    base = dt.date(1900, 1, 1)

    def cost(n: int) -> int:
        events = [timeline.Event(id=f"e{k}", title=f"Event {k}",
                                 when=timeline.parse_date((base + dt.timedelta(days=k * 3)).isoformat()))
                  for k in range(n)]
        tl = Timeline(title="Big", events=events)
        scene, steps = count_steps(lambda: layout(tl))
        assert len(scene.events) == n
        return steps

    cost(10)  # imports and caches outside the count
    small, large = cost(1000), cost(4000)
    assert large <= 2 * 4 * small, f"4x the events cost {large / small:.1f}x the steps (quadratic would be 16x)"


def test_layout_does_not_import_renderers():
    """timeline.layout imports neither svgwrite nor jinja2."""
    for path in (ROOT / "timeline" / "layout").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not names & {"svgwrite", "jinja2"}, path


DAYS = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2000, 12, 31))


@st.composite
def random_timelines(draw):
    """Random timelines: points, ranges, bounds, shared days, same titles, huge spans, weak-only events."""
    n = draw(st.integers(min_value=1, max_value=40))
    same_day = draw(DAYS)
    events = []
    for k in range(n):
        kind = draw(st.sampled_from(["same", "day", "range", "year", "before", "after"]))
        title = draw(st.sampled_from(["Same title", "A much longer title that has to wrap onto a second line", "X",
                                      "Жизнь и судьба", f"Event {k}"]))
        if kind == "same":
            when = same_day.isoformat()
        elif kind == "day":
            when = draw(DAYS).isoformat()
        elif kind == "year":
            when = str(draw(DAYS).year)
        elif kind in ("before", "after"):
            day = draw(DAYS).isoformat()
            when = f"[..{day}]" if kind == "before" else f"[{day}..]"
        else:
            a, b = sorted([draw(DAYS), draw(DAYS)])
            when = f"{a.isoformat()}/{b.isoformat()}"
        lane = draw(st.sampled_from([None, "l1", "l2"]))
        # Half are weak-only (a forum source): their marks get a dashed ring.
        cites = (timeline.Citation("forum"),) if draw(st.booleans()) else ()
        events.append(timeline.Event(id=f"e{k}", title=title, when=timeline.parse_date(when), lane=lane,
                                     citations=cites))
    return Timeline(title="Random", events=events).add_source(id="forum", title="A forum", type="forum")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=random_timelines(), orientation=st.sampled_from(["horizontal", "vertical"]),
       scale=st.sampled_from(["linear", "adaptive"]), width=st.sampled_from([None, 480, 1600]))
def test_random_timelines_never_overlap(tl, orientation, scale, width):
    """On random timelines no label overlaps another or a mark (a bound's whisker included, either way), none
    leaves the canvas, and every event is drawn."""
    scene = layout(tl, orientation=orientation, scale=scale, width=width)
    assert {e.event_id for e in scene.events} == {e.id for e in tl.events}
    assert_scene_ok(scene)


def test_every_pair_of_event_labels_disjoint_bruteforce():
    """Cross-check the sweep with a brute-force pairwise check on the fixture."""
    scene = layout(small_timeline())
    boxes = scene.label_boxes()
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        assert not ba.intersects(bb), (a, b)


def test_header_false_leaves_out_title_but_keeps_accessible_name():
    """header=False draws no title or subtitle; the Scene and the SVG keep the title and summary."""
    from timeline.render.svg import render_svg

    for orientation in ("horizontal", "vertical"):
        scene = layout(small_timeline(), orientation=orientation, header=False)
        classes = {t.cls for t in scene.header}
        assert not classes & {"title", "subtitle"}
        assert scene.title == "Inline fixture" and scene.summary
        assert_scene_ok(scene)
    svg = render_svg(small_timeline(), header=False)
    assert "<title id=\"tl-title\">Inline fixture</title>" in svg and "<desc id=\"tl-desc\">" in svg
    assert 'class="title"' not in svg


def legend_words(scene) -> list[str]:
    """The legend entries of a Scene, in order."""
    return [t.text for t in scene.header if t.cls == "legend-label"]


def test_legend_lists_only_the_marks_used():
    """The legend shows every kind of mark the fixture uses, and only exact days for a plain timeline."""
    words = legend_words(layout(small_timeline()))
    for expected in ("exact day", "from – to", "approximate (c.)", "on or before / after", "sources disagree",
                     "open end", "period"):
        assert expected in words
    plain = Timeline(title="Plain").add_event("a", "A", "1953-03-05").add_event("b", "B", "1953-04-05")
    assert legend_words(layout(plain)) == ["exact day"]
    assert legend_words(layout(plain, orientation="vertical")) == ["exact day"]
    assert legend_words(layout(small_timeline(), legend=False)) == []


def test_bundled_every_event_labelled_and_era_labels_whole():
    """On the bundled data every event gets a label, and era labels are whole and apart, both orientations."""
    tl = timeline.bundled()
    for orientation in ("horizontal", "vertical"):
        scene = layout(tl, orientation=orientation)
        assert not scene.badges and not scene.overflow_note
        assert all(e.label is not None for e in scene.events)
        eras = [e.label for e in scene.eras if e.label is not None]
        assert len(eras) == len(tl.eras)
        assert not any(t.text.endswith("…") for t in eras)
        assert_scene_ok(scene)


def test_truly_dense_data_still_folds_into_more():
    """A hundred events on one day fold into "+N more" by default, listed by name, none dropped."""
    tl = Timeline(title="One day")
    for k in range(100):
        tl = tl.add_event(f"e{k:03d}", f"Event {k}", "1953-03-05")
    scene = layout(tl)
    hidden = {i for b in scene.badges for i in b.event_ids}
    assert hidden and len(hidden) < 100
    assert {e.event_id for e in scene.events} == {e.id for e in tl.events}
    assert set(scene.unlabelled) == hidden
    for event_id in hidden:  # every unlabelled event is named in the description
        assert f"{tl.event(event_id).title} (5 Mar 1953)" in scene.summary
    note = " ".join(t.text for t in scene.overflow_note)
    assert f"{len(hidden)} events not labelled" in note and len(scene.overflow_note) <= 6


def test_overflow_note_stays_bounded_at_ten_thousand_events():
    """At 10,000 events on a slide the note is one line and the description names at most 200."""
    import datetime as dt

    base = dt.date(1900, 1, 1)
    events = [timeline.Event(id=f"e{k}", title=f"Event {k}", when=timeline.parse_date((base + dt.timedelta(days=k * 3)).isoformat()))
              for k in range(10_000)]
    scene = layout(Timeline(title="Big", events=events), size="slide")
    assert scene.height == 1080 and len(scene.overflow_note) == 1
    assert len(scene.unlabelled) > 9000 and scene.summary.count(" (") <= 201
    assert len({e.event_id for e in scene.events}) == 10_000
    assert_scene_ok(scene)


def test_max_rows_must_be_a_positive_whole_number():
    """max_rows is None or an int of at least 1."""
    with pytest.raises(UsageError, match="max_rows"):
        LayoutOptions(max_rows=0)
    with pytest.raises(UsageError, match="max_rows"):
        LayoutOptions(max_rows=2.5)


def test_vertical_labels_sit_at_their_dates():
    """In the vertical list most leader lines are level, and no tick label is shortened."""
    scene = layout(timeline.bundled(), orientation="vertical")
    leaders = [e.label.leader for e in scene.events]
    drops = sorted(abs(ld[-1] - ld[1]) for ld in leaders)
    # The bundled data has clusters (1945, 1953, June 1951) whose labels must stack, so 40% rather than half.
    assert drops[len(drops) * 2 // 5] <= 2
    mark_ys = [round(ld[1], 1) for ld in leaders]
    for ld in leaders:
        # A long elbow only where several labels share one date and stack under it.
        assert abs(ld[-1] - ld[1]) <= 40 or mark_ys.count(round(ld[1], 1)) > 1
    assert scene.ticks and not any("…" in t.text for t in scene.ticks)
    marks_x = max(c for e in scene.events for s in e.shapes if s.kind == "circle" for c in s.coords[:1])
    assert all(e.label.box.x > marks_x for e in scene.events)


def test_vertical_time_order_is_kept():
    """Vertical labels run down the page in date order."""
    scene = layout(timeline.bundled(), orientation="vertical")
    tops = {e.event_id: e.label.box.y for e in scene.events}
    order = [e.id for e in timeline.bundled().sorted_events()]
    ys = [tops[i] for i in order]
    # Sorted events go by earliest date; labels hang from where each mark begins, so allow ties in a day.
    assert sum(1 for a, b in zip(ys, ys[1:]) if b < a - 1) <= len(ys) // 10


def test_horizontal_year_ticks_name_their_year():
    """Every kept month or day tick under a new year shows that year, and year boundaries win clashes."""
    scene = layout(timeline.bundled(), scale="adaptive")
    years = [t.text for t in scene.ticks if "tick-year" in t.cls]
    assert "1953" in years


@pytest.mark.parametrize(("total", "names", "expected"), [
    (0, [], "0 events not labelled for lack of room (see “+N\u00a0more”)."),
    (1, [], "1 event not labelled for lack of room (see “+N\u00a0more”)."),
    (1, ["A (1953)"], "1 event not labelled for lack of room (see “+N\u00a0more”): A (1953)."),
    (44, [], "44 events not labelled for lack of room (see “+N\u00a0more”)."),
    (3, ["A (1953)", "B (1954)"], "3 events not labelled for lack of room (see “+N\u00a0more”): A (1953); B (1954); "
                                  "and 1 more."),
    (2, ["A (1953)", "B (1954)"], "2 events not labelled for lack of room (see “+N\u00a0more”): A (1953); B (1954)."),
])
def test_overflow_sentence_wording(total, names, expected):
    """The overflow note counts the rest ("and 1 more") only after naming some; none named, the count says it all."""
    from timeline.layout.blocks import overflow_sentence

    assert overflow_sentence(total, names) == expected


@pytest.mark.parametrize(("first", "last", "expected"), [
    ("1953-03-05", "1953-03-05", "on 5 Mar 1953"),
    ("1953-03-05", "1953-03-20", "in Mar 1953"),
    ("1953-03-05", "1953-06-20", "in Mar–Jun 1953"),
    ("1953-01-01", "1953-12-31", "in 1953"),
    ("1953-01-10", "1955-02-01", "in 1953–1955"),
])
def test_badge_span_text(first, last, expected):
    """A "+N more" badge names the time it covers, as a whole year when it runs from January to December."""
    from timeline.layout.rows import span_text

    a, b = dt.date.fromisoformat(first).toordinal(), dt.date.fromisoformat(last).toordinal() + 1
    assert span_text(float(a), float(b)) == expected
