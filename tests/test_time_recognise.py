"""Recognition and resolution of news time expressions on hand-built sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag, tag_text
from storyline.time.recognise import recognise

ANCHOR = date(2020, 5, 21)  # a Thursday


def values(text, anchor=ANCHOR, doc=None):
    return {t.text: (t.type, t.value.value, t.value.mod) for t in tag_text(text, anchor, doc)}


def test_recognise_finds_longest_expression():
    spans = [
        text for text in ("late last month", "Aug. 7, 1998") for c in recognise(f"It happened {text}.") if c.start == 12
    ]
    assert spans == ["late last month", "Aug. 7, 1998"]


def test_recognise_news_expressions_resolve_against_anchor():
    v = values(
        "Earlier this week Abbas spoke. Last month he met them, and late last month "
        "they talked. The PA announced on January 26 a halt. The PLO declared in early March "
        "that it would act. Under a 1994 agreement, funds flow."
    )
    assert v["Earlier this week"][1] == "2020-W21"
    assert v["Last month"][1] == "2020-04"
    assert v["late last month"][1:] == ("2020-04", "END")
    assert v["January 26"][1] == "2020-01-26"
    assert v["early March"][1:] == ("2020-03", "START")
    assert v["1994"] == ("DATE", "1994", None)


def test_recognise_references_durations_and_sets():
    v = values(
        "Leaders have threatened this in the past. Now they act. The talks lasted three days. "
        "Officials meet daily and every Monday."
    )
    assert v["the past"][1] == "PAST_REF"
    assert v["Now"][1] == "PRESENT_REF"
    assert v["three days"] == ("DURATION", "P3D", None)
    assert v["daily"] == ("SET", "P1D", None)
    assert v["every Monday"] == ("SET", "XXXX-WXX-1", None)


def test_recognise_day_after_is_a_duration_and_clock_time_is_time():
    v = values("The officials spoke a day after the meeting, at 3 p.m.")
    assert v["a day"] == ("DURATION", "P1D", None)
    assert v["3 p.m."][0] == "TIME" and v["3 p.m."][1].endswith("T15:00")


def test_recognise_without_anchor_keeps_unresolved_values():
    found = {t.text: t.value for t in tag_text("On Thursday and on January 26 they met.", None)}
    assert found["Thursday"].value == "XXXX-WXX-4" and found["Thursday"].earliest is None
    assert found["January 26"].value == "XXXX-01-26"


def test_recognise_quarters_and_fiscal_years():
    v = values(
        "Profit in the third quarter rose, compared with the year-earlier quarter. In fiscal 1989 sales rose.",
        anchor=date(1989, 10, 30),
    )
    assert v["the third quarter"][1] == "1989-Q3"
    assert v["the year-earlier quarter"][1] == "1988-Q3"
    assert v["fiscal 1989"][1] == "1989"


def test_recognise_the_year_is_the_reported_year_or_a_year_long_period():
    v = values(
        "Sales for the full year rose. For the year ended Sept. 30, it earned $5 million. "
        "In the year-ago quarter it lost money.",
        anchor=date(1989, 10, 30),
    )
    assert v["the full year"][:2] == ("DATE", "1989")
    assert v["the year"][:2] == ("DURATION", "P1Y")
    assert v["the year-ago quarter"][1] == "1988-Q3"


def test_recognise_year_ago_quarter_counts_from_the_reported_quarter_not_an_outlook():
    v = values(
        "Profit in the third quarter fell. It expects a loss in the first two quarters of 1990. "
        "In the year-earlier period it earned more. Sales in the quarter a year ago rose.",
        anchor=date(1989, 10, 26),
    )
    assert v["the year-earlier period"][1] == "1988-Q3"
    assert v["the quarter a year ago"][1] == "1988-Q3"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The index closed near its record high set on Aug. 6.", "1997-08-06"),
        ("The issue will dominate a summit set for Washington in April.", "1998-04"),
        ("The relatives may lose when the case is heard in May.", "1998-05"),
        ("The bank announced an agreement to acquire the company in January.", "1999-01"),
        ("The shares are to resume trading Tuesday.", "1998-02-10"),
    ],
)
def test_time_tense_of_schedules_passives_and_plans(nlp, text, expected):
    timexes = tag(nlp(text), date(1998, 2, 6))
    assert timexes[-1].value.value == expected


def test_time_future_date_is_not_in_a_past_year_stated_before(nlp):
    doc = nlp("The three, invited to join in July 1997, will officially join NATO on March 12 in a ceremony.")
    values = {t.text: t.value.value for t in tag(doc, date(1999, 2, 27))}
    assert values["March 12"] == "1999-03-12"


def test_recognise_results_story_keeps_its_reported_quarter():
    v = values(
        "Third-quarter net rose from a year ago. After a flat second quarter, sales grew. "
        "In the year-earlier period it earned less. In the quarter ended July 31 it had 5 million shares.",
        anchor=date(1989, 11, 1),
    )
    assert v["the year-earlier period"][1] == "1988-Q3"
    assert v["the quarter"][1] == "1989-Q2"  # most of May to July


def test_recognise_months_and_seasons_with_years_in_words():
    v = values(
        "January nineteen ninety-seven. Prices fell to the level of the winter of nineteen ninety-four.",
        anchor=date(1998, 2, 27),
    )
    assert v["January nineteen ninety-seven"][1] == "1997-01"
    assert v["the winter of nineteen ninety-four"][1] == "1994-WI"


def test_recognise_this_years_quarter_is_what_a_year_earlier_counts_from():
    v = values(
        "Assets fell on June 30, 1990. In this year's third quarter, net rose from a year earlier.",
        anchor=date(1989, 10, 26),
    )
    assert v["a year earlier"][1] == "1988-Q3"


def test_recognise_clock_time_takes_the_weekday_after_another_zone():
    v = values("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", anchor=date(1998, 8, 8))
    assert v["10:35 a.m."][1] == "1998-08-07T10:35"


def test_recognise_since_year_end_and_untensed_holiday():
    v = values(
        "The index is up 5% since year-end. Campaigning runs from now to Election Day.", anchor=date(1989, 10, 26)
    )
    assert v["year-end"][1] == "1988-12-31"
    assert v["Election Day"][1] == "1989-11-07"


def test_time_this_year_through_a_month_is_past(nlp):
    doc = nlp("Redemptions followed little change in sales this year through August.")
    assert {t.text: t.value.value for t in tag(doc, date(1989, 10, 26))}["August"] == "1989-08"


def test_time_effective_date_points_ahead(nlp):
    (timex,) = tag(nlp("The company created a new office, effective Feb. 1."), date(1989, 10, 26))
    assert timex.value.value == "1990-02-01"


def test_recognise_ages_and_modal_may_are_not_timexes():
    assert values("The 6-year-old boy may stay.") == {}


def test_recognise_weekday_with_date_picks_fitting_year():
    v = values("The paper said on Monday, Oct. 26: the murder was wrong.", anchor=date(1998, 10, 25))
    assert v["Monday, Oct. 26"][1] == "1998-10-26"


@pytest.mark.slow
def test_time_tag_tense_chooses_past_or_future_weekday(nlp):
    doc = nlp("Palestinian officials will meet Thursday. The council met on Tuesday.")
    found = {t.text: t.value for t in tag(doc, date(2015, 3, 18))}  # a Wednesday
    assert found["Thursday"].value == "2015-03-19"
    assert found["Tuesday"].value == "2015-03-17"
    assert found["Tuesday"].basis == "relative" and found["Tuesday"].anchor == date(2015, 3, 18)


@pytest.mark.slow
def test_time_tag_as_soon_as_points_ahead_and_offsets_match_text(nlp):
    doc = nlp("The measure could take effect as soon as July 1, officials said Thursday morning.")
    timexes = tag(doc, ANCHOR)
    found = {t.text: t for t in timexes}
    assert found["July 1"].value.value == "2020-07-01"
    assert found["Thursday morning"].value.value.startswith("2020-05-21")
    for t in timexes:
        assert doc.text[t.start : t.end] == t.text


from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from(
    [
        "Monday",
        "Friday's",
        "last",
        "next",
        "week",
        "March",
        "May",
        "26",
        "31",
        "1998",
        "fiscal",
        "quarter",
        "third-quarter",
        "early",
        "late",
        "ago",
        "two",
        "years",
        "a",
        "day",
        "after",
        "noon",
        "3",
        "p.m.",
        "Sept.",
        "the",
        "now",
        "recently",
        "every",
        "daily",
        ",",
        ".",
        "in",
        "on",
        "-",
        "2/30/1999",
        "1999-02-30",
        "Christmas",
        "the 1990s",
        "mid-",
        "twenty-four",
        "hours",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=25), st.one_of(st.none(), st.dates()))
def test_recognise_never_fails_and_offsets_match(words, anchor):
    text = " ".join(words)
    for t in tag_text(text, anchor):
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        v = t.value
        if v.earliest and v.latest:
            assert v.earliest <= v.latest


def test_recognise_weekday_after_stated_date_follows_the_narrative():
    v = values(
        "The PA announced on January 26 a halt. It will complain over Thursday morning's raid. "
        "On Wednesday, the envoy pressed him.",
        anchor=date(2023, 2, 4),
    )
    assert v["January 26"][1] == "2023-01-26"
    assert v["Thursday morning"][1] == "2023-01-26"  # January 26, 2023 was a Thursday
    assert v["Wednesday"][1] == "2023-02-01"


def test_time_weekday_dating_a_named_act_is_not_pushed_forward_by_a_conditional(nlp):
    from storyline.time import tag

    doc = nlp("It was unclear whether his declaration Tuesday would be implemented.")
    (timex,) = tag(doc, date(2020, 5, 21))
    assert timex.value.value == "2020-05-19"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Until Thursday, they had not called him a suspect.", "2020-05-21"),
        ("The company extended its offer until Thursday.", "2020-05-28"),
        ("His relatives could not be located Wednesday in their hometown.", "2020-05-20"),
        ("The talks could resume Wednesday.", "2020-05-27"),
        ("On Tuesday, the league plans to hold a news conference.", "2020-05-26"),
    ],
)
def test_time_weekday_direction_from_deadlines_and_negated_modals(nlp, text, expected):
    from storyline.time import tag

    (timex,) = tag(nlp(text), date(2020, 5, 22))
    assert timex.value.value == expected


def test_time_this_month_name_is_the_current_year():
    (timex,) = tag_text("Elections are due this September.", date(1998, 2, 5))
    assert timex.value.value == "1998-09"
    (timex,) = tag_text("Sales slumped this January.", date(1998, 11, 5))
    assert timex.value.value == "1998-01"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Demand will stay strong well into the summer.", ("the summer", "1989-SU")),
        ("Orders rose from the low levels of the early summer.", ("the early summer", "1989-SU")),
        ("The deal should close by year-end.", ("year-end", "1989")),
        ("Prices rose toward the end of the month.", ("the end of the month", "1989-10")),
    ],
)
def test_time_bare_seasons_and_period_ends_resolve_to_the_anchor_period(text, expected):
    (timex,) = tag_text(text, date(1989, 10, 26))
    assert (timex.text, timex.value.value) == expected


def test_time_summer_as_a_modifier_is_not_a_date():
    assert tag_text("The summer camp reopened.", date(1989, 10, 26)) == ()


@pytest.mark.parametrize(
    "text, name",
    [
        ('The minister, speaking on the network\'s "This Week," said talks would resume.', "This Week"),
        ('He told CBS\'s "60 Minutes" that the plan had failed.', "60 Minutes"),
        ("The poster showed the sheriff from the film High Noon.", "Noon"),
        ("Listeners tuned in to Radio Free Today for the news.", "Today"),
    ],
)
def test_recognise_capitalised_words_inside_a_sentence_are_a_title_not_a_time(text, name):
    assert not [t for t in tag_text(text, ANCHOR) if name in t.text]


def test_recognise_time_words_starting_a_sentence_or_quote_are_still_times():
    v = values('This week the council met. He said: "Today we vote." Now the work starts.')
    assert v["This week"][1] == "2020-W21"
    assert v["Today"][1] == "2020-05-21"
    assert v["Now"][1] == "PRESENT_REF"


def test_recognise_quarter_to_quarter_is_not_the_quarter():
    assert not tag_text("The quarter-to-quarter comparison was flattered by a one-time gain.", ANCHOR)


@pytest.mark.parametrize(
    "text",
    [
        "The preferred shares pay a dividend of $2.10 a year.",
        "Rooms will cost between $40 and $60 a night.",
        "The airline runs six flights a week to the island.",
        "The plant makes 20,000 cars a month.",
    ],
)
def test_recognise_rates_of_pay_or_output_are_not_times(text):
    assert not tag_text(text, ANCHOR)


def test_recognise_times_a_unit_is_still_a_set():
    assert values("The committee meets 10 times a year.")["a year"] == ("SET", "P1Y", None)


def test_recognise_day_counted_from_the_narrative_day():
    v = values(
        "Police arrested him on March 3. Earlier that day, he had called a lawyer. "
        "The next morning he was released, and the following day he left the country."
    )
    assert v["Earlier that day"][1] == "2020-03-03"
    assert v["The next morning"][1] == "2020-03-04"
    assert v["the following day"][1] == "2020-03-05"  # the narrative had moved on to the 4th


def test_recognise_narrative_day_needs_a_day_named_before():
    assert not [t for t in tag_text("The vote was delayed, and that same day the talks failed.", ANCHOR)]


def test_recognise_week_of_a_date_is_that_week():
    assert values("A hearing is set for the week of June 8.")["the week of June 8"][1] == "2020-W24"


def test_recognise_first_two_quarters_of_a_year_is_its_first_half():
    assert (
        values("Losses will last through the first two quarters of 2021.")["the first two quarters of 2021"][1]
        == "2021-H1"
    )


def test_recognise_one_day_after_a_modal_is_some_future_day():
    assert values("Scientists believe the region will one day be habitable.")["one day"][1] == "FUTURE_REF"
    assert values("The strike lasted one day.")["one day"][1] == "P1D"


def test_recognise_title_case_headline_keeps_its_times():
    v = values("Talks to Resume Next Week\n\nThe ministers will meet again, officials said.")
    assert v["Next Week"][1] == "2020-W22"


def test_recognise_holiday_week_is_the_week_holding_the_nearest_holiday():
    # Easter 2021 fell on April 4, the Sunday ending ISO week 13.
    v = values("Pilgrims crowded the old city as Easter week began.", anchor=date(2021, 3, 29))
    assert v["Easter week"] == ("DATE", "2021-W13", None)


def test_recognise_plural_weekdays_and_each_month_are_sets():
    v = values("The market opens on Sundays and on Tuesday nights, and the fair returns each July.")
    assert v["Sundays"] == ("SET", "XXXX-WXX-7", None)
    assert v["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI", None)
    assert v["each July"] == ("SET", "XXXX-07", None)


def test_recognise_weekday_morning_given_as_its_day_is_a_date():
    # the part of day is left out of the value, so the type is DATE
    assert values("The talks began Thursday morning.")["Thursday morning"][:2] == ("DATE", "2020-05-21")


def test_recognise_the_past_decade_is_ten_years_up_to_now():
    v = values("Crime has fallen over the past decade, as it did in the last decade.")
    assert v["the past decade"] == ("DURATION", "P10Y", None)
    assert v["the last decade"][1] == "201"


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) _ Today the Senate votes on the bill.",
        "BEIRUT -- Today the cabinet meets again.",
        "LONDON (Reuters) Today the bank cut its rate.",
    ],
)
def test_recognise_time_word_after_a_dateline_starts_the_sentence(text):
    assert [t.value.value for t in tag_text(text, ANCHOR)] == ["2020-05-21"]


def test_recognise_the_day_before_or_after_a_named_day():
    v = values("The day before last Tuesday's vote, the mayor resigned; the day after Jan. 5 he left.")
    assert v["The day before last Tuesday's"][1] == "2020-05-18"
    assert v["the day after Jan. 5"][1] == "2020-01-06"


def test_recognise_day_or_week_around_a_date_keeps_the_date_without_an_anchor():
    # undated articles are dated from such evidence; the date stays a month-day candidate
    v = values("A hearing is set for the week of March 6; the day after Jan. 5 the judge left.", anchor=None)
    assert v["the week of March 6"][1] == "XXXX-03-06"
    assert v["the day after Jan. 5"][1] == "XXXX-01-06"
    assert [c.kind for c in recognise("the week of March 6")] == ["md"]
