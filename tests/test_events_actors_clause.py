"""Actors from the trigger's own clause (issue 16 item 4).

Source and target of an event come from the clause its verb heads: its
subject, passive agent, object, or the object of a preposition of that verb.
The clause boundary is crossed only where English shares the subject: a
conjoined verb, an infinitive or participle complement or adjunct, a
relative clause's antecedent, the clause an absorbing verb ("threaten to",
"decision to") governs. A subject or object of another verb's clause, or of
a phrase hung on another verb's object, is never the actor.
"""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _mentions(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    return mentions


def _by_trigger(mentions, trigger):
    return [m for m in mentions if m.trigger.lower().startswith(trigger)]


# (sentence, trigger, a word of the expected source): the boundary crossed where the subject is shared
SHARED = [
    # a conjoined verb after a passive shares the passive's subject, not its agent
    (
        "Montenegro's prime minister has been indicted by the war crimes court and will resign.",
        "resign",
        "prime minister",
    ),
    # ... unless it is a second passive participle ("arrested and charged"), which keeps the agent
    ("Protesters were arrested by police and charged with rioting.", "charged", "police"),
    # an infinitive after a passive: the one the passive is about does it
    ("The rebels were forced to withdraw from the town.", "withdraw", "rebels"),
    # the subject-sharing relations that stay allowed
    ("The army shelled the village, killing three civilians.", "shelled", "army"),
    ("Israel agreed to release 50 prisoners.", "agreed", "Israel"),
    ("The government announced a decision to withdraw its troops from the border.", "withdraw", "government"),
    ("The embassy was attacked by militants on Monday.", "attacked", "militants"),
    # the object of "accuse X of", "condemn X for" does what the preposition's clause says
    ("The council condemned North Korea for firing missiles over Japan.", "firing", "North Korea"),
    ("The rebels who attacked the convoy on Sunday fled into the hills.", "attacked", "rebels"),
    # the parser lost the main verb: "council" is the root, "imposed" joined inside the relative clause
    (
        "The Security Council, which met on Monday after North Korea fired missiles, imposed sanctions.",
        "imposed",
        "Security Council",
    ),
    # a gerund under a preposition or subordinator of time is the main subject's act
    ("Militants stormed the post before shelling the nearby town.", "shelling", "Militants"),
    ("After talking with the Kenyan president, Macron left for Nairobi.", "talking", "Macron"),
    ("Masked gunmen robbed the clinic while shooting at the guards.", "shooting", "gunmen"),
    # an armed force that claims to have hit something did the hitting
    ("The Israeli army claimed to have hit two launch sites.", "hit", "Israel"),
    # a bare pronoun doer in the clause of a claim, left open by the resolver, is the claimer
    ("Hezbollah claimed that they had shelled the army post near the border.", "shelled", "Hezbollah"),
    ("The Taliban admitted that they had attacked the airport in Kabul.", "attacked", "Taliban"),
]


@pytest.mark.parametrize("text, trigger, source", SHARED)
def test_events_actors_clause_subject_shared_across_the_boundary(nlp, text, trigger, source):
    found = _by_trigger(_mentions(nlp, text), trigger)
    assert found, f"no {trigger!r} event"
    assert any(source.lower() in s.text.lower() or source.lower() in s.name.lower() for s in found[0].sources), [
        (s.text, s.name) for s in found[0].sources
    ]


# (sentence, trigger, a word that must not be its source): the subject of another clause is not the actor
NOT_SHARED = [
    # "said", not a claim: the pronoun may be anyone ("Israel said they fired rockets")
    ("Hamas said they had attacked the army base near the border.", "attacked", "Hamas"),
    (
        "The Security Council, which met on Monday after North Korea fired missiles, imposed sanctions.",
        "imposed",
        "North Korea",
    ),
    ("Montenegro's prime minister has been indicted by the war crimes court and will resign.", "resign", "court"),
    # the one who protests a decision did not take it
    ("Students protested the decision of sending troops to Iraq.", "sending", "Students"),
    ("The opposition welcomed the decision to withdraw troops from the city.", "withdraw", "opposition"),
    # a participle set off after a passive tells what the event did; a purpose is the summoner's
    ("The embassy was shattered by an explosion on Monday, killing 12 people.", "killing", "embassy"),
    ("The Afghan envoy had been summoned to protest the incident.", "protest", "envoy"),
    # a time adjunct is the subject's, whatever the object ("hug them before detonating")
    ("The fighters ran up to the soldiers and hugged them before detonating the bomb.", "detonating", "soldiers"),
    # a subject of the main clause is not the actor of a clause on its object
    ("Japan condemned the missiles that North Korea fired over Hokkaido.", "fired", "Japan"),
]


@pytest.mark.parametrize("text, trigger, wrong", NOT_SHARED)
def test_events_actors_clause_subject_of_another_clause_is_not_the_source(nlp, text, trigger, wrong):
    for mention in _by_trigger(_mentions(nlp, text), trigger):
        assert not any(wrong.lower() in f"{s.text} {s.name}".lower() for s in mention.sources), [
            (s.text, s.name) for s in mention.sources
        ]


# (sentence, trigger, a word that must not be its target): the agent of a clause on another noun
NOT_TARGETS = [
    (
        "Argentina apologized to Brazil for one of its gunboats intercepting a ship in the channel, disputed by "
        "Argentina and Chile.",
        "apologized",
        "Chile",
    ),
    (
        "The Moroccan diplomats held a meeting with President Obama at a lunch hosted by the ambassador of Morocco.",
        "held",
        "ambassador",
    ),
]


@pytest.mark.parametrize("text, trigger, wrong", NOT_TARGETS)
def test_events_actors_clause_agent_of_another_clause_is_not_the_target(nlp, text, trigger, wrong):
    found = _by_trigger(_mentions(nlp, text), trigger)
    assert found, f"no {trigger!r} event"
    for mention in found:
        assert not any(wrong.lower() in f"{t.text} {t.name}".lower() for t in mention.targets), [
            (t.text, t.name) for t in mention.targets
        ]


def test_events_actors_clause_agent_of_the_event_acted_upon_stays_the_target(nlp):
    (mention,) = _by_trigger(_mentions(nlp, "Police prevented the demonstration staged by students."), "prevented")
    assert [t.text for t in mention.targets] == ["students"]


@pytest.mark.parametrize(
    "text",
    [
        # a possessive pronoun owns the noun here: the owner another sentence names is not the target
        "The minister's email server was kept at her home. A hacker said he had repeatedly hacked her email server.",
        "The Security Council met on Monday. North Korea fired two missiles on Tuesday.",
    ],
)
def test_events_actors_clause_actors_come_from_the_sentence_of_the_trigger(nlp, text):
    mentions = _mentions(nlp, text)
    assert mentions
    for m in mentions:
        for actor in (*m.sources, *m.targets):
            if actor.start is not None:
                assert m.sentence_start <= actor.start < m.sentence_end, (m.trigger, actor.text)
