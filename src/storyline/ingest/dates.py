"""Publication dates as found in headers, metadata and URLs.

Deliberately small and strict: a date we are unsure of is worse than no
date, because later stages resolve "Thursday" against it. Ambiguous numeric
forms such as ``05/06/2020`` are refused unless one part cannot be a month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_WORD = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# A time and zone may follow the calendar date and are ignored: the date as
# the publisher wrote it is the publication day in their time zone. Nothing
# else may follow, so a date at the start of a sentence is not a date field.
_TIME = (
    r"(?:(?:[T ]|,? (?:at )?)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?"
    r"(?: ?(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}(?:[+-]\d{1,2})?))?)?"
)
_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME, re.I)
_COMPACT_DAY = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T\d{4,6}Z?)?")
_SLASH_YMD = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})" + _TIME, re.I)
_SLASH_DMY = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})" + _TIME, re.I)
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_YEAR = re.compile(r"(?P<y>\d{4})")
# Unix time in seconds or milliseconds, as feeds and APIs export it
# ("published": 1583145120): 10 digits (since 2001) or 13 (milliseconds),
# which no other date form has.
_EPOCH = re.compile(r"(?P<s>\d{10})(?:\.\d+)?|(?P<ms>\d{13})")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_WORD + r",?\s+(?P<y>\d{4})" + _TIME, re.I
)
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + _MONTH_WORD + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I
)
_MONTH_YEAR = re.compile(_MONTH_WORD + r",?\s+(?P<y>\d{4})", re.I)

_URL_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})([/_-])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?!\d)")
_URL_COMPACT = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])")


@dataclass(frozen=True)
class CalendarSpan:
    value: str  # TIMEX3 value: 2020-05-21, 2020-05 or 2020
    earliest: date
    latest: date
    precision: str  # day, month, year


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
    match = _EPOCH.fullmatch(text)
    if match:
        seconds = int(match["s"]) if match["s"] else int(match["ms"]) // 1000
        day = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        return CalendarSpan(day.isoformat(), day, day, "day")
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


_STAMP_KEYWORD = re.compile(
    r"^(?P<kind>first published|published|last updated|updated|posted)(?: on| at| time)?\s*:?\s*", re.I
)
_WEEKDAY_WORD = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
# A stamp line holds only dates, times, zones and their glue; any other word
# means it is a sentence ("Published figures show ...").
_STAMP_WORD = (
    r"(?:at|on|[ap]\.?\s?m\.?|"
    + _WEEKDAY_WORD
    + r"|"
    + _MONTH_WORD.replace("?P<month_name>", "?:")
    + r"|(?:first |last )?(?:published|updated|posted)|(?-i:[A-Z]{1,5})(?![A-Za-z])"
    + r"|\d+(?:st|nd|rd|th)?)"
)
_STAMP_LINE_REST = re.compile(r"[\s,./:|()+-]*(?:" + _STAMP_WORD + r"[\s,./:|()+-]*)*", re.I)
_WORD_DAY = re.compile(
    r"(?<!\d)(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH_WORD.replace("month_name", "m1")
    + r"|"
    + _MONTH_WORD.replace("month_name", "m2")
    + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    + r",?\s+(?P<y>\d{4})(?!\d)",
    re.I,
)
_NUMERIC_DAY = re.compile(r"(?<![\d.])(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d.])")
_STAMP_MAX_WORDS = 18


def parse_timestamp_line(line: str) -> tuple[str, CalendarSpan | None] | None:
    """For a page's "Published: May 3, 2013 4:59 PM EDT" line, its kind
    ("published", "updated", ...) and its day (None when the line gives only
    a time or an ambiguous date); None when the line is not a timestamp."""
    line = line.strip()
    keyword = _STAMP_KEYWORD.match(line)
    if not keyword or len(line.split()) > _STAMP_MAX_WORDS:
        return None
    rest = line[keyword.end() :]
    if not rest or not _STAMP_LINE_REST.fullmatch(rest) or not re.search(r"\d", rest):
        return None
    return keyword["kind"].lower(), _first_day(rest)


def parse_date_line(line: str) -> CalendarSpan | None:
    """The day of a line that is a date and nothing else, as copied articles
    carry under their headline ("March 2, 2020", "Monday 2 March 2020 |
    10:32 GMT"); None for anything else, or a day we are unsure of."""
    line = line.strip()
    if not line or len(line.split()) > _STAMP_MAX_WORDS or not _STAMP_LINE_REST.fullmatch(line):
        return None
    return _first_day(line)


def _first_day(text: str) -> CalendarSpan | None:
    word = _WORD_DAY.search(text)
    if word:
        month = _MONTHS[(word["m1"] or word["m2"]).lower().rstrip(".")]
        return _day(word["y"], month, word["d1"] or word["d2"])
    numeric = _NUMERIC_DAY.search(text)
    if numeric:
        first, separator, middle, last = numeric.groups()
        if len(first) == 4:
            return _day(first, middle, last)
        if len(last) == 4:
            return parse_publication_date(f"{first}/{middle}/{last}")
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
