"""An article built with a repair (bad bytes in a UTF-8 file) is kept, and
the repair is told on stderr, stored with it and exported with it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.store import Store

DAMAGED = (
    "“Talks will go on,” the minister said on Monday – after a week’s pause.\n\n".encode("utf-8")
    + b"Officials said on Monday \xff\xfe\xc3( that talks had resumed in Geneva.\n"
)


@pytest.mark.slow
def test_pipeline_damaged_utf8_article_is_built_with_a_warning(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "damaged.txt").write_bytes(b"date 2023-03-06\n" + DAMAGED)
    (folder / "clean.txt").write_text("date 2023-03-07\nThe port of Tema reopened on Tuesday.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output  # built: a warning is no failure
    [line] = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert line.startswith(f"warning: {folder / 'damaged.txt'}: not valid UTF-8 in 3 places")
    with Store(db, read_only=True) as store:
        articles = {a.source: a for a in store.articles()}
        assert store.failures() == []
    damaged = articles[str(folder / "damaged.txt")]
    assert "said on Monday \ufffd\ufffd\ufffd( that talks" in damaged.text and "яю" not in damaged.text
    assert len(damaged.warnings) == 1 and articles[str(folder / "clean.txt")].warnings == ()
    out = tmp_path / "s.json"
    assert CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "json", "-o", str(out)]).exit_code == 0
    exported = {a["path"]: a for a in json.loads(out.read_text(encoding="utf-8"))["articles"]}
    assert exported[str(folder / "damaged.txt")]["warnings"] == list(damaged.warnings)
    assert exported[str(folder / "clean.txt")]["warnings"] == []
