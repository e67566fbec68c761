"""Re-create the ECB+ pair models and trigger lemma-pair table shipped in
src/storyline/link/data/ from the ECB+ TRAIN split only.

    .venv/bin/python scripts/train_ecbplus.py ../shared/data/ecbplus/split

Writes link/data/ecbplus_pair_model.json (feature names and weights:
numbers only) and link/data/lemma_pairs.json (log-odds per pair of head
lemmas); when the optional ``embeddings`` extra is installed, also
link/data/ecbplus_pair_model_embeddings.json (the model that reads the
sentence-embedding features as well). Deterministic: the same split gives
the same files. The dev split is never read here; the thresholds live in
evaluation/ecbplus.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.annotate import load_pipeline
from storyline.evaluation import ecbplus
from storyline.link import embeddings
from storyline.link.lexicon import MIN_PAIR_COUNT

DATA = Path(__file__).resolve().parents[1] / "src" / "storyline" / "link" / "data"


def write_model(model: ecbplus.PairModel, weights: tuple[float, ...], note: str) -> None:
    data = {
        "source": "ECB+ train split (Cybulska & Vossen); logistic regression over event-mention pairs "
                  f"inside predicted stories{note}; trained by scripts/train_ecbplus.py",
        "features": list(model.features),
        "weights": list(weights),
    }
    (DATA / model.weights_file).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(model.weights_file)
    for name, value in zip(model.features, weights):
        print(f"  {name:24} {value:8.3f}")


def main(split_dir: str) -> None:
    corpus_path, mentions_path = ecbplus.split_files(Path(split_dir), "train")
    corpus, mentions = ecbplus.read_corpus(corpus_path), ecbplus.read_mentions(mentions_path)
    nlp = load_pipeline()
    weights, table = ecbplus.fit_pair_weights(corpus, mentions, nlp=nlp)
    write_model(ecbplus.LEXICAL_MODEL, weights, "")
    pairs = {
        "min_count": MIN_PAIR_COUNT,
        "pairs": table,
        "source": "ECB+ train split (Cybulska & Vossen), gold sub-topics; log-odds that two event mentions "
                  "with these head lemmas in one story corefer; counted by "
                  "storyline.evaluation.ecbplus.build_lemma_pair_table",
    }
    (DATA / "lemma_pairs.json").write_text(json.dumps(pairs, separators=(",", ":"), sort_keys=True),
                                           encoding="utf-8")
    if not embeddings.available():
        print("the embeddings extra is not installed: "
              f"{ecbplus.EMBEDDING_MODEL.weights_file} left as it is")
        return
    weights, _ = ecbplus.fit_pair_weights(corpus, mentions, nlp=nlp, model=ecbplus.EMBEDDING_MODEL)
    write_model(ecbplus.EMBEDDING_MODEL, weights, f" with {embeddings.MODEL_NAME} sentence-embedding features")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
