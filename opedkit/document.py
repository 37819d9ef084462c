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
3. **Heuristics** (see :func:`from_text` and docs/text_model.md, which gives the reason for
   each rule). *Head:* page furniture above the title (an editor's note, a menu) is
   boilerplate; the headline is a Markdown ``#`` heading or the first short line without a
   full stop (or in headline style); a trailing or leading genre label ("– OpEd",
   "Opinion |") is noted as ``genre``; "By …" and "Posted on DATE by NAME" lines are the
   byline, date lines the date, "Guest essay"-style labels ``other``. *Tail:* from "Leave a
   Reply" or "12 comments" on, everything is the comment section; an "About the author"
   heading and what follows it are the bio; scanning up from the end, page furniture
   ("Share this", "©", "Related", newsletter boxes…) and short link-like lines are
   boilerplate, a short capitalised name line is the byline, and a short paragraph that
   opens with the author's name (or with a name found nowhere in the body, or "The writer
   is") and what the person does is the bio. *Middle:* one-line furniture ("Advertisement",
   "Read more: …") and pull quotes (a short block repeating words of the article) are
   boilerplate. Everything else is body; subheadings stay in the body as paragraphs.

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


# Files that are not text, recognised by their first bytes: (magic, what it is, what to do).
_FORMATS: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF document", "copy the op-ed's text out of the PDF into a .txt file"),
    (
        b"PK\x03\x04",
        "a Word, OpenDocument or ZIP file",
        "in the word processor use Save As… → Plain Text (.txt), or copy the text into a .txt file",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Word (.doc) file",
        "in the word processor use Save As… → Plain Text (.txt)",
    ),
    (b"{\\rtf", "an RTF document", "in the word processor use Save As… → Plain Text (.txt)"),
    (b"\x89PNG", "a PNG image", "opedkit reads text; copy or type the op-ed into a .txt file"),
    (
        b"\xff\xd8\xff",
        "a JPEG image",
        "opedkit reads text; copy or type the op-ed into a .txt file",
    ),
    (b"GIF8", "a GIF image", "opedkit reads text; copy or type the op-ed into a .txt file"),
)
_UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


# Control bytes that plain text does not hold (tab, line feed, form feed, carriage return do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C, not per byte
    return bool(head) and control / len(head) > 0.05


def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else
    Windows-1252 with a warning.

    Line endings are normalised to ``\\n``. PDF, Word, RTF and image files, other binary
    data, and bytes that no encoding explains raise :class:`InputError`, naming the file,
    the problem and what to do.

    >>> decode(b"\\xff\\xfeH\\x00i\\x00")
    'Hi'
    """
    for magic, what, hint in _FORMATS:
        if data.startswith(magic):
            raise InputError(f"is {what}, not text", path=path, hint=hint)
    for bom, codec in _UTF_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts like {codec.upper()} text but is not valid {codec.upper()}",
                    path=path,
                    hint="re-save it as UTF-8 (most editors: Save As… → Encoding: UTF-8)",
                ) from exc
            return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(data):
        raise InputError(
            "looks like a binary file (it contains NUL or control bytes), not text",
            path=path,
            hint="save the op-ed as plain text (.txt), Markdown (.md) or a web page (.html); "
            "if it is text saved as UTF-16 without a byte-order mark, re-save it as UTF-8",
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

    An empty (or white-space-only) file gives a Document with no paragraphs; measures of it
    are zero or empty. A web page saved under a text name (``page.txt`` holding HTML) is read
    as a web page, with a warning. Raises :class:`~opedkit.errors.InputError` (naming the
    file, the problem and what to do) for a missing path, a folder, a file over
    ``max_bytes``, a PDF, Word, RTF or image file, other binary data, or undecodable text.
    """
    if not str(path).strip():
        raise InputError("no file name given", hint="pass the path of a .txt, .md or .html file")
    p = Path(path).expanduser() if str(path).startswith("~") else Path(path)
    data = _read_bytes(p, max_bytes)
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES or _sniff_html(data):
        from opedkit.webpage import from_html

        if suffix not in HTML_SUFFIXES:
            warnings.warn(
                f"{p}: looks like a web page (HTML) although it is named {p.name}; "
                "read it as a web page",
                UserWarning,
                stacklevel=2,
            )
        return from_html(decode(data, p), source=str(p))
    text = decode(data, p)
    return from_text(text, source=str(p), markdown=suffix in {".md", ".markdown"})


_HTML_TAGS = re.compile(rb"<(?:p|div|br|span|a\s|body|head|title|meta|article|section)\b", re.I)


def _sniff_html(data: bytes) -> bool:
    """True if the bytes look like a web page: a doctype or <html> at the top, or text that
    starts with a tag and has several common HTML tags in its first 2 kB."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return True
    if head.startswith(b"<?xml"):
        return b"<html" in head  # XHTML
    return head.startswith(b"<") and len(_HTML_TAGS.findall(head)) >= 3


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
_DATE = (
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?"
_FIND_DATE = re.compile(_DATE, re.I)
# A line that is only a date: "March 3, 2024", "Published 12 May 2023", "Updated 5:30 p.m. ET
# Oct. 3, 2023", "Tue, Oct 15, 2024 at 3:02 PM", "Posted on June 2, 2022 by jsmith".
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published|modified)(?: on)?:?\s*)?"
    rf"(?:{_TIME},?\s+)?(?:\w+day,?\s*|(?:mon|tue|wed|thu|fri|sat|sun),?\s*)?{_DATE}"
    rf"(?:,?\s*(?:at\s*)?{_TIME})?(?:\s*[|·•]\s*[^|]{{0,40}})?"
    rf"(?:\s+by\s+(?P<name>[^\n]{{1,80}}))?$"
    rf"|^(?:published|updated|posted|last updated|modified)(?: on| at)?:?\s*{_TIME}$",
    re.I,
)
_BY_LINE = re.compile(r"^(?:by|written by|words by)\s*:?\s+(?P<name>.+)$", re.I)
_BOILERPLATE = re.compile(
    r"leave a (?:reply|comment)|your email address will not be published|required fields are "
    r"marked|post comment|save my name|^comments?\s*(?:\(\d+\))?$|©|\(c\)\s*\d{4}|copyright|"
    r"all rights reserved|^share(?: this)?\b|click to share|^related(?: posts| articles| stories)?"
    r":?$|subscribe|newsletter|^follow us|^sign up|^advertisement$|^tags?:|^filed under|"
    r"^read more\b|^print this|^photo:|^image:|^(?:photo|image) credit|cookie|privacy policy|"
    r"terms of (?:use|service)|^the views expressed|views and opinions expressed|"
    r"^this article (?:was|first) (?:originally )?(?:published|appeared)|^editor'?s note|"
    r"^(?:name|e-?mail|website|url|comment|message)\s*(?:\*|\(required\))?$|"
    r"^(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|print|e-?mail)$|"
    r"^continue reading\b|^more (?:from|in|on|stories|articles)\b|^have an opinion\b|"
    r"submit a letter|^skip to (?:main )?content|^(?:menu|home)\b[^.]*\||"
    r"^\d+\s+(?:comments?|responses?|replies|thoughts on)\b|^comments are closed|"
    r"^(?:recommended|most read|most popular|trending|you may also like|popular)(?: now| stories"
    r"| articles)?:?$|^correction:|^listen to (?:this|the) (?:article|story)|"
    r"^\d+ min(?:ute)?s? read$|^(?:reprints|permissions)\b",
    re.I | re.M,
)
# Where reader comments (or the comment form) begin: everything after is not the op-ed.
_COMMENTS_START = re.compile(
    r"^(?:leave a (?:reply|comment)|\d+\s+(?:comments?|responses?|replies|thoughts on)\b|"
    r"comments?\s*(?:\(\d+\))?:?$|join the (?:conversation|discussion)|comments are closed)",
    re.I,
)
# Section and role labels printed near the title: "Guest essay", "Opinion", "Staff writer".
_LABEL = re.compile(
    r"^(?:guest (?:column(?:ist)?|essay|commentary|contributor|opinion|editorial)|"
    r"(?:staff|contributing|guest) (?:writer|columnist)|columnist|contributor|opinion|"
    r"commentary|analysis|op-?ed|editorial|perspective|viewpoint|my turn|essay|"
    r"letters? to the editor)$",
    re.I,
)
_GENRE_LABEL = re.compile(
    r"^(?:guest essay|opinion|commentary|analysis|op-?ed|editorial|perspective|viewpoint|essay)$",
    re.I,
)
_BIO_OPEN = re.compile(r"^(?:about the authors?|about the writer|author bio|the author)\b:?", re.I)
_BIO_ROLE = re.compile(
    r"\b(?:is|was|serves as|works as)\s+(?:a|an|the|currently|also|former|senior|"
    r"associate|assistant)\b",
    re.I,
)
# "The writer is a retired teacher." / "The authors are ..."
_BIO_THE_WRITER = re.compile(
    r"^(?:the )?(?:author|writer|columnist)s?\s+(?:is|are|was|were|has|have|teaches|lives)\b",
    re.I,
)
_TITLES = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Rev|Sir|Dame|Gen|Sen|Rep|Amb)\.?\s+)"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+|de|da|del|van|von|bin|al|la|le)){1,4}"
# A paragraph that opens with a person's name and what they do: an author's bio.
_BIO_NAME = re.compile(
    rf"^[-—–\s]*{_TITLES}?(?P<name>{_NAME})\s+(?:is|was|are|were|teaches|taught|chairs|"
    r"directs|leads|writes|wrote|serves|served|works|worked|lives|has|holds|heads|runs|"
    r"founded|co-founded|edits|covers|researches|studies|previously)\b"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|de|da|van|von|bin|al|el|la|le|and|&)$")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_END_PUNCT = re.compile(r"[.!?…:;][\"'”’)\]]*$")


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
    """The author's name from a byline: 'By Dana Whitcomb | Staff Writer' -> 'Dana Whitcomb'."""
    s = line.strip().strip("*_ ").lstrip("—–- ").strip()
    m = _BY_LINE.match(s)
    if m:
        s = m.group("name").strip()
    else:
        d = _DATE_LINE.match(s)
        if d and d.group("name"):
            s = d.group("name").strip()
    s = re.split(r"\s+[|·•]\s+|,\s+|\s+[-–—]\s+", s)[0].strip().strip("*_ ")
    if s.isupper() and any(c.isalpha() for c in s):
        s = " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in s.split())
    return s


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


def _by_markers(text: str, markdown: bool, links: list[str]) -> list[Part]:
    parts: list[Part] = []
    matches = list(_MARKER.finditer(text))

    def clean(chunk: str) -> str:
        return _strip_markdown(chunk, links).strip() if markdown else chunk.strip()

    head = clean(text[: matches[0].start()])
    if head:
        parts.append(Part("other", head, "before the first <!-- opedkit: … --> marker"))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        chunk = text[m.end() : end]
        kind = m.group("kind").lower()
        if kind == "body":
            for block in _blocks(chunk):
                parts.append(Part("body", clean(block), "marked <!-- opedkit: body -->"))
        elif chunk.strip():
            parts.append(Part(kind, clean(chunk), f"marked <!-- opedkit: {kind} -->"))
    return parts


class _Block:
    """A block of the page with what Markdown said about it (heading level, blockquote)."""

    __slots__ = ("level", "quote", "text")

    def __init__(self, text: str, level: int = 0, quote: bool = False) -> None:
        self.text = text
        self.level = level
        self.quote = quote


def _make_blocks(text: str, markdown: bool, links: list[str]) -> list[_Block]:
    out = []
    for raw in _blocks(text):
        if not markdown:
            out.append(_Block(raw))
            continue
        m = _MD_HEADING.match(raw)
        level = len(m.group(1)) if m and "\n" not in raw.strip() else 0
        quote = all(line.lstrip().startswith(">") for line in raw.split("\n") if line.strip())
        out.append(_Block(_strip_markdown(raw, links).strip(), level, quote))
    return out


def _split_clusters(blocks: list[_Block]) -> list[_Block]:
    """Split header and signature clusters into one block per line.

    Pages copied from the web often put the headline, the byline and the date on
    consecutive lines with no blank line between them, and the byline and the bio at the end
    likewise. A block near the top with a "By …" or date line among its short lines, and a
    block near the end whose first short line is a name or "About the author", is split into
    its lines, so each line can get its own kind.
    """
    out: list[_Block] = []
    n = len(blocks)
    for k, block in enumerate(blocks):
        lines = [line for line in block.text.split("\n") if line.strip()]
        short = 2 <= len(lines) <= 6 and all(len(line) <= 150 for line in lines)
        head = k < 3 and any(
            _BY_LINE.match(x := line.strip().strip("*_ ")) or _DATE_LINE.match(x) or _LABEL.match(x)
            for line in lines[1:]
        )
        tail = (
            k >= n - 3
            and len(lines) <= 3
            and (_is_name_line(lines[0]) or bool(_BIO_OPEN.match(lines[0].strip())))
        )
        if short and not block.quote and (head or tail):
            out.extend(_Block(line.strip()) for line in lines)
        else:
            out.append(block)
    return out


def _title_like(block: _Block) -> bool:
    """The page's headline: a Markdown H1, or one short line without a full stop at the end,
    or one short line in headline style (most longer words capitalised)."""
    if block.level == 1:
        return True
    text = block.text
    if "\n" in text or len(text) > 200 or block.quote or block.level > 1:
        return False
    words = text.split()
    if not words or len(words) > 25:
        return False
    if text.rstrip()[-1:] in ",:;":
        return False  # a salutation ("Dear Editor,") or a lead-in, not a headline
    if not re.search(r"[.!?…][\"'”’)\]]*$", text):
        return not _BOILERPLATE.search(text)
    longer = [w for w in words if len(w.strip("\"'“”‘’(),.:;!?")) >= 4]
    return bool(longer) and sum(w.lstrip("\"'“‘(")[:1].isupper() for w in longer) >= 0.8 * len(
        longer
    )


def _is_dek(text: str, following: list[str]) -> bool:
    """A one-line subtitle under the headline, followed by a byline or a date line."""
    if "\n" in text or len(text) > 160 or _END_PUNCT.search(text):
        return False
    line = text.strip().strip("*_ ")
    if _BY_LINE.match(line) or _DATE_LINE.match(line) or _LABEL.match(line):
        return False
    return any(
        "\n" not in t and bool(_BY_LINE.match(x := t.strip().strip("*_ ")) or _DATE_LINE.match(x))
        for t in following
    )


def _is_furniture(text: str, limit: int = 600) -> bool:
    return len(text) < limit and bool(_BOILERPLATE.search(text))


def _short_label_line(text: str) -> bool:
    """One short line with no end punctuation: a heading, a link title or a label."""
    return "\n" not in text and len(text) <= 100 and not _END_PUNCT.search(text)


def _bio_like(text: str, author: str, others: list[str]) -> str:
    """Does this paragraph describe the author (and is not part of the argument)?

    Yes (the reason is returned) when it is short and either says "The writer is …", or
    opens with a name and what the person does (``Maria Lopez is a teacher``, ``— Priya
    Raman is a nurse``) where the name is the author's, or is never mentioned in the rest of
    the page (a pundit discussed in the body, ``Vladimir Putin is a pragmatist``, is
    mentioned elsewhere). No: ``""``.
    """
    head = text.strip().lstrip("—–- ").strip()
    if len(head) > 700 or not head:
        return ""
    if _BIO_THE_WRITER.match(head):
        return "about the author: 'The writer is …'"
    m = _BIO_NAME.match(head)
    if not m:
        return ""
    name_words = [w for w in m.group("name").split() if len(w) > 2 and not w.endswith(".")]
    if author:
        author_words = {w.strip(",.") for w in author.split() if len(w) > 2}
        if any(w in author_words for w in name_words):
            return "about the author: opens with the author's name and what they do"
    rest = "\n".join(others)
    if name_words and not any(re.search(rf"\b{re.escape(w)}\b", rest) for w in name_words):
        return "about the author: opens with a name found nowhere in the body, and a role"
    return ""


def _name_above(texts: list[str], j: int, top: int) -> str:
    """The name on a byline line just above block ``j`` (the bio often follows it)."""
    if j - 1 >= top and "\n" not in texts[j - 1] and _is_name_line(texts[j - 1]):
        return _clean_byline(texts[j - 1])
    return ""


def _pull_quote(block: _Block, flat: list[str], k: int) -> bool:
    """A short block that repeats words printed elsewhere on the page (a pull quote).

    ``flat``: every block's text with its white space collapsed (``" ".join(text.split())``),
    worked out once per page rather than once per candidate block.
    """
    text = block.text.strip().strip("\"“”'‘’ ")
    if not 20 <= len(text) <= 400 or "\n\n" in text:
        return False
    needle = " ".join(text.split())
    return any(needle in other for i, other in enumerate(flat) if i != k)


def _squash(text: str) -> str:
    """Lower-case letters and digits only: for comparing two spellings of a headline."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _title_case(line: str) -> bool:
    """Most longer words capitalised, as in a headline ('A Headline The Page Printed')."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def _by_heuristics(blocks: list[_Block], meta: dict[str, str]) -> list[Part]:
    n = len(blocks)
    texts = [b.text for b in blocks]
    kinds: list[str] = ["body"] * n
    reasons: list[str] = ["between the header and the end matter"] * n

    def mark(k: int, kind: str, reason: str) -> None:
        kinds[k], reasons[k] = kind, reason

    # --- head: furniture above the title, the title, then bylines, dates and labels
    i = 0
    while i < n - 1 and _is_furniture(texts[i], 300) and "\n" not in texts[i].strip():
        mark(i, "boilerplate", "page furniture above the title (editor's note, menu, …)")
        i += 1
    given = _squash(_GENRE.sub("", meta.get("title", "")))
    if (
        i < n - 1
        and _title_like(blocks[i])
        # with a title in the front matter, a short first line is the printed headline only if
        # it repeats that title or is in Title Case; otherwise it is a short first paragraph
        and (not given or _squash(_GENRE.sub("", texts[i])) == given or _title_case(texts[i]))
    ):
        how = "a # heading" if blocks[i].level == 1 else "a short first line"
        mark(i, "title", f"the headline: {how}")
        i += 1
        if i + 1 < n and _is_dek(texts[i], texts[i + 1 : i + 3]):
            mark(i, "other", "a subtitle (dek) between the headline and the byline")
            i += 1
    while i < n - 1 and "\n" not in texts[i] and len(texts[i]) <= 150:
        line = texts[i].strip().strip("*_ ")
        if _BY_LINE.match(line):
            mark(i, "byline", "a 'By …' line at the top")
        elif (d := _DATE_LINE.match(line)) and d.group("name"):
            mark(i, "byline", "a 'Posted on DATE by NAME' line at the top")
        elif _DATE_LINE.match(line):
            mark(i, "date", "a date line at the top")
        elif _LABEL.match(line):
            mark(i, "other", "a section or role label at the top ('Guest essay')")
        elif _is_furniture(line, 150):
            mark(i, "boilerplate", "page furniture at the top (share buttons, ads, …)")
        else:
            break
        i += 1
    top = i

    author_hint = meta.get("author", "")
    for k in range(top):
        if kinds[k] == "byline" and not author_hint:
            author_hint = _clean_byline(texts[k])

    # --- the comment section: from "Leave a Reply" or "12 comments" to the end
    end = n
    for k in range(top + 1, n):
        first_line = texts[k].strip().split("\n")[0].strip("*_ ")
        if _COMMENTS_START.match(first_line):
            for m in range(k, n):
                mark(m, "boilerplate", "the comment section and its form")
            end = k
            break

    # --- an "About the author" heading: it and what follows (up to furniture) are the bio
    for k in range(top + 1, end):
        if _BIO_OPEN.match(texts[k].strip().split("\n")[0]) and len(texts[k]) < 80:
            mark(k, "bio", "an 'About the author' heading")
            m = k + 1
            while m < end and not _is_furniture(texts[m]) and len(texts[m]) < 1200:
                mark(m, "bio", "under the 'About the author' heading")
                m += 1
            break

    # --- tail: scan up from the end over bylines, bios, dates and page furniture
    j = end - 1
    while j >= top + 1:
        text = texts[j]
        first_line = text.strip().split("\n")[0]
        others = [t for t in texts[top:j] if not _is_name_line(t)]
        if kinds[j] == "bio":
            pass
        elif _is_furniture(text):
            mark(j, "boilerplate", "page furniture (sharing, copyright, newsletter…)")
        elif _BIO_OPEN.match(first_line):
            mark(j, "bio", "opens with 'About the author'")
        elif _is_name_line(text) and "\n" not in text:
            mark(j, "byline", "a short line of capitalised words after the body")
            author_hint = author_hint or _clean_byline(text)
        elif why := _bio_like(text, author_hint or _name_above(texts, j, top), others):
            mark(j, "bio", why)
        elif _DATE_LINE.match(first_line.strip()) and "\n" not in text:
            mark(j, "date", "a date line after the body")
        elif _short_label_line(text) and any(kinds[m] != "body" for m in range(j + 1, n)):
            mark(j, "boilerplate", "a short line after the body (a related link or a label)")
        else:
            break
        j -= 1

    # --- middle: furniture lines and pull quotes inside the article
    flat = [" ".join(t.split()) for t in texts]
    for k in range(top, j + 1):
        text = texts[k]
        if len(text) < 160 and "\n" not in text and _BOILERPLATE.search(text):
            mark(k, "boilerplate", "a page-furniture line inside the article")
        elif _pull_quote(blocks[k], flat, k):
            mark(k, "boilerplate", "a pull quote: it repeats words printed in the article")
    return [Part(kind, b, r) for kind, b, r in zip(kinds, texts, reasons, strict=True)]


def _find_date(parts: list[Part], meta: dict[str, str]) -> str:
    if meta.get("date"):
        return meta["date"]
    for p in parts:
        if p.kind in ("date", "byline"):
            m = _FIND_DATE.search(p.text)
            if m:
                return m.group(0)
    return ""


def from_text(text: str, *, source: str = "<string>", markdown: bool = False) -> Document:
    """Find the parts of an op-ed given as text (front matter, markers, then heuristics).

    Use this for text that came from somewhere other than a file (a pasted page, standard
    input). :func:`as_document` on a ``str`` instead treats all of it as body. Every line of
    the input ends up in exactly one of ``Document.parts`` (Markdown syntax and link targets
    are removed with ``markdown=True``; the targets are kept in ``Document.links``).

    >>> doc = from_text("Why Cities Need Trees\\n\\nBy Ana Ruiz\\n\\nShade saves lives. "
    ...                 "Plant more.\\n\\nAna Ruiz is a city planner.\\n\\nLeave a Reply")
    >>> doc.title, doc.author, doc.paragraphs
    ('Why Cities Need Trees', 'Ana Ruiz', ['Shade saves lives. Plant more.'])
    >>> doc.bio
    'Ana Ruiz is a city planner.'
    >>> [p.kind for p in doc.parts]
    ['title', 'byline', 'body', 'bio', 'boilerplate']
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, fm_text, rest = _parse_front_matter(text)
    links: list[str] = []
    parts: list[Part] = []
    if fm_text:
        parts.append(Part("front-matter", fm_text.strip(), "--- front matter --- at the top"))
    if _MARKER.search(rest):
        parts.extend(_by_markers(rest, markdown, links))
    else:
        blocks = _split_clusters(_make_blocks(rest, markdown, links))
        parts.extend(_by_heuristics(blocks, meta))

    def joined(kind: str) -> str:
        return "\n\n".join(p.text for p in parts if p.kind == kind)

    paragraphs = [p.text for p in parts if p.kind == "body"]
    title = meta.get("title") or joined("title")
    genre = meta.get("genre", "")
    m = _GENRE.search(title) or _GENRE_PREFIX.match(title)
    if m and not genre:
        genre = m.group("genre")
    if not genre:
        for p in parts:
            if p.kind == "other" and _GENRE_LABEL.match(p.text.strip()):
                genre = p.text.strip()
                break
    byline = joined("byline")
    author = meta.get("author") or (_clean_byline(byline.split("\n\n")[0]) if byline else "")
    return Document(
        title=title.strip(),
        author=author,
        body="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        bio=joined("bio"),
        boilerplate=joined("boilerplate"),
        genre=genre,
        date=_find_date(parts, meta),
        byline=byline,
        source=source,
        parts=parts,
        links=links,
    )
