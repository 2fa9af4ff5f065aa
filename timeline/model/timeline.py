"""The whole timeline: its header, lanes, eras, events and sources.

Beside the fields, :class:`Timeline` gives the views every stage asks for
(events in time order, the order of lanes, computed once per timeline),
filters and immutable builders that return new timelines, and the output
conveniences (``save_svg``, ``_repr_html_``...), which import the renderers
only when called.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from timeline._memo import memo
from timeline.dates import HistoricalDate, Span, parse_date
from timeline.errors import UsageError
from timeline.model.records import Citation, Claim, ClaimRank, Era, Event, Lane, Quantity, Source
from timeline.model.validators import date_like

__all__ = ["Timeline"]


def _as_date(value: str | HistoricalDate | Span) -> HistoricalDate | Span:
    return parse_date(value) if isinstance(value, str) else value


def _citations(items: Iterable[Citation | Mapping[str, str]]) -> tuple[Citation, ...]:
    return tuple(c if isinstance(c, Citation) else Citation(**c) for c in items)


def _claim(item: Claim | Mapping[str, Any]) -> Claim:
    """A claim from a builder's mapping: dates may be strings, quantities numbers or mappings."""
    if isinstance(item, Claim):
        return item
    fields = dict(item)
    if isinstance(fields.get("when"), str):
        fields["when"] = parse_date(fields["when"])
    quantity = fields.get("quantity")
    if isinstance(quantity, (int, float)) and not isinstance(quantity, bool):
        fields["quantity"] = Quantity(value=quantity)
    elif isinstance(quantity, Mapping):
        fields["quantity"] = Quantity(**quantity)
    if isinstance(fields.get("rank"), str):
        fields["rank"] = ClaimRank(fields["rank"])
    fields["citations"] = _citations(fields.get("citations", ()))
    return Claim(**fields)


def _event_order(event: Event) -> tuple[Any, str]:
    return (event.when.sort_key, event.id)


_DISPLAYS = itertools.count(1)


@attrs.frozen(repr=False)
class Timeline:
    """A whole timeline: header, lanes, eras, events and sources.

    Build one with keyword arguments, or incrementally with the
    immutable helpers (:meth:`add_event`, :meth:`add_source`, ...), which
    return new timelines via ``attrs.evolve``.
    """

    title: str = "Timeline"
    subtitle: str = ""
    description: str = ""
    range: HistoricalDate | Span | None = attrs.field(default=None, validator=date_like())
    events: tuple[Event, ...] = attrs.field(default=(), converter=tuple)
    eras: tuple[Era, ...] = attrs.field(default=(), converter=tuple)
    lanes: tuple[Lane, ...] = attrs.field(default=(), converter=tuple)
    sources: Mapping[str, Source] = attrs.field(factory=dict)

    # -- queries -----------------------------------------------------------

    def event(self, event_id: str) -> Event:
        """Return the event with this id (KeyError if there is none)."""
        for ev in self.events:
            if ev.id == event_id:
                return ev
        raise KeyError(event_id)

    def sorted_events(self) -> list[Event]:
        """Events in time order (ties broken by id, so the order is total)."""
        # Sorted once per timeline: the layout, the footnotes and the HTML list all ask.
        return list(memo(self, "sorted_events", lambda: tuple(sorted(self.events, key=_event_order))))

    def lane_order(self) -> list[Lane]:
        """Declared lanes, then lanes used but not declared, in order of first use."""
        # Once per timeline: writers ask for each event's lane name.
        return list(memo(self, "lane_order", self._lane_order))

    def _lane_order(self) -> tuple[Lane, ...]:
        lanes = list(self.lanes)
        known = {lane.id for lane in lanes}
        for ev in self.events:
            if ev.lane and ev.lane not in known:
                known.add(ev.lane)
                lanes.append(Lane(id=ev.lane))
        return tuple(lanes)

    def tags(self) -> list[str]:
        """Every tag used, sorted."""
        return sorted({t for ev in self.events for t in ev.tags})

    # -- filters (each returns a new timeline) ---------------------------------

    def between(self, start: str | HistoricalDate | Span | None, end: str | HistoricalDate | Span | None) -> Timeline:
        """Events (and eras) that overlap ``start``..``end``; either end may be None."""
        lo = _as_date(start).earliest if start is not None else None
        hi = _as_date(end).latest if end is not None else None

        def keep(when: HistoricalDate | Span) -> bool:
            if lo is not None and when.latest is not None and when.latest < lo:
                return False
            return not (hi is not None and when.earliest is not None and when.earliest > hi)

        return attrs.evolve(self, events=tuple(e for e in self.events if keep(e.when)),
                            eras=tuple(e for e in self.eras if keep(e.when)))

    def with_tags(self, *tags: str) -> Timeline:
        """Events carrying any of ``tags``."""
        wanted = set(tags)
        return attrs.evolve(self, events=tuple(e for e in self.events if wanted & set(e.tags)))

    def retitled(self, title: str) -> Timeline:
        """The same timeline under another title (e.g. a slide's "1953")."""
        return attrs.evolve(self, title=title)

    def without_tags(self, *tags: str) -> Timeline:
        """Events carrying none of ``tags`` (e.g. ``without_tags("context")``)."""
        unwanted = set(tags)
        return attrs.evolve(self, events=tuple(e for e in self.events if not unwanted & set(e.tags)))

    def in_lanes(self, *lanes: str) -> Timeline:
        """Events in any of ``lanes`` (by lane id)."""
        wanted = set(lanes)
        return attrs.evolve(self, events=tuple(e for e in self.events if e.lane in wanted))

    def merge(self, other: Timeline) -> Timeline:
        """Combine two timelines: this header, both sets of events, eras, lanes and sources.

        Raises UsageError when the same id means two different things.
        """
        def union(mine: tuple, theirs: tuple, what: str) -> tuple:
            by_id = {x.id: x for x in mine}
            out = list(mine)
            for item in theirs:
                if item.id in by_id:
                    if by_id[item.id] != item:
                        raise UsageError(f"cannot merge: {what} id '{item.id}' differs between the timelines")
                    continue
                out.append(item)
            return tuple(out)

        sources = dict(self.sources)
        for sid, src in other.sources.items():
            if sid in sources and sources[sid] != src:
                raise UsageError(f"cannot merge: source id '{sid}' differs between the timelines")
            sources[sid] = src
        return attrs.evolve(
            self, events=union(self.events, other.events, "event"), eras=union(self.eras, other.eras, "era"),
            lanes=union(self.lanes, other.lanes, "lane"), sources=sources, range=self.range or other.range,
        )

    # -- immutable builders ------------------------------------------------

    def add_event(
        self,
        id: str,
        title: str,
        when: str | HistoricalDate | Span,
        *,
        citations: Iterable[Citation | Mapping[str, str]] = (),
        claims: Iterable[Claim | Mapping[str, Any]] = (),
        **fields: Any,
    ) -> Timeline:
        """Return a new timeline with one more event; ``when`` may be a string.

        ``claims`` may be :class:`Claim` objects or plain mappings such as
        ``{"about": "cause of death", "statement": "a stroke", "by": "TASS",
        "citations": [{"source": "web", "locator": "para. 5"}]}``.
        """
        event = Event(id=id, title=title, when=_as_date(when), citations=_citations(citations),
                      claims=tuple(_claim(c) for c in claims), **fields)
        return attrs.evolve(self, events=(*self.events, event))

    def add_source(self, source: Source | None = None, /, **fields: Any) -> Timeline:
        """Return a new timeline with a source added (or replaced, by id)."""
        src = source if source is not None else Source(**fields)
        return attrs.evolve(self, sources={**self.sources, src.id: src})

    def add_era(self, id: str, label: str, when: str | HistoricalDate | Span, **fields: Any) -> Timeline:
        """Return a new timeline with one more era; ``when`` may be a string."""
        era = Era(id=id, label=label, when=_as_date(when), **fields)
        return attrs.evolve(self, eras=(*self.eras, era))

    def add_lane(self, id: str, label: str = "", **fields: Any) -> Timeline:
        """Return a new timeline with one more lane at the end of the order."""
        return attrs.evolve(self, lanes=(*self.lanes, Lane(id=id, label=label, **fields)))

    # -- output conveniences ---------------------------------------------------
    # These delegate to timeline.render through a function-level import: the
    # model stays importable without jinja2/svgwrite, and the pipeline's
    # module-level imports still point one way (tests/test_architecture.py).

    def save_svg(self, path: str | Any, **options: Any) -> None:
        """Render this timeline to an SVG file (options as for :func:`timeline.render_svg`)."""
        from timeline.render import render_svg

        _write_text(path, render_svg(self, **options))

    def save_png(self, path: str | Any, *, pixel_ratio: float | None = None, **options: Any) -> None:
        """Render this timeline to a PNG file (needs the ``png`` extra; options as for ``save_svg``)."""
        from pathlib import Path

        from timeline.render import render_png

        target = Path(path)
        data = render_png(self, pixel_ratio=pixel_ratio, **options)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def save_html(self, path: str | Any, *, fragment: bool = False, plain: bool = False, **options: Any) -> None:
        """Render this timeline to an HTML page (or fragment) file.

        ``plain=True`` writes the sanitiser-safe fragment, and the chart image beside it.
        """
        from timeline.render import render_html

        if plain:
            from timeline.render.plain import save_plain

            save_plain(self, path, **options)
            return

        _write_text(path, render_html(self, fragment=fragment, **options))

    def to_json(self) -> str:
        """Our JSON export of this timeline (see docs/json.md)."""
        from timeline.io.jsonfmt import dumps

        return dumps(self)

    def _repr_svg_(self) -> str:
        from timeline.render import render_svg

        return render_svg(self)

    def _repr_html_(self) -> str:
        """The notebook display: a fragment whose ids are unique to this display.

        Two timelines (or one shown twice) in one notebook page would otherwise share every
        id; files keep the deterministic prefix ``tl``.
        """
        from timeline.render import render_html

        return render_html(self, fragment=True, id_prefix=f"tl-nb{next(_DISPLAYS)}")

    def __repr__(self) -> str:
        """A one-line summary (the full attrs dump of a real timeline runs to tens of KB)."""
        span = f", {self.range.display()}" if self.range is not None else ""
        return (f"<Timeline {self.title!r}: {len(self.events)} events, {len(self.eras)} eras, "
                f"{len(self.lanes)} lanes, {len(self.sources)} sources{span}>")


def _write_text(path: Any, text: str) -> None:
    from timeline.atomic import write_atomic

    write_atomic(path, text)
