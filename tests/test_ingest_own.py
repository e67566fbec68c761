"""Storyline's own report and exports are never read back as articles."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.ingest import read_inputs
from storyline.ingest.own import own_output_kind
from storyline.models import Failure
from storyline.store import Store
from storyline.views.export import EXPORTERS
from storyline.views.report import render_report
from storyline.views.timeline import TimelineFilter, render, timeline_rows

from views_fixtures import build_db

ARTICLE = "The port reopened on Monday after repairs, officials said.\nShips queued overnight.\n"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Every kind of file storyline writes, as a user would leave them next to the articles."""
    folder = tmp_path_factory.mktemp("own")
    with Store(build_db(tmp_path_factory.mktemp("own_db") / "s.duckdb"), read_only=True) as store:
        (folder / "report.html").write_text(render_report(store)[0], encoding="utf-8")
        for fmt, (write, binary) in EXPORTERS.items():
            if fmt == "parquet":
                continue  # binary: refused as such already
            out = io.StringIO()
            write(store, out)
            (folder / f"export.{fmt}").write_text(out.getvalue(), encoding="utf-8")
        rows = timeline_rows(store.events(), store.storylines(), TimelineFilter())
    for fmt in ("json", "csv"):
        (folder / f"timeline.{fmt}").write_text(render(rows, fmt), encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_ingest_own_outputs_are_skipped_in_a_folder(outputs):
    # The report used to be read as an article citing every event once more.
    results = list(read_inputs([str(outputs)]))
    assert [r.source for r in results] == [str(outputs / "article.txt")]


def test_ingest_own_outputs_named_alone_are_refused_in_one_line(outputs):
    names = sorted(p.name for p in outputs.iterdir() if p.name != "article.txt")
    assert len(names) == 9
    for name in names:
        [failure] = read_inputs([str(outputs / name)])
        assert isinstance(failure, Failure), name
        assert failure.reason.startswith("this is storyline's own "), name
        assert failure.reason.endswith(", not an article; build from the articles it was made from")


@pytest.mark.parametrize(
    "text",
    [
        '{"articles": [{"title": "A user\'s own feed", "text": "The port reopened."}]}',
        "id,date,text\n1,2021-01-01,The port reopened.\n",
        '<html><head><meta name="generator" content="WordPress 6.4"></head><body><p>Text</p></body></html>',
        '{"id": "a1", "text": "The port reopened."}\n',
    ],
)
def test_ingest_own_outputs_are_not_confused_with_articles(text):
    assert own_output_kind(text.encode("utf-8")) is None


def test_ingest_csv_without_text_column_names_the_file_once(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("headline,when\nPort reopens,2021-01-01\n", encoding="utf-8")
    [failure] = read_inputs([str(path)])
    assert failure.source == str(path)
    assert failure.reason.startswith("CSV has no text column; ")  # was "<path>: CSV has no ..."


def test_ingest_build_of_a_folder_holding_its_report_counts_no_extra_source(tmp_path):
    (tmp_path / "a.txt").write_text("date 2021-06-07\n" + ARTICLE, encoding="utf-8")
    db = str(tmp_path / "story.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(tmp_path), "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["report", "--db", db, "-o", str(tmp_path / "report.html")]).exit_code == 0
    again = runner.invoke(cli, ["build", str(tmp_path), "--db", db])
    assert again.exit_code == 0, again.stderr
    assert "built 0 new articles" in again.stderr


def test_ingest_own_web_app_page_saved_from_the_browser_is_refused(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.views.web import create_app

    db = build_db(tmp_path / "s.duckdb")
    page = tmp_path / "events.html"
    page.write_text(TestClient(create_app(str(db))).get("/events").text, encoding="utf-8")
    [failure] = read_inputs([str(page)])
    assert failure.reason.startswith("this is storyline's own HTML page (report or web app)")
