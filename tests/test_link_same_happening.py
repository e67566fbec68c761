"""Issue 14 item 3: one happening told twice is one event, every mention kept.

Our own sentences, through the real stages (parse, extraction, the
mention's LinkFeatures) and the build's linker of one story
(``link_story``, which is what ``link`` runs on each story): a dated report
and the same article's undated reference to it, a later article's
past-tense history of it, and a reference naming a happening its article
reports with a doer. Which mentions share a story at all is
``stories.mention_keys``' business (tests/test_link_stories.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from storyline.link import link, link_story
from storyline.models import Article, EventMention, TimeValue, stable_id

pytestmark = pytest.mark.slow

SHELLING = (
    "Syrian government forces shelled the town of Maarat al-Numan on Tuesday, killing four civilians. "
    "The shelling of Maarat al-Numan drew protests from the United Nations."
)
HISTORY = (
    "In 2021, Syrian government forces shelled the town of Maarat al-Numan, killing four civilians. "
    "On Monday, the government and the rebels signed a ceasefire agreement."
)
SANCTIONS = (
    "The European Union imposed sanctions on Belarus on Friday over the forced landing of a passenger jet. "
    "The sanctions on Belarus were criticised by Moscow."
)
SANCTIONS_AGAIN = "The European Union imposed sanctions on Belarus over the forced landing of a passenger jet."


def _article(text: str, day: str) -> Article:
    d = date.fromisoformat(day)
    return Article(
        id=Article.make_id(text), source=f"{day}.txt", text=text, published=TimeValue(day, d, d, "day", "header")
    )


def _analysed(nlp, *texts: tuple[str, str]):
    from storyline import pipeline
    from storyline.annotate import annotate

    analyses = [pipeline.analyse(a, doc) for a, doc in annotate([_article(t, d) for t, d in texts], nlp)]
    return [a.article for a in analyses], [m for a in analyses for m in a.mentions]


def _event_of(result, mention: EventMention):
    return next(e for e in result.events if mention.id in e.mention_ids)


def _mention(mentions, trigger: str, article: Article) -> EventMention:
    return next(m for m in mentions if m.trigger == trigger and m.article_id == article.id)


def test_link_same_happening_dated_report_and_its_undated_reference_are_one_event(nlp):
    articles, mentions = _analysed(nlp, (SHELLING, "2021-03-11"))
    shelled, shelling = _mention(mentions, "shelled", articles[0]), _mention(mentions, "shelling", articles[0])
    assert shelled.time.value == "2021-03-09" and shelling.time.earliest is None
    result = link_story("s", articles, mentions, ())
    event = _event_of(result, shelled)
    assert set(event.mention_ids) >= {shelled.id, shelling.id}
    assert event.time.value == "2021-03-09"
    # the protest the shelling drew is another happening
    protest = next(m for m in mentions if m.type == "PROTEST")
    assert protest.id not in event.mention_ids
    # and the event says why the undated mention is in it
    assert any({link.first, link.second} == {shelled.id, shelling.id} for link in event.links)


def test_link_same_happening_told_in_a_later_articles_history_is_one_event(nlp):
    articles, mentions = _analysed(nlp, (SHELLING, "2021-03-11"), (HISTORY, "2023-03-14"))
    dated = _mention(mentions, "shelled", articles[0])
    history = _mention(mentions, "shelled", articles[1])
    assert history.modality == "historical" and history.time.value == "2021"
    result = link_story("s", articles, mentions, ())
    event = _event_of(result, dated)
    # every mention kept: the day, the history and the reference
    assert {dated.id, history.id} <= set(event.mention_ids) and len(event.mention_ids) == 3
    assert event.time.value == "2021-03-09"
    assert event.source_count == 2
    # the ceasefire two years later stays its own event
    signed = _mention(mentions, "signed", articles[1])
    assert _event_of(result, signed) is not event


def test_link_same_happening_reference_without_doer_joins_its_articles_report(nlp):
    articles, mentions = _analysed(nlp, (SANCTIONS, "2021-06-26"), (SANCTIONS_AGAIN, "2021-06-27"))
    reference = next(m for m in mentions if m.reference)
    assert reference.type == "SANCTION" and not reference.sources
    result = link(articles, mentions, [])
    sanctions = [e for e in result.events if e.type == "SANCTION"]
    # the dated report, its reference and the other article's undated report
    assert len(sanctions) == 1 and len(sanctions[0].mention_ids) == 3
    assert sanctions[0].time.value == "2021-06-25"
    # Moscow's criticism of the sanctions is not the sanctions
    assert all(
        e.type != "SANCTION" or m.type == "SANCTION" for e in result.events for m in mentions if m.id in e.mention_ids
    )


def _hand(
    article: Article, start: int, trigger: str, *, reference: bool = False, targets=(), when=None, sources=()
) -> EventMention:
    return EventMention(
        id=stable_id("em", article.id, start),
        article_id=article.id,
        type="ASSAULT",
        cameo="190",
        mode=None,
        modality="asserted",
        trigger_start=start,
        trigger_end=start + len(trigger),
        trigger=trigger,
        lemma=trigger,
        sentence_start=start,
        sentence_end=start + 40,
        sentence=f"Words around the {trigger} number {start}.",
        sources=tuple(sources),
        targets=tuple(targets),
        time=when,
        reference=reference,
    )


def test_link_same_happening_reference_takes_the_report_of_its_type_in_its_own_article():
    from storyline.models import ActorRef

    army = ActorRef(name="Army", text="Army", start=0, end=4, country="SYR", sector="MIL", resolved=True)
    town = ActorRef(name="Maarat", text="Maarat", start=0, end=6, country="SYR", resolved=True)
    other_town = ActorRef(name="Idlib", text="Idlib", start=0, end=5, country="SYR", resolved=True)
    day = TimeValue("2021-03-09", date(2021, 3, 9), date(2021, 3, 9), "day", "relative")
    here, there = _article("one", "2021-03-11"), _article("two", "2021-03-11")
    report = _hand(here, 10, "shelled", sources=(army,), targets=(town,), when=day)
    reference = _hand(here, 200, "attack", reference=True)
    # no doer, no date, another target: not a reference to this report
    elsewhere = _hand(here, 400, "raid", targets=(other_town,))
    # a reference in another article never joins this one's report
    far = _hand(there, 30, "attack", reference=True)
    result = link_story("s", [here, there], [report, reference, elsewhere, far], ())
    assert sorted(len(e.mention_ids) for e in result.events) == [1, 1, 2]
    joined = _event_of(result, report)
    assert set(joined.mention_ids) == {report.id, reference.id}
    assert joined.links[0].reasons == (("refers back in its article", 1.0),)


STRIKE = (
    "Russian cruise missiles struck the grain terminal of Korvath on Saturday, a day after the port reopened. "
    "Two days earlier, Russian artillery had shelled a village near the border. "
    "The mayor of Korvath said the attack was an insult to the farmers who rely on the port."
)


def test_link_same_happening_reference_without_parties_meets_its_report_through_link(nlp):
    # through link(), whose stories come from keys: the doerless reference "the attack" has no party
    # and would be a story (and a row) of its own; it joins the article's first report of its type
    articles, mentions = _analysed(nlp, (STRIKE, "2023-07-16"))
    attack = _mention(mentions, "attack", articles[0])
    struck = _mention(mentions, "struck", articles[0])
    assert attack.reference and not attack.sources
    result = link(articles, mentions, ())
    assert attack.id in _event_of(result, struck).mention_ids


def test_link_same_happening_reference_does_not_split_the_reports_of_a_copied_article(nlp):
    # the same article twice, one copy re-wrapped: the references join their reports after the
    # reports are clustered, so they cannot pull two copies of one report apart
    copy = STRIKE.replace(". ", ".\n")
    articles, mentions = _analysed(nlp, (STRIKE, "2023-07-16"), (copy, "2023-07-16"))
    single_articles, single_mentions = _analysed(nlp, (STRIKE, "2023-07-16"))
    assert len(link(articles, mentions, ()).events) == len(link(single_articles, single_mentions, ()).events)
