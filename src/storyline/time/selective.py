"""Dates only: tag articles while parsing only the sentences that need it.

The time tagger reads the parse in one place, ``tense_direction``: the
tokens, tags, lemmas and dependency tree of the sentence that holds an
expression (the governing verb's tense, its auxiliaries, its head), and it
asks for every candidate. The rest of what it reads, across sentences too
(the date the narrative is on, a month named again further on, the quarter
a results story reports on, the year stated earlier in a sentence), comes
from the raw text and the other expressions, which ``recognise`` finds in
the whole text. And most kinds of expression never use the tense ("in
1998", "for three years", "today"; see ``kinds_reading_tense``). So a user
who wants only dates need parse only the sentences that hold a candidate of
a kind that does: in the TBAQ news articles, about a third of the text.

``tag_texts`` finds the candidates of each text with the recogniser, cuts
out the sentences that hold those, parses the pieces in batches and hands
``tag_text`` a stand-in for the parsed document that answers ``char_span``
from the pieces. Tagging itself is the library's own code, so the tags are
those of ``tag(nlp(text), anchor)`` as long as each piece parses its
sentences as the whole text would. To make that so:

* a piece starts at a sentence start that is sure (a line break, which
  ``annotate.line_breaks`` makes a sentence start anyway, or a full stop
  after a lower-case word and before a capital; never after a capitalised
  word, where "U.S." and "Gen." would cut a sentence in two), and the
  parser is told so (``is_sent_start``), as it found it in the whole text;
* it keeps a few words of context on either side. The shared token-to-vector
  layer of ``en_core_web_sm`` (four window-1 convolutions) gives each token
  a vector from the four tokens either side of it, and the parser, as it
  closes a sentence, looks at the two tokens after it. So with four tokens
  before and six after, every token of the sentences that matter gets the
  vector it gets in the whole text, and the parser sees the same when it
  decides on them, where their sentence ends included. (One decision this
  does not pin down: the parser, while it clears the context's words off
  its stack, could still make the piece's first word a sentence of its
  own; it did so in none of the news texts tried);
* it ends with the whitespace that follows it in the text, because whether a
  token is followed by a space is one of the features of its vector.

``benchmarks/time_selective.py`` checks the tags against the full parse on
every TBAQ document.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Iterable, Iterator, Sequence

from ..models import Timex
from . import tag, tag_text
from .recognise import RULES, recognise

__all__ = ["tag_texts", "kinds_reading_tense", "context_words", "sentence_starts", "pieces_to_parse", "PartialParse"]

#: components the time tagger never reads (named entities); ``tag_texts``
#: leaves them out of its parse
UNREAD_COMPONENTS = ("ner",)

#: words of context kept before and after the sentences a piece is for, for
#: ``en_core_web_sm`` (see ``context_words``; every word is one token or more)
CONTEXT_BEFORE = 4
CONTEXT_AFTER = 6

# Model layers whose output for a token depends on the tokens around it only
# as far as ``depth * window_size`` (thinc's window encoders), or not at all
# (embeddings, the listeners that pass the shared layer on, per-token output
# layers). The transition parser looks at most two tokens past the one it
# decides on. Anything else (a transformer, an LSTM) may read the whole text.
_WINDOW_ENCODERS = ("spacy.MaxoutWindowEncoder", "spacy.MishWindowEncoder", "spacy.HashEmbedCNN")
_LOCAL_LAYERS = (
    "spacy.Tok2Vec",
    "spacy.MultiHashEmbed",
    "spacy.CharacterEmbed",
    "spacy.Tok2VecListener",
    "spacy.Tagger",
    "spacy.TransitionBasedParser",
)

# Lower-case words that take a full stop and are often followed by a name:
# "Roe vs. Wade", "the No. 2 official" (capitalised ones are never split after).
_LOWER_ABBREVIATIONS = frozenset(
    (
        "vs",
        "v",
        "no",
        "nos",
        "approx",
        "cf",
        "al",
        "ca",
        "etc",
        "viz",
        "esp",
        "fig",
        "op",
        "est",
        "ft",
        "sq",
        "oz",
        "lb",
        "lbs",
        "pp",
    )
)
# A full stop, question or exclamation mark (and closing quotes or brackets),
# space, then what can open a sentence: a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(\S*?)[.!?][\"'\u201d\u2019)\]]*(\s+)(?=(?:``|[\"'\u201c\u2018(\[])?[A-Z0-9])")
_SURE_BEFORE_STOP = re.compile(r"[a-z]{2,}|\d[\d,]*%?|[a-z\d]+[)\]]")
_LINE_BREAK = re.compile(r"\n\s*")
_WORD = re.compile(r"\S+")


#: Kinds of candidate (``recognise.RULES``) whose value never depends on the
#: tense: their ``Resolver`` handler does not read its ``direction`` ("in
#: 1998", "for three years", "today", "now"). A sentence whose only
#: candidates are of these kinds needs no parse. A kind not listed here
#: (a new rule, say) is parsed, which is always correct, only slower.
#: ``tests/test_time_selective.py`` reads the handlers' code and fails when
#: a kind listed here starts reading the tense.
TENSE_FREE_KINDS = frozenset(
    (
        "ago",
        "bare_units",
        "century",
        "decade",
        "decade_word",
        "deictic",
        "dmy",
        "fiscal_short",
        "iso",
        "mdy",
        "modunit",
        "narrative_day",
        "nth_day",
        "overnight",
        "partofday",
        "period_end",
        "recent_units",
        "ref",
        "rel_year_quarter",
        "relunit",
        "season",
        "season_year",
        "set",
        "slash",
        "spelled_year",
        "term_ref",
        "the_quarter",
        "the_units",
        "the_year",
        "two_quarters",
        "weekday_set",
        "year",
        "year_earlier",
        "year_quarter",
    )
)


def kinds_reading_tense() -> frozenset[str]:
    """The kinds of candidate whose value can depend on the tense: every
    kind of ``recognise.RULES`` not declared in ``TENSE_FREE_KINDS``."""
    return frozenset(kind for kind, _ in RULES) - TENSE_FREE_KINDS


def context_words(nlp, skip: Sequence[str] = ()) -> tuple[int, int] | None:
    """Words of context before and after a piece with which the components
    of ``nlp`` (those not in ``skip``) parse its sentences as they would the
    whole text: the widest window encoder's reach before, two more after
    (the parser looks two tokens ahead). None when some component's model
    is of a kind whose reach is not known: then only a whole parse gives
    its tags. (4 and 6 for ``en_core_web_sm``: four window-1 layers.)"""
    reach = 0
    for name in nlp.pipe_names:
        if name in skip:
            continue
        layers = [nlp.config["components"].get(name, {}).get("model")]
        while layers:
            layer = layers.pop()
            if isinstance(layer, dict):
                architecture = str(layer.get("@architectures", ""))
                kind = architecture.rsplit(".v", 1)[0]
                if kind in _WINDOW_ENCODERS:
                    try:
                        reach = max(reach, int(layer["depth"]) * int(layer["window_size"]))
                    except (KeyError, TypeError, ValueError):
                        return None
                elif architecture and kind not in _LOCAL_LAYERS:
                    return None
                layers.extend(layer.values())
            elif isinstance(layer, (list, tuple)):
                layers.extend(layer)
    return reach, reach + 2


def sentence_starts(text: str, line_breaks: bool = True) -> list[int]:
    """Offsets where a sentence surely starts, 0 included, in order. Misses
    many (a piece then holds two sentences, which costs time, not
    correctness); a start the parser would not find would cost correctness,
    so anything doubtful is left out. ``line_breaks``: the pipeline starts a
    sentence after every line break (``annotate.line_breaks``)."""
    starts = {0}
    if line_breaks:
        for m in _LINE_BREAK.finditer(text):
            if m.end() < len(text):
                starts.add(m.end())
    for m in _SENTENCE_END.finditer(text):
        word = m.group(1).lstrip("\"'`(\u201c\u2018[")
        if _SURE_BEFORE_STOP.fullmatch(word) and word not in _LOWER_ABBREVIATIONS:
            starts.add(m.end())
    return sorted(starts)


def pieces_to_parse(
    text: str,
    spans: Iterable[tuple[int, int]],
    before: int = CONTEXT_BEFORE,
    after: int = CONTEXT_AFTER,
    line_breaks: bool = True,
) -> list[tuple[int, int, int]]:
    """The pieces of ``text`` to parse so that every span in ``spans`` is
    parsed as in the whole text: ``(start, first, end)`` with ``first`` the
    sentence start the piece is for (``start`` is ``before`` words earlier)
    and ``end`` after ``after`` words past the last sentence it is for, and
    the whitespace after them. Pieces do not overlap and come in text order."""
    starts = sentence_starts(text, line_breaks)
    wanted: list[list[int]] = []  # [first, last) of runs of sentences that hold a span
    for start, end in sorted(spans):
        i = bisect.bisect_right(starts, start) - 1
        j = bisect.bisect_left(starts, max(end, start + 1))  # the first sentence after the span
        first, last = starts[i], starts[j] if j < len(starts) else len(text)
        if wanted and first <= wanted[-1][1]:
            wanted[-1][1] = max(wanted[-1][1], last)
        else:
            wanted.append([first, last])
    pieces: list[tuple[int, int, int]] = []
    for first, last in wanted:
        start = _words_back(text, first, before)
        end = _words_on(text, last, after)
        if pieces and start <= pieces[-1][2]:
            # overlapping context: one piece, parsed on from its first
            # sentence start exactly as the whole text is
            pieces[-1] = (pieces[-1][0], pieces[-1][1], max(end, pieces[-1][2]))
        else:
            pieces.append((start, first, end))
    return pieces


def _words_back(text: str, at: int, n: int) -> int:
    """The start of the ``n``-th word before offset ``at`` (0 if fewer)."""
    if n <= 0 or at == 0:
        return at
    window = 16 * n
    while True:
        lo = max(0, at - window)
        found = [m.start() for m in _WORD.finditer(text, lo, at)]
        if lo == 0 or len(found) > n:  # (a word cut by ``lo`` is not counted)
            break
        window *= 4
    if lo == 0 and len(found) <= n:
        return 0
    return found[-n]


def _words_on(text: str, at: int, n: int) -> int:
    """Where the word after the ``n``-th word from ``at`` starts (the end
    of the text if there is none): the ``n`` words and the whitespace after
    them."""
    count = 0
    for m in _WORD.finditer(text, at):
        if count == n:
            return m.start()
        count += 1
    return len(text)


class PartialParse:
    """Stands in for the parse of a whole text where ``tense_direction``
    asks for one: ``char_span`` answers from the parsed piece that holds the
    characters (token indices are the piece's own; the tagger compares them
    only with tokens of the same span). ``text`` is the whole text."""

    def __init__(self, text: str, parsed: Sequence[tuple[int, int, object]]):
        self.text = text
        # (start, end, Doc) in text order; the end is kept because
        # ``Doc.text`` joins every token's text again on each access
        self._pieces = list(parsed)
        self._starts = [start for start, _, _ in self._pieces]

    def char_span(self, start: int, end: int, label=0, kb_id=0, vector=None, alignment_mode: str = "strict", span_id=0):
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        offset, piece_end, doc = self._pieces[i]
        if end > piece_end:
            return None  # (no piece holds it: tagged without tense, as with no parse)
        return doc.char_span(
            start - offset,
            end - offset,
            label=label,
            kb_id=kb_id,
            vector=vector,
            alignment_mode=alignment_mode,
            span_id=span_id,
        )


def _piece_doc(nlp, text: str, start: int, first: int, end: int):
    """The piece as an unparsed ``Doc``, its first sentence start marked."""
    doc = nlp.make_doc(text[start:end])
    if first > start:
        for token in doc:
            if token.idx >= first - start:
                if token.idx == first - start:
                    token.is_sent_start = True
                break
    return doc


def tag_texts(
    texts: Sequence[str], anchors: Sequence[date | None], nlp, batch_size: int = 64, group: int = 4
) -> Iterator[tuple[Timex, ...]]:
    """The timexes of each text, as ``tag(nlp(text), anchor)`` gives them,
    parsing only the sentences with a candidate expression whose value can
    depend on the tense. ``nlp`` is a pipeline from
    ``annotate.load_pipeline``; the components the tagger does not read are
    left out of the parse. With a model whose reach is not known (see
    ``context_words``), every text is parsed whole. Texts are handled ``group`` at a time: the
    recogniser keeps the candidates of its last four texts, and tagging asks
    for them again."""
    if len(texts) != len(anchors):
        raise ValueError(f"{len(texts)} texts but {len(anchors)} anchors")
    unread = [name for name in UNREAD_COMPONENTS if name in nlp.pipe_names]
    context = context_words(nlp, skip=unread)
    if context is None:
        # a model that may read the whole text: parse the whole text
        for doc, anchor in zip(nlp.pipe(texts, batch_size=batch_size, disable=unread), anchors):
            yield tag(doc, anchor)
        return
    reading = kinds_reading_tense()
    line_breaks = "storyline_line_breaks" in nlp.pipe_names
    for g in range(0, len(texts), group):
        chunk = range(g, min(g + group, len(texts)))
        plans = [
            pieces_to_parse(
                texts[k],
                ((c.start, c.end) for c in recognise(texts[k]) if c.kind in reading),
                *context,
                line_breaks=line_breaks,
            )
            for k in chunk
        ]
        docs = [_piece_doc(nlp, texts[k], *piece) for k, plan in zip(chunk, plans) for piece in plan]
        parsed = iter(nlp.pipe(docs, batch_size=batch_size, disable=unread))
        for k, plan in zip(chunk, plans):
            pieces = [(start, end, next(parsed)) for start, _, end in plan]
            yield tag_text(texts[k], anchors[k], PartialParse(texts[k], pieces))
