"""TimeML conventions for expressions the grammar used to miss or misread,
on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from storyline.time import tag_text

ANCHOR = date(2021, 10, 14)  # a Thursday


def values(text, anchor=ANCHOR):
    return {t.text: (t.type, t.value.value, t.value.mod) for t in tag_text(text, anchor)}


def test_conventions_more_and_additional_units_are_durations():
    v = values(
        "The lease runs for at least 15 more years. The ferry stays docked for three more days, "
        "and the pilot may be extended for an additional month."
    )
    assert v["at least 15 more years"] == ("DURATION", "P15Y", "EQUAL_OR_MORE")
    assert v["three more days"] == ("DURATION", "P3D", None)
    assert v["an additional month"] == ("DURATION", "P1M", None)


def test_conventions_half_of_a_stated_year_is_a_half_year():
    v = values(
        "Output fell in the first half of 2019 and recovered in the last half of 2020; "
        "rents climbed through the latter half of the '90s."
    )
    assert v["the first half of 2019"] == ("DATE", "2019-H1", None)
    assert v["the last half of 2020"] == ("DATE", "2020-H2", None)
    assert v["the latter half of the '90s"] == ("DATE", "199", "END")


def test_conventions_trading_days_and_quarters_that_are_not_fractions():
    v = values(
        "Five trading days after the crash the index recovered; two business days ago, it fell. "
        "The unit made money after several quarters of losses, while three quarters of the staff left."
    )
    assert v["Five trading days"] == ("DURATION", "P5D", None)
    assert v["two business days ago"][:2] == ("DATE", "2021-10-12")
    assert v["several quarters"] == ("DURATION", "PXQ", None)
    assert "three quarters" not in v


def test_conventions_mid_part_of_day_takes_the_day_named_or_the_sentence_day():
    v = values(
        "Shares were up 3% at mid-afternoon yesterday. By mid-morning, the ferry had sailed. "
        "On Monday, the market turned by mid afternoon."
    )
    assert v["mid-afternoon yesterday"] == ("TIME", "2021-10-13TAF", None)
    assert v["mid-morning"] == ("TIME", "2021-10-14TMO", None)
    assert v["mid afternoon"] == ("TIME", "2021-10-11TAF", None)


def test_conventions_decades_in_words_and_halves_of_units():
    v = values(
        "Membership fell through the nineties and rose in the early sixties; he is in his sixties. "
        "The hearing lasted an hour and a half, the drought two and a half years, and a minute and "
        "a half later the lights went out."
    )
    assert v["the nineties"] == ("DATE", "199", None)
    assert v["the early sixties"] == ("DATE", "196", "START")
    assert "sixties" not in v and "his sixties" not in v
    assert v["an hour and a half"] == ("DURATION", "PT1H30M", None)
    assert v["two and a half years"] == ("DURATION", "P2Y6M", None)
    assert v["a minute and a half"] == ("DURATION", "PT1M30S", None)


def test_conventions_last_with_the_month_just_ended_is_a_year_back():
    v = values("The dam burst last September; the inquiry opened last August and reported last January.")
    assert v["last September"][1] == "2020-09"  # said in October: a month ago would be "last month"
    assert v["last August"][1] == "2021-08"
    assert v["last January"][1] == "2021-01"


def test_conventions_second_day_of_a_pair_is_a_date():
    v = values("The summit meets on Nov. 18 and 19. Polls open Dec. 2 or 3, and rates of 3 and 4 percent hold.")
    assert v["Nov. 18"][1] == "2021-11-18" and v["19"][1] == "2021-11-19"
    assert v["Dec. 2"][1] == "2021-12-02" and v["3"][1] == "2021-12-03"
    assert "4" not in v


def test_conventions_year_earlier_run_of_months_is_one_duration():
    v = values("For the nine months, net rose. Net for the year-earlier nine months included a gain.")
    assert v["the year-earlier nine months"] == ("DURATION", "P9M", None)
    assert "year-earlier" not in v


def test_conventions_year_earlier_period_after_a_run_of_months_is_that_run():
    v = values(
        "Third-quarter sales rose. For the six months, the mill earned $4 million. "
        "In the year-earlier period, it lost money."
    )
    assert v["the year-earlier period"] == ("DURATION", "P6M", None)


def test_conventions_the_years_after_a_preposition_are_an_unknown_length():
    v = values(
        "Over the years the canal silted up; in the early years it carried grain, and "
        "traffic will grow in the coming decades and in the weeks ahead. "
        "The car was seen in the weeks before the fire."
    )
    assert v["the years"] == ("DURATION", "PXY", None)
    assert v["the early years"] == ("DURATION", "PXY", None)
    assert v["the coming decades"] == ("DURATION", "PXDE", None)
    assert v["the weeks ahead"] == ("DURATION", "PXW", None)
    assert "the weeks" not in v
    assert "the years" not in values("Output fell in the years 1990 to 1995.")


def test_conventions_the_near_term_and_a_later_date_look_ahead():
    v = values(
        "Margins will suffer in the near term; the board may sell shares at a later date, "
        "but it will not repay its short-term debt or change its long-term plan."
    )
    assert v["the near term"] == ("DATE", "FUTURE_REF", None)
    assert v["a later date"] == ("DATE", "FUTURE_REF", None)
    assert len(v) == 2


def test_conventions_corresponding_period_last_year_is_the_year_ago_quarter():
    v = values(
        "Net fell in the third quarter. It compares with a profit for the corresponding period last "
        "year, and in the second quarter last year it lost money; sales matched the comparable period.",
        anchor=date(1989, 10, 26),
    )
    assert v["the third quarter"][1] == "1989-Q3"
    assert v["the corresponding period last year"][1] == "1988-Q3"
    assert v["the second quarter last year"][1] == "1988-Q2"
    assert v["the comparable period"][1] == "1989-Q3"


def test_conventions_year_end_as_an_adjective_is_not_a_date():
    v = values("The sale should close by year-end. Profit was below 2019, when year-end bonuses were cut.")
    assert v["year-end"][1] == "2021"
    assert (
        len(
            [
                t
                for t in tag_text("Profit was below 2019, when year-end bonuses were cut.", ANCHOR)
                if t.text == "year-end"
            ]
        )
        == 0
    )


def test_conventions_figures_of_speech_are_not_times():
    values(
        "Leaders argued over the future of the treaty and trained the engineers of tomorrow; "
        "for the party, high noon has come. They will meet in the future, at noon tomorrow."
    )
    text = (
        "Leaders argued over the future of the treaty and trained the engineers of tomorrow; "
        "for the party, high noon has come. They will meet in the future, at noon tomorrow."
    )
    found = [(t.text, t.start) for t in tag_text(text, ANCHOR)]
    assert found == [
        ("the future", text.index("in the future") + 3),
        ("noon", text.index("at noon") + 3),
        ("tomorrow", text.rindex("tomorrow")),
    ]


def test_conventions_a_march_with_a_name_is_not_a_month():
    v = values("Protesters joined the annual March for Life; the vote was set for May on Tuesday.")
    assert "March" not in v
    assert "May" in v  # (a month followed by a weekday is still a month)


def test_conventions_today_s_of_an_age_is_not_a_day():
    text = (
        "The museum speaks to today's youth and to most of today's visitors in today's "
        "fast-changing world. The curator opened today's exhibition at noon."
    )
    found = [(t.text, t.start) for t in tag_text(text, ANCHOR)]
    assert found == [("today's", text.index("today's exhibition")), ("noon", text.index("noon"))]


def test_conventions_recently_before_a_date_leaves_the_date_to_say_when():
    text = "Three mills have closed, most recently last October. The mayor recently met the owners."
    assert [(t.text, t.value.value) for t in tag_text(text, ANCHOR)] == [
        ("last October", "2020-10"),
        ("recently", "PAST_REF"),
    ]


def test_conventions_weekday_with_the_next_one_s_plural_part_of_day_recurs():
    recurring = tag_text("The ferry sails on Monday and Tuesday nights.", ANCHOR)
    assert [(t.text, t.type, t.value.value) for t in recurring] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]
    once = tag_text("The minister spoke on Monday and Tuesday night.", ANCHOR)
    assert [(t.text, t.type) for t in once] == [("Monday", "DATE"), ("Tuesday night", "DATE")]


def test_conventions_the_nth_day_of_something_is_the_day_its_subject_names():
    found = lambda text: [(t.text, t.value.value) for t in tag_text(text, ANCHOR)]  # noqa: E731
    assert found("It's the second day of the strike at the port.") == [("the second day", "2021-10-14")]
    assert found("Tuesday was the third day of talks.") == [("Tuesday", "2021-10-12"), ("the third day", "2021-10-12")]
    assert found("The first day of school went well; it was the best day of her life.") == []


def test_conventions_a_span_that_measures_pay_or_supply_is_an_amount():
    found = lambda text: [t.text for t in tag_text(text, ANCHOR)]  # noqa: E731
    assert found("Staff who leave get a bonus equal to six months of base pay.") == []
    assert found("The depot holds two years' supply of grain.") == []
    assert found("He served six months of his sentence.") == ["six months"]
