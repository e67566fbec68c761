"""Dating from the corpus: an undated article whose text says too little
borrows the dates other articles of the build give the same happenings
(``hints``, found by ``link.corpus_dating``)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

import numpy as np

from ..models import TimeValue
from .dating_decide import _decide, _feasible_days, is_low_confidence
from .grid import N_DAYS, Board, _dates_of_grid, _ix, _range_mask


# --- the corpus: dated reports of the same happening -------------------------

#: every evidence line that comes from other articles of the corpus starts with this
CORPUS_EVIDENCE = "corpus"
#: hints further apart than this (days) disagree: the article's date is left unknown
HINT_SPREAD_DAYS = 7
#: a hint vaguer than this (days) says too little to date an article by
HINT_MAX_SPAN_DAYS = 31
#: weight of the days from a happening on: news of it is published that day or the next, then less
HINT_FALLOFF = (2.0, 2.0, 1.6, 1.4, 1.2, 1.1, 1.0)
#: weight of the weeks after that (background reports)
HINT_TAIL = (24, 0.5)
#: the text's own evidence vetoes the corpus's days when it prefers other days by this much
TEXT_VETO = 1.0


def hints_agree(hints: Sequence[TimeValue]) -> bool:
    """Dated reports of the happenings an article reports, close enough in
    time to date it by: all of them precise, none further from another than
    ``HINT_SPREAD_DAYS``. Recurring acts (a strike a month) linked by mistake
    to the wrong episode show up here as hints that disagree."""
    if not hints:
        return False
    for h in hints:
        if h.earliest is None or h.latest is None or (h.latest - h.earliest).days > HINT_MAX_SPAN_DAYS:
            return False
    return (max(h.earliest for h in hints) - min(h.latest for h in hints)).days <= HINT_SPREAD_DAYS


def is_corpus_inferred(value: TimeValue | None) -> bool:
    """A publication date found from other articles of the corpus (never a
    source of hints for others, so the corpus's dates do not depend on the
    order articles arrive in)."""
    return bool(
        value is not None
        and value.basis == "inferred"
        and any(line.startswith(CORPUS_EVIDENCE) for line in value.evidence)
    )


def _decide_with_corpus(board: Board, hints: Sequence[TimeValue], guess: bool) -> TimeValue | None:
    """The text's own answer when it gives a confident one; else the days
    the corpus's dated reports of the same happenings point to, unless the
    hints disagree or the text's evidence prefers other days."""
    own = _decide(board, guess)
    if own is not None and not is_low_confidence(own):
        return own
    named = [h for h in hints if h.mod == "AFTER"]
    counted = [h for h in hints if h.mod == "APPROX"]
    hints = [h for h in hints if h.mod not in ("AFTER", "APPROX")]
    used = bool(named) and _named_after(board, named)
    used = (bool(counted) and _counted_from(board, counted)) or used
    if used:
        if not hints:
            found = _decide(board, guess)
            return found if found is not None and is_corpus_inferred(found) else own
    if not hints_agree(hints):
        return own
    text_days = _feasible_days(board, date.today())  # what the text's own bounds allow
    text_score = board.score.copy()
    near = np.zeros(N_DAYS, dtype=bool)
    for h in sorted(hints, key=lambda h: (h.earliest, h.latest, h.value)):
        weights = np.zeros(N_DAYS)
        first, last = _ix(h.earliest), _ix(h.latest)
        weights[first : last + 1] = HINT_FALLOFF[0]
        for k, w in enumerate(HINT_FALLOFF[1:], start=1):
            if last + k < N_DAYS:
                weights[last + k] = w
        tail_days, tail_weight = HINT_TAIL
        start = last + len(HINT_FALLOFF)
        weights[start : start + tail_days] = tail_weight
        near |= weights >= HINT_FALLOFF[-1]
        what = h.evidence[0] if h.evidence else f"another article of the corpus reports {h.value}"
        board.add_weights(weights, f"{CORPUS_EVIDENCE}: {what}")
        # news of a happening is published from that day on, and weeks later at most as news
        board.bound(
            h.earliest,
            h.latest + timedelta(days=len(HINT_FALLOFF) + HINT_TAIL[0]),
            f"{CORPUS_EVIDENCE}: {what}",
            "corpus_same",
        )
    if text_score[near].max() < text_score.max() - TEXT_VETO:
        # the text itself points elsewhere: a link to the wrong happening, whose days bound nothing
        board.bounds[:] = [b for b in board.bounds if b[3] != "corpus_same"]
        return own
    if text_days is not None and _text_leans_elsewhere(text_score, text_days, hints):
        # The text's own bounds allow other years (an officeholder's term) and its own
        # evidence fits another of them better: a report of the same kind of act by the same
        # parties in another article is then likely another episode ('offers a reward' in
        # 1998 and again in 1999). The report's days tilt the scores but bound nothing.
        board.bounds[:] = [b for b in board.bounds if b[3] != "corpus_same"]
        return own
    board.strong = True
    found = _decide(board, False)
    if found is None or not is_corpus_inferred(found):
        return own
    return found


#: how much better another year must fit the text's own evidence for a hint to be another episode
LEAN_MARGIN = 0.1


def _text_leans_elsewhere(text_score: np.ndarray, text_days: np.ndarray, hints: Sequence[TimeValue]) -> bool:
    """Among the days the text's own bounds allow, the text's own scores fit
    a year the hints do not name better than every year they name."""
    years, _, _ = _dates_of_grid()
    allowed = np.where(text_days, text_score, -np.inf)
    hinted = np.isin(years, sorted({h.earliest.year for h in hints}))
    if not (text_days & ~hinted).any():
        return False  # the text's bounds keep the date within the hints' years
    best_hinted = allowed[hinted].max() if (text_days & hinted).any() else -np.inf
    return bool(allowed[~hinted].max() > best_hinted + LEAN_MARGIN)


#: days after a happening the article names by its month and day alone ("the seizure on
#: March 12") it may be from: news names a date without its year within the year (short
#: of the next March 12, which the same words would name)
NAMED_DAY_SPAN = 360


def _named_after(board: Board, named: Sequence[TimeValue]) -> bool:
    """Hints that the article names a happening the corpus dates ("the
    seizure on March 12" and a dated report of it): the article is after
    the latest such day and within a year of the earliest. Days more than a
    year apart disagree and date nothing. True when used."""
    first, last = min(h.earliest for h in named), max(h.earliest for h in named)
    if (last - first).days > NAMED_DAY_SPAN:
        return False
    end = first + timedelta(days=NAMED_DAY_SPAN)
    reason = f"{CORPUS_EVIDENCE}: " + "; ".join(h.evidence[0] if h.evidence else h.value for h in named)
    board.add(_range_mask(last, end), 1.0, reason)
    board.bound(last, end, reason, "corpus_named")
    board.strong = True
    return True


def _counted_from(board: Board, counted: Sequence[TimeValue]) -> bool:
    """Hints that the article counts back to a happening the corpus dates
    ("seized the tanker two weeks ago"): the article is in the days they
    give. Hints that do not overlap disagree and date nothing. True when used."""
    first, last = max(h.earliest for h in counted), min(h.latest for h in counted)
    if first > last:
        return False
    reason = f"{CORPUS_EVIDENCE}: " + "; ".join(h.evidence[0] if h.evidence else h.value for h in counted)
    board.add(_range_mask(first, last), 2.0, reason)
    board.bound(first, last, reason, "corpus_counted")
    board.strong = True
    return True
