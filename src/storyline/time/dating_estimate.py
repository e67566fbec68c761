"""How an undated article's estimated date is shown: in the JSON contract
(``Article.published_estimate``, added beside ``published``) and in text
("undated, estimated Mar–Jun 2013")."""

from __future__ import annotations

from datetime import date

from ..models import TimeValue
from .dating_decide import INTERVAL_EVIDENCE, _best_day_of, is_low_confidence
from .dating_prior import interval_basis, interval_coverage

_MONTH = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def estimate_json(value: TimeValue | None) -> dict | None:
    """The estimate as the contract gives it: a best day, the interval, how
    sure (``confidence``), and whether the interval is one of evidence or
    statistical (``interval_basis``, with the share of held-out news such an
    interval held, ``interval_coverage``), with the evidence."""
    if value is None:
        return None
    best = _best_day_of(value)
    if best is not None and value.earliest and value.latest:
        best = min(max(best, value.earliest), value.latest)  # a year's middle may lie outside
    return {
        "value": value.value,
        "best_day": best.isoformat() if best else None,
        "earliest": value.earliest.isoformat() if value.earliest else None,
        "latest": value.latest.isoformat() if value.latest else None,
        "basis": value.basis,
        "confidence": "low" if is_low_confidence(value) else "high",
        "interval_basis": interval_basis(value),
        "interval_coverage": interval_coverage(value),
        "evidence": list(value.evidence),
    }


def estimate_label(value: TimeValue | dict | None) -> str:
    """ "estimated Mar–Jun 2013", "estimated 2011–2013", "estimated Nov 2012–Feb 2013";
    a statistical interval says so ("estimated 1984–2026, statistical: 89 % of news");
    "" without an estimate."""
    if value is None:
        return ""
    if isinstance(value, dict):
        first, last = value.get("earliest"), value.get("latest")
        first = date.fromisoformat(first) if first else None
        last = date.fromisoformat(last) if last else None
        basis, coverage = value.get("interval_basis"), value.get("interval_coverage")
    else:
        first, last = value.earliest, value.latest
        basis, coverage = interval_basis(value), interval_coverage(value)
    if first is None or last is None:
        return ""
    label = f"estimated {_span(first, last)}"
    if basis == "statistical":
        label += f", statistical: {coverage:.0%} of news" if coverage else ", statistical"
    return label


def _span(first: date, last: date) -> str:
    whole_years = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if whole_years or last.year - first.year >= 3:
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first.year == last.year:
        if first.month == last.month:
            return f"{_MONTH[first.month - 1]} {first.year}"
        return f"{_MONTH[first.month - 1]}–{_MONTH[last.month - 1]} {first.year}"
    return f"{_MONTH[first.month - 1]} {first.year}–{_MONTH[last.month - 1]} {last.year}"


__all__ = ["estimate_json", "estimate_label", "INTERVAL_EVIDENCE"]
