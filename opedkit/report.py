"""A one-file HTML report of one op-ed, to open in a browser, print or hand out.

``opedkit report FILE -o report.html`` (or :func:`write_report`) writes a single HTML file
with no external assets: the CSS is inline, the charts are inline SVG, there is no
JavaScript and nothing is loaded from the network, so the file works offline, attached to an
e-mail or on a school's learning platform, and prints cleanly (A4 or Letter).

What it shows, in order:

1. **At a glance**: words, sentences, paragraphs, the readability grade, hedges and
   boosters per 1,000 words, questions, named and vague attributions.
2. **The text, marked**: the body with hedges, boosters, attitude markers, predictions,
   questions and attributions marked (legend; colours from the Okabe–Ito palette, each
   category also with its own line style so it survives grayscale printing; hover a mark
   for the cue, its category, the rule and the source list). Paragraphs are numbered as a
   reader counts them.
3. **Readability**: every formula's score, its plain-English band, the formula, and the
   counts it used.
4. **Paragraph by paragraph**: charts of sentence length, readability and cue counts.
5. **The hardest sentences**, and why (length, long words).
6. **Questions** and **attributions**, one row each with the rule that found it.
7. **What is not the op-ed**: title, byline, date, the author's bio and the page furniture
   (comment forms, share buttons), shown apart from the body so a reader can check the
   split.
8. **About these numbers**: where each measure is weak.

Every piece of text from the input is HTML-escaped (through :mod:`opedkit.markup`): a text
containing ``<script>`` shows the word, it never runs.

>>> html = report_html("Perhaps <script>alert(1)</script> is text. Is it?")
>>> "<script>" in html, "&lt;script&gt;alert(1)&lt;/script&gt;" in html
(False, True)
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opedkit.document import Document, as_document
from opedkit.markup import STYLES, Mark, escape, legend, mark_up, stylesheet

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["report_html", "write_report"]


# --- small HTML helpers -----------------------------------------------------------------------


def _num(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    try:
        f = float(value)
    except (TypeError, ValueError):
        return escape(str(value))
    if math.isnan(f):
        return "–"
    if f.is_integer() and digits >= 0 and abs(f) < 1e15 and isinstance(value, int):
        return f"{int(f):,}"
    return f"{f:,.{digits}f}"


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str = "",
    numeric: Sequence[int] = (),
    cls: str = "",
) -> str:
    """An HTML table; ``header`` and ``caption`` are escaped here, cells are already HTML."""
    head = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{escape(h)}</th>'
        for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if i in numeric else ''}>{cell}</td>" for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    klass = f' class="{cls}"' if cls else ""
    return f"<table{klass}>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(ident: str, title: str, body: str, intro: str = "") -> str:
    lead = f'<p class="lead">{intro}</p>' if intro else ""
    return (
        f'<section id="{ident}" aria-labelledby="{ident}-h"><h2 id="{ident}-h">'
        f"{escape(title)}</h2>{lead}{body}</section>"
    )


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# --- charts: inline SVG ------------------------------------------------------------------------


def bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    *,
    title: str,
    unit: str = "",
    width: int = 640,
) -> str:
    """A horizontal grouped bar chart as inline SVG (one group per label).

    ``series`` holds ``(name, values, colour)``; values of ``NaN`` draw no bar. Each bar has
    its value printed at its end, so the chart reads in grayscale and without colour; a
    ``<title>`` and ``aria-label`` describe it for screen readers.
    """
    n_series = max(1, len(series))
    bar_h = 12
    gap = 8
    group_h = n_series * bar_h + gap
    left = 46
    right = 56
    top = 26 if n_series > 1 else 8
    height = top + len(labels) * group_h + 4
    finite = [v for _, values, _ in series for v in values if not _isnan(v)]
    vmax = max([*finite, 0.0]) or 1.0
    vmin = min([*finite, 0.0])
    span = vmax - vmin or 1.0
    plot_w = width - left - right

    def x(v: float) -> float:
        return left + (v - vmin) / span * plot_w

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    if n_series > 1:
        lx = left
        for name, _, colour in series:
            parts.append(
                f'<rect x="{lx}" y="6" width="10" height="10" fill="{colour}"/>'
                f'<text x="{lx + 14}" y="15" class="lg">{escape(name)}</text>'
            )
            lx += 24 + 7 * len(name)
    zero = x(0.0)
    parts.append(
        f'<line x1="{zero:.1f}" y1="{top - 2}" x2="{zero:.1f}" y2="{height - 2}" class="axis"/>'
    )
    for i, label in enumerate(labels):
        y0 = top + i * group_h
        parts.append(
            f'<text x="{left - 6}" y="{y0 + n_series * bar_h / 2 + 4:.1f}" class="lb" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        for k, (name, values, colour) in enumerate(series):
            v = values[i] if i < len(values) else math.nan
            if _isnan(v):
                continue
            y = y0 + k * bar_h
            x0, x1 = sorted((zero, x(v)))
            shown = f"{v:.1f}" if not float(v).is_integer() else f"{int(v)}"
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + 1}" width="{max(x1 - x0, 0.8):.1f}" '
                f'height="{bar_h - 2}" fill="{colour}"><title>{escape(label)}, '
                f"{escape(name)}: {shown}{escape(unit)}</title></rect>"
                f'<text x="{x1 + 4:.1f}" y="{y + bar_h - 2}" class="v">{shown}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _isnan(v: Any) -> bool:
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return True


# --- what the analysis modules give ------------------------------------------------------------


def _paragraph_sentences(doc: Document) -> pd.DataFrame:
    from opedkit.segment import sentence_table

    return sentence_table(doc)


def _sentence_starts(doc: Document) -> list[int]:
    from opedkit.segment import sentence_spans

    return [span.start for span in sentence_spans(doc.body)]


def _paragraph_of_sentence(doc: Document) -> list[int]:
    from opedkit.segment import sentence_spans

    return [span.paragraph for span in sentence_spans(doc.body)]


def _stance_rows(doc: Document) -> list[dict[Any, Any]]:
    if not _have("opedkit.stance"):
        return []
    from opedkit.stance import stance

    return list(stance(doc).to_dict("records"))


def _question_rows(doc: Document) -> list[dict[Any, Any]]:
    if not _have("opedkit.questions"):
        return []
    from opedkit.questions import questions

    return list(questions(doc).to_dict("records"))


def _attribution_rows(doc: Document) -> list[dict[Any, Any]]:
    if not _have("opedkit.attribution"):
        return []
    from opedkit.attribution import attributions

    return list(attributions(doc).to_dict("records"))


def _stance_tip(r: dict[Any, Any]) -> str:
    tip = f"{r['category']} · cue “{r['cue']}” ({str(r['subtype']).replace('_', ' ')})"
    tip += f" · rule {r['rule']}: {r['why']} · source {r['source']}"
    if r.get("quoted"):
        who = f" ({r['speaker']})" if r.get("speaker") else ""
        tip += f" · inside a quotation{who}: the speaker's, not counted as the writer's"
    if r.get("needs_review"):
        tip += " · check this one: the rule was not sure"
    return tip


def _question_tip(r: dict[Any, Any]) -> str:
    tip = f"{r['kind']} question ({r['confidence']} confidence) · why: {r['reason']}"
    if r.get("cue"):
        tip += f" · cue “{r['cue']}”"
    tip += f" · source {r['source']}"
    if r.get("alternative"):
        tip += f" · could also be: {r['alternative']}"
    return tip


def _attribution_tip(r: dict[Any, Any]) -> str:
    return (
        f"{r['kind']} source “{r['source']}” · cue “{r['cue']}” · pattern {r['pattern']}: "
        f"{r['reason']}"
    )


def _marks(
    doc: Document,
    stance_rows: list[dict[Any, Any]],
    question_rows: list[dict[Any, Any]],
    attribution_rows: list[dict[Any, Any]],
) -> list[Mark]:
    """Every mark for the body: questions, sources, then stance cues (offsets into the body)."""
    starts = _sentence_starts(doc)
    marks: list[Mark] = []
    for r in question_rows:
        marks.append(Mark(int(r["start"]), int(r["end"]), "question", _question_tip(r)))
    for r in attribution_rows:
        base = starts[int(r["sentence"])]
        category = "attribution" if r["kind"] == "named" else "attribution-vague"
        marks.append(
            Mark(base + int(r["start"]), base + int(r["end"]), category, _attribution_tip(r))
        )
    for r in stance_rows:
        base = starts[int(r["sentence"])]
        marks.append(
            Mark(base + int(r["start"]), base + int(r["end"]), str(r["category"]), _stance_tip(r))
        )
    return marks


# --- the sections ------------------------------------------------------------------------------


def _header(doc: Document) -> str:
    title = escape(doc.title) if doc.title else "Untitled text"
    meta = []
    if doc.author:
        meta.append(f'<span class="by">{escape(doc.author)}</span>')
    if doc.date:
        meta.append(f"<span>{escape(doc.date)}</span>")
    if doc.genre:
        meta.append(f"<span>{escape(doc.genre)}</span>")
    meta.append(f'<span class="src">{escape(doc.source)}</span>')
    return (
        '<header class="top"><p class="kicker">opedkit · a reading report</p>'
        f'<h1>{title}</h1><p class="meta">{" · ".join(meta)}</p></header>'
    )


def _band_of(doc: Document) -> str:
    if not _have("opedkit.readability"):
        return ""
    from opedkit.readability import readability

    return str(readability(doc).loc["opedkit_grade", "band"])


def _hard_marks(doc: Document, hardest: list[dict[Any, Any]]) -> list[Mark]:
    from opedkit.segment import sentence_spans

    spans = sentence_spans(doc.body)
    return [
        Mark(
            spans[int(r["sentence"])].start,
            spans[int(r["sentence"])].end,
            "hard",
            f"hard sentence #{int(r['rank'])} (opedkit grade {float(r['opedkit_grade']):.1f}): "
            f"{r['why']}",
        )
        for r in hardest
    ]


def _glance(values: dict[str, Any], band: str = "") -> str:
    def per(n: Any, rate: Any, what: str, unit: str = "1,000") -> str:
        return f"{_num(rate)} per {unit} {what}" if not _isnan(rate) else ""

    cards = [
        ("words", _num(values.get("words")), "in the body"),
        (
            "sentences",
            _num(values.get("sentences")),
            f"{_num(values.get('words_per_sentence'))} words each on average",
        ),
        ("paragraphs", _num(values.get("paragraphs")), "in the body"),
    ]
    if "opedkit_grade" in values:
        cards.append(("reading grade", _num(values["opedkit_grade"]), band or "US grade"))
    if "hedges" in values:
        cards.append(
            ("hedges", _num(values["hedges"]), per(None, values["hedging_density"], "words", "100"))
        )
        cards.append(
            (
                "boosters",
                _num(values["boosters"]),
                per(None, values["boosting_density"], "words", "100"),
            )
        )
    if "questions" in values:
        cards.append(
            (
                "questions",
                _num(values["questions"]),
                per(None, values["questions_per_1000"], "words"),
            )
        )
    if "sources_named" in values:
        cards.append(("named sources", _num(values["sources_named"]), "according to X, X said"))
        cards.append(
            ("vague sources", _num(values["sources_vague"]), "experts say, it is believed")
        )
    items = "".join(
        f'<div class="card"><div class="big">{value}</div><div class="name">{escape(name)}'
        f'</div><div class="note">{escape(note)}</div></div>'
        for name, value, note in cards
    )
    return _section("glance", "At a glance", f'<div class="cards">{items}</div>')


def _marked_text(doc: Document, marks: list[Mark]) -> str:
    used = [c for c in STYLES if any(m.category == c for m in marks)]
    counts = {c: sum(1 for m in marks if m.category == c) for c in used}
    key = legend(used) if used else ""
    summary = ", ".join(
        f"{counts[c]} {STYLES[c].label.lower()}{'' if counts[c] == 1 else 's'}" for c in used
    )
    intro = (
        "Hover over (or tap) a marked word to see the cue, its category, the rule that found "
        "it and the list it comes from. Paragraph numbers are in the margin."
    )
    if summary:
        intro += f" Marked: {escape(summary)}."
    body = f'<div class="legend">{key}</div><div class="body">{mark_up(doc.body, marks)}</div>'
    return _section("text", "The text, marked", body, intro)


def _paragraph_charts(
    doc: Document, sentences: pd.DataFrame, stance_rows: list[dict[Any, Any]]
) -> str:
    if sentences.empty:
        return ""
    grouped = sentences.groupby("paragraph")["words"]
    n = len(doc.paragraphs)
    labels = [f"¶ {i + 1}" for i in range(n)]
    means, maxes = grouped.mean(), grouped.max()
    mean_len = [float(means.get(i, math.nan)) for i in range(n)]
    longest = [float(maxes.get(i, math.nan)) for i in range(n)]
    figures = [
        _figure(
            "Sentence length in words, by paragraph",
            bar_chart(
                labels,
                [("mean", mean_len, "#0072B2"), ("longest", longest, "#BBBBBB")],
                title="Sentence length in words, by paragraph (mean and longest)",
                unit=" words",
            ),
        )
    ]
    grades = _paragraph_grades(doc)
    if grades:
        figures.append(
            _figure(
                "Reading grade (opedkit_grade), by paragraph",
                bar_chart(
                    labels,
                    [("opedkit grade", grades, "#009E73")],
                    title="opedkit grade by paragraph (US school grade, higher is harder)",
                ),
            )
        )
    if stance_rows:
        own = [r for r in stance_rows if not r.get("quoted")]
        series = []
        for category in ("hedge", "booster"):
            counts = [
                float(sum(1 for r in own if r["category"] == category and r["paragraph"] == i))
                for i in range(n)
            ]
            series.append((STYLES[category].label + "s", counts, STYLES[category].colour))
        figures.append(
            _figure(
                "Hedges and boosters, by paragraph (the writer's own)",
                bar_chart(labels, series, title="Hedges and boosters by paragraph"),
            )
        )
    return _section(
        "paragraphs",
        "Paragraph by paragraph",
        "".join(figures),
        "Where is the text dense, and where does the writer lean on hedges or boosters?",
    )


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{svg}</figure>"


def _cue_table(stance_rows: list[dict[Any, Any]]) -> str:
    """The counted cues, grouped by category: each cue, how often, and its source list."""
    if not stance_rows:
        return ""
    from collections import Counter

    own = [r for r in stance_rows if not r.get("quoted")]
    groups = []
    for category, style in STYLES.items():
        if style.level != "word":
            continue
        counted = Counter(
            (str(r["cue"]), str(r["source"])) for r in own if r["category"] == category
        )
        if not counted:
            continue
        chips = "".join(
            f'<span class="chip"><mark class="ok ok-{category}">{escape(cue)}</mark>'
            f"{f' <b>×{n}</b>' if n > 1 else ''} <small>{escape(src)}</small></span>"
            for (cue, src), n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0][0]))
        )
        total = sum(counted.values())
        groups.append(
            f"<dt>{escape(style.label)}s <span class='count'>{total}</span></dt><dd>{chips}</dd>"
        )
    quoted = len(stance_rows) - len(own)
    intro = (
        "Every cue counted in the writer's own words, how often (×), and the word list it "
        "comes from (the keys are listed under Sources)."
    )
    if quoted:
        intro += f" {quoted} more inside quotations are the speakers' and are not counted."
    body = f'<dl class="cuelist">{"".join(groups)}</dl>'
    return _section("cues", "Which stance cues were counted", body, escape(intro))


def _question_table(doc: Document, rows_in: list[dict[Any, Any]]) -> str:
    if not rows_in:
        return ""
    rows = [
        [
            _num(int(r["paragraph"]) + 1),
            escape(str(r["text"])),
            f"{escape(str(r['kind']))}<br><span class=why>{escape(str(r['confidence']))} "
            "confidence</span>",
            f'<span class="why">{escape(str(r["reason"]))}</span>',
        ]
        for r in rows_in
    ]
    table = _table(["¶", "question", "kind", "why"], rows, numeric=(0,), cls="questions")
    return _section(
        "questions",
        "Questions",
        table,
        "In an op-ed nobody can answer back, so a question does rhetorical work: which kind?",
    )


def _attribution_table(doc: Document, rows_in: list[dict[Any, Any]]) -> str:
    if not rows_in:
        return ""
    para = _paragraph_of_sentence(doc)
    rows = [
        [
            _num(para[int(r["sentence"])] + 1),
            escape(str(r["source"])),
            escape(str(r["kind"])),
            f"“{escape(str(r['cue']))}”",
            f'<span class="why">{escape(str(r["reason"]))}</span>',
        ]
        for r in rows_in
    ]
    table = _table(["¶", "source", "kind", "cue", "why"], rows, numeric=(0,), cls="sources")
    return _section(
        "attributions",
        "Who says so",
        table,
        "Named sources can be checked; vague ones (\u201cexperts say\u201d) cannot.",
    )


def _sources(stance_rows: list[dict[Any, Any]], question_rows: list[dict[Any, Any]]) -> str:
    keys: set[str] = set()
    for r in stance_rows:
        keys.update(k for k in str(r["source"]).split(";") if k)
    items: list[str] = []
    if keys and _have("opedkit.lexicon"):
        from opedkit.lexicon import lexicon_sources

        table = lexicon_sources()
        for rec in table.to_dict("records"):
            if rec["key"] in keys:
                items.append(
                    f"<li><strong>{escape(str(rec['key']))}</strong> "
                    f"{escape(str(rec['citation']))}</li>"
                )
    if not items:
        return ""
    body = f'<ul class="refs">{"".join(items)}</ul>'
    intro = "The published word lists behind the stance cues marked above (source keys)."
    return _section("sources", "Sources", body, intro)


def _hardest_rows(doc: Document, k: int = 5) -> list[dict[Any, Any]]:
    if not _have("opedkit.readability"):
        return []
    from opedkit.readability import hardest_sentences

    return list(hardest_sentences(doc, n=k).to_dict("records"))


def _hardest(sentences: pd.DataFrame, hardest: list[dict[Any, Any]], k: int = 5) -> str:
    if sentences.empty:
        return ""
    if hardest:
        rows = [
            [
                _num(int(r["rank"])),
                _num(int(r["paragraph"]) + 1),
                f"{escape(str(r['text']))}<div class='why'>{escape(str(r['why']))}</div>",
                _num(r["opedkit_grade"]),
            ]
            for r in hardest
        ]
        table = _table(
            ["#", "¶", "sentence, and why it is hard", "grade"],
            rows,
            numeric=(0, 1, 3),
            cls="sentences",
        )
        intro = (
            "Ranked by opedkit's grade for the sentence alone (noisy for one sentence: compare "
            "sentences with each other). 'Why' names what lifts each above the text's average."
        )
        return _section("hardest", "The hardest sentences", table, escape(intro))
    top = sentences.sort_values(["words", "sentence"], ascending=[False, True]).head(k)
    records: list[dict[Any, Any]] = top.to_dict("records")
    rows = [
        [_num(int(r["paragraph"]) + 1), escape(str(r["text"])), _num(int(r["words"]))]
        for r in records
    ]
    table = _table(["¶", "sentence", "words"], rows, numeric=(0, 2), cls="sentences")
    return _section(
        "hardest",
        "The longest sentences",
        table,
        "Long sentences are the first thing readability formulas punish.",
    )


_FORMULA_NAMES = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "Automated Readability",
    "dale_chall": "Dale–Chall",
    "consensus": "Consensus (median)",
    "opedkit_grade": "opedkit grade",
}


def _readability_table(doc: Document) -> str:
    if not _have("opedkit.readability"):
        return ""
    from opedkit.readability import COUNT_COLUMNS, readability

    table = readability(doc)
    rows = []
    for name, r in zip(table.index, table.to_dict("records"), strict=True):
        used = ", ".join(
            f"{_num(int(r[c]))} {c.replace('_', ' ')}"
            for c in COUNT_COLUMNS
            if r.get(c) is not None and not _isnan(r[c])
        )
        label = _FORMULA_NAMES.get(name, name.replace("_", " "))
        strong = name in ("opedkit_grade", "consensus")
        cell = f"<strong>{escape(label)}</strong>" if strong else escape(label)
        note = f"<div class='why'>{escape(str(r['note']))}</div>" if r.get("note") else ""
        rows.append(
            [
                cell,
                _num(r["score"]),
                escape(str(r["band"])),
                f"<code>{escape(str(r['worked']))}</code><div class='why'>{escape(used)}</div>"
                f"{note}",
            ]
        )
    intro = (
        "Each formula with this text's counts put in, so it can be checked with a pencil. "
        "Reading Ease: higher is easier; the others: US school grades, higher is harder."
    )
    body = _table(["measure", "score", "band", "worked out"], rows, numeric=(1,), cls="formulas")
    return _section("readability", "Readability", body, escape(intro))


def _paragraph_grades(doc: Document) -> list[float]:
    if not _have("opedkit.readability"):
        return []
    from opedkit.readability import readability_by_paragraph

    table = readability_by_paragraph(doc)
    return [float(v) for v in table["opedkit_grade"]]


def _grouped_parts(doc: Document) -> list[tuple[str, list[str], str]]:
    """Non-body parts; runs of the same kind and reason merged (a page's menu is one row)."""
    groups: list[tuple[str, list[str], str]] = []
    for part in doc.parts:
        if part.kind == "body":
            continue
        if groups and groups[-1][0] == part.kind and groups[-1][2] == part.reason:
            groups[-1][1].append(part.text)
        else:
            groups.append((part.kind, [part.text], part.reason))
    return groups


def _parts(doc: Document) -> str:
    rows = []
    for kind, texts, reason in _grouped_parts(doc):
        shown = '<span class="sep"> · </span>'.join(escape(t) for t in texts)
        rows.append(
            [
                f'<span class="kind kind-{escape(kind)}">{escape(kind)}</span>',
                shown,
                f'<span class="why">{escape(reason)}</span>',
            ]
        )
    n_body = sum(1 for p in doc.parts if p.kind == "body")
    intro = (
        f"opedkit measured {n_body} body paragraph{'s' if n_body != 1 else ''}. Everything "
        "below was kept apart from the body and not counted; check that the split is right."
    )
    if not rows:
        return _section("parts", "What is not the op-ed", "<p>Nothing: all of it is body.</p>")
    table = _table(["part", "text", "why"], rows, cls="parts")
    return _section("parts", "What is not the op-ed", table, escape(intro))


def _about() -> str:
    items = [
        "Words and sentences are counted by opedkit's own tokenizer and sentence splitter "
        "(their rules are in opedkit.tokenize and opedkit.segment); other tools count a "
        "little differently, so compare numbers from one tool only.",
        "Readability formulas were made for school texts and rank op-eds only loosely. A "
        "grade is a rough guide to how hard the sentences and words are, not to how hard "
        "the ideas are.",
        "Stance cues come from published word lists and a few rules about the words around "
        "them. The rules can be wrong ('may' the month, 'will' the noun): read the marks, "
        "not only the counts. A count is of cues, not of claims.",
        "The kind of a question is a judgement made by cue rules; 'confidence' says how "
        "strong the cue was. Read the questions yourself.",
        "Sources are found by patterns such as 'according to X'. A named source is only a "
        "start: whether X really said it is for the reader to check.",
    ]
    body = '<ul class="notes">' + "".join(f"<li>{escape(t)}</li>" for t in items) + "</ul>"
    return _section("about", "About these numbers", body, "Where each measure is weak.")


# --- the page ----------------------------------------------------------------------------------

CSS = """
:root{--ink:#1b1b1b;--muted:#5b5b5b;--rule:#d9d9d9;--paper:#fff;--accent:#0072B2;}
*{box-sizing:border-box;}
html{background:#f4f3ef;}
body{margin:0;color:var(--ink);background:var(--paper);font:17px/1.6 "Iowan Old Style",
"Palatino Linotype",Palatino,Georgia,"Times New Roman",serif;max-width:52rem;margin:2rem auto;
padding:2.5rem 3.2rem 2rem;box-shadow:0 1px 4px rgba(0,0,0,.08);}
h1,h2,h3,.kicker,.meta,.cards,table,caption,figcaption,.lead,.legend,footer,.chart text{
font-family:"Source Sans 3","Segoe UI",system-ui,-apple-system,"Helvetica Neue",Arial,sans-serif;}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .4rem;}
h2{font-size:1.25rem;margin:2.4rem 0 .6rem;padding-bottom:.25rem;
border-bottom:2px solid var(--ink);}
.kicker{text-transform:uppercase;letter-spacing:.12em;font-size:.75rem;color:var(--accent);
margin:0;font-weight:600;}
.meta{color:var(--muted);margin:0 0 1rem;font-size:.95rem;}
.meta .by{color:var(--ink);font-weight:600;}
.meta .src{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;}
.lead{color:var(--muted);font-size:.95rem;margin:.2rem 0 1rem;}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.6rem;}
.card{border:1px solid var(--rule);border-radius:6px;padding:.6rem .75rem;break-inside:avoid;}
.card .big{font-size:1.6rem;font-weight:700;line-height:1.1;}
.card .name{font-weight:600;font-size:.9rem;}.card .note{color:var(--muted);font-size:.8rem;}
.legend{margin:.4rem 0 1rem;font-size:.88rem;}
.body .ok-text{counter-reset:para;}
.body .ok-text p{counter-increment:para;position:relative;margin:0 0 1.05em;}
.body .ok-text p::before{content:counter(para);position:absolute;left:-2.4rem;width:1.8rem;
text-align:right;color:#8a8a8a;font:600 .75rem/2.1 system-ui,sans-serif;}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0 1rem;}
caption{text-align:left;font-weight:600;padding:.2rem 0;}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left;}
th{border-bottom:2px solid var(--ink);font-weight:600;}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.78rem;}
table.formulas td:first-child{white-space:nowrap;}
table.sentences td:nth-child(3){font-family:"Iowan Old Style",Georgia,serif;font-size:.95rem;}
table.parts td:nth-child(2){font-size:.85rem;color:#333;}
table.parts td:nth-child(3){width:14rem;}
.why{color:var(--muted);font-size:.8rem;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;}
.cuelist{margin:0;font-family:system-ui,sans-serif;font-size:.9rem;}
.cuelist dt{font-weight:700;margin:.6rem 0 .2rem;}
.cuelist .count{color:var(--muted);font-weight:400;}
.cuelist dd{margin:0 0 .4rem;line-height:2.1;}
.chip{display:inline-block;margin:0 .9rem 0 0;white-space:nowrap;}
.chip small{color:var(--muted);font-size:.72rem;}
ul.notes,ul.refs{font-family:system-ui,sans-serif;font-size:.88rem;line-height:1.5;padding-left:1.2rem;}
ul.notes li,ul.refs li{margin:.25rem 0;}.sep{color:#999;}
.kind{font-size:.72rem;text-transform:uppercase;letter-spacing:.06em;border:1px dashed #777;
padding:0 .3rem;border-radius:3px;white-space:nowrap;}
figure{margin:.6rem 0 1.2rem;break-inside:avoid;}
figcaption{font-weight:600;font-size:.9rem;margin-bottom:.2rem;}
.chart text{font-size:11px;fill:#222;}.chart .lg{font-size:11px;}
.chart .v{fill:#444;font-size:10px;}
.chart .axis{stroke:#888;stroke-width:1;}
footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--rule);color:var(--muted);
font-size:.8rem;}
@media (max-width:700px){body{padding:1.2rem 1.2rem 1rem 2.6rem;margin:0;}}
@media print{
html{background:#fff;}
body{box-shadow:none;margin:0;max-width:none;padding:0 0 0 2.2rem;font-size:11pt;}
h2{break-after:avoid;}tr,figure,.card{break-inside:avoid;}
a{color:inherit;text-decoration:none;}
@page{margin:16mm 16mm 18mm 14mm;}
}
"""


def report_html(x: Document | str | Path) -> str:
    """The report of one op-ed as a complete, self-contained HTML page (a ``str``).

    ``x`` is a Document, a ``str`` (all body) or a path. The page has no external assets
    and no script; every piece of the text is escaped.
    """
    from opedkit import __version__
    from opedkit.profile import _measure

    doc = as_document(x)
    sentences = _paragraph_sentences(doc)
    stance_rows = _stance_rows(doc)
    question_rows = _question_rows(doc)
    attribution_rows = _attribution_rows(doc)
    values = _measure(doc)
    marks = _marks(doc, stance_rows, question_rows, attribution_rows)
    hardest = _hardest_rows(doc)
    marks += _hard_marks(doc, hardest[:3])
    sections = [
        _glance(values, _band_of(doc)),
        _marked_text(doc, marks),
        _readability_table(doc),
        _paragraph_charts(doc, sentences, stance_rows),
        _hardest(sentences, hardest),
        _cue_table(stance_rows),
        _question_table(doc, question_rows),
        _attribution_table(doc, attribution_rows),
        _parts(doc),
        _about(),
        _sources(stance_rows, question_rows),
    ]
    title = doc.title or "Untitled text"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="opedkit">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(title)} – opedkit report</title>"
        f"<style>{CSS}\n{stylesheet()}</style></head><body>"
        f"{_header(doc)}<main>{''.join(sections)}</main>"
        f"<footer>Made with opedkit {escape(__version__)}. Every number in this report can be "
        "traced to words in the text: the marks show which. Nothing in this file is loaded "
        "from the internet.</footer></body></html>\n"
    )


def write_report(x: Document | str | Path, path: str | Path) -> Path:
    """Write :func:`report_html` of ``x`` to ``path`` (UTF-8) and return the path."""
    target = Path(path)
    target.write_text(report_html(x), encoding="utf-8")
    return target
