"""Matching event mentions against a hand-coded golden file, shared by the
golden tests (examples/ and tests/fixtures/unseen_news/).

A system mention matches a golden event when the type, a source and (when
given) a target agree, its modality is one the golden event allows and its
date, if it has one, includes the golden day. One system mention answers for
one required event, the most specific first.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storyline.events import plover_type
from storyline.ingest import read_inputs
from storyline.pipeline import analyse_stream, cleaned_articles
from storyline.settings import Settings


def _names(refs) -> set[str]:
    return {r.name for r in refs} | {r.country for r in refs if r.country}


def _parties_match(wanted, refs) -> bool:
    if wanted is None:
        return True
    if not refs:
        return None in wanted
    return bool(_names(refs) & {w for w in wanted if w is not None})


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _date_fits(gold_day: date | None, when) -> bool:
    if gold_day is None or when is None:
        return True
    return (when.earliest is None or when.earliest <= gold_day) and (when.latest is None or gold_day <= when.latest)


def matches(gold: dict, mention) -> bool:
    if not {mention.type, plover_type(mention)} & set(gold["type"]):
        return False
    if mention.modality not in gold.get("modality", [mention.modality]):
        return False
    if not _parties_match(gold.get("source"), mention.sources):
        return False
    if gold.get("target") is not None and mention.targets and not _parties_match(gold["target"], mention.targets):
        return False
    return _date_fits(_day(gold.get("date")), mention.time)


def exactly_dated(gold: dict, mention) -> bool:
    day = _day(gold["date"])
    return mention.time is not None and mention.time.earliest == day == mention.time.latest


def describe(m) -> str:
    when = m.time.value if m.time else "undated"
    return (
        f"{m.type}/{m.modality} {[s.name for s in m.sources]} -> {[t.name for t in m.targets]} @{when}: "
        f"{m.sentence.strip()[:90]!r}"
    )


def scores(coded: dict, golden: dict):
    """Precision, recall and dated recall of ``coded`` (file name -> event
    mentions) against ``golden``, with the false alarms, misses and
    required events found without their stated day, for the messages."""
    false_alarms, misses, undated = [], [], []
    system = required = found = exact = exact_found = 0
    for name, expected in golden.items():
        mentions = coded.get(name, ())
        allowed = expected.get("required", []) + expected.get("acceptable", [])
        for m in mentions:
            if m.reference:
                continue  # names a happening reported elsewhere, for linking to merge: no event of its own
            system += 1
            if not any(matches(g, m) for g in allowed):
                false_alarms.append(f"{name}: {describe(m)}")
        # one system mention answers for one required event: the most specific first
        used: set[str] = set()
        for g in sorted(expected.get("required", []), key=lambda g: -len([k for k in g if g[k] is not None])):
            required += 1
            hits = [m for m in mentions if m.id not in used and matches(g, m)]
            if hits:
                found += 1
                used.add(hits[0].id)
            else:
                misses.append(f"{name}: {g['type']} {g.get('source')} ({g['why']})")
            if g.get("exact"):
                exact += 1
                if any(exactly_dated(g, m) for m in hits):
                    exact_found += 1
                else:
                    undated.append(f"{name}: {g['type']} on {g['date']} ({g['why']})")
    precision = (system - len(false_alarms)) / system if system else 0.0
    return precision, found / required, exact_found / exact, false_alarms, misses, undated


def statement_misses(said: dict, golden: dict) -> list[str]:
    """The golden ``statements`` (file name -> expected statements) that no
    statement of the file (file name -> its statements) answers: one whose words
    hold the golden words, by one of the golden speakers, with the golden CAMEO code."""
    misses = []
    for name, expected in golden.items():
        for want in expected.get("statements", []):
            found = [
                s
                for s in said.get(name, ())
                if want["words"] in s.words
                and {s.speaker.name, s.speaker.country} & set(want["speaker"])
                and s.cameo == want.get("cameo", s.cameo)
            ]
            if not found:
                got = [(s.speaker.name, s.cameo, s.words[:60]) for s in said.get(name, ())]
                misses.append(f"{name}: {want['why']} -> {got}")
    return misses


def analyse_folder(folder: Path) -> dict:
    """File name -> the build's analysis of each article in ``folder``;
    every article must go through without a failure."""
    failures = []
    articles = cleaned_articles(read_inputs([str(folder)]), failures.append)
    out = {Path(a.article.source).name: a for a in analyse_stream(articles, Settings(), failures.append)}
    assert not failures, failures
    return out
