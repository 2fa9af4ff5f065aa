"""The timeline model: frozen attrs classes and nothing that parses text.

Text becomes these objects in :mod:`timeline.io` (files) or in the named
constructors here (``Timeline.build`` style helpers that accept date
strings), never in ``__init__`` converters.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from timeline._memo import memo
from timeline.dates import HistoricalDate, Span, parse_date
from timeline.errors import UsageError

__all__ = [
    "Citation",
    "Claim",
    "ClaimRank",
    "Era",
    "Event",
    "Lane",
    "Media",
    "Quantity",
    "Source",
    "SourceKind",
    "Timeline",
    "is_valid_id",
]

_ID_RE = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")  # \Z: "$" would let a final newline in

CONTEXT_TAG = "context"


def is_valid_id(value: object) -> bool:
    """True for an id every reader and writer accepts: letters, digits, '-', '_', '.', ':', not starting with a mark."""
    return isinstance(value, str) and _ID_RE.match(value) is not None


def _is_id(_inst: Any, attribute: attrs.Attribute, value: str) -> None:
    if not is_valid_id(value):
        raise UsageError(
            f"{attribute.name} must be an id of letters, digits, '-', '_', '.', ':' "
            f"starting with a letter or digit; got {value!r}"
        )


def valid_id() -> Any:
    """Validator factory: the value is a non-empty id string."""
    return _is_id


def _is_date(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not isinstance(value, (HistoricalDate, Span)):
        raise UsageError(
            f"{attribute.name} must be a HistoricalDate or Span (use timeline.parse_date "
            f"or pass a string to a builder); got {type(value).__name__}"
        )


def date_like() -> Any:
    """Validator factory: the value is a HistoricalDate, a Span or None."""
    return _is_date


PRIORITY_RANGE = (-1000, 1000)


def _priority(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    lo, hi = PRIORITY_RANGE
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi):
        raise UsageError(f"{attribute.name} must be a whole number from {lo} to {hi} (higher is labelled first); "
                         f"got {value!r}")


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


class SourceKind(enum.Enum):
    """What sort of text a source is; readers weigh claims by it."""

    SCHOLARLY = "scholarly"
    PRIMARY = "primary"
    REFERENCE = "reference"
    JOURNALISM = "journalism"
    BLOG = "blog"
    FORUM = "forum"
    PARTISAN = "partisan"
    OTHER = "other"


class ClaimRank(enum.Enum):
    """How a claim stands against the others about the same thing."""

    PREFERRED = "preferred"
    NORMAL = "normal"
    DEPRECATED = "deprecated"


@attrs.frozen
class Source:
    """A bibliographic source: a CSL-JSON subset plus kind and reliability."""

    id: str = attrs.field(validator=valid_id())
    title: str = ""
    type: str = "document"
    kind: SourceKind = SourceKind.OTHER
    author: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    editor: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    container_title: str = ""
    publisher: str = ""
    issued: str = ""
    url: str = ""
    archive: str = ""
    archive_location: str = ""
    note: str = ""
    reliability: str = ""
    file: str = ""


@attrs.frozen
class Citation:
    """A pointer into a source: which source, where in it, and what it says."""

    source: str = attrs.field(validator=valid_id())
    locator: str = ""
    quote: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """The (source, locator) pair that gets one footnote number."""
        return (self.source, self.locator)


@attrs.frozen
class Quantity:
    """A number a source gives: exact, approximate, or between low and high."""

    value: float | None = None
    unit: str = ""
    approximate: bool = False
    low: float | None = None
    high: float | None = None

    def display(self) -> str:
        """Human text: "about 1,500,000 prisoners", "1,000,000–1,200,000"."""

        def num(x: float) -> str:
            return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

        if self.value is not None:
            text = num(self.value)
        elif self.low is not None and self.high is not None:
            text = f"{num(self.low)}–{num(self.high)}"
        elif self.low is not None:
            text = f"at least {num(self.low)}"
        elif self.high is not None:
            text = f"at most {num(self.high)}"
        else:
            text = "unknown"
        if self.approximate:
            text = f"about {text}"
        return f"{text} {self.unit}".strip()


def _one_value(inst: Claim, _attribute: attrs.Attribute, statement: str) -> None:
    given = [name for name, value in (("when", inst.when), ("quantity", inst.quantity), ("statement", statement))
             if value not in (None, "")]
    if len(given) > 1:
        raise UsageError(f"a claim holds one value: 'when', 'quantity' or 'statement'; got {' and '.join(given)}")
    if statement and inst.about == "date":
        raise UsageError("a statement claim needs 'about' to name what it is about, e.g. about=\"cause of death\"")


@attrs.frozen
class Claim:
    """One source's value for something disputed: a date, a quantity or a statement.

    A statement is a short sentence the cited source asserts ("a stroke").
    ``by`` names whose reading it is when the source reports someone else's
    view ("TASS", "many Western historians"); renderers show it before the value.
    """

    about: str = "date"
    when: HistoricalDate | Span | None = attrs.field(default=None, validator=date_like())
    quantity: Quantity | None = None
    statement: str = attrs.field(default="", validator=_one_value)
    by: str = ""
    text: str = ""
    rank: ClaimRank = ClaimRank.NORMAL
    note: str = ""
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=tuple)

    @property
    def is_date(self) -> bool:
        """True when the claim is about the event's date."""
        return self.about == "date"

    @property
    def kind(self) -> str:
        """``"date"``, ``"quantity"`` or ``"statement"`` (a claim with only ``text`` is a statement)."""
        if self.when is not None or self.is_date:
            return "date"
        return "quantity" if self.quantity is not None else "statement"

    @property
    def value_key(self) -> str:
        """The claimed value as a comparable string: claims with equal keys agree."""
        if self.when is not None:
            return self.when.edtf
        if self.quantity is not None:
            q = self.quantity
            return f"{q.value}|{q.low}|{q.high}|{q.unit}"
        return (self.statement or self.text).strip().lower()

    def sentence(self) -> str:
        """The claim as plain text for formats that cannot hold claims: "Cause of death: TASS: a stroke"."""
        by = f"{self.by}: " if self.by else ""
        return f"{self.about[:1].upper()}{self.about[1:]}: {by}{self.display()}"

    def display(self) -> str:
        """The claimed value in words."""
        if self.text:
            return self.text
        if self.statement:
            return self.statement
        if self.when is not None:
            return self.when.display()
        if self.quantity is not None:
            return self.quantity.display()
        return ""


@attrs.frozen
class Media:
    """A picture or page an event points at. It is linked, never fetched."""

    url: str
    credit: str = ""
    caption: str = ""
    alt: str = ""
    thumbnail: str = ""


def _non_empty(_inst: Any, attribute: attrs.Attribute, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{attribute.name} must be a non-empty string; got {value!r}")


@attrs.frozen
class Lane:
    """A horizontal (or vertical) track events are grouped in.

    Its id is any non-empty string, so scripts can name lanes in plain words
    (``lane="Politics & war"``); renderers never put it into markup ids.
    """

    id: str = attrs.field(validator=_non_empty)
    label: str = ""
    description: str = ""

    @property
    def name(self) -> str:
        """The label, or the id when there is none."""
        return self.label or self.id


@attrs.frozen
class Era:
    """A labelled background period, such as a war."""

    id: str = attrs.field(validator=valid_id())
    label: str
    when: HistoricalDate | Span = attrs.field(validator=date_like())
    text: str = ""
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class Event:
    """Something that happened, when, and who says so."""

    id: str = attrs.field(validator=valid_id())
    title: str
    when: HistoricalDate | Span = attrs.field(validator=date_like())
    text: str = ""
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    lane: str | None = None
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    note: str = ""
    media: Media | None = None
    display_date: str = ""
    #: How much a label matters when a frame cannot label everything: higher first (None: the default rule).
    priority: int | None = attrs.field(default=None, validator=_priority)

    @property
    def date_claims(self) -> tuple[Claim, ...]:
        """Claims about the date, in file order."""
        return tuple(c for c in self.claims if c.is_date and c.when is not None)

    @property
    def is_disputed(self) -> bool:
        """True when sources give different dates for the event."""
        return len({c.when.edtf for c in self.date_claims}) > 1

    def claim_groups(self) -> list[tuple[str, tuple[Claim, ...]]]:
        """The claims about other things than the date, grouped by ``about`` in file order."""
        groups: dict[str, list[Claim]] = {}
        for claim in self.claims:
            if not claim.is_date:
                groups.setdefault(claim.about, []).append(claim)
        return [(about, tuple(claims)) for about, claims in groups.items()]

    @property
    def disputes(self) -> tuple[str, ...]:
        """What the sources disagree on besides the date: each ``about`` with two or more different values."""
        return tuple(about for about, claims in self.claim_groups() if len({c.value_key for c in claims}) > 1)

    @property
    def is_context(self) -> bool:
        """True for events shown only as context (tagged ``context``)."""
        return CONTEXT_TAG in self.tags

    @property
    def all_citations(self) -> tuple[Citation, ...]:
        """The event's own citations, then each claim's, in order."""
        out = list(self.citations)
        for claim in self.claims:
            out.extend(claim.citations)
        return tuple(out)

    def date_label(self, style: str = "long") -> str:
        """The date as shown: a display date, "23 or 26 Mar 1953" for disputes, else the date."""
        if self.display_date:
            return self.display_date
        if self.is_disputed:
            return disputed_label([c.when for c in self.date_claims], style)
        return self.when.display(style)


def disputed_label(dates: Sequence[HistoricalDate | Span], style: str = "long") -> str:
    """Join alternative dates as "23 or 26 March 1953" (shared month/year are said once)."""
    unique: list[HistoricalDate | Span] = []
    seen = set()
    for d in sorted(dates, key=lambda d: d.sort_key):
        if d.edtf not in seen:
            seen.add(d.edtf)
            unique.append(d)
    texts = [d.display(style) for d in unique]
    if len(texts) == 2:
        a, b = texts
        a_words, b_words = a.split(" "), b.split(" ")
        # Share a common tail ("March 1953") when both are days of one month.
        common = 0
        while (
            common < min(len(a_words), len(b_words)) - 1
            and a_words[-1 - common] == b_words[-1 - common]
        ):
            common += 1
        if common:
            return " ".join(a_words[:-common]) + " or " + b
    return " or ".join(texts)


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
