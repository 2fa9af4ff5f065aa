"""The tokens of an English date phrase, the refusals that need only a token, and NoPattern."""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from timeline.dates import calendar as cal
from timeline.dates import words as W
from timeline.dates.types import TimeOfDay
from timeline.dates.units import fail
from timeline.errors import DateError

__all__ = ["NoPattern", "Token", "calendar_word", "clock", "starts_with", "tokenize", "twelve_hour", "unknown_word"]


class NoPattern(Exception):
    """The words are all known but do not form a date we read (dateutil may try)."""


_TOKEN = re.compile(
    r"(?P<clock>\d{1,2}:\d\d(?::\d\d)?)"
    r"|(?P<short>['’‘]\d\d)(?!\d)"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)(?P<suffix>st|nd|rd|th|'s|’s|s)?"
    r"|(?P<word>[^\W\d_]+(?:\.[^\W\d_]+)*\.?)"
    r"|(?P<dash>[-‐‑‒–—―]+)"
    r"|(?P<mark>[,/?~%()\[\]])"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.IGNORECASE,
)


class Token(NamedTuple):
    """One token of a phrase."""

    kind: str      # "number", "word", "dash", "mark", "clock"
    value: str     # lower-cased word (without a trailing dot), digits, or the mark
    suffix: str    # "st"/"nd"/"rd"/"th" for ordinals, "s" for decades
    column: int    # 1-based column in the original text
    stop: int      # index just past the token in the original text


def tokenize(text: str, offset: int, end: int) -> list[Token]:
    """Split text[offset:end] into tokens, refusing characters no date uses."""
    tokens = []
    for match in _TOKEN.finditer(text, offset, end):
        kind = match.lastgroup
        column = match.start() + 1
        if kind == "space":
            continue
        if kind == "suffix" or match.group("number") is not None:
            suffix = (match.group("suffix") or "").lower().replace("’", "'").lstrip("'")
            tokens.append(Token("number", match.group("number"), suffix, column, match.end()))
        elif kind == "word":
            tokens.append(Token("word", match.group("word").lower().rstrip("."), "", column, match.end()))
        elif kind in ("dash", "mark", "clock"):
            tokens.append(Token(kind, "-" if kind == "dash" else match.group(), "", column, match.end()))
        elif kind == "short":
            digits = match.group()[1:]
            raise fail(f"{match.group()!r} is a two-digit year, which is ambiguous (19{digits}? 18{digits}?); "
                       "write the year in full", text, column)
        else:
            raise fail(f"unexpected character {match.group()!r}", text, column)
    return tokens


def _suggest_month(word: str) -> str | None:
    """Return the month spelling a mistyped word most likely meant, or None."""
    candidates = list(cal.MONTH_NAMES) + list(cal.MONTH_ABBRS)
    for candidate in candidates:
        if len(candidate) == len(word) and sorted(candidate.lower()) == sorted(word):
            return candidate
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, [c.lower() for c in candidates], n=1, cutoff=0.6)
    if not close:
        return None
    return next(c for c in candidates if c.lower() == close[0])


def unknown_word(token: Token, text: str) -> DateError:
    word = text[token.column - 1: token.column - 1 + len(token.value)]
    if token.value in W.RELATIVE_WORDS:
        return fail(f"relative date word {word!r} cannot be placed on a timeline; give the calendar date",
                    text, token.column)
    suggestion = _suggest_month(token.value) if len(token.value) >= 3 else None
    if suggestion is not None:
        return fail(f"unknown month {word!r} (did you mean {suggestion!r}?)", text, token.column)
    return fail(f"unknown word {word!r}", text, token.column)


def starts_with(tokens: list[Token], index: int, words: tuple[str, ...]) -> bool:
    if index + len(words) > len(tokens):
        return False
    return all(tokens[index + i].kind == "word" and tokens[index + i].value == w for i, w in enumerate(words))


def calendar_word(tokens: list[Token], position: int, back: bool = False) -> bool:
    """True when a calendar word ("O.S.", "Old Style") is at position, so parentheses around it are fine."""
    if not 0 <= position < len(tokens) or tokens[position].kind != "word":
        return False
    value = tokens[position].value
    return value in W.CALENDAR_WORDS or value in (("style",) if back else ("old", "new"))


def clock(token: Token, text: str) -> TimeOfDay:
    pieces = [int(p) for p in token.value.split(":")]
    hour, minute, second = pieces[0], pieces[1], (pieces[2] if len(pieces) == 3 else None)
    if hour > 23 or minute > 59 or (second or 0) > 59:
        raise fail(f"time {token.value} is out of range (00:00 to 23:59)", text, token.column)
    return TimeOfDay(hour, minute, second)


def twelve_hour(time: TimeOfDay, shift: int, token: Token, text: str) -> TimeOfDay:
    if not 1 <= time.hour <= 12:
        raise fail(f"{time.hour}:{time.minute:02d} with am/pm needs an hour from 1 to 12", text, token.column)
    return attrs.evolve(time, hour=time.hour % 12 + shift)
