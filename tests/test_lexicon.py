"""The stance lexicons: provenance of every row, the rules they name, and phrase matching."""

from __future__ import annotations

import pytest

from opedkit.lexicon import (
    CATEGORIES,
    COLUMNS,
    STATUSES,
    _matcher,
    expand,
    find_cues,
    lexicon,
    lexicon_rules,
    lexicon_sources,
)
from opedkit.stance import GLOBAL_RULES, RULES


@pytest.fixture(scope="module")
def table():
    return lexicon()


def test_columns_and_categories(table):
    assert list(table.columns) == list(COLUMNS)
    assert (
        set(table["category"])
        == set(CATEGORIES)
        == {
            "hedge",
            "booster",
            "attitude",
            "predictive",
        }
    )


def test_every_row_has_a_resolvable_source(table):
    keys = set(lexicon_sources()["key"])
    missing = [
        (row.cue, key)
        for row in table.itertuples()
        for key in row.source.split(";")
        if key.strip() not in keys
    ]
    assert not missing, f"rows citing unknown source keys: {missing}"
    assert (table["source"].str.strip() != "").all()


def test_every_source_has_a_citation_and_an_address():
    sources = lexicon_sources()
    assert sources["key"].is_unique
    for row in sources.itertuples():
        assert len(row.citation) > 20, row.key
        assert row.url.startswith(("http://", "https://")), row.key
        assert row.licence.strip(), row.key


def test_every_source_is_used_by_some_row(table):
    used = {k for s in table["source"] for k in s.split(";")}
    rules_used = {k for s in lexicon_rules()["source"] for k in s.split(";")}
    unused = set(lexicon_sources()["key"]) - used - rules_used
    assert not unused, f"sources cited by no row and no rule: {unused}"


def test_liwc_is_never_a_source(table):
    assert not any("LIWC" in s.upper() for s in table["source"])
    assert "LIWC" not in set(lexicon_sources()["key"])


def test_status_and_reasons(table):
    assert set(table["status"]) <= set(STATUSES)
    own = table[table["source"].str.contains("OPEDKIT")]
    assert len(own) > 0
    # the project's own cues and inferred restorations say why they are there
    for row in table[
        (table["status"] != "found") | table["source"].str.contains("OPEDKIT")
    ].itertuples():
        assert row.note.strip(), f"{row.cue!r} ({row.status}) has no reason in its note"


def test_negated_categories_are_categories(table):
    assert set(table["negated"]) <= {"", *CATEGORIES}


def test_rules_named_by_rows_exist_in_data_and_code(table):
    documented = set(lexicon_rules()["rule"])
    named = set(table["rule"]) - {""}
    assert named <= documented
    assert named <= set(RULES)
    assert set(RULES) == documented - set(GLOBAL_RULES)
    assert set(GLOBAL_RULES) <= documented


def test_every_rule_has_a_one_line_reason():
    for row in lexicon_rules().itertuples():
        assert row.reason.strip() and "\n" not in row.reason, row.rule
        assert row.source.strip(), row.rule


def test_no_form_belongs_to_two_cues():
    _matcher()  # raises ValueError naming the clash


def test_unknown_category_is_refused():
    with pytest.raises(ValueError, match="unknown category"):
        lexicon("modal")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        pytest.param("perhaps", ["perhaps"], id="plain"),
        pytest.param("(hard|difficult) to say", ["hard to say", "difficult to say"], id="choice"),
        pytest.param("it is (widely)? said", ["it is widely said", "it is said"], id="optional"),
        pytest.param(
            "(a|b) (c|d)",
            ["a c", "a d", "b c", "b d"],
            id="two-choices",
        ),
    ],
)
def test_expand(form, expected):
    assert expand(form) == expected


def _found(text):
    return [(m.text, m.entry.cue, m.entry.category) for m in find_cues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "There is no doubt.", [("no doubt", "no doubt", "booster")], id="phrase-beats-word"
        ),
        pytest.param("I doubt it.", [("doubt", "doubt", "hedge")], id="word-alone"),
        pytest.param(
            "It is true in part.",
            [("true", "true", "booster"), ("in part", "partly", "hedge")],
            id="in-part",
        ),
        pytest.param("Korea, for its part, waits.", [], id="for-its-part-is-not-in-part"),
        pytest.param(
            "Right to a certain extent.",
            [("to a certain extent", "to a degree", "hedge")],
            id="longest-of-overlapping-phrases",
        ),
        pytest.param("In, fact, no.", [], id="phrase-does-not-cross-punctuation"),
        pytest.param("We’ll see.", [("’ll", "'ll", "predictive")], id="contracted-will-curly"),
        pytest.param("It'll rain.", [("'ll", "'ll", "predictive")], id="contracted-will"),
        pytest.param("They won't.", [("won't", "won't", "predictive")], id="wont"),
        pytest.param(
            "It has the potential to grow.",
            [("potential", "potential", "hedge")],
            id="potential-in-phrase",
        ),
        pytest.param(
            "PERHAPS Perhaps perhaps",
            [
                ("PERHAPS", "perhaps", "hedge"),
                ("Perhaps", "perhaps", "hedge"),
                ("perhaps", "perhaps", "hedge"),
            ],
            id="case-insensitive",
        ),
        pytest.param(
            "It is widely believed.",
            [("It is widely believed", "it is said", "hedge")],
            id="weasel-with-optional-word",
        ),
    ],
)
def test_find_cues(text, expected):
    assert _found(text) == expected


def test_find_cues_offsets_point_at_the_words():
    text = "So, of course, it may — perhaps — rain."
    for m in find_cues(text):
        assert text[m.start : m.end] == m.text


def test_lexicon_is_read_from_package_data(table):
    # an installed package reads its own copy (importlib.resources), not the source tree
    assert len(table) > 150
    assert "perhaps" in set(table["cue"])
