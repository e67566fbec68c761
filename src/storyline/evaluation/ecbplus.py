"""ECB+ cross-document event coreference: reader, scorer and command.

The data are the Cybulska & Vossen split files (``ECB_<Split>_corpus.txt``,
one token per line, and ``ECB_<Split>_Event_gold_mentions.json``). At
prediction time only the gold mention *spans* are used: never the gold
chains, never the topic numbers hidden in document names. Documents are
first clustered into topics by the words, names and event triggers they
use, each topic is split into stories by a learned story model (the names,
numbers and years two documents share or do not), then mentions inside a
story are clustered by a logistic pair model with average linkage (the same
machinery :mod:`storyline.link` uses for news); a second pair model reads
the first one's features and the best two-step path through its
probabilities. The mention analysis and the pair features live in
:mod:`storyline.evaluation.ecbplus_features`. The weights of the story
model and both pair models ship in ``link/data/ecbplus_pair_model.json``;
``scripts/train_ecbplus.py`` re-creates them from the train split.

Scores come from :mod:`storyline.evaluation.coref_scores` (MUC, B-cubed,
CEAF-e and the CoNLL F1, singletons kept).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Hashable, Iterable, Sequence

import click
import numpy as np

from ..errors import InputError, UsageError
from ..link.cluster import average_link, labels_to_groups, tfidf_matrix
from ..link.lexicon import build_pair_table
from .coref_scores import conll_scores
# the mention analysis and pair features; the tests read them through here too
from .ecbplus_features import (  # noqa: F401
    FEATURES, HOP_FEATURES, _DocTerms, _MentionInfo, _NAME_STOP, _WEEKDAYS, _analyse, _pair_features,
    hop_features)

# --- reading ----------------------------------------------------------------


@dataclass(frozen=True)
class GoldMention:
    index: int                 # position in the mention file (the key's order)
    doc_id: str
    sent_id: int
    tokens: tuple[int, ...]
    text: str
    chain: str                 # gold chain: used for scoring only, never to predict

    @property
    def key(self) -> str:
        return f"{self.doc_id}_{self.sent_id}_{self.tokens[0]}"


def split_files(split_dir: Path, split: str) -> tuple[Path, Path]:
    name = {"dev": "Dev", "test": "Test", "train": "Train"}.get(split.lower())
    if name is None:
        raise UsageError(f"unknown split {split!r}; use dev, test or train")
    corpus = Path(split_dir) / f"ECB_{name}_corpus.txt"
    mentions = Path(split_dir) / f"ECB_{name}_Event_gold_mentions.json"
    for path in (corpus, mentions):
        if not path.is_file():
            raise InputError(f"{path} not found; SPLIT_DIR must hold the ECB+ split files "
                             f"ECB_{name}_corpus.txt and ECB_{name}_Event_gold_mentions.json")
    return corpus, mentions


def read_corpus(path: Path) -> dict[str, dict[int, list[str]]]:
    """doc id -> sentence id -> tokens (only the sentences the split holds)."""
    docs: dict[str, dict[int, list[str]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            doc, sent, tok, word = parts[0], int(parts[1]), int(parts[2]), parts[3]
            sentence = docs.setdefault(doc, {}).setdefault(sent, [])
            if tok != len(sentence):  # the format numbers tokens densely from 0
                raise InputError(f"{path}: token {doc}/{sent}/{tok} out of order")
            sentence.append(word)
    return docs


def read_mentions(path: Path) -> list[GoldMention]:
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    return [
        GoldMention(i, m["doc_id"], int(m["sent_id"]), tuple(int(t) for t in m["tokens_number"]),
                    m.get("tokens_str", ""), m["coref_chain"])
        for i, m in enumerate(raw)
    ]


# --- scoring: storyline.evaluation.coref_scores ------------------------------


# The thresholds were tuned on dev (the pair and story weights are learned
# on train, see ``fit_pair_weights`` and scripts/train_ecbplus.py).
#: Average-link threshold over the second pair model's probabilities (dev
#: CoNLL is flat from 0.25 to 0.35: 0.8015-0.8056).
PAIR_THRESHOLD = 0.3
#: Average-link threshold over the mixed cosines that groups documents into
#: topics (what kind of happening: an earthquake, a player's arrest). Low, so
#: that a topic's documents stay together; the story model splits them.
TOPIC_THRESHOLD = 0.05
#: Weights of word, name and trigger similarity in topic clustering.
DOC_MIX = (0.4, 0.4, 0.2)
#: Average-link threshold over the learned probability that two documents of
#: one topic tell the same story (one earthquake, one arrest).
STORY_THRESHOLD = 0.5
#: A story of at most this many documents joins the story of its topic it is
#: likeliest to share (average probability at least ``STORY_JOIN``): one or
#: two short documents rarely carry the names and dates that tell stories apart.
SMALL_STORY = 3
STORY_JOIN = 0.1

#: Entity labels grouped by what tells two stories of one kind apart.
_ENTITY_KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org",
                 "DATE": "date", "TIME": "date", "CARDINAL": "number", "QUANTITY": "number",
                 "MONEY": "number", "ORDINAL": "number", "PERCENT": "number", "NORP": "group",
                 "LANGUAGE": "group", "EVENT": "event", "WORK_OF_ART": "event", "PRODUCT": "event",
                 "LAW": "event"}
_KINDS = ("person", "place", "org", "date", "number", "group", "event")

STORY_FEATURES = (("bias", "words_cos", "names_cos", "triggers_cos",
                   # the same cosines with IDF inside the topic: the words all its documents
                   # share (chargers, dui) weigh nothing, the ones that differ (jackson) all
                   "topic_words_cos", "topic_names_cos", "topic_triggers_cos")
                  + tuple(f"{kind}_{what}" for kind in _KINDS for what in ("jaccard", "disjoint"))
                  + ("years_disjoint", "years_shared", "weekdays_disjoint", "weekdays_shared",
                     "numbers_disjoint", "numbers_shared"))


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    text = resources.files("storyline.link").joinpath("data/ecbplus_pair_model.json").read_text("utf-8")
    model = json.loads(text)
    if (tuple(model["features"]) != FEATURES or tuple(model.get("story_features", ())) != STORY_FEATURES
            or tuple(model.get("hop_features", ())) != FEATURES + HOP_FEATURES):
        raise InputError("link/data/ecbplus_pair_model.json was trained on other features; "
                         "re-create it with scripts/train_ecbplus.py")
    return model


def pair_weights() -> tuple[float, ...]:
    """The pair model shipped in link/data (learned on the ECB+ train split)."""
    return tuple(_model()["weights"])


def hop_weights() -> tuple[float, ...]:
    """The second pair model (the first one's features and two-step paths
    through its probabilities), learned on the ECB+ train split."""
    return tuple(_model()["hop_weights"])


def pair_probabilities(feats: np.ndarray, weights: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The first pair model's probabilities, then the second model's over
    the same features and the two-step paths through the first's."""
    first = 1.0 / (1.0 + np.exp(-(feats @ weights)))
    both = np.concatenate([feats, hop_features(first)], axis=2)
    return 1.0 / (1.0 + np.exp(-(both @ second)))


def story_weights() -> tuple[float, ...]:
    """The story model shipped in link/data (learned on the ECB+ train split)."""
    return tuple(_model()["story_weights"])


def _entity_words(terms: _DocTerms) -> dict[str, frozenset[str]]:
    """The words of a document's entities by kind ("vincent jackson" and
    "jackson" share "jackson")."""
    out: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    for label, text in terms.entities or ():
        kind = _ENTITY_KINDS.get(label)
        if kind is not None:
            out[kind].update(w for w in text.split() if w not in _NAME_STOP and any(c.isalnum() for c in w))
    return {kind: frozenset(v) for kind, v in out.items()}


def _doc_vectors(doc_terms: Sequence[_DocTerms]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (tfidf_matrix([t.words for t in doc_terms]),
            tfidf_matrix([[n for n in t.names if n not in _NAME_STOP] for t in doc_terms]),
            tfidf_matrix([t.triggers for t in doc_terms]))


def story_pair_features(doc_terms: Sequence[_DocTerms], members: Sequence[int],
                        global_sims: Sequence[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Features of every pair of the documents ``members`` (one topic), and
    the pairs (positions in ``members``)."""
    sub = [doc_terms[k] for k in members]
    local = [v @ v.T for v in _doc_vectors(sub)]
    ents = [_entity_words(t) for t in sub]
    days = [t.tokens & _WEEKDAYS for t in sub]
    numbers = [frozenset(w for w in t.tokens if w.isdigit()) - t.years for t in sub]
    n = len(sub)
    rows, pairs = [], []
    for a in range(n):
        for b in range(a + 1, n):
            ga, gb = members[a], members[b]
            row = [1.0] + [float(g[ga, gb]) for g in global_sims] + [float(m[a, b]) for m in local]
            for kind in _KINDS:
                x, y = ents[a][kind], ents[b][kind]
                union = len(x | y)
                row.append(len(x & y) / union if union else 0.0)
                row.append(float(bool(x) and bool(y) and not x & y))
            for x, y in ((sub[a].years, sub[b].years), (days[a], days[b]), (numbers[a], numbers[b])):
                row.append(float(bool(x) and bool(y) and not x & y))
                row.append(float(bool(x & y)))
            rows.append(row)
            pairs.append((a, b))
    return np.array(rows, dtype=np.float64).reshape(len(pairs), len(STORY_FEATURES)), pairs


def cluster_topics(doc_terms: Sequence[_DocTerms], threshold: float = TOPIC_THRESHOLD):
    """Topics: average link over a mix of TF-IDF cosines of the documents'
    words, names and event triggers. Returns the topics (lists of document
    indices), the three cosine matrices, and the two similarities the pair
    model reads (all words with names counted twice, and names alone)."""
    vectors = _doc_vectors(doc_terms)
    sims = [v @ v.T for v in vectors]
    a, b, c = DOC_MIX
    labels = average_link(a * sims[0] + b * sims[1] + c * sims[2], threshold)
    both = tfidf_matrix([t.words + t.names + t.names for t in doc_terms])
    return labels_to_groups(labels), sims, both @ both.T, sims[1]


def _split_topic(prob: np.ndarray, threshold: float, small: int, join: float) -> list[list[int]]:
    groups = labels_to_groups(average_link(prob, threshold))
    while len(groups) > 1:
        best = None
        for g in groups:
            if len(g) > small:
                continue
            for h in groups:
                if h is not g:
                    score = float(prob[np.ix_(g, h)].mean())
                    if best is None or score > best[0]:
                        best = (score, g, h)
        if best is None or best[0] < join:
            break
        _, g, h = best
        h.extend(g)
        h.sort()
        groups = [x for x in groups if x is not g]
    return sorted(groups)


def cluster_documents(doc_terms: Sequence[_DocTerms], threshold: float = STORY_THRESHOLD,
                      weights: Sequence[float] | None = None, topic_threshold: float = TOPIC_THRESHOLD,
                      small: int = SMALL_STORY, join: float = STORY_JOIN):
    """Story clustering in two levels: topics by shared words, then each
    topic split into stories by the learned story model (names, numbers and
    dates that differ). Returns a story label per document and what the
    pair model reads of documents: two similarities (all words with names
    counted twice, and names alone) and the story model's probability that
    two documents tell one story (0 across topics, 1 for a document itself)."""
    topics, sims, both, names = cluster_topics(doc_terms, topic_threshold)
    w = np.asarray(story_weights() if weights is None else weights)
    labels = [0] * len(doc_terms)
    story_prob = np.eye(len(doc_terms))
    next_label = 0
    for members in topics:
        if len(members) == 1:
            groups = [[0]]
        else:
            x, pairs = story_pair_features(doc_terms, members, sims)
            prob = np.eye(len(members))
            p = 1.0 / (1.0 + np.exp(-(x @ w)))
            for (a, b), v in zip(pairs, p):
                prob[a, b] = prob[b, a] = v
            story_prob[np.ix_(members, members)] = prob
            groups = _split_topic(prob, threshold, small, join)
        for group in groups:
            for k in group:
                labels[members[k]] = next_label
            next_label += 1
    return labels, both, names, story_prob


def _stories(infos: Sequence[_MentionInfo], doc_labels: Sequence[int]) -> list[list[int]]:
    stories: dict[int, list[int]] = {}
    for i, info in enumerate(infos):
        stories.setdefault(doc_labels[info.doc], []).append(i)
    return [stories[k] for k in sorted(stories)]


def predict(corpus, mentions: Sequence[GoldMention], nlp=None, weights=None,
            doc_threshold: float = STORY_THRESHOLD, pair_threshold: float = PAIR_THRESHOLD,
            pairs: dict | None = None, _cache: dict | None = None, second=None) -> list[int]:
    """A cluster label per mention, from spans and text alone."""
    if _cache is not None and "infos" in _cache:
        doc_ids, doc_terms, infos = _cache["infos"]
    else:
        if nlp is None:
            from ..annotate import load_pipeline
            nlp = load_pipeline()
        doc_ids, doc_terms, infos = _analyse(corpus, mentions, nlp)
        if _cache is not None:
            _cache["infos"] = (doc_ids, doc_terms, infos)
    doc_labels, doc_sim, name_sim, story_prob = cluster_documents(doc_terms, doc_threshold)
    ctx_vectors = tfidf_matrix([m.context for m in infos])
    w = np.asarray(pair_weights() if weights is None else weights)
    w2 = np.asarray(hop_weights() if second is None else second)
    labels = [0] * len(infos)
    next_label = 0
    for idx in _stories(infos, doc_labels):
        feats = _pair_features(infos, idx, (doc_sim, name_sim, story_prob), ctx_vectors, pairs)
        prob = pair_probabilities(feats, w, w2)
        local = average_link(prob, pair_threshold)
        for group in labels_to_groups(local):
            for k in group:
                labels[idx[k]] = next_label
            next_label += 1
    return labels


def _gold_story(doc_id: str) -> str:
    """Training only: the gold sub-topic (topic number and ecb/ecbplus half)."""
    topic, name = doc_id.split("_", 1)
    return topic + ("+" if name.endswith("plus") else "")


def build_lemma_pair_table(mentions: Sequence[GoldMention], infos: Sequence[_MentionInfo],
                           topics: set[str] | None = None) -> dict[str, float]:
    """The lemma-pair log-odds table from a TRAIN split's gold chains."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for m, info in zip(mentions, infos):
        if topics is None or m.doc_id.split("_", 1)[0] in topics:
            groups.setdefault(_gold_story(m.doc_id), []).append((info.head_lemma, m.chain))
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


def fit_story_weights(doc_ids: Sequence[str], doc_terms: Sequence[_DocTerms],
                      topic_threshold: float = TOPIC_THRESHOLD) -> tuple[float, ...]:
    """The story model: logistic regression over pairs of documents inside
    predicted topics of the TRAIN split, labelled by the gold sub-topics."""
    topics, sims, _, _ = cluster_topics(doc_terms, topic_threshold)
    xs, ys = [], []
    for members in topics:
        if len(members) < 2:
            continue
        x, pairs = story_pair_features(doc_terms, members, sims)
        xs.append(x)
        ys.append(np.array([_gold_story(doc_ids[members[a]]) == _gold_story(doc_ids[members[b]])
                            for a, b in pairs], dtype=float))
    w = _logistic(np.vstack(xs), np.concatenate(ys), l2=1e-2)
    return tuple(round(float(v), 3) for v in w)


def fit_pair_weights(corpus, mentions: Sequence[GoldMention], nlp=None,
                     doc_threshold: float = STORY_THRESHOLD, iterations: int = 100,
                     _infos=None) -> tuple[tuple[float, ...], dict[str, float], tuple[float, ...],
                                           tuple[float, ...]]:
    """Logistic regression (Newton steps, light L2) over mention pairs inside
    predicted stories of the TRAIN split (the story model is fitted first,
    see ``fit_story_weights``). The lemma-pair feature is cross-fitted (each
    half of the topics scored with the table of the other half) so the
    weights do not over-trust a table that has seen the very pairs it
    scores. The second pair model is then fitted on the same pairs with
    the two-step paths through the first model's probabilities added.
    Returns the pair weights, the full-train table, the story weights and
    the second model's weights."""
    if _infos is None:
        if nlp is None:
            from ..annotate import load_pipeline
            nlp = load_pipeline()
        _infos = _analyse(corpus, mentions, nlp)
    doc_ids, doc_terms, infos = _infos
    story_w = fit_story_weights(doc_ids, doc_terms)
    topics = sorted({m.doc_id.split("_", 1)[0] for m in mentions})
    halves = [set(topics[0::2]), set(topics[1::2])]
    tables = [build_lemma_pair_table(mentions, infos, halves[1]),
              build_lemma_pair_table(mentions, infos, halves[0])]
    doc_labels, doc_sim, name_sim, story_prob = cluster_documents(doc_terms, doc_threshold, story_w)
    ctx_vectors = tfidf_matrix([m.context for m in infos])
    xs, ys, blocks = [], [], []
    for story in _stories(infos, doc_labels):
        for half, table in zip(halves, tables):
            idx = [i for i in story if mentions[i].doc_id.split("_", 1)[0] in half]
            if len(idx) < 2:
                continue
            feats = _pair_features(infos, idx, (doc_sim, name_sim, story_prob), ctx_vectors, table)
            chains = np.array([mentions[i].chain for i in idx], dtype=object)
            gold = chains[:, None] == chains[None, :]
            upper = np.triu_indices(len(idx), k=1)
            xs.append(feats[upper])
            ys.append(gold[upper].astype(float))
            blocks.append(feats)
    y = np.concatenate(ys)
    w = tuple(round(float(v), 3) for v in _logistic(np.vstack(xs), y, l2=1e-3, iterations=iterations))
    second = []
    for feats in blocks:
        first = 1.0 / (1.0 + np.exp(-(feats @ np.asarray(w))))
        both = np.concatenate([feats, hop_features(first)], axis=2)
        second.append(both[np.triu_indices(len(feats), k=1)])
    w2 = _logistic(np.vstack(second), y, l2=1e-3, iterations=iterations)
    return w, build_lemma_pair_table(mentions, infos), story_w, tuple(round(float(v), 3) for v in w2)


def evaluate(split_dir: Path, split: str, nlp=None, **kwargs) -> tuple[dict[str, float], list[GoldMention], list[int]]:
    corpus_path, mentions_path = split_files(split_dir, split)
    corpus, mentions = read_corpus(corpus_path), read_mentions(mentions_path)
    labels = predict(corpus, mentions, nlp=nlp, **kwargs)
    key = _groups(m.chain for m in mentions)
    response = _groups(labels)
    scores = conll_scores(key, response)
    scores.update(mentions=len(mentions), documents=len(corpus),
                  gold_clusters=len(key), predicted_clusters=len(response))
    return scores, mentions, labels


def _groups(labels: Iterable[Hashable]) -> list[list[int]]:
    out: dict = {}
    for i, label in enumerate(labels):
        out.setdefault(label, []).append(i)
    return list(out.values())


def write_key_file(path: Path, mentions: Sequence[GoldMention], labels: Sequence[int]) -> None:
    """One line per gold mention in the mention file's order, CoNLL style."""
    with open(path, "w", encoding="utf-8") as handle:
        for m, label in zip(mentions, labels):
            handle.write(f"ECB\t0\t{m.index}\t{m.key}\t({label})\n")


@click.command(name="ecbplus")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "test"]), default="dev", show_default=True,
              help="Which Cybulska & Vossen split to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--write-key", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the predicted clusters in CoNLL key format to FILE.")
def command(split_dir: Path, split: str, as_json: bool, write_key: Path | None) -> None:
    """Score cross-document event coreference on ECB+ (gold mention spans,
    no gold chains, no gold topics; MUC, B3, CEAF-e and CoNLL F1 with
    singletons).

    \b
    Example:
        storyline eval ecbplus ../shared/data/ecbplus/split --split dev --json
    """
    scores, mentions, labels = evaluate(split_dir, split)
    if write_key is not None:
        write_key_file(write_key, mentions, labels)
    if as_json:
        click.echo(json.dumps({k: (round(v, 4) if isinstance(v, float) else v)
                               for k, v in scores.items()}, sort_keys=True))
        return
    click.echo(f"ECB+ {split}: {scores['mentions']} mentions in {scores['documents']} documents")
    for name, label in (("muc", "MUC"), ("b3", "B3"), ("ceafe", "CEAF-e")):
        click.echo(f"  {label:7} P {scores[name + '_p']:.3f}  R {scores[name + '_r']:.3f}"
                   f"  F1 {scores[name + '_f1']:.3f}")
    click.echo(f"  CoNLL F1 {scores['conll_f1']:.3f}")
