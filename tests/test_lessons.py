"""Saved answers (atomic, reloaded, never lost) and exercise checks (explained, never raising)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from opedkit import lessons
from opedkit.lessons import Answers, check


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-work"
    monkeypatch.setenv(lessons.WORK_ENV, str(folder))
    return folder


# --- saving ----------------------------------------------------------------------------------


def test_answers_round_trip_through_the_file(work: Path) -> None:
    a = Answers("03")
    a.set("labels", {"s1": "hedge", "s2": "neither"})
    a.set("note", "Ünïcode “quotes” and <b>tags</b> stay as typed")
    raw = json.loads((work / "lesson-03.json").read_text("utf-8"))
    assert raw["lesson"] == "03"
    assert raw["answers"]["labels"] == {"s1": "hedge", "s2": "neither"}
    again = Answers("03")
    assert again.get("note") == "Ünïcode “quotes” and <b>tags</b> stay as typed"
    assert "labels" in again and "missing" not in again
    assert again.get("missing", "default") == "default"


def test_work_folder_defaults_to_my_work_beside_the_notebook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(lessons.WORK_ENV, raising=False)
    assert lessons.work_folder() == Path("my-work")


def test_a_save_leaves_no_temporary_file(work: Path) -> None:
    a = Answers("00")
    for i in range(5):
        a.set("rating", i)
    assert sorted(p.name for p in work.iterdir()) == ["lesson-00.json"]


def test_two_writers_of_one_lesson_keep_each_others_keys(work: Path) -> None:
    tab1, tab2 = Answers("07"), Answers("07")
    tab1.set("checklist", ["who"])
    tab2.set("title", "My op-ed")  # tab2 was opened before tab1 saved
    assert Answers("07").as_dict() == {"checklist": ["who"], "title": "My op-ed"}


def test_an_unreadable_file_is_kept_not_deleted(work: Path) -> None:
    work.mkdir(parents=True)
    broken = work / "lesson-02.json"
    broken.write_text("{ this is not json", "utf-8")
    with pytest.warns(UserWarning, match="could not be read"):
        a = Answers("02")
    assert a.as_dict() == {}
    assert (work / "lesson-02.json.unreadable-1").read_text("utf-8") == "{ this is not json"
    a.set("x", 1)
    assert Answers("02").get("x") == 1


def test_a_file_with_the_wrong_shape_is_kept_too(work: Path) -> None:
    work.mkdir(parents=True)
    (work / "lesson-02.json").write_text("[1, 2, 3]", "utf-8")
    with pytest.warns(UserWarning):
        assert Answers("02").as_dict() == {}
    assert (work / "lesson-02.json.unreadable-1").exists()


def test_a_failed_write_leaves_the_old_file_intact(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = Answers("05")
    a.set("table", "first version")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        a.set("table", "second version")
    monkeypatch.undo()
    assert Answers("05", folder=work).get("table") == "first version"
    assert sorted(p.name for p in work.iterdir()) == ["lesson-05.json"]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("", id="empty"),
        pytest.param("../evil", id="path-traversal"),
        pytest.param(".hidden", id="dot-file"),
        pytest.param("a\\b", id="backslash"),
    ],
)
def test_lesson_names_cannot_escape_the_work_folder(work: Path, name: str) -> None:
    with pytest.raises(ValueError, match="short plain name"):
        Answers(name)


def test_a_runaway_paste_is_refused_with_a_reason(work: Path) -> None:
    with pytest.raises(ValueError, match="over the"):
        Answers("07").set("text", "x" * (lessons.MAX_ANSWER_CHARS + 1))
    assert not (work / "lesson-07.json").exists()


# --- checking ----------------------------------------------------------------------------------


def test_every_exercise_has_a_hint_and_a_worked_answer() -> None:
    assert lessons.EXERCISES, "no exercises registered"
    for ex_id, ex in lessons.EXERCISES.items():
        assert ex.answer_hint.strip(), ex_id
        assert lessons.worked(ex_id).startswith(f"{ex_id} · ")
        if ex.options is not None:
            assert sum(right for right, _ in ex.options.values()) >= 1, ex_id
            assert all(why.strip() for _, why in ex.options.values()), ex_id


@pytest.mark.parametrize("ex_id", sorted(lessons.EXERCISES))
def test_no_answer_yet_is_said_plainly_and_saves_nothing(work: Path, ex_id: str) -> None:
    for empty in (None, "", "   "):
        fb = check(ex_id, empty)
        assert fb.verdict == "unanswered"
        assert "Not answered yet" in str(fb)
    assert not work.exists()


@pytest.mark.parametrize("ex_id", sorted(lessons.EXERCISES))
def test_nonsense_answers_are_explained_not_raised(work: Path, ex_id: str) -> None:
    for junk in (object(), [1, 2], {"a": 1}, True, "<script>alert(1)</script>", float("nan")):
        fb = check(ex_id, junk)
        assert fb.verdict in {"invalid", "not yet", "noted"}, (ex_id, junk, fb)
        assert fb.message
        assert "<script>" not in fb._repr_html_()


# Reference answers, worked out by hand from the op-ed's text (not computed by opedkit).
RIGHT = [
    pytest.param("00.1", 10, id="00.1-ten-paragraphs"),
    pytest.param("00.1", "10", id="00.1-typed-as-text"),
    pytest.param("00.2", "An opinion piece (op-ed)", id="00.2-by-text"),
    pytest.param("00.2", "b", id="00.2-by-letter"),
    pytest.param("00.2", 2, id="00.2-by-number"),
    pytest.param("01.1", 63, id="01.1-title-byline-bio-furniture"),
    pytest.param("02.1", 50, id="02.1-fifty-words"),
    pytest.param("02.2", 31, id="02.2-thirty-one-syllables"),
    pytest.param("02.3", 15.87, id="02.3-fk-by-hand"),
    pytest.param("02.3", "15,87", id="02.3-decimal-comma"),
    pytest.param("02.5", "b", id="02.5-different-ingredients"),
    pytest.param("01.2", "b", id="01.2-claimed-training"),
    pytest.param("01.3", "b", id="01.3-before-the-summit"),
    pytest.param("03.1", "a", id="03.1-may-hedges"),
    pytest.param("03.2", 3, id="03.2-may-perhaps-hypothetical"),
    pytest.param("03.3", "certainly", id="03.3-certainly-boosts"),
    pytest.param("04.1", "c", id="04.1-left-open"),
    pytest.param("04.2", "b", id="04.2-stakes-without-commitment"),
    pytest.param("05.1", "b", id="05.1-examples-without-reports"),
    pytest.param("05.2", 3, id="05.2-three-named-sentences"),
    pytest.param("06.1", "b", id="06.1-arms-flowed-to-russia"),
    pytest.param("06.2", "b", id="06.2-judge-by-what-was-known"),
]
WRONG = [
    pytest.param("00.1", 12, "bio", id="00.1-counted-the-page-furniture"),
    pytest.param("00.1", 9, "numbers at the left", id="00.1-missed-one"),
    pytest.param("00.2", "a", "reporter", id="00.2-news-report"),
    pytest.param("00.2", "A research article", "no dates", id="00.2-research"),
    pytest.param("01.1", 851, "words in the body", id="01.1-gave-the-body"),
    pytest.param("02.1", 40, "point at each word", id="02.1-far-off"),
    pytest.param("02.2", 25, "tap the beats", id="02.2-far-off"),
    pytest.param("02.3", 3.2, "step by step", id="02.3-far-off"),
    pytest.param("02.5", "c", "know nothing about the topic", id="02.5-topic"),
    pytest.param("01.1", 20, "add up", id="01.1-miscounted"),
    pytest.param("01.2", "a", "not claims true", id="01.2-credentials-prove-nothing"),
    pytest.param("01.3", "c", "forthcoming", id="01.3-on-the-day"),
    pytest.param("03.1", "b", "followed by a verb", id="03.1-month"),
    pytest.param("03.3", "will", "prediction", id="03.3-will-is-counted-apart"),
    pytest.param("04.1", "a", "no answer", id="04.1-not-answered"),
    pytest.param("04.2", "d", "no cue", id="04.2-no-implied-no"),
    pytest.param("05.1", "a", "Reliability", id="05.1-not-about-reliability"),
    pytest.param("05.2", 5, "global observers", id="05.2-counted-vague-sources"),
    pytest.param("06.1", "a", "to* Russia", id="06.1-wrong-direction"),
    pytest.param("06.2", "a", "hindsight trap", id="06.2-hindsight"),
]


@pytest.mark.parametrize(("ex_id", "answer"), RIGHT)
def test_right_answers_are_confirmed(work: Path, ex_id: str, answer: object) -> None:
    fb = check(ex_id, answer)
    assert fb.verdict == "correct", str(fb)
    assert fb.ok


@pytest.mark.parametrize(("ex_id", "answer", "explains"), WRONG)
def test_wrong_answers_are_explained(work: Path, ex_id: str, answer: object, explains: str) -> None:
    fb = check(ex_id, answer)
    assert fb.verdict == "not yet"
    assert explains in fb.message


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        pytest.param(5, "You counted more", id="more-than-the-machine"),
        pytest.param(1, "You counted fewer", id="fewer-than-the-machine"),
    ],
)
def test_a_hand_count_that_differs_is_compared_not_judged(
    work: Path, answer: int, says: str
) -> None:
    fb = check("03.2", answer)
    assert fb.verdict == "noted"
    assert says in fb.message and "“perhaps”" in fb.message


# Labels for the eight sentences of lesson 03, decided by hand from opedkit's rules
# (hedges and boosters only; 'will' and attitude words do not label a sentence).
HAND_LABELS_03 = ["both", "neither", "hedged", "boosted", "neither", "hedged", "neither", "both"]


def test_label_comparison_counts_agreement_and_explains_differences(work: Path) -> None:
    fb = check("03.4", HAND_LABELS_03)
    assert fb.verdict == "noted"
    assert "agree on 8 of the 8" in fb.message and fb.details == ()
    changed = ["hedged", *HAND_LABELS_03[1:]]
    fb = check("03.4", changed)
    assert "agree on 7 of the 8" in fb.message
    assert len(fb.details) == 1
    assert "you said hedged, opedkit says both" in fb.details[0]
    assert "“undoubtedly” (booster)" in fb.details[0]


@pytest.mark.parametrize(
    ("labels", "agree"),
    [
        pytest.param({1: "both", 2: "neither"}, "agree on 2 of the 2", id="dict-by-number"),
        pytest.param(
            {"North Korea and Russia share": "hedged"}, "agree on 0 of the 1", id="by-opening"
        ),
        pytest.param(["both", None, "hedged"], "agree on 2 of the 2", id="list-with-gaps"),
    ],
)
def test_labels_in_other_shapes(work: Path, labels: object, agree: str) -> None:
    assert agree in check("03.4", labels).message


@pytest.mark.parametrize(
    "labels",
    [
        pytest.param(["sure"], id="not-a-label"),
        pytest.param("both", id="a-bare-string"),
    ],
)
def test_bad_labels_say_what_is_expected(work: Path, labels: object) -> None:
    fb = check("03.4", labels)
    assert fb.verdict == "invalid" and "hedged" in fb.message


def test_stance_marks_point_at_the_words_in_the_body() -> None:
    import opedkit

    doc = opedkit.bundled()
    marks = lessons.stance_marks(doc)
    assert len(marks) > 0
    for m in marks.itertuples():
        words = doc.body[m.start : m.end]
        assert f"“{words}”" in m.title
        assert m.category in lessons.STANCE_CATEGORIES


def test_label_items_are_the_sentences_named() -> None:
    items = lessons.label_items_03()
    assert [o for o, _ in items] == list(lessons.LABEL_03)
    for opening, shown in items:
        assert shown.split(": ", 1)[1].startswith(opening)


def test_a_checked_answer_is_saved_for_the_teacher(work: Path) -> None:
    check("00.1", 9)
    assert Answers("00").get("exercise 00.1") == 9
    check("00.1", 10, save=False)
    assert Answers("00").get("exercise 00.1") == 9


def test_unknown_exercise_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"00\.1"):
        check("99.9", 1)


def test_feedback_html_is_escaped_and_plain_text_is_readable() -> None:
    fb = lessons.Feedback("x.1", "noted", "a <b>bold</b> claim", ("detail & more",))
    assert "&lt;b&gt;" in fb._repr_html_() and "&amp;" in fb._repr_html_()
    assert str(fb) == "x.1 · ✎ Noted. a <b>bold</b> claim\n  - detail & more"


# --- helpers lessons show ------------------------------------------------------------------------


def test_part_counts_cover_every_part_of_the_page() -> None:
    import opedkit

    doc = opedkit.bundled()
    table = lessons.part_counts(doc)
    assert list(table["kind"]) == [p.kind for p in doc.parts]
    body_words = table.loc[table["kind"] == "body", "words"].sum()
    assert body_words == len(opedkit.words(doc))
    totals = lessons.kind_totals(doc)
    assert totals.loc[0, "kind"] == "body"
    assert set(totals["kind"]) == {"title", "body", "byline", "bio", "boilerplate"}


def test_question_paragraphs_finds_paragraph_nine() -> None:
    # Paragraph 9 of the op-ed asks three questions; no other paragraph asks any.
    table = lessons.question_paragraphs()
    assert table.to_dict("records") == [{"paragraph": 9, "sentences": 5, "questions": 3}]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        pytest.param(
            "Potential, potentially potential.", ["potential"], [2], id="whole-words-only"
        ),
        pytest.param("May may MAY.", ["may"], [3], id="case-insensitive"),
        pytest.param("Nothing here.", ["may"], [0], id="absent-is-zero"),
    ],
)
def test_word_counts(text: str, terms: list[str], expected: list[int]) -> None:
    assert list(lessons.word_counts(text, terms)["count"]) == expected


# The teacher keys of 05.3 and 06.3, typed out by hand: giving them back agrees fully.
KEY_05 = [
    "description",
    "description",
    "interpretation",
    "prediction",
    "prediction",
    "interpretation",
    "interpretation",
    "prescription",
]
KEY_06 = [
    "happened",
    "partly",
    "too vague to score",
    "partly",
    "happened",
    "partly",
    "too vague to score",
    "did not happen",
]


@pytest.mark.parametrize(
    ("ex_id", "key", "other"),
    [
        pytest.param("05.3", KEY_05, "prediction", id="05.3"),
        pytest.param("06.3", KEY_06, "partly", id="06.3"),
    ],
)
def test_teacher_keys_agree_with_themselves_and_explain_differences(
    work: Path, ex_id: str, key: list[str], other: str
) -> None:
    fb = check(ex_id, key)
    assert "agree on 8 of the 8" in fb.message and fb.details == ()
    fb = check(ex_id, [other, *key[1:]])
    assert "agree on 7 of the 8" in fb.message
    assert fb.details[0].startswith("S") and f"you said {other}" in fb.details[0]


def test_question_labels_compare_with_the_machine(work: Path) -> None:
    fb = check("04.3", ["open", "open", "rhetorical"])
    assert "agree on 2 of the 3" in fb.message
    assert "you said rhetorical, opedkit says open" in fb.details[0]


def test_forecast_table_covers_the_key_and_the_timeline_ids_exist() -> None:
    t = lessons.forecast_table()
    assert len(t) == len(lessons.FORECASTS_06)
    assert set(t["outcome"]) <= set(lessons.OUTCOMES)
    ids = set(lessons.timeline(Path(__file__).parent.parent / "data" / "timeline.csv")["id"])
    for cell in t["timeline"]:
        assert set(cell.split()) <= ids, cell


@pytest.mark.parametrize(
    ("csv", "problem"),
    [
        pytest.param("id,date\nT1,2023-01-01\n", "missing the columns", id="missing-columns"),
        pytest.param(
            ",".join(lessons.TIMELINE_COLUMNS) + "\nT1,2023-01-01,,e,t,maybe,,,,,\n",
            "unknown status",
            id="bad-status",
        ),
    ],
)
def test_a_broken_timeline_is_refused_with_the_reason(
    tmp_path: Path, csv: str, problem: str
) -> None:
    from opedkit.errors import InputError

    path = tmp_path / "timeline.csv"
    path.write_text(csv, "utf-8")
    with pytest.raises(InputError, match=problem):
        lessons.timeline(path)
    with pytest.raises(InputError, match="no such file"):
        lessons.timeline(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    ("ex_id", "answer"),
    [
        pytest.param("02.1", 49, id="02.1-one-word-off"),
        pytest.param("02.2", 32, id="02.2-one-syllable-off"),
        pytest.param("02.3", 15.5, id="02.3-rounded-too-early"),
    ],
)
def test_near_misses_are_close_not_wrong(work: Path, ex_id: str, answer: object) -> None:
    assert check(ex_id, answer).verdict == "close"


def test_a_rewrite_is_measured_before_and_after(work: Path) -> None:
    fb = check("02.4", "An arms deal would change US plans in the region.")
    assert fb.verdict == "noted"
    assert "before" in fb.message and "lower (easier)" in fb.message
    assert check("02.4", "Short.").verdict == "invalid"


def test_scramble_keeps_the_words_and_the_sentences() -> None:
    import opedkit

    text = "The talks may fail. Nobody knows why."
    mixed = lessons.scramble(text)
    assert mixed == "Fail may talks the. Why knows nobody."
    assert sorted(w.lower() for w in opedkit.words(mixed)) == sorted(
        w.lower() for w in opedkit.words(text)
    )
