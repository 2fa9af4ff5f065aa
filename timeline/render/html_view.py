"""The HTML renderer's view model: a timeline as plain entries of escaped text for the templates.

Entries are :class:`_View` objects of strings and :class:`markupsafe.Markup` (a date as
``<time>``, citations as note references with back-links, notes and bibliography in
Chicago style), so templates do no formatting and every piece of data-driven text is
escaped exactly once.  This is the per-event part of rendering a page: keep it lean.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from timeline import cite
from timeline.dates import Bound, HistoricalDate, Precision, Span
from timeline.layout.notes import Footnotes, note_runs, timeline_footnotes
from timeline.model.records import Citation, Claim, Event, Source
from timeline.model.timeline import Timeline
from timeline.render import markup
from timeline.render.markup import escaped, safe
from timeline.render.text import dom_key
from timeline.support import WEAK_KINDS, support, weak_label

if TYPE_CHECKING:
    from timeline.render.charts import Chart

__all__ = ["datetime_value", "noterefs"]

_URL_CLASS = 'class="tl-url"'
_NOTHING = Markup("")
#: support.WEAK_KINDS as a tuple: a kind is found in it by identity, not by the enum's Python __hash__.
_WEAK_KINDS = tuple(WEAK_KINDS)


# -- dates -------------------------------------------------------------------


def datetime_value(when: HistoricalDate | Span | None) -> str | None:
    """The nearest valid HTML ``datetime`` (YYYY, YYYY-MM, YYYY-MM-DD), or None.

    Bounded dates ("by 1955"), decades, ranges and years outside 1..9999
    have no honest single value, so they get none.  A season is given as
    its year; approximate and uncertain dates keep their precision.
    """
    if not isinstance(when, HistoricalDate) or when.bound is not Bound.EXACT:
        return None
    day = when.earliest
    if day is None or when.part is not None or not 1 <= day.year <= 9999:
        return None
    if when.precision <= Precision.DAY:
        # A time of day as written (its zone too); the day is the proleptic Gregorian one, as HTML wants.
        clock = "" if when.time is None or when.time.hour == 24 else when.time.edtf   # HTML has no 24:00
        return day.isoformat() + clock
    if when.calendar != "gregorian":
        return None   # a Julian month or year is not the Gregorian month or year of the same name
    if when.precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if when.precision in (Precision.YEAR, Precision.SEASON):
        return f"{day.year:04d}"
    return None


def _when_html(when: HistoricalDate | Span, label: str, css: str = "tl-date") -> Markup:
    value = datetime_value(when)
    edtf = escaped(when.edtf)
    if value is None:
        return safe(f'<span class="{css}" data-edtf="{edtf}">{escaped(label)}</span>')
    return safe(f'<time class="{css}" datetime="{value}" data-edtf="{edtf}">{escaped(label)}</time>')


# -- citations ---------------------------------------------------------------


def _runs_html(runs: Sequence[cite.Run], url: str = "") -> Markup:
    """Chicago runs as HTML: italics as <i>, the source URL as a link when it is safe."""
    out: list[str] = []
    for run in runs:
        text = run.text
        if url and url in text:
            before, _, after = text.partition(url)
            piece = f"{escaped(before)}{markup.link(url, attrs=_URL_CLASS)}{escaped(after)}"
        else:
            piece = escaped(text)
        out.append(f"<i>{piece}</i>" if run.italic else piece)
    return safe("".join(out))


class _View(types.SimpleNamespace):
    """A view-model entry whose fields templates read as attributes (``ev.title``).

    Jinja tries ``getattr`` before ``[key]``: on a plain dict every lookup first
    raises and catches an AttributeError, about 0.9 µs each, 360,000 times for a
    10,000-event page.  ``ev["title"]`` still works in a template.
    """

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)


class _Refs:
    """Note references in the list, with ids so each endnote can link back to each."""

    def __init__(self, prefix: str, footnotes: Footnotes):
        self.prefix = prefix
        self.footnotes = footnotes
        self.backlinks: dict[int, list[str]] = {}

    def make(self, citations: Sequence[Citation]) -> list[_View]:
        """A reference to each distinct note of the citations, in order (``Footnotes.numbers_for``'s)."""
        refs: list[_View] = []
        if not citations:
            return refs
        numbers, backlinks, prefix = self.footnotes.numbers, self.backlinks, self.prefix
        seen: set[int] = set()
        for citation in citations:
            number = numbers[citation.key]
            if number in seen:
                continue
            seen.add(number)
            uses = backlinks.get(number)
            if uses is None:
                ref_id = f"{prefix}-ref-{number}"
                backlinks[number] = [ref_id]
            else:
                ref_id = f"{prefix}-ref-{number}-{len(uses) + 1}"
                uses.append(ref_id)
            refs.append(_View({"number": number, "id": ref_id, "href": f"#{prefix}-note-{number}"}))
        return refs


def noterefs(refs: Sequence[_View]) -> Markup:
    """Note references as superscript links, "1,2" (the templates' ``noterefs``; a Python function,
    as a Jinja macro called for every entry of a long list was a sixth of its template time)."""
    if not refs:
        return _NOTHING
    # The ids, links and numbers are ours (a checked prefix, digits): nothing in them to escape.
    links = '<span class="tl-sep">,</span>'.join([
        f'<a id="{r.id}" href="{r.href}" role="doc-noteref" aria-label="note {r.number}">{r.number}</a>' for r in refs])
    return safe(f'<sup class="tl-refs">{links}</sup>')


def _backlinks_html(number: int, ids: Sequence[str]) -> Markup:
    """A note's links back to each reference to it (one unnumbered, several numbered ↩¹ ↩²)."""
    # The ids are ours (a checked prefix, digits): nothing in them to escape.
    if len(ids) == 1:
        return safe(f' <a class="tl-backlink" href="#{ids[0]}" role="doc-backlink" '
                    f'aria-label="Back to reference to note {number}">↩&#xFE0E;</a>')
    return safe("".join([f' <a class="tl-backlink" href="#{ref}" role="doc-backlink" aria-label="Back to reference '
                         f'{i} to note {number}">↩&#xFE0E;<sup>{i}</sup></a>' for i, ref in enumerate(ids, 1)]))


# -- the view model ------------------------------------------------------------


def _claim(claim: Claim, refs: _Refs) -> _View:
    when = None
    if claim.when is not None:
        label = claim.text or claim.when.display()
        when = _when_html(claim.when, label, "tl-claim-date")
    return _View({
        "label": claim.display(),
        "by": claim.by,
        "kind": claim.kind,
        "when": when,
        "about": claim.about,
        "rank": claim.rank.value,
        "note": markup.inline(claim.note),
        "refs": refs.make(claim.citations),
    })


def _claim_groups(ev: Event, claims: list[_View]) -> list[_View]:
    """Claims about other things than the date, one group per ``about``: its sides in file order."""
    by_claim = dict(zip((id(c) for c in ev.claims), claims, strict=True))
    disputed = set(ev.disputes)
    return [_View({"about": about, "label": about[:1].upper() + about[1:], "disputed": about in disputed,
                   "sides": [by_claim[id(c)] for c in group]})
            for about, group in ev.claim_groups()]


def _event(ev: Event, prefix: str, lanes: dict[str, str], refs: _Refs, sources: Mapping[str, Source],
           dates: dict[int, tuple[Any, str, Markup]] | None = None) -> _View:
    """One entry of the list.  ``dates`` keeps each date's label and HTML by the date object (the
    readers share one object among the events that give the same date), for the events that show
    their date as it is."""
    own = refs.make(ev.citations)
    date = None
    if ev.claims:
        claims = [_claim(c, refs) for c in ev.claims]
        label = ev.date_label()
        date_claims = [c for c in claims if c.about == "date" and c.when is not None]
        other_claims = [c for c in claims if not (c.about == "date" and c.when is not None)]
        groups, disputed, disputes = _claim_groups(ev, claims), ev.is_disputed, list(ev.disputes)
    else:  # most events: what date_label() says without claims, and no claim lists to fill
        claims, date_claims, other_claims, groups, disputed, disputes = [], [], [], [], False, []
        if ev.display_date:
            label = ev.display_date
        else:
            when = ev.when
            known = dates.get(id(when)) if dates is not None else None
            if known is not None and known[0] is when:
                label, date = known[1], known[2]
            else:
                label = when.display()
                date = _when_html(when, label)
                if dates is not None:
                    dates[id(when)] = (when, label, date)
    kind = support(ev, sources)
    media = None
    if ev.media is not None:
        media = _View({
            "url": ev.media.url,
            "safe_url": markup.safe_url(ev.media.url),
            "label": ev.media.caption or ev.media.alt or ev.media.url,
            "caption": markup.inline(ev.media.caption),
            "alt": ev.media.alt,
            "credit": markup.inline(ev.media.credit),
        })
    lane = ev.lane or ""
    tags = ev.tags
    weak = weak_label(ev, sources) if kind in _WEAK_KINDS else ""
    context = ev.is_context
    # The entry's extra classes and its badges after the date, as the template wrote them from
    # disputed, disputes, weak and context: pieces the packaged template writes whole.
    classes = badges = ""
    if disputed:
        classes, badges = " tl-disputed", ' <span class="tl-badge">date disputed</span>'
    if context:
        classes += " tl-context"
    if weak:
        classes += " tl-weak"
    if disputes or weak or context:
        if disputes:
            badges += ' <span class="tl-badge">disputed</span>'
        if weak:
            badges += f' <span class="tl-badge tl-badge-weak">{escaped(weak)}</span>'
        if context:
            badges += ' <span class="tl-badge tl-badge-context">context</span>'
    return _View({
        "id": ev.id,
        "item_id": f"{prefix}-item-{ev.id}",
        "figure_id": f"{prefix}-ev-{dom_key(ev.id)}",
        "title": ev.title,
        "date_label": label,
        "date": _when_html(ev.when, label) if date is None else date,
        "edtf": ev.when.edtf,
        "lane": lane,
        "lane_label": lanes.get(lane, lane),
        "tags": list(tags),
        "tag_keys": " ".join([dom_key(t) for t in tags]) if tags else "",
        "text": markup.block(ev.text) if ev.text else _NOTHING,
        "note": markup.block(ev.note) if ev.note else _NOTHING,
        "refs": own,
        "claims": claims,
        "date_claims": date_claims,
        "other_claims": other_claims,
        "claim_groups": groups,
        "disputed": disputed,
        "disputes": disputes,
        "support": kind.value if kind is not None else "",
        "weak": weak,
        "context": context,
        "media": media,
        "classes": classes,
        "badges": safe(badges) if badges else _NOTHING,
        "noterefs": noterefs(own),
    })


def _context(tl: Timeline, *, prefix: str, fragment: bool, theme: str, lang: str,
             charts: Sequence[Chart]) -> dict[str, Any]:
    footnotes = timeline_footnotes(tl)
    refs = _Refs(prefix, footnotes)
    lane_objs = tl.lane_order()
    lanes = {lane.id: lane.name for lane in lane_objs}
    dates: dict[int, tuple[Any, str, Markup]] = {}
    events = [_event(ev, prefix, lanes, refs, tl.sources, dates) for ev in tl.sorted_events()]
    eras = []
    for era in sorted(tl.eras, key=lambda e: (e.when.sort_key, e.id)):
        eras.append(_View({
            "id": era.id,
            "label": era.label,
            "date": _when_html(era.when, era.when.display()),
            "text": markup.inline(era.text),
            "refs": refs.make(era.citations),
        }))
    notes = []
    for note, runs in zip(footnotes.notes, note_runs(tl), strict=True):
        src = tl.sources.get(note.source)
        body = _runs_html(runs, src.url) if src and runs is not None else safe(escaped(note.unsourced))
        backlinks = refs.backlinks.get(note.number, [])
        notes.append(_View({
            "number": note.number,
            "id": f"{prefix}-note-{note.number}",
            "source": note.source,
            "source_href": f"#{prefix}-src-{note.source}" if src else None,
            "html": body,
            "quote": note.quote,
            "backlinks": backlinks,
            "backlinks_html": _backlinks_html(note.number, backlinks),
        }))
    groups = []
    for kind, heading in cite.KIND_LABELS.items():
        entries = []
        for sid in sorted(tl.sources):
            src = tl.sources[sid]
            if src.kind is not kind:
                continue
            runs = cite.bibliography_entry(src)
            entries.append(_View({
                "id": f"{prefix}-src-{sid}",
                "key": (cite.plain(runs).casefold(), sid),
                "html": _runs_html(runs, src.url),
                "reliability": markup.inline(src.reliability),
                "note": markup.inline(src.note),
            }))
        if entries:
            entries.sort(key=lambda e: e.key)
            groups.append({"kind": kind.value, "heading": heading, "id": f"{prefix}-bib-{kind.value}",
                           "entries": entries})
    used_lanes = {ev.lane for ev in events}
    return {
        "tl": tl,
        "title": tl.title,
        "subtitle": tl.subtitle,
        "description": markup.block(tl.description),
        "prefix": prefix,
        "fragment": fragment,
        "theme": theme,
        "lang": lang,
        "overview": any(c.kind == "overview" for c in charts),
        "charts": [{"kind": c.kind, "id": c.id, "svg": Markup(c.svg), "note": c.note} for c in charts],
        "events": events,
        "eras": eras,
        "notes": notes,
        "bibliography": groups,
        "lanes": [{"id": lane.id, "label": lane.name} for lane in lane_objs if lane.id in used_lanes],
        "tags": sorted({t for ev in events for t in ev.tags}),
        "heading": 2 if fragment else 1,
        "range_label": tl.range.display() if tl.range is not None else "",
    }
