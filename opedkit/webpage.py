"""Saved web pages: the op-ed's title, author, date and body, found by trafilatura, offline.

A page saved from a browser ("Save Page As… → Web Page, HTML only") holds the op-ed among
menus, share buttons, an author box, a comment form and a footer. :func:`from_html` hands
the page to `trafilatura <https://trafilatura.readthedocs.io/>`_ (Barbaresi 2021, ACL
System Demonstrations; the most accurate open-source main-text extractor in the ScrapingHub
and Bevendorff et al. 2023 benchmarks), which returns the main text and the page's metadata
(``<meta>`` tags, JSON-LD, ``<time>``). Nothing is fetched: the page is parsed as given,
and links, images and scripts in it are never followed or run.

How the Document is built:

* **title, author, date**: trafilatura's metadata (``og:title``/``<h1>``, ``author``
  meta/JSON-LD/byline, ``article:published_time``/``<time>``, as an ISO date). The date is
  taken from the markup only, never guessed from a year in the text ("© 2024"), so a
  page without a dated tag gets ``date == ""``.
* **body**: trafilatura's main text, one paragraph per block. The op-ed's end matter that
  sits *inside* the article's text (a disclaimer, a "Dr. X is a professor …" bio) is then
  split off by the same tail heuristics as :func:`opedkit.document.from_text`.
* **the top of the article**: trafilatura sometimes keeps the menu, the headline, the
  byline and the date above the first paragraph (old table layouts); lines above the
  headline become boilerplate, and "By …" and date lines right after it byline and date.
* **the rest of the page** is kept, not lost: every other block of visible text (menus,
  share buttons, the author box, comments, the footer) becomes a part of kind
  ``boilerplate`` (or ``bio`` for an "About the author" box, ``byline`` for a "By …" line),
  with the reason "left out of the article by trafilatura". A block whose words all
  appear in the article's text already (a layout cell holding the whole article, a menu
  listed above) is not repeated.

Fallback: when trafilatura finds no main text (a page with almost no markup, a fragment,
or a very short text), the visible text of the page is split into blocks and read by
:func:`opedkit.document.from_text`, and a :class:`UserWarning` says so; check
``Document.parts`` then. A page with no visible text at all raises
:class:`~opedkit.errors.InputError`.

>>> doc = from_html('''<html><head><title>Why we walk – Opinion</title>
... <meta name="author" content="Ann Lee"></head><body><nav>Home | News</nav>
... <article><h1>Why we walk – Opinion</h1><p>Walking to school is good for children, and
... the town should make it safer. Wider pavements would help more than any campaign.</p>
... <p>Could we start this year? The council has the money, and the parents are ready to
... help. It may be slower, but it will last longer than the last plan did.</p></article>
... <footer>© 2024 Town Post</footer></body></html>''', source="walk.html")
>>> doc.title, doc.author, doc.genre, len(doc.paragraphs)
('Why we walk – Opinion', 'Ann Lee', 'Opinion', 2)
>>> [p.kind for p in doc.parts if p.kind != "body"]
['title', 'byline', 'boilerplate', 'boilerplate']

Limits: trafilatura is tuned for news and blog pages; on unusual layouts (a page of many
short items, an op-ed split over several pages, text inside images or scripts) it can miss
paragraphs or keep a stray caption. Compare ``len(doc.paragraphs)`` with the page, and use
a ``.txt`` file with part markers (see :mod:`opedkit.document`) when it gets a page wrong.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from typing import Any

from opedkit.document import MAX_BYTES, Document, Part, from_text
from opedkit.errors import InputError

__all__ = ["from_html", "page_blocks"]

MAIN = "trafilatura's main text"
BODY_REASON = "the article's main text, found by trafilatura"
LEFT_OUT = "left out of the article by trafilatura (menus, sharing, comments, footer…)"

# Elements whose text is never shown to a reader.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select"}
)
# Inline elements: their text joins the block around them.
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "button", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "img", "input", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "time", "u", "var", "wbr",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
_BY = re.compile(r"^(?:by|written by)\s+", re.I)
_ABOUT = re.compile(r"^(?:about the authors?|about the writer|author bio|the author)\b:?", re.I)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def page_blocks(html: str) -> list[str]:
    """The visible text of a page, one string per block (paragraph, heading, list item…).

    Scripts, styles and the ``<head>`` are skipped; inline elements (links, emphasis,
    ``<time>``) join the block around them; white space is collapsed. Used for the parts of
    the page that are not the article, and as the fallback when trafilatura finds nothing.

    >>> page_blocks("<nav><a>Home</a> | <a>News</a></nav><p>One <b>two</b>.</p><script>x</script>")
    ['Home | News', 'One two.']
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises ParserError on empty or tag-less junk
        return [_norm(html)] if _norm(html) and "<" not in html else []
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        # two line breaks in a row (<br><br>) end a paragraph on pages laid out without <p>
        for chunk in re.split(r"\n[ \t\r\f\v]*\n", "".join(buffer)):
            text = _norm(chunk)
            if text:
                blocks.append(text)
        buffer.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in _HIDDEN:  # comments, processing instructions, hidden elements
            if el.tail:
                buffer.append(el.tail)
            return
        block = tag not in _INLINE
        if tag == "br":
            buffer.append("\n")
        if block:
            flush()
        if el.text:
            buffer.append(_SPACE.sub(" ", el.text))
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buffer.append(_SPACE.sub(" ", el.tail))

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return blocks


def _extract(html: str) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # dates from the page's markup only (meta tags, <time>, JSON-LD, the URL), never a
        # guess from a year in the text such as a copyright line
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _front_matter(title: str, author: str, date: str) -> str:
    lines = [f"{key}: {_norm(value)}" for key, value in (("title", title), ("author", author))]
    lines.append(f"date: {_norm(date)}")
    return "---\n" + "\n".join(line for line in lines if not line.endswith(": ")) + "\n---\n\n"


def _classify_leftover(block: str, title: str, author: str, bio_next: bool) -> tuple[str, str]:
    if title and block == _norm(title):
        return "title", "the page's headline (also in its metadata)"
    if author and author in block and len(block) <= len(author) + 40 and _BY.match(block):
        return "byline", "a 'By …' line on the page"
    if _ABOUT.match(block) and len(block) < 40:
        return "boilerplate", "the heading of the author box"
    if bio_next or _ABOUT.match(block):
        return "bio", "the author box ('About the author')"
    if author and len(block) > 60:
        surname = author.split()[-1]
        opening = block[: len(author) + 20]
        role = re.search(r"\b(?:is|was|serves as|works as)\s+(?:a|an|the)\b", block[:200])
        if (author in opening or opening.startswith(surname)) and role:
            return "bio", "opens with the author's name and a role"
    return "boilerplate", LEFT_OUT


_DATE_ONLY = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?(?:\w+day,?\s*)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:[\s,|·-]+\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,4})?)?$",
    re.I,
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
TOP = "at the top of trafilatura's main text"


def _split_top(lines: list[str], title: str) -> tuple[list[Part], list[str], str, str]:
    """Set apart what trafilatura keeps above the article's first paragraph.

    Old table-layout pages and some templates leave the menu, the headline, the byline and
    the date at the top of the main text. Lines above the headline (when it is among the
    first eight lines) are page furniture; after it, "By …" lines, date lines and lines
    without a letter are set apart. Returns (parts, remaining lines, byline, date line).
    """
    parts: list[Part] = []
    head = [_norm(line) for line in lines[:8]]
    if title and title in head and len(lines) > head.index(title) + 1:
        k = head.index(title)
        parts.extend(Part("boilerplate", line, f"above the headline, {TOP}") for line in lines[:k])
        lines = lines[k + 1 :]
    byline = date_line = ""
    while len(lines) > 1:
        first = _norm(lines[0])
        if _BY.match(first) and len(first) <= 80 and not byline:
            byline = first
            parts.append(Part("byline", first, f"a 'By …' line {TOP}"))
        elif _DATE_ONLY.match(first) and not date_line:
            date_line = first
            parts.append(Part("date", first, f"a date line {TOP}"))
        elif not _HAS_LETTER.search(first):
            parts.append(Part("boilerplate", first, f"a line without words {TOP}"))
        else:
            break
        lines = lines[1:]
    return parts, lines, byline, date_line


def _own_parts(parts: list[Part], *, has_title: bool) -> list[Part]:
    """from_text's parts of trafilatura's main text, with reasons that say where they are from.

    The headline is already known from the page's metadata, so a short first line that the
    text heuristics take for a title is a label or a subhead ("other"), and a first line
    that ends like a sentence stays body.
    """
    out: list[Part] = []
    for part in parts:
        if part.kind == "front-matter":
            continue
        kind, reason = part.kind, f"{part.reason} (in {MAIN})"
        if kind == "title" and has_title:
            if part.text.rstrip().endswith((".", "!", "?", "…", "”", '"')):
                kind, reason = "body", BODY_REASON
            else:
                kind, reason = "other", f"a short line {TOP}: a label or a subhead"
        elif kind == "body":
            reason = BODY_REASON
        out.append(Part(kind, part.text, reason))
    return out


def from_html(html: str, *, source: str = "<html>", max_chars: int = MAX_BYTES) -> Document:
    """Read a saved web page: title, author, date and body by trafilatura; the rest kept as parts.

    ``source`` names the page in messages and in ``Document.source``. Pages longer than
    ``max_chars`` characters raise :class:`~opedkit.errors.InputError` (the same limit as
    :func:`opedkit.load`). When trafilatura finds no article the whole visible text is used
    (with a warning); see the module docs.
    """
    if not isinstance(html, str):
        raise TypeError(f"from_html needs the page as a str, got {type(html).__name__}")
    if len(html) > max_chars:
        raise InputError(
            f"the page is {len(html) / 1e6:.1f} million characters, over the "
            f"{max_chars / 1e6:.0f} million limit for one op-ed",
            path=source,
            hint="save only the article's page, or pass max_chars= if you really mean it",
        )
    if not html.strip():
        raise InputError("the page is empty", path=source, hint="save the page again")

    result = _extract(html) if "<" in html else None
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    blocks = page_blocks(html)

    if not text:
        if not blocks:
            raise InputError(
                "has no visible text (only markup, scripts or images)",
                path=source,
                hint="save the page as 'Web Page, HTML only' after it has loaded, or copy "
                "the article's text into a .txt file",
            )
        warnings.warn(
            f"{source}: trafilatura found no article in this page, so all of its visible "
            "text was read with opedkit's plain-text rules; check Document.parts",
            UserWarning,
            stacklevel=2,
        )
        doc = from_text("\n\n".join(blocks), source=source)
        return doc

    title = _norm(getattr(result, "title", None) or "")
    author = _norm(getattr(result, "author", None) or "")
    date = _norm(getattr(result, "date", None) or "")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    extracted = {_norm(line) for line in lines}
    top_parts, lines, byline, date_line = _split_top(lines, title)
    if not author and byline:
        author = _BY.sub("", byline).strip()
    date = date or date_line
    doc = from_text(_front_matter(title, author, date) + "\n\n".join(lines), source=source)

    head_parts: list[Part] = []
    if title:
        head_parts.append(Part("title", title, "the page's metadata, read by trafilatura"))
    head_parts.extend(top_parts)
    tail_parts: list[Part] = []
    body_blocks = {_norm(p) for p in doc.paragraphs}
    seen_body = False
    bio_next = False
    extracted_words = {w for line in extracted for w in _WORD.findall(line.lower())}
    for block in blocks:
        if block in body_blocks:
            seen_body = True
        if block in extracted or block in body_blocks:
            continue
        words = _WORD.findall(block.lower())
        if words and all(w in extracted_words for w in words):
            continue  # the article again (a cell holding it all), or a menu already listed
        kind, reason = _classify_leftover(block, title, author, bio_next)
        bio_next = reason == "the heading of the author box"
        if kind == "title":
            continue  # already the title part
        if kind == "byline":
            if byline:
                continue
            byline = block
        part = Part(kind, block, reason)
        (tail_parts if seen_body else head_parts).append(part)
    if author and not byline:
        byline = author
        head_parts.insert(1 if title else 0, Part("byline", author, "the page's metadata"))
    if date and not date_line:
        head_parts.append(Part("date", date, "the page's metadata, read by trafilatura"))

    own = _own_parts(doc.parts, has_title=bool(title))
    parts = head_parts + own + tail_parts
    paragraphs = [p.text for p in parts if p.kind == "body"]

    def joined(kind: str) -> str:
        return "\n\n".join(p.text for p in parts if p.kind == kind)

    return dataclasses.replace(
        doc,
        body="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        title=title or doc.title,
        author=author or doc.author,
        date=date or doc.date,
        byline=byline,
        bio=joined("bio"),
        boilerplate=joined("boilerplate"),
        parts=parts,
    )
