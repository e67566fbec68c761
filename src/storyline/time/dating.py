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
from datetime import date
from typing import Sequence

import numpy as np

from ..annotate import doc_text
from ..models import TimeValue, Timex

# names re-exported for the modules that imported them from here before the split (noqa: F401)
from .dating_corpus import (
    CORPUS_EVIDENCE,  # noqa: F401
    HINT_MAX_SPAN_DAYS,  # noqa: F401
    _decide_with_corpus,  # noqa: F401  (re-exported)
    hints_agree,  # noqa: F401
    is_corpus_inferred,  # noqa: F401
)
from .dating_decide import (
    BOUNDING_RULES,  # noqa: F401
    INTERVAL_EVIDENCE,  # noqa: F401
    LOW_CONFIDENCE,  # noqa: F401
    _decide,  # noqa: F401
    honest_interval,
    is_low_confidence,  # noqa: F401
)
from .dating_prior import latest_named_year, load_prior
from .dating_series import election_series_evidence, series_evidence
from .dating_tenure import note_named_with_title, tenure_evidence
from .dating_years import (
    _FORECAST_BEFORE,
    _NAME_BEFORE,
    _around,
    _comparison_evidence,
    _direction,  # noqa: F401
    _looks_back,
    _year_evidence,
)
from .dating_offices import age_evidence, elect_matches, former_holder, qualified_holder, term_told_in_time
from .evidence import (
    _entity_evidence,
    _event_evidence,
    _told_of_that_year,
    anniversary_of_year_evidence,
    fresh_together,
    numbered_evidence,
)
from .grid import (
    GRID_END,
    GRID_START,
    N_DAYS,
    Board,
    _closeness_to,
    _dates_of_grid,
    _ix,
    _range_mask,
    _sentence_of,
    _weekday_of_grid,
)
from .knowledge import _loose, fold, load_entities, load_knowledge, user_roles_paths
from .recognise import recognise
from .vocabulary import MONTHS, WEEKDAYS

#: words before a surname that are not a first name
_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady", "Sheikh", "Sheik", "Prince"})

#: score of the days after an election that news reports as past
ELECTION_FALLOFF = (3.0, 2.6, 2.3, 2.0, 1.8, 1.6, 1.5)
#: days after an officeholder's term ends that news may still name them by the title
TERM_GRACE_DAYS = 60


# --- evidence -----------------------------------------------------------------


def _sentences(doc, text: str) -> list[tuple[int, int]]:
    if doc is not None and hasattr(doc, "sents"):
        try:
            return [(s.start_char, s.end_char) for s in doc.sents]
        except ValueError:
            pass
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)]


def _with_grace(mask: np.ndarray, days: int) -> np.ndarray:
    """``mask`` with the ``days`` after each of its stretches."""
    out = mask.copy()
    for end in np.flatnonzero(mask[:-1] & ~mask[1:]):
        out[end + 1 : end + 1 + days] = True
    return out


def _given_fits(holder, m) -> bool:
    """The given names before the surname fit the holder: "Gov. Brown"
    alone (which state's?) does not when the office needs a first name, and
    "President Hillary Clinton" is not Bill."""
    given = [w for w in m.group("given").split() if w not in _HONORIFICS]
    if holder.full_name and not given:
        return False
    return not (
        given and len(given[0]) > 2 and not any(fold(given[0].rstrip(".")) in fold(w) for w in holder.name.split()[:-1])
    )


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
    return [holders[i] for i in picked if _as_word_in(holders[i].surname, folded)]


def _as_word_in(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` as a word of its own, not inside
    another ("Fore" in "Foreign", "Howe" in "However"). Every reading of a
    holder needs the whole word, so a holder found only inside other words
    cost a scan of the text for its titles and gave nothing."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(word, start + 1)
    return False


_surname_index_of: list = [None, None]  # the holders tuple last indexed, and its index


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
    return {text[i : i + 3] for i in range(len(text) - 2)}


def infer_publication_date(
    doc,
    timexes: Sequence[Timex] = (),
    hints: Sequence[TimeValue] = (),
    roles_path: str | None = None,
    guess: bool = False,
    interval: bool = False,
    today: date | None = None,
) -> TimeValue | None:
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
    board, text, candidates = _evidence_board(doc, roles_path)
    answer = _decide(board, guess or interval) if not hints else _decide_with_corpus(board, hints, guess or interval)
    if not interval:
        return answer
    return honest_interval(board, answer, today or date.today(), _statistical_bound(doc, text, candidates))


def date_article(
    doc, hints: Sequence[TimeValue] = (), roles_path: str | None = None, today: date | None = None
) -> tuple[TimeValue | None, TimeValue | None]:
    """What a build stores for an undated article, from one reading of the
    evidence: the date it is confident of (``infer_publication_date``
    without ``guess``, which anchors the article's relative times), and,
    when there is none, the estimate (the interval the evidence allows, a
    best day, low confidence; ``honest_interval``), which anchors nothing
    and is shown as "undated, estimated ...". One of them is None."""
    board, text, candidates = _evidence_board(doc, roles_path)
    answer = _decide(board, False) if not hints else _decide_with_corpus(board, hints, False)
    if answer is not None:
        return answer, None
    guessed = _decide(board, True)
    return None, honest_interval(board, guessed, today or date.today(), _statistical_bound(doc, text, candidates))


def _evidence_board(doc, roles_path: str | None):
    """Every piece of evidence the text gives, on a board; with the text and its date candidates."""
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
    named = _holders_named_in(holders, folded)
    for h in named:
        matches = list(h.title_re.finditer(text))
        if h.apposition_re is not None:
            matches += h.apposition_re.finditer(text)
        note_named_with_title(h, text, bool(matches))
        for m in elect_matches(h, text):
            if _given_fits(h, m):
                qualified_holder(board, h, text, m.start(), " ".join(m.group(0).split()))
                # "two weeks before President-elect X takes office"
                term_told_in_time(board, h, text, " ".join(m.group(0).split()))
                break
        for m in matches:
            if m.group("former"):
                # "former", or after the name "the former foreign secretary"
                if re.match(
                    r"(?i)\s*(?:(?:the|a)\s+)?(?:former|ex-|late|onetime|slain|assassinated|murdered|deceased)",
                    m.group("former"),
                ) and _given_fits(h, m):
                    former_holder(board, h, " ".join(m.group(0).split()))
                    age_evidence(board, h, text)  # an age is the person's, in office or not
                    term_told_in_time(board, h, text, " ".join(m.group(0).split()))
                continue
            ends = [b for _, b in h.terms]
            if None not in ends and _told_of_that_year(
                doc, m.start(), m.end(), _sentence_of(sents, m.start()), text, max(ends).year
            ):
                continue  # "Secretary of State James Baker negotiated the deal in 1990": told of then
            if not _given_fits(h, m):
                continue
            phrase = " ".join(m.group(0).split())
            # any sentence may tell when the term began ("Abiy, who took office in April last
            # year, ..." after "Prime Minister Abiy Ahmed" in the lead): the patterns keep to one
            ahead = term_told_in_time(board, h, text, phrase)
            age_evidence(board, h, text)
            if ahead or qualified_holder(board, h, text, m.start(), phrase):
                continue  # "X takes office in ten days": not yet in office
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

    _honorific_evidence(board, named, text, by_phrase)
    tenure_evidence(board, named, text, sents)

    candidates = recognise(text)

    # Elections reported with a weekday: "after an election Tuesday".
    mentioned: dict | None = None  # which countries' elections the text names: asked only if a vote is told
    for cand in candidates:
        if cand.kind != "weekday":
            continue
        a, b = _sentence_of(sents, cand.start)
        window = text[max(a, cand.start - 40) : cand.end + 5]
        if not re.search(r"\b(?:election|elections|vote|polls|runoff|run-off)\b", window, re.I):
            continue
        weekday = WEEKDAYS[cand.group("weekday").lower()]
        direction = _direction(doc, cand.start, cand.end, text)
        phrase = " ".join(re.sub(r"^\S*\s|\s\S*$", "", window).split())
        windows = []
        if mentioned is None:
            mentioned = {c: bool(spec["cue_re"].search(text)) for c, spec in elections.items()}
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
                board.add_weights(
                    weights, f"'{phrase}': the {country} election of {d} was on a {cand.group('weekday')}"
                )
                board.strong = True
                windows.append(np.flatnonzero(weights))
        if len(windows) > 1:
            board.alternatives.append(windows)  # which of these votes, other evidence must say

    _entity_evidence(board, load_entities(roles_path), text, sents, doc)

    anniversary_of_year_evidence(board, text, years)
    series_evidence(board, text, sents, years)
    election_series_evidence(board, text, sents, years, elections)
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
        near = [
            w
            for w in wd
            if 0 < w.start - c.end < 900
            and ("'s" in text[w.start : w.end + 3] or w.group("part") or w.start - c.end < 120)
            and ("'s" in text[w.start : w.end + 3] or _direction(doc, w.start, w.end, text) <= 0)
        ]
        for w in near[:1]:
            weekday = WEEKDAYS[w.group("weekday").lower()]
            fits = _fit_mask(month, day, weekday, years, months, mdays, weekday_grid)
            board.add_weights(
                fits * 1.0,
                f"'{c.match.group(0)}' and '{w.match.group(0)}' nearby: "
                f"{c.match.group(0)} was a {w.group('weekday')} in the years that fit",
            )

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
        board.add(
            _range_mask(date(d.year + 1, 1, 1), date(d.year + 2, 12, 31)),
            0.6,
            f"writes out the year of '{c.match.group(0)}' (the latest full date it cites), "
            f"as news does for dates of earlier years",
        )
        if not _FORECAST_BEFORE.search(_around(text, c.start, c.end)):
            board.bound(d, None, f"tells of '{c.match.group(0)}' as past", "full_date_past")

    # Month-day and month mentions without a year: news cites recent dates.
    for c in md:
        if c.group("year") or c.group("weekday"):
            continue
        month, day = MONTHS[c.group("month_name").lower().rstrip(".")], int(c.group("day"))
        direction = _direction(doc, c.start, c.end, text)
        anchors = np.flatnonzero((months == month) & (mdays == day))
        if re.search(r"(?i)\bsince\b", text[max(0, c.start - 80) : c.start]):
            # "a custody battle since he was found on Nov. 25": something has
            # run since then, so the article is not close to it.
            weights = np.zeros(N_DAYS)
            for i in anchors:
                weights[i : i + 366] = 0.3
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
                    board.add(
                        months == target,
                        1.0,
                        f"'{r.match.group(0)}' with '{c.match.group(0)}': the article is in the month after it",
                    )
                elif rel == "this":
                    board.add(
                        months == month,
                        1.0,
                        f"'{r.match.group(0)}' with '{c.match.group(0)}': the article is in that month",
                    )
                break
        break  # the first (lead) date speaks for the article; later ones are background

    for c in candidates:
        if c.kind != "month" or c.group("year") or (c.group("rel") or c.group("yrel")):
            continue
        if _NAME_BEFORE.search(text[max(0, c.start - 30) : c.start]):
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
            board.add(
                weekday_grid == (weekday - 1 + offset) % 7 + 1,
                w,
                f"reports '{c.match.group(0)}' in the past: the article is that day or soon after",
            )

    return board, text, candidates


def _honorific_evidence(board: Board, named, text: str, by_phrase: dict) -> None:
    """ "Mikhail Gorbachev ... Mr. Gorbachev said": a holder the text names by
    first name and surname and then as "Mr." or "Mrs." X, never with a title,
    is most likely in the news while in office. A tilt toward the terms (union
    over the holders the words fit, "Mr. Bush" being either Bush), never a
    bound: news names people so after they leave office too."""
    titled = {phrase.split()[-1].lower() for phrase in by_phrase}
    masks: dict[str, tuple[np.ndarray, list[str]]] = {}
    for h in named:
        surname = h.name_for_re.split()[-1]
        if surname.lower() in titled or len(h.name.split()) < 2 or h.full_name:
            continue
        loose = _loose(surname)
        m = re.search(rf"\b(?:Mr|Mrs|Ms)\.?\s+{loose}\b", text)
        given = h.name.split()[0]
        if m is None or not re.search(rf"\b{re.escape(given)}\s+(?:[A-Z][\w.]*\s+){{0,2}}{loose}\b", text):
            continue
        mask, names = masks.setdefault(m.group(0), (np.zeros(N_DAYS, dtype=bool), []))
        for a, b in h.terms:
            mask |= _range_mask(a, b)
        names.append(h.name)
    for phrase, (mask, names) in masks.items():
        board.add(mask, 1.0, f"'{phrase}' ({' or '.join(names)}), named without a title, held office then")


def _statistical_bound(doc, text: str, candidates) -> tuple[date, date, str] | None:
    """The learned bound around the latest year the text names (``dating_prior``), if any."""
    prior = load_prior()
    year = latest_named_year(doc, text, candidates) if prior is not None else None
    if year is None:
        return None
    first, last = prior.interval(year)
    return first, last, prior.describe(year)


def _fit_mask(month, day, weekday, years, months, mdays, weekday_grid) -> np.ndarray:
    """Weights for the days after each year's month/day that fell on
    ``weekday``."""
    hit = np.flatnonzero((months == month) & (mdays == day) & (weekday_grid == weekday))
    # Weighted by recency: the article is usually days, not months, after it.
    return _closeness_to(hit, -1)
