"""Option bundles shared by several commands (as sqlite-utils does)."""

from __future__ import annotations

import functools

import click

from ..settings import Settings, load_settings, parse_assignments


def db_option(fn):
    return click.option(
        "--db",
        default="storyline.duckdb",
        envvar="STORYLINE_DB",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The DuckDB file to read or write.",
    )(fn)


def settings_options(fn):
    """--config and --set, turned into a ``settings`` argument."""

    @click.option("--config", type=click.Path(dir_okay=False), help="A TOML settings file.")
    @click.option("--set", "assignments", multiple=True, metavar="KEY=VALUE",
                  help="Override one setting; may be repeated.")
    @functools.wraps(fn)
    def wrapper(*args, config=None, assignments=(), **kwargs):
        settings: Settings = load_settings(config, parse_assignments(assignments))
        return fn(*args, settings=settings, **kwargs)

    return wrapper


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")(fn)
