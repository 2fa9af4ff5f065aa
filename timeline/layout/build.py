"""The layout's entry: a Timeline and options in, a Scene out."""

from __future__ import annotations

from typing import Any

import attrs

from timeline.layout import blocks
from timeline.layout.chart import MARGIN, Chart
from timeline.layout.horizontal import horizontal
from timeline.layout.marks import legend_keys
from timeline.layout.options import LayoutOptions
from timeline.layout.scale import linear_scale
from timeline.layout.scene import ASCENT, NoteEntry, Scene, Shape, Text
from timeline.layout.vertical import vertical
from timeline.model.timeline import Timeline

__all__ = ["layout", "layout_pages"]


def layout(tl: Timeline, **options: Any) -> Scene:
    """Lay a timeline out into a Scene (options: see :class:`LayoutOptions`).

    On a fixed frame whose height cannot hold the source list, the Scene says so
    (``sources_follow``); :func:`layout_pages` lays those sources out on following pages.
    """
    opts = options.pop("_options", None) or LayoutOptions.from_kwargs(**options)
    return _chart(tl, opts)[1]


def _chart(tl: Timeline, opts: LayoutOptions) -> tuple[Chart, Scene]:
    """The chart laid out; on a fixed frame too low for it, again without the subtitle and legend,
    then with its lanes merged into one, so that the frame is always respected.

    A vertical list on a fixed frame (a portrait ``WxH``) also goes without its subtitle and legend
    when that labels a quarter more events (one more at least).  A legend left out this way is not lost: the key to the marks
    leads the next page, before the sources, and the note under the chart says so.
    """
    lay = vertical if opts.direction == "vertical" else horizontal
    chart = Chart(tl, opts)
    scene = lay(chart)
    if not chart.frame.fixed:
        return chart, scene
    fits = _fits(scene)
    if fits and (lay is horizontal or not scene.unlabelled):
        return chart, scene
    best = (chart, scene) if fits else None
    for merge in (False, True):
        compact = Chart(tl, attrs.evolve(opts, legend=False))
        compact.compact = True
        compact.key_follows = opts.legend
        if merge:
            compact.merge_lanes()
        tight = lay(compact)
        if not _fits(tight):
            continue
        if best is None or _labelled(tight) >= max(_labelled(best[1]) * 1.25, _labelled(best[1]) + 1):
            best = (compact, tight)
        break
    return best or (compact, tight)


def _labelled(scene: Scene) -> int:
    return sum(e.label is not None for e in scene.events)


def _fits(scene: Scene) -> bool:
    canvas = scene.canvas
    return all(box.inside(canvas) for _name, box in scene.label_boxes()) and all(
        max(s.coords[1::2]) <= scene.height for s in scene.axis if s.kind == "line")


def layout_pages(tl: Timeline, **options: Any) -> list[Scene]:
    """The chart's Scene, then (when it has ``sources_follow``) one Scene per page of sources, at full size."""
    opts = options.pop("_options", None) or LayoutOptions.from_kwargs(**options)
    chart, first = _chart(tl, opts)
    if not first.sources_follow:
        return [first]
    return [first, *_source_pages(chart)]


def _source_pages(ch: Chart) -> list[Scene]:
    """The numbered source list on pages of the chart's frame, each headed by the chart's title."""
    ty = ch.ty
    header = tuple(ty.text(MARGIN, y, line, "title") for line, y in blocks.title_lines(ch, MARGIN))
    top = header[-1].box.y1 + 8
    key: tuple[list[Shape], list[Text]] = ([], [])
    if ch.key_follows:  # the legend the chart had no room for leads the first page
        keys = legend_keys(ch.infos, ch.tl.eras)
        title = ty.text(MARGIN, top + 10 + ty.lane * ASCENT, "Key to the marks", "notes-heading")
        shapes, texts, top = blocks.legend(ch, keys, title.box.y1 + 6, force=True)
        key = (shapes, [title, *texts])
    heading, entries, _y = blocks.notes(ch, top)
    bottom = (ch.frame.height or 1e12) - MARGIN
    pages: list[list[NoteEntry]] = [[]]
    shift = 0.0
    for entry in entries:
        y1 = max(t.box.y1 for t in entry.lines) - shift
        if y1 > bottom and pages[-1]:
            shift += min(t.box.y for t in entry.lines) - shift - (heading.box.y1 + 4 if heading else top)
            pages.append([])
        pages[-1].append(_moved(entry, shift) if shift else entry)
    scale = linear_scale(0.0, 1.0, 0.0, 1.0)
    out = []
    for n, page in enumerate(pages):
        first = n == 0 and bool(key[0])
        out.append(ch.scene(ch.frame.height or max(t.box.y1 for e in page for t in e.lines) + MARGIN, scale,
                            header=(*header, *key[1]) if first else header, eras=(),
                            grid=tuple(key[0]) if first else (), axis=(), ticks=(), breaks=(), lanes=(), events=(),
                            badges=(), overflow_note=(), notes_heading=heading if n == 0 else
                            attrs.evolve(heading, text="Sources (continued)"), notes=tuple(page), page="sources"))
    return out


def _moved(entry: NoteEntry, dy: float) -> NoteEntry:
    lines = tuple(attrs.evolve(t, y=t.y - dy, box=attrs.evolve(t.box, y=t.box.y - dy)) for t in entry.lines)
    return attrs.evolve(entry, lines=lines)
