"""Ids are injective, and every internal link in a page arrives at exactly one element."""

from __future__ import annotations

import html.parser
import re
from collections import Counter

import pytest

import timeline
from timeline.model import Citation, Event, Source, Timeline
from timeline.render.text import dom_key

TRICKY_IDS = ["a:b", "a_b", "a.b", "a-b", "ab", "A.3a.b"]


def tricky() -> Timeline:
    """Events whose ids collided in the old id mapping, with tags holding spaces."""
    src = Source(id="s", title="S")
    events = [Event(id=i, title=f"Event {i}", when=timeline.parse_date(f"195{n}"), tags=("World War II", f"t{n}"),
                    citations=(Citation(source="s", locator=f"p. {n}"),)) for n, i in enumerate(TRICKY_IDS)]
    return Timeline(title="Ids", events=tuple(events), sources={"s": src})


class _Refs(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.hrefs: list[str] = []
        self.tags: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1
            elif name in ("href", "xlink:href") and value and value.startswith("#"):
                self.hrefs.append(value[1:])
            elif name in ("aria-labelledby", "aria-describedby", "aria-controls") and value:
                self.hrefs.extend(value.split())
            elif name == "data-tags" and value is not None:
                self.tags.append(value.split(" ") if value else [])

    handle_startendtag = handle_starttag


def refs(text: str) -> _Refs:
    """Every id, internal reference and data-tags list of a page."""
    parser = _Refs()
    parser.feed(text)
    return parser


@pytest.mark.parametrize("make", [tricky, timeline.bundled], ids=["tricky-ids", "bundled"])
@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_every_internal_link_resolves_to_exactly_one_element(make, fragment: bool) -> None:
    """Each href="#x" (and aria id reference) names an id that exactly one element has."""
    found = refs(timeline.render_html(make(), fragment=fragment))
    assert found.hrefs
    duplicated = [i for i, n in found.ids.items() if n > 1]
    assert duplicated == []
    assert [h for h in found.hrefs if found.ids[h] != 1] == []


def test_figure_ids_are_injective_and_back_links_arrive() -> None:
    """a:b and a_b get different chart ids, and each list item's back-link names its own event's group."""
    page = timeline.render_html(tricky())
    found = refs(page)
    chart_ids = [i for i in found.ids if i.startswith("tl-ev-")]
    assert len(chart_ids) == len(TRICKY_IDS)
    events_of = dict(re.findall(r'<g [^>]*data-event="([^"]*)" id="(tl-ev-[^"]*)"', page))
    assert sorted(events_of) == sorted(TRICKY_IDS)
    for event_id, chart_id in events_of.items():
        assert chart_id == f"tl-ev-{dom_key(event_id)}"
        item = page.index(f'id="tl-item-{event_id}"')
        assert page.index(f'href="#{chart_id}"', item) < page.index("</li>", item)


def test_tags_with_spaces_stay_one_filter_word() -> None:
    """data-tags holds one word per tag, and the filter's option values are the same words."""
    page = timeline.render_html(tricky())
    found = refs(page)
    assert all(len(words) == 2 for words in found.tags)
    assert f'<option value="{dom_key("World War II")}">World War II</option>' in page
    assert all(dom_key("World War II") in words for words in found.tags)


@pytest.mark.parametrize(("text", "key"), [("a:b", "a.3a.b"), ("a_b", "a_b"), ("a.b", "a.2e.b"), ("x y", "x.20.y"),
                                           ("é", ".e9."), ("", "")])
def test_dom_key_table(text: str, key: str) -> None:
    """Letters, digits, '_' and '-' stay; everything else is spelled .hex."""
    assert dom_key(text) == key


def test_dom_key_is_injective() -> None:
    """No two strings from a small alphabet share a key (the spelling is prefix-free)."""
    import itertools

    words = ["".join(p) for n in range(4) for p in itertools.product("a_.:-3 ", repeat=n)]
    keys = [dom_key(w) for w in words]
    assert len(set(keys)) == len(words)
