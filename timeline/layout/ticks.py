"""Calendar ticks for both orientations: one locator over the ladder of :mod:`timeline.layout.ladder`.

After matplotlib's AutoDateLocator: ticks fall on calendar boundaries, a rung of the ladder at a
time (hours, days, months, years, decades, centuries, millennia, Ma, Ga, with the multiples
each unit may step by), and the label follows what the tick opens ("1953", "Mar", "8 Mar",
"06:00", "66 Ma").  Dates never pass through a plain numeric tick locator.

:func:`locate` works on any scale (linear, adaptive, focus, the vertical list's knots):

1. A compressed segment (an axis break) gets no tick inside it, so nothing there suggests
   proportional spacing; the rest of the axis is cut into pieces at the breaks.
2. The **base rung** is the finest rung whose ticks keep, everywhere on the axis, a clear gap
   between labels and a comfortable pitch between ticks (both in em of the tick text, see
   :data:`SPACING`): the same step the whole way, never a tick dropped from it.
3. On a scale that is not linear, a stretch between two base ticks that has room to spare (a
   busy year on an adaptive or vertical axis) is subdivided by a finer rung that nests in it
   (years into months, months into weeks), again only if every one of its ticks fits.

A deep axis (one that starts before 1,000,000 BCE) reads in Ma and Ga throughout, counted back
from year 0.  It has no tick after its data: where the data reaches the Common Era (a "now" in
2020), the one tick after year 0 is at the data's last year, labelled "2020", in place of "0 Ga"
(and of "1000" or "1500" in a busy last stretch), whatever the step.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

import attrs

from timeline.dates import calendar as cal
from timeline.layout.ladder import (CHAIN, GROUP, NAMES_DAYS, YEAR0, Rung, deep_end, is_deep,
                                    label_width, nests, rung_days, rungs_from, tick_context, tick_label)
from timeline.layout.scale import TimeScale
from timeline.layout.text import measure
from timeline.layout.typography import Typography

__all__ = ["SPACING", "Tick", "label_width", "locate"]

#: Along each axis, (the clear gap between two tick labels, the least pitch between two ticks), in
#: em of the tick text.  Across (horizontal) a label is as wide as its text; down (vertical) one line high.
SPACING = {"across": (1.0, 6.0), "down": (1.0, 3.0)}
#: The deepest subdivision below the base rung (years, then months, then weeks).
MAX_DEPTH = 3


@attrs.frozen
class Tick:
    """A tick: its day number and position, its label (centred at ``centre``) and the rung it is on.

    ``context`` is the coarser date a month, day or hour label leaves out ("1953", "5 Mar 1953"),
    given where it changes from the tick before.  ``kind`` says what the label names: year,
    month, day or hour.
    """

    day: float
    pos: float
    centre: float
    label: str
    context: str
    kind: str
    rung: Rung

    @property
    def text(self) -> str:
        """The label on one line ("Mar 1953"), as the vertical axis writes it."""
        return f"{self.label} {self.context}" if self.context else self.label

    @property
    def opens_year(self) -> bool:
        """True for a tick on the first moment of a year (a major grid line)."""
        return self.kind == "year"


# -- the locator --------------------------------------------------------------------------------

@attrs.frozen
class _Cand:
    day: float
    pos: float
    label: str
    kind: str
    extent: float
    rung: Rung
    room: float       # px to the next tick of its rung (infinite at the end of a piece)
    shown: bool       # False for a tick at an axis end whose label can't sit by it, or that would mislead


class _Locator:
    """The ticks of one axis: its scale, the label room ``lo..hi`` and the spacing rules."""

    def __init__(self, scale: TimeScale, ty: Typography, lo: float, hi: float, vertical: bool,
                 last: float | None = None) -> None:
        self.scale, self.ty, self.lo, self.hi, self.vertical = scale, ty, lo, hi, vertical
        gap, pitch = SPACING["down" if vertical else "across"]
        self.gap = gap * ty.tick
        # A linear axis also keeps a comfortable pitch; a non-linear one only the gap, as its pace varies.
        self.pitch = pitch * ty.tick if len(scale.segments) < 2 else 0.0
        self.least = self.gap + (ty.tick * ty.line if vertical else ty.tick)   # no two ticks closer than this
        self.deep = is_deep(scale.d0)
        # A deep axis writes no BCE year, so its CE years need no era either.
        self.mark_ce = cal.year_of(math.floor(scale.d0)) < 1 and not self.deep
        self.horizon, self.present = deep_end(self.deep, last)
        self.finest_days = 0.0
        self.ends = [seg.p1 for seg in scale.segments]
        # Pieces of the axis between its breaks: (first day, last day, first px, last px).
        self.pieces: list[tuple[float, float, float, float]] = []
        for seg, squeezed in zip(scale.segments, scale.compressed):
            if squeezed:
                continue
            if self.pieces and self.pieces[-1][1] == seg.d0:
                d0, _d1, p0, _p1 = self.pieces[-1]
                self.pieces[-1] = (d0, seg.d1, p0, seg.p1)
            else:
                self.pieces.append((seg.d0, seg.d1, seg.p0, seg.p1))

    def day_at(self, position: float) -> float:
        """The day drawn at ``position`` (a bisection: a vertical list's scale has a segment per date)."""
        segs = self.scale.segments
        seg = segs[min(bisect.bisect_left(self.ends, position), len(segs) - 1)]
        if seg.p1 == seg.p0:
            return seg.d0
        return seg.d0 + (min(max(position, seg.p0), seg.p1) - seg.p0) / seg.rate

    def extent(self, label: str, kind: str, context: str = "") -> float:
        """A label's length along the axis: across, the wider of its text and the year line under it."""
        ty = self.ty
        if self.vertical:
            return ty.tick * ty.line
        return max(measure(label, ty.tick, bold=kind == "year"), measure(context, ty.tick, bold=True))

    def centre(self, c: _Cand) -> float:
        """Where a label's centre goes: at its tick, moved in from an axis end."""
        return min(max(c.pos, self.lo + c.extent / 2), self.hi - c.extent / 2)

    def candidates(self, rung: Rung, a: float, b: float) -> list[_Cand] | None:
        """The rung's ticks in ``a..b`` (within one piece), or None if more than could ever fit."""
        room = self.scale.pos(b) - self.scale.pos(a)
        if (b - a) / rung.days > room / max(self.pitch, self.least) + 2:
            return None
        days = self.rung_days(rung, a, b)
        start = next((d0 for d0, d1, _p0, _p1 in self.pieces if d0 <= a <= d1), a)
        if days:
            days.append(next(iter(self.rung_days(rung, days[-1] + 1e-6, days[-1] + 2.5 * rung.days)), math.inf))
        out = []
        for day, after in zip(days, days[1:]):
            label, kind = tick_label(day, rung, self.deep, self.mark_ce)
            pos = self.scale.pos(day)
            # The first tick of a piece names its year under it (later ones, only if it changes).
            extent = self.extent(label, kind, tick_context(day, kind, self.mark_ce) if day - start < rung.days else "")
            # The room is to the next tick of the rung, inside a break too: a tick that opens a break
            # opens a short stretch (1947 before a squeezed 1948-49 gives way to 1950 after it).
            room = self.scale.pos(after) - pos if after <= self.scale.d1 else math.inf
            c = _Cand(day, pos, label, kind, extent, rung, room, True)
            shown = (extent <= self.hi - self.lo and abs(self.centre(c) - pos) <= extent / 2 + 1e-6
                     and not self.misleading(c))
            out.append(attrs.evolve(c, shown=shown) if not shown else c)
        return out

    def rung_days(self, rung: Rung, a: float, b: float) -> list[float]:
        """The rung's ticks in ``a..b``; on a deep axis none after its data, and none in the Common Era but
        the present year, which stands in for year 0 (never "0 Ma · 1000 · 1969": one family, then the present)."""
        days = rung_days(rung, a, b, self.deep)
        if self.horizon is None:
            return days
        present = self.present
        if present is not None:
            days = [d for d in days if d < YEAR0]
            if a <= present <= b:
                days.append(present)
        return [d for d in days if d <= self.horizon]

    def misleading(self, c: _Cand) -> bool:
        """True when the label spans dates more than a step, or more than what it names, away.

        Down the page a squeezed stretch must not put a tick level with other dates (a bound
        "by 1956" beside 1958); across, a label centred on its tick overhangs its neighbours anyway.
        """
        if not self.vertical:
            return False
        half = c.extent / 2
        for _d0, _d1, p0, p1 in self.pieces:
            if p0 <= c.pos <= p1:
                lo, hi = self.day_at(max(c.pos - half, p0)), self.day_at(min(c.pos + half, p1))
                named = max(c.rung.days, NAMES_DAYS[c.kind])
                return max(c.day - lo, hi - c.day) > named
        return True

    def clear(self, a: _Cand | None, b: _Cand | None) -> bool:
        """True when two neighbouring ticks keep the pitch and their labels the gap."""
        if a is None or b is None:
            return True
        if b.pos - a.pos < max(self.pitch, 0.5):
            return False
        return self.centre(b) - b.extent / 2 - (self.centre(a) + a.extent / 2) >= self.gap

    def fits(self, ticks: Sequence[_Cand], left: _Cand | None = None, right: _Cand | None = None) -> bool:
        """True when every tick can be drawn and every pair of neighbours in ``left, *ticks, right`` is clear."""
        row = [left, *ticks, right]
        return all(c.shown for c in ticks) and all(self.clear(x, y) for x, y in zip(row, row[1:]))

    def base(self, rungs: Sequence[Rung]) -> list[_Cand]:
        """The finest rung whose ticks all fit the whole axis (each piece on its own), with its ticks."""
        for rung in rungs:
            ticks: list[_Cand] = []
            for d0, d1, _p0, _p1 in self.pieces:
                cands = self.candidates(rung, d0, d1)
                if cands is None:
                    break
                # At an axis end a label that can't sit by its tick is left out; anywhere else it fails the rung.
                while cands and not cands[0].shown:
                    cands = cands[1:]
                while cands and not cands[-1].shown:
                    cands = cands[:-1]
                if not self.fits(cands):
                    break
                ticks += cands
            else:
                return ticks
        return []

    def thinned(self, rungs: Sequence[Rung]) -> list[_Cand]:
        """The finest rung giving at least two ticks once ticks too close to the one before are left out."""
        for rung in rungs:
            kept: list[_Cand] = []
            for d0, d1, _p0, _p1 in self.pieces:
                for c in self.candidates(rung, d0, d1) or ():
                    if c.shown and (not kept or self.clear(kept[-1], c)):
                        kept.append(c)
            if len(kept) >= 2:
                return kept
        return []

    def refine(self, ticks: list[_Cand]) -> list[_Cand]:
        """The base ticks, and each stretch between two of them (or one and a piece's end) subdivided."""
        if len(self.scale.segments) < 2:
            return ticks
        out: list[_Cand] = []
        for d0, d1, _p0, _p1 in self.pieces:
            inner = [t for t in ticks if d0 <= t.day <= d1]
            out += inner
            bounds = [None, *inner, None]
            for x, y in zip(bounds, bounds[1:]):
                rung = (x or y).rung if (x or y) else None  # type: ignore[union-attr]
                out += self.subdivide(x, y, x.day if x else d0, y.day if y else d1, rung, 0)
        return out

    def subdivide(self, x: _Cand | None, y: _Cand | None, a: float, b: float, rung: Rung | None,
                  depth: int) -> list[_Cand]:
        """New ticks strictly between ``a`` and ``b`` (ticks ``x`` and ``y``, or a piece's ends).

        The stretch takes the next rung of :data:`CHAIN` that nests in ``rung`` (years into
        quarters, quarters into months, months into weeks), a calendar unit at a time: a year's
        quarters (a month's weeks) go in all together, or not at all, and a year (month) that
        gets them is labelled at its start.  Each new stretch is subdivided again, down to
        :data:`MAX_DEPTH` levels; so is each stretch of a group that did not go in, whose
        ends are then labelled only if something goes in between them.
        """
        finer = _next_level(rung, self, a, b)
        if finer is None or depth >= MAX_DEPTH:
            return []
        # At a piece's end (a break, or the axis end) the end itself may be a tick of the finer rung.
        cands = [c for c in self.candidates(finer, a, b) or () if (x is None or a < c.day) and (y is None or c.day < b)]
        if finer.unit not in GROUP:
            cands = self.trimmed(cands, x, y)
        if not cands:
            return []
        starts = set(rung_days(GROUP[finer.unit], a, b, self.deep)) if finer.unit in GROUP else set()
        out: list[_Cand] = []
        # Cut the stretch at the starts of the calendar unit: each piece is one group.
        groups: list[list[_Cand]] = [[]]
        bounds: list[_Cand | None] = [x]
        for c in cands:
            if c.day in starts:
                bounds.append(c)
                groups.append([])
            else:
                groups[-1].append(c)
        bounds.append(y)
        need: set[int] = set()
        for k, group in enumerate(groups):
            left, right = bounds[k], bounds[k + 1]
            row = [left, *group, right]
            fits = bool(group) and self.fits(group, left, right)
            if fits:
                need.update((k, k + 1))
                out += group
            # A group that doesn't fit whole may still hold a busy stretch: its ticks become the
            # bounds of finer ones there, drawn only where those go in (a busy March in a squeezed year).
            for p, q in zip(row, row[1:]):
                sub = self.subdivide(p, q, p.day if p else a, q.day if q else b, finer, depth + 1)
                if sub and not fits:
                    out += [t for t in (p, q) if t is not None and t is not left and t is not right and t.shown]
                    need.update(([k] if p is left else []) + ([k + 1] if q is right else []))
                out += sub
        out += [bounds[k] for k in sorted(need) if 0 < k < len(bounds) - 1 and bounds[k].shown]  # type: ignore[misc, union-attr]
        return out

    def trimmed(self, cands: list[_Cand], x: _Cand | None, y: _Cand | None) -> list[_Cand]:
        """Years strictly between ticks ``x`` and ``y`` (None: a piece's end), less those that can't go in.

        Years form no calendar group to keep whole, as a year's months do: at a piece's end a tick
        whose label can't sit there, or crowds the next once moved in, is left out, not the others
        with it (an axis from 255.7 Ma reads "250 Ma, 245 Ma", not nothing until 240 Ma).  Across
        the page, in a stretch at a piece's end, so is the one crowding the tick that bounds it
        where the pace changes (a busy 3.3–3.2 Ma before a slow 3 Ma on); elsewhere, and down the
        page, a stretch keeps its steps whole or takes none.
        """
        # Next to a tick only the one crowding it may go, and only in a stretch at a piece's end.
        ends = x is None or y is None
        while cands and self.left_out(cands[0], x, cands[1] if len(cands) > 1 else None, True, ends):
            cands = cands[1:]
            if x is not None:
                break
        while cands and self.left_out(cands[-1], y, cands[-2] if len(cands) > 1 else None, False, ends):
            cands = cands[:-1]
            if y is not None:
                break
        return cands

    def left_out(self, c: _Cand, bound: _Cand | None, neighbour: _Cand | None, leading: bool, ends: bool) -> bool:
        """True when ``c``, the first (``leading``) or last of a stretch's new ticks, is to be left out of it."""
        def clear(before: _Cand | None, after: _Cand | None) -> bool:
            return self.clear(before, after) if leading else self.clear(after, before)

        if bound is None:   # at a piece's end: drawn by its tick, and clear of the next once moved in
            return not c.shown or not clear(c, neighbour)
        return ends and not self.vertical and (not c.shown or not clear(bound, c))


def _next_level(rung: Rung | None, loc: _Locator, a: float, b: float) -> Rung | None:
    """The rung that subdivides ``rung`` (None: the coarsest with a tick inside ``a..b``)."""
    for finer in CHAIN:
        if finer.days < loc.finest_days - 1e-9:
            return None
        if rung is None:
            if any(a < d < b for d in rung_days(finer, a, b, loc.deep)[:3]) if (b - a) / finer.days < 1e4 else False:
                return finer
        elif finer.days < rung.days and rung.days / finer.days >= 2.9 and nests(finer, rung):
            return finer
    return None


def locate(scale: TimeScale, ty: Typography, lo: float, hi: float, *, vertical: bool = False,
           finest: str = "hour", last: float | None = None) -> list[Tick]:
    """The ticks to draw on ``scale``, whose labels must lie within ``lo..hi`` px along the axis.

    ``vertical`` lays labels one line high down the axis, else side by side as wide as their
    text.  ``finest`` is the finest unit allowed (a phone's narrow tick column takes years only).
    No two labels overlap or come within the gap of :data:`SPACING`, none crosses an axis end,
    and none is inside a compressed stretch.  ``last`` is the last day the data reaches: a deep
    axis ticks nothing after it, and names a present in the Common Era by its year ("2020").
    """
    loc = _Locator(scale, ty, lo, hi, vertical, last)
    rungs = rungs_from(finest)
    loc.finest_days = rungs[0].days
    chosen = loc.refine(loc.base(rungs))
    if len(chosen) < 2:
        # Too few ticks on a short or squeezed axis: the finest rung that gives two, thinned where tight.
        chosen = loc.thinned(rungs) or chosen
    # Where two ticks still meet (across a break, or a squeezed year before a busy one), the one
    # opening the longer stretch wins: a squeezed 1952 must not hide the busy 1953 after it.
    kept: list[_Cand] = []
    for c in sorted({c.day: c for c in chosen}.values(), key=lambda c: c.pos):
        if kept and not loc.clear(kept[-1], c):
            if c.room > kept[-1].room and (len(kept) < 2 or loc.clear(kept[-2], c)):
                kept[-1] = c
            continue
        kept.append(c)
    mark_ce = loc.mark_ce and any(c.kind == "year" and cal.year_of(math.floor(c.day)) < 1 for c in kept)
    # Label them: a month, day or hour names its year (or day) only where that changes from the
    # tick before, so every label reads on its own; across, a year line that makes a label wider
    # can still crowd it out.
    out: list[Tick] = []
    drawn: list[_Cand] = []
    for c in kept:
        label, kind = tick_label(c.day, c.rung, loc.deep, mark_ce)
        context = "" if kind == "year" else tick_context(c.day, kind, mark_ce)
        if drawn and _same(drawn[-1].day, c.day, kind):
            context = ""
        c = attrs.evolve(c, label=label, extent=loc.extent(label, kind, context))
        if (drawn and not loc.clear(drawn[-1], c)) or abs(loc.centre(c) - c.pos) > c.extent / 2 + 1e-6 \
                or c.extent > hi - lo:
            continue
        drawn.append(c)
        out.append(Tick(c.day, c.pos, loc.centre(c), label, context, kind, c.rung))
    return out


def _same(before: float, day: float, kind: str) -> bool:
    """True when the tick before is in the same year (the same day, for an hour): no context needed."""
    if kind == "hour":
        return math.floor(before) == math.floor(day)
    return cal.year_of(math.floor(before)) == cal.year_of(math.floor(day))
