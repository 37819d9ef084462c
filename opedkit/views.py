"""Notebook views: the op-ed marked up in place, toggles, pickers and answer forms.

Every view here is a :class:`View`: in JupyterLab it shows live widgets (ipywidgets); where
no widget front end is running (a static render on GitHub, an HTML export, nbval) it shows a
static HTML version of the same content, and ``text/plain`` for a terminal. A notebook
output carries all three and the front end picks the richest it can show.

Two rules make the lessons testable with strict nbval:

* The static parts (``text/html`` and ``text/plain``) depend only on the text and on
  opedkit's numbers, **never on saved answers**: what a student saved appears only inside
  the live widgets, whose state nbval does not compare. A lesson re-run with saved answers
  therefore stores exactly the same static output as a fresh run.
* Nothing in them is random or time-dependent: no ids, no time stamps.

Stable hooks for browser tests and custom CSS:

* the highlighter's container has the class ``ok-highlighter``; its marked text sits in an
  element with the class ``ok-marked``, whose ``data-shown`` lists the categories it was
  rendered with (space-separated, in toggle order) and ``data-paragraph-shown`` the
  paragraph (``all`` or the 0-based index), so a test can tell that the kernel has answered
  a click even when a category has no marks; each category's toggle (a checkbox) has the class
  ``ok-toggle-<category>``; the paragraph picker has ``ok-paragraph-picker``;
* every mark is ``<mark class="ok ok-<category>">`` (from :mod:`opedkit.markup`), e.g.
  ``mark.ok-hedge``, ``mark.ok-booster``; a mark split at a crossing carries
  ``data-cont="1"`` on its later pieces; the legend above the text shows one sample mark per
  category *outside* the text. So to count the hedges shown, count
  ``.ok-highlighter .ok-text mark.ok-hedge:not([data-cont])``;
* every paragraph is ``<p data-paragraph="i">`` (0-based) beginning with
  ``<span class="ok-pnum">`` holding the number a reader uses (i + 1).

ipywidgets is imported inside the functions that build widgets, so importing this module
is cheap.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from opedkit.markup import STYLES, as_marks, escape, legend, mark_up

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

_PARA = re.compile(r'<p data-paragraph="(\d+)">(.*?)</p>', re.S)
_PNUM_STYLE = (
    "display:inline-block;min-width:2.2em;margin-right:.4em;color:#555;"
    "font-size:.85em;font-weight:bold;user-select:none;"
)
_NOTE_STYLE = "color:#444;font-size:.9em;margin:.2em 0 .6em 0;"
#: ipywidgets' HTML widget sets a tall line height meant for one-line labels; reading text
#: needs its own.
_TEXT_STYLE = "line-height:1.55;white-space:normal"
_TD_STYLE = "text-align:left;padding:2px 8px;vertical-align:top"
_BOX_STYLE = "border:1px solid #bbb;border-radius:4px;padding:.6em .9em;margin:.3em 0;"


class View:
    """A notebook output with a live widget and a static fallback.

    ``widget`` is an ipywidgets widget (or ``None``); ``html`` and ``text`` are the static
    versions, shown where widgets cannot be (and the only parts nbval compares).
    """

    def __init__(self, html: str, text: str, widget: Any = None) -> None:
        self.html = html
        self.text = text
        self.widget = widget

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data: dict[str, Any] = {"text/plain": self.text, "text/html": self.html}
        if self.widget is not None:
            view = self.widget._repr_mimebundle_().get(WIDGET_MIME)
            if view is not None:
                data[WIDGET_MIME] = view
        return data

    def __repr__(self) -> str:
        return self.text


# --- marked-up text -------------------------------------------------------------------------


def _number_paragraphs(fragment: str, only: int | None = None) -> str:
    """Add the reader's paragraph number to each ``<p>`` of a mark_up fragment (optionally
    keeping one paragraph only)."""

    def number(m: re.Match[str]) -> str:
        k = int(m.group(1))
        if only is not None and k != only:
            return ""
        return (
            f'<p data-paragraph="{k}"><span class="ok-pnum" style="{_PNUM_STYLE}">'
            f"¶ {k + 1}</span>{m.group(2)}</p>"
        )

    out = _PARA.sub(number, fragment)
    if only is not None:
        out = out.replace("</p>\n", "</p>")
    return out


_LEGEND_STYLE = (
    "list-style:none;margin:0 0 .6em 0;padding:0;display:flex;flex-wrap:wrap;gap:.2em 1.4em"
)


def _inline_legend(categories: Sequence[str]) -> str:
    """opedkit.markup's legend, laid out in a row even where no stylesheet applies."""
    return legend(categories, inline_styles=True).replace(
        '<ul class="ok-legend">', f'<ul class="ok-legend" style="{_LEGEND_STYLE}">', 1
    )


def marked_html(
    text: str, marks: Iterable[Any] = (), *, paragraph: int | None = None, numbered: bool = True
) -> str:
    """The text as escaped HTML with ``marks`` (see :func:`opedkit.markup.mark_up`), each
    paragraph numbered as a reader counts (¶ 1, ¶ 2…); ``paragraph`` keeps just one
    (0-based).

    >>> one = marked_html("It may rain.\\n\\nIt will.", [(3, 6, "hedge")], paragraph=0)
    >>> one.count("<p "), one.count("ok-hedge"), "¶ 1" in one, "will" in one
    (1, 1, True, False)
    """
    fragment = mark_up(text, marks, inline_styles=True)
    return _number_paragraphs(fragment, paragraph) if numbered else fragment


def reading_view(doc: Document, *, title: bool = True) -> View:
    """The op-ed's body for reading, paragraphs numbered, nothing marked (lesson 00)."""
    head = ""
    if title and doc.title:
        by = f"<div style='{_NOTE_STYLE}'>{escape(doc.author)}</div>" if doc.author else ""
        head = f"<h3 style='margin:.2em 0'>{escape(doc.title)}</h3>{by}"
    body = marked_html(doc.body, [])
    lines = [doc.title, doc.author, ""] if title else []
    lines += [f"[{i + 1}] {p}" for i, p in enumerate(doc.paragraphs)]
    return View(
        f'<div class="ok-reading" style="max-width:46em">{head}{body}</div>', "\n".join(lines)
    )


def paragraph_view(text: str, paragraph: int) -> View:
    """One paragraph (0-based index) of a text, numbered as readers count it."""
    from opedkit.segment import paragraph_spans

    spans = paragraph_spans(text)
    lo, hi = spans[paragraph]
    return View(
        f'<div class="ok-reading" style="max-width:46em;{_TEXT_STYLE}">'
        f"{marked_html(text, [], paragraph=paragraph)}</div>",
        f"[{paragraph + 1}] {text[lo:hi]}",
    )


def _label(category: str) -> str:
    style = STYLES.get(category)
    return style.label if style else category.replace("-", " ").capitalize()


def _plural(label: str, n: int) -> str:
    return label if n == 1 else (label[:-1] + "ies" if label.endswith("y") else label + "s")


def highlighter(
    text: str,
    marks: Any,
    *,
    categories: Sequence[str] | None = None,
    initially: Sequence[str] | None = None,
    note: str = "",
    paragraph: int | None = None,
) -> View:
    """The text with its marks, a toggle (checkbox) per category and a paragraph picker.

    ``marks``: :class:`~opedkit.markup.Mark` records, tuples or a DataFrame with columns
    ``start, end, category[, title]`` (offsets into ``text``). ``categories`` sets the order of
    the toggles (default: order of first appearance); ``initially`` which are on at first
    (default: all); ``paragraph`` which paragraph is picked at first (0-based; default: all).
    The static fallback shows the same: the ``initially`` categories in that paragraph.
    """
    all_marks = as_marks(marks)
    cats = (
        list(categories)
        if categories is not None
        else list(dict.fromkeys(m.category for m in all_marks))
    )
    on = list(initially) if initially is not None else list(cats)
    counts = {c: sum(1 for m in all_marks if m.category == c) for c in cats}
    n_paragraphs = len(re.findall(r"<p data-paragraph=", mark_up(text, [])))

    def render(shown: Iterable[str], paragraph: int | None) -> str:
        shown = [c for c in cats if c in set(shown)]
        chosen = [m for m in all_marks if m.category in shown]
        key = (
            _inline_legend(shown)
            if shown
            else (f"<div style='{_NOTE_STYLE}'>Nothing is highlighted: tick a box above.</div>")
        )
        body = marked_html(text, chosen, paragraph=paragraph)
        picked = "all" if paragraph is None else str(paragraph)
        return (
            f'<div class="ok-marked" data-shown="{escape(" ".join(shown))}" '
            f'data-paragraph-shown="{picked}" style="{_TEXT_STYLE}">{key}{body}</div>'
        )

    summary = ", ".join(f"{counts[c]} {_plural(_label(c).lower(), counts[c])}" for c in cats)
    note_html = f"<div style='{_NOTE_STYLE}'>{escape(note)}</div>" if note else ""
    where = "all paragraphs" if paragraph is None else f"paragraph {paragraph + 1}"
    static = (
        f'<div class="ok-highlighter ok-static" style="max-width:46em">{note_html}'
        f"<div style='{_NOTE_STYLE}'>Marked: {escape(summary)}. Showing: "
        f"{escape(', '.join(_label(c) for c in on) or 'nothing')}, in {where}. (Open this "
        "notebook in JupyterLab and run it to switch each kind on and off, or pick another "
        "paragraph.)</div>"
        f"{render(on, paragraph)}</div>"
    )
    plain = (
        f"Highlighted text, {n_paragraphs} paragraphs. Marked: {summary}. "
        f"Showing: {', '.join(on) or 'nothing'}, in {where}."
    )
    widget = _highlighter_widget(cats, on, counts, n_paragraphs, render, note_html, paragraph)
    return View(static, plain, widget)


def _highlighter_widget(
    cats: list[str],
    on: list[str],
    counts: dict[str, int],
    n_paragraphs: int,
    render: Callable[[Iterable[str], int | None], str],
    note_html: str,
    paragraph: int | None = None,
) -> Any:
    import ipywidgets as w

    boxes = {}
    for c in cats:
        box = w.Checkbox(
            value=c in on,
            description=f"{_label(c)} ({counts[c]})",
            indent=False,
            layout=w.Layout(width="auto", margin="0 1.2em 0 0"),
        )
        box.add_class(f"ok-toggle-{c}")
        boxes[c] = box
    picker = w.Dropdown(
        options=[("all paragraphs", -1)] + [(f"paragraph {k + 1}", k) for k in range(n_paragraphs)],
        value=-1 if paragraph is None else paragraph,
        description="Show",
        layout=w.Layout(width="17em"),
    )
    picker.add_class("ok-paragraph-picker")
    shown = w.HTML(render(on, paragraph))

    def update(_change: Any = None) -> None:
        chosen = [c for c, b in boxes.items() if b.value]
        shown.value = render(chosen, None if picker.value == -1 else int(picker.value))

    for b in boxes.values():
        b.observe(update, names="value")
    picker.observe(update, names="value")
    controls = w.HBox([*boxes.values(), picker], layout=w.Layout(flex_flow="row wrap"))
    parts = ([w.HTML(note_html)] if note_html else []) + [controls, shown]
    box = w.VBox(parts, layout=w.Layout(max_width="48em"))
    box.add_class("ok-highlighter")
    return box


# --- tables and pickers ---------------------------------------------------------------------


def table_html(table: pd.DataFrame, *, index: bool = False, max_rows: int = 60) -> str:
    """A small, escaped HTML table (no pandas styling, same bytes on every run)."""
    cols = list(table.columns)
    head = "".join(
        f"<th style='text-align:left;padding:2px 8px'>{escape(str(c))}</th>" for c in cols
    )
    rows = []
    for _, row in table.head(max_rows).iterrows():
        cells = "".join(_td(_fmt(row[c])) for c in cols)
        rows.append(f"<tr>{cells}</tr>")
    more = (
        f"<div style='{_NOTE_STYLE}'>… {len(table) - max_rows} more rows</div>"
        if len(table) > max_rows
        else ""
    )
    body = "".join(rows)
    table_tag = f"<table class='ok-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
    return f"{table_tag}</table>{more}"


def _td(text: str) -> str:
    """A table cell; short values (numbers, dates, ids) are kept on one line."""
    keep = ";white-space:nowrap" if len(text) <= 12 else ""
    return f"<td style='{_TD_STYLE}{keep}'>{escape(text)}</td>"


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value == value else "–"
    return str(value)


def sentence_picker(
    text: str,
    table: pd.DataFrame,
    *,
    label: Callable[[Any], str] | None = None,
    details: Callable[[int], pd.DataFrame] | None = None,
    marks: Any = None,
    start: int = 0,
) -> View:
    """Pick one sentence of ``table`` (rows with ``sentence``, ``start``, ``end``, ``text``,
    offsets into ``text``) and see it, marked, with the rows ``details(sentence)`` returns.

    The static fallback shows the sentence ``start``.
    """
    rows = table.reset_index(drop=True)
    all_marks = as_marks(marks)
    numbers = [int(s) for s in rows["sentence"]]

    def describe(i: int) -> str:
        r = rows.iloc[i]
        lo, hi = int(r["start"]), int(r["end"])
        inside = [
            m._replace(start=m.start - lo, end=m.end - lo)
            for m in all_marks
            if m.start >= lo and m.end <= hi
        ]
        head = label(r) if label else f"Sentence {int(r['sentence']) + 1}"
        out = (
            f"<div style='{_BOX_STYLE}'><div style='{_NOTE_STYLE}'>{escape(head)}</div>"
            f"<div style='{_TEXT_STYLE}'>{mark_up(text[lo:hi], inside, inline_styles=True)}</div>"
        )
        if details is not None:
            extra = details(int(r["sentence"]))
            out += (
                table_html(extra)
                if len(extra)
                else f"<div style='{_NOTE_STYLE}'>(nothing found here)</div>"
            )
        return out + "</div>"

    first = min(max(start, 0), len(rows) - 1) if len(rows) else 0
    if not len(rows):
        return View(f"<div style='{_NOTE_STYLE}'>(no sentences)</div>", "(no sentences)")
    static = (
        f"<div class='ok-sentence-picker ok-static'><div style='{_NOTE_STYLE}'>Showing sentence "
        f"{numbers[first] + 1} of {len(rows)} listed (run this notebook in JupyterLab to pick "
        f"another).</div>{describe(first)}</div>"
    )
    plain = f"Sentence picker: {len(rows)} sentences; showing sentence {numbers[first] + 1}."
    try:
        import ipywidgets as w
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return View(static, plain)
    options = [(f"{k + 1}: {_short(str(rows.iloc[k]['text']))}", k) for k in range(len(rows))]
    picker = w.Dropdown(
        options=options, value=first, description="Sentence", layout=w.Layout(width="46em")
    )
    picker.add_class("ok-sentence-picker")
    shown = w.HTML(describe(first))
    picker.observe(lambda ch: setattr(shown, "value", describe(int(ch["new"]))), names="value")
    return View(static, plain, w.VBox([picker, shown]))


def _short(s: str, n: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --- answer forms (saved as the student types) ----------------------------------------------


def _answers(lesson: str) -> Any:
    from opedkit.lessons import Answers

    return Answers(lesson)


def _saved_note(lesson: str) -> str:
    return f"Saved as you type, in my-work/lesson-{lesson}.json."


def _status(lesson: str) -> Any:
    import ipywidgets as w

    return w.HTML(f"<span style='{_NOTE_STYLE}'>{_saved_note(lesson)}</span>")


def _saver(store: Any, key: str, status: Any) -> Callable[[Any], None]:
    """A function that saves a value under ``key`` and says so in ``status``; when saving
    fails (a read-only folder, a full disk), the status says what went wrong, so that the
    student knows at once instead of losing work silently."""

    def save(value: Any) -> None:
        try:
            store.set(key, value)
        except (OSError, ValueError) as exc:
            status.value = (
                f"<span style='{_NOTE_STYLE}'><strong>✘ Not saved:</strong> "
                f"{escape(str(exc))}. Copy your text somewhere safe, and ask for help.</span>"
            )
        else:
            if "Not saved" in status.value:
                status.value = f"<span style='{_NOTE_STYLE}'>✔ Saved again.</span>"

    return save


def text_box(lesson: str, key: str, prompt: str, *, rows: int = 4, placeholder: str = "") -> View:
    """A text box whose contents are saved under ``key`` as the student types and restored
    when the notebook is run again."""
    static = (
        f"<div class='ok-form ok-static' style='{_BOX_STYLE}'><strong>{escape(prompt)}</strong>"
        f"<div style='{_NOTE_STYLE}'>[a text box: run this notebook in JupyterLab to write here; "
        f"{escape(_saved_note(lesson).lower())}]</div></div>"
    )
    plain = f"[text box] {prompt}"
    import ipywidgets as w

    store = _answers(lesson)
    area = w.Textarea(
        value=str(store.get(key, "")),
        placeholder=placeholder,
        layout=w.Layout(width="46em", height=f"{1.6 * rows + 0.8:.1f}em"),
    )
    status = _status(lesson)
    save = _saver(store, key, status)
    area.observe(lambda ch: save(ch["new"]), names="value")
    box = w.VBox([w.HTML(f"<strong>{escape(prompt)}</strong>"), area, status])
    box.add_class("ok-form")
    return View(static, plain, box)


def rating(lesson: str, key: str, prompt: str, options: Sequence[str]) -> View:
    """A row of buttons (one choice) saved under ``key`` (the chosen option's text)."""
    listed = " · ".join(options)
    static = (
        f"<div class='ok-form ok-static' style='{_BOX_STYLE}'><strong>{escape(prompt)}</strong>"
        f"<div>{escape(listed)}</div><div style='{_NOTE_STYLE}'>[buttons: run this notebook in "
        "JupyterLab to choose]</div></div>"
    )
    plain = f"[choose one] {prompt} {listed}"
    import ipywidgets as w

    store = _answers(lesson)
    saved = store.get(key)
    buttons = w.ToggleButtons(
        options=list(options),
        value=saved if saved in options else None,
        style={"button_width": "auto"},
    )
    status = _status(lesson)
    save = _saver(store, key, status)
    buttons.observe(lambda ch: save(ch["new"]) if ch["new"] is not None else None, names="value")
    box = w.VBox([w.HTML(f"<strong>{escape(prompt)}</strong>"), buttons, status])
    box.add_class("ok-form")
    return View(static, plain, box)


def choice(exercise_id: str) -> View:
    """A choice exercise from :mod:`opedkit.lessons` with immediate, explained feedback.

    The student's pick is saved (as the exercise's answer) and shown again on re-run.
    """
    from opedkit import lessons

    ex = lessons.exercise(exercise_id)
    options = lessons.choice_options(exercise_id)
    listed = "".join(f"<li>{chr(97 + i)}) {escape(o)}</li>" for i, o in enumerate(options))
    static = (
        f"<div class='ok-choice ok-static' style='{_BOX_STYLE}'><strong>{escape(ex.id)} · "
        f"{escape(ex.question)}</strong><ul style='list-style:none;padding-left:.5em'>"
        f"{listed}</ul><div style='{_NOTE_STYLE}'>"
        "[run this notebook in JupyterLab to answer and get feedback; or use "
        f'lessons.check("{escape(ex.id)}", your_choice) in a code cell]</div></div>'
    )
    plain = f"{ex.id} · {ex.question}\n" + "\n".join(
        f"  {chr(97 + i)}) {o}" for i, o in enumerate(options)
    )
    import ipywidgets as w

    saved = lessons.Answers(lessons._lesson_of(ex.id)).get(f"exercise {ex.id}")
    radio = w.RadioButtons(
        options=options, value=saved if saved in options else None, layout=w.Layout(width="auto")
    )
    feedback = w.HTML("")

    def answer(change: Any) -> None:
        if change["new"] is not None:
            feedback.value = lessons.check(ex.id, change["new"])._repr_html_()

    radio.observe(answer, names="value")
    if radio.value is not None:
        feedback.value = lessons.check(ex.id, radio.value, save=False)._repr_html_()
    box = w.VBox(
        [w.HTML(f"<strong>{escape(ex.id)} · {escape(ex.question)}</strong>"), radio, feedback]
    )
    box.add_class("ok-choice")
    return View(static, plain, box)


def note(text: str) -> View:
    """A short, escaped note (static only)."""
    return View(f"<div style='{_NOTE_STYLE}'>{html.escape(text)}</div>", text)


# --- the parts of a page (lesson 01) --------------------------------------------------------

_KIND_LABELS = {
    "title": "TITLE",
    "byline": "BYLINE",
    "date": "DATE",
    "body": "BODY",
    "bio": "BIO",
    "boilerplate": "PAGE FURNITURE",
    "front-matter": "FRONT MATTER",
    "other": "OTHER",
}


def parts_view(doc: Document, *, body_words: int = 12) -> View:
    """The saved page, part by part: each part's kind (title, body, bio, page furniture…),
    its text (body paragraphs shortened to their first words) and why it got that kind.

    Body parts are drawn with a solid border, everything else dashed, so the difference does
    not rely on colour.
    """
    blocks = []
    lines = []
    para = 0
    for part in doc.parts:
        label = _KIND_LABELS.get(part.kind, part.kind.upper())
        words = part.text.split()
        if part.kind == "body":
            para += 1
            label = f"BODY ¶ {para}"
            shown = " ".join(words[:body_words]) + (" …" if len(words) > body_words else "")
            border = "2px solid #222"
        else:
            shown = part.text
            border = "2px dashed #777"
        blocks.append(
            f"<div class='ok-part ok-part-{escape(part.kind)}' style='border-left:{border};"
            f"padding:.15em .7em;margin:.35em 0'><span style='font-size:.75em;font-weight:bold;"
            f"letter-spacing:.05em'>{escape(label)}</span> <span style='{_NOTE_STYLE}'>— "
            f"{escape(part.reason)}</span><div>{escape(shown)}</div></div>"
        )
        lines.append(f"{label}: {_short(shown, 60)}  ({part.reason})")
    return View(
        f"<div class='ok-parts' style='max-width:46em'>{''.join(blocks)}</div>", "\n".join(lines)
    )


# --- labelling and checklists ---------------------------------------------------------------


def labeller(
    lesson: str,
    key: str,
    items: Sequence[tuple[str, str]],
    choices: Sequence[str],
    *,
    prompt: str = "",
    compare: Callable[[dict[str, str]], Any] | None = None,
) -> View:
    """Label each item (``(item_id, text)``) with one of ``choices``; the labels are saved as
    ``{item_id: choice}`` under ``key`` and restored on re-run. With ``compare`` (a function
    of the labels returning something with ``_repr_html_``, such as
    :class:`~opedkit.lessons.Feedback`), a button shows the comparison.
    """
    listed = "".join(
        f"<li style='margin:.3em 0'>{escape(text)}<br><span style='{_NOTE_STYLE}'>"
        f"[{escape(' / '.join(choices))}]</span></li>"
        for _, text in items
    )
    head = f"<strong>{escape(prompt)}</strong>" if prompt else ""
    static = (
        f"<div class='ok-labeller ok-static' style='{_BOX_STYLE}'>{head}<ol>{listed}</ol>"
        f"<div style='{_NOTE_STYLE}'>[run this notebook in JupyterLab to label these "
        "sentences; your labels are saved as you go]</div></div>"
    )
    plain = f"[label {len(items)} items as {' / '.join(choices)}] {prompt}".rstrip()
    import ipywidgets as w

    store = _answers(lesson)
    saved = store.get(key)
    labels: dict[str, str] = (
        {str(k): v for k, v in saved.items() if v in choices} if isinstance(saved, dict) else {}
    )
    status = _status(lesson)
    save_all = _saver(store, key, status)
    rows = []
    for n, (item_id, text) in enumerate(items, start=1):
        buttons = w.ToggleButtons(
            options=list(choices), value=labels.get(item_id), style={"button_width": "auto"}
        )
        buttons.add_class("ok-label-buttons")

        def save(change: Any, item_id: str = item_id) -> None:
            if change["new"] is not None:
                labels[item_id] = change["new"]
                save_all(dict(labels))

        buttons.observe(save, names="value")
        rows.append(
            w.HTML(f"<div style='{_TEXT_STYLE}'><strong>{n}.</strong> {escape(text)}</div>")
        )
        rows.append(buttons)
    children: list[Any] = ([w.HTML(head)] if head else []) + rows
    children.append(status)
    if compare is not None:
        shown = w.HTML("")
        button = w.Button(
            description="Compare with opedkit", layout=w.Layout(width="auto", margin=".4em 0")
        )
        button.add_class("ok-compare")

        def show(_b: Any) -> None:
            result = compare(dict(labels))
            shown.value = (
                result._repr_html_() if hasattr(result, "_repr_html_") else escape(str(result))
            )

        button.on_click(show)
        children += [button, shown]
    box = w.VBox(children, layout=w.Layout(max_width="48em"))
    box.add_class("ok-labeller")
    return View(static, plain, box)


def checklist(lesson: str, key: str, items: Sequence[str], *, prompt: str = "") -> View:
    """A checklist: a tick box and a one-line note per item, saved under ``key`` as
    ``{item: {"done": bool, "note": str}}`` and restored on re-run."""
    listed = "".join(f"<li>☐ {escape(i)}</li>" for i in items)
    head = f"<strong>{escape(prompt)}</strong>" if prompt else ""
    static = (
        f"<div class='ok-checklist ok-static' style='{_BOX_STYLE}'>{head}"
        f"<ul style='list-style:none;padding-left:.5em'>{listed}</ul><div style='{_NOTE_STYLE}'>"
        "[run this notebook in JupyterLab to tick items and add notes; saved as you go]</div></div>"
    )
    plain = (
        f"[checklist, {len(items)} items] {prompt}".rstrip()
        + "\n"
        + "\n".join(f"  [ ] {i}" for i in items)
    )
    import ipywidgets as w

    store = _answers(lesson)
    saved = store.get(key)
    state: dict[str, dict[str, Any]] = {i: {"done": False, "note": ""} for i in items}
    if isinstance(saved, dict):
        for i in items:
            entry = saved.get(i)
            if isinstance(entry, dict):
                state[i] = {"done": bool(entry.get("done")), "note": str(entry.get("note", ""))}
    status = _status(lesson)
    save_all = _saver(store, key, status)
    rows = []
    for item in items:
        tick = w.Checkbox(
            value=state[item]["done"],
            description=item,
            indent=False,
            layout=w.Layout(width="auto"),
        )
        tick.add_class("ok-check")
        note = w.Text(
            value=state[item]["note"],
            placeholder="a note: what you found, where",
            layout=w.Layout(width="40em", margin="0 0 .6em 1.6em"),
        )

        def save_tick(change: Any, item: str = item) -> None:
            state[item]["done"] = bool(change["new"])
            save_all(state)

        def save_note(change: Any, item: str = item) -> None:
            state[item]["note"] = str(change["new"])
            save_all(state)

        tick.observe(save_tick, names="value")
        note.observe(save_note, names="value")
        rows += [tick, note]
    children = [*([w.HTML(head)] if head else []), *rows, status]
    box = w.VBox(children, layout=w.Layout(max_width="48em"))
    box.add_class("ok-checklist")
    return View(static, plain, box)


# --- recalling an earlier answer, trying a rewrite ------------------------------------------


def recall(lesson: str, key: str, label: str) -> View:
    """Show what the student saved in an earlier lesson (live widget only: the static output
    never shows saved answers, so it is the same for everyone)."""
    static = (
        f"<div class='ok-recall ok-static' style='{_BOX_STYLE}'><strong>{escape(label)}</strong> "
        f"<span style='{_NOTE_STYLE}'>[your saved answer from lesson {escape(lesson)} appears "
        "here when you run this notebook in JupyterLab]</span></div>"
    )
    plain = f"[{label} your saved answer from lesson {lesson} appears here when run]"
    import ipywidgets as w

    value = _answers(lesson).get(key)
    shown = (
        escape(str(value))
        if value not in (None, "")
        else f"<em>nothing saved yet: go back to lesson {escape(lesson)} and answer there</em>"
    )
    box = w.HTML(f"<div style='{_BOX_STYLE}'><strong>{escape(label)}</strong> {shown}</div>")
    box.add_class("ok-recall")
    return View(static, plain, box)


def try_it(
    lesson: str,
    key: str,
    prompt: str,
    measure: Callable[[str], Any],
    *,
    start: str = "",
    rows: int = 3,
) -> View:
    """A text box and a *Measure* button: ``measure(text)`` (a View, Feedback, DataFrame or
    anything with ``_repr_html_``) is shown under it. The text is saved as the student types;
    ``start`` is the text offered at first."""
    static = (
        f"<div class='ok-try ok-static' style='{_BOX_STYLE}'><strong>{escape(prompt)}</strong>"
        f"<div style='{_NOTE_STYLE}'>[a text box and a Measure button: run this notebook in "
        "JupyterLab to try your own version]</div></div>"
    )
    plain = f"[try it] {prompt}"
    import ipywidgets as w

    store = _answers(lesson)
    area = w.Textarea(
        value=str(store.get(key) or start),
        layout=w.Layout(width="46em", height=f"{1.6 * rows + 0.8:.1f}em"),
    )
    status = _status(lesson)
    save = _saver(store, key, status)
    area.observe(lambda ch: save(ch["new"]), names="value")
    button = w.Button(description="Measure")
    button.add_class("ok-measure")
    shown = w.HTML("")

    def run(_b: Any = None) -> None:
        shown.value = _as_html(measure(area.value))

    button.on_click(run)
    box = w.VBox([w.HTML(f"<strong>{escape(prompt)}</strong>"), area, status, button, shown])
    box.add_class("ok-try")
    return View(static, plain, box)


def _as_html(result: Any) -> str:
    if isinstance(result, View):
        return result.html
    if hasattr(result, "columns") and hasattr(result, "iterrows"):
        return table_html(result)
    if hasattr(result, "_repr_html_"):
        return str(result._repr_html_())
    return f"<pre>{escape(str(result))}</pre>"


# --- charts ---------------------------------------------------------------------------------

#: Fills for bars: each series has its own hatch *and* shade, so bars stay apart in grayscale
#: and for colour-blind readers (Okabe & Ito 2008 hues, as in opedkit.markup).
HATCHES = ("//", "..", "xx", "\\\\", "++", "oo")
SHADES = ("#0072B2", "#D55E00", "#CC79A7", "#009E73", "#E69F00", "#56B4E9")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p")
LINES = ("-", "--", ":", "-.", (0, (5, 1)), (0, (1, 2)))


class Chart:
    """A matplotlib figure shown as a PNG, with a text description (the ``text/plain`` part,
    also what a screen reader or a terminal gets). The figure is closed once drawn, so it is
    shown exactly once."""

    def __init__(self, fig: Any, alt: str) -> None:
        self.fig = fig
        self.alt = alt
        self._png: bytes | None = None

    def png(self) -> bytes:
        if self._png is None:
            import io

            import matplotlib.pyplot as plt

            buf = io.BytesIO()
            self.fig.savefig(
                buf, format="png", dpi=96, bbox_inches="tight", metadata={"Software": None}
            )
            plt.close(self.fig)
            self._png = buf.getvalue()
        return self._png

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {"image/png": self.png(), "text/plain": f"[chart] {self.alt}"}

    def __repr__(self) -> str:
        return f"[chart] {self.alt}"


def _figure(width: float = 8.0, height: float = 3.4) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    with plt.rc_context({"font.size": 10, "hatch.linewidth": 0.8}):
        fig, ax = plt.subplots(figsize=(width, height))
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def grouped_bars(
    table: pd.DataFrame,
    x: str,
    series: Mapping[str, str],
    *,
    xlabel: str,
    ylabel: str,
    title: str,
    x_labels: Sequence[str] | None = None,
) -> Chart:
    """Bars for each row of ``table`` (``x`` gives the groups), one bar per column in
    ``series`` (column -> label in the legend), each with its own hatch and shade."""
    fig, ax = _figure()
    n = max(len(series), 1)
    width = 0.8 / n
    xs = list(range(len(table)))
    for k, (col, label) in enumerate(series.items()):
        ax.bar(
            [i - 0.4 + width * (k + 0.5) for i in xs],
            table[col].tolist(),
            width=width,
            label=label,
            color="white",
            edgecolor=SHADES[k % len(SHADES)],
            hatch=HATCHES[k % len(HATCHES)],
            linewidth=1.2,
        )
    ax.set_xticks(xs, list(x_labels) if x_labels is not None else [str(v) for v in table[x]])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, loc="left")
    if len(series) > 1:
        ax.legend(frameon=False)
    values = ", ".join(
        f"{lab}: " + " ".join(_fmt(v) for v in table[col]) for col, lab in series.items()
    )
    return Chart(
        fig, f"{title}. {xlabel} {', '.join(str(v) for v in (x_labels or table[x]))}. {values}"
    )


def table(frame: pd.DataFrame, *, index: bool = True) -> View:
    """A table for reading: long text shown in full and left-aligned (unlike pandas'
    display, which cuts and right-aligns long cells)."""
    shown = frame.reset_index() if index and frame.index.name else frame
    text = shown.to_string(index=False)
    return View(table_html(shown), text)


def timeline_chart(
    table: pd.DataFrame,
    *,
    date: str = "date",
    group: str = "theme",
    label: str = "id",
    title: str = "What happened, by theme",
    lines: Mapping[str, str] | None = None,
) -> Chart:
    """Events on a time axis, one row per ``group`` (each with its own marker), each event
    labelled with its ``label``; ``lines`` draws dashed vertical lines (date -> caption)."""
    import datetime as dt

    fig, ax = _figure(9.0, 0.45 * max(table[group].nunique(), 3) + 1.4)
    groups = list(dict.fromkeys(table[group]))
    for k, g in enumerate(groups):
        rows = table[table[group] == g]
        days = [dt.date.fromisoformat(str(d)) for d in rows[date]]
        ax.plot(
            days,
            [k] * len(days),
            linestyle="none",
            marker=MARKERS[k % len(MARKERS)],
            markersize=7,
            markerfacecolor="white",
            markeredgecolor="black",
        )
        # labels of events close in time take turns above and below their marker
        last: dt.date | None = None
        slot = 0
        for d, name in sorted(zip(days, rows[label], strict=True)):
            slot = (slot + 1) % 4 if last is not None and (d - last).days < 60 else 0
            last = d
            ax.annotate(
                str(name),
                (d, k),
                xytext=(0, (7, -13, 15, -21)[slot]),
                textcoords="offset points",
                ha="center",
                fontsize=7,
            )
    for when, caption in (lines or {}).items():
        day = dt.date.fromisoformat(when)
        ax.axvline(day, linestyle="--", color="black", linewidth=0.8)
        ax.annotate(
            caption, (day, len(groups) - 0.4), xytext=(3, 0), textcoords="offset points", fontsize=8
        )
    ax.set_yticks(range(len(groups)), groups)
    ax.set_ylim(-0.6, len(groups) - 0.2)
    ax.set_title(title, loc="left")
    fig.autofmt_xdate()
    first_day, last_day = str(min(table[date])), str(max(table[date]))
    per_group = "; ".join(
        f"{g}: {', '.join(str(v) for v in table.loc[table[group] == g, label])}" for g in groups
    )
    return Chart(fig, f"{title}, {len(table)} events from {first_day} to {last_day}. {per_group}")
