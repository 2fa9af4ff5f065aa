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

import re
import unicodedata
from collections.abc import Callable, Iterator

import attrs

from timeline.errors import Diagnostic, Severity
from timeline.model.timeline import Timeline

__all__ = [
    "ALLOWED_SCHEMES", "Scanner", "Token", "block_html", "check_links", "escape_html", "find_links", "inline_html",
    "safe_url", "shorten_url", "tokens", "unescape_html",
]

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def escape_html(text: str) -> str:
    """Escape text for HTML content and attribute values (the same output as markupsafe)."""
    return str(text).translate(_ESCAPES)


# A numeric character reference past U+10FFFF (8 or more decimal digits, 7 or more hex digits, leading
# zeros aside): html.unescape would convert all its digits first, failing past 4,300 of them.
_HUGE_CHARREF = re.compile(r"&#(?:0*[1-9][0-9]{7,}|[xX]0*[1-9a-fA-F][0-9a-fA-F]{6,});?")


def unescape_html(text: str) -> str:
    """``html.unescape``, bounded: a reference to no character (``&#99999999;``, or 5,000 digits) is U+FFFD,
    as HTML says and every browser shows it."""
    if "&" not in text:
        return text  # html.unescape's own answer, without importing html for the SVG path
    import html

    if "&#" in text:
        text = _HUGE_CHARREF.sub("\ufffd", text)
    return html.unescape(text)


#: The only URL schemes that become links.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Every C0/C1 control, whitespace and invisible format character (zero-width
# space, joiners, BOM...): browsers drop several of them inside a scheme, so
# "java\tscript:" and "java\u200bscript:" must be judged as "javascript:".
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n\s*")


def safe_url(url: str) -> str | None:
    """The URL to link to if its scheme is http, https or mailto, else None.

    Entities are decoded and whitespace, control and invisible characters
    dropped before the scheme is judged, so "&#106;avascript:", " JavaScript:"
    and "java\\tscript:" are all refused.  The link target is the URL as
    written, never the cleaned copy: only surrounding whitespace goes, and
    characters a URL cannot hold (spaces, quotes, ``<``, ``>``, controls) are
    percent-encoded, so ``my file.pdf`` links to ``my%20file.pdf``.
    """
    if not isinstance(url, str):
        return None
    cleaned = url
    for _ in range(3):  # "&amp;#106;" needs two rounds; more is an attack, not a URL
        decoded = unescape_html(cleaned)
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
    written = url.strip()
    if _SCHEME_RE.match(written) is None or written[:len(match.group(1))].lower() != match.group(1).lower():
        return cleaned  # the scheme itself was spelled with entities or invisible characters: link the plain form
    return _UNSAFE_IN_URL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), written)


# Characters a URL never holds literally (RFC 3986), percent-encoded in link targets.
_UNSAFE_IN_URL = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]')


def _unescape_marks(text: str) -> str:
    return re.sub(r"\\([\\*\[\]])", r"\1", text)


# -- the tokenizer ----------------------------------------------------------------
# One pass over the text, in linear time whatever it holds: runs of "[" or "*",
# unclosed links and emphasis cost no more than plain text.  Each construct is
# found the way the old regular expression found it (leftmost first, lazy
# closers), so output is unchanged, but nothing is ever scanned twice: link
# ends and "**" closers come from tables built right to left, and the
# emphasis scan remembers the outcome of every position it has passed.
#
#   \x        x one of \ * [ ]: the character itself
#   [text](url)   text: no unescaped "]" or newline; url: no spaces, one level of (...)
#   **strong**    opens before a non-space, closes at the first "**" after a non-space
#   *em*          opens before a non-space, non-"*"; may hold "**...**" (no "*" inside)

_ESCAPABLE = frozenset("\\*[]")


@attrs.frozen
class Token:
    """One piece of marked-up text: ``kind`` is text, escaped, link, strong or em."""

    kind: str
    text: str
    url: str = ""


class Scanner:
    """Splits one paragraph into tokens; ``steps`` counts the work done (linear in the length)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.steps = 0
        n = len(text)
        # boundary[j]: an even run of backslashes ends at j, so text[j] is not escaped.
        self._even = [True] * (n + 1)
        for j in range(1, n + 1):
            self.steps += 1
            self._even[j] = not (text[j - 1] == "\\" and self._even[j - 1])
        self._link_end = self._table(lambda j: text[j] in "]\n")
        self._strong_end = self._table(lambda j: text.startswith("**", j) and j > 0 and not text[j - 1].isspace())
        self._em_end: dict[int, int] = {}  # scan position -> closing "*" (or -1 for none)
        self._url_end: dict[int, int] = {}  # "](" position -> end of the link (or -1)

    def _table(self, stops: Callable[[int], bool]) -> list[int]:
        """For each position, the first unescaped position at or after it where ``stops`` holds (else n)."""
        n = len(self.text)
        out = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            self.steps += 1
            out[j] = j if self._even[j] and stops(j) else out[j + 1]
        return out

    def tokens(self) -> list[Token]:
        """Every token of the text, plain text included, in order."""
        text, n = self.text, len(self.text)
        out: list[Token] = []
        plain = i = 0
        while i < n:
            self.steps += 1
            found = self._at(i)
            if found is None:
                i += 1
                continue
            token, end = found
            if plain < i:
                out.append(Token("text", text[plain:i]))
            out.append(token)
            plain = i = end
        if plain < n:
            out.append(Token("text", text[plain:]))
        return out

    def _at(self, i: int) -> tuple[Token, int] | None:
        text, ch = self.text, self.text[i]
        if ch == "\\":
            if i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
                return Token("escaped", text[i + 1]), i + 2
            return None
        if ch == "[":
            return self._link(i)
        if ch == "*":
            return self._strong(i) or self._em(i)
        return None

    def _link(self, i: int) -> tuple[Token, int] | None:
        text = self.text
        close = self._link_end[i + 1]
        if close <= i + 1 or close >= len(text) or text[close] != "]" or not text.startswith("(", close + 1):
            return None
        end = self._url_end.get(close)
        if end is None:
            end = self._url_end[close] = self._url(close + 2)
        if end < 0:
            return None
        return Token("link", text[i + 1:close], text[close + 2:end - 1]), end

    def _url(self, k: int) -> int:
        """The end (after ")") of a URL (at least one character) starting at ``k``, or -1."""
        text, n = self.text, len(self.text)
        while k < n and text[k].isspace():
            self.steps += 1
            k += 1
        start = k
        while k < n:
            self.steps += 1
            c = text[k]
            if c == "(":
                m = k + 1
                while m < n and text[m] not in "()" and not text[m].isspace():
                    self.steps += 1
                    m += 1
                if m < n and text[m] == ")":
                    k = m + 1
                    continue
                break
            if c == ")" or c.isspace():
                break
            k += 1
        if k == start:
            return -1
        while k < n and text[k].isspace():
            self.steps += 1
            k += 1
        return k + 1 if k < n and text[k] == ")" else -1

    def _strong(self, i: int) -> tuple[Token, int] | None:
        text = self.text
        p = i + 2
        if not text.startswith("**", i) or p >= len(text) or text[p].isspace():
            return None
        close = self._strong_end[p + 1]
        if close >= len(text):
            return None
        return Token("strong", text[p:close]), close + 2

    def _em(self, i: int) -> tuple[Token, int] | None:
        text = self.text
        if i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] == "*":
            return None
        close = self._em_from(i + 1, first=True)
        return (Token("em", text[i + 1:close]), close + 1) if close >= 0 else None

    def _em_from(self, q: int, first: bool) -> int:
        """The closing "*" of emphasis whose content goes on at ``q`` (memoised by position), or -1."""
        text, n = self.text, len(self.text)
        visited: list[int] = []
        result = -1
        while q < n:
            self.steps += 1
            if not first:
                known = self._em_end.get(q)
                if known is not None:
                    result = known
                    break
                visited.append(q)
                if text[q] == "*" and not text[q - 1].isspace():
                    result = q
                    break
            first = False
            c = text[q]
            if c == "\\":
                if q + 1 >= n:
                    break
                q += 2
            elif c == "*":
                q = self._group(q)
                if q < 0:
                    break
            else:
                q += 1
        for v in visited:
            self._em_end[v] = result
        return result

    def _group(self, q: int) -> int:
        """The end of a "**...**" group (no "*" inside) inside emphasis, or -1."""
        text, n = self.text, len(self.text)
        if not text.startswith("**", q):
            return -1
        r = q + 2
        while r < n and text[r] != "*":
            self.steps += 1
            if text[r] == "\\":
                if r + 1 >= n:
                    return -1
                r += 2
            else:
                r += 1
        return r + 2 if r > q + 2 and text.startswith("**", r) else -1


#: A character that can start a mark (escape, link, emphasis); text without one is plain.
_MARK_START = re.compile(r"[\\*\[]")


def tokens(text: str) -> list[Token]:
    """The tokens of one paragraph of marked-up text (see :class:`Scanner`)."""
    if not _MARK_START.search(text):  # most cells and notes: one plain token, no per-character tables
        return [Token("text", text)] if text else []
    return Scanner(text).tokens()


def _inline_html(text: str) -> str:
    out: list[str] = []
    for token in tokens(text):
        if token.kind == "text":
            out.append(_text_html(token.text))
        elif token.kind == "escaped":
            out.append(escape_html(token.text))
        elif token.kind == "link":
            inner = _inline_html(token.text)
            target = safe_url(token.url)
            out.append(inner if target is None else f'<a href="{escape_html(target)}">{inner}</a>')
        else:
            tag = "strong" if token.kind == "strong" else "em"
            out.append(f"<{tag}>{_inline_html(token.text)}</{tag}>")
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
    if not text or "](" not in text:  # a link is "[text](url)": most texts hold none
        return
    for token in tokens(text):
        if token.kind == "link":
            yield _unescape_marks(token.text), token.url.strip()
            yield from find_links(token.text)
        elif token.kind in ("strong", "em"):
            yield from find_links(token.text)


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
