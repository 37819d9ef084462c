"""Words: the one tokenizer every opedkit counter shares.

A *token* is a run of characters with a kind:

``word``
    letters and digits, joined across an apostrophe followed by a letter (``don't``,
    ``Korea’s``), a hyphen between letters or digits (``Kim Jong-un`` gives ``Kim`` and
    ``Jong-un``; ``counter-balance``; ``COVID-19``), and soft hyphens or zero-width joiners
    inside a word. Combining accents stay with their letter.
``number``
    digits, with ``.`` or ``,`` between digits (``3.5``, ``1,000``) and a hyphen or en dash
    between digits (``1950-1953``, ``1950–1953``): one token, as a reader would say it.
``abbr``
    dotted abbreviations and initialisms: ``U.S.``, ``e.g.``, ``i.e.``, ``Ph.D.``, ``a.m.``
    (the final dot belongs to the token).
``url`` / ``email``
    web addresses and e-mail addresses, kept whole (trailing punctuation excluded).
``punct``
    any other single non-space character (``%``, ``$``, quotes, dashes, ``?``).

*Words* (what readability formulas and densities count) are the ``word``, ``number`` and
``abbr`` tokens. URLs and e-mail addresses are not counted as words: they are not prose.

Every token carries ``start`` and ``end`` offsets such that ``text[start:end] == token.text``.

>>> words("Kim Jong-un's visit (1950-1953) cost 3.5% of the U.S. budget.")
['Kim', "Jong-un's", 'visit', '1950-1953', 'cost', '3.5', 'of', 'the', 'U.S.', 'budget']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from opedkit.document import Document

# Letters and digits, plus combining marks (so a decomposed "é" stays one letter).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ALNUM = rf"(?:[^\W_]|[{_MARKS}])"
_ALPHA = rf"(?:[^\W\d_]|[{_MARKS}])"
_APOS = "'’ʼ"
_HYPHENS = "\\-\u2010\u2011"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"

_TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"'“”‘’]*[^\s<>"'“”‘’.,;:!?)\]}}])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<abbr>(?:{_ALPHA}{{1,2}}\.)(?:{_ALPHA}{{1,2}}\.)+)
  | (?P<word>{_ALNUM}+
        (?:
            (?:[{_APOS}](?={_ALPHA})
              | [{_HYPHENS}](?={_ALNUM})
              | (?<=\d)[.,](?=\d)
              | (?<=\d)–(?=\d)
              | [{_INVISIBLE}](?={_ALNUM})
            ){_ALNUM}+
        )*
    )
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)

_HAS_LETTER = re.compile(_ALPHA)

#: Token kinds that count as words.
WORD_KINDS = frozenset({"word", "number", "abbr"})


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
    """
    text = _text_of(x)
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "word" and not _HAS_LETTER.search(m.group()):
            kind = "number"
        out.append(Token(m.group(), m.start(), m.end(), kind))
    return out


def word_tokens(x: Document | str) -> list[Token]:
    """The tokens that count as words (kinds ``word``, ``number`` and ``abbr``)."""
    return [t for t in tokens(x) if t.kind in WORD_KINDS]


def words(x: Document | str) -> list[str]:
    """The words of a text, in order (see the module docstring for what counts as a word).

    >>> words("North Korea’s counter-balance — or not?")
    ['North', 'Korea’s', 'counter-balance', 'or', 'not']
    """
    return [t.text for t in word_tokens(x)]
