"""Clustering primitives: union-find, TF-IDF, average linkage."""

from __future__ import annotations

import numpy as np

from storyline.link.cluster import UnionFind, average_link, tfidf_matrix
from storyline.link.lexicon import build_pair_table, lemma_similarity, pair_key


def test_cluster_union_find_groups_do_not_depend_on_union_order():
    a, b = UnionFind("abcde"), UnionFind("abcde")
    for x, y in [("a", "c"), ("d", "e"), ("c", "b")]:
        a.union(x, y)
    for x, y in [("e", "d"), ("b", "c"), ("c", "a")]:
        b.union(x, y)
    assert a.groups() == b.groups() == [["a", "b", "c"], ["d", "e"]]


def test_cluster_average_link_stops_at_threshold():
    sim = np.array([[1, 0.9, 0.1, 0.0], [0.9, 1, 0.2, 0.0], [0.1, 0.2, 1, 0.8], [0.0, 0.0, 0.8, 1]], dtype=float)
    assert average_link(sim, 0.5) == [0, 0, 1, 1]
    assert average_link(sim, 0.85) == [0, 0, 1, 2]
    # everything joins once the bar is below the average cross similarity (0.075)
    assert average_link(sim, 0.05) == [0, 0, 0, 0]


def test_cluster_average_link_respects_cannot_link():
    sim = np.full((3, 3), 0.9)
    labels = average_link(sim, 0.5, cannot_link=lambda x, y: 0 in x + y and 2 in x + y)
    assert labels[0] != labels[2]


def test_cluster_tfidf_rows_are_unit_length_and_rank_overlap():
    rows = tfidf_matrix([["quake", "turkey"], ["quake", "turkey", "rescue"], ["election", "vote"]])
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)
    sim = rows @ rows.T
    assert sim[0, 1] > 0.5 and sim[0, 2] == 0.0


def test_lexicon_pair_table_and_similarity():
    table = build_pair_table([[("arrest", "c1"), ("capture", "c1"), ("say", "c2"), ("say", "c3")]] * 3, min_count=3)
    assert table[pair_key("arrest", "capture")] > 0 > table[pair_key("say", "say")]
    assert lemma_similarity("halt", "terminate") == 1.0
    assert lemma_similarity("end", "end") == 1.0
    assert lemma_similarity("zzz", "qqq") == 0.0
