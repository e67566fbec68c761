"""Years an article writes out, read by their tense and their words: a year
told in the past bounds the date from below, one looked ahead to from above,
a year compared with ("the 1988 period") gives the year after it."""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np

from .grid import Board, _range_mask
from .normalise import clamp_day


def _direction(doc, start: int, end: int, text: str | None = None) -> int:
    from . import tense_direction

    return tense_direction(doc, start, end, text) if doc is not None and hasattr(doc, "char_span") else 0


_AHEAD_CUES = re.compile(
    r"(?i)(?:\bdue|\bmatur\w*|\bthrough|\buntil|\bby|\bexpir\w*|\bending|\bto|\bbefore|\bin\s+fiscal|\bfiscal|\bnext|\bby\s+the\s+end\s+of)\s*(?:[\w.,]+\s+){0,2}$"
)


def _looks_back(doc, text: str, cand) -> bool:
    """A date the article reports as past: not under a future verb and not a
    deadline, maturity or target ("notes due 2009", "by 1995")."""
    if _AHEAD_CUES.search(text[max(0, cand.start - 30) : cand.start]):
        return False
    return _direction(doc, cand.start, cand.end, text) <= 0


def _year_evidence(board: Board, doc, text: str, candidates, years: np.ndarray) -> None:
    """Years the article writes out, by the tense they are cited in. A year
    told in the past ("sales fell in 1988") bounds the article from below,
    and news writes out last year's and this year's most; a year looked
    ahead to ("expects losses through 1990", "fiscal 1990") bounds it from
    above. A year with no tense to read is a weaker lower bound: deadlines
    and forecasts hide among them."""
    past, unknown, ahead = [], [], []
    tense_ahead, cue_ahead = [], []
    #: past years not told as a forecast ("analysts were predicting 1990 earnings"): bounds
    past_bounding: list[int] = []
    scheduled: list[tuple[int, str]] = []
    fiscal_ahead = None
    for cand in candidates:
        if cand.kind not in ("year", "mdy", "dmy", "month", "iso") or not cand.group("year"):
            continue
        y = int(cand.group("year"))
        if not 1950 <= y <= 2035:
            continue
        if _AHEAD_CUES.search(text[max(0, cand.start - 30) : cand.start]):
            ahead.append(y)
            cue_ahead.append(y)
            continue
        if cand.kind == "year" and _MODEL_YEAR.match(text, cand.end):
            continue  # "released the 2011 version": model years are sold the year before
        direction = _direction(doc, cand.start, cand.end, text)
        (past if direction < 0 else ahead if direction > 0 else unknown).append(y)
        if direction < 0 and not _FORECAST_BEFORE.search(_around(text, cand.start, cand.end)):
            past_bounding.append(y)
        if direction > 0:
            tense_ahead.append(y)
        if direction > 0 and cand.kind == "year" and _SCHEDULED.match(text, cand.end):
            scheduled.append((y, " ".join(text[cand.start : _SCHEDULED.match(text, cand.end).end()].split())))
        if direction >= 0 and cand.group("fiscal") and "fiscal" in cand.group("fiscal").lower():
            fiscal_ahead = y if fiscal_ahead is None else min(fiscal_ahead, y)
    if fiscal_ahead is not None and not past:
        # A fiscal year spoken of as running or to come ("expects fiscal 1990
        # profit to fall"): companies' fiscal years end mid-year or in the
        # autumn, so the article is in that year's run-up or in it.
        board.add(
            _range_mask(date(fiscal_ahead - 1, 1, 1), date(fiscal_ahead, 9, 30)),
            1.0,
            f"looks ahead to fiscal {fiscal_ahead}: from the year before it until it ends",
        )
        board.bound(None, date(fiscal_ahead, 12, 31), f"looks ahead to fiscal {fiscal_ahead}", "fiscal_ahead")
    if scheduled:
        # "will run in the 1996 election": a vote, games or summit of a
        # named year is looked ahead to in the few years before it, unlike
        # a bond "due 2010".
        y, phrase = min(scheduled)
        board.add(
            _range_mask(date(y - SCHEDULED_LEAD_YEARS, 1, 1), date(y, 12, 31)),
            1.0,
            f"looks ahead to '{phrase}': within {SCHEDULED_LEAD_YEARS} years before it",
        )
        board.bound(date(y - SCHEDULED_LEAD_YEARS, 1, 1), date(y, 12, 31), f"looks ahead to '{phrase}'", "scheduled")
    if past:
        latest = max(past)
        board.add(years >= latest, 1.0, f"tells of {latest} in the past tense (the latest such year)")
        for k, w in enumerate((0.3, 0.5, 0.2)):
            board.add(years == latest + k, w, "news writes out this year and last year most")
    if past_bounding:
        bounding = max(past_bounding)
        board.bound(date(bounding, 1, 1), None, f"tells of {bounding} in the past tense", "year_past")
    if unknown and (not past or max(unknown) > max(past)):
        latest = max(unknown)
        board.add(years >= latest, 0.5, f"mentions {latest}")
        board.bound(date(latest, 1, 1), None, f"mentions {latest}", "year_unknown")
    if ahead and past and min(ahead) >= max(past):
        # Alone, a year looked ahead to says little (bonds "due 2010" are
        # sold decades ahead); with a past year it closes the interval.
        earliest = min(ahead)
        board.add(years <= earliest, 0.5, f"looks ahead to {earliest}")
    if tense_ahead:
        board.bound(None, date(min(tense_ahead), 12, 31), f"looks ahead to {min(tense_ahead)}", "year_ahead")
    if cue_ahead:
        board.bound(None, date(min(cue_ahead), 12, 31), f"looks ahead to {min(cue_ahead)}", "year_ahead_cue")


#: a capitalised word right before a month name that is no preposition or time word: the
#: month name is then a surname ("Prime Minister Theresa May")
_NAME_BEFORE = re.compile(
    r"\b(?!(?:In|By|Since|Until|Till|Last|Next|This|Early|Late|Mid|From|Through|On|Of|And|Or|"
    r"Before|After|During|Since|For|Each|Every|Until|Not|Only|Since)\b)[A-Z][a-z]+\s+$"
)
#: words around a date in its sentence that make a past verb tell of a forecast, a plan or
#: an option ("analysts were predicting 1990 earnings", "trimmed his 1990 projection",
#: "has an option to buy after Jan. 1, 1990"): such a year is no lower bound
_FORECAST_BEFORE = re.compile(
    r"(?i)\b(?:predict\w*|forecast\w*|project\w*|estimat\w*|expect\w*|outlook|target\w*"
    r"|budget\w*|would|will|could|might|plan\w*|option\w*|scheduled|due|should)\b"
)


def _around(text: str, start: int, end: int) -> str:
    """The words of the sentence before a date (at most 120 characters) and
    the few after it ("his 1990 earnings projection")."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 120)
    b = min(x for x in (text.find(". ", end), text.find("\n", end), end + 40) if x >= 0)
    return text[a + 1 : start] + " " + text[end:b]


#: a year that names a model, version or season, which come out before the year ("the 2011 version")
_MODEL_YEAR = re.compile(r"(?i)(?:\s+[\w-]+){0,2}?\s+(?:models?|versions?|editions?|seasons?|lineups?|model-year)\b")
#: a scheduled happening named by its year ("the 1996 election", "the 2000 Olympics")
_SCHEDULED = re.compile(
    r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:elections?|Olympics|Olympic Games|Games|World Cup|summit"
    r"|census|(?:presidential|general|mayoral|parliamentary) (?:race|campaign|vote)|primar(?:y|ies))\b"
)
#: how many years before a scheduled happening news looks ahead to it by its year
SCHEDULED_LEAD_YEARS = 4


_COMPARED = re.compile(
    r"(?i)(?:compared\s+with|compared\s+to|from|against|versus|than|over|with)\s+"
    r"(?:[$\w.,-]+\s+){0,8}(?:in|for)?\s*$"
)


def _comparison_evidence(board: Board, text: str, candidates, years: np.ndarray) -> None:
    """Results news compares the latest period with "the 1988 period" or
    "the 1988 third quarter": the article reports the next year's."""
    for c in candidates:
        if c.kind != "year_quarter" or not c.group("year"):
            continue
        if not _COMPARED.search(text[max(0, c.start - 80) : c.start]):
            continue
        year = int(c.group("year")) + 1
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
            (c.group("ord") or "").lower()
        )
        if n and c.group("unit").lower() == "quarter":
            end = clamp_day(year, 3 * n, 31)
            board.add(
                _range_mask(end, end + timedelta(days=75)),
                1.5,
                f"compares with '{c.match.group(0)}': reports that quarter of {year}",
            )
        else:
            board.add(years == year, 1.5, f"compares with '{c.match.group(0)}': reports a period of {year}")
        board.bound(date(year, 1, 1), None, f"compares with '{c.match.group(0)}'", "comparison")
        board.strong = True
        return
