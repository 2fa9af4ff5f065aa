"""The PNG renderer: the SVG rasterised by resvg (the optional ``png`` extra), in the layout's font.

The layout measures every text with DejaVu Sans advance widths (``layout/text.py``), so the
raster must be drawn in DejaVu Sans too, or labels would overrun their boxes and collide.
resvg is therefore given the DejaVu Sans files themselves and no system fonts: the PNG looks
the same on every machine, or the renderer refuses with a message saying where it looked.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from timeline.errors import RenderError, UsageError
from timeline.model.timeline import Timeline

__all__ = ["FONT_FILES", "MISSING_EXTRA", "default_pixel_ratio", "find_fonts", "rasterise", "render_png"]

#: The DejaVu Sans faces the SVG's CSS uses (regular, bold, italic, bold italic).
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")

#: The one-line message when the rasteriser is not installed.
MISSING_EXTRA = ("PNG output needs the optional rasteriser: pip install 'timeline-history[png]' "
                 "(in a clone: pip install '.[png]'; it installs resvg-py)")

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu (fonts-dejavu-core)
    "/usr/share/fonts/dejavu",  # Fedora, Arch
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "~/Library/Fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)


def _candidate_dirs() -> Iterable[Path]:
    env = os.environ.get("TIMELINE_FONT_DIR")
    if env:
        yield Path(env).expanduser()
    for folder in _FONT_DIRS:
        yield Path(folder).expanduser()
    # matplotlib ships DejaVu Sans; found without importing it.
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        yield Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


def _fontconfig_dir() -> Path | None:
    """The folder fontconfig has DejaVu Sans in, if fc-match names the real file (not a substitute)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        found = subprocess.run([fc_match, "-f", "%{file}", "DejaVu Sans:style=Book"], capture_output=True,
                               text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(found)
    return path.parent if path.name == FONT_FILES[0] else None


def find_fonts() -> tuple[str, ...]:
    """Paths of the DejaVu Sans faces, from ``TIMELINE_FONT_DIR``, the usual font folders or fontconfig.

    The regular face is required; the others are used where present.  Raises RenderError
    naming the folders searched when DejaVu Sans is nowhere.
    """
    searched: list[str] = []
    dirs = list(_candidate_dirs())
    for folder in [*dirs, None]:
        if folder is None:
            folder = _fontconfig_dir()
            if folder is None:
                break
        searched.append(str(folder))
        if (folder / FONT_FILES[0]).is_file():
            return tuple(str(folder / name) for name in FONT_FILES if (folder / name).is_file())
    raise RenderError(
        "PNG output needs the font the layout measures, DejaVu Sans (DejaVuSans.ttf), and found it in none of: "
        + ", ".join(searched) + "; install it (Debian: fonts-dejavu-core) or set TIMELINE_FONT_DIR to its folder")


def rasterise(svg: str, *, pixel_ratio: float = 1.0) -> bytes:
    """Rasterise an SVG document string to PNG bytes at ``pixel_ratio`` device px per CSS px."""
    if isinstance(pixel_ratio, bool) or not isinstance(pixel_ratio, (int, float)) or not 0.25 <= pixel_ratio <= 8:
        raise UsageError(f"pixel_ratio must be a number between 0.25 and 8; got {pixel_ratio!r}")
    try:
        import resvg_py
    except ImportError:
        raise UsageError(MISSING_EXTRA) from None
    fonts = list(find_fonts())
    try:
        data = resvg_py.svg_to_bytes(
            svg_string=svg, zoom=float(pixel_ratio), skip_system_fonts=True, font_files=fonts,
            font_family="DejaVu Sans", sans_serif_family="DejaVu Sans",
        )
    except ValueError as exc:
        raise RenderError(f"the rasteriser could not draw the SVG: {exc}") from None
    return bytes(data)


def default_pixel_ratio(options: dict[str, Any]) -> float:
    """The frame's raster scale: 2 for slides (sharp on projectors and in slide software), else 1."""
    from timeline.layout.frame import parse_size

    size = options.get("size")
    return 1.0 if size is None else float(parse_size(size).raster_scale)


def render_png(tl: Timeline, *, pixel_ratio: float | None = None, **options: Any) -> bytes:
    """Render a timeline to PNG bytes: the SVG (same options) rasterised in DejaVu Sans.

    ``pixel_ratio`` defaults to 2 for the ``slide`` sizes and 1 otherwise.  The ``auto`` theme
    draws light (a raster cannot follow the viewer's setting).
    """
    from timeline.render.svg import render_svg

    ratio = default_pixel_ratio(options) if pixel_ratio is None else pixel_ratio
    return rasterise(render_svg(tl, **options), pixel_ratio=ratio)
