"""The validation pass with ``--skip-invalid``: events it refuses on their own are left out, each with a warning.

Readers put each item they read in a :meth:`~timeline.io.common.Collector.item`
scope, so a bad date leaves out one slide.  Some problems only the shared
validation pass (:mod:`timeline.io.validate`) sees, such as a field over the
length limit.  Under ``skip_invalid`` each event is first checked alone; one
with errors is left out, its errors becoming "skipped" warnings at its place;
the pass then runs on the rest, as usual (problems between events, such as a
repeated id, stay errors).  Without ``skip_invalid`` this is just the pass.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from timeline.io.common import Collector
from timeline.io.validate import ModelPath, Where, validate
from timeline.model.timeline import Timeline

__all__ = ["validate_items"]


def validate_items(tl: Timeline, locate: Callable[[ModelPath], Where | None], collector: Collector, *, name: str,
                   strict: bool = False, uncited_hint: str | None = None, noun: str = "event") -> Timeline:
    """Run the validation pass into ``collector``; return the timeline, less the events skipped."""
    kept = list(range(len(tl.events)))
    if collector.options.skip_invalid:
        kept = []
        for index, event in enumerate(tl.events):
            def alone(path: ModelPath, index: int = index) -> Where | None:
                if len(path) >= 2 and path[0] == "events":
                    return locate(("events", index, *path[2:]))
                return locate(path)

            errors = [d for d in validate(attrs.evolve(tl, events=(event,)), alone, name=name, reader_errors=True)
                      if d.is_error]
            if errors:
                with collector.item(noun):
                    collector.extend(errors)
            else:
                kept.append(index)
        tl = attrs.evolve(tl, events=tuple(tl.events[i] for i in kept))

    def remapped(path: ModelPath) -> Where | None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(kept):
            return locate(("events", kept[path[1]], *path[2:]))
        return locate(path)

    collector.extend(validate(tl, remapped, name=name, strict=strict, reader_errors=collector.has_errors,
                              uncited_hint=uncited_hint))
    return tl
