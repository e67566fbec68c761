"""``storyline timeline``, ``show`` and ``export``: reading the database."""

from __future__ import annotations

import json
import sys

import click

from ..store import Store
from ..views.export import EXPORTERS
from ..views.show import (
    event_detail,
    find_event,
    find_statement,
    render_event,
    render_statement,
    statement_detail,
)
from ..views.timeline import FORMATS, TimelineFilter, parse_day, render, timeline_rows
from .options import output_file, read_db_option


@click.command(name="timeline")
@read_db_option
@click.option("--since", help="Only events dated on or after this date (2020, 2020-05, 2020-05-19).")
@click.option("--until", help="Only events dated on or before this date.")
@click.option(
    "--overlapping",
    is_flag=True,
    help="With --since/--until: also events that merely may fall in the window "
    "(a year, or an open '≤ 2023-02-04', that overlaps it).",
)
@click.option("--actor", help="Only events with this actor as source or target (part of a name).")
@click.option("--type", "event_type", help="Only events of this PLOVER type, e.g. SANCTION.")
@click.option("--story", help="Only events of this storyline (id or part of its label).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table to read; json (one object per line), csv or markdown to pass on.",
)
def timeline_command(db, since, until, overlapping, actor, event_type, story, fmt):
    """Print the events, sorted by date.

    An event is in a date window when its date (all the days it may be, or
    the known end of an open '≤' date) lies inside it; --overlapping also
    keeps events whose possible dates merely overlap the window. Undated
    events are left out when a window is given.

    \b
    Example:
        storyline timeline --db story.duckdb --since 2020 --actor Abbas --format markdown
    """
    flt = TimelineFilter(
        parse_day(since, "--since"), parse_day(until, "--until"), actor, event_type, story, overlapping
    )
    with Store(db, read_only=True) as store:
        rows = timeline_rows(store.events(), store.storylines(), flt)
    click.echo(render(rows, fmt), nl=False)


@click.command(name="show")
@click.argument("record_id", metavar="ID")
@read_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text to read, or json: the event as in the export, with each article's title and date.",
)
def show_command(record_id, db, fmt):
    """Show one event (or the event of a mention id) with its evidence sentences.

    A statement id (sm_..., as contradictions cite) shows the statement:
    speaker, words, date and the article it is in.

    \b
    Example:
        storyline show ev_3f2a9c0d1e2b4a5f --db story.duckdb
    """
    with Store(db, read_only=True) as store:
        if record_id.startswith("sm_"):
            detail = statement_detail(store, find_statement(store, record_id))
            render = render_statement
        else:
            detail = event_detail(store, find_event(store, record_id))
            render = render_event
    if fmt == "json":
        click.echo(json.dumps(detail, ensure_ascii=False, indent=2))
    else:
        click.echo(render(detail), nl=False)


@click.command(name="export")
@read_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORTERS)),
    default="json",
    show_default=True,
    help="json is the public contract; the others are described in docs/exports.md.",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for stdout.")
def export_command(db, fmt, output):
    """Export the database in a standard format.

    \b
    Example:
        storyline export --db story.duckdb --format json -o story.json
    """
    write, binary = EXPORTERS[fmt]
    with Store(db, read_only=True) as store:
        if output == "-":
            stream = sys.stdout.buffer if binary else sys.stdout
            write(store, stream)
            stream.flush()
        else:
            with output_file(output, binary) as fh:
                write(store, fh)
            click.echo(f"wrote {output}", err=True)


COMMANDS = [timeline_command, show_command, export_command]
