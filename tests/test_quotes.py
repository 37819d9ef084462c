"""Quotations: which words are someone else's. One row per phenomenon, written by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opedkit
from opedkit.quotes import QuoteSpan, is_quoted, quote_spans, quoted_share

S, T = "speech", "term"

CASES = [
    # --- pairing ----------------------------------------------------------------------------
    pytest.param(
        "He said “we will not be isolated by anyone,” and left.",
        [("“we will not be isolated by anyone,”", S)],
        id="curly-long",
    ),
    pytest.param(
        "She said, \"I told him, 'never again,' and meant it.\"",
        [("\"I told him, 'never again,' and meant it.\"", S)],
        id="straight-with-nested-single",
    ),
    pytest.param(
        "A quote with ‘nested “double” quotes’ inside.",
        [("‘nested “double” quotes’", T)],
        id="single-with-nested-double",
    ),
    pytest.param("«Nous vaincrons», a-t-il dit.", [("«Nous vaincrons»", T)], id="guillemets"),
    pytest.param("„Wir schaffen das“, sagte sie.", [("„Wir schaffen das“", T)], id="german-low"),
    pytest.param("‚Nie wieder‘ sagte er.", [("‚Nie wieder‘", T)], id="german-low-single"),
    pytest.param("Words (“like this”) in brackets.", [("“like this”", T)], id="in-brackets"),
    pytest.param("—“Dash-led,” he said.", [("“Dash-led,”", S)], id="after-dash"),
    # --- apostrophes, primes and empty marks are not quotations --------------------------------
    pytest.param("Korea’s leaders don't say it.", [], id="apostrophes"),
    pytest.param("The students' books and the teachers' pens.", [], id="plural-possessive"),
    pytest.param("In the '90s and the ’20s.", [], id="decades"),
    pytest.param("He's 5'10\" tall.", [], id="inch-marks"),
    pytest.param("'Tis the season, 'cause it's cold.", [], id="elisions"),
    pytest.param('Empty "" marks.', [], id="empty-marks"),
    pytest.param("A lone ” closer.", [], id="lone-closer"),
    # --- unclosed quotations ----------------------------------------------------------------------
    pytest.param(
        "An unclosed “quote runs to the end of the paragraph\n\nNext paragraph.",
        [("“quote runs to the end of the paragraph", S)],
        id="unclosed-to-paragraph-end",
    ),
    pytest.param(
        "“First paragraph of a long quote.\n\n“Second continues,” she said.",
        [("“First paragraph of a long quote.", S), ("“Second continues,”", S)],
        id="news-style-continued",
    ),
    pytest.param("Don't 'quote me on this.", [], id="unclosed-single-is-apostrophe"),
    # --- speech or term ---------------------------------------------------------------------------
    pytest.param('The so-called "experts" were wrong.', [('"experts"', T)], id="scare-quotes"),
    pytest.param(
        "Talks were “actively advancing.”", [("“actively advancing.”", T)], id="short-phrase"
    ),
    pytest.param("“It’s on,” he said.", [("“It’s on,”", S)], id="short-then-he-said"),
    pytest.param("“Why?” Amadou asks him.", [("“Why?”", S)], id="short-then-name-asks"),
    pytest.param("Kim told reporters, “Not now.”", [("“Not now.”", S)], id="verb-before"),
    pytest.param("He left. “We won.”", [("“We won.”", S)], id="whole-sentence-alone"),
    pytest.param(
        "He called it ‘a disaster’ and ‘a farce’.",
        [("‘a disaster’", T), ("‘a farce’", T)],
        id="two-terms",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[q.start : q.end], q.kind) for q in quote_spans(text)] == expected


def test_offsets_inner_and_closed() -> None:
    text = 'Kirby said: "Talks may advance." They did.'
    (q,) = quote_spans(text)
    assert text[q.inner_start : q.inner_end] == "Talks may advance."
    assert (q.start, q.end) == (q.inner_start - 1, q.inner_end + 1)
    assert q.closed and q.words == 3 and q.reported


def test_quote_span_keeps_its_six_field_constructor() -> None:
    # other modules build QuoteSpan(start, end, inner_start, inner_end, closed, words)
    q = QuoteSpan(0, 5, 1, 4, True, 2)
    assert q.kind == "term" and q.reported is False


def test_is_quoted() -> None:
    text = 'Kirby said: "Talks may advance." They did.'
    spans = quote_spans(text)
    assert is_quoted(spans, text.index("may"))
    assert is_quoted(spans, text.index('"'))
    assert not is_quoted(spans, text.index("did"))
    assert not is_quoted([], 0)


def test_quoted_share() -> None:
    assert quoted_share("") == 0.0
    assert quoted_share("No quotes at all here.") == 0.0
    # 3 of 7 words are inside the quotation
    assert quoted_share('He said: "We will win." We lost.') == pytest.approx(3 / 7)


def test_bundled_op_ed_quotations() -> None:
    body = opedkit.bundled().body
    spans = quote_spans(body)
    assert all(body[q.start] in "\"“«„‘'‚" for q in spans)
    assert quoted_share(body) < 0.1  # the op-ed is mostly the writer's own words


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,?\n'\"“”‘’«»„‚-5")), max_size=200))
def test_spans_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    spans = quote_spans(text)
    pos = 0
    for q in spans:
        assert pos <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.words >= 1
        pos = q.end


@pytest.mark.parametrize(
    "text", ['"' * 5000, "“" * 5000, "'a " * 3000, "„" * 3000 + "“" * 3000], ids=repr
)
def test_long_runs_of_marks(text: str) -> None:
    spans = quote_spans(text)
    assert all(0 <= q.start < q.end <= len(text) for q in spans)
