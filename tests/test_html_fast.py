"""The HTML renderer's shortcuts (issue 15) give exactly what the full paths give."""

from __future__ import annotations

from pathlib import Path

import markupsafe
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


class _Html:
    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return self.text


class _Str(str):
    pass


_TEXT = st.text(alphabet="a<>&\"'é \x00\n", max_size=20) | st.text(max_size=20)
_VALUES = (_TEXT | _TEXT.map(markupsafe.Markup) | _TEXT.map(_Html) | _TEXT.map(_Str) | st.integers()
           | st.floats(allow_nan=False) | st.none() | st.booleans())


@settings(max_examples=500)
@given(_VALUES)
def test_output_escaping_is_markupsafes(value):
    """escape_output gives markupsafe.escape's Markup for every kind of value a template writes."""
    from timeline.render.markup import escape_output

    got, want = escape_output(value), markupsafe.escape(value)
    assert type(got) is markupsafe.Markup
    assert str.__str__(got) == str.__str__(want)


@settings(max_examples=300)
@given(_TEXT, _VALUES)
def test_escaped_text_and_safe_markup_are_markupsafes(text, value):
    """escaped(value) is the text of escape(value); safe(html) is Markup(html)."""
    from timeline.render.markup import escaped, safe

    assert type(escaped(text)) is str and escaped(text) == str(markupsafe.escape(text))
    assert type(escaped(value)) is str and escaped(value) == str(markupsafe.escape(value))
    assert type(safe(text)) is markupsafe.Markup and safe(text) == markupsafe.Markup(text)


def _timelines(generate):
    import timeline
    from browser.fixture import hostile, small

    return (timeline.bundled(), small(), hostile(), timeline.loads(generate.to_toml(generate.generate(150))))


@pytest.mark.parametrize("fragment", [False, True])
def test_pages_escaped_by_the_shortcut_are_the_pages_markupsafe_escapes(monkeypatch, generate, fragment):
    """Pages, fragments and a user's compiled templates written through escape_output are byte-identical
    to the same templates escaping with markupsafe.escape (the code Jinja generates)."""
    from timeline.render import html, markup

    folder = ROOT / "tests" / "data" / "html-part-blocks"
    picture = {"src": "t.png", "alt": "A chart", "width": 720, "height": 900}
    timelines = _timelines(generate)

    def pages():
        html._packaged_environment.cache_clear()
        return [html.render_html(tl, fragment, **extra) for tl in timelines
                for extra in ({}, {"plain_image": picture}, {"templates": folder})]

    template = html._packaged_environment("auto").get_template("timeline.html.j2")
    installed = markup.escape_output if markup._ESCAPE_INNER is not None else markupsafe.escape
    assert template.root_render_func.__globals__["escape"] is installed
    fast = pages()
    monkeypatch.setattr(markup, "_ESCAPE_INNER", None)  # the environment keeps markupsafe's escape
    html._packaged_environment.cache_clear()
    template = html._packaged_environment("auto").get_template("timeline.html.j2")
    assert template.root_render_func.__globals__["escape"] is markupsafe.escape
    assert pages() == fast
    html._packaged_environment.cache_clear()


@settings(max_examples=500)
@given(st.text(alphabet="a<é\n\t\x00\x1f\ud800\ufffe\uffff\u2009\u202e\u2066\u200f\u061c", max_size=30) | st.text(max_size=30))
def test_a_clean_text_is_one_clean_text_and_bidi_leave_alone(text):
    """is_clean(text) says exactly that clean_text leaves the text as it is and it holds no bidi control."""
    from timeline.render.text import clean_text, has_bidi, is_clean

    assert is_clean(text) == (clean_text(text) == text and not has_bidi(text))


@pytest.mark.parametrize("batch", [1, 97, 1 << 16])
def test_batches_with_controls_are_written_as_render_html_writes_them(monkeypatch, batch):
    """The writer's clean batches go out as they are, the others cleaned: the bytes are render_html's."""
    import io

    import timeline
    from timeline.render import html

    monkeypatch.setattr(html, "_BATCH", batch)
    for title in ("Gulag\x01 amnesty\ufffe 1953", "Gulag \u202eamnesty 1953", "Gulag amnesty 1953"):
        tl = timeline.bundled().retitled(title)
        handle = io.BytesIO()
        html.html_writer(tl)(handle)
        assert handle.getvalue() == html.render_html(tl).encode("utf-8")


def _old_refs(prefix, footnotes, groups):
    """The note references as _Refs.make made them: numbers_for, then an id per use of a number."""
    backlinks, out = {}, []
    for citations in groups:
        refs = []
        for number in footnotes.numbers_for(citations):
            uses = backlinks.setdefault(number, [])
            ref_id = f"{prefix}-ref-{number}" + (f"-{len(uses) + 1}" if uses else "")
            uses.append(ref_id)
            refs.append((number, ref_id, f"#{prefix}-note-{number}"))
        out.append(refs)
    return out, backlinks


def test_the_view_model_makes_the_refs_and_labels_the_full_paths_make(generate):
    """Each entry's date label is date_label()'s, its date that label's HTML (made once per date object),
    and its note references (and every note's back-links) are what numbers_for and a back-link per use
    give, on timelines with claims, repeated citations and dates, display dates and eras."""
    import timeline
    from timeline.layout.notes import timeline_footnotes
    from timeline.render.html_view import _context, _when_html

    dup, when = timeline.Citation("s", "p. 1"), timeline.HistoricalDate.parse("1953-03")
    repeated = timeline.Timeline(title="R").add_source(id="s", title="S").add_event(
        "a", "A", when, citations=[dup, timeline.Citation("s", "p. 2"), dup]).add_event(
        "b", "B", when, citations=[dup], display_date="the next month").add_event("c", "C", when)
    assert repeated.events[0].when is repeated.events[2].when  # one date object, shown twice as it is
    for tl in (*_timelines(generate), repeated):
        context = _context(tl, prefix="tl", fragment=False, theme="auto", lang="en", charts=[])
        groups, made = [], []
        for ev, view in zip(tl.sorted_events(), context["events"], strict=True):
            assert view.date_label == ev.date_label()
            assert view.date == _when_html(ev.when, ev.date_label())
            groups += [ev.citations, *(c.citations for c in ev.claims)]
            made += [view.refs, *(c.refs for c in view.claims)]
        eras = sorted(tl.eras, key=lambda e: (e.when.sort_key, e.id))
        groups += [era.citations for era in eras]
        made += [view.refs for view in context["eras"]]
        want, backlinks = _old_refs("tl", timeline_footnotes(tl), groups)
        assert [[(r.number, r.id, r.href) for r in refs] for refs in made] == want
        assert {n.number: n.backlinks for n in context["notes"]} == {
            n.number: backlinks.get(n.number, []) for n in timeline_footnotes(tl).notes}


_OLD_PIECES = (
    '{% autoescape true %}{% if ev.disputed %} tl-disputed{% endif %}{% if ev.context %} tl-context{% endif %}'
    '{% if ev.weak %} tl-weak{% endif %}|'
    '{% if ev.disputed %} <span class="tl-badge">date disputed</span>{% endif %}'
    '{% if ev.disputes %} <span class="tl-badge">disputed</span>{% endif %}'
    '{% if ev.weak %} <span class="tl-badge tl-badge-weak">{{ ev.weak }}</span>{% endif %}'
    '{% if ev.context %} <span class="tl-badge tl-badge-context">context</span>{% endif %}|'
    '{{ noterefs(ev.refs) }}{% endautoescape %}')


def test_an_entrys_made_classes_badges_and_refs_are_what_the_template_wrote(generate):
    """ev.classes, ev.badges and ev.noterefs are what the template made of disputed, disputes, weak,
    context and refs, on entries with every mix of them (disputes, weak-only, context, hostile text)."""
    import timeline
    from timeline.render.html import make_environment
    from timeline.render.html_view import _context

    old = make_environment(None, "auto").from_string(_OLD_PIECES)
    base = timeline.bundled()
    weak = next(s for s in base.sources.values() if s.kind in (timeline.SourceKind.BLOG, timeline.SourceKind.PARTISAN))
    mixed = base.add_event("weak-context", "Said by a blog", "1953", citations=[timeline.Citation(weak.id)],
                           tags=["context"])
    seen = set()
    for tl in (*_timelines(generate), mixed):
        for ev in _context(tl, prefix="tl", fragment=False, theme="auto", lang="en", charts=[])["events"]:
            assert f"{ev.classes}|{ev.badges}|{ev.noterefs}" == old.render(ev=ev)
            seen.add((bool(ev.disputed), bool(ev.disputes), bool(ev.weak), ev.context))
    assert {(True, False, False, False), (False, True, False, False), (False, False, True, False),
            (False, False, False, True), (False, False, True, True)} <= seen


_OLD_BACKLINKS = (
    '{% autoescape true %}{% if n.backlinks|length == 1 %} <a class="tl-backlink" href="#{{ n.backlinks[0] }}" '
    'role="doc-backlink" aria-label="Back to reference to note {{ n.number }}">↩&#xFE0E;</a>{% else %}'
    '{% for b in n.backlinks %} <a class="tl-backlink" href="#{{ b }}" role="doc-backlink" '
    'aria-label="Back to reference {{ loop.index }} to note {{ n.number }}">↩&#xFE0E;<sup>{{ loop.index }}</sup></a>'
    '{% endfor %}{% endif %}{% endautoescape %}')


def test_a_notes_made_backlinks_are_what_the_template_wrote(generate):
    """n.backlinks_html is what the template's loop over n.backlinks wrote, for one, two and many uses."""
    from timeline.render.html import make_environment
    from timeline.render.html_view import _context

    old = make_environment(None, "auto").from_string(_OLD_BACKLINKS)
    uses = set()
    for tl in _timelines(generate):
        for prefix in ("tl", "my_page-2"):
            for n in _context(tl, prefix=prefix, fragment=False, theme="auto", lang="en", charts=[])["notes"]:
                assert n.backlinks_html == old.render(n=n)
                uses.add(min(len(n.backlinks), 3))
    assert uses == {1, 2, 3}
