"""The knowledge converted from open-licensed dictionaries (``data/generated``,
built by ``scripts/convert_knowledge.py``): tens of thousands of persons,
organisations and armed groups with aliases and dated roles, the officeholders
among them with the titles that date an article, and the role nouns of the
Phoenix agents dictionary.

One loader for both users: actor resolution (``kb.py``) and dating
(``time/knowledge.py``). The hand-written files win wherever they say
something, so this module only reads; merging is the caller's.

Reading is cheap (one JSON parse, cached per process); an ``Actor`` record is
built only when a look-up asks for it, since an article names a handful of
the 25,000 entries.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..models import Actor, Role

DATA_DIR = Path(__file__).parent / "data" / "generated"


@dataclass(frozen=True)
class GeneratedHolder:
    """An officeholder for dating: ``titles`` before ``name`` dates the text to ``terms``."""

    name: str
    titles: tuple[str, ...]
    full_name: bool
    terms: tuple[tuple[date | None, date | None], ...]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@functools.lru_cache(maxsize=1)
def actor_rows() -> dict[str, str]:
    """Canonical name -> that actor's line of ``actors.jsonl``, parsed only
    when the actor is asked for; empty when the generated files are absent."""
    path = DATA_DIR / "actors.jsonl"
    if not path.is_file():
        return {}
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        end = line.find('",', 2)
        name = line[2:end]
        if "\\" in name:  # an escaped character: let the JSON parser read it
            name = json.loads(line)[0]
        rows[name] = line
    return rows


@functools.lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Normalised alias key -> canonical name (``aliases.tsv``)."""
    path = DATA_DIR / "aliases.tsv"
    if not path.is_file():
        return {}
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())


def build_actor(line: str) -> Actor:
    name, kind, country, sector, keys, roles = json.loads(line)
    return Actor(
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        aliases=tuple(keys),
        roles=tuple(Role(title, organisation, _day(start), _day(end)) for title, organisation, start, end in roles),
    )


#: The title a converted role carries for each sector (the CAMEO role code is its organisation).
SECTOR_LABEL = {
    "GOV": "government",
    "MIL": "military",
    "REB": "rebel",
    "OPP": "opposition",
    "PTY": "party",
    "COP": "police",
    "JUD": "judiciary",
    "SPY": "intelligence",
    "LEG": "legislature",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilian",
    "REF": "refugee",
    "ELI": "elite",
    "IGO": "international organisation",
    "NGO": "non-governmental organisation",
    "CRM": "criminal",
    "EDU": "education",
    "HLH": "health",
    "LAB": "labour",
    "AGR": "agriculture",
    "REL": "religion",
    "ENV": "environment",
    "HRI": "human rights",
    "DEV": "development",
}
_SECTOR_OF_LABEL = {label: sector for sector, label in SECTOR_LABEL.items()}


def sector_on(actor: Actor, on: date | None) -> str | None:
    """The sector of a converted actor's dated role on ``on`` (Putin is GOV in
    2010 and an elite, ELI, in 1995), or None when no dated role covers the day."""
    if on is None:
        return None
    for role in actor.roles:
        sector = _SECTOR_OF_LABEL.get(role.title)
        if sector and (role.start is None or role.start <= on) and (role.end is None or on <= role.end):
            return sector
    return None


@functools.lru_cache(maxsize=1)
def generated_holders() -> tuple[GeneratedHolder, ...]:
    """Every converted officeholder with the titles that name them (``holders.jsonl``)."""
    path = DATA_DIR / "holders.jsonl"
    if not path.is_file():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name, titles, full_name, terms = json.loads(line)
        out.append(GeneratedHolder(name, tuple(titles), bool(full_name), tuple((_day(a), _day(b)) for a, b in terms)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def agents() -> dict[str, tuple[str, str]]:
    """Role noun phrase (lower case) -> (CAMEO agent code, sector), from
    ``agents.tsv`` ("minister" -> GOV, "rebels" -> REB, "riot police" -> COP)."""
    path = DATA_DIR / "agents.tsv"
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        phrase, code, sector = line.split("\t")
        out[phrase] = (code, sector)
    return out
