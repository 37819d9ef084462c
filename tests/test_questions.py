"""Tests for opedkit.questions: finding questions, telling their kinds apart, bad input.

Expected values come from reading the examples (data/questions/GUIDELINE.md), never from
running the code. Accuracy on the annotated sets is measured by scripts/evaluate_questions.py.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import opedkit
from opedkit.questions import COLUMNS, KINDS, question_rules, question_summary, questions

# the module itself (opedkit.questions is also the name of the function)
qmod = importlib.import_module("opedkit.questions")


def texts(x: str, **kw: object) -> list[str]:
    return questions(x, **kw)["text"].tolist()  # type: ignore[arg-type]


def kinds(x: str, **kw: object) -> list[str]:
    return questions(x, **kw)["kind"].tolist()  # type: ignore[arg-type]


# --- finding questions ------------------------------------------------------------------------

FIND = [
    pytest.param(
        "Who pays? Who benefits? Who decides?",
        ["Who pays?", "Who benefits?", "Who decides?"],
        id="several-in-a-row",
    ),
    pytest.param(
        "The new plan (does anyone remember the last one?) is worse.",
        ["does anyone remember the last one?"],
        id="in-brackets",
    ),
    pytest.param(
        "Councillors argue — and who could blame them? — that pride matters.",
        ["and who could blame them?"],
        id="between-dashes",
    ),
    pytest.param(
        "Consider whether they need to get to work?!",
        ["Consider whether they need to get to work?!"],
        id="question-exclamation",
    ),
    pytest.param(
        "She asked, “Where will the money come from?”",
        ["Where will the money come from?"],
        id="question-mark-before-closing-quote",
    ),
    pytest.param(
        "He asked “why now?” and left the room.",
        ["why now?"],
        id="quoted-question-inside-a-longer-sentence",
    ),
    pytest.param(
        "The test is simple: would you sign it?", ["would you sign it?"], id="after-a-colon"
    ),
    pytest.param("They signed; but will it hold?", ["but will it hold?"], id="after-a-semicolon"),
    pytest.param("Is it? Is it really?", ["Is it?", "Is it really?"], id="short-questions"),
    pytest.param(
        "See https://example.gov/search?q=cod&year=2023 for the figures.",
        [],
        id="not:question-mark-in-a-web-address",
    ),
    pytest.param(
        "See example.gov/page?id=3 for details.",
        [],
        id="not:question-mark-in-an-address-without-scheme",
    ),
    pytest.param(
        "The report “Is the Bus Still Worth It?” answers its own title.",
        [],
        id="not:quoted-title-of-a-work",
    ),
    pytest.param(
        'The exhibition under the title "Whose Heritage?" drew crowds.',
        [],
        id="not:title-after-title-word",
    ),
    pytest.param(
        "In her book Who Needs Libraries? the critic argued they were obsolete.",
        [],
        id="not:unquoted-book-title",
    ),
    pytest.param("They first met in 1987 (?) in Vienna.", [], id="not:doubt-marker"),
    pytest.param("It was loud. ??? Then it stopped.", [], id="not:question-marks-without-words"),
    pytest.param(
        "Whether or not you agree, the report deserves a reading.", [], id="not:whether-or-not"
    ),
    pytest.param("If Russia signs, the deal changes the region.", [], id="not:conditional-if"),
    pytest.param(
        "Reporters asked whether the mayor would resign.",
        [],
        id="not:someone-else's-reported-indirect-question",
    ),
    pytest.param(
        "That is why the plan failed. What Moscow wants is shells.",
        [],
        id="not:why-and-what-in-statements",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_finds_questions(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


INDIRECT = [
    pytest.param(
        "The question is whether the leader can hold them together.",
        True,
        id="the-question-is-whether",
    ),
    pytest.param(
        "It remains to be seen if the plan will survive.", True, id="remains-to-be-seen-if"
    ),
    pytest.param("One wonders why they were left out.", True, id="one-wonders-why"),
    pytest.param("It is not clear how the council will vote.", True, id="not-clear-how"),
    pytest.param(
        "Nobody knows how many births would end up on the hard shoulder.",
        True,
        id="nobody-knows-how",
    ),
    pytest.param(
        "We need to ask what a town loses when it loses its library.",
        True,
        id="we-need-to-ask-what",
    ),
    pytest.param(
        "Lawmakers should ask themselves whether they are being managed.",
        True,
        id="ask-themselves-whether",
    ),
    pytest.param(
        "Whether the cap survives the election is anyone's guess.",
        True,
        id="subject-clause-anyone's-guess",
    ),
    pytest.param("Critics ask what the summit will achieve.", False, id="not:third-party-asks"),
    pytest.param("It is clear how the council will vote.", False, id="not:it-is-clear"),
    pytest.param("How the war ended is well known.", False, id="not:subject-clause-without-doubt"),
]


@pytest.mark.parametrize(("text", "is_indirect"), INDIRECT)
def test_indirect_questions(text: str, is_indirect: bool) -> None:
    table = questions(text)
    assert (table["kind"] == "indirect").tolist() == ([True] if is_indirect else [])
    if is_indirect:
        assert table["form"].item() == "indirect"
        assert table["cue"].item() != ""


# --- quoted or the writer's own ---------------------------------------------------------------

QUOTED = [
    pytest.param(
        "A tenant stood up and asked, “Where am I supposed to live?”", True, id="curly-quotes"
    ),
    pytest.param(
        "A senator put it bluntly: ‘Why should we believe a word you say?’",
        True,
        id="single-curly-quotes",
    ),
    pytest.param('My opponent says, "Do you want fewer police?"', True, id="straight-quotes"),
    pytest.param(
        "Parents keep asking me, why should my child learn to write?",
        True,
        id="reported-without-quotation-marks",
    ),
    pytest.param(
        "Now, some will ask, can we afford it? I say we cannot afford not to.",
        True,
        id="anticipated-objection",
    ),
    pytest.param("Ask yourself: “Would I sign this?”", False, id="writer's-own-question-in-quotes"),
    pytest.param("We should be asking, “Who benefits?”", False, id="we-should-be-asking"),
    pytest.param("Is this what they call “reform?”", False, id="only-a-term-is-quoted"),
    pytest.param("I ask you, who pays for this?", False, id="i-ask-you"),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTED)
def test_quoted_or_own(text: str, quoted: bool) -> None:
    table = questions(text)
    assert len(table) == 1
    assert table["quoted"].item() is quoted
    assert (table["kind"].item() == "quoted") is quoted


# --- kinds ------------------------------------------------------------------------------------

KIND_CASES = [
    # hypophora: answered at once
    pytest.param(
        "Is the cut necessary? Probably not.", 0, "hypophora", id="hypophora:hedged-answer-word"
    ),
    pytest.param(
        "Did it stop us learning? No. But it told us what we were worth.",
        0,
        "hypophora",
        id="hypophora:no",
    ),
    pytest.param(
        "Why does the list keep growing? Because the council builds nothing.",
        0,
        "hypophora",
        id="hypophora:because",
    ),
    pytest.param(
        "How many springs have we heard that? Eleven, by my count.",
        0,
        "hypophora",
        id="hypophora:number-after-how-many",
    ),
    pytest.param(
        "Can a school police a laptop at home? It cannot, and teachers know it.",
        0,
        "hypophora",
        id="hypophora:elliptical-reply",
    ),
    pytest.param(
        "The result? Fares went up and riders went down.",
        0,
        "hypophora",
        id="hypophora:noun-phrase-question",
    ),
    pytest.param(
        "What do we want? We want a plan with dates.", 0, "hypophora", id="hypophora:same-subject"
    ),
    pytest.param(
        "So what is the secret?\n\nThere isn't one.",
        0,
        "hypophora",
        id="hypophora:answer-opens-next-paragraph",
    ),
    pytest.param(
        "Is it legal? Is it wise? No.", 0, "hypophora", id="hypophora:run-closed-by-one-answer"
    ),
    pytest.param(
        "Who would design this on purpose? Nobody would.",
        0,
        "hypophora",
        id="hypophora:explicit-answer-beats-who-would",
    ),
    pytest.param(
        "Will the minister listen? (Laughter.) Not unless we make him.",
        0,
        "hypophora",
        id="hypophora:across-a-stage-direction",
    ),
    # rhetorical: the answer is implied
    pytest.param(
        "Isn't it obvious what happens next? Women will drive fifty minutes.",
        0,
        "rhetorical",
        id="rhetorical:negative-yes-no",
    ),
    pytest.param(
        "Did anyone so much as phone Kessington first?",
        0,
        "rhetorical",
        id="rhetorical:minimiser-so-much-as",
    ),
    pytest.param("Who lifted a finger to help?", 0, "rhetorical", id="rhetorical:lift-a-finger"),
    pytest.param(
        "Has a single study shown that cubicles help?", 0, "rhetorical", id="rhetorical:a-single"
    ),
    pytest.param(
        "Who would trust such a partner? Seoul has been burned before.",
        0,
        "rhetorical",
        id="rhetorical:who-would",
    ),
    pytest.param(
        "How could anyone call this an investment?",
        0,
        "rhetorical",
        id="rhetorical:how-could-anyone",
    ),
    pytest.param(
        "What is the point of commuting to sit on calls?",
        0,
        "rhetorical",
        id="rhetorical:what-is-the-point",
    ),
    pytest.param(
        "Who knows? Maybe they will fix it next year.",
        0,
        "rhetorical",
        id="rhetorical:who-knows-idiom",
    ),
    pytest.param(
        "Since when is it the city's job to build a stadium?",
        0,
        "rhetorical",
        id="rhetorical:since-when",
    ),
    pytest.param(
        "Who decided that a bedsit is a family home? And who thought nobody would notice?",
        1,
        "rhetorical",
        id="rhetorical:unanswered-run-default",
    ),
    # open: raised and left open
    pytest.param(
        "Will the talks succeed? Only time will tell.", 0, "open", id="open:only-time-will-tell"
    ),
    pytest.param("Will the plan pass? Nobody knows.", 0, "open", id="open:nobody-knows"),
    pytest.param(
        "Questions remain. Will the two sides agree on a timetable?",
        0,
        "open",
        id="open:announced-before",
    ),
    pytest.param(
        "To what degree would parliament accept a secret deal?", 0, "open", id="open:to-what-degree"
    ),
    pytest.param(
        "Will the council use that power, or will it look away?",
        0,
        "open",
        id="open:alternative-question",
    ),
    pytest.param(
        "Will every program get what it asked for? No, and I won't pretend otherwise.",
        0,
        "hypophora",
        id="not-open:answer-word-before-a-refusal",
    ),
    # reader-directed
    pytest.param("What would you do?", 0, "reader-directed", id="reader:what-would-you-do"),
    pytest.param(
        "When did you last wait forty minutes at a stop in the rain?",
        0,
        "reader-directed",
        id="reader:your-experience",
    ),
    pytest.param(
        "How many of you have worked a double shift this month? Put your hands up.",
        0,
        "reader-directed",
        id="reader:how-many-of-you-then-an-instruction",
    ),
    pytest.param(
        "What do you get from this plan? You get lower bills.",
        0,
        "hypophora",
        id="not-reader:answered-for-the-reader",
    ),
    pytest.param(
        "Do you play an instrument? I played the clarinet once.",
        0,
        "reader-directed",
        id="not-hypophora:answer-in-another-person",
    ),
]


@pytest.mark.parametrize(("text", "index", "kind"), KIND_CASES)
def test_kinds(text: str, index: int, kind: str) -> None:
    table = questions(text, setting="written")
    assert table["kind"].iloc[index] == kind, table["reason"].iloc[index]


KNOWN_FAILURES = [
    pytest.param(
        "Would you pay to see your own grandmother's jewellery in someone else's glass case?",
        "rhetorical",
        id="you-with-an-obvious-answer",
        marks=pytest.mark.xfail(
            strict=True, reason="'you' makes it reader-directed; the obvious 'no' is not seen"
        ),
    ),
    pytest.param(
        "Ask yourself: “Would I want my daughter on that road in February?”",
        "rhetorical",
        id="ask-yourself-with-an-obvious-answer",
        marks=pytest.mark.xfail(strict=True, reason="the 'Ask yourself' frame wins"),
    ),
    pytest.param(
        "Do you think we drove two hundred miles for fun? We came because of the rules.",
        "rhetorical",
        id="sarcastic-do-you-think",
        marks=pytest.mark.xfail(
            strict=True, reason="'do you think' is not a cue: in conversation it asks an opinion"
        ),
    ),
]


@pytest.mark.parametrize(("text", "kind"), KNOWN_FAILURES)
def test_known_failures(text: str, kind: str) -> None:
    assert kinds(text)[0] == kind


def test_answered_by_points_at_the_answering_sentence() -> None:
    table = questions("It rained. Why? Because the wind turned. Will it stop? Nobody knows.")
    assert table["text"].tolist() == ["Why?", "Will it stop?"]
    assert table["answered_by"].iloc[0] == 2
    assert pd.isna(table["answered_by"].iloc[1])


def test_every_decision_has_a_reason_and_a_known_source() -> None:
    text = (
        "Is it fair? No. Who would trust them? Will it last? Nobody knows. What would you do? "
        "The question is whether anyone will listen. He asked, “Why now?”"
    )
    table = questions(text)
    assert set(table["kind"]) == {
        "hypophora",
        "rhetorical",
        "open",
        "reader-directed",
        "indirect",
        "quoted",
    }
    sources = set(question_rules()["source"]) | {"own"}
    assert (table["reason"].str.len() > 10).all()
    assert table["source"].isin(sources).all()
    assert table["confidence"].isin(["high", "medium", "low"]).all()


def test_uncertain_decisions_say_so() -> None:
    table = questions("Is this the city we were promised?", setting="written")
    assert table["kind"].item() == "rhetorical"
    assert table["confidence"].item() in ("medium", "low")
    assert table["alternative"].item() != ""


# --- conversation -----------------------------------------------------------------------------

CONVERSATION = [
    pytest.param(
        "Do you have any pets? Oh, that's neat. We've got two cats.",
        "information-seeking",
        id="reaction-oh",
    ),
    pytest.param("Um, how long have you lived there? Okay.", "information-seeking", id="filler-um"),
    pytest.param("Is that right?", "information-seeking", id="backchannel-question"),
    pytest.param(
        "It's been hot down there, hasn't it? Uh-huh, we hit a hundred.",
        "information-seeking",
        id="tag-question-checks",
    ),
    pytest.param(
        "Isn't that up near Austin? Oh, okay, I was thinking of another one.",
        "information-seeking",
        id="negative-question-checks",
    ),
    pytest.param(
        "Do you think it'll pass? Yeah, I hope it does.",
        "information-seeking",
        id="yeah-after-you-question-is-not-an-answer",
    ),
    pytest.param(
        "But you know, what can you do about it? Yeah, they'll do what they want.",
        "rhetorical",
        id="what-can-you-do",
    ),
    pytest.param("Uh, who knows?", "rhetorical", id="who-knows"),
    pytest.param(
        "So what did I do? Uh, I called the police.", "hypophora", id="asker-answers-about-himself"
    ),
]


@pytest.mark.parametrize(("text", "kind"), CONVERSATION)
def test_conversation(text: str, kind: str) -> None:
    table = questions(text)
    assert table["kind"].iloc[0] == kind, table["reason"].iloc[0]


def test_same_tag_question_in_a_written_text_asks_for_agreement() -> None:
    text = "The minister calls the scheme generous. It is generous, isn't it?"
    assert kinds(text) == ["rhetorical"]
    assert kinds(text, setting="conversation") == ["information-seeking"]


def test_transcript_markup_and_unpunctuated_question() -> None:
    table = questions("{F Um, } what do you think about the space program /")
    assert table["form"].tolist() == ["unpunctuated"]
    assert table["kind"].tolist() == ["information-seeking"]
    assert table["text"].item().startswith("what do you think")


def test_a_speech_with_a_few_yeahs_stays_written() -> None:
    speech = ("We will fix the roads. " * 40) + "Yeah. Is that too much to ask?"
    table = questions(speech)
    assert table["kind"].tolist() == ["rhetorical"]
    assert "conversation" not in table["reason"].item()


# --- the bundled op-ed ------------------------------------------------------------------------


def test_bundled_op_ed_has_three_open_questions_in_paragraph_nine() -> None:
    table = questions(opedkit.bundled())
    assert len(table) == 3
    assert table["kind"].tolist() == ["open", "open", "open"]
    assert table["answered_by"].isna().all()
    assert table["quoted"].tolist() == [False, False, False]
    assert table["paragraph"].tolist() == [8, 8, 8]  # "paragraph 9" to a reader
    assert (
        table["text"]
        .str.startswith(("Will the deliberations", "Could there", "To what degree"))
        .all()
    )
    assert (table["confidence"] == "high").all()


def test_bundled_summary() -> None:
    s = question_summary(opedkit.bundled()).set_index("kind")
    assert s.loc["open", "questions"] == 3
    assert s.loc["all questions", "questions"] == 3
    assert s.loc["hypophora", "questions"] == 0
    words = len(opedkit.words(opedkit.bundled().body))
    assert s.loc["all questions", "per_1000_words"] == round(3000 / words, 2)


# --- output shape -----------------------------------------------------------------------------


def test_columns_types_and_offsets() -> None:
    text = "Why? Because. (Is it?) He asked “why now?” and left. The question is whether it works."
    table = questions(text)
    assert tuple(table.columns) == COLUMNS
    assert str(table["answered_by"].dtype) == "Int64"
    assert table["quoted"].dtype == bool
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    assert table["start"].is_monotonic_increasing
    assert set(table["kind"]) <= set(KINDS)


def test_document_and_string_agree() -> None:
    text = "Will it work? Nobody knows.\n\nWhy? Because it is new."
    doc = opedkit.as_document(text)
    pd.testing.assert_frame_equal(questions(doc), questions(text))


def test_excluded_question_marks_can_be_shown() -> None:
    text = "See https://x.org/a?b=1 and the book “Who Owns the Sea?” (?)"
    assert questions(text).empty
    table = questions(text, excluded=True)
    assert table["kind"].tolist() == ["not a question"] * 3
    assert table["reason"].str.contains("web address").any()
    assert table["reason"].str.contains("title").any()


def test_summary_rows_and_the_writers_own() -> None:
    s = question_summary("Why? Because. He asked, “Why now?” Will it last?").set_index("kind")
    assert list(s.index) == [*KINDS, "all questions", "the writer's own"]
    assert s.loc["quoted", "questions"] == 1
    assert s.loc["all questions", "questions"] == 3
    assert s.loc["the writer's own", "questions"] == 2
    assert s.loc["hypophora", "answered"] == 1


def test_bad_setting_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="setting must be one of"):
        questions("Why?", setting="speech")


# --- bad input --------------------------------------------------------------------------------

BAD = [
    pytest.param("", id="empty"),
    pytest.param("   \n\n  ", id="white-space"),
    pytest.param("?", id="a-question-mark-alone"),
    pytest.param("?" * 1000, id="1000-question-marks"),
    pytest.param("? " * 1000, id="1000-spaced-question-marks"),
    pytest.param("?!?! ... ???", id="no-words"),
    pytest.param("“" * 500 + "?" * 500, id="unclosed-quotes"),
    pytest.param("(" * 300 + "?", id="unclosed-brackets"),
    pytest.param("\x00\x01?\ufffd\u202e?", id="control-characters"),
]


@pytest.mark.parametrize("text", BAD)
def test_bad_input_gives_an_empty_table(text: str) -> None:
    table = questions(text)
    assert table.empty
    assert tuple(table.columns) == COLUMNS
    assert question_summary(text)["questions"].sum() == 0


def test_html_and_code_do_not_crash() -> None:
    text = "<p>Is it safe?</p><script>if (a ? b : c) alert('x?')</script>"
    table = questions(text)
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    assert "Is it safe?" in table["text"].tolist()


def test_text_of_only_questions() -> None:
    table = questions("Why? Who? When? How?")
    assert table["text"].tolist() == ["Why?", "Who?", "When?", "How?"]
    assert table["answered_by"].isna().all()


def test_many_questions_in_a_row() -> None:
    table = questions("Is it? " * 1000)
    assert len(table) == 1000


def test_a_very_long_question() -> None:
    table = questions("word " * 20000 + "why?")
    assert len(table) == 1
    assert table["text"].item().endswith("why?")


# --- the rule data ----------------------------------------------------------------------------


def test_every_rule_has_a_source_and_a_reason() -> None:
    rules = question_rules()
    assert len(rules) > 100
    assert rules["citation"].str.len().gt(10).all()
    assert rules["reason"].str.len().gt(10).all()
    assert set(rules["scope"]) == {"question", "next", "before", "lead", "sentence"}


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param("who NOSUCHCLASS", id="unknown-word-class"),
    ],
)
def test_bad_pattern_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="unknown word class"):
        qmod._compile(pattern)


@pytest.mark.parametrize(
    ("pattern", "words", "matches"),
    [
        pytest.param("who would|could !PRON", "who would trust them", True, id="negated-slot"),
        pytest.param(
            "who would|could !PRON", "who would you choose", False, id="negated-slot-refuses"
        ),
        pytest.param("is|are anyone_'s_guess", "is anyone 's guess", True, id="phrase"),
        pytest.param("nobody ...4 knows", "nobody in this square knows", True, id="gap"),
        pytest.param(
            "nobody ...2 knows", "nobody in this square really knows", False, id="gap-too-long"
        ),
        pytest.param("(only) time will tell", "time will tell", True, id="optional-slot"),
        pytest.param("about #", "about 14", True, id="number"),
    ],
)
def test_pattern_language(pattern: str, words: str, matches: bool) -> None:
    slots = qmod._compile(pattern)
    assert (qmod._match_at(slots, words.split(), 0) is not None) is matches


def test_a_lone_full_stop_after_a_question_does_not_crash() -> None:
    # regression: "Is it? . Yes." raised IndexError (an empty sentence opener)
    table = questions("Is it? . Yes.")
    assert list(table["text"]) == ["Is it?"]


def test_reasons_name_sentences_by_their_words_not_a_number() -> None:
    # a number would be read from 1 by a reader and from 0 by the `sentence` column
    table = questions(opedkit.bundled())
    for reason in table["reason"]:
        assert "“The questions can only be addressed…”" in reason
        assert "sentence 3" not in reason
    answered = questions("Can sanctions work? They cannot. The West tried.")
    assert answered.loc[0, "answered_by"] == 1
    assert "answered in the sentence “They cannot.”" in answered.loc[0, "reason"]
