"""The link stage: from per-sentence mentions to events, storylines,
recurring episodes and contradictions across a whole corpus.

Linking runs story by story (``stories.mention_keys``): a story is a set
of mentions (one happening or a tight sequence of them) with the articles
they come from, and the statements of those articles. Events, the
storyline groups inside a story and contradictions depend only on the
story's own records, so a build that adds articles relinks only the
stories their mentions join. Recurring episodes span stories (the 2015 and
2020 declarations are years apart) and so do articles (one article reports
events of several stories); both are joined corpus-wide over small
per-event records (``episode_item``, ``event_anchors``), never the text.

``link`` is deterministic and independent of input order: every id is a
``stable_id`` over sorted member ids, so re-building the same corpus
changes nothing, and building it in parts gives what building it at once does.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from ..models import Article, Contradiction, Event, EventMention, LinkResult, Statement, stable_id
from .contradictions import find_contradictions
from .coref import cluster_mentions, link_mentions
from .events import build_event
from .stories import cluster_articles, group_stories, mention_keys, reference_keys, story_keys
from .storylines import (
    build_storylines,
    date_key,
    episode_item,
    episodes_from_items,
    event_anchors,
    find_episodes,
    local_roots,
    make_storyline,
    storyline_groups,
)

__all__ = [
    "link",
    "link_story",
    "story_members",
    "StoryLinks",
    "assemble",
    "cluster_articles",
    "cluster_mentions",
    "build_event",
    "find_episodes",
    "build_storylines",
    "find_contradictions",
    "story_keys",
    "mention_keys",
    "group_stories",
]


@dataclass(frozen=True)
class StoryLinks:
    """What linking one story yields. ``roots`` maps each event to the
    smallest event of the story it is grouped with (a shared actor);
    ``items`` holds the ``episode_item`` of the events that can recur;
    ``anchors`` each event's ``event_anchors``."""

    story: str
    events: tuple[Event, ...]
    roots: Mapping[str, str]
    items: tuple[dict, ...]
    contradictions: tuple[Contradiction, ...]
    anchors: Mapping[str, tuple[str, ...]] = None


def link(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    statements: Sequence[Statement],
    threshold: float | None = None,
) -> LinkResult:
    """Merge mentions of one happening into events, group events into
    storylines with their recurring episodes, and flag contradictions.

    ``threshold`` is the pair score (0..1) above which two compatible
    mentions are taken to report the same happening.
    """
    # the cyclic collector rescans every live mention on each generation-2
    # pass, which makes a big corpus cost more than linearly; linking makes
    # no reference cycles worth collecting, so pause it for the duration
    paused = gc.isenabled()
    gc.disable()
    try:
        return _link(articles, mentions, statements, threshold)
    finally:
        if paused:
            gc.enable()


def _link(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    statements: Sequence[Statement],
    threshold: float | None,
) -> LinkResult:
    by_article = {a.id: a for a in articles}
    by_mention = {m.id: m for m in mentions}
    refers = reference_keys(list(by_mention.values()))
    members = story_members(
        {
            m.id: mention_keys(_published(by_article.get(m.article_id)), m) + ([refers[m.id]] if m.id in refers else [])
            for m in by_mention.values()
        }
    )
    said: dict[str, list[Statement]] = {}
    for s in statements:
        said.setdefault(s.article_id, []).append(s)
    parts = []
    largest = 0
    for sid in sorted(members):
        ids = members[sid]
        aids = sorted({by_mention[i].article_id for i in ids})
        largest = max(largest, len(aids))
        parts.append(
            link_story(
                sid,
                [by_article[a] for a in aids if a in by_article],
                [by_mention[i] for i in ids],
                [s for a in aids for s in said.get(a, ())],
                threshold,
            )
        )
    result = assemble(parts, [])
    return replace(
        result,
        extra={
            "mentions": len(by_mention),
            "episodes": result.extra["episodes"],
            "stories": len(members),
            "largest_story": largest,
        },
    )


def _published(article: Article | None):
    return article.published if article is not None else None


def story_members(keys: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Story id -> its mention ids (sorted), from each mention's keys."""
    members: dict[str, list[str]] = {}
    for mid, sid in sorted(group_stories(keys).items()):
        members.setdefault(sid, []).append(mid)
    return members


def link_story(
    story: str,
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    statements: Sequence[Statement],
    threshold: float | None = None,
) -> StoryLinks:
    """Events, storyline groups and contradictions of one story, from its
    own records only (the IDF of sentence vectors is the story's too).
    ``statements`` are those of the story's articles: a statement of an
    article in several stories is read in each, and a contradiction found
    belongs to the story of its event or mentions, so none is found twice."""
    by_article = {a.id: a for a in articles}
    by_mention = {m.id: m for m in mentions}
    groups, why = link_mentions(list(by_mention.values()), threshold=threshold, articles=by_article)
    events = sorted((build_event(group, by_article, why.get(group[0].id, ())) for group in groups), key=lambda e: e.id)
    roots = local_roots(
        events, by_mention, {aid: story for aid in by_article} | {m.article_id: story for m in by_mention.values()}
    )
    items = tuple(i for i in (episode_item(e, by_mention) for e in events) if i is not None)
    contradictions = find_contradictions(events, by_mention, statements, by_article)
    anchors = {e.id: event_anchors(e, by_mention) for e in events}
    return StoryLinks(story, tuple(events), roots, items, tuple(contradictions), anchors)


def assemble(
    parts: Sequence[StoryLinks], others: Sequence[tuple[str, str, str, dict | None, Sequence[str]]]
) -> LinkResult:
    """Join stories into one result: episodes across all of them, then
    storylines. ``others`` describes events linked earlier and kept (the
    stories a build did not touch) as (event id, root, date key, episode
    item, anchors); their storylines are included in the result's, their
    events not."""
    roots: dict[str, str] = {}
    dates: dict[str, str] = {}
    anchors: dict[str, Sequence[str]] = {}
    items: list[dict] = []
    for event_id, root, day, item, anchored in others:
        roots[event_id], dates[event_id], anchors[event_id] = root, day, anchored
        if item is not None:
            items.append(item)
    events = [e for part in parts for e in part.events]
    for part in parts:
        roots.update(part.roots)
        anchors.update(part.anchors or {})
        items.extend(part.items)
    for e in events:
        dates[e.id] = date_key(e)
    episodes = episodes_from_items(items)
    groups = storyline_groups(roots, dates, episodes, anchors)
    story_of = {event_id: group for group in groups for event_id in group}
    by_id = {e.id: e for e in events}
    storyline_id = {group: stable_id("st", *sorted(group)) for group in groups}
    events = sorted((replace(e, storyline=storyline_id[story_of[e.id]]) for e in events), key=lambda e: e.id)
    storylines = []
    for group in groups:
        if all(i in by_id for i in group):
            storylines.append(make_storyline([by_id[i] for i in group], episodes))
    contradictions = {c.id: c for part in parts for c in part.contradictions}
    return LinkResult(
        events=tuple(events),
        storylines=tuple(sorted(storylines, key=lambda s: s.id)),
        contradictions=tuple(contradictions[k] for k in sorted(contradictions)),
        extra={"episodes": len(episodes), "groups": groups, "storyline_of": storyline_id, "episode_list": episodes},
    )
