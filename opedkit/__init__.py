"""opedkit: honest, explainable numbers for a critical reading of an opinion article.

Every public function takes a :class:`~opedkit.document.Document` (and measures its body) or a
plain ``str`` (all of it body). Most submodules are imported on first use; the table below
says where each public name lives.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it (one module per idea; see README "Where things live")
_EXPORTS: dict[str, str] = {
    # text model
    "Document": "opedkit.document",
    "Part": "opedkit.document",
    "load": "opedkit.document",
    "bundled": "opedkit.document",
    "as_document": "opedkit.document",
    "from_text": "opedkit.document",
    "from_html": "opedkit.webpage",
    "InputError": "opedkit.errors",
    "sentences": "opedkit.segment",
    "sentence_table": "opedkit.segment",
    "sentence_breaks": "opedkit.segment",
    "tokens": "opedkit.tokenize",
    "words": "opedkit.tokenize",
    # readability
    "syllables": "opedkit.syllables",
    "syllable_trace": "opedkit.syllables",
    "readability": "opedkit.readability",
    "readability_by_paragraph": "opedkit.readability",
    "readability_by_sentence": "opedkit.readability",
    "hardest_sentences": "opedkit.readability",
    # stance: hedges, boosters, attitude markers, predictive modals; attribution
    "lexicon": "opedkit.lexicon",
    "lexicon_sources": "opedkit.lexicon",
    "stance": "opedkit.stance",
    "hedging_density": "opedkit.stance",
    "stance_by_paragraph": "opedkit.stance",
    "stance_by_sentence": "opedkit.stance",
    "stance_shares": "opedkit.stance",
    "attributions": "opedkit.attribution",
    # questions
    "questions": "opedkit.questions",
    "question_summary": "opedkit.questions",
    "question_rules": "opedkit.questions",
    # everything at once
    "profile": "opedkit.profile",
    "profile_corpus": "opedkit.profile",
    # showing it: escaped HTML with marked spans; the one-file HTML report
    "mark_up": "opedkit.markup",
    "write_report": "opedkit.report",
}

__all__ = [
    "Document",
    "InputError",
    "Part",
    "as_document",
    "attributions",
    "bundled",
    "from_html",
    "from_text",
    "hardest_sentences",
    "hedging_density",
    "lexicon",
    "lexicon_sources",
    "load",
    "mark_up",
    "profile",
    "profile_corpus",
    "question_rules",
    "question_summary",
    "questions",
    "readability",
    "readability_by_paragraph",
    "readability_by_sentence",
    "sentence_breaks",
    "sentence_table",
    "sentences",
    "stance",
    "stance_by_paragraph",
    "stance_by_sentence",
    "stance_shares",
    "syllable_trace",
    "syllables",
    "tokens",
    "words",
    "write_report",
]


# Six public functions share their name with the module that defines them (``opedkit.stance``
# is both). Importing a submodule sets the package attribute of that name to the module, so these
# are bound here, once, after their modules are loaded: later imports of the modules find them in
# sys.modules and leave the functions in place. The modules keep pandas and other heavy imports
# inside their functions, so this costs little.
from opedkit.lexicon import lexicon  # noqa: E402
from opedkit.profile import profile  # noqa: E402
from opedkit.questions import questions  # noqa: E402
from opedkit.readability import readability  # noqa: E402
from opedkit.stance import stance  # noqa: E402
from opedkit.syllables import syllables  # noqa: E402


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'opedkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
