"""The text model: a :class:`Document` knows which words are the op-ed's body.

A saved op-ed page holds more than the op-ed: a title with a genre label ("– OpEd"), a
byline, the author's bio, share buttons, a comment form, a copyright line. Measures must see
the body only, so :func:`load` splits a file into parts and keeps every part (nothing is
dropped: ``Document.parts`` lists them all, in order, with the reason each was classified
the way it was).

How the parts are found, in order of precedence:

1. **Front matter** (a teacher's explicit metadata), a block at the very top::

       ---
       title: North Korea-Russia Relations And Global Implications
       author: Sahibzada Muhammad Usman
       date: 2023-09-10
       genre: OpEd
       ---

2. **Part markers**, HTML comments on a line of their own, each starting a part that runs to
   the next marker: ``<!-- opedkit: body -->``, ``<!-- opedkit: bio -->``,
   ``<!-- opedkit: boilerplate -->``, ``<!-- opedkit: byline -->``, ``<!-- opedkit: title -->``,
   ``<!-- opedkit: other -->``. When a file has markers, no heuristics are applied to it.
3. **Heuristics** (see :func:`from_text`): the first short line is the title (a trailing
   genre label such as "– OpEd" is noted as ``genre``); a "By …" line or a date line under
   it is byline/date; at the end, page furniture ("Leave a Reply", "Your email address will
   not be published", "©", "All rights reserved", "Share this", "Related"…) is boilerplate, a
   paragraph that begins "About the author" or opens with the author's name followed by
   "is a/an/the …" is the bio, and a short name-like line just before it is the byline.
   Everything between is body.

>>> doc = bundled()
>>> doc.title
'North Korea-Russia Relations And Global Implications – OpEd'
>>> doc.author, doc.genre, len(doc.paragraphs)
('Dr. Sahibzada Muhammad Usman', 'OpEd', 10)
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from opedkit.errors import InputError

#: Files larger than this are refused (an op-ed is about 5–20 kB; 10 MB is a thousand op-eds).
MAX_BYTES = 10_000_000
BUNDLED_NAME = "oped_north_korea_russia_2023.txt"
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PART_KINDS = ("title", "byline", "date", "body", "bio", "boilerplate", "front-matter", "other")


@dataclass(frozen=True)
class Part:
    """One piece of the input, its kind (one of ``PART_KINDS``) and why it got that kind."""

    kind: str
    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    """An op-ed split into its parts; measures use :attr:`body`.

    Attributes:
        title: the headline as printed (with any genre label), or ``""``.
        author: from the byline or front matter, or ``""``.
        body: the op-ed's own text: paragraphs joined by a blank line.
        paragraphs: the body paragraphs, in order.
        bio: the author's bio, or ``""``.
        boilerplate: page furniture (comment form, share buttons, copyright), or ``""``.
        genre: a genre label found in the title or front matter ("OpEd"), or ``""``.
        date: a publication date if one was given or found, else ``""``.
        byline: the byline line as printed, or ``""``.
        source: where the text came from (a path, ``"<string>"``, ``"<stdin>"``).
        parts: every piece of the input, in order, with its kind and the reason.
        links: web addresses removed from Markdown links in the body (kept, not lost).
    """

    title: str = ""
    author: str = ""
    body: str = ""
    paragraphs: list[str] = field(default_factory=list)
    bio: str = ""
    boilerplate: str = ""
    genre: str = ""
    date: str = ""
    byline: str = ""
    source: str = "<string>"
    parts: list[Part] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        words = len(self.body.split())
        return (
            f"Document(title={self.title!r}, author={self.author!r}, "
            f"paragraphs={len(self.paragraphs)}, words≈{words}, source={self.source!r})"
        )


# --- coercion ------------------------------------------------------------------------------


def as_document(x: Document | str | Path) -> Document:
    """Return ``x`` as a Document: a Document as is, a ``str`` as all body, a Path loaded.

    >>> as_document("One paragraph.\\n\\nAnother one.").paragraphs
    ['One paragraph.', 'Another one.']
    """
    if isinstance(x, Document):
        return x
    if isinstance(x, Path):
        return load(x)
    if isinstance(x, str):
        from opedkit.segment import paragraph_spans

        paras = [x[s:e] for s, e in paragraph_spans(x)]
        return Document(body=x, paragraphs=paras, parts=[Part("body", x, "given as a string")])
    raise TypeError(
        f"expected a Document or a str (the text itself), got {type(x).__name__}; "
        "use opedkit.load(path) for a file"
    )


# --- reading files -------------------------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if str(path) == "":
        raise InputError("no file name given", hint="pass the path of a .txt, .md or .html file")
    if not path.exists():
        raise InputError(
            "no such file",
            path=path,
            hint=f"check the name and the folder (the path is relative to {Path.cwd()})",
        )
    if path.is_dir():
        raise InputError(
            "is a folder, not a file",
            path=path,
            hint="give one .txt, .md or .html file (for a folder of op-eds use "
            "opedkit.profile_corpus or 'opedkit profile FOLDER')",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one op-ed",
            path=path,
            hint="split it into separate texts, or pass max_bytes= to load() if you really mean it",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot be read ({exc.strerror})", path=path, hint="check the file's permissions"
        ) from exc


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and control / len(head) > 0.05


def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM); else Windows-1252 with a warning.

    Line endings are normalised to ``\\n``. Binary data raises :class:`InputError`.
    """
    if _looks_binary(data):
        raise InputError(
            "looks like a binary file (it contains NUL or control bytes), not text",
            path=path,
            hint="save the op-ed as plain text (.txt), Markdown (.md) or a web page (.html)",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                path=path,
                hint="re-save it as UTF-8 (most editors: Save As… → Encoding: UTF-8)",
            ) from exc
        warnings.warn(
            f"{path}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "read it as Windows-1252. Re-save it as UTF-8 if the accents look wrong.",
            UnicodeWarning,
            stacklevel=3,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def load(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read an op-ed from a ``.txt``, ``.md`` or saved ``.html`` file and find its parts.

    Raises :class:`~opedkit.errors.InputError` (naming the file, the problem and what to do)
    for a missing path, a folder, a file over ``max_bytes``, binary data, or undecodable text.
    """
    p = Path(path)
    data = _read_bytes(p, max_bytes)
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _sniff_html(data)):
        from opedkit.webpage import from_html

        return from_html(decode(data, p), source=str(p))
    text = decode(data, p)
    return from_text(text, source=str(p), markdown=suffix in {".md", ".markdown"})


def _sniff_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def bundled() -> Document:
    """The op-ed this workbook is about: "North Korea-Russia Relations And Global
    Implications – OpEd" (Sahibzada Muhammad Usman, Eurasia Review, September 2023)."""
    text = resources.files("opedkit.data").joinpath(BUNDLED_NAME).read_text("utf-8")
    return from_text(text, source=f"opedkit/data/{BUNDLED_NAME}")


# --- heuristics ------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_MARKER = re.compile(
    r"^[ \t]*<!--\s*opedkit\s*:\s*(?P<kind>body|bio|boilerplate|byline|title|other)\s*-->[ \t]*$",
    re.M | re.I,
)
_GENRE = re.compile(
    r"\s*[-–—|:]\s*(?P<genre>op-?ed|opinion|commentary|analysis|editorial|column|essay|"
    r"perspective|viewpoint|guest essay)\s*$",
    re.I,
)
_GENRE_PREFIX = re.compile(
    r"^(?P<genre>op-?ed|opinion|commentary|analysis|editorial|guest essay)\s*[|:–—-]\s*", re.I
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted)(?: on)?:?\s*)?(?:\w+day,?\s*)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})(?:[\s,]+\d{{1,2}}:\d{{2}}.*)?$",
    re.I,
)
_BY_LINE = re.compile(r"^(?:by|written by)\s+(?P<name>.+)$", re.I)
_BOILERPLATE = re.compile(
    r"leave a (?:reply|comment)|your email address will not be published|required fields are "
    r"marked|post comment|save my name|^comments?\s*(?:\(\d+\))?$|©|\(c\)\s*\d{4}|copyright|"
    r"all rights reserved|^share(?: this)?\b|click to share|^related(?: posts| articles| stories)?"
    r":?$|subscribe|newsletter|^follow us|^sign up|^advertisement$|^tags?:|^filed under|"
    r"^read more\b|^print this|^photo:|^image:|^(?:photo|image) credit|cookie|privacy policy|"
    r"terms of (?:use|service)|^the views expressed|views and opinions expressed|"
    r"^this article (?:was|first) (?:originally )?(?:published|appeared)|^editor'?s note",
    re.I | re.M,
)
_BIO_OPEN = re.compile(r"^(?:about the authors?|about the writer|author bio|the author)\b:?", re.I)
_BIO_ROLE = re.compile(
    r"\b(?:is|was|serves as|works as)\s+(?:a|an|the|currently|also|former|senior|"
    r"associate|assistant)\b",
    re.I,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|de|da|van|von|bin|al|el|la|le|and|&)$")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _is_name_line(line: str) -> bool:
    """A short line of capitalised words: a byline such as 'Dr. Sahibzada Muhammad Usman'."""
    s = line.strip().strip("*_ ").lstrip("—–- ")
    s = _BY_LINE.sub(lambda m: m.group("name"), s)
    if not s or len(s) > 80 or (s[-1:] in ".?!:;" and not s.endswith(("Jr.", "Sr."))):
        return False
    words = s.replace(",", " ").split()
    if not 1 < len(words) <= 8:
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _clean_byline(line: str) -> str:
    s = line.strip().strip("*_ ").lstrip("—–- ").strip()
    m = _BY_LINE.match(s)
    return m.group("name").strip() if m else s


def _strip_markdown(text: str, links: list[str]) -> str:
    def link(m: re.Match[str]) -> str:
        links.append(m.group(2))
        return m.group(1)

    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s{0,3}(?:#{1,6}\s+|>\s?)", "", line)
        line = _MD_LINK.sub(link, line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out)


def _blocks(text: str) -> list[str]:
    from opedkit.segment import paragraph_spans

    return [text[s:e] for s, e in paragraph_spans(text)]


def _parse_front_matter(text: str) -> tuple[dict[str, str], str, str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, "", text
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, m.group(0), text[m.end() :]


def _by_markers(text: str) -> list[Part]:
    parts: list[Part] = []
    matches = list(_MARKER.finditer(text))
    head = text[: matches[0].start()].strip()
    if head:
        parts.append(Part("other", head, "before the first <!-- opedkit: … --> marker"))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        chunk = text[m.end() : end].strip()
        kind = m.group("kind").lower()
        if kind == "body":
            for block in _blocks(chunk):
                parts.append(Part("body", block, "marked <!-- opedkit: body -->"))
        elif chunk:
            parts.append(Part(kind, chunk, f"marked <!-- opedkit: {kind} -->"))
    return parts


def _by_heuristics(blocks: list[str], meta: dict[str, str]) -> list[Part]:
    kinds: list[str] = ["body"] * len(blocks)
    reasons: list[str] = ["between the header and the end matter"] * len(blocks)
    n = len(blocks)

    # --- head: title, byline and date lines at the top
    i = 0
    if n > 1 and "title" not in meta:
        first = blocks[0]
        if "\n" not in first and len(first) <= 200 and not re.search(r"[.!?]\W*$", first[-3:]):
            kinds[0], reasons[0] = "title", "first line: short and without a full stop"
            i = 1
    while i < n - 1 and "\n" not in blocks[i] and len(blocks[i]) <= 120:
        line = blocks[i].strip().strip("*_ ")
        if _BY_LINE.match(line):
            kinds[i], reasons[i] = "byline", "a 'By …' line at the top"
        elif _DATE_LINE.match(line):
            kinds[i], reasons[i] = "date", "a date line at the top"
        else:
            break
        i += 1
    top = i

    # --- tail: boilerplate, bio and byline, scanning up from the end
    j = n - 1
    author_hint = meta.get("author", "")
    while j >= top + 1:
        block = blocks[j]
        first_line = block.strip().split("\n")[0]
        if _BOILERPLATE.search(block) and len(block) < 600:
            kinds[j], reasons[j] = (
                "boilerplate",
                "page furniture (comment form, sharing, copyright…)",
            )
        elif _BIO_OPEN.match(first_line):
            kinds[j], reasons[j] = "bio", "opens with 'About the author'"
        elif _is_name_line(block) and "\n" not in block:
            kinds[j], reasons[j] = "byline", "a short line of capitalised words after the body"
            author_hint = author_hint or _clean_byline(block)
        elif _looks_like_bio(block, blocks, j, author_hint):
            kinds[j], reasons[j] = (
                "bio",
                "about the author: opens with the author's name and a role",
            )
        elif _DATE_LINE.match(first_line.strip()) and "\n" not in block:
            kinds[j], reasons[j] = "date", "a date line after the body"
        else:
            break
        j -= 1
    # a byline directly above the end matter may precede the bio: already handled above.
    # Blocks in the middle that are only page furniture ("Advertisement", "Read more: …")
    for k in range(top, j + 1):
        block = blocks[k]
        if len(block) < 120 and "\n" not in block and _BOILERPLATE.search(block):
            kinds[k], reasons[k] = "boilerplate", "a page-furniture line inside the article"
    return [Part(kind, b, r) for kind, b, r in zip(kinds, blocks, reasons, strict=True)]


def _looks_like_bio(block: str, blocks: list[str], j: int, author: str) -> bool:
    head = block[:200]
    if author:
        surname = author.split()[-1]
        if (
            head.startswith(author)
            or head.startswith(surname)
            or re.match(rf"^(?:Dr\.|Prof\.|Mr\.|Ms\.|Mrs\.)?\s*{re.escape(surname)}\b", head)
        ):
            return bool(_BIO_ROLE.search(head))
    previous = blocks[j - 1] if j > 0 else ""
    if _is_name_line(previous):
        name = _clean_byline(previous)
        return head.startswith(name) or head.startswith(name.split()[-1])
    return False


def from_text(text: str, *, source: str = "<string>", markdown: bool = False) -> Document:
    """Find the parts of an op-ed given as text (front matter, markers, then heuristics).

    Use this for text that came from somewhere other than a file (a pasted page, standard
    input). :func:`as_document` on a ``str`` instead treats all of it as body.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, fm_text, rest = _parse_front_matter(text)
    links: list[str] = []
    if markdown:
        rest = _strip_markdown(rest, links)
    parts: list[Part] = []
    if fm_text:
        parts.append(Part("front-matter", fm_text.strip(), "--- front matter --- at the top"))
    if _MARKER.search(rest):
        parts.extend(_by_markers(rest))
    else:
        parts.extend(_by_heuristics(_blocks(rest), meta))

    def joined(kind: str) -> str:
        return "\n\n".join(p.text for p in parts if p.kind == kind)

    paragraphs = [p.text for p in parts if p.kind == "body"]
    title = meta.get("title") or joined("title")
    genre = meta.get("genre", "")
    m = _GENRE.search(title) or _GENRE_PREFIX.match(title)
    if m and not genre:
        genre = m.group("genre")
    byline = joined("byline")
    author = meta.get("author") or _clean_byline(byline.split("\n\n")[0]) if byline else ""
    author = meta.get("author") or author
    date = meta.get("date") or (joined("date").split("\n\n")[0].strip())
    return Document(
        title=title.strip(),
        author=author,
        body="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        bio=joined("bio"),
        boilerplate=joined("boilerplate"),
        genre=genre,
        date=date,
        byline=byline,
        source=source,
        parts=parts,
        links=links,
    )
