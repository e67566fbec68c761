"""The link stage: from per-sentence mentions to events, storylines,
recurring episodes and contradictions across a whole corpus.

``link`` is deterministic and independent of input order: mentions are
sorted by id before anything else, and every id is a ``stable_id`` over
sorted member ids, so re-building the same corpus changes nothing.
"""

from __future__ import annotations

import gc
from typing import Sequence

from ..models import Article, Event, EventMention, LinkResult, Statement
from .contradictions import find_contradictions
from .coref import cluster_mentions
from .events import build_event
from .stories import cluster_articles
from .storylines import build_storylines, find_episodes

__all__ = ["link", "cluster_articles", "cluster_mentions", "build_event", "find_episodes", "build_storylines",
           "find_contradictions"]


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
    groups = cluster_mentions(list(by_mention.values()), threshold=threshold)
    events = [build_event(group, by_article) for group in groups]
    episodes = find_episodes(events, by_mention)
    article_story = cluster_articles(list(by_article.values()))
    storylines = build_storylines(events, by_mention, episodes, article_story)
    story_of = {event_id: s.id for s in storylines for event_id in s.event_ids}
    events = sorted((_with_storyline(e, story_of.get(e.id)) for e in events), key=lambda e: e.id)
    contradictions = find_contradictions(events, by_mention, statements, by_article)
    return LinkResult(events=tuple(events), storylines=tuple(storylines),
                      contradictions=tuple(contradictions),
                      extra={"mentions": len(by_mention), "episodes": len(episodes),
                             "stories": len(set(article_story.values()))})


def _with_storyline(event: Event, storyline: str | None) -> Event:
    from dataclasses import replace

    return replace(event, storyline=storyline)
