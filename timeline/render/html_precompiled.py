"""The packaged templates as the Python code Jinja generates from them, made ahead of time.

Compiling ``timeline.html.j2`` and what it includes costs Jinja ~25 ms at every start (lexer,
parser, code generator, then Python's compiler): a tenth of rendering the bundled timeline.  So
``templates/precompiled/`` keeps the code Jinja generates for each packaged template, one file
each, and Python caches it as bytecode as it does any module (nothing is written at run time that
importing a module would not write).  :class:`Precompiled` gives Jinja that code only when the
file's first line names the Jinja version running and the SHA-256 of the packaged template as it
is now; otherwise the next loader compiles the template as usual.  A user's own templates are
never precompiled.  ``tests/test_fast_paths.py`` checks the files against a fresh generation
(``TIMELINE_UPDATE_GOLDEN=1`` rewrites them) and the pages against compiling.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from importlib.machinery import SourceFileLoader
from pathlib import Path
from typing import Any

import jinja2

__all__ = ["Precompiled", "generate", "module_name"]

#: Which packaged files are templates Jinja loads (the SVG's stylesheets, in svg/, are read as text).
_SUFFIXES = (".j2", ".css", ".js")


def module_name(template: str) -> str:
    """The file in ``templates/precompiled/`` holding a template's code: ``timeline.html.j2`` → ``timeline_html_j2.py``."""
    return template.replace(".", "_").replace("-", "_") + ".py"


def _header(template: str, source: bytes) -> str:
    digest = hashlib.sha256(source).hexdigest()
    return (f"# Jinja {jinja2.__version__} generated this from {template} (sha256 {digest}); "
            f"TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.\n")


class Precompiled(jinja2.BaseLoader):
    """The packaged templates in ``folder`` from their precompiled code, when it is current (see the module)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, environment: jinja2.Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        if "/" in name:  # "default/page.html.j2" and other paths: compiled
            raise jinja2.TemplateNotFound(name)
        code_file = self.folder / "precompiled" / module_name(name)
        try:
            with code_file.open(encoding="utf-8") as f:
                head = f.readline()
            current = head == _header(name, (self.folder / name).read_bytes())
        except OSError:
            current = False
        if not current:
            raise jinja2.TemplateNotFound(name)
        key = f"timeline_template_{code_file.stem}"
        code = SourceFileLoader(key, str(code_file)).get_code(key)
        return environment.template_class.from_code(environment, code, environment.make_globals(globals),
                                                    _always_current)


def _always_current() -> bool:
    return True  # the environment never reloads (auto_reload=False); a packaged template does not change


def generate(environment: jinja2.Environment, folder: Path) -> dict[str, str]:
    """The files of ``folder/precompiled/``: each packaged template's code, as ``environment`` compiles it."""
    out = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name.endswith(_SUFFIXES):
            source = path.read_bytes()
            code = environment.compile(source.decode("utf-8"), path.name, raw=True)
            out[module_name(path.name)] = _header(path.name, source) + code + "\n"
    return out
