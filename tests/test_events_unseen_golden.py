"""Event coding of news text the lexicon was not tuned on, against a hand-coded
golden file.

``tests/fixtures/unseen_news/`` holds ten short articles written for this test
(aid after disasters, a strike, air strikes, arrests, sanctions, a truce, an
election, accusations and threats); ``tests/golden/unseen_news_events.yaml``
holds what a careful PLOVER coder takes from each, written before storyline was
run on them. Matching is the one of test_events_examples_golden.py: type, a
source, a target when given, an allowed modality, a date that includes the
golden day.

Besides the events: every summary must read as a clause (never end on a
preposition, article or conjunction), and a bare "officials" speaker gets the
country the article makes plain.

Minimums only ever rise: raise them when the scores improve.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storyline.events import extract
from storyline.models import Article

from golden_events import analyse_folder, scores, statement_misses

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "unseen_news"
GOLDEN = ROOT / "tests" / "golden" / "unseen_news_events.yaml"

# Articles 01-10, before the fixes this set was written to find (rescue teams coded
# as investigators, no strike, natural disasters coded as attacks, advice coded as
# requests, factual warnings coded as threats, unnamed groups without a country):
# precision 0.581 (18/31), recall 0.500 (17/34), dated recall 0.750 (6/8); after:
# 35/35, 31/34, 8/8. Articles 11-12, written after those fixes, on first run:
# precision 6/11, recall 6/10 (unnamed groups in New Caledonia are given NCL where
# the golden file, written first, says FRA). All twelve now: 41/46, 37/44, 10/10.
MIN_PRECISION = 0.89
MIN_RECALL = 0.84
MIN_DATED_RECALL = 1.0
# Bare "officials" given the article's country: 3 of 3 (1 of 3 before).
MIN_SPEAKER_COUNTRIES = 1.0

#: Words a readable clause never ends on.
DANGLING = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "near",
    "into",
    "onto",
    "over",
    "about",
    "against",
    "and",
    "or",
    "but",
    "its",
    "their",
    "his",
    "her",
    "as",
    "than",
    "that",
}


@pytest.fixture(scope="module")
def analysed():
    return analyse_folder(CORPUS)


@pytest.fixture(scope="module")
def golden():
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))


def test_events_unseen_golden_covers_every_article(golden):
    assert set(golden) == {p.name for p in CORPUS.iterdir() if p.suffix == ".txt"}


def test_events_unseen_golden_precision_and_recall(analysed, golden):
    precision, recall, dated, false_alarms, misses, undated = scores(
        {name: a.mentions for name, a in analysed.items()}, golden
    )
    print(f"precision {precision:.3f}  recall {recall:.3f}  dated recall {dated:.3f}")
    assert precision >= MIN_PRECISION, "events no coder would accept:\n" + "\n".join(false_alarms)
    assert recall >= MIN_RECALL, "required events missed:\n" + "\n".join(misses)
    assert dated >= MIN_DATED_RECALL, "required events without their stated day:\n" + "\n".join(undated)


def test_events_unseen_golden_summaries_are_clauses(analysed):
    cut = [
        f"{name}: {m.summary!r}"
        for name, a in analysed.items()
        for m in a.mentions
        if m.summary and m.summary.split()[-1].lower().strip(".,;:") in DANGLING
    ]
    assert not cut, "summaries cut mid-phrase:\n" + "\n".join(cut)


def test_events_unseen_golden_officials_get_their_country(analysed, golden):
    wanted = wrong = 0
    misses = []
    for name, expected in golden.items():
        for want in expected.get("speakers", []):
            wanted += 1
            said = [s for s in analysed[name].statements if want["words"] in s.words]
            if not said or not any(s.speaker.country in want["country"] for s in said):
                wrong += 1
                misses.append(f"{name}: {want['words']!r} -> {[(s.speaker.name, s.speaker.country) for s in said]}")
    rate = (wanted - wrong) / wanted
    print(f"speaker countries {rate:.3f}")
    assert rate >= MIN_SPEAKER_COUNTRIES, "speakers without the country the article gives:\n" + "\n".join(misses)


def test_events_unseen_golden_denials_are_statements(analysed, golden):
    """ "His lawyers rejected the charges" is their statement (CAMEO 016), not a REJECT."""
    misses = statement_misses({name: a.statements for name, a in analysed.items()}, golden)
    assert not misses, "denials not taken as statements:\n" + "\n".join(misses)


# --- the general causes, one sentence each (not from the articles above) ---


def _mentions(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    return extract(article, nlp(text), ())


def test_events_unseen_rescuers_and_relief_are_aid_not_an_inquiry(nlp):
    for text in (
        "Norway dispatched a medical team and two cargo planes loaded with tents to Nepal.",
        "Japan sent search crews to the flooded province.",
        "The World Bank released 50 million dollars in emergency loans.",
    ):
        mentions, _ = _mentions(nlp, text)
        assert [m.type for m in mentions] == ["AID"], (text, [(m.type, m.cameo) for m in mentions])
    mentions, _ = _mentions(nlp, "The United Nations sent a fact-finding team to the border.")
    assert [m.type for m in mentions] == ["ACCUSE"]  # a team that is said to investigate still does


def test_events_unseen_going_on_strike_is_a_protest(nlp):
    mentions, _ = _mentions(nlp, "Nurses in Nairobi went on strike on Tuesday over unpaid wages.")
    assert [(m.type, m.cameo) for m in mentions] == [("PROTEST", "143")]
    assert [s.country for s in mentions[0].sources] == ["KEN"]
    mentions, _ = _mentions(nlp, "The ministry did not comment on the strike.")
    assert mentions == []


def test_events_unseen_nature_attacks_nobody(nlp):
    for text in (
        "Heavy floods killed 40 people in Bangladesh on Monday.",
        "At least 12 villagers were killed in the earthquake.",
        "A landslide that destroyed 30 homes buried the road.",
    ):
        mentions, _ = _mentions(nlp, text)
        assert [m for m in mentions if m.type == "ASSAULT"] == [], text
    mentions, _ = _mentions(nlp, "Gunmen killed 40 people in northern Nigeria on Monday.")
    assert [m.type for m in mentions] == ["ASSAULT"]


def test_events_unseen_a_warning_of_facts_threatens_nothing(nlp):
    mentions, _ = _mentions(nlp, "Officials warned that the bridge remained closed by the floods.")
    assert mentions == []
    mentions, _ = _mentions(nlp, "India warned Pakistan that it would attack the militant camps.")
    assert [m.type for m in mentions] == ["THREATEN"]
    mentions, _ = _mentions(nlp, "Moscow warned other governments against recognising the vote.")
    assert [m.type for m in mentions] == ["THREATEN"]


def test_events_unseen_advice_to_ones_own_leader_is_no_request(nlp):
    mentions, _ = _mentions(nlp, "A senior Israeli official said Netanyahu must order an end to the operation.")
    assert mentions and all(m.modality == "hypothetical" for m in mentions)  # what should be done, not done
    mentions, _ = _mentions(nlp, "France said Israel must end the operation.")
    assert [m.type for m in mentions] == ["REQUEST"]


def test_events_unseen_said_of_another_is_a_threat_or_a_charge(nlp):
    mentions, _ = _mentions(nlp, "Pakistan's foreign minister said India would face a response.")
    assert [(m.type, [t.country for t in m.targets]) for m in mentions] == [("THREATEN", ["IND"])]
    mentions, _ = _mentions(nlp, "Turkey said the blockade violated international law.")
    assert [(m.type, [s.country for s in m.sources]) for m in mentions] == [("ACCUSE", ["TUR"])]
    mentions, _ = _mentions(nlp, "Turkey said the blockade would face legal challenges.")
    assert not [m for m in mentions if m.type == "THREATEN"]


def test_events_unseen_summaries_drop_dates_without_dangling(nlp):
    for text in (
        "Hundreds of supporters of the opposition rallied in Tbilisi on Wednesday evening.",
        "Protesters rallied outside the parliament in Tbilisi on Wednesday evening after the vote.",
        "Russian jets bombed a hospital near Homs on the morning of March 3, killing four.",
    ):
        mentions, _ = _mentions(nlp, text)
        # (these read "... rally on evening" and "... near Homs on the morning of" before)
        assert mentions and all(
            m.summary.split()[-1].lower() not in DANGLING | {"evening", "morning"} for m in mentions
        ), [m.summary for m in mentions]
