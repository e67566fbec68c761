"""Words and regex fragments the recogniser is built from.

Kept apart from the patterns so the grammar in ``recognise.py`` reads as
grammar, and so a new spelling is a one-line change here.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "half": 0.5,
    "single": 1,
}

#: Quantifiers whose number is unknown: TimeML writes X for them.
VAGUE_NUMBERS = (
    "several",
    "few",
    "a few",
    "some",
    "many",
    "a couple of",
    "couple of",
    "a number of",
    "numerous",
    "recent",
    "coming",
    "next few",
)

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "last": -1,
    "final": -1,
}

#: Unit word -> (TimeML duration letter, is a time unit (PT...)).
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "weekend": ("WE", False),
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: the TIMEX3 value of a recurrence by its word ("daily", "every week", "per hour")
SET_VALUES = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P1Q",
    "hourly": "PT1H",
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "quarter": "P1Q",
    "hour": "PT1H",
    "morning": "XXXX-XX-XXTMO",
    "night": "XXXX-XX-XXTNI",
    "evening": "XXXX-XX-XXTEV",
    "weekend": "XXXX-WXX-WE",
}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}


def alternation(words) -> str:
    """Longest first, so the regex engine prefers 'Sept' over 'Sep'."""
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Digits and spelled numbers up to two words ("twenty four", "twenty-four").
_NUMWORD = alternation(k for k in NUMBER_WORDS if k not in ("a", "an", "half", "single"))
NUMBER_RE = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_NUMWORD})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+and\s+a\s+half)?"
    rf"|{alternation(VAGUE_NUMBERS)})"
)
UNIT_RE = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night|overnight)"
ORDINAL_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"


def parse_number(text: str) -> float | None:
    """'twenty-four' -> 24, '5 1/2' -> 5.5, 'several' -> None (unknown)."""
    text = text.lower().strip()
    half = 0.0
    if text.endswith(" 1/2"):
        text, half = text[:-4].strip(), 0.5
    elif re.search(r"\s+and\s+a\s+half$", text):
        text, half = re.sub(r"\s+and\s+a\s+half$", "", text), 0.5
    if " ".join(text.split()) in ("a couple of", "couple of"):
        return 2.0 + half
    if " ".join(text.split()) in VAGUE_NUMBERS:
        return None
    try:
        return float(text) + half
    except ValueError:
        pass
    total = 0.0
    for part in text.replace("-", " ").split():
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total + half


def spelled_year_value(words: str) -> int | None:
    """1997 for "nineteen ninety-seven", 2005 for "twenty oh five"."""
    parts = words.lower().replace("-", " ").split()
    if len(parts) < 2 or parts[0] not in ("nineteen", "twenty"):
        return None
    rest = parts[2:] if parts[1] in ("oh", "o") else parts[1:]
    if any(w not in NUMBER_WORDS for w in rest):
        return None
    return (1900 if parts[0] == "nineteen" else 2000) + int(sum(NUMBER_WORDS[w] for w in rest))


#: TIMEX3 mod values for the modifiers of ``recognise.MOD`` and ``APPROX``
MOD_CODES = {
    "early": "START",
    "the beginning of": "START",
    "beginning of": "START",
    "the start of": "START",
    "start of": "START",
    "the first half of": "START",
    "late": "END",
    "the end of": "END",
    "end of": "END",
    "the close of": "END",
    "the second half of": "END",
    "the last half of": "END",
    "the latter half of": "END",
    "mid": "MID",
    "middle": "MID",
    "the middle of": "MID",
    "middle of": "MID",
    "the turn of": "START",
}
APPROX_CODES = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "nearly": "APPROX",
    "almost": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
}
