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

import re
from typing import NamedTuple

from timeline.markup import block_html, inline_html

__all__ = ["Converted", "html_to_markup", "html_to_plain", "keep_spaces", "markup_to_html"]

_TAG_HINT = re.compile(r"<[A-Za-z!/]|&[#A-Za-z0-9]+;")
# A "<" before a letter that no ">" closes before the next "<".  html.parser rescans the rest of
# the text for the end of every such tag (45 s for 60 KB of "<a "), so these become text first;
# the lookahead stops at the next "<" or ">", so the pass is linear.
_UNCLOSED_TAG = re.compile(r"<(?=[A-Za-z])(?![A-Za-z][^<>]*>)")
_BAD_MARKED_SECTION = re.compile(r"<!\[(?![A-Za-z])")
_MARKUP_ESCAPES = str.maketrans({mark: f"\\{mark}" for mark in "\\*[]"})  # each mark after a backslash
# A form feed (HTML reads it as a space), or a space or tab after another.
_SPACE_RUN = re.compile(r"\f|(?<=[ \t\f])[ \t]")
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_PARAGRAPHS_ONLY = re.compile(r"(?:</?p>|[^<>&])*")
_P_TAG = re.compile(r"</?p>")
_NEWLINE_SPACES = re.compile(r"[ \t]*\n[ \t]*")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\f]+")  # HTML collapses them (htmlparse.ToMarkup.handle_data); U+000B is not HTML space


def _escape_markup(text: str) -> str:
    # Most text holds no mark: four scans in C, where translate's per-character mapping costs ~20x that.
    if "\\" in text or "*" in text or "[" in text or "]" in text:
        return text.translate(_MARKUP_ESCAPES)
    return text


class Converted(NamedTuple):
    """Markup text, and the names of the HTML tags that were dropped (sorted)."""

    text: str
    dropped: tuple[str, ...] = ()


#: Makes a Converted as ``Converted(...)`` does, without its Python-level ``__new__`` (twice a sheet's row).
_new_tuple = tuple.__new__


def _tidy(text: str) -> str:
    if "\n" in text:
        text = _NEWLINE_SPACES.sub("\n", text)
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _convert(text: str, plain: bool) -> Converted:
    from timeline.io.htmlparse import ToMarkup  # html.parser only for text with tags beyond paragraphs

    parser = ToMarkup(plain)
    # "<![" before anything but a name makes html.parser fail an assertion; it is text, as a browser shows it.
    parser.feed(_BAD_MARKED_SECTION.sub("&lt;![", _UNCLOSED_TAG.sub("&lt;", text)))
    parser.close()
    return Converted(_tidy("".join(parser.out)), tuple(sorted(parser.dropped)))


def html_to_markup(text: str) -> Converted:
    """Convert TimelineJS HTML to our inline markup; plain text keeps every character (marks escaped)."""
    if not _TAG_HINT.search(text):
        return _new_tuple(Converted, (_escape_markup(text.strip()), ()))
    if _PARAGRAPHS_ONLY.fullmatch(text):
        # Paragraphs of text (the TimelineJS editor's usual HTML): what the parser writes, without it.
        parts = [_escape_markup(_SPACES.sub(" ", part) if "  " in part or "\t" in part or "\f" in part else part)
                 for part in _P_TAG.split(text)]  # a space alone is already what the substitution makes
        return _new_tuple(Converted, (_tidy("\n\n".join(parts)), ()))
    return _convert(text, plain=False)


def html_to_plain(text: str) -> Converted:
    """The plain text of HTML on one line (a headline): tags dropped, entities decoded, nothing cut."""
    if not _TAG_HINT.search(text):
        return _new_tuple(Converted, (text.strip(), ()))
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
