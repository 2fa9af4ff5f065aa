"""Write TimelineJS 3 JSON and the Google-Sheet template (as CSV).

The writer produces what TimelineJS can show and says, as warnings, what
it could not carry over (:class:`~timeline.io.common.Losses`).  The mapping
is documented in ``docs/interop.md``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from timeline.dates import Bound, HistoricalDate, Precision, Span
from timeline.dates.calendar import to_gregorian
from timeline.errors import Diagnostic
from timeline.io.common import (
    BLANK_TITLE,
    CARRIAGE_RETURNS,
    HEADLINE,
    PRIORITY,
    TRIMMED,
    UNCITED,
    Losses,
    lose_lanes,
    sources_line,
    trimmed,
    uncited_sources,
)
from timeline.io.limits import line_ends
from timeline.io.markup import keep_spaces, markup_to_html
from timeline.io.timelinejs.slides import CSV_COLUMNS, JS_DATE_YEARS
from timeline.model.records import Citation, Era, Event
from timeline.model.timeline import Timeline

__all__ = ["headline_html", "one_line", "timelinejs_csv", "timelinejs_data", "timelinejs_json"]


#: Sources cannot be kept as such: each citation becomes words of a note in the text.
CITATIONS = ("citations became a 'Sources:' line in the text, as Chicago-style notes with their locators and "
             "quotes (TimelineJS has no sources)")


class _Writer:
    """Builds TimelineJS data from a timeline and notes what could not carry over."""

    def __init__(self, tl: Timeline, name: str) -> None:
        self.tl = tl
        self.name = name
        self.losses = Losses("TimelineJS")
        self.lose = self.losses.lose
        self.lane_names: dict[str, str] = {}
        for lane in tl.lane_order():  # the first lane of an id names it
            self.lane_names.setdefault(lane.id, lane.name)

    def date_object(self, date: HistoricalDate, item_id: str, use: str = "earliest") -> dict[str, int] | None:
        """TimelineJS's start_date/end_date for one side of a date: year (44 BCE is -44), month, day, time."""
        day = date.first_day if use == "earliest" else date.last_day
        if day is None:
            day = date.last_day if use == "earliest" else date.first_day
        if day is None:
            return None
        year, month, day_of_month = to_gregorian(day)
        if date.precision >= Precision.MILLION_YEARS or abs(year) > JS_DATE_YEARS:
            return {"year": year}  # a cosmological year: TimelineJS shows nothing finer
        out = {"year": year if year > 0 else year - 1}
        if date.precision <= Precision.MONTH:
            out["month"] = month
        if date.precision <= Precision.DAY:
            out["day"] = day_of_month
        if date.time is not None:
            out["hour"], out["minute"] = date.time.hour, date.time.minute
            if date.time.second is not None:
                out["second"] = date.time.second
            if date.time.utc_offset is not None:
                self.lose("time zones are not kept (TimelineJS shows local times)", item_id)
        return out

    def dates(self, when: HistoricalDate | Span, item_id: str) -> tuple[dict | None, dict | None, bool]:
        """(start_date, end_date, exact): exact when TimelineJS shows the same date we mean."""
        if isinstance(when, HistoricalDate):
            exact = (when.precision <= Precision.YEAR and when.precision is not Precision.SEASON
                     and not when.approximate and not when.uncertain and when.bound is Bound.EXACT
                     and not when.part and when.calendar == "gregorian")
            if when.precision in (Precision.DECADE, Precision.SEASON) and when.bound is Bound.EXACT:
                return self.date_object(when, item_id), self.date_object(when, item_id, "latest"), False
            return self.date_object(when, item_id), None, exact
        start = self.dates(when.start, item_id) if when.start is not None else None
        end = self.dates(when.end, item_id) if when.end is not None else None
        exact = bool(start and end and start[2] and end[2])
        start_obj = start[0] if start else None
        end_obj = (end[1] or end[0]) if end else None
        if start_obj is None:
            start_obj, end_obj = end_obj, None
        return start_obj, end_obj, exact

    def headline(self, title: str, item_id: str) -> str:
        """A title as a headline: one line of HTML (each line break, with the spaces around it, one space)."""
        return headline_html(title, item_id, self.lose)

    def citations_text(self, citations: Sequence[Citation]) -> str:
        return sources_line(self.tl, citations)

    def event(self, ev: Event) -> dict[str, Any]:
        start, end, exact = self.dates(ev.when, ev.id)
        paragraphs = [ev.text] if ev.text else []
        display = ev.display_date
        if ev.is_disputed:
            display = display or ev.date_label()
            self.lose("disputed dates became a display date and a note in the text", ev.id)
            paragraphs.append("Date disputed: " + "; ".join(
                f"{c.when.display()}" + (f" ({self.citations_text(c.citations)[9:-1]})" if c.citations else "")
                for c in ev.date_claims))
        elif not exact:
            display = display or ev.when.display()
            self.lose("approximate, uncertain, bounded, seasonal or decade dates became a display date", ev.id)
            paragraphs.append(f"Date: {ev.when.display()} (EDTF {ev.when.edtf}).")
        for claim in ev.claims:
            if not claim.is_date:
                self.lose("claims about quantities and statements became notes in the text", ev.id)
                cites = self.citations_text(claim.citations)
                paragraphs.append(claim.sentence() + (f" ({cites[9:-1]})" if cites else "") + ".")
        if ev.note:
            paragraphs.append(f"Note: {ev.note}")
            self.lose("notes became a 'Note:' line in the text", ev.id)
        if ev.priority is not None:
            self.lose(PRIORITY, ev.id)
        cites = self.citations_text(ev.citations)
        if cites:
            paragraphs.append(cites)
        if ev.all_citations:
            self.lose(CITATIONS, ev.id)
        if ev.tags:
            self.lose("tags are not kept (TimelineJS has no tags)", ev.id)
        lane_name = self.lane_names.get(ev.lane, "") if ev.lane else ""
        media = [ev.media.caption, ev.media.credit, ev.media.alt] if ev.media else []
        title = ev.title
        if not title.strip():
            title = ev.when.display()
            self.lose(BLANK_TITLE, ev.id)
        if trimmed(title, ev.text, lane_name, *media):
            self.lose(TRIMMED, ev.id)
        out: dict[str, Any] = {"start_date": start or {}, "text": {"headline": self.headline(title, ev.id)}}
        if end:
            out["end_date"] = end
        body = "\n\n".join(paragraphs)
        if body:
            out["text"]["text"] = markup_to_html(body)
        if display:
            out["display_date"] = display
        if ev.lane:
            out["group"] = lane_name or ev.lane
        if ev.media:
            media = {"url": ev.media.url}
            for key in ("caption", "credit"):
                if getattr(ev.media, key):
                    media[key] = markup_to_html(getattr(ev.media, key))
            for key in ("thumbnail", "alt"):
                if getattr(ev.media, key):
                    media[key] = getattr(ev.media, key)
            out["media"] = media
        out["unique_id"] = ev.id
        return out

    def era(self, era: Era) -> dict[str, Any]:
        start, end, exact = self.dates(era.when, era.id)
        if not exact:
            self.lose("era dates that are not plain years, months or days were rounded", era.id)
        if trimmed(era.label, era.text):
            self.lose(TRIMMED, era.id)
        text = "\n\n".join(x for x in (era.text, self.citations_text(era.citations)) if x)
        if era.citations:
            self.lose(CITATIONS, era.id)
        out: dict[str, Any] = {"start_date": start or {}, "end_date": end or start or {},
                               "text": {"headline": self.headline(era.label, era.id)}}
        if text:
            out["text"]["text"] = markup_to_html(text)
        return out

    def data(self) -> dict[str, Any]:
        tl = self.tl
        if trimmed(tl.title, tl.subtitle, tl.description):
            self.lose(TRIMMED, "timeline")
        title_text = "\n\n".join(x for x in (tl.subtitle, tl.description) if x)
        title: dict[str, Any] = {"text": {"headline": self.headline(tl.title, "timeline")}}
        if title_text:
            title["text"]["text"] = markup_to_html(title_text)
        for sid in uncited_sources(tl):
            self.lose(UNCITED, sid)
        if tl.subtitle:
            self.lose("the subtitle became the first paragraph of the title slide's text", "timeline")
        lose_lanes(tl, self.losses)
        if tl.range is not None:
            self.lose("the declared range is not kept", "timeline")
        events = [self.event(ev) for ev in tl.sorted_events()]
        out: dict[str, Any] = {"title": title, "events": events}
        eras = [self.era(era) for era in sorted(tl.eras, key=lambda e: (e.when.sort_key, e.id))]
        if eras:
            out["eras"] = eras
        return out



def one_line(text: str) -> str:
    """A text with each line break (and the spaces around it) as one space, as a headline reads."""
    return re.sub(r"\s*\n\s*", " ", line_ends(text))


def headline_html(title: str, item_id: str, lose: Callable[[str, str], None]) -> str:
    """A title as one line of HTML (each line break, with the spaces around it, one space; said by ``lose``)."""
    if "\n" in title or "\r" in title:
        title = one_line(title)
        lose(HEADLINE, item_id)
    return _escape(title)


def _escape(text: str) -> str:
    """A plain title as TimelineJS HTML: markup characters escaped, runs of spaces kept."""
    return keep_spaces(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def timelinejs_data(tl: Timeline, name: str = "<output>") -> tuple[dict[str, Any], list[Diagnostic]]:
    """The timeline as TimelineJS JSON data, and warnings saying what could not carry over."""
    writer = _Writer(tl, name)
    data = writer.data()
    return data, writer.losses.diagnostics(name)


def timelinejs_json(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as TimelineJS JSON text (deterministic), with warnings."""
    data, diagnostics = timelinejs_data(tl, name)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", diagnostics


def timelinejs_csv(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as a TimelineJS sheet in CSV (the Google-Sheet template's columns), with warnings."""
    data, diagnostics = timelinejs_data(tl, name)
    returns = Losses("TimelineJS")
    for slide in data["events"]:
        if "\r" in json.dumps(slide, ensure_ascii=False).replace("\\r", "\r"):
            returns.lose(CARRIAGE_RETURNS, slide["unique_id"])
    diagnostics += returns.diagnostics(name)
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(list(CSV_COLUMNS))
    rows = [_row(data["title"], "title"), *(_row(event, "") for event in data["events"]),
            *(_row(era, "era") for era in data.get("eras", []))]
    for row in rows:
        out.writerow([line_ends(cell) for cell in row])  # a bare \r would end the row for every reader
    return buffer.getvalue(), diagnostics


def _clock(date: Mapping[str, Any]) -> str | None:
    """The sheet's Time cell for a start_date/end_date: ``20:17`` or ``20:17:40``."""
    if "hour" not in date:
        return None
    return f"{date['hour']:02d}:{date['minute']:02d}" + (f":{date['second']:02d}" if "second" in date else "")


def _row(slide: Mapping[str, Any], kind: str) -> list[str]:
    start, end = slide.get("start_date", {}), slide.get("end_date", {})
    text, media = slide.get("text", {}), slide.get("media", {})
    values = {
        "year": start.get("year"), "month": start.get("month"), "day": start.get("day"),
        "end_year": end.get("year"), "end_month": end.get("month"), "end_day": end.get("day"),
        "time": _clock(start), "end_time": _clock(end), "display_date": slide.get("display_date"), "headline": text.get("headline"), "text": text.get("text"),
        "media": media.get("url"), "media_credit": media.get("credit"), "media_caption": media.get("caption"),
        "media_thumbnail": media.get("thumbnail"), "alt_text": media.get("alt"), "type": kind,
        "group": slide.get("group"),
    }
    return ["" if values.get(field) is None else str(values[field]) for field in CSV_COLUMNS.values()]
