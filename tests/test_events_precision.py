"""Precision: sentences a careful coder reads as no event at all, or as an
event by someone else than a naive reading says (hand-built sentences)."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _mentions(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    return extract(article, nlp(text), ())[0]


@pytest.mark.parametrize(
    "text",
    [
        # what sources refuse or ask of reporters is not news
        "A Kenyan police spokesman declined to comment on the raid.",
        "A senior Chilean official, who refused to identify himself, spoke to reporters.",
        "Both Peruvian officials requested anonymity.",
        "Tanzanian police refused to provide details.",
        # verbs that are events only with a person or group as object
        "Kenya is preparing to meet future medical disasters.",
        "The Chilean minister flew to Lima to demonstrate support for the accord.",
        # a place named as a modifier says where, not who
        "Rescuers worked for days after the Nairobi bombing.",
        "Victims of the Kenya bombing were buried on Friday.",
        # words in other senses than the event's
        "His Chilean relatives are fighting to keep the boy in Santiago.",
        "Peru's foreign minister read from a letter signed by the Chilean president.",
        "The Peruvian president offered condolences to the victims' families.",
        # the one a passive or participle clause hangs on suffers the act
        "The Peruvian minister said the matter was under review when asked about the violations.",
        "A Chilean activist returned to Peru, only to be jailed for several months.",
        # people owned are not their owner
        "Elena's Chilean relatives criticized the ruling.",
        "Tourists come for what Chile offers.",
        "The Peruvian minister insisted his country wants peace.",
        "Investigators searched for the authors of the embassy bombings.",
        "A Chilean official declined to say whether the weapons included missiles.",
        "The Peruvian aviation authority released air traffic control tapes.",
        "The Security Council charged the inspectors with verifying the destruction of the weapons.",
        "The Chilean activist pleaded innocent to the charges.",
        "There were no attacks on Chile.",
        "Chilean exporters may seize the chance to sell more copper.",
        "The Peruvian government has been fighting gender stereotypes for years.",
        "Chilean riot police marched into the square.",
        "The Chilean carrier charges customers in Peru more for tickets.",
        "The Peruvian judge agreed with the ministry's reasoning.",
        "The Chilean embassy hosted on Monday.",
        "Apple released the long awaited iPhone Software Development Kit.",
    ],
)
def test_events_precision_no_event(nlp, text):
    # (a happening only named, "after the Nairobi bombing", is kept as a reference: no event of its own)
    assert [m for m in _mentions(nlp, text) if not m.reference] == []


def test_events_precision_meeting_a_person_is_still_a_meeting(nlp):
    (meeting,) = _mentions(nlp, "The Chilean minister met the Peruvian president in Lima.")
    assert meeting.type == "CONSULT" and [t.country for t in meeting.targets] == ["PER"]


def test_events_precision_refusing_a_demand_is_still_a_rejection(nlp):
    (refusal,) = _mentions(nlp, "Chile refused to withdraw its ambassador from Peru.")
    assert refusal.type in ("REJECT", "SANCTION")


def test_events_precision_an_abbreviated_state_before_an_attack_is_the_attacker(nlp):
    (strike,) = [
        m for m in _mentions(nlp, "Witnesses described the U.S. airstrike on the camp.") if m.type == "ASSAULT"
    ]
    assert [s.country for s in strike.sources] == ["USA"]


def test_events_precision_signing_an_agreement_is_still_an_agreement(nlp):
    (signed,) = _mentions(nlp, "Chile and Peru signed a fishing agreement on Monday.")
    assert signed.type == "AGREE"


def test_events_precision_an_attorney_general_is_no_soldier(nlp):
    (appeal,) = [
        m for m in _mentions(nlp, "The Chilean mayor appealed to Attorney General Ana Soto.") if m.type == "REQUEST"
    ]
    assert [t.sector for t in appeal.targets] == ["GOV"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Chile has offered to negotiate with the Peruvian president.", "AGREE"),
        ("The Peruvian minister insisted that the Chilean envoy be recalled.", "REQUEST"),
    ],
)
def test_events_precision_offers_and_demands_with_their_content_stay(nlp, text, kind):
    assert kind in {m.type for m in _mentions(nlp, text)}


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Peru released two Chilean prisoners on Monday.", "CONCEDE"),
        ("Chile charged the Peruvian envoy with spying.", "ACCUSE"),
    ],
)
def test_events_precision_release_and_charge_in_their_event_sense_stay(nlp, text, kind):
    assert kind in {m.type for m in _mentions(nlp, text)}


def test_events_precision_fighting_a_foe_is_still_combat(nlp):
    assert "ASSAULT" in {m.type for m in _mentions(nlp, "Peruvian troops fought Chilean rebels near the border.")}


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Chile agreed with Peru on a new border crossing.", "AGREE"),
        ("Chile agreed to reopen the border with Peru.", "AGREE"),
    ],
)
def test_events_precision_agreeing_with_a_party_or_to_an_act_stays(nlp, text, kind):
    assert kind in {m.type for m in _mentions(nlp, text)}


def test_events_precision_attacking_someone_for_a_failure_is_criticism(nlp):
    (attack,) = _mentions(nlp, "The Chilean senator attacked the minister for failing to enforce the ruling.")
    assert attack.type == "ACCUSE"


def test_events_precision_a_named_visitor_keeps_no_nationality_from_the_place(nlp):
    text = "Secretary Madeleine Albright met Prime Minister Hashim Thaci in Kosovo on Monday."
    (meeting,) = [m for m in _mentions(nlp, text) if m.type == "CONSULT"]
    # she is no Kosovar for meeting there (the converted knowledge knows her as American)
    assert [s.country for s in meeting.sources] in ([None], ["USA"])
    (march,) = _mentions(nlp, "Hundreds of protesters marched in Lima on Monday.")
    assert [s.country for s in march.sources] == ["PER"]  # an unnamed crowd is of the place


def test_events_precision_yielding_none_is_negated(nlp):
    (yielded,) = _mentions(nlp, "The Peruvian government yields none of its authority to Chile.")
    assert yielded.modality == "negated"
