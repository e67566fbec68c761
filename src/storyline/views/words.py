"""Counts in words, for every message and page: "1 event", "2 events".

One helper, used by the CLI, the report and the web app, so no view falls
back to "1 events" or the clumsy "event(s)"."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it takes; ``plural`` for nouns whose
    plural is not noun + "s" ("match" → "matches")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


__all__ = ["count"]
