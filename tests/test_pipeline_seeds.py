"""End to end on the three seed articles in ../shared (skipped when absent).

Checks what issue 2 asks of the backbone: the header date of 000, the
publisher appeal of 002 removed, Abbas's 2020-05-19 declaration present as an
event with its evidence sentence, and a second build changing nothing.
"""

import json
import shutil

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.pipeline import build
from storyline.store import Store
from storyline.views.contract import export_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("seeds") / "s.duckdb"
    report = build([str(seeds_dir)], str(db))
    assert report.failures == [] and report.articles_new == 3
    return db


def article_named(store, stem):
    return next(a for a in store.articles() if stem in a.source)


def test_pipeline_seeds_header_date_is_the_publication_date(seeds_db):
    with Store(seeds_db, read_only=True) as store:
        published = article_named(store, "000_").published
    assert (published.value, published.basis) == ("2020-05-21", "header")


def test_pipeline_seeds_publisher_appeal_removed_and_news_kept(seeds_db, seeds_dir):
    raw = (seeds_dir / "002_d9422bf001f83e04.txt").read_text(encoding="utf-8")
    with Store(seeds_db, read_only=True) as store:
        article = article_named(store, "002_")
    removed = sorted(article.removed, key=lambda r: r.start)
    assert removed, "the appeal was not removed"
    # The removed spans run to the end of the input and start in its last third.
    assert removed[-1].end >= len(raw.rstrip()) - 1
    assert removed[0].start > len(raw) * 0.6
    # Everything the appeal asks for is gone from the cleaned text.
    for word in ("paywall", "ad-free", "founding editor"):
        assert word not in article.text.lower()
    assert "security cooperation" in article.text


def test_pipeline_seeds_abbas_declaration_is_an_event_with_evidence(seeds_db):
    with Store(seeds_db, read_only=True) as store:
        events = store.events()
        mentions = {m.id: m for m in store.mentions()}
    declared = [
        e
        for e in events
        if e.time is not None
        and e.time.value == "2020-05-19"
        and e.type == "SANCTION"
        and any("Abbas" in a.name for a in e.sources)
    ]
    assert declared, "no SANCTION event by Abbas dated 2020-05-19"
    sentences = [mentions[m].sentence for e in declared for m in e.mention_ids]
    assert any("Abbas declared" in s for s in sentences)


def test_pipeline_seeds_second_build_changes_nothing(seeds_db, seeds_dir):
    with Store(seeds_db, read_only=True) as store:
        before, counts = export_document(store), store.counts()
    report = build([str(seeds_dir)], str(seeds_db))
    assert (report.articles_new, report.articles_seen) == (0, 3)
    with Store(seeds_db, read_only=True) as store:
        assert export_document(store) == before
        after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in counts.items() if k != "runs"}


def test_pipeline_seeds_with_bad_files_exit_3_and_name_them(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(folder), "--db", str(db)])
    assert first.exit_code == 3, first.stderr
    lines = first.stderr.splitlines()
    assert f"failed: {folder / 'empty.txt'}: empty file; give a file with article text" in lines
    assert any(line.startswith(f"failed: {folder / 'picture.png'}: binary file (looks like PNG)") for line in lines)
    assert lines[-1].startswith(f"built 3 new articles into {db} (0 already stored, 2 failed)")
    with Store(db, read_only=True) as store:
        snapshot = json.dumps(export_document(store), sort_keys=True)
        assert sorted(f.source for f in store.failures()) == [str(folder / "empty.txt"), str(folder / "picture.png")]
    second = runner.invoke(cli, ["build", str(folder), "--db", str(db)])
    assert second.exit_code == 3
    assert f"built 0 new articles into {db} (3 already stored, 2 failed)" in second.stderr
    with Store(db, read_only=True) as store:
        assert json.dumps(export_document(store), sort_keys=True) == snapshot
        assert len(store.failures()) == 2
