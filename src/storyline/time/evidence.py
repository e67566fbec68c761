"""Evidence from world knowledge for dating an article: entities that
existed only for a time (``entities.yaml``), dated events (``events.yaml``)
and anniversaries. Officeholders and elections, which need the tagger's
candidates and tense, stay in ``dating.py``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Sequence

import numpy as np

from .grid import GRID_END, GRID_START, Board, _range_mask, _sentence_of
from .knowledge import Entity
from .vocabulary import MONTHS

#: how long after an event news names it without its year as a matter of course
EVENT_FRESH_DAYS = 60
#: a day close at hand, as news of a happening gives it
_CLOSE_DAY = re.compile(
    r"(?i)\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight"
    r"|this\s+(?:week|morning|afternoon|evening)|last\s+(?:week|night))\b"
)
#: the days before a scheduled event (or anniversary) in which news of it is most frequent
PLANNED_NEAR_DAYS = 90
#: ... and their extra weight: a tilt, not enough to date an article by itself
PLANNED_NEAR_WEIGHT = 0.3
#: how long before a round anniversary news may look ahead to it (jubilees are planned for years)
ANNIVERSARY_RUN_UP_DAYS = 5 * 366
#: words that put an anniversary still ahead ("will mark its 50th anniversary")
_COMING = re.compile(
    r"(?i)\b(?:will|to\s+(?:mark|celebrate|commemorate|observe)|upcoming|forthcoming|approaching"
    r"|ahead\s+of|in\s+the\s+run-up\s+to|preparations?\s+for|plans?\s+(?:for|to)"
    r"|(?:expected|scheduled|set|due)\s+to)\b"
)


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

#: words that put a named entity in the past ("the former Soviet Union",
#: "the collapse of East Germany"): then its lifespan says nothing of the article's date
_BYGONE = re.compile(
    r"(?i)(?:\b(?:former|formerly|onetime|defunct|collapse|collapsed|breakup|break-up"
    r"|dissolution|dissolved|demise|fell apart|end of|successor|what was|replaced by|history"
    r"|historical|reunification|reunified|unification|predecessor)\b|\bex-|\bthen-)"
)


def _told_of_that_year(doc, start: int, end: int, sentence: tuple[int, int], text: str, last_year: int) -> bool:
    """Whether the entity at ``start:end`` takes part in what a year of its
    lifetime dates in the same sentence: "Soviet troops left Afghanistan in
    1989" (the year's verb governs the entity) but not "West German bankers
    said exports rose in 1988" (the bankers speak now). Needs the parse."""
    if doc is None or not hasattr(doc, "char_span"):
        return False
    a, b = sentence
    entity = doc.char_span(start, end, alignment_mode="expand")
    if entity is None:
        return False
    for y in _YEAR.finditer(text, a, b):
        if int(y.group(1)) > last_year:
            continue
        token = doc.char_span(y.start(), y.end(), alignment_mode="expand")
        if token is None:
            continue
        verb = token.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        if verb.left_edge.i <= entity.root.i <= verb.right_edge.i:  # in the verb's (contiguous) subtree
            return True
    return False


def _entity_evidence(board: Board, entities: Sequence[Entity], text: str, sents, doc=None) -> None:
    """An entity named as existing places the article within its lifespan.
    Only the first sentence naming it counts, and, for an entity that has
    ended, none that speaks of it as gone ("the former Soviet Union") or
    places it in a year of its lifetime ("Soviet troops left Afghanistan in
    1989"): that sentence tells of then, not of the article's day."""
    starts: dict[str, tuple[date | None, str]] = {}
    for e in entities:
        if e.cue and e.cue not in text:
            continue
        for m in e.pattern.finditer(text):
            a, b = _sentence_of(sents, m.start())
            if e.end is not None and (
                _BYGONE.search(text[a:b]) or _told_of_that_year(doc, m.start(), m.end(), (a, b), text, e.end.year)
            ):
                continue
            lifespan = (
                f"from {e.start}"
                if e.end is None
                else (f"until {e.end}" if e.start is None else f"from {e.start} to {e.end}")
            )
            board.add(_range_mask(e.start, e.end), 1.0, f"names {e.name} ('{m.group(0)}'), which existed {lifespan}")
            # Only the start bounds: history names the Soviet Union for decades
            # after its end. Entities found by the same words ("Bush
            # administration", two of them) bound by the earliest start.
            phrase = m.group(0).lower()
            known = starts.get(phrase)
            if known is None or (known[0] is not None and (e.start is None or e.start < known[0])):
                starts[phrase] = (e.start, f"names {e.name} ('{m.group(0)}'), which existed {lifespan}")
            break
    for start, reason in starts.values():
        board.bound(start, None, reason, "entity")


_ANNIVERSARY = re.compile(
    r"(?i)\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth"
    r"|seventy-fifth|hundredth|centennial|bicentennial)\s+(?:anniversary|birthday)\b"
    r"|\b(centennial|bicentennial)\b"
)
#: "the 40th anniversary of the 1959 revolution": an anniversary of a year the text states
_ANNIVERSARY_OF_YEAR = re.compile(
    r"(?i)\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth|seventy-fifth|hundredth)\s+anniversary"
    r"\s+of\s+(?:[\w'’-]+\s+){0,5}?(?:in\s+)?((?:19|20)\d\d)\b"
)
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventy-fifth": 75,
    "hundredth": 100,
    "centennial": 100,
    "bicentennial": 200,
}


def _ordinal(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower()
    return int(word[:-2]) if word[:-2].isdigit() else _ORDINAL_WORDS.get(word)


#: words that say time has passed since an event ("custody battle since he was found")
_ELAPSED = re.compile(r"(?i)\b(?:since|anniversary|ago|years? after|months after)\b")
_DAYS_AFTER = re.compile(
    r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d\d?)\s+"
    r"(day|week|month)s?\s+(?:after|since|ago)\b"
)
#: "retired nine years ago", "a decade ago": as for days, the news is that long after, give or take a
#: seventh; only "ago" (in "a year after the Games were postponed because of the pandemic" the
#: year counts from another happening than the one the sentence names)
_YEARS_AGO = re.compile(
    r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d\d?)\s+"
    r"(year|decade)s?\s+ago\b"
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}


def _count(word: str) -> int | None:
    from .vocabulary import parse_number

    n = parse_number(word)
    return int(n) if n is not None else None


def _event_evidence(board: Board, ev: dict, text: str, sents, candidates) -> None:
    """What the sentences naming one dated event say about the article's date."""
    if ev.get("cues") and not any(c in text for c in ev["cues"]):
        return
    if not all(p.search(text) for p in ev["all"]):
        return  # most articles name no event: one pass over the text says so
    matched = [(a, b) for a, b in sents if all(p.search(text[a:b]) for p in ev["all"])]
    if not matched:
        return
    said = [text[a:b] for a, b in matched]
    nearby = [
        text[a:b]
        for i, (a, b) in enumerate(sents)
        if any(abs(i - j) <= 2 for j, sb in enumerate(sents) if sb in matched)
    ]
    if ev["planned"] and any(ev["planned"].search(s) for s in nearby):
        # "Poland will join NATO in March" (or "The three are expected to
        # join in April" a sentence later): the event is still to come.
        board.add(
            _range_mask(ev["date"] - timedelta(days=365), ev["date"]),
            1.0,
            f"speaks of {ev['name']} ({ev['date']}) as still to come",
        )
        # News of a scheduled event thickens as it nears.
        board.add(
            _range_mask(ev["date"] - timedelta(days=PLANNED_NEAR_DAYS), ev["date"]),
            PLANNED_NEAR_WEIGHT,
            f"speaks of {ev['name']} ({ev['date']}) as still to come",
        )
        board.bound(None, ev["date"], f"speaks of {ev['name']} ({ev['date']}) as still to come", "event_planned")
        board.strong = True
        return
    for sentence in said:
        if (m := _ANNIVERSARY.search(sentence)) and (n := _ordinal(m.group(1))):
            # "NATO's 50th anniversary": the article is around that day,
            # mostly in the run-up to it.
            try:
                target = ev["date"].replace(year=ev["date"].year + n)
            except ValueError:
                target = ev["date"] + timedelta(days=round(365.25 * n))
            reason = f"'{m.group(0)}' of {ev['name']} ({ev['date']}): around {target}"
            board.strong = True
            if _COMING.search(sentence):
                # "will celebrate its 50th anniversary in April": the article
                # is in the year before the day.
                board.add(_range_mask(target - timedelta(days=365), target), 1.5, reason + ", still to come")
                board.bound(
                    target - timedelta(days=ANNIVERSARY_RUN_UP_DAYS), target, reason + ", still to come", "anniversary"
                )
                return
            board.add(_range_mask(target - timedelta(days=30), target + timedelta(days=30)), 2.0, reason)
            board.add(_range_mask(target - timedelta(days=365), target - timedelta(days=31)), 1.0, reason)
            board.add(_range_mask(target + timedelta(days=31), target + timedelta(days=365)), 0.7, reason)
            board.bound(
                target - timedelta(days=ANNIVERSARY_RUN_UP_DAYS), target + timedelta(days=400), reason, "anniversary"
            )
            return
    # Named alone, an event bounds the article from below, and that with the
    # tilt to its first weeks below is no ground for a confident answer:
    # landmark events are named without their year for decades. Told with a
    # day close at hand ("on Friday", "yesterday"), or again and again (the
    # article is about it, not passing by it), it is news of the event.
    board.add(_range_mask(ev["date"], None), 1.0, f"mentions {ev['name']} ({ev['date']})")
    board.bound(ev["date"], None, f"mentions {ev['name']} ({ev['date']})", "event")
    if len(said) > 1 or any(_CLOSE_DAY.search(sentence) for sentence in said):
        board.strong = True
    if ev.get("lasting"):
        # A crisis, war or affair that went on for months or years is named
        # without its year all along, and "a month after" it says little:
        # only its start bounds the article.
        return
    in_force = bool(ev["until"] and ev["ongoing"] and any(ev["ongoing"].search(s) for s in said))
    if str(ev["date"].year) not in text and not in_force and not any(_ELAPSED.search(s) for s in said):
        # News names an event without its year while it is fresh; later it
        # writes "1989's Hurricane Hugo" or "since ... Nov. 25". A deal still
        # in force is named so all its life, which says nothing of freshness.
        board.add(
            _range_mask(ev["date"], ev["date"] + timedelta(days=EVENT_FRESH_DAYS)),
            0.5,
            f"names {ev['name']} without its year, as news does while it is recent",
        )
        board.add(
            _range_mask(ev["date"], ev["date"] + timedelta(days=365)),
            0.3,
            f"names {ev['name']} without its year, as news does while it is recent",
        )
        board.fresh_events.append(ev["date"])
    if in_force:
        # "will not extend the deal": it is still in force, so the article
        # falls within its lifetime.
        board.add(
            _range_mask(ev["date"], ev["until"]), 1.5, f"speaks of {ev['name']} as still in force (until {ev['until']})"
        )
        board.bound(ev["date"], ev["until"], f"speaks of {ev['name']} as still in force", "event_in_force")
        board.strong = True
    for sentence in said:
        m = _DAYS_AFTER.search(sentence) or (None if ev.get("lasting") else _YEARS_AGO.search(sentence))
        if m and (n := _count(m.group(1))) is not None:
            # "two days after Moscow refused to renew", "whose rescue two
            # months ago": the news is that long after the event, give or
            # take a seventh of it.
            unit = _UNIT_DAYS[m.group(2).lower()]
            day = ev["date"] + timedelta(days=n * unit)
            slack = timedelta(days=max(1, n * unit // 7))
            board.add(_range_mask(day - slack, day + slack), 1.5, f"'{m.group(0)}' {ev['name']}: about {day}")
            board.bound(day - 2 * slack, day + 2 * slack, f"'{m.group(0)}' {ev['name']}: about {day}", "event_elapsed")
            board.strong = True
            break
    # "the Aug. 7 bombings", "the quake in October": an event dated without
    # its year is one of the past year.
    for a, b in matched:
        months = [c for c in candidates if a <= c.start < b and c.kind in ("month", "md", "dm") and not c.group("year")]
        if any(MONTHS[c.group("month_name").lower().rstrip(".")] == ev["date"].month for c in months):
            board.add(
                _range_mask(ev["date"], ev["date"] + timedelta(days=365)),
                1.5,
                f"dates {ev['name']} by its month only, so within a year of {ev['date']}",
            )
            board.bound(
                ev["date"],
                ev["date"] + timedelta(days=366),
                f"dates {ev['name']} by its month only",
                "event_month_only",
            )
            board.strong = True
            break


def anniversary_of_year_evidence(board: Board, text: str, years: np.ndarray) -> None:
    """Anniversaries of a stated year ("the 40th anniversary of the 1959
    revolution"): the article is in the anniversary year or in its run-up."""
    for m in _ANNIVERSARY_OF_YEAR.finditer(text):
        n = _ordinal(m.group(1))
        target = int(m.group(2)) + (n or 0)
        if n and GRID_START.year <= target <= GRID_END.year:
            reason = f"'{' '.join(m.group(0).split())}': that anniversary falls in {target}"
            board.add(years == target, 2.0, reason)
            board.add(years == target - 1, 0.8, reason)
            board.bound(date(target - 1, 1, 1), date(target + 1, 12, 31), reason, "anniversary_of_year")
            board.strong = True
            break


#: numbered sittings and editions whose year follows from the number
_NUMBERED = re.compile(
    r"\b(?P<n>\d{2,3})(?:st|nd|rd|th)\s+(?:(?P<congress>Congress)\b(?!\s+of\b)|(?:annual\s+)?(?P<oscars>Academy\s+Awards)\b)"
    r"|\bSuper\s+Bowl\s+(?P<roman>[XLVI]{1,8})\b"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
#: how long before a numbered event news names it by its number
NUMBERED_LEAD = timedelta(days=150)


def _roman(numeral: str) -> int | None:
    values = [_ROMAN[ch] for ch in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


def numbered_evidence(board: Board, text: str, direction) -> None:
    """Things named by their number: "the 101st Congress" sat from January
    3 of 1789 + 2 x 100 = 1989 for two years; Super Bowl XXIV was played
    early in 1966 + 24 = 1990; the 62nd Academy Awards were given in 1928
    + 62 = 1990. The article is not from before the run-up (months ahead,
    when the number is first used); and unless told in the past, it is
    from that run-up or the sitting itself. ``direction(start, end)`` is
    the tense there (-1 past, 0 unknown, 1 future)."""
    for m in _NUMBERED.finditer(text):
        if m.group("congress"):
            n = int(m.group("n"))
            first = date(1789 + 2 * (n - 1), 1, 3) if n >= 74 else None
            last = first.replace(year=first.year + 2) if first else None
            what = f"the {' '.join(m.group(0).split())} ({first}..{last})"
        elif m.group("oscars"):
            n = int(m.group("n"))
            first = date(1928 + n, 2, 1)
            last = date(1928 + n, 4, 30)
            what = f"the {' '.join(m.group(0).split())} (given in {first.year})"
        else:
            # a lone "I" after "Super Bowl" is more often the pronoun
            n = _roman(m.group("roman")) if m.group("roman") != "I" else None
            first = date(1966 + n, 1, 10) if n else None
            last = date(1966 + n, 2, 15) if n else None
            what = f"Super Bowl {m.group('roman')} (played early in {1966 + (n or 0)})"
        if first is None or not GRID_START <= first <= GRID_END:
            continue
        reason = f"names {what}"
        board.add(_range_mask(first - NUMBERED_LEAD, None), 1.0, reason)
        board.bound(first - NUMBERED_LEAD, None, reason, "numbered")
        if direction(m.start(), m.end()) >= 0:
            # most of the news is from the sitting or the day itself, but the
            # run-up is close enough that no year is answered confidently from it
            board.add(_range_mask(first, last), 1.0, reason + ", not as past")
            board.add(_range_mask(first - NUMBERED_LEAD, first - timedelta(days=1)), 0.6, reason + ", not as past")
        board.strong = True
        return


def fresh_together(board: Board) -> None:
    """Two different events named without their year, each fresh while the
    other is (Hurricane Hugo and the Loma Prieta quake a month apart): the
    article is news of that time, not history, which would not name both
    without a year."""
    days = sorted(set(board.fresh_events))
    if any((b - a).days <= EVENT_FRESH_DAYS for a, b in zip(days, days[1:])):
        board.strong = True
