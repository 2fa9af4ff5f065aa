"""EasyTimeline's script as EasyTimeline reads it: comments blanked, ``Define`` names expanded.

The rules are those of EasyTimeline.pl (``GetLine``, ``ParseDefine``): ``#``
starts a comment to the end of the line, but not inside double quotes or in
a character reference (``&#32;``); ``#> ... <#`` is a comment over lines;
``Define $name = value`` makes ``$name`` (any case) stand for the value in
every later line.  Comments become spaces, so columns stay the file's; an
expanded line keeps, per character, the column it came from.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Script", "preprocess"]

_DEFINE = re.compile(r"^Define\s+(\S+)\s*=\s*(.*?)\s*$", re.I)
_NAME = re.compile(r"\$[A-Za-z0-9_]+")
_QUOTED = re.compile(r'"[^"]*"')


class Script(NamedTuple):
    """The script's lines as EasyTimeline reads them: comments blanked, Define names expanded."""

    lines: list[str]
    origin: dict[int, list[int]]  # line number -> the original column of each character, for expanded lines
    comments: list[int]  # the lines holding comments


def _blank(text: str) -> str:
    return " " * len(text)


def preprocess(raw_lines: list[str]) -> tuple[Script, list[tuple[int, int, str]]]:
    """Blank comments (``#`` to the line's end outside quotes, ``#> ... <#`` over lines) and expand ``Define``.

    EasyTimeline's rules (EasyTimeline.pl, GetLine and ParseDefine): a ``#`` inside double quotes or in a
    character reference (``&#32;``) starts no comment; ``Define $name = value`` makes ``$name`` (any case)
    stand for the value in every later line, the value itself expanded first.  Comments become spaces,
    so columns stay those of the file.  Returns the script and the problems found (line, column, message).
    """
    out: list[str] = []
    origin: dict[int, list[int]] = {}
    comments: list[int] = []
    problems: list[tuple[int, int, str]] = []
    consts: dict[str, str] = {}
    in_block = False
    for number, raw in enumerate(raw_lines, 1):
        line = raw.replace("\t", " ")
        masked = _QUOTED.sub(lambda m: m.group().replace("#", "\0"), line).replace("&#", "&\0")
        had_comment = in_block or "#" in masked
        if in_block:
            end = masked.find("<#")
            if end < 0:
                out.append(_blank(line) if line.strip() else line)
                comments.append(number) if line.strip() else None
                continue
            masked = _blank(masked[:end + 2]) + masked[end + 2:]
            in_block = False
        masked = re.sub(r"#>.*?<#", lambda m: _blank(m.group()), masked)
        start = masked.find("#>")
        if start >= 0:
            masked, in_block = masked[:start] + _blank(masked[start:]), True
        hash_at = masked.find("#")
        if hash_at >= 0:
            masked = masked[:hash_at] + _blank(masked[hash_at:])
        line = masked.replace("\0", "#")
        if had_comment:
            comments.append(number)
        define = _DEFINE.match(line)
        if define:
            name, value = define.groups()
            if not re.fullmatch(r"\$[A-Za-z0-9_]+", name):
                problems.append((number, 8, f"Define {name!r}: a name is '$' and then letters, digits or '_'"))
            else:
                consts[name.lower()] = _NAME.sub(lambda m: consts.get(m.group().lower(), m.group()), value)
            out.append(_blank(line))  # read: it is in the model wherever it is used
            continue
        if "$" in line and consts:
            expanded, columns, at = [], [], 0
            for match in _NAME.finditer(line):
                value = consts.get(match.group().lower())
                if value is None:
                    continue
                expanded.append(line[at:match.start()])
                columns += range(at, match.start())
                expanded.append(value)
                columns += [match.start()] * len(value)
                at = match.end()
            if at:
                expanded.append(line[at:])
                columns += range(at, len(line))
                line = "".join(expanded)
                origin[number] = columns
        out.append(line)
    return Script(out, origin, comments), problems
