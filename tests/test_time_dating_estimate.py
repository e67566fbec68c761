"""Dating: an undated article's estimate (interval, best day, how sure) is
stored on the article beside ``published``, which stays empty and anchors
nothing, and is shown as "undated, estimated ..."."""

from __future__ import annotations

from datetime import date

from storyline.models import Article, TimeValue
from storyline.time.dating_estimate import estimate_json, estimate_label


def _value(first: date, last: date, *evidence: str) -> TimeValue:
    return TimeValue(str(first.year), first, last, "year", "inferred", evidence=("low confidence: thin",) + evidence)


def test_dating_estimate_label_names_months_within_a_year():
    assert estimate_label(_value(date(2013, 3, 4), date(2013, 6, 20))) == "estimated Mar–Jun 2013"
    assert estimate_label(_value(date(2012, 11, 4), date(2013, 2, 20))) == "estimated Nov 2012–Feb 2013"
    assert estimate_label(_value(date(2011, 1, 1), date(2013, 12, 31))) == "estimated 2011–2013"
    assert estimate_label(None) == ""


def test_dating_estimate_label_says_a_statistical_interval_is_one():
    value = _value(date(1983, 1, 1), date(2026, 12, 7), "interval (statistical): 1983-01-01 to 2027-12-31: ...")
    label = estimate_label(value)
    assert label.startswith("estimated 1983–2026, statistical")
    record = estimate_json(value)
    assert record["interval_basis"] == "statistical" and record["confidence"] == "low"
    assert estimate_label(record) == label


def test_dating_estimate_best_day_lies_in_the_interval():
    record = estimate_json(_value(date(2017, 1, 20), date(2017, 3, 1)))
    assert record["best_day"] == "2017-03-01"


def test_dating_estimate_stored_on_an_undated_article_not_as_its_date(nlp, tmp_path):
    from storyline.pipeline import analyse
    from storyline.settings import Settings
    from storyline.views.contract import article_json

    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "roles:\n  - titles: [Chancellor]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2011-03-14, 2016-09-30]]}\n",
        encoding="utf-8",
    )
    text = "Chancellor Ada Quintavalle opened a bridge over the river, her office said."
    article = Article(id=Article.make_id(text), source="a.txt", text=text)
    analysis = analyse(article, nlp(text), Settings(roles_path=str(roles)))
    assert analysis.article.published is None  # a guess anchors nothing
    estimate = analysis.article.published_estimate
    assert estimate is not None and estimate.earliest == date(2011, 3, 14)
    shown = article_json(analysis.article)
    assert shown["published"]["value"] is None
    assert shown["published_estimate"]["confidence"] == "low"
    assert shown["published_estimate"]["interval_basis"] == "evidence"
