"""``storyline report`` and ``storyline serve``: seeing the story."""

from __future__ import annotations

import errno
import ipaddress
import socket

import click

from ..errors import ListenError, UsageError
from .options import output_file, read_db_option


@click.command(name="report")
@read_db_option
@click.option(
    "-o",
    "--output",
    default="report.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write.",
)
def report_command(db, output):
    """Write one self-contained HTML report that works offline.

    A timeline with storylines as lanes, filters, each event's evidence
    sentences, statements by speaker, contradictions and charts.

    \b
    Example:
        storyline report --db story.duckdb -o report.html
    """
    # Imported here so that `storyline --help` does not load Jinja2.
    from ..store import Store
    from ..views.report import render_report

    with Store(db, read_only=True) as store:
        html, _ = render_report(store)
    with output_file(output) as fh:
        fh.write(html)
    click.echo(f"wrote {output}", err=True)


@click.command(name="serve")
@read_db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default keeps the app on this machine.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; a port in use is one error line before anything is served.",
)
def serve_command(db, host, port):
    """Browse the database in a local web app (read-only), with a JSON API.

    \b
    Example:
        storyline serve --db story.duckdb --port 8000
    """
    try:
        import uvicorn
        from ..views.web import create_app
    except ImportError as exc:  # the web extras are optional in slim installs
        raise UsageError(f"the web app needs {exc.name}: pip install 'storyline[web]'") from None

    app = create_app(db)
    _check_can_listen(host, port)
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}; anyone who can reach it can read the database", err=True)
    click.echo(f"storyline serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_can_listen(host: str, port: int) -> None:
    """Fail before announcing the server: uvicorn would print its own
    multi-line error after our "serving" line and exit with status 3, which
    here means "some inputs failed"."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror:
        raise ListenError(f"cannot listen on {host}: no such address on this machine; use --host 127.0.0.1") from None
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # uvicorn binds with SO_REUSEADDR too, so a port left in TIME_WAIT by
        # a server just stopped is not reported as taken.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            hint = {
                errno.EADDRINUSE: "stop the other server or choose another --port",
                errno.EACCES: "ports below 1024 need privileges; choose another --port",
            }.get(err.errno, "give an address of this machine with --host, e.g. 127.0.0.1")
            raise ListenError(f"cannot listen on {host}:{port}: {err.strerror}; {hint}") from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


COMMANDS = [report_command, serve_command]
