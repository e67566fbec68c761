"""Dating by recurring happenings held only in some years: "this year's
World Cup" puts the article in a World Cup year, "last year's Winter
Olympics" in the year after one, "next year's presidential election" in the
year before one. The series are listed in ``data/series.yaml``.

The years that fit are many and far apart, so they are a set, not an
interval: they score those years and, as a bound, keep the interval to the
years of the set that the other bounds allow.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from .grid import Board
from .knowledge import DATA_DIR, _load_file

#: the year the happening is in, from the article's: this year's, last year's, next year's
_WHEN = {"this": 0, "last": -1, "next": 1}
_LEAD = re.compile(r"(?i)\b(this|last|next)\s+year['’]s\s+")


@dataclass(frozen=True)
class Series:
    name: str
    pattern: re.Pattern
    years: frozenset[int]
    unless: re.Pattern | None


@functools.lru_cache(maxsize=1)
def load_series() -> tuple[Series, ...]:
    out = []
    for s in _load_file(DATA_DIR / "series.yaml").get("series", ()):
        moved = {int(k): int(v) for k, v in (s.get("moved") or {}).items()}
        years = frozenset(moved.get(y, y) for y in range(s["from"], s["until"] + 1, s["every"]))
        out.append(
            Series(s["name"], re.compile(s["pattern"]), years, re.compile(s["unless"]) if s.get("unless") else None)
        )
    return tuple(out)


def series_evidence(board: Board, text: str, sents, years: np.ndarray) -> None:
    """Each "this/last/next year's <series>" the text names: the article's
    year is one that fits (the union when the words fit several series)."""
    from .grid import _sentence_of

    if "year" not in text:
        return
    for m in _LEAD.finditer(text):
        a, b = _sentence_of(sents, m.start())
        sentence = text[a:b] if b > a else text[m.start() : m.start() + 200]
        fits: set[int] = set()
        names = []
        for s in load_series():
            hit = s.pattern.match(text, m.end())
            if hit is None or (s.unless is not None and s.unless.search(sentence)):
                continue
            fits |= s.years
            names.append(s.name)
            words = " ".join(text[m.start() : hit.end()].split())
        if not fits:
            continue
        shift = _WHEN[m.group(1).lower()]
        article_years = sorted(y - shift for y in fits)
        mask = np.isin(years, article_years)
        reason = (
            f"'{words}': {' or '.join(dict.fromkeys(names))} "
            f"{'is' if shift == 0 else 'was' if shift < 0 else 'will be'} held "
            f"{'that year' if shift == 0 else 'the year before' if shift < 0 else 'the year after'}"
        )
        board.add(mask, 1.5, reason)
        board.bound_mask(mask, reason, "series")
