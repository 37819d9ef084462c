"""Who says so: named and vague sources of the claims in a text (evidentials and weasels).

Hyland (2005) calls references to other texts *evidentials* ("according to X", "Z states").
A reader should check them, and should notice when a claim has a source with no name:
"sources like…", "observers", "experts say", "it is believed", "the expectation is" —
*weasels* in Vincze's (2013) terms. :func:`attributions` lists both, one row per source,
with the pattern that found it and why.

Patterns (the project's own regular expressions over the words listed in
``data/attribution_cues.tsv``):

``according_to``
    "according to [reports from] X": named when X is a capitalised name (each name of "X and
    Y" is one row); vague when X is "some", "sources like …", "media reports", etc.
``named_says``
    a capitalised name followed by a reporting verb: "the Lowy Institute said", "Reuters
    reported that".
``says_named``
    an inverted reporting clause: "…,” said Lavrov.
``vague_source``
    an unnamed group followed by a reporting or believing verb: "critics argue", "some say",
    "global observers closely monitor".
``vague_phrase``
    a fixed unattributed phrase: "sources like", "the expectation is", "it is believed",
    "is said to", "expected to", "reportedly".

Limits: names are found by capital letters, so a source written in lower case ("the
ministry said") is missed and a capitalised subject that is not a source can slip in; the
rules do not know whether a named source really said what the text claims — that is the
reader's job.

>>> t = attributions("According to Reuters and CNN, talks may resume. Critics say otherwise.")
>>> for row in t[["source", "kind", "pattern"]].itertuples(index=False):
...     print(*row)
Reuters named according_to
CNN named according_to
Critics vague vague_source
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document
    from opedkit.quotes import QuoteSpan
    from opedkit.segment import Span

#: One-line reason per pattern (also shown in each row's ``reason``).
PATTERNS = {
    "according_to": "'according to X': the writer cites X as the source",
    "named_says": "a named source with a reporting verb",
    "says_named": "an inverted reporting clause naming the source",
    "vague_source": "a group with no name as the source of a claim or view",
    "vague_phrase": "a claim or expectation whose holder is not named",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that begin sentences or name groups, not sources.
_NOT_NAMES = _words(
    "the this that these those it its they he she we i you there here however but and or so "
    "if when while although as a an some many most several critics analysts experts observers "
    "officials sources reports studies research people others both all each one no nobody "
    "everyone in on at for from with by of to during after before since nevertheless "
    "meanwhile moreover yet still"
)

_NAME = (
    r"(?:[Tt]he\s+)?[A-Z][\w’'&.-]*"
    r"(?:\s+(?:(?:of|for|on|de|al|bin|von|van|der|and|&)\s+)?[A-Z][\w’'&.-]*){0,6}"
)


class _Cues(NamedTuple):
    speech: str
    observe: str
    docs: str
    vague_nouns: str
    qualifiers: str
    phrases: str


def _alt(words: list[str]) -> str:
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)


@cache
def _roles() -> dict[str, list[str]]:
    """role -> its cues, as listed in data/attribution_cues.tsv."""
    text = resources.files("opedkit.data").joinpath("attribution_cues.tsv").read_text("utf-8")
    lines = [x for x in text.splitlines() if x.strip() and not x.startswith("#")]
    roles: dict[str, list[str]] = {}
    for line in lines[1:]:
        cells = line.split("\t")
        roles.setdefault(cells[1], []).append(cells[0])
    return roles


@cache
def _cues() -> _Cues:
    roles = _roles()
    return _Cues(
        _alt(roles["speech_verb"]),
        _alt(roles["observe_verb"]),
        _alt(roles["report_noun"]),
        _alt(roles["vague_noun"]),
        _alt(roles["vague_qualifier"]),
        _alt(roles["vague_phrase"]),
    )


@cache
def _regexes() -> dict[str, re.Pattern[str]]:
    c = _cues()
    return {
        "according_to": re.compile(
            rf"\b[Aa]ccording\s+to\s+(?:(?:the\s+)?(?:latest\s+)?(?:{c.docs})\s+"
            rf"(?:from|by|of|in)\s+)?"
        ),
        "named_says": re.compile(
            rf"(?P<name>{_NAME})\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?(?P<verb>{c.speech})\b"
        ),
        "says_named": re.compile(
            rf"\b(?P<verb>said|says|added|wrote|asked)\s+(?P<name>{_NAME})"
            r"(?=\s*(?:[.,;:!?”\"]|$))"
        ),
        "vague_source": re.compile(
            rf"(?i:\b(?P<q>(?:(?:{c.qualifiers})\s+){{0,3}})(?P<noun>{c.vague_nouns})\s+)"
            rf"(?:\w+ly\s+)?(?:have\s+|has\s+|had\s+|do\s+|did\s+)?"
            rf"(?P<verb>{c.speech}|{c.observe})\b"
        ),
        "vague_phrase": re.compile(rf"(?i:\b(?P<phrase>{c.phrases})\b)"),
        "vague_first": re.compile(
            rf"(?i:(?P<v>(?:{c.phrases}|(?:(?:{c.qualifiers})\s+){{0,3}}(?:{c.vague_nouns})"
            r"|legend)\b))"
        ),
    }


class _Found(NamedTuple):
    start: int
    end: int
    source: str
    kind: str
    cue: str
    pattern: str
    reason: str


def _split_names(text: str, start: int) -> list[tuple[int, int, str]]:
    """'Al Jazeera and Reuters' -> each name with its offsets (relative to the sentence)."""
    out = []
    for m in re.finditer(r"(?:[Tt]he\s+)?[A-Z][^,]*?(?=\s*(?:,|\s+and\s+|\s+or\s+|$))", text):
        name = m.group().strip().rstrip(".")
        if name.endswith(("Jr", "Inc", "Co", "Ltd", "Corp")) or re.search(r"\b[A-Z]\.[A-Z]$", name):
            name += "."
        if name and name.split()[0].lower() not in _NOT_NAMES - {"the"}:
            out.append((start + m.start(), start + m.start() + len(name), name))
    return out


@cache
def _needs() -> dict[str, tuple[str, ...]]:
    """pattern -> words it cannot match without: one word of each of its cues.

    ``according_to`` needs "ccording"; ``named_says`` a speech verb; ``says_named`` one of its
    five verbs; ``vague_source`` a speech or observe verb (all case-sensitive, as in the
    patterns); ``vague_phrase`` one of its phrases, in any case (:data:`_ANY_CASE`). A cue
    of several words is represented by its longest word (usually its rarest: "believed" for
    "it is believed"): a sentence without that word cannot hold the cue.
    """
    roles = _roles()

    def words(cues: list[str], lower: bool = False) -> tuple[str, ...]:
        picked = {max((c.lower() if lower else c).split(), key=len) for c in cues}
        # a word that holds another ("says" holds "say") adds no sentence: leave it out
        return tuple(sorted(w for w in picked if not any(v != w and v in w for v in picked)))

    return {
        "according_to": ("ccording",),
        "named_says": words(roles["speech_verb"]),
        "says_named": words(["said", "says", "added", "wrote", "asked"]),
        "vague_source": words(roles["speech_verb"] + roles["observe_verb"]),
        "vague_phrase": words(roles["vague_phrase"], lower=True),
    }


_ANY_CASE = frozenset({"vague_phrase"})
_ALL_PATTERNS = frozenset(
    ("according_to", "named_says", "says_named", "vague_source", "vague_phrase")
)


def _may_match(body: str, spans: Sequence[Span]) -> list[frozenset[str]]:
    """For each sentence, the patterns that can match in it: those whose cue it holds.

    A pattern cannot match a sentence that does not hold a word of one of its cues
    (:func:`_needs`), so it is not run there. Finding those words in the body once is much
    cheaper than running five patterns over every sentence, and it never skips a match (a
    substring test only lets through more sentences than the pattern would match). In any
    case means lower-cased, which is exact for ASCII sentences only (elsewhere a letter may
    match an ASCII one without lowering to it: 'K', the Kelvin sign): other sentences run
    every pattern.
    """
    starts = [s.start for s in spans]
    lower = body.lower()
    aligned = len(lower) == len(body)  # each character lowers to one: offsets still hold
    seen: dict[tuple[str, bool], set[int]] = {}

    def holding(word: str, any_case: bool) -> set[int]:
        """The sentences ``word`` occurs in (as a substring)."""
        key = (word, any_case)
        if key not in seen:
            text = lower if any_case else body
            out: set[int] = set()
            i = text.find(word)
            while i != -1:
                k = bisect_right(starts, i) - 1
                if k >= 0 and i + len(word) <= spans[k].end:
                    out.add(k)
                i = text.find(word, i + 1)
            seen[key] = out
        return seen[key]

    every = set(range(len(spans)))
    not_ascii = (
        set()
        if body.isascii()
        else {k for k, s in enumerate(spans) if not body[s.start : s.end].isascii()}
    )
    result: list[set[str]] = [set() for _ in spans]
    for pattern, needed in _needs().items():
        any_case = pattern in _ANY_CASE
        if any_case and not aligned:
            where = every
        else:
            where = set()
            for word in needed:
                where |= holding(word, any_case)
            if any_case:
                where |= not_ascii
        for k in where:
            result[k].add(pattern)
    return [frozenset(r) for r in result]


def _find(sentence: str, may: frozenset[str] = _ALL_PATTERNS) -> list[_Found]:
    """Every source in one sentence; ``may``: the patterns that can match in it."""
    rx = _regexes()
    found: list[_Found] = []
    vague_first = rx["vague_first"]
    for m in rx["according_to"].finditer(sentence) if "according_to" in may else ():
        rest_start = m.end()
        tail = sentence[rest_start:]
        clause = re.split(r"[,;:.!?)(]", tail, maxsplit=1)[0]
        cue = " ".join(sentence[m.start() : m.end()].split())
        v = vague_first.match(clause)
        if v:
            end = rest_start + len(clause.rstrip())
            found.append(
                _Found(
                    rest_start,
                    end,
                    clause.strip(),
                    "vague",
                    v.group("v").lower(),
                    "according_to",
                    "'according to' a source with no name",
                )
            )
            named_part = clause[v.end() :]
            offset = rest_start + v.end()
        else:
            named_part, offset = clause, rest_start
        names = re.match(rf"\s*(?P<n>{_NAME})", named_part)
        if names:
            n0 = offset + names.start("n")
            for s, e, name in _split_names(names.group("n"), n0):
                found.append(
                    _Found(s, e, name, "named", cue, "according_to", PATTERNS["according_to"])
                )
    for pattern in ("named_says", "says_named"):
        if pattern not in may:
            continue
        for m in rx[pattern].finditer(sentence):
            name = m.group("name")
            first = name.split()[0].lower()
            if first in _NOT_NAMES and not (first == "the" and len(name.split()) > 1):
                continue
            if first == "the" and name.split()[1].lower() in _NOT_NAMES:
                continue
            for s, e, part in _split_names(name, m.start("name")):
                found.append(
                    _Found(s, e, part, "named", m.group("verb"), pattern, PATTERNS[pattern])
                )
    for m in rx["vague_source"].finditer(sentence) if "vague_source" in may else ():
        s = m.start("q") if m.group("q") else m.start("noun")
        src = sentence[s : m.end("noun")]
        found.append(
            _Found(
                s,
                m.end("noun"),
                src,
                "vague",
                f"{src.lower()} {m.group('verb').lower()}",
                "vague_source",
                PATTERNS["vague_source"],
            )
        )
    for m in rx["vague_phrase"].finditer(sentence) if "vague_phrase" in may else ():
        phrase = m.group("phrase")
        if phrase.lower().startswith("expected"):
            before = sentence[max(0, m.start() - 12) : m.start()].lower().split()
            if before and before[-1] in {"i", "we", "they", "he", "she", "had", "have", "has"}:
                continue
        found.append(
            _Found(
                m.start(),
                m.end(),
                phrase,
                "vague",
                " ".join(phrase.lower().split()),
                "vague_phrase",
                PATTERNS["vague_phrase"],
            )
        )
    # one row per stretch of text: earlier patterns win over overlapping later ones
    kept: list[_Found] = []
    for f in found:
        if any(f.start < k.end and k.start < f.end and f.kind == k.kind for k in kept):
            continue
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


@lru_cache(maxsize=16)
def _analyse(body: str) -> tuple[tuple[int, _Found], ...]:
    from opedkit.segment import sentence_spans

    out: list[tuple[int, _Found]] = []
    spans = sentence_spans(body)
    for k, (span, may) in enumerate(zip(spans, _may_match(body, spans), strict=True)):
        if may:
            out.extend((k, f) for f in _find(body[span.start : span.end], may))
    return tuple(out)


def attributions(x: Document | str) -> pd.DataFrame:
    """Every named or vague source of a claim, one row each, in text order.

    Columns: ``sentence`` (index into :func:`opedkit.sentences`), ``start``, ``end`` (offsets
    of the source words in that sentence), ``source`` (the words as written: "the Lowy
    Institute", "global observers", "The expectation is"), ``kind`` (``named`` or ``vague``),
    ``cue`` (the words that mark it as a source: "according to", "said", "sources like"),
    ``pattern`` (see the module docstring) and ``reason``.

    >>> t = attributions("It is believed that the Lowy Institute said so.")
    >>> t[["source", "kind"]].values.tolist()
    [['It is believed', 'vague'], ['the Lowy Institute', 'named']]
    """
    from opedkit.document import as_document
    from opedkit.lexicon import table

    body = as_document(x).body
    rows = [
        {
            "sentence": k,
            "start": f.start,
            "end": f.end,
            "source": f.source,
            "kind": f.kind,
            "cue": f.cue,
            "pattern": f.pattern,
            "reason": f.reason,
        }
        for k, f in _analyse(body)
    ]
    columns = ["sentence", "start", "end", "source", "kind", "cue", "pattern", "reason"]
    return table(rows, columns, {"sentence": "int64", "start": "int64", "end": "int64"})


_PERSON = (
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}|he|she|they|we|I|one|[Tt]he\s+\w+(?:\s+\w+)?)"
)
_VERBS = (
    r"(?:said|says|added|asked|insisted|wrote|warned|explained|replied|argued|noted|told"
    r"(?:\s+\w+){0,2}|continued|declared|claimed)"
)
_AFTER_QUOTE = re.compile(rf"\s*,?\s*(?:{_VERBS}\s+(?P<a>{_PERSON})|(?P<b>{_PERSON})\s+{_VERBS})\b")
_BEFORE_QUOTE = re.compile(
    rf"(?:(?P<c>{_PERSON})\s+(?:{_VERBS})(?:\s+that)?|[Aa]s\s+(?P<d>{_PERSON}|(?:one|a|an)\s+\w+)"
    r"\s+put\s+it(?:\s+to\s+me)?)\s*[:,]?\s*$"
)


def quote_speaker(body: str, quote: QuoteSpan) -> str:
    """Who said a quotation, when a reporting clause just before or after it says so, else "".

    >>> body = "“We may lose,” the mayor said."
    >>> from opedkit.quotes import quote_spans
    >>> quote_speaker(body, quote_spans(body)[0])
    'the mayor'
    """
    after = body[quote.end : quote.end + 80].split("\n", 1)[0]
    m = _AFTER_QUOTE.match(after)
    if m:
        return (m.group("a") or m.group("b") or "").strip()
    before = body[max(0, quote.start - 120) : quote.start].rsplit("\n", 1)[-1]
    m2 = _BEFORE_QUOTE.search(before)
    if m2:
        return (m2.group("c") or m2.group("d") or "").strip()
    return ""
