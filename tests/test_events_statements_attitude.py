"""Statements made by voicing an attitude ("expressed condolences to", "voiced concern about"):
CAMEO's 012/013/018 statements, with their subject as speaker; and the issuer of a written
statement as the speaker of its "saying ...". Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _statements(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    return extract(article, nlp(text), ())[1]


@pytest.mark.parametrize(
    "text, speaker, cue, starts",
    [
        (
            "Finnish Prime Minister Anna Korhonen expressed condolences to the families of the miners killed in Lapland.",
            "Anna Korhonen",
            "express",
            "expressed condolences to the families",
        ),
        (
            "The Kenyan government voiced deep concern about the fighting near the border on Sunday.",
            "Kenyan government",
            "voice",
            "voiced deep concern about the fighting",
        ),
        (
            "King Harald has sent a condolence message to the people of Chile after the earthquake.",
            "King Harald",
            "send",
            "sent a condolence message to the people of Chile",
        ),
        (
            "Mexico expressed optimism about the new trade talks with Canada.",
            "Mexico",
            "express",
            "expressed optimism about the new trade talks",
        ),
        (
            "The Red Cross offered its sympathies to the victims of the flood in Bangladesh.",
            "Red Cross",
            "offer",
            "offered its sympathies to the victims",
        ),
    ],
)
def test_events_statements_attitude_voiced_is_a_statement_of_its_subject(nlp, text, speaker, cue, starts):
    (st,) = _statements(nlp, text)
    assert speaker in st.speaker.text
    assert st.cue == cue and st.kind == "paraphrase"
    assert st.words.startswith(starts)


@pytest.mark.parametrize(
    "text",
    [
        "The company expressed interest in buying the steel plant near Gdansk.",  # an interest is no attitude voiced
        "Finland sent three hundred soldiers to the border with Russia.",  # sending troops is no statement
        "The minister offered a plan to rebuild the port of Beira.",  # an offer, not a statement
    ],
)
def test_events_statements_attitude_other_objects_make_no_statement(nlp, text):
    assert [s for s in _statements(nlp, text) if s.cue in ("express", "send", "offer")] == []


def test_events_statements_issued_statement_saying_gives_the_issuer(nlp):
    text = (
        "Kenyan Foreign Ministry spokesman David Otieno issued a statement saying the envoy of Uganda "
        "had been summoned over the border incident."
    )
    (st,) = _statements(nlp, text)
    assert st.speaker.name == "David Otieno"
    assert st.words.startswith("the envoy of Uganda had been summoned")


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        (
            "Nadia Rahimi, a spokeswoman for the Afghan interior ministry, declined to comment on the raid.",
            "Nadia Rahimi",
            "declined to comment on the raid",
        ),
        ("The Chilean navy refused to comment.", "Chilean navy", "refused to comment"),
    ],
)
def test_events_statements_declining_to_comment_is_a_statement(nlp, text, speaker, words):
    # CAMEO 011 "decline comment" is a statement of root 01
    (st,) = _statements(nlp, text)
    assert speaker in st.speaker.text and st.words == words


def test_events_statements_declining_to_do_something_else_is_no_statement(nlp):
    assert _statements(nlp, "The Chilean navy declined to join the exercise off Peru.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government voiced deep concern about the fighting near the border on Sunday.",
        "Norway's foreign minister expressed concern over the arrests of the opposition leaders in Minsk.",
    ],
)
def test_events_statements_attitude_concern_is_a_statement_not_an_accusation(nlp, text):
    # CAMEO's own dictionary: EXPRESS/VOICE * CONCERN is 012 (a pessimistic comment, root 01), not 111
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, statements = extract(article, nlp(text), ())
    assert [m for m in mentions if m.type == "ACCUSE"] == []
    assert [s.cue for s in statements] in (["voice"], ["express"])
