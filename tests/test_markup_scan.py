"""The markup tokenizer: the old regular expression's output, in a number of steps linear in the input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import markup
from timeline.markup import Scanner, find_links

# The regular expression the tokenizer replaced (it backtracked: 11 s on 20 KB of "["),
# kept here as the reference for what each input must become.
_URL = r"(?:[^()\s]|\([^()\s]*\))+"
OLD_TOKEN_RE = re.compile(
    r"(?P<escaped>\\[\\*\[\]])"
    r"|\[(?P<text>(?:\\.|[^\]\\\n])+)\]\((?P<url>\s*" + _URL + r"?\s*)\)"
    r"|\*\*(?P<strong>(?=\S)(?:\\.|[^\\])+?(?<=\S))\*\*"
    r"|\*(?P<em>(?=[^\s*])(?:\\.|\*\*(?:\\.|[^\\*])+?\*\*|[^\\*])+?(?<=\S))\*",
    re.DOTALL,
)


def old_tokens(text: str) -> list[tuple[str, ...]]:
    """What the regular expression split a text into, as (kind, text[, url]) tuples."""
    out: list[tuple[str, ...]] = []
    pos = 0
    for match in OLD_TOKEN_RE.finditer(text):
        if pos < match.start():
            out.append(("text", text[pos:match.start()]))
        pos = match.end()
        if match.group("escaped"):
            out.append(("escaped", match.group("escaped")[1]))
        elif match.group("text") is not None:
            out.append(("link", match.group("text"), match.group("url")))
        elif match.group("strong") is not None:
            out.append(("strong", match.group("strong")))
        else:
            out.append(("em", match.group("em")))
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def new_tokens(text: str) -> list[tuple[str, ...]]:
    """The tokenizer's tokens in the same shape."""
    return [(t.kind, t.text, t.url) if t.kind == "link" else (t.kind, t.text) for t in Scanner(text).tokens()]


MARKUP = st.text(alphabet="ab *[]()\\\n\t.:/", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(MARKUP)
def test_tokens_match_the_old_expression(text: str) -> None:
    """On any text, the tokenizer finds exactly the tokens the regular expression found."""
    assert new_tokens(text) == old_tokens(text)


TABLE = [
    "*a **b** c*", "**a *b* c**", "[x](https://e.org/a_(b))", "[*x*](mailto:a@b.org)", r"\*not em\* \[x](y)",
    "2 * 3 * 4", "**a***", "*a**b**c*", "** x**a ** x**a", "[[[x](u)", "[a\\](b)](c)", "[a\nb](c)", "[a]( u )",
    "[a](u v)", "[a](u(v)w)", "[a](u((v)))", "***x***", "*x\\*", "\\", "*\\**", "** **", "*** ***", "[](x)",
    "**\\**x**", "*a ** b** c*", "*a **b c*", "[:]()", "[a]( )",
]


@pytest.mark.parametrize("text", TABLE)
def test_table_of_edge_cases(text: str) -> None:
    """Hand-picked corners (nesting, escapes, balanced parentheses, lazy closers) give the old tokens."""
    assert new_tokens(text) == old_tokens(text)


ADVERSARIAL = {
    "brackets": "[",
    "open-links": "[a](",
    "unclosed-link-texts": "[a ",
    "stars": "*",
    "double-stars": "**",
    "spaced-stars": "* ",
    "em-openers": "*a ",
    "strong-openers": "**a ",
    "groups-then-openers": "** x**a ",
    "backslashes": "\\",
    "escaped-brackets": "\\[",
    "link-ends": "](",
    "parens-in-url": "[a](b(c",
    "mixed": "*[**](\\",
}


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_steps_are_linear_on_adversarial_text(unit: str) -> None:
    """Counting steps, not time: each adversarial pattern costs a bounded number of steps per character,
    and four times the text costs about four times the steps (the regex was quadratic on these)."""
    small, large = unit * 500, unit * 2000
    s_small, s_large = Scanner(small), Scanner(large)
    s_small.tokens()
    s_large.tokens()
    assert s_large.steps <= 8 * len(large)
    assert s_large.steps <= 4.5 * s_small.steps


def test_whole_render_is_linear_in_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """inline_html on nested adversarial text does a linear number of tokenizer steps across its recursion."""
    counted: list[int] = []
    real = Scanner.tokens

    def counting(self: Scanner) -> list:
        result = real(self)
        counted.append(self.steps)
        return result

    monkeypatch.setattr(Scanner, "tokens", counting)

    def steps(text: str) -> int:
        counted.clear()
        markup.inline_html(text)
        return sum(counted)

    unit = "**[*a **b* ](x "
    assert steps(unit * 2000) <= 4.5 * steps(unit * 500)
    assert steps(unit * 2000) <= 20 * len(unit * 2000)


def test_find_links_still_finds_nested_links() -> None:
    """find_links walks into emphasis and link texts."""
    text = "**[a](https://a.org)** and *[b](javascript:x)* [c [d](e)](f)"
    assert list(find_links(text)) == [("a", "https://a.org"), ("b", "javascript:x"), ("c [d", "e")]


def test_html_cells_reach_the_parser_without_unclosed_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """TimelineJS cells: every "<tag" the HTML parser sees is closed before the next "<", the shape on which
    html.parser does linear work (it rescanned the rest of the text for each unclosed "<a ": 45 s for 60 KB)."""
    from timeline.io import markup as io_markup
    from timeline.io.htmlparse import ToMarkup

    fed: list[str] = []
    real = ToMarkup.feed
    monkeypatch.setattr(ToMarkup, "feed", lambda self, data: (fed.append(data), real(self, data))[1])
    for text in ["<a " * 1000, '<a href="' * 1000, "<b>x</b> <a href=\"https://a.org\">y</a> <i", "a < b <c"]:
        fed.clear()
        converted = io_markup.html_to_markup(text)
        assert all(re.match(r"<[A-Za-z][^<>]*>", fed[0][m.start():]) for m in re.finditer(r"<[A-Za-z]", fed[0]))
        assert "<a" not in converted.text or text.startswith("<a ")
    assert io_markup.html_to_markup("<a " * 3).text == "<a <a <a"
    assert io_markup.html_to_markup('<b>x</b> <a href="https://a.org">y</a> <i').text == "**x** [y](https://a.org) <i"
