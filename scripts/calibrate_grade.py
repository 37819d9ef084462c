#!/usr/bin/env python3
"""Fit opedkit_grade's coefficients on teachers' judgments (CLEAR), and compare the formulas.

    .venv/bin/python scripts/calibrate_grade.py            # print the figures, write the json
    .venv/bin/python scripts/calibrate_grade.py --dry-run  # print only

Data: ``../shared/data/clear-dev.csv`` (1,000 excerpts of the CommonLit Ease of Readability
corpus with ``BT_easiness``, teachers' pairwise judgments turned into a Bradley-Terry
easiness score; higher = easier). Crossley, S., Heintz, A., Choi, J. S., Batchelor, J.,
Karimi, M. & Malatinszky, A. (2022). A large-scaled corpus for assessing text readability.
Behavior Research Methods. Licence CC BY-NC-SA 4.0: the excerpts stay outside the repository
and the package; only the fitted coefficients are shipped.

What it does:

1. counts every excerpt with opedkit (the same code as ``readability()``) and computes the
   candidate features: words per sentence, syllables per word, characters per word, mean
   word frequency (Zipf, wordfreq), the share of rare words (Zipf below a threshold) and the
   share of words not on the Dale-Chall list of familiar words;
2. Spearman correlation of each classic formula with BT_easiness (sign turned so that
   agreeing with the teachers is positive; no fitting, so no cross-validation needed);
3. for each candidate model (feature set, rare-word threshold): ordinary least squares
   predicting BT_easiness, scored by 10-fold cross-validated Spearman, repeated over 5
   seeded shuffles; the simplest model within 0.005 of the best is kept, and it must be
   monotone (every weight says "harder" in the expected direction);
4. the kept model is refitted on all 1,000 excerpts and put on the Flesch-Kincaid grade
   scale by a linear rescaling (on these excerpts, opedkit_grade has the same mean and
   standard deviation as the Flesch-Kincaid grade; a monotone change, so it ranks exactly
   as the fitted easiness does);
5. writes ``opedkit/data/readability_grade.json`` with the coefficients and provenance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from opedkit.readability import (  # noqa: E402
    MEASURES,
    Counts,
    _analyse,
    readability,
)

DATA = ROOT.parent / "shared" / "data" / "clear-dev.csv"
OUT = ROOT / "opedkit" / "data" / "readability_grade.json"
SEED = 20231
FOLDS = 10
REPEATS = 5
THRESHOLDS = (3.0, 3.5, 4.0)
FEATURES = (
    "words_per_sentence",
    "syllables_per_word",
    "characters_per_word",
    "mean_zipf",
    "rare_share",
    "unfamiliar_share",
)
# the direction of "harder" for each feature: + means a larger value makes a text harder
HARDER = {
    "words_per_sentence": +1,
    "syllables_per_word": +1,
    "characters_per_word": +1,
    "mean_zipf": -1,
    "rare_share": +1,
    "unfamiliar_share": +1,
}


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra = pd.Series(a).rank().to_numpy()
    rb = pd.Series(b).rank().to_numpy()
    return float(np.corrcoef(ra, rb)[0, 1])


def excerpt_features(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """Candidate features (rare shares for every threshold) and the formulas' scores."""
    analysis = _analyse(text)
    c: Counts = analysis.total
    zipfs = [w.zipf for w in analysis.words if w.zipf is not None]
    numbers = c.words - len(zipfs)  # numbers have no frequency and are never rare
    feats = {
        "words_per_sentence": c.words / c.sentences,
        "syllables_per_word": c.syllables / c.words,
        "characters_per_word": c.characters / c.words,
        "mean_zipf": float(np.mean(zipfs)),
        "unfamiliar_share": c.difficult_words / c.words,
    }
    for t in THRESHOLDS:
        feats[f"rare_share@{t}"] = sum(z < t for z in zipfs) / (len(zipfs) + numbers)
    scores = readability(text)["score"].to_dict()
    return feats, scores


def design(table: pd.DataFrame, features: tuple[str, ...], threshold: float) -> np.ndarray:
    cols = [f"rare_share@{threshold}" if f == "rare_share" else f for f in features]
    return table[cols].to_numpy(dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least squares with an intercept: coefficients [intercept, b1, b2, ...]."""
    a = np.column_stack([np.ones(len(x)), x])
    coef, *_ = np.linalg.lstsq(a, y, rcond=None)
    return coef


def predict(coef: np.ndarray, x: np.ndarray) -> np.ndarray:
    return coef[0] + x @ coef[1:]


def cross_validated(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of held-out Spearman over FOLDS x REPEATS folds."""
    rng = np.random.default_rng(SEED)
    scores = []
    for _ in range(REPEATS):
        order = rng.permutation(len(y))
        for fold in np.array_split(order, FOLDS):
            train = np.setdiff1d(order, fold)
            coef = fit(x[train], y[train])
            scores.append(spearman(predict(coef, x[fold]), y[fold]))
    return float(np.mean(scores)), float(np.std(scores))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dry-run", action="store_true", help="do not write the json")
    args = parser.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"{args.data}: not found. Put CLEAR's clear-dev.csv there (see its README).")
    clear = pd.read_csv(args.data)
    print(f"{args.data}: {len(clear)} excerpts")
    rows, formula_rows = [], []
    for text in clear["Excerpt"]:
        feats, scores = excerpt_features(str(text))
        rows.append(feats)
        formula_rows.append(scores)
    table = pd.DataFrame(rows)
    formulas = pd.DataFrame(formula_rows)
    y = clear["BT_easiness"].to_numpy(dtype=float)

    print("\nClassic formulas vs BT_easiness (Spearman; + = ranks like the teachers)")
    formula_rho = {}
    for name in MEASURES:
        if name == "opedkit_grade":
            continue
        sign = 1 if name == "flesch_reading_ease" else -1
        rho = spearman(sign * formulas[name].to_numpy(dtype=float), y)
        formula_rho[name] = round(rho, 3)
        print(f"  {name:<30} {rho:+.3f}")
    print("\nSingle features (Spearman with BT_easiness, + = harder direction agrees)")
    for f in FEATURES:
        col = f"rare_share@{THRESHOLDS[0]}" if f == "rare_share" else f
        print(f"  {col:<30} {spearman(-HARDER[f] * table[col].to_numpy(), y):+.3f}")

    print(f"\nCandidate models: {FOLDS}-fold cross-validated Spearman, {REPEATS} repeats")
    candidates = []
    for k in range(2, len(FEATURES) + 1):
        for features in itertools.combinations(FEATURES, k):
            thresholds = THRESHOLDS if "rare_share" in features else (THRESHOLDS[0],)
            for t in thresholds:
                x = design(table, features, t)
                mean, sd = cross_validated(x, y)
                coef = fit(x, y)
                # monotone: easiness must fall where the feature says "harder"
                monotone = all(-HARDER[f] * b > 0 for f, b in zip(features, coef[1:], strict=True))
                candidates.append((mean, sd, features, t, monotone))
    candidates.sort(key=lambda c: -c[0])
    for mean, sd, features, t, monotone in candidates[:12]:
        flag = "" if monotone else "  (not monotone)"
        rare = f" rare<{t}" if "rare_share" in features else ""
        print(f"  {mean:.3f} ± {sd:.3f}  {', '.join(features)}{rare}{flag}")
    best = max(c[0] for c in candidates if c[4])
    kept = min(
        (c for c in candidates if c[4] and c[0] >= best - 0.005),
        key=lambda c: (len(c[2]), -c[0]),
    )
    mean, sd, features, threshold, _ = kept
    print(f"\nKept (simplest monotone model within 0.005 of the best, {best:.3f}):")
    print(
        f"  {', '.join(features)}; rare below Zipf {threshold}; CV Spearman {mean:.3f} ± {sd:.3f}"
    )

    x = design(table, features, threshold)
    coef = fit(x, y)
    easiness = predict(coef, x)
    fk = formulas["flesch_kincaid_grade"].to_numpy(dtype=float)
    scale = fk.std() / easiness.std()
    weights = -scale * coef[1:]
    intercept = fk.mean() - scale * (coef[0] - easiness.mean())
    grade = intercept + x @ weights
    print(
        f"  grade = {intercept:.3f} "
        + " ".join(f"{w:+.3f} × {f}" for f, w in zip(features, weights, strict=True))
    )
    print(
        f"  in-sample Spearman {spearman(-grade, y):.3f}; "
        f"mean {grade.mean():.2f} sd {grade.std():.2f}"
    )

    model = {
        "rare_below_zipf": threshold,
        "intercept": round(float(intercept), 4),
        "features": [
            {
                "name": f,
                "weight": round(float(w), 4),
                "mean_on_clear": round(float(x[:, i].mean()), 4),
                "sd_on_clear": round(float(x[:, i].std()), 4),
            }
            for i, (f, w) in enumerate(zip(features, weights, strict=True))
        ],
        "provenance": {
            "fitted_by": "scripts/calibrate_grade.py (ordinary least squares on BT_easiness, "
            "then a linear rescaling to the Flesch-Kincaid grade scale)",
            "fitted_on": "clear-dev.csv: 1,000 excerpts of the CommonLit Ease of Readability "
            "(CLEAR) corpus, drawn at random (seed 20261126) by the project",
            "citation": "Crossley, S., Heintz, A., Choi, J. S., Batchelor, J., Karimi, M. & "
            "Malatinszky, A. (2022). A large-scaled corpus for assessing text readability. "
            "Behavior Research Methods. https://github.com/scrosseye/CLEAR-Corpus",
            "licence": "CLEAR is CC BY-NC-SA 4.0; only these coefficients (a statistical "
            "summary) are shipped, never the excerpts",
            "fit_date": dt.date.today().isoformat(),
            "n_excerpts": len(y),
            "cv_spearman": round(mean, 3),
            "cv_spearman_sd": round(sd, 3),
            "cv_design": f"{FOLDS}-fold x {REPEATS} repeats, seed {SEED}; model chosen among "
            f"{len(candidates)} candidates (feature sets x rare thresholds {list(THRESHOLDS)}) "
            "by the same cross-validation, so the figure is slightly optimistic",
            "rescaling": "on the 1,000 excerpts opedkit_grade has the Flesch-Kincaid grade's "
            f"mean ({fk.mean():.2f}) and standard deviation ({fk.std():.2f})",
            "formula_spearman": formula_rho,
            "word_frequencies": "wordfreq (Speer 2022), English 'small' list (every word of "
            "Zipf 3 and above; others count 0), Zipf scale",
        },
    }
    if args.dry_run:
        print("\n(dry run: not written)")
    else:
        OUT.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
