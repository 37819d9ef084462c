"""Everything at once: the summary a teacher wants of one op-ed, and the same for a corpus.

:func:`profile` measures one text and returns a :class:`pandas.Series` (one value per
measure, indexed by measure name, in the fixed order of :data:`FIELDS`; its ``name`` is the
text's source). A Series reads well on its own (one measure a line) and becomes a table row
with ``series.to_frame().T``. :func:`profile_corpus` returns a DataFrame with the same
measures as columns, one row per text, plus ``source`` and ``error``.

Every figure is computed by the module that owns it, so it can be traced to its words there:

==================  ===========================================================================
group               where to see the words behind it
==================  ===========================================================================
text                :func:`opedkit.sentence_table`, :func:`opedkit.tokens`
readability         :func:`opedkit.readability` (the counts each formula used, the formula)
stance              :func:`opedkit.stance` (each cue, its category, its source list)
questions           :func:`opedkit.questions` (each question, its kind and the rule)
attribution         :func:`opedkit.attributions` (each attribution, named or vague, why)
==================  ===========================================================================

:func:`fields` lists the measures with their group, unit and meaning.

Corpus mode and Dask
--------------------
:func:`profile_corpus` takes a folder, a glob (``"opeds/*.txt"``), a list of paths, or a
DataFrame with a text column. It uses every core of the machine (a process pool; results in
input order), shows a progress bar on long runs, and turns a text that fails (a missing or
binary file, an empty text) into a row whose ``error`` column says why, plus a warning: one
bad file never loses the run.

Beyond one machine, the per-text function applies unchanged to the partitions of a Dask
DataFrame (any Dask scheduler, local or distributed)::

    import dask.dataframe as dd
    from opedkit.profile import profile_frame, profile_meta

    ddf = dd.read_parquet("opeds.parquet")            # a column "text", one op-ed a row
    table = ddf.map_partitions(profile_frame, text_column="text", meta=profile_meta())
    table.compute()                                     # one profile row per op-ed

>>> row = profile("Perhaps it will rain. Will it? Experts say it must.")
>>> int(row["words"]), int(row["sentences"]), int(row["paragraphs"])
(10, 3, 1)
"""

from __future__ import annotations

import glob as globmod
import importlib.util
import math
import os
import sys
import threading
import warnings
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opedkit.document import HTML_SUFFIXES, TEXT_SUFFIXES, Document, as_document, load
from opedkit.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FIELDS",
    "Field",
    "fields",
    "profile",
    "profile_corpus",
    "profile_frame",
    "profile_meta",
    "profile_record",
]

#: File suffixes a folder or a glob picks up in corpus mode.
CORPUS_SUFFIXES = frozenset((TEXT_SUFFIXES | HTML_SUFFIXES) - {""})


@dataclass(frozen=True)
class Field:
    """One measure of the profile: its column name, group, unit, dtype and meaning."""

    name: str
    group: str
    unit: str
    dtype: str
    meaning: str


# --- the measures, in display order ------------------------------------------------------------

_TEXT_FIELDS = [
    Field("words", "text", "words", "int64", "words, by opedkit's tokenizer (opedkit.words)"),
    Field("sentences", "text", "sentences", "int64", "sentences in the body"),
    Field("paragraphs", "text", "paragraphs", "int64", "paragraphs in the body"),
    Field("words_per_sentence", "text", "words", "float64", "mean sentence length, in words"),
]

# opedkit.readability.MEASURES, with what each score means
_READABILITY = {
    "flesch_reading_ease": ("0-100", "Flesch Reading Ease (higher = easier)"),
    "flesch_kincaid_grade": ("US grade", "Flesch-Kincaid grade level"),
    "gunning_fog": ("US grade", "Gunning Fog index"),
    "smog_index": ("US grade", "SMOG grade (meant for 30+ sentences)"),
    "coleman_liau_index": ("US grade", "Coleman-Liau index"),
    "automated_readability_index": ("US grade", "Automated Readability Index"),
    "dale_chall": ("Dale-Chall score", "Dale-Chall raw score (higher = harder)"),
    "consensus": ("US grade", "median grade of the seven formulas"),
    "opedkit_grade": ("US grade", "opedkit's own grade: sentence length, word length, frequency"),
}
_READABILITY_FIELDS = [
    Field(name, "readability", unit, "float64", meaning)
    for name, (unit, meaning) in _READABILITY.items()
]

_STANCE_FIELDS = [
    Field("hedges", "stance", "cues", "int64", "hedges in the writer's own words (not quoted)"),
    Field("boosters", "stance", "cues", "int64", "boosters in the writer's own words"),
    Field("attitude_markers", "stance", "cues", "int64", "attitude markers (the writer's)"),
    Field("predictive", "stance", "cues", "int64", "predictive modals: will, won't, going to"),
    Field("quoted_cues", "stance", "cues", "int64", "stance cues inside quotations (not counted)"),
    Field(
        "hedging_density",
        "stance",
        "per 100 words",
        "float64",
        "hedges per 100 of the writer's own words (as opedkit.hedging_density)",
    ),
    Field(
        "boosting_density",
        "stance",
        "per 100 words",
        "float64",
        "boosters per 100 of the writer's own words",
    ),
]

# question kinds (opedkit.questions.KINDS) and what each means, for the fields table
_QUESTION_KINDS = {
    "hypophora": "asked, then answered by the writer",
    "rhetorical": "the answer is implied",
    "open": "raised and left open",
    "reader-directed": "put to the reader ('you')",
    "information-seeking": "asks for information (conversation)",
    "indirect": "a question without '?' (the question is whether…)",
    "quoted": "someone else's question, in quotation marks",
}
_QUESTION_FIELDS = [
    Field("questions", "questions", "questions", "int64", "questions the writer asks (not quoted)"),
    Field(
        "questions_per_1000",
        "questions",
        "per 1,000 words",
        "float64",
        "the writer's questions per 1,000 words",
    ),
    *(
        Field(
            "q_" + kind.replace("-", "_"),
            "questions",
            "questions",
            "int64",
            f"{kind}: {meaning}",
        )
        for kind, meaning in _QUESTION_KINDS.items()
    ),
]

_ATTRIBUTION_FIELDS = [
    Field("sources_named", "attribution", "sources", "int64", "claims credited to a named source"),
    Field(
        "sources_vague",
        "attribution",
        "sources",
        "int64",
        "claims credited to nobody in particular (experts say…)",
    ),
]

FIELDS: list[Field] = [
    *_TEXT_FIELDS,
    *_READABILITY_FIELDS,
    *_STANCE_FIELDS,
    *_QUESTION_FIELDS,
    *_ATTRIBUTION_FIELDS,
]


def fields() -> pd.DataFrame:
    """The profile's measures: one row per column of :func:`profile_corpus`, in order.

    Columns: ``name``, ``group`` (text, readability, stance, questions, attribution),
    ``unit``, ``dtype`` and ``meaning``.
    """
    import pandas as pd

    return pd.DataFrame([f.__dict__ for f in FIELDS])


# --- one text -----------------------------------------------------------------------------------


class _Shared:
    """What several sections need, computed once per text (the tokenizer is the costly part)."""

    def __init__(self, doc: Document) -> None:
        from opedkit.tokenize import word_tokens

        self.doc = doc
        self.word_tokens = word_tokens(doc.body)
        self._own: int | None = None

    @property
    def own_words(self) -> int:
        """Words outside quotation marks: the writer's own (as opedkit.stance counts them)."""
        if self._own is None:
            from opedkit.quotes import quote_spans

            # a word is quoted when it starts inside a quotation (as is_quoted decides);
            # quotations do not overlap, so count the word starts in each one
            quotes = quote_spans(self.doc.body)
            starts = [t.start for t in self.word_tokens] if quotes else []
            inside = sum(bisect_left(starts, q.end) - bisect_left(starts, q.start) for q in quotes)
            self._own = len(self.word_tokens) - inside
        return self._own


def _text_measures(doc: Document, shared: _Shared) -> dict[str, Any]:
    from opedkit.segment import paragraph_spans, sentence_spans

    n_words = len(shared.word_tokens)
    n_sentences = len(sentence_spans(doc.body))
    return {
        "words": n_words,
        "sentences": n_sentences,
        "paragraphs": len(paragraph_spans(doc.body)),
        "words_per_sentence": n_words / n_sentences if n_sentences else math.nan,
    }


def _per_1000(n: int, words: int) -> float:
    return 1000 * n / words if words else 0.0


def _per_100(n: int, words: int) -> float:
    return 100 * n / words if words else 0.0


# The sections below count the rows that opedkit.stance(), .questions() and .attributions()
# would return, from the rows the modules compute before they build a DataFrame: a corpus run
# measures thousands of texts, and building and converting three DataFrames per text cost
# about as much as the analyses themselves. tests/test_profile.py checks each count against
# the public function.


def _readability_measures(doc: Document, shared: _Shared) -> dict[str, Any]:
    try:  # the scores of readability(doc)["score"], without building its table
        from opedkit.readability import _analyse, _wide
    except ImportError:  # pragma: no cover - the module changed: take the public table
        from opedkit.readability import readability

        scores = readability(doc)["score"]
        return {name: float(scores.get(name, math.nan)) for name in _READABILITY}
    wide = _wide(_analyse(doc.body).total)
    return {name: float(wide.get(name, math.nan)) for name in _READABILITY}


def _stance_measures(doc: Document, shared: _Shared) -> dict[str, Any]:
    from opedkit.stance import _analyse

    # the kept rows of stance(doc): quoted cues are counted apart, the others by category
    counts = {"hedge": 0, "booster": 0, "attitude": 0, "predictive": 0}
    quoted = 0
    for row in _analyse(doc.body):
        if not row.kept:
            continue
        if row.quoted:
            quoted += 1
        else:
            counts[row.category] = counts.get(row.category, 0) + 1
    hedges, boosters = counts["hedge"], counts["booster"]
    # the same definition and unit as opedkit.hedging_density(x): the writer's own hedges
    # per 100 of the writer's own words (quotations left out of both)
    return {
        "hedges": hedges,
        "boosters": boosters,
        "attitude_markers": counts["attitude"],
        "predictive": counts["predictive"],
        "quoted_cues": quoted,
        "hedging_density": _per_100(hedges, shared.own_words),
        "boosting_density": _per_100(boosters, shared.own_words),
    }


def _question_measures(doc: Document, shared: _Shared) -> dict[str, Any]:
    from collections import Counter

    from opedkit.questions import _analyse

    # the rows of questions(doc): every question found but the question marks set aside
    kinds = Counter(q.kind for q in _analyse(doc.body, "auto") if not q.excluded)
    own = sum(n for kind, n in kinds.items() if kind != "quoted")
    values: dict[str, Any] = {
        "questions": own,
        "questions_per_1000": _per_1000(own, len(shared.word_tokens)),
    }
    for kind in _QUESTION_KINDS:
        values["q_" + kind.replace("-", "_")] = kinds.get(kind, 0)
    return values


def _attribution_measures(doc: Document, shared: _Shared) -> dict[str, Any]:
    from opedkit.attribution import _analyse

    # the rows of attributions(doc): one per source, named or vague
    kinds = [found.kind for _, found in _analyse(doc.body)]
    return {
        "sources_named": kinds.count("named"),
        "sources_vague": kinds.count("vague"),
    }


_SECTIONS: list[tuple[str | None, Callable[[Document, _Shared], dict[str, Any]]]] = [
    (None, _text_measures),
    ("opedkit.readability", _readability_measures),
    ("opedkit.stance", _stance_measures),
    ("opedkit.questions", _question_measures),
    ("opedkit.attribution", _attribution_measures),
]


def _available(module: str | None) -> bool:
    return module is None or importlib.util.find_spec(module) is not None


def _measure(doc: Document) -> dict[str, Any]:
    values: dict[str, Any] = {}
    shared = _Shared(doc)
    for module, section in _SECTIONS:
        if _available(module):
            values.update(section(doc, shared))
    return values


_FIELD_MODULE = {
    "readability": "opedkit.readability",
    "stance": "opedkit.stance",
    "questions": "opedkit.questions",
    "attribution": "opedkit.attribution",
}


def _active_fields() -> list[Field]:
    return [f for f in FIELDS if _available(_FIELD_MODULE.get(f.group))]


def profile(x: Document | str | Path) -> pd.Series:
    """The profile of one op-ed: every measure, one value each, as a pandas Series.

    ``x`` is a :class:`~opedkit.document.Document` (its body is measured), a ``str`` (all of
    it body) or a :class:`~pathlib.Path` (loaded with :func:`opedkit.load`). The index is
    the measure names of :func:`fields`, in that order; ``Series.name`` is the source.
    ``hedging_density`` and ``boosting_density`` are per 100 of the writer's own words (the
    very value of :func:`opedkit.hedging_density`); ``questions_per_1000`` is per 1,000
    words. A text with no words has rates of 0.0 and readability scores of ``NaN``. The
    Series has dtype ``object`` so counts stay integers next to the rates.

    >>> profile("One sentence here. And a second one.")[["words", "sentences"]].tolist()
    [7, 2]
    """
    import pandas as pd

    doc = as_document(x)
    values = _measure(doc)
    index = [f.name for f in _active_fields()]
    data = [values.get(name) for name in index]
    return pd.Series(data, index=index, name=doc.source, dtype=object)


# --- many texts ---------------------------------------------------------------------------------

_META_COLUMNS = ["source", "title", "author"]


def profile_record(item: Document | str | Path, source: str | None = None) -> dict[str, Any]:
    """Profile one corpus item and never raise: the per-text function of corpus mode.

    ``item`` is a path (``str`` or :class:`~pathlib.Path`, loaded with :func:`opedkit.load`)
    or a Document. Returns a dict with ``source``, ``title``, ``author``, every measure, and
    ``error`` (``""`` when all went well; else the one-line reason, and the measures empty).
    """
    if source is not None:
        label = source
    else:
        label = item.source if isinstance(item, Document) else str(item)
    try:
        doc = item if isinstance(item, Document) else load(Path(item))
        if not doc.body.strip():
            raise InputError(
                "has no body text to measure (empty, or only title/byline/boilerplate)",
                hint="check the file, or mark the body with <!-- opedkit: body -->",
            )
        values = _measure(doc)
    except InputError as exc:  # the row names the file: say only what is wrong and what to do
        reason = str(exc)
        if exc.path and reason.startswith(f"{exc.path}: "):
            reason = reason[len(exc.path) + 2 :]
        return {"source": label, "title": "", "author": "", "error": _one_line(reason)}
    except (ValueError, OSError, UnicodeError, TypeError) as exc:
        return {"source": label, "title": "", "author": "", "error": _one_line(exc)}
    except Exception as exc:  # a bug in a measure must not lose the rest of a corpus run
        return {
            "source": label,
            "title": "",
            "author": "",
            "error": f"internal error ({type(exc).__name__}): {_one_line(exc)}",
        }
    return {"source": label, "title": doc.title, "author": doc.author, **values, "error": ""}


def _one_line(exc: BaseException | str) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _columns() -> list[str]:
    return [*_META_COLUMNS, *(f.name for f in _active_fields()), "error"]


def profile_meta() -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of :func:`profile_frame`'s result.

    Dask's ``map_partitions`` takes it as ``meta=`` so it does not have to guess.
    """
    import pandas as pd

    dtypes = {"source": "str", "title": "str", "author": "str"}
    dtypes.update({f.name: f.dtype for f in _active_fields()})
    dtypes["error"] = "str"
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in _columns()})


def _frame(records: list[dict[str, Any]], index: Any = None) -> pd.DataFrame:
    import pandas as pd

    table = pd.DataFrame.from_records(records, columns=_columns(), index=index)
    for name in ("source", "title", "author", "error"):
        table[name] = table[name].astype("str")
    for f in _active_fields():
        # int columns hold NaN on error rows: use the nullable Int64 there
        dtype = f.dtype
        if dtype == "int64" and table[f.name].isna().any():
            dtype = "Int64"
        table[f.name] = table[f.name].astype(pd.api.types.pandas_dtype(dtype))
    return table


def profile_frame(frame: pd.DataFrame, text_column: str = "text") -> pd.DataFrame:
    """Profile every row of ``frame`` (the text in ``text_column``): one profile row each.

    The result keeps ``frame``'s index (so it joins back onto the input) and has the columns
    of :func:`profile_meta`; ``source`` is the row's index label. This is the function to
    give Dask's ``map_partitions`` (see the module docs); it runs in the calling process.
    """
    if text_column not in frame.columns:
        raise InputError(
            f"the table has no column {text_column!r}",
            hint=f"its columns are {list(map(str, frame.columns))}; pass text_column=",
        )
    pairs = zip(frame.index, frame[text_column], strict=True)
    records = [_text_record(text, str(label)) for label, text in pairs]
    return _frame(records, index=frame.index)


def _text_record(text: Any, label: str) -> dict[str, Any]:
    if not isinstance(text, str):
        missing = text is None or (isinstance(text, float) and math.isnan(text))
        what = "no text (missing value)" if missing else f"not text ({type(text).__name__})"
        return {"source": label, "title": "", "author": "", "error": what}
    import dataclasses

    return profile_record(dataclasses.replace(as_document(text), source=label), label)


def _expand_one(entry: str | Path) -> list[Path]:
    p = Path(entry)
    if p.is_dir():
        found = sorted(
            q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in CORPUS_SUFFIXES
        )
        if not found:
            raise InputError(
                "has no .txt, .md or .html files", path=p, hint="put one op-ed per file in it"
            )
        return found
    if globmod.has_magic(str(entry)) and not p.exists():
        matches = sorted(Path(m) for m in globmod.glob(str(entry), recursive=True))
        files = [m for m in matches if m.is_file()]
        if not files:
            raise InputError(
                f"no file matches the pattern {str(entry)!r}",
                hint="check the folder and the pattern (quote it in a shell)",
            )
        return files
    return [p]


def _expand(target: Any) -> list[Any]:
    """Folders -> their op-ed files (sorted); globs -> their matches (sorted); others as is."""
    if isinstance(target, (str, Path)):
        return list(_expand_one(target))
    items: list[Any] = []
    for entry in target:
        items.extend([entry] if isinstance(entry, Document) else _expand_one(entry))
    return items


def _worker_count(workers: int | None, n: int) -> int:
    if workers is None:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - macOS, Windows
            cores = os.cpu_count() or 1
        workers = cores
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    # a process pool costs a fraction of a second to start: not worth it for a handful
    return max(1, min(workers, n // 4))


def _pool_context() -> Any:
    import multiprocessing

    # fork is the fastest start (workers inherit the loaded modules) but is unsafe once a
    # process has other threads (Jupyter kernels do); then use forkserver, or spawn.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform == "linux":
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class _NoBar:
    """Stands in for a progress bar when none is shown (tqdm would still start a thread)."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, progress: bool) -> Any:
    if not progress or total < 20:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="text", desc="profiling", leave=False)


# Each text makes and drops thousands of small objects (tokens, matches), which makes
# Python's cycle collector run every few hundred of them and walk every object the process
# holds (modules, word caches, the caller's data). While a corpus is profiled, what the
# process already held is exempt from that walk (gc.freeze) and more objects may pile up
# before a collection: about a tenth faster, memory still bounded, nothing else changed.
_CORPUS_GC_THRESHOLD = 20_000


def _worker_start() -> None:
    """Set up a worker process of the pool (it only profiles texts, then exits)."""
    import gc

    gc.freeze()
    gc.set_threshold(_CORPUS_GC_THRESHOLD, 10, 10)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The same for a run in this process, undone afterwards (thresholds back, unfrozen)."""
    import gc

    before = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # leave a caller's own frozen objects as they are
    if freeze:
        gc.freeze()
    gc.set_threshold(max(before[0], _CORPUS_GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if freeze:
            gc.unfreeze()


def _chunk_records(chunk: list[tuple[Any, str | None, bool]]) -> list[dict[str, Any]]:
    out = []
    for item, label, is_text in chunk:
        out.append(_text_record(item, label or "") if is_text else profile_record(item, label))
    return out


def _run(
    jobs: Sequence[tuple[Any, str | None, bool]], workers: int | None, progress: bool
) -> list[dict[str, Any]]:
    n = len(jobs)
    count = _worker_count(workers, n)
    context = _pool_context() if count > 1 else None  # chosen before the bar starts a thread
    bar = _progress(n, progress)
    records: list[dict[str, Any]] = []
    try:
        if context is not None:
            from concurrent.futures import ProcessPoolExecutor
            from concurrent.futures.process import BrokenProcessPool

            # about 16 chunks per worker (at most 16 texts each): few enough that sending them
            # costs nothing, small enough that the workers finish together
            size = max(1, min(16, math.ceil(n / (count * 16))))
            chunks = [list(jobs[i : i + size]) for i in range(0, n, size)]
            try:
                with ProcessPoolExecutor(
                    max_workers=count, mp_context=context, initializer=_worker_start
                ) as pool:
                    for result in pool.map(_chunk_records, chunks):
                        records.extend(result)
                        bar.update(len(result))
            except BrokenProcessPool as exc:
                # e.g. a script without `if __name__ == "__main__":` under forkserver, or a
                # worker killed for memory: finish here rather than lose the run
                warnings.warn(
                    f"worker processes failed ({exc}); profiling the remaining "
                    f"{n - len(records)} texts in this process",
                    RuntimeWarning,
                    stacklevel=3,
                )
        with _fewer_collections():
            for job in jobs[len(records) :]:
                records.extend(_chunk_records([job]))
                bar.update(1)
    finally:
        bar.close()
    return records


def _warn_errors(records: list[dict[str, Any]]) -> None:
    bad = [r for r in records if r.get("error")]
    for r in bad[:20]:
        warnings.warn(f"{r['source']}: {r['error']}", UserWarning, stacklevel=3)
    if len(bad) > 20:
        warnings.warn(
            f"{len(bad)} of {len(records)} texts could not be profiled; see the 'error' column",
            UserWarning,
            stacklevel=3,
        )


def profile_corpus(
    paths_or_dataframe: Any,
    text_column: str = "text",
    *,
    workers: int | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Profile many op-eds: one row per text, in input order, every core of the machine.

    ``paths_or_dataframe`` is one of:

    * a folder: every ``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` file in it
      and its sub-folders, sorted by path;
    * a glob pattern such as ``"opeds/**/*.txt"``, matches sorted;
    * a list of paths (``str`` or :class:`~pathlib.Path`) or Documents, in the given order
      (folders and globs in the list are expanded in place);
    * a pandas DataFrame whose ``text_column`` holds the texts (each all body); the result
      keeps its index, and ``source`` is the index label.

    Columns: ``source``, ``title``, ``author``, the measures of :func:`fields`, and
    ``error``: ``""`` for a text that was measured, else why it could not be (the measures
    of that row are empty). A text with no body (an empty file, a page of boilerplate) is an
    error row too, so it cannot pull a corpus mean down unnoticed. Each failed text also
    issues a :class:`UserWarning`.

    ``workers``: processes to use (default: every core this process may use; ``1`` runs in
    this process). Small corpora run in this process whatever ``workers`` says: starting
    a pool costs more than it saves below a few texts per core. ``progress`` shows a
    progress bar (tqdm, on standard error or as a notebook widget) from 20 texts up.

    >>> import pandas as pd, warnings
    >>> texts = pd.DataFrame({"text": ["It may rain. Or not.", "   "]}, index=["a", "b"])
    >>> with warnings.catch_warnings(record=True):
    ...     table = profile_corpus(texts, progress=False)
    >>> table["words"].tolist(), table.loc["b", "error"][:27]
    ([5, <NA>], 'has no body text to measure')
    """
    import pandas as pd

    if isinstance(paths_or_dataframe, pd.DataFrame):
        frame = paths_or_dataframe
        if text_column not in frame.columns:
            raise InputError(
                f"the table has no column {text_column!r}",
                hint=f"its columns are {list(map(str, frame.columns))}; pass text_column=",
            )
        pairs = zip(frame.index, frame[text_column], strict=True)
        jobs: list[tuple[Any, str | None, bool]] = [(t, str(i), True) for i, t in pairs]
        records = _run(jobs, workers, progress)
        _warn_errors(records)
        return _frame(records, index=frame.index)
    items = _expand(paths_or_dataframe)
    records = _run([(item, None, False) for item in items], workers, progress)
    _warn_errors(records)
    return _frame(records)
