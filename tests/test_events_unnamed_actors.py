"""Happenings reported without their doer (issue 16, recall).

A material event (an attack, an arrest, a protest) that the sentence tells
as one concrete happening stays an event with no source, even when nobody
is named as doing it: it did something to someone, happened at a place or
time its own phrase names, or someone suffered it. A particular happening the
sentence only refers to ("the attack", "Saturday's attack", "the 2015 embargo")
stays too, marked ``reference`` for linking to merge into the event it names.
Generic mentions, kinds, and planned, negated or hypothetical ones do not.
"""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _mentions(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    return mentions


def _unattributed(nlp, text, trigger):
    return [m for m in _mentions(nlp, text) if m.trigger.lower().startswith(trigger) and not m.sources]


# (sentence, trigger word, PLOVER type): a happening told without its doer
KEPT = [
    ("An explosion at the crowded market killed twelve people on Tuesday.", "explosion", "ASSAULT"),
    ("The attack wounded three soldiers near the border post.", "attack", "ASSAULT"),
    ("The blast destroyed two houses in the northern district.", "blast", "ASSAULT"),
    ("Four villagers were killed in the bombing of the bridge.", "bombing", "ASSAULT"),
    ("Two policemen died in the ambush outside the town.", "ambush", "ASSAULT"),
    ("There was an explosion near the embassy on Monday.", "explosion", "ASSAULT"),
    ("Dozens of students were beaten in the capital.", "beaten", "ASSAULT"),
    ("Twin bombs exploded near the finish line on Monday.", "exploded", "ASSAULT"),
    ("He was found guilty of murder on Monday.", "found", "SANCTION"),
    ("Thousands of protesters were arrested in Caracas on Sunday.", "arrested", "COERCE"),
    ("Two journalists were detained at the border last week.", "detained", "COERCE"),
    ("The former mayor was sentenced to ten years in prison.", "sentenced", "SANCTION"),
    ("Some 21 bombs had gone off in Belfast by the evening.", "gone off", "ASSAULT"),
    ("The device was left at the entrance and exploded at noon.", "exploded", "ASSAULT"),
    # the acts of courts and prosecutors need no doer either, nor a verb joined to a passive one
    ("The former governor was indicted on corruption counts in March.", "indicted", "ACCUSE"),
    ("Last week the bookkeeper was detained and charged with fraud.", "charged", "ACCUSE"),
    ("The two suspects were extradited from Spain on Friday.", "extradited", "COOPERATE"),
    ("Villagers were rounded up, beaten and robbed by night.", "beaten", "ASSAULT"),
    ("A cargo plane was shot down near the airport on Friday.", "shot", "ASSAULT"),
    # a happening measured or framed by another noun is told by that noun's clause
    ("Shortly after dawn a wave of explosions rocked the southern suburbs.", "explosions", "ASSAULT"),
    ("During two hours of heavy bombing at least nine people died.", "bombing", "ASSAULT"),
    ("At noon the checkpoint came under sustained gunfire.", "gunfire", "ASSAULT"),
    # a device that went off, told in a relative clause
    ("Police sealed the market where a device that exploded on Sunday hurt four people.", "exploded", "ASSAULT"),
    # an act told done in the past passive of a verb of doing it; an inquiry needs no doer named
    ("The magistrate said an inquiry has been opened into the deaths.", "inquiry", "ACCUSE"),
    ("A raid was mounted on the farm before dawn.", "raid", "ASSAULT"),
]

# (sentence, trigger word): generic, a kind, background to another act, or not a fact
DROPPED = [
    ("The homicide rate fell in the cities last year.", "homicide"),
    ("Attacks like this are becoming more common.", "attacks"),
    ("Violence is rising across the region.", "violence"),
    ("No explosion was reported in the capital.", "explosion"),
    ("An attack could kill many people in the city.", "attack"),
    ("Police said the march was peaceful and no one was injured.", "injured"),
    ("Students are often beaten in the capital.", "beaten"),
    ("Students are often detained in the capital.", "detained"),
    ("No one was arrested in the capital.", "arrested"),
    ("Any attack on the embassy would be answered.", "attack"),
    ("The threat of further attacks remains high.", "attacks"),
    ("Talks will continue unless the embargo is lifted.", "embargo"),
    ("Attack helicopters flew over the capital.", "attack"),
    ("Prices exploded in the capital last year.", "exploded"),
    ("That was rocket fuel on the fire.", "fire"),
    ("The rent was 3,300 dollars a month, according to the complaint.", "complaint"),
    ("The prosecution has called for a nine-year sentence.", "prosecution"),
    ("Related coverage: the 2016 Kabul bombing; the 2017 Kabul bombing", "bombing"),
    ("A fire at the market killed twelve people on Tuesday.", "fire"),
    ("No bomb exploded in the capital.", "exploded"),
    ("Those who are convicted face prison.", "convicted"),
    ("A bomb could explode at any time.", "explode"),
    ("Reporters are routinely charged with libel in the province.", "charged"),
    ("The clerk was never charged.", "charged"),
    ("Anyone who is indicted loses the seat.", "indicted"),
    # projectiles shot down are intercepted, nobody is attacked ("two more": the missiles)
    ("Three missiles struck the depot and two more were shot down by air defences.", "shot"),
    ("Eleven drones were shot down over the bay overnight.", "shot"),
    # a habit, a wanted outcome and a speech are no particular happening
    ("Each time, the truce has held after last-minute talks.", "talks"),
    ("The family offered a reward for information leading to the smugglers' arrest.", "arrest"),
    ("Students packed the hall for the talk by the novelist on Friday.", "talk"),
    ("The union called for two days of strikes and marches.", "marches"),
    ("A raid was prevented by the police.", "raid"),
    ("An inquiry was demanded by the families.", "inquiry"),
]

# (sentence, trigger word, PLOVER type): a particular happening the sentence only refers to
REFERENCES = [
    ("The minister offered condolences over the attack on the mosque.", "attack", "ASSAULT"),
    ("The ringleader of Saturday's attack was known to the police.", "attack", "ASSAULT"),
    ("Thousands fled the city after the bombing.", "bombing", "ASSAULT"),
    ("The 2015 embargo hurt farmers in the region.", "embargo", "SANCTION"),
    ("Survivors of the massacre gave evidence to the court.", "massacre", "ASSAULT"),
    ("Her son was refused entry to her trial on Monday.", "trial", "ACCUSE"),
    ("The talks came to nothing and the ceasefire collapsed.", "talks", "CONSULT"),
    # the verb that carried it is no event a coder takes (its doer is unknown): the noun stays
    ("The teenager who carried out the stadium bombing had been to Syria.", "bombing", "ASSAULT"),
    ("The initial shooting incidents were reported to the police.", "shooting", "ASSAULT"),
    ("The ringleader of the assassination attempt fled abroad.", "assassination", "ASSAULT"),
]


@pytest.mark.parametrize("text,trigger,plover", KEPT, ids=[t for _, t, _ in KEPT])
def test_events_unnamed_actors_concrete_happening_is_kept_without_source(nlp, text, trigger, plover):
    found = _unattributed(nlp, text, trigger)
    assert [m.type for m in found] == [plover], [(m.type, m.trigger) for m in _mentions(nlp, text)]
    assert found[0].modality in ("asserted", "reported", "historical")
    assert not found[0].reference  # its own clause tells it


@pytest.mark.parametrize("text,trigger,plover", REFERENCES, ids=[t for _, t, _ in REFERENCES])
def test_events_unnamed_actors_particular_happening_is_kept_as_reference(nlp, text, trigger, plover):
    found = _unattributed(nlp, text, trigger)
    assert [(m.type, m.reference) for m in found] == [(plover, True)], [
        (m.type, m.trigger, m.reference) for m in _mentions(nlp, text)
    ]


@pytest.mark.parametrize("text,trigger", DROPPED, ids=[t for _, t in DROPPED])
def test_events_unnamed_actors_generic_or_background_mention_is_dropped(nlp, text, trigger):
    assert _unattributed(nlp, text, trigger) == []


def test_events_unnamed_actors_summary_says_the_doer_is_unknown(nlp):
    found = _unattributed(nlp, "The attack wounded three soldiers near the border post.", "attack")
    assert found and found[0].summary.startswith("Unidentified")


def test_events_unnamed_actors_summary_names_the_kind_of_doer_the_act_implies(nlp):
    found = _unattributed(nlp, "Protests erupted in the capital on Sunday.", "protest")
    assert found and found[0].summary.startswith("Unidentified protesters"), found


def test_events_unnamed_actors_named_doer_still_wins(nlp):
    mentions = _mentions(nlp, "The Syrian army attacked the convoy near the border post.")
    assert [m.type for m in mentions] == ["ASSAULT"]
    assert mentions[0].sources and "army" in mentions[0].sources[0].text.lower()


def test_events_unnamed_actors_reference_is_in_the_json_contract(nlp):
    from storyline.views.contract import mention_json

    mentions = _mentions(nlp, "The ringleader of Saturday's attack was known to the police.")
    assert [mention_json(m)["reference"] for m in mentions if m.trigger == "attack"] == [True]
    kept = _mentions(nlp, "The attack wounded three soldiers near the border post.")
    assert [mention_json(m)["reference"] for m in kept if m.trigger == "attack"] == [False]


@pytest.mark.parametrize(
    "text,trigger,doers",
    [
        ("The talks came to nothing and the ceasefire collapsed.", "talks", "Unidentified parties"),
        ("The 2015 embargo hurt farmers in the region.", "embargo", "Unidentified authorities"),
    ],
)
def test_events_unnamed_actors_summary_of_a_reference_names_its_kind_of_doer(nlp, text, trigger, doers):
    found = _unattributed(nlp, text, trigger)
    assert found and found[0].summary.startswith(doers), found  # never "Unidentified attackers" for talks


def test_events_unnamed_actors_summary_keeps_a_hyphened_modifier_whole(nlp):
    found = _unattributed(nlp, "The truce was saved by last-minute talks in Vienna.", "talks")
    assert found and "last-minute talks" in found[0].summary, [m.summary for m in found]


def test_events_unnamed_actors_a_measured_happening_is_placed_by_its_own_phrase(nlp):
    text = "Tourists left after someone launched a series of attacks across Lagos."
    found = [m for m in _mentions(nlp, text) if m.trigger == "attacks"]
    assert [(m.type, m.reference, m.location and m.location.name) for m in found] == [("ASSAULT", True, "Lagos")], [
        (m.type, m.trigger) for m in _mentions(nlp, text)
    ]


def test_events_unnamed_actors_a_light_verbs_framed_happening_is_placed_by_its_own_phrase(nlp):
    # a gang is a party (the agents dictionary's criminals): its act is placed where the attacks were
    text = "Tourists left after the gang launched a series of attacks across Lagos."
    found = [m for m in _mentions(nlp, text) if "attacks" in m.trigger]
    assert [(m.type, [s.name for s in m.sources], m.location and m.location.name) for m in found] == [
        ("ASSAULT", ["gang"], "Lagos")
    ], [(m.type, m.trigger) for m in _mentions(nlp, text)]


def test_events_unnamed_actors_an_act_carried_out_is_one_event(nlp):
    mentions = _mentions(nlp, "An ambush was carried out near the pass on Monday.")
    assert [m.type for m in mentions] == ["ASSAULT"], [(m.type, m.trigger) for m in mentions]


def test_events_unnamed_actors_charges_are_decided_by_the_lexicon_not_the_learned_decider(nlp):
    # the decider once took "charges against X" for an attack; a noun the lexicon knows is left to its rules
    from storyline.annotate import token_strings
    from storyline.events.lexicon import load_lexicon
    from storyline.events.mentions import trigger_lemmas
    from storyline.events.model import gate, load_model

    doc = nlp("The city attorney weighed filing drunken-driving charges against the lineman.")
    charges = next(t.i for t in doc if t.text == "charges")
    looked_at = gate(doc, 0, len(doc), set(), load_model(), token_strings(doc), trigger_lemmas(load_lexicon()))
    assert charges not in looked_at
    assert not [m for m in _mentions(nlp, doc.text) if m.type == "ASSAULT"]


def test_events_unnamed_actors_a_release_noun_is_left_to_the_lexicon(nlp):
    # the decider took a press or product release for an attack; the lexicon knows the noun now
    from storyline.annotate import token_strings
    from storyline.events.lexicon import load_lexicon
    from storyline.events.mentions import trigger_lemmas
    from storyline.events.model import gate, load_model

    doc = nlp("The film is slated for a European release on June 24.")
    release = next(t.i for t in doc if t.text == "release")
    looked_at = gate(doc, 0, len(doc), set(), load_model(), token_strings(doc), trigger_lemmas(load_lexicon()))
    assert release not in looked_at
    assert not _mentions(nlp, doc.text)
