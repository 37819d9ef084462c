"""Score opedkit's sentence segmenter against pySBD on the hand-annotated gold set.

Usage::

    .venv/bin/python scripts/evaluate_segmentation.py            # dev + test halves, timings
    .venv/bin/python scripts/evaluate_segmentation.py --split dev --errors   # list the misses
    .venv/bin/python scripts/evaluate_segmentation.py --no-timing

The gold set and its annotation rules are in ``data/segmentation/README.md``. Each text is
scored in three feeds: ``natural`` (as written), ``space`` (the gold sentences of a document
joined by one space) and ``newline`` (joined by a line break). A boundary is the offset of the
first non-space character of every sentence but the first; precision, recall and F1 are
micro-averaged over the boundaries of all documents of a genre, and printed with counts.

The timing section segments 1, 10 and 20 MB of text built by repeating the gold texts, and
times pySBD on the first 1 MB for comparison in the same run; time per MB should stay flat
(linear growth).
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "data" / "segmentation"
MARK = "‖"
FEEDS = ("natural", "space", "newline")
GENRES = ("news", "essay", "letter", "review", "web", "email", "oped")

_HEADER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.S)
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class GoldText:
    """One annotated document: its text without marks and the gold boundary offsets."""

    name: str
    genre: str
    split: str
    text: str
    boundaries: frozenset[int]

    def sentences(self) -> list[str]:
        """The gold sentences, each with its white space squeezed to single spaces."""
        starts = [_first_char(self.text, 0), *sorted(self.boundaries)]
        ends = [*sorted(self.boundaries), len(self.text)]
        return [" ".join(self.text[s:e].split()) for s, e in zip(starts, ends, strict=True)]


def _first_char(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _apply_layout(body: str, layout: str) -> str:
    if layout == "as-is":
        return body
    m = re.fullmatch(r"wrap (\d+)", layout)
    if not m:
        raise ValueError(f"unknown layout {layout!r} (use 'as-is' or 'wrap N')")
    width = int(m.group(1))
    out = []
    for line in body.split("\n"):
        if len(line) <= width:
            out.append(line)
        else:
            out.append(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def parse_gold(raw: str, name: str = "<gold>", split: str = "") -> GoldText:
    """Parse one gold file (header + marked text) into a :class:`GoldText`."""
    m = _HEADER.match(raw)
    if not m:
        raise ValueError(f"{name}: missing the --- header --- block")
    meta = dict(
        (k.strip(), v.split("#")[0].strip())
        for k, v in (line.split(":", 1) for line in m.group("meta").splitlines() if ":" in line)
    )
    body = _apply_layout(raw[m.end() :], meta.get("layout", "as-is"))
    text_parts: list[str] = []
    marks: list[int] = []
    pos = 0
    for chunk in body.split(MARK):
        text_parts.append(chunk)
        pos += len(chunk)
        marks.append(pos)
    marks.pop()  # the position after the last chunk is the end, not a mark
    text = "".join(text_parts)
    if MARK in text:
        raise ValueError(f"{name}: stray mark")
    boundaries = set()
    for p in marks:
        b = _first_char(text, p)
        if b >= len(text):
            raise ValueError(f"{name}: a mark at the end of the text")
        if b == _first_char(text, 0):
            raise ValueError(f"{name}: a mark before the first sentence")
        boundaries.add(b)
    for bl in _BLANK.finditer(text):
        b = _first_char(text, bl.end())
        if b < len(text):
            boundaries.add(b)
    if len(boundaries) != len(set(boundaries)):
        raise ValueError(f"{name}: two marks at one place")
    return GoldText(name, meta.get("genre", name.split("-")[0]), split, text, frozenset(boundaries))


def load_gold(splits: Iterable[str] = ("dev", "test")) -> list[GoldText]:
    """Every gold text of the given halves, sorted by split and name."""
    out = []
    for split in splits:
        for path in sorted((GOLD_DIR / split).glob("*.txt")):
            out.append(parse_gold(path.read_text("utf-8"), f"{split}/{path.name}", split))
    return out


def feed(doc: GoldText, how: str) -> tuple[str, frozenset[int]]:
    """The text given to the segmenters and its gold boundaries, for one feed."""
    if how == "natural":
        return doc.text, doc.boundaries
    sents = doc.sentences()
    sep = " " if how == "space" else "\n"
    text = sep.join(sents)
    starts, pos = [], 0
    for s in sents:
        starts.append(pos)
        pos += len(s) + len(sep)
    return text, frozenset(starts[1:])


# --- the segmenters ---------------------------------------------------------------------


def opedkit_starts(text: str) -> list[int]:
    """Start offsets of opedkit's sentences."""
    from opedkit.segment import sentence_spans

    return [s.start for s in sentence_spans(text)]


_PYSBD = None


def pysbd_starts(text: str) -> list[int]:
    """Start offsets (first non-space character) of pySBD 0.3.4's sentences."""
    global _PYSBD
    if _PYSBD is None:
        import pysbd

        _PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=False)
    starts, cursor = [], 0
    for sent in _PYSBD.segment(text):
        core = sent.strip()
        if not core:
            continue
        i = text.find(core, cursor)
        if i == -1:  # pySBD changed the text: fall back to its first word
            i = text.find(core.split()[0], cursor)
        if i == -1:
            continue
        starts.append(i)
        cursor = i + len(core)
    return starts


SEGMENTERS: dict[str, Callable[[str], list[int]]] = {
    "opedkit": opedkit_starts,
    "pysbd": pysbd_starts,
}


# --- scoring ----------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def predicted(text: str, starts: list[int]) -> set[int]:
    first = _first_char(text, 0)
    return {_first_char(text, s) for s in starts} - {first, len(text)}


def evaluate(
    docs: list[GoldText], segmenter: str, how: str
) -> tuple[dict[str, Score], list[tuple[str, str, int, str]]]:
    """Scores per genre (plus "all") and the errors as (doc, 'fp'|'fn', offset, context)."""
    scores: dict[str, Score] = defaultdict(Score)
    errors: list[tuple[str, str, int, str]] = []
    fn = SEGMENTERS[segmenter]
    for doc in docs:
        text, gold = feed(doc, how)
        pred = predicted(text, fn(text))
        for key in (doc.genre, "all"):
            sc = scores[key]
            sc.tp += len(pred & gold)
            sc.fp += len(pred - gold)
            sc.fn += len(gold - pred)
        for kind, offsets in (("fp", pred - gold), ("fn", gold - pred)):
            for o in sorted(offsets):
                context = text[max(0, o - 45) : o] + "‖" + text[o : o + 35]
                errors.append((doc.name, kind, o, context.replace("\n", "⏎")))
    return scores, errors


def print_table(docs: list[GoldText], label: str) -> dict[tuple[str, str, str], Score]:
    results: dict[tuple[str, str, str], Score] = {}
    genres = [g for g in GENRES if any(d.genre == g for d in docs)] + ["all"]
    print(f"\n## {label}: sentence-boundary precision / recall / F1\n")
    print("gold = boundaries in the gold texts; wrong = cuts not in the gold; missed = gold")
    print("boundaries not found. All figures are micro-averaged over the genre's boundaries.\n")
    for how in FEEDS:
        per = {name: evaluate(docs, name, how)[0] for name in SEGMENTERS}
        print(f"feed: {how}")
        print(
            f"  {'genre':<8} {'gold':>5}  {'opedkit P / R / F1 (wrong, missed)':>35}"
            f"  {'pySBD P / R / F1 (wrong, missed)':>35}  better"
        )
        for g in genres:
            o, p = per["opedkit"][g], per["pysbd"][g]
            results[(how, g, "opedkit")] = o
            results[(how, g, "pysbd")] = p
            better = "opedkit" if o.f1 > p.f1 else ("tie" if o.f1 == p.f1 else "pySBD")
            print(
                f"  {g:<8} {o.tp + o.fn:>5}  "
                f"{o.precision:9.3f} {o.recall:6.3f} {o.f1:6.3f} ({o.fp:>3}, {o.fn:>3})   "
                f"{p.precision:12.3f} {p.recall:6.3f} {p.f1:6.3f} ({p.fp:>3}, {p.fn:>3})   {better}"
            )
        print()
    return results


def markdown_tables() -> None:
    """Print the per-genre F1 tables (both halves, all feeds) as Markdown, for the docs."""
    for split in ("dev", "test"):
        docs = load_gold([split])
        genres = [g for g in GENRES if any(d.genre == g for d in docs)] + ["all"]
        scores = {(how, name): evaluate(docs, name, how)[0] for how in FEEDS for name in SEGMENTERS}
        print(
            f"\n{split} half ({len(docs)} texts, {sum(len(d.text) for d in docs):,} characters)\n"
        )
        head = " | ".join(f"{how}: opedkit | {how}: pySBD" for how in FEEDS)
        print(f"| genre | gold boundaries | {head} |")
        print("|---|---:|" + "---:|" * (2 * len(FEEDS)))
        for g in genres:
            cells = []
            for how in FEEDS:
                o, p = scores[(how, "opedkit")][g], scores[(how, "pysbd")][g]
                bold = (o.f1 > p.f1, p.f1 > o.f1)
                cells.append(f"**{o.f1:.3f}**" if bold[0] else f"{o.f1:.3f}")
                cells.append(f"**{p.f1:.3f}**" if bold[1] else f"{p.f1:.3f}")
            gold = scores[("natural", "opedkit")][g]
            print(f"| {g} | {gold.tp + gold.fn} | " + " | ".join(cells) + " |")


def _clock(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def timing() -> None:
    """Time opedkit on 1, 10 and 20 MB and pySBD on the same 1 MB.

    CPU time (of this process) is printed next to wall time because a shared machine's load
    inflates wall time; linear growth shows as a flat CPU time per MB.
    """
    from opedkit.segment import _all_breaks, sentence_spans

    base = "\n\n".join(d.text for d in load_gold())
    print("\n## Timing: sentence segmentation of repeated gold text (wall / CPU seconds)\n")
    print(f"  {'size':>6}  {'wall s':>7}  {'CPU s':>7}  {'CPU s per MB':>12}  {'sentences':>9}")
    one_mb = ""
    for mb in (1, 10, 20):
        text = (base * (mb * 1_000_000 // len(base) + 1))[: mb * 1_000_000]
        best = (float("inf"), float("inf"))
        for _ in range(3 if mb == 1 else 1):
            sentence_spans.cache_clear()
            _all_breaks.cache_clear()
            best = min(best, _clock(lambda t=text: sentence_spans(t)), key=lambda x: x[1])
        n = len(sentence_spans(text))
        print(f"  {mb:>4}MB  {best[0]:7.2f}  {best[1]:7.2f}  {best[1] / mb:12.2f}  {n:>9}")
        if mb == 1:
            one_mb, ours = text, best
    small = one_mb[:100_000]
    sentence_spans.cache_clear()
    _all_breaks.cache_clear()
    ours_small = _clock(lambda: sentence_spans(small))
    theirs_small = _clock(lambda: pysbd_starts(small))
    theirs = _clock(lambda: pysbd_starts(one_mb))
    print("\n  the same strings, opedkit vs pySBD 0.3.4 (CPU seconds):")
    print(f"  100 kB: opedkit {ours_small[1]:.3f}, pySBD {theirs_small[1]:.2f}")
    print(f"    1 MB: opedkit {ours[1]:.3f}, pySBD {theirs[1]:.2f}")
    print(f"  opedkit needs {ours[1] / theirs[1]:.1%} of pySBD's CPU time on 1 MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--errors", action="store_true", help="list opedkit's misses")
    ap.add_argument("--feed", choices=FEEDS, default="natural", help="feed for --errors")
    ap.add_argument("--segmenter", choices=list(SEGMENTERS), default="opedkit")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--markdown", action="store_true", help="print the F1 tables as Markdown")
    args = ap.parse_args(argv)
    if args.markdown:
        markdown_tables()
        return 0
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        docs = load_gold([split])
        chars = sum(len(d.text) for d in docs)
        print_table(docs, f"{split} half ({len(docs)} texts, {chars:,} characters)")
    if args.errors:
        docs = load_gold(splits)
        _, errors = evaluate(docs, args.segmenter, args.feed)
        print(f"\n## {args.segmenter} errors, feed {args.feed} (fp = wrong cut, fn = missed)\n")
        for name, kind, _o, ctx in errors:
            print(f"  {kind} {name:<18} {ctx}")
    if not args.no_timing:
        timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
