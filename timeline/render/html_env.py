"""The Jinja environment of the HTML renderer: where templates are looked for, and what they may call.

A user's folder first, then its theme folder, then the packaged theme, then the packaged
templates (precompiled when current, :mod:`timeline.render.html_precompiled`), each also
reachable as ``default/<name>`` so that an override can extend what it replaces.  Autoescape
follows the file suffix, undefined names are errors (``StrictUndefined``), and the filters
and globals the templates use are registered here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from timeline.errors import UsageError
from timeline.render import markup
from timeline.render.html_precompiled import Precompiled
from timeline.render.html_view import noterefs
from timeline.render.text import dom_key
from timeline.resources import packaged_templates

__all__ = ["make_environment"]

_AUTOESCAPE_SUFFIXES = (".html.j2", ".html", ".xml", ".xml.j2", ".htm")


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(_AUTOESCAPE_SUFFIXES)


class _Template(jinja2.Template):
    """A template whose autoescaping is :func:`markup.escape_output`: the code Jinja generates calls its
    module's name ``escape`` (markupsafe's) for every ``{{ value }}``, and markupsafe 3's Python wrappers
    around its C function were a fifth of a long page's template time.  The text is the same."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: MutableMapping[str, Any],
                  uptodate: Callable[[], bool] | None = None) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__
        if markup._ESCAPE_INNER is not None and namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = markup.escape_output
        return template


@functools.lru_cache(maxsize=8)
def _packaged_environment(theme: str) -> jinja2.Environment:
    """The environment for the packaged templates, built once per theme so templates compile once.

    A user's folder is not cached: templates edited between calls (say, in a notebook) take effect.
    """
    return make_environment(None, theme)


def make_environment(templates: str | Path | None = None, theme: str = "auto") -> jinja2.Environment:
    """The Jinja environment: user folder, then theme folder, then packaged defaults.

    The packaged defaults are also reachable as ``default/<name>``, so a
    user template may extend the one it replaces
    (``{% extends "default/page.html.j2" %}``).
    """
    packaged = packaged_templates()
    search: list[jinja2.BaseLoader] = []
    if templates is not None:
        user = Path(templates)
        if not user.is_dir():
            raise UsageError(f"templates must be a folder of templates; got '{user}', which is not a folder")
        search.append(jinja2.FileSystemLoader(str(user)))
        if (user / "themes" / theme).is_dir():
            search.append(jinja2.FileSystemLoader(str(user / "themes" / theme)))
    if (packaged / "themes" / theme).is_dir():
        search.append(jinja2.FileSystemLoader(str(packaged / "themes" / theme)))
    search.append(Precompiled(packaged))  # the packaged templates as Jinja compiled them ahead of time
    search.append(jinja2.FileSystemLoader(str(packaged)))
    search.append(jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(packaged))}))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(search),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.template_class = _Template
    env.filters["markup"] = markup.block
    env.filters["inline_markup"] = markup.inline
    env.filters["link"] = markup.link
    env.filters["dom_key"] = dom_key
    env.globals["safe_url"] = markup.safe_url
    env.globals["noterefs"] = noterefs
    return env
