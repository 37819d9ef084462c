"""Words: the one tokenizer every opedkit counter shares.

A *token* is a run of characters with a kind. Every token carries ``start`` and ``end``
offsets such that ``text[start:end] == token.text``; tokens are in order and never overlap,
and every character of the text that is not white space (or an invisible format character
such as a zero-width space) belongs to exactly one token.

``word``
    letters and digits, joined across

    * an apostrophe followed by a letter: ``don't``, ``Korea’s``, ``rock'n'roll``
      (``'``, ``’`` and ``ʼ`` all count). A trailing apostrophe (``students’``) is
      punctuation, because it cannot be told apart from a closing single quote;
    * a hyphen between letters or digits: ``Kim Jong-un`` gives ``Kim`` and ``Jong-un``;
      ``counter-balance``, ``state-of-the-art``, ``COVID-19`` are one word each. A hyphen
      at the end of a word (``pre- and post-war``) or at a line break (``counter-⏎balance``)
      is punctuation;
    * a soft hyphen (U+00AD), zero-width space, zero-width (non-)joiner or word joiner inside
      a word: invisible in print, so they do not split it.

    Combining accents stay with their letter (a decomposed ``é`` is one letter). Letters
    and digits mixed (``3rd``, ``1990s``, ``H2O``, ``10km``) make a word. An apostrophe
    before two digits (``’90s``, ``'20s``, ``’99``) marks left-out century digits and is part
    of the token. Chinese and Japanese characters are not separated by spaces, and opedkit
    has no dictionary to find their words: each Han character or kana is one ``word``
    token, a rough stand-in. Korean (Hangul) is written with spaces and is split at them.
``number``
    digits, with ``.`` or ``,`` between digits (``3.5``, ``1,000``, ``1,000,000.50``), a
    hyphen or en dash between digits (``1950-1953``, ``1950–1953``, ``555-0147``), a colon
    (``9:30``, ``2:21:48``) or a slash (``24/7``, ``11/16``) between digits: one token, as a
    reader would say it. Signs and units are punctuation of their own: ``$5`` is ``$`` and
    ``5``; ``5%`` is ``5`` and ``%``; ``-3`` is ``-`` and ``3``. A no-break space inside a
    number (French ``10 000``) separates two numbers.
``abbr``
    dotted abbreviations and initialisms: ``U.S.``, ``e.g.``, ``i.e.``, ``Ph.D.``, ``a.m.``
    (the final dot belongs to the token). A one-word abbreviation such as ``Dr.`` or
    ``etc.`` is the word ``Dr`` and the punctuation ``.``.
``url`` / ``email``
    web addresses (``https://…``, ``www.…``, and bare domains with a common ending such as
    ``Amazon.com`` or ``example.org/page``) and e-mail addresses, kept whole; punctuation at
    the end (``.``, ``,``, ``)``…) is left out.
``punct``
    any other single visible character (``%``, ``$``, quotes, dashes, ``?``), or one emoji
    together with its modifiers (skin tone, variation selector, a zero-width-joiner
    sequence such as a family, or a two-letter flag).

*Words* (what readability formulas and densities count) are the ``word``, ``number`` and
``abbr`` tokens. URLs and e-mail addresses are not counted as words: they are not prose.

White space is any character Python counts as space (``str.isspace``), including the
no-break space (U+00A0). Time is linear in the length of the text.

>>> words("Kim Jong-un's visit (1950-1953) cost 3.5% of the U.S. budget.")
['Kim', "Jong-un's", 'visit', '1950-1953', 'cost', '3.5', 'of', 'the', 'U.S.', 'budget']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from opedkit.document import Document

# Chinese and Japanese characters: each is one token (no word segmentation available).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Combining marks (so a decomposed "é" stays one letter).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ALNUM = rf"(?:[^\W_{_CJK}]|[{_MARKS}])"
_ALPHA = rf"(?:[^\W\d_{_CJK}]|[{_MARKS}])"
_APOS = "'’ʼ"
_HYPHENS = "\\-\u2010\u2011"
# Invisible characters that may sit inside a word without splitting it.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# Invisible format characters that make no token when they stand alone.
_FORMAT = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
# Emoji: pictographs, dingbats and symbols; modifiers; flags (two regional indicators).
_PICTO = "\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001f2ff"
_EMOJI = (
    rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}"
    rf"|[{_PICTO}][\ufe0f\U0001f3fb-\U0001f3ff]*"
    rf"(?:\u200d[{_PICTO}][\ufe0f\U0001f3fb-\U0001f3ff]*)*)"
)
_TLDS = "com|org|net|edu|gov|mil|int|info|biz|io|co|ai|app|dev|me|tv|ly|uk|us|ca|au|de|fr|eu"

# What may follow a run of plain ASCII letters or digits for it to be a whole word or number
# token, whatever the alternatives below would try (see _TOKEN_RE).
_PLAIN_END = r"""(?=[\s;!?)"”]|[.,](?:\s|\Z)|\Z)"""

_TOKEN_RE = re.compile(
    rf"""
    # White space before a token is taken into the match (the token's own offsets come from
    # its group): the engine then skips a run of spaces in one step instead of trying every
    # alternative at every space. Only the first character of a run may start a match
    # (the lookbehind), so a run that no token follows (white space then an invisible format
    # character, or the end of the text) is given up once, not once per character: linear.
    (?<!\s)\s*+
    (?:
    # Fast paths, tried first because most tokens of prose are plain: a run of ASCII letters
    # (or of ASCII digits) followed by white space, the end of the text or punctuation that
    # joins nothing (not an apostrophe, hyphen, '@', ':' or a '.' or ',' before more text),
    # and a mark that no other alternative could start. Every alternative below would give
    # exactly the same token at such a place (the url, email and abbr alternatives need a
    # '.', ':' or '@' right after the run; the word joiners need an apostrophe, a hyphen or
    # a digit before '.' or ','), so these only save the engine from trying them in turn.
    (?P<plain_word>[A-Za-z]++{_PLAIN_END})
  | (?P<plain_number>[0-9]++{_PLAIN_END})
  | (?P<plain_punct>[,;:!?()"“”—]|\.(?=\s|\Z))
  | (?P<url>
        (?:https?://|www\.)[^\s<>"'“”‘’]*[^\s<>"'“”‘’.,;:!?)\]}}]
      | (?<![\w@.])[A-Za-z0-9][\w-]*+(?:\.[\w-]++){{0,6}}?\.(?:{_TLDS})\b(?!\.\w)
        (?:/(?:[^\s<>"'“”‘’]*[^\s<>"'“”‘’.,;:!?)\]}}])?)?
    )
  | (?P<email>[\w.+-]{{1,64}}+@[\w-]+(?:\.[\w-]+)+)
  | (?P<abbr>(?:{_ALPHA}{{1,2}}\.)(?:{_ALPHA}{{1,2}}\.)+)
  | (?P<decade>(?<![^\W_])[{_APOS}]\d\d(?:s\b|(?!\w)))
  | (?P<word>{_ALNUM}+
        (?:
            (?:[{_APOS}](?={_ALPHA})
              | [{_HYPHENS}](?={_ALNUM})
              | (?<=\d)[.,:/](?=\d)
              | (?<=\d)–(?=\d)
              | [{_INVISIBLE}](?={_ALNUM})
            ){_ALNUM}+
        )*
    )
  | (?P<cjk>[{_CJK}])
  | (?P<emoji>{_EMOJI})
  | (?P<punct>[^\s{_FORMAT}])
    )
    """,
    re.VERBOSE,
)

_HAS_LETTER = re.compile(_ALPHA)
_KIND_OF_GROUP = {
    "plain_word": "word",
    "plain_number": "number",
    "plain_punct": "punct",
    "decade": "word",
    "cjk": "word",
    "emoji": "punct",
}

#: Token kinds that count as words.
WORD_KINDS = frozenset({"word", "number", "abbr"})
#: Every token kind, in the order the module docstring describes them.
KINDS = ("word", "number", "abbr", "url", "email", "punct")


class Token(NamedTuple):
    """One token: its text, its offsets in the text it came from, and its kind."""

    text: str
    start: int
    end: int
    kind: str


def _text_of(x: Document | str) -> str:
    if isinstance(x, str):
        return x
    from opedkit.document import as_document

    return as_document(x).body


def tokens(x: Document | str) -> list[Token]:
    """Split a text (or a Document's body) into tokens with offsets and kinds.

    >>> [(t.text, t.kind) for t in tokens("Isn't it 3.5%?")]
    [("Isn't", 'word'), ('it', 'word'), ('3.5', 'number'), ('%', 'punct'), ('?', 'punct')]
    >>> [(t.text, t.kind) for t in tokens("See www.x.org, or me@x.org. In the ’90s 👍🏽!")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('See', 'word'), ('www.x.org', 'url'), (',', 'punct'), ('or', 'word'),
     ('me@x.org', 'email'), ('.', 'punct'), ('In', 'word'), ('the', 'word'),
     ('’90s', 'word'), ('👍🏽', 'punct'), ('!', 'punct')]
    """
    text = _text_of(x)
    if len(text) <= _CACHE_MAX_CHARS:
        return list(_cached_tokens(text))
    return _scan(text)


# Every counter (readability, stance, questions, attribution) tokenizes the same body; an
# op-ed-sized text is scanned once and the result reused. Big texts are not cached, so the
# cache never holds more than a few megabytes.
_CACHE_MAX_CHARS = 200_000


@lru_cache(maxsize=16)
def _cached_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_scan(text))


@lru_cache(maxsize=16)
def _cached_starts(text: str) -> list[int]:
    return [t.start for t in _cached_tokens(text)]


def span_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text`` (not into the slice).

    The same tokens as ``tokens(text[start:end])``, each moved by ``start``: the slice is
    tokenized on its own, as if nothing stood around it. When white space (or the edge of
    ``text``) stands on both sides of the slice, no token can cross its edges and no rule
    looks past white space, so the tokens are taken from the (cached) tokens of the whole
    text instead of scanning the slice again: counters that read a text sentence by sentence
    pay for one scan.

    >>> text = "It rained. Was it 3.5 mm?"
    >>> [(t.text, t.start) for t in span_tokens(text, 11, 25)]
    [('Was', 11), ('it', 15), ('3.5', 18), ('mm', 22), ('?', 24)]
    """
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return []
    clean_edges = (start == 0 or text[start - 1].isspace()) and (
        end == len(text) or text[end].isspace()
    )
    if clean_edges and len(text) <= _CACHE_MAX_CHARS:
        starts = _cached_starts(text)
        return list(_cached_tokens(text)[bisect_left(starts, start) : bisect_left(starts, end)])
    new = tuple.__new__
    return [
        new(Token, (t.text, t.start + start, t.end + start, t.kind)) for t in _scan(text[start:end])
    ]


def _scan(text: str) -> list[Token]:
    out: list[Token] = []
    add = out.append
    new = tuple.__new__  # Token(...) without the Python-level __new__ (this loop is hot)
    kind_of = _KIND_OF_GROUP.get
    has_letter = _HAS_LETTER.search
    for m in _TOKEN_RE.finditer(text):
        # the token is the one group that matched (the white space before it is not):
        # read it by number, the cheapest way; most tokens are plain words
        group = m.lastgroup
        i = m.lastindex or 0
        if group == "plain_word":
            add(new(Token, (m[i], m.start(i), m.end(i), "word")))
            continue
        kind = kind_of(group, group) if group else "punct"
        piece = m[i]
        if (group == "word" or group == "decade") and not has_letter(piece):
            kind = "number"
        add(new(Token, (piece, m.start(i), m.end(i), kind)))
    return out


def word_tokens(x: Document | str) -> list[Token]:
    """The tokens that count as words (kinds ``word``, ``number`` and ``abbr``).

    >>> [t.text for t in word_tokens("Email me@x.org by 5 p.m.!")]
    ['Email', 'by', '5', 'p.m.']
    """
    return [t for t in tokens(x) if t.kind in WORD_KINDS]


def words(x: Document | str) -> list[str]:
    """The words of a text, in order (see the module docstring for what counts as a word).

    >>> words("North Korea’s counter-balance — or not?")
    ['North', 'Korea’s', 'counter-balance', 'or', 'not']
    """
    return [t.text for t in word_tokens(x)]
