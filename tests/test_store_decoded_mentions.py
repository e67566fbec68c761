"""A store decodes each stored mention once, and only while its text is the same."""

import storyline.store as store_module
from storyline.models import EventMention
from storyline.serialize import loads
from storyline.store import Store

from conftest import hand_built_analysis


def test_store_mentions_are_decoded_once_per_text(tmp_path):
    analysis = hand_built_analysis("Abbas ended it. More.", "2020-05-19")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([analysis])
        first = store.mentions()
        again = store.records_of_articles(EventMention, "mentions", [analysis.article.id])
        assert first == list(analysis.mentions) == again
        assert all(a is b for a, b in zip(first, again))  # the second read decoded nothing
        (text,) = store.con.execute("SELECT record FROM mentions").fetchone()
        assert store.mentions_by_ids([first[0].id]) == [loads(EventMention, text)]


def test_store_decoded_mentions_follow_a_changed_record(tmp_path):
    analysis = hand_built_analysis("Abbas ended it. More.", "2020-05-19")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([analysis])
        (before,) = store.mentions()
        store.con.execute('UPDATE mentions SET record = replace(record, \'"confidence":\', \'"confidence":0.25,"x":\')')
        (after,) = store.mentions()
        assert after.confidence == 0.25 and before.confidence != 0.25


def test_store_decoded_mentions_stay_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "DECODED_MENTIONS", 1)
    analyses = [
        hand_built_analysis("Abbas ended it. More.", "2020-05-19"),
        hand_built_analysis("The PA halted it. More.", "2023-01-26", "b.txt"),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses(analyses)
        assert len(store.mentions()) == 2
        assert len(store._decoded_mentions) == 1
