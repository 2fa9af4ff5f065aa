"""Render the Roman Republic and Empire (753 BCE – 476 CE): dates across the era boundary.

An illustrative timeline (examples/data/rome.toml: conventional dates, no sources cited) that shows
BCE years, BCE ranges, a Julian day ("15 March 44 BC", calendar = "julian") and an axis that runs
… 200 BCE, 100 BCE, 1 CE, 100 CE … with no year 0.

Run: python examples/roman_republic.py [OUT_DIR]   (default: the current directory)
"""

import sys
from pathlib import Path

import timeline

HERE = Path(__file__).resolve().parent
out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
rome = timeline.load(HERE / "data" / "rome.toml")

rome.save_svg(out / "rome.svg", scale="linear")
rome.save_svg(out / "rome-vertical.svg", orientation="vertical")
rome.save_html(out / "rome.html", scale="linear")
for event in rome.sorted_events()[:3]:
    print(f"{event.when.display():>26}  {event.when.display(era='BC'):>24}  {event.title}")
print(f"wrote {out / 'rome.svg'}, {out / 'rome-vertical.svg'} and {out / 'rome.html'}: {len(rome.events)} events")
