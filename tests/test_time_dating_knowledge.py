"""Dating from world knowledge: coming events and anniversaries, entities
with lifespans (companies, institutions), combined with other clues.
Sentences are invented for these tests."""

from __future__ import annotations

from datetime import date

from storyline.time import infer_publication_date
from storyline.time.dating import is_low_confidence


def test_dating_coming_anniversary_puts_the_article_before_it():
    text = "Allied leaders will gather in Washington to celebrate NATO's 50th anniversary, diplomats said."
    value = infer_publication_date(text, (), roles_path="", guess=True)
    assert value is not None
    assert any("still to come" in line for line in value.evidence)
    assert value.latest <= date(1999, 4, 4)
    assert value.value.startswith("1998")


def test_dating_past_anniversary_stays_around_the_day():
    text = "Allied leaders gathered in Washington and celebrated NATO's 50th anniversary, diplomats said."
    value = infer_publication_date(text, (), roles_path="", guess=True)
    assert value is not None and value.value.startswith("1999")
    assert not any("still to come" in line for line in value.evidence)


def test_dating_scheduled_event_news_thickens_as_it_nears():
    # Coming for a year before the day, but more often said in its last months.
    text = "Poland, Hungary and the Czech Republic will join NATO in a ceremony next month, officials said."
    value = infer_publication_date(text, (), roles_path="", guess=True)
    assert value is not None and is_low_confidence(value)
    assert value.value == "1999"
