"""Two rewrites of the SVG's own CSS for charts embedded in HTML: scoping, and light-dark().

An inline SVG's ``<style>`` applies to the whole HTML document, so the page's several charts
(each laid out for its own width, with its own font sizes) and the host page around a
fragment would all share one set of ``.label`` rules.  :func:`scope` puts every rule under
the chart's container.  :func:`light_dark` merges the light and dark themes into one sheet
of ``light-dark()`` colours, so an embedded ``auto`` chart follows the ``color-scheme`` of
the page it sits in (light unless the host says dark) instead of the reader's system setting.

Both work on the packaged stylesheets' plain shape: ``selectors { declarations }`` and
``@media (...) { rules }``, no strings containing braces.
"""

from __future__ import annotations

import functools
import re

__all__ = ["light_dark", "scope"]

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_HEX = re.compile(r"#[0-9A-Fa-f]{3,8}")
_BRACES = re.compile(r"[{}]")


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs; a body keeps its nested blocks as text."""
    out: list[tuple[str, str]] = []
    depth, start, prelude = 0, 0, ""
    for brace in _BRACES.finditer(css):  # only the braces: a chart's sheet is ~10 kB, read for every chart
        i = brace.start()
        if brace.group() == "{":
            if depth == 0:
                prelude, start = css[start:i].strip(), i + 1
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                out.append((prelude, css[start:i]))
                start = i + 1
    return out


def scope(css: str, root: str) -> str:
    """Every rule of ``css`` limited to descendants of the selector ``root``; @media kept."""
    out: list[str] = []
    for prelude, body in _blocks(_COMMENT.sub("", css)):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            out.append(f"{prelude} {{\n{scope(body, root)}}}\n")
        elif prelude.startswith("@"):
            out.append(f"{prelude} {{{body}}}\n")
        else:
            selectors = ", ".join(f"{root} {s.strip()}" for s in prelude.split(","))
            out.append(f"{selectors} {{{body}}}\n")
    return "".join(out)


def _declarations(body: str) -> list[tuple[str, str]]:
    pairs = []
    for part in body.split(";"):
        if ":" in part:
            name, _, value = part.partition(":")
            pairs.append((name.strip(), value.strip()))
    return pairs


@functools.lru_cache(maxsize=8)
def light_dark(light: str, dark: str) -> str:
    """One sheet from two themes of the same rules: each colour that differs becomes light-dark(L, D).

    A rule or value found in one theme only, or a non-colour that differs (an opacity), keeps
    the light theme's value, so the merge never produces a sheet darker than the light theme.
    """
    dark_rules = {prelude: dict(_declarations(body)) for prelude, body in _blocks(_COMMENT.sub("", dark))}
    out: list[str] = []
    for prelude, body in _blocks(_COMMENT.sub("", light)):
        other = dark_rules.get(prelude, {})
        decls = []
        for name, value in _declarations(body):
            alt = other.get(name, value)
            if alt != value and _HEX.fullmatch(value) and _HEX.fullmatch(alt):
                value = f"light-dark({value}, {alt})"
            decls.append(f"{name}: {value};")
        out.append(f"{prelude} {{ {' '.join(decls)} }}\n")
    return "".join(out)
