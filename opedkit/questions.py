"""Questions: every question the writer asks, and the kind of work it does.

In an op-ed nobody can answer back, so almost every question does rhetorical work. This module
finds the questions and sorts them into kinds a critical reader can use; every decision comes
with the words that triggered it and the source (a publication, or the project's own reason)
behind the rule.

**Finding them.** A *direct* question ends in a question mark (``?``, ``?!``, ``?”``, ``?)``),
also inside a longer sentence: in brackets (``(is it?)``), between dashes (``— who could
blame them? —``), after a colon, or in a quotation (``He asked “why now?” and left``). It
starts at the sentence start, or just after the opening bracket, quotation mark, unpaired
dash, colon, semicolon or the question before it. An *indirect* question has no question mark
but is raised by a frame (``The question is whether…``, ``It remains to be seen if…``, ``One
wonders why…``). Not questions: a ``?`` inside a web address, the title of a work (``her book
“Who Owns the Sea?”``), a ``?`` with no words (``(?)`` after a doubtful date).

**Kinds** (``data/questions/GUIDELINE.md`` defines them for annotators):

``hypophora``
    the writer answers it at once: the next sentence opens with ``Yes``/``No``/``Not…``, ``The
    answer is…``, ``Because…``, a number after *how many*, an elliptical reply (``It
    cannot.``), a verbless fragment (``Chaos.``), or repeats the question's content words.
``rhetorical``
    the answer is implied: negative yes/no (``Isn't it…?``), minimisers and negative-polarity
    items (``ever``, ``at all``, ``lift a finger``), formulas (``Who would…?``, ``How could
    anyone…?``, ``What is the point of…?``). In a written text it is also the default for a
    question left unanswered with no other cue (low confidence).
``open``
    raised and left open: the text says so (``remains to be seen``, ``unresolved``, ``only time
    will tell``) or the question weighs an outcome (``Will the talks…?``, ``To what degree…?``,
    ``…, or will they…?``).
``reader-directed``
    put to the reader as *you* (``What would you do?``) and not answered.
``information-seeking``
    in transcribed conversation only: a question put to someone who can answer.
``indirect``
    an embedded question raised without a question mark.
``quoted``
    someone else's question, in quotation marks or reported after ``X asked,``.

**Setting.** The same words work differently in a monologue and in a conversation: in
conversation most questions ask for information, and "Isn't that near Austin?" checks a
belief (Bhattasali et al. 2015). ``setting="auto"`` treats a text as a conversation when it
shows transcript markup (``{F uh}``), speaker labels (``A:``/``B:``), or enough fillers,
backchannel questions and reactions to someone else's answer (``uh``, ``yeah``, ``Is that
right?``, ``Oh, that's nice.``); otherwise as written (op-ed, speech).

Every rule is data in ``opedkit/data/``: ``question_cues.tsv`` (cues inside the question),
``question_context.tsv`` (answers, remarks that a question is open, reactions, frames around
it), ``question_indirect.tsv`` and ``question_words.tsv`` (word classes), with sources in
``question_sources.tsv``; :func:`question_rules` lists them all.

Limits: rules, not understanding. ``confidence`` says how strong the deciding cue was and
``alternative`` names the runner-up; measured accuracy and where it fails are in
``docs/questions.md`` (``python scripts/evaluate_questions.py``).

>>> table = questions("Will it work? Nobody knows. Why? Because it is new.")
>>> table[["text", "kind", "answered_by"]]
            text       kind  answered_by
0  Will it work?       open         <NA>
1           Why?  hypophora            3
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document
    from opedkit.quotes import QuoteSpan

#: The kinds a question can get, in the order :func:`question_summary` lists them.
KINDS = (
    "hypophora",
    "rhetorical",
    "open",
    "reader-directed",
    "information-seeking",
    "indirect",
    "quoted",
)
#: Values of the ``setting`` argument.
SETTINGS = ("auto", "written", "conversation")
#: Columns of :func:`questions`, in order.
COLUMNS = (
    "sentence",
    "paragraph",
    "start",
    "end",
    "text",
    "form",
    "kind",
    "confidence",
    "alternative",
    "reason",
    "cue",
    "source",
    "answered_by",
    "quoted",
)

_RANK = {"fixed": 4, "strong": 3, "medium": 2, "weak": 1}
_CONFIDENCE = {4: "high", 3: "high", 2: "medium", 1: "low", 0: "low"}
_PUNCT = {",": ",", ";": ";", ":": ":", "—": "—", "–": "—", "!": "!", ".": "."}
_PUNCT_TOKENS = frozenset(_PUNCT.values())
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("ai", "not"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "dunno": ("do", "not", "know"),
}
_SUFFIXES = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
_DROPPED = frozenset({"uh", "um", "er", "erm", "uhm", "umm", "ah"})  # filled pauses
_OPENERS = "\"'“‘«([{¿¡"
_CLOSERS = "\"'”’»)]}"
_QMARKS = "?‽"
_MAX_WORDS = 400  # words read per sentence when looking for cues and frames
_MAX_CHARS = 3000  # characters read before a question mark when a question is very long
_STAGE_RE = re.compile(r"^[(\[][^()\[\]]{0,60}[)\]][.!]?$")
_SPEAKER_RE = re.compile(r"(?m)^[ \t]*(?:[A-Z]|[A-Z][a-z]{1,15}|Speaker ?\d{1,2})[ \t]*:")
# Filled pauses and backchannels (uh, um, erm, uh-huh, um-hum, mm-hmm, mhm), in any case, as
# whole words ("um" in "hum-drum" is not one). The pattern opens with a character class and
# checks the character before it afterwards, so the engine skips ahead to u, e or m instead
# of testing the look-behind at every character.
_FILLER_RE = re.compile(
    r"(?i)[uem](?<![\w'’-][uem])"
    r"(?:(?<=u)(?:h|m|h-huh|m-hum)|(?<=e)rm|(?<=m)(?:m-hmm|hm))"
    r"(?![\w'’-])"
)
_SPOKEN_YES = frozenset({"yeah", "yep", "nope", "uh-huh", "um-hum", "mm-hmm"})
_MARKUP_RE = re.compile(r"\{[FDCEA] ")
_ALNUM_RE = re.compile(r"[^\W_]")
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


# --- rule data ------------------------------------------------------------------------------


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated file in opedkit/data (``#`` lines are comments)."""
    text = resources.files("opedkit.data").joinpath(name).read_text("utf-8")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(
                f"opedkit/data/{name}, line {number}: {len(cells)} fields, expected "
                f"{len(header)} ({', '.join(header)})"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


@cache
def _classes() -> dict[str, frozenset[str]]:
    return {r["class"]: frozenset(r["words"].split()) for r in _read_tsv("question_words.tsv")}


@cache
def _sources() -> dict[str, dict[str, str]]:
    return {r["key"]: r for r in _read_tsv("question_sources.tsv")}


class _Slot(NamedTuple):
    """One position of a pattern (see the header of question_cues.tsv)."""

    phrases: tuple[tuple[str, ...], ...]  # literal words or phrases ("a_b")
    classes: tuple[str, ...]  # word classes (CAPS)
    negate: bool  # "!X": one word that is not X
    optional: bool  # "(X)"
    gap: int  # "...N": skip 0..N words
    wildcard: bool  # "*": any one word
    number: bool  # "#": a number


def _compile(pattern: str) -> tuple[_Slot, ...]:
    slots: list[_Slot] = []
    for raw in pattern.split():
        if raw.startswith("..."):
            slots.append(_Slot((), (), False, True, int(raw[3:] or 3), False, False))
            continue
        if raw == "*":
            slots.append(_Slot((), (), False, False, 0, True, False))
            continue
        optional = raw.startswith("(") and raw.endswith(")")
        body = raw[1:-1] if optional else raw
        negate = body.startswith("!")
        body = body.lstrip("!")
        phrases: list[tuple[str, ...]] = []
        classes: list[str] = []
        number = False
        for alt in body.split("|"):
            if alt == "#":
                number = True
            elif alt.isupper() and alt.isalpha():
                if alt not in _classes():
                    raise ValueError(f"unknown word class {alt!r} in pattern {pattern!r}")
                classes.append(alt)
            else:
                phrases.append(tuple(alt.split("_")))
        slots.append(_Slot(tuple(phrases), tuple(classes), negate, optional, 0, False, number))
    return tuple(slots)


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in _classes()["NUM"]


def _steps(slot: _Slot, words: list[str], i: int) -> list[int]:
    """How many words ``slot`` can take at ``i``: every option, longest first."""
    n = len(words)
    if slot.gap:
        return list(range(min(slot.gap, n - i) + 1))
    skip = [0] if slot.optional else []
    if i >= n:
        return skip
    word = words[i]
    if slot.wildcard:
        return [1, *skip]
    lengths = [len(p) for p in slot.phrases if tuple(words[i : i + len(p)]) == p]
    classes = _classes()
    if any(word in classes[c] for c in slot.classes) or (slot.number and _is_number(word)):
        lengths.append(1)
    if slot.negate:
        return ([] if lengths or word in _PUNCT_TOKENS else [1]) + skip
    return sorted(lengths, reverse=True) + skip


def _match_at(
    slots: tuple[_Slot, ...], words: list[str], i: int, k: int = 0, end: int | None = None
) -> int | None:
    """End of a match of ``slots[k:]`` at word ``i`` (that ends at ``end`` if given)."""
    if k == len(slots):
        return i if end is None or i == end else None
    for step in _steps(slots[k], words, i):
        got = _match_at(slots, words, i + step, k + 1, end)
        if got is not None:
            return got
    return None


def _first_words(slots: tuple[_Slot, ...]) -> frozenset[str] | None:
    """The words a match can start with (None: any word), to skip hopeless positions fast."""
    out: set[str] = set()
    for slot in slots:
        if slot.gap or slot.wildcard or slot.negate or slot.number:
            return None
        out.update(p[0] for p in slot.phrases)
        for c in slot.classes:
            out.update(_classes()[c])
        if not slot.optional:
            return frozenset(out)
    return None


def _needed(slots: tuple[_Slot, ...]) -> tuple[frozenset[str], ...]:
    """For each required slot that lists its words, the words one of which a match must hold.

    A required slot (not optional, not a gap, a wildcard, a negation or a number) takes at
    least one word, which opens one of its phrases or belongs to one of its classes. A word
    list that lacks every such word for some slot cannot match, whatever the position.
    """
    out: list[frozenset[str]] = []
    for slot in slots:
        if slot.optional or slot.gap or slot.wildcard or slot.negate or slot.number:
            continue
        words = {p[0] for p in slot.phrases}
        for c in slot.classes:
            words.update(_classes()[c])
        out.append(frozenset(words))
    return tuple(out)


@dataclass(frozen=True)
class _Rule:
    file: str
    scope: str  # question | next | before | lead | sentence
    kind: str
    pattern: str
    where: str  # start | end | whole | any | sentence
    strength: str
    source: str
    reason: str
    slots: tuple[_Slot, ...]
    first: frozenset[str] | None
    conversation: str = "same"  # "off": not used in conversation
    applies_to: str = "any"  # question types a context rule applies to
    needed: tuple[frozenset[str], ...] = ()  # see _needed

    def hopeless(self, present: frozenset[str]) -> bool:
        """True when words ``present`` (a whole word list) lack what every match needs."""
        # map over a bound C method, not a generator: called for every rule on every list
        return any(map(present.isdisjoint, self.needed))


def _rule(file: str, row: dict[str, str], **fixed: str) -> _Rule:
    if row["source"] not in _sources():
        raise ValueError(f"opedkit/data/{file}: unknown source key {row['source']!r}")
    values = {**row, **fixed}
    slots = _compile(values["pattern"])
    return _Rule(
        file=file,
        scope=values.get("scope", "question"),
        kind=values["kind"],
        pattern=values["pattern"],
        where=values["where"],
        strength=values["strength"],
        source=values["source"],
        reason=values["reason"],
        slots=slots,
        first=_first_words(slots),
        needed=_needed(slots),
        conversation=values.get("conversation", "same"),
        applies_to=values.get("applies_to", "any"),
    )


@cache
def _cue_rules() -> tuple[_Rule, ...]:
    return tuple(_rule("question_cues.tsv", r) for r in _read_tsv("question_cues.tsv"))


@cache
def _context_rules() -> tuple[_Rule, ...]:
    return tuple(_rule("question_context.tsv", r) for r in _read_tsv("question_context.tsv"))


@cache
def _indirect_rules() -> tuple[_Rule, ...]:
    return tuple(
        _rule(
            "question_indirect.tsv",
            r,
            scope="sentence",
            kind="indirect",
            where=r["start"],
            strength="strong",
        )
        for r in _read_tsv("question_indirect.tsv")
    )


def question_rules() -> pd.DataFrame:
    """Every rule the question finder uses, with its source: one row per rule.

    Columns: ``file`` (in ``opedkit/data/``); ``scope`` (``question``: the question's own
    words; ``next``/``before``: the sentence after/before it; ``lead``: the words before it in
    its sentence; ``sentence``: a frame that raises an indirect question); ``kind``;
    ``pattern`` (syntax in the header of ``question_cues.tsv``); ``where``; ``strength``;
    ``source`` (a key of ``question_sources.tsv``); ``citation``; ``reason``.

    >>> rules = question_rules()
    >>> rules.loc[rules.pattern == "lift|lifts|lifted|lifting a finger", "source"].item()
    'Rohde2006'
    """
    import pandas as pd

    rows = [
        {
            "file": r.file,
            "scope": r.scope,
            "kind": r.kind,
            "pattern": r.pattern,
            "where": r.where,
            "strength": r.strength,
            "source": r.source,
            "citation": _sources()[r.source]["citation"],
            "reason": r.reason,
        }
        for r in (*_cue_rules(), *_context_rules(), *_indirect_rules())
    ]
    return pd.DataFrame(rows)


# --- words ----------------------------------------------------------------------------------


class _Tok(NamedTuple):
    word: str  # lower case, contractions split, or a kept punctuation mark
    start: int  # offsets into the body
    end: int


def _norm(body: str, start: int, end: int, limit: int = _MAX_WORDS) -> list[_Tok]:
    """The words of ``body[start:end]`` as rules see them, with offsets into the body.

    Lower case; curly apostrophes straightened; contractions split (``isn't`` -> ``is not``,
    ``what's`` -> ``what 's``, ``gonna`` -> ``going to``); filled pauses (``uh``, ``um``)
    and transcript markup (``{F``, ``<laughter>``) dropped; the marks ``, ; : — ! .`` kept.
    """
    from opedkit.tokenize import span_tokens

    out: list[_Tok] = []
    new = tuple.__new__  # _Tok(...) without the Python-level __new__ (this loop is hot)
    after_brace = False
    in_angle = False
    # the tokens of the slice alone, taken from the body's tokens when the slice has white
    # space around it (a sentence): the body is scanned once, not once per sentence
    for t in span_tokens(body, start, end):
        if len(out) >= limit:
            break
        s, e = t.start, t.end
        if t.kind == "punct":
            after_brace = t.text == "{"
            in_angle = (in_angle or t.text == "<") and t.text != ">"
            mark = _PUNCT.get(t.text)
            if mark and not in_angle and not (out and out[-1].word == mark == ","):
                out.append(new(_Tok, (mark, s, e)))
            continue
        if t.kind in ("url", "email") or in_angle:
            continue
        if after_brace and t.text in ("F", "D", "C", "E", "A"):
            after_brace = False
            continue  # Switchboard markup "{F uh, }"
        after_brace = False
        w = t.text.lower().replace("’", "'").replace("ʼ", "'")
        if w in _DROPPED:
            continue
        if w in _CONTRACTIONS:
            out.extend(_Tok(p, s, e) for p in _CONTRACTIONS[w])
            continue
        for suf in _SUFFIXES if "'" in w else ():
            if w.endswith(suf) and len(w) > len(suf):
                stem = w[: -len(suf)]
                if suf == "n't":
                    stem = {"ca": "can", "wo": "will", "sha": "shall"}.get(stem, stem)
                out.extend((_Tok(stem, s, e), _Tok("not" if suf == "n't" else suf, s, e)))
                break
        else:
            out.append(new(_Tok, (w, s, e)))
    return out


def _words(toks: list[_Tok]) -> list[str]:
    return [t.word for t in toks]


def _first_word(words: list[str]) -> int:
    """Index of the first word that is not punctuation."""
    i = 0
    while i < len(words) and words[i] in _PUNCT_TOKENS:
        i += 1
    return i


def _opener(words: list[str]) -> str:
    """The first word that is not punctuation ("" if there is none: "? ." has no word)."""
    i = _first_word(words)
    return words[i] if i < len(words) else ""


def _skip_markers(words: list[str]) -> int:
    """Index of the first word after discourse markers ("So", "And", "Well,", "you know,")."""
    marker = _classes()["MARKER"]
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if w in marker or w in _PUNCT_TOKENS:
            i += 1
        elif w in ("you", "i") and i + 1 < n and words[i + 1] in ("know", "mean", "see"):
            if i + 2 < n and words[i + 2] in (",", "—"):
                i += 3
            elif i == 0 and i + 2 < n and words[i + 2] in _classes()["WH"]:
                i += 2
            else:
                break
        else:
            break
    return i


def _strip_punct(words: list[str]) -> list[str]:
    while words and words[-1] in _PUNCT_TOKENS:
        words = words[:-1]
    return words


class _Hit(NamedTuple):
    rule: _Rule
    start: int  # word indices of the match
    end: int


class _View(NamedTuple):
    """What every rule asks of one word list, worked out once when many rules read it."""

    present: frozenset[str]  # the words it holds
    first: int  # _first_word(words)
    after_markers: int  # _skip_markers(words)


def _view(words: list[str]) -> _View:
    return _View(frozenset(words), _first_word(words), _skip_markers(words))


def _find(rule: _Rule, words: list[str], view: _View | None = None) -> _Hit | None:
    """The first match of ``rule`` in ``words``, anchored as its ``where`` says.

    ``view`` (from :func:`_view`) saves work when many rules read the same words: a rule
    cannot match words that lack a word each of its required slots needs (``rule.needed``),
    or whose possible first words (``rule.first``) are absent, since every match takes its
    first word from the slots up to the first required one.
    """
    n = len(words)
    if view is not None and rule.hopeless(view.present):
        return None
    if rule.where in ("start", "whole"):
        # reactions and backchannels open with "Oh": do not skip it as a discourse marker
        if rule.kind in ("reaction", "backchannel"):
            i = _first_word(words) if view is None else view.first
        else:
            i = _skip_markers(words) if view is None else view.after_markers
        if rule.first is not None and (i >= n or words[i] not in rule.first):
            return None
        got = _match_at(rule.slots, words, i, 0, n if rule.where == "whole" else None)
        return _Hit(rule, i, got) if got is not None else None
    if view is not None and rule.first is not None and rule.first.isdisjoint(view.present):
        return None
    for i in range(_first_word(words) if view is None else view.first, n):
        if rule.first is not None and words[i] not in rule.first:
            continue
        got = _match_at(rule.slots, words, i, 0, n if rule.where == "end" else None)
        if got is not None and got > i:
            return _Hit(rule, i, got)
    return None


def _hit_text(body: str, toks: list[_Tok], hit: _Hit) -> str:
    if hit.end <= hit.start:
        return ""
    return body[toks[hit.start].start : toks[min(hit.end, len(toks)) - 1].end]


def _stem(w: str) -> str:
    """A crude stem, enough to see that "means" repeats "mean"."""
    for suf in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _content(words: list[str]) -> set[str]:
    function = _classes()["FUNCTION"]
    return {_stem(w) for w in words if w.isalpha() and len(w) >= 3 and w not in function}


# --- the text -------------------------------------------------------------------------------


class _Text:
    """The body with its sentences, quotations, web addresses and cached word lists."""

    def __init__(self, body: str) -> None:
        from opedkit.quotes import quote_spans
        from opedkit.segment import sentence_spans

        self.body = body
        self.spans = sentence_spans(body)
        self.quotes: list[QuoteSpan] = quote_spans(body)
        self.quote_starts = [q.start for q in self.quotes]
        self._urls: dict[int, list[tuple[int, int]]] = {}
        self._sentence_words: dict[int, list[_Tok]] = {}
        self._span_words: dict[tuple[int, int], list[_Tok]] = {}

    def quote_at(self, pos: int) -> QuoteSpan | None:
        k = bisect_right(self.quote_starts, pos) - 1
        if k >= 0 and self.quotes[k].start <= pos < self.quotes[k].end:
            return self.quotes[k]
        return None

    def in_url(self, i: int, pos: int) -> bool:
        """Offset ``pos`` of sentence ``i`` lies in a web or e-mail address."""
        from opedkit.tokenize import span_tokens

        if i not in self._urls:
            s = self.spans[i]
            self._urls[i] = [
                (t.start, t.end)
                for t in span_tokens(self.body, s.start, s.end)
                if t.kind in ("url", "email")
            ]
        return any(a <= pos < b for a, b in self._urls[i])

    def text(self, i: int) -> str:
        s = self.spans[i]
        return self.body[s.start : s.end]

    def words(self, i: int) -> list[_Tok]:
        """Words of sentence ``i`` (the first 400)."""
        if i not in self._sentence_words:
            s = self.spans[i]
            self._sentence_words[i] = _norm(self.body, s.start, s.end)
        return self._sentence_words[i]

    def span_words(self, start: int, end: int) -> list[_Tok]:
        """Words of ``body[start:end]``; for a lead-in, only its last 300 characters."""
        key = (start, end)
        if key not in self._span_words:
            self._span_words[key] = _norm(self.body, start, end)
        return self._span_words[key]

    def lead(self, sentence_start: int, pos: int) -> list[str]:
        """The words of the sentence before offset ``pos`` (at most its last 300 characters)."""
        return _words(self.span_words(max(sentence_start, pos - 300), pos))


# --- finding questions ----------------------------------------------------------------------


@dataclass
class _Q:
    """A question found, and (after classification) its kind and why."""

    start: int
    end: int
    sentence: int
    paragraph: int
    form: str
    continues: bool = False  # the sentence goes on after the question
    quoted: bool = False
    quote_reason: str = ""
    writer_frame: str = ""  # why a question in quotation marks is the writer's own
    writer_hit: _Hit | None = None
    writer_cue: str = ""
    excluded: str = ""  # why a question mark is not a question
    kind: str = ""
    confidence: str = "low"
    alternative: str = ""
    reason: str = ""
    cue: str = ""
    source: str = ""
    answered_by: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _clause_start(t: _Text, lo: int, mark: int) -> int:
    """Where the question whose question mark is at ``mark`` starts (not before ``lo``)."""
    body = t.body
    quote = t.quote_at(mark)
    if quote is not None and quote.inner_start >= lo:
        return quote.inner_start
    depth = 0
    for j in range(mark - 1, lo - 1, -1):
        ch = body[j]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                return j + 1  # "(is it?)"
            depth -= 1
    start = lo
    dashes = [
        j
        for j in range(lo, mark)
        if (body[j] in "—–" or (body[j] == "-" and body[j - 1 : j + 2] == " - "))
        and t.quote_at(j) is None
    ]
    if len(dashes) % 2 == 1:
        start = dashes[-1] + 1  # an unpaired dash: "— who could blame them?"
    for j in range(mark - 1, start - 1, -1):
        if body[j] == ">":
            return j + 1  # after an HTML tag left in the text: "<p>Is it safe?"
        if body[j] in ";:" and t.quote_at(j) is None:
            if body[j] == ":" and body[j - 1 : j].isdigit() and body[j + 1 : j + 2].isdigit():
                continue  # a time, "9:30"
            return j + 1
    return start


def _trim_left(body: str, i: int, end: int) -> int:
    while i < end and (body[i].isspace() or body[i] in _OPENERS or body[i] in "—–-"):
        i += 1
    return i


def _title_case(text: str) -> bool:
    ws = _TITLE_WORD_RE.findall(text)
    capitals = sum(1 for w in ws if w[0].isupper())
    return (
        len(ws) >= 2
        and capitals >= 2
        and all(w[0].isupper() or w.lower() in _classes()["TITLEMINOR"] for w in ws)
    )


def _lead_rule(kind: str, lead: list[str]) -> _Hit | None:
    """A frame of ``kind`` (writer, reported, title) at the end of the words ``lead``."""
    lead = _strip_punct(lead)
    if not lead:
        return None
    for r in _context_rules():
        if r.scope == "lead" and r.kind == kind:
            hit = _find(r, lead)
            if hit is not None:
                return hit
    return None


def _direct_questions(t: _Text) -> list[_Q]:
    """Every run of question marks, as a question or as an excluded question mark."""
    body = t.body
    out: list[_Q] = []
    for si, span in enumerate(t.spans):
        s, e = span.start, span.end
        if body.find("?", s, e) == -1 and body.find("‽", s, e) == -1:
            continue
        first_alnum = _ALNUM_RE.search(body, s, e)
        first = first_alnum.start() if first_alnum else e
        lo = j = s
        while j < e:
            if body[j] not in _QMARKS:
                j += 1
                continue
            r0 = j
            while j < e and body[j] in "?!‽":
                j += 1
            out.append(_one_question(t, si, span.paragraph, lo, r0, j, s, e, first))
            lo = j
            while lo < e and body[lo] in _CLOSERS:
                lo += 1
    return out


def _one_question(
    t: _Text, si: int, para: int, lo: int, r0: int, r1: int, s: int, e: int, first: int
) -> _Q:
    """The question ending with the question marks ``body[r0:r1]`` of sentence ``si``."""
    body = t.body
    nxt = body[r1] if r1 < len(body) else " "
    if t.in_url(si, r0) or (nxt.isalnum() and r1 < e) or nxt in "=&/%":
        return _Q(r0, r1, si, para, "direct", excluded="a question mark inside a web address")
    start = _trim_left(body, _clause_start(t, lo, r0), r0)
    q = _Q(start, r1, si, para, "direct")
    tail = r1
    while tail < e and body[tail] in _CLOSERS:
        tail += 1
    q.continues = _ALNUM_RE.search(body, tail, e) is not None
    if q.continues or first < start:
        q.form = "embedded"  # inside a longer sentence
    if _ALNUM_RE.search(body, start, r1) is None:
        q.excluded = "a question mark with no words (such as “(?)” after a doubtful figure)"
        return q
    quote = t.quote_at(r0)
    if quote is None:
        q.excluded = _unquoted_title(t, s, start, r0)
        if not q.excluded:
            _reported(t, q, s)
        return q
    before_quote = t.lead(s, quote.start)
    if _title_case(body[quote.inner_start : quote.inner_end]) or _lead_rule("title", before_quote):
        q.excluded = "the title of a work, in quotation marks"
        return q
    writer = _lead_rule("writer", before_quote)
    if writer is not None:
        words = t.span_words(max(s, quote.start - 300), quote.start)
        q.writer_hit = writer
        q.writer_cue = _hit_text(body, words, writer)
        q.writer_frame = f"the writer's own question, introduced by '{q.writer_cue}'"
    elif (
        quote.words <= 3
        and r1 >= quote.inner_end - 1
        and _ALNUM_RE.search(body, s, quote.start) is not None
        and not _speech_frame(before_quote)
    ):
        # 'Is this what they call “reform?”': only a term is quoted in the writer's question
        q.start = _trim_left(body, _clause_start(t, lo=s, mark=quote.start), quote.start)
        q.writer_frame = "the writer's question; only the term in quotation marks is quoted"
    else:
        q.quoted = True
        q.quote_reason = "in quotation marks: someone else's question"
    return q


def _speech_frame(lead: list[str]) -> bool:
    """The words before a quotation end with a verb of saying or asking."""
    if _lead_rule("reported", lead) is not None:
        return True
    return any(w in _classes()["SPEECH"] for w in _strip_punct(lead)[-4:])


def _reported(t: _Text, q: _Q, s: int) -> None:
    """'Parents keep asking me, why …?': a question reported without quotation marks."""
    toks = t.span_words(max(q.start, q.end - _MAX_CHARS), q.end)
    ws = _words(toks)
    for k, w in enumerate(ws):
        if w not in (",", ":") or k == 0:
            continue
        hit = _lead_rule("reported", ws[:k])
        if hit is None:
            continue
        p0 = _skip_markers(ws)
        asker = ws[p0] if p0 < len(ws) else ""
        frame = _hit_text(t.body, toks, hit)
        q.start = _trim_left(t.body, toks[k].end, q.end)
        if asker in ("i", "we", "you", "let", "ask", "one"):
            q.writer_frame = f"the writer's own question, after '{frame}'"
        else:
            q.quoted = True
            q.quote_reason = (
                f"someone else's question reported without quotation marks, after '{frame}'"
            )
        return


def _unquoted_title(t: _Text, s: int, start: int, r0: int) -> str:
    """'In her book Who Needs Libraries? the critic…': a title-case run after a title word."""
    body = t.body
    toks = [w for w in t.span_words(max(s, start - 300), r0) if w.word not in _PUNCT_TOKENS]
    k = len(toks)
    while k > 0 and (
        body[toks[k - 1].start].isupper() or toks[k - 1].word in _classes()["TITLEMINOR"]
    ):
        k -= 1
    while k < len(toks) and toks[k].word in _classes()["TITLEMINOR"]:
        k += 1
    if len(toks) - k < 2 or k == 0:
        return ""
    if _lead_rule("title", _words(toks[:k])) is not None:
        return "the title of a work, after a word such as “book” or “report”"
    return ""


def _indirect_questions(t: _Text, taken: set[int]) -> list[_Q]:
    """Questions without a question mark, raised by a frame of question_indirect.tsv."""
    out: list[_Q] = []
    classes = _classes()
    trigger = classes["IFWH"]
    anchors = _frame_anchors()
    for si, span in enumerate(t.spans):
        text = t.text(si)
        if si in taken or "?" in text:
            continue
        low = text.lower().replace("’", "'")
        if anchors is not None and anchors.isdisjoint(_RUN_RE.findall(low)):
            continue  # no frame word at all: skip the sentence without reading its words
        if not any(map(low.__contains__, trigger)):
            continue  # its words cannot hold "whether", "if", "why"…: the same, cheaper
        toks = t.words(si)
        ws = _words(toks)
        present = frozenset(ws)
        if trigger.isdisjoint(present):
            continue
        p0 = _skip_markers(ws)
        for rule in _indirect_rules():
            hit = _find_frame(rule, ws, p0, present)
            if hit is None:
                continue
            a, b = hit
            opener = ws[b - 1] if rule.where == "any" else ws[p0]
            if rule.where == "any" and opener not in trigger:
                continue
            if opener == "whether" and ws[(b if rule.where == "any" else p0 + 1) :][:2] == [
                "or",
                "not",
            ]:
                continue  # "whether or not": a concession, not a question
            # the question is the whole sentence when the frame opens it, else frame to end
            first = toks[p0].start if p0 < len(toks) else span.start
            start = first if rule.where == "sentence" or a - p0 <= 14 else toks[a].start
            end = span.end
            while end > start and t.body[end - 1] in ".!;:,":
                end -= 1
            q = _Q(start, end, si, span.paragraph, "indirect")
            q.kind, q.confidence, q.source = "indirect", "high", rule.source
            q.cue = _hit_text(t.body, toks, _Hit(rule, a, b))
            q.reason = f"an embedded question without a question mark: {rule.reason}"
            if t.quote_at(toks[a].start) is not None:
                q.quoted = True
                q.quote_reason = "in quotation marks: someone else's words"
            out.append(q)
            break
    return out


_RUN_RE = re.compile(r"[\w']+")


@cache
def _frame_anchors() -> frozenset[str] | None:
    """A quick test for sentences that may hold a frame: every frame needs one of these words.

    For each frame, take a required slot whose every alternative has a word that is not a
    function word ("question", "unclear|uncertain|…"); a sentence with none of these words
    (as a whole run of letters, digits and apostrophes) cannot match, so its words are never
    read. None if some frame has no such slot (or such a word is not one run).
    """
    function = _classes()["FUNCTION"] | _classes()["IFWH"]
    anchors: set[str] = set()
    for rule in _indirect_rules():
        for slot in rule.slots:
            if slot.optional or slot.negate or slot.classes or slot.number or not slot.phrases:
                continue
            picks = [next((w for w in p if w not in function), None) for p in slot.phrases]
            if all(picks):
                anchors.update(w for w in picks if w)
                break
        else:
            return None
    if not all(_RUN_RE.fullmatch(w) for w in anchors):
        return None
    return frozenset(anchors)


def _find_frame(
    rule: _Rule, ws: list[str], p0: int, present: frozenset[str]
) -> tuple[int, int] | None:
    if rule.hopeless(present):
        return None
    if rule.where == "sentence":
        if rule.first is not None and (p0 >= len(ws) or ws[p0] not in rule.first):
            return None  # a match takes its first word from rule.first (see _find)
        got = _match_at(rule.slots, ws, p0)
        return (p0, got) if got is not None else None
    if rule.first is not None and rule.first.isdisjoint(present):
        return None
    for i in range(len(ws)):
        if rule.first is not None and ws[i] not in rule.first:
            continue
        got = _match_at(rule.slots, ws, i)
        if got is not None and got > i:
            return (i, got)
    return None


def _unpunctuated(t: _Text) -> list[_Q]:
    """A transcript that drops question marks: read the first utterance by its word order."""
    if not t.spans:
        return []
    toks = t.words(0)
    ws = _words(toks)
    p0 = _skip_markers(ws)
    if p0 + 1 >= len(ws):
        return []
    classes = _classes()
    a, b = ws[p0], ws[p0 + 1]
    wh_question = a in classes["WH"] and (b in classes["AUX"] or b in ("kind", "part", "about"))
    yes_no = a in classes["AUX"] and b in classes["PRON"] | {"there", "anyone", "anybody"}
    if not (wh_question or yes_no):
        return []
    span = t.spans[0]
    end = span.end
    while end > span.start and t.body[end - 1] in ".!,;: ":
        end -= 1
    return [_Q(toks[p0].start, end, 0, span.paragraph, "unpunctuated")]


# --- the setting ----------------------------------------------------------------------------


def _detect_setting(t: _Text, found: list[_Q]) -> tuple[str, str]:
    """'conversation' or 'written', and why.

    A conversation shows transcript markup (``{F uh}``), speaker labels (``A:`` and ``B:``),
    or signs that make up at least one word in fifty: filled pauses and backchannels (``uh``,
    ``um``, ``uh-huh``), backchannel questions (``Is that right?``, ``Oh, did you?``) and
    reactions to someone else's answer right after a question (``Oh, that's nice.``, ``Yeah,
    we do too.``, ``Me too.``). A long speech with a few of them stays written.
    """
    body = t.body
    if _MARKUP_RE.search(body):
        return "conversation", "transcript markup such as '{F uh}'"
    labels = _SPEAKER_RE.findall(body)
    if len(labels) >= 2 and len({x.strip() for x in labels}) >= 2:
        return "conversation", "speaker labels"
    signs = [m.group() for m in _FILLER_RE.finditer(body)]
    for q in found:
        if q.excluded or q.form == "indirect" or q.quoted:
            continue
        ws = _words(t.span_words(max(q.start, q.end - _MAX_CHARS), q.end))
        if _opener(ws) == "oh" or _is_backchannel(ws):
            signs.append(body[q.start : q.end])
            continue
        n = q.sentence + 1
        if n < len(t.spans) and t.spans[n].paragraph == q.paragraph:
            nw = _words(t.words(n))
            hit = _context("next", "reaction", nw, {"any"})
            spoken = _opener(nw) in _SPOKEN_YES
            if spoken or (hit is not None and hit.rule.strength == "strong"):
                signs.append(t.text(n))
    if not signs:
        return "written", "no sign of a transcribed conversation"
    from opedkit.tokenize import words

    if len(signs) * 50 >= len(words(body)):
        return "conversation", f"signs of a transcribed conversation such as {signs[0]!r}"
    return "written", "no sign of a transcribed conversation"


def _is_backchannel(ws: list[str]) -> bool:
    view = _view(ws)
    return any(
        _find(r, ws, view) is not None
        for r in _cue_rules()
        if r.kind == "backchannel" and r.strength != "weak"
    )


# --- telling the kinds apart ------------------------------------------------------------------


def _qtypes(ws: list[str], p0: int) -> set[str]:
    """'wh' (with 'why', 'when', 'howmany') or 'yesno' (also declarative and fragments)."""
    classes = _classes()
    if p0 >= len(ws):
        return {"yesno"}
    w = ws[p0]
    nxt = ws[p0 + 1] if p0 + 1 < len(ws) else ""
    if w in classes["WH"]:
        head, after = w, nxt
    elif w in ("to", "in", "by", "at", "for") and nxt in classes["WH"]:
        head, after = nxt, (ws[p0 + 2] if p0 + 2 < len(ws) else "")
    else:
        return {"yesno"}
    out = {"wh"}
    if head in ("why", "when"):
        out.add(head)
    if head == "how" and after in ("many", "much", "often", "long", "old", "big", "far"):
        out.add("howmany")
    return out


def _subject(ws: list[str], p0: int) -> str:
    """The pronoun subject of a question ("Do you…?", "What did we…?"), or ""."""
    classes = _classes()
    i = p0
    if i < len(ws) and ws[i] in classes["WH"]:
        i += 1
    if i < len(ws) and ws[i] in classes["AUX"]:
        i += 1
        if i < len(ws) and ws[i] == "not":
            i += 1
        if i < len(ws) and ws[i] in classes["PRON"]:
            return ws[i]
    return ""


def _cues(words: list[str], conversation: bool) -> dict[str, _Hit]:
    """The strongest cue of each kind inside the question."""
    best: dict[str, _Hit] = {}
    view = _view(words)
    for rule in _cue_rules():
        if conversation and rule.conversation == "off":
            continue
        hit = _find(rule, words, view)
        if hit is not None:
            old = best.get(rule.kind)
            if old is None or _RANK[rule.strength] > _RANK[old.rule.strength]:
                best[rule.kind] = hit
    return best


def _context(scope: str, kind: str, words: list[str], qtypes: set[str]) -> _Hit | None:
    """The strongest (then earliest) context rule of ``scope`` and ``kind`` that matches."""
    hits = []
    view = _view(words)
    for rule in _context_rules():
        if rule.scope != scope or rule.kind != kind:
            continue
        if rule.applies_to != "any" and rule.applies_to not in qtypes:
            continue
        hit = _find(rule, words, view)
        if hit is not None:
            hits.append(hit)
    if not hits:
        return None
    return max(hits, key=lambda h: (_RANK[h.rule.strength], -h.start))


@dataclass
class _Evidence:
    """How strongly a neighbouring sentence supports a kind (rank 0 = not at all)."""

    rank: int = 0
    reason: str = ""
    cue: str = ""
    source: str = ""
    sentence: int | None = None
    start: int = 0  # word index of the cue in its sentence


def _same_person(subject: str) -> frozenset[str]:
    """Pronouns that can take up the subject of a question in its answer."""
    if subject in ("you", "i", "we"):
        return frozenset({subject})
    return frozenset({"it", "they", "he", "she", "there", "this", "that"})


def _np_fragment(ws: list[str], p0: int) -> bool:
    """'The result?', 'The honest answer?': a short noun phrase, with no verb, asked."""
    rest = [w for w in ws[p0:] if w not in _PUNCT_TOKENS]
    classes = _classes()
    return (
        1 < len(rest) <= 4
        and rest[0] in _classes()["DET"]
        and not any(w in classes["AUX"] or w in classes["WH"] for w in rest)
    )


class _Question(NamedTuple):
    """What the classifier knows about one question's words."""

    body: str
    toks: list[_Tok]
    ws: list[str]
    p0: int
    qtypes: set[str]
    subject: str
    own_you: bool


def _answer(
    t: _Text,
    qn: _Question,
    cand: int,
    new_para: bool,
    last_in_run: bool,
    parallel: bool,
    conversation: bool,
) -> _Evidence:
    """How strongly sentence ``cand`` answers the question (0 none … 3 an answer word)."""
    body = t.body
    classes = _classes()
    ws, p0, qtypes, subject = qn.ws, qn.p0, qn.qtypes, qn.subject
    if conversation and (qn.own_you or not set(ws) & classes["FIRST"]):
        # in conversation the listener answers; the asker can answer only a question about
        # himself or herself ("What did I do? I called the police.")
        return _Evidence()
    if new_para and not last_in_run:
        return _Evidence()
    cw_toks = t.words(cand)[:60]
    cw = _words(cw_toks)
    first = _skip_markers(cw)
    opener = cw[first] if first < len(cw) else ""
    if subject == "you" and (opener in classes["FIRST"] or opener in ("mine", "ours")):
        # "Do you play an instrument? I played the clarinet.": an answer about "you" does
        # not come in the first person
        return _Evidence()

    def found(rank: int, why: str, cue: str, source: str = "Hypophora") -> _Evidence:
        return _Evidence(rank, f"answered in {_cite(t, cand)}{why}", cue, source, cand)

    best = _Evidence()
    hit = _context("next", "answer", cw, qtypes)
    if hit is not None and (last_in_run or parallel):
        rank = _RANK[hit.rule.strength]
        if conversation and hit.rule.pattern.startswith(("yes|", "...3 , yes")):
            rank = min(rank, 2)  # in conversation "yeah" often reacts to someone else
        if last_in_run or rank >= 3:
            best = found(
                rank, f": {hit.rule.reason}", _hit_text(body, cw_toks, hit), hit.rule.source
            )
    if new_para or not last_in_run or best.rank >= 2:
        return best if best.rank >= 3 or (best.rank and not new_para) else _Evidence()
    # an elliptical reply with the question's own auxiliary: "Are they…? … they are."
    if "yesno" in qtypes and p0 < len(ws) and ws[p0] in classes["AUX"]:
        aux = ws[p0]
        same = _same_person(subject) if subject else classes["PRON"] | {"there"}
        for k in range(min(len(cw), 14) - 1):
            if cw[k] in same and cw[k + 1] == aux:
                cue = body[cw_toks[k].start : cw_toks[k + 1].end]
                return found(2, f", which takes up the question's '{aux}' in a statement", cue)
    # the question's subject opens the next sentence: "What did we do? We cut taxes."
    if "wh" in qtypes and subject and opener == subject:
        cue = body[cw_toks[first].start : cw_toks[first].end]
        return found(2, f", which opens with the question's subject '{subject}'", cue)
    if conversation:
        return best
    # repeated content words
    qc = _content(ws)
    shared = qc & _content(cw)
    if len(shared) >= 2 or (shared and len(qc) <= 2):
        words = ", ".join(sorted(shared))
        return found(2, f", which repeats the question's words ({words})", words)
    # a noun phrase asked as a question announces its answer: "The result? Chaos."
    if _np_fragment(ws, p0):
        why = ": a noun phrase asked as a question announces the statement that follows"
        return found(2, why, t.text(cand)[:60])
    # a verbless fragment answers: "Why? Greed." ("The vote is next month." is a statement)
    n_words = sum(1 for w in cw if w not in _PUNCT_TOKENS)
    if (
        1 <= n_words <= 5
        and opener
        and opener not in classes["IMPERATIVE"]
        and opener not in classes["PRON"]
        and opener not in classes["DEICTIC"]
        and not any(w in classes["AUX"] for w in cw)
        and not t.text(cand).rstrip().endswith("?")
    ):
        return found(2, ", a short fragment that supplies the answer", t.text(cand).strip())
    # a wh-question followed by a statement may be answered by it (weak)
    if "wh" in qtypes and opener not in classes["IMPERATIVE"]:
        return _Evidence(
            1,
            f"a wh-question followed by a statement ({_cite(t, cand)}) that may answer it",
            "",
            "Hypophora",
            cand,
        )
    return best


def _classify(t: _Text, found: list[_Q], conversation: bool, setting_reason: str) -> None:
    """Give every question its kind, reason, cue, source and answering sentence."""
    direct = [q for q in found if not q.excluded and q.form != "indirect"]
    qsent = {q.sentence for q in direct}
    n_sent = len(t.spans)

    def skippable(i: int) -> bool:
        """A stage direction ("(Applause.)") or the tail of a split sentence ("— and…")."""
        text = t.text(i).strip()
        return bool(_STAGE_RE.match(text)) or text[:1] in "—–"

    def after(i: int) -> tuple[int | None, bool]:
        """The next sentence after ``i`` that is not skippable; whether a paragraph begins."""
        para = t.spans[i].paragraph
        j = i + 1
        while j < n_sent and t.spans[j].paragraph == para and skippable(j):
            j += 1
        if j >= n_sent:
            return None, False
        return j, t.spans[j].paragraph != para

    def before(i: int) -> int | None:
        para = t.spans[i].paragraph
        j = i - 1
        while j >= 0 and t.spans[j].paragraph == para:
            if j not in qsent and not skippable(j):
                return j
            j -= 1
        return None

    # runs: questions that follow one another with nothing but questions in between
    runs: list[list[_Q]] = []
    for q in direct:
        if runs:
            last = runs[-1][-1]
            nxt, new_para = after(last.sentence)
            if not last.continues and (
                q.sentence == last.sentence or (q.sentence == nxt and not new_para)
            ):
                runs[-1].append(q)
                continue
        runs.append([q])
    for q in found:
        if q.form == "indirect":
            _answer_indirect(t, q, *after(q.sentence))
    for run in runs:
        cand, new_para = after(run[-1].sentence)
        if run[-1].continues:
            cand = None  # "(is it?) and the sentence goes on": nothing answers an aside
        prev = before(run[0].sentence)
        # an answer word after a run answers every question of the run's parallel tail
        # ("Is it legal? Is it wise? No."), not questions of another shape before them
        openings = [_opening(t, q) for q in run]
        parallel = [True] * len(run)
        for k in range(len(run) - 2, -1, -1):
            parallel[k] = parallel[k + 1] and openings[k] == openings[k + 1]
        for k, q in enumerate(run):
            _classify_one(
                t, q, run, k, parallel[k], cand, new_para, prev, conversation, setting_reason
            )


def _opening(t: _Text, q: _Q) -> tuple[str, ...]:
    """The first two words of a question after discourse markers ("is it", "who would")."""
    ws = _words(t.span_words(max(q.start, q.end - _MAX_CHARS), q.end))
    p0 = _skip_markers(ws)
    return tuple(ws[p0 : p0 + 2])


def _question_words(t: _Text, q: _Q) -> _Question:
    toks = t.span_words(max(q.start, q.end - _MAX_CHARS), q.end)
    ws = _words(toks)
    p0 = _skip_markers(ws)
    own_you = bool(set(ws) & _classes()["YOU"])
    return _Question(t.body, toks, ws, p0, _qtypes(ws, p0), _subject(ws, p0), own_you)


def _classify_one(
    t: _Text,
    q: _Q,
    run: list[_Q],
    k: int,
    parallel: bool,
    cand: int | None,
    new_para: bool,
    prev: int | None,
    conversation: bool,
    setting_reason: str,
) -> None:
    body = t.body
    qn = _question_words(t, q)
    cues = _cues(qn.ws, conversation)
    rhet = cues.get("rhetorical")
    rrank = _RANK[rhet.rule.strength] if rhet else 0
    last_in_run = k == len(run) - 1
    answer = opened = reaction = _Evidence()
    if cand is not None:
        answer = _answer(t, qn, cand, new_para, last_in_run, parallel, conversation)
        cw_toks = t.words(cand)[:60]
        cw = _words(cw_toks)
        # a remark that the answer is unknown covers the run, except questions that carry
        # their own rhetorical cue ("Is that really so radical? Will it cost more? I don't know.")
        if not new_para and (last_in_run or rrank < 2):
            hit = _context("next", "open", cw, qn.qtypes)
            if hit is not None:
                opened = _Evidence(
                    _RANK[hit.rule.strength],
                    f"{_cite(t, cand)} says the answer is not known: {hit.rule.reason}",
                    _hit_text(body, cw_toks, hit),
                    hit.rule.source,
                    start=hit.start,
                )
        if conversation and not new_para:
            hit = _context("next", "reaction", cw, qn.qtypes)
            if hit is not None:
                reaction = _Evidence(
                    _RANK[hit.rule.strength],
                    f"the next utterance reacts to someone else's answer: {hit.rule.reason}",
                    _hit_text(body, cw_toks, hit),
                    hit.rule.source,
                )
    if prev is not None and not conversation and (last_in_run or rrank < 2):
        pw_toks = t.words(prev)
        hit = _context("before", "open", _words(pw_toks), qn.qtypes)
        if hit is not None:
            announced = _Evidence(
                _RANK[hit.rule.strength] - 1,
                f"{_cite(t, prev)} announces open questions: {hit.rule.reason}",
                _hit_text(body, pw_toks, hit),
                hit.rule.source,
            )
            if opened.rank:
                opened = _Evidence(
                    opened.rank,
                    f"{opened.reason}; and {announced.reason}",
                    f"{opened.cue}; {announced.cue}",
                    opened.source,
                    start=opened.start,
                )
            else:
                opened = announced
    decide = _decide_conversation if conversation else _decide_written
    decide(q, qn, cues, answer, opened, reaction, setting_reason)


class _Verdict:
    """Writes a decision into a question."""

    def __init__(self, q: _Q, qn: _Question) -> None:
        self.q, self.qn = q, qn

    def set(self, kind: str, rank: int, reason: str, cue: str, source: str, alt: str = "") -> None:
        q = self.q
        q.kind, q.confidence, q.reason, q.cue, q.source = (
            kind,
            _CONFIDENCE[rank],
            reason,
            cue,
            source,
        )
        q.alternative = alt if alt != kind else ""

    def hit(self, kind: str, hit: _Hit, alt: str = "", prefix: str = "") -> None:
        cue = _hit_text(self.qn.body, self.qn.toks, hit)
        self.set(
            kind, _RANK[hit.rule.strength], prefix + hit.rule.reason, cue, hit.rule.source, alt
        )

    def evidence(self, kind: str, ev: _Evidence, alt: str = "", rank: int | None = None) -> None:
        self.set(kind, ev.rank if rank is None else rank, ev.reason, ev.cue, ev.source, alt)


def _decide_quoted_or_fixed(q: _Q, v: _Verdict, cues: dict[str, _Hit], answer: _Evidence) -> bool:
    """Decisions that hold in every setting: a quoted question; a fixed idiom."""
    if q.quoted:
        v.set("quoted", 3, q.quote_reason, "", "own")
        if answer.rank >= 3:
            q.answered_by = answer.sentence
            q.reason += f"; the writer replies: {answer.reason}"
        return True
    rhet = cues.get("rhetorical")
    if rhet is not None and rhet.rule.strength == "fixed":
        v.hit("rhetorical", rhet)
        return True
    return False


def _decide_written(
    q: _Q,
    qn: _Question,
    cues: dict[str, _Hit],
    answer: _Evidence,
    opened: _Evidence,
    reaction: _Evidence,
    setting_reason: str,
) -> None:
    """The kind of a question in a written text (op-ed, speech); first rule that fits wins."""
    v = _Verdict(q, qn)
    if _decide_quoted_or_fixed(q, v, cues, answer):
        return
    rhet = cues.get("rhetorical")
    rrank = _RANK[rhet.rule.strength] if rhet else 0
    reader = cues.get("reader-directed")
    reader_rank = _RANK[reader.rule.strength] if reader else 0
    if q.writer_hit is not None and q.writer_hit.rule.pattern.startswith("ask"):
        reader_rank = 3  # "Ask yourself: “…?”"
    # 1. the text says the answer is unknown (unless an answer word opens the next sentence)
    if opened.rank >= 2 and (answer.rank < 3 or opened.start == 0):
        v.evidence(
            "open", opened, alt="rhetorical" if rrank else "hypophora" if answer.rank else ""
        )
        return
    # 2. an answer word in the next sentence
    if answer.rank >= 3:
        v.evidence("hypophora", answer, alt="rhetorical" if rrank >= 2 else "")
        q.answered_by = answer.sentence
        return
    # 3. a rhetorical cue inside the question
    if rhet is not None and rrank >= 2:
        alt = "hypophora" if answer.rank >= 2 else "reader-directed" if reader_rank else "open"
        v.hit("rhetorical", rhet, alt=alt)
        return
    # 4. a likely answer in the next sentence
    if answer.rank >= 2:
        v.evidence("hypophora", answer, alt="rhetorical")
        q.answered_by = answer.sentence
        return
    # 5. put to the reader
    if reader_rank >= 3 and q.writer_hit is not None:
        v.set(
            "reader-directed",
            3,
            f"{q.writer_frame}: put to the reader",
            q.writer_cue,
            q.writer_hit.rule.source,
            "rhetorical",
        )
        return
    if reader is not None and reader_rank >= 2:
        v.hit("reader-directed", reader, alt="rhetorical")
        return
    # 6. announced as open, or asks about an outcome not yet known
    if opened.rank >= 1:
        v.evidence("open", opened, alt="rhetorical", rank=min(opened.rank, 2))
        return
    if "open" in cues:
        v.hit("open", cues["open"], alt="rhetorical")
        return
    # 7. weak signs
    if answer.rank >= 1:
        v.evidence("hypophora", answer, alt="rhetorical")
        q.answered_by = answer.sentence
        return
    if "tag" in cues:
        v.hit("rhetorical", cues["tag"], alt="open", prefix="the writer asks the reader to agree: ")
        return
    if "backchannel" in cues:
        prefix = "a short sceptical echo in a text nobody answers: "
        v.hit("rhetorical", cues["backchannel"], alt="open", prefix=prefix)
        return
    if rhet is not None:
        v.hit("rhetorical", rhet, alt="open")
        return
    # 8. the default
    v.set(
        "rhetorical",
        1,
        "left unanswered with no cue for another kind: in a text nobody can answer back, such "
        f"a question usually makes a point (uncertain; {setting_reason})",
        "",
        "own",
        "open",
    )


def _decide_conversation(
    q: _Q,
    qn: _Question,
    cues: dict[str, _Hit],
    answer: _Evidence,
    opened: _Evidence,
    reaction: _Evidence,
    setting_reason: str,
) -> None:
    """The kind of a question in a transcribed conversation; first rule that fits wins."""
    v = _Verdict(q, qn)
    if _decide_quoted_or_fixed(q, v, cues, answer):
        return
    rhet = cues.get("rhetorical")
    rrank = _RANK[rhet.rule.strength] if rhet else 0
    if "backchannel" in cues:
        v.hit("information-seeking", cues["backchannel"], prefix="a backchannel or echo: ")
        return
    if rhet is not None and rrank >= 3:
        v.hit("rhetorical", rhet, alt="information-seeking")
        return
    if reaction.rank:
        alt = "rhetorical" if rrank else ""
        v.evidence("information-seeking", reaction, alt=alt, rank=max(reaction.rank, 2))
        return
    if answer.rank >= 3:
        v.evidence("hypophora", answer, alt="rhetorical")
        q.answered_by = answer.sentence
        return
    if rhet is not None and rrank >= 2:
        v.hit("rhetorical", rhet, alt="information-seeking")
        return
    if answer.rank >= 2:
        v.evidence("hypophora", answer, alt="information-seeking")
        q.answered_by = answer.sentence
        return
    if "tag" in cues:
        v.hit("information-seeking", cues["tag"], prefix="a tag question that checks: ")
        return
    v.set(
        "information-seeking",
        1,
        f"in a conversation ({setting_reason}) a question with no rhetorical cue asks for "
        "information (Bhattasali et al. 2015)",
        "",
        "Bhattasali2015",
        "rhetorical",
    )


def _cite(t: _Text, i: int) -> str:
    """A sentence named by its opening words, so a reason reads the same whether the reader
    counts sentences from 0 (the ``sentence`` column) or from 1."""
    words = t.text(i).split()
    head = " ".join(words[:6])
    return f"the sentence “{head}{'…' if len(words) > 6 else ''}”"


def _answer_indirect(t: _Text, q: _Q, cand: int | None, new_para: bool) -> None:
    """An indirect question can be answered too: "The question is whether… It is not." """
    if cand is None or new_para:
        return
    cw = _words(t.words(cand)[:60])
    if _context("next", "open", cw, {"yesno", "wh"}) is not None:
        return
    hit = _context("next", "answer", cw, {"yesno", "wh"})
    if hit is not None and _RANK[hit.rule.strength] >= 3:
        q.answered_by = cand
        q.reason += f"; answered in {_cite(t, cand)}: {hit.rule.reason}"


# --- public API -------------------------------------------------------------------------------


def _body_of(x: Document | str) -> str:
    from opedkit.document import as_document

    return as_document(x).body


def _analyse(body: str, setting: str) -> list[_Q]:
    if setting not in SETTINGS:
        raise ValueError(
            f"setting must be one of {', '.join(map(repr, SETTINGS))}; got {setting!r}"
        )
    t = _Text(body)
    found = _direct_questions(t)
    taken = {q.sentence for q in found if not q.excluded}
    found += _indirect_questions(t, taken)
    if setting == "auto":
        setting, why = _detect_setting(t, found)
    else:
        why = f"setting={setting!r}"
    conversation = setting == "conversation"
    if conversation and "?" not in body and not any(q.form == "indirect" for q in found):
        found += _unpunctuated(t)
    found.sort(key=lambda q: (q.start, q.end))
    _classify(t, found, conversation, why)
    for q in found:
        if q.form == "unpunctuated":
            q.reason = f"no question mark, but the words open like a question; {q.reason}"
            q.confidence = "low" if q.confidence == "medium" else q.confidence
            q.confidence = "medium" if q.confidence == "high" else q.confidence
    return found


def questions(x: Document | str, *, setting: str = "auto", excluded: bool = False) -> pd.DataFrame:
    """Every question in a text, one row each, with its kind and the reason for it.

    Columns (in this order):

    ``sentence``, ``paragraph``
        0-based indices, as in :func:`opedkit.sentence_table` (add 1 for the numbers a reader
        counts: ``paragraph`` 8 is "paragraph 9").
    ``start``, ``end``, ``text``
        offsets into the body and the question itself (``body[start:end] == text``); for a
        question in brackets or quotation marks, the words inside them.
    ``form``
        ``direct`` (a sentence of its own), ``embedded`` (inside a longer sentence),
        ``indirect`` (no question mark) or ``unpunctuated`` (a transcript without ``?``).
    ``kind``
        one of :data:`KINDS` (see the module docstring).
    ``confidence``
        ``high`` (an explicit cue: an answer word, an idiom, a remark that the answer is
        unknown), ``medium`` (a usual but fallible cue) or ``low`` (a default or a weak cue:
        read the question yourself).
    ``alternative``
        the runner-up kind when the decision could go another way, else ``""``.
    ``reason``, ``cue``, ``source``
        why, the words that triggered the deciding rule, and its source key
        (:func:`question_rules` lists every rule with its citation).
    ``answered_by``
        the sentence that answers the question (nullable integer), or ``<NA>``.
    ``quoted``
        ``True`` for someone else's question (kind ``quoted``, or an indirect question inside
        quotation marks).

    ``setting``: ``"written"`` (op-ed, speech), ``"conversation"`` (a transcript) or
    ``"auto"`` (see the module docstring). ``excluded=True`` adds the question marks set
    aside (in web addresses, titles of works, with no words) with kind ``"not a question"``.

    Limits: cue rules, not understanding; the measured accuracy per kind is in
    docs/questions.md. Questions without a question mark are found only through the frames in
    ``question_indirect.tsv`` (and, in a transcript with no ``?`` at all, in the first
    utterance). Cues are read in the first 400 words of a sentence. Sentence boundaries come
    from :mod:`opedkit.segment`.

    >>> questions("Isn't it obvious? Who would disagree?")[["text", "kind"]].values.tolist()
    [["Isn't it obvious?", 'rhetorical'], ['Who would disagree?', 'rhetorical']]
    """
    import pandas as pd

    body = _body_of(x)
    rows: list[dict[str, Any]] = []
    for q in _analyse(body, setting):
        if q.excluded and not excluded:
            continue
        reason = q.excluded or q.reason
        if q.writer_frame and not q.excluded and q.writer_frame not in reason:
            reason = f"{reason} ({q.writer_frame})"
        rows.append(
            {
                "sentence": q.sentence,
                "paragraph": q.paragraph,
                "start": q.start,
                "end": q.end,
                "text": body[q.start : q.end],
                "form": q.form,
                "kind": "not a question" if q.excluded else q.kind,
                "confidence": "high" if q.excluded else q.confidence,
                "alternative": "" if q.excluded else q.alternative,
                "reason": reason,
                "cue": q.cue,
                "source": "own" if q.excluded else q.source,
                "answered_by": None if q.excluded else q.answered_by,
                "quoted": q.quoted,
            }
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    ints = ("sentence", "paragraph", "start", "end")
    frame = frame.astype({**{c: "int64" for c in ints}, "quoted": "bool"})
    frame["answered_by"] = pd.array(
        [pd.NA if r["answered_by"] is None else int(r["answered_by"]) for r in rows],
        dtype="Int64",
    )
    return frame


def question_summary(x: Document | str, *, setting: str = "auto") -> pd.DataFrame:
    """How many questions of each kind, and how many per 1,000 words.

    One row per kind (every one of :data:`KINDS`, zeros included), then ``all questions``
    and ``the writer's own`` (all but ``quoted``). Columns: ``kind``, ``questions``,
    ``per_1000_words`` (per 1,000 words of the body, counted by :func:`opedkit.words`),
    ``share`` (of all questions, 0 to 1), ``low_confidence`` (how many were decided by a
    default or a weak cue: read those yourself) and ``answered`` (how many have an
    ``answered_by`` sentence).

    Limits: the counts inherit every limit of :func:`questions`; a rate per 1,000 words is
    noisy for a short text (one question more or less moves it by 1.7 in a 600-word op-ed).

    >>> s = question_summary("Why? Because. Is it fair? Of course not. Will it last?")
    >>> s.set_index("kind").loc[["hypophora", "open", "all questions"], "questions"].tolist()
    [2, 1, 3]
    """
    import pandas as pd

    from opedkit.tokenize import words

    body = _body_of(x)
    table = questions(body, setting=setting)
    n_words = len(words(body))
    total = len(table)

    def row(kind: str, part: pd.DataFrame) -> dict[str, Any]:
        n = len(part)
        return {
            "kind": kind,
            "questions": n,
            "per_1000_words": round(1000 * n / n_words, 2) if n_words else 0.0,
            "share": round(n / total, 3) if total else 0.0,
            "low_confidence": int((part["confidence"] == "low").sum()),
            "answered": int(part["answered_by"].notna().sum()),
        }

    rows = [row(k, table[table["kind"] == k]) for k in KINDS]
    rows.append(row("all questions", table))
    rows.append(row("the writer's own", table[table["kind"] != "quoted"]))
    return pd.DataFrame(rows)
