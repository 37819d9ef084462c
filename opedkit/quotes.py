"""Quotations: where the writer reports someone else's words.

Counters use this to set quoted material apart: a hedge inside a quotation is the quoted
speaker's hedge, not the writer's, and a question in quotation marks is someone else's
question. :func:`quote_spans` finds the quotations in a text and :func:`is_quoted` tells
whether an offset falls inside one.

Rules (the project's own heuristics; see docs/text_model.md):

* Curly double quotes ``“…”``, guillemets ``«…»`` and German-style low quotes ``„…“``
  pair up. A double quote left open at the end of a paragraph runs to the end of the
  paragraph (news style continues a long quotation into the next paragraph and re-opens it
  there).
* A straight double quote ``"`` opens after the start of a paragraph, white space or an
  opening bracket or dash, and closes at the next ``"``.
* Single quotes (``‘…’``, ``‚…‘`` and ``'…'``) count only when a closing mark is found in
  the same paragraph within 300 characters, because ``’`` and ``'`` are mostly apostrophes
  (``Korea’s``, ``don't``); a mark between two letters is always an apostrophe, and so is
  one before two digits (``’90s``). Inch marks (``5'10"``) are not quotations.
* Empty quotation marks (``""``) are not a quotation.
* Quotations do not nest in the result: a quotation inside a quotation is part of the
  outer one.

Each span records how many words it holds, and whether it looks like reported speech: a
reporting verb stands next to it (``“We won,” she said``; ``he asked: “Why?”``) or it is a
whole quoted sentence on its own (``He left. “We won.”``). One to three words in quotation
marks that look like neither are usually a term, a title or scare quotes (``so-called
"experts"``) rather than reported speech; :attr:`QuoteSpan.kind` says which, and counters
decide what to do with each.

>>> text = 'Kirby said talks were “actively advancing.” Critics call it a "deal".'
>>> [(text[q.start:q.end], q.kind) for q in quote_spans(text)]
[('“actively advancing.”', 'term'), ('"deal"', 'term')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

#: Single-quoted material must close within this many characters, else it is apostrophes.
SINGLE_QUOTE_REACH = 300
#: Quotations of at most this many words are reported as kind "term" (scare quotes, titles).
TERM_MAX_WORDS = 3

_MARKS = re.compile(r"[\"“”‘’'«»„‚]|\n[ \t\r\f\v]*\n")
_OPEN_CONTEXT = set(" \t\n([{—–-/")
_DECADE = re.compile(r"\d\ds?\b")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# A reporting verb right after a quotation ("…,” she said / said Kirby / Amadou asks him) or
# right before it (said: “…” / told reporters, “…”).
_VERBS = (
    r"(?:said|says|say|asked|asks|ask|told|tells|wrote|writes|added|adds|replied|replies|"
    r"answered|answers|explained|explains|insisted|insists|noted|notes|warned|warns|"
    r"argued|argues|declared|declares|recalled|recalls|shouted|shouts|whispered|whispers|"
    r"continued|continues|stated|states|claimed|claims|announced|announces|admitted|admits)"
)
_REPORTED_AFTER = re.compile(
    rf"^[\s,]*(?:[A-Z][\w.'’-]*\s+){{0,3}}(?:\w+\s+)?{_VERBS}\b|^[\s,]*(?:he|she|they|we|I|it)\s+{_VERBS}\b"
)
_REPORTED_BEFORE = re.compile(rf"\b{_VERBS}\b[^.!?\n]{{0,25}}[,:]\s*$")


class QuoteSpan(NamedTuple):
    """A quotation: ``text[start:end]`` includes the marks; ``inner_*`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    words: int
    #: reported speech: a reporting verb (said, asked…) stands right next to it, or it is a
    #: whole quoted sentence standing on its own
    reported: bool = False

    @property
    def kind(self) -> str:
        """``"speech"`` for reported words; ``"term"`` for 1–3 quoted words with no reporting
        verb next to them (scare quotes, titles, terms)."""
        return "term" if self.words <= TERM_MAX_WORDS and not self.reported else "speech"


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _closer_for(text: str, i: int, mark: str, para_end: int) -> int | None:
    """Offset of the mark that closes a quotation opened at ``i``, or None."""
    if mark == "“":
        j = text.find("”", i + 1, para_end)
        return j if j != -1 else None
    if mark == "«":
        j = text.find("»", i + 1, para_end)
        return j if j != -1 else None
    if mark == "„":
        j = _find_any(text, "“”", i + 1, para_end)
        return j if j != -1 else None
    if mark == '"':
        j = text.find('"', i + 1, para_end)
        return j if j != -1 else None
    closer = {"‘": "’", "‚": "‘", "'": "'"}[mark]
    limit = min(para_end, i + 1 + SINGLE_QUOTE_REACH)
    j = text.find(closer, i + 1, limit)
    while j != -1:
        after = text[j + 1] if j + 1 < len(text) else ""
        before = text[j - 1] if j > 0 else ""
        between_letters = _is_letter(before) and _is_letter(after)
        if not between_letters and not _is_letter(after) and not before.isspace():
            return j
        j = text.find(closer, j + 1, limit)
    return None


def _find_any(text: str, marks: str, start: int, end: int) -> int:
    found = [j for j in (text.find(m, start, end) for m in marks) if j != -1]
    return min(found) if found else -1


def _is_reported(text: str, start: int, end: int, inner: str) -> bool:
    """Does the quotation look like reported speech? Yes if a reporting verb stands right
    after it or right before it, or if it is a whole sentence standing on its own (it
    starts a sentence, begins with a capital and ends with end punctuation)."""
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    if _REPORTED_AFTER.match(after) or _REPORTED_BEFORE.search(before):
        return True
    core = inner.strip()
    lead = before.rstrip()
    starts_sentence = (
        not lead or lead[-1] in ".!?…\n" or (lead[-1] in '”’")' and lead[-2:-1] in ".!?")
    )
    return bool(core) and core[0].isupper() and core[-1] in ".!?…" and starts_sentence


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text`` (outermost only), in order, with offsets.

    >>> [q.kind for q in quote_spans("He said: “We will not be isolated by anyone.” It’s clear.")]
    ['speech']
    >>> quote_spans("Korea’s leaders don't say 'never'.")[0].words
    1
    """
    if len(text) <= _CACHE_MAX_CHARS:
        return list(_cached_spans(text))
    return _scan(text)


# Stance, questions and the profile each look for the quotations of the same body: an
# op-ed-sized text is scanned once (a pure cache; big texts are not kept).
_CACHE_MAX_CHARS = 200_000


@lru_cache(maxsize=16)
def _cached_spans(text: str) -> tuple[QuoteSpan, ...]:
    return tuple(_scan(text))


def _scan(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    breaks = [m.start() for m in re.finditer(r"\n[ \t\r\f\v]*\n", text)] + [len(text)]
    b = 0
    pos = 0
    n = len(text)
    while True:
        m = _MARKS.search(text, pos)
        if m is None:
            break
        i = m.start()
        mark = m.group()
        pos = m.end()
        if mark.startswith("\n"):
            continue
        while breaks[b] < i:
            b += 1
        para_end = breaks[b]
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 1] if i + 1 < n else ""
        if mark in "”»’":
            continue  # a closer with no opener (or an apostrophe)
        if mark in "\"'" and not (prev in _OPEN_CONTEXT or prev in "“‘«"):
            continue  # a closing straight quote, an inch mark or an apostrophe
        if mark in "'‘‚" and not _is_letter(nxt) and nxt not in '"“':
            continue
        if mark in "'‘" and _DECADE.match(text, i + 1):
            continue  # ’90s, '20s: an elided century, not a quotation
        if not nxt or nxt.isspace():
            continue
        j = _closer_for(text, i, mark, para_end)
        if j is None:
            if mark in "'‘‚":
                continue
            inner_end = para_end
            while inner_end > i + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            end, closed = inner_end, False
        else:
            inner_end, end, closed = j, j + 1, True
        inner = text[i + 1 : inner_end]
        words = len(_WORD.findall(inner))
        if words == 0:
            pos = max(pos, end)
            continue  # empty marks ("") or marks around punctuation only
        reported = _is_reported(text, i, end, inner)
        spans.append(QuoteSpan(i, end, i + 1, inner_end, closed, words, reported))
        pos = max(pos, end)
    return spans


def _start(span: QuoteSpan) -> int:
    return span.start


def is_quoted(spans: Sequence[QuoteSpan], pos: int) -> bool:
    """True if offset ``pos`` lies inside one of ``spans`` (as returned by :func:`quote_spans`).

    >>> text = 'Kirby said: "Talks may advance." They did.'
    >>> spans = quote_spans(text)
    >>> is_quoted(spans, text.index("may")), is_quoted(spans, text.index("did"))
    (True, False)
    """
    k = bisect_right(spans, pos, key=_start) - 1  # O(log n): no list is built per call
    return k >= 0 and spans[k].start <= pos < spans[k].end


def quoted_share(text: str) -> float:
    """Share of the words of ``text`` that lie inside quotations (0.0 for an empty text).

    >>> round(quoted_share('He said: "We will win." We lost.'), 3)
    0.429
    """
    spans = quote_spans(text)
    words = [w.start() for w in _WORD.finditer(text)]
    if not words:
        return 0.0
    inside = 0
    k = 0
    for pos in words:  # both lists are in order: one sweep
        while k < len(spans) and spans[k].end <= pos:
            k += 1
        if k < len(spans) and spans[k].start <= pos:
            inside += 1
    return inside / len(words)
