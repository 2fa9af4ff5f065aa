"""Stable ids for things that arrive without one (TimelineJS slides, CSV rows, lanes)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from timeline.model.validators import is_valid_id

__all__ = ["IdAllocator", "date_slug", "slugify"]

_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_MAX_SLUG = 48
#: Byte tables for ``bytes.translate``: a slug's letters and digits kept (capitals made small), an EDTF's letters
#: and digits kept as they are, every other byte a space, so ``split`` finds the words (a C table lookup a
#: character, where the equivalent regex substitution costs twice to three times as much).
_SLUG_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_ALNUM_BYTES = bytes(c if 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


def slugify(text: str, fallback: str = "item") -> str:
    """Lower-case ASCII words joined by '-', cut at a word boundary; ``fallback`` when nothing is left.

    Accents are stripped (``Café`` -> ``cafe``); scripts with no ASCII form
    (Cyrillic, Greek) fall back, because ids must stay plain ASCII.
    """
    # NFKD leaves ASCII as it is: only other text needs the accents stripped.
    raw = text.encode("ascii") if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    slug = b"-".join(raw.translate(_SLUG_BYTES).split()).decode("ascii")  # other runs one "-", none at the ends
    if len(slug) > _MAX_SLUG:
        cut = slug[:_MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or fallback


def date_slug(edtf: str) -> str:
    """An EDTF date as the tail of an id: its ASCII letters and digits, each run of other characters one '-',
    none at the ends (``1953-03-05/1953-04`` -> ``1953-03-05-1953-04``)."""
    if edtf.isascii():
        return b"-".join(edtf.encode("ascii").translate(_ALNUM_BYTES).split()).decode("ascii")
    return _NOT_ALNUM.sub("-", edtf).strip("-")


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
