"""timeline.layout.text's incremental wrapping gives exactly what re-measuring every candidate gave."""

from __future__ import annotations

import random

from timeline.cite import Run
from timeline.layout.text import ELLIPSIS, measure, shorten, wrap, wrap_runs

ALPHABET = "abcdefgh   ijklmnopqrstuvwxyz ABCDEFGHIJ  Жизнь,;:–-…\u4e00\u2009\t\x01é"


def reference_shorten(text: str, size: float, max_width: float, bold: bool) -> str:
    """The measure-every-candidate version this module used to have."""
    if measure(text, size, bold=bold) <= max_width:
        return text
    budget = max_width - measure(ELLIPSIS, size, bold=bold)
    kept = ""
    for word in text.split(" "):
        candidate = f"{kept} {word}" if kept else word
        if measure(candidate, size, bold=bold) > budget:
            break
        kept = candidate
    if not kept:  # only a first word too wide for the line is cut
        for ch in text:
            if measure(kept + ch, size, bold=bold) > budget:
                break
            kept += ch
    return kept.rstrip(" ,;:–-") + ELLIPSIS


def reference_wrap(text: str, size: float, max_width: float, max_lines: int, bold: bool) -> tuple[str, ...]:
    """The measure-every-candidate version this module used to have."""
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
    return tuple([reference_shorten(line, size, max_width, bold) for line in lines][:max_lines])


def reference_wrap_runs(runs, size, width, max_lines=12):
    """The character-by-character version the layout engine used to have."""
    chars = [(ch, run.italic) for run in runs for ch in run.text]
    words, current = [], []
    for ch, italic in [*chars, (" ", False)]:
        if ch == " ":
            if current:
                words.append(current)
            current = []
        elif current and current[-1][1] == italic:
            current[-1] = (current[-1][0] + ch, italic)
        else:
            current.append((ch, italic))
    lines, used = [[]], 0.0
    for word in words:
        w = sum(measure(t, size) for t, _i in word)
        gap = measure(" ", size) if lines[-1] else 0.0
        if lines[-1] and used + gap + w > width:
            lines.append([])
            used, gap = 0.0, 0.0
        if w > width:
            word = [(reference_shorten("".join(t for t, _ in word), size, width, False), word[0][1])]
            w = measure(word[0][0], size)
        pieces = list(word)
        if gap:
            pieces[0] = (" " + pieces[0][0], pieces[0][1])
        for text, italic in pieces:
            line = lines[-1]
            if line and line[-1][1] == italic:
                line[-1] = (line[-1][0] + text, italic)
            else:
                line.append((text, italic))
        used += gap + w
    return [tuple(line) for line in lines if line][:max_lines]


def test_wrap_and_shorten_match_reference():
    """wrap() and shorten() cut exactly where measuring every candidate string would."""
    rnd = random.Random(1)
    for _ in range(5000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 90)))
        size, width, bold = rnd.choice([8.5, 11.0, 12.5, 22.0]), rnd.uniform(0, 400), rnd.random() < 0.3
        assert shorten(text, size, width, bold=bold) == reference_shorten(text, size, width, bold)
        lines = rnd.randint(1, 4)
        assert wrap(text, size, width, max_lines=lines, bold=bold) == reference_wrap(text, size, width, lines, bold)


def test_wrap_runs_matches_reference():
    """wrap_runs() gives the same styled lines as the character-by-character wrap."""
    rnd = random.Random(2)
    for _ in range(5000):
        runs = tuple(Run("".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 60))), rnd.random() < 0.4)
                     for _ in range(rnd.randint(0, 5)))
        size, width, lines = rnd.choice([10.5, 11.0]), rnd.uniform(0, 500), rnd.choice([1, 2, 12, 10_000])
        assert wrap_runs(runs, size, width, lines) == reference_wrap_runs(runs, size, width, lines)
