"""Stories are sets of mentions (issue 14 item 2): an article reporting
unrelated happenings does not chain their stories, a story never spans more
than a month of one kind of act by one party, an undated report joins the
dated reports of its named pair without chaining their years, and linking
in parts (through the database) gives what linking at once does."""

from __future__ import annotations

import random
from datetime import date

from storyline.link import link
from storyline.link.incremental import relink
from storyline.link.stories import group_stories, mention_keys
from storyline.models import ActorRef, Article, ArticleAnalysis, EventMention, Statement, TimeValue, stable_id
from storyline.settings import Settings
from storyline.store import Store
from storyline.views.contract import export_document

SETTINGS = Settings()


def _day(text: str) -> TimeValue:
    d = date.fromisoformat(text)
    return TimeValue(text, d, d, "day", "explicit")


def _named(name: str) -> ActorRef:
    """An actor the resolver did not place: told apart by its name."""
    return ActorRef(name=name, text=name, start=0, end=len(name))


def _state(name: str, country: str) -> ActorRef:
    return ActorRef(
        name=name, text=name, start=0, end=len(name), country=country, sector="GOV", kind="organisation", resolved=True
    )


def _article(tag: str, reports: list[tuple], published: str | None = None) -> ArticleAnalysis:
    """An article whose sentences each report one happening, given as
    (type, lemma, source, target, date text or None)."""
    sentences = [
        f"{src.name} {lemma} {tgt.name} over matter {tag}{k}." for k, (_, lemma, src, tgt, _) in enumerate(reports)
    ]
    text = " ".join(sentences)
    article = Article(
        id=Article.make_id(text),
        source=f"{tag}.txt",
        text=text,
        title=tag,
        published=_day(published) if published else None,
    )
    mentions, offset = [], 0
    for k, ((kind, lemma, src, tgt, when), sentence) in enumerate(zip(reports, sentences)):
        trigger = offset + len(src.name) + 1
        mentions.append(
            EventMention(
                id=stable_id("em", article.id, k),
                article_id=article.id,
                type=kind,
                cameo=None,
                mode=None,
                modality="asserted",
                trigger_start=trigger,
                trigger_end=trigger + len(lemma),
                trigger=lemma,
                lemma=lemma,
                sentence_start=offset,
                sentence_end=offset + len(sentence),
                sentence=sentence,
                sources=(src,),
                targets=(tgt,),
                time=_day(when) if when else None,
                confidence=0.8,
                summary=f"{src.name} {lemma}s {tgt.name}",
            )
        )
        offset += len(sentence) + 1
    statement = Statement(
        id=stable_id("sm", article.id, 0),
        article_id=article.id,
        speaker=src,
        words="it will go on",
        start=0,
        end=5,
        time=None,
    )
    return ArticleAnalysis(article, (), tuple(mentions), (statement,))


A, B, C, D = (_named(n) for n in ("Karim Haddad", "Lena Borg", "Tomas Quell", "Ines Varo"))
STRIKE_1 = ("ASSAULT", "attack", A, B, "2021-03-02")
TALKS_2 = ("CONSULT", "meet", C, D, "2018-07-10")
PROTEST_3 = ("PROTEST", "protest", B, C, "2012-11-20")


def _stories(analyses: list[ArticleAnalysis]) -> dict[str, str]:
    return group_stories({m.id: mention_keys(a.article.published, m) for a in analyses for m in a.mentions})


def _link(analyses: list[ArticleAnalysis]):
    return link(
        [a.article for a in analyses],
        [m for a in analyses for m in a.mentions],
        [s for a in analyses for s in a.statements],
    )


def test_link_stories_articles_of_unrelated_happenings_do_not_chain():
    # each article reports two of three unrelated happenings: as articles
    # they would form one story; as mentions they form three
    corpus = [
        _article("x", [STRIKE_1, TALKS_2]),
        _article("y", [TALKS_2, PROTEST_3]),
        _article("z", [PROTEST_3, STRIKE_1]),
    ]
    story = _stories(corpus)
    assert len(set(story.values())) == 3
    for happening in (STRIKE_1, TALKS_2, PROTEST_3):
        reports = {story[m.id] for a in corpus for m in a.mentions if m.type == happening[0]}
        assert len(reports) == 1
    result = _link(corpus)
    assert result.extra["stories"] == 3 and result.extra["largest_story"] == 2
    assert len(result.events) == 3


def test_link_stories_same_party_and_act_join_only_within_a_month():
    march = _article("m", [("ACCUSE", "accuse", _state("Washington", "USA"), _state("Beijing", "CHN"), "2024-03-04")])
    march_again = _article(
        "n", [("ACCUSE", "blame", _state("Washington", "USA"), _state("Moscow", "RUS"), "2024-03-20")]
    )
    april = _article("o", [("ACCUSE", "accuse", _state("Washington", "USA"), _state("Beijing", "CHN"), "2024-04-02")])
    story = _stories([march, march_again, april])
    (m,), (n,), (o,) = march.mentions, march_again.mentions, april.mentions
    assert story[m.id] == story[n.id]  # same act, same accuser, same month
    assert story[o.id] != story[m.id]  # a month later: another story


def test_link_stories_undated_report_joins_its_named_pair_without_chaining_years():
    first = _article("p", [("SANCTION", "halt", A, B, "2015-03-05")])
    later = _article("q", [("SANCTION", "halt", A, B, "2020-05-19")])
    undated = _article("r", [("SANCTION", "halt", A, B, None)])
    assert _stories([first, later]) and len(set(_stories([first, later]).values())) == 2
    assert len(set(_stories([first, undated]).values())) == 1
    # the undated report cannot be placed in either year, so it holds both
    assert len(set(_stories([first, later, undated]).values())) == 1
    # a pair that is only two governments gives no such key: the report stays alone
    usa, chn = _state("Washington", "USA"), _state("Beijing", "CHN")
    dated = _article("s", [("ACCUSE", "accuse", usa, chn, "2019-01-01")])
    vague = _article("t", [("ACCUSE", "accuse", usa, chn, None)])
    assert len(set(_stories([dated, vague]).values())) == 2


def _year(text: str) -> TimeValue:
    return TimeValue(text, date(int(text), 1, 1), date(int(text), 12, 31), "year", "explicit")


def test_link_stories_report_dated_by_its_year_joins_that_years_reports_of_its_pair():
    march = _article("v", [("ASSAULT", "shell", A, B, "2021-03-02")])
    september = _article("w", [("ASSAULT", "shell", A, B, "2021-09-14")])
    vague = _article("k", [("ASSAULT", "shell", A, B, None)], "2023-05-01")
    from dataclasses import replace

    vague = ArticleAnalysis(vague.article, (), (replace(vague.mentions[0], time=_year("2021")),), ())
    assert len(set(_stories([march, september]).values())) == 2
    assert len(set(_stories([march, vague]).values())) == 1
    # the year-dated report may be either; the two dated ones join only through it
    assert len(set(_stories([march, september, vague]).values())) == 1
    other_year = ArticleAnalysis(vague.article, (), (replace(vague.mentions[0], time=_year("2020")),), ())
    assert len(set(_stories([march, other_year]).values())) == 2
    # two governments: a year of their acts does not become one story through
    # another article's report of the year, only the reports of its own article
    usa, chn = _state("Washington", "USA"), _state("Beijing", "CHN")
    accused = _article("ac", [("ACCUSE", "accuse", usa, chn, "2021-03-02")])
    history = _article("hi", [("ACCUSE", "accuse", usa, chn, "2022-02-01"), ("ACCUSE", "accuse", usa, chn, None)])
    precise, yearly = history.mentions
    history = ArticleAnalysis(history.article, (), (precise, replace(yearly, time=_year("2021"))), ())
    assert len(set(_stories([accused, history]).values())) == 3
    same_article = ArticleAnalysis(
        history.article, (), (replace(precise, time=_day("2021-06-01")), replace(yearly, time=_year("2021"))), ()
    )
    assert len(set(_stories([same_article]).values())) == 1


def test_link_stories_result_does_not_depend_on_input_order():
    corpus = [
        _article("x", [STRIKE_1, TALKS_2]),
        _article("y", [TALKS_2, PROTEST_3]),
        _article("u", [("ASSAULT", "strike", A, B, None)]),
        _article("z", [PROTEST_3, STRIKE_1]),
    ]
    once = _link(corpus)
    shuffled = corpus[:]
    random.Random(7).shuffle(shuffled)
    again = _link([ArticleAnalysis(a.article, (), tuple(reversed(a.mentions)), a.statements) for a in shuffled])
    assert (once.events, once.storylines, once.contradictions) == (again.events, again.storylines, again.contradictions)


def _export(db) -> dict:
    with Store(db, read_only=True) as store:
        return export_document(store)


def test_link_stories_incremental_equals_whole_and_relinks_only_touched(tmp_path):
    corpus = [
        _article("x", [STRIKE_1, TALKS_2], "2021-03-03"),
        _article("y", [TALKS_2, PROTEST_3], "2018-07-11"),
        _article("z", [PROTEST_3], "2012-11-21"),
    ]
    undated = _article("u", [("ASSAULT", "strike", A, B, None)])
    whole, parts = tmp_path / "whole.duckdb", tmp_path / "parts.duckdb"
    with Store(whole) as store:
        store.write_analyses([*corpus, undated])
        assert relink(store, SETTINGS) == 3
    with Store(parts) as store:
        store.write_analyses(corpus)
        assert relink(store, SETTINGS) == 3
        before = {r[0] for r in store.con.execute("SELECT DISTINCT story_id FROM mention_stories").fetchall()}
        store.write_analyses([undated])
        # the undated strike joins the strike's story only
        assert relink(store, SETTINGS) == 1
        after = {r[0] for r in store.con.execute("SELECT DISTINCT story_id FROM mention_stories").fetchall()}
        assert len(before - after) == 1 and len(after - before) == 1
    assert _export(parts) == _export(whole)


def test_link_stories_file_linked_with_article_stories_relinks_once(tmp_path):
    corpus = [_article("x", [STRIKE_1, TALKS_2], "2021-03-03"), _article("y", [TALKS_2], "2018-07-11")]
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_analyses(corpus)
        relink(store, SETTINGS)
    first = _export(db)
    with Store(db) as store:
        # what a file linked before issue 14 holds: one story per article
        store.con.execute("UPDATE article_stories SET story_id = 'sy_old'")
        assert store.needs_linking()
        assert relink(store, SETTINGS) == 2
        assert not store.needs_linking()
    assert _export(db) == first
