#!/usr/bin/env python3
"""Make a synthetic corpus of op-ed-sized texts from paragraphs the project wrote itself.

    .venv/bin/python scripts/make_corpus.py --out /tmp/corpus            # 500 texts
    .venv/bin/python scripts/make_corpus.py --out /tmp/corpus --n 2000 --seed 7

Each text has a headline, a "By …" line, 8–13 paragraphs (most from one topic of
data/corpus_paragraphs/, shuffled, plus a few from other topics) and, for some texts, an
author bio and a line of page furniture: about 550–900 words, the size of an op-ed. The same
``--seed`` always gives the same texts. The texts are for measuring *throughput* (and for
corpus-mode tests); they are not real op-eds and their arguments do not flow.

Importable: ``make_texts(n, seed)`` returns ``[(name, text), …]`` without writing files.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = ROOT / "data" / "corpus_paragraphs"

# Invented names, for bylines and bios.
AUTHORS = [
    "Grace Adebayo",
    "Tomasz Nowak",
    "Leila Haddad",
    "Owen Pritchard",
    "Mei Lin Chao",
    "Rafael Duarte",
    "Siobhan Keane",
    "Arjun Mehta",
    "Hannah Lindqvist",
    "Kwame Boateng",
]
ROLES = [
    "is a secondary-school teacher and a school governor.",
    "is a retired civil engineer who chairs a residents' association.",
    "is a lecturer in public policy and a former council officer.",
    "is a freelance journalist who writes about local government.",
    "is a nurse and a member of her town's transport forum.",
]
FURNITURE = [
    "Leave a Reply",
    "© 2024 The Example Gazette. All rights reserved.",
    "Share this article",
]


def paragraph_bank(folder: Path = PARAGRAPHS) -> dict[str, tuple[list[str], list[str]]]:
    """topic -> (headlines, paragraphs), read from the ``*.txt`` files of ``folder``."""
    bank: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted(folder.glob("*.txt")):
        titles: list[str] = []
        paragraphs: list[str] = []
        for block in path.read_text("utf-8").split("\n\n"):
            lines = [ln for ln in block.strip().splitlines() if not ln.startswith("#")]
            if not lines:
                continue
            if all(ln.startswith("title:") for ln in lines):
                titles.extend(ln.removeprefix("title:").strip() for ln in lines)
            else:
                paragraphs.append(" ".join(ln.strip() for ln in lines))
        if not titles or len(paragraphs) < 6:
            raise SystemExit(f"{path}: needs title: lines and at least 6 paragraphs")
        bank[path.stem] = (titles, paragraphs)
    if len(bank) < 2:
        raise SystemExit(f"{folder}: needs at least two topic files")
    return bank


def make_text(rng: random.Random, bank: dict[str, tuple[list[str], list[str]]]) -> str:
    """One op-ed-sized text: headline, byline, shuffled paragraphs, sometimes a bio."""
    topics = sorted(bank)
    topic = rng.choice(topics)
    titles, own = bank[topic]
    others = [p for t in topics if t != topic for p in bank[t][1]]
    body = rng.sample(own, rng.randint(6, len(own))) + rng.sample(others, rng.randint(2, 5))
    # keep the topic's paragraphs mostly first, as an op-ed stays on its subject
    head, tail = body[:4], body[4:]
    rng.shuffle(tail)
    author = rng.choice(AUTHORS)
    parts = [rng.choice(titles), f"By {author}", *head, *tail]
    if rng.random() < 0.5:
        parts.append(f"{author} {rng.choice(ROLES)}")
    if rng.random() < 0.3:
        parts.append(rng.choice(FURNITURE))
    return "\n\n".join(parts) + "\n"


def make_texts(n: int = 500, seed: int = 2024) -> list[tuple[str, str]]:
    """``n`` texts as ``(file name, text)`` pairs; the same seed gives the same texts."""
    rng = random.Random(seed)
    bank = paragraph_bank()
    return [(f"oped_{i:05d}.txt", make_text(rng, bank)) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write the texts to")
    parser.add_argument("--n", type=int, default=500, help="how many texts (default 500)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    texts = make_texts(args.n, args.seed)
    for name, text in texts:
        (args.out / name).write_text(text, encoding="utf-8")
    words = [len(text.split()) for _, text in texts]
    print(
        f"wrote {len(texts)} texts to {args.out} "
        f"({min(words)}–{max(words)} words, mean {sum(words) / len(words):.0f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
