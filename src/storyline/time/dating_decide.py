"""The answer and its interval: the best-scoring stretch of days, a year
given with low confidence, or an abstention (``_decide``); the interval the
evidence's bounds allow around it (``honest_interval``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from ..models import TimeValue
from .grid import GRID_END, GRID_START, N_DAYS, Board, _dates_of_grid, _day, _ix

#: below this best score the text says too little to date it
MIN_SCORE = 1.5
#: how much the best year must beat every other year to be answered
YEAR_MARGIN = 0.5
#: how much the chosen one of several alike stretches (votes on one weekday) must beat those
#: of other years: more than the tilts toward recent years (0.5), as much as a term of office
ALTERNATIVE_MARGIN = 1.0
#: days within this much of the best score form the answer's interval
TIE = 0.3
#: a low-confidence year is guessed only when the best-fitting days span at most this many years
GUESS_SPAN_YEARS = 3
#: days within this much of the best score fit "equally" for a guess
GUESS_TIE = 0.05
#: the first evidence line of a guessed (low-confidence) date starts with this
LOW_CONFIDENCE = "low confidence"
#: the rules whose limits bound the interval; the others ("mentions 1994" with no tense
#: to read, a year after "due" or "through") only tilt the scores: on TBAQ and MEANTIME
#: they excluded the true date about one time in four
BOUNDING_RULES = frozenset(
    {
        "officeholder",
        "entity",
        "event",
        "event_planned",
        "event_in_force",
        "event_elapsed",
        "event_month_only",
        "anniversary",
        "anniversary_of_year",
        "numbered",
        "year_past",
        "full_date_past",
        "comparison",
        "scheduled",
        "fiscal_ahead",
        "former_holder",
        "office_qualifier",
        "term_told",
        "corpus_named",
        "corpus_same",
        "corpus_counted",
        "series",
        "age",
        "term_news",
        "tenure_years",
        "nth_term",
        "succession",
    }
)
#: bounds from the first day of a thing (an entity, a dated event) that news names most
#: while it is new, so that the interval's first days fit best
_NEWS_OF_THE_NEW = frozenset({"entity", "event", "numbered"})
#: the evidence line that gives the interval of an answer starts with this
INTERVAL_EVIDENCE = "interval"


def _decide(board: Board, guess: bool = False) -> TimeValue | None:
    """The best day when a compact stretch wins; otherwise the best year
    when it clearly beats every other year; otherwise a low-confidence
    guess at the year when the evidence narrows it to a few years; otherwise
    abstain."""
    score = board.score
    best = float(score.max())
    if best <= 0:
        return None  # nothing in the text speaks of its date
    best_ix = int(np.flatnonzero(score == best)[0])
    years, _, _ = _dates_of_grid()
    best_year = _day(best_ix).year
    others = score[years != best_year]
    runner_up = float(others.max()) if len(others) else 0.0
    if best < MIN_SCORE or not board.strong or best - runner_up < YEAR_MARGIN:
        return _guess(board) if guess else None
    if _alternative_undecided(board, best_ix):
        return _guess(board) if guess else None
    top = np.flatnonzero(score >= best - TIE)
    if top[-1] - top[0] <= 3:
        return _result(_day(best_ix).isoformat(), _day(top[0]), _day(top[-1]), "day", board, best_ix)
    in_year = np.flatnonzero((years == best_year) & (score >= best - TIE))
    if in_year[-1] - in_year[0] <= 3:
        return _result(_day(best_ix).isoformat(), _day(in_year[0]), _day(in_year[-1]), "day", board, best_ix)
    first, last = _day(in_year[0]), _day(in_year[-1])
    if (last - first).days <= 31:
        # A stretch of some days: the month of the best day, with the stretch.
        best_day = _day(best_ix)
        return _result(f"{best_day.year}-{best_day.month:02d}", first, last, "month", board, best_ix)
    return _result(str(best_year), date(best_year, 1, 1), date(best_year, 12, 31), "year", board, best_ix)


def _alternative_undecided(board: Board, best_ix: int) -> bool:
    """Whether the best day lies in one of several stretches that one piece of
    evidence fits alike (the day after each listed vote on the weekday the
    text names) and another year's stretch scores within
    ``ALTERNATIVE_MARGIN`` of it: the tilt toward the years a text names is
    no ground to choose between two elections."""
    years, _, _ = _dates_of_grid()
    score = board.score
    for windows in board.alternatives:
        if not any(best_ix in w for w in windows):
            continue
        others = [float(score[w].max()) for w in windows if len(w) and years[w[0]] != years[best_ix]]
        if others and score[best_ix] - max(others) < ALTERNATIVE_MARGIN:
            return True
    return False


def _guess(board: Board) -> TimeValue | None:
    """A year stated with low confidence, when the evidence is weak (years
    cited, a term of office) but keeps the date within ``GUESS_SPAN_YEARS``.
    Days that fit equally well are a plateau (two officeholders' common
    years, say); its middle day is the guess that is wrong by the least on
    average. Only a year is given, so nothing is anchored on a guessed day."""
    score = board.score
    best = float(score.max())
    tied = np.flatnonzero(score >= best - GUESS_TIE)
    first, last = _day(tied[0]), _day(tied[-1])
    if (last - first).days > 366 * GUESS_SPAN_YEARS:
        return None  # the text fits too many years: a guess would be noise
    middle = int(tied[len(tied) // 2])
    year = _day(middle).year
    span = (
        f"the evidence fits {first} to {last} about equally; {year} is the middle of that span"
        if first.year != last.year
        else f"the evidence points to {year}, but weakly"
    )
    value = _result(str(year), date(year, 1, 1), date(year, 12, 31), "year", board, middle)
    return replace(value, evidence=(f"{LOW_CONFIDENCE}: {span}",) + value.evidence)


def _feasible_days(board: Board, today: date) -> np.ndarray | None:
    """The days that satisfy the most bounds (all of them, unless some
    disagree), up to ``today``; None without bounds."""
    bounds = [b for b in board.bounds if b[3] in BOUNDING_RULES]
    masks = [m for m, _, kind in board.mask_bounds if kind in BOUNDING_RULES]
    if not bounds and not masks:
        return None
    steps = np.zeros(N_DAYS + 1, dtype=np.int32)
    for lo, hi, _, _ in bounds:
        a, b = (_ix(lo) if lo else 0), (_ix(hi) if hi else N_DAYS - 1)
        if a <= b:
            steps[a] += 1
            steps[b + 1] -= 1
    met = np.cumsum(steps[:-1])
    for mask in masks:
        met = met + mask
    met[_ix(today) + 1 :] = -1  # an article is not from the future
    return met == met.max()


def _all_bounds_met(board: Board, feasible: np.ndarray) -> bool:
    """Whether the feasible days meet every bound (no evidence disputes them)."""
    first = int(np.flatnonzero(feasible)[0])
    day = _day(first)
    return all(
        (lo is None or lo <= day) and (hi is None or day <= hi)
        for lo, hi, _, kind in board.bounds
        if kind in BOUNDING_RULES
    ) and all(mask[first] for mask, _, kind in board.mask_bounds if kind in BOUNDING_RULES)


def honest_interval(
    board: Board, answer: TimeValue | None, today: date, statistical: tuple[date, date, str] | None = None
) -> TimeValue | None:
    """``answer`` with the interval the bounds allow. A confident answer
    keeps its value and gets the days of its year that the bounds allow
    (it is confident of the year, not of the day); one the bounds rule out
    is no longer confident. Otherwise the best-scoring day that the bounds
    allow gives the year, answered with low confidence, and the interval
    is every day from the first to the last the bounds allow, however
    wide. Without bounds, a confident ``answer`` is returned as it is and
    a guess is withdrawn (None).

    ``statistical`` (first day, last day, the reason) is a learned bound
    (``dating_prior``) that holds for a share of news, not for certain: it
    narrows the interval of an answer that is not confident (or gives one
    where nothing else bounds the date) when it leaves some of the
    evidence's days, and the interval then says it is statistical."""
    feasible = _feasible_days(board, today)
    narrowed = None
    if statistical is not None and (answer is None or is_low_confidence(answer)):
        window = np.zeros(N_DAYS, dtype=bool)
        window[_ix(max(statistical[0], GRID_START)) : _ix(min(statistical[1], today, GRID_END)) + 1] = True
        within = window if feasible is None else feasible & window
        if within.any() and (feasible is None or not np.array_equal(within, feasible)):
            feasible, narrowed = within, statistical[2]
    if feasible is None:
        # nothing bounds the date: a guess from tilts alone ("tells of 1994", read as a
        # forecast) has no interval it is sure of, so only a confident answer stands
        return answer if answer is not None and not is_low_confidence(answer) else None
    days = np.flatnonzero(feasible)
    first, last = _day(days[0]), _day(days[-1])
    limits = _limit_reasons(board, first, last) + ((narrowed,) if narrowed else ())
    if answer is not None and not is_low_confidence(answer):
        best = _best_day_of(answer)
        if best is not None and feasible[_ix(best)]:
            start = min(max(first, date(best.year, 1, 1)), best)
            end = max(min(last, date(best.year, 12, 31)), best)
            line = f"{INTERVAL_EVIDENCE}: {start} to {end}, the days of {best.year} that the evidence allows"
            return replace(answer, earliest=start, latest=end, evidence=answer.evidence + (line,) + limits)
    score = np.where(feasible, board.score, -np.inf)
    # days that fit about equally (a term of office with nothing else to say) are a plateau:
    # its middle day is wrong by the least on average, where its first day is the term's start.
    # Where nothing the text says bounds the date from above (the interval runs to today), or
    # where its start is a thing's first day (a product, an event: news names things while they
    # are new), the first such day stays.
    tied = np.flatnonzero(score >= float(score.max()) - GUESS_TIE)
    starts_new = any(lo == first and kind in _NEWS_OF_THE_NEW for lo, _hi, _r, kind in board.bounds)
    best_ix = int(tied[0]) if starts_new or last >= min(today, GRID_END) else int(tied[len(tied) // 2])
    year = _day(best_ix).year
    value = _result(str(year), first, last, "year", board, best_ix)
    if first.year == last.year and not narrowed and _all_bounds_met(board, feasible):
        # the bounds themselves, none of them disputed, keep the date within one year:
        # that year is no guess
        line = f"{INTERVAL_EVIDENCE}: {first} to {last}, the days the evidence allows"
        return replace(value, evidence=value.evidence + (line,) + limits)
    allows = "the evidence with a statistical bound allows" if narrowed else "the evidence allows"
    span = f"{allows} {first} to {last}; {year} fits it best"
    return replace(
        value,
        evidence=(f"{LOW_CONFIDENCE}: {span}",)
        + value.evidence
        + (f"{INTERVAL_EVIDENCE}: {first} to {last}",)
        + limits,
    )


def _best_day_of(value: TimeValue) -> date | None:
    """The day a value names, or the middle of the month or year it names."""
    try:
        if len(value.value) == 10:
            return date.fromisoformat(value.value)
        if len(value.value) == 7:
            return date(int(value.value[:4]), int(value.value[5:7]), 15)
        return date(int(value.value[:4]), 7, 1)
    except ValueError:
        return value.earliest


def _limit_reasons(board: Board, first: date, last: date) -> tuple[str, ...]:
    """The bounds that set the interval's ends, as evidence lines."""
    lines = []
    a, b = _ix(first), _ix(last)
    for mask, reason, kind in board.mask_bounds:
        if kind not in BOUNDING_RULES:
            continue
        if mask[a] and (a == 0 or not mask[a - 1]):
            lines.append(f"{INTERVAL_EVIDENCE}: not before {first}: {reason}")
        if mask[b] and (b == N_DAYS - 1 or not mask[b + 1]):
            lines.append(f"{INTERVAL_EVIDENCE}: not after {last}: {reason}")
    for lo, hi, reason, kind in board.bounds:
        if kind not in BOUNDING_RULES:
            continue
        if lo is not None and lo == first:
            lines.append(f"{INTERVAL_EVIDENCE}: not before {lo}: {reason}")
        if hi is not None and hi == last:
            lines.append(f"{INTERVAL_EVIDENCE}: not after {hi}: {reason}")
    return tuple(dict.fromkeys(lines))


def is_low_confidence(value: TimeValue | None) -> bool:
    """An inferred date given as a guess (``storyline date`` shows why)."""
    return bool(value is not None and value.evidence and value.evidence[0].startswith(LOW_CONFIDENCE))


def _result(value: str, start: date, end: date, precision: str, board: Board, best_ix: int) -> TimeValue:
    reasons = []
    for reason, mask in board.reasons:
        if mask[best_ix] and reason not in reasons:
            reasons.append(reason)
    return TimeValue(
        value=value, earliest=start, latest=end, precision=precision, basis="inferred", evidence=tuple(reasons)
    )
