"""Clustering primitives shared by event coreference, story clustering and
the ECB+ benchmark: TF-IDF vectors, average-link agglomeration, union-find.

Everything here is deterministic: ties are broken by index, so the same
input always yields the same clusters whatever the platform.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Hashable, Iterable, Sequence

import numpy as np


class UnionFind:
    """Disjoint sets over hashable items; the smallest item (by sort order)
    names each set so results do not depend on the order of unions."""

    def __init__(self, items: Iterable[Hashable] = ()):
        self.parent: dict = {}
        for item in items:
            self.parent.setdefault(item, item)

    def find(self, item):
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression keeps finds cheap
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra

    def groups(self) -> list[list]:
        out: dict = {}
        for item in sorted(self.parent):
            out.setdefault(self.find(item), []).append(item)
        return sorted(out.values())


def tfidf_matrix(docs: Sequence[Sequence[str]], min_df: int = 1, sublinear: bool = True) -> np.ndarray:
    """L2-normalised TF-IDF rows (dense; callers keep blocks small)."""
    df: Counter = Counter()
    for terms in docs:
        df.update(set(terms))
    vocab = sorted(t for t, c in df.items() if c >= min_df)
    index = {t: i for i, t in enumerate(vocab)}
    n = len(docs)
    matrix = np.zeros((n, len(vocab)), dtype=np.float64)
    for row, terms in enumerate(docs):
        for term, count in Counter(terms).items():
            col = index.get(term)
            if col is None:
                continue
            tf = 1.0 + math.log(count) if sublinear else float(count)
            matrix[row, col] = tf * (math.log((1 + n) / (1 + df[term])) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def average_link(
    similarity: np.ndarray, threshold: float, cannot_link: Callable[[list[int], list[int]], bool] | None = None
) -> list[int]:
    """Agglomerative clustering with average linkage over a symmetric
    similarity matrix; merging stops when the best average similarity
    between two clusters falls below ``threshold``.

    Average linkage (rather than single linkage) keeps one strong but wrong
    pair from chaining two happenings together. ``cannot_link`` may veto a
    merge (e.g. an asserted event and a plan at a different time).
    Returns a cluster label per row, labels numbered by first member.
    """
    n = similarity.shape[0]
    if n == 0:
        return []
    members: list[list[int] | None] = [[i] for i in range(n)]
    # sums[a, b] = total pairwise similarity between clusters a and b
    sums = similarity.astype(np.float64).copy()
    np.fill_diagonal(sums, -np.inf)
    sizes = np.ones(n)
    active = np.ones(n, dtype=bool)
    blocked = np.zeros((n, n), dtype=bool)
    while True:
        avg = sums / np.outer(sizes, sizes)
        mask = ~(active[:, None] & active[None, :]) | blocked
        avg[mask] = -np.inf
        np.fill_diagonal(avg, -np.inf)
        flat = int(np.argmax(avg))
        a, b = divmod(flat, n)
        if not np.isfinite(avg[a, b]) or avg[a, b] < threshold:
            break
        if a > b:
            a, b = b, a
        if cannot_link is not None and cannot_link(members[a], members[b]):
            blocked[a, b] = blocked[b, a] = True
            continue
        members[a] = sorted(members[a] + members[b])
        members[b] = None
        active[b] = False
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sums[a, a] = -np.inf
        sizes[a] += sizes[b]
        blocked[a, :] |= blocked[b, :]
        blocked[:, a] |= blocked[:, b]
    labels = [0] * n
    for label, group in enumerate(sorted(m for m in members if m is not None)):
        for i in group:
            labels[i] = label
    return labels


def cosine_matrix(rows: np.ndarray) -> np.ndarray:
    """Cosine similarity of already L2-normalised rows."""
    return rows @ rows.T


def labels_to_groups(labels: Sequence[int]) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    return sorted(groups.values())
