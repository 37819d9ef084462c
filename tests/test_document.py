"""The Document loader: the bundled op-ed, sample pages with hand-written expectations, and
the teacher's override (front matter and part markers)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import opedkit
from opedkit.document import PART_KINDS, Document, as_document, bundled, decode, from_text, load

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
SAMPLES = sorted(p for p in PAGES.iterdir() if p.suffix in {".txt", ".md"} and p.stem != "README")


# --- the bundled op-ed -----------------------------------------------------------------------


def test_bundled_op_ed_parts() -> None:
    doc = bundled()
    assert doc.title == "North Korea-Russia Relations And Global Implications – OpEd"
    assert doc.author == "Dr. Sahibzada Muhammad Usman"
    assert doc.genre == "OpEd"
    assert len(doc.paragraphs) == 10
    assert len(opedkit.sentences(doc)) == 40
    assert doc.paragraphs[0].startswith("In a world where geopolitical events")
    assert doc.paragraphs[-1].startswith("As the meeting between North Korean leader")
    assert doc.bio.startswith("Dr. Sahibzada Muhammad Usman is a Research Scholar")
    assert "Leave a Reply" in doc.boilerplate
    assert "Your email address will not be published" in doc.boilerplate
    for furniture in ("Leave a Reply", "Research Scholar", "Required fields"):
        assert furniture not in doc.body
    assert [p.kind for p in doc.parts] == (
        ["title"] + ["body"] * 10 + ["byline", "bio", "boilerplate", "boilerplate"]
    )
    assert all(p.reason for p in doc.parts)


def test_bundled_op_ed_loads_the_same_from_the_seed_file(repo_root: Path) -> None:
    seeds = sorted((repo_root / "seeds").glob("*.txt"))
    assert seeds, "the seed op-ed is missing"
    doc = load(seeds[0])
    assert doc.body == bundled().body
    assert doc.source == str(seeds[0])


# --- sample pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", SAMPLES, ids=lambda p: p.name)
def test_sample_page(page: Path) -> None:
    expected = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
    if "xfail" in expected:
        pytest.xfail(expected["xfail"])
    doc = load(page)
    assert doc.title == expected["title"]
    assert doc.author == expected["author"]
    assert doc.date == expected["date"]
    assert doc.genre == expected["genre"]
    assert len(doc.paragraphs) == expected["paragraphs"]
    assert doc.body.startswith(expected["body_starts"])
    assert doc.body.endswith(expected["body_ends"])
    if expected["bio_starts"]:
        assert doc.bio.startswith(expected["bio_starts"])
    else:
        assert doc.bio == ""
    for phrase in expected["boilerplate_contains"]:
        assert phrase in doc.boilerplate
    for phrase in expected["not_in_body"]:
        assert phrase not in doc.body
    for phrase in expected.get("once_in_body", []):
        assert doc.body.count(phrase) == 1


def test_there_are_at_least_eight_sample_pages_in_both_formats() -> None:
    assert len(SAMPLES) >= 8
    assert {p.suffix for p in SAMPLES} == {".txt", ".md"}
    for page in SAMPLES:
        assert page.with_suffix(".expected.json").exists(), page.name


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


@pytest.mark.parametrize("page", SAMPLES, ids=lambda p: p.name)
def test_no_text_is_lost(page: Path) -> None:
    """Every word of the page is in exactly one part, in order (Markdown links: the text is
    kept in the part, the address moves to Document.links; part markers are instructions to
    the loader, not text)."""
    doc = load(page)
    raw = re.sub(r"<!--\s*opedkit:[^>]*-->", "", page.read_text("utf-8"))
    if page.suffix == ".md":
        raw = re.sub(r"\]\((\S+?)\)", "]", raw)
        assert all(link.startswith("http") for link in doc.links)
    assert _words("\n".join(p.text for p in doc.parts)) == _words(raw)
    assert doc.body == "\n\n".join(doc.paragraphs)
    assert {p.kind for p in doc.parts} <= set(PART_KINDS)


def test_markdown_links_are_kept_as_text_and_addresses() -> None:
    doc = from_text("See [the report](https://example.org/r) today.", markdown=True)
    assert doc.body == "See the report today."
    assert doc.links == ["https://example.org/r"]


# --- the teacher's override: front matter and part markers --------------------------------------

FRONT_MATTER_ONLY = """---
title: The Real Title
author: "Lee Park"
date: 2024-02-01
genre: Opinion
---
A Headline The Page Printed

By Somebody Else

The body starts here. It has two sentences.
"""


def test_front_matter_wins_over_what_the_page_prints() -> None:
    doc = from_text(FRONT_MATTER_ONLY)
    assert (doc.title, doc.author, doc.date, doc.genre) == (
        "The Real Title",
        "Lee Park",
        "2024-02-01",
        "Opinion",
    )
    assert [p.kind for p in doc.parts] == ["front-matter", "title", "byline", "body"]
    assert doc.paragraphs == ["The body starts here. It has two sentences."]


@pytest.mark.parametrize(
    ("first_line", "kind"),
    [
        pytest.param("Let me explain", "body", id="short-first-paragraph-is-body"),
        pytest.param("The Real Title – OpEd", "title", id="repeated-title-is-title"),
        pytest.param("A Headline The Page Printed", "title", id="title-case-line-is-title"),
    ],
)
def test_front_matter_title_and_a_short_first_line(first_line: str, kind: str) -> None:
    doc = from_text(f"---\ntitle: The Real Title\n---\n{first_line}\n\nThe body goes on. And on.")
    assert [p.kind for p in doc.parts] == ["front-matter", kind, "body"]
    assert doc.title == "The Real Title"


MARKED = """Saved from the web. Menu: Home | News | Related | Share this

<!-- opedkit: title -->
Keep the Four-Day Week

<!-- OpEdKit: BODY -->
Related research shows attendance is up. Share this with anyone.

Teachers are staying.

<!-- opedkit: bio -->
Lee Park is a student editor.

<!-- opedkit: boilerplate -->
Comments are closed.
"""


def test_part_markers_replace_the_heuristics() -> None:
    doc = from_text(MARKED)
    assert [p.kind for p in doc.parts] == ["other", "title", "body", "body", "bio", "boilerplate"]
    assert doc.title == "Keep the Four-Day Week"
    # "Related" and "Share this" would be furniture for the heuristics; a marked body keeps them
    assert doc.paragraphs[0] == "Related research shows attendance is up. Share this with anyone."
    assert doc.bio == "Lee Park is a student editor."
    assert doc.boilerplate == "Comments are closed."
    assert all("marked" in p.reason or "before the first" in p.reason for p in doc.parts)


def test_unknown_marker_kinds_are_ordinary_text() -> None:
    doc = from_text("Title Line\n\n<!-- opedkit: pullquote -->\n\nThe body. It runs on.")
    assert "<!-- opedkit: pullquote -->" in doc.body


def test_markers_in_markdown_strip_the_markdown() -> None:
    doc = from_text("<!-- opedkit: body -->\nA *bold* [claim](https://x.org).", markdown=True)
    assert doc.paragraphs == ["A bold claim."]
    assert doc.links == ["https://x.org"]


# --- coercion and text normalisation -------------------------------------------------------------


def test_as_document() -> None:
    doc = as_document("One.\n\nTwo.")
    assert doc.paragraphs == ["One.", "Two."]
    assert doc.parts[0].reason == "given as a string"
    assert as_document(doc) is doc
    assert as_document(PAGES / "body-only.txt").paragraphs[0].startswith("Nobody wants")
    with pytest.raises(TypeError, match=r"opedkit\.load"):
        as_document(42)  # type: ignore[arg-type]


def test_a_string_is_all_body_but_from_text_finds_parts() -> None:
    text = "A Title\n\nBody text here.\n\nLeave a Reply"
    assert as_document(text).body == text
    assert from_text(text).body == "Body text here."


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbfTitle\r\n\r\nBody text.\r\n", id="bom-crlf"),
        pytest.param(b"Title\r\rBody text.\r", id="old-mac-cr"),
        pytest.param(b"Title\n\nBody text.\n", id="lf"),
    ],
)
def test_line_endings_and_bom(data: bytes) -> None:
    doc = from_text(decode(data, "x.txt"))
    assert doc.title == "Title"
    assert doc.paragraphs == ["Body text."]


def test_repr_is_short() -> None:
    text = repr(bundled())
    assert text.startswith("Document(title='North Korea")
    assert "paragraphs=10" in text


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param(
            "Headline Here\n\nBy Ann Lee\n\nBody one. Body two.\n\nAnn Lee teaches history.",
            ["title", "byline", "body", "bio"],
            id="bio-opens-with-author",
        ),
        pytest.param(
            "Headline Here\n\nPutin is a pragmatist, and Putin knows it.\n\n"
            "Vladimir Putin is a former KGB officer.",
            ["title", "body", "body"],
            id="person-in-the-body-is-not-a-bio",
        ),
        pytest.param(
            "Headline Here\n\nBody one. Body two.\n\nThe writer is a retired teacher.",
            ["title", "body", "bio"],
            id="the-writer-is",
        ),
        pytest.param(
            "Headline Here\n\nBody one.\n\nAdvertisement\n\nBody two.",
            ["title", "body", "boilerplate", "body"],
            id="ad-line-inside",
        ),
        pytest.param(
            "Headline Here\n\nBody one. More body.\n\n3 comments\n\nGreat piece!\n\nI disagree.",
            ["title", "body", "boilerplate", "boilerplate", "boilerplate"],
            id="reader-comments",
        ),
        pytest.param(
            "It was cold. We waited.\n\nThen we left.",
            ["body", "body"],
            id="no-title",
        ),
    ],
)
def test_heuristic_parts(text: str, kinds: list[str]) -> None:
    assert [p.kind for p in from_text(text).parts] == kinds


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "School Board Delays Vote\n\nParents pack meeting as district weighs savings\n\n"
            "By Keisha Romero\n\nThe board postponed a vote on Thursday.",
            id="blank-lines",
        ),
        pytest.param(
            "School Board Delays Vote\nParents pack meeting as district weighs savings\n"
            "By Keisha Romero, Staff Writer\n\nThe board postponed a vote on Thursday.",
            id="one-block",
        ),
    ],
)
def test_subtitle_under_headline(text: str) -> None:
    doc = from_text(text)
    assert doc.title == "School Board Delays Vote"
    assert doc.author == "Keisha Romero"
    assert doc.paragraphs == ["The board postponed a vote on Thursday."]
    assert [p.kind for p in doc.parts][:3] == ["title", "other", "byline"]


@pytest.mark.xfail(strict=True, reason="a subtitle with no byline or date under it is body")
def test_subtitle_without_byline() -> None:
    doc = from_text("School Board Delays Vote\n\nParents pack meeting\n\nThe board met.")
    assert doc.paragraphs == ["The board met."]


@pytest.mark.parametrize(
    "first_line",
    [
        pytest.param("Dear Editor,", id="salutation"),
        pytest.param("To the editor:", id="lead-in"),
        pytest.param("Nobody wants to pay more for water.", id="a-sentence"),
    ],
)
def test_first_lines_that_are_not_headlines(first_line: str) -> None:
    doc = from_text(f"{first_line}\n\nThe rest of the letter. It goes on.")
    assert doc.title == ""
    assert doc.paragraphs[0] == first_line


def test_document_is_frozen() -> None:
    doc = Document(title="x")
    with pytest.raises(AttributeError):
        doc.title = "y"  # type: ignore[misc]
