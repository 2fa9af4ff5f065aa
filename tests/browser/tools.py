"""Find the browser-test tools, or skip (fail under ``TIMELINE_REQUIRE_ALL=1``) with a reason.

Install vnu-jar and axe-core with ``sh tests/browser/install.sh``; both
this module and the script use ``$TIMELINE_NODE_DIR`` (default
``tests/.cache/node``).  Chromium is ``$TIMELINE_CHROMIUM`` or
``/usr/bin/chromium``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


__all__ = ["CHROMIUM_ARGS", "axe_script", "chromium_path", "java_path", "missing", "node_dir", "vnu_jar"]

ROOT = Path(__file__).resolve().parents[2]

#: Flags that keep Chromium from phoning home and let it run as root in CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing(reason: str) -> None:
    """Skip with ``reason``, or fail when CI asked for every test (TIMELINE_REQUIRE_ALL=1)."""
    from conftest import require

    require(False, f"{reason}; run: sh tests/browser/install.sh")


def node_dir() -> Path:
    """Where install.sh put node_modules."""
    return Path(os.environ.get("TIMELINE_NODE_DIR") or ROOT / "tests" / ".cache" / "node")


def chromium_path() -> str:
    """The Chromium executable, or skip."""
    path = os.environ.get("TIMELINE_CHROMIUM") or "/usr/bin/chromium"
    if not Path(path).exists():
        missing(f"no Chromium at {path}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("the Python package playwright is not installed")
    return path


def java_path() -> str:
    """The java executable, or skip."""
    java = shutil.which("java")
    if java is None:
        missing("java is not installed (needed by the Nu HTML Checker)")
    return java


def vnu_jar() -> Path:
    """The Nu HTML Checker jar from the npm package vnu-jar, or skip."""
    jar = node_dir() / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file():
        missing(f"vnu.jar not found at {jar}")
    return jar


def axe_script() -> Path:
    """axe.min.js from the npm package axe-core, or skip."""
    script = node_dir() / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        missing(f"axe.min.js not found at {script}")
    return script
