"""Markwhen (``.mw``), the plain-text timeline format: ``when`` reads its dates, ``read`` the file, ``write`` it back."""

from __future__ import annotations

import re
from typing import Any

from timeline.io.markwhen.read import read_markwhen_text
from timeline.io.markwhen.write import markwhen_text

__all__ = ["markwhen_text", "read_markwhen_text", "sniff"]

_EVENT_LINE = re.compile(r"^\s*(?:\d{4}(?:-\d\d){0,2}|\d{1,2}/\d{1,2}(?:/\d{4})?|[A-Z][a-z]{2,8} \d{1,2},? \d{4})"
                         r"[^:=\n]*:\s", re.M)
_TOML_TABLE = re.compile(r"^\s*\[\[?[A-Za-z]", re.M)


def sniff(probe: Any) -> bool:
    """Markwhen without its suffix: event lines such as ``2023-01-03: ...`` and no TOML tables or JSON."""
    text = "\n".join(probe.lines)
    return probe.json is NotImplemented and not _TOML_TABLE.search(text) and bool(_EVENT_LINE.search(text))
