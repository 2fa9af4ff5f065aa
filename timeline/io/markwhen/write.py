"""Write Markwhen (``.mw``): a header, one ``group`` per lane, one event line per event.

Dates Markwhen reads as they are (years, months, days, times, ranges of
them, ``X - now`` for an open end, ``44 BC`` for years before 1 CE) are
written as such.  Others (approximate, uncertain, bounded, seasons,
decades, early/mid/late, BCE months and days) are written as the plain range
of days they cover, with a ``Date:`` line in the text keeping our wording and
EDTF, and a warning.  Citations, claims and notes become lines of the text;
sources, eras and media links are said in warnings when they cannot carry over.
"""

from __future__ import annotations

import re

from timeline.dates import Bound, HistoricalDate, Span
from timeline.dates.calendar import to_gregorian
from timeline.errors import Diagnostic
from timeline.io.common import BLANK_TITLE, ONE_LINE, PRIORITY, UNCITED, Losses, sources_line, uncited_sources
from timeline.io.markwhen.header import _PROPERTY
from timeline.io.markwhen.read import _TAG
from timeline.io.markwhen.when import _day_point
from timeline.model.records import Event
from timeline.model.timeline import Timeline

__all__ = ["markwhen_text", "scalar"]

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")  # a plain YAML scalar cannot start with these
_YAML_WORDS = frozenset({"null", "~", "true", "false", "yes", "no", "on", "off"})  # YAML reads them as no text
_NUMBER = re.compile(r"[-+]?(\.?[0-9][0-9_.eE+-]*|\.inf|\.nan|0x[0-9a-fA-F]+|0o[0-7]+)")


def _plain(when: HistoricalDate) -> bool:
    """True when Markwhen reads this date as we mean it."""
    return (when.bound is Bound.EXACT and not when.approximate and not when.uncertain and not when.part
            and when.calendar == "gregorian" and when.precision in (-2, -1, 0, 1, 3))


def _bce(when: HistoricalDate) -> str | None:
    year = to_gregorian(when.first_day)[0] if when.first_day is not None else None
    if year is None or year > 0:
        return None
    return f"{1 - year} BC" if when.precision == 3 else None


def _one(when: HistoricalDate) -> str | None:
    """How Markwhen writes one date we can carry over exactly, else None."""
    if not _plain(when):
        return None
    if when.first_day is not None and to_gregorian(when.first_day)[0] <= 0:
        return _bce(when)
    return when.edtf


def date_text(when: HistoricalDate | Span, item_id: str, losses: Losses) -> tuple[str, bool]:
    """The date part of an event line, and whether it carries our date exactly."""
    if isinstance(when, HistoricalDate):
        exact = _one(when)
        if exact is not None:
            return exact, True
    else:
        start = _one(when.start) if when.start is not None else None
        end = _one(when.end) if when.end is not None else None
        if start is not None and when.open_end and when.end is None:
            return f"{start} - now", True
        if start is not None and end is not None:
            return f"{start} - {end}", True
    first, last = when.first_day, when.last_day
    if first is None or last is None:
        losses.lose("a date open at one side became its known day", item_id)
        first = last = first if first is not None else last
    losses.lose("approximate, uncertain, bounded, seasonal, decade and early/mid/late dates became the plain "
                "range they cover, with a 'Date:' line keeping our wording", item_id)
    assert first is not None and last is not None
    point = _day_point(first, last)
    return point.edtf.replace("/", " - "), False


def _event_lines(ev: Event, tl: Timeline, losses: Losses) -> list[str]:
    when, exact = date_text(ev.when, ev.id, losses)
    title = " ".join(ev.title.split())
    if not title:
        title = ev.when.display()
        losses.lose(BLANK_TITLE, ev.id)
    elif title != ev.title:
        losses.lose(ONE_LINE, ev.id)
    tags = "".join(f" #{t}" for t in ev.tags if t.replace("-", "").replace("_", "").isalnum())
    if len(tags.split()) != len(ev.tags):
        losses.lose("tags with characters other than letters, digits, '-' and '_' are not kept", ev.id)
    lines = [f"{when}: {title}{tags}", f"id: {ev.id}"]
    parts = ev.note.split("; ") if ev.note else []
    if parts and all(_PROPERTY.match(p) and not p.startswith(("id:", "note:")) for p in parts) and "\n" not in ev.note:
        lines += parts  # properties read from Markwhen go back as properties
    elif ev.note and "\n" not in ev.note:
        lines.append(f"note: {ev.note}")
    text: list[str] = []
    if not exact:
        text.append(f"Date: {ev.when.display()} (EDTF {ev.when.edtf}).")
    if ev.text:
        text += ev.text.split("\n")
    if "\n" in ev.note:
        text.append(f"Note: {' '.join(ev.note.split())}")
        losses.lose("notes of several lines became a 'Note:' line in the text", ev.id)
    for claim in ev.claims:
        text.append(claim.sentence() + ".")
    if ev.claims:
        losses.lose("claims became sentences in the text", ev.id)
    cites = sources_line(tl, ev.all_citations)
    if cites:
        text.append(cites)
        losses.lose("citations became a 'Sources:' line in the text (Markwhen has no sources)", ev.id)
    if ev.media:
        text.append(f"[{ev.media.caption or ev.media.alt or 'Media'}]({ev.media.url})")
        losses.lose("media became a link in the text", ev.id)
    if ev.display_date:
        losses.lose("display dates are not kept", ev.id)
    if ev.priority is not None:
        losses.lose(PRIORITY, ev.id)
    # A text line that looks like an event or property line would be read as one: indent it.
    # A blank line ends the properties; the text is indented, as Markwhen's own examples are.
    return lines + ([""] + [f"  {line}" if line.strip() else "" for line in text] + [""] if text else [])


def scalar(text: str) -> str:
    """A header or property value as YAML, which Markwhen reads it as: plain when YAML takes it back as the same
    text, else double-quoted with YAML's escapes (a line break is ``\\n``), so any text stays on one line."""
    plain = (text and text == text.strip() and text.isprintable() and text[0] not in _INDICATORS
             and ": " not in text and " #" not in text and " //" not in text and not text.endswith(":")
             and text.lower() not in _YAML_WORDS and not _NUMBER.fullmatch(text))
    if plain:
        return text
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def markwhen_text(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as Markwhen text, with warnings saying what could not carry over."""
    losses = Losses("Markwhen")
    out = [f"title: {scalar(tl.title)}"]
    if tl.subtitle:
        losses.lose("the subtitle became the first paragraph of the description (Markwhen has a title and a "
                    "description)", "timeline")
    description = "\n\n".join(x for x in (tl.subtitle, tl.description) if x)
    if description:
        out.append(f"description: {scalar(description)}")
    lanes = {lane.id: lane for lane in tl.lane_order()}
    by_lane: dict[str | None, list[Event]] = {}
    for ev in tl.sorted_events():
        by_lane.setdefault(ev.lane, []).append(ev)
    for lane_id in [None, *lanes]:
        if lane_id not in by_lane and (lane_id is None or not lanes[lane_id].description):
            if lane_id is not None:
                losses.lose("lanes with no events and no description are not kept", lane_id)
            continue
        out.append("")
        if lane_id is not None:
            lane = lanes[lane_id]
            label = " ".join(lane.name.split())
            if label != lane.name:
                losses.lose("lane names became one line", lane_id)
            if _TAG.search(label):
                losses.lose("words of lane names starting with '#' are read as the section's tags", lane_id)
            # A Markdown heading is a section in Markwhen; its properties follow it.
            out.append(f"# {label}")
            if lane.description:
                out.append(f"description: {scalar(lane.description)}")
            out.append("")
        for ev in by_lane.get(lane_id, ()):
            out += _event_lines(ev, tl, losses)
    for era in tl.eras:
        losses.lose("eras are not kept (Markwhen has no background periods)", era.id)
    if tl.range is not None:
        losses.lose("the declared range is not kept", "timeline")
    for sid in uncited_sources(tl):
        losses.lose(UNCITED, sid)
    return "\n".join(out) + "\n", losses.diagnostics(name)
