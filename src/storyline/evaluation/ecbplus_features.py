"""ECB+ event mentions described for the pair model: one spaCy parse per
sentence, what each mention's sentence and document say, and the pair
features the logistic pair model of :mod:`storyline.evaluation.ecbplus`
reads (its weights are learned on the train split).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..errors import InputError
from ..link.cluster import tfidf_matrix
from ..link.lexicon import lemma_pairs, pair_key, synonym_group

if TYPE_CHECKING:
    from .ecbplus import GoldMention

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
    lemma_vec: np.ndarray | None = None  # head_vec averaged over every mention with this head lemma
    governor: str = ""       # lemma of the word the head hangs from, outside the mention ("" at the root)
    lemma_roles: np.ndarray | None = None  # TF-IDF of roles and governors of every mention with this head lemma


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
        governor = head.head
        tensor = doc.tensor
        infos.append(_MentionInfo(
            doc=doc_index[m.doc_id], sent=(m.doc_id, m.sent_id), head_lemma=_event_lemma(head),
            lemmas=" ".join(t.lemma_.lower() for t in span), head_pos=head.pos_,
            context=context, args=args, roles=frozenset(roles),
            entities=frozenset((e.label_, e.lemma_.lower()) for e in doc.ents),
            times=frozenset(e.text.lower() for e in doc.ents if e.label_ in _TIME_LABELS),
            head_vec=_unit(tensor[head.i]), span_vec=_unit(tensor[[t.i for t in span]].mean(axis=0)),
            sent_vec=_unit(tensor.mean(axis=0)),
            governor="" if governor.i == head.i or governor.i in inside else governor.lemma_.lower()))
        doc_terms[doc_index[m.doc_id]].triggers.append(infos[-1].head_lemma)
    per_doc: dict[int, Counter] = {}
    for info in infos:
        per_doc.setdefault(info.doc, Counter())[info.head_lemma] += 1
    for info in infos:
        counts = per_doc[info.doc]
        info.salience = counts[info.head_lemma] / sum(counts.values())
    # one word's vectors averaged over all its uses sketch what it means
    # beyond one sentence's context (the input's own text: nothing learned)
    uses: dict[str, list[int]] = {}
    for k, info in enumerate(infos):
        uses.setdefault(info.head_lemma, []).append(k)
    centroids = {lemma: _unit(np.mean([infos[k].head_vec for k in ks], axis=0)) for lemma, ks in uses.items()}
    # and what the word is done by and to, and what it hangs from, across
    # the input: two words for one kind of happening take the same
    # arguments (navy, pirates, ship) under the same words ("an attempt to
    # hijack", "the bid to seize"; marked, so a governor "attack" is not
    # an argument "attack")
    roles = tfidf_matrix([sorted(info.roles) + ["^" + info.governor] * bool(info.governor) for info in infos])
    profiles = {lemma: _unit(roles[ks].mean(axis=0)) for lemma, ks in uses.items()}
    for info in infos:
        info.lemma_vec = centroids[info.head_lemma]
        info.lemma_roles = profiles[info.head_lemma]
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
            "story_prob", "same_head*story_prob",
            # two different words that never meet in one document of the story
            # but together run through much of it: reporters' choices of word
            # for its main happening (foil/thwart), see _complementary
            "complementary", "complementary_cover",
            # cosines of the two head lemmas' vectors, and of their roles,
            # averaged over all their uses
            "lemma_vec_cos", "lemma_roles_cos")


#: What the first pair model's probabilities say about a pair through the
#: other mentions of its story: two mentions that each surely match a third
#: one are likelier one happening than their own words show (the Oscars and
#: the awards both match "the ceremony"). Its square lets the second
#: model's logit bend: learned on train, a middling path already counts
#: nearly as much as a sure one (the pair's own features say the rest),
#: which a logit linear in the path cannot express. On train, fitted on
#: one half of the topics and scored on the other, the square lifts CoNLL
#: at every pair threshold from 0.2 to 0.4.
HOP_FEATURES = ("hop_max", "hop_max_sq")


def hop_features(prob: np.ndarray) -> np.ndarray:
    """Feature tensor [i, j, 2] from the first model's pair probabilities:
    the best two-step path, max over the other mentions k of
    min(p_ik, p_kj), and its square. (The mean product p_ik * p_kj was tried too: less and
    less evenly over the thresholds.)"""
    p = prob.astype(np.float64).copy()
    np.fill_diagonal(p, 0.0)  # so k = i or k = j adds nothing
    n = len(p)
    out = np.zeros((n, n, len(HOP_FEATURES)))
    if n < 3:
        return out
    for i in range(n):  # row by row: an n x n x n block would not fit large stories
        out[i, :, 0] = np.minimum(p[i][:, None], p).max(axis=0)
    np.fill_diagonal(out[:, :, 0], 0.0)
    out[:, :, 1] = out[:, :, 0] ** 2
    return out


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


def _complementary(sub: Sequence[_MentionInfo]) -> tuple[np.ndarray, np.ndarray]:
    """For pairs of mentions in two documents with different head lemmas
    that no document of ``sub`` uses both of: 1, and the share of the
    documents that use either (0 for every other pair)."""
    uses: dict[str, set[int]] = {}
    for m in sub:
        uses.setdefault(m.head_lemma, set()).add(m.doc)
    n, documents = len(sub), len({m.doc for m in sub})
    disjoint, cover = np.zeros((n, n)), np.zeros((n, n))
    for a in range(n):
        for b in range(a + 1, n):
            x, y = uses[sub[a].head_lemma], uses[sub[b].head_lemma]
            if sub[a].doc != sub[b].doc and x is not y and not x & y:
                disjoint[a, b] = disjoint[b, a] = 1.0
                cover[a, b] = cover[b, a] = len(x | y) / documents
    return disjoint, cover


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
    complementary, cover = _complementary(sub)
    feats[:, :, f["complementary"]] = complementary
    feats[:, :, f["complementary_cover"]] = cover
    lemma_vecs = np.array([m.lemma_vec for m in sub])
    feats[:, :, f["lemma_vec_cos"]] = (lemma_vecs @ lemma_vecs.T) * ~same_head
    lemma_roles = np.array([m.lemma_roles for m in sub])
    feats[:, :, f["lemma_roles_cos"]] = (lemma_roles @ lemma_roles.T) * ~same_head
    other_doc = 1.0 - feats[:, :, f["same_doc"]]
    feats[:, :, f["other_doc*context"]] = other_doc * feats[:, :, f["context_cos"]]
    feats[:, :, f["other_doc*args"]] = other_doc * feats[:, :, f["args_jaccard"]]
    return feats
