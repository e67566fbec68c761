"""Re-create the ECB+ pair model and trigger lemma-pair table shipped in
src/storyline/link/data/ from the ECB+ TRAIN split only.

    .venv/bin/python scripts/train_ecbplus.py ../shared/data/ecbplus/split

Writes link/data/ecbplus_pair_model.json (feature names and weights of
the two pair models and the story model: numbers only) and link/data/lemma_pairs.json (log-odds per pair of head
lemmas). Deterministic: the same split gives the same files. The dev split
is never read here; the thresholds live in evaluation/ecbplus.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.evaluation import ecbplus
from storyline.link.lexicon import MIN_PAIR_COUNT

DATA = Path(__file__).resolve().parents[1] / "src" / "storyline" / "link" / "data"


def main(split_dir: str) -> None:
    corpus_path, mentions_path = ecbplus.split_files(Path(split_dir), "train")
    corpus, mentions = ecbplus.read_corpus(corpus_path), ecbplus.read_mentions(mentions_path)
    weights, table, story_weights, hop_weights = ecbplus.fit_pair_weights(corpus, mentions)
    model = {
        "source": "ECB+ train split (Cybulska & Vossen); logistic regression over event-mention pairs "
                  "inside predicted stories, and over document pairs inside predicted topics (the "
                  "story model); trained by scripts/train_ecbplus.py",
        "features": list(ecbplus.FEATURES),
        "weights": list(weights),
        "story_features": list(ecbplus.STORY_FEATURES),
        "story_weights": list(story_weights),
        "hop_features": list(ecbplus.FEATURES + ecbplus.HOP_FEATURES),
        "hop_weights": list(hop_weights),
    }
    (DATA / "ecbplus_pair_model.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    pairs = {
        "min_count": MIN_PAIR_COUNT,
        "pairs": table,
        "source": "ECB+ train split (Cybulska & Vossen), gold sub-topics; log-odds that two event mentions "
                  "with these head lemmas in one story corefer; counted by "
                  "storyline.evaluation.ecbplus.build_lemma_pair_table",
    }
    (DATA / "lemma_pairs.json").write_text(json.dumps(pairs, separators=(",", ":"), sort_keys=True),
                                           encoding="utf-8")
    for name, value in zip(ecbplus.FEATURES + ecbplus.STORY_FEATURES, weights + story_weights):
        print(f"{name:24} {value:8.3f}")
    for name, value in zip(ecbplus.FEATURES + ecbplus.HOP_FEATURES, hop_weights):
        print(f"second: {name:24} {value:8.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
