"""A statistical bound on an undated article's date, learned from news
whose date is known: how far publication lies from the latest year the
text writes out without looking ahead to it ("sales fell in 1988", "the
1987 crash", not "due 1995" or "will rise in 1990").

Unlike the evidence's bounds (a term of office, a year told in the past),
this one is not a fact the text states: it holds for a stated share of
news (``coverage``), measured on development corpora held out from the
fit (``benchmarks/dating_calibration.py``, which writes
``data/dating_prior.yaml``). An interval it narrows says so: its evidence
line starts with ``STATISTICAL_EVIDENCE`` and the answer is never a
confident one (``interval_basis``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..models import TimeValue
from .dating_years import _AHEAD_CUES, _MODEL_YEAR, _direction

PRIOR_FILE = Path(__file__).with_name("data") / "dating_prior.yaml"
#: the evidence line of an interval narrowed by the statistical bound starts with this
STATISTICAL_EVIDENCE = "interval (statistical)"
#: years outside this span are not read as the article's time (street numbers, sums)
YEAR_RANGE = (1950, 2035)


@dataclass(frozen=True)
class Prior:
    """Publication lies from ``years_before`` (negative: before) to
    ``years_after`` years after the latest year named, for ``coverage`` of
    held-out news."""

    years_before: int
    years_after: int
    coverage: float
    fitted_on: tuple[str, ...]
    held_out: dict

    def interval(self, year: int) -> tuple[date, date]:
        return date(year + self.years_before, 1, 1), date(year + self.years_after, 12, 31)

    def describe(self, year: int) -> str:
        first, last = self.interval(year)
        return (
            f"{STATISTICAL_EVIDENCE}: {first} to {last}: the latest year named without looking "
            f"ahead is {year}, and {self.coverage:.0%} of news whose date is known was published "
            f"{self.years_before:+d} to {self.years_after:+d} years from that year "
            f"(a statistical bound, not a certainty)"
        )


@functools.lru_cache(maxsize=1)
def load_prior(path: str | None = None) -> Prior | None:
    """The fitted bound, or None when no fit has been written."""
    p = Path(path) if path else PRIOR_FILE
    if not p.exists():
        return None
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    return Prior(
        int(data["years_before"]),
        int(data["years_after"]),
        float(data["coverage"]),
        tuple(data.get("fitted_on", ())),
        dict(data.get("held_out", {})),
    )


def latest_named_year(doc, text: str, candidates) -> int | None:
    """The latest year the text writes out (a year, a month or a full date
    with its year) that it does not look ahead to: not after "due",
    "through", "by", "until"..., not under a future verb, not a model year
    ("the 2011 version")."""
    latest = None
    for cand in candidates:
        if cand.kind not in ("year", "mdy", "dmy", "month", "iso") or not cand.group("year"):
            continue
        y = int(cand.group("year"))
        if not YEAR_RANGE[0] <= y <= YEAR_RANGE[1] or (latest is not None and y <= latest):
            continue
        if _AHEAD_CUES.search(text[max(0, cand.start - 30) : cand.start]):
            continue
        if cand.kind == "year" and _MODEL_YEAR.match(text, cand.end):
            continue
        if _direction(doc, cand.start, cand.end, text) > 0:
            continue
        latest = y
    return latest


def interval_basis(value: TimeValue | None) -> str | None:
    """``statistical`` when the answer's interval was narrowed by the
    learned bound (it holds for a share of news, not for certain),
    ``evidence`` when every limit is a fact the text or the knowledge
    states; None for no answer."""
    if value is None:
        return None
    return "statistical" if any(e.startswith(STATISTICAL_EVIDENCE) for e in value.evidence) else "evidence"


def interval_coverage(value: TimeValue | None) -> float | None:
    """The share of held-out news a statistical interval held (None for an
    interval of evidence)."""
    if interval_basis(value) != "statistical":
        return None
    prior = load_prior()
    return prior.coverage if prior else None
