"""The publication-date parser and URL dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest.dates import date_from_url, parse_publication_date


@pytest.mark.parametrize(
    "text",
    [
        "2020-05-21",
        "2020-05-21T10:00:00Z",
        "2020-05-21T10:00:00.123+03:00",
        "2020-05-21 10:00",
        "20200521",
        "2020/05/21",
        "21 May 2020",
        "May 21, 2020",
        "Thu, 21 May 2020 10:00:00 GMT",
        "Thursday, May 21st, 2020",
        "21.05.2020",
        "May 21, 2020 at 3:45 p.m. EDT",
        "  2020-05-21  ",
    ],
)
def test_ingest_dates_day_forms(text):
    span = parse_publication_date(text)
    assert span is not None and (span.value, span.precision) == ("2020-05-21", "day")
    assert span.earliest == span.latest == date(2020, 5, 21)


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest", "precision"),
    [
        ("2020-02", "2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
        ("Sept. 2019", "2019-09", date(2019, 9, 1), date(2019, 9, 30), "month"),
        ("2015", "2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
    ],
)
def test_ingest_dates_coarser_forms_cover_their_range(text, value, earliest, latest, precision):
    span = parse_publication_date(text)
    assert (span.value, span.earliest, span.latest, span.precision) == (value, earliest, latest, precision)


@pytest.mark.parametrize(
    "text",
    [
        "05/06/2020",
        "2020-13-01",
        "2020-02-30",
        "yesterday",
        "",
        None,
        "2020-05-21 The council met.",
        "May 21, 2020 was a Thursday",
        "12345",
    ],
)
def test_ingest_dates_refuses_ambiguous_or_invalid(text):
    assert parse_publication_date(text) is None


def test_ingest_dates_day_month_order_is_taken_when_unambiguous():
    assert parse_publication_date("25/06/2020").value == "2020-06-25"
    assert parse_publication_date("06/25/2020").value == "2020-06-25"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2020/05/21/talks-resume", "2020-05-21"),
        ("https://news.example/world/talks-2020-05-21.html", "2020-05-21"),
        ("https://news.example/20200521/talks", "2020-05-21"),
        ("https://news.example/article/1234567890", None),
        ("https://2020-05-21.example/talks", None),
        (None, None),
    ],
)
def test_ingest_dates_from_url(url, expected):
    assert date_from_url(url) == expected


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_ingest_dates_iso_round_trip(day):
    span = parse_publication_date(day.isoformat())
    assert span.value == day.isoformat() and span.earliest == span.latest == day


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("First Published: June 13, 2013 4:59 PM EDT", "first published", "2013-06-13"),
        ("Published on: Fri, 11 Nov 2011 at 09:56 IST", "published", "2011-11-11"),
        ("Last Updated: Monday, 28 November 2005, 02:24 GMT", "last updated", "2005-11-28"),
        ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013", "published", "2013-03-12"),
        ("Posted 11/27/2005 7:21 AM", "posted", "2005-11-27"),
        ("Updated 2020-05-21T10:00Z", "updated", "2020-05-21"),
        ("Updated 5:40 p.m. ET", "updated", None),
        ("UPDATED 05/03/2013 at 11:00 AM EDT", "updated", None),
    ],
)
def test_ingest_dates_timestamp_lines(line, kind, value):
    from storyline.ingest.dates import parse_timestamp_line

    found_kind, span = parse_timestamp_line(line)
    assert found_kind == kind
    assert (span.value if span else None) == value


@pytest.mark.parametrize(
    "line",
    [
        "Published figures show a rise",
        "Posted in Politics",
        "PUBLISHED ON 12 MARCH 2021 THE REPORT SHOWS",
        "Updated guidance was issued on May 3, 2013 by the ministry",
    ],
)
def test_ingest_dates_sentences_are_not_timestamp_lines(line):
    from storyline.ingest.dates import parse_timestamp_line

    assert parse_timestamp_line(line) is None


def test_ingest_dates_unix_time_from_feeds_is_a_day():
    from storyline.ingest.dates import parse_publication_date

    # Feeds and APIs export times as Unix seconds or milliseconds; the row's
    # date was ignored and the article counted as undated.
    assert parse_publication_date("1583145120").value == "2020-03-02"
    assert parse_publication_date("1583145120123").value == "2020-03-02"
    assert parse_publication_date("1583145120.5").value == "2020-03-02"
    assert parse_publication_date("202003021") is None  # nine digits: a typo, not a time
