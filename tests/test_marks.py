"""Tests for timeline.layout.marks: the legend says what the chart's marks mean."""

from __future__ import annotations

import pytest

from timeline.dates import Precision as P
from timeline.layout import layout
from timeline.layout.marks import extent_text
from timeline.model import Timeline

BAND = "sometime in"


def legend_texts(whens: list[str], orientation: str) -> list[str]:
    """The legend words of a chart of one event a date (and a day, so the chart always has a dot)."""
    tl = Timeline(title="Legend")
    for k, when in enumerate(whens):
        tl = tl.add_event(f"e{k}", f"Event {k}", when)
    return [t.text for t in layout(tl, orientation=orientation).header if t.cls == "legend-label"]


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
@pytest.mark.parametrize(("whens", "band"), [
    (["1953-03-05", "1953-04-05"], None),
    (["1953", "1955"], "sometime in a year"),
    (["1953-04", "1955"], "sometime in a month or year"),
    (["summer 1953"], "sometime in a season"),
    (["195X", "1953-03-05"], "sometime in a decade"),
    (["the early 1950s", "1953-04", "1955"], "sometime in a month, year or decade"),
    (["19XX"], "sometime in a century"),
    (["the 2nd millennium BCE", "1953"], "sometime in a year or millennium"),
    (["Y-13800000000", "1969"], "sometime in a year"),
    (["13.8 billion years ago", "1969-07-20"], "sometime in a rounded span"),
    (["Y-66000000", "Y-2500000", "-0500", "1000", "1500", "1969"], "sometime in a year"),
    (["66 million years ago", "1969"], "sometime in a year or rounded span"),
    (["1953-04", "1955", "195X", "19XX"], "sometime in a month to a century"),
])
def test_the_band_legend_names_the_precisions_drawn(whens, band, orientation):
    """The "sometime in" entry says which precisions its bands stand for on this chart, and is absent without bands."""
    texts = legend_texts(whens, orientation)
    assert [t for t in texts if t.startswith(BAND)] == ([band] if band else [])


@pytest.mark.parametrize(("known", "text"), [
    ([], "sometime in"),
    ([(P.DAY, False)], "sometime in"),
    ([(P.YEAR, False), (P.YEAR, False)], "sometime in a year"),
    ([(P.DECADE, False), (P.MONTH, False)], "sometime in a month or decade"),
    ([(P.MILLENNIUM, True), (P.MILLION_YEARS, True)], "sometime in a rounded span"),
    ([(P.CENTURY, False), (P.CENTURY, True)], "sometime in a century or rounded span"),
    ([(P.MONTH, False), (P.SEASON, False), (P.YEAR, False), (P.MILLION_YEARS, True)],
     "sometime in a month to a rounded span"),
])
def test_extent_text(known, text):
    """Precisions are listed finest first, once each; more than three read as a span from the finest."""
    assert extent_text(known) == text
