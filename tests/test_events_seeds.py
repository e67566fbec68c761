"""The three seed articles: the announcements, the raid, the statements.

The seeds are real articles kept in ../shared; they are read from there and
never copied into the repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.events import extract
from storyline.models import Article, TimeValue

SEEDS = Path(__file__).parents[1].parent / "shared/samples/seeds"


@pytest.fixture(scope="module")
def seeds(nlp):
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: clone the project next to ../shared to run the seed tests")
    parser = nlp  # load_pipeline adds the line-break sentence starts
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        published = None
        if text.lstrip().startswith("date 2020-05-21"):
            published = TimeValue("2020-05-21", date(2020, 5, 21), date(2020, 5, 21), "day", "header")
        article = Article(id=Article.make_id(text), source=path.name, text=text, published=published)
        out[path.name[:3]] = extract(article, parser(text), ())
    return out


def _sanctions(mentions):
    return [m for m in mentions if m.type == "SANCTION" and m.sources and m.sources[0].country == "PSE"
            and any(t.country == "ISR" for t in m.targets)]


def test_events_seeds_2020_abbas_declaration(seeds):
    mentions, _ = seeds["000"]
    (abbas,) = [m for m in _sanctions(mentions) if m.sources[0].name == "Mahmoud Abbas" and m.modality == "announced"]
    assert {t.name for t in abbas.targets} >= {"Israel", "United States"}


def test_events_seeds_2015_decision_is_planned_or_hypothetical(seeds):
    mentions, _ = seeds["002"]
    found = _sanctions(mentions)
    assert found and all(m.modality in ("planned", "hypothetical", "announced") for m in found)
    recommendation = [m for m in mentions if "recommendation" in m.sentence]
    assert recommendation and all(m.modality == "hypothetical" for m in recommendation)


def test_events_seeds_2023_pa_announcement_and_jenin_raid(seeds):
    mentions, _ = seeds["003"]
    halting = [m for m in _sanctions(mentions) if m.trigger == "halting"]
    assert halting and halting[0].sources[0].name == "Palestinian Authority"
    (raid,) = [m for m in mentions if m.type == "ASSAULT"]
    assert raid.sources[0].country == "ISR" and raid.location.name == "Jenin"


def test_events_seeds_meeting_thursday_is_planned(seeds):
    mentions, _ = seeds["002"]
    meets = [m for m in mentions if m.lemma == "meet" and "Thursday" in m.sentence]
    assert meets and all(m.modality == "planned" for m in meets)


def test_events_seeds_statements_are_attributed(seeds):
    speakers = {s.speaker.name for _, statements in seeds.values() for s in statements}
    assert {"Mike Pompeo", "Barbara Leaf", "Nabil Abu Rudeineh", "Wasel Abu Yusef", "Bassam al-Salhi"} <= speakers
    _, statements = seeds["003"]
    assert any(s.speaker.name == "Barbara Leaf" and s.cue == "say" and s.kind == "quote"
               and s.words.startswith("\u201cObviously") for s in statements)
    assert any(s.speaker.name == "Bassam al-Salhi" and s.cue == "tell" for s in statements)


def test_events_seeds_nothing_from_the_donation_appeal(seeds):
    mentions, statements = seeds["002"]
    appeal = (SEEDS / "002_d9422bf001f83e04.txt").read_text(encoding="utf-8").index("Times of Israel staff contributed")
    assert all(m.sentence_start < appeal for m in mentions)
    assert all(s.start < appeal for s in statements)


def test_events_seeds_every_event_has_an_actor_and_no_plan_is_asserted(seeds):
    for mentions, _ in seeds.values():
        for m in mentions:
            assert m.sources or m.targets
            assert not (m.modality == "asserted" and m.type == "THREATEN")
