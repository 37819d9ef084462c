"""Stance lexicons: hedges, boosters, attitude markers and predictive modals, with sources.

The cues live in ``opedkit/data/lexicon_*.tsv`` (one file per category, one row per cue),
their sources in ``lexicon_sources.tsv`` and the context rules that keep or drop a match in
``lexicon_rules.tsv``. Every row names the published list it comes from (a key of the
sources table) or the project's own key ``OPEDKIT`` with a reason, and says whether the item
was seen in that source (``found``), restored or extended from it (``inferred``) or is the
project's own (``own``).

Categories follow Hyland's (2005) metadiscourse model: **hedge** (withholds full commitment),
**booster** (expresses certainty), **attitude** (the writer's affective attitude), plus
**predictive** modals (*will*, *won't*, *going to*), counted apart from boosters because a
forecasting op-ed leans on them.

A row's ``forms`` column lists every surface form, comma-separated. Inside a form, ``(a|b)``
is a choice of words and ``(a|b)?`` may be left out, so ``it is (widely)? believed`` stands
for "it is believed" and "it is widely believed". All forms of all rows are compiled into a
single word trie, so a text is matched in one pass, the longest phrase winning
(:func:`find_cues`).

>>> table = lexicon()
>>> sorted(table["category"].unique())
['attitude', 'booster', 'hedge', 'predictive']
>>> table.loc[table["cue"] == "perhaps", ["category", "subtype", "source"]].values.tolist()
[['hedge', 'epistemic_adverb', 'H05']]
>>> [(m.text, m.entry.cue) for m in find_cues("To a degree, it is widely believed so.")]
[('To a degree', 'to a degree'), ('it is widely believed', 'it is said')]
"""

from __future__ import annotations

import itertools
import re
import sys
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

from opedkit.tokenize import Token, tokens

if TYPE_CHECKING:
    import pandas as pd

#: The four categories, in the order tables report them.
CATEGORIES = ("hedge", "booster", "attitude", "predictive")
#: Lexicon files, one per category.
FILES = {
    "hedge": "lexicon_hedges.tsv",
    "booster": "lexicon_boosters.tsv",
    "attitude": "lexicon_attitude.tsv",
    "predictive": "lexicon_predictive.tsv",
}
COLUMNS = ("cue", "forms", "category", "subtype", "rule", "negated", "source", "status", "note")
STATUSES = ("found", "inferred", "own")
#: A form like "'ll" matches the end of a word token (we'll, it'll).
SUFFIX_MARK = "'"

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060]")
_CHOICE = re.compile(r"\(([^()]*)\)(\?)?")


@dataclass(frozen=True)
class Entry:
    """One lexicon row (a cue and how it counts)."""

    cue: str
    category: str
    subtype: str
    rule: str
    negated: str
    source: str
    status: str
    note: str


class CueMatch(NamedTuple):
    """A lexicon form found in a text: token indexes ``[first, last)`` and character offsets."""

    first: int
    last: int
    start: int
    end: int
    text: str
    entry: Entry


def norm(word: str) -> str:
    """The key a word is looked up by: lower case, straight apostrophes, no soft hyphens.

    >>> norm("Won’t")
    "won't"
    """
    if word.isascii():
        return word.lower()
    return _INVISIBLE.sub("", word).translate(_APOSTROPHES).lower()


def _data(name: str) -> str:
    return resources.files("opedkit.data").joinpath(name).read_text("utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; '#' lines are comments."""
    lines = [x for x in _data(name).splitlines() if x.strip() and not x.startswith("#")]
    header = lines[0].split("\t")
    out = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{name}: row {n} has {len(cells)} cells, expected {len(header)}")
        out.append(dict(zip(header, cells, strict=True)))
    return out


def expand(form: str) -> list[str]:
    """Every word sequence a form stands for.

    >>> expand("it is (widely|generally)? believed")
    ['it is widely believed', 'it is generally believed', 'it is believed']
    >>> expand("(hard|difficult) to say")
    ['hard to say', 'difficult to say']
    """
    parts: list[list[str]] = []
    pos = 0
    for m in _CHOICE.finditer(form):
        parts.append([form[pos : m.start()]])
        options = m.group(1).split("|")
        if m.group(2):
            options.append("")
        parts.append(options)
        pos = m.end()
    parts.append([form[pos:]])
    return [" ".join("".join(p).split()) for p in itertools.product(*parts)]


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(norm(t.text) for t in tokens(phrase) if t.kind != "punct")


@cache
def entries() -> tuple[tuple[Entry, tuple[str, ...]], ...]:
    """Every (entry, expanded form) pair of the four lexicon files, in file order."""
    out: list[tuple[Entry, tuple[str, ...]]] = []
    for category in CATEGORIES:
        for row in _rows(FILES[category]):
            if row["category"] != category:
                raise ValueError(f"{FILES[category]}: cue {row['cue']!r} has {row['category']!r}")
            entry = Entry(
                row["cue"],
                category,
                row["subtype"],
                row["rule"],
                row["negated"],
                row["source"],
                row["status"],
                row["note"],
            )
            forms = [f.strip() for f in (row["forms"] or row["cue"]).split(",") if f.strip()]
            for form in forms:
                for f in expand(form):
                    key = (norm(f),) if f.startswith(SUFFIX_MARK) else _key(f)
                    out.append((entry, key))
    return tuple(out)


class _Node:
    """A trie node: the words that may follow, and the entry a form ending here belongs to."""

    __slots__ = ("entry", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.entry: Entry | None = None


class _Matcher(NamedTuple):
    trie: _Node
    suffixes: dict[str, Entry]


@cache
def _matcher() -> _Matcher:
    """The word trie of every form (raises ValueError when one form belongs to two cues)."""
    trie = _Node()
    suffixes: dict[str, Entry] = {}
    seen: dict[tuple[str, ...], Entry] = {}
    for entry, key in entries():
        if key in seen and seen[key] != entry:
            raise ValueError(
                f"form {' '.join(key)!r} is listed for both {seen[key].cue!r} "
                f"({seen[key].category}) and {entry.cue!r} ({entry.category})"
            )
        seen[key] = entry
        if len(key) == 1 and key[0].startswith(SUFFIX_MARK):
            suffixes[key[0]] = entry
            continue
        node = trie
        for word in key:
            node = node.next.setdefault(word, _Node())
        node.entry = entry
    return _Matcher(trie, suffixes)


def find_cues(
    text: str, toks: Sequence[Token] | None = None, keys: Sequence[str] | None = None
) -> Iterator[CueMatch]:
    """Every lexicon form in ``text``, left to right, longest match first, no overlaps.

    One pass over the tokens: at each token the trie is walked as far as the words allow and
    the longest complete form wins; matching resumes after it. Phrases never cross
    punctuation. No context rule is applied here (see :func:`opedkit.stance.stance`).

    >>> [(m.text, m.entry.category) for m in find_cues("We’ll see, of course.")]
    [('’ll', 'predictive'), ('of course', 'booster')]
    """
    toks = tokens(text) if toks is None else toks
    trie, suffixes = _matcher()
    if keys is None:
        keys = [norm(t.text) for t in toks]
    n = len(toks)
    i = 0
    while i < n:
        node = trie
        best: tuple[int, Entry] | None = None
        j = i
        while j < n and keys[j] in node.next:
            node = node.next[keys[j]]
            j += 1
            if node.entry is not None:
                best = (j, node.entry)
        if best is not None:
            last, entry = best
            start, end = toks[i].start, toks[last - 1].end
            yield CueMatch(i, last, start, end, text[start:end], entry)
            i = last
            continue
        k = keys[i]
        if toks[i].kind == "word" and "'" in k:
            suffix = k[k.rindex("'") :]
            if suffix in suffixes and len(k) > len(suffix):
                start = toks[i].end - len(suffix)
                end = toks[i].end
                yield CueMatch(i, i + 1, start, end, text[start:end], suffixes[suffix])
        i += 1


# --- public tables --------------------------------------------------------------------------


_SURROGATE = re.compile("[\ud800-\udfff]")


def table(
    records: Sequence[dict[str, Any]], columns: Sequence[str], types: dict[str, str] | None = None
) -> pd.DataFrame:
    """A DataFrame with the given columns, safe for any text.

    Column types are inferred from the values (``types`` fixes them for an empty table).
    Text columns holding a lone surrogate (possible in decoded junk) are kept as Python
    objects, because pandas' Arrow strings cannot hold them.
    """
    import pandas as pd

    types = types or {}
    if not records:
        return pd.DataFrame(
            {c: pd.Series([], dtype=types.get(c, str)) for c in columns}, columns=list(columns)
        )
    data: dict[str, Any] = {c: [r[c] for r in records] for c in columns}
    odd = [
        c
        for c, values in data.items()
        if isinstance(values[0], str) and _SURROGATE.search("".join(values))
    ]
    for c in odd:
        data[c] = pd.Series(data[c], dtype=object)
    return pd.DataFrame(data, columns=list(columns))


def lexicon(category: str | None = None) -> pd.DataFrame:
    """The stance lexicon: one row per cue, as shipped in ``opedkit/data/lexicon_*.tsv``.

    Columns: ``cue`` (the headword), ``forms`` (every form matched, comma-separated, with
    ``(a|b)`` choices), ``category`` (``hedge``, ``booster``, ``attitude``, ``predictive``),
    ``subtype``, ``rule`` (the context rule that decides each match, or empty when every
    match counts; see :func:`lexicon_rules`), ``negated`` (the category a negated match takes,
    e.g. "not certain" is a hedge; empty when negation changes nothing), ``source`` (keys of
    :func:`lexicon_sources`, ``;``-separated), ``status`` (``found`` in the source,
    ``inferred`` from it, or the project's ``own``) and ``note``.

    >>> lexicon("predictive")["cue"].tolist()
    ['will', "won't", "'ll", 'shall', 'going to']
    """
    import pandas as pd

    cats = CATEGORIES if category is None else (category,)
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; choose one of {', '.join(CATEGORIES)}")
    rows = [row for c in cats for row in _rows(FILES[c])]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def lexicon_sources() -> pd.DataFrame:
    """The sources table: ``key``, ``citation``, ``url``, ``licence`` and how opedkit uses it.

    >>> "H05" in set(lexicon_sources()["key"])
    True
    """
    import pandas as pd

    rows = _rows("lexicon_sources.tsv")
    return pd.DataFrame(rows).rename(columns={"how opedkit uses it": "use"})


def lexicon_rules() -> pd.DataFrame:
    """The context rules: ``rule`` (its name in the ``rule`` column of :func:`opedkit.stance`),
    ``applies_to``, ``keeps``, ``drops``, ``reason`` (one line) and ``source``.

    >>> "may_month" in set(lexicon_rules()["rule"])
    True
    """
    import pandas as pd

    return pd.DataFrame(_rows("lexicon_rules.tsv"))


# ``opedkit.lexicon`` is both this module and its main function. Once any code has imported
# the module (``from opedkit.lexicon import …``), the package attribute ``opedkit.lexicon`` is the
# module, so the module itself is made callable: ``opedkit.lexicon(x)`` works either way.
class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> pd.DataFrame:
        return lexicon(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
