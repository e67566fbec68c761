"""The optional sentence-embedding features (pip install 'storyline[embeddings]').
Every test here skips when the extra is not installed."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.evaluation import ecbplus
from storyline.link import embeddings

pytestmark = pytest.mark.skipif(
    not embeddings.available(),
    reason="the optional embeddings extra is not installed (pip install 'storyline[embeddings]')")


def test_embeddings_sentence_and_word_vectors_are_unit_length():
    sentences = [["Police", "arrested", "the", "mayor", "."], ["A", "storm", "hit", "Northport", "."], []]
    sent_vecs, word_vecs = embeddings.encode(sentences)
    assert sent_vecs.shape[0] == 3
    assert np.allclose(np.linalg.norm(sent_vecs[:2], axis=1), 1.0, atol=1e-5)
    assert [len(w) for w in word_vecs] == [5, 5, 0]
    assert np.allclose(np.linalg.norm(word_vecs[0], axis=1), 1.0, atol=1e-5)


def test_embeddings_carry_word_meaning():
    # the point of the extra: different words for one happening end up close
    (arrest, capture, flood), _ = embeddings.encode([
        "Police arrested the bank robber on Monday .".split(),
        "Officers captured the bank robber on Monday .".split(),
        "Heavy rain flooded the coastal village .".split()])
    assert arrest @ capture > arrest @ flood + 0.2


def test_embeddings_model_selected_when_installed():
    assert ecbplus.default_model() is ecbplus.EMBEDDING_MODEL


#: Minimum dev CoNLL F1 of the embedding model; only ever raise it.
DEV_CONLL_MINIMUM = 0.765


def test_embeddings_ecbplus_dev_gate(data_dir):
    split = data_dir / "ecbplus" / "split"
    if not (split / "ECB_Dev_corpus.txt").is_file():
        pytest.skip(f"{split} lacks the ECB+ dev split files")
    scores, _, _ = ecbplus.evaluate(split, "dev", model=ecbplus.EMBEDDING_MODEL)
    assert scores["mentions"] == 1245 and scores["model"] == "lexical+all-MiniLM-L6-v2"
    assert scores["conll_f1"] >= DEV_CONLL_MINIMUM, scores
