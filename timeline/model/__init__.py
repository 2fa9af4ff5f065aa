"""The timeline model: frozen attrs classes and nothing that parses text.

Text becomes these objects in :mod:`timeline.io` (files) or in the
timeline's builders that accept date strings (``Timeline.add_event``),
never in ``__init__`` converters.  One module a job:

- :mod:`~timeline.model.validators`: the field checks the classes share;
- :mod:`~timeline.model.records`: sources, citations, claims, media, lanes, eras, events;
- :mod:`~timeline.model.timeline`: the whole timeline, its views, filters and builders.

The names are imported here, so ``from timeline.model import Event`` keeps working.
"""

from __future__ import annotations

# CONTEXT_TAG, disputed_label and the validators are not in __all__, but stay importable from here.
from timeline.model.records import (
    CONTEXT_TAG,
    Citation,
    Claim,
    ClaimRank,
    Era,
    Event,
    Lane,
    Media,
    Quantity,
    Source,
    SourceKind,
    disputed_label,
)
from timeline.model.timeline import Timeline
from timeline.model.validators import PRIORITY_RANGE, date_like, is_valid_id, valid_id

__all__ = [
    "Citation",
    "Claim",
    "ClaimRank",
    "Era",
    "Event",
    "Lane",
    "Media",
    "Quantity",
    "Source",
    "SourceKind",
    "Timeline",
    "is_valid_id",
]
