"""`timeline convert`: formats by suffix, content sniffing, --from/--to, exit codes, diagnostics on stderr."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "data" / "timelinejs-sample.csv"
TJS_JSON = ROOT / "tests" / "data" / "interop" / "timelinejs.json"


def test_sheet_to_toml_and_back_through_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """sheet.csv -> TOML -> our JSON -> TimelineJS JSON -> TOML gives the first TOML again."""
    first = tmp_path / "a.toml"
    assert main(["convert", str(SAMPLE), str(first)]) == 0
    assert main(["convert", str(first), str(tmp_path / "b.json")]) == 0
    assert main(["convert", str(tmp_path / "b.json"), str(tmp_path / "c.json"), "--to", "timelinejs-json"]) == 0
    assert main(["convert", str(tmp_path / "c.json"), str(tmp_path / "d.toml")]) == 0
    assert (tmp_path / "d.toml").read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["format"] == "timeline"
    assert "events" in json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    err = capsys.readouterr().err
    assert f"{SAMPLE}:9:35: warning: HTML tags other than links and emphasis were dropped" in err


def test_timelinejs_csv_output_and_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """--to timelinejs-csv writes the sheet's columns; '-' writes to standard output."""
    assert main(["convert", str(TJS_JSON), "-", "--to", "timelinejs-csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Year,Month,Day,Time,End Year")
    assert "1957,10,4,,,,,,,Sputnik 1" in out


def test_convert_sniffs_our_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .csv with date/title columns is read as our CSV."""
    src = tmp_path / "mine.csv"
    src.write_text("date,title,source\n5 March 1953,Stalin dies,Britannica\n", encoding="utf-8")
    assert main(["convert", str(src), "-", "--to", "toml"]) == 0
    out = capsys.readouterr().out
    assert 'when = "5 March 1953"' in out and "[sources.britannica]" in out


def test_invalid_input_exits_1_with_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad rows give exit status 1 and file:line:col diagnostics; nothing is written."""
    bad = tmp_path / "sheet.csv"
    bad.write_text("Year,Headline\n1953,Fine\nabc,Broken\n", encoding="utf-8")
    assert main(["convert", str(bad), str(tmp_path / "out.toml")]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3:1: error: Year must be a whole number, got 'abc'" in err
    assert not (tmp_path / "out.toml").exists()


def test_missing_year_column_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet without a Year column says so at line 1, column 1."""
    bad = tmp_path / "sheet.csv"
    bad.write_text("Headline,Text\nA,B\n", encoding="utf-8")
    assert main(["convert", str(bad), str(tmp_path / "out.toml")]) == 1
    assert (f"{bad}:1:1: error: missing column 'Year' (a TimelineJS sheet needs Year and Headline columns; "
            f"the header has: Headline, Text)") in capsys.readouterr().err


@pytest.mark.parametrize("args", [["OUT.xyz"], ["-"], ["OUT.toml", "--to", "pdf"]])
def test_misuse_exits_2(tmp_path: Path, args: list[str]) -> None:
    """An unknown output suffix, stdout without --to, or an unknown --to is misuse (exit 2)."""
    args = [str(tmp_path / a) if a.startswith("OUT") else a for a in args]
    with pytest.raises(SystemExit) if "pdf" in args else nullcontext():
        assert main(["convert", str(SAMPLE), *args]) == 2


def test_missing_input_exits_2(tmp_path: Path) -> None:
    """A missing input file is misuse (exit 2)."""
    assert main(["convert", str(tmp_path / "nope.csv"), str(tmp_path / "o.toml")]) == 2


def test_check_accepts_a_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline check sheet.csv` reads a TimelineJS sheet directly."""
    assert main(["check", str(SAMPLE)]) == 0
    assert "ok: 17 events, 3 eras, 0 sources" in capsys.readouterr().out

