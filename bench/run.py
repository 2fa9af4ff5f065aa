"""The benchmark suite: ``python bench/run.py`` (sizes 1000,10000; ``--full`` adds 100000).

Every figure is the least CPU time of k repeats (user + system; a
fresh process's includes start-up and imports) and is reported as a ratio to the
floor measured in the same run (bench/floor.py): in-process figures to the
in-process floor, fresh-process figures to ``python bench/floor.py``, peak
RSS to the floor's.  The machine is noisy, so only ratios from one run are
compared.  Inputs are the generated TOML, our JSON and a TimelineJS sheet
(CSV) of the same events.  plotly's ``px.timeline`` and the matplotlib recipe
(bench/peers.py) run as peers when installed (``pip install '.[bench]'``).
The tables are written into bench/RESULTS.md between the RESULTS markers;
the prose around them is kept.  ``--compiled PYTHON`` also times the fresh
renders with another interpreter whose ``timeline`` is the optional mypyc
build (docs/performance.md), in the same run and against the same floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
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
import peers  # noqa: E402

import timeline  # noqa: E402
from timeline.render.html import render_html  # noqa: E402
from timeline.render.svg import render_svg  # noqa: E402

BEGIN, END = "<!-- BEGIN RESULTS (written by bench/run.py) -->", "<!-- END RESULTS -->"
INPUTS = (("csv", "TimelineJS sheet"), ("toml", "TOML"), ("json", "JSON"))
PY = sys.executable
#: The environment of every fresh process: bytecode cached, as in an installed package (pip compiles
#: it on install), rather than every module recompiled at each start as PYTHONDONTWRITEBYTECODE makes
#: it (~100 ms of the start-up).  The cache goes under --out (set in main), not into the tree.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
#: ``--compiled``: (label, source key, format) of each fresh render timed with the compiled build too.
COMPILED_RUNS = (("sheet→SVG", "csv", "svg"), ("TOML→SVG", "toml", "svg"), ("TOML→HTML", "toml", "html"))
#: Where the compiled build's processes run: not the tree (``-m`` would import the tree's modules from the
#: working directory), and without PYTHONPATH (main fills it from CHILD_ENV).
COMPILED_CWD = Path("/")
COMPILED_ENV: dict[str, str] = {}
_COMPILED_PROBE = ("import timeline.layout.rows as m, timeline.io.toml as t; "
                   "print(m.__file__); print(getattr(t._toml_parser, '__name__', 'tomllib'))")


def best(fn: Callable[[], Any], k: int, setup: Callable[[], None] | None = None) -> tuple[float, Any]:
    """Least CPU time of k calls (seconds, this process) and the last result."""
    times, result = [], None
    for _ in range(k):
        if setup:
            setup()
        result = None
        gc.collect()
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return min(times), result


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fresh_rounds(cmds: dict[str, tuple[list[str], bool]], k: int, floor_key: str) -> dict[str, tuple[float | None, str]]:
    """Least CPU time (user + system) of each command in a fresh process (None when it fails) and its last
    stderr line, the commands interleaved: k rounds, each running every command once, in order.

    CPU time rather than wall time: on a machine shared with other work, wall time mostly measures the
    others (a bare ``python -c pass`` took 30 to 270 ms of wall).  Interleaving spreads the machine's
    slow spells over every command alike, where timing one command k times and then the next put a spell
    on one command's figures only.  The floor (``floor_key``) runs at the start and at the end of every
    round, so it has 2k chances at its least time: the ratios' denominator is the hardest to beat.
    A command's value is ``(argv, compiled)``; ``compiled`` runs it outside the tree and without
    PYTHONPATH, so that ``-m timeline`` is the other interpreter's installed (compiled) package, not
    this work tree.
    """
    times: dict[str, list[float]] = {key: [] for key in cmds}
    errors: dict[str, str] = {}
    order = [floor_key, *(key for key in cmds if key != floor_key), floor_key]
    for _ in range(k):
        for key in order:
            if key in errors:
                continue
            cmd, compiled = cmds[key]
            cwd, env = (COMPILED_CWD, COMPILED_ENV) if compiled else (ROOT, CHILD_ENV)
            t0 = _children_cpu()
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env)
            times[key].append(_children_cpu() - t0)
            if proc.returncode != 0:
                err = proc.stderr.strip()
                errors[key] = err.splitlines()[-1] if err else f"exit {proc.returncode}"
    return {key: (None, errors[key]) if key in errors else (min(times[key]), "") for key in cmds}


def fresh(cmd: list[str], k: int) -> tuple[float | None, str]:
    """Least CPU time of one command in k fresh processes, and its last stderr line (see fresh_rounds)."""
    return fresh_rounds({"cmd": (cmd, False)}, k, "cmd")["cmd"]


_RSS = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)")


def peak_rss_mb(cmd: list[str]) -> float | None:
    """Peak RSS (MB) of a command run in a fresh process, via RUSAGE_CHILDREN of a wrapper."""
    out = subprocess.run([PY, "-c", _RSS, *cmd], capture_output=True, text=True, cwd=ROOT, env=CHILD_ENV)
    kb = int(out.stdout.strip() or -1)
    return kb / 1024 if kb > 0 else None


def clear_date_cache() -> None:
    """Forget parsed dates (every cache in timeline.dates), so each load pays what a fresh process pays."""
    for name, module in list(sys.modules.items()):
        if name == "timeline.dates" or name.startswith("timeline.dates."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def toml_parser() -> str:
    """Which TOML parser the reader uses (tomli's compiled wheel with the 'fast' extra, else tomllib)."""
    from timeline.io import toml

    parser = getattr(toml, "_toml_parser", None)
    return getattr(parser, "__name__", "tomllib")


def compiled_python(python: str) -> str:
    """Check that ``python`` imports a compiled ``timeline`` (outside this tree) and say what it is."""
    proc = subprocess.run([python, "-c", _COMPILED_PROBE], capture_output=True, text=True, cwd=COMPILED_CWD,
                          env=COMPILED_ENV)
    if proc.returncode != 0:
        raise SystemExit(f"--compiled {python}: cannot import timeline: {proc.stderr.strip().splitlines()[-1:]}")
    path, parser = proc.stdout.strip().split("\n", 1)  # the parser's name may hold spaces ("rtoml, then tomli")
    if not path.endswith((".so", ".pyd")):
        raise SystemExit(f"--compiled {python}: timeline.layout.rows is {path}, not a compiled module")
    return parser


def measure(n: int, k: int, out: Path, with_peers: bool, matplotlib_too: bool,
            compiled: str | None = None) -> dict[str, Any]:
    """Every figure for one size N."""
    paths = dict(zip(("toml", "json", "csv"), (out / f"events-{n}.{s}" for s in ("toml", "json", "csv"))))
    if not all(p.exists() for p in paths.values()):
        generate.write(n, out)
    r: dict[str, Any] = {"n": n, "k": k}

    # Floor, in process and fresh: JSON text -> ISO dates -> f-string SVG.
    json_text = paths["json"].read_text(encoding="utf-8")
    r["floor"], floor_out = best(lambda: floor.floor_svg(json.loads(json_text)), k)
    r["floor_bytes"] = len(floor_out.encode())
    floor_cmd = [PY, str(HERE / "floor.py"), str(paths["json"]), str(out / f"floor-{n}.svg")]

    tl = None
    for key, _ in INPUTS:
        try:
            r[f"load_{key}"], loaded = best(lambda key=key: timeline.load(paths[key]), k, clear_date_cache)
        except timeline.LoadError as exc:  # e.g. over the reader's input size limit at 100k
            r[f"load_{key}"], r[f"load_{key}_error"] = None, str(exc).splitlines()[0].split(": error: ")[-1]
            continue
        if key == "toml":
            tl = loaded
        loaded = None
    assert tl is not None, "the generated TOML must load"

    from timeline.layout import layout

    r["layout"], _ = best(lambda: layout(tl), k)
    r["svg"], text = best(lambda: render_svg(tl), k)
    r["svg_bytes"] = len(text.encode())
    r["html"], text = best(lambda: render_html(tl), k)
    r["html_bytes"] = len(text.encode())
    text = None
    for key, _ in INPUTS:
        if r[f"load_{key}"] is not None:
            r[f"e2e_{key}"] = r[f"load_{key}"] + r["svg"]
    tl = None  # free this size's model before the processes below run
    gc.collect()

    # Every fresh process of this size, interleaved round by round with the floor (fresh_rounds).
    cli = [PY, "-m", "timeline", "render"]
    cmds: dict[str, tuple[list[str], bool]] = {"floor_fresh": (floor_cmd, False)}
    for key, _ in INPUTS:
        for fmt in ("svg", "html") if key != "json" else ("svg",):
            target = out / f"cli-{n}-{key}.{fmt}"
            cmds[f"fresh_{key}_{fmt}"] = ([*cli, str(paths[key]), "--format", fmt, "-o", str(target)], False)
    cmds["fresh_check"] = ([PY, "-m", "timeline", "check", str(paths["toml"])], False)
    if compiled:
        # The same commands by the compiled build's interpreter (the floor stays the one above: the same
        # script, by this python; the compiled interpreter's own floor is shown beside it).
        cmds["compiled_floor_fresh"] = ([compiled, *floor_cmd[1:]], True)
        for _, key, fmt in COMPILED_RUNS:
            cmds[f"compiled_{key}_{fmt}"] = ([compiled, "-m", "timeline", "render", str(paths[key]), "--format",
                                             fmt, "-o", str(out / f"compiled-{n}-{key}.{fmt}")], True)
    peer_cmds = {}
    if with_peers:
        for name, suffix in (("plotly", "html"), ("matplotlib", "svg")):
            if peers.available(name) and (name != "matplotlib" or matplotlib_too):
                peer_cmds[name] = [PY, str(HERE / "peers.py"), name, str(paths["json"]), str(out / f"{name}-{n}.{suffix}")]
    if "plotly" in peer_cmds:
        cmds["peer_plotly"] = (peer_cmds["plotly"], False)
    for key, (value, error) in fresh_rounds(cmds, k, "floor_fresh").items():
        r[key] = value
        if key.startswith(("fresh_", "compiled_")) and key not in ("fresh_check", "compiled_floor_fresh"):
            r[f"{key}_error"] = error
    if "matplotlib" in peer_cmds:  # minutes at 10k: once, after the rounds
        r["peer_matplotlib"], _ = fresh(peer_cmds["matplotlib"], 1)

    for fmt in ("svg", "html"):
        r[f"rss_{fmt}"] = peak_rss_mb([*cli, str(paths["toml"]), "--format", fmt, "-o", str(out / f"rss-{n}.{fmt}")])
    r["rss_floor"] = peak_rss_mb(floor_cmd)

    for name, cmd in peer_cmds.items():
        r[f"rss_{name}"] = peak_rss_mb(cmd)
    return r


_PROBE = """import contextlib, io, sys
from timeline.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(sorted(m for m in ('svgwrite', 'jinja2', 'dateutil', 'urllib.request') if m in sys.modules))"""


def startup(k: int, out: Path) -> dict[str, Any]:
    """Fresh-process figures that do not depend on N: --help, check, the bundled timeline, imports."""
    rounds = fresh_rounds({
        "python": ([PY, "-c", "pass"], False),
        "help": ([PY, "-m", "timeline", "--help"], False),
        "check_bundled": ([PY, "-m", "timeline", "check"], False),
        "bundled": ([PY, "-m", "timeline", "render", "--format", "svg,html", "-o", str(out / "bundled")], False),
    }, k, "python")
    s: dict[str, Any] = {key: value for key, (value, _) in rounds.items()}
    s["bundled_error"] = rounds["bundled"][1]
    for label, argv in (("--help", ["--help"]), ("check", ["check"]),
                        ("render --format svg", ["render", "--format", "svg", "-o", str(out / "probe.svg")])):
        proc = subprocess.run([PY, "-c", _PROBE, *argv], capture_output=True, text=True, cwd=ROOT, env=CHILD_ENV)
        s[f"imports {label}"] = proc.stdout.strip() or proc.stderr.strip().splitlines()[-1]
    return s


def ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:,.0f} ms" if seconds >= 1 else f"{seconds * 1000:,.1f} ms"


def cell(seconds: float | None, floor_s: float | None, missing: str = "n/a") -> str:
    if seconds is None:
        return missing
    return f"{ms(seconds)} ({seconds / floor_s:.1f}×)" if floor_s else ms(seconds)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def verdict(value: float | None, limit: float) -> str:
    return "not measured" if value is None else ("**met**" if value <= limit else "**NOT met**")


def targets(rows: list[dict[str, Any]], s: dict[str, Any]) -> list[tuple[str, float, float | None, str]]:
    """(target, limit, value, unit) for each of issue 15's targets."""
    by_n = {r["n"]: r for r in rows}
    mid, big = by_n.get(10_000, {}), by_n.get(100_000, {})
    ff = mid.get("floor_fresh")
    rss_big = max((x for x in (_ratio(big.get("rss_svg"), big.get("rss_floor")),
                               _ratio(big.get("rss_html"), big.get("rss_floor"))) if x is not None), default=None)
    return [
        ("SVG from a TimelineJS sheet at 10k, fresh, × floor", 5, _ratio(mid.get("fresh_csv_svg"), ff), "×"),
        ("SVG from TOML at 10k, fresh, × floor", 6, _ratio(mid.get("fresh_toml_svg"), ff), "×"),
        ("HTML from TOML at 10k, fresh, × floor", 8, _ratio(mid.get("fresh_toml_html"), ff), "×"),
        ("bundled timeline → SVG + HTML, fresh", 250, s["bundled"] * 1000 if s["bundled"] else None, " ms"),
        ("peak RSS at 100k (worse of SVG and HTML), × floor's", 3, rss_big, "×"),
        ("scaling 10k→100k, TOML→SVG in process", 11, _ratio(big.get("e2e_toml"), mid.get("e2e_toml")), "×"),
    ]


def compiled_report(rows: list[dict[str, Any]], compiled: str) -> list[str]:
    """The ``--compiled`` table: the same fresh renders, pure and compiled, × the same floor."""
    lines = ["", f"### Compiled build (fresh process; `--compiled`, TOML parser: {compiled}; "
             "× the fresh floor above, pure → compiled; in brackets × the floor run by the compiled build's "
             "python, whose start-up may differ, e.g. a venv without this environment's .pth files)", "",
             "| N | floor | floor by the compiled build's python | " + " | ".join(x[0] for x in COMPILED_RUNS) + " |",
             "|---:|---:|---:|" + "---:|" * len(COMPILED_RUNS)]
    for r in rows:
        ff = r["floor_fresh"]
        own = r.get("compiled_floor_fresh")
        runs = [f"{cell(r.get(f'fresh_{key}_{fmt}'), ff)} → "
                f"{cell(r.get(f'compiled_{key}_{fmt}'), ff, 'failed: ' + r.get(f'compiled_{key}_{fmt}_error', ''))}"
                + (f" [{r[f'compiled_{key}_{fmt}'] / own:.1f}×]" if own and r.get(f"compiled_{key}_{fmt}") else "")
                for _, key, fmt in COMPILED_RUNS]
        lines.append(f"| {r['n']:,} | {ms(ff)} | {cell(r.get('compiled_floor_fresh'), ff)} | {' | '.join(runs)} |")
    return lines


def report(rows: list[dict[str, Any]], s: dict[str, Any], compiled: str | None = None) -> str:
    """Markdown tables for RESULTS.md."""
    lines = [f"Run of {dt.date.today().isoformat()} on {platform.python_implementation()} "
             f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
             f"sizes {', '.join(format(r['n'], ',') for r in rows)}; TOML parser: {toml_parser()}.", ""]
    lines += ["### In process (CPU time, best of k; in parentheses: × the in-process floor of the same N)", "",
              "| N | k | floor | load sheet | load TOML | load JSON | layout | SVG | HTML | "
              "sheet→SVG | TOML→SVG | JSON→SVG |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        f = r["floor"]
        loads = [cell(r[f"load_{key}"], f, f"n/a ({r.get(f'load_{key}_error', '')})") for key, _ in INPUTS]
        e2e = [cell(r.get(f"e2e_{key}"), f) for key, _ in INPUTS]
        lines.append(f"| {r['n']:,} | {r['k']} | {ms(f)} | {' | '.join(loads)} | {cell(r['layout'], f)} | "
                     f"{cell(r['svg'], f)} | {cell(r['html'], f)} | {' | '.join(e2e)} |")
    lines += ["", "### Fresh process (CPU time, user + system, best of k; × the fresh floor `python bench/floor.py IN.json OUT.svg`)", "",
              "| N | floor | `check` TOML | sheet→SVG | sheet→HTML | TOML→SVG | TOML→HTML | JSON→SVG | "
              "plotly `px.timeline` | matplotlib recipe |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ff = r["floor_fresh"]
        runs = [cell(r.get(f"fresh_{key}_{fmt}"), ff, f"failed: {r.get(f'fresh_{key}_{fmt}_error', '')}")
                for key, fmt in (("csv", "svg"), ("csv", "html"), ("toml", "svg"), ("toml", "html"), ("json", "svg"))]
        peer = [cell(r.get(f"peer_{name}"), ff, "not run") for name in ("plotly", "matplotlib")]
        lines.append(f"| {r['n']:,} | {ms(ff)} | {cell(r['fresh_check'], ff)} | {' | '.join(runs)} | {' | '.join(peer)} |")
    lines += ["", "### Peak RSS and output size (fresh process; × the floor's)", "",
              "| N | floor RSS | TOML→SVG | TOML→HTML | plotly | matplotlib | floor SVG bytes | SVG bytes | HTML bytes |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        rf = r["rss_floor"]

        def rss(key: str) -> str:
            value = r.get(key)
            return "n/a" if not value else f"{value:,.0f} MB ({value / rf:.2f}×)" if rf else f"{value:,.0f} MB"
        lines.append(f"| {r['n']:,} | {rss('rss_floor').split(' (')[0]} | {rss('rss_svg')} | {rss('rss_html')} | "
                     f"{rss('rss_plotly')} | {rss('rss_matplotlib')} | {r['floor_bytes']:,} | "
                     f"{r['svg_bytes']:,} ({r['svg_bytes'] / r['floor_bytes']:.1f}×) | {r['html_bytes']:,} |")
    if compiled:
        lines += compiled_report(rows, compiled)
    lines += ["", "### Start-up", "",
              f"- Bare `python -c pass`: {ms(s['python'])}; `timeline --help`: {ms(s['help'])}; "
              f"`timeline check` (bundled): {ms(s['check_bundled'])}."]
    lines += [f"- Heavy modules imported by `{key[8:]}`: {value}." for key, value in s.items() if key.startswith("imports ")]
    by_n = {r["n"]: r for r in rows}
    if 10_000 in by_n and 100_000 in by_n:
        mid, big = by_n[10_000], by_n[100_000]
        pairs = [("load TOML", "load_toml"), ("layout", "layout"), ("SVG", "svg"), ("HTML", "html"),
                 ("TOML→SVG", "e2e_toml"), ("fresh TOML→SVG", "fresh_toml_svg"), ("floor", "floor")]
        parts = [f"{label} {big[key] / mid[key]:.1f}×" for label, key in pairs if big.get(key) and mid.get(key)]
        lines.append(f"- Scaling 10k→100k: {', '.join(parts)}.")
    lines += ["", "### Targets (issue 15)", "", "| target | limit | this run | verdict |", "|---|---:|---:|---|"]
    for label, limit, value, unit in targets(rows, s):
        shown = "not measured (needs N=10,000, and --full for 100k)" if value is None else f"{value:,.1f}{unit}"
        lines.append(f"| {label} | ≤ {limit}{unit} | {shown} | {verdict(value, limit)} |")
    mid = {r["n"]: r for r in rows}.get(10_000, {})
    for (label, key, fmt), limit in zip(COMPILED_RUNS, (5, 6, 8)) if compiled else ():
        value = _ratio(mid.get(f"compiled_{key}_{fmt}"), mid.get("floor_fresh"))
        shown = "not measured (needs N=10,000)" if value is None else f"{value:,.1f}×"
        lines.append(f"| {label} at 10k, fresh, × floor, **compiled build** | ≤ {limit}× | {shown} | "
                     f"{verdict(value, limit)} |")
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
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated event counts")
    parser.add_argument("--full", action="store_true",
                        help="also run N=100000, and the matplotlib peer at 10k (several minutes more)")
    parser.add_argument("-k", "--repeats", type=int, default=0, help="repeats per figure (default: 5/3/2 by size)")
    parser.add_argument("--no-peers", action="store_true", help="skip plotly and matplotlib even when installed")
    parser.add_argument("--out", default=str(HERE / "out"), help="folder for generated inputs and outputs")
    parser.add_argument("--results", default=str(HERE / "RESULTS.md"), help="markdown file to update ('-' = stdout only)")
    parser.add_argument("--compiled", metavar="PYTHON",
                        help="also time the fresh renders with this interpreter, whose timeline is the compiled "
                             "build (e.g. a venv's bin/python; docs/performance.md)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x]
    if args.full and 100_000 not in sizes:
        sizes.append(100_000)
    out = Path(args.out).resolve()  # absolute: the --compiled processes run elsewhere
    out.mkdir(parents=True, exist_ok=True)
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str((out / "pycache").resolve())
    COMPILED_ENV.update({k: v for k, v in CHILD_ENV.items() if k != "PYTHONPATH"})
    compiled = compiled_python(args.compiled) if args.compiled else None
    # As pip compiles a wheel: the package, and the precompiled templates it ships (templates/precompiled).
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "timeline"), str(ROOT / "templates")], check=True,
                   env=CHILD_ENV)
    t0 = time.perf_counter()
    rows = []
    for n in sizes:
        k = args.repeats or (5 if n <= 1000 else 3 if n <= 10_000 else 2)
        rows.append(measure(n, k, out, with_peers=not args.no_peers and n <= 10_000,
                            matplotlib_too=n <= 1000 or args.full, compiled=args.compiled))
        print(f"N={n:,} done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    s = startup(args.repeats or 7, out)
    table = report(rows, s, compiled)
    print(table)
    if args.results != "-":
        write_results(table, Path(args.results))
        print(f"wrote {args.results} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
