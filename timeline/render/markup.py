"""The inline markup as Jinja-safe HTML (the rules live in :mod:`timeline.markup`), and HTML escaping
as markupsafe escapes, without its Python wrappers where they do nothing."""

from __future__ import annotations

import markupsafe
from markupsafe import Markup, escape

from timeline.markup import (
    ALLOWED_SCHEMES,
    block_html,
    check_links,
    find_links,
    inline_html,
    safe_url,
)

__all__ = ["ALLOWED_SCHEMES", "block", "check_links", "escape_output", "escaped", "find_links", "inline", "link",
           "safe", "safe_url"]

#: The C function markupsafe 3's ``escape`` wraps (None in a markupsafe without it: then nothing is shortcut).
_ESCAPE_INNER = getattr(markupsafe, "_escape_inner", None)
_new_str = str.__new__


def escaped(text: str) -> str:
    """``str(escape(text))``: for a ``str``, the escaped text with no ``Markup`` made on the way."""
    if type(text) is str and _ESCAPE_INNER is not None:
        return _ESCAPE_INNER(text)  # type: ignore[no-any-return]
    return str(escape(text))


def safe(html: str) -> Markup:
    """``Markup(html)`` for a ``str`` of HTML, without ``Markup.__new__``'s checks (a ``str`` has no ``__html__``)."""
    return _new_str(Markup, html)


def escape_output(value: object) -> Markup:
    """``markupsafe.escape(value)``, for the two kinds a template writes most without markupsafe 3's
    Python wrappers: a ``str`` escaped by markupsafe's own C function and made ``Markup`` at once, a
    ``Markup`` as it is (escaping one gives an equal copy), an ``int`` as its digits.  Anything else
    (a bool, a subclass, an object with ``__html__``) goes to markupsafe."""
    kind = type(value)
    if kind is str:
        return _new_str(Markup, _ESCAPE_INNER(value))  # type: ignore[misc]  # only installed with it
    if kind is Markup:
        return value  # type: ignore[return-value]
    if kind is int:  # heading levels, note numbers: digits and a sign, nothing to escape
        return _new_str(Markup, int.__repr__(value))  # type: ignore[arg-type]
    return escape(value)


if _ESCAPE_INNER is None:  # a markupsafe without it (2.x, whose escape is all C): markupsafe's own
    escape_output = escape  # noqa: F811


def inline(text: str) -> Markup:
    """Inline markup as HTML with no paragraphs (blank lines become two line breaks)."""
    return Markup(inline_html(text))


def block(text: str) -> Markup:
    """Markup as HTML paragraphs: ``<p>`` per blank-line-separated paragraph."""
    return Markup(block_html(text))


def link(url: str, text: str | None = None, *, attrs: str = "") -> Markup:
    """An ``<a>`` to a safe URL showing ``text`` (default: the URL), or plain escaped text."""
    target = safe_url(url)
    label = escape(url.strip() if text is None else text)
    if target is None:
        return Markup(label)
    extra = f" {attrs}" if attrs else ""
    return Markup(f'<a href="{escape(target)}"{extra}>{label}</a>')
