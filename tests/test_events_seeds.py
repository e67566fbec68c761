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
    return [
        m
        for m in mentions
        if m.type == "SANCTION"
        and m.sources
        and m.sources[0].country == "PSE"
        and any(t.country == "ISR" for t in m.targets)
    ]


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
    (raid,) = [m for m in mentions if m.type == "ASSAULT" and not m.reference]
    assert raid.sources[0].country == "ISR" and raid.location.name == "Jenin"


def test_events_seeds_meeting_thursday_is_planned(seeds):
    mentions, _ = seeds["002"]
    meets = [m for m in mentions if m.lemma == "meet" and "Thursday" in m.sentence]
    assert meets and all(m.modality == "planned" for m in meets)


def test_events_seeds_statements_are_attributed(seeds):
    speakers = {s.speaker.name for _, statements in seeds.values() for s in statements}
    assert {"Mike Pompeo", "Barbara Leaf", "Nabil Abu Rudeineh", "Wasel Abu Yusef", "Bassam al-Salhi"} <= speakers
    _, statements = seeds["003"]
    assert any(
        s.speaker.name == "Barbara Leaf"
        and s.cue == "say"
        and s.kind == "quote"
        and s.words.startswith("\u201cObviously")
        for s in statements
    )
    assert any(s.speaker.name == "Bassam al-Salhi" and s.cue == "tell" for s in statements)


def test_events_seeds_nothing_from_the_donation_appeal(seeds):
    mentions, statements = seeds["002"]
    appeal = (SEEDS / "002_d9422bf001f83e04.txt").read_text(encoding="utf-8").index("Times of Israel staff contributed")
    assert all(m.sentence_start < appeal for m in mentions)
    assert all(s.start < appeal for s in statements)


def test_events_seeds_every_event_has_an_actor_and_no_plan_is_asserted(seeds):
    for mentions, _ in seeds.values():
        for m in mentions:
            assert m.sources or m.targets or m.reference  # (a reference names a happening told elsewhere)
            assert not (m.modality == "asserted" and m.type == "THREATEN")


@pytest.fixture(scope="module")
def analysed(nlp):
    """The seeds through the real per-article stages (dating, time, events)."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: clone the project next to ../shared to run the seed tests")
    from storyline.ingest import read_inputs
    from storyline.pipeline import analyse, cleaned_articles

    failures = []
    articles = list(cleaned_articles(read_inputs([str(SEEDS)]), failures.append))
    assert not failures
    return {Path(a.source).name[:3]: analyse(a, nlp(a.text)) for a in articles}


def test_events_seeds_2015_decision_dated_by_its_declaration_not_the_meeting(analysed):
    mentions = analysed["002"].mentions
    found = [m for m in _sanctions(mentions) if m.modality in ("planned", "announced")]
    assert found and all(m.time is not None and m.time.value.startswith("2015-03") for m in found)
    assert all(m.time.value != "2015-03-19" for m in found)
    discussed = [m for m in mentions if m.type == "SANCTION" and m.modality == "hypothetical"]
    assert discussed and all(m.time is None for m in discussed)


def test_events_seeds_2023_restated_decision_is_the_announced_act(analysed):
    mentions = analysed["003"].mentions
    pa = [m for m in mentions if m.type == "SANCTION" and m.sources and m.sources[0].country == "PSE"]
    assert len(pa) >= 3
    assert {m.time.value for m in pa} == {"2023-01-26"}
    assert all(any(t.country == "ISR" for t in m.targets) for m in pa)
    (raid,) = [m for m in mentions if m.type == "ASSAULT" and not m.reference]
    assert raid.time.latest <= date(2023, 1, 26)


def test_events_seeds_background_is_historical_and_reported_acts_are_dated(analysed):
    mentions = [m for a in analysed.values() for m in a.mentions]
    old = [m for m in mentions if m.time is not None and m.time.latest is not None and m.time.latest.year < 2019]
    assert old and all(m.modality == "historical" for m in old if m.time.value in ("1994", "2017"))
    facts = [m for m in mentions if m.modality in ("asserted", "announced", "reported", "historical")]
    assert facts and all(m.time is not None for m in facts)
