"""Coreference metrics, written from their definitions: MUC (Vilain et al.
1995), B-cubed (Bagga & Baldwin 1998), entity-based CEAF (Luo 2005, phi4
similarity, optimal one-to-one alignment) and their mean, the CoNLL F1.
Singletons count, as is usual for event coreference on ECB+.

Clusters are any iterables of hashable mention ids; a mention missing from
one side counts as a cluster of its own there.
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable, Iterable, Sequence

import numpy as np

Clusters = Sequence[Iterable[Hashable]]


def _as_sets(clusters: Clusters) -> list[frozenset]:
    return [frozenset(c) for c in clusters if c]


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Link-based: how many merges of a key cluster the response misses."""
    key_sets, resp_sets = _as_sets(key), _as_sets(response)

    def recall(gold: list[frozenset], pred: list[frozenset]) -> float:
        where = {m: i for i, c in enumerate(pred) for m in c}
        num = den = 0
        for cluster in gold:
            # mentions missing from ``pred`` each count as a partition of their own
            parts = {where.get(m, ("missing", m)) for m in cluster}
            num += len(cluster) - len(parts)
            den += len(cluster) - 1
        return num / den if den else 0.0

    r, p = recall(key_sets, resp_sets), recall(resp_sets, key_sets)
    return p, r, _f1(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Mention-based: per-mention overlap of its key and response clusters."""
    key_sets, resp_sets = _as_sets(key), _as_sets(response)

    def recall(gold: list[frozenset], pred: list[frozenset]) -> float:
        where = {m: c for c in pred for m in c}
        total = sum(len(c) for c in gold)
        if not total:
            return 0.0
        score = 0.0
        for cluster in gold:
            for m in cluster:
                other = where.get(m)
                if other is not None:
                    score += len(cluster & other) / len(cluster)
        return score / total

    r, p = recall(key_sets, resp_sets), recall(resp_sets, key_sets)
    return p, r, _f1(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF: best one-to-one alignment of clusters under
    phi4 = 2|K∩R| / (|K|+|R|) (Kuhn-Munkres via scipy)."""
    from scipy.optimize import linear_sum_assignment

    key_sets, resp_sets = _as_sets(key), _as_sets(response)
    if not key_sets or not resp_sets:
        return 0.0, 0.0, 0.0
    where = {m: j for j, c in enumerate(resp_sets) for m in c}
    sim = np.zeros((len(key_sets), len(resp_sets)))
    for i, cluster in enumerate(key_sets):
        for j, n in Counter(where[m] for m in cluster if m in where).items():
            sim[i, j] = 2 * n / (len(cluster) + len(resp_sets[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(resp_sets), total / len(key_sets)
    return p, r, _f1(p, r)


def conll_scores(key: Clusters, response: Clusters) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, r, f = metric(key, response)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out
