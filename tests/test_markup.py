"""Tests for timeline.render.markup: inline markup, the link policy and check_links."""

from __future__ import annotations

import pytest

from timeline.errors import Severity
from timeline.model import Media, Timeline
from timeline.render.markup import block, check_links, find_links, inline, link, safe_url

BLOCKS = [
    ("plain", "<p>plain</p>"),
    ("*em* and **strong**", "<p><em>em</em> and <strong>strong</strong></p>"),
    ("*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>"),
    ("[x](https://e.org/a_(b))", '<p><a href="https://e.org/a_(b)">x</a></p>'),
    ("[*x*](mailto:a@b.org)", '<p><a href="mailto:a@b.org"><em>x</em></a></p>'),
    ("one\ntwo", "<p>one<br>\ntwo</p>"),
    ("one\n\n\ntwo", "<p>one</p>\n<p>two</p>"),
    ("one\r\n\r\ntwo", "<p>one</p>\n<p>two</p>"),
    (r"\*not em\* and \[not](a link)", "<p>*not em* and [not](a link)</p>"),
    ("2 * 3 * 4", "<p>2 * 3 * 4</p>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
    ("&amp; & &#106;", "<p>&amp;amp; &amp; &amp;#106;</p>"),
    ("[x](javascript:alert(1))", "<p>x</p>"),
    ('[x](https://a.org/"onmouseover=alert(1))', '<p><a href="https://a.org/%22onmouseover=alert(1)">x</a></p>'),
    ('"><svg onload=alert(1)>', "<p>&#34;&gt;&lt;svg onload=alert(1)&gt;</p>"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_block(text: str, expected: str) -> None:
    """Marked-up text becomes escaped paragraphs with only the documented elements."""
    assert str(block(text)) == expected


def test_inline_has_no_paragraphs() -> None:
    """Inline markup turns paragraph breaks into two line breaks."""
    assert str(inline("a\n\nb *c*")) == "a<br>\n<br>\nb <em>c</em>"


URLS = [
    ("https://example.org/x", "https://example.org/x"),
    ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
    ("  https://example.org  ", "https://example.org"),
    ("mailto:someone@example.org", "mailto:someone@example.org"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("java\x00script:alert(1)", None),
    ("java\u200bscript:alert(1)", None),
    ("&#106;avascript:alert(1)", None),
    ("&#x6A;avascript:alert(1)", None),
    ("&amp;#106;avascript:alert(1)", None),
    ("javascript&colon;alert(1)", None),
    ("ｊａｖａｓｃｒｉｐｔ:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("file:///etc/passwd", None),
    ("//evil.example", None),
    ("relative/page.html", None),
    ("https:evil", None),
    ("https://", None),
    ("", None),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_safe_url(url: str, expected: str | None) -> None:
    """Only http, https and mailto pass, whatever case, whitespace or entity tricks are used."""
    assert safe_url(url) == expected


def test_link_refuses_as_plain_text() -> None:
    """A refused URL is shown as escaped text, not as a link."""
    assert str(link("javascript:alert(1)")) == "javascript:alert(1)"
    assert str(link("https://x.org/<b>", "go")) == '<a href="https://x.org/%3Cb%3E">go</a>'


def test_find_links() -> None:
    """Links are found inside emphasis and with their text unescaped."""
    assert list(find_links(r"*see [a \*b](https://x.org)* and [c](javascript:1)")) == [
        ("a *b", "https://x.org"), ("c", "javascript:1")]


def test_check_links_reports_every_refused_link() -> None:
    """check_links warns once per refused link, saying where it is and what is allowed."""
    tl = Timeline(title="T", description="[d](data:text/html,x)")
    tl = tl.add_source(id="s", title="S", url="javascript:alert(1)")
    tl = tl.add_source(id="ok", title="S", url="https://example.org")
    tl = tl.add_event("e", "E", "1953", text="[a](https://fine.org) [b](vbscript:x)", note="[n](JAVASCRIPT:1)",
                      media=Media(url="javascript:alert(2)"))
    diags = check_links(tl)
    assert all(d.severity is Severity.WARNING for d in diags)
    assert [d.message for d in diags] == [
        "timeline description: link to 'data:text/html,x' is shown as plain text: "
        "only http://, https:// and mailto: links are allowed",
        "event 'e' text: link to 'vbscript:x' is shown as plain text: "
        "only http://, https:// and mailto: links are allowed",
        "event 'e' note: link to 'JAVASCRIPT:1' is shown as plain text: "
        "only http://, https:// and mailto: links are allowed",
        "event 'e' media url: link to 'javascript:alert(2)' is shown as plain text: "
        "only http://, https:// and mailto: links are allowed",
        "source 's' url: link to 'javascript:alert(1)' is shown as plain text: "
        "only http://, https:// and mailto: links are allowed",
    ]


def test_check_links_is_quiet_for_good_links() -> None:
    """A timeline with only http(s) and mailto links gets no diagnostics."""
    tl = Timeline(title="T", description="[a](https://a.org) [m](mailto:x@y.org)")
    assert check_links(tl) == []


@pytest.mark.parametrize(("url", "target"), [
    ("https://a.org/my file.pdf", "https://a.org/my%20file.pdf"),
    ('https://a.org/"x"', "https://a.org/%22x%22"),
    ("https://a.org/a<b>", "https://a.org/a%3Cb%3E"),
    ("https://a.org/é?q=1&r=2", "https://a.org/é?q=1&r=2"),
])
def test_safe_url_keeps_the_written_url(url: str, target: str) -> None:
    """The link goes where the URL says: nothing is dropped, what a URL cannot hold is percent-encoded."""
    assert safe_url(url) == target
