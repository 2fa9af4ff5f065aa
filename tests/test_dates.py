"""Tests for timeline.dates: EDTF and English parsing, refusals, display, ordering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import parse_date_within_budget
from timeline.dates import MAX_DATE_LENGTH, Bound, HistoricalDate, Precision, Span, parse_date
from timeline.errors import DateError, UsageError

H, S = HistoricalDate, Span
DAY, MONTH, SEASON, YEAR, DECADE, CENTURY = (Precision.DAY, Precision.MONTH, Precision.SEASON, Precision.YEAR,
                                          Precision.DECADE, Precision.CENTURY)
EXACT, NOT_AFTER, NOT_BEFORE = Bound.EXACT, Bound.NOT_AFTER, Bound.NOT_BEFORE
HINT = "; write EDTF such as 1953-03-05, or a phrase such as '5 March 1953'"


def d(iso: str | None) -> dt.date | None:
    """Shorthand for a date literal in the tables."""
    return None if iso is None else dt.date.fromisoformat(iso)


# text, type, precision, earliest, latest, qualifiers ("", "~", "?", "%"), bound, edtf, display
LOC_EXAMPLES = [
    # Level 0
    ("1985-04-12", H, DAY, "1985-04-12", "1985-04-12", "", EXACT, "1985-04-12", "12 April 1985"),
    ("1985-04", H, MONTH, "1985-04-01", "1985-04-30", "", EXACT, "1985-04", "April 1985"),
    ("1985", H, YEAR, "1985-01-01", "1985-12-31", "", EXACT, "1985", "1985"),
    ("1964/2008", S, YEAR, "1964-01-01", "2008-12-31", "", EXACT, "1964/2008", "1964–2008"),
    ("2004-06/2006-08", S, MONTH, "2004-06-01", "2006-08-31", "", EXACT, "2004-06/2006-08",
     "June 2004 – August 2006"),
    ("2004-02-01/2005-02-08", S, DAY, "2004-02-01", "2005-02-08", "", EXACT, "2004-02-01/2005-02-08",
     "1 February 2004 – 8 February 2005"),
    ("2004-02-01/2005-02", S, MONTH, "2004-02-01", "2005-02-28", "", EXACT, "2004-02-01/2005-02",
     "1 February 2004 – February 2005"),
    ("2004-02-01/2005", S, YEAR, "2004-02-01", "2005-12-31", "", EXACT, "2004-02-01/2005",
     "1 February 2004 – 2005"),
    ("2005/2006-02", S, YEAR, "2005-01-01", "2006-02-28", "", EXACT, "2005/2006-02", "2005 – February 2006"),
    # Level 1: seasons
    ("2001-21", H, SEASON, "2001-03-01", "2001-05-31", "", EXACT, "2001-21", "spring 2001"),
    ("2001-22", H, SEASON, "2001-06-01", "2001-08-31", "", EXACT, "2001-22", "summer 2001"),
    ("2001-23", H, SEASON, "2001-09-01", "2001-11-30", "", EXACT, "2001-23", "autumn 2001"),
    ("2003-24", H, SEASON, "2003-12-01", "2004-02-29", "", EXACT, "2003-24", "winter 2003–04"),
    ("1953-24", H, SEASON, "1953-12-01", "1954-02-28", "", EXACT, "1953-24", "winter 1953–54"),
    # Level 1: qualifiers
    ("1984?", H, YEAR, "1984-01-01", "1984-12-31", "?", EXACT, "1984?", "1984?"),
    ("2004-06~", H, MONTH, "2004-06-01", "2004-06-30", "~", EXACT, "2004-06~", "c. June 2004"),
    ("2004-06-11%", H, DAY, "2004-06-11", "2004-06-11", "%", EXACT, "2004-06-11%", "c. 11 June 2004?"),
    # Level 1: unspecified digits
    ("201X", H, DECADE, "2010-01-01", "2019-12-31", "", EXACT, "201X", "the 2010s"),
    ("20XX", H, CENTURY, "2000-01-01", "2099-12-31", "", EXACT, "20XX", "2000–2099"),
    ("2004-XX", H, YEAR, "2004-01-01", "2004-12-31", "", EXACT, "2004-XX", "2004"),
    ("1985-04-XX", H, MONTH, "1985-04-01", "1985-04-30", "", EXACT, "1985-04-XX", "April 1985"),
    ("1985-XX-XX", H, YEAR, "1985-01-01", "1985-12-31", "", EXACT, "1985-XX-XX", "1985"),
    # Level 1: extended intervals
    ("1985-04-12/..", S, DAY, "1985-04-12", None, "", EXACT, "1985-04-12/..", "12 April 1985 onwards"),
    ("../1985-04-12", S, DAY, None, "1985-04-12", "", EXACT, "../1985-04-12", "until 12 April 1985"),
    ("1985-04-12/", S, DAY, "1985-04-12", None, "", EXACT, "1985-04-12/", "12 April 1985–?"),
    ("/1985-04-12", S, DAY, None, "1985-04-12", "", EXACT, "/1985-04-12", "?–12 April 1985"),
    ("1985-04/..", S, MONTH, "1985-04-01", None, "", EXACT, "1985-04/..", "April 1985 onwards"),
    ("../1985-04", S, MONTH, None, "1985-04-30", "", EXACT, "../1985-04", "until April 1985"),
    ("1985-04/", S, MONTH, "1985-04-01", None, "", EXACT, "1985-04/", "April 1985–?"),
    ("1985/..", S, YEAR, "1985-01-01", None, "", EXACT, "1985/..", "1985 onwards"),
    ("2004-06~/2004-08?", S, MONTH, "2004-06-01", "2004-08-31", "", EXACT, "2004-06~/2004-08?",
     "c. June 2004 – August 2004?"),
    # On-or-before / on-or-after
    ("[..1953-08]", H, MONTH, None, "1953-08-31", "", NOT_AFTER, "[..1953-08]", "by August 1953"),
    ("[1953..]", H, YEAR, "1953-01-01", None, "", NOT_BEFORE, "[1953..]", "not before 1953"),
    ("[..1953-22~]", H, SEASON, None, "1953-08-31", "~", NOT_AFTER, "[..1953-22~]", "by c. summer 1953"),
]

ENGLISH = [
    ("March 5, 1953", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
    ("5 March 1953", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
    ("26 on March 1953", H, DAY, "1953-03-26", "1953-03-26", "", EXACT, "1953-03-26", "26 March 1953"),
    ("the 5th of March, 1953", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
    ("Sept. 23rd, 1953", H, DAY, "1953-09-23", "1953-09-23", "", EXACT, "1953-09-23", "23 September 1953"),
    ("feb 2 1953", H, DAY, "1953-02-02", "1953-02-02", "", EXACT, "1953-02-02", "2 February 1953"),
    ("1953 March 5", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
    ("Thursday, 5 March 1953", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
    ("June 1951", H, MONTH, "1951-06-01", "1951-06-30", "", EXACT, "1951-06", "June 1951"),
    ("June of 1951", H, MONTH, "1951-06-01", "1951-06-30", "", EXACT, "1951-06", "June 1951"),
    ("JUNE 1951", H, MONTH, "1951-06-01", "1951-06-30", "", EXACT, "1951-06", "June 1951"),
    ("1949", H, YEAR, "1949-01-01", "1949-12-31", "", EXACT, "1949", "1949"),
    ("in 1949.", H, YEAR, "1949-01-01", "1949-12-31", "", EXACT, "1949", "1949"),
    ("  (1949)  ", H, YEAR, "1949-01-01", "1949-12-31", "", EXACT, "1949", "1949"),
    ("1949 AD", H, YEAR, "1949-01-01", "1949-12-31", "", EXACT, "1949", "1949"),
    ("c. 1930", H, YEAR, "1930-01-01", "1930-12-31", "~", EXACT, "1930~", "c. 1930"),
    ("circa 1930", H, YEAR, "1930-01-01", "1930-12-31", "~", EXACT, "1930~", "c. 1930"),
    ("about 1930", H, YEAR, "1930-01-01", "1930-12-31", "~", EXACT, "1930~", "c. 1930"),
    ("ca. 1930", H, YEAR, "1930-01-01", "1930-12-31", "~", EXACT, "1930~", "c. 1930"),
    ("c.1930", H, YEAR, "1930-01-01", "1930-12-31", "~", EXACT, "1930~", "c. 1930"),
    ("probably 1930", H, YEAR, "1930-01-01", "1930-12-31", "?", EXACT, "1930?", "1930?"),
    ("March 1953?", H, MONTH, "1953-03-01", "1953-03-31", "?", EXACT, "1953-03?", "March 1953?"),
    ("the 1940s", H, DECADE, "1940-01-01", "1949-12-31", "", EXACT, "194X", "the 1940s"),
    ("1940's", H, DECADE, "1940-01-01", "1949-12-31", "", EXACT, "194X", "the 1940s"),
    ("c. 1940s", H, DECADE, "1940-01-01", "1949-12-31", "~", EXACT, "194X~", "c. 1940s"),
    ("early 1940s", H, DECADE, "1940-01-01", "1943-12-31", "~", EXACT, "1940~/1943~", "the early 1940s"),
    ("the mid-1940s", H, DECADE, "1943-01-01", "1946-12-31", "~", EXACT, "1943~/1946~", "the mid-1940s"),
    ("mid 1940s", H, DECADE, "1943-01-01", "1946-12-31", "~", EXACT, "1943~/1946~", "the mid-1940s"),
    ("late 1940s", H, DECADE, "1946-01-01", "1949-12-31", "~", EXACT, "1946~/1949~", "the late 1940s"),
    ("the late 1940s", H, DECADE, "1946-01-01", "1949-12-31", "~", EXACT, "1946~/1949~", "the late 1940s"),
    ("early 1953", H, YEAR, "1953-01-01", "1953-04-30", "~", EXACT, "1953-01~/1953-04~", "early 1953"),
    ("the end of 1953", H, YEAR, "1953-09-01", "1953-12-31", "~", EXACT, "1953-09~/1953-12~", "late 1953"),
    ("mid-1953", H, YEAR, "1953-05-01", "1953-08-31", "~", EXACT, "1953-05~/1953-08~", "mid-1953"),
    ("the beginning of January 1956", H, MONTH, "1956-01-01", "1956-01-10", "~", EXACT,
     "1956-01-01~/1956-01-10~", "early January 1956"),
    ("late February 1952", H, MONTH, "1952-02-21", "1952-02-29", "~", EXACT, "1952-02-21~/1952-02-29~",
     "late February 1952"),
    ("summer 1953", H, SEASON, "1953-06-01", "1953-08-31", "", EXACT, "1953-22", "summer 1953"),
    ("fall 1953", H, SEASON, "1953-09-01", "1953-11-30", "", EXACT, "1953-23", "autumn 1953"),
    ("winter 1953", H, SEASON, "1953-12-01", "1954-02-28", "", EXACT, "1953-24", "winter 1953–54"),
    ("winter 1953–54", H, SEASON, "1953-12-01", "1954-02-28", "", EXACT, "1953-24", "winter 1953–54"),
    ("by summer of 1953", H, SEASON, None, "1953-08-31", "", NOT_AFTER, "[..1953-22]", "by summer 1953"),
    ("by 1953", H, YEAR, None, "1953-12-31", "", NOT_AFTER, "[..1953]", "by 1953"),
    ("before 1953", H, YEAR, None, "1952-12-31", "", NOT_AFTER, "[..1952]", "before 1953"),
    ("before 5 March 1953", H, DAY, None, "1953-03-04", "", NOT_AFTER, "[..1953-03-04]", "before 5 March 1953"),
    ("after March 1953", H, MONTH, "1953-04-01", None, "", NOT_BEFORE, "[1953-04..]", "after March 1953"),
    ("after the 1940s", H, DECADE, "1950-01-01", None, "", NOT_BEFORE, "[195X..]", "after the 1940s"),
    ("not before March 1953", H, MONTH, "1953-03-01", None, "", NOT_BEFORE, "[1953-03..]",
     "not before March 1953"),
    ("on or before 1 July 1956", H, DAY, None, "1956-07-01", "", NOT_AFTER, "[..1956-07-01]", "by 1 July 1956"),
    ("no later than 1956", H, YEAR, None, "1956-12-31", "", NOT_AFTER, "[..1956]", "by 1956"),
    ("by the 1 of July, the 1956", H, DAY, None, "1956-07-01", "", NOT_AFTER, "[..1956-07-01]",
     "by 1 July 1956"),
    ("1939–1941", S, YEAR, "1939-01-01", "1941-12-31", "", EXACT, "1939/1941", "1939–1941"),
    ("1939-1941", S, YEAR, "1939-01-01", "1941-12-31", "", EXACT, "1939/1941", "1939–1941"),
    ("1939 - 1941", S, YEAR, "1939-01-01", "1941-12-31", "", EXACT, "1939/1941", "1939–1941"),
    ("1946 to 1953", S, YEAR, "1946-01-01", "1953-12-31", "", EXACT, "1946/1953", "1946–1953"),
    ("(1953-57)", S, YEAR, "1953-01-01", "1957-12-31", "", EXACT, "1953/1957", "1953–1957"),
    ("1953–57", S, YEAR, "1953-01-01", "1957-12-31", "", EXACT, "1953/1957", "1953–1957"),
    ("from 1946 to 1953", S, YEAR, "1946-01-01", "1953-12-31", "", EXACT, "1946/1953", "1946–1953"),
    ("between 1946 and 1953", S, YEAR, "1946-01-01", "1953-12-31", "", EXACT, "1946/1953", "1946–1953"),
    ("March–June 1953", S, MONTH, "1953-03-01", "1953-06-30", "", EXACT, "1953-03/1953-06", "March–June 1953"),
    ("Mar-Jun 1953", S, MONTH, "1953-03-01", "1953-06-30", "", EXACT, "1953-03/1953-06", "March–June 1953"),
    ("5–9 March 1953", S, DAY, "1953-03-05", "1953-03-09", "", EXACT, "1953-03-05/1953-03-09", "5–9 March 1953"),
    ("5 March – 9 June 1953", S, DAY, "1953-03-05", "1953-06-09", "", EXACT, "1953-03-05/1953-06-09",
     "5 March – 9 June 1953"),
    ("spring to summer 1953", S, SEASON, "1953-03-01", "1953-08-31", "", EXACT, "1953-21/1953-22",
     "spring 1953 – summer 1953"),
    ("December 1953 to March 1954", S, MONTH, "1953-12-01", "1954-03-31", "", EXACT, "1953-12/1954-03",
     "December 1953 – March 1954"),
    ("1940s–50s", S, DECADE, "1940-01-01", "1959-12-31", "", EXACT, "194X/195X", "the 1940s–1950s"),
    ("1953-03-05/1953-03-05", S, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05/1953-03-05",
     "5 March 1953"),
    ("c. 1939 – 1941", S, YEAR, "1939-01-01", "1941-12-31", "", EXACT, "1939~/1941", "c. 1939 – 1941"),
    # all-number dates that are not ambiguous
    ("25/03/1953", H, DAY, "1953-03-25", "1953-03-25", "", EXACT, "1953-03-25", "25 March 1953"),
    ("03/25/1953", H, DAY, "1953-03-25", "1953-03-25", "", EXACT, "1953-03-25", "25 March 1953"),
    ("05.05.1953", H, DAY, "1953-05-05", "1953-05-05", "", EXACT, "1953-05-05", "5 May 1953"),
    ("1953/03/05", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
    # odd word order goes through the guarded dateutil fallback
    ("5/March/1953", H, DAY, "1953-03-05", "1953-03-05", "", EXACT, "1953-03-05", "5 March 1953"),
]


def _check(text, kind, precision, earliest, latest, qualifiers, bound, edtf, display):
    result = parse_date(text)
    assert type(result) is kind
    assert result.precision is precision
    assert (result.earliest, result.latest) == (d(earliest), d(latest))
    assert result.edtf == edtf
    assert result.display() == display
    assert result.text == text
    if kind is HistoricalDate:
        assert (result.approximate, result.uncertain) == (qualifiers in ("~", "%"), qualifiers in ("?", "%"))
        assert result.bound is bound


@pytest.mark.parametrize("row", LOC_EXAMPLES, ids=[row[0] for row in LOC_EXAMPLES])
def test_loc_edtf_examples(row):
    """Each Library of Congress level 0/1 example parses to the documented interval, EDTF and display."""
    _check(*row)


@pytest.mark.parametrize("row", ENGLISH, ids=[row[0] for row in ENGLISH])
def test_english_phrases(row):
    """Each English phrase parses to the documented interval, EDTF and display."""
    _check(*row)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("5 March 1953", "5 Mar 1953"),
        ("September 1953", "Sep 1953"),
        ("5–9 March 1953", "5–9 Mar 1953"),
        ("March–June 1953", "Mar–Jun 1953"),
        ("after March 1953", "after Mar 1953"),
        ("late February 1952", "late Feb 1952"),
        ("1953", "1953"),
    ],
)
def test_short_display_abbreviates_months(text, short):
    """display("short") abbreviates month names and nothing else."""
    assert parse_date(text).display("short") == short


def test_display_rejects_unknown_style():
    """An unknown display style is a usage error, not a silent default."""
    with pytest.raises(UsageError, match="'long' or 'short'"):
        parse_date("1953").display("medium")


@pytest.mark.parametrize(
    ("text", "dayfirst", "edtf"),
    [
        ("03/05/1953", True, "1953-05-03"),
        ("03/05/1953", False, "1953-03-05"),
        ("3-5-1953", True, "1953-05-03"),
        ("25/03/1953", None, "1953-03-25"),
    ],
)
def test_dayfirst_settles_numeric_dates(text, dayfirst, edtf):
    """dayfirst=True reads 03/05 as 3 May, False as 5 March; unambiguous forms need neither."""
    assert parse_date(text, dayfirst=dayfirst).edtf == edtf


def _refusal(message: str) -> str:
    return message + HINT


REFUSALS = [
    ("", _refusal("empty date"), 0),
    ("   ", _refusal("empty date"), 0),
    ("1953-02-29", _refusal("day 29 is out of range for February 1953"), 0),
    ("30 February 1953", _refusal("day 30 is out of range for February 1953"), 1),
    ("1953-13", _refusal("month 13 is out of range (01–12, or 21–24 for a season)"), 0),
    ("1953-03-32", _refusal("day 32 is out of range for March 1953"), 0),
    ("03/05/1953",
     "'03/05/1953' is ambiguous: it could be 3 May or 5 March 1953; write ISO 1953-05-03 or 1953-03-05, "
     "or pass dayfirst=True or dayfirst=False", 0),
    ("03/05/53", _refusal("'03/05/53' has a two-digit year, which is ambiguous; write the year in full"), 0),
    ("Jnu 1953", _refusal("unknown month 'Jnu' (did you mean 'Jun'?)"), 1),
    ("5 Jnu 1953", _refusal("unknown month 'Jnu' (did you mean 'Jun'?)"), 3),
    ("5 Marhc 1953", _refusal("unknown month 'Marhc' (did you mean 'March'?)"), 3),
    ("5 Septembr 1953", _refusal("unknown month 'Septembr' (did you mean 'September'?)"), 3),
    ("the following week", _refusal(
        "relative date word 'following' cannot be placed on a timeline; give the calendar date"), 5),
    ("yesterday", _refusal("relative date word 'yesterday' cannot be placed on a timeline; give the calendar date"),
     1),
    ("next year", _refusal("relative date word 'next' cannot be placed on a timeline; give the calendar date"), 1),
    ("5 March", _refusal("no year given with the day and month; a date needs a year"), 1),
    ("March", _refusal("no year given with the month; a date needs a year"), 1),
    ("5 1953", _refusal("5 alone is neither a day with a month nor a full year (two-digit years are not accepted)"),
     1),
    ("53", _refusal("53 alone is neither a day with a month nor a full year (two-digit years are not accepted)"), 1),
    ("hello world", _refusal("unknown word 'hello'"), 1),
    ("5 March 1953 & after", _refusal("unexpected character '&'"), 14),
    ("Friday, 5 March 1953", _refusal("5 March 1953 was a Thursday, which does not match the weekday given"), 9),
    ("1941/1939", _refusal("range ends before it starts (1941 to 1939)"), 0),
    ("1953–1941", _refusal("range ends before it starts (1953 to 1941)"), 0),
    ("1953–41", _refusal("range ends before it starts (1953 to 1941); write the end year in full"), 6),
    ("1939 to 1941 to 1945", _refusal("more than one range separator"), 14),
    ("between 1946 1953", _refusal("'between' needs 'and' (between 1946 and 1953)"), 0),
    ("Y1953", "'Y1953': the Y prefix is only for years of more than four digits in EDTF; write 1953", 0),
    ("-0000", _refusal("-0000 is not a year: EDTF writes 1 BCE as 0000"), 0),
    ("12345", "'12345': EDTF writes a year of more than four digits with a Y prefix (Y12345)", 0),
    ("1XXX", _refusal("year '1XXX' is too vague: at most the last two digits may be X"), 0),
    ("195X-03", _refusal("'195X-03' is EDTF level 2 (unspecified digits before known ones, such as 1XX3 or "
                         "156X-12), which is not supported: only EDTF levels 0 and 1 are read"), 0),
    ("early 5 March 1953", _refusal("early/mid/late applies to a century, a decade, a year or a month only"), 7),
    ("by early 1953", _refusal("a bound ('by', 'before', 'after') cannot apply to early/mid/late"), 1),
    ("early 1940s to 1953", _refusal("a range end cannot be a bound or an early/mid/late part ('the early 1940s')"), 0),
    ("../..", _refusal("a range needs at least one known end: one open or unknown at both ends cannot be "
                       "placed on a timeline"), 0),
    ("1953 1954", _refusal("more than one year in '1953 1954'"), 6),
    ("5 March 1953 25:30", _refusal("time 25:30 is out of range (00:00 to 23:59)"), 14),
    ("x" * (MAX_DATE_LENGTH + 1), _refusal("date text is too long (201 characters; at most 200)"), 0),
    ("1/2", _refusal("cannot read '1/2' as a date"), 0),
]


@pytest.mark.parametrize(("text", "message", "column"), REFUSALS, ids=[row[0][:30] for row in REFUSALS])
def test_refusals_have_exact_messages(text, message, column):
    """Bad input raises DateError with the exact message (saying what is accepted) and the column."""
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == message
    assert caught.value.column == column
    assert caught.value.text == text


def test_date_error_is_a_value_error():
    """Callers who only know ValueError still catch date errors."""
    with pytest.raises(ValueError, match="unknown month 'Jnu'"):
        parse_date("Jnu 1953")


def test_non_text_is_refused():
    """A number instead of a string (e.g. an unquoted TOML year) is a DateError, not a crash."""
    with pytest.raises(DateError, match="a date must be text, got int 1953"):
        parse_date(1953)


def test_bad_dayfirst_is_a_usage_error():
    """dayfirst accepts only None, True or False."""
    with pytest.raises(UsageError):
        parse_date("03/05/1953", dayfirst="yes")


def test_parse_refuses_ranges():
    """HistoricalDate.parse is for single dates and refuses a range with a message."""
    assert HistoricalDate.parse("5 March 1953").edtf == "1953-03-05"
    with pytest.raises(DateError, match="'1939–1941' is a range, but a single date is expected here"):
        HistoricalDate.parse("1939–1941")


def test_init_does_no_parsing():
    """The attrs constructor stores what it is given; text becomes dates only in parse functions."""
    date = HistoricalDate(Precision.YEAR, d("1953-01-01").toordinal(), d("1953-12-31").toordinal(), "1953",
                          text="whatever")
    assert date.text == "whatever" and date.edtf == "1953" and date.earliest == d("1953-01-01")


def test_dates_are_frozen_and_hashable():
    """Dates and spans are immutable values usable as dict keys."""
    date, span = parse_date("1953"), parse_date("1939/1941")
    assert {date: 1, span: 2}[parse_date("1953")] == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        date.edtf = "1954"


def test_span_ends_and_flags():
    """A span keeps its ends, and tells open (..) apart from unknown (empty) ends."""
    span = parse_date("1985-04-12/..")
    assert span.open_end and not span.open_start and span.end is None
    assert span.start == parse_date("1985-04-12")
    english = parse_date("5–9 March 1953")
    assert (english.start.text, english.end.text) == ("5", "9 March 1953")
    unknown = parse_date("1985-04-12/")
    assert not unknown.open_end and unknown.end is None


def test_sort_key_orders_dates_and_spans_together():
    """sort_key orders dates and spans together: first known day, then last day, precision, kind."""
    texts = ["1953", "by 1950", "1939/1941", "5 March 1953", "the 1940s", "March 1953", "1953/..", "../1940",
             "after 1953", "early 1940s", "1940~/1943~"]
    ordered = sorted((parse_date(t) for t in texts), key=lambda x: x.sort_key)
    assert [x.text for x in ordered] == [
        "1939/1941", "1940~/1943~", "early 1940s", "the 1940s", "../1940", "by 1950",
        "1953", "1953/..", "March 1953", "5 March 1953", "after 1953",
    ]


@pytest.mark.parametrize(
    ("text", "midpoint"),
    [
        ("5 March 1953", "1953-03-05"),
        ("1953", "1953-07-02"),
        ("by summer 1953", "1953-08-31"),
        ("after March 1953", "1953-04-01"),
        ("1939/1941", "1940-07-01"),
        ("1953/..", "1953-01-01"),
    ],
)
def test_midpoint_is_between_bounds_or_the_known_bound(text, midpoint):
    """midpoint is halfway between earliest and latest, or the only known bound."""
    assert parse_date(text).midpoint == d(midpoint)


def test_import_does_not_load_dateutil():
    """Importing timeline.dates leaves dateutil unimported (it loads only for the fallback)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    code = f"import sys; sys.path.insert(0, {str(root)!r}); import timeline.dates; print('dateutil' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

_years = st.integers(1, 9998)
_months = st.integers(1, 12)
_qualifiers = st.sampled_from(["", "~", "?", "%"])


@st.composite
def _edtf_singles(draw):
    year = draw(_years)
    kind = draw(st.sampled_from(["day", "month", "season", "year", "decade", "century", "xmonth", "xday"]))
    if kind == "day":
        month = draw(_months)
        day = draw(st.integers(1, 28))
        core = f"{year:04d}-{month:02d}-{day:02d}"
    elif kind == "month":
        core = f"{year:04d}-{draw(_months):02d}"
    elif kind == "season":
        core = f"{year:04d}-{draw(st.integers(21, 24))}"
    elif kind == "year":
        core = f"{year:04d}"
    elif kind == "decade":
        core = f"{max(year // 10, 1):03d}X"
    elif kind == "century":
        core = f"{max(year // 100, 1):02d}XX"
    elif kind == "xmonth":
        core = f"{year:04d}-XX"
    else:
        core = f"{year:04d}-{draw(_months):02d}-XX"
    return core + draw(_qualifiers)


_month_names = st.sampled_from(["January", "Feb", "March", "Apr.", "may", "Sept", "October", "Dec"])


@st.composite
def _english_singles(draw):
    year = draw(st.integers(1001, 9990))
    form = draw(st.sampled_from(["dmy", "mdy", "my", "season", "decade", "part", "bound", "qual"]))
    month = draw(_month_names)
    if form == "dmy":
        return f"{draw(st.integers(1, 28))} {month} {year}"
    if form == "mdy":
        return f"{month} {draw(st.integers(1, 28))}, {year}"
    if form == "my":
        return f"{month} of {year}"
    if form == "season":
        return f"{draw(st.sampled_from(['spring', 'summer', 'autumn', 'winter']))} {year}"
    if form == "decade":
        return f"the {year // 10 * 10}s"
    if form == "part":
        unit = draw(st.sampled_from([f"{year // 10 * 10}s", str(year), f"{month} {year}"]))
        return f"{draw(st.sampled_from(['early', 'mid-', 'late', 'the end of']))} {unit}"
    if form == "bound":
        word = draw(st.sampled_from(["by", "before", "after", "not before", "no later than"]))
        return f"{word} {draw(st.sampled_from([str(year), f'{month} {year}', f'summer {year}'])) }"
    return f"{draw(st.sampled_from(['c.', 'circa', 'about', 'probably']))} {year}"


@st.composite
def _spans(draw):
    first = draw(_edtf_singles())
    last = draw(_edtf_singles())
    first_date, last_date = parse_date(first), parse_date(last)
    if first_date.earliest > last_date.latest:
        first, last = last, first
    first = draw(st.sampled_from([first, first, "", ".."]))
    last = draw(st.sampled_from([last, last, "", ".."] if first not in ("", "..") else [last]))
    return f"{first}/{last}"


_bounded = _edtf_singles().map(lambda s: f"[..{s}]") | _edtf_singles().map(lambda s: f"[{s}..]")
_all_texts = _edtf_singles() | _english_singles() | _spans() | _bounded


def _parse_or_none(text):
    try:
        return parse_date(text)
    except DateError:
        return None  # e.g. a generated bound past year 9999


@settings(max_examples=600, deadline=None)
@given(_all_texts)
def test_edtf_round_trips(text):
    """Parsing a date's canonical EDTF gives the same EDTF, bounds, precision and qualifiers."""
    first = _parse_or_none(text)
    if first is None:
        return
    again = parse_date(first.edtf)
    assert again.edtf == first.edtf
    assert (again.earliest, again.latest) == (first.earliest, first.latest)
    if isinstance(first, HistoricalDate) and first.part is None:
        assert again.precision is first.precision
        assert isinstance(again, HistoricalDate)
        assert (again.approximate, again.uncertain, again.bound) == (first.approximate, first.uncertain, first.bound)
    assert again.display()  # every canonical form can be shown


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=250) | st.from_regex(r"[0-9X?~%/.\[\] -]{0,30}", fullmatch=True)
       | st.lists(st.sampled_from(["5", "March", "1953", "–", "to", "c.", "early", "1940s", "by", "of", ",", "?",
                                   "between", "and", "winter", "54", "/", "Thu", "(", ")"]),
                  max_size=8).map(" ".join))
def test_arbitrary_text_parses_or_raises_date_error_quickly(text):
    """Any text either parses or raises DateError, quickly, and never any other exception."""
    result = parse_date_within_budget(text)
    if isinstance(result, DateError):
        assert result.reason.strip()
    else:
        assert result.edtf and result.display()


@settings(max_examples=600, deadline=None)
@given(_all_texts)
def test_earliest_never_after_latest(text):
    """For every parsed date or span, earliest <= latest when both are known."""
    result = _parse_or_none(text)
    if result is not None and result.earliest is not None and result.latest is not None:
        assert result.earliest <= result.latest
    if isinstance(result, Span):
        for end in (result.start, result.end):
            if end is not None:
                assert end.earliest <= end.latest
