"""The format registry: one row per file format we read or write.

A row names the format (the name ``--from``/``--to`` and ``format=`` take),
the suffixes that select it, a sniffing rule that tells it apart from other
formats sharing a suffix, and its reader and writer.  Readers and writers
are named as ``"module:function"`` and imported on first use, so the
command line's start-up and ``--help`` never load them.  The CLI's choices
and help, the docs' table (docs/interop.md) and :func:`timeline.io.read`
are all built from :data:`FORMATS`; adding a format is one module plus one
row here (docs/design.md shows how).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["FORMATS", "Format", "Probe", "for_input", "for_output", "help_lines", "input_names", "markdown_table",
           "output_names", "sniff"]


class Probe:
    """The text a sniffing rule looks at, with its JSON parsed at most once."""

    def __init__(self, text: str) -> None:
        self.text = text.lstrip("\ufeff")

    @cached_property
    def json(self) -> Any:
        """The parsed JSON, or ``NotImplemented`` when the text is not JSON."""
        if self.text.lstrip()[:1] not in ("{", "["):
            return NotImplemented
        import json

        try:
            return json.loads(self.text)
        except (ValueError, RecursionError):
            return NotImplemented

    @cached_property
    def lines(self) -> list[str]:
        """The first 200 lines (enough for every rule here)."""
        return self.text.split("\n", 200)[:200]


def _resolve(target: str) -> Callable[..., Any]:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def _usage(message: str) -> Exception:
    from timeline.errors import UsageError

    return UsageError(message)


class Format(NamedTuple):
    """One file format: its name, suffixes, how to recognise it, and how to read and write it.

    ``reader`` is ``"module:function"`` for ``function(text, name, options) -> ReadResult``;
    ``path_reader`` (optional) reads a path itself (TOML reads directories);
    ``writer`` is ``"module:function"`` for ``function(timeline, name) -> (text, diagnostics)``;
    ``sniff`` is ``"module:function"`` for ``function(probe) -> bool``, needed when
    the format shares a suffix with another; the first row for a suffix without
    a rule is the one used when no rule matches.  A NamedTuple, not an attrs
    class: the CLI builds its help from these rows, and ``timeline --help``
    must not pay for importing attrs.
    """

    name: str
    summary: str
    suffixes: tuple[str, ...] = ()
    reader: str | None = None
    writer: str | None = None
    sniff: str | None = None
    path_reader: str | None = None
    writes_by_suffix: bool = True  # False: a shared suffix writes the other format unless this one is named

    @property
    def can_read(self) -> bool:
        """True when the format has a reader."""
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        """True when the format has a writer."""
        return self.writer is not None

    def read_text(self, text: str, name: str, options: Any) -> Any:
        """Read text in this format (a :class:`~timeline.io.common.ReadResult`)."""
        if self.reader is None:
            raise _usage(f"cannot read format '{self.name}'; readable formats: {', '.join(input_names())}")
        return _resolve(self.reader)(text, name, options)

    def read_path(self, path: Path, options: Any) -> Any:
        """Read a directory (only formats with a ``path_reader``: TOML reads a folder's files as one)."""
        if self.path_reader is None:
            raise _usage(f"format '{self.name}' reads files, not folders")
        return _resolve(self.path_reader)(path, options)

    def write_text(self, tl: Any, name: str) -> tuple[str, list[Any]]:
        """The timeline as text in this format, with warnings about what did not carry over."""
        if self.writer is None:
            raise _usage(f"cannot write format '{self.name}'; writable formats: {', '.join(output_names())}")
        return _resolve(self.writer)(tl, name)

    def matches(self, probe: Probe) -> bool:
        """True when the sniffing rule recognises the text (False for rows without a rule)."""
        return self.sniff is not None and bool(_resolve(self.sniff)(probe))


_IO = "timeline.io"

#: Every format, by name, in the order sniffing tries them.
FORMATS: dict[str, Format] = {row.name: row for row in (
    Format("toml", "our event files (a directory of them is one timeline)", (".toml",),
           reader=f"{_IO}.toml:read_toml_text", path_reader=f"{_IO}.toml:read_toml_path",
           writer=f"{_IO}.tomlwrite:write_toml"),
    Format("json", 'our JSON export, "format": "timeline" (docs/json.md)', (".json",),
           reader=f"{_IO}.jsonread:read_json_text", writer=f"{_IO}.jsonwrite:write_json"),
    Format("csv", "our CSV, one event per row (date, title, ...)", (".csv",),
           reader=f"{_IO}.csvfmt:read_csv_text", writer=f"{_IO}.csvfmt:csv_text"),
    Format("timelinejs-json", "TimelineJS 3 JSON (title, events with start_date, eras)", (".json",),
           reader=f"{_IO}.timelinejs.read:read_timelinejs_json_text", writer=f"{_IO}.timelinejs.write:timelinejs_json",
           sniff=f"{_IO}.timelinejs:sniff_json", writes_by_suffix=False),
    Format("timelinejs-csv", "the TimelineJS Google-Sheet template saved as CSV", (".csv",),
           reader=f"{_IO}.timelinejs.read:read_timelinejs_csv_text", writer=f"{_IO}.timelinejs.write:timelinejs_csv",
           sniff=f"{_IO}.timelinejs:sniff_csv", writes_by_suffix=False),
    Format("timelinejs2", "TimelineJS 2 JSON (timeline.date[] with startDate \"1963,8,9\"), read only", (".json",),
           reader=f"{_IO}.timelinejs.legacy:read_timelinejs2_text", sniff=f"{_IO}.timelinejs.legacy:sniff"),
    Format("markwhen", "Markwhen, the plain-text timeline format (dates, sections, groups, #tags)", (".mw",),
           reader=f"{_IO}.markwhen:read_markwhen_text", writer=f"{_IO}.markwhen:markwhen_text",
           sniff=f"{_IO}.markwhen:sniff"),
    Format("mermaid", "a Mermaid timeline diagram (periods, sections), shown natively by GitHub, GitLab, Obsidian",
           (".mmd", ".mermaid"), reader=f"{_IO}.mermaid:read_mermaid_text", writer=f"{_IO}.mermaid:mermaid_text",
           sniff=f"{_IO}.mermaid:sniff"),
    Format("vis", "vis-timeline items and groups (JSON, or the data literals of a page's script)", (".json", ".js"),
           reader=f"{_IO}.vis:read_vis_text", writer=f"{_IO}.viswrite:vis_text", sniff=f"{_IO}.vis:sniff"),
    Format("easytimeline", "MediaWiki's EasyTimeline script (PlotData bars and at: events), read only; "
           "no suffix of its own: --from easytimeline", (), reader=f"{_IO}.easytimeline:read_easytimeline_text",
           sniff=f"{_IO}.easytimeline:sniff"),
)}


def input_names() -> list[str]:
    """Names ``--from`` and ``format=`` accept, sorted."""
    return sorted(name for name, row in FORMATS.items() if row.can_read)


def output_names() -> list[str]:
    """Names of the formats we write (``--to`` adds svg and html), sorted."""
    return sorted(name for name, row in FORMATS.items() if row.can_write)


def _named(name: str, names: list[str], verb: str) -> Format:
    row = FORMATS.get(name)
    if row is None or name not in names:
        from timeline.io.common import did_you_mean

        raise _usage(f"cannot {verb} format '{name}'{did_you_mean(name, names)}; expected one of {', '.join(names)}")
    return row


def _suffixes(rows: list[Format]) -> str:
    return ", ".join(sorted({s for row in rows for s in row.suffixes}))


def sniff(text: str, suffix: str | None = None) -> Format:
    """The format of ``text``: among the rows for ``suffix`` (all rows when None), the first whose rule matches.

    Without a match, the first row for the suffix without a rule (our JSON for
    ``.json``, our CSV for ``.csv``); with no suffix, TOML.
    """
    rows = [row for row in FORMATS.values() if row.can_read and (suffix is None or suffix in row.suffixes)]
    probe = Probe(text)
    for row in rows:
        if row.matches(probe):
            return row
    if suffix is None:
        json_row = FORMATS["json"]
        return json_row if probe.json is not NotImplemented else FORMATS["toml"]
    return next(row for row in rows if row.sniff is None)


def for_input(path: str | Path, format: str | None = None, head: Callable[[], str] | None = None) -> Format:
    """The reading format for a path: ``format`` if given, else its suffix (and content, via ``head``).

    A directory is TOML.  Raises UsageError for an unknown name or suffix.
    """
    if format:
        return _named(format, input_names(), "read")
    path = Path(path)
    if path.is_dir():
        return FORMATS["toml"]
    suffix = path.suffix.lower()
    rows = [row for row in FORMATS.values() if row.can_read and suffix in row.suffixes]
    if not rows:
        readable = [row for row in FORMATS.values() if row.can_read]
        raise _usage(f"cannot tell the format of '{path}' from its suffix (known: {_suffixes(readable)}); "
                         f"name it with --from NAME (convert), --input-format NAME (check, export, render) "
                         f"or format= (Python), one of: {', '.join(input_names())}")
    if len(rows) == 1 or head is None:
        return rows[0] if len(rows) == 1 else sniff("", suffix)
    return sniff(head(), suffix)


def for_output(path: str | Path, format: str | None = None) -> Format:
    """The writing format for a path: ``format`` if given, else by suffix (a shared suffix writes ours)."""
    if format:
        return _named(format, output_names(), "write")
    suffix = Path(path).suffix.lower()
    for row in FORMATS.values():
        if row.can_write and row.writes_by_suffix and suffix in row.suffixes:
            return row
    writable = [row for row in FORMATS.values() if row.can_write]
    raise _usage(f"cannot tell the output format of '{path}' from its suffix (known: {_suffixes(writable)}); "
                     f"name it with --to NAME (format= in Python), one of: {', '.join(output_names())}")


def markdown_table() -> str:
    """The docs' table of formats (docs/interop.md holds a copy that a test keeps equal)."""
    lines = ["| name | suffixes | read | write | what it is |", "|---|---|---|---|---|"]
    for row in FORMATS.values():
        suffixes = ", ".join(f"`{s}`" for s in row.suffixes) or "—"
        if any(other is not row and set(other.suffixes) & set(row.suffixes) for other in FORMATS.values()):
            suffixes += " (told apart by content)"
        lines.append(f"| `{row.name}` | {suffixes} | {'yes' if row.can_read else '—'} | "
                     f"{'yes' if row.can_write else '—'} | {row.summary} |")
    return "\n".join(lines) + "\n"


def help_lines(reading: bool) -> str:
    """One ``name  suffixes  summary`` line per format, for the CLI's help text."""
    rows = [row for row in FORMATS.values() if (row.can_read if reading else row.can_write)]
    width = max(len(row.name) for row in rows)
    return "\n".join(f"  {row.name:<{width}}  {', '.join(row.suffixes) or '(by name)'}: {row.summary}" for row in rows)
