"""The format registry: one row per format feeds reading, writing, the CLI and the docs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import timeline
from timeline.cli import _parser
from timeline.errors import UsageError
from timeline.io import FORMATS, read_text
from timeline.io.formats import Probe, for_input, for_output, input_names, markdown_table, output_names, sniff

ROOT = Path(__file__).resolve().parents[1]


def _subcommand(name: str) -> argparse.ArgumentParser:
    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


def _choices(command: str, option: str) -> list[str]:
    action = next(a for a in _subcommand(command)._actions if option in a.option_strings)
    return list(action.choices)


def test_cli_choices_come_from_the_registry() -> None:
    """--from/--to and --input-format offer exactly the registry's readers and writers (plus svg, html, png)."""
    assert _choices("convert", "--from") == input_names()
    assert _choices("convert", "--to") == [*output_names(), "svg", "html", "png"]
    for command in ("check", "render", "export"):
        assert _choices(command, "--input-format") == input_names()


def test_cli_help_lists_every_format() -> None:
    """`timeline convert --help` names each format with its suffixes and summary."""
    text = _subcommand("convert").format_help()
    for row in FORMATS.values():
        assert row.name in text and row.summary in text


def test_docs_table_is_the_registry() -> None:
    """docs/interop.md holds the table markdown_table() builds, between its markers."""
    doc = (ROOT / "docs" / "interop.md").read_text(encoding="utf-8")
    start, end = doc.index("<!-- formats:start -->\n"), doc.index("<!-- formats:end -->")
    assert doc[start + len("<!-- formats:start -->\n"):end] == markdown_table()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_row_resolves(name: str) -> None:
    """Each row's reader, writer and sniffing rule name real functions."""
    import importlib

    row = FORMATS[name]
    for target in (row.reader, row.writer, row.sniff, row.path_reader):
        if target is not None:
            module, _, attr = target.partition(":")
            assert callable(getattr(importlib.import_module(module), attr)), target
    assert row.can_read or row.can_write


SNIFF = [
    ('{"format": "timeline", "version": 1}', ".json", "json"),
    ('{"events": [{"start_date": {"year": 1953}}]}', ".json", "timelinejs-json"),
    ('{"title": {"text": {"headline": "x"}}, "events": []}', ".json", "timelinejs-json"),
    ("[1, 2]", ".json", "json"),
    ("not json", ".json", "json"),
    ("date,title\n1953,A\n", ".csv", "csv"),
    ("Year,Headline\n1953,A\n", ".csv", "timelinejs-csv"),
    ("\ufeffYear,Month,Headline\n", ".csv", "timelinejs-csv"),
    ('{"events": [{"start_date": {"year": 1953}}]}', None, "timelinejs-json"),
    ('{"format": "timeline"}', None, "json"),
    ('[timeline]\ntitle = "x"\n', None, "toml"),
]


@pytest.mark.parametrize(("text", "suffix", "expected"), SNIFF)
def test_sniffing(text: str, suffix: str | None, expected: str) -> None:
    """Content picks among the formats sharing a suffix; without a suffix, among all (TOML last)."""
    assert sniff(text, suffix).name == expected


def test_probe_parses_json_once() -> None:
    """The probe's JSON is parsed lazily and cached; non-JSON text gives NotImplemented."""
    probe = Probe('{"a": 1}')
    assert probe.json is probe.json == {"a": 1}
    assert Probe("a = 1").json is NotImplemented


def test_loads_takes_a_json_string() -> None:
    """timeline.loads with no format reads JSON, never failing with 'TOML syntax'."""
    text = timeline.dumps(timeline.Timeline(title="T").add_event("a", "A", "1953"))
    assert timeline.loads(text).events[0].id == "a"
    data = {"events": [{"start_date": {"year": 1953}, "text": {"headline": "Stalin dies"}}]}
    assert timeline.loads(json.dumps(data)).events[0].title == "Stalin dies"
    with pytest.raises(timeline.LoadError) as info:
        timeline.loads('{"foo": 1}')
    assert "TOML" not in str(info.value) and "not a timeline JSON file" in str(info.value)


@pytest.mark.parametrize("name", input_names())
def test_loads_takes_every_readable_format(name: str) -> None:
    """format= accepts every readable format's name (a bad text gives a LoadError, never a UsageError)."""
    try:
        timeline.loads("", format=name)
    except timeline.LoadError:
        pass


def test_read_text_by_name_suffix() -> None:
    """read_text uses the name's suffix when no format is given."""
    assert read_text("date,title\n1953,A\n", name="x.csv").timeline.events[0].title == "A"


def test_unknown_names_and_suffixes_are_misuse(tmp_path: Path) -> None:
    """Unknown names and suffixes raise UsageError naming --from/--to and the choices."""
    with pytest.raises(UsageError, match=r"cannot read format 'tomll' \(did you mean 'toml'\?\); expected one of"):
        for_input("x.toml", "tomll")
    with pytest.raises(UsageError, match=r"name it with --from NAME \(convert\), --input-format NAME \(check, export, render\) or format= \(Python\)"):
        for_input(tmp_path / "x.docx")
    with pytest.raises(UsageError, match=r"name it with --to NAME \(format= in Python\)"):
        for_output("x.docx")


def test_shared_suffix_writes_ours() -> None:
    """.json and .csv outputs are our formats unless a name says otherwise."""
    assert for_output("x.json").name == "json" and for_output("x.csv").name == "csv"
    assert for_output("x.json", "timelinejs-json").name == "timelinejs-json"
