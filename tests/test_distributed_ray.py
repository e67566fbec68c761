"""The Ray engine on a local 2-CPU cluster gives the local engine's database."""

import pytest

from storyline.pipeline import build
from storyline.settings import Settings
from storyline.store import Store
from storyline.views.contract import export_document

from test_pipeline_crash import EXAMPLES

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="the Ray engine needs `pip install 'storyline[ray]'`")


@pytest.fixture(scope="module")
def ray_cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


def test_distributed_ray_matches_local_engine(tmp_path, ray_cluster):
    # A duplicate (same text in two files) and a bad file must be handled alike.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for src in sorted(EXAMPLES.iterdir()):
        (corpus / src.name).write_bytes(src.read_bytes())
    (corpus / "zz_copy_of_01.txt").write_bytes((EXAMPLES / "01_deal_signed.txt").read_bytes())
    (corpus / "broken.bin").write_bytes(b"\x00\x01\x02" * 100)

    settings = Settings(n_process=2, batch_size=4)
    local = build([str(corpus)], str(tmp_path / "local.duckdb"), Settings(batch_size=4))
    remote = build([str(corpus)], str(tmp_path / "ray.duckdb"), settings, engine="ray")

    assert (remote.articles_new, remote.articles_seen) == (local.articles_new, local.articles_seen) == (10, 1)
    assert [f.source for f in remote.failures] == [f.source for f in local.failures]
    with Store(tmp_path / "local.duckdb", read_only=True) as a, Store(tmp_path / "ray.duckdb", read_only=True) as b:
        assert export_document(b) == export_document(a)

    again = build([str(corpus)], str(tmp_path / "ray.duckdb"), settings, engine="ray")
    assert (again.articles_new, again.articles_seen) == (0, 11)
