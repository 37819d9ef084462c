"""Properties that must hold for ANY text: no crash, exact offsets, nothing lost.

Hypothesis generates arbitrary Unicode (control characters and lone surrogates included,
since a Python ``str`` can hold them) and "texty" strings assembled from the pieces the
rules care about (abbreviations, quotes, ellipses, list markers, line breaks). Speed is
not tested here; scripts/evaluate_segmentation.py prints timings for 1, 10 and 20 MB.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opedkit
from opedkit.document import from_text
from opedkit.segment import paragraph_spans, sentence_breaks, sentence_spans, sentence_table
from opedkit.tokenize import tokens

# Invisible format characters the tokenizer may leave out (see opedkit.tokenize).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")

# Every code point: hypothesis leaves out surrogates by default, so lone surrogates (which a
# Python str can hold) are mixed in explicitly, and so are control and format characters.
ANY_CHAR = st.one_of(
    st.characters(),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.integers(0, 0x1F).map(chr),
    st.sampled_from("\u00ad\u200b\u200c\u200d\u200e\u200f\u202e\u2060\u2066\ufeff\u2028\u2029"),
)
PIECES = [
    "Dr.",
    "Mr.",
    "U.S.",
    "e.g.",
    "a.m.",
    "p.m.",
    "Ph.D.",
    "St.",
    "No.",
    "etc.",
    "J.",
    "3.5",
    "1,000",
    "1950-1953",
    "5%",
    "$5",
    "?",
    "!",
    "?!",
    ".",
    "...",
    "…",
    ". . .",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    ":",
    ";",
    ",",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\r\n",
    "the",
    "The",
    "We",
    "we",
    "Every",
    "i",
    "I",
    "a",
    "and",
    "word",
    "Word",
    "x",
    "1.",
    "2)",
    "- ",
    "* ",
    "• ",
    "> ",
    "#",
    ":)",
    "😀",
    "👩‍👧",
    "北京",
    "é",
    "e\u0301",
    "www.x.org",
    "me@x.org",
    "http://a.b/c.",
    "great.The",
    "--------",
]
TEXTY = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(ANY_CHAR, max_size=3)), max_size=60
).map("".join)
TEXTS = st.one_of(st.text(ANY_CHAR, max_size=300), TEXTY)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _visible(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if not c.isspace() and not _INVISIBLE.match(c)]


# --- tokenizer ----------------------------------------------------------------------------


@SETTINGS
@given(TEXTS)
def test_tokens_map_back_in_order_and_cover_all_visible_text(text: str) -> None:
    toks = tokens(text)
    pos = 0
    covered = set()
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.start >= pos and t.end > t.start
        assert t.kind in {"word", "number", "abbr", "url", "email", "punct"}
        assert not any(c.isspace() for c in t.text)
        covered.update(range(t.start, t.end))
        pos = t.end
    assert set(_visible(text)) <= covered


# --- segmenter ----------------------------------------------------------------------------


@SETTINGS
@given(TEXTS)
def test_sentences_map_back_in_order_and_cover_all_non_space_text(text: str) -> None:
    spans = sentence_spans(text)
    paragraphs = paragraph_spans(text)
    pos = 0
    covered = set()
    for s in spans:
        sentence = text[s.start : s.end]
        assert sentence and sentence == sentence.strip()
        assert s.start >= pos
        lo, hi = paragraphs[s.paragraph]
        assert lo <= s.start and s.end <= hi
        covered.update(range(s.start, s.end))
        pos = s.end
    assert [s.paragraph for s in spans] == sorted(s.paragraph for s in spans)
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered
    assert opedkit.sentences(text) == [text[s.start : s.end] for s in spans]


@settings(max_examples=60, deadline=None)
@given(TEXTY)
def test_sentence_table_agrees_with_sentences(text: str) -> None:
    table = sentence_table(text)
    assert list(table["text"]) == opedkit.sentences(text)
    assert list(table["sentence"]) == list(range(len(table)))
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.words == len(opedkit.words(row.text))


@settings(max_examples=60, deadline=None)
@given(TEXTY)
def test_every_cut_is_listed_in_sentence_breaks(text: str) -> None:
    cuts = set(sentence_breaks(text).query("cut")["offset"])
    starts = {s.start for s in sentence_spans(text)}
    paragraph_starts = {lo for lo, _ in paragraph_spans(text)}
    assert starts <= cuts | paragraph_starts


# --- the loader: every line of input lands in exactly one part ------------------------------


@settings(max_examples=150, deadline=None)
@given(TEXTY)
def test_from_text_loses_no_text(text: str) -> None:
    doc = from_text(text)
    # one leading byte-order mark is an encoding artefact and is dropped; a second U+FEFF is
    # a (zero-width) character of the text and must be kept
    normal = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(normal.split())
    got = "".join("".join(p.text.split()) for p in doc.parts)
    assert got == expected
    assert doc.body == "\n\n".join(doc.paragraphs)


# --- huge repeats (no crash, no hang; speed itself is measured by the script) ----------------

REPEATS = [
    "?" * 1000,
    "!" * 1000,
    "." * 1000,
    "…" * 1000,
    "?!" * 500,
    ". " * 1000,
    '"' * 1000,
    "“" * 500 + "”" * 500,
    "a." * 1000,
    "U.S." * 500,
    "ab.Cd" * 500,
    "1. " * 1000,
    ":) " * 1000,
    "\n" * 1000,
    "x\n" * 1000,
    "-" * 1000,
    "'" * 1000,
    "@" * 1000,
    "a@" * 1000,
    "www." * 500,
    "😀" * 1000,
    "\u200b" * 1000,
    "\x00\x01\x02" * 300,
    "\ud800" * 100,
]


@pytest.mark.parametrize("text", REPEATS, ids=lambda t: repr(t[:6]))
def test_huge_repeats_segment_and_tokenize(text: str) -> None:
    spans = sentence_spans(text)
    kept = "".join("".join(text[s.start : s.end].split()) for s in spans)
    assert kept == "".join(text.split())
    toks = tokens(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
