"""The offline HTML report, read as text (the browser tests drive it)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.store import Store
from storyline.views.report import LANE_H, TOP, render_report, report_model

from views_fixtures import IMG, SCRIPT, build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("report") / "story.duckdb")


@pytest.fixture(scope="module")
def html(db) -> str:
    with Store(db, read_only=True) as store:
        return render_report(store)[0]


def test_views_report_cli_writes_file(db, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_views_report_missing_db_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(cli, ["report", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "storyline build" in result.output


def test_views_report_loads_nothing_from_outside(html):
    # No external scripts, styles, images, fonts or frames: the file works offline.
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, flags=re.I)
    assert "@import" not in html and "url(http" not in html
    assert re.search(r"<script[^>]*\ssrc=", html) is None
    assert "default-src 'none'" in html_lib.unescape(html)


def test_views_report_escapes_article_text(html):
    assert SCRIPT not in html and IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # Exactly one script element: the report's own.
    assert html.count("<script") == 1


def test_views_report_has_every_section(html):
    for section in ("timeline", "events", "storylines", "statements", "contradictions", "per-month", "network"):
        assert f'<section id="{section}">' in html
    for control in ("f-type", "f-actor", "f-story", "f-modality", "f-since", "f-until"):
        assert f'id="{control}"' in html


def test_views_report_timeline_lanes_marks_and_episodes(db):
    with Store(db, read_only=True) as store:
        model = report_model(store)
    tl = model["timeline"]
    assert [lane["id"] for lane in tl["lanes"]] == ["st_coordination", "st_jenin", ""]
    marks = {m["id"]: m for m in tl["marks"]}
    assert len(marks) == 9
    # Recurring episodes share one lane and are joined by one path.
    lane_of = lambda m: int((m["y"] - TOP) // LANE_H)
    assert {lane_of(marks[e]) for e in ("ev_2015", "ev_2020", "ev_2023")} == {0}
    assert lane_of(marks["ev_raid"]) == 1 and lane_of(marks["ev_talks"]) == 2
    assert len(tl["links"]) == 1 and tl["links"][0]["events"] == "ev_2015 ev_2020 ev_2023"
    assert marks["ev_2015"]["x"] < marks["ev_2020"]["x"] < marks["ev_2023"]["x"]
    # More sources, bigger mark.
    assert marks["ev_raid"]["r"] > marks["ev_2020"]["r"] > marks["ev_2015"]["r"]


def test_views_report_evidence_marks_the_trigger(db):
    with Store(db, read_only=True) as store:
        model = report_model(store)
    ev = next(e for e in model["events"] if e["id"] == "ev_2020")
    assert len(ev["evidence"]) == 2
    first = ev["evidence"][0]
    assert first["span"] == "declared an end"
    assert first["before"] + first["span"] + first["after"] == (
        "Mahmoud Abbas declared an end to security coordination with Israel on Tuesday."
    )


def test_views_report_statements_contradictions_and_charts(db):
    with Store(db, read_only=True) as store:
        model = report_model(store)
    speakers = {s["speaker"] for s in model["speakers"]}
    assert {"Mahmoud Abbas", "Benjamin Netanyahu", "Antony Blinken"} <= speakers
    assert len(model["contradictions"]) == 2
    deaths = next(c for c in model["contradictions"] if c["id"] == "cx_deaths")
    assert deaths["first"]["kind"] == "mention" and deaths["second"]["kind"].startswith("statement by")
    monthly = model["monthly"]
    assert monthly["unit"] == "month" and sum(b["count"] for b in monthly["bars"]) == 8
    assert monthly["undated"] == 1
    network = model["network"]
    names = {n["name"] for n in network["nodes"]}
    assert {"Mahmoud Abbas", "Israel"} <= names
    assert any(e["a"] == "Mahmoud Abbas" and e["b"] == "Israel" for e in network["edges"])


def test_views_report_empty_database(tmp_path):
    with Store(tmp_path / "empty.duckdb"):
        pass
    with Store(tmp_path / "empty.duckdb", read_only=True) as store:
        html, _ = render_report(store)
    assert "No events in this database yet." in html


@pytest.mark.slow
def test_views_report_samples_announcements_share_a_lane(seeds_dir, tmp_path):
    """On the sample articles, the 2015, 2020 and 2023 announcements sit in one lane."""
    db = tmp_path / "seeds.duckdb"
    result = CliRunner().invoke(cli, ["build", str(seeds_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        model = report_model(store)
    years_by_lane: dict[str, set[str]] = {}
    for mark in model["timeline"]["marks"]:
        if mark["type"] == "SANCTION" and mark["earliest"]:
            years_by_lane.setdefault(mark["story"], set()).add(mark["earliest"][:4])
    assert any({"2015", "2020", "2023"} <= years for years in years_by_lane.values()), years_by_lane
    assert model["timeline"]["links"], "no recurring episodes joined on the timeline"
    for mark in model["timeline"]["marks"]:
        assert mark["evidence"], f"{mark['id']} has no evidence sentence"


def test_views_report_time_axis_labels_short_stories_by_month_or_week():
    from datetime import date

    from storyline.views.report import _time_axis

    def labels(*days):
        return [t["label"] for t in _time_axis([date.fromisoformat(d) for d in days])[2]]

    # A year-long story got the single label "2023"; a fortnight got one month.
    assert labels("2022-07-22", "2023-07-20")[:3] == ["2022-08", "2022-09", "2022-10"]
    assert labels("2023-01-26", "2023-02-04") == ["2023-01-16", "2023-01-23", "2023-01-30", "2023-02-06", "2023-02-13"]
    assert labels("2015-03-01", "2023-02-04")[0] == "2015"  # long stories keep year labels


def test_views_report_lanes_of_the_same_actors_are_told_apart():
    from storyline.models import Storyline
    from storyline.views.report import _timeline

    stories = [
        Storyline("st_a", "Russia / Ukraine: Russia refuses to extend the grain deal", ("e1", "e2")),
        Storyline("st_b", "Russia / Ukraine: Russia and Ukraine sign the grain deal", ("e3",)),
        Storyline("st_c", "Ukraine's air force", ("e4",)),
    ]
    lanes = _timeline([], [], stories)["lanes"]
    # One 25-character line made both lanes read "Russia / Ukraine: Russia…".
    assert [lane["lines"] for lane in lanes] == [
        ["Russia / Ukraine", "Russia refuses to extend the grain deal"],
        ["Russia / Ukraine", "Russia and Ukraine sign the grain deal"],
        ["Ukraine's air force"],
    ]


def test_views_report_dates_never_wrap():
    import re

    from storyline.views.report import static_text

    # The web app's narrow date column broke "≤ 2015-03-18" after "2015-".
    rule = re.search(r"^\.date \{([^}]*)\}", static_text("report.css"), re.M).group(1)
    assert "white-space: nowrap" in rule


def test_views_report_lists_the_inputs_that_could_not_be_read(tmp_path):
    from storyline.models import Failure
    from storyline.store import Store
    from storyline.views.report import render_report

    from views_fixtures import build_db

    db = build_db(tmp_path / "s.duckdb")
    with Store(db) as store:
        run = store.start_run(["feed.jsonl"], {})
        store.record_failure(Failure("feed.jsonl:2", "ingest", "line is not valid JSON <here>"), run)
    with Store(db, read_only=True) as store:
        html, _ = render_report(store)
    assert '<a href="#failed">1 input could not be read</a>' in html
    assert '<td class="url">feed.jsonl:2</td><td>line is not valid JSON &lt;here&gt;</td>' in html
