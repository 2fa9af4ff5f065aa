"""How strong an event's evidence is: its ``support``, and whether its title says whose claim it is.

An event's support is the strongest kind among the sources it cites (its own
citations and its claims'), in the order :class:`~timeline.model.SourceKind`
gives: scholarly and primary first, then reference, then journalism, then
blog, forum and partisan.  A source of unknown kind (``other``, or a source
id that is not defined) ranks after journalism and before the weak kinds: we
cannot call it weak, so an event that cites one is never drawn as resting on
weak sources only.

An event whose support is blog, forum or partisan is *weak-only*: the chart
draws it distinctly, and its title must say whose claim it is
("The polemical article: 90% of ..."); :func:`attribution_problem` is the
check ``timeline check`` runs (a warning, an error under ``--strict``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from timeline.model.records import Citation, Event, Source, SourceKind

__all__ = ["SUPPORT_ORDER", "WEAK_KINDS", "attribution_problem", "is_attributed", "support", "weak_label",
           "weak_only"]

#: Strongest first.  ``other`` (unknown) sits before the weak kinds on purpose (see the module doc).
SUPPORT_ORDER = (
    SourceKind.SCHOLARLY, SourceKind.PRIMARY, SourceKind.REFERENCE, SourceKind.JOURNALISM, SourceKind.OTHER,
    SourceKind.BLOG, SourceKind.FORUM, SourceKind.PARTISAN,
)
#: The kinds an event must not rest on alone without saying so.
WEAK_KINDS = frozenset({SourceKind.BLOG, SourceKind.FORUM, SourceKind.PARTISAN})
_RANK = {kind: i for i, kind in enumerate(SUPPORT_ORDER)}

# "Who: what" (a short prefix before a colon) or "According to who, what".
_ATTRIBUTED = re.compile(r"^(?:[^:]{1,60}:\s+\S|according to\s)", re.IGNORECASE)


def _kinds(citations: Iterable[Citation], sources: Mapping[str, Source]) -> list[SourceKind]:
    return [sources[c.source].kind if c.source in sources else SourceKind.OTHER for c in citations]


def support(ev: Event, sources: Mapping[str, Source]) -> SourceKind | None:
    """The strongest kind among the sources an event cites, or None when it cites nothing."""
    kinds = _kinds(ev.all_citations, sources)
    return min(kinds, key=_RANK.__getitem__) if kinds else None


def weak_only(ev: Event, sources: Mapping[str, Source]) -> bool:
    """True when every source the event cites is a blog, a forum or a partisan text."""
    return support(ev, sources) in WEAK_KINDS


def weak_label(ev: Event, sources: Mapping[str, Source]) -> str:
    """What a weak-only event rests on, for a badge: "only a partisan source", "only blog and partisan sources"."""
    present = set(_kinds(ev.all_citations, sources))
    kinds = [kind.value for kind in SUPPORT_ORDER if kind in present]
    if len(kinds) == 1 and len({c.source for c in ev.all_citations}) == 1:
        return f"only a {kinds[0]} source"
    return f"only {' and '.join(kinds)} sources"


def is_attributed(title: str) -> bool:
    """True when a title says whose claim it is: "Polemical article: ..." or "According to ...". """
    return bool(_ATTRIBUTED.match(title.strip()))


def _who(ev: Event, sources: Mapping[str, Source]) -> str:
    """A short name for the event's first source, for the suggested title."""
    first = ev.all_citations[0].source
    src = sources.get(first)
    if src is not None and src.author:
        return src.author[0]
    if src is not None and src.title and len(src.title) <= 40:
        return src.title
    kind = src.kind.value if src is not None else "other"
    return f"The {kind} source"


def _kind_words(ev: Event, sources: Mapping[str, Source]) -> str:
    """ "a partisan source (polemic) says", "forum and partisan sources (acritas, polemic) say". """
    present = set(_kinds(ev.all_citations, sources))
    kinds = [kind.value for kind in SUPPORT_ORDER if kind in present]
    ids = sorted({c.source for c in ev.all_citations})
    if len(ids) == 1:
        return f"a {kinds[0]} source ({ids[0]}) says"
    return f"{' and '.join(kinds)} sources ({', '.join(ids)}) say"


def attribution_problem(ev: Event, sources: Mapping[str, Source]) -> str | None:
    """The warning for a weak-only event whose title states its claim as fact, or None."""
    if not weak_only(ev, sources) or is_attributed(ev.title):
        return None
    return (f"title '{ev.title}' states as fact what only {_kind_words(ev, sources)}; attribute it, "
            f"e.g. title = \"{_who(ev, sources)}: {ev.title}\"")
