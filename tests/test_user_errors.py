"""Mistakes users really make, each with the exact message the library prints.

The same messages are listed in docs/troubleshooting.md; keep the two in step.
"""

from __future__ import annotations

import pytest

import timeline
from timeline import LoadError
from timeline.io import read

GOOD = """\
[sources.smith]
title = "A history"

[[events]]
id = "stalin-dies"
title = "Stalin dies"
when = "1953-03-05"
citations = ["smith"]
"""


def check(tmp_path, text: str | bytes, name: str = "events.toml") -> list[str]:
    """Write a file, load it with the CLI's reader, and return the formatted diagnostics."""
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    result = read(path)
    return [d.format().replace(str(tmp_path) + "/", "") for d in result.diagnostics]


def test_misspelt_key(tmp_path):
    """'titel' is reported at the key with a did-you-mean, plus the missing 'title'."""
    assert check(tmp_path, GOOD.replace('title = "Stalin', 'titel = "Stalin')) == [
        "events.toml:4:1: error: missing required key 'title'\n    [[events]]\n    ^",
        "events.toml:6:1: error: unknown key 'titel' in [[events]] (did you mean 'title'?)\n"
        '    titel = "Stalin dies"\n    ^',
    ]


def test_month_name_typo(tmp_path):
    """'Marhc' points at the word and suggests March."""
    assert check(tmp_path, GOOD.replace("1953-03-05", "5 Marhc 1953")) == [
        "events.toml:7:11: error: unknown month 'Marhc' (did you mean 'March'?); write EDTF such as 1953-03-05, "
        "or a phrase such as '5 March 1953'\n"
        '    when = "5 Marhc 1953"\n              ^',
    ]


def test_thirtieth_of_february(tmp_path):
    """A day that does not exist in that month says so, at the day."""
    assert check(tmp_path, GOOD.replace("1953-03-05", "30 February 1953")) == [
        "events.toml:7:9: error: day 30 is out of range for February 1953; write EDTF such as 1953-03-05, "
        "or a phrase such as '5 March 1953'\n"
        '    when = "30 February 1953"\n            ^',
    ]


def test_citation_of_undefined_source(tmp_path):
    """A typo in a source id points at the id and suggests the defined one."""
    assert check(tmp_path, GOOD.replace('["smith"]', '["smiht"]')) == [
        "events.toml:8:15: error: citation of undefined source 'smiht' (did you mean 'smith'?); "
        "define it with [sources.smiht]\n"
        '    citations = ["smiht"]\n                  ^',
    ]


def test_toml_saved_in_cp1251(tmp_path):
    """A Windows-1251 file is named as such, with the command to convert it."""
    assert check(tmp_path, GOOD.replace("Stalin dies", "Умер Сталин").encode("cp1251")) == [
        "events.toml:6:10: error: file is not valid UTF-8 (byte 0xd3). It looks like Windows-1251 (Cyrillic); "
        "re-save it as UTF-8, e.g. `iconv -f cp1251 -t utf-8 in > out`.",
    ]


def test_file_saved_in_latin1_is_not_called_cyrillic(tmp_path):
    """Western accented text gets the Windows-1252 hint, not a wrong Cyrillic one."""
    assert check(tmp_path, GOOD.replace("Stalin dies", "Café crème").encode("latin-1")) == [
        "events.toml:6:13: error: file is not valid UTF-8 (byte 0xe9). It may be Windows-1252 or Latin-1 "
        "(Western European); re-save it as UTF-8, e.g. `iconv -f cp1252 -t utf-8 in > out`.",
    ]


def test_utf16_from_excel_loads(tmp_path):
    """Excel's "Unicode text" (UTF-16 with a BOM) is read, not refused."""
    assert check(tmp_path, GOOD.replace("Stalin dies", "Умер Сталин").encode("utf-16")) == []


def test_byte_order_mark_is_accepted(tmp_path):
    """A UTF-8 BOM (Notepad, Excel) loads cleanly."""
    assert check(tmp_path, "\ufeff" + GOOD) == []


def test_bom_does_not_shift_columns(tmp_path):
    """Errors in a file with a BOM point at the same columns as without it."""
    assert check(tmp_path, "\ufeff" + GOOD.replace("1953-03-05", "1953-02-30"))[0].startswith(
        "events.toml:7:9: error: day 30 is out of range for February 1953")


def test_windows_line_endings_are_accepted(tmp_path):
    """CRLF files load, and their diagnostics show no stray carriage returns."""
    assert check(tmp_path, GOOD.replace("\n", "\r\n")) == []
    messages = check(tmp_path, GOOD.replace("1953-03-05", "5 Marhc 1953").replace("\n", "\r\n"))
    assert messages[0].startswith("events.toml:7:11: error: unknown month 'Marhc'")
    assert "\r" not in "".join(messages)


def test_load_raises_one_error_listing_everything(tmp_path):
    """timeline.load raises a LoadError whose text lists every problem and a summary line."""
    path = tmp_path / "events.toml"
    path.write_text(GOOD.replace('["smith"]', '["smiht"]').replace("1953-03-05", "30 February 1953"))
    with pytest.raises(LoadError) as info:
        timeline.load(path)
    text = str(info.value)
    assert "day 30 is out of range for February 1953" in text
    assert "citation of undefined source 'smiht'" in text
    assert text.endswith("2 error(s), 0 warning(s)")


SHEET_HEADER = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
                "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")


def test_timelinejs_sheet_without_year_column(tmp_path):
    """A TimelineJS sheet missing its Year column is refused at the header, naming the column."""
    text = SHEET_HEADER.replace("Year,", "", 1) + "\n3,5,,,,,,,Stalin dies,,,,,,,,\n"
    header = SHEET_HEADER.replace("Year,", "", 1)
    assert check(tmp_path, text, "sheet.csv") == [
        "sheet.csv:1:1: error: missing column 'Year' (a TimelineJS sheet needs Year and Headline columns; "
        f"the header has: {header.replace(',', ', ')})\n    {header}\n    ^",
    ]


def test_csv_saved_in_cp1251(tmp_path):
    """A CSV saved by Excel in Windows-1251 gets the same explanation as TOML."""
    data = (SHEET_HEADER + "\n1953,3,5,,,,,,,Умер Сталин,,,,,,,,\n").encode("cp1251")
    messages = check(tmp_path, data, "sheet.csv")
    assert messages == [
        "sheet.csv:2:16: error: file is not valid UTF-8 (byte 0xd3). It looks like Windows-1251 (Cyrillic); "
        "re-save it as UTF-8, e.g. `iconv -f cp1251 -t utf-8 in > out`.",
    ]


def test_csv_with_bom_and_crlf(tmp_path):
    """A CSV with a BOM and Windows line endings (Excel's default) loads."""
    text = "\ufeff" + SHEET_HEADER + "\r\n1953,3,5,,,,,,,Stalin dies,,,,,,,,\r\n"
    assert not [m for m in check(tmp_path, text, "sheet.csv") if ": error: " in m]
