"""How linking time grows with the corpus: 1,000 vs 10,000 synthetic articles.

Each synthetic article reports three mentions drawn from a pool of
happenings (about one happening per four articles, so most are reported
several times), with actors, trigger words, dates and sentence wording
varied the way news varies them. Named actors grow with the square root
of the corpus size; the time span (14 years) and the countries stay fixed,
so the larger corpus is also ten times denser in time. Prints one JSON line; the target is a
ratio of at most ~11 for ten times the articles. Each size also prints a
``digest`` of its events, storylines and contradictions: a change made for
speed must leave both digests as they were.

    python benchmarks/link_scaling.py [--sizes 1000 10000] [--seed 1] [--repeat 3]
    python benchmarks/link_scaling.py --incremental [--sizes 1000 10000]
    python benchmarks/link_scaling.py --span-grows
    python benchmarks/link_scaling.py --ecbplus ../shared/data/ecbplus/split

``--span-grows`` is a second configuration, reported beside the standard
one and never instead of it: a real archive ten times larger often covers
a longer time rather than the same years ten times as densely, so there the
smaller corpus covers a proportional part of the 14 years (1.4 years for
1,000 articles) and both sizes are equally dense in time.

``--incremental`` measures the build's linking through the database
instead: a database of N synthetic articles is linked from scratch, then
ten more articles (drawn from the same happenings, so they join existing
stories) are added and linked incrementally.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from datetime import date, timedelta

from storyline.link import link
from storyline.models import ActorRef, Article, EventMention, Statement, TimeValue, stable_id

COUNTRIES = ["ISR", "PSE", "EGY", "JOR", "LBN", "SYR", "IRN", "USA", "TUR", "SAU", "IRQ", "QAT"]
SECTORS = ["GOV", "MIL", "REB", "CVL"]
TYPES = {
    "SANCTION": ["end", "halt", "suspend", "cut"],
    "CONSULT": ["meet", "talk"],
    "ASSAULT": ["attack", "strike", "raid"],
    "PROTEST": ["protest", "rally", "march"],
    "ACCUSE": ["accuse", "blame"],
    "AGREE": ["agree", "sign"],
}
NOUNS = [
    "coordination",
    "talks",
    "aid",
    "border",
    "ceasefire",
    "election",
    "prisoners",
    "water",
    "trade",
    "embassy",
    "village",
    "checkpoint",
    "convoy",
    "parliament",
    "negotiations",
    "funding",
]


#: The time span of the synthetic corpus, whatever its size (the standard configuration).
SPAN_DAYS = 365 * 14


def synthetic(n_articles: int, seed: int, span_days: int = SPAN_DAYS) -> tuple[list[Article], list[EventMention]]:
    rng = random.Random(seed)
    start = date(2010, 1, 1)
    # named actors (ministers, groups, towns) grow with the corpus roughly as
    # the square root of its size (Heaps' law), as in real news collections;
    # countries and sectors stay fixed
    names = [f"Actor{i}" for i in range(int(8 * n_articles**0.5))]
    happenings = []
    for k in range(max(1, n_articles // 4)):
        kind = rng.choice(sorted(TYPES))
        src = (rng.choice(COUNTRIES), rng.choice(names))
        tgt = (rng.choice(COUNTRIES), rng.choice(names))
        when = start + timedelta(days=rng.randrange(span_days))
        topic = rng.sample(NOUNS, 2)
        happenings.append((k, kind, src, tgt, when, topic))
    articles, mentions, statements = [], [], []
    for a in range(n_articles):
        picked = []
        for k, kind, src, tgt, when, topic in rng.sample(happenings, min(3, len(happenings))):
            lemma = rng.choice(TYPES[kind])
            sentence = (
                f"{src[1]} of {src[0]} said they would {lemma} the {topic[0]} with {tgt[0]} "
                f"over the {topic[1]} dispute, report {a}."
            )
            picked.append((kind, src, tgt, when, lemma, sentence))
        # the article's text is its sentences, so story clustering has words to work on
        text = " ".join(p[-1] for p in picked)
        art = Article(id=Article.make_id(text), source=f"a{a}.txt", text=text, publisher=f"pub{a % 50}")
        articles.append(art)
        offset = 0
        for kind, src, tgt, when, lemma, sentence in picked:
            precision = rng.choice(["day", "day", "month", "unknown"])
            if precision == "day":
                tv = TimeValue(when.isoformat(), when, when, "day", "explicit")
            elif precision == "month":
                first = when.replace(day=1)
                last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                tv = TimeValue(first.strftime("%Y-%m"), first, last, "month", "relative")
            else:
                tv = None
            # unresolved names (no sector), so actors are told apart by name
            source = ActorRef(name=f"{src[1]} of {src[0]}", text=src[1], start=0, end=3, country=src[0])
            target = ActorRef(name=f"{tgt[1]} of {tgt[0]}", text=tgt[1], start=0, end=3, country=tgt[0])
            trigger = text.index(f" {lemma} ", offset) + 1
            mentions.append(
                EventMention(
                    id=stable_id("em", art.id, trigger, kind),
                    article_id=art.id,
                    type=kind,
                    cameo=None,
                    mode=None,
                    modality=rng.choice(["asserted", "asserted", "reported", "announced"]),
                    trigger_start=trigger,
                    trigger_end=trigger + len(lemma),
                    trigger=lemma,
                    lemma=lemma,
                    sentence_start=offset,
                    sentence_end=offset + len(sentence),
                    sentence=sentence,
                    sources=(source,),
                    targets=(target,),
                    time=tv,
                    confidence=0.7,
                )
            )
            offset += len(sentence) + 1
        # one attributed claim per article, so the contradiction search is timed too
        kind, src, tgt, when, lemma, sentence = picked[0]
        words = f"the {rng.choice(NOUNS)} with {tgt[0]} will continue as before"
        speaker = ActorRef(name=f"{src[1]} of {src[0]}", text=src[1], start=0, end=3, country=src[0])
        statements.append(
            Statement(
                id=stable_id("sm", art.id, 0),
                article_id=art.id,
                speaker=speaker,
                words=words,
                start=0,
                end=len(words),
                time=TimeValue(when.isoformat(), when, when, "day", "explicit"),
            )
        )
    return articles, mentions, statements


def measure(n_articles: int, seed: int, repeat: int, span_days: int = SPAN_DAYS) -> dict:
    articles, mentions, statements = synthetic(n_articles, seed, span_days)
    runs = []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = link(articles, mentions, statements)
        runs.append((time.perf_counter() - began, time.process_time() - began_cpu))
    # the best of several runs is the least disturbed by other processes
    seconds, cpu = min(runs)
    return {
        "articles": n_articles,
        "span_days": span_days,
        "mentions": len(mentions),
        "events": len(result.events),
        "storylines": len(result.storylines),
        "contradictions": len(result.contradictions),
        "stories": result.extra.get("stories"),
        "largest_story": result.extra.get("largest_story"),
        "largest_story_share": round((result.extra.get("largest_story") or 0) / n_articles, 4),
        "digest": digest(result),
        "storyline_digest": storyline_digest(result),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
    }


def digest(result) -> str:
    """A short hash of the clusters, storylines and contradictions, so that a
    change made for speed can be checked to link exactly as before."""
    h = hashlib.sha256()
    for e in result.events:
        h.update(repr((e.id, e.storyline, e.mention_ids, e.time, e.summary, e.source_count)).encode())
    for s in result.storylines:
        h.update(repr((s.id, s.label, s.event_ids, s.episodes)).encode())
    for c in result.contradictions:
        h.update(repr((c.id, c.first, c.second, c.why)).encode())
    return h.hexdigest()[:16]


def storyline_digest(result) -> str:
    """A short hash of the storylines alone (their members and episodes), so a
    change that moves events between storylines shows apart from one that
    changes the events themselves."""
    h = hashlib.sha256()
    for s in result.storylines:
        h.update(repr((s.id, s.event_ids, s.episodes)).encode())
    return h.hexdigest()[:16]


def measure_incremental(n_articles: int, seed: int, added: int = 10) -> dict:
    import tempfile
    from pathlib import Path

    from storyline.link.incremental import relink as _relink
    from storyline.settings import Settings
    from storyline.store import Store

    articles, mentions, statements = synthetic(n_articles + added, seed)
    analyses = _grouped(articles, mentions, statements)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "l.duckdb") as store:
        store.write_analyses(analyses[:n_articles])
        began = time.perf_counter()
        stories = _relink(store, Settings())
        full = time.perf_counter() - began
        store.write_analyses(analyses[n_articles:])
        began = time.perf_counter()
        touched = _relink(store, Settings())
        incremental = time.perf_counter() - began
        # stories are sets of mentions: the articles with a mention in a story the added articles joined
        members = store.con.execute(
            "SELECT count(DISTINCT article_id) FROM mention_stories WHERE story_id IN (SELECT story_id "
            "FROM mention_stories JOIN articles ON articles.id = article_id "
            "WHERE articles.source IN (SELECT unnest(?)))",
            [[a.source for a in articles[n_articles:]]],
        ).fetchone()[0]
    return {
        "articles": n_articles,
        "stories": stories,
        "full_link_seconds": round(full, 3),
        "added": added,
        "stories_relinked": touched,
        "articles_in_relinked_stories": members,
        "incremental_link_seconds": round(incremental, 3),
        "incremental_share": round(incremental / max(full, 1e-9), 4),
    }


def ecbplus_stories(split_dir: str, split: str = "dev") -> dict:
    """How the build's stories (``stories.mention_keys``) group the ECB+
    gold mentions, as the evaluation turns them into records, against the
    gold sub-topics (the topic number and ECB or ECB+ half of each document
    name): B-cubed over mentions. ``storyline eval ecbplus`` itself links
    the whole split as one story."""
    from collections import Counter
    from pathlib import Path

    from storyline.evaluation.ecbplus import read_corpus, read_mentions, split_files
    from storyline.evaluation.ecbplus_features import records
    from storyline.link import story_members
    from storyline.link.stories import mention_keys

    corpus_path, mentions_path = split_files(Path(split_dir), split)
    corpus, gold = read_corpus(corpus_path), read_mentions(mentions_path)
    articles, mentions = records(corpus, gold)
    published = {a.id: a.published for a in articles}
    members = story_members({m.id: mention_keys(published.get(m.article_id), m) for m in mentions})
    story = {mid: sid for sid, ids in members.items() for mid in ids}

    def subtopic(doc_id: str) -> str:
        topic, rest = doc_id.split("_", 1)
        return topic + ("+" if "plus" in rest else "")

    truth = [subtopic(g.doc_id) for g in gold]
    found = [story[m.id] for m in mentions]
    both, of_truth, of_found = Counter(zip(truth, found)), Counter(truth), Counter(found)
    precision = sum(c * c / of_found[f] for (_, f), c in both.items()) / len(truth)
    recall = sum(c * c / of_truth[t] for (t, _), c in both.items()) / len(truth)
    return {
        "split": split,
        "mentions": len(truth),
        "gold_subtopics": len(of_truth),
        "stories": len(of_found),
        "largest_story_mentions": max(of_found.values()),
        "b3_precision": round(precision, 4),
        "b3_recall": round(recall, 4),
        "b3_f1": round(2 * precision * recall / (precision + recall), 4),
    }


def _grouped(articles, mentions, statements):
    from storyline.models import ArticleAnalysis

    by_m: dict = {}
    for m in mentions:
        by_m.setdefault(m.article_id, []).append(m)
    by_s: dict = {}
    for s in statements:
        by_s.setdefault(s.article_id, []).append(s)
    return [ArticleAnalysis(a, (), tuple(by_m.get(a.id, ())), tuple(by_s.get(a.id, ()))) for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(1000, 10000))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--incremental", action="store_true", help="time database linking, full vs ten added")
    parser.add_argument(
        "--span-grows",
        action="store_true",
        help="second configuration: the smaller corpus covers a proportional part of the 14 years",
    )
    parser.add_argument(
        "--ecbplus",
        metavar="SPLIT_DIR",
        help="instead: the build's stories on the ECB+ dev gold mentions against gold sub-topics",
    )
    args = parser.parse_args()
    if args.ecbplus:
        print(json.dumps(ecbplus_stories(args.ecbplus)))
        return
    if args.incremental:
        for n in args.sizes:
            print(json.dumps(measure_incremental(n, args.seed)), flush=True)
        return
    spans = [SPAN_DAYS * n // max(args.sizes) if args.span_grows else SPAN_DAYS for n in args.sizes]
    small, large = (measure(n, args.seed, args.repeat, span) for n, span in zip(args.sizes, spans))
    print(
        json.dumps(
            {
                "configuration": "span grows with the corpus" if args.span_grows else "standard (14 years)",
                "small": small,
                "large": large,
                "size_ratio": round(large["articles"] / small["articles"], 2),
                "time_ratio": round(large["seconds"] / max(small["seconds"], 1e-9), 2),
                # CPU time is the fairer ratio on a shared, busy machine
                "cpu_ratio": round(large["cpu_seconds"] / max(small["cpu_seconds"], 1e-9), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
