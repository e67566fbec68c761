"""Contradictions on hand-built mentions and statements."""

from __future__ import annotations

from datetime import date

from storyline.link import link
from storyline.models import ActorRef, Article, EventMention, Statement, TimeValue, stable_id

ABBAS = ActorRef(name="Mahmoud Abbas", text="Abbas", start=0, end=5, country="PSE", sector="GOV", resolved=True)
ISRAEL = ActorRef(name="Israel", text="Israel", start=40, end=46, country="ISR", sector="GOV", resolved=True)
OFFICIAL = ActorRef(
    name="senior Palestinian official",
    text="a senior Palestinian official",
    start=0,
    end=29,
    country="PSE",
    sector="GOV",
)


def day(value: str) -> TimeValue:
    d = date.fromisoformat(value)
    return TimeValue(value=value, earliest=d, latest=d, precision="day", basis="relative")


def article(key: str, published: str) -> Article:
    text = f"article {key}"
    return Article(id=Article.make_id(text), source=key, text=text, published=day(published))


ART = article("one", "2020-05-21")
OTHER = article("two", "2020-05-22")


def declaration(
    art: Article = ART,
    start: int = 10,
    modality: str = "announced",
    when: str = "2020-05-19",
    sentence: str = "Abbas declared an end to security coordination with Israel.",
    type: str = "SANCTION",
    lemma: str = "end",
) -> EventMention:
    return EventMention(
        id=stable_id("em", art.id, start, type),
        article_id=art.id,
        type=type,
        cameo="1622",
        mode="discontinue",
        modality=modality,
        trigger_start=start,
        trigger_end=start + 3,
        trigger=lemma,
        lemma=lemma,
        sentence_start=0,
        sentence_end=len(sentence),
        sentence=sentence,
        sources=(ABBAS,),
        targets=(ISRAEL,),
        time=day(when),
        summary="Mahmoud Abbas declares an end to security coordination with Israel",
    )


def test_contradictions_declared_end_against_statement_that_it_continues():
    words = "some security coordination would continue despite the announcement"
    statement = Statement(
        id=stable_id("sm", ART.id, 200),
        article_id=ART.id,
        speaker=OFFICIAL,
        words=words,
        start=200,
        end=200 + len(words),
        time=day("2020-05-21"),
    )
    result = link([ART], [declaration()], [statement])
    assert len(result.contradictions) == 1
    found = result.contradictions[0]
    assert found.first == result.events[0].id and found.second == statement.id
    assert "continues" in found.why and "coordination" in found.why


def test_contradictions_ignore_unrelated_or_distant_statements():
    unrelated = Statement(
        id=stable_id("sm", ART.id, 300),
        article_id=ART.id,
        speaker=OFFICIAL,
        words="talks on the budget will continue next week",
        start=300,
        end=340,
        time=day("2020-05-21"),
    )
    years_later = Statement(
        id=stable_id("sm", ART.id, 400),
        article_id=ART.id,
        speaker=OFFICIAL,
        words="security coordination continues",
        start=400,
        end=430,
        time=day("2022-01-01"),
    )
    assert link([ART], [declaration()], [unrelated, years_later]).contradictions == ()


def test_contradictions_denial_against_assertion():
    denial = declaration(
        OTHER,
        20,
        modality="negated",
        sentence="Israeli officials said Abbas had not ended security coordination with Israel.",
    )
    result = link([ART, OTHER], [declaration(), denial], [])
    assert len(result.events) == 2
    assert any("denies" in c.why for c in result.contradictions)


def test_contradictions_two_tolls_for_one_happening():
    attack = "Militants attacked a checkpoint on Tuesday and {} people were killed, police said."
    first = declaration(ART, 30, modality="asserted", type="ASSAULT", lemma="attack", sentence=attack.format(5))
    second = declaration(OTHER, 40, modality="asserted", type="ASSAULT", lemma="attack", sentence=attack.format(7))
    result = link([ART, OTHER], [first, second], [])
    assert len(result.events) == 1
    assert any("5" in c.why and "7" in c.why for c in result.contradictions)


def test_contradictions_one_voice_named_two_ways_counts_once():
    unnamed = ActorRef(
        name="unnamed senior Palestinian official",
        text="an unnamed senior Palestinian official",
        start=0,
        end=38,
        country="PSE",
        sector="GOV",
    )
    rajoub = ActorRef(
        name="Jibril Rajoub", text="Rajoub", start=0, end=6, country="PSE", sector="GOV", kind="person", resolved=True
    )
    words = [
        "some security coordination would continue despite the announcement",
        "security coordination continues on the ground",
    ]

    def said(start: int, who: ActorRef, text: str) -> Statement:
        return Statement(
            id=stable_id("sm", ART.id, start),
            article_id=ART.id,
            speaker=who,
            words=text,
            start=start,
            end=start + len(text),
            time=day("2020-05-21"),
        )

    one_voice = [said(200, OFFICIAL, words[0]), said(300, unnamed, words[1])]
    assert len(link([ART], [declaration()], one_voice).contradictions) == 1
    # a different official is a second voice
    two_voices = [*one_voice, said(400, rajoub, words[1])]
    assert len(link([ART], [declaration()], two_voices).contradictions) == 2


def test_contradictions_ignore_a_claim_inside_the_report_of_the_ending():
    sentence = (
        "The leadership decided to end security coordination with Israel and to continue security measures at home."
    )
    end = declaration(sentence=sentence)
    words = "to end security coordination with Israel and to continue security measures at home"
    inside = Statement(
        id=stable_id("sm", ART.id, 30),
        article_id=ART.id,
        speaker=OFFICIAL,
        words=words,
        start=30,
        end=30 + len(words),
        time=day("2020-05-21"),
    )
    assert link([ART], [end], [inside]).contradictions == ()
