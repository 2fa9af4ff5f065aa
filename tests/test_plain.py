"""The sanitiser-safe fragment survives an LMS's HTML filter (nh3, Ammonia's default allowlist)."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest

import timeline
from conftest import require
from timeline.cli import main
from timeline.layout.notes import timeline_footnotes
from timeline.render.plain import render_plain


def _nh3():  # noqa: ANN202 - the nh3 module
    require(importlib.util.find_spec("nh3") is not None, "nh3 is not installed (pip install '.[test]')")
    import nh3

    return nh3


def _text(fragment: str) -> str:
    """The visible text of some HTML, whitespace folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.fixture(scope="module")
def bundled() -> timeline.Timeline:
    """The bundled timeline: disputed dates, notes with italics and URLs."""
    return timeline.bundled()


def test_no_inline_svg_style_or_script(bundled: timeline.Timeline) -> None:
    """The fragment has none of the elements LMS filters strip, nor style or event attributes."""
    frag = render_plain(bundled, image_format="svg")
    for bad in ("<svg", "<style", "<script", " style=", " onclick=", " onload="):
        assert bad not in frag.html.lower(), bad
    assert re.search(rf'<img src="timeline\.svg" alt="Timeline of {len(bundled.events)} events[^"]*" '
                     r'width="720" height="\d+">', frag.html)


def test_everything_survives_nh3_defaults(bundled: timeline.Timeline) -> None:
    """Through nh3.clean with its default allowlist, every title, date, note number and note survives."""
    nh3 = _nh3()
    frag = render_plain(bundled, image_format="svg")
    cleaned = nh3.clean(frag.html)
    text = _text(cleaned)
    assert _text(frag.html) == text, "the sanitiser removed visible text"
    for ev in bundled.events:
        assert ev.title in text, ev.id
        assert ev.date_label() in text, ev.id
    footnotes = timeline_footnotes(bundled)
    for note in footnotes.notes:
        assert f'href="#tl-note-{note.number}"' in cleaned
        if note.quote:
            assert " ".join(note.quote.split()) in text
    assert len(re.findall(r"<li>", cleaned)) >= len(bundled.events) + len(footnotes.notes)
    assert re.search(rf'<img src="timeline\.svg" alt="Timeline of {len(bundled.events)} events', cleaned)


def test_note_numbers_match_the_chart(bundled: timeline.Timeline) -> None:
    """The image's footnote numbers are the fragment's notes: one numbering for both."""
    frag = render_plain(bundled, image_format="svg")
    svg = frag.image.decode("utf-8")
    drawn = {int(n) for group in re.findall(r'class="fn"[^>]*>([\d,]+)<', svg) for n in group.split(",") if n}
    listed = {int(n) for n in re.findall(r'id="tl-note-(\d+)"', frag.html)}
    assert drawn and drawn <= listed


def test_cli_writes_the_fragment_and_its_image(tmp_path: Path) -> None:
    """`render --format html --plain -o week3.html` writes week3.html and week3.png (or .svg) beside it."""
    out = tmp_path / "week3.html"
    assert main(["render", "--format", "html", "--plain", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    src = re.search(r'<img src="([^"]+)"', text).group(1)
    assert src in ("week3.png", "week3.svg")
    assert (tmp_path / src).stat().st_size > 1000


def test_plain_to_stdout_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """The image must go somewhere: --plain with -o - is a usage error, not a dangling <img>."""
    assert main(["render", "--format", "html", "--plain", "-o", "-"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err


def test_save_html_plain(tmp_path: Path) -> None:
    """Timeline.save_html(plain=True) writes the fragment and the SVG image it names."""
    tl = timeline.Timeline(title="T").add_event("e", "Stalin dies", "1953-03-05")
    tl.save_html(tmp_path / "t.html", plain=True, image_format="svg")
    assert '<img src="t.svg"' in (tmp_path / "t.html").read_text(encoding="utf-8")
    assert (tmp_path / "t.svg").read_text(encoding="utf-8").startswith("<svg")


@pytest.mark.parametrize("name", ["../x", "a/b", ""])
def test_image_name_is_a_file_name(name: str) -> None:
    """The image is written beside the fragment: a name with folders is refused."""
    with pytest.raises(timeline.UsageError, match="file name"):
        render_plain(timeline.Timeline(title="T"), name)
