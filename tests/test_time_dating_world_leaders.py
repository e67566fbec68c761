"""The packaged roles files, and the world leaders of ``roles_world.yaml``
(2000-2026, written by hand where the converted sources stop in 2015):
every file parses, every term is a pair of days in order, and the terms
that one office lists for different people do not overlap."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml

from storyline.time.dating import infer_publication_date
from storyline.time.knowledge import DATA_DIR, _packaged

ROLES_FILES = _packaged("roles")


def _as_day(value):
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value))


@pytest.mark.parametrize("path", ROLES_FILES, ids=lambda p: p.name)
def test_dating_world_leaders_roles_files_parse_with_ordered_terms(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["roles"], path
    for role in data["roles"]:
        assert role["titles"] and all(isinstance(t, str) for t in role["titles"])
        for holder in role["holders"]:
            assert holder["name"].strip()
            for start, end in holder["terms"]:
                start, end = _as_day(start), _as_day(end)
                assert start is not None and (end is None or start <= end), (path.name, holder["name"])


def _offices(data):
    """(titles, country) -> [(person key, start, end)], a person's aliases sharing one key."""
    out = {}
    for role in data["roles"]:
        if role.get("disputed"):
            continue  # two claimants at once, as the file says
        key = (tuple(role["titles"]), role.get("country"))
        for holder in role["holders"]:
            # "Meles" and "Meles Zenawi", "Stoere" and "Støre": the same person listed twice
            person = tuple(sorted({(_as_day(a), _as_day(b)) for a, b in holder["terms"]}))
            for a, b in holder["terms"]:
                out.setdefault(key, []).append((person, _as_day(a), _as_day(b)))
    return out


@pytest.mark.parametrize("name", ["roles_world.yaml", "roles_world_ministers.yaml", "roles_world_regional.yaml"])
def test_dating_world_leaders_terms_of_one_office_do_not_overlap(name):
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    for office, terms in _offices(data).items():
        terms.sort(key=lambda t: t[1])
        for (p1, a1, b1), (p2, a2, b2) in zip(terms, terms[1:]):
            if p1 == p2 or (a1, b1) == (a2, b2):
                continue  # the same person under two spellings, or a name two holders share
            assert b1 is not None and b1 <= a2, (office, a1, b1, a2, b2)


def test_dating_world_leaders_a_leader_after_2015_bounds_the_date():
    value = infer_publication_date(
        "Prime Minister Sanna Marin met President Sauli Niinisto in Helsinki on Tuesday.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value.earliest >= date(2019, 12, 10) and value.latest <= date(2024, 3, 1) + timedelta(days=60)


def test_dating_world_leaders_a_shared_surname_without_a_first_name_is_either_holder():
    # two Prime Ministers Papandreou, a generation apart: the union of their terms
    value = infer_publication_date(
        "Prime Minister Papandreou spoke in Athens.", (), roles_path="", interval=True, today=date(2026, 12, 7)
    )
    assert value.earliest <= date(1981, 10, 21) and value.latest >= date(2011, 11, 11)


def test_dating_world_leaders_a_given_name_used_as_the_name():
    value = infer_publication_date(
        "Emir Sheikh Tamim bin Hamad Al Thani received guests in Doha.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value is not None and any("Tamim" in line for line in value.evidence)
    value = infer_publication_date(
        "Prime Minister Thaksin spoke in Bangkok.", (), roles_path="", interval=True, today=date(2026, 12, 7)
    )
    assert (value.earliest, value.latest) == (date(2001, 2, 9), date(2006, 9, 19) + timedelta(days=60))


def test_dating_world_leaders_slain_before_the_title_is_after_the_term(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n  - titles: [Guild leader]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2001-01-01, 2010-05-05]]}\n",
        encoding="utf-8",
    )
    value = infer_publication_date(
        "Slain Guild leader Ada Quintavalle was buried.",
        (),
        roles_path=str(path),
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value.earliest == date(2010, 5, 5)


def test_dating_world_leaders_prince_is_an_honorific_before_the_name():
    value = infer_publication_date(
        "Foreign Minister Prince Faisal bin Farhan met envoys.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value.earliest == date(2019, 10, 23)


def test_dating_world_leaders_recent_events_bound_from_below():
    value = infer_publication_date(
        "Divers reached the boys trapped in the Tham Luang cave on Monday, officials said.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value.earliest == date(2018, 6, 23)


def test_dating_world_leaders_a_name_given_lately_bounds_from_below():
    value = infer_publication_date(
        "Health officials reported new mpox cases in Kinshasa, and the Omicron variant spread.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value.earliest == date(2022, 11, 28)


def test_dating_world_leaders_ages_of_leaders_born_on_a_known_day():
    value = infer_publication_date(
        "Prime Minister Sanna Marin, 34, met the unions in Helsinki.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert (value.earliest, value.latest) == (date(2019, 12, 10), date(2020, 11, 15))


def test_dating_world_leaders_suspending_the_grain_deal_is_not_its_end():
    # Russia suspended the deal in October 2022 and refused to renew it in July 2023
    value = infer_publication_date(
        "Russia said on Saturday that it was suspending its participation in the grain agreement.",
        (),
        roles_path="",
        interval=True,
        today=date(2026, 12, 7),
    )
    assert value.earliest == date(2022, 10, 29)


def test_dating_world_leaders_a_one_word_name_before_another_surname_is_someone_else(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n  - titles: [Prime Minister]\n    holders:\n"
        "      - {name: Nadim, terms: [[2009-04-03, 2018-05-10]]}\n"
        "      - {name: Nadim Razzouk, terms: [[2009-04-03, 2018-05-10]]}\n"
        "      - {name: Nadim Harfouche, terms: [[2021-09-10, 2025-02-08]]}\n",
        encoding="utf-8",
    )
    text = "Prime Minister Nadim Harfouche met the envoy."
    value = infer_publication_date(text, (), roles_path=str(path), interval=True, today=date(2026, 12, 7))
    assert value.earliest == date(2021, 9, 10)
    text = "Prime Minister Nadim Razzouk met the envoy. Nadim, who took office in April last year, smiled."
    value = infer_publication_date(text, (), roles_path=str(path), interval=True, today=date(2026, 12, 7))
    assert (value.earliest, value.latest) == (date(2010, 1, 1), date(2010, 12, 31))
