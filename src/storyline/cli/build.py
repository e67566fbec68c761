"""``storyline build``: ingest articles into the database."""

from __future__ import annotations

import os
import sys
import time

import click

from ..errors import UsageError
from ..models import Failure
from ..views.words import count
from .options import db_option, settings_options

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "csv", "warc")


class Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()

    def __call__(self, report) -> None:
        if not self.enabled:
            return
        rate = report.articles_new / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\r  {count(report.articles_new, 'article')} built, {report.articles_seen} already stored,"
            f" {len(report.failures)} failed ({rate:.1f}/s)"
        )
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")


@click.command(name="build")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Input format; auto sniffs each file.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where articles are analysed: this process, or a Ray cluster (storyline[ray]).",
)
@click.option("--address", help="With --engine ray: the Ray cluster to join (default: start a local one).")
@settings_options
def build_command(paths, db, fmt, engine, address, settings):
    """Build or extend a timeline database from articles.

    PATHS are files, folders (read recursively) or - for standard input.
    A bad input is named on stderr and recorded; the rest are still built.
    Exit status: 0 all inputs built, 3 some failed, 1 fatal error, 2 misuse.

    \b
    Example:
        storyline build articles/ feed.jsonl --db story.duckdb
        storyline build archive/ --engine ray --set n_process=8
    """
    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    if missing:
        # a mistyped path is misuse, found before the database is created:
        # a build of nothing would leave an empty database behind
        raise UsageError(f"no such file or folder: {', '.join(missing)}; check the path")
    from ..pipeline import build  # heavy imports only when building

    progress = Progress()

    def on_failure(failure: Failure) -> None:
        progress.done()
        click.echo(f"failed: {failure.source}: {failure.reason}", err=True)

    stdin = click.get_binary_stream("stdin") if "-" in paths else None

    def on_warning(source: str, warning: str) -> None:
        progress.done()
        click.echo(f"warning: {source}: {warning}", err=True)

    report = build(
        list(paths),
        db,
        settings,
        fmt=fmt,
        stdin=stdin,
        progress=progress,
        on_failure=on_failure,
        engine=engine,
        address=address,
        on_warning=on_warning,
    )
    progress.done()
    click.echo(
        f"built {count(report.articles_new, 'new article')} into {db}"
        f" ({report.articles_seen} already stored, {len(report.failures)} failed);"
        f" {count(report.events, 'event')} in the timeline"
        + (
            f"; dates from the corpus changed for {count(report.dated_from_corpus, 'undated article')}"
            if report.dated_from_corpus
            else ""
        ),
        err=True,
    )
    sys.exit(report.exit_code)


COMMANDS = [build_command]
