"""``storyline date FILE``: infer when an article was published."""

from __future__ import annotations

COMMANDS: list = []
