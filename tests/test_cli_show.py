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
