"""The benchmark suite: ``python bench/run.py`` (sizes 100,1000,10000; ``--full`` adds 100000).

Every figure is the best of k repeats and is reported as a ratio to the
floor measured in the same run (bench/floor.py); the machine is noisy,
so only ratios from one run are compared.  The tables are written into
bench/RESULTS.md between the RESULTS markers; the prose around them is
kept.  Stages whose code has not landed yet show "n/a".
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import floor  # noqa: E402
import generate  # noqa: E402

import timeline  # noqa: E402
from timeline import dates as _dates  # noqa: E402

NA = "n/a (renderer not available)"
BEGIN, END = "<!-- BEGIN RESULTS (written by bench/run.py) -->", "<!-- END RESULTS -->"
TARGETS = {"e2e_10k": 4.0, "scaling": 12.0, "help_ms": 150.0, "bundled_ms": 400.0, "rss_100k": 3.0}


def best(fn: Callable[[], Any], k: int, setup: Callable[[], None] | None = None) -> tuple[float, Any]:
    """Best wall time of k calls (seconds) and the last result."""
    times, result = [], None
    for _ in range(k):
        if setup:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def fresh(cmd: list[str], k: int) -> tuple[float | None, str]:
    """Best wall time of a command in a fresh process (None when it fails) and its stderr."""
    times = []
    for _ in range(k):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            return None, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
    return min(times), ""


_RSS = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)")


def peak_rss_mb(cmd: list[str]) -> float | None:
    """Peak RSS (MB) of a command run in a fresh process, via RUSAGE_CHILDREN of a wrapper."""
    out = subprocess.run([sys.executable, "-c", _RSS, *cmd], capture_output=True, text=True, cwd=ROOT)
    kb = int(out.stdout.strip() or -1)
    return kb / 1024 if kb > 0 else None


def renderer(name: str) -> Callable[..., str] | None:
    """timeline.render.<name>.render_<name>, or None until it has landed."""
    try:
        module = __import__(f"timeline.render.{name}", fromlist=[f"render_{name}"])
        return getattr(module, f"render_{name}")
    except (ImportError, AttributeError):
        return None


def layout_fn() -> Callable[..., Any] | None:
    """timeline.layout.layout, or None until it has landed."""
    try:
        from timeline.layout import layout
    except ImportError:
        return None
    return layout


def clear_date_cache() -> None:
    """Forget parsed dates, so every load pays what a fresh process pays."""
    _dates._parse_cached.cache_clear()


def count_dateutil(path: Path) -> tuple[int, int]:
    """(dates that reached the dateutil fallback, dates parsed) when loading ``path``."""
    calls = []
    from timeline.dates import fallback

    original = fallback.parse_with_dateutil

    def spy(*args: Any) -> Any:
        calls.append(args[0])
        return original(*args)

    fallback.parse_with_dateutil = spy
    try:
        clear_date_cache()
        tl = timeline.load(path)
    finally:
        fallback.parse_with_dateutil = original
    return len(calls), len(tl.events) + len(tl.eras) + 1


def measure(n: int, k: int, out: Path) -> dict[str, Any]:
    """Every figure for one size N."""
    toml_path, json_path = out / f"events-{n}.toml", out / f"events-{n}.json"
    if not toml_path.exists() or not json_path.exists():
        generate.write(n, out)
    r: dict[str, Any] = {"n": n, "k": k}
    py = sys.executable

    # Floor, in process: JSON text -> ISO dates -> f-string SVG.
    json_text = json_path.read_text(encoding="utf-8")
    r["floor"], floor_out = best(lambda: floor.floor_svg(json.loads(json_text)), k)
    r["floor_bytes"] = len(floor_out.encode())
    floor_svg_path = out / f"floor-{n}.svg"
    r["floor_fresh"], _ = fresh([py, str(HERE / "floor.py"), str(json_path), str(floor_svg_path)], k)

    r["load_toml"], tl = best(lambda: timeline.load(toml_path), k, clear_date_cache)
    try:
        r["load_json"], _ = best(lambda: timeline.load(json_path), k, clear_date_cache)
    except timeline.LoadError as exc:  # e.g. over the reader's input size limit at 100k
        r["load_json"], r["load_json_error"] = None, str(exc).splitlines()[0].split(": error: ")[-1]

    def load_no_gc() -> Any:
        gc.disable()
        try:
            return timeline.load(toml_path)
        finally:
            gc.enable()

    r["load_toml_nogc"], _ = best(load_no_gc, k, clear_date_cache)
    r["dateutil"], r["dates"] = count_dateutil(toml_path)

    lay = layout_fn()
    r["layout"] = best(lambda: lay(tl), k)[0] if lay else None
    svg, html = renderer("svg"), renderer("html")
    if svg:
        r["svg"], text = best(lambda: svg(tl), k)
        r["svg_bytes"] = len(text.encode())
        r["e2e"] = r["load_toml"] + r["svg"]
        r["e2e_json"] = r["load_json"] + r["svg"] if r["load_json"] else None
    if html:
        r["html"], text = best(lambda: html(tl), k)
        r["html_bytes"] = len(text.encode())

    cli = [py, "-m", "timeline", "render"]
    for fmt in ("svg", "html"):
        target = out / f"cli-{n}.{fmt}"
        r[f"fresh_{fmt}"], r[f"fresh_{fmt}_error"] = fresh([*cli, str(toml_path), "--format", fmt, "-o", str(target)], k)
    r["fresh_check"], _ = fresh([py, "-m", "timeline", "check", str(toml_path)], k)

    rss_cmd = ([*cli, str(toml_path), "--format", "svg", "-o", str(out / f"rss-{n}.svg")] if svg
               else [py, "-m", "timeline", "check", str(toml_path)])
    r["rss_what"] = "render --format svg" if svg else "check (load only)"
    r["rss"] = peak_rss_mb(rss_cmd)
    r["rss_floor"] = peak_rss_mb([py, str(HERE / "floor.py"), str(json_path), str(floor_svg_path)])
    tl = None  # free this size's model before the next, larger size is measured
    gc.collect()
    return r


def startup(k: int, out: Path) -> dict[str, Any]:
    """Fresh-process figures that do not depend on N: --help, check, the bundled timeline."""
    py = sys.executable
    s: dict[str, Any] = {}
    s["python"], _ = fresh([py, "-c", "pass"], k)
    s["help"], _ = fresh([py, "-m", "timeline", "--help"], k)
    s["check_bundled"], _ = fresh([py, "-m", "timeline", "check"], k)
    probe = ("import sys; from timeline.cli import main; "
             "import contextlib, io; f = io.StringIO()\n"
             "for argv in (['--help'], ['check']):\n"
             "    try:\n"
             "        with contextlib.redirect_stdout(f): main(argv)\n"
             "    except SystemExit: pass\n"
             "print(sorted(m for m in ('svgwrite', 'jinja2', 'dateutil') if m in sys.modules))")
    proc = subprocess.run([py, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    s["heavy_imports"] = proc.stdout.strip() or proc.stderr.strip().splitlines()[-1]
    s["bundled"], s["bundled_error"] = fresh(
        [py, "-m", "timeline", "render", "--format", "svg,html", "-o", str(out / "bundled")], k)
    return s


def ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:,.1f} ms"


def cell(seconds: float | None, floor_s: float | None, missing: str = NA) -> str:
    if seconds is None:
        return missing
    return f"{ms(seconds)} ({seconds / floor_s:.1f}×)" if floor_s else ms(seconds)


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**NOT met**")


def report(rows: list[dict[str, Any]], s: dict[str, Any], full: bool) -> str:
    """Markdown tables for RESULTS.md."""
    lines = [f"Run of {dt.date.today().isoformat()} on {platform.python_implementation()} "
             f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
             f"sizes {', '.join(str(r['n']) for r in rows)}.", ""]
    lines += ["### Per size (best of k; in parentheses: × the floor of the same N)", "",
              "| N | k | floor (in-process) | load TOML | load JSON | layout | SVG | HTML | "
              "end to end TOML→SVG | end to end JSON→SVG |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        f = r["floor"]
        lines.append(f"| {r['n']:,} | {r['k']} | {ms(f)} | {cell(r['load_toml'], f)} | {cell(r['load_json'], f, 'n/a (' + r.get('load_json_error', '') + ')')} | "
                     f"{cell(r.get('layout'), f, 'n/a (layout not available)')} | {cell(r.get('svg'), f)} | "
                     f"{cell(r.get('html'), f)} | {cell(r.get('e2e'), f)} | "
                     f"{cell(r.get('e2e_json'), f, NA if r['load_json'] else 'n/a (no JSON load)')} |")
    lines += ["", "### Fresh process (wall, best of k; × the fresh-process floor `python bench/floor.py`)", "",
              "| N | floor fresh | `check` | `render --format svg` | `render --format html` | "
              "peak RSS (pipeline) | peak RSS floor | RSS ratio | SVG bytes (× floor) | HTML bytes |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ff = r["floor_fresh"]
        rss = f"{r['rss']:.0f} MB" if r["rss"] else "n/a"
        rssf = f"{r['rss_floor']:.0f} MB" if r["rss_floor"] else "n/a"
        ratio = f"{r['rss'] / r['rss_floor']:.2f}×" if r["rss"] and r["rss_floor"] else "n/a"
        svgb = f"{r['svg_bytes']:,} ({r['svg_bytes'] / r['floor_bytes']:.1f}×)" if "svg_bytes" in r else NA
        htmlb = f"{r['html_bytes']:,}" if "html_bytes" in r else NA
        lines.append(f"| {r['n']:,} | {ms(ff)} | {cell(r['fresh_check'], ff)} | {cell(r['fresh_svg'], ff)} | "
                     f"{cell(r['fresh_html'], ff)} | {rss} ({r['rss_what']}) | {rssf} | {ratio} | {svgb} | {htmlb} |")
    lines += ["", "### Other figures", ""]
    for r in rows:
        gc_share = 1 - r["load_toml_nogc"] / r["load_toml"]
        lines.append(f"- N={r['n']:,}: dates through the dateutil fallback: {r['dateutil']} of {r['dates']}; "
                     f"TOML load with the cyclic GC disabled: {ms(r['load_toml_nogc'])} "
                     f"(GC share {gc_share:.0%}).")
    lines.append(f"- Bare `python -c pass`: {ms(s['python'])}; `timeline check` (bundled): {ms(s['check_bundled'])}.")
    lines.append(f"- Heavy modules imported by `--help` and `check`: {s['heavy_imports']}.")

    by_n = {r["n"]: r for r in rows}
    big, mid = by_n.get(100_000), by_n.get(10_000)
    scaling = None
    if big and mid:
        pairs = [("load TOML", "load_toml"), ("layout", "layout"), ("SVG", "svg"), ("end to end", "e2e"),
                 ("floor", "floor")]
        parts = [f"{label} {big[key] / mid[key]:.1f}×" for label, key in pairs if big.get(key) and mid.get(key)]
        lines.append(f"- Scaling 10k→100k: {', '.join(parts)}.")
        scaling = (big.get("e2e") or big["load_toml"]) / (mid.get("e2e") or mid["load_toml"])

    e2e_10k = mid["e2e"] / mid["floor"] if mid and mid.get("e2e") else None
    rss_100k = big["rss"] / big["rss_floor"] if big and big["rss"] and big["rss_floor"] else None
    lines += ["", "### Targets", "", "| target | limit | this run | verdict |", "|---|---:|---:|---|"]
    lines.append(f"| end to end at 10k (load TOML + layout + SVG), × floor | ≤ {TARGETS['e2e_10k']:.0f}× | "
                 f"{f'{e2e_10k:.1f}×' if e2e_10k else NA} | "
                 f"{verdict(None if e2e_10k is None else e2e_10k <= TARGETS['e2e_10k'])} |")
    what = "end to end" if big and big.get("e2e") else ("load only" if big else "needs N=100,000")
    lines.append(f"| scaling 10k→100k ({what}) | ≤ {TARGETS['scaling']:.0f}× | "
                 f"{f'{scaling:.1f}×' if scaling else 'run with --full'} | "
                 f"{verdict(None if scaling is None else scaling <= TARGETS['scaling'])} |")
    lines.append(f"| `timeline --help`, fresh process | ≤ {TARGETS['help_ms']:.0f} ms | {ms(s['help'])} | "
                 f"{verdict(s['help'] * 1000 <= TARGETS['help_ms'])} |")
    bundled = ms(s["bundled"]) if s["bundled"] is not None else NA
    lines.append(f"| bundled timeline → SVG + HTML, fresh process | ≤ {TARGETS['bundled_ms']:.0f} ms | {bundled} | "
                 f"{verdict(None if s['bundled'] is None else s['bundled'] * 1000 <= TARGETS['bundled_ms'])} |")
    rss_text = f"{rss_100k:.2f}× ({big['rss_what']})" if big and rss_100k else "run with --full"
    lines.append(f"| peak RSS at 100k, × floor's | ≤ {TARGETS['rss_100k']:.0f}× | {rss_text} | "
                 f"{verdict(None if rss_100k is None else rss_100k <= TARGETS['rss_100k'])} |")
    return "\n".join(lines)


def write_results(table: str, path: Path) -> None:
    """Replace the text between the RESULTS markers (or append it)."""
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    if BEGIN not in old:
        old += f"\n{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the suite and write bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated event counts")
    parser.add_argument("--full", action="store_true", help="also run N=100000 (a few minutes more)")
    parser.add_argument("-k", "--repeats", type=int, default=0, help="repeats per figure (default: 5/3/2 by size)")
    parser.add_argument("--out", default=str(HERE / "out"), help="folder for generated inputs and outputs")
    parser.add_argument("--results", default=str(HERE / "RESULTS.md"), help="markdown file to update ('-' = stdout only)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x]
    if args.full and 100_000 not in sizes:
        sizes.append(100_000)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    rows = []
    for n in sizes:
        k = args.repeats or (5 if n <= 1000 else 3 if n <= 10_000 else 2)
        rows.append(measure(n, k, out))
        print(f"N={n:,} done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    s = startup(args.repeats or 7, out)
    table = report(rows, s, args.full)
    print(table)
    if args.results != "-":
        write_results(table, Path(args.results))
        print(f"wrote {args.results} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
