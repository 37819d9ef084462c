"""The workbook's memory and its exercise checks: what a student types is kept, and explained.

Two jobs, both small:

**Saving answers.** Each lesson keeps what the student types or labels (first impressions,
sentence labels, the closing checklist, answers to exercises) in one JSON file in the
student's *work folder*: ``my-work/`` beside the notebooks, or the folder named by the
environment variable ``OPEDKIT_WORK``. :class:`Answers` reads that file when a lesson starts
and writes it again after every change. Every write goes to a temporary file in the same
folder that then replaces the old one (``os.replace``), so a crash, a kernel restart or a
closed tab leaves either the old file or the new one, never half of one. A file that cannot
be read is kept under another name (nothing is deleted) and the lesson starts afresh. A
teacher collects the ``my-work`` folders; each file says which lesson it belongs to.

**Checking exercises.** :func:`check` takes an exercise id (``"02.1"``: lesson 2, exercise 1)
and the student's answer and returns :class:`Feedback`: a verdict and an explanation that
says *why*, with the numbers opedkit computes, so the student learns from a wrong answer as
well as a right one. Interpretive questions get a comparison, never a verdict. ``check``
never raises on a bad answer; it explains what it expected instead. The same expected
values are what the teacher's guide (``notebooks/teacher/``) shows, via :func:`worked`.

>>> check("00.1", None).verdict
'unanswered'
>>> check("00.1", 10, save=False).verdict
'correct'
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import tempfile
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document

#: Environment variable naming the folder where answers are saved (default ``my-work``).
WORK_ENV = "OPEDKIT_WORK"
DEFAULT_WORK_FOLDER = "my-work"
#: Refuse to keep answers larger than this (a runaway paste); an op-ed is about 10 kB.
MAX_ANSWER_CHARS = 200_000


# --- the work folder and the answer files ---------------------------------------------------


def work_folder() -> Path:
    """The folder where answers are saved: ``$OPEDKIT_WORK`` or ``my-work`` (relative to the
    current folder, which is the notebook's folder in Jupyter)."""
    return Path(os.environ.get(WORK_ENV) or DEFAULT_WORK_FOLDER)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically: a temporary file, then ``os.replace``.

    Readers see the old file or the new one, never a half-written one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _lesson_key(lesson: str) -> str:
    key = str(lesson).strip()
    if not key or any(ch in key for ch in "/\\:") or key.startswith("."):
        raise ValueError(f"a lesson name is a short plain name such as '03', got {lesson!r}")
    return key


class Answers:
    """One lesson's saved answers: a small dict kept in ``<work folder>/lesson-<id>.json``.

    ``get`` reads, ``set`` saves at once (atomically). The file is re-read before each save,
    so two notebooks (or two tabs) writing different keys of one lesson do not undo each
    other's work.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> a = Answers("00", folder=folder)
    >>> a.set("rating", 4)
    >>> Answers("00", folder=folder).get("rating")
    4
    """

    def __init__(self, lesson: str, *, folder: str | Path | None = None) -> None:
        self.lesson = _lesson_key(lesson)
        self.folder = Path(folder) if folder is not None else work_folder()
        self.path = self.folder / f"lesson-{self.lesson}.json"
        self._data: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            answers = raw["answers"] if isinstance(raw, dict) else None
            if not isinstance(answers, dict):
                raise ValueError("no 'answers' object")
            return answers
        except (OSError, ValueError, KeyError) as exc:
            kept = self._keep_broken()
            warnings.warn(
                f"{self.path}: could not be read ({exc}); it was kept as {kept.name} and this "
                "lesson starts with no saved answers.",
                stacklevel=3,
            )
            return {}

    def _keep_broken(self) -> Path:
        n = 1
        while (kept := self.path.with_name(f"{self.path.name}.unreadable-{n}")).exists():
            n += 1
        os.replace(self.path, kept)
        return kept

    def get(self, key: str, default: Any = None) -> Any:
        """The saved value for ``key``, or ``default``."""
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def as_dict(self) -> dict[str, Any]:
        """A copy of every saved answer."""
        return json.loads(json.dumps(self._data))

    def set(self, key: str, value: Any) -> None:
        """Save ``value`` (anything JSON can hold) under ``key``, at once."""
        text = json.dumps(value, ensure_ascii=False)
        if len(text) > MAX_ANSWER_CHARS:
            raise ValueError(
                f"the answer for {key!r} is {len(text):,} characters, over the "
                f"{MAX_ANSWER_CHARS:,} limit: is that a whole book pasted in?"
            )
        fresh = self._read()
        fresh[key] = json.loads(text)
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        write_json_atomic(
            self.path,
            {"lesson": self.lesson, "updated": now, "answers": fresh, "tool": "opedkit"},
        )
        self._data = fresh

    def __repr__(self) -> str:
        return f"Answers(lesson={self.lesson!r}, saved={sorted(self._data)})"


# --- feedback -------------------------------------------------------------------------------

_ICONS = {
    "correct": "✔ Correct",
    "close": "≈ Close",
    "not yet": "✘ Not yet",
    "unanswered": "… Not answered yet",
    "noted": "✎ Noted",
    "invalid": "? Cannot check this",
}


@dataclass(frozen=True)
class Feedback:
    """The result of checking an answer: a verdict and an explanation.

    ``verdict`` is one of ``correct``, ``close``, ``not yet`` (a factual answer), ``noted``
    (an interpretive answer: compared, not judged), ``unanswered`` or ``invalid`` (the answer
    is not of the expected kind; the message says what is expected).
    """

    exercise: str
    verdict: str
    message: str
    details: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.verdict == "correct"

    def __str__(self) -> str:
        lines = [f"{self.exercise} · {_ICONS[self.verdict]}. {self.message}"]
        lines += [f"  - {d}" for d in self.details]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(d)}</li>" for d in self.details)
        return (
            f'<div class="ok-feedback ok-feedback-{self.verdict.replace(" ", "-")}" '
            'style="border-left:4px solid #555;padding:.3em .8em;margin:.3em 0;line-height:1.5;">'
            f"<strong>{html.escape(self.exercise)} · {html.escape(_ICONS[self.verdict])}.</strong> "
            f"{html.escape(self.message)}" + (f"<ul>{items}</ul>" if items else "") + "</div>"
        )


# --- exercises ------------------------------------------------------------------------------

Checker = Callable[[Any], Feedback]


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id, the question, how to answer, and how to check an answer.

    ``options`` (for a choice question) maps each option to ``(is_right, why)``;
    ``worked`` gives the teacher's worked answer as text.
    """

    id: str
    question: str
    answer_hint: str
    checker: Checker
    worked: Callable[[], str]
    options: Mapping[str, tuple[bool, str]] | None = None


EXERCISES: dict[str, Exercise] = {}


def _register(ex: Exercise) -> Exercise:
    if ex.id in EXERCISES:
        raise ValueError(f"exercise {ex.id} is defined twice")
    EXERCISES[ex.id] = ex
    return ex


def _lesson_of(exercise: str) -> str:
    return exercise.split(".", 1)[0]


def exercise(exercise_id: str) -> Exercise:
    """The :class:`Exercise` with this id (``"02.1"``); a clear error for an unknown one."""
    try:
        return EXERCISES[exercise_id]
    except KeyError:
        known = ", ".join(sorted(EXERCISES))
        raise KeyError(f"no exercise {exercise_id!r}; the exercises are: {known}") from None


def check(exercise_id: str, answer: Any, *, save: bool = True) -> Feedback:
    """Check ``answer`` to an exercise and explain; save it in the lesson's answer file.

    ``None`` means "not answered yet" (nothing is saved). With ``save=False`` nothing is
    written (the teacher's guide uses this).
    """
    ex = exercise(exercise_id)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(ex.id, "unanswered", ex.answer_hint)
    feedback = ex.checker(answer)
    if save and feedback.verdict != "invalid":
        try:
            Answers(_lesson_of(ex.id)).set(f"exercise {ex.id}", _jsonable(answer))
        except (TypeError, ValueError):
            pass  # an answer JSON cannot hold is still checked, just not kept
        except OSError as exc:  # a read-only or full disk: check anyway, and say so
            note = f"Your answer could not be saved ({exc.strerror or exc}); note it elsewhere."
            feedback = Feedback(
                feedback.exercise, feedback.verdict, feedback.message, (*feedback.details, note)
            )
    return feedback


def worked(exercise_id: str) -> str:
    """The teacher's worked answer for an exercise, computed now by opedkit."""
    ex = exercise(exercise_id)
    return f"{ex.id} · {ex.question}\n{ex.worked()}"


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _as_int(answer: Any) -> int | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int):
        return answer
    if isinstance(answer, float) and answer.is_integer():
        return int(answer)
    if isinstance(answer, str) and answer.strip().lstrip("-").isdigit():
        return int(answer.strip())
    return None


def _as_float(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        return float(answer)
    if isinstance(answer, str):
        try:
            return float(answer.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _choice(
    exercise_id: str, question: str, options: Mapping[str, tuple[bool, str]], hint: str
) -> Exercise:
    """A choice question: each option carries its own explanation, right or wrong."""
    labels = list(options)

    def checker(answer: Any) -> Feedback:
        picked = _match_option(answer, labels)
        if picked is None:
            return Feedback(
                exercise_id,
                "invalid",
                "Pick one of the options: "
                + "; ".join(f"{i + 1}. {o}" for i, o in enumerate(labels)),
            )
        right, why = options[picked]
        return Feedback(exercise_id, "correct" if right else "not yet", why)

    def worked_text() -> str:
        lines = []
        for o, (right, why) in options.items():
            lines.append(f"[{'x' if right else ' '}] {o}: {why}")
        return "\n".join(lines)

    return _register(Exercise(exercise_id, question, hint, checker, worked_text, options))


def _match_option(answer: Any, labels: list[str]) -> str | None:
    """An option given as its text (case-insensitive), its number (1-based) or its letter."""
    if isinstance(answer, str):
        for a in (answer.strip().lower(), answer.strip().lower().rstrip(".)")):
            for o in labels:
                if a == o.lower():
                    return o
        if len(a) == 1 and "a" <= a <= "z" and ord(a) - 97 < len(labels):
            return labels[ord(a) - 97]
    n = _as_int(answer)
    if n is not None and 1 <= n <= len(labels):
        return labels[n - 1]
    return None


def choice_options(exercise_id: str) -> list[str]:
    """The options of a choice exercise, in order (for a widget or a printed sheet)."""
    ex = exercise(exercise_id)
    if ex.options is None:
        raise ValueError(f"exercise {exercise_id} is not a choice question")
    return list(ex.options)


# --- helpers that lessons show (every number from opedkit) ----------------------------------


@functools.cache
def _bundled() -> Document:
    from opedkit.document import bundled

    return bundled()


def _doc(x: Document | str | None) -> Document:
    from opedkit.document import as_document

    return _bundled() if x is None else as_document(x)


def part_counts(doc: Document | None = None) -> pd.DataFrame:
    """One row per part of the page (numbered from 1, in page order): its kind, words,
    sentences, the first words, and the reason it got that kind.

    This is how lesson 01 shows why measures use the body only: the title, byline, bio and
    comment form are words on the page, but not the author's argument.
    """
    import pandas as pd

    from opedkit.segment import sentences
    from opedkit.tokenize import words

    d = _doc(doc)
    rows = []
    for part in d.parts:
        first = " ".join(part.text.split()[:8])
        rows.append(
            {
                "kind": part.kind,
                "words": len(words(part.text)),
                "sentences": len(sentences(part.text)),
                "begins": first + (" …" if len(part.text.split()) > 8 else ""),
                "why": part.reason,
            }
        )
    return pd.DataFrame(rows, index=pd.RangeIndex(1, len(rows) + 1, name="part"))


def kind_totals(doc: Document | None = None) -> pd.DataFrame:
    """Words and sentences per kind of part (body, title, bio…), body first, then by words."""
    table = part_counts(doc)
    out = table.groupby("kind", as_index=False)[["words", "sentences"]].sum()
    out["order"] = (out["kind"] != "body").astype(int)
    out = out.sort_values(["order", "words", "kind"], ascending=[True, False, True])
    return out.drop(columns="order").reset_index(drop=True)


def question_paragraphs(doc: Document | None = None) -> pd.DataFrame:
    """Paragraphs that contain sentences ending in a question mark: paragraph number (from 1),
    sentences in it, and how many of them end with ``?``. A plain punctuation count, used
    before the question lesson; :mod:`opedkit.questions` classifies them."""
    from opedkit.segment import sentence_table

    t = sentence_table(_doc(doc))
    t["question"] = t["text"].str.rstrip("”’\"') ").str.endswith("?")
    g = t.groupby("paragraph").agg(sentences=("sentence", "size"), questions=("question", "sum"))
    g = g[g["questions"] > 0].reset_index()
    g["paragraph"] = g["paragraph"] + 1
    return g.astype({"questions": "int64"})


def word_counts(doc: Document | str | None, terms: Iterable[str]) -> pd.DataFrame:
    """How often each of ``terms`` occurs as a word (case-insensitive, by opedkit's tokenizer),
    sorted by count then term."""
    import pandas as pd

    from opedkit.tokenize import words

    counts: dict[str, int] = {t.lower(): 0 for t in terms}
    for w in words(_doc(doc)):
        lw = w.lower()
        if lw in counts:
            counts[lw] += 1
    out = pd.DataFrame({"word": list(counts), "count": list(counts.values())})
    return out.sort_values(["count", "word"], ascending=[False, True]).reset_index(drop=True)


# --- lesson 00 ------------------------------------------------------------------------------


def _paragraph_count() -> int:
    return len(_doc(None).paragraphs)


def _check_00_1(answer: Any) -> Feedback:
    n = _as_int(answer)
    true = _paragraph_count()
    if n is None:
        return Feedback("00.1", "invalid", "Give a whole number, such as 7.")
    if n == true:
        return Feedback(
            "00.1",
            "correct",
            f"The body has {true} paragraphs. The headline, the author's name, the short bio "
            "and the comment form under the article are on the page but are not paragraphs "
            "of the argument; lesson 01 looks at them.",
        )
    if n > true:
        return Feedback(
            "00.1",
            "not yet",
            f"opedkit finds {true} body paragraphs. Did you count the author's name, the bio or "
            "the 'Leave a Reply' form under the article? Those are parts of the page, not of "
            "the argument.",
        )
    return Feedback(
        "00.1",
        "not yet",
        f"opedkit finds {true} body paragraphs, each numbered in the reading view above. "
        "Look again at the numbers at the left of each paragraph.",
    )


_register(
    Exercise(
        "00.1",
        "How many paragraphs does the body of the op-ed have?",
        "Count the paragraphs of the op-ed itself (not the headline, name or bio) and put the "
        "number in place of None.",
        _check_00_1,
        lambda: f"{_paragraph_count()} paragraphs (the reading view numbers them).",
    )
)

_choice(
    "00.2",
    "What kind of text is this?",
    {
        "A news report": (
            False,
            "A news report tells what happened and who said it, and keeps the reporter's own "
            "view out. This text argues and judges ('undoubtedly of global interest', 'it is "
            "imperative to approach the situation with caution'), and its headline carries the "
            "label 'OpEd'.",
        ),
        "An opinion piece (op-ed)": (
            True,
            "The headline ends with the label 'OpEd' (short for 'opposite the editorial page': "
            "a piece by an outside writer, not the paper's staff), and the text judges and "
            "recommends ('it is imperative to approach the situation with caution'). An op-ed "
            "is one person's argued view; the outlet does not necessarily share it.",
        ),
        "A research article": (
            False,
            "A research article states a question, a method and its evidence, with references "
            "a reader can follow. This text names outlets ('Al Jazeera and Reuters') but gives "
            "no dates, titles or links, and its headline carries the label 'OpEd'.",
        ),
        "A government press release": (
            False,
            "A press release speaks for an organisation and names it. This text is signed by "
            "one person, with a short bio, and its headline carries the label 'OpEd'.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)


# --- lesson 01 ------------------------------------------------------------------------------


def page_text(doc: Document | None = None) -> str:
    """Every part of the saved page joined as one text (what a careless counter would see)."""
    return "\n\n".join(p.text for p in _doc(doc).parts)


def page_vs_body(doc: Document | None = None) -> pd.DataFrame:
    """Words, sentences and words per sentence counted on the whole saved page and on the
    body alone: how much the page furniture would shift a measure."""
    import pandas as pd

    from opedkit.segment import sentences
    from opedkit.tokenize import words

    d = _doc(doc)
    rows = []
    for what, text in (("the whole page", page_text(d)), ("the body only", d.body)):
        n_words, n_sentences = len(words(text)), len(sentences(text))
        rows.append(
            {
                "measured on": what,
                "words": n_words,
                "sentences": n_sentences,
                "words per sentence": round(n_words / n_sentences, 1) if n_sentences else 0.0,
            }
        )
    return pd.DataFrame(rows).set_index("measured on")


def _not_body_words() -> int:
    t = part_counts(None)
    return int(t.loc[t["kind"] != "body", "words"].sum())


def _check_01_1(answer: Any) -> Feedback:
    n = _as_int(answer)
    true = _not_body_words()
    if n is None:
        return Feedback("01.1", "invalid", "Give a whole number: the words outside the body.")
    t = kind_totals(None)
    parts = "; ".join(f"{r.kind} {r.words}" for r in t.itertuples() if r.kind != "body")
    if n == true:
        return Feedback(
            "01.1",
            "correct",
            f"{true} words on the page are not the author's argument ({parts}). A counter "
            "that took them in would measure the page, not the op-ed.",
        )
    body = int(t.loc[t["kind"] == "body", "words"].sum())
    if n == body:
        return Feedback(
            "01.1",
            "not yet",
            f"{body} is the number of words in the body. The question asks for the words in "
            "all the other parts together: add up the 'words' column for every row whose kind "
            "is not 'body'.",
        )
    return Feedback(
        "01.1",
        "not yet",
        f"Not quite: add up the 'words' column of the table for every kind except 'body' "
        f"({', '.join(str(r.kind) for r in t.itertuples() if r.kind != 'body')}).",
    )


_register(
    Exercise(
        "01.1",
        "How many words on the saved page are not part of the body?",
        "Add up the words of every part that is not 'body' in the table above, and put the "
        "number in place of None.",
        _check_01_1,
        lambda: (
            f"{_not_body_words()} words (by kind: "
            + "; ".join(f"{r.kind} {r.words}" for r in kind_totals(None).itertuples())
            + ")."
        ),
    )
)

_choice(
    "01.3",
    "When was the op-ed written?",
    {
        "After the summit, looking back on it": (
            False,
            "Look at the verbs: the author writes that Kim 'will visit Russia', calls the "
            "meeting 'the forthcoming summit' and says the questions 'can only be addressed "
            "after the summit'. Someone writing afterwards would know how it went.",
        ),
        "Before the summit, after the visit was reported": (
            True,
            "Yes: 'will visit Russia in September 2023', 'the forthcoming summit', 'As the "
            "meeting … approaches' and 'The questions can only be addressed after the summit' "
            "place it before the meeting of 13 September 2023, and 'the announcement' places "
            "it after news of the visit (the New York Times reported the plan on 4 September). "
            "Our copy carries no date, so this is an inference: check it on the outlet's page.",
        ),
        "On the day of the summit": (
            False,
            "Nothing in the text reports the meeting as happening: it is 'forthcoming' and "
            "'approaches'. The text points to some days before it, not to the day itself.",
        ),
        "There is no way to tell from the text": (
            False,
            "The copy has no date line, but the text dates itself: 'will visit Russia in "
            "September 2023', 'the forthcoming summit', 'can only be addressed after the "
            "summit'. Reading for such clues is part of critical reading.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)

_choice(
    "01.2",
    "The bio says the author has a Ph.D. in Political Science and has published 30 research "
    "articles. What does that tell you?",
    {
        "That the op-ed's claims are correct": (
            False,
            "Credentials make expertise more likely, not claims true. Experts can be wrong, "
            "write outside their field, or argue for a side. Each claim still needs its "
            "evidence (lesson 05).",
        ),
        "That the author claims relevant training, which you can check": (
            True,
            "Yes: a doctorate in political science is relevant to a piece on international "
            "relations, but the bio is the author's own description, with no link. Lateral "
            "reading checks it: search for the author's name, the university, the articles.",
        ),
        "Nothing: credentials never matter": (
            False,
            "They matter: relevant training is a reason to take a writer seriously. What they "
            "do not do is settle whether a claim is true, or show that the bio itself is "
            "accurate.",
        ),
        "That Eurasia Review has checked the author's qualifications": (
            False,
            "Nothing on the page says so. Many outlets print the bio the author sends. Who "
            "runs the outlet, and how it chooses its op-eds, is exactly what lateral reading "
            "asks.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)


def find_phrases(
    doc: Document | str | None, phrases: Iterable[str], *, category: str = "clue"
) -> pd.DataFrame:
    """Every occurrence of each phrase in the body (whole words, case-insensitive), as marks:
    ``start``, ``end`` (offsets into the body), ``category``, ``title`` (the phrase),
    ``paragraph`` (from 1), in text order. For showing a reader where a word occurs."""
    import re

    import pandas as pd

    from opedkit.segment import paragraph_spans

    d = _doc(doc)
    paras = paragraph_spans(d.body)
    rows = []
    for phrase in phrases:
        pattern = re.compile(r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)", re.I)
        for m in pattern.finditer(d.body):
            p = next((i for i, (lo, hi) in enumerate(paras) if lo <= m.start() < hi), -1)
            rows.append(
                {
                    "start": m.start(),
                    "end": m.end(),
                    "category": category,
                    "title": f"{category}: {phrase}",
                    "paragraph": p + 1,
                    "words": m.group(0),
                }
            )
    cols = ["start", "end", "category", "title", "paragraph", "words"]
    return pd.DataFrame(rows, columns=cols).sort_values(["start", "end"]).reset_index(drop=True)


TIMELINE_COLUMNS = [
    "id",
    "date",
    "date_note",
    "event",
    "theme",
    "status",
    "outlet",
    "via",
    "copy",
    "url",
    "caveat",
]


def timeline(path: str | Path = "../data/timeline.csv") -> pd.DataFrame:
    """The dated, sourced timeline of what happened after the op-ed (``data/timeline.csv``),
    sorted by date then id. Raises :class:`~opedkit.errors.InputError` if a column is missing
    or a status is not ``found``/``GK``."""
    import pandas as pd

    from opedkit.errors import InputError

    p = Path(path)
    if not p.exists():
        raise InputError(
            "no such file",
            path=p,
            hint="run the lesson from the notebooks/ folder, or pass the path of data/timeline.csv",
        )
    t = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in TIMELINE_COLUMNS if c not in t.columns]
    if missing:
        raise InputError(f"is missing the columns {missing}", path=p, hint="see data/README.md")
    bad = sorted(set(t["status"]) - {"found", "GK"})
    if bad:
        raise InputError(f"has unknown status values {bad}", path=p, hint="use found or GK")
    return t[TIMELINE_COLUMNS].sort_values(["date", "id"]).reset_index(drop=True)


def display_defaults() -> None:
    """Table settings for the lessons: two decimals, long text cells shown in full up to 90
    characters, no row ranges cut short. Call once at the top of a lesson."""
    import pandas as pd

    pd.set_option("display.precision", 2)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_rows", 80)


# --- lesson 03: hedges and boosters -----------------------------------------------------------

STANCE_CATEGORIES = ("hedge", "booster", "attitude", "predictive")


def stance_marks(doc: Document | str | None = None, *, dropped: bool = False) -> pd.DataFrame:
    """The cues of :func:`opedkit.stance.stance` as marks on the body: ``start``, ``end``
    (offsets into the body), ``category``, ``title`` (what a reader sees on hover: the words,
    the lexicon entry, the rule and its decision), plus ``sentence`` and ``paragraph`` (from
    1). With ``dropped=True``, matches a rule dropped come too, as category ``dropped``."""
    import pandas as pd

    from opedkit.segment import sentence_spans
    from opedkit.stance import stance

    d = _doc(doc)
    t = stance(d, dropped=dropped)
    spans = sentence_spans(d.body)
    rows = []
    for r in t.to_dict("records"):
        base = spans[int(r["sentence"])].start
        category = str(r["category"]) if bool(r.get("kept", True)) else "dropped"
        rows.append(
            {
                "start": base + int(r["start"]),
                "end": base + int(r["end"]),
                "category": category,
                "title": f"{r['category']}: “{r['text']}” (list entry: {r['cue']}); "
                f"rule {r['rule']}: {r['why']}",
                "sentence": int(r["sentence"]),
                "paragraph": int(r["paragraph"]) + 1,
            }
        )
    cols = ["start", "end", "category", "title", "sentence", "paragraph"]
    return pd.DataFrame(rows, columns=cols)


def stance_counts(doc: Document | str | None = None) -> pd.DataFrame:
    """Cues per category: ``cues`` (all), ``quoted`` (inside quotation marks: someone else's),
    ``in_questions``, ``needs_review`` (counted, but the rule was unsure), in a fixed order."""
    import pandas as pd

    from opedkit.stance import stance

    t = stance(_doc(doc))
    rows = []
    for c in STANCE_CATEGORIES:
        sub = t[t["category"] == c]
        rows.append(
            {
                "category": c,
                "cues": len(sub),
                "quoted": int(sub["quoted"].sum()),
                "in_questions": int(sub["in_question"].sum()),
                "needs_review": int(sub["needs_review"].sum()),
            }
        )
    return pd.DataFrame(rows).set_index("category")


def cue_counts(doc: Document | str | None = None, *, category: str | None = None) -> pd.DataFrame:
    """How often each lexicon entry was found (``cue``, ``category``, ``times``, and the
    ``words`` as written), most frequent first, ties by cue."""
    from opedkit.stance import stance

    t = stance(_doc(doc))
    if category is not None:
        t = t[t["category"] == category]
    g = (
        t.groupby(["cue", "category"])
        .agg(
            times=("text", "size"),
            words=("text", lambda s: ", ".join(sorted({str(v).lower() for v in s}))),
        )
        .reset_index()
    )
    g = g.sort_values(["times", "cue"], ascending=[False, True]).reset_index(drop=True)
    g.index = g.index + 1
    return g


def stance_summary(text: str) -> pd.DataFrame:
    """The cues found in a short text (for trying a rewrite): words, category, rule."""
    import pandas as pd

    from opedkit.stance import stance

    if not text.strip():
        return pd.DataFrame(columns=["words", "category", "rule"])
    t = stance(text)
    return t[["text", "category", "rule"]].rename(columns={"text": "words"}).reset_index(drop=True)


#: Sentences students label in lesson 03, by their opening words (robust to re-segmenting).
LABEL_03 = (
    "In a world where geopolitical",
    "North Korea and Russia share",
    "This resurgence may have",
    "The presence of China will undoubtedly",
    "Korea will observe the upcoming",
    "Nevertheless, Russia’s influence",
    "Will the deliberations result",
    "Although the precise conclusions",
)
LABELS = ("hedged", "boosted", "both", "neither")


def _sentence_by_opening(opening: str) -> int:
    from opedkit.segment import sentences

    for i, s in enumerate(sentences(_doc(None))):
        if s.startswith(opening):
            return i
    raise LookupError(f"no sentence of the op-ed begins with {opening!r}")


def label_items_03() -> list[tuple[str, str]]:
    """The sentences to label in lesson 03: ``(opening words, "S<n>: sentence")``."""
    from opedkit.segment import sentences

    sents = sentences(_doc(None))
    out = []
    for opening in LABEL_03:
        i = _sentence_by_opening(opening)
        out.append((opening, f"S{i + 1}: {sents[i]}"))
    return out


def _machine_labels_03() -> list[tuple[str, int, str, list[str]]]:
    """(opening, sentence index, opedkit's label, the cues behind it) per item."""
    from opedkit.stance import stance, stance_by_sentence

    doc = _doc(None)
    by_sentence = stance_by_sentence(doc)
    cues = stance(doc)
    out = []
    for opening in LABEL_03:
        i = _sentence_by_opening(opening)
        rows = cues[cues["sentence"] == i]
        found = [f"“{r.text}” ({r.category})" for r in rows.itertuples()]
        out.append((opening, i, str(by_sentence.loc[i, "label"]), found))
    return out


def _read_labels(
    exercise_id: str, labels: Any, openings: Sequence[str], allowed: Sequence[str]
) -> dict[str, str] | Feedback:
    """A student's labels as ``{opening: label}``, from a list in the order shown, or a dict
    keyed by item number (1…) or by the opening words; or Feedback saying what is wrong."""
    given: dict[str, str] = {}
    if isinstance(labels, Mapping):
        for k, v in labels.items():
            n = _as_int(k)
            opening = openings[n - 1] if n is not None and 1 <= n <= len(openings) else str(k)
            given[opening] = str(v).strip().lower()
    elif isinstance(labels, Sequence) and not isinstance(labels, str):
        for opening, v in zip(openings, labels, strict=False):
            if v is not None:
                given[opening] = str(v).strip().lower()
    else:
        return Feedback(
            exercise_id,
            "invalid",
            f"Give a list of labels in the order shown, each one of: {', '.join(allowed)}.",
        )
    bad = sorted({v for v in given.values() if v not in allowed})
    if bad:
        return Feedback(
            exercise_id,
            "invalid",
            f"Use only these labels: {', '.join(allowed)} (not {', '.join(bad)}).",
        )
    if not given:
        return Feedback(exercise_id, "unanswered", "Label at least one item first.")
    return given


def _compare(
    exercise_id: str,
    given: dict[str, str],
    reference: Sequence[tuple[str, str, str, str]],
    who: str,
    note: str,
) -> Feedback:
    """Agreement between ``given`` and ``reference`` rows ``(opening, shown as, label,
    because)``, explaining each difference."""
    answered = [r for r in reference if r[0] in given]
    agree = sum(1 for r in answered if given[r[0]] == r[2])
    details = tuple(
        f"{shown} (“{opening} …”): you said {given[opening]}, {who} says {label}{because}."
        for opening, shown, label, because in answered
        if given[opening] != label
    )
    msg = f"You and {who} agree on {agree} of the {len(answered)} you labelled. {note}"
    return Feedback(exercise_id, "noted", msg, details)


def compare_labels_03(labels: Mapping[Any, str] | Sequence[str]) -> Feedback:
    """Compare a student's labels (hedged/boosted/both/neither) with opedkit's, sentence by
    sentence, and explain each difference with the cues opedkit found. Labels may be a list in
    the order shown, a dict keyed by item number (1…) or by the opening words."""
    given = _read_labels("03.4", labels, LABEL_03, LABELS)
    if isinstance(given, Feedback):
        return given
    reference = [
        (o, f"S{i + 1}", m, "; it found " + ", ".join(f) if f else "; it found no cue")
        for o, i, m, f in _machine_labels_03()
    ]
    return _compare(
        "03.4",
        given,
        reference,
        "opedkit",
        "opedkit labels a sentence from the hedges and boosters in its lists only; predictive "
        "'will' and attitude words do not count towards the label. Where you differ, decide "
        "who is right: the machine follows rules, you read meaning.",
    )


_register(
    Exercise(
        "03.4",
        "Label each sentence hedged, boosted, both or neither, then compare with opedkit.",
        "Give your labels as a list in the order shown, e.g. ['both', 'neither', …], using "
        "hedged, boosted, both or neither.",
        compare_labels_03,
        lambda: "\n".join(
            f"S{i + 1} (“{o} …”): {m}" + (f" ({', '.join(f)})" if f else " (no cue)")
            for o, i, m, f in _machine_labels_03()
        ),
    )
)


def _paragraph_hedges(paragraph: int) -> list[str]:
    from opedkit.stance import stance

    t = stance(_doc(None))
    rows = t[(t["paragraph"] == paragraph - 1) & (t["category"] == "hedge")]
    return [str(r.text) for r in rows.itertuples()]


def _check_03_2(answer: Any) -> Feedback:
    n = _as_int(answer)
    if n is None:
        return Feedback("03.2", "invalid", "Give a whole number: the hedges you counted.")
    found = _paragraph_hedges(8)
    listed = ", ".join(f"“{w}”" for w in found) or "none"
    if n == len(found):
        return Feedback(
            "03.2",
            "correct",
            f"You and opedkit agree: {len(found)} hedges in ¶ 8 ({listed}). Agreement is not "
            "proof, though: check that you both counted the same words.",
        )
    more = (
        "You counted more. Did you count a word that is not in opedkit's lists? Some are "
        "hedge-like (a word that weakens a claim) and the lists may miss them; others, such as "
        "'essential' (an attitude word), soften nothing."
        if n > len(found)
        else "You counted fewer. Look again at each of opedkit's words: does it soften the "
        "claim it belongs to?"
    )
    return Feedback("03.2", "noted", f"opedkit finds {len(found)} hedges in ¶ 8: {listed}. {more}")


_register(
    Exercise(
        "03.2",
        "How many hedges are there in paragraph 8?",
        "Count the hedges in ¶ 8 by hand (switch off everything but hedges and pick "
        "paragraph 8, or read it in lesson 00), and put the number in place of None.",
        _check_03_2,
        lambda: (
            f"{len(_paragraph_hedges(8))} (opedkit): "
            + ", ".join(_paragraph_hedges(8))
            + ". Discuss 'purely hypothetical' and 'essential' (attitude)."
        ),
    )
)

_choice(
    "03.1",
    "“This resurgence may have several reasons…” What does ‘may’ do in this sentence?",
    {
        "It softens the claim: the author does not commit to it (a hedge)": (
            True,
            "Yes: 'may have several reasons' presents the reasons as possible, not certain. "
            "That is what Hyland calls a hedge: it withholds full commitment.",
        ),
        "It names the month of May": (
            False,
            "Not here: the month is a name ('in May 2023'); here 'may' is followed by a verb "
            "('may have'). opedkit's rule may_month makes exactly this check.",
        ),
        "It gives permission": (
            False,
            "'May' can give permission ('you may leave'), but nobody is being allowed "
            "anything here: the sentence is about possible reasons.",
        ),
        "It makes the claim stronger (a booster)": (
            False,
            "A booster would close off doubt ('this resurgence undoubtedly has several "
            "reasons'). 'May' does the opposite: it leaves room for doubt.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)

_choice(
    "03.3",
    "“…the forthcoming summit will certainly hold considerable importance…” Which word is "
    "the booster, the one that shuts out doubt?",
    {
        "forthcoming": (
            False,
            "'Forthcoming' only says the summit is coming soon: it places the claim in time, it "
            "does not make it more or less certain.",
        ),
        "will": (
            False,
            "'Will' makes a claim about the future, and a flat 'will' does sound sure. opedkit "
            "counts it apart, as a prediction, because it says *what* will happen rather than "
            "*how sure* the writer is; lesson 06 looks at predictions. The booster here is "
            "'certainly'.",
        ),
        "certainly": (
            True,
            "Yes: 'certainly' tells the reader there is no doubt. Notice that the same "
            "sentence opens with a hedge, 'the precise conclusions are difficult to "
            "anticipate': the author hedges and boosts in one breath.",
        ),
        "considerable": (
            False,
            "'Considerable' makes the importance bigger, not the claim more certain. Words "
            "like it intensify; they are not in opedkit's booster list. You could argue either "
            "way: that is a good discussion.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)


def stance_by_paragraph_table(doc: Document | str | None = None) -> pd.DataFrame:
    """:func:`opedkit.stance.stance_by_paragraph` with paragraphs numbered as readers count
    them (from 1) and densities rounded to one decimal: ``paragraph``, ``words``, ``hedge``,
    ``booster``, ``hedges per 100 words``, ``boosters per 100 words``."""
    from opedkit.stance import stance_by_paragraph

    t = stance_by_paragraph(_doc(doc))
    out = t[["paragraph", "words", "hedge", "booster"]].copy()
    out["paragraph"] = out["paragraph"] + 1
    out["hedges per 100 words"] = t["hedge_per_100"].round(1)
    out["boosters per 100 words"] = t["booster_per_100"].round(1)
    return out.set_index("paragraph")


def sentences_with(doc: Document | str | None, word: str) -> pd.DataFrame:
    """The sentences that contain ``word`` (whole word, any case): ``paragraph`` (from 1),
    ``sentence`` (from 1) and the ``text``."""
    import re

    from opedkit.segment import sentence_table

    t = sentence_table(_doc(doc))
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.I)
    hits = t[t["text"].map(lambda s: bool(pattern.search(s)))]
    out = hits[["paragraph", "sentence", "text"]].copy()
    out["paragraph"] += 1
    out["sentence"] += 1
    return out.reset_index(drop=True)


def cues_in_sentence(doc: Document | str | None, sentence: int) -> pd.DataFrame:
    """The cues opedkit found in one sentence (0-based index), with the rule behind each."""
    from opedkit.stance import stance

    t = stance(_doc(doc), dropped=True)
    rows = t[t["sentence"] == sentence]
    out = rows[["text", "category", "rule", "why", "kept"]].rename(columns={"text": "words"})
    return out.reset_index(drop=True)


def dropped_cues(doc: Document | str | None = None) -> pd.DataFrame:
    """Matches of the word lists that a context rule decided not to count, with the reason:
    ``paragraph`` and ``sentence`` (from 1), ``words``, the ``category`` it would have had,
    ``rule`` and ``why``."""
    from opedkit.stance import stance

    t = stance(_doc(doc), dropped=True)
    out = t.loc[~t["kept"], ["paragraph", "sentence", "text", "category", "rule", "why"]].copy()
    out["paragraph"] += 1
    out["sentence"] += 1
    return out.rename(columns={"text": "words"}).reset_index(drop=True)


# --- lesson 04: questions -------------------------------------------------------------------

QUESTION_LABELS = ("hypophora", "rhetorical", "open", "reader-directed")


def _writer_questions(doc: Document | str | None = None) -> pd.DataFrame:
    from opedkit.questions import questions

    q = questions(_doc(doc))
    return q[~q["quoted"]].reset_index(drop=True)


def question_marks(doc: Document | str | None = None) -> pd.DataFrame:
    """The writer's questions as marks on the body (category ``question``), the title
    saying the kind, how confident the rule was, and why."""
    import pandas as pd

    q = _writer_questions(doc)
    rows = [
        {
            "start": int(r["start"]),
            "end": int(r["end"]),
            "category": "question",
            "title": f"{r['kind']} ({r['confidence']} confidence): {r['reason']}",
        }
        for r in q.to_dict("records")
    ]
    return pd.DataFrame(rows, columns=["start", "end", "category", "title"])


def question_table(doc: Document | str | None = None) -> pd.DataFrame:
    """The writer's questions for reading: ``paragraph`` and ``sentence`` (from 1), the
    ``question``, its ``kind``, ``confidence``, the runner-up kind (``or else``), ``because``
    (the rule's reason) and ``answered by`` (sentence number from 1, or blank)."""
    q = _writer_questions(doc)
    out = q[["paragraph", "sentence", "text", "kind", "confidence", "alternative", "reason"]]
    out = out.rename(columns={"text": "question", "alternative": "or else", "reason": "because"})
    out = out.copy()
    out["paragraph"] += 1
    out["sentence"] += 1
    out["answered by"] = [
        "" if v is None or str(v) == "<NA>" else str(int(v) + 1) for v in q["answered_by"]
    ]
    return out.reset_index(drop=True)


def question_counts(doc: Document | str | None = None) -> pd.DataFrame:
    """:func:`opedkit.questions.question_summary` without the kinds that do not occur."""
    from opedkit.questions import question_summary

    s = question_summary(_doc(doc))
    keep = (s["questions"] > 0) | s["kind"].isin(["all questions", "the writer's own"])
    return s[keep].set_index("kind")


def _question_openings() -> list[str]:
    return [" ".join(str(t).split()[:5]) for t in _writer_questions(None)["text"]]


def label_items_04() -> list[tuple[str, str]]:
    """The op-ed's questions to label in lesson 04: ``(opening words, "Q<n>: question")``."""
    q = _writer_questions(None)
    return [
        (opening, f"Q{i + 1} (¶ {int(r['paragraph']) + 1}): {r['text']}")
        for i, (opening, r) in enumerate(
            zip(_question_openings(), q.to_dict("records"), strict=True)
        )
    ]


def compare_labels_04(labels: Mapping[Any, str] | Sequence[str]) -> Feedback:
    """Compare a student's kinds for the op-ed's questions with opedkit's, explaining each
    difference with the rule's reason."""
    openings = _question_openings()
    given = _read_labels("04.3", labels, openings, QUESTION_LABELS)
    if isinstance(given, Feedback):
        return given
    q = _writer_questions(None)
    reference = [
        (o, f"Q{i + 1}", str(r["kind"]), f" ({r['reason']})")
        for i, (o, r) in enumerate(zip(openings, q.to_dict("records"), strict=True))
    ]
    return _compare(
        "04.3",
        given,
        reference,
        "opedkit",
        "opedkit decides from cues in and around the question (an answer in the next "
        "sentence, a negative yes/no question, a remark that the answer is not known); "
        "it does not understand the question. Where you differ, say which cue you used.",
    )


_register(
    Exercise(
        "04.3",
        "Label each of the op-ed's questions: hypophora, rhetorical, open or reader-directed.",
        "Give your labels as a list in the order shown, e.g. ['open', 'rhetorical', …].",
        compare_labels_04,
        lambda: "\n".join(
            f"Q{i + 1}: {r['kind']} ({r['confidence']}; or else {r['alternative'] or '-'}): "
            f"{r['reason']}"
            for i, r in enumerate(_writer_questions(None).to_dict("records"))
        ),
    )
)

_choice(
    "04.1",
    "“Will the deliberations result in establishing a formal alliance or treaty, or will they "
    "be limited to a restricted level of involvement?” What kind of question is it?",
    {
        "Hypophora: the author asks it and then answers it": (
            False,
            "Look at what follows: two more questions, then 'The questions can only be "
            "addressed after the summit'. The author gives no answer.",
        ),
        "Rhetorical: the answer is implied": (
            False,
            "A rhetorical question implies its answer ('Who would trust such a promise?' means "
            "'nobody'). Here either answer is possible, and the text says so.",
        ),
        "Open: raised and left open": (
            True,
            "Yes: it weighs two futures ('…or will they…?') and the paragraph ends by saying "
            "the questions can only be addressed after the summit. It is a prediction held in "
            "suspense, and lesson 06 can check it.",
        ),
        "Reader-directed: it asks you, the reader": (
            False,
            "A reader-directed question addresses 'you' ('What would you do?'). This one "
            "asks about the summit, not about the reader.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)

_choice(
    "04.2",
    "What do the questions of paragraph 9 do for the argument?",
    {
        "They answer objections a critic might raise": (
            False,
            "Nothing in paragraph 9 is answered: no question has an answer after it, and the "
            "paragraph ends by saying the answers must wait for the summit.",
        ),
        "They lay out what is at stake while committing to no outcome": (
            True,
            "That is one strong reading: by asking instead of claiming, the author can raise "
            "an alliance, sanctions and Western tolerance without predicting any of them, and "
            "the summit looks important without the author risking a wrong forecast. Notice "
            "how this fits the hedging of lesson 03.",
        ),
        "They ask the reader for information": (
            False,
            "Readers of an op-ed cannot answer back. Questions that seek information belong "
            "to conversation; in print, a question always does some other work.",
        ),
        "They imply that the answer is obviously no": (
            False,
            "There is no cue for that: no negative question ('Isn't it…?'), no 'ever' or "
            "'at all', and the author says the answers are not yet known.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)


def question_summary_text(text: str) -> pd.DataFrame:
    """The questions in a short text (for trying your own): the question, its kind, why."""
    import pandas as pd

    from opedkit.questions import questions

    if not text.strip():
        return pd.DataFrame(columns=["question", "kind", "because"])
    q = questions(text)
    return q[["text", "kind", "reason"]].rename(columns={"text": "question", "reason": "because"})


# --- lesson 05: claims and evidence -----------------------------------------------------------


def _attributions(doc: Document | str | None = None) -> pd.DataFrame:
    from opedkit.attribution import attributions

    return attributions(_doc(doc))


def attribution_marks(doc: Document | str | None = None) -> pd.DataFrame:
    """Named and vague sources as marks on the body: category ``attribution`` (named) or
    ``attribution-vague``, the title saying which pattern found it and why."""
    import pandas as pd

    from opedkit.segment import sentence_spans

    d = _doc(doc)
    spans = sentence_spans(d.body)
    rows = []
    for r in _attributions(d).to_dict("records"):
        base = spans[int(r["sentence"])].start
        rows.append(
            {
                "start": base + int(r["start"]),
                "end": base + int(r["end"]),
                "category": "attribution" if r["kind"] == "named" else "attribution-vague",
                "title": f"{r['kind']} source “{r['source']}” (cue: {r['cue']}): {r['reason']}",
            }
        )
    return pd.DataFrame(rows, columns=["start", "end", "category", "title"])


def attribution_table(doc: Document | str | None = None) -> pd.DataFrame:
    """Every source the text credits, for reading: ``paragraph`` and ``sentence`` (from 1),
    ``source`` as written, ``kind`` (named or vague), ``cue`` and ``because``."""
    from opedkit.segment import sentence_spans

    d = _doc(doc)
    t = _attributions(d)
    spans = sentence_spans(d.body)
    out = t[["sentence", "source", "kind", "cue", "reason"]].rename(columns={"reason": "because"})
    out = out.copy()
    out.insert(0, "paragraph", [spans[int(s)].paragraph + 1 for s in t["sentence"]])
    out["sentence"] += 1
    return out.reset_index(drop=True)


SUPPORT_KINDS = ("named source", "vague source only", "no source")


def claims_table(doc: Document | str | None = None) -> pd.DataFrame:
    """One row per sentence: the claims-and-evidence table. ``paragraph`` and ``sentence``
    (from 1), the ``text``, ``support`` (``named source`` when a named source is credited in
    the sentence, ``vague source only``, or ``no source``), the ``sources`` as written, and
    the sentence's ``stance`` label from lesson 03 (hedged, boosted, both, neither) plus
    ``predictions`` (cues of future *will*)."""
    from opedkit.stance import stance_by_sentence

    d = _doc(doc)
    by_sentence = stance_by_sentence(d)
    att = _attributions(d)
    support, sources = [], []
    for k in range(len(by_sentence)):
        rows = att[att["sentence"] == k]
        named = rows[rows["kind"] == "named"]
        support.append(
            SUPPORT_KINDS[0] if len(named) else SUPPORT_KINDS[1] if len(rows) else SUPPORT_KINDS[2]
        )
        sources.append("; ".join(str(s) for s in rows["source"]))
    out = by_sentence[["paragraph", "sentence", "text", "label", "predictive"]].copy()
    out["paragraph"] += 1
    out["sentence"] += 1
    out.insert(3, "support", support)
    out.insert(4, "sources", sources)
    return out.rename(columns={"label": "stance", "predictive": "predictions"})


def support_counts(doc: Document | str | None = None) -> pd.DataFrame:
    """How many sentences have a named source, only a vague one, or none; with shares."""
    import pandas as pd

    t = claims_table(doc)
    n = len(t)
    counts = [int((t["support"] == k).sum()) for k in SUPPORT_KINDS]
    return pd.DataFrame(
        {
            "support": list(SUPPORT_KINDS),
            "sentences": counts,
            "share": [round(c / n, 2) if n else 0.0 for c in counts],
        }
    ).set_index("support")


def _named_source_sentences() -> list[int]:
    t = claims_table(None)
    return [int(s) for s in t.loc[t["support"] == "named source", "sentence"]]


def _check_05_2(answer: Any) -> Feedback:
    n = _as_int(answer)
    if n is None:
        return Feedback("05.2", "invalid", "Give a whole number of sentences.")
    found = _named_source_sentences()
    t = claims_table(None)
    sources = dict(zip(t["sentence"].astype(int), t["sources"].astype(str), strict=True))
    listed = "; ".join(f"S{s}: {sources[s]}" for s in found)
    total = len(t)
    if n == len(found):
        return Feedback(
            "05.2",
            "correct",
            f"{len(found)} of the {total} sentences credit a named source ({listed}). Every "
            "other claim rests on the author's word alone, or on a source with no name.",
        )
    return Feedback(
        "05.2",
        "not yet",
        f"opedkit finds {len(found)} sentences that name a source ({listed}). Did you count "
        "'global observers' or 'the expectation is'? Those credit nobody in particular: they "
        "are vague sources, not named ones.",
    )


_register(
    Exercise(
        "05.2",
        "How many sentences of the op-ed credit a named source?",
        "Count the sentences with at least one named source (double underline in the "
        "marked-up text) and put the number in place of None.",
        _check_05_2,
        lambda: (
            f"{len(_named_source_sentences())} sentences: "
            + ", ".join(f"S{s}" for s in _named_source_sentences())
            + "."
        ),
    )
)

_choice(
    "05.1",
    "“…according to sources like Al Jazeera and Reuters.” Two outlets are named. Why does "
    "opedkit still count ‘sources like…’ as vague?",
    {
        "Because Al Jazeera and Reuters are not reliable outlets": (
            False,
            "Reliability is a separate question, and both are major news organisations. The "
            "problem is not who they are but that the reader cannot find what they said.",
        ),
        "Because ‘like’ makes them examples, and no report, date or title is given": (
            True,
            "Yes: 'sources like X and Y' says the claim comes from X, Y *and others*, unnamed; "
            "and even for X and Y there is no headline, date or link. A reader cannot trace "
            "the claim to an original report (SIFT's 'trace' move), so it has to be taken on "
            "trust.",
        ),
        "Because the sentence also contains the word ‘however’": (
            False,
            "'However' links two parts of the sentence; it says nothing about where the claim "
            "comes from.",
        ),
        "Because only quotations can count as sources": (
            False,
            "Reported claims count too ('according to Reuters…'). A named, dated report is good "
            "evidence even without a quotation.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)

CLAIM_KINDS = ("description", "interpretation", "prediction", "prescription")

#: The project's own reading of eight sentences (the teacher key for exercise 05.3): opening
#: words, kind, and the reason. Interpretive: a class may reasonably disagree.
CLAIMS_KEY_05 = (
    (
        "During the Korean War",
        "description",
        "a past fact anyone can check in a history book",
    ),
    (
        "The collapse of the Soviet Union",
        "description",
        "reports of what happened and what was pledged: checkable now, though its source is vague",
    ),
    (
        "This resurgence may have several",
        "interpretation",
        "offers possible reasons (motives), hedged with 'may': an explanation, not a fact",
    ),
    (
        "If Russia and North Korea were",
        "prediction",
        "says what would follow if a deal were made: a conditional forecast",
    ),
    (
        "The presence of China will",
        "prediction",
        "says what will happen at the summit, boosted with 'undoubtedly'",
    ),
    (
        "The interaction between North Korea",
        "interpretation",
        "a claim about North Korea's motives ('a strategic effort'), stated flatly as fact, "
        "with no source and no hedge",
    ),
    (
        "The enhancement of North Korea’s military",
        "interpretation",
        "a judgement ('a direct menace'), apparently from South Korea's point of view (the "
        "paragraph opens 'Korea will observe…'), presented as fact",
    ),
    (
        "However, considering the historical",
        "prescription",
        "says what ought to be done ('it is imperative to approach…'): arguable, not checkable",
    ),
)


def label_items_05() -> list[tuple[str, str]]:
    """The sentences of exercise 05.3: ``(opening words, "S<n>: sentence")``."""
    from opedkit.segment import sentences

    sents = sentences(_doc(None))
    out = []
    for opening, _kind, _why in CLAIMS_KEY_05:
        i = _sentence_by_opening(opening)
        out.append((opening, f"S{i + 1}: {sents[i]}"))
    return out


def compare_claims_05(labels: Mapping[Any, str] | Sequence[str]) -> Feedback:
    """Compare a student's claim kinds with the project's reading (the teacher key)."""
    openings = [o for o, _k, _w in CLAIMS_KEY_05]
    given = _read_labels("05.3", labels, openings, CLAIM_KINDS)
    if isinstance(given, Feedback):
        return given
    reference = [(o, f"S{_sentence_by_opening(o) + 1}", k, f": {w}") for o, k, w in CLAIMS_KEY_05]
    return _compare(
        "05.3",
        given,
        reference,
        "the teacher key",
        "The key is one careful reading, not the truth: where you differ, your reason matters "
        "more than the label. The question to keep asking: what would it take to check this "
        "claim, and does the text give it?",
    )


_register(
    Exercise(
        "05.3",
        "What kind of claim is each sentence: description, interpretation, prediction or "
        "prescription?",
        "Give your labels as a list in the order shown, e.g. ['description', 'prediction', …].",
        compare_claims_05,
        lambda: "\n".join(
            f"S{_sentence_by_opening(o) + 1} (“{o} …”): {k}: {w}" for o, k, w in CLAIMS_KEY_05
        ),
    )
)


# --- lesson 06: predictions in hindsight ------------------------------------------------------

OUTCOMES = ("happened", "partly", "did not happen", "too vague to score", "not checked here")

#: The op-ed's forward-looking sentences, with the project's reading of what happened (the
#: teacher key for lesson 06): opening words, what it expects (paraphrase), outcome, the
#: reason, and the timeline rows (``data/timeline.csv``) that bear on it. Interpretive: a class
#: may reasonably score some of them differently.
FORECASTS_06: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "The visit promises to have a broad impact",
        "a broad impact on international relations",
        "too vague to score",
        "'a broad impact' with 'potential ramifications for everything' names nothing that "
        "could fail to happen",
        "",
    ),
    (
        "According to reports from the New York Times",
        "arms negotiations on the summit's agenda",
        "happened",
        "military matters were discussed at the summit (T2), as US officials had said before "
        "the op-ed (T0a-T0c): the author was passing on a report, not forecasting",
        "T0a T0b T0c T2",
    ),
    (
        "If Russia and North Korea were to formalize",
        "an arms deal giving North Korea capabilities and Russia a market for its arms",
        "partly",
        "arms did move, but mainly the other way: North Korean shells and missiles for Russia "
        "(T5, T9, T10, T15); North Korea was reported to get food, materials and weapon parts "
        "(T10) and help with satellites (T7). No formal arms deal was published",
        "T5 T7 T9 T10 T15",
    ),
    (
        "The presence of China will undoubtedly",
        "China's presence will be significant at the summit",
        "too vague to score",
        "China was not at the summit and said it was a matter for the two countries (T3); "
        "whether its influence was 'significant' cannot be measured. Two years later Kim stood "
        "beside Xi and Putin in Beijing (T29)",
        "T3 T29",
    ),
    (
        "This development could add a fresh element",
        "a fresh element in China-Russia relations",
        "too vague to score",
        "'could add a fresh element' is true of almost any outcome",
        "T20 T29",
    ),
    (
        "The possible partnership between North Korea",
        "an economic partnership (labour, a market for Russian goods)",
        "partly",
        "trade grew from a small base (T12b) and a road bridge is being built (T28); sanctions "
        "remain, though UN monitoring of them ended (T11)",
        "T11 T12b T28",
    ),
    (
        "The probable occurrence of an arms agreement",
        "an arms agreement and a closer partnership, affecting US strategy",
        "partly",
        "arms transfers (T5 onwards) and a treaty (T12) followed; the effect on 'the United "
        "States strategy in the area' is not stated in checkable terms",
        "T5 T12",
    ),
    (
        "Nevertheless, Russia’s influence on North Korea",
        "Russia's influence may make relations between the two Koreas more stable",
        "not checked here",
        "our timeline does not cover relations between the two Koreas: look it up",
        "",
    ),
    (
        "Will the deliberations result in",
        "(open question) a formal alliance or treaty?",
        "happened",
        "not at this summit (T2: nothing signed), but nine months later: a treaty with a "
        "mutual-assistance clause (T12, T13), in force from December 2024 (T24)",
        "T2 T12 T13 T24",
    ),
    (
        "Could there be economic cooperation",
        "(open question) economic cooperation that draws international scrutiny?",
        "partly",
        "some cooperation (T12b, T28) and a fight over sanctions monitoring (T11); most scrutiny "
        "went to the arms transfers instead",
        "T11 T12b T28",
    ),
    (
        "To what degree would the United States",
        "(open question) how far the US and its allies will tolerate the ties",
        "too vague to score",
        "'to what degree' has no yes-or-no answer; the US protested (T5, T9, T17) but what "
        "counts as 'tolerance' is not defined",
        "T5 T9 T17",
    ),
    (
        "Although the precise conclusions",
        "the summit will certainly hold considerable importance",
        "too vague to score",
        "in hindsight the summit looks like the start of everything in the timeline, but "
        "'considerable importance' names nothing that could have failed to happen: the "
        "hindsight trap",
        "",
    ),
    (
        "The expectation is that engaging",
        "talks will open opportunities for stability and peace",
        "did not happen",
        "the next two years brought munitions and missiles for Russia's war (T5-T15) and North "
        "Korean troops in combat (T16, T26, T27)",
        "T10 T16 T26 T27",
    ),
)

#: The eight forecasts students score in exercise 06.3 (indexes into FORECASTS_06).
SCORE_06 = (1, 2, 3, 5, 8, 9, 11, 12)


def _commitment(rows: pd.DataFrame) -> str:
    """How strongly a sentence commits: question, boosted, hedged, will (unhedged), none."""
    if bool(rows["in_question"].any()):
        return "question"
    cats = set(rows["category"])
    if "booster" in cats:
        return "boosted"
    if "hedge" in cats:
        return "hedged"
    if "predictive" in cats:
        return "will (unhedged)"
    return "none"


def forecast_table(doc: Document | None = None) -> pd.DataFrame:
    """The op-ed's forward-looking sentences: ``paragraph`` and ``sentence`` (from 1), what
    it ``expects`` (the project's paraphrase), the ``cues`` opedkit finds in it, its
    ``commitment`` (from those cues: question, boosted, hedged, will (unhedged)), and the
    teacher key's ``outcome`` with the ``timeline`` rows behind it."""
    import pandas as pd

    from opedkit.segment import sentence_spans
    from opedkit.stance import stance

    d = _doc(doc)
    cues = stance(d)
    spans = sentence_spans(d.body)
    rows = []
    for opening, expects, outcome, _why, evidence in FORECASTS_06:
        i = _sentence_by_opening(opening)
        mine = cues[cues["sentence"] == i]
        rows.append(
            {
                "paragraph": spans[i].paragraph + 1,
                "sentence": i + 1,
                "expects": expects,
                "cues": ", ".join(f"{r.text} ({r.category})" for r in mine.itertuples()),
                "commitment": _commitment(mine),
                "outcome": outcome,
                "timeline": evidence,
            }
        )
    return pd.DataFrame(rows)


def forecast_crosstab(doc: Document | None = None) -> pd.DataFrame:
    """How the forecasts fared by how strongly they were put: commitment x outcome counts."""
    import pandas as pd

    t = forecast_table(doc)
    tab = pd.crosstab(t["commitment"], t["outcome"])
    cols = [o for o in OUTCOMES if o in tab.columns]
    rows = [
        c for c in ("boosted", "will (unhedged)", "hedged", "question", "none") if c in tab.index
    ]
    return tab.loc[rows, cols]


def label_items_06() -> list[tuple[str, str]]:
    """The forecasts of exercise 06.3: ``(opening words, "S<n>: sentence")``."""
    from opedkit.segment import sentences

    sents = sentences(_doc(None))
    out = []
    for k in SCORE_06:
        opening = FORECASTS_06[k][0]
        i = _sentence_by_opening(opening)
        out.append((opening, f"S{i + 1}: {sents[i]}"))
    return out


def compare_outcomes_06(labels: Mapping[Any, str] | Sequence[str]) -> Feedback:
    """Compare a student's outcome scores with the teacher key, explaining each difference
    with the timeline rows behind the key."""
    chosen = [FORECASTS_06[k] for k in SCORE_06]
    openings = [f[0] for f in chosen]
    given = _read_labels("06.3", labels, openings, OUTCOMES)
    if isinstance(given, Feedback):
        return given
    reference = [
        (o, f"S{_sentence_by_opening(o) + 1}", outcome, f": {why}")
        for o, _e, outcome, why, _ev in chosen
    ]
    return _compare(
        "06.3",
        given,
        reference,
        "the teacher key",
        "Scoring forecasts is itself a judgement. Where you differ, check the timeline rows "
        "named, and ask what the sentence committed the author to, in September 2023.",
    )


_register(
    Exercise(
        "06.3",
        "Score each forecast against the timeline: happened, partly, did not happen, too vague "
        "to score, or not checked here.",
        "Give your scores as a list in the order shown, e.g. ['happened', 'partly', …].",
        compare_outcomes_06,
        lambda: "\n".join(
            f"S{_sentence_by_opening(FORECASTS_06[k][0]) + 1} (“{FORECASTS_06[k][0]} …”): "
            f"{FORECASTS_06[k][2]}: {FORECASTS_06[k][3]}"
            for k in SCORE_06
        ),
    )
)

_choice(
    "06.1",
    "The op-ed expected an arms deal to “offer Russia a new market for its arms industry”. "
    "What does the timeline show?",
    {
        "Russia sold arms to North Korea, as expected": (
            False,
            "Look at rows T5, T9, T10 and T15: the reported flow was of North Korean munitions "
            "and missiles *to* Russia, for its war in Ukraine.",
        ),
        "Arms flowed mainly the other way, from North Korea to Russia": (
            True,
            "Yes: by the estimates of the US and South Korean governments (T5, T10, T15), "
            "North Korea sent Russia millions of shells and dozens of missiles (T9). The op-ed "
            "pictured Russia as the seller; the US reports it drew on (T0a) already described "
            "Russia seeking munitions. Read those reports and you could have expected it.",
        ),
        "No arms moved between the two countries": (
            False,
            "Russia and North Korea denied transfers at first, but the US and South Korea "
            "reported them repeatedly (T5 to T15), and North Korea later admitted sending "
            "troops (T27). These are estimates by interested governments, but they are many.",
        ),
        "The timeline cannot say anything about it": (
            False,
            "It can say a good deal: rows T5, T6, T8, T9, T10 and T15 are all about arms. "
            "Treat the numbers as estimates, not as facts, but the direction is consistent.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)

_choice(
    "06.2",
    "The op-ed expected that talks “will facilitate opportunities for stability and peace”; "
    "two years later, North Korean troops had fought for Russia. What is the fairest "
    "conclusion?",
    {
        "The author was foolish and should not be trusted": (
            False,
            "That is the hindsight trap: knowing the outcome makes it look obvious. Judge the "
            "forecast by what could be known in September 2023, not by what we know now.",
        ),
        "Judge it by what could be known then, and by how clearly it was put": (
            True,
            "Yes: in September 2023 the US had already warned of arms talks (T0a), so a hopeful "
            "forecast was a choice, and 'the expectation is' credits no one for it. It was "
            "also vague ('opportunities for stability'), which makes it hard to call wrong. "
            "Both points matter more than the outcome alone.",
        ),
        "Predictions in op-eds are pointless": (
            False,
            "They are not: a clear, reasoned forecast helps readers think. What makes one "
            "useful is that it could turn out wrong and says why the author expects it.",
        ),
        "The author should have known about the troops": (
            False,
            "No one could know in September 2023 about a deployment that was decided in "
            "October 2024 (T16). Blaming the author for that is hindsight, not critical "
            "reading.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)


# --- lesson 07: your own op-ed --------------------------------------------------------------


def load_own(path: str | Path | None = None, text: str | None = None) -> Document:
    """The student's text: pasted ``text`` if given (its parts found as for any text), else
    the file at ``path`` (.txt, .md or a saved .html page). Raises
    :class:`~opedkit.errors.InputError` saying what to do when neither is usable."""
    from opedkit.document import from_text, load
    from opedkit.errors import InputError

    if text is not None and str(text).strip():
        doc = from_text(str(text), source="<pasted text>")
    elif path is not None and str(path).strip():
        doc = load(path)
    else:
        raise InputError(
            "no text given",
            hint="set OPED_PATH to a file (e.g. 'my-oped.txt') or paste the text into OPED_TEXT",
        )
    if not doc.body.strip():
        raise InputError(
            "has no body text that opedkit could find",
            path=doc.source,
            hint="look at the parts view: if the op-ed was classified as something else, add "
            "'<!-- opedkit: body -->' on the line before it",
        )
    return doc


def side_by_side(mine: Document, other: Document | None = None) -> pd.DataFrame:
    """Every measure of :func:`opedkit.profile.profile` for two texts, with its group and
    unit: ``group``, ``measure`` (what it means), ``unit``, ``your text``, ``this op-ed``.
    Counts are shown as whole numbers, rates and means with one decimal (as text, so that
    both read naturally in one column)."""
    import pandas as pd

    from opedkit.profile import fields, profile

    theirs = _doc(other)
    a, b = profile(mine), profile(theirs)
    rows = []
    for f in fields().to_dict("records"):
        name = f["name"]
        if name not in a.index or name not in b.index:
            continue

        def show(v: Any, dtype: str = str(f["dtype"])) -> str:
            if v is None or (isinstance(v, float) and v != v):
                return "–"
            return f"{float(v):.1f}" if dtype.startswith("float") else str(int(v))

        rows.append(
            {
                "group": f["group"],
                "measure": f["meaning"],
                "unit": f["unit"],
                "your text": show(a[name]),
                "this op-ed": show(b[name]),
            }
        )
    return pd.DataFrame(rows)


def rates_for_chart(mine: Document, other: Document | None = None) -> pd.DataFrame:
    """Rates per 1,000 words for the two texts, for a chart: hedges and boosters (the
    profile's densities per 100 words, times ten), questions (as
    :func:`opedkit.profile.profile` reports them) and named and vague sources (its counts
    per 1,000 words), rounded to one decimal."""
    import pandas as pd

    from opedkit.profile import profile

    def rates(p: pd.Series) -> list[float]:
        words = int(p["words"])
        per = (lambda n: 1000 * int(n) / words) if words else (lambda n: 0.0)
        values = [
            10 * float(p["hedging_density"]),
            10 * float(p["boosting_density"]),
            float(p["questions_per_1000"]),
            per(p["sources_named"]),
            per(p["sources_vague"]),
        ]
        return [round(v, 1) for v in values]

    labels = ["hedges", "boosters", "questions", "named sources", "vague sources"]
    return pd.DataFrame(
        {
            "measure": labels,
            "your text": rates(profile(mine)),
            "this op-ed": rates(profile(_doc(other))),
        }
    )


def all_marks(doc: Document) -> pd.DataFrame:
    """Every mark opedkit can show for a text: stance cues, questions, named and vague
    sources (for the highlighter)."""
    import pandas as pd

    parts = [stance_marks(doc), question_marks(doc), attribution_marks(doc)]
    cols = ["start", "end", "category", "title"]
    return pd.concat([p[cols] for p in parts], ignore_index=True)


CHECKLIST = (
    "I know who wrote it, who published it, and what they might want",
    "I checked the author's stated expertise outside the text",
    "I know when it was written (or dated it from its own words)",
    "I traced at least one named source to the original report",
    "I listed the claims that have no support, and which of them need it",
    "I found the hedges and boosters, and asked whether the confidence is earned",
    "I found the questions, and what each one does",
    "I noted the forecasts, and what would show them right or wrong",
    "I read what other sources say about the same events",
    "I compared the numbers with my own reading, and noted where they mislead",
)


def worked_for(lesson: str) -> str:
    """The worked answers of every exercise of one lesson (``"03"``), for the teacher's guide."""
    ids = sorted(e for e in EXERCISES if _lesson_of(e) == lesson)
    if not ids:
        return f"(lesson {lesson} has no checked exercises)"
    return "\n\n".join(worked(e) for e in ids)


# --- lesson 02: readability -----------------------------------------------------------------


def _i(value: Any) -> int:
    return int(value)


def _f(value: Any) -> float:
    return float(value)


#: The paragraph counted by hand in lesson 02 (as readers number it).
HAND_PARAGRAPH = 7


def _readability(x: Document | str) -> pd.DataFrame:
    from opedkit.readability import readability

    return readability(x)


def _hand_paragraph() -> str:
    return _doc(None).paragraphs[HAND_PARAGRAPH - 1]


def hand_sentence() -> str:
    """The first sentence of the hand-counted paragraph (lesson 02, exercise 02.2)."""
    from opedkit.segment import sentences

    return sentences(_hand_paragraph())[0]


def syllable_table(text: str) -> pd.DataFrame:
    """Each word of ``text`` with its syllables and how they were counted (the CMU
    dictionary, a rule, or the fallback), numbered from 1; a last row gives the total."""
    import pandas as pd

    from opedkit.syllables import syllable_trace
    from opedkit.tokenize import words

    rows = []
    for w in words(text):
        t = syllable_trace(w)
        rows.append({"word": w, "syllables": int(t.syllables), "counted by": t.source})
    out = pd.DataFrame(rows, columns=["word", "syllables", "counted by"])
    out.index = pd.RangeIndex(1, len(out) + 1)
    total = pd.DataFrame(
        [{"word": "total", "syllables": int(out["syllables"].sum()), "counted by": ""}],
        index=[""],
    )
    return pd.concat([out, total])


def hand_counts() -> pd.DataFrame:
    """The counts behind Flesch-Kincaid for the hand-counted paragraph (lesson 02)."""
    import pandas as pd

    r = _readability(_hand_paragraph()).loc["flesch_kincaid_grade"]
    return pd.DataFrame(
        {
            "count": ["words", "sentences", "syllables"],
            f"paragraph {HAND_PARAGRAPH}": [
                _i(r["words"]),
                _i(r["sentences"]),
                _i(r["syllables"]),
            ],
        }
    ).set_index("count")


def readability_table(doc: Document | str | None = None) -> pd.DataFrame:
    """Every formula for a text: ``score`` (one decimal), ``band``, the formula ``worked``
    with this text's counts, and its ``source``."""
    r = _readability(_doc(doc))
    out = r[["score", "band", "worked", "source"]].copy()
    out["score"] = out["score"].astype(float).round(1)
    return out


GRADE_MEASURES = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "opedkit_grade",
)


def grade_chart_table(doc: Document | str | None = None) -> pd.DataFrame:
    """The formulas that give a US school grade, with their scores (for a chart)."""
    r = readability_table(doc)
    rows = r.loc[[m for m in GRADE_MEASURES if m in r.index], ["score"]]
    return rows.reset_index().rename(columns={"index": "measure"})


def readability_by_paragraph_table(doc: Document | str | None = None) -> pd.DataFrame:
    """Per paragraph (numbered from 1): words, sentences, Flesch-Kincaid grade and opedkit's
    grade, rounded to one decimal."""
    from opedkit.readability import readability_by_paragraph

    t = readability_by_paragraph(_doc(doc))
    out = t[["paragraph", "words", "sentences", "flesch_kincaid_grade", "opedkit_grade"]].copy()
    out["paragraph"] = out["paragraph"] + 1
    for c in ("flesch_kincaid_grade", "opedkit_grade"):
        out[c] = out[c].astype(float).round(1)
    return out.set_index("paragraph")


def hardest_table(doc: Document | str | None = None, n: int = 5) -> pd.DataFrame:
    """The ``n`` hardest sentences: rank, sentence and paragraph (from 1), grades, why."""
    from opedkit.readability import hardest_sentences

    t = hardest_sentences(_doc(doc)).head(n)
    out = t[["rank", "sentence", "paragraph", "opedkit_grade", "words", "why", "text"]].copy()
    out["sentence"] += 1
    out["paragraph"] += 1
    out["opedkit_grade"] = out["opedkit_grade"].astype(float).round(1)
    return out.set_index("rank")


def scramble(text: str) -> str:
    """The same words in reverse order within each sentence (nonsense with the same counts),
    to show what readability formulas cannot see."""
    from opedkit.segment import sentences
    from opedkit.tokenize import words

    out = []
    for s in sentences(text):
        ws = [w.lower() if w[:1].isupper() and i == 0 else w for i, w in enumerate(words(s))]
        ws.reverse()
        if ws:
            ws[0] = ws[0][:1].upper() + ws[0][1:]
            out.append(" ".join(ws) + ".")
    return " ".join(out)


def scramble_demo(text: str) -> pd.DataFrame:
    """A text and its scrambled twin side by side: Flesch-Kincaid grade and Flesch reading
    ease (one decimal) are the same, although one of them is nonsense."""
    import pandas as pd

    rows = []
    for label, t in (("as written", text), ("words reversed", scramble(text))):
        r = _readability(t)
        rows.append(
            {
                "version": label,
                "text": t,
                "Flesch-Kincaid grade": round(_f(r.loc["flesch_kincaid_grade", "score"]), 1),
                "Flesch reading ease": round(_f(r.loc["flesch_reading_ease", "score"]), 1),
            }
        )
    return pd.DataFrame(rows)


def readability_summary(text: str) -> pd.DataFrame:
    """For trying a rewrite: words, sentences, syllables per word, Flesch-Kincaid grade and
    Flesch reading ease of a short text."""
    import pandas as pd

    if not text.strip():
        return pd.DataFrame(columns=["measure", "value"])
    r = _readability(text).loc["flesch_kincaid_grade"]
    fre = _readability(text).loc["flesch_reading_ease", "score"]
    words, sents, syl = _i(r["words"]), _i(r["sentences"]), _i(r["syllables"])
    return pd.DataFrame(
        {
            "measure": [
                "words",
                "sentences",
                "syllables per word",
                "Flesch-Kincaid grade",
                "Flesch reading ease",
            ],
            "value": [
                str(words),
                str(sents),
                f"{syl / words:.2f}" if words else "–",
                f"{_f(r['score']):.1f}",
                f"{_f(fre):.1f}",
            ],
        }
    )


#: The sentence offered for rewriting in lesson 02 (by its opening words).
REWRITE_02 = "The probable occurrence of an arms agreement"


def rewrite_sentence() -> str:
    from opedkit.segment import sentences

    return sentences(_doc(None))[_sentence_by_opening(REWRITE_02)]


def _check_02_1(answer: Any) -> Feedback:
    n = _as_int(answer)
    if n is None:
        return Feedback("02.1", "invalid", "Give a whole number of words.")
    true = _i(hand_counts().loc["words"].iloc[0])
    if n == true:
        return Feedback(
            "02.1",
            "correct",
            f"{true} words. 'United States' counts as two words, as a formula counts it, even "
            "though it names one thing.",
        )
    verdict = "close" if abs(n - true) <= 2 else "not yet"
    return Feedback(
        "02.1",
        verdict,
        f"opedkit counts {true}. Counting by hand, it is easy to skip a short word ('the', "
        "'of', 'an') or count one twice; point at each word as you count, in groups of ten. "
        "opedkit counts every run of letters as a word: 'United States' is two.",
    )


def _check_02_2(answer: Any) -> Feedback:
    n = _as_int(answer)
    if n is None:
        return Feedback("02.2", "invalid", "Give a whole number of syllables.")
    table = syllable_table(hand_sentence())
    true = _i(table.iloc[-1]["syllables"])
    long_words = ", ".join(
        f"{r['word']} {r['syllables']}"
        for _, r in table.iloc[:-1].iterrows()
        if r["syllables"] >= 3
    )
    if n == true:
        return Feedback(
            "02.2",
            "correct",
            f"{true} syllables. The long words carry most of them: {long_words}.",
        )
    verdict = "close" if abs(n - true) <= 2 else "not yet"
    return Feedback(
        "02.2",
        verdict,
        f"opedkit counts {true}. Check the long words first ({long_words}): say each one "
        "aloud and tap the beats. People disagree on a few words (is 'allies' two beats?); "
        "the table below shows opedkit's count for every word.",
    )


def _fk_by_hand() -> float:
    r = _readability(_hand_paragraph()).loc["flesch_kincaid_grade"]
    return _f(r["score"])


def _check_02_3(answer: Any) -> Feedback:
    x = _as_float(answer)
    if x is None or x != x:
        return Feedback("02.3", "invalid", "Give a number, such as 12.3.")
    r = _readability(_hand_paragraph()).loc["flesch_kincaid_grade"]
    true = _f(r["score"])
    worked_out = str(r["worked"])
    if abs(x - true) < 0.06:
        return Feedback(
            "02.3",
            "correct",
            f"{worked_out}. By this formula the paragraph needs about {true:.0f} years of US "
            "schooling (grade 13 is the first year of college). Notice which terms do the "
            "work: long sentences (words per sentence) and long words (syllables per word).",
        )
    if abs(x - true) < 0.6:
        return Feedback(
            "02.3",
            "close",
            f"Nearly: {worked_out}. A small difference usually comes from rounding the two "
            "ratios too early; keep two decimals until the end.",
        )
    return Feedback(
        "02.3",
        "not yet",
        f"Work it step by step: {worked_out}. First divide words by sentences, then syllables "
        "by words; multiply each by its constant; add; subtract 15.59.",
    )


def _check_02_4(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return Feedback("02.4", "invalid", "Give your rewrite as text, between quotes.")
    from opedkit.tokenize import words

    if len(words(answer)) < 3:
        return Feedback("02.4", "invalid", "Write at least a whole sentence.")
    before = _readability(rewrite_sentence()).loc["flesch_kincaid_grade"]
    after = _readability(answer).loc["flesch_kincaid_grade"]
    b, a = _f(before["score"]), _f(after["score"])
    change = "lower (easier)" if a < b else "not lower"
    return Feedback(
        "02.4",
        "noted",
        f"Flesch-Kincaid grade: {b:.1f} before, {a:.1f} after: {change}. Your version has "
        f"{_i(after['words'])} words in {_i(after['sentences'])} sentence(s) and "
        f"{_i(after['syllables'])} syllables. The formula cannot tell whether you kept the "
        "meaning, or whether a reader now understands more: read both versions aloud to "
        "someone and ask.",
    )


_register(
    Exercise(
        "02.1",
        f"How many words are there in paragraph {HAND_PARAGRAPH}?",
        f"Count the words of paragraph {HAND_PARAGRAPH} by hand and put the number in place "
        "of None.",
        _check_02_1,
        lambda: (
            f"{_i(hand_counts().loc['words'].iloc[0])} words, in "
            f"{_i(hand_counts().loc['sentences'].iloc[0])} sentences."
        ),
    )
)
_register(
    Exercise(
        "02.2",
        f"How many syllables are there in the first sentence of paragraph {HAND_PARAGRAPH}?",
        "Say each word aloud, tap the beats, add them up, and put the total in place of None.",
        _check_02_2,
        lambda: (
            f"{int(syllable_table(hand_sentence()).iloc[-1]['syllables'])} syllables: "
            + ", ".join(
                f"{r['word']} {r['syllables']}"
                for _, r in syllable_table(hand_sentence()).iloc[:-1].iterrows()
            )
        ),
    )
)
_register(
    Exercise(
        "02.3",
        f"Apply the Flesch-Kincaid formula by hand to paragraph {HAND_PARAGRAPH}.",
        "Use the counts in the table above; give the grade with one or two decimals in place "
        "of None.",
        _check_02_3,
        lambda: str(_readability(_hand_paragraph()).loc["flesch_kincaid_grade", "worked"]),
    )
)
_register(
    Exercise(
        "02.4",
        "Rewrite a hard sentence so that it is easier to read, and measure it again.",
        "Put your rewrite between quotes in place of None.",
        _check_02_4,
        lambda: (
            "Any rewrite that keeps the meaning; for example, 'An arms deal between Russia "
            "and North Korea, and a closer partnership, would change US strategy in the region.' "
            + str(
                _readability(
                    "An arms deal between Russia and North Korea, and a closer partnership, would "
                    "change US strategy in the region."
                ).loc["flesch_kincaid_grade", "worked"]
            )
        ),
    )
)

_choice(
    "02.5",
    "The formulas give this op-ed different grades. Why do they disagree?",
    {
        "Some of them are simply wrong": (
            False,
            "Each formula computes exactly what it says; none is 'wrong'. They measure "
            "different things and were fitted on different texts, so they give different "
            "numbers.",
        ),
        "They count different things and were fitted on different readers and texts": (
            True,
            "Yes: Flesch-Kincaid counts syllables, Coleman-Liau and ARI count letters, Dale-"
            "Chall checks a list of familiar words, SMOG and Fog count long words; and each "
            "set of constants was fitted on its own sample (school texts, Navy manuals). "
            "Where they agree, you can be more confident; where they differ, look at the "
            "counts.",
        ),
        "Because the op-ed is about a difficult topic": (
            False,
            "The formulas know nothing about the topic: they see only counts of words, "
            "sentences, syllables, letters and listed words. A text about a hard topic can "
            "score as easy.",
        ),
        "Because computers cannot count syllables": (
            False,
            "Syllable counts matter, but only some formulas use them (Coleman-Liau and ARI "
            "count letters instead) and they still disagree with each other.",
        ),
    },
    "Pick the option (its number, letter or text) in place of None.",
)
