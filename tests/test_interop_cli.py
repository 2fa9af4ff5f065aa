"""Bringing files over from other tools with one command: suffixes, --skip-invalid, messages, full titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SHARED_CORPUS, require
from timeline.cli import main

BROKEN = {"title": {"text": {"headline": "T"}}, "events": [
    {"start_date": {"year": 1953}, "text": {"headline": "Kept"}},
    {"text": {"headline": "No date"}}]}


def test_skip_invalid_on_convert_and_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """convert/render --skip-invalid bring in the rest and list the skipped slide; check still fails on it."""
    src = tmp_path / "t.json"
    src.write_text(json.dumps(BROKEN, indent=1), encoding="utf-8")
    assert main(["check", str(src)]) == 1
    assert f"{src}:16:3:$.events[1]: error: this slide has no start_date year" in capsys.readouterr().err
    assert main(["convert", "--skip-invalid", str(src), str(tmp_path / "out.toml")]) == 0
    err = capsys.readouterr().err
    assert f"{src}:16:3:$.events[1]: warning: slide skipped (--skip-invalid): this slide has no start_date year" in err
    assert 'title = "Kept"' in (tmp_path / "out.toml").read_text(encoding="utf-8")
    assert main(["render", "--skip-invalid", str(src), "--format", "svg", "-o", str(tmp_path / "t.svg")]) == 0
    assert "Kept" in (tmp_path / "t.svg").read_text(encoding="utf-8")


def test_unknown_suffix_names_the_cli_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown suffix on the command line points at --from, not at the Python format= argument alone."""
    src = tmp_path / "plan.txt"
    src.write_text("x", encoding="utf-8")
    assert main(["convert", str(src), str(tmp_path / "o.toml")]) == 2
    err = capsys.readouterr().err
    assert "cannot tell the format of" in err and "name it with --from NAME (convert), --input-format NAME (check, export, render)" in err and "markwhen" in err


@pytest.mark.parametrize(("name", "text", "title"), [
    ("plan.mw", "title: Plan\n\n2020: Pandemic\n", "Pandemic"),
    ("d.mmd", "timeline\n  2002 : LinkedIn\n", "LinkedIn"),
    ("items.json", '[{"id": 1, "content": "item 1", "start": "2014-04-20"}]', "item 1"),
    ("old.json", '{"timeline": {"headline": "H", "date": [{"startDate": "1963,8,9", "headline": "March"}]}}', "March"),
])
def test_one_command_by_suffix_and_content(tmp_path: Path, name: str, text: str, title: str) -> None:
    """Markwhen, Mermaid, vis-timeline and TimelineJS 2 files convert with no --from."""
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    assert main(["convert", str(src), str(tmp_path / "out.toml")]) == 0
    assert f'title = "{title}"' in (tmp_path / "out.toml").read_text(encoding="utf-8")


def test_our_json_names_the_format_it_looks_like(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--from json on vis items says what the file looks like and which --from reads it."""
    src = tmp_path / "items.json"
    src.write_text('[{"id": 1, "start": "2014"}]', encoding="utf-8")
    assert main(["check", "--input-format", "json", str(src)]) == 1
    assert "looks like vis-timeline data: use --from vis" in capsys.readouterr().err


def test_long_headlines_are_drawn_short_and_kept_whole(tmp_path: Path) -> None:
    """A 150-character headline stays whole in the SVG's <title> and the HTML list; the drawing wraps it."""
    headline = "The " + "very " * 28 + "long headline of a history course"
    src = tmp_path / "t.json"
    src.write_text(json.dumps({"events": [{"start_date": {"year": 1953}, "text": {"headline": headline}},
                                          {"start_date": {"year": 1954}, "text": {"headline": "B"}}]}), encoding="utf-8")
    assert main(["render", str(src), "-o", str(tmp_path / "out")]) == 0
    svg = (tmp_path / "out" / "timeline.svg").read_text(encoding="utf-8")
    html = (tmp_path / "out" / "timeline.html").read_text(encoding="utf-8")
    assert f"<title>{headline} (1953)</title>" in svg
    drawn = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if "very" in t]
    assert drawn and all(len(t) < len(headline) for t in drawn)
    assert headline in html


def test_knight_lab_asterisks_survive(tmp_path: Path) -> None:
    """'Sh*t People Say' keeps its asterisk from TimelineJS JSON to TOML and back."""
    src = tmp_path / "t.json"
    src.write_text(json.dumps({"events": [{"start_date": {"year": 2011}, "text": {"headline": "Sh*t People Say"}}]}),
                   encoding="utf-8")
    assert main(["convert", str(src), str(tmp_path / "a.toml")]) == 0
    assert 'title = "Sh*t People Say"' in (tmp_path / "a.toml").read_text(encoding="utf-8")


TIMELINEJS = SHARED_CORPUS / "timelinejs"


def _tjs_files() -> list[Path]:
    return sorted(TIMELINEJS.iterdir()) if TIMELINEJS.is_dir() else []


@pytest.mark.parametrize("path", _tjs_files(), ids=lambda p: p.name[:50])
def test_timelinejs_corpus(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every real TimelineJS file converts (with --skip-invalid where slides are broken), or is refused for a reason."""
    status = main(["convert", "--skip-invalid", str(path), str(tmp_path / "out.toml")])
    err = capsys.readouterr().err
    if status:
        # Not UTF-8, or a field over the 10,000-character limit: file-level problems are never skipped.
        assert "not valid UTF-8" in err or "over the 10,000-character limit" in err, err[-500:]
    else:
        assert (tmp_path / "out.toml").stat().st_size > 0


def test_timelinejs_corpus_is_there() -> None:
    """The 21 TimelineJS files of ../shared/corpus are present (or the corpus tests skip with a reason)."""
    require(TIMELINEJS.is_dir(), f"TimelineJS corpus not found at {TIMELINEJS}")
    assert len(_tjs_files()) == 21


def test_minified_json_shows_the_part_of_its_line() -> None:
    """A diagnostic in a 100,000-character line shows 400 characters around the column, caret under it."""
    from timeline.errors import Diagnostic, Severity

    line = "a" * 49_999 + "Y" + "b" * 50_000
    text = Diagnostic(Severity.ERROR, "m", "f.json", 1, 50_000, line).format()
    shown, caret = text.split("\n")[1:]
    assert shown.startswith("    …") and shown.endswith("…") and len(shown) == 4 + 402
    assert shown[caret.index("^")] == "Y"
