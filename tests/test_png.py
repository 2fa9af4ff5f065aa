"""PNG output: resvg draws the SVG in the font the layout measured, at the frame's size."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest

import timeline
from conftest import require
from timeline.cli import main
from timeline.errors import RenderError
from timeline.layout import layout
from timeline.render import png as png_module
from timeline.render.png import find_fonts, rasterise, render_png

HAVE_RESVG = importlib.util.find_spec("resvg_py") is not None
HAVE_PIL = importlib.util.find_spec("PIL") is not None
PLAIN = {"header": False, "legend": False, "footnotes": False}


@pytest.fixture()
def resvg() -> None:
    """Skip (or fail under TIMELINE_REQUIRE_ALL=1) without the png extra and Pillow."""
    require(HAVE_RESVG, "resvg-py is not installed (pip install '.[png]')")
    require(HAVE_PIL, "Pillow is not installed (pip install '.[test]')")


def _two_events() -> timeline.Timeline:
    return (timeline.Timeline(title="Width check")
            .add_event("amnesty", "Amnesty decree of 27 March 1953 frees prisoners", "1953-03-27")
            .add_event("beria", "Beria arrested", "1953-06-26"))


def _image(data: bytes):  # noqa: ANN202 - a PIL image
    from PIL import Image

    return Image.open(io.BytesIO(data))


def _ink_extent(data: bytes, box, ratio: float) -> tuple[float, float]:  # noqa: ANN001
    """Left and right edges (CSS px) of the dark pixels in a text line's row band."""
    image = _image(data).convert("L")
    xs = [x for y in range(int(box.y * ratio), int(box.y1 * ratio))
          for x in range(int((box.x - 3) * ratio), int((box.x1 + 25) * ratio))
          if image.getpixel((x, y)) < 110]
    assert xs, "no text drawn where the layout put the label"
    return min(xs) / ratio, (max(xs) + 1) / ratio


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_label_ink_matches_the_layouts_measured_width(resvg: None, ratio: float) -> None:
    """A label's drawn width in the PNG is the width the layout measured (DejaVu Sans), within 2% + 1 px."""
    tl = _two_events()
    line = layout(tl, **PLAIN).events[0].label.lines[0]
    left, right = _ink_extent(render_png(tl, pixel_ratio=ratio, **PLAIN), line.box, ratio)
    assert abs(left - line.box.x) <= 1.5
    # Ink is a little narrower than the advance width (the glyphs' side bearings), never wider.
    assert line.box.w * 0.98 - 1 <= right - left <= line.box.w + 1


def test_another_font_would_fail_the_width_check(resvg: None) -> None:
    """The check above can fail: DejaVu Sans Condensed draws the same label over 5% narrower."""
    import resvg_py

    condensed = Path(find_fonts()[0]).with_name("DejaVuSansCondensed.ttf")
    require(condensed.is_file(), "DejaVuSansCondensed.ttf is not beside DejaVuSans.ttf")
    tl = _two_events()
    line = layout(tl, **PLAIN).events[0].label.lines[0]
    data = bytes(resvg_py.svg_to_bytes(svg_string=timeline.render_svg(tl, **PLAIN), skip_system_fonts=True,
                                       font_files=[str(condensed)]))
    left, right = _ink_extent(data, line.box, 1.0)
    assert right - left < line.box.w * 0.95


@pytest.mark.parametrize(("options", "ratio", "size"), [
    ({"width": 800}, None, (800, None)),
    ({"width": 800}, 2.0, (1600, None)),
])
def test_png_is_the_svgs_size_times_the_pixel_ratio(resvg: None, options: dict, ratio: float | None,
                                                    size: tuple) -> None:
    """The raster is the SVG's CSS size times the pixel ratio (1 unless asked, or a slide)."""
    tl = timeline.bundled()
    scene = layout(tl, **options)
    image = _image(render_png(tl, pixel_ratio=ratio, **options))
    factor = ratio or 1.0
    assert image.size == (size[0], round(scene.height * factor))


def test_slide_frames_default_to_twice_their_size() -> None:
    """Slides rasterise at 2x (projectors, slide software); other frames at 1x."""
    assert png_module.default_pixel_ratio({"size": "slide"}) == 2.0
    assert png_module.default_pixel_ratio({"size": "slide-4x3"}) == 2.0
    assert png_module.default_pixel_ratio({"size": "a4"}) == 1.0
    assert png_module.default_pixel_ratio({}) == 1.0


def test_png_is_byte_deterministic(resvg: None) -> None:
    """Two renders of the same timeline are the same bytes."""
    tl = _two_events()
    assert render_png(tl) == render_png(tl)


def test_auto_theme_rasterises_light(resvg: None) -> None:
    """A raster cannot follow the viewer's setting: 'auto' draws the light background."""
    image = _image(render_png(_two_events(), theme="auto")).convert("RGB")
    assert image.getpixel((2, 2)) == (255, 255, 255)


def test_cli_writes_a_png(resvg: None, tmp_path: Path) -> None:
    """`timeline render --format png -o FILE` writes a PNG."""
    out = tmp_path / "chart.png"
    assert main(["render", "--format", "png", "--width", "640", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _image(out.read_bytes()).size[0] == 640


def test_save_png(resvg: None, tmp_path: Path) -> None:
    """Timeline.save_png writes the same bytes as render_png."""
    tl = _two_events()
    tl.save_png(tmp_path / "sub" / "t.png", pixel_ratio=2)
    assert (tmp_path / "sub" / "t.png").read_bytes() == timeline.render_png(tl, pixel_ratio=2)


def test_missing_extra_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Without resvg-py the CLI says how to install it, in one line, with no traceback."""
    monkeypatch.setitem(sys.modules, "resvg_py", None)
    assert main(["render", "--format", "png", "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0
    assert "pip install 'timeline-history[png]'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


def test_missing_font_names_the_folders_searched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without DejaVu Sans the PNG is refused (another font would overrun the measured labels)."""
    monkeypatch.setattr(png_module, "_candidate_dirs", lambda: iter([tmp_path]))
    monkeypatch.setattr(png_module, "_fontconfig_dir", lambda: None)
    with pytest.raises(RenderError, match=r"DejaVu Sans .* none of: .*fonts-dejavu-core"):
        find_fonts()


def test_font_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """TIMELINE_FONT_DIR is searched first."""
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    monkeypatch.setenv("TIMELINE_FONT_DIR", str(tmp_path))
    assert find_fonts() == (str(tmp_path / "DejaVuSans.ttf"),)


@pytest.mark.parametrize("ratio", [0, -1, 100, True, "2"])
def test_bad_pixel_ratio_is_refused(ratio: object) -> None:
    """A pixel ratio outside 0.25..8 (or not a number) is a usage error."""
    with pytest.raises(timeline.UsageError, match="pixel_ratio"):
        rasterise("<svg/>", pixel_ratio=ratio)  # type: ignore[arg-type]


def test_slide_png_at_2x_with_its_sources_slide(resvg: None, tmp_path: Path) -> None:
    """A 16:9 slide PNG is 3840x2160; the sources it promises "on the next slide" are written as PNG too."""
    out = tmp_path / "s.png"
    assert main(["render", "--from", "1953-01", "--to", "1953-12", "--size", "slide", "--title", "1953",
                 "--format", "png", "-o", str(out)]) == 0
    assert _image(out.read_bytes()).size == (3840, 2160)
    sources = tmp_path / "s-sources.png"
    assert sources.exists() and _image(sources.read_bytes()).size == (3840, 2160)
