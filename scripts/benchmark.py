#!/usr/bin/env python3
"""Speed: opedkit against its peers, measured in one run and printed as ratios.

    .venv/bin/python scripts/benchmark.py                  # every section
    .venv/bin/python scripts/benchmark.py --list           # the sections' names
    .venv/bin/python scripts/benchmark.py readability-warm readability-cold
    .venv/bin/python scripts/benchmark.py --quick          # fewer repeats

Speed is not tested in the unit tests (a loaded machine would make them flaky); it is
measured here, always next to a peer in the same run, so the *ratio* means something even
when the machine is busy. Each section is a named function in :data:`SECTIONS`: to add one,
write ``def my_section(ctx: Context) -> list[Row]`` and append ``Section("name", "what it
measures", my_section)``. Rows print as ``label  opedkit  peer  ratio  target``.

Sections so far:

readability-warm
    warm time per op-ed-sized document: ``opedkit.readability`` (seven formulas, consensus,
    opedkit_grade, as a DataFrame) vs textstat 0.7.8 computing the same seven formulas.
    Both have loaded their data first; every timed document is a different text made of
    paragraphs from the repository's own prose (textstat and opedkit both cache results per
    text, which would otherwise time a dictionary lookup; both also cache per word, and
    those caches fill as they would over a class's worth of op-eds). Target: opedkit at
    most 1/3 of textstat's time.
readability-cold
    a fresh interpreter, start to finish: ``python -m opedkit profile <op-ed>`` (when the
    command line exists; otherwise ``python -c`` importing opedkit and computing readability)
    vs ``python -c`` importing textstat and computing the seven formulas on the same file.
    The median of several alternating runs. Target: opedkit no slower than textstat.
readability-scaling
    time for 1x, 4x and 16x the op-ed, to check that time grows linearly with the text.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = ROOT / "seeds" / "000_36ac4c62ca04d7f5.txt"
TEXTSTAT_SEVEN = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


@dataclass
class Row:
    """One line of results: opedkit's figure, the peer's, and what opedkit should reach."""

    label: str
    ours: float
    peer: float
    unit: str = "ms"
    target: str = ""  # e.g. "<= 0.33": the ratio ours/peer should satisfy it

    @property
    def ratio(self) -> float:
        return self.ours / self.peer if self.peer else float("nan")

    def met(self) -> str:
        if not self.target:
            return ""
        op, value = self.target.split()
        ok = self.ratio <= float(value) if op == "<=" else self.ratio >= float(value)
        return "met" if ok else "NOT MET"


@dataclass
class Context:
    """What every section may use: repeat counts and the op-ed's text."""

    quick: bool = False
    oped: str = field(default_factory=lambda: SEED.read_text(encoding="utf-8"))

    @property
    def repeats(self) -> int:
        return 3 if self.quick else 7


@dataclass
class Section:
    name: str
    about: str
    run: Callable[[Context], list[Row]]


# --- inputs ---------------------------------------------------------------------------------


def paragraph_pool() -> list[str]:
    """Paragraphs of prose the repository holds: the bundled op-ed, the corpus paragraphs,
    the graded rewrites and the sample pages (headers and metadata lines left out)."""
    import opedkit

    pool = list(opedkit.bundled().paragraphs)
    files = [
        *sorted((ROOT / "data" / "corpus_paragraphs").glob("*.txt")),
        *sorted((ROOT / "data" / "readability" / "graded").glob("*.txt")),
        *sorted((ROOT / "data" / "pages").glob("*.txt")),
    ]
    for path in files:
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if len(block.split()) >= 40 and not block.startswith(("#", "title:", "---")):
                pool.append(block)
    return pool


def oped_sized_documents(n: int, seed: int = 2023) -> list[str]:
    """``n`` different op-ed-sized texts (about 850 words each) drawn from
    :func:`paragraph_pool` with a seeded random generator, each ending with a numbered
    sentence: every text differs, so no tool can answer from a per-text cache, while words
    recur across texts as they do across real op-eds."""
    import random

    pool = paragraph_pool()
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < 840:
            chosen.append(rng.choice(pool))
        docs.append("\n\n".join(chosen) + f"\n\nThis is variant number {i + 1} of the text.")
    return docs


def textstat_seven(text: str) -> list[float]:
    import textstat

    return [getattr(textstat, name)(text) for name in TEXTSTAT_SEVEN]


# --- sections -----------------------------------------------------------------------------


def readability_warm(ctx: Context) -> list[Row]:
    import opedkit

    n = 10 if ctx.quick else 30
    docs = oped_sized_documents(2 * n * ctx.repeats + 2)
    # warm up both: load tables and modules on texts that are not timed
    opedkit.readability(docs.pop())
    textstat_seven(docs.pop())
    ours_runs, peer_runs = [], []
    for r in range(ctx.repeats):
        batch_ours = docs[2 * r * n : (2 * r + 1) * n]
        batch_peer = docs[(2 * r + 1) * n : (2 * r + 2) * n]
        gc.collect()
        t0 = time.perf_counter()
        for d in batch_ours:
            opedkit.readability(d)
        t1 = time.perf_counter()
        for d in batch_peer:
            textstat_seven(d)
        t2 = time.perf_counter()
        ours_runs.append((t1 - t0) / n * 1000)
        peer_runs.append((t2 - t1) / n * 1000)
    # the shared text model alone (opedkit.tokenize + opedkit.segment), on other new texts
    from opedkit.segment import sentence_spans
    from opedkit.tokenize import word_tokens

    shared_runs = []
    for r in range(ctx.repeats):
        batch = oped_sized_documents(n, seed=100 + r)
        t0 = time.perf_counter()
        for d in batch:
            word_tokens(d)
            sentence_spans(d)
        shared_runs.append((time.perf_counter() - t0) / n * 1000)
    words = statistics.mean(len(opedkit.words(d)) for d in docs[:n])
    rows = [
        Row(
            f"warm, per op-ed-sized document (~{words:.0f} words; median of {ctx.repeats} x {n})",
            statistics.median(ours_runs),
            statistics.median(peer_runs),
            target="<= 0.333",
        )
    ]
    rows.append(
        Row(
            "  of which: opedkit's shared tokenizer and segmenter (opedkit.tokenize, .segment)",
            statistics.median(shared_runs),
            statistics.median(peer_runs),
        )
    )
    # the same, but every word is new to both tools: per-word caches emptied before each
    # document (the data files stay loaded)
    fresh = oped_sized_documents(2 * n, seed=7)
    ours_new, peer_new = [], []
    for d_ours, d_peer in zip(fresh[:n], fresh[n:], strict=True):
        clear_word_caches()
        t0 = time.perf_counter()
        opedkit.readability(d_ours)
        t1 = time.perf_counter()
        textstat_seven(d_peer)
        t2 = time.perf_counter()
        ours_new.append((t1 - t0) * 1000)
        peer_new.append((t2 - t1) * 1000)
    rows.append(
        Row(
            f"warm, all words new to both (per-word caches emptied; median of {n})",
            statistics.median(ours_new),
            statistics.median(peer_new),
        )
    )
    return rows


def clear_word_caches() -> None:
    """Empty opedkit's and textstat's per-word and per-text caches; keep loaded data."""
    import importlib
    import pkgutil

    import textstat.backend

    keep = {"get_cmudict", "get_pyphen", "get_lang_easy_words"}
    for info in pkgutil.walk_packages(textstat.backend.__path__, "textstat.backend."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if hasattr(obj, "cache_clear") and name not in keep:
                obj.cache_clear()
    readability = importlib.import_module("opedkit.readability")
    segment = importlib.import_module("opedkit.segment")
    syllables = importlib.import_module("opedkit.syllables")
    readability._form.cache_clear()
    readability._analyse.cache_clear()
    segment.sentence_spans.cache_clear()
    syllables.default_counter().trace.cache_clear()


def _time_subprocess(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return elapsed * 1000


def opedkit_cold_command() -> tuple[list[str], str]:
    """The cold opedkit run: the command line if it exists, else a python -c equivalent."""
    if (ROOT / "opedkit" / "__main__.py").exists():
        return [sys.executable, "-m", "opedkit", "profile", str(SEED)], "python -m opedkit profile"
    code = (
        "import sys, opedkit; "
        "print(opedkit.readability(opedkit.load(sys.argv[1]))['score'].to_string())"
    )
    return [sys.executable, "-c", code, str(SEED)], "python -c 'opedkit.readability(load(...))'"


def readability_cold(ctx: Context) -> list[Row]:
    ours_cmd, ours_label = opedkit_cold_command()
    peer_code = (
        "import sys, textstat; t = open(sys.argv[1], encoding='utf-8').read(); "
        f"print([getattr(textstat, n)(t) for n in {TEXTSTAT_SEVEN!r}])"
    )
    peer_cmd = [sys.executable, "-c", peer_code, str(SEED)]
    bare_cmd = [sys.executable, "-c", "pass"]
    ours, peer, bare = [], [], []
    _time_subprocess(ours_cmd)  # fill the OS file cache and compile .pyc files once
    _time_subprocess(peer_cmd)
    for _ in range(ctx.repeats):
        ours.append(_time_subprocess(ours_cmd))
        peer.append(_time_subprocess(peer_cmd))
        bare.append(_time_subprocess(bare_cmd))
    rows = [
        Row(
            f"cold, fresh interpreter on the bundled op-ed ({ours_label} vs textstat)",
            statistics.median(ours),
            statistics.median(peer),
            target="<= 1.0",
        ),
        Row(
            "  of which: an empty python start-up (both)",
            statistics.median(bare),
            statistics.median(bare),
        ),
    ]
    if ours_label.startswith("python -m"):
        # the command line does more than readability: also time readability alone
        code = (
            "import sys, opedkit; "
            "print(opedkit.readability(opedkit.load(sys.argv[1]))['score'].to_string())"
        )
        only = [sys.executable, "-c", code, str(SEED)]
        _time_subprocess(only)
        times = [_time_subprocess(only) for _ in range(ctx.repeats)]
        rows.append(
            Row(
                "cold, readability only (python -c import opedkit; readability(load(...)))",
                statistics.median(times),
                statistics.median(peer),
                target="<= 1.0",
            )
        )
    return rows


def readability_scaling(ctx: Context) -> list[Row]:
    import opedkit

    body = opedkit.bundled().body
    opedkit.readability(body + " Warm.")
    rows = []
    base = None
    for k in (1, 4, 16):
        text = "\n\n".join(f"{body} Copy {i}." for i in range(k))
        t0 = time.perf_counter()
        opedkit.readability(text)
        ms = (time.perf_counter() - t0) * 1000
        base = base or ms
        rows.append(Row(f"{k:>2}x the op-ed: time / (k x time for 1x)", ms, base * k, target=""))
    return rows


SECTIONS: list[Section] = [
    Section("readability-warm", "opedkit.readability vs textstat, warm", readability_warm),
    Section("readability-cold", "fresh interpreter, bundled op-ed", readability_cold),
    Section("readability-scaling", "time grows linearly with size", readability_scaling),
]


# --- printing -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sections", nargs="*", help="section names (default: all)")
    parser.add_argument("--list", action="store_true", help="list the sections and stop")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    if args.list:
        for s in SECTIONS:
            print(f"{s.name:<24} {s.about}")
        return 0
    chosen = [s for s in SECTIONS if not args.sections or s.name in args.sections]
    unknown = set(args.sections) - {s.name for s in SECTIONS}
    if unknown:
        print(f"unknown section(s): {', '.join(sorted(unknown))}; see --list", file=sys.stderr)
        return 2
    ctx = Context(quick=args.quick)
    print(f"python {sys.version.split()[0]}; ratio = opedkit / peer (lower is faster)\n")
    failed = False
    for section in chosen:
        print(f"[{section.name}] {section.about}")
        for row in section.run(ctx):
            status = row.met()
            failed |= status == "NOT MET"
            target = f"target {row.target:<8} {status}" if row.target else ""
            print(
                f"  {row.label}\n"
                f"      opedkit {row.ours:9.1f} {row.unit}   peer {row.peer:9.1f} {row.unit}"
                f"   ratio {row.ratio:5.2f}   {target}"
            )
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
