"""The calendar grid that dating scores evidence on: one cell per day from
1950 to 2035, and the board that adds evidence up with its reasons.

Split from ``dating.py`` so the evidence modules (``dating.py`` for the
text's own dates, ``evidence.py`` for world knowledge) share it.
"""

from __future__ import annotations

import functools
from datetime import date

import numpy as np

GRID_START = date(1950, 1, 1)
GRID_END = date(2035, 12, 31)
N_DAYS = (GRID_END - GRID_START).days + 1
_ORD0 = GRID_START.toordinal()


def _ix(d: date) -> int:
    return min(max(d.toordinal() - _ORD0, 0), N_DAYS - 1)


def _day(i: int) -> date:
    return date.fromordinal(int(i) + _ORD0)


@functools.lru_cache(maxsize=1)
def _weekday_of_grid() -> np.ndarray:
    first = GRID_START.isoweekday()
    return (np.arange(N_DAYS) + first - 1) % 7 + 1


@functools.lru_cache(maxsize=1)
def _dates_of_grid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    days = np.arange(_ORD0, _ORD0 + N_DAYS)
    dt = np.array([date.fromordinal(int(d)) for d in days[::1]])
    years = np.array([d.year for d in dt])
    months = np.array([d.month for d in dt])
    mdays = np.array([d.day for d in dt])
    return years, months, mdays


class Board:
    """Scores on the day grid, and the reason behind each addition."""

    def __init__(self):
        self.score = np.zeros(N_DAYS)
        self.reasons: list[tuple[str, np.ndarray]] = []
        #: set when some evidence beyond years mentioned and recency exists
        self.strong = False
        #: the days of the dated events named without their year, as news names recent ones
        self.fresh_events: list = []
        #: hard limits the evidence puts on the date, as (earliest, latest, reason), either
        #: end None when open: a term of office, a year told in the past, an event still
        #: to come. Scores say which days fit best; bounds say which days are possible.
        self.bounds: list[tuple[date | None, date | None, str, str]] = []
        #: limits that allow a set of days rather than one stretch, as (mask, reason, kind)
        self.mask_bounds: list[tuple[np.ndarray, str, str]] = []
        #: evidence that fits one of several stretches alike (a vote on a weekday that several
        #: listed votes share): groups of day indexes, of which a confident answer must single
        #: one out by more than a tilt (``dating_decide``)
        self.alternatives: list[list[np.ndarray]] = []

    def bound_mask(self, mask: np.ndarray, reason: str, kind: str) -> None:
        """A limit that allows only some days, not one stretch ("this year's
        World Cup": the World Cup years)."""
        if mask.any():
            self.mask_bounds.append((mask, reason, kind))

    def bound(self, earliest: date | None, latest: date | None, reason: str, kind: str) -> None:
        """A limit the article's date cannot lie outside (if the evidence is
        read right); ``kind`` names the rule, so each rule's errors can be counted."""
        if earliest is not None or latest is not None:
            self.bounds.append((earliest, latest, reason, kind))

    def add(self, mask: np.ndarray, weight: float, reason: str) -> None:
        if not mask.any():
            return
        self.score += mask * weight
        self.reasons.append((reason, mask))

    def add_weights(self, weights: np.ndarray, reason: str) -> None:
        if not weights.any():
            return
        self.score += weights
        self.reasons.append((reason, weights > 0))


def _range_mask(start: date | None, end: date | None) -> np.ndarray:
    mask = np.zeros(N_DAYS, dtype=bool)
    a = _ix(start) if start else 0
    b = _ix(end) if end else N_DAYS - 1
    if a <= b:
        mask[a : b + 1] = True
    return mask


def _closeness(offsets: np.ndarray) -> np.ndarray:
    """How well a day fits a mention ``offsets`` days before it: news cites
    dates of the last weeks most, and of the last days more than of the week
    before (which also keeps a weekday and its date from fitting every
    seventh day equally)."""
    out = np.zeros(offsets.shape)
    recent = (offsets >= 0) & (offsets <= 14)
    out[recent] = 1.0 - 0.025 * offsets[recent]
    out[(offsets > 14) & (offsets <= 31)] = 0.6
    out[(offsets > 31) & (offsets <= 92)] = 0.3
    out[(offsets > 92) & (offsets <= 366)] = 0.1
    return out


def _closeness_to(anchors: np.ndarray, direction: int) -> np.ndarray:
    """``_closeness`` to the nearest anchor day before (past or unknown
    tense) or after (future) each day of the grid."""
    index = np.arange(N_DAYS)
    if len(anchors) == 0:
        return np.zeros(N_DAYS)
    if direction <= 0:
        k = np.searchsorted(anchors, index, side="right") - 1
        offs = np.where(k >= 0, index - anchors[np.clip(k, 0, None)], -1)
    else:
        k = np.searchsorted(anchors, index, side="left")
        offs = np.where(k < len(anchors), anchors[np.clip(k, None, len(anchors) - 1)] - index, -1)
    return _closeness(offs)


def _sentence_of(sents, pos: int) -> tuple[int, int]:
    for a, b in sents:
        if a <= pos < b:
            return a, b
    return pos, pos
