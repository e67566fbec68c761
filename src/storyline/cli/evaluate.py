"""``storyline eval ...``: scores against public benchmarks.

Each benchmark's command is defined next to its scorer, as ``command`` in
``storyline.evaluation.<benchmark>``; this module only collects them, so a
scorer and its command are owned and tested together.
"""

from __future__ import annotations

import importlib

import click

BENCHMARKS = ("tempeval", "dating", "plover", "ecbplus", "events")


class LazyBenchmarks(click.Group):
    """Imports a benchmark's module only when its command runs or is listed
    in help: the scorers pull in NumPy and SciPy, which every other command
    (``build`` above all) should not pay for at start-up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in BENCHMARKS if self.get_command(ctx, name) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in BENCHMARKS:
            return None
        try:
            module = importlib.import_module(f"storyline.evaluation.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"storyline.evaluation.{name}":
                raise
            return None
        return module.command


@click.group(name="eval", cls=LazyBenchmarks)
def eval_group() -> None:
    """Score storyline against public gold-standard data.

    \b
    Example:
        storyline eval tempeval ../shared/data/tempeval3/TBAQ-cleaned --json
    """


COMMANDS = [eval_group]
