"""Notebook views: live widgets plus a static fallback that never depends on saved answers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import opedkit
from opedkit import lessons, views
from opedkit.markup import Mark

WIDGET = views.WIDGET_MIME
TEXT = "Perhaps it may rain. It will surely rain!\n\nIs <script>alert(1)</script> safe? Maybe."


def at(word: str, category: str) -> Mark:
    start = TEXT.index(word)
    return Mark(start, start + len(word), category, f"{category}: {word.lower()}")


MARKS = [
    at("Perhaps", "hedge"),
    at("may", "hedge"),
    at("will", "predictive"),
    at("surely", "booster"),
    at("Maybe", "hedge"),
]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-work"
    monkeypatch.setenv(lessons.WORK_ENV, str(folder))
    return folder


def marks_in(fragment: str, category: str) -> int:
    """Count cues in the text (first pieces of marks, not the legend's samples)."""
    found = re.findall(rf'<mark class="ok ok-{category}" data-start="\d+"[^>]*>', fragment)
    return sum("data-cont" not in tag for tag in found)


def widget_html(view: views.View) -> str:
    """The marked text the live highlighter shows now."""
    return view.widget.children[-1].value


def boxes(view: views.View) -> dict[str, Any]:
    controls = view.widget.children[-2].children
    return {c.description.split(" (")[0]: c for c in controls if hasattr(c, "indent")}


def test_a_view_offers_widget_html_and_text() -> None:
    bundle = views.highlighter(TEXT, MARKS)._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", WIDGET}
    assert bundle[WIDGET]["model_id"]


def test_a_static_view_has_no_widget_part() -> None:
    bundle = views.View("<b>x</b>", "x")._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}


def test_everything_from_the_text_is_escaped() -> None:
    view = views.highlighter(TEXT, MARKS)
    for fragment in (view.html, widget_html(view), views.reading_view(TEXT_DOC()).html):
        assert "<script>" not in fragment
        assert "&lt;script&gt;" in fragment


def TEXT_DOC() -> opedkit.Document:
    return opedkit.as_document(TEXT)


def test_static_fallback_shows_the_initial_categories_only() -> None:
    view = views.highlighter(TEXT, MARKS, initially=["hedge"])
    assert marks_in(view.html, "hedge") == 3
    assert marks_in(view.html, "booster") == 0
    assert "3 hedges, 1 prediction, 1 booster" in view.text


def test_toggling_a_category_changes_the_marked_text() -> None:
    view = views.highlighter(TEXT, MARKS, categories=["hedge", "booster", "predictive"])
    assert (marks_in(widget_html(view), "hedge"), marks_in(widget_html(view), "booster")) == (3, 1)
    boxes(view)["Hedge"].value = False
    assert (marks_in(widget_html(view), "hedge"), marks_in(widget_html(view), "booster")) == (0, 1)
    boxes(view)["Hedge"].value = True
    boxes(view)["Booster"].value = False
    assert (marks_in(widget_html(view), "hedge"), marks_in(widget_html(view), "booster")) == (3, 0)
    for box in boxes(view).values():
        box.value = False
    assert "Nothing is highlighted" in widget_html(view)


def test_toggles_carry_stable_classes_for_browser_tests() -> None:
    view = views.highlighter(TEXT, MARKS, categories=["hedge", "booster"])
    assert "ok-highlighter" in view.widget._dom_classes
    assert "ok-toggle-hedge" in boxes(view)["Hedge"]._dom_classes
    assert 'class="ok-marked"' in widget_html(view)
    assert 'class="ok-highlighter' in view.html


def test_marked_text_says_what_it_was_rendered_with() -> None:
    """data-shown / data-paragraph-shown let a browser test see that the kernel answered a
    click, even on a category with no marks (whose mark count cannot change)."""
    view = views.highlighter(
        TEXT, MARKS, categories=["hedge", "booster", "attitude"], initially=["booster"]
    )
    assert 'data-shown="booster" data-paragraph-shown="all"' in widget_html(view)
    assert 'data-shown="booster"' in view.html  # the static fallback says the same
    boxes(view)["Attitude"].value = True  # no attitude marks in TEXT
    assert 'data-shown="booster attitude"' in widget_html(view)
    boxes(view)["Hedge"].value = True
    assert 'data-shown="hedge booster attitude"' in widget_html(view)
    view.widget.children[-2].children[-1].value = 1
    assert 'data-paragraph-shown="1"' in widget_html(view)


def test_the_paragraph_picker_shows_one_paragraph() -> None:
    view = views.highlighter(TEXT, MARKS)
    picker = view.widget.children[-2].children[-1]
    assert widget_html(view).count("<p data-paragraph") == 2
    picker.value = 1
    shown = widget_html(view)
    assert shown.count("<p data-paragraph") == 1
    assert "¶ 2" in shown and "Perhaps" not in shown
    assert marks_in(shown, "hedge") == 1


def test_reading_view_numbers_paragraphs_as_readers_count() -> None:
    doc = opedkit.bundled()
    view = views.reading_view(doc)
    numbers = re.findall(r"¶ (\d+)</span>", view.html)
    assert numbers == [str(i) for i in range(1, len(doc.paragraphs) + 1)]
    assert view.text.splitlines()[3].startswith("[1] In a world where")
    assert "Leave a Reply" not in view.html


def test_sentence_picker_shows_the_chosen_sentence_and_its_details() -> None:
    doc = opedkit.as_document(TEXT)
    table = opedkit.sentence_table(doc)
    view = views.sentence_picker(
        doc.body,
        table,
        marks=MARKS,
        details=lambda s: table[table["sentence"] == s][["sentence", "words"]],
    )
    assert "Perhaps" in view.html and "surely" not in view.html
    view.widget.children[0].value = 1
    shown = view.widget.children[1].value
    assert "surely" in shown and marks_in(shown, "booster") == 1


def test_sentence_picker_on_no_sentences_says_so() -> None:
    table = opedkit.sentence_table("")
    assert views.sentence_picker("", table).text == "(no sentences)"


# --- forms: saved as typed, restored on re-run, never in the static output -----------------------


def test_text_box_saves_as_the_student_types_and_restores(work: Path) -> None:
    first = views.text_box("00", "main point", "What is the author arguing?")
    area = first.widget.children[1]
    area.value = "That the summit matters."
    assert lessons.Answers("00").get("main point") == "That the summit matters."
    again = views.text_box("00", "main point", "What is the author arguing?")
    assert again.widget.children[1].value == "That the summit matters."


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: views.text_box("00", "k", "Prompt?"), id="text-box"),
        pytest.param(lambda: views.rating("00", "r", "Sure?", ["1 low", "2 high"]), id="rating"),
        pytest.param(lambda: views.choice("00.2"), id="choice"),
        pytest.param(lambda: views.labeller("00", "k", [("a", "A.")], ["x", "y"]), id="labeller"),
        pytest.param(lambda: views.checklist("00", "k", ["one", "two"]), id="checklist"),
    ],
)
def test_static_output_does_not_depend_on_saved_answers(work: Path, make: Any) -> None:
    fresh = make()._repr_mimebundle_()
    store = lessons.Answers("00")
    store.set("k", "something typed")
    store.set("r", "2 high")
    store.set("exercise 00.2", "A news report")
    reloaded = make()
    bundle = reloaded._repr_mimebundle_()
    assert bundle["text/html"] == fresh["text/html"]
    assert bundle["text/plain"] == fresh["text/plain"]
    assert "something typed" not in bundle["text/html"]


def test_rating_restores_the_saved_choice(work: Path) -> None:
    view = views.rating("00", "certainty", "How sure?", ["1 unsure", "2 sure"])
    buttons = view.widget.children[1]
    assert buttons.value is None
    buttons.value = "2 sure"
    assert views.rating("00", "certainty", "How sure?", ["1 unsure", "2 sure"]).widget.children[
        1
    ].value == ("2 sure")


def test_choice_gives_feedback_at_once_and_saves(work: Path) -> None:
    view = views.choice("00.2")
    radio, feedback = view.widget.children[1], view.widget.children[2]
    radio.value = "A news report"
    assert "Not yet" in feedback.value and "reporter" in feedback.value
    assert lessons.Answers("00").get("exercise 00.2") == "A news report"
    again = views.choice("00.2")
    assert again.widget.children[1].value == "A news report"
    assert "Not yet" in again.widget.children[2].value


def test_table_html_is_escaped_and_rounds_floats() -> None:
    import pandas as pd

    html = views.table_html(
        pd.DataFrame({"cue": ["<i>may</i>", "x", "y"], "share": [0.12345, 20.3, 3.0]})
    )
    assert "&lt;i&gt;" in html and "0.12<" in html and "0.123" not in html
    assert ">20.3<" in html and ">3<" in html


ITEMS = [("s3", "It may rain."), ("s7", "It will surely rain!")]


def test_labeller_saves_each_label_and_restores_them(work: Path) -> None:
    view = views.labeller("03", "labels", ITEMS, ["hedge", "booster", "neither"])
    buttons = [c for c in view.widget.children if hasattr(c, "options")]
    buttons[1].value = "booster"
    assert lessons.Answers("03").get("labels") == {"s7": "booster"}
    buttons[0].value = "hedge"
    assert lessons.Answers("03").get("labels") == {"s7": "booster", "s3": "hedge"}
    again = views.labeller("03", "labels", ITEMS, ["hedge", "booster", "neither"])
    assert [c.value for c in again.widget.children if hasattr(c, "options")] == [
        "hedge",
        "booster",
    ]


def test_labeller_ignores_saved_labels_that_are_not_choices(work: Path) -> None:
    lessons.Answers("03").set("labels", {"s3": "sarcasm", "s7": "neither"})
    view = views.labeller("03", "labels", ITEMS, ["hedge", "booster", "neither"])
    assert [c.value for c in view.widget.children if hasattr(c, "options")] == [None, "neither"]


def test_labeller_compare_button_shows_the_comparison(work: Path) -> None:
    seen: list[dict[str, str]] = []

    def compare(labels: dict[str, str]) -> lessons.Feedback:
        seen.append(labels)
        return lessons.Feedback("03.9", "noted", f"you labelled {len(labels)}")

    view = views.labeller("03", "labels", ITEMS, ["hedge", "neither"], compare=compare)
    next(c for c in view.widget.children if hasattr(c, "options")).value = "hedge"
    button = next(c for c in view.widget.children if "ok-compare" in c._dom_classes)
    button.click()
    assert seen == [{"s3": "hedge"}]
    assert "you labelled 1" in view.widget.children[-1].value


def test_checklist_saves_ticks_and_notes(work: Path) -> None:
    items = ["I know who wrote it", "I traced one source"]
    view = views.checklist("07", "checklist", items)
    ticks = [c for c in view.widget.children if "ok-check" in c._dom_classes]
    notes = [c for c in view.widget.children if type(c).__name__ == "Text"]
    ticks[1].value = True
    notes[1].value = "Reuters, 30 Aug 2023"
    saved = lessons.Answers("07").get("checklist")
    assert saved["I traced one source"] == {"done": True, "note": "Reuters, 30 Aug 2023"}
    assert saved["I know who wrote it"] == {"done": False, "note": ""}
    again = views.checklist("07", "checklist", items)
    assert [c.value for c in again.widget.children if "ok-check" in c._dom_classes] == [
        False,
        True,
    ]
    assert "☐ I traced one source" in again.html


def test_a_failed_save_is_shown_not_swallowed(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = views.text_box("00", "main point", "What is the author arguing?")
    area, status = view.widget.children[1], view.widget.children[2]

    def full_disk(self: Any, key: str, value: Any) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(lessons.Answers, "set", full_disk)
        area.value = "typed while the disk is full"
        assert "Not saved" in status.value and "No space left" in status.value
    area.value = "typed again"
    assert "Saved again" in status.value
    assert lessons.Answers("00").get("main point") == "typed again"


def test_check_still_explains_when_saving_fails(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(self: Any, key: str, value: Any) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(lessons.Answers, "set", read_only)
    fb = lessons.check("00.1", 10)
    assert fb.verdict == "correct"
    assert "could not be saved (Read-only file system)" in fb.details[-1]


def test_try_it_measures_what_is_typed_and_saves_it(work: Path) -> None:
    view = views.try_it("03", "dial", "Rewrite:", lessons.stance_summary, start="It will rain.")
    area = view.widget.children[1]
    assert area.value == "It will rain."
    area.value = "It may perhaps rain."
    button = next(c for c in view.widget.children if "ok-measure" in c._dom_classes)
    button.click()
    shown = view.widget.children[-1].value
    assert "perhaps" in shown and "hedge" in shown
    assert lessons.Answers("03").get("dial") == "It may perhaps rain."
    assert views.try_it("03", "dial", "Rewrite:", lessons.stance_summary).widget.children[
        1
    ].value == ("It may perhaps rain.")
