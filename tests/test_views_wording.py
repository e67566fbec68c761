"""Small words that must be right everywhere: counts in the number they take
("1 event", never "1 events" or "event(s)"), page titles, option help."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.models import Contradiction, LinkResult, Storyline
from storyline.store import Store
from storyline.views.report import render_report
from storyline.views.words import count

from views_fixtures import ABBAS, ISRAEL, NETANYAHU, RAMALLAH, _day, _event, _Writer

ROOT = Path(__file__).resolve().parents[1]
#: "1 events", "1 sources", … or the "(s)" dodge.
WRONG_NUMBER = re.compile(
    r"\b1 (events|articles|statements|storylines|contradictions|sources|inputs|"
    r"matches|mentions|actors|episodes)\b|\w\(s\)"
)


def test_views_words_count_takes_the_number():
    assert count(1, "event") == "1 event"
    assert count(0, "event") == "0 events"
    assert count(2, "new article") == "2 new articles"
    assert count(1, "match", "matches") == "1 match" and count(3, "match", "matches") == "3 matches"


@pytest.fixture(scope="module")
def one_of_each(tmp_path_factory) -> Path:
    """One article, event, statement, storyline and contradiction."""
    writer = _Writer(
        'Mahmoud Abbas ended security coordination with Israel on Tuesday. Netanyahu said "they walked away".',
        "one.txt",
        "One story",
        "2020-05-21",
    )
    m = writer.mention(
        "ended",
        "SANCTION",
        "1622",
        "discontinue",
        "announced",
        [ABBAS],
        [ISRAEL],
        _day("2020-05-19", "relative"),
        "Abbas ends coordination",
        RAMALLAH,
    )
    st = writer.statement("they walked away", NETANYAHU, about=m.id)
    event = _event("ev_one", [m], "st_one")
    links = LinkResult(
        (event,),
        (Storyline("st_one", "Coordination", ("ev_one",)),),
        (Contradiction("cx_one", m.id, st.id, "they disagree"),),
    )
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    with Store(db) as store:
        store.write_analyses([writer.analysis()])
        store.replace_links(links)
    return db


def test_views_report_counts_one_in_the_singular(one_of_each):
    with Store(one_of_each, read_only=True) as store:
        html, _ = render_report(store)
    assert "1 event from 1 article" in html and "1 of 1 event</output>" in html
    assert not WRONG_NUMBER.search(html), WRONG_NUMBER.search(html).group(0)


def test_views_web_counts_one_in_the_singular_and_titles_once(one_of_each):
    pytest.importorskip("httpx", reason="the web tests need httpx: pip install 'storyline[test]'")
    from fastapi.testclient import TestClient
    from storyline.views.web import create_app

    with TestClient(create_app(str(one_of_each))) as client:
        home = client.get("/").text
        assert "<title>storyline</title>" in home and "storyline · storyline" not in home
        assert "1 event from 1 article, 1 statement" in home
        assert "<title>Events · storyline</title>" in client.get("/events").text
        for path in ("/", "/events", "/storylines", "/statements", "/articles", "/events/ev_one"):
            found = WRONG_NUMBER.search(client.get(path).text)
            assert not found, f"{path}: {found.group(0)}"
        assert "1 match</output>" in client.get("/events").text


def commands(group: click.Group = cli, prefix: str = "storyline"):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_cli_every_option_has_help():
    missing = [
        (path, p.opts[0])
        for path, c in commands()
        for p in c.params
        if isinstance(p, click.Option) and not (p.help or "").strip()
    ]
    assert not missing, f"options without help text: {missing}"


def test_cli_db_help_says_what_the_command_does_with_it():
    for path, command in commands():
        db = next((p for p in command.params if "--db" in getattr(p, "opts", ())), None)
        if db is None:
            continue
        if path == "storyline build":
            assert "create or extend" in db.help
        else:  # every other command only reads the database
            assert "read-only" in db.help and "write" not in db.help, f"{path}: {db.help}"


def test_cli_build_counts_one_in_the_singular(tmp_path):
    (tmp_path / "a.txt").write_text("date 2020-05-21\nTalks\n\nThe envoys met in Geneva on Tuesday.\n")
    done = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb")])
    assert done.exit_code == 0, done.output
    assert "built 1 new article into" in done.output
    assert not WRONG_NUMBER.search(done.output), done.output


def test_pyproject_licence_is_an_spdx_expression():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    # PEP 639 expressions need setuptools 77; older ones reject the string.
    (setuptools,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    assert (
        re.fullmatch(r"setuptools>=(\d+).*", setuptools)
        and int(re.match(r"setuptools>=(\d+)", setuptools).group(1)) >= 77
    )
