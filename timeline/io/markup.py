"""Convert between TimelineJS's HTML text and our safe inline markup.

Our markup (docs/format.md) knows ``*em*``, ``**strong**``,
``[text](url)`` and line breaks (a blank line separates paragraphs).
TimelineJS text is HTML.  :func:`html_to_markup` keeps links
(http, https and mailto only) and emphasis, turns ``<br>`` and block
tags into line breaks, drops every other tag but keeps its text, and
reports which tags it dropped so the caller can warn once.
:func:`markup_to_html` goes the other way, escaping everything else.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

from timeline.markup import block_html, inline_html, safe_url

__all__ = ["Converted", "html_to_markup", "markup_to_html"]

_TAG_HINT = re.compile(r"<[A-Za-z!/]|&[#A-Za-z0-9]+;")
# A "<" before a letter that no ">" closes before the next "<".  html.parser rescans the rest of
# the text for the end of every such tag (45 s for 60 KB of "<a "), so these become text first;
# the lookahead stops at the next "<" or ">", so the pass is linear.
_UNCLOSED_TAG = re.compile(r"<(?=[A-Za-z])(?![A-Za-z][^<>]*>)")
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
_BLOCKS = {"p", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"}
_VOID_DROPPED = {"img", "hr", "input", "meta", "link", "wbr", "source", "embed"}
_SKIP_CONTENT = {"script", "style", "iframe", "object", "template"}


@attrs.frozen
class Converted:
    """Markup text, and the names of the HTML tags that were dropped (sorted)."""

    text: str
    dropped: tuple[str, ...] = ()


class _ToMarkup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropped: set[str] = set()
        self.links: list[str | None] = []  # href of each open <a>, None when dropped
        self.skip = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_CONTENT:
            self.skip += 1
            self.dropped.add(tag)
        elif tag in _EMPHASIS:
            self.out.append(_EMPHASIS[tag])
        elif tag == "br":
            self.out.append("\n")
        elif tag in _BLOCKS:
            self.out.append("\n\n")
            if tag != "p":
                self.dropped.add(tag)
        elif tag == "a":
            href = safe_url(dict(attrs_).get("href") or "")
            if href is not None:
                self.links.append(href)
                self.out.append("[")
            else:
                self.links.append(None)
                self.dropped.add("a (unsafe link)" if dict(attrs_).get("href") else "a")
        else:
            self.dropped.add(tag)

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("\n")
        elif tag not in _SKIP_CONTENT:
            self.handle_starttag(tag, attrs_)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_CONTENT:
            self.skip = max(self.skip - 1, 0)
        elif tag in _EMPHASIS:
            self._close(_EMPHASIS[tag], _EMPHASIS[tag])
        elif tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href is not None:
                self._close("[", f"]({href})")

    def _close(self, opener: str, closer: str) -> None:
        """Close a mark; an empty one is removed, and spaces move outside it ("**a **" -> "**a** ")."""
        if self.out and self.out[-1] == opener:
            self.out.pop()
            return
        last = self.out[-1] if self.out else ""
        trailing = last[len(last.rstrip()):]
        if trailing:
            self.out[-1] = last.rstrip()
        self.out.append(closer + trailing)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            # HTML collapses runs of spaces; a newline typed in a sheet cell stays a line break.
            self.out.append(re.sub(r"[ \t\f\v]+", " ", data))


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def html_to_markup(text: str) -> Converted:
    """Convert TimelineJS HTML to our inline markup; plain text passes through unchanged."""
    if not _TAG_HINT.search(text):
        return Converted(text.strip())
    parser = _ToMarkup()
    parser.feed(_UNCLOSED_TAG.sub("&lt;", text))
    parser.close()
    out = "".join(parser.out)
    return Converted(_tidy(out), tuple(sorted(parser.dropped)))


def markup_to_html(text: str) -> str:
    """Our inline markup as HTML for TimelineJS: one paragraph inline, several as ``<p>`` elements."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    # TimelineJS HTML needs no source newlines; a newline beside <br> would read back as a second break.
    if len(paragraphs) <= 1:
        return inline_html(text).replace("\n", "")
    return block_html(text).replace("\n", "")
