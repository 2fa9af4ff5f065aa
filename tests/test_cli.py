"""The command line: exit codes, compiler-style diagnostics, no tracebacks."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import require
from timeline.cli import main

GOOD = """\
[timeline]
title = "T"
[sources.a]
title = "A"
[[events]]
id = "e"
title = "E"
when = "1953-03-05"
citations = [{ source = "a", locator = "p. 1" }]
"""

BAD = """\
[timeline]
title = "T"
[[events]]
id = "e"
title = "E"
when = "5 Jnu 1953"
citations = [{ source = "nope" }]
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m timeline` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    """A valid event file."""
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture()
def bad(tmp_path: Path) -> Path:
    """An event file with two errors."""
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_check_ok(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline check` on a clean file exits 0 and says what it found."""
    assert main(["check", str(good)]) == 0
    assert capsys.readouterr().out.endswith("ok: 1 events, 0 eras, 1 sources\n")


def test_check_reports_all_errors_and_exits_1(bad: Path) -> None:
    """Invalid input exits 1 with every error, compiler style, and no traceback."""
    proc = run("check", str(bad))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert any(line.startswith(f"{bad}:6:11: error: unknown month 'Jnu' (did you mean 'Jun'?)") for line in lines), proc.stderr
    assert any(line.startswith(f"{bad}:7:26: error: citation of undefined source 'nope'") for line in lines)
    assert lines[-1] == f"{bad}: 2 error(s), 0 warning(s)"
    assert "Traceback" not in proc.stderr


def test_strict_fails_on_warning(tmp_path: Path) -> None:
    """--strict makes an uncited event an error (exit 1)."""
    path = tmp_path / "w.toml"
    path.write_text('[[events]]\nid = "e"\ntitle = "E"\nwhen = "1953"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1


@pytest.mark.parametrize(
    "args",
    [["check", "/no/such/file.toml"], ["frobnicate"], [], ["render", "--format", "pdf"], ["check", "x.docx"]],
    ids=["missing-file", "unknown-command", "no-command", "bad-format", "unknown-suffix"],
)
def test_misuse_exits_2(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Misuse (bad arguments, missing files) exits 2 without a traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.docx").write_text("x")
    proc = run(*args)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip()


def test_export_json(good: Path, tmp_path: Path) -> None:
    """`timeline export --format json -o FILE` writes the model with dates spelled out."""
    out = tmp_path / "out" / "t.json"
    assert main(["export", "--format", "json", str(good), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    when = data["events"][0]["when"]
    assert when["edtf"] == "1953-03-05" and when["precision"] == "day" and when["display"] == "5 March 1953"
    assert data["sources"]["a"]["title"] == "A"


def test_export_to_stdout(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without -o, export writes JSON to standard output."""
    assert main(["export", str(good)]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "timeline"


def test_bundled_check() -> None:
    """With no path, check validates the bundled timeline strictly."""
    proc = run("check", "--strict")
    assert proc.returncode == 0, proc.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the version."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("timeline ")


def test_render_options_reach_the_svg(tmp_path: Path) -> None:
    """render --no-legend and --no-footnotes change the SVG; the default has both."""
    full, bare = tmp_path / "full.svg", tmp_path / "bare.svg"
    assert main(["render", "--format", "svg", "-o", str(full)]) == 0
    assert main(["render", "--format", "svg", "--no-legend", "--no-footnotes", "-o", str(bare)]) == 0
    full_text, bare_text = full.read_text(encoding="utf-8"), bare.read_text(encoding="utf-8")
    assert 'class="legend-label"' in full_text and 'class="legend-label"' not in bare_text
    assert 'class="footnote"' in full_text and 'class="footnote"' not in bare_text


def test_internal_error_exits_3_with_one_line(good: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A bug (any unexpected exception) exits 3 with "internal error, please report" and no traceback."""
    import timeline.io

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(timeline.io, "read", broken)
    assert main(["check", str(good)]) == 3
    err = capsys.readouterr().err
    assert err == ("timeline check: internal error, please report: ZeroDivisionError: boom "
                   "(run with --debug for the traceback)\n")
    for argv in (["--debug", "check", str(good)], ["check", str(good), "--debug"]):
        assert main(argv) == 3
        err = capsys.readouterr().err
        assert err.startswith("Traceback (most recent call last):") and "ZeroDivisionError: boom" in err


def test_unreadable_input_is_one_line_exit_1(good: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Simulated (root reads everything): a read that fails with EIO is one located line, and exit 1."""
    import errno

    from timeline.io import limits

    def failing(fd: int, n: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(limits.os, "read", failing)
    assert main(["check", str(good)]) == 1
    assert capsys.readouterr().err == f"{good}: error: cannot read file: Input/output error\n{good}: 1 error(s), 0 warning(s)\n"


def test_a_folder_with_a_file_format_is_misuse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--input-format json on a folder exits 2 and says folders are read as TOML."""
    assert main(["check", str(tmp_path), "--input-format", "json"]) == 2
    assert "a folder is read as its .toml files" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["ascii", "cp1251", "latin-1"])
def test_stdout_is_utf8_whatever_the_locale(encoding: str) -> None:
    """export writes the same UTF-8 bytes whatever PYTHONIOENCODING says (the bundled data has Cyrillic)."""
    import os

    env = {**os.environ, "PYTHONIOENCODING": encoding, "LC_ALL": "C"}
    proc = subprocess.run([sys.executable, "-m", "timeline", "export"], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    reference = subprocess.run([sys.executable, "-m", "timeline", "export"], capture_output=True, timeout=120).stdout
    assert proc.stdout == reference
    assert not proc.stdout.isascii()  # the bundled timeline really holds non-ASCII text
    proc.stdout.decode("utf-8")


def test_closed_pipe_is_quiet() -> None:
    """`timeline export | head -c 100` ends without a BrokenPipeError message."""
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "export"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == b""


@pytest.mark.parametrize("text", ["", "# only a comment\n", '[sources.s]\ntitle = "A"\n'],
                         ids=["empty", "comment", "sources-only"])
def test_a_file_without_a_timeline(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No [timeline] and no events: check warns, --strict fails, render refuses (exit 1) and writes nothing."""
    path = tmp_path / "none.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert f"{path}: warning: the file holds no timeline: no events" in capsys.readouterr().err
    assert main(["check", "--strict", str(path)]) == 1
    assert f"{path}: error: the file holds no timeline: no events" in capsys.readouterr().err
    out = tmp_path / "out.svg"
    assert main(["render", str(path), "-o", str(out)]) == 1
    assert (f"timeline render: error: {path} holds no timeline (no events), so there is nothing to draw"
            in capsys.readouterr().err)
    assert main(["convert", str(path), str(out)]) == 1
    assert (f"timeline convert: error: {path} holds no timeline (no events), so there is nothing to draw"
            in capsys.readouterr().err)
    assert not out.exists()
    assert main(["convert", str(path), str(tmp_path / "out.json")]) == 0  # an empty model converts, with the warning


def test_filters_that_leave_nothing_warn(good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty chart because of --tag (say) is drawn, but not without a word."""
    assert main(["render", str(good), "--tag", "nosuch", "-o", str(tmp_path / "x.svg")]) == 0
    assert "warning: no event passes --from/--to/--lane/--tag/--no-context; the chart is drawn empty" \
        in capsys.readouterr().err


@pytest.mark.parametrize(("name", "start"), [("out.svg", "<svg"), ("out.html", "<!DOCTYPE html>"),
                                             ("OUT.HTM", "<!DOCTYPE html>"), ("out.png", "\x89PNG")])
def test_the_output_suffix_picks_the_format(name: str, start: str, good: Path, tmp_path: Path) -> None:
    """`render -o out.svg` without --format writes one SVG file (not a folder named out.svg)."""
    if name.endswith(".png"):
        require(importlib.util.find_spec("resvg_py") is not None, "the png extra (resvg-py) is not installed")
    out = tmp_path / name
    assert main(["render", str(good), "-o", str(out)]) == 0
    assert out.is_file()
    assert out.read_bytes().decode("latin-1").lstrip().startswith(start)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["good.toml", name])


def test_no_suffix_or_a_folder_still_gets_both_formats(good: Path, tmp_path: Path) -> None:
    """-o site (or site/, or an existing folder) holds timeline.svg and timeline.html."""
    for target in ("site", "made.v2/"):
        assert main(["render", str(good), "-o", f"{tmp_path}/{target}"]) == 0
        assert sorted(p.name for p in (tmp_path / target).iterdir()) == ["timeline.html", "timeline.svg"]


@pytest.mark.parametrize("blank", ["", " "])
def test_a_blank_output_is_misuse(blank: str, good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """`render -o "$OUT"` with OUT unset writes nothing into the current folder: exit 2."""
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(good), "-o", blank]) == 2
    assert capsys.readouterr().err == (f"timeline render: error: -o {blank!r} names nothing; give a file (out.svg) "
                                       f"or a folder (out/)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.toml"]


@pytest.mark.parametrize("name", ["out.pdf", "notes.toml"])
def test_a_file_name_that_says_no_format_is_misuse(name: str, good: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`render -o out.pdf` (no --format) is refused: no folder named out.pdf, exit 2, one line saying what to do."""
    assert main(["render", str(good), "-o", str(tmp_path / name)]) == 2
    assert capsys.readouterr().err == (f"timeline render: error: -o {tmp_path / name} names a file, but its name "
                                       f"does not say svg, html or png; add --format (e.g. --format svg), or give "
                                       f"a folder for both svg and html\n")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "svg,html", "-o", "out.svg"],
     "--format svg,html writes one file per format into a folder, but -o out.svg names a file; give one format, "
     "or a folder (end it with / to make one)"),
    (["--format", "html", "-o", "out.svg"],
     "-o out.svg names a .svg file but --format says html; make them agree (or leave --format out: the suffix "
     "picks it)"),
])
def test_format_and_output_that_disagree_are_misuse(args: list[str], message: str, good: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Several formats into a file-like name, or a .svg name for HTML: exit 2, one line, nothing written."""
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(good), *args]) == 2
    assert capsys.readouterr().err == f"timeline render: error: {message}\n"
    assert not (tmp_path / "out.svg").exists()


def test_gc_pause_leaves_no_pending_young_generation():
    """After the command line's GC pause, the objects made during it are not left for the next young
    collection to scan all at once (~60 ms at 10k events): they are moved to the oldest generation,
    nothing stays frozen, and the GC is on again."""
    import gc

    from timeline.cli import _gc_paused

    frozen = gc.get_freeze_count()
    passes: list[int] = []
    def seen(phase, info):
        if phase == "start":
            passes.append(info["generation"])
    with _gc_paused():
        keep = [[i] for i in range(50_000)]
        gc.callbacks.append(seen)
    try:
        more = [[i] for i in range(100)]  # a young pass would start at the first of these
    finally:
        gc.callbacks.remove(seen)
    assert passes == []
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert any(obj is keep[0] for obj in gc.get_objects(generation=2))
    assert len(keep) + len(more) == 50_100


def test_console_runs_exit_handlers_flushes_and_keeps_the_status(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The command's entry ends with os._exit(status), after the atexit handlers and a flush of stdout."""
    import atexit
    import os

    from timeline import cli

    ran: list[str] = []
    ended: list[int] = []

    class Ended(Exception):
        pass

    def fake_exit(status: int) -> None:
        ended.append(status)
        raise Ended

    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: ran.append("atexit"))
    monkeypatch.setattr(os, "_exit", fake_exit)
    for argv, status in ((["--version"], 0), (["check", "no-such-file.toml"], 2), ([], 2)):
        monkeypatch.setattr(sys, "argv", ["timeline", *argv])
        with pytest.raises(Ended):
            cli.console()
        assert ended[-1] == status and ran[-1] == "atexit"
    assert "timeline " in capsys.readouterr().out


@pytest.mark.parametrize("entry", [["-m", "timeline"], ["-m", "timeline.cli"]])
def test_the_command_ends_fast_yet_loses_nothing(entry: list[str], tmp_path: Path) -> None:
    """`python -m timeline` (and the `timeline` script) skips the interpreter's teardown, yet every byte
    reaches a pipe, an atexit handler still runs and the exit status is main()'s."""
    hook = tmp_path / "sitecustomize.py"
    hook.write_text("import atexit, sys\natexit.register(lambda: sys.stderr.write('handler ran\\n'))\n"
                    "class Torn:\n    def __del__(self):\n        sys.stderr.write('torn down\\n')\n"
                    "import builtins\nbuiltins._timeline_probe = Torn()\n")
    env = {**__import__("os").environ, "PYTHONPATH": f"{tmp_path}{__import__('os').pathsep}"
           + str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, *entry, "export"], capture_output=True, env=env, timeout=120)
    reference = subprocess.run([sys.executable, "-c", "import sys; from timeline.cli import main; sys.exit(main())",
                                "export"], capture_output=True, env=env, timeout=120)
    assert proc.returncode == reference.returncode == 0
    assert proc.stdout == reference.stdout and proc.stdout.rstrip().endswith(b"}")
    assert b"handler ran" in proc.stderr and b"handler ran" in reference.stderr
    assert b"torn down" in reference.stderr and b"torn down" not in proc.stderr  # no teardown: the point
    bad = subprocess.run([sys.executable, *entry, "check", str(tmp_path / "missing.toml")], capture_output=True,
                         env=env, timeout=120)
    assert bad.returncode == 2 and b"handler ran" in bad.stderr
