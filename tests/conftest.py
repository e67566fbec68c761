"""Shared fixtures. Data from ../shared is optional: tests that need it skip
with a message saying what is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.models import (
    ActorRef,
    Article,
    ArticleAnalysis,
    Contradiction,
    Event,
    EventMention,
    LinkResult,
    Statement,
    Storyline,
    TimeValue,
    stable_id,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "samples" / "seeds"
DATA = SHARED / "data"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project next to its ../shared folder to run this test")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require(SEEDS)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require(DATA)


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for all browser tests (skips when absent)."""
    from views_fixtures import launch_chromium

    pw, chromium = launch_chromium()
    yield chromium
    chromium.close()
    pw.stop()


def day(text: str) -> TimeValue:
    d = date.fromisoformat(text)
    return TimeValue(text, d, d, "day", "explicit")


def actor(name: str, country: str | None = None, sector: str | None = "GOV") -> ActorRef:
    return ActorRef(
        name=name,
        text=name,
        start=0,
        end=len(name),
        country=country,
        sector=sector,
        kind="state" if sector is None else "organisation",
        resolved=True,
    )


def hand_built_analysis(text: str, when: str, source: str = "a.txt") -> ArticleAnalysis:
    """One article with one SANCTION mention covering its first sentence."""
    article = Article(
        id=Article.make_id(text),
        source=source,
        text=text,
        title="t",
        published=TimeValue(when, date.fromisoformat(when), date.fromisoformat(when), "day", "header"),
    )
    end = text.find(".") + 1 or len(text)
    mention = EventMention(
        id=stable_id("em", article.id, 0, "SANCTION"),
        article_id=article.id,
        type="SANCTION",
        cameo="1622",
        mode="discontinue",
        modality="announced",
        trigger_start=0,
        trigger_end=5,
        trigger=text[:5],
        lemma="end",
        sentence_start=0,
        sentence_end=end,
        sentence=text[:end],
        sources=(actor("Mahmoud Abbas", "PSE"),),
        targets=(actor("Israel", "ISR", None),),
        time=day(when),
        confidence=0.9,
        summary="Mahmoud Abbas ends security coordination with Israel",
    )
    statement = Statement(
        id=stable_id("sm", article.id, 0),
        article_id=article.id,
        speaker=actor("Mike Pompeo", "USA"),
        words="we hope it continues",
        start=0,
        end=end,
        kind="quote",
        cue="said",
        time=day(when),
    )
    return ArticleAnalysis(article, (), (mention,), (statement,))


def link_all(analyses: list[ArticleAnalysis]) -> LinkResult:
    """A trivial link result (one event per mention) for store/view tests that
    must not depend on the real linker."""
    events = tuple(
        Event(
            id=stable_id("ev", m.id),
            type=m.type,
            cameo=m.cameo,
            mode=m.mode,
            modality=m.modality,
            time=m.time,
            sources=m.sources,
            targets=m.targets,
            location=None,
            summary=m.summary,
            mention_ids=(m.id,),
            source_count=1,
            storyline="st_demo",
        )
        for a in analyses
        for m in a.mentions
    )
    story = Storyline(
        id="st_demo",
        label="security coordination",
        event_ids=tuple(e.id for e in events),
        episodes=(tuple(e.id for e in events),),
    )
    contradictions = ()
    if len(events) >= 2:
        contradictions = (Contradiction("cx_1", events[0].id, events[1].id, "hand-built"),)
    return LinkResult(events, (story,), contradictions)
