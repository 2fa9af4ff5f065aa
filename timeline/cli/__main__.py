"""``python -m timeline.cli``: the same as ``python -m timeline``."""

from timeline.cli import console

console()
