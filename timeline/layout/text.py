"""Text measurement with DejaVu Sans advance widths, wrapping and shortening.

The SVG names DejaVu Sans first in its font stack, so the widths used here
are the widths a renderer draws (within kerning, which we do not apply).

Widths are summed as integer font units and scaled once, so the width of
``a + " " + b`` is exactly ``units(a) + units(" ") + units(b)`` scaled: the
wrapping and shortening loops add word widths instead of re-measuring ever
longer candidate strings (which made them quadratic in the text length).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from timeline.layout._dejavu_widths import BOLD, FALLBACK, REGULAR

__all__ = ["ELLIPSIS", "FONT_STACK", "measure", "shorten", "units", "wrap", "wrap_runs", "wrap_whole"]

FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, 'Segoe UI', sans-serif"
ELLIPSIS = "…"


class _Widths(dict):
    """Advance widths by character; a character the table lacks (or gives 0) measures FALLBACK."""

    def __missing__(self, ch: str) -> int:
        return FALLBACK


def _table(blocks: tuple) -> _Widths:
    out = _Widths()
    for first, widths in blocks:
        for offset, width in enumerate(widths):
            if width:
                out[chr(first + offset)] = width
    return out


_WIDTHS = {False: _table(REGULAR), True: _table(BOLD)}
_GET = {False: _WIDTHS[False].__getitem__, True: _WIDTHS[True].__getitem__}

# Measured strings, per weight.  Bounded: cleared when full (labels and words repeat within
# one layout, not across a long-lived process).
_CACHE_MAX = 1 << 16
_CACHE: dict[bool, dict[str, int]] = {False: {}, True: {}}


def _units(text: str, bold: bool) -> int:
    cache = _CACHE[bold]
    units = cache.get(text)
    if units is None:
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        units = cache[text] = sum(map(_GET[bold], text))
    return units


def units(text: str, *, bold: bool = False) -> int:
    """Advance width of ``text`` in font units (1000 to the em): widths of pieces add up exactly."""
    return _units(text, bold)


def measure(text: str, size: float, *, bold: bool = False) -> float:
    """Advance width of ``text`` in px at font ``size`` px (DejaVu Sans, no kerning)."""
    return _units(text, bold) * size / 1000.0


def shorten(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """Cut ``text`` after its last word that fits and add an ellipsis so it fits ``max_width``.

    A word is cut only when the first word alone is too wide.  Labels never come here: a label is
    shown whole (:func:`wrap_whole`) or not at all.
    """
    if _units(text, bold) * size / 1000.0 <= max_width:
        return text
    budget = max_width - measure(ELLIPSIS, size, bold=bold)
    space = _units(" ", bold)
    kept = ""
    used = 0
    for word in text.split(" "):
        candidate = used + space + _units(word, bold) if kept else _units(word, bold)
        if candidate * size / 1000.0 > budget:
            break
        kept = f"{kept} {word}" if kept else word
        used = candidate
    if not kept:
        # Not even the first word fits: only then is a word cut (never "Amn… decr…").
        width = _GET[bold]
        used = 0
        end = 0
        for ch in text:
            if (used + width(ch)) * size / 1000.0 > budget:
                break
            used += width(ch)
            end += 1
        kept = text[:end]
    return kept.rstrip(" ,;:–-") + ELLIPSIS


def wrap(text: str, size: float, max_width: float, *, max_lines: int = 2, bold: bool = False) -> tuple[str, ...]:
    """Break ``text`` into at most ``max_lines`` lines no wider than ``max_width``; the last is shortened."""
    words = text.split()
    lines: list[str] = []
    current = ""
    used = 0
    space = _units(" ", bold)
    for i, word in enumerate(words):
        units = _units(word, bold)
        if not current:
            current, used = word, units
            continue
        if (used + space + units) * size / 1000.0 <= max_width:
            current, used = f"{current} {word}", used + space + units
            continue
        lines.append(current)
        current, used = word, units
        if len(lines) == max_lines - 1:
            current = " ".join([word, *words[i + 1:]])
            break
    if current:
        lines.append(current)
    if not lines:
        return ("",)
    lines = [shorten(line, size, max_width, bold=bold) for line in lines]
    return tuple(lines[:max_lines])


def wrap_whole(text: str, size: float, max_width: float, *, max_lines: int = 2,
               bold: bool = False) -> tuple[str, ...] | None:
    """``text`` broken at spaces into at most ``max_lines`` lines no wider than ``max_width``, every
    word kept whole; None when it does not fit so (nothing is ever cut or shortened)."""
    words = text.split()
    if not words:
        return ("",)
    space = _units(" ", bold)
    limit = max_width * 1000.0 / size
    lines: list[str] = []
    current, used = "", 0
    for word in words:
        units = _units(word, bold)
        if units > limit:
            return None
        if current and used + space + units <= limit:
            current, used = f"{current} {word}", used + space + units
            continue
        if current:
            lines.append(current)
            if len(lines) == max_lines:
                return None
        current, used = word, units
    lines.append(current)
    return tuple(lines)


class _Run(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def italic(self) -> bool: ...


def wrap_runs(runs: Sequence[_Run], size: float, width: float, max_lines: int = 12) -> list[tuple[tuple[str, bool], ...]]:
    """Greedy word wrap of styled runs (regular weight); a word made of pieces in two styles stays whole.

    Lines are tuples of (text, italic) pieces.  Words are split at spaces only, each run's text at a
    time (not character by character), and each word is measured once.
    """
    line = _one_line(runs, size, width) if max_lines >= 1 else None
    return [line] if line is not None else _greedy(runs, size, width, max_lines)


#: Room a one-line fit must leave, far above the rounding of adding word widths one by one.
_FIT_SLACK = 1e-6


def _one_line(runs: Sequence[_Run], size: float, width: float) -> tuple[tuple[str, bool], ...] | None:
    """The line ``_greedy`` makes of runs that fit one line, or None when they may not (most source notes do).

    Only for clean text (single spaces, none at either end, no empty or all-space run): then
    each word after the first takes its space into its first piece, in that piece's style, as
    ``_greedy`` does, and the width is the whole text's.
    """
    texts = [run.text for run in runs]
    joined = "".join(texts)
    if (not joined or joined[0] == " " or joined[-1] == " " or "  " in joined
            or not all(t.strip(" ") for t in texts)):
        return None
    if _units(joined, False) * size / 1000.0 > width - _FIT_SLACK:  # (cached: the line is measured again)
        return None
    line: list[tuple[str, bool]] = []
    carry = ""
    for run, text in zip(runs, texts, strict=True):
        text, carry = carry + text, ""
        if text[-1] == " ":
            text, carry = text[:-1], " "
        if line and line[-1][1] == run.italic:
            line[-1] = (line[-1][0] + text, run.italic)
        else:
            line.append((text, run.italic))
    return tuple(line)


def _greedy(runs: Sequence[_Run], size: float, width: float, max_lines: int) -> list[tuple[tuple[str, bool], ...]]:
    words: list[list[tuple[str, bool]]] = []
    current: list[tuple[str, bool]] = []
    for run in runs:
        italic = run.italic
        for k, part in enumerate(run.text.split(" ")):
            if k and current:
                words.append(current)
                current = []
            if part:
                if current and current[-1][1] == italic:
                    current[-1] = (current[-1][0] + part, italic)
                else:
                    current.append((part, italic))
    if current:
        words.append(current)
    space = measure(" ", size)
    lines: list[list[tuple[str, bool]]] = [[]]
    used = 0.0
    for word in words:
        # The sum of per-piece widths in order, as the layout has always added them.
        if len(word) == 1:
            w = _units(word[0][0], False) * size / 1000.0
        else:
            w = sum(_units(t, False) * size / 1000.0 for t, _i in word)
        line = lines[-1]
        gap = space if line else 0.0
        if line and used + gap + w > width:
            line = []
            lines.append(line)
            used, gap = 0.0, 0.0
        if w > width:
            word = [(shorten("".join(t for t, _ in word), size, width), word[0][1])]
            w = measure(word[0][0], size)
        for j, (text, italic) in enumerate(word):
            if j == 0 and gap:
                text = " " + text
            if line and line[-1][1] == italic:
                line[-1] = (line[-1][0] + text, italic)
            else:
                line.append((text, italic))
        used += gap + w
    return [tuple(line) for line in lines if line][:max_lines]
