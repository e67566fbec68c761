"""ECB+ gold mentions as the records a build links, and the training of the
pair model from the TRAIN split.

``records`` parses each sentence of the split once (pre-tokenised) and
turns every gold mention span into an ``EventMention`` whose
``LinkFeatures`` come from ``link.pair_model.describe``, the very function
a build runs on its own mentions; each document becomes an ``Article``.
Nothing gold but the spans goes in: no chains, no topic numbers (the ids
are hashes of the document names, so even their order says nothing).

``fit_pair_model`` learns the two logistic pair models of
:mod:`storyline.link.pair_model` on pairs the linker itself proposes
(``Story.neighbour_pairs``), labelled by the gold chains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..errors import InputError
from ..link.lexicon import build_pair_table
from ..link.pair_model import DOC_FEATURES, FEATURES, HOP_FEATURES, Story, describe, second_stage, with_hops
from ..models import Article, EventMention, stable_id

if TYPE_CHECKING:
    from .ecbplus import GoldMention

#: ECB+ mentions have no PLOVER type: all take this one, so that only the
#: pair model and the time/modality rules decide (none of which ECB+ sets).
ECB_TYPE = "OCCUR"

#: L2 penalty of the two pair models (Newton steps on several hundred
#: thousand pairs: light) and of the document model.
PAIR_L2 = 1e-3
DOC_L2 = 1e-2


def parse_sentences(corpus: dict[str, dict[int, list[str]]], nlp) -> dict[tuple[str, int], object]:
    """(document, sentence) -> spaCy Doc of that sentence's own tokens."""
    from spacy.tokens import Doc

    keys = [(d, s) for d in sorted(corpus) for s in sorted(corpus[d])]
    docs = (Doc(nlp.vocab, words=corpus[d][s]) for d, s in keys)
    return dict(zip(keys, nlp.pipe(docs, batch_size=256)))


def records(
    corpus: dict[str, dict[int, list[str]]], mentions: Sequence[GoldMention], nlp=None, parsed: dict | None = None
) -> tuple[list[Article], list[EventMention]]:
    """The split's documents as Articles and its gold mentions as
    EventMentions (in the mention file's order)."""
    if parsed is None:
        if nlp is None:
            from ..annotate import load_pipeline

            nlp = load_pipeline()
        parsed = parse_sentences(corpus, nlp)
    articles: dict[str, Article] = {}
    offsets: dict[tuple[str, int], tuple[int, list[int]]] = {}
    for d in sorted(corpus):
        parts, at = [], 0
        for s in sorted(corpus[d]):
            starts = []
            for w in corpus[d][s]:
                starts.append(at)
                at += len(w) + 1
            offsets[(d, s)] = (starts[0] if starts else at, starts)
            parts.append(" ".join(corpus[d][s]))
        text = "\n".join(parts)
        articles[d] = Article(id=stable_id("ar", "ecbplus", d), source=d, text=text)
    out = []
    for m in mentions:
        doc = parsed.get((m.doc_id, m.sent_id))
        if doc is None or not m.tokens or max(m.tokens) >= len(doc):
            raise InputError(f"mention {m.key} points at a sentence missing from the corpus file")
        article = articles[m.doc_id]
        sentence_start, starts = offsets[(m.doc_id, m.sent_id)]
        words = corpus[m.doc_id][m.sent_id]
        first, last = min(m.tokens), max(m.tokens)
        sentence = " ".join(words)
        features = describe(doc, m.tokens, doc[:])
        out.append(
            EventMention(
                id=stable_id("em", article.id, m.sent_id, *m.tokens),
                article_id=article.id,
                type=ECB_TYPE,
                cameo=None,
                mode=None,
                modality="asserted",
                trigger_start=starts[first],
                trigger_end=starts[last] + len(words[last]),
                trigger=" ".join(words[t] for t in m.tokens),
                lemma=features.head,
                sentence_start=sentence_start,
                sentence_end=sentence_start + len(sentence),
                sentence=sentence,
                features=features,
            )
        )
    return list(articles.values()), out


def _topic(doc_id: str) -> str:
    """Training only: the gold topic number in a document's name."""
    return doc_id.split("_", 1)[0]


def build_lemma_pair_table(
    gold: Sequence[GoldMention], ems: Sequence[EventMention], topics: set[str] | None = None
) -> dict[str, float]:
    """The lemma-pair log-odds table from a TRAIN split's gold chains,
    counted inside gold sub-topics (topic and ecb/ecbplus half)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for g, m in zip(gold, ems):
        if topics is None or _topic(g.doc_id) in topics:
            story = _topic(g.doc_id) + ("+" if g.doc_id.endswith("plus") else "")
            groups.setdefault(story, []).append((m.features.head, g.chain))
    return build_pair_table(groups[k] for k in sorted(groups))


def _logistic(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 100) -> np.ndarray:
    """Logistic regression by Newton steps with an L2 penalty."""
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + l2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _sub_topic(doc_id: str) -> str:
    """Training only: the gold sub-topic (topic number and ecb/ecbplus half)."""
    return _topic(doc_id) + ("+" if doc_id.endswith("plus") else "")


def training_blocks(articles: Sequence[Article], ems: Sequence[EventMention], gold: Sequence[GoldMention]):
    """(story, first, second, labels) for each half of the train topics:
    the pairs the linker proposes in a story holding that half's
    documents, scored with the lemma-pair table of the other half (so the
    weights do not over-trust a table that has seen the very pairs).
    The document model is fitted first, on the article pairs the linker
    compares, labelled by the gold sub-topics, and set on each story."""
    topics = sorted({_topic(g.doc_id) for g in gold})
    halves = [set(topics[0::2]), set(topics[1::2])]
    tables = [build_lemma_pair_table(gold, ems, halves[1]), build_lemma_pair_table(gold, ems, halves[0])]
    by_article = {a.id: a for a in articles}
    stories, doc_x, doc_y = [], [], []
    for half, table in zip(halves, tables):
        chosen = sorted((m.id, m, g.chain) for m, g in zip(ems, gold) if _topic(g.doc_id) in half)
        story = Story([m for _, m, _ in chosen], by_article, table, doc_weights=np.zeros(len(DOC_FEATURES)))
        stories.append((story, np.array([c for _, _, c in chosen], dtype=object)))
        pairs = sorted((a, b) for a, b in story.neighbour_articles() if a != b)
        a = np.array([p for p, _ in pairs], dtype=np.int64)
        b = np.array([q for _, q in pairs], dtype=np.int64)
        sub = [_sub_topic(by_article[aid].source) for aid in story.article_ids]
        doc_x.append(story.doc_features(a, b))
        doc_y.append(np.array([sub[p] == sub[q] for p, q in pairs], dtype=float))
    doc_weights = np.array([round(float(v), 3) for v in _logistic(np.vstack(doc_x), np.concatenate(doc_y), l2=DOC_L2)])
    blocks = []
    for story, chains in stories:
        story.doc_weights = doc_weights
        pairs = sorted(story.neighbour_pairs())
        first = np.array([i for i, _ in pairs], dtype=np.int64)
        second = np.array([j for _, j in pairs], dtype=np.int64)
        blocks.append((story, first, second, (chains[first] == chains[second]).astype(float)))
    return blocks, tuple(float(v) for v in doc_weights)


def fit_pair_model(
    articles: Sequence[Article], ems: Sequence[EventMention], gold: Sequence[GoldMention], iterations: int = 100
) -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], dict[str, float]]:
    """The first model's weights, the second's, the document model's, and
    the full-train lemma-pair table."""
    blocks, doc_weights = training_blocks(articles, ems, gold)
    xs = [story.features_matrix(i, j) for story, i, j, _ in blocks]
    y = np.concatenate([labels for *_, labels in blocks])
    w = tuple(round(float(v), 3) for v in _logistic(np.vstack(xs), y, l2=PAIR_L2, iterations=iterations))
    second = []
    for x, (story, i, j, _) in zip(xs, blocks):
        first = 1.0 / (1.0 + np.exp(-(x @ np.asarray(w))))
        second.append(with_hops(x, second_stage(story, i, j, first)))
    w2 = tuple(round(float(v), 3) for v in _logistic(np.vstack(second), y, l2=PAIR_L2, iterations=iterations))
    assert len(w) == len(FEATURES) and len(w2) == len(FEATURES) + len(HOP_FEATURES)
    return w, w2, doc_weights, build_lemma_pair_table(gold, ems)
