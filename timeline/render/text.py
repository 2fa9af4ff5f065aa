"""Text hygiene shared by the renderers."""

from __future__ import annotations

import re

__all__ = ["clean_text", "dom_key"]

# Characters XML 1.0 allows: tab, LF, CR, and the ranges below (no lone surrogates, no U+FFFE/FFFF).
# HTML forbids the same controls and noncharacters, so one rule serves both outputs.
_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """Text with characters illegal in XML 1.0 (controls, lone surrogates, U+FFFE/F) removed."""
    return _ILLEGAL_XML.sub("", text)


_KEPT_IN_KEYS = re.compile(r"[A-Za-z0-9_-]+")


def dom_key(text: str) -> str:
    """An injective spelling of any string with only ``[A-Za-z0-9_.-]``, for ids and space-separated lists.

    Letters, digits, ``_`` and ``-`` stay; every other character becomes
    ``.{hex}.`` (``a:b`` → ``a.3a.b``, ``a.b`` → ``a.2e.b``, a space → ``.20.``), so
    ``a:b`` and ``a_b`` can no longer meet in one id, and a tag with a space
    stays one word in ``data-tags``.  The SVG and the HTML page both build
    their ids with it, so a link from one to the other always arrives.
    """
    out, pos = [], 0
    for match in _KEPT_IN_KEYS.finditer(text):
        out.extend(f".{ord(c):x}." for c in text[pos:match.start()])
        out.append(match.group())
        pos = match.end()
    out.extend(f".{ord(c):x}." for c in text[pos:])
    return "".join(out)
