"""The standard exports: each one validates against what its readers expect."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.store import Store
from storyline.views.export import EXPORTERS
from storyline.views.exports import COLUMNS, GDELT_COLUMNS, goldstein, quad_class

from views_fixtures import SCRIPT, build_db

DOCS = Path(__file__).resolve().parents[1] / "docs" / "exports.md"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("exports") / "story.duckdb")


def run(db: Path, fmt: str) -> str:
    write, binary = EXPORTERS[fmt]
    assert not binary
    out = io.StringIO()
    with Store(db, read_only=True) as store:
        write(store, out)
    return out.getvalue()


def event_count(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return len(store.events())


def test_views_exports_registered_formats():
    assert {"json", "csv", "parquet", "plover", "gdelt", "gdelt-csv", "timelinejs"} <= set(EXPORTERS)


def test_views_exports_plover_required_fields(db):
    lines = run(db, "plover").splitlines()
    assert len(lines) == event_count(db)
    records = [json.loads(line) for line in lines]
    for r in records:
        for key in ("id", "date", "actor", "event"):
            assert r[key], f"{r['id']} lacks {key}"
        assert {"mode", "context", "recipient", "text", "link"} <= set(r)
    by_id = {r["id"]: r for r in records}
    # Episodes of the recurring announcement link to each other.
    assert sorted(by_id["ev_2020"]["link"]) == ["ev_2015", "ev_2023"]
    assert by_id["ev_2015"]["date"] == "2015-03-05" and by_id["ev_threat"]["date"] == "2020-05"
    assert by_id["ev_talks"]["date"] == "XXXX-XX-XX"


def test_views_exports_gdelt_one_row_per_event(db):
    rows = list(csv.DictReader(io.StringIO(run(db, "gdelt")), delimiter="\t"))
    assert len(rows) == event_count(db)
    assert list(rows[0]) == list(GDELT_COLUMNS)
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    for r in rows:
        for key in ("NumMentions", "NumSources", "NumArticles", "QuadClass", "GoldsteinScale"):
            assert r[key] != "", f"{r['StorylineEventID']} lacks {key}"
        assert int(r["QuadClass"]) in (1, 2, 3, 4)
        assert -10 <= float(r["GoldsteinScale"]) <= 10
        assert r["SOURCEURL"]
    ev2020 = next(r for r in rows if r["StorylineEventID"] == "ev_2020")
    assert (ev2020["NumMentions"], ev2020["NumArticles"], ev2020["NumSources"]) == ("2", "2", "2")
    assert (ev2020["Actor1CountryCode"], ev2020["Actor2CountryCode"]) == ("PSE", "ISR")
    assert ev2020["SQLDATE"] == "20200519" and ev2020["EventRootCode"] == "16"
    raid = next(r for r in rows if r["StorylineEventID"] == "ev_raid")
    assert raid["NumSources"] == "3" and raid["QuadClass"] == "4"


def test_views_exports_gdelt_csv_matches_tsv(db):
    tsv = list(csv.reader(io.StringIO(run(db, "gdelt")), delimiter="\t"))
    comma = list(csv.reader(io.StringIO(run(db, "gdelt-csv"))))
    assert [r[0] for r in tsv] == [r[0] for r in comma]


def test_views_exports_timelinejs_every_event_has_a_year(db):
    doc = json.loads(run(db, "timelinejs"))
    assert doc["events"], "no events exported"
    for item in doc["events"]:
        assert isinstance(item["start_date"]["year"], int)
        assert item["text"]["headline"]
    # The undated event cannot be placed on a timeline and is left out.
    assert len(doc["events"]) == event_count(db) - 1
    groups = {i["group"] for i in doc["events"] if "group" in i}
    assert "Security coordination with Israel" in groups
    # TimelineJS renders its text fields as HTML, so markup must arrive escaped.
    text = json.dumps(doc)
    assert SCRIPT not in text and "&lt;script&gt;" in text


def test_views_exports_csv_schema_matches_docs(db):
    rows = list(csv.DictReader(io.StringIO(run(db, "csv"))))
    assert list(rows[0]) == [c for c, _ in COLUMNS]
    assert len(rows) == event_count(db)
    schema = DOCS.read_text(encoding="utf-8").split("## CSV and Parquet schema")[1].split("\n## ")[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", schema, flags=re.M)
    assert documented == [c for c, _ in COLUMNS], "docs/exports.md and COLUMNS disagree"


def test_views_exports_statement_keys_are_documented(db):
    """Every key of a statement in the JSON contract has its row in docs/exports.md."""
    doc = json.loads(run(db, "json"))
    table = DOCS.read_text(encoding="utf-8").split("## JSON statements")[1].split("\n## ")[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M)
    assert doc["statements"] and all(list(st) == documented for st in doc["statements"])


def test_views_exports_parquet_round_trip(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == event_count(db)
    assert table.column_names == [c for c, _ in COLUMNS]
    assert str(table.schema.field("date_earliest").type) == "date32[day]"
    assert str(table.schema.field("sources").type) == "int64"


def test_views_exports_cli_writes_each_format_to_stdout(db):
    for fmt in ("csv", "plover", "gdelt", "timelinejs"):
        result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt])
        assert result.exit_code == 0, (fmt, result.output)
        assert result.output.strip()


def test_views_exports_codes():
    assert quad_class("SANCTION", "1622") == 4 and quad_class("REQUEST", "020") == 1
    assert quad_class("CONSULT", None) == 1 and quad_class("ASSAULT", None) == 4
    assert quad_class("UNKNOWN", None) is None
    assert goldstein("ASSAULT", "190") == -10.0 and goldstein("AID", None) == 7.0


def test_views_exports_json_lists_failed_inputs(tmp_path):
    from storyline.models import Failure
    from storyline.store import Store
    from storyline.views.contract import export_document

    from views_fixtures import build_db

    db = build_db(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.record_failure(Failure("junk.bin", "ingest", "binary file"), store.start_run(["junk.bin"], {}))
    with Store(db, read_only=True) as store:
        doc = export_document(store)
    assert list(doc)[:5] == ["articles", "events", "statements", "storylines", "contradictions"]
    assert doc["failures"] == [{"source": "junk.bin", "stage": "ingest", "reason": "binary file"}]
