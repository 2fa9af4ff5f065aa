"""What each event is, for drawing: its kind, days, qualifiers, classes and notes, worked out once.

Days are day numbers (``date.toordinal()``): ``t0`` is the first day, ``t1`` the day after the
last.  Every later stage reads these records by name.
"""

from __future__ import annotations

from collections.abc import Mapping

from timeline.dates import Bound, HistoricalDate, Span
from timeline.layout.notes import Footnotes
from timeline.model.records import Citation, Event, Source, disputed_label
from timeline.support import WEAK_KINDS

__all__ = ["ClaimDays", "EventInfo", "anchors", "classify", "clip", "day_span", "flow_day"]


class ClaimDays:
    """One alternative of a disputed date: its first day, the day after its last, and whether preferred.

    A plain slotted class (one is made per alternative of every disputed event), read-only by
    convention, equal and hashed by its fields as the frozen attrs class it replaces was.
    """

    __slots__ = ("first", "after", "preferred")

    def __init__(self, first: float, after: float, preferred: bool) -> None:
        self.first, self.after, self.preferred = first, after, preferred

    def _key(self) -> tuple[float, float, bool]:
        return (self.first, self.after, self.preferred)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClaimDays) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"ClaimDays(first={self.first!r}, after={self.after!r}, preferred={self.preferred!r})"

    @property
    def mid(self) -> float:
        """The middle of the alternative (where its mark sits)."""
        return (self.first + self.after) / 2


#: EventInfo's fields, in order (its constructor's arguments, its repr, equality and :meth:`EventInfo.evolve`).
_FIELDS = ("event", "lane", "kind", "t0", "t1", "approx_start", "approx_end", "uncertain", "bound", "open_start",
           "open_end", "claims", "classes", "notes", "date_label", "weak", "cut_start", "cut_end")


class EventInfo:
    """An event as the layout sees it.

    A plain slotted class, not a frozen attrs one (one is made per event, and attrs' frozen
    ``__init__`` sets each of 18 fields through ``object.__setattr__``); read-only by convention,
    equal, hashed and shown by its fields as before; :meth:`evolve` is ``attrs.evolve``.
    """

    __slots__ = _FIELDS

    def __init__(self, event: Event, lane: int, kind: str, t0: float | None, t1: float | None,
                 approx_start: bool, approx_end: bool, uncertain: bool, bound: Bound, open_start: bool,
                 open_end: bool, claims: tuple[ClaimDays, ...], classes: tuple[str, ...], notes: tuple[int, ...],
                 date_label: str, weak: bool = False, cut_start: bool = False, cut_end: bool = False) -> None:
        self.event = event
        self.lane = lane
        self.kind = kind                  # "point" or "range"
        self.t0 = t0                      # first day (None: unknown or open)
        self.t1 = t1                      # day after the last day
        self.approx_start = approx_start
        self.approx_end = approx_end
        self.uncertain = uncertain
        self.bound = bound
        self.open_start = open_start
        self.open_end = open_end
        self.claims = claims              # the alternatives of a disputed date, in time order
        self.classes = classes
        self.notes = notes
        self.date_label = date_label      # the short date as shown ("23 or 26 Mar 1953")
        self.weak = weak                  # only blog, forum or partisan sources back it (drawn with a dashed ring)
        self.cut_start = cut_start        # begins before the view window: cut at its edge, with an arrow
        self.cut_end = cut_end            # goes on past the view window

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EventInfo) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return "EventInfo(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS) + ")"

    def evolve(self, **changes: object) -> EventInfo:
        """A copy with ``changes`` (as ``attrs.evolve``)."""
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise TypeError(f"EventInfo has no field {sorted(unknown)[0]!r}")
        return EventInfo(*(changes[name] if name in changes else getattr(self, name) for name in _FIELDS))  # type: ignore[arg-type]

    @property
    def priority(self) -> tuple[float, ...]:
        """The label order when not every label fits (smaller first).

        The event's own ``priority`` (higher first); then what lies inside the view window before
        what it cuts; then dates known to the day (an event, a dispute between days) before
        ranges, the longer first, and ranges before vaguer dates ("1953"); then events citing more
        sources (the caller breaks ties by date, then id).
        """
        ev = self.event
        duration = (self.t1 - self.t0) if self.kind == "range" and self.t0 is not None and self.t1 is not None else 0.0
        sources = len({c.source for c in ev.all_citations})
        day = self.disputed and all(c.after - c.first <= 1.5 for c in self.claims) or (
            self.kind == "point" and self.t0 is not None and self.t1 is not None and self.t1 - self.t0 <= 1.5)
        tier = 0 if day else 1 if self.kind == "range" else 2
        return (-(ev.priority or 0), int(self.cut_start or self.cut_end), tier, -duration, -sources)

    @property
    def disputed(self) -> bool:
        """True when the sources disagree on the date (drawn as a bracket)."""
        return len(self.claims) > 1


def _days(d: HistoricalDate | None, side: str) -> float | None:
    if d is None:
        return None
    if side == "start":
        return None if d.first_day is None else float(d.first_day)
    return None if d.last_day is None else float(d.last_day + 1)


def _claims(ev: Event) -> tuple[tuple[ClaimDays, ...], str]:
    # Event.date_claims is a property that rebuilds its answer on every use: read it once.
    date_claims = ev.date_claims
    disputed = len({c.when.edtf for c in date_claims}) > 1  # type: ignore[union-attr]  # date claims have a when
    if ev.display_date:
        label = ev.display_date
    elif disputed:
        label = disputed_label([c.when for c in date_claims], "short")  # type: ignore[misc]
    else:
        label = ev.when.display("short")
    out: list[ClaimDays] = []
    if disputed:
        for c in date_claims:
            lo, hi = c.when.first_day, c.when.last_day  # type: ignore[union-attr]
            if lo is None and hi is None:
                continue
            lo, hi = (hi if lo is None else lo), (lo if hi is None else hi)
            out.append(ClaimDays(float(lo), float(hi + 1), c.rank.value == "preferred"))  # type: ignore[arg-type, operator]
        out.sort(key=lambda c: (c.first, c.after, c.preferred))
    return tuple(out), label


def classify(ev: Event, lane: int, fn: Footnotes, sources: Mapping[str, Source] | None = None) -> EventInfo:
    """The drawing record of one event in lane number ``lane`` (``sources`` give its support)."""
    when = ev.when
    if ev.claims:
        claims, label = _claims(ev)
        disputes = ev.disputes
        if disputes:  # the sources disagree on something besides the date: the date line says so
            label = f"{label} · disputed"
        cites = ev.all_citations
    else:  # what _claims, disputes and all_citations give for an event without claims
        claims, label, disputes, cites = (), ev.display_date or when.display("short"), (), ev.citations
    weak = sources is not None and _weak_only(cites, sources)
    if isinstance(when, Span):
        kind = "range"
        t0, t1 = _days(when.start, "start"), _days(when.end, "end")
        a_s = bool(when.start and (when.start.approximate or when.start.uncertain))
        a_e = bool(when.end and (when.end.approximate or when.end.uncertain))
        unc = bool((when.start and when.start.uncertain) or (when.end and when.end.uncertain))
        appr = bool((when.start and when.start.approximate) or (when.end and when.end.approximate))
        bound = Bound.EXACT
        o_s = when.open_start or when.start is None
        o_e = when.open_end or when.end is None
    else:
        kind = "point"
        t0, t1 = _days(when, "start"), _days(when, "end")
        a_s = a_e = when.approximate or when.uncertain
        unc, appr = when.uncertain, when.approximate
        bound = when.bound
        o_s = o_e = False
    classes = ["event", kind]
    if appr:
        classes.append("approximate")
    if unc:
        classes.append("uncertain")
    if kind == "point" and bound is not Bound.EXACT:
        classes.append("bounded")
        classes.append("not-after" if bound is Bound.NOT_AFTER else "not-before")
    if len(claims) > 1:
        classes.append("disputed")
    if disputes:
        classes.append("contested")
    if weak:
        classes.append("weak")
    if o_s or o_e:
        classes.append("open")
    if ev.is_context:
        classes.append("context")
    classes.append(f"lane-{lane}")
    classes.append(f"hue-{lane % 6}")
    return EventInfo(ev, lane, kind, t0, t1, a_s, a_e, unc, bound, o_s, o_e, claims, tuple(classes),
                     fn.numbers_for(cites), label, weak)


def _weak_only(cites: tuple[Citation, ...], sources: Mapping[str, Source]) -> bool:
    """``support.weak_only``: some citations, every one of a defined blog, forum or partisan source (the weak
    kinds rank last, and an undefined source ranks before them).  One lookup a citation."""
    for c in cites:
        src = sources.get(c.source)
        if src is None or src.kind not in WEAK_KINDS:
            return False
    return bool(cites)


def clip(info: EventInfo, w0: float | None, w1: float | None) -> EventInfo:
    """The event as seen through a view window: days outside it cut at its edges (flagged)."""
    t0, t1, cut0, cut1 = info.t0, info.t1, False, False
    if w0 is not None and (t0 is None and info.kind == "range" or t0 is not None and t0 < w0):
        t0, cut0 = w0, True
    if w1 is not None and (t1 is None and info.kind == "range" or t1 is not None and t1 > w1):
        t1, cut1 = w1, True
    if not (cut0 or cut1):
        return info
    if info.kind == "point" and info.bound.value != "exact":
        return info  # a whisker says "on or before" itself; the scale clamps its dot
    claims = tuple(c for c in info.claims if (w0 is None or c.after > w0) and (w1 is None or c.first < w1))
    classes = (*info.classes, "cut") if "cut" not in info.classes else info.classes
    return info.evolve(t0=t0, t1=t1, cut_start=cut0, cut_end=cut1, claims=claims, classes=classes,
                        open_start=info.open_start and not cut0, open_end=info.open_end and not cut1)


def anchors(info: EventInfo) -> list[tuple[float, float]]:
    """The stretches of time this event says something about (for the domain and the density)."""
    out: list[tuple[float, float]] = [(c.first, c.after) for c in info.claims]
    if info.kind == "range":  # an end cut by the view window is not a date of this event
        if info.t0 is not None and not info.cut_start:
            out.append((info.t0, info.t0 + 1))
        if info.t1 is not None and not info.cut_end:
            out.append((info.t1 - 1, info.t1))
    elif not (info.cut_start or info.cut_end):
        if info.t0 is not None and info.t1 is not None:
            out.append((info.t0, info.t1))
        elif info.t1 is not None:
            out.append((info.t1 - 1, info.t1))
        elif info.t0 is not None:
            out.append((info.t0, info.t0 + 1))
    return out


def day_span(info: EventInfo, d0: float, d1: float) -> tuple[float, float] | None:
    """The days a mark with length covers (a range, a partial date, a dispute), or None for a dot."""
    if info.disputed:
        return info.claims[0].first, info.claims[-1].after
    if info.kind == "range":
        a = info.t0 if info.t0 is not None else (info.t1 - 1 if info.t1 is not None else d0)
        b = info.t1 if info.t1 is not None else d1
        return a, max(b, a + 1)
    if info.bound is Bound.EXACT and info.t0 is not None and info.t1 is not None and info.t1 - info.t0 > 1.5:
        return info.t0, info.t1
    return None


def flow_day(info: EventInfo, d0: float, d1: float) -> float:
    """The day an event's label hangs from in the vertical list: where its mark begins (or its dot sits)."""
    if info.disputed:
        return info.claims[0].mid
    if info.kind == "range":
        if info.t0 is not None:
            return info.t0
        return info.t1 - 1 if info.t1 is not None else d0
    if info.bound is Bound.NOT_AFTER and info.t1 is not None:
        return info.t1
    if info.bound is Bound.NOT_BEFORE and info.t0 is not None:
        return info.t0
    if info.t0 is None or info.t1 is None:
        return info.t0 if info.t0 is not None else info.t1 if info.t1 is not None else d0
    if info.t1 - info.t0 > 1.5:
        return info.t0
    return (info.t0 + info.t1) / 2
