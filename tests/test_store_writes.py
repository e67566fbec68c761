import duckdb
import pytest

from storyline.errors import DatabaseError, NotFoundError
from storyline.models import Failure
from storyline.store import Store

from conftest import hand_built_analysis, link_all


def test_store_writing_twice_changes_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    analyses = [
        hand_built_analysis("Abbas ended it. More.", "2020-05-19"),
        hand_built_analysis("The PA halted it. More.", "2023-01-26", "b.txt"),
    ]
    with Store(db) as store:
        assert store.write_analyses(analyses) == 2
        store.replace_links(link_all(analyses))
        before = {k: v for k, v in store.counts().items() if k != "runs"}
        assert store.write_analyses(analyses) == 0
        store.replace_links(link_all(analyses))
        assert {k: v for k, v in store.counts().items() if k != "runs"} == before
    assert before["articles"] == 2 and before["mentions"] == 2 and before["events"] == 2


def test_store_records_round_trip(tmp_path):
    analysis = hand_built_analysis("Abbas ended it. More.", "2020-05-19")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([analysis])
        store.replace_links(link_all([analysis]))
        assert store.articles() == [analysis.article]
        assert store.mentions() == list(analysis.mentions)
        assert store.statements() == list(analysis.statements)
        (event,) = store.events()
        assert store.event(event.id) == event
        linked = store.con.execute("SELECT event_id FROM mentions").fetchone()[0]
        assert linked == event.id


def test_store_failed_transaction_leaves_no_partial_article(tmp_path, monkeypatch):
    good = hand_built_analysis("Abbas ended it. More.", "2020-05-19")
    with Store(tmp_path / "s.duckdb") as store:
        real = store._bulk_insert

        def crash_after_articles(table, rows):
            real(table, rows)
            if table == "articles":
                raise RuntimeError("crash mid-batch")

        monkeypatch.setattr(store, "_bulk_insert", crash_after_articles)
        with pytest.raises(RuntimeError):
            store.write_analyses([good])
        assert store.counts()["articles"] == 0 and store.counts()["mentions"] == 0


def test_store_failures_are_kept_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        failure = Failure("bad.bin", "ingest", "binary file")
        store.record_failure(failure, "run_1")
        store.record_failure(failure, "run_2")
        assert store.failures() == [failure]
        store.clear_failures("bad.bin")
        assert store.failures() == []


def test_store_read_only_missing_file_says_how_to_create_it(tmp_path):
    with pytest.raises(NotFoundError, match="storyline build PATH --db"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_read_only_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(DatabaseError, match="not a storyline database"):
        Store(path, read_only=True)


def test_store_unknown_event_id_is_not_found(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(NotFoundError, match="no event with id ev_x"):
            store.event("ev_x")


def test_store_links_are_dirty_until_replaced(tmp_path):
    analysis = hand_built_analysis("Abbas ended it. More.", "2020-05-19")
    with Store(tmp_path / "s.duckdb") as store:
        assert not store.links_dirty()
        store.write_analyses([analysis])
        assert store.links_dirty()
        store.write_analyses([analysis])  # nothing new: still dirty, not cleared
        assert store.links_dirty()
        store.replace_links(link_all([analysis]))
        assert not store.links_dirty()


def test_store_read_only_open_sees_batches_left_in_the_wal(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "s.duckdb"
    # A child process commits one batch and dies without closing the file,
    # as a killed build does.
    script = (
        "import os, sys; sys.path[:0] = sys.argv[2:];"
        "from conftest import hand_built_analysis; from storyline.store import Store;"
        "s = Store(sys.argv[1]); s.write_analyses([hand_built_analysis('Abbas ended it. More.', '2020-05-19')]);"
        "os._exit(0)"
    )
    tests_dir = str(__import__("pathlib").Path(__file__).parent)
    subprocess.run([sys.executable, "-c", script, str(db), tests_dir], check=True)
    assert (tmp_path / "s.duckdb.wal").exists()
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1


@pytest.mark.parametrize("content", [b"", b"Dear diary, today I wrote no database.\n"])
def test_store_a_file_that_is_not_duckdb_is_named_and_left_alone(tmp_path, content):
    db = tmp_path / "notes.duckdb"
    db.write_bytes(content)
    with pytest.raises(DatabaseError, match="is not a DuckDB database; give --db a new path") as raised:
        Store(db)
    assert "\n" not in str(raised.value)
    assert db.read_bytes() == content


def test_store_threads_caps_duckdb_workers(tmp_path):
    with Store(tmp_path / "one.duckdb", threads=1) as store:
        assert store.con.execute("SELECT current_setting('threads')").fetchone()[0] == 1


def test_store_build_uses_one_duckdb_thread(tmp_path, monkeypatch):
    # a build's small queries gain nothing from DuckDB's workers, which cost
    # CPU beside the parse (docs/benchmarks.md, 2026-11-30)
    import storyline.pipeline as pipeline

    seen = []
    real = pipeline.Store

    def spy(path, *args, **kwargs):
        seen.append(kwargs.get("threads"))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "Store", spy)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Nothing happened here today.\n", encoding="utf-8")
    pipeline.build([str(tmp_path / "in")], str(tmp_path / "b.duckdb"))
    assert seen == [1]
