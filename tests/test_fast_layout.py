"""The horizontal layout's fast paths (issue 15) give exactly what the full paths give, on generated input."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import generated_timeline, skip_if_compiled


@pytest.fixture(scope="module")
def generated():
    """1,500 events from bench/generate.py (dense: most of them end up in the badges)."""
    return generated_timeline(1500)


_days = st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.sampled_from([1953, 1960]), st.integers(1, 12),
                  st.integers(1, 28))
_events = st.lists(st.tuples(st.text(alphabet="abcdefgh MWi", min_size=1, max_size=60).map(str.strip).filter(bool),
                             _days | st.sampled_from(["1953", "1953-04", "1955~", "before 1954", "after 1956", "../1954", "1953/1956"]),
                             st.none() | _days, st.integers(0, 2)), min_size=1, max_size=60)


def _timeline(events):
    import timeline

    tl = timeline.Timeline(title="Dense")
    for i, (title, first, last, lane) in enumerate(events):
        when = f"{min(first, last)}/{max(first, last)}" if last and last != first and first[:1].isdigit() and "/" not in first else first
        tl = tl.add_event(f"e{i}", title, when, lane=("a", "b", "c")[lane])
    return tl


def _eager_labels(monkeypatch):
    """Every label made, and every row tried for every event: the plan before labels were made lazily."""
    from timeline.layout import rows

    skip_if_compiled(rows)
    monkeypatch.setattr(rows, "_full_at", lambda *args: False)


def _with_and_without(patch, tl, **options):
    from timeline.layout import layout

    fast = layout(tl, **options)
    with pytest.MonkeyPatch.context() as monkeypatch:
        patch(monkeypatch)
        full = layout(tl, **options)
    return fast, full


_OPTIONS = st.sampled_from([{}, {"max_rows": 1}, {"max_rows": 2}, {"size": "slide"}, {"width": 500}])


@settings(max_examples=80, deadline=None)
@given(_events, _OPTIONS)
def test_labels_made_only_where_a_row_may_take_them_give_the_eager_plan(events, options):
    """A label made only when its bounds cannot settle a full lane gives the scene trying every label in every row gives."""
    fast, full = _with_and_without(_eager_labels, _timeline(events), **options)
    assert fast == full


def test_most_generated_labels_are_never_made(monkeypatch, generated):
    """On 1,500 generated events a fifth of the labels at least are never made, and the scene is the eager one."""
    from timeline.layout import horizontal, layout

    skip_if_compiled(horizontal)
    made = []
    real = horizontal.blocks.label_lines
    monkeypatch.setattr(horizontal.blocks, "label_lines", lambda *a, **k: made.append(1) or real(*a, **k))
    fast = layout(generated)
    lazy = len(made)
    _eager_labels(monkeypatch)
    assert layout(generated) == fast
    assert 0 < lazy < 0.8 * (len(made) - lazy)


def _measured_badges(monkeypatch):
    """Each badge's text measured whole, as it was before its two parts were measured apart."""
    from timeline.layout import horizontal

    skip_if_compiled(horizontal)
    monkeypatch.setattr(horizontal._BadgeWidths, "__call__",
                        lambda self, group: horizontal.measure(group.text(), self.size))


@settings(max_examples=60, deadline=None)
@given(_events, _OPTIONS)
def test_badge_widths_from_their_parts_give_the_measured_badges(events, options):
    """A "+N more" badge's width from its count and its time measured apart places it where measuring it whole does."""
    fast, full = _with_and_without(_measured_badges, _timeline(events), **options)
    assert fast == full


def test_badge_widths_on_the_generated_timeline(generated):
    """On 1,500 generated events the badges are the measured ones (and there are many)."""
    fast, full = _with_and_without(_measured_badges, generated)
    assert fast == full
    assert len(fast.badges) > 20


@settings(max_examples=300)
@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=8, unique=True), st.floats(-2e6, 2e6),
       st.floats(0, 5000))
def test_a_scale_position_is_the_segment_formula(knots, day, width):
    """pos() from the kept (d0, d1, p0, rate) tuples is the clamped formula on the segment the day falls in."""
    from timeline.layout.scale import Segment, TimeScale

    knots.sort()
    step = width / (len(knots) - 1)
    segs = tuple(Segment(a, b, k * step, (k + 1) * step) for k, (a, b) in enumerate(zip(knots, knots[1:])))
    scale = TimeScale(segs, (False,) * len(segs), "adaptive")
    seg = next((s for s in reversed(segs) if s.d0 <= day), segs[0])
    got, formula = scale.pos(day), seg.p0 + (min(max(day, seg.d0), seg.d1) - seg.d0) * seg.rate
    assert got == formula or math.isnan(got) and math.isnan(formula)  # (a subnormal segment's rate is inf)


def _try(row, m0, m1, width, point_style, x0, x1, clamp):
    """One row tried on its own, as the rows were tried before ``_place``: where the label starts, or None."""
    from timeline.layout.rows import GAP

    if point_style:
        for tx in (m1 + 6, m0 - 6 - width):
            if clamp:
                tx = min(max(tx, x0), x1 - width)
                if tx < m1 and m0 < tx + width:
                    continue
            elif not x0 <= tx <= x1 - width:
                continue
            if row.text.free(min(m0, tx), max(m1, tx + width) + GAP):
                return tx
        return None
    if not row.track.free(m0, m1 + GAP / 2):
        return None
    first = min(max(m0, x0), x1 - width)
    last = max(first, min(m1 - width, x1 - width))
    return next((tx for tx in row.text.slots(first, last) if tx <= last and row.text.free(tx, tx + width + GAP)), None)


_coord = st.integers(0, 120).map(float)  # whole numbers: labels meet intervals end to end
_intervals = st.lists(_coord, max_size=16, unique=True).map(sorted).map(lambda v: list(zip(v[::2], v[1::2])))


@settings(max_examples=600)
@example([([(30.0, 40.0)], [])], 0.0, 0, 10, True, False, False, (0.0, 120.0))  # a label ending where the next begins
@example([([(0.0, 50.0)], []), ([(10.0, 60.0)], [])], 20.0, 0, 10, True, False, True, (0.0, 120.0))  # covered: a new row
@given(st.lists(st.tuples(_intervals, _intervals), max_size=6), _coord, st.integers(0, 40), st.integers(1, 50),
       st.booleans(), st.booleans(), st.booleans(), st.sampled_from([(0.0, 120.0), (10.0, 90.0)]))
def test_the_first_row_that_takes_a_label_is_the_one_trying_each_row_finds(rows, m0, length, width, point_style,
                                                                           clamp, grow, plot):
    """_place gives the row and start that trying each row in turn (then a new empty row) gives."""
    from timeline.layout import rows as rows_module

    made = []
    covers = rows_module._Cover(), rows_module._Cover()
    for text, track in rows:
        row = rows_module._Row()
        for lo, hi in text:
            row.text.add(lo, hi)
            covers[0].add(lo, hi)
        for lo, hi in track:
            row.track.add(lo, hi)
            covers[1].add(lo, hi)
        made.append(row)
    m1 = m0 + length
    x0, x1 = plot
    expected = next(((r, tx) for r, row in enumerate(made)
                     if (tx := _try(row, m0, m1, width, point_style, x0, x1, clamp)) is not None), None)
    if expected is None and grow:
        tx = _try(rows_module._Row(), m0, m1, width, point_style, x0, x1, clamp)
        expected = None if tx is None else (len(made), tx)
    assert rows_module._place(made, covers, m0, m1, width, point_style, x0, x1, clamp, grow) == expected


_KINDS = ["scholarly", "primary", "reference", "journalism", "other", "blog", "forum", "partisan"]


@settings(max_examples=300)
@given(st.lists(st.lists(st.integers(0, len(_KINDS)), max_size=4), min_size=1, max_size=8))
def test_weak_sources_are_told_as_support_tells_them(cited):
    """classify's one-lookup weak check is support.weak_only, on every mix of kinds and undefined sources."""
    import timeline
    from timeline import Citation, Source, SourceKind
    from timeline.layout.classify import _weak_only
    from timeline.support import weak_only

    tl = timeline.Timeline(title="Kinds")
    for k, kind in enumerate(_KINDS):
        tl = tl.add_source(Source(id=f"s{k}", title=kind, type="book", kind=SourceKind(kind)))
    for i, ids in enumerate(cited):  # index len(_KINDS) is a source nobody defined
        tl = tl.add_event(f"e{i}", "Event", "1953", citations=[Citation(f"s{k}", f"p. {i}") for k in ids])
    for ev in tl.events:
        assert _weak_only(ev.all_citations, tl.sources) == weak_only(ev, tl.sources)


def test_weak_events_on_the_generated_and_bundled_timelines(generated):
    """On the bundled and generated timelines the chart's weak events are support's weak-only events."""
    import timeline
    from timeline.layout import layout
    from timeline.support import weak_only

    for tl in (timeline.bundled(), generated):
        scene = layout(tl)
        weak = {ev.event_id for ev in scene.events if "weak" in ev.classes}
        assert weak == {ev.id for ev in tl.events if weak_only(ev, tl.sources)}
    assert any(weak_only(ev, timeline.bundled().sources) for ev in timeline.bundled().events)


_words = st.sampled_from(["", "A", "Soviet Union", "Why?", "Done!", "Ends.", "Quote,”", "Archive 1", "x, y"])


@settings(max_examples=400)
@given(st.builds(lambda title, kind, author, editor, container, publisher, issued, url, archive, place: dict(
    title=title, type=kind, author=author, editor=editor, container_title=container, publisher=publisher,
    issued=issued, url=url, archive=archive, archive_location=place),
    _words, st.sampled_from(["book", "chapter", "article-journal", "webpage", "document"]),
    st.lists(_words.filter(bool), max_size=3), st.lists(_words.filter(bool), max_size=2), _words, _words, _words,
    st.sampled_from(["", "https://example.org/a"]), _words, _words),
    st.lists(st.sampled_from(["", "p. 3", "fol. 12v", "ch. 2"]), min_size=1, max_size=4))
def test_a_note_from_its_sources_kept_head_is_the_note_made_whole(fields, locators):
    """cite.note from the head kept per source gives, locator by locator, the note made from scratch."""
    from timeline import Source, cite

    src = Source(id="s1", **fields)
    cached = [cite.note(src, loc) for loc in locators]  # the second and later from the kept head
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(cite, "_note_head", cite._make_note_head)
        assert [cite.note(src, loc) for loc in locators] == cached


def test_the_generated_source_list_is_the_one_made_note_by_note(monkeypatch, generated):
    """On 1,500 generated events (24 sources, a note per page cited) the source list is the uncached one."""
    from timeline import cite
    from timeline.layout import layout

    fast = layout(generated)
    monkeypatch.setattr(cite, "_note_head", cite._make_note_head)
    assert layout(generated) == fast and len(fast.notes) > 500


def test_plain_layout_records_equal_hash_repr_and_evolve_as_frozen_attrs_would():
    """EventInfo, ClaimDays and Placed are plain slotted classes: equal and hashed by their fields, shown
    with every field, and ``EventInfo.evolve`` is ``attrs.evolve`` (clip and merge_lanes use it)."""
    import attrs

    from timeline.layout.chart import classified
    from timeline.layout.classify import _FIELDS, ClaimDays, EventInfo, clip
    from timeline.layout.rows import Placed

    tl = generated_timeline(300)
    infos = classified(tl)[2]
    for info in infos:
        twin = EventInfo(*(getattr(info, f) for f in _FIELDS))
        assert twin == info and hash(twin) == hash(info) and repr(twin) == repr(info)
        assert twin.evolve(lane=info.lane + 1) != info and twin.evolve(lane=info.lane + 1).lane == info.lane + 1
        assert all(getattr(twin.evolve(), f) == getattr(info, f) for f in _FIELDS)
        assert repr(info).startswith("EventInfo(event=") and f"date_label={info.date_label!r}" in repr(info)
        mid = (info.t0 + 1) if info.t0 is not None else None
        clip(info, mid, None)  # every kind clipped through evolve
    try:
        infos[0].evolve(nope=1)
    except TypeError:
        pass
    else:
        raise AssertionError("evolve took an unknown field")
    # Each record's fields are every slot, as attrs' field list was (a compiled native class has no __slots__).
    assert set(_FIELDS) == set(getattr(EventInfo, "__slots__", _FIELDS))
    assert ClaimDays(1.0, 2.0, True) == ClaimDays(1.0, 2.0, True) != ClaimDays(1.0, 2.0, False)
    assert hash(ClaimDays(1.0, 3.0, True)) == hash(ClaimDays(1.0, 3.0, True)) and ClaimDays(1.0, 3.0, True).mid == 2.0
    assert repr(ClaimDays(1.0, 2.0, True)) == "ClaimDays(first=1.0, after=2.0, preferred=True)"
    from timeline.layout.blocks import LabelText

    text = LabelText(("a title",), "1953", 40.0)  # a real one: the compiled build checks the field's type
    a, b = Placed(infos[0], 0, 1.0, 2.0, text, 3.0, True), Placed(infos[0], 0, 1.0, 2.0, text, 3.0, True)
    assert a == b and hash(a) == hash(b) and a != Placed(infos[0], 1, 1.0, 2.0, text, 3.0, True)
    assert repr(a).startswith("Placed(info=EventInfo(") and not attrs.has(EventInfo)


def test_note_runs_made_once_are_each_note_made_from_its_source(generated):
    """The note runs the SVG source list and the HTML notes share are cite.note of each footnote's source,
    in footnote order, and a timeline makes them once; an unknown source gives None (the fallback text)."""
    from timeline import cite
    from timeline.layout.notes import note_runs, timeline_footnotes
    from timeline.io import read
    from timeline.resources import bundled_events

    for tl in (generated, read(bundled_events()).timeline):
        notes = timeline_footnotes(tl).notes
        expected = tuple(cite.note(tl.sources[n.source], n.locator) if n.source in tl.sources else None
                         for n in notes)
        assert note_runs(tl) == expected and len(expected) == len(notes) > 0
        assert note_runs(tl) is note_runs(tl)


def test_an_event_without_claims_skips_what_claims_would_give(generated):
    """classify's shortcut for events without claims: _claims, disputes and all_citations give what it assumes."""
    from timeline.io import read
    from timeline.layout.classify import _claims
    from timeline.resources import bundled_events

    plain = [ev for tl in (generated, read(bundled_events()).timeline) for ev in tl.events if not ev.claims]
    assert len(plain) > 100
    for ev in plain:
        assert _claims(ev) == ((), ev.display_date or ev.when.display("short"))
        assert ev.disputes == () and ev.all_citations == ev.citations


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["", "p. 1", "p. 2"])), max_size=4))
def test_note_numbers_of_a_tuple_of_citations_are_the_distinct_ones_in_order(keys):
    """Footnotes.numbers_for's shortcut (none or one citation) and its loop: distinct numbers, first use first."""
    from timeline.layout.notes import number_footnotes
    from timeline.model import Citation, Event

    cites = tuple(Citation(source, locator) for source, locator in keys)
    from timeline.dates import parse_date

    fn = number_footnotes([Event(id="e", title="E", when=parse_date("1953"), citations=cites)])
    want = tuple(dict.fromkeys(fn.numbers[c.key] for c in cites))
    assert fn.numbers_for(cites) == want == fn.numbers_for(list(cites)) == fn.numbers_for(iter(cites))


def test_a_note_whose_source_is_missing_reads_the_same_in_svg_and_html():
    """A citation of a source the timeline lacks is noted as its id and locator, in the SVG list and the HTML notes."""
    import timeline
    from timeline.dates import parse_date
    from timeline.layout.notes import Note
    from timeline.model import Citation, Event
    from timeline.render.html import render_html
    from timeline.render.svg import render_svg

    assert Note(1, "nobody", "p. 3").unsourced == "nobody, p. 3." and Note(2, "anon", "").unsourced == "anon."
    tl = timeline.Timeline(title="T", events=[Event(id="e", title="E", when=parse_date("1953"),
                                                    citations=[Citation("nobody", "p. 3"), Citation("anon")])])
    for page in (render_svg(tl), render_html(tl)):
        assert "nobody, p. 3." in page and "anon." in page
