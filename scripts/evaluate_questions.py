"""Measure opedkit.questions against the project's hand-annotated question sets.

Three measures, each next to simple baselines computed in the same run:

1. **Gold set** (``data/questions/gold/*.txt``, op-ed paragraphs): finding questions (precision
   and recall of question spans) and precision / recall / F1 per kind.
2. **Speech development set** (``data/questions/speech_dev/*.txt``): share of questions whose
   kind is right (a missed question counts as wrong), hypophora F1, and how many quoted
   questions are recognised as quoted. Baselines: every question rhetorical; "hypophora if a
   statement follows in the same paragraph, else rhetorical" (looks only at the next sentence).
3. **Conversation development set** (``data/questions/conversation_dev.tsv``): each question is
   passed with the same speaker's next utterance as one string; ``rhetorical`` and
   ``hypophora`` count as rhetorical; precision / recall / F1 of rhetorical. Baseline: a short
   list of cue phrases (the project's own re-implementation of "simple cue-phrase rules").

The sets are annotated by reading (``data/questions/GUIDELINE.md``), never by running the tool.

Run: ``.venv/bin/python scripts/evaluate_questions.py`` (``--errors`` lists every mistake).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from opedkit.questions import questions  # noqa: E402
from opedkit.segment import sentence_spans  # noqa: E402

DATA = ROOT / "data" / "questions"
GOLD_KINDS = ("hypophora", "rhetorical", "open", "reader-directed", "indirect", "quoted")
_MARK = re.compile(r"\{\{([a-z-]+)\|(.*?)\}\}", re.S)


@dataclass
class Gold:
    kind: str
    start: int
    end: int
    text: str
    doc: str


def parse_markup(raw: str, doc: str) -> tuple[str, list[Gold]]:
    """Text without comment lines and markup, and the annotated questions with offsets."""
    lines = [line for line in raw.split("\n") if not line.startswith("#")]
    text = "\n".join(lines)
    out: list[str] = []
    gold: list[Gold] = []
    pos = 0
    clean_len = 0
    for m in _MARK.finditer(text):
        before = text[pos : m.start()]
        out.append(before)
        clean_len += len(before)
        kind, inner = m.group(1), m.group(2)
        if kind not in GOLD_KINDS:
            raise ValueError(f"{doc}: unknown kind {kind!r}")
        gold.append(Gold(kind, clean_len, clean_len + len(inner), inner, doc))
        out.append(inner)
        clean_len += len(inner)
        pos = m.end()
    out.append(text[pos:])
    clean = "".join(out)
    if "{{" in clean or "}}" in clean:
        raise ValueError(f"{doc}: unbalanced markup")
    return clean, gold


def match(gold: list[Gold], pred: list[dict]) -> list[tuple[Gold | None, dict | None]]:
    """Pair gold and predicted questions by overlapping spans (each used once)."""
    pairs: list[tuple[Gold | None, dict | None]] = []
    used: set[int] = set()
    for g in gold:
        best, best_overlap = None, 0
        for k, p in enumerate(pred):
            if k in used:
                continue
            overlap = min(g.end, p["end"]) - max(g.start, p["start"])
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            pairs.append((g, None))
        else:
            used.add(best)
            pairs.append((g, pred[best]))
    pairs.extend((None, p) for k, p in enumerate(pred) if k not in used)
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_set(folder: Path) -> list[tuple[str, str, list[Gold]]]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        clean, gold = parse_markup(path.read_text("utf-8"), path.name)
        docs.append((path.name, clean, gold))
    return docs


def run_set(docs: list[tuple[str, str, list[Gold]]]) -> list[tuple[Gold | None, dict | None]]:
    pairs = []
    for _name, clean, gold in docs:
        table = questions(clean)
        pred = [dict(r, doc=_name, body=clean) for r in table.to_dict("records")]
        pairs.extend(match(gold, pred))
    return pairs


def next_sentence_baseline(clean: str, g: Gold) -> str:
    """'hypophora' if a statement follows the question in its paragraph, else 'rhetorical'."""
    spans = sentence_spans(clean)
    for k, s in enumerate(spans):
        if s.start <= g.end - 1 < s.end:
            if k + 1 < len(spans) and spans[k + 1].paragraph == s.paragraph:
                nxt = clean[spans[k + 1].start : spans[k + 1].end]
                return "rhetorical" if nxt.rstrip().endswith("?") else "hypophora"
            return "rhetorical"
    return "rhetorical"


# --- reports ------------------------------------------------------------------------------


def report_gold(errors: bool, folder: Path = DATA / "gold", title: str = "Gold set") -> None:
    docs = load_set(folder)
    pairs = run_set(docs)
    n_gold = sum(1 for g, _ in pairs if g is not None)
    found = sum(1 for g, p in pairs if g is not None and p is not None)
    spurious = [p for g, p in pairs if g is None and p is not None]
    print(f"## {title}: {len(docs)} op-ed excerpts, {n_gold} annotated questions\n")
    dp, dr, df = prf(found, len(spurious), n_gold - found)
    print(
        f"Finding questions: precision {dp:.2f} ({found}/{found + len(spurious)}), "
        f"recall {dr:.2f} ({found}/{n_gold}), F1 {df:.2f}\n"
    )
    print("| kind | gold | predicted | correct | precision | recall | F1 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    correct_all = 0
    for kind in GOLD_KINDS:
        tp = sum(1 for g, p in pairs if g and p and g.kind == kind and p["kind"] == kind)
        fp = sum(1 for g, p in pairs if p and p["kind"] == kind and (g is None or g.kind != kind))
        fn = sum(1 for g, p in pairs if g and g.kind == kind and (p is None or p["kind"] != kind))
        correct_all += tp
        p_, r_, f_ = prf(tp, fp, fn)
        print(f"| {kind} | {tp + fn} | {tp + fp} | {tp} | {p_:.2f} | {r_:.2f} | {f_:.2f} |")
    print(
        f"\nKind right for {correct_all} of {n_gold} annotated questions "
        f"({correct_all / n_gold:.0%}); {len(spurious)} reported questions are not in the gold.\n"
    )
    confusion = Counter((g.kind, p["kind"] if p else "(missed)") for g, p in pairs if g)
    kinds_pred = sorted({k for _, k in confusion})
    print("Confusion (rows: gold; columns: predicted)\n")
    print("| gold \\ predicted | " + " | ".join(kinds_pred) + " |")
    print("| --- |" + " ---: |" * len(kinds_pred))
    for kind in GOLD_KINDS:
        print(
            f"| {kind} | " + " | ".join(str(confusion.get((kind, k), 0)) for k in kinds_pred) + " |"
        )
    print()
    if errors:
        print_errors(pairs)


def print_errors(pairs: list[tuple[Gold | None, dict | None]]) -> None:
    for g, p in pairs:
        if g is not None and p is not None and g.kind == p["kind"]:
            continue
        where = g.doc if g else p["doc"]  # type: ignore[index]
        gold_kind = g.kind if g else "(not a question)"
        pred_kind = p["kind"] if p else "(missed)"
        text = g.text if g else p["text"]  # type: ignore[index]
        print(f"- {where}: gold {gold_kind} / predicted {pred_kind}: {text!r}")
        if p is not None:
            print(f"    {p['confidence']}: {p['reason']} [cue: {p['cue']!r}]")
    print()


def report_speech(
    errors: bool, folder: Path = DATA / "speech_dev", title: str = "Speech development set"
) -> None:
    docs = load_set(folder)
    pairs = run_set(docs)
    gold_pairs = [(g, p) for g, p in pairs if g is not None]
    n = len(gold_pairs)
    right = sum(1 for g, p in gold_pairs if p is not None and p["kind"] == g.kind)
    shares = Counter(g.kind for g, _ in gold_pairs)
    all_rhet = shares["rhetorical"] / n
    baseline = 0
    baseline_h = Counter()
    for _name, clean, gold in docs:
        for g in gold:
            guess = next_sentence_baseline(clean, g)
            baseline += guess == g.kind
            baseline_h[(g.kind == "hypophora", guess == "hypophora")] += 1
    tp = sum(1 for g, p in pairs if g and p and g.kind == p["kind"] == "hypophora")
    fp = sum(
        1
        for g, p in pairs
        if p and p["kind"] == "hypophora" and (g is None or g.kind != "hypophora")
    )
    fn = sum(
        1
        for g, p in pairs
        if g and g.kind == "hypophora" and (p is None or p["kind"] != "hypophora")
    )
    _, _, hf = prf(tp, fp, fn)
    _, _, bhf = prf(baseline_h[(True, True)], baseline_h[(False, True)], baseline_h[(True, False)])
    quoted = [p for g, p in gold_pairs if g.kind == "quoted"]
    quoted_ok = sum(1 for p in quoted if p is not None and p["quoted"])
    spurious = sum(1 for g, p in pairs if g is None)
    print(
        f"## {title}: {len(docs)} passages, {n} questions "
        f"({', '.join(f'{k} {v}' for k, v in shares.most_common())})\n"
    )
    print("| method | kinds right | hypophora F1 | quoted recognised |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| every question rhetorical | {all_rhet:.0%} | 0.00 | 0/{len(quoted)} |")
    print(f"| next sentence only | {baseline / n:.0%} | {bhf:.2f} | 0/{len(quoted)} |")
    ours = f"{right / n:.0%} ({right}/{n})"
    print(f"| opedkit.questions | {ours} | {hf:.2f} | {quoted_ok}/{len(quoted)} |")
    print(f"\n{spurious} reported questions are not in the annotation.\n")
    if errors:
        print_errors(pairs)


CUE_BASELINE = (
    "who knows", "who cares", "what can you do", "why not", "isn't it", "don't you think",
    "how could", "how can", "who would", "what's the point", "ever", "at all", "why would",
    "why should", "what are you going to do",
)  # fmt: skip


def report_conversation(
    errors: bool,
    path: Path = DATA / "conversation_dev.tsv",
    title: str = "Conversation development set",
) -> None:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "id\t")):
            continue
        ident, label, question, nxt = [*line.split("\t"), ""][:4]
        rows.append((ident, label, question, nxt))
    n_rhet = sum(1 for r in rows if r[1] == "rhetorical")
    print(f"## {title}: {len(rows)} questions, {n_rhet} rhetorical\n")
    print("| method | precision | recall | F1 |")
    print("| --- | ---: | ---: | ---: |")
    tp = fp = fn = 0
    for _i, label, question, _n in rows:
        low = question.lower().replace("’", "'")
        guess = any(re.search(rf"\b{re.escape(c)}\b", low) for c in CUE_BASELINE)
        tp += guess and label == "rhetorical"
        fp += guess and label != "rhetorical"
        fn += (not guess) and label == "rhetorical"
    p, r, f = prf(tp, fp, fn)
    counts = f"{p:.2f} ({tp}/{tp + fp}) | {r:.2f} ({tp}/{tp + fn})"
    print(f"| cue phrases (baseline) | {counts} | {f:.2f} |")
    mistakes = []
    for joiner, name in ((" ", "space"), ("\n", "new line")):
        tp = fp = fn = 0
        for ident, label, question, nxt in rows:
            text = question + (joiner + nxt if nxt else "")
            table = questions(text)
            first = table[table["start"] < len(question)]
            kind = first.iloc[0]["kind"] if len(first) else "(none)"
            guess = kind in ("rhetorical", "hypophora")
            tp += guess and label == "rhetorical"
            fp += guess and label != "rhetorical"
            fn += (not guess) and label == "rhetorical"
            if guess != (label == "rhetorical") and joiner == " ":
                reason = first.iloc[0]["reason"] if len(first) else ""
                mistakes.append(
                    f"- {ident} gold {label} / predicted {kind}: {text!r}\n    {reason}"
                )
        p, r, f = prf(tp, fp, fn)
        print(
            f"| opedkit.questions (joined by {name}) | {p:.2f} ({tp}/{tp + fp}) | "
            f"{r:.2f} ({tp}/{tp + fn}) | {f:.2f} |"
        )
    print()
    if errors:
        print("\n".join(mistakes))
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every mistake")
    parser.add_argument("--only", choices=("gold", "speech", "conversation", "test"))
    args = parser.parse_args()
    if args.only in (None, "gold"):
        report_gold(args.errors)
    if args.only in (None, "speech"):
        report_speech(args.errors)
    if args.only in (None, "conversation"):
        report_conversation(args.errors)
    if args.only in (None, "test"):
        test = DATA / "test"
        print("# Held-back test sets (not used to tune the rules)\n")
        report_gold(args.errors, test / "oped", "Op-ed test set")
        report_speech(args.errors, test / "speech", "Speech test set")
        report_conversation(args.errors, test / "conversation_test.tsv", "Conversation test set")


if __name__ == "__main__":
    main()
