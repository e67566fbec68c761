"""Which day, week or quarter a relative expression means: the verb it hangs
on, the narrative it sits in, and the period a results story reports on.
All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

WEDNESDAY = date(2021, 3, 17)
FRIDAY = date(2021, 3, 19)
MONDAY = date(2021, 3, 22)


def values(nlp, text, anchor):
    return {t.text: t.value.value for t in tag(nlp(text), anchor)}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on Tuesday the clinic would treat the wounded soldiers.",
        "Health officials warned on Tuesday that the outbreak could spread to the capital.",
    ],
)
def test_time_resolve_date_before_a_that_clause_belongs_to_the_reporting_verb(nlp, text):
    # The future in the reported clause is not the tense of the report.
    assert values(nlp, text, WEDNESDAY)["Tuesday"] == "2021-03-16"


def test_time_resolve_date_after_a_planned_thing_is_ahead_of_the_planning(nlp):
    v = values(nlp, "Protesters planned a march through the capital on Saturday.", FRIDAY)
    assert v["Saturday"] == "2021-03-20"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The vote had been scheduled for Friday but was postponed.", "2021-03-19"),
        ("The offer had been due to expire Friday, but the bank extended it.", "2021-03-19"),
        ("The vote is scheduled for Friday.", "2021-03-26"),
    ],
)
def test_time_resolve_plan_in_the_past_perfect_is_a_past_date(nlp, text, expected):
    assert values(nlp, text, MONDAY)["Friday"] == expected


def test_time_resolve_weekday_evening_keeps_its_part_of_day(nlp):
    (timex,) = tag(nlp("The fire broke out Sunday evening."), MONDAY)
    assert (timex.type, timex.value.value) == ("TIME", "2021-03-21TEV")


def test_time_resolve_anchor_weekday_is_not_moved_to_a_stated_date_weeks_before(nlp):
    # May 6, 2021 and the anchor, May 20, are both Thursdays.
    v = values(
        nlp,
        "The rebels have held the town since their May 6 offensive. "
        "Rebel leaders said Thursday that the talks were over.",
        date(2021, 5, 20),
    )
    assert v["Thursday"] == "2021-05-20"


RESULTS_ANCHOR = date(2021, 10, 28)


def test_time_resolve_year_earlier_after_a_run_of_months_is_a_year(nlp):
    v = values(
        nlp,
        "Acme Corp. said third-quarter profit rose 12% to $8 million. For the nine months, "
        "profit was $20 million, up from $17 million a year earlier. Results in the 2020 "
        "period included a gain.",
        RESULTS_ANCHOR,
    )
    assert v["third-quarter"] == "2021-Q3"
    assert v["a year earlier"] == "2020"
    assert v["the 2020 period"] == "2020"


def test_time_resolve_year_earlier_in_a_quarter_sentence_is_that_quarter(nlp):
    v = values(
        nlp,
        "Acme said its first-quarter loss narrowed. Separately, Beta Inc. said third-quarter "
        "profit rose to $5 million from $4 million a year earlier.",
        RESULTS_ANCHOR,
    )
    assert v["a year earlier"] == "2020-Q3"


def test_time_resolve_year_earlier_in_a_later_sentence_keeps_the_reported_quarter(nlp):
    v = values(
        nlp,
        "Acme said third-quarter profit rose. Its outlook for the fourth quarter is weak. "
        "Sales were up from a year earlier.",
        RESULTS_ANCHOR,
    )
    assert v["a year earlier"] == "2020-Q3"


def test_time_resolve_month_named_again_is_the_same_month(nlp):
    timexes = tag(
        nlp(
            "The two countries are expected to join the union in April. With their entry "
            "settled, they can also help plan the summit in April."
        ),
        date(2021, 12, 4),
    )
    assert [t.value.value for t in timexes] == ["2022-04", "2022-04"]


def test_time_resolve_month_named_again_in_another_tense_is_another_month(nlp):
    timexes = tag(
        nlp(
            "The group must repay the loan by February. Since it bought the chain in February, it has sold three units."
        ),
        date(2021, 10, 30),
    )
    assert [t.value.value for t in timexes] == ["2022-02", "2021-02"]


def test_time_resolve_month_before_the_subject_noun_names_a_planned_event(nlp):
    # A date after the noun ("his declaration Tuesday") dates a reported act;
    # one before it ("the March accession") is the event's name.
    v = values(nlp, "The March accession will let the three countries sign the treaty.", date(2021, 2, 10))
    assert v["March"] == "2021-03"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The chairman said investors were likely to buy shares as soon as trading opened Monday.", "2021-03-22"),
        ("The envoy will fly home when the talks end Monday.", "2021-03-22"),
        ("The envoy flew home when the talks ended Monday.", "2021-03-15"),
    ],
)
def test_time_resolve_temporal_clause_looks_ahead_with_the_clause_it_modifies(nlp, text, expected):
    assert values(nlp, text, WEDNESDAY)["Monday"] == expected


def test_time_resolve_last_day_of_a_quarter_keeps_the_story_on_that_quarter(nlp):
    v = values(
        nlp,
        "Acme earned $4 million in its fiscal first quarter ended Sept. 30. It had a loss of $2 million a year ago.",
        date(2021, 10, 28),
    )
    assert v["Sept. 30"] == "2021-09-30"
    assert v["a year ago"] == "2020-Q1"


def test_time_resolve_month_with_a_stated_year_is_not_taken_for_a_later_bare_month(nlp):
    timexes = tag(
        nlp("The founder was born in March 1950. In March, the company opened a second plant."), date(2021, 6, 10)
    )
    assert [t.value.value for t in timexes] == ["1950-03", "2021-03"]


def test_time_resolve_clock_time_is_on_the_day_its_sentence_names(nlp):
    v = values(nlp, "On Friday, police arrived at the house at 6 a.m. and left at noon.", MONDAY)
    assert v["Friday"] == "2021-03-19"
    assert v["6 a.m."] == "2021-03-19T06:00"
    assert v["noon"] == "2021-03-19T12:00"
    # with no day named in its sentence, a clock time is on the anchor's day
    assert values(nlp, "Police arrived at 6 a.m.", MONDAY)["6 a.m."] == "2021-03-22T06:00"


def test_time_resolve_latest_period_is_the_reported_quarter(nlp):
    # reported in November: the fiscal fourth quarter just ended, not the last calendar quarter
    v = values(
        nlp,
        "Acme reported a 40% drop in fourth-quarter earnings. Sales in the latest period were $1.2 billion.",
        date(2021, 11, 3),
    )
    assert v["fourth-quarter"] == "2021-Q4"
    assert v["the latest period"] == "2021-Q4"


def test_time_resolve_a_digest_item_reports_on_its_own_quarter(nlp):
    text = (
        "Harbor Freight Lines earned a record in its fiscal first quarter.\n\n"
        "The company said the current quarter had begun well.\n\n"
        "Separately, Northwind Rail said third-quarter profit rose from a year earlier. "
        "Revenue rose 8%. Year-earlier results included a one-time gain."
    )
    v = values(nlp, text, date(2021, 10, 26))
    assert v["first quarter"] == "2021-Q1"
    assert v["Year-earlier"] == "2020-Q3"


def test_time_resolve_a_running_quarter_is_not_the_one_reported_on(nlp):
    text = (
        "The maker expects a loss in the fourth quarter. Its third-quarter profit rose 5%. "
        "Demand was weak. In the year-earlier period, it lost money."
    )
    v = values(nlp, text, date(2021, 10, 26))
    assert v["the fourth quarter"] == "2021-Q4"
    assert v["the year-earlier period"] == "2020-Q3"


def test_time_resolve_in_so_many_years_ahead_is_a_date(nlp):
    v = values(nlp, "The bonds will be redeemed in five years. The first talks ended in three days.", WEDNESDAY)
    assert v["five years"] == "2026"
    assert v["three days"] == "P3D"
