"""Sentences: a rule-based segmenter whose every decision can be read and tested.

The body is first split into paragraphs (blank lines; or one paragraph per line when a text
puts each paragraph on one long line). Inside a paragraph, four kinds of places may end a
sentence, and :func:`sentence_breaks` lists each place with the rule that decided it:

**End punctuation** (``.``, ``!``, ``?``, ``?!``, ``…``, ``...``, with any closing quotes or
brackets after it) followed by white space:

* ``?`` / ``!`` end the sentence, except before a lower-case word after a closing quote or
  bracket (``"Why?" he asked``; ``(did it?) and``), or before a name and a reporting verb
  (``"Why?" Amadou asks him``), or before an emoticon (``really? :)``).
* An ellipsis ends a sentence only when a capitalised word follows (``I waited... The
  door``), not when the sentence trails on (``I waited... and waited``).
* A full stop inside closing quotes ends the sentence unless a lower-case word follows.
* After any other full stop, the word before it decides. Abbreviations come from
  ``data/abbreviations.tsv`` in four kinds: *before* a name (``Dr.``, ``Mr.``, ``e.g.``:
  never the end); before a *number* (``No. 5``, ``Jan. 5``); *either* (``etc.``, ``Inc.``,
  ``U.S.``, ``a.m.``, ``hr.``): the end only if the next word is a typical sentence opener
  (``data/sentence_starters.txt``: ``in the U.S. The talks``); and *word*, web words that
  look like abbreviations but end sentences (``pls.``, ``thx.``). A capital letter with a
  full stop is an initial (``George W. Bush``) unless a sentence opener follows. A number
  with a full stop at the start of a line is a list marker (``1. First``). Before a digit,
  no abbreviation or initial ends a sentence (``2 hr. 41 min.``). Before a lower-case word,
  an abbreviation, or an unknown word with no vowel (``govt.``), does not; any other word
  does, because web text often starts sentences in lower case (``it was cold. the waiter``).

**Line breaks** inside a paragraph. The segmenter first decides whether the text is
hard-wrapped (most line breaks fall where the next word would not have fitted on the line:
e-mails, letters, text copied from a PDF) and, if so, at what width. A *wrapped* line break
is just layout: only the punctuation rules apply. A *deliberate* line break (a short line in
a wrapped text, or any line break in a text that is not wrapped) ends a sentence: headings,
bylines, salutations (``Dear Ms. Park,``), sign-offs, list items and one-sentence-per-line
web text. Exceptions: the line ends with a comma and has more than six words, or with a
hyphen, dash, opening bracket or a word that cannot end a sentence (``and``, ``the``…); the
line is only an e-mail quote mark (``>``); or it ends with a *before* abbreviation (``Dr.``).
A line that starts a list item (``- ``, ``* ``, ``1. ``) always starts a sentence unless the
break is a wrap.

**Glued sentences** (``great.The staff``): a lower-case word of two or more letters, end
punctuation, then a capitalised word, outside web and e-mail addresses.

**Emoticons** (``:)``, ``:-(``, ``<3``) end the sentence before a capitalised word or any
word but a conjunction; emoji (``😀``) end it before a capitalised word.

Decimals (``3.5``), ranges (``1950-1953``), dotted abbreviations inside a sentence, colons,
semicolons and dashes (``–``, ``—``) never end a sentence. Every sentence comes with offsets
into the body so that ``body[start:end]`` is exactly the sentence. Time is linear in the
length of the text (no regular expression here can backtrack more than a bounded amount).

>>> sentences("Dr. Usman wrote it. Is it right?! Read on… The U.S. Senate met at 5 p.m. today.")
['Dr. Usman wrote it.', 'Is it right?!', 'Read on…', 'The U.S. Senate met at 5 p.m. today.']
"""

from __future__ import annotations

import itertools
import re
import statistics
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document


class Span(NamedTuple):
    """A sentence's place in the body: ``body[start:end]`` is the sentence."""

    start: int
    end: int
    paragraph: int


class Break(NamedTuple):
    """A place where a sentence may end: ``offset`` is where the next sentence would start."""

    offset: int
    cut: bool
    rule: str


# --- data -------------------------------------------------------------------------------

#: Abbreviation kinds in ``data/abbreviations.tsv`` (see the file's header).
ABBREVIATION_KINDS = ("before", "number", "either", "word")


@cache
def _abbreviations() -> dict[str, tuple[str, str]]:
    """abbreviation (lower case, no final dot) -> (kind, case)."""
    table: dict[str, tuple[str, str]] = {}
    text = resources.files("opedkit.data").joinpath("abbreviations.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("abbr\t"):
            continue
        abbr, kind, case = line.split("\t")[:3]
        table[abbr] = (kind, case)
    return table


@cache
def _starter_table() -> dict[str, tuple[bool, bool]]:
    """word -> (typical opener after an abbreviation, marks a run-on sentence)."""
    text = resources.files("opedkit.data").joinpath("sentence_starters.txt").read_text("utf-8")
    table: dict[str, tuple[bool, bool]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        word, after_abbr, run_on = line.split("\t")[:3]
        table[word] = (after_abbr == "yes", run_on == "yes")
    return table


@cache
def _starters() -> frozenset[str]:
    return frozenset(w for w, (after_abbr, _) in _starter_table().items() if after_abbr)


@cache
def _run_on_starters() -> frozenset[str]:
    return frozenset(w for w, (_, run_on) in _starter_table().items() if run_on)


# --- patterns ---------------------------------------------------------------------------

_OPENERS = "\"'“‘«([{¿¡"
_CLOSERS = "\"'”’»)]}"
_QUOTE_CLOSERS = "\"'”’»"
# A run of end punctuation that starts a run (the look-behind keeps the scan linear: a long
# run of "?" is read once, not once per character), then closing quotes or brackets, then
# white space or the end. Nothing is given back once matched (the atomic group (?>…) and
# the possessive *+). The pattern opens with a plain character class and checks the
# character before it afterwards, so the regex engine skips ahead to the next mark quickly;
# the first unit is an ellipsis ". . ." when the mark is a full stop that starts one.
_TERMINAL = re.compile(
    r"(?P<punct>[.!?‽…](?<![.!?‽…][.!?‽…])"
    r"(?>(?:(?<=\.)[ \t]\.[ \t]\.)?(?:\.[ \t]\.[ \t]\.|[.!?‽…])*))"
    r"(?P<close>[\"'”’»)\]}]*+)"
    r"(?=\s|\Z)"
)
# "great.The staff": a lower-case word of 2+ letters, end punctuation, a capitalised word.
# (Each pattern below starts with a plain character class, so the regex engine can skip
# ahead quickly; the left context is checked in Python.)
_GLUED = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+(?=[A-Z][a-z])")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LIST_MARKER = re.compile(r"(?:[-*•‣◦▪–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
_INITIALISM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_VOWEL = re.compile(r"[aeiouyAEIOUY]|[^\x00-\x7f]")
_LEAD_WORD = re.compile(r"[^\W\d_]+")
_REPORTING = re.compile(
    r"(?:asks?|asked|says?|said|replie[sd]|reply|adds?|added|tells?|told|writes?|wrote|"
    r"shouts?|shouted|whispers?|whispered|wonders?|wondered|recalls?|recalled|explains?|"
    r"explained|insists?|insisted|notes?|noted|continues?|continued|cries|cried|yells?|"
    r"yelled|answers?|answered|demands?|demanded|protests?|protested)\b"
)
_EMOTICON = re.compile(r"[:;=xX][-o^']?[()\[\]DPpOo3/\\|*]+|<3+|\^_*\^|[:;]-?[@$]")
_CONJUNCTIONS = frozenset(
    {"and", "but", "or", "nor", "so", "because", "cause", "cuz", "bc", "though", "although"}
    | {"which", "who", "that", "then", "when", "if", "as", "while"}
)
# Words after which a line break cannot end a sentence (the sentence runs on).
_RUN_ON_WORDS = frozenset(
    {"and", "or", "but", "nor", "the", "a", "an", "of", "to", "with", "for", "from", "by"}
    | {"at", "in", "on", "into", "my", "your", "our", "their", "its", "his", "her", "whose"}
    | {"than", "that"}
)
# A lower-case word, spaces (no line break), a capitalised word: a run-on sentence?
_RUN_ON = re.compile(r"[ \t]+([A-Z][A-Za-z'’]*)(?![\w.-])")
_LOWER_WORD = re.compile(r"[a-z][a-z'’]*[a-z]")
# Words after which a capitalised opener is more likely a title or a name than a new sentence:
# articles, prepositions, conjunctions that join names, copulas and naming or reporting verbs.
_NOT_BEFORE_RUN_ON = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into"}
    | {"onto", "about", "over", "under", "after", "before", "between", "through", "during"}
    | {"without", "within", "against", "among", "around", "toward", "towards", "upon", "via"}
    | {"and", "or", "nor", "is", "are", "was", "were", "be", "been", "being", "am", "as"}
    | {"said", "says", "say", "told", "tell", "tells", "called", "call", "calls", "named"}
    | {"titled", "entitled", "read", "reads", "watched", "watch", "saw", "see", "seen"}
    | {"reported", "wrote", "writes", "starring", "featuring", "including", "like", "likes"}
    | {"love", "loved", "loves", "visited", "visit", "join", "joined", "joining", "than"}
    | {"per", "versus", "vs", "play", "played", "plays", "sang", "sing", "hear", "heard"}
)
# A salutation that opens a paragraph or follows a sentence: "Dear Ms. Park, Thank you ...".
_SALUTATION = re.compile(
    r"(?:Dear|Hi|Hello|Hey|Greetings|Good (?:morning|afternoon|evening))"
    r"(?:[ \t]+(?:[A-Z][\w.'’-]*|all|everyone|team|folks|guys|or|and|&)){1,5},[ \t]+(?=[A-Z])"
)
# A bullet standing alone between words (lists glued into one line): "then: • Send ...".
_BULLET = re.compile(r"[•▪◦‣*](?=[ \t]+[\w\"“(])")


_EMOJI_CHARS = "\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff"
# An emoticon or a run of emoji standing alone between spaces, with a word after it.
_ICON = re.compile(
    rf"((?:{_EMOTICON.pattern})|[{_EMOJI_CHARS}][{_EMOJI_CHARS}\ufe0f\u200d]*)"
    r"(?=[ \t]+\S)"
)


_ICON_START = re.compile(rf"[:;=xX<^{_EMOJI_CHARS}]")


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return 0x1F300 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x1F000 <= cp <= 0x1F2FF


# --- paragraphs -------------------------------------------------------------------------


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``body``, trimmed of surrounding white space.

    Paragraphs are separated by blank lines. A block without blank lines whose lines are
    long (over 150 characters on average, as when each paragraph is pasted as one line) is
    split at every line break instead.

    >>> text = "One.\\n\\n  Two, on\\na second line.  "
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['One.', 'Two, on\\na second line.']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLANK_LINE.finditer(body), None]:
        end = m.start() if m else len(body)
        _add_block(body, pos, end, spans)
        if m:
            pos = m.end()
    return spans


def _add_block(body: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    start, end = _trim(body, start, end)
    if start >= end:
        return
    n_lines = body.count("\n", start, end) + 1
    if n_lines > 1 and (end - start - n_lines + 1) / n_lines > 150:
        pos = start
        while pos <= end:
            nl = body.find("\n", pos, end)
            line_end = end if nl == -1 else nl
            s, e = _trim(body, pos, line_end)
            if s < e:
                out.append((s, e))
            pos = line_end + 1
    else:
        out.append((start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- layout: is the text hard-wrapped? ----------------------------------------------------


class _Layout(NamedTuple):
    width: int  # 0 when the text is not wrapped
    slack: int  # how far below the width a wrapped line may end


_NOT_WRAPPED = _Layout(0, 0)


def _first_word_len(line: str) -> int:
    """Length of the first word of a line, after indentation and e-mail quote marks."""
    s = line.lstrip().lstrip(">").lstrip()
    i = 0
    while i < len(s) and not s[i].isspace():
        i += 1
    return max(i, 1)


def _layout(body: str) -> _Layout:
    """Decide whether ``body`` is hard-wrapped, and at what width.

    Only line breaks followed by another non-blank line count. Greedy wrapping (what
    e-mail programs and editors do) breaks a line only when the next word would not fit,
    so most breaks are *tight*: line length + 1 + next word > width. When at least 35% of
    the breaks are tight (and at least three), the text is wrapped at the widest line. Text
    copied from a PDF (proportional fonts) is wrapped less tightly; it is recognised when
    at least 60% of the lines end within the last quarter of the widest line; a line break
    then counts as a wrap when the line ends within that last quarter.
    """
    pairs: list[tuple[int, int]] = []
    lines = body.split("\n")
    for a, b in itertools.pairwise(lines):
        la = len(a.rstrip())
        if la == 0 or la > 200 or not b.strip():
            continue
        pairs.append((la, _first_word_len(b)))
    if len(pairs) < 3:
        return _NOT_WRAPPED
    width = max(la for la, _ in pairs)
    if width < 30:
        return _NOT_WRAPPED
    tight = sum(1 for la, w in pairs if la + 1 + w > width - 1 and la >= 0.5 * width)
    if tight >= 3 and tight >= 0.35 * len(pairs):
        return _Layout(width, 1)
    near = sum(1 for la, _ in pairs if la >= 0.75 * width)
    if (
        width <= 130
        and near >= 0.6 * len(pairs)
        and statistics.median(la for la, _ in pairs) >= 0.75 * width
    ):
        return _Layout(width, width // 4)
    return _NOT_WRAPPED


def _is_wrap(layout: _Layout, line_len: int, next_word: int) -> bool:
    """True when a line break is layout (the next word would not have fitted)."""
    if not layout.width:
        return False
    return line_len + 1 + next_word > layout.width - layout.slack


# --- words around a candidate -------------------------------------------------------------


def _word_before(text: str, pos: int, floor: int) -> tuple[str, int]:
    """The non-space chunk ending at ``pos`` (without quotes, brackets, @ or #) and its start."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_OPENERS + "@#").rstrip(_CLOSERS), i


def _word_after(text: str, pos: int, ceiling: int) -> tuple[str, str, bool]:
    """(the next chunk, the same without leading openers, whether it had an opener)."""
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    j = i
    while j < ceiling and not text[j].isspace():
        j += 1
    chunk = text[i:j]
    word = chunk.lstrip(_OPENERS)
    return chunk, word, len(word) != len(chunk)


def _abbreviation_kind(word: str) -> str | None:
    """'before', 'number', 'either' or 'word' for a known abbreviation or initialism."""
    key = word.lower().rstrip(".")
    entry = _abbreviations().get(key)
    if entry is not None:
        kind, case = entry
        if case == "cap" and not word[:1].isupper():
            return None
        return kind
    if len(key) < 40 and _INITIALISM.fullmatch(word.rstrip(".")):
        return "either"
    return None


def _is_emoticon(chunk: str) -> bool:
    return bool(chunk) and (
        bool(_EMOTICON.fullmatch(chunk)) or all(_is_emoji(c) or c == "\ufe0f" for c in chunk)
    )


def _reporting_follows(text: str, pos: int, ceiling: int) -> bool:
    """A capitalised name (one to three words) then a reporting verb: ``Amadou asks him``."""
    i = pos
    for _ in range(4):
        while i < ceiling and text[i].isspace():
            i += 1
        j = i
        while j < ceiling and not text[j].isspace():
            j += 1
        word = text[i:j].strip(",.")
        if not word:
            return False
        if _REPORTING.fullmatch(word):
            return True
        if not word[0].isupper():
            return False
        i = j
    return False


# --- decisions ----------------------------------------------------------------------------


def _after_punctuation(
    text: str, m: re.Match[str], lo: int, hi: int, layout: _Layout
) -> tuple[bool, str]:
    """Does the end punctuation matched by ``m`` end a sentence? (decision, rule)."""
    punct, close = m.group("punct"), m.group("close")
    chunk, nxt, had_opener = _word_after(text, m.end(), hi)
    if not nxt:
        return True, "end punctuation before an opening mark"
    first = nxt[0]
    lower = first.islower()
    upper = first.isupper()
    before, before_start = _word_before(text, m.start(), lo)
    kind = _abbreviation_kind(before) if before else None

    # a deliberate line break after end punctuation ends the sentence
    gap_end = _skip_space(text, m.end(), hi)
    nl = text.find("\n", m.end(), gap_end)
    if nl != -1:
        line_len = m.end() - _line_start(text, lo, m.end())
        if not _is_wrap(layout, line_len, _first_word_len(text[nl + 1 : nl + 200])):
            return True, "end punctuation at a deliberate line break"
    if _is_emoticon(chunk):
        return False, "an emoticon after end punctuation belongs to the sentence"

    if "?" in punct or "!" in punct or "‽" in punct:
        if lower and close:
            return False, "?/! inside quotes or brackets, then a lower-case word"
        if chunk[:1] in "—–" or chunk.startswith("--"):
            return False, "?/! inside a dash aside (who could blame them? — that …)"
        quoted = close and any(c in _QUOTE_CLOSERS for c in close)
        if quoted and upper and _reporting_follows(text, m.end(), hi):
            return False, "a quoted question or exclamation, then 'Name said'"
        return True, "? or !"
    if "…" in punct or ".." in punct.replace(" ", "").replace("\t", ""):
        if upper or (had_opener and not lower):
            return True, "ellipsis before a capitalised word"
        return False, "ellipsis: the sentence trails on"
    if close and any(c in _QUOTE_CLOSERS for c in close):
        if lower:
            return False, "full stop inside quotes, then a lower-case word"
        if upper and _reporting_follows(text, m.end(), hi):
            return False, "a quoted sentence, then 'Name said'"
        return True, "full stop inside closing quotes"
    if not before:
        return (not lower), "a lone full stop"
    digit_next = first.isdigit() or (first in "+$£€#" and nxt[1:2].isdigit())
    lead = _LEAD_WORD.match(nxt)
    starter = lead is not None and lead.group() in _starters()
    bracket_next = had_opener and chunk[:1] in "([{"
    if kind == "before":
        return False, f"'{before}.' is written before a name or a number"
    if digit_next and (kind in ("number", "either") or (len(before) == 1 and before.isalpha())):
        return False, f"'{before}.' before a number"
    if kind == "number":
        if lower:
            return False, f"'{before}.' is an abbreviation"
        return True, f"'{before}.' (before a number only) at the end of a sentence"
    if kind == "either":
        if lower:
            return False, f"'{before}.' is an abbreviation, then a lower-case word"
        if starter:
            return True, f"'{before}.' then a typical sentence opener"
        if had_opener and not bracket_next and not lower:
            return True, f"'{before}.' then a quotation"
        return False, f"'{before}.' is an abbreviation, then no typical sentence opener"
    if kind == "word":
        return True, f"'{before}.' is a word, not an abbreviation"
    if len(before) == 1 and before.isalpha():
        if before == "I":
            return (not lower), "the pronoun I"
        if before.isupper():
            if starter and not lower:
                return True, "an initial? no: a typical sentence opener follows"
            return False, f"'{before}.' is an initial"
        if _in_list(text, before_start, lo, layout):
            return False, f"'{before}.' marks an item of a list"
        return True, f"'{before}.' is a one-letter word"
    if before.replace(",", "").replace(".", "").isdigit():
        if len(before) <= 3 and before.isdigit() and _in_list(text, before_start, lo, layout):
            return False, "a list number"
        return True, "a number at the end of a sentence"
    if lower:
        if _VOWEL.search(before):
            return True, "full stop, then a lower-case word (web text)"
        return False, f"'{before}.' has no vowel: an abbreviation"
    return True, "full stop"


def _line_start(text: str, lo: int, pos: int) -> int:
    i = text.rfind("\n", max(lo, pos - 400), pos)
    return lo if i == -1 else i + 1


def _in_list(text: str, pos: int, lo: int, layout: _Layout) -> bool:
    """Is the chunk starting at ``pos`` (``2.``, ``b.``) a list marker rather than a word?

    It is when it starts the paragraph or a line (unless that line break is a wrap), or
    when the word before it ends with a colon, a semicolon or a sentence (not an
    abbreviation: ``by Mar. 1.``), or is *and*/*or* (``items: 1. eggs; 2. milk; and 3.
    bread``).
    """
    i = pos
    while i > lo and text[i - 1] in " \t":
        i -= 1
    if i == lo:
        return True
    if text[i - 1] == "\n":
        prev_start = _line_start(text, lo, i - 1)
        nxt_word = _first_word_len(text[i : i + 100])
        return not _is_wrap(layout, i - 1 - prev_start, nxt_word)
    prev, _ = _word_before(text, i, max(lo, i - 100))
    raw = text[i - 1]
    if raw in ";:" or prev.lower() in ("and", "or"):
        return True
    # after a sentence that ended ("... eggs. 2. milk"), not after "Mar. 1."
    return raw in ".!?)" and bool(prev) and _abbreviation_kind(prev) is None and len(prev) > 1


def _after_line(line: str, nxt_line: str, layout: _Layout) -> tuple[bool, str] | None:
    """Does a line break end a sentence? None if end punctuation decides instead."""
    stripped = line.strip()
    nxt = nxt_line.lstrip()
    if not stripped or not nxt:
        return None
    if stripped.strip(">").strip() == "":
        return False, "an e-mail quote mark alone on a line"
    wrap = _is_wrap(layout, len(line.rstrip()), _first_word_len(nxt_line))
    if not wrap and _LIST_MARKER.match(nxt.lstrip(">").lstrip()):
        return True, "a list item starts on the next line"
    if stripped.startswith("#"):
        return True, "a Markdown heading"
    last = stripped[-1]
    if last in ".!?…‽" or (last in _CLOSERS and stripped.rstrip(_CLOSERS)[-1:] in ".!?…‽"):
        return None  # the punctuation rules decide (they know about line breaks)
    if wrap:
        return False, "a wrapped line (the next word did not fit)"
    words = stripped.split()
    tail = words[-1].lower()
    if last == ",":
        if len(words) <= 6:
            return True, "a short line ending in a comma (salutation or sign-off)"
        return False, "a long line ending in a comma runs on"
    if len(words[-1]) >= 3 and all(c in "-‐‑–—=_*~" for c in words[-1]):
        return True, "a line that ends in a rule (-----)"
    closing_straight = last in "\"'" and len(stripped) > 1 and not stripped[-2].isspace()
    if last in '-‐‑–—/&([{"“‘«' and not closing_straight:
        return False, "the line ends with a hyphen, dash or opening mark"
    if tail in _RUN_ON_WORDS:
        return False, f"the line ends with '{words[-1]}', which cannot end a sentence"
    if _is_emoticon(words[-1]) and nxt[:1].islower() and nxt.split()[0] in _CONJUNCTIONS:
        return False, "an emoticon, then a conjunction"
    return True, "a deliberate line break (a heading, a list or one sentence per line)"


def _block_breaks(text: str, lo: int, hi: int, layout: _Layout) -> dict[int, Break]:
    """Every candidate break inside one paragraph [lo, hi), keyed by offset."""
    found: dict[int, Break] = {}

    def add(offset: int, cut: bool, rule: str) -> None:
        offset = _skip_space(text, offset, hi)
        if lo < offset < hi and (offset not in found or cut):
            found[offset] = Break(offset, cut, rule)

    for m in _TERMINAL.finditer(text, lo, hi):
        if m.end() < hi:
            cut, rule = _after_punctuation(text, m, lo, hi, layout)
            add(m.end(), cut, rule)
    for m in _GLUED.finditer(text, lo, hi):
        if (
            m.start() - lo < 2
            or not ("a" <= text[m.start() - 1] <= "z")
            or not ("a" <= text[m.start() - 2] <= "z")
        ):
            continue  # glued sentences need a lower-case word of two letters or more
        a = max(lo, m.start() - 300)
        b = min(hi, m.end() + 300)
        left = text.rfind(" ", a, m.start()) + 1 or a
        right = text.find(" ", m.end(), b)
        chunk = text[left : right if right != -1 else b]
        if "://" in chunk or "@" in chunk or "www." in chunk:
            add(m.end(), False, "glued punctuation inside a web or e-mail address")
        else:
            add(m.end(), True, "glued sentences: 'word.Next' with no space")
    if "\n" in text[lo:hi]:
        pos = lo
        while True:
            nl = text.find("\n", pos, hi)
            if nl == -1:
                break
            nxt_end = text.find("\n", nl + 1, hi)
            line = text[pos:nl]
            nxt_line = text[nl + 1 : hi if nxt_end == -1 else nxt_end]
            decision = _after_line(line, nxt_line, layout)
            if decision is not None:
                add(nl + 1, *decision)
            pos = nl + 1
    for m in _RUN_ON.finditer(text, lo, hi):
        nxt = m.group(1)
        if nxt not in _run_on_starters():
            continue
        i = m.start()
        while i > lo and i > m.start() - 40 and not text[i - 1].isspace():
            i -= 1
        prev = text[i : m.start()]
        if not _LOWER_WORD.fullmatch(prev) or prev in _NOT_BEFORE_RUN_ON:
            continue
        after = _word_after(text, m.end(), hi)[1]
        if after[:1].isupper() and not after.startswith(("I ", "I'", "I’")) and after != "I":
            continue  # a title or a name: "told The Associated Press", "read In Cold Blood"
        add(m.start(1), True, f"no full stop, but '{nxt}' opens a new sentence after '{prev}'")
    for m in _SALUTATION.finditer(text, lo, hi):
        before = text[max(lo, m.start() - 3) : m.start()].rstrip()
        at_start = m.start() == lo or not before or before[-1] in ".!?\n"
        nxt = _word_after(text, m.end(), hi)[1]
        pronoun_i = nxt == "I" or nxt.startswith(("I'", "I’"))
        if at_start and nxt and (m.group().startswith("Dear") or not pronoun_i):
            add(m.end(), True, "a salutation ('Dear …,' 'Hi all,') is a line of its own")
    for m in _BULLET.finditer(text, lo, hi):
        b = m.start()
        if b - lo >= 2 and text[b - 1] in " \t" and not text[b - 2].isspace():
            add(b, True, "a list bullet inside running text")
    for start in _ICON_START.finditer(text, lo, hi):
        if start.start() > lo and not text[start.start() - 1].isspace():
            continue  # part of a longer chunk, not an emoticon standing alone
        icon = _ICON.match(text, start.start(), hi)
        if icon is None:
            continue
        chunk = icon.group(1)
        end = icon.end()
        _, nxt, _ = _word_after(text, end, hi)
        if not nxt or _is_emoticon(nxt.split()[0]):
            continue
        emoji = not _EMOTICON.fullmatch(chunk)
        if nxt[0].isupper() or nxt[0].isdigit():
            add(end, True, "an emoticon or emoji, then a capitalised word")
        elif not emoji and _LEAD_WORD.match(nxt) and nxt.split()[0] not in _CONJUNCTIONS:
            add(end, True, "an emoticon, then a new sentence")
    return found


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


@lru_cache(maxsize=32)
def _all_breaks(body: str) -> tuple[tuple[int, dict[int, Break]], ...]:
    layout = _layout(body)
    return tuple(
        (p, _block_breaks(body, lo, hi, layout)) for p, (lo, hi) in enumerate(paragraph_spans(body))
    )


@lru_cache(maxsize=32)
def sentence_spans(body: str) -> tuple[Span, ...]:
    """Every sentence of ``body`` as a :class:`Span` (cached for repeated calls on one text).

    >>> body = "It rained. We stayed in.\\n\\nThen it stopped."
    >>> [(s.start, s.end, s.paragraph, body[s.start:s.end]) for s in sentence_spans(body)]
    [(0, 10, 0, 'It rained.'), (11, 24, 0, 'We stayed in.'), (26, 42, 1, 'Then it stopped.')]
    """
    out: list[Span] = []
    paragraphs = paragraph_spans(body)
    for (p, breaks), (lo, hi) in zip(_all_breaks(body), paragraphs, strict=True):
        pos = lo
        for cut in sorted(o for o, b in breaks.items() if b.cut):
            s, e = _trim(body, pos, cut)
            if s < e:
                out.append(Span(s, e, p))
            pos = cut
        s, e = _trim(body, pos, hi)
        if s < e:
            out.append(Span(s, e, p))
    return tuple(out)


# --- public API ---------------------------------------------------------------------------


def _body(x: Document | str) -> str:
    if isinstance(x, str):
        return x
    from opedkit.document import as_document

    return as_document(x).body


def sentences(x: Document | str) -> list[str]:
    """The sentences of a text, or of a Document's body, in order.

    >>> sentences("Will they? (Nobody knows.) “It’s on,” he said. Mr. Kim came at 9 a.m. Then...")
    ['Will they?', '(Nobody knows.)', '“It’s on,” he said.', 'Mr. Kim came at 9 a.m.', 'Then...']
    """
    body = _body(x)
    return [body[s.start : s.end] for s in sentence_spans(body)]


def sentence_table(x: Document | str) -> pd.DataFrame:
    """One row per sentence, in order.

    Columns: ``sentence`` (0-based index, the position in :func:`sentences`), ``paragraph``
    (0-based index into ``Document.paragraphs``; add 1 for the paragraph number a reader
    counts), ``start`` and ``end`` (character offsets into the body: ``body[start:end]`` is
    the sentence), ``text``, and ``words`` (number of words, by :func:`opedkit.words`).

    >>> sentence_table("Hi there. Bye now!")[["sentence", "start", "end", "text", "words"]]
       sentence  start  end       text  words
    0         0      0    9  Hi there.      2
    1         1     10   18   Bye now!      2
    """

    from opedkit.tokenize import words

    body = _body(x)
    spans = sentence_spans(body)
    texts = [body[s.start : s.end] for s in spans]
    rows: dict[str, list[int] | list[str]] = {
        "sentence": list(range(len(spans))),
        "paragraph": [s.paragraph for s in spans],
        "start": [s.start for s in spans],
        "end": [s.end for s in spans],
        "text": texts,
        "words": [len(words(t)) for t in texts],
    }
    return _frame(rows, list(rows)).astype(
        {
            "sentence": "int64",
            "paragraph": "int64",
            "start": "int64",
            "end": "int64",
            "words": "int64",
        }
    )


def sentence_breaks(x: Document | str) -> pd.DataFrame:
    """Every place where a sentence might end, whether it did, and the rule that decided.

    Use it to see *why* the segmenter split (or did not split) a text. Columns: ``offset``
    (where the next sentence would start, an offset into the body), ``paragraph``
    (0-based), ``cut`` (True if a sentence ends there), ``rule`` (the rule, in words),
    ``before`` and ``after`` (up to 30 characters either side, line breaks shown as ⏎).

    >>> table = sentence_breaks("Mr. Kim left. Why?")
    >>> for row in table.itertuples():
    ...     print(row.offset, row.cut, row.rule)
    4 False 'Mr.' is written before a name or a number
    14 True full stop
    """

    body = _body(x)
    rows = []
    for p, breaks in _all_breaks(body):
        for b in sorted(breaks.values()):
            rows.append(
                {
                    "offset": b.offset,
                    "paragraph": p,
                    "cut": b.cut,
                    "rule": b.rule,
                    "before": body[max(0, b.offset - 30) : b.offset].replace("\n", "⏎"),
                    "after": body[b.offset : b.offset + 30].replace("\n", "⏎"),
                }
            )
    columns = ["offset", "paragraph", "cut", "rule", "before", "after"]
    return _frame({c: [r[c] for r in rows] for c in columns}, columns)


def _frame(columns: dict[str, list[Any]], order: list[str]) -> pd.DataFrame:
    """A DataFrame of these columns; text that pandas' string type cannot hold (a lone
    surrogate, which a Python ``str`` may contain) is kept in an object column instead."""
    import pandas as pd

    try:
        return pd.DataFrame(columns, columns=order)
    except UnicodeEncodeError:
        return pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})[order]
