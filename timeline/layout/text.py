"""Text measurement with DejaVu Sans advance widths, wrapping and shortening.

The SVG names DejaVu Sans first in its font stack, so the widths used here
are the widths a renderer draws (within kerning, which we do not apply).
"""

from __future__ import annotations

from functools import lru_cache

from timeline.layout._dejavu_widths import BOLD, FALLBACK, REGULAR

__all__ = ["ELLIPSIS", "FONT_STACK", "measure", "shorten", "wrap"]

FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, 'Segoe UI', sans-serif"
ELLIPSIS = "…"


def _table(blocks: tuple) -> dict[str, int]:
    out: dict[str, int] = {}
    for first, widths in blocks:
        for offset, width in enumerate(widths):
            if width:
                out[chr(first + offset)] = width
    return out


_WIDTHS = {False: _table(REGULAR), True: _table(BOLD)}


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool) -> int:
    table = _WIDTHS[bold]
    return sum(table.get(ch, FALLBACK) for ch in text)


def measure(text: str, size: float, *, bold: bool = False) -> float:
    """Advance width of ``text`` in px at font ``size`` px (DejaVu Sans, no kerning)."""
    return _units(text, bold) * size / 1000.0


def shorten(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """Cut ``text`` at a word (or character) boundary and add an ellipsis so it fits ``max_width``."""
    if measure(text, size, bold=bold) <= max_width:
        return text
    budget = max_width - measure(ELLIPSIS, size, bold=bold)
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if measure(candidate, size, bold=bold) > budget:
            break
        kept = candidate
    if not kept or measure(kept, size, bold=bold) < budget * 0.6:
        # One long word, or a cut that wastes most of the line: cut mid-word.
        kept = ""
        for ch in text:
            if measure(kept + ch, size, bold=bold) > budget:
                break
            kept += ch
    return kept.rstrip(" ,;:–-") + ELLIPSIS


def wrap(text: str, size: float, max_width: float, *, max_lines: int = 2, bold: bool = False) -> tuple[str, ...]:
    """Break ``text`` into at most ``max_lines`` lines no wider than ``max_width``; the last is shortened."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if measure(candidate, size, bold=bold) <= max_width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join([word, *words[i + 1:]])
            break
    if current:
        lines.append(current)
    if not lines:
        return ("",)
    lines = [shorten(line, size, max_width, bold=bold) for line in lines]
    return tuple(lines[:max_lines])
