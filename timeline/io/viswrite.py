"""Write vis-timeline items and groups (the shape :mod:`timeline.io.vis` reads), saying what cannot carry over.

Dates are ISO at the precision they have, with expanded ``-000043`` years
before 1 CE; dates vis-timeline cannot show exactly become the plain range
they cover with a ``Date:`` line in the tooltip; background items are eras.
"""

from __future__ import annotations

import json
from typing import Any

from timeline.dates import Bound, HistoricalDate, Span
from timeline.dates.calendar import to_gregorian
from timeline.errors import Diagnostic
from timeline.io.common import BLANK_TITLE, PRIORITY, TRIMMED, Losses, trimmed
from timeline.io.markup import markup_to_html
from timeline.io.timelinejs.slides import JS_DATE_YEARS as _JS_YEARS
from timeline.io.timelinejs.write import headline_html
from timeline.markup import escape_html
from timeline.model.records import Lane
from timeline.model.timeline import Timeline

__all__ = ["vis_text"]


def _vis_date(when: HistoricalDate, side: str) -> str | None:
    """One date as vis-timeline reads it: ISO at the precision it has, expanded years outside 1–9999."""
    day = when.first_day if side == "start" else when.last_day
    if day is None:
        return None
    year, month, dom = to_gregorian(day)
    if abs(year) > _JS_YEARS:
        return None
    head = f"{year:04d}" if 0 < year <= 9999 else f"{'-' if year < 0 else '+'}{abs(year):06d}"
    if when.precision >= 3:
        return head
    if when.precision >= 1:
        return f"{head}-{month:02d}"
    text = f"{head}-{month:02d}-{dom:02d}"
    if when.time is not None:
        edtf_time = when.edtf.split("T", 1)[1] if "T" in when.edtf else ""
        text += f"T{edtf_time}"
    return text


def _exact(when: HistoricalDate) -> bool:
    return (when.bound is Bound.EXACT and not when.approximate and not when.uncertain and not when.part
            and when.calendar == "gregorian" and when.precision in (-2, -1, 0, 1, 3))


def _dates(when: HistoricalDate | Span, item_id: str, losses: Losses) -> tuple[str | None, str | None, bool]:
    if isinstance(when, HistoricalDate):
        if _exact(when):
            return _vis_date(when, "start"), None, True
        start, end = _vis_date(when, "start"), _vis_date(when, "end")
        if start is None and end is not None:  # [..1953-08]: on or before a day, which is all that is known
            losses.lose("a date open at one side became its known day", item_id)
            start, end = end, None
        return start, end if end != start else None, False
    start = when.start if when.start is not None else when.end
    end = when.end if when.start is not None else None
    assert start is not None
    exact = _exact(start) and (end is None or _exact(end)) and not when.open_start
    if when.open_end or when.open_start:
        losses.lose("open-ended ranges became their known end", item_id)
    return _vis_date(start, "start"), _vis_date(end, "end") if end is not None else None, exact


def _group(lane: Lane) -> dict[str, str]:
    """A lane as a group; its description is the group's tooltip (``title``), as the reader takes it."""
    group = {"id": lane.id, "content": escape_html(lane.name)}
    if lane.description:
        group["title"] = markup_to_html(lane.description)
    return group


def vis_text(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as vis-timeline JSON (items, plus groups when there are lanes), with warnings."""
    losses = Losses("vis-timeline")
    items: list[dict[str, Any]] = []
    for ev in tl.sorted_events():
        start, end, exact = _dates(ev.when, ev.id, losses)
        if start is None:
            losses.lose("dates beyond JavaScript's ±271,821 years are not kept (the items are left out)", ev.id)
            continue
        title = ev.title
        if not title.strip():
            title = ev.when.display()
            losses.lose(BLANK_TITLE, ev.id)
        item: dict[str, Any] = {"id": ev.id, "content": headline_html(title, ev.id, losses.lose), "start": start}
        if end is not None:
            item["end"] = end
        item["type"] = "range" if end is not None else "point"
        if ev.lane:
            item["group"] = ev.lane
        if ev.tags:
            item["className"] = " ".join(ev.tags)
            if any(len(tag.split()) != 1 for tag in ev.tags):
                losses.lose("a tag holding spaces became several classes (className is a space-separated list)",
                            ev.id)
        if trimmed(title, ev.text, *(lane.name for lane in tl.lanes if lane.id == ev.lane)):
            losses.lose(TRIMMED, ev.id)
        paragraphs = [] if exact else [f"Date: {ev.when.display()} (EDTF {ev.when.edtf})."]
        if not exact:
            losses.lose("approximate, uncertain, bounded, seasonal and decade dates became the plain range they "
                        "cover, with a 'Date:' line in the tooltip", ev.id)
        if ev.text:
            paragraphs.append(ev.text)
        paragraphs += [c.sentence() + "." for c in ev.claims]
        if ev.claims:
            losses.lose("claims became sentences in the tooltip (their citations are not kept)", ev.id)
        if ev.all_citations or ev.note or ev.media or ev.display_date:
            losses.lose("citations, notes, media and display dates are not kept", ev.id)
        if ev.priority is not None:
            losses.lose(PRIORITY, ev.id)
        if paragraphs:
            item["title"] = markup_to_html("\n\n".join(paragraphs))
        items.append(item)
    for era in sorted(tl.eras, key=lambda e: (e.when.sort_key, e.id)):
        start, end, _ = _dates(era.when, era.id, losses)
        if start is None or end is None:
            losses.lose("eras without two dates vis-timeline can show are not kept", era.id)
            continue
        era_item = {"id": era.id, "content": escape_html(era.label), "start": start, "end": end, "type": "background"}
        if era.text:
            era_item["title"] = markup_to_html(era.text)  # the tooltip, read back as the era's text
        if era.citations:
            losses.lose("citations of eras are not kept", era.id)
        items.append(era_item)
    lanes = tl.lane_order()
    data: Any = items
    if lanes:
        data = {"items": items, "groups": [_group(lane) for lane in lanes]}
    if tl.title != "Timeline" or tl.subtitle or tl.description or tl.sources:
        losses.lose("the title, subtitle, description and sources are not kept (vis-timeline data holds items and "
                    "groups)", "timeline")
    if tl.range is not None:
        losses.lose("the declared range is not kept", "timeline")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", losses.diagnostics(name)
