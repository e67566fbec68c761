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
from datetime import date
from typing import Iterable, Sequence

from ..models import EventMention
from .features import (
    FACTUAL,
    IRREALIS,
    SentenceVectors,
    actor_keys,
    cosine_of,
    lemma_group,
    object_words,
    sentence_key,
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


#: Where a mention without a date sorts: as the text "9999" once did among
#: ISO dates, after every day before the year 9999 and before any in it.
_UNDATED = date(9999, 1, 1).toordinal() - 0.5


def _sort_key(m: EventMention) -> tuple:
    # a day number, not the ISO text: the same order, and comparing numbers
    # is most of sorting a large story's mentions
    t = m.time
    earliest = t.earliest.toordinal() if t is not None and t.earliest is not None else _UNDATED
    return (earliest, m.article_id, m.trigger_start, m.id)


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What linking needs of a mention, computed once: the per-pair work
    then reads these fields and never the mention itself (at 10,000
    articles the mentions fill more memory than the processor caches, and
    each look at one cost a trip to main memory)."""

    mention: EventMention
    id: str
    type: str
    article: str
    modality: str
    group: str
    sentence: str
    sources: frozenset[str]
    targets: frozenset[str]
    objects: frozenset[str]
    #: sources and targets as ("s", key) / ("t", key): two reports that name
    #: parties are one happening only when these sets meet
    parties: frozenset[tuple[str, str]]
    lemma: str
    #: both ends of the date, or None when either is open or unknown
    lo: date | None
    hi: date | None
    #: the date has at least one known end (the text places it in time)
    bounded: bool

    @staticmethod
    def of(m: EventMention, shared: dict | None = None) -> "MentionInfo":
        """``shared`` (one dict for many mentions) makes equal sets one
        object: the reports of one happening name the same parties, and a
        story's pair loop then reads a few hundred sets, not tens of thousands."""
        sources, targets, objects = actor_keys(m.sources), actor_keys(m.targets), object_words(m)
        parties = frozenset([("s", k) for k in sources] + [("t", k) for k in targets])
        if shared is not None:
            sources, targets, objects, parties = (shared.setdefault(x, x) for x in (sources, targets, objects, parties))
        t = m.time
        known = t is not None and t.earliest is not None and t.latest is not None
        return MentionInfo(
            m, m.id, m.type, m.article_id, m.modality, lemma_group(m.lemma or m.trigger), sentence_key(m),
            sources, targets, objects, parties, m.lemma.lower(),
            t.earliest if known else None, t.latest if known else None,
            t is not None and (t.earliest is not None or t.latest is not None))


def block_keys(info: MentionInfo) -> Iterable[tuple]:
    """The blocks a mention belongs to; two mentions are compared only
    when they share one."""
    yield ("lemma", info.type, info.group)
    if info.sources or info.targets:
        yield ("actors", info.type, tuple(sorted(info.sources)), tuple(sorted(info.targets)))
    yield ("sentence", info.sentence, info.group)


#: The kinds of block, in the order a pair found in several is credited to.
_KINDS = ("lemma", "actors", "sentence")


def _date_order(ordered: Sequence[EventMention]) -> list[int]:
    return sorted(range(len(ordered)), key=lambda i: _sort_key(ordered[i]))


def _blocks(infos: Sequence[MentionInfo], date_order: Sequence[int]) -> list[tuple[int, list[int]]]:
    """(kind, members) per block of two or more mentions, the members as
    positions in ``infos`` in date order (they are added in that order,
    so no block is sorted)."""
    blocks: dict[tuple, list[int]] = {}
    for i in date_order:
        for key in block_keys(infos[i]):
            blocks.setdefault(key, []).append(i)
    return [(_KINDS.index(key[0]), members) for key, members in blocks.items() if len(members) > 1]


#: Where each mention sits in the blocks of one kind: (block number, place).
_Places = tuple[list[int], list[int]]


def _neighbours(blocks: Sequence[tuple[int, list[int]]], size: int
                ) -> Iterable[tuple[int, list[int], list[_Places]]]:
    """For each block: its kind, its members, and where each mention sits
    in the blocks of the kinds before it (block number, place), as the
    callers need to compare each pair once.

    A pair is compared in the first kind of block where the two are
    neighbours, which a caller tells from those places in constant time:
    no set of the pairs already seen, which at 10,000 articles held a
    third of a million entries and was a good part of the memory the
    pair loop swept."""
    where = []
    for kind in range(len(_KINDS) - 1):
        number, place = [-1] * size, [0] * size
        for b, (k, members) in enumerate(blocks):
            if k == kind:
                for p, i in enumerate(members):
                    number[i], place[i] = b, p
        where.append((number, place))
    for kind, members in blocks:
        yield kind, members, where[:kind]


def _seen_before(i: int, j: int, earlier: Sequence[_Places], window: int) -> bool:
    """Whether ``i`` and ``j`` are neighbours in a block of an earlier kind."""
    for number, place in earlier:
        if number[i] == number[j] != -1 and abs(place[i] - place[j]) <= window:
            return True
    return False


def candidate_pairs(mentions: Sequence[EventMention], window: int = WINDOW,
                    infos: dict[str, MentionInfo] | None = None) -> list[tuple[str, str]]:
    """Pairs to compare, each once: neighbours (``window`` on each side)
    in date order inside each block. The set of pairs does not depend on
    the order of the blocks, and callers order what they keep by score,
    so the blocks are taken as they come."""
    ordered = list({m.id: m for m in mentions}.values())
    info_list = [infos[m.id] if infos is not None else MentionInfo.of(m) for m in ordered]
    pairs: list[tuple[str, str]] = []
    for _, members, earlier in _neighbours(_blocks(info_list, _date_order(ordered)), len(ordered)):
        for k, i in enumerate(members):
            a = ordered[i].id
            for j in members[k + 1:k + 1 + window]:
                if not _seen_before(i, j, earlier, window):
                    b = ordered[j].id
                    pairs.append((a, b) if a < b else (b, a))
    return pairs


def compatible(a: EventMention | MentionInfo, b: EventMention | MentionInfo) -> bool:
    """May ``a`` and ``b`` be one happening at all?"""
    ia = a if isinstance(a, MentionInfo) else MentionInfo.of(a)
    ib = b if isinstance(b, MentionInfo) else MentionInfo.of(b)
    return ia.type == ib.type and _compatible(ia, ib, _duplicate(ia, ib))


def _compatible(a: MentionInfo, b: MentionInfo, duplicate: bool) -> bool:
    """``compatible`` for two mentions of one type."""
    if duplicate:
        return True
    overlap = _overlap(a, b)
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
    return _duplicate(MentionInfo.of(a), MentionInfo.of(b))


def _duplicate(a: MentionInfo, b: MentionInfo) -> bool:
    return (a.article != b.article and a.type == b.type and a.group == b.group and a.sentence == b.sentence
            and a.modality == b.modality)


def _overlap(a: MentionInfo, b: MentionInfo) -> bool | None:
    """``times_overlap`` of the two mentions, from the precomputed ends."""
    if a.lo is None or b.lo is None:
        return None
    return a.lo <= b.hi and b.lo <= a.hi


def _jaccard(x: frozenset, y: frozenset) -> float | None:
    if not x and not y:
        return None
    return len(x & y) / len(x | y)


def pair_score(a: MentionInfo, b: MentionInfo, vectors: SentenceVectors, floor: float = 0.0) -> float:
    """Weighted agreement in 0..1. When even a perfect sentence match could
    not lift the pair to ``floor``, the (costliest) sentence part is skipped
    and the partial score returned: it is below ``floor`` either way."""
    if _duplicate(a, b):
        return 1.0
    score = _score_without_sentence(a, b)
    if score is None:
        return 0.0
    if score + WEIGHTS["sentence"] < floor:
        return score
    return score + WEIGHTS["sentence"] * vectors.cosine(a.id, b.id)


def _score_without_sentence(a: MentionInfo, b: MentionInfo) -> float | None:
    """The lemma, actor and time parts of ``pair_score`` of two mentions
    that are no reprint of each other; None when the pair scores 0."""
    # an actor the text did not name is neither agreement nor conflict; but
    # two reports that name their parties and share none are about
    # different happenings, however alike their words and dates
    if (a.parties or b.parties) and a.parties.isdisjoint(b.parties):
        return None
    lemma = lemma_similarity(a.lemma, b.lemma)
    # only between reports the text places in time at all: two undated
    # plans to "return to the deal" may be years apart
    if lemma < OBJECT_CREDIT and a.objects and b.objects and a.bounded and b.bounded:
        # overlap over the smaller object: "the deal" is all of what "the grain deal" names
        shared = len(a.objects & b.objects) / min(len(a.objects), len(b.objects))
        lemma = max(lemma, OBJECT_CREDIT * shared)
    score = WEIGHTS["lemma"] * lemma
    known = [v for v in (_jaccard(a.sources, b.sources), _jaccard(a.targets, b.targets)) if v is not None]
    score += WEIGHTS["actors"] * (sum(known) / len(known) if known else 0.5)
    return score + WEIGHTS["time"] * (1.0 if _overlap(a, b) else 0.5)


def _scored_pairs(infos: Sequence[MentionInfo], vectors: Sequence[dict[str, float]], date_order: Sequence[int],
                  threshold: float, window: int) -> list[int]:
    """One sort key (see ``_pair_key``) for each candidate pair that may be
    one happening and scores at least ``threshold``; ``vectors`` are the
    sentence vectors by position.

    A block of one act holds every party's reports of it, so most of its
    neighbour pairs name different parties and score 0; in a corpus denser
    in time, more of them also have dates that agree. They are dropped on
    precomputed fields before any other work, so the cost of a pair that
    cannot link stays a few field reads."""
    size = len(infos)
    types = [info.type for info in infos]
    articles = [info.article for info in infos]
    parties = [info.parties for info in infos]
    # reprint candidates (same type, trigger group, sentence and modality) share a class
    reprint: dict[tuple, int] = {}
    copies = [reprint.setdefault((info.type, info.group, info.sentence, info.modality), len(reprint))
              for info in infos]
    drop_unshared = threshold > 0
    sentence_weight = WEIGHTS["sentence"]
    scored: list[int] = []
    for kind, members, earlier in _neighbours(_blocks(infos, date_order), size):
        # only a sentence block mixes types; an actors block holds one set of
        # parties, so its pairs always share one
        mixed, check_parties = kind == 2, drop_unshared and kind != 1
        for k, i in enumerate(members):
            kind_i, party, copy, article = types[i], parties[i], copies[i], articles[i]
            for j in members[k + 1:k + 1 + window]:
                if mixed and types[j] != kind_i:
                    continue
                duplicate = copy == copies[j] and articles[j] != article
                if check_parties and not duplicate and (party or parties[j]) and party.isdisjoint(parties[j]):
                    continue
                if earlier and _seen_before(i, j, earlier, window):
                    continue
                a, b = infos[i], infos[j]
                if not _compatible(a, b, duplicate):
                    continue
                # ``pair_score``, with the sentence vectors found by position
                if duplicate:
                    score = 1.0
                else:
                    partial = _score_without_sentence(a, b)
                    score = 0.0 if partial is None else partial
                    if partial is not None and not partial + sentence_weight < threshold:
                        score = partial + sentence_weight * cosine_of(vectors[i], vectors[j])
                if score >= threshold:
                    scored.append(_pair_key(score, i, j, size) if i < j else _pair_key(score, j, i, size))
    return scored


def _pair_key(score: float, i: int, j: int, size: int) -> int:
    """One int that sorts as (-score to 9 decimals, i, j) does: a large
    story keeps one such pair per two or three of its mentions' neighbours,
    and as tuples of a float and two ints they were the largest thing in
    memory after the sentence vectors and slower to sort. The score to 9
    decimals is a whole number of billionths, so nothing is lost."""
    return (-round(round(score, 9) * 1e9) * size + i) * size + j


def cluster_mentions(mentions: Sequence[EventMention], threshold: float = 0.5,
                     window: int = WINDOW) -> list[list[EventMention]]:
    """Groups of mentions of one happening, each sorted by id, the groups
    sorted by their first id (independent of input order)."""
    by_id = {m.id: m for m in mentions}
    # positions in id order stand for the mentions from here on: a tie on
    # score falls to the smaller position as it fell to the smaller id
    ordered = [by_id[i] for i in sorted(by_id)]
    size = len(ordered)
    date_order = _date_order(ordered)
    # what the pair loop reads is made in date order, so that neighbours in
    # a block (close in date) lie close in memory
    shared: dict = {}
    infos: list = [None] * size
    for i in date_order:
        infos[i] = MentionInfo.of(ordered[i], shared)
    sentence_vectors = SentenceVectors([ordered[i] for i in date_order], [infos[i].sentence for i in date_order])
    vectors = [sentence_vectors.vectors[m.id] for m in ordered]
    # best score first, then by position: a record object per pair and a
    # key function made this sort a quarter of linking a large story
    scored = _scored_pairs(infos, vectors, date_order, threshold, window)
    scored.sort()
    # union-find over positions, each set named by its smallest (the first
    # id of the cluster); ``summaries`` holds the sets of two or more
    parent = list(range(size))
    summaries: dict[int, _Summary] = {}

    def find(item: int) -> int:
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:   # path compression keeps finds cheap
            parent[item], item = root, parent[item]
        return root

    for key in scored:
        first, second = key // size % size, key % size
        ra, rb = find(first), find(second)
        if ra == rb:
            continue
        sa = summaries.get(ra) or _Summary.of(infos[ra])
        sb = summaries.get(rb) or _Summary.of(infos[rb])
        merged = sa.merge(sb, _duplicate(infos[first], infos[second]))
        if merged is None:
            continue
        root, other = (ra, rb) if ra < rb else (rb, ra)
        parent[other] = root
        summaries.pop(other, None)
        summaries[root] = merged
    groups: dict[int, list[EventMention]] = {}
    for i in range(size):
        # positions rise, so each group is in id order and the groups are
        # made in the order of their first ids
        groups.setdefault(find(i), []).append(ordered[i])
    return list(groups.values())


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
    def of(m: MentionInfo) -> "_Summary":
        return _Summary(m.type, m.modality == "negated", m.modality in IRREALIS, m.modality in FACTUAL,
                        m.lo is None, m.lo, m.hi)

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
