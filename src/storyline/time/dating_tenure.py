"""A term of office told as the news, or counted, the way a reader reads it.

* The lead reports a term beginning or ending ("X was sworn in as
  president on Wednesday", "X was elected chancellor by parliament",
  "Charles became king", "Pope X died on Monday", "ending X's sixteen
  years in office"): the article is in the days after that start or end
  of X's term, which the knowledge gives. Only the lead's sentences that
  name no year are read (background says "X, who took office in 2017"),
  and "died" only of a holder named with the title and not as former
  (a former president's death is no end of a term).
* "X's sixteen years in office", "her seventy years on the throne":
  the article is that many years after a start of X's term.
* "his second term", "X's first term": the article is in that term, when
  the knowledge lists the terms apart.
* "He succeeds Pope X", "will succeed President X", "replaces X": a
  handover told as news, around an end of X's term.

Each is a score and a bound on the board, as the other readings of an
officeholder (``dating_offices.py``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np

from .dating_offices import _span_bound, _title_alternatives, _years_after
from .grid import N_DAYS, Board, _range_mask
from .knowledge import Holder, _loose, fold

#: the sentences of the lead: the news an article reports first
LEAD_SENTENCES = 3
#: days after a term's start or end that the lead still reports it as news
NEWS_DAYS = 30
#: days before a term's start that news reports the holder elected, appointed or chosen: a vote
#: comes weeks (France) to months (Mexico four, Indonesia eight) before the term begins
CHOSEN_BEFORE_DAYS = 250
#: days before a term's end that news reports the holder resigning (the successor is chosen
#: first: a prime minister resigns as party leader and leaves office weeks later)
ANNOUNCED_BEFORE_DAYS = 75
#: ... though most begin within this many days of the vote or the appointment
USUAL_BEFORE_DAYS = 90
_CHOSEN = re.compile(r"(?i)elected|appointed|named|chosen|proclaimed")
#: "sworn in", "took the oath", "was elected chancellor", "became king", "succeeded"
_BEGAN_NEWS = (
    r"(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?(?:sworn\s+in|took\s+the\s+oath|took\s+office"
    r"|(?:was\s+)?inaugurated|(?:was\s+)?(?:elected|appointed|named|installed|chosen|crowned|proclaimed)"
    r"|became|succeeded|took\s+over|assumed\s+(?:office|power|the\s+post))"
)
#: verbs that need the title after them to be of this office ("elected to parliament" is not)
_NEEDS_TITLE = re.compile(r"(?i)elected|appointed|named|installed|chosen|crowned|proclaimed|became|took\s+over")
_ENDED_NEWS = r"(?:died|resigned|stepped\s+down|left\s+office|(?:was\s+)?(?:ousted|toppled|overthrown|deposed))"
_ENDING = r"(?:ending|ended|closing|closed)"
_TENURE = r"(?:years?\s+in\s+(?:office|power)|years?\s+on\s+the\s+throne|years?\s+at\s+the\s+helm|years?\s+as\s+\w+)"
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER = (
    r"(?P<n>\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
#: a sentence that dates what it tells (a year, a month, "two weeks ago", "last month") tells
#: background, not the article's news ("On August 24, Jobs resigned")
_DATED = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\bago\b|\b(?:last|earlier\s+this|previous)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b"
)
_ORDINAL_TERM = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def number_of(word: str) -> int | None:
    """1-99 written as digits or words ("sixteen", "seventy-two")."""
    word = word.lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    parts = word.split()
    if parts and parts[0] in _TENS:
        return _TENS[parts[0]] + (_NUMBER_WORDS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def tenure_evidence(board: Board, holders: list[Holder], text: str, sents: list[tuple[int, int]]) -> None:
    """Every reading of this module for the holders the text names (by surname)."""
    lead = [text[a:b] for a, b in sents[: LEAD_SENTENCES + 1]]  # a headline line counts as one
    handovers: dict[str, tuple[list, list[str]]] = {}
    for h in holders:
        if not h.surname:
            continue
        name = _loose(h.surname)
        if not re.search(rf"\b{name}\b", text):
            continue
        _term_news(board, h, name, lead, text)
        _years_in_office(board, h, name, text)
        _nth_term(board, h, name, text)
        _succeeded(handovers, h, name, lead, text)
    for phrase, (spans, names) in handovers.items():
        reason = f"'{phrase}' as news: a handover at the end of a term of {' or '.join(dict.fromkeys(names))}"
        _span_bound(board, spans, 2.5, reason, "succession")


#: "will succeed X", "succeeds X", "replaces X", "takes over from X": told in the present or
#: the future, the handover is news; "who succeeded X" is a career's background
_SUCCEEDS = (
    r"(?:(?:will|to|would)\s+(?:succeed|replace|take\s+over\s+from)|succeeds|replaces|takes\s+over\s+from"
    r"|is\s+(?:succeeding|replacing))"
)


def _succeeded(handovers: dict, h: Holder, name: str, lead: list[str], text: str) -> None:
    """ "He succeeds Pope Francis", "will succeed President X", "She replaces
    X, who resigned last week" in the lead (no year in the sentence): the
    article is about a handover, from some months before an end of X's term
    (a successor is elected or named first) to weeks after it. Gathered by
    phrase: two holders one phrase may name ("succeeds Bush") give the union."""
    ends = [b for _, b in h.terms if b is not None and b <= date.today()]
    if not ends or not _named_as_person(h, name, text):
        return
    titles = _title_alternatives(h)
    for sentence in lead:
        if re.search(r"\b(?:1[89]|20)\d\d\b", sentence):
            continue
        m = re.search(
            rf"\b{_SUCCEEDS}\s+(?:the\s+)?(?:(?:outgoing|incumbent)\s+)?(?:(?i:{titles})\s+)?"
            rf"(?P<given>(?:[A-Z\u00C0-\u017E][\w.'-]*\s+){{0,3}}){name}\b(?!['’]s\b)",
            sentence,
        )
        if m is None:
            continue  # "replaces President X's decree" is no handover
        if not _given_fits_name(h, m.group("given")):
            continue  # another person of that surname
        phrase = " ".join(m.group(0).split())
        spans, names = handovers.setdefault(phrase, ([], []))
        spans += [(e - timedelta(days=CHOSEN_BEFORE_DAYS), e + timedelta(days=NEWS_DAYS)) for e in ends]
        names.append(h.name)
        return


def _titled(holder: Holder, text: str) -> bool:
    return re.search(rf"(?i)\b(?:{_title_alternatives(holder)})\b", text) is not None


def _term_news(board: Board, h: Holder, name: str, lead: list[str], text: str) -> None:
    if not _named_as_person(h, name, text):
        return  # a surname alone is anybody's ("James McAlpine resigned" is no John James)
    today = date.today()
    starts = [a for a, _ in h.terms if a <= today]
    ends = [b for _, b in h.terms if b is not None and b <= today]  # a scheduled end is no news yet
    name = rf"{name}(?!\s+[A-Z])"  # the surname, not a first name before another
    for sentence in lead:
        # abbreviations keep their words in one clause ("Joseph R. Biden Jr. took the oath")
        sentence = re.sub(r"\b(Jr|Sr|Mr|Mrs|Ms|Dr|St|[A-Z])\.", r"\1", sentence)
        if _DATED.search(sentence) or not re.search(rf"\b{name}\b", sentence):
            continue
        m = re.search(rf"\b{name}\b(?:'s)?[^.;]{{0,80}}?\b(?P<verb>{_BEGAN_NEWS})\b(?P<after>[^.;]{{0,60}})", sentence)
        if m and _ANOTHER_CLAUSE.search(sentence[m.start() : m.start("verb")]):
            m = None  # "X was elected on Monday, two days after Y became ...": the verb is Y's
        elif m and re.match(r"(?i)became\s+the\s+(?:first|only|last|youngest|oldest)\b", sentence[m.start("verb") :]):
            m = None  # "became the first prime minister to be removed": a description, not a start
        if m and starts:
            verb = " ".join(m.group("verb").split())
            if _NEEDS_TITLE.search(verb) and not _titled(h, m.group("after")[:40]):
                m = None  # "elected to parliament", "became a lawyer": another office
            elif re.match(r"(?i)\s+as\s+", m.group("after")) and not _titled(h, m.group("after")[:40]):
                m = None  # "sworn in as senator": another office
            if m is not None:
                # a vote or an appointment comes before the term does (a US president is
                # elected in November and sworn in in January); an oath is its first day
                before = CHOSEN_BEFORE_DAYS if _CHOSEN.search(verb) else 0
                _news(board, h, starts, " ".join(m.group(0).split()), "began", before)
                return
        # "Parliament elected protest leader Nikol Pashinyan as prime minister": the verb
        # before the name, and the title right after it
        m = re.search(
            rf"\b(?P<verb>elected|appointed|named|chose|picked|swore\s+in)\s+(?:[a-z][\w-]*\s+){{0,3}}"
            rf"(?P<given>(?:[A-Z\u00C0-\u017E][\w.'-]*\s+){{0,3}}){name}\s+(?:as\s+)?(?:the\s+)?"
            rf"(?:(?:country's|nation's|new|next)\s+)?(?i:{_title_alternatives(h)})\b",
            sentence,
        )
        if m and not _given_fits_name(h, m.group("given")):
            m = None  # "elected Shehbaz Sharif" is not Nawaz Sharif's term
        if m and starts:
            before = 0 if m.group("verb").startswith("swore") else CHOSEN_BEFORE_DAYS
            _news(board, h, starts, " ".join(m.group(0).split()), "began", before)
            return
        m = re.search(
            rf"\b{_ENDING}\s+(?:[A-Z][\w.'-]*\s+){{0,3}}{name}'s\s+[^.;]{{0,40}}?\b(?:years?|decades?|rule|reign"
            rf"|tenure|term|time)\b",
            sentence,
        ) or re.search(rf"\b{name}\b[^.;]{{0,80}}?\b{_ENDED_NEWS}\b", sentence)
        if (
            m
            and ends
            and re.match(r"(?i)\s+as\s+", sentence[m.end() :])
            and not _titled(h, sentence[m.end() : m.end() + 50])
        ):
            m = None  # "resigned as president" is no end of a term as prime minister
        if m and ends:
            told = " ".join(m.group(0).split())
            before = sentence[max(0, m.start() - 60) : m.start()]
            if "died" in told and (
                re.search(r"(?i)(?:\bformer|\bex-|\bthe\s+late)\b", before + told) or not _named_with_title(h, text)
            ):
                continue  # a former holder's death, or a name without the title: no term's end
            # a resignation is announced before the term ends (the successor is chosen first)
            _news(board, h, ends, told, "ended", 0 if "died" in told else ANNOUNCED_BEFORE_DAYS)
            return


#: words that open another clause between a name and a verb: the verb is another subject's
_ANOTHER_CLAUSE = re.compile(r"\b(?:after|before|when|while|since|because|but|although|whereas|until)\b")


def _given_fits_name(h: Holder, given: str) -> bool:
    """The given names written before the surname (maybe none) fit the holder's."""
    words = [w for w in given.split() if w not in ("Mr.", "Mrs.", "Ms.", "Dr.", "Sheikh", "Prince")]
    return not (
        words
        and len(h.name.split()) > 1
        and len(words[0]) > 2
        and fold(words[0].rstrip(".")) not in {fold(w) for w in h.name.split()[:-1]}
    )


def _named_as_person(h: Holder, name: str, text: str) -> bool:
    """The text names the holder as a person, not only a word that is their
    surname: with a title, with "Mr."/"Ms.", or with a first name that
    begins as theirs ("Joseph R. Biden Jr." for Joe Biden)."""
    if _named_with_title(h, text) or re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s+{name}\b", text):
        return True
    if len(h.name.split()) == 1:
        return True  # "Naruhito", "Akihito": the one name is the whole name
    given = h.name.split()[0] if len(h.name.split()) > 1 else ""
    return (
        bool(given)
        and re.search(rf"\b{re.escape(given[:2])}[\w.]*\s+(?:[A-Z][\w.]*\s+){{0,2}}{name}\b", text) is not None
    )


def _named_with_title(h: Holder, text: str) -> bool:
    """The text names the holder with one of the titles, before or after the name."""
    seen_text, found = _titled_in
    if seen_text is not text:
        found = {}
        _titled_in[:] = [text, found]
    known = found.get(id(h))
    if known is None or known[0] is not h:
        known = found[id(h)] = (
            h,
            bool(h.title_re.search(text) or (h.apposition_re is not None and h.apposition_re.search(text))),
        )
    return known[1]


#: [the text last asked about, {id of a holder: (the holder, named there with a title)}]:
#: each question scans the whole text, and the officeholder evidence has scanned it already
#: (the holder is kept beside its id, so a new holder at a freed one's address is not taken for it)
_titled_in: list = [None, {}]


def note_named_with_title(h: Holder, text: str, named: bool) -> None:
    """What a scan of ``text`` for ``h``'s title patterns found, so
    ``_named_with_title`` need not scan again."""
    if _titled_in[0] is not text:
        _titled_in[:] = [text, {}]
    _titled_in[1][id(h)] = (h, named)


def _news(board: Board, h: Holder, edges: list[date], told: str, what: str, before_days: int) -> None:
    spans = [(e - timedelta(days=before_days), e + timedelta(days=NEWS_DAYS)) for e in edges]
    reason = f"'{told}' reported as news: the term of {h.name} {what} on {' or '.join(str(e) for e in edges)}"
    _span_bound(board, spans, 3.0, reason, "term_news")
    if before_days > USUAL_BEFORE_DAYS:
        # the bound allows the longest wait (Indonesia's eight months), but most terms begin
        # within three months of the vote: those days fit better
        near = np.zeros(N_DAYS, dtype=bool)
        for e in edges:
            near |= _range_mask(e - timedelta(days=USUAL_BEFORE_DAYS), e + timedelta(days=NEWS_DAYS))
        board.add(near, 1.0, reason)


def _years_in_office(board: Board, h: Holder, name: str, text: str) -> None:
    m = re.search(rf"\b{name}'s\s+(?:[a-z]+\s+)?{_NUMBER}\s+{_TENURE}", text)
    if m is None:
        # "her seventy years on the throne" in a sentence that names the holder
        for sm in re.finditer(rf"\b(?:his|her)\s+(?:[a-z]+\s+)?{_NUMBER}\s+{_TENURE}", text):
            sentence_start = max(text.rfind(". ", 0, sm.start()), text.rfind("\n", 0, sm.start()))
            if re.search(rf"\b{name}\b", text[max(0, sentence_start - 300) : sm.start()]):
                m = sm
                break
    if m is None:
        return
    n = number_of(m.group("n"))
    if n is None or n == 0:
        return
    spans = [
        (_years_after(a, n) - timedelta(days=183), _years_after(a, n + 1))
        for a, b in h.terms
        if b is None or _years_after(a, n) - timedelta(days=183) <= b + timedelta(days=366)
    ]
    if not spans:
        return
    told = " ".join(m.group(0).split())
    _span_bound(
        board,
        spans,
        2.5,
        f"'{told}': {n} years after {h.name}'s term began ({', '.join(str(a) for a, _ in h.terms)})",
        "tenure_years",
    )


def _nth_term(board: Board, h: Holder, name: str, text: str) -> None:
    if len(h.terms) < 2:
        return  # the record does not tell the terms apart
    m = re.search(
        rf"\b(?i:in|during|of|into)\s+(?:{name}'s|his|her)\s+(?P<nth>first|second|third|fourth)\s+term\b", text
    )
    if m is None or not re.search(rf"\b{name}\b", text[: m.start()]):
        return
    k = _ORDINAL_TERM[m.group("nth")]
    if k >= len(h.terms):
        return
    a, b = h.terms[k]
    _span_bound(
        board,
        [(a, (b or date.today()) + timedelta(days=60))],
        2.0,
        f"'{' '.join(m.group(0).split())}': {h.name}'s {m.group('nth')} term, {a}..{b or 'now'}",
        "nth_term",
    )
