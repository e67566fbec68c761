"""Dating undated articles from dated reports of the same happening in other
articles of the corpus (``link.corpus_dating``, ``pipeline.date_from_corpus``).

The articles are written for these tests: two dated reports of a tanker
seizure, an undated third report of it, an undated report that shares only
the actor (and the verb) with them, and a dated report of a later seizure
told in the same words, which makes the hints disagree."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from storyline.pipeline import build
from storyline.store import Store
from storyline.time.dating import is_corpus_inferred

pytestmark = pytest.mark.slow

ARTICLES = {
    "a_dated.txt": """date 2024-03-12
Iran seizes oil tanker in the Strait of Hormuz

Iran's Revolutionary Guards seized an oil tanker carrying crude to Rotterdam in the Strait of Hormuz on Tuesday, the ship's Greek operator said.

The operator said the crew of twenty-one sailors was safe and that it had lost contact with the vessel shortly after it left the port of Basra.
""",
    "b_dated.txt": """date 2024-03-13
Greek operator loses contact with tanker seized by Iran

Iran seized a Greek-operated oil tanker bound for Rotterdam in the Strait of Hormuz on Tuesday, its operator said on Wednesday, and took it toward the port of Bandar Abbas.

Shipping insurers said premiums for the route would rise.
""",
    "c_undated.txt": """Tanker seized in Hormuz was bound for Rotterdam

Iran seized an oil tanker bound for Rotterdam in the Strait of Hormuz, the Greek operator of the ship said, adding that its crew of twenty-one sailors was unharmed.

The operator said the tanker had left the port of Basra with crude oil.
""",
    "d_actor_only.txt": """Iran opens a new metro line in Tehran

Iran opened a new metro line in Tehran on Tuesday, the city's mayor said, linking the airport to the centre.

Officials said the line would carry fifty thousand passengers a day.
""",
    "e_other_seizure.txt": """Iran seizes fishing boats off Bushehr

Iran seized two fishing boats off the coast of Bushehr, state media said, accusing their crews of smuggling fuel.

The boats were taken to a nearby harbour.
""",
}

LATER_SEIZURE = """date 2024-05-21
Another tanker bound for Rotterdam seized in Hormuz

Iran seized an oil tanker bound for Rotterdam in the Strait of Hormuz, its Greek operator said, the second such seizure this year.

The company said the crew was unharmed.
"""


def write(folder: Path, names=None, extra: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    chosen = {n: t for n, t in ARTICLES.items() if names is None or n in names}
    for name, text in {**chosen, **(extra or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def published(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        return {Path(a.source).name: a.published for a in store.articles()}


def test_corpus_dating_undated_report_of_a_dated_happening_is_dated(tmp_path):
    db = tmp_path / "s.duckdb"
    report = build([str(write(tmp_path / "in"))], str(db))
    dates = published(db)
    c = dates["c_undated.txt"]
    assert c is not None and c.basis == "inferred" and is_corpus_inferred(c)
    assert c.earliest == date(2024, 3, 13) and c.value == "2024-03-13"
    assert any(
        "same happening" in line and "b_dated" not in line and "Greek operator loses contact" in line
        for line in c.evidence
    ), c.evidence
    assert report.dated_from_corpus == 1
    with Store(db, read_only=True) as store:
        # re-analysed at its date and linked with the dated report of the happening
        by_article = {}
        for m in store.mentions():
            by_article.setdefault(m.article_id, []).append(m)
        events = {e.id: e for e in store.events()}
        c_id = next(a.id for a in store.articles() if a.source.endswith("c_undated.txt"))
        b_id = next(a.id for a in store.articles() if a.source.endswith("b_dated.txt"))
        c_events = {e.id for e in events.values() for m in by_article[c_id] if m.id in e.mention_ids}
        b_events = {e.id for e in events.values() for m in by_article[b_id] if m.id in e.mention_ids}
        assert c_events & b_events
        # before, with no date, its report had no time at all; now it is on or before the article's day
        assert [m.time.latest for m in by_article[c_id]] == [c.latest]
        assert not store.links_dirty() and not store.dating_dirty()


def test_corpus_dating_a_shared_actor_and_verb_alone_date_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    build([str(write(tmp_path / "in"))], str(db))
    dates = published(db)
    assert dates["d_actor_only.txt"] is None  # Iran, another act
    assert dates["e_other_seizure.txt"] is None  # Iran seized, other boats elsewhere


def test_corpus_dating_disagreeing_reports_leave_the_article_undated(tmp_path):
    db = tmp_path / "s.duckdb"
    build([str(write(tmp_path / "in", extra={"f_later.txt": LATER_SEIZURE}))], str(db))
    dates = published(db)
    assert dates["c_undated.txt"] is None
    assert dates["f_later.txt"].value == "2024-05-21"


def _snapshot(db: Path, root: Path) -> str:
    """Everything a user sees of the links and dates, with paths made
    relative (the same files live in different folders here)."""
    with Store(db, read_only=True) as store:
        rows = {
            "articles": sorted(
                (
                    Path(a.source).name,
                    a.id,
                    json.dumps(dataclasses.asdict(a.published), default=str) if a.published else None,
                )
                for a in store.articles()
            ),
            "events": sorted((e.id, e.time.value if e.time else None, e.mention_ids) for e in store.events()),
            "mentions": sorted((m.id, m.time.value if m.time else None) for m in store.mentions()),
            "storylines": sorted((s.id, s.event_ids) for s in store.storylines()),
        }
    return json.dumps(rows, default=str)


def test_corpus_dating_file_order_and_increments_do_not_matter(tmp_path):
    whole = tmp_path / "whole.duckdb"
    build([str(write(tmp_path / "all"))], str(whole))
    expected = _snapshot(whole, tmp_path)
    undated_first, dated_first = tmp_path / "u.duckdb", tmp_path / "d.duckdb"
    undated = write(tmp_path / "undated", names={"c_undated.txt", "d_actor_only.txt", "e_other_seizure.txt"})
    dated = write(tmp_path / "dated", names={"a_dated.txt", "b_dated.txt"})
    build([str(undated)], str(undated_first))
    assert published(undated_first)["c_undated.txt"] is None
    build([str(dated)], str(undated_first))  # the dated reports arrive later
    build([str(dated)], str(dated_first))
    build([str(undated)], str(dated_first))
    assert _snapshot(undated_first, tmp_path) == expected
    assert _snapshot(dated_first, tmp_path) == expected
    # one more dated report that disagrees takes the corpus date back
    later = write(tmp_path / "later", names=set(), extra={"f_later.txt": LATER_SEIZURE})
    build([str(later)], str(dated_first))
    assert published(dated_first)["c_undated.txt"] is None
    together = tmp_path / "t.duckdb"
    shutil.copytree(later, tmp_path / "all", dirs_exist_ok=True)
    build([str(tmp_path / "all")], str(together))
    assert _snapshot(dated_first, tmp_path) == _snapshot(together, tmp_path)


def test_corpus_dating_a_build_killed_after_redating_is_relinked_next_time(tmp_path, monkeypatch):
    import storyline.pipeline as pipeline

    whole = tmp_path / "whole.duckdb"
    build([str(write(tmp_path / "in"))], str(whole))
    db = tmp_path / "s.duckdb"
    undated = write(tmp_path / "undated", names={"c_undated.txt", "d_actor_only.txt", "e_other_seizure.txt"})
    build([str(undated)], str(db))
    real, calls = pipeline.relink, []

    def killed_on_second_relink(store, settings):
        calls.append(1)
        if len(calls) == 2:  # the relink after the corpus pass re-dated an article
            raise KeyboardInterrupt
        return real(store, settings)

    monkeypatch.setattr(pipeline, "relink", killed_on_second_relink)
    dated = write(tmp_path / "dated", names={"a_dated.txt", "b_dated.txt"})
    with pytest.raises(KeyboardInterrupt):
        build([str(dated)], str(db))
    monkeypatch.setattr(pipeline, "relink", real)
    with Store(db, read_only=True) as store:
        assert store.links_dirty() and store.dating_dirty()
    build([str(dated)], str(db))  # nothing new: the links and the pass are finished
    assert _snapshot(db, tmp_path) == _snapshot(whole, tmp_path)


def test_corpus_dating_examples_keep_their_own_dates(tmp_path, monkeypatch):
    """The bundled examples: the undated ones are dated from their own text,
    which the corpus never overrides, and no article is dated from the
    corpus. With every article dated, the pass costs a query, nothing more."""
    import storyline.pipeline as pipeline

    def never(*args):
        raise AssertionError("the corpus pass looked for undated articles in a dated corpus")

    monkeypatch.setattr(pipeline, "_undated_in_scope", never)
    examples = Path(__file__).resolve().parents[1] / "examples"
    db = tmp_path / "e.duckdb"
    report = build([str(examples)], str(db))
    dates = published(db)
    assert report.dated_from_corpus == 0
    assert not any(is_corpus_inferred(v) for v in dates.values())
    assert dates["10_shipping_warnings.txt"].basis == "inferred"


def test_corpus_dating_seeds_recurring_episodes_date_nothing_from_each_other(seeds_dir, tmp_path):
    """The seeds report one act recurring in 2015, 2020 and 2023: reports of
    one episode must never date an article of another."""
    from storyline.link.corpus_dating import same_happening
    from storyline.pipeline import analyse
    from storyline.annotate import load_pipeline
    from storyline.clean import clean
    from storyline.ingest import read_inputs
    from storyline import events, time
    import dataclasses

    nlp = load_pipeline()
    dated, undated, when = [], {}, {}
    for article in (clean(r) for r in read_inputs([str(seeds_dir)])):
        doc = nlp(article.text)
        analysis = analyse(article, doc)
        when[article.id] = analysis.article.published
        dated += analysis.mentions
        bare = dataclasses.replace(article, published=None)
        undated[article.id] = events.extract(bare, doc, time.tag(doc, None))[0]
    for aid, mentions in undated.items():
        assert same_happening(mentions, [m for m in dated if m.article_id != aid], when) == []


def test_corpus_dating_date_command_uses_a_database_as_its_corpus(tmp_path):
    from click.testing import CliRunner

    from storyline.cli import cli as main

    folder = write(tmp_path / "in", names={"a_dated.txt", "b_dated.txt"})
    db = tmp_path / "s.duckdb"
    build([str(folder)], str(db))
    undated = tmp_path / "c.txt"
    undated.write_text(ARTICLES["c_undated.txt"], encoding="utf-8")
    alone = CliRunner().invoke(main, ["date", str(undated), "--json"])
    assert json.loads(alone.output)["value"] is None
    result = CliRunner().invoke(main, ["date", str(undated), "--corpus", str(db), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["value"] == "2024-03-13" and record["basis"] == "inferred"
    assert record["evidence"][0].startswith("corpus: reports the same happening")


def test_corpus_dating_a_file_made_before_the_pass_is_dated_on_its_next_build(tmp_path, monkeypatch):
    import storyline.pipeline as pipeline

    db = tmp_path / "s.duckdb"
    monkeypatch.setattr(pipeline, "date_from_corpus", lambda *args: 0)  # an older storyline
    build([str(write(tmp_path / "in"))], str(db))
    monkeypatch.undo()
    with Store(db) as store:  # which knew no such flag
        store.con.execute("DELETE FROM meta WHERE key = 'dating_dirty'")
    assert published(db)["c_undated.txt"] is None
    report = build([str(tmp_path / "in")], str(db))  # nothing new, yet dated now
    assert report.articles_new == 0 and report.dated_from_corpus == 1
    assert published(db)["c_undated.txt"].value == "2024-03-13"
    with Store(db, read_only=True) as store:
        assert not store.dating_dirty() and not store.links_dirty()


def test_corpus_dating_a_bug_on_one_article_keeps_it_as_it_was(tmp_path, monkeypatch):
    import storyline.pipeline as pipeline

    def broken(*args):
        raise ValueError("a bug")

    monkeypatch.setattr(pipeline, "_analyse_with_corpus", broken)
    db = tmp_path / "s.duckdb"
    told = []
    report = build([str(write(tmp_path / "in"))], str(db), on_failure=told.append)
    assert report.exit_code == 0 and report.dated_from_corpus == 0
    assert published(db)["c_undated.txt"] is None
    # the bug is said in one line, not swallowed
    assert [(f.source.endswith("c_undated.txt"), f.stage) for f in told] == [(True, "date from corpus")]
    assert "ValueError: a bug" in told[0].reason
    with Store(db, read_only=True) as store:
        assert not store.links_dirty() and not store.dating_dirty()


#: a dated report that gives the day of the seizure, and an undated article written weeks
#: later that names it by its month and day, deep in the text (not the news it leads with)
NAMED_DATED = """date 2024-03-13
Iran seizes oil tanker in the Strait of Hormuz

Iran's Revolutionary Guards seized an oil tanker carrying crude to Rotterdam in the Strait of Hormuz on March 12, the ship's Greek operator said on Wednesday.
"""
NAMED_UNDATED = (
    "Greek sailors return home\n\nTwenty-one Greek sailors flew home to Athens, their families said, "
    "ending weeks of uncertainty. "
    + "Shipping insurers in London said premiums for the route would rise again this month. "
    * 7
    + "\n\nIran's Revolutionary Guards seized the oil tanker bound for Rotterdam in the Strait of "
    "Hormuz on March 12, the ship's Greek operator said.\n"
)


def test_corpus_dating_a_happening_named_by_its_month_and_day_dates_the_article_after_it(tmp_path):
    db = tmp_path / "s.duckdb"
    build([str(write(tmp_path / "in", names=(), extra={"a.txt": NAMED_DATED, "u.txt": NAMED_UNDATED}))], str(db))
    u = published(db)["u.txt"]
    assert u is not None and is_corpus_inferred(u)
    assert u.value.startswith("2024-03") and u.earliest >= date(2024, 3, 12)
    assert any("names 'March 12'" in line and "after that day" in line for line in u.evidence), u.evidence


def test_corpus_dating_a_named_month_and_day_the_dated_report_does_not_give_dates_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    other_day = NAMED_UNDATED.replace("on March 12", "on March 19")
    build([str(write(tmp_path / "in", names=(), extra={"a.txt": NAMED_DATED, "u.txt": other_day}))], str(db))
    assert published(db)["u.txt"] is None


def test_corpus_dating_a_happening_told_weeks_ago_dates_the_article_that_long_after(tmp_path):
    counted = NAMED_UNDATED.replace("on March 12, the ship's", "two weeks ago, the ship's")
    db = tmp_path / "s.duckdb"
    build([str(write(tmp_path / "in", names=(), extra={"a.txt": NAMED_DATED, "u.txt": counted}))], str(db))
    u = published(db)["u.txt"]
    assert u is not None and is_corpus_inferred(u)
    assert date(2024, 3, 23) <= u.earliest <= date(2024, 3, 26) <= u.latest <= date(2024, 3, 29)
    assert any("'two weeks ago'" in line and "2024-03-12" in line for line in u.evidence), u.evidence
