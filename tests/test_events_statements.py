"""Statements: who said what, with pronouns and multi-sentence quotes."""

from __future__ import annotations

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
    text = ("Maria Costa, the EU envoy, arrived on Monday. \u201cWe are worried. "
            "We want both sides to talk,\u201d she said.")
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
