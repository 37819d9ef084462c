"""How sure is the author: hedges, boosters, attitude markers and predictive modals.

Every row of :func:`stance` is one cue found in the text: which sentence, where in it, which
lexicon entry (and so which published list, see :func:`opedkit.lexicon`), and which context
rule kept it. The model is Hyland's (2005) interactional metadiscourse:

* **hedge** — withholds full commitment: *may*, *perhaps*, *about 40*, *I think*, *if*,
  *it is believed*;
* **booster** — expresses certainty: *undoubtedly*, *clearly*, *in fact*, *no doubt*;
* **attitude** — the writer's affective attitude: *unfortunately*, *it is essential to*;
* **predictive** — future *will*, *won't*, *going to*: counted apart from boosters.

How a match is decided:

1. The lexicon is matched in one pass (a word trie; the longest phrase wins).
2. If the entry names a context rule (``lexicon_rules()``), the rule keeps or drops the
   match and says why in one line (``why``). Dropped matches are not counted, but
   ``stance(x, dropped=True)`` shows them, so every decision can be read.
3. Negation: an entry with a ``negated`` category changes to it when a negator (*not*,
   *n't*, *never*, *no*, *hardly*, *without*) stands just before it in the same clause:
   *not certain* is a hedge, *do not doubt* a booster; *not likely* stays a hedge.
4. ``quoted``: the cue lies inside quotation marks (:mod:`opedkit.quotes`): it is the quoted
   speaker's, and ``speaker`` names them when a reporting clause says who.
   ``in_question``: the cue lies in a clause that ends with a question mark.
5. Unknown cases stay counted and are flagged ``needs_review`` (e.g. *quite*, title-case
   *May*), never hidden.

Limits: the rules look at a few neighbouring words, not at a parse; they are heuristics and
their accuracy is measured in docs/stance.md. Counts are of cues, not of claims: a sentence
with three hedges is not three times as uncertain.

>>> t = stance("This may be, in fact, about 40 percent. I think it will fail.")
>>> for row in t[["sentence", "cue", "category", "rule"]].itertuples(index=False):
...     print(*row)
0 may hedge may_month
0 in fact booster lexicon
0 about hedge about_quantity
1 think hedge cognitive_verb
1 will predictive modal_noun
"""

from __future__ import annotations

import re
import sys
import types
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from opedkit.lexicon import CATEGORIES, CueMatch, Entry, _matcher, find_cues, norm, table
from opedkit.quotes import QuoteSpan, quote_spans
from opedkit.segment import sentence_spans
from opedkit.tokenize import WORD_KINDS, Token, tokens

if TYPE_CHECKING:
    import pandas as pd

    from opedkit.document import Document

# --- word classes used by the rules (the project's own lists) -------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words(
    "the a an this that these those his her its their our my your whose every each any no "
    "some another"
)
POSSESSIVES = _words("his her its their our my your whose")
FIRST_PERSON = _words("i we i'm we're i've we've i'd we'd me us")
SUBJECT_PRONOUNS = _words("i we you he she it they there this that one")
COPULAS = _words(
    "is are was were be been being am 's 're 'm isn't aren't wasn't weren't seems seem seemed "
    "appears appear appeared become becomes became becoming remain remains remained look looks "
    "looked feel feels felt sounds made make makes making it's that's i'm we're you're "
    "they're he's she's there's what's for stays stayed rings holds"
)
DEGREE_WORDS = _words(
    "very quite absolutely so entirely perfectly abundantly increasingly all not now already "
    "also still less more far completely fairly pretty crystal never always just too rather "
    "equally reasonably painfully n't"
)
NEGATORS = _words("not never no hardly scarcely barely nor without cannot")
NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen "
    "dozens half third thirds quarter quarters fifth tenth twice once score"
)
UNITS = _words(
    "hour hours minute minutes second seconds day days week weeks month months year years "
    "decade decades century mile miles metre metres meter meters kilometre kilometres "
    "kilometer kilometers percent foot feet yard yards inch inches pound pounds dollar dollars "
    "euro euros kilo kilos ton tons tonne tonnes litre litres gallon gallons"
)
REPORTING_VERBS = _words(
    "said say says told tell tells announced announce announces promised promise promises "
    "pledged vowed warned warn warns insisted claimed claims stated added declared predicted "
    "confirmed reported explained argued assumed believed thought expected hoped knew decided "
    "agreed assured admitted acknowledged conceded noted wrote signalled signaled hinted "
    "feared guessed asked asks estimated forecast predicted suggested indicated replied "
    "announcing saying telling"
)
HABITUAL_TIME = _words(
    "morning mornings day days week weekend weekends month summer summers winter winters "
    "year years evening evenings night nights time sunday monday tuesday wednesday thursday "
    "friday saturday"
)
PAST_TIME = _words("yesterday ago")
EXPECTATION_VERBS = _words(
    "arrive arrives reach stay last take fall rise drop increase decrease decline grow improve "
    "loosen settle ease recover return happen come begin start end finish work hold suffice "
    "continue pass open close pay peak shrink expand rebound"
)
EXPECTATION_STATES = _words(
    "finished completed complete ready done over available open fine enough operational back "
    "in place up running"
)
INSTITUTION_LIKE = _words(
    "we you they he she i one anyone everyone nobody somebody someone people government "
    "governments council parents leaders ministers west"
)
CAPACITY_WORDS = _words(
    "huge great enormous untapped full real growth vast considerable own economic tremendous "
    "immense"
)
ASSUME_OBJECTS = _words(
    "office control power responsibility responsibilities command presidency leadership "
    "duties charge post role mantle ownership throne debts debt risk risks"
)
NOUN_BEFORE_MODAL = _words(
    "the a an his her its their our my your political free good ill popular public collective "
    "own sheer iron strong last general mutual military economic naval industrial financial "
    "full all with"
)
TYPE_OF_WORDS = _words(
    "what this that these those the every any some which same different new other another all "
    "no one certain right wrong particular whatever only first"
)
GOING_TO_PLACES = _words(
    "school bed church work court war hospital prison jail town sea college university market "
    "press waste lunch dinner pieces plan hell extremes great lengths"
)
REQUEST_VERBS = _words(
    "please imagine kindly mind like tell help explain consider picture name give"
)
STRIKE_OBJECTS = _words(
    "at back out down deal deals for over against targets since a an the their its"
)
_END_PUNCT = frozenset(".!?;:")
_CLAUSE_PUNCT = frozenset(',;:—–()"“”')


class Verdict(NamedTuple):
    """What a rule decided: keep or drop, why, and any change of category or flag."""

    keep: bool
    why: str
    category: str | None = None
    subtype: str | None = None
    review: bool = False


class _Sentence:
    """One sentence's tokens and lower-case words, with what rules ask of it computed once."""

    def __init__(self, toks: list[Token], keys: list[str], text: str) -> None:
        self.toks = toks
        self.keys = keys
        self.text = text
        self.first = next((n for n, t in enumerate(toks) if t.kind != "punct"), len(toks))
        self._joined: str | None = None

    @property
    def joined(self) -> str:
        if self._joined is None:
            self._joined = " ".join(self.keys)
        return self._joined


class _Ctx:
    """A match and its sentence, seen by a rule: lower-case words around the cue."""

    def __init__(self, sent: _Sentence, m: CueMatch) -> None:
        self.sent = sent
        self.toks = sent.toks
        self.keys = sent.keys
        self.m = m
        self.i = m.first
        self.j = m.last
        self.entry: Entry = m.entry

    @property
    def word(self) -> str:
        """The matched words, normalised."""
        return " ".join(self.keys[self.i : self.j])

    @property
    def raw(self) -> str:
        return self.toks[self.i].text

    def prev(self, k: int = 1) -> str:
        n = self.i - k
        return self.keys[n] if n >= 0 else ""

    def next(self, k: int = 1) -> str:
        n = self.j + k - 1
        return self.keys[n] if n < len(self.keys) else ""

    def next_raw(self, k: int = 1) -> str:
        n = self.j + k - 1
        return self.toks[n].text if n < len(self.toks) else ""

    def next_kind(self, k: int = 1) -> str:
        n = self.j + k - 1
        return self.toks[n].kind if n < len(self.toks) else ""

    def clause_before(self, limit: int = 6) -> list[str]:
        """Up to ``limit`` words before the cue, stopping at clause punctuation."""
        out: list[str] = []
        n = self.i - 1
        while n >= 0 and len(out) < limit:
            if self.keys[n] in _CLAUSE_PUNCT or self.keys[n] in _END_PUNCT:
                break
            out.append(self.keys[n])
            n -= 1
        return out[::-1]

    def clause_after(self, limit: int = 8) -> list[str]:
        out: list[str] = []
        n = self.j
        while n < len(self.keys) and len(out) < limit:
            if self.keys[n] in _CLAUSE_PUNCT or self.keys[n] in _END_PUNCT:
                break
            out.append(self.keys[n])
            n += 1
        return out

    def before(self, limit: int = 12) -> list[str]:
        return self.keys[max(0, self.i - limit) : self.i]

    @property
    def joined(self) -> str:
        """The sentence's words, lower case, joined by spaces."""
        return self.sent.joined

    @property
    def first_word(self) -> bool:
        """The cue is the first word of its sentence (after any opening punctuation)."""
        return self.i == self.sent.first

    @property
    def question(self) -> bool:
        return bool(self.keys) and "?" in self.keys[-3:]


def _first_person_near(ctx: _Ctx, limit: int = 3) -> bool:
    return any(w in FIRST_PERSON for w in ctx.clause_before(limit))


def _is_number(ctx: _Ctx, k: int) -> bool:
    w = ctx.next(k)
    return ctx.next_kind(k) == "number" or w in NUMBER_WORDS or w.split("-")[0] in NUMBER_WORDS


def _verbish(word: str) -> bool:
    """A crude test for a finite or participial verb form (no tagger)."""
    if word in {"is", "are", "was", "were", "be", "has", "have", "had", "do", "does", "did"}:
        return True
    if word in {"will", "would", "can", "could", "may", "might", "should", "must", "keep"}:
        return True
    return len(word) > 3 and word.endswith(("s", "ed", "ing")) and not word.endswith("ss")


# --- the context rules --------------------------------------------------------------------
# Each rule: (context) -> Verdict. Names and one-line reasons are in data/lexicon_rules.tsv.


def may_month(ctx: _Ctx) -> Verdict:
    if ctx.raw != "May":
        return Verdict(True, "lower-case 'may': epistemic possibility")
    if ctx.next_kind() == "number" or ctx.prev() in {
        "in", "since", "until", "till", "by", "of", "from", "early", "late", "mid", "last",
        "next", "this", "during", "before", "after", "through", "between", "every", "each",
    }:  # fmt: skip
        return Verdict(False, "capitalised 'May' next to a date word or number: the month")
    if ctx.first_word:
        return Verdict(False, "sentence-initial 'May': the month, a wish or a request, not 'may'")
    prev = ctx.toks[ctx.i - 1].text if ctx.i else ""
    if prev[:1].isupper():
        return Verdict(False, "capitalised 'May' after a capitalised word: a name")
    return Verdict(True, "capitalised 'May' mid-sentence: month, name or title case?", review=True)


def modal_noun(ctx: _Ctx) -> Verdict:
    word = ctx.keys[ctx.i]
    prev = ctx.prev()
    if word == "will" and ctx.raw == "Will":
        if not ctx.first_word:
            return Verdict(False, "capitalised 'Will' mid-sentence: a name")
        if ctx.next_raw()[:1].isupper() and not ctx.question:
            return Verdict(False, "'Will' + capitalised word, not a question: a name")
    if prev in NOUN_BEFORE_MODAL or prev.endswith("'s") or prev.endswith("s'"):
        return Verdict(False, f"'{word}' after '{prev}': a noun (political will, military might)")
    if word in {"will", "can"} and ctx.next() == "of" and prev in DETERMINERS:
        return Verdict(False, f"'{word} of': a noun")
    return Verdict(True, f"'{word}' as a modal verb")


def about_quantity(ctx: _Ctx) -> Verdict:
    k = 1
    while ctx.next(k) in {"$", "£", "€", "¥", "~"}:
        k += 1
    if _is_number(ctx, k):
        return Verdict(True, f"'{ctx.word}' before a number: an approximator")
    if ctx.next(k) in {"a", "an"} and (ctx.next(k + 1) in NUMBER_WORDS or ctx.next(k + 1) in UNITS):
        return Verdict(True, f"'{ctx.word}' before a quantity: an approximator")
    return Verdict(False, f"'{ctx.word}' not before a number or quantity: a preposition/determiner")


def would_context(ctx: _Ctx) -> Verdict:
    nxt = ctx.next()
    after = ctx.clause_after(3)
    if nxt in {"like", "love", "prefer", "rather", "hate", "sooner"}:
        return Verdict(False, "'would like/rather': a wish or preference")
    if ctx.first_word and nxt == "you" and ctx.next(2) in REQUEST_VERBS:
        return Verdict(False, "'Would you …': a request")
    if after[:1] in (["not"], ["never"]) or ctx.word.endswith("n't") or ctx.word == "would not":
        rest = after[1:2] if after[:1] in (["not"], ["never"]) else after[:1]
        if rest and rest[0] in {
            "say", "comment", "confirm", "disclose", "reveal", "discuss", "give", "name",
            "elaborate", "answer", "specify", "identify", "respond",
        }:  # fmt: skip
            return Verdict(False, "'would not say/comment': a refusal")
    if nxt in {"later", "eventually", "subsequently", "soon", "go"} or after[:2] == ["go", "on"]:
        return Verdict(False, "'would later/eventually': future in the past (narrative)")
    words = ctx.before(14)
    if any(w in REPORTING_VERBS for w in words):
        verb = next(w for w in reversed(words) if w in REPORTING_VERBS)
        return Verdict(False, f"'would' after the reporting verb '{verb}': reported speech")
    joined = ctx.joined
    conditional = re.search(r"\b(?:if|unless|without|otherwise)\b", joined) is not None
    if not conditional:
        habitual = (
            "used to" in joined
            or "in those days" in joined
            or "back then" in joined
            or any(
                m.group(1) in HABITUAL_TIME for m in re.finditer(r"\b(?:every|each) (\w+)", joined)
            )
            or re.search(r"\bwhen (?:i|we|he|she|they) (?:was|were)\b", joined) is not None
            or re.search(r"\bas (?:a|an) (?:child|boy|girl|student|teenager|young)\b", joined)
            is not None
            or re.search(r"\bin the \d{2,4}s\b", joined) is not None
        )
        if habitual:
            return Verdict(False, "'would' with a past time of habit: habitual past")
    if conditional:
        return Verdict(True, "'would' with a condition in the sentence: hypothetical")
    if _first_person_near(ctx, 2):
        return Verdict(True, "first-person 'would': the writer softens a claim")
    return Verdict(True, "'would' with no report or past habit: hypothetical or tentative")


def should_context(ctx: _Ctx) -> Verdict:
    word = ctx.word
    if ctx.first_word and ctx.raw[:1].isupper() and not ctx.question:
        return Verdict(True, "sentence-initial 'Should …,': a conditional", subtype="conditional")
    after = [w for w in ctx.clause_after(8) if w not in {"not", "also", "still", "then", "now"}]
    if after[:1] == ["have"]:
        return Verdict(False, f"'{word} have' + participle: criticism of the past")
    rest = " ".join(after)
    timed = re.search(
        r"\b(?:by (?:the end|next|then|now|\d{4}|early|late|mid|spring|summer|autumn|winter)"
        r"|within|once|soon|after (?:a|an|the|\d+|few|several|some)"
        r"|in (?:a|an|\d+|two|three|few|several) (?:days?|weeks?|months?|years?))\b",
        rest,
    )
    verb = after[1] if after[:1] == ["be"] and len(after) > 1 else after[0] if after else ""
    expecting = verb in EXPECTATION_VERBS or (after[:1] == ["be"] and verb in EXPECTATION_STATES)
    subject = ctx.clause_before(2)[-1:] or [""]
    agent = subject[0] in INSTITUTION_LIKE
    if timed and not agent:
        return Verdict(True, f"'{word}' with a time by which something is expected: expectation")
    if expecting and not agent:
        return Verdict(True, f"'{word} {verb}': expectation (epistemic)", review=not timed)
    return Verdict(False, f"'{word}': obligation or advice (deontic)")


def could_context(ctx: _Ctx) -> Verdict:
    if ctx.first_word and ctx.next() == "you" and ctx.next(2) in REQUEST_VERBS:
        return Verdict(False, "'Could you …': a request")
    if ctx.next() == "have" or ctx.next(2) == "have":
        return Verdict(True, "'could have': a past possibility")
    joined = ctx.joined
    past = (
        re.search(r"\b(?:yesterday|ago)\b", joined)
        or re.search(r"\blast (?:week|month|year|night|time|summer|winter)\b", joined)
        or re.search(r"\bas (?:a|an) (?:child|boy|girl|student|teenager|young)\b", joined)
        or re.search(r"\bwhen (?:i|we|he|she|they) (?:was|were)\b", joined)
        or re.search(r"\b(?:at the time|back then|in those days)\b", joined)
    )
    if past:
        return Verdict(False, "'could' with a past time: past ability")
    return Verdict(True, "'could': possibility")


def appear_context(ctx: _Ctx) -> Verdict:
    nxt = ctx.next()
    if nxt in {"to", "that", "as", "likely", "unlikely", "certain", "set", "poised", "ready"}:
        if nxt == "as" and ctx.next(2) not in {"if", "though"}:
            return Verdict(False, "'appear as' (a role): physical appearance")
        return Verdict(True, f"'appear {nxt}': it seems")
    if ctx.prev() == "it" and (nxt in {",", "so", "not"} or not nxt):
        return Verdict(True, "'it appears': it seems")
    if ctx.next_kind() in {"word"} and nxt[:1].isalpha() and ctx.next_raw()[:1].islower():
        if nxt in {
            "on", "at", "in", "before", "with", "alongside", "onstage", "during", "for", "from",
            "outside", "inside", "together", "twice", "once", "again", "here", "there", "under",
            "near", "beside", "behind", "live", "briefly", "regularly", "frequently", "often",
            "first", "later", "throughout", "across", "among", "within", "without", "out",
        }:  # fmt: skip
            return Verdict(False, f"'appear {nxt}': physical appearance, not 'seem'")
        return Verdict(True, f"'appear {nxt}': it seems", review=True)
    return Verdict(False, "'appear' with no complement: came into view")


def cognitive_verb(ctx: _Ctx) -> Verdict:
    if ctx.j - ctx.i > 1:
        return Verdict(True, "a first-person belief phrase")
    word = ctx.keys[ctx.i]
    nxt = ctx.next()
    prev = ctx.prev()
    first = _first_person_near(ctx, 3)
    who = "the writer's own belief" if first else "a belief reported, not asserted"
    if word in {"think", "thinks", "thought"}:
        if nxt in {"about", "of", "through", "twice", "over", "up", "ahead", "back", "again",
                   "tank", "tanks", "piece", "pieces", "experiment", "provoking"}:  # fmt: skip
            return Verdict(False, f"'{word} {nxt}': thinking about, not believing")
        if word == "thought" and (prev in DETERMINERS or prev in {
            "of", "school", "second", "no", "much", "little", "careful", "food", "deep", "some",
            "serious", "without", "sober", "sobering",
        }):  # fmt: skip
            return Verdict(False, "'thought' as a noun")
        if ctx.first_word and ctx.raw[:1].isupper() and nxt in {"of", "about"}:
            return Verdict(False, "imperative 'Think of/about'")
    if word in {"believe", "believes", "believed"} and nxt == "in":
        return Verdict(False, "'believe in': trust or faith, not a belief that")
    if word in {"believe", "believes", "believed"} and nxt in {"them", "him", "her", "me", "us",
                                                                "you"} and ctx.next(2) in (
        _END_PUNCT | {"", ","}
    ):  # fmt: skip
        return Verdict(False, f"'{word} {nxt}': trusting a person, not a belief that")
    if word in {"feel", "feels", "felt"}:
        if nxt in {"that", "as"} or (nxt in SUBJECT_PRONOUNS - {"that", "this", "one"}):
            return Verdict(True, f"'{word}' + a clause: {who}")
        return Verdict(False, f"'{word} {nxt}': a sensation or an emotion")
    if word in {"supposed"} and nxt == "to":
        return Verdict(False, "'supposed to': an expectation or duty, not a belief")
    if word in {"suspect", "suspects", "suspected"} and (
        prev in DETERMINERS or prev in {"main", "prime", "chief", "usual", "key"}
    ):
        return Verdict(False, f"'{word}' as a noun")
    if word.startswith("assum") and (
        nxt in ASSUME_OBJECTS or (ctx.next(2) in ASSUME_OBJECTS and nxt in DETERMINERS)
    ):
        return Verdict(False, f"'{word} {nxt}': taking on, not supposing")
    if word in {"imagine", "imagines", "imagined", "expect", "expects", "expecting"}:
        if first and prev not in {"you", "can", "could"}:
            return Verdict(True, f"first-person '{word}': the writer's own belief")
        if nxt == "that" or (word.startswith("expect") and "to" in ctx.clause_after(4)):
            return Verdict(True, f"'{word}' + a clause: {who}")
        return Verdict(False, f"'{word}' without a clause or a first-person subject")
    if nxt in _END_PUNCT and not first:
        return Verdict(False, f"'{word}' with no complement")
    return Verdict(True, f"'{word}' introducing a proposition: {who}")


def expected_sense(ctx: _Ctx) -> Verdict:
    prev, nxt = ctx.prev(), ctx.next()
    if prev == "than":
        return Verdict(False, "'than expected': a comparison, not a belief")
    if nxt in {"to", "that"}:
        return Verdict(True, f"'expected {nxt}': an expectation, not a fact")
    if prev in {"had", "have", "has", "widely", "is", "are", "was", "were", "be", "been"}:
        return Verdict(True, f"'{prev} expected': an expectation, not a fact")
    return Verdict(True, "'expected' (attributive?): an expectation", review=True)


def first_person(ctx: _Ctx) -> Verdict:
    if ctx.word.startswith("would ") or _first_person_near(ctx, 3):
        return Verdict(True, f"first-person '{ctx.word}': the writer's own stance")
    return Verdict(False, f"'{ctx.word}' without 'I/we': someone else's stance (attribution)")


def that_clause(ctx: _Ctx) -> Verdict:
    if ctx.j - ctx.i > 1:
        return Verdict(True, f"'{ctx.word}': knowledge claimed as shared")
    word = ctx.keys[ctx.i]
    if ctx.prev() == "as":
        return Verdict(False, f"'as {word}': a reference, not a claim")
    after = ctx.clause_after(3)
    if "that" in after[:3]:
        return Verdict(True, f"'{word} that': presents a claim as established")
    if word in {"know", "knows", "knew"} and _first_person_near(ctx, 2):
        return Verdict(True, f"'we/I {word}': knowledge claimed")
    return Verdict(False, f"'{word}' without a that-clause: an action, not a certainty claim")


def predicative(ctx: _Ctx) -> Verdict:
    word = ctx.keys[ctx.i]
    n = ctx.i - 1
    while n >= 0 and ctx.keys[n] in DEGREE_WORDS:
        n -= 1
    prev = ctx.keys[n] if n >= 0 else ""
    nxt = ctx.next()
    if word == "sure" and prev in {"make", "makes", "made", "making"}:
        return Verdict(False, "'make sure': ensure, not certainty")
    if word == "true" and prev in {"come", "comes", "came", "coming", "dream", "dreams"}:
        return Verdict(False, "'come true': happen, not certainty")
    if prev in COPULAS or prev.endswith(("'s", "'re", "'m")):
        return Verdict(True, f"predicative '{word}': certainty")
    if nxt in {"that", "to", "whether", "about", "of", "enough"}:
        return Verdict(True, f"'{word} {nxt}': certainty")
    return Verdict(False, f"attributive or literal '{word}' (a certain place, clear water)")


def must_epistemic(ctx: _Ctx) -> Verdict:
    after = ctx.clause_after(3)
    if (
        after[:1] == ["have"]
        and len(after) > 1
        and (after[1] == "been" or after[1].endswith(("ed", "en", "wn", "ne", "lt", "nt", "ught")))
    ):
        return Verdict(True, "'must have' + participle: a confident inference")
    if after[:1] == ["be"] and len(after) > 1 and (
        after[1].endswith("ing") or after[1] in {"true", "right", "wrong", "mistaken", "aware",
                                                 "obvious", "the", "a", "joking", "kidding"}
    ):  # fmt: skip
        if after[1] in {"the", "a"} and not (len(after) > 2 and after[2] in {"case", "reason"}):
            return Verdict(False, "'must be' + noun phrase: obligation (deontic)")
        return Verdict(True, f"'must be {after[1]}': a confident inference")
    return Verdict(False, "'must': obligation (deontic)")


def going_to_verb(ctx: _Ctx) -> Verdict:
    if ctx.word == "gonna":
        return Verdict(True, "'gonna': future")
    nxt, raw = ctx.next(), ctx.next_raw()
    if (
        ctx.next_kind() == "word"
        and raw[:1].islower()
        and nxt not in DETERMINERS
        and nxt not in GOING_TO_PLACES
        and nxt not in POSSESSIVES
    ):
        return Verdict(True, f"'going to {nxt}': future")
    return Verdict(False, f"'going to {nxt}': movement to a place")


def rather_degree(ctx: _Ctx) -> Verdict:
    if ctx.next() == "than" or ctx.prev() in {"would", "'d", "or", "had"}:
        return Verdict(False, "'rather than / would rather / or rather': not a degree")
    return Verdict(True, "'rather' + adjective: degree")


def kind_of_degree(ctx: _Ctx) -> Verdict:
    if ctx.word in {"kinda", "sorta"}:
        return Verdict(True, f"'{ctx.word}': degree")
    prev = ctx.prev()
    if prev in TYPE_OF_WORDS or prev.endswith("'s"):
        return Verdict(False, f"'{prev} {ctx.word}': a type, not a degree")
    if prev in {"a", "an"}:
        return Verdict(True, f"'a {ctx.word}': approximation or type?", review=True)
    return Verdict(True, f"'{ctx.word}': degree")


def possible_idiom(ctx: _Ctx) -> Verdict:
    prev, nxt = ctx.prev(), ctx.next()
    if prev == "as" or (ctx.prev(2) == "as" and ctx.prev(3) in {"as", ""}):
        return Verdict(False, "'as … as possible': an idiom of degree")
    if (
        prev in {"if", "where", "whenever", "wherever", "every", "all", "only"}
        or prev.endswith("est")
        or prev in {"best", "worst", "most", "least"}
    ):
        return Verdict(False, f"'{prev} possible': an idiom, not possibility")
    if nxt == "to" and ctx.word == "possible":
        return Verdict(False, "'possible to' + verb: something can be done (not epistemic)")
    return Verdict(True, "'possible': epistemic possibility")


def potential_capacity(ctx: _Ctx) -> Verdict:
    prev, nxt = ctx.prev(), ctx.next()
    if prev in POSSESSIVES or prev.endswith(("'s", "s'")) or prev in CAPACITY_WORDS:
        return Verdict(False, f"'{prev} potential': capacity, not possibility")
    if nxt in {"to", "for"}:
        return Verdict(True, f"'potential {nxt}': could")
    if ctx.next_kind() == "word":
        return Verdict(True, "attributive 'potential' = possible")
    return Verdict(False, "'potential' as a noun: capacity")


def apparent_sense(ctx: _Ctx) -> Verdict:
    if ctx.prev() in COPULAS or (ctx.prev() in DEGREE_WORDS and ctx.prev(2) in COPULAS):
        return Verdict(
            True, "predicative 'apparent' (= evident): a booster", category="booster", review=True
        )
    return Verdict(True, "attributive 'apparent' (= seeming): a hedge")


def quite_conflict(ctx: _Ctx) -> Verdict:
    return Verdict(True, "'quite': hedge (fairly) or booster (completely)? sources differ",
                   review=True)  # fmt: skip


def claim_report(ctx: _Ctx) -> Verdict:
    word = ctx.keys[ctx.i]
    if word not in {"claim", "claims"}:
        return Verdict(True, f"'{word}': a reported, unverified proposition")
    prev, nxt = ctx.prev(), ctx.next()
    if nxt in {"that", "to"}:
        return Verdict(True, f"'{word} {nxt}': a reported, unverified proposition")
    if prev in DETERMINERS or prev.endswith("'s") or ctx.next_kind() != "word":
        return Verdict(False, f"'{word}' as a noun (a territorial claim, an expenses claim)")
    if (
        nxt in DETERMINERS
        or nxt in SUBJECT_PRONOUNS
        or ctx.next_raw()[:1].isupper()
        or ctx.next_kind() == "number"
        or nxt in NUMBER_WORDS
    ):
        return Verdict(True, f"'{word}' + a clause: a reported, unverified proposition")
    return Verdict(False, f"'{word}' as a noun")


def suggest_sense(ctx: _Ctx) -> Verdict:
    word, nxt, prev = ctx.keys[ctx.i], ctx.next(), ctx.prev()
    if nxt.endswith("ing") and ctx.next_kind() == "word":
        return Verdict(False, f"'{word} {nxt}': a recommendation")
    if _first_person_near(ctx, 2) and nxt in {"we", "you", "that", "a", "an", "to"}:
        return Verdict(False, f"first-person '{word}': a recommendation")
    if word == "suggested" and prev in DETERMINERS:
        return Verdict(False, "'the suggested …': a proposal")
    return Verdict(True, f"'{word}': points to, without proving")


def that_or_object(ctx: _Ctx) -> Verdict:
    if ctx.prev() == "as":
        return Verdict(False, f"'as {ctx.word}': a reference")
    return Verdict(True, f"'{ctx.word}': points to, without proving")


def if_sense(ctx: _Ctx) -> Verdict:
    prev, nxt = ctx.prev(), ctx.next()
    if prev == "as":
        return Verdict(False, "'as if': a comparison")
    if nxt in {"any", "anything", "not", "ever", "so", "only"}:
        return Verdict(True, f"'if {nxt}': a hedged qualification")
    rest = ctx.clause_after(5)
    if prev == "," and len(rest) <= 4 and not any(_verbish(w) for w in rest):
        return Verdict(False, "concessive 'if' (ambitious, if unrealistic)")
    return Verdict(True, "'if': a condition")


def whether_sense(ctx: _Ctx) -> Verdict:
    if ctx.next() == "or" and ctx.next(2) == "not" and (ctx.first_word or ctx.prev() == ","):
        return Verdict(False, "'Whether or not …,': concessive")
    return Verdict(True, "'whether': an open question")


def manner_adverb(ctx: _Ctx) -> Verdict:
    nxt = ctx.next()
    if not ctx.first_word and (
        not nxt
        or nxt in _END_PUNCT
        or nxt in _CLAUSE_PUNCT
        or nxt in {"again", "and", "or", "but", "for", "on", "in", "at"}
    ):
        return Verdict(False, f"'{ctx.word}' after the verb: manner (works normally)")
    return Verdict(True, f"'{ctx.word}': frequency (as a rule)")


def striking_verb(ctx: _Ctx) -> Verdict:
    if ctx.keys[ctx.i] == "striking" and ctx.next() in STRIKE_OBJECTS:
        return Verdict(False, f"'striking {ctx.next()}': the verb strike")
    return Verdict(True, "'striking': the writer's evaluation")


#: name -> rule function. Reasons, scope and sources: data/lexicon_rules.tsv.
RULES: dict[str, Callable[[_Ctx], Verdict]] = {
    f.__name__: f
    for f in (
        may_month,
        modal_noun,
        about_quantity,
        would_context,
        should_context,
        could_context,
        appear_context,
        cognitive_verb,
        expected_sense,
        first_person,
        that_clause,
        predicative,
        must_epistemic,
        going_to_verb,
        rather_degree,
        kind_of_degree,
        possible_idiom,
        potential_capacity,
        apparent_sense,
        quite_conflict,
        claim_report,
        suggest_sense,
        that_or_object,
        if_sense,
        whether_sense,
        manner_adverb,
        striking_verb,
    )
}
#: Rules applied to every match (not named in the lexicon's rule column).
GLOBAL_RULES = ("lexicon", "negation_flip", "quoted", "in_question")


def _negated(ctx: _Ctx) -> str | None:
    """The negator just before the cue in the same clause, if any (within three words)."""
    for w in ctx.clause_before(3)[::-1]:
        if w in NEGATORS or w.endswith("n't"):
            return w
    return None


# ? ‽ ! ; or a full stop that ends a clause (not after a capital, as in "U.S."; before white
# space, the end or a closing mark). It opens with a character class and checks the context
# afterwards, so the regex engine skips ahead to the next mark.
_CLAUSE_END = re.compile(r"[?‽!;.](?<![A-Z]\.)(?:(?<=[?‽!;])|(?=\s|$|[\"”’)]))")


def _clause_ends(sentence: str) -> tuple[list[int], list[bool]]:
    """Offsets of the clause ends in a sentence (? ! ; and full stops that end a clause,
    not those of an abbreviation like U.S.) and whether each is a question mark."""
    where: list[int] = []
    asks: list[bool] = []
    for m in _CLAUSE_END.finditer(sentence):
        where.append(m.start())
        asks.append(m.group() in "?‽")
    return where, asks


def _in_question(ends: tuple[list[int], list[bool]], rel_end: int) -> bool:
    """True if the first clause end at or after ``rel_end`` is a question mark."""
    k = bisect_right(ends[0], rel_end - 1)
    return k < len(ends[0]) and ends[1][k]


def _quoted_at(starts: list[int], quotes: list[QuoteSpan], pos: int) -> int:
    """Index of the quotation containing ``pos``, or -1."""
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 and quotes[k].start <= pos < quotes[k].end else -1


# --- the analysis ------------------------------------------------------------------------------


class _Row(NamedTuple):
    sentence: int
    paragraph: int
    start: int
    end: int
    text: str
    cue: str
    category: str
    subtype: str
    rule: str
    why: str
    source: str
    quoted: bool
    in_question: bool
    needs_review: bool
    speaker: str
    kept: bool


COLUMNS = list(_Row._fields)


def _body(x: Document | str) -> str:
    from opedkit.document import as_document

    return as_document(x).body


@lru_cache(maxsize=16)
def _analyse(body: str) -> tuple[_Row, ...]:
    """Every match in ``body``, kept or dropped, with its verdict (cached per text)."""
    spans = sentence_spans(body)
    toks = tokens(body)
    starts = [t.start for t in toks]
    quotes = quote_spans(body)
    quote_starts = [q.start for q in quotes]
    speakers: dict[int, str] = {}
    rows: list[_Row] = []
    all_keys = [t.text.lower() if t.text.isascii() else norm(t.text) for t in toks]
    first_words = _matcher().trie.next
    for s_index, span in enumerate(spans):
        lo = bisect_right(starts, span.start - 1)
        hi = bisect_right(starts, span.end - 1)
        keys = all_keys[lo:hi]
        if not any(k in first_words for k in keys) and not any("'" in k for k in keys):
            continue  # no cue can start in this sentence
        sent = _Sentence(toks[lo:hi], keys, body[span.start : span.end])
        ends: tuple[list[int], list[bool]] | None = None
        for m in find_cues(body, sent.toks, sent.keys):
            ctx = _Ctx(sent, m)
            entry = m.entry
            if entry.rule:
                verdict = RULES[entry.rule](ctx)
                rule = entry.rule
            else:
                verdict = Verdict(True, "listed cue: counted wherever it occurs")
                rule = "lexicon"
            category = verdict.category or entry.category
            subtype = verdict.subtype or entry.subtype
            why = verdict.why
            if verdict.keep and entry.negated and category == entry.category:
                neg = _negated(ctx)
                if neg:
                    category = entry.negated
                    subtype = f"negated_{entry.category}"
                    why = f"'{neg}' before '{m.text}': {why}; negation makes it a {category}"
                    rule = "negation_flip" if rule == "lexicon" else f"{rule}+negation_flip"
            q_index = _quoted_at(quote_starts, quotes, m.start)
            if q_index >= 0 and q_index not in speakers:
                speakers[q_index] = _speaker(body, quotes[q_index])
            if ends is None:
                ends = _clause_ends(sent.text)
            rows.append(
                _Row(
                    s_index,
                    span.paragraph,
                    m.start - span.start,
                    m.end - span.start,
                    m.text,
                    entry.cue,
                    category,
                    subtype,
                    rule,
                    why,
                    entry.source,
                    q_index >= 0,
                    _in_question(ends, m.end - span.start),
                    verdict.review,
                    speakers.get(q_index, ""),
                    verdict.keep,
                )
            )
    return tuple(rows)


def _speaker(body: str, quote: QuoteSpan) -> str:
    """Who said a quotation, when a reporting clause next to it names them (else "")."""
    from opedkit.attribution import quote_speaker

    return quote_speaker(body, quote)


def _frame(rows: list[_Row] | tuple[_Row, ...], dropped: bool) -> pd.DataFrame:
    import pandas as pd

    cols = COLUMNS if dropped else [c for c in COLUMNS if c != "kept"]
    data = [r for r in rows if dropped or r.kept]
    if not data:
        return table([], cols, _TYPES)
    columns: dict[str, Any] = {c: [getattr(r, c) for r in data] for c in cols}
    for c, values in columns.items():
        if isinstance(values[0], str) and _SURROGATE.search("".join(values)):
            columns[c] = pd.Series(values, dtype=object)  # Arrow strings cannot hold these
    return pd.DataFrame(columns)


_SURROGATE = re.compile("[\ud800-\udfff]")
_TYPES = {
    "sentence": "int64",
    "paragraph": "int64",
    "start": "int64",
    "end": "int64",
    "quoted": "bool",
    "in_question": "bool",
    "needs_review": "bool",
    "kept": "bool",
}


def stance(x: Document | str, *, dropped: bool = False) -> pd.DataFrame:
    """Every hedge, booster, attitude marker and predictive modal in a text, one row each.

    Columns (in order of appearance in the text):

    ``sentence``
        index into :func:`opedkit.sentences` (0-based); ``paragraph`` the 0-based paragraph.
    ``start``, ``end``
        character offsets **in that sentence**: ``sentences(x)[sentence][start:end] == text``.
    ``text`` / ``cue``
        the words as written / the lexicon headword (``appeared`` / ``appear``).
    ``category``, ``subtype``
        ``hedge``, ``booster``, ``attitude`` or ``predictive``, and the kind of cue.
    ``rule``, ``why``
        the rule that kept the match (``lexicon`` when every match of the cue counts;
        ``…+negation_flip`` when a negator changed its category) and its decision in words.
    ``source``
        lexicon source keys (:func:`opedkit.lexicon_sources`).
    ``quoted``, ``speaker``
        inside quotation marks, and who said it when a reporting clause names them.
    ``in_question``
        in a clause that ends with a question mark.
    ``needs_review``
        the rule could not decide with confidence: the match is counted, but check it.

    With ``dropped=True`` the matches that a rule dropped are included too, with
    ``kept=False`` and the reason in ``why``.

    Limits: a few words of context, no parser: see docs/stance.md for measured accuracy and
    the confusions that remain.

    >>> t = stance("“Prices may fall,” she said. They will not.")
    >>> t[["text", "quoted", "speaker"]].values.tolist()
    [['may', True, 'she'], ['will', False, '']]
    """
    return _frame(_analyse(_body(x)), dropped)


def _own_words(body: str) -> list[Token]:
    """Word tokens outside quotation marks: the writer's own words."""
    quotes = quote_spans(body)
    starts = [q.start for q in quotes]
    return [
        t for t in tokens(body) if t.kind in WORD_KINDS and _quoted_at(starts, quotes, t.start) < 0
    ]


def hedging_density(x: Document | str, per: int = 100, *, quoted: bool = False) -> float:
    """Hedges per ``per`` words of the writer's own words (default: per 100 words).

    Counts the rows of :func:`stance` whose category is ``hedge`` and that are not inside
    quotation marks, divided by the number of words (:func:`opedkit.words`) outside
    quotation marks. With ``quoted=True``, quoted hedges and quoted words count too. Hedges
    in questions count (they are the writer's). Returns 0.0 for a text with no words.

    Limits: a density counts cues, not claims; a long hedged sentence and a short one weigh
    the same per cue. Compare texts of one kind (op-ed with op-ed).

    >>> round(hedging_density("It may rain. It will rain."), 1)
    16.7
    """
    body = _body(x)
    rows = [r for r in _analyse(body) if r.kept and r.category == "hedge"]
    if quoted:
        n_words = sum(1 for t in tokens(body) if t.kind in WORD_KINDS)
        n_hedges = len(rows)
    else:
        n_words = len(_own_words(body))
        n_hedges = sum(1 for r in rows if not r.quoted)
    return per * n_hedges / n_words if n_words else 0.0


def stance_by_sentence(x: Document | str) -> pd.DataFrame:
    """One row per sentence: counts of each category and a label.

    Columns: ``sentence``, ``paragraph``, ``text``, ``words`` (the writer's own words in the
    sentence, outside quotation marks), ``hedge``, ``booster``, ``attitude``, ``predictive``
    (counts of the writer's own cues, quoted ones excluded), ``quoted_cues`` (cues inside
    quotations), ``label`` (``hedged``, ``boosted``, ``both`` or ``neither``, from the
    writer's own hedges and boosters).

    >>> stance_by_sentence("It may rain. It will certainly rain.")["label"].tolist()
    ['hedged', 'boosted']
    """
    body = _body(x)
    spans = sentence_spans(body)
    rows = [r for r in _analyse(body) if r.kept]
    by_sentence: dict[int, list[_Row]] = {}
    for r in rows:
        by_sentence.setdefault(r.sentence, []).append(r)
    own = _own_words(body)
    own_starts = [t.start for t in own]
    rows_out: list[dict[str, object]] = []
    for k, span in enumerate(spans):
        counts = dict.fromkeys(CATEGORIES, 0)
        quoted_cues = 0
        for r in by_sentence.get(k, []):
            if r.quoted:
                quoted_cues += 1
            else:
                counts[r.category] += 1
        words = bisect_right(own_starts, span.end - 1) - bisect_right(own_starts, span.start - 1)
        h, b = counts["hedge"] > 0, counts["booster"] > 0
        label = "both" if h and b else "hedged" if h else "boosted" if b else "neither"
        rows_out.append(
            {
                "sentence": k,
                "paragraph": span.paragraph,
                "text": body[span.start : span.end],
                "words": words,
                **counts,
                "quoted_cues": quoted_cues,
                "label": label,
            }
        )
    columns = ["sentence", "paragraph", "text", "words", *CATEGORIES, "quoted_cues", "label"]
    ints = dict.fromkeys(["sentence", "paragraph", "words", *CATEGORIES, "quoted_cues"], "int64")
    return table(rows_out, columns, ints)


def stance_by_paragraph(x: Document | str, per: int = 100) -> pd.DataFrame:
    """One row per paragraph: words, counts per category and densities per ``per`` words.

    Columns: ``paragraph`` (0-based), ``sentences``, ``words`` (the writer's own),
    ``hedge``, ``booster``, ``attitude``, ``predictive`` (the writer's own cues), and
    ``hedge_per_100`` … (named after ``per``), 0.0 where a paragraph has no words.

    >>> t = stance_by_paragraph("It may rain.\\n\\nIt will.")
    >>> t[["paragraph", "hedge", "predictive"]].values.tolist()
    [[0, 1, 0], [1, 0, 1]]
    """
    import pandas as pd

    by_sentence = stance_by_sentence(x)
    cols = ["paragraph", "sentences", "words", *CATEGORIES]
    if by_sentence.empty:
        return pd.DataFrame(columns=cols + [f"{c}_per_{per}" for c in CATEGORIES])
    grouped = by_sentence.groupby("paragraph", sort=True)
    out = grouped[["words", *CATEGORIES]].sum()
    out.insert(0, "sentences", grouped.size())
    out = out.reset_index()
    for c in CATEGORIES:
        out[f"{c}_per_{per}"] = [
            per * n / w if w else 0.0 for n, w in zip(out[c], out["words"], strict=True)
        ]
    return out


def stance_shares(x: Document | str) -> pd.DataFrame:
    """The share of sentences that are hedged, boosted, both, or neither.

    Columns: ``label`` (``hedged`` = hedges but no boosters, ``boosted`` = boosters but no
    hedges, ``both``, ``neither``), ``sentences`` (count) and ``share`` (of all sentences,
    0.0 for an empty text). Quoted cues are the speaker's and do not label a sentence.

    >>> stance_shares("It may rain. It will certainly rain. It rains.")["sentences"].tolist()
    [1, 1, 0, 1]
    """
    import pandas as pd

    labels = ["hedged", "boosted", "both", "neither"]
    by_sentence = stance_by_sentence(x)
    total = len(by_sentence)
    counts = [int((by_sentence["label"] == lab).sum()) if total else 0 for lab in labels]
    shares = [n / total if total else 0.0 for n in counts]
    return pd.DataFrame({"label": labels, "sentences": counts, "share": shares})


# ``opedkit.stance`` is both this module and its main function. Once any code has imported
# the module (``from opedkit.stance import …``), the package attribute ``opedkit.stance`` is the
# module, so the module itself is made callable: ``opedkit.stance(x)`` works either way.
class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> pd.DataFrame:
        return stance(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
