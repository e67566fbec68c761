"""Find temporal expressions: a small grammar of compiled regexes.

Each rule names what it found (``kind``) and keeps its match, so the resolver
(``resolve.py``) reads the parts from named groups instead of re-parsing. All
rules run over the whole text once; overlapping matches are settled by keeping
the longest, which is what lets "late last month" beat "last month" and
"Aug. 7, 1998" beat "Aug. 7". Regexes over the text are far cheaper than a
second parse and need no Java.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .vocabulary import (
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    PART_OF_DAY_RE,
    SEASON_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    parse_number,
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    match: re.Match

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


# Modifiers that narrow a period: "early March", "the end of last year", "mid-1990s".
MOD = (
    r"(?:(?P<mod>early|earlier|late|later|mid|middle|the\s+middle\s+of|middle\s+of|the\s+end\s+of"
    r"|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|the\s+close\s+of"
    r"|the\s+turn\s+of|the\s+first\s+half\s+of|the\s+(?:second|last|latter)\s+half\s+of)[\s-]+)"
)
APPROX = (
    r"(?:(?P<approx>about|around|some|nearly|almost|roughly|approximately|more\s+than|less\s+than"
    r"|over|at\s+least|up\s+to|just|only|under|fewer\s+than|at\s+most)\s+)"
)
REL = r"(?P<rel>last|this|next|past|coming|previous|current|following|same|that)"
DAY_NUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A day or its week counted from a named one: "the day before last Tuesday's
# hearing", "the day after Jan. 5", "the week of March 6". Part of the
# date's own rule, so the date stays a date candidate for dating.
AROUND = r"(?:(?i:(?P<weekof>the\s+week\s+of)|(?:the\s+)?day\s+(?P<side>before|after))\s+)"
# Bare "May"/"March" are usually not months; require a preposition first.
MONTH_CUE = r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bthrough\s)|(?<=\bfrom\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bduring\s)|(?<=\bto\s)|(?<=\bfor\s))"


# A year said in words, as broadcast transcripts write it: "nineteen ninety-seven".
SPELLED_YEAR = (
    r"(?i:(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh|o)[\s-](?:one|two|three|four|five|six|seven"
    r"|eight|nine)))"
)


def _rule(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(r"(?<![\w$£€])" + pattern + r"(?![\w%])", flags)


I = re.IGNORECASE

RULES: list[tuple[str, re.Pattern]] = [
    ("iso", _rule(r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)")),
    ("slash", _rule(r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)")),
    (
        "mdy",
        _rule(
            rf"{AROUND}?(?:(?P<weekday>{WEEKDAY_RE}),?\s+)?(?P<month_name>{MONTH_RE})\s+{DAY_NUM},?\s+(?P<year>{YEAR_RE})"
        ),
    ),
    ("dmy", _rule(rf"{DAY_NUM}\s+(?:of\s+)?(?P<month_name>{MONTH_RE}),?\s+(?P<year>{YEAR_RE})")),
    (
        "md",
        _rule(
            rf"{AROUND}?(?:(?P<weekday>{WEEKDAY_RE}),?\s+)?(?:(?i:{MOD}))?(?:(?i:(?P<rel>last|next|this))\s+)?(?P<month_name>{MONTH_RE})\s+{DAY_NUM}(?!\s*[,:]\s*\d)"
        ),
    ),
    ("dm", _rule(rf"{DAY_NUM}\s+(?:of\s+)?(?P<month_name>{MONTH_RE})")),
    (
        "month",
        _rule(
            rf"(?:(?i:{MOD}))?(?:(?i:(?P<rel>last|this|next|past|coming))\s+)?"
            rf"(?P<month_name>(?:January|February|April|June|July|August|September|October|November|December"
            rf"|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)|{MONTH_CUE}(?:March|May)|(?<=[a-z][\s-])(?:March|May))"
            rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR_RE})|\s+(?P<syear>{SPELLED_YEAR})|\s+(?i:(?P<yrel>this|last|next)\s+year))?"
        ),
    ),
    (
        "season",
        _rule(
            rf"(?i:{MOD}?(?:(?P<rel>last|this|next|past|coming)\s+)(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>{YEAR_RE}))?)"
        ),
    ),
    (
        "season_year",
        _rule(
            rf"(?i:{MOD}?(?:the\s+)?(?P<season>{SEASON_RE})\s+(?:of\s+)?(?:(?P<year>{YEAR_RE})|(?P<syear>{SPELLED_YEAR})))"
        ),
    ),
    ("decade", _rule(rf"(?i:(?:the\s+)?{MOD}?(?:the\s+)?(?:(?P<decade>1[6-9]\d|20\d)0'?s|'(?P<short>\d)0s))")),
    # "the nineties", "the early sixties" (``_plausible`` wants the "the": not "in his sixties")
    (
        "decade_word",
        _rule(rf"(?i:(?:the\s+)?{MOD}?(?:the\s+)?(?P<word>(?:twen|thir|for|fif|six|seven|eigh|nine)ties))"),
    ),
    (
        "century",
        _rule(
            rf"(?i:(?:the\s+)?{MOD}?(?:(?P<num>\d\d?)(?:st|nd|rd|th)|(?P<word>eighteenth|nineteenth|twentieth|twenty-first|21st))[\s-]+century)"
        ),
    ),
    (
        "year",
        _rule(
            rf"(?:(?i:{MOD}))?(?:(?i:(?P<fiscal>fiscal|calendar|fiscal\s+year|the\s+fiscal\s+year|model\s+year|the\s+year|school\s+year))\s+)?(?P<year>{YEAR_RE})(?:-(?P<year2>\d\d))?(?!\s*(?:%|percent|[-,.]\d))"
        ),
    ),
    ("fiscal_short", _rule(r"(?i:fiscal)\s+'?(?P<yy>\d\d)")),
    (
        "quarter",
        _rule(
            rf"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|year-earlier|year-ago|same|recent|june|september|march|december|corresponding|comparable)"
            rf"(?:[\s-]+fiscal)?[\s-]+(?P<unit>quarter|half|period)(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR_RE})"
            rf"|(?P<ago>\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:ago|earlier)))?)"
        ),
    ),
    (
        "two_quarters",
        _rule(rf"(?i:(?:the\s+)?(?P<ord>first|last|final)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR_RE}))"),
    ),
    ("the_quarter", _rule(r"(?i:the\s+(?P<unit>quarter)(?!-)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?)")),
    # "for the year", "the full year", "the fiscal year ended June 30": the
    # year being reported on (or, followed by "ended", a year-long period).
    (
        "the_year",
        _rule(
            r"(?i:the\s+(?:(?:fiscal|full|calendar)\s+)?year)(?![\s-]+(?i:ago|earlier|before|after|two|thousand|\d))(?!-)"
        ),
    ),
    (
        "year_earlier",
        _rule(r"(?i:(?P<kind>year-earlier|year-ago|year-before|a\s+year\s+earlier|a\s+year\s+ago|year\s+earlier))"),
    ),
    (
        "relunit",
        _rule(
            rf"(?i:(?:{MOD})?(?:the\s+|this\s+)?(?:(?P<rel>last|this|next|past|coming|previous|current|following|same|that|latest|recent)\s+)"
            rf"(?:fiscal\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century))"
        ),
    ),
    (
        "modunit",
        _rule(
            r"(?i:(?P<mod>earlier|later|early|late)\s+(?P<rel2>this|last|next)\s+(?P<unit>week|weekend|month|year|decade|century))"
        ),
    ),
    (
        "weekday",
        _rule(
            rf"{AROUND}?(?:(?i:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+following|the\s+previous|early|late|earlier|later))\s+)?"
            rf"(?P<weekday>{WEEKDAY_RE})(?:'s)?(?:\s+(?i:(?P<part>{PART_OF_DAY_RE})))?"
        ),
    ),
    (
        "deictic",
        _rule(
            rf"(?i:(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:'s)?(?:\s+(?P<part>{PART_OF_DAY_RE}))?)"
        ),
    ),
    (
        "partofday",
        _rule(
            rf"(?i:(?P<rel>this|last|that|early\s+this|late\s+last|late\s+this|early\s+tomorrow)\s+(?P<part>{PART_OF_DAY_RE}))"
        ),
    ),
    # "by mid-afternoon", "mid-morning Tuesday": that part of a day (the day
    # named, else the one the sentence is on)
    (
        "mid_part",
        _rule(
            rf"(?i:mid[\s-]?(?P<part>morning|afternoon|evening)(?:\s+(?:on\s+)?(?:(?P<word>yesterday|today|tomorrow)"
            rf"|(?P<weekday>{WEEKDAY_RE}))(?!\w))?)"
        ),
    ),
    # "earlier that day", "the next morning": a day counted from the one the
    # narrative is on
    (
        "narrative_day",
        _rule(
            r"(?i:(?:(?P<mod>earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<part>day)"
            r"|the\s+(?P<step>next|following|previous)\s+(?P<part2>day|morning|afternoon|evening|night))"
        ),
    ),
    # "today is the eighth day of the strike": the day the copula's subject names
    (
        "nth_day",
        _rule(
            r"(?i:(?<=\bis\s)|(?<='s\s)|(?<=\bwas\s))(?i:the\s+(?:first|second|third|fourth|fifth|sixth"
            r"|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+day)(?=\s+of\b)"
        ),
    ),
    ("overnight", _rule(r"(?i:overnight)")),
    # "soon", "shortly", bare "future" and "recent" are left out: annotators
    # rarely mark them, and tagging them costs more precision than it gains.
    (
        "ref",
        _rule(
            r"(?i:(?P<word>now|currently|current|nowadays|these\s+days|presently|at\s+present|recently|lately|the\s+past|the\s+future|the\s+near\s+future"
            r"|(?<=\bat\s)a\s+later\s+date))"
        ),
    ),
    # "the challenges of the near term", "to raise money at a later date": time ahead
    ("term_ref", _rule(r"(?i:(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bover\s)|(?<=\bfor\s))the\s+(?:near|short)\s+term(?!-))")),
    (
        "spelled_year",
        _rule(
            r"(?i:(?:the\s+year\s+)?(?P<century>nineteen|twenty)[\s-]+(?P<rest>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:oh|o)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|hundred))|the\s+year\s+two\s+thousand(?:\s+and\s+(?P<small>one|two|three|four|five|six|seven|eight|nine|ten))?)"
        ),
    ),
    ("weekend", _rule(r"(?i:the\s+weekend)")),
    # "by year-end", "at the end of the year", "the end of the month": the
    # current period's end, counted from the anchor.
    (
        "period_end",
        _rule(
            r"(?i:(?P<yearend>year-end|year\s+end|year's\s+end)"
            r"|the\s+end\s+of\s+(?:the|this)\s+(?P<unit>year|month))"
        ),
    ),
    # A bare season after a preposition ("in the summer", "during the early
    # winter"); without the preposition "summer" is too often a noun modifier.
    (
        "bare_season",
        _rule(
            rf"(?i:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bover\s)|(?<=\binto\s)|(?<=\bof\s)"
            rf"|(?<=\bthrough\s)|(?<=\bthroughout\s)|(?<=\bafter\s)|(?<=\bbefore\s))"
            rf"(?i:(?:the\s+)?{MOD}?(?P<season>{SEASON_RE}))(?!\s+of\b)"
        ),
    ),
    (
        "year_quarter",
        _rule(
            rf"(?i:the\s+(?P<year>{YEAR_RE})\s+(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?P<unit>quarter|half|period))"
        ),
    ),
    (
        "rel_year_quarter",
        _rule(
            r"(?i:(?:the\s+)?(?:(?P<rel>this|last|next)\s+year's|(?P<ago>(?:comparable\s+)?(?:year-ago|year-earlier)))\s+(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|fiscal)[\s-]+)?(?P<unit>quarter|period|half))"
        ),
    ),
    ("recent_units", _rule(r"(?i:(?P<rel>recent|coming)\s+(?P<unit>years|months|weeks|days|decades))")),
    (
        "ago",
        _rule(
            rf"(?i:{APPROX}?(?P<num>{NUMBER_RE}|a|an)[\s-]+(?:(?:trading|business|working)\s+)?(?P<unit>{UNIT_RE})s?\s+(?P<dir>ago|earlier|later|from\s+now|hence|previously|(?:before|after)(?!\s+(?:the|a|an|his|her|their|its|he|she|they|it|we)\b)))"
        ),
    ),
    (
        "duration",
        _rule(
            rf"(?i:(?:the\s+)?(?:(?P<lead>first|last|past|next|previous|coming|following|final|remaining|preceding|latest|entire|whole|full|initial|additional|further|other|same|year-earlier|year-ago)\s+)?"
            rf"{APPROX}?(?P<num>{NUMBER_RE}|a|an)[\s-]+(?:(?:more|additional|extra|trading|business|working)\s+)?(?P<unit>{UNIT_RE})s?(?P<andhalf>\s+and\s+a\s+half)?(?:[\s-](?P<tail>long|old))?)"
        ),
    ),
    # "over the years", "in the coming years", "in the weeks ahead": an unknown
    # length (not "in the weeks before the vote", a stretch dated by an event)
    (
        "the_units",
        _rule(
            r"(?i:(?<=\bover\s)|(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bthroughout\s))"
            r"(?i:the\s+(?:(?:early|coming|next|past|last|following|intervening)\s+)?"
            r"(?P<unit>years|months|weeks|decades)(?:\s+ahead)?)"
            r"(?!\s+(?:before|after|since|of|leading|when|to|until)\b|\s+\d)"
        ),
    ),
    (
        "bare_units",
        _rule(
            r"(?i:(?<=for\s)|(?<=in\s)|(?<=over\s)|(?<=within\s)|(?<=than\s))(?P<unit>years|months|weeks|decades|days|hours|minutes|centuries)(?:-long)?"
        ),
    ),
    # "quarterly" and "annually" mostly qualify payments, which annotators skip.
    (
        "set",
        _rule(
            rf"(?i:(?P<adv>daily|weekly|monthly|yearly|hourly|nightly)"
            rf"|(?:every|each)\s+(?:other\s+)?(?P<every>day|week|month|year|quarter|morning|night|evening|weekend|{WEEKDAY_RE}"
            rf"|(?P<emonth>January|February|March|April|May|June|July|August|September|October|November|December))"
            rf"|per\s+(?P<per>day|week|month|year|hour)"
            rf"|(?P<times>once|twice|three\s+times|four\s+times)\s+a\s+(?P<tunit>day|week|month|year))"
        ),
    ),
    # "on Sundays", "Tuesday nights": a weekday that recurs. Written without
    # the leading look-behind (so ``re`` skips ahead to the weekday; no
    # pre-check needed); ``_plausible`` checks the word boundary instead.
    (
        "weekday_set",
        re.compile(
            r"(?P<stem>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
            r"(?:s|\s+(?i:(?P<npart>morning|afternoon|evening|night))s)(?![\w%])"
        ),
    ),
    (
        "clock",
        _rule(
            rf"(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?i:(?P<ampm>a\.m\.?|p\.m\.?|am|pm))(?:\s+(?P<zone>[ECMP][SD]T|GMT|EDT|EST))?(?:,?\s+(?:on\s+)?(?:(?P<weekday>{WEEKDAY_RE})|(?P<month_name>{MONTH_RE})\s+(?P<day>[0-3]?\d)\b))?"
        ),
    ),
    ("clock24", _rule(rf"(?i:(?P<word>noon|midnight|midday))(?:,?\s+(?:on\s+)?(?P<weekday>{WEEKDAY_RE}))?")),
    (
        "holiday",
        _rule(
            rf"(?P<name>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|Valentine's\s+Day|Halloween)(?:\s+(?P<week>[Ww]eek))?(?:,?\s+(?P<year>{YEAR_RE}))?"
        ),
    ),
]

RULE_ORDER = {name: i for i, (name, _) in enumerate(RULES)}

# --- cheap pre-checks ---------------------------------------------------------
#
# Every rule starts with a lookbehind, which stops ``re`` from skipping ahead to
# a likely first character: each rule walks the whole text position by
# position (~30-300 us per article each). Most rules cannot match without
# some literal word ("century", "quarter", a month name), and a substring test
# for it costs about a microsecond. A rule is run only when the text holds at
# least one of the words listed for it below.
#
# Each list must be complete: every match of the rule contains one of the
# words. "ci" words come from case-insensitive parts of the pattern and are
# looked for in the folded text (see ``fold``); "cs" words come from
# case-sensitive parts and are looked for in the text as it is. Where the
# words alone are common ("day", "May", "each"), a rule instead names a short
# regex: a piece every match contains ("a unit, then 'ago'"), written in lower
# case for "ci" and matched case-sensitively on the folded text. These start
# with a literal or a character class, so ``re`` skips ahead to it and the
# test costs a few microseconds. A rule with no entry always runs.
# tests/test_time_recognise_prechecks.py checks the entries against the rules.

_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Every spelling in MONTH_RE is one of these prefixes, more letters, and perhaps a full stop.
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_UNIT_WORD = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)"
_MONTH_DAY = re.compile(_MONTH_WORD + r"\s+\d")
_DAY_MONTH = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD)
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")

RULE_NEEDS: dict[str, tuple[str, tuple[str, ...] | re.Pattern]] = {
    "iso": ("cs", re.compile(r"\d-[01]\d-")),
    "slash": ("cs", ("/",)),
    "mdy": ("cs", _MONTH_DAY),
    "dmy": ("cs", _DAY_MONTH),
    "md": ("cs", _MONTH_DAY),
    "dm": ("cs", _DAY_MONTH),
    "month": ("cs", re.compile("|".join(_MONTH_PREFIXES))),
    "season": ("ci", _SEASONS),
    "season_year": ("ci", _SEASONS),
    "decade": ("ci", ("0s", "0's")),
    "decade_word": ("ci", re.compile("ties(?<=[nrfxhe]ties)")),  # (a literal first: ``re`` skips ahead)
    "century": ("ci", ("century",)),
    "year": ("cs", re.compile(r"(?:1[6-9]|20)\d\d")),  # YEAR_RE
    "fiscal_short": ("ci", ("fiscal",)),
    "quarter": ("ci", ("quarter", "half", "period")),
    "the_quarter": ("ci", ("quarter",)),
    "two_quarters": ("ci", ("quarters",)),
    "the_year": ("ci", ("year",)),
    "year_earlier": ("ci", ("year",)),
    "relunit": (
        "ci",
        re.compile(
            r"(?:last|this|next|past|coming|previous|current|following|same|that"
            r"|latest|recent)\s+(?:fiscal\s+)?(?:week|month|quarter|year|decade|century)"
        ),
    ),
    "modunit": ("ci", re.compile(r"(?:earlier|later|early|late)\s+(?:this|last|next)\s")),
    "weekday": ("cs", re.compile("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")),
    "deictic": ("ci", ("today", "tonight", "yesterday", "tomorrow")),
    "partofday": ("ci", ("morning", "afternoon", "evening", "night")),
    "mid_part": ("ci", re.compile(r"mid[\s-]?(?:morning|afternoon|evening)")),
    "narrative_day": (
        "ci",
        re.compile(
            r"(?:that|same|next|following|previous)\s+(?:day|morning|afternoon|evening"
            r"|night)"
        ),
    ),
    "nth_day": (
        "ci",
        re.compile(
            r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:st|nd|rd"
            r"|th))\s+day"
        ),
    ),
    "overnight": ("ci", ("overnight",)),
    "ref": ("ci", re.compile("now|current|these|present|recent|lately|later|past|future")),
    "term_ref": ("ci", re.compile("term")),
    "spelled_year": ("ci", ("nineteen", "twenty", "thousand")),
    "weekend": ("ci", ("weekend",)),
    "period_end": ("ci", ("end",)),
    "bare_season": ("ci", _SEASONS),
    "year_quarter": ("ci", ("quarter", "half", "period")),
    "rel_year_quarter": ("ci", ("quarter", "period", "half")),
    "recent_units": ("ci", ("recent", "coming")),
    "ago": (
        "ci",
        re.compile(
            _UNIT_WORD + r"[a-z]*\s+(?:ago|earlier|later|from\s+now|hence|previously"
            r"|before|after)"
        ),
    ),
    "duration": ("ci", re.compile(r"[\s-]" + _UNIT_WORD)),  # a number, then a unit
    "the_units": ("ci", re.compile(r"the\s+(?:[a-z]+\s+)?(?:years|months|weeks|decades)")),
    "bare_units": ("ci", ("years", "months", "weeks", "decades", "days", "hours", "minutes", "centuries")),
    # (flat alternatives, each starting with a letter, let ``re`` skip ahead)
    "set": (
        "ci",
        re.compile(
            r"daily|weekly|monthly|yearly|hourly|nightly|every\s|each\s|per\s"
            r"|once\s+a\s|twice\s+a\s|times\s+a\s"
        ),
    ),
    "clock": ("ci", re.compile(r"\d(?::[0-5]\d)?\s*(?:a\.m|p\.m|am|pm)")),
    "clock24": ("ci", ("noon", "midnight", "midday")),
    "holiday": (
        "cs",
        (
            "Christmas",
            "New",
            "Thanksgiving",
            "Independence",
            "Labor",
            "Memorial",
            "Election",
            "Easter",
            "Valentine",
            "Halloween",
        ),
    ),
}

#: The only non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII
#: letter (dotted and dotless I, long s, Kelvin sign); ``str.lower`` alone
#: would miss the long s and turn the dotted I into two characters.
_CASE_ALIASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased so that an ASCII word is a substring of it whenever
    ``re.IGNORECASE`` would match the word in ``text``."""
    if text.isascii():
        return text.lower()
    return text.translate(_CASE_ALIASES).lower()


# --- matching only where a match can be ----------------------------------------
#
# A rule that runs still walks the whole text. The matches of the costliest
# rules are made of few kinds of character (word characters, spaces, hyphens,
# and some of "./,:'"), and hold their RULE_NEEDS piece (a regex). So every
# match lies inside one stretch between "barrier" characters (all the others)
# that holds the piece. Matching just those stretches, each up to and
# including the barrier that ends it, finds exactly the matches of the whole
# text, at a third of the cost, provided that
#   - no character a match can contain is a barrier,
#   - every look-ahead reads only non-barrier characters and then at most one
#     more (the barrier is inside the searched range, so it is seen as in the
#     whole text); look-behinds see before the start position anyway,
#   - no character of the piece is a barrier (so pieces that ``finditer``
#     passes over, overlapping a found one, lie in the same stretch).
# A new entry needs the same check of its rule; the tests compare both ways.

RULE_BARRIERS: dict[str, re.Pattern] = {
    "duration": re.compile(r"[^\w\s./-]"),  # "2 1/2 years", "3.5 days"
    "ago": re.compile(r"[^\w\s./-]"),  # as "duration"; its "(?!\s+(?:the|a|...)\b)" reads words
    "month": re.compile(r"[^\w\s.,-]"),  # "Jan.", "March, 2019"
    "md": re.compile(r"[^\w\s.,:-]"),  # "Monday, Jan. 5"; "(?!\s*[,:]\s*\d)" reads ",:"
    "mdy": re.compile(r"[^\w\s.,-]"),  # "Jan. 5, 1998"
    "relunit": re.compile(r"[^\w\s-]"),  # "the middle-last week"
    "year": re.compile(r"[^\w\s.,-]"),  # "1998-99"; "(?!\s*(?:%|percent|[-,.]\d))" reads "-,.", then "%"
    "weekday": re.compile(r"[^\w\s']"),  # "Tuesday's"
    "ref": re.compile(r"[^\w\s]"),  # "these days"
    "decade_word": re.compile(r"[^\w\s-]"),  # "the mid-sixties"
    "term_ref": re.compile(r"[^\w\s]"),  # "(?!-)" reads the barrier after "term"
}


def matches(kind: str, pattern: re.Pattern, text: str, folded: str):
    """``pattern.finditer(text)`` for the rule ``kind``; ``folded`` is ``fold(text)``."""
    barrier = RULE_BARRIERS.get(kind)
    # (folding keeps offsets unless some character lower-cases to two)
    if barrier is None or len(folded) != len(text):
        return pattern.finditer(text)
    mode, piece = RULE_NEEDS[kind]
    return _matches_in_stretches(pattern, text, piece, folded if mode == "ci" else text, barrier)


def _matches_in_stretches(pattern: re.Pattern, text: str, piece: re.Pattern, haystack: str, barrier: re.Pattern):
    barriers: list[int] | None = None
    done = 0  # the stretches before this offset are matched
    for hit in piece.finditer(haystack):
        at = hit.start()
        if at < done:
            continue
        if barriers is None:
            barriers = [m.start() for m in barrier.finditer(text)]
        k = bisect.bisect_right(barriers, at)
        start = barriers[k - 1] + 1 if k else 0
        end = barriers[k] + 1 if k < len(barriers) else len(text)
        yield from pattern.finditer(text, start, end)
        done = end


def rules_for(text: str) -> list[tuple[str, re.Pattern]]:
    """The rules that can match somewhere in ``text``, in ``RULES`` order."""
    folded = fold(text)
    haystacks = {"ci": folded, "cs": text}
    found: dict[int, bool] = {}  # by id of a need several rules share
    kept = []
    for kind, pattern in RULES:
        need = RULE_NEEDS.get(kind)
        if need is not None:
            present = found.get(id(need[1]))
            if present is None:
                haystack, words = haystacks[need[0]], need[1]
                if isinstance(words, re.Pattern):
                    present = words.search(haystack) is not None
                else:
                    present = any(word in haystack for word in words)
                found[id(need[1])] = present
            if not present:
                continue
        kept.append((kind, pattern))
    return kept


def recognise(text: str) -> list[Candidate]:
    """All temporal expressions in ``text``, non-overlapping, in text order."""
    return list(_recognise(text))


@functools.lru_cache(maxsize=4)
def _recognise(text: str) -> tuple[Candidate, ...]:
    """Cached: tagging and dating an undated article both need the
    candidates of the same text, and the regex pass is the costly part."""
    found: list[Candidate] = []
    folded = fold(text)
    for kind, pattern in rules_for(text):
        for match in matches(kind, pattern, text, folded):
            if match.end() > match.start():
                found.append(Candidate(match.start(), match.end(), kind, match))
    # Longest wins; at equal length the rule listed first (more specific) wins.
    found.sort(key=lambda c: (-(c.end - c.start), RULE_ORDER[c.kind], c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for cand in found:
        if any(occupied[cand.start : cand.end]):
            continue
        if not _plausible(cand, text):
            continue
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    for cand in [c for c in taken if c.kind in ("md", "dm")]:
        # "on April 24 and 25": the second day is a date of its own
        if (m := _NEXT_DAY.match(text, cand.end)) and not any(occupied[m.start("day") : m.end("day")]):
            taken.append(Candidate(m.start("day"), m.end("day"), "next_day", m))
    taken.sort(key=lambda c: c.start)
    return tuple(taken)


_NEXT_DAY = re.compile(r"\s*(?:and|or|to|through|-)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w%$:/]|[.,]\s*\d)")


#: rules whose words are common nouns and adverbs, written in lower case in running text
_LOWER_CASE_KINDS = frozenset(
    (
        "relunit",
        "modunit",
        "duration",
        "clock24",
        "deictic",
        "ref",
        "partofday",
        "mid_part",
        "narrative_day",
        "nth_day",
        "the_quarter",
        "the_year",
        "weekend",
        "recent_units",
        "bare_units",
        "the_units",
        "term_ref",
        "overnight",
    )
)
_PROPER_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
_QUOTES = "\"'`\u2018\u2019\u201c\u201d "


def _in_a_name(cand: Candidate, text: str) -> bool:
    """A capitalised word that does not begin a sentence: the expression is
    part of a title or name (ABC's "This Week", CBS's "60 Minutes", "High
    Noon", "VOA Today")."""
    matched = text[cand.start : cand.end]
    if matched.islower() or matched.isupper():
        return False  # (most expressions: no word to look at)
    for word in re.finditer(r"[A-Za-z]+", matched):
        if not word.group()[0].isupper() or word.group().lower() in _PROPER_TIME_WORDS:
            continue
        at = cand.start + word.start()
        before = text[max(0, at - 40) : at].rstrip(_QUOTES)
        if before and before[-1] not in ".!?:;\n_-)\u2013\u2014":  # (a dateline ends in "_", "--", ")")
            return not _title_case_line(text, cand)
    return False


def _title_case_line(text: str, cand: Candidate) -> bool:
    """A headline in title case: "Talks to Resume Next Week"."""
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    longer = re.findall(r"[A-Za-z]{4,}", text[line_start : line_end if line_end >= 0 else len(text)])
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


#: what "today's" says of an age ("today's youth", "in today's fast-changing
#: world"), not of the day ("today's meeting")
_ERA_NOUN = re.compile(
    r"(?i)\s+(?:[a-z-]+\s+){0,2}?(?:world|society|youth|young|generations?|children|kids"
    r"|teenagers|families|economy|culture|technology|consumers|students|workforce|standards)\b"
)


#: what a span measures when it is an amount, not a time
_AMOUNT_OF = re.compile(
    r"(?i)(?:['\u2019]|\s+(?:worth\s+)?of)\s+(?:(?:base|gross|net|annual|full|their|his|her|its)\s+)?"
    r"(?:pay|salary|salaries|wages|severance|rent|supplies|supply|output|production|consumption)\b"
)
#: a date said right after "recently" ("as recently as 1998", "most recently on Monday")
_DATE_AFTER = re.compile(
    rf"\s+(?:(?:as|in|on|at)\s+)*(?:(?i:last|this|next)\s+(?:(?i:week|month|year|{SEASON_RE})"
    rf"|{MONTH_RE}|{WEEKDAY_RE})|{MONTH_RE}|{WEEKDAY_RE}|{YEAR_RE}|(?i:yesterday|today))\b"
)


def _plausible(cand: Candidate, text: str) -> bool:
    """Reject readings that are almost never temporal in news prose."""
    kind = cand.kind
    before = text[max(0, cand.start - 30) : cand.start]
    if kind == "weekday_set" and re.match(r"[\w$£€]", before[-1:]):
        return False  # (the boundary other rules check with a look-behind)
    if kind in _LOWER_CASE_KINDS and _in_a_name(cand, text):
        return False
    if kind in ("md", "dm", "mdy", "dmy", "iso", "slash"):
        day = cand.group("day")
        if day and not 1 <= int(day) <= 31:
            return False
    if kind == "year":
        if re.search(r"(?:\$|No\.|no\.|#|\bRoute|\bFlight|\bflight|\bRoom|\bnumber)\s*$", before):
            return False
        after = text[cand.end : cand.end + 12]
        if re.match(
            r"\s+(?:people|troops|soldiers|workers|jobs|shares|employees|tons|acres|miles|feet|points|members|students|cars|units|homes|years|dollars)\b",
            after,
        ):
            return False
    if (
        kind == "period_end"
        and cand.group("yearend")
        and re.match(r"\s+[a-z]", text[cand.end : cand.end + 2])
        and not re.search(
            r"(?i)\b(?:by|at|since|around|until|till|before|after|through|to|from|near|of|toward)\s+$", before
        )
    ):
        return False  # "when year-end net was lower": an adjective, as "year-end bonus"
    if kind == "decade_word" and (
        not text[cand.start : cand.end].lower().startswith("the")
        or re.match(r"\s+(?:degrees|percent|mph)\b", text[cand.end : cand.end + 10])
    ):
        return False  # "the nineties" is a decade; "in his sixties" an age, "the low sixties" a reading
    if (
        kind == "month"
        and text[cand.start : cand.end] in ("March", "May")
        and re.match(rf"\s+(?:for|on|against|of)\s+(?:the\s+)?(?!{WEEKDAY_RE})[A-Z]", text[cand.end : cand.end + 30])
    ):
        return False  # "the annual March for Life", "the March on Washington": a name
    if kind == "ref":
        word = cand.group("word").lower()
        if word == "current" and re.match(r"\s+account", text[cand.end : cand.end + 10]):
            return False
        if word == "the future" and re.match(r"\s+of\b", text[cand.end : cand.end + 4]):
            return False  # "the future of the alliance" is its fate, not a time
        if word == "recently" and _DATE_AFTER.match(text, cand.end, cand.end + 40):
            return False  # "most recently last October": the date that follows says when
    if (
        kind == "deictic"
        and re.match(r"(?i)(?:tomorrow|yesterday)$", text[cand.start : cand.end])
        and re.search(r"(?i)\bof\s+$", before)
    ):
        return False  # "the people of tomorrow": an age, not a day
    if (
        kind == "deictic"
        and re.match(r"(?i)(?:today|tomorrow|yesterday)['\u2019]s$", text[cand.start : cand.end])
        and (_ERA_NOUN.match(text, cand.end) or re.search(r"(?i)\b(?:many|most|some|all|much|few)\s+of\s+$", before))
    ):
        return False  # "today's youth", "most of today's computers": an age, not a day
    if kind == "clock24" and re.search(r"(?i)\bhigh\s+$", before):
        return False  # "high noon" is a decisive moment
    if kind == "duration":
        if cand.group("tail") and cand.group("tail").lower() == "old":
            return False  # ages are not annotated as durations
        if re.match(r"[\s-]+old\b", text[cand.end : cand.end + 6]):
            return False
        if _AMOUNT_OF.match(text, cand.end, cand.end + 40):
            return False  # "a bonus of six months of base pay", "two years' supply": an amount
        num = (cand.group("num") or "").lower()
        unit = (cand.group("unit") or "").lower()
        if (
            num in ("a", "an")
            and unit in ("second", "quarter", "half", "minute")
            and not cand.group("lead")
            and not cand.group("andhalf")
        ):
            return False
        if unit == "quarter" and not cand.group("lead") and num in ("a", "an", "one"):
            return False
        if unit == "second" and num in ("a", "an", "one"):
            return False
        if (
            unit == "quarter"
            and re.match(r"s?\s+of\b", text[cand.end : cand.end + 5])
            and parse_number(num) is not None
        ):
            return False  # "three-quarters of the vote" is a fraction ("several quarters of losses" is not)
    return True
