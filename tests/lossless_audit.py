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
                 "august", "september", "october", "november", "december", "business", "weekdays", "work"},
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


_CLOCK = re.compile(r"\d{1,2}(?:am|pm)")  # "10am": a time, read into the date


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", html.unescape(text))
    return {w.casefold() for w in _WORD.findall(text) if not _CLOCK.fullmatch(w.casefold())}


#: What a comment is, in the formats that have them: accounted for by the note that counts them.
COMMENTS = {"markwhen": re.compile(r"^\s*//.*"), "mermaid": re.compile(r"^\s*%%.*"),
            "easytimeline": re.compile(r"#.*"), "vis": re.compile(r"//.*|/\*.*?\*/")}
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


def _named_paths(diagnostics) -> list[re.Pattern[str]]:
    """JSON paths a file-wide warning accounts for: the fields it names, wherever they are."""
    out = []
    for d in diagnostics:
        fields = re.match(r"(?:group |item )?fields not kept: (.*?) \(", d.message)
        for field in fields.group(1).split(", ") if fields else ():
            out.append(re.compile(re.escape("." + field) + r"(?:$|[.\[])"))
        if d.message.startswith("Background is not kept"):
            out.append(re.compile(r"\.background(?:$|[.\[])"))
        if "title slide's Media" in d.message:
            out.append(re.compile(r"^\$\.title\.media\."))
    return out


def _drawing_accounted(places: list[tuple[str, str]], named: set[str]) -> list[tuple[str, str]]:
    """EasyTimeline: the blocks of commands a warning names, and ``attribute:value`` pairs it names, accounted."""
    out, in_named = [], False
    for place, line in places:
        command = re.match(r"([A-Za-z]+)\s*=", line)
        if command:
            in_named = command.group(1).casefold() in named
        elif line.strip() and not line[:1].isspace():
            in_named = False
        if in_named:
            continue
        out.append((place, re.sub(r"\b([A-Za-z]+):\s*(\([^)]*\)|\S+)",
                                  lambda m: "" if m.group(1).casefold() in named else m.group(), line)))
    return out


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
        comment = COMMENTS.get(_kind(fmt)) if any("comment" in d.message for d in result.diagnostics) else None
        places = [(str(n), comment.sub("", line) if comment else line)
                  for n, line in enumerate(text.splitlines(), 1) if n not in lines]
    if _kind(fmt) == "easytimeline":
        places = _drawing_accounted(places, kept)
    named = _named_paths(result.diagnostics)
    out, seen = [], set()
    for place, words in places:
        if any(place == p or place.startswith((p + ".", p + "[")) for p in pointers):
            continue
        if any(pattern.search(place) for pattern in named):
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
