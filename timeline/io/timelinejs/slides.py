"""Slides to a timeline: the one builder every TimelineJS reader (sheet, JSON, TimelineJS 2) feeds.

A reader flattens its input into :class:`Slide` records (the sheet's
fields, each value with where it came from) and hands them to
:class:`SlideBuilder`, which makes events, eras, lanes and the title,
collecting diagnostics.  Dates keep the precision they were given at.
Headlines become full titles: tags dropped, nothing cut, no character
changed (the drawing shortens long titles, with the full text beside).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from timeline._prechecked import prechecked
from timeline.dates import HistoricalDate, Span
from timeline.io.common import Collector, header_key
from timeline.io.markup import html_to_markup, html_to_plain
from timeline.io.slugs import IdAllocator, date_slug, slugify
from timeline.io.skipping import validate_items
from timeline.io.timelinejs.sheetdates import JS_DATE_YEARS, DateCells
from timeline.io.validate import ModelPath, Where
from timeline.model.records import Era, Event, Lane, Media
from timeline.model.timeline import Timeline
from timeline.model.validators import is_valid_id

__all__ = ["BY_KEY", "CSV_COLUMNS", "JS_DATE_YEARS", "NAME_OF", "REQUIRED_COLUMNS", "Slide", "SlideBuilder", "Value"]

#: The sheet's columns in template order, and the field each one fills.
CSV_COLUMNS = {
    "Year": "year", "Month": "month", "Day": "day", "Time": "time",
    "End Year": "end_year", "End Month": "end_month", "End Day": "end_day", "End Time": "end_time",
    "Display Date": "display_date", "Headline": "headline", "Text": "text", "Media": "media",
    "Media Credit": "media_credit", "Media Caption": "media_caption", "Media Thumbnail": "media_thumbnail",
    "Type": "type", "Group": "group", "Background": "background", "Alt Text": "alt_text",
}
#: Columns a sheet must have.
REQUIRED_COLUMNS = ("Year", "Headline")
#: Header keys (see :func:`~timeline.io.common.header_key`) to fields; older sheets call Group "Tag".
BY_KEY = {header_key(name): field for name, field in CSV_COLUMNS.items()} | {"tag": "group"}
NAME_OF = {field: name for name, field in CSV_COLUMNS.items()}
#: An Event from values its validators would pass (a valid id, a parsed date), without running them again.
_event = prechecked(Event)
#: The fields of a slide's Media beside its URL, in the order their warnings come.
_MEDIA_EXTRAS = ("media_credit", "media_caption", "media_thumbnail", "alt_text")
#: What a title slide and an era keep; their other fields are said not kept.
_TITLE_FIELDS = frozenset({"headline", "text", "media", "type"})
_ERA_FIELDS = frozenset({"year", "month", "day", "time", "end_year", "end_month", "end_day", "end_time", "headline",
                         "text", "type"})
class Value(NamedTuple):
    """One input value and where it came from: a CSV cell or a JSON path."""

    text: str
    line: int = 0
    column: int = 0
    source_line: str | None = None
    pointer: str | None = None


class Slide(NamedTuple):
    """One TimelineJS slide, flattened to the sheet's fields."""

    fields: dict[str, Value]
    where: Value  # the slide itself (row start, or its JSON path)
    kind: str = "event"  # event | title | era

    def get(self, field: str) -> str:
        """The field's text, stripped ("" when absent)."""
        value = self.fields.get(field)
        return value.text.strip() if value is not None else ""

    def at(self, field: str) -> Value:
        """The value of ``field``, or the slide's own position when the field is absent."""
        return self.fields.get(field) or self.where


class SlideBuilder(DateCells):
    """Turns slides into a Timeline, collecting diagnostics (warnings summarised once per file).

    ``noun`` names a slide in messages: "row" for a sheet, "slide" for JSON.
    """

    #: The fields whose position a message gives when they are empty ("this row has no Year", at its
    #: cell); any other field may be left out of a slide when empty, as :meth:`Slide.get` reads it alike.
    PLACED_WHEN_EMPTY = frozenset({"year", "end_year"})

    def __init__(self, name: str, collector: Collector, noun: str = "row", strict: bool = False) -> None:
        self.name = name
        self.c = collector
        self.noun = noun
        self.strict = strict
        self.title = ""
        self.description = ""
        self.title_at: Value | None = None
        self.events: list[Event] = []
        self.event_at: list[Value] = []  # where each event's slide is, for the validation pass
        self.eras: list[Era] = []
        self.lanes: dict[str, Lane] = {}  # label -> lane, in order of first use
        self.lane_ids = IdAllocator()
        self.event_ids = IdAllocator()
        self.era_ids = IdAllocator()
        self.dropped_tags: set[str] = set()
        self.dropped_first: Value | None = None
        self.dropped_count = 0
        self.summaries: dict[str, list[Any]] = {}  # key -> [first position, count]

    # reporting
    def error(self, at: Value, message: str) -> None:
        """Record an error at ``at``."""
        self.c.error(message, self.name, at.line, at.column, at.source_line, at.pointer)

    def warning(self, at: Value, message: str) -> None:
        """Record a warning at ``at``."""
        self.c.warning(message, self.name, at.line, at.column, at.source_line, at.pointer)

    def note_once(self, key: str, at: Value) -> None:
        """Count an occurrence of a per-file warning, remembering the first position."""
        entry = self.summaries.setdefault(key, [at, 0])
        entry[1] += 1

    # text
    def _note_dropped(self, dropped: tuple[str, ...], value: Value) -> None:
        if dropped:
            self.dropped_tags.update(dropped)
            self.dropped_first = self.dropped_first or value
            self.dropped_count += 1

    def markup(self, value: Value | None) -> str:
        """A value's HTML as our inline markup (dropped tags noted for one warning)."""
        if value is None or not value.text.strip():
            return ""
        converted = html_to_markup(value.text)
        if converted.dropped:
            self._note_dropped(converted.dropped, value)
        return converted.text

    def plain(self, value: Value | None) -> str:
        """A value's HTML as one line of plain text, whole (for titles and labels)."""
        if value is None or not value.text.strip():
            return ""
        converted = html_to_plain(value.text)
        if converted.dropped:
            self._note_dropped(converted.dropped, value)
        return converted.text

    # slides
    def item(self) -> Any:
        """A scope for one slide: its errors leave it out, with a warning, under --skip-invalid."""
        return self.c.item(self.noun)

    def add(self, slide: Slide) -> None:
        """Read one slide into the timeline being built (call inside :meth:`item`)."""
        kind = slide.kind
        type_text = slide.get("type").lower()
        if type_text in ("title", "era"):
            kind = type_text
        elif type_text:
            self.warning(slide.at("type"), f"unknown Type {slide.get('type')!r} (TimelineJS knows 'title' and "
                                           f"'era'); the {self.noun} is read as an event")
        if kind == "title":
            self._title(slide)
            return
        when, ok = self.when(slide)
        if not ok:
            return
        if kind == "era":
            self._era(slide, when)
            return
        if when is None:
            missing, year = ("Year", "Year") if self.noun == "row" else ("start_date year", "year")
            self.error(slide.at("year"), f"this {self.noun} has no {missing}, so it cannot become an event "
                                         f"(every event needs at least a {year}; only the title {self.noun} may go without)")
            return
        if slide.get("background"):
            self.note_once("background", slide.at("background"))
        text = self.markup(slide.fields.get("text"))
        display = slide.get("display_date")
        title = (self.plain(slide.fields.get("headline")) or html_to_plain(slide.get("text").split("\n")[0]).text
                 or display or when.display())
        event_id = self._event_id(slide, title, when)
        lane, media = self._lane(slide.get("group")), self._media(slide)
        if is_valid_id(event_id):  # what Event's validators check, so it is made without them
            event = _event(event_id, title, when, text, (), lane, (), (), "", media, display, None)
        else:
            event = Event(id=event_id, title=title, when=when, text=text, lane=lane, media=media, display_date=display)
        self.events.append(event)
        self.event_at.append(slide.where)

    def _event_id(self, slide: Slide, title: str, when: HistoricalDate | Span) -> str:
        explicit = slide.get("unique_id")
        date_part = date_slug(when.edtf)
        base = slugify(explicit) if explicit else f"{slugify(title, 'event')}-{date_part}"
        event_id, problem = self.event_ids.given(explicit, base)
        if problem:
            self.warning(slide.at("unique_id"), f"unique_id {explicit!r} {problem}; this event's id is {event_id!r}")
        return event_id

    def _title(self, slide: Slide) -> None:
        if self.title_at is not None:
            where = self.title_at.pointer or f"line {self.title_at.line}"
            self.error(slide.at("type"), f"a second title {self.noun} (the first is at {where}); "
                                         f"a timeline has one title")
            return
        self.title_at = slide.where
        self.title = self.plain(slide.fields.get("headline"))
        self.description = self.markup(slide.fields.get("text"))
        if slide.get("media"):
            self.warning(slide.at("media"), f"the title {self.noun}'s Media (with its caption and credit) is not "
                                            f"kept (a timeline has no title picture); put the link in the title "
                                            f"Text if it matters")
        self._not_kept(slide, _TITLE_FIELDS | ({"media_credit", "media_caption", "media_thumbnail", "alt_text"}
                                               if slide.get("media") else set()),
                       f"the title {self.noun}", "a timeline's title has a headline and a text")

    def _not_kept(self, slide: Slide, kept: "set[str] | frozenset[str]", what: str, why: str) -> None:
        """One warning at the first field of ``slide`` outside ``kept`` that has a value, naming them all."""
        extra = [field for field in slide.fields if field not in kept and slide.get(field)]
        if extra:
            names = ", ".join(NAME_OF.get(f, f) for f in extra)
            self.warning(slide.at(extra[0]), f"{names} of {what} not kept ({why})")

    def _era(self, slide: Slide, when: HistoricalDate | Span | None) -> None:
        if when is None or not isinstance(when, Span):
            self.error(slide.at("end_year" if when is not None else "year"),
                       "an era needs both Year and End Year (a start and a different end)")
            return
        label = self.plain(slide.fields.get("headline")) or when.display()
        self._not_kept(slide, _ERA_FIELDS, "an era", "eras have a label, dates and text only")
        self.eras.append(Era(id=self.era_ids.new(slugify(label, "era")), label=label, when=when,
                             text=self.markup(slide.fields.get("text"))))

    def _lane(self, group: str) -> str | None:
        if not group:
            return None
        lane = self.lanes.get(group)
        if lane is None:
            lane = Lane(id=self.lane_ids.new(slugify(group, "lane")), label=group)
            self.lanes[group] = lane
        return lane.id

    def _media(self, slide: Slide) -> Media | None:
        url = slide.get("media")
        if not url:
            if slide.fields.keys().isdisjoint(_MEDIA_EXTRAS):  # a field absent reads as empty
                return None
            for field in _MEDIA_EXTRAS:
                if slide.get(field):
                    self.warning(slide.at(field), f"{NAME_OF[field]} is given without Media (a URL); it is not kept")
            return None
        return Media(url=url, credit=self.markup(slide.fields.get("media_credit")),
                     caption=self.markup(slide.fields.get("media_caption")),
                     thumbnail=slide.get("media_thumbnail"), alt=slide.get("alt_text"))

    def finish(self) -> Timeline | None:
        """Add the per-file summary warnings and build the timeline (None on errors)."""
        if self.dropped_first is not None:
            cells = "1 cell" if self.dropped_count == 1 else f"{self.dropped_count} cells"
            whole = " (comments and declarations whole)" if any(t.startswith("<") for t in self.dropped_tags) else ""
            self.warning(self.dropped_first,
                         f"HTML tags other than links and emphasis were dropped, keeping their text{whole}: "
                         f"{', '.join(sorted(self.dropped_tags))} ({cells}; the first is here)")
        if "background" in self.summaries:
            at, count = self.summaries["background"]
            self.warning(at, f"Background is not kept ({count} slide(s)); timeline draws its own backgrounds")
        tl = Timeline(
            title=self.title or "Timeline", description=self.description, events=tuple(self.events),
            eras=tuple(self.eras), lanes=tuple(self.lanes.values()),
        )

        def locate(path: ModelPath) -> Where | None:
            at = None
            if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(self.event_at):
                at = self.event_at[path[1]]
            elif path[:1] == ("timeline",):
                at = self.title_at
            return None if at is None else Where(self.name, at.line, at.column, at.source_line, at.pointer)

        tl = validate_items(tl, locate, self.c, name=self.name, strict=self.strict, noun=self.noun,
                            uncited_hint="(TimelineJS has no sources); add sources and citations after "
                                         "converting, see docs/interop.md")
        self.c.summarise_skipped(self.noun, self.name)
        return None if self.c.has_errors else tl
