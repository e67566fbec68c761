"""Misuse and unwritable outputs are one error line, and a failed export loses nothing."""

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import UsageError
from storyline.views import export as export_module

from views_fixtures import build_db


def run(*args):
    return CliRunner().invoke(cli, list(args), prog_name="storyline")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_db(tmp_path_factory.mktemp("cli_output") / "s.duckdb"))


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["export", "--format", "xml"],
            "error: Invalid value for '--format': 'xml' is not one of 'csv', 'gdelt', 'gdelt-csv', 'json', "
            "'parquet', 'plover', 'timelinejs'; see `storyline export --help` [E001]\n",
        ),
        (["show"], "error: Missing argument 'ID'; see `storyline show --help` [E001]\n"),
        (["shwo"], None),
        (["--bogus"], None),
    ],
)
def test_cli_misuse_is_one_line_with_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    # click's own wording of an unknown command or option varies between
    # releases; the shape (one line, "error: ...", the help to read, the
    # code) may not.
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert result.stderr.endswith("--help` [E001]\n")
    if message:
        assert result.stderr == message


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["report"]])
def test_cli_output_in_a_missing_folder_is_one_line(db, tmp_path, command):
    target = tmp_path / "no" / "such" / "out.file"
    result = run(*command, "--db", db, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: cannot write {target}: No such file or directory; check that its "
        "folder exists and is writable, or give another path with -o [E302]\n"
    )


def test_cli_failed_export_keeps_the_earlier_file(db, tmp_path, monkeypatch):
    def half_then_fail(store, out):
        out.write("id,date\nev_1,20")
        raise UsageError("Parquet export needs pyarrow: pip install 'storyline[parquet]'")

    monkeypatch.setitem(export_module.EXPORTERS, "csv", (half_then_fail, False))
    target = tmp_path / "story.csv"
    target.write_text("yesterday's export\n", encoding="utf-8")
    result = run("export", "--db", db, "--format", "csv", "-o", str(target))
    assert result.exit_code == 2 and result.stderr.startswith("error: Parquet export needs pyarrow")
    assert target.read_text(encoding="utf-8") == "yesterday's export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.csv"]  # no partial file left behind


def test_cli_export_file_is_complete_and_readable_by_others(db, tmp_path):
    target = tmp_path / "story.json"
    result = run("export", "--db", db, "-o", str(target))
    assert result.exit_code == 0 and result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith('{\n  "articles"')
    assert target.stat().st_mode & 0o044  # not the private mode of a temporary file


def test_cli_export_to_a_pipe_writes_into_it_and_leaves_it_a_pipe(db, tmp_path):
    import os
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run("export", "--db", db, "--format", "csv", "-o", str(pipe))
    reader.join(10)
    # Writing to a temporary file and renaming it over the path replaced the
    # pipe (or /dev/stdout) with a plain file, and the reader got nothing.
    assert result.exit_code == 0, result.stderr
    assert received and received[0].startswith(b"id,date,")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
