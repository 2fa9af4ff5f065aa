"""The page written in pieces (render.html.html_writer, what the command line uses) is render_html's, byte for byte.

Streaming keeps a 100,000-event page (some 120 MB) out of memory; these check that nothing about
the bytes changes: bidi controls (isolated over the whole document, so the writer starts again),
pieces of any size, a file that already holds something, and that the memory really stays small.
"""

from __future__ import annotations

import io
import tracemalloc

import pytest

import timeline
from conftest import generated_timeline
from timeline.render import html as html_module
from timeline.render.html import html_writer, render_html

RLO, LRI = "\u202e", "\u2066"


def _timelines() -> dict[str, timeline.Timeline]:
    bundled = timeline.bundled()
    return {
        "bundled": bundled,
        "bidi": bundled.retitled(f"Gulag {RLO}amnesty{LRI} 1953"),
        "generated": generated_timeline(60),
    }


TIMELINES = _timelines()


def _written(tl: timeline.Timeline, prefix: bytes = b"", **options) -> bytes:
    handle = io.BytesIO()
    handle.write(prefix)
    html_writer(tl, **options)(handle)
    return handle.getvalue()


@pytest.mark.parametrize("name", sorted(TIMELINES))
@pytest.mark.parametrize("fragment", [False, True])
@pytest.mark.parametrize("batch", [1, 97, 1 << 16])
def test_written_in_pieces_is_render_html(name: str, fragment: bool, batch: int, monkeypatch) -> None:
    """Whatever the number of the template's pieces written at a time, the bytes are render_html's, and a file's earlier bytes stay."""
    monkeypatch.setattr(html_module, "_BATCH", batch)
    tl = TIMELINES[name]
    expected = render_html(tl, fragment=fragment).encode("utf-8")
    assert _written(tl, fragment=fragment) == expected
    assert _written(tl, b"kept\n", fragment=fragment) == b"kept\n" + expected


def test_the_bidi_timeline_sends_the_writer_back_to_the_start(monkeypatch) -> None:
    """The case that makes the writer start again is really there (else the test above proves less)."""
    seeks = []
    handle = io.BytesIO()
    monkeypatch.setattr(handle, "seek", lambda *a: seeks.append(a) or io.BytesIO.seek(handle, *a))
    html_writer(TIMELINES["bidi"])(handle)
    assert seeks == [(0,)]
    assert "\u2068Gulag" in handle.getvalue().decode("utf-8")  # the title, isolated


def test_the_command_line_writes_the_same_page(tmp_path) -> None:
    """`timeline render --format html -o FILE` (streamed) and `-o -` (gathered) give render_html's bytes."""
    import contextlib

    from timeline.cli import main

    out = tmp_path / "page.html"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["render", "--format", "html", "-o", str(out)]) == 0
    assert out.read_bytes() == render_html(TIMELINES["bundled"]).encode("utf-8")


def test_writing_holds_a_small_part_of_the_page_in_memory(tmp_path, monkeypatch) -> None:
    """While the template runs, the memory in use grows by less than twice the page's size (it was ~7x).

    The page whole, as one string, would be more than that by itself; what writing does hold is a
    piece being written and a copy of the chart's SVG that markupsafe makes.
    """
    # A batch (256 pieces, most of them list entries of about 1 KB) is an eighth of this small page but
    # 0.1% of a 100,000-event one: measure with batches of 32 so that what is left is what the writer holds.
    monkeypatch.setattr(html_module, "_BATCH", 32)
    tl = generated_timeline(1500)
    size = len(render_html(tl).encode("utf-8"))
    write = html_writer(tl)
    with (tmp_path / "page.html").open("wb") as handle:
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            write(handle)
            peak = tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()
    assert (tmp_path / "page.html").stat().st_size == size
    assert peak < 2 * size, f"writing a {size:,}-byte page took {peak:,} bytes more memory"
