"""ECB+ cross-document event coreference: reader, scorer and command.

The data are the Cybulska & Vossen split files (``ECB_<Split>_corpus.txt``,
one token per line, and ``ECB_<Split>_Event_gold_mentions.json``). At
prediction time only the gold mention *spans* are used: never the gold
chains, never the topic numbers hidden in document names. Documents are
first clustered into topics by the words, names and event triggers they
use, each topic is split into stories by a learned story model (the names,
numbers and years two documents share or do not), then mentions inside a
story are clustered by a logistic pair model with average linkage (the same
machinery :mod:`storyline.link` uses for news). Both models' weights ship
in ``link/data/ecbplus_pair_model.json``; ``scripts/train_ecbplus.py``
re-creates them from the train split.

Scores come from :mod:`storyline.evaluation.coref_scores` (MUC, B-cubed,
CEAF-e and the CoNLL F1, singletons kept).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Hashable, Iterable, Sequence

import click
import numpy as np

from ..errors import InputError, UsageError
from .coref_scores import conll_scores
from ..link.cluster import average_link, labels_to_groups, tfidf_matrix
from ..link.lexicon import build_pair_table, lemma_pairs, pair_key, synonym_group

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

# --- features -----------------------------------------------------------------

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_ARG_POS = {"PROPN", "NUM"}
#: Function words spaCy puts inside entity spans ("the Gulf of Aden"): they
#: say nothing about which story a document tells.
_NAME_STOP = frozenset({"the", "of", "a", "an", "'s", "and", "in", "on", "at", "to", "for"})
_TIME_LABELS = {"DATE", "TIME"}
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_YEAR = re.compile(r"(?:19|20)\d\d")
#: Derivational and inflectional endings that spaCy's lemmatiser leaves on
#: event nouns and on words it does not know (nominee, nomination, areste).
_SUFFIXES = ("ations", "ation", "ings", "ing", "ment", "ed", "es", "ee", "er", "s")


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
    entities: frozenset      # (label, lemma) of the sentence's named entities
    times: frozenset[str]    # the sentence's date and time expressions, lower-cased
    head_vec: np.ndarray     # the parser's contextual vector of the head (unit length)
    span_vec: np.ndarray     # ... averaged over the mention's tokens
    sent_vec: np.ndarray     # ... averaged over the sentence
    salience: float = 0.0    # share of its document's mentions with the same head lemma


@dataclass
class _DocTerms:
    words: list[str]         # content lemmas
    names: list[str]         # lemmas of names and numbers
    triggers: list[str]      # head lemmas of the document's event mentions
    entities: list[tuple[str, str]] = None  # (label, lower-cased text) of its named entities
    years: frozenset[str] = frozenset()      # four-digit years it names (1900-2099)
    tokens: frozenset[str] = frozenset()     # every word it uses, lower-cased


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


#: Verbs that lend their grammar to an event named by their object ("opened
#: fire", "made an offer", "held talks"): the object says what happened.
LIGHT_VERBS = frozenset({"be", "carry", "conduct", "deliver", "do", "get", "give", "have", "hold", "launch",
                         "make", "open", "pay", "perform", "put", "stage", "take"})


def _event_lemma(head) -> str:
    """The word that names the happening: the head's lemma, or for a light
    verb the lemma of its noun object (direct, or of a preposition: "took
    into custody")."""
    lemma = head.lemma_.lower()
    if lemma not in LIGHT_VERBS:
        return lemma
    objects = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    if not objects:
        objects = [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return objects[0].lemma_.lower() if objects and objects[0].pos_ == "NOUN" else lemma


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
        entities = [(e.label_, e.text.lower()) for s in sorted(corpus[d]) for e in parsed[(d, s)].ents]
        years = frozenset(w for s in corpus[d].values() for w in s if _YEAR.fullmatch(w))
        tokens = frozenset(w.lower() for s in corpus[d].values() for w in s)
        doc_terms.append(_DocTerms(words, names, [], entities, years, tokens))
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
        tensor = doc.tensor
        infos.append(_MentionInfo(
            doc=doc_index[m.doc_id], sent=(m.doc_id, m.sent_id), head_lemma=_event_lemma(head),
            lemmas=" ".join(t.lemma_.lower() for t in span), head_pos=head.pos_,
            context=context, args=args, roles=frozenset(roles),
            entities=frozenset((e.label_, e.lemma_.lower()) for e in doc.ents),
            times=frozenset(e.text.lower() for e in doc.ents if e.label_ in _TIME_LABELS),
            head_vec=_unit(tensor[head.i]), span_vec=_unit(tensor[[t.i for t in span]].mean(axis=0)),
            sent_vec=_unit(tensor.mean(axis=0))))
        doc_terms[doc_index[m.doc_id]].triggers.append(infos[-1].head_lemma)
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
            "same_head*same_doc", "salience_min", "same_head*salience",
            # the parser's contextual vectors carry some word meaning (strike/hit)
            "head_vec_cos", "span_vec_cos", "sent_vec_cos", "synonyms", "same_root",
            "entities_jaccard", "times_jaccard", "same_head*head_vec_cos",
            # within one document a shared context means less than across two
            "other_doc*context", "other_doc*args",
            # the story model's belief that the two documents tell one story
            "story_prob", "same_head*story_prob")


def _stem(lemma: str) -> str:
    # a 4-letter prefix joins arrest/arrested/areste, shoot/shooting, kill/killing
    return lemma[:4] if len(lemma) >= 4 else lemma


def _root(lemma: str) -> str:
    """The lemma without punctuation and one common ending (nominee and
    nomination -> nomin, #oscar and oscars -> oscar)."""
    word = "".join(c for c in lemma.lower() if c.isalpha())
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def _jaccard_matrix(sets: Sequence[frozenset]) -> np.ndarray:
    n = len(sets)
    out = np.zeros((n, n))
    for a in range(n):
        for b in range(a + 1, n):
            union = len(sets[a] | sets[b])
            if union:
                out[a, b] = out[b, a] = len(sets[a] & sets[b]) / union
    return out


def _pair_features(infos: list[_MentionInfo], idx: list[int], doc_sims: tuple[np.ndarray, np.ndarray],
                   ctx_vectors: np.ndarray, pairs: dict | None = None) -> np.ndarray:
    """Feature tensor [i, j, f] for the mentions ``idx`` of one story."""
    n = len(idx)
    sub = [infos[i] for i in idx]
    f = {name: k for k, name in enumerate(FEATURES)}
    heads = np.array([m.head_lemma for m in sub], dtype=object)
    feats = np.zeros((n, n, len(FEATURES)))
    feats[:, :, f["bias"]] = 1.0
    same_head = heads[:, None] == heads[None, :]
    feats[:, :, f["same_head"]] = same_head
    lem = np.array([m.lemmas for m in sub], dtype=object)
    feats[:, :, f["same_lemmas"]] = lem[:, None] == lem[None, :]
    stems = np.array([_stem(m.head_lemma) for m in sub], dtype=object)
    feats[:, :, f["same_stem"]] = (stems[:, None] == stems[None, :]) & ~same_head
    roots = np.array([_root(m.head_lemma) for m in sub], dtype=object)
    feats[:, :, f["same_root"]] = (roots[:, None] == roots[None, :]) & ~same_head
    groups = np.array([g if (g := synonym_group(h)) is not None else -1 - k for k, h in enumerate(heads)])
    feats[:, :, f["synonyms"]] = groups[:, None] == groups[None, :]
    ctx = ctx_vectors[idx]
    feats[:, :, f["context_cos"]] = ctx @ ctx.T
    feats[:, :, f["args_jaccard"]] = _jaccard_matrix([m.args for m in sub])
    feats[:, :, f["roles_jaccard"]] = _jaccard_matrix([m.roles for m in sub])
    feats[:, :, f["entities_jaccard"]] = _jaccard_matrix([m.entities for m in sub])
    feats[:, :, f["times_jaccard"]] = _jaccard_matrix([m.times for m in sub])
    docs = np.array([m.doc for m in sub])
    feats[:, :, f["doc_cos"]] = doc_sims[0][np.ix_(docs, docs)]
    feats[:, :, f["names_cos"]] = doc_sims[1][np.ix_(docs, docs)]
    feats[:, :, f["story_prob"]] = doc_sims[2][np.ix_(docs, docs)]
    feats[:, :, f["same_doc"]] = docs[:, None] == docs[None, :]
    sents = [m.sent for m in sub]
    sent_ids = {s: k for k, s in enumerate(sorted(set(sents)))}
    sarr = np.array([sent_ids[s] for s in sents])
    feats[:, :, f["same_sentence"]] = sarr[:, None] == sarr[None, :]
    pos = np.array([m.head_pos for m in sub], dtype=object)
    feats[:, :, f["same_pos"]] = pos[:, None] == pos[None, :]
    if pairs is None:
        pairs = lemma_pairs()
    for a in range(n):
        for b in range(a + 1, n):
            score = pairs.get(pair_key(heads[a], heads[b]))
            if score is not None:
                feats[a, b, f["pair_logodds"]] = feats[b, a, f["pair_logodds"]] = score
                feats[a, b, f["pair_seen"]] = feats[b, a, f["pair_seen"]] = 1.0
    for name in ("head_vec", "span_vec", "sent_vec"):
        vectors = np.array([getattr(m, name) for m in sub])
        feats[:, :, f[name + "_cos"]] = vectors @ vectors.T
    # the seminal event of a story is what most of each article's mentions
    # are about, and is the likeliest to be shared across articles
    sal = np.array([m.salience for m in sub])
    feats[:, :, f["salience_min"]] = np.minimum(sal[:, None], sal[None, :])
    for base in ("context_cos", "names_cos", "pair_logodds", "roles_jaccard", "same_doc", "salience_min",
                 "head_vec_cos", "story_prob"):
        name = "same_head*" + {"context_cos": "context", "names_cos": "names", "pair_logodds": "logodds",
                               "roles_jaccard": "roles", "salience_min": "salience"}.get(base, base)
        feats[:, :, f[name]] = feats[:, :, f["same_head"]] * feats[:, :, f[base]]
    other_doc = 1.0 - feats[:, :, f["same_doc"]]
    feats[:, :, f["other_doc*context"]] = other_doc * feats[:, :, f["context_cos"]]
    feats[:, :, f["other_doc*args"]] = other_doc * feats[:, :, f["args_jaccard"]]
    return feats


# The thresholds were tuned on dev (the pair and story weights are learned
# on train, see ``fit_pair_weights`` and scripts/train_ecbplus.py).
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
    if tuple(model["features"]) != FEATURES or tuple(model.get("story_features", ())) != STORY_FEATURES:
        raise InputError("link/data/ecbplus_pair_model.json was trained on other features; "
                         "re-create it with scripts/train_ecbplus.py")
    return model


def pair_weights() -> tuple[float, ...]:
    """The pair model shipped in link/data (learned on the ECB+ train split)."""
    return tuple(_model()["weights"])


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
    doc_labels, doc_sim, name_sim, story_prob = cluster_documents(doc_terms, doc_threshold)
    ctx_vectors = tfidf_matrix([m.context for m in infos])
    w = np.asarray(pair_weights() if weights is None else weights)
    labels = [0] * len(infos)
    next_label = 0
    for idx in _stories(infos, doc_labels):
        feats = _pair_features(infos, idx, (doc_sim, name_sim, story_prob), ctx_vectors, pairs)
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
                     _infos=None) -> tuple[tuple[float, ...], dict[str, float], tuple[float, ...]]:
    """Logistic regression (Newton steps, light L2) over mention pairs inside
    predicted stories of the TRAIN split (the story model is fitted first,
    see ``fit_story_weights``). The lemma-pair feature is cross-fitted (each
    half of the topics scored with the table of the other half) so the
    weights do not over-trust a table that has seen the very pairs it
    scores. Returns the pair weights, the full-train table and the story
    weights."""
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
    xs, ys = [], []
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
    w = _logistic(np.vstack(xs), np.concatenate(ys), l2=1e-3, iterations=iterations)
    return tuple(round(float(v), 3) for v in w), build_lemma_pair_table(mentions, infos), story_w


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
