#!/usr/bin/env python3
"""Run every lesson headlessly and write HTML copies; optionally refresh the stored outputs.

    python scripts/build_lessons.py            execute all lessons, write lessons-html/*.html
    python scripts/build_lessons.py --store    ... and write the executed notebooks back in
                                               place (the outputs nbval compares)
    python scripts/build_lessons.py 03 07      only the lessons whose names start with these

Each notebook runs on a fresh kernel, in its own folder (as in JupyterLab), in lesson order,
with ``OPEDKIT_WORK`` pointing at an empty temporary folder: stored outputs never depend on
anyone's saved answers, and a build never touches a student's ``my-work``. Widget state is
not stored (``store_widget_state=False``): the HTML copies and GitHub show each widget's
static fallback instead, and the notebook files stay free of volatile model ids.

The notebooks are written without ``language_info.version`` (which would change the files
with every Python patch release). The timing of each lesson and of the whole sequence is
printed at the end: wall-clock seconds on this machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "lessons-html"


def lesson_paths(prefixes: list[str]) -> list[Path]:
    """The lessons in order (00…07), then the teacher's notebooks."""
    found = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(
        (NOTEBOOKS / "teacher").glob("*.ipynb")
    )
    if prefixes:
        found = [p for p in found if any(p.name.startswith(x) for x in prefixes)]
    return found


def execute(path: Path, work: Path) -> tuple[object, float]:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    os.environ["OPEDKIT_WORK"] = str(work)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def clean_metadata(nb: object) -> None:
    meta = nb.metadata  # type: ignore[attr-defined]
    meta.pop("widgets", None)
    info = meta.get("language_info")
    if isinstance(info, dict):
        info.pop("version", None)


def write_html(nb: object, path: Path) -> Path:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb)
    rel = path.relative_to(NOTEBOOKS).with_suffix(".html")
    target = OUT / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, "utf-8")
    return target


def write_index(made: list[Path]) -> None:
    items = "\n".join(
        f'<li><a href="{p.relative_to(OUT).as_posix()}">{p.stem.replace("_", " ")}</a></li>'
        for p in made
    )
    (OUT / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>opedkit lessons</title>"
        "<h1>opedkit: the lessons</h1><p>Static copies (widgets show a still view; open the "
        f"notebooks in JupyterLab to use them).</p><ol>{items}</ol>\n",
        "utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*", help="name prefixes (e.g. 03); default: all")
    parser.add_argument(
        "--store", action="store_true", help="write executed notebooks back in place"
    )
    parser.add_argument("--no-html", action="store_true", help="skip the HTML copies")
    args = parser.parse_args()

    import nbformat

    paths = lesson_paths(args.lessons)
    if not paths:
        print("no lessons matched", args.lessons, file=sys.stderr)
        return 2
    made: list[Path] = []
    timings: list[tuple[str, float]] = []
    total_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="opedkit-build-") as tmp:
        for path in paths:
            rel = path.relative_to(ROOT)
            print(f"[build] {rel} …", flush=True)
            try:
                nb, seconds = execute(path, Path(tmp) / "my-work")
            except Exception as exc:  # report which lesson failed and why, then stop
                print(f"[build] {rel} FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
            timings.append((str(rel), seconds))
            clean_metadata(nb)
            if args.store:
                nbformat.write(nb, path)  # type: ignore[arg-type]
            if not args.no_html:
                made.append(write_html(nb, path))
    total = time.perf_counter() - total_start
    if made and not args.lessons:
        write_index(made)
    for name, seconds in timings:
        print(f"[build] {seconds:6.1f} s  {name}")
    print(f"[build] {total:6.1f} s  all {len(timings)} notebooks (wall clock, with kernel starts)")
    if made:
        print(f"[build] HTML copies in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
