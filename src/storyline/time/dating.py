"""Dating undated articles from their text.

Each piece of evidence scores the days it fits on a calendar grid; the
answer is the best-scoring stretch of days, with the reasons that support
it; a year marked low-confidence when asked to guess and the evidence keeps
the date within a few years; or an abstention. Evidence, by weight:

* officeholders named with their title, before or after the name
  ("Secretary of State Antony Blinken", "Richard Darman, the budget
  director") and national elections reported by weekday, from the data
  files read by ``knowledge.py`` plus the user's ``roles_path`` files;
* a weekday stated next to a month and day ("Thursday, January 26") fits
  only some years;
* dated world events named in a sentence (the article is not older; one
  still to come, or an anniversary ahead, puts it before), and entities that
  existed only for a time (the Soviet Union, the euro, Mobil Corp.), in
  ``evidence.py``;
* years mentioned, by tense: a year told in the past is a lower bound, one
  looked ahead to an upper bound ("will win the 1996 election": within the
  four years before it);
* month-day and month mentions, which news makes shortly before or after
  its own date, and "last month"-style expressions that put the article in
  the month after a mentioned date;
* weekdays told in the past ("officials said on Saturday"): news is
  published that day or soon after;
* and, when the text alone says too little, the dates of the same
  happenings reported by other articles of the corpus (``hints``, found by
  ``link.corpus_dating``): news of a happening is published that day or the
  next. Hints that disagree, or that the text's own evidence argues
  against, date nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Sequence

import numpy as np

from ..annotate import doc_text
from ..models import TimeValue, Timex
from .dating_series import series_evidence
from .dating_offices import age_evidence, elect_matches, former_holder, qualified_holder, term_told_in_time
from .evidence import (_entity_evidence, _event_evidence, _told_of_that_year, anniversary_of_year_evidence,
                       fresh_together, numbered_evidence)
from .grid import (GRID_END, GRID_START, N_DAYS, Board, _closeness_to, _dates_of_grid, _day, _ix,
                   _range_mask, _sentence_of, _weekday_of_grid)
from .knowledge import fold, load_entities, load_knowledge, user_roles_paths
from .normalise import clamp_day
from .recognise import recognise
from .vocabulary import MONTHS, WEEKDAYS

#: words before a surname that are not a first name
_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady"})

#: below this best score the text says too little to date it
MIN_SCORE = 1.5
#: score of the days after an election that news reports as past
ELECTION_FALLOFF = (3.0, 2.6, 2.3, 2.0, 1.8, 1.6, 1.5)
#: how much the best year must beat every other year to be answered
YEAR_MARGIN = 0.5
#: days within this much of the best score form the answer's interval
TIE = 0.3
#: a low-confidence year is guessed only when the best-fitting days span at most this many years
GUESS_SPAN_YEARS = 3
#: days within this much of the best score fit "equally" for a guess
GUESS_TIE = 0.05
#: the first evidence line of a guessed (low-confidence) date starts with this
LOW_CONFIDENCE = "low confidence"
#: days after an officeholder's term ends that news may still name them by the title
TERM_GRACE_DAYS = 60
#: the rules whose limits bound the interval; the others ("mentions 1994" with no tense
#: to read, a year after "due" or "through") only tilt the scores: on TBAQ and MEANTIME
#: they excluded the true date about one time in four
BOUNDING_RULES = frozenset({"officeholder", "entity", "event", "event_planned", "event_in_force",
                            "event_elapsed", "event_month_only", "anniversary", "anniversary_of_year",
                            "numbered", "year_past", "full_date_past", "comparison", "scheduled",
                            "fiscal_ahead", "former_holder", "office_qualifier", "term_told",
                            "corpus_named", "corpus_same", "corpus_counted", "series", "age"})
#: the evidence line that gives the interval of an answer starts with this
INTERVAL_EVIDENCE = "interval"


# --- evidence -----------------------------------------------------------------

def _sentences(doc, text: str) -> list[tuple[int, int]]:
    if doc is not None and hasattr(doc, "sents"):
        try:
            return [(s.start_char, s.end_char) for s in doc.sents]
        except ValueError:
            pass
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)]


def _direction(doc, start: int, end: int, text: str | None = None) -> int:
    from . import tense_direction
    return tense_direction(doc, start, end, text) if doc is not None and hasattr(doc, "char_span") else 0


_AHEAD_CUES = re.compile(
    r"(?i)(?:\bdue|\bmatur\w*|\bthrough|\buntil|\bby|\bexpir\w*|\bending|\bto|\bbefore|\bin\s+fiscal|\bfiscal|\bnext|\bby\s+the\s+end\s+of)\s*(?:[\w.,]+\s+){0,2}$")


def _looks_back(doc, text: str, cand) -> bool:
    """A date the article reports as past: not under a future verb and not a
    deadline, maturity or target ("notes due 2009", "by 1995")."""
    if _AHEAD_CUES.search(text[max(0, cand.start - 30):cand.start]):
        return False
    return _direction(doc, cand.start, cand.end, text) <= 0


def _with_grace(mask: np.ndarray, days: int) -> np.ndarray:
    """``mask`` with the ``days`` after each of its stretches."""
    out = mask.copy()
    for end in np.flatnonzero(mask[:-1] & ~mask[1:]):
        out[end + 1:end + 1 + days] = True
    return out


def _given_fits(holder, m) -> bool:
    """The given names before the surname fit the holder: "Gov. Brown"
    alone (which state's?) does not when the office needs a first name, and
    "President Hillary Clinton" is not Bill."""
    given = [w for w in m.group("given").split() if w not in _HONORIFICS]
    if holder.full_name and not given:
        return False
    return not (given and len(given[0]) > 2
                and not any(fold(given[0].rstrip(".")) in fold(w) for w in holder.name.split()[:-1]))


def _holders_named_in(holders, folded: str) -> list:
    """The officeholders whose surname occurs in ``folded``, in their order.

    A substring test first: running hundreds of title patterns over every
    article was most of the time dating took. Even the substring tests, one
    per holder, cost half a millisecond; the holders are indexed by the first
    three characters of their surname, so only those whose three characters
    occur in the text are tested."""
    by_start, always = _surname_index(holders)
    trigrams = _trigrams(folded)
    picked = sorted(always + [i for gram in trigrams & by_start.keys() for i in by_start[gram]])
    return [holders[i] for i in picked if holders[i].surname in folded]


_surname_index_of: list = [None, None]   # the holders tuple last indexed, and its index


def _surname_index(holders) -> tuple[dict[str, list[int]], list[int]]:
    """Holder positions by the first three characters of their surname, and
    the positions of holders with shorter surnames (always tested)."""
    if _surname_index_of[0] is not holders:
        by_start: dict[str, list[int]] = {}
        always: list[int] = []
        for i, h in enumerate(holders):
            if len(h.surname) >= 3:
                by_start.setdefault(h.surname[:3], []).append(i)
            else:
                always.append(i)
        _surname_index_of[:] = [holders, (by_start, always)]
    return _surname_index_of[1]


def _trigrams(text: str) -> set[str]:
    """Every three-character piece of ``text``."""
    return {text[i:i + 3] for i in range(len(text) - 2)}


def infer_publication_date(doc, timexes: Sequence[Timex] = (), hints: Sequence[TimeValue] = (),
                           roles_path: str | None = None, guess: bool = False, interval: bool = False,
                           today: date | None = None) -> TimeValue | None:
    """The most likely publication date of an undated article, as an
    ``inferred`` TimeValue with an interval and human-readable evidence, or
    None when the text does not narrow it down enough. With ``guess``, weak
    evidence that keeps the date within a few years gives a year marked as a
    low-confidence guess (``is_low_confidence``) instead of None. ``hints``
    are dated reports of the happenings the article reports, from other
    articles (their ``evidence`` says which); they are used only when the
    text gives no confident date, and their evidence lines start with
    ``CORPUS_EVIDENCE`` (``is_corpus_inferred``).

    With ``interval``, the answer's ``earliest``/``latest`` are the
    interval the evidence's bounds allow (a term of office, a year told in
    the past, an event still to come; never after ``today``), not just the
    answer's own day or year, and weak evidence that bounds the date at
    all is answered with low confidence (the best-fitting year) instead of
    None: see ``honest_interval``."""
    # ``Doc.text`` is rebuilt from the tokens on each access: ``doc_text``
    # keeps the one tagging already built.
    try:
        text = doc_text(doc)
    except AttributeError:
        text = None
    text = str(doc) if text is None else text
    # the settings file is read once per article (it was read twice)
    roles_path = user_roles_paths() if roles_path is None else roles_path
    holders, elections, events = load_knowledge(roles_path)
    board = Board()
    sents = _sentences(doc, text)
    weekday_grid = _weekday_of_grid()
    years, months, mdays = _dates_of_grid()

    # Officeholders with their title: one piece of evidence per holder, and
    # one per phrase: "King Abdullah" (of Jordan or of Saudi Arabia) is
    # evidence for the union of their terms, not twice for their overlap.
    folded = fold(text)
    by_phrase: dict[str, tuple[np.ndarray, list[str]]] = {}
    for h in _holders_named_in(holders, folded):
        matches = list(h.title_re.finditer(text))
        if h.apposition_re is not None:
            matches += h.apposition_re.finditer(text)
        for m in elect_matches(h, text):
            if _given_fits(h, m):
                qualified_holder(board, h, text, m.start(), " ".join(m.group(0).split()))
                break
        for m in matches:
            if m.group("former"):
                if re.match(r"(?i)\s*(?:former|ex-|late)\b", m.group("former")) and _given_fits(h, m):
                    former_holder(board, h, " ".join(m.group(0).split()))
                    term_told_in_time(board, h, text[slice(*_sentence_of(sents, m.start()))],
                                      " ".join(m.group(0).split()))
                continue
            ends = [b for _, b in h.terms]
            if None not in ends and _told_of_that_year(doc, m.start(), m.end(), _sentence_of(sents, m.start()), text,
                                                       max(ends).year):
                continue  # "Secretary of State James Baker negotiated the deal in 1990": told of then
            if not _given_fits(h, m):
                continue
            phrase = " ".join(m.group(0).split())
            term_told_in_time(board, h, text[slice(*_sentence_of(sents, m.start()))], phrase)
            age_evidence(board, h, text)
            if qualified_holder(board, h, text, m.start(), phrase):
                continue
            mask, spans = by_phrase.setdefault(phrase.lower(), (np.zeros(N_DAYS, dtype=bool), [phrase]))
            for a, b in h.terms:
                mask |= _range_mask(a, b)
            spans.append(", ".join(f"{a}..{b or 'now'}" for a, b in h.terms))
            break
    for mask, (phrase, *spans) in by_phrase.values():
        reason = f"'{phrase}' held that office {' or '.join(spans)}"
        board.add(mask, 2.0, reason)
        board.strong = True
        # the terms themselves (two terms with years between are not one stretch), and the
        # weeks after each: news still names someone by the title just after they go
        # ("Chancellor Nigel Lawson resigned last week")
        board.bound_mask(_with_grace(mask, TERM_GRACE_DAYS), reason, "officeholder")

    candidates = recognise(text)

    # Elections reported with a weekday: "after an election Tuesday".
    mentioned = {c: bool(spec["cue_re"].search(text)) for c, spec in elections.items()}
    for cand in candidates:
        if cand.kind != "weekday":
            continue
        a, b = _sentence_of(sents, cand.start)
        window = text[max(a, cand.start - 40):cand.end + 5]
        if not re.search(r"\b(?:election|elections|vote|polls)\b", window, re.I):
            continue
        weekday = WEEKDAYS[cand.group("weekday").lower()]
        direction = _direction(doc, cand.start, cand.end, text)
        phrase = " ".join(re.sub(r"^\S*\s|\s\S*$", "", window).split())
        for country, spec in elections.items():
            if not mentioned.get(country):
                continue
            for d in spec["dates"]:
                if d.isoweekday() != weekday:
                    continue
                # Results of a past vote are news from the next day on, and
                # most of it comes the next day; a coming vote is days ahead.
                weights = np.zeros(N_DAYS)
                i = _ix(d)
                for k, w in enumerate(ELECTION_FALLOFF, start=1):
                    j = i + k if direction <= 0 else i - k + 1
                    if 0 <= j < N_DAYS:
                        weights[j] = w
                board.add_weights(weights, f"'{phrase}': the {country} election of {d} was on a "
                                           f"{cand.group('weekday')}")
                board.strong = True

    _entity_evidence(board, load_entities(roles_path), text, sents, doc)

    anniversary_of_year_evidence(board, text, years)
    series_evidence(board, text, sents, years)
    numbered_evidence(board, text, lambda a, b: _direction(doc, a, b, text))

    # Dated world events.
    for ev in events:
        _event_evidence(board, ev, text, sents, candidates)
    fresh_together(board)

    _comparison_evidence(board, text, candidates, years)

    _year_evidence(board, doc, text, candidates, years)

    # Weekday stated with its date: "Monday, Oct. 26"; or a weekday next to a
    # date in the same passage ("January 26 ... Thursday morning's raid").
    md = [c for c in candidates if c.kind in ("md", "mdy", "dmy") and c.group("day")]
    wd = [c for c in candidates if c.kind == "weekday" and not c.group("rel")]
    for c in md:
        month, day = MONTHS[c.group("month_name").lower().rstrip(".")], int(c.group("day"))
        if c.group("year") and not c.group("weekday"):
            continue  # the year is stated; a nearby weekday says nothing more
        if c.group("weekday"):
            weekday = WEEKDAYS[c.group("weekday").lower()]
            fits = _fit_mask(month, day, weekday, years, months, mdays, weekday_grid)
            board.add_weights(fits * 2.0, f"'{c.match.group(0)}' fits only some years")
            board.strong = True
            continue
        if _direction(doc, c.start, c.end, text) > 0:
            continue  # a coming date is not the day of a reported weekday
        near = [w for w in wd if 0 < w.start - c.end < 900
                and ("'s" in text[w.start:w.end + 3] or w.group("part") or w.start - c.end < 120)
                and ("'s" in text[w.start:w.end + 3] or _direction(doc, w.start, w.end, text) <= 0)]
        for w in near[:1]:
            weekday = WEEKDAYS[w.group("weekday").lower()]
            fits = _fit_mask(month, day, weekday, years, months, mdays, weekday_grid)
            board.add_weights(fits * 1.0, f"'{c.match.group(0)}' and '{w.match.group(0)}' nearby: "
                                f"{c.match.group(0)} was a {w.group('weekday')} in the years that fit")

    # Full dates: news cites the last days' dates most, so the latest full
    # date it cites (in the past tense) is a strong hint.
    full = [c for c in md if c.group("year")]
    full_dates = []
    for c in full:
        try:
            d = date(int(c.group("year")), MONTHS[c.group("month_name").lower().rstrip(".")], int(c.group("day")))
        except ValueError:
            continue
        if GRID_START <= d <= GRID_END and _looks_back(doc, text, c):
            full_dates.append((d, c))
    if full_dates:
        # A full date with its year is, in news style, a date of another
        # year than the article's: after it, but not in its year.
        d, c = max(full_dates, key=lambda x: x[0])
        board.add(_range_mask(date(d.year + 1, 1, 1), date(d.year + 2, 12, 31)), 0.6,
                  f"writes out the year of '{c.match.group(0)}' (the latest full date it cites), "
                  f"as news does for dates of earlier years")
        if not _FORECAST_BEFORE.search(_around(text, c.start, c.end)):
            board.bound(d, None, f"tells of '{c.match.group(0)}' as past", "full_date_past")

    # Month-day and month mentions without a year: news cites recent dates.
    for c in md:
        if c.group("year") or c.group("weekday"):
            continue
        month, day = MONTHS[c.group("month_name").lower().rstrip(".")], int(c.group("day"))
        direction = _direction(doc, c.start, c.end, text)
        anchors = np.flatnonzero((months == month) & (mdays == day))
        if re.search(r"(?i)\bsince\b", text[max(0, c.start - 80):c.start]):
            # "a custody battle since he was found on Nov. 25": something has
            # run since then, so the article is not close to it.
            weights = np.zeros(N_DAYS)
            for i in anchors:
                weights[i:i + 366] = 0.3
            board.add_weights(weights, f"'since {c.match.group(0)}': the article is some time after it")
            break
        weights = _closeness_to(anchors, direction)
        board.add_weights(weights * 0.8, f"'{c.match.group(0)}' without a year: the article is close to it")

        # "late last month" with a past month-day: the article is in the month after it.
        for r in candidates:
            if r.kind in ("relunit", "modunit") and (r.group("unit") or "").lower() == "month":
                rel = (r.group("rel") or r.group("rel2") or "").lower()
                if rel in ("last", "past", "previous"):
                    target = month % 12 + 1
                    board.add(months == target, 1.0,
                              f"'{r.match.group(0)}' with '{c.match.group(0)}': the article is in the month after it")
                elif rel == "this":
                    board.add(months == month, 1.0,
                              f"'{r.match.group(0)}' with '{c.match.group(0)}': the article is in that month")
                break
        break  # the first (lead) date speaks for the article; later ones are background

    for c in candidates:
        if c.kind != "month" or c.group("year") or (c.group("rel") or c.group("yrel")):
            continue
        if _NAME_BEFORE.search(text[max(0, c.start - 30):c.start]):
            continue  # "Theresa May", "Brian March": a surname, not the month
        month = MONTHS[c.group("month_name").lower().rstrip(".")]
        direction = _direction(doc, c.start, c.end, text)
        anchors = np.flatnonzero((months == month) & (mdays == 15))
        weights = _closeness_to(anchors, direction)
        board.add_weights(weights * 0.5, f"'{c.match.group(0)}' without a year: the article is close to it")

    # The lead's weekday: "officials said on Saturday" is published that day or the next.
    lead_end = sents[1][1] if len(sents) > 1 else len(text)
    past_weekdays = {}
    for c in wd:
        if _direction(doc, c.start, c.end, text) < 0:
            past_weekdays.setdefault(WEEKDAYS[c.group("weekday").lower()], c)
    lead = [c for c in wd if c.start < lead_end]
    for c in lead:
        if _direction(doc, c.start, c.end, text) < 0:
            weekday = WEEKDAYS[c.group("weekday").lower()]
            board.add(weekday_grid == weekday, 0.6, f"the lead reports '{c.match.group(0)}' in the past")
            board.add(weekday_grid == weekday % 7 + 1, 0.4, f"news of '{c.match.group(0)}' may appear the day after")
            past_weekdays.pop(weekday, None)
            break
    # Other weekdays told in the past ("Ukraine responded on Thursday") are
    # days already gone by: the article is that day or soon after, so a
    # later weekday in the story pulls its date forward.
    for weekday, c in past_weekdays.items():
        for offset, w in enumerate((0.3, 0.25, 0.1)):
            board.add(weekday_grid == (weekday - 1 + offset) % 7 + 1, w,
                      f"reports '{c.match.group(0)}' in the past: the article is that day or soon after")

    answer = _decide(board, guess or interval) if not hints else _decide_with_corpus(board, hints, guess or interval)
    return honest_interval(board, answer, today or date.today()) if interval else answer


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
    return bool(value is not None and value.basis == "inferred"
                and any(line.startswith(CORPUS_EVIDENCE) for line in value.evidence))


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
    text_score = board.score.copy()
    near = np.zeros(N_DAYS, dtype=bool)
    for h in sorted(hints, key=lambda h: (h.earliest, h.latest, h.value)):
        weights = np.zeros(N_DAYS)
        first, last = _ix(h.earliest), _ix(h.latest)
        weights[first:last + 1] = HINT_FALLOFF[0]
        for k, w in enumerate(HINT_FALLOFF[1:], start=1):
            if last + k < N_DAYS:
                weights[last + k] = w
        tail_days, tail_weight = HINT_TAIL
        start = last + len(HINT_FALLOFF)
        weights[start:start + tail_days] = tail_weight
        near |= weights >= HINT_FALLOFF[-1]
        what = h.evidence[0] if h.evidence else f"another article of the corpus reports {h.value}"
        board.add_weights(weights, f"{CORPUS_EVIDENCE}: {what}")
        # news of a happening is published from that day on, and weeks later at most as news
        board.bound(h.earliest, h.latest + timedelta(days=len(HINT_FALLOFF) + HINT_TAIL[0]),
                    f"{CORPUS_EVIDENCE}: {what}", "corpus_same")
    if text_score[near].max() < text_score.max() - TEXT_VETO:
        return own  # the text itself points elsewhere: a link to the wrong happening
    board.strong = True
    found = _decide(board, False)
    if found is None or not is_corpus_inferred(found):
        return own
    return found


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
        if _AHEAD_CUES.search(text[max(0, cand.start - 30):cand.start]):
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
            scheduled.append((y, " ".join(text[cand.start:_SCHEDULED.match(text, cand.end).end()].split())))
        if direction >= 0 and cand.group("fiscal") and "fiscal" in cand.group("fiscal").lower():
            fiscal_ahead = y if fiscal_ahead is None else min(fiscal_ahead, y)
    if fiscal_ahead is not None and not past:
        # A fiscal year spoken of as running or to come ("expects fiscal 1990
        # profit to fall"): companies' fiscal years end mid-year or in the
        # autumn, so the article is in that year's run-up or in it.
        board.add(_range_mask(date(fiscal_ahead - 1, 1, 1), date(fiscal_ahead, 9, 30)), 1.0,
                  f"looks ahead to fiscal {fiscal_ahead}: from the year before it until it ends")
        board.bound(None, date(fiscal_ahead, 12, 31), f"looks ahead to fiscal {fiscal_ahead}", "fiscal_ahead")
    if scheduled:
        # "will run in the 1996 election": a vote, games or summit of a
        # named year is looked ahead to in the few years before it, unlike
        # a bond "due 2010".
        y, phrase = min(scheduled)
        board.add(_range_mask(date(y - SCHEDULED_LEAD_YEARS, 1, 1), date(y, 12, 31)), 1.0,
                  f"looks ahead to '{phrase}': within {SCHEDULED_LEAD_YEARS} years before it")
        board.bound(date(y - SCHEDULED_LEAD_YEARS, 1, 1), date(y, 12, 31),
                    f"looks ahead to '{phrase}'", "scheduled")
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
_NAME_BEFORE = re.compile(r"\b(?!(?:In|By|Since|Until|Till|Last|Next|This|Early|Late|Mid|From|Through|On|Of|And|Or|"
                          r"Before|After|During|Since|For|Each|Every|Until|Not|Only|Since)\b)[A-Z][a-z]+\s+$")
#: words around a date in its sentence that make a past verb tell of a forecast, a plan or
#: an option ("analysts were predicting 1990 earnings", "trimmed his 1990 projection",
#: "has an option to buy after Jan. 1, 1990"): such a year is no lower bound
_FORECAST_BEFORE = re.compile(r"(?i)\b(?:predict\w*|forecast\w*|project\w*|estimat\w*|expect\w*|outlook|target\w*"
                              r"|budget\w*|would|will|could|might|plan\w*|option\w*|scheduled|due|should)\b")


def _around(text: str, start: int, end: int) -> str:
    """The words of the sentence before a date (at most 120 characters) and
    the few after it ("his 1990 earnings projection")."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 120)
    b = min(x for x in (text.find(". ", end), text.find("\n", end), end + 40) if x >= 0)
    return text[a + 1:start] + " " + text[end:b]


#: a year that names a model, version or season, which come out before the year ("the 2011 version")
_MODEL_YEAR = re.compile(r"(?i)(?:\s+[\w-]+){0,2}?\s+(?:models?|versions?|editions?|seasons?|lineups?|model-year)\b")
#: a scheduled happening named by its year ("the 1996 election", "the 2000 Olympics")
_SCHEDULED = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:elections?|Olympics|Olympic Games|Games|World Cup|summit"
                        r"|census|(?:presidential|general|mayoral|parliamentary) (?:race|campaign|vote)|primar(?:y|ies))\b")
#: how many years before a scheduled happening news looks ahead to it by its year
SCHEDULED_LEAD_YEARS = 4


_COMPARED = re.compile(r"(?i)(?:compared\s+with|compared\s+to|from|against|versus|than|over|with)\s+"
                       r"(?:[$\w.,-]+\s+){0,8}(?:in|for)?\s*$")


def _comparison_evidence(board: Board, text: str, candidates, years: np.ndarray) -> None:
    """Results news compares the latest period with "the 1988 period" or
    "the 1988 third quarter": the article reports the next year's."""
    for c in candidates:
        if c.kind != "year_quarter" or not c.group("year"):
            continue
        if not _COMPARED.search(text[max(0, c.start - 80):c.start]):
            continue
        year = int(c.group("year")) + 1
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4}.get((c.group("ord") or "").lower())
        if n and c.group("unit").lower() == "quarter":
            end = clamp_day(year, 3 * n, 31)
            board.add(_range_mask(end, end + timedelta(days=75)), 1.5,
                      f"compares with '{c.match.group(0)}': reports that quarter of {year}")
        else:
            board.add(years == year, 1.5, f"compares with '{c.match.group(0)}': reports a period of {year}")
        board.bound(date(year, 1, 1), None, f"compares with '{c.match.group(0)}'", "comparison")
        board.strong = True
        return


def _fit_mask(month, day, weekday, years, months, mdays, weekday_grid) -> np.ndarray:
    """Weights for the days after each year's month/day that fell on
    ``weekday``."""
    hit = np.flatnonzero((months == month) & (mdays == day) & (weekday_grid == weekday))
    # Weighted by recency: the article is usually days, not months, after it.
    return _closeness_to(hit, -1)


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
    span = (f"the evidence fits {first} to {last} about equally; {year} is the middle of that span"
            if first.year != last.year else f"the evidence points to {year}, but weakly")
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
    met[_ix(today) + 1:] = -1   # an article is not from the future
    return met == met.max()


def _all_bounds_met(board: Board, feasible: np.ndarray) -> bool:
    """Whether the feasible days meet every bound (no evidence disputes them)."""
    first = int(np.flatnonzero(feasible)[0])
    day = _day(first)
    return (all((lo is None or lo <= day) and (hi is None or day <= hi)
                for lo, hi, _, kind in board.bounds if kind in BOUNDING_RULES)
            and all(mask[first] for mask, _, kind in board.mask_bounds if kind in BOUNDING_RULES))


def honest_interval(board: Board, answer: TimeValue | None, today: date) -> TimeValue | None:
    """``answer`` with the interval the bounds allow. A confident answer
    keeps its value and gets the days of its year that the bounds allow
    (it is confident of the year, not of the day); one the bounds rule out
    is no longer confident. Otherwise the best-scoring day that the bounds
    allow gives the year, answered with low confidence, and the interval
    is every day from the first to the last the bounds allow, however
    wide. Without bounds, a confident ``answer`` is returned as it is and
    a guess is withdrawn (None)."""
    feasible = _feasible_days(board, today)
    if feasible is None:
        # nothing bounds the date: a guess from tilts alone ("tells of 1994", read as a
        # forecast) has no interval it is sure of, so only a confident answer stands
        return answer if answer is not None and not is_low_confidence(answer) else None
    days = np.flatnonzero(feasible)
    first, last = _day(days[0]), _day(days[-1])
    limits = _limit_reasons(board, first, last)
    if answer is not None and not is_low_confidence(answer):
        best = _best_day_of(answer)
        if best is not None and feasible[_ix(best)]:
            start = min(max(first, date(best.year, 1, 1)), best)
            end = max(min(last, date(best.year, 12, 31)), best)
            line = f"{INTERVAL_EVIDENCE}: {start} to {end}, the days of {best.year} that the evidence allows"
            return replace(answer, earliest=start, latest=end, evidence=answer.evidence + (line,) + limits)
    score = np.where(feasible, board.score, -np.inf)
    best_ix = int(np.argmax(score))
    year = _day(best_ix).year
    value = _result(str(year), first, last, "year", board, best_ix)
    if first.year == last.year and _all_bounds_met(board, feasible):
        # the bounds themselves, none of them disputed, keep the date within one year:
        # that year is no guess
        line = f"{INTERVAL_EVIDENCE}: {first} to {last}, the days the evidence allows"
        return replace(value, evidence=value.evidence + (line,) + limits)
    span = f"the evidence allows {first} to {last}; {year} fits it best"
    return replace(value, evidence=(f"{LOW_CONFIDENCE}: {span}",) + value.evidence
                   + (f"{INTERVAL_EVIDENCE}: {first} to {last}",) + limits)


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
    return TimeValue(value=value, earliest=start, latest=end, precision=precision, basis="inferred",
                     evidence=tuple(reasons))
