"""ECB+ cross-document event coreference: reader, scorer and command.

The data are the Cybulska & Vossen split files (``ECB_<Split>_corpus.txt``,
one token per line, and ``ECB_<Split>_Event_gold_mentions.json``). At
prediction time only the gold mention *spans* are used: never the gold
chains, never the topic numbers hidden in document names. Documents are
first clustered into stories by the words they use, then mentions inside a
story are clustered by a pairwise score with average linkage (the same
machinery :mod:`storyline.link` uses for news).

The scorer is written from the metric definitions: MUC (Vilain et al. 1995),
B-cubed (Bagga & Baldwin 1998), entity-based CEAF (Luo 2005, phi4 similarity,
optimal one-to-one alignment) and their mean, the CoNLL F1. Singletons are
kept, as is usual for ECB+.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Hashable, Iterable, Sequence

import click
import numpy as np

from ..errors import InputError, UsageError
from ..link.cluster import average_link, labels_to_groups, tfidf_matrix
from ..link.lexicon import build_pair_table, lemma_pairs, pair_key

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


# --- scoring ----------------------------------------------------------------

Clusters = Sequence[Iterable[Hashable]]


def _as_sets(clusters: Clusters) -> list[frozenset]:
    return [frozenset(c) for c in clusters if c]


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Link-based: how many merges of a key cluster the response misses."""
    key_sets, resp_sets = _as_sets(key), _as_sets(response)

    def recall(gold: list[frozenset], pred: list[frozenset]) -> float:
        where = {m: i for i, c in enumerate(pred) for m in c}
        num = den = 0
        for cluster in gold:
            # mentions missing from ``pred`` each count as a partition of their own
            parts = {where.get(m, ("missing", m)) for m in cluster}
            num += len(cluster) - len(parts)
            den += len(cluster) - 1
        return num / den if den else 0.0

    r, p = recall(key_sets, resp_sets), recall(resp_sets, key_sets)
    return p, r, _f1(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Mention-based: per-mention overlap of its key and response clusters."""
    key_sets, resp_sets = _as_sets(key), _as_sets(response)

    def recall(gold: list[frozenset], pred: list[frozenset]) -> float:
        where = {m: c for c in pred for m in c}
        total = sum(len(c) for c in gold)
        if not total:
            return 0.0
        score = 0.0
        for cluster in gold:
            for m in cluster:
                other = where.get(m)
                if other is not None:
                    score += len(cluster & other) / len(cluster)
        return score / total

    r, p = recall(key_sets, resp_sets), recall(resp_sets, key_sets)
    return p, r, _f1(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF: best one-to-one alignment of clusters under
    phi4 = 2|K∩R| / (|K|+|R|) (Kuhn-Munkres via scipy)."""
    from scipy.optimize import linear_sum_assignment

    key_sets, resp_sets = _as_sets(key), _as_sets(response)
    if not key_sets or not resp_sets:
        return 0.0, 0.0, 0.0
    where = {m: j for j, c in enumerate(resp_sets) for m in c}
    sim = np.zeros((len(key_sets), len(resp_sets)))
    for i, cluster in enumerate(key_sets):
        for j, n in Counter(where[m] for m in cluster if m in where).items():
            sim[i, j] = 2 * n / (len(cluster) + len(resp_sets[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(resp_sets), total / len(key_sets)
    return p, r, _f1(p, r)


def conll_scores(key: Clusters, response: Clusters) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, r, f = metric(key, response)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out


# --- features -----------------------------------------------------------------

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_ARG_POS = {"PROPN", "NUM"}


@dataclass
class _MentionInfo:
    doc: int
    sent: tuple[str, int]
    head_lemma: str
    lemmas: str
    head_pos: str
    context: list[str]       # content lemmas of the sentence outside the mention
    args: frozenset[str]     # names and numbers in the sentence
    roles: frozenset[str]    # lemmas of the head's syntactic arguments (who, whom, where)
    salience: float = 0.0    # share of its document's mentions with the same head lemma


def _analyse(corpus: dict[str, dict[int, list[str]]], mentions: Sequence[GoldMention], nlp):
    """Parse every sentence once (pre-tokenised) and describe each mention."""
    from spacy.tokens import Doc

    keys = [(d, s) for d in sorted(corpus) for s in sorted(corpus[d])]
    parsed: dict[tuple[str, int], object] = {}
    docs = (Doc(nlp.vocab, words=corpus[d][s]) for d, s in keys)
    for key, doc in zip(keys, nlp.pipe(docs, batch_size=256)):
        parsed[key] = doc
    doc_ids = sorted(corpus)
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    doc_terms = []
    for d in doc_ids:
        words, names = [], []
        for s in sorted(corpus[d]):
            for t in parsed[(d, s)]:
                if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha:
                    words.append(t.lemma_.lower())
                if (t.pos_ in _ARG_POS or t.ent_type_) and not t.is_punct:
                    names.append(t.lemma_.lower())
        # names and numbers count twice: two stories of one kind (two
        # earthquakes, two arrests) differ mostly in who, where and when
        doc_terms.append((words + names + names, names))
    infos = []
    for m in mentions:
        doc = parsed.get((m.doc_id, m.sent_id))
        if doc is None:
            raise InputError(f"mention {m.key} points at a sentence missing from the corpus file")
        span = [doc[t] for t in m.tokens if t < len(doc)]
        inside = set(m.tokens)
        # the head is the mention token whose syntactic head lies outside it
        head = next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[0])
        context = [t.lemma_.lower() for t in doc if t.i not in inside
                   and t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha]
        args = frozenset(t.lemma_.lower() for t in doc if t.i not in inside
                         and (t.pos_ in _ARG_POS or t.ent_type_))
        roles = set()
        for child in head.children:
            if child.i in inside or child.dep_ in ("det", "punct", "aux", "auxpass", "neg", "cc"):
                continue
            # a preposition's object carries the meaning ("in Rome" -> "rome")
            targets = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            roles.update(g.lemma_.lower() for g in targets if g.is_alpha or g.like_num)
        infos.append(_MentionInfo(
            doc=doc_index[m.doc_id], sent=(m.doc_id, m.sent_id), head_lemma=head.lemma_.lower(),
            lemmas=" ".join(t.lemma_.lower() for t in span), head_pos=head.pos_,
            context=context, args=args, roles=frozenset(roles)))
    per_doc: dict[int, Counter] = {}
    for info in infos:
        per_doc.setdefault(info.doc, Counter())[info.head_lemma] += 1
    for info in infos:
        counts = per_doc[info.doc]
        info.salience = counts[info.head_lemma] / sum(counts.values())
    return doc_ids, doc_terms, infos


FEATURES = ("bias", "same_head", "same_lemmas", "same_stem", "context_cos", "args_jaccard",
            "doc_cos", "same_doc", "same_sentence", "same_pos", "pair_logodds", "pair_seen", "names_cos", "roles_jaccard",
            # the same evidence means different things for same-word pairs
            "same_head*context", "same_head*names", "same_head*logodds", "same_head*roles",
            "same_head*same_doc", "salience_min", "same_head*salience")


def _stem(lemma: str) -> str:
    # a 4-letter prefix joins arrest/arrested/areste, shoot/shooting, kill/killing
    return lemma[:4] if len(lemma) >= 4 else lemma


def _pair_features(infos: list[_MentionInfo], idx: list[int], doc_sims: tuple[np.ndarray, np.ndarray],
                   ctx_vectors: np.ndarray, pairs: dict | None = None) -> np.ndarray:
    """Feature tensor [i, j, f] for the mentions ``idx`` of one story."""
    n = len(idx)
    sub = [infos[i] for i in idx]
    heads = np.array([m.head_lemma for m in sub], dtype=object)
    feats = np.zeros((n, n, len(FEATURES)))
    feats[:, :, 0] = 1.0
    feats[:, :, 1] = heads[:, None] == heads[None, :]
    lem = np.array([m.lemmas for m in sub], dtype=object)
    feats[:, :, 2] = lem[:, None] == lem[None, :]
    stems = np.array([_stem(m.head_lemma) for m in sub], dtype=object)
    feats[:, :, 3] = (stems[:, None] == stems[None, :]) & ~(heads[:, None] == heads[None, :])
    ctx = ctx_vectors[idx]
    feats[:, :, 4] = ctx @ ctx.T
    for a in range(n):
        for b in range(a + 1, n):
            x, y = sub[a].args, sub[b].args
            union = len(x | y)
            feats[a, b, 5] = feats[b, a, 5] = len(x & y) / union if union else 0.0
    docs = np.array([m.doc for m in sub])
    feats[:, :, 6] = doc_sims[0][np.ix_(docs, docs)]
    feats[:, :, 12] = doc_sims[1][np.ix_(docs, docs)]
    feats[:, :, 7] = docs[:, None] == docs[None, :]
    sents = [m.sent for m in sub]
    sent_ids = {s: k for k, s in enumerate(sorted(set(sents)))}
    sarr = np.array([sent_ids[s] for s in sents])
    feats[:, :, 8] = sarr[:, None] == sarr[None, :]
    pos = np.array([m.head_pos for m in sub], dtype=object)
    feats[:, :, 9] = pos[:, None] == pos[None, :]
    if pairs is None:
        pairs = lemma_pairs()
    for a in range(n):
        for b in range(a + 1, n):
            score = pairs.get(pair_key(heads[a], heads[b]))
            if score is not None:
                feats[a, b, 10] = feats[b, a, 10] = score
                feats[a, b, 11] = feats[b, a, 11] = 1.0
    for a in range(n):
        for b in range(a + 1, n):
            x, y = sub[a].roles, sub[b].roles
            union = len(x | y)
            feats[a, b, 13] = feats[b, a, 13] = len(x & y) / union if union else 0.0
    for k, base in enumerate((4, 12, 10, 13, 7)):
        feats[:, :, 14 + k] = feats[:, :, 1] * feats[:, :, base]
    # the seminal event of a story is what most of each article's mentions
    # are about, and is the likeliest to be shared across articles
    sal = np.array([m.salience for m in sub])
    feats[:, :, 19] = np.minimum(sal[:, None], sal[None, :])
    feats[:, :, 20] = feats[:, :, 1] * feats[:, :, 19]
    return feats


# Learned on the TRAIN split only, by ``fit_pair_weights(corpus, mentions,
# doc_threshold=0.12)`` (logistic regression over mention pairs inside
# predicted stories; the lemma-pair table in link/data is its second result).
# The two thresholds were tuned on dev. Dev scores: MUC 0.816, B3 0.741,
# CEAF-e 0.671, CoNLL 0.743.
PAIR_WEIGHTS = (-4.871, 2.348, 0.173, 2.958, 0.703, -0.879, 0.818, -0.845, -1.569, 0.203, 0.646,
                1.477, 1.33, 4.009, 1.15, 2.732, -0.686, -3.511, -1.331, 3.253, -1.675)
DOC_THRESHOLD = 0.12
PAIR_THRESHOLD = 0.3


def cluster_documents(doc_terms, threshold: float = DOC_THRESHOLD):
    """Story clustering: average-link over TF-IDF cosine of document words.
    Returns labels, the word similarity and the names-only similarity."""
    vectors = tfidf_matrix([words for words, _ in doc_terms])
    sim = vectors @ vectors.T
    names = tfidf_matrix([n for _, n in doc_terms])
    return average_link(sim, threshold), sim, names @ names.T


def predict(corpus, mentions: Sequence[GoldMention], nlp=None, weights=PAIR_WEIGHTS,
            doc_threshold: float = DOC_THRESHOLD, pair_threshold: float = PAIR_THRESHOLD,
            pairs: dict | None = None, _cache: dict | None = None) -> list[int]:
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
    doc_labels, doc_sim, name_sim = cluster_documents(doc_terms, doc_threshold)
    ctx_vectors = tfidf_matrix([m.context for m in infos])
    stories: dict[int, list[int]] = {}
    for i, info in enumerate(infos):
        stories.setdefault(doc_labels[info.doc], []).append(i)
    w = np.asarray(weights)
    labels = [0] * len(infos)
    next_label = 0
    for story in sorted(stories):
        idx = stories[story]
        feats = _pair_features(infos, idx, (doc_sim, name_sim), ctx_vectors, pairs)
        prob = 1.0 / (1.0 + np.exp(-(feats @ w)))
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


def fit_pair_weights(corpus, mentions: Sequence[GoldMention], nlp=None,
                     doc_threshold: float = DOC_THRESHOLD, iterations: int = 100,
                     _infos=None) -> tuple[tuple[float, ...], dict[str, float]]:
    """Logistic regression (Newton steps, light L2) over mention pairs inside
    predicted stories of the TRAIN split. The lemma-pair feature is
    cross-fitted (each half of the topics scored with the table of the
    other half) so the weights do not over-trust a table that has seen the
    very pairs it scores. Returns the weights and the full-train table."""
    if _infos is None:
        if nlp is None:
            from ..annotate import load_pipeline
            nlp = load_pipeline()
        _infos = _analyse(corpus, mentions, nlp)
    doc_ids, doc_terms, infos = _infos
    topics = sorted({m.doc_id.split("_", 1)[0] for m in mentions})
    halves = [set(topics[0::2]), set(topics[1::2])]
    tables = [build_lemma_pair_table(mentions, infos, halves[1]),
              build_lemma_pair_table(mentions, infos, halves[0])]
    doc_labels, doc_sim, name_sim = cluster_documents(doc_terms, doc_threshold)
    ctx_vectors = tfidf_matrix([m.context for m in infos])
    stories: dict[int, list[int]] = {}
    for i, info in enumerate(infos):
        stories.setdefault(doc_labels[info.doc], []).append(i)
    xs, ys = [], []
    for story in sorted(stories):
        for half, table in zip(halves, tables):
            idx = [i for i in stories[story] if mentions[i].doc_id.split("_", 1)[0] in half]
            if len(idx) < 2:
                continue
            feats = _pair_features(infos, idx, (doc_sim, name_sim), ctx_vectors, table)
            chains = np.array([mentions[i].chain for i in idx], dtype=object)
            gold = chains[:, None] == chains[None, :]
            upper = np.triu_indices(len(idx), k=1)
            xs.append(feats[upper])
            ys.append(gold[upper].astype(float))
    x, y = np.vstack(xs), np.concatenate(ys)
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + 1e-3 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return tuple(round(float(v), 3) for v in w), build_lemma_pair_table(mentions, infos)


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
