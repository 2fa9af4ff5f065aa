"""A real wheel, installed into a fresh venv, finds its bundled events and templates."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and install it (with its dependencies) into a new virtual environment."""
    work = tmp_path_factory.mktemp("wheel")
    # The default build: without the opt-in switch for the compiled one (tests/test_compiled.py).
    env = {k: v for k, v in os.environ.items() if k not in ("HATCH_BUILD_HOOK_ENABLE_MYPYC", "HATCH_BUILD_HOOKS_ENABLE")}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
                   check=True, timeout=600, env=env)
    wheels = sorted(work.glob("timeline_history-*.whl"))  # the distribution name (pyproject.toml)
    assert len(wheels) == 1
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheels[0])], check=True, timeout=600)
    return env_dir


def test_default_wheel_is_pure_python(installed: Path) -> None:
    """The default wheel is one py3-none-any wheel with no compiled module in it (the mypyc build is opt-in)."""
    (wheel,) = installed.parent.glob("timeline_history-*.whl")
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith((".so", ".pyd", ".c"))]


def test_wheel_contains_data(installed: Path) -> None:
    """The wheel ships events/ and templates/ inside the package."""
    python = installed / "bin" / "python"
    code = "import timeline.resources as r; print(r.bundled_events()); print(r.packaged_templates())"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the wheel's copy, not a work tree's
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True,
                         cwd="/", env=env).stdout.split()
    assert all("site-packages/timeline/_data" in line for line in out), out


def test_check_bundled_from_anywhere(installed: Path, tmp_path: Path) -> None:
    """`timeline check --strict` on the bundled timeline works from an unrelated directory."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([str(installed / "bin" / "timeline"), "check", "--strict"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "ok:" in proc.stdout


def test_render_bundled_from_anywhere(installed: Path, tmp_path: Path) -> None:
    """`timeline render` writes the SVG and HTML of the bundled timeline into build/."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([str(installed / "bin" / "timeline"), "render"], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    import xml.etree.ElementTree as ET

    root = ET.fromstring((tmp_path / "build" / "timeline.svg").read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<html" in (tmp_path / "build" / "timeline.html").read_text(encoding="utf-8")


def test_distribution_name_and_marker(installed: Path) -> None:
    """The wheel installs as the distribution 'timeline-history', import name and command 'timeline'."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = ("import importlib.metadata as m, timeline; "
            "print(m.version('timeline-history'), timeline.__distribution__, timeline.__version__)")
    out = subprocess.run([str(installed / "bin" / "python"), "-c", code], capture_output=True, text=True,
                         check=True, cwd="/", env=env).stdout.split()
    assert out[1] == "timeline-history" and out[0] == out[2]
    assert (installed / "bin" / "timeline").exists()
