"""The learned pair model of event coreference: how likely two mentions of
one story report the same happening.

One model for the build and for its measurement: ``storyline build`` links
with it (``coref.cluster_mentions``), and ``storyline eval ecbplus`` turns
the ECB+ gold mentions into the same EventMention records and calls the
same linker. Its weights are learned on the ECB+ *train* split only by
``scripts/train_ecbplus.py`` (``data/pair_model.json``).

What it reads of a mention is taken from the parse when the mention is
found (``describe``: the word that names the happening, the sentence's
other content words, names, dates, the head's own arguments, the parser's
contextual vectors) and carried on the mention as ``LinkFeatures``. What it
reads of a story (IDF of words, how often a word is used, the articles'
vocabulary) is computed from the story's own records at link time, so a
story links to the same events whatever else the corpus holds.

Two logistic models in a row: the first scores a pair from its own
features; the second adds the best two-step path through the first's
probabilities (two mentions that each surely match a third are likelier
one happening than their own words show) and the best rival (a mention of
one article that matches another of the other article better is likelier
a second happening of the same kind: two climbers' falls).
"""

from __future__ import annotations

import base64
import functools
import heapq
import json
import math
from collections import Counter
from itertools import chain
from dataclasses import dataclass, replace
from importlib import resources
from typing import Mapping, Sequence

import numpy as np
from scipy import sparse

from ..models import Article, EventMention, LinkFeatures
from .lexicon import lemma_pairs, pair_key, synonym_group

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_ARG_POS = {"PROPN", "NUM"}
_TIME_LABELS = {"DATE", "TIME"}
#: Derivational and inflectional endings spaCy's lemmatiser leaves on event
#: nouns and on words it does not know (nominee, nomination, areste).
_SUFFIXES = ("ations", "ation", "ings", "ing", "ment", "ed", "es", "ee", "er", "s")
#: Verbs that lend their grammar to an event named by their object ("opened
#: fire", "made an offer", "held talks"): the object says what happened.
LIGHT_VERBS = frozenset(
    {
        "be",
        "carry",
        "conduct",
        "deliver",
        "do",
        "get",
        "give",
        "have",
        "hold",
        "launch",
        "make",
        "open",
        "pay",
        "perform",
        "put",
        "stage",
        "take",
    }
)

FEATURES = (
    "bias",
    "same_head",
    "same_words",
    "same_stem",
    "same_root",
    "synonyms",
    "pair_logodds",
    "pair_seen",
    "context_cos",
    "args_jaccard",
    "roles_jaccard",
    "entities_jaccard",
    "times_jaccard",
    "doc_cos",
    "names_cos",
    "same_doc",
    "same_sentence",
    "same_pos",
    "head_vec_cos",
    "salience_min",
    "complementary",
    "complementary_cover",
    "lemma_vec_cos",
    "lemma_roles_cos",
    # the same evidence means different things for same-word pairs
    "same_head*context",
    "same_head*names",
    "same_head*logodds",
    "same_head*roles",
    "same_head*same_doc",
    "same_head*salience",
    "same_head*head_vec_cos",
    "same_head*doc_cos",
    # within one article a shared context means less than across two
    "other_doc*context",
    "other_doc*args",
    # the document model's belief that the two articles tell one story
    "story_prob",
    "same_head*story_prob",
    # who and what each happening involves, by the head's own arguments
    "part_cos",
    "part_conflict",
    "part_numbers_conflict",
    "same_head*part_cos",
    "same_head*part_conflict",
)
#: Entity labels grouped by what tells two stories of one kind apart.
_ENTITY_KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "ORDINAL": "number",
    "PERCENT": "number",
    "NORP": "group",
    "LANGUAGE": "group",
    "EVENT": "event",
    "WORK_OF_ART": "event",
    "PRODUCT": "event",
    "LAW": "event",
}
_KINDS = ("person", "place", "org", "date", "number", "group", "event")
#: Function words spaCy puts inside entity spans ("the Gulf of Aden").
_NAME_STOP = frozenset({"the", "of", "a", "an", "'s", "and", "in", "on", "at", "to", "for"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

#: The document model: whether two articles of a story tell one happening
#: (two climbers' falls, two players' arrests share most words and differ
#: in a few names, numbers and days).
DOC_FEATURES = (
    ("bias", "words_cos", "names_cos", "triggers_cos")
    + tuple(f"{kind}_{what}" for kind in _KINDS for what in ("jaccard", "disjoint"))
    + ("years_disjoint", "years_shared", "weekdays_disjoint", "weekdays_shared", "numbers_disjoint", "numbers_shared")
)

#: The second model reads the first one's features and these.
HOP_FEATURES = ("hop_max", "hop_max_sq", "rival_max", "rival_gap")

#: Each article's mentions are compared with those of its most similar
#: articles of the story (and its own): the cost of a story grows with its
#: articles times this, not with their square.
NEIGHBOUR_ARTICLES = 40
#: Threads of a story (see ``Story.threads``), tuned on ECB+ dev with the
#: document model learned on train.
THREAD_THRESHOLD = 0.5
SMALL_THREAD = 3
THREAD_JOIN = 0.1
#: First-model probabilities below this take no part in two-step paths.
HOP_FLOOR = 0.05


# --- what a mention carries ----------------------------------------------------


def _lemma(token) -> str:
    return token.lemma_.lower()


def event_lemma(head) -> str:
    """The word that names the happening: the head's lemma, or for a light
    verb the lemma of its noun object (direct, or of a preposition: "took
    into custody")."""
    lemma = _lemma(head)
    if lemma not in LIGHT_VERBS:
        return lemma
    objects = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    if not objects:
        objects = [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return _lemma(objects[0]) if objects and objects[0].pos_ == "NOUN" else lemma


def _pack(vector: np.ndarray) -> str:
    """A unit vector as int8 steps of 1/127, base64: 96 numbers in 128
    characters, exact to about 0.4 % in a cosine."""
    norm = float(np.linalg.norm(vector))
    if not norm:
        return ""
    steps = np.clip(np.rint(vector / norm * 127), -127, 127).astype(np.int8)
    return base64.b64encode(steps.tobytes()).decode("ascii")


def _unpack(text: str) -> np.ndarray | None:
    if not text:
        return None
    vector = np.frombuffer(base64.b64decode(text), dtype=np.int8).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


def _sentence_words(sentence) -> list[tuple[int, str, bool, bool]]:
    """(index, lemma, a context word, an argument word) of each token of ``sentence``."""
    return [
        (
            t.i,
            _lemma(t),
            t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha,
            t.pos_ in _ARG_POS or bool(t.ent_type_),
        )
        for t in sentence
    ]


#: Dependents that name a participant of the happening (who, to whom,
#: what, whose) or say which one it is (a compound's name, a number).
_PARTICIPANT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "dobj",
        "obj",
        "attr",
        "dative",
        "oprd",
        "poss",
        "compound",
        "nmod",
        "appos",
        "npadvmod",
        "nummod",
    }
)
#: A participant's own dependents that tell it from another of its kind
#: ("the British climber", "36-year-old Duncan Rait", "Mount Sefton").
_IDENTITY_DEPS = frozenset({"compound", "flat", "nummod", "amod", "poss", "appos", "nmod", "quantmod", "npadvmod"})
#: Links a clause without a subject of its own hangs from the clause that
#: has it ("died after slipping and falling": falling -> slipping -> died).
_INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "acl"})


def _identity_words(token, depth: int = 2) -> list:
    words = [token]
    if depth:
        for child in token.children:
            if child.dep_ in _IDENTITY_DEPS:
                words += _identity_words(child, depth - 1)
    return words


def participants(head, inside: set[int]) -> tuple[str, ...]:
    """Lemmas of the names, nouns and numbers that say who or what the
    happening at ``head`` involves and where: its subject (or, for a clause
    without one, the subject of the clause it hangs from), objects,
    possessor, prepositions' objects, each with the words that tell it
    apart (compounds, numbers, modifiers). Pronouns say nothing here."""
    found: set[str] = set()

    def take(token) -> None:
        for t in _identity_words(token):
            if t.i not in inside and t.pos_ in ("PROPN", "NUM", "NOUN", "ADJ") and not t.is_stop:
                if t.is_alpha or t.like_num:
                    found.add(_lemma(t))

    has_subject = False
    for child in head.children:
        if child.i in inside:
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            has_subject = True
        if child.dep_ in _PARTICIPANT_DEPS:
            take(child)
        elif child.dep_ in ("prep", "agent"):
            for g in child.children:
                if g.dep_ == "pobj":
                    take(g)
    if not has_subject and head.pos_ == "VERB":
        clause = head
        for _ in range(4):
            if clause.dep_ not in _INHERIT_DEPS or clause.head.i == clause.i:
                break
            clause = clause.head
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                for s in subjects:
                    take(s)
                break
    return tuple(sorted(found))


def describe(doc, tokens: Sequence[int], sentence=None, _read=None) -> LinkFeatures:
    """``LinkFeatures`` of the mention at token positions ``tokens`` of a
    parsed ``doc``; ``sentence`` (a span) is the sentence it is read in
    (default: the sentence of its first token). ``_read`` is
    ``with_features``' memo of what one article's sentences and entities
    hold, shared by the article's mentions."""
    inside = set(tokens)
    span = [doc[t] for t in sorted(inside) if t < len(doc)]
    if sentence is None:
        sentence = span[0].sent
    # the head is the mention token whose syntactic head lies outside it
    head = next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[0])
    if _read is None:
        _read = {}
    key = (sentence.start, sentence.end)
    words = _read.get(key)
    if words is None:
        words = _read[key] = _sentence_words(sentence)
    context = tuple(lemma for i, lemma, content, _ in words if content and i not in inside)
    args = tuple(sorted({lemma for i, lemma, _, arg in words if arg and i not in inside}))
    roles = set()
    for child in head.children:
        if child.i in inside or child.dep_ in ("det", "punct", "aux", "auxpass", "neg", "cc"):
            continue
        # a preposition's object carries the meaning ("in Rome" -> "rome")
        targets = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        roles.update(_lemma(g) for g in targets if g.is_alpha or g.like_num)
    if "ents" not in _read:  # Doc.ents makes a new Span per entity on every access
        _read["ents"] = doc.ents
    ents = [e for e in _read["ents"] if e.start >= sentence.start and e.end <= sentence.end]
    governor = head.head
    tensor = getattr(doc, "tensor", None)
    has_vectors = tensor is not None and len(tensor.shape) == 2 and tensor.shape[0] == len(doc) and tensor.shape[1]
    return LinkFeatures(
        head=event_lemma(head),
        pos=head.pos_,
        words=" ".join(_lemma(t) for t in span),
        governor="" if governor.i == head.i or governor.i in inside else _lemma(governor),
        context=context,
        args=args,
        roles=tuple(sorted(roles)),
        entities=tuple(sorted({f"{e.label_} {e.lemma_.lower()}" for e in ents})),
        times=tuple(sorted({e.text.lower() for e in ents if e.label_ in _TIME_LABELS})),
        # the head's vector only: a sentence's mean vector drifts when a long
        # article is parsed in pieces (its first words see less context) and
        # added nothing on ECB+ dev (docs/benchmarks.md)
        vector=_pack(tensor[head.i]) if has_vectors else "",
        participants=participants(head, inside),
    )


def with_features(mentions: Sequence[EventMention], doc) -> list[EventMention]:
    """The mentions of one parsed article, each with its ``LinkFeatures``
    (a mention whose trigger the parse cannot place is left as it is)."""
    out, read = [], {}
    for m in mentions:
        span = doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
        sentence = doc.char_span(m.sentence_start, m.sentence_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            out.append(m)
            continue
        if sentence is None or not (sentence.start <= span.start and span.end <= sentence.end):
            sentence = span[0].sent
        out.append(replace(m, features=describe(doc, range(span.start, span.end), sentence, read)))
    return out


_WORD_CHARS = str.maketrans({c: " " for c in ".,;:!?\"'()[]{}"})


def features_of(m: EventMention) -> LinkFeatures:
    """The mention's ``LinkFeatures``, or what its own fields say when it
    was made without a parse (hand-built records, older stores)."""
    if m.features is not None:
        return m.features
    head = (m.lemma or m.trigger).lower().strip()
    trigger = set((m.trigger or "").lower().split())
    context = tuple(
        w for w in m.sentence.lower().translate(_WORD_CHARS).split() if w.isalpha() and len(w) > 2 and w not in trigger
    )
    names = {w for a in (*m.sources, *m.targets) for w in a.name.lower().split()}
    return LinkFeatures(
        head=head, pos="", words=head, context=context, args=tuple(sorted(names)), roles=tuple(sorted(names))
    )


# --- the model -----------------------------------------------------------------

#: Added to the second model's logit before average linkage, so that the
#: build's ``link_threshold`` (0.5) is the point tuned on the ECB+ *dev*
#: split (the weights never see dev; this one number does).
LOGIT_SHIFT = 1.0


@dataclass(frozen=True)
class PairModel:
    weights: np.ndarray  # first model, over FEATURES
    hop_weights: np.ndarray  # second model, over FEATURES + HOP_FEATURES
    doc_weights: np.ndarray  # the document model, over DOC_FEATURES


@functools.lru_cache(maxsize=1)
def load_model() -> PairModel:
    text = resources.files("storyline.link").joinpath("data/pair_model.json").read_text("utf-8")
    data = json.loads(text)
    if (
        tuple(data["features"]) != FEATURES
        or tuple(data["hop_features"]) != FEATURES + HOP_FEATURES
        or tuple(data["doc_features"]) != DOC_FEATURES
    ):
        raise ValueError(
            "link/data/pair_model.json was trained on other features; re-create it with scripts/train_ecbplus.py"
        )
    return PairModel(
        np.asarray(data["weights"], dtype=np.float64),
        np.asarray(data["hop_weights"], dtype=np.float64),
        np.asarray(data["doc_weights"], dtype=np.float64),
    )


def _stem(lemma: str) -> str:
    # a 4-letter prefix joins arrest/arrested/areste, shoot/shooting, kill/killing
    return lemma[:4] if len(lemma) >= 4 else lemma


def _root(lemma: str) -> str:
    """The lemma without punctuation and one common ending (nominee and
    nomination -> nomin, #oscar and oscars -> oscar)."""
    word = "".join(c for c in lemma.lower() if c.isalpha())
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _codes(values: Sequence) -> np.ndarray:
    index: dict = {}
    return np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int64)


#: A story's matrices at most this many cells are kept dense: most stories
#: are a dozen mentions, and picking rows of a small sparse matrix costs
#: far more than the arithmetic on it.
DENSE_CELLS = 1_000_000


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def _row_sums(matrix) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1)).ravel()


def _binary(sets: Sequence[Sequence[str]]):
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, items in enumerate(sets):
        for item in set(items):
            rows.append(r)
            cols.append(vocab.setdefault(item, len(vocab)))
    shape = (len(sets), max(len(vocab), 1))
    if shape[0] * shape[1] <= DENSE_CELLS:
        out = np.zeros(shape)
        out[rows, cols] = 1.0
        return out
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


def _tfidf(docs: Sequence[Sequence[str]]):
    """L2-normalised TF-IDF rows, the IDF over ``docs`` alone (the story's)."""
    df: Counter = Counter()
    counts = [Counter(terms) for terms in docs]
    for c in counts:
        df.update(c.keys())
    terms = sorted(df)
    vocab = {t: k for k, t in enumerate(terms)}
    n = len(docs)
    # the cells as arrays, each term's IDF and each count's TF computed once
    # (with math.log, as before: the same floats, multiplied cell by cell)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms])
    rows = np.repeat(np.arange(n), np.array([len(c) for c in counts], dtype=np.int64))
    cols = np.array(list(map(vocab.__getitem__, chain.from_iterable(counts))), dtype=np.int64)
    tally = np.array(list(chain.from_iterable(c.values() for c in counts)), dtype=np.int64)
    tf = np.ones(int(tally.max(initial=1)) + 1)
    for count in np.unique(tally).tolist():
        if count != 1:
            tf[count] = 1.0 + math.log(count)
    vals = tf[tally] * idf[cols] if len(cols) else np.zeros(0)
    shape = (n, max(len(vocab), 1))
    if shape[0] * shape[1] <= DENSE_CELLS:
        matrix = np.zeros(shape)
        matrix[rows, cols] = vals
        return _unit_rows(matrix)
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=shape)
    norms = np.sqrt(_row_sums(matrix.multiply(matrix)))
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _row_dots(matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if not len(i):
        return np.zeros(0)
    if sparse.issparse(matrix):
        return np.asarray(matrix[i].multiply(matrix[j]).sum(axis=1)).ravel()
    return np.einsum("ij,ij->i", matrix[i], matrix[j])


def _jaccard(binary, sizes: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    shared = _row_dots(binary, i, j)
    union = sizes[i] + sizes[j] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _article_words(article: Article | None, sentences: Sequence[str]) -> tuple[str, ...]:
    text = article.text if article is not None and article.text else " ".join(sentences)
    return _text_words(text)


# An article is read by every story it has mentions in (three on average in
# the throughput corpus), so its words are kept for the next story: reading
# them again was a third of the linking time.
@functools.lru_cache(maxsize=2048)
def _text_words(text: str) -> tuple[str, ...]:
    from .features import words

    return tuple(words(text))


@functools.lru_cache(maxsize=2048)
def _text_tokens(text: str) -> tuple[list[str], list[str], list[str]]:
    """The years (1900-2099), weekdays and other numbers a text names, each sorted."""
    tokens = set(text.lower().translate(_WORD_CHARS).split())
    years = {w for w in tokens if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")}
    return (sorted(years), sorted(tokens & _WEEKDAYS), sorted(w for w in tokens if w.isdigit() and w not in years))


class Story:
    """One story's mentions (in the order given) described for the pair model."""

    def __init__(
        self,
        mentions: Sequence[EventMention],
        articles: Mapping[str, Article] | None = None,
        pairs: Mapping[str, float] | None = None,
        doc_weights: np.ndarray | None = None,
    ):
        articles = articles or {}
        self.doc_weights = load_model().doc_weights if doc_weights is None else doc_weights
        self.mentions = list(mentions)
        feats = [features_of(m) for m in self.mentions]
        self.features = feats
        n = self.n = len(feats)
        self.pairs = lemma_pairs() if pairs is None else pairs
        self.heads = [f.head for f in feats]
        self.head_code = _codes(self.heads)
        self.words_code = _codes([f.words for f in feats])
        self.stem_code = _codes([_stem(h) for h in self.heads])
        self.root_code = _codes([_root(h) for h in self.heads])
        self.syn_code = np.array(
            [g if (g := synonym_group(h)) is not None else -1 - k for k, h in enumerate(self.heads)], dtype=np.int64
        )
        self.pos_code = _codes([f.pos or f"?{k}" for k, f in enumerate(feats)])
        article_ids = sorted({m.article_id for m in self.mentions})
        self.article_ids = article_ids
        where = {a: k for k, a in enumerate(article_ids)}
        self.doc = np.array([where[m.article_id] for m in self.mentions], dtype=np.int64)
        self.sentence_code = _codes([(m.article_id, m.sentence_start) for m in self.mentions])
        self.context = _tfidf([f.context for f in feats])
        self.part = _tfidf([f.participants for f in feats])
        part_sizes = np.array([len(f.participants) for f in feats])
        self.part_numbers = _binary([[w for w in f.participants if any(c.isdigit() for c in w)] for f in feats])
        self.part_sizes = part_sizes
        self.sets = {}
        for name in ("args", "roles", "entities", "times"):
            binary = _binary([getattr(f, name) for f in feats])
            self.sets[name] = (binary, _row_sums(binary))
        # articles: their words (the text when the story has it) and the
        # names their mentions' sentences hold, IDF over the story's articles
        sentences: dict[str, dict[int, str]] = {a: {} for a in article_ids}
        names: dict[str, dict[int, tuple]] = {a: {} for a in article_ids}
        for m, f in zip(self.mentions, feats):
            sentences[m.article_id].setdefault(m.sentence_start, m.sentence)
            names[m.article_id].setdefault(m.sentence_start, f.args)
        self.doc_words = _tfidf(
            [_article_words(articles.get(a), [sentences[a][k] for k in sorted(sentences[a])]) for a in article_ids]
        )
        self.doc_names = _tfidf([[w for k in sorted(names[a]) for w in names[a][k]] for a in article_ids])
        heads_of: dict[str, list[str]] = {a: [] for a in article_ids}
        entities_of: dict[str, dict[str, set[str]]] = {a: {kind: set() for kind in _KINDS} for a in article_ids}
        for m, f in zip(self.mentions, feats):
            heads_of[m.article_id].append(f.head)
            for entity in f.entities:
                label, _, text = entity.partition(" ")
                kind = _ENTITY_KINDS.get(label)
                if kind is not None:
                    entities_of[m.article_id][kind].update(
                        w for w in text.split() if w not in _NAME_STOP and any(c.isalnum() for c in w)
                    )
        self.doc_triggers = _tfidf([sorted(heads_of[a]) for a in article_ids])
        self.doc_sets = {kind: _binary([sorted(entities_of[a][kind]) for a in article_ids]) for kind in _KINDS}
        told = [
            self._article_tokens(articles.get(a), [sentences[a][k] for k in sorted(sentences[a])]) for a in article_ids
        ]
        self.doc_sets["years"] = _binary([years for years, _, _ in told])
        self.doc_sets["weekdays"] = _binary([weekdays for _, weekdays, _ in told])
        self.doc_sets["numbers"] = _binary([numbers for _, _, numbers in told])
        # the seminal event of a story is what most of each article's
        # mentions are about, and the likeliest to be shared across articles
        per_doc: dict[int, Counter] = {}
        for d, h in zip(self.doc, self.heads):
            per_doc.setdefault(int(d), Counter())[h] += 1
        self.salience = np.array(
            [per_doc[int(d)][h] / sum(per_doc[int(d)].values()) for d, h in zip(self.doc, self.heads)]
        )
        dim = max((len(_unpack(f.vector)) for f in feats if f.vector), default=0)
        self.head_vec = np.zeros((n, dim), dtype=np.float32)
        for k, f in enumerate(feats):
            v = _unpack(f.vector)
            if v is not None and len(v) == dim:
                self.head_vec[k] = v
        # one word's vectors averaged over its uses in the story sketch what
        # it means beyond one sentence; and what it is done by and to, and
        # what it hangs from: two words for one kind of happening take the
        # same arguments under the same words ("an attempt to hijack", "the
        # bid to seize"; marked, so a governor "attack" is no argument)
        lemma_of = sparse.csr_matrix(
            (np.ones(n), (self.head_code, np.arange(n))), shape=(int(self.head_code.max(initial=-1)) + 1, n)
        )
        self.lemma_vec = _unit_rows(np.asarray(lemma_of @ self.head_vec)) if n else self.head_vec
        roles = _tfidf([list(f.roles) + (["^" + f.governor] if f.governor else []) for f in feats])
        if sparse.issparse(roles):
            profiles = sparse.csr_matrix(lemma_of @ roles)
            norms = np.sqrt(_row_sums(profiles.multiply(profiles)))
            norms[norms == 0] = 1.0
            self.lemma_roles = sparse.csr_matrix(sparse.diags(1.0 / norms) @ profiles)
        else:
            self.lemma_roles = _unit_rows(np.asarray(lemma_of @ roles))
        self._threads = None

    # -- candidate pairs --------------------------------------------------------

    def neighbour_articles(self, limit: int = NEIGHBOUR_ARTICLES) -> set[tuple[int, int]]:
        """Article pairs (a <= b, by number): each article with itself and
        with its ``limit`` most similar articles of the story."""
        docs = len(self.article_ids)
        linked: set[tuple[int, int]] = {(d, d) for d in range(docs)}
        step = 512
        for start in range(0, docs, step):
            block = _dense(self.doc_words[start : start + step] @ self.doc_words.T)
            for r in range(block.shape[0]):
                row = block[r]
                row[start + r] = -1.0
                if docs - 1 <= limit:
                    near = [c for c in range(docs) if c != start + r]
                else:
                    # ties fall to the lower article number: the same set whatever the input order
                    near = np.lexsort((np.arange(docs), -row))[:limit].tolist()
                for c in near:
                    a, b = start + r, c
                    linked.add((a, b) if a < b else (b, a))
        return linked

    @property
    def threads(self) -> np.ndarray:
        """A thread number per article: the story's articles grouped by the
        document model (average linkage over its probabilities for each
        article and its most similar ones, at ``THREAD_THRESHOLD``; a thread
        of up to ``SMALL_THREAD`` articles joins the one it is likeliest to
        share, if that is at least ``THREAD_JOIN``). Mentions are compared
        inside a thread (and across threads only in the rules' blocks)."""
        if getattr(self, "_threads", None) is None:
            self._threads = self._group_articles()
        return self._threads

    def _group_articles(self) -> np.ndarray:
        docs = len(self.article_ids)
        linked = sorted((a, b) for a, b in self.neighbour_articles() if a != b)
        a = np.array([p for p, _ in linked], dtype=np.int64)
        b = np.array([q for _, q in linked], dtype=np.int64)
        prob = self.doc_prob(a, b) if linked else np.zeros(0)
        labels = sparse_average_link(docs, a, b, prob, THREAD_THRESHOLD)
        # small threads: one or two short articles rarely carry the names and
        # dates that tell threads apart
        members: dict[int, list[int]] = {}
        for d, label in enumerate(labels):
            members.setdefault(label, []).append(d)
        between: dict[tuple[int, int], float] = {}
        for p, q, v in zip(a.tolist(), b.tolist(), prob.tolist()):
            x, y = labels[p], labels[q]
            if x != y:
                between[(x, y)] = between.get((x, y), 0.0) + v
                between[(y, x)] = between.get((y, x), 0.0) + v
        for label in sorted(members, key=lambda k: (len(members[k]), k)):
            if not members[label] or len(members[label]) > SMALL_THREAD:
                continue
            best = None
            for (x, y), total in between.items():
                if x == label and members[y]:
                    score = total / (len(members[x]) * len(members[y]))
                    if best is None or (score, -y) > (best[0], -best[1]):
                        best = (score, y)
            if best is None or best[0] < THREAD_JOIN:
                continue
            target = best[1]
            for (x, y), total in list(between.items()):
                if x == label and y != target:
                    between[(target, y)] = between.get((target, y), 0.0) + total
                    between[(y, target)] = between.get((y, target), 0.0) + total
            for key in [k for k in between if label in k]:
                del between[key]
            for d in members[label]:
                labels[d] = target
            members[target] += members[label]
            members[label] = []
        return np.array(labels, dtype=np.int64)

    def neighbour_pairs(self) -> set[tuple[int, int]]:
        """Pairs (i < j) of mentions whose articles are in one thread."""
        of_thread: dict[int, list[int]] = {}
        threads = self.threads
        for k, d in enumerate(self.doc):
            of_thread.setdefault(int(threads[d]), []).append(k)
        return {(i, j) for members in of_thread.values() for x, i in enumerate(members) for j in members[x + 1 :]}

    # -- features -----------------------------------------------------------------

    @staticmethod
    def _article_tokens(article: Article | None, sentences: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
        text = article.text if article is not None and article.text else " ".join(sentences)
        return _text_tokens(text)

    def doc_features(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Feature rows [pair, DOC_FEATURES] of the article pairs (a[k], b[k])."""
        x = np.zeros((len(a), len(DOC_FEATURES)))
        x[:, 0] = 1.0
        x[:, 1] = _row_dots(self.doc_words, a, b)
        x[:, 2] = _row_dots(self.doc_names, a, b)
        x[:, 3] = _row_dots(self.doc_triggers, a, b)
        column = 4
        for kind in _KINDS:
            matrix = self.doc_sets[kind]
            sizes = _row_sums(matrix)
            x[:, column] = _jaccard(matrix, sizes, a, b)
            shared = _row_dots(matrix, a, b)
            x[:, column + 1] = (sizes[a] > 0) & (sizes[b] > 0) & (shared == 0)
            column += 2
        for kind in ("years", "weekdays", "numbers"):
            matrix = self.doc_sets[kind]
            sizes = _row_sums(matrix)
            shared = _row_dots(matrix, a, b)
            x[:, column] = (sizes[a] > 0) & (sizes[b] > 0) & (shared == 0)
            x[:, column + 1] = shared > 0
            column += 2
        return x

    def _thread_uses(self) -> tuple[dict[tuple[int, int], set[int]], dict[int, int]]:
        """(thread, head) -> the articles using the word, and articles per thread."""
        threads = self.threads
        uses: dict[tuple[int, int], set[int]] = {}
        for h, d in zip(self.head_code.tolist(), self.doc.tolist()):
            uses.setdefault((int(threads[d]), h), set()).add(d)
        return uses, Counter(threads.tolist())

    def doc_prob(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The document model's probability that articles a[k] and b[k]
        tell one story (1 for an article with itself)."""
        out = np.ones(len(a))
        other = a != b
        if other.any() and len(self.doc_weights):
            out[other] = _sigmoid(self.doc_features(a[other], b[other]) @ self.doc_weights)
        return out

    def features_matrix(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Feature rows [pair, FEATURES] of the pairs (i[k], j[k])."""
        f = {name: k for k, name in enumerate(FEATURES)}
        x = np.zeros((len(i), len(FEATURES)))
        x[:, f["bias"]] = 1.0
        same_head = self.head_code[i] == self.head_code[j]
        x[:, f["same_head"]] = same_head
        x[:, f["same_words"]] = self.words_code[i] == self.words_code[j]
        x[:, f["same_stem"]] = (self.stem_code[i] == self.stem_code[j]) & ~same_head
        x[:, f["same_root"]] = (self.root_code[i] == self.root_code[j]) & ~same_head
        x[:, f["synonyms"]] = self.syn_code[i] == self.syn_code[j]
        lookup: dict[tuple[int, int], float | None] = {}
        for k, (a, b) in enumerate(zip(self.head_code[i].tolist(), self.head_code[j].tolist())):
            key = (a, b) if a <= b else (b, a)
            if key not in lookup:
                lookup[key] = self.pairs.get(pair_key(self.heads[i[k]], self.heads[j[k]]))
            score = lookup[key]
            if score is not None:
                x[k, f["pair_logodds"]] = score
                x[k, f["pair_seen"]] = 1.0
        x[:, f["context_cos"]] = _row_dots(self.context, i, j)
        for name in ("args", "roles", "entities", "times"):
            x[:, f[name + "_jaccard"]] = _jaccard(*self.sets[name], i, j)
        di, dj = self.doc[i], self.doc[j]
        x[:, f["doc_cos"]] = _row_dots(self.doc_words, di, dj)
        x[:, f["names_cos"]] = _row_dots(self.doc_names, di, dj)
        same_doc = di == dj
        x[:, f["same_doc"]] = same_doc
        x[:, f["same_sentence"]] = self.sentence_code[i] == self.sentence_code[j]
        x[:, f["same_pos"]] = self.pos_code[i] == self.pos_code[j]
        x[:, f["head_vec_cos"]] = _row_dots(self.head_vec, i, j)
        x[:, f["salience_min"]] = np.minimum(self.salience[i], self.salience[j])
        hi, hj = self.head_code[i], self.head_code[j]
        threads = self.threads
        uses, documents = self._thread_uses()
        for k in np.flatnonzero(~same_doc & ~same_head & (threads[di] == threads[dj])):
            thread = int(threads[di[k]])
            x_uses, y_uses = uses[(thread, int(hi[k]))], uses[(thread, int(hj[k]))]
            if x_uses.isdisjoint(y_uses):
                # two words no article of the story uses both of, which together
                # run through much of it: reporters' choices of word for its
                # main happening (foil/thwart)
                x[k, f["complementary"]] = 1.0
                x[k, f["complementary_cover"]] = len(x_uses | y_uses) / documents[thread]
        x[:, f["lemma_vec_cos"]] = _row_dots(self.lemma_vec, hi, hj) * ~same_head
        x[:, f["lemma_roles_cos"]] = _row_dots(self.lemma_roles, hi, hj) * ~same_head
        for base, name in (
            ("context_cos", "context"),
            ("names_cos", "names"),
            ("pair_logodds", "logodds"),
            ("roles_jaccard", "roles"),
            ("same_doc", "same_doc"),
            ("salience_min", "salience"),
            ("head_vec_cos", "head_vec_cos"),
            ("doc_cos", "doc_cos"),
        ):
            x[:, f["same_head*" + name]] = same_head * x[:, f[base]]
        x[:, f["story_prob"]] = self.doc_prob(di, dj)
        x[:, f["same_head*story_prob"]] = same_head * x[:, f["story_prob"]]
        part_cos = _row_dots(self.part, i, j)
        x[:, f["part_cos"]] = part_cos
        both = (self.part_sizes[i] > 0) & (self.part_sizes[j] > 0)
        x[:, f["part_conflict"]] = both & (part_cos == 0)
        numbers = _row_sums(self.part_numbers)
        x[:, f["part_numbers_conflict"]] = (
            (numbers[i] > 0) & (numbers[j] > 0) & (_row_dots(self.part_numbers, i, j) == 0)
        )
        x[:, f["same_head*part_cos"]] = same_head * part_cos
        x[:, f["same_head*part_conflict"]] = same_head * x[:, f["part_conflict"]]
        other_doc = 1.0 - x[:, f["same_doc"]]
        x[:, f["other_doc*context"]] = other_doc * x[:, f["context_cos"]]
        x[:, f["other_doc*args"]] = other_doc * x[:, f["args_jaccard"]]
        return x

    def rule_scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        from .coref import MentionInfo, rule_score
        from .features import SentenceVectors

        if not hasattr(self, "_infos"):
            self._infos = [MentionInfo.of(m) for m in self.mentions]
            vectors = SentenceVectors(self.mentions)
            self._vectors = [vectors.vectors[m.id] for m in self.mentions]
        infos, vectors = self._infos, self._vectors
        return np.array(
            [rule_score(infos[a], infos[b], vectors[a], vectors[b]) for a, b in zip(i.tolist(), j.tolist())]
        )


def sparse_average_link(n: int, i: np.ndarray, j: np.ndarray, prob: np.ndarray, threshold: float) -> list[int]:
    """Average linkage of ``n`` items over the scored pairs (unscored pairs
    count 0): a label per item, the smallest member of its group."""
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, p in zip(i.tolist(), j.tolist(), prob.tolist()):
        if a != b and p > 0:
            sums[a][b] = sums[a].get(b, 0.0) + p
            sums[b][a] = sums[b].get(a, 0.0) + p
    count = [1] * n
    members = [[k] for k in range(n)]
    heap = [(-p, a, b) for a in range(n) for b, p in sums[a].items() if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not members[a] or not members[b] or b not in sums[a]:
            continue
        average = sums[a][b] / (count[a] * count[b])
        if average != -neg:
            continue
        if average < threshold:
            break
        for k, v in sums[b].items():
            if k != a:
                sums[a][k] = sums[a].get(k, 0.0) + v
                sums[k][a] = sums[a][k]
                del sums[k][b]
        del sums[a][b]
        sums[b] = {}
        count[a] += count[b]
        members[a] += members[b]
        members[b] = []
        for k, v in sums[a].items():
            heapq.heappush(heap, (-(v / (count[a] * count[k])), min(a, k), max(a, k)))
    labels = [0] * n
    for root, group in enumerate(members):
        for k in group:
            labels[k] = root
    return labels


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def hop_paths(n: int, i: np.ndarray, j: np.ndarray, prob: np.ndarray, floor: float = HOP_FLOOR) -> np.ndarray:
    """For each pair (i[k], j[k]): the best two-step path through a third
    mention, max over m of min(p_im, p_mj), over the pairs scored (a pair
    not scored counts 0) with probability at least ``floor``. Walked from
    the middle mention, so the cost is the sum of squared degrees of the
    graph of likely pairs, not pairs times degrees."""
    near: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for a, b, p in zip(i.tolist(), j.tolist(), prob.tolist()):
        if p >= floor:
            near[a].append((b, p))
            near[b].append((a, p))
    best: dict[tuple[int, int], float] = {}
    for around in near:
        around.sort()
        for x in range(len(around)):
            a, p = around[x]
            for y in range(x + 1, len(around)):
                b, q = around[y]
                value = p if p < q else q
                if value > best.get((a, b), 0.0):
                    best[(a, b)] = value
    return np.array([best.get((a, b) if a < b else (b, a), 0.0) for a, b in zip(i.tolist(), j.tolist())])


def rivals(story: Story, i: np.ndarray, j: np.ndarray, prob: np.ndarray) -> np.ndarray:
    """For each pair (i[k], j[k]) of two articles: the first model's best
    probability for i with another mention of j's article, or for j with
    another of i's (0 within one article). Two climbers' falls told in
    both articles: each fall matches its own better than the other's."""
    top: dict[tuple[int, int], list[tuple[float, int]]] = {}
    di, dj = story.doc[i].tolist(), story.doc[j].tolist()
    for a, b, da, db, p in zip(i.tolist(), j.tolist(), di, dj, prob.tolist()):
        if da == db:
            continue
        for key, partner in (((a, db), b), ((b, da), a)):
            best = top.setdefault(key, [])
            best.append((p, partner))
            if len(best) > 2:
                best.sort(reverse=True)
                del best[2:]
    out = np.zeros(len(i))
    for k, (a, b, da, db) in enumerate(zip(i.tolist(), j.tolist(), di, dj)):
        if da == db:
            continue
        value = 0.0
        for key, partner in (((a, db), b), ((b, da), a)):
            for p, other in top.get(key, ()):
                if other != partner and p > value:
                    value = p
        out[k] = value
    return out


def second_stage(story: Story, i: np.ndarray, j: np.ndarray, first: np.ndarray) -> np.ndarray:
    """What the second model reads of the first one's probabilities, a row
    per pair: the best two-step path, the best rival and the pair's own."""
    return np.stack([hop_paths(story.n, i, j, first), rivals(story, i, j, first), first], axis=1)


def with_hops(x: np.ndarray, stage: np.ndarray) -> np.ndarray:
    stage = np.asarray(stage, dtype=np.float64).reshape(len(x), -1)
    hops, rival, first = stage[:, 0], stage[:, 1], stage[:, 2]
    return np.concatenate([x, hops[:, None], (hops**2)[:, None], rival[:, None], (first - rival)[:, None]], axis=1)


def score_pairs(
    story: Story,
    i: np.ndarray,
    j: np.ndarray,
    model: PairModel | None = None,
    chunk: int = 200_000,
    shift: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The second model's probability for each pair, and what it read of
    the first model's (``second_stage``: kept to explain a link). Features are made ``chunk`` pairs at a time,
    so a large story never holds them all."""
    model = model or load_model()
    shift = LOGIT_SHIFT if shift is None else shift
    first = np.concatenate(
        [
            _sigmoid(story.features_matrix(i[s : s + chunk], j[s : s + chunk]) @ model.weights)
            for s in range(0, len(i), chunk)
        ]
        or [np.zeros(0)]
    )
    hops = second_stage(story, i, j, first)
    second = np.concatenate(
        [
            _sigmoid(
                with_hops(story.features_matrix(i[s : s + chunk], j[s : s + chunk]), hops[s : s + chunk])
                @ model.hop_weights
                + shift
            )
            for s in range(0, len(i), chunk)
        ]
        or [np.zeros(0)]
    )
    return second, hops


def reasons(
    story: Story,
    first: Sequence[int],
    second: Sequence[int],
    hops: Sequence,
    model: PairModel | None = None,
    top: int = 3,
) -> list[tuple[tuple[str, float], ...]]:
    """For each pair (first[k], second[k]): the features that added most to
    its logit in the second model (name, amount), strongest first. ``hops``
    holds each pair's ``second_stage`` row (a bare number: a pair the rules
    tied, read with that path and no rival)."""
    model = model or load_model()
    if not len(first):
        return []
    stage = np.zeros((len(first), 3))
    for k, h in enumerate(hops):
        row = np.atleast_1d(np.asarray(h, dtype=np.float64))
        stage[k, : len(row)] = row[:3]
    x = with_hops(story.features_matrix(np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)), stage)
    names = FEATURES + HOP_FEATURES
    out = []
    for row in x * model.hop_weights:
        parts = sorted(
            ((float(v), names[k]) for k, v in enumerate(row) if names[k] != "bias" and v > 0),
            key=lambda vn: (-vn[0], vn[1]),
        )
        out.append(tuple((name, round(value, 3)) for value, name in parts[:top]))
    return out
