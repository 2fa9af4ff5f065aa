"""The inline markup as Jinja-safe HTML (the rules live in :mod:`timeline.markup`)."""

from __future__ import annotations

from markupsafe import Markup, escape

from timeline.markup import (
    ALLOWED_SCHEMES,
    block_html,
    check_links,
    find_links,
    inline_html,
    safe_url,
)

__all__ = ["ALLOWED_SCHEMES", "block", "check_links", "find_links", "inline", "link", "safe_url"]


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
