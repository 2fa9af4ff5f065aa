"""The TOML reader's typed values: a string, a list of strings, an id, a choice, citations, a quantity, media.

Each function reads one value of a parsed table and, when the value is
missing or of the wrong type, reports it at its key through the
:class:`~timeline.io.tomlfile.TomlFile` and gives a neutral value
(``""``, ``()``, None) so that reading goes on to the next problem.  The
tables these values sit in are read by :mod:`timeline.io.tomltables`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, TypeVar

from timeline.dates import CALENDARS
from timeline.io.common import did_you_mean
from timeline.io.limits import bounded_number
from timeline.io.tomlfile import KeyPath, TomlFile, toml_type
from timeline.model.records import Citation, Media, Quantity
from timeline.model.validators import PRIORITY_RANGE, is_valid_id

__all__ = [
    "CITATION_KEYS",
    "MEDIA_KEYS",
    "QUANTITY_KEYS",
    "check_keys",
    "read_calendar",
    "read_choice",
    "read_citations",
    "read_id",
    "read_media",
    "read_priority",
    "read_quantity",
    "read_str",
    "read_strings",
]

CITATION_KEYS = frozenset({"source", "locator", "quote"})
QUANTITY_KEYS = frozenset({"value", "approximate", "low", "high", "unit"})
MEDIA_KEYS = frozenset({"url", "credit", "caption", "alt", "thumbnail"})

E = TypeVar("E", bound=enum.Enum)


def check_keys(f: TomlFile, table: Mapping[str, Any], allowed: frozenset[str], path: KeyPath, what: str) -> None:
    """Report each key of ``table`` that ``allowed`` lacks, with a did-you-mean."""
    for key in table:
        if key not in allowed:
            f.report(f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}", (*path, key))


def read_str(f: TomlFile, table: Mapping[str, Any], key: str, path: KeyPath, required: bool = False) -> str:
    """The string at ``key`` (``""`` when absent, reported when ``required`` or not a string)."""
    value = table.get(key)
    if value is None:
        if required:
            f.report(f"missing required key '{key}'", path)
        return ""
    if not isinstance(value, str):
        f.report(f"'{key}' must be a string, got {toml_type(value)}", (*path, key), value=True)
        return ""
    return value


def read_priority(f: TomlFile, table: Mapping[str, Any], path: KeyPath) -> int | None:
    """The event's ``priority``: None, or a whole number in ``PRIORITY_RANGE``."""
    value = table.get("priority")
    if value is None:
        return None
    low, high = PRIORITY_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        f.report(f"'priority' must be a whole number from {low} to {high} (higher is labelled first), "
                 f"got {value!r}", (*path, "priority"), value=True)
        return None
    return value


def read_choice(f: TomlFile, table: Mapping[str, Any], key: str, path: KeyPath, default: E, what: str) -> E:
    """An enum member named by a string key, or ``default`` (with an error) for an unknown name."""
    text = read_str(f, table, key, path) or default.value
    try:
        return type(default)(text)
    except ValueError:
        choices = [member.value for member in type(default)]
        f.report(f"unknown {what} '{text}'{did_you_mean(text, choices)}; expected one of {', '.join(choices)}",
                 (*path, key), value=True)
        return default


def read_strings(f: TomlFile, table: Mapping[str, Any], key: str, path: KeyPath) -> tuple[str, ...]:
    """A list of strings at ``key`` (a lone string is one item; ``()`` when absent or wrong)."""
    value = table.get(key, [])
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        f.report(f"'{key}' must be a list of strings, got {toml_type(value)}", (*path, key), value=True)
        return ()
    return tuple(value)


def read_id(f: TomlFile, table: Mapping[str, Any], path: KeyPath, what: str) -> str | None:
    """The table's ``id`` when it is a valid id, else None (reported)."""
    value = read_str(f, table, "id", path, required=True)
    if value and not is_valid_id(value):
        f.report(f"{what} id {value!r} must use letters, digits, '-', '_', '.' or ':'", (*path, "id"), value=True)
        return None
    return value or None


def read_calendar(f: TomlFile, table: Mapping[str, Any], path: KeyPath, default: str) -> str:
    """The ``calendar`` key of a table ("gregorian" or "julian"), or ``default``."""
    if "calendar" not in table:
        return default
    value = read_str(f, table, "calendar", path)
    if value not in CALENDARS:
        f.report(f"unknown calendar {value!r}{did_you_mean(value, CALENDARS)}; expected one of "
                 f"{', '.join(CALENDARS)}", (*path, "calendar"), value=True)
        return default
    return value


def read_citations(f: TomlFile, table: Mapping[str, Any], path: KeyPath) -> tuple[Citation, ...]:
    """The ``citations`` of a table: one or a list of tables, or bare source ids."""
    raw = table.get("citations", [])
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        f.report(f"'citations' must be a list of tables like {{ source = \"id\", locator = \"p. 3\" }}, "
                 f"got {toml_type(raw)}", (*path, "citations"), value=True)
        return ()
    out = []
    for i, item in enumerate(raw):
        cpath = (*path, "citations", i)
        if isinstance(item, str):
            item = {"source": item}
        if not isinstance(item, dict):
            f.report(f"a citation must be a table like {{ source = \"id\" }}, got {toml_type(item)}",
                     (*path, "citations"), value=True)
            continue
        for key in item:
            if key not in CITATION_KEYS:
                f.report(f"unknown key '{key}' in citation{did_you_mean(key, CITATION_KEYS)}",
                         (*path, "citations"), needle=key)
        source = read_str(f, item, "source", cpath)
        if not source:
            f.report("citation needs 'source', the id of a [sources.<id>] table", (*path, "citations"))
            continue
        if not is_valid_id(source):
            f.report(f"citation source {source!r} is not a valid id", (*path, "citations"), needle=source)
            continue
        out.append(Citation(source=source, locator=read_str(f, item, "locator", cpath),
                            quote=read_str(f, item, "quote", cpath)))
    return tuple(out)


def read_quantity(f: TomlFile, raw: Any, path: KeyPath) -> Quantity | None:
    """A claim's quantity: a bare number or a table of value, low, high, unit and approximate."""
    if raw is None:
        return None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        problem = bounded_number(raw)
        if problem:
            f.report(f"quantity {problem}", path, value=True)
            return None
        return Quantity(value=raw)
    if not isinstance(raw, dict):
        f.report(f"'quantity' must be a number or a table like {{ value = 1500000, approximate = true }}, "
                 f"got {toml_type(raw)}", path, value=True)
        return None
    for key in raw:
        if key not in QUANTITY_KEYS:
            f.report(f"unknown key '{key}' in quantity{did_you_mean(key, QUANTITY_KEYS)}", path, needle=key)
    numbers = {}
    for key in ("value", "low", "high"):
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            f.report(f"quantity '{key}' must be a number, got {toml_type(value)}", path, needle=key)
            return None
        problem = bounded_number(value) if value is not None else None
        if problem:
            f.report(f"quantity '{key}' {problem}", path, needle=key)
            return None
        numbers[key] = value
    if all(v is None for v in numbers.values()):
        f.report("quantity needs 'value', or 'low' and/or 'high'", path, value=True)
        return None
    unit, approximate = raw.get("unit", ""), raw.get("approximate", False)
    if not isinstance(unit, str):
        f.report(f"quantity 'unit' must be a string, got {toml_type(unit)}", path, needle="unit")
        return None
    if not isinstance(approximate, bool):
        f.report(f"quantity 'approximate' must be true or false, got {toml_type(approximate)}", path,
                 needle="approximate")
        return None
    return Quantity(unit=unit, approximate=approximate, **numbers)


def read_media(f: TomlFile, raw: Any, path: KeyPath) -> Media | None:
    """An event's media: a URL, or a table with a ``url`` and its credit, caption, alt and thumbnail."""
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
        f.report("'media' must be a table with a 'url'", path, value=True)
        return None
    for key in raw:
        if key not in MEDIA_KEYS:
            f.report(f"unknown key '{key}' in media{did_you_mean(key, MEDIA_KEYS)}", path, needle=key)
    for key, value in raw.items():
        if key in MEDIA_KEYS and not isinstance(value, str):
            f.report(f"media '{key}' must be a string, got {toml_type(value)}", path, needle=key)
            return None
    return Media(**{k: v for k, v in raw.items() if k in MEDIA_KEYS})
