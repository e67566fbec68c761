"""Turn a recognised expression into a TIMEX3 type and value.

Relative expressions are resolved against the publication date (``anchor``)
by default; expressions that count from "then" ("a year earlier", "two days
later", "the following week") use the last date the narrative mentioned.
``direction`` (-1 past, +1 future, 0 unknown) comes from the tense of the
governing verb, so "will meet Thursday" and "met Thursday" differ.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .normalise import (  # duration_value is imported from here by callers too
    SEASON_END,
    SEASON_START,
    add_months,
    day_value,
    duration_value,
    holiday_date,
    iso_week_value,
    quarter_of,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    shift,
)
from .periods import PeriodRules
from .recognise import Candidate
from .resolved import Resolved, in_present_perfect, mod_code as _mod, month_number as _month
from .vocabulary import (
    APPROX_CODES,
    PARTS_OF_DAY,
    SEASONS,
    SET_VALUES,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    parse_number,
    spelled_year_value,
)


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "CE"
    return UNITS[word.rstrip("s")][0] if word.rstrip("s") in UNITS else UNITS[word][0]


#: Units of a span counted from the narrative's day ("three days later",
#: "an hour earlier"). Years and quarters are left dates: "a year earlier"
#: names the period a results story compares with.
_NARRATIVE_UNITS = {"S", "H", "M", "D", "W"}
#: a figure compared with a time before it: "from 3.1% a month earlier",
#: "than a week earlier" names that time, not a span
_COMPARED = re.compile(
    r"(?i)(?:\b(?:from|than|with|versus|vs\.|against|over)"
    r"|[$\u00a3\u20ac#]\s*\d[\d,.]*(?:\s+(?:million|billion|trillion))?"
    r"|\d[\d,.]*\s*(?:%|percent|cents?|pence|million|billion|trillion|points?|shares?))[\s,]*$"
)

#: "Monday" of "on Monday and Tuesday nights", a weekday that recurs with the next
_WEEKDAY_PAIR_SET = re.compile(rf"\s+(?:and|or)\s+{WEEKDAY_RE}\s+(?i:(morning|afternoon|evening|night)s)\b")

#: a paragraph that opens a new item of a news digest
_NEW_ITEM = re.compile(r"\n\s*Separately,")


class Resolver(PeriodRules):
    """Resolves the expressions of one document in text order (the rules
    for quarters and fiscal periods are in ``periods.PeriodRules``)."""

    def __init__(self, anchor: date | None):
        self.anchor = anchor
        self.last: date | None = anchor  # the narrative anchor
        self.last_granularity = "day"
        self.last_explicit_year: int | None = None
        self.last_quarter_context = False
        #: the narrative reports on a run of months ("for the nine months"),
        #: so a comparison with "a year earlier" is with that run, not a
        #: quarter: how many months (0 when it does not)
        self.months_context = 0
        #: the first past quarter the text names: the period a results story reports on
        self.reported_quarter: date | None = None
        self.last_explicit_end = -(10**9)
        self.last_stated: date | None = None
        self.last_stated_end = -(10**9)
        self.last_end = -(10**9)
        #: month -> (year, end offset) of its last mention with a month name
        self.month_years: dict[int, tuple[int, int]] = {}
        self._start = 0
        self._end = 0
        self._kind = ""

    # -- helpers ---------------------------------------------------------------
    def _narrative(self) -> date | None:
        """The date "a year earlier" or "two days later" counts from: the
        last date the text stated outright, else the publication date.
        Relative mentions do not move it, so chains of "a year earlier"
        do not drift back year after year."""
        return self.last_stated or self.anchor

    def _day_named(self) -> bool:
        """Whether the text has named a day (not only the anchor) that the narrative is on."""
        return self.last is not None and self.last_end >= 0 and self.last_granularity == "day"

    def _note(self, found: Resolved) -> Resolved:
        # "Three days later" moves the narrative to the day it lands on,
        # though TimeML calls the expression itself a duration
        res = found.implied if found.implied is not None else found
        if (
            res.reference is not None
            and res.type in ("DATE", "TIME")
            and res.granularity in ("day", "month")
            and self._kind in ("iso", "slash", "mdy", "dmy", "md", "dm", "month")
        ):
            self.last_stated = res.reference
            self.last_stated_end = self._end
            if res.basis == "relative":
                # (a month with its year stated, "born in March 1950", is
                # often backstory; a later bare "March" need not be that one)
                self.month_years[res.reference.month] = (res.reference.year, self._end)
        if res.reference is not None and res.type in ("DATE", "TIME") and not self._ends_a_period():
            self.last = res.reference
            self.last_end = self._end
            self.last_granularity = res.granularity
            self.last_quarter_context = res.granularity == "quarter"
            if res.granularity == "quarter":
                self.months_context = 0
            if (
                res.granularity == "quarter"
                and self.reported_quarter is None
                and self.anchor is not None
                and add_months(res.reference, 3) <= self.anchor
                and (self.anchor - res.reference).days <= 366
                and not res.value.startswith("P")
            ):
                # (a quarter that has ended: one still running is forecast, not reported on)
                self.reported_quarter = res.reference
        return found

    def _ends_a_period(self) -> bool:
        """The expression is the last day of a period just named ("the
        quarter ended Sept. 30", "the six months ending Aug. 12"): the
        narrative stays on that period."""
        return (
            self._kind in ("md", "mdy", "dm", "dmy")
            and re.search(
                r"(?i)\b(?:quarter|period|half|months|weeks|year)\s+(?:ended|ending)\s+$",
                self._text[max(0, self._start - 24) : self._start],
            )
            is not None
        )

    def resolve(self, cand: Candidate, direction: int, text: str) -> Resolved | None:
        if self.reported_quarter is not None and _NEW_ITEM.search(text, max(self._end, 0), cand.start):
            # "Separately, America West reported third-quarter profit ...": a
            # digest moves to another company, which reports on its own quarter
            self.reported_quarter = None
        self._text = text
        self._start = cand.start
        self._end = cand.end
        self._kind = cand.kind
        handler = getattr(self, "_" + cand.kind, None)
        if handler is None:
            return None
        try:
            res = handler(cand, direction, text)
        except (ValueError, OverflowError, KeyError):
            return None  # an impossible date ("Feb. 30") is not an expression of time
        if res is not None and res.basis == "explicit" and res.value[:4].isdigit() and res.type == "DATE":
            self.last_explicit_year = int(res.value[:4])
            self.last_explicit_end = cand.end
        return self._note(res) if res is not None else None

    # -- explicit dates --------------------------------------------------------
    def _iso(self, c, direction, text):
        d = date(int(c.group("year")), int(c.group("month")), int(c.group("day")))
        self.last_explicit_year = d.year
        return Resolved("DATE", day_value(d), "explicit", reference=d)

    def _slash(self, c, direction, text):
        year = int(c.group("year"))
        if year < 100:
            year += 1900 if year > 40 else 2000
        try:
            d = date(year, int(c.group("month")), int(c.group("day")))
        except ValueError:
            return None
        return Resolved("DATE", day_value(d), "explicit", reference=d)

    def _mdy(self, c, direction, text):
        return self._around(c, self._mdy_date(c))

    def _mdy_date(self, c):
        try:
            d = date(int(c.group("year")), _month(c.group("month_name")), int(c.group("day")))
        except ValueError:
            return None
        self.last_explicit_year = d.year
        return Resolved("DATE", day_value(d), "explicit", reference=d)

    _dmy = _mdy

    def _md(self, c, direction, text):
        return self._around(c, self._md_date(c, direction))

    def _md_date(self, c, direction):
        month, day = _month(c.group("month_name")), int(c.group("day"))
        mod = _mod(c)
        # A year stated earlier in the sentence is a past one; a date the
        # verb looks ahead to ("will join on March 12") is not in it.
        base = self._year_context(c) if direction <= 0 else None
        if base is not None:
            try:
                d = date(base, month, day)
                return Resolved("DATE", day_value(d), "explicit", mod, reference=d)
            except ValueError:
                return None
        if self.anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", "relative", mod)
        rel = (c.group("rel") or "").lower()
        weekday = c.group("weekday")
        if weekday:
            d = self._fit_weekday(month, day, WEEKDAYS[weekday.lower()])
        elif rel:
            d = resolve_month_day(self.anchor, month, day, -1 if rel == "last" else 1)
        else:
            # Deadlines and schedules in past-tense sentences ("set Nov. 10 as
            # the deadline") still point ahead, so tense only decides when the
            # nearest reading is far off.
            d = resolve_month_day(self.anchor, month, day, 0)
            if d is not None and direction < 0 and (d - self.anchor).days > 60:
                d = resolve_month_day(self.anchor, month, day, -1)
            elif d is not None and direction > 0 and (self.anchor - d).days > 60:
                d = resolve_month_day(self.anchor, month, day, 1)
        if d is None:
            return None
        return Resolved("DATE", day_value(d), "relative", mod, reference=d)

    _dm = _md

    def _next_day(self, c, direction, text):
        """ "April 24 and 25": the day after "and" is in the month just named."""
        if self.last_stated is None or c.start - self.last_stated_end > 12:
            return None
        d = self.last_stated.replace(day=int(c.group("day")))
        if d < self.last_stated:
            return None  # ("July 30 to 2" is not a range this reads)
        return Resolved("DATE", day_value(d), "relative", reference=d)

    def _around(self, c, res: Resolved | None) -> Resolved | None:
        """ "the week of March 6": the (ISO) week that holds the day; "the day
        before last Tuesday('s hearing)", "the day after Jan. 5": one day
        back or on. Without an anchor, the day as far as it is known, which
        dating reads as evidence."""
        if res is None or not (c.group("weekof") or c.group("side")) or res.granularity != "day":
            return res
        if c.group("weekof"):
            if res.reference is None:
                return res
            return Resolved(
                "DATE", iso_week_value(res.reference), res.basis, reference=res.reference, granularity="week"
            )
        step = -1 if c.group("side").lower() == "before" else 1
        if res.reference is None:
            if m := re.fullmatch(r"XXXX-WXX-([1-7])", res.value):
                return Resolved("DATE", f"XXXX-WXX-{(int(m[1]) - 1 + step) % 7 + 1}", res.basis)
            if m := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", res.value):
                d = date(2001, int(m[1]), int(m[2])) + timedelta(days=step)  # (a year without Feb. 29)
                if d.year == 2001 and (d.month, d.day) != (2, 28) and (int(m[1]), int(m[2])) != (2, 28):
                    return Resolved("DATE", f"XXXX-{d.month:02d}-{d.day:02d}", res.basis)
            return res
        d = res.reference + timedelta(days=step)
        return Resolved(res.type, day_value(d), res.basis, res.mod, reference=d)

    def _fit_weekday(self, month: int, day: int, weekday: int) -> date | None:
        """'Monday, Oct. 26': the year near the anchor where that day is a Monday."""
        best = None
        for year in range(self.anchor.year - 6, self.anchor.year + 2):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if d.isoweekday() == weekday and (
                best is None or abs((d - self.anchor).days) < abs((best - self.anchor).days)
            ):
                best = d
        return best or resolve_month_day(self.anchor, month, day, 0)

    def _same_sentence(self, end: int, start: int) -> bool:
        """No sentence or paragraph break between offsets ``end`` and ``start``."""
        between = self._text[end:start]
        return not (re.search(r"[.!?]['\"]*\s+[A-Z\"`']", between) or "\n" in between)

    def _year_context(self, c) -> int | None:
        """A year stated just before ('In 1994, ... on March 5') governs a
        month and day without one, when it is not the anchor's year."""
        if self.last_explicit_year is None or c.start - self.last_explicit_end > 80:
            return None
        between = self._text[self.last_explicit_end : c.start]
        if re.search(r"[.!?]['\"]*\s+[A-Z\"`']", between) or "\n" in between:
            return None  # only within the sentence that states the year
        if self.anchor is not None and self.last_explicit_year >= self.anchor.year - 1:
            return None
        return self.last_explicit_year

    def _month(self, c, direction, text):
        month = _month(c.group("month_name"))
        mod = _mod(c)
        if (year := self._stated_year(c)) is not None:
            self.last_explicit_year = year
            return Resolved(
                "DATE", f"{year}-{month:02d}", "explicit", mod, reference=date(year, month, 1), granularity="month"
            )
        rel = (c.group("rel") or "").lower()
        base = self._year_context(c)
        if base is not None and not rel:
            return Resolved(
                "DATE", f"{base}-{month:02d}", "explicit", mod, reference=date(base, month, 1), granularity="month"
            )
        if self.anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}", "relative", mod)
        if rel in ("last", "past"):
            direction = -1
            # (the month just ended is "last month"; named, "last February" said in
            # March is the one a year before)
            year = self.anchor.year if month < self.anchor.month - 1 else self.anchor.year - 1
        elif rel in ("next", "coming"):
            year = self.anchor.year if month > self.anchor.month else self.anchor.year + 1
        elif rel == "this":
            year = self.anchor.year  # "this September" is the current year's, past or ahead
        elif c.group("yrel"):
            year = self.anchor.year + {"this": 0, "last": -1, "next": 1}[c.group("yrel").lower()]
        elif (
            (named := self.month_years.get(month)) is not None
            and self._start - named[1] <= 1200
            and not (direction < 0 and named[0] > self.anchor.year)
            and not (direction > 0 and named[0] < self.anchor.year)
        ):
            # "expected to join in April ... the summit in April": a month
            # named again a few sentences on is the same month, unless the
            # tense says otherwise ("repay the loan by February ... bought
            # it in February").
            year = named[0]
        else:
            year = resolve_month(self.anchor, month, direction)
        return Resolved(
            "DATE", f"{year}-{month:02d}", "relative", mod, reference=date(year, month, 1), granularity="month"
        )

    def _year(self, c, direction, text):
        year = int(c.group("year"))
        self.last_explicit_year = year
        if "half" in (c.group("mod") or "").lower() and not c.group("fiscal"):
            # "the first half of 1989" is a half-year of its own in TimeML (1989-H1), not
            # the year's start
            half = 1 if "first" in c.group("mod").lower() else 2
            return Resolved(
                "DATE", f"{year}-H{half}", "explicit", reference=date(year, 6 * half - 5, 1), granularity="quarter"
            )
        return Resolved("DATE", str(year), "explicit", _mod(c), reference=date(year, 1, 1), granularity="year")

    def _stated_year(self, c) -> int | None:
        """The year a month or season states, in digits or in words."""
        if c.group("year"):
            return int(c.group("year"))
        return spelled_year_value(c.group("syear")) if c.group("syear") else None

    def _spelled_year(self, c, direction, text):
        from .vocabulary import NUMBER_WORDS

        if c.group("century") is None:
            year = 2000 + NUMBER_WORDS.get((c.group("small") or "").lower(), 0)
        else:
            century = 1900 if c.group("century").lower() == "nineteen" else 2000
            rest = c.group("rest").lower().replace("-", " ").split()
            if rest[0] in ("oh", "o"):
                rest = rest[1:]
            year = century + (0 if rest == ["hundred"] else int(sum(NUMBER_WORDS[w] for w in rest)))
        return Resolved("DATE", str(year), "explicit", reference=date(year, 1, 1), granularity="year")

    def _weekend(self, c, direction, text):
        if self.anchor is None:
            return Resolved("DATE", "XXXX-WXX-WE", "relative")
        saturday = resolve_weekday(self.anchor, 6, -1 if direction <= 0 else 1)
        return Resolved("DATE", iso_week_value(saturday) + "-WE", "relative", reference=saturday, granularity="week")

    def _decade(self, c, direction, text):
        if c.group("decade"):
            value = c.group("decade")
        elif c.group("word"):
            # "the nineties": the latest such decade up to the anchor
            tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(
                c.group("word").lower()
            ) + 2
            century = self.anchor.year // 100 if self.anchor else 19
            if self.anchor and century * 100 + tens * 10 > self.anchor.year:
                century -= 1
            value = f"{century}{tens}"
        else:
            century = self.anchor.year // 100 if self.anchor else 19
            if self.anchor and (century * 100 + int(c.group("short")) * 10) > self.anchor.year:
                century -= 1  # "the '90s" said in 2021: the 1990s, not a decade ahead
            value = f"{century}{c.group('short')}"
        return Resolved("DATE", value, "explicit", _mod(c), granularity="decade")

    def _century(self, c, direction, text):
        if c.group("num"):
            n = int(c.group("num"))
        else:
            n = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21}[
                c.group("word").lower()
            ]
        return Resolved("DATE", f"{n - 1:02d}", "explicit", _mod(c), granularity="century")

    def _season(self, c, direction, text):
        code = SEASONS[c.group("season").lower()]
        mod = _mod(c)
        if (year := self._stated_year(c)) is not None:
            return Resolved("DATE", f"{year}-{code}", "explicit", mod, granularity="season")
        if self.anchor is None:
            return Resolved("DATE", f"XXXX-{code}", "relative", mod)
        rel = (c.group("rel") or "").lower()
        year = self.anchor.year
        if rel in ("last", "past"):
            year -= 1 if not (code == "WI" and self.anchor.month <= 2) else 1
            if code != "WI" and self.anchor.month > SEASON_END[code]:
                year += 1
        elif rel in ("next", "coming"):
            if self.anchor.month >= SEASON_START[code] and code != "WI":
                year += 1
        elif code == "WI" and self.anchor.month <= 2:
            year -= 1
        return Resolved("DATE", f"{year}-{code}", "relative", mod, granularity="season")

    _decade_word = _decade
    _season_year = _season

    def _bare_season(self, c, direction, text):
        """ "in the summer": this year's, or last year's when it has not
        begun by the anchor and the verb looks back."""
        code = SEASONS[c.group("season").lower()]
        if self.anchor is None:
            return Resolved("DATE", f"XXXX-{code}", "relative", _mod(c))
        year = self.anchor.year
        if direction < 0 and self.anchor.month < SEASON_START[code] and code != "WI":
            year -= 1
        elif code == "WI" and self.anchor.month <= 2:
            year -= 1
        return Resolved("DATE", f"{year}-{code}", "relative", _mod(c), granularity="season")

    # -- relative to the anchor ------------------------------------------------
    def _relunit(self, c, direction, text):
        unit = c.group("unit").lower()
        rel = c.group("rel").lower()
        mod = _mod(c)
        code = {
            "week": "W",
            "weekend": "WE",
            "month": "M",
            "quarter": "Q",
            "year": "Y",
            "decade": "DE",
            "century": "CE",
        }[unit]
        step = {
            "last": -1,
            "past": -1,
            "previous": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
            "this": 0,
            "current": 0,
            "same": 0,
            "that": 0,
            "latest": -1,
            "recent": -1,
        }[rel]
        base = self.anchor
        if rel in ("following", "previous", "same", "that"):
            base = self.last
        if base is None:
            return Resolved(
                "DATE",
                {
                    "W": "XXXX-WXX",
                    "WE": "XXXX-WXX-WE",
                    "M": "XXXX-XX",
                    "Q": "XXXX-QX",
                    "Y": "XXXX",
                    "DE": "XXX",
                    "CE": "XX",
                }[code],
                "relative",
                mod,
            )
        if code in ("DE", "CE") and rel == "past" and not mod:
            # "over the past decade" is the ten years up to now, not the
            # previous calendar decade ("the 1980s" said in 1998)
            return Resolved("DURATION", duration_value(1, code), "explicit")
        if code == "Q" and rel in ("this", "same") and (ref := self._reported_quarter()) is not None:
            return Resolved("DATE", f"{ref.year}-Q{quarter_of(ref)}", "relative", reference=ref, granularity="quarter")
        if code == "Q" and rel == "latest":
            ref = self._reported_quarter()  # the quarter the story reports on, else the last ended
            ly, lq = (ref.year, quarter_of(ref)) if ref is not None else self._last_quarter()
            return Resolved("DATE", f"{ly}-Q{lq}", "relative", reference=date(ly, 3 * lq - 2, 1), granularity="quarter")
        value, ref = shift(base, step, code)
        gran = {"W": "week", "WE": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}[
            code
        ]
        return Resolved("DATE", value, "relative", mod, reference=ref, granularity=gran)

    def _modunit(self, c, direction, text):
        unit = c.group("unit").lower()
        code = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
        step = {"last": -1, "this": 0, "next": 1}[c.group("rel2").lower()]
        word = c.group("mod").lower()
        mod = {"early": "START", "late": "END"}.get(word)
        if self.anchor is None:
            return Resolved(
                "DATE",
                {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}[code],
                "relative",
                mod,
            )
        value, ref = shift(self.anchor, step, code)
        return Resolved(
            "DATE",
            value,
            "relative",
            mod,
            reference=ref,
            granularity={"W": "week", "WE": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century"}[code],
        )

    def _weekday(self, c, direction, text):
        if (
            not c.group("rel")
            and not c.group("part")
            and (pair := _WEEKDAY_PAIR_SET.match(text, c.end, c.end + 40)) is not None
        ):
            # "on Monday and Tuesday nights": the plural makes both recur
            weekday = WEEKDAYS[c.group("weekday").lower()]
            return Resolved("SET", f"XXXX-WXX-{weekday}T{PARTS_OF_DAY[pair.group(1).lower()]}", "explicit")
        return self._around(c, self._weekday_date(c, direction, text))

    def _weekday_date(self, c, direction, text):
        weekday = WEEKDAYS[c.group("weekday").lower()]
        rel = " ".join((c.group("rel") or "").lower().split())
        part = (c.group("part") or "").lower()
        # TimeML gives "Friday evening" its part ("...TEV"). "Friday night"
        # and "Friday morning" are as often given the day alone (the night
        # runs into the next day; the morning is the working day's start),
        # and "Friday" alone is often tagged when "night" follows: for
        # those the day's value is right more often.
        suffix = f"T{PARTS_OF_DAY[part]}" if part in ("evening", "afternoon") else ""
        kind = "TIME" if suffix else "DATE"  # a day's value is a DATE
        if text[c.end - 2 : c.end] in ("'s", "\u2019s") or text[c.end : c.end + 2] in ("'s", "\u2019s"):
            direction = -1  # "Wednesday's ruling" names a reported event
        stated = self.last_stated
        if (
            not rel
            and direction <= 0
            and stated is not None
            and self.anchor is not None
            and stated.isoweekday() == weekday
            and 0 <= (self.anchor - stated).days <= 14
            and weekday != self.anchor.isoweekday()
            and c.start - self.last_stated_end < 900
        ):
            # The narrative has moved to a date it just stated, and this
            # weekday is that date's: "on January 26 ... Thursday's raid".
            # Not the anchor's own weekday: a story names its own day that
            # way ("said Thursday"), and a stated date a week or two back
            # that falls on the same weekday is a coincidence.
            return Resolved(kind, day_value(stated) + suffix, "relative", reference=stated)
        if rel in ("last", "this past", "the previous"):
            direction = -1
        elif rel in ("next", "this coming", "the following"):
            direction = 1
        base = self.anchor
        if rel in ("the following", "the previous") and self.last:
            base = self.last
        if base is None:
            return Resolved(kind, f"XXXX-WXX-{weekday}{suffix}", "relative")
        if rel == "next":
            d = resolve_weekday(base + timedelta(days=1), weekday, 1)
        elif rel in ("last",) and base.isoweekday() == weekday:
            d = base - timedelta(days=7)
        elif rel in ("the following",):
            d = resolve_weekday(base + timedelta(days=1), weekday, 1)
        elif rel in ("the previous",):
            d = resolve_weekday(base - timedelta(days=1), weekday, -1)
        else:
            d = resolve_weekday(base, weekday, -1 if direction == 0 else direction)
        return Resolved(kind, day_value(d) + suffix, "relative", reference=d)

    def _deictic(self, c, direction, text):
        word = " ".join(c.group("word").lower().split())
        offset = {
            "today": 0,
            "tonight": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[word]
        part = (c.group("part") or "").lower()
        suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
        kind = "TIME" if suffix else "DATE"
        if self.anchor is None:
            return Resolved(kind, ("PRESENT_REF" if offset == 0 and not suffix else "XXXX-XX-XX" + suffix), "relative")
        d = self.anchor + timedelta(days=offset)
        return Resolved(kind, day_value(d) + suffix, "relative", reference=d)

    def _partofday(self, c, direction, text):
        rel = " ".join(c.group("rel").lower().split())
        part = PARTS_OF_DAY[c.group("part").lower()]
        base = self.last if rel == "that" else self.anchor
        if base is None:
            return Resolved("TIME", f"XXXX-XX-XXT{part}", "relative")
        offset = -1 if rel in ("last", "late last") else (1 if rel == "early tomorrow" else 0)
        if rel == "last" and part != "NI":
            offset = 0 if part == "MO" else -1
        d = base + timedelta(days=offset)
        return Resolved("TIME", f"{day_value(d)}T{part}", "relative", reference=d)

    def _mid_part(self, c, direction, text):
        """ "by mid-afternoon", "mid-morning yesterday": a part of the day named
        after it, else of the day the sentence is on (as for a clock time)."""
        part = PARTS_OF_DAY[c.group("part").lower()]
        if self.anchor is None:
            return Resolved("TIME", f"XXXX-XX-XXT{part}", "relative")
        if c.group("word"):
            d = self.anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[c.group("word").lower()])
            return Resolved("TIME", f"{day_value(d)}T{part}", "relative", reference=d)
        return Resolved("TIME", f"{self._clock_day(c, direction)}T{part}", "relative")

    def _narrative_day(self, c, direction, text):
        """ "Earlier that day", "the next morning": the day the narrative is
        on (the last day the text named), or the one after or before it.
        With no day named yet there is nothing to count from."""
        if self.last is None or self.last_end < 0 or self.last_granularity != "day":
            return None  # (last_end < 0: only the anchor so far, no day named)
        step = {"next": 1, "following": 1, "previous": -1}.get((c.group("step") or "").lower(), 0)
        part = (c.group("part2") or "day").lower()
        d = self.last + timedelta(days=step)
        # as for weekdays: evening and afternoon keep their part of day
        if part in ("evening", "afternoon"):
            return Resolved("TIME", f"{day_value(d)}T{PARTS_OF_DAY[part]}", "relative", reference=d)
        return Resolved("DATE", day_value(d), "relative", reference=d)

    def _nth_day(self, c, direction, text):
        """ "Today is the eighth day of the strike", "it's the second day of":
        today; "Tuesday was the third day of talks": the day just named."""
        before = text[max(0, c.start - 16) : c.start].lower()
        if re.search(r"\b(?:today|it)\s*(?:is\s|'s\s)$", before) and self.anchor is not None:
            return Resolved("DATE", day_value(self.anchor), "relative", reference=self.anchor)
        if (
            before.endswith("was ")
            and self.last is not None
            and self.last_granularity == "day"
            and 0 <= c.start - self.last_end <= 12
        ):
            return Resolved("DATE", day_value(self.last), "relative", reference=self.last)
        return None

    def _overnight(self, c, direction, text):
        return None

    def _ref(self, c, direction, text):
        word = " ".join(c.group("word").lower().split())
        if word in ("now", "currently", "current", "nowadays", "these days", "presently", "at present"):
            value = "PRESENT_REF"
        elif word in ("recently", "recent", "lately", "the past", "once"):
            value = "PAST_REF"
        else:
            value = "FUTURE_REF"
        return Resolved("DATE", value, "relative")

    def _term_ref(self, c, direction, text):
        return Resolved("DATE", "FUTURE_REF", "relative")

    def _recent_units(self, c, direction, text):
        rel = c.group("rel").lower()
        if (
            rel == "recent"
            and re.search(r"(?i)\bin\s+$", text[max(0, c.start - 4) : c.start])
            and not re.match(r"\s+(?:and|or)\s+(?:days|weeks|months|years|decades)\b", text[c.end : c.end + 20])
            and in_present_perfect(text, c.start, c.end)
        ):
            # "have suffered from kidnappings in recent years": a span up to
            # now (PXY); "soared in recent years" is a time in the past. What
            # the clause tells still happened in the recent past.
            return Resolved(
                "DURATION",
                duration_value(None, _unit(c.group("unit"))),
                "explicit",
                implied=Resolved("DATE", "PAST_REF", "relative"),
            )
        return Resolved("DATE", "PAST_REF" if rel == "recent" else "FUTURE_REF", "relative")

    # -- counted units ---------------------------------------------------------
    def _ago(self, c, direction, text):
        amount = parse_number(c.group("num"))
        unit = _unit(c.group("unit"))
        how = " ".join(c.group("dir").lower().split())
        if how in ("before", "after"):
            # "two days after the vote": the span is the duration; "after" is a signal.
            return self._as_duration(amount, unit, c, text)
        point = self._ago_point(c, amount, unit, how)
        if (
            how in ("later", "earlier", "previously")
            and unit in _NARRATIVE_UNITS
            and not _COMPARED.search(text[max(0, c.start - 50) : c.start])
        ):
            # "Three days later, ...", "an hour earlier": TimeML measures the
            # span from the narrative's day (P3D); the day it lands on is
            # kept for the narrative and for dating what the clause tells
            duration = self._as_duration(amount, unit, c, text)
            return Resolved(duration.type, duration.value, duration.basis, duration.mod, implied=point)
        return point

    def _ago_point(self, c, amount, unit, how) -> Resolved:
        """The time "two weeks ago" or "a year earlier" points at."""
        sign = -1 if how in ("ago", "earlier", "previously", "before") else 1
        base = self.anchor if how in ("ago", "from now", "hence") else self._narrative()
        minutes = unit == "M" and c.group("unit").lower().startswith("minute")
        if (
            base is not None
            and how in ("later", "earlier")
            and (unit in ("D", "H", "S") or minutes)
            and self._day_named()
        ):
            # "resigned on Monday. Two days later, ...": days and hours count from the
            # day the narrative is on, a weekday included (as "the next day" does)
            base = self.last
        if base is None or amount is None:
            return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "relative")
        if unit in ("S", "H") or (unit == "M" and c.group("unit").lower().startswith("minute")):
            return Resolved("TIME", day_value(base), "relative")
        if unit == "Q" and amount == int(amount):
            value, ref = shift(base, sign * int(amount), "Q")
            return Resolved("DATE", value, "relative", reference=ref, granularity="quarter")
        amount_i = int(round(amount))
        if unit == "Y" and self.last_quarter_context and self.last and how == "earlier":
            return Resolved(
                "DATE", f"{self.last.year - amount_i}-Q{quarter_of(self.last)}", "relative", granularity="quarter"
            )
        value, ref = shift(base, sign * amount_i, unit)
        return Resolved(
            "DATE",
            value,
            "relative",
            reference=ref,
            granularity={
                "D": "day",
                "W": "week",
                "WE": "week",
                "M": "month",
                "Y": "year",
                "DE": "decade",
                "CE": "century",
            }.get(unit, "day"),
        )

    def _as_duration(self, amount, unit, c, text):
        is_minute = c.group("unit").lower().startswith("minute")
        code = "TM" if is_minute else unit
        value = duration_value(amount, code)
        approx = c.group("approx")
        mod = APPROX_CODES.get(" ".join(approx.lower().split())) if approx else None
        return Resolved("DURATION", value, "explicit", mod)

    def _duration(self, c, direction, text):
        amount = parse_number(c.group("num"))
        if amount is not None and c.group("andhalf"):
            amount += 0.5  # "a minute and a half"
        unit = _unit(c.group("unit"))
        if (
            unit == "M"
            and amount in (6, 9, 12)
            and text[c.start : c.start + 4].lower() == "the "
            and not c.group("unit").lower().startswith("minute")
        ):
            # "For the nine months, net rose ... from ... a year earlier": a
            # results story has moved from its quarter to a longer period.
            self.last_quarter_context = False
            self.months_context = int(amount)
        num = c.group("num").lower()
        before = text[max(0, c.start - 24) : c.start]
        if (
            num == "one"
            and c.group("unit").lower() == "day"
            and not c.group("lead")
            and not c.group("approx")
            and re.search(r"(?i)\b(?:will|would|could|may|might|can|shall|should)(?:\s+not)?\s+$", before)
        ):
            return Resolved("DATE", "FUTURE_REF", "relative")  # "Islam will one day be ...": some day ahead
        if num in ("a", "an") and not c.group("lead"):
            if re.search(r"(?:\btimes|\))\s*$", before):
                return Resolved(
                    "SET", duration_value(1, "TM" if c.group("unit").lower().startswith("minute") else unit), "explicit"
                )
            if re.search(
                r"(?:\d|\bpercent|\bcents?|\bdollars?|\bmillion|\bbillion|\bthousand"
                r"|\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+[a-z]+s)\s*$",
                before,
            ):
                # "$1.76 a year", "$55 a night", "four flights a week": a rate
                # of pay or of output, not a time (TimeBank leaves 8 of 11 untagged)
                return None
        if (
            direction > 0
            and self.anchor is not None
            and amount is not None
            and amount == int(amount)
            and unit in ("D", "W", "M", "Y")
            and not c.group("lead")
            and not c.group("approx")
            and re.search(r"(?i)\bin\s+$", before)
            and not re.match(r"\s+or\b", text[c.end : c.end + 4])
        ):
            # "will be redeemed in five years": the time that far ahead, not a
            # length ("the second letter in two weeks" is told in the past)
            value, ref = shift(self.anchor, int(amount), unit)
            return Resolved(
                "DATE",
                value,
                "relative",
                reference=ref,
                granularity={"D": "day", "W": "week", "M": "month", "Y": "year"}[unit],
            )
        return self._as_duration(amount, unit, c, text)

    def _bare_units(self, c, direction, text):
        word = c.group("unit").lower().replace("-long", "")
        code = _unit(word.rstrip("s") if not word.startswith("centur") else word)
        if word.startswith("minute"):
            code = "TM"
        return Resolved("DURATION", duration_value(None, code), "explicit")

    _the_units = _bare_units

    def _weekday_set(self, c, direction, text):
        weekday = WEEKDAYS[c.group("stem").lower() + "day"]
        if not c.group("npart"):
            return Resolved("SET", f"XXXX-WXX-{weekday}", "explicit")  # "on Sundays"
        return Resolved(
            "SET", f"XXXX-WXX-{weekday}T{PARTS_OF_DAY[c.group('npart').lower()]}", "explicit"
        )  # "on Tuesday nights"

    def _set(self, c, direction, text):
        adv = (c.group("adv") or "").lower()
        every = (c.group("every") or "").lower()
        per = (c.group("per") or "").lower()
        tunit = (c.group("tunit") or "").lower()
        table = SET_VALUES
        if adv:
            return Resolved("SET", table[adv], "explicit")
        if c.group("emonth"):
            return Resolved("SET", f"XXXX-{_month(c.group('emonth')):02d}", "explicit")  # "each July"
        if every:
            if every in WEEKDAYS:
                return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[every]}", "explicit")
            return Resolved("SET", table[every], "explicit")
        if per:
            return Resolved("SET", table[per], "explicit")
        return Resolved("SET", table[tunit], "explicit")

    # -- clock times and holidays ---------------------------------------------
    def _clock(self, c, direction, text):
        hour = int(c.group("hour"))
        minute = int(c.group("minute") or 0)
        if hour > 12:
            return None
        pm = c.group("ampm").lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
        day = self._clock_day(c, direction)
        return Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}", "relative")

    def _clock_day(self, c, direction) -> str:
        """The day a clock time is on: a named weekday or date, else the anchor."""
        if self.anchor is None:
            return "XXXX-XX-XX"
        if c.group("weekday"):
            return day_value(
                resolve_weekday(self.anchor, WEEKDAYS[c.group("weekday").lower()], -1 if direction <= 0 else 1)
            )
        if c.group("month_name") and c.group("day"):
            d = resolve_month_day(self.anchor, _month(c.group("month_name")), int(c.group("day")), 0)
            if d is not None:
                return day_value(d)
        # Wire style puts the other time zone between: "10:35 a.m. (0735 GMT) Friday".
        after = re.match(
            rf"\s*\([^)]{{1,20}}\)\s*(?:on\s+)?(?P<weekday>{WEEKDAY_RE})\b", self._text[c.end : c.end + 40]
        )
        if after:
            return day_value(
                resolve_weekday(self.anchor, WEEKDAYS[after.group("weekday").lower()], -1 if direction <= 0 else 1)
            )
        if (
            self.last_end >= 0
            and self.last_granularity == "day"
            and self.last is not None
            and self._same_sentence(self.last_end, c.start)
        ):
            return day_value(self.last)  # "On Friday, police arrived at 6 a.m.": that day's clock
        return day_value(self.anchor)

    def _clock24(self, c, direction, text):
        word = c.group("word").lower()
        clock = "24:00" if word == "midnight" else "12:00"
        return Resolved("TIME", f"{self._clock_day(c, direction)}T{clock}", "relative")

    def _holiday(self, c, direction, text):
        name = " ".join(c.group("name").split()).lower()
        if c.group("year"):
            year = int(c.group("year"))
        elif self.anchor is not None:
            year = self.anchor.year
        else:
            return Resolved("DATE", "XXXX-XX-XX", "relative")
        d = holiday_date(name, year)
        if d is None:
            return None
        if c.group("week"):
            # "Easter week", "Christmas week": the week holding the holiday,
            # the nearest one (it may have begun before the anchor)
            if not c.group("year") and self.anchor is not None:
                d = min(
                    (holiday_date(name, y) for y in (year - 1, year, year + 1)),
                    key=lambda h: abs((h - self.anchor).days),
                )
            return Resolved(
                "DATE",
                iso_week_value(d),
                "explicit" if c.group("year") else "relative",
                reference=d,
                granularity="week",
            )
        if not c.group("year") and self.anchor is not None:
            if direction < 0 and d > self.anchor:
                d = holiday_date(name, year - 1)
            elif direction > 0 and d < self.anchor:
                d = holiday_date(name, year + 1)
            elif direction == 0:
                # No tense to go by: the nearest one ("from now to Election Day").
                d = min(
                    (holiday_date(name, y) for y in (year - 1, year, year + 1)),
                    key=lambda h: abs((h - self.anchor).days),
                )
        return Resolved("DATE", day_value(d), "explicit" if c.group("year") else "relative", reference=d)
