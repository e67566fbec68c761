"""``storyline timeline``, ``show`` and ``export``."""

from __future__ import annotations

COMMANDS: list = []
