"""Which TOML parser the reader uses: the stdlib's, tomli's compiled wheel, or rtoml backed by tomli.

With the optional ``fast`` extra (docs/design.md), rtoml (Rust) parses first and tomli's compiled
wheel, the parser ``tomllib`` was vendored from, answers everything else: any text rtoml refuses
(so every syntax error keeps tomli's message and position), a text starting with a byte-order mark
(which rtoml accepts and tomli refuses), and a text that may hold a time with an offset (rtoml's
``tzinfo`` is its own class, tomli's is :class:`datetime.timezone`).  With those two rules, on the TOML
test suite's 777 files the two accept and refuse the same documents and give equal tables;
``tests/test_fast_paths.py`` compares them on every TOML file of the project and on generated text.
Without tomli compiled, rtoml is not used: the stdlib's parser refuses TOML 1.1 syntax that rtoml
and tomli 2.3+ accept, so rtoml first would let through what the fallback refuses.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["PARSER", "RtomlFirst"]

# What ends a time of day with an offset or "Z" (07:32:00Z, 07:32:00.5-05:00, 07:32+01:00). It starts
# with the colon so that the search skips to each ":" (a leading digit class made it test every
# character: ~25 ms on a 2-MB file); it also matches text that is no time, which only goes to tomli.
_OFFSET_TIME = re.compile(r":\d\d(?::\d\d(?:\.\d*)?)?[ \t]*(?:[Zz]|[+-]\d)")


class RtomlFirst:
    """A ``loads`` that tries rtoml and leaves every text it refuses or may read otherwise to ``fallback``."""

    __name__ = "rtoml, then tomli"

    def __init__(self, rtoml: Any, fallback: Any) -> None:
        self.rtoml_loads = rtoml.loads
        self.fallback = fallback
        self.TOMLDecodeError = fallback.TOMLDecodeError

    def loads(self, text: str) -> dict[str, Any]:
        """The table tomli would give for ``text``; tomli's exception where tomli refuses it."""
        if not text.startswith("\ufeff") and _OFFSET_TIME.search(text) is None:
            try:
                return self.rtoml_loads(text)  # type: ignore[no-any-return]
            except Exception:  # noqa: BLE001 - any refusal: tomli says why, or reads it after all
                pass
        return self.fallback.loads(text)  # type: ignore[no-any-return]


def _stdlib() -> Any:
    import tomllib

    return tomllib


def _choose() -> Any:
    try:
        import tomli
    except ImportError:
        return _stdlib()
    compiled = getattr(getattr(tomli, "_parser", None), "__file__", None) or ""
    if not compiled.endswith((".so", ".pyd")):  # pure-Python tomli is no faster than the stdlib
        return _stdlib()
    try:
        import rtoml
    except ImportError:
        return tomli
    return RtomlFirst(rtoml, tomli)


#: The parser ``timeline.io.toml`` reads with: its ``loads`` and ``TOMLDecodeError``.
PARSER: Any = _choose()
