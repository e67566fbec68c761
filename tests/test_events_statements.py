"""Statements: who said what, with pronouns and multi-sentence quotes."""

from __future__ import annotations

from datetime import date

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


def _dated(nlp, text):
    from storyline import time
    from storyline.models import TimeValue

    day = date(2024, 5, 10)
    article = Article(id=Article.make_id(text), source="t", text=text,
                      published=TimeValue("2024-05-10", day, day, "day", "header"))
    doc = nlp(text)
    return extract(article, doc, time.tag(doc, day))[1]


def test_events_statements_same_speaker_next_sentences_share_the_day(nlp):
    text = ("On Wednesday the Kenyan foreign minister Amina Otieno said the border would stay closed. "
            "\u201cWe will not reopen it this month,\u201d Otieno said. "
            "She added that trade would suffer.")
    statements = _dated(nlp, text)
    assert len(statements) == 3
    assert {s.time.value for s in statements} == {"2024-05-08"}


def test_events_statements_other_speaker_does_not_share_the_day(nlp):
    text = ("On Wednesday the Kenyan foreign minister Amina Otieno said the border would stay closed. "
            "Tanzanian President Samia Suluhu Hassan said that trade would suffer badly.")
    first, second = _dated(nlp, text)
    assert first.time.value == "2024-05-08"
    # not Wednesday: only "by the day the article was published"
    assert second.time.earliest is None and second.time.latest == date(2024, 5, 10)


def test_events_statements_a_declaration_is_dated_with_the_act_it_is(nlp):
    text = "Kenya's president declared he was ending all agreements with Somalia from Monday."
    (statement,) = _dated(nlp, text)
    assert statement.time is not None and statement.time.value == "2024-05-06"
