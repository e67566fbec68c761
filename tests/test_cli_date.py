"""`storyline date` on a file holding many articles: each is dated and named,
and one broken record costs only itself."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storyline.cli import cli

# Stated dates only, so no spaCy pipeline is needed to answer.
FEED = (
    '{"text": "The port of Tema reopened on Monday after a strike.", "date": "2021-06-07"}\n'
    '{"text": "Dockers in Tema end their strike\n'
    '{"text": "Cocoa exports from Tema rose in June.", "published": "2021-07-02", "title": "Cocoa"}\n'
)


def run(*args):
    return CliRunner().invoke(cli, list(args), prog_name="storyline")


def test_cli_date_names_each_article_of_a_feed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(FEED, encoding="utf-8")
    result = run("date", str(feed))
    assert result.stdout == (f"{feed}:1: 2021-06-07 [metadata]\n{feed}:3: 2021-07-02 [metadata]\n")
    assert result.stderr == (
        f"failed: {feed}:2: line is not valid JSON (Unterminated string starting "
        "at column 10); each line must be one JSON object\n"
    )
    assert result.exit_code == 3  # some records failed, the rest were answered


def test_cli_date_json_has_one_line_per_article_with_its_source(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(FEED.replace('{"text": "Dockers in Tema end their strike\n', ""), encoding="utf-8")
    result = run("date", str(feed), "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["source"], d["value"], d["basis"]) for d in lines] == [
        (f"{feed}:1", "2021-06-07", "metadata"),
        (f"{feed}:2", "2021-07-02", "metadata"),
    ]


def test_cli_date_single_article_output_is_unchanged(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2021-06-07\nThe port of Tema reopened on Monday.\n", encoding="utf-8")
    assert run("date", str(article)).stdout == "2021-06-07 [header]\n"
    assert json.loads(run("date", str(article), "--json").stdout) == {
        "value": "2021-06-07",
        "basis": "header",
        "earliest": "2021-06-07",
        "latest": "2021-06-07",
        "evidence": [],
    }


def test_cli_date_feed_with_nothing_readable_is_one_error(tmp_path):
    feed = tmp_path / "broken.jsonl"
    feed.write_text('{"text": "cut off\n', encoding="utf-8")
    result = run("date", str(feed))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {feed}:1: line is not valid JSON (Unterminated string starting at "
        "column 10); each line must be one JSON object [E100]\n"
    )


def test_cli_date_unknown_answer_exits_3_as_an_input_not_dated(tmp_path):
    # README: 0 means every input was dated; "unknown" is an answer, not a date
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "The port of Tema reopened on Monday.", "date": "2021-06-07"}\n'
        '{"text": "Officials met on Thursday to talk about the plan."}\n',
        encoding="utf-8",
    )
    result = run("date", str(feed))
    assert result.stdout.splitlines() == [
        f"{feed}:1: 2021-06-07 [metadata]",
        f"{feed}:2: unknown: the text does not narrow the date down enough",
    ]
    assert result.exit_code == 3
    single = tmp_path / "vague.txt"
    single.write_text("Officials met on Thursday to talk about the plan.\n", encoding="utf-8")
    alone = run("date", str(single), "--json")
    assert json.loads(alone.stdout)["value"] is None and alone.exit_code == 3
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2021-06-07\nThe port of Tema reopened on Monday.\n", encoding="utf-8")
    assert run("date", str(dated)).exit_code == 0
