"""Statements: who said what, with pronouns and multi-sentence quotes."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.events import extract
from storyline.models import Article, stable_id


def _statements(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, statements = extract(article, nlp(text), ())
    return article, mentions, statements


def test_events_statements_said_with_paraphrase(nlp):
    text = "Kenyan Foreign Minister Amina Otieno said the border would stay closed until March."
    article, _, (st,) = _statements(nlp, text)
    assert st.speaker.country == "KEN"
    assert st.words == "the border would stay closed until March"
    assert st.kind == "paraphrase" and st.cue == "say"
    assert st.id == stable_id("sm", article.id, st.start)


def test_events_statements_told_and_surname(nlp):
    text = "Omar Haddad is Jordan's foreign minister. Haddad told reporters that talks would resume soon."
    _, _, statements = _statements(nlp, text)
    assert [(s.speaker.name, s.cue) for s in statements] == [("Omar Haddad", "tell")]


def test_events_statements_quote_spanning_sentences_goes_to_she(nlp):
    text = (
        "Maria Costa, the EU envoy, arrived on Monday. \u201cWe are worried. "
        "We want both sides to talk,\u201d she said."
    )
    _, _, statements = _statements(nlp, text)
    (st,) = [s for s in statements if s.kind == "quote"]
    assert st.speaker.name == "Maria Costa"
    assert st.words.startswith("\u201cWe are worried.") and st.words.endswith("talk,\u201d")


def test_events_statements_according_to(nlp):
    text = "The ceasefire collapsed overnight, according to Egyptian officials."
    _, _, (st,) = _statements(nlp, text)
    assert st.cue == "according to" and st.speaker.country == "EGY"


def test_events_statements_about_links_the_event(nlp):
    text = "Jordanian officials said Jordan had suspended security cooperation with Syria."
    _, mentions, (st,) = _statements(nlp, text)
    assert st.about == mentions[0].id


def test_events_statements_quoted_words_are_not_new_speakers(nlp):
    text = "\u201cThe leadership stressed that the decision stands,\u201d Salim Nasser told Radio Amman."
    _, _, statements = _statements(nlp, text)
    assert [s.speaker.name for s in statements] == ["Salim Nasser"]


def _dated(nlp, text):
    from storyline import time
    from storyline.models import TimeValue

    day = date(2024, 5, 10)
    article = Article(
        id=Article.make_id(text), source="t", text=text, published=TimeValue("2024-05-10", day, day, "day", "header")
    )
    doc = nlp(text)
    return extract(article, doc, time.tag(doc, day))[1]


def test_events_statements_same_speaker_next_sentences_share_the_day(nlp):
    text = (
        "On Wednesday the Kenyan foreign minister Amina Otieno said the border would stay closed. "
        "\u201cWe will not reopen it this month,\u201d Otieno said. "
        "She added that trade would suffer."
    )
    statements = _dated(nlp, text)
    assert len(statements) == 3
    assert {s.time.value for s in statements} == {"2024-05-08"}


def test_events_statements_other_speaker_does_not_share_the_day(nlp):
    text = (
        "On Wednesday the Kenyan foreign minister Amina Otieno said the border would stay closed. "
        "Tanzanian President Samia Suluhu Hassan said that trade would suffer badly."
    )
    first, second = _dated(nlp, text)
    assert first.time.value == "2024-05-08"
    # not Wednesday: only "by the day the article was published"
    assert second.time.earliest is None and second.time.latest == date(2024, 5, 10)


def test_events_statements_a_declaration_is_dated_with_the_act_it_is(nlp):
    text = "Kenya's president declared he was ending all agreements with Somalia from Monday."
    (statement,) = _dated(nlp, text)
    assert statement.time is not None and statement.time.value == "2024-05-06"


# --- attribution follows the quote's own sentence and its frame (issue 15 item 9) ----------------

ATTRIBUTION = [
    # a pronoun speaker stands for the subject named before, not the one met or called
    (
        "Maria Costa met her successor Laura Kim on Monday. \u201cKeep the board united,\u201d she told her.",
        "Keep the board",
        "Maria Costa",
    ),
    (
        "President David Ross called Prime Minister Anna Schmidt on Tuesday. "
        "\u201cThe test is a grave threat,\u201d he said.",
        "grave threat",
        "David Ross",
    ),
    # ... and a chain of pronouns keeps to the same person
    (
        "John Miller met Peter Novak in Oslo. He said the talks were useful. \u201cWe need unity,\u201d he added.",
        "We need unity",
        "John Miller",
    ),
    # the nearest subject who speaks wins over an earlier one
    (
        "John Miller spoke with Peter Novak by phone. Peter Novak said the talks went well. "
        "\u201cWe agree on much,\u201d he added.",
        "agree on much",
        "Peter Novak",
    ),
    # a bare title stands for the person named with it before
    (
        "President David Ross spoke with Prime Minister Anna Schmidt. "
        "\u201cThe test is a grave threat,\u201d the president said.",
        "grave threat",
        "David Ross",
    ),
    # a quote sentence with no frame of its own continues the speaker before it
    (
        "\u201cThe council must act now,\u201d Maria Costa said. \u201cWe cannot wait.\u201d",
        "cannot wait",
        "Maria Costa",
    ),
    # "according to" an office with its holder's name: the holder
    (
        "\u201cUnacceptable\u201d was how the minister described the test, according to his spokesman Peter Novak.",
        "Unacceptable",
        "Peter Novak",
    ),
]


@pytest.mark.parametrize("text, words, speaker", ATTRIBUTION)
def test_events_statements_speaker_from_the_quote_frame(nlp, text, words, speaker):
    _, _, statements = _statements(nlp, text)
    said = [s for s in statements if words in s.words]
    assert said, [(s.speaker.name, s.words) for s in statements]
    assert said[0].speaker.name == speaker


def test_events_statements_quote_closed_by_its_own_frame_is_not_continued(nlp):
    text = (
        "\u201cWe will respond firmly,\u201d said Maria Costa. "
        "\u201cThe missile fell in our waters,\u201d Defence Minister Peter Novak said."
    )
    _, _, statements = _statements(nlp, text)
    assert [(s.speaker.name, "missile" in s.words) for s in statements] == [
        ("Maria Costa", False),
        ("Peter Novak", True),
    ]


def test_events_statements_quote_after_an_unquoted_sentence_is_not_continued(nlp):
    text = "\u201cThe council must act now,\u201d Maria Costa said. The council met on Tuesday. \u201cWe cannot wait.\u201d"
    _, _, statements = _statements(nlp, text)
    assert not [s for s in statements if "cannot wait" in s.words]


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang\u2019s \u201cKorean Central News Agency\u201d said the launch was a success.",
        "Tehran\u2019s \u201cIslamic Republic News Agency\u201d said the launch was a success.",
    ],
)
def test_events_statements_speaker_name_has_no_quote_mark(nlp, text):
    _, _, statements = _statements(nlp, text)
    assert statements, "the radio's words are a statement"
    for st in statements:
        assert not set('\u201c\u201d"') & set(st.speaker.name + st.speaker.text)
        assert st.words == "the launch was a success"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Norway on Tuesday rejected the accusations of spying made by its neighbour.", "NOR"),
        ("The Kenyan government strongly denied any involvement in the raid.", "KEN"),
        ("Chilean officials dismissed the allegations as baseless.", "CHL"),
    ],
)
def test_events_statements_denial_is_the_deniers_statement(nlp, text, speaker):
    """Denying a charge is a statement of the denier (CAMEO 016), not a REJECT event."""
    _, mentions, statements = _statements(nlp, text)
    (st,) = statements
    assert st.speaker.country == speaker and st.cameo == "016"
    assert not [m for m in mentions if m.type == "REJECT"]


def test_events_statements_rejecting_a_proposal_stays_an_event(nlp):
    text = "Norway rejected the proposal to hold new talks in Oslo."
    _, mentions, statements = _statements(nlp, text)
    assert [m.type for m in mentions if m.type == "REJECT"] == ["REJECT"]
    assert not [s for s in statements if s.cameo == "016"]


@pytest.mark.parametrize(
    "text, cameo",
    [
        ("The Karen rebels claimed responsibility for the bombing of the rail bridge.", "015"),
        ("The Karen rebels claimed that they had shelled the army post near the river.", "015"),
        # a bare "they" the resolver leaves open stands for the claimer in the clause of a claim
        ("Hezbollah claimed that they had attacked an army post near the border.", "015"),
        # someone else's act, claimed: no responsibility taken
        ("The Karen rebels claimed that the army had shelled the village near the river.", None),
        # a denial refused is no denial
        ("The Peruvian ministry declined to confirm or deny that its troops had crossed the river.", None),
    ],
)
def test_events_statements_claim_of_ones_own_act(nlp, text, cameo):
    """Claiming one's own act is CAMEO 015, "claim responsibility"; the code rides on the statement."""
    _, _, statements = _statements(nlp, text)
    assert statements and statements[0].cameo == cameo


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The Chilean government agreed with the Senate that farmers should be paid for the drought.", "agree"),
        # (inside what they said: the saying holds the words)
        ("Peruvian officials said they agree with what the Bolivian council proposed last week.", "say"),
    ],
)
def test_events_statements_agreeing_with_a_view_is_accord_not_agree(nlp, text, cue):
    """Agreeing with a view is a statement (CAMEO 019, express accord), not a PLOVER AGREE."""
    _, mentions, statements = _statements(nlp, text)
    (st,) = statements
    assert st.cue == cue and st.cameo == ("019" if cue == "agree" else None)
    assert not [m for m in mentions if m.type == "AGREE"]


def test_events_statements_agreeing_to_act_stays_an_agreement(nlp):
    text = "Chile agreed with Peru to reopen the border crossing on Monday."
    _, mentions, statements = _statements(nlp, text)
    assert [m.type for m in mentions if m.type == "AGREE"] == ["AGREE"]
    assert not [s for s in statements if s.cameo == "019"]


@pytest.mark.parametrize(
    "text",
    [
        # "add" with an object puts something in; no one speaks
        "Any members of the Kenya Red Cross Society can add photos to the site for free.",
        # an expletive "it" before "to note": the writer's aside, no speaker
        "Intel opened a plant. It is interesting to note that Samsung has added new chips.",
    ],
)
def test_events_statements_no_saying_without_a_speaker(nlp, text):
    _, _, statements = _statements(nlp, text)
    assert statements == [], [(s.speaker.name, s.cue) for s in statements]


def test_events_statements_lone_surname_tagged_as_organisation_is_the_person_named_before(nlp):
    text = (
        "County Sheriff Robert Pickell said the man fled. The suspect was taken in, Pickell said. "
        "Upon arrest, police seized a shotgun, he said."
    )
    _, _, statements = _statements(nlp, text)
    assert [s.speaker.name for s in statements][-2:] == ["Robert Pickell", "Robert Pickell"]
