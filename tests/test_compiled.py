"""The optional compiled build (docs/performance.md, "Compiled build").

A wheel built with ``HATCH_BUILD_HOOK_ENABLE_MYPYC=1`` holds a C extension for every module
pyproject.toml lists for mypyc, the extension is what ``import`` finds, and the golden-file and
layout tests pass against it byte for byte.  The default wheel stays pure Python
(tests/test_packaging.py).  The C code is built at -O0 here: the build is what is tested, not
its speed, and -O3 takes the C compiler several minutes (bench/run.py ``--compiled`` measures an
-O3 build).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, require

pytestmark = pytest.mark.slow

#: The tests run against the compiled install: the golden files (SVG, HTML, fit) and the layout's own.
SUITE = ("tests/test_svg.py", "tests/test_html.py", "tests/test_fit.py", "tests/test_layout.py",
         "tests/test_fast_layout.py", "tests/test_text_fast.py", "tests/test_svg_serialise.py",
         "tests/test_svg_writer.py", "tests/test_scale.py", "tests/test_ticks.py", "tests/test_cite.py",
         "tests/test_csv.py")


def compiled_modules() -> list[str]:
    """The module files pyproject.toml gives the mypyc hook."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]["include"]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the compiled wheel, a venv with it installed), built from a copy of the tree at -O0."""
    require(shutil.which(sysconfig.get_config_var("CC").split()[0]) is not None, "a C compiler (for mypyc)")
    work = tmp_path_factory.mktemp("compiled")
    src = work / "src"
    # A copy, because hatch-mypyc builds its extensions in place in the source tree.
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.so", ".cache", "out",
                                                             "build", "dist", ".hypothesis", "node_modules"))
    pyproject = src / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8")
                         + '\n[tool.hatch.build.targets.wheel.hooks.mypyc.options]\nopt_level = "0"\n',
                         encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "HATCH_BUILD_HOOK_ENABLE_MYPYC": "1"}
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(src)],
                          capture_output=True, text=True, env=env, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheels = sorted(work.glob("timeline_history-*.whl"))
    assert len(wheels) == 1, wheels
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheels[0]), "pytest", "hypothesis"],
                   check=True, timeout=1200)
    return wheels[0], env_dir


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the installed copy, not a work tree's


def test_wheel_holds_an_extension_per_listed_module(compiled: tuple[Path, Path]) -> None:
    """Each listed module is in the platform wheel as a C extension beside its .py."""
    wheel, _ = compiled
    assert not wheel.name.endswith("-none-any.whl"), wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    for module in compiled_modules():
        stem = module.removesuffix(".py")
        assert module in names
        assert any(re.fullmatch(re.escape(stem) + r"\.[^/]+\.so", n) for n in names), (module, names)


def test_compiled_modules_are_imported(compiled: tuple[Path, Path]) -> None:
    """``import`` finds the extensions (not the .py beside them) and the command line runs on them."""
    _, env_dir = compiled
    names = [m.removesuffix(".py").replace("/", ".") for m in compiled_modules()]
    code = f"import importlib\nfor n in {names!r}:\n    print(importlib.import_module(n).__file__)"
    out = subprocess.run([str(env_dir / "bin" / "python"), "-c", code], capture_output=True, text=True,
                         check=True, cwd="/", env=_env()).stdout.split()
    assert len(out) == len(names) and all(path.endswith(".so") for path in out), out


def test_suite_passes_against_the_compiled_build(compiled: tuple[Path, Path]) -> None:
    """The golden-file and layout tests pass with the compiled modules imported."""
    _, env_dir = compiled
    proc = subprocess.run([str(env_dir / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-m", "not browser", *(str(ROOT / t) for t in SUITE)],
                          capture_output=True, text=True, cwd="/", env=_env(), timeout=1800)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and " failed" not in proc.stdout
