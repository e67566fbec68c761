"""Dating: the statistical bound learned from news whose date is known
(``time/dating_prior.py``). Its interval must say it is statistical and
never turn a guess into a confident answer."""

from __future__ import annotations

from datetime import date

from storyline.time.dating import infer_publication_date, is_low_confidence
from storyline.time.dating_prior import (
    STATISTICAL_EVIDENCE,
    interval_basis,
    interval_coverage,
    latest_named_year,
    load_prior,
)
from storyline.time.recognise import recognise

TODAY = date(2026, 12, 7)


def test_dating_prior_latest_named_year_skips_years_looked_ahead_to():
    text = "Sales fell in 1987 and rose in 1988. The notes are due 2009, and growth should last through 1995."
    assert latest_named_year(None, text, recognise(text)) == 1988


def test_dating_prior_latest_named_year_skips_model_years():
    text = "The company showed the 2011 version of its car after a weak 2009."
    assert latest_named_year(None, text, recognise(text)) == 2009


def test_dating_prior_interval_is_marked_statistical():
    prior = load_prior()
    assert prior is not None and 0 < prior.coverage < 1
    # nothing but a year with no tense to read: no bound of evidence, only the statistical one
    value = infer_publication_date(
        "Quarterly sales are compared with 1993 figures.", (), roles_path="", interval=True, today=TODAY
    )
    assert value is not None and is_low_confidence(value)
    assert interval_basis(value) == "statistical"
    assert interval_coverage(value) == prior.coverage
    first, last = prior.interval(1993)
    assert value.earliest == first and value.latest == min(last, TODAY)
    assert any(line.startswith(STATISTICAL_EVIDENCE) and "not a certainty" in line for line in value.evidence)


def test_dating_prior_leaves_a_text_without_years_unanswered():
    assert (
        infer_publication_date(
            "Norton said net income fell 6% in the third quarter.", (), roles_path="", interval=True, today=TODAY
        )
        is None
    )


def test_dating_prior_does_not_touch_a_confident_answer(tmp_path):
    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "roles:\n  - titles: [Chancellor]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2011-03-14, 2011-09-30]]}\n",
        encoding="utf-8",
    )
    value = infer_publication_date(
        "Chancellor Ada Quintavalle said on Monday, March 21, that sales of 1990 were the lowest.",
        (),
        roles_path=str(roles),
        interval=True,
        today=TODAY,
    )
    assert value is not None and not is_low_confidence(value)
    assert interval_basis(value) == "evidence"
    assert interval_coverage(value) is None
