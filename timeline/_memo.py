"""Results computed once per (immutable) object: a timeline's sorted events, its footnotes.

The model's classes are frozen and slotted, so a result cannot live on the
object itself; it is kept here, keyed by the object's id, beside a weak
reference that drops the entry when the object goes away (and tells a new
object that reuses the id from the old one).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["memo"]

T = TypeVar("T")

_RESULTS: dict[tuple[int, str], tuple[weakref.ref[Any], Any]] = {}


def memo(obj: Any, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave for this very object and name before."""
    key = (id(obj), name)
    hit = _RESULTS.get(key)
    if hit is not None and hit[0]() is obj:
        return hit[1]
    value = compute()
    _RESULTS[key] = (weakref.ref(obj, lambda _ref, key=key: _RESULTS.pop(key, None)), value)
    return value
