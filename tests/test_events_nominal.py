"""Nominal events (issue 16 recall): nouns of the lexicon that name a happening
("the 1994 genocide", "Russia's war", "the FBI investigation") and entries of
several words matched by spaCy's Matcher ("martial law", "sit-in", "cease fire",
"state of emergency"), each a candidate the actor and modality checks decide on."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _mentions(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    return extract(article, nlp(text), ())[0]


# (sentence, trigger text as stored, PLOVER type)
CODED = [
    ("The 1994 genocide in Rwanda killed 800,000 people.", "genocide", "ASSAULT"),
    ("Russia's war in Ukraine entered its third year on Monday.", "war", "ASSAULT"),
    ("The battle for the town killed 40 soldiers.", "battle", "ASSAULT"),
    ("A blast at the market wounded twelve people on Friday.", "blast", "ASSAULT"),
    ("Two soldiers died in a skirmish near the border.", "skirmish", "ASSAULT"),
    ("The FBI investigation into the senator widened on Tuesday.", "investigation", "ACCUSE"),
    ("Martial law in the province ended on Monday.", "Martial law", "COERCE"),
    ("The sit-in outside the ministry entered its third day.", "sit-in", "PROTEST"),
    ("Russia's cease fire in the Donbas held on Sunday.", "cease fire", "RETREAT"),
    ("The hunger strike of Kurdish prisoners in Ankara entered its tenth day.", "hunger strike", "PROTEST"),
]

# (sentence, trigger word): a kind or a figure of speech, no happening
NOT_CODED = [
    ("War is hell.", "war"),
    ("The homicide rate fell in the cities last year.", "homicide"),
    ("The senator lost a long legal battle over the estate.", "battle"),
    ("Martial arts are popular in the province.", "martial"),
]


@pytest.mark.parametrize("text,trigger,plover", CODED, ids=[t for _, t, _ in CODED])
def test_events_nominal_happening_is_coded(nlp, text, trigger, plover):
    found = [(m.type, m.trigger) for m in _mentions(nlp, text)]
    assert (plover, trigger) in found, found


@pytest.mark.parametrize("text,trigger", NOT_CODED, ids=[t for _, t in NOT_CODED])
def test_events_nominal_kind_is_not_coded(nlp, text, trigger):
    found = [(m.type, m.trigger) for m in _mentions(nlp, text)]
    assert not [f for f in found if f[1].lower().startswith(trigger)], found


@pytest.mark.parametrize(
    "text",
    [
        "Iran denied the accusation by the United States.",
        "China denied the accusation by Japan.",
    ],
)
def test_events_nominal_denied_accusation_is_only_referred_to(nlp, text):
    # the accusation denied was made before: the sentence refers to it, linking merges it
    accusations = [m for m in _mentions(nlp, text) if m.trigger.startswith("accusation")]
    assert accusations and all(m.reference for m in accusations), accusations


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Russian warplanes carried out air strikes on a market town near Homs on Monday.", "carried out air strikes"),
        ("The rebels launched a series of attacks on the city.", "launched a series of attacks"),
        ("The Kremlin launched its air strikes in September.", "launched its air strikes"),
    ],
)
def test_events_nominal_light_verb_trigger_spans_the_event_noun(nlp, text, trigger):
    # one event told by a verb that carries it and the noun that names it: the evidence is both
    assert [m.trigger for m in _mentions(nlp, text) if m.type == "ASSAULT"] == [trigger]


def test_events_nominal_other_act_on_an_event_keeps_its_own_trigger(nlp):
    # violating a ban is no ban: the verb's trigger stays the verb
    found = [(m.type, m.trigger) for m in _mentions(nlp, "Protesters in Minsk violated the ban on rallies on Sunday.")]
    assert all(trigger != "violated the ban" for _, trigger in found), found


def test_events_nominal_threat_is_kept_as_a_threat_not_a_deed(nlp):
    threats = [
        m for m in _mentions(nlp, "Israel's threats against Gaza alarmed Egypt on Monday.") if m.type == "THREATEN"
    ]
    assert threats and all(m.modality == "threatened" for m in threats), threats
