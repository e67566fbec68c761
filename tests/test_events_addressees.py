"""Statement addressees: whom the words are addressed to, or whom they are about."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import Article


def _statements(nlp, text):
    article = Article(id=Article.make_id(text), source="t", text=text)
    _, statements = extract(article, nlp(text), ())
    return statements


def _addressees(nlp, text) -> set[str]:
    return {a.country or a.name for st in _statements(nlp, text) for a in st.addressees}


@pytest.mark.parametrize(
    "text, wanted",
    [
        # spoken to: a "to" phrase of the verb or of the attitude it voices, the object of "urge"
        ("The Kenyan president expressed his condolences to the government of Peru after the floods.", "PER"),
        ("Norway urged Sudan to reopen the border crossing at once.", "SDN"),
        ("Canada's foreign minister told Ghana that the loan would be paid in March.", "GHA"),
        # about: the "of/about/over" phrase of an attitude, an actor inside it
        ("The Danish foreign ministry said it is skeptical of Moscow's proposal for a truce.", "RUS"),
        ("Argentina voiced concern over Chile's plans for the disputed glacier.", "CHL"),
        # about: the subject of a clause hoped for
        ("Japanese officials said they hoped that South Korea would resume the fisheries talks.", "KOR"),
        # a denial answers its accuser, not the accused
        ("Ecuador rejected accusations by Peru that its soldiers had crossed the river.", "PER"),
        # the attitude's phrase hung on its verb; a nationality; the agent of a participle
        ("The Chilean minister expressed pessimism on Friday over Bolivia's plans for the lake.", "BOL"),
        ("Kenya's foreign ministry said it is wary of Ugandan motives in the border talks.", "UGA"),
        ("The Kenyan envoy expressed optimism about the reforms announced by the Ethiopian government.", "ETH"),
    ],
)
def test_events_addressees_from_the_cue_clause(nlp, text, wanted):
    assert wanted in _addressees(nlp, text)


@pytest.mark.parametrize(
    "text, unwanted",
    [
        # a reported clause is what is said, not to or about whom: "Turkey" acted, it is not addressed
        ("The Greek minister said Turkey had moved two frigates near the island.", "TUR"),
        # the accused of a denied charge is the denier's own side, not the one answered
        ("Ecuador rejected accusations by Peru that its soldiers had crossed the river.", "ECU"),
        # never the speaker
        ("Germany told reporters that Germany backed the plan.", "DEU"),
        # "Central American" is not "American"; where and when the attitude was voiced is no topic
        ("Peru denied charges by Central American bishops that it had jailed a priest.", "USA"),
        ("The Chilean minister expressed concern on Friday in Lima.", "PER"),
        # a sea is no actor, whatever its name holds
        ("Chile's foreign minister said Santiago hoped for peace in the Taiwan Strait.", "TWN"),
    ],
)
def test_events_addressees_leave_out_what_is_only_reported(nlp, text, unwanted):
    assert unwanted not in _addressees(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a plain thing announced: its own "for"/"with" phrase is part of it, no one addressed
        "President Anna Berg announced a nominee for Surgeon General on Monday.",
        "Paul Smith announced a new link of the player with Spotify.",
    ],
)
def test_events_addressees_none_in_a_plain_thing_announced(nlp, text):
    assert _addressees(nlp, text) == set()
