"""Linking a database, story by story: what a build runs after writing.

Only the articles not linked yet are looked at first. Their story keys
(``stories.story_keys``) find the stored stories they share a key with;
each such group of stories plus new articles becomes one story, linked
from its own records (``link_story``). Episodes and storylines are then
worked out corpus-wide from a few short columns per event. The result is
the one a single build of the whole corpus gives (see ``storyline.link``).

Memory stays bounded by the chunk sizes below, not by the corpus: keys are
worked out from publication dates and mentions a chunk of articles at a
time, and stories are linked a chunk of articles at a time.
"""

from __future__ import annotations

import dataclasses
from typing import Iterator, Sequence

from ..iterate import batches
from ..models import EventMention, Statement
from ..settings import Settings
from ..store import Store, StoryUpdate
from . import assemble, link_story
from .cluster import UnionFind
from .stories import story_id, story_keys
from .storylines import make_storyline

#: Articles whose records a relink holds at once (whole stories, so more when one story is bigger).
LINK_CHUNK = 2000

#: New articles whose mentions are read at once to work out their story keys.
KEY_CHUNK = 2000


def relink(store: Store, settings: Settings) -> int:
    """Link the articles not linked yet, relinking only the stories they
    join. Returns the number of stories (re)linked."""
    if not store.needs_linking():
        return 0
    pending = store.unlinked_article_ids()
    keys = _pending_keys(store, pending)
    members, old_stories = _stories_touched(store, pending, keys)

    parts = []
    for chunk in _story_chunks(members, LINK_CHUNK):
        parts += _link_stories(store, chunk, members, settings.link_threshold)

    kept = store.kept_events(old_stories)
    result = assemble(parts, [(i, root, day, item) for i, root, day, item, _ in kept])
    storyline_of = {event_id: result.extra["storyline_of"][group]
                    for group in result.extra["groups"] for event_id in group}
    existing = store.storyline_ids()
    wanted = set(result.extra["storyline_of"].values())
    new_events = {e.id: e for e in result.events}
    # storylines that did not exist before are written whole, so the events
    # of theirs that were kept (not relinked) are loaded too
    fresh_groups = [g for g in result.extra["groups"] if result.extra["storyline_of"][g] not in existing]
    loaded = {e.id: e for e in store.events_by_ids(
        sorted({i for g in fresh_groups for i in g if i not in new_events}))}
    moved_ids = [i for i, _, _, _, sl in kept if storyline_of[i] != sl]
    moved_records = {e.id: e for e in store.events_by_ids(sorted(set(moved_ids) - set(loaded)))} | loaded
    store.replace_story_links(StoryUpdate(
        old_stories=old_stories,
        members=members,
        events=result.events,
        story_of_event={e.id: part.story for part in parts for e in part.events},
        roots={i: r for part in parts for i, r in part.roots.items()},
        items={item["id"]: item for part in parts for item in part.items},
        contradictions=[(part.story, c) for part in parts for c in part.contradictions],
        keys=[(aid, k) for aid in pending for k in sorted(keys[aid])],
        moved=[dataclasses.replace(moved_records[i], storyline=storyline_of[i]) for i in moved_ids],
        storylines_new=[make_storyline([new_events.get(i) or loaded[i] for i in g], result.extra["episode_list"])
                        for g in fresh_groups],
        storylines_gone=sorted(existing - wanted),
    ))
    return len(members)


def _pending_keys(store: Store, pending: Sequence[str]) -> dict[str, set[str]]:
    """Story keys of the new articles. Keys need only each article's
    publication date and its mentions, so no article record (or text) is
    loaded, and mentions are read a chunk of articles at a time."""
    keys: dict[str, set[str]] = {}
    for chunk in batches(pending, KEY_CHUNK):
        published = store.published_of(chunk)
        mentions: dict[str, list[EventMention]] = {}
        for m in store.records_of_articles(EventMention, "mentions", chunk):
            mentions.setdefault(m.article_id, []).append(m)
        for aid in chunk:
            keys[aid] = story_keys(published.get(aid), mentions.get(aid, ()))
    return keys


def _stories_touched(store: Store, pending: Sequence[str],
                     keys: dict[str, set[str]]) -> tuple[dict[str, list[str]], list[str]]:
    """New articles and the stored stories they reach, joined through
    shared keys: the members of each story to (re)link, and the stored
    stories those replace."""
    sets = UnionFind(("article", aid) for aid in pending)
    owner: dict[str, tuple] = {}
    for aid in pending:
        for key in sorted(keys[aid]):
            if key in owner:
                sets.union(owner[key], ("article", aid))
            else:
                owner[key] = ("article", aid)
    for key, sid in store.stories_with_keys(sorted(owner)):
        sets.union(owner[key], ("story", sid))
    groups = [g for g in sets.groups() if any(kind == "article" for kind, _ in g)]
    old_stories = sorted({sid for g in groups for kind, sid in g if kind == "story"})
    old_members = store.story_members(old_stories)
    members: dict[str, list[str]] = {}
    for group in groups:
        aids = sorted({aid for kind, x in group for aid in ([x] if kind == "article" else old_members.get(x, []))})
        members[story_id(aids)] = aids
    return members, old_stories


def _story_chunks(members: dict[str, list[str]], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    count = 0
    for sid in sorted(members):
        if chunk and count + len(members[sid]) > size:
            yield chunk
            chunk, count = [], 0
        chunk.append(sid)
        count += len(members[sid])
    if chunk:
        yield chunk


def _link_stories(store: Store, chunk: Sequence[str], members: dict[str, list[str]], threshold: float) -> list:
    """Link a chunk of stories from their records: a full relink of a big
    corpus holds the text of a few thousand articles, not all of them."""
    everyone = sorted(aid for sid in chunk for aid in members[sid])
    articles = {a.id: a for a in store.articles_by_ids(everyone)}
    mentions: dict[str, list[EventMention]] = {}
    for m in store.records_of_articles(EventMention, "mentions", everyone):
        mentions.setdefault(m.article_id, []).append(m)
    statements: dict[str, list[Statement]] = {}
    for st in store.records_of_articles(Statement, "statements", everyone):
        statements.setdefault(st.article_id, []).append(st)
    return [link_story(sid, [articles[a] for a in members[sid] if a in articles],
                       [m for a in members[sid] for m in mentions.get(a, ())],
                       [st for a in members[sid] for st in statements.get(a, ())], threshold)
            for sid in chunk]
