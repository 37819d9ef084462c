#!/usr/bin/env python3
"""How good is opedkit's syllable count on words the dictionary does not know?

    .venv/bin/python scripts/evaluate_syllables.py [--seed 2023] [--share 0.05]

1. **Hidden dictionary words.** A seeded random 5% of the CMU dictionary's entries are
   hidden: removed from the lookup table *and* from the fallback's training (the fallback is
   retrained here on the other 95%). Each hidden word is then counted the way opedkit counts
   an unknown word, and compared with the dictionary's count. Pyphen (what textstat 0.7.8
   falls back on for words missing from the CMU dictionary: hyphenation points + 1, en_US)
   is scored on the same words.
2. **Realistic unknown words.** ``data/readability/oov_syllables.tsv``: names, places and
   new words from the op-ed's world, none of them in the CMU dictionary, counted by hand.
   Scored for opedkit (shipped tables), Pyphen and textstat 0.7.8's ``syllable_count``.

Takes about two minutes (retraining the fallback). Prints plain tables.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_syllable_table import (  # noqa: E402
    cmudict_path,
    read_cmudict,
    train_fallback,
    training_words,
)

from opedkit.syllables import SyllableCounter, default_counter  # noqa: E402

OOV_FILE = ROOT / "data" / "readability" / "oov_syllables.tsv"


def pyphen_count(dic: object, word: str) -> int:
    """textstat 0.7.8's fallback: Pyphen hyphenation points + 1."""
    return len(dic.positions(word)) + 1  # type: ignore[attr-defined]


def accuracy(hits: int, total: int) -> str:
    return f"{hits / total:6.1%} ({hits:,}/{total:,})" if total else "   n/a"


def hidden_words(seed: int, share: float) -> None:
    import pyphen

    lexicon = read_cmudict(cmudict_path())
    entries = sorted(lexicon)
    hidden = set(random.Random(seed).sample(entries, round(share * len(entries))))
    visible = {w: n for w, n in lexicon.items() if w not in hidden}
    print(
        f"CMU dictionary: {len(entries):,} entries; "
        f"hidden {len(hidden):,} ({share:.0%}, seed {seed})"
    )
    print("retraining the fallback without the hidden words ...", flush=True)
    model = train_fallback(training_words(visible))
    spoken = default_counter().spoken
    counter = SyllableCounter(visible, model, spoken)
    dic = pyphen.Pyphen(lang="en_US")

    plain = sorted(w for w in hidden if re.fullmatch(r"[a-z]+", w) and lexicon[w] > 0)
    others = sorted(w for w in hidden if w not in set(plain))
    ours = {w: counter.trace(w) for w in hidden}
    by_source: dict[str, list[bool]] = collections.defaultdict(list)
    for w in plain:
        by_source[ours[w].source].append(ours[w].syllables == lexicon[w])
    hits = sum(ours[w].syllables == lexicon[w] for w in plain)
    pyph = sum(pyphen_count(dic, w) == lexicon[w] for w in plain)
    within1 = sum(abs(ours[w].syllables - lexicon[w]) <= 1 for w in plain)
    print()
    print(f"Hidden plain a-z words (n = {len(plain):,}): exact syllable count")
    print(
        f"  opedkit (rules + fallback) {accuracy(hits, len(plain))}"
        f"   within 1: {within1 / len(plain):.1%}"
    )
    for source, oks in sorted(by_source.items()):
        print(f"    via {source:<14} {accuracy(sum(oks), len(oks))}")
    print(f"  Pyphen (textstat's fallback) {accuracy(pyph, len(plain))}")
    other_hits = sum(ours[w].syllables == lexicon[w] for w in others)
    print(
        f"Hidden entries with ' . - (n = {len(others):,}): "
        f"opedkit {accuracy(other_hits, len(others))}"
    )
    errors = collections.Counter(ours[w].syllables - lexicon[w] for w in plain)
    print(
        "  opedkit error (counted - dictionary): "
        + ", ".join(f"{d:+d}: {n}" for d, n in sorted(errors.items()) if d)
    )


def realistic_words() -> None:
    import pyphen
    import textstat

    lexicon = read_cmudict(cmudict_path())
    rows = []
    for line in OOV_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("word\t") or not line.strip():
            continue
        word, n, kind, _said = line.split("\t")
        rows.append((word, int(n), kind))
    in_dict = [w for w, _, _ in rows if w.lower() in lexicon]
    if in_dict:
        print(f"WARNING: in the CMU dictionary, so not unknown: {', '.join(in_dict)}")
    dic = pyphen.Pyphen(lang="en_US")
    counter = default_counter()
    ours = [counter.count(w) == n for w, n, _ in rows]
    pyph = [pyphen_count(dic, w.lower()) == n for w, n, _ in rows]
    tstat = [textstat.syllable_count(w) == n for w, n, _ in rows]
    print()
    print(
        f"Hand-counted words not in the CMU dictionary "
        f"({OOV_FILE.relative_to(ROOT)}, n = {len(rows)})"
    )
    print(f"  opedkit             {accuracy(sum(ours), len(rows))}")
    print(f"  Pyphen              {accuracy(sum(pyph), len(rows))}")
    print(f"  textstat 0.7.8      {accuracy(sum(tstat), len(rows))}")
    kinds = sorted({k for _, _, k in rows})
    for kind in kinds:
        idx = [i for i, (_, _, k) in enumerate(rows) if k == kind]
        print(
            f"    {kind:<13} opedkit {sum(ours[i] for i in idx)}/{len(idx)}"
            f"  Pyphen {sum(pyph[i] for i in idx)}/{len(idx)}"
            f"  textstat {sum(tstat[i] for i in idx)}/{len(idx)}"
        )
    misses = [
        f"{w} ({counter.count(w)} for {n})"
        for (w, n, _), ok in zip(rows, ours, strict=True)
        if not ok
    ]
    print("  opedkit misses: " + (", ".join(misses) or "none"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--share", type=float, default=0.05)
    parser.add_argument("--skip-hidden", action="store_true", help="only the hand-counted list")
    args = parser.parse_args(argv)
    if not args.skip_hidden:
        hidden_words(args.seed, args.share)
    realistic_words()
    return 0


if __name__ == "__main__":
    sys.exit(main())
