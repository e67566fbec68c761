import json
from datetime import date

import pytest

from storyline.errors import UsageError
from storyline.views.timeline import TimelineFilter, parse_day, render, timeline_rows

from conftest import hand_built_analysis, link_all


@pytest.fixture()
def linked():
    analyses = [
        hand_built_analysis("The PA halted it. More.", "2023-01-26", "b.txt"),
        hand_built_analysis("Abbas ended it. More.", "2020-05-19"),
    ]
    result = link_all(analyses)
    return list(result.events), list(result.storylines)


def test_views_timeline_rows_are_sorted_by_date(linked):
    rows = timeline_rows(*linked, TimelineFilter())
    assert [r["date"] for r in rows] == ["2020-05-19", "2023-01-26"]
    assert rows[0]["who"] == "Mahmoud Abbas" and rows[0]["whom"] == "Israel"


def test_views_timeline_filters(linked):
    assert len(timeline_rows(*linked, TimelineFilter(since=date(2021, 1, 1)))) == 1
    assert len(timeline_rows(*linked, TimelineFilter(until=date(2020, 12, 31)))) == 1
    assert len(timeline_rows(*linked, TimelineFilter(actor="abbas"))) == 2
    assert len(timeline_rows(*linked, TimelineFilter(actor="Hamas"))) == 0
    assert len(timeline_rows(*linked, TimelineFilter(type="assault"))) == 0
    assert len(timeline_rows(*linked, TimelineFilter(story="security"))) == 2


def test_views_timeline_formats(linked):
    rows = timeline_rows(*linked, TimelineFilter())
    assert render(rows, "table").splitlines()[0].startswith("date")
    assert json.loads(render(rows, "json").splitlines()[0])["type"] == "SANCTION"
    assert render(rows, "csv").splitlines()[0].startswith("id,date")
    assert render(rows, "markdown").startswith("| date | type |")
    assert "(no events match)" in render([], "table")


def test_views_timeline_parse_day_widens_partial_dates():
    assert parse_day("2020", "--since") == date(2020, 1, 1)
    assert parse_day("2020", "--until") == date(2020, 12, 31)
    assert parse_day("2020-02", "--until") == date(2020, 2, 29)
    assert parse_day("2020-12", "--until") == date(2020, 12, 31)
    with pytest.raises(UsageError, match="--since expects a date"):
        parse_day("May 2020", "--since")


def test_views_timeline_open_intervals_read_as_bounds():
    from storyline.models import TimeValue
    from storyline.views.timeline import display_date

    assert display_date(None) == "undated"
    assert display_date(TimeValue("PAST_REF", None, date(2023, 2, 4))) == "≤ 2023-02-04"
    assert display_date(TimeValue("FUTURE_REF", date(2023, 2, 4), None)) == "≥ 2023-02-04"
    assert display_date(TimeValue("2015-03", date(2015, 3, 1), date(2015, 3, 31))) == "2015-03"
    assert display_date(TimeValue("XXXX-01-26")) == "undated"


def test_views_timeline_inverted_window_is_misuse_not_a_quiet_answer():
    # An event known only to have happened by a day has no lower bound, so an
    # inverted window used to match it and look like a real answer.
    with pytest.raises(UsageError, match=r"--since 2023-07-20 is after --until 2023-07-01; swap them"):
        TimelineFilter(since=date(2023, 7, 20), until=date(2023, 7, 1))
    assert TimelineFilter(since=date(2023, 7, 20), until=date(2023, 7, 20)).since == date(2023, 7, 20)


def test_views_timeline_unknown_type_is_misuse_not_an_empty_timeline():
    with pytest.raises(UsageError, match=r"--type 'SANCTIONS' is not a PLOVER type; use one of AGREE, "):
        TimelineFilter(type="SANCTIONS")
    assert TimelineFilter(type="sanction").type == "sanction"  # case does not matter


def test_views_timeline_csv_header_is_the_same_with_no_rows(linked):
    full = render(timeline_rows(*linked, TimelineFilter()), "csv").splitlines()[0]
    assert render([], "csv") == full + "\n"
    assert full.startswith("id,date,value,earliest,latest,type,")


def test_views_timeline_parse_day_wants_a_four_digit_year():
    with pytest.raises(UsageError, match="--since expects a date like 2020-05-19, 2020-05 or 2020, got '22'"):
        parse_day("22", "--since")  # was the year 22
    assert parse_day("2022-7", "--until") == date(2022, 7, 31)
    assert parse_day(" 2022-07-02 ", "--since") == date(2022, 7, 2)
