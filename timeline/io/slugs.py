"""Stable ids for things that arrive without one (TimelineJS slides, CSV rows, lanes)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from timeline.model.validators import is_valid_id

__all__ = ["IdAllocator", "slugify"]

_NON_ID = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 48


def slugify(text: str, fallback: str = "item") -> str:
    """Lower-case ASCII words joined by '-', cut at a word boundary; ``fallback`` when nothing is left.

    Accents are stripped (``Café`` -> ``cafe``); scripts with no ASCII form
    (Cyrillic, Greek) fall back, because ids must stay plain ASCII.
    """
    # NFKD leaves ASCII as it is: only other text needs the accents stripped.
    ascii_text = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ID.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > _MAX_SLUG:
        cut = slug[:_MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or fallback


class IdAllocator:
    """Hands out unique ids in call order: ``x``, then ``x-2``, ``x-3`` for repeats.

    Ids in ``reserved`` (explicit ids given in the input) are never handed out,
    so a generated id cannot collide with one the author chose.
    """

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(reserved)

    def claim(self, wanted: str) -> str:
        """Take ``wanted`` as given (an explicit id); return it."""
        self.taken.add(wanted)
        return wanted

    def given(self, wanted: str, base: str) -> tuple[str, str | None]:
        """The id an input asked for when it is valid and free, else a new one from ``base``; and why not.

        The reason (None when ``wanted`` is kept or empty) completes a warning
        such as "unique_id 'x' is already the id of an earlier event".
        """
        if not wanted:
            return self.new(base), None
        if wanted in self.taken:
            return self.new(base), "is already the id of an earlier event"
        if not is_valid_id(wanted):
            return self.new(base), ("is not an id (an id is letters, digits, '-', '_', '.' and ':', starting with "
                                    "a letter or digit)")
        return self.claim(wanted), None

    def new(self, base: str) -> str:
        """A fresh id built from ``base``."""
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate
