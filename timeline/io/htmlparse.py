"""The HTML parser behind :func:`timeline.io.markup.html_to_markup` for text with tags beyond paragraphs.

Its own module so that reading a sheet whose cells are plain text or ``<p>``
paragraphs (the usual ones) imports no ``html.parser``.
"""

from __future__ import annotations

import html.entities
from html.parser import HTMLParser

from timeline.io.markup import _SPACES, _escape_markup
from timeline.markup import safe_url, unescape_html

__all__ = ["ToMarkup"]

_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
_BLOCKS = {"p", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"}
_VOID_DROPPED = {"img", "hr", "input", "meta", "link", "wbr", "source", "embed"}
_SKIP_CONTENT = {"script", "style", "iframe", "object", "template"}


class ToMarkup(HTMLParser):
    """Collects the markup (or plain text) of fed HTML, and the names of the tags it dropped."""

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
