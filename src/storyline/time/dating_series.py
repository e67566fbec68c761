"""Dating by recurring happenings held only in some years: "this year's
World Cup" puts the article in a World Cup year, "last year's Winter
Olympics" in the year after one, "next year's presidential election" in the
year before one. The series are listed in ``data/series.yaml``.

The years that fit are many and far apart, so they are a set, not an
interval: they score those years and, as a bound, keep the interval to the
years of the set that the other bounds allow.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from .grid import Board
from .knowledge import DATA_DIR, _load_file

#: the year the happening is in, from the article's: this year's, last year's, next year's
_WHEN = {"this": 0, "last": -1, "next": 1}
_LEAD = re.compile(r"(?i)\b(this|last|next)\s+year['’]s\s+")


@dataclass(frozen=True)
class Series:
    name: str
    pattern: re.Pattern
    years: frozenset[int]
    unless: re.Pattern | None


@functools.lru_cache(maxsize=1)
def load_series() -> tuple[Series, ...]:
    out = []
    for s in _load_file(DATA_DIR / "series.yaml").get("series", ()):
        moved = {int(k): int(v) for k, v in (s.get("moved") or {}).items()}
        years = frozenset(moved.get(y, y) for y in range(s["from"], s["until"] + 1, s["every"]))
        out.append(
            Series(s["name"], re.compile(s["pattern"]), years, re.compile(s["unless"]) if s.get("unless") else None)
        )
    return tuple(out)


def series_evidence(board: Board, text: str, sents, years: np.ndarray) -> None:
    """Each "this/last/next year's <series>" the text names: the article's
    year is one that fits (the union when the words fit several series)."""
    from .grid import _sentence_of

    if "year" not in text:
        return
    for m in _LEAD.finditer(text):
        a, b = _sentence_of(sents, m.start())
        sentence = text[a:b] if b > a else text[m.start() : m.start() + 200]
        fits: set[int] = set()
        names = []
        for s in load_series():
            hit = s.pattern.match(text, m.end())
            if hit is None or (s.unless is not None and s.unless.search(sentence)):
                continue
            fits |= s.years
            names.append(s.name)
            words = " ".join(text[m.start() : hit.end()].split())
        if not fits:
            continue
        shift = _WHEN[m.group(1).lower()]
        article_years = sorted(y - shift for y in fits)
        mask = np.isin(years, article_years)
        reason = (
            f"'{words}': {' or '.join(dict.fromkeys(names))} "
            f"{'is' if shift == 0 else 'was' if shift < 0 else 'will be'} held "
            f"{'that year' if shift == 0 else 'the year before' if shift < 0 else 'the year after'}"
        )
        board.add(mask, 1.5, reason)
        board.bound_mask(mask, reason, "series")


#: a country's national vote after "this year's", "last year's", "next year's" ("last year's
#: vote" may be one on a bill or a referendum, "polls" opinion polls: only "election")
_ELECTION = re.compile(r"(?i)(?:(?:general|presidential|parliamentary|national|legislative|federal)\s+)?elections?\b")
#: a vote that is not a national one the elections data lists
_OTHER_VOTE = re.compile(
    r"(?i)\b(?:state|regional|local|municipal|provincial|mayoral|primary|primaries|party|leadership|midterm|mid-term"
    r"|European|EU|referendum|by-?election|council)\b"
)


def election_series_evidence(board: Board, text: str, sents, years: np.ndarray, elections: dict) -> None:
    """ "last year's election" in a country whose national votes the
    knowledge lists (``elections:``): the article is in the year after one
    of them. The country is the one the sentence names, else the only one
    the text names; a state, party or European vote is another series."""
    from .grid import _sentence_of

    if "year" not in text:
        return
    named_in_text = [c for c, spec in elections.items() if spec["cue_re"].search(text)]
    for m in _LEAD.finditer(text):
        hit = _ELECTION.match(text, m.end())
        if hit is None:
            continue
        a, b = _sentence_of(sents, m.start())
        sentence = text[a:b] if b > a else text[max(0, m.start() - 200) : m.start() + 200]
        if _OTHER_VOTE.search(sentence):
            continue
        countries = [c for c in named_in_text if elections[c]["cue_re"].search(sentence)] or (
            named_in_text if len(named_in_text) == 1 else []
        )
        if len(countries) != 1:
            continue  # which country's vote, the text does not say
        vote_years = {d.year for d in elections[countries[0]]["dates"]}
        shift = _WHEN[m.group(1).lower()]
        # years the list does not reach say nothing (a vote planned then, or held, is not in it)
        unlisted = (years < min(vote_years) - 1) | (years > max(vote_years) + 1)
        listed = np.isin(years, sorted(y - shift for y in vote_years))
        words = " ".join(text[m.start() : hit.end()].split())
        reason = (
            f"'{words}' in {countries[0]}: a national vote was held "
            f"{'that year' if shift == 0 else 'the year before' if shift < 0 else 'the year after'}"
        )
        board.add(listed, 1.5, reason)
        board.bound_mask(listed | unlisted, reason, "series")
