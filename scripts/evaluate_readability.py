#!/usr/bin/env python3
"""How well do the readability measures rank texts the way people do?

    .venv/bin/python scripts/evaluate_readability.py [--no-clear]

1. **Graded rewrites** (``data/readability/graded/``: five articles, each written in three
   levels by the project): for every measure, the share of same-article pairs it orders
   correctly (level 3 harder than level 2 harder than level 1; 15 pairs), and how many
   articles it puts fully in order.
2. **The bundled op-ed against textstat 0.7.8**: every count and score side by side
   (docs/readability.md explains each difference).
3. **Teachers' judgments** (``../shared/data/clear-dev.csv``, 1,000 CLEAR excerpts, if
   present): Spearman correlation of each measure with ``BT_easiness`` (sign turned so that
   agreeing with the teachers is positive). For opedkit_grade, which was fitted on these
   excerpts, the in-sample figure is printed next to the 10-fold cross-validated one
   (the shipped feature set, refitted on nine tenths and scored on the held-out tenth).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from opedkit.readability import MEASURES, grade_model, readability  # noqa: E402

GRADED = ROOT / "data" / "readability" / "graded"
CLEAR = ROOT.parent / "shared" / "data" / "clear-dev.csv"


def harder(name: str, a: float, b: float) -> bool:
    """Does the measure say text a is harder than text b?"""
    return a < b if name == "flesch_reading_ease" else a > b


def graded_rewrites() -> None:
    files = sorted(GRADED.glob("*_[123].txt"))
    articles: dict[str, dict[int, pd.Series]] = {}
    for path in files:
        article, level = path.stem.rsplit("_", 1)
        scores = readability(path.read_text(encoding="utf-8"))["score"]
        articles.setdefault(article, {})[int(level)] = scores
    print(f"Graded rewrites: {len(articles)} articles x 3 levels ({GRADED.relative_to(ROOT)})")
    print(f"  {'measure':<30} {'pairs in order':>16} {'articles in order':>18}")
    for name in MEASURES:
        good = total = whole = 0
        for levels in articles.values():
            ok_all = True
            for lo, hi in itertools.combinations(sorted(levels), 2):
                ok = harder(name, levels[hi][name], levels[lo][name])
                good += ok
                total += 1
                ok_all &= ok
            whole += ok_all
        print(f"  {name:<30} {good:>6}/{total} {good / total:6.1%} {whole:>12}/{len(articles)}")
    print("\n  opedkit_grade by article and level:")
    for article, levels in articles.items():
        grades = "  ".join(f"L{lv} {levels[lv]['opedkit_grade']:5.1f}" for lv in sorted(levels))
        print(f"    {article:<12} {grades}")


def against_textstat() -> None:
    """The bundled op-ed measured by opedkit and by textstat 0.7.8: counts and scores."""
    import textstat

    import opedkit

    body = opedkit.bundled().body
    ours = readability(body)
    fk = ours.loc["flesch_kincaid_grade"]
    print("\nThe bundled op-ed, opedkit vs textstat 0.7.8")
    counts = [
        ("words", fk["words"], textstat.lexicon_count(body)),
        ("sentences", fk["sentences"], textstat.sentence_count(body)),
        ("syllables", fk["syllables"], textstat.syllable_count(body)),
        ("polysyllables (SMOG)", ours.loc["smog_index", "polysyllables"],
         textstat.polysyllabcount(body)),
        ("complex words (Fog)", ours.loc["gunning_fog", "complex_words"],
         textstat.difficult_words(body, syllable_threshold=3, unique=False)),
        ("letters (Coleman-Liau)", ours.loc["coleman_liau_index", "letters"],
         textstat.letter_count(body)),
        ("characters (ARI)", ours.loc["automated_readability_index", "characters"],
         textstat.char_count(body)),
        ("difficult words (Dale-Chall)", ours.loc["dale_chall", "difficult_words"],
         textstat.difficult_words(body, syllable_threshold=0, unique=False)),
    ]  # fmt: skip
    print(f"  {'count':<30} {'opedkit':>8} {'textstat':>9}")
    for label, a, b in counts:
        print(f"  {label:<30} {int(a):>8} {int(b):>9}")
    peers = {
        "flesch_reading_ease": textstat.flesch_reading_ease,
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
        "gunning_fog": textstat.gunning_fog,
        "smog_index": textstat.smog_index,
        "coleman_liau_index": textstat.coleman_liau_index,
        "automated_readability_index": textstat.automated_readability_index,
        "dale_chall": textstat.dale_chall_readability_score,
    }
    print(f"  {'score':<30} {'opedkit':>8} {'textstat':>9}")
    for name, peer in peers.items():
        print(f"  {name:<30} {ours.loc[name, 'score']:>8.2f} {peer(body):>9.2f}")
    print(f"  {'consensus / text_standard':<30} {ours.loc['consensus', 'score']:>8.2f} "
          f"{textstat.text_standard(body, float_output=True):>9.2f}")  # fmt: skip


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra, rb = pd.Series(a).rank().to_numpy(), pd.Series(b).rank().to_numpy()
    return float(np.corrcoef(ra, rb)[0, 1])


def teachers(path: Path) -> None:
    from calibrate_grade import cross_validated, design, excerpt_features

    clear = pd.read_csv(path)
    y = clear["BT_easiness"].to_numpy(dtype=float)
    feats, scores = zip(*(excerpt_features(str(t)) for t in clear["Excerpt"]), strict=True)
    table, formulas = pd.DataFrame(list(feats)), pd.DataFrame(list(scores))
    model = grade_model()
    names = tuple(f["name"] for f in model["features"])
    cv_mean, cv_sd = cross_validated(design(table, names, model["rare_below_zipf"]), y)
    print(f"\nTeachers' judgments: {path} ({len(y)} excerpts), Spearman with BT_easiness")
    for name in MEASURES:
        sign = 1 if name == "flesch_reading_ease" else -1
        rho = spearman(sign * formulas[name].to_numpy(dtype=float), y)
        extra = ""
        if name == "opedkit_grade":
            extra = f"  (in-sample; 10-fold cross-validated: {cv_mean:.3f} ± {cv_sd:.3f})"
        print(f"  {name:<30} {rho:+.3f}{extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clear", type=Path, default=CLEAR)
    parser.add_argument("--no-clear", action="store_true", help="skip the CLEAR figures")
    args = parser.parse_args(argv)
    graded_rewrites()
    against_textstat()
    if not args.no_clear:
        if args.clear.exists():
            teachers(args.clear)
        else:
            print(f"\n{args.clear}: not found, CLEAR figures skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
