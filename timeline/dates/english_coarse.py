"""English units coarser than a year: decades ("the 1940s"), centuries and millennia
("the 19th century", "the 2nd millennium BCE"), and the long year of deep time.

Centuries are counted strictly ("the 19th century" is 1801–1900), and "the 1800s" is
refused with both of its readings spelled out (docs/design.md).  Deep time's words
are read by english_deep.py; its unit, a long year, is made here with the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.dates.edtf import long_year_unit
from timeline.dates.tokens import NoPattern, Token
from timeline.dates.units import (
    check_fine_year,
    decade_unit,
    fail,
    ordinal_century_unit,
    ordinal_millennium_unit,
)

if TYPE_CHECKING:
    from timeline.dates.english_side import _Partial

__all__: list[str] = []


def _decade(partial: _Partial, token: Token, text: str) -> None:
    value = token.value.replace(",", "")
    if "." in value:
        raise NoPattern
    number = int(value)
    if len(value) >= 3 and number % 100 == 0:
        century = number // 100
        from timeline.dates.display import ordinal  # only for this refusal (display is loaded on first use)

        raise fail(f"'the {value}s' is ambiguous: it can mean the century {number}–{number + 99} or the decade "
                   f"{number}–{number + 9}; write {century:02d}XX for the years {number}–{number + 99}, "
                   f"'the {ordinal(century + 1)} century' for {number + 1}–{number + 100}, or "
                   f"{number // 10:03d}X for the decade", text, token.column, hint=False)
    if len(value) >= 3 and number % 10 == 0:
        check_fine_year(number, text, token.column, "a decade")
        partial.decade = number
    elif len(value) == 2 and number % 10 == 0:
        partial.short_decade = number
    else:
        raise fail(f"{value}s is not a decade (write it like 1940s)", text, token.column)


def _coarse_unit(partial: _Partial, text: str):
    """The unit of a century, millennium, deep-time or decade phrase, or None."""
    if partial.deep is not None:
        if partial.year is not None or partial.month or partial.day or partial.era == "ce":
            raise NoPattern
        return long_year_unit(partial.deep, partial.deep, text)
    if partial.ordinal is not None:
        number, size = partial.ordinal
        if partial.year is not None or partial.month or partial.season or partial.day or number < 1:
            raise NoPattern
        bce, julian = partial.era == "bce", partial.calendar == "julian"
        return (ordinal_century_unit(number, bce, julian) if size == 100
                else ordinal_millennium_unit(number, bce, julian))
    if partial.decade is not None:
        if partial.era == "bce":
            raise fail("decades BCE are not read (they count down); write the years, e.g. 349–340 BCE", text,
                       partial.column)
        return decade_unit(partial.decade, partial.calendar == "julian")
    return None
