"""Hypothesis properties of timeline.dates in any era: round trips, a total order, only DateError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import parse_date_within_budget
from timeline.dates import HistoricalDate, Span, parse_date, portable_text
from timeline.dates.units import year_edtf
from timeline.errors import DateError

_years = st.integers(-9999, 9999)
_long_years = st.integers(10_000, 100_000_000_000).flatmap(lambda y: st.sampled_from([y, -y]))
_qualifiers = st.sampled_from(["", "~", "?", "%"])
_calendars = st.sampled_from(["gregorian", "julian"])


@st.composite
def _edtf_any(draw):
    """A level 0/1 EDTF single date in any era, with a qualifier or a time of day."""
    year = draw(_years)
    kind = draw(st.sampled_from(["day", "time", "month", "season", "year", "decade", "century", "long", "deep"]))
    sign, magnitude = ("-" if year < 0 else ""), abs(year)
    if kind == "long":
        return f"Y{draw(_long_years)}" + draw(_qualifiers)
    if kind == "deep":
        magnitude = draw(st.integers(1_000_000, 100_000_000_000))
        return f"Y-{magnitude}S{draw(st.integers(1, len(str(magnitude))))}"
    if kind == "decade":
        return f"{sign}{magnitude // 10:03d}X" + draw(_qualifiers)
    if kind == "century":
        return f"{sign}{magnitude // 100:02d}XX" + draw(_qualifiers)
    core = year_edtf(year)
    if kind == "year":
        return core + draw(_qualifiers)
    if kind == "season":
        return f"{core}-{draw(st.integers(21, 24))}" + draw(_qualifiers)
    month = draw(st.integers(1, 12))
    if kind == "month":
        return f"{core}-{month:02d}" + draw(_qualifiers)
    core += f"-{month:02d}-{draw(st.integers(1, 28)):02d}"
    if kind == "time":
        zone = draw(st.sampled_from(["", "Z", "+05:00", "-04:00", "+13:30"]))
        seconds = draw(st.sampled_from(["", ":00", ":59"]))
        return f"{core}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}{seconds}{zone}"
    return core + draw(_qualifiers)


@st.composite
def _english_any(draw):
    """An English phrase in any era: BCE/AD years and days, centuries, deep time, times, Old Style days."""
    n = draw(st.integers(1, 9999))
    month = draw(st.sampled_from(["January", "Feb", "March", "Oct.", "december"]))
    day = draw(st.integers(1, 28))
    form = draw(st.sampled_from(["bce", "ad", "day-bce", "century", "century-bce", "part-century", "deep", "time",
                                 "old-style", "range-bce"]))
    if form == "bce":
        return f"{draw(st.sampled_from(['c. ', '', 'before ', 'after ']))}{n} {draw(st.sampled_from(['BC', 'BCE']))}"
    if form == "ad":
        return f"{draw(st.sampled_from(['AD ', 'A.D. ']))}{n}"
    if form == "day-bce":
        return f"{day} {month} {n} BC"
    if form in ("century", "century-bce", "part-century"):
        number = draw(st.integers(1, 40))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10 if number // 10 != 1 else 0, "th")
        era = " BCE" if form == "century-bce" else ""
        part = draw(st.sampled_from(["early ", "mid-", "late "])) if form == "part-century" else "the "
        return f"{part}{number}{suffix} century{era}"
    if form == "deep":
        value = draw(st.sampled_from(["66", "13.8", "4.54", "2.5", "250"]))
        return f"{value} {draw(st.sampled_from(['million years ago', 'Ma', 'billion years ago', 'Ga']))}"
    if form == "time":
        return f"{day} {month} {max(n, 1000)}, {draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    if form == "old-style":
        return f"{day} {month} {max(n, 1000)} (O.S.)"
    first, last = sorted((n, draw(st.integers(1, 9999))), reverse=True)
    return f"{first} BC – {last} {draw(st.sampled_from(['BC', 'AD']))}"


@st.composite
def _spans_any(draw):
    first, last = draw(_edtf_any()), draw(_edtf_any())
    try:
        a, b = parse_date(first), parse_date(last)
    except DateError:
        return first
    if a.first_day > b.last_day:
        first, last = last, first
    return f"{first}/{last}"


_texts = _edtf_any() | _english_any() | _spans_any()


def _parse_or_none(text, calendar="gregorian"):
    try:
        return parse_date(text, calendar=calendar)
    except DateError:
        return None  # e.g. a generated bound beyond the year limit, or a range that ends before it starts


@settings(max_examples=700, deadline=None)
@given(_texts, _calendars)
def test_edtf_round_trips_in_any_era(text, calendar):
    """parse(d.edtf) in d's calendar gives the same EDTF, days, precision, qualifiers, bound and time."""
    first = _parse_or_none(text, calendar)
    if first is None:
        return
    again = parse_date(first.edtf, calendar=first.calendar)
    assert again.edtf == first.edtf
    assert (again.first_day, again.last_day) == (first.first_day, first.last_day)
    assert again.calendar == first.calendar
    if isinstance(first, HistoricalDate) and first.part is None and "/" not in first.edtf:
        assert isinstance(again, HistoricalDate)
        assert again.precision is first.precision
        assert (again.approximate, again.uncertain, again.bound, again.time) == (
            first.approximate, first.uncertain, first.bound, first.time)
    assert first.display() and first.display("short", era="BC", calendar="both")


@settings(max_examples=300, deadline=None)
@given(_texts, _calendars)
def test_portable_text_reads_back_without_a_calendar(text, calendar):
    """The text writers use for a date (EDTF, or '… (O.S.)' for Julian) reads back as the same days."""
    date = _parse_or_none(text, calendar)
    if date is None:
        return
    again = parse_date(portable_text(date))
    assert (again.first_day, again.last_day, again.calendar) == (date.first_day, date.last_day, date.calendar)


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts, min_size=2, max_size=8))
def test_order_is_total_and_follows_the_bounds(texts):
    """Dates and spans of any era sort together without error, by their first known day."""
    dates = [d for d in map(_parse_or_none, texts) if d is not None]
    ordered = sorted(dates, key=lambda d: d.sort_key)
    starts = [d.first_day if d.first_day is not None else d.last_day for d in ordered]
    assert starts == sorted(starts)
    for a, b in zip(ordered, ordered[1:]):
        assert a.sort_key <= b.sort_key
        if a.first_day is not None and b.first_day is not None and a.first_day < b.first_day:
            assert a.sort_key < b.sort_key


@settings(max_examples=500, deadline=None)
@given(_texts, _calendars)
def test_bounds_are_ordered_and_match_earliest_latest(text, calendar):
    """first_day <= last_day, and earliest/latest are the same days as dates or CalendarDays."""
    date = _parse_or_none(text, calendar)
    if date is None:
        return
    if date.first_day is not None and date.last_day is not None:
        assert date.first_day <= date.last_day
    for number, day in ((date.first_day, date.earliest), (date.last_day, date.latest)):
        assert (day is None) == (number is None)
        if day is not None:
            assert day.toordinal() == number
    if isinstance(date, Span):
        for end in (date.start, date.end):
            if end is not None:
                assert end.first_day <= end.last_day


_WORDS = ["5", "March", "1953", "44", "BC", "BCE", "AD", "CE", "–", "to", "c.", "early", "19th", "century",
          "millennium", "1940s", "1800s", "by", "the", "end", "of", ",", "?", "~", "and", "between", "winter", "54",
          "/", "(O.S.)", "O.S.", "Old", "Style", "21:50", "pm", "UTC", "66", "million", "billion", "years", "ago",
          "Ma", "13.8", "Y-13800000000", "S2", "T", "Z", "+05:00", "-0044", "0000", "XX", "'53", "١٩٥٣", "on", "or",
          "about", "sometime", "nineteenth", "12,000"]


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=120)
       | st.from_regex(r"[0-9XYSEZT?~%/.:+\[\]{} -]{0,30}", fullmatch=True)
       | st.lists(st.sampled_from(_WORDS), max_size=9).map(" ".join)
       | st.lists(st.sampled_from(_WORDS), max_size=6).map("".join),
       _calendars)
def test_no_input_raises_anything_but_date_error(text, calendar):
    """Any text, in either calendar, parses or raises DateError with a reason, quickly."""
    result = parse_date_within_budget(text, calendar=calendar)
    if isinstance(result, DateError):
        assert result.reason.strip()
    else:
        assert result.edtf and result.display() and result.display("short", calendar="both")


_iso_like = st.builds(
    lambda year, month, day, form, qualifier: (
        f"{year:04d}" if form == "year" else f"{year:04d}-{month:02d}" if form == "month"
        else f"{year:04d}-{month:02d}-{day:02d}") + qualifier,
    st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32), st.sampled_from(["year", "month", "day"]),
    st.sampled_from(["", "", "?", "~", "%", "??"]))


@settings(max_examples=500, deadline=None)
@given(_iso_like | st.tuples(_iso_like, _iso_like).map("/".join))
def test_fast_paths_give_what_the_grammars_give(text):
    """The ISO fast paths in parse.py return exactly what the full grammars return, or decline."""
    from timeline.dates import parse

    def full():
        try:
            return parse._parse_text(text, None, "gregorian")
        except DateError as error:
            return str(error)

    def fast():
        try:
            return parse._parse_cached.__wrapped__(text, None, "gregorian")
        except DateError as error:
            return str(error)

    assert fast() == full()



@settings(max_examples=700, deadline=None)
@given(_texts, _calendars, st.sampled_from(["long", "short"]), st.sampled_from(["BCE", "BC"]),
       st.sampled_from(["original", "both", "gregorian"]))
def test_every_date_displays_in_every_mode(text, calendar, style, era, mode):
    """Every date and span has a label in every style, era and calendar mode (a Julian season shown in
    Gregorian once raised KeyError); a Julian date in Gregorian never says (O.S.)."""
    date = _parse_or_none(text, calendar)
    if date is None:
        return
    label = date.display(style, era=era, calendar=mode)
    assert label and label == label.strip()
    if mode == "gregorian":
        assert "(O.S.)" not in label
