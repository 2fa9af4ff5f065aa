"""The model: frozen classes, builders, filters, merge, footnote numbering, Chicago notes."""

from __future__ import annotations

import attrs
import pytest

import timeline
from timeline import Citation, Claim, ClaimRank, Event, Quantity, Source, Timeline, UsageError, parse_date
from timeline.cite import bibliography_entry, note, plain
from timeline.layout.notes import timeline_footnotes


def small() -> Timeline:
    """A three-event timeline built with the immutable builders."""
    return (
        Timeline(title="T")
        .add_source(id="a", title="A")
        .add_lane("pol", "Politics")
        .add_event("x", "X", "1949", tags=["t1"], lane="pol", citations=[{"source": "a", "locator": "p. 1"}])
        .add_event("y", "Y", "June 1951", tags=["t2"], citations=[Citation("a", "p. 2")])
        .add_event("z", "Z", "1953-03-05", tags=["t1", "context"], lane="pol", citations=[Citation("a", "p. 1")])
    )


def test_frozen() -> None:
    """Model objects are immutable."""
    ev = small().events[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ev.title = "changed"  # type: ignore[misc]


def test_builders_return_new_timelines() -> None:
    """add_event returns a new timeline and leaves the original alone."""
    base = Timeline(title="T")
    grown = base.add_event("a", "A", "1950")
    assert base.events == () and len(grown.events) == 1
    assert grown.events[0].when.edtf == "1950"


def test_event_requires_a_date_object() -> None:
    """Event() does no parsing: a string date is refused with a hint."""
    with pytest.raises(UsageError, match="use timeline.parse_date"):
        Event(id="a", title="A", when="1950")  # type: ignore[arg-type]


def test_bad_id_refused() -> None:
    """Ids must be simple tokens."""
    with pytest.raises(UsageError, match="got 'has space'"):
        Source(id="has space")


def test_filters() -> None:
    """between, with_tags, without_tags and in_lanes select events."""
    tl = small()
    assert [e.id for e in tl.between("1950", "1952").events] == ["y"]
    assert [e.id for e in tl.between("1951-06-15", None).events] == ["y", "z"]
    assert [e.id for e in tl.with_tags("t1").events] == ["x", "z"]
    assert [e.id for e in tl.without_tags("context").events] == ["x", "y"]
    assert [e.id for e in tl.in_lanes("pol").events] == ["x", "z"]


def test_merge() -> None:
    """merge unions events and sources; a clash of ids with different content is refused."""
    a = small()
    b = Timeline(title="B").add_source(id="b", title="B").add_event("w", "W", "1930")
    merged = a.merge(b)
    assert [e.id for e in merged.events] == ["x", "y", "z", "w"] and set(merged.sources) == {"a", "b"}
    assert a.merge(a) == a
    clash = Timeline().add_event("x", "Other", "1960")
    with pytest.raises(UsageError, match="event id 'x' differs"):
        a.merge(clash)


def test_sorted_events_total_order() -> None:
    """Events sort by date, ties broken by id."""
    tl = Timeline().add_event("b", "B", "1950").add_event("a", "A", "1950").add_event("c", "C", "1949")
    assert [e.id for e in tl.sorted_events()] == ["c", "a", "b"]


def test_footnotes_numbered_in_order_of_first_use() -> None:
    """One (source, locator) pair gets one number, in reading order."""
    notes = timeline_footnotes(small())
    assert [(n.number, n.source, n.locator) for n in notes.notes] == [(1, "a", "p. 1"), (2, "a", "p. 2")]
    assert notes.numbers_for(small().events[2].citations) == (1,)


def test_disputed_label() -> None:
    """Two date claims give "23 or 26 March 1953"."""
    claims = [Claim(when=parse_date("1953-03-26"), rank=ClaimRank.PREFERRED), Claim(when=parse_date("1953-03-23"))]
    ev = Event(id="m", title="M", when=claims[0].when, claims=claims)
    assert ev.is_disputed
    assert ev.date_label() == "23 or 26 March 1953"
    assert ev.date_label("short") == "23 or 26 Mar 1953"


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (Quantity(value=1500000, approximate=True, unit="prisoners"), "about 1,500,000 prisoners"),
        (Quantity(low=1000000, high=1200000), "1,000,000–1,200,000"),
        (Quantity(low=5), "at least 5"),
        (Quantity(value=2.5, unit="%"), "2.5 %"),
    ],
)
def test_quantity_display(quantity: Quantity, text: str) -> None:
    """Quantities read naturally."""
    assert quantity.display() == text


CHAPTER = Source(
    id="t", type="chapter", title="The End of the Gulag", author=("Aleksei Tikhonov",),
    editor=("Paul R. Gregory", "Valery Lazarev"), container_title="The Economics of Forced Labor: The Soviet Gulag",
    publisher="Hoover Institution Press", issued="2003",
)


def test_chicago_note_chapter() -> None:
    """A chapter note names author, title, container, editors, publisher and locator."""
    assert plain(note(CHAPTER, "p. 67")) == (
        "Aleksei Tikhonov, “The End of the Gulag,” in The Economics of Forced Labor: The Soviet Gulag, "
        "ed. Paul R. Gregory and Valery Lazarev (Hoover Institution Press, 2003), p. 67."
    )
    assert [r.italic for r in note(CHAPTER)].count(True) == 1


def test_chicago_bibliography_chapter() -> None:
    """A bibliography entry inverts the first author's name."""
    assert plain(bibliography_entry(CHAPTER)) == (
        "Tikhonov, Aleksei. “The End of the Gulag.” In The Economics of Forced Labor: The Soviet Gulag, "
        "edited by Paul R. Gregory and Valery Lazarev. Hoover Institution Press, 2003."
    )


def test_chicago_archive() -> None:
    """An archival file note gives archive, fond and file."""
    src = Source(id="h", type="manuscript", archive="Hoover Institution Archives", archive_location="Fond 9414")
    assert plain(note(src, "9414-1d-146, l. 3")) == "Hoover Institution Archives, Fond 9414, 9414-1d-146, l. 3."


def test_public_exports_of_model() -> None:
    """The model classes are the ones exported at the top level."""
    assert timeline.Event is Event and timeline.Claim is Claim
