"""Readability you can audit: seven classic formulas, a consensus and opedkit's own grade.

:func:`readability` returns one row per measure, with the score, a plain-English band, the
formula with its published constants, the same formula with this text's counts put in, and
the counts themselves, so that every number can be checked with a pencil.
:func:`readability_by_paragraph` and :func:`readability_by_sentence` give the same measures
for each paragraph and each sentence; :func:`hardest_sentences` says which sentences are
hardest and why.

How the counts are made (docs/readability.md has the details and the differences from
textstat):

*words*
    opedkit's tokenizer (:func:`opedkit.words`): words, numbers and abbreviations;
    ``Jong-un`` is one word, ``%`` and ``$`` are not words.
*sentences*
    opedkit's segmenter (:func:`opedkit.sentences`). A "sentence" with no word in it (a row
    of asterisks, an emoji) is not counted. Short sentences count: "Had it?" is a sentence.
*syllables*
    :func:`opedkit.syllables`, word by word (the CMU dictionary, then rules; numbers as read
    aloud). In a sentence written all in capitals the words are counted as if in lower case.
*polysyllables* (SMOG)
    words of three syllables or more.
*complex words* (Gunning Fog)
    words of three syllables or more, except capitalised words inside a sentence (names),
    hyphenated compounds of shorter words, and words that reach three syllables only by
    *-es*, *-ed* or *-ing* (Gunning's own exceptions).
*letters*, *characters* (Coleman-Liau, ARI)
    letters (a-z and other alphabets) and letters plus digits, inside words only.
*difficult words* (Dale-Chall)
    words not on the Dale-Chall list of familiar words (``data/dale_chall_easy_words.txt``),
    nor regular inflections of a word on it (*-s, -es, -ies, -d, -ed, -ied, -ing, -r, -er,
    -ier, -st, -est, -iest, 's*), nor numbers, nor names (capitalised inside a sentence, or
    at its start when the text capitalises the word elsewhere too); a hyphenated compound
    is difficult if any of its parts is.
*rare words* (opedkit_grade)
    words whose frequency in English (the ``wordfreq`` package, Zipf scale: 6 = once per
    thousand words, 3 = once per million) is below the threshold in
    ``data/readability_grade.json``; numbers are left out.

>>> table = readability("The cat sat on the mat. It was happy there.")
>>> round(float(table.loc["flesch_kincaid_grade", "score"]), 2)
-0.66
>>> table.loc["flesch_kincaid_grade", "worked"]
'0.39 × (10 / 2) + 11.8 × (11 / 10) − 15.59 = −0.66'

Limits: every formula here counts surface features (sentence length, word length, word
lists). None of them can see whether the ideas are clear, the argument coherent, the
words well chosen for the reader, or the layout helpful; a scrambled text scores the same
as the original. The grades are US school grades and were fitted on school texts and
military manuals decades ago; treat them as a rough rank, not as a verdict.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document

__all__ = [
    "MEASURES",
    "Counts",
    "hardest_sentences",
    "readability",
    "readability_by_paragraph",
    "readability_by_sentence",
]

# --- the formulas' constants, each with the paper it comes from ---------------------------

# Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3), 221-233.
FRE_BASE = 206.835
FRE_PER_WORDS_PER_SENTENCE = 1.015
FRE_PER_SYLLABLES_PER_WORD = 84.6

# Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new
# readability formulas (Automated Readability Index, Fog Count and Flesch Reading Ease
# Formula) for Navy enlisted personnel. Research Branch Report 8-75, Naval Technical Training
# Command, Millington, TN.
FKGL_PER_WORDS_PER_SENTENCE = 0.39
FKGL_PER_SYLLABLES_PER_WORD = 11.8
FKGL_CONSTANT = 15.59

# Gunning, R. (1952). The Technique of Clear Writing. New York: McGraw-Hill.
FOG_FACTOR = 0.4
FOG_COMPLEX_SYLLABLES = 3

# McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading
# 12(8), 639-646. (The regression form; the sample it was built on is 30 sentences.)
SMOG_FACTOR = 1.0430
SMOG_SAMPLE_SENTENCES = 30
SMOG_CONSTANT = 3.1291
SMOG_POLYSYLLABLE = 3

# Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine
# scoring. Journal of Applied Psychology 60(2), 283-284.
CLI_PER_LETTERS_PER_100_WORDS = 0.0588
CLI_PER_SENTENCES_PER_100_WORDS = 0.296
CLI_CONSTANT = 15.8

# Senter, R. J. & Smith, E. A. (1967). Automated Readability Index. Report AMRL-TR-6620
# (DTIC AD0667273), Aerospace Medical Research Laboratories, Wright-Patterson Air Force Base.
ARI_PER_CHARACTERS_PER_WORD = 4.71
ARI_PER_WORDS_PER_SENTENCE = 0.5
ARI_CONSTANT = 21.43

# Dale, E. & Chall, J. S. (1948). A formula for predicting readability. Educational Research
# Bulletin 27(1), 11-20, 28; and Instructions, 27(2), 37-54. Score = 0.1579 PDW + 0.0496 ASL
# + 3.6365 (the constant is part of the 1948 regression; textstat and many tools add it only
# when more than 5% of the words are difficult).
DALE_CHALL_PER_PERCENT_DIFFICULT = 0.1579
DALE_CHALL_PER_WORDS_PER_SENTENCE = 0.0496
DALE_CHALL_CONSTANT = 3.6365

# Flesch, R. (1949). The Art of Readable Writing. New York: Harper. Reading Ease -> school
# grade: (lowest score of the band, the band, grade used for the consensus: its middle).
FRE_BANDS = (
    (90.0, "very easy (grade 5)", 5.0),
    (80.0, "easy (grade 6)", 6.0),
    (70.0, "fairly easy (grade 7)", 7.0),
    (60.0, "plain English (grades 8-9)", 8.5),
    (50.0, "fairly difficult (grades 10-12)", 11.0),
    (30.0, "difficult (college)", 14.0),
    (-math.inf, "very difficult (college graduate)", 17.0),
)
# Dale & Chall (1948): raw score -> corrected grade level (their chart), and the middle grade.
DALE_CHALL_BANDS = (
    (10.0, "grade 16 and above (college graduate)", 17.0),
    (9.0, "grades 13-15 (college)", 14.0),
    (8.0, "grades 11-12", 11.5),
    (7.0, "grades 9-10", 9.5),
    (6.0, "grades 7-8", 7.5),
    (5.0, "grades 5-6", 5.5),
    (-math.inf, "grade 4 and below", 4.0),
)
# opedkit: words for a US school grade, lined up with Flesch's bands above.
GRADE_WORDS = (
    (16.5, "very difficult"),
    (12.5, "difficult"),
    (9.5, "fairly difficult"),
    (7.5, "plain English"),
    (6.5, "fairly easy"),
    (5.5, "easy"),
    (-math.inf, "very easy"),
)

#: The measures, in the order of :func:`readability`'s rows.
MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "consensus",
    "opedkit_grade",
)
COUNT_COLUMNS = (
    "sentences",
    "words",
    "syllables",
    "polysyllables",
    "complex_words",
    "letters",
    "characters",
    "difficult_words",
    "rare_words",
)

SOURCES = {
    "flesch_reading_ease": "Flesch (1948), J. Applied Psychology 32(3); bands: Flesch (1949)",
    "flesch_kincaid_grade": "Kincaid, Fishburne, Rogers & Chissom (1975), Navy report 8-75",
    "gunning_fog": "Gunning (1952), The Technique of Clear Writing",
    "smog_index": "McLaughlin (1969), Journal of Reading 12(8)",
    "coleman_liau_index": "Coleman & Liau (1975), J. Applied Psychology 60(2)",
    "automated_readability_index": "Senter & Smith (1967), AMRL-TR-6620",
    "dale_chall": "Dale & Chall (1948), Educational Research Bulletin 27",
    "consensus": "opedkit: median of the seven formulas' grade equivalents",
    "opedkit_grade": "opedkit, calibrated on CLEAR (Crossley et al. 2022): "
    "data/readability_grade.json",
}


# --- counts ---------------------------------------------------------------------------------


class Counts(NamedTuple):
    """What the formulas count in a stretch of text (a document, a paragraph, a sentence)."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    letters: int = 0
    characters: int = 0
    difficult_words: int = 0
    rare_words: int = 0
    frequency_words: int = 0  # words with a frequency (not numbers): for the mean frequency
    zipf_sum: float = 0.0

    def __add__(self, other: object) -> Counts:
        """Counts add up field by field (a plain tuple would concatenate)."""
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts._make(a + b for a, b in zip(self, other, strict=True))


class _Word(NamedTuple):
    """One word in its place: what the formulas count for it."""

    text: str
    start: int
    sentence: int
    syllables: int
    letters: int
    characters: int
    polysyllable: bool
    complex: bool
    difficult: bool
    zipf: float | None  # None for numbers
    rare: bool


class _Form(NamedTuple):
    """What a spelling contributes wherever it stands (before the name rules)."""

    syllables: int
    letters: int
    characters: int
    polysyllable: bool
    complex: bool  # Fog's complex word, unless it turns out to be a name
    difficult: bool  # Dale-Chall's difficult word, unless it turns out to be a name
    zipf: float | None
    rare: bool
    capitalised: bool

    vector: tuple[float | bool, ...]  # the spelling's row of the word matrix (see _MATRIX)


# columns of the per-word matrix, summed per sentence (see _Analysis)
_MATRIX = (
    "words",
    "syllables",
    "polysyllables",
    "complex_words",
    "letters",
    "characters",
    "difficult_words",
    "rare_words",
    "frequency_words",
    "zipf_sum",
)
_COMPLEX = _MATRIX.index("complex_words")
_DIFFICULT = _MATRIX.index("difficult_words")


@dataclass
class _Analysis:
    """Every word of a text counted once; sums per sentence and for the whole text.

    Each distinct spelling is counted once (``unique``, with its row of numbers in
    ``vectors``); ``form_ids`` says which spelling each word is and ``sentence_of`` which
    sentence it is in, so that sums are a few array operations whatever the text's size.
    """

    body: str
    sentence_spans: list[tuple[int, int, int]]  # start, end, paragraph
    texts: list[str]
    starts: list[int]
    sentence_of: Any  # numpy int array, one entry per word
    form_ids: Any  # numpy int array, one entry per word: index into unique
    unique: list[_Form]
    vectors: Any  # numpy array, one row per distinct spelling, the columns of _MATRIX
    named: Any  # numpy bool array, one entry per word: a name (not complex, not difficult)

    def _sums(self, group: Any, size: int) -> Any:
        """Per-group sums of every column (group: one index per word)."""
        import numpy as np

        out = np.zeros((size, len(_MATRIX)))
        for col in range(len(_MATRIX)):
            weights = self.vectors[self.form_ids, col]
            if col in (_COMPLEX, _DIFFICULT):
                weights = np.where(self.named, 0.0, weights)
            out[:, col] = np.bincount(group, weights=weights, minlength=size)
        return out

    @property
    def total(self) -> Counts:
        import numpy as np

        if not self.texts:
            return Counts()
        sums = self._sums(np.zeros(len(self.texts), dtype=np.intp), 1)[0].tolist()
        return _counts(len(np.unique(self.sentence_of)), sums)

    @property
    def sentence_counts(self) -> list[Counts]:
        out = [Counts() for _ in self.sentence_spans]
        if not self.texts:
            return out
        sums = self._sums(self.sentence_of, len(self.sentence_spans))
        for sentence, row in enumerate(sums.tolist()):
            if row[0]:
                out[sentence] = _counts(1, row)
        return out

    @property
    def forms(self) -> list[_Form]:
        return [self.unique[i] for i in self.form_ids.tolist()]

    @property
    def names(self) -> list[bool]:
        return [bool(n) for n in self.named.tolist()]

    @property
    def words(self) -> list[_Word]:
        out = []
        for text, start, sentence, form, name in zip(
            self.texts,
            self.starts,
            self.sentence_of.tolist(),
            self.forms,
            self.names,
            strict=True,
        ):
            out.append(
                _Word(
                    text,
                    start,
                    sentence,
                    form.syllables,
                    form.letters,
                    form.characters,
                    form.polysyllable,
                    form.complex and not name,
                    form.difficult and not name,
                    form.zipf,
                    form.rare,
                )
            )
        return out


def _counts(sentences: int, sums: Sequence[float]) -> Counts:
    values = dict(zip(_MATRIX, sums, strict=True))
    return Counts(
        sentences=sentences,
        **{k: round(v) for k, v in values.items() if k != "zipf_sum"},
        zipf_sum=float(values["zipf_sum"]),
    )


# --- word lists -----------------------------------------------------------------------------


@cache
def _easy_words() -> frozenset[str]:
    text = resources.files("opedkit.data").joinpath("dale_chall_easy_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def grade_model() -> dict[str, Any]:
    """The opedkit_grade coefficients and their provenance (``data/readability_grade.json``)."""
    text = resources.files("opedkit.data").joinpath("readability_grade.json").read_text("utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


@cache
def _zipf_table() -> dict[str, float]:
    """word -> Zipf frequency, from the wordfreq package's small English list (read once).

    The small list has every word used at least once per million words (Zipf 3 and above:
    about 29,000 words), with the same values as wordfreq's large list; a word not in it
    counts 0, as in wordfreq. That is all opedkit needs: a rare word is one below Zipf 3.5.
    wordfreq keeps the list as "cBpack" (gzipped msgpack: a header, then one list of words
    per centibel of frequency); reading the file directly takes a few milliseconds, where
    importing wordfreq takes a few hundred. If its format ever changes, wordfreq's own API
    is used instead.
    """
    try:
        import gzip
        import importlib.util
        from pathlib import Path

        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        assert spec is not None and spec.submodule_search_locations
        folder = Path(next(iter(spec.submodule_search_locations))) / "data"
        data = msgpack.unpackb(gzip.decompress((folder / "small_en.msgpack.gz").read_bytes()))
        if data[0] != {"format": "cB", "version": 1}:
            raise ValueError("unknown wordfreq format")
        table: dict[str, float] = {}
        for centibels, words in enumerate(data[1:]):
            table.update(dict.fromkeys(words, 9.0 - centibels / 100))
        return table
    except Exception:  # pragma: no cover - depends on wordfreq's internals
        import wordfreq

        frequencies = wordfreq.get_frequency_dict("en", wordlist="small")
        return {w: math.log10(f) + 9.0 for w, f in frequencies.items() if f > 0}


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_SEPARATORS = re.compile("[-\u2010\u2011\u2013/]")


def _zipf(word: str, table: dict[str, float]) -> float:
    """Zipf frequency of a word; a compound gets its rarest part's; unknown words 0."""
    key = word.translate(_APOSTROPHES).lower()
    found = table.get(key)
    if found is not None:
        return found
    if key.endswith("'s") and key[:-2] in table:
        return table[key[:-2]]
    parts = [p for p in _SEPARATORS.split(key) if p]
    if len(parts) > 1:
        return min(_zipf(p, table) for p in parts)
    return 0.0


# Regular inflections (Dale & Chall's rule: an inflected form of a listed word is familiar):
# ending -> what replaces it to give the listed word, grouped by the ending's last letter.
_INFLECTIONS = (
    ("iest", "y"),
    ("ier", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("est", ""),
    ("est", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("er", ""),
    ("er", "e"),
    ("st", ""),
    ("s", ""),
    ("d", ""),
    ("r", ""),
)
_INFLECTIONS_BY_LAST = {
    last: tuple(pair for pair in _INFLECTIONS if pair[0][-1] == last)
    for last in {ending[-1] for ending, _ in _INFLECTIONS}
}


def _familiar(word: str, easy: frozenset[str]) -> bool:
    """On the Dale-Chall list, or a regular inflection of a word on it."""
    w = word.translate(_APOSTROPHES).lower()
    if w in easy:
        return True
    if w.endswith("'s"):
        w = w[:-2]
        if w in easy:
            return True
    for ending, replacement in _INFLECTIONS_BY_LAST.get(w[-1:], ()):
        if w.endswith(ending) and len(w) > len(ending) + 1:
            stem = w[: -len(ending)]
            if stem + replacement in easy:
                return True
            if not replacement and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:
                return True  # stopped, bigger
    return False


# --- the analysis: every word counted once --------------------------------------------------


@lru_cache(maxsize=131072)
def _form(text: str, kind: str) -> _Form:
    """Count one spelling once (a pure cache: the same spelling always counts the same)."""
    from opedkit.syllables import default_counter

    count = default_counter().count
    n = count(text)
    if text.isalpha():  # most words: no hyphen, apostrophe, digit or dot
        is_number, parts = False, [text]
        letters = characters = len(text)
    else:
        is_number = kind == "number" or not any(c.isalpha() for c in text)
        parts = [p for p in _SEPARATORS.split(text) if p]
        letters = sum(c.isalpha() for c in text)
        characters = sum(c.isalnum() for c in text)
    compound_of_short = len(parts) > 1 and all(count(p) < FOG_COMPLEX_SYLLABLES for p in parts)
    complex_word = (
        n >= FOG_COMPLEX_SYLLABLES
        and not compound_of_short
        and not _reaches_three_by_ending(text, n)
    )
    easy = _easy_words()
    if is_number or (kind == "abbr" and text[:1].isupper()):
        difficult = False
    else:
        difficult = not all(_familiar(p, easy) for p in parts)
    zipf = None if is_number else _zipf(text, _zipf_table())
    rare = zipf is not None and zipf < _rare_threshold()
    poly = n >= SMOG_POLYSYLLABLE
    # the row of the word matrix, in the order of _MATRIX
    vector: tuple[float | bool, ...] = (1, n, poly, complex_word, letters, characters)
    vector += (difficult, rare, zipf is not None, zipf or 0.0)
    return _Form(
        n,
        letters,
        characters,
        poly,
        complex_word,
        difficult,
        zipf,
        rare,
        text[:1].isupper(),
        vector,
    )


@cache
def _rare_threshold() -> float:
    return float(grade_model()["rare_below_zipf"])


@lru_cache(maxsize=8)
def _analyse(body: str) -> _Analysis:
    import numpy as np

    from opedkit.segment import sentence_spans
    from opedkit.tokenize import word_tokens

    spans = [(s.start, s.end, s.paragraph) for s in sentence_spans(body)]
    tokens = word_tokens(body)
    texts = [t.text for t in tokens]
    starts = [t.start for t in tokens]
    # which sentence each word is in (words come in text order), which words open one
    span_starts = np.array([s for s, _, _ in spans], dtype=np.intp)
    sentence_of = np.searchsorted(span_starts, np.array(starts, dtype=np.intp), side="right") - 1
    sentence_of = np.maximum(sentence_of, 0)
    first = np.ones(len(texts), dtype=bool)
    first[1:] = sentence_of[1:] != sentence_of[:-1]
    # a sentence with no lower-case letter is shouted: count its words in lower case
    shouted = {i for i, (a, b, _) in enumerate(spans) if _is_shouted(body[a:b])}
    counted = texts
    if shouted:
        counted = [
            x.lower() if i in shouted else x
            for x, i in zip(texts, sentence_of.tolist(), strict=True)
        ]
    # each distinct spelling (and kind) is counted once
    index: dict[tuple[str, str], int] = {}
    kinds = [t.kind for t in tokens]
    ids = [index.setdefault(key, len(index)) for key in zip(counted, kinds, strict=True)]
    unique = [_form(text, kind) for text, kind in index]
    form_ids = np.array(ids, dtype=np.intp)
    # names: capitalised inside a sentence, or at its start when the same spelling is
    # capitalised inside a sentence somewhere else in the text
    capitalised = np.array([f.capitalised for f in unique], dtype=bool)[form_ids]
    inside = np.zeros(len(unique), dtype=bool)
    inside[form_ids[capitalised & ~first]] = True
    named = capitalised & (~first | inside[form_ids])
    vectors = np.array([f.vector for f in unique], dtype=float).reshape(-1, len(_MATRIX))
    return _Analysis(
        body=body,
        sentence_spans=spans,
        texts=texts,
        starts=starts,
        sentence_of=sentence_of,
        form_ids=form_ids,
        unique=unique,
        vectors=vectors,
        named=named,
    )


def _is_shouted(text: str) -> bool:
    """A sentence in capitals: no lower-case letter and at least eight letters."""
    return text.isupper() and sum(c.isalpha() for c in text) >= 8


def _reaches_three_by_ending(word: str, n: int) -> bool:
    """Gunning: do not count words made three syllables by -es, -ed (or -ing)."""
    w = word.lower()
    if n != FOG_COMPLEX_SYLLABLES:
        return False
    if w.endswith("ing"):
        return True
    if w.endswith("ed"):
        return w[-3:-2] in ("t", "d")
    if w.endswith("es"):
        return w[:-2].endswith(("s", "x", "z", "ch", "sh", "c", "g"))
    return False


# --- the formulas ---------------------------------------------------------------------------


class _Result(NamedTuple):
    score: float
    formula: str
    worked: str
    uses: tuple[str, ...]
    note: str = ""


def _num(x: float, digits: int = 2) -> str:
    """A number for the worked formula: minus sign, no trailing zeros."""
    text = f"{x:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{x:,.0f}"
    return text.replace("-", "−")


def _nan_result(formula: str, uses: tuple[str, ...], why: str) -> _Result:
    return _Result(math.nan, formula, f"not computed: {why}", uses, why)


def _flesch_reading_ease(c: Counts) -> _Result:
    formula = (
        f"{FRE_BASE} − {FRE_PER_WORDS_PER_SENTENCE} × (words / sentences) − "
        f"{FRE_PER_SYLLABLES_PER_WORD} × (syllables / words)"
    )
    uses = ("sentences", "words", "syllables")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = (
        FRE_BASE
        - FRE_PER_WORDS_PER_SENTENCE * c.words / c.sentences
        - FRE_PER_SYLLABLES_PER_WORD * c.syllables / c.words
    )
    worked = (
        f"{FRE_BASE} − {FRE_PER_WORDS_PER_SENTENCE} × ({c.words} / {c.sentences}) − "
        f"{FRE_PER_SYLLABLES_PER_WORD} × ({c.syllables} / {c.words}) = {_num(score)}"
    )
    return _Result(score, formula, worked, uses)


def _flesch_kincaid(c: Counts) -> _Result:
    formula = (
        f"{FKGL_PER_WORDS_PER_SENTENCE} × (words / sentences) + "
        f"{FKGL_PER_SYLLABLES_PER_WORD} × (syllables / words) − {FKGL_CONSTANT}"
    )
    uses = ("sentences", "words", "syllables")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = (
        FKGL_PER_WORDS_PER_SENTENCE * c.words / c.sentences
        + FKGL_PER_SYLLABLES_PER_WORD * c.syllables / c.words
        - FKGL_CONSTANT
    )
    worked = (
        f"{FKGL_PER_WORDS_PER_SENTENCE} × ({c.words} / {c.sentences}) + "
        f"{FKGL_PER_SYLLABLES_PER_WORD} × ({c.syllables} / {c.words}) − {FKGL_CONSTANT}"
        f" = {_num(score)}"
    )
    return _Result(score, formula, worked, uses)


def _gunning_fog(c: Counts) -> _Result:
    formula = f"{FOG_FACTOR} × (words / sentences + 100 × complex words / words)"
    uses = ("sentences", "words", "complex_words")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = FOG_FACTOR * (c.words / c.sentences + 100 * c.complex_words / c.words)
    worked = (
        f"{FOG_FACTOR} × ({c.words} / {c.sentences} + 100 × {c.complex_words} / {c.words})"
        f" = {_num(score)}"
    )
    return _Result(score, formula, worked, uses)


def _smog(c: Counts) -> _Result:
    formula = (
        f"{SMOG_FACTOR:.4f} × √(polysyllables × {SMOG_SAMPLE_SENTENCES} / sentences) + "
        f"{SMOG_CONSTANT}"
    )
    uses = ("sentences", "polysyllables")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = (
        SMOG_FACTOR * math.sqrt(c.polysyllables * SMOG_SAMPLE_SENTENCES / c.sentences)
        + SMOG_CONSTANT
    )
    worked = (
        f"{SMOG_FACTOR:.4f} × √({c.polysyllables} × {SMOG_SAMPLE_SENTENCES} / {c.sentences})"
        f" + {SMOG_CONSTANT} = {_num(score)}"
    )
    note = ""
    if c.sentences < SMOG_SAMPLE_SENTENCES:
        note = (
            f"SMOG was built on samples of {SMOG_SAMPLE_SENTENCES} sentences; "
            f"this text has {c.sentences}, so its polysyllables are scaled up"
        )
    return _Result(score, formula, worked, uses, note)


def _coleman_liau(c: Counts) -> _Result:
    formula = (
        f"{CLI_PER_LETTERS_PER_100_WORDS} × (100 × letters / words) − "
        f"{CLI_PER_SENTENCES_PER_100_WORDS} × (100 × sentences / words) − {CLI_CONSTANT}"
    )
    uses = ("sentences", "words", "letters")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = (
        CLI_PER_LETTERS_PER_100_WORDS * 100 * c.letters / c.words
        - CLI_PER_SENTENCES_PER_100_WORDS * 100 * c.sentences / c.words
        - CLI_CONSTANT
    )
    worked = (
        f"{CLI_PER_LETTERS_PER_100_WORDS} × (100 × {c.letters} / {c.words}) − "
        f"{CLI_PER_SENTENCES_PER_100_WORDS} × (100 × {c.sentences} / {c.words}) − "
        f"{CLI_CONSTANT} = {_num(score)}"
    )
    return _Result(score, formula, worked, uses)


def _ari(c: Counts) -> _Result:
    formula = (
        f"{ARI_PER_CHARACTERS_PER_WORD} × (characters / words) + "
        f"{ARI_PER_WORDS_PER_SENTENCE} × (words / sentences) − {ARI_CONSTANT}"
    )
    uses = ("sentences", "words", "characters")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = (
        ARI_PER_CHARACTERS_PER_WORD * c.characters / c.words
        + ARI_PER_WORDS_PER_SENTENCE * c.words / c.sentences
        - ARI_CONSTANT
    )
    worked = (
        f"{ARI_PER_CHARACTERS_PER_WORD} × ({c.characters} / {c.words}) + "
        f"{ARI_PER_WORDS_PER_SENTENCE} × ({c.words} / {c.sentences}) − {ARI_CONSTANT}"
        f" = {_num(score)}"
    )
    return _Result(score, formula, worked, uses)


def _dale_chall(c: Counts) -> _Result:
    formula = (
        f"{DALE_CHALL_PER_PERCENT_DIFFICULT} × (100 × difficult words / words) + "
        f"{DALE_CHALL_PER_WORDS_PER_SENTENCE} × (words / sentences) + {DALE_CHALL_CONSTANT}"
    )
    uses = ("sentences", "words", "difficult_words")
    if not c.words:
        return _nan_result(formula, uses, "no words")
    score = (
        DALE_CHALL_PER_PERCENT_DIFFICULT * 100 * c.difficult_words / c.words
        + DALE_CHALL_PER_WORDS_PER_SENTENCE * c.words / c.sentences
        + DALE_CHALL_CONSTANT
    )
    worked = (
        f"{DALE_CHALL_PER_PERCENT_DIFFICULT} × (100 × {c.difficult_words} / {c.words}) + "
        f"{DALE_CHALL_PER_WORDS_PER_SENTENCE} × ({c.words} / {c.sentences}) + "
        f"{DALE_CHALL_CONSTANT} = {_num(score)}"
    )
    return _Result(score, formula, worked, uses)


FEATURE_LABELS = {
    "words_per_sentence": "words per sentence",
    "syllables_per_word": "syllables per word",
    "characters_per_word": "characters per word",
    "mean_zipf": "mean word frequency (Zipf)",
    "rare_share": "share of rare words",
    "unfamiliar_share": "share of words not on the Dale-Chall list",
}
# the counts each feature is made of
FEATURE_COUNTS = {
    "words_per_sentence": ("sentences", "words"),
    "syllables_per_word": ("words", "syllables"),
    "characters_per_word": ("words", "characters"),
    "mean_zipf": ("words",),
    "rare_share": ("words", "rare_words"),
    "unfamiliar_share": ("words", "difficult_words"),
}


def grade_features(c: Counts) -> dict[str, float]:
    """The named features opedkit_grade combines (NaN where the text has no words)."""
    if not c.words:
        return dict.fromkeys(FEATURE_LABELS, math.nan)
    freq_words = c.frequency_words
    return {
        "words_per_sentence": c.words / c.sentences,
        "syllables_per_word": c.syllables / c.words,
        "characters_per_word": c.characters / c.words,
        "mean_zipf": c.zipf_sum / freq_words if freq_words else math.nan,
        "rare_share": c.rare_words / c.words,
        "unfamiliar_share": c.difficult_words / c.words,
    }


def _opedkit_grade(c: Counts) -> _Result:
    model = grade_model()
    terms = [(f["name"], float(f["weight"])) for f in model["features"]]
    intercept = float(model["intercept"])
    formula = f"{_num(intercept, 3)} " + " ".join(
        f"{'−' if w < 0 else '+'} {_num(abs(w), 3)} × {FEATURE_LABELS[name]}" for name, w in terms
    )
    uses = tuple(sorted({col for name, _ in terms for col in FEATURE_COUNTS[name]}))
    if not c.words:
        return _nan_result(formula, uses, "no words")
    values = grade_features(c)
    if any(math.isnan(values[name]) for name, _ in terms):
        return _nan_result(formula, uses, "no word with a frequency (only numbers)")
    score = intercept + sum(w * values[name] for name, w in terms)
    worked = f"{_num(intercept, 3)} " + " ".join(
        f"{'−' if w < 0 else '+'} {_num(abs(w), 3)} × {_feature_worked(name, c, values[name])}"
        for name, w in terms
    )
    return _Result(score, formula, f"{worked} = {_num(score)}", uses)


def _feature_worked(name: str, c: Counts, value: float) -> str:
    ratio = {
        "words_per_sentence": (c.words, c.sentences),
        "syllables_per_word": (c.syllables, c.words),
        "characters_per_word": (c.characters, c.words),
        "rare_share": (c.rare_words, c.words),
        "unfamiliar_share": (c.difficult_words, c.words),
    }.get(name)
    return f"({ratio[0]} / {ratio[1]})" if ratio else _num(value, 3)


_FORMULAS: dict[str, Callable[[Counts], _Result]] = {
    "flesch_reading_ease": _flesch_reading_ease,
    "flesch_kincaid_grade": _flesch_kincaid,
    "gunning_fog": _gunning_fog,
    "smog_index": _smog,
    "coleman_liau_index": _coleman_liau,
    "automated_readability_index": _ari,
    "dale_chall": _dale_chall,
}


def _band(table: Sequence[tuple[float, str, float]], score: float) -> tuple[str, float]:
    for lowest, band, grade in table:
        if score >= lowest:
            return band, grade
    return table[-1][1], table[-1][2]  # pragma: no cover - the last band has no floor


def grade_band(grade: float) -> str:
    """Plain words for a US school grade: ``'fairly difficult (grade 11)'``.

    >>> grade_band(11.3), grade_band(14.0), grade_band(3.2)
    ('fairly difficult (grade 11)', 'difficult (college)', 'very easy (grade 3)')
    """
    if math.isnan(grade):
        return "no words to measure"
    word = next(w for lowest, w in GRADE_WORDS if grade >= lowest)
    rounded = round(grade)
    if rounded >= 17:
        school = "college graduate"
    elif rounded >= 13:
        school = "college"
    else:
        school = f"grade {max(rounded, 0)}" if rounded >= 1 else "kindergarten"
    return f"{word} ({school})"


def _measure_all(c: Counts) -> dict[str, tuple[_Result, str, float]]:
    """Every measure for one stretch of text: result, band, grade equivalent."""
    out: dict[str, tuple[_Result, str, float]] = {}
    for name, fn in _FORMULAS.items():
        res = fn(c)
        if math.isnan(res.score):
            out[name] = (res, "no words to measure", math.nan)
        elif name == "flesch_reading_ease":
            out[name] = (res, *_band(FRE_BANDS, res.score))
        elif name == "dale_chall":
            band, grade = _band(DALE_CHALL_BANDS, res.score)
            out[name] = (res, f"{grade_band(grade).split(' (')[0]}, {band}", grade)
        else:
            out[name] = (res, grade_band(res.score), res.score)
    grades = [g for _, _, g in out.values()]
    consensus_formula = "median of the grade equivalents of the seven formulas above"
    if any(math.isnan(g) for g in grades):
        res = _nan_result(consensus_formula, ("sentences", "words"), "no words")
        out["consensus"] = (res, "no words to measure", math.nan)
    else:
        value = statistics.median(grades)
        listed = ", ".join(_num(g, 1) for g in sorted(grades))
        res = _Result(value, consensus_formula, f"median({listed}) = {_num(value)}", ())
        out["consensus"] = (res, grade_band(value), value)
    own = _opedkit_grade(c)
    out["opedkit_grade"] = (own, grade_band(own.score), own.score)
    return out


# --- public API -----------------------------------------------------------------------------


def _body(x: Document | str) -> str:
    if isinstance(x, str):
        return x
    from opedkit.document import as_document

    return as_document(x).body


def _note(text: str, c: Counts, result: _Result) -> str:
    notes = []
    if not c.words:
        notes.append("no words to measure" if not text.strip() else "no words, only symbols")
    elif not re.search(r"[.!?…]", text):
        notes.append("no sentence-ending punctuation: each paragraph or line is one sentence")
    if result.note and c.words:
        notes.append(result.note)
    return "; ".join(notes)


@cache
def _table_parts() -> tuple[Any, dict[str, Any], Any]:
    """What every readability() table shares: the text dtype, which counts each measure
    leaves out (as masks), and the index."""
    import numpy as np
    import pandas as pd

    text_dtype = pd.array(["x"], dtype="str").dtype
    results = _measure_all(Counts(sentences=1, words=1, syllables=1, frequency_words=1))
    uses = [
        set(results[name][0].uses) if name != "consensus" else {"sentences", "words"}
        for name in MEASURES
    ]
    masks = {col: np.array([col not in used for used in uses]) for col in COUNT_COLUMNS}
    index = pd.Index(list(MEASURES), name="measure", dtype=text_dtype)
    return text_dtype, masks, index


def _table(c: Counts, text: str) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    text_dtype, masks, index = _table_parts()
    measured = _measure_all(c)
    results = [measured[name] for name in MEASURES]
    data: dict[str, Any] = {
        "score": np.array([res.score for res, _, _ in results]),
        "grade": np.array([grade for _, _, grade in results]),
        "band": pd.array([band for _, band, _ in results], dtype=text_dtype),
        "formula": pd.array([res.formula for res, _, _ in results], dtype=text_dtype),
        "worked": pd.array([res.worked for res, _, _ in results], dtype=text_dtype),
    }
    for col in COUNT_COLUMNS:
        values = np.full(len(MEASURES), getattr(c, col), dtype="int64")
        data[col] = pd.arrays.IntegerArray(values, masks[col].copy())
    data["source"] = pd.array([SOURCES[name] for name in MEASURES], dtype=text_dtype)
    data["note"] = pd.array([_note(text, c, res) for res, _, _ in results], dtype=text_dtype)
    return pd.DataFrame(data, index=index.copy(), copy=False)


def readability(x: Document | str) -> pd.DataFrame:
    """Seven classic readability formulas, their consensus and opedkit's own grade.

    One row per measure (index ``measure``, in the order of :data:`MEASURES`). Columns:

    ``score``
        the formula's value (Flesch Reading Ease: 0-100, higher = easier; the Dale-Chall
        raw score; the others are US school grades, higher = harder). NaN if the text has no
        words (see ``note``).
    ``grade``
        the score as a US grade: the same number for grade formulas, the middle of the
        score's band for Reading Ease and Dale-Chall.
    ``band``
        plain words: ``'fairly difficult (grades 10-12)'``.
    ``formula`` / ``worked``
        the formula with its published constants; the same with this text's counts put in.
    ``sentences`` ... ``rare_words``
        the counts the formula used (``<NA>`` where it uses none of that kind).
    ``source`` / ``note``
        where the formula comes from; anything to know about this result (SMOG on fewer
        than 30 sentences, a text without sentence punctuation, a text without words).

    ``consensus`` is the median of the seven formulas' grades. ``opedkit_grade`` combines
    sentence length, word length and word frequency with coefficients fitted to teachers'
    judgments (``data/readability_grade.json``; docs/readability.md).

    >>> readability("")["score"].isna().all()
    np.True_
    """
    body = _body(x)
    analysis = _analyse(body)
    return _table(analysis.total, body)


def _wide(counts: Counts) -> dict[str, Any]:
    measured = _measure_all(counts)
    return {name: measured[name][0].score for name in MEASURES}


def readability_by_paragraph(x: Document | str) -> pd.DataFrame:
    """Every measure for each paragraph: one row per paragraph, in order.

    Columns: ``paragraph`` (0-based index into ``Document.paragraphs``; add 1 for the number
    a reader counts), ``first_words`` (to find it), the counts (``sentences`` ...
    ``rare_words``), then one column per measure (the ``score`` of :func:`readability`).
    A paragraph with no words has NaN scores.

    >>> table = readability_by_paragraph("Short one.\\n\\nA much longer and rather more "
    ...                                  "complicated paragraph follows here.")
    >>> table["flesch_kincaid_grade"].round(1).tolist()
    [-3.0, 9.6]
    """
    import pandas as pd

    body = _body(x)
    analysis = _analyse(body)
    from opedkit.segment import paragraph_spans

    paragraphs = paragraph_spans(body)
    per_paragraph = [Counts() for _ in paragraphs]
    for (_, _, p), c in zip(analysis.sentence_spans, analysis.sentence_counts, strict=True):
        per_paragraph[p] = per_paragraph[p] + c
    rows = []
    for p, ((start, end), c) in enumerate(zip(paragraphs, per_paragraph, strict=True)):
        first = " ".join(body[start:end].split()[:6])
        row: dict[str, Any] = {"paragraph": p, "first_words": first}
        row.update({col: getattr(c, col) for col in COUNT_COLUMNS})
        row.update(_wide(c))
        rows.append(row)
    columns = ["paragraph", "first_words", *COUNT_COLUMNS, *MEASURES]
    return pd.DataFrame(rows, columns=columns).astype(
        {"paragraph": "int64", **dict.fromkeys(COUNT_COLUMNS, "int64")}
    )


def readability_by_sentence(x: Document | str) -> pd.DataFrame:
    """The counts and the per-sentence measures for each sentence, in order.

    Columns: ``sentence`` (position in :func:`opedkit.sentences`), ``paragraph``, ``text``,
    the counts (``words``, ``syllables``, ``polysyllables``, ``complex_words``, ``letters``,
    ``characters``, ``difficult_words``, ``rare_words``), ``syllables_per_word``, the words
    behind the counts (``long_words``: 3+ syllables; ``rare_word_list``; ``difficult_word_list``),
    then ``flesch_reading_ease``, ``flesch_kincaid_grade`` and ``opedkit_grade`` for the
    sentence alone. A sentence with no words has 0 counts and NaN measures.

    Limits: formulas made for 100-word samples are noisy on one sentence; compare sentences
    with each other, not with the grade of a book.

    >>> table = readability_by_sentence("Wait. Ramifications reverberate internationally.")
    >>> table["words"].tolist(), table["syllables"].tolist()
    ([1, 3], [1, 15])
    """
    import pandas as pd

    body = _body(x)
    analysis = _analyse(body)
    by_sentence: list[list[_Word]] = [[] for _ in analysis.sentence_spans]
    for w in analysis.words:
        by_sentence[w.sentence].append(w)
    rows = []
    for i, ((start, end, p), c) in enumerate(
        zip(analysis.sentence_spans, analysis.sentence_counts, strict=True)
    ):
        ws = by_sentence[i]
        row: dict[str, Any] = {"sentence": i, "paragraph": p, "text": body[start:end]}
        row.update({col: getattr(c, col) for col in COUNT_COLUMNS if col != "sentences"})
        row["syllables_per_word"] = c.syllables / c.words if c.words else math.nan
        row["long_words"] = ", ".join(w.text for w in ws if w.polysyllable)
        row["rare_word_list"] = ", ".join(w.text for w in ws if w.rare)
        row["difficult_word_list"] = ", ".join(w.text for w in ws if w.difficult)
        row["flesch_reading_ease"] = _flesch_reading_ease(c).score
        row["flesch_kincaid_grade"] = _flesch_kincaid(c).score
        row["opedkit_grade"] = _opedkit_grade(c).score
        rows.append(row)
    counts = [col for col in COUNT_COLUMNS if col != "sentences"]
    columns = [
        "sentence",
        "paragraph",
        "text",
        *counts,
        "syllables_per_word",
        "long_words",
        "rare_word_list",
        "difficult_word_list",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "opedkit_grade",
    ]
    return pd.DataFrame(rows, columns=columns).astype(
        {"sentence": "int64", "paragraph": "int64", **dict.fromkeys(counts, "int64")}
    )


def hardest_sentences(x: Document | str, n: int = 5) -> pd.DataFrame:
    """The ``n`` sentences with the highest opedkit_grade, and why each is hard.

    Columns: ``rank`` (1 = hardest), ``sentence``, ``paragraph``, ``opedkit_grade``,
    ``flesch_kincaid_grade``, ``words``, ``syllables_per_word``, ``why`` and ``text``.
    ``why`` names what pushes the sentence's grade above the text's own: each feature of
    opedkit_grade (sentence length, rare words, words not on the Dale-Chall list) adds
    *weight × (sentence value − text value)* grades, and the reasons are listed largest
    first, with the words behind them. Long words (3+ syllables) come last, with what they
    add to the sentence's Flesch-Kincaid grade (opedkit_grade does not count syllables).
    Ties keep text order.

    >>> hardest_sentences("It rained. The ramifications reverberated internationally "
    ...                   "for an extraordinarily long time.", n=1)["sentence"].tolist()
    [1]
    """
    import pandas as pd

    body = _body(x)
    analysis = _analyse(body)
    table = readability_by_sentence(body)
    doc = grade_features(analysis.total)
    model = grade_model()
    scored = table[table["words"] > 0].copy()
    scored = scored.sort_values(["opedkit_grade", "sentence"], ascending=[False, True])
    rows = []
    for rank, (_, row) in enumerate(scored.head(max(n, 0)).iterrows(), start=1):
        c = analysis.sentence_counts[int(row["sentence"])]
        rows.append(
            {
                "rank": rank,
                "sentence": int(row["sentence"]),
                "paragraph": int(row["paragraph"]),
                "opedkit_grade": row["opedkit_grade"],
                "flesch_kincaid_grade": row["flesch_kincaid_grade"],
                "words": int(row["words"]),
                "syllables_per_word": row["syllables_per_word"],
                "why": _why(c, doc, model, row),
                "text": row["text"],
            }
        )
    columns = [
        "rank",
        "sentence",
        "paragraph",
        "opedkit_grade",
        "flesch_kincaid_grade",
        "words",
        "syllables_per_word",
        "why",
        "text",
    ]
    return pd.DataFrame(rows, columns=columns).astype(
        {"rank": "int64", "sentence": "int64", "paragraph": "int64", "words": "int64"}
    )


def _why(c: Counts, doc: dict[str, float], model: dict[str, Any], row: Any) -> str:
    values = grade_features(c)
    reasons: list[tuple[float, str]] = []
    for f in model["features"]:
        name, weight = f["name"], float(f["weight"])
        if math.isnan(values[name]) or math.isnan(doc[name]):
            continue
        effect = weight * (values[name] - doc[name])
        if effect <= 0.05:
            continue
        if name == "words_per_sentence":
            text = f"long: {c.words} words (text average {doc[name]:.1f})"
        elif name in ("syllables_per_word", "characters_per_word"):
            unit = "syllables" if name == "syllables_per_word" else "characters"
            text = f"long words: {values[name]:.2f} {unit} a word (text {doc[name]:.2f})"
            if row["long_words"]:
                text += f": {_first(row['long_words'])}"
        elif name == "rare_share":
            text = f"rare words: {c.rare_words} of {c.words}"
            if row["rare_word_list"]:
                text += f" ({_first(row['rare_word_list'])})"
        elif name == "unfamiliar_share":
            text = f"unfamiliar words: {c.difficult_words} of {c.words} not on the Dale-Chall list"
            if row["difficult_word_list"]:
                text += f" ({_first(row['difficult_word_list'])})"
        else:
            text = f"less common words: mean frequency {values[name]:.2f} (text {doc[name]:.2f})"
        reasons.append((effect, f"{text} [+{effect:.1f} grades]"))
    reasons.sort(key=lambda r: -r[0])
    named = {f["name"] for f in model["features"]}
    # long words: what the syllable formulas see, even when opedkit_grade does not use them
    spw = values["syllables_per_word"]
    if "syllables_per_word" not in named and spw > doc["syllables_per_word"] and row["long_words"]:
        effect = FKGL_PER_SYLLABLES_PER_WORD * (spw - doc["syllables_per_word"])
        if effect > 0.05:
            text = (
                f"long words: {c.polysyllables} of {c.words} have 3+ syllables "
                f"({_first(row['long_words'])}); {spw:.2f} syllables a word, text "
                f"{doc['syllables_per_word']:.2f} [Flesch-Kincaid +{effect:.1f} grades]"
            )
            reasons.append((0.0, text))
    return "; ".join(r for _, r in reasons) or "about as hard as the rest of the text"


def _first(listed: str, k: int = 4) -> str:
    items = listed.split(", ")
    return ", ".join(items[:k]) + (", …" if len(items) > k else "")


# ``opedkit.readability`` is both this module and its main function. Once any code has imported
# the module (``from opedkit.readability import …``), the package attribute
# ``opedkit.readability`` is the module, so the module itself is made callable:
# ``opedkit.readability(x)`` works either way.
class _CallableModule(types.ModuleType):
    def __call__(self, x: Document | str) -> pd.DataFrame:
        return readability(x)


sys.modules[__name__].__class__ = _CallableModule
