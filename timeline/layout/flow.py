"""The vertical layout's list: era headings, event labels and "+N more" badges in time order, and
the flow scale through them.

Items are stacked in time order; each date's position on the axis is set where its first item
lands, and the stretch between two dates gets a little room in proportion to its length
(capped, with a zig-zag when years are skipped).  So the axis stays monotone and true to order.

On a frame with free height every event gets a label.  On a fixed frame (a portrait ``WxH``)
the list must end inside the height: events are taken in label priority order (the rule the
horizontal fixed frames use, :attr:`EventInfo.priority`), as many as fit (a bisection on how
many), and each run of events left without a label between two list items is counted by one
"+N more in 1941–1945" badge in the list at its first date.  A label is shown whole or not at
all: a title that does not fit its lines whole leaves its event to a badge.  Room left over
goes to time (the stretches between dates grow, up to a few times their usual room).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from timeline.layout import blocks
from timeline.layout.chart import Chart
from timeline.layout.classify import EventInfo, flow_day
from timeline.layout.marks import mark_extent
from timeline.layout.rows import span_text
from timeline.layout.scale import TimeScale, knot_scale, linear_scale
from timeline.layout.text import measure, wrap, wrap_whole

__all__ = ["Flow", "Item", "flow_list"]


@attrs.frozen
class Item:
    """One entry of the list: an era heading, an event label or a badge, hung from ``day``."""

    day: float
    order: int                 # eras (0) before events and badges (1) on the same day
    index: int                 # into the chart's infos (a badge: its first event's), or its era list
    kind: str                  # "era", "event" or "badge"
    height: float
    offset: float              # from the item's top to the point level with its date
    lines: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    notes: tuple[int, ...] = ()
    members: tuple[int, ...] = ()   # a badge's events (indexes into the chart's infos)

    @property
    def key(self) -> tuple[float, int, int]:
        """The list order."""
        return self.day, self.order, self.index


@attrs.frozen
class Flow:
    """The list laid down the page from 0: its items, each one's top, and the scale's knots."""

    items: tuple[Item, ...]
    placed: tuple[float, ...]
    knots: tuple[tuple[float, float], ...]
    squeezed: tuple[bool, ...]

    @property
    def scale(self) -> TimeScale:
        """The flow scale (from 0 px at the list's top)."""
        return knot_scale(self.knots, self.squeezed)

    @property
    def height(self) -> float:
        """Where the list and its axis end."""
        ends = [top + it.height for top, it in zip(self.placed, self.items)]
        return max([self.knots[-1][1], *ends])

    def extent(self, infos: Sequence[EventInfo]) -> tuple[float, float]:
        """How far above 0 the marks reach (a whisker "by 1930" runs on up from its date), and where
        the list, its axis and its marks end."""
        pos = self.scale.pos
        ends = [mark_extent(info, pos) for info in infos]
        return max([0.0, *(-m0 for m0, _m1 in ends)]), max([self.height, *(m1 for _m0, m1 in ends)])

    @property
    def unlabelled(self) -> tuple[int, ...]:
        """The events counted in badges, in list order."""
        return tuple(k for it in self.items if it.kind == "badge" for k in it.members)


#: The time between dates gets ``RATE`` of the list's length over the whole span, each gap at most ``CAP`` px.
RATE, CAP = 0.3, 70.0
#: How many times its usual room time may get on a fixed frame with room to spare.
MAX_STRETCH = 4.0


def _stack(items: Sequence[Item], d0: float, d1: float,
           stretch: float) -> tuple[list[tuple[float, float]], list[bool], list[float]]:
    """Stack the items down the page: knots (day, px), squeezed gaps, and each item's top.

    Each new date's knot is where its first item's anchor lands: below the item before it, and
    at least a little time-proportional room after the previous date (capped, so a gap of decades
    costs a few lines; such a gap is flagged for a zig-zag).
    """
    total = sum(it.height + 8 for it in items) or 200.0
    rate = RATE * stretch * total / max(d1 - d0, 1.0)  # px per day given to time itself
    cap = CAP * stretch
    knots: list[tuple[float, float]] = [(d0, 0.0)]
    squeezed: list[bool] = []
    cursor = 0.0
    placed = []
    for it in items:
        day = min(max(it.day, d0), d1)
        prev_day, prev_y = knots[-1]
        if day > prev_day:
            gap = rate * (day - prev_day)
            squeezed.append(gap > cap and day - prev_day > 2 * 365)
            want = prev_y + max(min(gap, cap), 0.5)
            top = max(cursor, want - it.offset)
            knots.append((day, top + it.offset))
        else:
            top = cursor
        placed.append(top)
        cursor = top + it.height + 8
    prev_day, prev_y = knots[-1]
    if d1 > prev_day:
        gap = rate * (d1 - prev_day)
        squeezed.append(gap > cap and d1 - prev_day > 2 * 365)
        knots.append((d1, prev_y + max(min(gap, cap), 1.0)))
    return knots, squeezed, placed


def _event_text(ch: Chart, info: EventInfo, max_w: float) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """An event label's title lines and date lines; None when a fixed frame can't show it whole.

    The height is free, so the title and date wrap onto as many lines as they need; a fixed frame
    gives the title two lines (four in a narrow column) and the date two, every word whole.
    """
    ty = ch.ty
    sup = ty.sup_width(info.notes)
    if ch.frame.fixed:
        lines = wrap_whole(info.event.title, ty.label, max_w - sup, max_lines=2 if max_w >= 16 * ty.label else 4)
        dates = wrap_whole(info.date_label, ty.date, max_w, max_lines=2)
        return None if lines is None or dates is None else (lines, dates)
    lines = wrap(info.event.title, ty.label, max_w, max_lines=blocks.FREE_LINES)
    if measure(lines[-1], ty.label) + sup > max_w:  # the footnote numbers go after the last line
        lines = (*lines[:-1], *wrap(lines[-1], ty.label, max_w - sup, max_lines=blocks.FREE_LINES))
    return lines, wrap(info.date_label, ty.date, max_w, max_lines=blocks.FREE_LINES)


def _badge(ch: Chart, members: Sequence[int], d0: float, d1: float, max_w: float) -> Item:
    """The "+N more in 1941–1945" line standing for a run of unlabelled events."""
    ty = ch.ty
    infos = [ch.infos[k] for k in members]
    days = [d for i in infos for d in (i.t0, i.t1) if d is not None]
    text = f"+{len(members)} more"
    if days:
        where = f"{text} {span_text(min(days), max(days))}"
        text = where if measure(where, ty.badge) <= max_w else text
    day = min(max(flow_day(infos[0], d0, d1), d0), d1)
    return Item(day, 1, members[0], "badge", ty.badge * ty.line + 2, ty.badge * 0.6, (text,), (), (), tuple(members))


def flow_list(ch: Chart, max_w: float, d0: float, d1: float,
              room: float | None = None) -> Flow:
    """The list for the chart's events, every one labelled, or (with ``room``) as many as fit in ``room`` px
    (the list and its marks: a whisker "by 1930" may run on above the first date, see :meth:`Flow.extent`)."""
    ty = ch.ty
    texts = [_event_text(ch, info, max_w) for info in ch.infos]
    eras = []
    for k, e in enumerate(ch.eras(linear_scale(d0, d1, 0.0, 1.0))):
        labels = blocks.fitted(e.era.label, ty.era, max_w - ty.sup_width(e.notes),
                               2 if ch.frame.fixed else blocks.FREE_LINES)
        eras.append(Item(float(e.era.when.first_day), 0, k, "era", len(labels) * ty.era * ty.line + 4, 0.0, labels,
                         (), e.notes))
    entries = sorted(((flow_day(i, d0, d1), 1, k), k) for k, i in enumerate(ch.infos))

    def build(labelled: frozenset[int], stretch: float = 1.0) -> Flow:
        items = list(eras)
        run: list[int] = []
        for _key, k in entries:
            if k not in labelled:
                run.append(k)
                continue
            if run:
                items.append(_badge(ch, run, d0, d1, max_w))
                run = []
            lines, dates = texts[k]
            h = len(dates) * ty.date * ty.line + len(lines) * ty.label * ty.line
            items.append(Item(flow_day(ch.infos[k], d0, d1), 1, k, "event", h, ty.date * 0.6, lines, dates))
        if run:
            items.append(_badge(ch, run, d0, d1, max_w))
        return _stacked(items, d0, d1, stretch)

    every = frozenset(k for k, t in enumerate(texts) if t is not None)
    flow = build(every)
    if room is None:
        return flow

    def fits(f: Flow) -> bool:
        lead, end = f.extent(ch.infos)
        return lead + end <= room

    if not fits(flow):
        order = sorted(every, key=lambda k: (*ch.infos[k].priority, ch.infos[k].t0 or 0.0, ch.infos[k].event.id))
        # order[:lo] fits (or nothing does); order[:hi] does not: no more labels than the room holds
        # at their least height (a date line, a title line and the gap under them) can fit.
        least = (ty.date + ty.label) * ty.line + 8
        lo, hi = 0, min(len(order), int(max(room, 0.0) // least) + 1)
        best = build(frozenset())
        while hi - lo > 1:
            mid = (lo + hi) // 2
            trial = build(frozenset(order[:mid]))
            if fits(trial):
                lo, best = mid, trial
            else:
                hi = mid
        flow = best
    labelled = frozenset(it.index for it in flow.items if it.kind == "event")
    lo_s, hi_s = 1.0, MAX_STRETCH
    if fits(build(labelled, hi_s)):
        return build(labelled, hi_s)
    for _ in range(8):  # give the time between dates the room left over
        mid = (lo_s + hi_s) / 2
        if fits(build(labelled, mid)):
            lo_s = mid
        else:
            hi_s = mid
    return build(labelled, lo_s) if lo_s > 1.0 else flow


def _stacked(items: list[Item], d0: float, d1: float, stretch: float) -> Flow:
    """The items in list order, stacked."""
    items.sort(key=lambda it: it.key)
    knots, squeezed, placed = _stack(items, d0, d1, stretch)
    return Flow(tuple(items), tuple(placed), tuple(knots), tuple(squeezed))
