"""The HTML renderer's shortcuts (issue 15) give exactly what the full paths give."""

from __future__ import annotations

import sys
from pathlib import Path

import markupsafe
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def generate():
    """bench/generate.py as a module."""
    sys.path.insert(0, str(BENCH))
    try:
        import generate

        yield generate
    finally:
        sys.path.remove(str(BENCH))


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
@given(_TEXT)
def test_escaped_text_and_safe_markup_are_markupsafes(text):
    """escaped(text) is the text of escape(text); safe(html) is Markup(html)."""
    from timeline.render.markup import escaped, safe

    assert type(escaped(text)) is str and escaped(text) == str(markupsafe.escape(text))
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
    assert template.root_render_func.__globals__["escape"] is markup.escape_output
    fast = pages()
    monkeypatch.setattr(markup, "_ESCAPE_INNER", None)  # the environment keeps markupsafe's escape
    html._packaged_environment.cache_clear()
    template = html._packaged_environment("auto").get_template("timeline.html.j2")
    assert template.root_render_func.__globals__["escape"] is markupsafe.escape
    assert pages() == fast
    html._packaged_environment.cache_clear()
