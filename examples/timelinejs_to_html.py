"""Convert a TimelineJS sheet (downloaded from Google Sheets as CSV) to an HTML page.

Run: python examples/timelinejs_to_html.py [SHEET.csv] [OUT.html]
(defaults: the sample sheet beside this script, and sheet.html)
"""

import sys
from pathlib import Path

from timeline.io import read

sheet = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data" / "timelinejs-sample.csv"
out = sys.argv[2] if len(sys.argv) > 2 else "sheet.html"

result = read(sheet)  # a .csv with a Year column is read as a TimelineJS sheet
for diagnostic in result.diagnostics:
    print(diagnostic.format(), file=sys.stderr)
if result.timeline is None:
    sys.exit(1)
result.timeline.save_html(out)
print(f"wrote {out}: {len(result.timeline.events)} events, {len(result.timeline.eras)} eras")
