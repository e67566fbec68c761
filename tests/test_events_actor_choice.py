"""Actor choice from the trigger's own clause, second round (issue 16 item 4): the agent of a
passive that the parser hung on the verb's own phrase, and the doer of a condemned deed as the
one accused. Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.events import extract, plover_type
from storyline.models import Article


def _coded(nlp, text, word):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    (m,) = [m for m in mentions if m.trigger.split()[0] == word]
    return m


@pytest.mark.parametrize(
    "text, word, source",
    [
        (
            "The villagers were shot dead in their home by Azerbaijani special forces.",
            "shot",
            "Azerbaijani special forces",
        ),
        ("Four farmers were shot dead on their land by Colombian soldiers on Tuesday.", "shot", "Colombian soldiers"),
    ],
)
def test_events_actor_choice_passive_agent_hung_on_the_verbs_own_phrase(nlp, text, word, source):
    m = _coded(nlp, text, word)
    assert [s.text for s in m.sources] == [source]


@pytest.mark.parametrize(
    "text, word",
    [
        ("The bridge was destroyed near a village by the river.", "destroyed"),  # a place beside, not a doer
        ("The envoy was attacked after a speech by the president of Kenya.", "attacked"),  # the speech's speaker
    ],
)
def test_events_actor_choice_no_agent_from_another_phrase(nlp, text, word):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    assert all(not m.sources for m in mentions if m.trigger.split()[0] == word)


@pytest.mark.parametrize(
    "text, word, target",
    [
        (
            "The UN Security Council condemned the attack by Houthi rebels on the Saudi airport.",
            "condemned",
            "Houthi rebels",
        ),
        (
            "The Kenyan ministry criticized the arrest of the journalist by Egyptian police.",
            "criticized",
            "Egyptian police",
        ),
    ],
)
def test_events_actor_choice_condemned_deed_accuses_its_doer(nlp, text, word, target):
    m = _coded(nlp, text, word)
    assert plover_type(m) == "ACCUSE"
    assert [t.text for t in m.targets] == [target]


@pytest.mark.parametrize(
    "text, word, role, actor",
    [
        (
            "Two journalists were abducted near Mosul by Islamic State fighters.",
            "abducted",
            "targets",
            "Two journalists",
        ),
        ("In 2011 the senator sued the company behind the vodka brand.", "sued", "targets", "company"),
    ],
)
def test_events_actor_choice_media_business_heads_are_actors_without_a_country(nlp, text, word, role, actor):
    m = _coded(nlp, text, word)
    assert [r.text for r in getattr(m, role)] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "The channel was closed to shipping after the storm, the radio said.",  # a waterway, a broadcaster: no actors
    ],
)
def test_events_actor_choice_ambiguous_media_heads_stay_no_actor(nlp, text):
    from storyline.actors import ActorResolver, load_kb

    doc = nlp(text)
    resolver = ActorResolver(doc, load_kb())
    assert resolver.ref(next(t for t in doc if t.lower_ == "channel")) is None


def test_events_actor_choice_a_deed_nouns_own_agent_is_its_source(nlp):
    text = "The company denied the accusations made by the dockworkers union."
    m = _coded(nlp, text, "accusations")
    assert [s.text for s in m.sources] == ["dockworkers union"]


@pytest.mark.parametrize(
    "text, word, source",
    [
        ("More than two dozen Syrian soldiers were killed in Russian airstrikes in Idlib.", "killed", "Russian"),
        ("Five villagers were killed in the attack by Boko Haram gunmen.", "killed", "Boko Haram gunmen"),
    ],
)
def test_events_actor_choice_harmed_in_an_attack_by_its_doer(nlp, text, word, source):
    m = _coded(nlp, text, word)
    assert [s.text for s in m.sources] == [source]


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "Three students were arrested during a protest by opposition supporters.",
            "arrested",
        ),  # not the protesters' arrest
        ("A farmer was killed in a battle between Malian troops and Tuareg rebels.", "killed"),  # either side
    ],
)
def test_events_actor_choice_no_doer_from_a_deed_of_another_kind_or_side(nlp, text, word):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    assert all(not m.sources for m in mentions if m.trigger.split()[0] == word)


@pytest.mark.parametrize(
    "text, word, source, target",
    [
        (
            "A farmer was killed in a battle between Malian troops and Tuareg rebels.",
            "battle",
            "Malian troops",
            "Tuareg rebels",
        ),
        (
            "Heavy fighting between Syrian government forces and Kurdish fighters erupted in Hasakah.",
            "fighting",
            "Syrian government forces",
            "Kurdish fighters",
        ),
    ],
)
def test_events_actor_choice_fight_between_two_sides(nlp, text, word, source, target):
    m = _coded(nlp, text, word)
    assert ([s.text for s in m.sources], [t.text for t in m.targets]) == ([source], [target])


def test_events_actor_choice_a_battle_between_candidates_has_no_sides(nlp):
    text = "A battle between an African American and a Latina could draw in outside groups."
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    assert all(not m.sources for m in mentions)


@pytest.mark.parametrize(
    "text, word, doer",
    [
        # a caption word before the sentence: the parser makes "Video" a second subject
        (
            "Video In recent days, Russian and Syrian aircraft have carried out raids, mainly in Homs, using cluster bombs.",
            "carried",
            "aircraft",
        ),
        (
            "The latest act of terror, in which gunman Ahmed Qasim killed nine worshippers in Quetta, shocked Pakistan.",
            "killed",
            "Ahmed Qasim",
        ),
    ],
)
def test_events_actor_choice_second_subject_the_parser_gave_names_the_doer(nlp, text, word, doer):
    m = _coded(nlp, text, word)
    assert any(doer in s.text for s in m.sources)


def test_events_actor_choice_a_denied_accusation_is_not_the_deniers(nlp):
    text = "Venezuela denied the accusation by the United States."
    m = _coded(nlp, text, "accusation")
    assert [s.text for s in m.sources] == ["United States"]


@pytest.mark.parametrize(
    "text, word, role, actor",
    [
        (
            "Rival fans skirmish ahead of the match in the port city of Marseille on Saturday.",
            "skirmish",
            "sources",
            "fans",
        ),
        ("Later, a man was shot dead at his door in the Old Park district of Belfast.", "shot", "targets", "man"),
        (
            "Police arrested twelve people, seven women and five men, after the attack in Lyon.",
            "arrested",
            "targets",
            "women",
        ),
    ],
)
def test_events_actor_choice_people_named_by_a_common_noun_are_actors(nlp, text, word, role, actor):
    m = _coded(nlp, text, word)
    assert any(actor in r.text for r in getattr(m, role))
