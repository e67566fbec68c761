"""``storyline eval ...``: scores against public benchmarks.

Each benchmark's command is defined next to its scorer, as ``command`` in
``storyline.evaluation.<benchmark>``; this module only collects them, so a
scorer and its command are owned and tested together.
"""

from __future__ import annotations

import importlib

import click

BENCHMARKS = ("tempeval", "dating", "plover", "ecbplus")


@click.group(name="eval")
def eval_group() -> None:
    """Score storyline against public gold-standard data.

    \b
    Example:
        storyline eval tempeval ../shared/data/tempeval3/TBAQ-cleaned --json
    """


for _name in BENCHMARKS:
    try:
        _module = importlib.import_module(f"storyline.evaluation.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"storyline.evaluation.{_name}":
            raise
        continue
    eval_group.add_command(_module.command, name=_name)

COMMANDS = [eval_group]
