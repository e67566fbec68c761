"""The knowledge converted from the Phoenix dictionaries and the US Congress
data (scripts/convert_knowledge.py -> actors/data/generated), and how the
knowledge base and dating use it beside the hand-written files."""

from __future__ import annotations

import importlib.util
from datetime import date

from conftest import DATA, ROOT, require
from storyline.actors import load_kb
from storyline.actors.generated import DATA_DIR, GeneratedHolder, build_actor, sector_on
from storyline.actors.kb import KnowledgeBase
from storyline.models import Actor


def _converter():
    spec = importlib.util.spec_from_file_location("convert_knowledge", ROOT / "scripts" / "convert_knowledge.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


convert = _converter()


def test_actors_knowledge_conversion_reproduces_the_shipped_files(tmp_path):
    knowledge = require(DATA / "knowledge" / "petrarch2").parent
    convert.convert(knowledge, tmp_path)
    shipped = sorted(p.name for p in DATA_DIR.iterdir() if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == shipped
    for name in shipped:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), f"{name} differs: rerun the script"


def test_actors_knowledge_phoenix_dates_two_and_four_digit_years():
    assert convert.phoenix_date("991231") == date(1999, 12, 31)
    assert convert.phoenix_date("011222") == date(2001, 12, 22)
    assert convert.phoenix_date("300101") == date(2030, 1, 1)
    assert convert.phoenix_date("19270101") == date(1927, 1, 1)
    assert convert.phoenix_date("9008223") is None  # a malformed date is left out
    assert convert.phoenix_date("990231") is None  # no 31 February


def test_actors_knowledge_parse_code_reads_every_restriction():
    assert convert.parse_code("AFGGOV >011222") == ("AFGGOV", date(2001, 12, 22), None, True)
    assert convert.parse_code("USRARM <900823") == ("USRARM", None, date(1990, 8, 23), True)
    assert convert.parse_code("RUSGOV 991231-080507") == ("RUSGOV", date(1999, 12, 31), date(2008, 5, 7), True)
    assert convert.parse_code("AFGELI") == ("AFGELI", None, None, False)
    assert convert.parse_code("~COP") is None and convert.parse_code("---") is None


def test_actors_knowledge_reads_entries_synonyms_and_role_lines(tmp_path):
    path = tmp_path / "test.actors.txt"
    path.write_text(
        "# a comment\nJANE_DOE_  # CountryInfo.txt\n+PRESIDENT_DOE_\n\t[XYZGOV 990101-031231]\n"
        "\t[XYZELI]\nNORTHERN_FRONT_\t[XYZREB] # inline\nXYZLAND_  [XYZ]\n",
        encoding="utf-8",
    )
    entries = convert.read_phoenix(path)
    assert [e["phrase"] for e in entries] == ["JANE DOE", "NORTHERN FRONT", "XYZLAND"]
    assert entries[0]["synonyms"] == ["PRESIDENT DOE"] and entries[0]["countryinfo"]
    assert entries[0]["codes"] == [
        ("XYZGOV", date(1999, 1, 1), date(2003, 12, 31), True),
        ("XYZELI", None, None, False),
    ]
    assert entries[1]["codes"] == [("XYZREB", None, None, False)]


def test_actors_knowledge_cameo_codes_map_to_iso_and_sector():
    iso = {"AFG", "RUS", "TLS", "USA"}
    assert convert.country_and_sector("AFGGOV", iso) == ("AFG", "GOV", False)
    assert convert.country_and_sector("TMPMIL", iso) == ("TLS", "MIL", False)  # East Timor's CAMEO code
    assert convert.country_and_sector("USRGOV", iso) == ("SUN", "GOV", False)  # the Soviet Union
    assert convert.country_and_sector("IGOUNO", iso) == (None, "IGO", False)
    assert convert.country_and_sector("NGOUSAENV", iso) == ("USA", "NGO", False)
    assert convert.country_and_sector("RUS", iso) == ("RUS", None, True)  # the state itself
    assert convert.country_and_sector("MEAREB", iso) == (None, "REB", False)  # a region names no country


def test_actors_knowledge_alias_filter_drops_common_words_given_names_and_short_keys():
    keep = convert.AliasFilter(
        common={"youth", "black", "star", "army"}, given_names={"mohammad"}, reserved={"kabul", "afghan"}
    )
    assert not keep.ok("youth", "group")  # a common word
    assert not keep.ok("mohammad", "person")  # a given name shared by many
    assert not keep.ok("un", "organisation")  # too short
    assert not keep.ok("kabul", "organisation")  # the hand-written data's capital
    assert not keep.ok("black star", "group")  # two common words
    assert keep.ok("black star", "person")  # a person's name is a name
    assert keep.ok("karzai", "person") and keep.ok("hamid karzai", "person")


def test_actors_knowledge_title_of_alias_before_the_name():
    name = ["VLADIMIR", "PUTIN"]
    assert convert.title_of("PRESIDENT PUTIN".split(), name, set()) == ("President", True)
    assert convert.title_of("RUSSIAN PRIME MINISTER VLADIMIR PUTIN".split(), name, {"russian"}) == (
        "Prime Minister",
        False,
    )
    assert convert.title_of("GOV. PUTIN".split(), name, set()) == (None, False)  # not a national office
    assert convert.title_of("VLADIMIR PUTIN".split(), name, set()) == (None, False)


def test_actors_knowledge_phoenix_holders_take_titles_from_aliases_and_stay_open_after_the_horizon():
    roles = [
        ["elite", "XYZELI", date(1980, 1, 1), date(1999, 1, 1)],
        ["government", "XYZGOV", date(1999, 1, 1), date(2004, 6, 30)],
    ]
    horizon = date(2015, 2, 17)
    holders = convert._phoenix_holders(
        "JANE DOE", ["PRESIDENT DOE", "PRIME MINISTER JANE DOE", "GOV. JANE DOE"], roles, set(), horizon
    )
    terms = [(date(1999, 1, 1), date(2004, 6, 30)), (horizon, None)]
    assert holders == [[["President"], False, terms], [["Prime Minister"], True, terms]]
    # no title before the name in any alias: no dating entry (a bare "Minister" once dated
    # three 1998 articles to 2003 from a career the dictionary records only in part)
    assert convert._phoenix_holders("JANE DOE", ["DOE"], roles, set(), horizon) == []
    # a term over more than RETURN_YEARS before the horizon gets no open term after it
    old_roles = [["government", "XYZGOV", date(1963, 11, 22), date(1969, 1, 20)]]
    assert convert._phoenix_holders("JANE DOE", ["PRESIDENT DOE"], old_roles, set(), horizon) == [
        [["President"], False, [(date(1963, 11, 22), date(1969, 1, 20))]]
    ]


def test_actors_knowledge_consecutive_terms_merge():
    merged = convert._merge_terms(
        [(date(1975, 1, 14), date(1977, 1, 3)), (date(1977, 1, 4), date(1979, 1, 3)), (date(1981, 1, 5), None)]
    )
    assert merged == [(date(1975, 1, 14), date(1979, 1, 3)), (date(1981, 1, 5), None)]


def test_actors_knowledge_converted_actor_with_dated_roles():
    kb = load_kb()
    karzai = kb.lookup("Hamid Karzai")
    assert (karzai.kind, karzai.country, karzai.sector) == ("person", "AFG", "GOV")
    assert kb.lookup("President Karzai") is karzai
    assert kb.sector_on(karzai, date(1990, 1, 1)) == "ELI"  # before office, an elite
    assert kb.sector_on(karzai, date(2005, 1, 1)) == "GOV"
    legislator = kb.lookup("Chuck Grassley")
    assert (legislator.country, legislator.sector) == ("USA", "LEG")
    assert any(r.title == "Senator" and r.start == date(1981, 1, 5) for r in legislator.roles)
    assert kb.role_holder("President", "USA", date(1862, 6, 1)).name == "Abraham Lincoln"


def test_actors_knowledge_noise_aliases_are_not_actors():
    kb = load_kb()
    for word in ("youth", "mohammad", "black star", "front"):
        assert kb.lookup(word) is None, word


def test_actors_knowledge_hand_written_entries_win():
    kb = load_kb()
    assert kb.lookup("Hamas").kind == "group" and kb.lookup("Hamas").sector == "REB"
    assert "Hamas" in kb.actors  # the hand-written entry, not a converted one
    local = KnowledgeBase()
    local.add(Actor(name="Our Front", kind="group", country="AAA", sector="REB", aliases=("front x",)))
    local.generated_aliases = {"front x": "Their Front"}
    local.generated_rows = {"Their Front": '["Their Front","group","BBB","REB",["front x"],[]]'}
    assert local.lookup("Front X").name == "Our Front"
    assert local.lookup("Their Front") is None or local.lookup("Their Front").country == "BBB"


def test_actors_knowledge_sector_on_reads_only_converted_roles():
    actor = build_actor(
        '["Jane Doe","person","XYZ","GOV",["jane doe"],'
        '[["elite","XYZELI","1980-01-01","1999-01-01"],["government","XYZGOV","1999-01-01",null]]]'
    )
    assert sector_on(actor, date(1985, 1, 1)) == "ELI"
    assert sector_on(actor, date(2010, 1, 1)) == "GOV"
    assert sector_on(actor, None) is None
    assert sector_on(actor, date(1970, 1, 1)) is None


def test_actors_knowledge_dating_adds_converted_holders_behind_hand_written(monkeypatch):
    from storyline.time import knowledge

    written = [
        knowledge.Holder(
            ("President",), "Jane Doe", "Jane Doe", "President", ((date(2000, 1, 1), date(2004, 1, 1)),), "Doe"
        )
    ]
    converted = (
        GeneratedHolder("Jane Doe", ("President",), False, ((date(1990, 1, 1), None),)),
        GeneratedHolder("Janet Doe", ("President",), False, ((date(1990, 1, 1), None),)),
        GeneratedHolder("John Roe", ("Prime Minister",), True, ((date(1995, 1, 1), date(1999, 1, 1)),)),
        GeneratedHolder("Juan Carlos I", ("King",), True, ((date(1975, 11, 22), None),)),
        GeneratedHolder("Kim Jong Un", ("Leader",), False, ((date(2011, 12, 17), None),)),
    )
    monkeypatch.setattr("storyline.actors.generated.generated_holders", lambda: converted)
    added = knowledge._converted_holders(written)
    # the same name, or the same surname under the same title, is the hand-written holder's;
    # a surname of one or two letters or a numeral would send its pattern through every text
    assert [(h.name, h.titles, h.full_name, h.surname) for h in added] == [
        ("John Roe", ("Prime Minister",), True, "Roe")
    ]


def test_actors_knowledge_dating_finds_a_converted_officeholder_by_title():
    from storyline.time.dating import _holders_named_in
    from storyline.time.knowledge import fold, load_knowledge

    text = "Kosovo President Fatmir Sejdiu met visiting envoys in Pristina on Tuesday."
    holders, _elections, _events = load_knowledge("")
    named = [h for h in _holders_named_in(holders, fold(text)) if h.title_re.search(text)]
    # his term, or any day after the dictionaries end (2015-02-17): they cannot say who held office then
    assert [(h.name, h.terms) for h in named] == [
        ("Fatmir Sejdiu", ((date(2006, 2, 10), date(2010, 9, 27)), (date(2015, 2, 17), None)))
    ]
    # a member of Congress needs a first name: "Sen. Grassley" alone could be another
    senator = [h for h in holders if h.name == "Charles Chuck Grassley" and "Senator" in h.titles]
    assert senator and senator[0].full_name


def test_actors_knowledge_user_file_wins_over_converted(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- {name: Our Karzai Desk, kind: organisation, country: AFG, sector: MED, aliases: [President Karzai]}\n",
        encoding="utf-8",
    )
    kb = load_kb(str(path))
    assert kb.lookup("President Karzai").name == "Our Karzai Desk"
    assert kb.lookup("Hamid Karzai").name == "Hamid Karzai"  # the converted entry still answers for itself
