"""opedkit.profile: one text's profile; corpus mode (order, error rows, warnings, processes)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from opedkit.document import Document, bundled
from opedkit.errors import InputError
from opedkit.profile import (
    FIELDS,
    fields,
    profile,
    profile_corpus,
    profile_frame,
    profile_meta,
    profile_record,
)

PAGES = Path(__file__).parent / "fixtures" / "pages"

SHORT = "Perhaps it will rain. Will it?\n\nExperts say it must. The U.S. agrees."


# --- one text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "sentences", "paragraphs"),
    [
        pytest.param(SHORT, 13, 4, 2, id="two-paragraphs-abbreviation"),
        pytest.param("One sentence without an end", 5, 1, 1, id="no-final-stop"),
        pytest.param("Kim Jong-un's visit cost 3.5%.", 5, 1, 1, id="hyphen-number"),
    ],
)
def test_counts_by_hand(text: str, words: int, sentences: int, paragraphs: int) -> None:
    row = profile(text)
    assert (row["words"], row["sentences"], row["paragraphs"]) == (words, sentences, paragraphs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Perhaps it rains. It clearly rains.",
            {"hedges": 1, "boosters": 1, "predictive": 0, "quoted_cues": 0},
            id="stance-hedge-and-booster",
        ),
        pytest.param(
            "“Perhaps it rains,” she said. It rains.",
            {"hedges": 0, "quoted_cues": 1, "hedging_density": 0.0},
            id="stance-quoted-hedge-is-not-the-writers",
        ),
        pytest.param(
            "Why does it rain? Because clouds form.",
            {"questions": 1, "q_hypophora": 1, "q_rhetorical": 0},
            id="question-answered-by-the-writer",
        ),
        pytest.param(
            "“Why?” she asked. It rains.",
            {"questions": 0, "q_quoted": 1, "questions_per_1000": 0.0},
            id="question-quoted-is-not-the-writers",
        ),
        pytest.param(
            "According to Reuters, it rains. Critics say it rains.",
            {"sources_named": 1, "sources_vague": 1},
            id="attribution-named-and-vague",
        ),
    ],
)
def test_measures_by_hand(text: str, expected: dict[str, float]) -> None:
    row = profile(text)
    assert {k: row[k] for k in expected} == expected


def test_readability_by_hand() -> None:
    # 10 words, 2 sentences, 11 syllables: 0.39 × 5 + 11.8 × 1.1 − 15.59 = −0.66;
    # 206.835 − 1.015 × 5 − 84.6 × 1.1 = 108.70
    row = profile("The cat sat on the mat. It was happy there.")
    assert round(row["flesch_kincaid_grade"], 2) == -0.66
    assert round(row["flesch_reading_ease"], 2) == 108.70


def test_readability_matches_the_module() -> None:
    from opedkit.readability import MEASURES, readability

    row = profile(bundled())
    scores = readability(bundled())["score"]
    assert [row[m] for m in MEASURES] == pytest.approx([scores[m] for m in MEASURES])


def test_rates_and_their_units() -> None:
    row = profile("Perhaps it rains. It clearly rains. Will it stop?")
    # 9 words; 1 hedge, 1 booster, 1 question of the writer's
    assert row["hedging_density"] == pytest.approx(100 / 9)  # per 100 words
    assert row["boosting_density"] == pytest.approx(100 / 9)
    assert row["questions_per_1000"] == pytest.approx(1000 / 9)  # per 1,000 words
    units = {f["name"]: f["unit"] for f in fields().to_dict("records")}
    assert units["hedging_density"] == units["boosting_density"] == "per 100 words"
    assert units["questions_per_1000"] == "per 1,000 words"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SHORT, id="plain"),
        pytest.param("“It may rain,” he said. Perhaps. It may not.", id="with-a-quotation"),
        pytest.param("", id="empty"),
    ],
)
def test_hedging_density_is_the_stance_modules(text: str) -> None:
    from opedkit.stance import hedging_density

    assert profile(text)["hedging_density"] == pytest.approx(hedging_density(text))


def test_bundled_oped_counts() -> None:
    # issue 2: the bundled op-ed has 10 body paragraphs and 40 body sentences
    row = profile(bundled())
    assert row["paragraphs"] == 10 and row["sentences"] == 40
    assert row.name == bundled().source


def test_series_follows_fields() -> None:
    row = profile(SHORT)
    assert list(row.index) == [f.name for f in FIELDS]
    assert list(fields()["name"]) == [f.name for f in FIELDS]
    assert set(fields().columns) == {"name", "group", "unit", "dtype", "meaning"}
    assert row.name == "<string>"


def test_counts_stay_integers() -> None:
    row = profile(SHORT)
    assert isinstance(row["words"], int)
    assert row["words_per_sentence"] == pytest.approx(13 / 4)


def test_empty_text_profiles_to_zero() -> None:
    row = profile("")
    assert row["words"] == 0 and row["sentences"] == 0
    assert pd.isna(row["words_per_sentence"])


def test_profile_of_path(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text(SHORT, encoding="utf-8")
    assert profile(target).name == str(target)


def test_profile_of_html_page() -> None:
    row = profile(Path(PAGES / "library_hours_oped.html"))
    assert row["paragraphs"] == 7


# --- the per-text record ----------------------------------------------------------------------


def test_record_never_raises(tmp_path: Path) -> None:
    record = profile_record(tmp_path / "missing.txt")
    assert record["error"].startswith("no such file")
    assert record["source"] == str(tmp_path / "missing.txt")
    assert "words" not in record


def test_record_of_document() -> None:
    record = profile_record(bundled())
    assert record["error"] == "" and record["title"].startswith("North Korea-Russia")


# --- corpus mode --------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text("Second text. It may rain.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First text here.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("# Title\n\nThird text, in Markdown.", "utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "notes.csv").write_text("not,an,op-ed", encoding="utf-8")
    return tmp_path


def test_folder_sorted_with_error_rows(folder: Path) -> None:
    with pytest.warns(UserWarning) as caught:
        table = profile_corpus(folder, progress=False)
    names = [Path(s).name for s in table["source"]]
    assert names == ["a.txt", "b.txt", "empty.txt", "junk.txt", "c.md"]
    errors = dict(zip(names, table["error"], strict=True))
    assert errors["a.txt"] == "" and errors["c.md"] == ""
    assert errors["empty.txt"].startswith("has no body text")
    assert errors["junk.txt"].startswith("looks like a binary file")
    assert table.loc[table["error"] == "", "words"].tolist() == [3, 5, 4]
    assert pd.isna(table.loc[2, "words"])
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2 and any("junk.txt" in m for m in messages)


def test_glob_and_list(folder: Path) -> None:
    with pytest.warns(UserWarning, match="empty.txt"), pytest.warns(UserWarning, match="junk"):
        from_glob = profile_corpus(str(folder / "*.txt"), progress=False, workers=1)
    assert [Path(s).name for s in from_glob["source"]][:2] == ["a.txt", "b.txt"]
    listed = profile_corpus([folder / "b.txt", folder / "a.txt"], progress=False)
    assert [Path(s).name for s in listed["source"]] == ["b.txt", "a.txt"]


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        pytest.param("nothing-here-*.txt", "no file matches", id="glob-without-matches"),
        pytest.param("EMPTY_DIR", "has no .txt", id="folder-without-texts"),
    ],
)
def test_nothing_to_profile(tmp_path: Path, target: str, problem: str) -> None:
    path = tmp_path / target
    if target == "EMPTY_DIR":
        path.mkdir()
    with pytest.raises(InputError, match=problem):
        profile_corpus(str(path), progress=False)


def test_dataframe_keeps_index_and_order() -> None:
    frame = pd.DataFrame(
        {"body": ["One. Two.", None, "Three words here.", 42], "year": [1, 2, 3, 4]},
        index=["x", "y", "z", "w"],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = profile_corpus(frame, text_column="body", progress=False)
    assert list(table.index) == ["x", "y", "z", "w"]
    assert list(table["source"]) == ["x", "y", "z", "w"]
    assert table.loc["x", "sentences"] == 2 and table.loc["z", "words"] == 3
    assert table.loc["y", "error"] == "no text (missing value)"
    assert table.loc["w", "error"] == "not text (int)"
    assert len(caught) == 2


def test_missing_text_column() -> None:
    with pytest.raises(InputError, match="no column 'text'"):
        profile_corpus(pd.DataFrame({"body": ["x"]}), progress=False)


def test_processes_give_the_same_table_in_the_same_order() -> None:
    texts = [f"Text number {i}. " + "It may rain today. " * (i % 5 + 1) for i in range(24)]
    frame = pd.DataFrame({"text": texts})
    one = profile_corpus(frame, workers=1, progress=False)
    many = profile_corpus(frame, workers=2, progress=False)
    pd.testing.assert_frame_equal(one, many)
    assert one["words"].tolist() == [3 + 4 * (i % 5 + 1) for i in range(24)]


def test_bad_worker_count() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        profile_corpus(pd.DataFrame({"text": ["x"]}), workers=0, progress=False)


def test_frame_matches_meta() -> None:
    frame = pd.DataFrame({"text": [SHORT, ""]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = profile_frame(frame)
    meta = profile_meta()
    assert list(table.columns) == list(meta.columns)
    assert table["words"].tolist()[0] == 13


def test_documents_in_a_list() -> None:
    doc = Document(body="A body. Of two sentences.", paragraphs=["A body. Of two sentences."])
    table = profile_corpus([doc, bundled()], progress=False)
    assert table["sentences"].tolist() == [2, 40]


def test_broken_pool_finishes_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Broken:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def map(self, *args: object) -> list[object]:
            raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Broken)
    frame = pd.DataFrame({"text": [f"Text {i}. It may rain." for i in range(12)]})
    with pytest.warns(RuntimeWarning, match="in this process"):
        table = profile_corpus(frame, workers=2, progress=False)
    assert table["words"].tolist() == [5] * 12 and (table["error"] == "").all()
