"""Time: TIMEX3 recognition and normalisation, and dating undated articles.

``tag(doc, anchor)`` finds the temporal expressions of one article (a spaCy
``Doc`` of its cleaned text) and resolves them against ``anchor``, the
publication date; ``infer_publication_date`` dates an article that carries no
date. Recognition is regexes over the text (``recognise.py``); the parse is
only consulted for the tense of the verb that governs each expression.
"""

from __future__ import annotations

import re
import weakref
from datetime import date
from typing import Sequence

from ..annotate import doc_text
from ..models import TimeValue, Timex
from .normalise import make_value
from .recognise import Candidate, recognise
from .resolve import Resolver

__all__ = ["tag", "tag_text", "infer_publication_date", "tense_direction"]

_FUTURE_WORDS = {"will", "'ll", "shall", "wo", "would"}
_PAST_TAGS = {"VBD", "VBN"}
_SCHEDULE_LEMMAS = {"schedule", "set", "slate", "due", "expect", "plan", "scheduled", "slated", "expected"}
_PLAN_LEMMAS = {
    "schedule",
    "plan",
    "set",
    "slate",
    "due",
    "expect",
    "intend",
    "aim",
    "hope",
    "want",
    "agree",
    "vow",
    "promise",
    "threaten",
    "prepare",
    "scheduled",
    "slated",
    "expected",
    "going",
    "likely",
    "decide",
}
#: nouns whose infinitive looks ahead: "an agreement to acquire the bank in January"
_PLAN_NOUNS = {
    "agreement",
    "plan",
    "deal",
    "offer",
    "proposal",
    "bid",
    "decision",
    "accord",
    "pact",
    "commitment",
    "intention",
    "promise",
    "pledge",
    "move",
    "effort",
    "attempt",
}


def tense_direction(doc, start: int, end: int, text: str | None = None) -> int:
    """-1 when the verb governing ``doc.text[start:end]`` points to the past,
    +1 when it points ahead ("will meet", "is to meet", "plans to meet",
    "is meeting"), 0 when the tense does not say."""
    if doc is None or not hasattr(doc, "char_span"):
        return 0
    text = doc_text(doc) if text is None else text
    known = _known_directions(doc, text)
    if known is None:
        return _tense_direction(doc, start, end, text)
    direction = known.get((start, end))
    if direction is None:
        direction = known[(start, end)] = _tense_direction(doc, start, end, text)
    return direction


# The same expressions are asked about more than once per article: an undated
# article is tagged, dated (which asks again) and tagged again against the
# inferred day. The answer depends only on the parse and the offsets, so the
# last document's answers are kept, under a weak reference as in
# ``annotate.doc_text``.
_directions: list = [None, "", {}]  # weak reference to the document, its text, {(start, end): direction}


def _known_directions(doc, text: str) -> dict | None:
    ref, known_text, known = _directions
    cached = ref() if ref is not None else None
    if cached is not None and cached is doc and known_text == text:
        return known
    try:
        ref = weakref.ref(doc)
    except TypeError:
        return None
    _directions[:] = [ref, text, {}]
    return _directions[2]


def _tense_direction(doc, start: int, end: int, text: str) -> int:
    before = text[max(0, start - 16) : start].lower()
    if re.search(r"(?:this year|so far|to date)\s+through\s+$", text[max(0, start - 40) : start].lower()):
        return -1  # "sales this year through August": a period up to a past month
    if before.endswith(("as soon as ", "as early as ", "by ", "until ", "no later than ", "through ", "effective ")):
        # A deadline looks ahead ("extended the offer until Nov. 20"), unless
        # a past perfect tells of a past ("until Thursday, they had not
        # called him a suspect").
        return -1 if _past_perfect(doc, start, end) else 1
    return _verb_direction(doc, start, end)


def _past_perfect(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.tag_ == "VBN" and any(t.lower_ == "had" for t in verb.children if t.dep_ in ("aux", "auxpass"))


def _verb_direction(doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    token = span.root
    head = token.head
    if (
        head.i < token.i
        and head.pos_ == "NOUN"
        and head.dep_ in ("nsubj", "nsubjpass")
        and token.dep_ in ("npadvmod", "compound", "nmod", "appos")
    ):
        # "whether his declaration Tuesday would be implemented": the day
        # dates an act already named as the subject; the verb's future or
        # conditional is about what follows from it, and news reports such
        # acts after they happen. (A date before the noun names a planned
        # event, "the March accession", and says nothing of its tense.)
        return -1
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return 0
    if any(t.i >= span.end and t.dep_ in ("mark", "nsubj", "nsubjpass") for t in token.children):
        # The clause of the verb the parser chose begins after the
        # expression ("said Tuesday (that) it would treat ..."), so the
        # expression belongs to the verb before that clause.
        head = token.head
        # (spaCy makes a new Token object on each access: compare positions)
        if (
            head.i != token.i
            and head.i < span.start
            and head.pos_ in ("VERB", "AUX")
            and token.dep_ in ("ccomp", "advcl", "conj")
        ):
            token = head
        elif head.i == token.i and any(t.i >= span.end and t.dep_ == "mark" for t in token.children):
            return 0  # no verb before it in the parse: the tense here says nothing
    if token.dep_ == "advcl" and any(
        t.dep_ in ("mark", "advmod") and t.lower_ in _TEMPORAL_MARKS for t in token.children
    ):
        # A temporal clause takes its time from the clause it modifies: "(they
        # were likely to buy) as soon as trading opened Monday", "(will
        # leave) when the talks end Friday" look ahead with their governor.
        governor = token.head
        for _ in range(2):
            if governor.pos_ in ("VERB", "AUX") or governor.head.i == governor.i:
                break
            governor = governor.head
        if governor.i != token.i and governor.pos_ in ("VERB", "AUX") and _verb_direction_of(governor, span) > 0:
            return 1
    return _verb_direction_of(token, span)


#: conjunctions of a temporal clause ("as" of "as soon as"; "when" is parsed as an adverb)
_TEMPORAL_MARKS = {"when", "whenever", "once", "until", "till", "after", "before", "as"}


def _verb_direction_of(token, span) -> int:
    """The direction the verb ``token`` gives an expression at ``span``."""
    auxes = [t for t in token.children if t.dep_ in ("aux", "auxpass")]
    words = {t.lower_ for t in auxes}
    if (
        token.lemma_.lower() in _SCHEDULE_LEMMAS
        and token.tag_ in ("VBN", "JJ")
        and not (token.lemma_.lower() == "set" and not any(t.lower_ == "for" for t in token.children))
    ):
        if _past_perfect_plan(token):
            return -1  # "the offer had been scheduled to expire Friday" (it was extended since)
        return 1  # "a summit set for April", "is scheduled Thursday" (not "a record set on Aug. 6")
    if token.lemma_.lower() in ("plan", "schedule") and token.tag_ == "VBD" and not words and span.start > token.i:
        # "protesters planned a rally on Saturday": a date after the planned
        # thing is that thing's, ahead of the planning ("On Friday, they
        # planned to ..." leaves it open, and reports mostly look back).
        return 1
    if words & _FUTURE_WORDS or token.lower_ in _FUTURE_WORDS:
        return 1
    if any(t.lower_ == "to" for t in auxes) and any(t.lemma_ == "be" for t in auxes):
        return 1  # "guidelines to be published in early November"
    if any(t.lower_ in ("could", "would") for t in auxes) and _negated(token):
        return -1  # "could not be located Wednesday", "would not comment Tuesday"
    if any(t.tag_ == "MD" for t in auxes):
        return 1  # "could come as early as Tuesday", "must leave by Jan. 14"
    if (
        any(t.lower_ == "to" for t in auxes)
        and token.tag_ == "VB"
        and (
            token.head.lemma_.lower() in _PLAN_LEMMAS
            or token.head.lemma_.lower() in _PLAN_NOUNS
            or (token.head.lemma_ == "be" and token.dep_ == "xcomp")
        )
    ):
        if _past_perfect_plan(token.head):
            return -1  # "it had been due to expire Friday evening": a superseded deadline
        # "plans to meet Thursday", "is due to vote Monday", "an agreement to
        # acquire the bank in January", "is to resume trading Tuesday"
        return 1
    if token.lemma_.lower() in _PLAN_LEMMAS and token.tag_ in ("VBZ", "VBP"):
        return 1  # "On Tuesday, the league plans to hold a news conference"
    if token.tag_ == "VBG" and any(t.lemma_ == "be" and t.tag_ in ("VBZ", "VBP") for t in auxes):
        return 1
    if (
        token.tag_ == "VBN"
        and any(t.lemma_ == "be" and t.tag_ in ("VBZ", "VBP") for t in auxes)
        and not words & {"has", "have", "had"}
    ):
        return 0  # a present passive ("when the case is heard in May") is not a past
    if token.tag_ in _PAST_TAGS or any(t.tag_ in _PAST_TAGS for t in auxes):
        return -1
    if token.tag_ == "VBN" or any(t.lower_ in ("has", "have", "had") for t in auxes):
        return -1
    return 0


def _past_perfect_plan(word) -> bool:
    """A plan told in the past perfect ("had been scheduled", "had been due"):
    news uses it for a date the plan has passed or that a later change replaced."""
    for tok in (word, word.head):
        if any(t.lower_ == "had" and t.dep_ in ("aux", "auxpass") for t in tok.children):
            return True
        if tok.head.i == tok.i:
            break
    return False


def _negated(verb) -> bool:
    """The verb is negated: "not", "n't", "never", or a "neither ... nor" subject."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "neither", "nor"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in ("neither", "nor", "no") for t in child.children):
            return True
    return False


def _timexes(text: str, doc, anchor: date | None, candidates: Sequence[Candidate]) -> tuple[Timex, ...]:
    resolver = Resolver(anchor)
    out = []
    for cand in candidates:
        direction = tense_direction(doc, cand.start, cand.end, text) if doc is not None else 0
        res = resolver.resolve(cand, direction, text)
        if res is None:
            continue
        out.append(
            Timex(
                cand.start,
                cand.end,
                text[cand.start : cand.end],
                res.type,
                _value(res, anchor),
                None if res.implied is None else _value(res.implied, anchor),
            )
        )
    return tuple(out)


def _value(res, anchor: date | None) -> TimeValue:
    basis = res.basis if anchor is not None or res.basis == "explicit" else "relative"
    return make_value(res.value, basis, anchor if basis == "relative" else None, res.mod)


def tag(doc, anchor: date | None) -> tuple[Timex, ...]:
    """The temporal expressions of ``doc`` with values resolved against
    ``anchor``; with no anchor, relative ones keep unresolved TimeML values
    (``XXXX-01-26``, ``XXXX-WXX-4``) and no interval."""
    text = doc_text(doc)
    return _timexes(text, doc, anchor, recognise(text))


def tag_text(text: str, anchor: date | None, doc=None) -> tuple[Timex, ...]:
    """As ``tag`` for plain text; without a parse, tense is not used."""
    return _timexes(text, doc, anchor, recognise(text))


def infer_publication_date(
    doc,
    timexes: Sequence[Timex],
    hints: Sequence[TimeValue] = (),
    roles_path: str | None = None,
    guess: bool = False,
    interval: bool = False,
) -> TimeValue | None:
    """Date an undated article from its text: an ``inferred`` TimeValue with
    an interval and the evidence, or None when evidence is weak.
    ``roles_path`` adds dated roles/events files (default: the setting).
    ``guess`` answers weak evidence with a year marked low-confidence (its
    first evidence line says so) instead of None; off by default because
    ``TimeValue`` has no confidence field yet and later stages would take a
    guessed year for a known one. ``interval`` gives the interval the
    evidence allows (``dating.honest_interval``) and implies ``guess``."""
    from .dating import infer_publication_date as _infer

    return _infer(doc, timexes, hints, roles_path=roles_path, guess=guess, interval=interval)


def date_article(doc, hints: Sequence[TimeValue] = (), roles_path: str | None = None):
    """An undated article's (confident date, estimate): see ``dating.date_article``."""
    from .dating import date_article as _date_article

    return _date_article(doc, hints, roles_path=roles_path)
