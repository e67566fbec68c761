"""Build storyline's learned event decider (``events/model.py``) from the
development files of ``../shared/data/events/``, and score it only on files
it was not trained on.

    .venv/bin/python scripts/train_event_model.py            # writes the model and its meta
    .venv/bin/python scripts/train_event_model.py --check    # rebuilds and compares, writes nothing

Training examples are words of the files' texts, labelled by the gold
annotation: an annotated trigger with a PLOVER type is that type; an
annotated trigger without one (an event PLOVER has no type for: a death
from illness, a purchase) is ``NONE``; on an exhaustive file (WikiEvents)
every other word is ``NONE``; on RAMS, which annotates one event per
window, other words say nothing and are left out. Only words whose lemma
is an annotated trigger with a type in the training files, and which the
lexicon does not already decide, are examples (and are looked at when
coding).

The PLOVER dev records and the ConfliBERT sentences carry no trigger, so
they train nothing: they, and the golden sets, are scored with the model
built from the two trigger files, through the whole extraction.

Cross-validation is leave one file out: trained on RAMS dev, scored on
WikiEvents dev, and the other way round: word-level precision and recall,
and ``storyline eval events`` on the held-out file with the fold's model
against the same extraction with no model. The numbers go to
``events/data/event_model.meta.json``; the model trained on both files to
``events/data/event_model.json``. Weights are fitted by L-BFGS from zero
(no randomness); the same data and libraries give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from storyline.events.model import (  # noqa: E402
    DENSE_DIMS,
    GATE_POS,
    MODEL_FILE,
    NONE,
    EventModel,
    dense_features,
    token_features,
    using,
)

DATA = ROOT / "src" / "storyline" / "events" / "data"
FILES = {"rams_dev": SHARED / "events" / "rams_dev.jsonl", "wikievents_dev": SHARED / "events" / "wikievents_dev.jsonl"}
#: L2 penalty on the weights; a feature must occur this often in training to get one.
L2 = 1.0
MIN_FEATURE_COUNT = 2
#: A lemma is looked at when it is a typed trigger in at least this many records: one
#: annotation is no evidence that a word names events ("go" in "a bomb went off").
MIN_TRIGGER_RECORDS = 2
THRESHOLD = 0.5


def lexicon_lemmas() -> tuple[frozenset, frozenset]:
    """Verb and noun lemmas the lexicon's rules decide: extraction never
    asks the model about them, so neither does the word-level scoring."""
    from storyline.events.lexicon import load_lexicon
    from storyline.events.mentions import trigger_lemmas

    return trigger_lemmas(load_lexicon())


def examples_of(name: str, nlp) -> list[dict]:
    """Every gate word of the file with its label (None: unknown), its
    features and its dense vector."""
    from storyline.evaluation.events import read_records

    records = read_records(FILES[name])
    out = []
    for record, doc in zip(records, nlp.pipe((r.text for r in records), batch_size=32)):
        gold: dict[int, str] = {}
        for event in record.events:
            if event.trigger is None:
                continue
            span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if span is not None and len(span):
                # a typed reading wins over an untyped one of the same word
                if gold.get(span.root.i) in (None, NONE):
                    gold[span.root.i] = event.type or NONE
        indices = [t.i for t in doc if t.pos_ in GATE_POS]
        vectors = dense_features(doc, indices)
        for row, i in enumerate(indices):
            label = gold.get(i, NONE if record.exhaustive else None)
            if label is None:
                continue
            token = doc[i]
            out.append(
                {
                    "file": name,
                    "id": record.id,
                    "i": i,
                    "lemma": token.lemma_.lower(),
                    "label": label,
                    "features": token_features(token),
                    "dense": vectors[row],
                }
            )
    return out


def fit(examples: list[dict]) -> EventModel:
    """Softmax regression over the examples whose lemma is a typed trigger
    of them (in MIN_TRIGGER_RECORDS records). Words the lexicon decides
    train it too (their contexts teach the context features) though it is
    never asked about them: the model does not depend on the lexicon of the day."""
    records: dict[str, set] = {}
    for e in examples:
        if e["label"] != NONE:
            records.setdefault(e["lemma"], set()).add((e["file"], e["id"]))
    lemmas = frozenset(lemma for lemma, seen in records.items() if len(seen) >= MIN_TRIGGER_RECORDS)
    chosen = [e for e in examples if e["lemma"] in lemmas]
    classes = (NONE, *sorted({e["label"] for e in chosen} - {NONE}))
    counts = Counter(f for e in chosen for f in set(e["features"]))
    names = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT or f.startswith("l="))
    index = {f: i for i, f in enumerate(names)}
    x = _design(chosen, index)
    y = np.array([classes.index(e["label"]) for e in chosen])
    k, d = len(classes), x.shape[1]
    onehot = np.zeros((len(y), k))
    onehot[np.arange(len(y)), y] = 1.0
    penalty = np.ones((d, 1))
    penalty[-1] = 0.0  # the bias is not shrunk

    def loss(flat):
        w = flat.reshape(d, k)
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        value = -(onehot * logp).sum() + 0.5 * L2 * (penalty * w * w).sum()
        grad = x.T @ (np.exp(logp) - onehot) + L2 * penalty * w
        return value, np.asarray(grad).ravel()

    result = optimize.minimize(loss, np.zeros(d * k), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    # rounded, so that the last bits of the optimiser's arithmetic never reach the file
    w = np.round(result.x.reshape(d, k), 4).astype(np.float32)
    n = len(names)
    return EventModel(classes, lemmas, index, w[:n], w[n : n + DENSE_DIMS], w[-1], THRESHOLD)


def _design(examples: list[dict], index: dict) -> sparse.csr_matrix:
    """Sparse features, the dense vector and a bias column, one row per example."""
    rows, cols = [], []
    for r, e in enumerate(examples):
        for c in sorted({index[f] for f in e["features"] if f in index}):
            rows.append(r)
            cols.append(c)
    binary = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(index)))
    dense = np.vstack([e["dense"] for e in examples]) if examples else np.zeros((0, DENSE_DIMS))
    return sparse.hstack([binary, sparse.csr_matrix(dense), np.ones((len(examples), 1))], format="csr")


def word_scores(model: EventModel, examples: list[dict], known: tuple[frozenset, frozenset]) -> dict:
    """Word-level precision and recall of the types the model proposes on
    held-out examples, among the words extraction would ask it about (its
    lemmas, not the lexicon's); recall is over every typed word."""
    verbs, nouns = known
    looked = [
        e
        for e in examples
        if e["lemma"] in model.lemmas and e["lemma"] not in (verbs if "p=VERB" in e["features"] else nouns)
    ]
    proposed = correct = 0
    if looked:
        x = _design(looked, model.features)
        w = np.vstack([model.sparse, model.dense, model.bias[None, :]])
        scores = np.asarray(x @ w)
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        for e, p in zip(looked, probs):
            best = int(p.argmax())
            if model.classes[best] != NONE and p[best] >= model.threshold:
                proposed += 1
                correct += model.classes[best] == e["label"]
    typed = sum(e["label"] != NONE for e in examples)
    return {
        "typed_words": typed,
        "looked_at": len(looked),
        "proposed": proposed,
        "precision": round(correct / proposed, 4) if proposed else None,
        "recall": round(correct / typed, 4) if typed else None,
    }


def extraction_scores(model: EventModel | None, name: str) -> dict:
    """``storyline eval events`` on one file, coded with ``model`` (None: none)."""
    from storyline.evaluation.events import evaluate_file

    with using(model):
        result, _ = evaluate_file(FILES[name])
    return result


def build(evaluate: bool = True) -> tuple[str, str]:
    """The model file's text and its meta file's text."""
    from storyline.annotate import load_pipeline

    nlp = load_pipeline()
    known = lexicon_lemmas()
    examples = {name: examples_of(name, nlp) for name in FILES}
    folds = {}
    if evaluate:
        for held_out in FILES:
            training = [e for name, rows in examples.items() if name != held_out for e in rows]
            model = fit(training)
            folds[held_out] = {
                "trained_on": [n for n in FILES if n != held_out],
                "words": word_scores(model, examples[held_out], known),
                "extraction_without_model": extraction_scores(None, held_out),
                "extraction_with_model": extraction_scores(model, held_out),
            }
    final = fit([e for rows in examples.values() for e in rows])
    meta = {
        "trained_on": list(FILES),
        "examples": {n: len(rows) for n, rows in examples.items()},
        "classes": list(final.classes),
        "lemmas": len(final.lemmas),
        "features": len(final.features),
        "l2": L2,
        "threshold": THRESHOLD,
        "min_trigger_records": MIN_TRIGGER_RECORDS,
        "leave_one_file_out": folds,
    }
    return final.to_json(), json.dumps(meta, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="rebuild and compare with the committed files; write nothing"
    )
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation (model file only)")
    args = parser.parse_args(argv)
    missing = [str(p) for p in FILES.values() if not p.is_file()]
    if missing:
        print(f"missing development data: {', '.join(missing)} (clone the project next to ../shared)", file=sys.stderr)
        return 1
    model_text, meta_text = build(evaluate=not args.no_cv)
    model_path, meta_path = DATA / MODEL_FILE, DATA / MODEL_FILE.replace(".json", ".meta.json")
    if args.check:
        same = model_path.is_file() and model_path.read_text(encoding="utf-8") == model_text
        print("model file reproduced byte for byte" if same else f"{model_path} differs from a rebuild")
        return 0 if same else 1
    model_path.write_text(model_text, encoding="utf-8")
    if not args.no_cv:
        meta_path.write_text(meta_text, encoding="utf-8")
    print(meta_text if not args.no_cv else f"wrote {model_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
