"""Modality: a plan, threat, possibility or denial is never a fact."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article

CASES = [
    ("Egyptian officials will meet Thursday to discuss the border.", "meet", "planned"),
    ("The minister was to meet Thursday with army commanders.", "meet", "planned"),
    ("Turkey threatened to cut diplomatic ties with Austria.", "threatened", "threatened"),
    ("If Kenya expelled the envoys, trade would suffer.", "expelled", "hypothetical"),
    ("Kenya would expel the envoys unless the talks resumed.", "expel", "threatened"),
    (
        "The council's decision to end security cooperation with Jordan was a recommendation only.",
        "end",
        "hypothetical",
    ),
    ("Syria did not attack the convoy.", "attack", "negated"),
    ("Hamas has on dozens of occasions threatened to attack Israel.", "threatened", "historical"),
    ("The army raided the camp on Monday, according to a report.", "raided", "reported"),
    ("Chile declared it was suspending all flights to Peru.", "suspending", "announced"),
    ("Chilean police arrested the protest leaders on Monday.", "arrested", "asserted"),
    # a denied verb denies the act it controls, not the acts joined to it by "and"
    ("These attacks will not cause Chile to back down or withdraw its troops.", "withdraw", "negated"),
    ("A Chilean official said Lima would not accept the terms and accused Peru of stalling.", "accused", "asserted"),
    # advice or obligation is not a deed; a phase verb carries the mood of its action
    ("Chilean tourists should continue visiting Peru.", "visiting", "hypothetical"),
    ("Peruvian farmers would continue to protest the tariffs.", "protest", "planned"),
    # ... but "X said Y must" is a demand made, not a doubt
    ("Chile said that Peru must withdraw its ambassador.", "withdraw", "asserted"),
]


@pytest.mark.parametrize(
    "text, trigger, nominal",
    [
        ("Canada urged the council to impose new sanctions on Mali.", "sanctions", True),
        ("Norway urged Chile to press Peru to expel the Bolivian envoys.", "expel", False),
        ("Bolivia hopes Peru will release the detained fishermen.", "release", False),
    ],
)
def test_events_modality_what_is_asked_or_hoped_of_another_is_hypothetical(nlp, text, trigger, nominal):
    """What one is urged to do, or another hopes one will do, is not done (nor one's own plan)."""
    from storyline.events.modality import modality

    token = next(t for t in nlp(text) if t.text == trigger)
    assert modality(token, "SANCTION", nominal=nominal) == "hypothetical"


@pytest.mark.parametrize("text,trigger,expected", CASES, ids=[c[2] + ":" + c[1] for c in CASES])
def test_events_modality_cases(nlp, text, trigger, expected):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    by_trigger = {m.trigger.split()[0]: m for m in mentions}
    assert trigger in by_trigger, [m.trigger for m in mentions]
    assert by_trigger[trigger].modality == expected


def test_events_modality_plan_is_never_asserted(nlp):
    text = "Peru will withdraw its ambassador from Chile. Peru plans to close the border with Chile."
    mentions, _ = extract(Article(id="a", source="t", text=text), nlp(text), ())
    assert mentions and all(m.modality != "asserted" for m in mentions)


def test_events_modality_past_relative_clause_under_a_plan_is_done(nlp):
    # the plan ("decided to fire") is the main clause's; the deal in the relative clause was signed
    text = "The club decided to fire Omar Haddad, who still has a year left on the deal he signed with Kenya in 2004."
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    signed = [m for m in mentions if m.trigger == "signed"]
    assert signed and signed[0].modality != "planned", [(m.trigger, m.modality) for m in mentions]
