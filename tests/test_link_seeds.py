"""End to end on the seed articles: extract with the real stages, then link.

Checks the issue's targets on the seeds: the three declarations (2015,
2020, 2023) are episodes of one recurring event in one storyline; the 2020
declaration is contradicted by the official's message that coordination
would go on; and a corpus holding every seed twice (one copy reformatted)
gives no duplicate events.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from storyline.link import link

pytestmark = pytest.mark.slow


def _analyse(paths: list[str], nlp):
    pipeline = pytest.importorskip("storyline.pipeline")
    from storyline.annotate import annotate
    from storyline.ingest import read_inputs

    articles = list(pipeline.cleaned_articles(read_inputs(paths), lambda failure: None))
    analyses = [pipeline.analyse(article, doc) for article, doc in annotate(articles, nlp)]
    return (
        [a.article for a in analyses],
        [m for a in analyses for m in a.mentions],
        [s for a in analyses for s in a.statements],
    )


@pytest.fixture(scope="module")
def seeds_linked(seeds_dir, nlp):
    articles, mentions, statements = _analyse([str(seeds_dir)], nlp)
    return articles, mentions, statements, link(articles, mentions, statements)


def _declarations(result):
    return [e for e in result.events if e.type == "SANCTION" and e.mode == "discontinue" and e.time is not None]


def test_seeds_declarations_are_episodes_of_one_storyline(seeds_linked):
    *_, result = seeds_linked
    years = {e.time.value[:4]: e for e in _declarations(result)}
    assert {"2015", "2020", "2023"} <= years.keys()
    stories = {years[y].storyline for y in ("2015", "2020", "2023")}
    assert len(stories) == 1
    story = next(s for s in result.storylines if s.id in stories)
    wanted = {years[y].id for y in ("2015", "2020", "2023")}
    assert any(wanted <= set(episode) for episode in story.episodes)


def test_seeds_declaration_contradicted_by_coordination_continuing(seeds_linked):
    *_, statements, result = seeds_linked
    by_id = {s.id: s for s in statements}
    declaration_2020 = {e.id for e in _declarations(result) if e.time.value.startswith("2020")}
    hits = [c for c in result.contradictions if c.first in declaration_2020]
    assert hits, result.contradictions
    assert any("continue" in (by_id[c.second].words if c.second in by_id else "") for c in hits)


def test_seeds_twice_with_one_copy_reformatted_gives_no_duplicates(seeds_dir, seeds_linked, nlp, tmp_path):
    *_, single = seeds_linked
    copies = tmp_path / "copies"
    copies.mkdir()
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        # re-wrap every paragraph at 60 columns: the same report, laid out differently
        rewrapped = [textwrap.fill(line, 60) if len(line) > 60 else line for line in lines]
        (copies / f"copy_{path.name}").write_text("\n".join(rewrapped), encoding="utf-8")
    articles, mentions, statements = _analyse([str(seeds_dir), str(copies)], nlp)
    # the copies really are different texts (ingest only drops identical ones)
    assert len({a.id for a in articles}) == 2 * len(list(Path(seeds_dir).glob("*.txt")))
    double = link(articles, mentions, statements)
    assert len(double.events) == len(single.events)
    assert len(double.storylines) == len(single.storylines)
