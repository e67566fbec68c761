"""The gazetteer's index is built once and then read back from a cache file."""

from __future__ import annotations

import pytest

from storyline.actors import gazetteer


@pytest.fixture
def fresh_index(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    gazetteer._index.cache_clear()
    gazetteer.lookup_place.cache_clear()
    yield tmp_path
    gazetteer._index.cache_clear()
    gazetteer.lookup_place.cache_clear()


def test_actors_gazetteer_index_is_cached_and_read_back(fresh_index):
    built = gazetteer._index()
    (cached,) = fresh_index.glob("gazetteer-*.marshal")
    gazetteer._index.cache_clear()
    assert gazetteer._index() == built
    assert gazetteer.lookup_place("Odesa").country == "UKR"
    assert gazetteer.lookup_place("Jenin").country == "PSE"  # from the package's supplement
    assert cached.exists()


def test_actors_gazetteer_broken_cache_is_rebuilt(fresh_index):
    gazetteer._index()
    (cached,) = fresh_index.glob("gazetteer-*.marshal")
    cached.write_bytes(b"\x00not marshal")
    gazetteer._index.cache_clear()
    assert gazetteer.lookup_place("Istanbul").country == "TUR"


def test_actors_gazetteer_cache_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLINE_CACHE_DIR", "")
    assert gazetteer._cache_path() is None


def test_actors_gazetteer_country_name_beats_a_town_abroad():
    # towns named after countries (Lebanon, Tennessee; Armenia, Colombia) must not take the name
    assert gazetteer.lookup_place("Lebanon").country == "LBN"
    assert gazetteer.lookup_place("Jordan").country == "JOR"
    assert gazetteer.lookup_place("Armenia").country == "ARM"
    assert gazetteer.lookup_place("Montenegro").country == "MNE"


def test_actors_gazetteer_names_without_accents_are_the_same_town():
    # English news drops the accents the gazetteer keeps
    assert gazetteer.lookup_place("Sao Paulo").country == "BRA"
    assert gazetteer.lookup_place("Zurich").country == "CHE"
    assert gazetteer.lookup_place("Bogota").country == "COL"
    assert gazetteer.lookup_place("Zurich", alternates=False).country == "CHE"  # a primary name, folded


def test_actors_gazetteer_older_and_english_names_only_where_a_place_is_known():
    assert gazetteer.lookup_place("Kiev").country == "UKR"
    assert gazetteer.lookup_place("Bombay").country == "IND"
    assert gazetteer.lookup_place("Derna").country == "LBY"
    # for text not known to name a place, an alternate name is not evidence enough
    assert gazetteer.lookup_place("Kiev", alternates=False) is None
    # two-letter syllables and airport codes among the alternates are not indexed
    assert gazetteer.lookup_place("Ko") is None
    assert gazetteer.lookup_place("BOM") is None


def test_actors_gazetteer_alternates_never_take_a_primary_name():
    # "Canton" is an old name of Guangzhou, but also the primary name of towns
    assert gazetteer.lookup_place("Canton").name == "Canton"
    assert gazetteer.lookup_place("Georgia").country == "GEO"
