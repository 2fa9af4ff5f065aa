"""Render the bundled timeline, keeping only 1953, to SVG and HTML.

Run: python examples/bundled_1953.py [OUT_DIR]   (default: the current directory)
"""

import sys
from pathlib import Path

import timeline

out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
year = timeline.bundled().between("1953", "1953")
year.save_svg(out / "1953.svg")
year.save_html(out / "1953.html")
print(f"wrote {out / '1953.svg'} and {out / '1953.html'}: {len(year.events)} events")
