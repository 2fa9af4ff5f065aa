"""Convert between TimelineJS's HTML text and our safe inline markup.

Our markup (docs/format.md) knows ``*em*``, ``**strong**``,
``[text](url)`` and line breaks (a blank line separates paragraphs).
TimelineJS text is HTML.  :func:`html_to_markup` keeps links
(http, https and mailto only) and emphasis, turns ``<br>`` and block
tags into line breaks, drops every other tag but keeps its text, and
reports which tags it dropped so the caller can warn once.  Characters
that mean something in our markup (``*``, ``[``, ``]``, ``\\``) are
escaped, so ``Sh*t People Say`` stays as typed.  :func:`html_to_plain`
gives the plain text of a headline (tags dropped, nothing cut or changed).
:func:`markup_to_html` goes the other way, escaping everything else.

HTML collapses runs of spaces, so text read from HTML does too, but a
space written as a character reference (``&#32;``) is kept: the writer
spells runs that way, so a timeline written to TimelineJS and read back
keeps its spacing.
"""

from __future__ import annotations

import html
import html.entities
import re
from html.parser import HTMLParser
from typing import NamedTuple

from timeline.markup import block_html, inline_html, safe_url, unescape_html

__all__ = ["Converted", "html_to_markup", "html_to_plain", "keep_spaces", "markup_to_html"]

_TAG_HINT = re.compile(r"<[A-Za-z!/]|&[#A-Za-z0-9]+;")
# A "<" before a letter that no ">" closes before the next "<".  html.parser rescans the rest of
# the text for the end of every such tag (45 s for 60 KB of "<a "), so these become text first;
# the lookahead stops at the next "<" or ">", so the pass is linear.
_UNCLOSED_TAG = re.compile(r"<(?=[A-Za-z])(?![A-Za-z][^<>]*>)")
_BAD_MARKED_SECTION = re.compile(r"<!\[(?![A-Za-z])")
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
_BLOCKS = {"p", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"}
_VOID_DROPPED = {"img", "hr", "input", "meta", "link", "wbr", "source", "embed"}
_SKIP_CONTENT = {"script", "style", "iframe", "object", "template"}
_MARKUP_ESCAPES = str.maketrans({mark: f"\\{mark}" for mark in "\\*[]"})  # each mark after a backslash
# A form feed (HTML reads it as a space), or a space or tab after another.
_SPACE_RUN = re.compile(r"\f|(?<=[ \t\f])[ \t]")
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_PARAGRAPHS_ONLY = re.compile(r"(?:</?p>|[^<>&])*")
_P_TAG = re.compile(r"</?p>")
_SPACES = re.compile(r"[ \t\f]+")  # HTML collapses them (_ToMarkup.handle_data); U+000B is not HTML space


def _escape_markup(text: str) -> str:
    return text.translate(_MARKUP_ESCAPES)


class Converted(NamedTuple):
    """Markup text, and the names of the HTML tags that were dropped (sorted)."""

    text: str
    dropped: tuple[str, ...] = ()


class _ToMarkup(HTMLParser):
    def __init__(self, plain: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.plain = plain  # plain text: no marks, link text only, nothing escaped
        self.out: list[str] = []
        self.dropped: set[str] = set()
        self.links: list[str | None] = []  # href of each open <a>, None when dropped
        self.skip = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_CONTENT:
            self.skip += 1
            self.dropped.add(tag)
        elif tag in _EMPHASIS:
            if not self.plain:
                self.out.append(_EMPHASIS[tag])
        elif tag == "br":
            self.out.append("\n")
        elif tag in _BLOCKS:
            self.out.append("\n\n")
            if tag != "p":
                self.dropped.add(tag)
        elif tag == "img":
            self._image(dict(attrs_))
        elif tag == "a":
            href = safe_url(dict(attrs_).get("href") or "")
            if self.plain:
                self.links.append(None)
                if dict(attrs_).get("href"):
                    self.dropped.add("a (a title keeps the link text, not its address)")
            elif href is not None:
                self.links.append(href)
                self.out.append("[")
            else:
                self.links.append(None)
                self.dropped.add("a (unsafe link)" if dict(attrs_).get("href") else "a")
        else:
            self.dropped.add(tag)

    def _image(self, attributes: dict[str, str | None]) -> None:
        """An image in a text becomes a link to it, ``[image: alt](url)``; in a title, or with an address that
        is not http(s), it is dropped, and the warning says its address and alt text went with it."""
        src, alt = (attributes.get("src") or "").strip(), " ".join((attributes.get("alt") or "").split())
        url = safe_url(src) if src else None
        if self.skip:
            return
        if url is not None and not self.plain:
            label = _escape_markup(f"image: {alt}" if alt else "image")
            self.out.append(f"[{label}]({url})")
            self.dropped.add("img (kept as a link to the image, [image: alt text](address))")
        elif src or alt:
            where = "in a title" if self.plain else "with an address that is not http(s)"
            self.dropped.add(f"img ({where}: its address and alt text are not kept)")
        else:
            self.dropped.add("img")

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("\n")
        elif tag not in _SKIP_CONTENT:
            self.handle_starttag(tag, attrs_)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_CONTENT:
            self.skip = max(self.skip - 1, 0)
        elif tag in _EMPHASIS:
            if not self.plain:
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

    def handle_comment(self, data: str) -> None:
        self.dropped.add("<!-- comments -->")  # hidden in TimelineJS too, but their words are the user's

    def handle_decl(self, decl: str) -> None:
        self.dropped.add(f"<!{decl.split()[0] if decl.split() else ''}>")

    def handle_pi(self, data: str) -> None:
        self.dropped.add("<?...> processing instructions")

    def unknown_decl(self, data: str) -> None:
        self.dropped.add("<![CDATA[...]]>" if data.upper().startswith("CDATA[") else f"<![{data.split('[')[0]}[...]]>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            # HTML collapses runs of spaces; a newline typed in a sheet cell stays a line break.
            self._text(_SPACES.sub(" ", data))

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self._text(unescape_html(f"&{name};") if f"{name};" in html.entities.html5 else f"&{name}")

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self._text(unescape_html(f"&#{name};"))

    def _text(self, text: str) -> None:
        self.out.append(text if self.plain else _escape_markup(text))


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _convert(text: str, plain: bool) -> Converted:
    parser = _ToMarkup(plain)
    # "<![" before anything but a name makes html.parser fail an assertion; it is text, as a browser shows it.
    parser.feed(_BAD_MARKED_SECTION.sub("&lt;![", _UNCLOSED_TAG.sub("&lt;", text)))
    parser.close()
    return Converted(_tidy("".join(parser.out)), tuple(sorted(parser.dropped)))


def html_to_markup(text: str) -> Converted:
    """Convert TimelineJS HTML to our inline markup; plain text keeps every character (marks escaped)."""
    if not _TAG_HINT.search(text):
        return Converted(_escape_markup(text.strip()))
    if _PARAGRAPHS_ONLY.fullmatch(text):
        # Paragraphs of text (the TimelineJS editor's usual HTML): what the parser writes, without it.
        return Converted(_tidy("\n\n".join(_escape_markup(_SPACES.sub(" ", part)) for part in _P_TAG.split(text))))
    return _convert(text, plain=False)


def html_to_plain(text: str) -> Converted:
    """The plain text of HTML on one line (a headline): tags dropped, entities decoded, nothing cut."""
    if not _TAG_HINT.search(text):
        return Converted(text.strip())
    converted = _convert(text, plain=True)
    return Converted(re.sub(r"\s*\n\s*", " ", converted.text), converted.dropped)


def keep_spaces(html_text: str) -> str:
    """Spell runs of spaces in HTML text as ``&#32;`` after the first (and every form feed, which HTML
    reads as a space), so a reader keeps them."""
    parts = _TAG_SPLIT.split(html_text)
    return "".join(part if part.startswith("<") else _SPACE_RUN.sub(lambda m: f"&#{ord(m.group())};", part)
                   for part in parts)


def markup_to_html(text: str) -> str:
    """Our inline markup as HTML for TimelineJS: one paragraph inline, several as ``<p>`` elements."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    # TimelineJS HTML needs no source newlines; a newline beside <br> would read back as a second break.
    if len(paragraphs) <= 1:
        return keep_spaces(inline_html(text).replace("\n", ""))
    return keep_spaces(block_html(text).replace("\n", ""))
