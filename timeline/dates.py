"""Historical dates: partial, approximate, uncertain, bounded and ranged.

A :class:`HistoricalDate` is an interval of days (``earliest``..``latest``)
plus the precision it was given at, qualifiers, an optional one-sided
bound, the canonical EDTF text and the original wording.  A :class:`Span`
joins two of them.  :func:`parse_date` turns text (EDTF or English) into
either.

SKELETON: the interface below is fixed; the parser is being written.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from timeline.errors import DateError

__all__ = ["Bound", "DateLike", "HistoricalDate", "Precision", "Span", "parse_date"]


class Precision(enum.IntEnum):
    """How finely a date was given; larger is coarser."""

    DAY = 0
    MONTH = 1
    SEASON = 2
    YEAR = 3
    DECADE = 4


class Bound(enum.Enum):
    """Whether a date is the thing itself or only a limit on it."""

    EXACT = "exact"
    NOT_AFTER = "on-or-before"   # "by summer 1953", "before 1953" -> EDTF [..x]
    NOT_BEFORE = "on-or-after"   # "after March 1953" -> EDTF [x..]


@attrs.frozen
class HistoricalDate:
    """A single date at some precision.

    ``earliest``/``latest`` are the first and last day the date can mean
    (e.g. June 1951 -> 1951-06-01..1951-06-30).  For a bounded date the
    far side is open: ``by summer 1953`` has ``earliest=None``.
    ``part`` narrows a decade or year: "early", "mid" or "late".
    """

    precision: Precision
    earliest: _dt.date | None
    latest: _dt.date | None
    edtf: str
    text: str = ""
    approximate: bool = False
    uncertain: bool = False
    bound: Bound = Bound.EXACT
    part: str | None = None

    is_range = False

    def display(self, style: str = "long") -> str:
        """Human text: "5 March 1953", "c. 1930", "by summer 1953", "the late 1940s".

        ``style="short"`` abbreviates months ("5 Mar 1953").
        """
        raise NotImplementedError

    @property
    def sort_key(self) -> tuple:
        """A total order usable for sorting events (earliest known day first)."""
        raise NotImplementedError

    @classmethod
    def parse(cls, text: str) -> HistoricalDate:
        """Parse text that must be a single date (not a range)."""
        raise NotImplementedError


@attrs.frozen
class Span:
    """A range between two dates; either end may be unknown or open (``..``)."""

    start: HistoricalDate | None
    end: HistoricalDate | None
    edtf: str
    text: str = ""
    open_start: bool = False
    open_end: bool = False

    is_range = True

    @property
    def earliest(self) -> _dt.date | None:
        """The first day the span can start on, or None when unknown/open."""
        raise NotImplementedError

    @property
    def latest(self) -> _dt.date | None:
        """The last day the span can end on, or None when unknown/open."""
        raise NotImplementedError

    def display(self, style: str = "long") -> str:
        """Human text: "1939–1941", "March–June 1953", "1953–57"."""
        raise NotImplementedError

    @property
    def sort_key(self) -> tuple:
        """A total order consistent with HistoricalDate.sort_key."""
        raise NotImplementedError


DateLike = HistoricalDate | Span


def parse_date(text: str, *, dayfirst: bool | None = None) -> HistoricalDate | Span:
    """Parse EDTF or an English phrase into a HistoricalDate or a Span.

    Raises DateError (a ValueError) with a message saying what is accepted.
    """
    raise NotImplementedError
