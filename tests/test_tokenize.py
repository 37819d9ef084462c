"""The tokenizer every counter shares: one row per documented behaviour, written by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opedkit
from opedkit.tokenize import KINDS, WORD_KINDS, span_tokens, tokens, word_tokens, words

W, N, A, U, E, P = "word", "number", "abbr", "url", "email", "punct"

CASES = [
    # --- hyphens ------------------------------------------------------------------------
    pytest.param("Kim Jong-un", [("Kim", W), ("Jong-un", W)], id="name-with-hyphen"),
    pytest.param("counter-balance", [("counter-balance", W)], id="hyphenated-compound"),
    pytest.param("state-of-the-art", [("state-of-the-art", W)], id="long-compound"),
    pytest.param("COVID-19", [("COVID-19", W)], id="letters-hyphen-digits"),
    pytest.param("well‐known", [("well‐known", W)], id="unicode-hyphen"),
    pytest.param(
        "pre- and post-war",
        [("pre", W), ("-", P), ("and", W), ("post-war", W)],
        id="dangling-hyphen",
    ),
    pytest.param(
        "counter-\nbalance", [("counter", W), ("-", P), ("balance", W)], id="hyphen-at-line-break"
    ),
    pytest.param("Russia—Korea", [("Russia", W), ("—", P), ("Korea", W)], id="em-dash-splits"),
    pytest.param("a--b", [("a", W), ("-", P), ("-", P), ("b", W)], id="double-hyphen-splits"),
    # --- apostrophes --------------------------------------------------------------------
    pytest.param("Korea’s", [("Korea’s", W)], id="curly-possessive"),
    pytest.param("don't", [("don't", W)], id="contraction"),
    pytest.param("Jong-un’s", [("Jong-un’s", W)], id="possessive-of-compound"),
    pytest.param("rock'n'roll", [("rock'n'roll", W)], id="rock-n-roll"),
    pytest.param("the ’90s", [("the", W), ("’90s", W)], id="decade-curly"),
    pytest.param("in '20s", [("in", W), ("'20s", W)], id="decade-straight"),
    pytest.param("class of ’99", [("class", W), ("of", W), ("’99", N)], id="elided-year"),
    pytest.param("students’", [("students", W), ("’", P)], id="trailing-apostrophe"),
    pytest.param("'tis", [("'", P), ("tis", W)], id="leading-apostrophe-letters"),
    pytest.param("1990's", [("1990's", W)], id="number-apostrophe-s"),
    # --- numbers ------------------------------------------------------------------------
    pytest.param("1,000", [("1,000", N)], id="thousands"),
    pytest.param("1,000,000.50", [("1,000,000.50", N)], id="millions-decimal"),
    pytest.param("3.5", [("3.5", N)], id="decimal"),
    pytest.param("1950-1953", [("1950-1953", N)], id="year-range"),
    pytest.param("1950–1953", [("1950–1953", N)], id="year-range-en-dash"),
    pytest.param("$5", [("$", P), ("5", N)], id="dollar"),
    pytest.param("5%", [("5", N), ("%", P)], id="percent"),
    pytest.param("£612.40", [("£", P), ("612.40", N)], id="pound"),
    pytest.param("-3", [("-", P), ("3", N)], id="minus"),
    pytest.param("9:30", [("9:30", N)], id="time"),
    pytest.param("24/7", [("24/7", N)], id="slash"),
    pytest.param("3.5.", [("3.5", N), (".", P)], id="decimal-then-full-stop"),
    pytest.param("3rd 10km H2O", [("3rd", W), ("10km", W), ("H2O", W)], id="digits-and-letters"),
    pytest.param("10\u00a0000", [("10", N), ("000", N)], id="nbsp-splits-number"),
    # --- abbreviations ------------------------------------------------------------------
    pytest.param("U.S.", [("U.S.", A)], id="US"),
    pytest.param("e.g.", [("e.g.", A)], id="eg"),
    pytest.param("i.e.", [("i.e.", A)], id="ie"),
    pytest.param("Ph.D.", [("Ph.D.", A)], id="PhD"),
    pytest.param("a.m.", [("a.m.", A)], id="am"),
    pytest.param("Dr. Usman", [("Dr", W), (".", P), ("Usman", W)], id="one-word-abbreviation"),
    # --- addresses ----------------------------------------------------------------------
    pytest.param(
        "see https://example.org/a?b=1.",
        [("see", W), ("https://example.org/a?b=1", U), (".", P)],
        id="url-trailing-dot",
    ),
    pytest.param("(www.example.com)", [("(", P), ("www.example.com", U), (")", P)], id="www"),
    pytest.param("Amazon.com", [("Amazon.com", U)], id="bare-domain"),
    pytest.param(
        "eurasiareview.com/x-y.", [("eurasiareview.com/x-y", U), (".", P)], id="domain-path"
    ),
    pytest.param("node.js", [("node", W), (".", P), ("js", W)], id="not-a-domain"),
    pytest.param("jane.doe@mail.example.org", [("jane.doe@mail.example.org", E)], id="email"),
    pytest.param("@user", [("@", P), ("user", W)], id="handle"),
    # --- Unicode ------------------------------------------------------------------------
    pytest.param("cafe\u0301", [("cafe\u0301", W)], id="combining-accent"),
    pytest.param("coun\u00adter", [("coun\u00adter", W)], id="soft-hyphen-inside"),
    pytest.param("a\u200bb", [("a\u200bb", W)], id="zero-width-space-inside"),
    pytest.param("x \u200b y \ufeff", [("x", W), ("y", W)], id="lone-invisible-ignored"),
    pytest.param("x\u00a0y", [("x", W), ("y", W)], id="nbsp-separates"),
    pytest.param("👍🏽!", [("👍🏽", P), ("!", P)], id="emoji-skin-tone"),
    pytest.param("👩‍👩‍👧", [("👩‍👩‍👧", P)], id="emoji-zwj-family"),
    pytest.param("🇰🇷🇷🇺", [("🇰🇷", P), ("🇷🇺", P)], id="flags"),
    pytest.param("❤️ it", [("❤️", P), ("it", W)], id="emoji-variation-selector"),
    pytest.param("北京", [("北", W), ("京", W)], id="han-one-per-character"),
    pytest.param("abc北京", [("abc", W), ("北", W), ("京", W)], id="latin-then-han"),
    pytest.param("한국어 텍스트", [("한국어", W), ("텍스트", W)], id="hangul-by-spaces"),
    pytest.param("Москва́ сказала", [("Москва́", W), ("сказала", W)], id="cyrillic"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tokens(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.kind) for t in tokens(text)] == expected


def test_offsets_map_back() -> None:
    text = "Kim Jong-un’s 3.5% e-mail: me@x.org (www.x.org) 👍🏽"
    for t in tokens(text):
        assert text[t.start : t.end] == t.text


def test_words_are_word_number_and_abbr_tokens() -> None:
    text = "In the U.S., 3.5% read www.x.org or mail me@x.org."
    assert words(text) == ["In", "the", "U.S.", "3.5", "read", "or", "mail"]
    assert [t.text for t in word_tokens(text)] == words(text)
    assert WORD_KINDS.issubset(KINDS)


def test_document_is_measured_by_its_body() -> None:
    doc = opedkit.bundled()
    assert words(doc) == words(doc.body)
    assert "Usman" not in " ".join(words(doc)[-30:])  # the bio is not body


def test_bundled_op_ed_first_paragraph_word_count() -> None:
    # Counted by hand: 35 words in sentence 1 ("Kim Jong-un" is 2, "2023" is 1), 29 in
    # sentence 2.
    first, second = opedkit.sentences(opedkit.bundled().paragraphs[0])
    assert len(words(first)) == 35
    assert len(words(second)) == 29
    assert "Jong-un" in words(first)


def test_empty_and_space_only() -> None:
    assert tokens("") == []
    assert tokens(" \n\t\u00a0") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" .,?!'’-abcXYZ019\n\u00a0é😀", max_size=80), st.data())
def test_span_tokens_are_the_tokens_of_the_slice(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shifted = [(t.text, t.start + start, t.end + start, t.kind) for t in tokens(text[start:end])]
    assert [tuple(t) for t in span_tokens(text, start, end)] == shifted
