"""From a group of coreferent mentions to one Event record."""

from __future__ import annotations

from collections import Counter
from typing import Mapping, Sequence

from ..models import ActorRef, Article, Event, EventMention, PairLink, TimeValue, stable_id
from ..serialize import dumps
from .cluster import UnionFind
from .features import FACTUAL, normalise_name, object_words, precision_rank, sentence_key, times_overlap
from .summary import summarise

#: Which mention speaks for the event: a fact over a claim over a plan.
MODALITY_RANK = {
    "asserted": 0,
    "announced": 1,
    "reported": 2,
    "historical": 3,
    "planned": 4,
    "threatened": 5,
    "hypothetical": 6,
    "negated": 7,
}

#: How a date was found, most trustworthy first.
BASIS_RANK = {"explicit": 0, "metadata": 1, "header": 2, "relative": 3, "url": 4, "inferred": 5, "unknown": 6}


def best_mention(mentions: Sequence[EventMention]) -> EventMention:
    """A fact over a claim over a plan; then the report with the most precise
    date; then the one whose object the other reports name most ("refuses to
    extend the grain agreement" over "ends the deal"); then confidence."""
    objects = {m.id: object_words(m) for m in mentions}
    named = Counter(w for words in objects.values() for w in words)

    def shared(m: EventMention) -> int:
        return sum(named[w] - 1 for w in objects[m.id])

    return min(
        mentions,
        key=lambda m: (MODALITY_RANK.get(m.modality, 9), precision_rank(m.time), -shared(m), -m.confidence, m.id),
    )


def best_time(mentions: Sequence[EventMention]) -> TimeValue | None:
    """The most precise date that agrees with the most other dates of the
    event: a stray "Thursday" resolved against the wrong week does not win
    against three reports that say Tuesday."""
    times = [m.time for m in mentions if m.time is not None and m.time.is_known]
    if not times:
        return None
    # over distinct values, weighted by how many mentions give each: an event
    # reported hundreds of times repeats a handful of dates, and comparing
    # every mention with every other made it quadratic in its reports
    count = Counter(times)
    support = {t: sum(n for u, n in count.items() if times_overlap(t, u) is not False) for t in count}
    # The key ends in the whole serialised value, so that ties never fall
    # to set order (which changes with the process's hash seed).
    return min(
        set(times),
        key=lambda t: (-support[t], precision_rank(t), BASIS_RANK.get(t.basis, 9), t.value, str(t.earliest), dumps(t)),
    )


def merge_actors(groups: Sequence[Sequence[ActorRef]]) -> tuple[ActorRef, ...]:
    """One ActorRef per actor, the resolved form preferred."""
    chosen: dict[str, ActorRef] = {}
    for actors in groups:
        for a in actors:
            key = normalise_name(a.name)
            old = chosen.get(key)
            if old is None or (a.resolved and not old.resolved):
                chosen[key] = a
    return tuple(chosen[k] for k in sorted(chosen))


def source_count(mentions: Sequence[EventMention], articles: Mapping[str, Article]) -> int:
    """Distinct publishers. An article without a known publisher counts as its
    own source, except that articles reporting the event in the very same
    sentence count once: a reprint, or a revised copy of one story, is not a
    second witness."""
    publishers: set[str] = set()
    unknown = UnionFind()
    first_with: dict[str, str] = {}
    for m in mentions:
        article = articles.get(m.article_id)
        publisher = article.publisher if article is not None else None
        if publisher:
            publishers.add(publisher.strip().lower())
            continue
        unknown.find(m.article_id)  # a set of its own until joined
        key = sentence_key(m)
        if key in first_with:
            unknown.union(first_with[key], m.article_id)
        else:
            first_with[key] = m.article_id
    return len(publishers) + len(unknown.groups())


def build_event(
    mentions: Sequence[EventMention], articles: Mapping[str, Article], links: Sequence[PairLink] = ()
) -> Event:
    """One Event of coreferent mentions; ``links`` are the pair scores that
    joined them (kept so ``storyline show`` can say why)."""
    mentions = sorted(mentions, key=lambda m: m.id)
    best = best_mention(mentions)
    # sources/targets of a fact, not of the plans and denials merged into it
    factual = [m for m in mentions if m.modality in FACTUAL] or mentions
    ordered = [best] + [m for m in factual if m is not best]
    return Event(
        id=stable_id("ev", *[m.id for m in mentions]),
        type=best.type,
        cameo=best.cameo,
        mode=best.mode,
        modality=best.modality,
        time=best_time(mentions),
        sources=merge_actors([m.sources for m in ordered]),
        targets=merge_actors([m.targets for m in ordered]),
        location=next((m.location for m in ordered if m.location is not None), None),
        summary=summarise(best),
        mention_ids=tuple(m.id for m in mentions),
        source_count=source_count(mentions, articles),
        links=tuple(links),
    )
