"""Spans counted from the narrative's day ("three days later", "an hour
earlier") are durations in TimeML; the day they land on is kept on the
Timex (``implied``) for the narrative and for dating events. All sentences
are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.models import Article, TimeValue, Timex
from storyline.serialize import dumps, loads
from storyline.time import tag, tag_text

FRIDAY = date(2021, 3, 19)


def timexes(nlp, text, anchor=FRIDAY):
    return {t.text: t for t in tag(nlp(text), anchor)}


@pytest.mark.parametrize(
    "text, span, value, day",
    [
        (
            "Rebels seized the airport on March 2. Three days later, the army took it back.",
            "Three days later",
            "P3D",
            "2021-03-05",
        ),
        (
            "The court ruled on March 8. A day earlier, the ministry had withdrawn its appeal.",
            "A day earlier",
            "P1D",
            "2021-03-07",
        ),
        (
            "The talks opened on March 1. Two weeks later, both delegations walked out.",
            "Two weeks later",
            "P2W",
            "2021-W11",
        ),
        # no comma: "later" is never a preposition, whatever word follows it
        (
            "Rebels seized the airport on March 2. Three days later the army took it back.",
            "Three days later",
            "P3D",
            "2021-03-05",
        ),
        (
            "The court ruled on March 8. A day earlier the ministry had withdrawn its appeal.",
            "A day earlier",
            "P1D",
            "2021-03-07",
        ),
    ],
)
def test_time_narrative_span_is_a_duration_that_lands_on_a_day(nlp, text, span, value, day):
    t = timexes(nlp, text)[span]
    assert (t.type, t.value.value) == ("DURATION", value)
    assert t.implied is not None and t.implied.value == day


def test_time_narrative_span_keeps_its_modifier_and_unknown_amount(nlp):
    t = timexes(nlp, "The plant closed on March 4. Just over an hour later, the fire was out.")["over an hour later"]
    assert (t.type, t.value.value, t.value.mod) == ("DURATION", "PT1H", "MORE_THAN")
    few = timexes(nlp, "The strike began on March 2. A few days later, the union called it off.")["A few days later"]
    assert (few.type, few.value.value) == ("DURATION", "PXD")


def test_time_narrative_span_still_moves_the_narrative(nlp):
    # "the next day" counts from the day "three days later" lands on
    t = timexes(
        nlp,
        "Rebels seized the airport on March 2. Three days later, the army took it back, "
        "and the next day the president visited the town.",
    )
    assert t["the next day"].value.value == "2021-03-06"


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a figure compared with an earlier time names that time
        ("Exports were $4.1 billion, up from $3.9 billion a week earlier.", "a week earlier", "2021-W10"),
        ("Inflation rose to 3.2% from 3.1% a month earlier.", "a month earlier", "2021-02"),
        # years name the period a results story compares with
        ("Net income rose to $12 million from $9 million a year earlier.", "a year earlier", "2020"),
        ("A year earlier, the bank had lost $3 million.", "A year earlier", "2020"),
        # counted from today, not from the narrative
        ("The ceasefire was signed two weeks ago.", "two weeks ago", "2021-W09"),
    ],
)
def test_time_narrative_span_comparisons_and_ago_stay_dates(nlp, text, span, value):
    t = timexes(nlp, text)[span]
    assert (t.type, t.value.value, t.implied) == ("DATE", value, None)


def test_time_narrative_span_without_an_anchor_is_still_a_duration():
    (t,) = tag_text("Three days later, the army took the airport back.", None)
    assert (t.type, t.value.value) == ("DURATION", "P3D")
    assert t.implied is not None and t.implied.value == "FUTURE_REF"


def test_time_narrative_span_implied_day_round_trips_and_old_records_load():
    day = TimeValue("2021-03-05", date(2021, 3, 5), date(2021, 3, 5), "day", "relative", FRIDAY)
    timex = Timex(40, 56, "Three days later", "DURATION", TimeValue("P3D", precision="duration"), day)
    assert loads(Timex, dumps(timex)) == timex
    old = dumps(Timex(0, 6, "Monday", "DATE", day)).replace(',"implied":null', "")
    assert "implied" not in old and loads(Timex, old).implied is None


def test_time_narrative_span_dates_the_event_in_its_clause(nlp):
    """The event coder sees the day, as when the span was tagged a DATE."""
    from storyline.events import extract

    text = "Rebels seized the airport on March 2. Three days later, the army attacked the rebels in the town."
    published = TimeValue(FRIDAY.isoformat(), FRIDAY, FRIDAY, "day", "metadata")
    article = Article(id=Article.make_id(text), source="t", text=text, published=published)
    doc = nlp(text)
    mentions, _ = extract(article, doc, tag(doc, FRIDAY))
    attack = next(m for m in mentions if m.trigger == "attacked")
    assert attack.time is not None and attack.time.value == "2021-03-05"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Farmers in the valley have suffered from floods in recent years.", "recent years", "PXY"),
        ("In recent months, the two parties have met behind closed doors.", "recent months", "PXM"),
        ("Prices have been rising steadily in recent weeks.", "recent weeks", "PXW"),
    ],
)
def test_time_recent_units_in_a_present_perfect_are_a_span_up_to_now(nlp, text, span, value):
    t = timexes(nlp, text)[span]
    assert (t.type, t.value.value) == ("DURATION", value)
    assert t.implied is not None and t.implied.value == "PAST_REF"


@pytest.mark.parametrize(
    "text, span",
    [
        ("The currency soared in recent years, and exporters struggled.", "recent years"),
        ("Dozens were reported hurt in the clashes in recent days.", "recent days"),
        ("The mill owes its growth in recent years to cheap power.", "recent years"),
        # (no one length for two units)
        ("Many traders in recent weeks and months have been selling bonds.", "recent weeks"),
    ],
)
def test_time_recent_units_told_in_the_past_are_the_recent_past(nlp, text, span):
    t = timexes(nlp, text)[span]
    assert (t.type, t.value.value, t.implied) == ("DATE", "PAST_REF", None)


def test_time_narrative_after_before_a_noun_phrase_is_a_preposition(nlp):
    # "two days after the vote": the span is the length, "after the vote" is not part of it
    found = timexes(nlp, "Two days after the vote, the council resigned.")
    assert "Two days" in found and found["Two days"].type == "DURATION"


@pytest.mark.parametrize(
    "text, span, day",
    [
        # a weekday is the day the narrative is on, as for "the next day"
        ("The minister resigned on Tuesday. Two days later, the cabinet fell.", "Two days later", "2021-03-18"),
        ("The minister resigned on Tuesday. An hour later, the cabinet met.", "An hour later", "2021-03-16"),
        # one span after another moves on from the day the first landed on
        (
            "Rebels seized the airport on March 2. Three days later, the army took it back. Two days later, "
            "the rebels returned.",
            "Two days later",
            "2021-03-07",
        ),
    ],
)
def test_time_narrative_span_counts_from_the_day_the_narrative_is_on(nlp, text, span, day):
    assert timexes(nlp, text)[span].implied.value == day


def test_time_narrative_span_with_no_day_named_counts_from_the_article(nlp):
    # nothing named yet: the publication day (Friday, March 19)
    t = timexes(nlp, "Police sealed the square. Two hours later, the crowd had gone.")["Two hours later"]
    assert t.implied.value == "2021-03-19"
