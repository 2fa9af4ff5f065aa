"""Our small inline markup, and the one link policy every reader and writer shares.

Descriptions, event texts, notes and claim notes may use a few marks
(documented in docs/html.md):

* ``*emphasis*`` and ``**strong**``;
* ``[text](url)`` links, where the URL must be http, https or mailto;
* a blank line starts a new paragraph, a single newline is a line break;
* a backslash before ``*``, ``[``, ``]`` or ``\\`` keeps it literal.

Nothing else becomes HTML.  A link with any other scheme (``javascript:``,
``data:``, ``vbscript:``, relative paths...) is shown as its plain text and
reported by :func:`check_links` as a warning.  This module sits beside the
model (it imports no renderer and no jinja2), so the TimelineJS reader and
writer, ``timeline check`` and the HTML renderer all apply the same rules.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from timeline.errors import Diagnostic, Severity
from timeline.model import Timeline

__all__ = [
    "ALLOWED_SCHEMES", "block_html", "check_links", "escape_html", "find_links", "inline_html", "safe_url", "shorten_url",
]

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def escape_html(text: str) -> str:
    """Escape text for HTML content and attribute values (the same output as markupsafe)."""
    return str(text).translate(_ESCAPES)


#: The only URL schemes that become links.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Every C0/C1 control, whitespace and invisible format character (zero-width
# space, joiners, BOM...): browsers drop several of them inside a scheme, so
# "java\tscript:" and "java\u200bscript:" must be judged as "javascript:".
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

# One level of balanced parentheses inside a URL, for Wikipedia-style titles.
_URL = r"(?:[^()\s]|\([^()\s]*\))+"
_TOKEN_RE = re.compile(
    r"(?P<escaped>\\[\\*\[\]])"
    r"|\[(?P<text>(?:\\.|[^\]\\\n])+)\]\((?P<url>\s*" + _URL + r"?\s*)\)"
    r"|\*\*(?P<strong>(?=\S)(?:\\.|[^\\])+?(?<=\S))\*\*"
    r"|\*(?P<em>(?=[^\s*])(?:\\.|\*\*(?:\\.|[^\\*])+?\*\*|[^\\*])+?(?<=\S))\*",
    re.DOTALL,
)
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n\s*")


def safe_url(url: str) -> str | None:
    """The URL to link to if its scheme is http, https or mailto, else None.

    Entities are decoded and whitespace, control and invisible characters
    dropped before the scheme is read, so "&#106;avascript:", " JavaScript:"
    and "java\\tscript:" are all refused.  The cleaned URL is returned.
    """
    if not isinstance(url, str):
        return None
    cleaned = url
    for _ in range(3):  # "&amp;#106;" needs two rounds; more is an attack, not a URL
        decoded = html.unescape(cleaned)
        if decoded == cleaned:
            break
        cleaned = decoded
    cleaned = unicodedata.normalize("NFKC", _INVISIBLE_RE.sub("", cleaned))
    cleaned = _INVISIBLE_RE.sub("", cleaned)
    match = _SCHEME_RE.match(cleaned)
    if not match or match.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    rest = cleaned[match.end():]
    if match.group(1).lower() != "mailto" and not rest.startswith("//"):
        return None
    if len(rest.strip("/")) == 0:
        return None
    return cleaned


def _unescape_marks(text: str) -> str:
    return re.sub(r"\\([\\*\[\]])", r"\1", text)


def _inline_html(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _TOKEN_RE.finditer(text):
        out.append(_text_html(text[pos:match.start()]))
        pos = match.end()
        if match.group("escaped"):
            out.append(escape_html(match.group("escaped")[1]))
        elif match.group("url") is not None and match.group("text") is not None:
            inner = _inline_html(match.group("text"))
            target = safe_url(match.group("url"))
            if target is None:
                out.append(inner)
            else:
                out.append(f'<a href="{escape_html(target)}">{inner}</a>')
        elif match.group("strong") is not None:
            out.append(f"<strong>{_inline_html(match.group('strong'))}</strong>")
        else:
            out.append(f"<em>{_inline_html(match.group('em'))}</em>")
    out.append(_text_html(text[pos:]))
    return "".join(out)


def _text_html(text: str) -> str:
    lines = escape_html(text).split("\n")
    return "<br>\n".join(line.rstrip(" \t") if i < len(lines) - 1 else line for i, line in enumerate(lines))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def inline_html(text: str) -> str:
    """Inline markup as HTML with no paragraphs (blank lines become two line breaks)."""
    paragraphs = [p for p in _PARAGRAPH_RE.split(_normalise(text or "")) if p]
    return "<br>\n<br>\n".join(_inline_html(p) for p in paragraphs)


def block_html(text: str) -> str:
    """Markup as HTML paragraphs: ``<p>`` per blank-line-separated paragraph."""
    paragraphs = [p for p in _PARAGRAPH_RE.split(_normalise(text or "")) if p]
    return "\n".join(f"<p>{_inline_html(p)}</p>" for p in paragraphs)


def find_links(text: str) -> Iterator[tuple[str, str]]:
    """Every ``[text](url)`` link in marked-up text, as (text, url) pairs."""
    for match in _TOKEN_RE.finditer(text or ""):
        if match.group("url") is not None and match.group("text") is not None:
            yield _unescape_marks(match.group("text")), match.group("url").strip()
            yield from find_links(match.group("text"))
        else:
            for name in ("strong", "em"):
                if match.group(name):
                    yield from find_links(match.group(name))


def shorten_url(url: str, limit: int = 60) -> str:
    """A URL fit for a message: invisible characters shown as spaces, long ones cut with an ellipsis."""
    url = _INVISIBLE_RE.sub(" ", url)
    return url if len(url) <= limit else url[: limit - 1] + "…"


def check_links(tl: Timeline) -> list[Diagnostic]:
    """Warnings for every link the HTML renderer will refuse to make.

    Covers links in the description, event texts and notes, claim notes,
    era texts, media URLs and source URLs.  ``timeline check`` should print
    these; rendering shows the refused links as plain text.
    """
    diagnostics: list[Diagnostic] = []

    def refuse(where: str, url: str) -> None:
        diagnostics.append(Diagnostic(
            Severity.WARNING,
            f"{where}: link to '{shorten_url(url)}' is shown as plain text: "
            f"only http://, https:// and mailto: links are allowed",
        ))

    def scan(where: str, text: str) -> None:
        for _label, url in find_links(text):
            if safe_url(url) is None:
                refuse(where, url)

    scan("timeline description", tl.description)
    for ev in sorted(tl.events, key=lambda e: e.id):
        where = f"event '{ev.id}'"
        scan(f"{where} text", ev.text)
        scan(f"{where} note", ev.note)
        for i, claim in enumerate(ev.claims, 1):
            scan(f"{where} claim {i} note", claim.note)
        if ev.media is not None:
            if ev.media.url and safe_url(ev.media.url) is None:
                refuse(f"{where} media url", ev.media.url)
            scan(f"{where} media caption", ev.media.caption)
            scan(f"{where} media credit", ev.media.credit)
    for era in sorted(tl.eras, key=lambda e: e.id):
        scan(f"era '{era.id}' text", era.text)
    for sid in sorted(tl.sources):
        src = tl.sources[sid]
        if src.url and safe_url(src.url) is None:
            refuse(f"source '{sid}' url", src.url)
    return diagnostics
