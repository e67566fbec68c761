"""De-duplication in a build: one article per cleaned text, with a store
asked once per chunk, and memory bounded by what is in flight."""

from __future__ import annotations

from types import SimpleNamespace

from storyline import pipeline
from storyline.pipeline import BuildReport, NewArticles


class FakeStore:
    """The three calls NewArticles makes, with a count of look-ups."""

    def __init__(self, stored=()):
        self.stored = set(stored)
        self.lookups = 0
        self.cleared: list[str] = []

    def stored_among(self, ids):
        self.lookups += 1
        return {i for i in ids if i in self.stored}

    def has_article(self, article_id):
        self.lookups += 1
        return article_id in self.stored

    def clear_failures(self, *sources):
        self.cleared += sources


def article(article_id: str, source: str):
    return SimpleNamespace(id=article_id, source=source)


def test_pipeline_dedup_stored_and_repeated_articles_are_seen_not_new(monkeypatch):
    monkeypatch.setattr(pipeline, "LOOKUP_CHUNK", 2)
    store, report = FakeStore(stored={"old"}), BuildReport()
    gate = NewArticles(store, report)
    stream = [
        article("a", "1.txt"),
        article("old", "2.txt"),
        article("a", "3.txt"),
        article("b", "4.txt"),
        article("b", "5.txt"),
    ]
    admitted = [a.source for a in gate.admit(stream)]
    assert admitted == ["1.txt", "4.txt"]
    assert report.articles_seen == 3
    assert store.lookups == 3  # one per chunk of two, not one per article
    assert store.cleared == ["1.txt", "4.txt"]  # an input built now has no failure left


def test_pipeline_dedup_written_articles_leave_memory_and_the_store_answers(monkeypatch):
    monkeypatch.setattr(pipeline, "LOOKUP_CHUNK", 1)
    store, report = FakeStore(), BuildReport()
    gate = NewArticles(store, report)
    stream = iter([article("a", "1.txt"), article("a", "2.txt")])
    admitted = gate.admit(stream)
    assert next(admitted).source == "1.txt"
    # the build writes the first article before reading on
    store.stored.add("a")
    gate.wrote(["a"])
    assert gate.in_flight == set()
    assert list(admitted) == []
    assert report.articles_seen == 1


def test_pipeline_dedup_one_at_a_time_for_remote_results():
    store, report = FakeStore(stored={"old"}), BuildReport()
    gate = NewArticles(store, report)
    assert gate.admit_one(article("a", "1.txt"))
    assert not gate.admit_one(article("a", "2.txt"))  # in flight
    assert not gate.admit_one(article("old", "3.txt"))  # stored
    gate.wrote(["a"])
    store.stored.add("a")
    assert not gate.admit_one(article("a", "4.txt"))  # written: the store answers
    assert report.articles_seen == 3
