"""Render a timeline to a standalone HTML page or an embeddable ``<figure>``.

The page and the fragment come from Jinja2 templates (``templates/``):
``page.html.j2`` and ``fragment.html.j2`` both extend ``timeline.html.j2``,
which holds every content block.  Users override any template or block
with ``templates=DIR`` (docs/html.md).  The renderer is one module a stage:
html_env.py (the Jinja environment: where templates are looked for, what they
may call), html_view.py (the view model: entries of strings and
:class:`markupsafe.Markup`, so templates do no formatting and every piece of
data-driven text is escaped exactly once), and this module, which checks the
options, lays out the charts and writes the template's output, whole or
streamed in batches.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import jinja2

from timeline.errors import UsageError
from timeline.model.timeline import Timeline
from timeline.render.charts import embedded_charts
from timeline.render.html_env import (  # noqa: F401 - the names not used here are importable as before the split
    _AUTOESCAPE_SUFFIXES,
    _autoescape,
    _packaged_environment,
    make_environment,
)
from timeline.render.html_view import (  # noqa: F401 - the names not used here are importable as before the split
    _NOTHING,
    _URL_CLASS,
    _claim,
    _claim_groups,
    _context,
    _event,
    _Refs,
    _runs_html,
    _View,
    _when_html,
    datetime_value,
    noterefs,
)
from timeline.render.text import clean_document, clean_text, has_bidi, is_clean
from timeline.resources import packaged_templates

__all__ = ["THEMES", "datetime_value", "html_writer", "make_environment", "noterefs", "render_html"]

#: Colour themes of the page: "auto" follows the reader's light/dark preference.
THEMES = ("auto", "light", "dark", "print")

_PREFIX_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
#: Pieces of a template's output joined at a time (see _rendered).  A list entry or note is one piece
#: (the template gathers each), about 1 KB, so a batch holds a few hundred KB whatever the page's size.
_BATCH = 256


def render_html(
    tl: Timeline,
    fragment: bool = False,
    *,
    templates: str | Path | None = None,
    theme: str = "auto",
    orientation: str | None = None,
    id_prefix: str = "tl",
    include_context: bool = True,
    lang: str = "en",
    responsive: bool = True,
    plain_image: dict[str, Any] | None = None,
    **svg_options: Any,
) -> str:
    """Render a timeline to a standalone HTML page, or (``fragment=True``) one ``<figure>``.

    ``templates`` is a folder whose templates override the packaged ones;
    ``theme`` is "auto" (follows the reader's light/dark setting), "light",
    "dark" or "print"; ``id_prefix`` starts every id, so several timelines
    can share a page; ``responsive`` (default) also embeds a column and a phone chart,
    and CSS shows the one laid out for the figure's width; other keyword arguments go to
    the SVG renderer (``scale``, ``width``...).  The output is deterministic.
    ``plain_image`` (src, alt, width, height) renders the sanitiser-safe fragment around that
    image instead (see :func:`timeline.render.plain.render_plain`, which makes the image).
    """
    template, context = _prepared(tl, fragment, templates=templates, theme=theme, orientation=orientation,
                                  id_prefix=id_prefix, include_context=include_context, lang=lang,
                                  responsive=responsive, plain_image=plain_image, **svg_options)
    # One pass over the finished document removes controls and lone surrogates from any field,
    # and keeps each text's bidi overrides inside it.
    return clean_document(_rendered(template, context))


def html_writer(tl: Timeline, fragment: bool = False, **options: Any) -> Callable[[BinaryIO], None]:
    """What writes ``render_html(tl, fragment, **options)`` as UTF-8 into a binary file, in pieces.

    The charts and the view model are made now (so a mistake is reported before any file is
    touched); the returned function streams the template's output, so the whole page never sits
    in memory (at 100,000 events, hundreds of MB).  The bytes are exactly ``render_html``'s: a
    document with a bidi control is isolated text node by text node, which needs it whole, so
    on the first such character the writer goes back to where it started and writes it whole.
    """
    template, context = _prepared(tl, fragment, **options)

    def write(handle: BinaryIO) -> None:
        start = handle.tell()
        for text in _batches(template, context):
            if is_clean(text):  # most batches: one scan says there is nothing to remove or isolate
                handle.write(text.encode("utf-8"))
                continue
            if not text.isascii() and has_bidi(text):
                handle.seek(start)
                handle.truncate()
                handle.write(clean_document(_rendered(template, context)).encode("utf-8"))
                return
            handle.write(clean_text(text).encode("utf-8"))

    return write


def _prepared(tl: Timeline, fragment: bool, *, templates: str | Path | None = None, theme: str = "auto",
              orientation: str | None = None, id_prefix: str = "tl", include_context: bool = True,
              lang: str = "en", responsive: bool = True, plain_image: dict[str, Any] | None = None,
              **svg_options: Any) -> tuple[Any, dict[str, Any]]:
    """The template and its context for :func:`render_html`'s arguments (charts laid out, view model made)."""
    if theme not in THEMES:
        raise UsageError(f"theme must be one of {', '.join(THEMES)}; got {theme!r}")
    if not isinstance(id_prefix, str) or not _PREFIX_RE.fullmatch(id_prefix):
        raise UsageError(f"id_prefix must be letters, digits, '-' or '_' starting with a letter; got {id_prefix!r}")
    if not include_context:
        tl = tl.without_tags("context")
    if orientation is not None:
        svg_options["orientation"] = orientation
    svg_options.setdefault("include_context", include_context)
    if plain_image is None:
        charts = embedded_charts(tl, id_prefix, theme, svg_options, responsive=responsive)
        name = "fragment.html.j2" if fragment else "page.html.j2"
    else:
        charts, fragment, name = [], True, "plain.html.j2"
    env = make_environment(templates, theme) if templates is not None else _packaged_environment(theme)
    context = _context(tl, prefix=id_prefix, fragment=fragment, theme=theme, lang=lang, charts=charts)
    context["image"] = plain_image
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise UsageError(f"template '{exc.name}' not found in {templates or packaged_templates()}") from exc
    return template, context


def _rendered(template: jinja2.Template, context: dict[str, Any]) -> str:
    """``template.render(context)``, its pieces joined a batch at a time: render joins every piece at
    once, and at 100,000 events the list of its millions of small strings weighs more than the page."""
    return "".join(_batches(template, context))


def _batches(template: jinja2.Template, context: dict[str, Any]) -> Iterator[str]:
    """The template's output, ``_BATCH`` of its pieces joined at a time."""
    pieces = template.generate(context)
    while batch := list(itertools.islice(pieces, _BATCH)):
        yield "".join(batch)
