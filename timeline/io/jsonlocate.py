"""Where a part of the model came from in our JSON: the validation pass's model paths as JSON paths.

The reader keeps the JSON index of each event, era and lane it made (entries it could not
read are skipped, so model index and JSON index differ after one), and :meth:`JsonLocator.locate`
turns ``("events", 3, "when")`` into ``$.events[4].when``; the line and column are added
from the text afterwards (:func:`timeline.io.jsonpos.with_lines`).
"""

from __future__ import annotations

from timeline.io.jsonfmt import _SOURCE_FIELDS
from timeline.io.validate import ModelPath, Where

__all__ = ["JsonLocator"]


class JsonLocator:
    """The JSON paths of one file's model: filled in by the reader, asked by the validation pass."""

    def __init__(self, name: str) -> None:
        self.name = name
        # The JSON index of each model event, era and lane (invalid entries are skipped).
        self.index: dict[str, list[int]] = {"events": [], "eras": [], "lanes": []}

    def locate(self, path: ModelPath) -> Where | None:
        """The JSON path of a part of the model (the line is filled in by :func:`~timeline.io.jsonread.read_json_text`)."""
        if not path:
            return None
        head, rest = str(path[0]), list(path[1:])
        if head in self.index:
            if not rest or not isinstance(rest[0], int) or rest[0] >= len(self.index[head]):
                return None
            rest[0] = self.index[head][rest[0]]
        keys = dict(_SOURCE_FIELDS) if head == "sources" else {}
        if len(rest) >= 2 and rest[-2] == "citations":
            rest.append("source")  # a citation is judged by its source id: point at it
        pointer = "$." + head + "".join(f"[{part}]" if isinstance(part, int) else f".{keys.get(part, part)}"
                                        for part in rest)
        return Where(self.name, pointer=pointer)
