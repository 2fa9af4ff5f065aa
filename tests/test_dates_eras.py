"""Table tests for dates in any era: BCE/CE, deep time, times of day, centuries, Julian, level-2 refusals."""

from __future__ import annotations

import pytest

from timeline.dates import Precision, Span, parse_date
from timeline.errors import DateError, UsageError

P = Precision

# text, edtf, first day, last day (ISO, astronomical years), precision, display
FORMS = [
    # BCE and CE: no year 0 in the text; EDTF 0000 is 1 BCE, -0001 is 2 BCE
    ("0000", "0000", "0000-01-01", "0000-12-31", P.YEAR, "1 BCE"),
    ("-0001", "-0001", "-0001-01-01", "-0001-12-31", P.YEAR, "2 BCE"),
    ("-0043-03-15", "-0043-03-15", "-0043-03-15", "-0043-03-15", P.DAY, "15 March 44 BCE"),
    ("44 BC", "-0043", "-0043-01-01", "-0043-12-31", P.YEAR, "44 BCE"),
    ("44 BCE", "-0043", "-0043-01-01", "-0043-12-31", P.YEAR, "44 BCE"),
    ("15 March 44 BC", "-0043-03-15", "-0043-03-15", "-0043-03-15", P.DAY, "15 March 44 BCE"),
    ("AD 79", "0079", "0079-01-01", "0079-12-31", P.YEAR, "79 CE"),
    ("79 CE", "0079", "0079-01-01", "0079-12-31", P.YEAR, "79 CE"),
    ("a.d. 79", "0079", "0079-01-01", "0079-12-31", P.YEAR, "79 CE"),
    ("c. 753 BC", "-0752~", "-0752-01-01", "-0752-12-31", P.YEAR, "c. 753 BCE"),
    ("-0275~", "-0275~", "-0275-01-01", "-0275-12-31", P.YEAR, "c. 276 BCE"),
    ("12,000 BC", "Y-11999", "-11999-01-01", "-11999-12-31", P.YEAR, "12,000 BCE"),
    ("before 44 BC", "[..-0044]", None, "-0044-12-31", P.YEAR, "before 44 BCE"),
    ("after AD 476", "[0477..]", "0477-01-01", None, P.YEAR, "after 476 CE"),
    ("-201X", "-201X", "-2019-01-01", "-2010-12-31", P.DECADE, "2020–2011 BCE"),
    ("-20XX", "-20XX", "-2099-01-01", "-2000-12-31", P.CENTURY, "the 21st century BCE"),
    # Long years (Y only for more than four digits) and deep time
    ("Y170002", "Y170002", "170002-01-01", "170002-12-31", P.YEAR, "170,002"),
    ("Y-170000002", "Y-170000002", "-170000002-01-01", "-170000002-12-31", P.YEAR, "170,000,003 BCE"),
    ("Y-13800000000", "Y-13800000000", "-13800000000-01-01", "-13800000000-12-31", P.YEAR,
     "13.8 billion years ago"),
    ("13.8 billion years ago", "Y-13800000000S3", "-13899999999-01-01", "-13800000000-12-31", P.MILLION_YEARS,
     "13.8 billion years ago"),
    ("66 million years ago", "Y-66000000S2", "-66999999-01-01", "-66000000-12-31", P.MILLION_YEARS,
     "66 million years ago"),
    ("66 Ma", "Y-66000000S2", "-66999999-01-01", "-66000000-12-31", P.MILLION_YEARS, "66 million years ago"),
    ("4.54 Ga", "Y-4540000000S3", "-4549999999-01-01", "-4540000000-12-31", P.MILLION_YEARS,
     "4.54 billion years ago"),
    # Times of day
    ("1985-04-12T23:20:30Z", "1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", P.SECOND,
     "12 April 1985, 23:20:30 UTC"),
    ("2004-01-01T10:10:10+05:00", "2004-01-01T10:10:10+05:00", "2004-01-01", "2004-01-01", P.SECOND,
     "1 January 2004, 10:10:10 UTC+05:00"),
    ("1985-04-12T23:20:30-04", "1985-04-12T23:20:30-04:00", "1985-04-12", "1985-04-12", P.SECOND,
     "12 April 1985, 23:20:30 UTC-04:00"),
    ("5 March 1953, 21:50", "1953-03-05T21:50", "1953-03-05", "1953-03-05", P.MINUTE, "5 March 1953, 21:50"),
    ("9:50 pm, 5 March 1953", "1953-03-05T21:50", "1953-03-05", "1953-03-05", P.MINUTE, "5 March 1953, 21:50"),
    ("5 March 1953 at 21:50 UTC", "1953-03-05T21:50Z", "1953-03-05", "1953-03-05", P.MINUTE,
     "5 March 1953, 21:50 UTC"),
    # Centuries and millennia, counted strictly (the 19th century is 1801–1900)
    ("the 19th century", "1801/1900", "1801-01-01", "1900-12-31", P.CENTURY, "the 19th century"),
    ("the nineteenth century", "1801/1900", "1801-01-01", "1900-12-31", P.CENTURY, "the 19th century"),
    ("early 19th century", "1801~/1840~", "1801-01-01", "1840-12-31", P.CENTURY, "the early 19th century"),
    ("the late 19th century", "1861~/1900~", "1861-01-01", "1900-12-31", P.CENTURY, "the late 19th century"),
    ("c. 19th century", "1801~/1900~", "1801-01-01", "1900-12-31", P.CENTURY, "c. 19th century"),
    ("the 2nd century BCE", "-01XX", "-0199-01-01", "-0100-12-31", P.CENTURY, "the 2nd century BCE"),
    ("the 1st century BC", "-00XX", "-0099-01-01", "0000-12-31", P.CENTURY, "the 1st century BCE"),
    ("the 2nd millennium BCE", "-1999/-1000", "-1999-01-01", "-1000-12-31", P.MILLENNIUM,
     "the 2nd millennium BCE"),
    ("18XX", "18XX", "1800-01-01", "1899-12-31", P.CENTURY, "1800–1899"),
    # The English forms of issue 12
    ("on or about 6 June 1944", "1944-06-06~", "1944-06-06", "1944-06-06", P.DAY, "c. 6 June 1944"),
    ("sometime in 1953", "1953", "1953-01-01", "1953-12-31", P.YEAR, "1953"),
    ("by the end of 1944", "[..1944]", None, "1944-12-31", P.YEAR, "by 1944"),
    ("winter 1953/54", "1953-24", "1953-12-01", "1954-02-28", P.SEASON, "winter 1953–54"),
    ("the winter of 1941–42", "1941-24", "1941-12-01", "1942-02-28", P.SEASON, "winter 1941–42"),
    ("c.1930", "1930~", "1930-01-01", "1930-12-31", P.YEAR, "c. 1930"),
    ("ca. 1950", "1950~", "1950-01-01", "1950-12-31", P.YEAR, "c. 1950"),
    ("1930s?", "193X?", "1930-01-01", "1939-12-31", P.DECADE, "the 1930s?"),
    # Julian dates marked in the text
    ("25 October 1917 (O.S.)", "1917-10-25", "1917-11-07", "1917-11-07", P.DAY, "25 October 1917 (O.S.)"),
    ("25 Oct 1917 O.S.", "1917-10-25", "1917-11-07", "1917-11-07", P.DAY, "25 October 1917 (O.S.)"),
    ("25 October 1917 (Old Style)", "1917-10-25", "1917-11-07", "1917-11-07", P.DAY, "25 October 1917 (O.S.)"),
    ("7 November 1917 (N.S.)", "1917-11-07", "1917-11-07", "1917-11-07", P.DAY, "7 November 1917"),
    # Other scripts' digits become ASCII in the EDTF (the text is kept as written)
    ("١٩٥٣-03-05", "1953-03-05", "1953-03-05", "1953-03-05", P.DAY, "5 March 1953"),
    ("１９５３", "1953", "1953-01-01", "1953-12-31", P.YEAR, "1953"),
]

SPANS = [
    ("April 14–15, 1912", "1912-04-14/1912-04-15", "1912-04-14", "1912-04-15", "14–15 April 1912"),
    ("12–14 March 1953", "1953-03-12/1953-03-14", "1953-03-12", "1953-03-14", "12–14 March 1953"),
    ("spring–summer 1953", "1953-21/1953-22", "1953-03-01", "1953-08-31", "spring 1953 – summer 1953"),
    ("509 BC – 27 BC", "-0508/-0026", "-0508-01-01", "-0026-12-31", "509–27 BCE"),
    ("300–200 BC", "-0299/-0199", "-0299-01-01", "-0199-12-31", "300–200 BCE"),
    ("27 BC–AD 14", "-0026/0014", "-0026-01-01", "0014-12-31", "27 BCE – 14 CE"),
    ("753 BC – AD 476", "-0752/0476", "-0752-01-01", "0476-12-31", "753 BCE – 476 CE"),
    ("-2005/-1999-02", "-2005/-1999-02", "-2005-01-01", "-1999-02-28", "2006 BCE – February 2000 BCE"),
    ("from the 1st century BC to the 2nd century AD", "-00XX/0200", "-0099-01-01", "0200-12-31",
     "the 1st century BCE – the 2nd century CE"),
    ("the 1930s to the 1940s", "193X/194X", "1930-01-01", "1949-12-31", "the 1930s–1940s"),
]


def _iso(day):
    return None if day is None else day.isoformat()


@pytest.mark.parametrize(("text", "edtf", "first", "last", "precision", "display"), FORMS,
                         ids=[row[0] for row in FORMS])
def test_single_dates_in_any_era(text, edtf, first, last, precision, display):
    """Each form parses to the documented EDTF, bounds (astronomical ISO), precision and display."""
    date = parse_date(text)
    assert not date.is_range
    assert (date.edtf, _iso(date.earliest), _iso(date.latest), date.precision) == (edtf, first, last, precision)
    assert date.display() == display
    assert date.text == text


@pytest.mark.parametrize(("text", "edtf", "first", "last", "display"), SPANS, ids=[row[0] for row in SPANS])
def test_ranges_in_any_era(text, edtf, first, last, display):
    """Each range parses to the documented EDTF, bounds and display (CE marked when the other end is BCE)."""
    span = parse_date(text)
    assert isinstance(span, Span)
    assert (span.edtf, _iso(span.earliest), _iso(span.latest)) == (edtf, first, last)
    assert span.display() == display


@pytest.mark.parametrize(
    ("text", "era", "display"),
    [("44 BC", "BC", "44 BC"), ("AD 79", "BC", "AD 79"), ("27 BC–AD 14", "BC", "27 BC – AD 14"),
     ("the 2nd century BCE", "BC", "the 2nd century BC"), ("1953", "BC", "1953")],
)
def test_bc_ad_display_option(text, era, display):
    """display(era="BC") writes BC/AD instead of BCE/CE."""
    assert parse_date(text).display(era=era) == display


@pytest.mark.parametrize(
    ("text", "calendar", "original", "both", "short_both"),
    [
        ("1917-10-25", "julian", "25 October 1917 (O.S.)", "25 October / 7 November 1917", "25 Oct / 7 Nov 1917"),
        ("25 December 1700", "julian", "25 December 1700 (O.S.)", "25 December 1700 / 5 January 1701",
         "25 Dec 1700 / 5 Jan 1701"),
        ("1917-10", "julian", "October 1917 (O.S.)", "October 1917 (O.S.)", "Oct 1917 (O.S.)"),
    ],
)
def test_julian_dates_keep_their_calendar_and_show_both(text, calendar, original, both, short_both):
    """A Julian date keeps its calendar and text, is placed on the Gregorian day, and can show both days."""
    date = parse_date(text, calendar=calendar)
    assert date.calendar == "julian" and date.text == text
    assert date.display() == original
    assert date.display(calendar="both") == both
    assert date.display("short", calendar="both") == short_both


def test_julian_day_is_placed_on_its_gregorian_day():
    """The Julian 25 October 1917 has the day number of the Gregorian 7 November 1917."""
    julian, gregorian = parse_date("25 October 1917 (O.S.)"), parse_date("1917-11-07")
    assert (julian.first_day, julian.last_day) == (gregorian.first_day, gregorian.last_day)
    assert julian.display(calendar="gregorian") == "7 November 1917"
    assert parse_date("1700-02-29", calendar="julian").earliest.isoformat() == "1700-03-11"


def test_bad_calendar_is_a_usage_error():
    """parse_date refuses an unknown calendar name (misuse), and display an unknown calendar mode."""
    with pytest.raises(UsageError, match="calendar must be 'gregorian' or 'julian'"):
        parse_date("1917", calendar="revolutionary")
    with pytest.raises(UsageError, match="calendar display must be one of"):
        parse_date("1917").display(calendar="julian")


LEVEL2 = "is EDTF level 2 ({}), which is not supported: only EDTF levels 0 and 1 are read"

REFUSALS = [
    # Level 2 is named, never read as something else
    ("2004?-06", "'2004?-06' " + LEVEL2.format("a qualifier on one part of the date, such as 2004?-06")),
    ("2001~-09", "'2001~-09' " + LEVEL2.format("a qualifier on one part of the date, such as 2004?-06")),
    ("?2001", "'?2001' " + LEVEL2.format("a qualifier on one part of the date, such as 2004?-06")),
    ("2004-%06", "'2004-%06' " + LEVEL2.format("a qualifier on one part of the date, such as 2004?-06")),
    ("2001-25", "'2001-25' reads as EDTF level 2 sub-year grouping 25 (northern hemisphere spring), which is not "
                "supported; for a range, write the end year in full: 2001/2025"),
    ("2001-34", "'2001-34' reads as EDTF level 2 sub-year grouping 34 (quarter 2), which is not supported; "
                "for a range, write the end year in full: 2001/2034"),
    ("2001-41", "'2001-41' reads as EDTF level 2 sub-year grouping 41 (semester 2), which is not supported; "
                "for a range, write the end year in full: 2001/2041"),
    ("[1667,1668, 1670..1672]", "'[1667,1668, 1670..1672]' " + LEVEL2.format("a set of dates in [..] or {..}")),
    ("{1960, 1961-12}", "'{1960, 1961-12}' " + LEVEL2.format("a set of dates in [..] or {..}")),
    ("Y17E7", "'Y17E7' " + LEVEL2.format("an exponent, such as Y17E7")),
    ("1950S2", "'1950S2' " + LEVEL2.format("significant digits on a four-digit year (S is read only on Y years)")),
    ("156X-12-31", "'156X-12-31' " + LEVEL2.format("unspecified digits before known ones, such as 1XX3 or 156X-12")),
    ("1XX3", "'1XX3' " + LEVEL2.format("unspecified digits before known ones, such as 1XX3 or 156X-12")),
    # Repeated qualifiers
    ("1953??", "repeated qualifier in '1953??': use one of ? (uncertain), ~ (approximate) or % (both)"),
    ("1953~?", "repeated qualifier in '1953~?': use one of ? (uncertain), ~ (approximate) or % (both)"),
    # EDTF's own rules for years
    ("Y9999", "'Y9999': the Y prefix is only for years of more than four digits in EDTF; write 9999"),
    ("Y00001", "'Y00001': the Y prefix is only for years of more than four digits in EDTF; write 0001"),
    ("12345", "'12345': EDTF writes a year of more than four digits with a Y prefix (Y12345)"),
    ("-0000", "-0000 is not a year: EDTF writes 1 BCE as 0000"),
    ("Y-12000-03", "'Y-12000-03': a Y year can only have year precision"),
    ("-12000-03-01", "a day or month can be given only in years -9999 to 9999 (10,000 BCE to 9999 CE); "
                     "year -12000 can have year precision or coarser"),
    ("2016-05-02T24:00:01", "time '24:00:01' is out of range (00:00:00 to 23:59:59, or 24:00:00)"),
    ("2016-05-02T12:00:00-00:00", "UTC offset '-00:00' is out of range (-12:00 to +14:00; write Z for UTC)"),
    ("2016-05-02T12:00:00+14:01", "UTC offset '+14:01' is out of range (-12:00 to +14:00; write Z for UTC)"),
    # English that would be misread, or that cannot be placed
    ("the 1800s", "'the 1800s' is ambiguous: it can mean the century 1800–1899 or the decade 1800–1809; write 18XX "
                  "for the years 1800–1899, 'the 19th century' for 1801–1900, or 180X for the decade"),
    ("the 1930s and 1940s", "'and' joins two dates, but a date holds one date or one range: write a range (e.g. "
                            "'the 1930s–1940s' or 193X/194X), or give each date its own claim"),
    ("summer of '53", "\"'53\" is a two-digit year, which is ambiguous (1953? 1853?); write the year in full"),
    ("24 August 79", "'79' is a two-digit year, which is ambiguous; write the year in full, or with its era "
                     "(AD 79, 79 BC)"),
    ("1985-4", "'1985-4' is neither EDTF (a month has two digits: 1985-04) nor a range (a range needs its end "
               "year in full)"),
    ("0 AD", "there is no year 0: 1 BCE is followed by 1 CE (EDTF writes 1 BCE as 0000)"),
    ("300,000 years ago", "'300,000 years ago' depends on today's date; write a year (e.g. EDTF Y-299999 for "
                          "300,000 BCE, that many years before 1 CE), or deep time in millions or billions "
                          "('2.5 million years ago')"),
    ("2.5 years ago", "'2.5 years ago' depends on today's date; write a year, or deep time in millions or billions "
                      "('2.5 million years ago')"),
    ("5000 BP", "'5000 BP' counts years before 1950, and radiocarbon years are not calendar years; write the "
                "calendar year (EDTF -3050 is 3051 BCE, 5000 calendar years before 1950)"),
    ("12345 BC 5 March", "a day or month can be given only in years -9999 to 9999 (10,000 BCE to 9999 CE); "
                         "year -12344 can have year precision or coarser"),
    ("5 March 1953 25:30", "time 25:30 is out of range (00:00 to 23:59)"),
    ("1953, 21:50", "a time of day needs a full date with day, month and year"),
    ("Y-200000000000", "year -200,000,000,000 is beyond the supported range (±100,000,000,000; the universe is "
                       "about 13.8 billion years old)"),
    ("44 BC AD", "a date cannot be both BCE and CE"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSALS, ids=[row[0] for row in REFUSALS])
def test_refusals_say_why(text, reason):
    """Each unreadable or ambiguous form raises DateError whose reason says exactly why."""
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.reason == reason
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(("text", "edtf", "year"), [
    ("1 years ago", "0000", "1 BCE"),
    ("500 years ago", "-0499", "500 BCE"),
    ("10,000 years ago", "-9999", "10,000 BCE"),
    ("12000 years ago", "Y-11999", "12,000 BCE"),
    ("300,000 years ago", "Y-299999", "300,000 BCE"),
    ("2000 BP", "-0050", "51 BCE"),
    ("5,000 BP", "-3050", "3051 BCE"),
    ("12,000 BP", "Y-10050", "10,051 BCE"),
    ("0 BP", "1950", "1950"),
])
def test_years_ago_and_bp_refusals_suggest_the_exact_year(text, edtf, year):
    """A refused "N years ago" / "N BP" names EDTF that parses to the year it claims (N BCE; 1950 - N)."""
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert f"EDTF {edtf} for {year}, " in caught.value.reason or f"EDTF {edtf} is {year}, " in caught.value.reason
    assert parse_date(edtf).display() == year
    number = int(text.split()[0].replace(",", ""))
    assert parse_date(edtf).year == (1950 - number if "BP" in text else 1 - number)


def test_date_error_fields_are_structured():
    """DateError carries reason, hint and column separately; str() joins reason and hint."""
    with pytest.raises(DateError) as caught:
        parse_date("5 Jnu 1953")
    error = caught.value
    assert error.reason == "unknown month 'Jnu' (did you mean 'Jun'?)"
    assert error.hint == "write EDTF such as 1953-03-05, or a phrase such as '5 March 1953'"
    assert error.column == 3
    assert str(error) == f"{error.reason}; {error.hint}"


def _conformance() -> dict:
    """The EDTF peer cases of ../shared/conformance (skipped, or failed under TIMELINE_REQUIRE_ALL, if absent)."""
    import json
    from pathlib import Path

    from conftest import ROOT, require

    paths = [base / "shared" / "conformance" / "edtf" / "cases.json" for base in (ROOT.parent, ROOT.parent.parent)]
    found = [p for p in paths if p.exists()]
    require(bool(found), "../shared/conformance/edtf/cases.json (the EDTF peer cases)")
    return json.loads(Path(found[0]).read_text(encoding="utf-8"))


def test_level2_probe_is_never_misread():
    """Every level 2 form the EDTF peers accept is refused here or read within their bounds, never misread."""
    misread = []
    for probe in _conformance()["level2_probe"]["cases"]:
        try:
            result = parse_date(probe["input"])
        except DateError:
            continue
        low, high = probe["envelope"]
        inside = ((low is None or result.earliest is not None and result.earliest.isoformat() >= low)
                  and (high is None or result.latest is not None and result.latest.isoformat() <= high))
        if not inside:
            misread.append(probe["input"])
    assert not misread


def test_peer_cases_pass_but_the_doubly_open_interval():
    """All EDTF level 0/1 peer cases pass (bounds, validity) except '../..', which cannot be placed."""
    failing = []
    for case in _conformance()["cases"]:
        try:
            result = parse_date(case["input"])
        except DateError:
            if case["valid"]:
                failing.append(case["input"])
            continue
        if not case["valid"]:
            failing.append(case["input"])
            continue
        for side, day in (("lower", result.earliest), ("upper", result.latest)):
            if side in case and (None if day is None else day.isoformat()) != case[side]:
                failing.append(case["input"])
    assert failing == ["../.."]


JULIAN_AS_GREGORIAN = [
    # (Julian EDTF, display(calendar="gregorian")): a Julian unit is no Gregorian unit, so its days.
    ("1953-03", "14 March – 13 April 1953"),
    ("1953", "14 January 1953 – 13 January 1954"),
    ("1953-21", "14 March – 13 June 1953"),
    ("0000-21", "28 February – 29 May 1 BCE"),   # was a KeyError: the Gregorian month 2 is no season
    ("1953-03~", "c. 14 March – 13 April 1953"),
    ("[..1953-03]", "by 13 April 1953"),
    ("[1953-03..]", "not before 14 March 1953"),
    ("1917-10-25", "7 November 1917"),
]


@pytest.mark.parametrize(("edtf", "label"), JULIAN_AS_GREGORIAN)
def test_julian_dates_shown_in_gregorian_name_their_gregorian_days(edtf, label):
    """calendar="gregorian" shows a Julian month, season or year by the Gregorian days it covers."""
    assert parse_date(edtf, calendar="julian").display(calendar="gregorian") == label


@pytest.mark.parametrize(("text", "label"), [("before March 1953", "before 14 March 1953"),
                                             ("after 1953", "after 13 January 1954")])
def test_julian_exclusive_bounds_shown_in_gregorian(text, label):
    """"before/after" a Julian unit, in Gregorian: the day at the unit's edge."""
    assert parse_date(text, calendar="julian").display(calendar="gregorian") == label
