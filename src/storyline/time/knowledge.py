"""The knowledge that dates an article: officeholders with their terms,
elections, dated events and entities with lifespans.

Read from the YAML files in ``time/data`` and from the user's ``roles_path``
files (same formats), once per set of paths. Names are matched with or
without accents, since the press spells them both ways.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Holder:
    """One officeholder: the titles and name to find, and their terms."""

    titles: tuple[str, ...]
    #: the name as it follows a title ("King Charles III" -> "Charles III")
    name_for_re: str
    name: str
    title: str
    terms: tuple[tuple[date, date | None], ...]
    #: the word the text must contain for the pattern to be worth running
    surname: str = ""
    #: the text must give a first name too: governors and mayors share
    #: surnames with officials of other states and cities ("Gov. Brown")
    full_name: bool = False
    #: the day of birth, when the knowledge gives it ("born:"): "Smith, 72," then dates the article
    born: date | None = None
    #: for a one-word name ("Abiy", "Najib"): the words that may follow it as the same
    #: person's surname ("Abiy Ahmed"); any other capitalised word makes it another's name
    follows: tuple[str, ...] = ()

    @functools.cached_property
    def title_re(self) -> re.Pattern:
        # compiled on first use: a text names few of the hundreds of holders
        # (their surnames are looked up first), and compiling them all was
        # most of the cost of loading this knowledge
        return _title_pattern(self.titles, self.name_for_re, self.follows)

    @functools.cached_property
    def apposition_re(self) -> re.Pattern | None:
        """The title after the name: "Colin Powell, chairman of the Joint
        Chiefs of Staff", "Mr. Darman, the budget director". Only titles of
        two words or more: "Smith, the president" may be any company's."""
        specific = [t for t in self.titles if len(t.split()) >= 2]
        return _apposition_pattern(specific, self.name_for_re) if specific else None


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def fold(text: str) -> str:
    """Text without accents ("Chávez" -> "Chavez"), for comparing names
    that the press spells either way."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def _loose_letters() -> dict[str, str]:
    """Each plain letter that has accented forms in Latin-1 and Latin
    Extended-A, as a regex class of them all ("n" -> "[nñńņň]")."""
    out = {}
    for ch in "AaCcEeIiNnOoSsUuYyZz":
        variants = sorted(c for c in map(chr, range(0xC0, 0x17F)) if fold(c) == ch)
        out[ch] = "[" + ch + "".join(variants) + "]"
    return out


def _loose(word: str) -> str:
    """A regex for ``word`` that also matches its accented spellings."""
    letters = _loose_letters()
    return "".join(letters.get(ch, re.escape(ch)) for ch in fold(word))


#: words before a title that put the holder's death behind the article ("slain Hezbollah leader X")
_DEAD = r"[Ss]lain|[Aa]ssassinated|[Mm]urdered|[Dd]eceased"  # not "killed": "killed X's aide" is a verb

#: "three-time prime minister X": X held the office, maybe not now; the mention dates nothing
_TIMES = r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d)-time"

#: lower-case words inside a name ("Daniel arap Moi", "Ursula von der Leyen")
_PARTICLES = r"(?:arap|bin|ibn|al|el|da|de|del|dos|du|van|von|der|den|la|le)"


def _title_pattern(titles: Sequence[str], name: str, follows: Sequence[str] = ()) -> re.Pattern:
    parts = name.split()
    surname = parts[-1]
    title_alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=len, reverse=True))
    # Title, then up to three given names or initials, then the surname;
    # "former", "late" or "slain" before the title means the term is over; a vice
    # or lieutenant governor, a deputy or assistant secretary, holds another office.
    # A one-word name ("Prime Minister Najib", "King Abdullah") followed by another
    # capitalised word other than a numeral is a first name of someone else's full name
    # ("Prime Minister Najib Mikati").
    allowed = "|".join([r"[IVXL]+", "Jr", "Sr", *(_loose(w) for w in follows)])
    alone = rf"(?!\s+(?!(?:{allowed})\b)[A-Z\u00C0-\u017E])" if len(parts) == 1 else ""
    return re.compile(
        rf"(?P<former>\b(?:[Ff]ormer|[Ee]x-|[Ll]ate|[Tt]hen-|[Tt]hen|{_DEAD}|{_TIMES})\s+(?:[A-Z][\w.]*\s+){{0,3}})?"
        rf"(?<![Vv]ice\s)(?<![Vv]ice-)(?<!Lt\.\s)(?<![Ll]ieutenant\s)(?<![Dd]eputy\s)(?<![Aa]ssistant\s)(?<![Aa]ssociate\s)\b(?i:{title_alt})\s+(?P<given>(?:(?:[A-Z\u00C0-\u017E][\w.'-]*|{_PARTICLES})\s+){{0,3}}){_loose(surname)}\b{alone}"
    )


def _packaged(kind: str) -> list[Path]:
    """The packaged data files of one kind: ``roles.yaml`` and then
    ``roles_<topic>.yaml`` (one file per category of knowledge keeps each
    one short enough to review)."""
    return [DATA_DIR / f"{kind}.yaml"] + sorted(DATA_DIR.glob(f"{kind}_*.yaml"))


def _apposition_pattern(titles: Sequence[str], name: str) -> re.Pattern:
    surname = name.split()[-1]
    title_alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=len, reverse=True))
    # One to three given names or an honorific, the surname, a comma, then
    # the title with at most an article and two qualifiers ("the U.S. trade
    # representative"); "who was then" or "the former" mean another time.
    return re.compile(
        rf"\b(?P<given>(?:[A-Z\u00C0-\u017E][\w.'-]*\s+){{1,3}}){_loose(surname)},\s+"
        rf"(?P<former>(?:who\s+(?:is|was)\s+)?(?:then|formerly|until\s+recently)\s+|(?:the\s+|a\s+)?(?:former|ex-|onetime)\s*)?"
        rf"(?:who\s+is\s+)?(?:the\s+)?(?:[A-Z][\w.]*\s+){{0,2}}(?i:{title_alt})\b(?!\s+of\s+[A-Z])"
    )


#: the C loader when PyYAML has it: several times faster on the roles file
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_file(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER) or {}


@functools.lru_cache(maxsize=8)
def load_knowledge(extra_paths: str = "") -> tuple[tuple[Holder, ...], dict, tuple[dict, ...]]:
    """Roles, elections and events from the packaged data and any
    ``roles_path`` files (os.pathsep-separated)."""
    files = _packaged("roles") + _packaged("events")
    files += [Path(p) for p in extra_paths.split(os.pathsep) if p.strip()]
    holders: list[Holder] = []
    elections: dict = {}
    events: list[dict] = []
    for path in files:
        if not path.is_file():
            from ..errors import SettingsError

            raise SettingsError(f"roles file {path} does not exist; fix the roles_path setting")
        data = _load_file(path)
        for role in data.get("roles", ()):
            titles = role["titles"]
            for h in role["holders"]:
                terms = tuple((_as_date(a), _as_date(b)) for a, b in h["terms"])
                name = h["name"]
                if name.split()[0] in ("King", "Queen", "Pope"):
                    titles, name_for_re = [name.split()[0]], " ".join(name.split()[1:])
                else:
                    name_for_re = name
                holders.append(
                    Holder(
                        tuple(titles),
                        name_for_re,
                        name,
                        titles[0],
                        terms,
                        fold(name_for_re.split()[-1]),
                        bool(role.get("full_name")),
                        _as_date(h.get("born")),
                    )
                )
        for country, spec in (data.get("elections") or {}).items():
            entry = elections.setdefault(country, {"cues": [], "dates": []})
            entry["cues"] += list(spec.get("cues", ()))
            entry["dates"] += [_as_date(d) for d in spec.get("dates", ())]
        for ev in data.get("events", ()):
            events.append(
                {
                    "name": ev["name"],
                    "date": _as_date(ev["date"]),
                    "cues": _literal_cues(ev["all"]),
                    "all": [re.compile(p) for p in ev["all"]],
                    "until": _as_date(ev.get("until")),
                    "ongoing": re.compile(ev["ongoing"]) if ev.get("ongoing") else None,
                    "planned": re.compile(ev["planned"]) if ev.get("planned") else None,
                    "lasting": bool(ev.get("lasting")),
                }
            )
    for spec in elections.values():
        spec["cue_re"] = re.compile(r"\b(?:" + "|".join(spec["cues"]) + r")\b")
    holders += _converted_holders(holders)
    return tuple(_with_births(_with_follows(holders))), elections, tuple(events)


def _with_follows(holders: list[Holder]) -> list[Holder]:
    """One-word names with the surnames the same person is listed under too
    ("Abiy" and "Abiy Ahmed" with the same terms): "Prime Minister Abiy Ahmed"
    is Abiy, "Prime Minister Najib Mikati" is not Najib Razak."""
    from dataclasses import replace

    full: dict[tuple, set[str]] = {}
    for h in holders:
        words = h.name_for_re.split()
        if len(words) > 1:
            full.setdefault((fold(words[0]).lower(), h.terms), set()).add(words[-1])
    out = []
    for h in holders:
        words = h.name_for_re.split()
        follows = full.get((fold(words[0]).lower(), h.terms)) if len(words) == 1 else None
        out.append(replace(h, follows=tuple(sorted(follows))) if follows else h)
    return out


def _with_births(holders: list[Holder]) -> list[Holder]:
    """Holders with the day of birth the converted data gives (``births.tsv``:
    US presidents, vice presidents and members of Congress) where their own
    file gives none, matched by the full name."""
    from dataclasses import replace

    from ..actors.generated import DATA_DIR as GENERATED

    path = GENERATED / "births.tsv"
    if not path.is_file():
        return holders
    births = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, day = line.split("\t")
            births[fold(name).lower()] = day
    return [
        replace(h, born=date.fromisoformat(births[key]))
        if h.born is None and (key := fold(h.name).lower()) in births
        else h
        for h in holders
    ]


def _converted_holders(written: Sequence[Holder]) -> list[Holder]:
    """Officeholders converted from the Phoenix and US Congress data
    (``actors/generated.py``, the knowledge actor resolution reads too),
    except those the hand-written and user files already hold: the same name,
    or the same surname under one of the same titles. Those files win."""
    from ..actors.generated import generated_holders

    names = {fold(n).lower() for h in written for n in (h.name, h.name_for_re)}
    taken = {(h.surname.lower(), t.lower()) for h in written for t in h.titles}
    out = []
    for g in generated_holders():
        surname = fold(g.name.split()[-1])
        if len(surname) < 3 or re.fullmatch(r"[IVX]+", surname):
            # "Juan Carlos I", "Kim Jong Un": a surname this short is in nearly
            # every text, so its pattern would run on every article
            continue
        if fold(g.name).lower() in names or any((surname.lower(), t.lower()) in taken for t in g.titles):
            continue
        out.append(Holder(g.titles, g.name, g.name, g.titles[0], g.terms, surname, g.full_name))
    return out


def _literal_cues(patterns: Sequence[str]) -> tuple[str, ...]:
    """Plain substrings one of which the text must contain for an event's
    patterns to match, from the first pattern that is an alternation of
    plain words ("Bhopal", "Plaza accord|Plaza agreement"): a substring test
    is cheaper than a regex search, and most articles name no event."""
    for pattern in patterns:
        parts = [p.replace(r"\.", ".") for p in pattern.split("|")]
        if all(p and not re.search(r"[\\^$*+?{}\[\]()|]", p) for p in parts):
            return tuple(parts)
    return ()


@dataclass(frozen=True)
class Entity:
    """Something with a lifespan that news names while it exists: a state
    (the Soviet Union until 1991-12-26), a currency (the euro from 1999), a
    product (the iPhone from 2007-01-09)."""

    name: str
    pattern: re.Pattern
    start: date | None
    end: date | None
    #: a cheap substring test before the pattern runs
    cue: str


@functools.lru_cache(maxsize=8)
def load_entities(extra_paths: str = "") -> tuple[Entity, ...]:
    """Entities with lifespans (``entities:`` in the packaged ``entities.yaml``
    and in any ``roles_path`` file)."""
    files = _packaged("entities") + [Path(p) for p in extra_paths.split(os.pathsep) if p.strip()]
    out = []
    for path in files:
        if not path.is_file():
            continue  # load_knowledge reports a missing user file
        for e in _load_file(path).get("entities", ()):
            out.append(
                Entity(
                    e["name"],
                    re.compile(e["pattern"]),
                    _as_date(e.get("from")),
                    _as_date(e.get("until")),
                    e.get("cue", ""),
                )
            )
    return tuple(out)


def user_roles_paths() -> str:
    """The user's ``roles_path`` setting (os.pathsep-separated files)."""
    try:
        from ..settings import load_settings

        return load_settings().roles_path
    except Exception:  # settings problems are reported by the CLI, not here
        return ""
