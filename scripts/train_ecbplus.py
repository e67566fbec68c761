"""Re-create the linker's pair model and trigger lemma-pair table shipped in
src/storyline/link/data/ from the ECB+ TRAIN split only.

    .venv/bin/python scripts/train_ecbplus.py ../shared/data/ecbplus/split

The train split's gold mentions become EventMentions through the same
feature code a build runs (``storyline.evaluation.ecbplus_features.records``),
the linker proposes its candidate pairs (``link.pair_model.Story``), and two
logistic models are fitted on them against the gold chains. Writes
link/data/pair_model.json (feature names and weights: numbers only) and
link/data/lemma_pairs.json (log-odds per pair of head lemmas).
Deterministic: the same split gives the same bytes. The dev split is never
read here; the one number tuned on dev is ``pair_model.LOGIT_SHIFT``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.evaluation import ecbplus, ecbplus_features
from storyline.link import pair_model
from storyline.link.lexicon import MIN_PAIR_COUNT

DATA = Path(__file__).resolve().parents[1] / "src" / "storyline" / "link" / "data"


def model_files(split_dir: str, nlp=None) -> dict[str, str]:
    """File name -> the text written for it."""
    corpus_path, mentions_path = ecbplus.split_files(Path(split_dir), "train")
    corpus, gold = ecbplus.read_corpus(corpus_path), ecbplus.read_mentions(mentions_path)
    articles, mentions = ecbplus_features.records(corpus, gold, nlp)
    weights, hop_weights, doc_weights, table = ecbplus_features.fit_pair_model(articles, mentions, gold)
    model = {
        "source": "ECB+ train split (Cybulska & Vossen); logistic regression over the event-mention pairs "
        "the linker proposes, the train topics in two halves each linked as one story; "
        "trained by scripts/train_ecbplus.py",
        "features": list(pair_model.FEATURES),
        "weights": list(weights),
        "hop_features": list(pair_model.FEATURES + pair_model.HOP_FEATURES),
        "hop_weights": list(hop_weights),
        "doc_features": list(pair_model.DOC_FEATURES),
        "doc_weights": list(doc_weights),
    }
    pairs = {
        "min_count": MIN_PAIR_COUNT,
        "pairs": table,
        "source": "ECB+ train split (Cybulska & Vossen), gold sub-topics; log-odds that two event mentions "
        "with these head lemmas in one story corefer; counted by "
        "storyline.evaluation.ecbplus_features.build_lemma_pair_table",
    }
    return {
        "pair_model.json": json.dumps(model, indent=1) + "\n",
        "lemma_pairs.json": json.dumps(pairs, separators=(",", ":"), sort_keys=True),
    }


def main(split_dir: str) -> None:
    for name, text in model_files(split_dir).items():
        (DATA / name).write_text(text, encoding="utf-8")
    model = json.loads((DATA / "pair_model.json").read_text(encoding="utf-8"))
    for kind in ("doc", "hop"):
        for name, value in zip(model[f"{kind}_features"], model[f"{kind}_weights"]):
            print(f"{kind}: {name:24} {value:8.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
