"""Readability: every formula against arithmetic done by hand, and against textstat 0.7.8.

The main worked example (TEXT) was counted by hand; its counts are in the comments. Every
expected score below is the published formula applied to those counts with a calculator,
never a value read back from opedkit. textstat 0.7.8 is fed the same text; where it differs,
the test states why and by how much.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import pytest

import opedkit
from opedkit.readability import (
    MEASURES,
    hardest_sentences,
    readability,
    readability_by_paragraph,
    readability_by_sentence,
)

textstat = pytest.importorskip("textstat")

ROOT = Path(__file__).resolve().parent.parent

# Counted by hand:
#   Last(1) year(1) Maria(3) visited(3) a(1) museum(3) in(1) Paris(2).  8 words, 15 syllables
#   Its(1) collection(3) was(1) enormous(3).                              4 words,  8 syllables
#   She(1) loved(1) it(1)!                                                3 words,  3 syllables
# -> 3 sentences, 15 words, 26 syllables.
# Polysyllables (3+ syllables, SMOG): Maria, visited, museum, collection, enormous = 5.
# Complex words (Fog): the same minus Maria (a name inside a sentence) and visited (three
#   syllables only through -ed after t, Gunning's exception) = 3.
# Letters: 4+4+5+7+1+6+2+5 = 34; 3+10+3+8 = 24; 3+5+2 = 10 -> 68 (no digits: characters 68).
# Not on the Dale-Chall list: Maria, visited, museum, Paris, collection, enormous, loved.
#   Familiar by Dale and Chall's rules: Maria and Paris (names), visited (visit + -ed),
#   loved (love + -d). Difficult: museum, collection, enormous = 3.
TEXT = "Last year Maria visited a museum in Paris. Its collection was enormous. She loved it!"

HAND_COUNTS = {
    "sentences": 3,
    "words": 15,
    "syllables": 26,
    "polysyllables": 5,
    "complex_words": 3,
    "letters": 68,
    "characters": 68,
    "difficult_words": 3,
}

HAND_SCORES = [
    # 206.835 - 1.015 * 15/3 - 84.6 * 26/15 = 206.835 - 5.075 - 146.64 = 55.12
    pytest.param("flesch_reading_ease", 55.12, id="flesch-reading-ease"),
    # 0.39 * 5 + 11.8 * 26/15 - 15.59 = 1.95 + 20.4533 - 15.59 = 6.8133
    pytest.param("flesch_kincaid_grade", 6.8133, id="flesch-kincaid"),
    # 0.4 * (5 + 100 * 3/15) = 0.4 * 25 = 10.0
    pytest.param("gunning_fog", 10.0, id="gunning-fog"),
    # 1.0430 * sqrt(5 * 30/3) + 3.1291 = 1.043 * 7.0711 + 3.1291 = 10.5042
    pytest.param("smog_index", 10.5042, id="smog"),
    # 0.0588 * (100 * 68/15) - 0.296 * (100 * 3/15) - 15.8 = 26.656 - 5.92 - 15.8 = 4.936
    pytest.param("coleman_liau_index", 4.936, id="coleman-liau"),
    # 4.71 * 68/15 + 0.5 * 15/3 - 21.43 = 21.352 + 2.5 - 21.43 = 2.422
    pytest.param("automated_readability_index", 2.422, id="ari"),
    # 0.1579 * (100 * 3/15) + 0.0496 * 5 + 3.6365 = 3.158 + 0.248 + 3.6365 = 7.0425
    pytest.param("dale_chall", 7.0425, id="dale-chall"),
    # grade equivalents: 55.12 -> band 50-60 -> 11.0; Dale-Chall 7.0425 -> 7.0-7.9 -> 9.5;
    # the five grades 6.8133, 10.0, 10.5042, 4.936, 2.422; sorted: 2.422, 4.936, 6.8133,
    # 9.5, 10.0, 10.5042, 11.0 -> median 9.5
    pytest.param("consensus", 9.5, id="consensus"),
]


@pytest.fixture(scope="module")
def table():  # type: ignore[no-untyped-def]
    return readability(TEXT)


@pytest.mark.parametrize(("measure", "expected"), HAND_SCORES)
def test_formula_against_hand_arithmetic(table, measure: str, expected: float) -> None:  # type: ignore[no-untyped-def]
    assert round(float(table.loc[measure, "score"]), 4) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(("count", "expected"), list(HAND_COUNTS.items()))
def test_counts_against_hand_counts(table, count: str, expected: int) -> None:  # type: ignore[no-untyped-def]
    used = table[count].dropna()
    assert len(used) > 0
    assert set(used.astype(int)) == {expected}


def test_each_row_shows_only_the_counts_its_formula_uses(table) -> None:  # type: ignore[no-untyped-def]
    assert table.loc["smog_index", ["polysyllables", "sentences"]].tolist() == [5, 3]
    assert table.loc["smog_index", ["words", "syllables", "letters"]].isna().all()
    assert table.loc["dale_chall", "difficult_words"] == 3
    assert table[["syllables"]].isna().loc["dale_chall", "syllables"]


def test_worked_formula_shows_the_counts(table) -> None:  # type: ignore[no-untyped-def]
    assert table.loc["flesch_kincaid_grade", "worked"] == (
        "0.39 × (15 / 3) + 11.8 × (26 / 15) − 15.59 = 6.81"
    )
    assert (
        table.loc["smog_index", "formula"] == "1.0430 × √(polysyllables × 30 / sentences) + 3.1291"
    )


def test_opedkit_grade_is_its_published_coefficients(table) -> None:  # type: ignore[no-untyped-def]
    model = json.loads(
        resources.files("opedkit.data").joinpath("readability_grade.json").read_text("utf-8")
    )
    # counts by hand: 15 words / 3 sentences; no word of TEXT is rare (all are common English
    # words or well-known names); 3 of 15 are not on the Dale-Chall list (see above)
    features = {
        "words_per_sentence": 15 / 3,
        "rare_share": 0 / 15,
        "unfamiliar_share": 3 / 15,
        "syllables_per_word": 26 / 15,
        "characters_per_word": 68 / 15,
    }
    expected = model["intercept"] + sum(
        f["weight"] * features[f["name"]] for f in model["features"]
    )
    assert float(table.loc["opedkit_grade", "score"]) == pytest.approx(expected, abs=1e-9)


def test_bands_are_plain_words(table) -> None:  # type: ignore[no-untyped-def]
    assert table.loc["flesch_reading_ease", "band"] == "fairly difficult (grades 10-12)"
    assert table.loc["gunning_fog", "band"] == "fairly difficult (grade 10)"
    assert table.loc["automated_readability_index", "band"] == "very easy (grade 2)"
    assert table.loc["dale_chall", "band"] == "fairly difficult, grades 9-10"


def test_rows_columns_and_sources(table) -> None:  # type: ignore[no-untyped-def]
    assert list(table.index) == list(MEASURES)
    assert table.index.name == "measure"
    for col in ("score", "grade", "band", "formula", "worked", "source", "note"):
        assert col in table.columns
    assert table["source"].str.len().min() > 10


# --- textstat 0.7.8 on the same text -----------------------------------------------------

TEXTSTAT = [
    # Same counts (15 words, 3 sentences, 26 syllables, 5 polysyllables): same score.
    pytest.param("flesch_reading_ease", textstat.flesch_reading_ease, 55.12, id="fre-same"),
    pytest.param("flesch_kincaid_grade", textstat.flesch_kincaid_grade, 6.8133, id="fk-same"),
    pytest.param("smog_index", textstat.smog_index, 10.5042, id="smog-same"),
    # textstat's "complex words" are words of 3+ syllables not on the Dale-Chall list, with no
    # exception for names or -ed: Maria, visited, museum, collection, enormous = 5 (ours 3).
    # 0.4 * (5 + 100 * 5/15) = 15.3333; ours + 0.4 * 100 * 2/15 = 10 + 5.3333
    pytest.param("gunning_fog", textstat.gunning_fog, 15.3333, id="fog-two-more-complex"),
    # textstat uses 0.058 where Coleman and Liau published 0.0588:
    # 4.936 - 0.0008 * (100 * 68/15) = 4.936 - 0.3627 = 4.5733
    pytest.param("coleman_liau_index", textstat.coleman_liau_index, 4.5733, id="cli-constant"),
    # textstat's characters include punctuation (". . !": 71, ours 68 letters and digits):
    # 2.422 + 4.71 * 3/15 = 2.422 + 0.942 = 3.364
    pytest.param("automated_readability_index", textstat.automated_readability_index, 3.364,
                 id="ari-counts-punctuation"),
    # textstat counts every word not on its list as difficult, names and inflections included:
    # Maria, visited, museum, Paris, collection, enormous, loved = 7 (ours 3).
    # 0.1579 * 100 * 7/15 + 0.0496 * 5 + 3.6365 = 7.3687 + 0.248 + 3.6365 = 11.2532
    pytest.param("dale_chall", textstat.dale_chall_readability_score, 11.2532,
                 id="dale-chall-names-and-inflections"),
]  # fmt: skip


@pytest.mark.parametrize(("measure", "peer", "expected"), TEXTSTAT)
def test_textstat_on_the_same_text(table, measure: str, peer, expected: float) -> None:  # type: ignore[no-untyped-def]
    assert peer(TEXT) == pytest.approx(expected, abs=1e-4)
    if measure in ("flesch_reading_ease", "flesch_kincaid_grade", "smog_index"):
        assert float(table.loc[measure, "score"]) == pytest.approx(peer(TEXT), abs=1e-9)


# "Had it?" and "Why?" are sentences; textstat drops every piece of two words or fewer.
# By hand: Had(1) it(1) / The(1) answer(2) sadly(2) was(1) no(1) / Why(1): 8 words, 10
# syllables, 3 sentences (textstat: 1).
QUESTIONS = "Had it? The answer, sadly, was no. Why?"


def test_textstat_drops_short_sentences() -> None:
    assert textstat.sentence_count(QUESTIONS) == 1
    ours = readability(QUESTIONS)
    assert ours.loc["flesch_kincaid_grade", "sentences"] == 3
    # ours: 0.39 * 8/3 + 11.8 * 10/8 - 15.59 = 1.04 + 14.75 - 15.59 = 0.2
    assert float(ours.loc["flesch_kincaid_grade", "score"]) == pytest.approx(0.2, abs=1e-9)
    # textstat: 0.39 * 8/1 + 14.75 - 15.59 = 2.28, i.e. 0.39 * 8 * (1 - 1/3) = 2.08 higher
    assert textstat.flesch_kincaid_grade(QUESTIONS) == pytest.approx(2.28, abs=1e-9)


# Every word on the Dale-Chall list: The cat sat on the mat. It was happy there.
# By hand: 10 words, 2 sentences, 0 difficult words.
EASY = "The cat sat on the mat. It was happy there."


def test_dale_chall_constant_is_always_added() -> None:
    # Dale and Chall (1948): 0.1579 * 0 + 0.0496 * 10/2 + 3.6365 = 3.8845. textstat (like many
    # tools) adds 3.6365 only above 5% difficult words: 0.248.
    ours = float(readability(EASY).loc["dale_chall", "score"])
    assert ours == pytest.approx(3.8845, abs=1e-9)
    assert textstat.dale_chall_readability_score(EASY) == pytest.approx(0.248, abs=1e-9)


def test_bundled_op_ed_against_textstat() -> None:
    body = opedkit.bundled().body
    ours = readability(body)
    # Both tokenizers find 851 words and both segmenters 40 sentences in this text.
    assert textstat.lexicon_count(body) == ours.loc["flesch_kincaid_grade", "words"]
    assert textstat.sentence_count(body) == ours.loc["flesch_kincaid_grade", "sentences"]
    # Syllables differ on three tokens only, each checked by hand:
    #   "1950-1953": ours 10 (nineteen fifty to nineteen fifty-three), textstat 1 (Pyphen
    #   on "19501953"); "2023": ours 5 (twenty twenty-three), textstat 1; "Jong-un" (twice):
    #   ours 2 (Jong + un), textstat 1 (Pyphen on "jongun"). Total: 9 + 4 + 2 * 1 = 15 fewer.
    ours_syllables = int(ours.loc["flesch_kincaid_grade", "syllables"])
    assert textstat.syllable_count(body) == ours_syllables - 15
    # so textstat's Flesch-Kincaid grade is lower by exactly 11.8 * 15 / words
    words = int(ours.loc["flesch_kincaid_grade", "words"])
    gap = float(ours.loc["flesch_kincaid_grade", "score"]) - textstat.flesch_kincaid_grade(body)
    assert gap == pytest.approx(11.8 * 15 / words, abs=1e-9)


# --- bad input: a sensible result, never a crash ------------------------------------------


@pytest.mark.parametrize(
    ("text", "note"),
    [
        pytest.param("", "no words to measure", id="empty"),
        pytest.param("   \n\t \n", "no words to measure", id="whitespace"),
        pytest.param("!!! ??? ... — *", "no words, only symbols", id="only-punctuation"),
        pytest.param("🙂 🙂", "no words, only symbols", id="only-emoji"),
    ],
)
def test_no_words_gives_nan_with_a_reason(text: str, note: str) -> None:
    table = readability(text)
    assert table["score"].isna().all()
    assert (table["note"] == note).all()
    assert (table["band"] == "no words to measure").all()
    assert table["words"].fillna(0).eq(0).all()


def test_no_sentence_punctuation_is_measured_and_flagged() -> None:
    table = readability("a heading without a full stop\n\nanother line of text without one")
    assert table["score"].notna().all()
    assert table.loc["flesch_kincaid_grade", "sentences"] == 2
    assert "no sentence-ending punctuation" in table.loc["flesch_kincaid_grade", "note"]


def test_smog_on_few_sentences_is_flagged() -> None:
    note = readability(TEXT).loc["smog_index", "note"]
    assert "30 sentences" in note and "has 3" in note


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<script>alert('x')</script> Fine.", id="html"),
        pytest.param("\x00\x01\x02 binary junk \ufffd\ufffd.", id="control-characters"),
        pytest.param("a" * 5000 + ".", id="one-huge-word"),
        pytest.param("word " * 3000, id="one-huge-sentence"),
        pytest.param("Москва сказала. 北京. 서울!", id="other-scripts"),
    ],
)
def test_odd_input_is_measured(text: str) -> None:
    table = readability(text)
    assert table["score"].notna().all()


def test_large_input() -> None:
    body = opedkit.bundled().body
    big = "\n\n".join([body] * 60)  # about 360 KB, 51,060 words
    table = readability(big)
    assert table.loc["flesch_kincaid_grade", "words"] == 60 * 851


def test_shouted_sentence_is_counted_in_lower_case() -> None:
    # THE(1) CAT(1) SAT(1) ON(1) THE(1) MAT(1): 6 syllables, not spelled out letter by letter
    assert readability("THE CAT SAT ON THE MAT.").loc["flesch_kincaid_grade", "syllables"] == 6


def test_document_and_string_agree() -> None:
    doc = opedkit.bundled()
    assert readability(doc).equals(readability(doc.body))


def test_package_level_name_works_even_after_the_module_is_imported() -> None:
    import opedkit.readability  # makes the package attribute the module

    assert list(opedkit.readability(TEXT).index) == list(MEASURES)


# --- per paragraph, per sentence, hardest sentences -----------------------------------------

TWO_PARAGRAPHS = TEXT + "\n\n" + EASY


def test_by_paragraph() -> None:
    table = readability_by_paragraph(TWO_PARAGRAPHS)
    assert table["paragraph"].tolist() == [0, 1]
    assert table["words"].tolist() == [15, 10]
    assert table["sentences"].tolist() == [3, 2]
    assert table.loc[0, "flesch_kincaid_grade"] == pytest.approx(6.8133, abs=1e-4)
    # the second paragraph by hand: 10 words, 2 sentences, 11 syllables (happy has 2):
    # 0.39 * 5 + 11.8 * 1.1 - 15.59 = 1.95 + 12.98 - 15.59 = -0.66
    assert table.loc[1, "flesch_kincaid_grade"] == pytest.approx(-0.66, abs=1e-9)
    assert table["first_words"].tolist()[1] == "The cat sat on the mat."


def test_by_paragraph_on_a_document_follows_its_paragraphs() -> None:
    doc = opedkit.bundled()
    table = readability_by_paragraph(doc)
    assert len(table) == len(doc.paragraphs) == 10
    for first, paragraph in zip(table["first_words"], doc.paragraphs, strict=True):
        assert paragraph.startswith(first)
    whole = readability(doc).loc["flesch_kincaid_grade"]
    assert table["words"].sum() == whole["words"] and table["sentences"].sum() == 40


def test_by_sentence() -> None:
    table = readability_by_sentence(TEXT)
    assert table["sentence"].tolist() == [0, 1, 2]
    assert table["text"].tolist() == opedkit.sentences(TEXT)
    assert table["words"].tolist() == [8, 4, 3]
    assert table["syllables"].tolist() == [15, 8, 3]
    assert table.loc[0, "long_words"] == "Maria, visited, museum"
    assert table.loc[1, "difficult_word_list"] == "collection, enormous"
    # one sentence: 0.39 * 3 + 11.8 * 3/3 - 15.59 = 1.17 + 11.8 - 15.59 = -2.62
    assert table.loc[2, "flesch_kincaid_grade"] == pytest.approx(-2.62, abs=1e-9)


def test_sentence_without_words_has_a_row_and_no_score() -> None:
    text = "First sentence here.\n\n* * *\n\nSecond one."
    table = readability_by_sentence(text)
    assert len(table) == len(opedkit.sentences(text)) == 3
    assert table.loc[1, "words"] == 0 and math.isnan(table.loc[1, "flesch_kincaid_grade"])
    assert readability(text).loc["flesch_kincaid_grade", "sentences"] == 2


def test_hardest_sentences_rank_and_say_why() -> None:
    text = (
        "It rained. We stayed in. The unprecedented meteorological circumstances "
        "necessitated comprehensive reconsideration of the municipal infrastructure."
    )
    top = hardest_sentences(text, n=2)
    assert top["rank"].tolist() == [1, 2]
    assert top.loc[0, "sentence"] == 2
    assert "unfamiliar words" in top.loc[0, "why"] or "rare words" in top.loc[0, "why"]
    assert "necessitated" in top.loc[0, "why"] or "unprecedented" in top.loc[0, "why"]
    # 11 words, 8 of them of 3+ syllables (all but The, of, the): the syllable formulas'
    # view is named too
    assert "long words: 8 of 11 have 3+ syllables" in top.loc[0, "why"]


def test_a_long_sentence_is_called_long() -> None:
    # sentence 0: 3 words; sentence 1: 30 short common words; average (3 + 30) / 2 = 16.5
    long_one = " ".join(["we went to the park and then we went home"] * 3) + "."
    top = hardest_sentences("We sat down. " + long_one, n=1)
    assert top.loc[0, "sentence"] == 1
    model = json.loads(
        resources.files("opedkit.data").joinpath("readability_grade.json").read_text("utf-8")
    )
    weight = next(f["weight"] for f in model["features"] if f["name"] == "words_per_sentence")
    # the words-per-sentence weight times (30 - 16.5); no other feature differs (all words
    # are common and on the Dale-Chall list)
    expected = f"long: 30 words (text average 16.5) [+{weight * 13.5:.1f} grades]"
    assert top.loc[0, "why"] == expected


@pytest.mark.parametrize("n", [0, 1, 50])
def test_hardest_sentences_n(n: int) -> None:
    top = hardest_sentences(TEXT, n=n)
    assert len(top) == min(n, 3)
    assert list(top.columns)[:3] == ["rank", "sentence", "paragraph"]


def test_empty_views() -> None:
    assert len(readability_by_sentence("")) == 0
    assert len(readability_by_paragraph("")) == 0
    assert len(hardest_sentences("")) == 0


# --- the coefficients and their provenance ----------------------------------------------------


def test_grade_coefficients_have_provenance() -> None:
    model = json.loads(
        resources.files("opedkit.data").joinpath("readability_grade.json").read_text("utf-8")
    )
    prov = model["provenance"]
    for key in ("citation", "licence", "fit_date", "cv_spearman", "fitted_by", "n_excerpts"):
        assert prov[key], key
    assert "Crossley" in prov["citation"] and "CC BY-NC-SA" in prov["licence"]
    assert prov["cv_spearman"] >= 0.6


def test_clear_data_is_not_in_the_repository() -> None:
    assert not list(ROOT.joinpath("opedkit").rglob("*clear*.csv"))
    assert not list(ROOT.joinpath("data").rglob("*clear*.csv"))


def test_dale_chall_list_has_provenance() -> None:
    data = resources.files("opedkit.data")
    text = data.joinpath("dale_chall_easy_words.txt").read_text("utf-8")
    assert "Dale, E. & Chall" in text and "textstat 0.7.8" in text
    words = [w for w in text.splitlines() if w and not w.startswith("#")]
    assert len(words) == len(set(words)) == 2941
    assert "MIT License" in data.joinpath("NOTICE-DALE-CHALL.txt").read_text("utf-8")
