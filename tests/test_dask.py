"""Corpus mode beyond one machine: the per-text function applied to Dask partitions.

Uses Dask's local schedulers (synchronous and threads), which need no cluster; the same
``map_partitions`` call runs unchanged on a distributed scheduler.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from opedkit.profile import profile_corpus, profile_frame, profile_meta

dd = pytest.importorskip("dask.dataframe")

TEXTS = [
    "Perhaps it will rain. Will it?",
    "Experts say the plan must fail. It clearly will.",
    "",
    "One paragraph.\n\nAnother paragraph, with a question? Yes.",
    "The U.S. and the U.K. met at 9 a.m. on Monday.",
    "Short.",
]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"text": TEXTS, "outlet": list("abcdef")},
        index=pd.Index([f"doc{i}" for i in range(len(TEXTS))], name="id"),
    )


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_map_partitions_equals_profile_corpus(frame: pd.DataFrame, scheduler: str) -> None:
    ddf = dd.from_pandas(frame, npartitions=3)
    lazy = ddf.map_partitions(profile_frame, text_column="text", meta=profile_meta())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = lazy.compute(scheduler=scheduler)
        expected = profile_corpus(frame, workers=1, progress=False)
    pd.testing.assert_frame_equal(result, expected, check_index_type=False)
    assert list(result.index) == list(frame.index)
    assert result.loc["doc2", "error"].startswith("has no body text")
    assert result.loc["doc3", "paragraphs"] == 2


def test_meta_matches_partition_result(frame: pd.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        part = profile_frame(frame.iloc[:2])
    meta = profile_meta()
    assert list(part.columns) == list(meta.columns)
    assert dict(part.dtypes) == dict(meta.dtypes)
