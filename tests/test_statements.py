"""Statement claims: a short sentence one source asserts, through every reader, writer and renderer."""

from __future__ import annotations

import json
import textwrap

import pytest

import timeline
from timeline import Claim, Quantity, UsageError
from timeline.io import read_text, write_text

TOML = textwrap.dedent('''\
    [sources.web]
    kind = "reference"
    title = "Soviet Cold War: Destalinization"

    [[events]]
    id = "stalin-dies"
    title = "Stalin dies"
    when = "1953-03-05"
    citations = [{ source = "web", locator = "para. 5", quote = "died" }]

      [[events.claims]]
      about = "cause of death"
      statement = "a stroke"
      by = "Tass"
      citations = [{ source = "web", locator = "para. 5", quote = "Tass announced that he died from a stroke." }]

      [[events.claims]]
      about = "cause of death"
      statement = "poisoned"
      by = "many Western historians"
      rank = "preferred"
      note = "Most scholars, the page says."
      citations = [{ source = "web", locator = "para. 6", quote = "he was poisoned" }]
    ''')


def _timeline() -> timeline.Timeline:
    return timeline.loads(TOML, strict=True)


def test_toml_reads_statements() -> None:
    """`statement` and `by` become a statement claim with its own citations and rank."""
    ev = _timeline().events[0]
    tass, west = ev.claims
    assert (tass.kind, tass.about, tass.statement, tass.by) == ("statement", "cause of death", "a stroke", "Tass")
    assert west.rank is timeline.ClaimRank.PREFERRED and west.citations[0].locator == "para. 6"
    assert ev.disputes == ("cause of death",)
    assert not ev.is_disputed  # the date is not in dispute
    assert tass.sentence() == "Cause of death: Tass: a stroke"


@pytest.mark.parametrize("claim,message", [
    ('about = "why"\nstatement = "s"\nquantity = 3',
     "x.toml:7:1: error: a claim holds one value: 'when', 'quantity' or 'statement'; got quantity and statement"),
    ('about = "date"\nstatement = "s"',
     "x.toml:7:1: error: a statement claim needs 'about' to name what it is about, e.g. about = \"cause of death\""),
    ('about = "why"\nnote = "n"',
     "x.toml:5:1: error: a claim about 'why' needs 'quantity' or 'statement'"),
])
def test_toml_refuses_bad_statements(claim: str, message: str) -> None:
    """A claim with two values, a statement about the date, or no value is refused with a located message."""
    text = f'[[events]]\nid = "e"\ntitle = "t"\nwhen = "1953"\n[[events.claims]]\n{claim}\n' \
        'citations = [{ source = "s" }]\n[sources.s]\n'
    result = read_text(text, name="x.toml")
    assert message in [d.format().splitlines()[0] for d in result.diagnostics]


def test_builder_accepts_statement_mappings() -> None:
    """The builder takes claims as mappings, and the model refuses two values in one claim."""
    tl = timeline.Timeline().add_event("e", "E", "1953", claims=[
        {"about": "why", "statement": "tradition", "by": "the blog's source", "rank": "normal",
         "citations": [{"source": "s", "locator": "para. 3"}]},
        {"about": "released", "quantity": 1500000},
    ])
    why, released = tl.events[0].claims
    assert why.kind == "statement" and why.citations[0].locator == "para. 3"
    assert released.kind == "quantity" and released.quantity == Quantity(value=1500000)
    with pytest.raises(UsageError, match="got quantity and statement"):
        Claim(about="why", statement="s", quantity=Quantity(value=1))
    with pytest.raises(UsageError, match="a statement claim needs 'about'"):
        Claim(statement="s")


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_our_formats_round_trip_statements(fmt: str) -> None:
    """TOML and our JSON write statements and read them back unchanged."""
    tl = _timeline()
    text, lost = write_text(tl, fmt)
    assert not lost
    back = read_text(text, format=fmt, name=f"x.{fmt}")
    assert back.timeline is not None, [d.format() for d in back.diagnostics]
    assert back.timeline.events[0].claims == tl.events[0].claims


def test_json_export_names_the_kind_and_refuses_two_values() -> None:
    """Our JSON has "kind", "statement" and "by"; a claim with two values is an error at its path."""
    data = json.loads(timeline.dumps(_timeline()))
    claim = data["events"][0]["claims"][0]
    assert (claim["kind"], claim["statement"], claim["by"]) == ("statement", "a stroke", "Tass")
    claim["quantity"] = {"value": 1}
    result = read_text(json.dumps(data), format="json", name="x.json")
    [error] = [d.format().splitlines()[0] for d in result.diagnostics if d.is_error]
    assert error.startswith("x.json:") and error.endswith(
        ":$.events[0].claims[0].statement: error: a claim holds one value: 'when', 'quantity' or "
        "'statement'; got quantity and statement")


@pytest.mark.parametrize("fmt,expected,lost", [
    ("timelinejs-json", "Cause of death: Tass: a stroke (",
     "claims about quantities and statements became notes in the text"),
    ("csv", "Cause of death: many Western historians: poisoned.", "other claims become sentences in the text"),
    ("markwhen", "  Cause of death: Tass: a stroke.\n  Cause of death: many Western historians: poisoned.\n",
     "claims became sentences in the text"),
    ("vis", "<p>Cause of death: Tass: a stroke.</p><p>Cause of death: many Western historians: poisoned.</p>", None),
    ("mermaid", "5 March 1953 : Stalin dies", "claims, media and display dates are not kept"),
])
def test_interop_writers_keep_statements_as_text(fmt: str, expected: str, lost: str | None) -> None:
    """Formats that cannot hold claims carry each statement as a sentence, or say that they drop it."""
    text, diagnostics = write_text(_timeline(), fmt)
    assert expected in text
    assert lost is None or any(lost in d.message for d in diagnostics)


def test_html_puts_the_sides_on_one_line_with_their_own_footnotes() -> None:
    """The HTML list shows "Cause of death — Tass: a stroke¹ · many Western historians: poisoned²"."""
    html = timeline.render_html(_timeline(), fragment=True)
    start = html.index('<p class="tl-sides">')
    line = html[start:html.index("</p>", start)]
    assert '<span class="tl-claim-about">Cause of death</span> — ' in line
    assert '<span class="tl-claim-by">Tass:</span> a stroke<sup class="tl-refs"><a id="tl-ref-1-2"' in line
    assert ' · <span class="tl-side tl-rank-preferred"><span class="tl-claim-by">many Western historians:</span> ' \
           'poisoned<sup class="tl-refs"><a id="tl-ref-2"' in line
    assert '<p class="tl-claim-note"><span class="tl-claim-by">many Western historians:</span> Most scholars' in html
    assert "tl-claims-other tl-disputed" in html


def test_svg_carries_each_sides_footnotes() -> None:
    """The chart's label carries the footnote numbers of every side of the dispute."""
    svg = timeline.render_svg(_timeline())
    assert '<tspan class="fn" dy="-5">1</tspan><tspan class="fn" dy="0">,2</tspan>' in svg
