"""Nothing lost on the way in: each kind of extra content in another tool's file is kept, or said at its place.

One table per reader: an input with one kind of content the model has no
field for, and either the warning (or note) it gives, as printed
(``path:line:col: severity: message``, first line only), or where the
content is kept.  tests/lossless_audit.py checks the corpus the same way.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_CORPUS, require
from tests.lossless_audit import audit
from timeline.io import read_text


def said(text: str, fmt: str, name: str) -> list[str]:
    """Every diagnostic but the no-citation summary, as its first printed line."""
    result = read_text(text, format=fmt, name=name, skip_invalid=True)
    return [d.format().split("\n")[0] for d in result.diagnostics if "no citation" not in d.message]


# (input, a diagnostic it must give)
MARKWHEN_SAID = [
    ("---\ntitle: T\n---\n\nSome intro text here.\n\n1953-03-05: Stalin dies\n",
     "a.mw:5:1: warning: text outside any event is kept as the timeline's description (Markwhen itself shows it "
     "nowhere)"),
    ("# Section\nAbout it.\n1953: A\n",
     "a.mw:2:1: warning: text outside any event is kept as the description of the lane 'Section' (Markwhen "
     "itself shows it nowhere)"),
    ("section Work #blue\n1953: A\nendSection\n",
     "a.mw:1:1: warning: tags of a section or group are not kept (they colour it in Markwhen; its events keep "
     "their own tags): #blue"),
    ("# Section\nstyle: section\n1953: A\n",
     "a.mw:2:1: warning: the property 'style' of a section or group is not kept (lanes have a label and a "
     "description only)"),
    ("1953: A !one !two\n", "a.mw:1:1: warning: an event has one id: '!two' is kept, '!one' not"),
    ("1953: A\nnow: refused\nits text\n",
     "a.mw:3:1: warning: this text belongs to the event line refused at line 2, and is left out with it"),
    ("1953: A\n// a remark\n// another\n", "a.mw:2:1: note: 2 comment line(s) (//) not kept; the first is here"),
    ("1953: A\nplace: Moscow // check this\n", "a.mw:2:1: note: 1 comment line(s) (//) not kept; the first is here"),
    ("title: One\n1953: A\n_-_-_break_-_-_\ntitle: Two\n1954: B\n",
     "a.mw:4:1: warning: the header of this page is not kept (the timeline keeps the first page's): title"),
]

TIMELINEJS_SAID = [
    ('{"events": [{"start_date": {"year": 1953}, "text": {"headline": "A", "text": "x <!-- secret --> y"}}]}',
     "a.json:1:78:$.events[0].text.text: warning: HTML tags other than links and emphasis were dropped, keeping "
     "their text (comments and declarations whole): <!-- comments --> (1 cell; the first is here)"),
    ('{"events": [{"start_date": {"year": 1953}, "text": {"headline": "A"}, "media": {"url": "https://e.org/x",'
     ' "link": "https://e.org"}, "autolink": true}]}',
     "a.json:1:145:$.events[0].autolink: warning: fields not kept: autolink, media.link (the first is here)"),
    ('{"events": [{"start_date": {"year": 1953, "display_date": "early 1953"}, "display_date": "1953",'
     ' "text": {"headline": "A"}}]}',
     "a.json:1:59:$.events[0].start_date.display_date: warning: start_date.display_date 'early 1953' is not "
     "kept: the slide's display_date '1953' is"),
    ('{"title": {"text": {"headline": "T"}, "group": "g"}, "events": [{"start_date": {"year": 1953},'
     ' "text": {"headline": "A"}}]}',
     "a.json:1:48:$.title.group: warning: Group of the title slide not kept (a timeline's title has a headline "
     "and a text)"),
]

SHEET_SAID = [
    ("Year,Headline,,Text\n1953,A,a secret,t\n",
     "a.csv:2:8: warning: 1 cell(s) under a column with no header are not kept (name the column, e.g. Text, to "
     "keep them); the first is here"),
    ("Year,Headline,Text,Type,Group\n1953,A,t,,\n,T,d,title,g\n",
     "a.csv:3:12: warning: Group of the title row not kept (a timeline's title has a headline and a text)"),
    ("Year,End Year,Headline,Type,Media Caption\n1900,1950,Era,era,a picture\n1953,,A,,\n",
     "a.csv:2:19: warning: Media Caption of an era not kept (eras have a label, dates and text only)"),
]

LEGACY_SAID = [
    ('{"timeline": {"headline": "T", "type": "default", "date": [{"startDate": "1953", "headline": "A",'
     ' "classname": "x"}]}}',
     "a.json:1:112:$.timeline.date[0].classname: warning: fields not kept: classname (the first is here)"),
]

EASYTIMELINE_SAID = [
    ("Stray words\nDateFormat = yyyy\nPlotData=\n  bar:x at:1953 text:A\n",
     "a.txt:1:1: warning: a line before the first command (Name = value) is not kept"),
    ("DateFormat = yyyy\nPlotData=\n  bar:x color:red\n  at:1953 text:A\n",
     "a.txt:3:1: warning: drawing attributes not kept: color (the first is here)"),
    ("DateFormat = yyyy\nPlotData=\n  at:1953\n  bar:x at:1954 text:A\n",
     "a.txt:3:1: warning: a period or point with no text on no bar names nothing; it is not kept"),
    ("DateFormat = yyyy\nPlotData=\n  bar:x text:Label\n  at:1954 text:A\n",
     "a.txt:3:9: warning: 'text:' on a line with no 'at:' or 'from:' is not kept (it names no period or point)"),
    ("DateFormat = yyyy\nPlotData=\n  bar:x at:1953 stray text:A\n",
     "a.txt:3:17: warning: 'stray' is no 'name:value' attribute; it is not kept"),
    ("DateFormat = yyyy\nPlotData=\n  bar:x at:1953 text:[[Page|Label]]\n",
     "a.txt:3:1: warning: 1 wiki link(s) keep their label, not the page they link to (the first is here)"),
    ("DateFormat = yyyy # years\n#> a block\nof comment <#\nPlotData=\n  bar:x at:1953 text:A\n",
     "a.txt:1:1: note: 3 comment line(s) (#) not kept; the first is here"),
    ("DateFormat = yyyy\nPlotData=\n  bar:x at:$later text:A\n  bar:x at:1953 text:B\n",
     "a.txt:3:9: warning: line skipped (--skip-invalid): date '$later' is not defined: no 'Define $later = ...' "
     "comes before this line"),
    ("Define $a = 19\nDefine $b = $a53\nDateFormat = yyyy\nPlotData=\n  bar:x at:$oops text:A\n",
     "a.txt:5:9: warning: line skipped (--skip-invalid): date '$oops' is not defined: no 'Define $oops = ...' "
     "comes before this line"),
]

MERMAID_SAID = [
    ("timeline\n  title One\n  title Two\n  2004 : A\n",
     "a.mmd:3:3: warning: a second title: 'One' (line 2) is not kept, this one is"),
    ("timeline\n  2001\n  2004 : A\n",
     "a.mmd:2:3: warning: this period has no events, so it is not kept (a timeline has events, not bare periods)"),
    ("timeline\n  2004 : <u>A</u>\n",
     "a.mmd:2:3: warning: HTML tags dropped, keeping their text: u (the first is here)"),
    ("timeline\n  title T\n  accTitle: Other\n  2004 : A\n",
     "a.mmd:3:1: warning: accTitle 'Other' is not kept: the title is 'T'"),
    ("timeline TD\n  2004 : A\n", "a.mmd:1:1: warning: Mermaid diagram settings not kept: direction TD"),
    ("timeline\n  %% a remark\n  2004 : A\n", "a.mmd:2:1: note: 1 comment line(s) (%%) not kept; the first is here"),
]

VIS_SAID = [
    ('{"items": [{"id": 1, "content": "A", "start": "1953"}], "options": {"stack": false}}',
     "a.json:1:68:$.options: warning: fields not kept: options (only 'items' and 'groups' are read)"),
    ('{"items": [{"id": 1, "content": "A", "start": "1953", "group": 1}], "groups": [{"id": 1, "content": "G",'
     ' "visible": false}, {"id": 2, "content": "Empty"}]}',
     "a.json:1:117:$.groups[0].visible: warning: group fields not kept: visible (the first is here)"),
    ('{"items": [{"id": 1, "content": "A", "start": "1953", "group": 1}], "groups": [{"id": 1, "content": "G"},'
     ' {"id": 2, "content": "Empty"}]}',
     "a.json:1:107:$.groups[1]: warning: group(s) with no items are not kept (a lane needs events): 'Empty'"),
    ('[{"id": 1, "content": "A", "start": "1953"}, {"id": 2, "content": "E", "start": "1950", "end": "1960",'
     ' "type": "background", "className": "red"}]',
     "a.json:1:139:$[1].className: warning: a background item's className is not kept (eras have no tags)"),
]

VIS_JS_SAID = [
    ("// the items\n[{content: 'A', start: '1953'}] /* done */\n",
     "a.js:1:1: note: 2 comment(s) (// or /* */) not kept; the first is here"),
]

TABLES = [("markwhen", "a.mw", MARKWHEN_SAID), ("timelinejs-json", "a.json", TIMELINEJS_SAID),
          ("timelinejs-csv", "a.csv", SHEET_SAID), ("timelinejs2", "a.json", LEGACY_SAID),
          ("easytimeline", "a.txt", EASYTIMELINE_SAID), ("mermaid", "a.mmd", MERMAID_SAID), ("vis", "a.json", VIS_SAID),
          ("vis", "a.js", VIS_JS_SAID)]
CASES = [(fmt, name, text, expected) for fmt, name, table in TABLES for text, expected in table]


@pytest.mark.parametrize(("fmt", "name", "text", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_extra_content_is_said_at_its_place(fmt: str, name: str, text: str, expected: str) -> None:
    """Content a reader cannot keep gives a warning (or, for comments, a note) at its line and column or path."""
    assert expected in said(text, fmt, name)


def test_markwhen_loose_text_is_kept_as_descriptions() -> None:
    """Text before the first event joins the timeline's description; text at a section's top is its lane's."""
    text = ("---\ntitle: T\ndescription: From the header.\n---\n\nIntro one.\n\nIntro two.\n\n# Section\n"
            "About it.\n\n1953-03-05: Stalin dies\n")
    tl = read_text(text, format="markwhen").timeline
    assert tl.description == "From the header.\n\nIntro one.\n\nIntro two."
    assert [(lane.label, lane.description) for lane in tl.lanes] == [("Section", "About it.")]


def test_markwhen_descriptions_round_trip() -> None:
    """Several lines of description and a lane's description are written so that they read back the same."""
    from timeline.io import write_text

    text = "---\ntitle: T\n---\n\nIntro one.\n\nIntro two.\n\n# Section\nAbout it.\n\n1953-03-05: A\n"
    tl = read_text(text, format="markwhen").timeline
    again = read_text(write_text(tl, "markwhen")[0], format="markwhen").timeline
    assert (again.description, again.lanes) == (tl.description, tl.lanes)


DEFINES = [
    ("Define $start = 1900\nDefine $now = 2024\nDateFormat = yyyy\nPeriod = from:$start till:$NOW\nPlotData=\n"
     "  bar:x from:$start till:$now text:A\n", "1900/2024"),
    ("Define $a = 1953\nDefine $b = $A\nDateFormat = yyyy\nPlotData=\n  bar:x at:$b text:A\n", "1953"),
    ("Define $d = 05/03\nDateFormat = dd/mm/yyyy\nPlotData=\n  bar:x at:$d/1953 text:A\n", "1953-03-05"),
]


@pytest.mark.parametrize(("text", "edtf"), DEFINES)
def test_easytimeline_define_is_expanded(text: str, edtf: str) -> None:
    """A ``Define``d name stands for its value in later lines, any case, its value expanded first."""
    result = read_text(text, format="easytimeline")
    assert [d.message for d in result.diagnostics if d.is_error] == []
    assert result.timeline.events[0].when.edtf == edtf


def test_easytimeline_error_after_expansion_points_into_the_file() -> None:
    """An error in an expanded line is placed at the column of the file, not of the expanded text."""
    text = "Define $long_name = 1953\nDateFormat = yyyy\nPlotData=\n  bar:x at:$long_name till:x text:A\n  bar:x at:19x\n"
    errors = [d for d in read_text(text, format="easytimeline").diagnostics if d.is_error]
    assert [(d.line, d.column) for d in errors] == [(5, 9)]


def test_easytimeline_hash_in_quotes_and_links_are_kept() -> None:
    """``#`` inside quotes is text, not a comment; a ``link:`` becomes a link in the event's text."""
    text = 'DateFormat = yyyy\nPlotData=\n  bar:x at:1953 text:"No. #1" link:https://example.org/a # remark\n'
    event = read_text(text, format="easytimeline").timeline.events[0]
    assert (event.title, event.text) == ("No. #1", "[No. #1](https://example.org/a)")


def test_mermaid_accessible_description_is_the_description() -> None:
    """``accDescr`` (one line, or a block in braces) becomes the timeline's description; ``accTitle`` its title
    when there is no ``title``."""
    text = "timeline\n  accTitle: T\n  accDescr: One\n  accDescr {\n    Two\n    three\n  }\n  2004 : A\n"
    tl = read_text(text, format="mermaid").timeline
    assert (tl.title, tl.description, [e.title for e in tl.events]) == ("T", "One\nTwo\nthree", ["A"])


def test_easytimeline_textdata_is_the_description() -> None:
    """The texts of ``TextData`` (captions drawn on the chart) become the timeline's description, with a warning."""
    text = "DateFormat = yyyy\nTextData =\n  pos:(20,20) text:National Histories\nPlotData=\n  bar:x at:1953 text:A\n"
    result = read_text(text, format="easytimeline", name="a.txt")
    assert result.timeline.description == "National Histories"
    assert "a.txt:3:1: warning: TextData texts are kept as the timeline's description (a timeline draws no captions " \
           "of its own)" in [d.format().split("\n")[0] for d in result.diagnostics]


def test_vis_group_title_is_its_lane_description() -> None:
    """A group's ``title`` (its tooltip) is kept as its lane's description."""
    text = '{"items": [{"content": "A", "start": "1953", "group": 1}], "groups": [{"id": 1, "content": "G", "title": "Tip"}]}'
    assert read_text(text, format="vis").timeline.lanes[0].description == "Tip"


#: Words of ../shared/corpus the audit still finds in neither the model nor a diagnostic (nor a place a
#: diagnostic accounts for): each is said by a warning that names its kind once, at the first (Background
#: colours after the first row, Markwhen tag colours and nested header keys, Mermaid front matter, a
#: refused event's second line of text), or is syntax the audit does not know.  It was 2,760 before the
#: readers said what they leave out; it may only go down.
AUDIT_REMAINDER = 87


def test_corpus_audit_loses_no_more_words() -> None:
    """Over ../shared/corpus, the words that reach neither the model nor a diagnostic do not grow."""
    require(SHARED_CORPUS.is_dir(), f"{SHARED_CORPUS} not found (../shared)")
    paths = sorted(p for p in SHARED_CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.md")
    lost = sum(len(audit(p)) for p in paths)
    assert lost <= AUDIT_REMAINDER, f"{lost} words lost; run python tests/lossless_audit.py to see them"
