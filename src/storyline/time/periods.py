"""Quarters, halves, fiscal periods and year-on-year comparisons: the rules
results stories need ("third-quarter profit rose from a year earlier", "the
quarter ended July 31", "the year-ago period"). A mixin of ``Resolver``,
which keeps the narrative state they read (the anchor, the last date named,
the quarter the story reports on)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .normalise import day_value, month_value, quarter_of, resolve_month_day
from .resolved import Resolved, month_number as _month
from .vocabulary import MONTH_RE


class PeriodRules:
    """Handlers for the recogniser's quarter, half and fiscal-period kinds."""

    def _rel_year_quarter(self, c, direction, text):
        if self.anchor is None:
            return Resolved("DATE", "XXXX-QX", "relative", granularity="quarter")
        step = -1 if c.group("ago") else {"this": 0, "last": -1, "next": 1}[c.group("rel").lower()]
        ordinal = (c.group("ord") or "").lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(ordinal)
        unit = c.group("unit").lower()
        if unit == "half":
            n = n if n in (1, 2) else 1
            return Resolved("DATE", f"{self.anchor.year + step}-H{n}", "relative", granularity="quarter")
        if n is None:
            ref = self.last if (self.last and self.last_quarter_context) else None
            n = quarter_of(ref) if ref else self._last_quarter()[1]
            year = (ref.year if ref else self._last_quarter()[0]) + step
        else:
            year = self.anchor.year + step
        # "this year's third quarter" is the period reported on, and what
        # "a year earlier" then counts from; last year's is the comparison.
        reference = date(year, 3 * n - 2, 1) if step == 0 else None
        return Resolved("DATE", f"{year}-Q{n}", "relative", reference=reference, granularity="quarter")

    def _year_quarter(self, c, direction, text):
        year = int(c.group("year"))
        if not c.group("ord"):
            if self.months_context:
                # "for the nine months ... in the 1988 period": that year's run of months
                return Resolved("DATE", str(year), "explicit", granularity="year")
            if (ref := self._reported_quarter()) is not None:
                return Resolved("DATE", f"{year}-Q{quarter_of(ref)}", "explicit", granularity="quarter")
            if self.anchor is not None:
                return Resolved("DATE", f"{year}-Q{self._last_quarter()[1]}", "explicit", granularity="quarter")
            return Resolved("DATE", str(year), "explicit", granularity="year")
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[
            c.group("ord").lower()
        ]
        if c.group("unit").lower() == "half":
            return Resolved("DATE", f"{year}-H{n}", "explicit", granularity="quarter") if n <= 2 else None
        return Resolved("DATE", f"{year}-Q{n}", "explicit", reference=date(year, 3 * n - 2, 1), granularity="quarter")

    def _two_quarters(self, c, direction, text):
        """ "the first two quarters of 1990" is that year's first half."""
        half = 1 if c.group("ord").lower() == "first" else 2
        return Resolved("DATE", f"{int(c.group('year'))}-H{half}", "explicit", granularity="quarter")

    def _fiscal_short(self, c, direction, text):
        yy = int(c.group("yy"))
        year = (1900 if yy > 40 else 2000) + yy
        return Resolved("DATE", str(year), "explicit", reference=date(year, 1, 1), granularity="year")

    def _period_end(self, c, direction, text):
        unit = (c.group("unit") or "year").lower()
        if self.anchor is None:
            return Resolved("DATE", "XXXX" if unit == "year" else "XXXX-XX", "relative", "END")
        if unit == "month":
            return Resolved("DATE", month_value(self.anchor), "relative", "END", granularity="month")
        if re.search(r"(?i)\bsince\s+$", text[max(0, c.start - 8) : c.start]):
            # "up 5% since year-end": the last year-end passed, a day.
            d = date(self.anchor.year - 1, 12, 31)
            return Resolved("DATE", day_value(d), "relative", reference=d)
        return Resolved("DATE", str(self.anchor.year), "relative", "END", granularity="year")

    def _last_quarter(self) -> tuple[int, int]:
        """The most recent quarter that has ended by the anchor (companies
        report on it), as (year, quarter)."""
        q = quarter_of(self.anchor) - 1
        return (self.anchor.year, q) if q else (self.anchor.year - 1, 4)

    def _quarter(self, c, direction, text):
        ordinal = c.group("ord").lower()
        unit = c.group("unit").lower()
        year = int(c.group("year")) if c.group("year") else None
        if unit == "period" and ordinal not in (
            "latest",
            "year-earlier",
            "year-ago",
            "same",
            "recent",
            "previous",
            "current",
            "corresponding",
            "comparable",
        ):
            return None
        if ordinal in ("corresponding", "comparable"):
            # "the corresponding period last year" is the year-ago period; alone, the same one
            ordinal = "year-ago" if c.group("ago") else "same"
        elif c.group("ago") and ordinal in ("same", "year-earlier", "year-ago"):
            ordinal = "year-ago"  # "the same quarter a year ago"
        if unit == "half":
            n = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(ordinal)
            if n is None:
                return None
            if year is None:
                if self.anchor is None:
                    return Resolved("DATE", f"XXXX-H{n}", "relative", granularity="quarter")
                year = self.anchor.year if (n == 1 or self.anchor.month > 6) else self.anchor.year - 1
                if n == 1 and self.anchor.month <= 6 and direction < 0:
                    year -= 1
            return Resolved(
                "DATE", f"{year}-H{n}", "explicit" if c.group("year") else "relative", granularity="quarter"
            )
        named = {
            "first": 1,
            "1st": 1,
            "march": 1,
            "second": 2,
            "2nd": 2,
            "june": 2,
            "third": 3,
            "3rd": 3,
            "september": 3,
            "fourth": 4,
            "4th": 4,
            "december": 4,
            "final": 4,
        }
        if self.anchor is None and year is None:
            q = named.get(ordinal)
            return Resolved("DATE", f"XXXX-Q{q}" if q else "XXXX-QX", "relative", granularity="quarter")
        if ordinal in named:
            q = named[ordinal]
            if year is None:
                # A later quarter than the anchor's is last year's, unless
                # the verb looks ahead ("expects fourth-quarter profit").
                year = self.anchor.year
                if q > quarter_of(self.anchor) and direction <= 0:
                    year -= 1
                if c.group("ago"):
                    year -= 1  # "the third quarter last year"
            # (a comparison a year back is not where the narrative is)
            d = None if c.group("ago") else date(year, 3 * q - 2, 1)
            return Resolved(
                "DATE",
                f"{year}-Q{q}",
                "explicit" if c.group("year") else "relative",
                reference=d,
                granularity="quarter",
            )
        ly, lq = self._last_quarter()
        if ordinal in ("latest", "recent") and (ref := self._reported_quarter()) is not None:
            # "Sales in the latest period were ...": the quarter the story reports on
            ly, lq = ref.year, quarter_of(ref)
        if ordinal in ("year-earlier", "year-ago"):
            if unit == "period" and self.months_context:
                # "For the nine months, net rose ... In the year-earlier period":
                # that run of months a year before, as "the year-earlier nine months"
                return Resolved("DURATION", f"P{self.months_context}M", "explicit")
            ref = self._reported_quarter(any_time=False) or date(ly, 3 * lq - 2, 1)
            ly, lq = ref.year - 1, quarter_of(ref)
            return Resolved("DATE", f"{ly}-Q{lq}", "relative", granularity="quarter")
        if ordinal == "previous":
            ly, lq = (ly, lq - 1) if lq > 1 else (ly - 1, 4)
        if ordinal == "current":
            ly, lq = self.anchor.year, quarter_of(self.anchor)
        if ordinal == "same" and self.last and self.last_quarter_context:
            ly, lq = self.last.year, quarter_of(self.last)
        return Resolved("DATE", f"{ly}-Q{lq}", "relative", reference=date(ly, 3 * lq - 2, 1), granularity="quarter")

    def _reported_quarter(self, any_time: bool = True) -> date | None:
        """The quarter a results story reports on, for "a year earlier",
        "the year-ago period", "the quarter": the first recent past quarter
        it named (its lead's), not a later aside ("after a flat second
        quarter") nor one still to come ("the first two quarters of 1990").
        With ``any_time`` False, only while the narrative is on quarters:
        "a year earlier" after a stated day is a year, not a quarter."""
        if not any_time and not self.last_quarter_context:
            return None
        if (
            self.last
            and self.last_quarter_context
            and self._same_sentence(self.last_end, self._start)
            and (self.anchor is None or self.last <= self.anchor)
        ):
            # "third-quarter profit rose to $5 million from $4 million a
            # year earlier": the comparison is with the quarter just named.
            return self.last
        if self.reported_quarter is not None:
            return self.reported_quarter
        if self.last and self.last_quarter_context and (self.anchor is None or self.last <= self.anchor):
            return self.last
        return None

    def _the_quarter(self, c, direction, text):
        if self.anchor is None:
            return Resolved("DATE", "XXXX-QX", "relative", granularity="quarter")
        ended = re.match(
            rf"\s+(?:ended|ending)\s+(?P<month_name>{MONTH_RE})\s+(?P<day>[0-3]?\d)\b", text[c.end : c.end + 30]
        )
        if ended and not c.group("ago"):
            # "the quarter ended July 31": the calendar quarter holding most
            # of the three months before that day.
            end = resolve_month_day(self.anchor, _month(ended.group("month_name")), int(ended.group("day")), -1)
            if end is not None:
                middle = end - timedelta(days=45)
                ly, lq = middle.year, quarter_of(middle)
                return Resolved(
                    "DATE", f"{ly}-Q{lq}", "relative", reference=date(ly, 3 * lq - 2, 1), granularity="quarter"
                )
        ref = self._reported_quarter()
        ly, lq = (ref.year, quarter_of(ref)) if ref else self._last_quarter()
        if c.group("ago"):
            # "the quarter a year ago": the same quarter of the year before.
            return Resolved("DATE", f"{ly - 1}-Q{lq}", "relative", granularity="quarter")
        return Resolved("DATE", f"{ly}-Q{lq}", "relative", reference=date(ly, 3 * lq - 2, 1), granularity="quarter")

    def _the_year(self, c, direction, text):
        if re.match(r"\s+(?:ended|ending)\b", text[c.end : c.end + 10]):
            return Resolved("DURATION", "P1Y", "explicit")  # "for the year ended Sept. 30"
        if self.anchor is None:
            return Resolved("DATE", "XXXX", "relative", granularity="year")
        return Resolved("DATE", str(self.anchor.year), "relative", granularity="year")

    def _year_earlier(self, c, direction, text):
        if self.anchor is None:
            return Resolved("DATE", "XXXX", "relative", granularity="year")
        kind = " ".join(c.group("kind").lower().split())
        ref = self._narrative() if ("earlier" in kind or "before" in kind) else self.anchor
        if (quarter := self._reported_quarter(any_time=False)) is not None:
            return Resolved("DATE", f"{quarter.year - 1}-Q{quarter_of(quarter)}", "relative", granularity="quarter")
        if kind == "a year ago":
            d = ref.replace(year=ref.year - 1) if not (ref.month == 2 and ref.day == 29) else ref - timedelta(days=365)
            return Resolved("DATE", day_value(d), "relative", reference=d)
        if self.last_granularity == "day" and "earlier" not in kind:
            d = ref - timedelta(days=365)
            return Resolved("DATE", str(d.year), "relative", reference=d, granularity="year")
        return Resolved("DATE", str(ref.year - 1), "relative", reference=date(ref.year - 1, 1, 1), granularity="year")
