"""Event coreference: which mentions, within and across articles, report
the same happening.

A story's mentions are compared in pairs the linker proposes: mentions of
one article or of two articles the document model puts in one *thread*
(``pair_model.Story.threads``), and, across threads, neighbours in the
blocks of one act, one set of parties or one sentence (same PLOVER type
plus the same trigger-word group, or the same actors, or the same
sentence; inside a block only the ``WINDOW`` nearest in date order, the
sorted-neighbourhood method) when the rules can read their parties or
dates. The rules drop what cannot be one happening (different types,
disjoint dates, a plan against a fact of another time, a denial against an
assertion, parties named on both sides and none shared); the learned pair
model (:mod:`storyline.link.pair_model`, the one ``storyline eval ecbplus``
measures) scores the rest, the rules' own agreement score speaking too
where parties or dates are known. Clusters grow by average linkage over
those scores, and a merge is refused when any two members of the two
clusters may not be one happening.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

import numpy as np

from ..models import Article, EventMention, PairLink
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
from .pair_model import Story, load_model, reasons, score_pairs

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
            m,
            m.id,
            m.type,
            m.article_id,
            m.modality,
            lemma_group(m.lemma or m.trigger),
            sentence_key(m),
            sources,
            targets,
            objects,
            parties,
            m.lemma.lower(),
            t.earliest if known else None,
            t.latest if known else None,
            t is not None and (t.earliest is not None or t.latest is not None),
        )


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


def _neighbours(blocks: Sequence[tuple[int, list[int]]], size: int) -> Iterable[tuple[int, list[int], list[_Places]]]:
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


def candidate_pairs(
    mentions: Sequence[EventMention], window: int = WINDOW, infos: dict[str, MentionInfo] | None = None
) -> list[tuple[str, str]]:
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
            for j in members[k + 1 : k + 1 + window]:
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
    return (
        a.article != b.article
        and a.type == b.type
        and a.group == b.group
        and a.sentence == b.sentence
        and a.modality == b.modality
    )


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


def rule_score(a: MentionInfo, b: MentionInfo, va: dict[str, float], vb: dict[str, float]) -> float:
    """``pair_score`` of two mentions of one type that are no reprint of
    each other, given their sentence vectors: one feature of the pair model."""
    partial = _score_without_sentence(a, b)
    return 0.0 if partial is None else partial + WEIGHTS["sentence"] * cosine_of(va, vb)


def _has_evidence(a: MentionInfo, b: MentionInfo) -> bool:
    """Whether the rules' parts for parties and dates have anything to read."""
    return bool((a.parties and b.parties) or (a.bounded and b.bounded))


def _rule_pairs(
    infos: Sequence[MentionInfo], candidates: Iterable[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The candidate pairs (positions, i < j) the rules allow, split into
    reprints (one sentence about one act in two articles: one happening
    whatever the model says) and pairs for the model."""
    copies, others = [], []
    for i, j in sorted(candidates):
        a, b = infos[i], infos[j]
        if a.type != b.type:
            continue
        duplicate = _duplicate(a, b)
        # two reports that name their parties and share none are about
        # different happenings, however alike their words and dates
        if not duplicate and a.parties and b.parties and a.parties.isdisjoint(b.parties):
            continue
        if not _compatible(a, b, duplicate):
            continue
        (copies if duplicate else others).append((i, j))
    return copies, others


#: The average pair score at which two clusters merge (the build's
#: ``link_threshold``; see ``pair_model.LOGIT_SHIFT``).
DEFAULT_THRESHOLD = 0.5

#: Pair probabilities below this are left out of average linkage (they
#: would add almost nothing to a cluster's average, and most pairs of a
#: story are far below it).
_FLOOR = 0.02


def cluster_mentions(
    mentions: Sequence[EventMention],
    threshold: float | None = None,
    window: int = WINDOW,
    articles: Mapping[str, Article] | None = None,
) -> list[list[EventMention]]:
    """Groups of mentions of one happening, each sorted by id, the groups
    sorted by their first id (independent of input order)."""
    return link_mentions(mentions, threshold, window, articles)[0]


def link_mentions(
    mentions: Sequence[EventMention],
    threshold: float | None = None,
    window: int = WINDOW,
    articles: Mapping[str, Article] | None = None,
    explain: int = 3,
) -> tuple[list[list[EventMention]], dict[str, tuple[PairLink, ...]]]:
    """``cluster_mentions``, and for each group of two or more (by its
    first id) its ``explain`` strongest pairs with their reasons.

    Candidate pairs: mentions of one article or of two similar articles of
    the story (``Story.neighbour_pairs``), and neighbours in the blocks of
    one act, one set of parties or one sentence (``candidate_pairs``). The
    rules drop what cannot be one happening (other type, dates apart, a
    plan against a fact of another time, a denial against an assertion,
    parties named on both sides and none shared); the learned pair model
    scores the rest, and clusters grow by average linkage over its
    probabilities (a pair not scored counts 0), a merge refused when the
    two clusters together break a rule."""
    by_id = {m.id: m for m in mentions}
    # positions in id order stand for the mentions from here on
    ordered = [by_id[i] for i in sorted(by_id)]
    size = len(ordered)
    if size < 2:
        return [ordered] if ordered else [], {}
    model = load_model()
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    shared: dict = {}
    infos = [MentionInfo.of(m, shared) for m in ordered]
    story = Story(ordered, articles)
    candidates = story.neighbour_pairs()
    date_order = _date_order(ordered)
    # across threads only the rules propose a pair: a reprint, or two
    # reports whose parties or dates the rules can compare
    for _, members, earlier in _neighbours(_blocks(infos, date_order), size):
        for k, i in enumerate(members):
            for j in members[k + 1 : k + 1 + window]:
                if not _seen_before(i, j, earlier, window):
                    a, b = infos[i], infos[j]
                    if _has_evidence(a, b) or _duplicate(a, b):
                        candidates.add((i, j) if i < j else (j, i))
    copies, others = _rule_pairs(infos, candidates)
    first = np.array([i for i, _ in others], dtype=np.int64)
    second = np.array([j for _, j in others], dtype=np.int64)
    prob, hops = score_pairs(story, first, second, model)
    # the rules' own agreement (trigger words, parties, dates, sentence words)
    # speaks where the model, learned on ECB+ without parties or dates, is silent
    # (only between reports that name parties or dates, which ECB+ never does)
    evidence = np.array([_has_evidence(infos[i], infos[j]) for i, j in others], dtype=bool)
    if evidence.any():
        prob = prob.copy()
        prob[evidence] = np.maximum(prob[evidence], story.rule_scores(first[evidence], second[evidence]))
    scored = [(i, j, 1.0, 0.0) for i, j in copies]
    scored += [
        (i, j, p, h) for i, j, p, h in zip(first.tolist(), second.tolist(), prob.tolist(), hops.tolist()) if p >= _FLOOR
    ]
    model_prob = {(i, j): p for i, j, p in zip(first.tolist(), second.tolist(), prob.tolist())}
    attached = _references(ordered, infos, model_prob)
    # a reference joins its report's cluster after the reports are clustered:
    # a word that only names the happening must not weigh in the average
    # that decides which reports are one happening (with two copies of an
    # article, its low scores against the other reports split them)
    referring = {r for r, _, _ in attached}
    reports = [item for item in scored if item[0] not in referring and item[1] not in referring]
    parent = _average_link(infos, reports, threshold, {(i, j) for i, j in copies})
    for r, k, _ in attached:
        parent[r] = parent[k]
    smallest: dict[int, int] = {}
    for i, root in enumerate(parent):  # a cluster's root is its smallest position
        smallest.setdefault(root, i)
    parent = [smallest[root] for root in parent]
    groups: dict[int, list[EventMention]] = {}
    for i in range(size):
        groups.setdefault(parent[i], []).append(ordered[i])
    why: dict[str, tuple[PairLink, ...]] = {}
    if explain:
        # a reference's tie ranks as a sure pair among the reasons
        tied = {(min(r, k), max(r, k)) for r, k, _ in attached}
        scored = [item for item in scored if (item[0], item[1]) not in tied]
        scored += [(min(r, k), max(r, k), 1.0, 0.0) for r, k, _ in attached]
        best: dict[int, list[tuple[float, int, int, float]]] = {}
        for i, j, p, h in scored:
            if parent[i] == parent[j]:
                best.setdefault(parent[i], []).append((-p, i, j, h))
        chosen = [(root, item) for root in sorted(best) for item in sorted(best[root])[:explain]]
        copy_set = set(copies)
        asked = [item for _, item in chosen if (item[1], item[2]) not in copy_set]
        told = dict(
            zip(
                [(i, j) for _, i, j, _ in asked],
                reasons(story, [i for _, i, _, _ in asked], [j for _, _, j, _ in asked], [h for *_, h in asked], model),
            )
        )
        for root, (neg, i, j, _) in chosen:
            link = PairLink(ordered[i].id, ordered[j].id, round(-neg, 4), told.get((i, j), (("reprint", 1.0),)))
            why[ordered[root].id] = why.get(ordered[root].id, ()) + (link,)
        for i, j, p in attached:
            link = PairLink(ordered[i].id, ordered[j].id, round(p, 4), (("refers back in its article", 1.0),))
            root = ordered[parent[i]].id
            pair = {link.first, link.second}
            why[root] = (link,) + tuple(x for x in why.get(root, ()) if {x.first, x.second} != pair)
    return list(groups.values()), why


def _references(
    ordered: Sequence[EventMention], infos: Sequence[MentionInfo], prob: Mapping[tuple[int, int], float]
) -> list[tuple[int, int, float]]:
    """A happening its sentence only refers to, with no doer ("the shelling
    of the town", "after the bombing": ``EventMention.reference``), is the
    event of its type its article reports elsewhere, when there is one: it
    is tied to the report of its article of that type the model scores
    closest (ties to the smaller position) before clustering, which the
    rules may still refuse. A mention with no doer and no date of its own
    that names a target is taken so too, by a report naming that target.
    Returns (reference, report, model score) pairs."""
    by_place: dict[tuple[str, str], list[int]] = {}
    for k, (m, info) in enumerate(zip(ordered, infos)):
        if not _refers_back(m, info):
            by_place.setdefault((info.article, info.type), []).append(k)
    ties = []
    for r, (m, info) in enumerate(zip(ordered, infos)):
        if not _refers_back(m, info):
            continue
        best = None
        for k in by_place.get((info.article, info.type), ()):
            if not m.reference and info.targets.isdisjoint(infos[k].targets):
                continue
            if not _compatible(info, infos[k], False):
                continue
            score = prob.get((r, k) if r < k else (k, r), 0.0)
            if best is None or score > best[0]:
                best = (score, k)
        if best is not None:
            ties.append((r, best[1], best[0]))
    return ties


def _refers_back(mention: EventMention, info: MentionInfo) -> bool:
    """Told as a happening known from elsewhere in its article: marked so by
    the extractor, or with no doer and no date of its own but a target
    (then only a report naming that target may take it)."""
    return mention.reference or (not info.sources and info.lo is None and bool(info.targets))


def _average_link(
    infos: Sequence[MentionInfo],
    scored: Sequence[tuple[int, int, float, float]],
    threshold: float,
    copies: set[tuple[int, int]],
) -> list[int]:
    """Average linkage over the scored pairs (positions): the root (smallest
    position) of each mention's cluster. Two clusters merge while the mean
    probability over all their cross pairs (unscored ones count 0) is at
    least ``threshold``, best first; ties fall to the smaller positions."""
    size = len(infos)
    sums: list[dict[int, float] | None] = [{} for _ in range(size)]
    copy_of: list[set[int]] = [set() for _ in range(size)]
    for i, j, p, _ in scored:
        sums[i][j] = sums[i].get(j, 0.0) + p
        sums[j][i] = sums[j].get(i, 0.0) + p
    for i, j in copies:
        copy_of[i].add(j)
        copy_of[j].add(i)
    count = [1] * size
    summary: dict[int, _Summary] = {}
    refused: list[set[int]] = [set() for _ in range(size)]
    heap = [(-p / 1.0, i, j) for i in range(size) for j, p in sums[i].items() if i < j]
    heapq.heapify(heap)
    parent = list(range(size))
    members: list[list[int]] = [[k] for k in range(size)]
    while heap:
        neg, a, b = heapq.heappop(heap)
        if sums[a] is None or sums[b] is None or b not in sums[a] or b in refused[a]:
            continue
        average = sums[a][b] / (count[a] * count[b])
        if average != -neg:
            continue  # stale: one side grew since this entry was pushed
        if average < threshold:
            break
        sa = summary.get(a) or _Summary.of(infos[a])
        sb = summary.get(b) or _Summary.of(infos[b])
        merged = sa.merge(sb, bool(copy_of[a]) and not copy_of[a].isdisjoint(members[b]))
        if merged is None:
            refused[a].add(b)
            refused[b].add(a)
            continue
        root, other = (a, b) if a < b else (b, a)
        for k, v in sums[other].items():
            if k == root:
                continue
            sums[root][k] = sums[root].get(k, 0.0) + v
            sums[k][root] = sums[root][k]
            del sums[k][other]
        del sums[root][other]
        sums[other] = None
        for k in refused[other]:
            refused[k].discard(other)
            refused[k].add(root)
        refused[root] |= refused[other]
        refused[root].discard(root)
        copy_of[root] |= copy_of[other]
        count[root] += count[other]
        summary.pop(other, None)
        summary[root] = merged
        for k in members[other]:
            parent[k] = root
        members[root] += members[other]
        members[other] = []
        for k, v in sums[root].items():
            if k not in refused[root]:
                heapq.heappush(heap, (-(v / (count[root] * count[k])), min(root, k), max(root, k)))
    return parent


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
        return _Summary(
            m.type, m.modality == "negated", m.modality in IRREALIS, m.modality in FACTUAL, m.lo is None, m.lo, m.hi
        )

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
