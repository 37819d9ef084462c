"""opedkit.report: one self-contained, escaped HTML page; opened in headless Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_support import chromium_page, save_screenshot  # noqa: F401

from opedkit.document import Document, Part, bundled
from opedkit.report import bar_chart, report_html, write_report
from opedkit.webpage import from_html

PAGES = Path(__file__).parent / "fixtures" / "pages"

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "footer",
    "h1", "h2", "h3", "p", "span", "div", "ul", "li", "mark", "br", "table", "caption",
    "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "rect", "line", "text",
    "g", "details", "summary", "small", "strong", "em", "b", "code", "abbr", "sup", "dl", "dt",
    "dd",
}  # fmt: skip


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def hostile_doc() -> Document:
    body = f"Perhaps {HOSTILE} may happen.\n\nWill it? Experts say it will."
    return Document(
        title=f"Title {HOSTILE}",
        author=f"Ann <b>Bold</b> Lee {HOSTILE}",
        body=body,
        paragraphs=body.split("\n\n"),
        bio=f"Bio {HOSTILE}",
        boilerplate=f"Leave a Reply {HOSTILE}",
        date="2024-01-01<script>",
        genre="OpEd",
        source=f"evil{HOSTILE}.txt",
        parts=[
            Part("title", f"Title {HOSTILE}", "reason <script>"),
            Part("body", body, "given"),
            Part("bio", f"Bio {HOSTILE}", "reason"),
            Part("boilerplate", f"Leave a Reply {HOSTILE}", "reason"),
        ],
    )


def test_hostile_text_everywhere_is_shown_not_run(hostile_doc: Document) -> None:
    html = report_html(hostile_doc)
    page = parse(html)
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert "script" not in page.tags and "img" not in page.tags
    assert not [a for a in page.attrs if a[1].startswith("on")]
    visible = "".join(page.text)
    for where in ("Perhaps", "Bio", "Leave a Reply", "Ann <b>Bold</b> Lee"):
        assert f"{where} {HOSTILE}" in visible
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_self_contained(hostile_doc: Document) -> None:
    html = report_html(bundled())
    page = parse(html)
    for tag, name, value in page.attrs:
        if name in ("src", "href", "xlink:href", "action"):
            pytest.fail(f"<{tag} {name}={value!r}> points outside the file")
    assert "link" not in page.tags and "script" not in page.tags
    assert not re.search(r"url\(|@import", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_deterministic() -> None:
    assert report_html(bundled()) == report_html(bundled())


def test_sections_on_bundled_oped() -> None:
    page = parse(report_html(bundled()))
    visible = " ".join("".join(page.text).split())
    for heading in (
        "At a glance",
        "The text, marked",
        "Readability",
        "Paragraph by paragraph",
        "The hardest sentences",
        "Questions",
        "Who says so",
        "What is not the op-ed",
        "About these numbers",
        "Sources",
    ):
        assert heading in visible
    assert page.tags.count("h1") == 1
    assert "North Korea-Russia Relations And Global Implications – OpEd" in visible
    # the bio is shown apart from the body, once, in the parts table
    assert visible.count("is a Research Scholar") == 1


def test_html_page_parts_shown_apart() -> None:
    doc = from_html((PAGES / "library_hours_oped.html").read_text("utf-8"), source="page.html")
    visible = " ".join("".join(parse(report_html(doc)).text).split())
    assert "Leave a Reply" in visible and "Amara Okafor is a secondary-school" in visible
    assert "2024-03-14" in visible


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n\n ", id="whitespace"),
        pytest.param("no punctuation at all", id="no-stop"),
        pytest.param("\u202eright-to-left override\u202c and \ufeff BOM", id="odd-unicode"),
    ],
)
def test_odd_inputs_render(text: str) -> None:
    html = report_html(text)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_write_report(tmp_path: Path) -> None:
    target = write_report(bundled(), tmp_path / "r.html")
    assert target.read_text("utf-8") == report_html(bundled())


def test_bar_chart_labels_every_bar() -> None:
    svg = bar_chart(["¶ 1", "¶ 2"], [("mean", [3.0, float("nan")], "#000")], title="t <x>")
    assert svg.count("<rect") == 1 and ">3<" in svg and "t &lt;x&gt;" in svg


def test_cli_report(tmp_path: Path) -> None:
    import io

    from opedkit.cli import main

    target = tmp_path / "out.html"
    page = str(PAGES / "library_hours_oped.html")
    log = io.StringIO()
    assert main(["report", page, "-o", str(target)], stdout=log) == 0
    assert log.getvalue().startswith(f"wrote {target}")
    assert "Keep the Library Lights On After Dark" in target.read_text("utf-8")


def test_cli_report_will_not_overwrite_its_input(tmp_path: Path) -> None:
    import io

    from opedkit.cli import main

    src = tmp_path / "x.txt"
    src.write_text("A text. Of two sentences.", encoding="utf-8")
    assert main(["report", str(src), "-o", str(src)], stdout=io.StringIO()) == 2
    assert src.read_text("utf-8") == "A text. Of two sentences."


# --- in a real browser ----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    "name",
    [
        pytest.param("bundled", id="bundled-oped"),
        pytest.param("library_hours_oped.html", id="saved-page"),
        pytest.param("hostile_markup_oped.html", id="hostile-page"),
    ],
)
def test_report_in_chromium(chromium_page, tmp_path: Path, name: str) -> None:  # noqa: F811
    if name == "bundled":
        doc = bundled()
    else:
        doc = from_html((PAGES / name).read_text("utf-8"), source=name)
    target = write_report(doc, tmp_path / "report.html")
    requests: list[str] = []
    chromium_page.on("request", lambda r: requests.append(r.url))
    dialogs: list[str] = []
    chromium_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    chromium_page.goto(target.as_uri())
    chromium_page.wait_for_load_state("load")
    save_screenshot(chromium_page, f"report-{Path(name).stem}")
    assert requests == [target.as_uri()], "the report loaded something besides itself"
    assert dialogs == [] and chromium_page.opedkit_page_errors == []
    assert chromium_page.locator("h1").count() == 1
    assert chromium_page.locator("section#text .ok-text > p").count() == len(doc.paragraphs)
    assert chromium_page.locator("table").count() >= 2
    assert chromium_page.locator("svg.chart").count() >= 1
    assert chromium_page.locator("script").count() == 0
    body_text = chromium_page.locator("section#text").inner_text()
    assert doc.paragraphs[0][:40] in " ".join(body_text.split())
    if name == "bundled":
        text = chromium_page.locator("section#text")
        # cues a reader can find by hand in the op-ed: "undoubtedly" (booster, ¶ 1 and 5),
        # "perhaps" (hedge, ¶ 8), three questions (¶ 9), "according to … Reuters" (¶ 2)
        assert text.locator("mark.ok-booster", has_text="undoubtedly").count() == 2
        hedge = text.locator("mark.ok-hedge", has_text="perhaps").first
        tip = hedge.get_attribute("title") or ""
        assert "hedge" in tip and "rule" in tip and "source" in tip
        assert text.locator("mark.ok-question").count() >= 3
        assert text.locator("mark.ok-attribution", has_text="Reuters").count() == 1
        assert chromium_page.locator(".legend li").count() >= 6
        formulas = chromium_page.locator("table.formulas tbody tr")
        assert formulas.count() == 9  # seven formulas, the consensus, opedkit's grade
        assert text.locator("mark.ok-hard").count() >= 3
        marked = [" ".join(t.split()) for t in text.locator("mark.ok-hard").all_inner_texts()]
        hardest = " ".join(
            chromium_page.locator("section#hardest tbody tr").first.inner_text().split()
        )
        assert any(m[:30] in hardest for m in marked)
        marks = chromium_page.locator("section#text mark.ok")
        assert marks.count() > 40
    if name == "hostile_markup_oped.html":
        assert "<script>alert(1)</script>" in body_text
        assert chromium_page.locator("section#text img").count() == 0
