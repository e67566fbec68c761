"""What resolving one expression gives, shared by the resolver and its rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .vocabulary import MOD_CODES, MONTHS


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str
    basis: str  # explicit or relative
    mod: str | None = None
    reference: date | None = None  # a day this expression points at, for the narrative anchor
    granularity: str = "day"
    #: the point a span counted from the narrative lands on ("three days
    #: later" is a DURATION in TimeML): what the narrative moves to, and
    #: what events in its clause are dated by
    implied: "Resolved | None" = None


def mod_code(cand) -> str | None:
    """The TIMEX3 modifier of a candidate's "mod" group ("early" -> START)."""
    raw = cand.group("mod")
    if not raw:
        return None
    return MOD_CODES.get(" ".join(raw.lower().split()))


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# A present perfect: "has moved", "have been selling", "'ve long suffered",
# "has grown" (regular participles, and the common irregular ones).
_PARTICIPLE = (
    r"(?:been|[a-z]+ed|[a-z]+en|made|paid|said|sold|held|led|lost|won|met|told|bought|brought"
    r"|fought|thought|kept|left|felt|built|sent|spent|begun|become|come|done|gone|run|grown"
    r"|known|shown|seen|hit|cut|put|set|spread|fled|found|stood|got|struck)"
)
_PRESENT_PERFECT = re.compile(
    r"(?i)\b(?:has|have|'ve)\s+(?:(?:not|n't|never|also|already|long|just|all|both"
    r"|recently|steadily)\s+)*" + _PARTICIPLE + r"\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?]['\"]*\s+(?=[A-Z\"`'])|\n")


def in_present_perfect(text: str, start: int, end: int) -> bool:
    """The sentence around ``text[start:end]`` tells of a span reaching up to
    now ("have suffered ... in recent years"), read from the words alone
    (the expression's kind is resolved without a parse)."""
    left = max(
        (m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 300), start)), default=max(0, start - 300)
    )
    right = _SENTENCE_BREAK.search(text, end, end + 300)
    return _PRESENT_PERFECT.search(text, left, right.start() if right else min(len(text), end + 300)) is not None
