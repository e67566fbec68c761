"""`storyline show` reaches every record a contradiction cites, statements included."""

import json

from click.testing import CliRunner

from storyline.cli import cli
from storyline.store import Store
from storyline.views.contract import export_document

from views_fixtures import build_db


def test_cli_show_a_statement_by_its_id(tmp_path):
    db = str(build_db(tmp_path / "s.duckdb"))
    with Store(db, read_only=True) as store:
        doc = export_document(store)
    said = next(s for s in doc["statements"] if s["words"].startswith("coordination cannot continue"))
    assert any(said["id"] in (c["first"], c["second"]) for c in doc["contradictions"])

    text = CliRunner().invoke(cli, ["show", said["id"], "--db", db])
    # It answered "no event with id sm_..." though the contradiction names it.
    assert text.exit_code == 0, text.stderr
    assert text.stdout.splitlines()[:2] == [f"{said['id']}  quote (said)", "  speaker: Mahmoud Abbas"]
    assert "      coordination cannot continue while settlements grow" in text.stdout
    as_json = json.loads(CliRunner().invoke(cli, ["show", said["id"], "--db", db, "--format", "json"]).stdout)
    assert as_json["words"] == said["words"] and as_json["article_title"] == "PLO council votes to halt security ties"

    missing = CliRunner().invoke(cli, ["show", "sm_nope", "--db", db])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no statement with id sm_nope")


def test_cli_show_a_statement_names_its_addressees():
    from storyline.views.show import render_statement

    detail = {
        "id": "sm_1",
        "kind": "paraphrase",
        "cue": "express",
        "speaker": {"name": "Kenya"},
        "addressees": [{"name": "Peru"}, {"name": "Chile"}],
        "date": None,
        "about": None,
        "article_title": "Floods",
        "article_path": "a.txt",
        "published": None,
        "article": "ar_1",
        "start": 0,
        "end": 10,
        "words": "expressed condolences to Peru and Chile",
    }
    assert "  to/about: Peru; Chile" in render_statement(detail).splitlines()
    assert not any(
        line.startswith("  to/about") for line in render_statement({**detail, "addressees": []}).splitlines()
    )
