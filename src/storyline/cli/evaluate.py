"""``storyline eval ...``: scores against public benchmarks.

Each benchmark's command is defined next to its scorer in
``storyline.evaluation``; this module only collects them into the group.
"""

from __future__ import annotations

import click


@click.group(name="eval")
def eval_group() -> None:
    """Score storyline against public gold-standard data.

    \b
    Example:
        storyline eval tempeval ../shared/data/tempeval3/TBAQ-cleaned --json
    """


COMMANDS = [eval_group]
