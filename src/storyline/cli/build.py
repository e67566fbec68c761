"""``storyline build``."""

from __future__ import annotations

COMMANDS: list = []
