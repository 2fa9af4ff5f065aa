"""Shared pieces of every reader and writer.

Diagnostics collection (with ``--skip-invalid`` scopes), text decoding,
did-you-mean, header-name normalisation, and the writers' "cannot carry
this over" summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs

from timeline.errors import Diagnostic, LoadError, Severity
from timeline.io.limits import MAX_INPUT_BYTES, TooLarge, normalise_text, read_limited
from timeline.model.records import Citation
from timeline.model.timeline import Timeline

__all__ = [
    "BLANK_TITLE", "CARRIAGE_RETURNS", "Collector", "HEADLINE", "LANE_DESCRIPTION", "Losses", "MAX_INPUT_BYTES",
    "ONE_LINE", "PRIORITY", "ReadOptions", "ReadResult", "STDIN_NAME", "STDOUT_NAME", "Scope", "TRIMMED", "UNCITED",
    "decode_text", "did_you_mean", "header_key", "lose_lanes", "raise_for", "read_bytes", "read_file",
    "sources_line", "trimmed", "uncited_sources",
]

#: The name diagnostics give standard input (``timeline check -``): ``<stdin>:3:7: error: ...``.
STDIN_NAME = "<stdin>"
#: The name a writer's warnings give standard output (``convert x.toml - --to mermaid``): ``<stdout>: warning: ...``.
STDOUT_NAME = "<stdout>"


@attrs.frozen
class ReadResult:
    """A timeline (None when errors prevented building one) and every diagnostic found."""

    timeline: Timeline | None
    diagnostics: tuple[Diagnostic, ...]


@attrs.frozen
class ReadOptions:
    """How a reader treats what it finds.

    ``strict``: warnings count as errors (the TOML reader also turns an
    uncited event into an error).  ``skip_invalid``: an item (a slide, a
    row, a line) that cannot be read is left out with a warning at its
    location instead of failing the file; file-level problems stay errors.
    """

    strict: bool = False
    skip_invalid: bool = False


def read_file(path: str | Path, from_text: Callable[..., ReadResult], options: ReadOptions | None = None) -> ReadResult:
    """Read a file's bytes, decode them (explaining bad encodings) and hand the text to a text reader."""
    collector = Collector()
    data = read_bytes(Path(path), collector)
    text = decode_text(data, str(path), collector) if data is not None else None
    if text is None:
        return ReadResult(None, tuple(collector.sorted()))
    if options is None:
        return from_text(text, str(path))
    return from_text(text, str(path), options)


def header_key(header: str) -> str:
    """A column header as a lookup key: BOM removed, lower case, runs of spaces made one."""
    return " ".join(header.replace("\ufeff", "").lower().split())


class Losses:
    """What a writer could not carry over, said once per kind with the ids it concerns."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.lossy: dict[str, list[str]] = {}

    def lose(self, what: str, item_id: str) -> None:
        """Note that ``item_id`` lost ``what`` (said once per kind, ids in order of first loss)."""
        ids = self.lossy.setdefault(what, [])
        if item_id not in ids:
            ids.append(item_id)

    def diagnostics(self, name: str) -> list[Diagnostic]:
        """One warning per kind of loss: ``TARGET cannot carry this over: WHAT (a, b, c and 4 more)``."""
        out = []
        for what, ids in self.lossy.items():
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(Diagnostic(Severity.WARNING, f"{self.target} cannot carry this over: {what} ({shown})", name))
        return out


#: The loss a CSV or HTML-based writer reports for text with whitespace around it, which every reader trims.
TRIMMED = ("spaces and line breaks around a title, text, name, tag, locator or quote are not kept "
           "(spreadsheets pad cells and HTML ignores them, so every reader trims them)")
#: The loss a CSV or HTML-based writer reports for a title of nothing but spaces, which no reader would take.
BLANK_TITLE = "a blank title became the date (a row, slide or item needs a title)"
#: The loss a one-line format (Markwhen, Mermaid) reports for a title whose whitespace is not single spaces.
ONE_LINE = "titles became one line: line breaks, tabs and runs of spaces became one space, and spaces around went"
#: The loss the TimelineJS and vis writers report for a title holding line breaks (each, with the spaces around
#: it, one space).
HEADLINE = "line breaks in titles became spaces (a TimelineJS headline or a vis-timeline item is one line of HTML)"
#: The loss every writer but ours (TOML, JSON, CSV) reports for an event's priority.
PRIORITY = "priorities are not kept (they choose which labels a crowded drawing keeps)"
#: The loss a writer reports for sources no event or era cites, which no citation carries over.
UNCITED = "sources cited by no event are not kept"
#: The loss a writer reports for a lane's description when the format's lanes are names only.
LANE_DESCRIPTION = "lane descriptions are not kept (lanes are names only there)"
#: The loss a CSV writer reports for a carriage return inside a value.
CARRIAGE_RETURNS = "a carriage return inside a text became a line break (a bare \\r would end the row)"


def sources_line(tl: Timeline, citations: Iterable[Citation]) -> str:
    """Citations as words, for a format without sources: ``Sources: Jane Smith, A Book, p. 3 (“quote”).``

    Each is the Chicago-style note of its source (author, title, publisher, date, archive...) with the
    locator, and the quote after it; "" when there are none.
    """
    # cite sits beside io in the pipeline, so it is imported where it is used.
    from timeline.cite import note as _cite_note
    from timeline.cite import plain as _plain_runs

    parts = []
    for c in citations:
        src = tl.sources.get(c.source)
        text = _plain_runs(_cite_note(src, c.locator)) if src is not None else ", ".join(
            x for x in (c.source, c.locator) if x)
        text = text.rstrip(".")
        if c.quote:
            text += f" (“{c.quote}”)"
        parts.append(text)
    return "Sources: " + "; ".join(parts) + "." if parts else ""


def lose_lanes(tl: Timeline, losses: Losses, *, descriptions: bool = True) -> None:
    """Say what a format whose lanes are names on its events loses: lanes no event is in, and (when
    ``descriptions``) the lanes' descriptions."""
    used = {ev.lane for ev in tl.events}
    for lane in tl.lanes:
        if descriptions and lane.description:
            losses.lose(LANE_DESCRIPTION, lane.id)
        if lane.id not in used:
            losses.lose("lanes no event is in are not kept (a lane there is a name on its events)", lane.id)


def uncited_sources(tl: Timeline) -> list[str]:
    """The ids of sources no event, claim or era cites, sorted (a writer that keeps only citations loses them)."""
    cited = {c.source for ev in tl.events for c in ev.all_citations}
    cited |= {c.source for era in tl.eras for c in era.citations}
    return sorted(set(tl.sources) - cited)


def trimmed(*texts: str) -> bool:
    """True when some text has whitespace around it, which a CSV cell or HTML reader will not give back."""
    return any(text != text.strip() for text in texts)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or ""."""
    import difflib  # only when there is a mistake to name: not at start-up

    match = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


@attrs.define
class Scope:
    """One item being read inside :meth:`Collector.item`; ``failed`` once it had an error."""

    failed: bool = False
    skipped: bool = False


class _Item:
    """The ``with`` block of :meth:`Collector.item` (a class: a generator-based one cost ~3 µs a row)."""

    __slots__ = ("collector", "what", "start", "scope")

    def __init__(self, collector: Collector, what: str) -> None:
        self.collector, self.what = collector, what

    def __enter__(self) -> Scope:
        self.start = len(self.collector.diagnostics)
        self.scope = Scope()
        return self.scope

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        # As a generator-based manager: an exception passes through untouched.  An item that added no
        # diagnostic has no error to mark or turn into a warning (its scope starts unfailed).
        if exc_type is None and len(self.collector.diagnostics) != self.start:
            self.collector._close_item(self.what, self.start, self.scope)


class Collector:
    """Collects diagnostics for one load; never stops at the first problem."""

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.options = options or ReadOptions()
        self.skipped = 0

    def item(self, what: str = "item") -> _Item:
        """Read one item (slide, row, line) in a ``with`` block: errors inside mark it failed.

        Under ``skip_invalid`` those errors become warnings that say the item
        was skipped, at the same location, so the rest of the file still loads
        and nothing is left out without a line saying so.  The block gives the
        item's :class:`Scope`.
        """
        return _Item(self, what)

    def _close_item(self, what: str, start: int, scope: Scope) -> None:
        errors = [i for i in range(start, len(self.diagnostics)) if self.diagnostics[i].is_error]
        scope.failed = bool(errors)
        if errors and self.options.skip_invalid:
            scope.skipped = True
            self.skipped += 1
            for i in errors:
                d = self.diagnostics[i]
                self.diagnostics[i] = attrs.evolve(d, severity=Severity.WARNING,
                                                   message=f"{what} skipped (--skip-invalid): {d.message}")

    def add(self, severity: Severity, message: str, path: str, line: int = 0, column: int = 0,
            source_line: str | None = None, pointer: str | None = None) -> None:
        """Record one diagnostic."""
        self.diagnostics.append(Diagnostic(severity, message, path, line, column, source_line, pointer))

    def error(self, message: str, path: str, line: int = 0, column: int = 0,
              source_line: str | None = None, pointer: str | None = None) -> None:
        """Record an error."""
        self.add(Severity.ERROR, message, path, line, column, source_line, pointer)

    def warning(self, message: str, path: str, line: int = 0, column: int = 0,
                source_line: str | None = None, pointer: str | None = None) -> None:
        """Record a warning."""
        self.add(Severity.WARNING, message, path, line, column, source_line, pointer)

    def note(self, message: str, path: str, line: int = 0, column: int = 0,
             source_line: str | None = None, pointer: str | None = None) -> None:
        """Record a note: something left out by the format's own rules (comments), said so nothing goes unsaid."""
        self.add(Severity.NOTE, message, path, line, column, source_line, pointer)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Record several diagnostics found elsewhere."""
        self.diagnostics.extend(diagnostics)

    def summarise_skipped(self, noun: str, path: str) -> None:
        """Under --skip-invalid, one warning counting the items left out (each has its own, at its place)."""
        if self.skipped:
            self.warning(f"{self.skipped} {noun}(s) skipped (--skip-invalid), each listed at its place; "
                         f"`timeline check` reports them as errors", path)

    @property
    def has_errors(self) -> bool:
        """True when any error was recorded."""
        return any(d.is_error for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics in file, line, column order (stable for equal positions)."""
        return sorted(self.diagnostics, key=lambda d: (d.path, d.line, d.column))


def raise_for(diagnostics: Iterable[Diagnostic], strict: bool = False) -> None:
    """Raise LoadError carrying every diagnostic when there are errors (or warnings under ``strict``)."""
    diags = list(diagnostics)
    if any(d.is_error or (strict and d.severity is Severity.WARNING) for d in diags):
        n_err = sum(d.is_error for d in diags)
        summary = f"{n_err} error(s), {len(diags) - n_err} warning(s)"
        raise LoadError("\n".join([*(d.format() for d in diags), summary]), diags)


def decode_text(data: bytes, path: str, collector: Collector) -> str | None:
    """Decode UTF-8 (with or without BOM); explain other encodings instead of guessing silently."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # Excel's "Unicode text"; the BOM makes it unambiguous
    try:
        text = data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            collector.error("file starts with a UTF-16 byte order mark but is not valid UTF-16; "
                            "re-save it as UTF-8", path)
            return None
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = _encoding_hint(data)
        collector.error(f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}).{hint}", path, line, column)
        return None
    return normalise_text(text)


def _encoding_hint(data: bytes) -> str:
    """Name the likely legacy encoding of non-UTF-8 bytes (cp1251 decodes almost anything, so count letters)."""
    # Cyrillic words are runs of 3+ high bytes (А..я is 0xC0..0xFF); Western accents sit alone between ASCII letters.
    runs = re.findall(rb"[\x80-\xff]+", data)
    in_words = sum(len(run) for run in runs if len(run) >= 3)
    if runs and in_words / sum(map(len, runs)) >= 0.5:
        return (" It looks like Windows-1251 (Cyrillic); re-save it as UTF-8, e.g. "
                "`iconv -f cp1251 -t utf-8 in > out`.")
    return (" It may be Windows-1252 or Latin-1 (Western European); re-save it as UTF-8, e.g. "
            "`iconv -f cp1252 -t utf-8 in > out`.")


def read_bytes(path: Path, collector: Collector) -> bytes | None:
    """Read a file within the load's byte budget (:mod:`timeline.io.limits`), turning OS errors into diagnostics."""
    try:
        return read_limited(path)
    except TooLarge as exc:
        collector.error(str(exc), str(path))
    except OSError as exc:
        collector.error(f"cannot read file: {exc.strerror or exc}", str(path))
    return None
