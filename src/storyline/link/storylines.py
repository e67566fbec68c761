"""Storylines (groups of related events) and recurring episodes.

An *episode* is one occurrence of a recurring act: the same action between
the same parties at different times (the 2015, 2020 and 2023 declarations
that security coordination with Israel is over). Episodes stay separate
events, because each has its own date and sources, and are linked through
``Storyline.episodes``.

Two events join a storyline when they are episodes of one recurring act,
or when one article reports both and they share an actor. Linking on a
shared actor alone would pour half of a Middle East corpus into one
"Israel" storyline, so an article (or a recurring act) must vouch for it.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..models import Event, EventMention, Storyline, stable_id
from .cluster import UnionFind
from .features import actor_keys, lemma_group, normalise_name

#: Modalities that do not make an occurrence of the act.
NOT_AN_EPISODE = frozenset({"negated", "hypothetical"})


def recurrence_key(event: Event, lemma: str) -> tuple | None:
    """Events with the same key are the same kind of act; they recur when
    they also share a party on each side (see ``find_episodes``)."""
    if not event.sources and not event.targets:
        return None
    return (event.type, event.mode or "", lemma_group(lemma))


def _date_key(event: Event) -> str:
    t = event.time
    return t.earliest.isoformat() if t is not None and t.earliest is not None else "9999"


def _same_parties(a: Event, b: Event) -> bool:
    """A party in common on each side named by both: the 2020 declaration
    against Israel and the United States recurs the 2015 one against Israel."""
    for side_a, side_b in ((a.sources, b.sources), (a.targets, b.targets)):
        keys_a, keys_b = actor_keys(side_a), actor_keys(side_b)
        if keys_a and keys_b and not keys_a & keys_b:
            return False
    return bool(actor_keys(a.sources) & actor_keys(b.sources) or actor_keys(a.targets) & actor_keys(b.targets))


def find_episodes(events: Sequence[Event], mentions: Mapping[str, EventMention]) -> list[tuple[str, ...]]:
    """Tuples of event ids (in date order), one per recurring act with at
    least two occurrences at different dates."""
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        if event.modality in NOT_AN_EPISODE or event.time is None or not event.time.is_known:
            continue
        key = recurrence_key(event, _event_lemma(event, mentions))
        if key is not None:
            groups.setdefault(key, []).append(event)
    episodes = []
    for key in sorted(groups, key=repr):
        members = sorted(groups[key], key=lambda e: (_date_key(e), e.id))
        sets = UnionFind(e.id for e in members)
        # only events sharing a party can recur one another: compare inside
        # each party's bucket, with a date-ordered window for huge buckets
        buckets: dict[str, list[Event]] = {}
        for event in members:
            for party in sorted(actor_keys(event.sources) | actor_keys(event.targets)):
                buckets.setdefault(party, []).append(event)
        for party in sorted(buckets):
            bucket = buckets[party]
            for i, a in enumerate(bucket):
                for b in bucket[i + 1:i + 1 + 50]:
                    if _same_parties(a, b):
                        sets.union(a.id, b.id)
        by_id = {e.id: e for e in members}
        for ids in sets.groups():
            occurrences = sorted((by_id[i] for i in ids), key=lambda e: (_date_key(e), e.id))
            if len({e.time.value for e in occurrences}) >= 2:
                episodes.append(tuple(e.id for e in occurrences))
    return sorted(episodes)


def _event_lemma(event: Event, mentions: Mapping[str, EventMention]) -> str:
    lemmas = sorted(mentions[i].lemma.lower() for i in event.mention_ids if i in mentions)
    if not lemmas:
        return ""
    # the most frequent trigger lemma speaks for the event
    return max(sorted(set(lemmas)), key=lemmas.count)


def build_storylines(events: Sequence[Event], mentions: Mapping[str, EventMention],
                     episodes: Sequence[tuple[str, ...]],
                     article_story: Mapping[str, str] | None = None) -> list[Storyline]:
    """``article_story`` (article id -> story cluster, see ``stories.py``)
    widens "reported in one article" to "reported in one story"."""
    from .summary import storyline_label

    by_id = {e.id: e for e in events}
    sets = UnionFind(sorted(by_id))
    for group in episodes:
        for other in group[1:]:
            sets.union(group[0], other)
    # events reported in one article (or story) that share an actor belong together
    story = article_story or {}
    by_article: dict[str, list[Event]] = {}
    for event in events:
        articles = {mentions[i].article_id for i in event.mention_ids if i in mentions}
        for article in sorted({story.get(a, a) for a in articles}):
            by_article.setdefault(article, []).append(event)
    for article in sorted(by_article):
        members = by_article[article]
        owners: dict[str, str] = {}
        for event in members:
            for actor in (*event.sources, *event.targets):
                key = normalise_name(actor.name)
                if key in owners:
                    sets.union(owners[key], event.id)
                else:
                    owners[key] = event.id
    episodes_of: dict[str, list[tuple[str, ...]]] = {}
    for ep in episodes:
        episodes_of.setdefault(sets.find(ep[0]), []).append(ep)
    storylines = []
    for group in sets.groups():
        members = [by_id[i] for i in group]
        own_episodes = tuple(sorted(episodes_of.get(sets.find(group[0]), [])))
        storylines.append(Storyline(
            id=stable_id("st", *group),
            label=storyline_label(members),
            event_ids=tuple(sorted(group, key=lambda i: (_date_key(by_id[i]), i))),
            episodes=own_episodes,
        ))
    return sorted(storylines, key=lambda s: s.id)
