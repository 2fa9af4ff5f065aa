"""Deterministic synthetic timelines for the benchmark suite.

``generate(n)`` builds N events between 1930 and 1956 from a seeded
``random.Random``: about 30% are ranges, dates come in mixed forms (EDTF,
"March 5, 1953", "June 1951", "c. 1949"), titles are 20-60 characters
(some in Cyrillic), every event has 1-2 citations, and there are a few
lanes and eras.  ``write(n, folder)`` writes it as our TOML
(docs/format.md), as our JSON (``timeline.dumps``) and as the TimelineJS
sheet a teacher would have (``timelinejs_csv``: CSV, the citations in Text).

Run ``python bench/generate.py 1000 -o bench/out`` to write files by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

__all__ = ["generate", "to_toml", "write"]

FIRST, LAST = dt.date(1930, 1, 1), dt.date(1956, 12, 31)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
LANES = [("politics", "Leadership and politics"), ("gulag", "Gulag and penal policy"),
         ("releases", "Amnesties and releases"), ("society", "Society and abroad")]
ERAS = [("collectivisation", "Collectivisation", "1930/1933"), ("great-terror", "Great Terror", "1937/1938"),
        ("war", "Great Patriotic War", "1941/1945"), ("thaw", "Early Thaw", "1953-03/1956")]
SOURCES = 24
LATIN = ("decree order camp amnesty release commission ministry report plenum trial labour exile "
         "transfer census railway canal memorandum rehabilitation review strike uprising").split()
CYRILLIC = ("указ приказ лагерь амнистия освобождение комиссия министерство доклад пленум суд "
            "труд ссылка перевод перепись дорога канал записка реабилитация пересмотр забастовка").split()


def _title(rng: random.Random, index: int) -> str:
    """A title of 20-60 characters, about one in six in Cyrillic."""
    words = CYRILLIC if rng.random() < 0.17 else LATIN
    target = rng.randint(20, 60)
    text = f"#{index}"
    while len(text) < target:
        text += " " + rng.choice(words)
    text = text[:target].rstrip()
    while len(text) < 20:
        text += "."
    return text[0].upper() + text[1:]


def _day(rng: random.Random, lo: dt.date = FIRST, hi: dt.date = LAST) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def _point(rng: random.Random, day: dt.date) -> str:
    """One date in one of the forms people write (weights roughly as in real files)."""
    form = rng.random()
    if form < 0.30:
        return day.isoformat()                                   # EDTF day
    if form < 0.42:
        return f"{day.year:04d}-{day.month:02d}"                 # EDTF month
    if form < 0.47:
        return f"{day.year:04d}~"                                # EDTF approximate year
    if form < 0.72:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"  # "March 5, 1953"
    if form < 0.88:
        return f"{MONTHS[day.month - 1]} {day.year}"             # "June 1951"
    return f"c. {day.year}"                                      # "c. 1949"


def _when(rng: random.Random) -> str:
    """A point (70%) or a range (30%), in mixed forms."""
    start = _day(rng)
    if rng.random() >= 0.30:
        return _point(rng, start)
    end = _day(rng, start, min(LAST, start + dt.timedelta(days=rng.choice((40, 400, 2000)))))
    form = rng.random()
    if form < 0.5:   # EDTF interval at day or month precision
        if rng.random() < 0.6:
            return f"{start.isoformat()}/{end.isoformat()}"
        return f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}"
    if form < 0.8:   # English days
        return f"{MONTHS[start.month - 1]} {start.day}, {start.year} – {MONTHS[end.month - 1]} {end.day}, {end.year}"
    if end.year == start.year:
        end = end.replace(year=min(start.year + 1, LAST.year))
    return f"{start.year}/{end.year}" if end.year > start.year else f"{start.year}"


def generate(n: int, seed: int = 1953) -> dict[str, Any]:
    """The data of a synthetic timeline of ``n`` events, as plain dicts (same seed, same data)."""
    rng = random.Random(f"{seed}:{n}")
    sources = {
        f"src{i:02d}": {"type": "book", "kind": ("scholarly", "primary", "journalism")[i % 3],
                        "title": f"Synthetic source {i}", "author": [f"Author {i}"], "issued": str(1960 + i)}
        for i in range(SOURCES)
    }
    events = []
    for i in range(n):
        citations = [{"source": f"src{rng.randrange(SOURCES):02d}", "locator": f"p. {rng.randint(1, 400)}"}
                     for _ in range(rng.choice((1, 1, 2)))]
        events.append({"id": f"e{i:06d}", "title": _title(rng, i), "when": _when(rng),
                       "lane": LANES[rng.randrange(len(LANES))][0], "citations": citations})
    return {
        "timeline": {"title": f"Synthetic timeline of {n} events", "range": "1930/1956"},
        "lanes": [{"id": i, "label": label} for i, label in LANES],
        "eras": [{"id": i, "label": label, "when": when, "citations": [{"source": "src00", "locator": "p. 1"}]}
                 for i, label, when in ERAS],
        "sources": sources,
        "events": events,
    }


def _s(value: Any) -> str:
    # A JSON string is a valid TOML basic string (same escapes).
    return json.dumps(value, ensure_ascii=False)


def _inline(table: dict[str, Any]) -> str:
    return "{ " + ", ".join(f"{k} = {_s(v)}" for k, v in table.items()) + " }"


def to_toml(data: dict[str, Any]) -> str:
    """Write generated data in our TOML event format (docs/format.md)."""
    out = ["[timeline]"]
    out += [f"{k} = {_s(v)}" for k, v in data["timeline"].items()]
    for lane in data["lanes"]:
        out += ["", "[[lanes]]"] + [f"{k} = {_s(v)}" for k, v in lane.items()]
    for sid, body in data["sources"].items():
        out += ["", f"[sources.{sid}]"] + [f"{k} = {_s(v)}" for k, v in body.items()]
    for era in data["eras"]:
        out += ["", "[[eras]]"] + [f"{k} = {_s(v)}" for k, v in era.items() if k != "citations"]
        out.append("citations = [" + ", ".join(_inline(c) for c in era["citations"]) + "]")
    for ev in data["events"]:
        out += ["", "[[events]]"] + [f"{k} = {_s(v)}" for k, v in ev.items() if k != "citations"]
        out.append("citations = [" + ", ".join(_inline(c) for c in ev["citations"]) + "]")
    return "\n".join(out) + "\n"


def write(n: int, folder: str | Path, seed: int = 1953) -> tuple[Path, Path, Path]:
    """Write ``events-N.toml``, ``events-N.json`` and the TimelineJS sheet ``events-N.csv``; return their paths."""
    import timeline
    from timeline.io.timelinejs import timelinejs_csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    toml_path, json_path, csv_path = (folder / f"events-{n}.{suffix}" for suffix in ("toml", "json", "csv"))
    toml_path.write_text(to_toml(generate(n, seed)), encoding="utf-8", newline="\n")
    tl = timeline.load(toml_path)
    json_path.write_text(timeline.dumps(tl), encoding="utf-8", newline="\n")
    csv_path.write_text(timelinejs_csv(tl)[0], encoding="utf-8", newline="")
    return toml_path, json_path, csv_path


def main() -> None:
    """Command line: write the TOML and JSON files for some sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("-o", "--output", default=str(Path(__file__).parent / "out"))
    parser.add_argument("--seed", type=int, default=1953)
    args = parser.parse_args()
    for n in args.sizes:
        for path in write(n, args.output, args.seed):
            print(path)


if __name__ == "__main__":
    main()
