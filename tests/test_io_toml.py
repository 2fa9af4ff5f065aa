"""The TOML reader: what it builds, and every diagnostic with its exact position."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import timeline
from timeline.errors import LoadError, Severity
from timeline.io import read, read_text

HEADER = """\
[timeline]
title = "T"

[sources.a]
title = "A"
kind = "scholarly"
"""
EVENT = '[[events]]\nid = "e"\ntitle = "E"\nwhen = "1953"\ncitations = ["a"]\n'


def diags(text: str, **kw) -> list[str]:
    """Read TOML text and return its formatted diagnostics' first lines."""
    result = read_text(textwrap.dedent(text), name="x.toml", **kw)
    return [d.format().splitlines()[0] for d in result.diagnostics]


def event(body: str) -> str:
    """A file with the standard header and one event body."""
    return HEADER + "\n[[events]]\n" + textwrap.dedent(body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953-03-05"\ncitations = [{ source = "a" }]\n'),
            [],
            id="clean",
        ),
        pytest.param(
            event('id = "e"\ntitel = "E"\nwhen = "1953"\ncitations = [{ source = "a" }]\n'),
            [
                "x.toml:8:1: error: missing required key 'title'",
                "x.toml:10:1: error: unknown key 'titel' in [[events]] (did you mean 'title'?)",
            ],
            id="misspelt-key",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953-03-05"\ncitations = [{ source = "b" }]\n'),
            ["x.toml:12:26: error: citation of undefined source 'b'; define it with [sources.b]"],
            id="undefined-source",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953-03-05"\ncitations = [{ source = "aa" }]\n'),
            ["x.toml:12:26: error: citation of undefined source 'aa' (did you mean 'a'?); define it with [sources.aa]"],
            id="undefined-source-did-you-mean",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953-03-05"\n'),
            ["x.toml:8:1: warning: event 'e' has no citation"],
            id="uncited-warning",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953/1941"\ncitations = [{ source = "a" }]\n'),
            ["x.toml:11:9: error: range ends before it starts (1953 to 1941); write EDTF such as 1953-03-05, "
             "or a phrase such as '5 March 1953'"],
            id="end-before-start",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = 1953\ncitations = [{ source = "a" }]\n'),
            ['x.toml:11:8: error: a date must be a string such as "1953-03-05" or "June 1951", got an integer'],
            id="date-not-string",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\ncitations = [{ source = "a" }]\n'),
            ['x.toml:8:1: error: event needs \'when\', e.g. when = "1953-03-05" (or claims about its date)'],
            id="missing-when",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953"\ntags = "a"\nlane = 3\ncitations = [{ source = "a" }]\n'),
            ["x.toml:13:8: error: 'lane' must be a string, got an integer"],
            id="wrong-type",
        ),
        pytest.param(
            HEADER + '[[events]]\nid = "e"\ntitle = "E"\nwhen = "1953"\ncitations = [{ source = "a" }]\n'
            '[[events]]\nid = "e"\ntitle = "F"\nwhen = "1954"\ncitations = [{ source = "a" }]\n',
            ["x.toml:13:6: error: duplicate event id 'e' (first defined at x.toml:7)"],
            id="duplicate-id",
        ),
        pytest.param(
            "[timeline]\ntitle = \"T\"\nrange = \"1930/1956\"\n[sources.a]\n"
            '[[events]]\nid = "e"\ntitle = "E"\nwhen = "1964-10"\ncitations = [{ source = "a" }]\n',
            ["x.toml:8:8: error: event 'e' (October 1964) is outside the declared range 1930–1956; "
             "fix the date or tag it 'context'"],
            id="outside-range",
        ),
        pytest.param(
            "[timeline]\ntitle = \"T\"\nrange = \"1930/1956\"\n[sources.a]\n"
            '[[events]]\nid = "e"\ntitle = "E"\nwhen = "1964-10"\ntags = ["context"]\ncitations = [{ source = "a" }]\n',
            [],
            id="outside-range-context-ok",
        ),
        pytest.param(
            HEADER + '[[lanes]]\nid = "politics"\n[[events]]\nid = "e"\ntitle = "E"\nwhen = "1953"\n'
            'lane = "politcs"\ncitations = [{ source = "a" }]\n',
            ["x.toml:13:8: error: unknown lane 'politcs' (did you mean 'politics'?); declare it with [[lanes]]"],
            id="unknown-lane",
        ),
        pytest.param(
            "[timeline]\ntitle = \"T\"\n[sources.a]\nkind = \"scolarly\"\n",
            ["x.toml:4:8: error: unknown source kind 'scolarly' (did you mean 'scholarly'?); expected one of "
             "scholarly, primary, reference, journalism, blog, forum, partisan, other"],
            id="bad-source-kind",
        ),
        pytest.param(
            "[timeline]\ntitle = \"T\"\ntitle = \"U\"\n",
            ["x.toml:3:12: error: TOML syntax: cannot overwrite a value"],
            id="toml-syntax",
        ),
        pytest.param(
            event('id = "e"\ntitle = "E"\nwhen = "1953-02-29"\ncitations = [{ source = "a" }]\n'),
            None,  # message owned by the date parser; position checked below
            id="impossible-date",
        ),
    ],
)
def test_diagnostics_table(text: str, expected: list[str] | None) -> None:
    """Each broken input yields exactly these diagnostics, positioned at the key or value."""
    got = diags(text)
    if expected is None:
        assert len(got) == 1 and got[0].startswith("x.toml:11:9: error: ")
    else:
        assert got == expected


def test_all_problems_reported_at_once() -> None:
    """A file with several mistakes reports every one of them, in line order."""
    text = event('id = "e"\ntitel = "E"\nwhen = "1953-13-40"\ncitations = [{ source = "zz" }]\n')
    got = diags(text)
    assert [g.split(":")[1] for g in got] == sorted((g.split(":")[1] for g in got), key=int)
    assert len(got) >= 3


def test_strict_turns_warnings_into_errors() -> None:
    """Under strict, an uncited event fails to load; without it, it loads with a warning."""
    text = event('id = "e"\ntitle = "E"\nwhen = "1953"\n')
    assert timeline.loads(text).events[0].id == "e"
    with pytest.raises(LoadError) as info:
        timeline.loads(text, strict=True)
    assert "error: event 'e' has no citation" in str(info.value)
    assert info.value.diagnostics[0].severity is Severity.ERROR


def test_load_error_is_value_error_and_carries_all() -> None:
    """LoadError is a TimelineError and a ValueError, and carries every diagnostic."""
    text = HEADER + '[[events]]\nid = "e"\n[[events]]\nid = "f"\n'
    with pytest.raises(ValueError) as info:
        timeline.loads(text)
    assert isinstance(info.value, timeline.TimelineError)
    assert len(info.value.diagnostics) >= 4
    assert str(info.value).endswith("error(s), 0 warning(s)")


def test_source_line_and_caret() -> None:
    """A formatted diagnostic shows the offending line and a caret under the column."""
    text = event('id = "e"\ntitle = "E"\nwhen = "1953-03-05"\ncitations = [{ source = "b" }]\n')
    result = read_text(text, name="x.toml")
    lines = result.diagnostics[0].format().splitlines()
    assert lines[1] == '    citations = [{ source = "b" }]'
    assert lines[2] == "    " + " " * 25 + "^"


def test_claims_and_disputes() -> None:
    """Date claims make a disputed event whose `when` is the preferred claim."""
    text = HEADER + textwrap.dedent(
        """
        [[events]]
        id = "memo"
        title = "Memo"
          [[events.claims]]
          about = "date"
          when = "1953-03-23"
          citations = [{ source = "a", locator = "p. 2" }]
          [[events.claims]]
          about = "date"
          when = "1953-03-26"
          rank = "preferred"
          note = "better source"
          citations = [{ source = "a", locator = "p. 1" }]
          [[events.claims]]
          about = "released"
          quantity = { value = 1500000, approximate = true, unit = "prisoners" }
          citations = [{ source = "a", locator = "p. 3" }]
        """
    )
    ev = timeline.loads(text).events[0]
    assert ev.when.edtf == "1953-03-26"
    assert ev.is_disputed
    assert ev.date_label("short") == "23 or 26 Mar 1953"
    assert ev.claims[2].quantity.display() == "about 1,500,000 prisoners"
    assert [c.locator for c in ev.all_citations] == ["p. 2", "p. 1", "p. 3"]


def test_claim_positions() -> None:
    """Errors inside [[events.claims]] point at the claim's own lines."""
    text = HEADER + textwrap.dedent(
        """
        [[events]]
        id = "memo"
        title = "Memo"
          [[events.claims]]
          when = "1953-03-23"
          rank = "prefered"
          citations = [{ source = "a" }]
        """
    )
    assert diags(text) == [
        "x.toml:13:10: error: unknown claim rank 'prefered' (did you mean 'preferred'?); "
        "expected one of preferred, normal, deprecated"
    ]


def test_directory_loads_as_one_timeline(tmp_path: Path) -> None:
    """A directory's .toml files load in name order as one timeline, checked across files."""
    (tmp_path / "b.toml").write_text('[[events]]\nid = "e"\ntitle = "E"\nwhen = "1953"\n'
                                     'citations = [{ source = "a" }]\n', encoding="utf-8")
    (tmp_path / "a.toml").write_text(HEADER, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    tl = timeline.load(tmp_path)
    assert [e.id for e in tl.events] == ["e"] and list(tl.sources) == ["a"]
    (tmp_path / "c.toml").write_text('[[events]]\nid = "e"\ntitle = "F"\nwhen = "1954"\n'
                                     'citations = [{ source = "a" }]\n', encoding="utf-8")
    got = [d.format().splitlines()[0] for d in read(tmp_path).diagnostics]
    assert got == [f"{tmp_path / 'c.toml'}:2:6: error: duplicate event id 'e' (first defined at {tmp_path / 'b.toml'}:1)"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"\xef\xbb\xbf" + (HEADER + EVENT).encode(), None, id="bom"),
        pytest.param((HEADER + EVENT).replace("\n", "\r\n").encode(), None, id="crlf"),
        pytest.param(
            HEADER.replace('"A"', '"Архив"').encode("cp1251"),
            "x.toml:5:10: error: file is not valid UTF-8 (byte 0xc0). It looks like Windows-1251 (Cyrillic); "
            "re-save it as UTF-8, e.g. `iconv -f cp1251 -t utf-8 in > out`.",
            id="cp1251",
        ),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, message: str | None) -> None:
    """UTF-8 with a BOM and CRLF line ends load; cp1251 gets an explanation, not mojibake."""
    path = tmp_path / "x.toml"
    path.write_bytes(data)
    got = [d.format().splitlines()[0].replace(str(tmp_path) + "/", "") for d in read(path).diagnostics]
    assert got == ([message] if message else [])


def test_unknown_top_level_table() -> None:
    """A misspelt top-level table gets a did-you-mean."""
    assert diags("[timline]\ntitle = \"T\"\n") == [
        "x.toml:1:1: error: unknown key 'timline' in the file (top level) (did you mean 'timeline'?)"
    ]


def test_refused_links_are_warned_at_their_key() -> None:
    """javascript:, data: and vbscript: links in text and URL fields are located warnings."""
    text = event('id = "e"\ntitle = "E"\nwhen = "1953"\ntext = "see [x](javascript:alert(1))"\n'
                 'media = { url = "data:text/html,hi" }\ncitations = [{ source = "a" }]\n')
    text = text.replace('kind = "scholarly"\n', 'kind = "scholarly"\nurl = "vbscript:msgbox"\n')
    assert diags(text) == [
        "x.toml:7:7: warning: URL 'vbscript:msgbox' will be shown as plain text: only http://, https:// and "
        "mailto: links are allowed",
        "x.toml:13:8: warning: link to 'javascript:alert(1)' will be shown as plain text: only http://, "
        "https:// and mailto: links are allowed",
        "x.toml:14:18: warning: URL 'data:text/html,hi' will be shown as plain text: only http://, https:// and "
        "mailto: links are allowed",
    ]
    with pytest.raises(LoadError):
        timeline.loads(text, strict=True)
