"""The actor knowledge base: shipped data and user extensions."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.actors import load_kb, normalise, read_actor_file
from storyline.errors import SettingsError


def test_actors_kb_states_have_iso3_and_adjectives():
    kb = load_kb()
    assert kb.lookup("Israel").country == "ISR"
    assert kb.lookup("the Jewish state").country == "ISR"
    assert kb.lookup("Palestine").country == "PSE"
    assert kb.country_of("Syrian") == "SYR"
    assert kb.country_of("Palestinians") == "PSE"


def test_actors_kb_story_actors_and_igos():
    kb = load_kb()
    assert kb.lookup("the PA").name == "Palestinian Authority"
    assert kb.lookup("IDF").sector == "MIL"
    assert kb.lookup("Shin Bet").country == "ISR"
    assert kb.lookup("Hamas").sector == "REB"
    assert kb.lookup("U.N. Security Council").sector == "IGO"


def test_actors_kb_dated_roles_pick_the_holder_of_the_day():
    kb = load_kb()
    assert kb.role_holder("Secretary of State", "USA", date(2020, 5, 20)).name == "Mike Pompeo"
    assert kb.role_holder("Secretary of State", "USA", date(2023, 1, 30)).name == "Antony Blinken"


def test_actors_kb_normalise_drops_articles_parentheses_and_possessives():
    assert normalise("The Palestinian Authority (PA)’s") == "palestinian authority"


def test_actors_kb_user_yaml_and_csv_extend_the_base(tmp_path):
    yml = tmp_path / "mine.yaml"
    yml.write_text("- {name: Ruritanian Guard, kind: organisation, country: RUR, sector: MIL, aliases: [the Guard]}\n")
    csv = tmp_path / "mine.csv"
    csv.write_text("name,kind,country,sector,aliases\nJane Roe,person,GBR,GOV,Roe|Minister Roe\n")
    import os

    kb = load_kb(f"{yml}{os.pathsep}{csv}")
    assert kb.lookup("the Guard").country == "RUR"
    assert kb.lookup("Minister Roe").name == "Jane Roe"
    assert load_kb().lookup("the Guard") is None  # the shipped base is unchanged


def test_actors_kb_bad_user_file_says_how_to_fix(tmp_path):
    with pytest.raises(SettingsError, match="actors_path"):
        read_actor_file(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: not a list\n")
    with pytest.raises(SettingsError, match="list"):
        read_actor_file(bad)


def test_actors_kb_user_file_reaches_extraction(tmp_path, nlp, monkeypatch):
    from storyline.events import extract
    from storyline.models import Article

    mine = tmp_path / "mine.yaml"
    mine.write_text("- {name: Ruritanian Guard, kind: organisation, country: RUR, sector: MIL, aliases: [Rurguard]}\n")
    text = "Rurguard shelled the village on Monday."
    article = Article(id="a", source="t", text=text)
    mentions, _ = extract(article, nlp(text), (), actors_path=str(mine))
    assert mentions[0].sources[0].name == "Ruritanian Guard" and mentions[0].sources[0].country == "RUR"
    monkeypatch.setenv("STORYLINE_ACTORS_PATH", str(mine))
    mentions, _ = extract(article, nlp(text), ())
    assert mentions[0].sources[0].country == "RUR"


def test_actors_kb_the_demo_story_officeholders_are_known():
    # a bare surname in a later article still gets its country and sector
    from storyline.actors import load_kb

    kb = load_kb()
    assert (kb.lookup("Zelensky").country, kb.lookup("Lavrov").country) == ("UKR", "RUS")
    assert kb.lookup("Borrell").sector == "IGO"
