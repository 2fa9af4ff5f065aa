"""Where the bundled events and templates are, in a checkout or an installed wheel.

In a wheel they are copied into ``timeline/_data/`` (hatchling
``force-include``); in a source checkout or editable install they sit at
the top of the repository, beside the package.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_events", "packaged_templates"]

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled '{name}' folder is missing from this installation of timeline")


def bundled_events() -> Path:
    """The directory of the bundled 1930–1956 timeline."""
    return _find("events")


def packaged_templates() -> Path:
    """The directory of the default templates and CSS."""
    return _find("templates")
