"""Deep time in English: "66 million years ago", "13.8 billion years ago", "66 Ma", "2.5 Ga".

Read as EDTF significant digits on a ``Y`` year (``Y-66000000S2``: some year in
those 66 million), the standard's own way to say it (docs/design.md).  Imported
by english_side.py only when a number is followed by a word that may make it
deep time, as few texts name deep time.
"""

from __future__ import annotations

from timeline.dates import words as W
from timeline.dates.tokens import Token
from timeline.dates.units import before_present, fail, years_before_ce

__all__: list[str] = []


def _deep_time(tokens: list[Token], position: int, text: str) -> tuple[str, int] | None:
    """EDTF and token count of "66 million years ago", "13.8 billion years ago", "66 Ma"; None if not one."""
    number = tokens[position]
    following = [t.value if t.kind == "word" else "" for t in tokens[position + 1: position + 4]]
    if following[:1] and following[0] in W.DEEP_SCALES:
        scale, used = W.DEEP_SCALES[following[0]], 1
        if following[1:3] == ["years", "ago"]:
            used = 3
        elif following[1:2] == ["ago"]:
            used = 2
        else:
            raise fail(f"write deep time as '{number.value} {following[0]} years ago' "
                       f"(or '{number.value} {'Ma' if scale == 1_000_000 else 'Ga'}')", text, number.column)
    elif following[:1] and following[0] in W.DEEP_SUFFIXES:
        scale, used = W.DEEP_SUFFIXES[following[0]], 1
    elif following[:2] == ["years", "ago"]:
        raise fail(f"'{number.value} years ago' depends on today's date; write a year{years_before_ce(number.value)}, "
                   "or deep time in millions or billions ('2.5 million years ago')", text, number.column, hint=False)
    elif following[:1] == ["bp"]:
        raise fail(before_present(number.value), text, number.column, hint=False)
    else:
        return None
    whole, _, fraction = number.value.replace(",", "").partition(".")
    digits = (whole + fraction).lstrip("0")
    magnitude = int(whole + fraction) * scale // 10 ** len(fraction)
    if not digits or magnitude < 10_000:
        raise fail(f"{number.value} {following[0]} years is not deep time; write the year", text, number.column)
    return f"Y-{magnitude}S{len(digits)}", used
