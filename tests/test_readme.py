"""The README's and the docs' examples work as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The documents whose examples a new user follows, besides the README.
DOCS = ("docs/format.md", "docs/html.md", "docs/svg.md", "docs/interop.md", "docs/troubleshooting.md")
#: The marker before a ```sh block that runs as written from a checkout (after the README's install).
RUNNABLE = re.compile(r"^<!-- runnable[^>]*-->\n```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks(lang: str, text: str = README) -> list[str]:
    """The fenced code blocks of the README (or another text) in one language."""
    return re.findall(rf"```{lang}\n(.*?)```", text, re.DOTALL)


def runnable_blocks() -> list[tuple[str, str]]:
    """(file:line, script) of every shell block marked runnable in the README and the docs."""
    found = []
    for name in ("README.md", *DOCS):
        text = (ROOT / name).read_text(encoding="utf-8")
        found += [(f"{name}:{text.count(chr(10), 0, m.start()) + 2}", m.group(1)) for m in RUNNABLE.finditer(text)]
    return found


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


def test_the_readme_marks_its_shell_examples_runnable() -> None:
    """The walkthrough's command blocks are marked, so the test below runs them (a marker lost is a test lost)."""
    where = [w for w, _ in runnable_blocks()]
    assert sum(w.startswith("README.md:") for w in where) >= 7 and any(w.startswith("docs/") for w in where), where


@pytest.mark.parametrize(("where", "script"), [pytest.param(*block, id=block[0]) for block in runnable_blocks()])
def test_runnable_shell_blocks_run_as_written(where: str, script: str, tmp_path: Path) -> None:
    """Each runnable block runs line by line in bash (-e, pipefail) in a fresh folder beside the checkout's
    events/ and examples/, `timeline` being this checkout's command; `python -m pip` lines are the install,
    already done.  Every command must succeed, with no traceback."""
    shim = tmp_path / "bin" / "timeline"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m timeline "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    for name in ("events", "examples"):
        (work / name).symlink_to(ROOT / name)
    lines = [line for line in script.splitlines() if not line.startswith("python -m pip ")]
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", "\n".join(lines)], cwd=work, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"{where}: exit {proc.returncode}\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stderr, f"{where}\n{proc.stderr[-3000:]}"
    assert any(work.rglob("*.*")), f"{where} wrote nothing"


@pytest.mark.parametrize("doc", ["docs/html.md", "docs/svg.md", "docs/interop.md"])
def test_doc_python_examples_run(doc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A doc's Python blocks run in order in one namespace, as a reader goes down the page, in a folder
    with the files they name (the README's my-events.toml, the sample sheet as sheet.csv)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-events.toml").write_text(blocks("toml")[0], encoding="utf-8")
    shutil.copy(ROOT / "examples" / "data" / "timelinejs-sample.csv", tmp_path / "sheet.csv")
    code_blocks = blocks("python", (ROOT / doc).read_text(encoding="utf-8"))
    assert code_blocks
    namespace: dict[str, object] = {}
    for code in code_blocks:
        exec(compile(code, doc, "exec"), namespace)


def test_the_template_worked_example_renders(tmp_path: Path) -> None:
    """docs/html.md's my-templates/page.html.j2, saved as the doc says, adds its colophon and link colour."""
    doc = (ROOT / "docs" / "html.md").read_text(encoding="utf-8")
    (jinja,) = blocks("jinja", doc)
    assert "Worked example: `my-templates/page.html.j2`" in doc
    (tmp_path / "my-templates").mkdir()
    (tmp_path / "my-templates" / "page.html.j2").write_text(jinja, encoding="utf-8")
    html = timeline.render_html(timeline.bundled(), templates=tmp_path / "my-templates")
    assert '<footer class="tl-colophon">Prepared for History 101, week 3.</footer>' in html
    assert ".tl-root { --tl-link: #7a1f5c; }" in html


#: Markdown pictures: ![alt](path).
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.png)\)")
IMG = ROOT / "docs" / "img"


def _shown_pictures() -> dict[Path, list[str]]:
    """Every picture the README and docs/*.md show, resolved, with the documents that show it."""
    shown: dict[Path, list[str]] = {}
    for doc in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))):
        for ref in PICTURE.findall(doc.read_text(encoding="utf-8")):
            shown.setdefault((doc.parent / ref).resolve(), []).append(doc.name)
    return shown


def _make_images():
    """docs/img/make_images.py, imported by path (it is a script, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_images", IMG / "make_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_picture_shown_exists_and_make_images_makes_exactly_docs_img() -> None:
    """Each picture the README/docs show exists; make_images.py lists each file in docs/img once (no orphan,
    none missing), each of them is shown somewhere, and each picture's command is one the docs show."""
    shown = _shown_pictures()
    assert len(shown) >= 10, shown
    assert [str(p) for p in shown if not p.is_file()] == []
    names = [picture.name for picture in _make_images().PICTURES]
    assert len(names) == len(set(names)), names
    on_disk = {p.name for p in IMG.iterdir() if p.is_file() and p.suffix != ".py"}
    assert sorted(names) == sorted(on_disk)
    assert sorted(names) == sorted(p.name for p in shown if p.parent == IMG)
    docs = README + "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    for picture in _make_images().PICTURES:
        shown_as = picture.command if picture.command.startswith("timeline ") else picture.command.split()[1]
        assert shown_as in docs, (picture.name, shown_as)
