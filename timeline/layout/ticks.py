"""Calendar ticks for both orientations: one ladder table and one locator.

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
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import attrs

from timeline.dates import calendar as cal
from timeline.layout.scale import TimeScale
from timeline.layout.text import measure
from timeline.layout.typography import Typography

__all__ = ["LADDER", "Rung", "SPACING", "Tick", "label_width", "locate"]


@attrs.frozen
class Rung:
    """One step of the ladder: ``step`` hours, days (restarting each month), months, or years."""

    unit: str      # hour, day, month, or a year-like unit: year, decade, century, millennium, Ma, Ga
    step: float    # multiples of the unit

    @property
    def years(self) -> int:
        """The step in years of a year-like rung (0 for hours, days and months)."""
        return round(_UNIT_YEARS.get(self.unit, 0) * self.step)

    @property
    def days(self) -> float:
        """The step's rough length in days (months and years on average)."""
        if self.unit == "hour":
            return self.step / 24
        if self.unit == "day":
            return self.step
        if self.unit == "month":
            return self.step * 30.44
        return self.years * 365.2425


_UNIT_YEARS = {"year": 1, "decade": 10, "century": 100, "millennium": 1000, "Ma": 1_000_000, "Ga": 1_000_000_000}

#: The ladder: (unit, multiples), finest first.  Day steps restart each month (1, 8, 15, 22 for a
#: week), like matplotlib's bymonthday.  Year-like steps count BCE years down and CE years up with
#: 1 CE in place of a year 0 (… 100 BCE, 1 CE, 100 CE …); Ma and Ga count from year 0 and label
#: deep time in millions / billions of years ago.
_TABLE: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("hour", (1, 3, 6, 12)),
    ("day", (1, 2, 7, 14)),
    ("month", (1, 2, 3, 6)),
    ("year", (1, 2, 5)),
    ("decade", (1, 2, 5)),
    ("century", (1, 2, 5)),
    ("millennium", (1, 2, 5, 10, 20, 50)),
    ("Ma", (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500)),
    ("Ga", (1, 2, 5)),
)
#: Every rung, finest first.
LADDER: tuple[Rung, ...] = tuple(Rung(unit, m) for unit, steps in _TABLE for m in steps)

#: Along each axis, (the clear gap between two tick labels, the least pitch between two ticks), in
#: em of the tick text.  Across (horizontal) a label is as wide as its text; down (vertical) one line high.
SPACING = {"across": (1.0, 6.0), "down": (1.0, 3.0)}
#: The deepest subdivision below the base rung (years, then months, then weeks).
MAX_DEPTH = 3
#: How long, in days, what a label names lasts: a year label names its year, and so on.
_NAMES_DAYS = {"year": 365.2425, "month": 30.44, "day": 1.0, "hour": 1 / 24}
_DEEP_STEP = 100_000          # year steps this long or longer count from year 0 and read in Ma / Ga
_DEEP_AXIS = -1_000_000       # an axis starting before this year reads in Ma (or Ga) at any step


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


# -- the ticks of one rung ---------------------------------------------------------------------

def _year_days(a: float, b: float, years: int, deep: bool) -> Iterator[int]:
    """First days of the years k x ``years`` BCE and k x ``years`` CE (and 1 CE) in ``a..b``."""
    y0, y1 = cal.year_of(math.ceil(a)), cal.year_of(math.floor(b))
    if deep or years >= _DEEP_STEP:   # deep time counts back from year 0: 66 Ma is the year -66,000,000
        years_list = [k * years for k in range(-(-y0 // years), y1 // years + 1)]
    else:
        # k x years BCE is the astronomical year 1 - k x years; the CE side starts at 1 CE.
        bce = [1 - k * years for k in range(max(1, -(-(1 - y1) // years)), (1 - y0) // years + 1)]
        ce = [k * years for k in range(max(1, -(-y0 // years)), y1 // years + 1)]
        years_list = sorted(bce) + ([1] if y0 <= 1 <= y1 and years > 1 else []) + ce
    for year in years_list:
        day = cal.from_gregorian(year, 1, 1)
        if a <= day <= b:
            yield day


def _month_starts(a: float, b: float) -> Iterator[tuple[int, int, int]]:
    """(day number, year, month) of every first of a month from the month holding ``a`` to ``b``."""
    year, month, _ = cal.to_gregorian(math.floor(a))
    while True:
        day = cal.from_gregorian(year, month, 1)
        if day > b:
            return
        yield day, year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _days(rung: Rung, a: float, b: float, deep: bool) -> list[float]:
    """The rung's ticks in ``a..b`` (day numbers, ends included), in order."""
    if rung.unit == "hour":
        hours = rung.step / 24
        first = math.ceil(a / hours - 1e-9)
        return [k * hours for k in range(first, math.floor(b / hours + 1e-9) + 1)]
    if rung.unit == "day":
        if rung.step == 1:
            return [float(d) for d in range(math.ceil(a), math.floor(b) + 1)]
        return [float(m + d - 1) for m, _y, _m in _month_starts(a, b) for d in range(1, 29, int(rung.step))
                if a <= m + d - 1 <= b]
    if rung.unit == "month":
        return [float(d) for d, _y, m in _month_starts(a, b) if (m - 1) % rung.step == 0 and d >= a]
    return [float(d) for d in _year_days(a, b, rung.years, deep)]


def _label(day: float, rung: Rung, deep: bool, mark_ce: bool) -> tuple[str, str]:
    """(label, kind): the coarsest boundary the tick opens names it (1 Jan is its year, the 1st its month)."""
    whole = math.floor(day)
    year, month, date = cal.to_gregorian(whole)
    if rung.unit == "hour" and day != whole:
        minutes = round((day - whole) * 1440)
        return f"{minutes // 60:02d}:{minutes % 60:02d}", "hour"
    if rung.unit in ("hour", "day") and date != 1:
        return f"{date} {cal.MONTH_ABBRS[month - 1]}", "day"
    if rung.unit in ("hour", "day", "month") and month != 1:
        return cal.MONTH_ABBRS[month - 1], "month"
    if (deep or rung.years >= _DEEP_STEP) and year <= 0:
        size, suffix = (1_000_000_000, "Ga") if rung.unit == "Ga" else (1_000_000, "Ma")
        value = f"{-year / size:,.6f}".rstrip("0").rstrip(".")
        return f"{value} {suffix}", "year"
    return cal.format_year(year, short=True, mark_ce=mark_ce), "year"


def _context(day: float, kind: str, mark_ce: bool) -> str:
    """The coarser date a label of this kind leaves out: the year, or the day and year of an hour."""
    year, month, date = cal.to_gregorian(math.floor(day))
    year_text = cal.format_year(year, short=True, mark_ce=mark_ce)
    if kind == "hour":
        return f"{date} {cal.MONTH_ABBRS[month - 1]} {year_text}"
    return "" if kind == "year" else year_text


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

    def __init__(self, scale: TimeScale, ty: Typography, lo: float, hi: float, vertical: bool) -> None:
        self.scale, self.ty, self.lo, self.hi, self.vertical = scale, ty, lo, hi, vertical
        gap, pitch = SPACING["down" if vertical else "across"]
        self.gap = gap * ty.tick
        # A linear axis also keeps a comfortable pitch; a non-linear one only the gap, as its pace varies.
        self.pitch = pitch * ty.tick if len(scale.segments) < 2 else 0.0
        self.least = self.gap + (ty.tick * ty.line if vertical else ty.tick)   # no two ticks closer than this
        self.deep = cal.year_of(math.floor(scale.d0)) < _DEEP_AXIS
        self.mark_ce = cal.year_of(math.floor(scale.d0)) < 1
        self.finest_days = 0.0
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

    def extent(self, label: str, kind: str, context: str = "") -> float:
        """A label's length along the axis: across, the wider of its text and the year line under it."""
        ty = self.ty
        if self.vertical:
            return ty.tick * ty.line
        return max(measure(label, ty.tick, bold=kind == "year"), measure(context, ty.tick, bold=True))

    def centre(self, c: _Cand) -> float:
        """Where a label's centre goes: at its tick, moved in from an axis end."""
        return min(max(c.pos, self.lo + c.extent / 2), self.hi - c.extent / 2)

    def piece_end(self, day: float) -> float:
        """The last day of the piece holding ``day``."""
        return next((d1 for d0, d1, _p0, _p1 in self.pieces if d0 <= day <= d1), day)

    def candidates(self, rung: Rung, a: float, b: float) -> list[_Cand] | None:
        """The rung's ticks in ``a..b`` (within one piece), or None if more than could ever fit."""
        room = self.scale.pos(b) - self.scale.pos(a)
        if (b - a) / rung.days > room / max(self.pitch, self.least) + 2:
            return None
        days = _days(rung, a, b, self.deep)
        end = self.piece_end(a)
        start = next((d0 for d0, d1, _p0, _p1 in self.pieces if d0 <= a <= d1), a)
        if days:
            days.append(next(iter(_days(rung, days[-1] + 1e-6, days[-1] + 2.5 * rung.days, self.deep)), math.inf))
        out = []
        for day, after in zip(days, days[1:]):
            label, kind = _label(day, rung, self.deep, self.mark_ce)
            pos = self.scale.pos(day)
            # The first tick of a piece names its year under it (later ones, only if it changes).
            extent = self.extent(label, kind, _context(day, kind, self.mark_ce) if day - start < rung.days else "")
            c = _Cand(day, pos, label, kind, extent, rung, self.scale.pos(after) - pos if after <= end else math.inf,
                      True)
            shown = (extent <= self.hi - self.lo and abs(self.centre(c) - pos) <= extent / 2 + 1e-6
                     and not self.misleading(c))
            out.append(attrs.evolve(c, shown=shown) if not shown else c)
        return out

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
                lo, hi = self.scale.day_at(max(c.pos - half, p0)), self.scale.day_at(min(c.pos + half, p1))
                named = max(c.rung.days, _NAMES_DAYS[c.kind])
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
                rung = (x or y).rung if (x or y) else None
                out += self.subdivide(x, y, x.day if x else d0, y.day if y else d1, rung, 0)
        return out

    def subdivide(self, x: _Cand | None, y: _Cand | None, a: float, b: float, rung: Rung | None,
                  depth: int) -> list[_Cand]:
        """New ticks strictly between ``a`` and ``b`` (ticks ``x`` and ``y``, or a piece's ends).

        The stretch takes the next rung of :data:`_CHAIN` that nests in ``rung`` (years into
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
        if not cands:
            return []
        starts = set(_days(_GROUP[finer.unit], a, b, self.deep)) if finer.unit in _GROUP else set()
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
        out += [bounds[k] for k in sorted(need) if 0 < k < len(bounds) - 1 and bounds[k].shown]
        return out


#: Subdividing a stretch: the next rungs, coarse to fine (each at least about 3 times finer than
#: the rung it subdivides, and nested in it), and the calendar unit whose ticks group them.
_CHAIN_YEARS = (1_000_000_000, 500_000_000, 100_000_000, 50_000_000, 10_000_000, 5_000_000, 1_000_000, 500_000,
                100_000, 50_000, 10_000, 5000, 1000, 500, 100, 50, 10, 5, 1)
_GROUP = {"month": Rung("year", 1), "day": Rung("month", 1), "hour": Rung("day", 1)}


def _next_level(rung: Rung | None, loc: _Locator, a: float, b: float) -> Rung | None:
    """The rung that subdivides ``rung`` (None: the coarsest with a tick inside ``a..b``)."""
    for finer in _CHAIN:
        if finer.days < loc.finest_days - 1e-9:
            return None
        if rung is None:
            if any(a < d < b for d in _days(finer, a, b, loc.deep)[:3]) if (b - a) / finer.days < 1e4 else False:
                return finer
        elif finer.days < rung.days and rung.days / finer.days >= 2.9 and _nests(finer, rung):
            return finer
    return None


def _nests(fine: Rung, coarse: Rung) -> bool:
    """True when every tick of the coarse rung is also a tick of the (finer) fine one."""
    if coarse.years:
        return not fine.years or coarse.years % fine.years == 0
    if fine.unit != coarse.unit:
        return True   # a year, month or day starts with a month, day or hour tick
    if fine.unit == "day":
        return fine.step == 1 or (coarse.step == 14 and fine.step in (2, 7))
    return coarse.step % fine.step == 0


_CHAIN: tuple[Rung, ...] = (*(next(r for r in LADDER if r.years == y) for y in _CHAIN_YEARS),
                            Rung("month", 3), Rung("month", 1), Rung("day", 7), Rung("day", 1), Rung("hour", 6),
                            Rung("hour", 1))


def _finest(unit: str) -> list[Rung]:
    order = [u for u, _s in _TABLE]
    return [r for r in LADDER if order.index(r.unit) >= order.index(unit)]


def locate(scale: TimeScale, ty: Typography, lo: float, hi: float, *, vertical: bool = False,
           finest: str = "hour") -> list[Tick]:
    """The ticks to draw on ``scale``, whose labels must lie within ``lo..hi`` px along the axis.

    ``vertical`` lays labels one line high down the axis, else side by side as wide as their
    text.  ``finest`` is the finest unit allowed (a phone's narrow tick column takes years only).
    No two labels overlap or come within the gap of :data:`SPACING`, none crosses an axis end,
    and none is inside a compressed stretch.
    """
    loc = _Locator(scale, ty, lo, hi, vertical)
    rungs = _finest(finest)
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
    # Label them: a month, day or hour names its year (or day) only where that changes, so
    # every label reads on its own; across, a year line that makes a label wider can still crowd it out.
    out: list[Tick] = []
    drawn: list[_Cand] = []
    shown = ""
    for c in kept:
        label, kind = _label(c.day, c.rung, loc.deep, mark_ce)
        context = "" if kind == "year" else _context(c.day, kind, mark_ce)
        context = "" if context == shown else context
        c = attrs.evolve(c, label=label, extent=loc.extent(label, kind, context))
        if (drawn and not loc.clear(drawn[-1], c)) or abs(loc.centre(c) - c.pos) > c.extent / 2 + 1e-6 \
                or c.extent > hi - lo:
            continue
        shown = label if kind == "year" else context or shown
        drawn.append(c)
        out.append(Tick(c.day, c.pos, loc.centre(c), label, context, kind, c.rung))
    return out


def label_width(ty: Typography, d0: float, d1: float, finest: str = "hour") -> float:
    """The widest one-line tick label (bold) an axis over ``d0..d1`` may draw, so none is ever cut."""
    deep = cal.year_of(math.floor(d0)) < _DEEP_AXIS
    mark_ce = cal.year_of(math.floor(d0)) < 1
    order = [u for u, _s in _TABLE]
    samples = []
    for day in (math.ceil(d0), math.floor(d1)):
        year = cal.year_of(day)
        rung = Rung("Ga" if -year >= 1_000_000_000 else "Ma", 1) if deep else Rung("year", 1)
        year_text = _label(cal.from_gregorian(year, 1, 1), rung, deep, mark_ce)[0]
        samples.append(year_text)
        if order.index(finest) <= order.index("month"):
            samples.append("Sep " + year_text)
        if order.index(finest) <= order.index("day"):
            samples.append("28 Sep " + year_text)
        if finest == "hour":
            samples.append("23:00 28 Sep " + year_text)
    return max(measure(s, ty.tick, bold=True) for s in samples)
