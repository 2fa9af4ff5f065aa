"""Text hygiene shared by the renderers."""

from __future__ import annotations

import re

__all__ = ["clean_text"]

# Characters XML 1.0 allows: tab, LF, CR, and the ranges below (no lone surrogates, no U+FFFE/FFFF).
# HTML forbids the same controls and noncharacters, so one rule serves both outputs.
_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """Text with characters illegal in XML 1.0 (controls, lone surrogates, U+FFFE/F) removed."""
    return _ILLEGAL_XML.sub("", text)
