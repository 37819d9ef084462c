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
    from opedkit.segment import sentence_spans
    from opedkit.tokenize import word_tokens

    n = 60 if ctx.quick else 200
    docs = oped_sized_documents(n + 2)
    # warm up both: load tables and modules on texts that are not timed
    opedkit.readability(docs.pop())
    textstat_seven(docs.pop())
    ours, peer, shared = [], [], []
    for i, doc in enumerate(docs):
        # both tools measure the same new text, in alternating order (a busy machine's
        # slow moments then fall on both alike); the shared text model alone is timed on
        # a copy with one more line, so that no cache carries over
        pair = [(ours, opedkit.readability), (peer, textstat_seven)]
        for times, fn in pair if i % 2 else pair[::-1]:
            t0 = time.perf_counter()
            fn(doc)
            times.append((time.perf_counter() - t0) * 1000)
        copy = doc + "\n\nOne more line."
        t0 = time.perf_counter()
        word_tokens(copy)
        sentence_spans(copy)
        shared.append((time.perf_counter() - t0) * 1000)
    words = statistics.mean(len(opedkit.words(d)) for d in docs[:20])
    rows = [
        Row(
            f"warm, per op-ed-sized document (~{words:.0f} words; median of {len(docs)} texts)",
            statistics.median(ours),
            statistics.median(peer),
            target="<= 0.333",
        ),
        Row(
            "  of which: opedkit's shared tokenizer and segmenter (opedkit.tokenize, .segment)",
            statistics.median(shared),
            statistics.median(peer),
        ),
    ]
    # the same, but every word is new to both tools: per-word caches emptied before each
    # document (the data files stay loaded)
    fresh = oped_sized_documents(n // 2, seed=7)
    ours_new, peer_new = [], []
    for i, doc in enumerate(fresh):
        pair = [(ours_new, opedkit.readability), (peer_new, textstat_seven)]
        for times, fn in pair if i % 2 else pair[::-1]:
            clear_word_caches()
            t0 = time.perf_counter()
            fn(doc)
            times.append((time.perf_counter() - t0) * 1000)
    rows.append(
        Row(
            f"warm, all words new to both (per-word caches emptied; median of {len(fresh)})",
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
        label = f"{k:>2}x the op-ed (peer column: {k} x the 1x time, i.e. exactly linear)"
        rows.append(Row(label, ms, base * k, target="<= 1.25"))
    return rows


# --- corpus throughput (owner: corpus mode / CLI; see docs/cli.md) ---------------------------
# The whole profile (readability, stance, questions, attribution) over synthetic op-eds made
# by scripts/make_corpus.py, read from files by profile_corpus on every core and in one
# process, against textstat's seven formulas on the same files, in the same run.
# Fair to both: each tool warms up on the same extra text, which is not timed (it loads its
# data); each then meets every timed text for the first time. Both tools also cache work per
# word, and those caches fill as the run goes. The all-core run goes first: its workers start
# from this process as it is after the warm-up, and so does the one-process run after it
# (workers fill only their own caches), so neither opedkit run finds words that an earlier
# opedkit run saw -- any more than textstat does.


def corpus_throughput(ctx: Context) -> list[Row]:
    import os
    import tempfile
    import warnings

    from opedkit.document import load
    from opedkit.profile import _SECTIONS, _fewer_collections, _Shared, profile_corpus

    sys.path.insert(0, str(ROOT / "scripts"))
    from make_corpus import make_texts

    n = 100 if ctx.quick else 500
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    texts = make_texts(n + 1, seed=2024)
    warm_name, warm_text = texts.pop()
    with tempfile.TemporaryDirectory(prefix="opedkit-corpus-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for name, text in texts:
            (folder / name).write_text(text, encoding="utf-8")
        files = sorted(folder.glob("*.txt"))
        warm = Path(tmp) / warm_name
        warm.write_text(warm_text, encoding="utf-8")
        textstat_seven(warm.read_text(encoding="utf-8"))  # the same untimed text for both
        profile_corpus([warm], workers=1, progress=False)
        gc.collect()
        t0 = time.perf_counter()
        for path in files:
            textstat_seven(path.read_text(encoding="utf-8"))
        t1 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            every = profile_corpus(folder, workers=None, progress=False)
            t2 = time.perf_counter()
            one = profile_corpus(folder, workers=1, progress=False)
            t3 = time.perf_counter()
        if not ((one["error"] == "").all() and one.equals(every)):
            raise RuntimeError("the one-process and all-core corpus tables differ")
    # where one process spends its time, section by section, on 100 more texts of the kind
    # (new to the per-text caches; as in the runs above, their words recur across texts),
    # with the collector set as profile_corpus sets it
    spent: dict[str, float] = {}
    sample = make_texts(min(n, 100), seed=7)
    with tempfile.TemporaryDirectory(prefix="opedkit-sample-") as tmp, _fewer_collections():
        for name, text in sample:
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            a = time.perf_counter()
            doc = load(path)
            shared = _Shared(doc)
            b = time.perf_counter()
            spent["load, tokenize"] = spent.get("load, tokenize", 0.0) + b - a
            for module, section in _SECTIONS:
                a = time.perf_counter()
                section(doc, shared)
                key = (module or "text counts").removeprefix("opedkit.")
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - a
    peer = (t1 - t0) / n * 1000
    words = statistics.mean(len(p.split()) for _, p in texts[:50])
    rows = [
        Row(
            f"corpus of {n} op-eds (~{words:.0f} words), ms per text: profile_corpus, {label} "
            f"({1000 / ms:.1f} texts/s) vs textstat's 7 formulas ({1000 / peer:.1f} texts/s)",
            ms,
            peer,
            target="<= 0.333",
        )
        for label, ms in (
            ("1 process", (t3 - t2) / n * 1000),
            (f"all {cores} cores", (t2 - t1) / n * 1000),
        )
    ]
    for key, seconds in spent.items():
        label = f"  of which (1 process, {len(sample)} other texts): {key}"
        rows.append(Row(label, seconds / len(sample) * 1000, peer))
    return rows


# --- end of corpus throughput ------------------------------------------------------------------


# --- stance (owner: stance; see docs/stance.md, issue 3) ---------------------------------------


def stance_warm(ctx: Context) -> list[Row]:
    """opedkit.stance vs opedkit.readability on the same new op-ed-sized texts, warm.

    The peer is opedkit's own readability: issue 3 asks that finding hedges, boosters,
    attitude markers and predictive modals cost no more than readability on the same text.
    Both run on every text, in alternating order; each text is new to both (no per-text
    cache answers).
    """
    import opedkit

    n = 40 if ctx.quick else 150
    docs = oped_sized_documents(n + 1, seed=11)
    warm = docs.pop()
    opedkit.stance(warm)  # load the lexicon trie and the modules
    opedkit.readability(warm)
    ours, peer = [], []
    for i, doc in enumerate(docs):
        pair = [(ours, opedkit.stance), (peer, opedkit.readability)]
        for times, fn in pair if i % 2 else pair[::-1]:
            t0 = time.perf_counter()
            fn(doc)
            times.append((time.perf_counter() - t0) * 1000)
    return [
        Row(
            f"stance vs readability, per op-ed-sized document (median of {len(docs)} texts)",
            statistics.median(ours),
            statistics.median(peer),
            target="<= 1.0",
        )
    ]


# --- end of stance -----------------------------------------------------------------------------


SECTIONS: list[Section] = [
    Section("readability-warm", "opedkit.readability vs textstat, warm", readability_warm),
    Section("readability-cold", "fresh interpreter, bundled op-ed", readability_cold),
    Section("readability-scaling", "time grows linearly with size", readability_scaling),
    Section("corpus-throughput", "profile_corpus on 500 op-eds vs textstat", corpus_throughput),
    Section("stance-warm", "opedkit.stance vs opedkit.readability, warm", stance_warm),
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
