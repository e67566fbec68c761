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
    object_words,
    sentence_key,
    times_overlap,
)
from .lexicon import lemma_similarity

#: Neighbours each mention is compared with inside a block.
WINDOW = 30

#: Weights of the pair score (they sum to 1, so the threshold reads as a probability).
WEIGHTS = {"lemma": 0.35, "actors": 0.25, "time": 0.15, "sentence": 0.25}

#: How much of the lemma part a shared object earns when the trigger words
#: differ: one type of act by the same parties to the same thing ("refused
#: to extend the grain agreement", "pulled out of the grain agreement") is
#: one happening unless the dates say otherwise, whatever verb reports it.
OBJECT_CREDIT = 0.7


def _sort_key(m: EventMention) -> tuple:
    t = m.time
    earliest = t.earliest.isoformat() if t is not None and t.earliest is not None else "9999"
    return (earliest, m.article_id, m.trigger_start, m.id)


@dataclass(frozen=True)
class _Info:
    """What linking needs of a mention, computed once."""

    mention: EventMention
    group: str
    sentence: str
    sources: frozenset[str]
    targets: frozenset[str]
    objects: frozenset[str]

    @staticmethod
    def of(m: EventMention) -> "_Info":
        return _Info(m, lemma_group(m.lemma or m.trigger), sentence_key(m), actor_keys(m.sources),
                     actor_keys(m.targets), object_words(m))


def block_keys(info: _Info) -> Iterable[tuple]:
    """The blocks a mention belongs to; two mentions are compared only
    when they share one."""
    m = info.mention
    yield ("lemma", m.type, info.group)
    if info.sources or info.targets:
        yield ("actors", m.type, tuple(sorted(info.sources)), tuple(sorted(info.targets)))
    yield ("sentence", info.sentence, info.group)


def candidate_pairs(mentions: Sequence[EventMention], window: int = WINDOW,
                    infos: dict[str, _Info] | None = None) -> list[tuple[str, str]]:
    """Pairs to compare, each once, block by block (neighbours in a block
    are compared together, which keeps the working set small). The set of
    pairs does not depend on the order of the blocks, and callers order
    what they keep by score, so the blocks are taken as they come."""
    if infos is None:
        infos = {m.id: _Info.of(m) for m in mentions}
    blocks: dict[tuple, list[EventMention]] = {}
    order: dict[str, tuple] = {}
    for m in mentions:
        order[m.id] = _sort_key(m)
        for key in block_keys(infos[m.id]):
            blocks.setdefault(key, []).append(m)
    seen: set[tuple[str, str]] = set()
    pairs: list[tuple[str, str]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: order[m.id])
        for i, a in enumerate(members):
            for b in members[i + 1:i + 1 + window]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if a.id != b.id and pair not in seen:
                    seen.add(pair)
                    pairs.append(pair)
    return pairs


def compatible(a: EventMention | _Info, b: EventMention | _Info) -> bool:
    """May ``a`` and ``b`` be one happening at all?"""
    ia = a if isinstance(a, _Info) else _Info.of(a)
    ib = b if isinstance(b, _Info) else _Info.of(b)
    a, b = ia.mention, ib.mention
    if a.type != b.type:
        return False
    if _duplicate(ia, ib):
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
    return _duplicate(_Info.of(a), _Info.of(b))


def _duplicate(a: _Info, b: _Info) -> bool:
    return (a.mention.article_id != b.mention.article_id and a.mention.type == b.mention.type
            and a.group == b.group and a.sentence == b.sentence
            and a.mention.modality == b.mention.modality)


def _jaccard(x: frozenset, y: frozenset) -> float | None:
    if not x and not y:
        return None
    return len(x & y) / len(x | y)


def _bounded(m: EventMention) -> bool:
    return m.time is not None and (m.time.earliest is not None or m.time.latest is not None)


def pair_score(a: _Info, b: _Info, vectors: SentenceVectors, floor: float = 0.0) -> float:
    """Weighted agreement in 0..1. When even a perfect sentence match could
    not lift the pair to ``floor``, the (costliest) sentence part is skipped
    and the partial score returned: it is below ``floor`` either way."""
    if _duplicate(a, b):
        return 1.0
    ma, mb = a.mention, b.mention
    lemma = lemma_similarity(ma.lemma.lower(), mb.lemma.lower())
    # only between reports the text places in time at all: two undated
    # plans to "return to the deal" may be years apart
    if lemma < OBJECT_CREDIT and a.objects and b.objects and _bounded(ma) and _bounded(mb):
        # overlap over the smaller object: "the deal" is all of what "the grain deal" names
        shared = len(a.objects & b.objects) / min(len(a.objects), len(b.objects))
        lemma = max(lemma, OBJECT_CREDIT * shared)
    score = WEIGHTS["lemma"] * lemma
    known = [v for v in (_jaccard(a.sources, b.sources), _jaccard(a.targets, b.targets)) if v is not None]
    # an actor the text did not name is neither agreement nor conflict; but
    # two reports that name their parties and share none are about
    # different happenings, however alike their words and dates
    if known and not any(known):
        return 0.0
    score += WEIGHTS["actors"] * (sum(known) / len(known) if known else 0.5)
    score += WEIGHTS["time"] * (1.0 if times_overlap(ma.time, mb.time) else 0.5)
    if score + WEIGHTS["sentence"] < floor:
        return score
    return score + WEIGHTS["sentence"] * vectors.cosine(ma.id, mb.id)


def cluster_mentions(mentions: Sequence[EventMention], threshold: float = 0.5,
                     window: int = WINDOW) -> list[list[EventMention]]:
    """Groups of mentions of one happening, each sorted by id, the groups
    sorted by their first id (independent of input order)."""
    by_id = {m.id: m for m in mentions}
    ordered = [by_id[i] for i in sorted(by_id)]
    infos = {m.id: _Info.of(m) for m in ordered}
    vectors = SentenceVectors(ordered)
    # plain tuples, best score first, then by ids: a record object per pair
    # and a key function made this sort a quarter of linking a large story
    scored: list[tuple[float, str, str]] = []
    for first, second in candidate_pairs(ordered, window, infos):
        a, b = infos[first], infos[second]
        if not compatible(a, b):
            continue
        score = pair_score(a, b, vectors, floor=threshold)
        if score >= threshold:
            scored.append((-round(score, 9), first, second))
    scored.sort()
    sets = UnionFind(by_id)
    summaries = {i: _Summary.of(infos[i].mention) for i in by_id}
    groups: dict[str, list[EventMention]] = {i: [by_id[i]] for i in by_id}
    for _, first, second in scored:
        ra, rb = sets.find(first), sets.find(second)
        if ra == rb:
            continue
        merged = summaries[ra].merge(summaries[rb], _duplicate(infos[first], infos[second]))
        if merged is None:
            continue
        sets.union(ra, rb)
        root = sets.find(ra)
        # grow the larger list in place: copying a big cluster at every merge is quadratic
        first, second = groups.pop(ra), groups.pop(rb)
        members = first if len(first) >= len(second) else second
        members.extend(second if members is first else first)
        del summaries[ra], summaries[rb]
        groups[root], summaries[root] = members, merged
    return sorted((sorted(group, key=lambda m: m.id) for group in groups.values()), key=lambda g: g[0].id)


@dataclass(frozen=True)
class _Summary:
    """What the cannot-link rules need of a whole cluster, so a merge is
    checked in constant time instead of over every pair of members: the
    dates every member allows (their intersection), and which kinds of
    claim it holds."""

    type: str
    negated: bool
    irrealis: bool
    factual: bool
    undated: bool
    lo: object
    hi: object

    @staticmethod
    def of(m: EventMention) -> "_Summary":
        t = m.time
        known = t is not None and t.earliest is not None and t.latest is not None
        return _Summary(m.type, m.modality == "negated", m.modality in IRREALIS, m.modality in FACTUAL,
                        not known, t.earliest if known else None, t.latest if known else None)

    def merge(self, other: "_Summary", duplicate: bool) -> "_Summary | None":
        if self.type != other.type or self.negated != other.negated:
            return None
        lo = max((d for d in (self.lo, other.lo) if d is not None), default=None)
        hi = min((d for d in (self.hi, other.hi) if d is not None), default=None)
        if lo is not None and hi is not None and lo > hi:
            if not duplicate:
                return None
            # a copy whose dateline was lost: keep the dates of the larger evidence
            lo, hi = self.lo, self.hi
        irrealis, factual = self.irrealis or other.irrealis, self.factual or other.factual
        undated = self.undated or other.undated
        if irrealis and factual and undated and not duplicate:
            # a plan is one happening with a fact only when every date is known and agrees
            return None
        return _Summary(self.type, self.negated, irrealis, factual, undated, lo, hi)
