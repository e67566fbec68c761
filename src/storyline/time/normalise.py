"""Calendar arithmetic for TimeML values: resolving against an anchor and
turning a value into the interval of days it can mean.

Everything here is pure and cheap, so it is property-tested on its own
(``tests/test_time_normalise.py``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..models import TimeValue

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}


def clamp_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    return clamp_day(total // 12, total % 12 + 1, d.day)


def resolve_weekday(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (1=Monday) nearest ``anchor``: on or before it when
    ``direction`` < 0, on or after it when > 0, and the closer of the two
    (ties go to the past, as news mostly reports) when 0."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction < 0 or (direction == 0 and back <= ahead):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


def resolve_month_day(anchor: date, month: int, day: int, direction: int) -> date | None:
    """The year for 'January 26' said on ``anchor``: the latest such day on or
    before the anchor for the past, the next one for the future, and the
    nearest otherwise (news rarely means a date more than six months away)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if direction < 0:
        past = [c for c in candidates if c <= anchor]
        return max(past) if past else min(candidates)
    if direction > 0:
        future = [c for c in candidates if c >= anchor]
        return min(future) if future else max(candidates)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def resolve_month(anchor: date, month: int, direction: int) -> int:
    """The year of a bare month name."""
    if month == anchor.month:
        return anchor.year
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    # News mostly looks back: an earlier month is this year's, a later one
    # is this year's only when it is close ahead.
    if month < anchor.month:
        return anchor.year
    return anchor.year if month - anchor.month <= 3 else anchor.year - 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def iso_week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def shift(anchor: date, amount: int, unit: str) -> tuple[str, date]:
    """``anchor`` moved by ``amount`` units, written at that unit's
    granularity ('two years ago' is a year, not a day)."""
    if unit == "D":
        d = anchor + timedelta(days=amount)
        return day_value(d), d
    if unit in ("W", "WE"):
        d = anchor + timedelta(weeks=amount)
        return iso_week_value(d) + ("-WE" if unit == "WE" else ""), d
    if unit == "M":
        d = add_months(anchor, amount)
        return month_value(d), d
    if unit == "Q":
        d = add_months(anchor, 3 * amount)
        return f"{d.year}-Q{quarter_of(d)}", d
    if unit == "Y":
        d = clamp_day(anchor.year + amount, anchor.month, anchor.day)
        return str(d.year), d
    if unit == "DE":
        year = anchor.year + 10 * amount
        return str(year)[:3], date(year, 1, 1)
    if unit == "CE":
        year = anchor.year + 100 * amount
        return str(year)[:2], date(year, 1, 1)
    d = anchor
    return day_value(d), d


_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d?)(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def interval(value: str, anchor: date | None = None) -> tuple[date | None, date | None, str]:
    """The first and last day a TimeML value can mean, and its precision.
    Unresolved values (``XXXX-01-26``) and durations have no interval."""
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), clamp_day(y, mo, 31), "month"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if value.endswith("-WE"):
                return monday + timedelta(days=5), monday + timedelta(days=6), "week"
            return monday, monday + timedelta(days=6), "week"
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), clamp_day(y, 3 * q, 31), "quarter"
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), clamp_day(y, 6 * h, 31), "quarter"
        if m := _SEASON.match(value):
            y = int(m[1])
            first, last = SEASON_MONTHS[m[2]]
            end_year = y + 1 if m[2] == "WI" else y
            return date(y, first, 1), clamp_day(end_year, last, 31), "season"
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade"
        if m := _CENTURY.match(value):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    except ValueError:
        return None, None, "unknown"
    if anchor is not None:
        if value == "PRESENT_REF":
            return anchor, anchor, "day"
        if value == "PAST_REF":
            return None, anchor, "unknown"
        if value == "FUTURE_REF":
            return anchor, None, "unknown"
    return None, None, "unknown"


def make_value(value: str, basis: str, anchor: date | None, mod: str | None = None) -> TimeValue:
    earliest, latest, precision = interval(value, anchor)
    if earliest is None and latest is None and value.startswith("P"):
        precision = "duration"
    return TimeValue(
        value=value,
        earliest=earliest,
        latest=latest,
        precision=precision,
        basis=basis,
        anchor=anchor if basis == "relative" else None,
        mod=mod,
    )


# --- holidays ---------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday by the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(name: str, year: int) -> date | None:
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name == "independence day":
        return date(year, 7, 4)
    if name == "labor day":
        return _nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 1, -1)
    if name == "election day":
        return _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if name.startswith("easter"):
        return easter(year)
    if name == "valentine's day":
        return date(year, 2, 14)
    if name == "halloween":
        return date(year, 10, 31)
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """TimeML duration: P3D, PT5H, PT5H30M, PXY for an unknown amount."""
    is_time = unit in ("S", "H") or unit == "TM"
    letter = {"TM": "M"}.get(unit, unit)
    if unit == "WE":
        return "P2D" if amount == 1 else ("PXWE" if amount is None else f"P{int(amount)}WE")
    if unit == "DE":
        return "PXDE" if amount is None else f"P{int(amount * 10)}Y"
    if unit == "CE":
        return "PXCE" if amount is None else f"P{int(amount * 100)}Y"
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if unit == "Q":
        return f"P{int(amount * 3)}M"
    if amount != int(amount):
        if unit == "H":
            return f"PT{int(amount)}H{int(round((amount % 1) * 60))}M"
        if unit == "TM":
            return f"PT{int(amount)}M{int(round((amount % 1) * 60))}S"
        if unit == "Y":
            months = int(round((amount % 1) * 12))
            return f"P{int(amount)}Y{months}M" if int(amount) else f"P{months}M"
        if unit == "D":
            return f"PT{int(round(amount * 24))}H"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"
