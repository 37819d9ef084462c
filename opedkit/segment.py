"""Sentences: a rule-based segmenter whose every decision can be read and tested.

The body is first split into paragraphs (blank lines; or one paragraph per line when a text
puts each paragraph on one long line). Inside a paragraph a sentence ends at ``.``, ``!``,
``?``, ``?!``, ``…`` or ``...`` (with any closing quotes or brackets after it) followed by
white space, unless one of these rules says otherwise:

* ``?`` / ``!`` followed by a closing quote or bracket and then a lower-case word does not
  end the sentence (``"Why?" he asked``; ``(did it?) and``).
* An ellipsis ends a sentence only when a capitalised word follows (``I waited... The door``).
* After a full stop, a lower-case next word does not start a new sentence when the word
  before the stop is a known abbreviation, an initial, a number, or has no vowel
  (``approx. five``); after any other word it does (web text often starts sentences in
  lower case).
* Abbreviations come from ``data/abbreviations.tsv`` in three kinds: *before* a name
  (``Dr.``, ``Mr.``, ``Gen.``: never the end); before a *number* (``No. 5``, ``Jan. 5``); and
  *either* (``etc.``, ``Inc.``, ``U.S.``, ``a.m.``, ``Ph.D.``): the end only if the next word is
  a typical sentence opener (``data/sentence_starters.txt``), e.g. ``in the U.S. The talks``.
* A single capital letter with a full stop is an initial (``George W. Bush``) unless a
  sentence opener follows.
* A number with a full stop at the start of a line is a list marker (``1. First``).
* A line with no end punctuation ends a sentence when the next line starts with a capital,
  a digit, a quote or a list marker (headings, lists, signatures), unless the text is
  hard-wrapped, in which case only short lines, Markdown headings and list items do.
* Two sentences run together with no space (``great.The staff``) are split when a
  lower-case word of two or more letters meets a capitalised word, outside web addresses.

Decimals (``3.5``), ranges (``1950-1953``), dotted abbreviations inside a sentence and
dashes (``–``, ``—``) never end a sentence. Every sentence comes with offsets into the body
so that ``body[start:end]`` is exactly the sentence.

>>> sentences("Dr. Usman wrote it. Is it right?! Read on… The U.S. Senate met at 5 p.m. today.")
['Dr. Usman wrote it.', 'Is it right?!', 'Read on…', 'The U.S. Senate met at 5 p.m. today.']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document


class Span(NamedTuple):
    """A sentence's place in the body: ``body[start:end]`` is the sentence."""

    start: int
    end: int
    paragraph: int


# --- data -------------------------------------------------------------------------------


@cache
def _abbreviations() -> dict[str, tuple[str, str]]:
    """abbreviation (lower case, no final dot) -> (kind, case)."""
    table: dict[str, tuple[str, str]] = {}
    text = resources.files("opedkit.data").joinpath("abbreviations.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("abbr\t"):
            continue
        abbr, kind, case, _source = line.split("\t")
        table[abbr] = (kind, case)
    return table


@cache
def _starters() -> frozenset[str]:
    text = resources.files("opedkit.data").joinpath("sentence_starters.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# --- patterns ---------------------------------------------------------------------------

_OPENERS = "\"'“‘«([{¿¡"
_CLOSERS = "\"'”’»)]}"
_TERMINAL = re.compile(
    r"(?P<punct>(?:\.[ \t]?\.[ \t]?\.|…|[.!?‽])+)"
    r"(?P<close>[\"'”’»)\]}]*)"
    r"(?=\s|$)"
)
# "great.The staff": a lower-case word of 2+ letters, end punctuation, a capitalised word.
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?]+(?=[A-Z][a-z])")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LIST_MARKER = re.compile(r"(?:[-*•‣◦▪–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
_INITIALISM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_VOWEL = re.compile(r"[aeiouyAEIOUY]|[^\x00-\x7f]")
_LEAD_WORD = re.compile(r"[^\W\d_]+")
_LINE_END_OK = re.compile(r"(?:[.!?…‽:;,]|\.\.\.)[\"'”’»)\]}]*\s*$")


# --- paragraphs -------------------------------------------------------------------------


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``body``, trimmed of surrounding white space.

    Paragraphs are separated by blank lines. A block without blank lines whose lines are
    long (over 150 characters on average, as when each paragraph is pasted as one line) is
    split at every line break instead.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLANK_LINE.finditer(body), None]:
        end = m.start() if m else len(body)
        _add_block(body, pos, end, spans)
        if m:
            pos = m.end()
    return spans


def _add_block(body: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    start, end = _trim(body, start, end)
    if start >= end:
        return
    block = body[start:end]
    lines = block.split("\n")
    if len(lines) > 1 and sum(len(x) for x in lines) / len(lines) > 150:
        pos = start
        for line in lines:
            s, e = _trim(body, pos, pos + len(line))
            if s < e:
                out.append((s, e))
            pos += len(line) + 1
    else:
        out.append((start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- sentences inside a paragraph ----------------------------------------------------------


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: most lines (but the last) are of a similar, long-ish width."""
    inner = [len(x.rstrip()) for x in lines[:-1]]
    if len(inner) < 2:
        return False
    widest = max(inner)
    similar = sum(1 for n in inner if n >= 0.6 * widest and n >= 35)
    return widest <= 120 and similar >= 0.7 * len(inner)


def _line_breaks(body: str, start: int, end: int) -> list[int]:
    """Offsets (of the newline) where a line break ends a sentence inside [start, end)."""
    block = body[start:end]
    if "\n" not in block:
        return []
    lines = block.split("\n")
    wrapped = _is_wrapped(lines)
    widest = max(len(x.rstrip()) for x in lines)
    cuts: list[int] = []
    pos = start
    for i, line in enumerate(lines[:-1]):
        pos_nl = pos + len(line)
        nxt = lines[i + 1].lstrip()
        stripped = line.strip()
        pos = pos_nl + 1
        if not stripped or not nxt:
            continue
        if _LIST_MARKER.match(nxt) or stripped.startswith("#"):
            cuts.append(pos_nl)
            continue
        if _LINE_END_OK.search(line):
            continue  # the ordinary rules decide at end punctuation
        starts_upper = nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in _OPENERS
        if not starts_upper:
            continue
        if not wrapped or len(line.rstrip()) < 0.6 * widest:
            cuts.append(pos_nl)
    return cuts


def _word_before(text: str, pos: int, floor: int) -> str:
    """The non-space chunk ending at ``pos``, without opening/closing quotes and brackets."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_OPENERS).rstrip(_CLOSERS)


def _word_after(text: str, pos: int, ceiling: int) -> tuple[str, bool]:
    """The next non-space chunk after ``pos`` without leading openers, and whether it had one."""
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    j = i
    while j < ceiling and not text[j].isspace():
        j += 1
    chunk = text[i:j]
    word = chunk.lstrip(_OPENERS)
    return word, len(word) != len(chunk)


def _abbreviation_kind(word: str) -> str | None:
    """'before', 'number', 'either' for a known abbreviation or initialism, else None."""
    key = word.lower().rstrip(".")
    entry = _abbreviations().get(key)
    if entry is not None:
        kind, case = entry
        if case == "cap" and not word[:1].isupper():
            return None
        return kind
    if _INITIALISM.fullmatch(word.rstrip(".")):
        return "either"
    return None


def _ends_sentence(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    punct, close = m.group("punct"), m.group("close")
    nxt, had_opener = _word_after(text, m.end(), hi)
    if not nxt:
        return True
    first = nxt[0]
    lower = first.islower()
    upper = first.isupper()
    if "?" in punct or "!" in punct or "‽" in punct:
        return not (lower and close)
    if "…" in punct or ".." in punct.replace(" ", ""):
        return upper or (had_opener and not lower)
    before = _word_before(text, m.start(), lo)
    if not before:
        return not lower
    lead = _LEAD_WORD.match(nxt)
    starter = lead is not None and lead.group() in _starters()
    kind = _abbreviation_kind(before)
    if kind == "number" and (first.isdigit() or (not nxt.isalpha() and nxt[:1].isdigit())):
        return False
    if kind in ("before",):
        return False
    if kind == "either":
        return (starter or had_opener) and not lower
    if len(before) == 1 and before.isalpha():
        # an initial (George W. Bush) or a list letter; "I" is the pronoun
        if before == "I":
            return not lower
        return starter and not lower
    if before.replace(",", "").replace(".", "").isdigit():
        line_start = text.rfind("\n", lo, m.start()) + 1 or lo
        if text[max(line_start, lo) : m.start()].strip() == before:
            return False  # a list marker: "1. First point"
        return not lower
    if lower:
        return bool(_VOWEL.search(before)) and kind is None
    return True


def _split_block(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph [lo, hi)."""
    cuts: set[int] = set()
    for m in _TERMINAL.finditer(text, lo, hi):
        if m.end() < hi and _ends_sentence(text, m, lo, hi):
            cuts.add(m.end())
    for m in _GLUED.finditer(text, lo, hi):
        chunk_start = text.rfind(" ", lo, m.start()) + 1
        chunk_end = text.find(" ", m.end(), hi)
        chunk = text[chunk_start : chunk_end if chunk_end != -1 else hi]
        if "://" in chunk or "@" in chunk or "www." in chunk:
            continue
        cuts.add(m.end())
    cuts.update(_line_breaks(text, lo, hi))
    spans: list[tuple[int, int]] = []
    pos = lo
    for cut in sorted(cuts):
        s, e = _trim(text, pos, cut)
        if s < e:
            spans.append((s, e))
        pos = cut
    s, e = _trim(text, pos, hi)
    if s < e:
        spans.append((s, e))
    return spans


@lru_cache(maxsize=32)
def sentence_spans(body: str) -> tuple[Span, ...]:
    """Every sentence of ``body`` as a :class:`Span` (cached for repeated calls on one text)."""
    out: list[Span] = []
    for p, (lo, hi) in enumerate(paragraph_spans(body)):
        out.extend(Span(s, e, p) for s, e in _split_block(body, lo, hi))
    return tuple(out)


# --- public API ---------------------------------------------------------------------------


def _body(x: Document | str) -> str:
    if isinstance(x, str):
        return x
    from opedkit.document import as_document

    return as_document(x).body


def sentences(x: Document | str) -> list[str]:
    """The sentences of a text, or of a Document's body, in order.

    >>> sentences("Will they? (Nobody knows.) “It’s on,” he said. Mr. Kim came at 9 a.m. Then...")
    ['Will they?', '(Nobody knows.)', '“It’s on,” he said.', 'Mr. Kim came at 9 a.m.', 'Then...']
    """
    body = _body(x)
    return [body[s.start : s.end] for s in sentence_spans(body)]


def sentence_table(x: Document | str) -> pd.DataFrame:
    """One row per sentence, in order.

    Columns: ``sentence`` (0-based index, the position in :func:`sentences`), ``paragraph``
    (0-based index into ``Document.paragraphs``; add 1 for the paragraph number a reader
    counts), ``start`` and ``end`` (character offsets into the body: ``body[start:end]`` is
    the sentence), ``text``, and ``words`` (number of words, by :func:`opedkit.words`).
    """
    import pandas as pd

    from opedkit.tokenize import words

    body = _body(x)
    spans = sentence_spans(body)
    texts = [body[s.start : s.end] for s in spans]
    rows: dict[str, list[int] | list[str]] = {
        "sentence": list(range(len(spans))),
        "paragraph": [s.paragraph for s in spans],
        "start": [s.start for s in spans],
        "end": [s.end for s in spans],
        "text": texts,
        "words": [len(words(t)) for t in texts],
    }
    return pd.DataFrame(rows).astype(
        {
            "sentence": "int64",
            "paragraph": "int64",
            "start": "int64",
            "end": "int64",
            "words": "int64",
        }
    )
