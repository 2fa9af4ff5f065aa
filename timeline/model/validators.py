"""The model's field validators and converter, shared by its classes.

As in attrs, each reusable validator is a private callable plus a public
factory (``valid_id()``), and each message says what was expected and what
was got.  A check runs when a record is made, so it never parses text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from timeline.dates import HistoricalDate, Span
from timeline.errors import UsageError

__all__ = ["PRIORITY_RANGE", "date_like", "in_priority_range", "is_valid_id", "non_empty", "tuple_of_str", "valid_id"]

_ID_RE = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")  # \Z: "$" would let a final newline in

#: The priorities an event may carry (higher is labelled first).
PRIORITY_RANGE = (-1000, 1000)


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


def _priority(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    lo, hi = PRIORITY_RANGE
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi):
        raise UsageError(f"{attribute.name} must be a whole number from {lo} to {hi} (higher is labelled first); "
                         f"got {value!r}")


def in_priority_range() -> Any:
    """Validator factory: the value is None or a whole number within :data:`PRIORITY_RANGE`."""
    return _priority


def _non_empty(_inst: Any, attribute: attrs.Attribute, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{attribute.name} must be a non-empty string; got {value!r}")


def non_empty() -> Any:
    """Validator factory: the value is a string with something besides white space."""
    return _non_empty


def tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    """Converter: a tuple of the strings given, a lone string being one item (not its characters)."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)
