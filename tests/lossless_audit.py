"""Audit the readers of other tools' files: which words of the input reach neither the model nor a diagnostic?

Run ``python tests/lossless_audit.py [FILE ...]`` (default: every file of
../shared/corpus).  Each file is read with ``timeline.io.read(path,
skip_invalid=True)``; every word of the input (a run of three or more
letters or digits) must appear in the timeline's JSON (titles, texts,
notes, dates, media, tags, lanes, eras...) or in a diagnostic's message.
Words of the formats' own syntax (keywords, attribute names, the JSON keys
the reader understands) are accounted for by :data:`SYNTAX`; what remains
is printed as ``path:line: word``, the list to work through.
``tests/test_lossless_audit.py`` runs it over the corpus and expects nothing.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import timeline  # noqa: E402
from timeline.io import read  # noqa: E402

_WORD = re.compile(r"[^\W_]{3,}")

#: The words each format spends on its own syntax: nothing of the user's is in them.
SYNTAX = {
    "markwhen": {"title", "description", "dateformat", "section", "endsection", "group", "endgroup", "now",
                 "until", "after", "before", "start", "end", "week", "weeks", "day", "days", "month", "months",
                 "year", "years", "hour", "hours", "minute", "minutes", "jan", "feb", "mar", "apr", "may", "jun",
                 "jul", "aug", "sep", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july",
                 "august", "september", "october", "november", "december"},
    "mermaid": {"timeline", "title", "section"},
    "vis": {"content", "start", "end", "type", "group", "groups", "items", "classname", "title", "new", "date",
            "nestedgroups", "background", "range", "point", "box", "var", "const", "let", "dataset", "vis"},
    "timelinejs": {"title", "events", "eras", "start", "date", "end", "year", "month", "day", "hour", "minute",
                   "second", "text", "headline", "media", "url", "caption", "credit", "thumbnail", "alt", "group",
                   "unique", "display", "type", "era", "tag", "background", "time", "timeline", "startdate",
                   "enddate", "asset", "http", "https", "www", "com"},
    "easytimeline": {"plotdata", "bardata", "dateformat", "period", "from", "till", "bar", "text", "yyyy",
                     "start", "end", "define", "at"},
}


def _kind(fmt: str) -> str:
    return next((k for k in SYNTAX if fmt.startswith(k.replace("easytimeline", "easy"))), fmt.split("-")[0])


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", html.unescape(text))
    return {w.casefold() for w in _WORD.findall(text)}


_ACCOUNTS = re.compile(r"not kept|skipped|ignored|dropped|not expanded|refused")


def _leaves(value: object, pointer: str = "$"):
    """(pointer, text) for every string and number of parsed JSON, keys included as text of their object."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{pointer}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{pointer}[{i}]")
    elif isinstance(value, str):
        yield pointer, value


def audit(path: Path) -> list[tuple[str, str]]:
    """(place, word) for each word of the file that reaches neither the model nor a diagnostic.

    A diagnostic saying something is not kept, skipped or dropped accounts for its whole line (or JSON
    subtree); any other diagnostic accounts for the words of its message.
    """
    import json

    from timeline.io.formats import for_input

    given = "easytimeline" if path.suffix == ".txt" else None  # no suffix of its own
    result = read(path, format=given, skip_invalid=True)
    if result.timeline is None:
        return []  # refused with errors: nothing is lost without a word
    text = path.read_text(encoding="utf-8-sig")
    kept = _words(timeline.dumps(result.timeline).replace("\\n", " "))
    lines, pointers = set(), []
    for d in result.diagnostics:
        kept |= _words(d.message)
        if _ACCOUNTS.search(d.message):
            if d.pointer:
                pointers.append(d.pointer)
            elif d.line:
                lines.add(d.line)
    fmt = for_input(path, given, head=lambda: text).name
    syntax = SYNTAX.get(_kind(fmt), set())
    try:
        places = [(p, t) for p, t in _leaves(json.loads(text))]
    except ValueError:
        places = [(str(n), line) for n, line in enumerate(text.splitlines(), 1) if n not in lines]
    out, seen = [], set()
    for place, words in places:
        if any(place == p or place.startswith((p + ".", p + "[")) for p in pointers):
            continue
        for word in sorted(_words(words) - kept - syntax - seen):
            seen.add(word)
            out.append((place, word))
    return out


def main(argv: list[str]) -> int:
    """Print ``path:line: word`` for every word lost; exit 1 when there are any."""
    from tests.conftest import SHARED_CORPUS

    paths = [Path(a) for a in argv] or sorted(p for p in SHARED_CORPUS.rglob("*") if p.is_file()
                                              and p.name != "SOURCES.md")
    lost = 0
    for path in paths:
        for number, word in audit(path):
            print(f"{path}:{number}: {word}")
            lost += 1
    print(f"{lost} word(s) reach neither the model nor a diagnostic", file=sys.stderr)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
