"""The CLI's error contract: one line, the exact text, the right exit status."""

import subprocess
import sys

from click.testing import CliRunner

from storyline.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_cli_missing_database_is_one_clear_line(tmp_path):
    db = tmp_path / "none.duckdb"
    result = run("timeline", "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: database {db} does not exist; create it with `storyline build PATH --db {db}` [E301]\n"
    )


def test_cli_bad_date_option_is_misuse(tmp_path):
    from storyline.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    result = run("timeline", "--db", str(db), "--since", "May 2020")
    assert result.exit_code == 2
    assert result.stderr == "error: --since expects a date like 2020-05-19, 2020-05 or 2020, got 'May 2020' [E001]\n"


def test_cli_unknown_setting_is_misuse(tmp_path):
    result = run("build", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--set", "colour=red")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown setting 'colour'; known settings: ")
    assert result.stderr.endswith("[E002]\n") and result.stderr.count("\n") == 1


def test_cli_unknown_event_id(tmp_path):
    from storyline.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    result = run("show", "ev_nope", "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: no event with id ev_nope in {db}; list ids with `storyline timeline --format json` [E301]\n"
    )


def test_cli_usage_errors_exit_2():
    result = run("timeline", "--format", "pdf")
    assert result.exit_code == 2


def test_cli_console_script_runs():
    done = subprocess.run([sys.executable, "-m", "storyline", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("storyline, version ")


def test_cli_build_missing_path_is_misuse_and_creates_nothing(tmp_path):
    db = tmp_path / "x.duckdb"
    result = run("build", str(tmp_path / "nonexistent"), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr == (f"error: no such file or folder: {tmp_path / 'nonexistent'}; check the path [E001]\n")
    assert not db.exists() and not (tmp_path / "x.duckdb.wal").exists()
    # one missing path among good ones is the same mistake: nothing is built
    good = tmp_path / "a.txt"
    good.write_text("The port of Tema reopened on Monday.\n", encoding="utf-8")
    assert run("build", str(good), str(tmp_path / "typo.txt"), "--db", str(db)).exit_code == 2
    assert not db.exists()
