"""The page blocks around the plot: header, legend, era label rows, the overflow note, the source list."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from timeline.cite import Run
from timeline.layout.chart import MARGIN, Chart, EraSpan
from timeline.layout.classify import EventInfo
from timeline.layout.marks import LEGEND_GLYPH, LegendKey, legend_glyph
from timeline.layout.notes import note_runs
from timeline.layout.scene import ASCENT, DESCENT, NoteEntry, Shape, Text
from timeline.layout.text import measure, shorten, wrap, wrap_runs, wrap_whole

__all__ = [
    "EraRow",
    "FREE_LINES",
    "LabelText",
    "OVERFLOW_LINES_FIXED",
    "OVERFLOW_LINES_FREE",
    "SUBTITLE_LINES",
    "TITLE_LINES",
    "date_width",
    "era_rows",
    "fitted",
    "header",
    "label_lines",
    "legend",
    "notes",
    "overflow_note",
    "overflow_sentence",
    "title_lines",
]


#: The most lines a text may wrap onto where the height is free (more than any real title needs).
FREE_LINES = 40


def header(ch: Chart) -> tuple[list[Text], float]:
    """The title and subtitle lines, and the y below them.

    On a frame with free height both wrap onto as many lines as they need (a phone's title takes
    two).  A fixed frame gives the title up to :data:`TITLE_LINES` lines and the subtitle up to
    :data:`SUBTITLE_LINES` (none when compact), each wrapped whole; only a text longer than that
    is cut, after a whole word.
    """
    if not ch.opts.header:
        return [], MARGIN
    ty = ch.ty
    out = [ty.text(MARGIN, y, line, "title") for line, y in title_lines(ch, MARGIN)]
    y = out[-1].y if out else MARGIN
    y += ty.title * DESCENT
    if ch.tl.subtitle and not ch.compact:
        for line in fitted(ch.tl.subtitle, ty.subtitle, ch.width - 2 * MARGIN,
                           FREE_LINES if not ch.frame.fixed else SUBTITLE_LINES):
            y += ty.subtitle * ty.line
            out.append(ty.text(MARGIN, y, line, "subtitle"))
    return out, y + 16


#: Lines a fixed frame gives the title and the subtitle before it cuts them (after a whole word).
TITLE_LINES, SUBTITLE_LINES = 3, 2


def title_lines(ch: Chart, top: float) -> list[tuple[str, float]]:
    """The chart's title wrapped to the frame's width, each line with its baseline, from ``top``."""
    ty = ch.ty
    lines = fitted(ch.title, ty.title, ch.width - 2 * MARGIN, FREE_LINES if not ch.frame.fixed else TITLE_LINES,
                   bold=True)
    return [(line, top + ty.title * ASCENT + n * ty.title * ty.line) for n, line in enumerate(lines)]


def fitted(text: str, size: float, width: float, max_lines: int, bold: bool = False) -> tuple[str, ...]:
    """``text`` wrapped whole in at most ``max_lines`` lines (a word wider than the line goes on over
    the next, nothing dropped); failing that, wrapped and cut after a word."""
    words = [piece for word in text.split() for piece in _pieces(word, size, width, bold)]
    return wrap_whole(" ".join(words), size, width, max_lines=max_lines, bold=bold) or wrap(
        text, size, width, max_lines=max_lines, bold=bold)


def _pieces(word: str, size: float, width: float, bold: bool) -> list[str]:
    """A word cut into pieces no wider than ``width`` (itself, when it fits)."""
    out = [""]
    for ch in word:
        if out[-1] and measure(out[-1] + ch, size, bold=bold) > width:
            out.append("")
        out[-1] += ch
    return out


def legend(ch: Chart, keys: Sequence[LegendKey], y: float,
           force: bool = False) -> tuple[list[Shape], list[Text], float]:
    """A key to the marks, flowing in rows from ``y``; returns shapes, texts and the y below it.

    ``force`` draws it even when the chart went without (the key on the page after a small frame).
    """
    if not (ch.opts.legend or force) or not keys:
        return [], [], y
    ty = ch.ty
    size = ty.legend
    shapes: list[Shape] = []
    texts: list[Text] = []
    x, x_end = MARGIN, ch.width - MARGIN
    row_h = max(size * ty.line, 14.0) + 4
    c = y + row_h / 2
    for entry in keys:
        key, text = entry.key, entry.text
        w = LEGEND_GLYPH + 6 + measure(text, size)
        if x > MARGIN and x + w > x_end:
            x, c = MARGIN, c + row_h
        text = shorten(text, size, x_end - x - LEGEND_GLYPH - 6)
        shapes.extend(legend_glyph(key, x, c))
        texts.append(ty.text(x + LEGEND_GLYPH + 6, c + size * 0.35, text, "legend-label"))
        x += LEGEND_GLYPH + 6 + measure(text, size) + 20
    return shapes, texts, c + row_h / 2 + 10


def notes(ch: Chart, y: float) -> tuple[Text | None, list[NoteEntry], float]:
    """The numbered source list from ``y``: its heading, entries and the y below it."""
    if not ch.opts.footnotes or not len(ch.fn):
        return None, [], y
    ty = ch.ty
    size = ty.note
    y += 10
    heading = ty.text(MARGIN, y + ty.lane * ASCENT, "Sources", "notes-heading")
    y = heading.box.y1 + 4
    entries = []
    num_w = measure(f"{len(ch.fn)}.", size) + 6
    width = ch.width - 2 * MARGIN - num_w
    for n, made in zip(ch.fn.notes, note_runs(ch.tl), strict=True):  # ch.fn is timeline_footnotes(ch.tl)
        runs = made if made is not None else (Run(n.unsourced),)
        texts = []
        for k, line in enumerate(wrap_runs(runs, size, width)):
            y += size * ty.line
            if k == 0:
                texts.append(ty.text(MARGIN + num_w - 6, y, f"{n.number}.", "note-number", anchor="end"))
            texts.append(ty.text(MARGIN + num_w, y, "".join(t for t, _i in line), "note", runs=line))
        entries.append(NoteEntry(n.number, tuple(texts)))
    return heading, entries, y + size * DESCENT


#: Lines the note of unlabelled events may take: few on a fixed frame, a paragraph on a free-height chart.
OVERFLOW_LINES_FIXED, OVERFLOW_LINES_FREE = 1, 6


def overflow_note(ch: Chart, overflow: Sequence[EventInfo], y: float,
                  sources_follow: bool = False) -> tuple[list[Text], float]:
    """The note under the axis: the events left without a label (bounded), and where the sources went.

    It names as many unlabelled events as its few lines hold and counts the rest (a frame too
    narrow for the count on one line gives it two); every one of them keeps its mark, its tooltip,
    and a place in the SVG's description.
    """
    ty = ch.ty
    lines_out: list[str] = []
    width = ch.width - 2 * MARGIN
    if overflow:
        max_lines = OVERFLOW_LINES_FIXED if ch.frame.fixed else OVERFLOW_LINES_FREE
        head = overflow_sentence(len(overflow), [])
        budget = max_lines * width / (ty.overflow * 0.62)  # a generous estimate of the characters that fit
        names: list[str] = []
        used = len(head)
        for info in overflow:
            item = f"{info.event.title} ({info.date_label})"
            if used + len(item) + 2 > budget:
                break
            names.append(item)
            used += len(item) + 2
        while True:
            text = overflow_sentence(len(overflow), names)
            wrapped = wrap_runs((Run(text),), ty.overflow, width, max_lines=max_lines + 1)
            if len(wrapped) <= max_lines or not names:
                break
            del names[-max(1, len(names) // 8):]
        if not names:  # the count alone, on as many lines as a narrow frame needs
            wrapped = wrap_runs((Run(text),), ty.overflow, width)
        lines_out += ["".join(t for t, _ in line) for line in wrapped[:max_lines if names else len(wrapped)]]
    if sources_follow:
        lines_out += ["".join(t for t, _ in line) for line in
                      wrap_runs((Run(follows_sentence(ch)),), ty.overflow, width)]
    out = []
    for line in lines_out:
        y += ty.overflow * ty.line
        out.append(ty.text(MARGIN, y, line, "overflow-note"))
    return out, y + 8 if out else y


def follows_sentence(ch: Chart) -> str:
    """What the next slide or page holds: the key to the marks (when the frame had no room for it) and the sources."""
    where = {"slide": "slide", "paper": "page"}.get(ch.frame.medium, "page")
    n = len(ch.fn) if ch.opts.footnotes else 0
    sources = f"the {n} sources" if n > 1 else "the source" if n else ""
    if ch.key_follows:
        return f"The key and {sources} are on the next {where}." if sources else \
            f"The key to the marks is on the next {where}."
    return f"{sources.capitalize()} {'are' if n > 1 else 'is'} listed on the next {where}."


def overflow_sentence(total: int, names: Sequence[str]) -> str:
    """The note's sentence: how many events have no label, then those of ``names`` it has room for.

    "3 events not labelled for lack of room (see “+N more”): A (1953); B (1954); and 1 more."  The
    count of the rest follows only a list that names some of them.
    """
    head = f"{total} event{'s' if total != 1 else ''} not labelled for lack of room (see “+N\u00a0more”)"
    if not names:
        return head + "."
    rest = total - len(names)
    return f"{head}: {'; '.join(names)}" + (f"; and {rest} more." if rest > 0 else ".")


@attrs.frozen
class LabelText:
    """An event label's wrapped title lines, its date, and its widest line.

    ``date_x`` is None when the date has a line of its own under the title; otherwise it follows
    the last title line on its baseline, this far from the label's start (compact rows, for fixed
    frames).  ``whole`` is False when the title or the date does not fit whole in the lines
    allowed: such a label is never drawn (the event is counted in a "+N more" badge instead).
    """

    lines: tuple[str, ...]
    date: str
    width: float
    date_x: float | None = None
    whole: bool = True


#: The gap between a title and a date that follows it on the same line, in em of the date size.
INLINE_GAP = 0.6


def label_lines(ch: Chart, info: EventInfo, max_width: float, inline: bool = False, max_lines: int = 2) -> LabelText:
    """Wrap an event's title (``max_lines`` lines at most, every word whole) and its date to ``max_width``.

    With ``inline``, a one-line title keeps its date on the same line when both fit.  A title or
    date that does not fit whole gives a label with ``whole`` False (its lines cut, for measuring).
    """
    ty = ch.ty
    sup = ty.sup_width(info.notes)
    whole_lines = wrap_whole(info.event.title, ty.label, max_width - sup, max_lines=max_lines)
    title_lines = whole_lines or wrap(info.event.title, ty.label, max_width - sup, max_lines=max_lines)
    date = shorten(info.date_label, ty.date, max_width)
    whole = whole_lines is not None and date == info.date_label
    widths = [measure(t, ty.label) for t in title_lines]
    widths[-1] += sup
    date_w = measure(date, ty.date)  # = date_width(ch, info, max_width): the least a label can measure
    if inline and len(title_lines) == 1:
        after = widths[0] + INLINE_GAP * ty.date
        if after + date_w <= max_width:
            return LabelText(title_lines, date, after + date_w, after, whole)
    return LabelText(title_lines, date, max([*widths, date_w]), None, whole)


def date_width(ch: Chart, info: EventInfo, max_width: float) -> float:
    """The width of an event label's date line, which its ``width`` is never less than."""
    return measure(shorten(info.date_label, ch.ty.date, max_width), ch.ty.date)


@attrs.frozen
class EraRow:
    """A period placed above the plot: its span, its label, where its band begins, any bracket."""

    span: EraSpan
    text: Text
    top: float | None          # the band reaches up to its label (None: the label is over a bracket)
    extra: tuple[Shape, ...]


def era_rows(ch: Chart, eras: Sequence[EraSpan], y: float, x0: float, x1: float) -> tuple[list[EraRow], float]:
    """Era labels in rows above the plot, never overlapping and never cut.

    Longer periods take the upper rows, so a period nested in another sits under it.  A label
    that fits inside its band sits at the band's top (the band reaches up to it); a label wider
    than its band is centred over it with a thin bracket spanning the band.
    """
    ty = ch.ty
    order = sorted(range(len(eras)), key=lambda k: (-(eras[k].b - eras[k].a), k))
    rows: list[list[tuple[float, float]]] = []
    placed: dict[int, tuple[int, str, float, bool]] = {}
    for k in order:
        e = eras[k]
        label = shorten(e.era.label, ty.era, x1 - x0 - ty.sup_width(e.notes))
        w = measure(label, ty.era) + ty.sup_width(e.notes)
        inside = w <= (e.b - e.a) - 8
        tx = e.a + 4 if inside else min(max((e.a + e.b) / 2 - w / 2, x0), x1 - w)
        lo, hi = min(tx, e.a) - 8, max(tx + w, e.b) + 8
        row = next((r for r, spans in enumerate(rows) if all(hi <= s0 or lo >= s1 for s0, s1 in spans)), len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((lo, hi))
        placed[k] = (row, label, tx, inside)
    row_h = ty.era * ty.line + 7
    out = []
    for k, e in enumerate(eras):
        row, label, tx, inside = placed[k]
        top = y + row * row_h
        text = ty.text(tx, top + 2 + ty.era * ASCENT, label, "era-name", notes=e.notes)
        extra: tuple[Shape, ...] = ()
        if not inside:
            yb = top + ty.era * ty.line + 3
            extra = (Shape("polyline", "era-bracket", (e.a, yb + 4, e.a, yb, e.b, yb, e.b, yb + 4)),)
        out.append(EraRow(e, text, top if inside else None, extra))
    return out, y + len(rows) * row_h + (4 if rows else 0)
