"""Reading the time words around an officeholder the way a reader does.

A title and a name place an article inside a term of office
(``dating.py``); the words around them say more:

* "former", "ex-", "the late" President X: after a term of X ended;
* "outgoing" X: in the last months of a term; "President-elect" X and
  "incoming" X: in the months before a term began;
* "the new", "newly appointed" X: in the first months of a term; "acting"
  and "interim" X: around the start of a term (an acting holder is often
  confirmed later, or never);
* "X, who took office last May", "X was sworn in three weeks ago", "X
  resigned two months ago": the article is that long after the term's
  start or end; "in April last year", "last year": in the year after it;
* "X, 72,", "the 72-year-old X", "X, aged 72", "X died at 72", "X died on
  Monday. He was 72.": when the knowledge gives X's day of birth (``born:``
  in a roles file, or the US data's ``births.tsv``), the article is in that
  year of X's life.

Each reading is a bound on the board (the interval) and a score (the best
day). Only the holders the text names with a title are read: a surname
alone is anybody's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .grid import Board, _range_mask
from .knowledge import Holder, _loose
from .vocabulary import MONTHS, NUMBER_WORDS

#: "outgoing": news calls a holder so in about the last half year of a term
OUTGOING_DAYS = 200
#: "-elect" and "incoming": from the vote (or nomination) to the start of the term
ELECT_DAYS = 120
#: "new", "newly appointed": the first months of a term
NEW_DAYS = 400
#: "acting", "interim": an acting holder may serve a year before the term the record gives
ACTING_DAYS = 400
#: news still names someone by the title in the weeks after they go
GRACE_DAYS = 60

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUMBER = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_AGO = rf"{_NUMBER}\s+(?P<unit>day|week|month|year)s?\s+ago"
_LAST_MONTH = r"last\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
#: "in April last year", "last year": the article is in the year after that start or end
_LAST_YEAR = (
    r"(?:in\s+(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:of\s+)?)?(?<!the\s)last\s+year"
)
#: words telling that a term began ("took office"), and that one ended ("resigned")
_BEGAN = (
    r"(?:was\s+|were\s+|been\s+)?(?:sworn\s+in|took\s+office|took\s+over|assumed\s+(?:office|power|the\s+post)"
    r"|came\s+to\s+power|(?:was\s+)?(?:elected|appointed|named|installed|inaugurated|chosen))"
)
_ENDED = (
    r"(?:resigned|stepped\s+down|left\s+office|(?:was\s+)?(?:ousted|toppled|overthrown|deposed|defeated)"
    r"|lost\s+(?:power|office|the\s+election)|quit)"
)
#: "New" right before the title, as a headline or a sentence starts ("New Chancellor X")
_NEW_RIGHT_BEFORE = re.compile(r"(?<![\w-])(New)\s+$")
#: lower-case "new" only: "New Zealand Prime Minister" is no new one
_QUALIFIER = re.compile(
    r"(?<![\w-])([Oo]utgoing|[Ii]ncoming|new"
    r"|[Nn]ewly\s+(?:elected|appointed|named|installed|chosen)"
    r"|[Aa]cting|[Ii]nterim|[Oo]usted|[Dd]eposed|[Tt]oppled|[Oo]verthrown)"
    r"\s+(?:[A-Z][\w.]*\s+){0,2}$"
)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _title_alternatives(holder: Holder) -> str:
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(holder.titles, key=len, reverse=True))


def _span_bound(board: Board, spans: list[tuple[date, date]], weight: float, reason: str, kind: str) -> None:
    """Score the days of ``spans`` and bound the date by them (their union:
    "President-elect X" of two terms is the months before either)."""
    spans = [(a, b) for a, b in spans if a <= b]
    if not spans:
        return
    mask = _range_mask(*spans[0])
    for a, b in spans[1:]:
        mask |= _range_mask(a, b)
    board.add(mask, weight, reason)
    board.bound_mask(mask, reason, kind)
    board.strong = True


def former_holder(board: Board, holder: Holder, phrase: str) -> None:
    """ "former President X", "ex-Prime Minister X", "the late King X":
    after one of X's terms ended (the earliest end that the record gives)."""
    ended = [b for _, b in holder.terms if b is not None]
    if not ended:
        return  # the record has X still in office: "former" must be of another office
    first_end = min(ended)
    reason = f"'{phrase}': {holder.name} left that office on {first_end} or later"
    board.add(_range_mask(first_end, None), 1.0, reason)
    board.bound(first_end, None, reason, "former_holder")


def qualified_holder(board: Board, holder: Holder, text: str, start: int, phrase: str) -> bool:
    """The qualifier right before a title ("outgoing", "new", "acting") or
    "-elect" after it, read as a span around a term's start or end. True
    when one was read (the plain term then says nothing more)."""
    q = _QUALIFIER.search(text[max(0, start - 40) : start]) or _NEW_RIGHT_BEFORE.search(text[max(0, start - 5) : start])
    word = " ".join(q.group(1).lower().split()) if q else ""
    if not word and re.match(r"(?i)(?:" + _title_alternatives(holder) + r")-elect\b", text[start:]):
        word = "elect"
    if not word:
        return False
    starts = [a for a, _ in holder.terms]
    ends = [b for _, b in holder.terms if b is not None]
    if word in ("ousted", "deposed", "toppled", "overthrown"):
        former_holder(board, holder, phrase)  # "ousted President X": after the term ended
        return True
    if word in ("elect", "incoming"):
        spans = [(a - timedelta(days=ELECT_DAYS), a) for a in starts]
        what = "before the term began"
    elif word == "outgoing":
        spans = [(b - timedelta(days=OUTGOING_DAYS), b + timedelta(days=GRACE_DAYS)) for b in ends]
        what = "in the last months of the term"
    elif word in ("acting", "interim"):
        spans = [
            (
                a - timedelta(days=ACTING_DAYS),
                min(b or date.max - timedelta(days=GRACE_DAYS), a + timedelta(days=ACTING_DAYS))
                + timedelta(days=GRACE_DAYS),
            )
            for a, b in holder.terms
        ]
        what = "around the start of the term"
    else:  # new, newly appointed
        spans = [(a, a + timedelta(days=NEW_DAYS)) for a in starts]
        what = "in the first months of the term"
    terms = ", ".join(f"{a}..{b or 'now'}" for a, b in holder.terms)
    _span_bound(board, spans, 2.5, f"'{phrase}' ({word}): {what} ({terms})", "office_qualifier")
    return True


def elect_matches(holder: Holder, text: str) -> list[re.Match]:
    """ "President-elect Donald Trump", "Prime Minister-elect X": the title
    with "-elect" before the name (the title pattern needs a space there)."""
    if "-elect" not in text and "-Elect" not in text:
        return []
    return list(
        re.finditer(
            rf"\b(?i:{_title_alternatives(holder)})-elect\s+"
            rf"(?P<given>(?:[A-Z\u00C0-\u017E][\w.'-]*\s+){{0,3}}){_loose(holder.surname)}\b",
            text,
        )
    )


def term_told_in_time(board: Board, holder: Holder, sentence: str, phrase: str) -> bool:
    """ "X, who took office last May", "X was sworn in three weeks ago",
    "X resigned two months ago" (the sentence names X by the surname):
    the article is that long after a start (or end) of X's term; "two
    weeks before X takes office", "X will be sworn in in ten days": that
    long before a start, and True (the title names an office still to come)."""
    surname = _loose(holder.surname)
    if _term_ahead(board, holder, surname, sentence):
        return True
    for words, edges, what in (
        (_BEGAN, [a for a, _ in holder.terms], "began"),
        (_ENDED, [b for _, b in holder.terms if b is not None], "ended"),
    ):
        if not edges:
            continue
        near = rf"\b{surname}\b[^.;]{{0,80}}?\b{words}\b[^.;]{{0,40}}?"
        m = re.search(near + rf"\b(?:{_AGO}|{_LAST_MONTH})\b", sentence) or re.search(
            # "last year" only right after the verb: "took office in 2010, said sales fell last
            # year" tells of the sales
            rf"\b{surname}\b[^.;]{{0,80}}?\b{words}\b[^.;,\d]{{0,25}}?\b{_LAST_YEAR}\b",
            sentence,
        )
        if m is None:
            continue
        told = " ".join(sentence[m.start() : m.end()].split())
        if m.groupdict().get("n"):
            n = _count(m.group("n"))
            if n is None:
                continue
            days = n * _UNIT_DAYS[m.group("unit").lower()]
            slack = max(2, days // 5)
            spans = [(e + timedelta(days=days - slack), e + timedelta(days=days + slack)) for e in edges]
        elif re.search(r"(?i)last\s+year", m.group(0)):
            month = MONTHS[m.group("month2").lower()] if m.group("month2") else None
            spans = [
                (date(e.year + 1, 1, 1), date(e.year + 1, 12, 31)) for e in edges if month is None or e.month == month
            ]
            if not spans:
                continue  # the record gives another month: another office, or another person
        else:
            month = MONTHS[m.group("month").lower()]
            # "last May": the month is in the twelve months before the article
            spans = [(e, date(e.year + 1, e.month, 1) + timedelta(days=31)) for e in edges if e.month == month]
            if not spans:
                continue  # the record gives another month: another office, or another person
        _span_bound(
            board,
            spans,
            3.0,
            f"'{told}': the term of {holder.name} {what} then ({', '.join(str(e) for e in edges)})",
            "term_told",
        )
        return False
    return False


#: taking office, in the present or the future
_TAKES = (
    r"(?:takes|take|will\s+take|is\s+to\s+take|is\s+due\s+to\s+take)\s+(?:office|power|over)"
    r"|(?:is|will\s+be|is\s+to\s+be)\s+(?:sworn\s+in|inaugurated)"
)


def _term_ahead(board: Board, holder: Holder, surname: str, sentence: str) -> bool:
    """ "two weeks before President-elect X takes office", "X takes office in
    ten days": the article is that long before a start of X's term."""
    m = re.search(
        rf"\b{_NUMBER}\s+(?P<unit>day|week|month)s?\s+before\s+(?:[\w.'-]+\s+){{0,5}}?{surname}\b[^.;]{{0,30}}?"
        rf"\b(?:{_TAKES})\b",
        sentence,
    ) or re.search(
        rf"\b{surname}\b[^.;]{{0,60}}?\b(?:{_TAKES})\s+in\s+{_NUMBER}\s+(?P<unit>day|week|month)s?\b", sentence
    )
    if m is None:
        return False
    n = _count(m.group("n"))
    if n is None:
        return False
    days = n * _UNIT_DAYS[m.group("unit").lower()]
    slack = max(2, days // 5)
    starts = [a for a, _ in holder.terms]
    spans = [(a - timedelta(days=days + slack), a - timedelta(days=max(0, days - slack))) for a in starts]
    told = " ".join(m.group(0).split())
    reason = f"'{told}': before the term of {holder.name} began ({', '.join(str(a) for a in starts)})"
    _span_bound(board, spans, 3.0, reason, "term_told")
    return True


def _age_patterns(surname: str) -> tuple[re.Pattern, ...]:
    name = _loose(surname)
    return (
        re.compile(
            rf"\b{name},\s+(?:who\s+is\s+|now\s+|aged\s+)?(?P<age>\d{{2,3}})\b"
            rf"(?!\s*(?:%|percent|per\s+cent|years?\s+ago))"
        ),
        re.compile(rf"\b(?P<age>\d{{2,3}})-year-old\s+(?:[A-Z][\w.'-]*\s+){{0,5}}{name}\b"),
        # "X died on Monday at the age of 88", "X ... died aged 96"
        re.compile(
            rf"\b{name}\b[^.;]{{0,200}}?\b(?:died|dies)\b[^.;]{{0,80}}?\b(?:at|aged)\s+"
            rf"(?:the\s+age\s+of\s+)?(?P<age>\d{{2,3}})\b(?!\s*(?:%|percent|years?\s+ago))"
        ),
        # "... X died on Monday. He was 88.": the sentence right after one naming X
        re.compile(rf"\b{name}\b[^.!?]*[.!?]\s+(?:He|She)\s+(?:was|is|turned)\s+(?P<age>\d{{2,3}})\s*\."),
    )


def age_evidence(board: Board, holder: Holder, text: str) -> None:
    """ "Smith, 72, said": the article is between the 72nd and 73rd
    birthdays, when the knowledge gives the day of birth."""
    if holder.born is None:
        return
    for pattern in _age_patterns(holder.surname):
        m = pattern.search(text)
        if m is None:
            continue
        age = int(m.group("age"))
        if not 16 <= age <= 110:
            continue
        first = _years_after(holder.born, age)
        last = _years_after(holder.born, age + 1) - timedelta(days=1)
        reason = (
            f"'{' '.join(m.group(0).split())}': {holder.name}, born {holder.born}, was {age} from {first} to {last}"
        )
        board.add(_range_mask(first, last), 2.0, reason)
        board.bound(first, last, reason, "age")
        board.strong = True
        return


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # born on 29 February
        return date(day.year + years, 3, 1)
