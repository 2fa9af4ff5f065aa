"""The pipeline's layering, checked by parsing imports with ast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import timeline

PACKAGE = Path(timeline.__file__).parent

# What each layer may import from the package at module level (function-level
# imports are allowed for the lazy conveniences listed in docs/design.md).
ALLOWED = {
    "errors": set(),
    "_memo": set(),
    "_prechecked": set(),
    "atomic": {"errors"},
    "dates": {"errors"},
    "model": {"errors", "dates", "_memo"},
    "cite": {"errors", "dates", "model"},
    "markup": {"errors", "dates", "model"},
    "support": {"errors", "dates", "model", "_memo"},
    "io": {"atomic", "errors", "dates", "model", "markup", "support", "io", "_lazy", "_prechecked"},
    "layout": {"errors", "dates", "model", "cite", "support", "layout", "_memo"},
    "render": {"errors", "dates", "model", "cite", "markup", "support", "layout", "render", "resources"},
    "resources": set(),
    "_lazy": set(),
}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _module_level_imports(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.If):  # TYPE_CHECKING blocks import nothing at run time
            continue
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _all_imports(tree: ast.Module) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    """No module imports a later stage of the pipeline at module level."""
    layer = _layer(path)
    if layer not in ALLOWED:
        return  # cli, __init__, __main__: the top, may import anything
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in _module_level_imports(tree):
        if name.startswith("timeline."):
            target = name.split(".")[1]
            assert target in ALLOWED[layer] or target == layer, f"{path.name}: {layer} must not import {name}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_third_party_imports_stay_in_their_module(path: Path) -> None:
    """svgwrite only in render/svg.py; jinja2 only in render/html*.py; io never reaches layout/render."""
    rel = str(path.relative_to(PACKAGE))
    names = _all_imports(ast.parse(path.read_text(encoding="utf-8")))
    if any(n.split(".")[0] == "svgwrite" for n in names):
        assert rel == "render/svg.py"
    if any(n.split(".")[0] == "jinja2" for n in names):
        assert rel.startswith("render/html")
    if rel.startswith(("io/", "layout/")) or rel.startswith("dates/") or rel in {"errors.py", "cite.py", "markup.py"}:
        assert not any(n.startswith(("timeline.render", "timeline.cli")) for n in names), rel
    if rel.startswith("io/"):
        assert not any(n.startswith("timeline.layout") for n in names), rel
