"""The English vocabulary of dates: month, season, qualifier, bound, era, calendar and ordinal words."""

from __future__ import annotations

from timeline.dates.calendar import MONTH_ABBRS, MONTH_NAMES
from timeline.dates.types import Bound

MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({abbr.lower(): number for number, abbr in enumerate(MONTH_ABBRS, 1)})
MONTHS["sept"] = 9
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
APPROXIMATE_WORDS = frozenset({"c", "ca", "circa", "about", "around", "approximately", "approx", "roughly", "abt"})
UNCERTAIN_WORDS = frozenset({"probably", "possibly", "perhaps", "maybe"})
PART_WORDS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid",
              "late": "late", "end": "late"}
FILLERS = frozenset({"the", "of", "on", "in", ",", "at", "sometime"})
BCE_WORDS = frozenset({"bc", "bce", "b.c", "b.c.e"})
CE_WORDS = frozenset({"ad", "ce", "a.d", "c.e"})
#: Words that say which calendar the text is in: (O.S.) is Julian, (N.S.) Gregorian.
CALENDAR_WORDS = {"o.s": "julian", "os": "julian", "julian": "julian", "n.s": "gregorian", "ns": "gregorian",
                  "gregorian": "gregorian"}
CALENDAR_PHRASES = ((("old", "style"), "julian"), (("new", "style"), "gregorian"))
CENTURY_WORDS = {"century": 100, "centuries": 100, "millennium": 1000, "millennia": 1000}
#: Deep time: "66 million years ago", "13.8 billion years ago", "66 Ma", "4.5 Ga".
DEEP_SCALES = {"million": 1_000_000, "billion": 1_000_000_000}
DEEP_SUFFIXES = {"ma": 1_000_000, "mya": 1_000_000, "ga": 1_000_000_000, "bya": 1_000_000_000}
CLOCK_WORDS = {"am": 0, "a.m": 0, "pm": 12, "p.m": 12}
ZONE_WORDS = frozenset({"utc", "gmt", "z"})
ORDINAL_WORDS = {word: number for number, word in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth"), 1)}
WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)) for name in names}
RELATIVE_WORDS = frozenset({
    "yesterday", "today", "tomorrow", "tonight", "now", "next", "last", "previous", "following", "ago",
    "this", "coming", "preceding", "same", "week", "weeks", "days", "months", "years",
    "recently", "later", "soon", "fortnight", "weekend",
})
# Multi-word phrases are matched before fillers ("on") are dropped.
APPROXIMATE_PHRASES = (("on", "or", "about"), ("on", "or", "around"))
FILLER_PHRASES = (("some", "time"),)
BOUND_PHRASES = (
    (("on", "or", "before"), Bound.NOT_AFTER, False),
    (("on", "or", "after"), Bound.NOT_BEFORE, False),
    (("no", "later", "than"), Bound.NOT_AFTER, False),
    (("no", "earlier", "than"), Bound.NOT_BEFORE, False),
    (("not", "after"), Bound.NOT_AFTER, False),
    (("not", "before"), Bound.NOT_BEFORE, False),
    (("not", "later", "than"), Bound.NOT_AFTER, False),
    (("not", "earlier", "than"), Bound.NOT_BEFORE, False),
    (("by",), Bound.NOT_AFTER, False),
    (("before",), Bound.NOT_AFTER, True),
    (("after",), Bound.NOT_BEFORE, True),
)
RANGE_WORDS = frozenset({"to", "until", "till", "til", "through", "thru"})
