"""A learned decision for event words the rules and dictionaries leave alone.

The lexicon and the verb dictionary decide the words they know. For a word
they are silent on, a small multinomial logistic regression (``NONE`` or a
PLOVER type) trained on the development files by
``scripts/train_event_model.py`` may propose a candidate; the extraction's
own modality, negation, attribution and actor checks then decide whether
it becomes a mention, as for any other candidate.

Only words whose lemma the model has seen as an annotated trigger are
looked at (``lemmas``): a set look-up per token, so the model costs nothing
on sentences without one. Features are general: the lemma, its part of
speech and dependency, its governor and its children (with their entity
types and prepositions), and the parser's own context vector of the word
(``doc.tensor``, the tok2vec output the parse already computed).

The model file (``data/event_model.json``) holds the classes, the lemmas,
the feature names and the weights as base64 float32; it is rebuilt byte for
byte by the script, whose leave-one-file-out scores sit beside it in
``data/event_model.meta.json``.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

NONE = "NONE"
#: Parts of speech a learned trigger may have (nominal triggers: "massacre", "embargo").
GATE_POS = ("VERB", "NOUN")
#: Children that say nothing about the event.
_SKIPPED_CHILDREN = ("det", "punct", "cc", "case")


def token_features(token) -> list[str]:
    """The sparse features of one candidate word, as names."""
    lemma = token.lemma_.lower()
    head = token.head
    feats = [
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"h={head.lemma_.lower()}",
        f"hp={head.pos_}",
        f"dh={token.dep_}:{head.lemma_.lower()}",
    ]
    if token.ent_type_:
        feats.append(f"e={token.ent_type_}")
    for child in token.children:
        dep = child.dep_
        if dep in _SKIPPED_CHILDREN:
            continue
        feats += (f"c={dep}", f"c={dep}:{child.lemma_.lower()}")
        if child.ent_type_:
            feats.append(f"ce={dep}:{child.ent_type_}")
        if dep == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    feats.append(f"po={child.lower_}:{grand.lemma_.lower()}")
                    if grand.ent_type_:
                        feats.append(f"pe={child.lower_}:{grand.ent_type_}")
    return feats


def dense_features(doc, indices: Sequence[int]) -> np.ndarray:
    """The parser's context vectors of the words (zeros when the pipeline has none)."""
    tensor = getattr(doc, "tensor", None)
    if tensor is None or len(tensor) != len(doc) or not len(indices):
        return np.zeros((len(indices), DENSE_DIMS), dtype=np.float32)
    rows = np.asarray(tensor[list(indices)], dtype=np.float32)
    if rows.shape[1] != DENSE_DIMS:
        return np.zeros((len(indices), DENSE_DIMS), dtype=np.float32)
    return rows


#: Width of en_core_web_sm's tok2vec output.
DENSE_DIMS = 96


@dataclass(frozen=True)
class EventModel:
    classes: tuple[str, ...]  # NONE first
    lemmas: frozenset  # words the model looks at
    features: dict  # feature name -> row of ``sparse``
    sparse: np.ndarray  # (features, classes)
    dense: np.ndarray  # (DENSE_DIMS, classes)
    bias: np.ndarray  # (classes,)
    threshold: float  # least probability of a type to propose it

    def probabilities(self, doc, indices: Sequence[int]) -> np.ndarray:
        """(len(indices), classes) softmax probabilities of the words at ``indices``."""
        scores = dense_features(doc, indices) @ self.dense + self.bias
        for row, i in enumerate(indices):
            rows = [self.features[f] for f in token_features(doc[i]) if f in self.features]
            if rows:
                scores[row] += self.sparse[rows].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def decide(self, doc, indices: Sequence[int]) -> list[tuple[int, str, float]]:
        """(index, PLOVER type, probability) of the words the model takes for
        an event of that type at least ``threshold`` sure."""
        if not indices:
            return []
        probs = self.probabilities(doc, indices)
        out = []
        for row, i in enumerate(indices):
            best = int(probs[row].argmax())
            if self.classes[best] != NONE and probs[row, best] >= self.threshold:
                out.append((i, self.classes[best], float(probs[row, best])))
        return out

    # --- the file ---------------------------------------------------------

    def to_json(self, meta: dict | None = None) -> str:
        """The model as one JSON text, the same bytes for the same model."""
        names = sorted(self.features, key=self.features.get)
        weights = np.vstack([self.sparse, self.dense, self.bias[None, :]]).astype("<f4")
        return (
            json.dumps(
                {
                    "format": 1,
                    "classes": list(self.classes),
                    "threshold": self.threshold,
                    "dense_dims": DENSE_DIMS,
                    "lemmas": sorted(self.lemmas),
                    "features": names,
                    "weights": base64.b64encode(weights.tobytes()).decode("ascii"),
                    **(meta or {}),
                },
                indent=0,
                sort_keys=True,
            )
            + "\n"
        )

    @staticmethod
    def from_json(text: str) -> "EventModel":
        data = json.loads(text)
        classes, names = tuple(data["classes"]), data["features"]
        weights = np.frombuffer(base64.b64decode(data["weights"]), dtype="<f4").reshape(-1, len(classes))
        if (
            data.get("format") != 1
            or weights.shape[0] != len(names) + data["dense_dims"] + 1
            or data["dense_dims"] != DENSE_DIMS
        ):
            raise ValueError("event model file of an unknown layout")
        n = len(names)
        return EventModel(
            classes,
            frozenset(data["lemmas"]),
            {f: i for i, f in enumerate(names)},
            weights[:n].astype(np.float32),
            weights[n : n + DENSE_DIMS].astype(np.float32),
            weights[-1].astype(np.float32),
            float(data["threshold"]),
        )


MODEL_FILE = "event_model.json"
_override: list = []


@functools.lru_cache(maxsize=1)
def _packaged() -> EventModel | None:
    path = resources.files("storyline.events").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    return EventModel.from_json(path.read_text(encoding="utf-8"))


def load_model() -> EventModel | None:
    """The model in use: the packaged one, unless ``using`` put another in place."""
    return _override[-1] if _override else _packaged()


@contextlib.contextmanager
def using(model: EventModel | None) -> Iterator[None]:
    """Code with ``model`` (None: with no model) inside the block; for the
    training script's held-out folds and for tests."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def read_model(path: str | Path) -> EventModel:
    return EventModel.from_json(Path(path).read_text(encoding="utf-8"))


def gate(
    doc,
    start: int,
    end: int,
    claimed: set[int],
    model: EventModel,
    words,
    known: tuple[frozenset, frozenset] = (frozenset(), frozenset()),
) -> list[int]:
    """Indices in [start, end) the model looks at: a verb or noun whose
    lemma it knows, that the lexicon does not decide (``known``: its verb
    and noun trigger lemmas) and that no rule or dictionary candidate holds
    (``claimed``). ``words`` is ``annotate.token_strings(doc)``."""
    verbs, nouns = known
    out = []
    for i in range(start, end):
        pos = words.pos[i]
        if i in claimed or pos not in GATE_POS:
            continue
        lemma = words.lemma[i].lower()
        if lemma in model.lemmas and lemma not in (verbs if pos == "VERB" else nouns):
            out.append(i)
    return out


def learned_candidates(sent, found: Sequence, known: tuple[frozenset, frozenset]) -> list[tuple[object, object, bool]]:
    """(token, Code, nominal) for the words of ``sent`` the model takes for
    an event where the rules and dictionaries found none (``found``: their
    candidates; ``known``: the lexicon's verb and noun trigger lemmas, which
    its rules decide, candidate or not). A noun is proposed only for the
    types the extraction codes as nouns, as the rules do. Nothing without
    a model."""
    model = load_model()
    if model is None:
        return []
    from ..annotate import token_strings
    from .lexicon import NOMINAL_TYPES, Code

    doc = sent.doc
    claimed = {c.token.i for c in found} | {x.i for c in found for x in getattr(c, "complements", ())}
    out = []
    for i, kind, _ in model.decide(doc, gate(doc, sent.start, sent.end, claimed, model, token_strings(doc), known)):
        token = doc[i]
        nominal = token.pos_ == "NOUN"
        if nominal and kind not in NOMINAL_TYPES:
            continue
        out.append((token, Code(kind, DEFAULT_CAMEO[kind], None), nominal))
    return out


#: The CAMEO code a learned candidate of each type carries: the code the
#: lexicon gives most of its words of that type.
DEFAULT_CAMEO = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "051",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "0874",
    "REQUEST": "020",
    "ACCUSE": "111",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "141",
    "SANCTION": "163",
    "MOBILIZE": "152",
    "COERCE": "173",
    "ASSAULT": "190",
}
