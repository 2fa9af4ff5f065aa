"""Render a timeline to a standalone HTML page or an embeddable ``<figure>``.

The page and the fragment come from Jinja2 templates (``templates/``):
``page.html.j2`` and ``fragment.html.j2`` both extend ``timeline.html.j2``,
which holds every content block.  Users override any template or block
with ``templates=DIR`` (docs/html.md).  This module builds a plain view
model (dicts of strings and :class:`markupsafe.Markup`), so templates do no
formatting and every piece of data-driven text is escaped exactly once.
"""

from __future__ import annotations

import functools
import itertools
import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import jinja2
from markupsafe import Markup, escape

from timeline import cite
from timeline.dates import Bound, HistoricalDate, Precision, Span
from timeline.errors import UsageError
from timeline.layout.notes import Footnotes, timeline_footnotes
from timeline.model.records import Citation, Claim, Event, Source
from timeline.model.timeline import Timeline
from timeline.support import WEAK_KINDS, support, weak_label
from timeline.render import markup
from timeline.render.charts import Chart, embedded_charts
from timeline.render.html_precompiled import Precompiled
from timeline.render.text import clean_document, clean_text, dom_key, has_bidi
from timeline.resources import packaged_templates

__all__ = ["THEMES", "datetime_value", "html_writer", "make_environment", "noterefs", "render_html"]

#: Colour themes of the page: "auto" follows the reader's light/dark preference.
THEMES = ("auto", "light", "dark", "print")

_PREFIX_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_URL_CLASS = 'class="tl-url"'
_AUTOESCAPE_SUFFIXES = (".html.j2", ".html", ".xml", ".xml.j2", ".htm")
_NOTHING = Markup("")
#: Pieces of a template's output joined at a time (see _rendered).  A list entry or note is one piece
#: (the template gathers each), about 1 KB, so a batch holds a few hundred KB whatever the page's size.
_BATCH = 256


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(_AUTOESCAPE_SUFFIXES)


@functools.lru_cache(maxsize=8)
def _packaged_environment(theme: str) -> jinja2.Environment:
    """The environment for the packaged templates, built once per theme so templates compile once.

    A user's folder is not cached: templates edited between calls (say, in a notebook) take effect.
    """
    return make_environment(None, theme)


def make_environment(templates: str | Path | None = None, theme: str = "auto") -> jinja2.Environment:
    """The Jinja environment: user folder, then theme folder, then packaged defaults.

    The packaged defaults are also reachable as ``default/<name>``, so a
    user template may extend the one it replaces
    (``{% extends "default/page.html.j2" %}``).
    """
    packaged = packaged_templates()
    search: list[jinja2.BaseLoader] = []
    if templates is not None:
        user = Path(templates)
        if not user.is_dir():
            raise UsageError(f"templates must be a folder of templates; got '{user}', which is not a folder")
        search.append(jinja2.FileSystemLoader(str(user)))
        if (user / "themes" / theme).is_dir():
            search.append(jinja2.FileSystemLoader(str(user / "themes" / theme)))
    if (packaged / "themes" / theme).is_dir():
        search.append(jinja2.FileSystemLoader(str(packaged / "themes" / theme)))
    search.append(Precompiled(packaged))  # the packaged templates as Jinja compiled them ahead of time
    search.append(jinja2.FileSystemLoader(str(packaged)))
    search.append(jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(packaged))}))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(search),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["markup"] = markup.block
    env.filters["inline_markup"] = markup.inline
    env.filters["link"] = markup.link
    env.filters["dom_key"] = dom_key
    env.globals["safe_url"] = markup.safe_url
    env.globals["noterefs"] = noterefs
    return env


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
    edtf = escape(when.edtf)
    if value is None:
        return Markup(f'<span class="{css}" data-edtf="{edtf}">{escape(label)}</span>')
    return Markup(f'<time class="{css}" datetime="{value}" data-edtf="{edtf}">{escape(label)}</time>')


# -- citations ---------------------------------------------------------------


def _runs_html(runs: Sequence[cite.Run], url: str = "") -> Markup:
    """Chicago runs as HTML: italics as <i>, the source URL as a link when it is safe."""
    out: list[str] = []
    for run in runs:
        text = run.text
        if url and url in text:
            before, _, after = text.partition(url)
            piece = f"{escape(before)}{markup.link(url, attrs=_URL_CLASS)}{escape(after)}"
        else:
            piece = str(escape(text))
        out.append(f"<i>{piece}</i>" if run.italic else piece)
    return Markup("".join(out))


class _View(types.SimpleNamespace):
    """A view-model entry whose fields templates read as attributes (``ev.title``).

    Jinja tries ``getattr`` before ``[key]``: on a plain dict every lookup first
    raises and catches an AttributeError, about 0.9 µs each, 360,000 times for a
    10,000-event page.  ``ev["title"]`` still works in a template.
    """

    def __init__(self, fields: dict[str, Any]) -> None:
        super().__init__(**fields)


class _Refs:
    """Note references in the list, with ids so each endnote can link back to each."""

    def __init__(self, prefix: str, footnotes: Footnotes):
        self.prefix = prefix
        self.footnotes = footnotes
        self.backlinks: dict[int, list[str]] = {}

    def make(self, citations: Iterable[Citation]) -> list[_View]:
        refs = []
        for number in self.footnotes.numbers_for(citations):
            uses = self.backlinks.setdefault(number, [])
            ref_id = f"{self.prefix}-ref-{number}" + (f"-{len(uses) + 1}" if uses else "")
            uses.append(ref_id)
            refs.append(_View({"number": number, "id": ref_id, "href": f"#{self.prefix}-note-{number}"}))
        return refs


def noterefs(refs: Sequence[_View]) -> Markup:
    """Note references as superscript links, "1,2" (the templates' ``noterefs``; a Python function,
    as a Jinja macro called for every entry of a long list was a sixth of its template time)."""
    if not refs:
        return _NOTHING
    # The ids, links and numbers are ours (a checked prefix, digits): nothing in them to escape.
    links = '<span class="tl-sep">,</span>'.join(
        f'<a id="{r.id}" href="{r.href}" role="doc-noteref" aria-label="note {r.number}">{r.number}</a>' for r in refs)
    return Markup(f'<sup class="tl-refs">{links}</sup>')


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


def _event(ev: Event, prefix: str, lanes: dict[str, str], refs: _Refs, sources: Mapping[str, Source]) -> _View:
    own = refs.make(ev.citations)
    claims = [_claim(c, refs) for c in ev.claims]
    label = ev.date_label()
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
    return _View({
        "id": ev.id,
        "item_id": f"{prefix}-item-{ev.id}",
        "figure_id": f"{prefix}-ev-{dom_key(ev.id)}",
        "title": ev.title,
        "date_label": label,
        "date": _when_html(ev.when, label),
        "edtf": ev.when.edtf,
        "lane": ev.lane or "",
        "lane_label": lanes.get(ev.lane or "", ev.lane or ""),
        "tags": list(ev.tags),
        "tag_keys": " ".join(dom_key(t) for t in ev.tags),
        "text": markup.block(ev.text) if ev.text else _NOTHING,
        "note": markup.block(ev.note) if ev.note else _NOTHING,
        "refs": own,
        "claims": claims,
        "date_claims": [c for c in claims if c.about == "date" and c.when is not None],
        "other_claims": [c for c in claims if not (c.about == "date" and c.when is not None)],
        "claim_groups": _claim_groups(ev, claims) if ev.claims else [],
        "disputed": ev.is_disputed if ev.claims else False,
        "disputes": list(ev.disputes) if ev.claims else [],
        "support": kind.value if kind is not None else "",
        "weak": weak_label(ev, sources) if kind in WEAK_KINDS else "",
        "context": ev.is_context,
        "media": media,
    })


def _context(tl: Timeline, *, prefix: str, fragment: bool, theme: str, lang: str,
             charts: Sequence[Chart]) -> dict[str, Any]:
    footnotes = timeline_footnotes(tl)
    refs = _Refs(prefix, footnotes)
    lane_objs = tl.lane_order()
    lanes = {lane.id: lane.name for lane in lane_objs}
    events = [_event(ev, prefix, lanes, refs, tl.sources) for ev in tl.sorted_events()]
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
    for note in footnotes.notes:
        src = tl.sources.get(note.source)
        body = _runs_html(cite.note(src, note.locator), src.url) if src else escape(
            f"{note.source}, {note.locator}." if note.locator else f"{note.source}.")
        notes.append(_View({
            "number": note.number,
            "id": f"{prefix}-note-{note.number}",
            "source": note.source,
            "source_href": f"#{prefix}-src-{note.source}" if src else None,
            "html": body,
            "quote": note.quote,
            "backlinks": refs.backlinks.get(note.number, []),
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


# -- entry point -------------------------------------------------------------


def render_html(
    tl: Timeline,
    fragment: bool = False,
    *,
    templates: str | Path | None = None,
    theme: str = "auto",
    orientation: str | None = None,
    id_prefix: str = "tl",
    include_context: bool = True,
    lang: str = "en",
    responsive: bool = True,
    plain_image: dict[str, Any] | None = None,
    **svg_options: Any,
) -> str:
    """Render a timeline to a standalone HTML page, or (``fragment=True``) one ``<figure>``.

    ``templates`` is a folder whose templates override the packaged ones;
    ``theme`` is "auto" (follows the reader's light/dark setting), "light",
    "dark" or "print"; ``id_prefix`` starts every id, so several timelines
    can share a page; ``responsive`` (default) also embeds a column and a phone chart,
    and CSS shows the one laid out for the figure's width; other keyword arguments go to
    the SVG renderer (``scale``, ``width``...).  The output is deterministic.
    ``plain_image`` (src, alt, width, height) renders the sanitiser-safe fragment around that
    image instead (see :func:`timeline.render.plain.render_plain`, which makes the image).
    """
    template, context = _prepared(tl, fragment, templates=templates, theme=theme, orientation=orientation,
                                  id_prefix=id_prefix, include_context=include_context, lang=lang,
                                  responsive=responsive, plain_image=plain_image, **svg_options)
    # One pass over the finished document removes controls and lone surrogates from any field,
    # and keeps each text's bidi overrides inside it.
    return clean_document(_rendered(template, context))


def html_writer(tl: Timeline, fragment: bool = False, **options: Any) -> Callable[[BinaryIO], None]:
    """What writes ``render_html(tl, fragment, **options)`` as UTF-8 into a binary file, in pieces.

    The charts and the view model are made now (so a mistake is reported before any file is
    touched); the returned function streams the template's output, so the whole page never sits
    in memory (at 100,000 events, hundreds of MB).  The bytes are exactly ``render_html``'s: a
    document with a bidi control is isolated text node by text node, which needs it whole, so
    on the first such character the writer goes back to where it started and writes it whole.
    """
    template, context = _prepared(tl, fragment, **options)

    def write(handle: BinaryIO) -> None:
        start = handle.tell()
        for text in _batches(template, context):
            if not text.isascii() and has_bidi(text):
                handle.seek(start)
                handle.truncate()
                handle.write(clean_document(_rendered(template, context)).encode("utf-8"))
                return
            handle.write(clean_text(text).encode("utf-8"))

    return write


def _prepared(tl: Timeline, fragment: bool, *, templates: str | Path | None = None, theme: str = "auto",
              orientation: str | None = None, id_prefix: str = "tl", include_context: bool = True,
              lang: str = "en", responsive: bool = True, plain_image: dict[str, Any] | None = None,
              **svg_options: Any) -> tuple[Any, dict[str, Any]]:
    """The template and its context for :func:`render_html`'s arguments (charts laid out, view model made)."""
    if theme not in THEMES:
        raise UsageError(f"theme must be one of {', '.join(THEMES)}; got {theme!r}")
    if not isinstance(id_prefix, str) or not _PREFIX_RE.match(id_prefix):
        raise UsageError(f"id_prefix must be letters, digits, '-' or '_' starting with a letter; got {id_prefix!r}")
    if not include_context:
        tl = tl.without_tags("context")
    if orientation is not None:
        svg_options["orientation"] = orientation
    svg_options.setdefault("include_context", include_context)
    if plain_image is None:
        charts = embedded_charts(tl, id_prefix, theme, svg_options, responsive=responsive)
        name = "fragment.html.j2" if fragment else "page.html.j2"
    else:
        charts, fragment, name = [], True, "plain.html.j2"
    env = make_environment(templates, theme) if templates is not None else _packaged_environment(theme)
    context = _context(tl, prefix=id_prefix, fragment=fragment, theme=theme, lang=lang, charts=charts)
    context["image"] = plain_image
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise UsageError(f"template '{exc.name}' not found in {templates or packaged_templates()}") from exc
    return template, context


def _rendered(template: jinja2.Template, context: dict[str, Any]) -> str:
    """``template.render(context)``, its pieces joined a batch at a time: render joins every piece at
    once, and at 100,000 events the list of its millions of small strings weighs more than the page."""
    return "".join(_batches(template, context))


def _batches(template: jinja2.Template, context: dict[str, Any]) -> Iterator[str]:
    """The template's output, ``_BATCH`` of its pieces joined at a time."""
    pieces = template.generate(context)
    while batch := list(itertools.islice(pieces, _BATCH)):
        yield "".join(batch)
