"""Storylines (groups of related events) and recurring episodes.

An *episode* is one occurrence of a recurring act: the same action between
the same parties at different times (the 2015, 2020 and 2023 declarations
that security coordination with Israel is over). Episodes stay separate
events, because each has its own date and sources, and are linked through
``Storyline.episodes``.

Two events join a storyline when they are episodes of one recurring act,
or when one article (or one story) reports both and they share an actor.
Linking on a shared actor alone would pour half of a Middle East corpus
into one "Israel" storyline, so an article, a story or a recurring act must
vouch for it. Stories are sets of mentions (``stories.py``), so one article
can report events of several stories: the shared-article rule works
corpus-wide over short *anchors* (article id and actor name) per event.
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


def date_key(event: Event) -> str:
    t = event.time
    return t.earliest.isoformat() if t is not None and t.earliest is not None else "9999"


def episode_item(event: Event, mentions: Mapping[str, EventMention]) -> dict | None:
    """What recurrence needs of one event, small enough to keep in the
    database and compare corpus-wide without the articles' text: its act
    key, its date, and the parties on each side. None when the event cannot
    be an episode (negated, hypothetical, undated, or without parties)."""
    if event.modality in NOT_AN_EPISODE or event.time is None or not event.time.is_known:
        return None
    key = recurrence_key(event, _event_lemma(event, mentions))
    if key is None:
        return None
    return {
        "id": event.id,
        "key": repr(key),
        "date": date_key(event),
        "value": event.time.value,
        "sources": sorted(actor_keys(event.sources)),
        "targets": sorted(actor_keys(event.targets)),
    }


def _same_party_items(a: dict, b: dict) -> bool:
    """A party in common on each side named by both: the 2020 declaration
    against Israel and the United States recurs the 2015 one against Israel."""
    for side in ("sources", "targets"):
        if a[side] and b[side] and not set(a[side]) & set(b[side]):
            return False
    return bool(set(a["sources"]) & set(b["sources"]) or set(a["targets"]) & set(b["targets"]))


def find_episodes(events: Sequence[Event], mentions: Mapping[str, EventMention]) -> list[tuple[str, ...]]:
    """Tuples of event ids (in date order), one per recurring act with at
    least two occurrences at different dates."""
    return episodes_from_items([i for i in (episode_item(e, mentions) for e in events) if i is not None])


def episodes_from_items(items: Sequence[dict]) -> list[tuple[str, ...]]:
    """``find_episodes`` over ``episode_item`` records, the form the
    incremental build keeps for every event of the corpus."""
    groups: dict[str, list[dict]] = {}
    for item in items:
        groups.setdefault(item["key"], []).append(item)
    episodes = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda e: (e["date"], e["id"]))
        sets = UnionFind(e["id"] for e in members)
        # only events sharing a party can recur one another: compare inside
        # each party's bucket, with a date-ordered window for huge buckets
        buckets: dict[str, list[dict]] = {}
        for item in members:
            for party in sorted(set(item["sources"]) | set(item["targets"])):
                buckets.setdefault(party, []).append(item)
        for party in sorted(buckets):
            bucket = buckets[party]
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 : i + 1 + 50]:
                    if _same_party_items(a, b):
                        sets.union(a["id"], b["id"])
        by_id = {e["id"]: e for e in members}
        for ids in sets.groups():
            occurrences = sorted((by_id[i] for i in ids), key=lambda e: (e["date"], e["id"]))
            if len({e["value"] for e in occurrences}) >= 2:
                episodes.append(tuple(e["id"] for e in occurrences))
    return sorted(episodes)


def _event_lemma(event: Event, mentions: Mapping[str, EventMention]) -> str:
    own = [mentions[i] for i in event.mention_ids if i in mentions]
    # the reports speak for the event, not a word that only refers back to it
    # ("the cessation" of a declared end is still the declaration's episode)
    reports = [m for m in own if not m.reference] or own
    lemmas = sorted(m.lemma.lower() for m in reports)
    if not lemmas:
        return ""
    # the most frequent trigger lemma speaks for the event
    return max(sorted(set(lemmas)), key=lemmas.count)


def build_storylines(
    events: Sequence[Event],
    mentions: Mapping[str, EventMention],
    episodes: Sequence[tuple[str, ...]],
    article_story: Mapping[str, str] | None = None,
) -> list[Storyline]:
    """``article_story`` (article id -> story cluster, see ``stories.py``)
    widens "reported in one article" to "reported in one story"."""
    by_id = {e.id: e for e in events}
    roots = local_roots(events, mentions, article_story)
    groups = storyline_groups(
        roots, {e.id: date_key(e) for e in events}, episodes, {e.id: event_anchors(e, mentions) for e in events}
    )
    return sorted((make_storyline([by_id[i] for i in group], episodes) for group in groups), key=lambda s: s.id)


def local_roots(
    events: Sequence[Event], mentions: Mapping[str, EventMention], article_story: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Event id -> the smallest event id it is joined with because one
    article (or story) reports both and they share an actor. Computed per
    story, so the incremental build recomputes it only for stories that changed."""
    sets = UnionFind(sorted(e.id for e in events))
    story = article_story or {}
    by_article: dict[str, list[Event]] = {}
    for event in events:
        articles = {mentions[i].article_id for i in event.mention_ids if i in mentions}
        for article in sorted({story.get(a, a) for a in articles}):
            by_article.setdefault(article, []).append(event)
    for article in sorted(by_article):
        owners: dict[str, str] = {}
        for event in by_article[article]:
            for actor in (*event.sources, *event.targets):
                key = normalise_name(actor.name)
                if key in owners:
                    sets.union(owners[key], event.id)
                else:
                    owners[key] = event.id
    return {e.id: sets.find(e.id) for e in events}


def event_anchors(event: Event, mentions: Mapping[str, EventMention]) -> tuple[str, ...]:
    """ "article id|actor name" for each article reporting the event and each
    actor of the event: two events sharing an anchor are reported by one
    article and share an actor, whatever stories they were linked in."""
    articles = sorted({mentions[i].article_id for i in event.mention_ids if i in mentions})
    names = sorted({normalise_name(a.name) for a in (*event.sources, *event.targets)} - {""})
    return tuple(f"{article}|{name}" for article in articles for name in names)


def storyline_groups(
    roots: Mapping[str, str],
    dates: Mapping[str, str],
    episodes: Sequence[tuple[str, ...]],
    anchors: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[str, ...]]:
    """Storylines as tuples of event ids in date order: the per-story groups
    of ``local_roots`` joined through shared anchors (``event_anchors``)
    and recurring episodes."""
    sets = UnionFind(sorted(roots))
    for event_id, root in roots.items():
        sets.union(event_id, root)
    owner: dict[str, str] = {}
    for event_id in sorted(anchors or {}):
        for anchor in anchors[event_id]:
            if anchor in owner:
                sets.union(owner[anchor], event_id)
            else:
                owner[anchor] = event_id
    for group in episodes:
        for other in group[1:]:
            sets.union(group[0], other)
    return [tuple(sorted(group, key=lambda i: (dates[i], i))) for group in sets.groups()]


def make_storyline(members: Sequence[Event], episodes: Sequence[tuple[str, ...]]) -> Storyline:
    """The Storyline record of one group of events; ``episodes`` may hold
    others' episodes too (only this group's are kept)."""
    from .summary import storyline_label

    ids = {e.id for e in members}
    return Storyline(
        id=stable_id("st", *sorted(ids)),
        label=storyline_label(members),
        event_ids=tuple(e.id for e in sorted(members, key=lambda e: (date_key(e), e.id))),
        episodes=tuple(sorted(ep for ep in episodes if ep[0] in ids)),
    )
