"""`-` as the input path: check, export, render and convert read standard input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import test_cli
from timeline.cli import main
from timeline.io import STDIN_NAME, read_stream

GOOD = test_cli.GOOD.replace('title = "E"', 'title = "Stalin dies"')  # an event the outputs can be searched for
BAD = GOOD.replace('"1953-03-05"', '"5 Jnu 1953"').replace('source = "a"', 'source = "nope"')
CSV = "date,title\n1953-03-05,Stalin dies\n"
MARKWHEN = "title: Plan\n\n1953-03-05: Stalin dies\n"


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make ``data`` this process's standard input (a pipe: not a terminal)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def piped(args: list[str], data: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m timeline ARGS` with ``data`` on a real pipe."""
    return subprocess.run([sys.executable, "-m", "timeline", *args], input=data, capture_output=True, cwd=cwd,
                          timeout=120)


def test_check_reads_a_pipe() -> None:
    """`echo ... | timeline check -` reads the pipe and names it <stdin>."""
    proc = piped(["check", "-"], GOOD.encode(), Path.cwd())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "<stdin>: ok: 1 events, 0 eras, 1 sources\n"


def test_errors_name_stdin_with_line_and_column(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Every diagnostic is <stdin>:line:col, as for a file, and the summary names <stdin> too."""
    feed(monkeypatch, BAD.encode())
    assert main(["check", "-"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert any(line.startswith("<stdin>:8:11: error: unknown month 'Jnu' (did you mean 'Jun'?)") for line in lines), lines
    assert any(line.startswith("<stdin>:9:26: error: citation of undefined source 'nope'") for line in lines), lines
    assert lines[-1] == "<stdin>: 2 error(s), 0 warning(s)"


@pytest.mark.parametrize(("args", "files"), [
    (["render", "-"], ["build/timeline.html", "build/timeline.svg"]),  # no -o: build/, stem "timeline"
    (["render", "-", "-o", "out/"], ["out/timeline.html", "out/timeline.svg"]),
    (["render", "-", "-o", "week3.svg"], ["week3.svg"]),
    (["convert", "-", "t.mw"], ["t.mw"]),
    (["export", "-", "-o", "t.json"], ["t.json"]),
])
def test_each_command_writes_from_a_pipe(args: list[str], files: list[str], tmp_path: Path) -> None:
    """render, convert and export take `-` and write the files they would for a file of the same content."""
    proc = piped(args, GOOD.encode(), tmp_path)
    assert proc.returncode == 0, proc.stderr
    made = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert made == files
    assert all("Stalin dies" in (tmp_path / f).read_text(encoding="utf-8") for f in files)


def test_stdin_to_stdout_is_the_same_as_the_file(tmp_path: Path) -> None:
    """`render - -o - --format svg` prints the very SVG that rendering the file prints."""
    src = tmp_path / "t.toml"
    src.write_text(GOOD, encoding="utf-8")
    from_pipe = piped(["render", "-", "-o", "-", "--format", "svg"], GOOD.encode(), tmp_path)
    from_file = piped(["render", str(src), "-o", "-", "--format", "svg"], b"", tmp_path)
    assert from_pipe.returncode == 0, from_pipe.stderr
    assert from_pipe.stdout == from_file.stdout and from_pipe.stdout.startswith(b"<svg ")


@pytest.mark.parametrize("args", [["check", "-"], ["convert", "-", "out.toml"]])
def test_plain_csv_needs_its_format_named(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Our CSV has no content rule, so from a pipe it is read as TOML, fails, and a note names the flag."""
    monkeypatch.chdir(tmp_path)
    feed(monkeypatch, CSV.encode())
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "<stdin>:1:5: error: TOML syntax" in err
    flag = "--from" if args[0] == "convert" else "--input-format"
    assert "<stdin>: note: read as TOML, as no other format was recognised in the content; if it is another, " \
           "name it with --input-format (--from for convert): csv, " in err
    assert not (tmp_path / "out.toml").exists()
    feed(monkeypatch, CSV.encode())
    assert main([*args, flag, "csv"]) == 0
    out = capsys.readouterr().out
    if args[0] == "convert":
        assert 'title = "Timeline"' in (tmp_path / "out.toml").read_text(encoding="utf-8")  # not "<stdin>"
    else:
        assert out == "<stdin>: ok: 1 events, 0 eras, 0 sources\n"


def test_a_sniffed_format_needs_no_flag(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Markwhen (and every format with a content rule) is recognised on a pipe as in a file."""
    feed(monkeypatch, MARKWHEN.encode())
    assert main(["export", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["timeline"]["title"] == "Plan" and [e["title"] for e in data["events"]] == ["Stalin dies"]


def test_bad_utf8_is_the_file_readers_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes that are not UTF-8 get the file's message, at the same line and column, under <stdin>."""
    data = GOOD.replace("Stalin", "Stalin \xe9").encode("cp1252")
    src = tmp_path / "t.toml"
    src.write_bytes(data)
    assert main(["check", str(src)]) == 1
    from_file = capsys.readouterr().err
    feed(monkeypatch, data)
    assert main(["check", "-"]) == 1
    from_pipe = capsys.readouterr().err
    assert "<stdin>:7:17: error: file is not valid UTF-8 (byte 0xe9)." in from_pipe
    assert from_pipe == from_file.replace(str(src), STDIN_NAME)


@pytest.mark.parametrize("data", ["\ufeff" + GOOD, GOOD.replace("\n", "\r\n")])
def test_a_bom_and_crlf_are_read_as_from_a_file(data: str, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A UTF-8 BOM and Windows line ends on a pipe are accepted, as in a file."""
    feed(monkeypatch, data.encode("utf-8"))
    assert main(["check", "-"]) == 0
    assert capsys.readouterr().out == "<stdin>: ok: 1 events, 0 eras, 1 sources\n"


@pytest.mark.parametrize(("limit", "status"), [(len(GOOD), 0), (len(GOOD) - 1, 1)])
def test_max_bytes_limits_a_pipe(limit: int, status: int, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """--max-bytes applies to standard input: exactly the limit is read, one byte more is refused."""
    feed(monkeypatch, GOOD.encode())
    assert main(["check", "-", "--max-bytes", str(limit)]) == status
    if status:
        assert capsys.readouterr().err.splitlines()[0] == (
            f"<stdin>: error: standard input is over the {limit:,}-byte limit for timeline input; "
            f"pass a larger max_bytes (timeline --max-bytes) to read it")


class Endless(io.RawIOBase):
    """A stream that never ends (`yes |`), counting the bytes taken from it."""

    taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        buffer[:] = b"y" * len(buffer)
        self.taken += len(buffer)
        return len(buffer)


def test_an_endless_pipe_is_refused_after_the_limit_plus_one() -> None:
    """An endless stream is read no further than the limit plus one byte, then refused."""
    stream = Endless()
    result = read_stream(stream, max_bytes=5000)  # type: ignore[arg-type]
    assert result.timeline is None and stream.taken == 5001
    assert [d.format() for d in result.diagnostics] == [
        "<stdin>: error: standard input is over the 5,000-byte limit for timeline input; "
        "pass a larger max_bytes (timeline --max-bytes) to read it"]


def test_no_standard_input_is_misuse(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A process without standard input (pythonw, a closed descriptor) gets one line and exit 2."""
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["check", "-"]) == 2
    assert capsys.readouterr().err == ("timeline check: error: - reads standard input, but this process has none "
                                       "to read; give a file\n")


def test_a_file_named_dash_is_read_as_dot_slash_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`-` always means standard input; a file of that name is ./-."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(GOOD, encoding="utf-8")
    feed(monkeypatch, b"")
    assert main(["check", "./-", "--input-format", "toml"]) == 0
    assert capsys.readouterr().out == "./-: ok: 1 events, 0 eras, 1 sources\n"


def test_a_terminal_is_told_how_to_finish(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """At an interactive prompt `timeline check -` says it is reading and how to end; a pipe gets no such line."""
    feed(monkeypatch, GOOD.encode())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert main(["check", "-"]) == 0
    assert capsys.readouterr().err == "timeline: reading events from standard input (end with Ctrl-D)\n"
    feed(monkeypatch, GOOD.encode())
    assert main(["check", "-"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("output", "named"), [("-", "<stdout>"), ("out.mmd", "out.mmd")])
def test_output_warnings_name_stdout(output: str, named: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """What the output format cannot hold is said under the output's name: <stdout> for `-`, as <stdin> is -."""
    monkeypatch.chdir(tmp_path)
    feed(monkeypatch, MARKWHEN.replace("Stalin dies", "Stalin dies #death").encode())
    assert main(["convert", "-", output, "--to", "mermaid"]) == 0
    err = capsys.readouterr().err
    assert f"{named}: warning: Mermaid cannot carry this over: tags are not kept (stalin-dies-1953-03-05)" in err
    assert "\n-: " not in f"\n{err}"
