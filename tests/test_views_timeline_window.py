"""A date window shows the events dated in it; --overlapping also the ones
that merely may fall in it (an open "≤" date overlaps every earlier window)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.models import Event, TimeValue
from storyline.views.timeline import TimelineFilter

from views_fixtures import build_db

OCTOBER = dict(since=date(2022, 10, 1), until=date(2022, 10, 31))


def _event(eid: str, t: TimeValue | None) -> Event:
    return Event(
        id=eid,
        type="CONSULT",
        cameo="040",
        mode="meet",
        modality="asserted",
        time=t,
        sources=(),
        targets=(),
        location=None,
        summary=eid,
        mention_ids=(),
        source_count=1,
    )


EVENTS = [
    _event("day", TimeValue("2022-10-05", date(2022, 10, 5), date(2022, 10, 5), "day")),
    _event("month", TimeValue("2022-10", date(2022, 10, 1), date(2022, 10, 31), "month")),
    _event("after", TimeValue("FUTURE_REF", date(2022, 10, 20), None)),
    _event("year", TimeValue("2022", date(2022, 1, 1), date(2022, 12, 31), "year")),
    _event("by_2023", TimeValue("PAST_REF", None, date(2023, 2, 4))),
    _event("straddles", TimeValue("2022-09-28..2022-10-03", date(2022, 9, 28), date(2022, 10, 3))),
    _event("next_year", TimeValue("2023-01-10", date(2023, 1, 10), date(2023, 1, 10), "day")),
    _event("undated", None),
]


def shown(flt: TimelineFilter) -> set[str]:
    return {e.id for e in EVENTS if flt.matches(e, None)}


def test_views_timeline_window_keeps_events_dated_inside_it():
    assert shown(TimelineFilter(**OCTOBER)) == {"day", "month", "after"}
    # An open date counts as the day it names: "≤ 2023-02-04" is in 2023.
    assert "by_2023" in shown(TimelineFilter(since=date(2023, 1, 1)))
    assert "by_2023" not in shown(TimelineFilter(until=date(2022, 12, 31)))
    # A month that began before the window is not inside it.
    assert shown(TimelineFilter(since=date(2022, 10, 4))) == {"day", "after", "next_year", "by_2023"}


def test_views_timeline_overlapping_keeps_events_that_may_fall_inside():
    assert shown(TimelineFilter(**OCTOBER, overlapping=True)) == {
        "day",
        "month",
        "after",
        "year",
        "by_2023",
        "straddles",
    }
    assert shown(TimelineFilter(overlapping=True)) == {e.id for e in EVENTS}  # no window: all, undated too


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_db(tmp_path_factory.mktemp("window") / "story.duckdb"))


def test_views_timeline_cli_window_and_overlapping(db):
    # ev_threat is dated May 2020 as a whole: on 19 May it may have been, not was.
    args = ["timeline", "--db", db, "--since", "2020-05-19", "--until", "2020-05-19", "--format", "json"]
    strict = CliRunner().invoke(cli, args)
    assert strict.exit_code == 0, strict.output
    assert {json.loads(line)["id"] for line in strict.output.splitlines()} == {"ev_2020"}
    loose = CliRunner().invoke(cli, args + ["--overlapping"])
    assert {json.loads(line)["id"] for line in loose.output.splitlines()} == {"ev_2020", "ev_threat"}


def test_views_timeline_web_window_and_overlapping(db):
    pytest.importorskip("httpx", reason="the web tests need httpx: pip install 'storyline[test]'")
    from fastapi.testclient import TestClient
    from storyline.views.web import create_app

    with TestClient(create_app(db)) as client:
        window = {"since": "2020-05-19", "until": "2020-05-19"}
        strict = client.get("/api/events", params=window).json()
        assert [e["id"] for e in strict["items"]] == ["ev_2020"]
        loose = client.get("/api/events", params={**window, "overlapping": "true"}).json()
        assert {e["id"] for e in loose["items"]} == {"ev_2020", "ev_threat"}
        page = client.get("/events", params={**window, "overlapping": "true"}).text
        assert 'name="overlapping" type="checkbox" value="true" checked' in page
