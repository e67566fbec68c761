"""Stories: which articles tell the same story.

``mention_keys``/``group_stories`` decide the stories linking runs in (see
below): sets of mentions, one happening or a tight sequence of them, with
their articles. ``cluster_articles`` groups articles from their words alone (no
topics given), for evaluation and exploration.

Articles are compared only when they share one of their most distinctive
terms (the top TF-IDF terms of each), and inside such a block only with
their nearest neighbours in publication order, so the cost grows
near-linearly with the corpus. Pairs whose cosine reaches the threshold
are joined (single link, which suits stories that drift over time).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Mapping, Sequence

from ..models import Article, EventMention, TimeValue, stable_id
from .cluster import UnionFind
from .features import actor_keys, lemma_group, sentence_key, words

#: Terms per article used as blocking keys.
TOP_TERMS = 6
#: Neighbours compared inside a block (in publication order; single link
#: chains a story through its neighbours, so a short window loses little).
WINDOW = 10


def _vectors(articles: Sequence[Article]) -> tuple[dict[str, dict[str, float]], Counter]:
    docs = {a.id: words(f"{a.title or ''} {a.text}") for a in articles}
    df: Counter = Counter()
    for terms in docs.values():
        df.update(set(terms))
    n = max(len(docs), 1)
    out = {}
    for aid, terms in docs.items():
        vec = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t])) for t, c in Counter(terms).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[aid] = {t: v / norm for t, v in vec.items() if v > 0}
    return out, df


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _published(article: Article) -> str:
    p = article.published
    return p.earliest.isoformat() if p is not None and p.earliest is not None else "9999"


def cluster_articles(articles: Sequence[Article], threshold: float = 0.3) -> dict[str, str]:
    """Article id -> story id (``stable_id`` over the sorted member ids).

    The default threshold favours precision: on the ECB+ train documents
    (their sub-topics as gold stories) it gives B-cubed P 0.88 / R 0.66;
    events of one story still join through the events they share."""
    by_id = {a.id: a for a in articles}
    vectors, df = _vectors([by_id[i] for i in sorted(by_id)])
    blocks: dict[str, list[str]] = {}
    for aid in sorted(vectors):
        # a word no other article uses cannot link anything: keys come from
        # the most distinctive of the shared words
        shared = [(t, v) for t, v in vectors[aid].items() if df[t] >= 2]
        top = sorted(shared, key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        for term, _ in top:
            blocks.setdefault(term, []).append(aid)
    sets = UnionFind(sorted(by_id))
    seen: set[tuple[str, str]] = set()
    for term in sorted(blocks):
        members = blocks[term]
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda i: (_published(by_id[i]), i))
        for k, a in enumerate(members):
            for b in members[k + 1 : k + 1 + WINDOW]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                if _cosine(vectors[a], vectors[b]) >= threshold:
                    sets.union(a, b)
    story = {}
    for group in sets.groups():
        sid = stable_id("sy", *group)
        for aid in group:
            story[aid] = sid
    return story


# -- stories for linking -------------------------------------------------------
#
# A story is a set of *mentions* that may report one happening or a tight
# sequence of happenings; its articles are the articles those mentions come
# from, so an article reporting three unrelated happenings is in three
# stories. (Grouping whole articles chains: articles that each report a few
# happenings join every story they touch, and on the synthetic corpus of
# benchmarks/link_scaling.py 9,833 of 10,000 articles ended in one story.)
#
# Linking runs story by story, so that new articles relink only the stories
# they join. For that to give the same result however the corpus arrived,
# membership must not depend on corpus-wide statistics or on neighbour
# windows: two mentions share a story when they share a *story key*, and
# stories are the connected components of that relation. A key is read off
# one mention (and its article's date) alone, so adding an article can only
# merge stories, never split one, and the stories found a few articles at a
# time are those of the whole corpus.
#
# The keys are the ways two mentions can be reports of one happening: the
# same act (PLOVER type) by or against the same party in the same month (a
# year for year-only dates), or the same sentence about the same kind of act
# (a reprint). A key never spans more than a month of one kind of act, so a
# busy party ("the United States accuses ...") makes one story a month per
# kind of act, not one story of every month; storylines and recurring
# episodes (``storylines.py``) relate stories across time.

#: Dates vaguer than this (in days) give no month key; vaguer than a year, none at all.
_MONTH_SPAN = 31
_YEAR_SPAN = 366


def _time_bucket(value: TimeValue | None) -> str | None:
    if value is None or value.earliest is None or value.latest is None:
        return None
    span = (value.latest - value.earliest).days
    if span <= _MONTH_SPAN:
        return value.earliest.strftime("%Y-%m")
    if span <= _YEAR_SPAN:
        return str(value.earliest.year)
    return None


#: Marks a *seeking* key (see ``mention_keys``): it ties its mention to the
#: holders of the plain key only, never to other holders of itself.
SEEKING = "~"


def mention_keys(published: TimeValue | None, mention: EventMention) -> list[str]:
    """The keys that tie one mention to other reports of its happening.
    ``published`` (its article's date) stands in when the mention has none.

    A seeking key joins a vague report to precise ones without joining the
    precise ones to each other: a report dated only by its year joins that
    year's reports by and against the same parties (named ones across
    articles, any in its own article). (A reference back to a happening,
    ``EventMention.reference``, gets no key of its own: one that joined the
    reports of its type in its article joined the 2015, 2020 and 2023
    declarations of a seed article into one story, and the seeds lost their
    storyline; tests/test_link_seeds.py.)

    A mention with no date at all (nor its article) cannot take a month: a
    shared party alone would tie it to every year of that party. It joins
    the reports of the same act by and against the same *named* parties
    (both sides named, neither only a country's sector such as USA/GOV):
    it holds that pair's key, and each dated report of the pair holds the
    seeking form (``SEEKING`` + key), which joins the undated report but
    not the other dated ones, so two years of one pair join only through a
    report that cannot be placed in either."""
    group = lemma_group(mention.lemma or mention.trigger)
    keys = {stable_id("sk", "sentence", sentence_key(mention), group)}
    time = mention.time if mention.time is not None and mention.time.is_known else None
    bucket = _time_bucket(time) or _time_bucket(published)
    if bucket is not None:
        for side, actors in (("source", mention.sources), ("target", mention.targets)):
            for party in sorted(actor_keys(actors)):
                keys.add(stable_id("sk", "act", mention.type, side, party, bucket))
    sources, targets = actor_keys(mention.sources), actor_keys(mention.targets)
    if sources and targets:
        pair = (mention.type, *sorted(sources), "->", *sorted(targets))
        named = not any("/" in k for k in sources | targets)
        if named:
            key = stable_id("sk", "pair", *pair)
            keys.add(key if bucket is None else SEEKING + key)
        # a report dated only by its year ("in 2021 the army shelled Karsk")
        # joins the reports of that year dated to the day or month by the same
        # parties on both sides (they seek it, and do not join each other): in
        # its own article whoever the parties are, across articles only for
        # named ones, as a year of one government's acts must not become one story
        if bucket is not None:
            for key in ([stable_id("sk", "year", *pair, bucket[:4])] if named else []) + [
                stable_id("sk", "year", mention.article_id, *pair, bucket[:4])
            ]:
                keys.add(key if len(bucket) == 4 else SEEKING + key)
    return sorted(keys)


def reference_keys(mentions: Sequence[EventMention]) -> dict[str, str]:
    """Mention id -> the key that ties a reference back to a happening
    (``EventMention.reference``: "the attack was condemned") to the one
    report of its type its article tells first, preferring one told as news
    over a historical one (news leads with the happening it later names).

    Only that one report holds the key beside the references, so the
    article's other reports of the type (the 2015, 2020 and 2023
    declarations of one seed article) are not joined through it. The key
    depends on one article's mentions alone, all of which are keyed in the
    same pass, so stories stay independent of input order; the linker's
    rules may still refuse the tie (``coref._references``)."""
    by_place: dict[tuple[str, str], list[EventMention]] = {}
    for m in mentions:
        by_place.setdefault((m.article_id, m.type), []).append(m)
    out: dict[str, str] = {}
    for (article, kind), same in sorted(by_place.items()):
        refs = [m for m in same if m.reference]
        reports = sorted(
            (m for m in same if not m.reference), key=lambda m: (m.modality == "historical", m.trigger_start, m.id)
        )
        if refs and reports:
            key = stable_id("sk", "refers", article, kind)
            for m in (reports[0], *refs):
                out[m.id] = key
    return out


def story_keys(published: TimeValue | None, mentions: Sequence[EventMention]) -> set[str]:
    """The keys of several mentions of one article (all their ``mention_keys``)."""
    return {k for m in mentions for k in mention_keys(published, m)}


def story_id(mention_ids: Sequence[str]) -> str:
    return stable_id("sy", *sorted(mention_ids))


def join_keys(sets: UnionFind, keys: Mapping) -> tuple[dict, dict]:
    """Join the items of ``keys`` (item -> its keys) in ``sets``: the holders
    of one plain key together, and each holder of a seeking key with the
    holders of its plain key. Returns (plain key -> one holder, plain key ->
    holders of its seeking form) for look-ups elsewhere (the stored stories)."""
    owner: dict = {}
    seekers: dict = {}
    for item in sorted(keys):
        for key in keys[item]:
            if key.startswith(SEEKING):
                seekers.setdefault(key[len(SEEKING) :], []).append(item)
            elif key in owner:
                sets.union(owner[key], item)
            else:
                owner[key] = item
    for key in sorted(seekers):
        if key in owner:
            for item in seekers[key]:
                sets.union(owner[key], item)
    return owner, seekers


def group_stories(keys: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Mention id -> story id: connected components over shared keys.
    (Any ids work: the components do not depend on what the items are.)"""
    sets = UnionFind(sorted(keys))
    join_keys(sets, keys)
    story = {}
    for group in sets.groups():
        sid = story_id(group)
        for item in group:
            story[item] = sid
    return story
