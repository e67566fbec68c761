"""Event coreference: which mentions, within and across articles, report
the same happening.

Cost stays near-linear: mentions are only compared inside blocks (same
PLOVER type plus the same trigger-word group, or the same actors, or the
same sentence), and inside a block only with their ``WINDOW`` nearest
neighbours in date order (the sorted-neighbourhood method), so a block of
10,000 Israel/Palestine mentions costs 10,000 × WINDOW comparisons, not
50 million.

Clusters grow best-first: candidate pairs are merged from the highest
score down, and a merge is refused when any two members of the two
clusters may not be one happening (different types, disjoint dates, a
plan against a fact of another time, a denial against an assertion).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..models import EventMention
from .cluster import UnionFind
from .features import (
    FACTUAL,
    IRREALIS,
    SentenceVectors,
    actor_keys,
    lemma_group,
    sentence_key,
    times_overlap,
)
from .lexicon import lemma_similarity

#: Neighbours each mention is compared with inside a block.
WINDOW = 30

#: Weights of the pair score (they sum to 1, so the threshold reads as a probability).
WEIGHTS = {"lemma": 0.35, "actors": 0.25, "time": 0.15, "sentence": 0.25}


@dataclass(frozen=True)
class PairScore:
    first: str
    second: str
    score: float


def _sort_key(m: EventMention) -> tuple:
    t = m.time
    earliest = t.earliest.isoformat() if t is not None and t.earliest is not None else "9999"
    return (earliest, m.article_id, m.trigger_start, m.id)


def block_keys(m: EventMention) -> Iterable[tuple]:
    """The blocks a mention belongs to; two mentions are compared only
    when they share one."""
    group = lemma_group(m.lemma or m.trigger)
    yield ("lemma", m.type, group)
    actors = sorted(actor_keys(m.sources)), sorted(actor_keys(m.targets))
    if actors[0] or actors[1]:
        yield ("actors", m.type, tuple(actors[0]), tuple(actors[1]))
    yield ("sentence", sentence_key(m), group)


def candidate_pairs(mentions: Sequence[EventMention], window: int = WINDOW) -> set[tuple[str, str]]:
    blocks: dict[tuple, list[EventMention]] = {}
    for m in mentions:
        for key in block_keys(m):
            blocks.setdefault(key, []).append(m)
    pairs: set[tuple[str, str]] = set()
    for key in sorted(blocks, key=repr):
        members = sorted(blocks[key], key=_sort_key)
        for i, a in enumerate(members):
            for b in members[i + 1:i + 1 + window]:
                if a.id != b.id:
                    pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
    return pairs


def compatible(a: EventMention, b: EventMention) -> bool:
    """May ``a`` and ``b`` be one happening at all?"""
    if a.type != b.type:
        return False
    if is_duplicate_report(a, b):
        return True
    overlap = times_overlap(a.time, b.time)
    if overlap is False:
        return False
    if (a.modality == "negated") != (b.modality == "negated"):
        return False
    if (a.modality in IRREALIS and b.modality in FACTUAL) or (b.modality in IRREALIS and a.modality in FACTUAL):
        # "will meet Thursday" and "met Thursday" are one meeting only when
        # both dates are known and agree
        return overlap is True
    return True


def is_duplicate_report(a: EventMention, b: EventMention) -> bool:
    """The same sentence about the same act in two articles: a reprint or a
    reformatted copy, whose dates may differ only because one copy lost
    its dateline."""
    return (a.article_id != b.article_id and a.type == b.type
            and lemma_group(a.lemma) == lemma_group(b.lemma)
            and sentence_key(a) == sentence_key(b) and a.modality == b.modality)


def _jaccard(x: frozenset, y: frozenset) -> float | None:
    if not x and not y:
        return None
    return len(x & y) / len(x | y)


def pair_score(a: EventMention, b: EventMention, vectors: SentenceVectors) -> float:
    if is_duplicate_report(a, b):
        return 1.0
    parts = {"lemma": lemma_similarity(a.lemma.lower(), b.lemma.lower())}
    src = _jaccard(actor_keys(a.sources), actor_keys(b.sources))
    tgt = _jaccard(actor_keys(a.targets), actor_keys(b.targets))
    known = [v for v in (src, tgt) if v is not None]
    # an actor the text did not name is neither agreement nor conflict
    parts["actors"] = sum(known) / len(known) if known else 0.5
    overlap = times_overlap(a.time, b.time)
    parts["time"] = 1.0 if overlap else 0.5
    parts["sentence"] = vectors.cosine(a.id, b.id)
    return sum(WEIGHTS[k] * v for k, v in parts.items())


def cluster_mentions(mentions: Sequence[EventMention], threshold: float = 0.5,
                     window: int = WINDOW) -> list[list[EventMention]]:
    """Groups of mentions of one happening, each sorted by id, the groups
    sorted by their first id (independent of input order)."""
    by_id = {m.id: m for m in mentions}
    ordered = [by_id[i] for i in sorted(by_id)]
    vectors = SentenceVectors(ordered)
    scored = []
    for first, second in candidate_pairs(ordered, window):
        a, b = by_id[first], by_id[second]
        if not compatible(a, b):
            continue
        score = pair_score(a, b, vectors)
        if score >= threshold:
            scored.append(PairScore(first, second, score))
    scored.sort(key=lambda p: (-round(p.score, 9), p.first, p.second))
    sets = UnionFind(by_id)
    members: dict[str, list[EventMention]] = {i: [by_id[i]] for i in by_id}
    for pair in scored:
        ra, rb = sets.find(pair.first), sets.find(pair.second)
        if ra == rb:
            continue
        if not all(compatible(x, y) for x in members[ra] for y in members[rb]):
            continue
        sets.union(ra, rb)
        root = sets.find(ra)
        merged = members.pop(ra) + members.pop(rb)
        members[root] = merged
    return sorted((sorted(group, key=lambda m: m.id) for group in members.values()),
                  key=lambda g: g[0].id)
