"""The link stage: from per-sentence mentions to events, storylines,
recurring episodes and contradictions across a whole corpus.

Linking runs story by story (``stories.story_keys``): events, the
storyline groups inside a story and contradictions depend only on the
story's own articles, mentions and statements, so a build that adds
articles relinks only the stories they join. Recurring episodes span
stories (the 2015 and 2020 declarations are years apart); they are found
corpus-wide over small per-event records (``episode_item``), never the text.

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
from .coref import cluster_mentions
from .events import build_event
from .stories import cluster_articles, group_stories, story_keys
from .storylines import (
    build_storylines, date_key, episode_item, episodes_from_items, find_episodes, local_roots, make_storyline,
    storyline_groups,
)

__all__ = ["link", "link_story", "StoryLinks", "assemble", "cluster_articles", "cluster_mentions",
           "build_event", "find_episodes", "build_storylines", "find_contradictions", "story_keys",
           "group_stories"]


@dataclass(frozen=True)
class StoryLinks:
    """What linking one story yields. ``roots`` maps each event to the
    smallest event of the story it is grouped with (a shared actor);
    ``items`` holds the ``episode_item`` of the events that can recur."""

    story: str
    events: tuple[Event, ...]
    roots: Mapping[str, str]
    items: tuple[dict, ...]
    contradictions: tuple[Contradiction, ...]


def link(articles: Sequence[Article], mentions: Sequence[EventMention], statements: Sequence[Statement],
         threshold: float = 0.5) -> LinkResult:
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


def _link(articles: Sequence[Article], mentions: Sequence[EventMention], statements: Sequence[Statement],
          threshold: float) -> LinkResult:
    by_article = {a.id: a for a in articles}
    by_mention = {m.id: m for m in mentions}
    of_article: dict[str, list[EventMention]] = {}
    for m in by_mention.values():
        of_article.setdefault(m.article_id, []).append(m)
    ids = sorted(set(by_article) | set(of_article))
    story = group_stories({a: story_keys(by_article[a].published if a in by_article else None,
                                         of_article.get(a, ())) for a in ids})
    members: dict[str, list[str]] = {}
    for aid in ids:
        members.setdefault(story[aid], []).append(aid)
    said: dict[str, list[Statement]] = {}
    for s in statements:
        said.setdefault(story.get(s.article_id, s.article_id), []).append(s)
    parts = []
    for sid in sorted(members):
        aids = members[sid]
        parts.append(link_story(sid, [by_article[a] for a in aids if a in by_article],
                                [m for a in aids for m in of_article.get(a, ())], said.get(sid, ()),
                                threshold))
    result = assemble(parts, [])
    return replace(result, extra={"mentions": len(by_mention), "episodes": result.extra["episodes"],
                                  "stories": len(members)})


def link_story(story: str, articles: Sequence[Article], mentions: Sequence[EventMention],
               statements: Sequence[Statement], threshold: float = 0.5) -> StoryLinks:
    """Events, storyline groups and contradictions of one story, from its
    own records only (the IDF of sentence vectors is the story's too)."""
    by_article = {a.id: a for a in articles}
    by_mention = {m.id: m for m in mentions}
    groups = cluster_mentions(list(by_mention.values()), threshold=threshold)
    events = sorted((build_event(group, by_article) for group in groups), key=lambda e: e.id)
    roots = local_roots(events, by_mention, {aid: story for aid in by_article} |
                        {m.article_id: story for m in by_mention.values()})
    items = tuple(i for i in (episode_item(e, by_mention) for e in events) if i is not None)
    contradictions = find_contradictions(events, by_mention, statements, by_article)
    return StoryLinks(story, tuple(events), roots, items, tuple(contradictions))


def assemble(parts: Sequence[StoryLinks], others: Sequence[tuple[str, str, str, dict | None]]) -> LinkResult:
    """Join stories into one result: episodes across all of them, then
    storylines. ``others`` describes events linked earlier and kept (the
    stories a build did not touch) as (event id, root, date key, episode
    item); their storylines are included in the result's, their events not."""
    roots: dict[str, str] = {}
    dates: dict[str, str] = {}
    items: list[dict] = []
    for event_id, root, day, item in others:
        roots[event_id], dates[event_id] = root, day
        if item is not None:
            items.append(item)
    events = [e for part in parts for e in part.events]
    for part in parts:
        roots.update(part.roots)
        items.extend(part.items)
    for e in events:
        dates[e.id] = date_key(e)
    episodes = episodes_from_items(items)
    groups = storyline_groups(roots, dates, episodes)
    story_of = {event_id: group for group in groups for event_id in group}
    by_id = {e.id: e for e in events}
    storyline_id = {group: stable_id("st", *sorted(group)) for group in groups}
    events = sorted((replace(e, storyline=storyline_id[story_of[e.id]]) for e in events), key=lambda e: e.id)
    storylines = []
    for group in groups:
        if all(i in by_id for i in group):
            storylines.append(make_storyline([by_id[i] for i in group], episodes))
    contradictions = {c.id: c for part in parts for c in part.contradictions}
    return LinkResult(events=tuple(events), storylines=tuple(sorted(storylines, key=lambda s: s.id)),
                      contradictions=tuple(contradictions[k] for k in sorted(contradictions)),
                      extra={"episodes": len(episodes), "groups": groups, "storyline_of": storyline_id,
                             "episode_list": episodes})
