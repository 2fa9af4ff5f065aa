"""Output safety: no clobbered input, no half-written file, one line and the right exit code."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from timeline import atomic
from timeline.cli import main
from timeline.errors import UsageError
from tests.test_cli import GOOD, good, run  # noqa: F401  (good is a fixture)

OLD = "<old>whole previous page</old>\n"


def one_line(stderr: str) -> str:
    """The single line of an error report (fails if there are more, or a traceback)."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in a folder."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("command", [
    ["render", "{in}", "-o", "{in}", "--format", "svg"],
    ["convert", "{in}", "{in}"],
    ["export", "{in}", "-o", "{in}"],
    ["convert", "{in}", "{link}"],
    ["convert", "{dir}", "{in}"],
], ids=["render-o-input", "convert-in-place", "export-o-input", "symlink-to-input", "file-of-input-folder"])
def test_output_resolving_to_an_input_is_refused(command: list[str], good: Path, capsys: Any) -> None:
    """An output path that resolves to an input file exits 2 with one line, and the input is untouched."""
    link = good.parent / "link.toml"
    link.symlink_to(good)
    argv = [a.format(**{"in": good, "link": link, "dir": good.parent}) for a in command]
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert "is the input file" in line and "refusing to overwrite" in line
    assert good.read_text(encoding="utf-8") == GOOD


def test_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    """Writing to a symlinked output replaces the file it points to and leaves the link a link."""
    real = tmp_path / "real.svg"
    real.write_text(OLD)
    link = tmp_path / "out.svg"
    link.symlink_to(real)
    atomic.write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def test_a_new_file_gets_normal_permissions_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    """The temporary file's 0600 does not leak: new files follow the umask, old ones keep their mode."""
    new, old = tmp_path / "new.svg", tmp_path / "old.svg"
    old.write_text(OLD)
    old.chmod(0o640)
    umask = os.umask(0o022)
    try:
        atomic.write_files([(new, "a"), (old, "b")])
    finally:
        os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o644
    assert old.stat().st_mode & 0o777 == 0o640


class _DiskFull:
    """A file handle that writes part of the data and then fails like a full disk (ENOSPC)."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_disk_full_leaves_the_old_file_whole(good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: Any) -> None:
    """Simulated: the write raises ENOSPC half-way; the old page stays byte for byte, no temp file is left."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "timeline.svg").write_text(OLD)
    (out / "timeline.html").write_text(OLD)
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _DiskFull(real_fdopen(fd, mode)))
    assert main(["render", str(good), "-o", str(out)]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("timeline render: error: cannot write ") and line.endswith("No space left on device")
    assert (out / "timeline.svg").read_text() == OLD and (out / "timeline.html").read_text() == OLD
    assert leftovers(out) == []


def test_a_kill_between_outputs_leaves_every_old_file(good: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: an interrupt while the second output is written leaves both old files, and exits 130 quietly.

    A real SIGKILL cannot run clean-up code, so it may leave a ``.name.*.tmp`` file
    behind, but it still cannot leave a target half-written: targets only ever
    change by rename.  The interrupt here raises KeyboardInterrupt inside fsync.
    """
    out = tmp_path / "out"
    out.mkdir()
    (out / "timeline.svg").write_text(OLD)
    (out / "timeline.html").write_text(OLD)
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    assert main(["render", str(good), "-o", str(out)]) == 130
    assert (out / "timeline.svg").read_text() == OLD and (out / "timeline.html").read_text() == OLD
    assert leftovers(out) == []


def test_ctrl_c_is_quiet(good: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    """SIGINT (KeyboardInterrupt) anywhere exits 130 without a traceback."""
    import timeline.io

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(timeline.io, "read", interrupted)
    assert main(["check", str(good)]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_dev_full(good: Path) -> None:
    """Writing to /dev/full (a real ENOSPC) gives one line and exit 2, and /dev/full stays a device."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    proc = run("export", str(good), "-o", "/dev/full")
    assert proc.returncode == 2
    assert one_line(proc.stderr) == "timeline export: error: cannot write /dev/full: No space left on device"
    assert Path("/dev/full").is_char_device()


def test_full_disk_behind_standard_output(good: Path) -> None:
    """`timeline export > /dev/full`: one line naming standard output, exit 2 (an output that cannot be written)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "timeline", "export", str(good)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2
    assert one_line(proc.stderr) == "timeline export: error: cannot write standard output: No space left on device"


def test_render_to_an_existing_file_without_suffix(good: Path) -> None:
    """`render --format svg -o /dev/full` writes the file it names (no folder /dev/full/timeline.svg)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    proc = run("render", str(good), "--format", "svg", "-o", "/dev/full")
    assert proc.returncode == 2
    assert one_line(proc.stderr) == "timeline render: error: cannot write /dev/full: No space left on device"
    assert Path("/dev/full").is_char_device()


def test_read_only_folder_simulated(good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    """Simulated (the tests run as root, which ignores folder permissions): creating the temporary file
    fails with EACCES as it would in a read-only folder; one line, exit 2, the old file intact."""
    target = tmp_path / "t.svg"
    target.write_text(OLD)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    assert main(["render", str(good), "--format", "svg", "-o", str(target)]) == 2
    assert one_line(capsys.readouterr().err) == f"timeline render: error: cannot write {target}: Permission denied"
    assert target.read_text() == OLD


def test_read_only_folder_real() -> None:
    """A folder the kernel refuses to write even for root (/sys here), when the system has one."""
    if os.access("/sys", os.W_OK) and os.geteuid() != 0:
        pytest.skip("/sys is writable here")
    probe = Path("/sys/timeline-probe")
    try:
        probe.touch()
    except OSError:
        pass
    else:  # pragma: no cover - a system whose /sys accepts files
        probe.unlink()
        pytest.skip("/sys accepts new files on this system")
    proc = run("export", "-o", "/sys/timeline.json")
    assert proc.returncode == 2
    assert one_line(proc.stderr).startswith("timeline export: error: cannot write /sys/timeline.json: ")


@pytest.mark.parametrize(("command", "says"), [
    (["export", "{in}", "-o", "{dir}"], "cannot write "),
    (["render", "{in}", "--format", "svg,html", "-o", "{blocked}"],
     "--format svg,html writes one file per format into a folder, but -o "),
    (["render", "{in}", "-o", "{blocked}"], "-o "),
    (["convert", "{in}", "{blocked}/x.json"], "cannot write "),
], ids=["export-to-folder", "render-into-a-file", "render-both-into-a-file", "convert-under-a-file"])
def test_directory_in_place_of_a_file(command: list[str], says: str, good: Path, tmp_path: Path, capsys: Any) -> None:
    """A folder where a file should go (or a file where a folder should go) is one line, exit 2."""
    folder = tmp_path / "folder.json"
    folder.mkdir()
    (folder / "x.json").write_text("{}")
    blocked = tmp_path / "blocked"
    blocked.write_text(OLD)
    argv = [a.format(**{"in": good, "dir": folder, "blocked": blocked}) for a in command]
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"timeline {command[0]}: error: {says}"), line
    assert blocked.read_text() == OLD


def test_library_writers_are_atomic_too(good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Timeline.save_svg and timeline.io.write go through the same atomic write."""
    import timeline
    from timeline.io import write

    tl = timeline.load(good)
    target = tmp_path / "t.svg"
    target.write_text(OLD)
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _DiskFull(real_fdopen(fd, mode)))
    with pytest.raises(atomic.OutputError, match="No space left"):
        tl.save_svg(target)
    with pytest.raises(OSError):
        write(tl, tmp_path / "t.toml")
    assert target.read_text() == OLD and not (tmp_path / "t.toml").exists()
    assert leftovers(tmp_path) == []


def test_outputs_named_twice_are_refused(tmp_path: Path) -> None:
    """Two outputs that are the same file are misuse, refused before writing."""
    with pytest.raises(UsageError, match="named twice"):
        atomic.write_files([(tmp_path / "a.svg", "1"), (tmp_path / "." / "a.svg", "2")])
