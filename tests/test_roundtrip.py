"""Round trips: our JSON and our TOML read back to the same timeline (Hypothesis on generated timelines)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline import Citation, Claim, ClaimRank, Event, Lane, Media, Quantity, Source, SourceKind, Timeline, parse_date
from timeline.io.jsonfmt import dumps, read_json_text
from timeline.io.toml import read_toml_text
from timeline.io.tomlwrite import toml_text

DATES = ["1953", "1953-03", "1953-03-05", "0999", "1930~", "1953-03?", "[..1953-08]", "[1953-03..]", "195X",
         "1939/1941", "1953-03/1953-06", "1953-21", "June 1951", "c. 1930", "by summer 1953", "the late 1940s"]
ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=30)
dates = st.sampled_from(DATES).map(parse_date)
citations = st.builds(Citation, source=st.sampled_from(["s1", "s2"]), locator=texts, quote=texts)
claims = st.one_of(
    st.builds(Claim, about=st.just("date"), when=dates, rank=st.sampled_from(ClaimRank), note=texts,
              citations=st.lists(citations, max_size=2)),
    st.builds(Claim, about=st.just("released"), text=texts,
              quantity=st.builds(Quantity, value=st.integers(0, 10**7),
                                 approximate=st.booleans(), unit=texts),
              citations=st.lists(citations, max_size=2)),
    st.builds(Claim, about=st.just("cause of death"), statement=texts.filter(bool), by=texts,
              rank=st.sampled_from(ClaimRank), note=texts, citations=st.lists(citations, max_size=2)),
)
media = st.one_of(st.none(), st.builds(Media, url=st.just("https://example.org/x.png"), credit=texts, caption=texts,
                                       alt=texts, thumbnail=st.just("")))
events = st.builds(Event, id=ids, title=texts.filter(bool), when=dates, text=texts, tags=st.lists(ids, max_size=3),
                   lane=st.sampled_from([None, "a", "b"]), citations=st.lists(citations, max_size=3),
                   claims=st.lists(claims, max_size=2), note=texts, media=media, display_date=texts)


@st.composite
def timelines(draw) -> Timeline:
    """Generated timelines with unique event ids, two sources and two lanes."""
    evs = draw(st.lists(events, max_size=6, unique_by=lambda e: e.id))
    sources = {sid: Source(id=sid, title=draw(texts), kind=draw(st.sampled_from(SourceKind)),
                           author=tuple(draw(st.lists(texts.filter(bool), max_size=2))))
               for sid in ("s1", "s2")}
    return Timeline(title=draw(texts.filter(bool)), subtitle=draw(texts), description=draw(texts),
                    events=tuple(evs), lanes=(Lane("a", "Lane A"), Lane("b")), sources=sources)


@given(timelines())
def test_json_export_import_export_is_identical(tl: Timeline) -> None:
    """Our JSON: export -> import -> export gives identical bytes."""
    text = dumps(tl)
    result = read_json_text(text)
    assert [d for d in result.diagnostics if d.is_error] == []
    assert dumps(result.timeline) == text


@given(timelines())
def test_toml_write_read_gives_same_export(tl: Timeline) -> None:
    """Our TOML writer: write -> read gives a timeline with the same JSON export."""
    text = toml_text(tl)
    result = read_toml_text(text)
    assert [d for d in result.diagnostics if d.is_error] == [], text
    assert dumps(result.timeline) == dumps(tl)
    assert toml_text(result.timeline) == text


def test_toml_writer_output_is_readable() -> None:
    """The TOML writer escapes quotes, backslashes, control characters and writes multi-line text."""
    tl = Timeline(title='A "quoted" \\ title\x01').add_event("e", "E", "June 1951", text="one\n\ntwo \"\"\" three")
    text = toml_text(tl)
    assert 'title = "A \\"quoted\\" \\\\ title\\u0001"' in text
    assert 'when = "June 1951"' in text
    assert read_toml_text(text).timeline.events[0].text == "one\n\ntwo \"\"\" three"
