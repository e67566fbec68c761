"""Small, pure helpers that describe mentions for linking: actor keys,
time compatibility, sentence vectors, trigger-word groups."""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from typing import Iterable, Sequence

from ..models import ActorRef, EventMention, TimeValue
from .lexicon import SYNONYMS

#: Modalities that claim something happened (or was declared, which is itself the act).
FACTUAL = frozenset({"asserted", "announced", "reported", "historical"})
#: Modalities that do not: a plan or threat is never merged into a fact of another time.
IRREALIS = frozenset({"planned", "threatened", "hypothetical"})

#: Finer first; used to pick the most precise date of an event.
PRECISION_RANK = {
    "day": 0,
    "week": 1,
    "month": 2,
    "season": 3,
    "quarter": 3,
    "year": 4,
    "decade": 5,
    "century": 6,
    "unknown": 9,
}

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a an the of to in on at by for with and or but from as that this these those
is are was were be been being has have had it its he she they them his her their we our you i
said says say will would could should may might not no than then there here also""".split()
)


def actor_key(actor: ActorRef) -> str:
    """Actors of one government count as one party: "Mahmoud Abbas" and the
    "Palestinian Authority" are both PSE/GOV when the actor stage knows
    them, so an episode declared by either is the same recurring act."""
    if actor.country and actor.sector:
        return f"{actor.country}/{actor.sector}"
    return normalise_name(actor.name)


def normalise_name(name: str) -> str:
    return " ".join(_WORD.findall(name.lower()))


def actor_keys(actors: Iterable[ActorRef]) -> frozenset[str]:
    return frozenset(actor_key(a) for a in actors if a.name)


def lemma_group(lemma: str) -> str:
    """A canonical word for a trigger lemma: its synonym group's first
    member in sort order, so "halt" and "terminate" block together."""
    lemma = lemma.lower().strip()
    return _GROUP_OF.get(lemma, lemma)


#: Each listed word's group name (a word in two groups takes the first's):
#: a look-up instead of a scan of every group, as this runs for every
#: mention several times over in linking.
_GROUP_OF: dict[str, str] = {}
for _group in SYNONYMS:
    for _word in _group:
        _GROUP_OF.setdefault(_word, min(_group))
del _group, _word


def time_bounds(value: TimeValue | None) -> tuple[date | None, date | None]:
    if value is None:
        return None, None
    return value.earliest, value.latest


def times_overlap(a: TimeValue | None, b: TimeValue | None) -> bool | None:
    """True/False when both are known; None when either is open or unknown."""
    a0, a1 = time_bounds(a)
    b0, b1 = time_bounds(b)
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    return a0 <= b1 and b0 <= a1


def precision_rank(value: TimeValue | None) -> int:
    if value is None or not value.is_known:
        return PRECISION_RANK["unknown"]
    return PRECISION_RANK.get(value.precision, 8)


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


#: Words of the extractor's summary that say how, not what: its modality
#: ("refuses to", "plans to"), particles, and the stand-in for no source.
_SUMMARY_FUNCTION = frozenset(
    """plans plan threatens threaten refuses refuse may does do has have not
out off up down unidentified attackers""".split()
)


#: One empty set for every mention without a summary (each ``frozenset()`` is a new object).
_NOTHING: frozenset[str] = frozenset()


def object_words(mention: EventMention) -> frozenset[str]:
    """What the act was done to, read from the extractor's one-line summary
    ("Russia pulls out of the grain export agreement" -> grain, export,
    agreement): the summary without its source, trigger and modality words,
    each word in its synonym group (a deal is an agreement)."""
    if not mention.summary:
        return _NOTHING
    skip = {w for actor in mention.sources for w in words(actor.name)}
    stem = (mention.lemma or mention.trigger).lower()[:4]
    found = set()
    for w in words(mention.summary):
        if w in skip or w in _SUMMARY_FUNCTION or w.startswith(stem):
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]  # agreements -> agreement, so the group is found
        found.add(lemma_group(w))
    return frozenset(found)


def sentence_key(mention: EventMention) -> str:
    """The sentence's words with layout and punctuation gone: a reformatted
    copy of an article yields the same key for the same report."""
    return " ".join(_WORD.findall(mention.sentence.lower()))


class SentenceVectors:
    """TF-IDF vectors (sparse dicts) of mention sentences, IDF over the
    whole batch so that common words ("security", "said") weigh little."""

    def __init__(self, mentions: Sequence[EventMention], keys: Sequence[str] | None = None):
        """``keys``, when given, are the mentions' ``sentence_key``s (the
        same words), which a caller that has them already spares re-reading
        every sentence."""
        texts = keys if keys is not None else [m.sentence for m in mentions]
        # one string object per distinct word: every vector then shares its
        # terms (a tenth of the memory on a large story), and a look-up in
        # ``cosine`` finds the very object it holds, without comparing text
        vocabulary: dict[str, str] = {}
        docs = {m.id: [vocabulary.setdefault(w, w) for w in words(text)] for m, text in zip(mentions, texts)}
        df: Counter = Counter()
        for terms in docs.values():
            df.update(set(terms))
        n = max(len(docs), 1)
        self.vectors: dict[str, dict[str, float]] = {}
        for mid, terms in docs.items():
            vec = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in Counter(terms).items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self.vectors[mid] = {t: v / norm for t, v in vec.items()}

    def cosine(self, a: str, b: str) -> float:
        return cosine_of(self.vectors.get(a, {}), self.vectors.get(b, {}))


def cosine_of(va: dict[str, float], vb: dict[str, float]) -> float:
    """Cosine of two of ``SentenceVectors``' (normalised) vectors."""
    if len(vb) < len(va):
        va, vb = vb, va
    # the shared terms in the same order as a sum over all of ``va``
    # (whose other terms add exactly 0.0), so the value is the same
    return sum((v * vb[t] for t, v in va.items() if t in vb), 0.0)
