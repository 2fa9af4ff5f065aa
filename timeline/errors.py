"""Diagnostics and the one exception hierarchy of the library.

Every user mistake ends up as a :class:`Diagnostic` with a location, and
every exception the library raises for bad input derives from
:class:`TimelineError`.  Subclasses also inherit the builtin they mean, so
``except ValueError`` keeps working for callers who do not know us.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

__all__ = [
    "DateError",
    "Diagnostic",
    "LoadError",
    "ParseError",
    "RenderError",
    "Severity",
    "TimelineError",
    "UsageError",
]


#: The longest part of a source line a diagnostic shows (the rest is cut with "…"): a spreadsheet row fits.
_SHOWN_LINE = 400


class Severity(enum.Enum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@attrs.frozen
class Diagnostic:
    """One problem found in the input, with where it was found.

    ``line`` and ``column`` are 1-based; 0 means unknown.  ``path`` is the
    file (or ``<string>``); for JSON input ``pointer`` holds a JSON path
    such as ``$.events[3].start_date.month``.
    """

    severity: Severity
    message: str
    path: str = "<string>"
    line: int = 0
    column: int = 0
    source_line: str | None = None
    pointer: str | None = None

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings and notes."""
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """Return ``path:line:col`` (or as much of it as is known)."""
        parts = [self.path]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        where = ":".join(parts)
        if self.pointer:
            where = f"{where}:{self.pointer}"
        return where

    def format(self) -> str:
        """Render compiler-style: ``path:line:col: error: message`` plus the source line and a caret."""
        head = f"{self.location()}: {self.severity.value}: {self.message}"
        if self.source_line is None:
            return head
        text = self.source_line.rstrip("\r\n")
        column = max(self.column - 1, 0)
        if len(text) > _SHOWN_LINE:
            # A minified JSON file is one line of 100,000 characters: show the part around the column.
            start = max(0, min(column - _SHOWN_LINE // 2, len(text) - _SHOWN_LINE))
            end = start + _SHOWN_LINE
            text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
            column = column - start + (1 if start else 0)
        return f"{head}\n    {text}\n    {' ' * column}^"

    def __str__(self) -> str:
        return self.format()


class TimelineError(Exception):
    """Base of every error the library raises for bad input or misuse.

    It carries every diagnostic that was collected, so one raise reports
    all problems at once.
    """

    def __init__(self, message: str | None = None, diagnostics: Iterable[Diagnostic] = ()):
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        if message is None:
            message = "\n".join(d.format() for d in self.diagnostics) or "timeline error"
        super().__init__(message)
        self.message = message

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity error."""
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity warning."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)


class ParseError(TimelineError, ValueError):
    """Text that could not be read: a date, a TOML file, a CSV sheet."""


class DateError(ParseError):
    """A date string that cannot be understood, with what is wrong, what to write instead, and where.

    ``reason`` says what is wrong ("unknown month 'Jnu' (did you mean
    'Jun'?)"), ``hint`` what is accepted instead (or None), ``column`` the
    1-based column within the date text where the problem starts (0 when
    it concerns the whole string); loaders add it to the column of the
    string in their file.  ``str(error)`` is ``reason; hint``.
    """

    def __init__(self, reason: str, text: str = "", column: int = 0, *, hint: str | None = None):
        self.text = text
        self.column = column
        self.reason = reason
        self.hint = hint
        message = reason if hint is None else f"{reason}; {hint}"
        super().__init__(message, [Diagnostic(Severity.ERROR, message, column=column)])


class LoadError(ParseError):
    """A timeline file (or set of files) with errors; ``diagnostics`` lists them all."""


class RenderError(TimelineError, ValueError):
    """Data that cannot be drawn (e.g. non-finite coordinates)."""


class UsageError(TimelineError, TypeError):
    """The API or CLI was called the wrong way (not a data problem)."""
