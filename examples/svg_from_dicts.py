"""Make an SVG timeline from a plain list of dicts, in code.

Run: python examples/svg_from_dicts.py [OUT.svg]   (default: dicts.svg)
"""

import sys

from timeline import Citation, Source, Timeline

ROWS = [
    {"id": "waterloo", "title": "Battle of Waterloo", "when": "18 June 1815", "lane": "politics"},
    {"id": "railway", "title": "Stockton and Darlington Railway opens", "when": "1825-09-27", "lane": "technology"},
    {"id": "telegraph", "title": "Morse demonstrates the telegraph", "when": "1837", "lane": "technology"},
    {"id": "origin", "title": "On the Origin of Species", "when": "November 1859", "lane": "science"},
]

tl = Timeline(title="Nineteenth century, briefly").add_source(
    Source(id="britannica", title="Encyclopaedia Britannica", type="entry-encyclopedia")
)
for lane in ("politics", "technology", "science"):
    tl = tl.add_lane(lane, lane.capitalize())
for row in ROWS:
    tl = tl.add_event(row["id"], row["title"], row["when"], lane=row["lane"],
                      citations=[Citation("britannica", row["title"])])

out = sys.argv[1] if len(sys.argv) > 1 else "dicts.svg"
tl.save_svg(out)
print(f"wrote {out}: {len(tl.events)} events")
