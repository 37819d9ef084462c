"""Safe HTML for a text with marked spans: the words behind every number, shown in place.

The one job of this module is to turn a text plus a list of marked character ranges into an
HTML fragment that a browser, a notebook or a printed report can show, with **every piece of
the text escaped** (a text containing ``<script>`` shows the word ``<script>``; nothing in it
is ever run or parsed as markup).

API
---
``Mark(start, end, category, title="")``
    One marked span: ``text[start:end]`` (character offsets, as every opedkit table gives
    them), a category (``"hedge"``, ``"booster"``, ``"attitude"``, ``"predictive"``,
    ``"question"``, ``"attribution"``, ``"attribution-vague"``, ``"hard"``, or any name of
    your own), and a tooltip (what the cue is, which rule found it, which list it is from).
    A plain tuple ``(start, end, category, title)`` or ``(start, end, category)``, a mapping
    with those keys, or a pandas DataFrame with those columns are accepted as well.
``mark_up(text, marks, *, inline_styles=False) -> str``
    The fragment: ``<div class="ok-text">`` holding one ``<p>`` per paragraph (paragraphs as
    :func:`opedkit.segment.paragraph_spans` finds them, so ``data-paragraph`` is the same
    0-based index as ``Document.paragraphs``); single line breaks become ``<br>``. Each mark
    is a ``<mark class="ok ok-<category>" data-start=… data-end=… title=…>``.
``legend(categories=None, *, inline_styles=False) -> str``
    A key to the styles: one sample of each category with its label and what it means.
``stylesheet() -> str``
    The CSS for the classes above (a ``<style>`` body). Use ``inline_styles=True`` instead
    where ``<style>`` elements are stripped (some notebook front ends, e-mail).
``STYLES``
    category -> :class:`Style` (label, colour, line style, what it marks).

Overlaps are handled deterministically. Marks open longest-first (ties: earlier in the input
first), so a hedge inside a question sits *inside* the question's element. When two marks
cross (``[0, 10)`` and ``[5, 15)``), the one opened later is closed where the other ends and
reopened right after, so the HTML stays properly nested; every piece carries the full
``data-start``/``data-end`` of its mark and the pieces after the first also get
``data-cont="1"``. A mark running across a paragraph break is split the same way. Marks of
zero length are skipped; offsets outside the text raise :class:`ValueError`. The output
contains no random ids and no time stamps: the same input always gives the same bytes.

Accessible styles: colours come from the Okabe–Ito palette, which stays distinct for the
common forms of colour blindness (Okabe & Ito 2008, "Color Universal Design",
https://jfly.uni-koeln.de/color/). Colour is never the only signal: each word-level cue has
its own underline *style* (dashed, double, wavy, dotted); each phrase- or sentence-level mark
has its own bottom border (solid, double, dashed, dotted) and thin brackets at both ends of
each line, so the two levels never look alike; marks stay apart in grayscale and in print.

>>> mark_up("Perhaps <b>war</b> is near?", [Mark(0, 7, "hedge", "hedge: perhaps")])
'<div class="ok-text"><p data-paragraph="0"><mark class="ok ok-hedge" data-start="0" \
data-end="7" title="hedge: perhaps">Perhaps</mark> &lt;b&gt;war&lt;/b&gt; is near?</p></div>'

Limits: the tooltip is the ``title`` attribute, which mouse users see on hover; keyboard and
screen-reader users get the same facts from the tables next to the text (the report and the
notebook views always show one), not from the mark itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

__all__ = ["STYLES", "Mark", "Style", "escape", "legend", "mark_up", "stylesheet"]


class Mark(NamedTuple):
    """One marked span: ``text[start:end]``, its category (a CSS-safe name) and a tooltip."""

    start: int
    end: int
    category: str
    title: str = ""


class Style(NamedTuple):
    """How one category looks and what it means (shown in the legend).

    ``line`` is a CSS line style; ``level`` is ``"word"`` (an underline under the cue) or
    ``"span"`` (a tint and a border under a whole phrase or sentence).
    """

    label: str
    colour: str
    tint: str
    line: str
    level: str
    meaning: str


# Okabe & Ito (2008) palette: blue #0072B2, vermillion #D55E00, reddish purple #CC79A7,
# bluish green #009E73, orange #E69F00, sky blue #56B4E9, yellow #F0E442, black.
# Tints are the same hues lightened so that black text on them keeps a contrast ratio > 12:1.
STYLES: dict[str, Style] = {
    "hedge": Style(
        "Hedge", "#0072B2", "#DCEBF5", "dashed", "word", "softens a claim: perhaps, may, likely"
    ),
    "booster": Style(
        "Booster", "#D55E00", "#F9E2D2", "double", "word", "hardens a claim: clearly, must, surely"
    ),
    "attitude": Style(
        "Attitude", "#CC79A7", "#F6E4EE", "wavy", "word", "the writer's feeling: alarming, sadly"
    ),
    "predictive": Style(
        "Prediction",
        "#009E73",
        "#D6F0E8",
        "dotted",
        "word",
        "a claim about the future: will, is set to",
    ),
    "question": Style(
        "Question", "#E69F00", "#FDF1D6", "solid", "span", "a question the writer asks"
    ),
    "attribution": Style(
        "Named source",
        "#56B4E9",
        "#E3F2FB",
        "double",
        "span",
        "a claim credited to a named person or body",
    ),
    "attribution-vague": Style(
        "Vague source",
        "#6E6E6E",
        "#ECECEC",
        "dashed",
        "span",
        "a claim credited to nobody in particular: experts say, some argue",
    ),
    "hard": Style(
        "Hard sentence",
        "#000000",
        "#F4F4F4",
        "dotted",
        "span",
        "one of the hardest sentences to read",
    ),
}
_FALLBACK = Style("Marked", "#444444", "#EEEEEE", "solid", "span", "")

_SAFE_CLASS = re.compile(r"[^a-z0-9-]+")


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>``, ``"`` and ``'`` so ``text`` is shown, never parsed.

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(text, quote=True)


def _css_name(category: str) -> str:
    name = _SAFE_CLASS.sub("-", str(category).lower()).strip("-")
    return name or "mark"


def _style_of(category: str) -> Style:
    return STYLES.get(_css_name(category), _FALLBACK)


def _declarations(style: Style) -> str:
    """CSS declarations for one style (used by both the stylesheet and inline styles)."""
    if style.level == "word":
        return (
            f"background:{style.tint};border:0;"
            f"text-decoration:underline {style.line} {style.colour};text-decoration-thickness:2px;"
            "text-underline-offset:3px;"
            "text-decoration-skip-ink:none;color:inherit;padding:0 1px;"
        )
    # a phrase or sentence: its bottom line in the category's style, plus thin brackets at
    # both ends of every line it spans, so that it never looks like a word-level underline
    width = "3px" if style.line == "double" else "2px"
    return (
        f"background:{style.tint};border:0 solid {style.colour};"
        f"border-bottom:{width} {style.line} {style.colour};border-left-width:1.5px;"
        "border-right-width:1.5px;border-radius:0 0 3px 3px;padding:0 2px 1px 2px;"
        "-webkit-box-decoration-break:clone;box-decoration-break:clone;color:inherit;"
    )


def as_marks(marks: Any) -> list[Mark]:
    """Marks from Mark records, mappings, (start, end, category[, title]) tuples or a DataFrame."""
    if marks is None:
        return []
    if hasattr(marks, "to_dict") and hasattr(marks, "columns"):  # a pandas DataFrame
        marks = marks.to_dict("records")
    out: list[Mark] = []
    for m in marks:
        if isinstance(m, Mark):
            out.append(m)
        elif isinstance(m, Mapping):
            out.append(
                Mark(int(m["start"]), int(m["end"]), str(m["category"]), str(m.get("title", "")))
            )
        else:
            fields = tuple(m)
            if not 3 <= len(fields) <= 4:
                raise ValueError(
                    f"a mark is (start, end, category[, title]); got {len(fields)} fields: {m!r}"
                )
            title = str(fields[3]) if len(fields) == 4 else ""
            out.append(Mark(int(fields[0]), int(fields[1]), str(fields[2]), title))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    from opedkit.segment import paragraph_spans

    return paragraph_spans(text)


def _open_tag(mark: Mark, cont: bool, inline_styles: bool) -> str:
    name = _css_name(mark.category)
    attrs = [f'class="ok ok-{name}"', f'data-start="{mark.start}"', f'data-end="{mark.end}"']
    if cont:
        attrs.append('data-cont="1"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    if inline_styles:
        attrs.append(f'style="{_declarations(_style_of(mark.category))}"')
    return "<mark " + " ".join(attrs) + ">"


def _text_html(chunk: str) -> str:
    return escape(chunk).replace("\n", "<br>")


def _render_range(
    text: str, lo: int, hi: int, marks: list[tuple[int, Mark]], inline_styles: bool
) -> str:
    """HTML for text[lo:hi] with the marks (clipped to the range) properly nested."""
    # (clipped start, clipped end, input order, mark)
    clipped = [
        (max(m.start, lo), min(m.end, hi), order, m)
        for order, m in marks
        if m.start < hi and m.end > lo
    ]
    clipped.sort(key=lambda c: (c[0], -c[1], c[2]))
    cuts = sorted({lo, hi, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    out: list[str] = []
    stack: list[tuple[int, int, int, Mark]] = []  # open marks, outermost first
    started: set[int] = set()  # input orders of marks already opened once in this range
    nxt = 0
    for i, pos in enumerate(cuts):
        # close every mark that ends here; marks above it that go on are closed and reopened
        if any(c[1] == pos for c in stack):
            keep: list[tuple[int, int, int, Mark]] = []
            cut_at = min(k for k, c in enumerate(stack) if c[1] == pos)
            for c in reversed(stack[cut_at:]):
                out.append("</mark>")
                if c[1] != pos:
                    keep.append(c)
            del stack[cut_at:]
            for c in reversed(keep):
                out.append(_open_tag(c[3], True, inline_styles))
                stack.append(c)
        # open the marks that start here, longest first
        while nxt < len(clipped) and clipped[nxt][0] == pos:
            c = clipped[nxt]
            nxt += 1
            if c[0] >= c[1]:
                continue
            cont = c[3].start < lo or c[2] in started
            started.add(c[2])
            out.append(_open_tag(c[3], cont, inline_styles))
            stack.append(c)
        if i + 1 < len(cuts):
            out.append(_text_html(text[pos : cuts[i + 1]]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def mark_up(text: str, marks: Iterable[Any] | Any = (), *, inline_styles: bool = False) -> str:
    """Render ``text`` as an escaped HTML fragment with ``marks`` highlighted.

    ``marks`` holds :class:`Mark` records (or ``(start, end, category[, title])`` tuples,
    mappings, or a DataFrame with those columns) whose offsets index ``text``. Returns
    ``<div class="ok-text">`` with one ``<p data-paragraph="i">`` per paragraph. Add
    :func:`stylesheet` (or pass ``inline_styles=True``) for the colours and lines.

    >>> mark_up("It may rain.\\n\\nIt will.", [(3, 6, "hedge"), (17, 21, "predictive", "will")])
    '<div class="ok-text"><p data-paragraph="0">It <mark class="ok ok-hedge" data-start="3" \
data-end="6">may</mark> rain.</p>\\n<p data-paragraph="1">It <mark class="ok ok-predictive" \
data-start="17" data-end="21" title="will">will</mark>.</p></div>'
    """
    if not isinstance(text, str):
        raise TypeError(f"mark_up needs the text as a str, got {type(text).__name__}")
    items = as_marks(marks)
    for m in items:
        if m.start < 0 or m.end > len(text) or m.start > m.end:
            raise ValueError(
                f"mark {m.category!r} [{m.start}, {m.end}) is outside the text "
                f"(length {len(text)}) or ends before it starts"
            )
    ordered = [(i, m) for i, m in enumerate(items) if m.start < m.end]
    paras = [
        f'<p data-paragraph="{k}">{_render_range(text, lo, hi, ordered, inline_styles)}</p>'
        for k, (lo, hi) in enumerate(_paragraphs(text))
    ]
    return '<div class="ok-text">' + "\n".join(paras) + "</div>"


def stylesheet() -> str:
    """CSS for the marks and the legend (put it in a ``<style>`` element once per page).

    Backgrounds are kept when printing (``print-color-adjust: exact``); the lines alone
    already tell the categories apart on a black-and-white printer.
    """
    rules = [
        ".ok-text p{margin:0 0 1em 0;}",
        "mark.ok{-webkit-print-color-adjust:exact;print-color-adjust:exact;border-radius:2px;}",
        f"mark.ok{{{_declarations(_FALLBACK)}}}",
    ]
    for name, style in STYLES.items():
        rules.append(f"mark.ok-{name}{{{_declarations(style)}}}")
    rules.append(
        ".ok-legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em;}"
        ".ok-legend li{margin:0;}.ok-legend .ok-meaning{color:#444;font-size:.9em;}"
    )
    return "\n".join(rules)


def legend(categories: Iterable[str] | None = None, *, inline_styles: bool = False) -> str:
    """A key to the marks: each category's sample, label and meaning, as an HTML ``<ul>``.

    ``categories`` picks which to show and in what order (default: all of :data:`STYLES`).

    >>> legend(["hedge"])
    '<ul class="ok-legend"><li><mark class="ok ok-hedge">Hedge</mark> \
<span class="ok-meaning">softens a claim: perhaps, may, likely</span></li></ul>'
    """
    names = list(STYLES) if categories is None else list(categories)
    items = []
    for category in names:
        name = _css_name(category)
        style = STYLES.get(name, _FALLBACK._replace(label=str(category)))
        attr = f' style="{_declarations(style)}"' if inline_styles else ""
        meaning = (
            f' <span class="ok-meaning">{escape(style.meaning)}</span>' if style.meaning else ""
        )
        items.append(
            f'<li><mark class="ok ok-{name}"{attr}>{escape(style.label)}</mark>{meaning}</li>'
        )
    return '<ul class="ok-legend">' + "".join(items) + "</ul>"
