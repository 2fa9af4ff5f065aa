"""Read limits that limit: at most the budget plus one byte, per load, whatever the file is."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.cli import main
from timeline.errors import LoadError
from timeline.io import limits, read
from timeline.io.limits import bounded_number, parse_size, shown_number, whole_number

EVENT = '[[events]]\nid = "e{n}"\ntitle = "E"\nwhen = "1953"\n'


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every os.read the limited reader makes, by size returned."""
    sizes: list[int] = []
    real = os.read

    def read_(fd: int, n: int) -> bytes:
        data = real(fd, n)
        sizes.append(len(data))
        return data

    monkeypatch.setattr(limits.os, "read", read_)
    return sizes


def test_symlink_to_dev_zero_reads_the_limit_plus_one(tmp_path: Path, counted: list[int]) -> None:
    """A .toml symlinked to /dev/zero (st_size 0) is refused after limit + 1 bytes, not read to MemoryError."""
    link = tmp_path / "z.toml"
    link.symlink_to("/dev/zero")
    result = read(link, max_bytes=5000)
    assert result.timeline is None
    assert [d.message for d in result.diagnostics] == [
        "file is over the 5,000-byte limit for timeline input; pass a larger max_bytes "
        "(timeline --max-bytes) to read it"]
    assert sum(counted) == 5001


def test_fifo_is_read_up_to_the_limit(tmp_path: Path, counted: list[int]) -> None:
    """A FIFO fed forever is cut off at the limit plus one byte."""
    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as handle:
                while not stop.is_set():
                    handle.write(b"# comment\n" * 100)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        result = read(fifo, max_bytes=10_000)
    finally:
        stop.set()
    writer.join(timeout=10)
    assert result.timeline is None and "10,000-byte limit" in result.diagnostics[0].message
    assert sum(counted) == 10_001


def test_fifo_without_a_writer_does_not_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FIFO nobody writes to is given up after FIFO_WAIT_SECONDS (shortened here), not waited on forever."""
    monkeypatch.setattr(limits, "FIFO_WAIT_SECONDS", 0.05)
    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    result = read(fifo)
    assert [d.message for d in result.diagnostics] == ["nothing was written to this FIFO within 0.05 seconds"]


def test_a_folder_has_one_total_limit(tmp_path: Path) -> None:
    """The limit applies to a folder's files together: the file that crosses it is refused."""
    for n in range(3):
        (tmp_path / f"{n}.toml").write_text(EVENT.format(n=n) * 1 + "#" * 300 + "\n")
    size = (tmp_path / "0.toml").stat().st_size
    result = read(tmp_path, max_bytes=2 * size + 10)
    errors = [d for d in result.diagnostics if d.is_error]
    assert [(Path(d.path).name, d.message) for d in errors] == [
        ("2.toml", f"reading this file takes the load over its {2 * size + 10:,}-byte limit ({2 * size:,} bytes "
                   f"read before it); pass a larger max_bytes (timeline --max-bytes) to load more")]
    assert read(tmp_path, max_bytes=3 * size).timeline is not None


def test_load_and_cli_take_max_bytes(tmp_path: Path, capsys: Any) -> None:
    """timeline.load(max_bytes=) and --max-bytes raise the limit (our JSON of 100k events is ~64 MB)."""
    path = tmp_path / "t.toml"
    path.write_text("".join(EVENT.format(n=n) for n in range(50)))
    with pytest.raises(LoadError, match="over the 1,024-byte limit"):
        timeline.load(path, max_bytes=1024)
    assert len(timeline.load(path, max_bytes=1 << 20).events) == 50
    assert main(["check", str(path), "--max-bytes", "1K"]) == 1
    assert "over the 1,024-byte limit" in capsys.readouterr().err
    assert main(["check", str(path), "--max-bytes", "1M"]) == 0
    with pytest.raises(SystemExit) as info:
        main(["check", str(path), "--max-bytes", "lots"])
    assert info.value.code == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("1048576", 1048576), ("64M", 64 * 1024**2), ("64MB", 64 * 1024**2), ("1.5G", 3 * 1024**3 // 2),
    ("500k", 512000), ("2MiB", 2 * 1024**2),
])
def test_parse_size(text: str, expected: int) -> None:
    """Sizes are bytes, or K/M/G (powers of 1024) with an optional B or iB."""
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "-1", "1T", "M", "1,000"])
def test_parse_size_refuses(text: str) -> None:
    """Anything else is refused with a message."""
    with pytest.raises(ValueError, match="expected a size"):
        parse_size(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("12", 12), ("-3", -3), ("+4", 4), (" 7 ", 7), ("1963.0", 1963), ("007", 7), ("0" * 50 + "5", 5),
    ("²", "not a number"), ("1²", "not a number"), ("١٩٦٣", "digits"), ("٣", "digits"), ("１９", "digits"),
    ("1" * 13, "out of range"), ("9" * 5001, "out of range"), ("1.5", "not a number"), ("", "not a number"),
    ("1e3", "not a number"), ("0x10", "not a number"),
])
def test_whole_number(text: str, expected: int | str) -> None:
    """Only ASCII digits are numbers, and only a bounded count of them (never converting 5,001 digits)."""
    assert whole_number(text) == expected


def test_shown_number_keeps_messages_short() -> None:
    """A 5,001-digit year is quoted by its start and its length."""
    assert shown_number("12") == "'12'"
    assert shown_number("9" * 5001) == "'999999999999...' (5,001 characters)"


@pytest.mark.parametrize(("value", "ok"), [
    (2**53, True), (-(2**53), True), (2**53 + 1, False), (10**400, False), (1.5, True), (float("inf"), False),
    (float("nan"), False), (1e300, False), (True, False), ("3", False),
])
def test_bounded_number(value: object, ok: bool) -> None:
    """A quantity is a finite number of magnitude at most 2**53; a 401-digit integer is refused, not an OverflowError."""
    assert (bounded_number(value) is None) is ok


def test_folder_reads_upper_case_suffixes_and_reports_dangling_links(tmp_path: Path) -> None:
    """B.TOML is loaded with the folder; a dangling symlink is an error at its path, not skipped silently."""
    (tmp_path / "a.toml").write_text(EVENT.format(n=1))
    (tmp_path / "B.TOML").write_text(EVENT.format(n=2))
    (tmp_path / "gone.toml").symlink_to(tmp_path / "nowhere.toml")
    result = read(tmp_path)
    assert [(Path(d.path).name, d.message) for d in result.diagnostics if d.is_error] == [
        ("gone.toml", "symlink to a missing file (remove it or fix its target)")]
    (tmp_path / "gone.toml").unlink()
    assert sorted(e.id for e in timeline.load(tmp_path).events) == ["e1", "e2"]
