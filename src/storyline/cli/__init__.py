"""The ``storyline`` command: thin click commands over the library.

Each command lives in a module of this package by topic (build, views,
evaluate, dating); this file only assembles them and turns library errors
into one clear line on stderr with the right exit status:
0 all inputs processed, 1 fatal error, 2 misuse, 3 some inputs failed.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from ..errors import StorylineError, UsageError

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


class StorylineGroup(click.Group):
    """Runs commands with one uniform error policy."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Options of `storyline` itself (`storyline --bogus`) are parsed here,
        # outside invoke().
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as exc:
            _click_error(ctx, exc)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            # click would print a usage block and "Try --help" over three
            # lines; the house rule is one line, like every other error.
            _click_error(ctx, exc)
        except StorylineError as exc:
            click.echo(f"error: {exc.message} [{exc.code}]", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("error: interrupted; the database keeps every committed article", err=True)
            ctx.exit(130)


def _click_error(ctx: click.Context, exc: click.ClickException) -> None:
    """A misuse click found (bad option value, missing argument, unknown
    command), as one line naming the help to read; exit status 2."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        exc.show()  # `storyline` alone: the help itself is the answer
        ctx.exit(exc.exit_code)
    failed = getattr(exc, "ctx", None) or ctx
    hint = f"; see `{failed.command_path} --help`" if isinstance(exc, click.UsageError) else ""
    click.echo(f"error: {exc.format_message().rstrip('.')}{hint} [{UsageError.code}]", err=True)
    ctx.exit(exc.exit_code)


@click.group(cls=StorylineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def cli() -> None:
    """Turn news articles into a dated, sourced timeline of a story.

    \b
    Example:
        storyline build articles/ --db story.duckdb
        storyline timeline --db story.duckdb
    """


def _register() -> None:
    # Imported here so that `storyline --help` stays fast and each topic's
    # module can be owned and tested on its own.
    from . import build, dating, evaluate, report, views  # noqa: F401

    for module in (build, views, report, dating, evaluate):
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main() -> None:
    try:
        cli.main(prog_name="storyline", standalone_mode=True)
    except SystemExit as exc:
        sys.exit(exc.code)
