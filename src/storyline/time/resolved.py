"""What resolving one expression gives, shared by the resolver and its rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .vocabulary import MOD_CODES, MONTHS


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str
    basis: str          # explicit or relative
    mod: str | None = None
    reference: date | None = None   # a day this expression points at, for the narrative anchor
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
