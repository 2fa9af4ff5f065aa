"""Text hygiene shared by the renderers."""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "clean_document", "clean_text", "dom_key", "has_bidi", "is_clean", "isolate_bidi",
           "isolate_text_nodes"]

# Characters XML 1.0 allows: tab, LF, CR, U+0020-D7FF, U+E000-FFFD and U+10000-10FFFF (no lone
# surrogates, no U+FFFE/FFFF).  HTML forbids the same controls and noncharacters, so one rule serves
# both outputs.  The pattern names the complement, the characters refused: the same set, but the
# negated class over the astral planes took ~8 ms to compile at every start.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text with characters illegal in XML 1.0 (controls, lone surrogates, U+FFFE/F) removed."""
    if text.isprintable():  # no control, surrogate or unassigned character (U+FFFE/F are unassigned)
        return text
    return _ILLEGAL_XML.sub("", text)


#: The explicit bidirectional formatting characters: embeddings, overrides and their PDF (U+202A-E),
#: isolates and their PDI (U+2066-9), and the marks LRM, RLM and ALM.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_FSI, _PDI = "\u2068", "\u2069"
_ISOLATE_OPENERS = "\u2066\u2067\u2068"


def has_bidi(text: str) -> bool:
    """True when the text holds an explicit bidirectional formatting character."""
    return _BIDI.search(text) is not None


def _isolate_depths(text: str) -> tuple[int, int, bool]:
    """Isolates left open, PDIs that close nothing, and whether a leading FSI is closed only by the last PDI."""
    depth = strays = 0
    sealed = text.startswith(_FSI) and text.endswith(_PDI)
    for match in _BIDI.finditer(text):
        char = match.group()
        if char in _ISOLATE_OPENERS:
            depth += 1
        elif char == _PDI:
            if depth:
                depth -= 1
                if depth == 0 and match.end() < len(text):
                    sealed = False
            else:
                strays += 1
    return depth, strays, sealed and depth == 0 and strays == 0


def isolate_bidi(text: str) -> str:
    """Text whose bidi controls cannot act past its end: wrapped in FSI ... PDI when it holds any.

    A U+202E (RIGHT-TO-LEFT OVERRIDE) in a title still reverses what follows
    it in that title, as its author asked, but no longer the footnote
    numbers, the date or the next label after it.  The characters are kept;
    isolates the text leaves open are closed, a PDI that closes nothing gets
    an FSI of its own, and text already isolated so is left as it is.
    """
    if text.isascii() or not _BIDI.search(text):
        return text
    depth, strays, sealed = _isolate_depths(text)
    if sealed:
        return text
    return _FSI * (1 + strays) + text + _PDI * (depth + 1)


# A text node, or what must be passed whole: a comment, CDATA, a tag, <script>/<style> with their content.
_NODES = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(script|style)\b.*?</\1\s*>|<[^>]*>|[^<]+",
                    re.DOTALL | re.IGNORECASE)


def isolate_text_nodes(document: str) -> str:
    """An HTML or XML document with :func:`isolate_bidi` applied to each text node (not tags, scripts, styles)."""
    if document.isascii() or not _BIDI.search(document):
        return document
    return "".join(isolate_bidi(part) if part[0] != "<" else part
                   for part in (m.group() for m in _NODES.finditer(document)))


#: Any character either pass below would act on: one scan of a clean page instead of two.
_SUSPECT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff{BIDI_CONTROLS}]")


def is_clean(text: str) -> bool:
    """True when neither :func:`clean_text` nor a bidi isolate has anything to do in the text (one scan:
    ``clean_text``'s shortcut never serves a page, whose newlines are not printable)."""
    return _SUSPECT.search(text) is None


def clean_document(document: str) -> str:
    """``isolate_text_nodes(clean_text(document))``, in one scan when there is nothing to clean or isolate."""
    if is_clean(document):
        return document
    return isolate_text_nodes(clean_text(document))


_KEPT_IN_KEYS = re.compile(r"[A-Za-z0-9_-]+")


def dom_key(text: str) -> str:
    """An injective spelling of any string with only ``[A-Za-z0-9_.-]``, for ids and space-separated lists.

    Letters, digits, ``_`` and ``-`` stay; every other character becomes
    ``.{hex}.`` (``a:b`` → ``a.3a.b``, ``a.b`` → ``a.2e.b``, a space → ``.20.``), so
    ``a:b`` and ``a_b`` can no longer meet in one id, and a tag with a space
    stays one word in ``data-tags``.  The SVG and the HTML page both build
    their ids with it, so a link from one to the other always arrives.
    """
    if _KEPT_IN_KEYS.fullmatch(text):  # most ids and tags: nothing to spell out
        return text
    return _spelled(text)


def _spelled(text: str) -> str:
    """:func:`dom_key` the long way: each run of kept characters, and each other character spelled."""
    out, pos = [], 0
    for match in _KEPT_IN_KEYS.finditer(text):
        out.extend(f".{ord(c):x}." for c in text[pos:match.start()])
        out.append(match.group())
        pos = match.end()
    out.extend(f".{ord(c):x}." for c in text[pos:])
    return "".join(out)
