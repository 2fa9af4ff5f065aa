"""The README's examples work as written."""

from __future__ import annotations

import re

import pytest

import timeline
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    """The README's fenced code blocks in one language."""
    return re.findall(rf"```{lang}\n(.*?)```", README, re.DOTALL)


@pytest.mark.parametrize("code", blocks("python"), ids=lambda c: c.splitlines()[0][:40])
def test_python_examples_run(code: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python block runs in a fresh directory (files it reads are made first)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-events.toml").write_text(blocks("toml")[0], encoding="utf-8")
    exec(compile(code, "README.md", "exec"), {})


@pytest.mark.parametrize("text", blocks("toml"), ids=lambda t: t.splitlines()[0][:40])
def test_toml_examples_load(text: str) -> None:
    """Every TOML block is a valid event file with no warnings."""
    timeline.loads(text, strict=True)


def test_readme_starts_with_the_two_commands() -> None:
    """The first two commands are the main job and the tests, as .ci/run uses them."""
    first, second = blocks("sh")[:2]
    assert first.strip() == "python -m pip install . && python -m timeline render"
    assert second.strip() == "python -m pip install -e '.[test]' && python -m pytest"
    assert second.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_format_doc_example_loads_and_quotes_are_real() -> None:
    """docs/format.md's worked example loads cleanly, and its quotes are in the cited texts."""
    from conftest import SHARED_SOURCES, require

    text = re.search(r"```toml\n(.*?)```", (ROOT / "docs" / "format.md").read_text(encoding="utf-8"), re.DOTALL)
    tl = timeline.loads(text.group(1), strict=True)
    require(SHARED_SOURCES.is_dir(), f"source texts not found at {SHARED_SOURCES}")
    for ev in (*tl.events, *tl.eras):
        cites = ev.all_citations if isinstance(ev, timeline.Event) else ev.citations
        for c in cites:
            body = (SHARED_SOURCES / tl.sources[c.source].file).read_text(encoding="utf-8")
            flat = " ".join(body.replace("-\n", "").split())
            assert " ".join(c.quote.split()) in flat, (c.source, c.quote)
