"""Who an event is done to (hand-built sentences)."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _main(nlp, text, lemma):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    found = [m for m in mentions if m.lemma == lemma]
    assert found, [(m.lemma, m.type) for m in mentions]
    return found[0]


@pytest.mark.parametrize(
    "text, lemma, country",
    [
        # a threat is aimed at whoever must comply for it to be called off
        ("Chile threatened to close its ports unless Peru withdrew the new tariffs.", "threaten", "PER"),
        ("Chile has threatened to halt gas sales if Argentina raises its border fees.", "threaten", "ARG"),
        # a refusal or a protest made in the face of someone names that someone
        ("The Kenyan minister refused to resign despite mounting pressure by Tanzania.", "refuse", "TZA"),
        ("Thousands of students blocked roads in Lima in defiance of Chilean authorities.", "block", "CHL"),
        ("The activist began a hunger strike in protest against abuses by Peruvian police.", "begin", "PER"),
        # the agent of the deed an investigation is about is the one investigated
        ("Chile is investigating alleged abuses by Bolivian extremists against farmers.", "investigate", "BOL"),
        # a threatened or refused act aimed at a place
        ("Chile threatened to ban fishing in Bolivia.", "threaten", "BOL"),
        ("Kenya refused to deploy soldiers in Somalia.", "refuse", "SOM"),
        ("Colombian farmers sought refuge in Ecuador.", "seek", "ECU"),
        ("Serbia eased restrictions on Monday in Montenegro province.", "ease", "MNE"),
        # "summoned X to complain": X hears the complaint
        ("The Chilean foreign minister summoned Peru's ambassador to complain about the fees.", "complain", "PER"),
        # the parser's slips: an object taken from its preposition, a phrase hung on a particle
        ("Peru has granted asylum to four Bolivian army officers holed up in an embassy.", "grant", "BOL"),
        ("Guerrillas have kidnapped up to 12 Chilean engineers from a mine.", "kidnap", "CHL"),
        # the agent of a deed acted upon
        ("Police prevented the march staged by Bolivian students in La Paz.", "prevent", "BOL"),
        # a go-between acts on both parties
        ("Ecuador launched a mediation effort on Saturday between Peru and Chile.", "launch", "CHL"),
        # a grievance shown in a protest's purpose, the other side of the talks before a concession
        ("Demonstrators in Lima blocked a road to show their disapproval of Chile's trade policies.", "block", "CHL"),
        (
            "The Peruvian teachers' union called off its strike after deliberations with the Chilean government.",
            "call",
            "CHL",
        ),
        # the nationality of a territory acted upon names its owner, unlike a border one stands on
        ("Peru withdrew its troops from Chilean territory.", "withdraw", "CHL"),
    ],
)
def test_events_targets_found(nlp, text, lemma, country):
    mention = _main(nlp, text, lemma)
    assert country in {t.country for t in mention.targets}, mention.targets


def test_events_targets_ordered_object_is_the_target(nlp):
    mention = _main(nlp, "The government ordered the opposition newspaper El Faro to suspend publication.", "order")
    assert [t.text for t in mention.targets] == ["El Faro"]


def test_events_targets_persuaded_object_acts_and_is_no_target(nlp):
    # object control: the one persuaded to withdraw does the withdrawing
    mention = _main(nlp, "Chile persuaded Bolivia to withdraw its troops.", "withdraw")
    assert [s.country for s in mention.sources] == ["BOL"]
    assert "BOL" not in {t.country for t in mention.targets}


def test_events_targets_of_argument_behind_a_conjoined_object(nlp):
    mention = _main(nlp, "Rebels demanded the removal of President Tomas Arroyo and his ruling party.", "demand")
    assert "Tomas Arroyo" in {t.name for t in mention.targets}


def test_events_targets_demand_noun_takes_its_detached_clause(nlp):
    text = "The ILO reiterated its demand today that Chile ease restrictions on migrant workers."
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    assert [m.type for m in mentions] == ["REQUEST"]  # Chile eases nothing yet
    assert {t.country for t in mentions[0].targets} == {"CHL"}


def test_events_targets_owner_of_an_arrest_is_arrested_not_arresting(nlp):
    text = "Kenya offered a reward for information leading to the smugglers' arrest."
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    assert not [m for m in mentions if m.lemma == "arrest" and m.sources]  # nobody named arrests anyone
    text = "The Kenyan activists' arrest by Tanzanian police came after a long chase."
    mentions, _ = extract(Article(id=Article.make_id(text), source="t", text=text), nlp(text), ())
    (arrest,) = [m for m in mentions if m.lemma == "arrest"]
    assert [s.country for s in arrest.sources] == ["TZA"] and [t.country for t in arrest.targets] == ["KEN"]


def test_events_targets_a_border_says_where_not_whom(nlp):
    mention = _main(nlp, "Peruvian troops captured a guerrilla stronghold on the Chilean border.", "capture")
    assert "CHL" not in {t.country for t in mention.targets}
    assert "REB" in {t.sector for t in mention.targets}


@pytest.mark.parametrize(
    "text, country",
    [
        ("The Bolivian government called for free elections in Peru.", "PER"),
        ("The Chilean senator called for reform of the constitution in Ecuador.", "ECU"),
        ("Two Kenyan senators called for reform in Ugandan politics.", "UGA"),
    ],
)
def test_events_targets_call_for_change_in_a_state_asks_that_state(nlp, text, country):
    """A call for a change "in" a state is addressed to that state."""
    assert country in {t.country for t in _main(nlp, text, "call").targets}


def test_events_targets_where_the_call_was_made_is_no_target(nlp):
    text = "The Chilean senator called for calm in a speech in Lima."
    assert "PER" not in {t.country for t in _main(nlp, text, "call").targets}


@pytest.mark.parametrize(
    "text, lemma, target",
    [
        # a headline's passive without "was": its subject is arrested, no one arrests
        ("Striker Paulo Mendes arrested on theft suspicion", "arrest", "Paulo Mendes"),
        # an event noun's owner, when its "by" phrase names the doer, is the one it was done to
        ("Officials confirmed Tomas Berg's shooting by an off-duty guard.", "shooting", "Tomas Berg"),
    ],
)
def test_events_targets_the_one_acted_on_is_no_source(nlp, text, lemma, target):
    mention = _main(nlp, text, lemma)
    assert [t.name for t in mention.targets if target in t.name], mention.targets
    assert not [s.name for s in mention.sources if target in s.name], mention.sources


@pytest.mark.parametrize(
    "text, lemma",
    [
        # the people hurt are named; the "at" phrase says where, and the place name with it
        ("A gunman injured two others on Friday at the suburban Denver accounting firm.", "injure"),
        ("On Monday on the Boston campus, a man killed his former partner.", "kill"),
        # an offence named inside the phrase is no party
        ("The winger was arrested for investigation of DUI in March.", "arrest"),
    ],
)
def test_events_targets_place_or_thing_in_a_phrase_is_no_target(nlp, text, lemma):
    mention = _main(nlp, text, lemma)
    assert not [t for t in mention.targets if t.kind != "group" or t.sector != "CVL"], mention.targets


def test_events_targets_hosting_a_show_is_no_meeting(nlp):
    text = "Jennifer Lopez will host the Emmys this year, and the president hosted the Kenyan delegation."
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    assert [m.trigger for m in mentions if m.type == "CONSULT"] == ["hosted"]


def test_events_targets_the_object_of_an_act_before_or_after_is_no_target(nlp):
    text = "The union reached a deal after notifying Omar Haddad of its decision."
    mention = _main(nlp, text, "reach")
    assert "Omar Haddad" not in {t.name for t in mention.targets}, mention.targets
