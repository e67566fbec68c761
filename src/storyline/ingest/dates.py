"""Publication dates as found in headers, metadata and URLs.

Deliberately small and strict: a date we are unsure of is worse than no
date, because later stages resolve "Thursday" against it. Ambiguous numeric
forms such as ``05/06/2020`` are refused unless one part cannot be a month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_WORD = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# A time and zone may follow the calendar date and are ignored: the date as
# the publisher wrote it is the publication day in their time zone. Nothing
# else may follow, so a date at the start of a sentence is not a date field.
_TIME = (r"(?:(?:[T ]|,? (?:at )?)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?"
         r"(?: ?(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}(?:[+-]\d{1,2})?))?)?")
_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME, re.I)
_COMPACT_DAY = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T\d{4,6}Z?)?")
_SLASH_YMD = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})" + _TIME, re.I)
_SLASH_DMY = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})" + _TIME, re.I)
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_YEAR = re.compile(r"(?P<y>\d{4})")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_WORD + r",?\s+(?P<y>\d{4})" + _TIME, re.I)
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + _MONTH_WORD + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I)
_MONTH_YEAR = re.compile(_MONTH_WORD + r",?\s+(?P<y>\d{4})", re.I)

_URL_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})([/_-])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?!\d)")
_URL_COMPACT = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])")


@dataclass(frozen=True)
class CalendarSpan:
    value: str        # TIMEX3 value: 2020-05-21, 2020-05 or 2020
    earliest: date
    latest: date
    precision: str    # day, month, year


def parse_publication_date(text: str | None) -> CalendarSpan | None:
    """Read a publication date in the forms publishers use; None when unsure."""
    if not text:
        return None
    text = " ".join(str(text).split())
    for pattern in (_ISO_DAY, _COMPACT_DAY, _SLASH_YMD):
        match = pattern.fullmatch(text)
        if match:
            return _day(match["y"], match["m"], match["d"])
    match = _SLASH_DMY.fullmatch(text)
    if match:
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second:
            return _day(match["y"], second, first)
        if second > 12 >= first:
            return _day(match["y"], first, second)
        return None  # 05/06/2020: May 6 in the US, 5 June elsewhere
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(text)
        if match:
            return _day(match["y"], _MONTHS[match["month_name"].lower()], match["d"])
    match = _YEAR_MONTH.fullmatch(text)
    if match:
        return _month(match["y"], match["m"])
    match = _MONTH_YEAR.fullmatch(text)
    if match:
        return _month(match["y"], _MONTHS[match["month_name"].lower()])
    match = _YEAR.fullmatch(text)
    if match:
        year = int(match["y"])
        if 1000 <= year:
            return CalendarSpan(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")
    return None


def date_from_url(url: str | None) -> str | None:
    """An ISO day written into a URL path (``/2020/05/21/``, ``2020-05-21``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pattern in (_URL_DAY, _URL_COMPACT):
        for match in pattern.finditer(path):
            span = _day(match["y"], match["m"], match["d"])
            if span is not None:
                return span.value
    return None


def _day(year: object, month: object, day: object) -> CalendarSpan | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return CalendarSpan(value.isoformat(), value, value, "day")


def _month(year: object, month: object) -> CalendarSpan | None:
    year, month = int(year), int(month)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return CalendarSpan(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), "month")
