"""Measure opedkit.stance against the hand-annotated stance sets in data/stance/.

Prints (as Markdown, the tables docs/stance.md quotes):

1. op-ed gold (the bundled op-ed, 40 sentences) and written gold (opinion sentences written
   for opedkit): cue-level and sentence-level precision / recall per category;
   plus the blind written batch (written after the rules were frozen);
2. the uncertainty dev set and its blind batch (news, review, encyclopedia; CoNLL-2010 style):
   sentence-level precision / recall / F1 of the rows of ``stance`` whose category is
   ``hedge``, next to a baseline that flags a sentence when it contains a modal verb from a
   short list (may, might, could, would, should);
3. with ``--errors``: every false positive, false negative and category confusion.

The annotations were made by reading the text (data/stance/GUIDELINE.md), never by running
the tool. Usage::

    .venv/bin/python scripts/evaluate_stance.py [--errors]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path
from typing import NamedTuple

import opedkit
from opedkit.document import as_document
from opedkit.lexicon import CATEGORIES
from opedkit.segment import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "stance"
CODES = {"h": "hedge", "b": "booster", "a": "attitude", "p": "predictive"}
MARK = re.compile(r"\[([^\[\]]+)\]\{([hbap])\}")
BASELINE = re.compile(r"\b(?:may|might|could|would|should)\b", re.IGNORECASE)


class Cue(NamedTuple):
    item: str
    start: int
    end: int
    category: str
    text: str


def parse(annotated: str, item: str) -> tuple[str, list[Cue]]:
    """Plain text and gold cues of one annotated line."""
    out, cues, pos = [], [], 0
    length = 0
    for m in MARK.finditer(annotated):
        chunk = annotated[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        words = m.group(1)
        cues.append(Cue(item, length, length + len(words), CODES[m.group(2)], words))
        out.append(words)
        length += len(words)
        pos = m.end()
    out.append(annotated[pos:])
    text = "".join(out)
    if "[" in text and "]{" in text:
        raise ValueError(f"{item}: unparsed markup in {annotated!r}")
    return text, cues


def read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def predict(text: str, item: str) -> list[Cue]:
    """Kept stance rows of a text as cues with offsets into the text."""
    body = as_document(text).body
    shift = text.find(body) if body else 0
    starts = [s.start for s in sentence_spans(body)]
    rows = opedkit.stance(text)
    return [
        Cue(
            item,
            shift + starts[r.sentence] + r.start,
            shift + starts[r.sentence] + r.end,
            r.category,
            r.text,
        )
        for r in rows.itertuples()
    ]


def match(gold: list[Cue], pred: list[Cue]) -> tuple[list[tuple[Cue, Cue]], list[Cue], list[Cue]]:
    """One-to-one matches of same item, same category, overlapping spans."""
    used: set[int] = set()
    pairs, fp = [], []
    for p in pred:
        hit = None
        for k, g in enumerate(gold):
            if k in used or g.item != p.item or g.category != p.category:
                continue
            if g.start < p.end and p.start < g.end:
                hit = k
                break
        if hit is None:
            fp.append(p)
        else:
            used.add(hit)
            pairs.append((gold[hit], p))
    fn = [g for k, g in enumerate(gold) if k not in used]
    return pairs, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[str, str, str]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0
    return (f"{p:.2f}", f"{r:.2f}", f"{f:.2f}")


def load_set(name: str) -> tuple[dict[str, str], list[Cue], list[Cue]]:
    texts: dict[str, str] = {}
    gold: list[Cue] = []
    pred: list[Cue] = []
    if name == "oped":
        sents = opedkit.sentences(opedkit.bundled())
        rows = read("gold_oped.tsv")
        if len(rows) != len(sents):
            raise SystemExit(
                f"gold_oped.tsv has {len(rows)} rows, the op-ed {len(sents)} sentences"
            )
        table = opedkit.stance(opedkit.bundled())
        for row in rows:
            item = f"s{int(row['id']):02d}"
            text, cues = parse(row["text"], item)
            if text != sents[int(row["id"])]:
                raise SystemExit(f"gold_oped.tsv row {row['id']} does not match the sentence")
            texts[item] = text
            gold += cues
        pred = [
            Cue(f"s{r.sentence:02d}", r.start, r.end, r.category, r.text)
            for r in table.itertuples()
        ]
    else:
        for row in read(name):
            text, cues = parse(row["text"], row["id"])
            texts[row["id"]] = text
            gold += cues
            pred += predict(text, row["id"])
    return texts, gold, pred


def report_set(title: str, name: str, errors: bool) -> None:
    texts, gold, pred = load_set(name)
    print(f"### {title} ({len(texts)} sentences)\n")
    print(
        "| category | gold cues | found | cue P | cue R | cue F1 "
        "| sentences (gold) | sent. P | sent. R | sent. F1 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cat in CATEGORIES:
        g = [c for c in gold if c.category == cat]
        p = [c for c in pred if c.category == cat]
        pairs, fp, fn = match(g, p)
        gi = {c.item for c in g}
        pi = {c.item for c in p}
        stp, sfp, sfn = len(gi & pi), len(pi - gi), len(gi - pi)
        cp, cr, cf = prf(len(pairs), len(fp), len(fn))
        sp, sr, sf = prf(stp, sfp, sfn)
        print(
            f"| {cat} | {len(g)} | {len(p)} | {cp} | {cr} | {cf} | {len(gi)} | {sp} | {sr} | {sf} |"
        )
    print()
    if errors:
        print_errors(texts, gold, pred)


def print_errors(texts: dict[str, str], gold: list[Cue], pred: list[Cue]) -> None:
    _, fp, fn = match(gold, pred)
    conf = []
    for p in list(fp):
        for g in fn:
            if g.item == p.item and g.start < p.end and p.start < g.end:
                conf.append((g, p))
    conf_p = {id(p) for _, p in conf}
    conf_g = {id(g) for g, _ in conf}
    print("Confusions (gold → tool):\n")
    for g, p in conf:
        print(f"- {g.item} “{g.text}” {g.category} → {p.category}: {texts[g.item]}")
    print("\nFalse positives (tool cue not in gold):\n")
    for p in fp:
        if id(p) not in conf_p:
            print(f"- {p.item} “{p.text}” {p.category}: {texts[p.item]}")
    print("\nFalse negatives (gold cue missed):\n")
    for g in fn:
        if id(g) not in conf_g:
            print(f"- {g.item} “{g.text}” {g.category}: {texts[g.item]}")
    print()


def report_dev(name: str, title: str, errors: bool) -> None:
    rows = read(name)
    print(f"### {title} ({len(rows)} sentences): hedge rows vs a modal-verb list\n")
    print(
        "| genre | sentences | uncertain (gold) | stance P | stance R | stance F1 "
        "| baseline P | baseline R | baseline F1 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    misses: list[str] = []
    for genre in ("news", "review", "encyclopedia"):
        sub = [r for r in rows if r["genre"] == genre]
        counts = {"s": [0, 0, 0], "b": [0, 0, 0]}
        n_gold = 0
        for r in sub:
            text, cues = parse(r["text"], r["id"])
            gold = bool(cues)
            n_gold += gold
            ours = any(c.category == "hedge" for c in predict(text, r["id"]))
            base = bool(BASELINE.search(text))
            for key, guess in (("s", ours), ("b", base)):
                if guess and gold:
                    counts[key][0] += 1
                elif guess:
                    counts[key][1] += 1
                elif gold:
                    counts[key][2] += 1
            if ours != gold:
                kind = "FP" if ours else "FN"
                misses.append(f"- {r['id']} {kind}: {r['text']}")
        sp, sr, sf = prf(*counts["s"])
        bp, br, bf = prf(*counts["b"])
        print(f"| {genre} | {len(sub)} | {n_gold} | {sp} | {sr} | {sf} | {bp} | {br} | {bf} |")
    print()
    if errors:
        print("Sentences the tool gets wrong:\n")
        print("\n".join(misses))
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    report_set("Op-ed gold: the bundled op-ed", "oped", args.errors)
    report_set(
        "Written gold: opinion sentences written for opedkit", "gold_written.tsv", args.errors
    )
    report_set(
        "Blind written batch: written after the rules were frozen",
        "gold_written_blind.tsv",
        args.errors,
    )
    report_dev("dev_uncertainty.tsv", "Uncertainty dev set", args.errors)
    report_dev(
        "dev_uncertainty_blind.tsv",
        "Blind uncertainty batch: written after the rules were frozen",
        args.errors,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
