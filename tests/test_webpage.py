"""opedkit.webpage: saved web pages -> Document (title, author, date, body, bio, boilerplate)."""

from __future__ import annotations

from pathlib import Path

import pytest

import opedkit.webpage as webpage
from opedkit.document import Document, load
from opedkit.errors import InputError
from opedkit.webpage import from_html, page_blocks

PAGES = Path(__file__).parent / "fixtures" / "pages"


def page(name: str) -> Document:
    return from_html((PAGES / name).read_text("utf-8"), source=name)


def everything(doc: Document) -> str:
    return "\n".join(
        [doc.title, doc.byline, doc.body, doc.bio, doc.boilerplate] + [p.text for p in doc.parts]
    )


# --- the library op-ed: a full newspaper page ---------------------------------------------


@pytest.fixture(scope="module")
def library() -> Document:
    return page("library_hours_oped.html")


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        pytest.param("title", "Keep the Library Lights On After Dark – OpEd", id="title-from-og"),
        pytest.param("author", "Amara Okafor", id="author-from-meta"),
        pytest.param("date", "2024-03-14", id="date-iso-from-meta"),
        pytest.param("genre", "OpEd", id="genre-from-title"),
        pytest.param("source", "library_hours_oped.html", id="source"),
    ],
)
def test_library_metadata(library: Document, attribute: str, expected: str) -> None:
    assert getattr(library, attribute) == expected


def test_library_body_paragraphs(library: Document) -> None:
    assert len(library.paragraphs) == 7
    assert library.paragraphs[0].startswith("Next month the town council will vote")
    assert library.paragraphs[1].startswith("Who uses a library at seven in the evening?")
    assert library.paragraphs[-1].endswith("a mistake it would certainly regret.")
    assert library.body == "\n\n".join(library.paragraphs)


def test_library_bio_is_the_author_box(library: Document) -> None:
    assert library.bio.startswith("Amara Okafor is a secondary-school English teacher")
    assert "About the author" not in library.body


@pytest.mark.parametrize(
    "furniture",
    [
        pytest.param("Skip to content", id="skip-link"),
        pytest.param("Share on Facebook", id="share-buttons"),
        pytest.param("Leave a Reply", id="comment-form"),
        pytest.param("Your email address will not be published", id="comment-notes"),
        pytest.param("My kids do their homework there every night", id="reader-comment"),
        pytest.param("All rights reserved", id="copyright"),
        pytest.param("The views expressed in this article", id="disclaimer"),
        pytest.param("We use cookies", id="cookie-banner"),
    ],
)
def test_library_furniture_kept_apart_from_body(library: Document, furniture: str) -> None:
    assert furniture not in library.body
    assert furniture in library.boilerplate


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("dataLayer", id="inline-script"),
        pytest.param("OpinionNewsArticle", id="json-ld"),
        pytest.param("track(", id="script-at-end"),
        pytest.param("main.css", id="stylesheet-link"),
    ],
)
def test_library_scripts_never_become_text(library: Document, code: str) -> None:
    assert code not in everything(library)


def test_library_parts_in_reading_order(library: Document) -> None:
    kinds = [p.kind for p in library.parts]
    assert kinds[0] == "title"
    first_body, last_body = kinds.index("body"), len(kinds) - 1 - kinds[::-1].index("body")
    assert kinds[first_body : last_body + 1] == ["body"] * 7
    assert "byline" in kinds[:first_body] and "date" in kinds[:first_body]
    assert "bio" in kinds[last_body:]
    assert all(p.reason for p in library.parts)


def test_load_dispatches_html(tmp_path: Path) -> None:
    target = tmp_path / "saved.htm"
    target.write_bytes((PAGES / "library_hours_oped.html").read_bytes())
    doc = load(target)
    assert doc.paragraphs == page("library_hours_oped.html").paragraphs
    assert doc.source == str(target)


# --- a page whose text talks about markup ------------------------------------------------------


def test_markup_in_text_stays_text() -> None:
    doc = page("hostile_markup_oped.html")
    assert "<script>alert(1)</script>" in doc.paragraphs[0]
    assert "<img src=x onerror=alert(2)>" in doc.paragraphs[1]
    assert "& a short guide" in doc.paragraphs[-1]
    text = everything(doc)
    assert "hijacked" not in text and "tracker.example" not in text and "onload" not in text
    assert doc.author == "Tomás Reyes" and doc.byline == "By Tomás Reyes"
    assert doc.genre == "Commentary" and len(doc.paragraphs) == 4


# --- a blog page whose bio and disclaimer sit inside the article ------------------------------


def test_bio_inside_article_split_off() -> None:
    doc = page("blog_bio_inside.html")
    assert doc.title == "Four-day weeks for the council? Not so fast"
    assert len(doc.paragraphs) == 3
    assert doc.bio.startswith("Priya Natarajan is a former housing officer")
    assert "The views expressed here" in doc.boilerplate
    assert "Priya Natarajan is" not in doc.body
    assert doc.date == "2022-06-21"


# --- an old table-layout page: menu, headline, byline and date inside the main text --------


def test_table_layout_top_set_apart() -> None:
    doc = page("table_layout_oped.html")
    assert doc.title == "Why the Bridge Toll Must Go"
    assert doc.author == "Jane Doe" and doc.byline == "By Jane Doe"
    assert doc.date == "March 3, 2021"
    assert len(doc.paragraphs) == 4
    assert doc.paragraphs[0].startswith("The toll on the river bridge")
    assert doc.paragraphs[1].endswith("Is that fair? Surely not.")
    assert "Home" not in doc.body and "© 2021" in doc.boilerplate
    # the menu is listed once (from the main text), not again from the page's blocks
    assert [p.text for p in doc.parts].count("Home") == 1
    assert not any(p.text == "Home | Opinion" for p in doc.parts)
    assert not any(p.text.startswith("Why the Bridge Toll Must Go By") for p in doc.parts)


# --- fallback and bad input ---------------------------------------------------------------------


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webpage, "_extract", lambda html: None)
    html = (PAGES / "blog_bio_inside.html").read_text("utf-8")
    with pytest.warns(UserWarning, match="trafilatura found no article"):
        doc = from_html(html, source="blog.html")
    assert any(p.startswith("The proposal to move every council office") for p in doc.paragraphs)


def test_plain_text_given_as_html_falls_back() -> None:
    with pytest.warns(UserWarning, match="plain-text rules"):
        doc = from_html("It may rain. It will not snow.", source="x.html")
    assert doc.body == "It may rain. It will not snow."


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("   \n ", "empty", id="whitespace"),
        pytest.param("<html><head><script>x()</script></head><body></body></html>", "no visible",
                     id="scripts-only"),
        pytest.param("<p>" * 5000, "no visible", id="empty-tags"),
    ],
)  # fmt: skip
def test_pages_without_text_raise(html: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        from_html(html, source="bad.html")


def test_page_over_limit_refused() -> None:
    with pytest.raises(InputError, match="over the"):
        from_html("<p>" + "word " * 100 + "</p>", source="big.html", max_chars=200)


def test_not_a_string() -> None:
    with pytest.raises(TypeError):
        from_html(b"<p>bytes</p>")  # type: ignore[arg-type]


def test_page_without_date_has_no_guessed_date() -> None:
    html = (
        "<html><head><title>A view</title></head><body><article><p>"
        + "This sentence is long enough to be the article's text, and it says little. " * 4
        + "</p></article><footer>© 2019 Somewhere</footer></body></html>"
    )
    assert from_html(html).date == ""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<p>One <b>two</b>.</p><p>Three</p>", ["One two.", "Three"], id="inline"),
        pytest.param("<div>a<div>b</div>c</div>", ["a", "b", "c"], id="nested-blocks"),
        pytest.param("<p>x<script>bad()</script>y</p>", ["xy"], id="script-skipped"),
        pytest.param("<p>x<!-- note -->y</p>", ["xy"], id="comment-skipped"),
        pytest.param("<p>a<br>b</p>", ["a b"], id="br-is-space"),
        pytest.param("<td>a<br><br>b<br>\n<br>c</td>", ["a", "b", "c"], id="br-br-ends-paragraph"),
        pytest.param("<p>a\n\nb</p>", ["a b"], id="source-newlines-are-spaces"),
        pytest.param("", [], id="empty"),
    ],
)
def test_page_blocks(html: str, expected: list[str]) -> None:
    assert page_blocks(html) == expected
