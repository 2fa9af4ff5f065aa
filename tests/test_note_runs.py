"""note_runs (made once per timeline, shared by the SVG source list and the HTML notes) equals cite.note per footnote."""

import pathlib
import sys

from timeline.cite import note
from timeline.layout.notes import note_runs, timeline_footnotes

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "bench"))


def test_note_runs_match_cite_note(tmp_path):
    import generate

    from timeline import load
    generate.write(300, tmp_path)
    tl = load(next(tmp_path.glob("*.toml")))
    fn = timeline_footnotes(tl)
    assert len(fn.notes) > 0
    got = note_runs(tl)
    assert got is note_runs(tl)  # memoised per timeline
    want = tuple(note(tl.sources[n.source], n.locator) if n.source in tl.sources else None for n in fn.notes)
    assert got == want
