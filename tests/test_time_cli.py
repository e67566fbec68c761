"""`storyline date FILE`: stated dates are shown as such, others inferred or unknown."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.slow
def test_time_cli_date_prints_stated_header_date(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2020-05-21\nOfficials met on Thursday to talk about the plan.\n", encoding="utf-8")
    result = run("date", str(article), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["value"] == "2020-05-21" and data["basis"] == "header"


@pytest.mark.slow
def test_time_cli_date_infers_or_says_unknown(tmp_path):
    dated = tmp_path / "b.txt"
    dated.write_text(
        "Secretary of State Antony Blinken met the minister on Monday, March 6, officials said on Monday.\n",
        encoding="utf-8",
    )
    result = run("date", str(dated))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2023-03") and "[inferred]" in result.output
    assert "Blinken" in result.output

    vague = tmp_path / "c.txt"
    vague.write_text("Officials met on Thursday to talk about the plan.\n", encoding="utf-8")
    result = run("date", str(vague))
    assert result.exit_code == 3 and result.output.startswith("unknown")  # not dated: not 0


def test_time_cli_date_missing_file_is_one_line_error(tmp_path):
    result = run("date", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
