"""The Ray engine dates undated articles from the corpus as the local one does
(the pass runs after loading, in the driver, for both engines)."""

import pytest

from storyline.pipeline import build
from storyline.settings import Settings
from storyline.store import Store
from storyline.views.contract import export_document

from test_corpus_dating import published, write

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="the Ray engine needs `pip install 'storyline[ray]'`")


def test_corpus_dating_ray_engine_matches_local_engine(tmp_path):
    corpus = write(tmp_path / "corpus")
    local = build([str(corpus)], str(tmp_path / "local.duckdb"), Settings(batch_size=2))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        remote = build([str(corpus)], str(tmp_path / "ray.duckdb"), Settings(n_process=2, batch_size=2), engine="ray")
    finally:
        ray.shutdown()
    assert remote.dated_from_corpus == local.dated_from_corpus == 1
    assert published(tmp_path / "ray.duckdb")["c_undated.txt"].value == "2024-03-13"
    with Store(tmp_path / "local.duckdb", read_only=True) as a, Store(tmp_path / "ray.duckdb", read_only=True) as b:
        assert export_document(b) == export_document(a)
