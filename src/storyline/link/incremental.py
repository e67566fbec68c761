"""Linking a database, story by story: what a build runs after writing.

A story is a set of mentions (``stories.py``). Only the articles not linked
yet are looked at first: their mentions' story keys find the stored stories
holding one of those keys (a key belongs to one story); each group of
stored stories plus new mentions joined by shared keys becomes one story,
linked from its own records (``link_story``): its mentions, the articles
they come from and those articles' statements. Episodes and storylines are
then worked out corpus-wide from a few short columns per event. The result
is the one a single build of the whole corpus gives (see ``storyline.link``).

Memory stays bounded by the chunk sizes below, not by the corpus: keys are
worked out from publication dates and mentions a chunk of articles at a
time, and stories are linked a chunk of mentions at a time.

Everything a relink changes is written in one transaction
(``Store.replace_story_links``), with the rows that mark its articles
linked: a build killed before that commit leaves them unlinked, and the
next build links them.
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
from .stories import SEEKING, join_keys, mention_keys, reference_keys, story_id
from .storylines import make_storyline

#: Mentions whose records (with their articles and statements) a relink
#: holds at once (whole stories, so more when one story is bigger).
LINK_CHUNK = 6000

#: New articles whose mentions are read at once to work out their story keys.
KEY_CHUNK = 2000


def relink(store: Store, settings: Settings) -> int:
    """Link the articles not linked yet, relinking only the stories their
    mentions join. Returns the number of stories (re)linked."""
    if not store.needs_linking():
        return 0
    if store.links_outdated():
        store.clear_links()
    pending = store.unlinked_article_ids()
    keys, of_mention = _pending_keys(store, pending)
    members, old_stories = _stories_touched(store, keys, of_mention)

    parts, story_keys = [], []
    for chunk in _story_chunks(members, LINK_CHUNK):
        linked, chunk_keys = _link_stories(store, chunk, members, settings.link_threshold)
        parts += linked
        story_keys += chunk_keys

    kept = store.kept_events(old_stories)
    others = [
        (i, root, day, (column or {}).get("item"), (column or {}).get("anchors", ()))
        for i, root, day, column, _ in kept
    ]
    result = assemble(parts, others)
    storyline_of = {
        event_id: result.extra["storyline_of"][group] for group in result.extra["groups"] for event_id in group
    }
    existing = store.storyline_ids()
    wanted = set(result.extra["storyline_of"].values())
    new_events = {e.id: e for e in result.events}
    # storylines that did not exist before are written whole, so the events
    # of theirs that were kept (not relinked) are loaded too
    fresh_groups = [g for g in result.extra["groups"] if result.extra["storyline_of"][g] not in existing]
    loaded = {e.id: e for e in store.events_by_ids(sorted({i for g in fresh_groups for i in g if i not in new_events}))}
    moved_ids = [i for i, _, _, _, sl in kept if storyline_of[i] != sl]
    moved_records = {e.id: e for e in store.events_by_ids(sorted(set(moved_ids) - set(loaded)))} | loaded
    items = {item["id"]: item for part in parts for item in part.items}
    store.replace_story_links(
        StoryUpdate(
            old_stories=old_stories,
            members=members,
            events=result.events,
            story_of_event={e.id: part.story for part in parts for e in part.events},
            roots={i: r for part in parts for i, r in part.roots.items()},
            # the episode column keeps what the corpus-wide steps need of an event
            items={
                e.id: {"anchors": list(part.anchors[e.id]), "item": items.get(e.id)}
                for part in parts
                for e in part.events
            },
            contradictions=[(part.story, c) for part in parts for c in part.contradictions],
            keys=story_keys,
            linked=pending,
            moved=[dataclasses.replace(moved_records[i], storyline=storyline_of[i]) for i in moved_ids],
            storylines_new=[
                make_storyline([new_events.get(i) or loaded[i] for i in g], result.extra["episode_list"])
                for g in fresh_groups
            ],
            storylines_gone=sorted(existing - wanted),
        )
    )
    return len(members)


def _pending_keys(store: Store, pending: Sequence[str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Story keys of the new articles' mentions, and each mention's article.
    Keys need only each article's publication date and its mentions, so no
    article record (or text) is loaded, and mentions are read a chunk of
    articles at a time."""
    keys: dict[str, list[str]] = {}
    of_mention: dict[str, str] = {}
    for chunk in batches(pending, KEY_CHUNK):
        published = store.published_of(chunk)
        mentions = store.records_of_articles(EventMention, "mentions", chunk)
        # the articles of a chunk come whole, so each reference meets its report here
        refers = reference_keys(mentions)
        for m in mentions:
            keys[m.id] = mention_keys(published.get(m.article_id), m) + ([refers[m.id]] if m.id in refers else [])
            of_mention[m.id] = m.article_id
    return keys, of_mention


def _stories_touched(
    store: Store, keys: dict[str, list[str]], of_mention: dict[str, str]
) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    """New mentions and the stored stories they reach, joined through shared
    keys: the (mention id, article id) members of each story to (re)link,
    and the stored stories those replace."""
    sets = UnionFind(("mention", mid) for mid in keys)
    owner, seekers = join_keys(sets, {("mention", mid): k for mid, k in keys.items()})
    # a plain key meets the stored holders of it and of its seeking form; a
    # seeking key only the stored holders of the plain one
    wanted = set(owner) | {SEEKING + k for k in owner} | set(seekers)
    for key, sid in store.stories_with_keys(sorted(wanted)):
        plain = key[len(SEEKING) :] if key.startswith(SEEKING) else key
        if plain in owner:
            sets.union(owner[plain], ("story", sid))
        if not key.startswith(SEEKING):
            for node in seekers.get(key, ()):
                sets.union(node, ("story", sid))
    groups = sets.groups()
    old_stories = sorted({x for g in groups for kind, x in g if kind == "story"})
    old_members = store.story_mentions(old_stories)
    members: dict[str, list[tuple[str, str]]] = {}
    for group in groups:
        # a new article's mention can already be in a stored story (its
        # article was taken apart by a re-analysis of another): one entry each
        pairs = {mid: of_mention[mid] for kind, mid in group if kind == "mention"}
        for kind, sid in group:
            if kind == "story":
                pairs.update(old_members.get(sid, ()))
        members[story_id(sorted(pairs))] = sorted(pairs.items())
    return members, old_stories


def _story_chunks(members: dict[str, list[tuple[str, str]]], size: int) -> Iterator[list[str]]:
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


def _link_stories(
    store: Store, chunk: Sequence[str], members: dict[str, list[tuple[str, str]]], threshold: float
) -> tuple[list, list[tuple[str, str]]]:
    """Link a chunk of stories from their records (a full relink of a big
    corpus holds the text of a few thousand articles, not all of them), and
    the (story id, key) rows of their keys."""
    mention_ids = sorted(mid for sid in chunk for mid, _ in members[sid])
    everyone = sorted({aid for sid in chunk for _, aid in members[sid]})
    articles = {a.id: a for a in store.articles_by_ids(everyone)}
    mentions = {m.id: m for m in store.mentions_by_ids(mention_ids)}
    statements: dict[str, list[Statement]] = {}
    for st in store.records_of_articles(Statement, "statements", everyone):
        statements.setdefault(st.article_id, []).append(st)
    parts, keys = [], []
    for sid in chunk:
        own = [mentions[mid] for mid, _ in members[sid] if mid in mentions]
        aids = sorted({aid for _, aid in members[sid]})
        parts.append(
            link_story(
                sid,
                [articles[a] for a in aids if a in articles],
                own,
                [st for a in aids for st in statements.get(a, ())],
                threshold,
            )
        )
        found = set()
        for m in own:
            article = articles.get(m.article_id)
            found.update(mention_keys(article.published if article is not None else None, m))
        keys += [(sid, k) for k in sorted(found)]
    return parts, keys
