"""The model's records: sources, citations, claims, media, lanes, eras and events.

Small frozen attrs classes whose ``__init__`` parses nothing; their fields are
checked by :mod:`timeline.model.validators`.  The whole timeline that holds
them is :mod:`timeline.model.timeline`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from timeline.dates import HistoricalDate, Span
from timeline.errors import UsageError
from timeline.model.validators import date_like, in_priority_range, non_empty, tuple_of_str, valid_id

__all__ = [
    "CONTEXT_TAG",
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
    "disputed_label",
]

#: The tag of events shown only as context (outside a timeline's declared range).
CONTEXT_TAG = "context"


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
    author: tuple[str, ...] = attrs.field(default=(), converter=tuple_of_str)
    editor: tuple[str, ...] = attrs.field(default=(), converter=tuple_of_str)
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


@attrs.frozen
class Lane:
    """A horizontal (or vertical) track events are grouped in.

    Its id is any non-empty string, so scripts can name lanes in plain words
    (``lane="Politics & war"``); renderers never put it into markup ids.
    """

    id: str = attrs.field(validator=non_empty())
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
    tags: tuple[str, ...] = attrs.field(default=(), converter=tuple_of_str)
    lane: str | None = None
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    note: str = ""
    media: Media | None = None
    display_date: str = ""
    #: How much a label matters when a frame cannot label everything: higher first (None: the default rule).
    priority: int | None = attrs.field(default=None, validator=in_priority_range())

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
