"""Lesson hygiene: structure, stored outputs, exercise ids, and saved-answer independence.

nbval (``pytest --nbval notebooks``) re-runs every lesson and compares the outputs; these
tests check what nbval does not: that each lesson opens with objectives and a time, ends
with a summary and what to read next, was executed top to bottom on a fresh kernel, stores
no errors and nothing volatile, and that the exercises it uses exist (and all exist in the
teacher's guide).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from opedkit import lessons

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
TEACHER = sorted((NOTEBOOKS / "teacher").glob("*.ipynb"))
ALL = LESSONS + TEACHER


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))


def source(cell: dict[str, Any]) -> str:
    s = cell["source"]
    return s if isinstance(s, str) else "".join(s)


def text_of(output: dict[str, Any]) -> str:
    parts = []
    if "text" in output:
        parts.append(output["text"] if isinstance(output["text"], str) else "".join(output["text"]))
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") or mime == "application/json":
            parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


ids = [p.relative_to(NOTEBOOKS).as_posix() for p in ALL]


PLAN = [
    "00_start_here",
    "01_who_is_speaking",
    "02_readability",
    "03_hedges_and_boosters",
    "04_questions",
    "05_claims_and_evidence",
    "06_predictions_in_hindsight",
    "07_your_own_oped",
]


def test_every_lesson_is_in_the_plan() -> None:
    assert [p.stem for p in LESSONS] == [
        name for name in PLAN if (NOTEBOOKS / f"{name}.ipynb").exists()
    ]


def test_the_lesson_sequence_is_complete() -> None:
    assert [p.stem for p in LESSONS] == PLAN


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_opens_with_objectives_and_time(path: Path) -> None:
    cells = load(path)["cells"]
    first = source(cells[0])
    assert cells[0]["cell_type"] == "markdown"
    assert re.match(r"# (\d\d|Teacher)", first), "the first cell starts with the H1 title"
    assert "## Learning objectives" in first or "## What this guide" in first
    assert re.search(r"Estimated time: \d+", first), "state an estimated time"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_ends_with_summary_and_what_next(path: Path) -> None:
    last = load(path)["cells"][-1]
    assert last["cell_type"] == "markdown"
    text = source(last)
    assert text.startswith("## Summary")
    assert "**Next:**" in text or "**Where next:**" in text


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_executed_in_order_on_a_fresh_kernel(path: Path) -> None:
    code = [c for c in load(path)["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "run Restart & Run All, then save"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_stores_no_errors_and_nothing_volatile(path: Path) -> None:
    nb = load(path)
    assert "widgets" not in nb["metadata"], "widget state holds random ids and saved answers"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    volatile = {
        "a memory address": re.compile(r"0x[0-9a-f]{6,}"),
        "a time stamp": re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d"),
        "an absolute path": re.compile(r"(/work/|/home/|/tmp/|/root/|[A-Z]:\\\\Users)"),
    }
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"cell {i} stores an error"
            assert out.get("name") != "stderr", f"cell {i} stores a warning: {text_of(out)[:200]}"
            body = text_of(out)
            for what, pattern in volatile.items():
                assert not pattern.search(body), f"cell {i} output holds {what}"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_no_installs_star_imports_or_network(path: Path) -> None:
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = source(cell)
        assert not re.search(r"^\s*[!%]", src, re.M), "no shell or magic commands"
        assert "import *" not in src
        assert "http://" not in src and "https://" not in src, "lessons run offline"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_cells_are_short(path: Path) -> None:
    for i, cell in enumerate(load(path)["cells"]):
        limit = 30 if cell["cell_type"] == "code" else 70
        assert source(cell).count("\n") < limit, f"cell {i} is long: split it"


def test_parameters_cell_only_in_the_own_op_ed_lesson() -> None:
    for path in ALL:
        tagged = [
            c for c in load(path)["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])
        ]
        expected = 1 if path.name.startswith("07_") else 0
        assert len(tagged) == expected, path.name


_USED = re.compile(r"""(?:check|choice|worked)\(\s*["'](\d\d\.\d+)["']""")


def test_every_exercise_used_exists_and_every_exercise_is_used_and_worked() -> None:
    used: set[str] = set()
    for path in LESSONS:
        for cell in load(path)["cells"]:
            used |= set(_USED.findall(source(cell)))
    unknown = used - set(lessons.EXERCISES)
    assert not unknown, f"lessons use exercises that do not exist: {sorted(unknown)}"
    unused = set(lessons.EXERCISES) - used
    assert not unused, f"exercises no lesson uses: {sorted(unused)}"
    guide = "".join(source(c) for p in TEACHER for c in load(p)["cells"])
    for lesson in sorted({e[:2] for e in lessons.EXERCISES}):
        assert f'worked_for("{lesson}")' in guide, f"the teacher's guide lacks lesson {lesson}"


@pytest.mark.slow
def test_stored_outputs_hold_when_answers_are_saved(tmp_path: Path) -> None:
    """Re-running lessons with saved answers in the work folder gives the stored outputs."""
    work = tmp_path / "my-work"
    for lesson in {p.name[:2] for p in LESSONS}:
        store = lessons.Answers(lesson, folder=work)
        for key in ("main point", "certainty", "to check", "labels", "checklist", "note"):
            store.set(key, "3 balanced" if key == "certainty" else f"saved {key}")
    for ex_id in lessons.EXERCISES:
        lessons.Answers(ex_id[:2], folder=work).set(f"exercise {ex_id}", "saved answer")
    targets = [p for p in LESSONS if p.name[:2] in {"00", "03", "07"}]
    env = dict(os.environ, OPEDKIT_WORK=str(work))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-sanitize-with",
            str(ROOT / "tests" / "nbval_sanitize.cfg"),
            *map(str, targets),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


# --- prose that states facts about the numbers ----------------------------------------------
# Each lesson's Markdown states a few facts about opedkit's output in words ("hedges far
# outnumber boosters"). nbval catches a changed number in an output, but not a sentence of
# prose that has stopped being true. Each claim below quotes the lesson; if one fails,
# re-read that passage and rewrite it (then update the claim here).


def _claim_01_whole_page_looks_easier() -> bool:
    t = lessons.page_vs_body()
    return bool(
        t.loc["the whole page", "words per sentence"] < t.loc["the body only", "words per sentence"]
    )


def _claim_01_no_date_but_genre() -> bool:
    import opedkit

    doc = opedkit.bundled()
    return doc.date == "" and doc.genre == "OpEd" and doc.bio != ""


def _claim_02_every_formula_says_college() -> bool:
    r = lessons.readability_table().set_index(lessons.readability_table().index)
    grades = [r.loc[m, "score"] for m in lessons.GRADE_MEASURES]
    return (
        min(grades) >= 13
        and r.loc["flesch_reading_ease", "score"] < 30
        and r.loc["dale_chall", "score"] >= 9
    )


def _claim_02_hardest_sentence_is_short() -> bool:
    import opedkit

    hardest = lessons.hardest_table().iloc[0]
    lengths = sorted(opedkit.sentence_table(opedkit.bundled())["words"])
    return hardest["words"] == 6 and hardest["words"] <= lengths[2]


def _claim_02_scrambled_scores_the_same() -> bool:
    import opedkit

    demo = lessons.scramble_demo(opedkit.bundled().paragraphs[6])
    a, b = demo.iloc[0], demo.iloc[1]
    return (
        a["Flesch-Kincaid grade"] == b["Flesch-Kincaid grade"]
        and a["Flesch reading ease"] == b["Flesch reading ease"]
        and a["text"] != b["text"]
    )


def _claim_02_two_long_sentences_paragraph_7() -> bool:
    counts = lessons.hand_counts().iloc[:, 0]
    return int(counts["sentences"]) == 2 and int(counts["words"]) >= 40


def _claim_03_hedges_far_outnumber_boosters() -> bool:
    counts = lessons.stance_counts()
    return bool(counts.loc["hedge", "cues"] >= 3 * max(counts.loc["booster", "cues"], 1))


def _claim_03_potential_is_the_favourite_hedge() -> bool:
    cues = lessons.cue_counts(category="hedge")
    return bool(
        cues.iloc[0]["cue"] == "potential" and cues.iloc[0]["times"] > cues.iloc[1]["times"]
    )


def _claim_03_most_sentences_hedged_few_boosted() -> bool:
    from opedkit.stance import stance_shares

    s = stance_shares(lessons._bundled()).set_index("label")["share"]
    return bool(s["hedged"] > 0.5 and s["boosted"] + s["both"] < 0.15)


def _claim_03_paragraph_8_has_essential_as_attitude() -> bool:
    marks = lessons.stance_marks()
    p8 = marks[marks["paragraph"] == 8]
    return bool(((p8["category"] == "attitude") & p8["title"].str.contains("“essential”")).any())


def _claim_04_all_questions_in_paragraph_9() -> bool:
    t = lessons.question_table()
    return len(t) == 3 and set(t["paragraph"]) == {9}


def _claim_04_reasons_name_sentences_by_their_first_words() -> bool:
    t = lessons.question_table()
    return "the sentence “The questions can only be addressed…” says" in t.loc[0, "because"]


def _claim_04_third_question_has_a_runner_up() -> bool:
    t = lessons.question_table()
    return t.loc[2, "or else"] != "" and t.loc[2, "kind"] == "open"


def _claim_05_sources_like_is_vague_and_named() -> bool:
    t = lessons.attribution_table()
    p2 = t[t["paragraph"] == 2]
    vague = p2[(p2["kind"] == "vague") & p2["source"].str.startswith("sources like")]
    named = set(p2.loc[p2["kind"] == "named", "source"])
    return len(vague) == 1 and {"Al Jazeera", "Reuters"} <= named


def _claim_05_most_claims_have_no_source() -> bool:
    s = lessons.support_counts()
    return bool(s.loc["no source", "share"] > 0.5)


def _claim_05_sentence_18_flat_sentence_6_hedged() -> bool:
    c = lessons.claims_table().set_index("sentence")
    return bool(
        c.loc[18, "text"].startswith("The interaction between North Korea")
        and c.loc[18, "support"] == "no source"
        and c.loc[18, "stance"] == "neither"
        and c.loc[6, "text"].startswith("This resurgence may")
        and c.loc[6, "stance"] == "hedged"
    )


def _claim_05_expected_to_flagged_in_sentence_7() -> bool:
    t = lessons.attribution_table()
    s7 = t[t["sentence"] == 7]
    vague = set(s7.loc[s7["kind"] == "vague", "source"])
    named = set(s7.loc[s7["kind"] == "named", "source"])
    return "expected to" in vague and {"the New York Times", "CNN"} <= named


def _claim_05_06_reports_before_the_op_ed() -> bool:
    t = lessons.timeline(ROOT / "data" / "timeline.csv")
    before = t[t["theme"] == "before"]
    return len(before) == 3 and bool((before["date"] < "2023-09-13").all())


def _claim_06_most_forecasts_hedged_or_questions() -> bool:
    f = lessons.forecast_table()
    return bool(f["commitment"].isin(["hedged", "question"]).mean() > 0.5)


def _claim_06_boosted_forecasts_too_vague() -> bool:
    f = lessons.forecast_table()
    boosted = f[f["commitment"] == "boosted"]
    return len(boosted) >= 1 and bool((boosted["outcome"] == "too vague to score").all())


def _claim_06_the_one_miss_is_hedged_and_vague() -> bool:
    f = lessons.forecast_table()
    miss = f[f["outcome"] == "did not happen"]
    claims = lessons.claims_table().set_index("sentence")
    return (
        len(miss) == 1
        and miss.iloc[0]["commitment"] == "hedged"
        and claims.loc[int(miss.iloc[0]["sentence"]), "support"] == "vague source only"
    )


def _claim_06_the_treaty_was_a_question() -> bool:
    f = lessons.forecast_table()
    treaty = f[f["expects"].str.contains("treaty")]
    return len(treaty) == 1 and tuple(treaty.iloc[0][["commitment", "outcome"]]) == (
        "question",
        "happened",
    )


def _claim_06_one_gk_row() -> bool:
    t = lessons.timeline(ROOT / "data" / "timeline.csv")
    return int((t["status"] == "GK").sum()) == 1


def _example() -> Any:
    return lessons.load_own(ROOT / "data" / "example_oped.md")


def _claim_07_first_question_answered_next_but_called_rhetorical() -> bool:
    import opedkit

    doc = _example()
    q = lessons.question_table(doc)
    first = q.iloc[0]
    following = opedkit.sentences(doc)[int(first["sentence"])]  # the next sentence (from 1)
    return (
        first["question"].startswith("Who would wait an hour")
        and first["kind"] == "rhetorical"
        and following.startswith("Nurses")
        and following.rstrip(".").endswith("would")
    )


def _claim_07_council_survey_not_a_source() -> bool:
    doc = _example()
    return (
        "council" in doc.body
        and not lessons.attribution_table(doc)["source"].str.contains("council", case=False).any()
    )


PROSE_CLAIMS = [
    pytest.param(_claim_02_every_formula_says_college, id="02-college-by-every-formula"),
    pytest.param(_claim_02_hardest_sentence_is_short, id="02-hardest-is-six-words"),
    pytest.param(_claim_02_scrambled_scores_the_same, id="02-scrambled-same-score"),
    pytest.param(_claim_02_two_long_sentences_paragraph_7, id="02-paragraph-7-two-sentences"),
    pytest.param(_claim_01_whole_page_looks_easier, id="01-whole-page-shorter-sentences"),
    pytest.param(_claim_01_no_date_but_genre, id="01-no-date-line-genre-OpEd"),
    pytest.param(_claim_03_hedges_far_outnumber_boosters, id="03-hedges-far-outnumber-boosters"),
    pytest.param(_claim_03_potential_is_the_favourite_hedge, id="03-potential-returns-again"),
    pytest.param(_claim_03_most_sentences_hedged_few_boosted, id="03-most-hedged-few-boosted"),
    pytest.param(_claim_03_paragraph_8_has_essential_as_attitude, id="03.2-feedback-essential"),
    pytest.param(_claim_04_all_questions_in_paragraph_9, id="04-all-questions-in-paragraph-9"),
    pytest.param(_claim_04_reasons_name_sentences_by_their_first_words, id="04-reasons-cite-words"),
    pytest.param(_claim_04_third_question_has_a_runner_up, id="04-third-question-runner-up"),
    pytest.param(_claim_05_sources_like_is_vague_and_named, id="05-sources-like-both-ways"),
    pytest.param(_claim_05_most_claims_have_no_source, id="05-most-claims-no-source"),
    pytest.param(_claim_05_sentence_18_flat_sentence_6_hedged, id="05-s18-flat-s6-hedged"),
    pytest.param(_claim_05_expected_to_flagged_in_sentence_7, id="05-expected-to-in-s7"),
    pytest.param(_claim_05_06_reports_before_the_op_ed, id="05-06-three-reports-before"),
    pytest.param(_claim_06_most_forecasts_hedged_or_questions, id="06-most-hedged-or-asked"),
    pytest.param(_claim_06_boosted_forecasts_too_vague, id="06-boosted-too-vague"),
    pytest.param(_claim_06_the_one_miss_is_hedged_and_vague, id="06-one-miss-hedged-vague"),
    pytest.param(_claim_06_the_treaty_was_a_question, id="06-treaty-was-a-question"),
    pytest.param(_claim_06_one_gk_row, id="06-one-GK-row"),
    pytest.param(
        _claim_07_first_question_answered_next_but_called_rhetorical,
        id="07-example-question-answered-next",
    ),
    pytest.param(_claim_07_council_survey_not_a_source, id="07-example-survey-missed"),
]


@pytest.mark.parametrize("claim", PROSE_CLAIMS)
def test_prose_still_true(claim: Any) -> None:
    assert claim(), f"{claim.__name__}: the lesson's prose no longer matches opedkit's numbers"


@pytest.mark.slow
def test_papermill_runs_the_own_op_ed_lesson_for_another_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher can run lesson 07 for each student's text with papermill."""
    import papermill

    monkeypatch.setenv(lessons.WORK_ENV, str(tmp_path / "my-work"))
    text = (
        "Why We Need Longer Library Hours\n\n"
        "The library may close at six. Will anyone notice? Students certainly will.\n\n"
        "According to the Library Association, evening visits rose last year."
    )
    out = tmp_path / "student.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "07_your_own_oped.ipynb"),
        str(out),
        parameters={"OPED_PATH": None, "OPED_TEXT": text},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
    )
    nb = load(out)
    outputs = "\n".join(text_of(o) for c in nb["cells"] for o in c.get("outputs", []))
    assert "Library Association" in outputs  # its sources table
    assert "Will anyone notice?" in outputs  # its questions table
    assert not any(o["output_type"] == "error" for c in nb["cells"] for o in c.get("outputs", []))
