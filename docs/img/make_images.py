"""Regenerate every picture in docs/img from the command the README (or a doc) shows beside it.

    python docs/img/make_images.py [OUT_DIR]        (default: docs/img; about 20 seconds)

Each row of PICTURES names a picture, the command it shows (as the README writes it, `timeline`
being this checkout's ``python -m timeline``) and how it is made from that command's output:

- charts: the SVG rasterised by the project's own PNG renderer (resvg in DejaVu Sans, the png
  extra), at a stated pixel ratio, then cropped to a stated height where the README shows the top;
- pages: the HTML opened in headless Chromium through Playwright (``/usr/bin/chromium`` or
  ``$TIMELINE_CHROMIUM``, as the browser tests do) and screenshotted at a stated window size;
- the printed page: Chromium's print to an A4 PDF, its first pages rasterised by ``pdftoppm``
  and set side by side with Pillow.

Everything it needs is what ``.ci/run`` installs (the test extra, Chromium, poppler-utils).  The
output is deterministic for a given machine: no timestamps, fixed sizes, sorted work.  It prints
one line per file written.  tests/test_readme.py checks that PICTURES lists every file in
docs/img and that every picture the README and docs show exists.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

__all__ = ["PICTURES", "Picture", "main"]

#: CSS px kept above the baseline of the text a chart is cropped above (its own line, and a little air).
ABOVE_MARGIN = 24

#: The course page the fragment is pasted into (column-fragment.png): a header, a menu and a 720-px column.
HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Week 3</title>
<style>
body { margin: 0; font: 15px/1.5 'DejaVu Sans', sans-serif; background: #f3f4f7; color: #1d2330; }
header { background: #1c3a5e; color: #fff; padding: 10px 24px; font-weight: bold; font-size: 15px; }
nav { position: absolute; left: 24px; top: 76px; width: 180px; }
nav a { display: block; color: #1d2330; text-decoration: none; margin-bottom: 12px; }
main { margin: 24px 0 0 248px; width: 720px; }
.intro { background: #fff; padding: 8px 24px 16px; box-shadow: 0 1px 3px #0002; }
</style></head>
<body><header>History 204: The Soviet Union after Stalin</header>
<nav><a href="#">Course home</a><a href="#">Week 1</a><a href="#">Week 2</a><a href="#"><b>Week 3</b></a></nav>
<main><div class="intro"><h1>Week 3: The end of the Gulag</h1>
<p>Read the timeline below before the seminar; note where the sources disagree.</p></div>
{fragment}
</main></body></html>
"""


class Picture(NamedTuple):
    """One picture: its file name, the command the README shows beside it, and how to make it."""

    name: str
    command: str
    make: Callable[[Picture, Path, Any], bytes]


def run(command: str, cwd: Path) -> None:
    """Run a README command in ``cwd``: ``timeline`` is this checkout's CLI, ``python`` this interpreter."""
    argv = shlex.split(command)
    if argv[0] == "timeline":
        argv = [sys.executable, "-m", "timeline", *argv[1:]]
    elif argv[0] == "python":
        argv = [sys.executable, str(ROOT / argv[1]), *argv[2:]]  # a script of this checkout
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300)
    if proc.returncode:
        raise SystemExit(f"make_images.py: `{command}` failed (exit {proc.returncode}):\n{proc.stderr}")


def png_bytes(image: Any) -> bytes:
    """A Pillow image as PNG bytes (no metadata, so the same pixels give the same bytes)."""
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def chart(svg_file: str, *, ratio: float = 1.0, height: int | None = None,
          above: str | None = None) -> Callable[[Picture, Path, Any], bytes]:
    """Run the command, rasterise ``svg_file`` with the project's PNG renderer, and keep the top ``height``
    px, or what lies above the text of class ``above`` (the chart without its list of sources)."""

    def make(picture: Picture, work: Path, _browser: Any) -> bytes:
        from timeline.render.png import rasterise

        run(picture.command, work)
        svg = (work / svg_file).read_text(encoding="utf-8")
        data = rasterise(svg, pixel_ratio=ratio)
        keep = height
        if above is not None:
            found = re.search(rf'<text class="{above}"[^>]* y="([0-9.]+)"', svg)
            if found is None:
                raise SystemExit(f"make_images.py: {svg_file} has no text of class {above!r} to crop above")
            keep = round((float(found.group(1)) - ABOVE_MARGIN) * ratio)
        if keep is None:
            return data
        from PIL import Image

        image = Image.open(io.BytesIO(data))
        return png_bytes(image.crop((0, 0, image.width, min(keep, image.height))))

    return make


def screenshot(html_file: str, *, width: int, height: int, scheme: str = "light", scroll_to: str | None = None,
               host: bool = False) -> Callable[[Picture, Path, Any], bytes]:
    """Run the command and screenshot ``html_file`` (pasted into HOST_PAGE if ``host``) in Chromium at
    ``width`` x ``height``, scrolled so that the element ``scroll_to`` is at the top."""

    def make(picture: Picture, work: Path, browser: Any) -> bytes:
        run(picture.command, work)
        path = work / html_file
        if host:
            path = work / "host.html"
            path.write_text(HOST_PAGE.replace("{fragment}", (work / html_file).read_text(encoding="utf-8")),
                            encoding="utf-8")
        page, context = open_page(browser, path, width, height, scheme)
        try:
            if scroll_to:
                page.evaluate(f"window.scrollTo(0, document.querySelector({scroll_to!r}).getBoundingClientRect().top"
                              " + window.scrollY)")
            return page.screenshot()
        finally:
            context.close()

    return make


def printed(html_file: str, *, pages: int, dpi: int, gap: int) -> Callable[[Picture, Path, Any], bytes]:
    """Run the command, print ``html_file`` to an A4 PDF in Chromium, and set its first ``pages`` pages
    (pdftoppm at ``dpi``) side by side on grey, ``gap`` px apart."""

    def make(picture: Picture, work: Path, browser: Any) -> bytes:
        from PIL import Image

        run(picture.command, work)
        page, context = open_page(browser, work / html_file, 794, 1123, "light")
        try:
            page.pdf(path=str(work / "print.pdf"), format="A4", prefer_css_page_size=True)
        finally:
            context.close()
        subprocess.run(["pdftoppm", "-r", str(dpi), "-l", str(pages), "-png", str(work / "print.pdf"),
                        str(work / "pg")], check=True, timeout=120)
        sheets = [Image.open(p).convert("RGB") for p in sorted(work.glob("pg-*.png"))]
        w, h = sheets[0].size
        montage = Image.new("RGB", (len(sheets) * (w + gap) - gap, h), (152, 157, 166))
        for k, sheet in enumerate(sheets):
            montage.paste(sheet, (k * (w + gap), 0))
        return png_bytes(montage)

    return make


def open_page(browser: Any, path: Path, width: int, height: int, scheme: str) -> tuple[Any, Any]:
    """A page at a viewport and colour scheme showing a local file, every network request refused."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri())
    return page, context


#: Every picture in docs/img, in the order the README shows them.
PICTURES = (
    Picture("bundled-horizontal.png", "timeline render", chart("build/timeline.svg", ratio=11 / 12, above="notes-heading")),
    Picture("rome-horizontal.png", "python examples/roman_republic.py .", chart("rome.svg")),
    Picture("rome-vertical.png", "python examples/roman_republic.py .", chart("rome-vertical.svg")),
    Picture("bundled-vertical.png", "timeline render --format svg --orientation vertical -o build/tall.svg",
            chart("build/tall.svg", height=2063)),
    Picture("slide-1953.png",
            'timeline render --from 1953-01 --to 1953-12 --size slide --title "1953" --format svg -o build/1953.svg',
            chart("build/1953.svg", ratio=2 / 3)),
    Picture("a4-landscape.png", "timeline render --size a4-landscape --format svg -o build/handout.svg",
            chart("build/handout-1.svg")),
    Picture("column.png", "timeline render --size column --orientation vertical --format svg -o build/column.svg",
            chart("build/column.svg", height=1000)),
    Picture("phone.png", "timeline render --size phone --orientation vertical --format svg -o build/phone.svg",
            chart("build/phone.svg", height=844)),
    Picture("portrait-390x844.png", "timeline render --size 390x844 --format svg -o build/story.svg",
            chart("build/story.svg")),
    Picture("phone-page.png", "timeline render --format html -o build/timeline.html",
            screenshot("build/timeline.html", width=390, height=844, scroll_to="#tl-chart-phone")),
    Picture("column-fragment.png", "timeline render --format html --fragment -o build/fragment.html",
            screenshot("build/fragment.html", width=1040, height=1000, host=True)),
    Picture("a4-pages.png", "timeline render --format html -o build/timeline.html",
            printed("build/timeline.html", pages=6, dpi=46, gap=6)),
    Picture("page-light.png", "timeline render --format html -o build/timeline.html",
            screenshot("build/timeline.html", width=1200, height=1500)),
    Picture("page-dark.png", "timeline render --format html -o build/timeline.html",
            screenshot("build/timeline.html", width=1200, height=1500, scheme="dark")),
)


def main(argv: list[str]) -> int:
    """Write every picture into the folder ``argv[0]`` (default docs/img) and print what was written."""
    out = Path(argv[0]) if argv else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser.tools import CHROMIUM_ARGS

    chromium = os.environ.get("TIMELINE_CHROMIUM") or "/usr/bin/chromium"
    for tool, found in ((chromium, Path(chromium).is_file()), ("pdftoppm", shutil.which("pdftoppm"))):
        if not found:
            raise SystemExit(f"make_images.py: {tool} is not installed (.ci/run installs it)")
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="make-images-") as tmp:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for picture in PICTURES:
                work = Path(tmp) / picture.name.removesuffix(".png")
                work.mkdir()
                data = picture.make(picture, work, browser)
                (out / picture.name).write_bytes(data)
                print(f"wrote {out / picture.name} ({len(data):,} bytes)  <- {picture.command}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
