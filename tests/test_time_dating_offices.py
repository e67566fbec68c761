"""Dating: time words around an officeholder ("former", "-elect", "new",
"sworn in three weeks ago") and the honest interval of the answer.

The officeholders are invented (a roles file written here), so the tests
do not depend on the packaged knowledge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from storyline.time.dating import infer_publication_date, is_low_confidence

TODAY = date(2026, 12, 7)
START, END = date(2011, 3, 14), date(2016, 9, 30)


@pytest.fixture()
def roles(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n"
        "  - titles: [Chancellor]\n"
        "    holders:\n"
        f"      - {{name: Ada Quintavalle, born: 1950-06-15, terms: [[{START}, {END}]]}}\n"
        "  - titles: [Harbour Master]\n"
        "    holders:\n"
        "      - {name: Bo Lindqvist, terms: [[2002-06-01, 2004-01-15], [2009-05-01, null]]}\n"
        "  - titles: [Fleet Admiral]\n"
        "    holders:\n"
        "      - {name: Cy Ormond, terms: [[2008-01-01, 2012-12-31]]}\n",
        encoding="utf-8",
    )
    return str(path)


def date_of(text: str, roles: str):
    return infer_publication_date(text, (), roles_path=roles, interval=True, today=TODAY)


def test_dating_offices_former_holder_is_after_the_term_ended(roles):
    value = date_of("Former Chancellor Ada Quintavalle opened the bridge.", roles)
    assert value.earliest == END and value.latest == TODAY
    assert is_low_confidence(value)
    assert any("left that office" in line for line in value.evidence)


def test_dating_offices_former_holder_alone_is_still_no_confident_date(roles):
    # as before: without the interval, "former" dates nothing by itself
    assert infer_publication_date("Former Chancellor Ada Quintavalle opened the bridge.", (), roles_path=roles) is None


def test_dating_offices_elect_is_before_the_term_began(roles):
    value = date_of("Chancellor-elect Ada Quintavalle named her cabinet.", roles)
    assert START - timedelta(days=120) <= value.earliest and value.latest == START


def test_dating_offices_outgoing_is_the_end_of_the_term(roles):
    value = date_of("Outgoing Chancellor Ada Quintavalle pardoned the sailors.", roles)
    assert END - timedelta(days=200) <= value.earliest and value.latest <= END + timedelta(days=60)


def test_dating_offices_new_is_the_start_of_the_term(roles):
    value = date_of("The new Chancellor Ada Quintavalle met the unions.", roles)
    assert value.earliest == START and value.latest <= START + timedelta(days=400)


def test_dating_offices_new_right_before_the_title_qualifies_but_not_a_place_name(roles):
    value = date_of("New Chancellor Ada Quintavalle met the unions.", roles)  # a headline: still new
    assert value.latest <= START + timedelta(days=400)
    value = date_of("New Quintavalle Chancellor Ada Quintavalle met the unions.", roles)  # a name first
    assert value.latest == END + timedelta(days=60)


def test_dating_offices_sworn_in_weeks_ago_fixes_the_year(roles):
    value = date_of("Chancellor Ada Quintavalle, who was sworn in three weeks ago, signed the order.", roles)
    assert value.earliest <= START + timedelta(days=21) <= value.latest
    assert value.latest - value.earliest <= timedelta(days=14)
    assert not is_low_confidence(value)  # the bounds keep it inside 2011


def test_dating_offices_took_office_last_month_needs_the_recorded_month(roles):
    value = date_of("Chancellor Ada Quintavalle, who took office last March, cut taxes.", roles)
    assert value.earliest == START and value.latest <= date(2012, 4, 1)
    other = date_of("Chancellor Ada Quintavalle, who took office last July, cut taxes.", roles)
    assert other.latest == END + timedelta(days=60)  # July is not when her term began: the term alone


def test_dating_offices_resigned_months_ago_counts_from_the_end(roles):
    value = date_of("Ada Quintavalle resigned two months ago, Chancellor Ada Quintavalle's aides said.", roles)
    assert value.earliest <= END + timedelta(days=60) <= value.latest
    assert value.latest - value.earliest <= timedelta(days=30)


def test_dating_offices_two_terms_give_the_span_of_both_for_elect(roles):
    value = date_of("Harbour Master-elect Bo Lindqvist inspected the docks.", roles)
    assert value.earliest == date(2002, 6, 1) - timedelta(days=120) and value.latest == date(2009, 5, 1)


def test_dating_interval_of_a_confident_answer_is_the_days_of_its_year(roles):
    value = date_of("Chancellor Ada Quintavalle spoke on Monday, March 5, officials said.", roles)
    assert not is_low_confidence(value) and value.value.startswith("2012-03")
    assert value.earliest >= date(2012, 1, 1) and value.latest <= date(2012, 12, 31)
    assert value.earliest <= date(2012, 3, 5) <= value.latest


def test_dating_interval_without_any_bound_is_still_an_abstention(roles):
    assert date_of("Officials met on Thursday to discuss the plan.", roles) is None


def test_dating_interval_of_disputed_bounds_keeps_both_and_is_no_confident_year(roles):
    # the term says 2011-2016, "former" after 2016: evidence that disagrees widens the interval
    value = date_of("Chancellor Ada Quintavalle spoke. Former Chancellor Ada Quintavalle left.", roles)
    assert value.earliest <= START and value.latest >= END


def test_dating_surname_that_is_a_month_name_is_not_the_month(roles):
    value = date_of("Chancellor Ada Quintavalle met the opposition leader, Theresa May, in London.", roles)
    assert not any("'May' without a year" in line for line in value.evidence)
    value = date_of("Chancellor Ada Quintavalle met the unions in May.", roles)
    assert any("'May' without a year" in line for line in value.evidence)


def test_dating_cli_date_json_gives_the_interval_and_its_confidence(tmp_path, nlp):
    import json

    from click.testing import CliRunner

    from storyline.cli import cli

    article = tmp_path / "a.txt"
    article.write_text("Former President Barack Obama opened the library, his aides said.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["date", str(article), "--json"], prog_name="storyline")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["basis"] == "inferred" and answer["confidence"] == "low"
    assert answer["earliest"] == "2017-01-20" and answer["latest"] >= "2026-01-01"
    assert answer["evidence"][0].startswith("low confidence")


def test_dating_series_this_years_world_cup_keeps_the_world_cup_years(roles):
    value = date_of("Chancellor Ada Quintavalle said this year's World Cup would be safe.", roles)
    # her term 2011-2016 holds the World Cups of 2014 alone
    assert value.earliest == date(2014, 1, 1) and value.latest == date(2014, 12, 31)
    assert not is_low_confidence(value)


def test_dating_series_last_and_next_years_shift_the_year(roles):
    last = date_of("Chancellor Ada Quintavalle praised last year's Winter Olympics.", roles)
    # the Winter Games of 2010 and 2014: 2011 or 2015, inside her term
    assert (last.earliest, last.latest) == (START, date(2015, 12, 31)) and last.value in ("2011", "2015")
    following = date_of("Chancellor Ada Quintavalle opened a stadium for next year's Summer Olympics.", roles)
    assert following.earliest.year == 2011 and following.latest.year == 2015  # before 2012 or 2016


def test_dating_series_another_sport_of_the_same_name_says_nothing(roles):
    value = date_of("Chancellor Ada Quintavalle said this year's Rugby World Cup would be safe.", roles)
    assert value.earliest == START and not any("World Cup" in line for line in value.evidence)


def test_dating_offices_two_terms_are_two_stretches_not_the_years_between(roles):
    # before either of his terms, and in office with the admiral: only the months before 2009-05-01
    value = date_of("Harbour Master-elect Bo Lindqvist met Fleet Admiral Cy Ormond.", roles)
    assert (value.earliest, value.latest) == (date(2009, 5, 1) - timedelta(days=120), date(2009, 5, 1))
    assert not is_low_confidence(value)


def test_dating_offices_ousted_holder_with_when_it_happened(roles):
    value = date_of("Ousted Chancellor Ada Quintavalle, who was toppled last September, spoke.", roles)
    assert value.earliest == END and value.latest <= date(2017, 11, 1)


def test_dating_offices_age_of_a_holder_born_on_a_known_day(roles):
    value = date_of("Chancellor Ada Quintavalle, 62, opened the bridge.", roles)
    assert (value.earliest, value.latest) == (date(2012, 6, 15), date(2013, 6, 14))
    value = date_of("The 64-year-old Chancellor Ada Quintavalle opened the bridge.", roles)
    assert (value.earliest, value.latest) == (date(2014, 6, 15), date(2015, 6, 14))


def test_dating_offices_a_number_after_the_name_that_is_no_age_says_nothing(roles):
    value = date_of("Chancellor Ada Quintavalle, 62 percent of voters said, won.", roles)
    assert value.earliest == START and not any("born" in line for line in value.evidence)
    # no day of birth in the knowledge: an age dates nothing
    value = date_of("Harbour Master Bo Lindqvist, 62, inspected the docks.", roles)
    assert not any("born" in line for line in value.evidence)


def test_dating_year_of_a_forecast_told_in_the_past_is_no_lower_bound(roles, nlp):
    from storyline.time import tag

    doc = nlp("Analysts were predicting 1990 earnings of $3 a share. The company lost money in 1988.")
    value = infer_publication_date(doc, tag(doc, None), roles_path=roles, interval=True, today=TODAY)
    assert value.earliest == date(1988, 1, 1)
    assert not any("tells of 1990" in line and "not before" in line for line in value.evidence)


def test_dating_a_guess_nothing_bounds_is_withdrawn():
    from storyline.models import TimeValue
    from storyline.time.dating import honest_interval
    from storyline.time.grid import Board, _range_mask

    board = Board()
    board.add(_range_mask(date(1994, 1, 1), date(1996, 12, 31)), 1.0, "a tilt, no bound")
    guess = TimeValue(
        "1995",
        date(1995, 1, 1),
        date(1995, 12, 31),
        "year",
        "inferred",
        evidence=("low confidence: the evidence points to 1995, but weakly",),
    )
    assert honest_interval(board, guess, TODAY) is None
    sure = TimeValue("1995-03-02", date(1995, 3, 2), date(1995, 3, 2), "day", "inferred", evidence=("x",))
    assert honest_interval(board, sure, TODAY) == sure
    board.bound(date(1994, 1, 1), None, "tells of 1994 in the past tense", "year_past")
    widened = honest_interval(board, guess, TODAY)
    assert (widened.earliest, widened.latest) == (date(1994, 1, 1), TODAY)


def test_dating_offices_the_former_title_after_the_name_is_after_the_term(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n  - titles: [Foreign Secretary]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2011-03-14, 2016-09-30]]}\n",
        encoding="utf-8",
    )
    value = date_of("Ada Quintavalle, the former foreign secretary, is the favourite.", str(path))
    assert value.earliest == date(2016, 9, 30) and value.latest == TODAY


def test_dating_offices_lower_case_particles_inside_a_name(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n  - titles: [President]\n    holders:\n"
        "      - {name: Daniel arap Mwangale, terms: [[1978-08-22, 2002-12-30]]}\n",
        encoding="utf-8",
    )
    value = date_of("The office of President Daniel arap Mwangale gave the figures.", str(path))
    assert value.earliest == date(1978, 8, 22) and value.latest <= date(2002, 12, 30) + timedelta(days=60)


def test_dating_offices_took_office_in_a_month_last_year_is_the_next_year(roles):
    value = date_of(
        "Chancellor Ada Quintavalle spoke. Quintavalle, who took office in March last year, cut taxes.", roles
    )
    assert (value.earliest, value.latest) == (date(2012, 1, 1), date(2012, 12, 31))
    other = date_of("Chancellor Ada Quintavalle, who took office in 2011, said sales fell last year.", roles)
    assert other.latest == END + timedelta(days=60)  # the sales' year, not the term's


def test_dating_interval_best_year_of_a_term_is_its_middle(roles):
    # a term alone says every year of it equally: the middle year is wrong by the least
    value = date_of("Chancellor Ada Quintavalle opened the bridge.", roles)
    assert value.value == "2013" and (value.earliest, value.latest) == (START, END + timedelta(days=60))


def test_dating_a_vote_on_a_weekday_several_votes_share_needs_more_than_a_tilt(tmp_path, nlp):
    from storyline.time import tag

    path = tmp_path / "roles.yaml"
    path.write_text(
        "elections:\n  RUR:\n    cues: ['Ruritania', 'Ruritanian']\n    dates: [2015-06-07, 2023-05-28]\n"
        "roles:\n  - titles: [President]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2014-08-28, null]]}\n",
        encoding="utf-8",
    )
    text = (
        "President Ada Quintavalle won Ruritania's presidential runoff on Sunday. Quintavalle became president in 2014."
    )
    doc = nlp(text)
    # two Sunday votes in her term; the tilt toward the years after 2014 is no ground to choose
    assert infer_publication_date(doc, tag(doc, None), roles_path=str(path)) is None
    value = infer_publication_date(doc, tag(doc, None), roles_path=str(path), interval=True, today=TODAY)
    assert is_low_confidence(value) and value.earliest <= date(2015, 6, 8) and value.latest >= date(2023, 5, 29)


def test_dating_offices_mr_or_mrs_and_the_full_name_tilt_toward_the_term(roles):
    value = date_of("Ada Quintavalle arrived. Mrs. Quintavalle said the euro would rise.", roles)
    # the euro bounds from 1995; the holder named without a title only tilts toward her term
    assert value.earliest.year == 1995 and START.year <= int(value.value[:4]) <= END.year
    assert is_low_confidence(value) and any("without a title" in line for line in value.evidence)
    # "Mrs." alone, without the first name anywhere, is anybody of that name
    value = date_of("Mrs. Quintavalle said the euro would rise.", roles)
    assert not any("without a title" in line for line in value.evidence)


def test_dating_last_years_election_in_a_country_whose_votes_are_listed(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "elections:\n  RUR:\n    cues: ['Ruritania', 'Ruritanian']\n    dates: [2015-06-07, 2019-05-26, 2023-05-28]\n"
        "roles:\n  - titles: [President]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2014-08-28, 2021-01-01]]}\n",
        encoding="utf-8",
    )
    value = date_of("President Ada Quintavalle said Ruritania had changed since last year's election.", str(path))
    # the years after a vote, inside her term: 2016 or 2020
    assert value.earliest == date(2016, 1, 1) and value.latest <= date(2020, 12, 31)
    # a party's vote is another series
    value = date_of("President Ada Quintavalle said last year's party election in Ruritania was fair.", str(path))
    assert value.earliest == date(2014, 8, 28)


def test_dating_offices_weeks_before_a_holder_takes_office(roles):
    value = date_of("The vote came two weeks before Chancellor-elect Ada Quintavalle takes office.", roles)
    assert START - timedelta(days=20) <= value.earliest and value.latest <= START - timedelta(days=10)
    value = date_of("Chancellor Ada Quintavalle takes office in ten days, aides said.", roles)
    assert START - timedelta(days=14) <= value.earliest and value.latest <= START - timedelta(days=6)


def test_dating_offices_former_holder_ousted_last_year_in_another_sentence(roles):
    value = date_of("Former Chancellor Ada Quintavalle spoke. Quintavalle, who was ousted last year, smiled.", roles)
    assert (value.earliest, value.latest) == (date(2017, 1, 1), date(2017, 12, 31))


def test_dating_last_years_vote_on_a_question_is_no_election(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "elections:\n  RUR:\n    cues: ['Ruritania', 'Ruritanian']\n    dates: [2015-06-07, 2019-05-26]\n"
        "roles:\n  - titles: [President]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2014-08-28, 2021-01-01]]}\n",
        encoding="utf-8",
    )
    value = date_of(
        "President Ada Quintavalle said last year's vote to leave the union in Ruritania stands.", str(path)
    )
    assert value.earliest == date(2014, 8, 28) and not any("national vote" in line for line in value.evidence)
