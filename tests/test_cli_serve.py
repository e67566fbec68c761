"""`storyline serve` that cannot listen says so in one line, before announcing itself."""

import socket

from click.testing import CliRunner

from storyline.cli import cli

from views_fixtures import build_db


def test_cli_serve_on_a_taken_port_is_one_line_exit_1(tmp_path):
    db = str(build_db(tmp_path / "s.duckdb"))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", db, "--port", str(port)])
    # uvicorn used to print "storyline serving ..." and then its own ERROR
    # line, and exit with 3, which storyline uses for "some inputs failed".
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use; "
        "stop the other server or choose another --port [E303]\n"
    )
    assert result.stdout == ""
