"""Building a corpus in parts links it as building it at once does, and a
build that adds articles relinks only the stories they join."""

import shutil

import pytest

from storyline.pipeline import build
from storyline.settings import Settings
from storyline.store import Store
from storyline.views.contract import export_document

from test_pipeline_crash import EXAMPLES

pytestmark = pytest.mark.slow

SETTINGS = Settings(batch_size=4, write_batch_size=4)


def corpus(tmp_path):
    """The examples, plus varied copies of some of them (a copy shares its
    story keys with the original, so a later part joins an earlier story)."""
    parts = {name: tmp_path / name for name in ("a", "b", "c")}
    for folder in parts.values():
        folder.mkdir()
    sources = sorted(EXAMPLES.iterdir())
    for k, src in enumerate(sources):
        shutil.copy(src, parts["a" if k < 5 else "b"] / src.name)
    for src in sources[3:7:2]:
        if src.suffix == ".txt":
            text = src.read_text(encoding="utf-8").replace("\n\n", "\n\nThis is a later edition.\n\n", 1)
            (parts["c"] / f"copy_{src.name}").write_text(text, encoding="utf-8")
    return parts


def export(db) -> dict:
    with Store(db, read_only=True) as store:
        return export_document(store)


def test_pipeline_incremental_build_in_parts_equals_build_at_once(tmp_path):
    parts = corpus(tmp_path)
    whole = tmp_path / "whole.duckdb"
    once = build([str(p) for p in parts.values()], str(whole), SETTINGS)

    stepwise = tmp_path / "parts.duckdb"
    for name in ("b", "c", "a"):  # not in path order: order must not matter
        report = build([str(parts[name])], str(stepwise), SETTINGS)
        assert report.linked
    assert export(stepwise) == export(whole)
    assert once.stories_relinked >= 2

    # one more article relinks its own story only, and nothing else changes
    extra = tmp_path / "d"
    extra.mkdir()
    (extra / "unrelated.txt").write_text(
        "date 2021-02-03\nHarbour board approves budget\n\n"
        "The harbour board of Tallin approved its budget on Tuesday after a long debate.\n",
        encoding="utf-8",
    )
    before = export(stepwise)
    added = build([str(extra)], str(stepwise), SETTINGS)
    # it reports no event: a story is a set of mentions (issue 14), so it joins
    # none and nothing is relinked (test_link_stories_incremental.py adds one that does)
    assert added.articles_new == 1 and added.stories_relinked == 0
    after = export(stepwise)
    old_events = {e["id"] for e in before["events"]}
    assert old_events <= {e["id"] for e in after["events"]}
    assert [s for s in after["storylines"] if set(s["events"]) <= old_events] == before["storylines"]

    whole_again = build([str(p) for p in (*parts.values(), extra)], str(tmp_path / "w2.duckdb"), SETTINGS)
    assert whole_again.articles_new == once.articles_new + 1
    assert export(tmp_path / "w2.duckdb") == after


def test_pipeline_incremental_unchanged_corpus_relinks_nothing(tmp_path):
    parts = corpus(tmp_path)
    db = tmp_path / "s.duckdb"
    build([str(parts["a"])], str(db), SETTINGS)
    first = export(db)
    again = build([str(parts["a"])], str(db), SETTINGS)
    assert (again.articles_new, again.linked, again.stories_relinked) == (0, False, 0)
    assert export(db) == first


def _analysis(text: str, when: str, source: str, sentences: tuple[str, ...]):
    """An article whose mentions report ``sentences`` (one mention each)."""
    import dataclasses

    from conftest import hand_built_analysis
    from storyline.models import stable_id

    base = hand_built_analysis(text, when, source)
    template = base.mentions[0]
    mentions = tuple(
        dataclasses.replace(
            template, id=stable_id("em", base.article.id, k), sentence=s, trigger_start=k, sources=(), targets=()
        )
        for k, s in enumerate(sentences)
    )
    return dataclasses.replace(base, mentions=mentions, statements=())


def test_pipeline_incremental_article_in_two_stories_joins_both(tmp_path):
    # a story is a set of mentions (issue 14): an article reporting two
    # happenings joins the story of each, and they stay two stories
    from storyline.link.incremental import relink as _relink

    first = _analysis("Abbas ended it. More.", "2020-05-19", "x.txt", ("Abbas ended it.",))
    second = _analysis("Talks were ended. Later.", "2021-07-01", "y.txt", ("Talks were ended.",))
    bridge = _analysis("Both, again. Here.", "2022-01-01", "z.txt", ("Abbas ended it.", "Talks were ended."))
    stepwise, whole = tmp_path / "steps.duckdb", tmp_path / "whole.duckdb"
    with Store(stepwise) as store:
        store.write_analyses([first, second])
        assert _relink(store, SETTINGS) == 2
        store.write_analyses([bridge])
        assert _relink(store, SETTINGS) == 2
        assert store.con.execute("SELECT count(*) FROM article_stories").fetchone() == (3,)
        assert store.con.execute(
            "SELECT count(DISTINCT story_id), count(DISTINCT article_id), count(*) FROM mention_stories"
        ).fetchone() == (2, 3, 4)
    with Store(whole) as store:
        store.write_analyses([first, second, bridge])
        assert _relink(store, SETTINGS) == 2
    assert export(stepwise) == export(whole)
