#!/usr/bin/env python3
"""Set up opedkit and run its jobs with one command each (only Python 3.11+ needed).

    python3 tasks.py start     set up, then profile the bundled op-ed and build the lessons as HTML
    python3 tasks.py lab       set up, then open the lessons in JupyterLab
    python3 tasks.py test      set up, then run every check: lint, format, types, tests, notebooks,
                               and the browser test (installs Debian's chromium when it can)
    python3 tasks.py browser   set up, then run only the browser tests
    python3 tasks.py lessons   re-run the lessons and store their outputs (after a counter changed)

Each command creates a virtual environment in ``.venv`` if there is none, and installs the
project into it (editable), so a fresh clone needs nothing else. Set OPEDKIT_VENV to use
another folder. Nothing here downloads data at run time: only packages, from the package
registries, during set-up.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("OPEDKIT_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def say(msg: str) -> None:
    print(f"[tasks] {msg}", flush=True)


def run(*cmd: str | Path, check: bool = True, env: dict[str, str] | None = None) -> int:
    say(" ".join(str(c) for c in cmd))
    rc = subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)
    if check and rc != 0:
        say(f"failed (exit {rc}): {' '.join(str(c) for c in cmd)}")
        sys.exit(rc)
    return rc


def ensure_venv(extra: str) -> None:
    """Create .venv if missing and install the project with ``extra``; skip when unchanged."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an old Python
        sys.exit("opedkit needs Python 3.11 or newer; run this script with python3.11.")
    if not PY.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".opedkit-installed-{extra}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extra}]")
    stamp.write_text(digest)


def ensure_chromium() -> str | None:
    """Return a Chromium executable for the browser tests, installing Debian's when allowed.

    Order: $OPEDKIT_CHROMIUM, then ``chromium``/``chromium-browser`` on PATH, then Debian's
    ``chromium`` package via apt-get (only as root, from the package registry). Playwright's
    Python package drives this browser through its executable path: nothing runs
    ``playwright install`` and no browser is downloaded. None (with the reason said) when
    there is no Chromium: the browser tests then report themselves as skipped.
    """
    given = os.environ.get("OPEDKIT_CHROMIUM")
    if given:
        if os.access(given, os.X_OK):
            return given
        say(f"OPEDKIT_CHROMIUM={given} is not an executable file; looking for chromium")

    def found() -> str | None:
        return shutil.which("chromium") or shutil.which("chromium-browser")

    if found():
        return found()
    apt = shutil.which("apt-get")
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if not apt:
        say("no Chromium on PATH and no apt-get to install Debian's chromium package")
        return None
    if not is_root:
        say("no Chromium on PATH; as root: apt-get install chromium (or set OPEDKIT_CHROMIUM)")
        return None
    say("installing Debian's chromium package for the browser tests (apt-get)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if run(apt, "update", "-qq", check=False, env=env) != 0:
        say("apt-get update failed")
    install = (apt, "install", "-y", "-qq", "--no-install-recommends", "chromium")
    if run(*install, check=False, env=env) != 0:
        say("apt-get install chromium failed")
    return found()


def browser_env() -> dict[str, str]:
    """The environment for pytest, with OPEDKIT_CHROMIUM set when a Chromium is available."""
    env = dict(os.environ)
    chromium = ensure_chromium()
    if chromium:
        env["OPEDKIT_CHROMIUM"] = chromium
    else:
        say("no Chromium could be installed here: the browser tests will be reported as skipped")
    return env


def cmd_test(args: list[str]) -> None:
    ensure_venv("test")
    env = browser_env()
    run(BIN / "ruff", "check", "opedkit", "tests", "scripts", "tasks.py")
    run(BIN / "ruff", "format", "--check", "opedkit", "tests", "scripts", "tasks.py")
    run(BIN / "mypy")
    workers = ["-n", "2"] if not args else []
    run(BIN / "pytest", *workers, *args, env=env)
    run(
        BIN / "pytest",
        "--nbval",
        "--nbval-sanitize-with",
        "tests/nbval_sanitize.cfg",
        "-p",
        "no:randomly",
        "notebooks",
        env=env,
    )


def cmd_start(args: list[str]) -> None:
    ensure_venv("lessons")
    run(BIN / "opedkit", "profile", *(args or ["--bundled"]))
    run(PY, "scripts/build_lessons.py")


def cmd_lab(args: list[str]) -> None:
    ensure_venv("lessons")
    run(BIN / "jupyter", "lab", "notebooks/00_start_here.ipynb", *args)


def cmd_lessons(args: list[str]) -> None:
    """Re-run the lessons on fresh kernels and store their outputs (after a counter changed)."""
    ensure_venv("lessons")
    run(PY, "scripts/build_lessons.py", "--store", *args)


def cmd_browser(args: list[str]) -> None:
    """Only the browser tests: JupyterLab and the HTML report in headless Chromium."""
    ensure_venv("test")
    env = browser_env()
    run(BIN / "pytest", "-m", "browser", "-v", *args, env=env)


COMMANDS = {
    "start": cmd_start,
    "test": cmd_test,
    "lab": cmd_lab,
    "lessons": cmd_lessons,
    "browser": cmd_browser,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
